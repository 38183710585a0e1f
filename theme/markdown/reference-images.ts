import { parsedInTime, walk, type MarkdownNode } from './fences.ts';

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
	const edits: { start: number; end: number; text: string }[] = [];
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
	let result = body;
	for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, start) + text + result.slice(end);
	return result;
}

/** Whether `url`, as the parser reads it, is the path of an image file from the post's folder. */
function besidePost(url: string): boolean {
	return url !== '' && !/^(?:[a-z][\w+.-]*:|[/\\#])/i.test(url) && IMAGE.test(url.split(/[?#]/)[0] as string);
}
