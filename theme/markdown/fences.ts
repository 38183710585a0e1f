import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { math as mathSyntax } from 'micromark-extension-math';
import { htmlBlockEnd } from './html-openers.ts';
import { STAND_IN } from './stand-ins.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// In MDX, a fence in a JSX element is indented with it: at any indent.
const FENCE_AT_ANY_INDENT = /^[ \t]*(`{3,}|~{3,})/;

/**
 * Fenced code, followed one line at a time: given the fence open before `line` (undefined outside code),
 * whether `line` is code (its opening and closing fences included) and the fence open after it. A fence
 * closes on a line of the same character, at least as long, and nothing else. The passes that rewrite a
 * body's text (shortcodes, admonitions, links) leave code alone through it.
 */
export function fenceAfter(line: string, open: string | undefined, options: { anyIndent?: boolean } = {}): { code: boolean; open: string | undefined } {
	const found = (options.anyIndent ? FENCE_AT_ANY_INDENT : FENCE).exec(line);
	// A backtick fence's info string has no backtick: ```code``` on one line is a code span, not a fence.
	const marker = found && !(found[1]?.startsWith('`') && line.includes('`', found[0].length)) ? found[1] : undefined;
	if (open !== undefined) {
		const closes = marker !== undefined && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker;
		return { code: true, open: closes ? undefined : open };
	}
	return { code: marker !== undefined, open: marker };
}

/** A fence's info string in braces, read (readBracedFenceInfo()). */
export interface BracedFenceInfo {
	/** The language of its code, when it says one. */
	language?: string;
	/** The output format of a Pandoc raw block (`{=html}`), lower-cased. */
	format?: string;
	/** knitr's and Quarto's chunk options (`echo=FALSE`), by name, each value as written. */
	options: Record<string, string>;
	/** Whether it opens a knitr or Quarto chunk (`{r}`, `{python}`), code they run, not Pandoc's attributes. */
	chunk?: true;
}

// knitr's chunk options after the language and label: `echo=FALSE`, `fig.cap="A plot"`.
// Each name is read from its start only, so that a long word without `=` is read once.
const CHUNK_OPTION = /(?<![\w.])([A-Za-z][\w.]*)\s*=\s*("[^"]*"|'[^']*'|[^,\s]+)/g;

/**
 * A fence's info string written in braces, as Pandoc, Quarto, knitr and nbconvert write it, or undefined for
 * one that is not: the language is the first word (knitr and Quarto: `{r setup, include=FALSE}`, `{python}`)
 * or the first class (Pandoc's attributes: `{.python .cell-code}`, `{#mycode .go startFrom="99"}`), and
 * `{=html}` is Pandoc's raw block of a format. Hugo's options in braces (`{linenos=table}`) name no language.
 */
export function readBracedFenceInfo(info: string): BracedFenceInfo | undefined {
	const inside = /^\{([^{}]*)\}$/.exec(info.trim())?.[1]?.trim();
	if (inside === undefined) return undefined;
	const raw = /^=([\w-]+)$/.exec(inside)?.[1];
	if (raw !== undefined) return { format: raw.toLowerCase(), options: {} };
	if (/^[.#]/.test(inside)) {
		const language = /(?:^|\s)\.([\w+#-]+)/.exec(inside)?.[1];
		return { ...(language === undefined ? {} : { language }), options: {} };
	}
	const chunk = /^([\w+#-]+)(?![\w.]*\s*=)(.*)$/.exec(inside);
	if (!chunk) return { options: {} };
	const options: Record<string, string> = {};
	for (const [, name, value] of (chunk[2] as string).matchAll(CHUNK_OPTION)) options[name as string] = value as string;
	return { language: chunk[1] as string, options, chunk: true };
}

// A line of the options a Quarto cell opens with (knitr's chunks too, since knitr 1.35): `#| echo: false`.
const CELL_OPTION_LINE = /^#\|/;
const CELL_OPTION = /^#\|[ \t]*([\w.-]+)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/;

/**
 * The option lines (`#| echo: false`, `#| fig-cap: "A plot"`) that the code of a knitr or Quarto chunk opens
 * with, from `lines[from]`: how many, and each option by name, its value as written. Quarto reads them and
 * never shows them.
 */
export function readCellOptions(lines: readonly string[], from = 0): { count: number; options: Record<string, string> } {
	const options: Record<string, string> = {};
	let count = 0;
	for (let index = from; index < lines.length && CELL_OPTION_LINE.test(lines[index] as string); index++) {
		const [, name, value] = CELL_OPTION.exec(lines[index] as string) ?? [];
		if (name !== undefined) options[name] = value as string;
		count++;
	}
	return { count, options };
}

/** The language a fence's info string names: its first word, or the language its braces give (readBracedFenceInfo()). */
export function fenceLanguage(info: string): string | undefined {
	if (info.trimStart().startsWith('{')) return readBracedFenceInfo(info)?.language;
	return /^\s*\.?([\w-]+)/.exec(info)?.[1];
}

/** Whether each of `lines` is fenced code (its fences included), for a pass that rewrites the text outside code. */
export function fencedLines(lines: readonly string[]): boolean[] {
	let fence: string | undefined;
	return lines.map((line) => {
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		return code;
	});
}

/**
 * `body` with its fenced code and its code spans blanked out, each character a space, line breaks kept: the
 * text a pass looks for syntax in, at the offsets and lines of the body.
 */
export function withoutCode(body: string): string {
	const lines = body.split('\n');
	const code = fencedLines(lines);
	return lines.map((line, index) => (code[index] ? ' '.repeat(line.length) : maskCodeSpans(line))).join('\n');
}

/**
 * `body` with `change` applied to each line (its 0-based index given) that is prose: not code, not an HTML
 * block and not a highlight block (verbatimLines()), each line on its line. `hint` is what the pass
 * rewrites: a body that has none of it outside fences is not parsed. With `math`, a fence line in a `$$`
 * block is the formula's.
 */
export function outsideCode(body: string, hint: RegExp, change: (line: string, index: number) => string, options: { math?: boolean } = {}): string {
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, hint, options);
	return lines.map((line, index) => (verbatim.has(index) ? line : change(line, index))).join('\n');
}

// Hugo's and Jekyll's (Octopress's, Hexo's) blocks of code, which the shortcode pass makes fenced code later.
// Words after a Liquid end tag's name (`{% endhighlight shell-session %}`) are ignored, as Liquid and the
// shortcode pass ignore them.
const HIGHLIGHT_BLOCK = /^[ \t>]*(?:\{\{[<%]\s*highlight\b|\{%-?\s*(?:highlight|codeblock|code)\b)/;
const HIGHLIGHT_END = /\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}|\{%-?\s*end(?:highlight|codeblock|code)\b[^%\n]*?-?%\}/;

/**
 * The lines (0 = the first) of `lines` whose text Markdown shows as written or does not read: fenced code,
 * and, when a line outside fences holds what `hint` matches, the code blocks (fenced at any indentation, in
 * lists and quotes, or indented) and HTML blocks (unless `html` is false) the Markdown parser finds; and Hugo's
 * and Jekyll's highlight blocks. A body too large or too deeply nested for the parser is read by its fences alone.
 * With `html` false, the lines of HTML blocks are added to `htmlLines`, for a pass that writes HTML there.
 * With `math`, `$$` blocks are read as the site's math reads them: a fence line in one is the formula's, and
 * opens no code that would take the rest of the body.
 */
export function verbatimLines(lines: readonly string[], hint: RegExp, options: { html?: boolean; htmlLines?: Set<number>; math?: boolean } = {}): Set<number> {
	const highlight = new Set<number>();
	const verbatim = fencedAndHighlightLines(lines, highlight, options);
	if (!lines.some((line, index) => !verbatim.has(index) && hint.test(line))) return verbatim;
	// A body with no line that may open code or HTML has neither, and is not parsed (30,000 short lines of
	// prose took most of a second). A pass that reads HTML blocks as prose asks only for code, which no `<`
	// opens: 100 KB of `<B/>` lines, one HTML block, took a third of a second to parse and held none.
	const opens = options.html === false && options.htmlLines === undefined ? mayOpenCode : mayOpenBlock;
	if (!lines.some(opens)) return verbatim;
	// The parser reads a highlight block's lines blank: they are its code, and a fence among them that they do
	// not close would make the rest of the body code.
	const root = parsedInTime(highlight.size === 0 ? lines.join('\n') : lines.map((line, index) => (highlight.has(index) ? '' : line)).join('\n'), lines, { math: options.math === true, blocks: true });
	// An `html` node outside paragraphs and headings is a block (of the document, a quote or a list item).
	walk(root, (node) => {
		const { start, end } = node.position ?? {};
		if (start && end && (node.type === 'code' || (node.type === 'html' && options.html !== false))) {
			for (let line = start.line; line <= end.line; line++) verbatim.add(line - 1);
		} else if (start && end && node.type === 'html') {
			for (let line = start.line; line <= end.line; line++) options.htmlLines?.add(line - 1);
		}
		return node.type !== 'paragraph' && node.type !== 'heading';
	});
	return verbatim;
}

/**
 * The lines (0 = the first) of `lines` in fenced code or in Hugo's and Jekyll's highlight blocks: what
 * verbatimLines() finds without the parser. Hugo and Jekyll read the tags before Markdown, so a fence inside
 * a block is its code and ends with it, closed or not. The blocks' lines are added to `highlightLines` too.
 * With `math`, a `$$` block's lines are the formula's, a fence among them included.
 */
export function fencedAndHighlightLines(lines: readonly string[], highlightLines?: Set<number>, options: { math?: boolean } = {}): Set<number> {
	const verbatim = new Set<number>();
	let fence: string | undefined;
	let highlight = false;
	let math: string | undefined;
	for (const [index, line] of lines.entries()) {
		if (highlight || (fence === undefined && math === undefined && HIGHLIGHT_BLOCK.test(line))) {
			verbatim.add(index);
			highlightLines?.add(index);
			highlight = !HIGHLIGHT_END.test(line);
			continue;
		}
		if (options.math && fence === undefined) {
			const after = displayMathAfter(line, math);
			math = after.open;
			if (after.math) continue;
		}
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (code) verbatim.add(index);
	}
	return verbatim;
}

// What may open a line before its text: an indent, quote markers, list items' markers.
const LINE_LEAD = /^[ \t>*+\-\d.)]*/;

/**
 * Whether `line` may be code or HTML: its lead (LINE_LEAD) holds a tab or four spaces (indented code, in a
 * list item or a quote too), or is followed by a fence or a `<`. A body with no such line holds no code
 * block and no HTML block: each opens on one.
 */
function mayOpenBlock(line: string): boolean {
	return mayOpenCode(line) || line.slice((LINE_LEAD.exec(line) as RegExpExecArray)[0].length).startsWith('<');
}

/** Whether `line` may be code: mayOpenBlock() without the `<` that opens an HTML block. */
function mayOpenCode(line: string): boolean {
	const lead = (LINE_LEAD.exec(line) as RegExpExecArray)[0];
	if (lead.includes('\t') || lead.includes('    ')) return true;
	const text = line.slice(lead.length);
	return text.startsWith('```') || text.startsWith('~~~');
}

export type MarkdownNode = { type: string; children?: MarkdownNode[]; position?: { start: { line: number; column?: number; offset?: number }; end: { line: number; offset?: number } } };

/**
 * `body` (split into `rows`) read by the Markdown parser, or undefined when it is too large or too deeply nested
 * to read in time. With `math`, `$$` blocks are read as the site's math reads them (remark-math's syntax, which
 * Sätteri's math follows): what they hold is the formula. With `blocks`, only the blocks are read: a paragraph
 * or a heading holds its text as written, none of its inline code, links, emphasis or HTML.
 */
export function parsedInTime(body: string, rows: readonly string[], options: { math?: boolean; blocks?: boolean } = {}): MarkdownNode | undefined {
	if (body.length > MAX_PARSED_LENGTH || rows.some((row) => DEEP_LINE.test(row) || (!options.blocks && manyBrackets(row))) || rows.filter((row) => CONTAINER_LINE.test(row)).length > MAX_CONTAINER_LINES) return undefined;
	const extensions = [...(options.math ? [mathSyntax()] : []), ...(options.blocks ? [BLOCKS_ONLY] : [])];
	try {
		return fromMarkdown(body, { extensions, mdastExtensions: options.math ? [mathFromMarkdown()] : [] }) as MarkdownNode;
	} catch {
		return undefined;
	}
}

/**
 * The parser's extension that leaves out the inline constructs, which CommonMark reads after the blocks and
 * which decide none of them. Their reading takes time with the square of a line's tags and links (20,000
 * `<b>a</b>` and a link: 3 s).
 */
export const BLOCKS_ONLY = { disable: { null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'mathText'] } };

// The parser's time grows with the square of the link openers a line leaves open (`[a](b` 20,000 times: 4 s).
const MAX_BRACKETS_IN_LINE = 2_000;

function manyBrackets(row: string): boolean {
	if (row.length < MAX_BRACKETS_IN_LINE) return false;
	let count = 0;
	for (let at = row.indexOf('['); at !== -1; at = row.indexOf('[', at + 1)) if (++count > MAX_BRACKETS_IN_LINE) return true;
	return false;
}

/** Visits `root` and its descendants, those of a node for which `visit` returns false left out. */
export function walk(root: MarkdownNode | undefined, visit: (node: MarkdownNode) => boolean): void {
	const stack = root ? [root] : [];
	while (stack.length > 0) {
		const node = stack.pop() as MarkdownNode;
		// One at a time: a document of 100,000 paragraphs would pass too many arguments to push(...).
		if (visit(node)) for (const child of node.children ?? []) stack.push(child);
	}
}

/**
 * The fence of `body` that nothing closes, which takes every line after it to the end of the body into its
 * code (CommonMark's reading; kramdown and Python-Markdown read no code at all): its line (1 = the first) and
 * its text. None when only blank lines follow it. A fence that a list item or a quote ends, or one in an HTML
 * block, is none: the parser tells them apart, read only for a body whose lines leave a fence open. With
 * `math`, a fence line in a `$$` block is the formula's, as the page shows it.
 */
export function unclosedFence(body: string, options: { math?: boolean } = {}): { line: number; text: string } | undefined {
	const lines = body.split('\n');
	let open: string | undefined;
	let opening = 0;
	// The `$` run that opened the display math the line is in.
	let math: string | undefined;
	for (const [index, line] of lines.entries()) {
		if (options.math && open === undefined) {
			const after = displayMathAfter(line, math);
			math = after.open;
			if (after.math) continue;
		}
		const after = fenceAfter(line, open).open;
		if (open === undefined && after !== undefined) opening = index;
		open = after;
	}
	const last = lines.findLastIndex((line) => line.trim() !== '');
	if (open === undefined || last <= opening) return undefined;
	let runs = false;
	walk(parsedInTime(body, lines, { math: options.math === true, blocks: true }), (node) => {
		if (node.type === 'code' && node.position?.start.line === opening + 1 && node.position.end.line > last) runs = true;
		return !runs;
	});
	return runs ? { line: opening + 1, text: (lines[opening] as string).trim() } : undefined;
}

// A `$$` block's fences, as micromark-extension-math reads them: the opening one's words hold no `$`, and
// the closing one is a run at least as long, alone on its line.
const MATH_OPENING = /^ {0,3}(\${2,})[^$]*$/;
const MATH_CLOSING = /^ {0,3}(\${2,})\s*$/;

/**
 * Display math outside code, followed one line at a time as fenceAfter() follows code: given the `$` run that
 * opened the `$$` block `line` is in (undefined outside one), whether `line` is the block's (its fences
 * included) and the run open after it.
 */
function displayMathAfter(line: string, open: string | undefined): { math: boolean; open: string | undefined } {
	if (open === undefined) {
		const opening = MATH_OPENING.exec(line)?.[1];
		return { math: opening !== undefined, open: opening };
	}
	const closing = MATH_CLOSING.exec(line)?.[1];
	return { math: true, open: closing !== undefined && closing.length >= open.length ? undefined : open };
}

// A line indented as code (maybe in quotes): only one that holds what a pass rewrites needs the parser.
// The quote markers are read at once (`(?=(…))\1`, an atomic group): a line quoted 24 deep took 2.6 s to
// fail the pattern without it, and the time doubled with each level.
const INDENTED_LINE = /^(?=((?: {0,3}>[ \t]?)*))\1(?: {4}|\t)/;
const FENCED = /^[ \t]*(?:`{3,}|~{3,})/;
const TOP_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
// The parser's time grows with lists and quotes, faster than linearly with their depth (5,000 list items
// nested four deep: 6 s). A body past these bounds is not parsed: its indented code is left to the passes,
// as fenced code never is.
const CONTAINER_LINE = /^[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/;
// Sixteen quotes or list items deep on one line (- - - x took the parser time with the cube of its markers:
// 4,000 of them 18 s), or a list item indented by 64 columns (code indented as deep costs nothing).
const DEEP_LINE = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))){16}|^[ \t]{64,}(?:[-*+]|\d{1,9}[.)])[ \t]/;
const MAX_CONTAINER_LINES = 500;
const MAX_PARSED_LENGTH = 256 * 1024;

/**
 * The lines (1 = the body's first) of `body` in indented code blocks, when one of its indented lines holds
 * what `rewrites` matches (a pass's own trigger: `{{`, `.md`…). Whether an indented line is code depends on
 * what is around it (a paragraph's continuation, a list item's content), so the body is then read as
 * CommonMark reads it. A body too large or too deeply nested for the parser gives none.
 */
export function indentedCodeLines(body: string, rewrites: RegExp): Set<number> {
	const lines = new Set<number>();
	const rows = body.split('\n');
	if (!rows.some((row) => INDENTED_LINE.test(row) && rewrites.test(row))) return lines;
	walk(parsedInTime(body, rows, { blocks: true }), (node) => {
		const { start, end } = node.position ?? {};
		// A fence of the document itself (indented up to three spaces) is fenceAfter()'s; one in a list item or a
		// quote (`1. …` then a fence indented four spaces) is code the line-by-line passes would not see.
		if (node.type === 'code' && start && end && !(FENCED.test(body.slice(start.offset, end.offset)) && TOP_FENCE.test(rows[start.line - 1] ?? ''))) {
			for (let line = start.line; line <= end.line; line++) lines.add(line);
		}
		return true;
	});
	return lines;
}

/**
 * The code spans of `text` (a line, or a paragraph's lines joined), each as its start and end offsets: a run
 * of backticks up to the next run of as many, as CommonMark reads them (``` `` a ` b `` ``` is one span). A run
 * that no later run of its length closes is text, and the run after it may open a span. Read from left to
 * right as CommonMark reads inlines, an autolink (`<https://a`b>`), a raw HTML tag or comment
 * (`<abbr title="`">`, `<!-- ` -->`) and an inline link's destination and title (`[a](b "Don`t")`, once its
 * `]` is reached outside a span) hold no backtick that opens one.
 */
export function codeSpanRanges(text: string): [number, number][] {
	return inlineCodeScan(text).spans;
}

/**
 * `line` with each backtick in an inline link's destination or title, an autolink or a raw HTML tag made
 * `mark`: a pattern that reads code spans on one line (`` `+[^`]*`+ ``) then pairs none of them with a
 * backtick after the link or tag, as codeSpanRanges() pairs none.
 */
export function markLinkBackticks(line: string, mark: string): string {
	if (!line.includes('`') || !(line.includes('](') || line.includes('<'))) return line;
	const { skipped } = inlineCodeScan(line);
	let marked = '';
	let from = 0;
	for (const [start, end] of skipped) {
		marked += line.slice(from, start) + line.slice(start, end).replaceAll('`', mark);
		from = end;
	}
	return marked + line.slice(from);
}

/** The code spans of `text` (codeSpanRanges()), and what it skips whole: inline links' tails, autolinks and raw HTML, which hold none. */
function inlineCodeScan(text: string): { spans: [number, number][]; skipped: [number, number][] } {
	const spans: [number, number][] = [];
	const skipped: [number, number][] = [];
	if (!text.includes('`')) return { spans, skipped };
	// Each run of backticks whole: inside a span a backslash is text, so a run after one closes a span as any run does.
	const runs: { start: number; end: number }[] = [];
	for (let at = text.indexOf('`'); at !== -1; at = text.indexOf('`', at)) {
		const start = at;
		while (text.charAt(at) === '`') at++;
		runs.push({ start, end: at });
	}
	// For each run, the next run of its length, and of its length less one (what closes the run once a backslash
	// before it has made its first backtick text), found from the end in one pass so that a paragraph of
	// thousands of unclosed runs is read in linear time.
	const next: (number | undefined)[] = new Array(runs.length);
	const nextShorter: (number | undefined)[] = new Array(runs.length);
	const seen = new Map<number, number>();
	for (let index = runs.length - 1; index >= 0; index--) {
		const run = runs[index] as { start: number; end: number };
		next[index] = seen.get(run.end - run.start);
		nextShorter[index] = seen.get(run.end - run.start - 1);
		seen.set(run.end - run.start, index);
	}
	const tails = new InlineLinks(text);
	const html = new RawHtml(text);
	// The brackets that may open a link, each whether it opens an image; below `active`, a link's opener is
	// spent, as a link holds no other link.
	const openers: boolean[] = [];
	let active = 0;
	let run = 0;
	for (let at = 0; at < text.length; ) {
		// Only backslashes, backticks, angle and square brackets are read: the text between them is skipped at once.
		INLINE_MARK.lastIndex = at;
		if (!INLINE_MARK.test(text)) break;
		at = INLINE_MARK.lastIndex - 1;
		const char = text.charAt(at);
		if (char === '\\') at += 2;
		else if (char === '`') {
			while (run < runs.length && (runs[run] as { end: number }).end <= at) run++;
			const { start, end } = runs[run] as { start: number; end: number };
			// A backslash escapes only the first backtick of a run (`` \`` ``), which the backslash's step passed:
			// the rest of the run opens a span.
			const closing = at === start ? next[run] : at === start + 1 ? nextShorter[run] : undefined;
			if (closing === undefined) at = end;
			else {
				spans.push([at, (runs[closing] as { end: number }).end]);
				at = (runs[closing] as { end: number }).end;
				run = closing;
			}
		} else if (char === '<') {
			const end = autolinkEnd(text, at) ?? html.end(at);
			if (end !== undefined) skipped.push([at, end]);
			at = end ?? at + 1;
		} else if (char === '[') {
			openers.push(text.charAt(at - 1) === '!' && text.charAt(at - 2) !== '\\');
			at++;
		} else if (char === ']' && openers.length > 0) {
			const image = openers.pop() as boolean;
			const end = (image || openers.length >= active) && text.charAt(at + 1) === '(' ? tails.tailEnd(at + 1) : undefined;
			active = end !== undefined && !image ? openers.length : Math.min(active, openers.length);
			if (end !== undefined) skipped.push([at + 1, end]);
			at = end ?? at + 1;
		} else at++;
	}
	return { spans, skipped };
}

const INLINE_MARK = /[\\`<[\]]/g;
// An autolink's address: a scheme of 2 to 32 characters and what follows up to `>`, or an email address.
const URI_AUTOLINK = /<[A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>\x00-\x1f]*>/y;
const EMAIL_AUTOLINK = /<[\w.!#$%&'*+/=?^`{|}~-]+@([A-Za-z\d.-]+)>/y;
const DOMAIN_LABEL = /^[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?$/;

/** Where the autolink opening at `at` (`<https://a.example>`, `<me@a.example>`) ends, or undefined if none does. */
function autolinkEnd(text: string, at: number): number | undefined {
	URI_AUTOLINK.lastIndex = at;
	if (URI_AUTOLINK.test(text)) return URI_AUTOLINK.lastIndex;
	EMAIL_AUTOLINK.lastIndex = at;
	const email = EMAIL_AUTOLINK.exec(text);
	return email && (email[1] as string).split('.').every((label) => DOMAIN_LABEL.test(label)) ? EMAIL_AUTOLINK.lastIndex : undefined;
}

// CommonMark's raw HTML (spec 6.6): an open tag with its attributes, a closing tag, a comment, a processing
// instruction, a declaration or CDATA. Whitespace in a tag is spaces and tabs with at most one line break.
const SPACE = String.raw`[ \t]*(?:(?:\r\n?|\n)[ \t]*)?`;
const SOME_SPACE = String.raw`(?:[ \t]+(?:(?:\r\n?|\n)[ \t]*)?|(?:\r\n?|\n)[ \t]*)`;
const ATTRIBUTE = String.raw`${SOME_SPACE}[A-Za-z_:][\w.:-]*(?:${SPACE}=${SPACE}(?:[^ \t\r\n"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const HTML_TAG = new RegExp(String.raw`<[A-Za-z][A-Za-z\d-]*(?:${ATTRIBUTE})*${SPACE}\/?>|<\/[A-Za-z][A-Za-z\d-]*${SPACE}>|<!-->|<!--->`, 'y');
// The raw HTML that runs from its opener to the first closer after it.
const HTML_CLOSERS = [
	{ opener: /<!--/y, closer: '-->' },
	{ opener: /<\?/y, closer: '?>' },
	{ opener: /<!\[CDATA\[/y, closer: ']]>' },
	{ opener: /<![A-Za-z]/y, closer: '>' },
] as const;

/**
 * The raw HTML of `text`, read as CommonMark reads it. The closer that a comment, a processing instruction,
 * CDATA or a declaration looks for is remembered where it was found (or not), so that a paragraph of thousands
 * of unclosed `<!--` is read in linear time.
 */
class RawHtml {
	readonly #text: string;
	readonly #found = new Map<string, number>();

	constructor(text: string) {
		this.#text = text;
	}

	/** Where the raw HTML opening at `at` ends, or undefined if none opens there. */
	end(at: number): number | undefined {
		const text = this.#text;
		HTML_TAG.lastIndex = at;
		if (HTML_TAG.test(text)) return HTML_TAG.lastIndex;
		const kind = HTML_CLOSERS.find(({ opener }) => {
			opener.lastIndex = at;
			return opener.test(text);
		});
		if (kind === undefined) return undefined;
		const close = this.#next(kind.closer, kind.opener.lastIndex);
		return close === -1 ? undefined : close + kind.closer.length;
	}

	/** The first `closer` at or after `from`, or -1. */
	#next(closer: string, from: number): number {
		const found = this.#found.get(closer);
		if (found !== undefined && (found === -1 || found >= from)) return found;
		const next = this.#text.indexOf(closer, from);
		this.#found.set(closer, next);
		return next;
	}
}

/**
 * The tails of inline links in `text` (`(dest "title")` after a link's `]`), read as CommonMark reads them. A
 * destination's parentheses are matched once for the whole text, so that links that fail one inside another
 * (`[a](x()[a](x()…`) are read in linear time, and a title is read once from where its destination ends.
 */
class InlineLinks {
	readonly #text: string;
	// Each parenthesis's partner within its stretch of text between spaces, -1 for none.
	#partner: Int32Array | undefined;
	readonly #tails = new Map<number, number | undefined>();

	constructor(text: string) {
		this.#text = text;
	}

	/** Where the link tail opening with the `(` at `open` ends, or undefined if that is no link tail. */
	tailEnd(open: number): number | undefined {
		const text = this.#text;
		let at = skipSpace(text, open + 1);
		if (text.charAt(at) === '<') {
			for (at++; at < text.length && !'<>\n'.includes(text.charAt(at)); at++) if (text.charAt(at) === '\\') at++;
			return text.charAt(at) === '>' ? this.#afterDestination(at + 1) : undefined;
		}
		const partner = this.#partners();
		// Balanced groups are skipped whole; a `)` of the first level closes the link, with no title.
		for (; at < text.length && text.charCodeAt(at) > 0x20; at++) {
			const char = text.charAt(at);
			if (char === '\\') at++;
			else if (char === ')') return at + 1;
			else if (char === '(') {
				if ((partner[at] as number) === -1) return undefined;
				at = partner[at] as number;
			}
		}
		return this.#afterDestination(at);
	}

	/** Where a link tail ends whose destination ends at `at`: an optional title, then `)`. */
	#afterDestination(at: number): number | undefined {
		if (this.#tails.has(at)) return this.#tails.get(at);
		const text = this.#text;
		let end: number | undefined;
		let from = skipSpace(text, at);
		const quote = text.charAt(from);
		if (from > at && (quote === '"' || quote === "'" || quote === '(')) {
			const close = quote === '(' ? ')' : quote;
			for (from++; from < text.length && text.charAt(from) !== close && !(quote === '(' && text.charAt(from) === '('); from++) if (text.charAt(from) === '\\') from++;
			from = text.charAt(from) === close ? skipSpace(text, from + 1) : text.length;
		}
		if (text.charAt(from) === ')') end = from + 1;
		this.#tails.set(at, end);
		return end;
	}

	#partners(): Int32Array {
		if (this.#partner) return this.#partner;
		const text = this.#text;
		const partner = new Int32Array(text.length).fill(-1);
		const open: number[] = [];
		for (let at = 0; at < text.length; at++) {
			const char = text.charAt(at);
			if (text.charCodeAt(at) <= 0x20) open.length = 0;
			else if (char === '\\') at++;
			else if (char === '(') open.push(at);
			else if (char === ')' && open.length > 0) {
				const from = open.pop() as number;
				partner[from] = at;
				partner[at] = from;
			}
		}
		this.#partner = partner;
		return partner;
	}
}

/** `at` moved past spaces and tabs and at most one line break. */
function skipSpace(text: string, at: number): number {
	while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
	if (text.charAt(at) === '\n') at++;
	while (text.charAt(at) === ' ' || text.charAt(at) === '\t') at++;
	return at;
}

/** `line` with its code spans blanked out, each character a space: what they hold is text, not syntax. */
export function maskCodeSpans(line: string): string {
	const spans = codeSpanRanges(line);
	if (spans.length === 0) return line;
	let masked = '';
	let from = 0;
	for (const [start, end] of spans) {
		// Line breaks stay, for a paragraph read whole (paragraphCodeSpans()).
		masked += line.slice(from, start) + line.slice(start, end).replace(/[^\n]/g, ' ');
		from = end;
	}
	return masked + line.slice(from);
}

// A line that opens a block of its own, which no code span of the lines above runs into: a heading (a line
// of its own), a list item, a quote (its next lines go on with it), a thematic break, a table's row.
const QUOTE = /^ {0,3}>/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BLOCK_START = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|[-*_][ \t]*[-*_][ \t]*[-*_][-*_ \t]*$|\|)/;

/**
 * For each of `lines`, the part of it that a code span running over a line break holds (`` `two `` on one
 * line, `` lines` `` on the next): `head`, the length of its start that ends a span opened on a line above,
 * and `tail`, where a span that ends on a line below opens (the line's length if none does). A line inside
 * such a span has a head of its whole length. Each paragraph (its lines between blank lines, code, and lines
 * that open a block) is read whole; `isCode` tells the lines of code. An HTML block has no code spans, and
 * each row of a table (below its delimiter row) is read alone, as GFM reads it. The link reference
 * definitions that open a paragraph (`[a]: b "Don`t"`) are no part of it: their titles hold no code span.
 */
export function paragraphCodeSpans(lines: readonly string[], isCode: (index: number) => boolean): { head: number; tail: number }[] {
	const result = lines.map((line) => ({ head: 0, tail: line.length }));
	if (!lines.some((line) => line.includes('`'))) return result;
	forEachParagraph(lines, isCode, (first, end) => {
		if ((lines[first] ?? '').trimStart().startsWith('[')) first += definitionLines(lines.slice(first, end));
		// One line, or lines with a backtick on one of them only, have no span over a line break.
		if (end - first > 1 && lines.slice(first, end).filter((line) => line.includes('`')).length > 1) {
			carrySpans(lines, first, end, codeSpanRanges(lines.slice(first, end).join('\n')), result);
		}
	});
	return result;
}

/**
 * `result` given the `head` and `tail` (paragraphCodeSpans()) of the `spans` of the paragraph of `lines` from
 * `first` to `end`, read joined by line breaks, that run over one; spans come in order.
 */
export function carrySpans(lines: readonly string[], first: number, end: number, spans: Iterable<[number, number]>, result: { head: number; tail: number }[]): void {
	const starts: number[] = [];
	for (let index = first, offset = 0; index < end; offset += (lines[index] as string).length + 1, index++) starts.push(offset);
	// The paragraph's line (0-based within it) that an offset is on, found by a pointer that only moves on.
	let at = 0;
	const lineOf = (offset: number) => {
		while (at + 1 < starts.length && (starts[at + 1] as number) <= offset) at++;
		return at;
	};
	for (const [start, stop] of spans) {
		const opens = lineOf(start);
		const closes = lineOf(stop - 1);
		if (opens === closes) continue;
		(result[first + opens] as { tail: number }).tail = start - (starts[opens] as number);
		for (let inside = opens + 1; inside < closes; inside++) (result[first + inside] as { head: number }).head = (lines[first + inside] as string).length;
		(result[first + closes] as { head: number }).head = stop - (starts[closes] as number);
	}
}

/**
 * Calls `read` with the first line and the end (the line after the last) of each paragraph of `lines`: its
 * lines between blank lines, code (`isCode`), and lines that open a block (a heading, a list item, a quote, a
 * table, an HTML block, whose lines are no paragraph's).
 */
export function forEachParagraph(lines: readonly string[], isCode: (index: number) => boolean, read: (first: number, end: number) => void): void {
	let first = 0;
	const flush = (end: number) => {
		if (end > first) read(first, end);
	};
	// What ends the HTML block a line opened (its end marker, '' for a blank line), and whether a table is read.
	let html: string | undefined;
	let table = false;
	for (const [index, line] of lines.entries()) {
		if (isCode(index) || line.trim() === '') {
			flush(index);
			first = index + 1;
			html = undefined;
			table = false;
		} else if (html !== undefined || table) {
			// An HTML block has no code spans, and GFM reads each row of a table on its own.
			if (html !== undefined && html !== '' && line.toLowerCase().includes(html)) html = undefined;
			first = index + 1;
		} else if (/^ {0,3}</.test(line) && (html = htmlBlockStart(line.trimStart(), index > first)) !== undefined) {
			flush(index);
			// A block whose end marker is on its first line ends there.
			if (html !== '' && line.trimStart().slice(2).toLowerCase().includes(html)) html = undefined;
			first = index + 1;
		} else if (index > first && line.includes('|') && isDelimiterRow(line) && (lines[index - 1] as string).includes('|')) {
			flush(index - 1);
			table = true;
			first = index + 1;
		} else if (HEADING.test(line)) {
			// A heading is a line of its own.
			flush(index);
			first = index + 1;
		} else if (BLOCK_START.test(line) && !(QUOTE.test(line) && index > first && QUOTE.test(lines[index - 1] as string))) {
			flush(index);
			first = index;
		}
	}
	flush(lines.length);
}

const DEFINITION_LABEL = /^ {0,3}\[((?:[^\\[\]]|\\.){1,999})\]:/;

/**
 * How many of `lines` (a paragraph's) are link reference definitions at its start (`[a]: b`, maybe with a
 * title, which may be on the next line), as CommonMark reads them: a title followed by more than spaces on
 * its line is no title, and the definition then ends with its destination's line.
 */
function definitionLines(lines: readonly string[]): number {
	const text = lines.join('\n');
	let from = 0;
	for (;;) {
		const label = DEFINITION_LABEL.exec(text.slice(from, from + 1010));
		if (!label || (label[1] as string).trim() === '') break;
		let at = skipSpace(text, from + label[0].length);
		const destination = at;
		if (text.charAt(at) === '<') {
			for (at++; at < text.length && !'<>\n'.includes(text.charAt(at)); at++) if (text.charAt(at) === '\\') at++;
			if (text.charAt(at) !== '>') break;
			at++;
		} else {
			for (let depth = 0; at < text.length && text.charCodeAt(at) > 0x20 && depth >= 0; at++) {
				if (text.charAt(at) === '\\') at++;
				else if (text.charAt(at) === '(') depth++;
				else if (text.charAt(at) === ')' && --depth < 0) at--;
			}
			if (at === destination) break;
		}
		const lineEnd = (offset: number) => (text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));
		const restIsSpace = (offset: number) => text.slice(offset, lineEnd(offset)).trim() === '';
		let end: number | undefined = restIsSpace(at) ? lineEnd(at) : undefined;
		let title = skipSpace(text, at);
		const quote = text.charAt(title);
		if (title > at && (quote === '"' || quote === "'" || quote === '(')) {
			const close = quote === '(' ? ')' : quote;
			for (title++; title < text.length && text.charAt(title) !== close && !(quote === '(' && text.charAt(title) === '('); title++) if (text.charAt(title) === '\\') title++;
			if (text.charAt(title) === close && restIsSpace(title + 1)) end = lineEnd(title + 1);
		}
		if (end === undefined) break;
		from = end + 1;
		if (from >= text.length) break;
	}
	return from === 0 ? 0 : Math.min(lines.length, text.slice(0, from).split('\n').length - (from >= text.length ? 0 : 1));
}

// A line of one complete tag, which opens an HTML block outside a paragraph (CommonMark's kind 7).
const LONE_TAG = /^<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?>\s*$/;

/**
 * What ends the HTML block `text` (a line without its indent) opens, by CommonMark's rules: an end marker, ''
 * for a blank line, or undefined for none. In a paragraph only kinds 1 to 6 open one; kind 7 is a line of one
 * complete tag.
 */
function htmlBlockStart(text: string, inParagraph: boolean): string | undefined {
	const end = htmlBlockEnd(text, true);
	return end !== undefined || inParagraph || !LONE_TAG.test(text) ? end : '';
}

/** Whether `line` is a GFM table's delimiter row (`--- | :---:`, `|---|---|`): cells of dashes between pipes. */
function isDelimiterRow(line: string): boolean {
	const trimmed = line.trim();
	const inner = trimmed.slice(trimmed.startsWith('|') ? 1 : 0, trimmed.endsWith('|') && trimmed.length > 1 ? -1 : undefined);
	const cells = inner.split('|');
	return (cells.length > 1 || trimmed.startsWith('|')) && cells.every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/**
 * `lines` with their code spans blanked out, line breaks kept: each paragraph is read whole, since a code span
 * may run over its lines (paragraphCodeSpans()).
 */
export function codeSpanMasks(lines: readonly string[], isCode: (index: number) => boolean): string[] {
	const carried = paragraphCodeSpans(lines, isCode);
	return lines.map((line, index) => {
		if (isCode(index)) return line;
		const { head, tail } = carried[index] as { head: number; tail: number };
		return ' '.repeat(head) + maskCodeSpans(line.slice(head, Math.max(head, tail))) + ' '.repeat(Math.max(0, line.length - Math.max(head, tail)));
	});
}

/**
 * `line` with `change` applied to its text outside code spans (outsideCodeSpans()), the parts of it that
 * `carried` (paragraphCodeSpans(), or math-delimiters.ts's paragraphFormulas()) gives to a span running over a
 * line break left as written. `spans` is applied first to what is left, its code spans included.
 */
export function outsideCarriedCodeSpans(line: string, carried: { head: number; tail: number } | undefined, change: (text: string) => string, spans = (text: string) => text): string {
	if (carried === undefined || (carried.head === 0 && carried.tail >= line.length)) return outsideCodeSpans(spans(line), change);
	const end = Math.max(carried.head, carried.tail);
	return line.slice(0, carried.head) + outsideCodeSpans(spans(line.slice(carried.head, end)), change) + line.slice(end);
}

// A code span, or an inline element of raw HTML that shows code as written (`<code>a^[b]</code>`).
const CODE_SPANS = /(`+[^`]*`+|<(?:code|kbd|samp|pre)\b(?:[^<>]|<(?!(?:code|kbd|samp|pre)\b))*>.{0,2000}?<\/(?:code|kbd|samp|pre)\s*>)/i;

/**
 * `line` with `change` applied to its text outside code spans (`` `a` ``, ``` ``a`b`` ```) and `<code>`
 * elements, which show their text as written.
 */
export function outsideCodeSpans(line: string, change: (text: string) => string): string {
	const marked = markLinkBackticks(line, STAND_IN.linkBacktick);
	// Each part is cut from `line` where the marked line, as long, splits: a stand-in the author wrote stays as written.
	let from = 0;
	return marked
		.split(CODE_SPANS)
		.map((split, index) => {
			const part = line.slice(from, (from += split.length));
			return index % 2 === 1 ? part : change(part);
		})
		.join('');
}
