import { rewrittenParagraphs, skippedSpans } from './html-openers.ts';

// A paragraph with more runs of `--` and `...` than this has them written as the dashes and ellipses smart
// punctuation makes of them. Sätteri keeps each piece of a paragraph's text it replaces as a new copy of the
// text so far, so that a paragraph or table cell of `a -- ` repeated took its runs times its length in time
// and memory (100 KB: 23 s, and in a table cell a string too long for JavaScript, which stopped the build).
// An ordinary post has a handful of them in a paragraph, so the guard never fires on it and its page stays
// byte for byte what it was; one that fires gives the same text, written in fewer pieces.
export const MAX_RUNS = 200;

/** Which of its replacements the site's smart punctuation makes (Sätteri's `smartPunctuation` feature). */
export interface SmartPunctuation {
	dashes: boolean;
	ellipses: boolean;
}

// Characters of a word whose dashes are left to the processor: an address (`www.a--b.com`, `a--b@c.d`, a
// link's destination or title), code, a tag, an entity or a table's pipe may keep its `--` as written.
const UNSAFE = new Set('/:@<>()[]{}\\`$&=|~#%+^');
// A line that is a rule, a heading's underline or a table's delimiter row, whose hyphens are Markdown's, in a
// quote or a list item too: only markers, pipes, colons and hyphens.
const MARKUP_LINE = /^[\s>|:*+.)\d-]*$/;
// A link reference definition (`[a]: /b "a -- title"`), whose title is never smartened.
const DEFINITION = /^ {0,3}\[[^\]]*\]:/;
// What may open a line before a definition's label: an indent, quote markers, list items' markers.
const DEFINITION_LEAD = /^[ \t>*+\d.)-]{0,40}\[/;
// The longest link label CommonMark reads.
const MAX_LABEL = 999;

/**
 * `body` with each run of hyphens written as the en and em dashes smart punctuation makes of it (`--` as `–`,
 * `---` as `—`) and each `...` as `…`, in a paragraph or table that holds more than MAX_RUNS of them, so that
 * Sätteri reads it in linear time and shows the same text. Code (fenced, indented, in spans), HTML blocks and
 * tags, math, shortcodes' arguments, addresses, link destinations and titles, escaped hyphens and a word holding
 * any of them are left as written, and so are the labels of link references and footnotes `body` defines
 * (`[a -- b]`, with `[a -- b]: /x`), which are matched with their definitions as written, up to MAX_RUNS runs
 * in a paragraph: each label past them is written too, shown as text, and given to `unlinked` with its line
 * (counted from 1).
 */
export function smartPunctuationWritten(body: string, punctuation: SmartPunctuation, unlinked?: (line: number, label: string) => void): string {
	if (!punctuation.dashes && !punctuation.ellipses) return body;
	if (countRuns(body, punctuation) <= MAX_RUNS) return body;
	const labels = definedLabels(body);
	return rewrittenParagraphs(body, (text, firstLine) => {
		if (countRuns(text, punctuation) <= MAX_RUNS) return text;
		return writeParagraph(text, punctuation, labels, (at, label) => unlinked?.(firstLine + 1 + lineBreaks(text, at), label));
	});
}

/**
 * The labels, as labelKey() gives them, of the link references and footnotes `body` defines (`[a -- b]: /x`,
 * `[^n]: A note.`), in a quote or a list item too, code and HTML blocks left out.
 */
function definedLabels(body: string): Set<string> {
	const labels = new Set<string>();
	rewrittenParagraphs(body, (text) => {
		for (const line of text.split('\n')) {
			const lead = DEFINITION_LEAD.exec(line);
			if (!lead) continue;
			const label = labelAt(line, lead[0].length - 1);
			if (label.text !== undefined && line[label.end + 1] === ':') labels.add(labelKey(label.text));
		}
		return text;
	});
	labels.delete('');
	return labels;
}

/**
 * The text of the brackets that open at `open` in `text` and close within MAX_LABEL characters with no bracket
 * between but an escaped one, with the index of the closing bracket (`end`); else where the search stopped,
 * at a bracket that opens or past the longest label, so that a search for the next label resumes there.
 */
function labelAt(text: string, open: number): { text: string; end: number } | { text?: undefined; end: number } {
	let end = open + 1;
	for (; end < text.length && end - open <= MAX_LABEL + 1; end++) {
		const char = text[end];
		if (char === '\\') end++;
		else if (char === '[' || char === ']') break;
	}
	return text[end] === ']' ? { text: text.slice(open + 1, end), end } : { end };
}

/** A link label as CommonMark matches it with its definition's: case-folded, its whitespace collapsed. */
function labelKey(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** How many runs of two hyphens or more, or of three dots or more, `text` holds. */
function countRuns(text: string, punctuation: SmartPunctuation): number {
	let count = 0;
	for (const [mark, least, on] of [
		['-', 2, punctuation.dashes],
		['.', 3, punctuation.ellipses],
	] as const) {
		if (!on) continue;
		for (let at = text.indexOf(mark); at !== -1; ) {
			let end = at;
			while (text[end] === mark) end++;
			if (end - at >= least) count++;
			at = text.indexOf(mark, end);
		}
	}
	return count;
}

/** `text`, a paragraph, with its runs written as smart punctuation shows them, where it is prose. */
function writeParagraph(text: string, punctuation: SmartPunctuation, labels: ReadonlySet<string>, unlinked: (at: number, label: string) => void): string {
	const skipped = skippedSpans(text);
	markLinkDestinations(text, skipped);
	markDefinedLabels(text, punctuation, skipped, labels, unlinked);
	const lines = text.split('\n');
	let offset = 0;
	const written = lines.map((line) => {
		const start = offset;
		offset += line.length + 1;
		if (MARKUP_LINE.test(line) || DEFINITION.test(line)) return line;
		// Word by word: a word holding anything but prose keeps its runs.
		return line.replace(/\S+/g, (word, at: number) => (isProse(word) ? writeWord(word, start + at, skipped, punctuation) : word));
	});
	return written.join('\n');
}

/** Whether `word` holds none of the characters of an address, code or markup, nor starts a `www.` address. */
function isProse(word: string): boolean {
	for (const char of word) if (UNSAFE.has(char)) return false;
	return !word.toLowerCase().includes('www.');
}

/** `word`, at `from` in its paragraph, with its runs that are not in `skipped` spans written as smart punctuation. */
function writeWord(word: string, from: number, skipped: readonly boolean[], punctuation: SmartPunctuation): string {
	let result = '';
	for (let at = 0; at < word.length; ) {
		const mark = word[at] as string;
		let end = at;
		while (word[end] === mark) end++;
		const run = end - at;
		const inProse = !skipped[from + at] && !skipped[from + end - 1];
		if (mark === '-' && punctuation.dashes && run >= 2 && inProse) result += dashes(run);
		else if (mark === '.' && punctuation.ellipses && run >= 3 && inProse) result += '…'.repeat(Math.floor(run / 3)) + '.'.repeat(run % 3);
		else result += word.slice(at, end);
		at = end;
	}
	return result;
}

/**
 * The dashes smart punctuation makes of `count` hyphens, as CommonMark's reference implementation (cmark) and
 * Sätteri split a run: em dashes when three divide it, else en dashes when two do, else em dashes with one en
 * dash (a remainder of 2) or two (a remainder of 1) at the end.
 */
function dashes(count: number): string {
	if (count % 3 === 0) return '—'.repeat(count / 3);
	if (count % 2 === 0) return '–'.repeat(count / 2);
	return count % 3 === 2 ? `${'—'.repeat((count - 2) / 3)}–` : `${'—'.repeat((count - 4) / 3)}––`;
}

/**
 * Marks in `skipped` each link's destination and title (`](…)`), quoted parts followed; one that never ends
 * takes the rest of the paragraph, so that each character is read once.
 */
export function markLinkDestinations(text: string, skipped: boolean[]): void {
	for (let at = text.indexOf(']('); at !== -1; ) {
		let quote: string | undefined;
		let end = at + 2;
		for (; end < text.length; end++) {
			const char = text[end];
			if (quote !== undefined) {
				if (char === quote) quote = undefined;
			} else if (char === '"' || char === "'") quote = char;
			else if (char === ')') break;
		}
		skipped.fill(true, at, end + 1);
		at = text.indexOf('](', end + 1);
	}
}

/**
 * Marks in `skipped` each bracketed run of `text` whose text is one of the defined `labels` (a shortcut,
 * collapsed or full reference, an image's, a footnote's): its definition is matched on the text as written, so
 * a dash written in it would leave the link unmatched, shown as text. Rewriting others is what Sätteri shows:
 * they are text, or a link's text that no label is read from. Sätteri's time grows with the square of the runs
 * left in link labels as it does in text, so no more than MAX_RUNS are left; the first label past them is
 * given to `unlinked` with its offset.
 */
function markDefinedLabels(text: string, punctuation: SmartPunctuation, skipped: boolean[], labels: ReadonlySet<string>, unlinked: (at: number, label: string) => void): void {
	if (labels.size === 0) return;
	let left = MAX_RUNS;
	for (let at = text.indexOf('['); at !== -1; ) {
		let backslashes = 0;
		while (text[at - 1 - backslashes] === '\\') backslashes++;
		if (skipped[at] || backslashes % 2 === 1) {
			at = text.indexOf('[', at + 1);
			continue;
		}
		const label = labelAt(text, at);
		const runs = label.text === undefined || !labels.has(labelKey(label.text)) ? 0 : countRuns(label.text, punctuation);
		if (runs > 0 && runs <= left) {
			skipped.fill(true, at, label.end + 1);
			left -= runs;
		} else if (runs > 0) {
			// Once, for the first label past them: the paragraph's others are written too.
			if (left >= 0) unlinked(at, label.text as string);
			left = -1;
		}
		at = text.indexOf('[', label.text === undefined ? label.end : label.end + 1);
	}
}

/** How many line breaks `text` holds before `end`. */
function lineBreaks(text: string, end: number): number {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
	return count;
}
