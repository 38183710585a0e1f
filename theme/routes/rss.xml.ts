import { getRssString } from '@astrojs/rss';
import type { APIRoute } from 'astro';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { getFeedEntries, getFeedMeta } from '../runtime/feeds.ts';
import { rssOptions, withCssStylesheet } from '../utils/feeds.ts';
import { routePath } from '../utils/routes.ts';

export const GET: APIRoute = async () => {
	const { posts } = await getBlog();
	const meta = await getFeedMeta({ path: routePath('rss', {}, project), homePath: routePath('home', {}, project), posts });
	const xml = await getRssString(rssOptions(meta, await getFeedEntries(posts)));
	return new Response(withCssStylesheet(xml, meta.cssStylesheet), { headers: { 'Content-Type': 'application/xml' } });
};
