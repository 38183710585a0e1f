import { HTML_ELEMENTS } from './components.ts';
import { fenceAfter, fencedLines, outsideCodeSpans, parsedInTime, verbatimLines, walk } from './fences.ts';
import { readAttributes } from './html-attributes.ts';
import { escapeMarkdown } from './shortcodes.ts';
import { escapeXml } from '../utils/xml.ts';

/**
 * Admonitions as Docusaurus, Fuwari, Starlight, VitePress and VuePress write them (`:::tip Title`,
 * `::: tip Title` or `:::note[Title]`, up to a `:::` line), turned into the GitHub callouts Carnet shows (`> [!TIP] Title`)
 * before the Markdown processor sees the body. VitePress's and VuePress's `::: details Title` becomes a
 * folded note (`> [!NOTE]- Title`), their code groups the code blocks they hold, one after the other, and
 * VuePress's `::: v-pre`, `::: center` and `::: right` the lines they hold, in the column's alignment. Each
 * line stays on its line. Fenced code is left alone, and so is an
 * opening line that no closing line matches.
 */

/** The admonitions read, and the callout each becomes. */
const KINDS: Readonly<Record<string, string>> = {
	note: 'NOTE',
	info: 'NOTE',
	tip: 'TIP',
	important: 'IMPORTANT',
	warning: 'WARNING',
	caution: 'CAUTION',
	danger: 'CAUTION',
	details: 'NOTE',
};

// The colons and name that open an admonition; what follows them is read by `readDirective()`.
const OPENING_NAME = /^(:{3,})[ \t]*([A-Za-z][\w-]*)/;
const CLOSING = /^(:{3,})[ \t]*\r?$/;
// Pandoc's and Quarto's fenced divs of callouts: `::: {.callout-note title="Exercise"}`.
const PANDOC_OPENING = /^(:{3,})[ \t]*\{\.callout-(note|tip|important|warning|caution)\b([^}\n]*)\}[ \t]*\r?$/;
// Pandoc's other fenced divs, as citeproc writes a bibliography: `::: {#refs .references .csl-bib-body}`.
const PANDOC_DIV = /^(:{3,})[ \t]*\{([^}\n]*)\}[ \t]*\r?$/;
// MyST's: `:::{note}`, its title after the braces. Read to the line's end and trimmed after.
const MYST_OPENING = /^(:{3,})\{([A-Za-z]+)\}(.*)$/;
// vuepress-theme-hope's tabs, `::: tabs#fruit` and `::: code-tabs#shell`, whose id after the # ties groups together.
const TABS_OPENING = /^(:{3,})[ \t]*((?:code-)?tabs)[ \t]*#[^\n]*$/i;
// Their tab's marker, `@tab pnpm`, `@tab:active npm`, `@tab Apple#apple` (its id after the last unescaped #), as @mdit/plugin-tab reads it.
const TAB_MARKER = /^([ \t]*)@tab(?::active)?(?=[ \t#]|\r?$)(.*?)(?:(?<!\\)#[^#]*)?\r?$/;
// vitepress-plugin-tabs' marker in its `:::tabs`: `== pnpm`.
const EQUALS_TAB_MARKER = /^([ \t]*)==[ \t]+(\S.*?)[ \t]*\r?$/;

/**
 * The colons, kind and title of an admonition's opening line, Docusaurus's, VitePress's or Quarto's; a
 * Pandoc div that is no callout has no name, and its id if it has one.
 */
function readOpening(line: string): { colons: number; name: string; title: string; id?: string } | undefined {
	const pandoc = PANDOC_OPENING.exec(line);
	if (pandoc) {
		const title = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(pandoc[3] as string);
		return { colons: (pandoc[1] as string).length, name: pandoc[2] as string, title: htmlAsText((title?.[1] ?? title?.[2] ?? '').trim()) };
	}
	// MyST's admonitions (`:::{note}`, `:::{warning} A title`), as Jupyter Book and Sphinx posts write them.
	const myst = MYST_OPENING.exec(line);
	if (myst && KINDS[(myst[2] as string).toLowerCase()] !== undefined) {
		return { colons: (myst[1] as string).length, name: myst[2] as string, title: htmlAsText((myst[3] as string).trim()) };
	}
	const tabs = TABS_OPENING.exec(line);
	if (tabs) return { colons: (tabs[1] as string).length, name: tabs[2] as string, title: '' };
	const div = PANDOC_DIV.exec(line);
	if (div) {
		// Whole, as Pandoc keeps it (`#a&b`): it is escaped where it is written.
		const id = /(?:^|\s)#([^\s}]+)/.exec(div[2] as string)?.[1];
		return { colons: (div[1] as string).length, name: '', title: '', ...(id === undefined ? {} : { id }) };
	}
	const opening = readDirective(line);
	if (!opening) return undefined;
	const { colons, name, bracketTitle, spacedTitle, braces } = opening;
	const braced = braces === undefined ? undefined : /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/.exec(braces);
	const title = (bracketTitle ?? withoutIconFlag(spacedTitle) ?? htmlAsText(braced?.[1] ?? braced?.[2] ?? braced?.[3] ?? '')).trim();
	const kind = platformKind(name, title);
	return kind === undefined ? { colons: colons.length, name, title } : { colons: colons.length, name: kind, title: '' };
}

/**
 * An admonition's opening line in its parts: its colons and name, then a title in brackets (`:::note[Title]`,
 * whose brackets may hold balanced brackets, as remark-directive reads a label) or after a space (`::: tip Title`),
 * then attributes in braces, Dumi's and Rspress's title among them (`:::info{title=提示}`, `:::tip{title="Order"}`),
 * whose quoted values may hold a `}` (`{password="a}b"}`). Read in one pass over the line, as a regular
 * expression would have to backtrack to read brackets inside brackets. Undefined for any other line.
 */
function readDirective(line: string): { colons: string; name: string; bracketTitle?: string; spacedTitle?: string; braces?: string } | undefined {
	const head = OPENING_NAME.exec(line);
	if (!head) return undefined;
	const text = line.endsWith('\r') ? line.slice(0, -1) : line;
	const [, colons = '', name = ''] = head;
	let at = head[0].length;
	const rest = () => text.slice(at).trim() === '';
	if (text[at] === ' ' || text[at] === '\t') {
		const spaced = text.slice(at).trim();
		if (spaced === '') return { colons, name };
		// Attributes alone after the space (`::: tip {title="Order"}`), read as they are after the name.
		const start = text.indexOf('{', at);
		if (start !== -1 && text.slice(at, start).trim() === '') {
			const end = attributesEnd(text, start);
			if (end !== -1 && text.slice(end + 1).trim() === '') return { colons, name, spacedTitle: '', braces: text.slice(start + 1, end) };
		}
		// A title then braces at the line's end, the last ones holding no `}`.
		if (spaced.endsWith('}')) {
			const last = text.lastIndexOf('}');
			const open = text.indexOf('{', text.lastIndexOf('}', last - 1) + 1);
			if (open > at && open < last) return { colons, name, spacedTitle: text.slice(at, open).trim(), braces: text.slice(open + 1, last) };
		}
		return { colons, name, spacedTitle: spaced };
	}
	let bracketTitle: string | undefined;
	if (text[at] === '[') {
		const end = labelEnd(text, at);
		if (end === -1) return undefined;
		bracketTitle = text.slice(at + 1, end);
		at = end + 1;
	}
	while (text[at] === ' ' || text[at] === '\t') at++;
	if (text[at] !== '{') return rest() ? { colons, name, ...(bracketTitle === undefined ? {} : { bracketTitle }) } : undefined;
	const end = attributesEnd(text, at);
	if (end === -1) return undefined;
	const braces = text.slice(at + 1, end);
	at = end + 1;
	return rest() ? { colons, name, ...(bracketTitle === undefined ? {} : { bracketTitle }), braces } : undefined;
}

/** The index of the `]` that closes the label opened at `start`, past balanced brackets and escaped characters, or -1. */
function labelEnd(text: string, start: number): number {
	let depth = 0;
	for (let at = start; at < text.length; at++) {
		const char = text[at];
		if (char === '\\') at++;
		else if (char === '[') depth++;
		else if (char === ']' && --depth === 0) return at;
	}
	return -1;
}

/**
 * The index of the `}` that closes the attributes opened at `start`, past values in quotes (`password="a}b"`),
 * or -1. A quote opens a value only after `=`, as in remark-directive: `{title=Don't}` is a value of its own.
 */
function attributesEnd(text: string, start: number): number {
	let equals = false;
	for (let at = start + 1; at < text.length; at++) {
		const char = text[at] as string;
		if (char === '}') return at;
		if ((char === '"' || char === "'") && equals) {
			at = text.indexOf(char, at + 1);
			if (at === -1) return -1;
		}
		if (char !== ' ' && char !== '\t') equals = char === '=';
	}
	return -1;
}

/**
 * A title written after the kind without Hexo Shoka's and astro-koharu's `no-icon` (`:::info no-icon`), a
 * flag that hides the box's icon, not its title: the callout then has its kind's title.
 */
function withoutIconFlag(title: string | undefined): string | undefined {
	if (title === undefined) return undefined;
	const [first = '', ...rest] = title.split(' ');
	return first.toLowerCase() === 'no-icon' ? rest.join(' ') : title;
}

/**
 * Qiita's notes (`:::note info`, `:::note warn`, `:::note alert`) and Zenn's messages (`:::message`,
 * `:::message alert`), whose word after the name is the note's kind, not a title: the admonition it is
 * (Qiita's warn a warning, their alert a caution), or undefined for any other opening.
 */
function platformKind(name: string, title: string): string | undefined {
	const lower = name.toLowerCase();
	if (lower === 'note') return QIITA_NOTES.get(title);
	if (lower === 'message') return title === '' ? 'note' : title === 'alert' ? 'caution' : undefined;
	return undefined;
}

const QIITA_NOTES: ReadonlyMap<string, string> = new Map([
	['info', 'info'],
	['warn', 'warning'],
	['alert', 'caution'],
]);

/**
 * A title given as an attribute's or a shortcode parameter's value (`title="Using <img>"`), with its tags
 * shown as text: its engine passes it as a string (Rspress's prop, Go's html/template, Goldmark without
 * `unsafe`), where Markdown would run them as the page's HTML. Its Markdown stays.
 */
function htmlAsText(title: string): string {
	if (!title.includes('<')) return title;
	// Not a `<` the author escaped already (`\\<img>`), nor one in a code span (`` `<picture>` ``), which shows as written.
	return title.replace(/(`+)[\s\S]*?\1|\\[\s\S]|</g, (part) => (part === '<' ? '\\<' : part));
}

export interface AdmonitionResult {
	body: string;
	/** Admonitions of a kind Carnet does not read, left as written, with their line (1 = the body's first). */
	unknown: { line: number; text: string; reason: string; advice?: string }[];
}

/**
 * With `titlesAsText` (a Zenn post), a title is shown as written, Markdown and tags alike: Zenn escapes the
 * text of a `:::details` summary.
 */
export function admonitionsAsCallouts(body: string, detailsTitle = '', options: { titlesAsText?: boolean } = {}): AdmonitionResult {
	if (!body.includes(':::')) return { body, unknown: [] };
	const lines = body.split('\n');
	const pairs = matchedPairs(lines);
	if (pairs.size === 0) return { body, unknown: [] };
	const unknown: AdmonitionResult['unknown'] = [];
	const closings = new Set<number>();
	// The closing lines of code groups and of Pandoc's plain divs, whose lines go.
	const groups = new Set<number>();
	const tabTitles = tabMarkers(lines, pairs);
	let depth = 0;
	const out = lines.map((line, index) => {
		const quote = '> '.repeat(depth);
		const tab = tabTitles.get(index);
		if (tab !== undefined) return `${quote}${tab}`.trimEnd();
		const closing = pairs.get(index);
		if (closing !== undefined) {
			const { name = '', title = '', id } = readOpening(line) ?? {};
			// A Pandoc div that is no callout (a bibliography, an entry of it) is its content: its fences go. Its id
			// stays as an anchor, as the post's citations link to it (`[@x](#ref-x)`), and joins the paragraph that follows.
			if (name === '') {
				groups.add(closing);
				return id === undefined ? quote.trimEnd() : `${quote}<span id="${escapeXml(id)}"></span>`;
			}
			// VitePress's `::: code-group` and VuePress's `:::: code-group` / `::: code-group-item pnpm` show their
			// code blocks as tabs: here one after the other, each under its title (a fence's `[pnpm]`, or the item's).
			// vuepress-theme-hope's `::: tabs` and `::: code-tabs` (their tabs' titles are read by tabMarkers()), and
			// vuepress-plugin-tabs' `:::: tabs` of `::: tab Title`, whose words after `tabs` are its options.
			if (/^code-group(?:-item)?$|^(?:code-)?tabs$|^tab$/i.test(name)) {
				groups.add(closing);
				return title && !/tabs$/i.test(name) ? `${quote}**${escapeMarkdown(title)}**`.trimEnd() : quote.trimEnd();
			}
			// VuePress's `::: v-pre` keeps Vue from reading `{{ }}` in its content, which Carnet never reads, and
			// vuepress-theme-hope's `::: center`, `::: right` (and `left`, `justify`) align a few lines: their content stays, as a post's text.
			if (!title && /^(?:v-pre|center|right|left|justify)$/i.test(name)) {
				groups.add(closing);
				return quote.trimEnd();
			}
			const kind = KINDS[name.toLowerCase()];
			if (!kind) {
				unknown.push({
					line: index + 1,
					text: line.trim(),
					reason: `Carnet reads the admonitions ${Object.keys(KINDS).join(', ')}, not ${name}`,
					// Tabs of another kind are no callout: pages show tabs one after the other.
					...(/tab/i.test(name) ? { advice: "Write each tab's title in bold (**Title**), then its content, one tab after the other." } : {}),
				});
				return `${quote}${line}`.trimEnd();
			}
			closings.add(closing);
			depth++;
			// A details block without a title is titled as VitePress titles it ("Details", in the site's language).
			const details = name.toLowerCase() === 'details';
			const shown = (options.titlesAsText ? escapeMarkdown(title) : title) || (details ? escapeMarkdown(detailsTitle) : '');
			return `${quote}> [!${kind}]${details ? '-' : ''}${shown ? ` ${shown}` : ''}`;
		}
		if (closings.has(index)) {
			depth--;
			return '> '.repeat(depth + 1).trimEnd();
		}
		if (groups.has(index)) return quote.trimEnd();
		return quote === '' ? line : `${quote}${line}`.trimEnd();
	});
	separateAdjacentQuotes(out, closings);
	return { body: out.join('\n'), unknown };
}

/**
 * The lines of vuepress-theme-hope's tab markers (`@tab pnpm`, `@tab:active npm`) and vitepress-plugin-tabs' (`== pnpm`)
 * inside tabs, each as its tab's title in bold, indented as the marker is; a marker with no title is a blank line.
 * Its id (`@tab Apple#apple`, which ties tabs of one id together) is left out, and `\#` is a # of the title. Code is
 * left alone.
 */
function tabMarkers(lines: readonly string[], pairs: ReadonlyMap<number, number>): Map<number, string> {
	const titles = new Map<number, string>();
	if (!lines.some((line) => line.includes('@tab') || line.includes('=='))) return titles;
	// How many tabs blocks each line is in, counted as a running sum of their openings and closings.
	const change = new Array<number>(lines.length + 1).fill(0);
	for (const [open, close] of pairs) {
		if (!/^(?:code-)?tabs$/i.test(readOpening(lines[open] as string)?.name ?? '')) continue;
		change[open + 1] = (change[open + 1] as number) + 1;
		change[close] = (change[close] as number) - 1;
	}
	const fenced = fencedLines(lines);
	let inside = 0;
	for (const [index, line] of lines.entries()) {
		inside += change[index] as number;
		const marker = inside > 0 && !fenced[index] ? (TAB_MARKER.exec(line) ?? EQUALS_TAB_MARKER.exec(line)) : null;
		if (!marker) continue;
		const title = (marker[2] as string).trim().replace(/\\#/g, '#');
		titles.set(index, title === '' ? '' : `${marker[1]}**${escapeMarkdown(title)}**`);
	}
	return titles;
}

/**
 * `body` with each tag in a callout's title (`> [!NOTE] Generic <T>`, and the titles the passes above wrote
 * from `::: details Title`) whose name no HTML element has (`<T>`, `<Foo>`) escaped, so that it shows as
 * written where a browser would take it for an element of no meaning and hide it and the title's rest in it.
 * HTML elements (`<code>`, `<em>`) and custom elements (`<x-icon>`) stay the author's HTML.
 */
export function unknownTagsInCalloutTitlesAsText(body: string): string {
	if (!body.includes('[!')) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	return lines
		.map((line, index) => {
			const marker = fenced[index] || !line.includes('<') ? null : CALLOUT_LINE.exec(line);
			if (!marker) return line;
			const title = outsideCodeSpans(line.slice(marker[0].length), (text) =>
				text.replace(TAG_OR_ESCAPED, (part, name: string | undefined) => (name !== undefined && !name.includes('-') && !HTML_ELEMENTS.has(name.toLowerCase()) ? `\\${part}` : part)),
			);
			return marker[0] + title;
		})
		.join('\n');
}

// A callout's marker line up to its title: quote markers, then `[!NOTE]`, `[!NOTE]-`, `[!TIP]~`.
const CALLOUT_LINE = /^[ \t]*(?:>[ \t]*)+\[![A-Za-z][\w-]{0,40}\][+-]?~?/;
// A character escaped already (`\<T>`), or a tag's opening (`<T`, `</T`) with its name.
const TAG_OR_ESCAPED = /\\[\s\S]|<\/?([A-Za-z][A-Za-z\d-]*)(?=[\s/>]|$)/g;

/**
 * Admonitions in an MDX body made callouts, as admonitionsAsCallouts() makes them in Markdown, each line on its
 * line: @astrojs/mdx reads `:::note` as a paragraph, where Docusaurus and Starlight, whose posts are mostly
 * MDX, read an admonition. A line inside a JavaScript expression (`{` … `}` over lines: a template string, a
 * component's props) is code, not prose: it is neither an admonition's opening nor its closing, and it keeps
 * its text, its quote's mark put before it.
 */
export function mdxAdmonitionsAsCallouts(body: string, detailsTitle = ''): AdmonitionResult {
	if (!body.includes(':::')) return { body, unknown: [] };
	const lines = body.split('\n');
	const { inside: expression, unclosed } = mdxExpressionLines(lines);
	if (expression.size === 0) return admonitionsAsCallouts(body, detailsTitle);
	// An admonition around an attribute's expression over several lines (`<div data-x={JSON.stringify({` … `})}>`)
	// stays as written: a callout's `>` before each of its lines is read inside the expression, which stops MDX's
	// parser. Other expressions over lines (a comment, `{/*` … `*/}`, or a child's value) take the `>` as MDX reads it.
	const before: number[] = [0];
	for (let index = 0; index < lines.length; index++) before.push((before[index] as number) + (expression.has(index) && !expression.has(index - 1) && OPENS_IN_TAG.test((lines[index - 1] ?? '').slice(-1000)) ? 1 : 0));
	const kept = new Set(expression);
	const unknown: AdmonitionResult['unknown'] = [];
	for (const [open, close] of matchedPairs(lines.map((line, index) => (expression.has(index) ? '' : line)))) {
		if ((before[close] as number) - (before[open + 1] as number) === 0) continue;
		kept.add(open);
		kept.add(close);
		unknown.push({
			line: open + 1,
			text: (lines[open] as string).trim(),
			reason: 'it holds a JSX attribute whose expression runs over several lines, which MDX cannot read inside the quote a callout is made of',
			advice: 'Write the expression on one line, or leave the admonition as it is.',
		});
	}
	// Past an expression the scan saw no end of, an admonition may be prose it misread: it is left, but told.
	if (unclosed !== undefined) {
		outsideFences(lines, (line, index) => {
			if (index <= unclosed || !expression.has(index) || !readOpening(line)) return;
			unknown.push({
				line: index + 1,
				text: line.trim(),
				reason: `Carnet reads it as part of a JavaScript expression, comment or string that opens ${unclosed + 1 === index ? 'on the line before' : `${index - unclosed} lines above`} and that nothing closes`,
				advice: 'Close the expression, or write a brace meant as text as \\{.',
			});
		});
	}
	// A mark no pass reads as syntax, before each line kept, so that it matches no opening.
	const masked = lines.map((line, index) => (kept.has(index) ? `\u0000${line}` : line));
	const read = admonitionsAsCallouts(masked.join('\n'), detailsTitle);
	const out = read.body.split('\n').map((line, index) => (kept.has(index) ? line.replace('\u0000', '') : line));
	return { body: out.join('\n'), unknown: [...read.unknown, ...unknown].sort((a, b) => a.line - b.line) };
}

// A line that leaves an expression open inside a JSX tag: `<div data-x={…`, `<Chart {...` (no `>` after the tag's name).
// Read on the end of the line only, where the expression opens, so that a long line costs no more.
const OPENS_IN_TAG = /<[A-Za-z][\w.:-]*(?:\s[^<>]*)?\{[^}]*$/;

/**
 * The lines (0 = the first) of an MDX body that are JavaScript: its `import` and `export` blocks, up to a blank
 * line outside their strings, comments and braces, and the lines that begin inside an expression whose `{` is on
 * an earlier line. Braces are text in fenced code, code spans and HTML comments, and so is an escaped `\{`; in
 * JavaScript they are text in strings and comments. `unclosed` is the line of an expression, comment or string
 * that nothing closes: what follows it is read as JavaScript, though the scan may have misread it.
 */
function mdxExpressionLines(lines: readonly string[]): { inside: Set<number>; unclosed?: number } {
	const inside = new Set<number>();
	// One for each `{` open, innermost last: the JSX elements open in it, and the JSX tag being read there.
	const braces: JsxState[] = [];
	// The same for an `import` or `export` block, outside any brace.
	let esmState: JsxState = { elements: 0 };
	let fence: string | undefined;
	let esm = false;
	// A construct that runs over lines: a template string or block comment in JavaScript, an HTML comment in prose.
	let open: { kind: '`' | '/*' | '<!--'; line: number } | undefined;
	// The line of the outermost `{` still open.
	let opened = 0;
	// The last character of JavaScript read, outside strings and comments: whether a quote after it opens a string.
	let last = '{';
	// Whether a JSX tag written in prose is open (`<div title="a { b">`): its quoted values are strings.
	let tag = false;
	for (const [index, line] of lines.entries()) {
		if (esm && braces.length === 0 && !open && line.trim() === '') esm = false;
		if (!esm && braces.length === 0 && !open && /^(?:import|export)[ \t{*]/.test(line)) {
			esm = true;
			esmState = { elements: 0 };
			opened = index;
			last = '{';
		}
		const script = () => esm || braces.length > 0;
		if (script() || (open && open.kind !== '<!--')) inside.add(index);
		else if (!open) {
			const fenced = fenceAfter(line, fence, { anyIndent: true });
			fence = fenced.open;
			if (fenced.code) continue;
		}
		for (let at = 0; at < line.length; at++) {
			const char = line[at] as string;
			if (open) {
				if (char === '\\' && open.kind === '`') at += 1;
				else if (line.startsWith(open.kind === '`' ? '`' : open.kind === '/*' ? '*/' : '-->', at)) {
					at += open.kind.length - 1;
					open = undefined;
				}
				continue;
			}
			if (char === '\\') {
				at += 1;
				continue;
			}
			if (!script()) {
				if (char === '`') {
					// A code span's braces are text; a run of backticks with no match on the line is text too.
					let run = at;
					while (line[run] === '`') run += 1;
					const ticks = line.slice(at, run);
					const end = line.indexOf(ticks, run);
					at = end === -1 ? run - 1 : end + ticks.length - 1;
				} else if (tag && (char === '"' || char === "'") && last === '=') {
					const end = line.indexOf(char, at + 1);
					at = end === -1 ? line.length : end;
				} else if (char === '<' && /[A-Za-z]/.test(line[at + 1] ?? '')) tag = true;
				else if (char === '>') tag = false;
				else if (line.startsWith('<!--', at)) {
					open = { kind: '<!--', line: index };
					at += 3;
				} else if (char === '{') {
					braces.push({ elements: 0 });
					opened = index;
					last = '{';
				}
				if (char.trim() !== '') last = char;
				continue;
			}
			const jsx = braces.at(-1) ?? esmState;
			if (jsx.tag !== undefined || jsx.elements > 0) {
				at = readJsx(line, at, jsx, braces);
				last = line[at] === '{' ? '{' : '>';
				continue;
			}
			if (char === '/' && line[at + 1] === '*') {
				open = { kind: '/*', line: index };
				at += 1;
			} else if (char === '/' && line[at + 1] === '/' && line[at - 1] !== ':') break;
			else if (char === '`') open = { kind: '`', line: index };
			else if ((char === "'" || char === '"') && STRING_AFTER.includes(last)) {
				// A string ends on its line; a quote after a word (`<p>Don't</p>`) is JSX text.
				let end = at + 1;
				while (end < line.length && line[end] !== char) end += line[end] === '\\' ? 2 : 1;
				at = end;
			} else if (char === '<' && /[A-Za-z>]/.test(line[at + 1] ?? '') && (JSX_AFTER.includes(last) || /\breturn\s*$/.test(line.slice(Math.max(0, at - 10), at)))) {
				// An element where a value goes (`cond && <p>`, `(<p>`, `=> <p>`): its text is JSX's, not JavaScript.
				jsx.tag = 'open';
			} else if (char === '{') braces.push({ elements: 0 });
			else if (char === '}') braces.pop();
			if (char.trim() !== '') last = char;
		}
	}
	if (open && open.kind !== '<!--') return { inside, unclosed: open.line };
	if (braces.length > 0) return { inside, unclosed: opened };
	return { inside };
}

/** Where a JavaScript expression is in JSX: the elements open in it, and whether an opening or closing tag is being read. */
interface JsxState {
	elements: number;
	tag?: 'open' | 'close' | undefined;
}

/**
 * Reads the character of `line` at `at` inside JSX (`jsx`: in a tag, or in the text of an element), and returns
 * the index of the last character read. In a tag, a quoted value is a string and `{` opens an attribute's
 * expression; in an element's text (after a tag's `>`, up to the next `<` or `{`), quotes and slashes are
 * text (`<p>Tip: 'tis the season</p>`), `{` opens a child's expression and `<` a tag. A `{` is pushed on `braces`.
 */
function readJsx(line: string, at: number, jsx: JsxState, braces: JsxState[]): number {
	const char = line[at] as string;
	if (char === '{') {
		braces.push({ elements: 0 });
		return at;
	}
	if (jsx.tag === undefined) {
		if (char === '<') jsx.tag = line[at + 1] === '/' ? 'close' : 'open';
		return at;
	}
	if (char === '"' || char === "'") {
		const end = line.indexOf(char, at + 1);
		return end === -1 ? line.length : end;
	}
	if (char === '>') {
		if (jsx.tag === 'close') jsx.elements = Math.max(0, jsx.elements - 1);
		else if (line[at - 1] !== '/') jsx.elements += 1;
		jsx.tag = undefined;
	}
	return at;
}

// The characters after which a quote opens a JavaScript string, rather than being JSX text (`<p>Don't</p>`).
const STRING_AFTER = '({[,=:?+-!&|;';
// Those after which `<` opens a JSX element rather than comparing: where a value goes, and after an arrow.
const JSX_AFTER = `${STRING_AFTER}>`;

/**
 * `body` without the blocks astro-koharu encrypts (`:::encrypted{password="…"}` up to its `:::`), each of their
 * lines left empty but for its quote markers, so that every other line stays on its line: Carnet does not
 * encrypt, and a static site would publish them to everyone, feeds and search included. They are read as
 * remark-directive, which astro-koharu uses, reads them: in a quote or a list item too, and one never closed
 * up to the end of what holds it (its quote, its list item, or the post); code is left alone. Each block left
 * out is returned with its opening line (1 = the body's first), its name as written, without the password its
 * opening holds, and, for one never closed, what it ran to the end of.
 */
export function withoutEncryptedBlocks(body: string): { body: string; removed: EncryptedBlock[] } {
	if (!body.includes(':::') || !/encrypted/i.test(body)) return { body, removed: [] };
	const lines = body.split('\n');
	const tree = parsedInTime(body, lines, { blocks: true });
	// Code, which shows a block as written (an HTML block does not: its text is published); and the quotes and list items, which a block cannot outlast.
	const code = tree ? new Set<number>() : new Set(fencedLines(lines).flatMap((isCode, index) => (isCode ? [index] : [])));
	const holders: { first: number; last: number; kind: 'quote' | 'list item' }[] = [];
	walk(tree, (node) => {
		const { start, end } = node.position ?? { start: { line: 0 }, end: { line: 0 } };
		if (node.type === 'code') for (let index = start.line - 1; index < end.line; index++) code.add(index);
		if (node.type === 'blockquote' || node.type === 'listItem') holders.push({ first: start.line - 1, last: end.line - 1, kind: node.type === 'blockquote' ? 'quote' : 'list item' });
		return true;
	});
	// What holds each line: the innermost, written over those that hold it.
	const post: EncryptedHolder = { first: 0, last: lines.length - 1, kind: 'post' };
	const holding = lines.map(() => post);
	for (const holder of holders.sort((a, b) => b.last - b.first - (a.last - a.first))) for (let index = holder.first; index <= holder.last; index++) holding[index] = holder;
	const holderOf = (index: number) => holding[index] as EncryptedHolder;
	const removed: EncryptedBlock[] = [];
	const open: { line: number; colons: number; encrypted: boolean; name: string; holder: EncryptedHolder }[] = [];
	// How many of the open blocks are encrypted: a block inside one left out goes with it.
	let encryptedOpen = 0;
	const close = (end: number, unclosed: boolean) => {
		const block = open.pop() as (typeof open)[number];
		if (!block.encrypted) return;
		encryptedOpen -= 1;
		if (encryptedOpen > 0) return;
		removed.push({ line: block.line + 1, text: `:::${block.name}`, ...(unclosed ? { unclosed: block.holder.kind } : {}) });
		for (let index = block.line; index <= end; index++) lines[index] = linePrefix(lines[index] as string).trimEnd();
	};
	for (const [index, line] of lines.entries()) {
		// A block still open when what holds it ends is closed there.
		// Those inside a block hold no more lines than it, so the ended ones are on top.
		for (let top = open.at(-1); top && top.holder.last < index; top = open.at(-1)) close(top.holder.last, true);
		if (code.has(index)) continue;
		const text = line.slice(linePrefix(line).length);
		// A line that opens an encrypted block in a way not read here is one still: its password must not be published.
		const opening = readOpening(text) ?? unreadEncryptedOpening(text);
		if (opening) {
			const encrypted = opening.name.toLowerCase() === 'encrypted';
			if (encrypted) encryptedOpen += 1;
			open.push({ line: index, colons: opening.colons, encrypted, name: opening.name, holder: holderOf(index) });
			continue;
		}
		const closing = CLOSING.exec(text);
		const innermost = open.at(-1);
		if (closing && innermost && innermost.holder === holderOf(index) && (closing[1] as string).length >= innermost.colons) close(index, false);
	}
	while (open.length > 0) close((open.at(-1) as (typeof open)[number]).holder.last, true);
	removed.sort((a, b) => a.line - b.line);
	return removed.length === 0 ? { body, removed } : { body: lines.join('\n'), removed };
}

/** The colons and name of a line that opens an encrypted block (`:::encrypted{password="a`) that `readOpening()` cannot read. */
function unreadEncryptedOpening(text: string): { colons: number; name: string } | undefined {
	const opening = /^(:{3,})[ \t]*(encrypted)(?![\w-])/i.exec(text);
	return opening ? { colons: (opening[1] as string).length, name: opening[2] as string } : undefined;
}

/** An encrypted block left out: its opening line and name, and what it ran to the end of when never closed. */
export interface EncryptedBlock {
	line: number;
	text: string;
	unclosed?: EncryptedHolder['kind'];
}

type EncryptedHolder = { first: number; last: number; kind: 'quote' | 'list item' | 'post' };

/** What opens `line` before its text: its indent, quote markers and list markers. */
function linePrefix(line: string): string {
	let at = 0;
	for (;;) {
		while (line[at] === ' ' || line[at] === '\t') at++;
		if (line[at] === '>') {
			at++;
			continue;
		}
		const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t])/.exec(line.slice(at, at + 11));
		if (!marker) return line.slice(0, at);
		at += marker[0].length;
	}
}

/** Opening line → its closing line, outside fenced code, for the openings a closing matches. */
function matchedPairs(lines: readonly string[]): Map<number, number> {
	const pairs = new Map<number, number>();
	const open: { line: number; colons: number }[] = [];
	outsideFences(lines, (line, index) => {
		const opening = readOpening(line);
		if (opening) {
			open.push({ line: index, colons: opening.colons });
			return;
		}
		const closing = CLOSING.exec(line);
		if (!closing) return;
		const colons = (closing[1] as string).length;
		// Docusaurus nests an admonition in one of more colons: a closing line closes the innermost of its count.
		const at = open.findLastIndex((item) => item.colons === colons);
		const match = at === -1 ? open.length - 1 : at;
		if (match === -1) return;
		pairs.set(open[match]?.line as number, index);
		open.length = match;
	});
	return pairs;
}

/** Calls `visit` with each line of `lines` outside fenced code, and its index. */
function outsideFences(lines: readonly string[], visit: (line: string, index: number) => void): void {
	let fence: string | undefined;
	for (const [index, line] of lines.entries()) {
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (!code) visit(line, index);
	}
}

/** Python-Markdown's and Material for MkDocs' kinds (with their aliases), and the callout each becomes. */
const PYTHON_KINDS: Readonly<Record<string, string>> = {
	...Object.fromEntries(['note', 'info', 'todo', 'abstract', 'summary', 'tldr', 'question', 'help', 'faq', 'example', 'quote', 'cite', 'seealso'].map((kind) => [kind, 'NOTE'])),
	...Object.fromEntries(['tip', 'hint', 'success', 'check', 'done'].map((kind) => [kind, 'TIP'])),
	important: 'IMPORTANT',
	...Object.fromEntries(['warning', 'caution', 'attention'].map((kind) => [kind, 'WARNING'])),
	...Object.fromEntries(['danger', 'error', 'failure', 'fail', 'missing', 'bug'].map((kind) => [kind, 'CAUTION'])),
};

// `!!! note "Title"`, `!!! danger highlight "Title"` (more classes), and pymdownx.details' `??? note`
// (folded) and `???+ note` (foldable, open), after a list item's indentation or a blockquote's markers.
const PYTHON_OPENING = /^((?:[ \t]*>)*[ \t]*)(!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+[\w-]+)*(?:[ \t]+"(.*?)")?[ \t]*\r?$/;
const INDENTED = /^(?: {4}|\t)/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;

/** The width of `text` up to its end, a tab going to the next multiple of four, as Markdown reads it. */
function indentWidth(text: string): number {
	let width = 0;
	for (const char of text) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
	return width;
}

/** The last line before `index` indented less than `width`, if any; asked with `index` never decreasing. */
type Outline = (index: number, width: number) => string | undefined;

/**
 * An outline of `lines`: the lines that are not blank before the one asked about, each less indented than the
 * next (a list item, then its nested item…), each line read once: where `nestedIn()` finds the item a line is in.
 */
function outlineOf(lines: readonly string[]): Outline {
	const open: { width: number; line: string }[] = [];
	let read = 0;
	return (index, width) => {
		for (; read < index; read++) {
			const line = lines[read] as string;
			if (line.trim() === '') continue;
			const indent = indentWidth(/^[ \t]*/.exec(line)?.[0] ?? '');
			while ((open.at(-1)?.width ?? -1) >= indent) open.pop();
			open.push({ width: indent, line });
		}
		return open.findLast((entry) => entry.width < width)?.line;
	};
}

/**
 * Whether an admonition opened after `prefix` at line `index` is one Python-Markdown reads: at the top level,
 * at a blockquote's, or at the content indentation of the list item it follows. Indented anywhere else, it is
 * an indented code block, as Python-Markdown shows it.
 */
function nestedIn(outline: Outline, index: number, prefix: string): boolean {
	if (prefix === '') return true;
	if (prefix.includes('>')) return /^(?:[ \t]*>)+ ?$/.test(prefix);
	const width = indentWidth(prefix);
	const item = LIST_ITEM.exec(outline(index, width) ?? '');
	if (!item) return false;
	// The item's content column: its marker and the space after it, up to its first character.
	const content = indentWidth(item[0].slice(0, -1));
	return width >= content && width < content + 4;
}

/**
 * Admonitions as Python-Markdown writes them, in Material for MkDocs and Pelican posts: `!!! note "Title"`
 * followed by lines indented by four spaces, made GitHub callouts, each line on its line. `???` folds one
 * (`[!NOTE]-`), `???+` folds it open. One in a list item, at the item's content indentation, or in a blockquote
 * is read there, as Python-Markdown reads it. A kind Carnet does not read is left as written.
 */
export function pythonAdmonitionsAsCallouts(body: string): AdmonitionResult {
	if (!body.includes('!!!') && !body.includes('???')) return { body, unknown: [] };
	const unknown: AdmonitionResult['unknown'] = [];
	const lines = calloutLines(body.split('\n'), 0, unknown);
	return { body: lines.join('\n'), unknown };
}

function calloutLines(lines: readonly string[], offset: number, unknown: AdmonitionResult['unknown']): string[] {
	const out = [...lines];
	const outline = outlineOf(lines);
	let fence: string | undefined;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (code) continue;
		const opening = PYTHON_OPENING.exec(line);
		if (!opening) continue;
		const [, prefix = '', sign = '', name = '', title] = opening;
		if (!nestedIn(outline, index, prefix)) continue;
		const kind = PYTHON_KINDS[name.toLowerCase()];
		if (!kind) {
			unknown.push({ line: offset + index + 1, text: line.trim(), reason: `Carnet reads the admonitions ${Object.keys(PYTHON_KINDS).join(', ')}, not ${name}` });
			continue;
		}
		// The content: the lines indented below the prefix, blank lines between them included (a quote's `>`).
		const blank = prefix.trimEnd();
		let end = index + 1;
		for (let next = index + 1; next < lines.length; next++) {
			const row = lines[next] as string;
			if (row.startsWith(prefix) && INDENTED.test(row.slice(prefix.length))) end = next + 1;
			else if (row.trim() !== '' && row.trimEnd() !== blank) break;
		}
		const content = calloutLines(
			lines.slice(index + 1, end).map((row) => (row.startsWith(prefix) ? row.slice(prefix.length).replace(INDENTED, '') : '')),
			offset + index + 1,
			unknown,
		);
		const fold = sign === '???' ? '-' : sign === '???+' ? '+' : '';
		out[index] = `${prefix}> [!${kind}]${fold}${title ? ` ${title.trim()}` : ''}`;
		for (const [at, row] of content.entries()) out[index + 1 + at] = `${prefix}> ${row}`.trimEnd();
		index = end - 1;
	}
	return out;
}

// A content tab of Material for MkDocs (pymdownx.tabbed): `=== "Python"`, `===+` (the one open), `===!`.
const TAB_OPENING = /^([ \t]*)===[+!]?[ \t]+"([^"\n]*)"[ \t]*\r?$/;

/**
 * Material for MkDocs' content tabs, each line on its line: a tab's title becomes a bold line and its content,
 * indented by four spaces under it, is read as the rest of the post is (a fenced code block in it keeps its
 * language). Pages show the tabs one after the other: Carnet runs no script to switch between them. Tabs
 * within admonitions and tabs are read too. Code is left alone.
 */
export function pythonTabsAsSections(body: string): string {
	if (!body.includes('===')) return body;
	const out = body.split('\n');
	let fence: string | undefined;
	for (let index = 0; index < out.length; index++) {
		const line = out[index] as string;
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (code) continue;
		const opening = TAB_OPENING.exec(line);
		if (!opening) continue;
		const [, indent = '', title = ''] = opening;
		const inside = new RegExp(`^${indent.replace(/\t/g, '\\t')}(?: {4}|\\t)`);
		let end = index + 1;
		for (let next = index + 1; next < out.length; next++) {
			const row = out[next] as string;
			if (inside.test(row)) end = next + 1;
			else if (row.trim() !== '') break;
		}
		if (end === index + 1) continue;
		out[index] = `${indent}**${title.trim().replace(/\*/g, '\\*')}**`;
		for (let at = index + 1; at < end; at++) out[at] = (out[at] as string).replace(inside, indent);
	}
	return out.join('\n');
}

/** The classes of Hexo NexT's `{% note %}` tag (and Yandex Flavored Markdown's), and the callout each becomes. */
const NOTE_KINDS: Readonly<Record<string, string>> = {
	default: 'NOTE',
	primary: 'NOTE',
	// Fluid's.
	secondary: 'NOTE',
	light: 'NOTE',
	info: 'NOTE',
	success: 'TIP',
	tip: 'TIP',
	warning: 'WARNING',
	danger: 'CAUTION',
	alert: 'CAUTION',
	// Butterfly's colours.
	blue: 'NOTE',
	pink: 'NOTE',
	green: 'TIP',
	purple: 'IMPORTANT',
	orange: 'WARNING',
	red: 'CAUTION',
};
// What Butterfly's and NexT's notes say besides their class: an icon (`'fas fa-ruler'`) and a style.
const NOTE_STYLE = /^(?:no-icon|simple|modern|flat|disabled|icon-padding)$|(?:^|\s)fa[a-z]?-|^fa[a-z]?$/;
const NOTE_OPENING = /^([ \t]*)\{%-?\s*note\b([^%]*?)-?%\}[ \t]*\r?$/;
const NOTE_CLOSING = /^[ \t]*\{%-?\s*endnote\s*-?%\}[ \t]*\r?$/;

/**
 * Hexo NexT's `{% note info %}` … `{% endnote %}` and Butterfly's `{% note blue 'fas fa-ruler' flat %}` (its
 * icon and style left out, the words after the class its title), made a GitHub callout, each line on its
 * line, indented as the tag is (in a list item). A note of another class is left to the Liquid tags' pass,
 * which shows it as written.
 */
export function hexoNotesAsCallouts(body: string): string {
	if (!body.includes('endnote')) return body;
	return pairedBlocksAsCallouts(body, NOTE_OPENING, () => NOTE_CLOSING, (args) => {
		const words = noteWords(args);
		const kind = words.length === 0 ? 'NOTE' : NOTE_KINDS[(words[0] as string).toLowerCase()];
		return kind ? { kind, title: words.slice(1).join(' ').trim() } : undefined;
	});
}

/** The class a Hexo note's arguments name (`{% note purple flat %}`), when it is none Carnet knows; else undefined. */
export function unknownNoteClass(args: string): string | undefined {
	const [name] = noteWords(args);
	return name !== undefined && NOTE_KINDS[name.toLowerCase()] === undefined ? name : undefined;
}

// Hexo Shoka's collapsible block: `+++primary Title` (or `+++ Title`) … `+++`, its class one of a note's.
const SHOKA_COLLAPSE_OPENING = /^([ \t]*)\+\+\+([A-Za-z]*)[ \t]+(\S.*)$/;
const SHOKA_COLLAPSE_CLOSING = /^[ \t]*\+\+\+[ \t]*\r?$/;

/**
 * Hexo Shoka's `+++primary Title` … `+++` made a folded callout (a `<details>` whose summary is the title),
 * each line on its line, of the kind its class names as a note's does (a class Carnet does not know is a
 * note). Code is left alone.
 */
export function shokaCollapsesAsCallouts(body: string): string {
	if (!body.includes('+++')) return body;
	// Indented code too: a diff's `+++ b/file` header and its lines are not a collapse.
	const verbatim = verbatimLines(body.split('\n'), /\+\+\+/);
	return pairedBlocksAsCallouts(
		body,
		SHOKA_COLLAPSE_OPENING,
		() => SHOKA_COLLAPSE_CLOSING,
		(title, opening) => ({
			kind: NOTE_KINDS[(opening[2] ?? '').toLowerCase()] ?? 'NOTE',
			title: title.trim(),
			fold: '-',
		}),
		verbatim,
	);
}

// Hexo Shoka's tab: `;;;id Title` … `;;;`, the tabs of one group written one after the other with one id.
const SHOKA_TAB_OPENING = /^([ \t]*);;;[\w-]*[ \t]+(\S.*)$/;
const SHOKA_TAB_CLOSING = /^[ \t]*;;;[ \t]*\r?$/;

/**
 * Hexo Shoka's tabs, `;;;id Title` … `;;;`, as Carnet shows other engines' tabs: each tab's title a bold
 * line above its content, one tab after the other (no script switches them), each line on its line. A tab
 * left open is left as written. Code is left alone.
 */
export function shokaTabsAsSections(body: string): string {
	if (!body.includes(';;;')) return body;
	const lines = body.split('\n');
	// Code of any kind, indented too: Emacs Lisp's file header (`;;; init.el --- my config`) is no tab.
	const verbatim = verbatimLines(lines, /;;;/);
	let open: { index: number; indent: string; title: string } | undefined;
	outsideFences(lines, (line, index) => {
		if (verbatim.has(index)) return;
		const opening = SHOKA_TAB_OPENING.exec(line);
		if (opening && !open) open = { index, indent: opening[1] ?? '', title: (opening[2] ?? '').trim() };
		else if (open && SHOKA_TAB_CLOSING.test(line)) {
			lines[open.index] = `${open.indent}**${open.title.replace(/\*/g, '\\*')}**`;
			lines[index] = '';
			open = undefined;
		}
	});
	return lines.join('\n');
}

// What only a post written for Hexo Shoka (or astro-koharu, after it) holds: a note's `no-icon` flag or a quiz.
const SHOKA_MARKS = /^[ \t]*:{3,}[ \t]*\w+[ \t]+no-icon\b|\{\.quiz\}/;
const SHOKA_HINT = /\+\+\+|;;;|:::|\{\.quiz\}/;

/**
 * Whether `body` is written for Hexo Shoka, whose markdown-it reads `++inserted++`, `!!spoiler!!` and
 * `{漢字^かんじ}`: outside code, it holds a collapse (`+++primary Title` … `+++`), a tab (`;;;id Title` …
 * `;;;`), a note flagged `no-icon` (`:::info no-icon`) or a quiz (`{.quiz}`).
 */
export function isShokaPost(body: string): boolean {
	if (!SHOKA_HINT.test(body)) return false;
	const lines = body.split('\n');
	const verbatim = verbatimLines(lines, SHOKA_HINT);
	let collapse = false;
	let tab = false;
	for (const [index, line] of lines.entries()) {
		if (verbatim.has(index)) continue;
		if (SHOKA_MARKS.test(line) || (collapse && SHOKA_COLLAPSE_CLOSING.test(line)) || (tab && SHOKA_TAB_CLOSING.test(line))) return true;
		collapse ||= SHOKA_COLLAPSE_OPENING.test(line);
		tab ||= SHOKA_TAB_OPENING.test(line);
	}
	return false;
}

/** The classes Carnet reads a Hexo note of, as a list for a message. */
export const NOTE_CLASSES = Object.keys(NOTE_KINDS).join(', ');

function noteWords(args: string): string[] {
	return [...args.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '').filter((word) => !NOTE_STYLE.test(word));
}

/**
 * The kinds of Hugo themes' boxes: Relearn's and Learn's `notice`, LoveIt's and FixIt's `admonition` (its
 * types after Material for MkDocs'), Docsy's `alert` colours, Book's `hint` and Hextra's `callout` types.
 * Blowfish's and Congo's `alert` takes an icon name rather than a kind, and is a note.
 */
const HUGO_KINDS: Readonly<Record<string, string>> = {
	note: 'NOTE',
	info: 'NOTE',
	abstract: 'NOTE',
	summary: 'NOTE',
	question: 'NOTE',
	example: 'NOTE',
	quote: 'NOTE',
	primary: 'NOTE',
	secondary: 'NOTE',
	default: 'NOTE',
	tip: 'TIP',
	success: 'TIP',
	important: 'IMPORTANT',
	warning: 'WARNING',
	caution: 'CAUTION',
	danger: 'CAUTION',
	error: 'CAUTION',
	failure: 'CAUTION',
	bug: 'CAUTION',
	// Material for MkDocs' other names, which LoveIt's and FixIt's users write too.
	tldr: 'NOTE',
	todo: 'NOTE',
	help: 'NOTE',
	faq: 'NOTE',
	cite: 'NOTE',
	hint: 'TIP',
	check: 'TIP',
	done: 'TIP',
	attention: 'WARNING',
	fail: 'CAUTION',
	missing: 'CAUTION',
};
const HUGO_BOXES = 'notice|admonition|alert|hint|callout|details|expand|note|tip|info|important|warning|caution|danger';
/** Boxes named after their kind: `{{< warning >}}` … `{{< /warning >}}`. */
const NAMED_BOXES = new Set(['note', 'tip', 'info', 'important', 'warning', 'caution', 'danger']);
const HUGO_BOX_OPENING = new RegExp(`^([ \\t]*)\\{\\{[<%]\\s*(${HUGO_BOXES})\\b((?:[^>%]|[>%](?!\\}\\}))*?)\\s*[>%]\\}\\}[ \\t]*\\r?$`);
/** The kinds an alert's first argument names (Tranquilpeak's, Bootstrap's), where Blowfish's names an icon. */
const ALERT_KINDS = new Set(['info', 'note', 'tip', 'success', 'important', 'warning', 'caution', 'danger']);
/** A kind not in HUGO_KINDS that a callout's marker (`[!update]`) can still hold. */
const OTHER_KIND = /^[A-Za-z][\w-]{0,40}$/;
const HUGO_BOX_CLOSING = new RegExp(`\\{\\{[<%]\\s*\\/\\s*(?:${HUGO_BOXES})\\b`);

/**
 * Hugo themes' paired box shortcodes, each on lines of their own: `{{% notice tip "Title" %}}` …
 * `{{% /notice %}}` (Relearn, Learn; also `style=` and `title=`), `{{< admonition warning "Title" >}}` …
 * `{{< /admonition >}}` (LoveIt, FixIt; also `type=`), `{{% alert title="Careful" color="warning" %}}` (Docsy),
 * `{{< alert >}}` (Blowfish, Congo), `{{< alert theme="warning" >}}` (zzo), `{{< hint warning >}}` (Book), `{{< callout type="info" >}}` (Hextra)
 * and boxes named after their kind (`{{< warning >}}`, `{{< note "Title" >}}`), made GitHub callouts, each
 * line on its line. Hugo's own `{{< details summary="More" >}}` (and Book's `{{< details "More" open >}}`,
 * Learn's and Relearn's `{{% expand "More" %}}`) becomes a folded note, open if it says `open`. A box of a
 * kind not listed is a note titled by its kind (`{{< notice update >}}`, as `[!update]` is); one whose kind
 * no callout's marker can hold is left to the shortcodes' pass, which shows it as written with a warning.
 */
export function hugoBoxesAsCallouts(body: string, detailsTitle = ''): string {
	if (!HUGO_BOX_CLOSING.test(body)) return body;
	return pairedBlocksAsCallouts(
		body,
		HUGO_BOX_OPENING,
		(opening) => new RegExp(`^[ \\t]*\\{\\{[<%]\\s*\\/\\s*${opening[2]}\\s*[>%]\\}\\}[ \\t]*\\r?$`),
		(args, opening) => {
			const positional: string[] = [];
			const named: Record<string, string> = {};
			for (const match of args.matchAll(/(?:([\w-]+)=)?(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
				const value = htmlAsText(match[2] ?? match[3] ?? match[4] ?? '');
				if (match[1]) named[match[1].toLowerCase()] = value;
				else positional.push(value);
			}
			const name = opening[2] as string;
			if (name === 'details' || name === 'expand') {
				const open = named.open === 'true' || positional.slice(1).includes('open');
				// Hugo's own details are summarised "Details" when they say nothing else.
				return { kind: 'NOTE', title: (named.summary ?? named.title ?? positional[0] ?? '').trim() || escapeMarkdown(detailsTitle), fold: open ? '+' : '-' };
			}
			if (NAMED_BOXES.has(name)) return { kind: HUGO_KINDS[name] as string, title: (named.title ?? positional[0] ?? '').trim() };
			// Blowfish's and Congo's alert names an icon, not a kind, unless it is a kind's name (Tranquilpeak's
			// `{{< alert danger >}}`, `{{< alert success no-icon >}}`); Toha's names its kind `type`, Doks' `context`, zzo's `theme`.
			const kindAlert = opening[2] === 'alert' && ALERT_KINDS.has((positional[0] ?? '').toLowerCase());
			const iconAlert = opening[2] === 'alert' && !kindAlert && named.color === undefined && named.title === undefined && named.type === undefined && named.context === undefined && named.theme === undefined;
			const written = iconAlert ? 'note' : (named.style ?? named.type ?? named.color ?? named.context ?? named.theme ?? positional[0] ?? 'note');
			// Any other kind a callout's marker can hold is a note titled by its name (`{{< notice update >}}`), as callouts.ts shows `[!update]`.
			const kind = HUGO_KINDS[written.toLowerCase()] ?? (OTHER_KIND.test(written) ? written : undefined);
			const fold = name === 'admonition' ? admonitionFold(named, positional) : undefined;
			return kind ? { kind, title: (named.title ?? (iconAlert || kindAlert ? '' : (positional[1] ?? ''))).trim(), ...(fold ? { fold } : {}) } : undefined;
		},
	);
}

// Tera 2's components, as Zola themes write a box (Linkita): `{% <admonition type="warning" title="Careful"> %}` …
// `{% </admonition> %}`, each tag on a line of its own. Its attributes are read whole, quoted ones included
// (`title="a > b"`), up to the tag's `>`.
const TERA_ADMONITION_OPENING = /^([ \t]*)\{%-?[ \t]*<admonition(?=[\s>])((?:[^<>"'\n]|"[^"\n]*"|'[^'\n]*')*)>[ \t]*-?%\}[ \t]*\r?$/;
const TERA_ADMONITION_CLOSING = /^[ \t]*\{%-?[ \t]*<\/admonition[ \t]*>[ \t]*-?%\}[ \t]*\r?$/;

/**
 * Zola themes' admonition component (Tera 2, as Linkita defines it) as a GitHub callout, each line on its
 * line: its `type` is the kind, as a Hugo box's is, and its `title` the title. Without a title, Linkita shows
 * the type's name (`failure` is titled Failure), which the callout shows too where its kind has another name.
 * One whose tags are not on lines of their own is left to the shortcodes' pass, which shows it as written.
 */
export function teraAdmonitionsAsCallouts(body: string): string {
	if (!body.includes('</admonition')) return body;
	return pairedBlocksAsCallouts(
		body,
		TERA_ADMONITION_OPENING,
		() => TERA_ADMONITION_CLOSING,
		(args) => {
			const named: Record<string, string> = {};
			for (const match of args.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) named[(match[1] as string).toLowerCase()] = htmlAsText(match[2] ?? match[3] ?? match[4] ?? '');
			const type = (named.type ?? 'note').trim();
			const kind = HUGO_KINDS[type.toLowerCase()] ?? (OTHER_KIND.test(type) ? type : undefined);
			if (!kind) return undefined;
			return { kind, title: (named.title ?? typeTitle(type, kind)).trim() };
		},
	);
}

/** The title a Zola admonition shows without one of its own: its type's name, where the callout's kind has another. */
function typeTitle(type: string, kind: string): string {
	return kind === type.toUpperCase() || kind === type ? '' : `${type.charAt(0).toUpperCase()}${type.slice(1)}`;
}

// Zola's shortcodes with a body, each tag on a line of its own: `{% admonition(type="warning", title="Careful") %}`
// … `{% end %}`. Any shortcode's opening is read, so that a `{% end %}` closes the shortcode it belongs to.
const ZOLA_BODY_OPENING = /^([ \t]*)\{%-?[ \t]*([a-z_]\w*)\(((?:[^()"'`\n]|"[^"\n]*"|'[^'\n]*'|`[^`\n]*`)*)\)[ \t]*-?%\}[ \t]*\r?$/i;
const ZOLA_BODY_CLOSING = /^[ \t]*\{%-?[ \t]*end[ \t]*-?%\}[ \t]*\r?$/;
// A Zola shortcode's call alone on a line, its text in `text=`: `{{ admonition(type="note", text="…") }}`.
const ZOLA_ADMONITION_CALL = /^\{\{-?[ \t]*admonition\(((?:[^()"'`\n]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|`[^`\n]*`)*)\)[ \t]*-?\}\}$/;
/** The admonition types tabi gives; Material for MkDocs' (HUGO_KINDS), which other Zola themes give, are read too. */
export const ZOLA_ADMONITION_TYPES = 'note, tip, info, warning and danger';

/** Zola admonitions read as callouts, and those of a type Carnet does not know, made notes. */
export interface ZolaAdmonitions {
	body: string;
	/** Each admonition of a type Carnet does not know, with its line (1 = the body's first) and its opening tag. */
	unknownTypes: { line: number; text: string; type: string }[];
}

/**
 * Zola themes' admonition shortcode with a body (tabi's and others'), `{% admonition(type="warning",
 * title="Careful") %}` … `{% end %}`, each tag on a line of its own, as a GitHub callout, each line on its
 * line: its `type` is the kind, as a Hugo box's is, and its `title` the title (tabi titles one without a title
 * by its type). Its `icon` is tabi's picture, which a callout does not show. A type Carnet does not know makes
 * a note titled by it, reported in `unknownTypes`. Other shortcodes with a body are left to the shortcodes' pass.
 */
export function zolaAdmonitionsAsCallouts(body: string): ZolaAdmonitions {
	const unknownTypes: ZolaAdmonitions['unknownTypes'] = [];
	if (!body.includes('admonition(')) return { body, unknownTypes };
	const read = pairedBlocksAsCallouts(
		body,
		ZOLA_BODY_OPENING,
		() => ZOLA_BODY_CLOSING,
		(args, opening, block) => {
			if ((opening[2] as string).toLowerCase() !== 'admonition') return undefined;
			const callout = zolaAdmonitionCallout(zolaArguments(args));
			if (callout.unknown) unknownTypes.push({ line: block.start + 1, text: (block.lines[block.start] as string).trim(), type: callout.unknown });
			return callout;
		},
	);
	return { body: read, unknownTypes };
}

/**
 * Zola themes' admonition shortcode called on a line of its own with its text in `text=`, `{{ admonition(type="note",
 * text="Some **content**") }}` (tabi's), as the callout the same admonition with a body becomes: its marker on
 * the line, its text on the next. The type it names when Carnet does not know it, as `unknownType`. Undefined for
 * any other line, and for a call with no text.
 */
export function zolaAdmonitionCallAsCallout(line: string): { callout: string; unknownType?: string | undefined } | undefined {
	const call = ZOLA_ADMONITION_CALL.exec(line.trim());
	if (!call) return undefined;
	const named = zolaArguments(call[1] as string);
	const text = named.text?.trim();
	if (!text) return undefined;
	const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
	const { kind, title, unknown } = zolaAdmonitionCallout(named);
	return { callout: `${indent}> [!${kind}]${title ? ` ${title}` : ''}\n${indent}> ${text}`, unknownType: unknown };
}

/** A Zola shortcode's named arguments (`type="warning", title='Careful'`), a double-quoted string's `\"` read as `"`. */
function zolaArguments(args: string): Record<string, string> {
	const named: Record<string, string> = {};
	for (const match of args.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^,\s]+))/g)) {
		named[(match[1] as string).toLowerCase()] = match[2]?.replace(/\\(["\\])/g, '$1') ?? match[3] ?? match[4] ?? match[5] ?? '';
	}
	return named;
}

/** The callout a Zola admonition's arguments make: tabi's type is `info` when none is given. */
function zolaAdmonitionCallout(named: Readonly<Record<string, string>>): Callout & { unknown?: string } {
	const type = (named.type ?? 'info').trim() || 'info';
	const known = HUGO_KINDS[type.toLowerCase()];
	const kind = known ?? 'NOTE';
	const title = htmlAsText(named.title ?? '').trim() || (known ? typeTitle(type, kind) : escapeMarkdown(`${type.charAt(0).toUpperCase()}${type.slice(1)}`));
	return known ? { kind, title } : { kind, title, unknown: type };
}

/**
 * How an `admonition` box folds: LoveIt's, DoIt's and FixIt's `open=false` (its third argument, `false`, too)
 * and Even's `details="true"` fold it closed. A third argument `true` is LoveIt's open box, which a reader
 * may fold, and Even's folded one: a callout that can fold, shown open, keeps both readable.
 */
function admonitionFold(named: Readonly<Record<string, string>>, positional: readonly string[]): '-' | '+' | undefined {
	const flag = (value: string | undefined) => value?.trim().toLowerCase();
	if (flag(named.open) === 'false' || flag(named.details) === 'true' || flag(positional[2]) === 'false') return '-';
	return flag(positional[2]) === 'true' ? '+' : undefined;
}

// A box's or note's opening tag at the start of a line, and the text after it.
const ONE_LINE_HUGO_OPENING = new RegExp(`^\\{\\{([<%])\\s*(${HUGO_BOXES})(?![\\w.-])(?:[^>%\\n]|[>%](?!\\}\\}))*[>%]\\}\\}`);
const ONE_LINE_NOTE_OPENING = /^\{%-?\s*note\b[^%\n]*%\}/;
// Zola's admonition component (Tera 2), its attributes read as on a line of its own (TERA_ADMONITION_OPENING).
const ONE_LINE_TERA_OPENING = /^\{%-?[ \t]*<admonition(?=[\s>])(?:[^<>"'\n]|"[^"\n]*"|'[^'\n]*')*>[ \t]*-?%\}/;
// Doks' alert keeps its Markdown in `text=` (`{{< alert context="info" text="Some **text**" />}}`).
const TEXT_ARGUMENT = /(^|\s)text=(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`\n]*)`)/;

/**
 * A Hugo box, Hexo note or Zola admonition component written on one line, `{{% notice note %}}Text{{% /notice %}}`,
 * `{{% expand "More" %}}Text{{% /expand %}}`, `{% note info %}Text{% endnote %}` or
 * `{% <admonition type="tip"> %}Text{% </admonition> %}`, and a box Hugo's self-closing way with its text in `text=` (Doks'
 * `{{< alert context="info" text="Some **text**" />}}`): the callout that the same box on lines of its own
 * becomes, its marker on the line, its text on the next (a line more than was written). Boxes one after the
 * other on the line are a callout each, and a line in a quote (`> {{< notice tip >}}…`) gives callouts in
 * that quote. A details or expand box with no title is titled `detailsTitle`, as on lines of its own.
 * Undefined for any other line.
 */
export function oneLineBoxAsCallout(line: string, detailsTitle = ''): string | undefined {
	const quote = /^(?:[ \t]*>[ \t]?)*/.exec(line)?.[0] ?? '';
	const indent = /^[ \t]*/.exec(line.slice(quote.length))?.[0] ?? '';
	let rest = line.slice(quote.length + indent.length).trimEnd();
	const callouts: string[] = [];
	while (rest !== '') {
		const box = oneLineBox(rest);
		if (!box) return undefined;
		const written = box.lines.map((part) => `${indent}${part}`).join('\n');
		const read = box.engine === 'hugo' ? hugoBoxesAsCallouts(written, detailsTitle) : box.engine === 'tera' ? teraAdmonitionsAsCallouts(written) : hexoNotesAsCallouts(written);
		if (read === written) return undefined;
		// The callout's last line, an empty quote line, is left out: what follows the box stays on its line.
		callouts.push(
			read
				.split('\n')
				.slice(0, 2)
				.map((part) => `${quote}${part}`)
				.join('\n'),
		);
		rest = rest.slice(box.length).trimStart();
	}
	// Callouts one after the other are parted by a blank line (of the quote they are in), which ends each.
	return callouts.length === 0 ? undefined : callouts.join(`\n${quote.trimEnd()}\n`);
}

/**
 * The box that opens `text` (a Hugo box, a Hexo note or a Zola admonition component written on one line): its
 * opening tag, its text and its closing tag, each a line, and the length it takes in `text`. Undefined for
 * text that opens none.
 */
function oneLineBox(text: string): { engine: 'hugo' | 'hexo' | 'tera'; lines: string[]; length: number } | undefined {
	const hugo = ONE_LINE_HUGO_OPENING.exec(text);
	const tera = hugo ? null : ONE_LINE_TERA_OPENING.exec(text);
	const opening = hugo ?? tera ?? ONE_LINE_NOTE_OPENING.exec(text);
	if (!opening) return undefined;
	if (hugo && /\/\s*[>%]\}\}$/.test(opening[0])) {
		// Self-closing: its text is its `text=` argument, as Doks' alert reads it.
		const found = TEXT_ARGUMENT.exec(opening[0]);
		if (!found) return undefined;
		const args = opening[0].slice(0, found.index) + (found[1] as string) + opening[0].slice(found.index + found[0].length);
		const bracket = hugo[1] as string;
		const shown = found[2] === undefined ? (found[3] ?? found[4] ?? '') : found[2].replace(/\\(.)/g, '$1');
		if (shown === '') return undefined;
		const lines = [args.replace(/\s*\/\s*[>%]\}\}$/, ` ${bracket === '<' ? '>' : '%'}}}`), shown, `{{${bracket} /${hugo[2] as string} ${bracket === '<' ? '>' : '%'}}}`];
		return { engine: 'hugo', lines, length: opening[0].length };
	}
	// The box's first closing tag after its opening one ends it: what follows it on the line must be another
	// box, or nothing (`{{% notice note %}}A{{% /notice %}} and B` is not a box).
	const closes = hugo ? new RegExp(`\\{\\{[<%]\\s*\\/\\s*${hugo[2] as string}\\s*[>%]\\}\\}`, 'g') : tera ? /\{%-?[ \t]*<\/admonition[ \t]*>[ \t]*-?%\}/g : /\{%-?\s*endnote\s*-?%\}/g;
	closes.lastIndex = opening[0].length;
	const closing = closes.exec(text);
	if (!closing) return undefined;
	const inner = text.slice(opening[0].length, closing.index).trim();
	if (inner === '') return undefined;
	return { engine: hugo ? 'hugo' : tera ? 'tera' : 'hexo', lines: [opening[0], inner, closing[0]], length: closing.index + closing[0].length };
}

// hugo-theme-bootstrap's alert, which has no body: its message, quoted, then its kind (info when none).
const BOOTSTRAP_ALERT = /^([ \t]*)\{\{([<%])[ \t]*alert[ \t]+"((?:[^"\\\n]|\\.)*)"[ \t]*(?:"?([A-Za-z]+)"?[ \t]*)?([>%])\}\}[ \t]*\r?$/;

/**
 * hugo-theme-bootstrap's `{{< alert "Message" warning >}}` alone on its line, as a callout titled by its message
 * (which Hugo shows as text) on that line: `> [!WARNING] Message`. Its kinds are Bootstrap's colours, read as a
 * Hugo box's (`danger` is a caution); one no box has is a note. An alert that a box's pass left open is
 * Bootstrap's, as Hugo stops the build at any other theme's alert left open. Undefined for any other line.
 */
export function bootstrapAlertAsCallout(line: string): string | undefined {
	const alert = BOOTSTRAP_ALERT.exec(line);
	if (!alert || (alert[2] === '<') !== (alert[5] === '>')) return undefined;
	const message = (alert[3] as string).replace(/\\(.)/g, '$1').trim();
	const kind = HUGO_KINDS[(alert[4] ?? 'info').toLowerCase()] ?? 'NOTE';
	return `${alert[1] as string}> [!${kind}]${message ? ` ${escapeMarkdown(message)}` : ''}`;
}

/** Nuxt Content's (MDC) callout components, as Nuxt UI and Docus give them, and the callout each becomes, as Hugo themes' boxes of those names do. */
const MDC_KINDS: Readonly<Record<string, string>> = Object.fromEntries(
	['note', 'info', 'tip', 'success', 'important', 'warning', 'caution', 'danger'].map((name) => [name, HUGO_KINDS[name] as string]),
);
/** The colours of Nuxt UI's `::callout{color}` and the types of Docus's `::alert{type}`, and the callout each becomes. */
const MDC_COLOURS: Readonly<Record<string, string>> = {
	...MDC_KINDS,
	primary: 'NOTE',
	secondary: 'NOTE',
	neutral: 'NOTE',
	error: 'CAUTION',
};
// `::warning`, `::callout{icon="i-ph-info" color="primary"}`: two colons, and a `::` line closes it.
const MDC_OPENING = /^([ \t]{0,40})::([A-Za-z][\w-]{0,100})(?:\{([^}\n]*)\})?[ \t]*\r?$/;
const MDC_CLOSING = /^[ \t]*::[ \t]*\r?$/;
// A named slot's line, `#title`, inside a block component.
const MDC_SLOT = /^[ \t]*#[A-Za-z][\w-]*[ \t]*\r?$/;
// A line of the YAML block that may open a component's content: `color: warning`, `title: "Read this"`.
const MDC_PROP = /^[ \t]*([\w-]+)[ \t]*:[ \t]*(?:"([^"]*)"|'([^']*)'|(.*?))[ \t]*\r?$/;

/**
 * Nuxt Content's block components (MDC), each line on its line: `::note`, `::tip`, `::important`, `::warning`,
 * `::caution` … `::` become the GitHub callouts of their names, and `::callout` and `::alert` take their kind
 * from `color` or `type` (a note by default); a `title`, written in braces or in the YAML block that may open
 * the content (`---` … `---`), is the callout's. Any other block component, one with named slots (`#title`),
 * and every one when `callouts` is false, is left as written and reported with its line, and so is a
 * callout's link (`to`), which a callout cannot carry. Nested components close with the same two colons;
 * those of three (`:::note`) are admonitions (admonitionsAsCallouts). Fenced code is left alone.
 */
export function mdcBlocksAsCallouts(body: string, callouts = true): MdcResult {
	if (!body.includes('::')) return { body, unread: [] };
	const unread: MdcResult['unread'] = [];
	// Indented code, fences in list items and quotes, and HTML blocks (`<pre>`) show their colons as written.
	const verbatim = verbatimLines(body.split('\n'), /^[ \t>]*::/);
	const read = pairedBlocksAsCallouts(body, MDC_OPENING, () => MDC_CLOSING, (args, opening, { lines, start, end }) => {
		const name = opening[2] as string;
		const report = (reason: string) => unread.push({ line: start + 1, text: (lines[start] as string).trim(), reason });
		const coloured = name === 'callout' || name === 'alert';
		const kindOf = MDC_KINDS[name.toLowerCase()];
		if (!coloured && !kindOf) {
			// Its YAML props (`---` … `---` under it) are left out: shown, their `---` lines would make headings.
			const props = Object.keys(yamlProps(lines, start, end));
			report(`it is a Nuxt Content component that Carnet does not have${props.length > 0 ? ` (its props, ${props.join(', ')}, are left out)` : ''}. Replace it with Markdown or HTML`);
			return undefined;
		}
		if (!callouts) {
			report('it is a Nuxt Content callout, and the callouts option is false. Replace it with Markdown or HTML');
			return undefined;
		}
		const slot = lines.slice(start + 1, end).find((line) => MDC_SLOT.test(line));
		if (slot !== undefined) {
			report(`Carnet reads a callout's text, not its named slot ${slot.trim()}. Write the callout as > [!NOTE] Title`);
			return undefined;
		}
		const props = Object.fromEntries([...readAttributes(args)].map(([key, value]) => [key, value.trim()]));
		Object.assign(props, yamlProps(lines, start, end));
		const kind = coloured ? MDC_COLOURS[(props.color ?? props.type ?? 'note').toLowerCase()] : kindOf;
		if (!kind) {
			report(`Carnet reads the colours ${Object.keys(MDC_COLOURS).join(', ')}, not ${props.color ?? props.type}`);
			return undefined;
		}
		const link = props.to ?? props.href;
		if (link !== undefined) {
			unread.push({ line: start + 1, text: `the link to ${JSON.stringify(link)} of ${name}`, reason: 'a callout leads nowhere. Write the link in its text', leftOut: true });
		}
		// Nuxt shows a title as text: what looks like HTML or Markdown in it is shown as written.
		return { kind, title: escapeMarkdown((props.title ?? '').replace(/\s+/g, ' ').trim()) };
	}, verbatim);
	return { body: read, unread: unread.sort((a, b) => a.line - b.line) };
}

export interface MdcResult {
	body: string;
	/** The components shown as written and the links left out, with their line (1 = the body's first) and why. */
	unread: { line: number; text: string; reason: string; leftOut?: true }[];
}

/** The props of the YAML block (`---` … `---`) that opens the content of the block from `start` to `end`, its lines emptied. */
function yamlProps(lines: string[], start: number, end: number): Record<string, string> {
	if ((lines[start + 1] ?? '').trim() !== '---') return {};
	const close = lines.slice(start + 2, Math.min(end, start + 50)).findIndex((line) => line.trim() === '---');
	if (close === -1) return {};
	const props: Record<string, string> = {};
	for (let at = start + 2; at < start + 2 + close; at++) {
		const prop = MDC_PROP.exec(lines[at] as string);
		if (prop) props[(prop[1] as string).toLowerCase()] = (prop[2] ?? prop[3] ?? prop[4] ?? '').trim();
	}
	lines.fill('', start + 1, start + 3 + close);
	return props;
}

/**
 * Each block between an `opening` line and the matching closing line (paired innermost first), made a GitHub
 * callout of the kind and title `callout` reads from the opening's arguments (its last group), each line on
 * its line and indented as the opening is. Fenced code is left alone, and so is a block `callout` returns
 * nothing for.
 */
function pairedBlocksAsCallouts(
	body: string,
	opening: RegExp,
	closingFor: (opening: RegExpExecArray) => RegExp,
	callout: (args: string, opening: RegExpExecArray, block: Block) => Callout | undefined,
	verbatim?: ReadonlySet<number>,
): string {
	const lines = body.split('\n');
	const open: { index: number; match: RegExpExecArray; closing: RegExp }[] = [];
	const closings: number[] = [];
	outsideFences(lines, (line, index) => {
		if (verbatim?.has(index)) return;
		const match = opening.exec(line);
		if (match) {
			open.push({ index, match, closing: closingFor(match) });
			return;
		}
		const innermost = open.at(-1);
		if (!innermost || !innermost.closing.test(line)) return;
		open.pop();
		const found = callout(innermost.match[innermost.match.length - 1] ?? '', innermost.match, { lines, start: innermost.index, end: index });
		if (!found) return;
		blockAsCallout(lines, innermost.index, index, innermost.match[1] ?? '', found);
		closings.push(index);
	});
	separateAdjacentQuotes(lines, closings);
	return lines.join('\n');
}

// A line that is a quote's, or opens a box that one of the passes here makes a quote of.
const QUOTE_NEXT = new RegExp(`^[ \\t]*(?:>|:{2,}[ \\t]*[A-Za-z{]|\\{\\{[<%]\\s*(?:${HUGO_BOXES})\\b|\\{%-?\\s*note\\b|\\{%-?[ \\t]*<admonition\\b|!!!|\\?\\?\\?|\\+\\+\\+[A-Za-z]*[ \\t])`);

/**
 * The closing lines of blocks made callouts (`closings`), which are their quotes' last, emptied where the next
 * line is a quote's too, or opens another box: two boxes written one after the other (`:::` then `:::tip`,
 * `{{< /notice >}}` then `{{< notice >}}`, of one syntax or two) would be one quote, the second box's marker
 * text in the first. A closing inside a callout keeps the outer one's mark. Other closings keep theirs, which
 * keeps a list whose item holds a box tight.
 */
function separateAdjacentQuotes(lines: string[], closings: Iterable<number>): void {
	for (const end of closings) {
		if (!QUOTE_NEXT.test(lines[end + 1] ?? '')) continue;
		lines[end] = (lines[end] as string).replace(/>[ \t]*$/, '').trimEnd();
	}
}

/** A block's lines (the whole body's, which `callout` may change inside the block), its opening's index and its closing's. */
interface Block {
	lines: string[];
	start: number;
	end: number;
}

/** A callout's kind (`NOTE`), its title, and `-` (folded) or `+` (foldable, open) for a `<details>`. */
interface Callout {
	kind: string;
	title: string;
	fold?: '-' | '+' | undefined;
}

function blockAsCallout(lines: string[], start: number, end: number, indent: string, { kind, title, fold }: Callout): void {
	lines[start] = `${indent}> [!${kind}]${fold ?? ''}${title ? ` ${title}` : ''}`;
	for (let at = start + 1; at < end; at++) {
		const line = lines[at] as string;
		lines[at] = `${indent}> ${line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()}`.trimEnd();
	}
	lines[end] = `${indent}>`;
}
