import { describe, expect, test } from 'vitest';
import { pageAddress } from '../../theme/utils/urls.ts';

describe("a page's address from the path Astro renders it at", () => {
	test("names no .html file under build.format 'file' or 'preserve', and is the path itself under 'directory'", () => {
		const file = { buildFormat: 'file', base: '/', trailingSlash: 'ignore' } as const;
		expect([pageAddress('/posts/x.html', file), pageAddress('/index.html', file), pageAddress('/posts/x/', { ...file, buildFormat: 'directory' })]).toEqual(['/posts/x', '/', '/posts/x/']);
	});

	test("is the base alone for the home page under a base with trailingSlash 'never', as the theme links it, the sitemap lists it and its canonical link names it", () => {
		const never = { buildFormat: 'file', base: '/my blög/', trailingSlash: 'never' } as const;
		expect([pageAddress('/my%20bl%C3%B6g/index.html', never), pageAddress('/my%20bl%C3%B6g/archive.html', never)]).toEqual(['/my%20bl%C3%B6g', '/my%20bl%C3%B6g/archive']);
		expect(pageAddress('/blog/index.html', { ...never, base: '/blog', trailingSlash: 'always' })).toBe('/blog/');
	});

	test("ends with a slash under trailingSlash 'always' whatever build.format, as Astro's links, sitemap and dev server want", () => {
		const always = { base: '/blog', trailingSlash: 'always' } as const;
		expect([pageAddress('/blog/posts/x.html', { ...always, buildFormat: 'file' }), pageAddress('/blog/archive.html', { ...always, buildFormat: 'preserve' })]).toEqual(['/blog/posts/x/', '/blog/archive/']);
	});
});
