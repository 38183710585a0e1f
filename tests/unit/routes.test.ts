import { describe, expect, test } from 'vitest';
import { listingPath, matchRoute, routePath } from '../../theme/utils/routes.ts';

const root = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory' } as const;
const blog = { base: '/blog', trailingSlash: 'ignore', buildFormat: 'directory' } as const;

describe('the route table', () => {
	test('builds page paths with base and a trailing slash, file paths without one', () => {
		expect(routePath('home', {}, root)).toBe('/');
		expect(routePath('home', {}, blog)).toBe('/blog/');
		expect(routePath('post', { slug: 'hello' }, blog)).toBe('/blog/posts/hello/');
		expect(routePath('tagRss', { tag: 'pme' }, blog)).toBe('/blog/tags/pme/rss.xml');
		expect(routePath('sitemapIndex', {}, root)).toBe('/sitemap-index.xml');
	});

	test('follows trailingSlash: never and build.format: file for pages only, the home page under a base being the base', () => {
		expect(routePath('tags', {}, { ...blog, trailingSlash: 'never' })).toBe('/blog/tags');
		expect(routePath('archive', {}, { ...root, buildFormat: 'file' })).toBe('/archive');
		expect(routePath('home', {}, { ...blog, trailingSlash: 'never' })).toBe('/blog');
		expect(routePath('home', {}, { ...root, trailingSlash: 'never' })).toBe('/');
		expect(listingPath('home', 1, {}, { ...blog, trailingSlash: 'never' })).toBe('/blog');
		expect(matchRoute('home', '/blog', blog)).toEqual({});
		expect(routePath('rss', {}, { ...blog, trailingSlash: 'always' })).toBe('/blog/rss.xml');
	});

	test("ends pages with a slash under trailingSlash 'always' whatever build.format, as Astro's sitemap and dev server do", () => {
		for (const buildFormat of ['file', 'preserve', 'directory'] as const) {
			expect(routePath('archive', {}, { ...blog, trailingSlash: 'always', buildFormat }), buildFormat).toBe('/blog/archive/');
			expect(routePath('rss', {}, { ...blog, trailingSlash: 'always', buildFormat }), buildFormat).toBe('/blog/rss.xml');
		}
	});

	test('percent-encodes parameters', () => {
		expect(routePath('tag', { tag: 'été à/b' }, root)).toBe('/tags/%C3%A9t%C3%A9%20%C3%A0%2Fb/');
	});

	test('percent-encodes a base with spaces and accents as browsers send it, and keeps the escapes it has', () => {
		expect(routePath('home', {}, { ...blog, base: '/my blög/' })).toBe('/my%20bl%C3%B6g/');
		expect(routePath('tag', { tag: 'pme' }, { ...blog, base: '/my blög' })).toBe('/my%20bl%C3%B6g/tags/pme/');
		expect(routePath('rss', {}, { ...blog, base: '/a%20b/c"d<e>/' })).toBe('/a%20b/c%22d%3Ce%3E/rss.xml');
		expect(matchRoute('post', '/my%20bl%C3%B6g/posts/hello/', { ...blog, base: '/my blög/' })).toEqual({ slug: 'hello' });
	});

	test('numbers listing pages from 2 under their first page', () => {
		expect(listingPath('home', 1, {}, root)).toBe('/');
		expect(listingPath('home', 3, {}, blog)).toBe('/blog/page/3/');
		expect(listingPath('archive', 2, {}, root)).toBe('/archive/page/2/');
		expect(listingPath('tag', 2, { tag: 'pme' }, blog)).toBe('/blog/tags/pme/page/2/');
	});

	test('recognises the URLs it builds, and no others', () => {
		expect(matchRoute('post', '/blog/posts/hello/', blog)).toEqual({ slug: 'hello' });
		expect(matchRoute('post', '/blog/posts/hello', blog)).toEqual({ slug: 'hello' });
		expect(matchRoute('post', '/posts/%C3%A9t%C3%A9/', root)).toEqual({ slug: 'été' });
		expect(matchRoute('post', '/posts/hello/', blog)).toBeUndefined();
		expect(matchRoute('post', '/blog/posts/hello/extra/', blog)).toBeUndefined();
		expect(matchRoute('post', '/blog/tags/hello/', blog)).toBeUndefined();
		expect(matchRoute('tagPage', '/tags/pme/page/2/', root)).toEqual({ tag: 'pme', page: '2' });
	});
});
