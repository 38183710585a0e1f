export interface FeedCssText {
	about: string;
	address: string;
	latest: string;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ')}"`;

/**
 * A CSS stylesheet for the RSS and Atom feeds themselves, which browsers without XSLT apply to the XML:
 * the feed's title, what a feed is, its address and its items' titles, dates and summaries; the rest
 * (full contents, images, ids) is hidden. CSS can only show text as the feed writes it, so dates stay in
 * the feed's own format (RFC 822 in RSS, ISO 8601 in Atom); the XSL page writes them in the site's language.
 */
export function feedCss(text: FeedCssText): string {
	return `@charset "utf-8";
@namespace atom url("http://www.w3.org/2005/Atom");
:root { color-scheme: light dark; display: block; max-width: 42rem; margin: 0 auto; padding: 2rem 1rem; background: light-dark(#fbfaf7, #141312); color: light-dark(#1c1b19, #ebe8e2); font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
:where(:root *) { display: none; }
channel { display: block; }
channel > title, atom|feed > atom|title { display: block; margin: 0 0 0.5rem; font-size: 2rem; font-weight: 700; line-height: 1.2; }
channel > description, atom|feed > atom|subtitle { display: block; margin-bottom: 1rem; }
channel > atom|link[rel="self"], atom|feed > atom|link[rel="self"] { display: block; margin-bottom: 2rem; padding: 1rem; border: 1px solid light-dark(#e3dfd6, #37332e); border-radius: 0.75rem; }
channel > atom|link[rel="self"]::before, atom|feed > atom|link[rel="self"]::before { content: ${cssString(`${text.about}\n\n${text.address}`)}; display: block; white-space: pre-line; }
channel > atom|link[rel="self"]::after, atom|feed > atom|link[rel="self"]::after { content: attr(href); display: block; margin-top: 0.25rem; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
item, atom|entry { display: block; padding-block: 1rem; border-bottom: 1px solid light-dark(#e3dfd6, #37332e); }
item:first-of-type::before, atom|entry:first-of-type::before { content: ${cssString(text.latest)}; display: block; margin-bottom: 1rem; font-size: 1.5rem; font-weight: 700; }
item > title, atom|entry > atom|title { display: block; color: light-dark(#9a3412, #fdba74); font-size: 1.15rem; font-weight: 600; }
item > pubDate, atom|entry > atom|published { display: block; color: light-dark(#5a5650, #b0aba2); font-size: 0.875rem; }
item > description, atom|entry > atom|summary { display: block; margin-top: 0.25rem; }
`;
}
