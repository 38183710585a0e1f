import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringsFor } from '../../theme/i18n/index.ts';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// A small blog in each language the theme has UI strings for (French and English have suites of their own):
// a post with tags, a series and a table of contents, and a second post, read on a phone.
const LOCALES = ['de', 'es', 'it', 'pt-BR', 'nl', 'ja', 'ko', 'zh-CN', 'zh-TW'];
const body = (words: string) => `${words}\n\n## ${words.slice(0, 12)} 1\n\n${words}\n\n## ${words.slice(0, 12)} 2\n\n${words}\n\n## ${words.slice(0, 12)} 3\n\n${words}\n`;
const PAGES = ['/', '/posts/first/', '/posts/second/', '/archive/', '/tags/', '/tags/astro/', '/series/', '/search/', '/subscribe/', '/404.html'];

const servers = new Map<string, StaticServer>();
const logs = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
	for (const locale of LOCALES) {
		const root = writeSite(`languages-${locale}`, {
			'astro.config.mjs': astroConfig({ title: 'Carnet', locale, timeZone: 'UTC', postsPerPage: 1 }),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/first.md': `---\ntitle: Astro\ndate: 2024-02-03\ntags: [Astro, Web, Design, CSS, HTML, A11y]\nseries: Guide\n---\n${body('Lorem ipsum dolor sit amet, consectetur adipiscing elit.')}`,
			'src/content/posts/second.md': `---\ntitle: Carnet\ndate: 2024-01-05\ntags: [Astro]\nseries: Guide\n---\n${body('Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.')}`,
		});
		const site = await buildSite(root);
		expect(site.ok, site.log).toBe(true);
		logs.set(locale, site.log);
		servers.set(locale, await serveStatic(site.dist));
	}
	browser = await launchChromium();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	for (const server of servers.values()) await server.close();
});

describe.each(LOCALES)('a blog in %s', (locale) => {
	test("shows the language's UI strings, with no warning that it has none", async () => {
		expect(logs.get(locale)).not.toContain('has no UI strings');
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${servers.get(locale)?.origin}/`);
		expect(await page.locator('html').getAttribute('lang')).toBe(locale);
		expect(await page.locator('h1').textContent()).toBe(stringsFor(locale)['home.title']);
		await context.close();
	});

	test('no page scrolls sideways on a 360 px phone', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const widths: Record<string, number> = {};
		for (const url of PAGES) {
			await page.goto(`${servers.get(locale)?.origin}${url}`);
			widths[url] = await page.evaluate(() => document.documentElement.scrollWidth);
		}
		expect(Object.entries(widths).filter(([, width]) => width > 360)).toEqual([]);
		await context.close();
	});

	test('axe finds nothing on the home page, a post and the subscribe page', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		for (const url of ['/', '/posts/first/', '/subscribe/']) {
			await page.goto(`${servers.get(locale)?.origin}${url}`);
			expect(await axeViolations(page), url).toEqual([]);
		}
		await context.close();
	});
});
