import { verbatimLines } from './fences.ts';
import { displayMathLines } from './math-delimiters.ts';

// Quote markers before a heading, read at once: `(?=(…))\1` lets the pattern take back none of them, as
// an atomic group would, so that a line quoted 500 deep fails at once instead of in exponential time.
const QUOTES = String.raw`(?=((?: {0,3}>[ \t]?)*))\1`;
// An ATX heading (maybe in quotes) that ends with braces: `## Introduction {#introduction}`.
const HEADING_WITH_BRACES = new RegExp(String.raw`^${QUOTES}( {0,3}#{1,6}[ \t].*?)\{([^{}\n]*)\}([ \t]*(?:#+[ \t]*)?)$`);
const ANY_HEADING_WITH_BRACES = new RegExp(String.raw`^${QUOTES} {0,3}#{1,6}[ \t].*\}[ \t#]*\r?$`, 'm');
// What Goldmark, kramdown and Pandoc read there as attributes: `#id`, `.class` and `key=value`, apart by spaces.
const ATTRIBUTE = /^(?:#[^\s#.]+|\.[^\s#.]+|[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|\S+))$/;

/** An attribute of a heading's list that is left out, and why. */
export interface DroppedAttribute {
	/** Its line, 1 being the first of the body. */
	line: number;
	/** As written: `onclick=alert(1)`, `#carnet-main`. */
	attribute: string;
	reason: string;
}

// A setext heading's text line that ends with braces, the line under it being its underline.
// Not a list item's or a quote's line: a rule under one ends the list or quote, and is no underline.
const SETEXT_WITH_BRACES = /^()( {0,3}(?![-*+][ \t]|\d{1,9}[.)][ \t]|>)\S.*?)\{([^{}\n]*)\}([ \t]*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;
// The tokens of an attribute list, a quoted value whole.
const TOKEN = /[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|[^\s"']+)|\S+/g;

/**
 * Braces that end a heading without being an attribute list (`## Sets {a, b}`) escaped, so that they stay
 * text: Carnet's Markdown reads `## Introduction {#introduction}` as the heading's id and classes, as Hugo's
 * Goldmark does, and would otherwise drop any braces there. The braces may hold an MDX comment instead,
 * which is how react.dev writes a heading's id: it is read as the id. An attribute list loses what would
 * run script or break the page (safeAttributes()), each reported to `dropped`. Code is left alone; every
 * line keeps its number.
 */
export function keepBracesInHeadings(body: string, dropped: (found: DroppedAttribute) => void = () => {}, math = true): string {
	if (!body.includes('}') || (!ANY_HEADING_WITH_BRACES.test(body) && !/\}[ \t]*\r?\n {0,3}(?:=+|-+)[ \t]*\r?$/m.test(body))) return body;
	const lines = body.split('\n');
	// Code in lists and quotes too: what it shows is text.
	const code = verbatimLines(lines, /\}[ \t#]*\r?$/, { html: false, math });
	// And display math, when it is read, where `\end{pmatrix}` above a line `=` is no heading.
	if (math) for (const index of displayMathLines(lines)) code.add(index);
	const ids: HeadingIds = { taken: new Set(), next: new Map() };
	return lines
		.map((line, index) => {
			if (code.has(index)) return line;
			const end = line.endsWith('\r') ? '\r' : '';
			const atx = HEADING_WITH_BRACES.exec(line.replace(/\r$/, ''));
			const setext = atx || code.has(index + 1) || !SETEXT_UNDERLINE.test(lines[index + 1] ?? '') ? undefined : SETEXT_WITH_BRACES.exec(line.replace(/\r$/, ''));
			const heading = atx ?? setext;
			// A Liquid or Hugo tag that ends the heading (`{% post_url … %}`) is the later passes' to expand.
			if (!heading || /^[%<{]|[%>}]$/.test(heading[3] as string)) return line;
			const [, quotes, head, braces, tail] = heading as unknown as [string, string, string, string, string];
			// react.dev's heading ids, written as MDX comments so that MDX reads them: `## Update {/*update*/}`.
			const commented = /^\/\*\s*([\w-]+)\s*\*\/$/.exec(braces);
			const list = commented ? `#${commented[1]}` : braces;
			if (isAttributeList(list)) {
				const safe = safeAttributes(list, ids, (attribute, reason) => dropped({ line: index + 1, attribute, reason }));
				if (safe === braces) return line;
				return `${quotes}${safe ? `${head}{${safe}}` : head.trimEnd()}${tail}${end}`;
			}
			if (/^\/\*[\s\S]*\*\/$/.test(braces)) return `${quotes}${head.trimEnd()}${tail}${end}`;
			return `${quotes}${head}\\{${braces}\\}${tail}${end}`;
		})
		.join('\n');
}

/**
 * An attribute list (`#id .class key=value`) without what a post must not put on a heading: an event handler
 * (`onclick=…`), which would run script on the site from Markdown as a `javascript:` link would; a `style`,
 * which the Content-Security-Policy the README gives blocks; an id of the theme's own (`carnet-…`), which
 * its links and styles would then find on the heading; a second heading's id that `ids` already holds,
 * which is numbered (`dup-1`) as Markdown numbers headings of the same text; and anything that is no
 * attribute as the list writes it (a quote inside a value, `a"/onfocus=…`, which the Markdown processor
 * would read as an attribute of its own), or a value with `<` or `>`, which the processor reads no list with.
 * Each is written back as the processor reads it alike: an id,
 * classes, and `key="value"`; a key that HTML does not know on a heading becomes `data-key`, as Pandoc
 * writes it. `ids` gathers the list's id.
 */
function safeAttributes(braces: string, ids: HeadingIds, drop: (attribute: string, reason: string) => void): string {
	const kept: string[] = [];
	const keepId = (written: string, token: string) => {
		if (/^carnet-/i.test(written)) return drop(token, "ids starting with carnet- are the theme's own, which its links and styles find");
		let id = written;
		if (ids.taken.has(id)) {
			// The number after the last one this id took: thousands of repeats take one pass.
			let count = ids.next.get(written) ?? 1;
			while (ids.taken.has(`${written}-${count}`)) count++;
			id = `${written}-${count}`;
			ids.next.set(written, count + 1);
		}
		ids.taken.add(id);
		kept.push(`#${id}`);
	};
	for (const [token] of braces.matchAll(TOKEN)) {
		if (/^#[^\s"'`<>=#.]+$/.test(token)) keepId(token.slice(1), token);
		else if (/^\.[^\s"'`<>=#.]+$/.test(token)) kept.push(token);
		else {
			const attribute = /^([A-Za-z_][\w.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s"'`<>=]+))$/.exec(token);
			const [, name = '', ...values] = attribute ?? [];
			const value = values.find((found) => found !== undefined) ?? '';
			if (!attribute) drop(token, 'it is no attribute as a list writes one (#id, .class or key=value, a value with quotes in it quoted)');
			else if (/^on/i.test(name)) drop(token, 'an event handler would run script on the site from Markdown, as a javascript: link would');
			else if (/^style$/i.test(name)) drop(token, "an inline style is blocked by the Content-Security-Policy the theme documents, and a post's Markdown should not restyle the page");
			else if (/^data-carnet-/i.test(name)) drop(token, "data-carnet- attributes are the theme's own, which its scripts find");
			// The Markdown processor reads no list with one: it would show the braces as text, and their HTML as the page's.
			else if (/[<>]/.test(value)) drop(token, 'the Markdown processor reads no attribute list whose value has < or > (the braces would be shown, their HTML run as the page\'s); write the value without them');
			else if (/^id$/i.test(name)) {
				if (/^[^\s"'`<>=#.]+$/.test(value)) keepId(value, token);
				else drop(token, 'an id holds no space, quote, # or dot');
			} else if (/^class$/i.test(name)) kept.push(...value.split(/\s+/).filter((word) => /^[^\s"'`<>=#.]+$/.test(word)).map((word) => `.${word}`));
			else {
				const known = HEADING_ATTRIBUTES.has(name.toLowerCase()) || /^(?:data|aria)-/i.test(name);
				// A value with a double quote in it is written in single quotes, which it cannot hold (see the pattern).
				kept.push(`${known ? name.toLowerCase() : `data-${name.toLowerCase()}`}=${value.includes('"') ? `'${value}'` : `"${value}"`}`);
			}
		}
	}
	const safe = kept.join(' ');
	return safe === braces.trim().split(/\s+/).join(' ') ? braces : safe;
}

// The attributes HTML gives a heading that an attribute list may set, besides its id, classes, data- and aria-.
const HEADING_ATTRIBUTES = new Set(['lang', 'dir', 'title', 'translate', 'role']);

/** The ids a body's attribute lists gave, and the number each repeated one tries next. */
interface HeadingIds {
	taken: Set<string>;
	next: Map<string, number>;
}

/** A heading's text without the attribute list that ends it (`Introduction {#intro}` → `Introduction`), as Markdown reads it. */
export function withoutAttributeList(text: string): string {
	// Found from the end, in one pass: a pattern looked for from each place in a run of spaces.
	const end = text.trimEnd();
	const open = end.lastIndexOf('{');
	if (!end.endsWith('}') || open === -1) return text;
	const braces = end.slice(open + 1, -1);
	return /[{}\n]/.test(braces) || !isAttributeList(braces) ? text : text.slice(0, open).trimEnd();
}

function isAttributeList(braces: string): boolean {
	const tokens = braces.match(TOKEN) ?? [];
	return tokens.length > 0 && tokens.every((token) => ATTRIBUTE.test(token));
}

