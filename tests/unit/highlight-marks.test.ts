import { describe, expect, test } from 'vitest';
import { highlightMarks } from '../../theme/markdown/highlight-marks.ts';

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
});
