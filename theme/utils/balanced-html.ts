import type { Element, Root } from 'hast';
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
/**
 * An HTML comment as the HTML parser ends it: at "-->", also at "--!>", at once when written "<!-->" or
 * "<!--->", and otherwise at the end of the text (commentCloses() tells that last case apart).
 */
export const HTML_COMMENT = String.raw`<!--(?:-?>|[\s\S]*?--!?>|[\s\S]*$)`;
const TOKEN = new RegExp(String.raw`${HTML_COMMENT}|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\/?([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>`, 'g');
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
 * Whether the body opens a comment that nothing closes: browsers hide everything after it, the rest of the
 * post, and balanceHtml() closes it where the body ends. A `<!--` in a script's or a textarea's text is
 * not a comment.
 */
export function opensEndlessComment(html: string): boolean {
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		if (!rawName) {
			if (token.startsWith('<!--') && !commentCloses(token)) return true;
			continue;
		}
		const name = rawName.toLowerCase();
		if (token.startsWith('</') || !RAW_TEXT.has(name)) continue;
		const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
		if (end === -1) return false;
		TOKEN.lastIndex = end;
	}
	return false;
}

function tagsPairUp(html: string): boolean {
	const open: string[] = [];
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		// SVG and MathML read their own markup: CDATA sections, elements that close themselves, no raw text.
		const foreign = open.includes('svg') || open.includes('math');
		if (!rawName) {
			// A comment or a CDATA section that never ends swallows the rest of the page.
			if (token.startsWith('<!--') && !commentCloses(token)) return false;
			// Outside SVG and MathML, "<![CDATA[" starts a comment that ends at the first ">".
			if (token.startsWith('<![CDATA[') && (!foreign || !token.endsWith(']]>'))) return false;
			continue;
		}
		const name = rawName.toLowerCase();
		if (DOCUMENT.has(name) || name === 'plaintext') return false;
		if (token.startsWith('</')) {
			if (open.pop() !== name) return false;
			continue;
		}
		// A link inside a link ends the first one, as a block element ends a paragraph.
		if ((name === 'a' && open.includes('a')) || (CLOSES_P.has(name) && open.includes('p') && !foreign)) return false;
		// `<div />` opens a div in HTML; only SVG and MathML elements close themselves.
		if (VOID.has(name) || (token.endsWith('/>') && foreign)) continue;
		if (RAW_TEXT.has(name)) {
			// Inside SVG, a <style> holds markup, and an HTML element such as <div> in it ends the SVG.
			if (foreign) return false;
			const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
			if (end === -1) return false;
			TOKEN.lastIndex = end;
			open.push(name);
			continue;
		}
		open.push(name);
	}
	return open.length === 0;
}
