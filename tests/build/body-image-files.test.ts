import { readdirSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// The images a body shows that are no images a page can show: one beside the post too large for sharp, which
// Astro published as it was under its .webp variant's name, and addresses in public/ or on the writer's disk.
let tooLarge: BuiltSite;
let broken: BuiltSite;

/** A small PNG whose header says `width` × `height`: what sharp refuses by its header, as it refuses a 1-bit PNG that size. */
async function pngSaying(width: number, height: number): Promise<Buffer> {
	const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
	return png;
}

beforeAll(async () => {
	const config = { 'astro.config.mjs': astroConfig({ title: 'Images' }), 'src/content.config.ts': CONTENT_CONFIG };
	const huge = await pngSaying(20_000, 20_000);
	const tooLargeRoot = writeSite('body-image-files-too-large', {
		...config,
		'src/content/posts/bomb/index.md': '---\ntitle: Bomb\ndate: 2024-03-14\n---\n\nText.\n\n![a](./bomb.png)\n',
		'src/content/posts/bomb/bomb.png': huge,
	});
	const brokenRoot = writeSite('body-image-files-broken', {
		...config,
		'public/images/text.png': 'Not a picture.\n',
		'public/images/huge.png': huge,
		'src/content/posts/shots.md':
			'---\ntitle: Shots\ndate: 2024-03-14\n---\n\n![d](/dev/zero) ![e](file:///etc/passwd)\n\n![f](/images/text.png)\n\n![g](/images/photo)\n\n![h](/images/huge.png)\n\n[notes](file:///home/me/notes.pdf)\n',
	});
	[tooLarge, broken] = await Promise.all([buildSite(tooLargeRoot), buildSite(brokenRoot)]);
}, 600_000);

describe('an image beside the post larger than sharp decodes', () => {
	test('stops the build, naming the post, the line, the size and the fix', () => {
		expect(tooLarge.ok).toBe(false);
		expect(tooLarge.log).toContain(
			"src/content/posts/bomb/index.md:8: the image './bomb.png' (src/content/posts/bomb/bomb.png) is 20000×20000 pixels (400 megapixels), more than the 268 megapixels sharp decodes: it would be published unoptimised, under the names and types of the smaller images pages ask for.",
		);
		expect(tooLarge.log).toContain('Export it at the size pages show (2,400 pixels wide is plenty)');
	});

	test('is not published under the name of a WebP it is not', () => {
		const astroDir = path.join(tooLarge.dist, '_astro');
		const files = (() => {
			try {
				return readdirSync(astroDir);
			} catch {
				return [];
			}
		})();
		expect(files.filter((name) => name.startsWith('bomb'))).toEqual([]);
	});
});

describe("a body's images that public/ lacks or holds as no image, and its file: addresses", () => {
	test('are each told with the line, the address and what is wrong', () => {
		expect(broken.ok).toBe(true);
		const warnings = broken.log.split('\n').filter((line) => line.includes('src/content/posts/shots.md:'));
		expect(warnings.map((line) => line.replace(/^.*?src\/content\/posts\/shots\.md:/, ''))).toEqual(
			expect.arrayContaining([
				'6: the image "/dev/zero" shows nothing: public/ has no such file (looked for public/dev/zero). Put the image there, or fix its path.',
				`6: the image "file:///etc/passwd" is a file: address, which names a file on the computer the post was written on: no reader's browser opens it from a web page. Put the file in public/ and write its path from the root (e.g. /files/notes.pdf), or beside the post and write its path from the post (./notes.pdf).`,
				'8: the image "/images/text.png" (public/images/text.png) is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG. Point the path at an image file.',
				'10: the image "/images/photo" shows nothing: public/ has no such file (looked for public/images/photo). Put the image there, or fix its path.',
				expect.stringMatching(/^12: the image "\/images\/huge\.png" \(public\/images\/huge\.png\) is 20000×20000 pixels \(400 megapixels\), more than the 268 megapixels sharp decodes: a reader's browser would/),
				expect.stringMatching(/^14: the link "file:\/\/\/home\/me\/notes\.pdf" is a file: address/),
			]),
		);
	});

	test('stay on the page as written: the post is published whole', () => {
		const sources = broken.html('posts/shots/index.html')('article img').map((_, img) => img.attribs.src).get();
		expect(sources).toEqual(expect.arrayContaining(['/dev/zero', 'file:///etc/passwd', '/images/text.png', '/images/photo', '/images/huge.png']));
	});
});
