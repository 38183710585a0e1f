import { outsideCode, outsideCodeSpans } from './fences.ts';

// `==highlighted==`, as Obsidian, Typora and Markdown Here write it: against its words on both sides, not
// next to another `=` or a word (`a == b`, `x==y==z` and a heading's `===` underline are not marks).
const MARK = /(?<![=\p{L}\p{N}_])==(?=[^\s=])([^=\n]*?[^\s=])==(?![=\p{L}\p{N}_])/gu;

/** Highlights written `==so==` as `<mark>` elements, each line on its line; code is left alone. */
export function highlightMarks(body: string): string {
	if (!body.includes('==')) return body;
	return outsideCode(body, /==/, (line) => (line.includes('==') ? outsideCodeSpans(line, (part) => part.replace(MARK, '<mark>$1</mark>')) : line));
}
