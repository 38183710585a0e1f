import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { breadcrumbList, collectionPage, type StructuredData } from '../utils/structured-data.ts';
import { routePath } from '../utils/routes.ts';
import { absoluteUrl } from '../utils/urls.ts';

/** A step of a breadcrumb trail below the home page. */
export interface Crumb {
	name: string;
	path: string;
}

/**
 * JSON-LD for a listing page: `Blog` for the home page, `CollectionPage` for the others, with the
 * breadcrumb trail from the home page. Nothing without `site`, since schema.org wants absolute URLs.
 */
export function listingStructuredData(name: string, pathname: string, description: string | undefined, trail: readonly Crumb[]): StructuredData[] {
	const home = absoluteUrl(routePath('home', {}, project), project);
	const url = absoluteUrl(pathname, project);
	if (!home || !url) return [];
	const site = { name: config.title, url: home, locale: config.locale, timeZone: config.timeZone };
	const page = collectionPage(trail.length === 0 ? 'Blog' : 'CollectionPage', name, url, description || undefined, site);
	if (trail.length === 0) return [page];
	const crumbs = [{ name: config.title, url: home }, ...trail.map((crumb) => ({ name: crumb.name, url: absoluteUrl(crumb.path, project) as string }))];
	return [page, breadcrumbList(crumbs)];
}
