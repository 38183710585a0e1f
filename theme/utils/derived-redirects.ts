import path from 'node:path';
import { isFile } from './file-paths.ts';
import { addressKey, oldAddresses, pageFile, redirectFile, type BuildFormat } from './redirects.ts';
import type { ProjectContext, UrlContext } from './project.ts';
import { ROUTES, matchRoute, type RouteName } from './routes.ts';

/**
 * An old address Carnet derived from what a post writes, not one the author listed: a slug written as an
 * address (Gatsby's `slug: /posts/x/`, from its `slug` key), the dated address Carnet gave a Zola post
 * before it dropped the date (from the file name, no key), the address Hugo and Astro's glob() gave a file
 * name with underscores or accents (`my_first_post`, no key).
 */
export interface DerivedAlias {
	path: string;
	/** The front-matter key it was read from; none when the file's name gave it. */
	key?: string | undefined;
	/** Without a key, `written` when the file's name as written gave it; else its date did (Carnet's earlier address). */
	fileName?: 'written' | undefined;
}

/** A post as the redirects see it: its address, the old addresses it lists and those Carnet derived. */
export interface RedirectingPost {
	/** Its file, or its id when the file is not known; posts are taken in this order. */
	file: string;
	postPath: string;
	aliases?: readonly string[] | undefined;
	permalink?: string | undefined;
	derivedAliases?: readonly DerivedAlias[] | undefined;
}

/** A derived address left without a redirect page, and what holds it. */
export interface DroppedAlias extends DerivedAlias {
	file: string;
	address: string;
	/** What holds it; none when it holds a % that no page can be written at (unwritableAddress()). */
	holder: string | undefined;
}

/**
 * Why no redirect page can be written at the decoded site path `address`: a % in it (`/posts/100%-done/`,
 * or `100%25-done` decoded), which Astro reads as the start of a percent-encoding as it writes the page,
 * logging an error for a page it writes at the wrong file or not at all.
 */
export function unwritableAddress(address: string): string | undefined {
	return address.includes('%') ? `holds a % (${address}), and Astro cannot write a page at an address with one` : undefined;
}

// The theme's own pages, as a message names them. The files beside a post (postFile) are its own, each known.
const PAGE_ROUTES: RouteName[] = (Object.keys(ROUTES) as RouteName[]).filter((name) => name !== 'post' && name !== 'socialCard' && name !== 'postFile' && name !== 'redirect');

/**
 * The theme page at the site path `address`, as a message names it: `/archive/`, and also `/archive`,
 * `/archive/index.html` (the same file), `/index.html` (the home page) and `/404.html` (the 404 page).
 */
export function themePageAt(address: string, project: Pick<UrlContext, 'base' | 'postPattern'>): string | undefined {
	if (/^\/404\.html?$/i.test(address)) return `${ROUTES.notFound.pattern} (notFound)`;
	const key = addressKey(address);
	for (const form of new Set([key, key === '/' ? key : `${key}/`, address])) {
		const encoded = encodeURI(form);
		const name = PAGE_ROUTES.find((route) => matchRoute(route, encoded, project) !== undefined);
		if (name) return `${ROUTES[name].pattern} (${name})`;
	}
	return undefined;
}

/**
 * The site's own page (`src/pages/contact.astro`) at the site path `address`: `/contact/`, `/contact` and
 * `/contact/index.html` are its address, and `/contact.html` is its file under build.format 'file'.
 */
export function sitePageAt(address: string, pages: Readonly<Record<string, string>> | undefined, buildFormat: BuildFormat): string | undefined {
	if (pages === undefined) return undefined;
	const key = addressKey(address);
	if (Object.hasOwn(pages, key)) return pages[key];
	const file = redirectFile(address);
	return Object.entries(pages).find(([route]) => pageFile(route, buildFormat) === file)?.[1];
}

/**
 * The file in `publicDir` that holds the redirect page file `file` (`old/index.html`): that file itself, or a
 * file where one of its folders would go (public/og.txt for og.txt/index.html), which the build publishes
 * and Astro cannot write a folder over. Named from the project's root, as a message shows it.
 */
export function publicFileAt(file: string, publicDir: string | undefined, root: string | undefined): { shown: string; under: boolean } | undefined {
	if (publicDir === undefined) return undefined;
	const segments = file.split('/');
	for (let count = 1; count <= segments.length; count++) {
		const found = path.join(publicDir, ...segments.slice(0, count));
		if (isFile(found)) return { shown: path.relative(root ?? path.dirname(publicDir), found).split(path.sep).join('/'), under: count < segments.length };
	}
	return undefined;
}

/**
 * Which derived old addresses get a redirect page: one that a post's page, an old address a post lists, an
 * earlier post's derived address, a theme page, one of the site's own pages or a file in public/ (publicFileAt()) holds is dropped, since what the author wrote comes first.
 * The loader warns about each dropped one (integration/address-check.ts) and the redirect route writes the
 * kept ones, both from this one answer. Returns file → its kept addresses, and the dropped ones.
 */
export function derivedRedirects(
	posts: readonly RedirectingPost[],
	project: Pick<UrlContext, 'base' | 'postPattern'> & Pick<ProjectContext, 'sitePages' | 'publicDir' | 'root'>,
	buildFormat: BuildFormat,
): { kept: Map<string, string[]>; dropped: DroppedAlias[] } {
	const sorted = [...posts].sort((a, b) => a.file.localeCompare(b.file));
	const holders = new Map<string, string>();
	for (const post of sorted) holders.set(pageFile(post.postPath, buildFormat), `the address of the post ${post.file}`);
	for (const post of sorted) {
		for (const address of oldAddresses(post, post.postPath, buildFormat)) {
			const file = redirectFile(address);
			if (!holders.has(file)) holders.set(file, `an old address that ${post.file} lists`);
		}
	}
	const kept = new Map<string, string[]>();
	const dropped: DroppedAlias[] = [];
	for (const post of sorted) {
		for (const alias of post.derivedAliases ?? []) {
			const [address] = oldAddresses({ aliases: [alias.path] }, post.postPath, buildFormat);
			if (address === undefined) continue;
			if (unwritableAddress(address) !== undefined) {
				dropped.push({ ...alias, file: post.file, address, holder: undefined });
				continue;
			}
			const file = redirectFile(address);
			const page = themePageAt(address, project);
			const own = sitePageAt(address, project.sitePages, buildFormat);
			const published = page || own ? undefined : publicFileAt(file, project.publicDir, project.root);
			const holder = page
				? `the theme's ${page} page`
				: own
					? `the site's page ${own}`
					: published
						? `${published.under ? 'under' : 'the address of'} ${published.shown}, a file the build publishes there`
						: holders.get(file);
			if (holder !== undefined) {
				if (holders.get(file) !== `an old address that ${post.file} lists`) dropped.push({ ...alias, file: post.file, address, holder });
				continue;
			}
			holders.set(file, `an old address Carnet keeps for ${post.file}`);
			kept.set(post.file, [...(kept.get(post.file) ?? []), address]);
		}
	}
	return { kept, dropped };
}

