import type { Blog, Post, PostEntry } from './posts.ts';

/** What a post's page shows of other posts: those before and after it, and its related posts. */
export interface PostsBeside<Entry extends PostEntry = PostEntry> {
	previous: Post<Entry> | undefined;
	next: Post<Entry> | undefined;
	related: Post<Entry>[];
}

const besides = new WeakMap<Post, PostsBeside>();

/**
 * What `post`'s page shows besides it, worked out once per post: the post route's key asks for it while
 * listing the paths, then its page, on the same thread unless Astro renders pages on worker threads.
 */
export function postsBeside<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>): PostsBeside<Entry> {
	let shown = besides.get(post) as PostsBeside<Entry> | undefined;
	if (!shown) {
		shown = { ...neighbours(blog, post), related: relatedPosts(blog, post) };
		besides.set(post, shown);
	}
	return shown;
}

/** The post whose id is `id`, found through an index built once per blog. */
export function findPost<Entry extends PostEntry>(blog: Blog<Entry>, id: string): Post<Entry> | undefined {
	const position = indexOf(blog).ids.get(id);
	return position === undefined ? undefined : blog.posts[position];
}

/** The posts before and after `post` in date order: `previous` is older, `next` is newer. */
export function neighbours<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>): { previous: Post<Entry> | undefined; next: Post<Entry> | undefined } {
	const index = indexOf(blog).positions.get(post);
	if (index === undefined) return { previous: undefined, next: undefined };
	return { previous: blog.posts[index + 1], next: blog.posts[index - 1] };
}

/**
 * Up to `limit` posts that share the most tags with `post`, the newer first among equals (posts of the
 * same date in the blog's order). Only posts that share a tag are counted, and the best are picked in
 * one pass rather than by sorting them all: a popular tag holds a share of every post, so a sort per
 * page would grow with the square of the blog. Counting goes over arrays of post positions rather than
 * maps of posts, since every post page counts the posts of each of its tags (1 s of a 5,000-post build
 * with maps).
 */
export function relatedPosts<Entry extends PostEntry>(blog: Blog<Entry>, post: Post<Entry>, limit = 3): Post<Entry>[] {
	const { positions, tagPositions, shared } = indexOf(blog);
	const self = positions.get(post);
	const met: number[] = [];
	for (const tag of post.tags) {
		for (const other of tagPositions.get(tag.slug) ?? []) {
			if (other === self) continue;
			const count = shared[other] as number;
			shared[other] = count + 1;
			if (count === 0) met.push(other);
		}
	}
	// Posts are in date order, newest first: among equals, the lower position is the newer post.
	const ranksBefore = (a: number, b: number) => (shared[a] as number) > (shared[b] as number) || (shared[a] === shared[b] && a < b);
	const best: number[] = [];
	for (const candidate of met) {
		if (best.length === limit && !ranksBefore(candidate, best[limit - 1] as number)) continue;
		let index = best.length;
		while (index > 0 && ranksBefore(candidate, best[index - 1] as number)) index--;
		best.splice(index, 0, candidate);
		if (best.length > limit) best.pop();
	}
	for (const position of met) shared[position] = 0;
	return best.map((position) => blog.posts[position] as Post<Entry>);
}

interface BlogIndex {
	/** Post → its position in `blog.posts`. */
	positions: Map<Post, number>;
	/** Post id → its position in `blog.posts`. */
	ids: Map<string, number>;
	/** Tag slug → the positions of its posts. */
	tagPositions: Map<string, Int32Array>;
	/** Tags each post shares with the one being matched, by position: all zero between calls. */
	shared: Int32Array;
}

const indexes = new WeakMap<Blog<PostEntry>, BlogIndex>();

/** Worked out once per blog, not once per page. */
function indexOf(blog: Blog<PostEntry>): BlogIndex {
	let index = indexes.get(blog);
	if (index) return index;
	const positions = new Map<Post, number>(blog.posts.map((post, position) => [post, position]));
	const tagPositions = new Map<string, Int32Array>();
	for (const [slug, posts] of blog.postsByTag) tagPositions.set(slug, Int32Array.from(posts, (post) => positions.get(post) ?? -1).filter((position) => position >= 0));
	const ids = new Map(blog.posts.map((post, position) => [post.id, position]));
	index = { positions, ids, tagPositions, shared: new Int32Array(blog.posts.length) };
	indexes.set(blog, index);
	return index;
}
