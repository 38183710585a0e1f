import { fencedLines } from './fences.ts';

// `##Configuración`: the hashes of a heading, then its text with no space between them.
const UNSPACED_HEADING = /^(#{1,6})([^#\s])/;
// Its closing hashes (`###Title###`), which kramdown and Python-Markdown drop with no space before them, as
// they keep a hash escaped with a backslash (`C\#`).
const CLOSING_HASHES = /(?<!\\)#+$/;
// A heading CommonMark reads, which a heading of the next line may follow without a blank line.
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// The HTML blocks that go on across blank lines (CommonMark's kinds 1 and 2), whose text is the HTML's.
const HTML_OPENING = /^ {0,3}<(?:(pre|script|style|textarea)(?:[\s>]|$)|!--)/i;

/** A line that starts a heading without a space after its hashes, by its line (1 = the body's first). */
export interface UnspacedHeading {
	line: number;
	/** The line as written, without a Windows line end's carriage return. */
	text: string;
	/** The heading as CommonMark reads the one Python-Markdown and kramdown read: `### Title` for `###Title###`. */
	heading: string;
}

/**
 * The lines that open a block with a heading's hashes and no space after them (`##Configuración`), which
 * Python-Markdown (Pelican's) and kramdown (Jekyll's, nanoc's, Middleman's) read as headings and CommonMark
 * as text; with `fix`, each gets its space and loses its closing hashes, each line on its line. Code, and HTML that runs over blank lines (`<pre>`), is left alone.
 */
export function unspacedHeadings(body: string, fix: boolean): { body: string; found: UnspacedHeading[] } {
	if (!/^#{1,6}[^#\s]/m.test(body)) return { body, found: [] };
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const found: UnspacedHeading[] = [];
	let html: string | undefined;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (html !== undefined) {
			if (line.toLowerCase().includes(html)) html = undefined;
			continue;
		}
		if (fenced[index]) continue;
		const opening = HTML_OPENING.exec(line);
		if (opening && !line.toLowerCase().includes(opening[1] ? `</${opening[1].toLowerCase()}>` : '-->', opening[0].length)) {
			html = opening[1] ? `</${opening[1].toLowerCase()}>` : '-->';
			continue;
		}
		const match = UNSPACED_HEADING.exec(line);
		if (!match) continue;
		// At the start of a block: after a blank line, a heading or a fence's end, where no paragraph goes on.
		const previous = index === 0 ? '' : (lines[index - 1] as string);
		if (previous.trim() !== '' && !HEADING.test(previous) && found.at(-1)?.line !== index && !fenced[index - 1]) continue;
		const text = line.endsWith('\r') ? line.slice(0, -1) : line;
		const heading = `${match[1]} ${text.slice((match[1] as string).length).trimEnd().replace(CLOSING_HASHES, '').trimEnd()}`;
		found.push({ line: index + 1, text, heading });
		if (fix) lines[index] = `${heading}${line.slice(text.length)}`;
	}
	return { body: fix ? lines.join('\n') : body, found };
}
