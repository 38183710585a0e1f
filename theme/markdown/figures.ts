import { h, isBlank, isElement, isText, text, type HastElement, type HastNode } from './hast.ts';

/**
 * A paragraph holding nothing but an image with a caption as a figure: `<figure class="carnet-figure">
 * <img …><figcaption>…</figcaption></figure>`. The caption is the image's title (`![alt](src "Title")`), or
 * a line in italics right under the image, as Chirpy and other Jekyll themes write one
 * (`![alt](src)` then `_A caption_` on the next line), which keeps its links and emphasis; the title then
 * stays the image's. A linked image (`[![alt](src "Title")](big.jpg)`, WordPress's default) keeps its link
 * in the figure.
 */
export function figureFrom(paragraph: HastElement): HastElement | undefined {
	const content = paragraph.children.filter((child) => !isBlank(child));
	const first = content[0];
	const image = imageIn(first);
	if (!image || !isElement(first)) return undefined;
	const italics = content[1];
	if (content.length === 2 && isElement(italics, 'em') && lineBreakBetween(paragraph, first, italics)) {
		return h('figure', { className: ['carnet-figure'] }, [withImage(first, lazyImage(image)), h('figcaption', {}, italics.children)]);
	}
	if (content.length !== 1) return undefined;
	const title = image.properties.title;
	if (typeof title !== 'string' || title.trim() === '') return undefined;
	const properties = { ...image.properties };
	delete properties.title;
	return h('figure', { className: ['carnet-figure'] }, [
		withImage(first, lazyImage({ ...image, properties })),
		h('figcaption', {}, [text(title.trim())]),
	]);
}

/**
 * Whether `paragraph` is short enough to be a figure: at most two children other than white space, the most
 * figureFrom takes. It stops at the third, so that asking once per image of a paragraph of thousands of
 * images costs as little as asking once.
 */
export function mayBeFigure(paragraph: HastElement): boolean {
	let parts = 0;
	for (const child of paragraph.children) {
		if (!isBlank(child) && ++parts > 2) return false;
	}
	return parts > 0;
}

/**
 * The image `node` is, or the image alone in the link `node` is when that link leads to an image file (the
 * picture at full size, as WordPress links them) or to WordPress's page of it; undefined for anything else, a badge that links to a
 * project's page among them (`[![npm](badge.svg "npm version")](https://npmjs.com/x)`).
 */
export function imageIn(node: HastNode | undefined): HastElement | undefined {
	if (isElement(node, 'img')) return node;
	if (!isElement(node, 'a')) return undefined;
	const content = node.children.filter((child) => !isBlank(child));
	const only = content[0];
	if (content.length !== 1 || !isElement(only, 'img')) return undefined;
	const href = String(node.properties.href ?? '');
	return IMAGE_FILE.test(href) || ATTACHMENT_PAGE.test(href) || href === String(only.properties.src ?? '') ? only : undefined;
}

// The address of an image file, a query or fragment after it.
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)(?:[?#][^\s]*)?$/i;
// WordPress's page of an image (its "Link to: Attachment Page"): `?attachment_id=5`, `…/attachment/cat/`.
const ATTACHMENT_PAGE = /[?&]attachment_id=\d|\/attachment\/[^/?#]+\/?(?:[?#]|$)/i;

/** `first` (an image, or a link around one) with `image` in place of its image. */
function withImage(first: HastElement, image: HastElement): HastElement {
	return first.tagName === 'img' ? image : { ...first, children: [image] };
}

/** Whether the text between two children of `parent` holds a line break (Markdown's soft break). */
function lineBreakBetween(parent: HastElement, first: HastElement, second: HastElement): boolean {
	const from = parent.children.indexOf(first);
	const to = parent.children.indexOf(second);
	return parent.children.slice(from + 1, to).some((child) => isText(child) && child.value.includes('\n'));
}

/** An image of a post body loads when it nears the viewport and decodes off the main thread. */
export function lazyImage(image: HastElement): HastElement {
	const { loading, decoding } = image.properties;
	if (loading !== undefined && decoding !== undefined) return image;
	return { ...image, properties: { ...image.properties, loading: loading ?? 'lazy', decoding: decoding ?? 'async' } };
}
