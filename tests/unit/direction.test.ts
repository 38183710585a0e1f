import { describe, expect, test } from 'vitest';
import { textAttributes, writtenDirection } from '../../theme/utils/direction.ts';

describe('the direction a post without a language is written in', () => {
	test('is right to left for a Persian post that opens with a Latin product name', () => {
		expect(writtenDirection('React در عمل', 'React یک کتابخانه برای ساختن رابط کاربری است.\n\nبا React و Next.js می‌توان سایت ساخت.\n')).toBe('rtl');
	});

	test('is right to left for a Hebrew post whose code, links and formulas are longer than its text', () => {
		const body = [
			'התקנה של `npm install --save-dev typescript eslint prettier`:',
			'',
			'```ts',
			'export function configureTheProjectWithEverythingItNeeds(options: Options): Configuration {}',
			'```',
			'',
			'ראו [את התיעוד](https://www.typescriptlang.org/docs/handbook/intro-to-js-ts.html) ו-<https://example.com/a/very/long/path>.',
			'',
			'$$\\sum_{k=1}^{n} \\frac{numerator}{denominator}$$ וגם $\\mathrm{variance}$ ו-\\(\\operatorname{mean}\\).',
			'',
			'<div class="callout-warning-with-long-class-name">שימו לב</div>',
		].join('\n');
		expect(writtenDirection('מדריך', body)).toBe('rtl');
	});

	test('is left to right for an English post with one Arabic word', () => {
		expect(writtenDirection('Intro to العربية', 'The word العربية means Arabic; this post is about the language and its history.\n')).toBe('ltr');
	});

	test('is left to right for an empty body and a title without letters', () => {
		expect(writtenDirection('2024', '')).toBe('ltr');
	});

	test('is left to right for a body of math alone, whatever its title', () => {
		expect(writtenDirection('', '$$\\text{שלום} = x^2$$\n')).toBe('ltr');
	});

	test('is measured in good time over 100 KB of tags, formulas and links that nothing closes', () => {
		const started = performance.now();
		for (const opener of ['<', '<!--', '\\(', '\\[', '](']) expect(writtenDirection('שלום', `שלום ${opener.repeat(100_000 / opener.length)}`), opener).toBe('rtl');
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe('the direction of a post title in a list', () => {
	const rtlPost = { dir: 'rtl' } as const;

	test('is right to left for a post written so whose title has right-to-left letters, though it opens with a Latin word', () => {
		expect(textAttributes(rtlPost, 'React در عمل')).toEqual({ dir: 'rtl' });
	});

	test('follows its own first letters for a title in Latin letters alone, so that its punctuation stays at its end', () => {
		expect(textAttributes(rtlPost, 'React Hooks!')).toEqual({ dir: 'auto' });
	});

	test('follows its own first letters in a post written left to right', () => {
		expect(textAttributes({}, 'Intro to العربية')).toEqual({ dir: 'auto' });
	});
});
