import { fencedLines, parsedInTime, walk, type MarkdownNode } from './fences.ts';

// A `file:` address in an HTML attribute (`<img src="file:///C:/photo.jpg">`, `<a href=file:…>`).
const HTML_FILE_URL = /\b(?:href|src|poster)[ \t]*=[ \t]*["']?(file:[^"'\s>]*)/gi;
// What raw HTML links to nothing in: comments, scripts and templates.
const HIDDEN_HTML = /<!--[\s\S]*?(?:-->|$)|<(script|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** A `file:` address of a body: its line, 1 being the first of the body, whether it is shown as an image, and the address as written. */
export interface FileUrl {
	line: number;
	image: boolean;
	address: string;
}

/**
 * The `file:` addresses that a body links to or shows (`![](file:///C:/Users/me/photo.jpg)`, `[notes](file:///home/me/notes.pdf)`,
 * `<img src="file:…">`), in the order of their lines: each names a file on the computer the post was written
 * on, which no reader's browser opens from a web page. Read as the Markdown parser reads links (not in code or
 * comments); line by line, outside fenced code and code spans, for a body too large for it.
 */
export function fileUrlsOf(body: string): FileUrl[] {
	if (!/file:/i.test(body)) return [];
	const rows = body.split('\n');
	const root = parsedInTime(body, rows);
	if (!root) return fileUrlsByLines(rows);
	const found: FileUrl[] = [];
	walk(root, (node) => {
		const line = node.position?.start.line ?? 1;
		const { url, value } = node as MarkdownNode & { url?: string; value?: string };
		if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && url !== undefined && /^file:/i.test(url)) {
			found.push({ line, image: node.type === 'image', address: url });
		} else if (node.type === 'html' && value !== undefined && /file:/i.test(value)) {
			const html = value.replace(HIDDEN_HTML, (part) => part.replace(/[^\n]/g, ' '));
			for (const match of html.matchAll(HTML_FILE_URL)) {
				const before = html.slice(0, match.index);
				found.push({ line: line + (before.match(/\n/g)?.length ?? 0), image: /<img\b[^<>]*$/i.test(before), address: match[1] as string });
			}
		}
		return true;
	});
	return found.sort((a, b) => a.line - b.line);
}

function fileUrlsByLines(rows: readonly string[]): FileUrl[] {
	const code = fencedLines(rows);
	const found: FileUrl[] = [];
	for (const [index, row] of rows.entries()) {
		if (code[index] || !/file:/i.test(row)) continue;
		const text = row.replace(/(`+)[^`]*?\1|<!--.*?-->/g, '');
		for (const match of text.matchAll(/(!?)\[[^\]\n]*\]\([ \t]*<?(file:[^\s)>]*)|\]:[ \t]*<?(file:[^\s>]*)/gi)) {
			found.push({ line: index + 1, image: match[1] === '!', address: (match[2] ?? match[3]) as string });
		}
		for (const match of text.matchAll(HTML_FILE_URL)) found.push({ line: index + 1, image: /<img\b[^<>]*$/i.test(text.slice(0, match.index)), address: match[1] as string });
	}
	return found;
}
