import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { toZonedISOString } from '../utils/dates.ts';
import { matchRoute, permalinkKey, permalinkPattern } from '../utils/routes.ts';
import type { SiteState } from './registry.ts';
import { ownSitemap } from './routes.ts';

/**
 * The integrations Carnet needs, minus those the site already added itself (adding `@astrojs/sitemap`
 * twice would write it twice) and the sitemap when the site has its own. The sitemap needs `site`; without it
 * the theme has already warned.
 */
export function companionIntegrations(astroConfig: AstroConfig, config: ThemeConfig, site: SiteState): AstroIntegration[] {
	const has = (name: string) => astroConfig.integrations.some((integration) => integration.name === name);
	const companions: AstroIntegration[] = [];
	if (!has('@astrojs/mdx')) companions.push(mdx());
	// A sitemap of the site's own wins (injectThemeRoutes() says so).
	if (config.sitemap && astroConfig.site && !has('@astrojs/sitemap') && ownSitemap(astroConfig) === undefined) {
		companions.push(
			sitemap({
				// A post first published elsewhere belongs to that site's sitemap (its canonical address).
				filter: (page) => !isCrossPosted(page, astroConfig, site),
				serialize: (item) => {
					const url = homeAddress(item.url, astroConfig);
					const lastmod = lastModifiedFor(url, astroConfig, site);
					return { ...item, url, ...(lastmod ? { lastmod } : {}) };
				},
			}),
		);
	}
	return companions;
}

/**
 * With a `base` and `trailingSlash: 'never'`, the sitemap lists the home page as `/blog/` where the page's
 * canonical address (and the address Astro serves) is `/blog`: the sitemap follows the canonical address.
 */
function homeAddress(url: string, astroConfig: AstroConfig): string {
	if (astroConfig.trailingSlash !== 'never') return url;
	const base = astroConfig.base.replace(/\/$/, '');
	if (base === '') return url;
	const address = new URL(url);
	// Compared encoded, as the sitemap writes it (a base may hold spaces or accents).
	const home = new URL(`${base}/`, address).pathname;
	if (address.pathname !== home) return url;
	address.pathname = home.slice(0, -1);
	return address.href;
}

function isCrossPosted(url: string, astroConfig: AstroConfig, site: SiteState): boolean {
	const post = matchRoute('post', new URL(url).pathname, { base: astroConfig.base, postPattern: permalinkPattern(site.config.permalinks) });
	const canonical = post && site.canonicalURLs.get(permalinkKey(site.config.permalinks, post));
	return canonical !== undefined && new URL(canonical).href !== new URL(url).href;
}

/** A post page's sitemap `lastmod`: its updated date, else its publication date, in the site's zone. */
function lastModifiedFor(url: string, astroConfig: AstroConfig, site: SiteState): string | undefined {
	const post = matchRoute('post', new URL(url).pathname, { base: astroConfig.base, postPattern: permalinkPattern(site.config.permalinks) });
	const date = post && site.lastModified.get(permalinkKey(site.config.permalinks, post));
	return date && toZonedISOString(date, site.config.timeZone);
}
