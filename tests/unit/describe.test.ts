import { describe, expect, test } from 'vitest';
import { quoteAsWritten, quoteVisibly } from '../../theme/utils/describe.ts';

describe('quoting text in a message', () => {
	test("keeps TeX's backslashes as written, where JSON doubles them, and shows what prints as nothing or a space", () => {
		expect(quoteAsWritten('x & x > 0 \\\\ \\frac{1}{\t\u200B')).toBe('"x & x > 0 \\\\ \\frac{1}{\\u0009\\u200B"');
		expect(quoteVisibly('\\frac\u200B')).toBe('"\\\\frac\\u200B"');
	});
});
