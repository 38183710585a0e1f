import { verbatimLines } from './fences.ts';
import { htmlBlockEnd } from './html-openers.ts';

/**
 * kramdown's extensions, which Jekyll and nanoc posts write between `{::name}` and `{:/name}` (or `{:/}`), or as
 * `{::name /}`: a comment, which kramdown leaves out of the page as an HTML comment is; raw HTML kept from
 * Markdown (`{::nomarkdown}`), whose markers go and whose content is raw HTML, none of its text read as
 * Markdown; and options for kramdown's parser (`{::options parse_block_html="true" /}`), left out. Other
 * Markdown shows them as text, a private note included. Each line stays on its line; code is left alone.
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
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (code.has(index) || !line.includes('{::')) continue;
		const block = BLOCK_OPENING.exec(line);
		if (!block) {
			lines[index] = withoutSpanExtensions(line, {
				options: (text) => found.options.push({ line: index + 1, text }),
				unclosed: (text) => found.unclosed.push({ line: index + 1, text, span: true }),
			});
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
 * Lines `from` to `to` (excluded) of a `{::nomarkdown}` block, whose container's lines start with `lead`, as raw
 * HTML, as kramdown outputs them: a line that opens no HTML block (`*a*`, `    code`, `1. x`) starts with an
 * empty comment, which makes it a block of its own, and a line within the HTML block a line above opened is
 * that block's already, so that Markdown reads none of them.
 */
function rawHtmlLines(lines: string[], from: number, to: number, lead: string): void {
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

/** `html`, a `{::nomarkdown}` span's content, as raw HTML: its text's ASCII punctuation escaped, so that Markdown reads none of it. */
function rawHtmlSpan(html: string): string {
	const escaped = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
	let read = '';
	let from = 0;
	for (const markup of html.matchAll(INLINE_MARKUP)) {
		read += escaped(html.slice(from, markup.index)) + markup[0];
		from = markup.index + markup[0].length;
	}
	return read + escaped(html.slice(from));
}

/**
 * The line without its comments, options and raw HTML's markers, each closed on the line; a code span's text
 * is left alone, and an extension that nothing closes on the line is told and shown as written.
 */
function withoutSpanExtensions(line: string, report: { options: (text: string) => void; unclosed: (text: string) => void }): string {
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
			if (!unclosed.has(name)) report.unclosed(text);
			unclosed.add(name);
			continue;
		}
		if (name === 'options') report.options(text);
		const end = after + closing.at + closing.marker.length;
		read += line.slice(from, opening.index) + (name === 'nomarkdown' ? rawHtmlSpan(line.slice(after, after + closing.at)) : '');
		from = end;
	}
	return read + line.slice(from);
}

/** Where the first marker that closes the extension `name` is in `text`, and the marker. */
function closingMarker(text: string, name: string): { at: number; marker: string } | undefined {
	const closing = new RegExp(String.raw`\{:\/(?:${name})?\}`).exec(text);
	return closing ? { at: closing.index, marker: closing[0] } : undefined;
}
