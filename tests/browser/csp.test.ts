import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentedPolicy } from '../helpers/csp.ts';
import { demoSite } from '../helpers/demo.ts';
import { repoRoot } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// The demo served as a host would with the README's headers: Chromium reports what the policy blocks.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: StaticServer;
let fixtureServer: StaticServer;
let browser: Browser;
const fixtureDir = path.join(repoRoot, 'tests/.sites/csp-fixture');

beforeAll(async () => {
	const site = demoSite();
	expect(site.ok, site.log).toBe(true);
	// The demo has giscus comments, so it is served with the README's policy for such sites.
	server = await serveStatic(site.dist, { headers: { 'Content-Security-Policy': documentedPolicy({ comments: true }).header } });
	mkdirSync(fixtureDir, { recursive: true });
	fixtureServer = await serveStatic(fixtureDir, { headers: { 'Content-Security-Policy': documentedPolicy().header } });
	browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await fixtureServer?.close();
});

/**
 * Opens a URL and returns every securitypolicyviolation event, with the element at fault, and every console
 * error other than a 404 (the 404 page's own status, the favicon.ico a browser asks for on the feed page).
 */
async function violationsOf(url: string, act?: (page: Page) => Promise<void>, origin = server.origin): Promise<string[]> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
	// giscus is never reached: its client is answered here with the frame it would add.
	await context.route('https://giscus.app/**', (route) =>
		route.request().url().endsWith('/client.js')
			? route.fulfill({ contentType: 'text/javascript', body: "const f=document.createElement('iframe');f.className='giscus-frame';f.title='Comments';f.src='https://giscus.app/widget';document.querySelector('.giscus').append(f);" })
			: route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>widget</title>' }),
	);
	const page = await context.newPage();
	const violations: string[] = [];
	page.on('console', (message) => {
		// Chromium words each violation in the console too; the events below say which element it was.
		if (message.type() === 'error' && !/status of 404|Content Security Policy/.test(message.text())) violations.push(`console: ${message.text()}`);
	});
	await page.exposeFunction('carnetReportViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const element = event.target instanceof Element ? event.target.closest('xslt-warning-banner') ?? event.target : undefined;
			const report = (window as unknown as { carnetReportViolation(text: string): void }).carnetReportViolation;
			report(`${event.effectiveDirective} on <${element?.localName ?? '?'}>: ${event.blockedURI}`);
		});
	});
	await page.goto(`${origin}${url}`, { waitUntil: 'load' });
	await act?.(page);
	await page.waitForTimeout(300);
	await context.close();
	return violations;
}

describe('the demo under the Content-Security-Policy of the README', () => {
	test.each(['/', '/posts/externalisation-le-traitement-antistress-des-pme/', '/posts/a-week-of-remote-work/', '/posts/composants-mdx/', '/posts/encadres-formules-et-code/', '/tags/', '/archive/', '/no-such-page/'])(
		'%s loads with no violation',
		async (url) => {
			expect(await violationsOf(url)).toEqual([]);
		},
	);

	test('search finds posts: Pagefind compiles its WebAssembly and starts its worker under the policy', async () => {
		const violations = await violationsOf('/search/?q=externaliser', async (page) => {
			await expect.poll(() => page.locator('.carnet-search__link').count(), { timeout: 15_000 }).toBe(1);
		});
		expect(violations).toEqual([]);
	});

	test('the theme toggle still works: its hashed scripts run', async () => {
		const violations = await violationsOf('/', async (page) => {
			expect(await page.evaluate(() => document.documentElement.classList.contains('carnet-js'))).toBe(true);
			await page.getByRole('button', { name: 'Thème sombre' }).click();
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		});
		expect(violations).toEqual([]);
	});

	test('giscus comments load under the policy for sites with comments: its script and frame are let in', async () => {
		const violations = await violationsOf('/posts/externalisation-le-traitement-antistress-des-pme/', async (page) => {
			await page.locator('.carnet-comments').scrollIntoViewIfNeeded();
			await page.locator('iframe.giscus-frame').waitFor();
			expect(await page.locator('script[src="https://giscus.app/client.js"]').count()).toBe(1);
		});
		expect(violations).toEqual([]);
	});

	test("aligned table columns keep the alignment Markdown gives them: the policy's 'unsafe-hashes' allow exactly those", async () => {
		// The demo has no aligned table (html-validate forbids inline styles), so a page of its own holds one,
		// with the style attributes that tests/build/hostile.test.ts shows Markdown writes, and one that is blocked.
		const cells = ['left', 'center', 'right'].map((align) => `<td style="text-align: ${align}">${align}</td>`).join('');
		writeFileSync(path.join(fixtureDir, 'table.html'), `<!doctype html><html lang="en"><title>Table</title><table><tr>${cells}<td style="color: red">red</td></tr></table></html>`);
		const violations = await violationsOf(
			'/table.html',
			async (page) => {
				const aligns = await page.locator('td').evaluateAll((all) => all.map((cell) => getComputedStyle(cell).textAlign));
				expect(aligns.slice(0, 3)).toEqual(['left', 'center', 'right']);
			},
			fixtureServer.origin,
		);
		expect(violations).toEqual(['style-src-attr on <td>: inline']);
	});

	test('the feed opened in a browser is styled by its XSL stylesheet, with no violation of its own', async () => {
		const violations = await violationsOf('/rss.xml', async (page) => {
			expect(await page.locator('h1').textContent()).toBe('Carnet');
			expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('672px');
		});
		// Chromium adds a banner of its own to XSLT pages (XSLT is deprecated), with inline styles and an
		// event handler that any policy without 'unsafe-inline' blocks; the theme's page has none.
		expect(violations.filter((violation) => !violation.includes('<xslt-warning-banner>'))).toEqual([]);
	});
});
