import { codeSpanMasks, fencedLines, indentedCodeLines } from './fences.ts';

// A hugo-encrypt tag, opening (`{{% hugo-encrypt "password" %}}`) or closing (`{{% /hugo-encrypt %}}`), on one
// line. Its arguments hold no `{{`, so that each attempt ends at the next shortcode.
const TAG = /\{\{([<%])-?\s*(?:(\/)\s*)?hugo-encrypt(?![\w.-])(?:[^{\n>%]|[>%](?!\}\})|\{(?!\{))*[>%]\}\}/g;

/** A hugo-encrypt shortcode left out: its opening line (1 = the body's first), its tags as written without the password, and whether it was closed. */
export interface HugoEncryptBlock {
	line: number;
	opening: string;
	closing: string;
	unclosed: boolean;
}

/**
 * `body` without the text hugo-encrypt encrypts (`{{% hugo-encrypt "password" %}}` up to its
 * `{{% /hugo-encrypt %}}`), tags and password included, every other line kept on its line: Carnet does not
 * encrypt, and a static site would publish the text to everyone, feeds and search included. Text before the
 * opening tag and after the closing one on their lines stays. An opening in code is an example, left as
 * written, in a code span (`` `{{< hugo-encrypt "secret" >}}` ``, one running over the lines of a paragraph too) as in a
code block, and one inside the open block raises no nesting there; a closing tag ends the text wherever it
is, as Hugo reads shortcodes in code too. One never closed,
 * which Hugo refuses to build, is left out up to the end of the post.
 */
export function withoutHugoEncrypt(body: string): { body: string; removed: HugoEncryptBlock[] } {
	if (!body.includes('hugo-encrypt')) return { body, removed: [] };
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const indented = indentedCodeLines(body, /hugo-encrypt/);
	const spans = codeSpanMasks(lines, (index) => fenced[index] === true || indented.has(index + 1));
	const removed: HugoEncryptBlock[] = [];
	// The open block: where its opening tag starts, and how it was written.
	let open: { line: number; column: number; delimiter: string } | undefined;
	// How many openings inside the open block are still open: a closing tag closes the innermost.
	let depth = 0;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (!line.includes('hugo-encrypt')) continue;
		const code = fenced[index] === true || indented.has(index + 1);
		for (const match of line.matchAll(TAG)) {
			const closing = match[2] !== undefined;
			const example = code || spans[index]?.[match.index] !== '{';
			if (!open) {
				if (closing || example) continue;
				open = { line: index, column: match.index, delimiter: match[1] as string };
				continue;
			}
			if (!closing) {
				if (!example) depth += 1;
				continue;
			}
			if (depth > 0) {
				depth -= 1;
				continue;
			}
			const end = match.index + match[0].length;
			removed.push(block(open, false));
			cut(lines, open, index, end);
			open = undefined;
			// The line is cut: the tags after the closing one are read again from its new text.
			index -= 1;
			break;
		}
	}
	if (open) {
		removed.push(block(open, true));
		cut(lines, open, lines.length - 1, (lines.at(-1) as string).length);
	}
	return removed.length === 0 ? { body, removed } : { body: lines.join('\n'), removed };
}

function block(open: { line: number; delimiter: string }, unclosed: boolean): HugoEncryptBlock {
	const end = open.delimiter === '<' ? '>' : '%';
	return { line: open.line + 1, opening: `{{${open.delimiter} hugo-encrypt ${end}}}`, closing: `{{${open.delimiter} /hugo-encrypt ${end}}}`, unclosed };
}

/** Empties `lines` from the opening at `open` to column `end` of line `last`, keeping what is before and after on their lines. */
function cut(lines: string[], open: { line: number; column: number }, last: number, end: number): void {
	const before = (lines[open.line] as string).slice(0, open.column).trimEnd();
	const after = (lines[last] as string).slice(end);
	for (let index = open.line; index <= last; index++) lines[index] = '';
	if (open.line === last) lines[last] = `${before}${after}`;
	else {
		lines[open.line] = before;
		lines[last] = after.trimStart();
	}
}
