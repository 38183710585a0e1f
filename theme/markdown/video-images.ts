import { parsedInTime, walk, type MarkdownNode } from './fences.ts';
import { applyEdits, type Edit } from './file-links.ts';
import { videoOf, vimeoAddress, youtubeAddress } from './shortcodes.ts';

// A video or sound file, which an <img> cannot show: `clip.mp4`, `talk.mp3?dl=1`.
const MEDIA_FILE = /\.(?:mp4|m4v|webm|mov|ogv|mp3|ogg|oga|opus|m4a|wav|flac)$/i;
// A quick look for what the parser is run for: a video site's name or a media file's extension.
const MAY_NAME_VIDEO = /youtu|vimeo|dai\.?ly|dailymotion|\.(?:mp4|m4v|webm|mov|ogv|mp3|ogg|oga|opus|m4a|wav|flac)(?=[?#)>\s]|$)/im;

/** The link texts of the video sites, in the site's language ("Watch the video on YouTube"). */
export interface VideoLabels {
	youtube: string;
	vimeo: string;
	dailymotion: string;
}

/**
 * `body` with each image whose address is no image a page can show written as a link to it, as
 * jekyll-spaceship and YAT make a player of it and Carnet shows no third-party embed: the page of a video
 * on YouTube, Vimeo or Dailymotion (`![](//www.youtube.com/watch?v=ID)`, `![][demo]` with
 * `[demo]: https://dai.ly/ID`) becomes the link Hugo's youtube and vimeo shortcodes become, its text the
 * image's alt text or else `labels`' ("Watch the video on YouTube"); a video or sound file elsewhere
 * (`![video](https://example.com/clip.webm)`) becomes a link to it, its text the alt text or else the file's
 * name, as one beside the post does (markdown/file-links.ts). An address that starts with `//` is read as
 * https. Inside a link, Markdown's or a raw HTML `<a>`, which cannot hold another, the image becomes its text. Each image stays on its
 * lines; code is left alone, and a body too large to parse in good time is left as written.
 */
export function videoImagesAsLinks(body: string, labels: () => VideoLabels): string {
	if (!body.includes('![') || !MAY_NAME_VIDEO.test(body)) return body;
	const root = parsedInTime(body, body.split('\n'));
	if (!root) return body;
	const definitions = new Map<string, { url: string; title?: string | null | undefined; start: number }>();
	const images: MarkdownNode[] = [];
	// Where the images inside a link start: `[![](https://youtu.be/ID)](https://youtu.be/ID)`.
	const inLinks = new Set<number>();
	walk(root, (node) => {
		if (node.type === 'definition') {
			const { identifier, url, title } = node as MarkdownNode & { identifier: string; url: string; title?: string | null };
			const start = node.position?.start.offset ?? 0;
			// The first of a label's definitions is the one Markdown reads: walk() visits the last first.
			const known = definitions.get(identifier);
			if (!known || start < known.start) definitions.set(identifier, { url, title, start });
		} else if (node.type === 'image' || node.type === 'imageReference') images.push(node);
		else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') imagesInHtmlLinks(node, inLinks);
		else if (node.type === 'link' || node.type === 'linkReference') {
			walk(node, (inner) => {
				if ((inner.type === 'image' || inner.type === 'imageReference') && inner.position?.start.offset !== undefined) inLinks.add(inner.position.start.offset);
				return true;
			});
		}
		return true;
	});
	const edits: Edit[] = [];
	for (const image of images) {
		const start = image.position?.start.offset;
		const end = image.position?.end.offset;
		if (start === undefined || end === undefined || body[start] !== '!') continue;
		const defined = image.type === 'imageReference' ? definitions.get((image as MarkdownNode & { identifier: string }).identifier) : (image as MarkdownNode & { url: string; title?: string | null });
		if (!defined) continue;
		const target = linkFor(defined.url, labels);
		if (!target) continue;
		const close = altEnd(body, start + 2, end);
		const alt = close === -1 ? escapeText((image as MarkdownNode & { alt?: string | null }).alt ?? '') : body.slice(start + 2, close);
		const text = alt.trim() === '' ? escapeText(target.text) : alt;
		const title = defined.title ? ` "${defined.title.replace(/\s*\n\s*/g, ' ').replace(/["\\]/g, '\\$&')}"` : '';
		edits.push({ start, end, text: inLinks.has(start) ? text : `[${text}](<${target.address.replace(/[<>\s]/g, encodeURIComponent)}>${title})` });
	}
	return applyEdits(body, edits);
}

// The tags of a raw HTML link, each its own inline HTML node: `<a href="…">`, `</a>`.
const HTML_LINK_OPENING = /^<a(?:\s|>)/i;
const HTML_LINK_CLOSING = /^<\/a\s*>/i;

/**
 * Adds to `found` where the images inside a raw HTML link among `block`'s inline content start
 * (`<a href="https://example.com/review">![](https://youtu.be/ID)</a>`): the author's link is kept, and
 * the image becomes its text, as inside a Markdown link. Read in the order they are written.
 */
function imagesInHtmlLinks(block: MarkdownNode, found: Set<number>): void {
	let open = 0;
	const stack = [...(block.children ?? [])].reverse();
	while (stack.length > 0) {
		const node = stack.pop() as MarkdownNode;
		if (node.type === 'html') {
			const value = (node as MarkdownNode & { value: string }).value;
			if (HTML_LINK_OPENING.test(value)) open++;
			else if (HTML_LINK_CLOSING.test(value) && open > 0) open--;
		} else if ((node.type === 'image' || node.type === 'imageReference') && open > 0 && node.position?.start.offset !== undefined) found.add(node.position.start.offset);
		const children = node.children ?? [];
		for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as MarkdownNode);
	}
}

/**
 * The page a link to the video at `url` leads to, and its text when the image has no alt text: the video's
 * page on its site (`https://www.youtube.com/watch?v=ID`), or the media file itself; undefined for an
 * address that is neither.
 */
function linkFor(url: string, labels: () => VideoLabels): { address: string; text: string } | undefined {
	// A space is allowed in a destination written in <…>: it is the address's %20.
	const absolute = (url.startsWith('//') ? `https:${url}` : url).replace(/ /g, '%20');
	if (!/^https?:\/\/[^\s<>"]+$/i.test(absolute)) return undefined;
	const address = URL.parse(absolute);
	if (!address) return undefined;
	const youtube = videoOf('youtube', absolute);
	if (youtube) {
		const page = youtubeAddress(youtube);
		if (page) return { address: page, text: labels().youtube };
	}
	const vimeo = videoOf('vimeo', absolute);
	if (vimeo) return { address: vimeoAddress(vimeo), text: labels().vimeo };
	const dailymotion = dailymotionVideo(address);
	if (dailymotion) return { address: `https://www.dailymotion.com/video/${dailymotion}`, text: labels().dailymotion };
	if (!MEDIA_FILE.test(address.pathname)) return undefined;
	const name = address.pathname.split('/').pop() as string;
	let decoded = name;
	try {
		decoded = decodeURIComponent(name);
	} catch {
		// A malformed escape (%E9 alone) is shown as written.
	}
	return { address: absolute, text: decoded };
}

/** The id of the Dailymotion video an address names: `dai.ly/x7tgcev`, `dailymotion.com/video/x7tgcev_a-title`. */
function dailymotionVideo(address: URL): string | undefined {
	const host = address.hostname.replace(/^(?:www|m)\./, '');
	const segments = address.pathname.split('/').filter(Boolean);
	const id = host === 'dai.ly' ? segments[0] : host === 'dailymotion.com' && segments[0] === 'video' ? segments[1]?.split('_')[0] : undefined;
	return id && /^[a-z0-9]{1,20}$/i.test(id) ? id : undefined;
}

/** Where the alt text of an image whose text starts at `from` ends (its `]`), escaped and nested brackets aside; -1 if not before `end`. */
function altEnd(body: string, from: number, end: number): number {
	let depth = 0;
	for (let at = from; at < end; at++) {
		const char = body[at];
		if (char === '\\') at++;
		else if (char === '[') depth++;
		else if (char === ']') {
			if (depth === 0) return at;
			depth--;
		}
	}
	return -1;
}

/** `text` as Markdown link text: its brackets, backslashes and marks escaped. */
function escapeText(text: string): string {
	return text.replace(/[[\]\\*_`<]/g, '\\$&');
}
