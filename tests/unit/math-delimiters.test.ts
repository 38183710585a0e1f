import { describe, expect, test } from 'vitest';
import { readLatexDelimiters } from '../../theme/markdown/math-delimiters.ts';

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
