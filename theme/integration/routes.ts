import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
		postFile: true,
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

/**
 * Injects the theme's pages and endpoints, except those at a fixed address that a page of the site's own
 * (`src/pages/index.astro`, `src/pages/rss.xml.js`, `src/pages/archive.astro`) already answers: Astro would
 * build the site's and serve the theme's under `astro dev`, warning of a collision it will soon refuse. Each
 * page the site replaces is named through `info`.
 */
export function injectThemeRoutes(injectRoute: (route: InjectedRoute) => void, astroConfig: AstroConfig, config: ThemeConfig, info: (message: string) => void = () => {}): void {
	const project = { postPattern: permalinkPattern(config.permalinks) };
	const own = sitePages(astroConfig);
	for (const name of enabledRoutes(astroConfig, config)) {
		const { entrypoint, injectAs }: RouteDefinition = ROUTES[name];
		if (!entrypoint) continue;
		const pattern = injectAs ?? routePattern(name, project);
		// A route with parameters is left beside the site's own: each builds the pages its getStaticPaths()
		// returns (a site's [slug].astro for its About page, the theme's /[slug] for posts), and Astro warns
		// only when both make one address.
		const page = pattern.includes('[') ? undefined : own.get(pattern);
		if (page) info(`${page} replaces Carnet's page ${pattern}, which is not added.`);
		else injectRoute({ pattern, entrypoint: `astro-theme-carnet/routes/${entrypoint}`, prerender: true });
	}
	const robots = publicRobotsNote(astroConfig, config);
	if (robots) info(robots);
	const sitemap = config.sitemap && astroConfig.site ? ownSitemap(astroConfig) : undefined;
	if (sitemap) info(`${sitemap} replaces Carnet's sitemap, which is not added: @astrojs/sitemap would write over it. Set sitemap: false in carnet() to say so, or delete it to have the theme's.`);
}

// The files @astrojs/sitemap writes.
const SITEMAP_FILES = ['sitemap-index.xml', 'sitemap-0.xml'];

/**
 * The site's own sitemap, in public/ or src/pages/, at an address @astrojs/sitemap writes once the site is built
 * (sitemap-index.xml, sitemap-0.xml), named from the project's root: the site's file wins, as its robots.txt does.
 */
export function ownSitemap(astroConfig: Pick<AstroConfig, 'root' | 'srcDir' | 'publicDir'>): string | undefined {
	const inPublic = SITEMAP_FILES.find((file) => existsSync(fileURLToPath(new URL(file, astroConfig.publicDir))));
	if (inPublic) return publicPathOf(astroConfig, inPublic);
	const pages = sitePages(astroConfig);
	return SITEMAP_FILES.map((file) => pages.get(`/${file}`)).find((page) => page !== undefined);
}

/** `file` of the site's public folder as messages name it, from the project root: `public/robots.txt`, `static/robots.txt`. */
function publicPathOf(astroConfig: Pick<AstroConfig, 'root' | 'publicDir'>, file: string): string {
	return path.relative(fileURLToPath(astroConfig.root), fileURLToPath(new URL(file, astroConfig.publicDir))).split(path.sep).join('/');
}

/**
 * What to say of a robots.txt in public/, which replaces the theme's: the theme's names the sitemap
 * (`Sitemap: …`), which one of the site's own lacking that line no longer does.
 */
function publicRobotsNote(astroConfig: AstroConfig, config: ThemeConfig): string | undefined {
	let text: string;
	try {
		text = readFileSync(fileURLToPath(new URL('robots.txt', astroConfig.publicDir)), 'utf8');
	} catch {
		return undefined;
	}
	const sitemap = astroConfig.site ? new URL(`${astroConfig.base.replace(/\/?$/, '/')}sitemap-index.xml`, astroConfig.site).href : '/sitemap-index.xml';
	return config.sitemap && !/^\s*sitemap\s*:/im.test(text)
		? `${publicPathOf(astroConfig, 'robots.txt')} replaces Carnet's robots.txt, and names no sitemap: search engines find it through a line "Sitemap: ${sitemap}", which the theme's has. Add that line to it, or delete it to have the theme's.`
		: undefined;
}

// What Astro reads as a page or an endpoint in src/pages/.
const PAGE_FILE = /\.(?:astro|md|mdx|markdown|mdown|mkdn|mkd|mdwn|html|js|mjs|ts|mts)$/;

/** The site's own pages at a fixed address (`/`, `/rss.xml`), by that address, with their file for messages. */
export function sitePages(astroConfig: Pick<AstroConfig, 'srcDir' | 'root'>): Map<string, string> {
	// A page with parameters is built beside the theme's (injectThemeRoutes()).
	return new Map(pageRoutes(astroConfig).filter(({ route }) => !route.includes('[')).map(({ route, file }) => [route, file]));
}

/**
 * The site's own pages at addresses with parameters (`src/pages/projects/[id].astro`), each as an expression
 * that matches every address it may publish, without its trailing slash (`/projects/carnet`): which values
 * its getStaticPaths() gives is known only once the site is built.
 */
export function dynamicSitePages(astroConfig: Pick<AstroConfig, 'srcDir' | 'root'>): RegExp[] {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return pageRoutes(astroConfig)
		.filter(({ route }) => route.includes('['))
		.map(({ route }) => {
			const segments = route.split('/').filter((segment) => segment !== '');
			// A rest parameter may be empty (`/docs/[...path]` publishes /docs too); another, one segment's part.
			const source = segments.map((segment) =>
				/^\[\.\.\.[^\]]+\]$/.test(segment)
					? '(?:/.*)?'
					: `/${segment.split(/(\[[^\]]+\])/).map((part, index) => (index % 2 === 0 ? escape(part) : part.startsWith('[...') ? '.*' : '[^/]+')).join('')}`,
			);
			return new RegExp(`^${source.join('') || '/'}$`);
		});
}

/** The pages of src/pages/ that Astro builds, by route (`/about`, `/projects/[id]`), with their file from the project's root. */
function pageRoutes(astroConfig: Pick<AstroConfig, 'srcDir' | 'root'>): { route: string; file: string }[] {
	const pagesDir = fileURLToPath(new URL('pages/', astroConfig.srcDir));
	let files: string[];
	try {
		files = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' });
	} catch {
		return [];
	}
	return files.flatMap((file) => {
		const segments = file.split(path.sep);
		// Astro leaves out files and folders whose name starts with an underscore, and type declarations.
		if (!PAGE_FILE.test(file) || file.endsWith('.d.ts') || segments.some((segment) => segment.startsWith('_'))) return [];
		const route = `/${segments.join('/').replace(PAGE_FILE, '')}`.replace(/\/index$/, '') || '/';
		return [{ route, file: path.relative(fileURLToPath(astroConfig.root), path.join(pagesDir, file)).split(path.sep).join('/') }];
	});
}


/**
 * Under `astro dev` with `trailingSlash: 'always'`, serves social cards and old addresses such as
 * `/p/12.html` at the very address a build writes them (routes/dev-file-addresses.ts says why).
 */
export function addDevFileAddresses(addMiddleware: (middleware: AstroIntegrationMiddleware) => void, astroConfig: AstroConfig, command: string): void {
	if (command !== 'dev' || astroConfig.trailingSlash !== 'always') return;
	addMiddleware({ entrypoint: 'astro-theme-carnet/routes/dev-file-addresses.ts', order: 'pre' });
}
