import { describe, expect, test } from 'vitest';
import { unindentedTableRows } from '../../theme/markdown/tables.ts';

describe("a table's indented rows", () => {
	test("are rows, as Hugo's Markdown Syntax Guide writes them; code after a blank line, and code blocks, stay", () => {
		const body = ['   Name | Age', '--------|------', '    Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```'].join('\n');
		expect(unindentedTableRows(body).split('\n')).toEqual(['   Name | Age', '--------|------', 'Bob | 27', '  Alice | 23', '', '    code | not a row', '', '```', 'a | b', '--|--', '    c | d', '```']);
	});
});
