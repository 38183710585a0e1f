import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Two versions of Jekyll's starter post, `2016-03-07-welcome-to-jekyll.md` and `2018-10-23-welcome-to-jekyll.md`,
// named alike but for their date, which Jekyll publishes at two dated addresses: the earlier keeps the address
// without the date, the later its date in its address. Which one does depends on the list of files, so a warm
// build after one is deleted or added writes what a cold build of the same files writes, byte for byte, with
// Astro's page cache (experimental.incrementalBuild) and the theme's body cache.

const CONFIG = `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://example.com',
	experimental: { incrementalBuild: true },
	integrations: [carnet({ title: 'Jumeaux' })],
});
`;

const EARLIER = '---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2016-03-07 16:03:35 +0100\ncategories: jekyll update\n---\n\nThe welcome of 2016.\n';
const LATER = '---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2018-10-23 16:03:35 +0100\ncategories: jekyll update\n---\n\nThe welcome of 2018, with [its slides](./slides.pdf).\n';
const LINKING = '---\nlayout: post\ntitle: Links\ndate: 2019-01-01\n---\n\nRead [the new welcome]({% post_url 2018-10-23-welcome-to-jekyll %}).\n';

let root: string;
let site: BuiltSite;

const postFile = (name: string) => path.join(root, 'src/content/posts/_posts', name);

/** Every file of a build's output, by path, as bytes. */
function outputOf(built: BuiltSite): Map<string, Buffer> {
	expect(built.ok, built.log).toBe(true);
	const files = readdirSync(built.dist, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(built.dist, file)).isFile());
	return new Map(files.sort().map((file) => [file, readFileSync(path.join(built.dist, file))]));
}

/** The output of a cold build of the site as it is now: no dist/, no content store, no cache of any kind. */
async function coldOutput(): Promise<Map<string, Buffer>> {
	for (const dir of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(root, dir), { recursive: true, force: true });
	return outputOf(await buildSite(root));
}

function expectSameOutput(warm: Map<string, Buffer>, cold: Map<string, Buffer>) {
	expect([...warm.keys()]).toEqual([...cold.keys()]);
	const differing = [...cold].filter(([file, bytes]) => !bytes.equals(warm.get(file) as Buffer)).map(([file]) => file);
	expect(differing).toEqual([]);
}

/** A build of the site as it is now, an hour after the last one, so that the theme copies the cached pages itself (see incremental.test.ts). */
function warmBuild(): Promise<BuiltSite> {
	const cached = path.join(root, 'node_modules/.astro/dist');
	const time = Date.now() / 1000 - 3600;
	for (const file of readdirSync(cached, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(cached, file), time, time);
	return buildSite(root);
}

/** The post pages of a build's output, by their address. */
const postPages = (output: Map<string, Buffer>) => [...output.keys()].filter((file) => file.startsWith('posts/') && file.endsWith('index.html'));

beforeAll(async () => {
	root = writeSite('jekyll-twins', {
		'astro.config.mjs': CONFIG,
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md': EARLIER,
		'src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md': LATER,
		'src/content/posts/_posts/2019-01-01-links.md': LINKING,
		'src/content/posts/_posts/slides.pdf': '%PDF-1.4 slides\n',
		// An earlier namesake that names its own slug never had the address without the date: the later one keeps it.
		'src/content/posts/_posts/2016-05-01-hello.md': '---\ntitle: Old hello\ndate: 2016-05-01\nslug: old-hello\n---\n\nOld.\n',
		'src/content/posts/_posts/2018-05-01-hello.md': '---\ntitle: New hello\ndate: 2018-05-01\n---\n\nNew.\n',
		// An earlier namesake that a production build leaves out has no page: the later one has the address without the date.
		'src/content/posts/_posts/2016-06-01-notes.md': '---\ntitle: Old notes\ndate: 2016-06-01\npublished: false\n---\n\nOld notes.\n',
		'src/content/posts/_posts/2018-06-01-notes.md': '---\ntitle: New notes\ndate: 2018-06-01\n---\n\nNew notes.\n',
	});
	site = await buildSite(root);
}, 600_000);

describe('two Jekyll posts named alike but for their date', () => {
	test('are both published, the earlier without its date in its address, the later with it and a warning naming both files', () => {
		expect(site.ok, site.log).toBe(true);
		expect(postPages(outputOf(site))).toEqual(['posts/2018-10-23-welcome-to-jekyll/index.html', 'posts/hello/index.html', 'posts/links/index.html', 'posts/notes/index.html', 'posts/old-hello/index.html', 'posts/welcome-to-jekyll/index.html']);
		expect(site.html('posts/welcome-to-jekyll/index.html')('.carnet-prose').text().trim()).toBe('The welcome of 2016.');
		const later = site.html('posts/2018-10-23-welcome-to-jekyll/index.html');
		expect(later('.carnet-prose').text().trim()).toBe('The welcome of 2018, with its slides.');
		expect(later('.carnet-prose a').attr('href')).toBe('/posts/2018-10-23-welcome-to-jekyll/slides.pdf');
		expect(site.read('posts/2018-10-23-welcome-to-jekyll/slides.pdf')).toBe('%PDF-1.4 slides\n');
		// Neither page is a redirect page, and post_url names the later one's address.
		for (const page of ['posts/welcome-to-jekyll/index.html', 'posts/2018-10-23-welcome-to-jekyll/index.html']) expect(site.html(page)('meta[http-equiv="refresh"]').length).toBe(0);
		expect(site.html('posts/links/index.html')('.carnet-prose a').attr('href')).toBe('/posts/2018-10-23-welcome-to-jekyll/');
		expect(site.log).not.toContain('2018-05-01-hello.md: its address');
		expect(site.html('posts/notes/index.html')('.carnet-prose').text().trim()).toBe('New notes.');
		expect(site.log).not.toContain('2018-06-01-notes.md: its address');
		expect(site.log).toContain(
			'src/content/posts/_posts/2016-06-01-notes.md: held back from production builds, it leaves its address without the date, notes, to src/content/posts/_posts/2018-06-01-notes.md, the later post of the same name, which they publish, so it keeps its date in its address: 2016-06-01-notes, where astro dev shows it.',
		);
		expect(site.log).toContain(
			'src/content/posts/_posts/2018-10-23-welcome-to-jekyll.md: its address without the date, welcome-to-jekyll, is that of src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md, the earlier post of the same name, so it keeps its date in its address: 2018-10-23-welcome-to-jekyll, as Jekyll dates both. If this post had the address welcome-to-jekyll until src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md was published (a draft, published: false or not yet due until now), that address now shows the earlier post: to keep this one there, write slug: 2016-03-07-welcome-to-jekyll in the front matter of src/content/posts/_posts/2016-03-07-welcome-to-jekyll.md. To choose its address, give it a slug field (slug: a-new-address) or rename the file; if it is a copy of the earlier post, delete it.',
		);
	});

	test('after the earlier is deleted, a warm build gives the later the address without its date and writes what a cold build writes', async () => {
		rmSync(postFile('2016-03-07-welcome-to-jekyll.md'));
		const built = await warmBuild();
		const warm = outputOf(built);
		expect(postPages(warm)).toEqual(['posts/hello/index.html', 'posts/links/index.html', 'posts/notes/index.html', 'posts/old-hello/index.html', 'posts/welcome-to-jekyll/index.html']);
		expect(existsSync(path.join(root, 'dist/posts/2018-10-23-welcome-to-jekyll'))).toBe(false);
		expect(built.html('posts/welcome-to-jekyll/index.html')('.carnet-prose a').attr('href')).toBe('/posts/welcome-to-jekyll/slides.pdf');
		expect(built.html('posts/links/index.html')('.carnet-prose a').attr('href')).toBe('/posts/welcome-to-jekyll/');
		expect(built.log).not.toContain('as Jekyll dates both');
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after the earlier is added again, a warm build gives the later its dated address again and writes what a cold build writes', async () => {
		writeFileSync(postFile('2016-03-07-welcome-to-jekyll.md'), EARLIER);
		const warm = outputOf(await warmBuild());
		expect(postPages(warm)).toEqual(['posts/2018-10-23-welcome-to-jekyll/index.html', 'posts/hello/index.html', 'posts/links/index.html', 'posts/notes/index.html', 'posts/old-hello/index.html', 'posts/welcome-to-jekyll/index.html']);
		expect(warm.get('posts/welcome-to-jekyll/index.html')?.toString()).toContain('The welcome of 2016.');
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after the earlier held back is published, a warning names the address the later lost and the slug that gives it back, which a warm build then keeps as a cold build does', async () => {
		writeFileSync(postFile('2016-06-01-notes.md'), '---\ntitle: Old notes\ndate: 2016-06-01\n---\n\nOld notes.\n');
		const published = await warmBuild();
		expect(published.html('posts/notes/index.html')('.carnet-prose').text().trim()).toBe('Old notes.');
		expect(published.html('posts/2018-06-01-notes/index.html')('.carnet-prose').text().trim()).toBe('New notes.');
		expect(published.log).toContain(
			'src/content/posts/_posts/2018-06-01-notes.md: its address without the date, notes, is that of src/content/posts/_posts/2016-06-01-notes.md, the earlier post of the same name, so it keeps its date in its address: 2018-06-01-notes, as Jekyll dates both. If this post had the address notes until src/content/posts/_posts/2016-06-01-notes.md was published (a draft, published: false or not yet due until now), that address now shows the earlier post: to keep this one there, write slug: 2016-06-01-notes in the front matter of src/content/posts/_posts/2016-06-01-notes.md.',
		);
		writeFileSync(postFile('2016-06-01-notes.md'), '---\ntitle: Old notes\ndate: 2016-06-01\nslug: 2016-06-01-notes\n---\n\nOld notes.\n');
		const kept = await warmBuild();
		const warm = outputOf(kept);
		expect(kept.html('posts/notes/index.html')('.carnet-prose').text().trim()).toBe('New notes.');
		expect(kept.html('posts/2016-06-01-notes/index.html')('.carnet-prose').text().trim()).toBe('Old notes.');
		expect(kept.log).not.toContain('notes.md: its address without the date');
		expectSameOutput(warm, await coldOutput());
	}, 900_000);
});
