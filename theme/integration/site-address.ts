import type { AstroConfig } from 'astro';

/**
 * Warns about a `site` that Astro uses only in part: without it, the feeds, the sitemap and canonical
 * URLs are skipped; with a path (`https://example.org/blog/`), Astro and @astrojs/sitemap keep only its
 * origin and put every page under `base`, so a path that `base` does not repeat is dropped from every
 * absolute URL.
 */
export function checkSiteAddress(astroConfig: Pick<AstroConfig, 'site' | 'base'>, warn: (message: string) => void): void {
	if (!astroConfig.site) {
		warn(
			'The `site` option is not set in astro.config.mjs, so the RSS feed, the sitemap and canonical URLs are skipped. ' +
				"Set it to the blog's public address, e.g. site: 'https://example.com'.",
		);
		return;
	}
	const { origin, pathname } = new URL(astroConfig.site);
	const path = pathname.replace(/\/+$/, '');
	if (path === '' || path === astroConfig.base.replace(/\/+$/, '')) return;
	warn(
		`site is '${astroConfig.site}', whose path ${pathname} is not used for pages: Astro writes every address from the site's origin (${origin}/) and \`base\`` +
			`${astroConfig.base === '/' ? '' : ` ('${astroConfig.base}')`}, so feeds, the sitemap and canonical URLs would leave ${pathname} out. ` +
			`Put the path in \`base\`: site: '${origin}', base: '${path}'.`,
	);
}
