import { describe, expect, test } from 'vitest';
import { warnMergedSeries, warnMergedTags, warnSharedSeriesOrder } from '../../theme/integration/tag-spellings.ts';

const entry = (id: string, date: string, tags: string[], draft = false) => ({
	id,
	filePath: `src/content/posts/${id}.md`,
	data: { tags, date: new Date(date), draft },
});

describe('warnMergedTags()', () => {
	test('lists every spelling of a tag, with its posts, and the one pages show (the newest post’s)', () => {
		const warnings = warnMergedTags(
			[
				entry('old', '2023-01-01', ['ete', 'Hiver']),
				entry('new', '2024-06-01', ['Été']),
				entry('mid', '2024-01-01', ['ÉTÉ', 'Hiver']),
				entry('other', '2023-06-01', ['ete']),
			],
			'fr',
			false,
		);
		expect(warnings).toEqual([
			'The tags "Été" (src/content/posts/new.md), "ÉTÉ" (src/content/posts/mid.md), "ete" (src/content/posts/other.md, src/content/posts/old.md) ' +
				'make the same address (tags/ete/), so they are one tag, shown as "Été" (the newest post\'s spelling). Write them the same way in every post to choose how the tag is shown.',
		]);
	});

	test('takes a tag typed on macOS (NFD) and elsewhere (NFC) for one spelling, and shows invisible characters', () => {
		expect(warnMergedTags([entry('a', '2024-01-01', ['Été']), entry('b', '2024-02-01', ['E\u0301te\u0301'])], 'fr', false)).toEqual([]);
		expect(warnMergedTags([entry('a', '2024-01-01', ['tag']), entry('b', '2024-02-01', ['ta\u200Bg'])], 'fr', false)).toEqual([
			'The tags "ta\\u200Bg" (src/content/posts/b.md), "tag" (src/content/posts/a.md) make the same address (tags/tag/), so they are one tag, shown as "ta\\u200Bg" ' +
				"(the newest post's spelling). Write them the same way in every post to choose how the tag is shown.",
		]);
	});

	test('says nothing when every post spells a tag the same way', () => {
		expect(warnMergedTags([entry('a', '2024-01-01', ['PME']), entry('b', '2024-02-01', ['PME'])], 'fr', false)).toEqual([]);
	});

	test('leaves drafts out of a production build, as pages do', () => {
		expect(warnMergedTags([entry('a', '2024-01-01', ['PME']), entry('b', '2024-02-01', ['pme'], true)], 'fr', false)).toEqual([]);
		expect(warnMergedTags([entry('a', '2024-01-01', ['PME']), entry('b', '2024-02-01', ['pme'], true)], 'fr', true)).toHaveLength(1);
	});
});

test('names at most three posts per spelling', () => {
	const entries = Array.from({ length: 6 }, (_, index) => entry(`p${index}`, `2024-01-0${index + 1}`, [index === 0 ? 'pme' : 'PME']));
	expect(warnMergedTags(entries, 'fr', false)[0]).toContain(
		'"PME" (src/content/posts/p5.md, src/content/posts/p4.md, src/content/posts/p3.md and 2 more), "pme" (src/content/posts/p0.md)',
	);
});

describe('warnMergedSeries()', () => {
	const part = (id: string, date: string, name: string) => ({ id, filePath: `src/content/posts/${id}.md`, data: { series: { name, order: 1 }, date: new Date(date) } });

	test('lists the spellings of a series name that make one series page', () => {
		expect(warnMergedSeries([part('one', '2024-01-01', 'Été en Provence'), part('two', '2024-02-01', 'ete en provence'), part('three', '2024-03-01', 'Hiver')], 'fr', false)).toEqual([
			'The series "ete en provence" (src/content/posts/two.md), "Été en Provence" (src/content/posts/one.md) make the same address (series/ete-en-provence/), so they are one series. Write its name the same way in every post.',
		]);
	});

	test('says nothing when every part spells the series the same way', () => {
		expect(warnMergedSeries([part('one', '2024-01-01', 'Hiver'), part('two', '2024-02-01', 'Hiver')], 'fr', false)).toEqual([]);
	});
});

describe('warnSharedSeriesOrder()', () => {
	const part = (id: string, name: string, order?: number, draft = false) => ({
		id,
		filePath: `src/content/posts/${id}.md`,
		data: { series: { name, ...(order === undefined ? {} : { order }) }, date: new Date('2024-01-01'), draft },
	});

	test('names the parts of a series that share a number, once per number, whatever the spelling of the series', () => {
		expect(
			warnSharedSeriesOrder([part('b', 'Saga', 1), part('a', 'saga', 1), part('c', 'Saga', 2), part('d', 'Saga'), part('e', 'Other', 1), part('f', 'Saga', 1, true)], 'en', false),
		).toEqual([
			'The posts src/content/posts/a.md, src/content/posts/b.md all give series_order: 1 in the series "Saga", so they are shown in the order of their dates and numbered as they come. Give each part its own number.',
		]);
	});
});
