import { fencedLines } from './fences.ts';

// An HTML element that kramdown (and PHP Markdown Extra) reads the content of as Markdown, its tag alone
// on its line: `<div class="notice--warning" markdown="1">`, or Python-Markdown's md_in_html, whose
// attribute may have no value (`<div class="grid" markdown>`, as Material for MkDocs writes it).
const OPENING = /^( {0,3})<([A-Za-z][\w-]*)((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?)\s+markdown(?:\s*=\s*(["']?)(?:1|block)\4)?((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>[ \t]*\r?$/i;

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
 * attribute. The closing tag stays: a line that starts with one ends a paragraph by itself. Every line
 * keeps its number. An opening tag with no blank line above it is left as it is, and returned.
 */
export function markdownInHtml(body: string): { body: string; unread: MarkdownInHtml[] } {
	if (!/\smarkdown(?:\s*=|\s*>|\s)/i.test(body)) return { body, unread: [] };
	const lines = body.split('\n');
	const unread: MarkdownInHtml[] = [];
	const code = fencedLines(lines);
	for (const [index, line] of lines.entries()) {
		const opening = code[index] ? undefined : OPENING.exec(line);
		if (!opening) continue;
		const [, indent, tag, before, , after] = opening as unknown as [string, string, string, string, string, string];
		if (index === 0 || (lines[index - 1] as string).trim() !== '') {
			unread.push({ line: index + 1, tag });
			continue;
		}
		lines[index - 1] = `${indent}<${tag}${before}${after}>`;
		lines[index] = '';
	}
	return { body: lines.join('\n'), unread };
}
