import type { ProjectContext } from './project.ts';

/** An absolute URL for a path built by utils/routes.ts, or undefined when the site has no `site` option. */
/**
 * The address a page is linked at (utils/routes.ts), from the path Astro renders it at: with
 * `build.format: 'file'`, that path names the page's file (`/posts/x.html`, `/index.html`), which the
 * theme's links, the sitemap and the feeds do not.
 */
export function pageAddress(pathname: string, project: Pick<ProjectContext, 'buildFormat'>): string {
	if (project.buildFormat !== 'file') return pathname;
	return pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
}

export function absoluteUrl(path: string, project: Pick<ProjectContext, 'site'>): string | undefined {
	return project.site ? new URL(path, project.site).href : undefined;
}
