import { maskCodeSpans, outsideCodeSpans, verbatimLines } from './fences.ts';

// Obsidian's comments, which its reading view hides: `%%…%%` within a line, or from a `%%` line to the next.
const INLINE_COMMENT = /%%(?:(?!%%)[^\n])+%%/g;
const OBSIDIAN_COMMENT = 'it is an Obsidian comment, which Obsidian shows to no reader (its text is not repeated here)';

// What only an Obsidian note writes outside code: a wikilink or embed (`[[Note]]`, `![[a.png]]`), a block ID
// ending a line (` ^id`), a callout GitHub's alerts do not write (`> [!tip]- Folded`, `> [!abstract]`).
const WIKILINK = /\[\[[^[\]\n]+\]\](?!\()/;
const BLOCK_ID = /[ \t]\^[A-Za-z\d-]+[ \t]*\r?$/;
const CALLOUT = /^[ \t]*>[ \t]*\[!([\w-]+)\]([+-]?)[ \t]*(\S?)/;
const GITHUB_ALERTS = new Set(['note', 'tip', 'important', 'warning', 'caution']);
// Front-matter keys of Obsidian's own (`cssclasses`), Obsidian Publish's and Digital Garden's (`dg-publish`).
const OBSIDIAN_KEY = /^(?:cssclass(?:es)?|publish|dg-.+)$/;

/**
 * Whether the post is an Obsidian note, where `%%` opens a comment: it has a key or writes a line only
 * Obsidian writes, or a `%%` line of its own, which opens Obsidian's block comment and nothing else's.
 * Elsewhere `%%` is text (`%%i` in a batch file, `'%%TITLE%%'` in a script), as its engine shows it.
 */
function isObsidianNote(lines: readonly string[], verbatim: ReadonlySet<number>, params: Readonly<Record<string, unknown>>): boolean {
	if (Object.keys(params).some((key) => OBSIDIAN_KEY.test(key))) return true;
	return lines.some((line, index) => {
		if (verbatim.has(index)) return false;
		const text = maskCodeSpans(line);
		const callout = CALLOUT.exec(text);
		const obsidianCallout = callout !== null && (!GITHUB_ALERTS.has((callout[1] as string).toLowerCase()) || callout[2] !== '' || callout[3] !== '');
		return text.trim() === '%%' || WIKILINK.test(text) || BLOCK_ID.test(text) || obsidianCallout;
	});
}

/**
 * `body` without Obsidian's comments, each line on its line, in an Obsidian note (isObsidianNote()): a block
 * from a `%%` line to the next goes whole, code written inside it included; `%%…%%` within a line outside code
 * goes. Each is reported by its line, not its text, which the author meant for no one. Code of every kind
 * (fenced, indented, a highlight shortcode's, an HTML block, a code span) keeps its `%%` as written.
 */
export function leaveOutObsidianComments(body: string, indented: ReadonlySet<number>, params: Readonly<Record<string, unknown>>, report: (item: { line: number; text: string; reason: string; leftOut: true }) => void): string {
	if (!body.includes('%%')) return body;
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /%%|\[\[|[ \t]\^[A-Za-z\d-]+[ \t]*\r?$|\[!/);
	for (const index of indented) verbatim.add(index - 1);
	if (!isObsidianNote(lines, verbatim, params)) return body;
	let opened: number | undefined;
	for (const [index, line] of lines.entries()) {
		if (verbatim.has(index)) continue;
		if (line.trim() === '%%') {
			if (opened === undefined) {
				opened = index;
				continue;
			}
			report({ line: opened + 1, text: '%% … %%', reason: OBSIDIAN_COMMENT, leftOut: true });
			lines.fill('', opened, index + 1);
			opened = undefined;
		} else if (opened === undefined && line.includes('%%')) {
			// Outside code spans (`` `%%x%%` `` stays).
			lines[index] = outsideCodeSpans(line, (part) => part.replace(INLINE_COMMENT, () => (report({ line: index + 1, text: '%%…%%', reason: OBSIDIAN_COMMENT, leftOut: true }), '')));
		}
	}
	return lines.join('\n');
}
