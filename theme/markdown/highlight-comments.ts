import { ranges } from './svelte-code.ts';

// Docusaurus's magic comments, alone on their line in any of its comment styles: `// highlight-next-line`,
// `# highlight-start`, `<!-- highlight-end -->`, `{/* highlight-next-line */}`, `-- …` (Lua, SQL), `% …` (TeX).
const MAGIC_COMMENT = /^[ \t]*(?:\/\/|#|--|%|;;|\/\*|\{\/\*|<!--)[ \t]*highlight-(next-line|start|end)[ \t]*(?:\*\/\}?|-->)?[ \t]*\r?$/;

/**
 * A code block's lines without Docusaurus's magic comments, and the lines they highlight added to its meta
 * string as `mark={…}`, as Docusaurus shows them: the comments are not shown, `highlight-next-line` marks the
 * line under it, and `highlight-start` … `highlight-end` the lines between. Undefined for a block without any.
 */
export function readHighlightComments(value: string, meta: string | null | undefined): { value: string; meta: string } | undefined {
	if (!value.includes('highlight-')) return undefined;
	const kept: string[] = [];
	const marked: number[] = [];
	let next = false;
	let open = 0;
	let found = false;
	for (const line of value.split('\n')) {
		const comment = MAGIC_COMMENT.exec(line)?.[1];
		if (comment === 'next-line') next = true;
		else if (comment === 'start') open += 1;
		else if (comment === 'end') open = Math.max(0, open - 1);
		else {
			kept.push(line);
			if (next || open > 0) marked.push(kept.length);
			next = false;
			continue;
		}
		found = true;
	}
	if (!found) return undefined;
	const parts = [meta ?? '', ...(marked.length > 0 ? [`mark={${ranges(marked)}}`] : [])];
	return { value: kept.join('\n'), meta: parts.join(' ').trim() };
}
