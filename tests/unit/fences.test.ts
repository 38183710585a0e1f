import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { emojiShortcodes } from '../../theme/markdown/emoji-shortcodes.ts';
import { codeSpanRanges, fencedLines, indentedCodeLines, maskCodeSpans, paragraphCodeSpans, unclosedFence, verbatimLines } from '../../theme/markdown/fences.ts';
import { highlightMarks } from '../../theme/markdown/highlight-marks.ts';

const SHORTCODE = /\{\{/;

/** What a code span shows: its text between its runs, line breaks as spaces, one space stripped from each side. */
function shown(span: string): string {
	const text = span.replace(/^`+/, '').replace(/`+$/, '').replaceAll('\n', ' ');
	return text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '' ? text.slice(1, -1) : text;
}

/** The cases among `cases` whose code spans, as codeSpanRanges() reads them, are not the code elements Sätteri renders. */
async function mismatchedWithSatteri(cases: readonly string[]): Promise<string[]> {
	const renderer = await satteri().createRenderer({} as never);
	const mismatched: string[] = [];
	for (const markdown of cases) {
		const $ = cheerio.load((await renderer.render(markdown)).code, null, false);
		const rendered = $('code').map((_, code) => $(code).text()).get();
		const read = codeSpanRanges(markdown).map(([start, end]) => shown(markdown.slice(start, end)));
		if (JSON.stringify(read) !== JSON.stringify(rendered)) mismatched.push(`${markdown}: ${JSON.stringify(read)}, Sätteri ${JSON.stringify(rendered)}`);
	}
	return mismatched;
}

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

	test('is not looked for past a list nested four thousand deep on one line, which the parser read in minutes', () => {
		// Its time grows with the cube of the markers: 2,000 `- ` took 2.6 s, 4,000 18 s.
		const started = performance.now();
		for (const nested of ['- '.repeat(4_000), '1. '.repeat(4_000), '> - '.repeat(2_000)]) {
			expect(indentedCodeLines(`${nested}x\n\nText\n\n    {{< a >}}`, SHORTCODE).size).toBe(0);
		}
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(indentedCodeLines(`${'- '.repeat(15)}x\n\nText\n\n    {{< a >}}`, SHORTCODE)).toEqual(new Set([5]));
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

	test("are a highlight block's lines up to its closing tag, a fence inside it left open or closed by a shorter line, the lines after it read as ever, as Hugo and Jekyll read the tags first", () => {
		for (const [opening, fence, closing] of [['{{< highlight md >}}', '```js', '{{< /highlight >}}'], ['{% highlight markdown %}', '````ruby', '{% endhighlight %}'], ['{% codeblock lang:js %}', '~~~js', '{% endcodeblock %}']] as const) {
			const lines = [opening, fence, 'let a = 1;', '```', closing, '', 'Prose {{< a >}}', '', '<div>', '{{< b >}}', '</div>', '', '```', '{{< c >}}', '```', 'After {{< d >}}'];
			expect([...verbatimLines(lines, SHORTCODE)].sort((a, b) => a - b), opening).toEqual([0, 1, 2, 3, 4, 8, 9, 10, 12, 13, 14]);
		}
	});

	test("with math, are none of a $$ block's lines, a fence among them included, and the code after the formula is read as ever; in a quote too", () => {
		const lines = ['$$', '```', '$$', '', 'Prose {{< a >}}', '', '```', '{{< b >}}', '```', '', '> $$', '> ```', '> $$', '>', '> Quoted {{< c >}}'];
		expect([...verbatimLines(lines, SHORTCODE, { math: true })].sort((a, b) => a - b)).toEqual([6, 7, 8]);
		// Without math, the fence in the formula opens code that the fence after it closes, and `{{< b >}}` is prose.
		expect([...verbatimLines(lines, SHORTCODE)].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14]);
	});
});

describe('code spans, as CommonMark finds them', () => {
	test('run from a run of backticks to the next run of as many, an unclosed run being text', () => {
		expect(codeSpanRanges('`` a ` b `` c')).toEqual([[0, 11]]);
		expect(codeSpanRanges('` x `` y ` z')).toEqual([[0, 10]]);
		expect(codeSpanRanges('a ` b `` c `` d')).toEqual([[6, 13]]);
		expect(maskCodeSpans('x `a`\nb ``c\nd`` e')).toBe('x    \nb    \n    e');
	});

	test('are closed by a run after a backslash, which is text inside a span, and opened by the rest of a run whose first backtick a backslash escapes', () => {
		expect(codeSpanRanges('``a\\`` {{< x >}}')).toEqual([[0, 6]]);
		expect(codeSpanRanges('a ``b\\`` c `d`')).toEqual([[2, 8], [11, 14]]);
		expect(codeSpanRanges('\\``a`')).toEqual([[2, 5]]);
		expect(codeSpanRanges('\\``a``')).toEqual([]);
		expect(codeSpanRanges('\\\\``a``')).toEqual([[2, 7]]);
	});

	test('are the code elements Sätteri renders, for runs of one to three backticks with backslashes before their openers and closers', async () => {
		const runs = ['`', '``', '```'];
		const cases: string[] = [];
		for (const before of ['', '\\', '\\\\', 'a\\\\\\'])
			for (const opener of runs)
				for (const inside of ['a', 'a\\', ' \\ ', 'a\\\\'])
					for (const closer of runs)
						for (const after of ['', ' `b`', '\\`', ' ``c``']) cases.push(`x ${before}${opener}${inside}${closer}${after}`);
		expect(cases).toHaveLength(576);
		expect(await mismatchedWithSatteri(cases)).toEqual([]);
	});

	test('are not opened by a backtick in a raw HTML tag, comment, processing instruction, declaration or CDATA, and are by one after a `<` that opens none', () => {
		const spans = (text: string) => codeSpanRanges(text).map(([start, end]) => text.slice(start, end));
		expect(spans('Press <abbr title="`">tick</abbr> then type `--flag`')).toEqual(['`--flag`']);
		expect(spans("a <x-y\ndata-a = '`'\n/> `b`")).toEqual(['`b`']);
		expect(spans('a <!-- ` --> `b` <? ` ?> <!DOCTYPE `> <![CDATA[ ` ]]> `c`')).toEqual(['`b`', '`c`']);
		expect(spans('a < b `c` and `<` and <a b=`c`>')).toEqual(['`c`', '`<`', '`c`']);
		expect(spans('`<abbr title="` ">`')).toEqual(['`<abbr title="`']);
	});

	test('are the code elements Sätteri renders, for raw HTML holding backticks and for a `<` that opens none', async () => {
		const html = [
			'<abbr title="`">',
			"<a title='`'>",
			'<a\ntitle="`">',
			'<a title="x\n`">',
			'<a title = "`" hidden>',
			'<a b="`"/>',
			'<a_b c="`">',
			'<a 1="`">',
			'<a b=`c`>',
			'<a b="`"',
			'</a `>',
			// A line of its own that opened with `>` would be a quote.
			'</a\n\t>`',
			'<!-- ` -->',
			'<!-- a -- ` -->',
			'<!--> `',
			'<!---> `',
			'<!-- `',
			'<? ` ?>',
			'<?> `?>',
			'<!DOCTYPE `>',
			'<!doctype `>',
			'<![CDATA[ ` ]]>',
			'<![cdata[ ` ]]>',
			'a < b `',
			'<`',
			'<1 `>',
			'\\<a title="`">',
			'<https://a.example/`>',
		];
		const cases: string[] = [];
		for (const before of ['', '`', '``'])
			for (const tag of html)
				for (const after of ['', ' `c`', ' ``d`` `', '\n`e` `']) cases.push(`x ${before}${tag}${after}`);
		expect(cases).toHaveLength(336);
		expect(await mismatchedWithSatteri(cases)).toEqual([]);
	});

	test('carry a span over the lines of its paragraph, not past a blank line, code or a new block', () => {
		const lines = ['A `span', 'over', 'lines` b `c`', '', 'd `e', '```', 'f`', '```', '# g `h', 'i` j'];
		const fenced = fencedLines(lines);
		expect(paragraphCodeSpans(lines, (index) => fenced[index] === true)).toEqual([
			{ head: 0, tail: 2 },
			{ head: 4, tail: 4 },
			{ head: 6, tail: 12 },
			{ head: 0, tail: 0 },
			{ head: 0, tail: 4 },
			{ head: 0, tail: 3 },
			{ head: 0, tail: 2 },
			{ head: 0, tail: 3 },
			{ head: 0, tail: 6 },
			{ head: 0, tail: 4 },
		]);
		expect(paragraphCodeSpans(['> a `b', '> c` d'], () => false)).toEqual([
			{ head: 0, tail: 4 },
			{ head: 4, tail: 6 },
		]);
	});

	test("leave a post's highlight and emoji after a tag whose attribute holds a backtick to be shown as a highlight and an emoji, its code span as code, in Sätteri's HTML", async () => {
		const body = 'Press <abbr title="`">tick</abbr> ==twice== :tada: then type `--flag`';
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(emojiShortcodes(highlightMarks(body)))).code, null, false);
		expect($('abbr').attr('title')).toBe('`');
		expect($('mark').text()).toBe('twice');
		expect($('p').text()).toContain('🎉');
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['--flag']);
	});

	test('are found in a paragraph of 100 KB of unclosed runs in linear time', () => {
		for (const text of [
			Array.from({ length: 20_000 }, (_, index) => '`'.repeat((index % 7) + 1)).join(' x\n'),
			Array.from({ length: 20_000 }, (_, index) => `\\${'`'.repeat((index % 7) + 1)}`).join(' x\n'),
			...['<!-- `', '<? `', '<![CDATA[ `', '<!X `', '<a b="`" c', "<a b='` ", '<a\nb `'].map((opener) => opener.repeat(100_000 / opener.length)),
		]) {
			const started = performance.now();
			codeSpanRanges(text);
			paragraphCodeSpans(text.split('\n'), () => false);
			expect(performance.now() - started).toBeLessThan(500);
		}
	});
});

describe('a fence that nothing closes (unclosedFence)', () => {
	test('is the line of a fence that takes every line after it to the end of the body into its code, as Sätteri shows it', async () => {
		const body = ['Intro.', '', '```sh', 'npm install', '', 'Then read on.', '', '## Next', '', 'More prose.', ''].join('\n');
		expect(unclosedFence(body)).toEqual({ line: 3, text: '```sh' });
		const $ = cheerio.load((await (await satteri().createRenderer({} as never)).render(body)).code, null, false);
		expect($('h2')).toHaveLength(0);
		expect($('pre code').text()).toContain('## Next');
	});

	test('is none for closed fences, one with nothing after it, one that a list item or a quote ends, one in an HTML block, and a longer one holding a shorter', () => {
		for (const body of [
			'```js\nx\n```\n\nProse.',
			'Prose.\n\n```js\n\n',
			'- item\n\n  ```js\n  x\n\nProse after the list.\n\nMore.',
			'> ```js\n> x\n\nProse after the quote.',
			'<pre>\n```\n</pre>\n\nProse.',
			'````md\n```js\nx\n```\n````\n\nProse.',
			'No fence at all.',
		]) {
			expect(unclosedFence(body), body).toBeUndefined();
		}
	});

	test('is none for a fence line inside $$ display math, which Sätteri shows as the formula, and is still the fence after the formula that nothing closes', async () => {
		const inMath = ['$$', '```', '$$', '', 'Prose.'].join('\n');
		const $ = cheerio.load((await (await satteri({ features: { math: true } }).createRenderer({} as never)).render(inMath)).code, null, false);
		expect($('p').text()).toBe('Prose.');
		expect(unclosedFence(inMath, { math: true })).toBeUndefined();
		expect(unclosedFence(inMath)).toEqual({ line: 2, text: '```' });
		expect(unclosedFence(['$$', '```', '$$', '', '```js', 'x', '```', '', '```sh', 'npm install', '', 'Prose.'].join('\n'), { math: true })).toEqual({ line: 9, text: '```sh' });
		expect(unclosedFence(['$$', '```', '$$', '', '```js', 'x', '', 'Prose.'].join('\n'), { math: true })).toEqual({ line: 5, text: '```js' });
		expect(unclosedFence(['```', '$$', '', 'Prose.'].join('\n'), { math: true })).toEqual({ line: 1, text: '```' });
	});
});
