import { withoutCode } from '../markdown/fences.ts';
import { DOCUMENT_OPEN } from '../markdown/head-blocks.ts';
import { pageLinkTags } from '../utils/balanced-html.ts';
import { lineAt, lineStarts } from '../utils/line-offsets.ts';

/** A warning on a part of a page that a post's body cannot hold, at its line in the post's file (undefined: not found in the body). */
export interface PagePartWarning {
	line: number | undefined;
	text: string;
}

const PAGE_PART_HARM: Record<string, string> = {
	title: 'browsers do not show a <title> in the body of a page, and the post has its title from its front matter',
	base: "it would send every link and image of the page, the theme's own included, to another address",
	meta: "a page's <meta> belongs in its head, where the theme writes the post's own (a refresh would take readers off the page)",
};

const DELETE = 'Delete it from the post to silence this warning.';
const HREF_ATTRIBUTE = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
// The <link> warnings told one by one; the links after them are counted in one more.
const MAX_LINK_WARNINGS = 10;

/**
 * What to tell the author of each page part that balanceHtml() left out of the post (`parts`, from
 * pagePartsLeftOut()), in the order of `body`, each at its line in the file (`fileLine` of a line of `body`,
 * 1 = its first): a `<title>`, `<base>` or `<meta>` once, at the first in `body`; a `<link>` with its rel,
 * whether it came with a pasted HTML document, and where its effect belongs instead, the same one written
 * again once with its other lines, and the links after the first ten kinds in one warning.
 */
export function describePageParts(body: string, parts: readonly string[], fileLine: (line: number) => number): PagePartWarning[] {
	const found = parts.flatMap((part) => {
		if (part === 'link') return describeLinks(body);
		return [{ offsets: [body.search(new RegExp(`<${part}\\b`, 'i'))], text: () => `a <${part}> element, pasted from another page, is left out of the post: ${PAGE_PART_HARM[part]}. ${DELETE}` }];
	});
	const starts = lineStarts(body);
	const atLine = (offset: number) => (offset === -1 ? undefined : fileLine(lineAt(starts, offset)));
	return found
		.sort((a, b) => (a.offsets[0] as number) - (b.offsets[0] as number))
		.map(({ offsets, text }) => ({ line: atLine(offsets[0] as number), text: text(offsets.slice(1).map((offset) => atLine(offset) as number)) }));
}

/** A warning found at `offsets` of the body (-1: not found there), worded once the lines of all but the first are known. */
interface FoundPart {
	offsets: number[];
	text: (moreLines: number[]) => string;
}

function describeLinks(body: string): FoundPart[] {
	const prose = withoutCode(body);
	const links = pageLinkTags(prose);
	// A <link> that no line of the body writes as such (a shortcode's output): named without its line.
	if (links.length === 0) return [{ offsets: [-1], text: () => `a <link> element is left out of the post: ${LINK_HARM}. ${DELETE}` }];
	const documentAt = prose.search(DOCUMENT_OPEN);
	// The same <link> written again and again (thousands of lines of it) is one warning, with its lines.
	const grouped = new Map<string, { offsets: number[]; written: string; rels: string[]; href: string; pasted: boolean }>();
	for (const { tag, offset, rel } of links) {
		const pasted = documentAt !== -1 && documentAt < offset;
		const key = `${pasted ? 1 : 0}${tag}`;
		const group = grouped.get(key);
		if (group) {
			group.offsets.push(offset);
			continue;
		}
		const href = HREF_ATTRIBUTE.exec(tag);
		const written = tag.length > 120 ? `${tag.slice(0, 119)}…` : tag;
		grouped.set(key, { offsets: [offset], written, rels: rel.toLowerCase().split(/\s+/), href: (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim(), pasted });
	}
	const groups = [...grouped.values()];
	const told: FoundPart[] = groups.slice(0, MAX_LINK_WARNINGS).map(({ offsets, written, rels, href, pasted }) => ({
		offsets,
		text: (more) => linkWarning(more.length === 0 ? written : `${written} (and ${more.length} more, ${onLines(more)})`, rels, href, pasted),
	}));
	const rest = groups.slice(MAX_LINK_WARNINGS);
	if (rest.length === 0) return told;
	// The first of them is the first written: each group's offsets, and the groups' first ones, are in the body's order.
	const offsets = rest.flatMap((group) => group.offsets).sort((a, b) => a - b);
	const { written } = rest[0] as { written: string };
	const count = offsets.length - 1;
	const summary = (more: number[]) =>
		`${written} and ${count} more <link> ${count === 1 ? 'element' : 'elements'} (${onLines(more)}) are left out of the post: ${LINK_HARM}. Delete them from the post to silence this warning.`;
	return [...told, { offsets, text: summary }];
}

/** `on lines 23, 39` of the file, each once (a line may hold several links); ten at most. */
function onLines(written: readonly number[]): string {
	const lines = [...new Set(written)];
	return `on ${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, 10).join(', ')}${lines.length > 10 ? '…' : ''}`;
}

const LINK_HARM = "a <link> other than a stylesheet, a preload hint or microdata's itemprop speaks for a whole page from its head, where the theme writes each page's own, and HTML allows none in a page's body";

/** The warning on a `<link>` left out (`written`, its `rels` and `href`), written in the post or part of a pasted HTML document. */
function linkWarning(written: string, rels: string[], href: string, pasted: boolean): string {
	const canonical = rels.includes('canonical');
	const why = `${LINK_HARM}${pasted ? ', and this one speaks for the page it was pasted from' : ''}${canonical ? ` (a second canonical link would give search engines ${pasted ? "that page's" : 'another'} address for the post, whose own the theme writes from its front matter)` : ''}`;
	let keep: string;
	if (rels.includes('me')) {
		const platform = /\/@[^/]+\/?$/.test(href) ? 'mastodon' : 'website';
		keep = `To link the blog to this profile with rel="me" (as Mastodon checks it), list it in the theme's social option, social: [{ platform: '${platform}', href: '${href}' }], which links it so from the footer of every page, or link it in the post's text: <a rel="me" href="${href}">…</a>. Then delete the <link> from the post to silence this warning.`;
	} else if (canonical && /^https?:\/\/[^/\s]/i.test(href)) {
		keep = `If the post was first published at that address, write canonicalURL: "${href}" in its front matter. ${DELETE}`;
	} else {
		keep = `To add a <link> to the head of every page, override the Head component (see Components in the README). ${DELETE}`;
	}
	return `${written}${pasted ? ', part of the HTML document pasted into the post,' : ''} is left out of the post: ${why}. ${keep}`;
}
