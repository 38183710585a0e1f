import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageSizesKey, brokenPublicImages, publicImageSizes } from '../../theme/integration/public-images.ts';
import { imageSizeTransform, publicPathOf, withImageSizes } from '../../theme/markdown/image-sizes.ts';

describe('the public/ file an image address names', () => {
	test('is its path, with the query and fragment dropped and escapes decoded', () => {
		expect(publicPathOf('/images/a.png', '/')).toBe('/images/a.png');
		expect(publicPathOf('/images/the%20team.jpg?v=2#top', '/')).toBe('/images/the team.jpg');
	});

	test("is found under the site's base, whether or not the address starts with it", () => {
		expect(publicPathOf('/blog/images/a.png', '/blog/')).toBe('/images/a.png');
		expect(publicPathOf('/images/a.png', '/blog')).toBe('/images/a.png');
		expect(publicPathOf('/blogroll/a.png', '/blog')).toBe('/blogroll/a.png');
		expect(publicPathOf('/my%20bl%C3%B6g/images/a.png', '/my blög/')).toBe('/images/a.png');
		expect(publicPathOf('/my blög/images/a.png', '/my blög/')).toBe('/images/a.png');
	});

	test('is none for relative, remote, protocol-relative and data addresses, and for paths that climb out', () => {
		for (const src of ['images/a.png', './a.png', 'https://example.com/a.png', '//cdn.example.com/a.png', 'data:image/png;base64,AA', '/images/../../etc/a.png', '/images/%2e%2e/a.png', '/%E0%A4%A.png', '/a\\..\\b.png']) {
			expect(publicPathOf(src, '/'), src).toBeUndefined();
		}
	});
});

describe('image sizes read for a body', () => {
	let publicDir: string;
	beforeAll(async () => {
		publicDir = mkdtempSync(path.join(tmpdir(), 'carnet-public-'));
		writeFileSync(path.join(publicDir, 'wide.png'), await sharp({ create: { width: 640, height: 360, channels: 3, background: '#c33' } }).png().toBuffer());
		writeFileSync(path.join(publicDir, 'the team.jpg'), await sharp({ create: { width: 300, height: 500, channels: 3, background: '#3c3' } }).jpeg().toBuffer());
		writeFileSync(path.join(publicDir, 'fake.png'), '<html>not an image</html>');
		writeFileSync(path.join(publicDir, 'notes'), 'Not a picture.\n');
		// A small PNG whose header says 20,000 × 20,000 pixels, as a 1-bit image of that size says with few bytes.
		const huge = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
		huge.writeUInt32BE(20_000, 16);
		huge.writeUInt32BE(20_000, 20);
		huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
		writeFileSync(path.join(publicDir, 'huge.png'), huge);
		// A BMP a browser shows, which Astro does not optimise: published as it is, unmeasured.
		writeFileSync(path.join(publicDir, 'real.bmp'), Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]));
	});
	afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

	test('cover every root-relative image address of the body that names an image in public/, and nothing else', async () => {
		const body = '![a](/wide.png "Title") ![b](</the team.jpg>) <img src="/fake.png"> [c]: /missing.png\n`/wide.png`? https://example.com/wide.png ./wide.png';
		const sizes = await publicImageSizes(body, publicDir, '/');
		expect([...sizes]).toEqual([
			['/the team.jpg', { width: 300, height: 500 }],
			['/wide.png', { width: 640, height: 360 }],
		]);
	});

	test('that public/ does not have are listed by the line of the file that shows them first, images only: not in code, comments, scripts or links', async () => {
		const body = [
			'![a](/wide.png) ![gone](/gone.png)',
			'`![span](/in-span.png)` <!-- ![c](/in-comment.png) -->',
			'<!--',
			'<img src="/in-long-comment.png">',
			'-->',
			'```',
			'<img src="/in-fence.png">',
			'```',
			'<img src="/blog/gone-too.jpg" alt="x"> and ![again](/gone.png) and [a link](/linked.png), /in-prose.png',
			'<img src="/fake.png">',
			'',
			'    ![indented](/in-indented.png)',
			'',
			'> ```',
			'> ![quoted fence](/in-quoted-fence.png)',
			'> ```',
			'',
			'<pre>![in pre](/in-pre.png)</pre>',
			'<script>const src = "<img src=\'/in-script.png\'>";</script>',
			'',
			'![ref][r]',
			'',
			'[r]: /by-reference.png',
		].join('\n');
		const sizes = await publicImageSizes(body, publicDir, '/blog/');
		// The body opens on line 4 of its file, and its line 9 was written on line 13 (shortcodes took lines).
		const post = { body, source: { bodyLine: 4 }, bodyLines: [1, 2, 3, 4, 5, 6, 7, 8, 10] };
		expect(brokenPublicImages(post, publicDir, '/blog/', sizes)).toEqual([
			{ line: 4, address: '/gone.png', publicPath: '/gone.png' },
			{ line: 13, address: '/blog/gone-too.jpg', publicPath: '/gone-too.jpg' },
			{ line: 13, address: '/fake.png', publicPath: '/fake.png', problem: expect.objectContaining({ problem: expect.stringMatching(/^is not an image/) }) },
			{ line: 24, address: '/by-reference.png', publicPath: '/by-reference.png' },
		]);
		// Made by template code that is told of itself.
		expect(brokenPublicImages({ body: '<img src="{{< siteurl >}}/gone.png">', source: { bodyLine: 1 } }, publicDir, '/', new Map())).toEqual([]);
	});

	test("are read for the paths the content sync found once in the body, which is not scanned again", async () => {
		// The sync scans a Markdown body once for both questions: what it is given is what is measured and checked.
		const found = new Set(['/wide.png', '/gone.png']);
		const body = '![a](/wide.png) ![gone](/gone.png)';
		const sizes = await publicImageSizes('a body no longer read', publicDir, '/', found);
		expect([...sizes]).toEqual([['/wide.png', { width: 640, height: 360 }]]);
		expect(brokenPublicImages({ body, source: { bodyLine: 3 } }, publicDir, '/', sizes, new Set(['/gone.png']))).toEqual([{ line: 3, address: '/gone.png', publicPath: '/gone.png' }]);
		expect(brokenPublicImages({ body, source: { bodyLine: 3 } }, publicDir, '/', sizes, new Set())).toEqual([]);
	});

	test('are looked for whatever their name ends with, or without an ending: a file that public/ lacks, or holds as no image, is listed', async () => {
		const body = '![a](/images/photo)\n![b](/scan.bmp)\n![c](/dev/zero)\n\n![d](/notes) ![e](/wide.png)\n\n<img src="/icons/app.ico">';
		const sizes = await publicImageSizes(body, publicDir, '/');
		expect([...sizes.keys()]).toEqual(['/wide.png']);
		expect(brokenPublicImages({ body, source: { bodyLine: 3 } }, publicDir, '/', sizes)).toEqual([
			{ line: 3, address: '/images/photo', publicPath: '/images/photo' },
			{ line: 4, address: '/scan.bmp', publicPath: '/scan.bmp' },
			{ line: 5, address: '/dev/zero', publicPath: '/dev/zero' },
			{
				line: 7,
				address: '/notes',
				publicPath: '/notes',
				problem: { problem: 'is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG', fix: 'Point the path at an image file.' },
			},
			{ line: 9, address: '/icons/app.ico', publicPath: '/icons/app.ico' },
		]);
	});

	test('that public/ holds as an image larger than a browser should decode are listed with its size', async () => {
		const body = 'Text.\n\n![big](/huge.png) ![bmp](/real.bmp)';
		const sizes = await publicImageSizes(body, publicDir, '/');
		expect(brokenPublicImages({ body, source: { bodyLine: 1 } }, publicDir, '/', sizes)).toEqual([
			{
				line: 3,
				address: '/huge.png',
				publicPath: '/huge.png',
				problem: {
					problem: "is 20000×20000 pixels (400 megapixels), more than the 268 megapixels sharp decodes: a reader's browser would download it whole and hold about 1.6 GB to show it",
					fix: 'Export it at the size pages show (2,400 pixels wide is plenty); if its header is wrong, export it again.',
				},
			},
		]);
	});

	test('that public/ does not have are found line by line in a body too large for the parser', () => {
		const body = `${'- Fixed bug number N\n'.repeat(600)}\n![chart](/missing1.png)\n\n\`![code](/in-code.png)\``;
		expect(brokenPublicImages({ body, source: { bodyLine: 5 } }, publicDir, '/', new Map())).toEqual([{ line: 606, address: '/missing1.png', publicPath: '/missing1.png' }]);
	});

	test('that public/ does not have are found in linear time, a post of thousands of them in good time', () => {
		const body = Array.from({ length: 5000 }, (_, index) => `![i](/images/missing-${index}.png)`).join('\n');
		const start = performance.now();
		expect(brokenPublicImages({ body, source: { bodyLine: 1 } }, publicDir, '/', new Map())).toHaveLength(5000);
		expect(performance.now() - start).toBeLessThan(5000);
	});

	test('change the key when a file is replaced by one of another size, and add nothing when there are none', async () => {
		const before = imageSizesKey(await publicImageSizes('![a](/wide.png)', publicDir, '/'));
		expect(imageSizesKey(new Map())).toBe('');
		writeFileSync(path.join(publicDir, 'wide.png'), await sharp({ create: { width: 800, height: 400, channels: 3, background: '#c33' } }).png().toBuffer());
		const after = imageSizesKey(await publicImageSizes('![a](/wide.png)', publicDir, '/'));
		expect(after).not.toBe(before);
		expect(after).not.toBe('');
	});
});

describe('the image-sizes body transform', () => {
	const transform = imageSizeTransform('/blog');
	const document = path.resolve('/site/src/content/posts/a.md');
	const sizes = new Map([['/images/a.png', { width: 640, height: 360 }]]);

	test("sizes an <img> of raw HTML only while its document's sizes are registered", async () => {
		const html = '<p><img alt="a > b" src="/blog/images/a.png"></p>';
		await withImageSizes(document, sizes, async () => {
			expect(transform.raw?.(html, document)).toBe('<p><img alt="a > b" src="/blog/images/a.png" width="640" height="360"></p>');
			expect(transform.raw?.(html, path.resolve('/site/src/content/posts/other.md'))).toBeUndefined();
			expect(transform.image?.('/images/a.png', new URL(`file://${document}`))).toEqual({ width: 640, height: 360 });
		});
		expect(transform.raw?.(html, document)).toBeUndefined();
	});

	test('keeps a size the author wrote, and closes a self-closed tag as it was', async () => {
		await withImageSizes(document, sizes, async () => {
			expect(transform.raw?.("<IMG SRC='/images/a.png' HEIGHT=20>", document)).toBeUndefined();
			expect(transform.raw?.('<img src="/images/a.png"/>', document)).toBe('<img src="/images/a.png" width="640" height="360" />');
			expect(transform.raw?.('<img src="/images/other.png">', document)).toBeUndefined();
		});
	});
});
