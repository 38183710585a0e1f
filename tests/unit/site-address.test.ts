import { describe, expect, test } from 'vitest';
import { checkSiteAddress } from '../../theme/integration/site-address.ts';

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
