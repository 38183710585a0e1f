import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, started as the machine's notes require: never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Console errors, uncaught errors and failed requests of a page, as they happen. */
export function watchProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
	});
	return problems;
}

/** axe-core's violations on the page (WCAG 2.0/2.1 A and AA, best practices), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Starts adding up the page's layout shifts not caused by the reader's input; call before navigating. */
export async function trackLayoutShift(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const state = window as unknown as { carnetLayoutShift: number };
		state.carnetLayoutShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
				if (!entry.hadRecentInput) state.carnetLayoutShift += entry.value;
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/** The layout shift added up since the page loaded, once late images and fonts have settled. */
export async function layoutShift(page: Page): Promise<number> {
	await page.waitForTimeout(500);
	return page.evaluate(() => (window as unknown as { carnetLayoutShift: number }).carnetLayoutShift);
}
