import { describe, expect, test } from 'vitest';
import type { PostData } from '../../theme/schema.ts';
import { buildBlog, type Blog, type Post, type PostEntry } from '../../theme/utils/posts.ts';
import { findPost, neighbours, postsBeside, relatedPosts } from '../../theme/utils/related.ts';

const project = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory', showDrafts: false } as const;
const config = { locale: 'fr', author: 'Équipe' };

function entry(id: string, date: Date, data: Partial<PostData> = {}): PostEntry {
	return { id, filePath: `src/content/posts/${id}.md`, data: { title: id, date, tags: [], draft: false, extra: {}, ...data } };
}

/** The definition, by brute force: every other post, most shared tags first, then the newest, then blog order. */
function expectedRelated(blog: Blog<PostEntry>, post: Post, limit = 3): string[] {
	const mine = new Set(post.tags.map((tag) => tag.slug));
	return blog.posts
		.filter((other) => other !== post)
		.map((other, order) => ({ other, order, shared: other.tags.filter((tag) => mine.has(tag.slug)).length }))
		.filter(({ shared }) => shared > 0)
		.sort((a, b) => b.shared - a.shared || b.other.date.getTime() - a.other.date.getTime() || a.order - b.order)
		.slice(0, limit)
		.map(({ other }) => other.id);
}

/** A blog whose tag sizes follow a steep curve, as real blogs' do, with posts sharing dates. */
function randomBlog(size: number, seed: number): Blog<PostEntry> {
	let state = seed;
	const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	const tags = Array.from({ length: 12 }, (_, index) => `Étiquette ${index}`);
	const entries = Array.from({ length: size }, (_, index) => {
		const count = Math.floor(random() * 4);
		const own = [...new Set(Array.from({ length: count }, () => tags[Math.floor(random() ** 2 * tags.length)] as string))];
		return entry(`post-${index}`, new Date(Date.UTC(2020, 0, 1 + Math.floor(random() * 60))), { tags: own });
	});
	return buildBlog(entries, config, project);
}

describe('related posts', () => {
	test('are the posts that share the most tags, the newest first among equals, for every post of a blog', () => {
		for (const seed of [1, 7, 42]) {
			const blog = randomBlog(300, seed);
			for (const post of blog.posts) expect(relatedPosts(blog, post).map((other) => other.id), post.id).toEqual(expectedRelated(blog, post));
		}
	});

	test('never include the post itself, and are empty for a post without tags', () => {
		const blog = buildBlog([entry('seul', new Date('2024-01-01')), entry('a', new Date('2024-01-02'), { tags: ['PME'] }), entry('b', new Date('2024-01-03'), { tags: ['PME'] })], config, project);
		const [b, a, alone] = blog.posts as [Post, Post, Post];
		expect(relatedPosts(blog, alone)).toEqual([]);
		expect(relatedPosts(blog, a).map((post) => post.id)).toEqual(['b']);
		expect(relatedPosts(blog, b, 1).map((post) => post.id)).toEqual(['a']);
	});

	test('neighbours are the next older and next newer posts', () => {
		const blog = randomBlog(20, 3);
		const middle = blog.posts[5] as Post;
		expect(neighbours(blog, middle)).toEqual({ previous: blog.posts[6], next: blog.posts[4] });
		expect(neighbours(blog, blog.posts[0] as Post).next).toBeUndefined();
		expect(neighbours(blog, blog.posts.at(-1) as Post).previous).toBeUndefined();
	});

	test('a post is found by its id, as the post page finds the one its props name', () => {
		const blog = randomBlog(50, 9);
		for (const post of blog.posts) expect(findPost(blog, post.id)).toBe(post);
		expect(findPost(blog, 'post-50')).toBeUndefined();
	});

	test('what a page shows beside its post is the post found by id, with the same neighbours and related posts', () => {
		const blog = randomBlog(40, 11);
		for (const post of blog.posts) {
			expect(postsBeside(blog, findPost(blog, post.id) as Post)).toEqual({ ...neighbours(blog, post), related: relatedPosts(blog, post) });
		}
	});
});
