import { escapeXml } from '../utils/xml.ts';
import { readTag, type TagAttribute } from './html-tags.ts';

// Where an `<a>` opening tag starts, its attributes over lines maybe (openingTag()).
const OPENING = /<a(?=[\s>])/gi;
// What ends an anchor's content: its `</a>`, or the next `<a>`, as anchors do not nest.
const CONTENT_END = /<\/a\s*>|<a[\s>]/gi;
// What a reader never sees as a link: a comment, and the text of the elements HTML reads as text (a
// script's, a style's, a textarea's, a title's, an xmp's, a frame's fallback) or keeps out of the page (a
// template's). A noscript's links are links to a reader without script.
const UNSEEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>])[\s\S]*?(?:<\/\1\s*>|$)/gi;

/**
 * What an `<a href>` of raw HTML becomes: its new address, null to show its content without the link (the
 * tag and its `</a>` go), or undefined to keep it. `href` and `title` are read as HTML reads them, their
 * character references decoded; `written` is its opening tag; `line`, the tag's line from the start of
 * `text` (0 for the first).
 */
export type ResolveAnchor = (href: string, written: string, line: number, title: string | undefined) => string | null | undefined;

/**
 * `text` (a run of Markdown outside fenced code) with the `href` of each `<a>` of its raw HTML that `resolve`
 * gives an address for replaced, and each one it gives null for shown as its content: the opening tag is
 * replaced by the line breaks it held, so that every line keeps its number. Tags in `codeSpans` (where each
 * starts and ends), comments and the text of scripts and other raw-text elements are left alone.
 */
export function rewriteAnchors(text: string, codeSpans: readonly (readonly [number, number])[], resolve: ResolveAnchor): string {
	if (!/<a[\s>]/i.test(text)) return text;
	const skippedAt = readSkipped(text, codeSpans);
	let line = 0;
	let counted = 0;
	const parts: string[] = [];
	let from = 0;
	// Where the `</a>` of an anchor shown as its content is, which goes when it is reached.
	let closing = -1;
	const dropClosing = () => {
		parts.push(text.slice(from, closing));
		from = text.indexOf('>', closing) + 1;
		closing = -1;
	};
	for (const match of text.matchAll(OPENING)) {
		const start = match.index;
		if (start < from || skippedAt(start) !== -1) continue;
		const opening = openingTag(text, start);
		if (!opening) continue;
		const { tag, attributes } = opening;
		const href = attributes.find(({ name }) => name === 'href');
		if (!href) continue;
		for (; counted < start; counted++) if (text[counted] === '\n') line++;
		const url = resolve(href.value, tag, line, attributes.find(({ name }) => name === 'title')?.value);
		if (url === undefined) continue;
		if (closing !== -1 && closing < start) dropClosing();
		parts.push(text.slice(from, start));
		if (url === null) {
			parts.push(tag.replace(/[^\n]+/g, ''));
			closing = closingTag(text, start + tag.length, skippedAt);
		} else {
			// Quoted whatever the author wrote: a bare value that starts with `/` is no tag to Sätteri.
			parts.push(`${tag.slice(0, href.from)}${tag.slice(href.from, href.from + 'href'.length)}="${escapeXml(url)}"${tag.slice(href.to)}`);
		}
		from = start + tag.length;
	}
	if (closing !== -1) dropClosing();
	parts.push(text.slice(from));
	return parts.join('');
}

/**
 * The `<a>` opening tag whose `<` is at `start`, as written and as HTML's tokenizer reads its attributes (a quote
 * inside a bare value is part of it), or undefined where no `>` ends it before the next `<`: each tag is read
 * up to there only, so that thousands left open are read in one pass.
 */
function openingTag(text: string, start: number): { tag: string; attributes: TagAttribute[] } | undefined {
	const next = text.indexOf('<', start + 1);
	const written = next === -1 ? text.slice(start) : text.slice(start, next);
	const { end, attributes } = readTag(written, 0);
	return end === -1 ? undefined : { tag: written.slice(0, end), attributes };
}

/**
 * A reader of the runs of `text` where no tag is read (`codeSpans`, comments, raw text): it gives where
 * the run that holds a point ends, or -1 for a point outside every run.
 */
function readSkipped(text: string, codeSpans: readonly (readonly [number, number])[]): (point: number) => number {
	const runs = [...codeSpans, ...[...text.matchAll(UNSEEN)].map((match) => [match.index, match.index + match[0].length] as const)].sort((a, b) => a[0] - b[0]);
	// The furthest end of the runs begun so far, as runs may hold others (a comment in a code span).
	const reaches: number[] = [];
	for (const [index, [, end]] of runs.entries()) reaches.push(Math.max(end, reaches[index - 1] ?? 0));
	return (point) => {
		// The last run begun at or before the point.
		let low = 0;
		let high = runs.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((runs[middle] as readonly [number, number])[0] <= point) low = middle + 1;
			else high = middle;
		}
		const reach = reaches[low - 1] ?? -1;
		return reach > point ? reach : -1;
	};
}

/**
 * Where the `</a>` that ends the content of an anchor opened before `from` stands, or -1 where the next
 * `<a>` or the text's end ends it. One in a code span or a comment is text, as a reader sees it.
 */
function closingTag(text: string, from: number, skippedAt: (point: number) => number): number {
	CONTENT_END.lastIndex = from;
	for (let end = CONTENT_END.exec(text); end; end = CONTENT_END.exec(text)) {
		const skipped = skippedAt(end.index);
		if (skipped === -1) return end[0].startsWith('</') ? end.index : -1;
		CONTENT_END.lastIndex = skipped;
	}
	return -1;
}
