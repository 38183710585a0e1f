import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchChromium, layoutShift, trackLayoutShift, watchProblems } from '../helpers/browser.ts';
import { demoSite } from '../helpers/demo.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const REFERENCE = '/posts/externalisation-le-traitement-antistress-des-pme/';
const REFERENCE_TITLE = 'Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁';
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');

let server: StaticServer;
let baseServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const site = demoSite();
	expect(site.ok, site.log).toBe(true);
	server = await serveStatic(site.dist);
	// A site under a base path without trailing slashes, served from the folder above its output.
	const root = writeSite('search-browser-base', {
		'astro.config.mjs': astroConfig({ title: 'Field notes', locale: 'en' }, { site: 'https://notes.example.com', base: '/blog', trailingSlash: 'never' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/tides.md': '---\ntitle: Reading the tides\ndate: 2024-03-01\ntags: [Sea]\n---\nThe tide tables tell when the harbour empties.\n',
		'src/content/posts/nets.md': '---\ntitle: Mending nets\ndate: 2024-04-01\n---\nA patient craft.\n',
	});
	const base = await buildSite(root, { outDir: path.join(root, 'served', 'blog') });
	expect(base.ok, base.log).toBe(true);
	baseServer = await serveStatic(path.join(root, 'served'));
	browser = await launchChromium();
	mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await baseServer?.close();
});

async function openSearch(context: BrowserContext, url = '/search/'): Promise<{ page: Page; problems: string[] }> {
	const page = await context.newPage();
	const problems = watchProblems(page);
	await trackLayoutShift(page);
	await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
	return { page, problems };
}

// Pagefind starts a worker and compiles its WebAssembly on the first search: seconds on a busy machine.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
const status = (page: Page) => page.locator('.carnet-search__status');
const resultTitles = (page: Page) => page.locator('.carnet-search__link').allTextContents();

describe('a reader searching the demo', () => {
	test('types a French word, finds the reference post by another form of it, opens it, and comes back to the same results', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const { page, problems } = await openSearch(context);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('carnet-search-query');

		await page.keyboard.type('externaliser');
		await poll(() => status(page).textContent()).toBe('1\u00A0résultat pour «\u202Fexternaliser\u202F»');
		expect(await status(page).getAttribute('role')).toBe('status');
		expect(page.url()).toBe(`${server.origin}/search/?q=externaliser`);
		const result = page.locator('.carnet-search__result').first();
		expect(await result.locator('.carnet-search__link').textContent()).toBe(REFERENCE_TITLE);
		expect(await result.locator('time').textContent()).toBe('3 février 2024');
		expect(await result.locator('mark').first().textContent()).toMatch(/^externalis/i);
		await poll(() => result.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(480);

		await result.locator('.carnet-search__link').click();
		await page.waitForURL(`${server.origin}${REFERENCE}`);
		expect(await page.locator('h1').textContent()).toBe(REFERENCE_TITLE);

		await page.goBack();
		await page.waitForURL(`${server.origin}/search/?q=externaliser`);
		await poll(() => resultTitles(page)).toEqual([REFERENCE_TITLE]);
		expect(await page.locator('#carnet-search-query').inputValue()).toBe('externaliser');
		// Restored results fill room the page kept for them: nothing in view moves.
		expect(await layoutShift(page)).toBe(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('filters the results by a tag, alone or with words', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const { page, problems } = await openSearch(context);
		await page.getByLabel('Étiquette', { exact: true }).selectOption({ label: 'Guides' });
		await poll(() => status(page).textContent()).toBe('4\u00A0résultats dans «\u202FGuides\u202F»');
		expect(await resultTitles(page)).toEqual(['Encadrés, formules et code\u202F: ce que Carnet sait écrire', 'Writing your first post', 'Des composants dans un article MDX', 'From Hugo to Carnet in an afternoon']);
		expect(page.url()).toBe(`${server.origin}/search/?tag=guides`);
		expect(await page.locator('.carnet-search__result').first().locator('.carnet-tags a').allTextContents()).toEqual(['Guides', 'Markdown']);

		await page.getByLabel('Mots à chercher').fill('composants');
		await poll(() => resultTitles(page)).toEqual(['Des composants dans un article MDX']);
		expect(page.url()).toBe(`${server.origin}/search/?q=composants&tag=guides`);
		await page.getByLabel('Étiquette', { exact: true }).selectOption({ label: 'PME' });
		await poll(() => status(page).textContent()).toBe('0\u00A0résultat pour «\u202Fcomposants\u202F» dans «\u202FPME\u202F»');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('moves through the results with the arrow keys, opens one with Enter, and clears the search with Escape', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const { page, problems } = await openSearch(context, '/search/?q=carnet');
		await poll(async () => (await resultTitles(page)).length).toBeGreaterThan(2);
		const titles = await resultTitles(page);
		const focused = () => page.evaluate(() => document.activeElement?.textContent || document.activeElement?.id);
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(titles[0]);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await focused()).toBe(titles[2]);
		await page.keyboard.press('ArrowUp');
		expect(await focused()).toBe(titles[1]);
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await focused()).toBe('carnet-search-query');

		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const second = await page.locator('.carnet-search__link').nth(1).getAttribute('href');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${server.origin}${second}`);
		await page.goBack();
		await poll(() => resultTitles(page)).toEqual(titles);

		await page.locator('.carnet-search__link').first().focus();
		await page.keyboard.press('Escape');
		expect(await focused()).toBe('carnet-search-query');
		expect(await page.locator('#carnet-search-query').inputValue()).toBe('');
		await poll(() => page.locator('.carnet-search__result').count()).toBe(0);
		expect(await status(page).textContent()).toBe('');
		expect(page.url()).toBe(`${server.origin}/search/`);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('opens the search page with the / key from another page, and types a slash in a field there', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${server.origin}${REFERENCE}`);
		await page.keyboard.press('/');
		await page.waitForURL(`${server.origin}/search/`);
		await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('carnet-search-query');
		await page.keyboard.type('a/b');
		expect(await page.locator('#carnet-search-query').inputValue()).toBe('a/b');
		await page.locator('h1').click();
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('carnet-search-query');
		await poll(async () => page.url()).toBe(`${server.origin}/search/?q=a%2Fb`);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('works under a strict Content Security Policy: scripts from the site only, no inline style', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const problems = watchProblems(page);
		// The demo opts into the theme toggle, whose two inline scripts a strict policy allows by hash.
		await page.route(`${server.origin}/search/**`, async (route) => {
			const response = await route.fetch();
			const html = await response.text();
			const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => `'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
			const policy = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'`;
			await route.fulfill({ response, body: html, headers: { ...response.headers(), 'content-security-policy': policy } });
		});
		await page.goto(`${server.origin}/search/?q=externaliser`, { waitUntil: 'load' });
		await poll(() => resultTitles(page)).toEqual([REFERENCE_TITLE]);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('says that search could not be loaded when the index is missing, and still links the archive and the tags', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		await page.route(`${server.origin}/pagefind/**`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await page.goto(`${server.origin}/search/?q=externaliser`, { waitUntil: 'load' });
		await poll(() => page.getByText('La recherche n’a pas pu se charger').isVisible()).toBe(true);
		expect(await status(page).textContent()).toBe('');
		expect(await page.getByRole('navigation', { name: 'Parcourir' }).isVisible()).toBe(true);
		expect(errors).toContainEqual(expect.stringContaining('Search could not be loaded'));
		await context.close();
	});

	test('without JavaScript, says search needs it, keeps the query in the address and links the archive and the tags', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
		const { page } = await openSearch(context);
		// Chromium parses <noscript> as text even with scripts off, so its message is read, not seen.
		expect(await page.locator('noscript').innerHTML()).toContain('La recherche a besoin de JavaScript');
		await page.getByLabel('Mots à chercher').fill('externaliser');
		await page.getByRole('button', { name: 'Rechercher' }).click();
		await page.waitForURL(`${server.origin}/search/?q=externaliser&tag=`);
		const browse = page.getByRole('navigation', { name: 'Parcourir' });
		expect(await browse.isVisible()).toBe(true);
		expect(await browse.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/archive/', '/tags/']);
		await context.close();
	});
});

describe('search on a site with a base path and no trailing slashes', () => {
	test('loads the index under the base and leads to the post', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${baseServer.origin}/blog/`);
		await page.getByRole('link', { name: 'Search' }).click();
		await page.waitForURL(`${baseServer.origin}/blog/search/`);
		await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('carnet-search-query');
		await page.keyboard.type('tide');
		await poll(() => page.locator('.carnet-search__status').textContent()).toBe('1 result for “tide”');
		expect(page.url()).toBe(`${baseServer.origin}/blog/search/?q=tide`);
		expect(await page.locator('.carnet-search__link').getAttribute('href')).toBe('/blog/posts/tides');
		expect(await page.locator('.carnet-search__result .carnet-tags a').getAttribute('href')).toBe('/blog/tags/sea');
		await page.locator('.carnet-search__link').click();
		expect(await page.locator('h1').textContent()).toBe('Reading the tides');
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('accessibility of the search page with results', () => {
	test.each(['light', 'dark'] as const)('axe finds no violation in the %s theme', async (scheme) => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
		const { page } = await openSearch(context, '/search/?q=carnet&tag=guides');
		await poll(() => page.locator('.carnet-search__result').count()).toBeGreaterThan(0);
		await poll(() => page.locator('.carnet-search__result img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).complete))).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: path.join(SCREENSHOTS, `search-${scheme}.png`), fullPage: true });
		await context.close();
	});
});
