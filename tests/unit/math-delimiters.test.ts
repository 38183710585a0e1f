import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { displayMathLines, formulaLinesWhere, readLatexDelimiters, type MisreadBlock } from '../../theme/markdown/math-delimiters.ts';
import { renderedMarkdown, renderedPost } from '../helpers/post-html.ts';

/** `body` read by readLatexDelimiters(), then rendered by Sätteri with the theme's plugins, as a post is. */
async function renderRead(body: string): Promise<cheerio.CheerioAPI> {
	return renderedMarkdown(readLatexDelimiters(body));
}

/** Each formula's TeX as KaTeX read it, its spaces and line breaks as one space. */
function formulas($: cheerio.CheerioAPI): string[] {
	return $('annotation')
		.map((_, annotation) => $(annotation).text().replace(/\s+/g, ' ').trim())
		.get();
}

describe("LaTeX's math delimiters", () => {
	test('become the dollar signs Carnet reads, within a line and around a block, labels left out', () => {
		const body = [
			'The ratio \\(\\varphi = \\dfrac{1+\\sqrt5}{2}\\) and \\(x^2\\).',
			'\\[',
			'\\sum_{n=1}^\\infty \\frac{1}{n^2} \\label{eq:series}',
			'\\]',
			'Inline display \\[\\int_0^1 x\\,dx\\] here.',
			'$$',
			'a = b \\label{eq:ab}',
			'$$',
		].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual([
			'The ratio $\\varphi = \\dfrac{1+\\sqrt5}{2}$ and $x^2$.',
			'$$',
			'\\sum_{n=1}^\\infty \\frac{1}{n^2} ',
			'$$',
			'Inline display $$\\int_0^1 x\\,dx$$ here.',
			'$$',
			'a = b ',
			'$$',
		]);
	});

	test('leave escaped brackets of prose, code and an unclosed delimiter as written', () => {
		const body = ['A \\[citation needed\\] and \\(unclosed.', '`\\(code\\)`', '```', '\\(fenced\\)', '```'].join('\n');
		expect(readLatexDelimiters(body)).toBe(body);
		const many = '\\('.repeat(50_000);
		expect(readLatexDelimiters(many)).toBe(many);
	});
});

describe('LaTeX delimiters among what is not math', () => {
	test('escaped parentheses in addresses and prose stay; \\\\( as written for MathJax is math', () => {
		const prose = [
			'See [Mercury](https://en.wikipedia.org/wiki/Mercury_\\(planet\\)).',
			'Prices: \\(about $5\\) each, the regex \\(a|b\\), groups are written \\(like this\\), \\(see above\\).',
		].join('\n');
		expect(readLatexDelimiters(prose)).toBe(prose);
		expect(readLatexDelimiters('A: \\\\( \\pi(x) \\\\) and \\\\[\\sum_i x_i\\\\].')).toBe('A: $\\pi(x)$ and $$\\sum_i x_i$$.');
	});

	test('in a post with one formula between \\( and \\), every other pair on a line that KaTeX reads is a formula, letters alone included', () => {
		const body = [
			'A: the board state value \\(v(s)\\) here.',
			'B: the range \\([-1,1]\\) here, C: the return \\(G\\).',
			'D: learning rate \\(10^{-4}\\) here.',
			'See [Mercury](https://en.wikipedia.org/wiki/Mercury_\\(planet\\)), \\(about $5\\), \\(a # b\\), `\\(x\\)`.',
			'G: the value',
			'  \\(v(s)\\) to have, words \\(see above\\) and \\(as written.\\) stay.',
			'A group \\(foo\\) and \\(abc\\)+ in a regular expression, the year \\(2019\\), stay too.',
		].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual([
			'A: the board state value $v(s)$ here.',
			'B: the range $[-1,1]$ here, C: the return $G$.',
			'D: learning rate $10^{-4}$ here.',
			'See [Mercury](https://en.wikipedia.org/wiki/Mercury_\\(planet\\)), \\(about $5\\), \\(a # b\\), `\\(x\\)`.',
			'G: the value',
			'  $v(s)$ to have, words \\(see above\\) and \\(as written.\\) stay.',
			'A group \\(foo\\) and \\(abc\\)+ in a regular expression, the year \\(2019\\), stay too.',
		]);
	});

	test("reads the Markdown escapes ox-hugo writes inside doubled delimiters (\\_, \\\\|, \\\\\\\\) as Hugo's Markdown did before MathJax", () => {
		const body = [
			String.raw`Weights \\(w\_{jk}\\) and a cost:`,
			'',
			String.raw`\\[`,
			String.raw`C(w,b) = \frac{1}{2n} \sum\_x{{\\|y(x)-a\\|}^2} \\\\`,
			String.raw`\\]`,
			'',
			String.raw`A set \\(\\{x\_1\\}\\) and, undoubled, \(\_x\).`,
		].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual([
			'Weights $w_{jk}$ and a cost:',
			'',
			'$$',
			String.raw`C(w,b) = \frac{1}{2n} \sum_x{{\|y(x)-a\|}^2} \\`,
			'$$',
			'',
			String.raw`A set $\{x_1\}$ and, undoubled, $\_x$.`,
		]);
	});

	test("keeps TeX's control symbols between doubled delimiters as written (\\, \\; \\% \\{), reading only the escapes ox-hugo writes", () => {
		const body = [
			String.raw`The integral \\( \int_0^1 f(x)\,dx \\) and the ratio \\( r = 50\% \\) of the total.`,
			String.raw`  * \\(\sqrt{a^2 - x^2}\; \\) requires \\(x \in [-a, a]\\)`,
			String.raw`\\( \text{Gain} = \frac{12 - 4}{12} \times 100\% \\), \\( \{a\} \: \! \& \# \> \| \\) and \\( \\{x\\}\\,\\! \\)`,
			String.raw`\\[\begin{align} a &= b \\\\[6pt] &= c\,d \end{align} \\]`,
		].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual([
			String.raw`The integral $\int_0^1 f(x)\,dx$ and the ratio $r = 50\%$ of the total.`,
			String.raw`  * $\sqrt{a^2 - x^2}\;$ requires $x \in [-a, a]$`,
			String.raw`$\text{Gain} = \frac{12 - 4}{12} \times 100\%$, $\{a\} \: \! \& \# \> \|$ and $\{x\}\,\!$`,
			String.raw`$$\begin{align} a &= b \\[6pt] &= c\,d \end{align}$$`,
		]);
	});

	test('reads a formula between doubled delimiters that holds only numbers and a control symbol (\\( 50\\% \\)) as math, and keeps single escaped parentheses around such text as written', () => {
		expect(readLatexDelimiters(String.raw`A ratio of \\( 50\% \\), ox-hugo's \\( 50\\% \\) and \\(3\,000\\).`)).toBe(String.raw`A ratio of $50\%$, ox-hugo's $50\%$ and $3\,000$.`);
		expect(readLatexDelimiters(String.raw`Prose \(50\%\) and \\(see below\\).`)).toBe(String.raw`Prose \(50\%\) and \\(see below\\).`);
	});

	test('keeps doubled delimiters around Markdown escapes (\\\\(\\\\.\\\\) in a regular expression) as written, and a formula of control symbols KaTeX cannot read', () => {
		for (const body of [String.raw`In a regex write \\(\\.\\) to match a dot in parentheses.`, String.raw`Also \\(\\*\\), \\(\\?\\) and \\(\\-\\).`, String.raw`Escaped \\(a\\.b\\) and \\(A \& B & C\\).`]) {
			expect(readLatexDelimiters(body)).toBe(body);
		}
		expect(readLatexDelimiters(String.raw`Spaced \\(1\;000\\), \\(x\!y\\) and \\(\#1\\).`)).toBe(String.raw`Spaced $1\;000$, $x\!y$ and $\#1$.`);
	});

	test('reads 100 KB of doubled openings around control symbols that one far delimiter closes in linear time', () => {
		const started = performance.now();
		for (const body of [`${String.raw`\\(\%a `.repeat(15_000)}\\\\)`, `${String.raw`\(a `.repeat(25_000)}\\)`, `x ${String.raw`\\(`}${String.raw`\%a`.repeat(30_000)}${String.raw`\\)`}`]) {
			expect(readLatexDelimiters(body).length).toBeGreaterThan(90_000);
		}
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('reads \\( and \\) inside a $ formula as the parentheses Markdown made them for MathJax, never as delimiters, in a post that writes \\\\( formulas too', async () => {
		const body = ['- \\\\(m_1\\\\) – mass of bar 1;', '', '- $sen(a) \\cdot sen(b) = 1/2 \\(cos(a-b)-cos(a+b)\\)$', '', 'Kinetic energy $T = \\frac{1}{2}m\\(\\dot{x}^2+\\dot{y}^2\\)$ of a body, $$ f\\(x\\) $$.', ''].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect(formulas($)).toEqual(['m_1', 'sen(a) \\cdot sen(b) = 1/2 (cos(a-b)-cos(a+b))', 'T = \\frac{1}{2}m(\\dot{x}^2+\\dot{y}^2)', 'f(x)']);
		expect($('.katex-error').length).toBe(0);
		expect($.root().text()).not.toContain('$');
		expect(warnings).toEqual([]);
	});

	test('reads a formula between doubled brackets, written only for MathJax, with no command (ox-hugo\'s \\\\[ a\\_{i} = b\\_{j} \\\\]) as display math, and single brackets around such text as Markdown\'s', async () => {
		const { $, warnings } = await renderedPost(['\\\\[ a\\_{i} = b\\_{j} \\\\]', '', 'And \\[x = 1\\] stays.', ''].join('\n'));
		expect(formulas($)).toEqual(['a_{i} = b_{j}']);
		expect($('math[display="block"]').length).toBe(1);
		expect($('p').last().text()).toBe('And [x = 1] stays.');
		expect(warnings).toEqual([]);
	});

	test('a display delimiter that shares its line with the formula, or has no partner, stays as written', () => {
		for (const body of ['\\[ E = mc^2\n\\]\n\n## Next\n\nText.', '\\[\nE = mc^2 \\]\n\n## Next', 'Text.\n\\]\n\n## Next']) {
			expect(readLatexDelimiters(body)).toBe(body);
		}
	});

	test('code in lists, quotes, indented blocks, highlight blocks and HTML blocks stays as written', () => {
		const body = [
			'- item',
			'',
			'    ```latex',
			'    \\[',
			'    x^2',
			'    \\]',
			'    ```',
			'',
			'> ```',
			'> \\(x^2\\)',
			'> ```',
			'',
			'{% highlight bash %}',
			"sed 's/\\(foo\\)/\\1/'",
			'{% endhighlight %}',
			'',
			'<div>',
			'\\(x^2\\)',
			'</div>',
		].join('\n');
		expect(readLatexDelimiters(body)).toBe(body);
	});

	test("reads the Markdown escapes ox-hugo writes in an environment (\\_, \\\\\\\\ between rows), in a post that doubles its delimiters or rows so, and keeps a hand-written one's as written", async () => {
		const oxHugo = ['Where \\\\(x\\_1\\\\) is a rate:', '', '\\begin{equation}', 'C = W\\log\\_{2} (1+\\mathrm{SNR})', '\\end{equation}', ''];
		const rows = ['Rows:', '', '\\begin{align}', 'a\\_1 &= 1 \\\\\\\\', 'b\\_2 &= 2', '\\end{align}', ''];
		const byHand = ['By hand:', '', '\\begin{equation}', '\\text{max\\_iter} = 1', '\\end{equation}', ''];
		const tex = [
			['x_1', '\\begin{equation} C = W\\log_{2} (1+\\mathrm{SNR}) \\end{equation}'],
			['\\begin{align} a_1 &= 1 \\\\ b_2 &= 2 \\end{align}'],
			['\\begin{equation} \\text{max\\_iter} = 1 \\end{equation}'],
		];
		for (const [index, post] of [oxHugo, rows, byHand].entries()) {
			const { $, warnings } = await renderedPost(post.join('\n'));
			expect(formulas($)).toEqual(tex[index]);
			expect($('.katex-error').length).toBe(0);
			expect(warnings).toEqual([]);
		}
	});

	test('a \\begin{equation} environment between blank lines is a formula; one against text stays', () => {
		expect(readLatexDelimiters('Text.\n\n\\begin{equation}\na^2 + b^2 = c^2 \\label{eq:p}\n\\end{equation}\n\nMore.').split('\n')).toEqual([
			'Text.',
			'$$',
			'\\begin{equation}',
			'a^2 + b^2 = c^2 ',
			'\\end{equation}',
			'$$',
			'More.',
		]);
		const against = 'Text.\n\\begin{equation}\nx\n\\end{equation}\n';
		expect(readLatexDelimiters(against)).toBe(against);
	});

	test("GitHub's ```math and Hugo Book's ```katex fences are formulas; an example of one inside a longer fence, an unclosed one and ```latex stay code", () => {
		const body = ['```math', 'E = mc^2', '```', '', '  ~~~katex', '  \\int x', '  ~~~', '', '````md', '```math', 'x', '```', '````', '', '```latex', '\\alpha', '```', '', '```math', 'open'];
		expect(readLatexDelimiters(body.join('\n')).split('\n')).toEqual([
			'$$',
			'E = mc^2',
			'$$',
			'',
			'  $$',
			'  \\int x',
			'  $$',
			...body.slice(7),
		]);
	});

	test('a fence of math that also writes its delimiters inside keeps one formula: they become TeX comments', () => {
		expect(readLatexDelimiters(['```math', '$$', 'a = b', '$$', '```', '', '```math', '$$ x^2 $$', '```', '', '```math', '\\[', 'y', '\\]', '```'].join('\n')).split('\n')).toEqual([
			'$$',
			'%',
			'a = b',
			'%',
			'$$',
			'',
			'$$',
			' x^2 ',
			'$$',
			'',
			'$$',
			'%',
			'y',
			'%',
			'$$',
		]);
	});

	test('takes one pass over a line of thousands of delimiters', () => {
		expect(readLatexDelimiters('\\[a\\] '.repeat(40_000))).toBe('\\[a\\] '.repeat(40_000));
		expect(readLatexDelimiters('\\(\\) '.repeat(40_000))).toBe('\\(\\) '.repeat(40_000));
		const started = performance.now();
		expect(readLatexDelimiters(`\\(x^2\\) ${'\\(a\\) '.repeat(16_000)}`)).toBe(`$x^2$ ${'$a$ '.repeat(16_000)}`);
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('reads 100 KB of \\[ lines and \\begin lines that nothing closes in linear time, the formulas after them as before', () => {
		const formulas = ['', '\\[', 'x^2 \\label{a}', '\\]', '', '\\begin{align}', 'a &= b', '\\end{align}', '', 'Text \\(x^2\\).'].join('\n');
		const read = ['', '$$', 'x^2 ', '$$', '$$', '\\begin{align}', 'a &= b', '\\end{align}', '$$', 'Text $x^2$.'].join('\n');
		expect(readLatexDelimiters(formulas)).toBe(read);
		for (const unit of ['\\[\n', '\n\\begin{equation}\n', '\\[\n\n\\begin{equation}\n']) {
			const hostile = unit.repeat(100_000 / unit.length);
			const started = performance.now();
			expect(readLatexDelimiters(hostile + formulas), unit).toBe(hostile + read);
			expect(performance.now() - started, unit).toBeLessThan(1_500);
		}
	});

	test('closes a $$ block whose $$ ends the formula\'s last line on the blank line after it, so that the rest of the post is no formula', () => {
		const body = ['$$', '(\\forall a)(P(a) \\Longrightarrow Q(a))$$', '', '## Proof', 'Text.'].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual(['$$', '(\\forall a)(P(a) \\Longrightarrow Q(a))', '$$', '## Proof', 'Text.']);
		// A price in a formula (\$$), or one in code, is left as it is.
		for (const kept of ['$$\ncosts \\$$\n$$\n', 'Code:\n\n    $$\n    a = b$$\n\nText.']) expect(readLatexDelimiters(kept)).toBe(kept);
	});

	test("opens a $$ block that opens the formula's first line ($$\\begin{aligned}) on the blank line before it, and closes it on the blank line after", () => {
		const body = ['Intro.', '', '$$\\begin{aligned}', 'f(x) &= e^{x^2} \\\\', 'g &= x~\\text{and}~y', '\\end{aligned}$$', '', 'Done.'].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toEqual(['Intro.', '$$', '\\begin{aligned}', 'f(x) &= e^{x^2} \\\\', 'g &= x~\\text{and}~y', '\\end{aligned}', '$$', 'Done.']);
		// Prose that opens with $$, a one-line formula, or one in code, stays.
		for (const kept of ['Intro.\n\n$$ is what it costs\nto live.\n\nMore.', 'A\n\n$$ x $$\n\nB', 'A\n\n    $$x\n    y$$\n\nB']) expect(readLatexDelimiters(kept)).toBe(kept);
	});

	test('closes a $$ block in a quote where its $$ ends a line, on the quote\'s blank line after, or with the quote, so that the rest of the quote is no formula', () => {
		const body = ['Intro.', '', '> $$x = 1', '> y$$', '>', '> After.', '', '> > $$', '> > z $$', '> >', '> > Then.', '', '> $$', '> w $$', '', 'Out.'];
		expect(readLatexDelimiters(body.join('\n')).split('\n')).toEqual([
			'Intro.',
			'> $$',
			'> x = 1',
			'> y',
			'> $$',
			'> After.',
			'',
			'> > $$',
			'> > z ',
			'> > $$',
			'> > Then.',
			'',
			'> $$',
			'> w ',
			'',
			'Out.',
		]);
		// A quote right after another keeps its blank line, which parts the two; code in a quote stays as written.
		for (const kept of ['> One.\n\n> $$x\n> y$$\n\nB', 'A\n\n> ```\n> $$\n> x $$\n>\n> ```\n\nB']) expect(readLatexDelimiters(kept)).toBe(kept);
	});

	test("reads a line of a formula that starts with > as TeX, a quote's marker only as deep as the formula's quote, and closes the formula on the blank line after", () => {
		const cases: [string[], string[]][] = [
			[['$$', 'f(x)', '> 0$$', '', 'After one.'], ['$$', 'f(x)', '> 0', '$$', 'After one.']],
			[['Intro.', '', '$$g(x)', '> 1$$', '', 'After two.'], ['Intro.', '$$', 'g(x)', '> 1', '$$', 'After two.']],
			[['> $$', '> h(x)', '> > 2$$', '>', '> After three.'], ['> $$', '> h(x)', '> > 2', '> $$', '> After three.']],
		];
		for (const [body, read] of cases) expect(readLatexDelimiters(body.join('\n')).split('\n')).toEqual(read);
	});

	test('closes each of two $$ blocks whose $$ ends the formula\'s last line, the first one\'s closing line opening no formula', () => {
		const body = ['$$', 'a$$', '', '$$', 'b$$', '', 'Between.', '', '$$c', 'd$$', '', 'After.'];
		expect(readLatexDelimiters(body.join('\n')).split('\n')).toEqual(['$$', 'a', '$$', '$$', 'b', '$$', 'Between.', '$$', 'c', 'd', '$$', 'After.']);
	});

	test("a fence line inside a $$ block is the formula's, as Sätteri's math reads it: the sub- and superscripts, heading braces and code after the formula are read as ever", async () => {
		const post = ['$$', 'x', '```', 'y', '$$', '', 'Water is H~2~O, area x^2^.', '', '## Sets {a, b}', '', '```js', 'a~b~c', '```', '', 'After: y~1~ and y^3^.', ''];
		expect([...displayMathLines(post)]).toEqual([0, 1, 2, 3, 4]);
		const { $ } = await renderedPost(post.join('\n'));
		expect($('annotation').text()).toBe('x\n```\ny');
		expect($('p').map((_, paragraph) => $(paragraph).html()).get()).toEqual(['Water is H<sub>2</sub>O, area x<sup>2</sup>.', 'After: y<sub>1</sub> and y<sup>3</sup>.']);
		expect($('h2').text()).toBe('Sets {a, b}');
		expect($('pre code').text()).toBe('a~b~c');
	});
});

describe("a $$ block opened on its formula's first line and closed by $$ alone on its line", () => {
	test('keeps the TeX after its opening $$, at the start of the post, after a paragraph, in a quote and in a list, each line on its line', async () => {
		const posts = [
			['$$ a = b', '+ c', '$$', 'After.'],
			['Intro.', '$$ a = b % the sum', '+ c', '$$', 'After.'],
			['Intro.', '', '> $$ \\sqrt[3]{.125}', '> = 0.5', '> $$', '', 'After.'],
			['- $$ x = 1', '  + y', '  $$', '- After.'],
			['Intro.', '', '$$ e = mc^2', '$$', 'After.'],
		];
		const tex = ['a = b + c', 'a = b + c % the sum', '\\sqrt[3]{.125} = 0.5', 'x = 1 + y', 'e = mc^2'];
		for (const [index, post] of posts.entries()) {
			const body = post.join('\n');
			expect(readLatexDelimiters(body).split('\n'), body).toHaveLength(post.length);
			const { $, warnings } = await renderedPost(body);
			expect(formulas($), body).toEqual([tex[index]]);
			expect($('math[display="block"]').length, body).toBe(1);
			expect($('.katex-error').length, body).toBe(0);
			expect($('p, li').last().text().trim(), body).toBe('After.');
			expect(warnings, body).toEqual([]);
		}
	});

	test('keeps a first line ending with a % comment or a single \\ in the formula as written, the blank line after the closing $$ taking it, after a paragraph too', async () => {
		const posts = [
			['$$ a = b % note', '$$', '', 'After.'],
			['Intro.', '$$ a = b % note', '$$', '', 'After.'],
			['Intro.', '$$ a = b', '$$', '', 'After.'],
			['> Intro.', '> $$ a = b \\', '> c', '> $$', '>', '> After.'],
			['- $$ x = 1 % note', '  $$', '', '- After.'],
			['$$ a = b % note', '$$', '$$ c = d % note', '$$', '', 'After.'],
		];
		const tex = [['a = b % note'], ['a = b % note'], ['a = b'], ['a = b \\ c'], ['x = 1 % note'], ['a = b', 'c = d % note']];
		for (const [index, post] of posts.entries()) {
			const body = post.join('\n');
			expect(readLatexDelimiters(body).split('\n'), body).toHaveLength(post.length);
			const { $, warnings } = await renderedPost(body);
			expect(formulas($), body).toEqual(tex[index]);
			expect($('math[display="block"]').length, body).toBe(tex[index]?.length);
			expect($('.katex-error').length, body).toBe(0);
			expect($('p, li').last().text().trim(), body).toBe('After.');
			// The first, with the second's $$ right after, is written on its line without its comment.
			expect(warnings, body).toEqual(index === 5 ? [expect.stringContaining(':5: the $$ formula opened here has its TeX on its opening line')] : []);
		}
	});

	test('joins a first line ending with a single \\ to the next as TeX reads its line break, a control space, where text follows the closing $$', async () => {
		for (const post of [['$$ a = b \\', 'c', '$$', 'After.'], ['Intro.', '$$ a = b \\', 'c', '$$', 'After.']]) {
			const body = post.join('\n');
			expect(readLatexDelimiters(body).split('\n'), body).toHaveLength(post.length);
			const { $, warnings } = await renderedPost(body);
			expect(formulas($), body).toEqual(['a = b \\ c']);
			expect($('.katex-error').length, body).toBe(0);
			expect($('p').last().text().trim(), body).toBe('After.');
			expect(warnings, body).toEqual([]);
		}
		// A formula that ends with its \\ is one KaTeX cannot read, which it shows in red as written.
		const { $ } = await renderedPost(['$$ a = b \\', '$$', 'After.'].join('\n'));
		expect($('.katex-error').text()).toBe('a = b \\');
		expect($('p').last().text().trim()).toBe('After.');
	});

	test('writes a formula of one line with a % comment and text right after on one line without its comment, and tells its line and the comment', async () => {
		const { $, warnings } = await renderedPost(['$$ a = b % note', '$$', 'After.', ''].join('\n'));
		expect(formulas($)).toEqual(['a = b']);
		expect($('p').last().text().trim()).toBe('After.');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: the $$ formula opened here has its TeX on its opening line, $$ alone on the next and text right after, too few lines to keep its own, so it is written on one line, without its TeX comment "% note", which would hide the closing $$. Put the TeX on a line of its own between the $$ lines, with a blank line before the opening $$ or after the closing one.",
			]
		`);
	});

	test('shows a formula of one line right after a paragraph line and before text (Text., $$ a = b, $$, After.) displayed, between the two paragraphs, and tells of none', async () => {
		const body = ['Text.', '$$ a = b', '$$', 'After.', ''].join('\n');
		const told: MisreadBlock[] = [];
		expect(readLatexDelimiters(body, (block) => told.push(block)).split('\n')).toHaveLength(5);
		expect(told).toEqual([]);
		const { $, warnings } = await renderedPost(body);
		expect(formulas($)).toEqual(['a = b']);
		expect($('math').attr('display')).toBe('block');
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Text.', 'After.']);
		expect(warnings).toEqual([]);
	});
});

describe('a $ formula over lines that is a display environment', () => {
	test('is shown displayed when it is its paragraph, its TeX as written, and one KaTeX cannot read is shown in red as written, in a quote too', async () => {
		const post = ['Intro.', '', '$\\begin{equation}', 'a = b^2+c^2', '\\end{equation}$', '', '> $\\begin{gather*}', '> x = y^2+z^2 \\\\', '> \\[\\alpha\\] = w^2+v^2', '> \\end{gather*}$', '', '- $\\begin{align}', '  a &= b^2+c^2', '  \\end{align}$', '', 'After, $x^2$ and x^2^.', ''];
		const { $ } = await renderedPost(post.join('\n'));
		expect(formulas($)).toEqual(['\\begin{equation} a = b^2+c^2 \\end{equation}', '\\begin{align} a &= b^2+c^2 \\end{align}', 'x^2']);
		expect($('math[display="block"]').length).toBe(2);
		expect($('blockquote .katex-error').text()).toBe('\\begin{gather*}\nx = y^2+z^2 \\\\\n\\[\\alpha\\] = w^2+v^2\n\\end{gather*}');
		expect($('p').last().html()).toContain('and x<sup>2</sup>.');
	});
});

describe('the lines of display math the prose passes leave alone', () => {
	test("are a $$ block's, in a quote up to its closing $$ or the quote's end, and one opened on the formula's first line", () => {
		expect([...displayMathLines(['> $$', '> a^2^', '> $$', '', '> $$', '> b', 'After, no quote.', '', '$$ c', 'd', '$$', '$$x$$ is prose.'])]).toEqual([0, 1, 2, 4, 5, 8, 9, 10]);
	});

	test("are a list item's $$ block's (- $$, 1. $$, > - $$), at the item's content indentation, so that KaTeX reads its ^ and == as written", async () => {
		const lines = ['- $$', '  x^2^', '', '  $$', '1. $$', '   a^2^', '   $$', '> - $$', '>   b^2^', '>   $$', '- $$', '  c', 'd^2^ ends the item', '  e^2^ $$'];
		expect([...displayMathLines(lines)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		const { $, warnings } = await renderedPost(['- $$', '  x^2+y^2 ==a== b', '  $$', '', '> 1. $$', '>    y^2+z^2', '>    $$', ''].join('\n'));
		expect($('annotation').map((_, element) => $(element).text()).get()).toEqual(['x^2+y^2 ==a== b', 'y^2+z^2']);
		expect(warnings).toEqual([]);
	});
});

describe('a $$ block whose closing $$ has more of the post right after it, on its line or the next', () => {
	test('closes at its $$: the text after it is a paragraph, the heading after that a heading, and the formula is whole', async () => {
		const posts = [
			['', '$$ a = b', '+ c $$', 'After, no blank line.', '', '## Next heading'],
			['Before.', '', '$$ f(x) = \\begin{cases}', ' x & x > 0 \\\\', ' 0 & x \\le 0', '\\end{cases} $$', 'After, no blank line.', '', '## Next heading'],
			['Before.', '$$', 'a = b', '+ c$$', 'After, no blank line.', '', '## Next heading'],
		];
		const tex = ['a = b + c', 'f(x) = \\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}', 'a = b + c'];
		for (const [index, post] of posts.entries()) {
			const body = post.join('\n');
			expect(readLatexDelimiters(body).split('\n'), body).toHaveLength(post.length);
			const $ = await renderRead(body);
			expect(formulas($), body).toEqual([tex[index]]);
			expect($('.katex-error').length, body).toBe(0);
			expect($('p').last().text(), body).toBe('After, no blank line.');
			expect($('h2').text(), body).toBe('Next heading');
		}
	});

	test('shows the text after the closing $$ on its line as a paragraph after the formula', async () => {
		const $ = await renderRead(['Before.', '', '$$ a = b', '+ c', '+ d $$ and more.', '', '## Next heading'].join('\n'));
		expect(formulas($)).toEqual(['a = b + c + d']);
		expect($('p').last().text()).toBe('and more.');
		expect($('h2').text()).toBe('Next heading');
	});

	test('closes so in a quote and with CRLF line endings', async () => {
		const quoted = await renderRead(['Before.', '', '> $$ a = b', '> + c $$', '> After, in the quote.', '', '## Next heading'].join('\n'));
		expect(formulas(quoted)).toEqual(['a = b + c']);
		expect(quoted('blockquote p').text()).toBe('After, in the quote.');
		expect(quoted('h2').text()).toBe('Next heading');
		const crlf = await renderRead(['Before.', '', '$$ a = b', '+ c $$', 'After, no blank line.', '', '## Next heading', ''].join('\r\n'));
		expect(formulas(crlf)).toEqual(['a = b + c']);
		expect(crlf('p').last().text()).toBe('After, no blank line.');
		expect(crlf('h2').text()).toBe('Next heading');
	});

	test("joins a line of the formula that a % comment ends to the next with the comment after it, as TeX reads the comment as nothing, and a line ending with \\ to none", () => {
		expect(readLatexDelimiters(['', '$$ a = b % the sum', '+ c', '- d $$', 'After.'].join('\n')).split('\n')).toEqual(['$$', ' a = b % the sum', '+ c - d', '$$', 'After.']);
		expect(readLatexDelimiters(['Text.', '', '$$ a % x', 'b $$', 'more'].join('\n')).split('\n')).toEqual(['Text.', '$$', ' a b % x', '$$', 'more']);
		// With no line to spare and none that can be joined, the block is left as it was written, and its line told.
		const told: MisreadBlock[] = [];
		const kept = 'Text.\n\n$$ a \\\nb $$\nmore';
		expect(readLatexDelimiters(kept, (block) => told.push(block))).toBe(kept);
		expect(told).toEqual([{ line: 3, shown: 'unclosed' }]);
	});

	test('closes a formula whose lines end with % comments at its $$, in each layout, the text after it a paragraph and the heading after that a heading', async () => {
		const posts = [
			['$$', 'a = b % note', 'c $$', 'After.', '', '## Next heading'],
			['', '$$ a = b % note', '+ c $$', 'After.', '', '## Next heading'],
			['Before.', '$$', 'a = b % note', '+ c$$', 'After.', '', '## Next heading'],
			['Before.', '', '$$ a = b % note', '+ c', '+ d $$ After.', '', '## Next heading'],
			['Before.', '', '> $$ a = b % note', '> + c $$', '> After.', '', '## Next heading'],
			['$$', 'a = b % note', 'c $$ After.', '', '## Next heading'],
			['Before.', '$$ a = b % note', '+ c $$', 'After.', '', '## Next heading'],
			['$$ a = b % note', '+ c $$ After.', '', '## Next heading'],
		];
		for (const post of posts) {
			const body = post.join('\n');
			const told: MisreadBlock[] = [];
			expect(readLatexDelimiters(body, (block) => told.push(block)).split('\n'), body).toHaveLength(post.length);
			expect(told.filter(({ shown }) => shown === 'unclosed'), body).toEqual([]);
			const $ = await renderRead(body);
			expect(formulas($)[0], body).toMatch(/^a = b \+ c( \+ d)?( % note)?$|^a = b c( % note)?$/);
			expect($('.katex-error').length, body).toBe(0);
			expect($('p').last().text(), body).toMatch(/After\.$/);
			expect($('h2').text(), body).toBe('Next heading');
		}
	});

	test('tells once of each formula written on one line without its % comments, naming them and its line, and of none other', async () => {
		const { $, warnings } = await renderedPost(['$$', 'a = b % note', 'c $$ and more.', '', '## Next heading', '', '$$', 'x = 1 % kept', 'y', '$$', '', 'End.', ''].join('\n'));
		expect(formulas($)).toEqual(['a = b c', 'x = 1 % kept y']);
		expect($('.katex-error').length).toBe(0);
		expect($('p').first().text()).toBe('and more.');
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:5: the $$ formula opened here has text right after its closing $$ and too few lines to keep its own, so it is written on one line, without its TeX comment "% note", which would hide the rest of the line. Put each $$ on a line of its own, with a blank line before the opening one and after the closing one.',
		]);
	});

	test("reads a % in \\url{…} and in \\href{…}'s address as the address's, as KaTeX does, when a formula is joined or written on one line, and one after them as a comment", async () => {
		const folded = await renderedPost(['Para one.', '$$', String.raw`\url{https://example.com/a%20b} % see`, '$$ after', ''].join('\n'));
		expect(formulas(folded.$)).toEqual([String.raw`\url{https://example.com/a%20b}`]);
		expect(folded.$('.katex-error').length).toBe(0);
		expect(folded.warnings).toHaveLength(1);
		expect(folded.warnings[0]).toContain('without its TeX comment "% see"');
		const joined = await renderedPost(['Para two.', '$$', String.raw`\href{https://example.com/a%20b}{link} + x % trailing`, '+ y', '$$ after', ''].join('\n'));
		expect(formulas(joined.$)).toEqual([String.raw`\href{https://example.com/a%20b}{link} + x + y % trailing`]);
		expect(joined.$('.katex-error').length).toBe(0);
		expect(joined.$('p').last().text()).toBe('after');
		// In \text{…} a % is a comment, as it is in TeX; \% and \\% as before.
		expect(readLatexDelimiters(['Text.', '', String.raw`$$ a = \text{50% off} b`, 'c $$', 'more'].join('\n')).split('\n')).toEqual(['Text.', '$$', String.raw` a = \text{50 c % off} b`, '$$', 'more']);
		expect(readLatexDelimiters(['Text.', '', String.raw`$$ a = 50\% b`, 'c $$', 'more'].join('\n')).split('\n')).toEqual(['Text.', '$$', String.raw` a = 50\% b c`, '$$', 'more']);
		expect(readLatexDelimiters(['Text.', '', String.raw`$$ a = b \\% note`, 'c $$', 'more'].join('\n')).split('\n')).toEqual(['Text.', '$$', String.raw` a = b \\ c % note`, '$$', 'more']);
	});

	test('shows a formula of one line closed at its end ($$, a$$, then more) as display math written $$ a $$, the text after it a paragraph after a blank line', async () => {
		const body = ['$$', 'a$$', 'more', '', '## Next heading'].join('\n');
		const told: MisreadBlock[] = [];
		expect(readLatexDelimiters(body, (block) => told.push(block)).split('\n')).toEqual(['$$ a $$', '', 'more', '', '## Next heading']);
		expect(told).toEqual([]);
		const $ = await renderRead(body);
		expect(formulas($)).toEqual(['a']);
		expect($('math').attr('display')).toBe('block');
		expect($('.katex-error').length).toBe(0);
		expect($('p').last().text()).toBe('more');
		expect($('h2').text()).toBe('Next heading');
	});

	test('shows a formula of two lines right after a paragraph (Before., $$ a = b, + c $$, After.) whole on one line, displayed after that paragraph, and tells of none', async () => {
		const body = ['Before.', '$$ a = b', '+ c $$', 'After.', '', '## Next heading'].join('\n');
		const told: MisreadBlock[] = [];
		expect(readLatexDelimiters(body, (block) => told.push(block)).split('\n')).toEqual(['Before.', '$$ a = b + c $$', '', 'After.', '', '## Next heading']);
		expect(told).toEqual([]);
		const $ = await renderRead(body);
		expect(formulas($)).toEqual(['a = b + c']);
		expect($('math').attr('display')).toBe('block');
		expect($('p').first().text()).toBe('Before.');
		expect($('.katex-error').length).toBe(0);
		expect($('p').last().text()).toBe('After.');
		expect($('h2').text()).toBe('Next heading');
	});

	test('shows a formula of two lines with text after its closing $$ ($$ a = b, + c $$ and more.) whole on one line, the text after it a paragraph, a blank line before it or not', async () => {
		for (const post of [
			['Before.', '', '$$ a = b', '+ c $$ and more.', '', '## Next heading'],
			['$$ a = b', '+ c $$ and more.', '', '## Next heading'],
		]) {
			const body = post.join('\n');
			expect(readLatexDelimiters(body).split('\n'), body).toHaveLength(post.length);
			const $ = await renderRead(body);
			expect(formulas($), body).toEqual(['a = b + c']);
			expect($('.katex-error').length, body).toBe(0);
			expect($('h2').text(), body).toBe('Next heading');
			expect($('p').last().text(), body).toMatch(/and more\.$/);
		}
		// With a third line, it stands apart as display math, before a blank line and the text.
		const $ = await renderRead(['Before.', '', '$$ f(x) = \\begin{cases} x & x > 0 \\\\', ' 0 & x \\le 0', '\\end{cases} $$ and more.', '', '## Next heading'].join('\n'));
		expect(formulas($)).toEqual(['f(x) = \\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}']);
		expect($('math').attr('display')).toBe('block');
		expect($('p').last().text()).toBe('and more.');
	});

	test('leaves $$ in fenced code and in code spans as written', () => {
		for (const kept of ['```\n$$ a = b\n+ c $$\nAfter.\n```', 'Text.\n\n$$ is what `$$` costs\nin code.\n\nMore.']) expect(readLatexDelimiters(kept)).toBe(kept);
	});
});


describe('formulas written for MathJax through a Markdown processor that reads their escapes', () => {
	test("reads \\$$…$$, kramdown's inline formula in a list item (Chirpy's guide), as one inline formula, its TeX untouched by smart punctuation, and \\$ alone as a dollar", async () => {
		const body = ['1. \\$$ x^2 + y^2 $$', "2. If \\$$|f'(p)| < 1$$, then \\$$p$$ is a sink.", '', 'It costs \\$5, or \\$$ in a `\\$$x$$` code span.', ''].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect(formulas($)).toEqual(['x^2 + y^2', "|f'(p)| < 1", 'p']);
		expect($('li math').map((_, math) => $(math).attr('display') ?? 'inline').get()).toEqual(['inline', 'inline', 'inline']);
		expect($('.katex-error, [mathcolor]').length).toBe(0);
		$('annotation').remove();
		expect($('li').map((_, item) => $(item).text().replace(/\s+/g, '')).get()).toEqual(['x2+y2', 'If∣f′(p)∣<1,thenpisasink.']);
		expect($('p').text()).toBe('It costs $5, or $$ in a \\$$x$$ code span.');
		expect(warnings).toEqual([]);
	});

	test("reads Hexo's \\_ before a subscript in a $$ formula as the subscript Markdown made it, and keeps a name's \\_ (\\text{a\\_b}) and one with nothing before it", async () => {
		const body = ['The cost:', '', String.raw`$$ J(\theta) = \frac{1}{2}\sum\_{i=1}^m (h\_\theta(x^{(i)})-y\_i)^2 $$`, '', String.raw`And $\text{max\_iter} + \mathrm{lr\_0} + \_x$.`, ''].join('\n');
		const { $, warnings } = await renderedPost(body, { frontMatter: 'mathjax: true\n' });
		expect(formulas($)).toEqual([String.raw`J(\theta) = \frac{1}{2}\sum_{i=1}^m (h_\theta(x^{(i)})-y_i)^2`, String.raw`\text{max\_iter} + \mathrm{lr\_0} + \_x`]);
		expect($('math[display="block"] munderover, math[display="block"] msubsup').length).toBe(1);
		expect($('.katex-error, [mathcolor]').length).toBe(0);
		expect(warnings).toEqual([]);
	});

	test('shows a one-line $$ formula on a line of its own within a paragraph as display math, as MathJax did, the text before and after it paragraphs, and tells of none', async () => {
		const body = [
			'Underscores are written `\\_`:',
			String.raw`$$ J = \sum\_{i=1}^m x_i $$`,
			'',
			'Therefore *so*',
			'$$x = 1$$',
			'which is true  ',
			'$$y = 2$$',
			'',
			'> Quoted',
			'> $$z = 3$$',
			'> more.',
			'',
			'Inline: a $$w$$ b.',
			'',
		].join('\n');
		const told: MisreadBlock[] = [];
		expect(readLatexDelimiters(body, (block) => told.push(block))).toBe(body);
		expect(told).toEqual([]);
		const { $, warnings } = await renderedPost(body);
		expect(formulas($)).toEqual([String.raw`J = \sum_{i=1}^m x_i`, 'x = 1', 'y = 2', 'z = 3', 'w']);
		expect($('math').map((_, math) => $(math).attr('display') ?? 'inline').get()).toEqual(['block', 'block', 'block', 'block', 'inline']);
		$('annotation').remove();
		expect($('p').map((_, paragraph) => $(paragraph).text().trim()).get()).toEqual(['Underscores are written \\_:', 'Therefore so', 'which is true', 'Quoted', 'more.', 'Inline: a w b.']);
		expect($('p math[display="block"]').length).toBe(0);
		expect(warnings).toEqual([]);
	});

	test('shows a one-line $$ formula right after a table row displayed after the table, not as a cell, and the text after it as a paragraph', async () => {
		const body = ['| a | b |', '|---|---|', '| 1 | 2 |', '$$x = 1$$', 'which $5 and $6 cost.', '', '| c |', '|---|', '| 3 |', '| $$y$$ |', ''].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('table').map((_, table) => $(table).find('tbody tr').length).get()).toEqual([1, 2]);
		expect($('td math').map((_, math) => $(math).find('annotation').text()).get()).toEqual(['y']);
		expect($('div.carnet-table + span.katex > math').attr('display')).toBe('block');
		expect(formulas($)).toEqual(['x = 1', 'y']);
		expect($('p').first().text()).toBe('which $5 and $6 cost.');
		expect(warnings).toEqual([]);
	});

	test("reads a % comment on a formula's opening line ($$ % note) to the end of that line, as TeX does, the formula displayed", async () => {
		for (const body of [['Before.', '', '$$ % a TeX comment', 'x = 1', '$$', 'After.', ''], ['Text', '$$ % c', 'x = 1', '$$', '', 'After.', '']]) {
			const { $, warnings } = await renderedPost(body.join('\n'));
			expect(formulas($).map((tex) => tex.replace(/%[^]*?(?=x)/, '')), body.join('|')).toEqual(['x = 1']);
			expect([$('math').attr('display'), $('.katex-error').length, $('p').last().text()]).toEqual(['block', 0, 'After.']);
			expect(warnings).toEqual([]);
		}
	});

	test('reads doubled delimiters around one word, over two lines of a paragraph, and a display formula whose last line ends with \\\\, as MathJax did', async () => {
		const body = [
			String.raw`Load the \\(Spec\\) and \\(Impl\\) processes, from \\(\textit{x}\\) to \\(10\\).`,
			'',
			String.raw`We have **\\(1 \times`,
			String.raw`10^{29}\\)** possible interleavings.`,
			'',
			String.raw`\\[`,
			String.raw`\textrm{A}(\textit{x}) = \textrm{A}(\textit{x} - 1) \\`,
			String.raw`\\]`,
			'',
			'After.',
			'',
		].join('\n');
		expect(readLatexDelimiters(body).split('\n')).toHaveLength(11);
		const { $, warnings } = await renderedPost(body);
		expect(formulas($)).toEqual(['Spec', 'Impl', String.raw`\textit{x}`, '10', String.raw`1 \times 10^{29}`, String.raw`\textrm{A}(\textit{x}) = \textrm{A}(\textit{x} - 1) \ `.trim()]);
		expect($('strong math').length).toBe(1);
		expect($('.katex-error').length).toBe(0);
		const prose = $('p').clone();
		prose.find('.katex').remove();
		expect(prose.text()).not.toContain('\\');
		expect(warnings).toEqual([]);
	});
});

describe('the lines of the formulas of a prepared body', () => {
	test('are those of display and inline formulas, not of scripts, code or comments that hold the same TeX', () => {
		const body = [
			'<script type="text/x-mathjax-config">',
			'MathJax.Hub.Config({ TeX: { Macros: { interleave: "\\\\mathrel{\\\\interleavesym}" } } });',
			'</script>',
			'',
			'In code, `$\\interleave$`, and <!-- $\\interleave$ --> a comment.',
			'',
			'```',
			'$\\interleave$',
			'```',
			'',
			'So $A \\interleavesym B$ and $A \\interleave',
			'B$ over two lines.',
			'',
			'$$',
			'P \\interleave Q',
			'$$',
		].join('\n');
		const uses = (command: string) => (text: string) => new RegExp(`\\${command}(?![a-zA-Z])`).test(text);
		expect(formulaLinesWhere(body, uses('\\interleave'))).toEqual([10, 14]);
		expect(formulaLinesWhere(body, uses('\\interleavesym'))).toEqual([10]);
	});
});
