import { fromMarkdown } from 'mdast-util-from-markdown';
import { BLOCKS_ONLY } from '../markdown/fences.ts';

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
	// Each level takes a character of a line's lead at least: its indent or its marker.
	if (!lines.some((line) => leadOf(line).length >= max / 2)) return undefined;
	// Containers that nest too deep on one line are counted from their markers: parsing them takes time with
	// the square of their number or worse (a line of 50,000 `>` took seconds, of 8,000 `- ` two minutes).
	const marked = tooManyMarkers(lines, max);
	if (marked) return marked;
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

function leadOf(line: string): string {
	return (LINE_LEAD.exec(line) as RegExpExecArray)[0];
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
