import type { Element, Nodes } from 'hast';
import type { MarkdownHeading } from 'astro';
import { fromHtml } from 'hast-util-from-html';

/** The id of a heading whose text gives github-slugger nothing: a capital letter, which no other heading's id has. */
export const UNNAMED_HEADING_ID = 'Heading';

/**
 * A heading whose text slugs to nothing (`## 🎉`, `## <img …>`) is written `id=""`, an error in HTML, and
 * the table of contents links it to `#`, the top of the page: both get UNNAMED_HEADING_ID. github-slugger
 * gives "" once in a body (the next such heading gets "-1"). `headings` is changed in place.
 */
export function nameUnnamedHeading(html: string, headings: MarkdownHeading[]): string {
	const heading = headings.find((entry) => entry.slug === '');
	if (!heading) return html;
	heading.slug = UNNAMED_HEADING_ID;
	return html.replace(/(<h[1-6]\s(?:[^>]*\s)?id=)""/, `$1"${UNNAMED_HEADING_ID}"`);
}

const HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1\s*>/g;
const NEEDS_READING = /<math\b|data-footnote-ref/;

/**
 * The text of each heading as the table of contents shows it. The Markdown processor lists a heading's
 * text with all of its text nodes: a formula twice (its MathML and its TeX source, `Math x2x^2`) and a
 * footnote's number (`Results2`). A heading with math or a footnote mark has its text read from its HTML
 * instead: a formula as its TeX source (`Math x^2`), footnote marks and what is hidden from readers left
 * out. `headings` is changed in place.
 */
export function readHeadingTexts(html: string, headings: MarkdownHeading[]): void {
	if (headings.length === 0 || !NEEDS_READING.test(html)) return;
	const bySlug = new Map(headings.map((heading) => [heading.slug, heading]));
	for (const [, , attributes = '', inner = ''] of html.matchAll(HEADING)) {
		if (!NEEDS_READING.test(inner)) continue;
		const id = /\sid="([^"]*)"/.exec(attributes)?.[1];
		const heading = id === undefined ? undefined : bySlug.get(id);
		if (!heading) continue;
		const parts: string[] = [];
		collectText(fromHtml(inner, { fragment: true }), parts);
		const text = parts.join('').replace(/\s+/g, ' ').trim();
		if (text !== '') heading.text = text;
	}
}

function collectText(node: Nodes, parts: string[]): void {
	if (node.type === 'text') {
		parts.push(node.value);
		return;
	}
	if (node.type === 'element') {
		const { properties } = node;
		if (properties.ariaHidden === 'true' || properties.dataFootnoteRef !== undefined) return;
		if (node.tagName === 'math') {
			parts.push(texSource(node) ?? toText(node));
			return;
		}
	}
	if ('children' in node) for (const child of node.children) collectText(child, parts);
}

/** The TeX a formula was written in, which KaTeX keeps in the MathML's annotation. */
function texSource(node: Element): string | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'annotation' && child.properties.encoding === 'application/x-tex') return toText(child);
		const found = texSource(child);
		if (found !== undefined) return found;
	}
	return undefined;
}

function toText(node: Nodes): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map(toText).join('') : '';
}
