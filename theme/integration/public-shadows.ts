import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ThemeConfig } from '../config.ts';
import { ARCHIVE_PER_PAGE } from '../utils/archive.ts';
import { lineOfKey, parseFrontMatter } from '../utils/front-matter.ts';
import { pageCount } from '../utils/posts.ts';
import { pageFile, type BuildFormat } from '../utils/redirects.ts';
import { ROUTES, routePath, type RouteName, type RouteParams } from '../utils/routes.ts';
import { slugifySegment } from '../utils/slugs.ts';
import { userError } from './errors.ts';

interface TaggedEntry {
	id: string;
	filePath?: string | undefined;
	data: { date?: unknown; draft?: unknown; tags?: unknown };
}

/** A page or file the theme writes, where a file of public/ would be published in its place. */
interface Shadowed {
	route: RouteName;
	address: string;
	/** The file of public/, as a message names it (`public/tags/astro/index.html`). */
	shown: string;
	/** For a tag's pages, the tag as the first post with it writes it, and that post's file. */
	tag?: { name: string; file: string };
}

// Pages made from the posts (a tag's page, page 2 of a listing): a file of public/ in their place hides posts, so
// the build stops. The theme's fixed pages and feeds may be replaced on purpose, as robots.txt is: a warning.
const FROM_POSTS = new Set<RouteName>(['homePage', 'archivePage', 'tag', 'tagPage']);
// The fixed pages and files a file of public/ can stand in for; robots.txt and favicon.svg are left to public/ (routes.ts).
const FIXED: RouteName[] = ['home', 'notFound', 'archive', 'tags', 'search', 'subscribe', 'rss', 'atom', 'jsonFeed', 'rssStylesheet', 'feedCss', 'feedIcon'];

/**
 * The files of public/ that stand where the theme writes a page or a feed: Astro publishes the file and skips
 * the theme's page with a warning of its own that names neither the page nor what it held. A tag's page or a
 * listing's page stops the build (the error); a fixed page (the home page, 404.html) or a feed (rss.xml) is
 * left to the file, with a warning naming both. public/ is listed once, and a page is looked for on disk only
 * when public/ has a file or folder of its first name.
 */
export function publicShadows(
	entries: Iterable<TaggedEntry>,
	config: Pick<ThemeConfig, 'locale' | 'postsPerPage'>,
	routes: readonly RouteName[],
	root: string,
	publicDir: string,
	showDrafts: boolean,
	format: BuildFormat,
	sitePages: Readonly<Record<string, string>> = {},
): { error?: Error; warnings: string[] } {
	const names = namesIn(publicDir);
	if (names.size === 0) return { warnings: [] };
	const project = { base: '/', trailingSlash: 'ignore', buildFormat: format } as const;
	const enabled = new Set(routes);
	const found: Shadowed[] = [];
	const look = <Name extends RouteName>(route: Name, params: RouteParams<Name>, tag?: Shadowed['tag']) => {
		if (!enabled.has(route)) return;
		// Astro writes an endpoint at its address, and the 404 page as 404.html whatever build.format says.
		const address = route === 'notFound' ? '/404.html' : decodeURI(routePath(route, params, project));
		const file = (ROUTES[route] as { file?: boolean }).file || route === 'notFound' ? address.slice(1) : pageFile(address, format);
		if (!names.has(file.split('/')[0] ?? '')) return;
		const inPublic = path.join(publicDir, ...file.split('/'));
		if (existsSync(inPublic)) found.push({ route, address, shown: path.relative(root, inPublic).split(path.sep).join('/'), ...(tag ? { tag } : {}) });
	};
	for (const route of FIXED) if (!Object.hasOwn(sitePages, ROUTES[route].pattern)) look(route, {} as RouteParams<typeof route>);
	const visible = [...entries].filter((entry) => (showDrafts || entry.data.draft !== true) && entry.data.date instanceof Date);
	for (let page = 2; names.has('page') && page <= pageCount(visible.length, config.postsPerPage); page++) look('homePage', { page });
	for (let page = 2; names.has('archive') && page <= pageCount(visible.length, ARCHIVE_PER_PAGE); page++) look('archivePage', { page });
	if (names.has('tags')) {
		for (const [slug, { count, ...tag }] of tagCounts(visible, config.locale)) {
			look('tag', { tag: slug }, tag);
			look('tagRss', { tag: slug }, tag);
			for (let page = 2; page <= pageCount(count, config.postsPerPage); page++) look('tagPage', { tag: slug, page }, tag);
		}
	}
	const warnings = found
		.filter(({ route }) => !FROM_POSTS.has(route))
		.map(
			({ route, address, shown }) =>
				`${shown} is published at ${address}, where Carnet writes its ${ROUTES[route].pattern} (${route}) ${(ROUTES[route] as { file?: boolean }).file ? 'file' : 'page'}, so Astro keeps ${shown} and skips Carnet's. Remove ${shown} if Carnet's should be published.`,
		);
	const hidden = found.find(({ route }) => FROM_POSTS.has(route));
	if (!hidden) return { warnings };
	const { route, address, shown, tag } = hidden;
	// A tag's page is told by a post that has the tag, at its tags line, where the author can change it.
	const line = tag && lineIn(root, tag.file, 'tags');
	const listing = tag ? `the posts tagged ${JSON.stringify(tag.name)}, as ${line ? `${tag.file}:${line}` : tag.file} is` : 'posts';
	return {
		warnings,
		error: userError(
			`${shown} is published at ${address}, where Carnet writes its ${ROUTES[route].pattern} (${route}) page listing ${listing}; Astro would keep ${shown} and skip that page, so its posts would not be listed there.`,
			tag ? `Rename or remove ${shown}, or rename the tag.` : `Rename or remove ${shown}.`,
			tag ? { file: path.join(root, tag.file), line } : undefined,
		),
	};
}

// The line is read again only to word an error, which a build meets once.
function lineIn(root: string, file: string, key: string): number | undefined {
	try {
		return lineOfKey(parseFrontMatter(readFileSync(path.join(root, file), 'utf8')), key);
	} catch {
		return undefined;
	}
}

/** Each tag's slug, how many posts have it (as utils/posts.ts groups them), and the first of them by file name with its spelling. */
function tagCounts(entries: readonly TaggedEntry[], locale: string): Map<string, { count: number; name: string; file: string }> {
	const counts = new Map<string, { count: number; name: string; file: string }>();
	const sorted = [...entries].sort((a, b) => (a.filePath ?? a.id).localeCompare(b.filePath ?? b.id));
	for (const entry of sorted) {
		const tags = Array.isArray(entry.data.tags) ? entry.data.tags.filter((tag): tag is string => typeof tag === 'string') : [];
		const slugs = new Map(tags.map((name) => [slugifySegment(name, locale), name]));
		for (const [slug, name] of slugs) {
			if (!slug) continue;
			const tag = counts.get(slug);
			if (tag) tag.count++;
			else counts.set(slug, { count: 1, name, file: entry.filePath ?? entry.id });
		}
	}
	return counts;
}

/** The names of the files and folders in `folder`, none when it is missing. */
export function namesIn(folder: string): Set<string> {
	try {
		return new Set(readdirSync(folder));
	} catch {
		return new Set();
	}
}
