import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * How deep an MDX body's Markdown may nest (a quote in a quote, a list in a list item), in syntax-tree
 * levels: a list level takes two (the list and its item). The MDX build crashes the process without a
 * word past about 450 levels of quotes or 250 of lists (rolldown parses the nested JSX the compiler
 * writes on a native stack); real posts nest a few.
 */
export const MAX_MDX_DEPTH = 256;

// Only a line opening with this many quote markers or indenting spaces can start such a tree.
const DEEP_LINE = new RegExp(`^[ \\t>]{${MAX_MDX_DEPTH / 2},}`, 'm');

/** The first line at which `markdown` nests deeper than `max` levels, and how deep it goes, or undefined. */
export function deepestNesting(markdown: string, max = MAX_MDX_DEPTH): { line: number; depth: number } | undefined {
	if (!DEEP_LINE.test(markdown)) return undefined;
	// Quotes alone that nest too deep are counted from their markers: parsing them takes time with the
	// square of their depth (a line of 50,000 `>` took seconds).
	const quoted = tooManyQuotes(markdown, max);
	if (quoted) return quoted;
	type Node = { children?: Node[]; position?: { start: { line: number } } };
	// A stack rather than recursion: the tree is the deep thing.
	const stack: { node: Node; depth: number }[] = [{ node: fromMarkdown(markdown) as Node, depth: 0 }];
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

/** The first line whose quote markers (`> > >`) alone nest deeper than `max`, and how deep, or undefined. */
function tooManyQuotes(markdown: string, max: number): { line: number; depth: number } | undefined {
	const lines = markdown.split('\n');
	for (const [index, line] of lines.entries()) {
		const prefix = /^[ \t>]*/.exec(line)?.[0] ?? '';
		if (prefix.length <= max) continue;
		let quotes = 0;
		for (const char of prefix) if (char === '>') quotes += 1;
		// As the tree counts them: each quote, then the paragraph and its text inside.
		if (quotes > max) return { line: index + 1, depth: quotes + 2 };
	}
	return undefined;
}
