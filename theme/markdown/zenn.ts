import { renderIntro } from '../utils/intro.ts';
import { escapeXml } from '../utils/xml.ts';
import { outsideCode, outsideCodeSpans } from './fences.ts';

// Zenn's embed, `@[youtube](ID)` or `@[card](https://…)`, at the start of a line, as Zenn reads it; what
// follows it on the line stays. Its name is one of Zenn's, so that a mention written as a link (`@[Ada](https://…)`) stays one.
const EMBED = /^@\[(youtube|speakerdeck|slideshare|docswell|tweet|twitter|card|codepen|codesandbox|stackblitz|figma|gist|jsfiddle|blueprintue)\]\(([^()\s]*)\)/;
const HINT = /^@\[/m;

/** An embed of Zenn's shown as written, with its line (1 = the body's first) and why. */
export interface UnreadEmbed {
	line: number;
	text: string;
	reason: string;
}

/**
 * Zenn's embeds, which CommonMark reads as an `@` before a link to their id, made links to what they show,
 * each line on its line, as Carnet shows no third-party embed: a YouTube video by its id (`@[youtube](ID)`)
 * becomes the link Hugo's youtube shortcode becomes, titled `youtubeLabel()`, and an embed of an address
 * (`@[card](https://…)`, `@[tweet](…)`, `@[codepen](…)`) a link to it. One that names no address (Speaker
 * Deck's and SlideShare's ids) is shown as written, and returned with its line. Code is left alone.
 */
export function readZennEmbeds(body: string, youtubeLabel: () => string): { body: string; unread: UnreadEmbed[] } {
	const unread: UnreadEmbed[] = [];
	if (!body.includes('@[') || !HINT.test(body)) return { body, unread };
	const read = outsideCode(body, HINT, (line, index) => {
		const embed = EMBED.exec(line);
		if (!embed) return line;
		const [written, name = '', target = ''] = embed;
		const rest = line.slice(written.length);
		if (name === 'youtube' && /^[\w-]{1,64}$/.test(target)) {
			return `<a href="${escapeXml(`https://www.youtube.com/watch?v=${target}`)}">${escapeXml(youtubeLabel())}</a>${rest}`;
		}
		if (/^https?:\/\/[^\s<>"]+$/.test(target)) return `<${target}>${rest}`;
		unread.push({ line: index + 1, text: written, reason: `Zenn's ${name} embed names ${target === '' ? 'nothing' : `${target}, not an address`}, and Carnet shows no third-party embed. Write a link to what it shows instead` });
		// As written: the bracket escaped, so that it is no link to a relative address.
		return `@\\[${written.slice(2)}${rest}`;
	});
	return { body: read, unread };
}

// An image with Zenn's size after its address, inside the parentheses: `![](a.png =250x)`, `=250x100`. The alt
// text holds no `![`, where another image starts: a line of a thousand unclosed ones is read in linear time.
const SIZED_IMAGE = /!\[((?:[^\]\n!\\]|\\.|!(?!\[))*)\]\(\s*<?([^\s()<>]+)>?[ \t]+=(\d{1,5})x(\d{1,5})?[ \t]*\)/g;
const SIZE_HINT = /\s=\d{1,5}x/;

/**
 * Zenn's image sizes (`![alt](https://… =250x)`, which make CommonMark read no image at all and show the
 * address as text): an image at an address, or in `public/` (`/images/a.png`, where Zenn CLI keeps them), is
 * an `<img>` with that width (and height), as Zenn shows it (over a caption in italics, a figure:
 * withZennCaptions()); an image beside the post is a Markdown image
 * without the size, so that Astro finds and publishes its file. Each line stays on its line; code is left alone.
 */
export function readZennImageSizes(body: string): string {
	if (!SIZE_HINT.test(body)) return body;
	return withZennCaptions(outsideCode(body, SIZE_HINT, (line) =>
		SIZE_HINT.test(line)
			? outsideCodeSpans(line, (text) =>
					text.replace(SIZED_IMAGE, (image: string, alt: string, src: string, width: string, height: string | undefined, offset: number, whole: string) => {
						// An escaped `\![…]` is the text its author wrote, as CommonMark shows it: no image.
						if (escaped(whole, offset)) return image;
						// Another scheme (`javascript:`, `data:`) is left as written, for no pass before this one read it as an image.
						if (/^[a-z][\w+.-]*:/i.test(src) && !/^https?:\/\//i.test(src)) return image;
						if (!/^(?:https?:\/\/|\/(?!\/))/i.test(src)) return `![${alt}](${src})`;
						const size = ` width="${Number(width)}"${height === undefined ? '' : ` height="${Number(height)}"`}`;
						// An <img> that ends its line would begin an HTML block when nothing else is on it, which would
						// show the next line (Zenn's caption in italics) as written: a space, written as a character
						// reference, keeps it in its paragraph, as a Markdown image is.
						const ends = whole.slice(offset + image.length).trim() === '';
						// Lazy, as the body's Markdown images are (markdown/figures.ts).
						return `<img src="${escapeXml(src)}" alt="${escapeXml(alt.replace(/\\([!-/:-@[-`{-~])/g, '$1'))}"${size} loading="lazy" decoding="async">${ends ? '&#32;' : ''}`;
					}),
				)
			: line,
	));
}

// A sized image made an <img> alone on its line (readZennImageSizes()), and an italic caption alone on its own.
const SIZED_IMAGE_LINE = /^<img src="[^"<>]*" alt="[^"<>]*" width="\d+"(?: height="\d+")? loading="lazy" decoding="async">&#32;$/;
const ITALIC_LINE = /^(?:\*([^*\n]+)\*|_([^_\n]+)_)[ \t]*$/;

/**
 * `body` with each sized image that is a paragraph of its own with an italic caption on the line under it
 * (`![](https://… =250x)` then `*A caption*`) made a figure, its caption's links, emphasis and code read
 * (utils/intro.ts), as Zenn shows the caption under the image: each of the two lines stays on its line, and the
 * blank line after them ends the figure's HTML block.
 */
function withZennCaptions(body: string): string {
	if (!body.includes('decoding="async">&#32;')) return body;
	const lines = body.split('\n');
	for (let index = 0; index + 1 < lines.length; index++) {
		const caption = ITALIC_LINE.exec(lines[index + 1] as string);
		if (!caption || !SIZED_IMAGE_LINE.test(lines[index] as string) || (lines[index - 1] ?? '').trim() !== '' || (lines[index + 2] ?? '').trim() !== '') continue;
		lines[index] = `<figure class="carnet-figure">${(lines[index] as string).replace(/&#32;$/, '')}`;
		lines[index + 1] = `<figcaption>${renderIntro((caption[1] ?? caption[2] ?? '').trim()).replace(/^<p>|<\/p>$/g, '')}</figcaption></figure>`;
	}
	return lines.join('\n');
}

/** Whether the character at `offset` follows an odd number of backslashes, which makes it text. */
function escaped(text: string, offset: number): boolean {
	let start = offset;
	while (start > 0 && text[start - 1] === '\\') start -= 1;
	return (offset - start) % 2 === 1;
}
