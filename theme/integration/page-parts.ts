import { withoutCode } from '../markdown/fences.ts';
import { DOCUMENT_OPEN } from '../markdown/head-blocks.ts';
import { pageLinkTags } from '../utils/balanced-html.ts';

/** A warning on a part of a page that a post's body cannot hold, at its offset in the body (-1: not found there). */
export interface PagePartWarning {
	offset: number;
	text: string;
}

const PAGE_PART_HARM: Record<string, string> = {
	title: 'browsers do not show a <title> in the body of a page, and the post has its title from its front matter',
	base: "it would send every link and image of the page, the theme's own included, to another address",
	meta: "a page's <meta> belongs in its head, where the theme writes the post's own (a refresh would take readers off the page)",
};

const DELETE = 'Delete it from the post to silence this warning.';
const HREF_ATTRIBUTE = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/**
 * What to tell the author of each page part that balanceHtml() left out of the post (`parts`, from
 * pagePartsLeftOut()): a `<title>`, `<base>` or `<meta>` once, at the first in `body`; each `<link>` on its own,
 * with its rel, whether it came with a pasted HTML document, and where its effect belongs instead.
 */
export function describePageParts(body: string, parts: readonly string[]): PagePartWarning[] {
	return parts.flatMap((part) => {
		if (part === 'link') return describeLinks(body);
		return [{ offset: body.search(new RegExp(`<${part}\\b`, 'i')), text: `a <${part}> element, pasted from another page, is left out of the post: ${PAGE_PART_HARM[part]}. ${DELETE}` }];
	});
}

function describeLinks(body: string): PagePartWarning[] {
	const prose = withoutCode(body);
	const links = pageLinkTags(prose);
	// A <link> that no line of the body writes as such (a shortcode's output): named without its line.
	if (links.length === 0) return [{ offset: -1, text: `a <link> element is left out of the post: ${LINK_HARM}. ${DELETE}` }];
	const documentAt = prose.search(DOCUMENT_OPEN);
	return links.map(({ tag, offset, rel }) => {
		const written = tag.length > 120 ? `${tag.slice(0, 119)}…` : tag;
		const href = HREF_ATTRIBUTE.exec(tag);
		const pasted = documentAt !== -1 && documentAt < offset;
		return { offset, text: linkWarning(written, rel.toLowerCase().split(/\s+/), (href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim(), pasted) };
	});
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
