import { fencedLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';

// Not across another `<img`: a line of a thousand unclosed tags is read in linear time.
const IMG = /<img\b(?:[^<>"']|<(?!img\b)|"[^"]*"|'[^']*')*>/gi;
const CODE_SPAN = /(`+)[^`\n]*?\1/g;

/** An `<img>` of raw HTML whose `src` is a file beside the post, which the build does not publish. */
export interface RawImage {
	/** 1 = the first line of the body. */
	line: number;
	src: string;
	/** Made a Markdown image, which Astro optimises and publishes, or left as written (with a warning). */
	converted: boolean;
	/** The size attributes a converted image left out, which a Markdown image cannot carry. */
	dropped?: string[];
}

/**
 * Raw `<img>` tags that show a file beside the post (`<img src="./possum.png" alt="…">`, as Eleventy's base
 * blog writes one): Astro publishes the images a Markdown body shows with `![]()`, not those raw HTML
 * names, so the page would show a broken image. `besideThePost` tells whether the file is there. A tag
 * alone on its line after a blank one, with no
 * attribute but `src`, `alt`, `title` and a size (left out, and returned), becomes the Markdown image it means; another is left as written
 * and returned, for a warning. Code is left alone; every line keeps its number.
 */
export function rawImagesBesidePost(body: string, besideThePost: (src: string) => boolean): { body: string; images: RawImage[] } {
	if (!body.includes('<') || !/<img\b/i.test(body)) return { body, images: [] };
	const lines = body.split('\n');
	const images: RawImage[] = [];
	const code = fencedLines(lines);
	for (const [index, line] of lines.entries()) {
		if (code[index] || /^(?: {4}|\t)/.test(line)) continue;
		const outsideCode = line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
		for (const match of outsideCode.matchAll(IMG)) {
			const attributes = readAttributes(match[0].slice(4, -1));
			const src = attributes.get('src');
			// A relative path to no file beside the post may be one in public/ under the page's address: left alone.
			if (src === undefined || !besidePost(src) || !besideThePost(src)) continue;
			const alone = line.trim() === match[0] && (index === 0 || (lines[index - 1] as string).trim() === '');
			// A size (knitr writes `width="672"` on every plot) is the image's own, or one that CSS fits to the column.
			const plain = [...attributes.keys()].every((name) => ['src', 'alt', 'title', 'width', 'height'].includes(name));
			if (alone && plain) {
				const title = attributes.get('title');
				lines[index] = `${line.slice(0, line.indexOf(match[0]))}![${escapeText(attributes.get('alt') ?? '')}](<${src.replace(/[<>]/g, encodeURIComponent)}>${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
				const dropped = [...attributes.keys()].filter((name) => name === 'width' || name === 'height');
				images.push({ line: index + 1, src, converted: true, ...(dropped.length > 0 ? { dropped } : {}) });
			} else images.push({ line: index + 1, src, converted: false });
		}
	}
	return { body: images.some((image) => image.converted) ? lines.join('\n') : body, images };
}

// A path from the post's folder: not a URL, not a path on the site, not a data: or protocol-relative one.
function besidePost(src: string): boolean {
	const value = src.trim();
	return value !== '' && !value.startsWith('/') && !value.startsWith('#') && !/^[a-z][\w+.-]*:/i.test(value);
}

/** Alt text read by Markdown as written: its brackets and backslashes escaped. */
function escapeText(text: string): string {
	return text.replace(/[\\[\]]/g, '\\$&').replace(/\s+/g, ' ');
}
