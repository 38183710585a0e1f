import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import sharp from 'sharp';
import { FEED_ICON_SIZE } from '../utils/feeds.ts';
import { monogramSvg } from '../utils/monogram.ts';

// RSS wants the channel image as GIF, JPEG or PNG, at most 144 pixels wide: the monogram, drawn by sharp,
// which Astro's image service already needs.
export const GET: APIRoute = async () => {
	const png = await sharp(Buffer.from(monogramSvg(config.title, FEED_ICON_SIZE))).png().toBuffer();
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
