import { verbatimLines } from './fences.ts';
import { DELIMITER_ROW } from './tables.ts';

// A line of a Pandoc line block: a pipe and a space, then the line (its leading spaces kept), or a pipe alone.
const LINE_BLOCK_LINE = /^\|(?: (.*?)|[ \t]*)(\r?)$/;
// What would open another block where the line starts, or make the line above a heading: a heading, a quote, a
// list item, a fence, a rule or a Setext underline.
const BLOCK_START = /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|```|~~~|(?=[-*_=][-*_= \t]*$))/;

/**
 * Pandoc's line blocks (`| Much simpler than, say, FTP,`, each line of a poem or an address after a pipe and a
 * space) as one paragraph of their lines, each ended by a hard line break and its leading spaces kept (as
 * no-break spaces), as Pandoc writes them, where they were a paragraph of pipes run together. A line written on
 * the next one, indented, continues it. Each line stays on its line; a block of lines that are a table's (a
 * delimiter row among them, a line closed by a pipe, as kramdown's and GFM's rows end, or a pipe inside each
 * line, as kramdown's rows part their cells) is left alone, and
 * so are code and HTML blocks. A block of one line is read only in a post written for Pandoc (`pandoc`): elsewhere
 * a lone `| sort -u` is more likely a shell pipe or a table's row than a poem.
 */
export function lineBlocks(body: string, pandoc = false): string {
	if (!body.includes('| ') || !/^\| /m.test(body)) return body;
	const lines = body.split('\n');
	let verbatim: Set<number> | undefined;
	for (let first = 0; first < lines.length; first++) {
		if (!LINE_BLOCK_LINE.test(lines[first] as string) || (first > 0 && (lines[first - 1] as string).trim() !== '')) continue;
		let last = first;
		while (last + 1 < lines.length && (LINE_BLOCK_LINE.test(lines[last + 1] as string) || /^[ \t]+\S/.test(lines[last + 1] as string))) last++;
		// Pandoc ends a line block with a blank line.
		if (last + 1 < lines.length && (lines[last + 1] as string).trim() !== '') {
			first = last;
			continue;
		}
		const block = lines.slice(first, last + 1);
		const rows = block.filter((line) => line.startsWith('|'));
		if (rows.length === 1 && !pandoc) {
			first = last;
			continue;
		}
		const table = block.some((line) => DELIMITER_ROW.test(line) || (/(?<!\\)\|[ \t]*\r?$/.test(line) && line.trim() !== '|')) || rows.every((line) => /(?<!\\)\|/.test(line.slice(1)));
		verbatim ??= verbatimLines(lines, /^\| /);
		if (!table && !block.some((_, offset) => verbatim?.has(first + offset))) writeLineBlock(lines, first, last);
		first = last;
	}
	return lines.join('\n');
}

/** Writes the line block of `lines[first]` to `lines[last]` as a paragraph of its lines, in place. */
function writeLineBlock(lines: string[], first: number, last: number): void {
	for (let index = first; index <= last; index++) {
		const line = lines[index] as string;
		const match = LINE_BLOCK_LINE.exec(line);
		const ends = index === last || !/^[ \t]/.test(lines[index + 1] as string);
		const cr = line.endsWith('\r') ? '\r' : '';
		const text = match ? lineText(match[1] ?? '') : ` ${escapedStart(line.trim())}`;
		lines[index] = `${text}${ends && index < last ? '\\' : ''}${cr}`;
	}
}

/** A line's text with its leading spaces as no-break spaces, or, with none, what would open a block escaped; an empty line a no-break space. */
function lineText(text: string): string {
	const spaces = /^ */.exec(text)?.[0].length ?? 0;
	if (text.trim() === '') return '&nbsp;';
	return spaces > 0 ? `${'&nbsp;'.repeat(spaces)}${text.slice(spaces)}` : escapedStart(text);
}

function escapedStart(text: string): string {
	const match = BLOCK_START.exec(text);
	if (!match) return text;
	const at = match[0].length > 0 && /^\d/.test(match[0]) ? match[0].length : 0;
	return `${text.slice(0, at)}\\${text.slice(at)}`;
}
