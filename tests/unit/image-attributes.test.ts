import { describe, expect, test } from 'vitest';
import { withoutImageAttributes } from '../../theme/markdown/image-attributes.ts';
import { renderedMarkdown, renderedPost } from '../helpers/post-html.ts';

describe("Pandoc's and Quarto's attributes after an image", () => {
	test('are left out, their alt text given to an image without one; code, text and kramdown lists stay', () => {
		const body = [
			'![](plot.png){fig-alt="A rising curve" width=50%}',
			'![A cat](cat.jpg){#fig-cat .wide}',
			'![](a_(b).png){width="300"}',
			'`![](x.png){width=1}` and {not: attributes} and ![k](k.png){: .left}',
			'```',
			'![](y.png){width=2}',
			'```',
		].join('\n');
		expect(withoutImageAttributes(body).split('\n')).toEqual([
			'![A rising curve](plot.png)',
			'![A cat](cat.jpg)',
			'![](a_(b).png)',
			'`![](x.png){width=1}` and {not: attributes} and ![k](k.png){: .left}',
			'```',
			'![](y.png){width=2}',
			'```',
		]);
	});

	test('are left out when Pandoc wrapped them over lines, each line keeping its place; a list never closed, or in code, stays', () => {
		const body = [
			'![Videate](./media/image1.png){width="5.155555555555556in"',
			'height="2.49375in"}',
			'',
			'Text ![a](a.png){#fig-a',
			'.wide',
			'width=50%} and more.',
			'',
			'![b](b.png){width="1in"',
			'and prose follows}',
			'```',
			'![c](c.png){width="1in"',
			'height="2in"}',
			'```',
		].join('\n');
		expect(withoutImageAttributes(body).split('\n')).toEqual([
			'![Videate](./media/image1.png)',
			'',
			'',
			'Text ![a](a.png)',
			'',
			' and more.',
			'',
			'![b](b.png){width="1in"',
			'and prose follows}',
			'```',
			'![c](c.png){width="1in"',
			'height="2in"}',
			'```',
		]);
	});

	test('wrapped over lines are read in linear time', () => {
		const long = `![x](a.png){${'a=b '.repeat(20_000)}\n${'c=d '.repeat(20_000)}`;
		const started = performance.now();
		withoutImageAttributes(long);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test("leave out a link's attributes and a bracketed span's, keeping the link and the span's text; a reference link and braces in prose stay", () => {
		const body = [
			'See [the docs](https://example.com/a_(b)){target="_blank" .external} and [Small caps]{.smallcaps}.',
			'[World]{style="color: green"} and a [reference][ref]{} or a set [1]{a, b}.',
			'An escaped \\[x]{.y} stays.',
			'An inline component, :badge[New]{color="blue"}, is not a span: its own pass reports it.',
		].join('\n');
		expect(withoutImageAttributes(body).split('\n')).toEqual([
			'See [the docs](https://example.com/a_(b)) and Small caps.',
			'World and a [reference][ref]{} or a set [1]{a, b}.',
			'An escaped \\[x]{.y} stays.',
			'An inline component, :badge[New]{color="blue"}, is not a span: its own pass reports it.',
		]);
	});

	test("leave a bracketed span's emphasis apart from the emphasis after it, as citeproc writes a title ([*data.table*]{.nocase}*: …*)", () => {
		expect(withoutImageAttributes('2023. [*data.table*]{.nocase}*: Extension of "[data.frame]{.nocase}"*. And *[x]{.y}*.')).toBe(
			'2023. <span>*data.table*</span>*: Extension of "data.frame"*. And *x*.',
		);
	});

	test('after emphasis and code spans are left out, their text kept, and braces that are no attributes stay', () => {
		const body = ['This is **bold**{.text-red}, *it*{style="x"}, __u__{#x} and `print()`{.python}.', 'Kept: `code{.x}`, text_{sub}, **a** and {.b}, a * b*{.x}.'].join('\n');
		expect(withoutImageAttributes(body).split('\n')).toEqual(['This is **bold**, *it*, __u__ and `print()`.', 'Kept: `code{.x}`, text_{sub}, **a** and {.b}, a * b*{.x}.']);
	});

	test("leave TeX's braces and brackets in math alone, inline and displayed, and subscripts in prose", () => {
		const body = [
			'$\\sum_{i=1}^{n} a_i$ and again $\\sum_{i=1}^{n} b_i$, prose a_{i} and b_{j=2}.',
			'$\\sqrt[3]{.125} = 0.5$, \\(x^{k}[i]{.5}\\), $$[a,b]{#x}$$ then [span]{.c} for 5 $ and [x]{.y} at 10 $.',
			'$$',
			'\\newcommand{\\cbrt}[1]{\\sqrt[3]{#1}}',
			'$$',
			'[after]{.c}',
		].join('\n');
		expect(withoutImageAttributes(body).split('\n')).toEqual([
			'$\\sum_{i=1}^{n} a_i$ and again $\\sum_{i=1}^{n} b_i$, prose a_{i} and b_{j=2}.',
			'$\\sqrt[3]{.125} = 0.5$, \\(x^{k}[i]{.5}\\), $$[a,b]{#x}$$ then span for 5 $ and x at 10 $.',
			'$$',
			'\\newcommand{\\cbrt}[1]{\\sqrt[3]{#1}}',
			'$$',
			'after',
		]);
	});

	test("leave out rehype-pretty-code's language against the end of inline code, and keep braces that are code", () => {
		expect(withoutImageAttributes('Use `false{:js}`, `x{: .c}` and `{:toc}`.')).toBe('Use `false`, `x{: .c}` and `{:toc}`.');
		// Not a language Prism knows, or apart from the code: the span's own text. A span inside a longer one is its text.
		expect(withoutImageAttributes('Write `* TOC {:toc}`, `#{:red}` and `` `print()`{.python} ``.')).toBe('Write `* TOC {:toc}`, `#{:red}` and `` `print()`{.python} ``.');
	});

	test('thousands of unclosed emphases and code spans are read within the test timeout', () => {
		for (const text of ['**a'.repeat(50_000) + '{.x}', '`a'.repeat(50_000) + '{.x}', '_'.repeat(100_000) + '{.x}', `${'`'.repeat(100_000)} ){`, '` ){'.repeat(50_000)]) expect(withoutImageAttributes(text)).toBe(text);
	});

	test('thousands of unclosed links and brackets are read within the test timeout', () => {
		// The last one is a link with attributes, which go.
		const links = `${'[a](b'.repeat(50_000)}){.x}`;
		expect(withoutImageAttributes(links)).toBe(links.slice(0, -4));
		const brackets = `${'['.repeat(50_000)}]{`;
		expect(withoutImageAttributes(brackets)).toBe(brackets);
	});
});

describe('attributes and display math', () => {
	test("leave a $$ block alone whole, in a quote too, a fence line in it the formula's as Sätteri's math reads it, and leave out the attributes after it", async () => {
		const post = [
			'$$',
			'x',
			'```',
			'![a](b){width=5} [s]{.c}',
			'$$',
			'',
			'After ![c](d.png){width=50%} and [small]{.smallcaps}.',
			'',
			'> $$',
			'> \\sqrt[3]{.125} [a,b]{.x}',
			'> $$',
			'',
		];
		const body = withoutImageAttributes(post.join('\n'), true);
		expect(body.split('\n')).toEqual([...post.slice(0, 6), 'After ![c](d.png) and small.', ...post.slice(7)]);
		const $ = await renderedMarkdown(body);
		expect($('annotation').first().text()).toBe('x\n```\n![a](b){width=5} [s]{.c}');
		expect($('p').text()).toBe('After  and small.');
		expect($('p img')).toHaveLength(1);
		expect($('blockquote annotation').text()).toBe('\\sqrt[3]{.125} [a,b]{.x}');
	});

	test('leave a $ or $$ formula wrapped over lines alone, and leave out the attributes after it on its last line', async () => {
		const post = ['The interval $x \\in', '[a,b]{.x} \\cup (c){width=5}$ and', 'the sum $$\\sum', '[s]{#y}$$ then ![c](d.png){width=50%}.', ''];
		const body = withoutImageAttributes(post.join('\n'), true);
		expect(body.split('\n')).toEqual([...post.slice(0, 3), '[s]{#y}$$ then ![c](d.png).', '']);
		const { $, warnings } = await renderedPost(post.join('\n'));
		expect($('annotation').map((_, formula) => $(formula).text()).get()).toEqual(['x \\in\n[a,b]{.x} \\cup (c){width=5}']);
		// Sätteri shows a $$ formula within a paragraph over lines as written, its TeX whole.
		expect($('p').text()).toContain('\\sum\n[s]{#y} then .');
		expect($('p img')).toHaveLength(1);
		expect(warnings).toEqual([]);
	});
});
