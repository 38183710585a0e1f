import { h, isBlank, isElement, text, type HastElement } from './hast.ts';

/**
 * A paragraph holding nothing but an image with a title (`![alt](src "Title")`) as a figure whose
 * caption is the title: `<figure class="carnet-figure"><img …><figcaption>Title</figcaption></figure>`.
 */
export function figureFrom(paragraph: HastElement): HastElement | undefined {
	const content = paragraph.children.filter((child) => !isBlank(child));
	const image = content[0];
	if (content.length !== 1 || !isElement(image, 'img')) return undefined;
	const title = image.properties.title;
	if (typeof title !== 'string' || title.trim() === '') return undefined;
	const properties = { ...image.properties };
	delete properties.title;
	return h('figure', { className: ['carnet-figure'] }, [
		lazyImage({ ...image, properties }),
		h('figcaption', {}, [text(title.trim())]),
	]);
}

/** An image of a post body loads when it nears the viewport and decodes off the main thread. */
export function lazyImage(image: HastElement): HastElement {
	const { loading, decoding } = image.properties;
	if (loading !== undefined && decoding !== undefined) return image;
	return { ...image, properties: { ...image.properties, loading: loading ?? 'lazy', decoding: decoding ?? 'async' } };
}
