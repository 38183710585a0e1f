import { outsideCode, outsideCodeSpans } from './fences.ts';
import { displayMathLines } from './math-delimiters.ts';

// `==highlighted==`, as Obsidian, Typora and Markdown Here write it: against its words on both sides, not
// next to another `=` or a word (`a == b`, `x==y==z` and a heading's `===` underline are not marks). Chinese,
// Japanese and Korean put no space around a word (`都是==行向量==，`): next to their characters it is one, as
// Obsidian and Logseq mark it.
const MARK = /(?<![[=\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]])==(?=[^\s=])([^=\n]*?[^\s=])==(?![[=\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]])/gv;

/** Highlights written `==so==` as `<mark>` elements, each line on its line; code is left alone. */
export function highlightMarks(body: string): string {
	if (!body.includes('==')) return body;
	return outsideCode(body, /==/, (line) => (line.includes('==') ? outsideCodeSpans(line, (part) => part.replace(MARK, marked)) : line));
}

// A letter or digit, which no highlight touches but Chinese, Japanese and Korean, written without spaces.
const WORD_CHAR = /[\p{L}\p{N}_]/u;
// A clause's punctuation in Chinese and Japanese: what a highlight of a few words does not hold.
const CLAUSE_MARK = /[，。；！？、：]/;

/**
 * A highlight as `<mark>`. One against Chinese, Japanese or Korean text (`都是==行向量==`, as Obsidian writes it)
 * marks a few words, not clauses: `Java中==比较的是地址，equals…用==比较` is Java's operator, twice, as written.
 */
function marked(whole: string, text: string, offset: number, all: string): string {
	const againstText = WORD_CHAR.test(all.charAt(offset - 1)) || WORD_CHAR.test(all.charAt(offset + whole.length));
	return againstText && CLAUSE_MARK.test(text) ? whole : `<mark>${text}</mark>`;
}

// `H~2~O` and `x^2^`, as Pandoc, Typora and markdown-it-sub/sup write sub- and superscripts: no space inside.
// A subscript follows a letter or digit (`~strike~` alone is GFM's strikethrough); a superscript is not a
// footnote's (`[^1]`, `^[note]`). Neither is next to another `~` or `^` (`~~strike~~`).
const SUBSCRIPT = /(?<=[\p{L}\p{N}])~(?=[^\s~])([^\s~]{1,100})~(?!~)/gu;
const SUPERSCRIPT = /(?<![[\\^])\^(?=[^\s^[\]])([^\s^[\]]{1,100})\^(?!\^)/gu;
// Where neither is read: a link's destination, an HTML tag or autolink, a web address, inline math.
const NOT_TEXT = /(\]\([^)\n]*\)|<[^>\n]*>|\bhttps?:\/\/\S+|\$[^$\n]+\$)/;

/** Sub- and superscripts written `H~2~O` and `x^2^` as `<sub>` and `<sup>` elements, each line on its line; code, and display math when `math` is read, are left alone. */
export function subAndSuperscripts(body: string, math = true): string {
	// Most bodies have neither sign: a plain search first, as the pattern costs a letter test at every character.
	if ((!body.includes('~') && !body.includes('^')) || !/[\p{L}\p{N}]~[^\s~]|\^[^\s^[\]]+\^/u.test(body)) return body;
	const change = (text: string) =>
		text
			.split(NOT_TEXT)
			.map((part, index) => (index % 2 === 1 ? part : part.replace(SUBSCRIPT, '<sub>$1</sub>').replace(SUPERSCRIPT, '<sup>$1</sup>')))
			.join('');
	// Nor in display math, whose `^` and `~` are TeX's (`\frac{a^2}{b^2}`, `x_1~\text{and}`).
	const formulas = math ? displayMathLines(body.split('\n')) : new Set<number>();
	return outsideCode(body, /~|\^/, (line, index) => (!formulas.has(index) && (line.includes('~') || line.includes('^')) ? outsideCodeSpans(line, change) : line));
}
