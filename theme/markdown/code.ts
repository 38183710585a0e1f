import { createRequire } from 'node:module';
import { classNames, h, isElement, text, type HastElement, type HastNode, type MdastNode } from './hast.ts';
import { readBracedFenceInfo, readCellOptions } from './fences.ts';
import { readHighlightComments, readShikiNotation } from './highlight-comments.ts';
import { readSvelteAnnotations } from './svelte-code.ts';

/** The class of the element a fenced block with a meta string is wrapped in before highlighting. */
export const CODE_META_CLASS = 'carnet-code-meta';

export interface CodeMeta {
	title?: string;
	/** Lines to highlight (`{1,3-4}`, Expressive Code's `mark={1}`). */
	lines: Set<number>;
	/** Expressive Code's lines marked as added (`ins={4}`) and removed (`del={5}`), as a diff shows them. */
	inserted?: Set<number>;
	deleted?: Set<number>;
}

/**
 * `title="app.js" {1,3-4} ins={5} del={6}` → the title and the line numbers to highlight, mark as added, and as removed.
 * nodejs.org's `displayName="Before"`, the label of a tab of code there, is a title too.
 */
export function parseCodeMeta(meta: string | null | undefined): CodeMeta | undefined {
	if (!meta) return undefined;
	const title = /(?:^|\s)(?:title|displayName)=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
	// Expressive Code may label a range (`ins={"A":2-3}`): the label is not shown.
	const item = String.raw`(?:"[^"{}]{0,100}"\s*:\s*)?\d+(?:\s*-\s*\d+)?`;
	const ranges = String.raw`\{(\s*${item}(?:\s*,\s*${item})*\s*)\}`;
	const lines = lineNumbers(new RegExp(String.raw`(?:^|\s)(?:mark=)?${ranges}`, 'g'), meta);
	const inserted = lineNumbers(new RegExp(String.raw`(?:^|\s)ins=${ranges}`, 'g'), meta);
	const deleted = lineNumbers(new RegExp(String.raw`(?:^|\s)del=${ranges}`, 'g'), meta);
	const value = title?.[1] ?? title?.[2] ?? title?.[3];
	if (value === undefined && lines.size === 0 && inserted.size === 0 && deleted.size === 0) return undefined;
	return { ...(value !== undefined ? { title: value } : {}), lines, ...(inserted.size > 0 ? { inserted } : {}), ...(deleted.size > 0 ? { deleted } : {}) };
}

/** The line numbers of every range list `pattern` finds in `meta` (`1,3-4`). */
function lineNumbers(pattern: RegExp, meta: string): Set<number> {
	const lines = new Set<number>();
	for (const match of meta.matchAll(pattern)) {
		for (const range of (match[1] as string).replace(/"[^"]*"\s*:/g, '').split(',')) {
			const [from, to = from] = range.split('-').map((part) => Number.parseInt(part.trim(), 10));
			if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to)) continue;
			// A typo such as {1-100000} should not stall the build.
			for (let line = Math.max(1, from); line <= Math.min(to, from + 10_000); line++) lines.add(line);
		}
	}
	return lines;
}

/**
 * A fenced block whose meta string has a title or line numbers, wrapped in an element that carries
 * them past highlighting: Shiki and Prism replace the block's `<pre>` and drop its meta string.
 * `source` is the whole post, which says whether its blocks have svelte.dev's annotations (svelte-code.ts).
 */
export function codeWrapperFor(written: MdastNode, options: { meta: boolean; prism: boolean }, source = ''): MdastNode | undefined {
	if (written.lang === 'math') return undefined;
	const code = withCodeHiliteHeader(withBracedInfo(written), source);
	const annotated = options.meta ? readSvelteAnnotations(code.value ?? '', code.lang, code.meta, source) : undefined;
	// Docusaurus's highlight comments, after svelte.dev's annotations, then Shiki's notation comments.
	const commented = (options.meta ? readHighlightComments(annotated?.value ?? code.value ?? '', code.lang, annotated ? annotated.meta : code.meta) : undefined) ?? annotated;
	const rewritten = (options.meta ? readShikiNotation(commented?.value ?? code.value ?? '', commented ? commented.meta : code.meta) : undefined) ?? commented;
	const info = options.meta ? otherEnginesFence(code.lang, rewritten ? rewritten.meta : code.meta) : undefined;
	const lang = info ? info.lang : code.lang;
	const highlighted = options.prism ? prismLanguage(lang) : lang;
	const node: MdastNode =
		info || rewritten || highlighted !== lang
			? { ...code, ...(rewritten ? { value: rewritten.value } : {}), lang: highlighted ?? null, meta: info ? info.meta : rewritten ? rewritten.meta : (code.meta ?? null) }
			: code;
	const meta = options.meta ? parseCodeMeta(node.meta) : undefined;
	if (!meta) return node === written ? undefined : node;
	return {
		type: 'carnetCode',
		data: { hName: 'div', hProperties: { className: [CODE_META_CLASS], dataCarnetMeta: node.meta ?? '' } },
		children: [node],
	};
}

/**
 * A fence whose info string is in braces, as Pandoc, Quarto and knitr write it (```{r, echo=FALSE}, ~~~ {.python},
 * ```{=latex}), with the language or format they name and no meta string: their other attributes (an id, line
 * numbers, chunk options) are for engines that run or number the code. A chunk's code is shown without the
 * option lines it opens with (`#| echo: false`), as Quarto shows it.
 */
function withBracedInfo(code: MdastNode): MdastNode {
	if (!code.lang?.startsWith('{')) return withGatsbyOptions(code);
	const info = readBracedFenceInfo(code.meta ? `${code.lang} ${code.meta}` : code.lang);
	if (!info) return code;
	const lines = info.chunk && code.value?.startsWith('#|') ? code.value.split('\n') : undefined;
	return { ...code, lang: info.language ?? info.format ?? null, meta: null, ...(lines ? { value: lines.slice(readCellOptions(lines).count).join('\n') } : {}) };
}

// gatsby-remark-prismjs's groups of options after the language; the parser cuts the info string at the space in
// `{numberLines: true}`, which is put back to read them.
const GATSBY_INFO = /^([\w#+.-]+)((?:\{[^{}\n]*\})+)(.*)$/s;
const GATSBY_OPTION = /^\s*\w+\s*:/;

/**
 * gatsby-remark-prismjs's fence, ` ```javascript{numberLines: 5} `, ` ```jsx{1,3}{numberLines: true} `,
 * ` ```bash{promptUser: alice}{outputLines: 2} `, with its language, and its lines to mark as Carnet writes
 * them (`{1,3}`). Its options (line numbers, a shell's prompt and output lines) are the look of Gatsby's
 * blocks, which Carnet's have none of, and are left out as Gatsby leaves out those it does not know.
 */
function withGatsbyOptions(code: MdastNode): MdastNode {
	if (!code.lang?.includes('{')) return code;
	const info = GATSBY_INFO.exec(code.meta ? `${code.lang} ${code.meta}` : code.lang);
	const groups = info?.[2]?.slice(1, -1).split('}{') ?? [];
	if (!info || !groups.some((group) => GATSBY_OPTION.test(group))) return code;
	const lines = groups.filter((group) => /^[\d,\s-]+$/.test(group)).map((group) => `{${group.replace(/\s+/g, '')}}`);
	const meta = [...lines, (info[3] as string).trim()].filter((part) => part !== '').join(' ');
	return { ...code, lang: info[1] as string, meta: meta === '' ? null : meta };
}

// CodeHilite's first line of an indented block (Python-Markdown's, as Pelican and MkDocs use it): `:::python`
// or `#!python`, which it reads as the block's language and removes, `hl_lines="1 3"` after it the lines to
// highlight. A shebang with a path (`#!/usr/bin/env python`) is the script's own line, which it keeps.
const CODEHILITE_HEADER = /^([ \t]*)(?::{2,}|#!)([\w#.+-]+)[ \t]*(?:hl_lines=(["'])([\d \t-]*)\3)?[ \t]*$/;
// pymdownx InlineHilite's mark before inline code, `#!python ` or `:::python `, which it reads as the code's language.
const INLINEHILITE_MARK = /^(?:#!|:{3,})[\w#.+-]+[ \t]+(?=\S)/;
/** Whether a body may hold CodeHilite's first lines (indented) or InlineHilite's marks: only such a body needs their pass, and positions. */
export const HILITE_HINT = /^(?=[ \t>]*(?: {4}|\t))[ \t>]*(?::{2,}|#!)[\w#.+-]|`(?:#!|:{3})[\w#.+-]/m;

/**
 * An indented block whose first line is CodeHilite's (`:::bash`, `#!python`, `:::python hl_lines="2"`), in that
 * language, its lines highlighted, without the line. Not a fence's: CodeHilite reads only indented blocks, and
 * `source`, where the block's position is, tells them apart. A block of that line alone keeps it.
 */
function withCodeHiliteHeader(code: MdastNode, source: string): MdastNode {
	const value = code.value ?? '';
	const newline = value.indexOf('\n');
	if (code.lang || code.meta || newline === -1) return code;
	const header = CODEHILITE_HEADER.exec(value.slice(0, newline));
	const start = code.position?.start.offset;
	if (!header || start === undefined || /^[ \t]{0,3}(?:```|~~~)/.test(source.slice(start, start + 8))) return code;
	const [, indent = '', language = '', , lines] = header;
	// A block in a list item indented as Python-Markdown's four spaces is indented further in CommonMark's reading.
	const rest = value.slice(newline + 1).split('\n');
	const body = indent !== '' && rest.every((line) => line.trim() === '' || line.startsWith(indent)) ? rest.map((line) => line.slice(indent.length)) : rest;
	const marked = lines?.trim().split(/\s+/).join(',');
	return { ...code, lang: language.toLowerCase(), meta: marked ? `{${marked}}` : null, value: body.join('\n') };
}

/** Inline code that opens with InlineHilite's mark (`` `#!python print(1)` ``) without it, as its code: inline code is not highlighted. */
export function withoutInlineHiliteMark(code: MdastNode): MdastNode | undefined {
	const mark = INLINEHILITE_MARK.exec(code.value ?? '');
	return mark ? { ...code, value: (code.value ?? '').slice(mark[0].length) } : undefined;
}

// Prism's languages and their aliases (prismjs/components.json), and those its core and Astro's adapter add.
let prismLanguages: ReadonlySet<string> | undefined;
const PRISM_CORE = ['plain', 'plaintext', 'text', 'txt', 'astro'];
// Languages Prism has no grammar for, by the one that shows them best: components' templates as HTML.
const PRISM_NEAREST: Readonly<Record<string, string>> = {
	svelte: 'markup',
	vue: 'markup',
	riot: 'markup',
	marko: 'markup',
	angular: 'markup',
	mdx: 'markdown',
	jsonc: 'json',
	console: 'shell-session',
	terminal: 'shell-session',
	zsh: 'bash',
	fish: 'bash',
	// Prism's components that only add to another language's grammar, and have none of their own.
	'css-extras': 'css',
	'js-extras': 'javascript',
	'js-templates': 'javascript',
	'php-extras': 'php',
	'xml-doc': 'markup',
	// Names as GitHub and Rouge spell them.
	'c++': 'cpp',
	'objective-c': 'objectivec',
	'obj-c': 'objectivec',
	'c#': 'csharp',
	'f#': 'fsharp',
	golang: 'go',
	shell: 'bash',
	// Names as Shiki (VitePress, Astro's default) spells them.
	'vue-html': 'markup',
	'angular-html': 'markup',
	'angular-ts': 'typescript',
	shellscript: 'bash',
	dotenv: 'bash',
	mjs: 'javascript',
	cjs: 'javascript',
	mts: 'typescript',
	cts: 'typescript',
	jsonl: 'json',
	postcss: 'css',
	terraform: 'hcl',
	tf: 'hcl',
	proto: 'protobuf',
	ps1: 'powershell',
	bat: 'batch',
	cmd: 'batch',
	gql: 'graphql',
	rs: 'rust',
	patch: 'diff',
};

function knownToPrism(language: string): boolean {
	if (!prismLanguages) {
		const { languages } = createRequire(import.meta.url)('prismjs/components.json') as { languages: Record<string, { alias?: string | string[] }> };
		prismLanguages = new Set([...PRISM_CORE, ...Object.entries(languages).flatMap(([id, { alias }]) => (id === 'meta' ? [] : [id, ...(alias === undefined ? [] : [alias].flat())]))]);
	}
	return prismLanguages.has(language);
}

/**
 * The language Prism is given for a fence of `lang`: Astro's Prism adapter writes the code of a language
 * it has no grammar for (` ```svelte `, ` ```JS `) into the page as HTML, where a `<script>` in the sample
 * runs, and the language into an attribute unescaped. A language is lower-cased, one Prism lacks becomes
 * the nearest it has (`svelte` and `vue` are HTML) or plain text, and one with characters no language name
 * has (quotes, `<`) plain text.
 */
export function prismLanguage(lang: string | null | undefined): string | null | undefined {
	if (!lang || lang === 'math') return lang;
	const language = lang.toLowerCase();
	if (!/^[\w#+.-]+$/.test(language)) return 'plaintext';
	return PRISM_NEAREST[language] ?? (knownToPrism(language) ? language : 'plaintext');
}

/**
 * VitePress's and VuePress's fences: highlighted lines after the language, without a space
 * (` ```js{1,3-5} `), and the file's name in brackets (` ```js [main.js] `, or against the language as Nuxt
 * Content writes it), in Carnet's words.
 */
function vitepressFence(lang: string | null | undefined, meta: string | null | undefined): { lang: string | null; meta: string | null } | undefined {
	// Nuxt Content writes the file's name against the language too: ` ```js[nuxt.config.js] `, ` ```js{2}[server.js] `.
	const lines = lang ? /^([\w#+.-]+)(?:\{([\d,\s-]+)\})?(?:\[([^\]]+)\])?$/.exec(lang) : null;
	const named = lines?.[3] === undefined && meta ? /^\s*\[([^\]\n]+)\]\s*(.*)$/.exec(meta) : null;
	// The file's name, against the language or first in the meta string, and what the meta string has besides.
	const title = (lines?.[3] ?? named?.[1])?.trim();
	const rest = named ? (named[2] as string) : meta;
	if (!lines?.[2] && title === undefined) return undefined;
	const parts = [
		...(lines?.[2] ? [`{${lines[2].replace(/\s+/g, '')}}`] : []),
		...(title ? [title.includes('"') ? `title='${title}'` : `title="${title}"`] : []),
		...(rest ? [rest] : []),
	].filter((part) => part.trim() !== '');
	return { lang: lines ? (lines[1] as string) : (lang ?? null), meta: parts.length > 0 ? parts.join(' ') : null };
}

// eleventy-plugin-syntaxhighlight's lines after the language: ` ```js/2-3 `, or lines added then removed,
// ` ```js/1,3/5 ` (`-` for none, ` ```js/-/2 `).
const ELEVENTY_LINES = /^([\w#+.-]+)\/(-|\d{1,6}(?:-\d{1,6})?(?:,\d{1,6}(?:-\d{1,6})?){0,100})(?:\/(-|\d{1,6}(?:-\d{1,6})?(?:,\d{1,6}(?:-\d{1,6})?){0,100}))?$/;

/**
 * eleventy-plugin-syntaxhighlight's fence, ` ```js/2-3 `, in Carnet's words: one list of lines is highlighted
 * (`{3-4}`), two are lines added and removed (`ins={…} del={…}`), as a diff shows them. Eleventy counts
 * a block's lines from 0, so `js/2-3` marks its third and fourth lines, as it did on the Eleventy site.
 */
function eleventyFence(lang: string | null | undefined, meta: string | null | undefined): { lang: string | null; meta: string | null } | undefined {
	const match = lang ? ELEVENTY_LINES.exec(lang) : null;
	if (!match) return undefined;
	const [, language, first, second] = match as unknown as [string, string, string, string | undefined];
	// From Eleventy's count to Carnet's, which starts at 1: `2-3` is `3-4`.
	const ranges = (list: string) => list.replace(/\d+/g, (number) => String(Number(number) + 1));
	const parts =
		second === undefined
			? [...(first === '-' ? [] : [`{${ranges(first)}}`])]
			: [...(first === '-' ? [] : [`ins={${ranges(first)}}`]), ...(second === '-' ? [] : [`del={${ranges(second)}}`])];
	if (meta) parts.push(meta);
	return { lang: language, meta: parts.length > 0 ? parts.join(' ') : null };
}

/**
 * A fence's language and meta string as Zola and Hugo write their options, in Carnet's words, or
 * undefined for a fence that has none of theirs:
 * - Zola: ` ```rust,hl_lines=1 3-5,name=main.rs ` (options after a comma, highlighted lines apart by spaces);
 * - Hugo: ` ```go {linenos=table,hl_lines=[8,"15-17"]} ` or `{hl_lines="2 4-5"}`, and Hextra's file name `{filename="main.go"}`.
 * Highlighted lines become `{1,3-5}` and a file name `title="main.rs"`; other options (line numbers) are
 * left out, as Carnet's blocks have none. With a first line number other than 1 the lines are not marked.
 */
export function otherEnginesFence(lang: string | null | undefined, meta: string | null | undefined): { lang: string | null; meta: string | null } | undefined {
	const vitepress = vitepressFence(lang, meta);
	if (vitepress) return vitepress;
	const eleventy = eleventyFence(lang, meta);
	if (eleventy) return eleventy;
	// rehype-pretty-code's file name against the language, as Next.js starters write it (` ```js:tailwind.config.js `),
	// and VitePress's line numbers (` ```ts:line-numbers `, `:no-line-numbers`, `:line-numbers=2`), which Carnet's blocks have none of.
	const named = lang ? /^([\w#+-]+):([^\s:"]+)$/.exec(lang) : null;
	if (named && /^(?:no-)?line-numbers(?:=\d+)?$/.test(named[2] as string)) return { lang: named[1] as string, meta: meta ?? null };
	// gatsby-remark-code-titles writes the name after `title=`: ` ```js:title=src/example.js `.
	const file = named?.[2]?.replace(/^title=/, '');
	if (named && file && /[./]/.test(file)) return { lang: named[1] as string, meta: `title="${file}"${meta ? ` ${meta}` : ''}` };
	// Hugo's options in braces; Hextra's name the file too (` ```go {filename="main.go", hl_lines=[2]} `).
	const hugo = meta !== null && meta !== undefined && /^\{.*=.*\}$/.test(meta.trim()) && /\b(?:hl_lines|linenos|linenostart|anchorlinenos|lineanchors|style|noclasses|hl_inline|filename)\s*=/.test(meta);
	// Gatsby's themes (Lekoarts') write ` ```jsx title=src/x.jsx highlight=5-7,10 `, and ` ```none ` for no language.
	// Remix's and React Router's blogs: ` ```ts filename=vite.config.ts lines=[3,8] `.
	if (meta && !hugo && /(?:^|\s)(?:filename=\S|lines=\[)/.test(meta)) {
		const file = /(?:^|\s)filename=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
		const marked = /(?:^|\s)lines=\[([\d,\s-]+)\]/.exec(meta);
		const name = file?.[1] ?? file?.[2] ?? file?.[3];
		const rest = meta.replace(/(?:^|\s)filename=(?:"[^"]*"|'[^']*'|\S+)/, '').replace(/(?:^|\s)lines=\[[\d,\s-]+\]/, '').trim();
		const parts = [...(marked ? [`{${(marked[1] as string).replace(/\s+/g, '')}}`] : []), ...(name ? [name.includes('"') ? `title='${name}'` : `title="${name}"`] : []), ...(rest ? [rest] : [])];
		return { lang: lang ?? null, meta: parts.length > 0 ? parts.join(' ') : null };
	}
	const gatsby = meta ? /(^|\s)highlight=\{?([\d,-]+)\}?(?=\s|$)/.exec(meta) : null;
	if (gatsby || lang === 'none') {
		const rest = meta && gatsby ? `${meta.slice(0, gatsby.index)}${gatsby[1]}{${gatsby[2]}}${meta.slice(gatsby.index + gatsby[0].length)}`.trim() : (meta ?? null);
		return { lang: lang === 'none' ? null : (lang ?? null), meta: rest || null };
	}
	let language = lang ?? null;
	let options: string;
	if (language?.includes(',')) {
		const comma = language.indexOf(',');
		options = `${language.slice(comma + 1)}${meta ? ` ${meta}` : ''}`;
		language = language.slice(0, comma) || null;
	} else if (meta && hugo) {
		options = meta.trim().slice(1, -1);
	} else return undefined;
	const lines: string[] = [];
	const start = /\blinenostart\s*=\s*"?(\d+)/.exec(options)?.[1];
	const marked = /\bhl_lines\s*=\s*(?:\[([^\]]*)\]|"([^"]*)"|'([^']*)'|([\d\s-]+?)(?=,|$|\s+\w+\s*=))/.exec(options);
	if (marked && (start === undefined || Number(start) === 1)) {
		const written = marked[1] ?? marked[2] ?? marked[3] ?? marked[4] ?? '';
		for (const range of written.split(/[\s,]+/)) {
			const bare = range.replace(/^["']|["']$/g, '');
			if (/^\d+(?:-\d+)?$/.test(bare)) lines.push(bare);
		}
	}
	const name = /\b(?:file)?name\s*=\s*(?:"([^"]*)"|([^,\s]+))/.exec(options);
	const title = name?.[1] ?? name?.[2];
	const parts = [...(lines.length > 0 ? [`{${lines.join(',')}}`] : []), ...(title ? [title.includes('"') ? `title='${title}'` : `title="${title}"`] : [])];
	return { lang: language, meta: parts.length > 0 ? parts.join(' ') : null };
}

/**
 * The highlighted block inside a wrapper made by codeWrapperFor, with its title as a caption
 * (`<figure class="carnet-code"><figcaption>app.js</figcaption><pre>…`) and its highlighted lines
 * in `<mark>`. Without a title the block is in a `<div class="carnet-code">`.
 */
export function codeBlockFrom(wrapper: HastElement): HastElement | undefined {
	if (!classNames(wrapper).includes(CODE_META_CLASS)) return undefined;
	const meta = parseCodeMeta(String(wrapper.properties.dataCarnetMeta ?? wrapper.properties['data-carnet-meta'] ?? ''));
	const pre = wrapper.children.find((child) => isElement(child, 'pre'));
	if (!isElement(pre)) return undefined;
	const marked =
		meta && (meta.lines.size > 0 || meta.inserted || meta.deleted) ? { ...pre, children: pre.children.map((child) => (isElement(child, 'code') ? markLines(child, meta) : child)) } : pre;
	if (meta?.title === undefined) return h('div', { className: ['carnet-code'] }, [marked]);
	return h('figure', { className: ['carnet-code'] }, [h('figcaption', { className: ['carnet-code__title'] }, [text(meta.title)]), marked]);
}

/**
 * `code` with its highlighted lines in `<mark>`, and Expressive Code's added and removed lines in `<ins>`
 * and `<del>`, which say what they are to a screen reader as well as by their colour.
 */
function markLines(code: HastElement, meta: CodeMeta): HastElement {
	const lines = splitLines(code.children);
	const children: HastNode[] = [];
	lines.forEach((line, index) => {
		if (index > 0) children.push(text('\n'));
		const number = index + 1;
		const tag = meta.deleted?.has(number) ? 'del' : meta.inserted?.has(number) ? 'ins' : meta.lines.has(number) ? 'mark' : undefined;
		if (tag && line.length > 0) children.push(h(tag, { className: [`carnet-code__${tag === 'mark' ? 'mark' : tag}`] }, line));
		else children.push(...line);
	});
	return { ...code, children };
}

/** Inline nodes split at their line breaks; an element that spans lines (a multi-line comment) is cut in pieces. */
function splitLines(nodes: readonly HastNode[]): HastNode[][] {
	const lines: HastNode[][] = [[]];
	const current = () => lines[lines.length - 1] as HastNode[];
	for (const node of nodes) {
		if (node.type === 'text') {
			(node.value ?? '').split('\n').forEach((part, index) => {
				if (index > 0) lines.push([]);
				if (part !== '') current().push(text(part));
			});
		} else if (isElement(node)) {
			splitLines(node.children).forEach((segment, index) => {
				if (index > 0) lines.push([]);
				if (segment.length > 0) current().push({ ...node, children: segment });
			});
		} else current().push(node);
	}
	return lines;
}
