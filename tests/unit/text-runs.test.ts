import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { mdxToHast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { TEXT_BREAK, textRunsBroken, withoutTextBreaks } from '../../theme/markdown/text-runs.ts';

/** `markdown` rendered by Sätteri, Astro's default processor, as HTML, with smart punctuation on as Astro sets it. */
async function render(markdown: string): Promise<string> {
	const renderer = await satteri().createRenderer({} as never);
	return (await renderer.render(markdown)).code;
}

interface Tree {
	type: string;
	value?: string;
	children?: Tree[];
	position?: unknown;
	data?: unknown;
}

/** `mdx` as Sätteri's MDX compiler reads it, as an HTML tree: its empty comments left out and its adjacent texts joined, as a page shows them. */
function mdxTree(mdx: string): Tree {
	const shown = (node: Tree): Tree => {
		const children: Tree[] = [];
		for (const child of node.children ?? []) {
			if (child.type === 'mdxTextExpression' && child.value === '/**/') continue;
			const kept = shown(child);
			const last = children.at(-1);
			if (kept.type === 'text' && last?.type === 'text') last.value = `${last.value}${kept.value}`;
			else children.push(kept);
		}
		const { position: _position, data: _data, ...rest } = node;
		return node.children ? { ...rest, children } : rest;
	};
	return shown(mdxToHast(mdx, { features: { gfm: true, smartPunctuation: true } }) as Tree);
}

/** The most quotes, `&` and doubled `-` or `.` one piece of `text` between breaks holds. */
function mostMarksInAPiece(text: string, mark: string): number {
	return Math.max(...text.split(mark).map((piece) => (piece.match(/["'&]|--|\.\./g) ?? []).length));
}

const FILLER = 'He said "she said \'no\' and \'yes\' then" and don\'t &amp; &eacute; &#8212; x -- y... '.repeat(40);
const SAMPLES = [
	'a "b" c \'d\' e',
	'"a `b "c" d` e" f',
	'"a [b "c" d](http://x.com "t \'q\' t") e" [f \'g\'][r] \'h\'',
	'"a *b "c" d* e" **\'f\'** _"g"_ ~~"h"~~',
	'<span title="a \'b\' c">"d" e</span> \'f\'',
	'$a "b" c$ and "d"',
	'rock \'n\' roll, the \'90s, \'tis, "a"b"c", a"b c\'d',
	'| a "b" | c \'d\' |\n|---|---|\n| "e" f | g\'s |',
	'> a "b" c\n> "d e" f',
	'- a "b" c\n- "d e" f\n\n1. "g" h',
	'# a "b" c',
	'www.example.com/a"b" http://x.com/"y" a@b.com "z"',
	'&amp; &lt;b&gt; &quot;x&quot; &#39;y&#39; &nosuch; & amp',
	'[a]: http://x "t \'a\' t"\n\n"[a]"',
	'"unclosed \'single and "double',
	'\\"escaped\\" \'quote\\\'',
];

describe('a paragraph of hundreds of quotes or character references', () => {
	test.each([
		['a paragraph', (text: string) => `${text}\n`, 'p'],
		['a table cell', (text: string) => `| x |\n|---|\n| ${text} |\n`, 'td'],
		['a list item', (text: string) => `- ${text}\n`, 'li'],
		['a heading', (text: string) => `## ${text}\n`, 'h2'],
		['a quote', (text: string) => `> ${text}\n`, 'blockquote p'],
	])('of 100 KB in %s is broken into pieces of a few dozen marks, and shows its curly quotes', async (_, wrap, element) => {
		const text = 'a "b" c \'d\' don\'t &amp; '.repeat(4_000);
		const written = textRunsBroken(wrap(text), { mdx: false });
		// Sätteri's time is each text's marks times its length: 33 s for the paragraph, and in the cell a string too long for JavaScript.
		expect(mostMarksInAPiece(written, TEXT_BREAK)).toBeLessThanOrEqual(70);
		const html = withoutTextBreaks(await render(written));
		expect(html).not.toContain('<!--');
		expect(cheerio.load(html)(element).text().trim()).toBe('a “b” c ‘d’ don’t & '.repeat(4_000).trimEnd());
	});

	test('renders to the HTML Sätteri makes of it as written, quotes around code, links, emphasis, tags and references included', async () => {
		for (const sample of SAMPLES) {
			// After the quotes, in their paragraph and on a line of its own; before them, unless it opens an HTML block.
			for (const body of [`${FILLER}${sample}\n`, `${FILLER}\n${sample}\n`, `${sample} ${FILLER}\n`, `${sample}\n\n${FILLER}\n`]) {
				const written = textRunsBroken(body, { mdx: false });
				if (!sample.startsWith('<')) expect(written, sample).not.toBe(body);
				expect(withoutTextBreaks(await render(written)), sample).toBe(await render(body));
			}
		}
	});

	test('is broken after a hyphen once the line\'s markers are behind it, and renders what Sätteri makes of it as written', async () => {
		const bodies = [
			`Intro.\n\n${'a \\<!-- '.repeat(300)}\n`,
			`${'x -- y '.repeat(300)}\n`,
			`- -- a -- b ${'x -- '.repeat(300)}\n- -- c\n`,
			`> - -- ${'x -- '.repeat(300)}\n`,
		];
		for (const body of bodies) {
			const written = textRunsBroken(body, { mdx: false });
			expect(written, body.slice(0, 20)).not.toBe(body);
			// Never right after a line's markers, where `<!--` would open an HTML block.
			expect(written).not.toMatch(/^[\s>*+\-\d.)]*<!---->/m);
			expect(withoutTextBreaks(await render(written)), body.slice(0, 20)).toBe(await render(body));
		}
	});

	test('in MDX, is broken by empty comments and reads as Sätteri reads it as written', () => {
		for (const sample of SAMPLES.filter((text) => !/[<$]/.test(text))) {
			for (const body of [`${FILLER}${sample}\n`, `${sample}\n\n${FILLER}\n`]) {
				const written = textRunsBroken(body, { mdx: true });
				expect(written, sample).toContain('{/**/}');
				expect(mdxTree(written), sample).toEqual(mdxTree(body));
			}
		}
	});

	test('in MDX, leaves a paragraph inside an expression or an export, or holding a tag or an expression, as written', () => {
		const quotes = 'word "a" b '.repeat(300);
		for (const body of [
			`{[\n\n${quotes}\n\n]}\n`,
			`export const words = [\n\n${quotes}\n\n]\n`,
			`import { A } from './a'\n\n<A>${quotes}</A>\n`,
			`${quotes} {1 + 1}\n`,
		]) {
			expect(textRunsBroken(body, { mdx: true })).toBe(body);
		}
		expect(textRunsBroken(`export const a = 1\n\n${quotes}\n`, { mdx: true })).toContain('{/**/}');
	});

	test('leaves quotes in code, HTML blocks, link labels, destinations and definitions as written', () => {
		const quotes = 'word "a" b '.repeat(300);
		const code = `\`${quotes}\`\n\n\`\`\`\n${quotes}\n\`\`\`\n\n    ${quotes}\n\n<div>\n${quotes}\n</div>\n`;
		expect(textRunsBroken(code, { mdx: false })).toBe(code);
		const label = `[${'word "a" b '.repeat(40)}]`;
		const destination = `(/a "${'word \'a\' b '.repeat(40)}")`;
		const definition = `[r]: /b "${'word \'a\' b '.repeat(40)}"`;
		const written = textRunsBroken(`${quotes}${label}[r] ${quotes}[a]${destination} ${quotes}\n${definition}\n`, { mdx: false });
		expect(written).toContain(TEXT_BREAK);
		for (const part of [label, destination, definition]) expect(written).toContain(part);
	});

	test('leaves an ordinary post as written, byte for byte', () => {
		const post = ['He said "hello" and didn\'t wait: it\'s the \'90s & more.', '', '| "a" | b |', '|---|---|', '', '```sh', 'echo "a" \'b\'', '```', ''].join('\n');
		expect(textRunsBroken(post, { mdx: false })).toBe(post);
		expect(textRunsBroken(post, { mdx: true })).toBe(post);
		// Many quotes across the post, but no paragraph holding more than a few dozen, leave it as written too.
		const many = `${post}\n${'A "quoted" word, an \'aside\' &amp; an apostrophe\'s.\n\n'.repeat(200)}`;
		expect(textRunsBroken(many, { mdx: false })).toBe(many);
	});

	test('is broken in linear time, whatever it holds', () => {
		const start = performance.now();
		for (const text of ['a "b" '.repeat(20_000), `[${'a "b" '.repeat(20_000)}`, '"'.repeat(100_000), `a ${'&amp;'.repeat(20_000)}`, `{${'a "b" '.repeat(20_000)}`]) {
			textRunsBroken(`${text}\n`, { mdx: false });
			textRunsBroken(`${text}\n`, { mdx: true });
		}
		// Ten passes over 100 KB: a pattern that backtracked, or a bracket or brace read to the end from each one, would take minutes.
		expect(performance.now() - start).toBeLessThan(2000);
	});
});
