import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { CONTENT_CONFIG, astroConfig, repoRoot, writeSite } from '../helpers/sites.ts';

const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));
const post = (title: string, body: string, extra = '') => `---\ntitle: ${title}\ndate: 2024-01-01\n${extra}---\n\n${body}\n`;
// The pages that read every post: none may fail because one post's image is gone.
const SITE_PAGES = ['/', '/archive/', '/tags/', '/rss.xml', '/posts/plain/'];

let root: string;
let server: DevServer;
const output = () => server.output();

async function get(pathname: string): Promise<{ status: number; $: cheerio.CheerioAPI }> {
	const response = await fetch(`${server.origin}${pathname}`);
	const text = await response.text();
	return { status: response.status, $: cheerio.load(text, { xml: pathname.endsWith('.xml') }) };
}

/** The titles of the posts the home page lists and the feed carries, in alphabetical order. */
async function listedTitles(): Promise<{ home: string[]; feed: string[] }> {
	const home = (await get('/')).$;
	const feed = (await get('/rss.xml')).$;
	return {
		home: home('.carnet-card__title').map((_, title) => home(title).text().trim()).get().sort(),
		feed: feed('item > title').map((_, title) => feed(title).text().trim()).get().sort(),
	};
}

async function expectSiteServed(): Promise<void> {
	for (const pathname of SITE_PAGES) expect((await get(pathname)).status, pathname).toBe(200);
}

beforeAll(async () => {
	root = writeSite('dev-images', {
		'astro.config.mjs': astroConfig({ title: 'Dev images' }),
		'src/content.config.ts': CONTENT_CONFIG,
		// A post that links to another, which the watcher read again as it first saw each file, saying so.
		'src/content/posts/plain.md': post('Plain', 'Plain body, after [the harbour](./harbour/index.md).', 'categorie: news\n'),
		'src/content/posts/trip/index.md': post('Trip', 'Trip body.', 'featured_image: ./cover.jpg\n'),
		'src/content/posts/trip/cover.jpg': jpeg,
		'src/content/posts/harbour/index.md': post('Harbour', 'The harbour:\n\n![Harbour](./photo.jpg)'),
		'src/content/posts/harbour/photo.jpg': jpeg,
		// Refused as the server starts: its image is added by the last test.
		'src/content/posts/late/index.md': post('Late', 'Late body.', 'featured_image: ./cover.jpg\n'),
	});
	server = await startDevServer(root);
});

afterAll(async () => {
	await server?.stop();
});

describe('astro dev, when a file outside the posts folder is added', () => {
	test('reads no post again, a post that links to another included, whose warnings would be told again: the file changes none of them', async () => {
		await eventually(async () => expect((await get('/posts/plain/')).status).toBe(200));
		expect(output()).toContain('src/content/posts/plain.md:4: front-matter key "categorie"');
		const before = output().length;
		// As Astro writes its .astro/ files when the server starts.
		writeFileSync(path.join(root, 'notes.txt'), 'Notes.\n');
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(output().slice(before)).not.toContain('plain.md');
		rmSync(path.join(root, 'notes.txt'));
	});
});

describe('astro dev, when an image a post shows is deleted with the post unchanged', () => {
	test('serves every other page, tells the post, line and field, leaves the post out until its featured image is back, then shows it again', async () => {
		await eventually(async () => expect((await get('/posts/trip/')).$('.carnet-post__image').length).toBe(1));
		const before = output().length;
		rmSync(path.join(root, 'src/content/posts/trip/cover.jpg'));
		await eventually(async () => expect(output().slice(before)).toContain("src/content/posts/trip/index.md:4: featured_image './cover.jpg' was not found next to the post (looked for src/content/posts/trip/cover.jpg)."));
		expect(output().slice(before)).toContain('src/content/posts/trip/index.md: src/content/posts/trip/cover.jpg, which its last good version shows, is gone: the post is left out of the site');
		await eventually(async () => {
			await expectSiteServed();
			expect((await get('/posts/trip/')).status).toBe(404);
			expect(await listedTitles()).toEqual({ home: ['Harbour', 'Plain'], feed: ['Harbour', 'Plain'] });
		});
		writeFileSync(path.join(root, 'src/content/posts/trip/cover.jpg'), jpeg);
		await eventually(async () => {
			const page = await get('/posts/trip/');
			expect(page.status).toBe(200);
			expect(page.$('.carnet-post__image').length).toBe(1);
			expect(await listedTitles()).toEqual({ home: ['Harbour', 'Plain', 'Trip'], feed: ['Harbour', 'Plain', 'Trip'] });
		});
		await expectSiteServed();
	});

	test('serves every other page, tells the post and line, leaves the post out until the image its body shows is back, then shows it again', async () => {
		const before = output().length;
		rmSync(path.join(root, 'src/content/posts/harbour/photo.jpg'));
		await eventually(async () => expect(output().slice(before)).toContain("src/content/posts/harbour/index.md:8: the image './photo.jpg' was not found (looked for src/content/posts/harbour/photo.jpg)."));
		await eventually(async () => {
			await expectSiteServed();
			expect((await get('/posts/harbour/')).status).toBe(404);
			expect(await listedTitles()).toEqual({ home: ['Plain', 'Trip'], feed: ['Plain', 'Trip'] });
		});
		writeFileSync(path.join(root, 'src/content/posts/harbour/photo.jpg'), jpeg);
		await eventually(async () => {
			const page = await get('/posts/harbour/');
			expect(page.status).toBe(200);
			expect(page.$('.carnet-prose img').attr('alt')).toBe('Harbour');
		});
		await expectSiteServed();
	});
});

test('shows a post refused as the server started for a missing featured image once the image is added', async () => {
	expect(output()).toContain("src/content/posts/late/index.md:4: featured_image './cover.jpg' was not found next to the post (looked for src/content/posts/late/cover.jpg).");
	expect((await get('/posts/late/')).status).toBe(404);
	writeFileSync(path.join(root, 'src/content/posts/late/cover.jpg'), jpeg);
	await eventually(async () => {
		const page = await get('/posts/late/');
		expect(page.status).toBe(200);
		expect(page.$('.carnet-post__image').length).toBe(1);
	});
});
