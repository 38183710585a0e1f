import type { RSSOptions } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { toZonedISOString } from './dates.ts';
import type { Author } from './posts.ts';
import { stripForbiddenCharsDeep, stripForbiddenCharsInMarkup } from './text-chars.ts';
import { isolateBidi } from './titles.ts';
import { escapeHtmlText, escapeXml } from './xml.ts';

/** Side of the feeds' square image: RSS allows at most 144 pixels of width. */
export const FEED_ICON_SIZE = 144;

/**
 * The most bytes of HTML an item's content may hold: libxml2, under many feed readers, refuses a feed
 * with a longer text node (XML_MAX_TEXT_LENGTH) unless told to read huge documents.
 */
export const FEED_CONTENT_LIMIT = 10_000_000;

/** A feed as every format describes it. URLs are absolute. */
export interface FeedMeta {
	title: string;
	description: string;
	language: string;
	timeZone: string;
	/** The page the feed follows: the home page, or a tag page. */
	homeUrl: string;
	/** The feed's own URL. */
	selfUrl: string;
	/** Newest publication or update among the items. */
	updated?: Date | undefined;
	author?: Author | undefined;
	/** A small image for the feed (RSS `<image>`, Atom `<icon>`, JSON Feed `icon`). */
	image?: { url: string; width: number; height: number } | undefined;
	/** The XSL stylesheet that shows the RSS feed as a page in a browser. */
	stylesheet?: string | undefined;
	/** The CSS stylesheet that keeps RSS and Atom feeds readable in browsers without XSLT. */
	cssStylesheet?: string | undefined;
}

/**
 * Adds a CSS `xml-stylesheet` instruction after the XML declaration and any XSL one. Browsers that run
 * XSLT show the XSL page; the others (Chromium is removing XSLT) style the feed itself with the CSS.
 */
export function withCssStylesheet(xml: string, href: string | undefined): string {
	if (!href) return xml;
	const instruction = `<?xml-stylesheet href="${escapeXml(href)}" type="text/css"?>`;
	const prolog = /^<\?xml [^?]*\?>(?:<\?xml-stylesheet [^?]*\?>)?/.exec(xml)?.[0] ?? '';
	return prolog + instruction + xml.slice(prolog.length);
}

/** One post in a feed. URLs are absolute and the HTML is ready to syndicate (utils/feed-html.ts). */
export interface FeedEntry {
	url: string;
	title: string;
	summary?: string | undefined;
	contentHtml: string;
	published: Date;
	updated?: Date | undefined;
	categories: string[];
	/** The post's language (BCP 47) when it is not the feed's. */
	language?: string | undefined;
	/** Its authors, each with their own address and links; none means the feed's. */
	authors: readonly Author[];
	/**
	 * The post's featured image as a 1200×630 JPEG. Its length is 0 until the build is done
	 * (integration/enclosures.ts fills it in, once the file exists).
	 */
	enclosure?: { url: string; type: string; length: number } | undefined;
}

// Each writer starts from clean(): a character that XML forbids, anywhere, would make the whole feed
// unreadable. The loader has already removed them from posts, with a warning; this covers the rest. Titles
// are isolated as the page's <title> is (utils/titles.ts): a reader lists them one after another.
function clean(feedMeta: FeedMeta, entries: readonly FeedEntry[]): [FeedMeta, FeedEntry[]] {
	const meta = stripForbiddenCharsDeep(feedMeta);
	return [
		{ ...meta, title: isolateBidi(meta.title) },
		entries.map(({ contentHtml, ...entry }) => {
			const cleaned = stripForbiddenCharsDeep(entry);
			return { ...cleaned, title: isolateBidi(cleaned.title), contentHtml: stripForbiddenCharsInMarkup(contentHtml) };
		}),
	];
}

const CONTENT_NAMESPACE = 'http://purl.org/rss/1.0/modules/content/';

/** Options for @astrojs/rss: RSS 2.0 with full content, a self link, the language and an image. */
export function rssOptions(feedMeta: FeedMeta, feedEntries: readonly FeedEntry[]): RSSOptions {
	const [meta, entries] = clean(feedMeta, feedEntries);
	const channel = [
		`<language>${escapeXml(meta.language)}</language>`,
		`<atom:link href="${escapeXml(meta.selfUrl)}" rel="self" type="application/rss+xml"/>`,
		meta.updated ? `<lastBuildDate>${meta.updated.toUTCString()}</lastBuildDate>` : '',
		meta.image
			? `<image><url>${escapeXml(meta.image.url)}</url><title>${escapeXml(meta.title)}</title><link>${escapeXml(meta.homeUrl)}</link>` +
				`<width>${meta.image.width}</width><height>${meta.image.height}</height></image>`
			: '',
	];
	// RSS readers take a description as HTML (feedparser, Feedly, NetNewsWire): plain text goes as HTML text, which
	// @astrojs/rss then escapes as XML, so that `Use <div>` reads as written, not as an element the reader drops.
	return {
		title: meta.title,
		description: escapeHtmlText(meta.description || meta.title),
		site: meta.homeUrl,
		// The channel's link is already its page's own address (utils/routes.ts follows trailingSlash), which
		// @astrojs/rss would otherwise end with a slash: it keeps it only when told the address has one.
		trailingSlash: meta.homeUrl.endsWith('/'),
		// Declared even when every item's content is empty, which @astrojs/rss would otherwise leave undeclared.
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/', content: CONTENT_NAMESPACE },
		...(meta.stylesheet ? { stylesheet: meta.stylesheet } : {}),
		customData: channel.join(''),
		items: entries.map((entry) => ({
			title: entry.title,
			link: entry.url,
			pubDate: entry.published,
			description: entry.summary && escapeHtmlText(entry.summary),
			content: entry.contentHtml,
			categories: entry.categories,
			...rssItemData(entry),
			...(entry.enclosure ? { enclosure: entry.enclosure } : {}),
		})),
	};
}

// suppressBooleanAttributes, on by default, writes an attribute whose value is "true" bare: a tag named true
// gave `<category term/>`, which no XML parser reads.
const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: false, suppressEmptyNode: true, suppressBooleanAttributes: false });

/**
 * An item's authors and language. RSS's one <author> must be an e-mail address: it carries a single author
 * who has one, and Dublin Core's creator, which may repeat, carries the names otherwise. RSS has no
 * language per item: Dublin Core's is the one readers know.
 */
function rssItemData({ authors, language }: FeedEntry): { author?: string; customData?: string } {
	const [only] = authors;
	const author = authors.length === 1 && only?.email ? `${only.email} (${only.name})` : undefined;
	const customData = [
		...(author ? [] : authors.map((person) => `<dc:creator>${escapeXml(person.name)}</dc:creator>`)),
		...(language ? [`<dc:language>${escapeXml(language)}</dc:language>`] : []),
	].join('');
	return { ...(author ? { author } : {}), ...(customData ? { customData } : {}) };
}

/** An Atom 1.0 document. Atom requires an author: the blog's, else its title. */
export function atomFeed(feedMeta: FeedMeta, feedEntries: readonly FeedEntry[]): string {
	const [meta, entries] = clean(feedMeta, feedEntries);
	const date = (value: Date) => toZonedISOString(value, meta.timeZone);
	const person = (author: Author) => ({ name: author.name, ...(author.email ? { email: author.email } : {}), ...(author.url ? { uri: author.url } : {}) });
	const feed = {
		'@xmlns': 'http://www.w3.org/2005/Atom',
		'@xml:lang': meta.language,
		id: meta.homeUrl,
		title: meta.title,
		...(meta.description ? { subtitle: meta.description } : {}),
		updated: date(meta.updated ?? new Date(0)),
		link: [
			{ '@rel': 'self', '@type': 'application/atom+xml', '@href': meta.selfUrl },
			{ '@rel': 'alternate', '@type': 'text/html', '@href': meta.homeUrl },
		],
		author: person(meta.author ?? { name: meta.title }),
		generator: 'Astro and astro-theme-carnet',
		...(meta.image ? { icon: meta.image.url } : {}),
		entry: entries.map((entry) => ({
			...(entry.language ? { '@xml:lang': entry.language } : {}),
			id: entry.url,
			title: entry.title,
			link: [
				{ '@rel': 'alternate', '@type': 'text/html', '@href': entry.url },
				...(entry.enclosure
					? [{ '@rel': 'enclosure', '@href': entry.enclosure.url, '@length': entry.enclosure.length, '@type': entry.enclosure.type }]
					: []),
			],
			published: date(entry.published),
			updated: date(entry.updated ?? entry.published),
			...(entry.authors.length > 0 ? { author: entry.authors.map(person) } : {}),
			category: entry.categories.map((name) => ({ '@term': name })),
			...(entry.summary ? { summary: entry.summary } : {}),
			content: { '@type': 'html', '#text': entry.contentHtml },
		})),
	};
	return withCssStylesheet(`<?xml version="1.0" encoding="utf-8"?>${xmlBuilder.build({ feed })}`, meta.cssStylesheet);
}

/** A JSON Feed 1.1 document. */
export function jsonFeed(feedMeta: FeedMeta, feedEntries: readonly FeedEntry[]): string {
	const [meta, entries] = clean(feedMeta, feedEntries);
	const date = (value: Date) => toZonedISOString(value, meta.timeZone);
	// JSON Feed's avatar must be an absolute URL; runtime/feeds.ts makes a photo in public/ one.
	const person = (author: Author) => ({ name: author.name, ...(author.url ? { url: author.url } : {}), ...(author.image && /^https?:/.test(author.image) ? { avatar: author.image } : {}) });
	return JSON.stringify({
		version: 'https://jsonfeed.org/version/1.1',
		title: meta.title,
		home_page_url: meta.homeUrl,
		feed_url: meta.selfUrl,
		...(meta.description ? { description: meta.description } : {}),
		language: meta.language,
		...(meta.image ? { icon: meta.image.url } : {}),
		...(meta.author ? { authors: [person(meta.author)] } : {}),
		items: entries.map((entry) => ({
			id: entry.url,
			url: entry.url,
			title: entry.title,
			content_html: entry.contentHtml,
			...(entry.summary ? { summary: entry.summary } : {}),
			...(entry.language ? { language: entry.language } : {}),
			...(entry.enclosure ? { image: entry.enclosure.url } : {}),
			date_published: date(entry.published),
			...(entry.updated ? { date_modified: date(entry.updated) } : {}),
			...(entry.authors.length > 0 ? { authors: entry.authors.map(person) } : {}),
			tags: entry.categories,
			...(entry.enclosure
				? { attachments: [{ url: entry.enclosure.url, mime_type: entry.enclosure.type, size_in_bytes: entry.enclosure.length }] }
				: {}),
		})),
	});
}

/** The newest publication or update among posts, for a feed's last-updated date. */
export function lastModified(posts: readonly { date: Date; updated?: Date | undefined }[]): Date | undefined {
	let latest: Date | undefined;
	for (const post of posts) {
		const date = post.updated ?? post.date;
		if (!latest || date > latest) latest = date;
	}
	return latest;
}
