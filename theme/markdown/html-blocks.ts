import { parsedInTime, walk, type MarkdownNode } from './fences.ts';

// Elements that hold other blocks, which an HTML block opens and closes further down.
const CONTAINER = 'ul|ol|li|div|blockquote|table|thead|tbody|tfoot|tr|td|th|dl|dd|section|article|aside|details|figure|nav|header|footer|main|center';
const OPENS = new RegExp(`<(?:${CONTAINER})(?=[\\s>/])[^>]*(?<!/)>`, 'gi');
const CLOSES = new RegExp(`</(?:${CONTAINER})\\s*>`, 'gi');
// A line of HTML indented as code, and an HTML block's first line.
const INDENTED_TAG = /^(?: {4,}|\t)[ \t]*<[a-zA-Z/!]/;
const HINT_INDENTED = /^(?: {4,}|\t)[ \t]*<[a-zA-Z/]/m;
const HINT_BLOCK = /^ {0,3}<[a-zA-Z]/m;

/**
 * Lines of HTML indented inside an HTML element after a blank line, unindented: kramdown (Jekyll) and
 * browsers read `<ul>`, a blank line, then `    <li>…</li>` as the list it is, where CommonMark ends the
 * HTML block at the blank line and shows the indented tags as code. Only a block of lines that are all tags,
 * inside an element an HTML block above left open, is read so; each line keeps its place.
 */
export function indentedHtmlInBlocks(body: string): string {
	if (!HINT_INDENTED.test(body) || !HINT_BLOCK.test(body)) return body;
	const rows = body.split('\n');
	const root = parsedInTime(body, rows);
	let changed = false;
	walk(root, (node) => {
		let open = 0;
		for (const child of node.children ?? []) {
			if (child.type === 'html') open = Math.max(0, open + count(child, rows, OPENS) - count(child, rows, CLOSES));
			else if (child.type === 'code' && open > 0 && child.position) {
				const { start, end } = child.position;
				const lines = rows.slice(start.line - 1, end.line);
				if (!lines.every((line) => line.trim() === '' || INDENTED_TAG.test(line))) continue;
				for (let line = start.line - 1; line < end.line; line++) rows[line] = (rows[line] as string).trimStart();
				changed = true;
			}
		}
		return node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code' && node.type !== 'html';
	});
	return changed ? rows.join('\n') : body;
}

/** How many times `pattern` matches the source lines of `node`. */
function count(node: MarkdownNode, rows: readonly string[], pattern: RegExp): number {
	const { start, end } = node.position ?? { start: { line: 1 }, end: { line: 0 } };
	return rows.slice(start.line - 1, end.line).join('\n').match(pattern)?.length ?? 0;
}
