import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { FoundPosts } from '../markdown/shortcodes.ts';
import { themePageAt } from '../utils/derived-redirects.ts';
import { isFile, isInside } from '../utils/file-paths.ts';
import { addressKey, isPageFile } from '../utils/redirects.ts';
import { dynamicSitePages, sitePages } from './routes.ts';

/** A post as an old address may name it: its slugs, its date's parts and its address here. */
export interface AddressedPost {
	file: string;
	/** The names an old engine may have given it in its address: its id and its slug. */
	slugs: readonly string[];
	date: { year?: string | undefined; month?: string | undefined; day?: string | undefined } | undefined;
	/** Its address on this site, with `base`; undefined for a post this build publishes no page for. */
	url: string | undefined;
	/** The old addresses its front matter lists (aliases, permalink), which get a redirect page. */
	oldAddresses: readonly string[];
}

/**
 * The post that a root path written by another engine names (`/blog/2022/05/13/grpc-probes-now-in-beta/`,
 * `/p/my-post/`, `/posts/my-post.html`), by its last segment as a post's slug and, where the path has them,
 * its year, month and day as the post's date. Undefined for a path the built site has (a post, a page of
 * the theme or the site, a page's .html file under build.format 'file', an old address a post lists, an Astro
 * redirect, a file of public/ or beside a post), for a file that is no page (`/cv.pdf`), for an address on
 * another host, and for one that a page of the site with parameters may publish and that names no post;
 * else the posts found, `url` set for one. `posts` is read once, at the first path that needs it.
 */
export function oldAddressFinder(astroConfig: AstroConfig, postPattern: string, folder: string, posts: () => readonly AddressedPost[]): (written: string) => PostsAtAddress | undefined {
	const root = fileURLToPath(astroConfig.root);
	const publicDir = fileURLToPath(astroConfig.publicDir);
	const base = astroConfig.base.replace(/\/+$/, '');
	// Read again with the posts, which `astro dev` reads again once a post file changed.
	let known: { posts: readonly AddressedPost[]; addresses: Set<string>; pages: Map<string, string>; dynamic: RegExp[]; folders: Map<string, string> } | undefined;
	const site = () => {
		const all = posts();
		if (known?.posts === all) return known;
		const addresses = new Set([...all.flatMap(({ url, oldAddresses }) => [...(url === undefined ? [] : [sitePath(url, base)]), ...oldAddresses]), ...Object.keys(astroConfig.redirects ?? {})].map(addressKey));
		// The folder of each post by its address, under which the files beside it are published (routes/post-file.ts).
		const folders = new Map(all.flatMap(({ url, file }) => (url === undefined ? [] : [[addressKey(sitePath(url, base)), path.join(folder, path.dirname(file))] as const])));
		known = { posts: all, addresses, pages: sitePages(astroConfig), dynamic: dynamicSitePages(astroConfig), folders };
		return known;
	};
	return (written) => {
		const address = rootPath(written, astroConfig.site);
		if (address === undefined) return undefined;
		const pathname = sitePath(address, base);
		const last = pageName(pathname);
		if (last === undefined || /^\/(?:_astro|pagefind)\//.test(pathname)) return undefined;
		const { addresses, pages, dynamic, folders } = site();
		// Under build.format 'file' (and 'preserve', for a page not named index) a page is written, and linked to, as `/about.html`.
		const page = astroConfig.build.format !== 'directory' && /\.html$/i.test(pathname) ? pathname.replace(/\.html$/i, '') : pathname;
		const key = addressKey(page);
		if (addresses.has(key) || pages.has(key) || themePageAt(page, { base: '/', postPattern }) || isPublicFile(pathname, publicDir) || isFileBesidePost(pathname, folders)) return undefined;
		const date = dateParts(pathname);
		const files = posts().filter((post) => post.slugs.includes(last) && matchesDate(post.date, date));
		const [one] = files;
		// A page of the site's own with parameters may be at an address its route matches: which values it has, only its build knows.
		if (one === undefined && dynamic.some((expression) => expression.test(key))) return undefined;
		const named = `the slug ${JSON.stringify(last)}${date.length === 0 ? '' : ` and the date ${date.map((part) => String(part).padStart(2, '0')).join('-')}`}`;
		return { folder: toPosix(path.relative(root, folder)), files: files.map(({ file }) => file), url: files.length === 1 ? one?.url : undefined, named };
	};
}

/** The posts an old address names, and what it names them by (`the slug "x" and the date 2019-03-05`), as a message says it. */
export interface PostsAtAddress extends FoundPosts {
	named: string;
}

/** The site path a link destination names: a root path, or an address on the site's own host; undefined for any other. */
function rootPath(written: string, site: string | undefined): string | undefined {
	if (written.startsWith('/') && !written.startsWith('//')) return decoded(written);
	if (site === undefined || !/^https?:\/\//i.test(written)) return undefined;
	try {
		const url = new URL(written);
		return url.host === new URL(site).host ? decoded(url.pathname) : undefined;
	} catch {
		return undefined;
	}
}

function sitePath(address: string, base: string): string {
	return base !== '' && (address === base || address.startsWith(`${base}/`)) ? address.slice(base.length) || '/' : address;
}

/** The last segment of a page's path, as a slug (`my-post` of `/p/my-post/`, `/posts/my-post.html`, `/x/my-post/index.html`); undefined for a file that is no page. */
function pageName(pathname: string): string | undefined {
	const segments = pathname.replace(/\/index\.html?$/i, '').split('/').filter((segment) => segment !== '');
	const last = segments.at(-1);
	if (last === undefined) return undefined;
	if (isPageFile(last)) return normalised(last.replace(/\.[a-z]+$/i, ''));
	return /\.[A-Za-z0-9]+$/.test(last) && !/\.\d+$/.test(last) ? undefined : normalised(last);
}

/** The year, month and day a path holds before its last segment (`/2019/03/05/x/`, `/blog/2022/05/x/`), as numbers. */
function dateParts(pathname: string): number[] {
	const segments = pathname.split('/').filter((segment) => segment !== '').slice(0, -1);
	const year = segments.findIndex((segment) => /^(?:19|20)\d\d$/.test(segment));
	if (year === -1) return [];
	const parts = [Number(segments[year])];
	for (const segment of segments.slice(year + 1, year + 3)) {
		if (!/^\d{1,2}$/.test(segment)) break;
		parts.push(Number(segment));
	}
	return parts;
}

function matchesDate(date: AddressedPost['date'], parts: readonly number[]): boolean {
	if (parts.length === 0) return true;
	if (date === undefined) return false;
	return parts.every((part, index) => part === Number([date.year, date.month, date.day][index]));
}

/** Whether public/ has a file at `pathname`, or a page there (`/cv/` for public/cv/index.html, `/cv` for public/cv.html). */
function isPublicFile(pathname: string, publicDir: string): boolean {
	const relative = pathname.replace(/^\/+/, '');
	const candidates = [relative, path.posix.join(relative, 'index.html'), `${relative.replace(/\/+$/, '')}.html`];
	return candidates.some((candidate) => candidate !== '' && existsSync(path.join(publicDir, candidate)));
}

/** Whether `pathname` is under the address of a post (`/posts/x/LICENSE`) and names a file in the post's folder, which is published there. */
function isFileBesidePost(pathname: string, folders: ReadonlyMap<string, string>): boolean {
	for (let end = pathname.lastIndexOf('/'); end > 0; end = pathname.lastIndexOf('/', end - 1)) {
		const folder = folders.get(pathname.slice(0, end));
		if (folder === undefined) continue;
		const file = path.join(folder, pathname.slice(end + 1));
		return isInside(file, folder) && isFile(file);
	}
	return false;
}

/** A slug as addresses are compared: composed, in lower case (old engines' addresses keep the title's capitals). */
export function normalised(slug: string): string {
	return slug.normalize('NFC').toLowerCase();
}

function decoded(written: string): string {
	try {
		return decodeURI(written);
	} catch {
		return written;
	}
}

function toPosix(file: string): string {
	return file.split(path.sep).join('/');
}
