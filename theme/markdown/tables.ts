import { fencedLines } from './fences.ts';

// A table's delimiter row: `---|---`, `|:--|--:|`, with at least one pipe.
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*\r?$|^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*\r?$/;

/**
 * A table's rows indented by four spaces or more, as Hugo's own "Markdown Syntax Guide" writes them to
 * line up their pipes (`    Bob | 27`), with that indent taken away: Hugo's Goldmark reads them as rows,
 * where the GFM parsers end the table there and show the rows as code. Each line keeps its place; code is
 * left alone.
 */
export function unindentedTableRows(body: string): string {
	if (!body.includes('|') || !body.includes('-')) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	for (let index = 1; index < lines.length; index++) {
		if (fenced[index] || fenced[index - 1] || !DELIMITER_ROW.test(lines[index] as string) || !(lines[index - 1] as string).includes('|')) continue;
		for (let row = index + 1; row < lines.length && !fenced[row]; row++) {
			const line = lines[row] as string;
			if (line.trim() === '' || !line.includes('|')) break;
			if (/^(?: {4}|\t)/.test(line)) lines[row] = line.trimStart();
		}
	}
	return lines.join('\n');
}
