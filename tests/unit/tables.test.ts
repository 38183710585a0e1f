import { describe, expect, test } from 'vitest';
import { kramdownTables, unindentedTableRows } from '../../theme/markdown/tables.ts';

describe("a table's indented rows", () => {
	test("are rows, as Hugo's Markdown Syntax Guide writes them; code after a blank line, and code blocks, stay", () => {
		const body = ['   Name | Age', '--------|------', '    Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```'].join('\n');
		expect(unindentedTableRows(body).split('\n')).toEqual(['   Name | Age', '--------|------', 'Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```']);
	});
});

describe("kramdown's tables", () => {
	test('get a delimiter row of their columns under the first row, with the alignments written, and an empty row for a separator further down', () => {
		const body = ['|One|Two|Three|', '|-', '|Four|Five|Six|', '', '| a | b |', '|:--+--:|', '| 1 | 2 |', '|---|', '| 3 | 4 |', '|===|', '| f | g |'].join('\n');
		expect(kramdownTables(body).split('\n')).toEqual(['|One|Two|Three|', '|---|---|---|', '|Four|Five|Six|', '', '| a | b |', '|:---|---:|', '| 1 | 2 |', '| | |', '| 3 | 4 |', '| | |', '| f | g |']);
	});

	test('without a header row get an empty one from the blank line above; GFM tables and code stay as written', () => {
		expect(kramdownTables('Rows:\n\n|-\n|Four|Five|Six|\n').split('\n')).toEqual(['Rows:', '| | | |', '|---|---|---|', '|Four|Five|Six|', '']);
		const gfm = '| a | b |\n|---|:-:|\n| 1 | `x|y` |\n| - | - |\n\n```\n|a|\n|-\n```\n';
		expect(kramdownTables(gfm)).toBe(gfm);
		// Under a list item, a quote or an HTML block, the blank line stays: the table would be taken in.
		for (const above of ['- item', '> quote', '<div>HTML</div>', '- item\n  more of the item', '> quote\nlazy line', '<iframe\n  src="x"></iframe>']) {
			const body = `${above}\n\n|-\n|a|b|\n`;
			expect(kramdownTables(body)).toBe(body);
		}
	});
});

describe("kramdown's tables, hostile", () => {
	test('thousands of header-less tables are read within the test timeout', () => {
		const started = performance.now();
		kramdownTables('Text.\n\n|-\n|a|b|\n\n'.repeat(5_000));
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
