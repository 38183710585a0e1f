import { carrySpans, codeSpanMasks, fenceAfter, forEachParagraph, maskCodeSpans, outsideCarriedCodeSpans, outsideCodeSpans, verbatimLines } from './fences.ts';
import { groupEnd, readsAsTex } from './math.ts';

// A formula's own lines: `\[` and `\]` (`\\[` and `\\]` as posts for MathJax escape them).
const OPENING_LINE = /^\\{1,2}\[$/;
const CLOSING_LINE = /^\\{1,2}\]$/;
// The display environments of LaTeX and amsmath that KaTeX reads, with or without their numbers.
const ENVIRONMENT = /^\\begin\{((?:equation|align|alignat|gather|multline|eqnarray|flalign)\*?)\}/;
// A delimiter doubled for Markdown (`\\(`, `\\[`), and a row break so (`\\\\`, which by hand is an empty row): what
// tells an environment whose Markdown escapes (ox-hugo's `\_`) are to be read from one written for KaTeX.
const DOUBLED_DELIMITER = /\\\\[([]/;
const DOUBLED_ROW_BREAK = /(?:^|[^\\])\\{4}(?!\\)/;
// What tells a formula from prose in parentheses: a command, a superscript or subscript, braces, an equation.
const MATH_CONTENT = /\\[a-zA-Z]+|[\^_={}]/;
// Between doubled delimiters (ox-hugo's `\\( 50\% \\)`, `\\(3\,000\\)`), TeX's spacing and the escaped symbols
// KaTeX reads too, or ox-hugo's `\\%`. Markdown's own escapes are not among them: `\\(\\.\\)` in a regular expression is prose.
const CONTROL_SYMBOL = /\\[%,;:!{}$#&_]/;
// Words or a number in parentheses (`\(see above\)`, `\(foo\)` in a regular expression, `\(2019\)`), which are
// prose even in a post that writes formulas so: KaTeX would read them, the words as products of letters.
const PROSE = /^\s*(?:\p{N}{2,}|\p{L}{2,}(?:\s+\p{L}{2,})*)[\s.,;:!?]*$/u;
// One word or number, which between doubled delimiters, written only for MathJax, in a post that writes math so,
// is a formula (`\\(Spec\\)`, `\\(10\\)`), as MathJax showed it.
const ONE_WORD = /^\s*[\p{L}\p{N}]+\s*$/u;

/**
 * LaTeX's math delimiters, which Hugo's math passthrough, Pandoc, MathJax and Blowfish's and Chirpy's posts
 * use, as the `$…$` and `$$…$$` Carnet's math reads, each line on its line:
 * - `\(…\)` within a line, when what is inside looks like a formula (a command, `^`, `_`, braces or `=`)
 *   and the `\(` does not follow a letter or a digit: `Mercury_\(planet\)` in an address, `\(like this\)`
 *   in prose, are Markdown's escaped parentheses, and stay. In a post with one such formula, every other
 *   `\(…\)` within a line that KaTeX reads is a formula too (`\(v(s)\)`, `\(G\)`): the post writes math so;
 * - `\[…\]` within a line when it holds a command (a bare `\[` is how Markdown writes a bracket), and `\\[…\\]`,
 *   written only for MathJax, when it holds what `\(…\)` needs;
 * - a `\[` line and a `\]` line around a formula, both alone on their lines;
 * - a `\begin{equation}` (or `align`, `gather`…) environment on lines of its own, between blank lines.
 * `\\(` and `\\[`, as posts for MathJax escape them, are read as `\(` and `\[`, and the Markdown escapes
 * inside them (ox-hugo's `\_`) as Markdown reads them, as are those of the environments of a post that doubles
 * them, or whose rows end with `\\\\`. Written only for MathJax, they hold a formula of one word in a post that
 * writes math so (`\\(Spec\\)`), one over the lines of a paragraph (wrappedFormulaEnd()), and a display formula
 * ending with `\\`, which Markdown leaves a `\`, TeX's control space. Inside a `$…$` formula, `\(` and `\)` are
 * parentheses, and a `$` formula over lines that opens an environment is left as written. `\label{…}`, which only
 * LaTeX numbers, is left out of formulas. Code, HTML blocks and highlight blocks are left alone.
 * `report` is told the line (1 = the first) of each `$$` block with text after its closing `$$`, or of one
 * line with text right after it, that is written on one line without its `%` comments, or that could not be
 * closed there and takes the rest of the post (see closeBeforeText() and openDisplayMath()). A formula on a
 * line of its own within a paragraph is displayed, as MathJax showed it (math.ts: displayMathParagraph()).
 */
export function readLatexDelimiters(body: string, report?: (block: MisreadBlock) => void): string {
	return readLatex(mathFences(closeDisplayMath(readEscapedFormulas(body), report)));
}

// kramdown's inline formula, `\$$…$$`, its `\` not itself escaped (`\\$$x$$` is a backslash, then a formula).
const ESCAPED_FORMULA = /(?<=(?:^|[^\\])(?:\\\\)*)\\\$\$(?!\$)([^$]+)\$\$(?!\$)/g;

/**
 * `\$$…$$` as the `$…$` formula kramdown reads it as: its `\` keeps a line from opening a display block, as Chirpy's
 * guide writes an inline formula in a list item (`1. \$$ x^2 $$`), where Markdown would read an escaped dollar and
 * pair the dollars after it otherwise, showing TeX as text. Read in every post: outside kramdown, Markdown leaves
 * `$$…$$`, which MathJax shows as a formula too (displayed), and no other reader makes text of it that an author
 * would write so. A `\$` alone is a dollar.
 */
function readEscapedFormulas(body: string): string {
	if (!body.includes('\\$$')) return body;
	return outsideFormulas(body, /\\\$\$/, (text) => text.replace(ESCAPED_FORMULA, (written, tex: string) => (tex.trim() === '' ? written : `$${tex.trim()}$`)), true);
}

/**
 * A `$$` block that cannot be shown as written: `unclosed`, running to the end of the post (or of its quote);
 * or one shown `display`, written on one line without its TeX `comments`, which would hide the rest of the line.
 */
export interface MisreadBlock {
	/** The line of its opening `$$`, 1 = the body's first. */
	line: number;
	shown: 'display' | 'unclosed';
	/** Its TeX on its opening line (`$$ a = b`) and `$$` alone on the next, with text right after (openDisplayMath()). */
	opening?: true;
	/** The `%` comments left out of the formula written on one line, as written. */
	comments?: string[];
}

/**
 * The lines (0 = the first) of display math, as the Markdown processor reads a `$$` block: from a line that
 * opens with `$$` and no other `$` (`$$` alone, or the formula's first line) to the line that closes it (`$$`
 * alone, or ending the formula's line, which closeDisplayMath() parts), in a quote or a list item too (`- $$`,
 * `1. $$`, `> - $$`, whose block a line less indented than the item's content ends), outside code and HTML
 * blocks; a fence line in it is the formula's. What prose passes (sub- and superscripts, heading and image
 * attributes) must leave as written. A line that opens with `$$` among other text (`$$E=mc^2$$ is famous.`) is prose.
 */
export function displayMathLines(lines: readonly string[]): Set<number> {
	const math = new Set<number>();
	const blocks = lines.some((line) => line.includes('$$') && opensFormula(quoteOf(line).text) !== undefined);
	const environments = lines.some((line) => line.includes('$\\begin{'));
	if (!blocks && !environments) return math;
	const verbatim = verbatimLines(lines, /^[\s>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?\$(?:\$|\\begin\{)/, { math: true });
	if (environments) for (const index of environmentFormulaLines(lines, verbatim)) math.add(index);
	if (!blocks) return math;
	// How many quotes deep the open block is: a line with fewer ends the quote, and the block with it; and the
	// column of its list item's content, which a line less indented ends.
	let open: number | undefined;
	let column = 0;
	for (const [index, line] of lines.entries()) {
		if (verbatim.has(index)) continue;
		const { level, text } = open === undefined ? quoteOf(line) : quoteWithin(line, open);
		if (open !== undefined && level >= open && (text.trim() === '' || text.length - text.trimStart().length >= column)) {
			math.add(index);
			if (text.trim().endsWith('$$')) open = undefined;
		} else {
			const item = opensFormula(text);
			open = item === undefined ? undefined : level;
			if (item !== undefined) {
				math.add(index);
				column = item;
			}
		}
	}
	return math;
}

// A list item's marker and the spaces after it, up to its content (`- `, `1. `).
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/;

/** The column of the content of the list item whose `$$` block `text` opens (`- $$`), 0 out of a list; undefined for a line that opens none. */
function opensFormula(text: string): number | undefined {
	const item = LIST_ITEM.exec(text)?.[0].length ?? 0;
	return OPENS_FORMULA.test(text.slice(item)) ? item : undefined;
}

// An inline formula, as the Markdown processor pairs its dollars, as it pairs a code span's backticks: `$…$`, `$$…$$`,
// opened by a dollar Markdown does not escape (`\$5` is a price).
const INLINE_FORMULA = /(?<=(?:^|[^\\])(?:\\\\)*)(?:\$\$[^$]+\$\$|\$[^$]+\$)/g;

/**
 * For each of `lines`, the part of it that an inline formula running over a line break holds (`$a^2 +` on one
 * line, `b^2$` on the next), as paragraphCodeSpans() gives a code span's `head` and `tail`: the processor pairs
 * the dollars of a paragraph read whole, none past its end. `isCode` tells the lines of code and display math;
 * a code span's `$` opens no formula.
 */
export function paragraphFormulas(lines: readonly string[], isCode: (index: number) => boolean): { head: number; tail: number }[] {
	const result = lines.map((line) => ({ head: 0, tail: line.length }));
	if (!lines.some((line) => line.includes('$'))) return result;
	const masks = codeSpanMasks(lines, isCode);
	forEachParagraph(lines, isCode, (first, end) => {
		if (end - first < 2) return;
		const text = masks.slice(first, end).join('\n');
		if (!text.includes('$')) return;
		carrySpans(lines, first, end, Array.from(text.matchAll(INLINE_FORMULA), (found) => [found.index, found.index + found[0].length] as [number, number]), result);
	});
	return result;
}

// An HTML comment within a line, whose `$…$` the processor reads as no formula.
const HTML_COMMENT = /<!--[^]*?-->/g;

/**
 * The lines (0 = the first) of `body`, a post's as the loader prepared it, where a formula's TeX is one `test`
 * accepts: the lines of display math and the inline formulas of the prose, one over lines on each of them; not
 * code, HTML blocks or comments, which may hold the same TeX (a MathJax configuration's macros in a `<script>`).
 * Where a warning about a formula points.
 */
export function formulaLinesWhere(body: string, test: (tex: string) => boolean): number[] {
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /\$/, { math: true });
	const display = displayMathLines(lines);
	const carried = paragraphFormulas(lines, (index) => verbatim.has(index) || display.has(index));
	return lines.flatMap((line, index) => {
		if (display.has(index)) return test(line) ? [index] : [];
		if (verbatim.has(index)) return [];
		const masked = maskCodeSpans(line).replace(HTML_COMMENT, (comment) => ' '.repeat(comment.length));
		const { head, tail } = carried[index] ?? { head: 0, tail: line.length };
		const formulas = [masked.slice(0, head), masked.slice(tail), ...formulaRanges(masked.slice(head, tail)).map(([start, end]) => masked.slice(head + start, head + end))];
		return formulas.some((tex) => tex !== '' && test(tex)) ? [index] : [];
	});
}

/** The start and end of each inline formula within `text` (a line, or part of one), in order. */
export function formulaRanges(text: string): [number, number][] {
	return text.includes('$') ? Array.from(text.matchAll(INLINE_FORMULA), (found) => [found.index, found.index + found[0].length]) : [];
}

/**
 * `body` with `change` applied to each line's text outside code, code spans and, when `math` is read, display
 * math (displayMathLines()) and the inline formulas that run over a line break (paragraphFormulas()), each
 * line on its line: what a prose pass may change. Formulas within a line are `change`'s to leave alone; a line
 * without what `hint` matches is left as it is. `spans` is applied first to what is left of a line, its code
 * spans included (a pass that reads what follows a span).
 */
export function outsideFormulas(body: string, hint: RegExp, change: (text: string) => string, math: boolean, spans?: (text: string) => string): string {
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, hint, { math });
	if (math) for (const index of displayMathLines(lines)) verbatim.add(index);
	const carried = math ? paragraphFormulas(lines, (index) => verbatim.has(index)) : [];
	return lines.map((line, index) => (verbatim.has(index) || !hint.test(line) ? line : outsideCarriedCodeSpans(line, carried[index], change, spans))).join('\n');
}

// A `$` formula opened by a display environment on a line of its own (a list item's first too),
// `$\begin{equation}`, that a later line closes, `\end{equation}$`: one formula over its lines to the processor,
// shown displayed (math.ts).
const DOLLAR_ENVIRONMENT = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?\$\\begin\{((?:equation|align|alignat|gather|multline)\*?)\}[^$]*$/;

/**
 * The lines (0 = the first) of each `$` formula over lines that opens with a display environment
 * (`$\begin{equation}`, its lines, `\end{equation}$`), in a quote too, before a blank line or the quote's end;
 * `skip` holds the lines of code.
 */
function environmentFormulaLines(lines: readonly string[], skip: ReadonlySet<number>): number[] {
	const found: number[] = [];
	for (let index = 0; index < lines.length; index++) {
		const { level, text } = quoteOf(lines[index] as string);
		const environment = skip.has(index) ? undefined : DOLLAR_ENVIRONMENT.exec(text)?.[1];
		if (environment === undefined) continue;
		let closed = false;
		let end = index + 1;
		for (; end < lines.length && !skip.has(end) && !closed; end++) {
			const within = quoteWithin(lines[end] as string, level);
			if (within.level !== level || within.text.trim() === '') break;
			closed = within.text.trimEnd().endsWith(`\\end{${environment}}$`);
		}
		if (closed) for (let at = index; at < end; at++) found.push(at);
		// A line before `end` is no formula's either: each line is read once.
		index = end - 1;
	}
	return found;
}

/**
 * A `$$` block whose closing `$$` ends the formula's last line (`(\forall a)(P(a))$$`, as MathJax and kramdown
 * read it) closed on a line of its own, the blank line after it, each line on its line: the Markdown
 * processor closes a block only there, and would take the rest of the post into the formula. One with more of
 * the post right after it is closed by closeBeforeText(). In a quote, the quote's `>` line after it takes the `$$`, and the
 * quote's last line only loses it, as the quote's end closes the block.
 */
function closeDisplayMath(body: string, report?: (block: MisreadBlock) => void): string {
	if (!body.includes('$$')) return body;
	const lines = body.split('\n');
	if (!lines.some((line) => quoteOf(line).text.trim() === '$$' || OPENS_FORMULA.test(quoteOf(line).text))) return body;
	// Code at any indent and HTML blocks show their `$$` as written.
	const code = verbatimLines(lines, /^[\s>]*\$\$/);
	openDisplayMath(lines, code, report);
	closeBeforeText(lines, code, report);
	let open: number | undefined;
	// The `$$` line a formula was closed with, which opens no other.
	let closing: number | undefined;
	for (const [index, line] of lines.entries()) {
		if (code.has(index) || index === closing) continue;
		// Within a formula only the quote's own markers are markers: a `>` after them is TeX (`> 0$$`).
		const { marks, level, text } = open === undefined ? quoteOf(line) : quoteWithin(line, open);
		const trimmed = text.trim();
		if (open === undefined) {
			open = trimmed === '$$' ? level : undefined;
			continue;
		}
		// A quote's end closes the block as a blank line does.
		if (trimmed === '$$' || trimmed === '' || level !== open) open = undefined;
		else if (/[^\\$]\$\$$/.test(trimmed) && blankAfter(lines, index, level)) {
			lines[index] = line.replace(/\$\$(\s*)$/, '$1');
			const indent = /^\s*/.exec(text)?.[0] ?? '';
			if (level > 0 && quoteWithin(lines[index + 1] ?? '', level).level !== level) {
				// The quote ends here, and its formula with it.
			} else if (index + 1 < lines.length) lines[index + 1] = `${marks}${indent}$$`;
			else lines.push(`${marks}${indent}$$`);
			closing = index + 1;
			open = undefined;
		}
	}
	return lines.join('\n');
}

/**
 * A `$$` block whose closing `$$` has more of the post right after it, on the next line (`+ c $$`, then
 * `After.`) or on its own (`+ c $$ and more.`), as MathJax and kramdown read it: the formula ends at its `$$`,
 * and the text after it is a paragraph. The Markdown processor closes a block only at `$$` alone on its line,
 * and reads what follows an opening `$$` on its line as no part of the formula: the block is written again
 * with its `$$` on lines of their own, in the lines it took and the blank line before it, each line on its
 * line. Where that leaves a line short, two lines of the formula are joined, as TeX reads a line break as a
 * space; where that is not enough, the formula is written on one line, `$$ … $$` (see writeFoldedFormula()).
 * Where a line of it cannot be joined to the next (a `\` at its end), the block is left as it is. `report` is
 * told of each block shown within a paragraph, written on one line without its comments, or left unclosed.
 */
function closeBeforeText(lines: string[], code: ReadonlySet<number>, report?: (block: MisreadBlock) => void): void {
	for (let index = 0; index < lines.length; index++) {
		if (code.has(index)) continue;
		const { marks, level, text } = quoteOf(lines[index] as string);
		if (text.trim() !== '$$' && !OPENS_FORMULA.test(text)) continue;
		let close = index + 1;
		let at = -1;
		for (; close < lines.length && !code.has(close); close++) {
			const within = quoteWithin(lines[close] as string, level);
			if (within.level !== level || within.text.trim() === '' || within.text.trim() === '$$') break;
			at = closingDollars(within.text);
			if (at !== -1) break;
		}
		if (at === -1) {
			index = close;
			continue;
		}
		const closing = quoteWithin(lines[close] as string, level).text.replace(/\r$/, '');
		const after = closing.slice(at + 2).trim();
		const next = lines[close + 1];
		const textNext = next !== undefined && !code.has(close + 1) && quoteWithin(next, level).level === level && quoteWithin(next, level).text.trim() !== '';
		if (after === '' && !textNext) {
			index = close;
			continue;
		}
		const { shown, comments } = writeClosedBlock(lines, code, index, close, { marks, level, text, closing: closing.slice(0, at), after });
		if (shown !== 'display' || comments.length > 0) report?.({ line: index + 1, shown, ...(comments.length > 0 ? { comments } : {}) });
		index = close;
	}
}

/** Where the `$$` that closes a formula on `text` starts (not `\$$`, `$$$` or in a code span), or -1. */
function closingDollars(text: string): number {
	const masked = maskCodeSpans(text);
	for (let at = masked.indexOf('$$'); at !== -1; at = masked.indexOf('$$', at + 1)) {
		if (masked[at - 1] !== '\\' && masked[at - 1] !== '$' && masked[at + 2] !== '$') return at;
	}
	return -1;
}

/**
 * The formula from the line `open` to the line `close` written as a block, `$$` on lines of their own, and
 * `after` (the text after its closing `$$`) on the line after, in the lines it took and the blank line before;
 * where they are too few, written on one line (writeFoldedFormula()). How the formula is then shown, and the
 * comments left out of it.
 */
function writeClosedBlock(lines: string[], code: ReadonlySet<number>, open: number, close: number, block: { marks: string; level: number; text: string; closing: string; after: string }): { shown: MisreadBlock['shown']; comments: string[] } {
	const { marks, level, text, closing, after } = block;
	const eol = (lines[close] as string).endsWith('\r') ? '\r' : '';
	const indent = /^\s*/.exec(text)?.[0] ?? '';
	const opening = text.replace(/\r$/, '').replace('$$', '');
	const middle = lines.slice(open + 1, close).map((line) => quoteWithin(line, level).text.replace(/\r$/, ''));
	const formula = [...(opening.trim() === '' ? [] : [opening]), ...middle, ...(closing.trim() === '' ? [] : [closing.trimEnd()])];
	const first = open > 0 && !code.has(open - 1) && opensAfter(lines, open, level) ? open - 1 : open;
	const fence = `${indent}$$`;
	const joined = [...formula];
	// Each line on its line: the block takes the lines it had, no more.
	const { written, shown, comments } = joinFormulaLines(joined, close - first + 1 - (after === '' ? 2 : 3))
		? { written: [fence, ...joined, fence, ...(after === '' ? [] : [`${indent}${after}`])], shown: 'display' as const, comments: [] }
		: (writeFoldedFormula(formula, close - first + 1, { indent, after, textBefore: first > 0 && paragraphLine(quoteWithin(lines[first - 1] as string, level).text) }) ?? { written: [], shown: 'unclosed' as const, comments: [] });
	if (written.length !== close - first + 1) return { shown: 'unclosed', comments: [] };
	lines.splice(first, written.length, ...written.map((line) => `${marks}${line}${eol}`));
	return { shown, comments };
}

/**
 * `formula` on one line, `$$ … $$`, in `room` lines with `after` on the last: the Markdown processor reads it as
 * math within a paragraph, shown as display math on a line of its own (math.ts: displayMathParagraph()).
 * The lines left are blank, first between the formula and the text after it, then, after `textBefore`, before
 * it. Its `%` comments,
 * which would hide the rest of the line and the closing `$$`, are left out, and given back: TeX shows none of
 * them, and a formula left open would take the rest of the post. Undefined where a line of the formula ends
 * with `\`, whose line break is a command.
 */
function writeFoldedFormula(formula: readonly string[], room: number, block: { indent: string; after: string; textBefore: boolean }): { written: string[]; shown: 'display'; comments: string[] } | undefined {
	const { indent, after, textBefore } = block;
	if (formula.length === 0 || formula.slice(0, -1).some((line) => !commentOf(line) && ENDS_WITH_BREAK.test(line))) return undefined;
	const comments = formula.flatMap((line) => commentOf(line)?.comment.trimEnd() ?? []);
	let blank = room - 1 - (after === '' ? 0 : 1);
	if (blank < 0) return undefined;
	const before = textBefore && blank >= 2 ? 1 : 0;
	blank -= before;
	const folded = `${indent}$$ ${formula.map((line) => (commentOf(line)?.tex ?? line).trim()).join(' ')} $$`;
	return {
		written: [...Array<string>(before).fill(''), folded, ...Array<string>(blank).fill(''), ...(after === '' ? [] : [`${indent}${after}`])],
		shown: 'display',
		comments,
	};
}

/** Whether a line of text goes on into the line after it: not blank, a heading or a `$$` line, which end where they are. */
function paragraphLine(text: string): boolean {
	const trimmed = text.trim();
	return trimmed !== '' && trimmed !== '$$' && !/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text);
}

// A line of a formula ending with `\`, whose line break is a command: no other line can follow it on its line.
const ENDS_WITH_BREAK = /(?:^|[^\\])(?:\\\\)*\\\s*$/;
// A command whose first argument is an address, in which KaTeX, as TeX with hyperref, reads `%` as itself.
const ADDRESS_COMMAND = /\\(?:url|href)\s*\{/y;

/**
 * A line's `%` comment and the TeX before it: not an escaped `\%`, nor one in the address of a `\url{…}` or an
 * `\href{…}{…}` (`a%20b`); one in `\text{…}` is a comment, as it is in TeX.
 */
function commentOf(line: string): { tex: string; comment: string } | undefined {
	for (let at = 0; at < line.length; at++) {
		if (line[at] === '%') return { tex: line.slice(0, at), comment: line.slice(at) };
		if (line[at] !== '\\') continue;
		ADDRESS_COMMAND.lastIndex = at;
		// At the address's `}`, which the loop then steps past.
		at = ADDRESS_COMMAND.test(line) ? groupEnd(line, ADDRESS_COMMAND.lastIndex) - 1 : at + 1;
	}
	return undefined;
}

/**
 * `formula`'s lines joined two by two, the last first, until they fit in `room` lines: whether they do. A line
 * with a `%` comment is joined to the next with its comment after it (`a = b % note`, `+ c`: `a = b + c % note`),
 * as TeX reads the comment as nothing; one ending with `\`, whose line break is a command, is joined to none.
 */
function joinFormulaLines(formula: string[], room: number): boolean {
	for (let at = formula.length - 2; formula.length > room && at >= 0; at--) {
		const line = formula[at] as string;
		const comment = commentOf(line);
		if (!comment && ENDS_WITH_BREAK.test(line)) continue;
		const next = (formula[at + 1] as string).trimStart();
		formula.splice(at, 2, comment ? `${comment.tex.trimEnd()} ${next.trimEnd()} ${comment.comment}` : `${line.trimEnd()} ${next}`);
	}
	return formula.length <= room && room > 0;
}

// A line that opens with `$$` and the formula's first line (`$$\begin{aligned}`), with no `$$` after.
const OPENS_FORMULA = /^\s*\$\$(?!\$)[^$]*$/;
// The `>` markers of a quoted line (`> `, `> > `), each led by spaces of its own.
const QUOTE_MARKS = /^(?:[ \t]*>)+[ \t]?/;

/** A line's quote markers, how many quotes deep it is, and its text within them. */
function quoteOf(line: string): { marks: string; level: number; text: string } {
	const marks = QUOTE_MARKS.exec(line)?.[0] ?? '';
	return { marks, level: marks.split('>').length - 1, text: line.slice(marks.length) };
}

/**
 * A line of a formula opened `level` quotes deep: its first `level` markers, the quote's, and its text after
 * them, where a `>` is the formula's (`> 0`, outside a quote, is TeX). A line with fewer ends the quote.
 */
function quoteWithin(line: string, level: number): { marks: string; level: number; text: string } {
	const whole = quoteOf(line);
	if (whole.level <= level) return whole;
	let end = 0;
	for (let count = 0; count < level; count++) end = line.indexOf('>', end) + 1;
	if (line[end] === ' ' || line[end] === '\t') end += 1;
	return { marks: line.slice(0, end), level, text: line.slice(end) };
}

/** Whether the line after `index` is blank within its quote (`level` deep), or, in a quote, ends it. */
function blankAfter(lines: readonly string[], index: number, level: number): boolean {
	const next = lines[index + 1];
	if (next === undefined) return true;
	const after = quoteWithin(next, level);
	if (after.level === level) return after.text.trim() === '';
	return level > 0 && after.level < level;
}

/**
 * A `$$` that opens the formula's first line (`$$ a = b`, `$$\begin{aligned}` … `\end{aligned}$$`, as MathJax and
 * kramdown read it) put on a line of its own: the Markdown processor opens a block only at `$$` alone, and reads
 * what follows it on its line as no part of the formula. The blank line before takes the `$$` (in a quote, the
 * blank `>` line before, or, on the quote's first line, the blank line before the quote, where one that parts it
 * from another quote would join the two). Where there is none (the post's first line, right after a paragraph,
 * a list item's first line), a formula closed by `$$` alone takes the TeX on a line of its own (writeOpeningTex()):
 * each line on its line. One whose `$$` ends its last line is moved only when closeDisplayMath() can part that
 * `$$` onto the blank line after it. `report` is told of a formula of one line that cannot be kept apart or whole.
 */
function openDisplayMath(lines: string[], code: ReadonlySet<number>, report?: (block: MisreadBlock) => void): void {
	for (let index = 0; index < lines.length; index++) {
		const { marks, level, text } = quoteOf(lines[index] as string);
		const item = LIST_MARKER.exec(text)?.[0] ?? '';
		const opening = text.slice(item.length).replace(/\r$/, '');
		if (code.has(index) || !OPENS_FORMULA.test(opening) || opening.trim() === '$$') continue;
		const { end: close, closed } = formulaEnd(lines, code, index, level);
		if (!closed) {
			// An opening line before `close` is closed by no line either: each line is read once.
			index = close - 1;
			continue;
		}
		const alone = quoteWithin(lines[close] as string, level).text.trim() === '$$';
		const indent = /^\s*/.exec(opening)?.[0] ?? '';
		if (item === '' && index > 0 && opensAfter(lines, index, level) && (alone || blankAfter(lines, close, level))) {
			lines[index - 1] = `${marks}${indent}$$`;
			lines[index] = `${marks}${text.replace('$$', '')}`;
		} else if (alone) {
			const shown = writeOpeningTex(lines, index, close, { prefix: `${marks}${item}${indent}`, tex: opening.replace('$$', '').trim(), level });
			if (shown) report?.({ line: index + 1, ...shown });
		}
		index = close;
	}
}

// A list item's marker (`- `, `1. `), after which its first line's text starts.
const LIST_MARKER = /^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+/;

/**
 * The line that ends a formula opened at `index`, `closed`: the first that ends with `$$`; or, not `closed`, the
 * line it would need to come before (a blank line, the quote's end, code, the end of the post).
 */
function formulaEnd(lines: readonly string[], code: ReadonlySet<number>, index: number, level: number): { end: number; closed: boolean } {
	let next = index + 1;
	for (; next < lines.length && !code.has(next); next++) {
		const { level: within, text } = quoteWithin(lines[next] as string, level);
		if (within !== level || text.trim() === '') break;
		if (text.trimEnd().endsWith('$$')) return { end: next, closed: true };
	}
	return { end: next, closed: false };
}

/**
 * `tex`, the TeX after a formula's opening `$$` at `open`, written on a line of its own after the `$$` (`prefix`
 * is what the line opens with: quote markers, a list item's marker, the indent). Where the line after the closing
 * `$$` at `close` is blank, it takes that `$$`, and the formula's lines move down to it, each as written.
 * Otherwise the TeX is joined to the formula's next line (joinFormulaLines(); a `\` ending it is TeX's control
 * space, which `\ ` is too), or, of one line, written `$$ tex $$` with its closing line blank, without its `%`
 * comment, which would hide the `$$`, and displayed on its line (math.ts: displayMathParagraph()). What is
 * told of one of one line written without its comment; a comment alone is left as written.
 */
function writeOpeningTex(lines: string[], open: number, close: number, block: { prefix: string; tex: string; level: number }): Omit<MisreadBlock, 'line'> | undefined {
	const { prefix, tex, level } = block;
	const eol = (lines[open] as string).endsWith('\r') ? '\r' : '';
	const { marks, text } = quoteWithin(lines[open + 1] as string, level);
	const after = lines[close + 1] === undefined ? undefined : quoteWithin(lines[close + 1] as string, level);
	if (after === undefined || (after.level === level && after.text.trim() === '')) {
		lines.splice(open, close + 2 - open, `${prefix}$$${eol}`, `${marks}${/^\s*/.exec(text)?.[0] ?? ''}${tex}${eol}`, ...lines.slice(open + 1, close + 1));
		return undefined;
	}
	if (close === open + 1) {
		const comment = commentOf(tex);
		const formula = (comment?.tex ?? tex).trim();
		if (formula === '') return undefined;
		lines[open] = `${prefix}$$ ${formula} $$${eol}`;
		lines[close] = (lines[close] as string).replace('$$', '').trimEnd() + eol;
		if (!comment) return undefined;
		return { shown: 'display', opening: true, comments: [comment.comment.trimEnd()] };
	}
	const next = text.replace(/\r$/, '');
	const joined = [tex, next.trimStart()];
	if (!commentOf(tex) && ENDS_WITH_BREAK.test(tex)) joined.splice(0, 2, `${tex} ${next.trimStart()}`);
	else if (!joinFormulaLines(joined, 1)) return undefined;
	lines[open] = `${prefix}$$${eol}`;
	lines[open + 1] = `${marks}${/^\s*/.exec(next)?.[0] ?? ''}${joined[0] as string}${eol}`;
	return undefined;
}

/** Whether the line before `index` is blank within its quote, or before the quote and after no other. */
function opensAfter(lines: readonly string[], index: number, level: number): boolean {
	const before = quoteOf(lines[index - 1] as string);
	if (before.text.trim() !== '') return false;
	if (before.level === level) return true;
	return before.level === 0 && quoteOf(lines[index - 2] ?? '').level === 0;
}

// A fence of math: ```` ```math ```` (GitHub's and GitLab's), ```` ```katex ```` (Hugo Book's).
const MATH_FENCE = /^( {0,3})(?:`{3,}|~{3,})[ \t]*(?:math|katex)[ \t]*\r?$/;

/** Fenced blocks of math, as GitHub, GitLab and Hugo Book write display math, as `$$` blocks, each line on its line. */
function mathFences(body: string): string {
	if ((!body.includes('math') && !body.includes('katex')) || !/^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:math|katex)[ \t]*\r?$/m.test(body)) return body;
	const lines = body.split('\n');
	let fence: string | undefined;
	let opening: { index: number; indent: string } | undefined;
	for (const [index, line] of lines.entries()) {
		const before = fence;
		fence = fenceAfter(line, fence).open;
		if (before === undefined && fence !== undefined) {
			const math = MATH_FENCE.exec(line);
			opening = math ? { index, indent: math[1] as string } : undefined;
		} else if (before !== undefined && fence === undefined && opening) {
			lines[opening.index] = `${opening.indent}$$`;
			lines[index] = `${opening.indent}$$`;
			// Delimiters written inside the fence as well (`$$` lines, `$$ x $$`, `\[ \]`), which the fence
			// already says: a TeX comment in their place keeps the line.
			for (let inside = opening.index + 1; inside < index; inside++) {
				const line = lines[inside] as string;
				if (/^\s*(?:\$\$|\\\[|\\\])\s*$/.test(line)) lines[inside] = line.replace(/\S+/, '%');
				else lines[inside] = line.replace(/^(\s*)\$\$(.*)\$\$(\s*)$/, '$1$2$3');
			}
			opening = undefined;
		}
	}
	return lines.join('\n');
}

function readLatex(body: string): string {
	if (!body.includes('\\(') && !body.includes('\\[') && !body.includes('\\label') && !body.includes('\\begin{')) return body;
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /\\[([]|\\begin\{|\\label/);
	let display = false;
	// Each search runs from the line it starts at, and an environment's `\end` found once serves the openings
	// before it: a post of thousands of `\[` lines or `\begin` lines is read in linear time.
	const ends = new Map<string, number>();
	let verbatimBefore: number[] | undefined;
	// A post that doubles its delimiters for Markdown, as ox-hugo does, escapes its environments for Markdown too.
	const escapesForMarkdown = body.includes('\\begin{') && lines.some((line, index) => !verbatim.has(index) && DOUBLED_DELIMITER.test(line));
	// A post that writes one formula as `\(…\)` writes its others so too, letters alone (`\(G\)`) included.
	// A `$` formula over lines is the processor's, its TeX left as written, as a `$$` block's is.
	const environments = new Set(body.includes('$\\begin{') ? environmentFormulaLines(lines, verbatim) : []);
	const writesMath = lines.some((line, index) => !verbatim.has(index) && line.includes('\\(') && outsideCodeSpans(line, (part) => inlineMath(part, false)) !== line);
	for (let index = 0; index < lines.length; index++) {
		if (verbatim.has(index) || environments.has(index)) continue;
		const line = lines[index] as string;
		const trimmed = line.trim();
		if (trimmed === '$$') {
			display = !display;
			continue;
		}
		if (display) {
			lines[index] = withoutLabels(line);
			continue;
		}
		// A `\[` line becomes `$$` only with its `\]` line, before another `\[` or a fence.
		if (OPENING_LINE.test(trimmed)) {
			let close = index + 1;
			while (close < lines.length && !OPENING_LINE.test((lines[close] as string).trim()) && !CLOSING_LINE.test((lines[close] as string).trim()) && !verbatim.has(close)) close++;
			if (close < lines.length && CLOSING_LINE.test((lines[close] as string).trim()) && !verbatim.has(close)) {
				const escaped = trimmed.startsWith('\\\\');
				lines[index] = line.replace(trimmed, () => '$$');
				for (let at = index + 1; at < close; at++) lines[at] = withoutLabels(escaped ? markdownUnescaped(lines[at] as string) : (lines[at] as string));
				// Markdown left a `\\` ending the formula a `\`, which TeX, and MathJax, read with the line break as a
				// control space: the processor, which drops the formula's last line break, would leave it alone, an error.
				if (escaped && close > index + 1 && ENDS_WITH_BREAK.test(lines[close - 1] as string)) lines[close - 1] = `${(lines[close - 1] as string).trimEnd()} `;
				lines[close] = (lines[close] as string).replace((lines[close] as string).trim(), () => '$$');
				index = close;
			}
			continue;
		}
		const environment = ENVIRONMENT.exec(trimmed)?.[1];
		if (environment !== undefined && (index === 0 || (lines[index - 1] as string).trim() === '')) {
			const end = environmentEnd(lines, environment, index, ends);
			verbatimBefore ??= verbatimCounts(lines.length, verbatim);
			if (end !== -1 && (lines[end + 1] ?? '').trim() === '' && verbatimBefore[end + 1] === verbatimBefore[index]) {
				const escaped = escapesForMarkdown || lines.slice(index, end).some((text) => DOUBLED_ROW_BREAK.test(text));
				for (let at = index; at <= end; at++) lines[at] = withoutLabels(escaped ? markdownUnescaped(lines[at] as string) : (lines[at] as string));
				if (index > 0) lines[index - 1] = '$$';
				else lines[index] = `$$\n${lines[index] as string}`;
				if (end + 1 < lines.length) lines[end + 1] = '$$';
				else lines[end] = `${lines[end]}\n$$`;
				index = end + 1;
				continue;
			}
		}
		const end = wrappedFormulaEnd(lines, index, verbatim);
		if (end !== undefined) {
			const read = outsideCodeSpans(lines.slice(index, end + 1).join('\n'), (part) => inlineMath(part, writesMath)).split('\n');
			if (read.length === end + 1 - index) {
				lines.splice(index, read.length, ...read);
				index = end;
				continue;
			}
		}
		lines[index] = outsideCodeSpans(line, (part) => inlineMath(part, writesMath));
	}
	return lines.join('\n');
}

// How many lines below its opening line a formula between doubled delimiters is looked for the end of.
const WRAPPED_LINES = 20;

/**
 * The line whose `\\)` closes a `\\(` that the line `index` leaves open, later in its paragraph (`**\\(1 \times`,
 * `10^{29}\\)**`), as MathJax reads a paragraph's text whole; undefined for none, or in a quote, whose markers
 * would be the formula's. Only doubled delimiters, written for MathJax alone, are read over lines.
 */
function wrappedFormulaEnd(lines: readonly string[], index: number, verbatim: ReadonlySet<number>): number | undefined {
	const line = maskCodeSpans(lines[index] as string);
	if (line.lastIndexOf('\\\\(') <= line.lastIndexOf('\\\\)') || quoteOf(line).level > 0) return undefined;
	for (let next = index + 1; next <= index + WRAPPED_LINES && next < lines.length && !verbatim.has(next); next++) {
		const text = maskCodeSpans(lines[next] as string);
		const trimmed = text.trim();
		if (trimmed === '' || trimmed === '$$' || OPENING_LINE.test(trimmed) || CLOSING_LINE.test(trimmed) || LIST_ITEM.test(text) || quoteOf(text).level > 0) return undefined;
		const close = text.indexOf('\\\\)');
		const open = text.indexOf('\\\\(');
		if (close !== -1) return open === -1 || open > close ? next : undefined;
		if (open !== -1) return undefined;
	}
	return undefined;
}

/**
 * The first line at or after `index` that ends `environment`, or -1. `ends` keeps the line found for each
 * environment, which serves every later search from a line at or before it; -1 serves them all.
 */
function environmentEnd(lines: readonly string[], environment: string, index: number, ends: Map<string, number>): number {
	const known = ends.get(environment);
	if (known !== undefined && (known === -1 || known >= index)) return known;
	let end = index;
	while (end < lines.length && !(lines[end] as string).trim().startsWith(`\\end{${environment}}`)) end++;
	const found = end < lines.length ? end : -1;
	ends.set(environment, found);
	return found;
}

/** For each line (0 to `count`), how many lines before it are verbatim: a range holds one if the counts at its ends differ. */
function verbatimCounts(count: number, verbatim: ReadonlySet<number>): number[] {
	const before = [0];
	for (let index = 0; index < count; index++) before.push((before[index] as number) + (verbatim.has(index) ? 1 : 0));
	return before;
}

/**
 * `\(…\)` and `\[…\]` within a line, as `$…$` and `$$…$$` (see readLatexDelimiters()): one pass, whatever the
 * line. In a post that `writesMath`, a `\(…\)` that KaTeX reads is a formula without a command or a brace.
 */
function inlineMath(written: string, writesMath: boolean): string {
	const text = withParenthesesInDollars(written);
	let out = '';
	let from = 0;
	// The next `\(` and `\[` at or after `from`, found again only once `from` has passed them.
	let paren = text.indexOf('\\(');
	let bracket = text.indexOf('\\[');
	// The next `\)` and `\]`, likewise: each is looked for once per stretch of the line, not once per opening.
	let parenEnd = -1;
	let bracketEnd = -1;
	for (;;) {
		if (paren !== -1 && paren < from) paren = text.indexOf('\\(', from);
		if (bracket !== -1 && bracket < from) bracket = text.indexOf('\\[', from);
		const start = paren === -1 ? bracket : bracket === -1 ? paren : Math.min(paren, bracket);
		if (start === -1) break;
		const round = start === paren;
		// `\\(`, as posts for MathJax write it so that Markdown leaves `\(` for MathJax to find.
		const doubled = start > from && text[start - 1] === '\\';
		const opening = doubled ? start - 1 : start;
		const before = text[opening - 1] ?? ' ';
		if (round && parenEnd < start + 2) parenEnd = text.indexOf('\\)', start + 2);
		if (!round && bracketEnd < start + 2) bracketEnd = text.indexOf('\\]', start + 2);
		const end = round ? parenEnd : bracketEnd;
		if (end === -1) {
			// No closing delimiter after this one: none after any later one of its kind either.
			if (round) paren = -1;
			else bracket = -1;
			continue;
		}
		const closing = doubled && text[end - 1] === '\\' ? end - 1 : end;
		const formula = text.slice(start + 2, closing);
		// A formula within a line never holds another `\(`: a later pair is the formula, and each text is read once.
		const isMath =
			formula.trim() !== '' &&
			!/[\p{L}\p{N}_]/u.test(before) &&
			(round
				? !formula.includes('\\(') &&
					!formula.includes('$') &&
					(MATH_CONTENT.test(formula) || (doubled && isSymbolFormula(formula)) || (writesMath && (!PROSE.test(formula) || (doubled && ONE_WORD.test(formula))) && readsAsTex(doubled ? markdownUnescaped(formula) : formula)))
				: doubled
					? MATH_CONTENT.test(formula) || isSymbolFormula(formula)
					: /\\[a-zA-Z]/.test(formula));
		if (!isMath) {
			out += text.slice(from, start + 2);
			from = start + 2;
			continue;
		}
		const fence = round ? '$' : '$$';
		out += `${text.slice(from, opening)}${fence}${withoutLabels(doubled ? markdownUnescaped(formula) : formula).trim()}${fence}`;
		from = end + 2;
	}
	return out + text.slice(from);
}

/**
 * `\(` and `\)` inside a `$…$` or `$$…$$` formula on `text` as the parentheses Markdown read them as before MathJax saw
 * the formula (`$1/2 \(a+b\)$`): TeX there, never delimiters, and KaTeX has no `\(` in math mode. A `$` formula
 * opens at a `$` before a non-space and closes at one after a non-space, not before a digit (Pandoc's rule, which
 * keeps prices text), a `$$` one between any two `$$`; one pass over the line.
 */
function withParenthesesInDollars(text: string): string {
	if (!text.includes('$') || !text.includes('\\(')) return text;
	let out = '';
	let from = 0;
	let open: { at: number; length: number } | undefined;
	for (const { 0: run, index: at } of text.matchAll(/\\[^]|\${1,2}/g)) {
		if (run.startsWith('\\')) continue;
		if (open === undefined) {
			if (run.length === 2 || /\S/.test(text[at + 1] ?? '')) open = { at, length: run.length };
		} else if (run.length === open.length && (run.length === 2 || (/\S/.test(text[at - 1] as string) && !/\d/.test(text[at + 1] ?? '')))) {
			// A doubled `\\(` is TeX's line break before a parenthesis: each escape is read whole.
			out += text.slice(from, open.at) + text.slice(open.at, at).replace(/\\([^])/g, (escape: string, symbol: string) => (symbol === '(' || symbol === ')' ? symbol : escape));
			from = at;
			open = undefined;
		}
	}
	return out + text.slice(from);
}

/**
 * Whether a formula between doubled delimiters that holds no command is one all the same: numbers or words
 * with a TeX control symbol (`50\%`, `3\,000`), that KaTeX reads whole. Anything else stays text, as Markdown's
 * escapes between such delimiters (`\\(\\.\\)`, a regular expression's) would be a red error as math.
 */
function isSymbolFormula(formula: string): boolean {
	// Such a formula is a number or two; a long text without a command is prose, and KaTeX reads none of it.
	return formula.length <= 200 && CONTROL_SYMBOL.test(formula) && /[\p{L}\p{N}]/u.test(formula) && readsAsTex(markdownUnescaped(formula).trim());
}

/**
 * A formula between doubled delimiters as the Markdown processor hands it to MathJax: who doubles the
 * delimiter escapes the formula for Markdown too, as ox-hugo does (`a\_1`, `\\|x\\|` for `\|x\|`, `\\\\`
 * for a line break), and KaTeX would read the escapes as symbols (`\_` is an underscore, not a subscript).
 * Only the escapes ox-hugo writes on their own (`\\`, `\_`, `\*`, a backquote, brackets and parentheses) are
 * read: ox-hugo doubles the backslash of every other symbol (`\\,`, `\\{`), and posts written by hand keep
 * TeX's control symbols bare (`f(x)\,dx`, `50\%`), which without their backslash are a comma and a comment.
 * An escaped `$` stays escaped, as a bare one would end the formula Carnet writes between dollar signs.
 */
function markdownUnescaped(formula: string): string {
	return formula.includes('\\') ? formula.replace(/\\([\\_*`[\]()])/g, '$1') : formula;
}

function withoutLabels(formula: string): string {
	return formula.includes('\\label') ? formula.replace(/\\label\{[^{}\n]*\}\s?/g, '') : formula;
}
