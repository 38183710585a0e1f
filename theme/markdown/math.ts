import { fromHtml } from 'hast-util-from-html';
import katex, { type TrustContext } from 'katex';
// mhchem's \ce{…} and \pu{…} (chemical formulas and units), which Hugo's KaTeX and many blogs' load by default:
// the extension adds its macros to the KaTeX imported above, in every thread that imports this module.
import 'katex/contrib/mhchem';
import { classNames, h, isBlank, isElement, plain, text, textOf, type HastElement, type HastNode, type MdastNode } from './hast.ts';

/** What KaTeX writes: MathML only, or its HTML rendering with MathML for assistive technologies. */
export type MathOutput = 'mathml' | 'htmlAndMathml';

/**
 * `$…$` or `$$…$$` as KaTeX renders it. MathML only by default: browsers lay MathML out themselves
 * (MathML Core), feed readers keep it, and it needs no stylesheet, font or `style` attribute, which KaTeX's
 * HTML rendering puts on every formula (and a Content-Security-Policy without 'unsafe-inline' blocks).
 * A formula KaTeX cannot read is shown in red as its source (`throwOnError: false`) rather than
 * failing the build. `\url{…}` and `\href{…}{…}` link to a web, mail or relative address (trustsTex()), but
 * in a formula that is `linked`, within a link of the post's, whose link HTML forbids around another.
 * A `\_` written for a subscript is read as one (readMarkdownSubscripts()). An inline formula KaTeX refuses only
 * for an environment it allows only displayed is displayed (DISPLAY_ONLY).
 */
export function renderMath(tex: string, display: boolean, output: MathOutput = 'mathml', linked = false): HastNode[] {
	let html: string;
	// How it is shown: displayed as written, or displayed for an environment KaTeX allows only so.
	let shown = display;
	try {
		html = katexHtml(tex, display, output);
		if (!shown && DISPLAY_ONLY.test(/^<span class="katex-error" title="([^"]*)"/.exec(html)?.[1] ?? '')) {
			shown = true;
			html = katexHtml(tex, shown, output);
		}
	} catch (error) {
		// KaTeX reads groups by recursion: thousands nested exhaust the stack, which is no ParseError it shows in red.
		if (!(error instanceof RangeError)) throw error;
		return [h('span', { className: ['katex-error'], title: 'The formula is nested too deeply to be read.' }, [text(tex)])];
	}
	const nodes = fromHtml(html, { fragment: true }).children.map((node) => plain(node as HastNode));
	// KaTeX colours a formula it cannot read with an inline style, which a Content-Security-Policy without
	// 'unsafe-inline' blocks: the theme's stylesheet colours its class instead.
	for (const node of nodes) if (isElement(node) && classNames(node).includes('katex-error')) delete node.properties.style;
	if (/\\(?:url|href)\b/.test(tex)) for (const node of nodes) if (isElement(node)) writeLinks(node, { focusable: output === 'mathml', display: shown, linked });
	if (shown && /\\tag\b/.test(tex)) {
		for (const node of nodes) if (isElement(node)) dropTagWidths(node);
		const tags = output === 'mathml' ? rowTags(tex) : [];
		for (const node of nodes) if (isElement(node)) writeRowTags(node, tags);
	}
	// A MathML formula wider than the column scrolls in its span (styles/markdown.css), which a keyboard
	// reaches only as a stop of the tab order, as a code block is; MathML's own elements take no tabindex.
	// Inline, only a formula long enough to be wider than a phone's column is one, so that a post's
	// many short ones ($x$) add no stops.
	if (output === 'mathml' && (shown || tex.replace(/\s+/g, '').length >= SCROLLING_INLINE_FORMULA)) {
		for (const node of nodes) if (isElement(node) && classNames(node).includes('katex')) node.properties.tabIndex = 0;
	}
	return nodes;
}

// KaTeX's reason for refusing an inline formula with an environment it allows only displayed (`gather*`, `align`,
// `equation`), which MathJax shows inline: the formula is displayed instead, within its line's paragraph, its
// numbers and tags kept, where an environment's inline form (`gathered`) would refuse a `\tag`.
const DISPLAY_ONLY = /\{[a-zA-Z]+\*?\} can be used only in display mode\./;

/** `tex` as KaTeX writes it, a formula it cannot read as its source in red. */
function katexHtml(tex: string, display: boolean, output: MathOutput): string {
	return katex.renderToString(readMarkdownSubscripts(tex), { displayMode: display, output, throwOnError: false, strict: 'ignore', trust: trustsTex, macros: mathJaxMacros() });
}

/**
 * The commands of MathJax, which many posts were written for, that KaTeX has not, as the commands of KaTeX that
 * render them alike: `\mbox{…}` is `\text{…}`, a formula between dollar signs inside it included. A new object for
 * each formula, as KaTeX adds the macros a formula defines (`\gdef`) to it, which would leak into the next.
 */
function mathJaxMacros(): Record<string, string> {
	return { '\\mbox': '\\text' };
}

// What a subscript follows: a letter, a digit, a group, a bracket or a prime (`x`, `\sum`, `}`, `)`, `'`); and what
// it holds: a group, a letter, a digit or a command (`{i=1}`, `i`, `\theta`).
const SUBSCRIPT_BASE = /[\p{L}\p{N}})\]|']/u;
const SUBSCRIPT = /[{\p{L}\p{N}\\]/u;
// A command whose argument is a name or text, in which `\_` is the underscore it shows (`\text{max\_iter}`).
const NAME_COMMAND = /\\(?:text(?:rm|it|bf|tt|sf|normal)?|mbox|operatorname\*?|math(?:rm|it|tt|sf))\s*\{/y;

/**
 * `tex` with each `\_` between a base and what it subscripts read as `_`: Hexo's Markdown renderer, Hugo's without
 * its passthrough and most others read `\_` in `$…$` as an escaped underscore before MathJax saw the formula, so
 * that posts for them write subscripts so (`\sum\_{i=1}^m`, as Hexo's guides advise), where KaTeX would show an
 * underscore. TeX's own `\_`, an underscore in a name, is kept where TeX shows one: in the argument of `\text`,
 * `\mathrm` or `\operatorname` (`\text{max\_iter}`), and with nothing before it to subscript (`\_x`).
 */
export function readMarkdownSubscripts(tex: string): string {
	if (!tex.includes('\\_')) return tex;
	let out = '';
	for (let at = 0; at < tex.length; at++) {
		if (tex[at] !== '\\') {
			out += tex[at];
			continue;
		}
		NAME_COMMAND.lastIndex = at;
		const end = NAME_COMMAND.test(tex) ? groupEnd(tex, NAME_COMMAND.lastIndex) : undefined;
		if (end !== undefined) {
			out += tex.slice(at, end);
			at = end - 1;
		} else if (tex[at + 1] === '_' && SUBSCRIPT_BASE.test(tex[at - 1] ?? ' ') && SUBSCRIPT.test(tex[at + 2] ?? ' ')) {
			out += '_';
			at++;
		} else {
			// An escape is read whole: `\\_` is a line break before an underscore's subscript.
			out += tex.slice(at, at + 2);
			at++;
		}
	}
	return out;
}

/** Where the group opened before `start` ends: after its `}`, braces balanced, or at the end of `tex`. */
export function groupEnd(tex: string, start: number): number {
	let depth = 1;
	for (let at = start; at < tex.length; at++) {
		if (tex[at] === '\\') at++;
		else if (tex[at] === '{') depth++;
		else if (tex[at] === '}' && --depth === 0) return at + 1;
	}
	return tex.length;
}

// The schemes a formula's link may have, as KaTeX reports them, lowercased (`_relative` for none): those of a Markdown
// link a feed keeps. KaTeX refuses a scheme written with character references (`javascript&colon;`) before asking.
const LINK_PROTOCOLS = new Set(['http', 'https', 'mailto', '_relative']);

/**
 * KaTeX's `trust`: `\url{…}` and `\href{…}{…}` to a web, mail or relative address, never to one that runs script
 * or holds a document (`javascript:`, `data:`); never `\includegraphics` (a request to any host) nor `\htmlClass`,
 * `\htmlId`, `\htmlStyle` and `\htmlData`, whose attributes would reach the page's styles and scripts. KaTeX
 * shows a command it does not trust in red, by its name, which post-sync.ts warns about.
 */
function trustsTex(context: TrustContext): boolean {
	return (context.command === '\\url' || context.command === '\\href') && LINK_PROTOCOLS.has(context.protocol ?? '');
}

// MathML's token elements, whose content HTML reads as text, an HTML link in it included.
const TOKEN_ELEMENTS = new Set(['mi', 'mn', 'mo', 'ms', 'mtext']);

/**
 * KaTeX's MathML marks a link with `href` on the element around its content, which MathML Core has not, Chromium
 * does not follow and feeds drop: it becomes an HTML `<a>`, which HTML allows only in a token element (`mi`,
 * `mtext`). A token's content is linked in it; anything more (`\href{…}{x^2 + y}`) is one link in an `mtext`
 * around the content as a formula of its own, where a link per token would be one stop of the tab order, and one
 * link for screen readers, per symbol. Beside KaTeX's HTML rendering, whose own `<a>` keyboards reach, a link
 * of the hidden MathML stays out of the tab order (not `focusable`) while screen readers, which read the
 * MathML, still have it. Within a link (`linked`) or another formula link, a link keeps its content alone.
 */
function writeLinks(node: HastElement, options: { focusable: boolean; display: boolean; linked: boolean }): void {
	node.children = node.children.flatMap((child) => {
		if (!isElement(child)) return [child];
		const href = child.tagName === 'a' ? undefined : child.properties.href;
		if (href === undefined || href === null) {
			// KaTeX's HTML rendering links with an `<a>` already.
			writeLinks(child, child.tagName === 'a' ? { ...options, linked: true } : options);
			return child.tagName === 'a' && options.linked ? child.children : [child];
		}
		delete child.properties.href;
		writeLinks(child, { ...options, linked: true });
		return options.linked ? [child] : [linkedElement(child, String(href), options)];
	});
}

/** `element` as the content of one HTML link to `href`: in it, for a token element; otherwise within an `mtext`. */
function linkedElement(element: HastElement, href: string, options: { focusable: boolean; display: boolean }): HastElement {
	const link = (children: HastNode[]) => h('a', options.focusable ? { href } : { href, tabIndex: -1 }, children);
	if (TOKEN_ELEMENTS.has(element.tagName)) return { ...element, children: [link(element.children)] };
	// A formula of its own is laid out compact, as inline math, unless told otherwise.
	return h('mtext', {}, [link([h('math', options.display ? { displaystyle: 'true' } : {}, [element])])]);
}

// The length of the shortest TeX source of an inline formula that may be wider than a phone's column (358 px).
const SCROLLING_INLINE_FORMULA = 20;

/**
 * The tag of each row of the environment a display formula opens with (`\tag{B}` gives `(B)`, `\tag*{B}`
 * gives `B`), in order, undefined for a row without; an empty list for a formula that is no environment.
 * Rows are parted by the `\\` of the environment itself, not those of one nested in it (`cases`, `split`).
 */
export function rowTags(tex: string): (string | undefined)[] {
	const begin = /^\s*\\begin\{([a-zA-Z*]+)\}/.exec(tex);
	if (!begin) return [];
	const rows: string[] = [];
	let row = '';
	let depth = 0;
	let index = begin.index + begin[0].length;
	while (index < tex.length) {
		// A command's name, or an escaped character (\{, \\), is read whole.
		const command = /^\\(?:[a-zA-Z]+|[^])/.exec(tex.slice(index, index + 40))?.[0];
		if (command === '\\begin') depth++;
		else if (command === '\\end') {
			if (depth === 0) break;
			depth--;
		} else if (command === '\\\\' && depth === 0) {
			rows.push(row);
			row = '';
			index += command.length;
			continue;
		} else if (command === undefined && tex[index] === '{') depth++;
		else if (command === undefined && tex[index] === '}') depth--;
		const piece = command ?? (tex[index] as string);
		row += piece;
		index += piece.length;
	}
	rows.push(row);
	return rows.map((row) => {
		// Bounded, so that thousands of unclosed `\tag{` are read in one pass each.
		const tag = /\\tag(\*?)\s{0,20}\{((?:[^{}]|\{[^{}]{0,200}\}){0,200})\}/.exec(row);
		if (!tag) return undefined;
		const label = (tag[2] as string).replace(/\$/g, '').trim();
		return tag[1] ? label : `(${label})`;
	});
}

/**
 * KaTeX's MathML leaves the number cell of a row in an environment (`align`, `gather`) empty, for a
 * stylesheet's counter to fill, even for a row its author tagged (`\tag{B}`): the tag is written in that
 * cell, marked so that the counter leaves it out, as LaTeX numbers the other rows. Rows are matched to
 * `tags` in order, and only when the table has as many rows as the formula.
 */
function writeRowTags(root: HastElement, tags: readonly (string | undefined)[]): void {
	const table = findElement(root, 'mtable');
	if (!table || tags.every((tag) => tag === undefined)) return;
	const rows = table.children.filter((child): child is HastElement => isElement(child, 'mtr'));
	if (rows.length !== tags.length) return;
	rows.forEach((row, index) => {
		const tag = tags[index];
		const cell = row.children.find((child): child is HastElement => isElement(child, 'mtd') && classNames(child).includes('mml-eqn-num'));
		if (tag === undefined || !cell) return;
		cell.properties = { ...cell.properties, className: [...classNames(cell), 'carnet-eqn-tag'] };
		cell.children = [tagElement(tag)];
	});
}

/**
 * KaTeX sets a tag outside an environment (`x \tag{1}`, `\begin{gathered}`'s) in a table of `width="100%"`
 * whose two glue cells are `width="50%"`, attributes MathML Core has not (the Nu checker rejects them): they
 * go, and the glue cells are marked as those of an environment's numbered rows are.
 */
function dropTagWidths(node: HastElement): void {
	if ((node.tagName === 'mtable' || node.tagName === 'mtd') && node.properties.width !== undefined) {
		delete node.properties.width;
		if (node.tagName === 'mtd') node.properties.className = [...classNames(node), 'mtr-glue'];
	}
	for (const child of node.children) if (isElement(child)) dropTagWidths(child);
}

/** A tag as MathML: its text, or, for one written with commands (`\tag{$\ast$}`), its formula as KaTeX renders it. */
function tagElement(tag: string): HastElement {
	if (!tag.includes('\\')) return h('mtext', {}, [text(tag)]);
	const [math] = renderMath(tag.replace(/^\((.*)\)$/s, '$1'), false);
	const formula = isElement(math) ? findElement(math, 'semantics')?.children.find((child): child is HastElement => isElement(child) && child.tagName !== 'annotation') : undefined;
	if (!formula) return h('mtext', {}, [text(tag)]);
	return tag.startsWith('(') ? h('mrow', {}, [h('mo', {}, [text('(')]), formula, h('mo', {}, [text(')')])]) : formula;
}

/** The first element named `tagName` in `node`, depth first. */
function findElement(node: HastElement, tagName: string): HastElement | undefined {
	if (node.tagName === tagName) return node;
	for (const child of node.children) {
		const found = isElement(child) ? findElement(child, tagName) : undefined;
		if (found) return found;
	}
	return undefined;
}

/**
 * The element a math node becomes: `<code class="math-inline">` (both processors' inline math) or a
 * `<pre>` holding `<code class="math-display">` (display math), `linked` when it stands within a link. Anything
 * else is left alone.
 */
export function mathFrom(element: HastElement, output: MathOutput = 'mathml', linked = false): HastNode[] | undefined {
	if (element.tagName === 'code' && classNames(element).includes('math-inline')) return renderMath(textOf(element), false, output, linked);
	if (element.tagName !== 'pre') return undefined;
	const inner = element.children.filter((child) => !isBlank(child));
	const code = inner[0];
	if (inner.length !== 1 || !isElement(code, 'code') || !classNames(code).includes('math-display')) return undefined;
	return renderMath(textOf(code).replace(/\n$/, ''), true, output);
}

// The environments KaTeX reads only in display mode, with or without their numbers, that a formula may open with.
const DISPLAY_ENVIRONMENT = /^\\begin\{(?:equation|align|alignat|gather|multline)\*?\}/;

/**
 * A paragraph that is one formula between `$$` on one line (`$$ E = mc^2 $$`), as kramdown, MathJax and
 * Hugo's passthrough read it: display math, where both processors read `$$` inside a line as inline math.
 * So is one between `$` that is a display environment (`$\begin{equation} … \end{equation}$`), which KaTeX
 * reads only displayed, as MathJax shows it. A paragraph with such a `$$` formula on a line of its own among
 * its text (`Therefore`, `$$x = 1$$`, `which…`, as Hexo's posts for MathJax write it) is parted there: the text
 * before and after are paragraphs, and the formula is displayed, as MathJax showed it. Undefined for any other
 * paragraph.
 */
export function displayMathParagraph(node: MdastNode, source: string): MdastNode | MdastNode[] | undefined {
	const children = node.children?.filter((child) => !(child.type === 'text' && (child.value ?? '').trim() === '')) ?? [];
	const [math] = children;
	if (children.length === 1 && math?.type === 'inlineMath') {
		const value = (math.value ?? '').trim();
		if (writtenDisplayed(math, source) || DISPLAY_ENVIRONMENT.test(value)) return displayMath(value, node);
	}
	return paragraphParts(node, source);
}

/** Whether `math` is written between `$$`. */
function writtenDisplayed(math: MdastNode, source: string): boolean {
	const start = math.position?.start.offset;
	const end = math.position?.end.offset;
	return start !== undefined && end !== undefined && source.startsWith('$$', start) && source.slice(end - 2, end) === '$$';
}

/** Display math of `value`, in place of `node`: what remark-math writes for a block, which mdast-util-to-hast has no handler for. */
function displayMath(value: string, node: MdastNode): MdastNode {
	const code = h('code', { className: ['language-math', 'math-display'] }, [text(value)]);
	return { type: 'math', value, ...(node.position && { position: node.position }), data: { hName: 'pre', hChildren: [code] } };
}

/**
 * `paragraph` parted at each `$$` formula on a line of its own (a line break, or the paragraph's edge, on each
 * side): the paragraphs of its text, and the formulas as display math. Undefined for a paragraph with none.
 */
function paragraphParts(paragraph: MdastNode, source: string): MdastNode[] | undefined {
	const children = paragraph.children ?? [];
	const endsLine = (node: MdastNode | undefined, at: 'start' | 'end') => node === undefined || node.type === 'break' || (node.type === 'text' && (at === 'end' ? /\n[ \t]*$/ : /^[ \t]*\n/).test(node.value ?? ''));
	const isLineFormula = (child: MdastNode, index: number) => child.type === 'inlineMath' && writtenDisplayed(child, source) && endsLine(children[index - 1], 'end') && endsLine(children[index + 1], 'start');
	if (!children.some(isLineFormula)) return undefined;
	const parts: MdastNode[] = [];
	let text: MdastNode[] = [];
	const closeParagraph = () => {
		const trimmed = trimLineEnds(text);
		if (trimmed.length > 0) parts.push({ type: 'paragraph', children: trimmed });
		text = [];
	};
	children.forEach((child, index) => {
		if (!isLineFormula(child, index)) {
			text.push(child);
			return;
		}
		closeParagraph();
		parts.push(displayMath((child.value ?? '').trim(), child));
	});
	closeParagraph();
	return parts;
}

/** `nodes`, a paragraph's, without the line breaks at its ends that a formula on the line before or after left. */
function trimLineEnds(nodes: readonly MdastNode[]): MdastNode[] {
	const trimmed = nodes.filter((node, index) => node.type !== 'break' || (index > 0 && index < nodes.length - 1));
	const first = trimmed[0];
	if (first?.type === 'text') trimmed[0] = { ...first, value: (first.value ?? '').replace(/^[ \t]*\n/, '') };
	const last = trimmed.at(-1);
	if (last?.type === 'text') trimmed[trimmed.length - 1] = { ...last, value: (last.value ?? '').replace(/\n[ \t]*$/, '') };
	return trimmed.filter((node) => !(node.type === 'text' && node.value === ''));
}

/**
 * A table whose rows end with a `$$` formula on a line of its own, with no pipe (`| 1 | 2 |`, then `$$x = 1$$`):
 * GFM takes that line, and those after it, as rows, where MathJax's posts (Hexo's) meant the formula displayed
 * after the table. The table ends before it; the formula is display math, and the lines of text after it are
 * a paragraph, as written. Undefined for any other table, and where a line after the formula has a pipe.
 */
export function displayMathAfterTable(table: MdastNode, source: string): MdastNode[] | undefined {
	const rows = table.children ?? [];
	const lineOf = (row: MdastNode) => source.slice(row.position?.start.offset ?? 0, row.position?.end.offset ?? 0).trim();
	const first = rows.findIndex((row, index) => index > 0 && LINE_FORMULA.test(lineOf(row)));
	if (first === -1 || rows.slice(first).some((row) => !LINE_FORMULA.test(lineOf(row)) && lineOf(row).includes('|'))) return undefined;
	const parts: MdastNode[] = [{ ...table, children: rows.slice(0, first) }];
	for (const row of rows.slice(first)) {
		const content = row.children?.[0]?.children ?? [];
		const [math] = content;
		const previous = parts.at(-1);
		if (LINE_FORMULA.test(lineOf(row)) && content.length === 1 && math?.type === 'inlineMath') parts.push(displayMath((math.value ?? '').trim(), row));
		else if (previous?.type === 'paragraph') previous.children = [...(previous.children ?? []), { type: 'text', value: '\n' }, ...content];
		else parts.push({ type: 'paragraph', children: content });
	}
	return parts;
}

// A line that is one formula between `$$`.
const LINE_FORMULA = /^\$\$[^$|]+\$\$$/;

// A TeX control word (`\frac`, `\alpha`): what, with KaTeX reading it whole, tells a formula written with spaces
// from prose between prices.
const TEX_COMMAND = /\\[a-zA-Z]{2,}/;
// A superscript or subscript of a group (`2 ^ {53}`, `x_{i}`), which no price or prose is written with.
// A script of a single digit or letter (`x^2 + y^2`) is not enough: prose between two prices holds names such
// as `max_users = 5` and `tax_1 + …`, and shell text such as `$ HOME_DIR=x $`.
const TEX_GROUP_SCRIPT = /[\^_][ \t]{0,20}\{/;
// Words of two letters or more, other than a command's name or a group's (`x_{max}`): the text between two
// prices holds several (`10 a month, as in x_{1} and more`), a formula without commands hardly one.
const PROSE_WORD = /(?:^|[^\\{A-Za-z])[A-Za-z]{2,}/g;

/**
 * Inline math by Pandoc's rule, which keeps prices in prose as text: the opening `$` is followed by a
 * non-space, the closing `$` follows a non-space and is not followed by a digit. Both processors parse
 * `$` like a code span, so "entre 5 $ et 10 $" would otherwise be a formula. Spaces inside the dollars
 * are allowed around TeX that holds a command KaTeX knows (`$ x = \frac{-b}{2a} $`) or a superscript or
 * subscript of a group (`$ 2 ^ {53} - 1 $`), as MathJax and KaTeX's auto-render, which the posts
 * of many themes were written for, read it: no price is written so.
 * `source` is the document the node's offsets point into; the node is returned as text when it breaks the rule.
 */
export function textForFalseMath(node: MdastNode, source: string): MdastNode | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return undefined;
	const written = source.slice(start, end);
	if (!written.startsWith('$') || written.startsWith('$$')) return undefined;
	const inner = written.slice(1, -1);
	if (/^\d/.test(source.slice(end, end + 1))) return { type: 'text', value: written };
	if (!/^\s|\s$/.test(inner) || ((TEX_COMMAND.test(inner) || (TEX_GROUP_SCRIPT.test(inner) && (inner.match(PROSE_WORD)?.length ?? 0) < 2)) && readsAsTex(inner))) return undefined;
	return { type: 'text', value: written };
}

/**
 * Whether KaTeX reads `tex` whole, every command known: prose between two dollars (PHP's `$s = "a\nb";`,
 * a Windows path, `\bword` in a regular expression) names commands TeX has not. An environment KaTeX allows
 * only displayed is read so, as renderMath() shows it.
 */
export function readsAsTex(tex: string): boolean {
	const refusal = texError(tex, false);
	return refusal === undefined || (DISPLAY_ONLY.test(refusal) && texError(tex, true) === undefined);
}

/** Why KaTeX cannot read `tex`, undefined where it can. */
function texError(tex: string, display: boolean): string | undefined {
	try {
		katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: true, strict: 'ignore', macros: mathJaxMacros() });
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

