import { textAttributes } from './direction.ts';
import type { FontTables } from './font-tables.ts';

/** A font social cards can draw with, its tables read. */
export interface CardFont {
	/** The name satori knows the font by, one per file: satori keeps only one font of a given name and weight. */
	name: string;
	family: string;
	weight: number;
	tables: FontTables;
	/** The code points the card takes from this font, when not all it has: a font of signs may have letters too. */
	only?: readonly [first: number, last: number] | undefined;
	/** A font of the site's own (`socialCards.fonts`). */
	site?: true | undefined;
}

/** Everything the card needs to know about one piece of text. */
export interface CardText {
	/** The text as the card draws it: spaces that no font has become plain or no-break spaces. */
	text: string;
	/** Characters (graphemes) that no font and no emoji image can draw; the text is not drawable when any. */
	missing: string[];
	/** The fonts that draw it, so that satori is given only those. */
	fonts: Set<CardFont>;
	/** Width of each word at a font size of 1, and of a space, for fitting the title. */
	words: number[];
	space: number;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** A grapheme that is an emoji (drawn as a picture, by satori only): a pictograph, a flag's letter or a keycap. */
export const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
// Joiners and variation selectors shape their neighbours; fonts need no glyph of their own for them.
const INVISIBLE = new Set([0x200c, 0x200d, 0xfe0e, 0xfe0f]);
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}+$/u;
const NO_BREAK_SPACES = new Set([0x00a0, 0x2007, 0x202f]);
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const STRONG = /\p{L}/u;

/** The code point sequence that names an emoji in Twemoji, `1f468-200d-1f4bb`, without variation selector 16. */
export function emojiCode(grapheme: string): string {
	// Twemoji names code points with at least four digits: 0031-20e3 for the keycap 1️⃣, 00a9 for ©.
	return Array.from(grapheme, (char) => (char.codePointAt(0) as number).toString(16).padStart(4, '0'))
		.filter((code) => code !== 'fe0f')
		.join('-');
}

/**
 * The direction of a post's text on its card: the one its page gives it (textAttributes()), so that the title
 * of a post written in Hebrew that opens with a Latin name ("React בפועל") reads right to left; where the page
 * leaves it to `dir="auto"`, `rtl` when the first letter of the text belongs to a right-to-left script.
 */
export function textDirectionOf(text: string, post: { lang?: string | undefined; dir?: 'ltr' | 'rtl' | undefined } = {}): 'ltr' | 'rtl' {
	const { dir } = textAttributes(post, text);
	if (dir !== 'auto') return dir;
	const first = Array.from(text).find((char) => STRONG.test(char));
	return first && RTL.test(first) ? 'rtl' : 'ltr';
}

/**
 * Works out how a piece of text is drawn at one weight: which font draws each character (the first in
 * `fonts` that has it, as satori picks them), which emoji have a picture (`hasEmoji`), what nothing can
 * draw, and how wide each word is.
 */
export function analyseText(source: string, weight: number, fonts: readonly CardFont[], hasEmoji: (code: string) => boolean): CardText {
	const candidates = fonts.filter((font) => font.weight === weight);
	const fontOf = (codePoint: number) =>
		candidates.find((font) => (!font.only || (codePoint >= font.only[0] && codePoint <= font.only[1])) && font.tables.glyphOf(codePoint) !== 0);
	const widthOf = (codePoint: number, font: CardFont) => font.tables.advanceOf(font.tables.glyphOf(codePoint)) / font.tables.unitsPerEm;
	const base = candidates[0];
	if (!base) throw new Error(`No social card font has the weight ${weight}.`);
	const result: CardText = { text: '', missing: [], fonts: new Set([base]), words: [], space: widthOf(0x20, base) };
	let word = 0;
	const endWord = () => {
		if (word > 0) result.words.push(word);
		word = 0;
	};
	for (const { segment } of graphemes.segment(source.normalize('NFC'))) {
		const first = segment.codePointAt(0) as number;
		if (/^\s$/u.test(segment) && !fontOf(first)) {
			result.text += NO_BREAK_SPACES.has(first) ? '\u00a0' : ' ';
			if (NO_BREAK_SPACES.has(first)) word += result.space;
			else endWord();
			continue;
		}
		// A soft hyphen, a zero-width space or a bidi control the fonts lack is drawn as nothing in a browser:
		// left out of the card, rather than counted as a character no font draws.
		if (IGNORABLE.test(segment) && !fontOf(first)) continue;
		result.text += segment;
		if (segment === ' ') {
			endWord();
			continue;
		}
		if (EMOJI.test(segment) && hasEmoji(emojiCode(segment))) {
			// satori draws an emoji as a square picture one em wide.
			word += 1;
			continue;
		}
		let drawable = true;
		for (const char of segment) {
			const codePoint = char.codePointAt(0) as number;
			if (INVISIBLE.has(codePoint)) continue;
			const font = fontOf(codePoint);
			if (!font) {
				drawable = false;
				break;
			}
			result.fonts.add(font);
			word += widthOf(codePoint, font);
		}
		if (!drawable) result.missing.push(segment);
	}
	endWord();
	return result;
}

/** The size of the title box that `titleSize` fits, in pixels, and the sizes tried from the largest. */
export interface TitleBox {
	width: number;
	height: number;
	lineHeight: number;
	maxLines: number;
	sizes: readonly number[];
}

/**
 * The largest font size at which the title fits the box in at most `maxLines` lines, wrapping at spaces
 * as satori does. Below the smallest size, the template's `lineClamp` ends the last line with an ellipsis.
 */
export function fitTitleSize(title: CardText, box: TitleBox): number {
	for (const size of box.sizes) {
		const lines = Math.min(box.maxLines, Math.floor(box.height / (size * box.lineHeight)));
		// A little room for kerning and shaping, which the advance widths alone do not see.
		if (countLines(title, (box.width * 0.97) / size) <= lines) return size;
	}
	return box.sizes[box.sizes.length - 1] as number;
}

function countLines(title: CardText, width: number): number {
	let lines = 1;
	let line = 0;
	for (const word of title.words) {
		if (line === 0) line = word;
		else if (line + title.space + word <= width) line += title.space + word;
		else {
			lines++;
			line = word;
		}
		// A word wider than the line is broken across lines (overflowWrap: break-word).
		while (line > width) {
			lines++;
			line -= width;
		}
	}
	return lines;
}
