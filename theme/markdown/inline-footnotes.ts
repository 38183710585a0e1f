import { outsideCodeSpans, outsideFencedCode } from './fences.ts';

// `a claim^[The source.]`: Pandoc's, Quarto's and Obsidian's inline footnote, written against the word it
// notes; its text may hold brackets in pairs (a link). `^[a-z]` after a space is a pattern, not a note.
const INLINE_NOTE = /(?<=\S)\^\[((?:[^[\]\n]|\[[^[\]\n]*\])+)\]/g;

/**
 * Inline footnotes made GFM footnotes, which every processor Carnet supports reads: the note becomes a
 * reference (`[^carnet-inline-1]`) where it was written, and its text a definition at the end of the body,
 * so that every line keeps its number. Code keeps them as written.
 */
export function inlineFootnotes(body: string): string {
	if (!body.includes('^[')) return body;
	const notes: string[] = [];
	const read = outsideFencedCode(body, (line) =>
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
	return `${read}\n\n${notes.map((note, index) => `[^carnet-inline-${index + 1}]: ${note}`).join('\n')}\n`;
}
