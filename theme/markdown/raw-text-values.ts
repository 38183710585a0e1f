/** An element whose content is raw text: neither Markdown nor the HTML parser reads it, and no entity is decoded in it. */
export type RawTextElement = 'script' | 'style';

// CommonMark's first kind of HTML block: from a line that opens with one of these tags to the first line that
// holds one of their end tags, its lines are kept as written.
const RAW_BLOCK_START = /^ {0,3}<(?:script|style|pre|textarea)(?=[\s>]|$)/i;
const RAW_BLOCK_END = /<\/(?:script|style|pre|textarea)\s*>/i;
const RAW_TEXT_TAG = /<(\/?)(script|style)\b[^>]*>/gi;

/**
 * For each line of `lines` inside such an HTML block (`skipped` lines, fenced code, are never), the `<script>`
 * or `<style>` that is open where the line starts (`open`, undefined if none); undefined for lines outside them.
 */
export function rawTextLines(lines: readonly string[], skipped: readonly (boolean | undefined)[]): ({ open: RawTextElement | undefined } | undefined)[] {
	const found: ({ open: RawTextElement | undefined } | undefined)[] = new Array(lines.length);
	let inBlock = false;
	let open: RawTextElement | undefined;
	for (const [index, line] of lines.entries()) {
		if (!inBlock && (skipped[index] === true || !RAW_BLOCK_START.test(line))) continue;
		inBlock = true;
		found[index] = { open };
		open = openAfter(line, open).open;
		if (RAW_BLOCK_END.test(line)) {
			inBlock = false;
			open = undefined;
		}
	}
	return found;
}

/** The raw-text element open after `text`, given the one open before it, and where its text starts in `text`. */
function openAfter(text: string, before: RawTextElement | undefined): { open: RawTextElement | undefined; from: number } {
	let open = before;
	let from = 0;
	for (const match of text.matchAll(RAW_TEXT_TAG)) {
		const name = (match[2] as string).toLowerCase() as RawTextElement;
		if (open === undefined && match[1] === '') {
			open = name;
			from = match.index + match[0].length;
		} else if (open === name && match[1] === '/') open = undefined;
	}
	return { open, from };
}

/**
 * The `<script>` or `<style>` whose text a value written after `before` (the line up to it) stands in, given the
 * line's place in a raw HTML block (rawTextLines()), and the text of that element on the line before the value.
 */
export function rawTextAt(before: string, line: { open: RawTextElement | undefined } | undefined): { element: RawTextElement; text: string } | undefined {
	if (line === undefined) return undefined;
	const { open, from } = openAfter(before, line.open);
	return open === undefined ? undefined : { element: open, text: before.slice(from) };
}

/**
 * `value` as it reads inside a script's or a style's text after `before` (that text on the value's line): in a
 * quoted string, escaped as the language escapes it, so that it stays one string whose value is `value`
 * (`"Tom \"T\""`, valid JSON too); elsewhere as written, as Jekyll writes it. Either way, no `</` or `<!--`
 * that would end the element, or make the HTML parser read past its end, is left: browsers decode no `&amp;`
 * there, so HTML's escapes would show as written.
 */
export function asRawTextWrites(value: string, element: RawTextElement, before: string): string {
	const quote = openQuote(before, element);
	if (quote === undefined) return value.replace(/<(?=\/|!--)/g, '<\\');
	// CSS escapes a character by its code point, a space ending the escape.
	if (element === 'style') return value.replace(/[\\"'<\u0000-\u001f\u007f]/g, (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `);
	// JSON's escapes are JavaScript's; `<` is escaped wherever it stands.
	const escaped = JSON.stringify(value).slice(1, -1).replace(/</g, '\\u003C');
	return quote === "'" ? escaped.replace(/'/g, "\\'") : quote === '`' ? escaped.replace(/[`$]/g, '\\$&') : escaped;
}

/** The quote of the string that `text` (a line of script or style) leaves open, if any; none after a `//` comment of a script. */
function openQuote(text: string, element: RawTextElement): string | undefined {
	const quotes = element === 'script' ? '"\'`' : '"\'';
	let quote: string | undefined;
	for (let at = 0; at < text.length; at++) {
		const char = text.charAt(at);
		if (quote !== undefined) {
			if (char === '\\') at++;
			else if (char === quote) quote = undefined;
		} else if (quotes.includes(char)) quote = char;
		else if (element === 'script' && char === '/' && text.charAt(at + 1) === '/') return undefined;
	}
	return quote;
}
