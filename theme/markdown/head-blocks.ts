import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fencedLines, maskCodeSpans, verbatimLines } from './fences.ts';

// A line that opens a `<head>` block, as Docusaurus posts write one (not `<header>`).
const HEAD_OPEN = /^[ \t]*<head(?=[\s>])[^>]*>/i;
const HEAD_CLOSE = /<\/head\s*>/i;
// A pasted document's doctype or `<html>` tag.
export const DOCUMENT_OPEN = /<(?:!doctype|html)(?=[\s>])/i;
// The lines a block may span: one that nothing closes is left as written.
const MAX_HEAD_LINES = 200;

/** What a `<head>` block of a post's body says, each element at its line (1 = the body's first). */
export interface HeadBlock {
	canonical?: { href: string; line: number } | undefined;
	title?: { text: string; line: number } | undefined;
	description?: { text: string; line: number } | undefined;
	/** The other elements, as written (shortened), which Carnet leaves out. */
	others: { written: string; line: number }[];
}

/**
 * `body` without its `<head>` blocks, each line left blank so that every later line keeps its number, and
 * what they say. Docusaurus moves such a block (`<head><link rel="canonical" href="…" /></head>`, in an MDX
 * or a Markdown post, which it compiles as MDX) into the page's head; left in the body, its elements would
 * be the body's, and a second canonical link. A block opens on a line of its own, outside code and comments,
 * below no pasted HTML document's doctype or `<html>` tag (that `<head>` is the saved page's, which Carnet
 * reads as a pasted document's), and ends at the first `</head>`. In an MDX body (`mdx`), only fenced code is
 * code. Of several blocks, the first canonical link, title and description are read, and later ones are among
 * the others.
 */
export function withoutHeadBlocks(body: string, options: { mdx?: boolean } = {}): { body: string; head: HeadBlock | undefined } {
	if (!body.includes('<') || !/<head\b/i.test(body)) return { body, head: undefined };
	const lines = body.split('\n');
	// The first line at or after each that holds a `</head>`, found once: a body of many openers and no closer
	// is read in linear time.
	const closers: number[] = new Array<number>(lines.length);
	for (let index = lines.length - 1, next = -1; index >= 0; index--) {
		if (HEAD_CLOSE.test(lines[index] as string)) next = index;
		closers[index] = next;
	}
	// What is code is looked for only in a body with a block that may be read: the Markdown parser reads it.
	const closed = (index: number) => HEAD_OPEN.test(lines[index] as string) && (closers[index] as number) !== -1 && (closers[index] as number) - index <= MAX_HEAD_LINES;
	if (!lines.some((_, index) => closed(index))) return { body, head: undefined };
	const code = options.mdx ? new Set(fencedLines(lines).flatMap((fenced, index) => (fenced ? [index] : []))) : verbatimLines(lines, /<head\b/i, { html: false });
	const { commented, documentAt } = commentedLines(lines, code, options.mdx === true);
	// The blocks' content, each line at its own (the others blank), read by the HTML parser at once.
	const content: string[] = new Array<string>(lines.length).fill('');
	let found = false;
	for (let index = 0; index < lines.length; index++) {
		const opener = HEAD_OPEN.exec(lines[index] as string);
		if (code.has(index) || commented.has(index) || index > documentAt || !opener || !closed(index)) continue;
		const last = closers[index] as number;
		const closing = lines[last] as string;
		const from = index === last ? opener[0].length : 0;
		const close = HEAD_CLOSE.exec(closing.slice(from));
		if (!close) continue;
		const closeAt = from + close.index;
		// What follows `</head>` on its line is the body's: such a block is left as written.
		if (closing.slice(closeAt + close[0].length).trim() !== '') continue;
		for (let at = index; at <= last; at++) {
			let text = lines[at] as string;
			if (at === last) text = text.slice(0, closeAt);
			if (at === index) text = ' '.repeat(opener[0].length) + text.slice(opener[0].length);
			content[at] = text;
			lines[at] = '';
		}
		found = true;
		index = last;
	}
	return found ? { body: lines.join('\n'), head: readHeadElements(content.join('\n')) } : { body, head: undefined };
}

/**
 * The lines (0 = the first) that open inside an HTML comment (`<!--` … `-->`), or in an MDX body (`mdx`) inside
 * an MDX one (a JavaScript comment in braces): a `<head>` block an author commented out is not read. Markers in
 * code, and in code spans, are text. Each marker is looked for once past the last it found: linear. And the
 * first line with a pasted document's doctype or `<html>` tag outside them (`documentAt`, Infinity if none).
 */
function commentedLines(lines: readonly string[], code: ReadonlySet<number>, mdx: boolean): { commented: Set<number>; documentAt: number } {
	const commented = new Set<number>();
	let documentAt = Number.POSITIVE_INFINITY;
	const opensDocument = (index: number, text: string) => {
		if (index < documentAt && DOCUMENT_OPEN.test(text)) documentAt = index;
	};
	const markers = mdx ? [['<!--', '-->'], ['{/*', '*/}']] : [['<!--', '-->']];
	let closer: string | undefined;
	for (const [index, written] of lines.entries()) {
		if (code.has(index)) continue;
		if (closer !== undefined) commented.add(index);
		const marked = written.includes('--') || written.includes('/*') || written.includes('*/');
		if (!marked && closer === undefined && DOCUMENT_OPEN.test(written)) opensDocument(index, maskCodeSpans(written));
		if (!marked) continue;
		const line = maskCodeSpans(written);
		// The line's text outside comments.
		let outside = '';
		// Where each opener is next found on the line, at or after the place read to.
		const next = markers.map(([opener]) => line.indexOf(opener as string));
		for (let at = 0; at < line.length; ) {
			if (closer !== undefined) {
				const end = line.indexOf(closer, at);
				if (end === -1) break;
				at = end + closer.length;
				closer = undefined;
				for (const [kind, [opener]] of markers.entries()) if ((next[kind] as number) !== -1 && (next[kind] as number) < at) next[kind] = line.indexOf(opener as string, at);
				continue;
			}
			let kind = -1;
			for (const [candidate, found] of next.entries()) if (found !== -1 && (kind === -1 || found < (next[kind] as number))) kind = candidate;
			outside += line.slice(at, kind === -1 ? line.length : (next[kind] as number));
			if (kind === -1) break;
			const [opener, close] = markers[kind] as [string, string];
			closer = close;
			at = (next[kind] as number) + opener.length;
		}
		opensDocument(index, outside);
	}
	return { commented, documentAt };
}

function textOf(node: Element): string {
	return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** What the elements of `html` (the blocks' content, each at its line of the body) say. */
function readHeadElements(html: string): HeadBlock {
	const head: HeadBlock = { others: [] };
	const tree = fromHtml(html, { fragment: true });
	for (const node of tree.children) {
		if (node.type !== 'element') continue;
		const line = node.position?.start.line ?? 1;
		const { properties } = node;
		const rel = Array.isArray(properties.rel) ? properties.rel.map(String) : [];
		if (node.tagName === 'link' && rel.some((value) => value.toLowerCase() === 'canonical') && typeof properties.href === 'string' && !head.canonical) {
			head.canonical = { href: properties.href.trim(), line };
		} else if (node.tagName === 'title' && !head.title && textOf(node).trim() !== '') {
			// A title's content is text alone: HTML reads no tags in it.
			head.title = { text: textOf(node).trim().replace(/\s+/g, ' '), line };
		} else if (node.tagName === 'meta' && String(properties.name ?? '').toLowerCase() === 'description' && typeof properties.content === 'string' && !head.description) {
			head.description = { text: properties.content.trim(), line };
		} else {
			const start = node.position?.start.offset ?? 0;
			// The tag as written, not the text of an element such as <script>, which may be long.
			const tag = html.slice(start, node.position?.end.offset ?? html.length).split('\n')[0] as string;
			const opening = tag.slice(0, tag.indexOf('>') + 1 || tag.length);
			head.others.push({ written: opening.length > 120 ? `${opening.slice(0, 119)}…` : opening, line });
		}
	}
	return head;
}
