import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseFeed as parseLenient } from '@rowanmanning/feed-parser';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// The demo shows each feature on real posts (a series of three, the first pinned, the second without
// comments, the third cross-posted); a second site checks the options' other sides: a base path, no
// comments, no series, several pinned posts over two pages, an editUrl at the repository's root.
const SERIES = 'series/tenir-un-blog-d-entreprise/index.html';
const PART_1 = 'posts/blog-entreprise-trouver-ses-sujets/index.html';
const PART_2 = 'posts/blog-entreprise-ecrire-en-une-heure/index.html';
const PART_3 = 'posts/blog-entreprise-mesurer/index.html';
const REFERENCE = 'posts/externalisation-le-traitement-antistress-des-pme/index.html';

let demo: BuiltSite;
let other: BuiltSite;

const post = (front: string, body = 'Some text.\n') => `---\n${front}\n---\n${body}`;

beforeAll(async () => {
	demo = demoSite();
	expect(demo.ok, demo.log).toBe(true);
	const root = writeSite('writing', {
		'astro.config.mjs': astroConfig(
			{
				title: 'Other',
				postsPerPage: 2,
				intro: 'Hello <script>alert(1)</script> and [a <b>link</b>](/about/) with `<code>`.\n\nSecond *paragraph*.',
				editUrl: 'https://gitlab.example.com/me/blog/-/edit/main/',
				feed: { xslt: false },
			},
			{ site: 'https://other.example.com', base: '/blog' },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/old-pin.md': post('title: Old pin\ndate: 2020-01-01\npinned: true'),
		'src/content/posts/new-pin.md': post('title: New pin\ndate: 2021-01-01\npinned: true'),
		'src/content/posts/a.md': post('title: A\ndate: 2024-03-01\ntags: [Tips]'),
		'src/content/posts/nested/b.md': post('title: B\ndate: 2024-02-01\ncanonicalURL: https://other.example.com/blog/posts/b/'),
		'src/content/posts/c.md': post('title: C\ndate: 2024-01-01'),
	});
	other = await buildSite(root);
	expect(other.ok, other.log).toBe(true);
});

const cardTitles = (site: BuiltSite, file: string) => {
	const $ = site.html(file);
	return $('.carnet-card h2').map((_, element) => $(element).text()).get();
};

describe('pinned posts', () => {
	test('come first on the home page, newest first among them, with a translated marker, and are not repeated later', () => {
		expect(cardTitles(other, 'index.html')).toEqual(['New pin', 'Old pin']);
		expect(cardTitles(other, 'page/2/index.html')).toEqual(['A', 'B']);
		expect(cardTitles(other, 'page/3/index.html')).toEqual(['C']);
		const $ = other.html('index.html');
		expect($('.carnet-card__pinned').map((_, element) => $(element).text().trim()).get()).toEqual(['Pinned', 'Pinned']);
		const demoHome = demo.html('index.html');
		const pinned = demoHome('.carnet-card').first();
		expect(pinned.find('h2').text()).toBe('Tenir un blog d’entreprise, 1\u202F: trouver ses sujets');
		expect(pinned.find('.carnet-card__pinned').text().trim()).toBe('Épinglé');
		expect(demoHome('.carnet-card__pinned')).toHaveLength(1);
	});

	test('keep their date in feeds, the archive and tag pages, where they are not marked', () => {
		const items = parseRssFeed(other.read('rss.xml')).items?.map((item) => item.title);
		expect(items).toEqual(['A', 'B', 'C', 'New pin', 'Old pin']);
		const $ = other.html('archive/index.html');
		expect($('.carnet-archive__year li a').map((_, link) => $(link).text()).get()).toEqual(['A', 'B', 'C', 'New pin', 'Old pin']);
		expect(demo.html('tags/pme/index.html')('.carnet-card__pinned')).toHaveLength(0);
	});
});

describe('series', () => {
	test('a part says which part it is, links every part in order and marks itself as current', () => {
		const $ = demo.html(PART_2);
		const nav = $('nav.carnet-series');
		expect(nav.find('.carnet-series__status').text()).toBe('Partie 2 sur 3');
		expect(nav.find('.carnet-series__title a').attr('href')).toBe('/series/tenir-un-blog-d-entreprise/');
		const parts = nav.find('ol a');
		expect(parts.map((_, link) => $(link).attr('href')).get()).toEqual([
			'/posts/blog-entreprise-trouver-ses-sujets/',
			'/posts/blog-entreprise-ecrire-en-une-heure/',
			'/posts/blog-entreprise-mesurer/',
		]);
		expect(parts.map((_, link) => $(link).attr('aria-current') ?? '').get()).toEqual(['', 'page', '']);
		expect(demo.html(PART_1)('.carnet-series__status').text()).toBe('Partie 1 sur 3');
		expect(demo.html(REFERENCE)('.carnet-series')).toHaveLength(0);
	});

	test('has a page listing its parts in reading order, and an index of series', () => {
		const $ = demo.html(SERIES);
		expect($('h1').text()).toBe('Série «\u202FTenir un blog d’entreprise\u202F»');
		expect($('.carnet-series-page__parts > li > a').map((_, link) => $(link).attr('href')).get()).toEqual([
			'/posts/blog-entreprise-trouver-ses-sujets/',
			'/posts/blog-entreprise-ecrire-en-une-heure/',
			'/posts/blog-entreprise-mesurer/',
		]);
		const index = demo.html('series/index.html');
		expect(index('h1').text()).toBe('Séries');
		expect(index('main li a').attr('href')).toBe('/series/tenir-un-blog-d-entreprise/');
		expect(index('main li').text()).toContain('3\u00A0parties');
	});

	test('are listed in the archive', () => {
		const $ = demo.html('archive/index.html');
		const section = $('.carnet-archive__series');
		expect(section.find('h2 a').attr('href')).toBe('/series/');
		expect(section.find('li a').attr('href')).toBe('/series/tenir-un-blog-d-entreprise/');
	});

	test('a blog without series has no series pages and no series in its archive', () => {
		expect(other.exists('series/index.html')).toBe(false);
		expect(other.html('archive/index.html')('.carnet-archive__series')).toHaveLength(0);
	});
});

describe('the subscribe page', () => {
	test('explains feeds and lists the RSS, Atom and JSON feeds and every tag feed as links to files that exist', () => {
		const $ = demo.html('subscribe/index.html');
		expect($('h1').text()).toBe('S’abonner');
		expect($('main').text()).toContain('Un flux est la liste des derniers articles');
		const hrefs = $('main a.carnet-subscribe__address').map((_, link) => $(link).attr('href') as string).get();
		const tagFeeds = demo.html('tags/index.html')('.carnet-tag-index a').map((_, link) => `${demo.html('tags/index.html')(link).attr('href')}rss.xml`).get();
		expect(hrefs.slice(0, 3)).toEqual(['/rss.xml', '/atom.xml', '/feed.json']);
		expect(hrefs.slice(3).sort()).toEqual(tagFeeds.sort());
		for (const href of hrefs) expect(demo.exists(href.slice(1)), href).toBe(true);
		// The link text is the address a reader copies.
		expect($('main a.carnet-subscribe__address').first().text()).toBe('https://carnet.example.com/rss.xml');
	});

	test('is where the footer\'s feed link points, with the base path', () => {
		const $ = other.html('index.html');
		expect($('.carnet-footer a').filter((_, link) => $(link).text() === 'RSS feed').attr('href')).toBe('/blog/subscribe/');
		expect(other.html('subscribe/index.html')('a.carnet-subscribe__address').first().attr('href')).toBe('/blog/rss.xml');
	});
});

describe('feeds in a browser without XSLT', () => {
	test('RSS, tag and Atom feeds reference feed.css after the XSL, with the base path, and stay valid', () => {
		expect(demo.read('rss.xml')).toMatch(/^<\?xml [^?]*\?><\?xml-stylesheet href="\/rss.xsl" type="text\/xsl"\?><\?xml-stylesheet href="\/feed.css" type="text\/css"\?><rss /);
		// With feed.xslt: false, the CSS alone, and no XSL file.
		expect(other.read('rss.xml')).toMatch(/^<\?xml [^?]*\?><\?xml-stylesheet href="\/blog\/feed.css" type="text\/css"\?><rss /);
		expect(other.exists('rss.xsl')).toBe(false);
		expect(other.read('tags/tips/rss.xml')).toContain('<?xml-stylesheet href="/blog/feed.css" type="text/css"?><rss ');
		expect(other.read('atom.xml')).toMatch(/^<\?xml [^?]*\?><\?xml-stylesheet href="\/blog\/feed.css" type="text\/css"\?><feed /);
		for (const feed of ['rss.xml', 'atom.xml', 'tags/tips/rss.xml']) {
			expect(execFileSync('xmllint', ['--noout', path.join(other.dist, feed)], { encoding: 'utf8' }), feed).toBe('');
		}
		const strict = parseRssFeed(demo.read('rss.xml')).items?.map((item) => item.title);
		expect(strict).toEqual(parseLenient(demo.read('rss.xml')).items.map((item) => item.title));
		expect(parseAtomFeed(demo.read('atom.xml')).entries?.map((entry) => entry.title?.value)).toEqual(strict);
	});

	test('feed.css is served, in the site\'s language, and shows titles, dates and summaries', () => {
		const css = demo.read('feed.css');
		expect(css).toContain('Ceci est un flux web');
		expect(css).toMatch(/item > title, atom\|entry > atom\|title \{ display: block;/);
		expect(css).toMatch(/item > pubDate, atom\|entry > atom\|published \{ display: block;/);
		expect(other.read('feed.css')).toContain('This is a web feed');
	});

	test('the XSL page writes item dates in the site\'s language, in UTC as the feed gives them', () => {
		const html = execFileSync('xsltproc', [path.join(demo.dist, 'rss.xsl'), path.join(demo.dist, 'rss.xml')], { encoding: 'utf8' });
		// The reference post was published at midnight in Paris, 23:00 UTC the day before.
		expect(html).toContain('2 février 2024 à 23:00 UTC');
	});
});

describe('edit links and canonical addresses', () => {
	test('editUrl adds a translated link to the post\'s file, relative to the posts folder it names', () => {
		const link = demo.html(PART_2)('.carnet-post__source a').filter((_, element) => demo.html(PART_2)(element).text() === 'Modifier cet article');
		expect(link.attr('href')).toBe('https://github.com/carnet-example/carnet/edit/main/src/content/posts/blog-entreprise-ecrire-en-une-heure.md');
		// An editUrl that names the repository's root gets the path from the project root.
		const $ = other.html('posts/b/index.html');
		expect($('.carnet-post__source a').last().attr('href')).toBe('https://gitlab.example.com/me/blog/-/edit/main/src/content/posts/nested/b.md');
		expect($('.carnet-post__source a').last().text()).toBe('Edit this post');
	});

	test('canonicalURL is the canonical link and og:url, while feeds keep the post\'s own address', () => {
		const $ = demo.html(PART_3);
		expect($('link[rel=canonical]').attr('href')).toBe('https://journal.example.org/mesurer-un-blog-d-entreprise/');
		expect($('meta[property="og:url"]').attr('content')).toBe('https://journal.example.org/mesurer-un-blog-d-entreprise/');
		expect($('.carnet-post__source a').first().text()).toBe('Publié d’abord sur journal.example.org');
		const item = parseRssFeed(demo.read('rss.xml')).items?.find((entry) => entry.title?.startsWith('Tenir un blog d’entreprise, 3'));
		expect(item?.link).toBe('https://carnet.example.com/posts/blog-entreprise-mesurer/');
		expect(demo.html(PART_2)('link[rel=canonical]').attr('href')).toBe('https://carnet.example.com/posts/blog-entreprise-ecrire-en-une-heure/');
	});

	test('a cross-posted post is left out of the sitemap; one whose canonicalURL is its own address stays', () => {
		expect(demo.read('sitemap-0.xml')).not.toContain('blog-entreprise-mesurer');
		expect(demo.read('sitemap-0.xml')).toContain('https://carnet.example.com/posts/blog-entreprise-ecrire-en-une-heure/');
		expect(other.read('sitemap-0.xml')).toContain('https://other.example.com/blog/posts/b/');
	});
});

describe('comments', () => {
	test('a post gets a comments section with a button and the giscus settings, and loads only a same-origin script', () => {
		const $ = demo.html(REFERENCE);
		const section = $('section.carnet-comments');
		expect(section.find('h2').text()).toBe('Commentaires');
		expect(section.find('button.carnet-comments__load').text().trim()).toBe('Afficher les commentaires');
		expect(section.find('noscript').text()).toContain('Les commentaires ont besoin de JavaScript');
		expect(JSON.parse(section.attr('data-carnet-comments') ?? '{}')).toMatchObject({
			repo: 'carnet-example/carnet',
			'repo-id': 'R_kgDOCarnet0',
			category: 'Commentaires',
			mapping: 'pathname',
			lang: 'fr',
		});
		expect($('script[src]').map((_, script) => $(script).attr('src')).get()).toEqual(['/carnet-comments.js']);
		// giscus is named only inside the loader, which adds its script when asked.
		expect(demo.read(REFERENCE)).not.toContain('giscus.app');
		expect(demo.read('carnet-comments.js')).toContain('https://giscus.app');
	});

	test('comments: false, other pages and a site without the option have no comments and no script', () => {
		for (const file of [PART_2, 'index.html', SERIES, 'subscribe/index.html']) {
			expect(demo.html(file)('.carnet-comments, script[src]'), file).toHaveLength(0);
		}
		expect(other.html('posts/a/index.html')('.carnet-comments, script[src]')).toHaveLength(0);
		expect(other.exists('carnet-comments.js')).toBe(false);
	});
});

describe('the home introduction', () => {
	test('is rendered from Markdown above the posts of page 1 only, with HTML shown as text', () => {
		const $ = other.html('index.html');
		const intro = $('.carnet-intro');
		expect(intro.next('h1').length).toBe(1);
		expect(intro.find('p')).toHaveLength(2);
		expect(intro.find('script, b')).toHaveLength(0);
		expect(intro.find('p').first().text()).toBe('Hello <script>alert(1)</script> and a <b>link</b> with <code>.');
		expect(intro.find('a').attr('href')).toBe('/blog/about/');
		expect(intro.find('code').text()).toBe('<code>');
		expect(intro.find('em').text()).toBe('paragraph');
		expect(other.html('page/2/index.html')('.carnet-intro')).toHaveLength(0);
		expect(demo.html('index.html')('.carnet-intro strong').text()).toBe('Carnet');
	});
});

describe('design', () => {
	test('the header has a compact menu with the same links, which opens without script', () => {
		const $ = demo.html('index.html');
		const links = (selector: string) => $(selector).map((_, link) => $(link).attr('href')).get();
		expect(links('.carnet-menu__links a')).toEqual(links('.carnet-header__links a'));
		expect($('details.carnet-menu > summary').text().trim()).toBe('Menu');
	});

	test('cards without an image are marked as typographic cards', () => {
		const $ = demo.html('index.html');
		$('.carnet-card').each((_, card) => {
			expect($(card).hasClass('carnet-card--text')).toBe($(card).find('img').length === 0);
		});
		expect($('.carnet-card--text').length).toBeGreaterThan(0);
	});
});
