import { fromMarkdown } from 'mdast-util-from-markdown';
import { BLOCKS_ONLY, fenceAfter } from '../markdown/fences.ts';

/**
 * How deep an MDX body's Markdown may nest (a quote in a quote, a list in a list item), in syntax-tree
 * levels: a list level takes two (the list and its item). The MDX build crashes the process without a
 * word past about 450 levels of quotes or 250 of lists (rolldown parses the nested JSX the compiler
 * writes on a native stack); real posts nest a few.
 */
export const MAX_MDX_DEPTH = 256;

// What may open a line before its text: an indent, quote markers, list items' markers.
const LINE_LEAD = /^[ \t>*+\-\d.)]*/;

// A quote marker or a list item's, and the spaces before it.
const MARKER = /([ \t]*)(>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;

/**
 * The first line at which `markdown` nests deeper than `max` levels, and how deep it goes, or undefined.
 * Quotes and lists are counted, the blocks they hold too, not the inline constructs of their text.
 */
export function deepestNesting(markdown: string, max = MAX_MDX_DEPTH): { line: number; depth: number } | undefined {
	const lines = markdown.split('\n');
	// Each level takes a column of a line's lead at least: its indent or its marker. A tab takes up to four,
	// which may hold two list levels: counted as four, a line's columns are never fewer than its levels.
	// The lines that may nest too deep, by their index.
	const leads = lines.flatMap((line, index) => (leadColumns(line) >= max / 2 ? [index] : []));
	if (leads.length === 0) return undefined;
	// Containers that nest too deep on one line are counted from their markers: parsing them takes time with
	// the square of their number or worse (a line of 50,000 `>` took seconds, of 8,000 `- ` two minutes).
	const marked = tooManyMarkers(lines, max);
	if (marked) return marked;
	// Lists nested by their indents, one level a line, take the parser time with the cube of their depth (200
	// lines: 2 s, 400: 11 s); their lines are counted first, the parser left to bodies they do not decide.
	const counted = countContainers(lines, max);
	if (counted) return counted.deep;
	// The parser's time grows with the cube of a list's depth (600 lines nested one more each: 8 s, 1,200: a
	// minute): it is given ever longer beginnings of the body, each up to a line that may nest too deep, with
	// twice as many of those as the last, and stops at the first that does. CommonMark knows a line's blocks
	// from the lines up to it, so a beginning answers as the whole body would, with the depth reached so far
	// (as countContainers() does); the deep lines after the first too deep are never all parsed.
	for (let count = 1; ; count *= 2) {
		const whole = count >= leads.length;
		const deep = deepestParsed(whole ? markdown : lines.slice(0, (leads[count - 1] as number) + 1).join('\n'), max);
		if (deep || whole) return deep;
	}
}

function deepestParsed(markdown: string, max: number): { line: number; depth: number } | undefined {
	type Node = { children?: Node[]; position?: { start: { line: number } } };
	// The blocks alone: the links of a line of 50,000 `[a](` took a minute to read, and nest nothing.
	const root = fromMarkdown(markdown, { extensions: [BLOCKS_ONLY] }) as Node;
	// A stack rather than recursion: the tree is the deep thing.
	const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
	let line = Infinity;
	let deepest = 0;
	while (stack.length > 0) {
		const { node, depth } = stack.pop() as { node: Node; depth: number };
		deepest = Math.max(deepest, depth);
		if (depth > max) line = Math.min(line, node.position?.start.line ?? 1);
		for (const child of node.children ?? []) stack.push({ node: child, depth: depth + 1 });
	}
	return deepest > max ? { line, depth: deepest } : undefined;
}

type Container = { quote: true } | { quote: false; width: number };

// A list item's marker and the spaces after it, the text that must follow.
const LIST_MARKER = /^([-*+]|(\d{1,9})[.)])( {1,4})(?! )(?=\S)/;

// Text no block construct opens with (a letter), after at most three spaces.
const PLAIN_TEXT = /^ {0,3}[A-Za-z\u0080-\uFFFF]/;

/**
 * deepestNesting()'s answer counted line by line, as CommonMark opens and continues quotes and list items, or
 * undefined when `lines` hold more than the quotes, list items, paragraphs and blank lines it counts exactly
 * (a tab, code, a heading, an empty item...). Past the first line nested too deep, a line it cannot count
 * ends the count: the line is known, and the depth reached so far is the answer's.
 */
function countContainers(lines: readonly string[], max: number): { deep: { line: number; depth: number } | undefined } | undefined {
	const open: Container[] = [];
	let paragraph = false;
	let deep: { line: number; depth: number } | undefined;
	let fence: string | undefined;
	for (const [index, line] of lines.entries()) {
		if (fence !== undefined) {
			fence = fenceAfter(line, fence).open;
			continue;
		}
		// A heading, a fence or a rule at the start of a line is no paragraph's lazy line: it closes every container.
		const closing = blockClosingAll(line);
		if (closing) {
			open.splice(0);
			paragraph = closing.paragraph;
			fence = closing.fence;
			continue;
		}
		const read = readContainers(line, open, paragraph);
		if (!read) return deep ? { deep } : undefined;
		paragraph = read.paragraph;
		if (!read.starts) continue;
		const depth = open.reduce((levels, container) => levels + (container.quote ? 1 : 2), 0) + 2;
		if (depth > max) deep = { line: deep?.line ?? index + 1, depth: Math.max(deep?.depth ?? 0, depth) };
	}
	return { deep };
}

/**
 * Reads `line` into the containers `open` (changed in place): those it continues, those it opens. Tells
 * whether a paragraph is open after it and whether it starts one, or undefined when it cannot be counted.
 * The line is read from an offset, not sliced: a line of a list nested a thousand deep is read a thousand times.
 */
function readContainers(row: string, open: Container[], paragraph: boolean): { paragraph: boolean; starts: boolean } | undefined {
	// Tabs count to the next stop of four columns, a carriage return inside a line ends it: neither is counted.
	const line = row.endsWith('\r') ? row.slice(0, -1) : row;
	if (leadOf(line).includes('\t') || line.includes('\r')) return undefined;
	let end = line.length;
	while (end > 0 && line[end - 1] === ' ') end -= 1;
	let at = 0;
	let matched = 0;
	for (const container of open) {
		const indent = spacesAt(line, at, container.quote ? 4 : container.width);
		if (!container.quote && at + indent >= end) at = end;
		else if (container.quote && indent <= 3 && line[at + indent] === '>') at += indent + (line[at + indent + 1] === ' ' ? 2 : 1);
		else if (!container.quote && indent >= container.width) at += container.width;
		else break;
		matched += 1;
	}
	const opened: Container[] = [];
	for (;;) {
		const indent = spacesAt(line, at, 4);
		if (indent <= 3 && line[at + indent] === '>') {
			opened.push({ quote: true });
			at += indent + (line[at + indent + 1] === ' ' ? 2 : 1);
			continue;
		}
		const text = line.slice(at + indent, at + indent + 16);
		const marker = indent <= 3 ? LIST_MARKER.exec(text) : null;
		if (!marker) break;
		// A rule (- - -) is no item; after a paragraph, an ordered item that does not start at 1 is none
		// either, in micromark, on the whole line.
		if (thematicBreakAt(line.slice(at + indent)) !== Infinity || (paragraph && marker[2] !== undefined && Number(marker[2]) !== 1)) return undefined;
		opened.push({ quote: false, width: indent + marker[0].length });
		at += indent + marker[0].length;
	}
	const plain = PLAIN_TEXT.test(line.slice(at, at + 4 + 2));
	if (opened.length > 0 || at >= end) {
		if (opened.length > 0 && !plain) return undefined;
		open.splice(matched, open.length - matched, ...opened);
		return { paragraph: opened.length > 0, starts: opened.length > 0 };
	}
	// A line that goes on with a paragraph, lazily too (its containers not all written), starts nothing.
	if (paragraph && (plain || (matched === open.length && spacesAt(line, at, 4) >= 4))) return { paragraph, starts: false };
	if (!plain) return undefined;
	open.splice(matched);
	return { paragraph: true, starts: true };
}

// An ATX heading at the start of a line.
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;

/**
 * Whether `line`, from its first column, is a heading, a thematic break or a fence's opening, which closes
 * every open container; with the fence it opens, and whether a paragraph is open after it (a rule of `-` under
 * a paragraph underlines it, as a setext heading: none is open after either).
 */
function blockClosingAll(line: string): { paragraph: boolean; fence?: string } | undefined {
	if (ATX_HEADING.test(line)) return { paragraph: false };
	const fence = line[0] === '`' || line[0] === '~' ? fenceAfter(line, undefined).open : undefined;
	if (fence) return { paragraph: false, fence };
	if (line[0] !== ' ' && line[0] !== '\t' && thematicBreakAt(line) === 0) return { paragraph: false };
	return undefined;
}

/** How many spaces `line` has from `at`, counted up to `limit`. */
function spacesAt(line: string, at: number, limit: number): number {
	let count = 0;
	while (count < limit && line[at + count] === ' ') count += 1;
	return count;
}

function leadOf(line: string): string {
	return (LINE_LEAD.exec(line) as RegExpExecArray)[0];
}

/** The columns of a line's lead, each tab counted as four. */
function leadColumns(line: string): number {
	const lead = leadOf(line);
	let tabs = 0;
	for (let at = lead.indexOf('\t'); at !== -1; at = lead.indexOf('\t', at + 1)) tabs++;
	return lead.length + 3 * tabs;
}

/** The first line whose quote and list markers (`> > - 1. `) alone nest deeper than `max`, and how deep, or undefined. */
function tooManyMarkers(lines: readonly string[], max: number): { line: number; depth: number } | undefined {
	for (const [index, line] of lines.entries()) {
		// A list marker opens two levels in two characters at least, a quote marker one in one.
		if (leadOf(line).length <= max) continue;
		const depth = markedDepth(line);
		if (depth > max) return { line: index + 1, depth };
	}
	return undefined;
}

/**
 * How deep the containers `line` opens nest, as the tree counts them: its markers' levels, then a thematic
 * break's (`- - -` after them is one, not three lists), or a paragraph and its text. A marker after a gap that
 * makes the rest code is not counted, nor those after it: the parse counts what the line leaves.
 */
function markedDepth(line: string): number {
	const rule = thematicBreakAt(line);
	let levels = 0;
	let at = 0;
	for (MARKER.lastIndex = 0; ; at = MARKER.lastIndex) {
		const marker = MARKER.exec(line);
		if (!marker) break;
		const gap = (marker[1] as string).replaceAll('\t', '    ').length;
		if (gap > (at === 0 ? 3 : 4)) break;
		if (marker.index + gap >= rule) return levels + 1;
		levels += marker[2] === '>' ? 1 : 2;
	}
	return line.slice(at).trim() === '' ? levels : levels + 2;
}

/** Where the thematic break that ends `line` (`* * *`, `---`) begins, or Infinity when none does. */
function thematicBreakAt(line: string): number {
	let at = line.trimEnd().length - 1;
	const char = line[at];
	if (char !== '-' && char !== '*' && char !== '_') return Infinity;
	let count = 0;
	let start = at;
	for (; at >= 0 && (line[at] === char || line[at] === ' ' || line[at] === '\t'); at -= 1) {
		if (line[at] === char) {
			count += 1;
			start = at;
		}
	}
	return count >= 3 ? start : Infinity;
}
