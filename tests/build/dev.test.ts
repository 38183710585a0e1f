import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { CONTENT_CONFIG, astroConfig, repoRoot, writeSite } from '../helpers/sites.ts';

const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));
const post = (title: string, body: string, extra = '') => `---\ntitle: ${title}\ndate: 2024-01-01\n${extra}---\n\n${body}\n`;

let root: string;
let server: DevServer;
let origin: string;
const output = () => server.output();

interface Page {
	status: number;
	$: cheerio.CheerioAPI;
}

async function get(pathname: string): Promise<Page> {
	const response = await fetch(`${origin}${pathname}`);
	return { status: response.status, $: cheerio.load(await response.text()) };
}

const postsDir = () => path.join(root, 'src/content/posts');
const write = (file: string, contents: string | Buffer) => {
	mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	writeFileSync(path.join(root, file), contents);
};
const bodyText = async (pathname: string) => {
	const page = await get(pathname);
	expect(page.status, pathname).toBe(200);
	return page.$('.carnet-prose').text().trim();
};

beforeAll(async () => {
	root = writeSite('dev-sequence', {
		'astro.config.mjs': astroConfig({ title: 'Dev' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/alpha.md': post('Alpha', 'Alpha body.'),
		'src/content/posts/gamma.md': post('Gamma', 'Gamma body.'),
		// A page of the site's own that reads each entry's body, as Astro's docs show (reading times, feeds).
		'src/pages/bodies.json.ts': `import { getCollection } from 'astro:content';
export async function GET() {
	const entries = await getCollection('posts');
	return new Response(JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.id, entry.body ?? null]))));
}
`,
	});
	server = await startDevServer(root);
	origin = server.origin;
});

afterAll(async () => {
	await server?.stop();
});

// One sequence, in order, as an author works: each step starts from the state the previous one left.
describe('astro dev follows every change to the posts folder', () => {
	test('serves the posts it started with', async () => {
		expect(await bodyText('/posts/alpha/')).toBe('Alpha body.');
	});

	test('shows a new post', async () => {
		write('src/content/posts/beta.md', post('Beta', 'Beta body.'));
		await eventually(async () => expect(await bodyText('/posts/beta/')).toBe('Beta body.'));
	});

	test('shows an edit to a post', async () => {
		write('src/content/posts/beta.md', post('Beta', 'Beta body, edited.'));
		await eventually(async () => expect(await bodyText('/posts/beta/')).toBe('Beta body, edited.'));
	});

	test('shows an edit that empties the file first and writes it a moment later, as an editor saving in place does', async () => {
		// Both writes fall within the watcher's 5 ms throttle, so it reports only the first: the empty file.
		const file = path.join(postsDir(), 'beta.md');
		writeFileSync(file, '');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
		writeFileSync(file, post('Beta', 'Beta body, saved in place.'));
		await eventually(async () => expect(await bodyText('/posts/beta/')).toBe('Beta body, saved in place.'));
		writeFileSync(file, post('Beta', 'Beta body, edited.'));
		await eventually(async () => expect(await bodyText('/posts/beta/')).toBe('Beta body, edited.'));
	});

	test('moves a post to its new address when its file is renamed', async () => {
		renameSync(path.join(postsDir(), 'alpha.md'), path.join(postsDir(), 'alpha-renamed.md'));
		await eventually(async () => {
			expect(await bodyText('/posts/alpha-renamed/')).toBe('Alpha body.');
			expect((await get('/posts/alpha/')).status).toBe(404);
		});
	});

	test('keeps a post moved to another folder under the same slug', async () => {
		mkdirSync(path.join(postsDir(), 'archive'), { recursive: true });
		renameSync(path.join(postsDir(), 'beta.md'), path.join(postsDir(), 'archive', 'beta.md'));
		await new Promise((resolve) => setTimeout(resolve, 2000));
		await eventually(async () => expect(await bodyText('/posts/beta/')).toBe('Beta body, edited.'));
	});

	test('removes a deleted post', async () => {
		rmSync(path.join(postsDir(), 'gamma.md'));
		await eventually(async () => expect((await get('/posts/gamma/')).status).toBe(404));
	});

	test('refuses a new file whose slug is taken, with the build error, and keeps the first post', async () => {
		const before = output().length;
		write('src/content/posts/other/alpha-renamed.md', post('Impostor', 'Impostor body.'));
		await eventually(async () => expect(output().slice(before)).toContain('Two posts have the slug "alpha-renamed"'));
		expect(output().slice(before)).toContain('src/content/posts/alpha-renamed.md and src/content/posts/other/alpha-renamed.md');
		expect(await bodyText('/posts/alpha-renamed/')).toBe('Alpha body.');
	});

	test('keeps the first post when the refused file is deleted', async () => {
		rmSync(path.join(postsDir(), 'other'), { recursive: true });
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await bodyText('/posts/alpha-renamed/')).toBe('Alpha body.');
	});

	test('shows a post written before its featured image once the image is added', async () => {
		const before = output().length;
		write('src/content/posts/delta/index.md', post('Delta', 'Delta body.', 'featured_image: ./cover.jpg\n'));
		await eventually(async () => expect(output().slice(before)).toContain("featured_image './cover.jpg' was not found next to the post"));
		expect((await get('/posts/delta/')).status).toBe(404);
		write('src/content/posts/delta/cover.jpg', jpeg);
		await eventually(async () => {
			const page = await get('/posts/delta/');
			expect(page.status).toBe(200);
			expect(page.$('.carnet-post__image').length).toBe(1);
			expect(page.$('.carnet-prose').text().trim()).toBe('Delta body.');
		});
	});

	test('keeps nothing of the posts that are gone in its content store', async () => {
		const store = path.join(root, '.astro/data-store.json');
		await eventually(async () => {
			const contents = readFileSync(store, 'utf8');
			for (const gone of ['Gamma body.', 'Impostor body.']) expect(contents).not.toContain(gone);
			for (const kept of ['Alpha body.', 'Beta body, edited.', 'Delta body.']) expect(contents).toContain(kept);
		});
	});

	test("serves a post's old address, with and without its trailing slash, as the build writes it", async () => {
		write('src/content/posts/moved.md', post('Moved', 'Moved body.', 'aliases: [/old/moved/]\n'));
		await eventually(async () => expect(await bodyText('/posts/moved/')).toBe('Moved body.'));
		for (const pathname of ['/old/moved/', '/old/moved', '/old/moved/index.html']) {
			const page = await get(pathname);
			expect(page.status, pathname).toBe(200);
			expect(page.$('link[rel="canonical"]').attr('href'), pathname).toMatch(/\/posts\/moved\/$/);
		}
	});

	test("serves a post's social card, which its page links to", async () => {
		write('src/content/posts/card.md', post('Card', 'Card body.'));
		await eventually(async () => expect(await bodyText('/posts/card/')).toBe('Card body.'));
		const url = new URL((await get('/posts/card/')).$('meta[property="og:image"]').attr('content') ?? '');
		expect(url.pathname).toBe('/posts/card/social.png');
		const response = await fetch(`${origin}${url.pathname}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
	});

	test('serves a file that a post links to at the address its link gives, as the file is now, and one added after the link', async () => {
		write('src/content/posts/files/notes.txt', 'First notes.\n');
		write('src/content/posts/files/index.md', post('Files', 'Read [the notes](./notes.txt) and [the plan](./plan.txt).'));
		const hrefs = async () => {
			const { $ } = await get('/posts/files/');
			return $('.carnet-prose a')
				.map((_, link) => $(link).attr('href'))
				.get();
		};
		await eventually(async () => expect(await hrefs()).toEqual(['/posts/files/notes.txt', './plan.txt']));
		const notes = async () => {
			const response = await fetch(`${origin}/posts/files/notes.txt`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
			return response.text();
		};
		expect(await notes()).toBe('First notes.\n');
		write('src/content/posts/files/notes.txt', 'Second notes.\n');
		await eventually(async () => expect(await notes()).toBe('Second notes.\n'));
		// The post is read again when the file its link names appears.
		write('src/content/posts/files/plan.txt', 'The plan.\n');
		await eventually(async () => expect(await hrefs()).toEqual(['/posts/files/notes.txt', '/posts/files/plan.txt']));
		expect(await (await fetch(`${origin}/posts/files/plan.txt`)).text()).toBe('The plan.\n');
	});

	test('follows a post that a ref links to to its new address, without the linking post being edited', async () => {
		write('src/content/posts/target.md', post('Target', 'Target body.'));
		write('src/content/posts/linker.md', post('Linker', 'See [the target]({{< ref "target.md" >}}).'));
		const link = async () => (await get('/posts/linker/')).$('.carnet-prose a').attr('href');
		await eventually(async () => expect(await link()).toBe('/posts/target/'));
		write('src/content/posts/target.md', post('Target', 'Target body.', 'slug: target-moved\n'));
		await eventually(async () => expect(await link()).toBe('/posts/target-moved/'));
		expect(await bodyText('/posts/target-moved/')).toBe('Target body.');
	});

	test('gives an image in public/ the size of the file that replaced it, without the post being edited', async () => {
		write('public/images/swap.jpg', jpeg);
		write('src/content/posts/swap.md', post('Swap', '![Swapped](/images/swap.jpg)'));
		const size = async () => {
			const img = (await get('/posts/swap/')).$('.carnet-prose img');
			return `${img.attr('width')}x${img.attr('height')}`;
		};
		await eventually(async () => expect(await size()).toBe('1600x900'));
		write('public/images/swap.jpg', readFileSync(path.join(repoRoot, 'public/images/hugo-migration.jpg')));
		await eventually(async () => expect(await size()).toBe('1920x1080'));
	});

	test('gives a Jekyll post its dated address when an earlier one of the same name is added, and the address without its date back when that one is deleted', async () => {
		const jekyll = (date: string) => `---\nlayout: post\ntitle: Welcome\ndate: ${date}\n---\n\nThe welcome of ${date.slice(0, 4)}.\n`;
		write('src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md', jekyll('2018-10-23'));
		await eventually(async () => expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2018.'));
		const before = output().length;
		write('src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md', jekyll('2016-03-07'));
		await eventually(async () => {
			expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2016.');
			expect(await bodyText('/posts/2018-10-23-welcome-to-jekyll/')).toBe('The welcome of 2018.');
		});
		expect(output().slice(before)).toContain('src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md: its address without the date, welcome-to-jekyll, is that of src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md');
		expect(output().slice(before)).not.toContain('Two posts have the slug');
		rmSync(path.join(postsDir(), '_posts/2016-03-07-welcome-to-jekyll.md'));
		await eventually(async () => {
			expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2018.');
			expect((await get('/posts/2018-10-23-welcome-to-jekyll/')).status).toBe(404);
		});
	});

	test('moves a Jekyll post to the address without its date and back as the earlier one of the same name is edited to name its own slug, to be a draft, and to neither', async () => {
		const jekyll = (extra = '') => `---\nlayout: post\ntitle: Welcome\ndate: 2016-03-07\n${extra}---\n\nThe welcome of 2016.\n`;
		const earlier = 'src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md';
		const before = output().length;
		write(earlier, jekyll());
		await eventually(async () => expect(await bodyText('/posts/2018-10-23-welcome-to-jekyll/')).toBe('The welcome of 2018.'));
		write(earlier, jekyll('slug: first-welcome\n'));
		await eventually(async () => {
			expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2018.');
			expect(await bodyText('/posts/first-welcome/')).toBe('The welcome of 2016.');
			expect((await get('/posts/2018-10-23-welcome-to-jekyll/')).status).toBe(404);
		});
		// A draft is shown at the address a build would leave it, so that the post a build publishes has one address.
		write(earlier, jekyll('draft: true\n'));
		await eventually(async () => {
			expect(await bodyText('/posts/2016-03-07-welcome-to-jekyll/')).toBe('The welcome of 2016.');
			expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2018.');
			expect((await get('/posts/first-welcome/')).status).toBe(404);
		});
		write(earlier, jekyll());
		await eventually(async () => {
			expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2016.');
			expect(await bodyText('/posts/2018-10-23-welcome-to-jekyll/')).toBe('The welcome of 2018.');
			expect((await get('/posts/2016-03-07-welcome-to-jekyll/')).status).toBe(404);
		});
		expect(output().slice(before)).not.toContain('Two posts have the slug');
		rmSync(path.join(root, earlier));
		await eventually(async () => expect(await bodyText('/posts/welcome-to-jekyll/')).toBe('The welcome of 2018.'));
	});

	test("gives each entry, a draft's and an edited post's included, the body its file writes after its front matter", async () => {
		write('src/content/posts/sketch.md', '---\r\ntitle: Sketch\r\ndate: 2024-01-01\r\ndraft: true\r\n---\r\n\r\nA *draft*, shown in dev.\r\n\r\n:::note\r\nA note.\r\n:::\r\n');
		const bodies = async () => ((await fetch(`${origin}/bodies.json`)).json() as Promise<Record<string, string | null>>);
		await eventually(async () => expect((await bodies()).sketch).toBe('A *draft*, shown in dev.\r\n\r\n:::note\r\nA note.\r\n:::'));
		expect((await bodies())['alpha-renamed']).toBe('Alpha body.');
		write('src/content/posts/sketch.md', post('Sketch', 'The sketch, edited.', 'draft: true\n'));
		await eventually(async () => expect((await bodies()).sketch).toBe('The sketch, edited.'));
	});

	test('keeps the last good version of a post whose body shows an image that is missing, with the error logged, and shows the new one once the image is added', async () => {
		write('src/content/posts/trip/index.md', post('Trip', 'Trip body.'));
		await eventually(async () => expect(await bodyText('/posts/trip/')).toBe('Trip body.'));
		const before = output().length;
		write('src/content/posts/trip/index.md', post('Trip', 'Trip body, with a photo.\n\n![New](./new.jpg)'));
		await eventually(async () => expect(output().slice(before)).toContain("src/content/posts/trip/index.md:8: the image './new.jpg' was not found (looked for src/content/posts/trip/new.jpg)."));
		// Once a later change is served, the store the pages read has been written since the error.
		write('src/content/posts/later.md', post('Later', 'Later body.'));
		await eventually(async () => expect(await bodyText('/posts/later/')).toBe('Later body.'));
		expect(await bodyText('/posts/trip/')).toBe('Trip body.');
		write('src/content/posts/trip/new.jpg', jpeg);
		await eventually(async () => {
			const page = await get('/posts/trip/');
			expect(page.status).toBe(200);
			expect(page.$('.carnet-prose').text().trim()).toBe('Trip body, with a photo.');
			expect(page.$('.carnet-prose img').attr('alt')).toBe('New');
		});
	});

	test('keeps the last good version of an MDX post whose body shows an image that is missing, with the error logged, and shows the new one once the image is added', async () => {
		write('src/content/posts/walk/index.mdx', post('Walk', 'Walk body.'));
		await eventually(async () => expect(await bodyText('/posts/walk/')).toBe('Walk body.'));
		const before = output().length;
		write('src/content/posts/walk/index.mdx', post('Walk', 'Walk body, with a photo.\n\n![New](./new.jpg)'));
		await eventually(async () => expect(output().slice(before)).toContain("src/content/posts/walk/index.mdx:8: the image './new.jpg' was not found (looked for src/content/posts/walk/new.jpg)."));
		write('src/content/posts/later-walk.md', post('Later walk', 'Later walk body.'));
		await eventually(async () => expect(await bodyText('/posts/later-walk/')).toBe('Later walk body.'));
		expect(await bodyText('/posts/walk/')).toBe('Walk body.');
		write('src/content/posts/walk/new.jpg', jpeg);
		await eventually(async () => {
			const page = await get('/posts/walk/');
			expect(page.status).toBe(200);
			expect(page.$('.carnet-prose').text().trim()).toBe('Walk body, with a photo.');
			expect(page.$('.carnet-prose img').attr('alt')).toBe('New');
		});
	});

	test('tells the build\'s error, with the post and line, when an image beside a post that its body shows is replaced by a file that is not an image or deleted, without the post being edited, and shows the post again once the image is back', async () => {
		write('src/content/posts/harbour/photo.jpg', jpeg);
		write('src/content/posts/harbour/index.md', post('Harbour', 'The harbour:\n\n![Harbour](./photo.jpg)'));
		await eventually(async () => expect((await get('/posts/harbour/')).$('.carnet-prose img').attr('alt')).toBe('Harbour'));
		const before = output().length;
		write('src/content/posts/harbour/photo.jpg', 'Not a picture.\n');
		await eventually(async () =>
			expect(output().slice(before)).toContain(
				"src/content/posts/harbour/index.md:8: the image './photo.jpg' (src/content/posts/harbour/photo.jpg) is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG",
			),
		);
		const emptied = output().length;
		rmSync(path.join(root, 'src/content/posts/harbour/photo.jpg'));
		await eventually(async () => expect(output().slice(emptied)).toContain("src/content/posts/harbour/index.md:8: the image './photo.jpg' was not found (looked for src/content/posts/harbour/photo.jpg)."));
		write('src/content/posts/harbour/photo.jpg', jpeg);
		await eventually(async () => {
			const image = await fetch(`${origin}${(await get('/posts/harbour/')).$('.carnet-prose img').attr('src')}`);
			expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
		});
	});
});

describe("astro dev with trailingSlash: 'always' serves the files a build writes at their addresses", () => {
	let always: DevServer;
	beforeAll(async () => {
		const site = writeSite('dev-trailing-slash', {
			'astro.config.mjs': astroConfig({ title: 'Dev' }, { site: 'https://example.com', base: '/blog', trailingSlash: 'always' }),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/card.md': post('Card', 'Card body, and [the notes](./card-notes.txt).', 'aliases: [/p/12.html, /old/card/]\n'),
			'src/content/posts/card-notes.txt': 'The notes.\n',
		});
		always = await startDevServer(site);
	});
	afterAll(async () => {
		await always?.stop();
	});

	test("serves a post's social card at the address its page gives", async () => {
		const page = await fetch(`${always.origin}/blog/posts/card/`);
		expect(page.status).toBe(200);
		const url = new URL(cheerio.load(await page.text())('meta[property="og:image"]').attr('content') ?? '');
		expect(url.pathname).toBe('/blog/posts/card/social.png');
		const response = await fetch(`${always.origin}${url.pathname}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await response.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
	});

	test("serves a post's old .html address, and its old folder, as redirect pages to the post", async () => {
		for (const pathname of ['/blog/p/12.html', '/blog/old/card/']) {
			const response = await fetch(`${always.origin}${pathname}`);
			expect(response.status, pathname).toBe(200);
			const $ = cheerio.load(await response.text());
			expect($('link[rel="canonical"]').attr('href'), pathname).toBe('https://example.com/blog/posts/card/');
		}
	});

	test('serves a file that a post links to at the address its page gives', async () => {
		const page = await fetch(`${always.origin}/blog/posts/card/`);
		const href = cheerio.load(await page.text())('.carnet-prose a').attr('href');
		expect(href).toBe('/blog/posts/card/card-notes.txt');
		const response = await fetch(`${always.origin}${href}`);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('The notes.\n');
	});

	test('still answers 404 for a file address that no post has', async () => {
		for (const pathname of ['/blog/p/13.html', '/blog/posts/card/social.jpg', '/blog/posts/other/social.png', '/blog/posts/card/other-notes.txt', '/blog/posts/other/card-notes.txt']) {
			expect((await fetch(`${always.origin}${pathname}`)).status, pathname).toBe(404);
		}
	});
});
