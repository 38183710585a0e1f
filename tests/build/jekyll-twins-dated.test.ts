import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Jekyll posts named alike but for their date, under permalinks that put the date in every post's address: the
// date tells their addresses apart, so each keeps its name without the date, as Jekyll's dated addresses do.

const post = (title: string, date: string, body = `${title}.`) => `---\nlayout: post\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

let site: BuiltSite;

/** The post pages of the build, by their address. */
const postPages = () =>
	readdirSync(site.dist, { recursive: true, encoding: 'utf8' })
		.filter((file) => /^\d{4}\//.test(file) && file.endsWith('index.html'))
		.sort();

beforeAll(async () => {
	const root = writeSite('jekyll-twins-dated', {
		'astro.config.mjs': astroConfig({ title: 'Jumeaux datés', permalinks: '/:year/:month/:slug/' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/_posts/2023-01-05-hello.md': post('Hello 2023', '2023-01-05'),
		'src/content/posts/_posts/2024-03-01-hello.md': post('Hello 2024', '2024-03-01', 'Hello 2024, with [its slides](./slides.pdf).'),
		'src/content/posts/_posts/slides.pdf': '%PDF-1.4 slides\n',
		// Of the same month as the one above: the same address but for the name, which keeps its date.
		'src/content/posts/_posts/2024-03-20-hello.md': post('Hello again', '2024-03-20'),
		'src/content/posts/_posts/2024-04-01-links.md': post('Links', '2024-04-01', 'Read [the new hello]({% post_url 2024-03-01-hello %}).'),
		// The earlier is a draft: publishing it moves nothing, as the date already tells the two apart.
		'src/content/posts/_posts/2022-02-01-notes.md': '---\ntitle: Old notes\ndate: 2022-02-01\npublished: false\n---\n\nOld notes.\n',
		'src/content/posts/_posts/2023-02-01-notes.md': post('New notes', '2023-02-01'),
		// First published elsewhere: the sitemap leaves it to that site's, whatever the permalinks.
		'src/content/posts/_posts/2024-05-01-elsewhere.md': '---\ntitle: Elsewhere\ndate: 2024-05-01\ncanonicalURL: https://other.example/elsewhere/\n---\n\nElsewhere.\n',
	});
	site = await buildSite(root);
}, 600_000);

describe('two Jekyll posts named alike but for their date, under permalinks with the date', () => {
	test('each keep the name without the date in their address, where the date tells them apart, with no warning', () => {
		expect(site.ok, site.log).toBe(true);
		expect(postPages()).toEqual(['2023/01/hello/index.html', '2023/02/notes/index.html', '2024/03/2024-03-20-hello/index.html', '2024/03/hello/index.html', '2024/04/links/index.html', '2024/05/elsewhere/index.html']);
		expect(site.html('2023/01/hello/index.html')('.carnet-prose').text().trim()).toBe('Hello 2023.');
		const later = site.html('2024/03/hello/index.html');
		expect(later('.carnet-prose').text().trim()).toBe('Hello 2024, with its slides.');
		expect(later('.carnet-prose a').attr('href')).toBe('/2024/03/hello/slides.pdf');
		expect(site.read('2024/03/hello/slides.pdf')).toBe('%PDF-1.4 slides\n');
		expect(later('link[rel="canonical"]').attr('href')).toBe('https://example.com/2024/03/hello/');
		expect(site.html('2024/04/links/index.html')('.carnet-prose a').attr('href')).toBe('/2024/03/hello/');
		expect(site.log).not.toMatch(/2024-03-01-hello\.md: its address|2023-02-01-notes\.md|2022-02-01-notes\.md: held back/);
	});

	test('of one month, keep the date in the address of the later, with a warning naming both files', () => {
		expect(site.html('2024/03/2024-03-20-hello/index.html')('.carnet-prose').text().trim()).toBe('Hello again.');
		expect(site.log).toContain(
			'src/content/posts/_posts/2024-03-20-hello.md: its address without the date, hello, is that of src/content/posts/_posts/2024-03-01-hello.md, the earlier post of the same name, so it keeps its date in its address: 2024-03-20-hello',
		);
	});

	test('are each listed in the sitemap with their own date, where a post first published elsewhere is not', () => {
		const urls = site.xml('sitemap-0.xml').urlset.url as { loc: string; lastmod?: string }[];
		const lastmod = (loc: string) => urls.find((url) => url.loc === `https://example.com${loc}`)?.lastmod;
		expect([lastmod('/2023/01/hello/'), lastmod('/2024/03/hello/')]).toEqual(['2023-01-05T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
		expect(urls.map((url) => url.loc)).not.toContain('https://example.com/2024/05/elsewhere/');
	});
});
