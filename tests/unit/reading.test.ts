import { describe, expect, test } from 'vitest';
import { groupByYear, yearPages } from '../../theme/utils/archive.ts';
import { countWords, readingMinutes } from '../../theme/utils/reading-time.ts';
import { serializeJsonLd } from '../../theme/utils/structured-data.ts';
import { frenchSpacing, frenchSpacingInHtml } from '../../theme/utils/typography.ts';

const NNBSP = '\u202F';

describe('French spacing', () => {
	test('replaces the space before high punctuation and inside guillemets', () => {
		expect(frenchSpacing('Question ? Réponse : oui ; « bien » !')).toBe(
			`Question${NNBSP}? Réponse${NNBSP}: oui${NNBSP}; «${NNBSP}bien${NNBSP}»${NNBSP}!`,
		);
	});

	test('adds the space inside guillemets written without one, and keeps colons without a space as they are', () => {
		expect(frenchSpacing('«PME» à 10:30 sur https://a.fr')).toBe(`«${NNBSP}PME${NNBSP}» à 10:30 sur https://a.fr`);
	});

	test('is idempotent', () => {
		const once = frenchSpacing('Titre : « x » !');
		expect(frenchSpacing(once)).toBe(once);
	});

	test('changes the text of HTML and never code, attributes or entities', () => {
		expect(frenchSpacingInHtml('<p title="a : b">Note : <code>x ? y</code> &amp; <kbd>Ctrl :</kbd> fin !</p><pre>a : b</pre>')).toBe(
			`<p title="a : b">Note${NNBSP}: <code>x ? y</code> &amp; <kbd>Ctrl :</kbd> fin${NNBSP}!</p><pre>a : b</pre>`,
		);
	});
});

describe('reading time', () => {
	test('counts words of prose, accents and apostrophes included, and leaves fenced code out', () => {
		expect(countWords("L'externalisation aide les PME : c'est sûr.\n\n```js\nconst a = 1;\n```\n")).toBe(6);
		// Indented and longer fences too, as Markdown reads them; a fence nothing closes runs to the end.
		expect(countWords('One two.\n\n  ````\n  code ``` here\n  ````\n\nThree.\n\n~~~\nnever closed\n')).toBe(3);
	});

	test('counts the words of a post of ten thousand fence lines that close nothing in good time', () => {
		const started = performance.now();
		expect(countWords(`Intro.\n${'~~~ a\n```\n'.repeat(10_000)}`)).toBe(1);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('counts Chinese, Japanese and Thai words with a word segmenter, and mixed text too', () => {
		expect(countWords('我们今天讨论的是如何在中文博客中正确计算阅读时间，这对于读者来说非常重要。')).toBe(20);
		expect(countWords('日本語の文章は単語の間に空白がありません。')).toBeGreaterThanOrEqual(8);
		expect(countWords('ภาษาไทยไม่มีช่องว่าง')).toBeGreaterThanOrEqual(4);
		expect(countWords('Rust 入门 is a book. 我们今天讨论')).toBe(8);
	});

	test('rounds to whole minutes, one at least', () => {
		expect(readingMinutes(10)).toBe(1);
		expect(readingMinutes(1150)).toBe(5);
	});
});

describe('archive', () => {
	const at = (iso: string) => ({ date: new Date(iso) });
	const items = [at('2024-06-01T00:00:00Z'), at('2024-01-01T00:30:00Z'), at('2023-12-31T23:30:00Z'), at('2022-05-01T00:00:00Z')];

	test('groups posts by year in the site zone, not in UTC', () => {
		expect(groupByYear(items, 'Europe/Paris').map((group) => [group.year, group.items.length])).toEqual([
			[2024, 3],
			[2022, 1],
		]);
		expect(groupByYear(items, 'UTC').map((group) => [group.year, group.items.length])).toEqual([
			[2024, 2],
			[2023, 1],
			[2022, 1],
		]);
	});

	test('finds the page on which each year starts', () => {
		expect(yearPages(items, 'UTC', 2)).toEqual([
			{ year: 2024, page: 1, count: 2 },
			{ year: 2023, page: 2, count: 1 },
			{ year: 2022, page: 2, count: 1 },
		]);
	});
});

describe('JSON-LD', () => {
	test('cannot close its script element, and parses back to the same data', () => {
		const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
		const json = serializeJsonLd(data);
		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(data);
	});
});
