import type { ProjectContext } from './project.ts';

// What a browser percent-encodes in a URL's path (WHATWG URL's path percent-encode set), and "?" and
// "#", which would end the path.
const PATH_UNSAFE = /[\u0000-\u0020"#<>?`{}\u007f-\u{10ffff}]/gu;

/**
 * `base` as an address carries it, without its trailing slash: `/my blög/` → `/my%20bl%C3%B6g`. Astro's
 * `base` is the folder as written, as the output folder and a comparison with a decoded path need it; in
 * an address, its spaces and other characters are percent-encoded in UTF-8, as a browser sends them
 * (escapes already written are kept).
 */
export function basePrefix(base: string): string {
	// A site has one base, asked for by every link of every page.
	if (base === lastBase) return lastPrefix;
	lastBase = base;
	// A lone surrogate has no UTF-8: browsers send U+FFFD instead, where encodeURIComponent() throws.
	lastPrefix = base.replace(/\/+$/, '').replace(PATH_UNSAFE, (char) => (/^[\ud800-\udfff]$/.test(char) ? '%EF%BF%BD' : encodeURIComponent(char)));
	return lastPrefix;
}
let lastBase: string | undefined;
let lastPrefix = '';

/**
 * `address` without `base` in front, in whichever form it leads (as written, or percent-encoded as in
 * links), or undefined when it does not: `/my%20bl%C3%B6g/a/` → `/a/`. The root's base leads everything.
 */
export function withoutBase(address: string, base: string): string | undefined {
	for (const prefix of new Set([basePrefix(base), base.replace(/\/+$/, '')])) {
		if (prefix === '') return address;
		if (address === prefix) return '';
		if (/^[/?#]/.test(address.slice(prefix.length)) && address.startsWith(prefix)) return address.slice(prefix.length);
	}
	return undefined;
}

/** An absolute URL for a path built by utils/routes.ts, or undefined when the site has no `site` option. */
/**
 * The address a page is linked at (utils/routes.ts), from the path Astro renders it at: with
 * `build.format: 'file'` (or 'preserve', under which Astro writes the theme's pages as files too), that path
 * names the page's file (`/posts/x.html`, `/index.html`), which the
 * theme's links, the sitemap and the feeds do not.
 */
export function pageAddress(pathname: string, project: Pick<ProjectContext, 'buildFormat'> & Partial<Pick<ProjectContext, 'base' | 'trailingSlash'>>): string {
	if (project.buildFormat === 'directory') return pathname;
	const address = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
	// The home page under a base is the base alone with trailingSlash 'never' (`/blog`), as routePath() links it;
	// with 'always', every page ends with a slash (`/posts/x/`), as Astro's own links and sitemap do.
	const prefix = basePrefix(project.base ?? '/');
	if (project.trailingSlash === 'always' && !address.endsWith('/')) return `${address}/`;
	return prefix !== '' && project.trailingSlash === 'never' && address === `${prefix}/` ? prefix : address;
}

export function absoluteUrl(path: string, project: Pick<ProjectContext, 'site'>): string | undefined {
	return project.site ? new URL(path, project.site).href : undefined;
}
