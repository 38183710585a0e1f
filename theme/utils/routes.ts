import { dayIn } from './dates.ts';
import { oncePerKey } from './once-per-key.ts';
import type { UrlContext } from './project.ts';
import { basePrefix } from './urls.ts';

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
	/** The files beside a post that its body links to (`./talk.pdf`): `file` is the path under the post's address. */
	postFile: { pattern: '/posts/[slug]/[...file]', entrypoint: 'post-file.ts', file: true },
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
	/** Redirect pages from a post's old addresses (`aliases`, Jekyll's `permalink`): `alias` is the file written. */
	redirect: { pattern: '/[...alias]', entrypoint: 'redirect.ts', file: true },
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof ROUTES;

/**
 * The parameters a route's pattern names: `tagPage` takes `{ tag, page }`. A post's pattern follows the
 * `permalinks` option, so a post takes every value a permalink may use (postRouteParams() gives them).
 */
export type RouteParams<Name extends RouteName> = Name extends 'post'
	? PostRouteParams
	: Name extends 'socialCard'
		? PostRouteParams & { format: string }
		: Name extends 'postFile'
			? PostRouteParams & { file: string }
			: Record<ParamNames<(typeof ROUTES)[Name]['pattern']>, string | number>;
type ParamNames<Pattern extends string> = Pattern extends `${string}[${infer Param}]${infer Rest}` ? Param | ParamNames<Rest> : never;

/** What a post's address may be made of: `/:year/:month/:slug/`. */
export interface PostRouteParams {
	slug: string;
	year?: string | undefined;
	month?: string | undefined;
	day?: string | undefined;
}

const PARAM = /\[(?:\.\.\.)?([^\]]+)\]/g;

// ---- Permalinks: the `permalinks` option turns the post route's pattern into another one.

/** The tokens a `permalinks` value may use; `:title` is Hugo's and Jekyll's name for the slug. */
export const PERMALINK_TOKENS = ['year', 'month', 'day', 'slug', 'title'] as const;
/** Where posts live unless `permalinks` says otherwise. */
export const DEFAULT_PERMALINK = '/posts/:slug/';

/**
 * What is wrong with a `permalinks` value, worded for the options error, or undefined if it is usable:
 * a path starting with `/`, with `:slug` once, known tokens only, each apart from the next, and no file extension (posts are pages).
 */
export function permalinkProblem(template: string): string | undefined {
	const example = "e.g. '/posts/:slug/', '/post/:slug/' or '/:year/:month/:slug/'";
	if (!template.startsWith('/')) return `expected a path starting with "/", ${example}`;
	const unknown = [...template.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1] as string).filter((token) => !(PERMALINK_TOKENS as readonly string[]).includes(token));
	if (unknown.length > 0) {
		return `unknown token${unknown.length > 1 ? 's' : ''} ${unknown.map((token) => `:${token}`).join(', ')} (the tokens are ${PERMALINK_TOKENS.map((token) => `:${token}`).join(', ')})`;
	}
	// Astro cuts a segment's parameters apart at the text between them: [year][month] has none to cut at.
	const joined = /(?::[A-Za-z_]+){2,}/.exec(template)?.[0];
	if (joined) return `expected tokens separated by "/" or another character such as "-" (${joined} runs them together), e.g. '/:year/:month/:slug/'`;
	const slugs = template.match(/:(?:slug|title)\b/g)?.length ?? 0;
	if (slugs !== 1) return `expected :slug exactly once (each post's own part of the address), ${example}`;
	const literal = template.replace(/:[A-Za-z_]+/g, '');
	if (/[^A-Za-z0-9/_~.-]/.test(literal)) return `expected letters, digits, "-", "_", "." and "/" around the tokens, ${example}`;
	if (/\/\/|\/\.{1,2}(?:\/|$)/.test(template)) return `expected no empty or "." segment, ${example}`;
	if (/\.[A-Za-z0-9]+\/?$/.test(template)) {
		return `expected a page address without a file extension (Carnet writes each post as a folder with index.html), ${example} (keep old .html addresses working with the posts' aliases)`;
	}
	const shape = (pattern: string) => pattern.replace(PARAM, '[]');
	const taken = (Object.keys(ROUTES) as RouteName[]).find(
		(name) => name !== 'post' && name !== 'socialCard' && name !== 'postFile' && name !== 'redirect' && shape(ROUTES[name].pattern) === shape(permalinkPattern(template)),
	);
	if (taken) return `expected an address that the theme's other pages do not use: ${JSON.stringify(template)} has the shape of ${ROUTES[taken].pattern}, ${example}`;
	return undefined;
}

/** The Astro route pattern of a valid `permalinks` value: `/:year/:month/:slug/` → `/[year]/[month]/[slug]`. */
export function permalinkPattern(template: string): string {
	const path = template.replace(/:title\b/, ':slug').replace(/:([a-z]+)/g, '[$1]').replace(/\/+$/, '');
	return path || '/';
}

/** The values a post's address may use, from its slug (its id unless it has one of its own) and its date in the site's zone. */
export function postRouteParams(post: { id: string; date: Date; slug?: string | undefined }, timeZone: string): PostRouteParams {
	const [year, month, day] = dayIn(post.date, timeZone).split('-') as [string, string, string];
	return { slug: post.slug ?? post.id, year, month, day };
}

/** What `date` makes of the address a `permalinks` value gives (`/:year/:month/:slug/` → `2024/03`), in the site's zone: empty for one without a date. */
export function permalinkDate(template: string, date: Date, timeZone: string): string {
	const values = postRouteParams({ id: '', date }, timeZone);
	return [...template.matchAll(/:(year|month|day)\b/g)].map((match) => values[match[1] as 'year' | 'month' | 'day']).join('/');
}

/** A post's address under a `permalinks` value, as its values (`2024/03/hello`): how the sitemap finds a post by the parameters matchRoute() reads. */
export function permalinkKey(template: string, params: Partial<PostRouteParams>): string {
	return [...template.matchAll(/:(year|month|day|slug|title)\b/g)].map((match) => params[match[1] === 'title' ? 'slug' : (match[1] as keyof PostRouteParams)]).join('/');
}

/** A route's Astro pattern for this site: the post's (and its social card's) follow `permalinks`. */
export function routePattern(name: RouteName, project: Pick<UrlContext, 'postPattern'>): string {
	const post = project.postPattern ?? ROUTES.post.pattern;
	if (name === 'post') return post;
	if (name === 'socialCard') return `${post}/social.[format]`;
	if (name === 'postFile') return `${post}/[...file]`;
	return ROUTES[name].pattern;
}

/** Only the parameters that route `name`'s pattern names, as getStaticPaths() must return them. */
export function routeParams<Name extends RouteName>(name: Name, params: RouteParams<Name>, project: Pick<UrlContext, 'postPattern'>): Record<string, string> {
	const values = params as Record<string, string | number | undefined>;
	const names = [...routePattern(name, project).matchAll(PARAM)].map((match) => match[1] as string);
	return Object.fromEntries(names.map((param) => [param, String(values[param])]));
}

/**
 * The path of a route with `base` in front: `routePath('tag', { tag: 'pme' }, project)` → `/blog/tags/pme/`.
 * Parameters and `base` are percent-encoded (utils/urls.ts); pages end with a slash as `trailingSlash` and `build.format` want,
 * files never do.
 */
export function routePath<Name extends RouteName>(name: Name, params: RouteParams<Name>, project: UrlContext): string {
	const route: RouteDefinition = ROUTES[name];
	const values = params as Record<string, string | number | undefined>;
	const path = routePattern(name, project).replace(PARAM, (whole: string, param: string) => {
		const value = values[param];
		// A caller bug, not a user's: every post carries its date parts (postRouteParams).
		if (value === undefined) throw new Error(`routePath('${name}'): missing the parameter ${param}.`);
		// A rest parameter ([...alias]) spans segments; any other is one segment, its slashes encoded.
		return whole.startsWith('[...') ? String(value).split('/').map(encodeURIComponent).join('/') : encodeURIComponent(String(value));
	});
	const base = basePrefix(project.base);
	// The home page under a base is the base itself with trailingSlash 'never' (`/blog`), which `astro dev`
	// serves and `/blog/` is not.
	if (path === '/') return base !== '' && project.trailingSlash === 'never' ? base : `${base}/`;
	return `${base}${path}${route.file ? '' : pageSlash(project)}`;
}

/**
 * The end of a page's address other than the home page's, as Astro ends its own (shouldAppendForwardSlash() in
 * astro/dist/core/build/util.js, which @astrojs/sitemap and `astro dev` follow): what `trailingSlash` says, and
 * under 'ignore' a slash unless `build.format` writes pages as files.
 */
function pageSlash(project: Pick<UrlContext, 'trailingSlash' | 'buildFormat'>): string {
	if (project.trailingSlash === 'always') return '/';
	// Astro writes an injected route's page as a file under 'preserve' too (its route is never an index).
	return project.trailingSlash === 'never' || project.buildFormat === 'file' || project.buildFormat === 'preserve' ? '' : '/';
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

// The content sync asks, for each post, whether its address is one of the theme's pages: a dozen
// patterns, each matched thousands of times.
const routeMatcher = oncePerKey((pattern) => {
	const names: string[] = [];
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	let source = '';
	let last = 0;
	for (const param of pattern.matchAll(PARAM)) {
		source += escape(pattern.slice(last, param.index));
		names.push(param[1] as string);
		source += param[0].startsWith('[...') ? '(.+?)' : '([^/]+)';
		last = param.index + param[0].length;
	}
	source += escape(pattern.slice(last));
	return { names, expression: new RegExp(`^${source}/?$`) };
});

/**
 * The parameters of `pathname` (as a browser sends it, percent-encoded, with `base`) if it is a URL of
 * route `name`, else undefined: how the sitemap recognises post pages.
 */
export function matchRoute<Name extends RouteName>(name: Name, pathname: string, project: Pick<UrlContext, 'base' | 'postPattern'>): RouteParams<Name> | undefined {
	const base = basePrefix(project.base);
	if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
	// The base alone is the home page (trailingSlash 'never').
	const path = pathname.slice(base.length) || '/';
	const { names, expression } = routeMatcher(routePattern(name, project));
	const match = expression.exec(path);
	if (!match) return undefined;
	try {
		return Object.fromEntries(names.map((param, index) => [param, decodeURIComponent(match[index + 1] as string)])) as RouteParams<Name>;
	} catch {
		// A malformed escape such as %E9 alone: no route of the theme makes one.
		return undefined;
	}
}

// The routes whose addresses are pages, which take the site's trailing slash; the home page is the base's.
const PAGE_ROUTES = (Object.keys(ROUTES) as RouteName[]).filter((name) => !('file' in ROUTES[name]) && name !== 'home' && name !== 'notFound');

/**
 * `address` (root-relative, with `base`, its query and fragment kept) ending as routePath() ends the theme's
 * own links, when it is the address of one of the theme's pages (a post, a listing, the tags, the archive):
 * `/posts/x/?q#top` → `/posts/x?q#top` with trailingSlash 'never'. Undefined for a file (a path with an
 * extension) and any other path, whose form the theme cannot know.
 */
export function pageLinkForm(address: string, project: UrlContext): string | undefined {
	const [, pathname = '', after = ''] = /^([^?#]*)(.*)$/s.exec(address) ?? [];
	if (/\.[A-Za-z0-9]+$/.test(pathname)) return undefined;
	const bare = pathname.replace(/\/+$/, '');
	if (bare === basePrefix(project.base)) return `${routePath('home', {}, project)}${after}`;
	if (!PAGE_ROUTES.some((name) => matchRoute(name, pathname, project))) return undefined;
	return `${bare}${pageSlash(project)}${after}`;
}
