import { describe, expect, test } from 'vitest';
import type { PostData } from '../../theme/schema.ts';
import { pageKeys, viewOf } from '../../theme/utils/page-keys.ts';
import { buildBlog, type PostEntry } from '../../theme/utils/posts.ts';
import { neighbours, relatedPosts } from '../../theme/utils/related.ts';

const project = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory', showDrafts: false } as const;
const config = { locale: 'fr', author: 'Équipe' };

type Entry = PostEntry & { digest?: string | undefined; rendered?: { html: string; metadata?: { imagePaths?: string[] } } };

function entry(id: string, day: number, data: Partial<PostData> = {}, extra: Partial<Entry> = {}): Entry {
	return { id, filePath: `src/content/posts/${id}.md`, digest: `digest-${id}`, data: { title: id, date: new Date(Date.UTC(2024, 0, day)), tags: [], draft: false, extra: {}, ...data }, ...extra };
}

// a–d share tags; e and f have none, so a post page shows them only as neighbours.
const base = [
	entry('a', 1, { tags: ['Rouge'] }),
	entry('b', 2, { tags: ['Rouge', 'Vert'] }),
	entry('c', 3, { tags: ['Vert'] }),
	entry('d', 4, { tags: ['Rouge'] }),
	entry('e', 10),
	entry('f', 11),
	entry('g', 12),
];

/** Every key of the blog made of `entries`, by page. */
function keysOf(entries: Entry[], wholeBlog = false, generation?: string): Map<string, string | undefined> {
	const blog = buildBlog(entries, config, project);
	const keys = pageKeys(blog, { wholeBlog, generation });
	const result = new Map<string, string | undefined>();
	for (const post of blog.posts) result.set(`post ${post.id}`, keys.post(post, { ...neighbours(blog, post), related: relatedPosts(blog, post) }));
	for (const tag of blog.tags) {
		result.set(`tag ${tag.slug}`, keys.tag(tag, 1, 1, blog.postsByTag.get(tag.slug) ?? []));
		result.set(`tag feed ${tag.slug}`, keys.tagFeed(tag, 20));
	}
	result.set('home 2', keys.home(2, 2, blog.home.slice(3, 6)));
	return result;
}

/** The pages whose key differs between two versions of the blog. */
function changed(before: Entry[], after: Entry[], wholeBlog = false): string[] {
	const [old, next] = [keysOf(before, wholeBlog), keysOf(after, wholeBlog)];
	return [...new Set([...old.keys(), ...next.keys()])].filter((page) => old.get(page) !== next.get(page)).sort();
}

const replace = (id: string, by: Entry) => base.map((item) => (item.id === id ? by : item));

describe('page keys for incremental builds', () => {
	test('are the same for the same posts, built twice', () => {
		expect(changed(base, base.map((item) => ({ ...item })))).toEqual([]);
	});

	test("change for a post's own page, its neighbours', the pages that relate it, its tags and its listing page when its digest changes", () => {
		expect(changed(base, replace('c', entry('c', 3, { tags: ['Vert'] }, { digest: 'digest-c-2' })))).toEqual([
			'home 2',
			'post b',
			'post c',
			'post d',
			'tag feed vert',
			'tag vert',
		]);
	});

	test("cover a featured image by its metadata without reading its src, which Astro counts as publishing the original", () => {
		const file = '/_astro/photo.BtsCXKZa.jpg';
		const reads: string[] = [];
		// As Astro 7.4's image modules make it (astro/dist/assets/utils/image-asset.js).
		const tracked = { width: 1600, height: 900, format: 'jpg' };
		Object.defineProperty(tracked, 'src', { enumerable: true, get: () => (reads.push('src'), file) });
		Object.defineProperty(tracked, Symbol.for('astro:image-asset:raw-src'), { get: () => file });
		const [post] = buildBlog([entry('a', 1)], config, project).posts;
		if (!post) throw new Error('post a is missing');
		const image = (src: unknown) => ({ ...post, image: { src: src as { src: string; width: number; height: number; format: 'jpg' }, width: 1600, height: 900, alt: 'Une photo' } });
		expect(viewOf(image(tracked))).toBe(viewOf(image({ src: file, width: 1600, height: 900, format: 'jpg' })));
		expect(reads).toEqual([]);
		expect(viewOf(image({ src: '/_astro/photo.Other123.jpg', width: 1600, height: 900, format: 'jpg' }))).not.toBe(viewOf(image(tracked)));
	});

	test("cover a post's tags as the newest post that has them writes them", () => {
		const view = (entries: Entry[]) => {
			const post = buildBlog(entries, config, project).posts.find((item) => item.id === 'a');
			if (!post) throw new Error('post a is missing');
			return viewOf(post);
		};
		expect(view(replace('d', entry('d', 4, { tags: ['ROUGE'] }, { digest: 'digest-d-2' })))).not.toBe(view(base));
		expect(view(replace('d', entry('d', 4, { tags: ['Rouge'] }, { digest: 'digest-d-2' })))).toBe(view(base));
	});

	test("do not change for a page that shows nothing of the changed post", () => {
		const keys = changed(base, replace('a', entry('a', 1, { tags: ['Rouge'] }, { digest: 'digest-a-2' })));
		expect(keys).not.toContain('post f');
		expect(keys).not.toContain('post g');
		expect(keys).not.toContain('tag vert');
	});

	test('change for every page when a component is replaced and any post changes', () => {
		const all = [...keysOf(base, true).keys()].sort();
		expect(changed(base, replace('g', entry('g', 12, {}, { digest: 'digest-g-2' })), true)).toEqual(all);
	});

	test('change for every page in a new build generation, with nothing else changed', () => {
		const [old, next] = [keysOf(base, false, 'generation-1'), keysOf(base, false, 'generation-2')];
		expect([...old].filter(([page, key]) => key === next.get(page))).toEqual([]);
		expect(keysOf(base, false, 'generation-1')).toEqual(old);
	});

	test('leave out a post page whose body has images Astro resolves as it renders, and the tag feeds that carry it', () => {
		const keys = keysOf(replace('b', entry('b', 2, { tags: ['Rouge', 'Vert'] }, { rendered: { html: '<img>', metadata: { imagePaths: ['./figure.jpg'] } } })));
		expect(keys.get('post b')).toBeUndefined();
		expect(keys.get('tag feed rouge')).toBeUndefined();
		expect(keys.get('tag rouge')).toBeTypeOf('string');
		expect(keys.get('post a')).toBeTypeOf('string');
	});

	test("leave out an MDX post's page and the tag feeds that carry it, since what it imports is no part of its digest", () => {
		const keys = keysOf(replace('c', entry('c', 3, { tags: ['Vert'] }, { filePath: 'src/content/posts/c/index.mdx' })));
		expect(keys.get('post c')).toBeUndefined();
		expect(keys.get('tag feed vert')).toBeUndefined();
		expect(keys.get('tag vert')).toBeTypeOf('string');
		expect(keys.get('tag feed rouge')).toBeTypeOf('string');
	});

	test('leave out every page that shows a post without a digest', () => {
		const keys = keysOf(replace('e', { ...entry('e', 10), digest: undefined }));
		expect(keys.get('post e')).toBeUndefined();
		expect(keys.get('post f')).toBeUndefined();
		expect(keys.get('post a')).toBeTypeOf('string');
	});
});
