import type { UrlContext } from './project.ts';

/** One page or endpoint the theme adds to a site. */
export interface RouteDefinition {
	/** Astro route pattern, without `base`: `/tags/[tag]/page/[page]`. */
	pattern: string;
	/** File in `astro-theme-carnet/routes/`; none for URLs another integration writes (the sitemap). */
	entrypoint?: string;
	/** A file such as `rss.xml`, which never takes a trailing slash; pages follow `trailingSlash`. */
	file?: boolean;
	/** The pattern given to Astro when it differs: a rest parameter lets one page write two URL shapes. */
	injectAs?: string;
}

/**
 * Every URL shape of the theme, in one table: the integration injects these routes, and every link,
 * feed URL and sitemap entry is built from (or matched against) the same patterns.
 */
export const ROUTES = {
	home: { pattern: '/', entrypoint: 'index.astro' },
	homePage: { pattern: '/page/[page]', entrypoint: 'page.astro' },
	post: { pattern: '/posts/[slug]', entrypoint: 'post.astro' },
	socialCard: { pattern: '/posts/[slug]/social.[format]', entrypoint: 'social-card.ts', file: true },
	archive: { pattern: '/archive', entrypoint: 'archive.astro' },
	archivePage: { pattern: '/archive/page/[page]', entrypoint: 'archive-page.astro' },
	tags: { pattern: '/tags', entrypoint: 'tags.astro' },
	tag: { pattern: '/tags/[tag]', entrypoint: 'tag.astro' },
	tagPage: { pattern: '/tags/[tag]/page/[page]', entrypoint: 'tag-page.astro' },
	notFound: { pattern: '/404', entrypoint: '404.astro' },
	search: { pattern: '/search', entrypoint: 'search.astro' },
	subscribe: { pattern: '/subscribe', entrypoint: 'subscribe.astro' },
	/** Written by the series route, and only when the blog has a series. */
	seriesIndex: { pattern: '/series' },
	series: { pattern: '/series/[series]', entrypoint: 'series.astro', injectAs: '/series/[...series]' },
	feedCss: { pattern: '/feed.css', entrypoint: 'feed.css.ts', file: true },
	commentsScript: { pattern: '/carnet-comments.js', entrypoint: 'comments.js.ts', file: true },
	robots: { pattern: '/robots.txt', entrypoint: 'robots.txt.ts', file: true },
	favicon: { pattern: '/favicon.svg', entrypoint: 'favicon.svg.ts', file: true },
	rss: { pattern: '/rss.xml', entrypoint: 'rss.xml.ts', file: true },
	rssStylesheet: { pattern: '/rss.xsl', entrypoint: 'rss.xsl.ts', file: true },
	feedIcon: { pattern: '/feed-icon.png', entrypoint: 'feed-icon.png.ts', file: true },
	atom: { pattern: '/atom.xml', entrypoint: 'atom.xml.ts', file: true },
	jsonFeed: { pattern: '/feed.json', entrypoint: 'feed.json.ts', file: true },
	tagRss: { pattern: '/tags/[tag]/rss.xml', entrypoint: 'tag-rss.xml.ts', file: true },
	sitemapIndex: { pattern: '/sitemap-index.xml', file: true },
	/** The folder of the search index, which integration/search-index.ts writes after the build. */
	searchIndex: { pattern: '/pagefind/', file: true },
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof ROUTES;

/** The parameters a route's pattern names: `tagPage` takes `{ tag, page }`. */
export type RouteParams<Name extends RouteName> = Record<ParamNames<(typeof ROUTES)[Name]['pattern']>, string | number>;
type ParamNames<Pattern extends string> = Pattern extends `${string}[${infer Param}]${infer Rest}` ? Param | ParamNames<Rest> : never;

const PARAM = /\[([^\]]+)\]/g;

/**
 * The path of a route with `base` in front: `routePath('tag', { tag: 'pme' }, project)` → `/blog/tags/pme/`.
 * Parameters are percent-encoded; pages end with a slash as `trailingSlash` and `build.format` want,
 * files never do.
 */
export function routePath<Name extends RouteName>(name: Name, params: RouteParams<Name>, project: UrlContext): string {
	const route: RouteDefinition = ROUTES[name];
	const values = params as Record<string, string | number>;
	const path = route.pattern.replace(PARAM, (_, param: string) => encodeURIComponent(String(values[param])));
	const base = project.base.replace(/\/+$/, '');
	if (path === '/') return `${base}/`;
	const slash = route.file || project.trailingSlash === 'never' || project.buildFormat === 'file' ? '' : '/';
	return `${base}${path}${slash}`;
}

/** Listings whose page 1 is one route and pages 2, 3… another: the home page, the archive, each tag. */
const PAGED = {
	home: 'homePage',
	archive: 'archivePage',
	tag: 'tagPage',
} as const satisfies Partial<Record<RouteName, RouteName>>;

/** Page `page` of a listing: `listingPath('tag', 2, { tag: 'pme' }, project)` → `/tags/pme/page/2/`. */
export function listingPath<Name extends keyof typeof PAGED>(name: Name, page: number, params: RouteParams<Name>, project: UrlContext): string {
	if (page === 1) return routePath(name, params, project);
	const paged: RouteName = PAGED[name];
	return routePath(paged as 'tagPage', { ...(params as object), page } as RouteParams<'tagPage'>, project);
}

/**
 * The parameters of `pathname` (as a browser sends it, percent-encoded, with `base`) if it is a URL of
 * route `name`, else undefined: how the sitemap recognises post pages.
 */
export function matchRoute<Name extends RouteName>(name: Name, pathname: string, project: Pick<UrlContext, 'base'>): RouteParams<Name> | undefined {
	const base = project.base.replace(/\/+$/, '');
	if (base && !pathname.startsWith(`${base}/`)) return undefined;
	const path = pathname.slice(base.length);
	const names: string[] = [];
	const source = ROUTES[name].pattern.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(PARAM, (_, param: string) => {
		names.push(param);
		return '([^/]+)';
	});
	const match = new RegExp(`^${source}/?$`).exec(path);
	if (!match) return undefined;
	return Object.fromEntries(names.map((param, index) => [param, decodeURIComponent(match[index + 1] as string)])) as RouteParams<Name>;
}
