import type { RawTextPlace } from './raw-text-reader.ts';

// What ends a raw-text element, or makes the HTML parser read past its end tag (`<!--` then `<script`), or ends
// the Markdown HTML block around it.
const ENDS_ELEMENT = /<\/(?:script|style|pre|textarea)|<!--|<script/gi;
const BESIDE = 16;

/**
 * `value` as it reads at `place` in a script's or a style's text, `after` the text that follows it there: in a
 * quoted string, escaped as the language escapes it, so that it stays one string whose value is `value`
 * (`"Tom \"T\""`, valid JSON too); elsewhere as written, as Jekyll writes it. Either way, no `</` or `<!--`
 * that would end the element, or make the HTML parser read past its end, is left, in the value or where it
 * meets the text around it: browsers decode no `&amp;` there, so HTML's escapes would show as written. Refused,
 * with the reason, where that cannot be done or Carnet cannot tell whether the value stands in a string.
 */
export function asRawTextWrites(value: string, place: RawTextPlace, after: string): { written: string } | { refused: string } {
	const tag = `<${place.element}>`;
	if (place.unsure !== undefined) {
		return { refused: `Carnet cannot tell whether it stands in a string of its ${tag} (${place.unsure}), so as to escape its value, ${JSON.stringify(value)}; write the value in the code itself` };
	}
	const written = escapeAt(value, place);
	const formed = formedWith(place.before, written, after.slice(0, BESIDE));
	if (formed === undefined) return { written };
	return {
		refused: `its value in the front matter, ${JSON.stringify(value)}, would write ${JSON.stringify(formed)} in its ${tag} with the text around it, which ends the element or hides its end from the browser; write the value in the code itself`,
	};
}

function escapeAt(value: string, { element, quote }: RawTextPlace): string {
	if (quote === undefined) return value.replace(/<(?=\/|!--)/g, '<\\');
	// CSS escapes a character by its code point, a space ending the escape.
	if (element === 'style') return value.replace(/[\\"'<\u0000-\u001f\u007f]/g, (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `);
	// JSON's escapes are JavaScript's; `<` is escaped wherever it stands, and `/`, so that no `</` forms with a `<` before it.
	const escaped = JSON.stringify(value).slice(1, -1).replace(/</g, '\\u003C').replace(/\//g, '\\/');
	// In a template literal, `{` too, so that no `${` forms with a `$` before it.
	return quote === "'" ? escaped.replace(/'/g, "\\'") : quote === '`' ? escaped.replace(/[`${]/g, '\\$&') : escaped;
}

/** What ends an element (ENDS_ELEMENT) that `written` forms, itself or with the text `before` and `after` it; undefined if none. */
function formedWith(before: string, written: string, after: string): string | undefined {
	const text = `${before}${written}${after}`;
	const end = before.length + written.length;
	// Each starts with its one `<`, so no two overlap: one that reaches into the value is one the value formed.
	for (const match of text.matchAll(ENDS_ELEMENT)) {
		if (match.index < end && match.index + match[0].length > before.length) return match[0];
	}
	return undefined;
}
