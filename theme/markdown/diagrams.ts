import { fenceAfter, maskCodeSpans } from './fences.ts';

// The languages of fenced code that other engines draw as a diagram (GitHub, GitLab, Docusaurus, Quarto,
// Obsidian, Hugo and Jekyll themes with a diagram script) and Carnet shows as code.
const LANGUAGES = 'mermaid|mmd|plantuml|puml|graphviz|dot|d2|ditaa|wavedrom|nomnoml|pikchr|svgbob|bob|flowchart|sequence|bpmn';

// A fence's language: the first word of its info string, as ```mermaid, ~~~ {.mermaid} and ```{mermaid} write it.
const FENCE_LANGUAGE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:\{[ \t]*)?\.?([\w-]+)/;
const DIAGRAM = new RegExp(`^(?:${LANGUAGES})$`, 'i');
const ANY_DIAGRAM = new RegExp(`^ {0,3}(?:\`{3,}|~{3,})[ \\t]*(?:\\{[ \\t]*)?\\.?(?:${LANGUAGES})\\b|\\{\\{[<%][ \\t]*mermaid\\b|\\{%-?[ \\t]*<mermaid\\b`, 'im');
// Hugo's mermaid shortcode (Book, Docsy, Hextra) and Zola's mermaid component (Tera 2, Linkita), which become a mermaid fence.
const MERMAID_SHORTCODE = /\{\{[<%][ \t]*mermaid\b|\{%-?[ \t]*<mermaid\b/;

/** The diagrams of a Markdown body, fenced, in Hugo's shortcode or in Zola's component: the 1-based line of each, and its language. */
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
			afterShortcode = (shortcode && !line.includes('/mermaid')) || (afterShortcode && line.trim() === '');
			return;
		}
		const language = FENCE_LANGUAGE.exec(line)?.[1];
		if (language && DIAGRAM.test(language) && !afterShortcode) found.push({ line: index + 1, language: language.toLowerCase() });
		afterShortcode = false;
	});
	return found;
}
