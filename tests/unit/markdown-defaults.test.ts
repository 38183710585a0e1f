import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { AstroConfig } from 'astro';
import { markdownDefaults } from '../../theme/integration/markdown.ts';
import { repoRoot } from '../helpers/sites.ts';

// Astro's own validation, which fills in its defaults; its package does not export it, so it is loaded from its file.
const { validateConfig } = (await import(pathToFileURL(path.join(repoRoot, 'node_modules/astro/dist/core/config/validate.js')).href)) as {
	validateConfig: (config: unknown, root: string, command: string) => Promise<AstroConfig>;
};

/** A site's `markdown` configuration as Astro resolves it, defaults filled in. */
async function resolved(markdown: Record<string, unknown>): Promise<AstroConfig['markdown']> {
	return (await validateConfig({ markdown }, repoRoot, 'build')).markdown;
}

describe('the code highlighter', () => {
	test("is Prism when the site left Astro's default", async () => {
		expect(markdownDefaults(await resolved({}))).toEqual({ syntaxHighlight: { type: 'prism', excludeLangs: ['math'] } });
	});

	test('stays Shiki when the site chose it, or set any Shiki option of its own', async () => {
		for (const markdown of [
			{ syntaxHighlight: 'shiki' },
			{ syntaxHighlight: { type: 'shiki' } },
			{ shikiConfig: { theme: 'nord' } },
			{ shikiConfig: { wrap: true } },
			{ shikiConfig: { transformers: [{ name: 'mine' }] } },
			{ shikiConfig: { defaultColor: false } },
			{ shikiConfig: { langAlias: { cjs: 'javascript' } } },
		]) {
			expect(markdownDefaults(await resolved(markdown)), JSON.stringify(markdown)).toBeUndefined();
		}
	});

	test("leaves Prism and no highlighting as the site set them", async () => {
		expect(markdownDefaults(await resolved({ syntaxHighlight: 'prism' }))).toBeUndefined();
		expect(markdownDefaults(await resolved({ syntaxHighlight: false }))).toBeUndefined();
	});
});
