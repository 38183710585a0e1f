import { describe, expect, test } from 'vitest';
import { readJsxAttributes } from '../../theme/markdown/jsx-attributes.ts';

describe("JSX attributes of HTML in a Markdown post (Docusaurus's .md is MDX)", () => {
	test('a style object of strings and numbers is the CSS it means, in px as React writes numbers, and className is class', () => {
		const body = [
			'Intro.',
			'',
			'<div style={{ width: "100%", height: 0, paddingBottom: "56%", position: "relative", margin: "2rem 0"}}><iframe src="https://giphy.com/embed/x" width="100%" style={{position: \'absolute\'}} frameBorder="0"></iframe></div>',
			'',
			'<div className="card" style={{display: \'flex\', gap: 8, lineHeight: 1.5, WebkitTransition: \'none\', msTransform: "none", \'--gap\': 4, zIndex: 2}}>x</div>',
			'<label htmlFor="q">Q</label>',
		].join('\n');
		expect(readJsxAttributes(body)).toEqual({
			body: [
				'Intro.',
				'',
				'<div style="width: 100%; height: 0; padding-bottom: 56%; position: relative; margin: 2rem 0"><iframe src="https://giphy.com/embed/x" width="100%" style="position: absolute" frameBorder="0"></iframe></div>',
				'',
				'<div class="card" style="display: flex; gap: 8px; line-height: 1.5; -webkit-transition: none; -ms-transform: none; --gap: 4; z-index: 2">x</div>',
				'<label for="q">Q</label>',
			].join('\n'),
			unread: [],
		});
	});

	test('a string or number in braces is that value, and require() or useBaseUrl() the path it names', () => {
		expect(readJsxAttributes('<img src={require(\'./a.png\').default} alt={"A \\"quoted\\""} width={300} />').body).toBe('<img src="./a.png" alt="A &quot;quoted&quot;" width="300" />');
		expect(readJsxAttributes('<img src={useBaseUrl("/img/a.png")} alt={\'A & B\'} allowFullScreen={true} />').body).toBe('<img src="/img/a.png" alt="A &amp; B" allowFullScreen />');
	});

	test('another value in braces is left out and reported with its line and what to write, each line on its line', () => {
		const body = ['Text.', '<div', '  style={{', '    width: "100%",', '    zIndex: 2,', '  }}', '  onClick={() => go()}', '>', 'y</div>', '', '<p style={styles.box} title={t}>z</p>'].join('\n');
		const { body: read, unread } = readJsxAttributes(body);
		expect(read.split('\n')).toEqual(['Text.', '<div', '  style="', '    width: 100%;', '    z-index: 2;', '"', '  data-left-out="onClick={() => go()}"', '>', 'y</div>', '', '<p>z</p>']);
		expect(unread).toEqual([
			{ line: 7, text: '<div onClick={() => go()}>', reason: 'a Markdown post is HTML, which runs no JavaScript. Remove it, or rename the post .mdx to keep it', leftOut: true },
			{
				line: 11,
				text: '<p style={styles.box}>',
				reason: 'a Markdown post is HTML, which runs no JavaScript: Carnet reads a style object of strings and numbers only. Write the CSS itself: style="width: 100%; padding-bottom: 56%"',
				leftOut: true,
			},
			{ line: 11, text: '<p title={t}>', reason: 'a Markdown post is HTML, which runs no JavaScript. Write the value itself: title="…"', leftOut: true },
		]);
	});

	test("leaves code, a template's {{ site.url }} and a component's attributes as written", () => {
		const body = ['```jsx', '<div style={{ width: 1 }} className="x" />', '```', '', '`<b style={{a: 1}}>` and <a href={{ site.url }}/about>about</a> <a href={% post_url 2010-07-21-name %}>post</a>', '', '    <div className="indented code" />', '', '<Tabs groupId={x} className="y" />'].join('\n');
		expect(readJsxAttributes(body)).toEqual({ body, unread: [] });
	});

	test('reads a line of a megabyte of tags and ten thousand braces in good time', () => {
		const body = `${'<a style={{ '.repeat(100_000)}\n${'<div x={'.repeat(100_000)}\n${'<p className="a" style={{a: 1}}>'.repeat(10_000)}`;
		const started = performance.now();
		expect(readJsxAttributes(body).body.length).toBeGreaterThan(0);
		expect(performance.now() - started).toBeLessThan(3_000);
	});
});

describe('JSX attributes beside a code span that runs over a line break', () => {
	test('are read after the span on its closing line, and left as written inside it', () => {
		expect(readJsxAttributes('A span `over\ntwo` <a className="x">y</a> and `x` end.').body).toBe('A span `over\ntwo` <a class="x">y</a> and `x` end.');
		expect(readJsxAttributes('A span `over <a className="x">y</a>\ntwo` <b>and</b> `x` end.').body).toBe('A span `over <a className="x">y</a>\ntwo` <b>and</b> `x` end.');
	});
});
