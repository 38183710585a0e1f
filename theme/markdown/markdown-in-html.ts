import { fencedLines } from './fences.ts';

// An HTML element that kramdown (and PHP Markdown Extra) reads the content of as Markdown, its tag alone
// on its line: `<div class="notice--warning" markdown="1">`, or Python-Markdown's md_in_html, whose
// attribute may have no value (`<div class="grid" markdown>`, as Material for MkDocs writes it).
const OPENING = /^( {0,3})<([A-Za-z][\w-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?)\s+markdown(?:\s*=\s*(["']?)(?:1|block)\4)?((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>[ \t]*\r?$/i;

// Elements of a paragraph's text, whose content kramdown reads as a paragraph's (`<span>span <em>text</em></span>`):
// a `<p>` inside them is not valid HTML.
const INLINE = new Set(['span', 'a', 'em', 'strong', 'abbr', 'small', 'mark', 'sup', 'sub', 'code', 'kbd', 'label']);

/** A `markdown="1"` element whose content stays HTML: no blank line could be found to set it apart. */
export interface MarkdownInHtml {
	/** 1 = the first line of the body. */
	line: number;
	tag: string;
}

/**
 * Elements written `<div markdown="1">` … `</div>`, as kramdown reads them: their content is Markdown.
 * CommonMark reads Markdown after an HTML block only once a blank line ends the block, so the opening tag
 * moves up onto the blank line above it, leaving a blank line in its place, and loses its `markdown`
 * attribute. The closing tag stays: a line that starts with one ends a paragraph by itself. kramdown ends the
 * element's HTML at its closing tag, where CommonMark's HTML block goes on to the next blank line and takes
 * in the code fence or text right below it: a closing tag alone on its line with a line of text after it
 * opens with an empty comment (`<!----></div>`), an HTML block that ends on its own line. Every line
 * keeps its number. An opening tag with no blank line above it is left as it is, and returned. An element of a
 * paragraph's text (`<span markdown="1">`) opens its first line instead, so that CommonMark reads it as a tag
 * within a paragraph, and its closing tag stays the paragraph's.
 */
export function markdownInHtml(body: string): { body: string; unread: MarkdownInHtml[] } {
	if (!/\smarkdown(?:\s*=|\s*>|\s)/i.test(body)) return { body, unread: [] };
	const lines = body.split('\n');
	const unread: MarkdownInHtml[] = [];
	const code = fencedLines(lines);
	// The elements open at each line, innermost last, with how many elements of their name they hold open.
	const open: { tag: string; depth: number; inline?: true }[] = [];
	for (const [index, line] of lines.entries()) {
		if (code[index]) continue;
		const opening = OPENING.exec(line);
		if (!opening) {
			const inner = open.at(-1);
			if (inner) closeElement(lines, index, inner, open);
			continue;
		}
		const [, indent, tag, before, , after] = opening as unknown as [string, string, string, string, string, string];
		const name = tag.toLowerCase();
		const above = index === 0 ? '' : (lines[index - 1] as string);
		const below = lines[index + 1] ?? '';
		if (INLINE.has(name) && above.trim() === '' && below.trim() !== '' && !code[index + 1]) {
			open.push({ tag: name, depth: 0, inline: true });
			lines[index + 1] = `${indent}<${tag}${before}${after}>${below.trimStart()}`;
			lines[index] = '';
			continue;
		}
		open.push({ tag: name, depth: 0 });
		if (index === 0 || (lines[index - 1] as string).trim() !== '') {
			unread.push({ line: index + 1, tag });
			continue;
		}
		lines[index - 1] = `${indent}<${tag}${before}${after}>`;
		lines[index] = '';
	}
	return { body: lines.join('\n'), unread };
}

/** Whether `line` opens an element whose lines below kramdown reads as Markdown, as markdownInHtml() makes them: `<div markdown="1">`. */
export function opensMarkdownBlock(line: string): boolean {
	const tag = OPENING.exec(line)?.[2];
	return tag !== undefined && !INLINE.has(tag.toLowerCase());
}

/**
 * Counts the elements named as `inner` that line `index` opens and closes; a line that is its closing tag
 * alone ends it, and opens with an empty comment when text follows on the next line (markdownInHtml()).
 */
function closeElement(lines: string[], index: number, inner: { tag: string; depth: number; inline?: true }, open: { tag: string; depth: number }[]): void {
	const line = lines[index] as string;
	const closing = new RegExp(`^([ \\t]*)(</${inner.tag}\\s*>[ \\t]*\\r?)$`, 'i').exec(line);
	if (closing && inner.depth === 0) {
		open.pop();
		const next = lines[index + 1];
		if (!inner.inline && next !== undefined && next.trim() !== '') lines[index] = `${closing[1] as string}<!---->${closing[2] as string}`;
		return;
	}
	const lower = line.toLowerCase();
	for (let at = lower.indexOf(`<${inner.tag}`); at !== -1; at = lower.indexOf(`<${inner.tag}`, at + 1)) if (!/[\w-]/.test(lower[at + inner.tag.length + 1] ?? '')) inner.depth++;
	for (let at = lower.indexOf(`</${inner.tag}`); at !== -1; at = lower.indexOf(`</${inner.tag}`, at + 1)) if (!/[\w-]/.test(lower[at + inner.tag.length + 2] ?? '')) inner.depth--;
	if (inner.depth < 0) open.pop();
}
