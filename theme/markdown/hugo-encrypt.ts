import { codeSpanMasks, fenceAfter, indentedCodeLines } from './fences.ts';

// Where a hugo-encrypt tag starts, opening (`{{% hugo-encrypt`) or closing (`{{% /hugo-encrypt`): Hugo reads a
// shortcode over several lines, so its spaces may be line breaks. An escaped one (`{{</* hugo-encrypt */>}}`)
// is not matched, as Hugo shows it as written.
const TAG_START = /\{\{([<%])-?\s*(\/\s*)?hugo-encrypt(?![\w.-])/g;

/**
 * A hugo-encrypt shortcode left out: its opening line (1 = the body's first), its tags as written without the
 * password, whether it was closed, whether its opening tag could be read up to its end (`unread` when not),
 * and, for a closing tag whose opening is in code (`inCode`, that opening's line), the closing tag's line.
 */
export interface HugoEncryptBlock {
	line: number;
	opening: string;
	closing: string;
	unclosed: boolean;
	unread?: true;
	inCode?: { closingLine: number };
}

/**
 * `body` without the text hugo-encrypt encrypts (`{{% hugo-encrypt "password" %}}` up to its
 * `{{% /hugo-encrypt %}}`), tags and password included, every other line kept on its line: Carnet does not
 * encrypt, and a static site would publish the text to everyone, feeds and search included. Text before the
 * opening tag and after the closing one on their lines stays. An opening tag may run over several lines, as
 * Hugo reads it; one Carnet cannot read up to its end is left out all the same, with what follows it. An
 * opening in code is an example, left as written, in a code span (`` `{{< hugo-encrypt "secret" >}}` ``, one
 * running over the lines of a paragraph too) as in a code block, and one inside the open block raises no
 * nesting there; a closing tag ends the text wherever it is, as Hugo reads shortcodes in code too. A closing
 * tag outside code with no opening before it but one in code is that opening's, as Hugo reads it: the text
 * from the end of that code up to it is left out. One never closed, which Hugo refuses to build, is left out
 * up to the end of the post.
 */
export function withoutHugoEncrypt(body: string): { body: string; removed: HugoEncryptBlock[] } {
	if (!body.includes('hugo-encrypt')) return { body, removed: [] };
	const lines = body.split('\n');
	const code = codeLines(lines, indentedCodeLines(body, /hugo-encrypt/));
	const spans = codeSpanMasks(lines, (index) => code[index] === true);
	const starts: number[] = [];
	for (let index = 0, offset = 0; index < lines.length; offset += (lines[index] as string).length + 1, index++) starts.push(offset);
	// The line an offset is on, found by a pointer that moves on from the last one asked for, since tags come in order.
	let at = 0;
	const position = (offset: number) => {
		while (at > 0 && (starts[at] as number) > offset) at--;
		while (at + 1 < starts.length && (starts[at + 1] as number) <= offset) at++;
		return { line: at, column: offset - (starts[at] as number) };
	};
	const isCode = (offset: number) => {
		const { line, column } = position(offset);
		return code[line] === true || spans[line]?.[column] !== (lines[line] as string)[column];
	};
	const removed: HugoEncryptBlock[] = [];
	const cuts: [number, number][] = [];
	// The open block: where its opening tag starts (or, for one opened in code, where the text after that code
	// starts), how it was written, and whether its tag was read.
	let open: { start: number; line: number; delimiter: string; unread: boolean } | undefined;
	// How many openings inside the open block are still open: a closing tag closes the innermost.
	let depth = 0;
	// The first opening in code with no closing after it, and how many openings in code it holds.
	let example: { start: number; arguments: number; line: number; delimiter: string; depth: number } | undefined;
	// Tags inside an opening tag's arguments (a quoted password) are its text.
	let readUpTo = 0;
	for (const match of body.matchAll(TAG_START)) {
		if (match.index < readUpTo) continue;
		const closing = match[2] !== undefined;
		const delimiter = match[1] as string;
		const inCode = isCode(match.index);
		const line = position(match.index).line;
		if (!open) {
			if (!closing) {
				if (inCode) {
					if (example) example.depth += 1;
					else example = { start: match.index, arguments: match.index + match[0].length, line, delimiter, depth: 0 };
					continue;
				}
				const end = tagEnd(body, match.index + match[0].length);
				open = { start: match.index, line, delimiter, unread: end === undefined };
				// The block takes the text after an example before it: no closing tag is that example's.
				example = undefined;
				readUpTo = end ?? match.index + match[0].length;
				continue;
			}
			if (!example) continue;
			if (example.depth > 0) {
				example.depth -= 1;
				continue;
			}
			if (inCode) {
				example = undefined;
				continue;
			}
			// Hugo reads the opening in code as this closing tag's: the text after that code is what it encrypts.
			// The code stays, so that it still ends where it did, but not the tag's password.
			let start = example.start;
			while (start < match.index && (isCode(start) || /\s/.test(body.charAt(start)))) start++;
			const exampleEnd = tagEnd(body, example.arguments);
			cuts.push([example.start, Math.min(exampleEnd ?? lineEnd(body, example.start), start)]);
			open = { start, line: example.line, delimiter: example.delimiter, unread: false };
			example = undefined;
			const end = tagEnd(body, match.index + match[0].length) ?? match.index + match[0].length;
			removed.push({ ...block(open, false), inCode: { closingLine: line + 1 } });
			cuts.push([open.start, end]);
			open = undefined;
			readUpTo = end;
			continue;
		}
		if (!closing) {
			if (!inCode) depth += 1;
			continue;
		}
		if (depth > 0) {
			depth -= 1;
			continue;
		}
		const end = tagEnd(body, match.index + match[0].length) ?? match.index + match[0].length;
		removed.push(block(open, false));
		cuts.push([open.start, end]);
		open = undefined;
		readUpTo = end;
	}
	if (open) {
		removed.push(block(open, true));
		cuts.push([open.start, body.length]);
	}
	return removed.length === 0 ? { body, removed } : { body: withoutCuts(body, cuts), removed };
}

/**
 * Where the tag whose arguments start at `from` ends (after its `%}}` or `>}}`), or undefined when Carnet cannot
 * tell: the post ends first, a quoted argument is never closed, or another shortcode (`{{`) starts first.
 * Quoted arguments are read as Hugo reads them, `"…"` with `\"` in it and `` `…` ``, so a password may hold `%}}`.
 */
function tagEnd(body: string, from: number): number | undefined {
	for (let at = from; at < body.length; at++) {
		const char = body.charAt(at);
		if ((char === '"' || char === '`') && /[\s=]/.test(body.charAt(at - 1))) {
			let close = body.indexOf(char, at + 1);
			while (char === '"' && close !== -1 && escaped(body, close)) close = body.indexOf(char, close + 1);
			if (close === -1) return undefined;
			at = close;
		} else if ((char === '%' || char === '>') && body.startsWith('}}', at + 1)) return at + 3;
		else if (char === '{' && body.charAt(at + 1) === '{') return undefined;
	}
	return undefined;
}

/** Where the line holding `at` ends. */
function lineEnd(text: string, at: number): number {
	const end = text.indexOf('\n', at);
	return end === -1 ? text.length : end;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
	let backslashes = 0;
	while (text.charAt(at - 1 - backslashes) === '\\') backslashes++;
	return backslashes % 2 === 1;
}

/** Whether each of `lines` is code: fenced (its fences included), or among `indented` (1 = the first line). */
function codeLines(lines: readonly string[], indented: Set<number>): boolean[] {
	let fence: string | undefined;
	return lines.map((line, index) => {
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		return code || indented.has(index + 1);
	});
}

function block(open: { line: number; delimiter: string; unread: boolean }, unclosed: boolean): HugoEncryptBlock {
	const end = open.delimiter === '<' ? '>' : '%';
	return { line: open.line + 1, opening: `{{${open.delimiter} hugo-encrypt ${end}}}`, closing: `{{${open.delimiter} /hugo-encrypt ${end}}}`, unclosed, ...(open.unread ? { unread: true as const } : {}) };
}

/**
 * `body` with each of `cuts` (start and end offsets, in order) emptied, every line kept on its line: the text
 * before a cut on its line stays, its spaces at the end trimmed, and so does the text after it, its spaces
 * at the start trimmed when the cut runs over lines.
 */
function withoutCuts(body: string, cuts: readonly [number, number][]): string {
	let result = '';
	let from = 0;
	for (const [start, end] of cuts) {
		let before = body.slice(from, start);
		let trimmed = before.length;
		while (trimmed > 0 && before.charAt(trimmed - 1) !== '\n' && /\s/.test(before.charAt(trimmed - 1))) trimmed--;
		before = before.slice(0, trimmed);
		const breaks = body.slice(start, end).split('\n').length - 1;
		result += before + '\n'.repeat(breaks);
		from = end;
		if (breaks > 0) while (from < body.length && body.charAt(from) !== '\n' && /\s/.test(body.charAt(from))) from++;
	}
	return result + body.slice(from);
}
