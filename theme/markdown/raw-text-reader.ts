/** An element whose content is raw text: neither Markdown nor the HTML parser reads it, and no entity is decoded in it. */
export type RawTextElement = 'script' | 'style';

/** Where a point of a script's or a style's text stands: in code or a comment, in a string opened by `quote`, or `unsure`, with why. */
export type RawTextPlace = { element: RawTextElement; quote: string | undefined; unsure: string | undefined; before: string };

/** Where a line of a raw HTML block starts: the `<script>` or `<style>` open there, if any, and how its code reads. */
export type RawTextLine = { open: RawTextElement | undefined; code: Code };

type Mode = 'code' | '//' | '/*' | '"' | "'" | '`' | '/' | '[';
/**
 * How a script's or a style's text reads so far, as far as Carnet can tell without a parser: `prev`, the last
 * character of code, and `word`, its last word, tell a `/` that divides from one that opens a regular expression;
 * `parens` says of each open parenthesis whether an `if`, `while`, `for` or `with` opened it.
 */
type Code = { mode: Mode; prev: string; word: string; inWord: boolean; parens: boolean[]; unsure: string | undefined };

// CommonMark's first kind of HTML block: from a line that opens with one of these tags to the first line that
// holds one of their end tags, its lines are kept as written.
const RAW_BLOCK_START = /^ {0,3}<(?:script|style|pre|textarea)(?=[\s>]|$)/i;
const RAW_BLOCK_END = /<\/(?:script|style|pre|textarea)\s*>/i;
// A tag ends at its first `>`, found apart so that a line of tags that never end is read once.
const OPEN_TAG = /<(script|style)\b/gi;
const END_TAG = { script: /<\/script\b/gi, style: /<\/style\b/gi } satisfies Record<RawTextElement, RegExp>;
// The words after which a `/` opens a regular expression, as after an operator.
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const BEFORE_CONDITION = new Set(['if', 'while', 'for', 'with']);
const IDENTIFIER = /[\w$]/;
const WORD_MAX = 12;

const startCode = (): Code => ({ mode: 'code', prev: ';', word: '', inWord: false, parens: [], unsure: undefined });
const copyCode = (code: Code): Code => ({ ...code, parens: [...code.parens] });

/**
 * For each line of `lines` inside such an HTML block (`skipped` lines, fenced code, are never), where it starts
 * (RawTextLine); undefined for lines outside them.
 */
export function rawTextLines(lines: readonly string[], skipped: readonly (boolean | undefined)[]): (RawTextLine | undefined)[] {
	const found: (RawTextLine | undefined)[] = new Array(lines.length);
	let inBlock = false;
	let start: RawTextLine = { open: undefined, code: startCode() };
	for (const [index, line] of lines.entries()) {
		if (!inBlock && (skipped[index] === true || !RAW_BLOCK_START.test(line))) continue;
		inBlock = true;
		found[index] = start;
		const reader = readRawText(start, true);
		reader.at(line, line.length);
		start = reader.nextLine();
		if (RAW_BLOCK_END.test(line)) {
			inBlock = false;
			start = { open: undefined, code: startCode() };
		}
	}
	return found;
}

/**
 * A reader of one string of a line (`all`, as one replacement pass sees it), in order: at() tells where a point
 * of it stands, wrote() that a value replaced the text from that point. `atLineStart` false: the string is a part
 * of its line after text Carnet did not read with it (a code span, a comment), so its code cannot be known.
 */
export function readRawText(line: RawTextLine | undefined, atLineStart: boolean) {
	let open = line?.open;
	let code = line === undefined ? startCode() : copyCode(line.code);
	if (!atLineStart) code.unsure = 'Markdown reads the line in parts around a backtick or an HTML comment before it';
	// The last character read, held until the next tells whether it starts a `//`, `/*`, `*/` or `${`.
	let held = '';
	// The element's text as written just before the point read, for what a value would form with it.
	let before = '';
	let at = 0;
	let tag: { index: number; end: number; name: RawTextElement } | null | undefined;
	let closeAt = -1;
	const findTag = (all: string): { index: number; end: number; name: RawTextElement } | null => {
		if (tag !== undefined && (tag === null || tag.index >= at)) return tag;
		const pattern = open === undefined ? OPEN_TAG : END_TAG[open];
		pattern.lastIndex = at;
		const match = pattern.exec(all);
		if (match === null) return (tag = null);
		if (closeAt < match.index) closeAt = all.indexOf('>', match.index);
		if (closeAt === -1) return (tag = null);
		return (tag = { index: match.index, end: closeAt + 1, name: open ?? ((match[1] as string).toLowerCase() as RawTextElement) });
	};
	const read = (text: string) => {
		if (open === undefined || text === '') return;
		before = (before + text.slice(-16)).slice(-16);
		if (code.unsure !== undefined) return;
		const chars = held + text;
		let index = 0;
		while (index < chars.length - 1) index = readCode(code, chars, index, open);
		held = chars.slice(index);
	};
	const advance = (all: string, offset: number): boolean => {
		while (at < offset) {
			const next = findTag(all);
			if (next === null || next.index >= offset) {
				read(all.slice(at, offset));
				at = offset;
				break;
			}
			read(all.slice(at, next.index));
			at = next.index;
			// A point inside the tag is in none of the element's text.
			if (next.end > offset) return false;
			open = open === undefined ? next.name : undefined;
			code = startCode();
			held = '';
			before = '';
			at = next.end;
			tag = undefined;
		}
		return true;
	};
	return {
		/** Where the point at `offset` of `all` stands, in the text of a `<script>` or a `<style>`; undefined outside one. */
		at(all: string, offset: number): RawTextPlace | undefined {
			if (line === undefined || !advance(all, offset) || open === undefined) return undefined;
			return { element: open, ...placeIn(code, held, open), before };
		},
		/** `written` stands where the text from the point last read up to `end` was. */
		wrote(written: string, end: number): void {
			if (open !== undefined) {
				const mode = settle(code, held, open).mode;
				read(written);
				// A value written as code that opens a string or a comment leaves the rest of the line to it.
				if (settle(code, held, open).mode !== mode) code.unsure ??= 'a value filled in before it opens a string, a comment or a regular expression';
			}
			at = end;
		},
		/** Where the next line starts, the whole of this one read. */
		nextLine(): RawTextLine {
			read('\n');
			code.inWord = false;
			if (code.mode === '//') code.mode = 'code';
			else if (code.mode !== 'code' && code.mode !== '/*') code.unsure ??= 'a string, template literal or regular expression on an earlier line is left open';
			return { open, code: copyCode(code) };
		},
	};
}

/** Whether the point after `code` and the `held` character is in a string, and which, or where Carnet cannot tell. */
function placeIn(code: Code, held: string, element: RawTextElement): { quote: string | undefined; unsure: string | undefined } {
	if (held === '\\' && code.mode !== 'code' && code.mode !== '//' && code.mode !== '/*') return { quote: undefined, unsure: 'a \\ before it would escape its first character' };
	const there = settle(code, held, element);
	if (there.unsure !== undefined) return { quote: undefined, unsure: there.unsure };
	if (there.mode === '/' || there.mode === '[') return { quote: undefined, unsure: 'it stands in a regular expression' };
	return { quote: there.mode === '"' || there.mode === "'" || there.mode === '`' ? there.mode : undefined, unsure: undefined };
}

/** `code` with the `held` character read, followed by no character that would join it into a comment's mark or a template's `${`. */
function settle(code: Code, held: string, element: RawTextElement): Code {
	const there = copyCode(code);
	if (held !== '' && there.unsure === undefined) readCode(there, `${held}\n`, 0, element);
	return there;
}

/** Reads the character of `text` at `at` (with the one after it) into `code`; the index of the next one to read. */
function readCode(code: Code, text: string, at: number, element: RawTextElement): number {
	const char = text.charAt(at);
	const next = text.charAt(at + 1);
	switch (code.mode) {
		case '//':
			return at + 1;
		case '/*':
			if (char === '*' && next === '/') code.mode = 'code';
			return char === '*' && next === '/' ? at + 2 : at + 1;
		case '"':
		case "'":
		case '`':
		case '/':
		case '[':
			return readLiteral(code, char, next, at);
	}
	if (char === '/' && next === '*') {
		code.mode = '/*';
		return at + 2;
	}
	if (element === 'style') {
		if (char === '"' || char === "'") code.mode = char;
		return at + 1;
	}
	if (char === '/' && next === '/') {
		code.mode = '//';
		return at + 2;
	}
	if (/\s/.test(char)) {
		code.inWord = false;
		return at + 1;
	}
	if (IDENTIFIER.test(char)) {
		code.word = code.inWord ? (code.word.length < WORD_MAX ? code.word + char : code.word) : char;
		code.inWord = true;
		code.prev = char;
		return at + 1;
	}
	const word = code.word;
	code.word = '';
	code.inWord = false;
	if (char === '"' || char === "'" || char === '`') code.mode = char;
	else if (char === '/') {
		const regex = opensRegex(code.prev, word);
		if (regex === undefined) code.unsure = 'a / before it may open a regular expression';
		else if (regex) code.mode = '/';
	} else if (char === '(') code.parens.push(BEFORE_CONDITION.has(word) && IDENTIFIER.test(code.prev));
	// After the condition of an `if`, a `/` opens an expression; after any other parenthesis, it divides.
	else if (char === ')') code.prev = code.parens.pop() === true ? ';' : ')';
	else if ((char === '+' || char === '-') && next === char) {
		code.prev = '++';
		return at + 2;
	}
	if (char !== ')') code.prev = char;
	return at + 1;
}

/** Reads a character of a string, a template literal or a regular expression (`[` inside its brackets). */
function readLiteral(code: Code, char: string, next: string, at: number): number {
	if (char === '\\') return at + 2;
	if (code.mode === '[') {
		if (char === ']') code.mode = '/';
	} else if (code.mode === '/' && char === '[') code.mode = '[';
	else if (code.mode === '`' && char === '$' && next === '{') code.unsure = 'a template literal holds it after a ${';
	else if (char === code.mode) {
		code.mode = 'code';
		// A `/` after a string or a regular expression divides, as after a word.
		code.prev = 'a';
	}
	return at + 1;
}

/** Whether a `/` after `prev` (the last word, `word`) opens a regular expression; undefined when it may or may not. */
function opensRegex(prev: string, word: string): boolean | undefined {
	if (IDENTIFIER.test(prev)) return BEFORE_EXPRESSION.has(word);
	if (prev === ']' || prev === ')') return false;
	if (prev === '}' || prev === '++') return undefined;
	return true;
}
