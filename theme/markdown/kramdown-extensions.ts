import { forEachParagraph, verbatimLines } from './fences.ts';
import { htmlBlockEnd } from './html-openers.ts';

/**
 * kramdown's extensions, which Jekyll and nanoc posts write between `{::name}` and `{:/name}` (or `{:/}`), or as
 * `{::name /}`: a comment, which kramdown leaves out of the page as an HTML comment is, within a paragraph over
 * its lines too; raw HTML kept from Markdown (`{::nomarkdown}`), whose markers go and whose content is raw HTML,
 * none of its text read as Markdown; and options for kramdown's parser (`{::options parse_block_html="true" /}`),
 * left out. Other Markdown shows them as text, a private note included. Each line stays on its line; code is
 * left alone.
 */

// An extension alone on its line, in a quote or a list item too: what it is, its options, and whether it closes itself.
const BLOCK_OPENING = /^((?:[ \t]*>)*[ \t]*)\{::(comment|nomarkdown|options)((?:[ \t][^}\n]*?)?)[ \t]*(\/)?\}[ \t]*\r?$/;
const BLOCK_CLOSING = /^(?:[ \t]*>)*[ \t]*\{:\/(comment|nomarkdown|options)?\}[ \t]*\r?$/;
// An extension's opening within a line, closing itself or not; its options are bounded, so that a line of
// openings none closes is read in linear time.
const SPAN_OPENING = /\{::(comment|nomarkdown|options)\b(?:[ \t][^}\n]{0,500}?)?[ \t]*(\/)?\}/g;

export interface KramdownExtensions {
	body: string;
	/** The options left out, each with its line (1 = the body's first). */
	options: { line: number; text: string }[];
	/** The extensions shown as written, as nothing closes them, each with its line and what opens it. */
	unclosed: { line: number; text: string; span: boolean }[];
}

export function readKramdownExtensions(body: string): KramdownExtensions {
	const found: KramdownExtensions = { body, options: [], unclosed: [] };
	if (!body.includes('{::')) return found;
	const lines = body.split('\n');
	const code = verbatimLines(lines, /\{::|\{:\//, { html: false });
	// The extensions no line closes below an opening: none is looked for again further down.
	const unclosed = new Set<string>();
	const paragraphs = paragraphsOf(lines, code);
	// Lines (from, to excluded) of a paragraph that hold no comment's closing marker, up to its end or a block
	// extension: a paragraph of comments none closes is read in linear time.
	const unclosedFrom = { from: 0, to: 0 };
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (code.has(index) || !line.includes('{::')) continue;
		const block = BLOCK_OPENING.exec(line);
		if (!block) {
			index = readSpanLines(lines, index, { paragraphs, unclosedFrom }, found);
			continue;
		}
		const [, lead = '', name = '', , closed] = block;
		const closing = closed ? index : unclosed.has(name) ? undefined : closingLine(lines, index, name);
		if (closing === undefined) {
			unclosed.add(name);
			found.unclosed.push({ line: index + 1, text: line.trim(), span: false });
			continue;
		}
		if (name === 'options') found.options.push({ line: index + 1, text: line.trim() });
		if (name === 'nomarkdown') rawHtmlLines(lines, index + 1, closing, lead);
		// An HTML comment ends a paragraph above and keeps a list tight, as kramdown's block does, where a blank line would not.
		const boundary = `${lead}<!-- -->`;
		for (let at = index; at <= closing; at++) {
			if (name !== 'nomarkdown' || at === index || at === closing) lines[at] = boundary;
		}
		index = closing;
	}
	return { ...found, body: lines.join('\n') };
}

/** The line that closes the block extension `name` opened at `index`: its `{:/name}` or `{:/}` alone on its line. */
function closingLine(lines: readonly string[], index: number, name: string): number | undefined {
	for (let at = index + 1; at < lines.length; at++) {
		const closing = BLOCK_CLOSING.exec(lines[at] as string);
		if (closing && (closing[1] === undefined || closing[1] === name)) return at;
	}
	return undefined;
}

/**
 * Lines `from` to `to` (excluded) of a `{::nomarkdown}` block or a Pandoc ```` ```{=html} ```` block, whose
 * container's lines start with `lead`, as raw HTML, as kramdown and Pandoc output them: a line that opens no
 * HTML block (`*a*`, `    code`, `1. x`) starts with an empty comment, which makes it a block of its own, and a
 * line within the HTML block a line above opened is that block's already, so that Markdown reads none of them.
 */
export function rawHtmlLines(lines: string[], from: number, to: number, lead: string): void {
	// What ends the HTML block a line above opened: its end marker, '' for a blank line.
	let end: string | undefined;
	for (let at = from; at < to; at++) {
		const line = lines[at] as string;
		const prefix = line.startsWith(lead) ? lead : (CONTAINER_PREFIX.exec(line)?.[0] ?? '');
		const text = line.slice(prefix.length);
		if (end !== undefined) {
			if (end === '' ? text.trim() === '' : text.toLowerCase().includes(end)) end = undefined;
			continue;
		}
		if (text.trim() === '') continue;
		end = /^ {0,3}</.test(text) ? htmlBlockEnd(text.trimStart(), true) : undefined;
		if (end === undefined) lines[at] = `${prefix}<!---->${text}`;
		else if (end !== '' && text.trimStart().slice(2).toLowerCase().includes(end)) end = undefined;
	}
}

// The quote markers and indent that a line of a quote or a list item starts with.
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*/;
// A tag, a comment or a character reference of raw HTML within a line, which Markdown passes on as written.
const INLINE_MARKUP = /<!--[\s\S]*?-->|<\/?[A-Za-z][\w-]*(?:"[^"]*"|'[^']*'|[^'"<>])*>|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/**
 * `html`, a `{::nomarkdown}` span's or a Pandoc `` `<b>x</b>`{=html} `` span's content, as raw HTML: its text's
 * ASCII punctuation escaped, so that Markdown reads none of it.
 */
export function rawHtmlSpan(html: string): string {
	const escaped = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
	let read = '';
	let from = 0;
	for (const markup of html.matchAll(INLINE_MARKUP)) {
		read += escaped(html.slice(from, markup.index)) + markup[0];
		from = markup.index + markup[0].length;
	}
	return read + escaped(html.slice(from));
}

/** For each line of `lines` in a paragraph, its paragraph's first line and end (the line after its last). */
function paragraphsOf(lines: readonly string[], code: ReadonlySet<number>): () => Map<number, { first: number; end: number }> {
	let paragraphs: Map<number, { first: number; end: number }> | undefined;
	// Read once, the first time a comment runs past its line: few bodies have one.
	return () => {
		if (paragraphs) return paragraphs;
		const read = new Map<number, { first: number; end: number }>();
		forEachParagraph(lines, (index) => code.has(index), (first, end) => {
			for (let at = first; at < end; at++) read.set(at, { first, end });
		});
		paragraphs = read;
		return read;
	};
}

/**
 * Reads the span extensions of line `index`, and of the lines of its paragraph that a comment opened on it runs
 * over, as kramdown reads a paragraph whole: the text after the comment is joined to the text before it, and
 * each line the comment took holds an empty comment, which keeps the paragraph one. The last line read.
 */
function readSpanLines(
	lines: string[],
	index: number,
	{ paragraphs, unclosedFrom }: { paragraphs: () => Map<number, { first: number; end: number }>; unclosedFrom: { from: number; to: number } },
	found: KramdownExtensions,
): number {
	let read = '';
	let text = lines[index] as string;
	let at = index;
	for (;;) {
		let closing: { line: number; end: number } | undefined;
		const line = at + 1;
		const span = withoutSpanExtensions(text, {
			options: (option) => found.options.push({ line, text: option }),
			unclosed: (opening) => found.unclosed.push({ line, text: opening, span: true }),
			closesBelow: () => {
				if (at + 1 >= unclosedFrom.from && at + 1 < unclosedFrom.to) return false;
				const search = commentClosingLine(lines, at + 1, paragraphs().get(index)?.end ?? at + 1);
				if ('stop' in search) Object.assign(unclosedFrom, { from: at + 1, to: search.stop });
				else closing = search;
				return closing !== undefined;
			},
		});
		read += span.read;
		if (!span.open || !closing) break;
		({ line: at } = closing);
		text = (lines[at] as string).slice(closing.end);
	}
	if (at === index) {
		lines[index] = read;
		return index;
	}
	const paragraphStart = paragraphs().get(index)?.first === index;
	// A paragraph that the comment opens starts after it: each line it took is an HTML block of its own. Within a
	// paragraph, an indented line holds on to it, as only a blank line or a block's start would end it.
	const blank = read.trim().replace(CONTAINER_PREFIX, '') === '';
	const taken = (line: string) => (paragraphStart && blank ? `${CONTAINER_PREFIX.exec(line)?.[0] ?? ''}<!---->` : '    <!---->');
	lines[index] = blank ? taken(read) : read;
	for (let line = index + 1; line <= at; line++) lines[line] = taken(lines[line] as string);
	return at;
}

/**
 * The line from `from` up to `end` (excluded) that holds a comment's closing marker, and where the marker ends;
 * else where the search stopped: at `end`, or at a block extension's line, which ends the paragraph for kramdown.
 */
function commentClosingLine(lines: readonly string[], from: number, end: number): { line: number; end: number } | { stop: number } {
	for (let at = from; at < end; at++) {
		const line = lines[at] as string;
		if (BLOCK_OPENING.test(line) || BLOCK_CLOSING.test(line)) return { stop: at };
		const closing = closingMarker(line, 'comment');
		if (closing) return { line: at, end: closing.at + closing.marker.length };
	}
	return { stop: end };
}

/**
 * The line without its comments, options and raw HTML's markers, each closed on the line; a code span's text
 * is left alone, and an extension that nothing closes on the line is told and shown as written, unless it is
 * a comment that `closesBelow` closes on a later line: the line is then read up to it, and `open` is true.
 */
function withoutSpanExtensions(line: string, report: { options: (text: string) => void; unclosed: (text: string) => void; closesBelow: () => boolean }): { read: string; open: boolean } {
	const code = [...line.matchAll(/(`+)[\s\S]*?\1/g)].map((match) => [match.index, match.index + match[0].length] as const);
	let read = '';
	let from = 0;
	// The extensions nothing closes after some opening on the line: none is looked for again.
	const unclosed = new Set<string>();
	for (const opening of line.matchAll(SPAN_OPENING)) {
		const [text, name = '', closed] = opening;
		if (opening.index < from || code.some(([start, end]) => opening.index >= start && opening.index < end)) continue;
		const after = opening.index + text.length;
		// A closing marker names its own extension, or none: `{:/comment}`, `{:/}`.
		const closing = closed ? { at: 0, marker: '' } : unclosed.has(name) ? undefined : closingMarker(line.slice(after), name);
		if (!closing) {
			if (name === 'comment' && !unclosed.has(name) && report.closesBelow()) return { read: read + line.slice(from, opening.index), open: true };
			if (!unclosed.has(name)) report.unclosed(text);
			unclosed.add(name);
			continue;
		}
		if (name === 'options') report.options(text);
		const end = after + closing.at + closing.marker.length;
		read += line.slice(from, opening.index) + (name === 'nomarkdown' ? rawHtmlSpan(line.slice(after, after + closing.at)) : '');
		from = end;
	}
	return { read: read + line.slice(from), open: false };
}

/** Where the first marker that closes the extension `name` is in `text`, and the marker. */
function closingMarker(text: string, name: string): { at: number; marker: string } | undefined {
	const closing = new RegExp(String.raw`\{:\/(?:${name})?\}`).exec(text);
	return closing ? { at: closing.index, marker: closing[0] } : undefined;
}
