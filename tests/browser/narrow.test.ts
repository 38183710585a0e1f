import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// Words longer than a phone is wide, as real titles have them: a URL, a German compound, a long tag.
const post = (front: string) => `---\n${front}\n---\nA body with https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap#anywhere in it.\n`;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const root = writeSite('narrow', {
		'astro.config.mjs': astroConfig({ title: 'Narrow', locale: 'de', timeZone: 'UTC' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/url.md': post('title: "Notes on https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap"\ndate: 2024-02-02\ntags: [Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz]'),
		'src/content/posts/compound.md': post('title: Donaudampfschifffahrtsgesellschaftskapitänsmütze\ndate: 2024-02-01\ntags: [Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz]'),
	});
	const site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
	server = await serveStatic(site.dist);
	browser = await launchChromium();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('on a 360 px phone', () => {
	test('no page scrolls sideways, whatever the length of the words in titles and tags', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const widths: Record<string, number> = {};
		for (const url of ['/', '/posts/url/', '/posts/compound/', '/archive/', '/tags/', '/tags/rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz/']) {
			const response = await page.goto(`${server.origin}${url}`);
			expect(response?.status(), url).toBe(200);
			widths[url] = await page.evaluate(() => document.documentElement.scrollWidth);
		}
		expect(Object.entries(widths).filter(([, width]) => width > 360)).toEqual([]);
		await context.close();
	});
});
