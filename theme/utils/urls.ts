import type { ProjectContext } from './project.ts';

/** An absolute URL for a path built by utils/routes.ts, or undefined when the site has no `site` option. */
export function absoluteUrl(path: string, project: Pick<ProjectContext, 'site'>): string | undefined {
	return project.site ? new URL(path, project.site).href : undefined;
}
