import { parsedInTime, walk, type MarkdownNode } from './fences.ts';

// Lists and tables, whose items and rows an HTML block opens and closes further down.
const CONTAINER = 'ul|ol|li|table|thead|tbody|tfoot|tr|dl';
const OPENS = new RegExp(`<(?:${CONTAINER})(?=[\\s>/])[^>]*(?<!/)>`, 'gi');
const CLOSES = new RegExp(`</(?:${CONTAINER})\\s*>`, 'gi');
// A line indented as code that is a list's or a table's own markup: an item, a row, a cell, a closing tag.
const INDENTED_TAG = /^(?: {4,}|\t)[ \t]*<\/?(?:li|tr|td|th|thead|tbody|tfoot|dt|dd|ul|ol|table|dl)(?=[\s>/])/i;
const HINT_INDENTED = /^(?: {4,}|\t)[ \t]*<[a-zA-Z/]/m;
const HINT_BLOCK = /^ {0,3}<[a-zA-Z]/m;

/**
 * A list's or a table's markup indented after a blank line, unindented: kramdown (Jekyll) and browsers read
 * `<ul>`, a blank line, then `    <li>…</li>` as the list it is, where CommonMark ends the HTML block at the
 * blank line and shows the indented tags as code. Only a block whose every line is an item, a row, a cell or
 * a closing tag, inside a list or table an HTML block above left open, is read so: any other indented HTML
 * is a code sample, as CommonMark shows it. Each line keeps its place.
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
