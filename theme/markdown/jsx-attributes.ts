import { codeSpanMasks, verbatimLines } from './fences.ts';

// The attributes of an opening tag, which may be written as JSX: `style={{ width: "100%" }}`,
// `className="x"`, `src={require('./a.png').default}`, over several lines too. Each part is bounded, and
// the alternatives inside a value start with different characters, so a failed match backtracks linearly.
export const JSX_ATTRIBUTES = String.raw`(?:\s+[^\s"'=<>/{}]{1,100}(?:\s*=\s*(?:"[^"]{0,5000}"|'[^']{0,5000}'|\{(?:[^{}]|\{[^{}]{0,5000}\}){0,5000}\}|[^\s"'=<>\`{}]{1,5000}))?){0,100}`;
// An HTML element's opening tag with those attributes.
const TAG = new RegExp(String.raw`<([a-z][a-z0-9-]{0,30})(${JSX_ATTRIBUTES})\s*(\/?)>`, 'g');
const ATTRIBUTE = /(\s+)([^\s"'=<>/{}]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}|[^\s"'=<>`{}]+))?/y;
// One entry of a style object: `paddingBottom: "56%"`, `'--gap': 8`, `zIndex: 2`, and what separates it from the next.
const ENTRY = /(\s*)(?:([A-Za-z_$][\w$]*)|"([^"\\\n]*)"|'([^'\\\n]*)')\s*:\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|(-?(?:\d+(?:\.\d*)?|\.\d+)))(\s*)(,?)/y;
// What Docusaurus posts write for a file beside them: `require('./img.png').default`, `useBaseUrl('/img/a.png')`.
const FILE_CALL = /^\{\s*(?:require\(\s*(?:"([^"\n]+)"|'([^'\n]+)')\s*\)(?:\.default)?|useBaseUrl\(\s*(?:"([^"\n]+)"|'([^'\n]+)')\s*\))\s*\}$/;
const LITERAL = /^\{\s*(?:"((?:[^"\\\n]|\\.){0,5000})"|'((?:[^'\\\n]|\\.){0,5000})'|`([^`\\$\n]*)`|(-?\d+(?:\.\d+)?))\s*\}$/;
// React's names for the attributes HTML spells otherwise.
const RENAMED: Readonly<Record<string, string>> = { className: 'class', htmlFor: 'for' };

// The properties to which React adds no `px` (its isUnitlessNumber), by their unprefixed names.
const UNITLESS = new Set(
	(
		'animationIterationCount aspectRatio borderImageOutset borderImageSlice borderImageWidth boxFlex boxFlexGroup boxOrdinalGroup columnCount columns flex ' +
		'flexGrow flexPositive flexShrink flexNegative flexOrder gridArea gridRow gridRowEnd gridRowSpan gridRowStart gridColumn gridColumnEnd gridColumnSpan ' +
		'gridColumnStart fontWeight lineClamp lineHeight opacity order orphans scale tabSize widows zIndex zoom fillOpacity floodOpacity stopOpacity ' +
		'strokeDasharray strokeDashoffset strokeMiterlimit strokeOpacity strokeWidth'
	).split(' '),
);

export interface JsxAttributesResult {
	body: string;
	/** The attributes left out, with their line (1 = the first of `body`), and what to write instead. */
	unread: { line: number; text: string; reason: string; leftOut?: true }[];
}

/**
 * JSX attributes of HTML elements in a Markdown post, as Docusaurus writes them (it compiles `.md` as MDX):
 * a `style={{ paddingBottom: "56%", zIndex: 2 }}` whose values are strings and numbers becomes the CSS it
 * means (`style="padding-bottom: 56%; z-index: 2"`, numbers in `px` as React gives them, but for the
 * properties React leaves unitless), `className` is `class` and `htmlFor` `for`, a value in braces that is a
 * string or a number is that value, and `require('./a.png').default` or `useBaseUrl('/img/a.png')` the path
 * it names. Another value in braces, which a browser would split into attributes of no meaning, is left out
 * and reported with its line. Each line stays on its line; code is left alone, and so is a template's
 * `{{ site.url }}` or `{% post_url … %}`.
 */
export function readJsxAttributes(body: string): JsxAttributesResult {
	// Each needs an equals sign, which most prose has none of: one search first.
	if (!body.includes('=') || (!body.includes('={') && !body.includes('= {') && !body.includes('className=') && !body.includes('htmlFor='))) return { body, unread: [] };
	const lines = body.split('\n');
	const code = verbatimLines(lines, /<[a-z]/, { html: false });
	// A code span may run over the lines of its paragraph.
	const spans = codeSpanMasks(lines, (index) => code.has(index));
	const masked = lines.map((line, index) => (code.has(index) ? ' '.repeat(line.length) : (spans[index] as string))).join('\n');
	const unread: JsxAttributesResult['unread'] = [];
	let out = '';
	let last = 0;
	let line = 1;
	let counted = 0;
	for (const match of masked.matchAll(TAG)) {
		const [, name = '', attributes = ''] = match;
		if (!/\{|\bclassName=|\bhtmlFor=/.test(attributes)) continue;
		for (; counted < match.index; counted++) if (masked.charCodeAt(counted) === 10) line++;
		const start = match.index + 1 + name.length;
		const written = body.slice(start, start + attributes.length);
		const read = readAttributes(written, name, line, unread);
		if (read === written) continue;
		out += body.slice(last, start) + read;
		last = start + attributes.length;
	}
	return last === 0 ? { body, unread } : { body: out + body.slice(last), unread };
}

/** The attributes of a `<tag>` as HTML reads them, what cannot be read reported in `unread`. */
function readAttributes(written: string, tag: string, line: number, unread: JsxAttributesResult['unread']): string {
	let read = '';
	let end = 0;
	ATTRIBUTE.lastIndex = 0;
	for (let match = ATTRIBUTE.exec(written); match; match = ATTRIBUTE.exec(written)) {
		end = ATTRIBUTE.lastIndex;
		const [whole, space = '', name = '', equals = '', value] = match;
		const html = RENAMED[name] ?? name;
		if (value === undefined || !value.startsWith('{')) {
			read += html === name ? whole : `${space}${html}${equals}${value ?? ''}`;
			continue;
		}
		// A template's `{{ site.url }}` or `{% post_url x %}` (Liquid, Hugo) is read by the shortcodes' pass.
		if (value.startsWith('{%') || (value.startsWith('{{') && !/^\{\{\s*(?:[A-Za-z_$][\w$]*|"[^"]*"|'[^']*')\s*:/.test(value))) {
			read += whole;
			continue;
		}
		const text = `${name}=${value.length > 80 ? `${value.slice(0, 80)}…` : value}`;
		const where = (at: number) => line + (written.slice(0, at).match(/\n/g)?.length ?? 0);
		const index = match.index + space.length;
		const css = name === 'style' && value.startsWith('{{') && value.endsWith('}}') ? styleAsCss(value.slice(2, -2)) : undefined;
		if (css !== undefined) {
			read += `${space}style${equals}"${css}"`;
			continue;
		}
		const literal = LITERAL.exec(value) ?? FILE_CALL.exec(value);
		if (literal) {
			const found = (literal.slice(1).find((group) => group !== undefined) ?? '').replace(/\\(.)/g, '$1');
			read += `${space}${html}${equals}"${attributeText(found)}${'\n'.repeat(value.match(/\n/g)?.length ?? 0)}"`;
			continue;
		}
		if (/^\{\s*true\s*\}$/.test(value)) {
			read += `${space}${html}`;
			continue;
		}
		unread.push({
			line: where(index),
			text: `<${tag} ${text}>`,
			reason:
				name === 'style'
					? 'a Markdown post is HTML, which runs no JavaScript: Carnet reads a style object of strings and numbers only. Write the CSS itself: style="width: 100%; padding-bottom: 56%"'
					: /^on[A-Z]/.test(name)
						? 'a Markdown post is HTML, which runs no JavaScript. Remove it, or rename the post .mdx to keep it'
						: `a Markdown post is HTML, which runs no JavaScript. Write the value itself: ${html}="…"`,
			leftOut: true,
		});
		// Over lines of its own, it leaves them as a data attribute, which does nothing: empty, they would be
		// blank lines, which end an HTML block, and fewer lines would move the lines below.
		if (/\n/.test(whole)) read += `${space}data-left-out="${attributeText(`${name}${equals}${value}`)}"`;
	}
	return read + written.slice(end);
}

/** The CSS a JSX style object of strings and numbers means, each line on its line; undefined for another object. */
function styleAsCss(object: string): string | undefined {
	const declarations: string[] = [];
	ENTRY.lastIndex = 0;
	let end = 0;
	for (let entry = ENTRY.exec(object); entry; entry = ENTRY.exec(object)) {
		const [, before = '', identifier, double, single, doubleValue, singleValue, number, after = ''] = entry;
		const key = identifier ?? double ?? single ?? '';
		const property = identifier === undefined ? key : cssName(key);
		const value = doubleValue ?? singleValue ?? cssNumber(key, number ?? '0');
		declarations.push(`${before}${property}: ${attributeText(value)}${entry[9] ? ';' : ''}${after}`);
		end = ENTRY.lastIndex;
		if (!entry[9]) break;
	}
	if (object.slice(end).trim() !== '' || declarations.length === 0) return undefined;
	return `${declarations.join('')}${object.slice(end)}`.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** `paddingBottom` as CSS names it, `padding-bottom`; `WebkitTransition` is `-webkit-transition`, `msTransform` `-ms-transform`. */
function cssName(key: string): string {
	return key.replace(/^ms(?=[A-Z])/, 'Ms').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** A number as React writes it in CSS: in `px`, but for zero, custom properties and unitless properties. */
function cssNumber(key: string, number: string): string {
	const unprefixed = key.replace(/^(?:Webkit|Moz|ms|O)(?=[A-Z])/, '').replace(/^[A-Z]/, (letter) => letter.toLowerCase());
	return Number(number) === 0 || key.startsWith('--') || UNITLESS.has(unprefixed) ? number : `${number}px`;
}

function attributeText(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
