import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A post whose body is over 10 MB of HTML, as a listing pasted whole makes one: each "<" of its code
// is four bytes of HTML (&lt;), so 2.6 MB of Markdown make 10.4 MB.
const SITE = 'https://example.com';
const HUGE = ['---', 'title: Listing', 'date: 2024-01-02', 'description: A listing of angle brackets.', 'tags: [Code]', '---', '', '```', ...Array.from({ length: 2600 }, () => '<'.repeat(1000)), '```', ''].join('\n');
// A post in Hebrew whose body is 10 bytes under the limit, as `<p>…</p>`: 31 more in the element that gives its
// direction, which is what the feeds carry (`<div dir="rtl" lang="he">`).
const ALMOST = ['---', 'title: Hebrew', 'date: 2023-12-31', 'description: Long.', 'lang: he', 'tags: [Code]', '---', '', 'a '.repeat(4_999_992).trim(), ''].join('\n');
// A character reference to ESC in raw HTML, before the quote and tags that a terminal code read in the serialized HTML would take with it.
const ESCAPE = ['---', 'title: Escape', 'date: 2023-12-30', '---', '', '<p><abbr title="Escape key &#x1B;">Esc</abbr>" onmouseover="alert(1)" <b>pressed</b></p>', ''].join('\n');
const run = promisify(execFile);
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('feed-size', {
		'astro.config.mjs': astroConfig({ title: 'Sizes', locale: 'en', timeZone: 'UTC' }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/listing.md': HUGE,
		'src/content/posts/hebrew.md': ALMOST,
		'src/content/posts/escape.md': ESCAPE,
		'src/content/posts/small.md': '---\ntitle: Small\ndate: 2024-01-01\ntags: [Code]\n---\nA small post, with [a link](/posts/listing/).\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

const LINK_ONLY = `<p>A listing of angle brackets.</p><p><a href="${SITE}/posts/listing/">This post is too long for feed readers: read it on its page.</a></p>`;
const SMALL = `<p>A small post, with <a href="${SITE}/posts/listing/">a link</a>.</p>`;
const HEBREW = `<div dir="rtl" lang="he"><p>Long.</p><p><a href="${SITE}/posts/hebrew/">This post is too long for feed readers: read it on its page.</a></p></div>`;
const ESCAPED = '<p><abbr title="Escape key ">Esc</abbr>" onmouseover="alert(1)" <b>pressed</b></p>';

describe('a post with more HTML than feed readers take in one item', () => {
	test('is carried by its summary and a link to its page in RSS, Atom and JSON Feed, and the other posts in full; a right-to-left post is measured in its direction element', () => {
		const rss = parseRssFeed(site.read('rss.xml'));
		expect(rss.items?.map((item) => [item.title, item.content?.encoded])).toEqual([
			['Listing', LINK_ONLY],
			['Small', SMALL],
			['Hebrew', HEBREW],
			['Escape', ESCAPED],
		]);
		const atom = parseAtomFeed(site.read('atom.xml'));
		expect(atom.entries?.map((entry) => [entry.title?.value, entry.content?.value])).toEqual([
			['Listing', LINK_ONLY],
			['Small', SMALL],
			['Hebrew', HEBREW],
			['Escape', ESCAPED],
		]);
		const json = parseJsonFeed(JSON.parse(site.read('feed.json')));
		expect(json.items?.map((item) => [item.title, item.content_html])).toEqual([
			['Listing', LINK_ONLY],
			['Small', SMALL],
			['Hebrew', HEBREW],
			['Escape', ESCAPED],
		]);
	});

	test('leaves every feed readable by xmllint without --huge, as libxml2-based readers read them', async () => {
		for (const file of ['rss.xml', 'atom.xml', 'tags/code/rss.xml']) {
			// libxml2 2.9 reports a huge text node and still exits with 0: what it prints is the verdict.
			const { stdout, stderr } = await run('xmllint', ['--noout', path.join(site.dist, file)]);
			expect(stdout + stderr, file).toBe('');
		}
	});

	test('keeps its page whole', () => {
		expect(site.html('posts/listing/index.html')('.carnet-prose pre').text().length).toBeGreaterThan(2_600_000);
	});

	test('is named by a warning of the build, with its size and what to do', () => {
		const warnings = site.log.split('\n').filter((line) => line.includes('[WARN]'));
		expect(warnings.map((line) => line.replace(/^.*?\[WARN\] /, ''))).toMatchInlineSnapshot(`
			[
			  "[astro-theme-carnet] src/content/posts/listing.md: its body is 10.4 MB of HTML, over the 10.0 MB that feed readers built on libxml2 accept in one item, so the feeds carry its summary and a link to its page instead. To have it in full in feeds, shorten it: split it into several posts, or put a long code block or listing in a file the post links to.",
			  "[astro-theme-carnet] src/content/posts/hebrew.md: its body is 10,000,021 bytes of HTML, over the 10,000,000 bytes that feed readers built on libxml2 accept in one item, so the feeds carry its summary and a link to its page instead. To have it in full in feeds, shorten it: split it into several posts, or put a long code block or listing in a file the post links to.",
			]
		`);
	});
});
