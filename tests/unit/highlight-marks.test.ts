import { describe, expect, test } from 'vitest';
import { highlightMarks, insertionsSpoilersAndRuby, subAndSuperscripts } from '../../theme/markdown/highlight-marks.ts';
import { renderedPost } from '../helpers/post-html.ts';

describe('==highlights==', () => {
	test('become marks, as Obsidian and Typora show them; comparisons, underlines and code stay', () => {
		const body = ['A ==very important== point and ==this==.', 'Title', '=====', 'if a == b == c, or x==y==z', '`==code==`', '```', '==fenced==', '```'].join('\n');
		expect(highlightMarks(body).split('\n')).toEqual([
			'A <mark>very important</mark> point and <mark>this</mark>.',
			'Title',
			'=====',
			'if a == b == c, or x==y==z',
			'`==code==`',
			'```',
			'==fenced==',
			'```',
		]);
	});

	test('next to Chinese and Japanese characters become marks, as Obsidian and Logseq show them, where words of other scripts stay', () => {
		expect(highlightMarks('元素都是==行向量==, 日本語の==強調==です and x==y==z')).toBe('元素都是<mark>行向量</mark>, 日本語の<mark>強調</mark>です and x==y==z');
		// Java's operator in Chinese prose, twice in a sentence, is no highlight of the clauses between.
		const java = 'Java中==比较的是地址，equals比较的是内容，所以用==比较字符串是错的。';
		expect(highlightMarks(java)).toBe(java);
	});
});

describe('sub- and superscripts', () => {
	test('H~2~O and x^2^ become <sub> and <sup>, as Pandoc and Typora show them', () => {
		expect(subAndSuperscripts('Water is H~2~O, CO~2~ too, and x^2^ is a square; 2^10^ = 1024.')).toBe('Water is H<sub>2</sub>O, CO<sub>2</sub> too, and x<sup>2</sup> is a square; 2<sup>10</sup> = 1024.');
	});

	test('strikethrough, footnotes, spaces, links, addresses, math and code stay as written', () => {
		const lines = [
			'~~struck~~ and ~struck~ and a ~ b ~ c',
			'A note[^1] and an inline one^[said so] and 3 ^ 4 ^ 5',
			'[home](https://example.com/~a~b/) and <https://x.org/p~1~q> and https://y.org/a~b~c',
			'$x^2^y$ and `H~2~O`',
			'```',
			'x^2^',
			'```',
		];
		const body = lines.join('\n');
		expect(subAndSuperscripts(body)).toBe(body);
	});

	test('leave display math as written, over several lines, as ox-hugo and Type-on-Strap posts write it', () => {
		const body = ['$$', '\\frac{a^2}{b^2} = x_1~\\text{and}~x_2', '$$', '', '$$ W^2a^1 $$', '', 'But x^2^ here.'].join('\n');
		expect(subAndSuperscripts(body).split('\n')).toEqual(['$$', '\\frac{a^2}{b^2} = x_1~\\text{and}~x_2', '$$', '', '$$ W^2a^1 $$', '', 'But x<sup>2</sup> here.']);
		// A line that opens with $$ among other text is prose, and so is what follows it; so is all with math off.
		expect(subAndSuperscripts('$$E=mc^2$$ is famous.\n\nWater is H~2~O.')).toBe('$$E=mc^2$$ is famous.\n\nWater is H<sub>2</sub>O.');
		expect(subAndSuperscripts('$$\nx^2^\n$$', false)).toBe('$$\nx<sup>2</sup>\n$$');
	});

	test('thousands of tildes and carets on one line are read within the test timeout', () => {
		for (const unit of ['a~', 'a~b', '^a', 'x^y^', 'H~2~O ']) {
			const started = performance.now();
			subAndSuperscripts(unit.repeat(50_000));
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});
});

describe('formulas over lines', () => {
	test('an inline formula wrapped over two lines is shown as written, its ^ and == TeX, while the prose around it has its marks', async () => {
		const { $, warnings } = await renderedPost(['Text $a^2+b^2 +', 'c^2$ more, x^2^ and ==this==.', '', 'So $a ==b== +', 'c$ holds, as $x ==y== z$ does.', ''].join('\n'));
		expect($('annotation').map((_, element) => $(element).text()).get()).toEqual(['a^2+b^2 +\nc^2', 'a ==b== +\nc', 'x ==y== z']);
		expect($('p').first().find('sup').text()).toBe('2');
		expect($('p').first().find('mark').text()).toBe('this');
		expect(warnings).toEqual([]);
	});

	test('a formula is read to its paragraph\'s end at most: a price left open leaves the next paragraph\'s marks', () => {
		const body = ['It costs $5 a', 'day, H~2~O.', '', 'Water is H~2~O and ==wet==, $x$ too.'].join('\n');
		expect(subAndSuperscripts(highlightMarks(body)).split('\n')).toEqual(['It costs $5 a', 'day, H<sub>2</sub>O.', '', 'Water is H<sub>2</sub>O and <mark>wet</mark>, $x$ too.']);
		// A highlight may hold a formula; `$$…$$` within a line is one formula, not two dollars around prose.
		expect(highlightMarks('==see $x$ here==')).toBe('<mark>see $x$ here</mark>');
		expect(subAndSuperscripts('$$a^2$$ and x^2^ and $b^2$')).toBe('$$a^2$$ and x<sup>2</sup> and $b^2$');
		// An escaped dollar opens none, on a line or over two.
		expect(subAndSuperscripts('It costs \\$5 a\nday, H~2~O, \\$3 x^2^ \\$4.')).toBe('It costs \\$5 a\nday, H<sub>2</sub>O, \\$3 x<sup>2</sup> \\$4.');
	});

	test('a formula over lines keeps its ++ and ^ from a Shoka post\'s passes, and its dollars in a code span open none', () => {
		expect(insertionsSpoilersAndRuby('Let $a +\n{++b++}^2$ be, ++this++ too.')).toBe('Let $a +\n{++b++}^2$ be, <ins>this</ins> too.');
		expect(subAndSuperscripts('Use `$HOME` and\nx^2^ with `a$`.')).toBe('Use `$HOME` and\nx<sup>2</sup> with `a$`.');
	});

	test('100 KB of dollars, carets and highlights over lines are read within the test timeout', () => {
		for (const unit of ['$a^2 +\n', 'x^2^ $\n', '$$\n^a^ ', '==a $b== c\n', '$ ==x==\n', '\\\\\\$a^ \\\\']) {
			const body = unit.repeat(Math.ceil(100_000 / unit.length));
			const started = performance.now();
			highlightMarks(body);
			subAndSuperscripts(body);
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});
});
