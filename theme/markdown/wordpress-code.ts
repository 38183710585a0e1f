import { fenceAfter, verbatimLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';
import type { WordpressResult } from './wordpress.ts';
import { escapeXml } from '../utils/xml.ts';

// SyntaxHighlighter Evolved's shortcodes (WordPress.com has them too): `[code]`, `[sourcecode]`, `[source]`
// and one for each language it highlights (`[php]`), by its names, which the fence is given when a
// highlighter knows it by another.
const LANGUAGES: Readonly<Record<string, string>> = {
	as3: 'actionscript',
	actionscript3: 'actionscript',
	arduino: 'cpp',
	bash: 'bash',
	shell: 'bash',
	coldfusion: 'text',
	cf: 'text',
	clojure: 'clojure',
	clj: 'clojure',
	cpp: 'cpp',
	c: 'c',
	'c-sharp': 'csharp',
	csharp: 'csharp',
	css: 'css',
	delphi: 'pascal',
	pas: 'pascal',
	pascal: 'pascal',
	diff: 'diff',
	patch: 'diff',
	erl: 'erlang',
	erlang: 'erlang',
	fsharp: 'fsharp',
	go: 'go',
	golang: 'go',
	groovy: 'groovy',
	haskell: 'haskell',
	java: 'java',
	jfx: 'java',
	javafx: 'java',
	js: 'js',
	jscript: 'js',
	javascript: 'js',
	matlab: 'matlab',
	matlabkey: 'matlab',
	objc: 'objc',
	'obj-c': 'objc',
	perl: 'perl',
	pl: 'perl',
	php: 'php',
	plain: 'text',
	text: 'text',
	ps: 'powershell',
	powershell: 'powershell',
	py: 'python',
	python: 'python',
	splus: 'r',
	rails: 'ruby',
	rb: 'ruby',
	ror: 'ruby',
	ruby: 'ruby',
	ts: 'ts',
	typescript: 'ts',
	scala: 'scala',
	sql: 'sql',
	swift: 'swift',
	vb: 'vb',
	vbnet: 'vb',
	xml: 'xml',
	xhtml: 'xml',
	xslt: 'xml',
	html: 'html',
	yaml: 'yaml',
	yml: 'yaml',
	// Names the plugin takes in `language="…"` only: as shortcodes they would take `[r]` and `[latex]` from text.
	latex: 'latex',
	tex: 'latex',
	r: 'r',
};
const SHORTCODES = new Set(['code', 'sourcecode', 'source', ...Object.keys(LANGUAGES).filter((name) => !['latex', 'tex', 'r'].includes(name))]);
// A shortcode alone on its line, opening or closing a block of code; or opening and closing the paragraph that
// holds it, as jekyll-import writes wordpress.com's posts (`<p>[code]` … `[/code]</p>`).
const OPENING = /^ {0,3}(<p>)?\[([a-z][\w-]{0,20})((?:\s[^\]]{0,500})?)\]\s*$/;
const CLOSING = /^ {0,3}\[\/([a-z][\w-]{0,20})\]\s*(<\/p>)?\s*$/;
const HINT = /^ {0,3}\[\/[a-z][\w-]{0,20}\]\s*(?:<\/p>\s*)?$/m;
// A block written on one line (`[php]<?php echo 1; ?>[/php]`), alone on it.
const ONE_LINE = /^( {0,3})\[([a-z][\w-]{0,20})((?:\s[^\]]{0,500})?)\](.*)\[\/([a-z][\w-]{0,20})\]\s*$/;
const ONE_LINE_HINT = /\[\/[a-z][\w-]{0,20}\]\s*$/m;
// A line a shortcode opens, either way.
const SHORTCODE_LINE = /^ {0,3}\[[a-z][\w-]{0,20}[\s\]]/;
// What htmlspecialchars() writes, as SyntaxHighlighter stores a block's code (and an export keeps it).
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#0*(\d{1,7})|#x0*([\da-f]{1,6}));/gi;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The lines (0 = the first) that start inside an HTML comment: one an `<!--` above opened, and no `-->` has ended yet. */
function commentedLines(lines: readonly string[]): Set<number> {
	const commented = new Set<number>();
	let open = false;
	for (const [index, line] of lines.entries()) {
		if (open) commented.add(index);
		const opens = line.lastIndexOf('<!--');
		const closes = line.lastIndexOf('-->');
		if (opens !== -1 || closes !== -1) open = opens > closes;
	}
	return commented;
}

/**
 * SyntaxHighlighter Evolved's blocks of code (`[code language="php"]`, `[sourcecode lang="js"]`, `[php]`,
 * each alone on its line, closed by `[/code]` alone on its own) as fenced code in that language, each line
 * on its line, its title kept; the code as the plugin shows it (it stores `<` as `&lt;` and so on, which an
 * export keeps). One written on one line (`[php]<?php echo 1; ?>[/php]`) is that code as inline code, on
 * its line. One with no closing line, or in an HTML block, where Markdown is not read, is reported.
 */
export function wordpressCodeBlocks(body: string): WordpressResult {
	if (!body.includes('[/') || (!HINT.test(body) && !ONE_LINE_HINT.test(body))) return { body, unread: [] };
	const lines = body.split('\n');
	const html = new Set<number>();
	verbatimLines(lines, SHORTCODE_LINE, { html: false, htmlLines: html });
	// Each shortcode's closing lines, in order, and the next one to look at: each line is looked at once.
	const closings = new Map<string, { lines: number[]; next: number }>();
	// The closing lines that end a paragraph too (`[/code]</p>`).
	const paragraphEnds = new Set<number>();
	for (const [index, line] of lines.entries()) {
		const closing = CLOSING.exec(line);
		const name = closing?.[1];
		if (!name || !SHORTCODES.has(name)) continue;
		if (closing[2]) paragraphEnds.add(index);
		const found = closings.get(name) ?? { lines: [], next: 0 };
		found.lines.push(index);
		closings.set(name, found);
	}
	const unread: WordpressResult['unread'] = [];
	let commented: Set<number> | undefined;
	// Fences are followed here, not found beforehand: a block's code may hold a fence's backticks.
	let fence: string | undefined;
	for (let index = 0; index < lines.length; index++) {
		const followed = fenceAfter(lines[index] as string, fence);
		fence = followed.open;
		const oneLine = followed.code ? null : ONE_LINE.exec(lines[index] as string);
		if (oneLine && oneLine[2] === oneLine[5] && SHORTCODES.has(oneLine[2] as string) && (oneLine[4] as string).trim() !== '' && !(oneLine[4] as string).includes(`[/${oneLine[2]}]`)) {
			if (html.has(index)) {
				commented ??= commentedLines(lines);
				if (!commented.has(index)) unread.push({ line: index + 1, text: (lines[index] as string).trim(), reason: 'it is in HTML, where Markdown is not read; leave a blank line before it' });
				continue;
			}
			// A fence takes a line of its own above and below the code: the code stays on its line as inline
			// code, so that the lines after it keep their numbers. As written, a browser reads `<?php … ?>` as a
			// comment and shows none of it.
			lines[index] = `${oneLine[1]}${codeSpan(decoded([(oneLine[4] as string).trim()])[0] as string)}`;
			continue;
		}
		const opening = followed.code ? null : OPENING.exec(lines[index] as string);
		const name = opening?.[2];
		const found = name === undefined ? undefined : closings.get(name);
		if (!opening || !name || !found) continue;
		const shown = (lines[index] as string).trim();
		// A block that opens its paragraph in HTML is written as HTML: it is the paragraph WordPress wrapped it in.
		const paragraph = opening[1] !== undefined;
		if (html.has(index) && !paragraph) {
			// A block the author commented out is not shown at all: nothing to say about it.
			commented ??= commentedLines(lines);
			if (commented.has(index)) continue;
			unread.push({ line: index + 1, text: shown, reason: 'it is in HTML, where Markdown is not read; leave a blank line before it' });
			continue;
		}
		while (found.next < found.lines.length && (found.lines[found.next] as number) <= index) found.next++;
		const closing = found.lines[found.next];
		// A `[/code]</p>` closes only a block whose paragraph the shortcode opened: elsewhere its `</p>` would be lost.
		if (paragraph && closing !== undefined && !paragraphEnds.has(closing)) {
			unread.push({ line: index + 1, text: shown, reason: `it is in HTML, where Markdown is not read; end it with [/${name}]</p> or leave a blank line before it` });
			continue;
		}
		if (closing === undefined || paragraphEnds.has(closing) !== paragraph) {
			unread.push({ line: index + 1, text: shown, reason: `Carnet found no [/${name}] alone on a later line to close it; put [/${name}] on the line after the code` });
			continue;
		}
		found.next++;
		if (paragraph) {
			commented ??= commentedLines(lines);
			if (commented.has(index)) continue;
			lines.splice(index, closing - index + 1, ...codeAsHtml(name, opening[3] ?? '', lines.slice(index + 1, closing)));
			index = closing;
			continue;
		}
		const content = decoded(lines.slice(index + 1, closing));
		const backticks = '`'.repeat(Math.max(3, longestBackticks(content) + 1));
		lines.splice(index, closing - index + 1, `${backticks}${info(name, opening[3] ?? '')}`, ...content, backticks);
		index = closing;
	}
	return { body: lines.join('\n'), unread };
}

/** The fence's info: the block's language, and its title as a fence's `title="…"`. */
function info(name: string, written: string): string {
	const { language, title } = languageAndTitle(name, written);
	return `${language}${title ? ` title="${title.replace(/"/g, "'")}"` : ''}`;
}

function languageAndTitle(name: string, written: string): { language: string; title: string | undefined } {
	const attributes = readAttributes(written);
	const language = (attributes.get('language') ?? attributes.get('lang') ?? (Object.hasOwn(LANGUAGES, name) ? name : '')).toLowerCase();
	const known = Object.hasOwn(LANGUAGES, language) ? (LANGUAGES[language] as string) : /^[\w#+.-]{1,30}$/.test(language) ? language : '';
	return { language: known, title: attributes.get('title') };
}

/**
 * A block in its own paragraph of HTML (`<p>[code]` … `[/code]</p>`), where Markdown is not read, as the
 * code's `<pre>`, as many lines as it took, its closing line left blank. WordPress's wpautop wrote each blank
 * line of the code as a paragraph break (`</p>`, and `<p>` on the next line): it is a blank line again,
 * written `&#10;` so that the line count holds. A blank line of the code is an empty comment, which would
 * otherwise end the HTML block.
 */
function codeAsHtml(name: string, written: string, code: readonly string[]): string[] {
	const unwrapped = code.map((line, at) => {
		const breaks = line.endsWith('</p>') && code[at + 1]?.startsWith('<p>') === true;
		const opened = at > 0 && code[at - 1]?.endsWith('</p>') === true && line.startsWith('<p>');
		return { text: (opened ? line.slice(3) : line).slice(0, breaks ? -4 : undefined), breaks };
	});
	const texts = decoded(unwrapped.map(({ text }) => text));
	const shown = texts.map((text, at) => (text === '' && at > 0 ? '<!---->' : `${escapeXml(text)}${unwrapped[at]?.breaks ? '&#10;' : ''}`));
	const { language, title } = languageAndTitle(name, written);
	const figure = title ? `<figure class="carnet-code"><figcaption class="carnet-code__title">${escapeXml(title)}</figcaption>` : '';
	const pre = `${figure}<pre${language ? ` data-language="${language}"` : ''}>`;
	const codeTag = `<code${language ? ` class="language-${language}"` : ''}>`;
	const end = `</code></pre>${figure ? '</figure>' : ''}`;
	// A newline right after <pre> is not the code's, as HTML reads it; one before </code> would be. The closing
	// line is left blank, which ends the HTML block after the code rather than in it.
	if (shown.length === 0) return [`${pre}${codeTag}${end}`, ''];
	return [pre, ...[`${codeTag}${shown[0]}`, ...shown.slice(1)].map((line, at) => (at === shown.length - 1 ? `${line}${end}` : line)), ''];
}

/**
 * The code as SyntaxHighlighter shows it: it stores a block's code escaped, every `<`, `>`, `&` and `"` as
 * an entity, and reads it back. Code with any of those written as itself was stored as written.
 */
function decoded(code: string[]): string[] {
	const text = code.join('\n');
	if (/[<>"]/.test(text) || !/&(?:lt|gt|amp|quot);/.test(text)) return code;
	return code.map((line) =>
		line.replace(ENTITY, (whole, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
			if (name) return NAMED[name.toLowerCase()] ?? whole;
			const point = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
			return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
		}),
	);
}

/** `code` as a Markdown code span, between more backticks than it holds in a row (and spaces, against one of its own). */
function codeSpan(code: string): string {
	const backticks = '`'.repeat(longestBackticks([code]) + 1);
	const padded = code.startsWith('`') || code.endsWith('`') ? ` ${code} ` : code;
	return `${backticks}${padded}${backticks}`;
}

function longestBackticks(code: readonly string[]): number {
	let longest = 0;
	for (const line of code) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
	return longest;
}
