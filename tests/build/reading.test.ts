import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

const SITE = 'https://read.example.com';
const words = (count: number, word = 'lorem') => Array.from({ length: count }, () => word).join(' ');
const post = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;

let en: BuiltSite;
let fr: BuiltSite;
let hostile: BuiltSite;

const HOSTILE_TITLE = `</script><script>alert("x")</script> "Quotes" & 'apostrophes' 🎉 مرحبا بالعالم`;

beforeAll(async () => {
	const enRoot = writeSite('reading-en', {
		'astro.config.mjs': astroConfig(
			{
				title: 'Reading',
				locale: 'en',
				timeZone: 'UTC',
				postsPerPage: 2,
				navigation: [{ label: 'About', href: '/about/' }],
				social: [{ platform: 'mastodon', href: 'https://mastodon.example/@me' }],
				share: ['bluesky', 'email'],
				strings: { 'card.readMore': 'Keep reading' },
				components: { PostCard: './src/components/Card.astro', Footer: './src/components/Footer.astro' },
			},
			{ site: SITE },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/components/Card.astro':
			'---\nimport type { Props } from "astro-theme-carnet/components/PostCard.astro";\nconst { post } = Astro.props as Props;\n---\n<article class="my-card"><h2><a href={post.url}>{post.title}</a></h2></article>\n',
		'src/components/Footer.astro':
			'---\nimport Footer from "astro-theme-carnet/components/Footer.astro";\n---\n<div class="my-footer-wrap"><Footer /></div>\n',
		'src/content/posts/long.md': post(
			'title: A long read\ndate: 2024-05-01\ntags: [Alpha, Beta]',
			`Intro.\n\n## First part\n\n${words(300)}\n\n### A detail\n\n${words(200)}\n\n## Second part, $O(n^2)$\n\n${words(300)}\n\n\`\`\`js\n${words(500, 'code')}\n\`\`\`\n\n## Third part[^1]\n\nEnd.\n\n[^1]: A note on the heading.`,
		),
		'src/content/posts/short.md': post('title: A short note\ndate: 2024-04-01\ntags: [Alpha]', 'Just a few words.\n\n## Only section\n\nDone.'),
		'src/content/posts/beta.md': post('title: Beta only\ndate: 2024-03-01\ntags: [Beta, Alpha]', 'Text.'),
		'src/content/posts/gamma.md': post('title: Gamma\ndate: 2023-12-01\ntags: [Gamma]', 'Text.'),
		'src/content/posts/old.md': post('title: The oldest\ndate: 2023-01-15\ntags: [Alpha]', 'Text.'),
	});
	const frRoot = writeSite('reading-fr', {
		'astro.config.mjs': astroConfig({ title: 'Lecture', locale: 'fr', timeZone: 'Europe/Paris' }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/bonjour.md': post(
			'title: "Bonjour : le monde !"\ndate: 2024-05-01\ndescription: "Une question ? Une réponse ; « voilà »."',
			'Attention : voici « une citation » ! Et `a : b ? c` reste tel quel.\n\n```\nx ? y : z ; « code »\n```\n\nVisitez https://exemple.fr/a:b à 10:30.',
		),
	});
	const hostileRoot = writeSite('reading-hostile', {
		'astro.config.mjs': astroConfig({ title: 'Hostile & <Co>', locale: 'en' }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hostile/index.md': post(
			[
				`title: ${JSON.stringify(HOSTILE_TITLE)}`,
				'date: 2024-01-01',
				`description: ${JSON.stringify('</script> & "quoted" <b>not bold</b> שלום')}`,
				`tags: ["<b>bold</b>", "\\"quoted\\"", "R&D", "مرحبا"]`,
				'featured_image: ./cover.jpg',
				`featured_image_alt: ${JSON.stringify('A "cover" & <an> image')}`,
			].join('\n'),
			'Body.',
		),
		'src/content/posts/hostile/cover.jpg': await (await import('../helpers/images.ts')).makeJpeg(800, 450, 9),
	});
	[en, fr, hostile] = await Promise.all([buildSite(enRoot), buildSite(frRoot), buildSite(hostileRoot)]);
	for (const site of [en, fr, hostile]) expect(site.ok, site.log).toBe(true);
});

const texts = ($: CheerioAPI, selector: string) => $(selector).map((_, element) => $(element).text().trim()).get();

describe('post pages', () => {
	test('show a reading time in the locale, counting prose and not code', () => {
		expect(en.html('posts/long/index.html')('.carnet-post-meta').text()).toContain('4 minutes read');
		expect(en.html('posts/short/index.html')('.carnet-post-meta').text()).toContain('1 minute read');
		expect(fr.html('posts/bonjour/index.html')('.carnet-post-meta').text()).toContain('1 minute de lecture');
	});

	test('have a table of contents from three sections on, with nested subsections, formulas as their TeX and no footnote marks', () => {
		const $ = en.html('posts/long/index.html');
		expect(texts($, '.carnet-toc > ol > li > a')).toEqual(['First part', 'Second part, O(n^2)', 'Third part']);
		expect(texts($, '.carnet-toc ol ol a')).toEqual(['A detail']);
		expect($('.carnet-toc a').first().attr('href')).toBe('#first-part');
		expect($('#first-part').is('h2')).toBe(true);
		expect(en.html('posts/short/index.html')('.carnet-toc').length).toBe(0);
	});

	test('link the previous (older) and next (newer) posts in date order', () => {
		const middle = en.html('posts/short/index.html');
		expect(middle('.carnet-post-nav a[rel="prev"]').attr('href')).toBe('/posts/beta/');
		expect(middle('.carnet-post-nav a[rel="next"]').attr('href')).toBe('/posts/long/');
		expect(en.html('posts/long/index.html')('.carnet-post-nav a[rel="next"]').length).toBe(0);
		expect(en.html('posts/old/index.html')('.carnet-post-nav a[rel="prev"]').length).toBe(0);
	});

	test('list related posts by shared tags, most shared first, then newest', () => {
		expect(texts(en.html('posts/long/index.html'), '.carnet-related li a')).toEqual(['Beta only', 'A short note', 'The oldest']);
		expect(en.html('posts/gamma/index.html')('.carnet-related').length).toBe(0);
	});

	test('offer share links that load no third-party script', () => {
		const $ = en.html('posts/long/index.html');
		expect($('.carnet-share a').map((_, link) => $(link).attr('href')).get()).toEqual([
			`https://bsky.app/intent/compose?text=${encodeURIComponent(`A long read ${SITE}/posts/long/`)}`,
			`mailto:?subject=A%20long%20read&body=${encodeURIComponent(`${SITE}/posts/long/`)}`,
		]);
		// A script of the site's own may load (the copy button of the post's code blocks); none from elsewhere.
		expect($('script[src]').map((_, script) => $(script).attr('src')).get().filter((src) => !src.startsWith('/'))).toEqual([]);
	});
});

describe('listing pages', () => {
	test('paginate with accessible labels and rel links', () => {
		const first = en.html('index.html');
		expect(first('nav.carnet-pagination').attr('aria-label')).toBe('Pages');
		expect(first('.carnet-pagination [aria-current="page"]').text()).toBe('Page 1 of 3');
		expect(first('.carnet-pagination a[rel="next"]').attr('href')).toBe('/page/2/');
		const last = en.html('page/3/index.html');
		expect(last('.carnet-pagination a[rel="prev"]').attr('href')).toBe('/page/2/');
		expect(last('.carnet-pagination a[rel="next"]').length).toBe(0);
		expect(en.html('tags/alpha/page/2/index.html')('.carnet-pagination [aria-current="page"]').text()).toBe('Page 2 of 2');
	});

	test('/archive/ groups every post by year, newest first', () => {
		const $ = en.html('archive/index.html');
		expect(texts($, '.carnet-archive__year h2')).toEqual(['2024', '2023']);
		expect(texts($, '#year-2024 + ol a')).toEqual(['A long read', 'A short note', 'Beta only']);
		expect(texts($, '#year-2023 + ol a')).toEqual(['Gamma', 'The oldest']);
		expect($('.carnet-archive__years a').map((_, link) => $(link).attr('href')).get()).toEqual(['/archive/#year-2024', '/archive/#year-2023']);
	});

	test('/tags/ lists each tag with its count', () => {
		const $ = en.html('tags/index.html');
		expect($('.carnet-tag-index li').map((_, item) => $(item).text().replace(/\s+/g, ' ').trim()).get()).toEqual([
			'Alpha 4 posts',
			'Beta 2 posts',
			'Gamma 1 post',
		]);
	});
});

describe('UI strings', () => {
	test('are English for en and French for fr, down to accessible labels', () => {
		const english = en.html('posts/long/index.html');
		expect(english('.carnet-skip-link').text()).toBe('Skip to content');
		expect(english('.carnet-header nav').attr('aria-label')).toBe('Main');
		expect(texts(english, '.carnet-header__links a')).toEqual(['Home', 'Archive', 'Tags', 'About', 'Search']);
		const french = fr.html('posts/bonjour/index.html');
		expect(french('.carnet-skip-link').text()).toBe('Aller au contenu');
		expect(french('.carnet-header nav').attr('aria-label')).toBe('Principale');
		expect(texts(french, '.carnet-header__links a')).toEqual(['Accueil', 'Archives', 'Étiquettes', 'Rechercher']);
		expect(french('.carnet-share h2').text()).toBe('Partager cet article');
	});

	test('can be overridden by the site', () => {
		expect(en.html('index.html')('html').attr('lang')).toBe('en');
		expect(en.read('index.html')).not.toContain('Read more');
	});
});

describe('French typography', () => {
	const NNBSP = '\u202F';

	test('puts narrow no-break spaces in titles, descriptions and prose', () => {
		const $ = fr.html('posts/bonjour/index.html');
		expect($('h1').text()).toBe(`Bonjour${NNBSP}: le monde${NNBSP}!`);
		expect($('meta[name="description"]').attr('content')).toBe(`Une question${NNBSP}? Une réponse${NNBSP}; «${NNBSP}voilà${NNBSP}».`);
		expect($('.carnet-prose p').first().text()).toContain(`Attention${NNBSP}: voici «${NNBSP}une citation${NNBSP}»${NNBSP}!`);
	});

	test('leaves code, URLs and times alone', () => {
		const $ = fr.html('posts/bonjour/index.html');
		expect($('.carnet-prose p code').text()).toBe('a : b ? c');
		expect($('.carnet-prose pre').text()).toContain('x ? y : z ; « code »');
		expect($('.carnet-prose').text()).toContain('https://exemple.fr/a:b à 10:30');
	});

	test('applies to the feed content as to the page', () => {
		const item = parseRssFeed(fr.read('rss.xml')).items?.[0];
		expect(item?.title).toBe(`Bonjour${NNBSP}: le monde${NNBSP}!`);
		expect(item?.content?.encoded).toContain(`Attention${NNBSP}: voici`);
		expect(item?.content?.encoded).toContain('<code>a : b ? c</code>');
	});
});

describe('SEO', () => {
	test('gives posts a canonical URL, a description, Open Graph article tags and a Twitter card', () => {
		const $ = en.html('posts/long/index.html');
		expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}/posts/long/`);
		expect($('meta[property="og:type"]').attr('content')).toBe('article');
		expect($('meta[property="og:url"]').attr('content')).toBe(`${SITE}/posts/long/`);
		expect($('meta[property="og:locale"]').attr('content')).toBe('en_US');
		expect($('meta[property="article:published_time"]').attr('content')).toBe('2024-05-01T00:00:00+00:00');
		expect($('meta[property="article:tag"]').map((_, meta) => $(meta).attr('content')).get()).toEqual(['Alpha', 'Beta']);
		// The post has no featured image: its generated social card makes it a large-image card.
		expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
		expect($('meta[name="twitter:title"]').attr('content')).toBe('A long read');
		expect(fr.html('posts/bonjour/index.html')('meta[property="og:locale"]').attr('content')).toBe('fr_FR');
	});

	test('describes posts with BlogPosting and a breadcrumb in JSON-LD', () => {
		const data = JSON.parse(en.html('posts/long/index.html')('script[type="application/ld+json"]').text());
		expect(data[0]).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'BlogPosting',
			headline: 'A long read',
			url: `${SITE}/posts/long/`,
			datePublished: '2024-05-01T00:00:00+00:00',
			dateModified: '2024-05-01T00:00:00+00:00',
			inLanguage: 'en',
			keywords: 'Alpha, Beta',
		});
		expect(data[1]).toEqual({
			'@context': 'https://schema.org',
			'@type': 'BreadcrumbList',
			itemListElement: [
				{ '@type': 'ListItem', position: 1, name: 'Reading', item: `${SITE}/` },
				{ '@type': 'ListItem', position: 2, name: 'A long read', item: `${SITE}/posts/long/` },
			],
		});
	});

	test('describes the home page as a Blog and other listings as CollectionPages with breadcrumbs', () => {
		const home = JSON.parse(en.html('index.html')('script[type="application/ld+json"]').text());
		expect(home).toMatchObject({ '@type': 'Blog', name: 'Reading', url: `${SITE}/` });
		const tag = JSON.parse(en.html('tags/alpha/index.html')('script[type="application/ld+json"]').text());
		expect(tag[0]).toMatchObject({ '@type': 'CollectionPage', url: `${SITE}/tags/alpha/` });
		expect(tag[1].itemListElement.map((item: { name: string }) => item.name)).toEqual(['Reading', 'Tags', 'Alpha']);
		const archive = JSON.parse(en.html('archive/index.html')('script[type="application/ld+json"]').text());
		expect(archive[0]['@type']).toBe('CollectionPage');
	});
});

describe('component overrides', () => {
	test('a replaced component is used wherever the theme shows it', () => {
		const $ = en.html('index.html');
		expect($('.my-card').length).toBe(2);
		expect($('.carnet-card').length).toBe(0);
		expect(en.html('tags/alpha/index.html')('.my-card').length).toBe(2);
	});

	test('a wrapper can render the default it imports from the package', () => {
		const $ = en.html('index.html');
		expect($('.my-footer-wrap > footer.carnet-footer').length).toBe(1);
		expect($('.my-footer-wrap .carnet-social a').attr('href')).toBe('https://mastodon.example/@me');
		expect($('.my-footer-wrap .carnet-social a').attr('rel')).toBe('me');
	});

	test('the demo replaces its footer, wraps its post cards and adds an About page with the theme layout', () => {
		const demo = demoSite();
		const home = demo.html('index.html');
		expect(home('footer.demo-footer').length).toBe(1);
		expect(home('.demo-card > .carnet-card').length).toBe(6);
		expect(home('.demo-card__badge').first().text()).toBe('Mis à jour');
		const about = demo.html('about/index.html');
		expect(about('h1.carnet-page__title').text()).toBe('À propos');
		expect(about('header.carnet-header').length).toBe(1);
		expect(texts(about, '.carnet-header__links a')).toContain('À propos');
	});
});

describe('hostile front matter', () => {
	const DESCRIPTION = '</script> & "quoted" <b>not bold</b> שלום';

	test('renders as text in HTML: no element escapes from the title, description, tags or alt text', () => {
		const $ = hostile.html('posts/hostile/index.html');
		expect($('h1').text()).toBe(HOSTILE_TITLE);
		// Too long to carry the blog's name within 70 characters: the title alone, cut at a word.
		expect($('title').text()).toBe(`</script><script>alert("x")</script> "Quotes" & 'apostrophes' 🎉…`);
		expect($('meta[name="description"]').attr('content')).toBe(DESCRIPTION);
		expect($('meta[property="og:title"]').attr('content')).toBe(HOSTILE_TITLE);
		expect($('.carnet-post__image').attr('alt')).toBe('A "cover" & <an> image');
		expect(texts($, '.carnet-post__header .carnet-tags a')).toEqual(['<b>bold</b>', '"quoted"', 'R&D', 'مرحبا']);
		// Only the theme's JSON-LD script: nothing the front matter wrote became a script or a <b>.
		expect($('script').length).toBe(1);
		expect($('b').length).toBe(0);
		const home = hostile.html('index.html');
		expect(home('.carnet-card h2').text()).toBe(HOSTILE_TITLE);
	});

	test('stays inside its JSON-LD script and parses back to the same text', () => {
		const $ = hostile.html('posts/hostile/index.html');
		const json = $('script[type="application/ld+json"]').html() ?? '';
		expect(json).not.toMatch(/[<>]/);
		const [posting] = JSON.parse(json);
		expect(posting.headline).toBe(HOSTILE_TITLE);
		expect(posting.description).toBe(DESCRIPTION);
		expect(posting.keywords).toBe('<b>bold</b>, "quoted", R&D, مرحبا');
	});

	test('is escaped in the feed and the sitemap, which parse with the text intact', () => {
		const feed = parseRssFeed(hostile.read('rss.xml'));
		expect(feed.title).toBe('Hostile & <Co>');
		expect(feed.items?.[0]?.title).toBe(HOSTILE_TITLE);
		// RSS readers take a description as HTML: decoded as such, it is the text as written.
		expect(cheerio.load(feed.items?.[0]?.description ?? '').root().text()).toBe(DESCRIPTION);
		expect(feed.items?.[0]?.categories?.map((category) => category.name)).toEqual(['<b>bold</b>', '"quoted"', 'R&D', 'مرحبا']);
		const atom = parseAtomFeed(hostile.read('atom.xml'));
		expect(atom.entries?.[0]?.title?.value).toBe(HOSTILE_TITLE);
		expect(JSON.parse(hostile.read('feed.json')).items[0].title).toBe(HOSTILE_TITLE);
		const locs = (hostile.xml('sitemap-0.xml').urlset.url as { loc: string }[]).map((url) => url.loc);
		expect(locs).toEqual(expect.arrayContaining([`${SITE}/tags/b-bold-b/`, `${SITE}/tags/quoted/`, `${SITE}/tags/r-and-d/`]));
	});

	test('gives right-to-left tags a page of their own, named as written', () => {
		const tags = hostile.html('tags/index.html');
		expect(texts(tags, '.carnet-tag-index a')).toContain('مرحبا');
	});
});
