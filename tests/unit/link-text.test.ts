import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../theme/i18n/index.ts';
import { bodyFeatures } from '../../theme/integration/body-features.ts';
import { installBodyPlugins } from '../../theme/integration/markdown.ts';
import { bodyTransforms } from '../../theme/markdown/transforms.ts';
import { urlsInLinksAsText } from '../../theme/utils/link-text.ts';

/** `markdown` as the Markdown processor renders it with the theme's plugins, then the address-text pass, as a post's body is. */
async function rendered(name: 'satteri' | 'unified', markdown: string): Promise<cheerio.CheerioAPI> {
	const processor = name === 'satteri' ? satteri() : unified();
	const { features, strings } = bodyFeatures({ callouts: true, math: true, code: true, figures: true }, createTranslator('en'), 'prism');
	installBodyPlugins({ processor, gfm: true } as never, bodyTransforms({ french: false, base: '/' }), features, strings, { warn: () => {} } as never);
	const renderer = await processor.createRenderer({ gfm: true } as never);
	const { code } = await renderer.render(markdown, { frontmatter: {} });
	return cheerio.load(urlsInLinksAsText(code), null, false);
}

describe.each(['satteri', 'unified'] as const)('addresses in the text of a raw HTML link, under the %s processor', (name) => {
	test("keeps the address written as a raw HTML link's text as its text, spaces and all (matrix.org's posts)", async () => {
		const $ = await rendered(name, 'At <a href="/~m/2015 Jardin.pdf">https://matrix.org/~m/2015 Jardin.pdf</a> and <a href="/demo.html">see www.example.org or me@example.org</a>.');
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual([
			'/~m/2015 Jardin.pdf https://matrix.org/~m/2015 Jardin.pdf',
			'/demo.html see www.example.org or me@example.org',
		]);
	});

	test('still links an address after an anchor that holds nothing (<a name="x"/>, <a id="x"></a>)', async () => {
		const $ = await rendered(name, '<a name="install"/>Visit https://example.com/a for details. <a id="b"></a> and https://example.com/b.\n\nNext paragraph.');
		expect($('a[href]').map((_, link) => $(link).attr('href')).get()).toEqual(['https://example.com/a', 'https://example.com/b']);
		expect($('p').last().text()).toBe('Next paragraph.');
	});

	test('keeps the text of a link whose address is unquoted (href=/docs/), of a named anchor, and of one with a < in an attribute', async () => {
		const $ = await rendered(name, 'A <a name="source">https://example.com/source</a> and <a href="/x" title="a < b">https://example.com/x</a>.');
		expect($('a').map((_, link) => `${$(link).attr('href') ?? $(link).attr('name')} ${$(link).text()}`).get()).toEqual(['source https://example.com/source', '/x https://example.com/x']);
		// Sätteri reads no unquoted address ending in a slash as HTML (it shows the tag as text); unified does.
		if (name === 'unified') {
			const unquoted = await rendered(name, 'A <a href=/docs/>https://example.com/docs/</a>.');
			expect(unquoted('a').map((_, link) => `${unquoted(link).attr('href')} ${unquoted(link).text()}`).get()).toEqual(['/docs/ https://example.com/docs/']);
		}
	});

	test('reads a line of thousands of unclosed links in good time', () => {
		const html = `<p>${'<a x '.repeat(20_000)}</p>`;
		const started = performance.now();
		expect(urlsInLinksAsText(html)).toBe(html);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('still links an address in prose, and leaves a Markdown link written inside a raw one as it is', async () => {
		const $ = await rendered(name, 'Go to https://example.com/a. <a href="/y">[text](https://example.net)</a>');
		expect($('a').map((_, link) => $(link).attr('href')).get()).toEqual(['https://example.com/a', '/y', 'https://example.net']);
	});
});
