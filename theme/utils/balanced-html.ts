import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

// Elements that have no end tag, and those whose text is not markup (a "<div>" inside is text).
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\/?([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * A rendered body whose raw HTML leaves an element open (`<div>` without `</div>`) or closes one it did
 * not open (`</main>`), as the HTML parser reads it: every element closed inside the body. Pages place the
 * body inside their layout, where an open `<div>` would take the post's footer and navigation in, and a
 * stray `</div>` would close the layout's. A body whose tags already pair up is returned as it is, byte
 * for byte; only the others are parsed and written again.
 */
export function balanceHtml(html: string): string {
	if (tagsPairUp(html)) return html;
	// The parser lowercases attribute names; Astro finds a body's local images by the upper-case placeholder
	// its Markdown pipeline writes (astro/dist/content/runtime.js, CONTENT_LAYER_IMAGE_REGEX).
	return toHtml(fromHtml(html, { fragment: true })).replaceAll(' __astro_image_="', ' __ASTRO_IMAGE_="');
}

function tagsPairUp(html: string): boolean {
	const open: string[] = [];
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
		const [token, rawName] = match;
		if (!rawName) {
			// A comment or a CDATA section that never ends swallows the rest of the page.
			if ((token.startsWith('<!--') && !token.endsWith('-->')) || (token.startsWith('<![CDATA[') && !token.endsWith(']]>'))) return false;
			continue;
		}
		const name = rawName.toLowerCase();
		if (token.startsWith('</')) {
			if (open.pop() !== name) return false;
			continue;
		}
		// `<div />` opens a div in HTML; only SVG and MathML elements close themselves.
		if (VOID.has(name) || (token.endsWith('/>') && (open.includes('svg') || open.includes('math')))) continue;
		if (RAW_TEXT.has(name)) {
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
