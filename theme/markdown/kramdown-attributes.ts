import { indentedCodeLines, verbatimLines } from './fences.ts';
import { splitFences } from './shortcodes.ts';

/**
 * Kramdown's attribute lists, which Jekyll posts (Chirpy's above all) write after a block or a span:
 * `{: .prompt-tip }` under a blockquote, `{: file='a.scss' }` under a code fence, `` `a/b`{: .filepath} ``,
 * `![](a.png){: width="972" height="589" .left }`. Kramdown never shows them; other Markdown shows them as
 * text. Chirpy's prompts (`.prompt-tip`, `-info`, `-warning`, `-danger`) under a blockquote make it a callout;
 * every other list is left out, and listed so that the loader can say so. Each line stays on its line,
 * but for a prompt's blockquote, which moves one line down to open with its callout marker.
 */

const BLOCK_LIST = /^ {0,3}\{:[^}\n]*\}[ \t]*\r?$/;
// After an image, a link, a code span or emphasis: `…){: .class}`, `` …`{: .filepath} ``.
const SPAN_LIST = /(?<=[)`*_\]])\{:(?:[^{}\n]|\{(?!:))*\}/g;
const KRAMDOWN_TOC = /^ {0,3}(?:[*+-]|1\.)[ \t]+.*\r?$/;
const PROMPTS: Readonly<Record<string, string>> = { tip: 'TIP', info: 'NOTE', warning: 'WARNING', danger: 'CAUTION' };
const QUOTE = /^ {0,3}>/;

export interface AttributeListResult {
	body: string;
	/** The lists left out, with their line (1 = the body's first). */
	removed: { line: number; text: string }[];
}

/** `callouts`: whether Chirpy's prompts become callouts (the option of that name); otherwise they are left out too. */
export function readKramdownAttributes(body: string, callouts: boolean): AttributeListResult {
	if (!body.includes('{:')) return { body, removed: [] };
	const removed: AttributeListResult['removed'] = [];
	const runs = splitFences(body, indentedCodeLines(body, /\{:/)).map(({ text, code, line }) => {
		if (code) return text;
		const lines = text.split('\n');
		for (const [index, row] of lines.entries()) {
			if (BLOCK_LIST.test(row)) {
				lines[index] = blockList(lines, index, callouts, (text) => removed.push({ line: line + index, text }));
				continue;
			}
			lines[index] = withoutSpanLists(row, (list) => removed.push({ line: line + index, text: list }));
		}
		return lines.join('\n');
	});
	return { body: runs.join('\n'), removed };
}

/** What the line of a block attribute list becomes; a prompt's blockquote above it is rewritten in `lines`. */
function blockList(lines: string[], index: number, callouts: boolean, remove: (text: string) => void): string {
	const list = (lines[index] as string).trim();
	const prompt = /\.prompt-(tip|info|warning|danger)\b/.exec(list)?.[1];
	let start = index;
	while (start > 0 && QUOTE.test(lines[start - 1] as string)) start--;
	if (prompt && callouts && start < index) {
		// The quote moves one line down, onto the list's line, under the callout's marker.
		for (let at = index; at > start; at--) lines[at] = lines[at - 1] as string;
		lines[start] = `> [!${PROMPTS[prompt]}]`;
		return lines[index] as string;
	}
	remove(list);
	// `* TOC` above `{:toc}` asks kramdown for a table of contents, which Carnet makes itself.
	if (/^\{:\s*toc\s*\}$/.test(list) && index > 0 && KRAMDOWN_TOC.test(lines[index - 1] as string)) lines[index - 1] = '';
	return blockBoundary(lines, index);
}

/**
 * What a line of kramdown's that ends a block (an attribute list, `^`) becomes: an empty HTML comment, which
 * ends the block as kramdown's line does, where a blank line would not (two lists with one between them
 * would be read as one loose list). Comments are left out of pages and feeds.
 */
function blockBoundary(lines: readonly string[], index: number): string {
	const line = lines[index] as string;
	const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
	if (indent === '') return '<!-- -->';
	// Indented, in a list item: before more text of the item, it parts two paragraphs of it, as a blank line does
	// (a comment would join them, the list being tight); before another item, it keeps the list tight.
	const next = lines[index + 1] ?? '';
	const more = next.trim() !== '' && next.startsWith(indent) && !/^[ \t]*(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/.test(next);
	return more ? '' : `${indent}<!-- -->`;
}

/** The line without the lists that follow its spans; a list inside a code span is the span's text. */
function withoutSpanLists(line: string, remove: (text: string) => void): string {
	if (!line.includes('{:')) return line;
	const code = [...line.matchAll(/(`+)[^`]*?\1/g)].map((match) => [match.index, match.index + match[0].length] as const);
	return line.replace(SPAN_LIST, (list: string, offset: number) => {
		if (code.some(([from, to]) => offset >= from && offset < to)) return list;
		remove(list);
		return '';
	});
}

// kramdown's end-of-block marker, a `^` alone on its line, and its abbreviations, `*[HTML]: HyperText Markup Language`.
const END_OF_BLOCK = /^[ \t]{0,3}\^[ \t]*\r?$/;
const ABBREVIATION = /^[ \t]{0,3}\*\[[^\]\n]+\]:.*$/;

/**
 * kramdown's lines that Markdown would show as text, each line on its line: an end-of-block marker (`^`, which
 * parts two blocks) becomes what parts them (blockBoundary()), and an abbreviation's definition, which kramdown
 * shows nowhere (it marks the abbreviation in the text), is left out and returned. Code is left alone.
 */
export function withoutKramdownMarkers(body: string): { body: string; abbreviations: { line: number; text: string }[] } {
	if (!body.includes('^') && !body.includes('*[')) return { body, abbreviations: [] };
	const abbreviations: { line: number; text: string }[] = [];
	const lines = body.split('\n');
	const code = verbatimLines(lines, /^[ \t]{0,3}(?:\^[ \t]*\r?$|\*\[)/, { html: false });
	for (const [index, line] of lines.entries()) {
		if (code.has(index)) continue;
		if (END_OF_BLOCK.test(line)) lines[index] = blockBoundary(lines, index);
		else if (ABBREVIATION.test(line)) {
			abbreviations.push({ line: index + 1, text: line.trim() });
			lines[index] = '';
		}
	}
	return { body: lines.join('\n'), abbreviations };
}
