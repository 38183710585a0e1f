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

	test('keeps the links, images and footnotes whose label holds --, shown as Sätteri shows them with every -- as written, their definitions before or after', async () => {
		const filler = 'w -- '.repeat(201);
		const definitions = [
			'[the docs -- part two]: https://example.com/docs',
			'[id -- y]: https://example.com/id',
			'[img -- z]: https://example.com/z.png',
			'[a -- b]: https://example.com/ab',
			'[^a--b]: A note -- here.',
			'[^c -- d]: Another note.',
		].join('\n');
		const samples = [
			'See [the docs -- part two] and [text][id -- y].',
			'A collapsed [The Docs  --  PART two][] and a full [text -- t][id -- y].',
			'An image ![pic -- alt][img -- z], a shortcut one ![img -- z] and one inline ![a -- b](/x.png).',
			'Notes[^a--b] and[^c -- d].',
			'A wiki link [[a -- b]] and [[e -- f]].',
			'Inline [a -- b](https://example.com/inline) and [x -- y](https://example.com/x), [a -- b](not a destination).',
			'Escaped \\[a -- b] and \\\\[a -- b], undefined [g -- h] and [a -- b\\] -- c].',
			'Over lines [the docs --\npart two] and [id\n-- y].',
		];
		for (const sample of samples) {
			for (const body of [`${definitions}\n\n${filler}${sample}\n`, `${filler}${sample}\n\n${definitions}\n`, `${definitions}\n${filler}\n${sample}\n`]) {
				const written = smartPunctuationWritten(body, ON);
				expect(written, sample).not.toBe(body);
				expect(await render(written), sample).toBe(await render(body));
			}
		}
		const items = `- [ ] ${filler}[a -- b]\n- [x] [a -- b] c -- d\n\n${definitions}\n`;
		expect(await render(smartPunctuationWritten(items, ON))).toBe(await render(items));
		const repro = `${filler}\nSee [the docs -- part two] and [text][id -- y].\n\n${definitions}\n`;
		expect(await render(smartPunctuationWritten(repro, ON))).toContain('See <a href="https://example.com/docs">the docs – part two</a> and <a href="https://example.com/id">text</a>.');
	});

	test('renders 100 KB of "[a -- b] " in linear time, its label undefined', async () => {
		const body = `${'[a -- b] '.repeat(11_000)}\n`;
		const start = performance.now();
		expect(await render(smartPunctuationWritten(body, ON))).toBe(`<p>${'[a – b] '.repeat(11_000).trimEnd()}</p>\n`);
		expect(performance.now() - start).toBeLessThan(2000);
	});

	test('renders 100 KB of "[a -- b] " in linear time, its label defined: the first 200 are links, the others text, given with the line of the first of them', async () => {
		const body = `Intro.\n\n${'[a -- b] '.repeat(100)}\n${'[a -- b] '.repeat(10_900)}\n\n[a -- b]: https://example.com/ab\n`;
		const unlinked: [number, string][] = [];
		const start = performance.now();
		const html = await render(smartPunctuationWritten(body, ON, (line, label) => unlinked.push([line, label])));
		expect(performance.now() - start).toBeLessThan(2000);
		const link = '<a href="https://example.com/ab">a – b</a>';
		expect(html).toBe(`<p>Intro.</p>\n<p>${`${link} `.repeat(100).trimEnd()}\n${`${link} `.repeat(100)}${'[a – b] '.repeat(10_800).trimEnd()}</p>\n`);
		expect(unlinked).toEqual([[4, 'a -- b']]);
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
