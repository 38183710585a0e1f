import { fromMarkdown } from 'mdast-util-from-markdown';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Fenced code, followed one line at a time: given the fence open before `line` (undefined outside code),
 * whether `line` is code (its opening and closing fences included) and the fence open after it. A fence
 * closes on a line of the same character, at least as long, and nothing else. The passes that rewrite a
 * body's text (shortcodes, admonitions, links) leave code alone through it.
 */
export function fenceAfter(line: string, open: string | undefined): { code: boolean; open: string | undefined } {
	const marker = FENCE.exec(line)?.[1];
	if (open !== undefined) {
		const closes = marker !== undefined && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker;
		return { code: true, open: closes ? undefined : open };
	}
	return { code: marker !== undefined, open: marker };
}

// Where an indented code block can be: a line indented by four spaces or a tab, maybe inside quotes.
const INDENTED_LINE = /^(?: {0,3}>[ \t]?)*(?: {4}|\t)[ \t]*\S/m;
const FENCED = /^[ \t]*(?:`{3,}|~{3,})/;

/**
 * The lines (1 = the body's first) of `body` in indented code blocks. Whether an indented line is code
 * depends on what is around it (a paragraph's continuation, a list item's content), so the body is read
 * as CommonMark does, and only when a line is indented at all. A body too deeply nested for the parser
 * gives none: its fenced code is still found line by line.
 */
export function indentedCodeLines(body: string): Set<number> {
	const lines = new Set<number>();
	if (!INDENTED_LINE.test(body)) return lines;
	type Node = { type: string; children?: Node[]; position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } } };
	let root: Node;
	try {
		root = fromMarkdown(body) as Node;
	} catch {
		return lines;
	}
	// A stack rather than recursion: a hostile body nests deep.
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop() as Node;
		const { start, end } = node.position ?? {};
		if (node.type === 'code' && start && end && !FENCED.test(body.slice(start.offset, end.offset))) {
			for (let line = start.line; line <= end.line; line++) lines.add(line);
		}
		for (const child of node.children ?? []) stack.push(child);
	}
	return lines;
}
