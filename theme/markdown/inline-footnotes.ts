import { fencedLines } from './fences.ts';

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
	const lines = body.split('\n');
	const code = fencedLines(lines);
	const notes: string[] = [];
	const read = lines.map((line, index) => {
		if (code[index] || !line.includes('^[')) return line;
		return line
			.split(/(`+[^`]*`+)/)
			.map((part, at) =>
				at % 2 === 1
					? part
					: part.replace(INLINE_NOTE, (_whole: string, note: string) => {
							notes.push(note.trim());
							return `[^carnet-inline-${notes.length}]`;
						}),
			)
			.join('');
	});
	if (notes.length === 0) return body;
	return `${read.join('\n')}\n\n${notes.map((note, index) => `[^carnet-inline-${index + 1}]: ${note}`).join('\n')}\n`;
}
