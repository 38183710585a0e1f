import { outsideCodeSpans, verbatimLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';
import { lineAt, lineStarts } from '../utils/line-offsets.ts';
import { renderIntro } from '../utils/intro.ts';
import { escapeXml } from '../utils/xml.ts';

// WordPress's shortcodes, as exports to Markdown (jekyll-import, exitwp, wp2md) keep them in a post.
// Lengths are bounded, so that a body of thousands of unclosed `[caption` is read in one pass.
const CAPTION = /\[caption\b([^\]]{0,500})\]([^[]{0,2000}?(?:\[(?!\/caption\])[^[]{0,2000}?){0,4})\[\/caption\]/g;
const EMBED = /\[embed\b[^\]]{0,300}\]\s*(https?:\/\/[^\s[\]<>"]+)\s*\[\/embed\]/g;
// WordPress.com's own shortcodes of a video, `[youtube=https://…]` or `[youtube https://…]` (and Vimeo's), its
// size after the address (`&w=640&h=385`) or as attributes: not a link's text (`[youtube https://…](…)`).
const VIDEO_SHORTCODE = /\[(?:youtube|vimeo)(?:=|[ \t]+)(https?:\/\/[^\s[\]<>"]+)[^\]\n]{0,300}\](?![([])/gi;
// A gallery, `[gallery ids="…"]` or `[gallery]` alone (unless the post defines `[gallery]:` as a link).
const GALLERY = /^[ \t]*\[gallery(?:\s[^\]]{0,500})?\][ \t]*\r?$/;
const GALLERY_LINK = /^[ \t]{0,3}\[gallery\]:/im;
// A player with its attributes (`[video mp4="…"]`), not a link whose text starts with the word (`[video of it](…)`).
const MEDIA = /\[(audio|video|playlist)(?:\s+[\w-]+=(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|[^\s\]"']{1,500}))+\s*\](?!\()/;
const HINT = /\[\/caption\\?\]|\[\/embed\\?\]|\[gallery\b|\[(?:audio|video|playlist)\s|\[(?:youtube|vimeo)[=\s]/i;
// The same with their brackets escaped, as Turndown-based converters write them (`\[caption id="1"\]…\[/caption\]`).
const ESCAPED_PAIR = /\\\[(caption|embed)\b([^\]\n]{0,500}?)\\\](.{0,4000}?)\\\[\/\1\\\]/g;
const ESCAPED_GALLERY = /^([ \t]*)\\\[gallery((?:\s[^\]\n]{0,500}?)?)\\\]([ \t]*\r?)$/;

const MARKDOWN_IMAGE = /!\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;
const HTML_IMAGE = /<img\b[^>]*>/i;
const LINKED = /^\s*(?:<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>\s*(<img\b[^>]*>)\s*<\/a>|\[\s*(!\[(?:[^\]\\]|\\.)*\]\([^)]*\))\s*\]\(\s*([^\s)]+)\s*\))/i;

export interface WordpressResult {
	body: string;
	/** What is left out or shown as written, with its line (1 = the first of `body`). */
	unread: { line: number; text: string; reason: string; leftOut?: true }[];
}

/**
 * WordPress's shortcodes, each line on its line: a `[caption]` around an image becomes the image with its
 * caption as its title, inside its link (alone in its paragraph, a figure with that caption; in an HTML block, which Markdown
 * is not read in, the figure's HTML, or in a `<p>` the image with its caption under it), an `[embed]` (and
 * WordPress.com's `[youtube=…]` and `[vimeo …]`) a link to what it shows; a `[gallery]`, which shows images of WordPress's media library that no export carries, is left
 * out, and `[audio]`, `[video]` and `[playlist]` are shown as written, each reported. Code is left alone.
 */
export function readWordpressShortcodes(written: string): WordpressResult {
	const body = linkedBlockEmbeds(written);
	if (!body.includes('[') || !HINT.test(body)) return { body, unread: [] };
	const unread: WordpressResult['unread'] = [];
	const lines = body.split('\n');
	// In an HTML block (jekyll-import wraps paragraphs in <p>), Markdown is not read: a caption there is written as HTML.
	const html = new Set<number>();
	const code = verbatimLines(lines, HINT, { html: false, htmlLines: html });
	joinCaptionLines(lines, code);
	const galleryIsLink = GALLERY_LINK.test(body);
	const read = lines.map((written, index) => {
		if (code.has(index) || !HINT.test(written)) return written;
		const line = unescapedShortcodes(written);
		if (GALLERY.test(line) && !(galleryIsLink && /\[gallery\]/.test(line))) {
			unread.push({ line: index + 1, text: line.trim(), reason: "WordPress's gallery shows images of its media library, which an export does not carry; add the images as Markdown images (![description](photo.jpg))", leftOut: true });
			return '';
		}
		const media = MEDIA.exec(line);
		if (media) unread.push({ line: index + 1, text: media[0].length > 80 ? `${media[0].slice(0, 80)}…` : media[0], reason: `WordPress's ${media[1]} player is not one Carnet shows; link to the file instead (${media[1] === 'video' ? '[watch](talk.mp4)' : '[listen](episode.mp3)'})` });
		return outsideCodeSpans(line, (part) =>
			part.replace(EMBED, '<$1>').replace(VIDEO_SHORTCODE, '<$1>').replace(CAPTION, (whole: string, attributes: string, inner: string, offset: number) => {
				const image = captionedImage(attributes, inner);
				if (image !== undefined) return html.has(index) ? captionAsHtml(image, inParagraph(lines, html, index, part.slice(0, offset))) : captionAsMarkdown(image);
				unread.push({ line: index + 1, text: whole.length > 80 ? `${whole.slice(0, 80)}…` : whole, reason: 'Carnet found no image in this WordPress caption; write the image as ![description](photo.jpg "Caption")' });
				return whole;
			}),
		);
	});
	return { body: read.join('\n'), unread };
}

// The block editor's embed, as WordPress saves it: the address alone in its wrapper, which WordPress replaces
// with the tweet or video when it shows the page (`<div class="wp-block-embed__wrapper">\nhttps://…\n</div>`).
const BLOCK_EMBED = /(<div\b[^>]{0,300}\bclass=(["'])[^"'>]{0,300}\bwp-block-embed__wrapper\b[^"'>]{0,300}\2[^>]{0,300}>)([ \t]*\r?\n?[ \t]*)(https?:\/\/[^\s<>"']{1,2000})(?=[ \t]*\r?\n?[ \t]*<\/div>)/g;

/**
 * `body` with the address of each of the block editor's embeds a link to what it shows, as an `[embed]` is:
 * Carnet shows no tweet or video from another site, and the address alone was text no one could follow. Lines
 * stay where they are.
 */
function linkedBlockEmbeds(body: string): string {
	if (!body.includes('wp-block-embed__wrapper')) return body;
	const code = verbatimLines(body.split('\n'), /wp-block-embed__wrapper/, { html: false });
	const starts = lineStarts(body);
	return body.replace(BLOCK_EMBED, (whole: string, tag: string, _quote: string, space: string, address: string, offset: number) =>
		code.has(lineAt(starts, offset) - 1) ? whole : `${tag}${space}<a href="${address}">${address}</a>`,
	);
}

/** `line` with the brackets of its escaped captions, embeds and gallery unescaped, outside code spans. */
function unescapedShortcodes(line: string): string {
	if (!line.includes('\\[')) return line;
	const gallery = line.replace(ESCAPED_GALLERY, '$1[gallery$2]$3');
	return outsideCodeSpans(gallery, (part) => part.replace(ESCAPED_PAIR, '[$1$2]$3[/$1]'));
}

/**
 * A caption written over several lines (its text after a line break, as WordPress's editor keeps it), joined
 * onto its first line, the lines it took left empty: a caption is read one line at a time. Only within a
 * paragraph (no blank line) and up to ten lines, as a caption holds one image and a sentence or two.
 */
function joinCaptionLines(lines: string[], code: ReadonlySet<number>): void {
	for (let first = 0; first < lines.length; first++) {
		const opening = lines[first] as string;
		// A caption that opens its line, in a paragraph of its own: not one named in a list item or a quote.
		if (code.has(first) || !/^ {0,3}\[caption\b/.test(opening) || /\[\/caption\]/.test(opening)) continue;
		for (let last = first + 1; last < Math.min(lines.length, first + 10); last++) {
			const line = lines[last] as string;
			if (code.has(last) || line.trim() === '' || /^\s*(?:[-*+>]|\d{1,9}[.)])(?:\s|$)/.test(line)) break;
			if (!line.includes('[/caption]')) continue;
			lines[first] = lines.slice(first, last + 1).map((part) => part.trim()).join(' ');
			lines.fill('', first + 1, last + 1);
			first = last;
			break;
		}
	}
}

interface CaptionedImage {
	src: string;
	/** The alt text as Markdown writes it (its brackets escaped). */
	alt: string;
	/** The `<img>` as written, when the caption holds one. */
	tag?: string;
	href?: string;
	/** The caption as HTML text, its entities kept. */
	caption: string;
}

/** The image a caption holds (inside its link, if it has one) and its caption, or undefined without an image. */
function captionedImage(attributes: string, inner: string): CaptionedImage | undefined {
	const linked = LINKED.exec(inner);
	const imageText = linked ? (linked[2] ?? linked[3] ?? '') : (MARKDOWN_IMAGE.exec(inner)?.[0] ?? HTML_IMAGE.exec(inner)?.[0]);
	if (imageText === undefined) return undefined;
	const markdown = MARKDOWN_IMAGE.exec(imageText);
	const tag = markdown ? undefined : readAttributes(imageText.slice(4, -1));
	const src = markdown ? markdown[2] : tag?.get('src');
	if (!src) return undefined;
	const alt = markdown ? (markdown[1] ?? '') : (tag?.get('alt') ?? '').replace(/[[\]\\]/g, '\\$&');
	const written = (linked ? inner.slice(linked.index + linked[0].length) : inner.replace(imageText, '')).replace(/<[^>]*>/g, '').trim();
	const caption = (written ? (markdown ? markdownText(written) : written) : escapeXml(readAttributes(attributes).get('caption') ?? '')).replace(/\s+/g, ' ');
	const href = linked?.[1] ?? linked?.[4];
	return { src, alt, ...(markdown ? {} : { tag: imageText }), ...(href ? { href } : {}), caption };
}

/**
 * A caption exitwp wrote in Markdown (`It was _worse_`) as the text it reads as, for a title, which shows
 * no emphasis: not its marks.
 */
function markdownText(markdown: string): string {
	try {
		return renderIntro(markdown).replace(/<[^>]*>/g, '');
	} catch {
		// A link renderIntro refuses (not a path or an http(s): or mailto: URL) is shown as written.
		return escapeXml(markdown);
	}
}

/** A captioned image as a Markdown image whose title is the caption (inside its link, if it has one). */
function captionAsMarkdown({ src, alt, href, caption }: CaptionedImage): string {
	const title = caption ? ` "${caption.replace(/["\\]/g, '\\$&')}"` : '';
	const image = `![${alt}](<${src}>${title})`;
	return href ? `[${image}](<${href}>)` : image;
}

/**
 * A captioned image in an HTML block as HTML: a figure, or in a paragraph, where a figure cannot go, the
 * image with its caption in italics under it.
 */
function captionAsHtml({ src, alt, tag, href, caption }: CaptionedImage, paragraph: boolean): string {
	const image = tag ?? `<img src="${escapeXml(src)}" alt="${escapeXml(alt.replace(/\\(.)/g, '$1'))}">`;
	const linked = href ? `<a href="${escapeXml(href)}">${image}</a>` : image;
	// What is left of a tag after its ends were removed would open one.
	const text = caption.replace(/</g, '&lt;');
	if (paragraph) return text ? `${linked}<br><em>${text}</em>` : linked;
	return `<figure class="carnet-figure">${linked}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

/** Whether `before` (on line `index`, after what its HTML block holds above it) leaves a `<p>` open. */
function inParagraph(lines: readonly string[], html: ReadonlySet<number>, index: number, before: string): boolean {
	let first = index;
	while (first > 0 && html.has(first - 1)) first--;
	const text = `${lines.slice(first, index).join('\n')}\n${before}`.toLowerCase();
	let opened = -1;
	for (const match of text.matchAll(/<p[\s>]/g)) opened = match.index;
	return opened > text.lastIndexOf('</p');
}
