import { maskCodeSpans, verbatimLines } from './fences.ts';

// A citation in brackets, as Pandoc's citeproc reads it: `[@doe99]`, `[-@doe99]`, `[see @doe99, p. 33; also
// @smith04]`: brackets with no link or reference after them, holding a key after the bracket, a space, a
// semicolon or a minus (an email's `@` follows a letter). Brackets first, then keys: one pattern for both took
// time growing with the square of a line of keys left unclosed.
const BRACKETS = /\[[^[\]\n]*\](?![(\[:])/g;
const CITED_KEY = /(?:^|[\s;])-?@[\p{L}\p{N}_]/u;
// The forms prose does not write: a key first (`[@doe99]`, `[-@doe99]`), a key with a locator after its comma
// (`[see @doe99, p. 33]`), or keys apart by semicolons (`[see @a; @b]`). `[cc @alice]` is prose's.
const KEY_FIRST = /^-?@[\p{L}\p{N}_]/u;
const KEY_WITH_LOCATOR = /(?:^|[\s;])-?@[\p{L}\p{N}_][^\s,;]*,/u;
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
 * `@handle` in prose and an email are neither. Outside a post known to be Pandoc's (`pandoc`), a citation is
 * read in the forms prose does not write only: one word before a single key (`[cc @alice]`) is a handle.
 */
export function citationsIn(body: string, { pandoc = false }: { pandoc?: boolean } = {}): Citation[] {
	if (!body.includes('@')) return [];
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /`|^ {4}|^\t|</);
	const found: Citation[] = [];
	for (const [index, line] of lines.entries()) {
		if (!line.includes('@') || verbatim.has(index)) continue;
		const text = maskCodeSpans(line);
		const cited = [...text.matchAll(BRACKETS)].filter((match) => isCitation(match[0].slice(1, -1), pandoc));
		const matches = [...cited, ...text.matchAll(CROSS_REFERENCE)].sort((a, b) => a.index - b.index);
		for (const match of matches) found.push({ line: index + 1, text: match[0] });
	}
	return found;
}

/** Whether the text in brackets cites, as Pandoc reads it (`pandoc`) or in a form prose does not write. */
function isCitation(text: string, pandoc: boolean): boolean {
	if (!CITED_KEY.test(text)) return false;
	if (pandoc || KEY_FIRST.test(text) || KEY_WITH_LOCATOR.test(text)) return true;
	return text.split(';').filter((part) => CITED_KEY.test(part)).length > 1;
}
