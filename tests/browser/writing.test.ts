import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { demoSite } from '../helpers/demo.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const REFERENCE = '/posts/externalisation-le-traitement-antistress-des-pme/';

// giscus.app is never reached: its client and widget are answered here. The fake client adds the
// iframe giscus would add, and the fake widget reports the messages the page sends it.
const FAKE_CLIENT = `(() => {
	const frame = document.createElement('iframe');
	frame.className = 'giscus-frame';
	frame.title = 'Comments';
	frame.src = 'https://giscus.app/widget';
	document.querySelector('.giscus').append(frame);
})();`;
const FAKE_WIDGET = `<!doctype html><title>widget</title><script>addEventListener('message', (event) => parent.postMessage({ carnetWidgetSaw: event.data }, '*'));</script>`;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const site = demoSite();
	expect(site.ok, site.log).toBe(true);
	server = await serveStatic(site.dist);
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** A browser context whose requests to giscus.app are answered locally and recorded. */
async function withGiscus(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; requests: Request[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const requests: Request[] = [];
	await context.route('https://giscus.app/**', async (route) => {
		requests.push(route.request());
		const isClient = route.request().url().endsWith('/client.js');
		await route.fulfill({ contentType: isClient ? 'text/javascript' : 'text/html', body: isClient ? FAKE_CLIENT : FAKE_WIDGET });
	});
	return { context, requests };
}

describe('the header on a 390 px phone', () => {
	test('fits one line: the title, the menu button and the theme toggle side by side', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
		const page = await context.newPage();
		for (const url of ['/', REFERENCE, '/about/']) {
			await page.goto(`${server.origin}${url}`);
			const boxes = await page.evaluate(() =>
				['.carnet-header__title', '.carnet-menu__button', '.carnet-theme-toggle'].map((selector) => {
					const box = (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
					return { top: box.top, bottom: box.bottom, right: box.right, height: box.height };
				}),
			);
			const header = await page.locator('.carnet-header').boundingBox();
			// One row: every item's vertical middle within a few pixels of the others, and a header no taller than one row.
			const middles = boxes.map((box) => (box.top + box.bottom) / 2);
			expect(Math.max(...middles) - Math.min(...middles), url).toBeLessThan(6);
			expect(header?.height, url).toBeLessThan(80);
			expect(Math.max(...boxes.map((box) => box.right)), url).toBeLessThanOrEqual(390);
			expect(await page.locator('.carnet-header__links').isVisible(), url).toBe(false);
		}
		await context.close();
	});

	test('the compact menu opens from the keyboard and its links are reachable with Tab', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}/`);
		const summary = page.locator('.carnet-menu__button');
		await summary.focus();
		expect(await page.getByRole('link', { name: 'Archives' }).isVisible()).toBe(false);
		await page.keyboard.press('Enter');
		expect(await page.locator('details.carnet-menu').getAttribute('open')).toBe('');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Accueil');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Archives');
		await page.keyboard.press('Enter');
		await page.waitForURL(`${server.origin}/archive/`);
		expect(await page.locator('h1').textContent()).toBe('Archives');
		await context.close();
	});

	test('the desktop header keeps its links in a row, without the menu button', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}/`);
		expect(await page.locator('.carnet-menu').isVisible()).toBe(false);
		expect(await page.locator('.carnet-header__links').isVisible()).toBe(true);
		await context.close();
	});
});

describe('comments', () => {
	test('giscus is requested only once the reader scrolls to the comments, in the page\'s theme', async () => {
		const { context, requests } = await withGiscus({ colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(`${server.origin}${REFERENCE}`, { waitUntil: 'load' });
		await page.waitForTimeout(500);
		expect(requests).toHaveLength(0);
		await page.locator('.carnet-comments').scrollIntoViewIfNeeded();
		await expect.poll(() => requests.map((request) => new URL(request.url()).pathname)).toContain('/client.js');
		const script = page.locator('.carnet-comments script[src="https://giscus.app/client.js"]');
		expect(await script.getAttribute('data-theme')).toBe('dark');
		expect(await script.getAttribute('data-repo')).toBe('carnet-example/carnet');
		expect(await page.locator('.carnet-comments__load').isVisible()).toBe(false);
		await context.close();
	});

	test('without IntersectionObserver, the button loads them', async () => {
		const { context, requests } = await withGiscus({ colorScheme: 'light' });
		await context.addInitScript(() => {
			delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
		});
		const page = await context.newPage();
		await page.goto(`${server.origin}${REFERENCE}`, { waitUntil: 'load' });
		await page.locator('.carnet-comments').scrollIntoViewIfNeeded();
		await page.waitForTimeout(500);
		expect(requests).toHaveLength(0);
		await page.getByRole('button', { name: 'Afficher les commentaires' }).click();
		await expect.poll(() => requests.length).toBeGreaterThan(0);
		expect(await page.locator('.carnet-comments script[src="https://giscus.app/client.js"]').getAttribute('data-theme')).toBe('light');
		await context.close();
	});

	test('the theme toggle tells giscus the new theme', async () => {
		const { context } = await withGiscus({ colorScheme: 'light' });
		const page = await context.newPage();
		await page.goto(`${server.origin}${REFERENCE}`, { waitUntil: 'load' });
		await page.evaluate(() => {
			const state = window as unknown as { carnetSeen: unknown[] };
			state.carnetSeen = [];
			addEventListener('message', (event) => state.carnetSeen.push(event.data));
		});
		await page.locator('.carnet-comments').scrollIntoViewIfNeeded();
		await page.locator('iframe.giscus-frame').waitFor();
		await page.waitForTimeout(300);
		await page.getByRole('button', { name: 'Thème sombre' }).click();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { carnetSeen: unknown[] }).carnetSeen))
			.toContainEqual({ carnetWidgetSaw: { giscus: { setConfig: { theme: 'dark' } } } });
		await context.close();
	});

	test('a post with comments: false never asks for giscus', async () => {
		const { context, requests } = await withGiscus();
		const page = await context.newPage();
		await page.goto(`${server.origin}/posts/blog-entreprise-ecrire-en-une-heure/`, { waitUntil: 'load' });
		await page.mouse.wheel(0, 10_000);
		await page.waitForTimeout(500);
		expect(requests).toHaveLength(0);
		expect(await page.locator('.carnet-comments').count()).toBe(0);
		await context.close();
	});
});

describe('feeds without XSLT', () => {
	test('the Atom feed, which has no XSL, is shown styled by feed.css', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}/atom.xml`);
		const styles = await page.evaluate(() => {
			const root = document.documentElement;
			const entryTitle = document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')[0]?.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0];
			const content = document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'content')[0];
			return {
				maxWidth: getComputedStyle(root).maxWidth,
				title: entryTitle && getComputedStyle(entryTitle).display,
				content: content && getComputedStyle(content).display,
			};
		});
		// A reading column, entry titles shown, full contents hidden: not the browser's raw XML.
		expect(styles).toMatchObject({ title: 'block', content: 'none' });
		expect(styles.maxWidth).not.toBe('none');
		await context.close();
	});
});

describe('a featured image of a tall picture', () => {
	test('is shown whole within the window rather than blown up to the column, so the text starts within reach', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}${REFERENCE}`);
		const box = await page.evaluate(async () => {
			const image = document.querySelector<HTMLImageElement>('.carnet-post__image');
			if (!image) return undefined;
			// A 200 × 3000 picture, as an infographic is.
			image.closest('picture')?.querySelectorAll('source').forEach((source) => source.remove());
			image.removeAttribute('srcset');
			image.width = 200;
			image.height = 3000;
			image.src = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="3000"><rect width="200" height="3000" fill="teal"/></svg>')}`;
			await image.decode();
			return { height: image.getBoundingClientRect().height, viewport: window.innerHeight };
		});
		expect(box).toBeDefined();
		expect(box?.height).toBeLessThanOrEqual(0.8 * (box?.viewport as number) + 1);
		await context.close();
	});
});

describe('feeds opened in a browser on a phone', () => {
	test.each(['rss.xml', 'atom.xml'])('%s wraps a title of one long word rather than scroll sideways', async (feed) => {
		const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
		const page = await context.newPage();
		await page.goto(`${server.origin}/${feed}`);
		const widths = await page.evaluate(() => {
			// The first item's title, in the XSL page (a link) or in the styled Atom document.
			const title = document.querySelector('li a') ?? document.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')[0]?.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0];
			if (!title) return undefined;
			title.textContent = 'Supercalifragilisticexpialidocious_configuration_option_name_that_never_ends in a title';
			return { scroll: document.documentElement.scrollWidth, viewport: window.innerWidth };
		});
		expect(widths).toBeDefined();
		expect(widths?.scroll).toBeLessThanOrEqual(widths?.viewport as number);
		await context.close();
	});
});

describe('accessibility of the new pages', () => {
	const pages = [
		['subscribe page', '/subscribe/', 1280],
		['series page', '/series/tenir-un-blog-d-entreprise/', 1280],
		['series part', '/posts/blog-entreprise-ecrire-en-une-heure/', 1280],
		['home on a phone', '/', 390],
	] as const;

	for (const scheme of ['light', 'dark'] as const) {
		test.each(pages)(`axe finds no violation on the %s in the ${scheme} theme`, async (name, url, width) => {
			const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
			const page = await context.newPage();
			await page.goto(`${server.origin}${url}`);
			if (width < 500) await page.locator('.carnet-menu__button').click();
			expect(await axeViolations(page), name).toEqual([]);
			await context.close();
		});
	}
});
