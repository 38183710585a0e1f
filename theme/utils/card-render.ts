import type satoriType from 'satori';
import sharp from 'sharp';
import type { CardNode } from '../components/SocialCard.ts';
import type { CardFormat } from './card-cache.ts';

/** Open Graph's and Twitter's large image size. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

export const CARD_TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const satisfies Record<CardFormat, string>;

/** A font as satori takes it. */
export interface SatoriFont {
	name: string;
	data: Buffer;
	weight: 400 | 700;
	style: 'normal';
}

// Measured on cards of this theme (README, Performance): on flat colours and text, a palette PNG without
// dithering is the smallest file (28 KB, against 37 KB for the same card as a mozjpeg JPEG at quality 80)
// and keeps text edges clean; effort 1 and zlib level 6 encode it about 10 times faster than a palette at
// quality 90 and effort 3. It asks for 32 colours, which libvips writes with 8 bits, so the palette holds
// up to 256: 16 colours, written with 4 bits, encode twice as fast but band the emoji's colours. Over a
// photo, JPEG is far smaller. Both are part of the cache key.
export const ENCODINGS = {
	png: { palette: true, colours: 32, dither: 0, effort: 1, compressionLevel: 6 },
	jpg: { quality: 80, mozjpeg: true },
} as const;

// satori and its layout engine take about 0.3 s to load, which a build without cards to draw (most warm
// builds, and sites with cards off) would pay while its pages render: they are loaded with the first card.
let satoriLoaded: Promise<typeof satoriType> | undefined;
function loadSatori(): Promise<typeof satoriType> {
	satoriLoaded ??= import('satori').then((module) => module.default);
	return satoriLoaded;
}

/**
 * Draws a card: satori lays the tree out into an SVG in which text is already outlined (so nothing reads
 * the machine's fonts), emoji come from `emojiImage`, and sharp rasterises and encodes it.
 */
export async function renderCard(
	tree: CardNode,
	fonts: SatoriFont[],
	emojiImage: (segment: string) => Promise<string | undefined>,
	format: CardFormat,
): Promise<{ bytes: Buffer; undrawn: string[] }> {
	// satori asks for what no font it was given can draw. The runtime checks every character against the
	// fonts beforehand, so only emoji should come here; anything else is reported rather than left to chance.
	const undrawn: string[] = [];
	const satori = await loadSatori();
	const svg = await satori(tree as unknown as Parameters<typeof satoriType>[0], {
		...CARD_SIZE,
		fonts,
		loadAdditionalAsset: async (code, segment) => {
			const image = code === 'emoji' ? await emojiImage(segment) : undefined;
			if (image) return image;
			if (segment.trim() !== '') undrawn.push(segment);
			return [];
		},
	});
	const image = sharp(Buffer.from(svg));
	const bytes = await (format === 'png' ? image.png(ENCODINGS.png).toBuffer() : image.jpeg(ENCODINGS.jpg).toBuffer());
	return { bytes, undrawn };
}
