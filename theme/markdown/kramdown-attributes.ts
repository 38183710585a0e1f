import { indentedCodeLines, verbatimLines } from './fences.ts';
import { withoutAttributeList } from './heading-attributes.ts';
import { splitFences } from './shortcodes.ts';
import { TOC_HEADING } from './toc-placeholder.ts';

/**
 * Kramdown's attribute lists, which Jekyll posts (Chirpy's above all) write after a block or a span:
 * `{: .prompt-tip }` under a blockquote, `{: file='a.scss' }` under a code fence, `` `a/b`{: .filepath} ``,
 * `![](a.png){: width="972" height="589" .left }`. Kramdown never shows them; other Markdown shows them as
 * text. Chirpy's prompts (`.prompt-tip`, `-info`, `-warning`, `-danger`) under a blockquote make it a callout;
 * every other list is left out, and listed so that the loader can say so. Each line stays on its line,
 * but for a prompt's blockquote, which moves one line down to open with its callout marker. A list inside a
 * quote (`> {: .note}`, under a quote in a quote too) is read as one outside, within its quote.
 */

// Indented in a list item too (`1. TOC` then `   {:toc}`, as Prettier writes Just the Docs' pages), as kramdown
// reads an item's content without its indent; indented code is found apart (indentedCodeLines()).
// kramdown's extensions, `{::comment}` and `{:/comment}`, are no lists (kramdown-extensions.ts).
const BLOCK_LIST = /^[ \t]*\{:(?![:/])[^}\n]*\}[ \t]*\r?$/;
// After an image, a link, a code span or emphasis: `…){: .class}`, `` …`{: .filepath} ``.
const SPAN_LIST = /(?<=[)`*_\]])\{:(?![:/])(?:[^{}\n]|\{(?!:))*\}/g;
const KRAMDOWN_TOC = /^ {0,3}(?:[*+-]|1\.)[ \t]+.*\r?$/;
const PROMPTS: Readonly<Record<string, string>> = { tip: 'TIP', info: 'NOTE', warning: 'WARNING', danger: 'CAUTION' };
// A heading's line, and a setext heading's underline, with the line of its text above it.
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|\r?$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;
const NOT_SETEXT_TEXT = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#|>|```|~~~|<|\r?$)/;

export interface AttributeListResult {
	body: string;
	/** The lists left out, with their line (1 = the body's first). */
	removed: { line: number; text: string }[];
	/**
	 * kramdown's tables of contents left out (`1. TOC` above `{:toc}`): the line of `{:toc}`, and the title of
	 * its section left out with it, if it had one: a "Table of contents" heading, or a box (`<details>`), with its text.
	 */
	contents: { line: number; title?: { line: number; box: boolean; text: string } }[];
}

/** `callouts`: whether Chirpy's prompts become callouts (the option of that name); otherwise they are left out too. */
export function readKramdownAttributes(body: string, callouts: boolean): AttributeListResult {
	if (!body.includes('{:')) return { body, removed: [], contents: [] };
	const removed: AttributeListResult['removed'] = [];
	const contents: AttributeListResult['contents'] = [];
	// Fenced code in a quote is found by the Markdown parser, read only for a body with a list in a quote.
	const quotedCode = /^(?:[ \t]*>)+[ \t]*\{:/m.test(body) ? verbatimLines(body.split('\n'), /\{:/, { html: false }) : new Set<number>();
	const runs = splitFences(body, indentedCodeLines(body, /\{:/)).map(({ text, code, line }) => {
		if (code) return text;
		const lines = text.split('\n');
		for (const [index, row] of lines.entries()) {
			const marks = quoteMarks(row);
			if (BLOCK_LIST.test(row.slice(marks.length)) && !(marks !== '' && quotedCode.has(line + index - 1))) {
				lines[index] = blockList(lines, index, marks, callouts, {
					remove: (text) => removed.push({ line: line + index, text }),
					contents: (title) => contents.push({ line: line + index, ...(title === undefined ? {} : { title: { line: line + title.at, box: title.box, text: title.text } }) }),
				});
				continue;
			}
			lines[index] = withoutSpanLists(row, (list) => removed.push({ line: line + index, text: list }));
		}
		return lines.join('\n');
	});
	// The lists of a heading left out with its table of contents go with it.
	const kept = removed.filter(({ line }) => !contents.some(({ title, line: toc }) => title !== undefined && line > title.line && line < toc));
	return { body: runs.join('\n'), removed: kept, contents };
}

/**
 * What the line of a block attribute list becomes, `marks` being its quote's markers (empty outside a quote);
 * a prompt's blockquote above it is rewritten in `lines`, and so is a heading above it that the list leaves
 * out of the table of contents (`.no_toc`, Just the Docs' and Minimal Mistakes' class, or Chirpy's `data-toc-skip`), which gets the class
 * as a heading's attribute list (`## Title {.no_toc}`), read later (utils/unlisted-headings.ts).
 */
function blockList(lines: string[], index: number, marks: string, callouts: boolean, report: { remove: (text: string) => void; contents: (title: { at: number; box: boolean; text: string } | undefined) => void }): string {
	const depth = quoteDepth(marks);
	// The lines of the same quote, without its markers; a line of another quote is none of the list's.
	const within = (at: number) => {
		const line = lines[at];
		if (line === undefined || quoteDepth(quoteMarks(line)) < depth) return undefined;
		const own = withinMarks(line, depth);
		return { line: line.slice(own.length), marks: own };
	};
	const inner = (lines[index] as string).slice(marks.length);
	const list = inner.trim();
	const prompt = /\.prompt-(tip|info|warning|danger)\b/.exec(list)?.[1];
	let start = index;
	// The blockquote the list follows: lines a quote deeper than the list's own.
	while (start > 0 && quoteDepth(quoteMarks(lines[start - 1] as string)) > depth) start--;
	if (prompt && callouts && start < index) {
		// The quote moves one line down, onto the list's line, under the callout's marker.
		for (let at = index; at > start; at--) lines[at] = lines[at - 1] as string;
		lines[start] = `${marks}> [!${PROMPTS[prompt]}]`;
		return lines[index] as string;
	}
	const tokens = list.slice(2, -1).trim().split(/\s+/);
	const unlisted = tokens.some(leavesOutOfContents) && unlistHeading(lines, index, within);
	// `* TOC` above `{:toc}` asks kramdown for a table of contents, which Carnet makes itself.
	const above = within(index - 1);
	if (/^\{:\s*toc\s*\}$/.test(list) && above && KRAMDOWN_TOC.test(above.line)) {
		lines[index - 1] = above.marks.trimEnd();
		report.contents(withoutContentsTitle(lines, index, within));
		// Under the blank line its list leaves, a comment indented four spaces would be code: nothing is left to part.
		if (inner.replace(/\t/g, '    ').search(/\S/) >= 4) return marks.trimEnd();
	}
	// A list that only leaves its heading out of the table of contents is read whole.
	else if (!unlisted || !tokens.every(leavesOutOfContents)) report.remove(list);
	if (marks === '') return blockBoundary(lines, index);
	return `${marks}${blockBoundary([inner, within(index + 1)?.line ?? ''], 0)}`.trimEnd();
}

/**
 * Whether a token of a block attribute list leaves the heading above it out of the table of contents: the class
 * `.no_toc` (Just the Docs', Minimal Mistakes'), or Chirpy's `data-toc-skip=''` (any value, `""` too), the
 * attribute its tocbot skips a heading by.
 */
function leavesOutOfContents(token: string): boolean {
	return token === '.no_toc' || token === 'data-toc-skip' || token.startsWith('data-toc-skip=');
}

const DETAILS_OPENING = /^[ \t]*<details\b[^>]*>[ \t]*\r?$/i;
const CONTENTS_TITLE = /^(?:(?:table[ -]of[ -])?contents?|toc)$/i;
// How far a table of contents' title is looked for, blank lines included: a scan from each of many
// tables of contents one under the other would otherwise take the whole body.
const TITLE_DISTANCE = 8;

/**
 * Leaves out the title of the section that only held kramdown's table of contents (whose `{:toc}` is at
 * `index`), as Carnet's own has one: a "Table of contents" heading right above it, or Just the Docs'
 * collapsible box around it (`<details open markdown="block">`, its `<summary>` "Table of contents", and its
 * `</details>`). Returns the line of the heading or of the box's opening tag and its text as written, or undefined for neither.
 */
function withoutContentsTitle(lines: string[], index: number, within: (at: number) => { line: string; marks: string } | undefined): { at: number; box: boolean; text: string } | undefined {
	// What is left between a table of contents and the title of its section: blank lines, and lines this pass ended a block with.
	const emptyAt = (at: number) => ['', '<!-- -->'].includes(within(at)?.line.trim() ?? 'text');
	let title = index - 2;
	while (title > index - TITLE_DISTANCE && emptyAt(title)) title--;
	const found = within(title);
	if (!found) return undefined;
	const heading = withoutAttributeList(found.line);
	if (TOC_HEADING.test(heading)) {
		lines[title] = found.marks.trimEnd();
		return { at: title, box: false, text: heading.trim().replace(/^#+\s*|\s+#+$/g, '') };
	}
	// The box: its opening tag, then its summary on one line or three, then the table of contents.
	const text = (at: number) => within(at)?.line.trim() ?? '';
	const oneLine = /^<summary>.*<\/summary>$/i.test(text(title));
	const summary = oneLine ? text(title).slice('<summary>'.length, -'</summary>'.length) : /^<\/summary>$/i.test(text(title)) && /^<summary>$/i.test(text(title - 2)) ? text(title - 1) : undefined;
	const opening = oneLine ? title - 1 : title - 3;
	if (summary === undefined || !CONTENTS_TITLE.test(summary.trim()) || !DETAILS_OPENING.test(within(opening)?.line ?? '')) return undefined;
	let closing = index + 1;
	while (closing < index + TITLE_DISTANCE && emptyAt(closing)) closing++;
	if (!/^<\/details>$/i.test(text(closing))) return undefined;
	for (let at = opening; at <= closing; at++) lines[at] = within(at)?.marks.trimEnd() ?? '';
	return { at: opening, box: true, text: summary.trim() };
}

/**
 * Gives the heading right above a list's line (`index`) the class no_toc, as its attribute list; false
 * when no heading is there. `within` reads a line inside the list's quote.
 */
function unlistHeading(lines: string[], index: number, within: (at: number) => { line: string; marks: string } | undefined): boolean {
	const above = within(index - 1);
	if (!above) return false;
	if (ATX_HEADING.test(above.line)) {
		lines[index - 1] = `${above.marks}${withClass(above.line, true)}`;
		return true;
	}
	const text = within(index - 2);
	if (!SETEXT_UNDERLINE.test(above.line) || !text || NOT_SETEXT_TEXT.test(text.line)) return false;
	lines[index - 2] = `${text.marks}${withClass(text.line, false)}`;
	return true;
}

/** A heading's line with the class no_toc added to its attribute list, or to a new one; an ATX heading's closing hashes stay last. */
function withClass(line: string, atx: boolean): string {
	const end = line.endsWith('\r') ? '\r' : '';
	let text = line.slice(0, line.length - end.length).trimEnd();
	let closing = '';
	if (atx) {
		// Found from the end, without a pattern, which would try each place in a long run of hashes.
		let at = text.length;
		while (at > 0 && text[at - 1] === '#') at--;
		if (at < text.length && (text[at - 1] === ' ' || text[at - 1] === '\t')) {
			closing = ` ${text.slice(at)}`;
			text = text.slice(0, at).trimEnd();
		}
	}
	const listed = withoutAttributeList(text) !== text;
	return `${listed ? `${text.slice(0, -1).trimEnd()} .no_toc}` : `${text} {.no_toc}`}${closing}${end}`;
}

/** The quote markers that open `line` (`> `, `> > `), each `>` led by up to three spaces and followed by one. */
function quoteMarks(line: string): string {
	return withinMarks(line, Number.POSITIVE_INFINITY);
}

/** The first `depth` of a line's quote markers, or fewer where it has fewer, read in one pass. */
function withinMarks(line: string, depth: number): string {
	let end = 0;
	for (let count = 0; count < depth; count++) {
		let at = end;
		while (at - end < 3 && line[at] === ' ') at++;
		if (line[at] !== '>') break;
		at++;
		if (line[at] === ' ' || line[at] === '\t') at++;
		end = at;
	}
	return line.slice(0, end);
}

function quoteDepth(marks: string): number {
	return marks.split('>').length - 1;
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
