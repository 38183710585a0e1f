import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { smartPunctuationWritten } from '../../theme/markdown/smart-dashes.ts';

const ON = { dashes: true, ellipses: true };

/** `markdown` rendered by Sätteri, Astro's default processor, as HTML, with smart punctuation on as Astro sets it. */
async function render(markdown: string): Promise<string> {
	const renderer = await satteri().createRenderer({} as never);
	return (await renderer.render(markdown)).code;
}

describe('a paragraph of hundreds of dashes', () => {
	test.each([
		['a paragraph', (text: string) => `${text}\n`, (shown: string) => `<p>${shown}</p>`],
		['a table cell', (text: string) => `| x |\n|---|\n| ${text} |\n`, (shown: string) => `<td>${shown}</td>`],
	])('of 100 KB of "a -- " in %s renders to its en dashes in linear time', async (_, wrap, shownIn) => {
		const text = 'a -- '.repeat(20_000);
		const start = performance.now();
		const written = smartPunctuationWritten(wrap(text), ON);
		expect(written).toBe(wrap(text.replaceAll('--', '–')));
		const html = await render(written);
		// Sätteri took 23 s for the paragraph, and stopped on a string too long for JavaScript for the cell.
		expect(performance.now() - start).toBeLessThan(2000);
		expect(html).toContain(shownIn(text.trimEnd().replaceAll('--', '–')));
	});

	test('renders as the hyphens it was written with would, run lengths, emphasis, links, tags and tables included', async () => {
		const filler = 'x -- y ... z '.repeat(120);
		const samples = [
			'a -- b --- c ---- d ----- e ------- f ........ g',
			'`a -- b` and ``c -- d``',
			'[a -- b](http://x--y "t -- t") [c](<d -- e>) ![a -- b](c--d.png)',
			'<span title="a -- b">c -- d</span> <code>a -- b</code>',
			'www.a--b.com http://a--b.com a--b@c.com <https://a--b>',
			'$a -- b$ and $$c -- d$$',
			'a\\--b a-\\-b \\--- c',
			'*--a--* **--** _a--b_ "a -- b" \'c -- d\' don\'t--',
			'&ndash; -- &amp;-- <!-- a -- b --> c --> d',
			'[a]: http://a--b "t -- t"\n\n[x -- y][a]',
			'| a -- b | c |\n|--|:--:|\n| d -- e | f -- g |',
			'> a -- b\n> ---\n> c',
			'- a -- b\n- ---\n- c -- d',
			'a\n--\n\n-- a\n--- b',
			'a ~~b -- c~~ d',
		];
		for (const sample of samples) {
			// After the dashes, in their paragraph and on a line of its own; before them, unless it opens an HTML block.
			for (const body of [`${filler}${sample}\n`, `${filler}\n${sample}\n`, `${sample} ${filler}\n`]) {
				const written = smartPunctuationWritten(body, ON);
				if (!sample.startsWith('<')) expect(written, sample).not.toBe(body);
				expect(await render(written), sample).toBe(await render(body));
			}
		}
	});

	test('leaves -- in code spans, fences, indented code and HTML blocks as written', () => {
		const code = `\`${'a -- '.repeat(300)}\`\n\n\`\`\`\n${'b -- '.repeat(300)}\n\`\`\`\n\n    ${'c -- '.repeat(300)}\n\n<div>\n${'d -- '.repeat(300)}\n</div>\n`;
		expect(smartPunctuationWritten(code, ON)).toBe(code);
	});

	test('leaves an ordinary post as written, byte for byte', () => {
		const post = ['An aside -- like this --- and a pause...', '', '| a -- b | c |', '|---|---|', '', '---', '', '```sh', 'ls --all', '```', ''].join('\n');
		expect(smartPunctuationWritten(post, ON)).toBe(post);
		// Many dashes across the post, but no paragraph holding more than a few, leave it as written too.
		const many = `${post}\n${'A paragraph -- with a dash --- or two...\n\n'.repeat(200)}`;
		expect(smartPunctuationWritten(many, ON)).toBe(many);
	});

	test('leaves the hyphens as written when the site turned smart punctuation off', () => {
		const body = `${'a -- b ... '.repeat(300)}\n`;
		expect(smartPunctuationWritten(body, { dashes: false, ellipses: false })).toBe(body);
		expect(smartPunctuationWritten(body, { dashes: false, ellipses: true })).toBe(`${'a -- b … '.repeat(300)}\n`);
	});
});
