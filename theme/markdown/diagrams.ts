import { fenceAfter, fencedLines, fenceLanguage, maskCodeSpans, verbatimLines } from './fences.ts';
import { codeTagLines } from './shortcodes.ts';

// The languages of fenced code that other engines draw as a diagram (GitHub, GitLab, Docusaurus, Quarto,
// Obsidian, Hugo and Jekyll themes with a diagram script) and Carnet shows as code.
const LANGUAGES = 'mermaid|mmd|plantuml|puml|graphviz|dot|d2|ditaa|wavedrom|nomnoml|pikchr|svgbob|bob|flowchart|sequence|bpmn';

// A fence's info string, whose language fenceLanguage() reads: ```mermaid, ~~~ {.mermaid} and ```{mermaid}.
const FENCE_INFO = /^ {0,3}(?:`{3,}|~{3,})([^\n]*)/;
const DIAGRAM = new RegExp(`^(?:${LANGUAGES})$`, 'i');
const ANY_DIAGRAM = new RegExp(`^ {0,3}(?:\`{3,}|~{3,})[ \\t]*(?:\\{[^}\\n]*)?\\.?(?:${LANGUAGES})\\b|\\{\\{[<%][ \\t]*mermaid\\b|\\{%-?[ \\t]*<?mermaid\\b`, 'im');
// Hugo's mermaid shortcode (Book, Docsy, Hextra), Zola themes' mermaid shortcode and Zola's mermaid component
// (Tera 2, Linkita), which become a mermaid fence.
const MERMAID_SHORTCODE = /\{\{[<%][ \t]*mermaid\b|\{%-?[ \t]*<mermaid\b|\{%-?[ \t]*mermaid[ \t]*\(/;
// Zola's shortcode closed on its own line: `{% mermaid() %}graph TD; A-->B{% end %}`.
const ZOLA_END = /\{%-?[ \t]*end[ \t]*-?%\}/;

// A line of its own that opens a diagram block as jekyll-spaceship and PlantUML write them, `@startuml`,
// `@startmermaid` or another kind (`@startmindmap`), maybe followed by the diagram's name, one word
// (`@startuml name`) or PlantUML's `@startuml(id=name)`; and one that ends it. A line with more words after
// it is prose about the markers (`@startuml opens a diagram.`), which stays text.
const MARKER_START = /^@start([a-z]+)(?:\([^()\s]*\)|[ \t]+\S+)?[ \t]*\r?$/;
const MARKER_END = /^@end([a-z]+)[ \t]*\r?$/;

/** The diagrams of a Markdown body, fenced, in Hugo's and Zola themes' shortcodes or in Zola's component: the 1-based line of each, and its language. */
export function diagramsIn(body: string): { line: number; language: string }[] {
	if (!ANY_DIAGRAM.test(body)) return [];
	const found: { line: number; language: string }[] = [];
	let open: string | undefined;
	// Whether the lines since a mermaid shortcode are blank: a fence there is its body (Linkita writes one in its
	// component), the one diagram already found.
	let afterShortcode = false;
	body.split('\n').forEach((line, index) => {
		const opens = open === undefined;
		open = fenceAfter(line, open).open;
		if (!opens) return;
		if (open === undefined) {
			// Not one shown in a code span (`{{< mermaid >}}` in prose about it).
			const shortcode = MERMAID_SHORTCODE.test(maskCodeSpans(line));
			if (shortcode) found.push({ line: index + 1, language: 'mermaid' });
			afterShortcode = (shortcode && !line.includes('/mermaid') && !ZOLA_END.test(line)) || (afterShortcode && line.trim() === '');
			return;
		}
		const language = fenceLanguage(FENCE_INFO.exec(line)?.[1] ?? '');
		if (language && DIAGRAM.test(language) && !afterShortcode) found.push({ line: index + 1, language: language.toLowerCase() });
		afterShortcode = false;
	});
	return found;
}

/**
 * `body` with each diagram block that jekyll-spaceship and PlantUML read outside code, from a line of its own
 * `@start<kind>` (maybe naming the diagram) to the first `@end<kind>` line after it, as fenced code of its
 * language: mermaid for `@startmermaid`, plantuml for the others. Its marker lines become the fences, so that
 * each line keeps its number, and the text between is the diagram, as jekyll-spaceship sends it to be drawn.
 * A block with no end line stays text, and so do the markers in what Markdown or the blog's engine shows as
 * written or hides: code (fenced, indented, or a code shortcode's or Liquid tag's), Jekyll's raw blocks, HTML
 * blocks (`<pre>` … `</pre>`) and comments, as a post about PlantUML shows its source.
 */
export function diagramBlocksAsFences(body: string): string {
	if (!body.includes('@start')) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	// The lines that end each kind of block, in order, listed once: thousands of blocks left open are read in linear time.
	const ends = new Map<string, number[]>();
	for (const [index, line] of lines.entries()) {
		const kind = fenced[index] ? undefined : MARKER_END.exec(line)?.[1];
		if (kind === undefined) continue;
		const list = ends.get(kind);
		if (list) list.push(index);
		else ends.set(kind, [index]);
	}
	if (ends.size === 0) return body;
	// The lines that Markdown, Hugo or Jekyll show as written or hide: markers there are the post's text, and an
	// end line there closes no block outside them. Parsed only when a body has an end line.
	const asWritten = verbatimLines(lines, /^@start[a-z]/);
	for (const line of codeTagLines(lines)) asWritten.add(line);
	for (const [kind, list] of ends) ends.set(kind, list.filter((line) => !asWritten.has(line)));
	// For each kind, the first of its end lines not yet passed.
	const nextEnd = new Map<string, number>();
	for (let index = 0; index < lines.length; index++) {
		const kind = asWritten.has(index) ? undefined : MARKER_START.exec(lines[index] as string)?.[1];
		const list = kind === undefined ? undefined : ends.get(kind);
		if (kind === undefined || list === undefined) continue;
		let next = nextEnd.get(kind) ?? 0;
		while (next < list.length && (list[next] as number) < index) next++;
		nextEnd.set(kind, next);
		const end = list[next];
		if (end === undefined) continue;
		// Longer than any run of backticks in the diagram, so that none closes it.
		let longest = 2;
		for (let line = index + 1; line < end; line++) for (const run of (lines[line] as string).matchAll(/`{3,}/g)) longest = Math.max(longest, run[0].length);
		const fence = '`'.repeat(longest + 1);
		lines[index] = `${fence}${kind === 'mermaid' ? 'mermaid' : 'plantuml'}`;
		lines[end] = fence;
		index = end;
	}
	return lines.join('\n');
}
