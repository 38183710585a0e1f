import type { APIRoute } from 'astro';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { getFeedEntries, getFeedMeta } from '../runtime/feeds.ts';
import { atomFeed } from '../utils/feeds.ts';
import { routePath } from '../utils/routes.ts';

export const GET: APIRoute = async () => {
	const { posts } = await getBlog();
	const meta = await getFeedMeta({ path: routePath('atom', {}, project), homePath: routePath('home', {}, project), posts });
	return new Response(atomFeed(meta, await getFeedEntries(posts)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
