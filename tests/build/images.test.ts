import { readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARD_SIZES, HERO_SIZES } from '../../theme/utils/images.ts';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, runAstro, writeSite, type BuiltSite } from '../helpers/sites.ts';

// One post per source of featured image: beside the post, in public/ (Hugo's way), on another host.
// The remote host is a local server, allowed through image.remotePatterns as a real site would.
let server: Server;
let origin: string;
// A host that image.remotePatterns does not allow (127.0.0.1 only), as Hashnode's CDN is to a migrated blog.
let otherHost: Server;
let otherOrigin: string;
let otherPng: Buffer;
let site: BuiltSite;
let root: string;
let remoteRequests = 0;

const post = (title: string, date: string, extra: string) => `---\ntitle: ${title}\ndate: ${date}\n${extra}\n---\nBody of ${title}.\n`;

beforeAll(async () => {
	const remoteJpeg = await makeJpeg(2000, 1000, 3);
	server = createServer((request, response) => {
		remoteRequests++;
		if (request.url !== '/photos/remote.jpg') {
			response.writeHead(404).end();
			return;
		}
		// Astro reuses a remote image's variants for as long as the image's HTTP caching headers allow.
		const headers = { 'Content-Type': 'image/jpeg', 'Content-Length': remoteJpeg.length, 'Cache-Control': 'public, max-age=86400', ETag: '"remote-1"' };
		response.writeHead(200, headers).end(remoteJpeg);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	otherPng = await sharp(await makeJpeg(1200, 800, 8)).png().toBuffer();
	otherHost = createServer((request, response) => {
		if (request.url !== '/covers/hashnode.png') return void response.writeHead(404).end();
		response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': otherPng.length }).end(otherPng);
	});
	// On every interface, for the name localhost.
	await new Promise<void>((resolve) => otherHost.listen(0, resolve));
	otherOrigin = `http://localhost:${(otherHost.address() as AddressInfo).port}`;
	root = writeSite('images', {
		'astro.config.mjs': astroConfig(
			{ title: 'Images', socialImage: '/images/default-social.jpg' },
			{ site: 'https://img.example.com', image: { remotePatterns: [{ protocol: 'http', hostname: '127.0.0.1' }] } },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/beside/index.md': post('Beside', '2024-03-01', 'featured_image: ./cover.jpg\nfeatured_image_alt: A cover beside the post'),
		'src/content/posts/beside/cover.jpg': await makeJpeg(1600, 900, 1),
		// PaperMod's cover, its caption the photo's credit, written in Markdown.
		'src/content/posts/public.md': post('Public', '2024-02-01', 'cover:\n  image: /images/hugo.jpg\n  caption: "Photo by [Ada](https://unsplash.com/@ada) on Unsplash"'),
		'public/images/hugo.jpg': await makeJpeg(1600, 900, 2),
		'src/content/posts/remote.md': post('Remote', '2024-01-01', `heroImage: ${origin}/photos/remote.jpg\nheroImageAlt: A remote photo`),
		'src/content/posts/small.md': post('Small', '2023-12-01', 'featured_image: ./small.jpg'),
		'src/content/posts/small.jpg': await makeJpeg(800, 600, 4),
		'src/content/posts/plain.md': post('Plain', '2023-11-01', ''),
		// A Docusaurus post: its social image is its body's first picture too.
		'src/content/posts/docusaurus/index.md': `---\ntitle: Docusaurus\ndate: 2023-10-01\nimage: ./hero.jpg\n---\n![The hero](./hero.jpg)\n\n<!-- truncate -->\n\nBody of Docusaurus.\n`,
		'src/content/posts/docusaurus/hero.jpg': await makeJpeg(1600, 900, 6),
		// Docusaurus 2.1's release post: its social card in the body after its intro.
		'src/content/posts/docu-hero/index.md': `---\ntitle: Docu hero\ndate: 2023-09-01\nimage: ./card.png\n---\nWe are happy to announce the release.\n\n![The social card](./card.png)\n`,
		'src/content/posts/docu-hero/card.png': await sharp(await makeJpeg(1200, 630, 7)).png().toBuffer(),
		// The newest post has no image, and a dozen tags.
		'src/content/posts/newest.md': post('Newest', '2024-04-01', `tags: [${Array.from({ length: 12 }, (_, index) => `Tag ${index + 1}`).join(', ')}]`),
		'public/images/default-social.jpg': await makeJpeg(1600, 1000, 5),
		'src/content/posts/hashnode-one.md': post('Hashnode one', '2023-08-01', `cover: ${otherOrigin}/covers/hashnode.png`),
		'src/content/posts/hashnode-two.md': post('Hashnode two', '2023-07-01', `description: The second.\ncover: ${otherOrigin}/covers/hashnode.png`),
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	await new Promise<void>((resolve) => otherHost.close(() => resolve()));
});

function card(title: string) {
	const $ = site.html('index.html');
	return $('.carnet-card').filter((_, element) => $(element).find('h2').text() === title);
}

const widthsOf = (srcset: string | undefined) => (srcset ?? '').split(', ').map((candidate) => candidate.split(' ')[1]);
const distFile = (url: string) => path.join(site.dist, decodeURIComponent(new URL(url, 'https://img.example.com').pathname));

describe('featured images from every source go through the same pipeline', () => {
	test.each(['Beside', 'Public', 'Remote'])('the %s card has WebP variants at 480 and 960 px and a JPEG fallback', (title) => {
		const picture = card(title).find('picture');
		const source = picture.find('source');
		expect(source.attr('type')).toBe('image/webp');
		expect(widthsOf(source.attr('srcset'))).toEqual(['480w', '960w']);
		for (const candidate of (source.attr('srcset') ?? '').split(', ')) expect(candidate).toMatch(/^\/_astro\/[^ ]+\.webp \d+w$/);
		const img = picture.find('img');
		expect(img.attr('src')).toMatch(/^\/_astro\/[^ ]+\.jpg$/);
		expect(Number(img.attr('width'))).toBe(960);
		expect(Number(img.attr('height'))).toBe(title === 'Remote' ? 480 : 540);
	});

	test('never upscales: a source narrower than the widest variant is used at its own width', () => {
		const source = card('Small').find('source');
		expect(widthsOf(source.attr('srcset'))).toEqual(['480w', '800w']);
		expect(card('Small').find('img').attr('width')).toBe('800');
	});

	test('gives cards the sizes of the card grid and heroes the sizes of the post column', () => {
		expect(card('Public').find('source').attr('sizes')).toBe(CARD_SIZES);
		const hero = site.html('posts/public/index.html')('.carnet-post picture source');
		expect(hero.attr('sizes')).toBe(HERO_SIZES);
	});

	test('fetches the image of the first card that has one and the post hero first, and the other cards lazily', () => {
		expect(site.html('index.html')('.carnet-card h2').first().text()).toBe('Newest');
		const first = card('Beside').find('img');
		expect(first.attr('loading')).toBe('eager');
		expect(first.attr('fetchpriority')).toBe('high');
		for (const title of ['Public', 'Remote', 'Small']) {
			const img = card(title).find('img');
			expect(img.attr('loading'), title).toBe('lazy');
			expect(img.attr('decoding'), title).toBe('async');
			expect(img.attr('fetchpriority'), title).toBeUndefined();
		}
		const hero = site.html('posts/remote/index.html')('.carnet-post__image');
		expect(hero.attr('loading')).toBe('eager');
		expect(hero.attr('fetchpriority')).toBe('high');
	});

	test('a card lists five tags of a post and counts the others; the post lists them all', () => {
		const tags = card('Newest').find('.carnet-tags li');
		expect(tags.length).toBe(6);
		expect(tags.slice(0, 5).find('a').map((_, a) => site.html('index.html')(a).text()).get()).toEqual(['Tag 1', 'Tag 2', 'Tag 3', 'Tag 4', 'Tag 5']);
		expect(tags.last().text()).toBe('and 7 more tags');
		expect(site.html('posts/newest/index.html')('.carnet-post .carnet-tags a').length).toBe(12);
	});

	test('serves files smaller than the originals', () => {
		const original = statSync(path.join(root, 'public/images/hugo.jpg')).size;
		const picture = card('Public').find('picture');
		const files = [...(picture.find('source').attr('srcset') ?? '').split(', ').map((candidate) => candidate.split(' ')[0] ?? ''), picture.find('img').attr('src') ?? ''];
		for (const file of files) expect(statSync(distFile(file)).size, file).toBeLessThan(original);
	});

	test('copies no original to dist/_astro: only the variants pages use', () => {
		const files = readdirSync(path.join(site.dist, '_astro')).filter((file) => /\.(jpe?g|png|webp)$/.test(file));
		expect(files.length).toBeGreaterThan(0);
		// Astro names an original name.HASH.ext and a variant name.HASH_VARIANT.ext.
		expect(files.filter((file) => !/_[\w-]+\.\w+$/.test(file))).toEqual([]);
	});

	test('makes the remote image local: its variants are served from this site', () => {
		expect(site.exists('images/hugo.jpg')).toBe(true);
		const srcset = card('Remote').find('source').attr('srcset') ?? '';
		expect(srcset).not.toContain('127.0.0.1');
		expect(card('Remote').find('img').attr('src')).toMatch(/^\/_astro\//);
	});
});

describe('a featured image on a host Astro may not optimise', () => {
	const unoptimisedWarnings = (log: string) => log.split('\n').filter((line) => line.includes('a host Astro is not allowed to optimise images from'));

	test('is published as it is: the card and the hero show its address, at its measured size, without variants', () => {
		for (const img of [card('Hashnode one').find('img'), site.html('posts/hashnode-one/index.html')('.carnet-post__image')]) {
			expect(img.attr('src')).toBe(`${otherOrigin}/covers/hashnode.png`);
			expect([img.attr('width'), img.attr('height')]).toEqual(['1200', '800']);
			expect(img.closest('picture').find('source')).toHaveLength(0);
		}
	});

	test('is the social preview itself, with its size and type', () => {
		const $ = site.html('posts/hashnode-one/index.html');
		expect($('meta[property="og:image"]').attr('content')).toBe(`${otherOrigin}/covers/hashnode.png`);
		expect(['og:image:width', 'og:image:height', 'og:image:type'].map((property) => $(`meta[property="${property}"]`).attr('content'))).toEqual(['1200', '800', 'image/png']);
	});

	test('is the enclosure of its RSS item and the image of its JSON Feed item, as an absolute address with its type and the length its host gave', () => {
		const item = (parseRssFeed(site.read('rss.xml')).items ?? []).find((entry) => entry.title === 'Hashnode one');
		expect(item?.enclosures?.[0]).toMatchObject({ url: `${otherOrigin}/covers/hashnode.png`, type: 'image/png', length: otherPng.length });
		const json = JSON.parse(site.read('feed.json')) as { items: { title: string; image?: string; attachments?: { url: string; mime_type: string; size_in_bytes?: number }[] }[] };
		const entry = json.items.find((candidate) => candidate.title === 'Hashnode one');
		expect(entry?.image).toBe(`${otherOrigin}/covers/hashnode.png`);
		expect(entry?.attachments?.[0]).toEqual({ url: `${otherOrigin}/covers/hashnode.png`, mime_type: 'image/png', size_in_bytes: otherPng.length });
	});

	test('is named in one warning for its host, with both posts and their lines, and how to have it optimised', () => {
		const warnings = unoptimisedWarnings(site.log);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(`2 featured images are on localhost, a host Astro is not allowed to optimise images from (src/content/posts/hashnode-one.md:4: cover '${otherOrigin}/covers/hashnode.png', src/content/posts/hashnode-two.md:5: cover '${otherOrigin}/covers/hashnode.png')`);
		expect(warnings[0]).toContain("image: { domains: ['localhost'] }");
	});
});

describe('a post whose body opens with its featured image', () => {
	test('shows it once, in the body, where its card and social preview keep it', () => {
		const $ = site.html('posts/docusaurus/index.html');
		expect($('.carnet-post__image')).toHaveLength(0);
		expect($('.carnet-prose img').first().attr('alt')).toBe('The hero');
		expect(card('Docusaurus').find('img')).toHaveLength(1);
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/img\.example\.com\/.+\.jpe?g$/);
	});

	test('shows it once, in the body, when the body shows it after its intro, as Docusaurus 2.1\'s release post does, where its social preview keeps it', () => {
		const $ = site.html('posts/docu-hero/index.html');
		expect($('.carnet-post__image')).toHaveLength(0);
		expect($('.carnet-post img').map((_, image) => $(image).attr('alt')).get()).toEqual(['The social card']);
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/img\.example\.com\/_astro\/card\..+\.jpe?g$/);
	});
});

describe('alt text', () => {
	test('leaves card images decorative, since the title beside them names the post', () => {
		for (const title of ['Beside', 'Public', 'Remote']) expect(card(title).find('img').attr('alt'), title).toBe('');
	});

	test("shows PaperMod's cover.caption under the post's featured image as text, and not on its card", () => {
		const $ = site.html('posts/public/index.html');
		expect($('figure.carnet-post__figure .carnet-post__image')).toHaveLength(1);
		expect($('figure.carnet-post__figure > figcaption').text()).toBe('Photo by Ada on Unsplash');
		expect(card('Public').find('figcaption')).toHaveLength(0);
		expect(card('Public').text()).not.toContain('Unsplash');
		expect(site.html('posts/beside/index.html')('.carnet-post__figure')).toHaveLength(0);
	});

	test('describes the hero with featured_image_alt, and leaves it decorative without one', () => {
		expect(site.html('posts/beside/index.html')('.carnet-post__image').attr('alt')).toBe('A cover beside the post');
		expect(site.html('posts/remote/index.html')('.carnet-post__image').attr('alt')).toBe('A remote photo');
		expect(site.html('posts/public/index.html')('.carnet-post__image').attr('alt')).toBe('');
	});
});

describe('social previews', () => {
	async function ogImage(page: string) {
		const $ = site.html(page);
		const url = $('meta[property="og:image"]').attr('content') ?? '';
		return { $, url, metadata: await sharp(distFile(url)).metadata() };
	}

	test.each(['posts/beside/index.html', 'posts/public/index.html', 'posts/remote/index.html'])(
		'%s has an absolute og:image that is a 1200×630 JPEG',
		async (page) => {
			const { $, url, metadata } = await ogImage(page);
			expect(url).toMatch(/^https:\/\/img\.example\.com\/_astro\/[^/]+\.jpg$/);
			expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 1200, 630]);
			expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
			expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
			expect($('meta[property="og:image:type"]').attr('content')).toBe('image/jpeg');
			expect($('meta[name="twitter:image"]').attr('content')).toBe(url);
			expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
		},
	);

	test('describes og:image with the alt text, or the post title without one', () => {
		expect(site.html('posts/beside/index.html')('meta[property="og:image:alt"]').attr('content')).toBe('A cover beside the post');
		expect(site.html('posts/public/index.html')('meta[property="og:image:alt"]').attr('content')).toBe('Public');
	});

	test('uses the socialImage option for pages other than posts, and its own card for a post without a featured image', async () => {
		for (const page of ['index.html', 'tags/index.html']) {
			const { url, metadata } = await ogImage(page);
			expect(url, page).toMatch(/^https:\/\/img\.example\.com\/_astro\/default-social\.[^/]+\.jpg$/);
			expect([metadata.width, metadata.height], page).toEqual([1200, 630]);
		}
		const { url, metadata } = await ogImage('posts/plain/index.html');
		expect(url).toBe('https://img.example.com/posts/plain/social.png');
		expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
	});
});

describe('feed enclosures', () => {
	test('each item has an enclosure with its real length: the optimised JPEG, or the post\'s card without a featured image', () => {
		// The newest post is the listings' (above).
		const items = (parseRssFeed(site.read('rss.xml')).items ?? []).filter((item) => !['Newest', 'Docusaurus', 'Docu hero', 'Hashnode one', 'Hashnode two'].includes(item.title ?? ''));
		const enclosures = items.map((item) => ({ title: item.title, enclosure: item.enclosures?.[0] }));
		expect(enclosures.map((entry) => entry.title)).toEqual(['Beside', 'Public', 'Remote', 'Small', 'Plain']);
		for (const { title, enclosure } of enclosures.slice(0, 4)) {
			expect(enclosure?.type, title).toBe('image/jpeg');
			expect(enclosure?.url, title).toMatch(/^https:\/\/img\.example\.com\/_astro\/[^/]+\.jpg$/);
			expect(enclosure?.length, title).toBe(statSync(distFile(enclosure?.url ?? '')).size);
		}
		expect(enclosures[4]?.enclosure).toMatchObject({ type: 'image/png', url: 'https://img.example.com/posts/plain/social.png' });
		expect(enclosures[4]?.enclosure?.length).toBe(statSync(distFile(enclosures[4]?.enclosure?.url ?? '')).size);
	});
});

describe('build cost', () => {
	test('a second build with nothing changed re-encodes no image', async () => {
		const encodedFirst = site.log.split('\n').filter((line) => /▶ \/_astro\/.*\(before: /.test(line));
		expect(encodedFirst.length).toBeGreaterThan(0);
		const requestsBefore = remoteRequests;
		const second = await runAstro(root, ['build']);
		expect(second.ok, second.log).toBe(true);
		const generated = second.log.split('\n').filter((line) => line.includes('▶ /_astro/'));
		expect(generated).toHaveLength(encodedFirst.length);
		for (const line of generated) expect(line).toContain('reused cache entry');
		// The remote image is not downloaded again either.
		expect(remoteRequests).toBe(requestsBefore);
		// The posts come from the content store, and their images on another host are named as in the first build.
		expect(second.log.split('\n').filter((line) => line.includes('a host Astro is not allowed to optimise images from'))).toHaveLength(1);
	});
});
