import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { feedItems } from '../utils/feeds.ts';
import { absoluteUrl, filePath, pagePath } from '../utils/urls.ts';

export const GET: APIRoute = async () => {
	const blog = await getBlog();
	// This route is only injected when `site` is set.
	const site = absoluteUrl(pagePath([], project), project) as string;
	const self = absoluteUrl(filePath('rss.xml', project), project) as string;
	return rss({
		title: config.title,
		description: config.description || config.title,
		site,
		items: feedItems(blog.posts, project),
		xmlns: { atom: 'http://www.w3.org/2005/Atom' },
		customData: [
			`<language>${config.locale}</language>`,
			`<atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
			blog.posts[0] ? `<lastBuildDate>${(blog.posts[0].updated ?? blog.posts[0].date).toUTCString()}</lastBuildDate>` : '',
		].join(''),
	});
};
