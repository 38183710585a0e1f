import { fencedLines, parsedInTime, verbatimLines, walk, type MarkdownNode } from './fences.ts';
import { h, isElement, type HastElement, type HastNode } from './hast.ts';
import { opensMarkdownBlock } from './markdown-in-html.ts';

// A table's delimiter row: `---|---`, `|:--|--:|`, with at least one pipe.
export const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+(?:\|[ \t]*)?\r?$|^ {0,3}\|[ \t]*:?-+:?[ \t]*\|[ \t]*\r?$/;

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

// kramdown's table lines: a row starts with a pipe; a separator line is a pipe then dashes, colons, pluses,
// pipes and spaces (`|-`, `|---+---|`, `|:--|--:|`), a footer separator the same with equals signs. Both are
// read after the line's quote markers and indent (`> |-`, `   |-` in a list item).
const KRAMDOWN_ROW = /^(?=((?: {0,3}>[ \t]?)*))\1( *)\|/;
// A line that may be a kramdown row in a quote or a nested list item, for which the parser tells code apart.
const NESTED_ROW = /^(?: {0,3}>[ \t]?)+ *\||^ {4,}\|/;
// A list item's first line that is a kramdown row (`- |---|---|`, `1. |`), its marker and the spaces after it
// read as its prefix; an ordered list that starts at another number could not follow a paragraph.
const ITEM_ROW = /^(?=((?: {0,3}>[ \t]?)*))\1( {0,3})([-*+]|1[.)])( {1,4})\|/;
// Written without spaces between its signs (`|---+---|`, `|-`): `| - | - |` is a row of dashes, as GFM reads it.
const KRAMDOWN_SEPARATOR = /^\|(?:[-:][-:+|]*|=[=:+|]*)[ \t]*\r?$/;

/** A kramdown table line split into what places it (quote markers, indent) and the row from its pipe on. */
interface TableLine {
	prefix: string;
	row: string;
	/** In a quote or indented four spaces or more, as in a nested list item: only the parser tells it from code. */
	nested: boolean;
	quotes: number;
	/** For a list item's first line, its prefix with the marker as spaces: the prefix of the item's next lines. */
	continuation?: string;
}

function readTableLine(line: string): TableLine | undefined {
	const match = KRAMDOWN_ROW.exec(line);
	if (!match) return undefined;
	const [matched, quotes = '', indent = ''] = match;
	const start = matched.length - 1;
	return { prefix: line.slice(0, start), row: line.slice(start), nested: quotes !== '' || indent.length > 3, quotes: quotes.split('>').length - 1 };
}

/** A list item's first line that is a kramdown separator line (ITEM_ROW), read as readTableLine() reads a row. */
function readItemSeparator(line: string): TableLine | undefined {
	const match = ITEM_ROW.exec(line);
	if (!match) return undefined;
	const [matched, quotes = '', indent = '', marker = '', spaces = ''] = match;
	const start = matched.length - 1;
	const row = line.slice(start);
	if (!KRAMDOWN_SEPARATOR.test(row)) return undefined;
	const continuation = `${quotes}${' '.repeat(indent.length + marker.length + spaces.length)}`;
	return { prefix: line.slice(0, start), row, nested: quotes !== '', quotes: quotes.split('>').length - 1, continuation };
}

/**
 * kramdown's (Jekyll's) tables as GFM reads them, each line on its line: a separator line under the first row
 * becomes a delimiter row of as many columns (`|-` alone is one in kramdown), the separator lines a table opens
 * and closes with around such a header (`|---+---|`, as kramdown's docs frame a table) become blank lines, a
 * table that starts with a separator line and has no header gets an empty header row from the blank line above it
 * (GFM has no table without one; in a quote or a list item, the blank line of the quote or the item above it,
 * or, where the table opens the quote or the item, the blank line above, which the quote or item starts on),
 * and a separator further down, which parts the body in kramdown, becomes an empty row. The footer separator
 * (`|===|`, the last one where there are several) becomes a row of TABLE_FOOTER_MARK, the rows under which
 * withTableFooter() puts in a `<tfoot>`. A table in a quote or a list item keeps its quote markers and indent
 * on each line. Lines Markdown does not read as a paragraph's are left alone: code, an HTML block (`<pre>`, a
 * comment) and, with `math`, a `$$` formula. A header framed by separator lines with no rows under them stays a
 * paragraph, as kramdown reads it, and is reported to `headerOnly` (its line, 1 = the first) when it has two
 * cells or more: one cell between two lines of dashes is more likely a box drawn around a word.
 */
export function kramdownTables(body: string, headerOnly: (found: { line: number; row: string }) => void = () => {}, options: { math?: boolean } = {}): string {
	if (!body.includes('|') || !/^[ >]*(?:(?:[-*+]|1[.)]) +)?\|[ \t]*[-:=]/m.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	let code: Set<number> | undefined;
	const inCode = (index: number) => fenced[index] || (code ??= verbatimLines(lines, NESTED_ROW)).has(index);
	const tableLine = (index: number) => {
		const line = fenced[index] ? undefined : readTableLine(lines[index] as string);
		return line && (!line.nested || !inCode(index)) ? line : undefined;
	};
	let found: BlockHolders | undefined;
	const holders = () => (found ??= blockHolders(body.split('\n'), options));
	// A table that opens a list item, under the blank line its header row may take, with the marker.
	const itemOpening = (index: number) => (index > 0 && !fenced[index] && BLANK_LINE.test(lines[index - 1] as string) ? readItemSeparator(lines[index] as string) : undefined);
	for (let first = 0; first < lines.length; first++) {
		const opening = tableLine(first) ?? itemOpening(first);
		if (!opening || (first > 0 && tableLine(first - 1)?.quotes === opening.quotes)) continue;
		const table = [opening];
		const inTable = (line: TableLine | undefined) => line?.quotes === opening.quotes && line.prefix.startsWith(opening.continuation ?? '');
		while (first + table.length < lines.length && inTable(tableLine(first + table.length))) table.push(tableLine(first + table.length) as TableLine);
		readKramdownTable(lines, first, table, holders, headerOnly);
		first += table.length - 1;
	}
	return lines.join('\n');
}

/** Rewrites the table of `table` (a kramdown row or separator each, from `lines[start]` on) in place, when it needs it. */
function readKramdownTable(lines: string[], start: number, table: readonly TableLine[], holders: () => BlockHolders, headerOnly: (found: { line: number; row: string }) => void): void {
	const row = (index: number) => (table[index - start] as TableLine).row;
	// The line keeps its quote markers and indent; a blank one, no trailing spaces.
	const write = (index: number, text: string, prefix = (table[index - start] ?? (table[0] as TableLine)).prefix) => {
		lines[index] = text === '' ? prefix.trimEnd() : `${prefix}${text}`;
	};
	let [first, last] = [start, start + table.length - 1];
	const separators = new Set<number>();
	for (let index = first; index <= last; index++) if (KRAMDOWN_SEPARATOR.test(row(index))) separators.add(index);
	if (separators.size === 0) return;
	const rows = [...Array(last - first + 1).keys()].map((offset) => first + offset).filter((index) => !separators.has(index));
	// Separator lines alone are no table to kramdown either ("Found table without body"): a paragraph of their lines.
	if (rows.length === 0) return;
	const [top, bottom] = [rows[0] as number, rows.at(-1) as number];
	// kramdown reads no separator line above the first row nor below the last: framing a header, they go, and the
	// header is the row under them, wherever the table is.
	const framed = top > first && separators.has(top + 1);
	// A GFM table (a delimiter row of the header's columns) is GFM's: a row of dashes in its body means "none".
	const gfm = !framed && !separators.has(first) && separators.has(first + 1) && DELIMITER_ROW.test(row(first + 1)) && cells(row(first + 1)).length === cells(row(first)).length;
	const footed = [...separators].some((index) => index > top && row(index).includes('='));
	// Lines that Markdown does not read (an HTML block such as <pre>, a comment, a `$$` formula) are the page's as written.
	if ((gfm && !footed) || !readsAsMarkdown(holders(), start, last)) return;
	if (framed && top === bottom) {
		// A header and no body is no table to kramdown ("Found table without body - ignoring it"): its lines are a
		// paragraph, each separator's pipe escaped so that GFM reads none as a delimiter row.
		for (const index of separators) write(index, `\\${row(index)}`);
		if (cells(row(top)).length > 1) headerOnly({ line: top + 1, row: row(top).trim() });
		return;
	}
	if (framed) {
		for (const index of separators) {
			if (index > top && index < bottom) continue;
			write(index, '');
			separators.delete(index);
		}
		first = top;
	}
	const columns = Math.max(1, ...rows.map((index) => cells(row(index)).length));
	const emptyRow = `|${' |'.repeat(columns)}`;
	const footerRow = `|${TABLE_FOOTER_MARK}|${' |'.repeat(columns - 1)}`;
	// kramdown's footer starts at its last footer separator (an earlier one closes a part of the body); a
	// separator under it parts nothing.
	const footer = [...separators].filter((index) => index > top && row(index).includes('=')).at(-1) ?? Number.POSITIVE_INFINITY;
	const headed = !separators.has(first) && separators.has(first + 1);
	if (gfm) {
		for (const index of separators) if (index >= footer) write(index, footerRow);
		return;
	}
	if (separators.has(first) && !takesHeaderRow(lines, first, holders())) return;
	for (const index of separators) {
		if (index >= footer) write(index, footerRow);
		else if (index === first + 1 && headed) write(index, delimiterRow(row(index), columns));
		else if (index === first) {
			// The header row takes the blank line above, and the list item's marker when the table opens an item.
			write(first - 1, emptyRow);
			write(index, delimiterRow(row(index), columns), (table[0] as TableLine).continuation);
		} else write(index, emptyRow);
	}
}

// What a kramdown footer separator is written as: a row whose first cell holds only this comment, which a
// renderer without withTableFooter() shows as an empty row.
const TABLE_FOOTER_MARK = '<!--carnet:tfoot-->';

/**
 * `table` (hast) with the rows under its first row of TABLE_FOOTER_MARK in a `<tfoot>`, as kramdown renders a
 * table's footer, and its rows of the mark left out; itself when it has none.
 */
export function withTableFooter(table: HastElement): HastElement {
	const at = table.children.findIndex((child) => isElement(child, 'tbody') && child.children.some(isFooterMark));
	if (at === -1) return table;
	const body = table.children[at] as HastElement;
	const mark = body.children.findIndex(isFooterMark);
	const tfoot = h('tfoot', {}, body.children.slice(mark + 1).filter((row) => !isFooterMark(row)));
	return { ...table, children: [...table.children.slice(0, at), { ...body, children: body.children.slice(0, mark) }, tfoot, ...table.children.slice(at + 1)] };
}

/** Whether `row` is a row of TABLE_FOOTER_MARK: its first cell holds the comment alone (raw HTML, or a comment node once parsed). */
function isFooterMark(row: HastNode): boolean {
	const cell = isElement(row, 'tr') ? row.children.find((child) => isElement(child)) : undefined;
	const [only, ...more] = cell?.children ?? [];
	if (!only || more.length > 0) return false;
	return (only.type === 'raw' && only.value === TABLE_FOOTER_MARK) || (only.type === 'comment' && `<!--${only.value}-->` === TABLE_FOOTER_MARK);
}

/**
 * The lines (0 = the first) where a paragraph, a heading, a rule or a `$$` formula starts and ends, each with the
 * document, quote or list item that holds it, and the lines of paragraphs, where a table's rows are read.
 */
interface BlockHolders {
	starts: Map<number, MarkdownNode>;
	ends: Map<number, MarkdownNode>;
	/** Undefined for a body too large for the parser, whose lines are all read as a paragraph's. */
	paragraphs: Set<number> | undefined;
	/** The quote, list item or list that holds each quote, list or list item. */
	parents: Map<MarkdownNode, MarkdownNode>;
}

/** The blocks' holders of `lines`, read by the Markdown parser (with `$$` blocks when `math`), once. */
function blockHolders(lines: readonly string[], options: { math?: boolean }): BlockHolders {
	const root = parsedInTime(lines.join('\n'), lines, { ...options, blocks: true });
	const paragraphs = root && new Set<number>();
	const holders: BlockHolders = { starts: new Map(), ends: new Map(), paragraphs, parents: new Map() };
	walk(root, (node) => {
		for (const child of node.children ?? []) {
			holders.parents.set(child, node);
			if (!child.position) continue;
			const { start, end } = child.position;
			// The HTML block of a `<div markdown="1">` to its first blank line: markdownInHtml() makes its lines Markdown's.
			if (child.type === 'html' && opensMarkdownBlock(lines[start.line - 1] as string)) for (let line = start.line + 1; line <= end.line; line++) paragraphs?.add(line - 1);
			if (!['paragraph', 'heading', 'thematicBreak', 'math'].includes(child.type)) continue;
			holders.starts.set(start.line - 1, node);
			holders.ends.set(end.line - 1, node);
			if (child.type === 'paragraph') for (let line = start.line; line <= end.line; line++) paragraphs?.add(line - 1);
		}
		return node.type !== 'paragraph' && node.type !== 'heading';
	});
	return holders;
}

/** Whether `lines[first]` to `lines[last]` are a paragraph's, as Markdown reads them: not an HTML block's (`<pre>`, a comment), a `$$` formula's or code. */
function readsAsMarkdown(holders: BlockHolders, first: number, last: number): boolean {
	for (let index = first; index <= last; index++) if (holders.paragraphs?.has(index) === false) return false;
	return true;
}

/**
 * Whether the blank line above the table opening at `lines[first]` (blank within its quote) can become its
 * header row: the paragraph its rows are now and the block that ends on the line above the blank one, a
 * paragraph, a heading, a rule or a formula, are in the same document, quote or list item. A quote or a list
 * that opens with the table starts on the header row instead: the block above must then be in what holds it.
 * The end of another item, a quote or an HTML block would take the header row in, and an item above in the
 * list would lose the blank line that makes the list loose.
 */
function takesHeaderRow(lines: readonly string[], first: number, holders: BlockHolders): boolean {
	if (first < 2 || !BLANK_LINE.test(lines[first - 1] as string)) return false;
	let holder = holders.starts.get(first);
	while (holder?.position?.start.line === first + 1) holder = holders.parents.get(holder);
	return holder !== undefined && holders.ends.get(first - 2) === holder;
}

// A blank line, or one blank within its quote.
const BLANK_LINE = /^[ \t>]*\r?$/;

/** The cells of a table row, its outer pipes left out (a pipe escaped or in a code span parts none). */
function cells(row: string): string[] {
	const inner = row.trim().replace(/`[^`]*`/g, (span) => span.replace(/\|/g, ' ')).replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
	return inner.split(/(?<!\\)\|/);
}

/** A GFM delimiter row of `columns` columns, with the alignments `separator` gives the columns it names. */
function delimiterRow(separator: string, columns: number): string {
	const parts = separator.trim().replace(/^\|/, '').replace(/\|$/, '').split(/[|+]/);
	const aligned = Array.from({ length: columns }, (_, index) => {
		const part = (parts[index] ?? '').trim();
		const left = part.startsWith(':');
		const right = part.length > 1 && part.endsWith(':');
		return `${left ? ':' : ''}---${right ? ':' : ''}`;
	});
	return `|${aligned.join('|')}|`;
}

// Pandoc's multiline table: a line of dashes alone, then (for a table with a header) its header lines and a
// line of dash groups, one per column; rows parted by blank lines; a line of dashes alone to end it.
const PANDOC_RULE = /^( {0,3})-{3,}[ \t]*\r?$/;
const PANDOC_COLUMNS = /^ {0,3}-+(?:[ \t]+-+)+[ \t]*\r?$/;
// Pandoc's simple table: a header line, a line of dash groups, rows of one line up to a blank line.
// Pandoc's grid table: `+---+---+` borders (`+===+===+` under the header) and `| a | b |` rows.
const GRID_BORDER = /^( {0,3})\+(?:[-=:]+\+)+[ \t]*\r?$/;
const GRID_ROW = /^ {0,3}[|+]/;

/**
 * Pandoc's simple, multiline and grid tables (R Markdown's `md_document`, and documents converted by Pandoc from
 * Word or LaTeX) as GFM tables, which every Markdown processor here reads: the GFM parsers showed them as
 * rules and paragraphs. A cell written over several lines is one line; lines are split into columns where
 * Pandoc splits them (the dash groups, the `+` of the border). The table's lines fewer than it took are
 * blank lines after it, so that every line below keeps its place. Code is left alone.
 */
export function pandocTables(body: string): string {
	if (!/^ {0,3}(?:-{3,}|-+[ \t]+-|\+[-=:]{3,}\+)/m.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	for (let first = 0; first < lines.length; first++) {
		if (fenced[first]) continue;
		const grid = GRID_BORDER.test(lines[first] as string) ? gridTable(lines, first, fenced) : undefined;
		const table = grid ? grid.table : PANDOC_RULE.test(lines[first] as string) ? multilineTable(lines, first, fenced) : simpleTable(lines, first, fenced);
		if (!table) {
			// A run of grid lines that is no table is passed whole: it is not read again from each of its lines.
			if (grid) first = grid.last;
			continue;
		}
		const written = gfmTable(table.header, table.rows).map((line) => `${table.indent}${line}`);
		const count = table.last - first + 1;
		lines.splice(first, count, ...written, ...Array.from({ length: count - written.length }, () => ''));
		first = table.last;
	}
	return lines.join('\n');
}

interface PandocTable {
	/** The spaces before its rules or borders, which its GFM lines keep (in a list item, they are the item's). */
	indent: string;
	header: string[] | undefined;
	rows: string[][];
	/** The index of its last line. */
	last: number;
}

/** The multiline table whose top rule is `lines[first]`, if it is one: a row or header before its closing rule, and columns from its dash groups. */
function multilineTable(lines: readonly string[], first: number, fenced: readonly boolean[]): PandocTable | undefined {
	// The blank line above: a rule right under a paragraph line makes that a heading (Setext).
	if (first > 0 && (lines[first - 1] as string).trim() !== '') return undefined;
	let columns: number | undefined;
	for (let index = first + 1; index < lines.length && index < first + 2_000; index++) {
		if (fenced[index]) return undefined;
		const line = lines[index] as string;
		if (columns === undefined && PANDOC_COLUMNS.test(line)) columns = index;
		else if (PANDOC_RULE.test(line) && index > first + 1) {
			if (columns === undefined) return undefined;
			const ranges = columnRanges(lines[columns] as string);
			const header = cellsOf(lines.slice(first + 1, columns), ranges);
			const rows = groupsOf(lines.slice(columns + 1, index)).map((group) => cellsOf(group, ranges));
			if (rows.length === 0 || ranges.length < 2) return undefined;
			return { indent: indentOf(lines[first] as string), header: header.some((cell) => cell !== '') ? header : undefined, rows, last: index };
		}
	}
	return undefined;
}

/**
 * The simple table whose header is `lines[first]`, if it is one: a line of text after a blank line, a line
 * of dash groups under it (two columns at least, each with a header), then rows of one line each up to a
 * blank line.
 */
function simpleTable(lines: readonly string[], first: number, fenced: readonly boolean[]): PandocTable | undefined {
	const columns = lines[first + 1];
	if (columns === undefined || fenced[first + 1] || !PANDOC_COLUMNS.test(columns) || (lines[first] as string).trim() === '') return undefined;
	if (first > 0 && (lines[first - 1] as string).trim() !== '') return undefined;
	const ranges = columnRanges(columns);
	const header = cellsOf([lines[first] as string], ranges);
	if (header.some((cell) => cell === '')) return undefined;
	let last = first + 1;
	while (last + 1 < lines.length && !fenced[last + 1] && (lines[last + 1] as string).trim() !== '' && !PANDOC_COLUMNS.test(lines[last + 1] as string)) last++;
	if (last === first + 1) return undefined;
	return { indent: indentOf(columns), header, rows: lines.slice(first + 2, last + 1).map((line) => cellsOf([line], ranges)), last };
}

/**
 * The grid table whose top border is `lines[first]`, if it is one (rows between `+---+` borders, the header
 * above a `+===+` one), and the last of the grid lines that start there.
 */
function gridTable(lines: readonly string[], first: number, fenced: readonly boolean[]): { table: PandocTable | undefined; last: number } {
	const border = lines[first] as string;
	const bounds = [...border.matchAll(/\+/g)].map((match) => match.index);
	let last = first;
	while (last + 1 < lines.length && !fenced[last + 1] && GRID_ROW.test(lines[last + 1] as string)) last++;
	if (bounds.length < 3 || last === first || !GRID_BORDER.test(lines[last] as string)) return { table: undefined, last };
	const ranges = bounds.slice(0, -1).map((start, column) => [start + 1, bounds[column + 1] as number] as const);
	let header: string[] | undefined;
	const rows: string[][] = [];
	let cell: string[] = [];
	for (let index = first + 1; index <= last; index++) {
		const line = lines[index] as string;
		if (!GRID_BORDER.test(line)) {
			cell.push(line);
			continue;
		}
		if (cell.length === 0) continue;
		const cells = cellsOf(cell, ranges);
		if (line.includes('=') && header === undefined && rows.length === 0) header = cells;
		else rows.push(cells);
		cell = [];
	}
	return { table: rows.length === 0 && header === undefined ? undefined : { indent: indentOf(border), header, rows, last }, last };
}

function indentOf(line: string): string {
	return /^ */.exec(line)?.[0] ?? '';
}

/** The column ranges (start, end) of a line of dash groups: each column ends where the next begins, the last at the line's end. */
function columnRanges(line: string): (readonly [number, number])[] {
	const starts = [...line.matchAll(/-+/g)].map((match) => match.index);
	return starts.map((start, column) => [start, starts[column + 1] ?? Number.POSITIVE_INFINITY] as const);
}

/** The text of each column of `lines`, its lines joined by a space. */
function cellsOf(lines: readonly string[], ranges: readonly (readonly [number, number])[]): string[] {
	return ranges.map(([start, end]) =>
		lines
			.map((line) => line.slice(start, end).replace(/\|$/, '').trim())
			.filter((text) => text !== '')
			.join(' '),
	);
}

/** The groups of non-blank lines of `lines`, as blank lines part a multiline table's rows. */
function groupsOf(lines: readonly string[]): string[][] {
	const groups: string[][] = [[]];
	for (const line of lines) {
		if (line.trim() === '') groups.push([]);
		else (groups.at(-1) as string[]).push(line);
	}
	return groups.filter((group) => group.length > 0);
}

/** A GFM table of `rows` under `header` (an empty one when the table has none, as GFM needs one). */
function gfmTable(header: string[] | undefined, rows: readonly string[][]): string[] {
	const width = Math.max(header?.length ?? 0, ...rows.map((row) => row.length));
	const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, column) => (cells[column] ?? '').replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
	return [line(header ?? []), `|${' --- |'.repeat(width)}`, ...rows.map(line)];
}
