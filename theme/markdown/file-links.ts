import path from 'node:path';
import { outsideCode, outsideCodeSpans } from './fences.ts';

// An image, as a link's text may hold one: `[![the photo](./photo.jpg)](./photo.jpg)`.
const IMAGE_IN_TEXT = String.raw`!\[(?:[^[\]\\\n]|\\.){0,500}\]\([^()\n]{0,500}\)`;
// An inline Markdown link or image: `[the slides](./talk.pdf "Slides")`, `![](clip.mp4)`, its destination
// maybe holding parentheses in pairs (`talk%20(1).pdf`). Its text holds no `[` but an image's, so that each
// attempt ends at the next bracket: thousands of `![` are read in one pass.
const LINK = new RegExp(
	String.raw`(!?)\[((?:[^[\]\\\n]|\\.|${IMAGE_IN_TEXT}){0,500})\]\(\s*(?:<([^<>\n]{1,500})>|((?:[^\s()<>]|\([^\s()<>]{0,500}\)){1,500}))(\s+(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?\s*\)`,
	'g',
);
// `[slides]: ./talk.pdf "Slides"`, a link reference definition.
const DEFINITION = /^( {0,3}\[(?:[^[\]\\\n]|\\.){1,999}\]:[ \t]*)(?:<([^<>\n]{1,500})>|(\S{1,500}))/;
// What Astro publishes when a Markdown image shows it, optimised.
const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|tiff?)$/i;
// What Carnet reads as a post: a link to one becomes its address (markdown/post-links.ts).
const POST = /\.(?:md|markdown|mdown|mkd|mkdn|mdwn|mdx|mdoc|markdoc)$/i;
// Under a post's address, the names its page (build.format 'directory') and its social card take.
const RESERVED = /^(?:index\.html?|social\.(?:png|jpe?g))$/i;

/** A link of a body to a file beside the post. */
export interface FileLink {
	/** Its line, 1 being the first of the body. */
	line: number;
	/** The destination as written: `./talk.pdf#page=2`. */
	target: string;
	/** Written as an image (`![penguins](./clip.mp4)`) of a file that a page cannot show as one. */
	image: boolean;
	/** Where the file is published, under the post's address (`talk.pdf`, `slides/talk.pdf`), or why it is not. */
	published: { path: string } | { problem: string; fix: string };
}

export interface FileLinksResult {
	body: string;
	files: FileLink[];
}

/**
 * The links of a Markdown body to files beside the post that the build is to publish: documents, videos,
 * archives (`[the slides](./talk.pdf)`, as a Hugo page bundle keeps them), and the originals of images that a
 * link rather than an image names (`[![](./photo.jpg)](./photo.jpg)`, "full size"), which Astro does not
 * publish, as it publishes only the variants it makes for a Markdown image. Such a file is published under
 * the post's address, at its path from the post's folder (publishedFileLinks() points the links there); one
 * outside that folder, hidden, or named as the post's page is reported instead. An image written for a file
 * that is none (`![penguins](./clip.mp4)`) becomes a link, which a page can show, where an image of a video
 * showed nothing. `isFile` says whether a path as written (percent-encoded), from the post's folder, names a
 * file. Code is left alone.
 */
export function linksToFiles(body: string, isFile: (file: string) => boolean): FileLinksResult {
	const files: FileLink[] = [];
	if (!body.includes('](') && !body.includes(']:')) return { body, files };
	const named = (target: string, image: boolean) => {
		const file = filePart(target);
		return file !== undefined && !POST.test(file) && !(image && IMAGE.test(file)) && isFile(target.split(/[?#]/)[0] as string);
	};
	// Most bodies link to addresses and show images only: the lines are read (and code found) for those that name such a file.
	const candidates = [...body.matchAll(LINK)].some((match) => named(match[3] ?? match[4] ?? '', match[1] === '!')) || definitionsNamingFiles(body, named);
	if (!candidates) return { body, files };
	const read = outsideCode(body, /\]\(|\]:/, (line, index) => {
		const definition = DEFINITION.exec(line);
		if (definition) {
			const target = definition[2] ?? definition[3] ?? '';
			// A definition may serve an image as well as a link: one naming an image is left to the images.
			if (named(target, true)) files.push({ line: index + 1, target, image: false, published: publishedPath(filePart(target) as string) });
			return line;
		}
		if (!line.includes('](')) return line;
		return outsideCodeSpans(line, (part) =>
			part.replace(LINK, (whole: string, bang: string, text: string, bracketed: string | undefined, bare: string | undefined, title: string | undefined) => {
				const target = bracketed ?? bare ?? '';
				const image = bang === '!';
				if (!named(target, image)) return whole;
				const file = filePart(target) as string;
				files.push({ line: index + 1, target, image, published: publishedPath(file) });
				return image ? `[${text || file.split('/').pop()}](${bracketed === undefined ? target : `<${target}>`}${title ?? ''})` : whole;
			}),
		);
	});
	return { body: read, files };
}

/**
 * `body` with the destination of each link that `addresses` has an address for (by its destination as
 * written, `./talk.pdf#page=2`) replaced by that address, in inline links and reference definitions,
 * outside code. Images are left alone: linksToFiles() made a link of every image its files are shown by.
 */
export function publishedFileLinks(body: string, addresses: ReadonlyMap<string, string>): string {
	if (addresses.size === 0) return body;
	const address = (target: string, bracketed: boolean) => {
		const found = addresses.get(target);
		return found === undefined ? undefined : bracketed ? `<${found}>` : found;
	};
	return outsideCode(body, /\]\(|\]:/, (line) => {
		const definition = DEFINITION.exec(line);
		if (definition) {
			const target = definition[2] ?? definition[3] ?? '';
			const found = address(target, definition[2] !== undefined);
			return found === undefined ? line : `${definition[1]}${found}${line.slice(definition[0].length)}`;
		}
		if (!line.includes('](')) return line;
		return outsideCodeSpans(line, (part) =>
			part.replace(LINK, (whole: string, bang: string, text: string, bracketed: string | undefined, bare: string | undefined, title: string | undefined) => {
				const found = bang === '!' ? undefined : address(bracketed ?? bare ?? '', bracketed !== undefined);
				return found === undefined ? whole : `[${text}](${found}${title ?? ''})`;
			}),
		);
	});
}

/** The address of a file published at `file` (linksToFiles()'s `path`) under the post's address `postUrl`, with the target's query and fragment. */
export function publishedFileAddress(postUrl: string, file: string, target: string): string {
	const suffix = target.slice(target.search(/[?#]|$/));
	// Parentheses too, which would end a Markdown link's destination.
	const encoded = file
		.split('/')
		.map((segment) => encodeURIComponent(segment).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
		.join('/');
	return `${postUrl.replace(/\/+$/, '')}/${encoded}${suffix}`;
}

/** The path a relative destination names, decoded, without query or fragment; undefined for an address of the site or elsewhere. */
function filePart(target: string): string | undefined {
	const file = target.split(/[?#]/)[0] as string;
	if (file === '' || /^(?:[a-z][\w+.-]*:|[/\\])/i.test(target)) return undefined;
	try {
		return decodeURI(file);
	} catch {
		// A malformed escape (%E9 alone) names no file.
		return undefined;
	}
}

/** Where a file written `file` from the post's folder is published under the post's address, or why it is not. */
function publishedPath(file: string): FileLink['published'] {
	const normal = path.posix.normalize(file.replace(/\\/g, '/'));
	const name = normal.split('/').pop() as string;
	if (normal.startsWith('../') || normal === '..') {
		return { problem: "it is outside the post's folder, and the build publishes the files of a post's own folder only", fix: `Move ${name} into the post's folder and link to it from there (./${name})` };
	}
	if (normal.split('/').some((segment) => segment.startsWith('.'))) {
		return { problem: 'its name or a folder of its path starts with a dot, and the build publishes no hidden file', fix: 'Rename it without the leading dot' };
	}
	if (RESERVED.test(normal)) {
		return { problem: `the post's own ${normal.startsWith('social') ? 'social card' : 'page'} has its name, at the same address`, fix: `Rename it (e.g. ${name.replace(/(\.[^.]+)$/, '-file$1')})` };
	}
	return { path: normal };
}

/** Whether a reference definition of `body` names a file beside the post that is no image. */
function definitionsNamingFiles(body: string, named: (target: string, image: boolean) => boolean): boolean {
	if (!body.includes(']:')) return false;
	return body.split('\n').some((line) => {
		const definition = line.includes(']:') ? DEFINITION.exec(line) : null;
		return definition !== null && named(definition[2] ?? definition[3] ?? '', true);
	});
}
