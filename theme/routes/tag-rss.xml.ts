import { getRssString } from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { getFeedEntries, getFeedMeta } from '../runtime/feeds.ts';
import { getPageKeys } from '../runtime/page-keys.ts';
import { cacheKeyOf } from '../utils/page-keys.ts';
import { t } from '../runtime/i18n.ts';
import { rssOptions, withCssStylesheet } from '../utils/feeds.ts';
import type { Tag } from '../utils/posts.ts';
import { routePath } from '../utils/routes.ts';

export const getStaticPaths = (async () => {
	const blog = await getBlog();
	const keys = await getPageKeys();
	return blog.tags.map((tag) => ({ params: { tag: tag.slug }, props: { tag }, ...cacheKeyOf(keys.tagFeed(tag, config.feed.limit)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: Tag }> = async ({ props: { tag } }) => {
	const blog = await getBlog();
	const posts = blog.postsByTag.get(tag.slug) ?? [];
	const title = `${config.title} · ${t('tag.title', { tag: tag.name })}`;
	const meta = await getFeedMeta({ path: routePath('tagRss', { tag: tag.slug }, project), homePath: tag.url, title, posts });
	const xml = await getRssString(rssOptions(meta, await getFeedEntries(posts)));
	return new Response(withCssStylesheet(xml, meta.cssStylesheet), { headers: { 'Content-Type': 'application/xml' } });
};
