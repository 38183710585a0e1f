import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, servedFile, type BuiltSite } from '../helpers/sites.ts';

// build.format 'preserve' writes a page at `/x` as `x.html` unless its source file is an index, and an
// injected route (every theme page) is never one.
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('build-format-preserve', {
		'astro.config.mjs': astroConfig({ title: 'Preserve', timeZone: 'UTC', postsPerPage: 1 }, { site: 'https://example.com', build: { format: 'preserve' } }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': '---\ntitle: Hello\ndate: 2024-02-03\ntags: [News]\n---\nSee [the other post](./again.md).\n',
		'src/content/posts/again.md': '---\ntitle: Again\ndate: 2024-02-04\ntags: [News]\n---\nHi again.\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

const served = (address: string) => servedFile(site.dist, address);

describe("a site built with build.format: 'preserve'", () => {
	test('links every page, tag and listing at the file the build wrote for it', () => {
		const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
		expect(pages).toContain('posts/hello.html');
		const broken = pages.flatMap((page) => {
			const $ = site.html(page);
			return $('a[href^="/"], link[rel="canonical"]')
				.toArray()
				.map((element) => new URL($(element).attr('href') as string, 'https://example.com').pathname)
				.filter((href) => served(href) === undefined)
				.map((href) => `${page}: ${href}`);
		});
		expect(broken).toEqual([]);
	});

	test('gives the feeds and the sitemap the same addresses as the canonical links', () => {
		const canonical = site.html('posts/hello.html')('link[rel="canonical"]').attr('href');
		expect(canonical).toBe('https://example.com/posts/hello');
		expect(readFileSync(path.join(site.dist, 'rss.xml'), 'utf8')).toContain('<link>https://example.com/posts/hello</link>');
		const urls = (site.xml('sitemap-0.xml').urlset.url as { loc: string }[]).map(({ loc }) => loc);
		expect(urls).toContain('https://example.com/posts/hello');
		expect(urls.filter((url) => served(new URL(url).pathname) === undefined)).toEqual([]);
	});
});
