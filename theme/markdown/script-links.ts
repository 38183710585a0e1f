import { parseEntities } from 'parse-entities';
import { lineAt, lineStarts } from '../utils/line-offsets.ts';
import { scriptingScheme } from '../utils/links.ts';
import { verbatimLines } from './fences.ts';
import { CODE_SPAN, DEFINITION } from './post-links.ts';
import type { BodyTransform } from './transforms.ts';

/**
 * Whether an element's URL attribute runs script: a link (`<a>`, `<area>`) to a javascript:, vbscript: or
 * data: address, or media whose source is a javascript: or vbscript: one (a data: image is an image).
 */
function runsScript(value: string, element: string): boolean {
	const scheme = scriptingScheme(value);
	if (scheme === undefined) return false;
	return element === 'a' || element === 'area' || scheme !== 'data:';
}

/**
 * Whether an address as a Markdown post writes it runs script, read with its backslash escapes (`javascript\:`,
 * as a shortcode writes a value into an address) and character references (`jav&#x61;script:`), as Markdown reads it.
 */
function writtenRunsScript(written: string, element: string): boolean {
	const unescaped = unescapeBackslashes(written);
	return runsScript(unescaped.includes('&') ? parseEntities(unescaped, { nonTerminated: false }) : unescaped, element);
}

// Markdown's backslash escapes: a backslash before ASCII punctuation stands for that character.
function unescapeBackslashes(text: string): string {
	return text.includes('\\') ? text.replace(/\\([!-/:-@[-`{-~])/g, '$1') : text;
}

/**
 * A Markdown link that runs script when clicked (`[x](javascript:…)`, `<javascript:…>`, a reference
 * definition) loses its address and shows its text, as markdown-it and GitHub render it: such a link is
 * how a copied or contributed post runs script on the site. Raw HTML and MDX's JSX are left as the author
 * wrote them, as the rest of their code is (feeds drop both: utils/feed-html.ts).
 */
export const scriptLinksTransform: BodyTransform = {
	name: 'script-links',
	url: (value, element) => (runsScript(value, element) ? null : undefined),
	markdownOnly: true,
};

// ![text](destination or [text](destination, the destination maybe in <…> or holding balanced parentheses
// (`javascript:alert(1)`).
// The link's text is bounded, so that a line of a thousand `[` takes one pass.
const INLINE_LINK = /(!?)\[(?:[^[\]\\]|\\.|\[[^\]]{0,500}\]){0,1000}\]\(\s*(<[^<>\n]*>|(?:[^\s()<>\\]|\\.|\((?:[^\s()<>\\]|\\.)*\))+)/g;
// What an address that runs script holds, as written or with character references (`&#x61;`, `&colon;`).
// The scheme is looked behind the colon, so that the pattern is tried at colons and ampersands only.
const SCRIPT_HINT = /(?<=(?:script|data)\s*)\\?:|&(?:#|colon;)/i;
// <scheme:…>, a CommonMark autolink.
const AUTOLINK = /<([a-z][a-z\d+.-]{1,31}:[^\s<>]*)>/gi;

// ![alt](destination "title"): a whole inline image, its alt text bounded as INLINE_LINK's text is.
const INLINE_IMAGE = /!\[((?:[^[\]\\]|\\.){0,1000})\]\(\s*(<[^<>\n]*>|(?:[^\s()<>\\]|\\.|\((?:[^\s()<>\\]|\\.)*\))+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g;

/**
 * `body` with each inline Markdown image whose source runs script (`![a chart](javascript:…)`) written as
 * its alt text: the transform that takes the address away (scriptLinksTransform) would leave an `<img>`
 * with no source, which HTML does not allow and shows as a broken image. Code is left alone.
 */
export function scriptImagesAsText(body: string): string {
	if (!body.includes('![') || !SCRIPT_HINT.test(body)) return body;
	const lines = body.split('\n');
	const code = verbatimLines(lines, SCRIPT_HINT);
	// The labels of the definitions whose address runs script, for the images that use them (`![a chart][c]`).
	const scripted = new Set<string>();
	for (const [index, line] of lines.entries()) {
		const definition = code.has(index) ? null : DEFINITION.exec(line);
		const address = definition?.[2]?.replace(/^<(.*)>$/, '$1');
		if (definition && address !== undefined && writtenRunsScript(address, 'img')) scripted.add(label(definition[1] as string));
	}
	return lines
		.map((line, index) => {
			if (code.has(index) || !line.includes('![')) return line;
			const spans = [...line.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
			const inCode = (offset: number) => spans.some(([start, end]) => offset >= start && offset < end);
			const inline = SCRIPT_HINT.test(line)
				? line.replace(INLINE_IMAGE, (image: string, alt: string, destination: string, offset: number) => {
						const address = destination.startsWith('<') ? destination.slice(1, -1) : destination;
						return inCode(offset) || !writtenRunsScript(address, 'img') ? image : alt;
					})
				: line;
			if (scripted.size === 0) return inline;
			return inline.replace(REFERENCE_IMAGE, (image: string, alt: string, reference: string | undefined, offset: number) =>
				inCode(offset) || !scripted.has(label(reference || alt)) ? image : alt,
			);
		})
		.join('\n');
}

// ![alt][label], ![label][] and ![label] (not followed by a destination).
const REFERENCE_IMAGE = /!\[((?:[^[\]\\]|\\.){0,1000})\](?:\[((?:[^[\]\\]|\\.){0,1000})\]|(?![(:[]))/g;

/** A reference label as Markdown matches it: in any case, its white space as one space, without the brackets and colon of a definition. */
function label(written: string): string {
	return written.trim().replace(/^\[|\]:?\s*$/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The Markdown links, images, autolinks and reference definitions of `body` whose address runs script, with
 * their line (1 = the first of `body`, the line a link starts on), for the warning that goes with
 * scriptLinksTransform. A link's text may wrap over lines of its paragraph, and its address be written with
 * character references (`jav&#x61;script:`), which Markdown reads before the address is checked. Code, which
 * holds no link (fenced, indented, in a list or a quote), and HTML blocks, where Markdown is not read, are
 * left alone.
 */
export function scriptLinksIn(body: string): { line: number; address: string; image: boolean }[] {
	if (!SCRIPT_HINT.test(body) || !holdsScriptScheme(body)) return [];
	const lines = body.split('\n');
	const code = verbatimLines(lines, SCRIPT_HINT);
	const found: { line: number; address: string; image: boolean }[] = [];
	// Each paragraph, its lines outside code and not blank, read as one text.
	for (let first = 0; first < lines.length; first++) {
		if (code.has(first) || (lines[first] as string).trim() === '') continue;
		let last = first;
		while (last + 1 < lines.length && !code.has(last + 1) && (lines[last + 1] as string).trim() !== '') last++;
		const paragraph = lines.slice(first, last + 1);
		const text = paragraph.join('\n');
		if (SCRIPT_HINT.test(text)) found.push(...scriptLinksInParagraph(paragraph, text, first + 1));
		first = last;
	}
	// Within a line, as they were found: definitions, then links and images, then autolinks.
	return found.sort((a, b) => a.line - b.line);
}

// A scheme that runs script, as a browser reads an address: in any case, its tabs and line breaks left out.
const SCRIPT_SCHEME = /(?:java|vb)script:|data:/i;

/**
 * Whether `body`, read with its character references and without tabs and line breaks, holds a scheme that
 * runs script: an address that runs script is one of its parts, whose character references are read the
 * same way (no reference spans the start of an address). Most bodies that SCRIPT_HINT lets through (a
 * WordPress export's `&#8217;`) hold none, and are not parsed for their code, which took seconds for 100 KB
 * of brackets.
 */
function holdsScriptScheme(body: string): boolean {
	const unescaped = unescapeBackslashes(body);
	const read = unescaped.includes('&') ? parseEntities(unescaped, { nonTerminated: false }) : unescaped;
	return SCRIPT_SCHEME.test(read.replace(/[\t\n\r]/g, ''));
}

function scriptLinksInParagraph(paragraph: string[], text: string, firstLine: number): { line: number; address: string; image: boolean }[] {
	const found: { line: number; address: string; image: boolean }[] = [];
	// The line of the post an offset of `text` (the paragraph's lines joined) is on.
	const starts = lineStarts(text);
	const lineOf = (offset: number) => firstLine + lineAt(starts, offset) - 1;
	const report = (destination: string, element: string, line: number) => {
		const address = destination.startsWith('<') ? destination.slice(1, -1) : destination;
		if (writtenRunsScript(address, element)) found.push({ line, address: unescapeBackslashes(address), image: element === 'img' });
	};
	for (const [index, line] of paragraph.entries()) {
		const definition = DEFINITION.exec(line);
		if (definition) report(definition[2] as string, 'a', firstLine + index);
	}
	const spans = [...text.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
	const inCode = within(spans);
	const links: (readonly [number, number])[] = [];
	for (const match of text.matchAll(INLINE_LINK)) {
		if (inCode(match.index)) continue;
		links.push([match.index, match.index + match[0].length]);
		report(match[2] as string, match[1] ? 'img' : 'a', lineOf(match.index));
	}
	const inCodeAgain = within(spans);
	// A link's address in angle brackets (`[x](<javascript:…>)`) is that link's, reported once.
	const inLink = within(links);
	for (const match of text.matchAll(AUTOLINK)) {
		if (!inCodeAgain(match.index) && !inLink(match.index)) report(match[1] as string, 'a', lineOf(match.index));
	}
	return found;
}

/**
 * Whether an offset is in one of `ranges` (in order, not overlapping), asked of offsets in increasing order:
 * one pass over both, however many there are.
 */
function within(ranges: readonly (readonly [number, number])[]): (offset: number) => boolean {
	let next = 0;
	return (offset) => {
		while (next < ranges.length && (ranges[next] as readonly [number, number])[1] <= offset) next++;
		const range = ranges[next];
		return range !== undefined && offset >= range[0];
	};
}

// An inline image with no address: `![Homer]()`, `![a](<>)`, or with a fragment alone (`![TODO: screenshot](#)`, Hextra's).
const EMPTY_IMAGE = /!\[((?:[^\]\\\n]|\\.){0,500})\]\([ \t]*(?:<#?>[ \t]*|#[ \t]*)?\)/g;

/**
 * `body` with each inline image that has no address (`![Homer]()`, a placeholder left by an export) written
 * as its alt text, which a browser would show as a broken image (`<img src="">`, an error in HTML); and the
 * lines (1 = the body's first) where one was. Code is left alone.
 */
export function emptyImagesAsText(body: string): { body: string; lines: number[] } {
	if (!body.includes('![') || !/\]\([ \t]*(?:<#?>[ \t]*|#[ \t]*)?\)/.test(body)) return { body, lines: [] };
	const lines = body.split('\n');
	const code = verbatimLines(lines, /\]\([ \t]*(?:<#?>[ \t]*|#[ \t]*)?\)/);
	const found: number[] = [];
	const result = lines.map((line, index) => {
		if (code.has(index) || !line.includes('![')) return line;
		const spans = [...line.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
		return line.replace(EMPTY_IMAGE, (image: string, alt: string, offset: number) => {
			if (spans.some(([start, end]) => offset >= start && offset < end)) return image;
			found.push(index + 1);
			return alt;
		});
	});
	return found.length === 0 ? { body, lines: [] } : { body: result.join('\n'), lines: found };
}
