import { describe, expect, test } from 'vitest';
import { checkBase, checkSiteAddress } from '../../theme/integration/site-address.ts';

function warningsFor(site: string | undefined, base = '/'): string[] {
	const warnings: string[] = [];
	checkSiteAddress({ site, base }, (message) => warnings.push(message));
	return warnings;
}

describe("the site's address", () => {
	test("warns once that a path in site is not used for pages, naming site and base and the base to write", () => {
		expect(warningsFor('https://example.org:8443/blog/')).toEqual([
			"site is 'https://example.org:8443/blog/', whose path /blog/ is not used for pages: Astro writes every address from the site's origin (https://example.org:8443/) and `base`, so feeds, the sitemap and canonical URLs would leave /blog/ out. Put the path in `base`: site: 'https://example.org:8443', base: '/blog'.",
		]);
	});

	test("reads a page's file at the end of site as its folder: the origin alone for /index.html, the folder as base otherwise", () => {
		expect(warningsFor('https://example.com/index.html')).toEqual([
			"site is 'https://example.com/index.html', which names a page (/index.html); Astro writes every address from the site's origin. Write the address alone: site: 'https://example.com'.",
		]);
		expect(warningsFor('https://example.com/blog/index.html')[0]).toMatch(/Put the path in `base`: site: 'https:\/\/example\.com', base: '\/blog'\.$/);
		expect(warningsFor('https://example.com/blog/index.html', '/blog/')).toEqual([]);
	});

	test('says nothing when base repeats the path of site, or site has none', () => {
		expect(warningsFor('https://example.org/blog/', '/blog/')).toEqual([]);
		expect(warningsFor('https://example.org/blog', '/blog')).toEqual([]);
		expect(warningsFor('https://example.org', '/blog/')).toEqual([]);
		expect(warningsFor('https://example.org/')).toEqual([]);
	});

	test('warns that feeds, the sitemap and canonical URLs are skipped without site', () => {
		expect(warningsFor(undefined)).toEqual([
			"The `site` option is not set in astro.config.mjs, so the RSS feed, the sitemap and canonical URLs are skipped. Set it to the blog's public address, e.g. site: 'https://example.com'.",
		]);
	});
});

describe('a base that addresses must percent-encode', () => {
	const imaged: Parameters<typeof checkBase>[1] = [
		{ filePath: 'src/content/posts/b.md', data: { title: 'B', image: { src: '__ASTRO_IMAGE_./cover.jpg' } } },
		{ filePath: 'src/content/posts/a/index.md', data: { title: 'A' }, rendered: { metadata: { imagePaths: ['./pixel.png'] } } },
		{ filePath: 'src/content/posts/c.md', data: { title: 'C' } },
	];

	function baseError(base: string, entries: Parameters<typeof checkBase>[1] = imaged): string | undefined {
		try {
			checkBase({ base }, entries);
		} catch (error) {
			const { message, hint } = error as { message: string; hint?: string };
			return `${message}\nHint: ${hint}`;
		}
		return undefined;
	}

	test("stops the build once a post has an image Astro optimises, naming base, its value, the posts and a base to write, as Astro's image pipeline cannot write such images", () => {
		expect(baseError('/my blog/')).toMatchInlineSnapshot(`
			"base is '/my blog/', which addresses carry percent-encoded (/my%20blog/), and src/content/posts/a/index.md (and 1 more post) has an image Astro optimises (a featured image, an image beside the post): Astro's image pipeline looks for each one under dist/my blog/_astro/, which does not exist, and stops the build at the first one.
			Hint: Write base with letters, digits, dashes, dots and underscores only, e.g. base: '/my-blog/', or put the images in public/ and name them by their path there (/images/cover.jpg)."
		`);
	});

	test('lets a site build under such a base when no post has an image Astro optimises, or when the base needs no encoding', () => {
		expect(baseError('/my blog/', [{ filePath: 'src/content/posts/c.md', data: { title: 'C', tags: ['__ASTRO'] } }])).toBeUndefined();
		expect(baseError('/blog/')).toBeUndefined();
	});
});
