import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { parseSrcset } from 'srcset';
import { FEED_HTML_SCHEMA } from './feed-html-schema.ts';
import { stripForbiddenChars } from './text-chars.ts';

/** Properties (hast names) that hold one URL, and those that hold a `srcset`. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

/**
 * Prepares a post's rendered HTML for a feed. The HTML is parsed as a browser would (parse5), then
 * only what the allowlist in `feed-html-schema.ts` names is kept: text, structure, links, images, tables,
 * code, footnotes, details, MathML. Every link and media URL is made absolute against the post's own URL
 * (so `base` and relative paths resolve as they do on the page), and anything that is not then an
 * http(s): or mailto: URL is removed. Feed readers show items outside the site, where a relative URL points
 * nowhere (the most common broken feed, astrowind#159). Attribute values are decoded by the parser and
 * escaped once by the serializer, and characters that XML forbids are removed.
 */
export function prepareFeedHtml(html: string, pageUrl: string): string {
	const parsed = fromHtml(html, { fragment: true });
	dropFormControls(parsed);
	framesAsLinks(parsed);
	visitElements(parsed, playableMedia);
	dropMathRendering(parsed);
	visitElements(parsed, alignTableCells);
	visitElements(parsed, calloutAsBlockquote);
	const tree = sanitize(parsed, FEED_HTML_SCHEMA) as Root;
	visitElements(tree, (element) => absolutize(element, pageUrl));
	dropEmptyMedia(tree);
	return serialize(tree).trim();
}

/**
 * Media left with nothing to show once unsafe addresses are gone (`![chart](data:…)`, a `javascript:` poster's
 * video whose sources were `data:`): an image is its alt text, a source goes, and a video or audio with no
 * address of its own nor source goes too, as does a picture with no image, where readers would draw an empty
 * frame or a broken image.
 */
function dropEmptyMedia(node: Root | Element): void {
	const kept: (typeof node.children)[number][] = [];
	for (const child of node.children) {
		if (child.type !== 'element') {
			kept.push(child);
			continue;
		}
		dropEmptyMedia(child);
		const { tagName, properties } = child;
		if (tagName === 'img' && properties.src === undefined && properties.srcSet === undefined) {
			const alt = typeof properties.alt === 'string' ? properties.alt.trim() : '';
			if (alt !== '') kept.push({ type: 'text', value: alt });
		} else if (tagName === 'source' && properties.src === undefined && properties.srcSet === undefined) {
			continue;
		} else if ((tagName === 'video' || tagName === 'audio') && properties.src === undefined && !child.children.some((inner) => inner.type === 'element' && inner.tagName === 'source')) {
			continue;
		} else if (tagName === 'picture' && !child.children.some((inner) => inner.type === 'element' && inner.tagName === 'img')) {
			// Its image went: its alt text, if any, took its place.
			kept.push(...child.children.filter((inner) => inner.type === 'text'));
		} else {
			kept.push(child);
		}
	}
	node.children = kept as typeof node.children;
}

/**
 * `tree` as HTML, its text and attribute values without the characters XML forbids. A character reference
 * (`&#x1B;`) brings one back into the parsed HTML; removed from the serialized HTML instead, an ESC's terminal
 * code (utils/text-chars.ts) could reach across the quote and tags after it.
 */
function serialize(tree: Root): string {
	stripTreeChars(tree);
	return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}

function stripTreeChars(node: Root | RootContent): void {
	if (node.type === 'text') node.value = stripForbiddenChars(node.value);
	if (node.type === 'element') {
		for (const [name, value] of Object.entries(node.properties)) {
			if (typeof value === 'string') node.properties[name] = stripForbiddenChars(value);
			else if (Array.isArray(value)) node.properties[name] = value.map((item) => (typeof item === 'string' ? stripForbiddenChars(item) : item));
		}
	}
	if ('children' in node) for (const child of node.children) stripTreeChars(child);
}

/**
 * What a feed carries instead of a post's body that is too large for it (utils/feeds.ts): the post's
 * summary, if it has one, and a link to its page, whose text is `linkText`.
 */
export function pageLinkHtml(summary: string | undefined, pageUrl: string, linkText: string): string {
	const paragraph = (children: Element['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children });
	const link: Element = { type: 'element', tagName: 'a', properties: { href: pageUrl }, children: [{ type: 'text', value: linkText }] };
	const tree: Root = { type: 'root', children: [...(summary ? [paragraph([{ type: 'text', value: summary }])] : []), paragraph([link])] };
	return serialize(tree);
}

function visitElements(node: Root | RootContent, visit: (element: Element) => void): void {
	if (node.type === 'element') visit(node);
	if ('children' in node) for (const child of node.children) visitElements(child, visit);
}

// A task list's checkbox says whether the task is done, and stays; any other form control goes. So does
// what the page hides (`hidden`: a carousel's buttons, a script's template), which readers would show.
function dropFormControls(node: Root | Element): void {
	node.children = node.children.filter((child) => {
		if (child.type !== 'element') return true;
		if (child.tagName === 'input' && String(child.properties.type ?? '').toLowerCase() !== 'checkbox') return false;
		if (child.properties.hidden === true || child.properties.hidden === '') return false;
		dropFormControls(child);
		return true;
	}) as typeof node.children;
}

/**
 * Feeds carry no frames (readers drop them, and a frame is another page running in the reader's): an
 * embedded video or page becomes a link to it, named by the frame's title or its address, where it left
 * nothing, a figure's caption under no video. A YouTube or Vimeo player links to the video's page. Inside
 * a link, which holds no other, it is its name only.
 */
function framesAsLinks(node: Root | Element, inLink = false): void {
	for (const element of node.children) {
		if (element.type !== 'element') continue;
		if (element.tagName !== 'iframe' || typeof element.properties.src !== 'string') {
			framesAsLinks(element, inLink || element.tagName === 'a');
			continue;
		}
		const src = element.properties.src.trim();
		// Any address but the web's (`javascript:`, `data:`) goes with the frame.
		if (src === '' || (/^[a-z][\w+.-]*:/i.test(src) && !/^https?:/i.test(src))) continue;
		const href = framedPage(src);
		const title = typeof element.properties.title === 'string' && element.properties.title.trim() !== '' ? element.properties.title.trim() : href;
		element.tagName = inLink ? 'span' : 'a';
		element.properties = inLink ? {} : { href };
		element.children = [{ type: 'text', value: title }];
	}
}

/**
 * The page a frame's address shows, as a reader opens it: a YouTube player's video (`embed/ID`) or playlist
 * (`embed/videoseries?list=…`), a Vimeo player's video (with the key, `h=`, of an unlisted one); any other
 * address as it is.
 */
function framedPage(src: string): string {
	const address = src.startsWith('//') ? `https:${src}` : src;
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return address;
	}
	const host = url.hostname.toLowerCase();
	const youtube = /^(?:www\.)?youtube(?:-nocookie)?\.com$/.test(host) ? /^\/embed\/([\w-]{6,20})\/?$/i.exec(url.pathname)?.[1] : undefined;
	const list = url.searchParams.get('list');
	if (youtube === 'videoseries' && list && /^[\w-]{1,100}$/.test(list)) return `https://www.youtube.com/playlist?list=${list}`;
	// Its start (`?start=90`) is the watch page's `t`: the embed began there.
	const start = url.searchParams.get('start');
	if (youtube && youtube !== 'videoseries' && youtube !== 'live_stream') return `https://www.youtube.com/watch?v=${youtube}${start && /^\d{1,6}$/.test(start) ? `&t=${start}` : ''}`;
	const vimeo = host === 'player.vimeo.com' ? /^\/video\/(\d{1,20})\/?$/i.exec(url.pathname)?.[1] : undefined;
	const key = url.searchParams.get('h');
	if (vimeo) return `https://vimeo.com/${vimeo}${key && /^[\da-f]{1,40}$/i.test(key) ? `/${key}` : ''}`;
	return address;
}

// A feed's video does not play itself (`autoplay` goes, as a reader's list of items would start them
// all): it gets its controls, without which it would be a still picture no reader can start.
function playableMedia(element: Element): void {
	if (element.tagName === 'video' || element.tagName === 'audio') element.properties.controls = true;
}

// KaTeX's HTML rendering of a formula (`math: 'htmlAndMathml'`) needs its stylesheet: feeds keep the
// MathML beside it, which readers lay out themselves.
function dropMathRendering(node: Root | Element): void {
	node.children = node.children.filter((child) => {
		if (child.type !== 'element') return true;
		if (hasClass(child, 'katex-html')) return false;
		dropMathRendering(child);
		return true;
	}) as typeof node.children;
}

// Markdown tables align columns with a style attribute, which feeds do not keep; `align` says the same.
function alignTableCells(element: Element): void {
	if (element.tagName !== 'td' && element.tagName !== 'th') return;
	const align = /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i.exec(String(element.properties.style ?? ''))?.[1];
	if (align) element.properties.align = align.toLowerCase();
}

// A callout (markdown/callouts.ts) as the blockquote it was written as, its title a first paragraph in
// bold: feed readers have no styles for an <aside>, and some drop <details> or hide its content.
function calloutAsBlockquote(element: Element): void {
	if (!hasClass(element, 'carnet-callout')) return;
	element.tagName = 'blockquote';
	const { className } = element.properties;
	element.properties = className === undefined || className === null ? {} : { className };
	for (const child of element.children) {
		if (child.type === 'element' && hasClass(child, 'carnet-callout__title')) child.tagName = 'p';
	}
}

function hasClass(element: Element, name: string): boolean {
	const value = element.properties.className;
	return Array.isArray(value) ? value.includes(name) : String(value ?? '').split(/\s+/).includes(name);
}

function absolutize(element: Element, pageUrl: string): void {
	const properties = element.properties;
	for (const name of URL_PROPERTIES) {
		const value = properties[name];
		if (value === undefined || value === null) continue;
		const absolute = absoluteUrl(String(value), pageUrl);
		if (absolute === undefined) delete properties[name];
		else properties[name] = absolute;
	}
	const srcset = properties.srcSet;
	if (srcset !== undefined && srcset !== null) {
		// The parser splits srcset at every comma, those inside an address too (`data:image/png;base64,…`): joined back as written.
		const candidates = absoluteSrcset(Array.isArray(srcset) ? srcset.join(',') : String(srcset), pageUrl);
		if (candidates === '') delete properties.srcSet;
		else properties.srcSet = candidates;
	}
}

/** An absolute http(s): or mailto: URL, or undefined for anything else (which must not survive). */
function absoluteUrl(value: string, base: string): string | undefined {
	try {
		const url = new URL(value.trim(), base).href;
		return SAFE_URL.test(url) ? url : undefined;
	} catch {
		return undefined;
	}
}

function absoluteSrcset(srcset: string, base: string): string {
	// Read as HTML reads it: an address is a run of anything but white space, commas within it included.
	let candidates: ReturnType<typeof parseSrcset>;
	try {
		candidates = parseSrcset(srcset);
	} catch {
		return '';
	}
	return candidates
		.map(({ url, width, density }) => {
			const absolute = absoluteUrl(url, base);
			if (!absolute || absolute.startsWith('mailto:')) return '';
			return [absolute, width === undefined ? '' : `${width}w`, density === undefined ? '' : `${density}x`].filter(Boolean).join(' ');
		})
		.filter((candidate) => candidate !== '')
		.join(', ');
}
