import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A blog written right to left, in Hebrew.
const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nטקסט.\n`;
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('rtl', {
		'astro.config.mjs': astroConfig({ title: 'בלוג', locale: 'he', timeZone: 'Asia/Jerusalem', postsPerPage: 1 }, { site: 'https://rtl.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/first.md': post('ראשון', '2024-01-01'),
		'src/content/posts/second.md': post('שני', '2024-02-01'),
		'src/content/posts/third.md': post('שלישי', '2024-03-01'),
		// A post in Arabic, and one in English, on the Hebrew blog.
		'src/content/posts/arabic.md': '---\ntitle: عربي\ndate: 2023-12-01\nlang: ar\n---\nهذا نص.\n',
		'src/content/posts/english.md': '---\ntitle: English\ndate: 2023-11-01\nlang: en\n---\nSome text.\n',
		// Names that open a right-to-left override and never close it.
		'src/content/posts/override.md': '---\ntitle: "\\u202Eevil"\ndate: 2023-10-01\nlang: en\ntags: ["\\u202ERTL"]\nauthor: "\\u202EMallory"\nseries: "\\u202ESaga"\n---\nText.\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

describe('a right-to-left blog', () => {
	test('has pagination arrows that point outwards: newer posts to the right, older to the left', () => {
		const $ = site.html('page/2/index.html');
		expect($('html').attr('dir')).toBe('rtl');
		expect($('.carnet-pagination a[rel="prev"] [aria-hidden]').text().trim()).toBe('→');
		expect($('.carnet-pagination a[rel="next"] [aria-hidden]').text().trim()).toBe('←');
	});

	test('gives each post its direction in every feed, a left-to-right one too on a right-to-left blog', () => {
		const expected = ['<div dir="rtl"><p>טקסט.</p></div>', '<div dir="rtl"><p>טקסט.</p></div>', '<div dir="rtl"><p>טקסט.</p></div>', '<div dir="rtl" lang="ar"><p>هذا نص.</p></div>', '<div dir="ltr" lang="en"><p>Some text.</p></div>', '<div dir="ltr" lang="en"><p>Text.</p></div>'];
		expect(parseRssFeed(site.read('rss.xml')).items?.map((item) => item.content?.encoded)).toEqual(expected);
		expect(parseAtomFeed(site.read('atom.xml')).entries?.map((entry) => entry.content?.value)).toEqual(expected);
		expect((JSON.parse(site.read('feed.json')) as { items: { content_html: string }[] }).items.map((item) => item.content_html)).toEqual(expected);
	});

	test('isolates a name that opens a right-to-left override in every list, heading and sentence it stands in, so that the text around it keeps its order', () => {
		const isolated = (text: string) => `\u2068${text}\u2069`;
		const tags = site.html('tags/index.html');
		const rtlTag = tags('.carnet-tag-index li').filter((_, item) => tags(item).text().includes('RTL'));
		expect(rtlTag.find('a > bdi').text()).toBe('\u202ERTL');
		expect(site.html('tags/rtl/index.html')('h1').text()).toBe(`Posts tagged “${isolated('\u202ERTL')}”`);
		const post = site.html('posts/override/index.html');
		expect(post('.carnet-post-meta').text()).toContain(`By ${isolated('\u202EMallory')}`);
		expect(post('.carnet-tags a > bdi').text()).toBe('\u202ERTL');
		expect(post('.carnet-series__title a > bdi').text()).toBe('\u202ESaga');
		const series = site.html('series/index.html');
		expect(series('.carnet-tag-index a > bdi').text()).toBe('\u202ESaga');
		expect(site.html('series/saga/index.html')('h1').text()).toBe(`Series “${isolated('\u202ESaga')}”`);
		expect(site.html('tags/rtl/index.html')('.carnet-card .carnet-visually-hidden').text()).toBe(`: ${isolated('\u202Eevil')}`);
	});

	test('shows its RSS feed in a browser right to left', () => {
		expect(site.read('rss.xsl')).toContain('<html lang="he" dir="rtl">');
	});
});
