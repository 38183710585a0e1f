import { fencedLines } from './fences.ts';
import { h, isElement, type HastElement, type HastNode } from './hast.ts';
import { DELIMITER_ROW } from './tables.ts';

// Pandoc's table caption: a paragraph starting `Table:`, `table:` or a colon not followed by punctuation.
const CAPTION = /^( {0,3})(?:[Tt]able:|:(?![\p{P}]))[ \t]*(.*?)(\r?)$/u;
// A caption's id as Quarto writes it (`: Letters {#tbl-letters}`), given to its table.
const CAPTION_ID = /[ \t]*\{#([\w:.-]+)\}[ \t]*$/;
// What the first row of a caption starts with: a renderer without withTableCaption() shows it as an empty cell.
const TABLE_CAPTION_MARK = '<!--carnet:caption-->';

/**
 * Pandoc's table captions (`Table: Results.`, `: Letters {#tbl-letters}`), a paragraph right before a GFM table
 * or, when none is there, right after it (a blank line between or not), as rows of the table that
 * withTableCaption() makes its `<caption>`: the GFM parsers showed the paragraph as text, or a `:` line as a
 * definition. A caption after the table keeps its lines (the blank line between is a row; past more, it moves
 * up under the table); one before it goes under the table, the table's lines moving up. Run after the passes
 * that write other tables as GFM ones. Code, quotes and list items are left alone.
 */
export function tableCaptions(body: string): string {
	if (!body.includes('|') || !/^ {0,3}(?:[Tt]able)?:/m.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const blank = (index: number) => index >= 0 && index < lines.length && !fenced[index] && (lines[index] as string).trim() === '';
	const text = (index: number) => index >= 0 && index < lines.length && !fenced[index] && (lines[index] as string).trim() !== '';
	for (let delimiter = 1; delimiter < lines.length; delimiter++) {
		const header = delimiter - 1;
		if (fenced[delimiter] || fenced[header] || !DELIMITER_ROW.test(lines[delimiter] as string) || !(lines[header] as string).includes('|') || /^ {0,3}>/.test(lines[header] as string)) continue;
		let last = delimiter;
		while (text(last + 1)) last++;
		const indent = /^ */.exec(lines[header] as string)?.[0] ?? '';
		// Before the table, as Pandoc reads a caption first: a paragraph that starts with the caption, ending on the
		// line above it or past blank lines.
		let end = header - 1;
		while (blank(end)) end--;
		let start = end;
		while (text(start - 1)) start--;
		if (text(end) && CAPTION.test(lines[start] as string)) {
			const rows = captionRows(lines, start, end, indent, true);
			const table = lines.slice(header, last + 1);
			lines.splice(start, last - start + 1, ...table, ...rows, ...Array.from({ length: header - end - 1 }, () => ''));
			delimiter = last;
			continue;
		}
		// After it, when it has none before: its rows up to a caption line written right under them, or past blank lines.
		const rowCaption = rowsFrom(lines, delimiter + 1, last).findIndex((index) => CAPTION.test(lines[index] as string));
		let next = last + 1;
		while (blank(next)) next++;
		const after = rowCaption !== -1 ? delimiter + 1 + rowCaption : text(next) && CAPTION.test(lines[next] as string) ? next : undefined;
		if (after === undefined) {
			delimiter = last;
			continue;
		}
		let captionEnd = after;
		while (text(captionEnd + 1)) captionEnd++;
		const gap = Math.max(0, after - last - 1);
		if (gap <= 1) {
			// The blank line between, if any, is the caption's first row.
			if (gap === 1) lines[last + 1] = `${indent}|${TABLE_CAPTION_MARK}|`;
			captionRows(lines, after, captionEnd, indent, gap === 0).forEach((row, offset) => (lines[after + offset] = row));
		} else {
			// Blank lines between (those a Pandoc table rewritten shorter leaves) would end the table: the caption moves up.
			const rows = captionRows(lines, after, captionEnd, indent, true);
			lines.splice(last + 1, captionEnd - last, ...rows, ...Array.from({ length: gap }, () => ''));
		}
		delimiter = captionEnd;
	}
	return lines.join('\n');
}

/** The indices from `first` to `last`. */
function rowsFrom(lines: readonly string[], first: number, last: number): number[] {
	return lines.slice(first, last + 1).map((_, offset) => first + offset);
}

/** The caption written on `lines[start]` to `lines[end]` as rows of one cell, the first with the mark when `marked`. */
function captionRows(lines: readonly string[], start: number, end: number, indent: string, marked: boolean): string[] {
	return rowsFrom(lines, start, end).map((index) => {
		const line = lines[index] as string;
		const [, , caption = line, cr = ''] = index === start ? (CAPTION.exec(line) ?? []) : [undefined, undefined, line.trim(), line.endsWith('\r') ? '\r' : ''];
		const cell = caption.replace(/\r$/, '').trim().replace(/(?<!\\)\|/g, '\\|');
		return `${indent}|${index === start && marked ? TABLE_CAPTION_MARK : ''}${cell}|${cr}`;
	});
}

/**
 * `table` (hast) with the rows tableCaptions() wrote, from the first whose first cell opens with the mark, as
 * its `<caption>`: their first cells' content, one line each, and a trailing `{#id}` as the table's id; itself
 * when it has none.
 */
export function withTableCaption(table: HastElement): HastElement {
	const at = table.children.findIndex((child) => isElement(child, 'tbody') && child.children.some(opensCaption));
	if (at === -1) return table;
	const body = table.children[at] as HastElement;
	const mark = body.children.findIndex(opensCaption);
	const content: HastNode[] = [];
	for (const row of body.children.slice(mark).filter((child) => isElement(child, 'tr'))) {
		const cell = (row as HastElement).children.find((child) => isElement(child)) as HastElement | undefined;
		const parts = (cell?.children ?? []).filter((child) => !isMark(child));
		if (parts.length === 0) continue;
		if (content.length > 0) content.push({ type: 'text', value: '\n' });
		content.push(...parts);
	}
	const id = takeCaptionId(content);
	const rows = body.children.slice(0, mark);
	const kept = rows.some((row) => isElement(row, 'tr')) ? [{ ...body, children: rows }] : [];
	const caption = h('caption', {}, content);
	const rest = [...table.children.slice(0, at), ...kept, ...table.children.slice(at + 1)];
	return { ...table, properties: id === undefined ? table.properties : { ...table.properties, id }, children: [caption, ...rest] };
}

/** Takes a trailing `{#id}` off the caption's last text, and gives the id. */
function takeCaptionId(content: HastNode[]): string | undefined {
	const last = content.at(-1);
	if (last?.type !== 'text' || typeof last.value !== 'string') return undefined;
	const match = CAPTION_ID.exec(last.value);
	if (!match) return undefined;
	content[content.length - 1] = { type: 'text', value: last.value.slice(0, match.index) };
	return match[1];
}

function opensCaption(row: HastNode): boolean {
	const cell = isElement(row, 'tr') ? row.children.find((child) => isElement(child)) : undefined;
	return cell !== undefined && isMark(cell.children?.[0]);
}

function isMark(node: HastNode | undefined): boolean {
	return (node?.type === 'raw' && node.value === TABLE_CAPTION_MARK) || (node?.type === 'comment' && `<!--${node.value}-->` === TABLE_CAPTION_MARK);
}
