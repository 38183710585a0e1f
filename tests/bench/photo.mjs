// Featured images that weigh what camera photos weigh once saved as JPEG: smooth light and colour
// (a sky-to-ground gradient, a horizon, out-of-focus blobs) plus sensor grain. Flat synthetic
// images compress to a few kilobytes and would make image encoding look far cheaper than it is.
import sharp from 'sharp';
import { createRandom } from './random.mjs';

export const PHOTO = { width: 1600, height: 900, quality: 82 };

// The scene is drawn small and upscaled, which gives the soft gradients of a photo for little work.
const SCENE = { width: 320, height: 180 };
const GRAIN_AMPLITUDE = 8;
const GRAIN_TILE = 1 << 22;
let grainTile;

/** A 1600×900 JPEG, the same bytes for the same seed. */
export async function encodePhoto(seed) {
	const random = createRandom(seed);
	const scene = drawScene(random);
	const pixels = await sharp(scene, { raw: { ...SCENE, channels: 3 } })
		.resize(PHOTO.width, PHOTO.height, { kernel: 'cubic', fit: 'fill' })
		.raw()
		.toBuffer();
	addGrain(pixels, random.between(0, GRAIN_TILE - 1));
	return sharp(pixels, { raw: { width: PHOTO.width, height: PHOTO.height, channels: 3 } }).jpeg({ quality: PHOTO.quality }).toBuffer();
}

function drawScene(random) {
	const colour = () => [random.next() * 255, random.next() * 255, random.next() * 255];
	const [sky, haze, ground] = [colour(), colour(), colour()];
	const horizon = 0.3 + random.next() * 0.4;
	const blobs = Array.from({ length: random.between(5, 9) }, () => ({
		x: random.next() * SCENE.width,
		y: random.next() * SCENE.height,
		radius: 10 + random.next() * 45,
		colour: colour(),
		strength: 0.3 + random.next() * 0.5,
	}));
	const scene = Buffer.alloc(SCENE.width * SCENE.height * 3);
	for (let y = 0; y < SCENE.height; y++) {
		const v = y / SCENE.height;
		const [from, to, t] = v < horizon ? [sky, haze, v / horizon] : [haze, ground, (v - horizon) / (1 - horizon)];
		for (let x = 0; x < SCENE.width; x++) {
			const pixel = from.map((start, channel) => start + (to[channel] - start) * t + (random.next() - 0.5) * 30);
			for (const blob of blobs) {
				const distance = Math.hypot(x - blob.x, y - blob.y) / blob.radius;
				if (distance >= 1) continue;
				const alpha = blob.strength * (1 - distance * distance);
				for (let channel = 0; channel < 3; channel++) pixel[channel] += (blob.colour[channel] - pixel[channel]) * alpha;
			}
			scene.set(pixel.map((value) => Math.max(0, Math.min(255, value))), (y * SCENE.width + x) * 3);
		}
	}
	return scene;
}

// One shared tile of noise read from a different offset per image: drawing 4.3 million random numbers
// per image would cost more than encoding it.
function addGrain(pixels, offset) {
	grainTile ??= makeGrainTile();
	const mask = GRAIN_TILE - 1;
	for (let index = 0; index < pixels.length; index++) {
		const value = pixels[index] + grainTile[(index + offset) & mask];
		pixels[index] = value < 0 ? 0 : value > 255 ? 255 : value;
	}
}

function makeGrainTile() {
	const random = createRandom(0x6a09e667);
	const tile = new Int8Array(GRAIN_TILE);
	for (let index = 0; index < GRAIN_TILE; index++) tile[index] = Math.round((random.next() + random.next() - 1) * GRAIN_AMPLITUDE);
	return tile;
}
