import { codeSpanMasks, fencedLines, indentedCodeLines, parsedInTime, walk, type MarkdownNode } from './fences.ts';

// Lists and tables, whose items and rows an HTML block opens and closes further down, and the elements that
// hold blocks, whose closing tag may come after a blank line.
// Only those whose end tag HTML requires: an `<li>` or a `<tr>` left open says nothing.
const LIST = 'ul|ol|table|dl';
const CONTAINER = `${LIST}|div|blockquote|section|article|aside|details|figure|nav|header|footer|main|center`;
const opens = (names: string) => new RegExp(`<(?:${names})(?=[\\s>/])[^>]*(?<!/)>`, 'gi');
const closes = (names: string) => new RegExp(`</(?:${names})\\s*>`, 'gi');
const LIST_OPENS = opens(LIST);
const LIST_CLOSES = closes(LIST);
const CONTAINER_OPENS = opens(CONTAINER);
const CONTAINER_CLOSES = closes(CONTAINER);
// A line indented as code that is a list's or a table's own markup: an item, a row, a cell, a closing tag.
const INDENTED_TAG = /^(?: {4}|\t)[ \t]*<\/?(?:li|tr|td|th|thead|tbody|tfoot|dt|dd|ul|ol|table|dl)(?=[\s>/])/i;
// A line indented as code that is only the closing tag of an element (`    </div>`, as notebooks' exports write it).
const INDENTED_CLOSING = new RegExp(`^(?: {4}|\\t)[ \\t]*</(?:${CONTAINER})\\s*>[ \\t]*\\r?$`, 'i');
// An item's or a cell's tag, opening or closing: the elements whose text the lines between them hold.
const ITEM = /<(\/?)(?:li|td|th|dt|dd)(?=[\s>/])/gi;
const HINT_INDENTED = /^(?: {4}|\t)[ \t]*<[a-zA-Z/]/m;
const HINT_BLOCK = /^ {0,3}<[a-zA-Z]/m;

/**
 * A list's or a table's markup indented after a blank line, unindented: kramdown (Jekyll) and browsers read
 * `<ul>`, a blank line, then `    <li>…</li>` as the list it is, where CommonMark ends the HTML block at the
 * blank line and shows the indented tags as code. Only a block whose every line is an item, a row, a cell, a
 * closing tag or the text of an item or a cell it opened (`    <td>`, `      !`, `    </td>`, as WordPress
 * exports write tables), inside a list or table an HTML block above left open, is read so, and a line that is
 * only the closing tag of an element left open (`    </div>`): any other indented HTML is a code sample, as
 * CommonMark shows it. Each line keeps its place, and text inside the HTML its indentation, which a `<pre>`
 * shows.
 */
export function indentedHtmlInBlocks(body: string): string {
	if (!body.includes('<') || !HINT_INDENTED.test(body) || !HINT_BLOCK.test(body)) return body;
	const rows = body.split('\n');
	const root = parsedInTime(body, rows, { blocks: true });
	let changed = false;
	walk(root, (node) => {
		let lists = 0;
		let open = 0;
		for (const child of node.children ?? []) {
			if (child.type === 'html') {
				lists = Math.max(0, lists + count(child, rows, LIST_OPENS) - count(child, rows, LIST_CLOSES));
				open = Math.max(0, open + count(child, rows, CONTAINER_OPENS) - count(child, rows, CONTAINER_CLOSES));
			} else if (child.type === 'code' && open > 0 && child.position) {
				const { start, end } = child.position;
				if (!isMarkup(rows.slice(start.line - 1, end.line), lists > 0)) continue;
				for (let line = start.line - 1; line < end.line; line++) {
					const row = rows[line] as string;
					// Text that goes on an HTML block keeps its indentation; a line after a blank line opens a block.
					if (INDENTED_TAG.test(row) || INDENTED_CLOSING.test(row) || rows[line - 1]?.trim() === '') rows[line] = row.trimStart();
				}
				changed = true;
			}
		}
		return node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code' && node.type !== 'html';
	});
	return changed ? rows.join('\n') : body;
}

/**
 * Whether the lines of an indented code block are the markup of elements left open: each the closing tag of
 * one, or, inside a list or a table (`inList`), an item, a row or a cell, or text inside an item or a cell
 * that an earlier line opened.
 */
function isMarkup(lines: readonly string[], inList: boolean): boolean {
	let items = 0;
	for (const line of lines) {
		if (line.trim() === '' || INDENTED_CLOSING.test(line)) continue;
		if (!inList || (items === 0 && !INDENTED_TAG.test(line))) return false;
		for (const [, slash] of line.matchAll(ITEM)) items = Math.max(0, items + (slash ? -1 : 1));
	}
	return true;
}

/** How many times `pattern` matches the source lines of `node`. */
function count(node: MarkdownNode, rows: readonly string[], pattern: RegExp): number {
	const { start, end } = node.position ?? { start: { line: 1 }, end: { line: 0 } };
	return rows.slice(start.line - 1, end.line).join('\n').match(pattern)?.length ?? 0;
}

// nbconvert's `<style scoped>`, alone on its line as an HTML block may open, and the tag that ends any style.
const SCOPED_STYLE = /^ {0,3}<style[ \t]+scoped(?:[ \t][^<>]*)?>[ \t]*\r?$/i;
const STYLE_END = /<\/style[ \t]*>/i;

/**
 * nbconvert's `<style scoped>` … `</style>` holding a blank line left out, each line blank: pandas writes one
 * before each DataFrame's table (`.dataframe tbody tr th { … }`), its rules apart by blank lines, and a blank
 * line ends CommonMark's HTML block, so the rules after it were read as Markdown, text that summaries, cards
 * and feeds showed. Its rules style the notebook's own classes. Fenced code is left alone, and so is a style
 * nothing ends or one without a blank line, which is HTML whole. `lines`: the lines of the tags left out.
 */
export function withoutScopedStyles(body: string): { body: string; lines: number[] } {
	if (!body.includes('<') || !/<style[ \t]+scoped/i.test(body)) return { body, lines: [] };
	const rows = body.split('\n');
	const fenced = fencedLines(rows);
	const lines: number[] = [];
	for (let start = 0; start < rows.length; start++) {
		if (fenced[start] || !SCOPED_STYLE.test(rows[start] as string)) continue;
		let end = start + 1;
		while (end < rows.length && !STYLE_END.test(rows[end] as string)) end++;
		if (end === rows.length) break;
		if (!rows.slice(start + 1, end).some((row) => row.trim() === '')) continue;
		const closing = rows[end] as string;
		// The loop above stopped at this line for its </style>.
		const tag = STYLE_END.exec(closing) as RegExpExecArray;
		for (let line = start; line < end; line++) rows[line] = '';
		rows[end] = closing.slice(tag.index + tag[0].length);
		lines.push(start + 1);
		start = end;
	}
	return lines.length === 0 ? { body, lines } : { body: rows.join('\n'), lines };
}

// A comment, or a tag with its attributes' quoted values read whole: a `<pre>` that a comment mentions
// (`<!-- replace the <pre> below -->`) or an attribute holds (`title="<pre>"`) opens no element.
const COMMENT_OR_TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w-]*)(?:"[^"]*"|'[^']*'|[^'">])*/g;
// Where a `<pre>` an HTML block leaves open ends: its end tag, read as the HTML parser reads it.
const PRE_END = /<\/pre\s*>/i;
// An HTML block that opens with one of these elements ends at the line of the first end tag of one, blank lines
// inside included (CommonMark's first kind of HTML block); `</pre >`, which browsers read as `</pre>`, ends none.
const RAW_ELEMENTS = 'pre|script|style|textarea';
const RAW_BLOCK_START = new RegExp(String.raw`^[ \t]{0,3}<(?:${RAW_ELEMENTS})(?:[\s>]|$)`, 'i');
const RAW_BLOCK_END = new RegExp(`</(${RAW_ELEMENTS})>`, 'i');
// A line of a blockquote that is its `>` alone, which ends an HTML block in the quote as a blank line does.
const QUOTED_BLANK = /^(?:[ \t]*>)+[ \t]*\r?$/;

// An end tag with white space before its `>`, which browsers read as the tag without it.
const SPACED_RAW_END = new RegExp(String.raw`</(${RAW_ELEMENTS})[ \t]+>`, 'gi');
const HAS_SPACED_RAW_END = new RegExp(SPACED_RAW_END.source, 'i');

/**
 * `body` with each `</pre >` (`</script >`, `</style >`, `</textarea >`: white space before the `>`) outside code
 * written `</pre>`, and each line (1 = the body's first) where one was, with the first tag as written there. Browsers read the two alike, but CommonMark
 * ends the HTML block that `<pre>` opens only at `</pre>`: after `</pre >` the rest of the post would be that
 * block, its headings, lists and paragraphs shown as Markdown written. Code spans and code blocks keep theirs.
 * It runs before preInHtmlBlocks(), which writes `</pre >` itself to keep a block going (keepRawPreOpen()).
 */
export function spacedRawEndTags(body: string): { body: string; lines: { line: number; tag: string }[] } {
	if (!body.includes('</') || !HAS_SPACED_RAW_END.test(body)) return { body, lines: [] };
	const rows = body.split('\n');
	const fenced = fencedLines(rows);
	const indented = indentedCodeLines(body, HAS_SPACED_RAW_END);
	const isCode = (index: number) => fenced[index] === true || indented.has(index + 1);
	const masks = codeSpanMasks(rows, isCode);
	const lines: { line: number; tag: string }[] = [];
	for (const [index, row] of rows.entries()) {
		if (isCode(index) || !HAS_SPACED_RAW_END.test(row)) continue;
		const mask = masks[index] as string;
		let first: string | undefined;
		const written = row.replace(SPACED_RAW_END, (tag: string, name: string, offset: number) => {
			if (mask.slice(offset, offset + tag.length) !== tag) return tag;
			first ??= tag;
			return `</${name}>`;
		});
		if (first === undefined) continue;
		rows[index] = written;
		lines.push({ line: index + 1, tag: first });
	}
	return lines.length === 0 ? { body, lines } : { body: rows.join('\n'), lines };
}

/**
 * A `<pre>` opened inside an HTML block runs to its `</pre>`, blank lines included, as kramdown (Jekyll) and
 * browsers read it: `<div class="highlighter-rouge"><pre><code>…`, the code Jekyll's highlighter writes and
 * posts copy, holds blank lines, where CommonMark ends the HTML block at the first and reads the rest of the
 * code as Markdown (paragraphs inside the `<pre>`, its indentation lost). Each blank line up to the end tag
 * holds an empty comment, which the page does not show and which keeps the block going. The block then goes on
 * past the end tag up to a blank line, so a `<pre>` opened there and left open is read the same way: each of
 * a run of them (`<p>First:</p><pre>…</pre><p>Second:</p><pre>…`, as Ghost exports write them) is the code
 * written. Each line keeps its place; a `<pre>` that nothing closes is left alone.
 */
export function preInHtmlBlocks(body: string): string {
	if (!body.includes('<') || !/<pre[\s>]/i.test(body) || !PRE_END.test(body) || !/\n[ \t]*\r?\n/.test(body)) return body;
	const rows = body.split('\n');
	const root = parsedInTime(body, rows, { blocks: true });
	const open: MarkdownNode[] = [];
	walk(root, (node) => {
		if (node.type === 'html' && node.position && leavesPreOpen(node, rows)) open.push(node);
		return node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code' && node.type !== 'html';
	});
	if (open.length === 0) return body;
	// In the order they are written, each looking for its end tag from where the last one stopped: thousands
	// of blocks left open cost one pass over the lines.
	open.sort((a, b) => (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0));
	const fenced = fencedLines(rows);
	let reached = 0;
	for (const node of open) {
		const { start, end } = node.position ?? { start: { line: 1 }, end: { line: 0 } };
		if (start.line - 1 < reached) continue;
		const row = rows[start.line - 1] as string;
		const column = (start.column ?? 1) - 1;
		const quoted = row.slice(0, column).includes('>');
		reached = RAW_BLOCK_START.test(row.slice(column)) ? keepRawPreOpen(rows, fenced, start.line - 1, end.line - 1) : keepPreOpen(rows, fenced, end.line, quoted);
		if (reached === rows.length) break;
	}
	return rows.join('\n');
}

/**
 * Blank lines held by empty comments from `from` (0 = the first line) up to the end tag of the `<pre>` an HTML
 * block left open, and again for each `<pre>` the block, which now goes on to a blank line, leaves open after
 * it. The index of the line it stopped at: that blank line, a fenced line, or the end of `rows`.
 */
function keepPreOpen(rows: string[], fenced: readonly boolean[], from: number, quoted: boolean): number {
	// In a blockquote, a line that is its `>` alone is blank to the block, and its comment follows the `>`.
	const blank = (row: string) => row.trim() === '' || (quoted && QUOTED_BLANK.test(row));
	let next = from;
	for (;;) {
		let close = next;
		while (close < rows.length && !fenced[close] && !PRE_END.test(rows[close] as string)) close++;
		// Fenced code before the end tag: the `<pre>` is not the block its author meant to run on, and code
		// keeps its blank lines as written.
		if (close === rows.length || fenced[close]) return close;
		for (let line = next; line < close; line++) if (blank(rows[line] as string)) rows[line] = (rows[line] as string).replace(/\r?$/, '<!---->$&');
		let last = close;
		while (last + 1 < rows.length && !fenced[last + 1] && !blank(rows[last + 1] as string)) last++;
		const closing = rows[close] as string;
		// The loop above stopped at this line for its </pre>.
		const tag = PRE_END.exec(closing) as RegExpExecArray;
		const after = [closing.slice(tag.index + tag[0].length), ...rows.slice(close + 1, last + 1)].join('\n');
		if (!opensPre(after)) return last + 1;
		next = last + 1;
	}
}

/**
 * An HTML block from line `first` to `last` (0 = the first line) that opens with `<pre>` (or `<script>`,
 * `<style>`, `<textarea>`) and ends at the line of its first end tag, where a `<pre>` opens after that tag:
 * the end tags of each such line are written `</pre >`, so that the block runs on, blank lines included, to
 * the line of the end tag that leaves no `<pre>` open. The index of the line after the block; a `<pre>` that
 * nothing closes is left alone, and the index is that of the end of `rows` or the fenced line it stopped at.
 */
function keepRawPreOpen(rows: string[], fenced: readonly boolean[], first: number, last: number): number {
	const ending: number[] = [];
	let open = openPres(rows.slice(first, last + 1).join('\n'));
	let line = last;
	while (open > 0) {
		ending.push(line);
		let next = line + 1;
		while (next < rows.length && !fenced[next] && !RAW_BLOCK_END.test(rows[next] as string)) next++;
		// The lines up to here are left as written, and looked for no further.
		if (next === rows.length || fenced[next]) return next;
		open = openPres(rows.slice(line + 1, next + 1).join('\n'), open);
		line = next;
	}
	for (const index of ending) rows[index] = (rows[index] as string).replace(new RegExp(RAW_BLOCK_END.source, 'gi'), '</$1 >');
	return line + 1;
}

/** Whether the HTML block `node` opens more `<pre>` elements than it closes, comments and attribute values left out. */
function leavesPreOpen(node: MarkdownNode, rows: readonly string[]): boolean {
	const { start, end } = node.position ?? { start: { line: 1 }, end: { line: 0 } };
	return opensPre(rows.slice(start.line - 1, end.line).join('\n'));
}

/** Whether `html` opens more `<pre>` elements than it closes, comments and attribute values left out. */
function opensPre(html: string): boolean {
	return openPres(html) > 0;
}

/** How many `<pre>` elements are open after `html`, with `open` open before it, comments and attribute values left out. */
function openPres(html: string, open = 0): number {
	let count = open;
	for (const [, slash, name] of html.matchAll(COMMENT_OR_TAG)) {
		if (name?.toLowerCase() === 'pre') count = slash ? Math.max(0, count - 1) : count + 1;
	}
	return count;
}
