import { parseEntities } from 'parse-entities';

/** An attribute as HTML's tokenizer reads it: its name in lower case, its value with its character references read, and the span it is written over. */
export type TagAttribute = { name: string; value: string; from: number; to: number };
/**
 * A start tag as HTML's tokenizer reads it; `end` is the index after its `>`, or -1 where the text ends first,
 * `openValue` then the attribute whose quoted value it ends in.
 */
export type Tag = { element: string; attributes: TagAttribute[]; end: number; openValue?: { name: string; quote: string } };

const TAG_START = /<[A-Za-z]/g;
/**
 * How much of a tag left open at a line's end is carried to the next lines, in characters and in lines, and how
 * much of the lines after it is read for its end: reading a longer one again on each line would take its length
 * times its lines. Past that, a short stand-in for it is carried (standIn()).
 */
export const TAG_READ_LIMIT = { chars: 2000, lines: 8 };

// HTML's ASCII white space: tab, line feed, form feed, carriage return, space.
const isSpace = (char: string) => char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';

const lowerAscii = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/**
 * The start tag whose `<` is at `start` of `text`, read as the HTML standard's tokenizer reads one: names
 * case-insensitive, a value quoted or bare, an attribute written twice kept as first written.
 */
export function readTag(text: string, start: number): Tag {
	let at = start + 1;
	while (at < text.length && !isSpace(text.charAt(at)) && text.charAt(at) !== '/' && text.charAt(at) !== '>') at++;
	const element = lowerAscii(text.slice(start + 1, at));
	const attributes: TagAttribute[] = [];
	const names = new Set<string>();
	let openValue: Tag['openValue'];
	while (at < text.length) {
		const char = text.charAt(at);
		if (char === '>') return { element, attributes, end: at + 1 };
		if (isSpace(char) || char === '/') {
			at++;
			continue;
		}
		const from = at;
		// A name's first character may be `=`.
		at++;
		while (at < text.length && !isSpace(text.charAt(at)) && !'/>='.includes(text.charAt(at))) at++;
		const name = lowerAscii(text.slice(from, at));
		let next = at;
		while (next < text.length && isSpace(text.charAt(next))) next++;
		let value = '';
		if (text.charAt(next) === '=') {
			at = next + 1;
			while (at < text.length && isSpace(text.charAt(at))) at++;
			const quote = text.charAt(at);
			const valueFrom = quote === '"' || quote === "'" ? at + 1 : at;
			if (valueFrom > at) {
				const close = text.indexOf(quote, valueFrom);
				if (close === -1) openValue = { name, quote };
				at = close === -1 ? text.length : close + 1;
				value = text.slice(valueFrom, close === -1 ? text.length : close);
			} else {
				while (at < text.length && !isSpace(text.charAt(at)) && text.charAt(at) !== '>') at++;
				value = text.slice(valueFrom, at);
			}
		}
		if (names.has(name)) continue;
		names.add(name);
		attributes.push({ name, value: value.includes('&') ? parseEntities(value, { attribute: true }) : value, from, to: at });
	}
	return { element, attributes, end: -1, ...(openValue === undefined ? {} : { openValue }) };
}

// The quote markers that open a line of a blockquote (`> `, `> > `): Markdown's, not the tag's text.
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;

/** `line` without the quote markers that open it, which a tag going on from the line above does not hold. */
export function withoutQuoteMarkers(line: string): string {
	return line.startsWith('>') || line.startsWith(' ') ? line.replace(QUOTE_MARKERS, '') : line;
}

/**
 * A start tag left open, `tag` read from `text`, too long to carry whole, as a short tag that reads the lines
 * after it as it does: its element, its http-equiv (which says what a meta's content is), and the attribute
 * whose quoted value it ends in. Its other attributes, written before, are left out; of one written again
 * after, the browser keeps the one left out, so that the stand-in is read as stricter, never as safer.
 */
function standIn(tag: Tag, text: string): string {
	const equiv = tag.attributes.find((attribute) => attribute.name === 'http-equiv' && attribute.to < text.length && attribute.to - attribute.from < 200);
	const value = tag.openValue === undefined ? '' : ` ${tag.openValue.name}=${tag.openValue.quote}`;
	return `<${tag.element.slice(0, 100)}${equiv === undefined ? '' : ` ${text.slice(equiv.from, equiv.to)}`}${value}`;
}

/**
 * For each line of `lines` (`skipped` lines, fenced code, never), the text of the start tag left open on the
 * lines above it (`<a class="x"` then a line break), which the line goes on writing, without its quote markers
 * in a blockquote; undefined where none is. One longer than TAG_READ_LIMIT is its stand-in, up to a blank line,
 * which ends the paragraph that a tag of prose (`a <b`, never closed) would run on in.
 */
export function openTagLines(lines: readonly string[], skipped: readonly (boolean | undefined)[]): (string | undefined)[] {
	const found: (string | undefined)[] = new Array(lines.length);
	let open: string | undefined;
	let openLines = 0;
	let partial = false;
	for (const [index, line] of lines.entries()) {
		if (skipped[index] === true || (partial && withoutQuoteMarkers(line).trim() === '')) {
			open = undefined;
			partial = false;
		}
		if (skipped[index] === true) continue;
		found[index] = open;
		if (open === undefined && !line.includes('<')) continue;
		const text = open === undefined ? line : `${open}${withoutQuoteMarkers(line)}`;
		const carried = open?.length ?? 0;
		const wasPartial: boolean = partial;
		open = undefined;
		partial = false;
		for (let start = nextTagStart(text, 0); start !== -1; ) {
			const tag = readTag(text, start);
			if (tag.end === -1) {
				openLines = start < carried ? openLines + 1 : 1;
				const whole = text.length - start < TAG_READ_LIMIT.chars && openLines < TAG_READ_LIMIT.lines;
				open = `${whole ? text.slice(start) : standIn(tag, text)}\n`;
				partial = !whole || (wasPartial && start < carried);
				break;
			}
			start = nextTagStart(text, tag.end);
		}
	}
	return found;
}

function nextTagStart(text: string, from: number): number {
	TAG_START.lastIndex = from;
	return TAG_START.exec(text)?.index ?? -1;
}

/**
 * A reader of the start tags of `text`, in order: at() gives the tag a point of it stands in, from its `<` to
 * its `>` (or the end of `text`), or undefined outside any. Each tag is read once.
 */
export function readTags(text: string) {
	let from = 0;
	let current: { start: number; end: number } | null | undefined;
	return {
		at(point: number): { start: number; end: number } | undefined {
			for (;;) {
				if (current === undefined) {
					const start = nextTagStart(text, from);
					current = start === -1 ? null : { start, end: readTag(text, start).end };
				}
				if (current === null || current.start >= point) return undefined;
				if (current.end === -1 || current.end > point) return current;
				from = current.end;
				current = undefined;
			}
		},
	};
}
