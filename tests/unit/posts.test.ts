import { describe, expect, test } from 'vitest';
import type { PostData } from '../../theme/schema.ts';
import { buildBlog, paginate, type PostEntry } from '../../theme/utils/posts.ts';
import { listingPath } from '../../theme/utils/routes.ts';

const project = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory', showDrafts: false } as const;
const config = { locale: 'fr', author: 'Équipe' };

function entry(id: string, date: string, data: Partial<PostData> = {}): PostEntry {
	return { id, data: { title: id, date: new Date(date), tags: [], draft: false, extra: {}, ...data } };
}

const entries = [
	entry('old', '2023-01-01T00:00:00Z', { tags: ['Révolution française'] }),
	entry('new', '2024-06-01T00:00:00Z', { tags: ['révolution  Française', 'PME'], author: 'Ada' }),
	entry('draft', '2024-07-01T00:00:00Z', { draft: true, tags: ['Brouillon'] }),
	entry('mid', '2024-01-01T00:00:00Z', { tags: ['PME'] }),
];

describe('buildBlog()', () => {
	const blog = buildBlog(entries, config, project);

	test("makes a subtitle of five words at most the card's link label, and a longer one a subtitle; an arrow is no word, and Chinese counts a word every two characters", () => {
		const subtitled = (subtitle: string) => {
			const [post] = buildBlog([entry('a', '2024-01-01T00:00:00Z', { subtitle })], config, project).posts;
			return [post?.readMore, post?.subtitle];
		};
		expect(subtitled('Lire la suite')).toEqual(['Lire la suite', undefined]);
		// French spacing puts a no-break space before the guillemet.
		expect(subtitled('Lire la suite »')).toEqual([expect.stringMatching(/^Lire la suite\s»$/), undefined]);
		expect(subtitled('阅读全文')).toEqual(['阅读全文', undefined]);
		expect(subtitled('Le point en dix minutes')).toEqual(['Le point en dix minutes', undefined]);
		expect(subtitled('Each post also has a subtitle')).toEqual([undefined, 'Each post also has a subtitle']);
		expect(subtitled('这是一篇关于如何使用静态网站生成器的文章')).toEqual([undefined, '这是一篇关于如何使用静态网站生成器的文章']);
	});

	test('lists published posts newest first', () => {
		expect(blog.posts.map((post) => post.id)).toEqual(['new', 'mid', 'old']);
	});

	test('leaves drafts out of a production build, and keeps them in dev', () => {
		expect(blog.tags.map((tag) => tag.slug)).not.toContain('brouillon');
		const dev = buildBlog(entries, config, { ...project, showDrafts: true });
		expect(dev.posts.map((post) => post.id)).toEqual(['draft', 'new', 'mid', 'old']);
	});

	test('merges tags whose slugs match and names them as the newest post does', () => {
		expect(blog.tags).toEqual([
			{ name: 'PME', slug: 'pme', url: '/tags/pme/', count: 2 },
			{ name: 'révolution  Française', slug: 'revolution-francaise', url: '/tags/revolution-francaise/', count: 2 },
		]);
		expect(blog.postsByTag.get('pme')?.map((post) => post.id)).toEqual(['new', 'mid']);
	});

	test('gives each post its URL and author, falling back to the site author', () => {
		const [newest, middle] = blog.posts;
		expect(newest).toMatchObject({ url: '/posts/new/', author: { name: 'Ada' } });
		expect(middle?.author).toEqual({ name: 'Équipe' });
	});

	test('builds URLs with base and without trailing slashes when asked', () => {
		const blogUnderBase = buildBlog(entries, config, { ...project, base: '/blog', trailingSlash: 'never' });
		expect(blogUnderBase.posts[0]?.url).toBe('/blog/posts/new');
		expect(blogUnderBase.tags[0]?.url).toBe('/blog/tags/pme');
	});
});

describe('paginate()', () => {
	const items = Array.from({ length: 23 }, (_, index) => index + 1);
	const urlOf = (page: number) => listingPath('home', page, {}, project);

	test('cuts a listing into pages with links to their neighbours', () => {
		expect(paginate(items, 10, 1, urlOf)).toEqual({
			items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
			number: 1,
			total: 3,
			previousUrl: undefined,
			nextUrl: '/page/2/',
		});
		expect(paginate(items, 10, 3, urlOf)).toMatchObject({ items: [21, 22, 23], previousUrl: '/page/2/', nextUrl: undefined });
	});

	test('has one empty first page for an empty listing and nothing past the last page', () => {
		expect(paginate([], 10, 1, urlOf)).toMatchObject({ items: [], total: 1 });
		expect(paginate(items, 10, 4, urlOf)).toBeUndefined();
		expect(paginate(items, 10, 0, urlOf)).toBeUndefined();
	});

	test('numbers tag pages under the tag', () => {
		expect(listingPath('tag', 1, { tag: 'pme' }, project)).toBe('/tags/pme/');
		expect(listingPath('tag', 2, { tag: 'pme' }, project)).toBe('/tags/pme/page/2/');
	});
});
