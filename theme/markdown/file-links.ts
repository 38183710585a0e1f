import { fromHtml } from 'hast-util-from-html';
import path from 'node:path';
import { parsedInTime, walk, type MarkdownNode } from './fences.ts';

// What Astro publishes, optimised, when a Markdown image shows it.
const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|tiff?)$/i;
// What Carnet reads as a post: a link to one becomes its address (markdown/post-links.ts).
const POST = /\.(?:md|markdown|mdown|mkd|mkdn|mdwn|mdx|mdoc|markdoc)$/i;
// A page rather than a file: a relative link to one may lead to a page of the site, not a file beside the post.
const PAGE = /\.(?:html?|php\d?|aspx?|jsp|cgi)$/i;
// A destination that names a website, written without its `https://` (`example.com`, `www.example.org/x`).
const SITE = /^(?:www\.|[\w-]+\.(?:com|org|net|io|dev|app|co|edu|gov|info|me|eu|fr|de|uk|nl|ca|au|jp|ru|cn|us|tv|ai)(?:\/|$))/i;
// Under a post's address, the names its page (build.format 'directory') and its social card take.
const RESERVED = /^(?:index\.html?|social\.(?:png|jpe?g))$/i;
// A quick look at every destination a body may link to: inline (`](./talk.pdf`), defined (`[s]: ./talk.pdf`),
// in an HTML link (`href="./talk.pdf"`) or media (`<video src="./clip.mp4">`). What it finds is read properly
// by the Markdown parser.
const DESTINATION = /\]\([ \t]*<?((?:[^\s<>()]|\([^\s<>()]{0,100}\)){1,500})|^[ \t>*+\d.-]{0,40}\[[^\]\n]{1,500}\]:[ \t]*<?([^\s<>]{1,500})|\bhref[ \t]*=[ \t]*["']([^"'\n]{1,500})|<(?:video|audio|source|track|img)\s[^>\n]{0,300}?\b(?:src|poster)[ \t]*=[ \t]*["']([^"'\n]{1,500})/gm;
// An image written on one line, its text without brackets but escaped ones: `![a photo](./photo.jpg`.
const PLAIN_IMAGE = /!\[(?:[^[\]\n\\]|\\.){0,500}\]\([ \t]*<?$/;
// The addresses of an `<img>`'s or a `<source>`'s srcset, whose candidates are parted by commas.
const SRCSET = /(<(?:img|source)\s(?:[^>]{0,500}?\s)?srcset[ \t]*=[ \t]*)(["'])([^"'\n]{1,2000})\2/gi;
// The link of an HTML `<a href="…">`, and the file of a `<video>`, `<audio>` or `<source>` (and a video's poster),
// or of an `<img>` that stayed HTML (markdown/raw-images.ts makes Markdown images of the others).
const HTML_HREF = /(<(?:a\s(?:[^>]{0,500}?\s)?href|(?:video|audio|source|track|img)\s(?:[^>]{0,500}?\s)?(?:src|poster))[ \t]*=[ \t]*)(["'])([^"'\n]{1,500})\2/gi;

/** A link of a body to a file beside the post. */
export interface FileLink {
	/** Its line, 1 being the first of the body. */
	line: number;
	/** The destination as written: `./talk.pdf#page=2`. */
	target: string;
	/** Written as an image (`![penguins](./clip.mp4)`) of a file that a page cannot show as one. */
	image: boolean;
	/** Shown by an HTML `<img>` (its `src` or a `srcset` candidate), not linked to. */
	img?: true;
	/**
	 * Where the file is published, under the post's address (`talk.pdf`, `slides/talk.pdf`), and the
	 * placeholder its links have in the body until the post's address is known (publishedFileLinks()); or
	 * why it is not published.
	 */
	published: { path: string; placeholder: string } | Refusal;
}

/** Why a file is not published, and what to do. */
export interface Refusal {
	problem: string;
	fix: string;
}

export interface FileLinksResult {
	body: string;
	files: FileLink[];
	/** The body may link to files beside the post, but is too large or too deeply nested for its links to be read. */
	unread?: true;
	/**
	 * The links whose destination is a file's path from the post's folder (`./gone.pdf`, `slides/deck.key`)
	 * where no file is: each would lead nowhere. Their line, 1 being the first of the body, and the
	 * destination as written; `media` for the file an `<img>`, `<video>` or `<audio>` shows.
	 */
	missing: { line: number; target: string; media?: boolean }[];
}

/**
 * The links of a Markdown body to files beside the post that the build is to publish: documents, videos,
 * archives (`[the slides](./talk.pdf)`, as a Hugo page bundle keeps them), and the originals of images that a
 * link rather than an image names (`[![](./photo.jpg)](./photo.jpg)`, "full size"), which Astro does not
 * publish, as it publishes only the variants it makes for a Markdown image. Inline links, reference
 * definitions that a link uses, and HTML links are read as the Markdown parser reads them (so not in code,
 * comments, or escaped brackets). Such a file is published under the post's address, at its path from the
 * post's folder; until that address is known, its links hold a placeholder (publishedFileLinks()). One
 * outside that folder, hidden, or named as the post's page is reported instead, its link left as written.
 * An image written for a file that is none (`![penguins](./clip.mp4)`) becomes a link, which a page can
 * show, where an image of a video showed nothing. `isFile` says whether a path as written
 * (percent-encoded), from the post's folder, names a file; `refuse`, why a file at a published path (from
 * the post's folder) must not be published after all, if it must not.
 */
export function linksToFiles(body: string, isFile: (file: string) => boolean, refuse: (file: string) => Refusal | undefined = () => undefined): FileLinksResult {
	const files: FileLink[] = [];
	const looked = new Map<string, boolean>();
	// `url` is a destination as the parser or browser reads it: escapes and character references decoded
	// (`./a\_b.pdf`, `./a&amp;b.pdf`), percent-encoding kept.
	const names = (url: string) => {
		const file = filePart(url);
		if (file === undefined || POST.test(file)) return false;
		if (!looked.has(url)) looked.set(url, isFile(url.split(/[?#]/)[0] as string));
		return looked.get(url) as boolean;
	};
	const missing: { at: number; line: number; target: string; media?: boolean }[] = [];
	const may = mayLinkToFiles(body, names);
	if (!may) return { body, files, missing };
	const root = parsedInTime(body, body.split('\n'));
	// Unread links are told of only when one names a file there is: missing ones are a courtesy.
	if (!root) return may === 'files' ? { body, files, unread: true, missing } : { body, files, missing };
	const nonce = Math.random().toString(36).slice(2, 10);
	const placeholders = new Map<string, string>();
	const edits: Edit[] = [];
	// The parser's nodes are visited last first: each file found is kept with its place, to be listed in order.
	const found: { at: number; file: FileLink }[] = [];
	// `target` is the destination as written, `url` as read; `at` is where the destination is to hold the
	// placeholder, none when its link is to stay as written.
	const publish = (target: string, url: string, image: boolean, line: number, place: { start: number; end: number }, at: { start: number; end: number } | null = place, img = false) => {
		const path = publishedPath(filePart(url) as string);
		const published = 'path' in path ? (refuse(path.path) ?? path) : path;
		const shown = img ? { img: true as const } : {};
		if (!('path' in published)) {
			found.push({ at: place.start, file: { line, target, image, ...shown, published } });
			return;
		}
		// Closed at both ends: `:1:` is no part of `:10:`.
		const placeholder = placeholders.get(target) ?? `carnet-file-${nonce}:${placeholders.size}:`;
		placeholders.set(target, placeholder);
		found.push({ at: place.start, file: { line, target, image, ...shown, published: { ...published, placeholder } } });
		if (at) edits.push({ ...at, text: placeholder });
	};
	// An image of a file that is none becomes a link: its `!` goes, and a link without text gets the file's name.
	// A link to what would be a file beside the post, where there is none.
	const lost = (url: string, target: string, line: number, at: number, media = false) => {
		const file = filePart(url);
		// A path made by template code (`{{< siteurl >}}/img/a.png`) is told of as that code.
		if (file !== undefined && namesAFile(file) && !/\{[{%]/.test(file) && !names(url)) missing.push({ at, line, target, ...(media ? { media } : {}) });
	};
	const asLink = (start: number, alt: string | undefined, target: string) => {
		edits.push({ start, end: start + 1, text: '' });
		if (!alt && body.startsWith('[]', start + 1)) edits.push({ start: start + 2, end: start + 2, text: escapeText((filePart(target) as string).split('/').pop() as string) });
	};
	const { definitions, used } = referencesOf(root, body);
	// Where the images inside a link start: `[![clip](./clip.mp4)](./clip.mp4)`.
	const inLinks = new Set<number>();
	walk(root, (node) => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start === undefined || end === undefined) return true;
		const line = node.position?.start.line ?? 1;
		if (node.type === 'link') {
			walk(node, (inner) => {
				if (inner.type === 'image' && inner.position?.start.offset !== undefined) inLinks.add(inner.position.start.offset);
				return true;
			});
		}
		if (node.type === 'link' || node.type === 'image') {
			const image = node.type === 'image';
			const at = destinationOf(body, node, start, end);
			const url = (node as MarkdownNode & { url: string }).url;
			if (at && names(url) && !(image && IMAGE.test(filePart(url) as string))) {
				const alt = (node as MarkdownNode & { alt?: string }).alt;
				// A link cannot hold one: inside a link, the image becomes its text, and the link leads to the file.
				if (image && inLinks.has(start)) edits.push({ start, end, text: escapeText(alt || ((filePart(url) as string).split('/').pop() as string)) });
				else {
					if (image) asLink(start, alt, url);
					publish(at.raw, url, image, line, at);
				}
			} else if (at && !image) lost(url, at.raw, line, start);
		} else if (node.type === 'imageReference' && body[start] === '!') {
			// `![clip][clip]` of a video: a link, as an inline image of one becomes.
			const defined = definitions.get((node as MarkdownNode & { identifier: string }).identifier);
			if (defined && names(defined.url) && !IMAGE.test(filePart(defined.url) as string)) asLink(start, (node as MarkdownNode & { alt?: string }).alt, defined.url);
		} else if (node.type === 'definition') {
			const identifier = (node as MarkdownNode & { identifier: string }).identifier;
			const defined = definitions.get(identifier);
			// The identifier's first definition only; one no link uses publishes nothing, and one that images
			// only use is theirs.
			if (!defined || defined.start < start || defined.end > end) return true;
			if (!names(defined.url)) {
				if (used.links.has(identifier)) lost(defined.url, defined.raw, line, start);
				return true;
			}
			// Images of an image use it too: the definition stays theirs, for Astro to optimise, and the file is
			// published where the link, as written, leads from the post's page.
			if (used.links.has(identifier)) publish(defined.raw, defined.url, false, line, defined, used.images.has(identifier) && IMAGE.test(filePart(defined.url) as string) ? null : defined);
			else if (used.images.has(identifier) && !IMAGE.test(filePart(defined.url) as string)) publish(defined.raw, defined.url, true, line, defined);
		} else if (node.type === 'html') {
			const html = body.slice(start, end);
			// A link the author commented out is no link, nor is one in a script's or a template's text.
			const comments = [...html.matchAll(/<!--[\s\S]*?(?:-->|$)|<(script|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi)].map((comment) => [comment.index, comment.index + comment[0].length] as const);
			for (const match of html.matchAll(HTML_HREF)) {
				const target = match[3] as string;
				const url = attributeValue(target);
				if (comments.some(([from, to]) => match.index >= from && match.index < to)) continue;
				const htmlLine = line + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
				if (!names(url)) {
					lost(url, target, htmlLine, start + match.index, /^<(?:img|video|audio|source|track)/i.test(match[1] as string));
					continue;
				}
				const from = start + (match.index ?? 0) + (match[1] as string).length + 1;
				const place = { start: from, end: from + target.length };
				publish(target, url, false, htmlLine, place, place, /^<img\s/i.test(match[1] as string));
			}
			// Each candidate of a `srcset` (`./pic.png 1x, ./pic@2x.png 2x`), which a screen may fetch instead of `src`.
			for (const match of html.matchAll(SRCSET)) {
				if (comments.some(([from, to]) => match.index >= from && match.index < to)) continue;
				const value = match[3] as string;
				const valueStart = start + match.index + (match[1] as string).length + 1;
				for (const candidate of value.matchAll(/[^\s,][^\s]*/g)) {
					// A candidate's address, not its descriptor (`2x`, `480w`), which follows it after a space.
					if (candidate.index > 0 && !/(?:^|,)\s*$/.test(value.slice(0, candidate.index))) continue;
					const target = candidate[0].replace(/,$/, '');
					const url = attributeValue(target);
					if (!names(url)) continue;
					const from = valueStart + candidate.index;
					const place = { start: from, end: from + target.length };
					publish(target, url, false, line + (html.slice(0, match.index).match(/\n/g)?.length ?? 0), place, place, /^<img\s/i.test(match[1] as string));
				}
			}
		}
		return true;
	});
	// Each file once, at its first link.
	const seen = new Set<string>();
	for (const { file } of found.sort((a, b) => a.at - b.at)) {
		const key = 'placeholder' in file.published ? file.published.placeholder : `${file.line} ${file.target}`;
		if (!seen.has(key)) files.push(file);
		seen.add(key);
	}
	return { body: applyEdits(body, edits), files, missing: missing.sort((a, b) => a.at - b.at).map(({ line, target, media }) => ({ line, target, ...(media ? { media } : {}) })) };
}

/**
 * `body` with each placeholder that linksToFiles() put in it (`targets`: placeholder → the destination as
 * written) replaced by the file's address under the post's (`addresses`, by placeholder), or, for one
 * `addresses` has none for, by the destination as written.
 */
export function publishedFileLinks(body: string, targets: ReadonlyMap<string, string>, addresses: ReadonlyMap<string, string>): string {
	let result = body;
	for (const [placeholder, target] of targets) result = result.replaceAll(placeholder, addresses.get(placeholder) ?? target);
	return result;
}

/** The address of a file published at `file` (linksToFiles()'s `path`) under the post's address `postUrl`, with the target's query and fragment. */
export function publishedFileAddress(postUrl: string, file: string, target: string): string {
	const suffix = target.slice(target.search(/[?#]|$/));
	// Parentheses and spaces too, which would end a Markdown link's destination.
	const encoded = file
		.split('/')
		.map((segment) => encodeURIComponent(segment).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
		.join('/');
	return `${postUrl.replace(/\/+$/, '')}/${encoded}${suffix}`;
}

/** `text` as Markdown link text: its brackets and backslashes escaped. */
function escapeText(text: string): string {
	return text.replace(/[[\]\\*_`]/g, '\\$&');
}

/** A destination as written in a body, and where; for a definition, also as the parser reads it. */
interface Destination {
	raw: string;
	start: number;
	end: number;
}

interface Definition extends Destination {
	url: string;
}

/** An HTML attribute's value as a browser reads it: `./a&amp;b.pdf` is `./a&b.pdf`. */
function attributeValue(value: string): string {
	if (!value.includes('&')) return value;
	const link = fromHtml(`<a href="${value}"></a>`, { fragment: true }).children[0];
	return link?.type === 'element' ? String(link.properties.href ?? value) : value;
}

export interface Edit {
	start: number;
	end: number;
	text: string;
}

/** `body` with each edit made, in one pass (a body of thousands of edits is not copied once for each); edits do not overlap. */
export function applyEdits(body: string, edits: Edit[]): string {
	const parts: string[] = [];
	let from = 0;
	for (const { start, end, text } of edits.sort((a, b) => a.start - b.start)) {
		parts.push(body.slice(from, start), text);
		from = end;
	}
	parts.push(body.slice(from));
	return parts.join('');
}

/** Whether `body` may link to a file beside the post that is not shown as an image: what the parser is run for. */
function mayLinkToFiles(body: string, names: (target: string) => boolean): 'files' | 'missing' | false {
	if (!body.includes('](') && !body.includes(']:') && !/\bhref|<(?:video|audio|source|track|img)\s/i.test(body)) return false;
	// Any candidate of a srcset may be a file beside the post: such a body is read by the parser.
	if (body.includes('srcset') && /\bsrcset[ \t]*=/i.test(body)) return 'files';
	let missing = false;
	for (const match of body.matchAll(DESTINATION)) {
		const target = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
		const file = filePart(target);
		// `![a photo](./photo.jpg)` is Astro's: only a link to the photo is read (and its file looked for).
		const image = file !== undefined && match[1] !== undefined && IMAGE.test(file) && PLAIN_IMAGE.test(body.slice(Math.max(0, match.index - 520), match.index + match[0].length - target.length));
		// A destination with an escape or a character reference (`./a\_b.pdf`, `./a&amp;b.pdf`) is read by the parser.
		if (image || file === undefined) continue;
		if (names(target) || /[&\\]/.test(target)) return 'files';
		// So is one that names a file that is not there, which is told.
		missing ||= namesAFile(file);
	}
	return missing ? 'missing' : false;
}

/**
 * The reference definitions of a document, by identifier, with their destination's place in `body` (the
 * first of an identifier, as Markdown reads it), and the identifiers that links and images use. A
 * footnote's (`[^1]: …`) is none.
 */
function referencesOf(root: MarkdownNode, body: string): { definitions: Map<string, Definition>; used: { links: Set<string>; images: Set<string> } } {
	const definitions = new Map<string, Definition>();
	const used = { links: new Set<string>(), images: new Set<string>() };
	walk(root, (node) => {
		const identifier = (node as MarkdownNode & { identifier?: string }).identifier;
		if (identifier === undefined || identifier.startsWith('^')) return true;
		if (node.type === 'linkReference') used.links.add(identifier);
		else if (node.type === 'imageReference') used.images.add(identifier);
		else if (node.type === 'definition' && !definitions.has(identifier)) {
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			const colon = start === undefined ? -1 : labelEnd(body, start);
			const at = colon === -1 || end === undefined ? undefined : destinationAt(body, colon + 2, end);
			if (at) definitions.set(identifier, { ...at, url: (node as MarkdownNode & { url: string }).url });
		}
		return true;
	});
	return { definitions, used };
}

/** Where the `]:` that ends a definition's label starting at `start` is, escaped brackets aside; -1 if none. */
function labelEnd(body: string, start: number): number {
	for (let at = body.indexOf('[', start) + 1; at > 0 && at < body.length; at++) {
		if (body[at] === '\\') at++;
		else if (body[at] === ']') return body[at + 1] === ':' ? at : -1;
	}
	return -1;
}

/**
 * Where the destination of an inline link or image node is in `body` (`[text](here "title")`), as written,
 * or undefined for a reference (`[text][ref]`) or a shape the parser read otherwise.
 */
function destinationOf(body: string, node: MarkdownNode, start: number, end: number): Destination | undefined {
	const last = node.children?.at(-1)?.position?.end.offset;
	let at = last ?? body.indexOf('[', start) + 1;
	// The text's closing bracket, after any escaped character or space the text nodes leave out.
	at = body.indexOf('](', at);
	if (at === -1 || at >= end) return undefined;
	return destinationAt(body, at + 2, end);
}

/** The destination that starts at `from` (after spaces and one line break), up to `end`. */
function destinationAt(body: string, from: number, end: number): Destination | undefined {
	let at = from;
	while (at < end && /[ \t]/.test(body[at] as string)) at++;
	if (body[at] === '\n' || body[at] === '\r') {
		at += body[at] === '\r' && body[at + 1] === '\n' ? 2 : 1;
		while (at < end && /[ \t>]/.test(body[at] as string)) at++;
	}
	if (body[at] === '<') {
		const close = body.indexOf('>', at);
		if (close === -1 || close > end) return undefined;
		return { raw: body.slice(at + 1, close), start: at + 1, end: close };
	}
	let depth = 0;
	let stop = at;
	for (; stop < end; stop++) {
		const char = body[stop] as string;
		if (char === '\\') stop++;
		else if (char === '(') depth++;
		else if (char === ')') {
			if (depth === 0) break;
			depth--;
		} else if (/\s/.test(char)) break;
	}
	return stop > at ? { raw: body.slice(at, stop), start: at, end: stop } : undefined;
}

/** The path a relative destination names, decoded, without query or fragment; undefined for an address of the site or elsewhere. */
/**
 * Whether `file` (a destination's path, decoded) is written as the path of a file beside the post: its name
 * has an extension (of letters, not a version's `1.2`), and it is no post, page, website or e-mail address,
 * and stays in the post's folder (`../` leads to the site's own pages and files).
 */
function namesAFile(file: string): boolean {
	const name = file.split('/').pop() ?? '';
	return /\.[A-Za-z0-9]{0,7}[A-Za-z][A-Za-z0-9]{0,7}$/.test(name) && !POST.test(name) && !PAGE.test(name) && !SITE.test(file) && !file.includes('@') && !file.split('/').includes('..');
}

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
function publishedPath(file: string): { path: string } | Refusal {
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
	// Astro decodes a page's address again and again: `a%20b.pdf` would be looked for as `a b.pdf`.
	if (/[%#?]/.test(normal)) return { problem: 'its name has a %, # or ?, which an address cannot hold as written', fix: 'Rename it without them' };
	return { path: normal };
}
