import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { repoRoot } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// Debian's Chromium, started as the machine's notes require: never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const REFERENCE = '/posts/externalisation-le-traitement-antistress-des-pme/';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const site = demoSite();
	expect(site.ok, site.log).toBe(true);
	server = await serveStatic(site.dist);
	browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A page that records console errors, failed requests and layout shifts. */
async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
	// The demo's posts have giscus comments, which load when a reader scrolls near them: giscus.app is never reached.
	await context.route('https://giscus.app/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	await page.addInitScript(() => {
		const state = window as unknown as { carnetLayoutShift: number };
		state.carnetLayoutShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) state.carnetLayoutShift += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	return { page, problems };
}

async function layoutShift(page: Page): Promise<number> {
	// Let late images and fonts settle before reading the total.
	await page.waitForTimeout(500);
	return page.evaluate(() => (window as unknown as { carnetLayoutShift: number }).carnetLayoutShift);
}

describe('a reader browsing the demo', () => {
	test('goes from the home page to the reference post, a tag, page 2 and the feed', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const { page, problems } = await openPage(context);

		await page.goto(`${server.origin}/`, { waitUntil: 'load' });
		expect(await page.locator('h1').textContent()).toBe('Derniers articles');
		expect(await layoutShift(page)).toBe(0);

		await page.getByRole('link', { name: /^Externalisation\s: Le Traitement Antistress des PME/ }).first().click();
		await page.waitForURL(`${server.origin}${REFERENCE}`);
		const hero = page.locator('.carnet-post__image');
		// A loaded machine can take longer than expect.poll's default second for one evaluate().
		await expect.poll(() => hero.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
		expect(await hero.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\/_astro\/blog-01-atypique\.[\w-]+\.webp$/);
		expect(await layoutShift(page)).toBe(0);

		// The reference post has no tags; the next post's page has.
		await page.locator('.carnet-post-nav a[rel="next"]').click();
		await page.waitForURL(`${server.origin}/posts/composants-mdx/`);
		await page.locator('.carnet-post__header .carnet-tags a', { hasText: 'MDX' }).click();
		await page.waitForURL(`${server.origin}/tags/mdx/`);
		expect(await page.locator('h1').textContent()).toBe('Articles classés «\u202FMDX\u202F»');

		await page.goto(`${server.origin}/`);
		await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Articles plus anciens/ }).click();
		await page.waitForURL(`${server.origin}/page/2/`);
		expect(await page.locator('.carnet-pagination [aria-current="page"]').textContent()).toBe('Page 2 sur 2');

		const feedHref = await page.locator('link[rel="alternate"][type="application/rss+xml"]').first().getAttribute('href');
		expect(feedHref).toBe('/rss.xml');
		const feed = await page.request.get(new URL(feedHref as string, page.url()).href);
		expect(feed.status()).toBe(200);
		expect(await feed.text()).toContain('<title>Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁</title>');

		expect(problems).toEqual([]);
		await context.close();
	});

	test('the theme toggle switches to dark, survives a reload without a flash, and is announced', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
		const { page, problems } = await openPage(context);
		await page.goto(`${server.origin}${REFERENCE}`);
		const toggle = page.getByRole('button', { name: 'Thème sombre' });
		expect(await toggle.getAttribute('aria-pressed')).toBe('false');
		await toggle.click();
		expect(await toggle.getAttribute('aria-pressed')).toBe('true');
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await background()).toBe('rgb(20, 19, 18)');
		// The choice is applied by a script in <head>, before the first paint.
		await page.route('**/*.css', (route) => route.continue());
		await page.reload({ waitUntil: 'domcontentloaded' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background()).toBe('rgb(20, 19, 18)');
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('accessibility', () => {
	const pages = [
		['home', '/'],
		['post', REFERENCE],
		['Markdown features post', '/posts/encadres-formules-et-code/'],
		['tag page', '/tags/pme/'],
		['archive', '/archive/'],
		['404', '/no-such-page/'],
	] as const;

	for (const scheme of ['light', 'dark'] as const) {
		test.each(pages)(`axe finds no violation on the %s in the ${scheme} theme`, async (_, url) => {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
			const page = await context.newPage();
			await page.goto(`${server.origin}${url}`);
			const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
			const violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
			expect(violations).toEqual([]);
			await context.close();
		});
	}
});

describe('screenshots', () => {
	test.each([
		['phone', 390, 844],
		['desktop', 1280, 900],
	])('of the home page and the reference post on a %s', async (device, width, height) => {
		const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: device === 'phone' ? 2 : 1 });
		const page = await context.newPage();
		for (const [name, url] of [
			['home', '/'],
			['post', REFERENCE],
		]) {
			await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
			await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${device}.png`), fullPage: true });
		}
		await context.close();
	});
});
