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
	function baseError(base: string): string | undefined {
		try {
			checkBase({ base });
		} catch (error) {
			const { message, hint } = error as { message: string; hint?: string };
			return `${message}\nHint: ${hint}`;
		}
		return undefined;
	}

	test("stops at setup, naming base, its value and one to write, as Astro's image pipeline cannot write its images", () => {
		expect(baseError('/my blog/')).toMatchInlineSnapshot(`
			"base is '/my blog/', which addresses carry percent-encoded (/my%20blog/): Astro's image pipeline then looks for each optimised image (a featured image, an image beside a post) under dist/my blog/_astro/, which does not exist, and stops the build at the first one.
			Hint: Write base with letters, digits, dashes, dots and underscores only, e.g. base: '/my-blog/'."
		`);
		expect(baseError('/my blög')).toContain("e.g. base: '/my-blog'.");
	});

	test('passes a base of letters, digits, dashes, dots and underscores', () => {
		expect(baseError('/')).toBeUndefined();
		expect(baseError('/my-blog_2.0/')).toBeUndefined();
	});
});
