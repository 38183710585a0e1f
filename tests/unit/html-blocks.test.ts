import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { indentedHtmlInBlocks, preInHtmlBlocks, spacedRawEndTags, withoutScopedStyles } from '../../theme/markdown/html-blocks.ts';
import { renderedPost } from '../helpers/post-html.ts';

// The demo's preset; a table written without <tbody> is the post's own, which browsers read whole.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-tbody': 'off' } });

/** `body` read by indentedHtmlInBlocks() then rendered by Sätteri, with html-validate's errors on the result. */
async function render(body: string): Promise<{ $: cheerio.CheerioAPI; errors: string[] }> {
	const renderer = await satteri().createRenderer({ syntaxHighlight: false });
	const { code } = await renderer.render(indentedHtmlInBlocks(body), {});
	const report = await validator.validateString(code);
	return { $: cheerio.load(code, null, false), errors: report.results.flatMap(({ messages }) => messages.map(({ ruleId, message }) => `${ruleId}: ${message}`)) };
}

/** Each row of the first table in `$`, as the trimmed text of its cells. */
function rowsOf($: cheerio.CheerioAPI): string[][] {
	return $('table tr')
		.toArray()
		.map((row) => $(row).children().toArray().map((cell) => `${cell.tagName} ${$(cell).text().trim()}`));
}

describe("a list's or a table's markup indented inside its element after a blank line", () => {
	test('is unindented, each line in its place, so that the list item is HTML rather than code', () => {
		const body = ['Anyhow:', '<blockquote>', '<ul>', '    <li>First.</li>', '', '    <li>Second.</li>', '</ul>', '</blockquote>'].join('\n');
		expect(indentedHtmlInBlocks(body).split('\n')).toEqual(['Anyhow:', '<blockquote>', '<ul>', '    <li>First.</li>', '', '<li>Second.</li>', '</ul>', '</blockquote>']);
	});

	test('is left as code outside an open element, once the element is closed, or when a line of it is text', () => {
		const shown = 'Here is the markup:\n\n    <div class="x">\n      <p>Hi</p>\n    </div>\n';
		expect(indentedHtmlInBlocks(shown)).toBe(shown);
		const closed = '<div>\n<p>Done.</p>\n</div>\n\n    <p>An example.</p>\n';
		expect(indentedHtmlInBlocks(closed)).toBe(closed);
		const text = '<div>\n\n    <div class="x">\n    Some text\n    </div>\n</div>\n';
		expect(indentedHtmlInBlocks(text)).toBe(text);
		const fenced = '<div>\n\n```html\n    <li>x</li>\n```\n</div>\n';
		expect(indentedHtmlInBlocks(fenced)).toBe(fenced);
		// Samples of other markup inside a wrapper, as migrated WordPress posts have them, stay code.
		const samples = '<div class="entry">\n\n    <dependency>\n      <groupId>junit</groupId>\n    </dependency>\n\n</div>\n<details>\n\n    <iframe src="https://example.com"></iframe>\n\n</details>\n';
		expect(indentedHtmlInBlocks(samples)).toBe(samples);
	});

	test("a line that is only an open element's closing tag is unindented, as notebooks' exports write it", () => {
		const body = ['<div class="cell">', '<p>Output.</p>', '', '    </div>', '', '<details><summary>More</summary>', '', 'Text.', '', '    </details>', '', 'After.'].join('\n');
		expect(indentedHtmlInBlocks(body).split('\n')).toEqual(['<div class="cell">', '<p>Output.</p>', '', '</div>', '', '<details><summary>More</summary>', '', 'Text.', '', '</details>', '', 'After.']);
	});

	// mmistakes/minimal-mistakes' markup-title-with-special-characters post, as WordPress exports write tables too.
	const table = ['<table>', '  <tr>', '    <td>', '      !', '    </td>', '', '    <td>', '      #', '    </td>', '  </tr>', '</table>'];

	test('is HTML with the text of its cells on lines of their own, so that each cell stays in its row', async () => {
		const { $, errors } = await render(table.join('\n'));
		expect(rowsOf($)).toEqual([['td !', 'td #']]);
		expect($('pre').length).toBe(0);
		expect(errors).toEqual([]);
	});

	test('is HTML in a head and a body of header cells, with tabs, CRLF or blank lines of spaces, and in nested lists', async () => {
		const sections = ['<table>', '  <thead>', '    <tr>', '      <th>', '        Name', '      </th>', '  ', '      <th>', '        <em>Age</em>', '      </th>', '    </tr>', '  </thead>', '  <tbody>', '    <tr>', '      <td>', '        Bob', '      </td>', '', '      <td>', '        27', '      </td>', '    </tr>', '  </tbody>', '</table>'];
		for (const body of [sections.join('\n'), sections.join('\r\n'), sections.map((line) => line.replaceAll('  ', '\t')).join('\n')]) {
			const { $, errors } = await render(body);
			expect(rowsOf($)).toEqual([['th Name', 'th Age'], ['td Bob', 'td 27']]);
			expect($('th em').text()).toBe('Age');
			expect(errors).toEqual([]);
		}
		const lists = ['<ul>', '  <li>', '    <ul>', '      <li>', '        First', '      </li>', '', '      <li>', '        Second', '      </li>', '    </ul>', '  </li>', '</ul>'];
		const { $, errors } = await render(lists.join('\n'));
		expect($('ul ul > li').map((_, item) => $(item).text().trim()).get()).toEqual(['First', 'Second']);
		expect($('pre').length).toBe(0);
		expect(errors).toEqual([]);
	});

	test("shows a cell's Markdown as kramdown does, as written inside the HTML, and after a blank line inside the cell as Markdown", async () => {
		const written = await render(['<table>', '  <tr>', '    <td>', '      **a**', '    </td>', '', '    <td>', '      **b**', '    </td>', '  </tr>', '</table>'].join('\n'));
		expect(rowsOf(written.$)).toEqual([['td **a**', 'td **b**']]);
		const read = await render(['<table>', '  <tr>', '    <td>', '      a', '    </td>', '', '    <td>', '      b', '', '      **c**', '    </td>', '  </tr>', '</table>'].join('\n'));
		expect(rowsOf(read.$).map((row) => row.map((cell) => cell.replace(/\s+/g, ' ')))).toEqual([['td a', 'td b c']]);
		expect(read.$('td > p > strong').text()).toBe('c');
		expect(read.errors).toEqual([]);
	});

	test('keeps the indentation of the text in a cell, which a <pre> inside it shows', () => {
		const body = ['<table><tr>', '<td>a</td>', '', '    <td>', '      <pre>', '        indented', '      </pre>', '    </td>', '</tr></table>'];
		expect(indentedHtmlInBlocks(body.join('\n')).split('\n')).toEqual(['<table><tr>', '<td>a</td>', '', '<td>', '      <pre>', '        indented', '      </pre>', '</td>', '</tr></table>']);
	});

	test('is left as code when it shows a table after a paragraph, or when its text is outside a cell or item it opens', async () => {
		const shown = ['Here is the markup:', '', ...table.map((line) => `    ${line}`)].join('\n');
		expect(indentedHtmlInBlocks(shown)).toBe(shown);
		expect((await render(shown)).$('pre code').text()).toBe(`${table.join('\n')}\n`);
		const command = '<ul>\n<li>Run:\n\n    npm install\n\n</li>\n</ul>\n';
		expect(indentedHtmlInBlocks(command)).toBe(command);
		const after = '<ul>\n<li>One</li>\n\n    <li>Two</li>\n    npm install\n</ul>\n';
		expect(indentedHtmlInBlocks(after)).toBe(after);
	});

	test('is read in linear time on a body of thousands of open elements', () => {
		const started = performance.now();
		indentedHtmlInBlocks('<div>\n\n    <li>x</li>\n\n'.repeat(10_000));
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('is read in well under the time limit beside a line of 20,000 inline tags, where each tag read the whole line again', () => {
		const body = `<ul>\n\n    <li>a</li>\n</ul>\n\n${'<b>a</b>'.repeat(20_000)}\n`;
		const started = performance.now();
		expect(indentedHtmlInBlocks(body)).toBe(body.replace('    <li>', '<li>'));
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('is read in a post that has a line of thousands of links', () => {
		const body = `<ul>\n\n    <li>a</li>\n</ul>\n\n${'[a](#b) '.repeat(2_001)}\n`;
		expect(indentedHtmlInBlocks(body)).toBe(body.replace('    <li>', '<li>'));
	});
});

describe("nbconvert's <style scoped>", () => {
	test('is left out, each line in its place and the text after its </style> kept, only when a blank line is inside it and not in code', () => {
		const body = ['<div>', '<style scoped>', '    .a { }', '', '    .b { }', '</style><table>', '</div>'].join('\n');
		expect(withoutScopedStyles(body)).toEqual({ body: ['<div>', '', '', '', '', '<table>', '</div>'].join('\n'), lines: [2] });
		const whole = '<div>\n<style scoped>\n.a { }\n</style>\n</div>';
		expect(withoutScopedStyles(whole)).toEqual({ body: whole, lines: [] });
		const fenced = '```html\n<style scoped>\n\n.a { }\n</style>\n```';
		expect(withoutScopedStyles(fenced)).toEqual({ body: fenced, lines: [] });
		const unclosed = '<style scoped>\n\n.a { }';
		expect(withoutScopedStyles(unclosed)).toEqual({ body: unclosed, lines: [] });
	});

	test('is read in linear time on a body of thousands of styles nothing ends', () => {
		const started = performance.now();
		withoutScopedStyles('<style scoped>\n\n'.repeat(50_000));
		withoutScopedStyles(`<style scoped${' '.repeat(100_000)}x`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe('a <pre> opened inside an HTML block', () => {
	test('runs to its </pre>, each blank line inside holding an empty comment, every line in its place', () => {
		const body = ['<div class="language-nim highlighter-rouge"><pre class="highlight"><code>import json', '', 'var served = 0', '  inc served', '\r', '# Not a heading', '</code></pre>', '</div>', '', 'After.'].join('\n');
		expect(preInHtmlBlocks(body).split('\n')).toEqual([
			'<div class="language-nim highlighter-rouge"><pre class="highlight"><code>import json',
			'<!---->',
			'var served = 0',
			'  inc served',
			'<!---->\r',
			'# Not a heading',
			'</code></pre>',
			'</div>',
			'',
			'After.',
		]);
	});

	test('runs to its </pre> in a post that has a line of thousands of links', () => {
		const links = `${'[a](#b) '.repeat(2_001)}\n`;
		expect(preInHtmlBlocks(`<div><pre>a\n\nb\n</pre></div>\n\n${links}`)).toBe(`<div><pre>a\n<!---->\nb\n</pre></div>\n\n${links}`);
	});

	test('is left alone when closed before a blank line, when nothing closes it, or when it is shown in code', () => {
		const closed = '<div><pre>a</pre>\n</div>\n\nText.\n';
		expect(preInHtmlBlocks(closed)).toBe(closed);
		const open = '<div><pre>a\n\nb\n';
		expect(preInHtmlBlocks(open)).toBe(open);
		const fenced = '```html\n<div><pre>a\n\nb</pre></div>\n```\n';
		expect(preInHtmlBlocks(fenced)).toBe(fenced);
	});

	test('is one the HTML opens, not one a comment or an attribute value mentions, and leaves fenced code and the lines after it as written', () => {
		const body = [
			'<!-- TODO: replace the <pre> below with a fenced block -->',
			'',
			'Intro paragraph.',
			'',
			'```python',
			'def f():',
			'    return 1',
			'',
			'',
			'print(f())',
			'```',
			'',
			'- item one',
			'',
			'- item two',
			'',
			'<pre>',
			'output',
			'</pre>',
		].join('\n');
		expect(preInHtmlBlocks(body)).toBe(body);
		const attribute = '<div title="<pre>">\n\nText.\n\n<pre>\na\n</pre>\n';
		expect(preInHtmlBlocks(attribute)).toBe(attribute);
		const beforeFence = '<div><pre>a\n\n```\nb\n\nc\n```\n\n</pre></div>\n';
		expect(preInHtmlBlocks(beforeFence)).toBe(beforeFence);
	});

	test('runs to its </pre> in each <pre> of a run of HTML, and of HTML blocks apart, each showing its code whole', async () => {
		const php = (code: string) => `<pre><code class="language-php">&lt;?php\n\n${code}\n</code></pre>`;
		const run = `<p>First:</p>${php('$a = 1;')}<p>Second:</p>${php('[$last] = array_slice($a, -1);')}<p>Third:</p>${php('$b = [$a];')}<p>End.</p>`;
		const apart = `<p>Fourth:</p>${php('$c = 3;')}\n\n<p>Fifth:</p>${php('[$d] = $e;')}\n\n<p>After.</p>`;
		const { $, warnings } = await renderedPost(`${run}\n\n${apart}\n`);
		expect($('pre code').map((_index, code) => $(code).text()).get()).toEqual(['<?php\n\n$a = 1;\n', '<?php\n\n[$last] = array_slice($a, -1);\n', '<?php\n\n$b = [$a];\n', '<?php\n\n$c = 3;\n', '<?php\n\n[$d] = $e;\n']);
		expect($('.katex').length).toBe(0);
		expect($('p').map((_index, paragraph) => $(paragraph).text()).get()).toEqual(['First:', 'Second:', 'Third:', 'End.', 'Fourth:', 'Fifth:', 'After.']);
		expect(warnings).toEqual([]);
	});

	test('runs to its </pre> when the HTML block opens with a <pre> that a later line closes before the next <pre> opens', async () => {
		const { $, warnings } = await renderedPost('<pre><code>a\n\nb\n</code></pre><p>x</p><pre><code>c\n\nd\n</code></pre><p>y</p><pre><code>e\n\nf\n</code></pre>\n\nAfter.\n');
		expect($('pre code').map((_index, code) => $(code).text()).get()).toEqual(['a\n\nb\n', 'c\n\nd\n', 'e\n\nf\n']);
		expect($('p').map((_index, paragraph) => $(paragraph).text()).get()).toEqual(['x', 'y', 'After.']);
		expect(warnings).toEqual([]);
		// A <pre> that nothing closes leaves the rest of the post as Markdown.
		const open = '<pre>a</pre><pre>b\n\nc\n';
		expect(preInHtmlBlocks(open)).toBe(open);
	});

	test('runs to its </pre> in a blockquote, over lines that are its > alone', async () => {
		const { $ } = await renderedPost('> <div><pre><code>a\n>\n> b\n> \n> </code></pre></div>\n>\n> Quoted.\n\nAfter.\n');
		expect($('blockquote pre code').text()).toBe('a\n\nb\n\n');
		expect($('blockquote p').text()).toBe('Quoted.');
		expect($('blockquote + p').text()).toBe('After.');
	});

	test('is read in linear time on a run of thousands of <pre> elements, each left open by a blank line', () => {
		const started = performance.now();
		preInHtmlBlocks(`${'<p>Code:</p><pre><code>a\n\nb\n</code></pre>'.repeat(2_000)}\n`);
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('is read in linear time on a run of thousands of HTML blocks that open with a <pre>, closed or not', () => {
		const started = performance.now();
		preInHtmlBlocks('<pre>a</pre><pre>b\n\n'.repeat(2_000));
		preInHtmlBlocks(`${'<pre><code>a\n\nb\n</code></pre><p>x</p>'.repeat(2_000)}<pre>c</pre>\n`);
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('is read in linear time, thousands left open included', () => {
		const started = performance.now();
		preInHtmlBlocks(`${'<div><pre>a\n\n'.repeat(10_000)}</pre>\n`);
		preInHtmlBlocks('<div><pre>a\n\nb</pre></div>\n\n'.repeat(10_000));
		preInHtmlBlocks(`<div><!--${'<pre>'.repeat(20_000)}\n\n</pre>\n`);
		preInHtmlBlocks(`<div title="${'<pre x=\''.repeat(10_000)}\n\n</pre>\n`);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe('an end tag with white space before its > (</pre >)', () => {
	test('ends its <pre> or <script> block as the tag without it does: the Markdown after it is read, with one warning naming its lines', async () => {
		const { $, warnings } = await renderedPost(['Text', '', '<pre>', '  x', '', '  y', '</pre >', '', '## Heading', '', '<script>', 'let a = 1;', '</script\t>', '', '- item'].join('\n'));
		expect($('pre').text()).toBe('  x\n\n  y\n');
		expect($('h2').text()).toBe('Heading');
		expect($('li').text()).toBe('item');
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:11: </pre >, and 1 more (on line 17), are read without the white space before the >: browsers read the two alike, but Markdown ends a <pre>, <script>, <style> or <textarea> block only at its end tag written without it, and would show the rest of the post as written. Remove the space.',
		]);
	});

	test('is left as written in code spans, fenced and indented code, and in a body with none', () => {
		const body = ['Write `</pre >` in code.', '', '```html', '<pre>', '</pre >', '```', '', '    </pre >', '', 'End.'].join('\n');
		expect(spacedRawEndTags(body)).toEqual({ body, lines: [] });
		expect(spacedRawEndTags('No tags.')).toEqual({ body: 'No tags.', lines: [] });
		expect(spacedRawEndTags('`</pre >` then </PRE  >')).toEqual({ body: '`</pre >` then </PRE>', lines: [{ line: 1, tag: '</PRE  >' }] });
	});
});
