import { verbatimLines } from './fences.ts';

// A reference definition with its title on its line: what leads to the title, its quote, the title, what ends the line.
const TITLED_DEFINITION = /^( {0,3}\[([^\]\n]+)\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)[ \t]+)(["'])(.*)\3([ \t]*\r?)$/;

/**
 * A kramdown post's (Jekyll's, nanoc's, Middleman's) reference definitions whose title holds the quote that marks its ends
 * (`[4]: #note "' . str_replace( array("\r\n"), "", $x) . '"`), as kramdown reads them: each on its line, the
 * title from its first quote to the last. Markdown ends such a title at its second quote and reads no
 * definition there, so that the line and the definitions under it are shown as a paragraph, and their links as
 * text. The title is written with its quotes and backslashes escaped, which Markdown shows as kramdown does;
 * each definition so written is returned with its line (1 = the body's first). Code is left alone.
 */
export function kramdownDefinitionTitles(body: string): { body: string; rewritten: { line: number; label: string }[] } {
	const rewritten: { line: number; label: string }[] = [];
	if (!body.includes(']:')) return { body, rewritten };
	const lines = body.split('\n');
	const code = verbatimLines(lines, /\]:/, { html: false });
	for (const [index, line] of lines.entries()) {
		const definition = line.includes(']:') && !code.has(index) ? TITLED_DEFINITION.exec(line) : null;
		if (!definition) continue;
		const [, lead = '', label = '', quote = '', title = '', end = ''] = definition;
		if (!holdsUnescaped(title, quote)) continue;
		lines[index] = `${lead}"${title.replace(/[\\"]/g, '\\$&')}"${end}`;
		rewritten.push({ line: index + 1, label });
	}
	return { body: lines.join('\n'), rewritten };
}

/** Whether `title` holds `quote` with no backslash escaping it, which ends a title Markdown reads. */
function holdsUnescaped(title: string, quote: string): boolean {
	for (let at = 0; at < title.length; at++) {
		if (title[at] === '\\') at++;
		else if (title[at] === quote) return true;
	}
	return false;
}
