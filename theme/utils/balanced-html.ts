import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

// Elements that have no end tag, and those whose text is not markup (a "<div>" inside is text).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
// Tags the page's own document has already opened: the HTML parser adds the attributes of a second
// <body> or <html> to the page's own, and a pasted document's </body> ends the post's text there.
const DOCUMENT = new Set(['html', 'head', 'body']);
// Elements whose start tag closes an open <p>, as the HTML parser reads it: `<p>a <div>b</div></p>` is a
// paragraph, a div and an empty paragraph whose </p> has no start tag.
const CLOSES_P = new Set(
	'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr listing li dd dt main menu nav ol p pre search section summary table ul xmp'.split(' '),
);
// Elements whose content is text and inline elements only. One that raw HTML leaves open (`<b>bold` with
// no `</b>`) would hold the paragraphs, lists and quotes after it: the HTML parser puts them inside, and
// browsers show the rest of the post in bold.
const PHRASING_ONLY = new Set(
	'abbr b bdi bdo big cite code data dfn em font i kbd label mark nobr output q s samp small span strike strong sub sup time tt u var'.split(' '),
);
// What a post's body is shown inside: a page of its own, with its own <main>. Parts of another page
// pasted into a post are read as browsers read them there, which is not as its author saw them: a second
// <main>, a <base> that sends every link of the page elsewhere, a <meta> refresh that leaves it.
const PAGE_PARTS = new Set(['title', 'main', 'base', 'meta', 'link']);
// The kinds of <link> a page's body may hold (HTML's "body-ok" ones): a stylesheet, which a pasted document's
// text may need, and hints that fetch early. Any other (a canonical link, an icon, an alternate feed) speaks
// for the page, whose head has its own.
const BODY_LINKS = new Set(['stylesheet', 'preload', 'prefetch', 'prerender', 'modulepreload', 'dns-prefetch', 'preconnect', 'pingback']);

/**
 * An HTML comment as the HTML parser ends it: at "-->", also at "--!>", at once when written "<!-->" or
 * "<!--->", and otherwise at the end of the text (commentCloses() tells that last case apart).
 */
export const HTML_COMMENT = String.raw`<!--(?:-?>|[\s\S]*?--!?>|[\s\S]*$)`;
// A tag read as the HTML tokenizer reads it: a quote opens a value only after "=" (`<n) { don't }` has no
// quoted value), and a tag or declaration that no `>` (or no closing quote) ends runs to the end of the
// text. Every token then matches in one pass, where one that could fail would be tried again from each
// later "<", and take time with the square of the body's length.
const TAG = String.raw`<\/?([a-zA-Z][^\s/>]*)(?:[^>"'=]|=\s*(?:"[^"]*(?:"|$)|'[^']*(?:'|$))|["'=])*(?:>|$)`;
// A processing instruction (`<?x … ?>`) and a declaration (`<!x …>`) are bogus comments to the HTML parser, up to
// the first `>`: no tag inside them is one.
const TOKEN = new RegExp(String.raw`${HTML_COMMENT}|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*(?:>|$)|<\?[^>]*(?:>|$)|${TAG}`, 'g');
const CLOSED_COMMENT = /^<!---?>$|--!?>$/;

/** Whether a comment that HTML_COMMENT matched has its end, rather than running to the end of the text. */
export function commentCloses(comment: string): boolean {
	return CLOSED_COMMENT.test(comment);
}

/**
 * A rendered body whose raw HTML leaves an element open (`<div>` without `</div>`) or closes one it did
 * not open (`</main>`), as the HTML parser reads it: every element closed inside the body. Pages place the
 * body inside their layout, where an open `<div>` would take the post's footer and navigation in, and a
 * stray `</div>` would close the layout's. A body whose tags already pair up is returned as it is, byte
 * for byte; only the others are parsed and written again.
 */
export function balanceHtml(html: string): string {
	if (tagsPairUp(html)) return html;
	const tree = fromHtml(html, { fragment: true });
	plaintextAsPre(tree);
	withoutPageParts(tree);
	confineInline(tree);
	// The parser lowercases attribute names; Astro finds a body's local images by the upper-case placeholder
	// its Markdown pipeline writes (astro/dist/content/runtime.js, CONTENT_LAYER_IMAGE_REGEX).
	return toHtml(tree).replaceAll(' __astro_image_="', ' __ASTRO_IMAGE_="');
}

/**
 * `<plaintext>` has no end tag: whatever follows it, the rest of the page included, is shown as text. Its
 * text is kept, shown as browsers show it, in a `<pre>` that ends with the body.
 */
function plaintextAsPre(node: Root | Element): void {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'plaintext') child.tagName = 'pre';
		plaintextAsPre(child);
	}
}

/**
 * Parts of a page that a body cannot hold: a pasted `<title>` (which browsers do not show in a body),
 * `<base>`, `<meta>` (other than a microdata `itemprop`) and a `<link>` that speaks for the page (a canonical
 * link, an icon; not a stylesheet or a microdata `itemprop`) are left out, and a `<main>` becomes a `<div>`
 * with its attributes and content, as the page has its own.
 */
function withoutPageParts(node: Root | Element): void {
	node.children = node.children.filter((child) => {
		if (child.type !== 'element') return true;
		if (child.tagName === 'title' || child.tagName === 'base') return false;
		if (child.tagName === 'meta' && child.properties.itemProp === undefined) return false;
		if (child.tagName === 'link' && !bodyLink(child)) return false;
		if (child.tagName === 'main') child.tagName = 'div';
		// An SVG's <title> is its accessible name.
		if (child.tagName !== 'svg' && child.tagName !== 'math') withoutPageParts(child);
		return true;
	});
}

/** Whether a `<link>` may stay in a page's body: microdata's `itemprop`, or each of its `rel` values one of BODY_LINKS. */
function bodyLink(link: Element): boolean {
	const rel = link.properties.rel;
	// The parser reads `rel` as a list of its space-separated values.
	const values = Array.isArray(rel) ? rel.map(String) : [];
	return link.properties.itemProp !== undefined || (values.length > 0 && values.every((value) => BODY_LINKS.has(value.toLowerCase())));
}

// A start tag's `rel` and `itemprop` attributes, as written.
const REL_ATTRIBUTE = /\srel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const ITEMPROP_ATTRIBUTE = /\sitemprop\s*=/i;

/** Whether a `<link …>` start tag, as written, may stay in a page's body (bodyLink()), so that a body holding one is kept byte for byte. */
function bodyLinkTag(token: string): boolean {
	if (ITEMPROP_ATTRIBUTE.test(token)) return true;
	const rel = REL_ATTRIBUTE.exec(token);
	const values = (rel?.[1] ?? rel?.[2] ?? rel?.[3] ?? '').split(/[ \t\n\f\r]+/).filter((value) => value !== '');
	return values.length > 0 && values.every((value) => BODY_LINKS.has(value.toLowerCase()));
}

/**
 * The `<link …>` start tags of `text` (a post's body, its code blanked out) that balanceHtml() leaves out, each
 * with its offset and its `rel` as written.
 */
export function pageLinkTags(text: string): { tag: string; offset: number; rel: string }[] {
	return [...text.matchAll(/<link\b[^>]*>?/gi)].flatMap((match) => {
		const [tag] = match;
		if (bodyLinkTag(tag)) return [];
		const rel = REL_ATTRIBUTE.exec(tag);
		return [{ tag, offset: match.index, rel: (rel?.[1] ?? rel?.[2] ?? rel?.[3] ?? '').trim() }];
	});
}

/**
 * The names of the page parts (`title`, `base`, `meta`, `link`) that balanceHtml() left out of `html`, each
 * once: those `balanced` has fewer of. Raw text keeps what looks like one (a script's `"<meta"`) on both sides.
 */
export function pagePartsLeftOut(html: string, balanced: string): string[] {
	if (html === balanced) return [];
	const count = (text: string, name: string) => text.match(new RegExp(`<${name}\\b`, 'gi'))?.length ?? 0;
	return ['title', 'base', 'meta', 'link'].filter((name) => count(balanced, name) < count(html, name));
}

/**
 * An inline element left open ends where its paragraph ends: the paragraphs, lists, quotes and tables the
 * HTML parser put inside it follow it instead (`<b>bold` no longer makes the rest of the post bold). An
 * element that held nothing before them but white space is left out, unless it has attributes of its own
 * (an anchor). A link is treated so only where the parser made a copy of one left open, to carry it on
 * after its paragraph (the copy starts at the same place in the source as the link written): a link that
 * holds blocks as written (`<a href="…"><div>…</div></a>`, a card) is kept whole.
 */
function confineInline(node: Root | Element, written = new Set<number>()): void {
	const children: RootContent[] = [];
	for (const child of node.children) {
		if (child.type !== 'element') {
			children.push(child);
			continue;
		}
		const start = child.position?.start.offset;
		const copy = start !== undefined && written.has(start);
		if (start !== undefined) written.add(start);
		confineInline(child, written);
		const confined = PHRASING_ONLY.has(child.tagName) || (copy && child.tagName === 'a');
		const block = confined ? child.children.findIndex((grandchild) => grandchild.type === 'element' && CLOSES_P.has(grandchild.tagName)) : -1;
		if (block === -1) {
			children.push(child);
			continue;
		}
		const inline = child.children.slice(0, block);
		const after = child.children.slice(block);
		child.children = inline;
		const blank = inline.every((grandchild) => grandchild.type === 'text' && grandchild.value.trim() === '');
		if (!blank || (!copy && Object.keys(child.properties).length > 0)) children.push(child);
		else children.push(...inline);
		children.push(...after);
	}
	node.children = children as ElementContent[];
}

/**
 * Whether the body opens a comment that nothing closes: browsers hide everything after it, the rest of the
 * post, and balanceHtml() closes it where the body ends. A `<!--` in a script's or a textarea's text is
 * not a comment.
 */
export function opensEndlessComment(html: string): boolean {
	for (const [token] of markupOutsideRawText(html)) if (token.startsWith('<!--') && !commentCloses(token)) return true;
	return false;
}

/**
 * The comments, `<?…>` and `<!…>` of `html`, in order, outside the text of raw-text elements (a script, a
 * style, a textarea), where `<!--` and `<?` are text. Nothing after a raw-text element that nothing closes.
 */
function* markupOutsideRawText(html: string): Generator<RegExpExecArray> {
	TOKEN.lastIndex = 0;
	// Lowercased once, when a raw-text element needs its end tag found.
	let lower: string | undefined;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		if (!rawName) {
			yield match;
			continue;
		}
		const name = rawName.toLowerCase();
		if (token.startsWith('</') || !RAW_TEXT.has(name)) continue;
		const end = (lower ??= html.toLowerCase()).indexOf(`</${name}`, TOKEN.lastIndex);
		if (end === -1) return;
		TOKEN.lastIndex = end;
	}
}

// Elements whose start tag, with no end tag after it, takes the rest of the post and the page around it:
// as text (RAW_TEXT, `<noscript>`), as an inert template, as a list whose other markup is dropped, or as the
// content of an object, a drawing or a formula, which feeds leave out whole (utils/feed-html-schema.ts).
const SWALLOWING = new Set([...RAW_TEXT, 'noscript', 'template', 'select', 'object', 'svg', 'math']);

/**
 * The start tags of the body that nothing ends and after which the HTML parser reads the rest of the post,
 * and of the page around it, as that element's content: a `<textarea>` written in prose ("a <textarea> or
 * an <input>") shows the rest of the page in a text box, a `<script>`, `<title>` or `<template>` hides it.
 * Each with its offset, its name, whether its tag ends in `/>` (`<iframe … />`, which HTML reads as a
 * start tag only) and where its tag ends, in order; empty when every one is ended.
 */
export function endlessElements(html: string): { index: number; name: string; selfClosed: boolean; tagEnd: number }[] {
	if (!/<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|template|select|object|svg|math)[\s/>]/i.test(html)) return [];
	const lower = html.toLowerCase();
	const endless: { index: number; name: string; selfClosed: boolean; tagEnd: number }[] = [];
	// Per name, the end tag last found and where the search started: a later search from between the two
	// finds the same one, and one after a search that found none finds none.
	const found = new Map<string, { from: number; at: number }>();
	const endTag = (name: string, from: number) => {
		const known = found.get(name);
		if (known && from >= known.from && (known.at === -1 || from <= known.at)) return known.at;
		const at = nextEndTag(lower, name, from);
		found.set(name, { from, at });
		return at;
	};
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		if (!rawName || token.startsWith('</')) continue;
		const name = rawName.toLowerCase();
		if (!SWALLOWING.has(name)) continue;
		const end = endTag(name, TOKEN.lastIndex);
		if (end === -1) endless.push({ index: match.index, name, selfClosed: token.endsWith('/>'), tagEnd: match.index + token.length });
		else if (RAW_TEXT.has(name)) TOKEN.lastIndex = end;
	}
	return endless;
}

/**
 * `html` with endlessElements() mended in one pass: the `<` of one that nothing ends is shown as text, and one
 * written to close itself (`<iframe src="…" />`, as JSX and XML write it) is closed where it ends, as its
 * author meant. Also the names of the first kind, for the warning.
 */
export function closeEndlessElements(html: string): { html: string; unended: string[] } {
	const endless = endlessElements(html);
	if (endless.length === 0) return { html, unended: [] };
	let out = '';
	let from = 0;
	for (const { index, name, selfClosed, tagEnd } of endless) {
		out += selfClosed ? `${html.slice(from, tagEnd - 2).trimEnd()}></${name}>` : `${html.slice(from, index)}&#x3C;`;
		from = selfClosed ? tagEnd : index + 1;
	}
	return { html: out + html.slice(from), unended: endless.filter(({ selfClosed }) => !selfClosed).map(({ name }) => name) };
}

// The end of a tag's last value when it is unquoted (`<a href=/docs/>`): the HTML tokenizer reads a `/` there
// as the value's, and the tag as no self-closing one.
const UNQUOTED_VALUE_END = /=\s*[^\s"'<>`=]*$/;

/**
 * `html` with each element written to close itself, as JSX, Vue and XHTML write it (`<ResponsivePlayer
 * url="…" />`, `<AppBlogPostHeader />`, `<div />`), closed where its tag ends: the HTML parser reads such a
 * tag as a start tag only, so that the element would hold the rest of the post, which balanceHtml() would
 * close only where the body ends. Void elements (`<br />`) are left as they are, and so is what SVG and
 * MathML hold, whose elements do close themselves. In one pass.
 */
export function closeSelfClosedElements(html: string): string {
	if (!html.includes('/>')) return html;
	let out = '';
	let from = 0;
	// How many <svg> and <math> elements are open.
	let foreign = 0;
	// Lowercased once, when a raw-text element needs its end tag found.
	let lower: string | undefined;
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		// Outside SVG and MathML, `<![CDATA[` opens a bogus comment that ends at the first `>`, and what follows is markup.
		if (!rawName && foreign === 0 && token.startsWith('<![CDATA[') && token.includes('>')) TOKEN.lastIndex = match.index + token.indexOf('>') + 1;
		if (!rawName) continue;
		const name = rawName.toLowerCase();
		const end = token.startsWith('</');
		const selfClosed = !end && token.endsWith('/>') && !UNQUOTED_VALUE_END.test(token.slice(0, -2));
		if (name === 'svg' || name === 'math') {
			if (end) foreign = Math.max(0, foreign - 1);
			else if (!selfClosed) foreign++;
			continue;
		}
		if (end || foreign > 0 || VOID.has(name)) continue;
		if (selfClosed) {
			const tagEnd = match.index + token.length;
			out += `${html.slice(from, tagEnd - 2).trimEnd()}></${rawName}>`;
			from = tagEnd;
		} else if (RAW_TEXT.has(name)) {
			// What a raw-text element holds is its text, up to its end tag.
			const close = (lower ??= html.toLowerCase()).indexOf(`</${name}`, TOKEN.lastIndex);
			if (close === -1) break;
			TOKEN.lastIndex = close;
		}
	}
	return from === 0 ? html : out + html.slice(from);
}

/** The offset of the first `</name` that ends an element of that name (followed by white space, `/` or `>`) at or after `from`, or -1. */
function nextEndTag(lower: string, name: string, from: number): number {
	for (let at = lower.indexOf(`</${name}`, from); at !== -1; at = lower.indexOf(`</${name}`, at + 1)) {
		if (/[\s/>]/.test(lower[at + name.length + 2] ?? '')) return at;
	}
	return -1;
}

/**
 * Where the body opens what the HTML parser reads as a comment up to the next `>` when no `>` follows: a
 * processing instruction (`<?php …`), a declaration (`<!DOCTYPE`, `<![CDATA[` outside SVG) or a `</` that
 * starts no end tag. On the page it would run into the theme's own markup, hiding the rest of the post and
 * breaking the layout. Undefined when the body has none. (`<!--` is balanceHtml()'s to close.)
 */
export function endlessBogusComment(html: string): number | undefined {
	const after = html.lastIndexOf('>') + 1;
	const opener = /<(?:\?|!(?!--)|\/(?![A-Za-z]))/.exec(html.slice(after));
	return opener ? after + opener.index : undefined;
}

/**
 * Where the body opens a processing instruction that the HTML parser reads as a comment up to a `>` past a
 * tag of its own (`<?php class A {</p>`, as WordPress exports write PHP among their paragraphs): the text
 * and the tags up to that `>` would be hidden, from the page and the feeds. In a script's or a style's text,
 * `<?` is text. (One that no `>` ends is endlessBogusComment()'s.)
 */
export function bogusCommentsOverTags(html: string): number[] {
	if (!html.includes('<?')) return [];
	const found: number[] = [];
	for (const match of markupOutsideRawText(html)) {
		const [token] = match;
		if (token.startsWith('<?') && token.endsWith('>') && token.includes('<', 2)) found.push(match.index);
	}
	return found;
}

/**
 * The HTML without its comments: notes an author leaves in a post (`<!-- ask Ana first -->`) are for the
 * author, and are published neither in feeds (feed-html.ts drops them) nor in the page's source. A `<!--`
 * in a script's, a style's or a textarea's text is not a comment, and stays. A comment that nothing
 * closes has been closed by balanceHtml() where the body ends, and goes too.
 */
export function withoutComments(html: string): string {
	if (!html.includes('<!--')) return html;
	let out = '';
	let from = 0;
	for (const match of markupOutsideRawText(html)) {
		const [token] = match;
		if (!token.startsWith('<!--')) continue;
		out += html.slice(from, match.index);
		from = match.index + token.length;
	}
	return out + html.slice(from);
}

function tagsPairUp(html: string): boolean {
	const open: string[] = [];
	// How many open elements have each name, kept as the stack changes: searching the stack at each tag would
	// take time with the square of the nesting, seconds for 100 KB of `<pre>` or `<li>` lines.
	const opened = new Map<string, number>();
	const count = (name: string) => opened.get(name) ?? 0;
	TOKEN.lastIndex = 0;
	// Lowercased once, when a raw-text element needs its end tag found.
	let lower: string | undefined;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		// SVG and MathML read their own markup: CDATA sections, elements that close themselves, no raw text.
		const foreign = count('svg') + count('math') > 0;
		if (!rawName) {
			// A comment or a CDATA section that never ends swallows the rest of the page.
			if (token.startsWith('<!--') && !commentCloses(token)) return false;
			// Outside SVG and MathML, "<![CDATA[" starts a comment that ends at the first ">".
			if (token.startsWith('<![CDATA[') && (!foreign || !token.endsWith(']]>'))) return false;
			// A pasted document's <!DOCTYPE html>, which the HTML parser ignores inside a body.
			if (/^<!doctype\b/i.test(token)) return false;
			continue;
		}
		const name = rawName.toLowerCase();
		if (DOCUMENT.has(name) || name === 'plaintext' || (PAGE_PARTS.has(name) && !foreign && !(name === 'link' && bodyLinkTag(token)))) return false;
		if (token.startsWith('</')) {
			if (open.pop() !== name) return false;
			opened.set(name, count(name) - 1);
			continue;
		}
		// A link inside a link ends the first one, as a block element ends a paragraph.
		if ((name === 'a' && count('a') > 0) || (CLOSES_P.has(name) && count('p') > 0 && !foreign)) return false;
		// `<div />` opens a div in HTML; only SVG and MathML elements close themselves.
		if (VOID.has(name) || (token.endsWith('/>') && foreign)) continue;
		if (RAW_TEXT.has(name)) {
			// Inside SVG, a <style> holds markup, and an HTML element such as <div> in it ends the SVG.
			if (foreign) return false;
			const end = (lower ??= html.toLowerCase()).indexOf(`</${name}`, TOKEN.lastIndex);
			if (end === -1) return false;
			TOKEN.lastIndex = end;
		}
		open.push(name);
		opened.set(name, count(name) + 1);
	}
	return open.length === 0;
}

/**
 * A rendered body with each table inside `<div class="carnet-table" tabindex="0">`, which scrolls when the
 * table is wider than the column (a phone's), rather than the table squeezing its words letter by letter
 * or widening the page; the keyboard reaches it as it reaches a code block. The Markdown processor wraps
 * the tables written in Markdown (markdown/reading-aids.ts); this wraps those written as raw HTML, and
 * leaves a wrapped one as it is. Tags are found as the HTML parser finds them: not in comments, attribute
 * values or raw text. A body without a table is returned as it is.
 */
export function scrollableTables(html: string): string {
	if (!/<table/i.test(html)) return html;
	let result = '';
	let from = 0;
	let lower: string | undefined;
	// Whether each open table was wrapped here, innermost last.
	const wrapped: boolean[] = [];
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		if (!rawName) continue;
		const name = rawName.toLowerCase();
		if (name === 'table') {
			const before = html.slice(from, match.index);
			if (token.startsWith('</')) {
				result += `${before}${token}${wrapped.pop() ? '</div>' : ''}`;
			} else {
				const wrap = !(endsWithWrapper(before) || (before.trim() === '' && endsWithWrapper(result)));
				wrapped.push(wrap);
				result += `${before}${wrap ? TABLE_WRAPPER : ''}${token}`;
			}
			from = match.index + token.length;
		} else if (RAW_TEXT.has(name) && !token.startsWith('</')) {
			// What a raw-text element holds is its text, up to its end tag.
			const end = (lower ??= html.toLowerCase()).indexOf(`</${name}`, TOKEN.lastIndex);
			if (end === -1) break;
			TOKEN.lastIndex = end;
		}
	}
	return result + html.slice(from);
}

const TABLE_WRAPPER = '<div class="carnet-table" tabindex="0">';

/** Whether `html` ends with the wrapper, but for white space: the table after it was wrapped by the processor. */
function endsWithWrapper(html: string): boolean {
	let end = html.length;
	while (end > 0 && /\s/.test(html.charAt(end - 1))) end -= 1;
	return end >= TABLE_WRAPPER.length && html.startsWith(TABLE_WRAPPER, end - TABLE_WRAPPER.length);
}
