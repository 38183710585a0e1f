import { describe, expect, test } from 'vitest';
import { describePageParts } from '../../theme/integration/page-parts.ts';

// Body lines as the file's: a body that opens on line 5.
const fileLine = (line: number) => line + 4;

describe('warnings on <link> elements left out of a post (describePageParts)', () => {
	test('name the same <link> written again and again once, with a count and its other lines, and the links after the first ten in one more warning', () => {
		const me = '<link rel="me" href="https://mastodon.social/@ana">';
		const others = Array.from({ length: 12 }, (_, index) => `<link rel="alternate" href="/feed-${index}.xml">`);
		const body = ['Find me elsewhere.', '', ...Array.from({ length: 2400 }, () => me), '', ...others, '', 'After.'].join('\n');
		const warnings = describePageParts(body, ['link'], fileLine);
		expect(warnings).toHaveLength(11);
		expect(warnings[0]?.line).toBe(7);
		expect(warnings[0]?.text).toMatch(/^<link rel="me" href="https:\/\/mastodon\.social\/@ana"> \(and 2399 more, on lines 8, 9, 10, 11, 12, 13, 14, 15, 16, 17…\) is left out of the post: /);
		expect(warnings[1]).toMatchObject({ line: 2408, text: expect.stringMatching(/^<link rel="alternate" href="\/feed-0\.xml"> is left out of the post: /) });
		expect(warnings[10]).toEqual({
			line: 2417,
			text: '<link rel="alternate" href="/feed-9.xml"> and 2 more <link> elements (on lines 2418, 2419) are left out of the post: a <link> other than a stylesheet, a preload hint or microdata\'s itemprop speaks for a whole page from its head, where the theme writes each page\'s own, and HTML allows none in a page\'s body. Delete them from the post to silence this warning.',
		});
	});

	test('are found on 100 KB of <link> lines in a fraction of a second', () => {
		const lines = Array.from({ length: 2000 }, (_, index) => `<link rel="me" href="https://example.com/@u${index}">`);
		const body = `${lines.join('\n')}\n\n${'Prose. '.repeat(14_000)}`;
		expect(body.length).toBeGreaterThan(100_000);
		const started = performance.now();
		const warnings = describePageParts(body, ['link'], fileLine);
		expect(performance.now() - started).toBeLessThan(500);
		expect(warnings).toHaveLength(11);
		expect(warnings[10]?.text).toMatch(/^<link rel="me" href="https:\/\/example\.com\/@u10"> and 1989 more <link> elements \(on lines 16, 17, 18, 19, 20, 21, 22, 23, 24, 25…\) are left out/);
	});
});
