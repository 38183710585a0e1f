import { prismLanguage } from './code.ts';
import { verbatimLines } from './fences.ts';
import { displayMathLines, outsideFormulas } from './math-delimiters.ts';

// `![alt](src){#id .class width=50% fig-alt="…"}`: Pandoc's and Quarto's attributes after an image (not
// kramdown's `{: …}`, markdown/kramdown-attributes.ts), each an id, a class or a key with its value.
// Attributes are apart by white space, which no value without quotes holds: one way to read each.
const ATTRIBUTE = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}"']+))`;
const ATTRIBUTES = String.raw`\{\s*(${ATTRIBUTE}(?:\s+${ATTRIBUTE})*)\s*\}`;
const IMAGE_WITH_ATTRIBUTES = new RegExp(String.raw`(!\[([^\]\n]*)\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\))${ATTRIBUTES}`, 'g');
// `[a link](https://…){target="_blank"}` and a bracketed span, `[small caps]{.smallcaps}` (Pandoc, Quarto, Nuxt's MDC).
// Lengths are bounded, so that thousands of unclosed `[a](b` are read in one pass.
const LINK_WITH_ATTRIBUTES = new RegExp(String.raw`((?<!!)\[[^\]\n]{0,500}\]\([^()\n]{0,1000}(?:\([^()\n]{0,500}\)[^()\n]{0,500}){0,3}\))${ATTRIBUTES}`, 'g');
// Not an inline component's text (`:badge[New]{color="blue"}`, Nuxt Content's and remark-directive's), which its own pass reports.
const SPAN = new RegExp(String.raw`(?<![!\]\\\w-])\[([^\]\n]{0,500})\]${ATTRIBUTES}`, 'g');
// Emphasis and code spans with attributes: `**bold**{.red}` (Nuxt's MDC), `` `print()`{.python} `` (Pandoc, MDC).
// An underscore inside a word (`a_{i}`) opens no emphasis, as CommonMark reads it.
const EMPHASIS_WITH_ATTRIBUTES = new RegExp(String.raw`((\*{1,3}|(?<![\p{L}\p{N}_\\])_{1,3})[^\s*_][^*_\n]{0,500}?\2)${ATTRIBUTES}`, 'gu');
const ATTRIBUTES_FIRST = new RegExp(String.raw`^${ATTRIBUTES}`);
// rehype-pretty-code's language of inline code, against its end: `` `false{:js}` ``.
const LANGUAGE_SUFFIX = /(?<=\S)\{:([\w-]{1,30})\}$/;
const HINT = /[)\]*_`]\{|\{:[\w-]{1,30}\}`/;

/**
 * Pandoc's and Quarto's attributes after an image, which Markdown shows as text (`{width=50%}` after the
 * picture), are left out; the alt text they give (`fig-alt="…"`) is the image's when it has none. So are
 * those after a link (`{target="_blank"}`), and a bracketed span's (`[text]{.smallcaps}` is its text). Code is
 * left alone; every line keeps its number, a list Pandoc wrapped over lines included. So are those after emphasis and code spans (`**bold**{.red}`,
 * `` `print()`{.python} ``), whose text is kept. With `math` (the site's math on), display math and the
 * formulas a paragraph wraps over lines are left as written (outsideFormulas()), a fence line in a `$$` block the formula's.
 */
export function withoutImageAttributes(input: string, math = true): string {
	if (!input.includes('{') || !HINT.test(input)) return input;
	// Unwrapping keeps every line on its line: the formulas are where they were.
	const formulas = math ? displayMathLines(input.split('\n')) : new Set<number>();
	const body = unwrappedAttributes(input, math, formulas);
	return outsideFormulas(
		body,
		HINT,
		(text) => outsideMath(text, (part) => part.replace(IMAGE_WITH_ATTRIBUTES, imageWithoutAttributes).replace(LINK_WITH_ATTRIBUTES, '$1').replace(SPAN, spanText).replace(EMPHASIS_WITH_ATTRIBUTES, '$1')),
		math,
		codeSpansWithoutAttributes,
	);
}

/**
 * A bracketed span's text. Its brackets part its emphasis from emphasis around it (`[*data.table*]{.nocase}*: …*`,
 * as citeproc writes a title): without them the asterisks would run together (`*data.table**: …*`), and CommonMark
 * would show one of them. There it is an HTML span, which parts them too.
 */
function spanText(span: string, text: string, ...rest: unknown[]): string {
	// After the pattern's groups, the match's offset and the line.
	const offset = rest.at(-2) as number;
	const line = rest.at(-1) as string;
	const before = line[offset - 1];
	const after = line[offset + span.length];
	const runsTogether = (before !== undefined && (before === '*' || before === '_') && text.startsWith(before)) || (after !== undefined && (after === '*' || after === '_') && text.endsWith(after));
	return runsTogether ? `<span>${text}</span>` : text;
}

// An attribute list Pandoc wrapped at its line width (`![x](a.png){width="5in"`, then `height="2in"}` on
// the next line): its opening line, a line of attributes only, and the line that ends it.
const OPEN_ATTRIBUTES = new RegExp(String.raw`[)\]]\{\s*(?:${ATTRIBUTE}\s+)*${ATTRIBUTE}\s*$`);
const MORE_ATTRIBUTES = new RegExp(String.raw`^\s*(?:${ATTRIBUTE}\s+)*${ATTRIBUTE}\s*$`);
const LAST_ATTRIBUTES = new RegExp(String.raw`^\s*((?:${ATTRIBUTE}\s+)*${ATTRIBUTE})\s*\}`);
// Pandoc wraps lines at 72 characters: a list of attributes over more lines than this is none.
const MAX_WRAPPED_LINES = 4;

/**
 * `body` with each attribute list that Pandoc wrapped over lines (outside code and `formulas`) brought back onto the
 * line it opens on, so that it is read as one: the lines it took keep their place, left with what
 * followed the list (nothing, usually: the image was a paragraph of its own).
 */
function unwrappedAttributes(body: string, math: boolean, formulas: ReadonlySet<number>): string {
	if (!body.includes('{') || !/[)\]]\{[^}\n]*\n/.test(body)) return body;
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, /[)\]]\{/, { math });
	for (const index of formulas) verbatim.add(index);
	for (let index = 0; index < lines.length - 1; index++) {
		const line = lines[index] as string;
		if (verbatim.has(index) || !line.includes('{') || !OPEN_ATTRIBUTES.test(line)) continue;
		const taken: string[] = [];
		for (let next = index + 1; next < lines.length && next <= index + MAX_WRAPPED_LINES && !verbatim.has(next); next++) {
			const text = lines[next] as string;
			const last = LAST_ATTRIBUTES.exec(text);
			if (last) {
				lines[index] = `${line.trimEnd()} ${[...taken, last[1] as string].join(' ')}}`;
				for (let moved = index + 1; moved < next; moved++) lines[moved] = '';
				lines[next] = text.slice(last[0].length);
				index = next;
				break;
			}
			if (!MORE_ATTRIBUTES.test(text)) break;
			taken.push(text.trim());
		}
	}
	return lines.join('\n');
}

/**
 * `line` with what follows or ends its code spans left out: attributes after a span (`` `print()`{.python} ``)
 * and rehype-pretty-code's language against its end (`` `false{:js}` ``, a language Prism knows). Spans are
 * paired as CommonMark pairs them, a run of backticks with the next run of as many, in one pass.
 */
function codeSpansWithoutAttributes(line: string): string {
	if (!line.includes('`')) return line;
	const runs = [...line.matchAll(/`+/g)].map((run) => ({ at: run.index, length: run[0].length }));
	// The runs of each length, in order, and how far each list has been read.
	const byLength = new Map<number, number[]>();
	runs.forEach((run, index) => {
		const list = byLength.get(run.length);
		if (list) list.push(index);
		else byLength.set(run.length, [index]);
	});
	const read = new Map<number, number>();
	let out = '';
	let from = 0;
	for (let index = 0; index < runs.length; index++) {
		const open = runs[index] as { at: number; length: number };
		const same = byLength.get(open.length) as number[];
		let next = read.get(open.length) ?? 0;
		while (next < same.length && (same[next] as number) <= index) next++;
		read.set(open.length, next);
		if (next === same.length) continue;
		const closing = same[next] as number;
		const close = runs[closing] as { at: number; length: number };
		const content = line.slice(open.at + open.length, close.at);
		const suffix = LANGUAGE_SUFFIX.exec(content);
		const kept = suffix && prismLanguage(suffix[1]) === (suffix[1] as string).toLowerCase() ? content.slice(0, suffix.index) : content;
		const end = close.at + close.length;
		const attributes = ATTRIBUTES_FIRST.exec(line.slice(end));
		out += `${line.slice(from, open.at + open.length)}${kept}${line.slice(close.at, end)}`;
		from = end + (attributes ? attributes[0].length : 0);
		index = closing;
	}
	return out + line.slice(from);
}

// Math within a line, whose braces and brackets are TeX's (`\sqrt[3]{.125}`, `a_{i}`): `$$…$$`, `$…$` as
// Pandoc reads it (a non-space after the opening sign and before the closing one, no digit after it), `\(…\)` and `\[…\]`.
// `\(` and `\[` spans hold no other opener, so that each attempt ends at the next: thousands of `\(a` are read in one pass.
const INLINE_MATH = /(\$\$[^$\n]{0,2000}?\$\$|\$(?=[^\s$])[^$\n]{0,2000}?(?<=[^\s$\\])\$(?!\d)|\\\((?:[^\\\n]|\\(?![(\[]))*?\\\)|\\\[(?:[^\\\n]|\\(?![(\[]))*?\\\])/;

/** `text` with `change` applied to its parts outside math. */
function outsideMath(text: string, change: (part: string) => string): string {
	if (!text.includes('$') && !text.includes('\\')) return change(text);
	return text
		.split(INLINE_MATH)
		.map((part, index) => (index % 2 === 1 ? part : change(part)))
		.join('');
}

function imageWithoutAttributes(_whole: string, image: string, alt: string, attributes: string): string {
	const given = /(?:^|\s)(?:fig-alt|alt)=(?:"([^"\n]*)"|'([^'\n]*)'|(\S+))/.exec(attributes);
	const text = given?.[1] ?? given?.[2] ?? given?.[3];
	return alt.trim() === '' && text ? image.replace(/^!\[[^\]\n]*\]/, `![${text.replace(/[[\]\\]/g, '\\$&')}]`) : image;
}
