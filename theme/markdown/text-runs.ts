import { isEscaped, rewrittenParagraphs, skippedSpans } from './html-openers.ts';
import { fencedLines } from './fences.ts';
import { markLinkDestinations } from './smart-dashes.ts';

// A paragraph with more quotes, character references and runs of `--` or `..` than this has its text broken
// into pieces of about BREAK_EVERY of them. Sätteri keeps each piece of a text it replaces (a quote made curly,
// `&amp;` read as `&`) as a new copy of the text so far, so that a paragraph of `a "b" ` repeated took its
// quotes times its length in time and memory (100 KB: 33 s, in a list item, a heading or a quote too; in a
// table cell of 50 KB, a string too long for JavaScript, which stopped the build). Its pairing of quotes runs
// over the whole paragraph, across the pieces, and the breaks go only where no quote, emphasis or link can
// change, so the page's HTML is what Sätteri makes of the paragraph as written. What can differ is what a
// plugin of the site's or the theme's sees in the Markdown tree: two texts where there was one, French spacing
// included, which reads each text on its own; past two hundred marks in one paragraph, that is hostile input,
// not prose. An ordinary post has a handful in a paragraph, so the guard never fires on it and its page stays
// byte for byte what it was.
const MAX_MARKS = 200;
const BREAK_EVERY = 64;

/**
 * What ends a piece of text in a Markdown post: an empty HTML comment, which Sätteri keeps as raw HTML between
 * two text nodes and which post-sync.ts takes out of the page (withoutTextBreaks), so that the HTML is what it
 * would have been; with no letter in it, it adds no word to the reading time. In MDX, an empty expression,
 * which renders nothing.
 */
export const TEXT_BREAK = '<!---->';
const MDX_TEXT_BREAK = '{/**/}';

// What the character before the space before a break may be: a line's list marker (`-`, `1.`, `>`) may not, so
// that a break never opens a line, where `<!--` would open an HTML block. A hyphen may, once the line's markers
// (LINE_MARKERS) are behind it: a paragraph of `a <!-- `, its `<` escaped, has no other place for a break.
const BEFORE = /^[\p{L}\p{N}"'’”;,!?]$/u;
// A line's indent and its quote and list markers (`> - `, `1. `).
const LINE_MARKERS = /^[\s>*+\-\d.)]*/;
// What a word after a break may hold: letters, digits, quotes and character references, so that no address
// (`www.a`, `a@b.c`, `http:`), no emphasis, strikethrough or script marker and no shortcode starts or runs
// through it, and the characters around every quote, dash and `*` keep their neighbours.
const WORD = /^[\p{L}\p{N}"'’;,!?&#]$/u;
// A link reference definition or footnote (`[a]: /b "a title"`), whose label and title must stay as written.
const DEFINITION = /^ {0,3}\[[^\]]*\]:/;
// The longest a link's label may be (CommonMark): a break inside `[…]` would change the label.
const MAX_LABEL = 999;

/**
 * `body` with a break (TEXT_BREAK, or an MDX comment when `mdx`) before a word every BREAK_EVERY quotes,
 * character references and runs of `--` and `..`, in a paragraph or table that holds more than MAX_MARKS of
 * them, so that Sätteri reads it in linear time. A break goes only after a space that follows a word, before a
 * word of letters, digits, quotes and character references, outside code, tags, math, shortcodes, link
 * destinations, brackets and definitions. In MDX, a paragraph holding a tag or an expression (`<`, `{`, `}`) or
 * an `import` or `export` is left as written.
 */
export function textRunsBroken(body: string, options: { mdx: boolean }): string {
	if (!holdsManyMarks(body)) return body;
	const mark = options.mdx ? MDX_TEXT_BREAK : TEXT_BREAK;
	const script = options.mdx ? mdxScriptLines(body.split('\n')) : undefined;
	return rewrittenParagraphs(body, (text, line) => {
		if (countMarks(text) <= MAX_MARKS) return text;
		if (script && (script[line] || /[<{}]/.test(text))) return text;
		return breakParagraph(text, mark);
	});
}

/**
 * Whether each of an MDX body's `lines` starts inside JavaScript: an expression that braces left open on an
 * earlier line, or an `import` or `export` whose brackets are still open or that no blank line has ended, where
 * a break would be code. Fenced code is left out; a brace in prose that nothing closes marks the rest, which
 * leaves it as written.
 */
function mdxScriptLines(lines: readonly string[]): boolean[] {
	const fenced = fencedLines(lines);
	let braces = 0;
	let esm: number | undefined;
	return lines.map((line, index) => {
		const inside = braces > 0 || esm !== undefined;
		if (fenced[index]) return inside;
		if (esm === undefined && braces === 0 && /^(?:import|export)\b/.test(line)) esm = 0;
		if (esm !== undefined && line.trim() === '' && esm <= 0 && braces === 0) esm = undefined;
		for (const char of line) {
			if (char === '{') braces++;
			else if (char === '}') braces = Math.max(0, braces - 1);
			else if (esm !== undefined && (char === '[' || char === '(')) esm++;
			else if (esm !== undefined && (char === ']' || char === ')')) esm--;
		}
		return inside || esm !== undefined;
	});
}

/** The page's HTML without the breaks textRunsBroken put in a Markdown post's body. */
export function withoutTextBreaks(html: string): string {
	return html.includes(TEXT_BREAK) ? html.replaceAll(TEXT_BREAK, '') : html;
}

/** Whether `text` holds more marks than a paragraph may before textRunsBroken breaks it: when not, it leaves `text` as it is. */
export function holdsManyMarks(text: string): boolean {
	return countMarks(text) > MAX_MARKS;
}

/** How many quotes, `&` and doubled `-` or `.` `text` holds. */
function countMarks(text: string): number {
	let count = 0;
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (char === '"' || char === "'" || char === '&' || ((char === '-' || char === '.') && text[at - 1] === char)) count++;
	}
	return count;
}

/** `text`, a paragraph, with `mark` at the first place a break may go after each BREAK_EVERY marks. */
function breakParagraph(text: string, mark: string): string {
	const skipped = skippedSpans(text);
	markLinkDestinations(text, skipped);
	const lines = text.split('\n');
	let offset = 0;
	let marks = 0;
	// Where the last `[` and `]` outside skipped spans are, for the brackets a break stays out of.
	let open = -1;
	let close = -1;
	const written = lines.map((line) => {
		const start = offset;
		offset += line.length + 1;
		const definition = DEFINITION.test(line);
		// Where the line's text starts, after its indent and its quote and list markers.
		const lead = (LINE_MARKERS.exec(line) as RegExpExecArray)[0].length;
		const parts: string[] = [];
		let from = 0;
		for (let at = 0; at < line.length; at++) {
			const char = line[at] as string;
			const index = start + at;
			if (!skipped[index]) {
				if (char === '[' && !isEscaped(line, at)) open = index;
				else if (char === ']' && !isEscaped(line, at)) close = index;
			}
			if (char === '"' || char === "'" || char === '&' || ((char === '-' || char === '.') && line[at - 1] === char)) marks++;
			if (marks < BREAK_EVERY || definition || skipped[index] || (open > close && index - open <= MAX_LABEL)) continue;
			if (line[at - 1] !== ' ' || !startsWord(line, at)) continue;
			// A hyphen may come before the space once the line's markers are behind it: `a -- b`, `a <!-- b`.
			if (!BEFORE.test(line[at - 2] ?? '') && !(line[at - 2] === '-' && at - 2 >= lead)) continue;
			parts.push(line.slice(from, at), mark);
			from = at;
			marks = 0;
		}
		return from === 0 ? line : parts.join('') + line.slice(from);
	});
	return written.join('\n');
}

/** Whether the word at `at` in `line` starts with a letter or `&` and holds only WORD's characters. */
function startsWord(line: string, at: number): boolean {
	const first = line[at] as string;
	if (first !== '&' && !/^\p{L}$/u.test(first)) return false;
	for (let end = at; end < line.length && line[end] !== ' ' && line[end] !== '\t'; end++) if (!WORD.test(line[end] as string)) return false;
	return true;
}
