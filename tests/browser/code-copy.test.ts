import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchProblems } from '../helpers/browser.ts';
import { documentedPolicy } from '../helpers/csp.ts';
import { demoSite } from '../helpers/demo.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const POST = '/posts/encadres-formules-et-code/';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const site = demoSite();
	expect(site.ok, site.log).toBe(true);
	// Served with the README's policy: the script must run as a file from the site, with no inline code.
	server = await serveStatic(site.dist, { headers: { 'Content-Security-Policy': documentedPolicy().header } });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('a code block with marked, added and removed lines', () => {
	test('shows each line as written, its indent and the spaces between its words kept', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}${POST}`, { waitUntil: 'load' });
		const code = page.locator('figure.carnet-code pre code').first();
		expect(await page.locator('figure.carnet-code :is(.carnet-code__ins, .carnet-code__del, .carnet-code__mark)').count()).toBeGreaterThan(0);
		// What the reader sees, as rendered, is the code's text: a line laid out in a flex container loses them.
		expect(await code.evaluate((element) => (element as HTMLElement).innerText)).toBe(await code.textContent());
		await context.close();
	});
});

describe('the copy button of a code block', () => {
	test('copies the code from the keyboard, after the block itself, and announces it, under the Content-Security-Policy', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await context.newPage();
		const problems = watchProblems(page);
		await page.goto(`${server.origin}${POST}`, { waitUntil: 'load' });

		const button = page.getByRole('button', { name: 'Copier le code' });
		await expect.poll(() => button.count()).toBe(1);
		// Reached with Tab from the link just before the block, as a keyboard user would.
		await page.locator('.carnet-prose h2#du-code').evaluate((heading) => {
			const anchor = document.createElement('a');
			anchor.href = '#du-code';
			anchor.id = 'carnet-test-start';
			anchor.textContent = 'start';
			heading.after(anchor);
		});
		await page.locator('#carnet-test-start').focus();
		// The block first, which scrolls when wider than the column, then its button.
		await page.keyboard.press('Tab');
		expect(await page.locator('figure.carnet-code pre').first().evaluate((element) => element === document.activeElement)).toBe(true);
		await page.keyboard.press('Tab');
		expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
		expect(await button.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');

		await page.keyboard.press('Enter');
		const status = page.getByRole('status');
		await expect.poll(() => status.textContent()).toBe('Code copié');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		// The code as it is now: the removed line is left out, with its line break.
		const shown = (await page.locator('figure.carnet-code pre code').textContent()) ?? '';
		expect(copied).toBe(shown.replace("\n\tintegrations: [carnet({ title: 'Mon carnet' })],", ''));
		expect(copied).toContain("import carnet from 'astro-theme-carnet';");
		expect(copied).toContain("\tintegrations: [carnet({ title: 'Mon carnet', locale: 'fr' })],\n});");
		expect(copied).not.toContain("title: 'Mon carnet' })");
		expect(problems).toEqual([]);
		await context.close();
	});

	test('is not there on a page without code, which loads no script', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		// A post without code, and with comments turned off (their loader is a script of its own).
		await page.goto(`${server.origin}/posts/blog-entreprise-ecrire-en-une-heure/`, { waitUntil: 'load' });
		expect(await page.locator('.carnet-code__copy').count()).toBe(0);
		expect(scripts).toEqual([]);
		await context.close();
	});
});
