import type { Blog, Post, PostEntry } from './posts.ts';

/** The posts before and after `post` in date order: `previous` is older, `next` is newer. */
export function neighbours<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>): { previous: Post<Entry> | undefined; next: Post<Entry> | undefined } {
	const index = blog.posts.indexOf(post);
	if (index === -1) return { previous: undefined, next: undefined };
	return { previous: blog.posts[index + 1], next: blog.posts[index - 1] };
}

/**
 * Up to `limit` posts that share the most tags with `post`, the newer first among equals. Only posts
 * that share a tag are looked at, so the cost follows the size of the post's tags, not of the blog.
 */
export function relatedPosts<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>, limit = 3): Post<Entry>[] {
	const shared = new Map<Post<Entry>, number>();
	for (const tag of post.tags) {
		for (const other of blog.postsByTag.get(tag.slug) ?? []) {
			if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
		}
	}
	return [...shared]
		.sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || b.date.getTime() - a.date.getTime())
		.slice(0, limit)
		.map(([other]) => other);
}
