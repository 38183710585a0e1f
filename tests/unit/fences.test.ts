import { describe, expect, test } from 'vitest';
import { fencedLines, indentedCodeLines, verbatimLines } from '../../theme/markdown/fences.ts';

const SHORTCODE = /\{\{/;

describe('indented code, as CommonMark finds it', () => {
	test('is the lines of indented blocks, in quotes too, and not the indented paragraph of a list item or a paragraph continued', () => {
		const body = ['Text', '', '    {{< a >}}', '    more', '', '> quoted', '>', '>     {{< b >}}', '', '- item', '', '    {{< c >}}', 'Text', '    {{< d >}}'].join('\n');
		expect([...indentedCodeLines(body, SHORTCODE)].sort((a, b) => a - b)).toEqual([3, 4, 8]);
	});

	test('is not looked for when no indented line holds what the pass rewrites', () => {
		expect(indentedCodeLines('Text\n\n    plain code\n\n{{< a >}}', SHORTCODE).size).toBe(0);
	});

	test('is not looked for in a body nested deeper than the parser reads quickly, or with more list items than it does', () => {
		const deepQuotes = `${'>'.repeat(16)} x\n\n    {{< a >}}`;
		const longList = `${Array.from({ length: 501 }, () => '- item').join('\n')}\n\nText\n\n    {{< a >}}`;
		expect(indentedCodeLines(deepQuotes, SHORTCODE).size).toBe(0);
		expect(indentedCodeLines(longList, SHORTCODE).size).toBe(0);
		expect(indentedCodeLines(`${'>'.repeat(15)} x\n\n    {{< a >}}`, SHORTCODE)).toEqual(new Set([3]));
	});
});

describe('fenced code, as CommonMark finds it', () => {
	test('is not opened by three backticks with a backtick later on the line (a code span), and is by tildes followed by one', () => {
		expect(fencedLines(['```{% sidenote a %}```', '{% real %}', '```js', 'code', '```'])).toEqual([false, false, true, true, true]);
		expect(fencedLines(['~~~ `x`', 'code', '~~~', 'text'])).toEqual([true, true, true, false]);
	});
});

describe('lines shown as written (verbatimLines)', () => {
	test('are the code and HTML blocks in lists and quotes, and are none in 40,000 lines of prose, read without the parser', () => {
		const lines = ['{{< a >}}', '', '- item', '', '      {{< b >}}', '', '>     {{< c >}}', '', '1. <div>', '   {{< d >}}', '   </div>', '', '> ~~~', '> {{< e >}}'];
		expect([...verbatimLines(lines, SHORTCODE)].sort((a, b) => a - b)).toEqual([4, 6, 8, 9, 10, 12, 13]);
		const prose = Array.from({ length: 40_000 }, (_, index) => (index % 100 === 0 ? '{{< a >}} and [b]' : index % 10 === 9 ? '' : 'x y'));
		const started = performance.now();
		expect(verbatimLines(prose, SHORTCODE).size).toBe(0);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
