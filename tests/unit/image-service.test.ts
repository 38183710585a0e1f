import type { AstroConfig } from 'astro';
import { describe, expect, test } from 'vitest';
import { imageServiceDefaults } from '../../theme/integration/image-service.ts';

const SHARP = 'astro/assets/services/sharp';
const image = (service: unknown) => ({ service }) as AstroConfig['image'];

describe('imageServiceDefaults', () => {
	test("gives Astro's sharp service Carnet's WebP defaults, keeping the settings the site chose", () => {
		expect(imageServiceDefaults(image({ entrypoint: SHARP, config: { limitInputPixels: false, webp: { quality: 90 } } }))).toEqual({
			service: { entrypoint: SHARP, config: { limitInputPixels: false, webp: { quality: 90, effort: 1 } } },
		});
	});

	test('changes nothing when the site uses another image service', () => {
		expect(imageServiceDefaults(image({ entrypoint: 'my-image-cdn-service' }))).toBeUndefined();
	});

	test("gives the defaults to the build service of Astro 7.4's build and runtime services, and leaves the runtime one as written", () => {
		const runtime = { entrypoint: 'my-image-cdn-service', config: { zone: 'eu' } };
		expect(imageServiceDefaults(image({ build: { entrypoint: SHARP }, runtime }))).toEqual({
			service: { build: { entrypoint: SHARP, config: { webp: { quality: 75, effort: 1 } } }, runtime },
		});
		expect(imageServiceDefaults(image({ build: { entrypoint: 'my-image-cdn-service' }, runtime: { entrypoint: SHARP } }))).toBeUndefined();
	});
});
