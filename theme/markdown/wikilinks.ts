import { splitFences } from './shortcodes.ts';

// Obsidian's `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]` and embeds, `![[image.png]]`.
const WIKILINK = /!?\[\[[^[\]\n]+\]\]/g;

/**
 * The wikilinks of a body, outside code, with their line (1 = the body's first). Obsidian resolves them
 * against the whole vault, which a blog does not have: Markdown shows them as written, and the loader says
 * so, with the link to write instead.
 */
export function findWikilinks(body: string): { line: number; text: string }[] {
	if (!body.includes('[[')) return [];
	const found: { line: number; text: string }[] = [];
	for (const { text, code, line } of splitFences(body)) {
		if (code) continue;
		for (const [index, row] of text.split('\n').entries()) {
			const prose = row.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
			for (const [link] of prose.matchAll(WIKILINK)) found.push({ line: line + index, text: link });
		}
	}
	return found;
}
