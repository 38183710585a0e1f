import { describe, expect, test } from 'vitest';
import { indentedHtmlInBlocks, preInHtmlBlocks, withoutScopedStyles } from '../../theme/markdown/html-blocks.ts';

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

	test('is read in linear time on a body of thousands of open elements', () => {
		const started = performance.now();
		indentedHtmlInBlocks('<div>\n\n    <li>x</li>\n\n'.repeat(10_000));
		expect(performance.now() - started).toBeLessThan(5_000);
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

	test('is read in linear time, thousands left open included', () => {
		const started = performance.now();
		preInHtmlBlocks(`${'<div><pre>a\n\n'.repeat(10_000)}</pre>\n`);
		preInHtmlBlocks('<div><pre>a\n\nb</pre></div>\n\n'.repeat(10_000));
		preInHtmlBlocks(`<div><!--${'<pre>'.repeat(20_000)}\n\n</pre>\n`);
		preInHtmlBlocks(`<div title="${'<pre x=\''.repeat(10_000)}\n\n</pre>\n`);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
