import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, servedFile, type BuiltSite } from '../helpers/sites.ts';

// trailingSlash 'never' with build.format 'file': a page is x.html, which a static host serves at /x and
// not at /x/, the form authors write links to their own posts in.
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('trailing-slash-never', {
		'astro.config.mjs': astroConfig({ title: 'Never', timeZone: 'UTC' }, { site: 'https://example.com', trailingSlash: 'never', build: { format: 'file' } }),
		'src/content.config.ts': CONTENT_CONFIG,
		'public/files/notes.txt': 'notes',
		'src/content/posts/one.md': '---\ntitle: One\ndate: 2024-01-01\ntags: [News]\n---\nSee [two](/posts/two/), [the archive](/archive/), [news](/tags/news/#latest), [notes](/files/notes.txt) and [about](/about/).\n\n<a href="/tags/">tags</a>\n',
		'src/content/posts/two.md': '---\ntitle: Two\ndate: 2024-01-02\n---\nBack to [the home page](/).\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

const served = (address: string) => servedFile(site.dist, address);

describe("links in posts of a site with trailingSlash: 'never'", () => {
	test("are written without a slash where they lead to the theme's pages, and the rest as written", () => {
		const links = site.html('posts/one.html')('.carnet-prose a, article a').toArray().map((element) => element.attribs.href);
		expect(links).toEqual(expect.arrayContaining(['/posts/two', '/archive', '/tags/news#latest', '/files/notes.txt', '/about/', '/tags']));
		expect(site.html('posts/two.html')('article a').toArray().map((element) => element.attribs.href)).toContain('/');
	});

	test('reach a page the build wrote, on every page but the unknown /about/', () => {
		const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
		const broken = pages.flatMap((page) => {
			const $ = site.html(page);
			return $('a[href^="/"]')
				.toArray()
				.map((element) => element.attribs.href as string)
				.filter((href) => href !== '/about/' && served(href) === undefined)
				.map((href) => `${page}: ${href}`);
		});
		expect(broken).toEqual([]);
	});

	test('are written so in the feeds too', () => {
		const item = (site.xml('rss.xml').rss.channel.item as { title: string; 'content:encoded'?: string; description?: string }[]).find((entry) => entry.title === 'One');
		const body = item?.['content:encoded'] ?? '';
		expect(body).toContain('https://example.com/posts/two"');
		expect(body).not.toContain('/posts/two/');
	});
});
