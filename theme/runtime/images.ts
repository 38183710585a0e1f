import { getImage, imageConfig } from 'astro:assets';
import { socialImage } from 'virtual:carnet/images';
import project from 'virtual:carnet/project';
import { FALLBACK_WIDTH, SOCIAL_IMAGE, imageSize, isOptimisable, isSvg, remoteImageType, widthsFor, type FeaturedImageSource } from '../utils/images.ts';
import { absoluteUrl } from '../utils/urls.ts';

export interface ResponsiveImage {
	/** `srcset` of the WebP variants; none for an SVG or an image Astro may not optimise, which are served as they are. */
	webpSrcset?: string | undefined;
	/** The JPEG fallback. */
	src: string;
	width: number;
	height: number;
}

/** WebP variants at the theme's widths, and one JPEG for browsers without WebP. */
export async function getResponsiveImage(image: FeaturedImageSource, sizes: string): Promise<ResponsiveImage> {
	if (isSvg(image)) {
		const svg = await getImage({ src: image.src, format: 'svg' });
		return { src: svg.src, width: image.width, height: image.height };
	}
	// getImage() would give the address itself at every width, and a srcset of one image under several widths.
	if (isPublishedAsIs(image)) return { src: image.src, width: image.width, height: image.height };
	const widths = widthsFor(image.width);
	const heightAt = (width: number) => Math.round((image.height * width) / image.width);
	// getImage() also encodes its `src` at `width`: the widest variant, which the srcset holds anyway.
	const widest = widths[widths.length - 1] ?? image.width;
	const fallbackWidth = Math.min(FALLBACK_WIDTH, image.width);
	const [webp, jpeg] = await Promise.all([
		getImage({ src: image.src, width: widest, height: heightAt(widest), widths, sizes, format: 'webp' }),
		getImage({ src: image.src, width: fallbackWidth, height: heightAt(fallbackWidth), format: 'jpg' }),
	]);
	return {
		webpSrcset: webp.srcSet.attribute,
		src: jpeg.src,
		width: Number(jpeg.attributes.width ?? fallbackWidth),
		height: Number(jpeg.attributes.height ?? image.height),
	};
}

export interface SocialImage {
	/** Absolute URL, or a path when the site has no `site` option. */
	url: string;
	width: number;
	height: number;
	type: string;
	alt: string;
	/** Its length in bytes, when it is known before the build has written it: a remote image's, as its host said. */
	length?: number | undefined;
}

/**
 * The 1200×630 JPEG crop of an image for Open Graph, Twitter cards and feed enclosures. Feeds point at
 * this same file, so it is encoded once. An SVG has none: pages fall back to the `socialImage` option. A remote
 * image that Astro may not optimise is used as it is.
 */
export async function getSocialImage(image: FeaturedImageSource, alt: string): Promise<SocialImage | undefined> {
	if (isSvg(image)) return undefined;
	// The image itself, at its own size: getImage() would give its address under the crop's size.
	if (isPublishedAsIs(image)) {
		return { url: new URL(image.src).href, width: image.width, height: image.height, type: remoteImageType(image.src, image.format), alt, length: image.bytes };
	}
	const result = await getImage({ src: image.src, width: SOCIAL_IMAGE.width, height: SOCIAL_IMAGE.height, fit: 'cover', format: 'jpg' });
	return {
		url: absoluteUrl(result.src, project) ?? result.src,
		width: Number(result.attributes.width ?? SOCIAL_IMAGE.width),
		height: Number(result.attributes.height ?? SOCIAL_IMAGE.height),
		type: SOCIAL_IMAGE.type,
		alt,
	};
}

let defaultPreview: Promise<SocialImage | undefined> | undefined;

/** The social image of pages without one of their own: the `socialImage` option, worked out once. */
export function getDefaultSocialImage(title: string): Promise<SocialImage | undefined> {
	defaultPreview ??= socialImage ? getSocialImage({ src: socialImage, ...imageSize(socialImage) }, title) : Promise.resolve(undefined);
	return defaultPreview;
}

/** Whether `image` is a remote one on a host Astro may not optimise, which pages and feeds use at its own address. */
function isPublishedAsIs(image: FeaturedImageSource): image is FeaturedImageSource & { src: string } {
	return typeof image.src === 'string' && !isOptimisable(image.src, imageConfig);
}
