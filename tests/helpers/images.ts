import sharp from 'sharp';

/**
 * A photo-like JPEG for tests: a gradient with deterministic grain, so that it compresses like a photo
 * rather than like a flat colour.
 */
export async function makeJpeg(width: number, height: number, seed = 1): Promise<Buffer> {
	let state = seed;
	const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
	const hue = Math.floor(random() * 360);
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
		<defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 80%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360} 50% 35%)"/></linearGradient></defs>
		<rect width="100%" height="100%" fill="url(#g)"/>
		<circle cx="${width / 3}" cy="${height / 2}" r="${height / 3}" fill="hsl(${(hue + 180) % 360} 70% 60%)" fill-opacity="0.6"/>
	</svg>`;
	const grain = Buffer.alloc(width * height * 3);
	for (let index = 0; index < grain.length; index++) grain[index] = 128 + Math.floor((random() - 0.5) * 60);
	const noise = await sharp(grain, { raw: { width, height, channels: 3 } }).png().toBuffer();
	return sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 90 }).toBuffer();
}
