import { verbatimLines } from './fences.ts';

// A definition's first line with five spaces or more after its colon (`:     Another converter`), which Sätteri
// reads as list items' rules read such a line, as the start of indented code.
const SPACED_DEFINITION = /^( {0,3}:)( {5,})(?=\S)/;
// The marker of the next definition, which ends the one before.
const DEFINITION = /^ {0,3}:[ \t]/;

/**
 * Definitions written with spaces after their colon (`Maruku` then `:     Another converter`, as kramdown's own
 * docs and Jekyll themes write them) as text, as kramdown reads them, where Sätteri showed them as code: kramdown
 * starts a definition at its first character after the colon and its spaces, and keeps in it the lines written
 * at that column (after a blank line too). Those lines move left with it, so that code indented four spaces
 * further stays code; each line stays on its line. Code and HTML blocks are left alone.
 */
export function unspacedDefinitions(body: string): string {
	if (!body.includes(':     ') || !/^ {0,3}: {5}/m.test(body)) return body;
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, SPACED_DEFINITION);
	for (let index = 0; index < lines.length; index++) {
		const match = verbatim.has(index) ? null : SPACED_DEFINITION.exec(lines[index] as string);
		if (!match || !underTerm(lines, index, verbatim)) continue;
		const [written, marker = ':'] = match;
		lines[index] = `${marker} ${(lines[index] as string).slice(written.length)}`;
		index = moveDefinitionLines(lines, index, written.length, written.length - marker.length - 1);
	}
	return lines.join('\n');
}

/** Whether `lines[index]` follows a term or a definition, on the line above or past one blank line, as kramdown's definitions do. */
function underTerm(lines: readonly string[], index: number, verbatim: ReadonlySet<number>): boolean {
	const above = (lines[index - 1] ?? '').trim() === '' ? index - 2 : index - 1;
	const line = lines[above];
	return line !== undefined && line.trim() !== '' && !verbatim.has(above) && !/^ {0,3}#/.test(line);
}

/**
 * Moves `shift` spaces left the lines after `lines[first]` (a definition's first line) that kramdown keeps in the
 * definition: those indented to `column` at least, and, under a line of text, lazy lines; returns the last.
 */
function moveDefinitionLines(lines: string[], first: number, column: number, shift: number): number {
	let last = first;
	for (let index = first + 1; index < lines.length; index++) {
		const line = lines[index] as string;
		if (line.trim() === '') continue;
		if (line.search(/[^ ]/) >= column) lines[index] = line.slice(shift);
		else if (DEFINITION.test(line) || (lines[index - 1] as string).trim() === '') break;
		last = index;
	}
	return last;
}
