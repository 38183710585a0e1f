import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFeed as parseLenient } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

// Posts whose bodies hold what breaks feeds: relative links and images, fragments, raw scripts,
// event handlers and javascript: URLs, an MDX component.
async function feedPosts(): Promise<Record<string, string | Buffer>> {
	return {
		'src/content/posts/links/index.md': `---
title: Links & images
description: 'Use <div> & "more" ]]> here'
date: 2024-03-01 10:00:00
featured_image: /images/cover.jpg
tags: [Guides, "Révolution française"]
author: { name: Ada, email: ada@example.com }
---
See [the other post](/posts/other/) and [a section](#section).

![An inline picture](./inline.jpg)

<script>alert("feed")</script>
<a href="javascript:alert(1)" onclick="steal()">a trap</a>

## Section

The end.
`,
		'src/content/posts/links/inline.jpg': await makeJpeg(640, 360, 7),
		'public/images/cover.jpg': await makeJpeg(1600, 900, 8),
		'src/content/posts/other.md': '---\ntitle: Other\ndate: 2024-02-01\ntags: [Guides]\nauthor: Bea\n---\nThe other post.\n',
		'src/content/posts/component.mdx': `---
title: In MDX
date: 2024-01-01
---
export const Badge = (props) => <strong class="badge">{props.children}</strong>;

Text with a <Badge>component</Badge>.
`,
		'src/content/posts/draft.md': '---\ntitle: Secret draft\ndate: 2024-04-01\ndraft: true\ntags: [Guides]\n---\nNot yet.\n',
	};
}

const sites: Record<string, BuiltSite> = {};
const SITE = 'https://feeds.example.com';

beforeAll(async () => {
	const posts = await feedPosts();
	const specs = {
		base: { astro: { site: SITE, base: '/blog' }, options: { title: 'Feeds', locale: 'en', timeZone: 'Europe/Paris' } },
		never: { astro: { site: SITE, trailingSlash: 'never' }, options: { title: 'Feeds', feed: { limit: 2 } } },
		off: { astro: { site: SITE }, options: { title: 'Feeds', feed: { atom: false, json: false, tags: false } } },
	};
	await Promise.all(
		Object.entries(specs).map(async ([name, spec]) => {
			const root = writeSite(`feeds-${name}`, {
				'astro.config.mjs': astroConfig(spec.options, spec.astro),
				'src/content.config.ts': CONTENT_CONFIG,
				...posts,
			});
			sites[name] = await buildSite(root);
			expect(sites[name]?.ok, sites[name]?.log).toBe(true);
		}),
	);
});

const base = () => sites.base as BuiltSite;

/** The built file a URL of the site points at, following Astro's directory build format. */
function builtFileFor(site: BuiltSite, url: string, basePath: string): string | undefined {
	const { origin, pathname } = new URL(url);
	if (origin !== SITE || !pathname.startsWith(basePath)) return undefined;
	const local = decodeURIComponent(pathname.slice(basePath.length).replace(/^\//, ''));
	const candidates = local === '' || local.endsWith('/') ? [`${local}index.html`] : [local, `${local}/index.html`];
	return candidates.map((file) => path.join(site.dist, file)).find((file) => existsSync(file) && statSync(file).isFile());
}

describe('RSS 2.0 with full content', () => {
	test('has every channel element readers need, and a self link equal to its own URL', () => {
		const channel = base().xml('rss.xml').rss.channel;
		expect(channel.title).toBe('Feeds');
		expect(channel.link).toBe(`${SITE}/blog/`);
		expect(channel.description).toBe('Feeds');
		expect(channel.language).toBe('en');
		expect(channel.lastBuildDate).toMatch(RFC_822);
		expect(channel['atom:link']).toMatchObject({ '@href': `${SITE}/blog/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
	});

	test("has a channel image: the blog's monogram as a 144×144 PNG when socialImage is not set", async () => {
		const image = base().xml('rss.xml').rss.channel.image;
		expect(image).toMatchObject({ url: `${SITE}/blog/feed-icon.png`, title: 'Feeds', link: `${SITE}/blog/`, width: '144', height: '144' });
		const metadata = await sharp(builtFileFor(base(), image.url, '/blog') as string).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 144, 144]);
	});

	test('lists published posts newest first, without drafts, each with title, link, guid and an RFC 822 date', () => {
		const items = base().xml('rss.xml').rss.channel.item as Record<string, any>[];
		expect(items.map((item) => item.title)).toEqual(['Links & images', 'Other', 'In MDX']);
		for (const item of items) {
			expect(item.link).toMatch(new RegExp(`^${SITE}/blog/posts/[a-z-]+/$`));
			expect(item.guid).toEqual({ '#text': item.link, '@isPermaLink': 'true' });
			expect(item.pubDate).toMatch(RFC_822);
			expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
		}
		expect(items[0]?.pubDate).toBe('Fri, 01 Mar 2024 09:00:00 GMT');
	});

	test('gives categories from tags, an author with an e-mail, else a dc:creator', () => {
		const [links, other] = base().xml('rss.xml').rss.channel.item as Record<string, any>[];
		expect(links?.category).toEqual(['Guides', 'Révolution française']);
		expect(links?.author).toBe('ada@example.com (Ada)');
		expect(other?.['dc:creator']).toBe('Bea');
	});

	test('carries the same HTML as the post page, with absolute links and images and no scripts', () => {
		const item = (base().xml('rss.xml').rss.channel.item as Record<string, any>[])[0] as Record<string, any>;
		const content = cheerio.load(item['content:encoded'] as string);
		const page = base().html('posts/links/index.html');
		const text = (value: string) => value.replace(/\s+/g, ' ').trim();
		expect(text(content.root().text())).toBe(text(page('.carnet-prose').text().replace('alert("feed")', '')));
		const urls = content('[href], [src]')
			.map((_, element) => content(element).attr('href') ?? content(element).attr('src'))
			.get();
		// The root-relative Markdown link gets the base, on the page and in the feed.
		expect(page('.carnet-prose a').first().attr('href')).toBe('/blog/posts/other/');
		expect(urls).toEqual([
			`${SITE}/blog/posts/other/`,
			`${SITE}/blog/posts/links/#section`,
			expect.stringMatching(new RegExp(`^${SITE}/blog/_astro/inline\\.[\\w-]+\\.webp$`)),
		]);
		expect(content('script').length).toBe(0);
		expect(content.html()).not.toMatch(/javascript:|onclick/);
		expect(content('a').filter((_, element) => content(element).text() === 'a trap').length).toBe(1);
	});

	test('renders MDX components in the feed as on the page', () => {
		const items = base().xml('rss.xml').rss.channel.item as Record<string, any>[];
		const mdx = cheerio.load(items.find((item) => item.title === 'In MDX')?.['content:encoded'] ?? '');
		expect(mdx('strong.badge').text()).toBe('component');
	});

	test('attaches the featured image as an enclosure: a JPEG, with its byte length', () => {
		const item = (base().xml('rss.xml').rss.channel.item as Record<string, any>[])[0] as Record<string, any>;
		const enclosure = item.enclosure as Record<string, string>;
		expect(enclosure['@type']).toBe('image/jpeg');
		const file = builtFileFor(base(), enclosure['@url'] as string, '/blog');
		expect(file).toBeDefined();
		expect(Number(enclosure['@length'])).toBe(statSync(file as string).size);
	});

	test('bounds its size with feed.limit', () => {
		const items = (sites.never as BuiltSite).xml('rss.xml').rss.channel.item as Record<string, any>[];
		expect(items.map((item) => item.title)).toEqual(['Links & images', 'Other']);
	});

	test('is shown as a translated page when opened in a browser, through its XSL stylesheet', () => {
		expect(base().read('rss.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/blog\/rss.xsl" type="text\/xsl"\?>/);
		const html = execFileSync('xsltproc', [path.join(base().dist, 'rss.xsl'), path.join(base().dist, 'rss.xml')], { encoding: 'utf8' });
		const $ = cheerio.load(html);
		expect($('html').attr('lang')).toBe('en');
		expect($('h1').text()).toBe('Feeds');
		expect($('.about').text()).toContain('subscribe by copying its address into your feed reader');
		expect($('code').text()).toBe(`${SITE}/blog/rss.xml`);
		expect($('li a').map((_, link) => $(link).text()).get()).toEqual(['Links & images', 'Other', 'In MDX']);
	});
});

describe('per-tag feeds', () => {
	test('each tag has an RSS feed of its own posts, advertised on its page', () => {
		const items = base().xml('tags/guides/rss.xml').rss.channel.item as Record<string, any>[];
		expect(items.map((item) => item.title)).toEqual(['Links & images', 'Other']);
		const page = base().html('tags/guides/index.html');
		expect(page('link[rel="alternate"][href="/blog/tags/guides/rss.xml"]').attr('type')).toBe('application/rss+xml');
		expect(page('.carnet-listing__feed a').attr('href')).toBe('/blog/tags/guides/rss.xml');
		expect(base().xml('tags/revolution-francaise/rss.xml').rss.channel['atom:link']['@href']).toBe(`${SITE}/blog/tags/revolution-francaise/rss.xml`);
	});
});

describe('Atom and JSON Feed', () => {
	const links = (site: BuiltSite) => ({
		rss: (parseRssFeed(site.read('rss.xml')).items ?? []).map((item) => [item.link, item.title]),
		atom: (parseAtomFeed(site.read('atom.xml')).entries ?? []).map((entry) => [entry.id, entry.title?.value]),
		json: (parseJsonFeed(JSON.parse(site.read('feed.json'))).items ?? []).map((item) => [item.url, item.title]),
		lenientRss: parseLenient(site.read('rss.xml')).items.map((item) => [item.url, item.title]),
		lenientAtom: parseLenient(site.read('atom.xml')).items.map((item) => [item.url, item.title]),
	});

	test("an item's description reads as written in each: RSS's once decoded as the HTML it is, Atom's and JSON Feed's as text", () => {
		const text = 'Use <div> & "more" ]]> here';
		const asHtml = (html: string | undefined) => cheerio.load(html ?? '').root().text();
		expect(asHtml(parseRssFeed(base().read('rss.xml')).items?.[0]?.description)).toBe(text);
		expect(asHtml(parseRssFeed(base().read('tags/guides/rss.xml')).items?.[0]?.description)).toBe(text);
		expect(parseAtomFeed(base().read('atom.xml')).entries?.[0]?.summary?.value).toBe(text);
		expect(parseJsonFeed(JSON.parse(base().read('feed.json'))).items?.[0]?.summary).toBe(text);
	});

	test('a strict and a lenient parser read the same items from RSS, Atom and JSON Feed', () => {
		const read = links(base());
		expect(read.rss).toHaveLength(3);
		for (const other of [read.atom, read.json, read.lenientRss, read.lenientAtom]) expect(other).toEqual(read.rss);
	});

	test('Atom has a self link, an author, dates with the site offset and the same enclosure', () => {
		const feed = base().xml('atom.xml').feed;
		expect(feed['@xml:lang']).toBe('en');
		expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${SITE}/blog/atom.xml` });
		expect(feed.author.name).toBe('Feeds');
		const entry = feed.entry[0];
		expect(entry.published).toBe('2024-03-01T10:00:00+01:00');
		const enclosure = entry.link.find((link: Record<string, string>) => link['@rel'] === 'enclosure');
		const file = builtFileFor(base(), enclosure['@href'], '/blog');
		expect(Number(enclosure['@length'])).toBe(statSync(file as string).size);
	});

	test('JSON Feed 1.1 has attachments with their size', () => {
		const feed = JSON.parse(base().read('feed.json'));
		expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
		expect(feed.feed_url).toBe(`${SITE}/blog/feed.json`);
		const [attachment] = feed.items[0].attachments;
		expect(attachment.mime_type).toBe('image/jpeg');
		expect(attachment.size_in_bytes).toBe(statSync(builtFileFor(base(), attachment.url, '/blog') as string).size);
	});

	test('can be switched off, and are then neither built nor advertised', () => {
		const off = sites.off as BuiltSite;
		expect(off.exists('atom.xml')).toBe(false);
		expect(off.exists('feed.json')).toBe(false);
		expect(off.exists('tags/guides/rss.xml')).toBe(false);
		const alternates = off.html('index.html')('link[rel="alternate"]').map((_, link) => off.html('index.html')(link).attr('type')).get();
		expect(alternates).toEqual(['application/rss+xml']);
	});
});

describe('autodiscovery', () => {
	test('every page links each enabled feed', () => {
		for (const page of ['index.html', 'posts/links/index.html', 'tags/index.html', '404.html']) {
			const $ = base().html(page);
			const feeds = $('link[rel="alternate"]').map((_, link) => `${$(link).attr('type')} ${$(link).attr('href')}`).get();
			expect(feeds.slice(0, 3), page).toEqual([
				'application/rss+xml /blog/rss.xml',
				'application/atom+xml /blog/atom.xml',
				'application/feed+json /blog/feed.json',
			]);
		}
	});
});

describe('sitemap', () => {
	function sitemapUrls(site: BuiltSite): { loc: string; lastmod?: string }[] {
		const urls = site.xml('sitemap-0.xml').urlset.url;
		return Array.isArray(urls) ? urls : [urls];
	}

	test.each(['sitemap-0.xml', 'sitemap-index.xml'])('%s validates against the sitemaps.org schema', (file) => {
		const schema = path.join(repoRoot, 'tests/schemas', file === 'sitemap-0.xml' ? 'sitemap.xsd' : 'siteindex.xsd');
		for (const site of [sites.base, sites.never] as BuiltSite[]) {
			const output = execFileSync('xmllint', ['--noout', '--schema', schema, path.join(site.dist, file)], { encoding: 'utf8', stdio: 'pipe' });
			expect(output).toBe('');
		}
	});

	test('lists published pages only: no drafts, no 404, and posts with their lastmod', () => {
		const urls = sitemapUrls(base());
		const locs = urls.map((url) => url.loc);
		expect(locs).toContain(`${SITE}/blog/posts/links/`);
		expect(locs.some((loc) => loc.includes('draft'))).toBe(false);
		expect(locs.some((loc) => loc.includes('404'))).toBe(false);
		expect(urls.find((url) => url.loc === `${SITE}/blog/posts/links/`)?.lastmod).toBe('2024-03-01T09:00:00.000Z');
		expect(base().read('robots.txt')).toContain(`Sitemap: ${SITE}/blog/sitemap-index.xml`);
	});

	test("gives a tag feed, under trailingSlash: never, the tag page's own address, without a slash", () => {
		const site = sites.never as BuiltSite;
		const [tag] = readdirSync(path.join(site.dist, 'tags')).filter((name) => existsSync(path.join(site.dist, 'tags', name, 'rss.xml')));
		expect(tag).toBeDefined();
		const canonical = site.html(`tags/${tag}/index.html`)('link[rel="canonical"]').attr('href');
		expect(canonical).toBe(`${SITE}/tags/${tag}`);
		expect(site.xml(`tags/${tag}/rss.xml`).rss.channel.link).toBe(canonical);
	});

	test('follows trailingSlash: never', () => {
		const locs = sitemapUrls(sites.never as BuiltSite).map((url) => url.loc);
		expect(locs).toContain(`${SITE}/posts/links`);
		expect(locs.filter((loc) => loc !== `${SITE}/` && loc.endsWith('/'))).toEqual([]);
	});
});

describe('every URL in feeds and sitemaps resolves to a built file', () => {
	test.each([
		['base', '/blog'],
		['never', ''],
	])('with the %s fixture', (name, basePath) => {
		const site = sites[name] as BuiltSite;
		const urls = new Set<string>();
		const collect = (text: string) => {
			for (const match of text.matchAll(/https:\/\/feeds\.example\.com[^"'<>\s)&\\]*/g)) urls.add(match[0]);
		};
		for (const file of ['rss.xml', 'sitemap-0.xml', 'sitemap-index.xml', 'robots.txt', ...(name === 'base' ? ['atom.xml', 'feed.json', 'tags/guides/rss.xml'] : [])]) {
			collect(site.read(file).replace(/&amp;/g, '&'));
		}
		expect(urls.size).toBeGreaterThan(10);
		const broken = [...urls].filter((url) => !builtFileFor(site, url.split('#')[0] as string, basePath));
		expect(broken).toEqual([]);
	});
});

describe('where bodies are kept', () => {
	test("keeps Markdown bodies without images out of Astro's data store, in the loader's cache, and those with images in it", () => {
		const cache = path.join(base().dist, '..', 'node_modules', '.astro');
		const store = readFileSync(path.join(cache, 'data-store.json'), 'utf8');
		// Its summary is data (a post without a description gets one); its HTML is not.
		expect(store).not.toContain('\\u003Cp>The other post.\\u003C/p>');
		expect(store).toContain('"The other post."');
		const bodies = readdirSync(path.join(cache, 'carnet', 'bodies')).map((file) => readFileSync(path.join(cache, 'carnet', 'bodies', file), 'utf8'));
		expect(bodies.filter((body) => body.includes('The other post.'))).toHaveLength(1);
		expect(base().html('posts/other/index.html')('.carnet-prose').text().trim()).toBe('The other post.');
		// The post with an inline image is rendered by Astro, which resolves its image.
		expect(store).toContain('An inline picture');
		expect(bodies.filter((body) => body.includes('An inline picture'))).toHaveLength(0);
	});
});

describe('the demo feeds', () => {
	test('carry the reference post in full, with absolute URLs and its featured image', () => {
		const demo = demoSite();
		const item = (demo.xml('rss.xml').rss.channel.item as Record<string, any>[]).find((entry) => entry.title.startsWith('Externalisation'));
		expect(item?.title).toBe('Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁');
		// With socialImage set, the channel image is that image, cropped to a square PNG.
		expect(demo.xml('rss.xml').rss.channel.image.url).toMatch(/^https:\/\/carnet\.example\.com\/_astro\/carnet-social\.[\w-]+\.png$/);
		const content = cheerio.load(item?.['content:encoded'] ?? '');
		expect(content.root().text()).toContain('En conclusion, l’externalisation est un remède efficace contre le stress des PME.');
		expect(item?.enclosure['@url']).toMatch(/^https:\/\/carnet\.example\.com\/_astro\/blog-01-atypique\.[\w-]+\.jpg$/);
		expect(Number(item?.enclosure['@length'])).toBeGreaterThan(1000);
		expect(content.html()).not.toMatch(/(?:href|src)="\//);
	});
});
