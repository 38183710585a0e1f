import { withoutCode } from '../markdown/fences.ts';
import { oncePerKey } from './once-per-key.ts';

// Languages written right to left, for engines whose Intl.Locale has no text direction (Node has had it
// since 22): each in the script CLDR gives it by default.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'khw', 'ks', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

type LocaleWithTextInfo = Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };

/**
 * `rtl` for a language written right to left (ar, he, fa, ckb, `az-Arab`…), else `ltr`: the site's
 * `<html dir>`, a post's own `lang`, a feed's stylesheet. Remembered per language: every page and post asks,
 * and Intl.Locale takes about 20 µs.
 */
export const textDirection: (lang: string) => 'ltr' | 'rtl' = oncePerKey(directionOf);

function directionOf(lang: string): 'ltr' | 'rtl' {
	try {
		const locale = new Intl.Locale(lang) as LocaleWithTextInfo;
		const info = locale.getTextInfo?.() ?? locale.textInfo;
		if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
		if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
		return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
	} catch {
		return 'ltr';
	}
}

// The blocks of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic,
// their presentation forms, Adlam and the old scripts of the SMP): every letter in them is of bidi class R or AL.
const RTL_BLOCKS = '\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}';
const RTL_CHAR = new RegExp(`[${RTL_BLOCKS}]`, 'u');
const RTL_RUNS = new RegExp(`[${RTL_BLOCKS}]+`, 'gu');
const NOT_LETTERS = /\P{L}+/gu;
// What a reader does not read as the post's language: formulas, addresses and tags (code is left out first).
// Each stops at the next opener of its kind, so that a body of thousands of unclosed ones is read in one pass.
const NOT_PROSE = [
	/\$\$[^$]*\$\$|\$[^$\n]+\$|\\\((?:[^\\]|\\[^()])*?\\\)|\\\[(?:[^\\]|\\[^[\]])*?\\\]/g,
	/<[^<>\n]*>/g,
	/\]\([^()\s\]]*|^ {0,3}\[[^\]\n]+\]:.*$|\b(?:https?:\/\/|www\.)\S+/gim,
];

/**
 * The direction a post is written in, as a reader judges it: `rtl` when its title and body (Markdown) have
 * more letters of right-to-left scripts than of others, outside code, formulas and addresses. For a post
 * without `lang`, whose first letter may be a product name ("React یک کتابخانه…") that `dir="auto"` would
 * read the whole post by.
 */
export function writtenDirection(title: string, markdown: string): 'ltr' | 'rtl' {
	// Most posts have no right-to-left letter at all, and are not read twice.
	if (!RTL_CHAR.test(title) && !RTL_CHAR.test(markdown)) return 'ltr';
	const text = NOT_PROSE.reduce((prose, pattern) => prose.replace(pattern, ' '), `${title}\n${withoutCode(markdown)}`);
	// Counted by taking out what is not counted: matching each letter took seven times as long (a megabyte, 3 s).
	const letters = text.replace(NOT_LETTERS, '');
	const ltr = letters.replace(RTL_RUNS, '').length;
	return letters.length - ltr > ltr ? 'rtl' : 'ltr';
}

/**
 * The `lang` and `dir` of a post's title or text where it stands alone (a link in a list): the post's
 * own; `rtl` in a post written right to left that has no `lang` (its `dir`, from writtenDirection()), for
 * `text` that has right-to-left letters, though it opens with a Latin name; else `dir="auto"`, so that a
 * Hebrew or Arabic title reads right to left on any page and one in Latin letters alone left to right.
 */
export function textAttributes(post: { lang?: string | undefined; dir?: 'ltr' | 'rtl' | undefined }, text?: string): { lang?: string; dir: 'ltr' | 'rtl' | 'auto' } {
	if (post.lang) return { lang: post.lang, dir: post.dir ?? 'auto' };
	return { dir: post.dir === 'rtl' && (text === undefined || RTL_CHAR.test(text)) ? 'rtl' : 'auto' };
}
