import type { Element, Nodes } from 'hast';
import type { MarkdownHeading } from 'astro';
import { fromHtml } from 'hast-util-from-html';

/** The id a heading's text gets (github-slugger's rule, as Astro's Markdown gives it): lower case, spaces as hyphens, punctuation left out. */
export function generatedHeadingId(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

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
	return html.replace(/(<h[1-6]\b[^>]*?\sid=)""/, `$1"${UNNAMED_HEADING_ID}"`);
}

const HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1\s*>/g;

// The ids GFM gives a body's footnotes: the hidden heading of their section, each note and each mark.
const FOOTNOTE_ID = /^(?:footnote-label|user-content-fn(?:ref)?-.+)$/;
const FOOTNOTES_SECTION = /<section\b[^>]*?\sdata-footnotes\b/;
const HEADING_ID = /(<h[1-6]\b[^>]*?\sid=")([^"]*)"/g;

/**
 * The ids of the elements in `html`, in order: an `id="…"` inside a tag. One in text is not an id, such as
 * code that shows an attribute (`<code>&#x3C;div id="setup"></code>`, whose tag is escaped) or a sentence
 * that writes one, nor is one in a comment, which the page leaves out. One pass over the HTML.
 */
export function elementIds(html: string): string[] {
	const ids: string[] = [];
	let at = html.indexOf('<');
	while (at !== -1) {
		if (html.startsWith('<!--', at)) {
			const end = html.indexOf('-->', at + 4);
			if (end === -1) break;
			at = html.indexOf('<', end + 3);
			continue;
		}
		let end = at + 1;
		if (/[a-zA-Z]/.test(html[at + 1] ?? '')) {
			// Attributes up to the tag's end, a quoted value read whole: one may hold a ">" (title="a > b").
			while (end < html.length && html[end] !== '>') {
				const quote = html[end];
				if (quote === '"' || quote === "'") {
					const close = html.indexOf(quote, end + 1);
					if (close === -1) return ids;
					if (/\sid=$/.test(html.slice(Math.max(at, end - 4), end))) ids.push(html.slice(end + 1, close));
					end = close + 1;
				} else end += 1;
			}
		}
		at = html.indexOf('<', end);
	}
	return ids;
}

/**
 * A heading whose text slugs to an id GFM gives a footnote (`## Footnote label` is `footnote-label`, the
 * id of the footnotes' hidden heading; `## User content fn 1` that of the first note) gets the first free
 * `-1`, `-2`… after it instead, as github-slugger numbers repeated headings: two elements with one id are an
 * HTML error, and the footnote's links, its mark's `aria-describedby` and the table of contents each went
 * to whichever came first. The footnotes keep their ids, which their links and feeds use. `headings` is
 * changed in place.
 */
export function separateFootnoteIds(html: string, headings: MarkdownHeading[]): string {
	const section = html.search(FOOTNOTES_SECTION);
	if (section === -1 || !headings.some((heading) => FOOTNOTE_ID.test(heading.slug))) return html;
	const taken = new Set(elementIds(html));
	// The new ids of the body's headings, in order, by the id each had.
	const renamed = new Map<string, string[]>();
	const body = html.slice(0, section).replace(HEADING_ID, (tag, start: string, id: string) => {
		if (!FOOTNOTE_ID.test(id)) return tag;
		let suffix = 1;
		while (taken.has(`${id}-${suffix}`)) suffix += 1;
		const fresh = `${id}-${suffix}`;
		taken.add(fresh);
		renamed.set(id, [...(renamed.get(id) ?? []), fresh]);
		return `${start}${fresh}"`;
	});
	// The outline lists headings in the order of the page; the footnotes' own heading, listed last, keeps its id.
	for (const [id, fresh] of renamed) {
		const entries = headings.filter((heading) => heading.slug === id);
		if (id === 'footnote-label') entries.pop();
		entries.forEach((heading, index) => {
			if (fresh[index] !== undefined) heading.slug = fresh[index];
		});
	}
	return body + html.slice(section);
}

/**
 * A heading given an id that an earlier heading has (`## Setup` then `## Install {#setup}`, or two lists
 * with one id in a list item and a quote), or that another element has (a Pandoc div's `::: {#intro}`
 * around `## Intro`, an `<a id="setup">` before `## Setup`), gets the first free `-1`, `-2`… after it, as
 * github-slugger numbers repeated headings: two elements with one id are an HTML error, and the table of
 * contents and links went to the first. The other element keeps its id, which the author wrote and links
 * to. Where another element has the id, a heading github-slugger numbered as a repeat of it (the second
 * `## Setup`, `setup-1`) is numbered again with the first, so the numbers follow the page; where only
 * headings have it, the first keeps it and the others keep the numbers readers may have linked to.
 * `headings` (in the page's order) is changed in place.
 */
export function separateRepeatedHeadingIds(html: string, headings: MarkdownHeading[]): string {
	const slugs = new Set<string>();
	const repeated = headings.some((heading) => slugs.size === slugs.add(heading.slug).size);
	const headingIds = Array.from(html.matchAll(HEADING_ID), (match) => match[2] ?? '');
	// How many elements have each id, and how many of them are headings: the others are not headings.
	const counts = new Map<string, number>();
	for (const id of elementIds(html)) counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const id of headingIds) counts.set(id, (counts.get(id) ?? 0) - 1);
	const others = [...slugs].filter((slug) => (counts.get(slug) ?? 0) > 0);
	if (!repeated && others.length === 0) return html;
	const bases = repeatedBases(headings, headingIds, others);
	// The ids of other elements, and of the headings that keep theirs.
	const taken = new Set<string>();
	for (const [id, count] of counts) if (count > 0) taken.add(id);
	headingIds.forEach((id, index) => {
		if (bases[index] === undefined) taken.add(id);
	});
	const seen = new Set<string>(others);
	// The number each repeated id tries next: thousands of repeats take one pass.
	const next = new Map<string, number>();
	// The ids the page's headings get, in order, by the id each had.
	const given = new Map<string, string[]>();
	let index = 0;
	const result = html.replace(HEADING_ID, (tag, start: string, id: string) => {
		const base = bases[index] ?? id;
		index += 1;
		let fresh = id;
		if (seen.has(base)) {
			let suffix = next.get(base) ?? 1;
			while (taken.has(`${base}-${suffix}`)) suffix += 1;
			fresh = `${base}-${suffix}`;
			next.set(base, suffix + 1);
			taken.add(fresh);
		}
		seen.add(base);
		const ids = given.get(id);
		if (ids) ids.push(fresh);
		else given.set(id, [fresh]);
		return fresh === id ? tag : `${start}${fresh}"`;
	});
	const occurrences = new Map<string, number>();
	for (const heading of headings) {
		const at = occurrences.get(heading.slug) ?? 0;
		occurrences.set(heading.slug, at + 1);
		const fresh = given.get(heading.slug)?.[at];
		if (fresh !== undefined) heading.slug = fresh;
	}
	return result;
}

/**
 * For each heading of the page, by position, the id of another element github-slugger numbered it a
 * repeat of: its id is that id with `-1`, `-2`… and its text gives that id (`## Setup 1`, whose text gives
 * `setup-1`, is no repeat).
 */
function repeatedBases(headings: MarkdownHeading[], headingIds: string[], others: string[]): (string | undefined)[] {
	const numbered = new Set(others);
	const texts = new Map<string, string[]>();
	for (const heading of headings) {
		const list = texts.get(heading.slug);
		if (list) list.push(heading.text);
		else texts.set(heading.slug, [heading.text]);
	}
	const occurrences = new Map<string, number>();
	return headingIds.map((id) => {
		const at = occurrences.get(id) ?? 0;
		occurrences.set(id, at + 1);
		const dash = id.lastIndexOf('-');
		const base = id.slice(0, dash);
		const text = texts.get(id)?.[at];
		if (dash < 1 || !numbered.has(base) || !/^\d+$/.test(id.slice(dash + 1)) || text === undefined) return undefined;
		return generatedHeadingId(text) === base ? base : undefined;
	});
}

const NEEDS_READING = /<math\b|data-footnote-ref|<img\b/;

/**
 * The text of each heading as the table of contents shows it. The Markdown processor lists a heading's
 * text with all of its text nodes: a formula twice (its MathML and its TeX source, `Math x2x^2`) and a
 * footnote's number (`Results2`), and no image. A heading with math, a footnote mark or an image has its
 * text read from its HTML instead: a formula as its TeX source (`Math x^2`), an image as its alt text,
 * footnote marks and what is hidden from readers left out. `headings` is changed in place.
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
		// An image is named by its text, as a screen reader reads it: a heading of a logo alone has a name.
		if (node.tagName === 'img') {
			parts.push(typeof properties.alt === 'string' ? properties.alt : '');
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

// A heading's start tag, as raw HTML may write it (`<H2 class="x">`).
const HEADING_TAG = /<h[1-6][\s>]/gi;

/**
 * The headings that a body writes in HTML (`<h2>First section</h2>`, as WordPress and Ghost exports do), which
 * the Markdown processor does not list: each gets an id from its text when it has none (github-slugger's rule,
 * as Markdown's headings), and `headings` lists them too, in the page's order, so that the table of contents and
 * links to `#first-section` find them. Read only for a body with more heading tags than listed headings.
 * `headings` is changed in place; repeated ids are told apart afterwards (separateRepeatedHeadingIds()).
 */
export function listHtmlHeadings(html: string, headings: MarkdownHeading[]): string {
	if ((html.match(HEADING_TAG)?.length ?? 0) <= headings.length) return html;
	const found: { depth: number; id: string; given: boolean; at: number; text: string }[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'element' && (node.tagName === 'template' || node.tagName === 'svg' || node.tagName === 'math')) return;
		if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) {
			const parts: string[] = [];
			collectText(node, parts);
			const text = parts.join('').replace(/\s+/g, ' ').trim();
			const written = typeof node.properties.id === 'string' ? node.properties.id : undefined;
			const id = written ?? generatedHeadingId(text);
			const at = node.position?.start.offset;
			// A heading in HTML whose text gives no id (an image alone) is left out, as it has no address.
			if (at !== undefined && (written !== undefined || id !== '')) found.push({ depth: Number(node.tagName[1]), id, given: written === undefined, at, text });
			return;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(fromHtml(html, { fragment: true }));
	const listed = new Set(headings.map((heading) => heading.slug));
	if (found.every(({ id, given }) => !given && listed.has(id))) return html;
	let result = html;
	for (const { id, given, at } of [...found].reverse()) {
		if (given) result = `${result.slice(0, at + 3)} id="${id.replace(/"/g, '&#x22;')}"${result.slice(at + 3)}`;
	}
	// Each heading of the page, in order: a listed one as the processor listed it, another from the HTML.
	const bySlug = new Map(headings.map((heading) => [heading.slug, heading]));
	const outline = found.map(({ depth, id, given, text }) => {
		const heading = given ? undefined : bySlug.get(id);
		if (heading) bySlug.delete(id);
		return heading ?? { depth, slug: id, text };
	});
	const unplaced = headings.filter((heading) => !outline.includes(heading));
	headings.splice(0, headings.length, ...outline, ...unplaced);
	return result;
}
