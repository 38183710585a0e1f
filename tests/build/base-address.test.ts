import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A `base` as a folder name may be written, with a space and an accent, and a post with an image beside
// it, which Astro's image pipeline optimises: under such a base it cannot (site-address.ts, checkBase()).
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('base-address', {
		'astro.config.mjs': astroConfig({ title: 'Base', timeZone: 'UTC' }, { site: 'https://example.com', base: '/my blög/' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/one/pixel.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(),
		'src/content/posts/one/index.md': '---\ntitle: One\ndate: 2024-01-01\n---\n![a pixel](./pixel.png)\n',
	});
	site = await buildSite(root);
}, 300_000);

describe('a site whose base has a space and an accent', () => {
	test("stops at setup with Carnet's error naming base, its value and one to write, before Astro's image pipeline fails", () => {
		expect(site.ok).toBe(false);
		expect(site.log).toContain("BUILD FAILED: AstroUserError: base is '/my blög/', which addresses carry percent-encoded (/my%20bl%C3%B6g/)");
		expect(site.log).toContain("Hint: Write base with letters, digits, dashes, dots and underscores only, e.g. base: '/my-blog/'.");
		expect(site.log).not.toContain('Unable to generate optimized image');
	});
});
