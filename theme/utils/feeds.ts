import type { RSSFeedItem } from '@astrojs/rss';
import type { ProjectContext } from '../integration/virtual-modules.ts';
import type { Post } from './posts.ts';
import { absoluteUrl } from './urls.ts';

/**
 * RSS items for posts. Links are absolute and built with `base`: @astrojs/rss resolves a relative link
 * against `site` alone, which drops a base path.
 */
export function feedItems(posts: readonly Post[], project: Pick<ProjectContext, 'site'>): RSSFeedItem[] {
	return posts.map((post) => {
		const link = absoluteUrl(post.url, project) ?? post.url;
		return {
			title: post.title,
			link,
			pubDate: post.date,
			description: post.description,
			categories: post.tags.map((tag) => tag.name),
			...(post.author?.email ? { author: `${post.author.email} (${post.author.name})` } : {}),
		};
	});
}
