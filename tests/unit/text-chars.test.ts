import { describe, expect, test } from 'vitest';
import { findForbiddenChars, spaceLineSeparators, stripForbiddenChars } from '../../theme/utils/text-chars.ts';

describe('characters feeds cannot carry', () => {
	test('leaves clean text as it is, accents, emoji and line breaks included', () => {
		const text = 'Café « déjà » 🎉🇫🇷\tfin\r\nligne';
		expect(stripForbiddenChars(text)).toBe(text);
		expect(findForbiddenChars(text)).toBeUndefined();
	});

	test('turns a vertical tab and a form feed into spaces and removes ESC, NUL, DEL and C1 controls', () => {
		expect(stripForbiddenChars('un\u000Bdeux\u000Ctrois \u001B[1mgras\u0000\u007F\u0085 \u001Bremis \u001B encore')).toBe('un deux trois gras remis  encore');
	});

	test("removes a terminal's codes (colours, a window title) whole, not their ESC alone, and keeps the text between them and the lines", () => {
		const pasted = '\u001B[0;31mValueError\u001B[0m: x\n\u001B]0;title\n\u0007\u001B[1;32mok\u001B[0m [0;31m as written';
		expect(stripForbiddenChars(pasted)).toBe('ValueError: x\n\nok [0;31m as written');
		expect(findForbiddenChars(pasted)).toEqual({ count: 6, first: 0, names: ['U+001B ESC', 'U+0007'], codes: ['[0;31m', '[0m', ']0;title', '[1;32m'] });
	});

	test("removes a U+009B alone and keeps the words after it, as it is Windows-1252's › read as Latin-1 more often than a terminal's code", () => {
		expect(stripForbiddenChars('Home \u009B Blog \u009BBonjour \u009B[1mgras')).toBe('Home  Blog Bonjour [1mgras');
		expect(findForbiddenChars('Home \u009B Blog')).toEqual({ count: 1, first: 5, names: ['U+009B'] });
	});

	test('removes a lone half of a surrogate pair but keeps whole emoji', () => {
		expect(stripForbiddenChars('a\uD83Db 🎉 c\uDE00')).toBe('ab 🎉 c');
		expect(findForbiddenChars('a\uD83Db 🎉')).toEqual({ count: 1, first: 1, names: ['U+D83D half of an emoji or other surrogate pair'] });
	});

	test("removes Unicode's noncharacters, which HTML reports as errors, in every plane, and names them", () => {
		expect(stripForbiddenChars('a\uFDD0b\uFFFEc\u{1FFFE}d\u{10FFFF}e 🎉 \u{1F600}')).toBe('abcde 🎉 \u{1F600}');
		expect(findForbiddenChars('x\u{1FFFE}')).toEqual({ count: 1, first: 1, names: ['U+1FFFE'] });
		// The last code points before them are characters.
		expect(stripForbiddenChars('\uFDCF\uFDF0\u{1FFFD}')).toBe('\uFDCF\uFDF0\u{1FFFD}');
	});

	test('names each kind of character found, and where the first is', () => {
		expect(findForbiddenChars('ok\u001Bx\u001B\u000B')).toEqual({ count: 3, first: 2, names: ['U+001B ESC', 'U+000B vertical tab'] });
	});
});

describe('line and paragraph separators in text of one line', () => {
	test('are one space for each run, with the spaces beside them, and leave other line breaks and spaces alone', () => {
		expect(spaceLineSeparators('A\u2028x\u2029')).toBe('A x ');
		expect(spaceLineSeparators('one \u2029\u2028 two\tthree  four\nfive')).toBe('one two\tthree  four\nfive');
	});
});
