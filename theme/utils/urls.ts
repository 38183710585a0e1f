import type { ProjectContext } from '../integration/virtual-modules.ts';

type UrlContext = Pick<ProjectContext, 'base' | 'trailingSlash' | 'buildFormat'>;

/**
 * The path of a page from its segments, with `base` in front and a trailing slash as the project's
 * `trailingSlash` and `build.format` want: `pagePath(['posts', 'hello'], project)` → `/blog/posts/hello/`.
 */
export function pagePath(segments: readonly (string | number)[], project: UrlContext): string {
	const base = project.base.replace(/\/+$/, '');
	const path = segments.map((segment) => encodeURIComponent(String(segment))).join('/');
	if (path === '') return `${base}/`;
	const slash = project.trailingSlash === 'never' || project.buildFormat === 'file' ? '' : '/';
	return `${base}/${path}${slash}`;
}

/** Paths of the archive's pages: `/archive/`, then `/archive/page/2/`… */
export function archivePageUrl(page: number, project: UrlContext): string {
	return page === 1 ? pagePath(['archive'], project) : pagePath(['archive', 'page', page], project);
}

/** The path of a file endpoint such as `rss.xml`, which never takes a trailing slash. */
export function filePath(name: string, project: Pick<ProjectContext, 'base'>): string {
	return `${project.base.replace(/\/+$/, '')}/${name}`;
}

/** An absolute URL for a path produced above, or undefined when the site has no `site` option. */
export function absoluteUrl(path: string, project: Pick<ProjectContext, 'site'>): string | undefined {
	return project.site ? new URL(path, project.site).href : undefined;
}

const ROOT_RELATIVE = /(<(?:a|area|img|source|video|audio)\b[^>]*?\s(?:href|src)=")(\/(?!\/)[^"]*)"/g;

/**
 * Adds `base` to the root-relative links and images of rendered Markdown (`[x](/posts/y/)`), which
 * authors write as if the blog were at the root of its domain (withastro/action#87). Paths that
 * already start with `base` are left alone.
 */
export function addBaseToLinks(html: string, base: string): string {
	const prefix = base.replace(/\/+$/, '');
	if (prefix === '') return html;
	return html.replace(ROOT_RELATIVE, (match, head: string, path: string) =>
		path === prefix || path.startsWith(`${prefix}/`) ? match : `${head}${prefix}${path}"`,
	);
}
