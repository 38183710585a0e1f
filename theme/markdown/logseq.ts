import { fenceAfter, maskCodeSpans } from './fences.ts';

// A block's property, on a line of its own under the block's first (`  collapsed:: true`, `id:: 6247…`),
// which Logseq keeps and does not show.
const BLOCK_PROPERTY = /^([ \t]*)[A-Za-z0-9][\w-]*::(?:[ \t].*)?\r?$/;
const BULLET = /^[ \t]*[-*+][ \t]/;
// A block that is only Logseq's table of contents: Carnet shows its own.
const TOC_BLOCK = /^([ \t]*)[-*+][ \t]+\{\{[ \t]*(?:renderer[ \t]+:tocgen2?|toc)\b[^{}\n]*\}\}[ \t]*\r?$/i;
// `{{embed ((uuid))}}`, `{{query (todo now)}}`, `{{video …}}`, and block references, `((6247…))`.
const MACRO = /\{\{[^{}\n]{1,300}\}\}/g;
const BLOCK_REFERENCE = /\(\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)\)/gi;

export interface LogseqBody {
	body: string;
	/** Macros and block references shown as written, with their line (1 = the body's first). */
	unread: { line: number; text: string }[];
}

/**
 * The outline of a Logseq page, as Logseq shows it: its blocks' properties are left out, each line an empty
 * HTML comment at the block's indent (a blank line would make the list loose, with wider spacing; comments are
 * left out of pages and feeds), and so is a block that holds only its table of contents (`{{renderer :tocgen}}`).
 * Other macros and block references, which Logseq fills in from the rest of the graph, are listed. Code is
 * left alone. Only for a Logseq page: elsewhere `key:: value` is text.
 */
export function readLogseqBody(body: string): LogseqBody {
	const lines = body.split('\n');
	const unread: LogseqBody['unread'] = [];
	let fence: string | undefined;
	// Whether the line before is a block's first line or one of its properties, which properties follow.
	let inBlockHead = false;
	for (const [index, line] of lines.entries()) {
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (code) {
			inBlockHead = false;
			continue;
		}
		const property = inBlockHead && !BULLET.test(line) ? BLOCK_PROPERTY.exec(line) : null;
		if (property) {
			lines[index] = `${property[1] as string}<!-- -->`;
			continue;
		}
		inBlockHead = BULLET.test(line);
		const toc = TOC_BLOCK.exec(line);
		if (toc) {
			// At the indent of the block's text, the comment is part of the block before (or comes before the
			// list): at the bullet's, it would end the list and part it in two.
			lines[index] = `${toc[1] as string}  <!-- -->`;
			continue;
		}
		if (!line.includes('{{') && !line.includes('((')) continue;
		// A reference inside a macro (`{{embed ((…))}}`) is the macro's; each in the order written; none in code.
		const text = maskCodeSpans(line);
		const found = [...text.matchAll(MACRO), ...text.replace(MACRO, (macro) => ' '.repeat(macro.length)).matchAll(BLOCK_REFERENCE)];
		for (const { 0: text } of found.sort((a, b) => a.index - b.index)) unread.push({ line: index + 1, text });
	}
	return { body: lines.join('\n'), unread };
}
