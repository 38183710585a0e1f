import { maskCodeSpans, verbatimLines } from './fences.ts';

// A citation in brackets, as Pandoc's citeproc reads it: `[@doe99]`, `[-@doe99]`, `[see @doe99, p. 33; also
// @smith04]`: brackets with no link or reference after them, holding a key after the bracket, a space, a
// semicolon or a minus (an email's `@` follows a letter). Brackets first, then keys: one pattern for both took
// time growing with the square of a line of keys left unclosed.
const BRACKETS = /\[[^[\]\n]*\](?![(\[:])/g;
const CITED_KEY = /(?:^|[\s;])-?@[\p{L}\p{N}_]/u;
// A Quarto cross-reference: `@fig-elephant`, `@tbl-letters`, `@sec-intro`, `@eq-energy`, not in an email or an address.
const CROSS_REFERENCE = /(?<![\p{L}\p{N}_./@-])@(?:fig|tbl|sec|eq)-[\p{L}\p{N}_-]+/gu;

/** Where a post cites: the line (1 = the first) and the citation as written. */
export interface Citation {
	line: number;
	text: string;
}

/**
 * The Pandoc citations (`[@doe99, p. 33]`) and Quarto cross-references (`@fig-x`, `@tbl-x`, `@sec-x`, `@eq-x`)
 * of `body`, outside code, in order: Pandoc and Quarto fill them in from a bibliography and the document's
 * numbered figures, tables and sections, which Carnet does not read, so they are shown as written. An
 * `@handle` in prose and an email are neither.
 */
export function citationsIn(body: string): Citation[] {
	if (!body.includes('@')) return [];
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /`|^ {4}|^\t|</);
	const found: Citation[] = [];
	for (const [index, line] of lines.entries()) {
		if (!line.includes('@') || verbatim.has(index)) continue;
		const text = maskCodeSpans(line);
		const cited = [...text.matchAll(BRACKETS)].filter((match) => CITED_KEY.test(match[0].slice(1, -1)));
		const matches = [...cited, ...text.matchAll(CROSS_REFERENCE)].sort((a, b) => a.index - b.index);
		for (const match of matches) found.push({ line: index + 1, text: match[0] });
	}
	return found;
}
