import { formulaRanges, outsideFormulas } from './math-delimiters.ts';

// `==highlighted==`, as Obsidian, Typora and Markdown Here write it: against its words on both sides, not
// next to another `=` or a word (`a == b`, `x==y==z` and a heading's `===` underline are not marks). Chinese,
// Japanese and Korean put no space around a word (`都是==行向量==，`): next to their characters it is one, as
// Obsidian and Logseq mark it.
const MARK = /(?<![[=\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]])==(?=[^\s=])([^=\n]*?[^\s=])==(?![[=\p{L}\p{N}_]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]])/gv;

/**
 * Highlights written `==so==` as `<mark>` elements, each line on its line; code is left alone, and with `math`
 * (the site's math on) so are formulas: a highlight may hold one (`==see $x$ here==`), but none opens or closes in one.
 */
export function highlightMarks(body: string, math = true): string {
	if (!body.includes('==')) return body;
	const change = (part: string) => {
		const formulas = math ? formulaRanges(part) : [];
		return part.replace(MARK, (whole: string, text: string, offset: number, all: string) =>
			inFormula(formulas, offset) || inFormula(formulas, offset + whole.length - 1) ? whole : marked(whole, text, offset, all),
		);
	};
	return outsideFormulas(body, /==/, change, math);
}

/** Whether `offset` is within one of `formulas` (formulaRanges()), found by halves: a line may hold thousands. */
function inFormula(formulas: readonly [number, number][], offset: number): boolean {
	let low = 0;
	let high = formulas.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		const [start, end] = formulas[middle] as [number, number];
		if (offset < start) high = middle;
		else if (offset >= end) low = middle + 1;
		else return true;
	}
	return false;
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
// In a post written for Pandoc, whose strikethrough is `~~x~~` only, `~x~` alone is a subscript too.
const PANDOC_SUBSCRIPT = /(?<!~)~(?=[^\s~])([^\s~]{1,100})~(?!~)/gu;
const SUPERSCRIPT = /(?<![[\\^])\^(?=[^\s^[\]])([^\s^[\]]{1,100})\^(?!\^)/gu;
// Pandoc's escaped space, `10\ km`: a backslash not itself escaped, then a space.
const ESCAPED_SPACE = /(?<!\\)((?:\\\\)*)\\ /g;
// Where neither is read: a link's destination, an HTML tag or autolink, a web address, inline math (its
// dollars paired as the processor pairs them: `$$a$$ x^2^ $b$` holds two formulas, `\$5` opens none).
const NOT_TEXT = /(\]\([^)\n]*\)|<[^>\n]*>|\bhttps?:\/\/\S+|(?<=(?:^|[^\\])(?:\\\\)*)(?:\$\$[^$\n]+\$\$|\$[^$\n]+\$))/;

/**
 * Sub- and superscripts written `H~2~O` and `x^2^` as `<sub>` and `<sup>` elements, each line on its line; code,
 * and display math when `math` is read, are left alone. In a post written for Pandoc (`pandoc`), `~x~` alone is a
 * subscript and `a\ b` a no-break space, as Pandoc reads them.
 */
export function subAndSuperscripts(body: string, math = true, pandoc = false): string {
	// Most bodies have neither sign: a plain search first, as the pattern costs a letter test at every character.
	// The letter before a tilde is looked behind, so that the pattern is tried at tildes only (a tenth of the time).
	const signs = pandoc ? /~[^\s~]|\^[^\s^[\]]+\^|\\ /u : /(?<=[\p{L}\p{N}])~[^\s~]|\^[^\s^[\]]+\^/u;
	if ((!body.includes('~') && !body.includes('^') && !(pandoc && body.includes('\\ '))) || !signs.test(body)) return body;
	const subscript = pandoc ? PANDOC_SUBSCRIPT : SUBSCRIPT;
	const marked = (text: string) => text.replace(subscript, '<sub>$1</sub>').replace(SUPERSCRIPT, '<sup>$1</sup>');
	const change = (text: string) =>
		text
			.split(NOT_TEXT)
			.map((part, index) => (index % 2 === 1 ? part : marked(pandoc ? part.replace(ESCAPED_SPACE, '$1&nbsp;') : part)))
			.join('');
	// Nor in math, whose `^` and `~` are TeX's (`\frac{a^2}{b^2}`, `x_1~\text{and}`).
	return outsideFormulas(body, pandoc ? /~|\^|\\ / : /~|\^/, change, math);
}

// Letters of scripts written without spaces, next to which an inline mark still opens or closes.
const SPACELESS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;
// `++inserted++`, as markdown-it-ins (and Hexo's markdown-it renderer) writes it: against its words on both
// sides and not next to a word or another `+` (`C++ and C++`, `i++ + ++j` are code, not marks). It holds no
// table cell's `|` and no emphasis's `*`, whose mark it would cross (`**后置++**：如a++`).
const INSERTED = new RegExp(String.raw`(?<![[+\p{L}\p{N}_]--[${SPACELESS}]])\+\+(?=[^\s+\|*])([^+\|*\n]*?[^\s+\|*])\+\+(?![[+\p{L}\p{N}_]--[${SPACELESS}]])`, 'gv');
// `!!hidden!!`, Hexo Shoka's spoiler, alike (`Wow!! Great!!` is two exclamations).
const SPOILER = new RegExp(String.raw`(?<![[!\p{L}\p{N}_]--[${SPACELESS}]])!!(?=[^\s!\[\|*])([^!\|*\n]*?[^\s!\|*])!!(?![[!\p{L}\p{N}_]--[${SPACELESS}]])`, 'gv');
// `{漢字^かんじ}`, Shoka's ruby (markdown-it-furigana's), not a Liquid or Hugo `{{`, a `{: kramdown}` list or TeX's `{a^2}` in math.
const RUBY = /(?<![{\\$])\{([^{}^\s:%<][^{}^\n]{0,99})\^([^{}^\n]{1,100})\}(?!\})/gu;
// A ruby's base: Chinese or Japanese characters (Korean too), spaces between them; its reading: letters and
// their marks in any script (かんじ, pīnyīn), not a formula's signs (`{x^2 : x ∈ ℕ}` is a set).
const RUBY_BASE = new RegExp(String.raw`^[${SPACELESS}々〆ヶ\s]+$`, 'v');
const RUBY_READING = /^[\p{L}\p{M}\s・·]+$/u;

/**
 * `++inserted++` as `<ins>`, Shoka's `!!spoiler!!` as a spoiler (the `<span class="carnet-spoiler">` Fuwari's
 * `:spoiler[…]` makes, hidden until pointed at or focused), and its ruby `{漢字^かんじ}` as
 * `<ruby>漢字<rt>かんじ</rt></ruby>`, each line on its line; code, links' addresses, tags and inline math
 * are left alone, and display math when `math` is read. Only for a post written for Hexo Shoka or markdown-it
 * (isShokaPost()): Hugo, Jekyll and Hexo's default renderer show `++i and i++` and `太好了!!` as written.
 */
export function insertionsSpoilersAndRuby(body: string, math = true): string {
	const inserted = body.includes('++');
	const spoiler = body.includes('!!');
	const ruby = body.includes('^') && body.includes('{');
	if (!inserted && !spoiler && !ruby) return body;
	const change = (text: string) =>
		text
			.split(NOT_TEXT)
			.map((part, index) => {
				if (index % 2 === 1) return part;
				let result = part;
				if (ruby && result.includes('^')) result = result.replace(RUBY, rubyOf);
				if (inserted && result.includes('++')) result = result.replace(INSERTED, '<ins>$1</ins>');
				if (spoiler && result.includes('!!')) result = result.replace(SPOILER, '<span class="carnet-spoiler" tabindex="0">$1</span>');
				return result;
			})
			.join('');
	return outsideFormulas(body, /\+\+|!!|\^/, change, math);
}

/** A ruby as HTML; only over Chinese or Japanese text read in letters, where `{a^2}` or `{x^2 : x ∈ ℕ}` is more likely TeX or a set written in prose. */
function rubyOf(whole: string, base: string, reading: string): string {
	return RUBY_BASE.test(base) && RUBY_READING.test(reading) ? `<ruby>${base.trim()}<rt>${reading.trim()}</rt></ruby>` : whole;
}
