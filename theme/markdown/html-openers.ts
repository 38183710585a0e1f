import { fencedAndHighlightLines } from './fences.ts';

// A paragraph with more inline HTML openers left unclosed than this has them escaped. The Markdown parser
// (micromark, which Carnet's passes use) reads from each one to the end of its paragraph before it gives up,
// so a paragraph of `a <!-- ` repeated took n openers times the paragraph's length, in every pass that parses
// the body (50 KB: minutes). An ordinary post has none or one, so the guard never fires on it and its page
// stays byte for byte what it was.
const MAX_UNCLOSED = 20;

// The openers of a comment, a processing instruction, CDATA and a declaration, each with what closes it.
const OPENERS: readonly { opener: string; closer: string; matches: (text: string, at: number) => boolean }[] = [
	{ opener: '<!--', closer: '-->', matches: (text, at) => text.startsWith('<!--', at) },
	{ opener: '<![CDATA[', closer: ']]>', matches: (text, at) => text.startsWith('<![CDATA[', at) },
	{ opener: '<!', closer: '>', matches: (text, at) => text[at + 1] === '!' && /[A-Za-z]/.test(text[at + 2] ?? '') },
	{ opener: '<?', closer: '?>', matches: (text, at) => text[at + 1] === '?' },
];

// The HTML blocks that run to an end marker, blank lines included (CommonMark's kinds 1 to 5).
const RAW_BLOCK = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
// Those that end at a blank line and may interrupt a paragraph (kind 6).
export const BLOCK_TAG = /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i;
// What may open a line before its text: an indent, quote markers, list items' markers.
const LINE_LEAD = /^[ \t>*+\-\d.)]*/;
const INDENTED = /^(?:[ \t]{0,3}>)*(?: {4}|\t)/;
// WordPress's code shortcodes alone on their lines (`[php]` … `[/php]`), which become code later.
const SHORTCODE_OPENING = /^ {0,3}\[([a-z][\w-]{0,20})(?:\s[^\]]{0,500})?\]\s*$/;
// How far a tag's attributes are followed, so that openers in a quoted value are left alone.
const MAX_TAG_LENGTH = 512;

/**
 * `body` with the `<` of each inline `<!--`, `<?`, `<![CDATA[` and `<!X` that nothing closes later in its
 * paragraph escaped (`\<`), in a paragraph that holds more than MAX_UNCLOSED of them: the text CommonMark
 * shows for an unclosed opener, read in linear time. A backslash rather than `&lt;`, because Sätteri's
 * time grows with the square of a paragraph's character references (100 KB of `&lt;!--`: a second). Code (fenced, indented, in spans), HTML blocks, math,
 * shortcodes' and Liquid tags' arguments, link destinations, quoted attribute values and `\<` are left as
 * written. Each line stays on its line.
 */
export function escapedUnclosedHtmlOpeners(body: string): string {
	if (countOpeners(body) <= MAX_UNCLOSED) return body;
	return rewrittenParagraphs(body, escapeParagraph);
}

/**
 * `body` with the text of each of its paragraphs (a table's rows, a list item's and a quote's lines with their
 * markers included: what runs between blank lines, HTML blocks and code) given to `rewrite`, its lines joined
 * by newlines, with the index of its first line, and replaced by what it returns, which keeps as many lines.
 * Code (fenced, indented, WordPress's code shortcodes) and HTML blocks are not paragraphs.
 */
export function rewrittenParagraphs(body: string, rewrite: (text: string, line: number) => string): string {
	const lines = body.split('\n');
	const verbatim = fencedAndHighlightLines(lines);
	let paragraph: number[] = [];
	// What ends the HTML block or the WordPress code block the line is in: a string, or a blank line.
	let blockEnd: string | RegExp | undefined;
	const flush = () => {
		if (paragraph.length > 0) {
			const text = paragraph.map((index) => lines[index]).join('\n');
			const result = rewrite(text, paragraph[0] as number);
			if (result !== text) for (const [position, line] of result.split('\n').entries()) lines[paragraph[position] as number] = line;
		}
		paragraph = [];
	};
	for (const [index, line] of lines.entries()) {
		const blank = line.trim() === '';
		if (verbatim.has(index)) {
			flush();
			continue;
		}
		if (blockEnd !== undefined) {
			if (blockEnd === '' ? blank : typeof blockEnd === 'string' ? line.toLowerCase().includes(blockEnd) : blockEnd.test(line)) blockEnd = undefined;
			continue;
		}
		if (blank) {
			flush();
			continue;
		}
		// Indented code does not interrupt a paragraph: an indented line after one continues it.
		if (paragraph.length === 0 && INDENTED.test(line)) continue;
		const text = line.slice((LINE_LEAD.exec(line) as RegExpExecArray)[0].length);
		const wordpress = SHORTCODE_OPENING.exec(line);
		const end = wordpress ? new RegExp(`^ {0,3}\\[\\/${wordpress[1]}\\]\\s*$`) : htmlBlockEnd(text, paragraph.length > 0);
		if (end === undefined) {
			paragraph.push(index);
			continue;
		}
		flush();
		// A block whose end marker is on its first line ends there.
		const after = text.slice(2);
		if (end === '' || typeof end !== 'string' || !after.toLowerCase().includes(end)) blockEnd = end;
	}
	flush();
	return lines.join('\n');
}

/** How many times `<!` and `<?` occur in `text`. */
function countOpeners(text: string): number {
	let count = 0;
	for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) if (text[at + 1] === '!' || text[at + 1] === '?') count++;
	return count;
}

/**
 * What ends the HTML block `text` (a line without its lead) opens: its end marker, '' for a blank line, or
 * undefined when it opens none. In a paragraph, only the blocks that interrupt one open.
 */
export function htmlBlockEnd(text: string, inParagraph: boolean): string | undefined {
	if (!text.startsWith('<')) return undefined;
	const raw = RAW_BLOCK.exec(text);
	if (raw) return `</${(raw[1] as string).toLowerCase()}`;
	if (text.startsWith('<!--')) return '-->';
	if (text.startsWith('<?')) return '?>';
	if (text.startsWith('<![CDATA[')) return ']]>';
	if (/^<![A-Za-z]/.test(text)) return '>';
	if (BLOCK_TAG.test(text)) return '';
	// Any other tag opens a block only outside a paragraph (CommonMark's kind 7): the guard leaves it alone.
	return inParagraph || !/^<\/?[A-Za-z]/.test(text) ? undefined : '';
}

/** `text`, a paragraph, with its unclosed openers escaped, when it holds more than MAX_UNCLOSED. */
function escapeParagraph(text: string): string {
	if (countOpeners(text) <= MAX_UNCLOSED) return text;
	const skipped = skippedSpans(text);
	const lastCloser = new Map(OPENERS.map(({ closer }) => [closer, text.lastIndexOf(closer)]));
	const unclosed: number[] = [];
	for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
		if (skipped[at] || isEscaped(text, at) || text.startsWith('](', at - 2)) continue;
		const found = OPENERS.find(({ matches }) => matches(text, at));
		if (found && (lastCloser.get(found.closer) as number) < at + found.opener.length) unclosed.push(at);
	}
	if (unclosed.length <= MAX_UNCLOSED) return text;
	const parts: string[] = [];
	let from = 0;
	for (const at of unclosed) {
		parts.push(text.slice(from, at), '\\<');
		from = at + 1;
	}
	return parts.join('') + text.slice(from);
}

/** Whether the character at `at` follows an odd number of backslashes. */
export function isEscaped(text: string, at: number): boolean {
	let count = 0;
	while (text[at - count - 1] === '\\') count++;
	return count % 2 === 1;
}

/**
 * For each character of `text`, whether it is in a code span, an inline formula (`$…$`, `$$…$$`), a shortcode
 * or Liquid tag (`{{…}}`, `{%…%}`) or an HTML tag, whose openers are not HTML of their own.
 */
export function skippedSpans(text: string): boolean[] {
	const skipped: boolean[] = new Array<boolean>(text.length).fill(false);
	const mark = (from: number, to: number) => skipped.fill(true, from, to);
	for (const [from, to] of pairedRuns(text, '`')) mark(from, to);
	for (const [from, to] of pairedRuns(text, '$')) mark(from, to);
	for (const [open, close] of [
		['{{', '}}'],
		['{%', '%}'],
	] as const) {
		let at = text.indexOf(open);
		while (at !== -1) {
			const end = text.indexOf(close, at + open.length);
			if (end === -1) break;
			mark(at, end + close.length);
			at = text.indexOf(open, end + close.length);
		}
	}
	// The farthest a tag was followed past MAX_TAG_LENGTH without an end: a tag opening before it is followed no
	// further than MAX_TAG_LENGTH, so that each character is read once by a long tag's search.
	let reach = 0;
	// Whether a comment or a processing instruction can still close: once one finds no closer, none can.
	const closable = { '<!--': true, '<?': true };
	for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
		if (skipped[at]) continue;
		// A comment or processing instruction that closes holds text, not HTML: its openers are not openers.
		const opener = text.startsWith('<!--', at) ? '<!--' : text[at + 1] === '?' ? '<?' : undefined;
		if (opener !== undefined) {
			const close = closable[opener] ? text.indexOf(opener === '<!--' ? '-->' : '?>', at + opener.length) : -1;
			if (close === -1) closable[opener] = false;
			else mark(at, close);
			continue;
		}
		if (!/[A-Za-z]/.test(text[at + 1] ?? '')) continue;
		const end = tagEnd(text, at, at >= reach);
		if (typeof end === 'number') mark(at, end);
		else if (end.reached !== undefined) reach = Math.max(reach, end.reached);
	}
	return skipped;
}

/**
 * The spans of `text` between runs of `mark` of the same length (code spans for backticks), each run paired
 * with the next of its length after it, as CommonMark pairs code spans; a backslash before a run's first
 * mark leaves it out. Each run is visited once.
 */
function pairedRuns(text: string, mark: string): [number, number][] {
	const runs: { from: number; length: number }[] = [];
	for (let at = text.indexOf(mark); at !== -1; ) {
		let end = at;
		while (text[end] === mark) end++;
		if (!isEscaped(text, at) || mark === '`') runs.push({ from: at, length: end - at });
		at = text.indexOf(mark, end);
	}
	// The runs of each length, in order, and how many of them are paired or passed.
	const byLength = new Map<number, number[]>();
	for (const [index, run] of runs.entries()) {
		const same = byLength.get(run.length);
		if (same) same.push(index);
		else byLength.set(run.length, [index]);
	}
	const next = new Map<number, number>();
	const spans: [number, number][] = [];
	let after = -1;
	for (const [index, run] of runs.entries()) {
		if (index <= after) continue;
		const same = byLength.get(run.length) as number[];
		let pointer = next.get(run.length) ?? 0;
		while (pointer < same.length && (same[pointer] as number) <= index) pointer++;
		next.set(run.length, pointer);
		const closing = same[pointer];
		if (closing === undefined) continue;
		const close = runs[closing] as { from: number; length: number };
		spans.push([run.from, close.from + close.length]);
		after = closing;
	}
	return spans;
}

/**
 * Where the HTML tag opening at `at` ends (after its `>`), its quoted values followed; or, when none ends, how
 * far it was followed past MAX_TAG_LENGTH (`reached`), which it is followed beyond only when `long`.
 */
function tagEnd(text: string, at: number, long: boolean): number | { reached: number | undefined } {
	let quote: string | undefined;
	const limit = long ? text.length : Math.min(text.length, at + MAX_TAG_LENGTH);
	let index = at + 1;
	for (; index < limit; index++) {
		const char = text[index];
		if (quote !== undefined) {
			if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '>') return index + 1;
		else if (char === '<') break;
	}
	return { reached: index - at > MAX_TAG_LENGTH ? index : undefined };
}
