import path from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { repoRoot, type BuiltSite } from '../helpers/sites.ts';

const REFERENCE = 'posts/externalisation-le-traitement-antistress-des-pme/index.html';
// As written in the front matter, with French spacing: a narrow no-break space before the colon.
const REFERENCE_TITLE = 'Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁';

let site: BuiltSite;

beforeAll(() => {
	site = demoSite();
	expect(site.ok, site.log).toBe(true);
});

describe('the demo blog build', () => {
	test('warns once about the repaired title line of the reference post, naming file, line and column', () => {
		const warnings = site.log.split('\n').filter((line) => line.includes('[WARN]') && line.includes('repaired front matter'));
		expect(warnings).toEqual([
			expect.stringContaining(
				'src/content/posts/externalisation-le-traitement-antistress-des-pme.md:2:61: repaired front matter: text after the closing quote of "title" is kept as part of the value. To fix the file, write:  title: "Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁"',
			),
		]);
	});

	test('renders the reference post with its full title, French date, featured image and body', () => {
		const $ = site.html(REFERENCE);
		expect($('h1').length).toBe(1);
		expect($('h1').text()).toBe(REFERENCE_TITLE);
		expect($('title').text()).toBe(`${REFERENCE_TITLE} · Carnet`);
		expect($('.carnet-post-meta time').first().text()).toBe('3 février 2024');
		expect($('.carnet-post-meta time').first().attr('datetime')).toBe('2024-02-03T00:00:00+01:00');
		const hero = $('.carnet-post__image');
		expect(hero.attr('src')).toMatch(/^\/_astro\/blog-01-atypique\.[\w-]+\.jpg$/);
		expect([hero.attr('width'), hero.attr('height')]).toEqual(['960', '540']);
		// Smart quotes come from Astro's Markdown processor.
		expect($('.carnet-prose').text()).toContain('En conclusion, l’externalisation est un remède efficace');
	});

	test("renders every post's body through render(entry) on a page of the site's own, as its post page shows it", () => {
		const all = site.html('tout-lire/index.html');
		const slugs = readdirSync(path.join(site.dist, 'posts'));
		expect(all('article[data-post]').map((_, article) => all(article).attr('data-post')).get().sort()).toEqual(slugs.sort());
		for (const slug of slugs) {
			const page = site.html(`posts/${slug}/index.html`);
			const article = all(`article[data-post="${slug}"]`).clone();
			const outline = article.find('.demo-full-post__outline').text();
			article.children('h2:first-child, .demo-full-post__outline').remove();
			const normalise = (html: string | null) => cheerio.load(html ?? '', null, false).html().trim();
			expect(normalise(article.html()), slug).toBe(normalise(page('.carnet-prose').html()));
			expect(normalise(article.html()).length, slug).toBeGreaterThan(100);
			// The headings render(entry) returns are those of the body, French spacing included.
			const headings = page('.carnet-prose :is(h2, h3, h4, h5, h6)').map((_, heading) => page(heading).text()).get();
			expect(outline, slug).toBe(headings.length > 0 ? `Sections\u202F: ${headings.join(' · ')}` : '');
		}
		expect(all(`article[data-post="externalisation-le-traitement-antistress-des-pme"]`).text()).toContain('En conclusion, l’externalisation est un remède efficace');
	});

	test("shows the reference post's card on the home page with its image, date and subtitle as call to action", () => {
		const $ = site.html('index.html');
		const card = $('.carnet-card').filter((_, element) => $(element).find('h2').text() === REFERENCE_TITLE);
		expect(card.length).toBe(1);
		// A responsive, dimensioned WebP picture made from public/images/blog-01-atypique.jpg.
		const srcset = card.find('picture source[type="image/webp"]').attr('srcset') ?? '';
		expect(srcset.split(', ').map((candidate) => candidate.replace(/\.[\w-]+\.webp/, '.webp'))).toEqual([
			'/_astro/blog-01-atypique.webp 480w',
			'/_astro/blog-01-atypique.webp 960w',
		]);
		const image = card.find('img');
		expect(image.attr('src')).toMatch(/^\/_astro\/blog-01-atypique\.[\w-]+\.jpg$/);
		expect([image.attr('width'), image.attr('height')]).toEqual(['960', '540']);
		for (const candidate of srcset.split(', ')) {
			const file = path.join(site.dist, candidate.split(' ')[0] ?? '');
			expect(statSync(file).size).toBeLessThan(statSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg')).size);
		}
		expect(card.find('time').text()).toBe('3 février 2024');
		const more = card.find('.carnet-card__more');
		expect(more.attr('href')).toBe('/posts/externalisation-le-traitement-antistress-des-pme/');
		expect(more.contents().first().text()).toBe('Lire la suite');
	});

	test("gives the reference post a 1200×630 JPEG og:image at an absolute URL", async () => {
		const $ = site.html(REFERENCE);
		const url = $('meta[property="og:image"]').attr('content') ?? '';
		expect(url).toMatch(/^https:\/\/carnet\.example\.com\/_astro\/blog-01-atypique\.[\w-]+\.jpg$/);
		const metadata = await sharp(path.join(site.dist, new URL(url).pathname)).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 1200, 630]);
	});

	test('gives a post without a featured image its own social card as og:image, a 1200×630 PNG', async () => {
		const $ = site.html('posts/pourquoi-un-blog/index.html');
		const url = $('meta[property="og:image"]').attr('content') ?? '';
		expect(url).toBe('https://carnet.example.com/posts/pourquoi-un-blog/social.png');
		expect($('meta[name="twitter:image"]').attr('content')).toBe(url);
		const metadata = await sharp(path.join(site.dist, new URL(url).pathname)).metadata();
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
		// A post with a featured image keeps its photo, and gets no card.
		expect(site.html(REFERENCE)('meta[property="og:image"]').attr('content')).toMatch(/\/_astro\/blog-01-atypique\.[\w-]+\.jpg$/);
		expect(site.exists('posts/externalisation-le-traitement-antistress-des-pme/social.png')).toBe(false);
	});

	test('falls back to the locale\'s "read more" on cards without a subtitle', () => {
		const $ = site.html('index.html');
		const card = $('.carnet-card').filter((_, element) => $(element).find('h2').text() === 'Writing your first post');
		expect(card.find('.carnet-card__more').contents().first().text()).toBe('Lire la suite');
		const custom = $('.carnet-card').filter((_, element) => $(element).find('h2').text().startsWith('Carnet arrive'));
		expect(custom.find('.carnet-card__more').contents().first().text()).toBe('Découvrir le thème');
	});

	test('lists posts newest first after the pinned one, six per page, with a second page', () => {
		const first = site.html('index.html');
		const second = site.html('page/2/index.html');
		const titles = (page: typeof first) => page('.carnet-card h2').map((_, element) => page(element).text()).get();
		expect(titles(first)).toHaveLength(6);
		expect(titles(first)[0]).toBe('Tenir un blog d’entreprise, 1\u202F: trouver ses sujets');
		expect(titles(first)[1]).toBe('Carnet arrive\u202F: un thème de blog qui se met à jour');
		expect(titles(second)).toEqual([
			'Étiquettes accentuées\u202F: «\u202FRévolution française\u202F» devient revolution-francaise',
			'From Hugo to Carnet in an afternoon',
			'Pourquoi un blog quand on est une petite entreprise\u202F?',
			'A week of remote work, in numbers',
			'Tenir un blog d’entreprise, 3\u202F: mesurer sans se décourager',
			'Tenir un blog d’entreprise, 2\u202F: écrire un article en une heure',
		]);
		const dates = [...first('.carnet-card:not(.carnet-card--pinned) time'), ...second('.carnet-card time')].map((element) => first(element).attr('datetime') ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
		expect(first('a[rel=next]').attr('href')).toBe('/page/2/');
		expect(second('a[rel=prev]').attr('href')).toBe('/');
	});

	test('builds tag pages with ASCII slugs and a tag index with counts', () => {
		expect(site.html('tags/revolution-francaise/index.html')('h1').text()).toBe('Articles classés «\u202FRévolution française\u202F»');
		expect(site.exists('tags/coeur-de-metier/index.html')).toBe(true);
		const index = site.html('tags/index.html');
		const guides = index('.carnet-tag-index li').filter((_, element) => index(element).find('a').text() === 'Guides');
		expect(guides.find('a').attr('href')).toBe('/tags/guides/');
		expect(guides.find('.carnet-tag-index__count').text()).toBe('4\u00A0articles');
	});

	test('gives a post with a slug field the slugified address', () => {
		expect(site.html('posts/hugo-carnet-migration/index.html')('h1').text()).toBe('From Hugo to Carnet in an afternoon');
	});

	test('renders the MDX post with its component', () => {
		const $ = site.html('posts/composants-mdx/index.html');
		expect($('.demo-callout').text()).toContain('aucune ligne de JavaScript');
	});

	test('leaves the draft out of every page, the feed and the sitemap', () => {
		expect(site.exists('posts/idees-pour-la-rentree/index.html')).toBe(false);
		expect(site.read('index.html')).not.toContain('Idées pour la rentrée');
		expect(site.read('rss.xml')).not.toContain('idees-pour-la-rentree');
		expect(site.read('sitemap-0.xml')).not.toContain('idees-pour-la-rentree');
	});

	test('ships no client JavaScript but the theme toggle, inline and under 1 KB, on pages without comments', () => {
		for (const page of ['index.html', 'posts/blog-entreprise-ecrire-en-une-heure/index.html', 'tags/index.html', '404.html']) {
			const $ = site.html(page);
			const scripts = $('script:not([type="application/ld+json"])');
			expect(scripts.filter((_, script) => $(script).attr('src') !== undefined).length, page).toBe(0);
			const bytes = scripts.map((_, script) => Buffer.byteLength($(script).html() ?? '')).get().reduce((sum, size) => sum + size, 0);
			expect(bytes, page).toBeLessThan(1024);
		}
		expect(site.exists('_astro') && site.read('index.html')).not.toMatch(/\.js"/);
	});

	test('writes pages in French with landmarks and one h1', () => {
		for (const page of ['index.html', REFERENCE, 'tags/index.html', 'tags/pme/index.html', '404.html']) {
			const $ = site.html(page);
			expect($('html').attr('lang'), page).toBe('fr');
			expect($('header').length, page).toBeGreaterThan(0);
			expect($('main#Carnet-main').length, page).toBe(1);
			expect($('a.carnet-skip-link').attr('href'), page).toBe('#Carnet-main');
			expect($('footer').length, page).toBeGreaterThan(0);
			expect($('h1').length, page).toBe(1);
		}
		expect(site.html('404.html')('h1').text()).toBe('Page introuvable');
	});

	test('publishes an RSS feed that parses, with the reference post and absolute links', () => {
		const items = parseRssFeed(site.read('rss.xml')).items ?? [];
		expect(items).toHaveLength(12);
		const reference = items.find((item) => item.title === REFERENCE_TITLE);
		expect(reference).toMatchObject({
			link: 'https://carnet.example.com/posts/externalisation-le-traitement-antistress-des-pme/',
			pubDate: 'Fri, 02 Feb 2024 23:00:00 GMT',
		});
		expect(reference?.guid?.value).toBe(reference?.link);
		const hugo = items.find((item) => item.title === 'From Hugo to Carnet in an afternoon');
		expect(hugo?.categories?.map((category) => category.name)).toEqual(['Guides', 'Hugo', 'Migration']);
	});

	test('links the sitemap from robots.txt and gives posts a lastmod', () => {
		expect(site.read('robots.txt')).toContain('Sitemap: https://carnet.example.com/sitemap-index.xml');
		const index = site.xml('sitemap-index.xml');
		expect(index.sitemapindex.sitemap.loc).toBe('https://carnet.example.com/sitemap-0.xml');
		const urls = site.xml('sitemap-0.xml').urlset.url as { loc: string; lastmod?: string }[];
		const reference = urls.find((url) => url.loc.endsWith('/posts/externalisation-le-traitement-antistress-des-pme/'));
		expect(reference?.lastmod).toBe('2024-02-02T23:00:00.000Z');
		expect(urls.some((url) => url.loc.includes('404'))).toBe(false);
	});
});

describe("the demo's Markdown features post", () => {
	const POST = 'posts/encadres-formules-et-code/index.html';

	test('shows a callout of each kind, a folded one, math, titled code with highlighted lines, a figure and a footnote', () => {
		const $ = site.html(POST);
		const kinds = $('.carnet-callout').map((_, callout) => /carnet-callout--(\w+)/.exec($(callout).attr('class') ?? '')?.[1]).get();
		expect([...new Set(kinds)].sort()).toEqual(['caution', 'important', 'note', 'tip', 'warning']);
		expect($('details.carnet-callout summary').text()).toBe('Un encadré replié');
		expect($('.carnet-prose math').length).toBe(2);
		expect($('.carnet-prose math[display="block"] munderover, .carnet-prose math[display="block"] msubsup').length).toBe(1);
		expect($('.carnet-prose').text()).toContain('entre 5\u00A0$ et 10\u00A0$ par mois'.replace(/\u00A0/g, ' '));
		expect($('figure.carnet-code figcaption').text()).toBe('astro.config.mjs');
		expect($('figure.carnet-code mark').length).toBe(1);
		expect($('figure.carnet-code del').text()).toBe("\tintegrations: [carnet({ title: 'Mon carnet' })],");
		expect($('figure.carnet-code ins').text()).toBe("\tintegrations: [carnet({ title: 'Mon carnet', locale: 'fr' })],");
		expect($('figure.carnet-figure figcaption').text()).toBe('Le lever de soleil de la couverture de Carnet');
		expect($('section.footnotes h2').text()).toBe('Notes');
		expect($('script[data-carnet-copy]').attr('data-carnet-copy')).toBe('Copier le code');
	});
});
