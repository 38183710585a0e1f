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

	test('finds lists nested on one line (- - - x, 1. 1. x), which the MDX build crashes on past about 250', () => {
		expect(deepestNesting(`Intro.\n\n${'- '.repeat(300)}deep\n`)).toEqual({ line: 3, depth: 602 });
		expect(deepestNesting(`${'> 1. '.repeat(100)}deep\n`)).toEqual({ line: 1, depth: 302 });
		expect(deepestNesting(`${'- '.repeat(100)}within the limit\n`)).toBeUndefined();
	});

	test('counts lists nested fifty thousand deep on one line from their markers, in good time', () => {
		const started = performance.now();
		expect(deepestNesting(`${'- '.repeat(50_000)}deep\n`)).toEqual({ line: 1, depth: 100_002 });
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('counts a list nested a thousand deep by its indents, a level a line, in good time', () => {
		// A megabyte: the parser took minutes over it, with the cube of its depth.
		const list = Array.from({ length: 1_000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
		const started = performance.now();
		expect(deepestNesting(`Intro.\n\n${list}\n`)).toEqual({ line: 130, depth: 2_002 });
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('counts a list nested a thousand deep by its indents in good time when headings, rules and code fences stand around it', () => {
		const list = Array.from({ length: 1_000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
		const started = performance.now();
		expect(deepestNesting(`# Title\n\n${'```'}js\n> not a quote\n${'```'}\n\n***\n\n${list}\n\n## After\n\n~~~\ncode\n`)).toEqual({ line: 136, depth: 2_002 });
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('finds a list indented with tabs, which hold two levels each, nested past the limit where its lines have fewer characters than levels', () => {
		// Each item two columns right of the last, a tab for every four: 200 levels in 101 characters of indent,
		// refused as the same list indented with spaces is.
		const indent = (columns: number) => '\t'.repeat(Math.floor(columns / 4)) + ' '.repeat(columns % 4);
		const list = Array.from({ length: 200 }, (_, index) => `${indent(2 * index)}- item ${index}`).join('\n');
		const found = deepestNesting(list);
		expect(found?.line).toBe(128);
		// The depth reached by the lines read, past the limit and no deeper than the list goes.
		expect(found?.depth).toBeGreaterThan(256);
		expect(found?.depth).toBeLessThanOrEqual(402);
		expect(deepestNesting(list.replaceAll('\t', '    '))).toEqual({ line: 128, depth: 402 });
		const shallow = Array.from({ length: 20 }, (_, index) => `${indent(2 * index)}- item ${index}`).join('\n');
		expect(deepestNesting(shallow)).toBeUndefined();
	});

	test('finds lists nested twelve hundred deep by tabs or inside an HTML block, which it cannot count by lines, in good time, wherever they start', () => {
		// The parser takes time with the cube of the depth: a minute for the whole of either.
		const tabbed = Array.from({ length: 1_200 }, (_, index) => `${'\t'.repeat(index)}- item ${index}`).join('\n');
		const inHtml = `<div>\n\n${Array.from({ length: 1_200 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n')}\n\n</div>\n`;
		const started = performance.now();
		expect(deepestNesting(tabbed)?.line).toBe(128);
		expect(deepestNesting(inHtml)?.line).toBe(130);
		// After five thousand lines of text and a line of code that might have been deep.
		expect(deepestNesting(`${' '.repeat(140)}code\n\n${'text\n'.repeat(5_000)}\n${tabbed}`)?.line).toBe(5_131);
		// Well under the minute it would take, with room for a loaded machine (3.5 s alone; 3.3 s beside helpers' builds).
		expect(performance.now() - started).toBeLessThan(30_000);
	});

	test('reads a body with an indented line and a line of fifty thousand link openers in good time', () => {
		const started = performance.now();
		// The indented line has the body parsed, whose links took a minute to read (quadratic) and nest nothing.
		expect(deepestNesting(`${' '.repeat(200)}code\n\n${'[a]('.repeat(50_000)}\n`)).toBeUndefined();
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('takes a line of list markers that is a thematic break (- - - -) for one', () => {
		expect(deepestNesting(`${'- '.repeat(300)}\n`)).toBeUndefined();
		expect(deepestNesting(`${'> '.repeat(100)}${'* '.repeat(300)}\n`)).toBeUndefined();
	});

	test('passes ordinary bodies, and indented code, without parsing them', () => {
		expect(deepestNesting('> quote\n> > nested\n\n- a\n  - b\n')).toBeUndefined();
		expect(deepestNesting(`\`\`\`\n${' '.repeat(400)}x\n\`\`\`\n`)).toBeUndefined();
		expect(deepestNesting(`${'> '.repeat(200)}within the limit\n`)).toBeUndefined();
	});
});
