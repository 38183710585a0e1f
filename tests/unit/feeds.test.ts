import { execFileSync, spawnSync } from 'node:child_process';
import { getRssString } from '@astrojs/rss';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { pageLinkHtml } from '../../theme/utils/feed-html.ts';
import { FEED_CONTENT_LIMIT, atomFeed, jsonFeed, rssOptions, type FeedEntry, type FeedMeta } from '../../theme/utils/feeds.ts';

const meta: FeedMeta = {
	title: 'Blog',
	description: '',
	language: 'en',
	timeZone: 'UTC',
	homeUrl: 'https://example.com/',
	selfUrl: 'https://example.com/atom.xml',
};
const entry = (categories: string[], contentHtml = '<p>x</p>'): FeedEntry => ({
	url: 'https://example.com/posts/x/',
	title: 'X',
	contentHtml,
	published: new Date('2024-01-01T00:00:00Z'),
	categories,
	authors: [],
});

describe('Atom feed', () => {
	test('writes a category named "true" or "false" with its term, so that the feed stays well-formed', () => {
		const xml = atomFeed(meta, [entry(['true', 'false', 'Astro'])]);
		// xmllint fails on a document that is not well-formed, such as <category term/>.
		execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
		const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
		expect(feed.feed.entry.category.map((category: Record<string, unknown>) => category['@term'])).toEqual(['true', 'false', 'Astro']);
	});
});

describe("a title's bidirectional controls", () => {
	test('are isolated in the RSS, Atom and JSON feeds, as in the page\'s <title>, so that an override it never closes cannot reorder what a reader lists after it', async () => {
		const evil = { ...entry([]), title: '\u202Eevil' };
		const xml = new XMLParser();
		const rss = xml.parse(await getRssString(rssOptions(meta, [evil, entry([])])));
		const atom = xml.parse(atomFeed(meta, [evil, entry([])]));
		const json = JSON.parse(jsonFeed(meta, [evil, entry([])]));
		const isolated = ['\u2068\u202Eevil\u2069', 'X'];
		expect(rss.rss.channel.item.map((item: { title: string }) => item.title)).toEqual(isolated);
		expect(atom.feed.entry.map((item: { title: string }) => item.title)).toEqual(isolated);
		expect(json.items.map((item: { title: string }) => item.title)).toEqual(isolated);
	});
});

describe("an item's HTML", () => {
	test('loses an ESC alone in every feed, never the quote and tags after it, which would make the text after them attributes', async () => {
		const html = '<p><abbr title="key \u001b">Esc</abbr>" onmouseover="alert(1)" <b>pressed</b></p>';
		const kept = '<p><abbr title="key ">Esc</abbr>" onmouseover="alert(1)" <b>pressed</b></p>';
		const xml = new XMLParser({ processEntities: true, htmlEntities: false });
		const rss = xml.parse(await getRssString(rssOptions(meta, [entry([], html)])));
		const atom = xml.parse(atomFeed(meta, [entry([], html)]));
		const json = JSON.parse(jsonFeed(meta, [entry([], html)]));
		expect([rss.rss.channel.item['content:encoded'], atom.feed.entry.content, json.items[0].content_html]).toEqual([kept, kept, kept]);
	});
});

describe("an RSS description's text", () => {
	test('reads as written once a reader decodes the XML and then the HTML that RSS descriptions hold', async () => {
		const text = 'Use <div> for layout & "more" ]]> &amp; <script>x</script>';
		const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(
			await getRssString(rssOptions({ ...meta, description: text }, [{ ...entry([]), summary: text }])),
		);
		const asHtml = (html: string) => cheerio.load(html).root().text();
		expect(asHtml(feed.rss.channel.description)).toBe(text);
		expect(asHtml(feed.rss.channel.item.description)).toBe(text);
	});
});

describe('an item too large for feed readers', () => {
	/** Whether xmllint, as libxml2-based readers do, reads an Atom feed whose item holds `bytes` bytes of HTML. */
	const readable = (bytes: number) => {
		const xml = atomFeed(meta, [entry([], `<p>${'x'.repeat(bytes - 7)}</p>`)]);
		// libxml2 2.9 may report a huge text node and still exit with 0: what it prints is the verdict.
		const result = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
		return result.status === 0 && result.stdout + result.stderr === '';
	};

	test("is one over libxml2's limit: an item of the limit's size is read, one byte more is refused", () => {
		expect([readable(FEED_CONTENT_LIMIT), readable(FEED_CONTENT_LIMIT + 1)]).toEqual([true, false]);
	});

	test('is carried by its summary and a link to its page, escaped once', () => {
		expect(pageLinkHtml('Tom & Jerry <3', 'https://example.com/posts/x/?a=1&b=2', 'Read it on its page.')).toBe(
			'<p>Tom &amp; Jerry &lt;3</p><p><a href="https://example.com/posts/x/?a=1&amp;b=2">Read it on its page.</a></p>',
		);
		expect(pageLinkHtml(undefined, 'https://example.com/posts/x/', 'Read it on its page.')).toBe('<p><a href="https://example.com/posts/x/">Read it on its page.</a></p>');
	});
});
