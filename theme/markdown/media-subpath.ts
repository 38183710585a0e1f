import path from 'node:path';
import { indentedCodeLines, outsideCodeSpans } from './fences.ts';
import { splitFences } from './shortcodes.ts';

/**
 * Jekyll Chirpy's `media_subpath` (`img_path` before Chirpy 7): a folder put before every path of the
 * post's media that is not a URL, in its front matter (`image`) and in its body (`![](figure.png)` is
 * `/media_subpath/figure.png`), as Chirpy's media-url.html and refactor-content.html do. A path with a `:`
 * or a `//` is a URL and is left alone; a path from the root is put under the folder too.
 */

/** Front-matter keys naming the folder, newest first. */
export const MEDIA_SUBPATH_KEYS = ['media_subpath', 'img_path'] as const;

/** The post's media folder, from the site's root, or undefined when it names none. */
export function mediaSubpathOf(data: Record<string, unknown>): string | undefined {
	for (const key of MEDIA_SUBPATH_KEYS) {
		const value = data[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** `media` under `subpath`, from the site's root; a URL as it is. */
export function underMediaSubpath(media: string, subpath: string): string {
	if (media.includes(':') || media.includes('//') || media.startsWith('#') || media.trim() === '') return media;
	return path.posix.normalize(`/${subpath}/${media}`);
}

// `![alt](path "title")` and `![alt](<path with spaces>)`, and `<img src="path">`.
const MARKDOWN_IMAGE = /(!\[(?:[^\]\\]|\\.)*\]\(\s*)(<[^>\n]*>|[^\s)]+)/g;
const HTML_IMAGE = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2/gi;

/** The body with the paths of its images under `subpath`, outside code; lines stay where they are. */
export function putBodyImagesUnder(body: string, subpath: string): string {
	return changeBodyImagePaths(body, (source) => underMediaSubpath(source, subpath));
}

/**
 * The body with the path of each of its images (`![](path)`, `![](<path>)`, `<img src="path">`) as `change`
 * gives it, outside code; lines stay where they are.
 */
export function changeBodyImagePaths(body: string, change: (source: string) => string): string {
	return splitFences(body, indentedCodeLines(body, /!\[|<img\b/i))
		.map(({ text, code }) => (code ? text : text.split('\n').map((line) => imagesOutsideCodeSpans(line, (part) => changedImages(part, change))).join('\n')))
		.join('\n');
}

function changedImages(text: string, change: (source: string) => string): string {
	return text
		.replace(MARKDOWN_IMAGE, (_, head: string, destination: string) => `${head}${changedDestination(destination, change)}`)
		.replace(HTML_IMAGE, (_, head: string, quote: string, source: string) => {
			const changed = change(source);
			// The attribute keeps its quotes, so a space is written as it is; only its own quote would end it.
			return `${head}${quote}${changed.includes(quote) ? source : changed}${quote}`;
		});
}

/**
 * A Markdown destination with its path changed, written in `<…>` when the new path holds what a bare
 * destination cannot (a space, a parenthesis: `./my trip/photo.png`), and left as it was when the path
 * holds what neither form can (`<`, `>`, a line break).
 */
function changedDestination(destination: string, change: (source: string) => string): string {
	const angled = destination.startsWith('<');
	const source = angled ? destination.slice(1, -1) : destination;
	const changed = change(source);
	if (changed === source) return destination;
	if (/[<>\n]/.test(changed)) return destination;
	return angled || /[\s()]/.test(changed) ? `<${changed}>` : changed;
}

function imagesOutsideCodeSpans(line: string, change: (text: string) => string): string {
	return !line.includes('![') && !/<img\b/i.test(line) ? line : outsideCodeSpans(line, change);
}
