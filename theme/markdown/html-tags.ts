import { parseEntities } from 'parse-entities';

/** An attribute as HTML's tokenizer reads it: its name in lower case, its value with its character references read, and the span it is written over. */
export type TagAttribute = { name: string; value: string; from: number; to: number };
/** A start tag as HTML's tokenizer reads it; `end` is the index after its `>`, or -1 where the text ends first. */
export type Tag = { element: string; attributes: TagAttribute[]; end: number };

const TAG_START = /<[A-Za-z]/g;
/**
 * How much of a tag left open at a line's end is carried to the next lines, in characters and in lines, and how
 * much of the lines after it is read for its end: one that runs on further is no tag anyone writes by hand (`a <b`
 * in prose, never closed), and reading it again on each line would take its length times its lines.
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
	return { element, attributes, end: -1 };
}

/**
 * For each line of `lines` (`skipped` lines, fenced code, never), the text of the start tag left open on the
 * lines above it (`<a class="x"` then a line break), which the line goes on writing; undefined where none is.
 */
export function openTagLines(lines: readonly string[], skipped: readonly (boolean | undefined)[]): (string | undefined)[] {
	const found: (string | undefined)[] = new Array(lines.length);
	let open: string | undefined;
	let openLines = 0;
	for (const [index, line] of lines.entries()) {
		if (skipped[index] === true) {
			open = undefined;
			continue;
		}
		found[index] = open;
		if (open === undefined && !line.includes('<')) continue;
		const text = `${open ?? ''}${line}`;
		const carried = open?.length ?? 0;
		open = undefined;
		for (let start = nextTagStart(text, 0); start !== -1; ) {
			const { end } = readTag(text, start);
			if (end === -1) {
				openLines = start < carried ? openLines + 1 : 1;
				if (text.length - start < TAG_READ_LIMIT.chars && openLines < TAG_READ_LIMIT.lines) open = `${text.slice(start)}\n`;
				break;
			}
			start = nextTagStart(text, end);
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
