import { codeSpanMasks, outsideCodeSpans, paragraphCodeSpans, verbatimLines } from './fences.ts';
import { JSX_ATTRIBUTES } from './jsx-attributes.ts';
import { CODE_SHORTCODE_NAMES } from './shortcodes.ts';

// HTML's elements, which old posts may write capitalised (`<Center>`, `<Font>`): no component.
export const HTML_ELEMENTS = new Set(
	(
		'a abbr acronym address area article aside audio b base basefont bdi bdo big blockquote body br button canvas caption center cite code col colgroup data datalist dd del ' +
		'details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd ' +
		'label legend li link main map mark marquee math menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script ' +
		'search section select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr ' +
		// Those of old browsers, which posts of the time wrote in capitals (`<BLINK>`, `<XMP>`).
		'applet bgsound blink image isindex keygen layer ilayer listing menuitem multicol nextid noembed noframes plaintext rb rtc spacer xmp'
	).split(' '),
);
// A component in a Markdown body: `<Counter />`, `<YouTube id="…">` (mdsvex, VuePress, MDX written in a .md file).
// A name with `_` is no tag in Markdown (`<YOUR_TOKEN>`): it is shown as written.
// Its name may end a line, its attributes on the lines below.
const COMPONENT = /<([A-Z][A-Za-z0-9]*)(?=[\s/>]|$)/g;
// A custom element with nothing in it, its attributes over one line or several: `<feature-support
// chrome="75"></feature-support>` (V8's blog), `<x-chart />`: what it shows, a script of the site the post
// comes from draws.
const EMPTY_CUSTOM_ELEMENT = /<([a-z][a-z\d]*-[a-z\d-]*)(?=[\s/>])(?:[^<>"']|"[^"<]{0,2000}"|'[^'<]{0,2000}')*?(?:\/>|>\s*<\/\1\s*>)/g;
// A component's opening tag, its attributes maybe JSX's, over one line or several.
const COMPONENT_TAG = new RegExp(String.raw`<([A-Z][A-Za-z0-9]{0,50})(${JSX_ATTRIBUTES})\s*\/?>`, 'g');
// Its closing tag: `</Note>`, `</RSC>`.
const CLOSING = /<\/([A-Z][A-Za-z0-9]*)\s*>/g;
const SCRIPT_OPEN = /^[ \t]*<script\b[^>]*>/i;
const SCRIPT_CLOSE = /<\/script\s*>/i;
// A module's statements: what mdsvex's and Vue's component scripts hold, and a classic script cannot run.
const MODULE_CODE = /^\s*(?:import\s|export\s)/m;
// An import of a module's names on a line of its own, as MDX reads one (Gatsby and Docusaurus read `.md`
// posts as MDX): `import authors from 'utils/author-data';`, `import { Tabs } from "x"`, `import * as A from 'a'`.
// Each part is unambiguous, so that a line of spaces is read in one pass.
const IMPORT_LINE = /^import[ \t]+(?:\*[ \t]+as[ \t]+[\w$]+|[\w$]+(?:[ \t]*,[ \t]*\{[^}\n]{0,500}\})?|\{[^}\n]{0,500}\})[ \t]+from[ \t]+(["'])[^"'\n]{1,500}\1[ \t]*;?[ \t]*\r?$/;
// An import for its effects only, as MDX reads one: `import './styles.css';`, `import 'prismjs'`. Go's `import
// "fmt"`, which prose about Go may hold, has double quotes and no semicolon: it is left as written.
const SIDE_EFFECT_IMPORT = /^import[ \t]+(?:'[^'\n]{1,500}'[ \t]*;?|"[^"\n]{1,500}"[ \t]*;)[ \t]*\r?$/;

export interface ComponentsResult {
	body: string;
	/**
	 * Scripts left out and components not rendered, with their line (1 = the first of `body`); `wraps` when
	 * the component has a closing tag, so that what it holds is shown without it.
	 */
	unread: { line: number; text: string; reason: string; leftOut?: true; wraps?: true; more?: number[] }[];
}

/**
 * The framework code of a Markdown post written for mdsvex (SvelteKit) or Vue: a `<script>` block of module
 * code (`import Counter from './counter.svelte'`), which a page would run as a classic script and fail on, is
 * left out, its lines left empty; a component (`<Counter />`), which only that framework renders and a browser
 * shows as an empty element, is reported, and so is one that wraps text (`<Note>…</Note>`, a closing tag
 * follows), whose text a browser shows without it. A name in capitals is a component only with its closing
 * tag (react.dev's `<RSC>…</RSC>`): alone, it is a placeholder or a type written in prose (`<VERSION>`,
 * `Array<T>`). Each is reported with its line. Code is left alone.
 */
export function frameworkComponents(body: string): ComponentsResult {
	if (!body.includes('<') && !body.includes('import')) return { body, unread: [] };
	if (!/<[A-Z]|<script\b|<[a-z][a-z\d]*-/.test(body) && !/<script\b/i.test(body) && !/^import\s/m.test(body)) return { body, unread: [] };
	const lines = body.split('\n');
	const code = verbatimLines(lines, /<[A-Z]|<[Ss][Cc][Rr][Ii][Pp][Tt]\b|^import\s|<[a-z][a-z\d]*-/, { html: false });
	for (const index of codeShortcodeLines(lines)) code.add(index);
	const unread: ComponentsResult['unread'] = [];
	// Each component's lines, and the names that a closing tag ends.
	const found = new Map<string, number[]>();
	const closed = new Set<string>();
	// The first line of each empty custom element.
	const customElements = new Map<string, number>();
	// The line of the first `</script>` at or after each line, found in one pass from the end.
	const closes: number[] = new Array(lines.length);
	for (let index = lines.length - 1, next = -1; index >= 0; index--) {
		if (SCRIPT_CLOSE.test(lines[index] as string)) next = index;
		closes[index] = next;
	}
	let inComment = false;
	// The body's first line that is neither blank nor an import or export (MDX's module lines).
	let firstText = 0;
	while (firstText < lines.length && /^(?:\s*$|import[ \t]|export[ \t])/.test(lines[firstText] as string)) firstText++;
	const imports = importParagraphs(lines, code);
	// A code span may run over the lines of its paragraph: a tag in it is an example.
	const carried = paragraphCodeSpans(lines, (index) => code.has(index));
	for (let index = 0; index < lines.length; index++) {
		if (code.has(index)) continue;
		const line = lines[index] as string;
		const end = closes[index] as number;
		// Imports open an MDX module: those among the body's first lines, before its text, and a paragraph of
		// imports only further on (Docusaurus's posts import their tabs where they use them).
		if ((index < firstText && isImport(line)) || imports.has(index)) {
			unread.push({ line: index + 1, text: line.trim(), reason: 'it is an MDX import (Gatsby and Docusaurus read .md posts as MDX), which a Markdown post does not run, and would show as text', leftOut: true });
			lines[index] = '';
			continue;
		}
		// A module script (`type="module"`) may import; another type is no script of the page's.
		if (SCRIPT_OPEN.test(line) && !/\btype\s*=/i.test(line) && end !== -1 && end - index < 500) {
			const script = lines.slice(index, end + 1).join('\n');
			if (MODULE_CODE.test(script.replace(SCRIPT_OPEN, ''))) {
				unread.push({ line: index + 1, text: line.trim(), reason: "it is a component's script (mdsvex's, Vue's), which a page would run as a plain script and fail on", leftOut: true });
				lines.fill('', index, end + 1);
				index = end;
				continue;
			}
		}
		// What an HTML comment holds is shown to no one.
		let visible = '';
		const { head, tail } = carried[index] ?? { head: 0, tail: line.length };
		let rest = ' '.repeat(head) + line.slice(head, Math.max(head, tail)) + ' '.repeat(Math.max(0, line.length - Math.max(head, tail)));
		while (rest !== '') {
			if (inComment) {
				const close = rest.indexOf('-->');
				if (close === -1) rest = '';
				else {
					inComment = false;
					rest = rest.slice(close + 3);
				}
			} else {
				const open = rest.indexOf('<!--');
				if (open === -1) {
					visible += rest;
					rest = '';
				} else {
					visible += rest.slice(0, open);
					inComment = true;
					rest = rest.slice(open + 4);
				}
			}
		}
		outsideCodeSpans(visible, (part) => {
			for (const { 1: name, index: offset } of part.matchAll(COMPONENT)) {
				// An escaped `<` (`\<Bar>`, as callout titles are written: admonitions.ts) is text, no tag.
				if (HTML_ELEMENTS.has((name as string).toLowerCase()) || part[offset - 1] === '\\') continue;
				const at = found.get(name as string) ?? [];
				if (at.at(-1) !== index + 1) at.push(index + 1);
				found.set(name as string, at);
			}
			for (const [, name] of part.includes('</') ? part.matchAll(CLOSING) : []) closed.add(name as string);
			return part;
		});
	}
	for (const [name, [line = 1, ...more]] of found) {
		const wraps = closed.has(name);
		if (!wraps && !/[a-z]/.test(name)) continue;
		const framework = 'it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render';
		const others = more.length > 0 ? { more } : {};
		unread.push(wraps ? { line, text: `<${name}>`, reason: framework, wraps, ...others } : { line, text: `<${name}>`, reason: `${framework}: the page shows an empty element, or the tag as text`, ...others });
	}
	// Over the lines outside code (a code span's backticks before it on its line, an odd number, leave one out).
	const visible = /<[a-z][a-z\d]*-/.test(body) ? lines.map((line, index) => (code.has(index) ? '' : line)).join('\n') : '';
	// Line breaks are counted from the last match on, so that thousands of elements cost one pass.
	let counted = 0;
	let line = 1;
	for (const match of visible.matchAll(EMPTY_CUSTOM_ELEMENT)) {
		for (let at = visible.indexOf('\n', counted); at !== -1 && at < match.index; at = visible.indexOf('\n', at + 1)) line++;
		counted = match.index;
		const before = visible.slice(visible.lastIndexOf('\n', match.index) + 1, match.index);
		if ((before.match(/`/g)?.length ?? 0) % 2 === 1 || customElements.has(match[1] as string)) continue;
		customElements.set(match[1] as string, line);
	}
	for (const [name, line] of customElements) {
		unread.push({ line, text: `<${name}>`, reason: 'it is a custom element, which a script of the site the post comes from draws; with nothing inside it, the page shows nothing there' });
	}
	unread.sort((a, b) => a.line - b.line);
	const read = unread.some((item) => item.leftOut) ? lines.join('\n') : body;
	return { body: /<[A-Z]/.test(read) && /=\s*\{/.test(read) ? withoutScriptedTags(read, code) : read, unread };
}

/**
 * The lines, outside code, of each paragraph of the body that holds only imports in MDX's form (`import Tabs
 * from '@theme/Tabs';` on each of its lines): prose that starts with the word (`import the data first.`),
 * and a paragraph with a line of prose among its imports, are no module code.
 */
function importParagraphs(lines: string[], code: Set<number>): Set<number> {
	const found = new Set<number>();
	const blank = (index: number) => index < 0 || index >= lines.length || (!code.has(index) && (lines[index] as string).trim() === '');
	for (let start = 0; start < lines.length; start++) {
		if (!blank(start - 1) || blank(start)) continue;
		let end = start;
		while (end < lines.length && !code.has(end) && isImport(lines[end] as string)) end++;
		if (end > start && blank(end)) for (let index = start; index < end; index++) found.add(index);
		start = Math.max(start, end - 1);
	}
	return found;
}

function isImport(line: string): boolean {
	return line.startsWith('import') && (IMPORT_LINE.test(line) || SIDE_EFFECT_IMPORT.test(line));
}

// The start of an element whose content HTML reads as text, to its end tag.
const RAW_TEXT_START = /<(script|style|textarea)\b/gi;

/** `text` with what its scripts, styles and text areas hold blanked out, line breaks kept; in one pass. */
function withoutRawText(text: string): string {
	if (!/<(?:script|style|textarea)\b/i.test(text)) return text;
	const lower = text.toLowerCase();
	let out = '';
	let last = 0;
	RAW_TEXT_START.lastIndex = 0;
	for (let start = RAW_TEXT_START.exec(text); start; start = RAW_TEXT_START.exec(text)) {
		const open = text.indexOf('>', start.index);
		if (open === -1) break;
		// Its end tag, or the end of the body, which is where a browser would end it.
		const close = lower.indexOf(`</${(start[1] as string).toLowerCase()}`, open);
		const end = close === -1 ? text.length : close;
		out += text.slice(last, open + 1) + text.slice(open + 1, end).replace(/[^\n]/g, ' ');
		last = end;
		RAW_TEXT_START.lastIndex = Math.max(end, open + 1);
		if (close === -1) break;
	}
	return out + text.slice(last);
}

/**
 * `body` without the opening tags of components that hold an attribute in braces, JSX's (`onClick={() =>
 * go()}`, `items={[1, 2]}`), each line kept: such a value, with a space or a `>` in it, makes the tag text
 * that the page shows, its quotes curled; and one without is an attribute of no meaning to HTML, or a
 * script of its own (`onClick={go}`). What the component holds is kept, as for any component (reported by
 * frameworkComponents).
 */
function withoutScriptedTags(body: string, code: Set<number>): string {
	// What a script, a style or a text area holds is theirs (a React sample's `<App name={x} />` in a
	// `<script type="text/babel">`): blanked out with code, so that no tag is taken from it.
	// A code span may run over the lines of its paragraph.
	const lines = body.split('\n');
	const spans = codeSpanMasks(lines, (index) => code.has(index));
	const masked = lines.map((line, index) => (code.has(index) ? ' '.repeat(line.length) : (spans[index] as string))).join('\n');
	const text = withoutRawText(masked);
	let out = '';
	let last = 0;
	for (const match of text.matchAll(COMPONENT_TAG)) {
		const [tag, name = '', attributes = ''] = match;
		if (HTML_ELEMENTS.has(name.toLowerCase()) || !/=\s*\{/.test(attributes)) continue;
		out += body.slice(last, match.index) + '\n'.repeat(tag.split('\n').length - 1);
		last = match.index + tag.length;
	}
	return last === 0 ? body : out + body.slice(last);
}

// A theme's code shortcode opening a line (Tranquilpeak's `{{< codeblock "apache.conf" >}}`), and any closing tag of one.
const CODE_SHORTCODE_OPENING = /^[ \t>]*\{\{[<%]\s*([A-Za-z][\w-]*)/;
const CODE_SHORTCODE_CLOSING = /\{\{[<%]\s*\/\s*([A-Za-z][\w-]*)\s*[>%]\}\}/;

/**
 * The lines (0 = the first) of `lines` from a theme's code shortcode on a line of its own to its closing
 * tag: the shortcode pass, which runs later, shows them as code, so a `<VirtualHost *:80>` there is no
 * component. One never closed is left to the rest of the post. Each line's next closing tag is found in one
 * pass from the end, so that many left open are read in linear time.
 */
function codeShortcodeLines(lines: readonly string[]): Set<number> {
	const found = new Set<number>();
	if (!lines.some((line) => line.includes('{{'))) return found;
	const closes: { index: number; name: string }[] = new Array(lines.length);
	for (let index = lines.length - 1, next = { index: -1, name: '' }; index >= 0; index--) {
		const name = CODE_SHORTCODE_CLOSING.exec(lines[index] as string)?.[1];
		if (name !== undefined) next = { index, name };
		closes[index] = next;
	}
	for (let index = 0; index < lines.length; index++) {
		const name = CODE_SHORTCODE_OPENING.exec(lines[index] as string)?.[1];
		const close = index + 1 < lines.length ? closes[index + 1] : undefined;
		if (name === undefined || !CODE_SHORTCODE_NAMES.has(name) || close?.name !== name) continue;
		for (let line = index; line <= close.index; line++) found.add(line);
		index = close.index;
	}
	return found;
}
