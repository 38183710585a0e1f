import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

const SITE = 'https://hugo.example.com';
const SLIDES = Buffer.from('%PDF-1.4 slides\n');
const post = (front: string, body = 'Some words.') => `---\n${front}\n---\n${body}\n`;

// A Hugo blog as it was: posts at /post/<slug>/, older addresses kept in `aliases` (absolute, relative,
// a file, a single string), and one post carried over from Jekyll with its `permalink`.
const HUGO_POSTS = {
	'src/content/posts/first.md': post('title: First post\ndate: 2019-03-02\ntags: [Go, Hugo]\naliases: ["/2019/03/first-post/", "old-first", "/p/12.html"]'),
	'src/content/posts/second.md': post('title: Second post\ndate: 2020-06-01\ntags: [Go, Hugo]\naliases: /2020/second/'),
	'src/content/posts/third.md': post('title: Third post\ndate: 2021-01-10\ntags: [Hugo]\npermalink: /blog/2018/01/05/third.html'),
	// Hugo's `url`, the address the post had, written from the root without its leading slash.
	'src/content/posts/fourth.md': post('title: Fourth post\ndate: 2021-02-10\ntags: [Go]\naliases: ["/post/fourth/"]\nurl: articles/fourth-post/'),
	// Moved from WordPress by way of Jekyll: jekyll-redirect-from's list, and WordPress's ?p= addresses.
	'src/content/posts/fifth.md': post('title: Fifth post\ndate: 2021-03-10\nredirect_from:\n  - /2015/05/fifth/\n  - /?p=44'),
	'src/content/posts/sixth.md': post('title: Sixth post\ndate: 2021-04-10\naliases: ["/?p=45", "/index.php?p=45", "/2015/06/sixth/"]'),
};

/** Every old address of the Hugo site, and the post it must lead to. */
const OLD_ADDRESSES: [string, string][] = [
	['/2019/03/first-post/', '/post/first/'],
	['/2019/03/first-post', '/post/first/'],
	['/post/old-first/', '/post/first/'],
	['/p/12.html', '/post/first/'],
	['/2020/second/', '/post/second/'],
	['/blog/2018/01/05/third.html', '/post/third/'],
	['/articles/fourth-post/', '/post/fourth/'],
	['/2015/05/fifth/', '/post/fifth/'],
	['/2015/06/sixth/', '/post/sixth/'],
];

let hugo: BuiltSite;
let dated: BuiltSite;
let fileFormat: BuiltSite;
let server: StaticServer;

beforeAll(async () => {
	const hugoRoot = writeSite('permalinks-hugo', {
		'astro.config.mjs': astroConfig({ title: 'Hugo blog', permalinks: '/post/:slug/' }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		...HUGO_POSTS,
	});
	const datedRoot = writeSite('permalinks-dated', {
		'astro.config.mjs': astroConfig(
			{ title: 'Dated blog', locale: 'fr', timeZone: 'Pacific/Auckland', permalinks: '/:year/:month/:day/:title/' },
			{ site: SITE, base: '/blog', trailingSlash: 'always' },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		// 20:00 UTC on 4 January is already 5 January in Auckland: the address follows the site's zone.
		'src/content/posts/late.md': post('title: Tard le soir\ndate: 2024-01-04T20:00:00Z\npermalink: /2024/01/04/late.html', 'Some words, and [the slides](./slides%20(v2).pdf "Slides").'),
		'src/content/posts/slides (v2).pdf': SLIDES,
		'src/content/posts/early.md': post('title: Tôt\ndate: 2023-11-30 08:00:00\naliases: [/old/early/]'),
	});
	const fileRoot = writeSite('permalinks-file', {
		'astro.config.mjs': astroConfig(
			{ title: 'Files', locale: 'en', navigation: [{ label: 'About', href: '/about/' }, { label: 'Elsewhere', href: 'https://elsewhere.example/' }], intro: 'Start with [the first post](/posts/hello).' },
			{ site: SITE, base: '/blog', build: { format: 'file' } },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': post('title: Hello\ndate: 2024-02-03\ntags: [News]', 'Some words. Read [the notes][notes].\n\n[notes]: notes/hello.txt'),
		'src/content/posts/notes/hello.txt': 'The notes.\n',
	});
	[hugo, dated, fileFormat] = await Promise.all([buildSite(hugoRoot), buildSite(datedRoot), buildSite(fileRoot)]);
	server = await serveStatic(hugo.dist);
});

afterAll(async () => {
	await server?.close();
});

describe('permalinks', () => {
	test('builds both sites', () => {
		expect(hugo.ok, hugo.log).toBe(true);
		expect(dated.ok, dated.log).toBe(true);
	});

	test('writes every post at its permalink and none at the default address', () => {
		for (const slug of ['first', 'second', 'third', 'fourth']) expect(hugo.exists(`post/${slug}/index.html`)).toBe(true);
		expect(hugo.exists('posts')).toBe(false);
		expect(dated.exists('2024/01/05/late/index.html')).toBe(true);
		expect(dated.exists('2023/11/30/early/index.html')).toBe(true);
	});

	test('links cards, related posts, canonical URLs and JSON-LD to the permalink', () => {
		const home = hugo.html('index.html');
		const cardLinks = home('.carnet-card__title a').map((_, link) => home(link).attr('href')).get();
		expect(cardLinks).toEqual(['/post/sixth/', '/post/fifth/', '/post/fourth/', '/post/third/', '/post/second/', '/post/first/']);
		const page = hugo.html('post/first/index.html');
		const related = page('.carnet-related a').map((_, link) => page(link).attr('href')).get();
		expect(related.length).toBeGreaterThan(0);
		for (const href of related) expect(href).toMatch(/^\/post\/[a-z]+\/$/);
		expect(page('link[rel="canonical"]').attr('href')).toBe(`${SITE}/post/first/`);
		const jsonLd = page('script[type="application/ld+json"]').map((_, script) => JSON.parse(page(script).text())).get();
		const posting = jsonLd.flatMap((item) => item['@graph'] ?? [item]).find((item) => item['@type'] === 'BlogPosting');
		expect(posting.url ?? posting.mainEntityOfPage?.['@id'] ?? posting.mainEntityOfPage).toContain(`${SITE}/post/first/`);
		const tag = hugo.html('tags/hugo/index.html');
		expect(tag('.carnet-card__title a').first().attr('href')).toBe('/post/third/');
	});

	test('points every feed at the permalinks', () => {
		const expected = ['sixth', 'fifth', 'fourth', 'third', 'second', 'first'].map((slug) => `${SITE}/post/${slug}/`);
		expect(parseRssFeed(hugo.read('rss.xml')).items?.map((item) => item.link)).toEqual(expected);
		expect(parseAtomFeed(hugo.read('atom.xml')).entries?.map((entry) => entry.links?.find((link) => !link.rel || link.rel === 'alternate')?.href)).toEqual(expected);
		expect(parseJsonFeed(JSON.parse(hugo.read('feed.json'))).items?.map((item) => item.url)).toEqual(expected);
		expect(parseRssFeed(hugo.read('tags/go/rss.xml')).items?.map((item) => item.link)).toEqual([expected[2], expected[4], expected[5]]);
	});

	test('lists the permalinks in the sitemap, with their lastmod, and no redirect page', () => {
		const urls = [hugo.xml('sitemap-0.xml').urlset.url].flat() as { loc: string; lastmod?: string }[];
		const locs = urls.map((url) => url.loc);
		for (const slug of ['first', 'second', 'third', 'fourth']) expect(locs).toContain(`${SITE}/post/${slug}/`);
		expect(urls.find((url) => url.loc === `${SITE}/post/first/`)?.lastmod).toBe('2019-03-02T00:00:00.000Z');
		for (const [old] of OLD_ADDRESSES) expect(locs).not.toContain(`${SITE}${old}`);
		expect(locs.filter((loc) => /first-post|old-first|12\.html|third\.html/.test(loc))).toEqual([]);
	});

	test('follows base, trailingSlash and the site time zone for dated permalinks', () => {
		const home = dated.html('index.html');
		const cardLinks = home('.carnet-card__title a').map((_, link) => home(link).attr('href')).get();
		expect(cardLinks).toEqual(['/blog/2024/01/05/late/', '/blog/2023/11/30/early/']);
		const items = parseRssFeed(dated.read('rss.xml')).items?.map((item) => item.link);
		expect(items).toEqual([`${SITE}/blog/2024/01/05/late/`, `${SITE}/blog/2023/11/30/early/`]);
		const locs = ([dated.xml('sitemap-0.xml').urlset.url].flat() as { loc: string }[]).map((url) => url.loc);
		expect(locs).toContain(`${SITE}/blog/2024/01/05/late/`);
	});
});

describe("old addresses (aliases, Jekyll permalinks and Hugo's url)", () => {
	test.each(OLD_ADDRESSES)('%s redirects to %s, which exists', async (old, target) => {
		const response = await fetch(`${server.origin}${old}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
		expect(refresh).toBe(`${SITE}${target}`);
		const arrived = await fetch(`${server.origin}${new URL(refresh as string).pathname}`);
		expect(arrived.status).toBe(200);
		expect(await arrived.text()).toContain('<article class="carnet-post"');
	});

	test('writes redirect pages as Hugo does: canonical, noindex, a visible link and the site language', () => {
		const page = hugo.html('2019/03/first-post/index.html');
		expect(page('html').attr('lang')).toBe('en');
		expect(page('link[rel="canonical"]').attr('href')).toBe(`${SITE}/post/first/`);
		expect(page('meta[name="robots"]').attr('content')).toBe('noindex');
		expect(page('body a').attr('href')).toBe(`${SITE}/post/first/`);
		expect(page('body a').text()).toBe('First post');
		expect(page('script, style, link[rel="stylesheet"]').length).toBe(0);
	});

	test('leaves out old addresses with a query string, which no static file can answer, and says how to keep them', () => {
		expect(hugo.exists('index.php')).toBe(false);
		expect(hugo.read('index.html')).not.toContain('http-equiv="refresh"');
		const warnings = hugo.log.split('\n').filter((line) => line.includes('query string'));
		expect(warnings.map((line) => line.replace(/^.*?\[WARN\] \[[^\]]+\] /, '').split(': a server')[0])).toEqual([
			'src/content/posts/fifth.md:4: aliases: "/?p=44" has a query string, which a static site cannot redirect',
			'src/content/posts/sixth.md:4: aliases: "/?p=45", "/index.php?p=45" have query strings, which a static site cannot redirect',
		]);
		expect(warnings[1]).toContain("(\"/\"), so no redirect page is made from them. To keep such links working, add a redirect rule on your host that matches the query (Netlify's _redirects and Vercel's redirects can), or remove it.");
	});

	test('keeps a file address a file, and writes no redirect for an alias that is the post itself', () => {
		expect(hugo.exists('p/12.html')).toBe(true);
		expect(hugo.exists('p/12.html/index.html')).toBe(false);
		expect(hugo.read('post/fourth/index.html')).not.toContain('http-equiv="refresh"');
	});

	test('writes redirects under base, to the new address, in the site language', () => {
		const late = dated.html('2024/01/04/late.html');
		expect(late('html').attr('lang')).toBe('fr');
		expect(late('link[rel="canonical"]').attr('href')).toBe(`${SITE}/blog/2024/01/05/late/`);
		expect(late('body p').text()).toContain('Cette page a changé d’adresse');
		expect(dated.html('old/early/index.html')('body a').attr('href')).toBe(`${SITE}/blog/2023/11/30/early/`);
	});
});

describe("with build.format: 'file'", () => {
	test('every page names the address its links, the sitemap and the feeds use, not its .html file', () => {
		expect(fileFormat.ok, fileFormat.log).toBe(true);
		const locs = ([fileFormat.xml('sitemap-0.xml').urlset.url].flat() as { loc: string }[]).map((url) => url.loc);
		const pages = { 'index.html': `${SITE}/blog/`, 'posts/hello.html': `${SITE}/blog/posts/hello`, 'tags/news.html': `${SITE}/blog/tags/news` };
		for (const [file, address] of Object.entries(pages)) {
			const page = fileFormat.html(file);
			expect(page('link[rel="canonical"]').attr('href'), file).toBe(address);
			expect(page('meta[property="og:url"]').attr('content'), file).toBe(address);
			expect(locs, file).toContain(address);
		}
		const home = fileFormat.html('index.html');
		expect(home('.carnet-card__title a').attr('href')).toBe('/blog/posts/hello');
		expect(parseRssFeed(fileFormat.read('rss.xml')).items?.map((item) => item.link)).toEqual([`${SITE}/blog/posts/hello`]);
		const jsonLd = fileFormat.html('posts/hello.html')('script[type="application/ld+json"]').text();
		expect(jsonLd).toContain(`"${SITE}/blog/posts/hello"`);
		expect(jsonLd).not.toContain('.html');
	});
});

describe('files beside a post that its body links to', () => {
	test('are published under the post\'s address, whatever its permalink, base, trailing slash and build format, and every link leads there', () => {
		const late = dated.html('2024/01/05/late/index.html');
		expect(late('.carnet-prose a[title="Slides"]').attr('href')).toBe('/blog/2024/01/05/late/slides%20%28v2%29.pdf');
		expect(readFileSync(path.join(dated.dist, '2024/01/05/late/slides (v2).pdf'))).toEqual(SLIDES);
		const [item] = parseRssFeed(dated.read('rss.xml')).items ?? [];
		expect(item?.content?.encoded).toContain(`href="${SITE}/blog/2024/01/05/late/slides%20%28v2%29.pdf"`);
		// Build format 'file': the page is posts/hello.html, the post's files are in posts/hello/.
		expect(fileFormat.html('posts/hello.html')('.carnet-prose a').attr('href')).toBe('/blog/posts/hello/notes/hello.txt');
		expect(fileFormat.read('posts/hello/notes/hello.txt')).toBe('The notes.\n');
		// Files, not pages: the sitemap leaves them out.
		expect(dated.read('sitemap-0.xml')).not.toContain('slides');
	});
});

describe('under a base', () => {
	test('navigation and intro links written from the root get the base, as links in posts do', () => {
		const home = fileFormat.html('index.html');
		const nav = home('.carnet-header__links a').map((_, link) => home(link).attr('href')).get();
		expect(nav).toContain('/blog/about/');
		expect(nav).toContain('https://elsewhere.example/');
		expect(home('.carnet-intro a').attr('href')).toBe('/blog/posts/hello');
	});
});
