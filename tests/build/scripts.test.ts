import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CheerioAPI } from 'cheerio';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, stripAnsi, writeSite, type BuiltSite } from '../helpers/sites.ts';

const SITE = 'https://scripts.example.com';
const post = (front: string, body = 'Text.') => `---\n${front}\n---\n${body}\n`;
// 20 words for Intl.Segmenter; the old count, cut at punctuation only, saw 2.
const CHINESE_SENTENCE = '我们今天讨论的是如何在中文博客中正确计算阅读时间，这对于读者来说非常重要。';

// Posts in the writing systems that once stopped the build: file names, slugs, titles and tags.
const POSTS = {
	'src/content/posts/東京の春.md': post('title: 東京の春\ndate: 2024-04-01\ntags: [日本語, 旅行]\naliases: [/旧/東京/]', 'さくらが咲きました。'),
	'src/content/posts/zh.md': post('title: 中文博客的阅读时间\nslug: 阅读时间\ndate: 2024-03-01\nlang: zh-Hans\ntags: [中文, 博客]', CHINESE_SENTENCE.repeat(115)),
	'src/content/posts/korean.md': post('title: 한국어 제목\ndate: 2024-02-01\ntags: [한국어 태그]'),
	'src/content/posts/hebrew.md': post('title: שלום עולם\ndate: 2024-01-20\nlang: he\ndescription: תיאור קצר\ntags: [עברית]', 'זהו טקסט בעברית.'),
	'src/content/posts/arabic.md': post('title: مرحبا بالعالم\ndate: 2024-01-10\ntags: [العربية]', 'هذا نص عربي.'),
	'src/content/posts/thai.md': post('title: ภาษาไทย\ndate: 2024-01-05\ntags: [ภาษาไทย]', 'ภาษาไทยไม่มีช่องว่างระหว่างคำ'),
	'src/content/posts/привет-мир.md': post('title: Привет, мир\ndate: 2023-12-01\ntags: [Новости, Ελληνικά]'),
};

/** The pages each post and tag must have, as folders written in UTF-8, and their percent-encoded paths. */
const PAGES = [
	'posts/東京の春',
	'posts/阅读时间',
	'posts/korean',
	'posts/privet-mir',
	'tags/日本語',
	'tags/中文',
	'tags/한국어-태그',
	'tags/עברית',
	'tags/العربية',
	'tags/ภาษาไทย',
	'tags/novosti',
	'tags/ellinika',
];

const run = promisify(execFile);
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('scripts', {
		'astro.config.mjs': astroConfig({ title: 'Scripts', postsPerPage: 10 }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		...POSTS,
	});
	site = await buildSite(root);
});

const hrefs = ($: CheerioAPI, selector: string) => $(selector).map((_, element) => $(element).attr('href')).get();

describe('titles, slugs and tags in every writing system', () => {
	test('build, with the Unicode words in UTF-8 folder names', () => {
		expect(site.ok, site.log).toBe(true);
		for (const page of PAGES) expect(site.exists(`${page}/index.html`), page).toBe(true);
	});

	test('link to percent-encoded addresses', () => {
		const home = site.html('index.html');
		const links = [...hrefs(home, '.carnet-card__title a'), ...hrefs(home, '.carnet-card .carnet-tags a')];
		for (const page of PAGES) expect(links).toContain(`/${encodeURI(page)}/`);
		for (const link of links) expect(link).toMatch(/^[\x21-\x7e]+$/);
	});

	test('list percent-encoded, valid URLs in the sitemap and the feed, each of an existing page', () => {
		const locs = ([site.xml('sitemap-0.xml').urlset.url].flat() as { loc: string }[]).map((url) => url.loc);
		for (const page of PAGES) expect(locs).toContain(`${SITE}/${encodeURI(page)}/`);
		for (const loc of locs) {
			expect(loc).toMatch(/^[\x21-\x7e]+$/);
			expect(new URL(loc).href).toBe(loc);
			expect(site.exists(`${decodeURI(new URL(loc).pathname)}index.html`), loc).toBe(true);
		}
		const links = parseRssFeed(site.read('rss.xml')).items?.map((item) => item.link) ?? [];
		expect(links).toContain(`${SITE}/${encodeURI('posts/東京の春')}/`);
		for (const link of links) expect(link).toMatch(/^[\x21-\x7e]+$/);
	});

	test('redirect from a Unicode alias', () => {
		const redirect = site.html('旧/東京/index.html');
		expect(redirect('link[rel="canonical"]').attr('href')).toBe(`${SITE}/${encodeURI('posts/東京の春')}/`);
	});

	test('count Chinese words with a word segmenter for the reading time', () => {
		const meta = site.html('posts/阅读时间/index.html')('.carnet-post-meta').text();
		// 115 sentences of 20 words: 2,300 words, 10 minutes at 230 words a minute.
		expect(meta).toContain('10 minutes');
	});

	test("set the post's language on its title, description and body only, and on a post without one the direction its text is written in", () => {
		const hebrew = site.html('posts/hebrew/index.html');
		// The article, its dates and labels stay in the site's language (WCAG 3.1.2, language of parts).
		expect(hebrew('article.carnet-post').attr('lang')).toBeUndefined();
		expect(hebrew('article.carnet-post').attr('dir')).toBeUndefined();
		expect([hebrew('.carnet-post__title').attr('lang'), hebrew('.carnet-post__title').attr('dir')]).toEqual(['he', 'rtl']);
		expect([hebrew('.carnet-prose').attr('lang'), hebrew('.carnet-prose').attr('dir')]).toEqual(['he', 'rtl']);
		expect(hebrew('.carnet-post-meta').closest('[lang]').attr('lang')).toBe('en');
		const arabic = site.html('posts/arabic/index.html');
		expect(arabic('article.carnet-post').attr('dir')).toBeUndefined();
		// Written in Arabic without a lang: right to left from its letters (utils/direction.ts, writtenDirection()).
		expect(arabic('.carnet-post__title').attr('dir')).toBe('rtl');
		expect(arabic('.carnet-prose').attr('dir')).toBe('rtl');
		const chinese = site.html('posts/阅读时间/index.html');
		expect([chinese('.carnet-post__title').attr('lang'), chinese('.carnet-post__title').attr('dir')]).toEqual(['zh-Hans', 'ltr']);
		const home = site.html('index.html');
		const card = home('.carnet-card').filter((_, element) => home(element).find('.carnet-card__title').text() === 'שלום עולם');
		expect(card.attr('lang')).toBeUndefined();
		expect([card.find('.carnet-card__title').attr('lang'), card.find('.carnet-card__title').attr('dir')]).toEqual(['he', 'rtl']);
		expect(card.find('.carnet-card__description').attr('lang')).toBe('he');
		const arabicCard = home('.carnet-card__title').filter((_, element) => home(element).text() === 'مرحبا بالعالم');
		expect(arabicCard.attr('dir')).toBe('rtl');
	});

	test("give a post's language to its item in every feed, and none to a post in the site's language", () => {
		const rss = parseRssFeed(site.read('rss.xml')).items ?? [];
		const rssLanguage = (title: string) => rss.find((item) => item.title === title)?.dc?.languages;
		expect(rssLanguage('שלום עולם')).toEqual(['he']);
		expect(rssLanguage('中文博客的阅读时间')).toEqual(['zh-Hans']);
		expect(rssLanguage('한국어 제목')).toBeUndefined();
		const atom = site.xml('atom.xml').feed.entry as { title: string; '@xml:lang'?: string }[];
		expect(Object.fromEntries(atom.map((entry) => [entry.title, entry['@xml:lang']]))).toMatchObject({ 'שלום עולם': 'he', 中文博客的阅读时间: 'zh-Hans', '한국어 제목': undefined });
		const json = JSON.parse(site.read('feed.json')) as { items: { title: string; language?: string }[] };
		expect(Object.fromEntries(json.items.map((item) => [item.title, item.language]))).toMatchObject({ 'שלום עולם': 'he', 中文博客的阅读时间: 'zh-Hans', '한국어 제목': undefined });
	});

	test('pass linkinator and the Nu HTML checker', async () => {
		const linkinator = path.join(repoRoot, 'node_modules', '.bin', 'linkinator');
		const args = ['**/*.html', '--server-root', site.dist, '--check-fragments', '--skip', '^(?!https?://(127\\.0\\.0\\.1|localhost))[a-z]+:', '--verbosity', 'error'];
		const links = await run(process.execPath, [linkinator, ...args], { cwd: repoRoot, maxBuffer: 32 * 1024 * 1024 }).then(
			(result) => ({ ok: true, output: stripAnsi(result.stdout + result.stderr) }),
			(error: { stdout?: string; stderr?: string }) => ({ ok: false, output: stripAnsi(`${error.stdout ?? ''}${error.stderr ?? ''}`) }),
		);
		expect(links.output).toMatch(/Successfully scanned \d+ links/);
		expect(links.ok, links.output).toBe(true);
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const html = await run('java', ['-jar', vnu, '--skip-non-html', '--errors-only', '--format', 'gnu', site.dist]).then(
			() => '',
			(error: { stderr?: string }) => error.stderr ?? 'failed',
		);
		expect(html).toBe('');
	});
});
