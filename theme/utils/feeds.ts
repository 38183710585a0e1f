import type { RSSFeedItem } from '@astrojs/rss';
import type { ProjectContext } from '../integration/virtual-modules.ts';
import type { Post } from './posts.ts';
import { absoluteUrl } from './urls.ts';

/** The file a feed item's enclosure points at: the post's social-image JPEG. */
export interface FeedImage {
	url: string;
	type: string;
}

/**
 * RSS items for posts. Links are absolute and built with `base`: @astrojs/rss resolves a relative link
 * against `site` alone, which drops a base path. Enclosure lengths are written as 0 and filled in
 * when the build is done (integration/enclosures.ts), once the image files exist.
 */
export function feedItems(posts: readonly Post[], project: Pick<ProjectContext, 'site'>, images: ReadonlyMap<Post, FeedImage>): RSSFeedItem[] {
	return posts.map((post) => {
		const link = absoluteUrl(post.url, project) ?? post.url;
		const image = images.get(post);
		return {
			title: post.title,
			link,
			pubDate: post.date,
			description: post.description,
			categories: post.tags.map((tag) => tag.name),
			...(post.author?.email ? { author: `${post.author.email} (${post.author.name})` } : {}),
			...(image ? { enclosure: { url: image.url, length: 0, type: image.type } } : {}),
		};
	});
}

/** The newest publication or update among posts, for a feed's lastBuildDate. */
export function lastModified(posts: readonly Post[]): Date | undefined {
	let latest: Date | undefined;
	for (const post of posts) {
		const date = post.updated ?? post.date;
		if (!latest || date > latest) latest = date;
	}
	return latest;
}
