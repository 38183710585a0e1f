import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationMiddleware, InjectedRoute } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { ROUTES, permalinkPattern, routePattern, type RouteDefinition, type RouteName } from '../utils/routes.ts';

/** The routes of utils/routes.ts that a site gets with these options. Feeds need `site` for absolute URLs. */
export function enabledRoutes(astroConfig: AstroConfig, config: ThemeConfig): RouteName[] {
	// A site's own file in public/ wins; injecting the route anyway would only make Astro warn about it.
	const inPublic = (file: string) => existsSync(fileURLToPath(new URL(file, astroConfig.publicDir)));
	const feeds = Boolean(astroConfig.site);
	const enabled: Record<RouteName, boolean> = {
		home: true,
		homePage: true,
		post: true,
		socialCard: config.socialCards.posts !== 'none',
		archive: true,
		archivePage: true,
		tags: true,
		tag: true,
		tagPage: true,
		notFound: true,
		search: config.search,
		subscribe: feeds,
		seriesIndex: false,
		series: true,
		feedCss: feeds,
		commentsScript: config.comments !== undefined,
		robots: !inPublic('robots.txt'),
		favicon: !inPublic('favicon.svg'),
		rss: feeds,
		rssStylesheet: feeds && config.feed.xslt,
		feedIcon: feeds && !config.socialImage,
		atom: feeds && config.feed.atom,
		jsonFeed: feeds && config.feed.json,
		tagRss: feeds && config.feed.tags,
		sitemapIndex: false,
		searchIndex: false,
		redirect: true,
	};
	return (Object.keys(enabled) as RouteName[]).filter((name) => enabled[name]);
}

/** Injects the theme's pages and endpoints. */
export function injectThemeRoutes(injectRoute: (route: InjectedRoute) => void, astroConfig: AstroConfig, config: ThemeConfig): void {
	const project = { postPattern: permalinkPattern(config.permalinks) };
	for (const name of enabledRoutes(astroConfig, config)) {
		const { entrypoint, injectAs }: RouteDefinition = ROUTES[name];
		if (entrypoint) injectRoute({ pattern: injectAs ?? routePattern(name, project), entrypoint: `astro-theme-carnet/routes/${entrypoint}`, prerender: true });
	}
}

/**
 * Under `astro dev` with `trailingSlash: 'always'`, serves social cards and old addresses such as
 * `/p/12.html` at the very address a build writes them (routes/dev-file-addresses.ts says why).
 */
export function addDevFileAddresses(addMiddleware: (middleware: AstroIntegrationMiddleware) => void, astroConfig: AstroConfig, command: string): void {
	if (command !== 'dev' || astroConfig.trailingSlash !== 'always') return;
	addMiddleware({ entrypoint: 'astro-theme-carnet/routes/dev-file-addresses.ts', order: 'pre' });
}
