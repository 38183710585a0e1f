import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import remarkMath from 'remark-math';
import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../theme/i18n/index.ts';
import { bodyFeatures } from '../../theme/integration/body-features.ts';
import { installBodyPlugins, markdownSyntaxOf, type MarkdownSyntax } from '../../theme/integration/markdown.ts';
import { mdxSummaryOf } from '../../theme/integration/mdx-summary.ts';
import { summaryOf } from '../../theme/utils/summary.ts';
import { renderedMarkdown } from '../helpers/post-html.ts';

describe('the summary of an MDX post without a description', () => {
	test('is the text of its first paragraph, without its imports, exports and expressions', () => {
		const body = "import Callout from '../components/Callout.astro';\nexport const year = 2024;\n\n{year > 2000 && <span>Hidden</span>}\n\nFirst <em>words</em> of {year} the **post**.<br/>Same paragraph.\n\nSecond.\n";
		expect(mdxSummaryOf(body)).toBe('First words of the post. Same paragraph.');
	});

	test('reads the text of components as prose, and leaves out code, tables and images', () => {
		const body = '![A chart](./chart.png)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\ncode()\n```\n\n<Callout>\n  Inside the callout.\n</Callout>\n';
		expect(mdxSummaryOf(body)).toBe('Inside the callout.');
	});

	test("is the text before Docusaurus's divider, written as an MDX or an HTML comment", () => {
		expect(mdxSummaryOf('One.\n\nTwo.\n\n{/* truncate */}\n\nRest.\n')).toBe('One. Two.');
		expect(mdxSummaryOf('One.\n\nTwo.\n\n<!-- truncate -->\n\nRest.\n')).toBe('One. Two.');
		expect(mdxSummaryOf('One.\n\n---\n\nRest.\n', '---')).toBe('One.');
	});

	test('is undefined for a body the MDX compiler cannot read, or without prose', () => {
		expect(mdxSummaryOf('Text {unclosed\n')).toBeUndefined();
		expect(mdxSummaryOf("import x from './x.js';\n\n<Chart data={x} />\n")).toBeUndefined();
	});
});

describe('an expression in the summary of an MDX post', () => {
	test('is left out when its value is known only as the page renders, the space and punctuation around it mended', () => {
		expect(mdxSummaryOf('The second line of {frontmatter.title}.\n')).toBe('The second line of.');
		expect(mdxSummaryOf('Sold {1 + 1} copies, {props.x}, in a week.\n')).toBe('Sold copies, in a week.');
		expect(mdxSummaryOf('The value ({props.x}) is small; {props.y}!\n')).toBe('The value is small!');
		expect(mdxSummaryOf('{props.count}, said **the author** {props.x}.\n')).toBe('said the author.');
		expect(mdxSummaryOf('Sold in a week, {props.x}\n')).toBe('Sold in a week');
	});

	test('is left out with the space around it when it is a comment', () => {
		expect(mdxSummaryOf('a {/* c */} b\n')).toBe('a b');
		expect(mdxSummaryOf('a {// c\n} b\n')).toBe('a b');
	});

	test('is its text when it is a string or a number written as a literal', () => {
		expect(mdxSummaryOf('One {"two"} {\'three\'} {`four`} {5}.\n')).toBe('One two three four 5.');
		expect(mdxSummaryOf('One {`two ${props.x}`} three.\n')).toBe('One three.');
		expect(mdxSummaryOf('{"A line of its own."}\n\nNext.\n')).toBe('A line of its own.');
	});
});

describe('the summary of an MDX paragraph', () => {
	/** The summary of `text` as a Markdown post's body, rendered as a build renders it. */
	async function markdownSummary(text: string): Promise<string | undefined> {
		return summaryOf((await renderedMarkdown(text)).html());
	}

	test.each([
		['a footnote mark', 'A claim[^1] stands.\n\n[^1]: The source.\n'],
		['struck text', 'It costs ~~ten~~ five euros.\n'],
		['an address as a link', 'See www.example.com and https://example.org/a for more.\n'],
		['inline math', 'The value $x^2$ grows, and so does $\\frac{1}{2}$.\n'],
		['a price between dollars', 'It costs $5 and $10 now.\n'],
		['display math', '$$\nx = 1\n$$\n\nAfter the formula.\n'],
		['a table', '| a | b |\n| - | - |\n| 1 | 2 |\n\nUnder the table.\n'],
	])('with %s is the summary of the same Markdown', async (_, text) => {
		expect(mdxSummaryOf(text)).toBe(await markdownSummary(text));
	});

	test('keeps a formula written as plain text and leaves out one in TeX, mended as around an expression', () => {
		expect(mdxSummaryOf('Let $n$ be the count, so does $\\frac{1}{2}$.\n')).toBe('Let n be the count, so does.');
	});

	test('shows dollars and footnote marks as written where the site reads neither math nor GFM', () => {
		expect(mdxSummaryOf('The value $x$ grows[^1] ~~fast~~.\n', undefined, { gfm: false, math: false })).toBe('The value $x$ grows[^1] ~~fast~~.');
	});
});

describe('the syntax MDX summaries are read with', () => {
	/** markdownSyntaxOf() a Markdown config whose processor has the theme's plugins, as the integration installs them. */
	function syntaxOf(name: 'satteri' | 'unified', { gfm, math }: { gfm: boolean; math: boolean }): MarkdownSyntax {
		const processor = name === 'satteri' ? satteri() : unified();
		const markdown = { processor, gfm } as never;
		const { features, strings } = bodyFeatures({ callouts: true, math, code: true, figures: true }, createTranslator('en'), 'prism');
		installBodyPlugins(markdown, [], features, strings, { warn: () => {} } as never);
		return markdownSyntaxOf(markdown);
	}

	test.each(['satteri', 'unified'] as const)('is what the %s processor reads: GFM as markdown.gfm says, math as the theme option does', (name) => {
		expect(syntaxOf(name, { gfm: true, math: true })).toEqual({ gfm: true, math: true });
		expect(syntaxOf(name, { gfm: false, math: false })).toEqual({ gfm: false, math: false });
	});

	test("follows the processor's own setting over the site's markdown.gfm", () => {
		expect(markdownSyntaxOf({ processor: satteri({ features: { gfm: false, math: true } }), gfm: true } as never)).toEqual({ gfm: false, math: true });
		expect(markdownSyntaxOf({ processor: unified({ gfm: false, remarkPlugins: [remarkMath] }), gfm: true } as never)).toEqual({ gfm: false, math: true });
	});
});
