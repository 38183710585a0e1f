import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { getSocialImage } from '../runtime/images.ts';
import { feedItems, lastModified, type FeedImage } from '../utils/feeds.ts';
import type { Post } from '../utils/posts.ts';
import { absoluteUrl, filePath, pagePath } from '../utils/urls.ts';

export const GET: APIRoute = async () => {
	const blog = await getBlog();
	// This route is only injected when `site` is set, so these URLs are absolute.
	const site = absoluteUrl(pagePath([], project), project) as string;
	const self = absoluteUrl(filePath('rss.xml', project), project) as string;
	const images = new Map<Post, FeedImage>();
	await Promise.all(
		blog.posts.map(async (post) => {
			if (post.image) images.set(post, await getSocialImage(post.image, post.image.alt ?? post.title));
		}),
	);
	const updated = lastModified(blog.posts);
	return rss({
		title: config.title,
		description: config.description || config.title,
		site,
		items: feedItems(blog.posts, project, images),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: [
			`<language>${config.locale}</language>`,
			`<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
			updated ? `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>` : '',
		].join(''),
	});
};
