import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchChromium } from '../helpers/browser.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite } from '../helpers/sites.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// Words longer than a phone is wide, as real titles have them: a URL, a German compound, a long tag.
const post = (front: string) => `---\n${front}\n---\nA body with https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap#anywhere in it.\n`;

const WIDE_FORMULA = '$a_1 + a_2 + a_3 + a_4 + \\dots + a_{n-1} + a_n = \\sum_{i=1}^{n} a_i = \\frac{n(n+1)}{2}$';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	const root = writeSite('narrow', {
		'astro.config.mjs': astroConfig({ title: 'Narrow', locale: 'de', timeZone: 'UTC' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/url.md': post('title: "Notes on https://developer.mozilla.org/en-US/docs/Web/CSS/overflow-wrap"\ndate: 2024-02-02\ntags: [Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz]'),
		'src/content/posts/compound.md': post('title: Donaudampfschifffahrtsgesellschaftskapitänsmütze\ndate: 2024-02-01\ntags: [Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz]'),
		// An ordinary formula within a line, wider than a phone, and a tag longer than one.
		'src/content/posts/math.md': [
			'---\ntitle: Sums\ndate: 2024-01-01\ntags: ["Développement web et accessibilité numérique pour tous"]\n---',
			`The sum is ${WIDE_FORMULA} for all integers, as [Gauss](https://example.com/gauss) found.`,
			'',
			'Half of one is $x = \\frac{1}{2}$ within a line.',
			'',
			`$$\n${WIDE_FORMULA.slice(1, -1)} \\quad ${WIDE_FORMULA.slice(1, -1)}\n$$`,
			'',
		].join('\n'),
		// A table of six columns, wider than a phone.
		'src/content/posts/table.md': `---\ntitle: Options\ndate: 2023-11-01\n---\n| Option | Default | Type | Since | Applies to | Description |\n| --- | --- | --- | --- | --- | --- |\n| postsPerPage | 10 | number | 1.0.0 | listings | How many posts a listing page shows |\n\n- [x] A task done\n- [ ] A task to do\n\n> [!NOTE]- Folded\n> Text printed unfolded.\n\n${Array.from({ length: 10 }, (_, level) => `${'  '.repeat(level)}- Level ${level + 1} of a list nested deep`).join('\n')}\n`,
		// A post in Hebrew with a line of code wider than a phone.
		'src/content/posts/code.md': `---\ntitle: קוד\ndate: 2023-12-01\nlang: he\n---\nהנה קוד:\n\n\`\`\`js\nconst x = f(1); // ${'a long comment that runs past the edge of a phone '.repeat(2)}\n\`\`\`\n`,
	});
	const site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
	server = await serveStatic(site.dist);
	browser = await launchChromium();
}, 300_000);

/** A new browser context of `viewport`, and a page there showing `url` of the site. */
async function openPage(url: string, viewport: { width: number; height: number }) {
	const context = await browser.newContext({ viewport });
	const page = await context.newPage();
	await page.goto(`${server.origin}${url}`);
	return { context, page };
}

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('on a 360 px phone', () => {
	test('no page scrolls sideways, whatever the length of the words in titles and tags, or of a formula', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		const widths: Record<string, number> = {};
		for (const url of ['/', '/posts/url/', '/posts/compound/', '/posts/math/', '/posts/table/', '/posts/code/', '/archive/', '/tags/', '/tags/rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz/', '/search/']) {
			const response = await page.goto(`${server.origin}${url}`);
			expect(response?.status(), url).toBe(200);
			widths[url] = await page.evaluate(() => document.documentElement.scrollWidth);
		}
		expect(Object.entries(widths).filter(([, width]) => width > 360)).toEqual([]);
		await context.close();
	});

	test('a formula wider than the column scrolls on its own, and the words around it wrap', async () => {
		const { context, page } = await openPage('/posts/math/', { width: 360, height: 740 });
		const formula = await page.locator('.carnet-prose p > .katex').first().evaluate((katex) => {
			const paragraph = katex.parentElement as HTMLElement;
			return {
				fits: katex.clientWidth <= paragraph.clientWidth,
				scrolls: katex.scrollWidth > katex.clientWidth,
				paragraphScrolls: paragraph.scrollWidth > paragraph.clientWidth,
			};
		});
		expect(formula).toEqual({ fits: true, scrolls: true, paragraphScrolls: false });
		await context.close();
	});

	test('a formula that scrolls, within a line or on its own, is reached with the keyboard, a short one is not, and axe finds nothing', async () => {
		const { context, page } = await openPage('/posts/math/', { width: 360, height: 740 });
		const formulas = await page.locator('.carnet-prose .katex').evaluateAll((all) => all.map((katex) => ({ scrolls: katex.scrollWidth > katex.clientWidth, focusable: (katex as HTMLElement).tabIndex === 0 })));
		expect(formulas).toEqual([
			{ scrolls: true, focusable: true },
			{ scrolls: false, focusable: false },
			{ scrolls: true, focusable: true },
		]);
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('a code block', () => {
	test('reads left to right in a right-to-left post, scrolls on its own on a phone, is reached with the keyboard, and axe finds nothing', async () => {
		const { context, page } = await openPage('/posts/code/', { width: 360, height: 740 });
		const pre = page.locator('.carnet-prose pre').first();
		expect(await page.locator('.carnet-prose').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
		expect(await pre.evaluate((element) => ({ direction: getComputedStyle(element).direction, scrolls: element.scrollWidth > element.clientWidth, focusable: (element as HTMLElement).tabIndex === 0 }))).toEqual({
			direction: 'ltr',
			scrolls: true,
			focusable: true,
		});
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});

	test('printed, wraps its long lines rather than cutting them off', async () => {
		const { context, page } = await openPage('/posts/code/', { width: 800, height: 1000 });
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.carnet-prose pre').first().evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
		await context.close();
	});
});

describe('a table wider than a phone', () => {
	test('scrolls on its own, its words whole, the page does not, the keyboard reaches it, and axe finds nothing (a task list\'s checkboxes named too)', async () => {
		const { context, page } = await openPage('/posts/table/', { width: 360, height: 740 });
		const wrapper = page.locator('.carnet-prose .carnet-table').first();
		expect(await wrapper.evaluate((element) => ({ scrolls: element.scrollWidth > element.clientWidth, focusable: (element as HTMLElement).tabIndex === 0 }))).toEqual({ scrolls: true, focusable: true });
		// A word of a cell is on one line: its cell is as tall as a line.
		const heights = await page.locator('.carnet-table th').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().height)));
		expect(new Set(heights).size).toBe(1);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('a page printed', () => {
	test('shows a folded callout open', async () => {
		const { context, page } = await openPage('/posts/table/', { width: 800, height: 1000 });
		const text = page.getByText('Text printed unfolded.');
		expect(await text.isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		expect(await text.isVisible()).toBe(true);
		await context.close();
	});
});

describe('on any screen', () => {
	test('a formula within a line sits on the baseline of the text, where the browser puts inline MathML', async () => {
		const { context, page } = await openPage('/posts/math/', { width: 1280, height: 800 });
		const tops = () => page.locator('.carnet-prose p math').evaluateAll((maths) => maths.map((math) => math.getBoundingClientRect().top));
		const styled = await tops();
		await page.addStyleTag({ content: '.carnet-prose .katex { display: inline !important; overflow: visible !important }' });
		expect(styled).toEqual(await tops());
		await context.close();
	});
});
