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

/** The path of a file endpoint such as `rss.xml`, which never takes a trailing slash. */
export function filePath(name: string, project: Pick<ProjectContext, 'base'>): string {
	return `${project.base.replace(/\/+$/, '')}/${name}`;
}

/** An absolute URL for a path produced above, or undefined when the site has no `site` option. */
export function absoluteUrl(path: string, project: Pick<ProjectContext, 'site'>): string | undefined {
	return project.site ? new URL(path, project.site).href : undefined;
}
