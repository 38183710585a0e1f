import { escapeXml } from './xml.ts';

/**
 * Old addresses of a post (Hugo's `aliases`, Jekyll's `permalink`) as the paths their redirect pages are
 * written at. Paths here are site paths without `base`, decoded (`/2019/東京/`), starting with `/`.
 */

/**
 * A permalink that is a pattern rather than an address: Jekyll's placeholders (`/:categories/:title/`),
 * Eleventy's and Liquid's templates (`/blog/{{ title | slugify }}/`). No redirect page is made from one.
 */
export const PERMALINK_PATTERN = /(?:^|\/):[a-z_]+|\{\{|\{%/i;

/**
 * The post's old addresses, resolved and decoded, without its own address and without repeats. Under
 * `build.format: 'file'` an old `/old.html` is the post's own file when the post is at `/old/`: no redirect.
 */
export function oldAddresses(data: { aliases?: readonly string[] | undefined; permalink?: string | undefined }, postPath: string, buildFormat: BuildFormat = 'directory'): string[] {
	// Hugo resolves a relative alias against the post's section: `old-name` of /post/new-name/ is /post/old-name.
	const section = new URL('./..', `http://site${postPath.endsWith('/') ? postPath : `${postPath}/`}`);
	const own = addressKey(postPath);
	const ownFile = pageFile(decodePath(postPath), buildFormat);
	const seen = new Set<string>();
	const paths: string[] = [];
	for (const written of [...(data.aliases ?? []), ...(data.permalink && !PERMALINK_PATTERN.test(data.permalink) ? [data.permalink] : [])]) {
		const path = decodePath(new URL(written, section).pathname);
		const key = addressKey(path);
		if (key === own || seen.has(key) || redirectFile(path) === ownFile) continue;
		seen.add(key);
		paths.push(path);
	}
	return paths;
}

/**
 * What a server looks up for `path`, so that `/a/`, `/a` and `/a/index.html` compare equal: the path
 * without a trailing slash or `index.html`.
 */
export function addressKey(path: string): string {
	return path.replace(/\/index\.html?$/, '/').replace(/\/+$/, '') || '/';
}

/** Astro's `build.format`. */
export type BuildFormat = 'directory' | 'file' | 'preserve';

/** The file Astro writes a page at `pagePath` to: `a/index.html`, or `a.html` under build.format 'file' ('preserve' follows the address). */
export function pageFile(pagePath: string, format: BuildFormat): string {
	const key = addressKey(pagePath);
	if (key === '/') return 'index.html';
	const relative = key.replace(/^\/+/, '');
	return format === 'file' || (format === 'preserve' && !pagePath.endsWith('/')) ? `${relative}.html` : `${relative}/index.html`;
}

/**
 * The file a redirect page is written to, relative to the site's root: `2019/old/index.html` for
 * `/2019/old/` and `/2019/old`, `p/12.html` for `/p/12.html` (a page's file address stays that file), as Hugo
 * writes its aliases, so that the old address is found whatever the new site's `trailingSlash`.
 */
export function redirectFile(path: string): string {
	const relative = path.replace(/^\/+/, '');
	// Only a page's file: `/releases/1.94.1` and `/about.php` are folders, as Hugo writes them, since a static
	// host sends a file named so as a download, not as the page that redirects.
	if (isPageFile(relative)) return relative;
	return `${relative.replace(/\/+$/, '')}/index.html`.replace(/^\//, '');
}

/** Whether `path` names a page's file (`/p/12.html`), which its redirect page is written as, not a folder. */
export function isPageFile(path: string): boolean {
	return /\.(?:html?|xhtml|shtml)$/i.test(path);
}

function decodePath(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

export interface RedirectPage {
	/** The language of the page, `<html lang>`. */
	lang: string;
	dir?: 'ltr' | 'rtl' | undefined;
	/** The post's title, for the page title and the visible link. */
	title: string;
	/** The post's address: absolute when the site has `site`, else a path with `base`. */
	target: string;
	/** The absolute address for `rel=canonical`, when the site has `site`. */
	canonical?: string | undefined;
	/** The sentence before the link, in the site's language. */
	moved: string;
}

/**
 * A redirect page as Hugo writes one for an alias: an immediate meta refresh, the new address as the
 * canonical one (so that search engines move the old page's ranking), `noindex`, and a visible link for
 * the readers whose browser does not follow the refresh. No script, no style: nothing for a CSP to block.
 */
export function redirectPage(page: RedirectPage): string {
	const target = escapeXml(page.target);
	const dir = page.dir ? ` dir="${page.dir}"` : '';
	return [
		'<!DOCTYPE html>',
		`<html lang="${escapeXml(page.lang)}"${dir}>`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeXml(page.title)}</title>`,
		...(page.canonical ? [`<link rel="canonical" href="${escapeXml(page.canonical)}">`] : []),
		'<meta name="robots" content="noindex">',
		`<meta http-equiv="refresh" content="0; url=${target}">`,
		'</head>',
		`<body><p>${escapeXml(page.moved)} <a href="${target}">${escapeXml(page.title)}</a></p></body>`,
		'</html>',
		'',
	].join('\n');
}
