import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { pageKeys, type PageKeys } from '../utils/page-keys.ts';
import { getBlog } from './blog.ts';

/** Without `experimental.incrementalBuild` (and always under `astro dev`) Astro ignores keys: none are worked out. */
const NO_KEYS: PageKeys = { post: () => undefined, home: () => undefined, tag: () => undefined, archive: () => undefined, tagFeed: () => undefined, redirect: () => undefined, blog: () => undefined };

/**
 * This build's page keys (utils/page-keys.ts), for the routes' getStaticPaths(). A replaced component
 * may read any post, so it makes every key cover the whole blog; the social card draws files, not pages.
 */
export async function getPageKeys(): Promise<PageKeys> {
	if (!project.incrementalBuild) return NO_KEYS;
	const replaced = Object.entries(config.components).some(([name, file]) => file !== undefined && name !== 'SocialCard');
	return pageKeys(await getBlog(), { wholeBlog: replaced, generation: project.buildGeneration ?? '' });
}
