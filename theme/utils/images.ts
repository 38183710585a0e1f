import type { AstroConfig, ImageMetadata } from 'astro';
import { isRemoteAllowed } from 'astro/assets/utils';
import { lookup } from 'mrmime';

/**
 * Widths of the WebP variants of a featured image, shared by cards and post heroes so that each
 * image is encoded once per width. 480 covers a desktop card at 1x, 960 a card at 2x and a hero at
 * 1x; a 2x screen shows the hero from the 960 variant too. A 1440 variant for those screens took
 * 37% of all image encoding in a 1,000-post build (README, Performance), so it is left out.
 * Sources are never upscaled.
 */
export const IMAGE_WIDTHS = [480, 960] as const;

/** Width of the JPEG in `<img src>`, for the rare browser without WebP. */
export const FALLBACK_WIDTH = 960;

/** Open Graph and Twitter images: 1200×630 JPEG, which every network accepts (some reject WebP). */
export const SOCIAL_IMAGE = { width: 1200, height: 630, type: 'image/jpeg' } as const;

// These `sizes` follow theme.css: a 72rem page with 1rem margins, cards in a grid of columns at least
// 20rem wide with 1.5rem gaps, and a 42rem post column. Change them together.
export const CARD_SIZES =
	'(min-width: 74rem) 23rem, (min-width: 65rem) calc((100vw - 5rem) / 3), (min-width: 43.5rem) calc((100vw - 3.5rem) / 2), calc(100vw - 2rem)';
export const HERO_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** A featured image as pages use it: a local image, or a remote URL whose size the loader measured. */
export interface FeaturedImageSource {
	src: ImageMetadata | string;
	width: number;
	height: number;
	alt?: string | undefined;
	/** Text shown under it on the post's page (a photo's credit), never on cards. */
	caption?: string | undefined;
	/** A remote image's format (`jpg`, `webp`), as the loader measured it. */
	format?: string | undefined;
	/** A remote image's length in bytes, when its host said it. */
	bytes?: number | undefined;
}

/**
 * Whether Astro optimises an image at `src`: a remote one only on a host that `image.domains` or
 * `image.remotePatterns` allow, as Astro's getImage() decides. Another is published as it is.
 */
export function isOptimisable(src: string, imageConfig: Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>): boolean {
	// Astro's config type and isRemoteAllowed()'s disagree on optional fields under exactOptionalPropertyTypes.
	const allowed = { domains: imageConfig.domains ?? [], remotePatterns: imageConfig.remotePatterns ?? [] } as Parameters<typeof isRemoteAllowed>[1];
	return isRemoteAllowed(src, allowed);
}

/** The media type of a remote image published as it is: from its measured format, else its address. */
export function remoteImageType(src: string, format: string | undefined): string {
	return lookup(format ?? new URL(src).pathname) ?? 'application/octet-stream';
}

/**
 * The size of a local image without marking it as used. Reading a property of Astro's image proxy marks
 * the original as used, and the build then copies it to dist/ next to its variants; its hidden `clone`
 * does not, which is how getImage() itself reads it.
 */
export function imageSize(image: ImageMetadata): { width: number; height: number } {
	const { width, height } = (image as ImageMetadata & { clone?: ImageMetadata }).clone ?? image;
	return { width, height };
}

/**
 * Whether a featured image is an SVG, which is served as it is: Astro does not rasterise SVG sources
 * (`image.dangerouslyProcessSVG`), and social networks and feed readers do not show SVG previews.
 */
export function isSvg(image: FeaturedImageSource): boolean {
	if (typeof image.src === 'string') return false;
	return ((image.src as ImageMetadata & { clone?: ImageMetadata }).clone ?? image.src).format === 'svg';
}

/** The widths to encode for a source `sourceWidth` pixels wide: never wider than the source. */
export function widthsFor(sourceWidth: number): number[] {
	const widths: number[] = IMAGE_WIDTHS.filter((width) => width < sourceWidth);
	return [...widths, Math.min(sourceWidth, Math.max(...IMAGE_WIDTHS))];
}
