// A link written as raw HTML, and what it holds up to its end tag: text, and the links GFM made of the
// addresses in that text (`<a href="/slides.pdf">https://example.com/slides.pdf</a>`).
// A start tag's attributes are read one way (a `<` only inside quotes): a line of unclosed ones is read in linear time.
const RAW_LINK = /(<a\s(?:[^<>"']|"[^"]*"|'[^']*')*>)((?:[^<]|<a href="[^"]*">[^<]*<\/a>)*)(?=<\/a>)/gi;
const INNER_LINK = /<a href="([^"]*)">([^<]*)<\/a>/g;

/**
 * A rendered body in which the addresses written as the text of a raw HTML link stay its text. GFM makes a
 * link of an address anywhere in text, that of `<a href="/slides.pdf">https://example.com/my slides.pdf</a>`
 * too, which the Markdown processor does not see is inside a link: the address, cut at its first space,
 * became a link inside the author's, which browsers end the author's link at, leaving it empty. Jekyll's
 * kramdown, Hugo's Goldmark and Zola's pulldown-cmark leave such text as it is. A link the author wrote in
 * Markdown inside the raw one is left as it is. (Under unified, which parses raw HTML into its tree, the
 * remark plugin does this: markdown/unified-features.ts.)
 */
export function urlsInLinksAsText(html: string): string {
	if (!html.includes('<a ') || !/<a href="[^"]*">[^<]*<\/a>/.test(html)) return html;
	return html.replace(RAW_LINK, (_whole, start: string, content: string) => start + content.replace(INNER_LINK, (link, href: string, text: string) => (isAddressOf(href, text) ? text : link)));
}

// A link as Markdown renders it, its address and text alone (`<https://x.org>`, `[https://x.org](https://x.org)`).
const PLAIN_LINK = /<a href="([^"]*)">([^<]*)<\/a>/g;

/** The class of a link whose text is its address, which print does not follow with the address again (styles/theme.css). */
export const ADDRESS_LINK_CLASS = 'carnet-link--address';

/**
 * A rendered body in which each link whose text is its own address (`<https://x.org>`) has the class
 * ADDRESS_LINK_CLASS: print writes a link's address after its text, which would show such an address twice.
 */
export function markAddressLinks(html: string): string {
	if (!html.includes('<a href="')) return html;
	return html.replace(PLAIN_LINK, (link, href: string, text: string) => (isAddressOf(href, text) ? `<a href="${href}" class="${ADDRESS_LINK_CLASS}">${text}</a>` : link));
}

/**
 * The classes a link element (hast) has once marked as one whose text is its own address, as markAddressLinks
 * marks them in rendered HTML, or undefined when it is no such link or is marked already. MDX posts are
 * compiled to components, not to HTML Carnet reads, so their links are marked in the tree.
 */
export function addressLinkClasses(link: { properties?: Record<string, unknown>; children?: readonly { type: string; value?: string }[] }): string[] | undefined {
	const href = link.properties?.href;
	const [only, ...more] = link.children ?? [];
	if (typeof href !== 'string' || more.length > 0 || only?.type !== 'text' || !isAddressOf(href, only.value ?? '')) return undefined;
	const current = link.properties?.className;
	const classes = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/).filter(Boolean) : [];
	return classes.includes(ADDRESS_LINK_CLASS) ? undefined : [...classes, ADDRESS_LINK_CLASS];
}

/** Whether `href` is the address GFM gives the text `text` it found in prose. */
export function isAddressOf(href: string, text: string): boolean {
	const address = decoded(href);
	const written = decoded(text);
	return address === written || address === `http://${written}` || address === `mailto:${written}`;
}

function decoded(value: string): string {
	const text = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}
