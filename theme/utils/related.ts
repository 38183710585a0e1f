import type { Blog, Post, PostEntry } from './posts.ts';

/** The posts before and after `post` in date order: `previous` is older, `next` is newer. */
export function neighbours<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>): { previous: Post<Entry> | undefined; next: Post<Entry> | undefined } {
	const index = blog.posts.indexOf(post);
	if (index === -1) return { previous: undefined, next: undefined };
	return { previous: blog.posts[index + 1], next: blog.posts[index - 1] };
}

/**
 * Up to `limit` posts that share the most tags with `post`, the newer first among equals. Only posts
 * that share a tag are counted, and the best are picked in one pass rather than by sorting them all:
 * a popular tag holds a share of every post, so a sort per page would grow with the square of the blog.
 */
export function relatedPosts<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>, limit = 3): Post<Entry>[] {
	const shared = new Map<Post<Entry>, number>();
	for (const tag of post.tags) {
		for (const other of blog.postsByTag.get(tag.slug) ?? []) {
			if (other !== post) shared.set(other, (shared.get(other) ?? 0) + 1);
		}
	}
	const best: [Post<Entry>, number][] = [];
	const ranksBefore = ([a, sharedA]: [Post<Entry>, number], [b, sharedB]: [Post<Entry>, number]) =>
		sharedA > sharedB || (sharedA === sharedB && a.date > b.date);
	for (const candidate of shared) {
		if (best.length === limit && !ranksBefore(candidate, best[limit - 1] as [Post<Entry>, number])) continue;
		let index = best.length;
		while (index > 0 && ranksBefore(candidate, best[index - 1] as [Post<Entry>, number])) index--;
		best.splice(index, 0, candidate);
		if (best.length > limit) best.pop();
	}
	return best.map(([other]) => other);
}
