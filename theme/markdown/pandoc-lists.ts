import { verbatimLines } from './fences.ts';
import type { HastElement, HastNode } from './hast.ts';

// An item of Pandoc's fancy lists: `#.`, `a.`, `A)`, `iv.`, `(ii)`, then its spaces; and of its example lists, `(@)`, `(@good)`.
const FANCY_ITEM = /^([ \t]*)(\(?)([a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)([.)])(?=([ \t]*))/;
// What may be an item, for finding code: Markdown's reading of the lines indented under it.
const PROBE_ITEM = /^([ \t]*)(\(?(?:[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#)[.)])(?=[ \t]|$)/;
const EXAMPLE_ITEM = /^[ \t]*\(@[\w-]*\)[ \t]/;
const ROMAN = /^(?:m{0,3})(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
/** The `type` of `<ol>` for each of Pandoc's styles but its default (`#.`), whose list is Markdown's own. */
type ListType = 'a' | 'A' | 'i' | 'I';

/** An example list of Pandoc's, which Markdown does not read: the line of its first item (1 = the first) and its marker. */
export interface FancyList {
	line: number;
	marker: string;
}

/** A list open above the line being read: its marker's column, its content's column, its style and delimiter. */
interface OpenList {
	indent: number;
	content: number;
	type: Marker['type'];
	delimiter: string;
	/** The delimiter its items are written with in Markdown. */
	written: '.' | ')';
}

interface Marker {
	indent: number;
	type: ListType | '1';
	number: number;
	/** Pandoc's delimiter: `.`, `)` or `()`, which Markdown writes `)`. */
	delimiter: string;
	width: number;
	spaces: number;
}

/**
 * `body`, a post written for Pandoc, with its lists numbered by letters and Roman numerals (`a.`, `B)`, `(iv)`)
 * and by `#.` (Pandoc's next number) written as Markdown's numbered lists, each marker as wide as it was written
 * so that what is indented under an item stays in it, and the first item of a lettered or Roman one opening
 * with listTypeMark(), which the renderer makes the list's `type` (withListType()). Pandoc's rules hold: a list
 * opens after a blank line or under another item, its later items are of its style, and a capital letter then a
 * period needs two spaces after it (`B. Russell` is text). Example lists (`(@)`), numbered across the post, are
 * shown as written and returned. Code is left alone; each line stays on its line.
 */
export function readFancyLists(body: string): { body: string; unread: FancyList[] } {
	const unread: FancyList[] = [];
	if (!/^[ \t]*\(?(?:[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#|@[\w-]*)[.)]/m.test(body)) return { body, unread };
	// The lists open above the line being read, innermost last.
	const open: OpenList[] = [];
	let blankAbove = true;
	const lines = body.split('\n');
	// Code is found as Markdown reads the body once its lists are lists: an item's indented lines are its own.
	const verbatim = verbatimLines(
		lines.map((line) => line.replace(PROBE_ITEM, (_, lead: string, marker: string) => `${lead}${'1.'.padStart(marker.length, '0')}`)),
		/^[ \t]*\(?[\w#@]+[.)]/,
	);
	const read = lines.map((line, index) => {
		if (verbatim.has(index)) {
			blankAbove = false;
			return line;
		}
		const blank = line.trim() === '';
		const after = blankAbove;
		blankAbove = blank;
		if (blank) return line;
		const indent = line.search(/\S/);
		// A next item of an open list ends the lists inside it; a line left of a list's content after a blank line ends the list.
		const at = open.findLastIndex((list) => continues(list, line));
		if (at !== -1) {
			open.length = at + 1;
			const list = open[at] as OpenList;
			const marker = markerOf(line, list.type) as Marker;
			list.content = marker.indent + marker.width + marker.spaces;
			return markdownItem(line, marker, list.written, false);
		}
		let ended: OpenList | undefined;
		while (after && open.length > 0 && indent < (open.at(-1) as OpenList).content) ended = open.pop();
		const list = open.at(-1);
		if (!after && (list === undefined || indent < list.content)) return line;
		if (indent - (list?.content ?? 0) >= 4) return line;
		if (EXAMPLE_ITEM.test(line)) {
			unread.push({ line: index + 1, marker: (/\S+/.exec(line) as RegExpExecArray)[0] });
			return line;
		}
		const first = markerOf(line);
		if (!first) return line;
		// Markdown reads a list right after another of its delimiter as more of its items: this one takes the other.
		const delimiter = first.delimiter === '.' ? '.' : ')';
		const written = ended && ended.written === delimiter && first.indent >= ended.indent ? (delimiter === '.' ? ')' : '.') : delimiter;
		open.push({ indent: first.indent, content: first.indent + first.width + first.spaces, type: first.type, delimiter: first.delimiter, written });
		return markdownItem(line, first, written, true);
	});
	return { body: read.join('\n'), unread };
}

/** Whether `line` is a next item of `list`: at its column or further, in its style and delimiter. */
function continues(list: OpenList, line: string): boolean {
	const marker = markerOf(line, list.type);
	return marker !== undefined && marker.delimiter === list.delimiter && marker.indent >= list.indent && marker.indent < list.content;
}

/**
 * The item marker `line` opens with, read in `style` (a next item of a list), or as Pandoc reads a list's first
 * item: `i` and `I` are Roman, another letter alone a letter, more letters a Roman numeral; undefined for none.
 */
function markerOf(line: string, style?: Marker['type']): Marker | undefined {
	const match = FANCY_ITEM.exec(line);
	if (!match) return undefined;
	const [whole, lead = '', paren, name = '', close = '', spaces = ''] = match;
	if (spaces === '' && whole.length < line.length) return undefined;
	if (paren === '(' && close !== ')') return undefined;
	const delimiter = paren === '(' ? '()' : close;
	// Pandoc's page numbers: `p. 3` is text.
	if (name === 'p' && delimiter === '.' && /^[ \t]+\d/.test(line.slice(whole.length))) return undefined;
	const type = name === '#' ? '1' : styleOf(name, style);
	if (type === undefined || (style !== undefined && type !== style)) return undefined;
	const number = type === '1' ? 1 : type === 'a' || type === 'A' ? name.toLowerCase().charCodeAt(0) - 96 : romanValue(name.toLowerCase());
	// A capital letter alone then a period may be an initial: Pandoc wants two spaces after it.
	if (delimiter === '.' && (type === 'A' || (type === 'I' && name.length === 1)) && spaces.length < 2 && whole.length < line.length) return undefined;
	return { indent: lead.length, type, number, delimiter, width: whole.length - lead.length, spaces: Math.max(1, Math.min(spaces.length, 4)) };
}

function styleOf(name: string, style: Marker['type'] | undefined): Marker['type'] | undefined {
	const lower = name === name.toLowerCase();
	if (name.length === 1 && (style === 'a' || style === 'A' || !/^[iI]$/.test(name))) return lower ? 'a' : 'A';
	return ROMAN.test(name.toLowerCase()) && (lower || name === name.toUpperCase()) ? (lower ? 'i' : 'I') : undefined;
}

function romanValue(numeral: string): number {
	let value = 0;
	for (let at = 0; at < numeral.length; at++) {
		const digit = ROMAN_VALUES[numeral[at] as string] as number;
		value += digit < (ROMAN_VALUES[numeral[at + 1] as string] ?? 0) ? -digit : digit;
	}
	return value;
}

/**
 * `line` with its item's marker written as Markdown's: a list's `first` item with its number, padded with zeros
 * to the marker's width, and listTypeMark() for letters and Roman numerals; a next item 1, as Markdown numbers on.
 */
function markdownItem(line: string, marker: Marker, delimiter: '.' | ')', first: boolean): string {
	const padded = String(first ? marker.number : 1).padStart(marker.width - 1, '0');
	const after = line.slice(marker.indent + marker.width);
	// A number wider than its letter (`x.`, 24) takes a space after it, where there are two.
	const rest = padded.length > marker.width - 1 && /^[ \t]{2}/.test(after) ? after.slice(1) : after;
	const text = rest.trimStart();
	const mark = first && marker.type !== '1' ? listTypeMark(marker.type) : '';
	const gap = rest.slice(0, rest.length - text.length) || (mark === '' ? '' : ' ');
	return `${line.slice(0, marker.indent)}${padded}${delimiter}${gap}${mark}${text}`;
}

const LIST_TYPE_MARK = /^<span data-carnet-list="([aAiI])">$/;
/** What a document holds when one of its lists has listTypeMark(). */
export const LIST_TYPE_HINT = 'data-carnet-list=';

/** What opens the first item of a list whose `<ol>` is to have `type`: an empty span, which shows nothing where it stays. */
function listTypeMark(type: ListType): string {
	return `<span data-carnet-list="${type}"></span>`;
}

/**
 * `list`, an `<ol>`, with the `type` its first item's listTypeMark() names and without the mark (Markdown keeps
 * raw HTML as `raw` nodes until the page is written); undefined for another list. `remove` takes the mark's
 * nodes out of the tree, as the processor does it.
 */
export function withListType(list: HastElement, remove: (nodes: HastNode[]) => void): ListType | undefined {
	const item = list.children.find((child) => child.type === 'element' && (child as HastElement).tagName === 'li') as HastElement | undefined;
	const first = item?.children.find((child) => !(child.type === 'text' && (child.value ?? '').trim() === ''));
	const holder = first?.type === 'element' && (first as HastElement).tagName === 'p' ? (first as HastElement) : item;
	const [open, close] = holder?.children ?? [];
	const type = open?.type === 'raw' ? LIST_TYPE_MARK.exec(open.value ?? '')?.[1] : undefined;
	if (type === undefined || close?.type !== 'raw' || close.value !== '</span>') return undefined;
	remove([open as HastNode, close]);
	return type as ListType;
}
