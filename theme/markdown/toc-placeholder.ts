import { fencedLines } from './fences.ts';

// The heading remark-toc fills with a table of contents (its default `heading` option), as AstroPaper and
// other Astro themes write it: `## Table of contents`, `## Contents`, `## TOC`.
export const TOC_HEADING = /^ {0,3}#{1,6}[ \t]+(?:table[ -]of[ -])?contents?[ \t]*(?:#+[ \t]*)?\r?$|^ {0,3}#{1,6}[ \t]+toc[ \t]*(?:#+[ \t]*)?\r?$/i;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|\r?$)/;
const TOC_MARKER = /^ {0,3}\[(?:toc|\[_toc_\])\][ \t]*\r?$/i;

/**
 * remark-toc's placeholder heading left out: a "Table of contents" heading whose section is empty (the next
 * line that is not blank is a heading, or the end of the body), which remark-toc fills with a list and
 * Carnet would show as an empty section, besides its own table of contents. A heading with text of its
 * own under it is the author's, and stays. So is a `[TOC]` line (Typora's, Python-Markdown's, GitLab's
 * `[[_TOC_]]`). The line is blanked, so that every line keeps its number; the lines left out are returned
 * (1 = the first of `body`).
 */
export function withoutTocPlaceholders(body: string): { body: string; removed: number[]; markers: { line: number; text: string }[] } {
	const markers: { line: number; text: string }[] = [];
	// The heading's marks and the bracket are looked behind the words, so that the patterns are tried where the words start.
	if (!/(?<=^ {0,3}#{1,6}[ \t]+)(?:table[ -]of[ -]contents?|contents?|toc)[ \t]*(?:#+[ \t]*)?\r?$/im.test(body) && !/(?<=^ {0,3}\[)(?:toc|\[_toc_\])\][ \t]*\r?$/im.test(body)) return { body, removed: [], markers };
	const lines = body.split('\n');
	const removed: number[] = [];
	const code = fencedLines(lines);
	for (const [index, line] of lines.entries()) {
		if (code[index]) continue;
		// `[TOC]` (Typora, Python-Markdown's toc extension, MultiMarkdown) and GitLab's `[[_TOC_]]`.
		// (Not a link to a `[toc]: …` definition of the post's own.)
		if (TOC_MARKER.test(line) && !/^ {0,3}\[toc\]:/im.test(body)) {
			markers.push({ line: index + 1, text: line.trim() });
			lines[index] = '';
			continue;
		}
		if (!TOC_HEADING.test(line)) continue;
		const next = lines.slice(index + 1).find((following) => following.trim() !== '');
		if (next !== undefined && !HEADING.test(next)) continue;
		lines[index] = '';
		removed.push(index + 1);
	}
	return removed.length === 0 && markers.length === 0 ? { body, removed, markers } : { body: lines.join('\n'), removed, markers };
}
