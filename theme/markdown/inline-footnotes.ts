import { fencedLines, outsideCode, outsideCodeSpans } from './fences.ts';

// `a claim^[The source.]`: Pandoc's, Quarto's and Obsidian's inline footnote, written against the word or
// the punctuation it notes; its text may hold brackets in pairs (a link). After a space, a slash, a quote or
// `=`, `^[a-z]` is a pattern (`/^[A-Z]/`, `grep '^[0-9]'`, `?regex=^[a-z]+`), not a note.
const INLINE_NOTE = /(?<=[\p{L}\p{N}.,;:!?)\]*_’”»])\^\[((?:[^[\]\n]|\[[^[\]\n]*\])+)\]/gu;

/**
 * Inline footnotes made GFM footnotes, which every processor Carnet supports reads: the note becomes a
 * reference (`[^carnet-inline-1]`) where it was written, and its text a definition at the end of the body,
 * so that every line keeps its number. Code keeps them as written.
 */
export function inlineFootnotes(body: string): string {
	if (!body.includes('^[')) return body;
	const notes: string[] = [];
	const read = outsideCode(body, /\^\[/, (line) =>
		!line.includes('^[')
			? line
			: outsideCodeSpans(line, (part) =>
					part.replace(INLINE_NOTE, (_whole: string, note: string) => {
						notes.push(note.trim());
						return `[^carnet-inline-${notes.length}]`;
					}),
				),
	);
	if (notes.length === 0) return body;
	// Definitions after a fence that nothing closes would be its code: the body is left as written.
	const lines = body.split('\n');
	if (fencedLines(lines).at(-1) === true && !/^ {0,3}(`{3,}|~{3,})\s*$/.test(lines.at(-1) as string)) return body;
	return `${read}\n\n${notes.map((note, index) => `[^carnet-inline-${index + 1}]: ${note}`).join('\n')}\n`;
}
