import { describe, expect, test } from 'vitest';
import { deepestNesting } from '../../theme/utils/markdown-depth.ts';

describe('deepestNesting()', () => {
	test('finds the first line where quotes or lists nest deeper than the limit, and how deep they go', () => {
		expect(deepestNesting(`Intro.\n\n${'> '.repeat(300)}deep\n`)).toEqual({ line: 3, depth: 302 });
		const list = Array.from({ length: 200 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
		expect(deepestNesting(list)).toEqual({ line: 128, depth: 402 });
	});

	test('counts quotes nested fifty thousand deep on one line from their markers, in good time', () => {
		const started = performance.now();
		expect(deepestNesting(`Intro.\n\n${'>\t'.repeat(50_000)}deep\n`)).toEqual({ line: 3, depth: 50_002 });
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('passes ordinary bodies, and indented code, without parsing them', () => {
		expect(deepestNesting('> quote\n> > nested\n\n- a\n  - b\n')).toBeUndefined();
		expect(deepestNesting(`\`\`\`\n${' '.repeat(400)}x\n\`\`\`\n`)).toBeUndefined();
		expect(deepestNesting(`${'> '.repeat(200)}within the limit\n`)).toBeUndefined();
	});
});
