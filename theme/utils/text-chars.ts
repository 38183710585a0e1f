import ansiRegex from 'ansi-regex';

/**
 * Characters that no feed can carry: those XML 1.0 forbids (C0 controls other than tab, line feed and
 * carriage return; lone surrogates; U+FFFE and U+FFFF), plus DEL, the C1 controls and Unicode's other
 * noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane), which XML allows but
 * HTML reports as errors. They are invisible and come from pasting: a vertical tab from a word
 * processor's soft return, an ESC from a terminal, a NUL from a broken export.
 */
const NONCHARACTERS = String.raw`\uFDD0-\uFDEF\uFFFE\uFFFF`;
// U+1FFFE, U+1FFFF … U+10FFFF, as UTF-16 writes them: the high surrogate of each plane's end, then DFFE or DFFF.
const ASTRAL_NONCHARACTERS = String.raw`[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]`;
const CONTROL_RANGE = String.raw`\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F`;
const FORBIDDEN = new RegExp(String.raw`[${CONTROL_RANGE}${NONCHARACTERS}]|${ASTRAL_NONCHARACTERS}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`, 'g');

// The same characters without the surrogate checks, whose lookbehind makes FORBIDDEN slow on long text:
// with isWellFormed() (no lone surrogate), a quick test that most text passes. Two patterns that each
// start with a class scan faster than one alternation.
const CONTROLS = new RegExp(String.raw`[${CONTROL_RANGE}${NONCHARACTERS}]`);
const ASTRAL = new RegExp(ASTRAL_NONCHARACTERS);

// A terminal's control sequences (`ESC[0;31m`, the colours of pasted shell or nbconvert output), which would
// show as `[0;31m` with their ESC alone removed: ansi-regex reads them as terminals do.
const TERMINAL_CODES = ansiRegex();

// A soft return or a page break separated two words: a space keeps them apart.
const SEPARATORS = /[\u000B\u000C]/g;

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'ESC', 0x7f: 'DEL' };

/**
 * `text` without the characters feeds cannot carry, and without the terminal codes they start; vertical tabs and
 * form feeds become spaces.
 */
export function stripForbiddenChars(text: string): string {
	if (isClean(text)) return text;
	return text.replace(TERMINAL_CODES, withoutCode).replace(SEPARATORS, ' ').replace(FORBIDDEN, '');
}

/**
 * Serialized `html` without the characters feeds cannot carry, each removed alone: a terminal code read in
 * markup (an ESC before `">`) would take quotes and tags with it, and turn the text after them into attributes.
 * Text and attribute values are cleaned before they are serialized (utils/feed-html.ts); this keeps any HTML
 * written elsewhere well-formed XML.
 */
export function stripForbiddenCharsInMarkup(html: string): string {
	if (isClean(html)) return html;
	return html.replace(SEPARATORS, ' ').replace(FORBIDDEN, '');
}

// ESC then a letter or digit, a code of two characters (or with spaces between them), is as likely a stray
// ESC before a word: its ESC alone goes, with the other characters. So does a U+009B, which terminals read as
// the start of a code too, but which text holds as the `›` of Windows-1252 read as Latin-1 (`Home › Blog`):
// the words after it stay.
function isStrayEscape(code: string): boolean {
	return code.startsWith('\u009B') || /^\u001B *[\dA-Za-z]$/.test(code);
}

// A code's line breaks (a window title's) stay, so that lines keep their numbers.
function withoutCode(code: string): string {
	return isStrayEscape(code) ? code : code.replace(/[^\n]/g, '');
}

export interface ForbiddenChars {
	/** How many were found. */
	count: number;
	/** Index of the first one in the text. */
	first: number;
	/** Each distinct character, named: `U+001B ESC`. */
	names: string[];
	/** Each distinct terminal code they start, without them (`[0;31m`), where there are any. */
	codes?: string[];
}

/** The characters `stripForbiddenChars()` would remove or replace, or undefined if there are none. */
export function findForbiddenChars(text: string): ForbiddenChars | undefined {
	if (isClean(text)) return undefined;
	const matches = [...text.matchAll(FORBIDDEN)];
	if (matches.length === 0) return undefined;
	const names = [...new Set(matches.map((match) => describeChar(match[0].length === 2 ? (match[0].codePointAt(0) ?? 0) : match[0].charCodeAt(0))))];
	const started = [...text.matchAll(TERMINAL_CODES)].filter(([code]) => !isStrayEscape(code));
	const codes = [...new Set(started.map(([code]) => code.replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim()))];
	return { count: matches.length, first: matches[0]?.index ?? 0, names, ...(codes.length > 0 ? { codes } : {}) };
}

function isClean(text: string): boolean {
	return !CONTROLS.test(text) && !ASTRAL.test(text) && text.isWellFormed();
}

function describeChar(code: number): string {
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	const name = NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'half of an emoji or other surrogate pair' : undefined);
	return name ? `${hex} ${name}` : hex;
}

/** A copy of `value` with every string in it (in arrays and plain objects too) passed through `stripForbiddenChars()`. */
export function stripForbiddenCharsDeep<T>(value: T): T {
	if (typeof value === 'string') return stripForbiddenChars(value) as T;
	if (Array.isArray(value)) return value.map((item) => stripForbiddenCharsDeep(item)) as T;
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripForbiddenCharsDeep(item)])) as T;
	}
	return value;
}

// A line or paragraph separator, with the spaces and other separators beside it.
const LINE_SEPARATORS = /[ \t]*[\u2028\u2029][\u2028\u2029 \t]*/g;

/**
 * `text` with each run of line and paragraph separators (U+2028, U+2029), and the spaces beside it, made one
 * space: text of one line (a title) has no line to break, and HTML shows them as a space.
 */
export function spaceLineSeparators(text: string): string {
	return text.replace(LINE_SEPARATORS, ' ');
}
