import { escapeXml } from '../utils/xml.ts';
import { parsedInTime, verbatimLines, walk, type MarkdownNode } from './fences.ts';
import { applyEdits, type Edit } from './file-links.ts';

// A reference definition whose destination is a path from the post's folder: not a URL, not from the root.
const RELATIVE_DEFINITION = /^[ \t>]{0,40}\[[^\]\n]{1,500}\]:[ \t]*<?(?![a-z][\w+.-]*:|[/\\#])[^\s<>]/im;
// What Astro optimises and publishes when a Markdown image shows it.
const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|tiff?)$/i;

interface Reference extends MarkdownNode {
	identifier: string;
	label?: string;
	referenceType: 'full' | 'collapsed' | 'shortcut';
}

interface Definition extends MarkdownNode {
	identifier: string;
	url: string;
	title?: string | null;
}

/**
 * `body` with each image written as a reference (`![A photo][img]`, `![img][]`, `![img]`) to a definition
 * of a file beside the post (`[img]: ./photo.png`, as Material for MkDocs' posts write them) written as the
 * inline image it means, `![A photo](<./photo.png> "title")`, on its line: Astro optimises and publishes the
 * images a body shows inline, and the Markdown processor lists no other, so such an image was published
 * as a path that leads nowhere. `isBesidePost` says whether the file is there (one that is not may be in
 * public/ under the page's address, as Hugo serves static/). The definition stays, for links that use it.
 * Code is left alone, as the parser reads it; a body too large to parse in good time is left as written.
 */
export function inlineReferenceImages(body: string, isBesidePost: (url: string) => boolean = () => true): string {
	if (!body.includes('![') || !RELATIVE_DEFINITION.test(body)) return body;
	const root = parsedInTime(body, body.split('\n'));
	if (!root) return body;
	const definitions = new Map<string, Definition>();
	const images: Reference[] = [];
	walk(root, (node) => {
		if (node.type === 'definition') {
			// The first of a label's definitions is the one Markdown reads: walk() visits the last first.
			const known = definitions.get((node as Definition).identifier);
			if (!known || (node.position?.start.offset ?? 0) < (known.position?.start.offset ?? 0)) definitions.set((node as Definition).identifier, node as Definition);
		} else if (node.type === 'imageReference') images.push(node as Reference);
		return true;
	});
	const edits: Edit[] = [];
	for (const image of images) {
		const start = image.position?.start.offset;
		const end = image.position?.end.offset;
		const defined = definitions.get(image.identifier);
		// A file that is not beside the post may be in public/ under the page's address (Hugo's static/): left as written.
		if (start === undefined || end === undefined || !defined || !besidePost(defined.url) || !isBesidePost(defined.url)) continue;
		const written = body.slice(start, end);
		// The alt text as written, before the label: `![A *photo*][img]`, `![img][]`, `![img]`.
		const label = image.label ?? '';
		const suffix = image.referenceType === 'full' ? `][${label}]` : image.referenceType === 'collapsed' ? '][]' : ']';
		if (!written.startsWith('![') || !written.endsWith(suffix)) continue;
		const alt = written.slice(2, written.length - suffix.length);
		// On one line: a table's row or a heading ends with its line.
		const title = defined.title ? ` "${defined.title.replace(/\s*\n\s*/g, ' ').replace(/["\\]/g, '\\$&')}"` : '';
		edits.push({ start, end, text: `![${alt}](<${defined.url.replace(/[<>\n]/g, encodeURIComponent)}>${title})` });
	}
	return applyEdits(body, edits);
}

/** Whether `url`, as the parser reads it, is the path of an image file from the post's folder. */
function besidePost(url: string): boolean {
	return url !== '' && !/^(?:[a-z][\w+.-]*:|[/\\#])/i.test(url) && IMAGE.test(url.split(/[?#]/)[0] as string);
}

// MultiMarkdown's attributes after a reference definition (`[id]: url "Title" width=40px height=400px`), which
// make CommonMark read the line as a paragraph: the definition with its title, then the attributes.
const MMD_ATTRIBUTE = String.raw`[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"']+)`;
const DEFINITION_WITH_ATTRIBUTES = new RegExp(
	String.raw`^( {0,3}\[((?:[^[\]\n\\]|\\.){1,500})\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S{0,2000})(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?)((?:[ \t]+${MMD_ATTRIBUTE})+)[ \t]*\r?$`,
);
// A size the HTML width and height attributes take: pixels.
const PIXELS = /^(\d{1,5})(?:px)?$/;

/** Attributes of a MultiMarkdown reference definition that no image could take, by why. */
export interface DefinitionAttributes {
	/** 1 = the body's first line. */
	line: number;
	label: string;
	attributes: string[];
	/** `unused`: no image uses the definition; `other`: not a size in pixels; `beside`: the image is a file beside the post. */
	reason: 'unused' | 'other' | 'beside';
}

/**
 * MultiMarkdown's reference definitions with attributes (`[img]: https://…/map.png "Map" width=40px height=400px`),
 * which CommonMark reads as a paragraph, leaving the links and images that use them as text: the definition
 * is read without its attributes. As MultiMarkdown gives them to the images that use the definition, an
 * image at an address or in public/ becomes an `<img>` with that width and height in pixels; one beside the
 * post stays a Markdown image, which Astro publishes and which carries no size. What is not applied is
 * returned, to warn about. Code is left alone; every line keeps its number.
 */
export function readDefinitionAttributes(body: string, isBesidePost: (url: string) => boolean): { body: string; leftOut: DefinitionAttributes[] } {
	if (!body.includes(']:') || !body.includes('=')) return { body, leftOut: [] };
	const lines = body.split('\n');
	if (!lines.some((line) => DEFINITION_WITH_ATTRIBUTES.test(line))) return { body, leftOut: [] };
	const verbatim = verbatimLines(lines, DEFINITION_WITH_ATTRIBUTES);
	const written = new Map<number, { line: string; attributes: string[] }>();
	for (const [index, line] of lines.entries()) {
		const match = verbatim.has(index) ? null : DEFINITION_WITH_ATTRIBUTES.exec(line);
		if (!match) continue;
		written.set(index, { line, attributes: (match[3] as string).trim().split(/[ \t]+(?=[\w-]+=)/) });
		lines[index] = match[1] as string;
	}
	if (written.size === 0) return { body, leftOut: [] };
	const read = lines.join('\n');
	const root = parsedInTime(read, lines);
	if (!root) return { body, leftOut: [] };
	const definitions = new Map<number, Definition & { label?: string }>();
	// By label: a post may have thousands of definitions and of images.
	const images = new Map<string, Reference[]>();
	walk(root, (node) => {
		const line = node.position?.start.line;
		if (node.type === 'definition' && line !== undefined) definitions.set(line - 1, node as Definition);
		else if (node.type === 'imageReference') {
			const users = images.get((node as Reference).identifier);
			if (users) users.push(node as Reference);
			else images.set((node as Reference).identifier, [node as Reference]);
		}
		return true;
	});
	const leftOut: DefinitionAttributes[] = [];
	const asWritten = new Map<number, string>();
	const edits: Edit[] = [];
	for (const [index, { line, attributes }] of written) {
		const definition = definitions.get(index);
		// A line the parser reads as no definition (it goes on a paragraph) is the author's text.
		if (!definition) {
			asWritten.set(index, line);
			continue;
		}
		const label = definition.label ?? definition.identifier;
		// Markdown reads the first of a label's definitions (`written` is in the order of the lines): a later one has no image.
		const users = images.get(definition.identifier) ?? [];
		images.delete(definition.identifier);
		if (users.length === 0) {
			leftOut.push({ line: index + 1, label, attributes, reason: 'unused' });
			continue;
		}
		const size = new Map<string, string>();
		const other: string[] = [];
		for (const attribute of attributes) {
			const [key = '', value = ''] = attribute.split(/=(.*)/s);
			const pixels = PIXELS.exec(value.replace(/^(["'])(.*)\1$/, '$2'));
			if ((key.toLowerCase() === 'width' || key.toLowerCase() === 'height') && pixels) size.set(key.toLowerCase(), pixels[1] as string);
			else other.push(attribute);
		}
		if (other.length > 0) leftOut.push({ line: index + 1, label, attributes: other, reason: 'other' });
		if (size.size === 0) continue;
		const url = definition.url;
		if (!/^(?:https?:\/\/|\/\/|\/(?!\/)|(?![a-z][\w+.-]*:))/i.test(url) || isBesidePost(url)) {
			leftOut.push({ line: index + 1, label, attributes: attributes.filter((attribute) => !other.includes(attribute)), reason: /^[a-z][\w+.-]*:/i.test(url) && !/^https?:/i.test(url) ? 'other' : 'beside' });
			continue;
		}
		for (const image of users) edits.push(...sizedImage(read, image, definition, size));
	}
	// Each edit keeps the lines it spans (an alt text over two lines stays so in the attribute).
	const resultLines = applyEdits(read, edits).split('\n');
	for (const [index, line] of asWritten) resultLines[index] = line;
	return { body: resultLines.join('\n'), leftOut: leftOut.sort((a, b) => a.line - b.line) };
}

// Only spaces until the end of the line, read where an image ends.
const LINE_END = /[ \t]*(?:\n|$)/y;

/** The edit that writes `image`, a reference to `definition`, as an `<img>` of that size, as MultiMarkdown shows it. */
function sizedImage(body: string, image: Reference, definition: Definition, size: ReadonlyMap<string, string>): Edit[] {
	const start = image.position?.start.offset;
	const end = image.position?.end.offset;
	if (start === undefined || end === undefined) return [];
	const written = body.slice(start, end);
	const suffix = image.referenceType === 'full' ? `][${image.label ?? ''}]` : image.referenceType === 'collapsed' ? '][]' : ']';
	if (!written.startsWith('![') || !written.endsWith(suffix)) return [];
	const alt = written.slice(2, written.length - suffix.length).replace(/\\([!-/:-@[-`{-~])/g, '$1');
	const title = definition.title ? ` title="${escapeXml(definition.title)}"` : '';
	const dimensions = [...size].map(([key, value]) => ` ${key}="${value}"`).join('');
	// An <img> that ends its line would begin an HTML block when nothing else is on it, which would show the
	// next line as written: a space, written as a character reference, keeps it in its paragraph (markdown/zenn.ts).
	LINE_END.lastIndex = end;
	const ends = LINE_END.test(body);
	return [{ start, end, text: `<img src="${escapeXml(definition.url)}" alt="${escapeXml(alt)}"${title}${dimensions} loading="lazy" decoding="async">${ends ? '&#32;' : ''}` }];
}
