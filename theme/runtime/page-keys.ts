import config from 'virtual:carnet/config';
import { pageKeys, type PageKeys } from '../utils/page-keys.ts';
import { getBlog } from './blog.ts';

/**
 * This build's page keys (utils/page-keys.ts), for the routes' getStaticPaths(). A replaced component
 * may read any post, so it makes every key cover the whole blog; the social card draws files, not pages.
 */
export async function getPageKeys(): Promise<PageKeys> {
	const replaced = Object.entries(config.components).some(([name, file]) => file !== undefined && name !== 'SocialCard');
	return pageKeys(await getBlog(), { wholeBlog: replaced });
}
