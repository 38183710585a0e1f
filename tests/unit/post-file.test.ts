import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { AstroConfig } from 'astro';
import { checkBodyImageFiles, checkBodyImages } from '../../theme/integration/body-images.ts';
import { explainSchemaError, warnUnknownKeys } from '../../theme/integration/post-errors.ts';
import { postSchema, type ImageFunction } from '../../theme/schema.ts';
import { AS_WRITTEN_MARK } from '../../theme/utils/summary.ts';
import { z } from 'astro/zod';
import { notionDate } from '../../theme/integration/notion-export.ts';
import { readHugoCascades } from '../../theme/integration/hugo-cascade.ts';
import { readDocusaurusLists } from '../../theme/integration/docusaurus-lists.ts';
import { fileLineOfBody, preparePostFile, untitledWarning, type PostFileContext } from '../../theme/integration/post-file.ts';
import { postFileContext } from '../helpers/post-html.ts';
import { draftsFolderWarning } from '../../theme/integration/post-dialects.ts';
import { userError } from '../../theme/integration/errors.ts';
import { missingFilesError } from '../../theme/integration/load-posts.ts';
import { mdxRequiresAsImports } from '../../theme/integration/mdx-requires.ts';
import { mdxHtmlComments, withMdxCallouts, withoutMdxTitleHeading } from '../../theme/integration/vite-plugin-mdx-text.ts';
import { measureRemoteImages, noteUnoptimisedImages, unoptimisedImagesWarnings } from '../../theme/integration/remote-images.ts';
import { brokenPublicImages, publicImageSizes } from '../../theme/integration/public-images.ts';
import { lazyImageSources } from '../../theme/markdown/lazy-images.ts';
import { unspacedHeadings } from '../../theme/markdown/atx-headings.ts';
import { renderedPost } from '../helpers/post-html.ts';
import { insertionsSpoilersAndRuby } from '../../theme/markdown/highlight-marks.ts';
import { withoutHugoEncrypt } from '../../theme/markdown/hugo-encrypt.ts';
import { isShokaPost, shokaCollapsesAsCallouts, shokaTabsAsSections } from '../../theme/markdown/admonitions.ts';
import { svgCanRunScript } from '../../theme/utils/image-files.ts';
import { oldAddresses } from '../../theme/utils/redirects.ts';
import { makeJpeg } from '../helpers/images.ts';
import { repoRoot } from '../helpers/sites.ts';

// A project on disk, as the loader sees it: public/, a post folder, and files that are not what they seem.
const root = path.join(repoRoot, 'tests/.sites/unit-post-file');
const postDir = path.join(root, 'src/content/posts/trip');
const warnings: string[] = [];

function context(overrides: Partial<PostFileContext> = {}): PostFileContext {
	return postFileContext(root, 'src/content/posts/trip/index.md', warnings, overrides);
}

const post = (frontMatter: string, body = 'Body.\n') => `---\ntitle: Trip\ndate: 2024-01-01\n${frontMatter}\n---\n${body}`;

/** The error a post's preparation throws, as Astro prints it: message, then hint. */
async function failure(frontMatter: string): Promise<string> {
	try {
		await preparePostFile(post(frontMatter), context());
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\nHint: ${hint}`;
	}
	throw new Error('expected the post to be refused');
}

/** `png` with the width and height of its IHDR chunk replaced, and the chunk's checksum made right again. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
	const copy = Buffer.from(png);
	copy.writeUInt32BE(width, 16);
	copy.writeUInt32BE(height, 20);
	copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
	return copy;
}

beforeAll(async () => {
	rmSync(root, { recursive: true, force: true });
	const jpeg = await makeJpeg(320, 180, 1);
	const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#08f' } }).png().toBuffer();
	const files: Record<string, string | Buffer> = {
		'public/images/cover.jpg': jpeg,
		'public/images/100%.jpg': jpeg,
		'src/content/posts/trip/cover.jpg': jpeg,
		'src/content/posts/trip/images/cat.jpg': jpeg,
		'src/content/posts/trip/images/cover.jpg': jpeg,
		// Named on macOS, which writes accents as a letter and a combining mark (NFD).
		'src/content/posts/trip/e\u0301te\u0301.jpg': jpeg,
		'public/images/e\u0301te\u0301.jpg': jpeg,
		'src/assets/hero.jpg': jpeg,
		'src/content/posts/trip/notes.txt': 'Not a picture.\n',
		'src/content/posts/trip/page.jpg': '<!doctype html><title>Saved page</title>',
		'src/content/posts/trip/empty.jpg': '',
		'src/content/posts/trip/cut.jpg': jpeg.subarray(0, 120),
		'src/content/posts/trip/really-png.jpg': png,
		// The first bytes of a BMP and of an iPhone's HEIC photo.
		'src/content/posts/trip/scan.bmp': Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]),
		'src/content/posts/trip/photo.heic': Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(40)]),
		'src/content/posts/trip/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect width="120" height="60"/></svg>',
		'src/content/posts/trip/trap.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>',
		'src/content/posts/trip/sizeless.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
		'src/content/posts/trip/photos/a.jpg': jpeg,
		// A 3 kB PNG whose header says 60,000 × 60,000 pixels: a decompression bomb, or a header written wrong.
		'src/content/posts/trip/huge.png': withPngSize(png, 60_000, 60_000),
		'src/content/posts/bundle/featured.jpg': jpeg,
		'src/content/posts/bundle/notes.txt': 'Not a picture.\n',
		'src/content/hexo/hello.md': '---\ntitle: Hello\n---\n',
		'src/content/hexo/notes.md': 'Notes.\n',
		'src/content/hexo/hello/hello.jpg': jpeg,
	};
	for (const [file, contents] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), contents);
	}
});

describe("several posts' missing image files", () => {
	test('are one error listing each message in the order of the files, each fix once, at the first one\'s location, fifty of them then a count', () => {
		const missing = (name: string, hint: string) => Object.assign(userError(`src/content/posts/${name}.md:4: featured_image '/images/${name}.jpg' was not found in public/.`, hint, { file: `/site/src/content/posts/${name}.md`, line: 4 }), { missingFile: `/site/public/images/${name}.jpg` });
		const one = missing('a', 'Fix the path.');
		expect(missingFilesError([one])).toBe(one);
		const error = missingFilesError([missing('b', 'Fix the path.'), missing('a', 'Fix the path.'), missing('c', 'Add the file.')]);
		expect(error.message).toBe(
			"3 posts name image files that do not exist:\n- src/content/posts/a.md:4: featured_image '/images/a.jpg' was not found in public/.\n- src/content/posts/b.md:4: featured_image '/images/b.jpg' was not found in public/.\n- src/content/posts/c.md:4: featured_image '/images/c.jpg' was not found in public/.",
		);
		expect(error).toMatchObject({ hint: 'Fix the path.\nAdd the file.', loc: { file: '/site/src/content/posts/a.md', line: 4 }, missingFile: '/site/public/images/a.jpg' });
		const many = missingFilesError(Array.from({ length: 120 }, (_, index) => missing(`p${String(index).padStart(3, '0')}`, 'Fix the path.')));
		expect(many.message.split('\n').slice(-2)).toEqual(["- src/content/posts/p049.md:4: featured_image '/images/p049.jpg' was not found in public/.", '- and 70 more.']);
	});

	test("are listed in the order of each post's lines, line 15 after line 4", () => {
		const missing = (line: number) => userError(`src/content/posts/p.mdx:${line}: the image './gone-${line}.png' was not found.`, 'Put the file there.', { file: '/site/src/content/posts/p.mdx', line });
		expect(missingFilesError([missing(15), missing(4), missing(9)]).message.split('\n').slice(1)).toEqual([
			"- src/content/posts/p.mdx:4: the image './gone-4.png' was not found.",
			"- src/content/posts/p.mdx:9: the image './gone-9.png' was not found.",
			"- src/content/posts/p.mdx:15: the image './gone-15.png' was not found.",
		]);
	});

	test("name the file in the post's asset folder where one is, never as a place where nothing was found", () => {
		const entryFile = path.join(root, 'src/content/posts/shots.md');
		mkdirSync(path.join(root, 'src/content/posts/shots'), { recursive: true });
		writeFileSync(path.join(root, 'src/content/posts/shots/screen shot.png'), 'PNG');
		const error = (() => {
			try {
				checkBodyImages(['screen shot.png'], { body: 'A shot:\n\n![A shot][shot]\n\n[shot]: <screen shot.png>', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/shots.md', entryFile, root });
			} catch (caught) {
				return caught as Error & { hint?: string };
			}
			return undefined;
		})();
		expect([error?.message, error?.hint]).toEqual([
			"src/content/posts/shots.md:9: the image 'screen shot.png' is not beside the post (looked for src/content/posts/screen shot.png); it is in src/content/posts/shots/screen shot.png, which Carnet reads a bare path from only when it is written in place, as ![](photo.png) or <img src=\"photo.png\">.",
			"Write its path from the post's file: <./shots/screen shot.png>.",
		]);
	});

	test("of one post's body are each named, the post counted once, in one build's error", () => {
		const entryFile = path.join(root, 'src/content/posts/p.md');
		const errors = (() => {
			try {
				checkBodyImages(['gone-a.png', 'gone-b.png', 'gone-c.png'], { body: '![a](gone-a.png)\n\n![b](gone-b.png)\n\n![c](gone-c.png)', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/p.md', entryFile, root });
			} catch (caught) {
				const error = caught as Error & { alsoMissing?: Error[] };
				return [error, ...(error.alsoMissing ?? [])];
			}
			return [];
		})();
		expect(errors.map((error) => (error as Error & { missingFile?: string }).missingFile)).toEqual(['gone-a.png', 'gone-b.png', 'gone-c.png'].map((name) => path.join(root, 'src/content/posts', name)));
		expect(missingFilesError(errors).message.split('\n').map((line) => line.replace(/ \(looked for.*$/, ''))).toEqual([
			'1 post names 3 image files that do not exist:',
			"- src/content/posts/p.md:5: the image 'gone-a.png' was not found",
			"- src/content/posts/p.md:7: the image 'gone-b.png' was not found",
			"- src/content/posts/p.md:9: the image 'gone-c.png' was not found",
		]);
	});
});

describe('a title written over lines, or with a tab', () => {
	test('is one line, and so are its subtitle and tags; a description keeps its lines', async () => {
		const header = '---\ntitle: |\n  Line one\n  Line two\ndate: 2024-01-01\nsubtitle: "A\\tB"\ntags: ["x\\ny"]\ndescription: |\n  First.\n  Second.\n---\nBody.\n';
		const { data } = await preparePostFile(header, context());
		expect([data.title, data.subtitle, data.tags, data.description]).toEqual(['Line one Line two', 'A B', ['x y'], 'First.\nSecond.\n']);
	});

	test("an author's name written over lines is one line, whether the author is a name or an object; the author's address is left as written", async () => {
		const named = await preparePostFile('---\ntitle: T\ndate: 2024-01-01\nauthor: "Ada\\nLovelace"\n---\nBody.\n', context());
		const object = await preparePostFile('---\ntitle: T\ndate: 2024-01-01\nauthors:\n  - name: "Grace\\n  Hopper"\n    url: https://grace.example\n---\nBody.\n', context());
		expect([named.data.author, object.data.authors]).toEqual(['Ada Lovelace', [{ name: 'Grace Hopper', url: 'https://grace.example' }]]);
	});
});

describe("Eleventy's date keywords in front matter", () => {
	test("date the post from the file's time, with a warning that names the key, the date and what to write", async () => {
		warnings.length = 0;
		const file = path.join(postDir, 'index.md');
		writeFileSync(file, post('updated: Last Modified'));
		const prepared = await preparePostFile(post('updated: Last Modified'), context()).finally(() => rmSync(file));
		expect(prepared.data.updated).toBeInstanceOf(Date);
		const day = (prepared.data.updated as Date).toISOString().slice(0, 10);
		expect(warnings).toEqual([
			expect.stringMatching(new RegExp(`^src/content/posts/trip/index\\.md:4: updated: "Last Modified" is Eleventy's keyword for a date the file does not write: the post is dated ${day}T[^ ]+, from the file's last modification time\\. A copy of the file .* write it \\(updated: ${day}\\)\\.$`)),
		]);
	});
});

describe('a key named __proto__ in front matter', () => {
	test('stops the build naming the file, the line and where the key is, at the top or nested, in YAML and JSON', async () => {
		expect(await failure('__proto__: x')).toBe(
			'src/content/posts/trip/index.md:4: the front matter has a key named __proto__ (__proto__), which JavaScript reads as the prototype of an object, not as one of its fields: the post cannot be stored with it.\nHint: Rename the key, or remove it.',
		);
		expect(await failure('author:\n  name: Ada\n  __proto__: { admin: true }')).toMatch(/^src\/content\/posts\/trip\/index\.md:6: the front matter has a key named __proto__ \(author\.__proto__\)/);
		expect(await failure('tags: [a, { __proto__: 1 }]')).toMatch(/:4: .*\(tags\[1\]\.__proto__\)/);
		const json = '{\n  "title": "Trip",\n  "date": "2024-01-01",\n  "params": { "__proto__": 1 }\n}\nBody.\n';
		await expect(preparePostFile(json, context())).rejects.toThrow(/index\.md:4: the front matter has a key named __proto__ \(params\.__proto__\)/);
	});
});

describe('featured images that work', () => {
	test.each([
		['beside the post', './cover.jpg', './cover.jpg'],
		['beside the post, without ./', 'cover.jpg', './cover.jpg'],
		['in public/', '/images/cover.jpg', '../../../../public/images/cover.jpg'],
		['in public/ with a % in its name, written as it is', '/images/100%.jpg', '../../../../public/images/100%.jpg'],
		['in public/ with the % percent-encoded', '/images/100%25.jpg', '../../../../public/images/100%.jpg'],
		["in src/assets, as Astro's blog starter writes it", '../../../assets/hero.jpg', '../../../assets/hero.jpg'],
		["in src/, from the project's root, as astro.build's posts write it and Astro's image() reads it", '/src/assets/hero.jpg', '../../../assets/hero.jpg'],
		['an SVG, served as it is', './logo.svg', './logo.svg'],
		['an https URL, measured later', 'https://images.example.org/a.jpg', 'https://images.example.org/a.jpg'],
		['a URL without its scheme, as old themes wrote them, read as https', '//cdn.example.org/img/1.jpg', 'https://cdn.example.org/img/1.jpg'],
		['in public/, written with one slash too many', '//images/cover.jpg', '../../../../public/images/cover.jpg'],
		["in public/, written from the site's root without its slash, as al-folio's thumbnail is", 'images/100%.jpg', '../../../../public/images/100%.jpg'],
		["in public/, from Ghost's placeholder for the site's root, as Ghost's exports write it", '__GHOST_URL__/images/cover.jpg', '../../../../public/images/cover.jpg'],
		["beside the post, with the size query WordPress's resized copies carry", './cover.jpg?w=600', './cover.jpg'],
		["in public/, with the size query WordPress's resized copies carry", '/images/cover.jpg?resize=300%2C200', '../../../../public/images/cover.jpg'],
	])('%s', async (_, value, resolved) => {
		const prepared = await preparePostFile(post(`featured_image: '${value}'`), context());
		expect(prepared.data.featured_image).toBe(resolved);
	});

	test("a path without ./ is the file beside the post when there is one, else public/'s, and the post's key says which", async () => {
		// trip/images/cover.jpg is beside the post: it wins over public/images/cover.jpg.
		const beside = await preparePostFile(post("thumbnail: 'images/cover.jpg'"), context());
		expect(beside.data.thumbnail).toBe('./images/cover.jpg');
		expect(beside.filesLookedUp).toBeUndefined();
		const fromRoot = await preparePostFile(post("thumbnail: 'images/100%.jpg'"), context());
		expect(fromRoot.filesLookedUp).toEqual({ 'image images/100%.jpg': false });
		expect(await failure("thumbnail: 'assets/img/9.jpg'")).toContain(
			"thumbnail 'assets/img/9.jpg' was not found next to the post (looked for src/content/posts/trip/assets/img/9.jpg) nor in public/ (looked for public/assets/img/9.jpg and public/images/assets/img/9.jpg).",
		);
		expect(await failure("thumbnail: '10.jpg'")).toContain(
			"thumbnail '10.jpg' was not found next to the post (looked for src/content/posts/trip/10.jpg) nor in public/ (looked for public/10.jpg and public/images/10.jpg).",
		);
	});

	test("a path without ./ found under public/images/ alone, as hugo-theme-zzo reads featured_image from static/images/, is that file, with a warning naming the field and the path to write", async () => {
		mkdirSync(path.join(root, 'public/images/feature2'), { recursive: true });
		writeFileSync(path.join(root, 'public/images/feature2/content.jpg'), await makeJpeg(40, 30));
		warnings.length = 0;
		const prepared = await preparePostFile(post("featured_image: 'feature2/content.jpg'"), context());
		expect(prepared.data.featured_image).toBe('../../../../public/images/feature2/content.jpg');
		expect(prepared.filesLookedUp).toEqual({ 'image feature2/content.jpg': false });
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:4: featured_image: 'feature2/content.jpg' is neither beside the post nor in public/: it is read as '/images/feature2/content.jpg' (public/images/feature2/content.jpg), where hugo-theme-zzo's templates look for it. Write the path '/images/feature2/content.jpg' to name the file itself.",
		]);
		// public/ itself comes first: images/100%.jpg is not looked for as public/images/images/100%.jpg.
		warnings.length = 0;
		expect((await preparePostFile(post("thumbnail: 'images/100%.jpg'"), context())).data.thumbnail).toBe('../../../../public/images/100%.jpg');
		expect(warnings).toEqual([]);
	});

	test("Hugo Academic's header image, a path without ./ read from static/img/, is found under public/img/, with a warning naming the field and the path to write, and listed among the places looked in when missing", async () => {
		mkdirSync(path.join(root, 'public/img/headers'), { recursive: true });
		writeFileSync(path.join(root, 'public/img/headers/egg-wide.jpg'), await makeJpeg(40, 30));
		const academic = (image: string) => `+++\ntitle = "Trip"\ndate = 2024-01-01\n\n[header]\nimage = "${image}"\ncaption = "An egg"\n+++\nBody.\n`;
		warnings.length = 0;
		const prepared = await preparePostFile(academic('headers/egg-wide.jpg'), context());
		expect(prepared.data.featured_image).toBe('../../../../public/img/headers/egg-wide.jpg');
		expect(prepared.filesLookedUp).toEqual({ 'image headers/egg-wide.jpg': false });
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:5: header: 'headers/egg-wide.jpg' is neither beside the post nor in public/: it is read as '/img/headers/egg-wide.jpg' (public/img/headers/egg-wide.jpg), where Hugo Academic's (Wowchemy's) templates look for a header image. Write the path '/img/headers/egg-wide.jpg' to name the file itself.",
		]);
		let message = '';
		try {
			await preparePostFile(academic('headers/missing.jpg'), context());
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toContain(
			"header 'headers/missing.jpg' was not found next to the post (looked for src/content/posts/trip/headers/missing.jpg) nor in public/ (looked for public/headers/missing.jpg, public/images/headers/missing.jpg and public/img/headers/missing.jpg).",
		);
		// Another field's path is not looked for in public/img/.
		await expect(preparePostFile(post("featured_image: 'headers/egg-wide.jpg'"), context())).rejects.toThrow('(looked for public/headers/egg-wide.jpg and public/images/headers/egg-wide.jpg)');
	});

	test('an empty value means "no image", as Hugo archetypes write it', async () => {
		for (const value of ['""', "' '", '']) {
			const prepared = await preparePostFile(post(`featured_image: ${value}`), context());
			expect(prepared.data).not.toHaveProperty('featured_image');
		}
	});
});

describe('a body that shows its featured image (Docusaurus posts show their social image again, at their top or after their intro)', () => {
	test('is marked, so that its page shows the image once, in the body', async () => {
		const opens = async (frontMatter: string, body: string) => (await preparePostFile(post(frontMatter, body), context())).imageInBody;
		expect(await opens('image: ./cover.jpg', '![Cover](./cover.jpg)\n\n<!-- truncate -->\n\nText.\n')).toBe(true);
		expect(await opens('featured_image: cover.jpg', '\n<img src="./cover.jpg" alt="Cover" width="800">\nText.\n')).toBe(true);
		expect(await opens('image: ./cover.jpg', '<!-- intro -->\n![Cover](<cover.jpg> "The cover")\n')).toBe(true);
	});

	test("is marked when the body opens with Jekyll's {{ page.image }}, filled in from the post's own front matter, with no warning", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: (slug: string) => `/posts/${slug}/`, labels: { youtube: 'Watch on YouTube', vimeo: 'Watch on Vimeo', gist: 'See the gist' }, locale: 'en' };
		const jekyll = await preparePostFile(post("image: '/images/cover.jpg'\ndescription: 'Para os comandos clang.'", "![{{ page.title }}]({{ page.image }} '{{ page.description }}')\n\nTexto.\n"), context({ shortcodes }));
		expect(jekyll.body).toBe("![Trip](/images/cover.jpg 'Para os comandos clang\\.')\n\nTexto.\n");
		expect(jekyll.imageInBody).toBe(true);
		expect(warnings).toEqual([]);
	});

	test('is marked when the image is alone on its line after the intro, as the Docusaurus 2.1 release post has it before its truncate mark', async () => {
		const opens = async (frontMatter: string, body: string) => (await preparePostFile(post(frontMatter, body), context())).imageInBody;
		expect(await opens('image: ./cover.jpg', 'We are happy to announce the release.\n\n![The social card](./cover.jpg)\n')).toBe(true);
		expect(await opens('image: ./cover.jpg', 'Intro.\n\nMore intro.\n\n![The social card](./cover.jpg)\n\n<!--truncate-->\n\n## Highlights\n')).toBe(true);
		expect(await opens('image: ./cover.jpg', 'Intro.\n\n1. A step\n\n   <img src="cover.jpg" alt="">\n')).toBe(true);
	});

	test('is not when the body shows another image, or the image among text, or in code or an HTML block, where it is no picture', async () => {
		const opens = async (frontMatter: string, body: string) => (await preparePostFile(post(frontMatter, body), context())).imageInBody;
		expect(await opens('image: ./cover.jpg', 'Text.\n\n```md\n![Cover](./cover.jpg)\n```\n')).toBeUndefined();
		expect(await opens('image: ./cover.jpg', 'Text.\n\n<div>\n![Cover](./cover.jpg)\n</div>\n')).toBeUndefined();
		expect(await opens('image: ./cover.jpg', 'Text.\n\n    ![Cover](./cover.jpg)\n')).toBeUndefined();
		expect(await opens('image: ./cover.jpg', '![Cut](./cut.jpg)\n')).toBeUndefined();
		expect(await opens('image: ./cover.jpg', '![Cover](./cover.jpg) and text on its line\n')).toBeUndefined();
		expect(await opens('', '![Cover](./cover.jpg)\n')).toBeUndefined();
		expect(await opens('image: ./cover.jpg', '    ![Cover](./cover.jpg)\n\nThe Markdown of an image.\n')).toBeUndefined();
	});
});

describe('each featured-image mistake has its own message, with the line', () => {
	test('the post folder itself (.)', async () => {
		expect(await failure("featured_image: '.'")).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image '.' is a folder (src/content/posts/trip), not an image file.
			Hint: Give the image's file name, e.g. ./cover.jpg."
		`);
	});

	test('a folder', async () => {
		expect(await failure('cover: ./photos/')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: cover './photos/' is a folder (src/content/posts/trip/photos), not an image file.
			Hint: Give the image's file name, e.g. ./cover.jpg."
		`);
	});

	test('public/ itself', async () => {
		expect(await failure('image: /')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: image '/' is a folder (public), not an image file.
			Hint: Give the image's file name, e.g. ./cover.jpg."
		`);
	});

	test('a file that is not an image', async () => {
		expect(await failure('featured_image: ./notes.txt')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './notes.txt' (src/content/posts/trip/notes.txt) is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG.
			Hint: Point the path at an image file."
		`);
	});

	test('a web page saved as .jpg', async () => {
		expect(await failure('featured_image: ./page.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './page.jpg' (src/content/posts/trip/page.jpg) is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG.
			Hint: Point the path at an image file."
		`);
	});

	test('an empty file', async () => {
		expect(await failure('featured_image: ./empty.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './empty.jpg' (src/content/posts/trip/empty.jpg) is an empty file (0 bytes).
			Hint: Copy or export the image again: an interrupted download or copy leaves an empty file."
		`);
	});

	test('an image larger than sharp decodes', async () => {
		expect(await failure('featured_image: ./huge.png')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './huge.png' (src/content/posts/trip/huge.png) is 60000×60000 pixels (3,600 megapixels), more than the 268 megapixels sharp decodes: it would be published unoptimised, under the names and types of the smaller images pages ask for.
			Hint: Export it at the size pages show (2,400 pixels wide is plenty); if its header is wrong, export it again."
		`);
	});

	test('a file cut short', async () => {
		expect(await failure('featured_image: ./cut.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './cut.jpg' (src/content/posts/trip/cut.jpg) is a JPEG file that cannot be read: it is truncated or damaged.
			Hint: Copy or export the image again."
		`);
	});

	test('a PNG named .jpg', async () => {
		expect(await failure('featured_image: ./really-png.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './really-png.jpg' (src/content/posts/trip/really-png.jpg) is a PNG image with a name ending in '.jpg'.
			Hint: Rename the file to end in .png, and the path with it."
		`);
	});

	test.each([['./scan.bmp'], ['./photo.heic']])('an unsupported format: %s', async (value) => {
		expect(await failure(`featured_image: ${value}`)).toMatch(/^src\/content\/posts\/trip\/index\.md:4: featured_image '\.\/(scan\.bmp|photo\.heic)' \(src\/content\/posts\/trip\/\1\) is a (BMP|HEIC) image, which Astro cannot optimise\.\nHint: Convert it to JPEG, PNG, WebP or AVIF/);
	});

	test('an SVG with a script', async () => {
		expect(await failure('featured_image: ./trap.svg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './trap.svg' (src/content/posts/trip/trap.svg) is an SVG that contains a script or what could hide one (a <script> element or an embedded page, an on… attribute, a javascript: URL, entity declarations, a stylesheet processing instruction, or an encoding other than UTF-8), which would run on your site if opened on its own.
			Hint: Remove the script from the SVG, or export the image as PNG."
		`);
	});

	test('an SVG without a size', async () => {
		expect(await failure('featured_image: ./sizeless.svg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image './sizeless.svg' (src/content/posts/trip/sizeless.svg) is an SVG without a width and height or a viewBox, so its size is unknown.
			Hint: Add a viewBox to its <svg> element, e.g. viewBox="0 0 1200 630"."
		`);
	});

	test('a path that leaves public/', async () => {
		expect(await failure("featured_image: '/../../../outside.jpg'")).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image '/../../../outside.jpg' points outside public/ (to ../../outside.jpg), so it is refused.
			Hint: Put the image in public/ (e.g. public/images/) and write /images/<name>. Paths starting with / are read from public/, paths starting with ./ from the post's folder."
		`);
	});

	test('a relative path that leaves the project', async () => {
		expect(await failure('featured_image: ../../../../../../../outside.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image '../../../../../../../outside.jpg' points outside the project (to ../../../outside.jpg), so it is refused.
			Hint: Copy the image next to the post and write ./<name>. Paths starting with / are read from public/, paths starting with ./ from the post's folder."
		`);
	});

	test('a % that starts no percent-encoded character', async () => {
		expect(await failure("featured_image: '/images/50%-off.jpg'")).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image '/images/50%-off.jpg' has a % that does not start a percent-encoded character such as %20 or %C3%A9.
			Hint: Write %25 for a % that is part of the file name, or rename the file without it."
		`);
	});

	test('a data: URI', async () => {
		expect(await failure("featured_image: 'data:image/png;base64,iVBORw0KGgo='")).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image 'data:image/png;base64,iVBORw0KGgo=' is a data: URI, which pages cannot optimise or share.
			Hint: Save the image as a file next to the post (./cover.jpg) or in public/ (/images/cover.jpg), and give its path."
		`);
	});

	test('another scheme', async () => {
		expect(await failure("featured_image: 'file:///etc/passwd'")).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image 'file:///etc/passwd' is a file: URL; a featured image is a path or an http(s) URL.
			Hint: Give a path such as ./cover.jpg or /images/cover.jpg, or an https:// URL. Paths starting with / are read from public/, paths starting with ./ from the post's folder."
		`);
	});

	test('a missing file beside the post, with the image of that name in a folder beside it, or the closest image and never another file', async () => {
		expect(await failure('featured_image: ./cat.jpg')).toContain("was not found next to the post (looked for src/content/posts/trip/cat.jpg). Did you mean './images/cat.jpg'?");
		expect(await failure('featured_image: ./covr.jpg')).toContain("Did you mean './cover.jpg'?");
		// Hexo's post beside its asset folder, which holds no other image.
		const entryFile = path.join(root, 'src/content/hexo/hello.md');
		const hexo = preparePostFile(post('cover: hello.jpg'), context({ entryFile, displayPath: 'src/content/hexo/hello.md' }));
		await expect(hexo).rejects.toThrow("src/content/hexo/hello.md:4: cover 'hello.jpg' was not found next to the post (looked for src/content/hexo/hello.jpg) nor in public/ (looked for public/hello.jpg and public/images/hello.jpg). Did you mean './hello/hello.jpg'?");
		const notes = preparePostFile(post('cover: notes.jpg'), context({ entryFile, displayPath: 'src/content/hexo/hello.md' }));
		await expect(notes).rejects.toThrow(/was not found next to the post \(looked for src\/content\/hexo\/notes\.jpg\) nor in public\/ \(looked for public\/notes\.jpg and public\/images\/notes\.jpg\)\.$/);
	});

	test('a missing file, with the closest name', async () => {
		expect(await failure('featured_image: /images/covr.jpg')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: featured_image '/images/covr.jpg' was not found in public/ (looked for public/images/covr.jpg). Did you mean '/images/cover.jpg'?
			Hint: Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file."
		`);
	});
});

describe('a paragraph of unclosed inline HTML openers', () => {
	test('of 100 KB, in a post with HTML and indented code the passes parse, is prepared with each < escaped', async () => {
		const intro = '<div>A block {{ x }} [a](https://example.com)</div>\n\n    indented {{ y }}\n\n';
		for (const unit of ['a <!-- ', 'a <? ']) {
			const paragraph = unit.repeat(Math.ceil(100_000 / unit.length));
			const prepared = await preparePostFile(post('', `${intro}${paragraph}\n`), context());
			expect(prepared.body).toBe(`${intro}${paragraph.replaceAll('<', '\\<')}\n`);
		}
	});
});

describe('drafts in a production build', () => {
	test('leave their images unresolved and their body unrendered, so that nothing of theirs is imported', async () => {
		const source = post('draft: true\nfeatured_image: ./cover.jpg', '![inline](./cover.jpg)\n');
		const hidden = await preparePostFile(source, context());
		expect(hidden.data).not.toHaveProperty('featured_image');
		expect(hidden.body).toBe('');
		expect(hidden.hidden).toBe(true);
		const shown = await preparePostFile(source, context({ showDrafts: true }));
		expect(shown.data.featured_image).toBe('./cover.jpg');
		expect(shown.body).toBe('![inline](./cover.jpg)\n');
		expect(shown.hidden).toBe(false);
	});

	test('are not refused for an image that would be: it is never published', async () => {
		await expect(preparePostFile(post('draft: true\nfeatured_image: /../../outside.jpg'), context())).resolves.toBeDefined();
	});
});

describe('pasted invisible characters', () => {
	test('are removed from front matter and body, with one warning per field naming its line', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(
			post('description: "Soft\\vreturn and \\e[1mESC"\ntags: [ok, "bad\\u0000"]', 'Line one.\nLine\u000btwo \u001b[0m.\n'),
			context(),
		);
		expect(prepared.data.description).toBe('Soft return and ESC');
		expect(prepared.data.tags).toEqual(['ok', 'bad']);
		expect(prepared.body).toBe('Line one.\nLine two .\n');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:4: description: removed 2 invisible characters that feeds cannot carry (U+000B vertical tab, U+001B ESC), with the terminal code an ESC begins ([1m), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.",
			  "src/content/posts/trip/index.md:5: tags: removed an invisible character that feeds cannot carry (U+0000 NUL), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.",
			  "src/content/posts/trip/index.md:8: body: removed 2 invisible characters that feeds cannot carry (U+000B vertical tab, U+001B ESC), with the terminal code an ESC begins ([0m), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.",
			]
		`);
	});
});

describe("a terminal's colour codes pasted with its output (nbconvert's tracebacks)", () => {
	test('are removed whole, the text between them kept, with a warning that names them', async () => {
		warnings.length = 0;
		const traceback = '    \u001B[0;31m---------\u001B[0m\n    \u001B[0;31mValueError\u001B[0m                                Traceback (most recent call last)\n    \u001B[0;31mValueError\u001B[0m: x\n';
		const prepared = await preparePostFile(post('', `Output:\n\n${traceback}`), context());
		expect(prepared.body).toBe('Output:\n\n    ---------\n    ValueError                                Traceback (most recent call last)\n    ValueError: x\n');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: body: removed 6 invisible characters that feeds cannot carry (U+001B ESC), with the terminal codes an ESC begins ([0;31m, [0m), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.',
		]);
	});
});

describe('a post without a title, as micro.blog notes and untitled Hugo pages are', () => {
	test('is titled by the first words of its text, cut at a word past 70 characters, and named once in a warning', async () => {
		const note = await preparePostFile('---\ndate: 2024-03-04\n---\nJust had the *best* coffee in town. ☕\n', context());
		expect([note.data.title, note.untitled]).toEqual(['Just had the best coffee in town. ☕', true]);
		const long = await preparePostFile(
			'---\ntitle: ""\ndate: 2024-03-05\n---\n<!-- a comment -->\n\n```js\ncode()\n```\n\n> A much longer note that goes on and on about the weather, the trains, the [new library](https://example.com) and the rest.\n\nSecond.\n',
			context({ displayPath: 'src/content/posts/2024/234567.md' }),
		);
		expect(long.data.title).toBe('A much longer note that goes on and on about the weather, the trains…');
		expect(untitledWarning()).toBe(
			'2 posts have no title (src/content/posts/2024/234567.md, src/content/posts/trip/index.md), and are titled by their first words, as notes of micro.blog and untitled Hugo pages are: the title names the post in lists, feeds and the browser\'s tab, and its page shows no title above the text. Write a title field to give a post one.',
		);
		expect(untitledWarning()).toBeUndefined();
	});

	test('is titled by words, not by a table, a footnote, display math or a callout\'s marker, which a plain Markdown reading leaves as text', async () => {
		const title = async (body: string) => (await preparePostFile(`---\ndate: 2024-03-04\n---\n${body}`, context())).data.title;
		expect(await title('| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter the table.\n')).toBe('After the table.');
		expect(await title('a | b\n--- | ---\n1 | 2\n\nAfter.\n')).toBe('After.');
		expect(await title('[^1]: The footnote text first.\n\nThe text.\n')).toBe('The text.');
		expect(await title('$$\nE = mc^2\n$$\n\nEnergy.\n')).toBe('Energy.');
		expect(await title('> [!NOTE]\n> Inside a callout.\n')).toBe('Inside a callout.');
		expect(await title('::note\nInside an MDC block.\n::\n')).toBe('Inside an MDC block.');
		// Text that only opens like one, or a post with nothing else, is titled by it.
		expect(await title('|x| is the absolute value of x.\n')).toBe('|x| is the absolute value of x.');
		expect(await title('Body claim[^1] here.\n\n[^1]: The note.\n')).toBe('Body claim here.');
		expect(await title('$$\nE = mc^2\n$$\n')).toBe('$$ E = mc^2 $$');
		untitledWarning();
	});

	test('keeps its title error with nothing to title it by, in strict mode, and in MDX', async () => {
		expect(await preparePostFile('---\ndate: 2024-03-04\n---\n![](/images/x.png)\n', context())).not.toHaveProperty('untitled');
		const strict = await preparePostFile('---\ndate: 2024-03-04\n---\nWords.\n', context({ config: { timeZone: 'UTC', strict: true, locale: 'en', remoteImageTimeout: 15 } }));
		expect([strict.data.title, strict.untitled]).toEqual([undefined, undefined]);
		untitledWarning();
	});
});

describe('a heading written without a space after its hashes (##Configuración)', () => {
	const body = ['## Introducción', 'Texto.', '', '##Configuración', 'Configurar.', '', 'A paragraph', '##that goes on.', '', '#hashtag', '', '```c', '', '#include <stdio.h>', '```', '', '<pre>', '', '#define X 1', '</pre>', ''].join('\n');

	test("is a heading in a Pelican post, as Python-Markdown reads it, and in a Jekyll post, as kramdown does, with no warning; code, HTML and a paragraph's next line are left alone", async () => {
		warnings.length = 0;
		const expected = ['## Introducción', 'Texto.', '', '## Configuración', 'Configurar.', '', 'A paragraph', '##that goes on.', '', '# hashtag', '', '```c', '', '#include <stdio.h>', '```', '', '<pre>', '', '#define X 1', '</pre>', ''].join('\n');
		const pelican = await preparePostFile(`Title: Pelican\nDate: 2023-11-02 19:08\nCategory: Tutorials\n\n${body}`, context());
		expect(pelican.body).toBe(expected);
		const jekyll = await preparePostFile(post('layout: post', body), context({ displayPath: 'src/content/posts/_posts/2023-11-02-pelican.md', entryFile: path.join(root, 'src/content/posts/_posts/2023-11-02-pelican.md') }));
		expect(jekyll.body).toBe(expected);
		expect(warnings).toEqual([]);
	});

	test('is left as text in a post of another engine, which CommonMark reads, with a warning naming its line and the fix; a #hashtag is not warned about', async () => {
		warnings.length = 0;
		const hugo = await preparePostFile(post('tags: [x]', body), context());
		expect(hugo.body).toBe(body);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:9: "##Configuración" is shown as text, not as a heading: Markdown reads a heading only with a space after its ##. Write "## Configuración" to make it a heading.',
		]);
	});

	test('is a heading in a nanoc article, which kramdown renders too, and stays text with its warning in a Hugo post', async () => {
		const text = 'Intro.\n\n##Configuración\n\nConfigurar.\n';
		const nanoc = await renderedPost(text, { file: 'content/posts/post.md', header: '---\ntitle: Post\ncreated_at: 2024-01-01\nkind: article\n---\n' });
		expect([nanoc.$('h2').text(), nanoc.warnings]).toEqual(['Configuración', []]);
		const hugo = await renderedPost(text, { file: 'src/content/posts/trip/index.md', frontMatter: 'tags: [x]\n' });
		expect([hugo.$('h2').length, hugo.$('p').eq(1).text()]).toEqual([0, '##Configuración']);
		expect(hugo.warnings).toEqual([
			'src/content/posts/trip/index.md:8: "##Configuración" is shown as text, not as a heading: Markdown reads a heading only with a space after its ##. Write "## Configuración" to make it a heading.',
		]);
	});

	test("loses its closing hashes in a Jekyll post, as kramdown reads ###Some Title###, and is told how to write it elsewhere, without the line end of a Windows file", async () => {
		warnings.length = 0;
		const jekyll = await preparePostFile(post('layout: post', '###Some Title###\r\nText.\r\n\r\n##C\\##\r\n'), context({ displayPath: 'src/content/posts/_posts/2013-01-01-a.md', entryFile: path.join(root, 'src/content/posts/_posts/2013-01-01-a.md') }));
		// kramdown keeps a hash escaped with a backslash: C\# shows C#.
		expect(jekyll.body).toBe('### Some Title\r\nText.\r\n\r\n## C\\#\r\n');
		expect(warnings).toEqual([]);
		await preparePostFile(post('tags: [x]', '###Closing hashes###\r\nText.\r\n'), context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:6: "###Closing hashes###" is shown as text, not as a heading: Markdown reads a heading only with a space after its ###. Write "### Closing hashes" to make it a heading.',
		]);
	});

	test('is found in linear time in a body of 100 KB of hashes', async () => {
		for (const text of ['#'.repeat(100_000), `${'##a\n'.repeat(25_000)}`, `<pre>\n${'#a\n\n'.repeat(30_000)}`]) {
			const started = performance.now();
			unspacedHeadings(text, true);
			expect(performance.now() - started).toBeLessThan(500);
		}
	});
});

describe("nbconvert's <style scoped> before a DataFrame's table", () => {
	test('is left out with a warning naming its line when a blank line inside it would show its rules as text, and the table is kept', async () => {
		warnings.length = 0;
		const css = ['<div>', '<style scoped>', '.dataframe tbody tr th:only-of-type {', '    vertical-align: middle;', '}', '', '.dataframe thead th {', '    text-align: right;', '}', '</style>', '<table border="1" class="dataframe"><tr><td>1</td></tr></table>', '</div>', '', 'After.', ''].join('\n');
		const prepared = await preparePostFile(post('', css), context());
		expect(prepared.body.split('\n')).toEqual(['<div>', '', '', '', '', '', '', '', '', '', '<table border="1" class="dataframe"><tr><td>1</td></tr></table>', '</div>', '', 'After.', '']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:7: the <style scoped> up to its </style> (the rules nbconvert writes for a notebook\'s DataFrame tables) is left out: a blank line inside it ended the HTML, and its rules would have been shown as text. Remove the blank lines to keep the style, or remove the style.',
		]);
	});
});

describe('invisible characters pasted raw into the front matter, which YAML and TOML refuse', () => {
	test('are removed before it is read, with a warning naming their line, in a quoted or plain YAML value, in TOML and in JSON', async () => {
		warnings.length = 0;
		const yaml = await preparePostFile(post('description: "Bold \u001b[1mword"\nimage_alt: plain\u0000 text\nsubtitle: \'single\u000bquoted\''), context());
		expect([yaml.data.description, yaml.data.image_alt ?? yaml.data.imageAlt, yaml.data.subtitle]).toEqual(['Bold word', 'plain text', 'single quoted']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front matter: removed an invisible character that feeds cannot carry (U+001B ESC), with the terminal code an ESC begins ([1m), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
			'src/content/posts/trip/index.md:5: front matter: removed an invisible character that feeds cannot carry (U+0000 NUL), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
			'src/content/posts/trip/index.md:6: front matter: removed an invisible character that feeds cannot carry (U+000B vertical tab), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
		]);
		const toml = await preparePostFile('+++\ntitle = "TOML \u001b title"\ndate = 2024-01-01\n+++\nBody.\n', context());
		expect(toml.data.title).toBe('TOML  title');
		warnings.length = 0;
		const json = await preparePostFile('\uFEFF{\n  "title": "JSON \u001b title",\n  "date": "2024-01-01",\n  "tags": ["a\u0000b"]\n}\nBody \u0007.\n', context());
		expect([json.data.title, json.data.tags]).toEqual(['JSON  title', ['ab']]);
		expect(warnings.map((warning) => warning.split(': removed')[0])).toEqual(['src/content/posts/trip/index.md:2: front matter', 'src/content/posts/trip/index.md:4: front matter', 'src/content/posts/trip/index.md:6: body']);
	});
});

describe('tags written as one string with commas', () => {
	test('are split, with a warning that shows the list to write', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('tags: "Voyage, Été 2024, C++"'), context());
		expect(prepared.data.tags).toEqual(['Voyage', 'Été 2024', 'C++']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:4: tags: "Voyage, Été 2024, C++" is one string with commas; it is read as the tags ["Voyage","Été 2024","C++"]. Write tags: [Voyage, Été 2024, "C++"] to say so (or ["Voyage, Été 2024, C++"] for one tag with a comma).",
			]
		`);
	});

	test("are split without a warning in a post written for DEV, which writes its tags so", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('tags: javascript, webdev, beginners\ncanonical_url: https://example.com/trip'), context());
		expect(prepared.data.tags).toEqual(['javascript', 'webdev', 'beginners']);
		expect(warnings).toEqual([]);
	});

	test("are split without a warning in a post with DEV's published flag and none of its other fields, as DEV's own front matter is; beside a Jekyll layout, the flag is Jekyll's and the warning stays", async () => {
		warnings.length = 0;
		const dev = await preparePostFile("---\ntitle: 'jyt - a converter between JSON <> YAML <> TOML'\npublished: true\ndate: 2022-03-05\ntags: rust, webassembly, opensource\n---\nBody.\n", context());
		const unpublished = await preparePostFile('---\ntitle: Pinned\npublished: false\ndate: 2026-10-05\ntags: devchallenge, sanity\n---\nBody.\n', context({ showDrafts: true }));
		expect([dev.data.tags, unpublished.data.tags]).toEqual([['rust', 'webassembly', 'opensource'], ['devchallenge', 'sanity']]);
		expect(warnings).toEqual([]);
		const jekyll = await preparePostFile('---\nlayout: post\ntitle: Saga\npublished: true\ndate: 2017-06-14\ntags: gnome, fonts\n---\nBody.\n', context());
		expect(jekyll.data.tags).toEqual(['gnome', 'fonts']);
		expect(warnings).toEqual([expect.stringContaining('src/content/posts/trip/index.md:6: tags: "gnome, fonts" is one string with commas')]);
	});

	test("are split without a warning in a Hashnode backup, which writes its tags so", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('datePublished: Mon Jul 15 2024 18:47:50 GMT+0000 (Coordinated Universal Time)\ncuid: clync7fww000a0alf7h7q7suq\nslug: linux-cheat-sheet\ntags: linux, learning, devops, cheatsheet, 90daysofdevops'), context());
		expect(prepared.data.tags).toEqual(['linux', 'learning', 'devops', 'cheatsheet', '90daysofdevops']);
		expect(warnings).toEqual([]);
	});

	test('a single tag stays as it is', async () => {
		const prepared = await preparePostFile(post('tags: Voyage'), context());
		expect(prepared.data.tags).toBe('Voyage');
	});
});

describe('an MDX post that imports a package', () => {
	const mdx = context({ displayPath: 'src/content/posts/trip/index.mdx', entryFile: path.join(postDir, 'index.mdx') });

	test('that the site has not installed stops the build with the line, the package and what to do', async () => {
		const error = await preparePostFile(post('', "import { Callout } from 'nextra/components';\n\n<Callout>Hi</Callout>\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toBe(
			"src/content/posts/trip/index.mdx:6: imports 'nextra/components' from the package nextra, which is not installed in this site.\nHint: Install it (npm install nextra) if it is made for Astro or plain React, Vue or Svelte with their Astro integration; a component of another framework's blog (Nextra, Next.js, VitePress) does not run in Astro: remove the import and the components it brings, or import a component of your own from src/components/ in its place.",
		);
	});

	test("of Starlight's components stops the build with a callout to write instead, as installing Starlight would not make it work", async () => {
		const error = await preparePostFile(post('', "import { Aside } from '@astrojs/starlight/components';\n\n<Aside>Careful.</Aside>\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((error as Error).message).toContain("index.mdx:6: imports '@astrojs/starlight/components', components of Starlight, which work only in Starlight's own pages");
		expect((error as { hint?: string }).hint).toBe('Write an <Aside> as a callout (> [!NOTE], > [!CAUTION] Its title) and <Tabs> as sections, and remove the import.');
	});

	test('that is installed, Node\'s own, virtual, an alias the site defines or a file that exists, is left to the bundler', async () => {
		mkdirSync(path.join(root, 'src/components'), { recursive: true });
		writeFileSync(path.join(root, 'src/components/Note.astro'), '');
		writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
		const body = "import { Image } from 'astro:assets';\nimport sharp from 'sharp';\nimport { join } from 'node:path';\nimport fs from 'fs';\nimport Card from '@/components/Card.astro';\nimport Note from '../../../components/Note.astro';\n\nText.\n";
		try {
			await expect(preparePostFile(post('', body), mdx)).resolves.toBeDefined();
		} finally {
			rmSync(path.join(root, 'tsconfig.json'));
		}
	});

	test("of several modules the site cannot load names them all in one error, each with its line, as astro-theme-frosti's posts import nine components", async () => {
		const body = "import Collapse from '../../components/blog/collapse.astro';\nimport Diff from '../../components/blog/diff.astro';\nimport { Image } from 'astro:assets';\nimport { Callout } from 'nextra/components';\n\n<Collapse>Hi</Collapse>\n";
		const error = await preparePostFile(post('', body), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.mdx:6: imports 3 modules this site cannot load:
			- line 6: '../../components/blog/collapse.astro', a file that does not exist (looked for src/content/components/blog/collapse.astro)
			- line 7: '../../components/blog/diff.astro', a file that does not exist (looked for src/content/components/blog/diff.astro)
			- line 9: 'nextra/components' from the package nextra, which is not installed in this site
			Hint: Copy the file there (a component, or the data it exports), correct the path, or remove the import and what the post does with it. Install it (npm install nextra) if it is made for Astro or plain React, Vue or Svelte with their Astro integration; a component of another framework's blog (Nextra, Next.js, VitePress) does not run in Astro: remove the import and the components it brings, or import a component of your own from src/components/ in its place."
		`);
	});

	test("through an alias the site does not define, or of a file that does not exist, stops the build with the line and what to do", async () => {
		const alias = await preparePostFile(post('', "import Callout from '@/components/Callout.astro';\n\n<Callout>Hi</Callout>\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((alias as Error).message).toBe("src/content/posts/trip/index.mdx:6: imports '@/components/Callout.astro', through the alias @/, which this site does not define (the theme the post comes from did, in its tsconfig.json).");
		expect((alias as { hint?: string }).hint).toContain('"@/*": ["./src/*"]');
		// A theme's alias reads like a scoped package: it is named as the alias it is, not as a package to install.
		const themeAlias = await preparePostFile(post('', "import Counter from '@components/Counter';\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((themeAlias as Error).message).toBe("src/content/posts/trip/index.mdx:6: imports '@components/Counter', through the alias @components/, which this site does not define (the theme the post comes from did, in its tsconfig.json).");
		expect((themeAlias as { hint?: string }).hint).not.toContain('npm install');
		const missing = await preparePostFile(post('', "\n\nimport Gone from './Gone.astro';\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((missing as Error).message).toBe("src/content/posts/trip/index.mdx:8: imports './Gone.astro', a file that does not exist (looked for src/content/posts/trip/Gone.astro).");
		// A path from the project's root, as astro.build's posts write them.
		const fromRoot = await preparePostFile(post('', "\nimport Mention from '/src/components/Mention.astro';\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((fromRoot as Error).message).toBe("src/content/posts/trip/index.mdx:7: imports '/src/components/Mention.astro', a file that does not exist (looked for src/components/Mention.astro).");
		// A Node subpath (fumadocs' posts), which no package.json "imports" defines; defined, it is the bundler's.
		const subpath = await preparePostFile(post('', "import { Callout } from '#components/callout';\n"), mdx).catch((caught: Error & { hint?: string }) => caught);
		expect((subpath as Error).message).toBe("src/content/posts/trip/index.mdx:6: imports '#components/callout', through the subpath #components/, which this site's package.json does not define (the site the post comes from did, in its \"imports\").");
		expect((subpath as { hint?: string }).hint).toContain('"imports": { "#components/*": "./src/components/*" }');
		writeFileSync(path.join(root, 'package.json'), '{ "imports": { "#components/*": "./src/components/*" } }');
		try {
			await expect(preparePostFile(post('', "import { Callout } from '#components/callout';\n"), mdx)).resolves.toBeDefined();
		} finally {
			rmSync(path.join(root, 'package.json'));
		}
		// A path of the file system itself, which Vite reads.
		writeFileSync(path.join(postDir, 'Here.astro'), '<span>Here</span>\n');
		await expect(preparePostFile(post('', `\nimport Here from '${path.join(postDir, 'Here.astro')}';\n`), mdx)).resolves.toBeDefined();
	});

	test('is warned about for each link to a file beside it, which the build publishes from Markdown posts only', async () => {
		writeFileSync(path.join(postDir, 'mdx-slides.pdf'), 'PDF');
		warnings.length = 0;
		await preparePostFile(post('', 'Intro.\n\n[the slides](./mdx-slides.pdf#page=2) and [again](mdx-slides.pdf), [gone](./gone.pdf), ![photo](./photo.jpg)\n'), mdx);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.mdx:8: the link \"./mdx-slides.pdf#page=2\" names a file beside the post, which the build publishes from Markdown posts only, not from MDX: the link would lead nowhere. Import the file's address and link to it (import slides from './mdx-slides.pdf?url&no-inline', then <a href={slides}>), or move the file to public/ and link to it from the site's root (/files/…).",
			expect.stringContaining('index.mdx:8: the link "mdx-slides.pdf" names a file beside the post'),
		]);
	});

	test("is warned about for an <img> of a file beside it as an image, with a Markdown image's or an import's advice", async () => {
		mkdirSync(path.join(postDir, 'images'), { recursive: true });
		writeFileSync(path.join(postDir, 'images', 'small.jpg'), 'JPG');
		warnings.length = 0;
		await preparePostFile(post('', '<div class="Image__Small">\n  <img src="./images/small.jpg" alt="alt text for small image" />\n</div>\n'), mdx);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.mdx:7: the image "./images/small.jpg" of an <img> names a file beside the post, which the build publishes from Markdown posts only, not from MDX: the image would show nothing. ' +
				"Write it as a Markdown image (![its description](./images/small.jpg)), which Astro optimises in MDX too, or import it (import picture from './images/small.jpg', then <img src={picture.src} />).",
		]);
	});
});

describe('an MDX post that uses components', () => {
	const mdx = context({ displayPath: 'src/content/posts/trip/index.mdx', entryFile: path.join(postDir, 'index.mdx') });

	test('that it neither imports nor defines stops the build with the line; imported, exported and code ones pass', async () => {
		const given = await preparePostFile(post('', '## Overview\n\n<TOCInline toc={props.toc} exclude="Overview" />\n'), mdx).catch((caught: Error) => caught);
		expect((given as Error).message).toBe('src/content/posts/trip/index.mdx:8: uses the component <TOCInline>, which the post neither imports nor defines: the blog it comes from gave it to every post, and Carnet gives none.');
		// The import the hint proposes works from the post's own folder, however deep.
		expect((given as Error & { hint: string }).hint).toContain("(import TOCInline from '../../../components/TOCInline.astro')");
		const deep = context({ displayPath: 'src/content/posts/2024/node/v22.mdx', entryFile: path.join(root, 'src/content/posts/2024/node/v22.mdx') });
		const deeper = await preparePostFile(post('', '<AlertBox>Careful.</AlertBox>\n'), deep).catch((caught: Error) => caught);
		expect((deeper as Error & { hint: string }).hint).toContain("(import AlertBox from '../../../../components/AlertBox.astro')");
		const own = [
			"import { Tabs as T, Item } from '../../../components/tabs.ts';",
			'export const Badge = (props) => <strong>{props.children}</strong>;',
			'',
			'<T><Item>One</Item></T> <Badge>new</Badge> <Fragment>x</Fragment>',
			'',
			'`<Inline />` and:',
			'',
			'```jsx',
			'<Shown />',
			'```',
		].join('\n');
		mkdirSync(path.join(root, 'src/components'), { recursive: true });
		writeFileSync(path.join(root, 'src/components/tabs.ts'), 'export const Tabs = 1; export const Item = 2;');
		await expect(preparePostFile(post('', own), mdx)).resolves.toBeDefined();
		// Read as the MDX compiler reads them: a comment, a string in an export, a fence in a quote or a list item.
		// Astro's components export gives the post the components it maps.
		await expect(preparePostFile(post('', "import Note from '../../../components/tabs.ts';\nexport const components = { Callout: Note };\n\n<Callout>Remember.</Callout>"), mdx)).resolves.toBeDefined();
		const compiled = ["export const meta = {\n  title: 'Why Array<T> matters',\n};", '', '{/* <TOCInline toc={props.toc} /> */}', '', '> ```jsx', '> <Button />', '> ```', '', '-   ```jsx', '    <Other />', '    ```'].join('\n');
		await expect(preparePostFile(post('', compiled), mdx)).resolves.toBeDefined();
	});

	test('that it neither imports nor defines are named all in one error, each with its lines', async () => {
		const body = '<Image src="/a.png" alt="a" />\n\n<HeroImage src="/b.jpg" desc="b" />\n\n<ConvSnippet name="Xe">Hi</ConvSnippet> and <Image src="/c.png" />\n';
		const error = await preparePostFile(post('', body), mdx).catch((caught: Error) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toBe(
			'src/content/posts/trip/index.mdx:6: uses the components <Image> (lines 6, 10), <HeroImage> (line 8) and <ConvSnippet> (line 10), which the post neither imports nor defines: the blog it comes from gave them to every post, and Carnet gives none.\n' +
				"Hint: Remove them (their text, if they have some, can stay as Markdown), or import components of your own in their place (import Image from '../../../components/Image.astro'; import HeroImage from '../../../components/HeroImage.astro'; import ConvSnippet from '../../../components/ConvSnippet.astro').",
		);
	});
});

describe('an MDX post that requires files, as Docusaurus posts do', () => {
	const mdx = context({ displayPath: 'src/content/posts/trip/index.mdx', entryFile: path.join(postDir, 'index.mdx') });

	test("imports a file beside the post where its require() was, public/'s by its address under the base, after the last line; code stays as written", () => {
		const text = [
			'---',
			'title: Trip',
			'---',
			'<img',
			"    src={require('./cover.jpg').default}",
			'/>',
			'<a href={ require("./cover.jpg") }>again</a> <img src={require(\'@site/static/images/cover.jpg\').default} />',
			'`src={require(\'./cover.jpg\').default}` and <img src={require(\'./gone.jpg\').default} />',
			'```jsx',
			"<img src={require('./cover.jpg').default} />",
			'```',
		].join('\n');
		expect(mdxRequiresAsImports(text, mdx.entryFile, { root, publicDir: path.join(root, 'public'), base: '/blog/' }).split('\n')).toEqual([
			'---',
			'title: Trip',
			'---',
			'<img',
			'    src={__carnetFile0}',
			'/>',
			'<a href={ __carnetFile0 }>again</a> <img src={"/blog/images/cover.jpg"} />',
			"`src={require('./cover.jpg').default}` and <img src={require('./gone.jpg').default} />",
			'```jsx',
			"<img src={require('./cover.jpg').default} />",
			'```',
			'',
			"import __carnetFile0 from \"./cover.jpg?url&no-inline\";",
			'',
		]);
		// A fence left open: the imports come after it is closed.
		expect(mdxRequiresAsImports("<img src={require('./cover.jpg').default} />\n````md\nx", mdx.entryFile, { root, publicDir: path.join(root, 'public'), base: '/' })).toBe(
			'<img src={__carnetFile0} />\n````md\nx\n````\n\nimport __carnetFile0 from "./cover.jpg?url&no-inline";\n',
		);
		const started = performance.now();
		mdxRequiresAsImports(`<img src={${' '.repeat(100_000)}require(${' '.repeat(100_000)}'./a.png'${'='.repeat(100_000)}`, mdx.entryFile, { root, publicDir: path.join(root, 'public'), base: '/' });
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('that does not exist stops the build with the line and the file looked for', async () => {
		const error = await preparePostFile(post('', "Intro.\n\n<img\n  alt=\"x\"\n  src={require('./figures/gone.png').default}\n/>\n"), mdx).catch((caught: Error) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toBe(
			"src/content/posts/trip/index.mdx:10: require('./figures/gone.png') names a file that does not exist (looked for src/content/posts/trip/figures/gone.png).\nHint: Copy the file there (beside the post, for a path starting with ./), or correct the path.",
		);
		const fromStatic = await preparePostFile(post('', "<img src={require('@site/static/img/gone.png').default} />\n"), mdx).catch((caught: Error) => caught);
		expect((fromStatic as Error).message).toBe("src/content/posts/trip/index.mdx:6: require('@site/static/img/gone.png') names a file that does not exist (looked for public/img/gone.png).");
		await expect(preparePostFile(post('', "<img src={require('./cover.jpg').default} />\n\n```jsx\n<img src={require('./gone.png').default} />\n```\n"), mdx)).resolves.toBeDefined();
	});
});

describe('an empty post file', () => {
	test('is refused as empty, not as a post without a title', async () => {
		for (const [contents, what] of [['', '(0 bytes)'], ['\n  \n', '(white space only)']] as const) {
			const error = await preparePostFile(contents, context()).catch((caught: Error & { hint?: string }) => caught);
			expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toBe(
				`src/content/posts/trip/index.md: the file is empty ${what}, so it has no title, date or body to publish.\nHint: Write the post in it (front matter between two --- lines, then the body), or delete the file.`,
			);
		}
	});
});

describe('one field written under two of its names', () => {
	test('with different values, says which is used and which ignored, naming the line; with the same value, says nothing', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(
			post('lastmod: 2024-03-01\nupdated: 2024-02-01\ncanonical: https://a.example/x\ncanonical_url: https://b.example/y\nimage_alt: A cat\nimageAlt: A cat'),
			context(),
		);
		expect((prepared.data.updated as Date).toISOString()).toBe('2024-02-01T00:00:00.000Z');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: updated and lastmod each give the post\'s update date, with different values; updated ("2024-02-01T00:00:00.000Z") is used, and lastmod ("2024-03-01T00:00:00.000Z") ignored. Keep the one you mean.',
			'src/content/posts/trip/index.md:6: canonical_url and canonical each give the post\'s original address, with different values; canonical_url ("https://b.example/y") is used, and canonical ("https://a.example/x") ignored. Keep the one you mean.',
		]);
	});

	test('an update dated before the post is warned about, naming its line; one on the same day or after is not', async () => {
		warnings.length = 0;
		await preparePostFile(post('updated: 1999-01-01'), context());
		await preparePostFile(post('lastmod: 2024-01-01\nupdated: 2024-01-01'), context());
		// The post's hour, and its update's day alone: the same day.
		await preparePostFile('---\ntitle: Trip\ndate: 2024-05-01T15:00\nlastmod: 2024-05-01\n---\nBody.\n', context());
		// Two names of the update on the same day are one value.
		await preparePostFile(post('lastmod: 2024-02-01\nupdated: 2024-02-01T10:00'), context());
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:4: updated (1999-01-01T00:00:00.000Z) is before the post's date (2024-01-01T00:00:00.000Z), so the post says it was updated before it was written, and so do its JSON-LD and sitemap entry. Correct the date, or remove the field if the post was not updated.",
		]);
	});

	test("a CMS's time of the last save (updated_at) before a post scheduled for later is no update, and is not warned about", async () => {
		warnings.length = 0;
		// Statamic: an entry dated by its file, saved on 18 September 2022 at 15:43 UTC, published in 2023.
		const statamic = context({ displayPath: 'src/content/posts/2023-01-05.later.md', entryFile: path.join(root, 'src/content/posts/2023-01-05.later.md') });
		const scheduled = await preparePostFile('---\ntitle: Later\nupdated_at: 1663515787\n---\nBody.\n', statamic);
		expect(scheduled.data).not.toHaveProperty('updated_at');
		const edited = await preparePostFile('---\ntitle: Later\nupdated_at: 1700000000\n---\nBody.\n', statamic);
		expect((edited.data.updated_at as Date).toISOString()).toBe('2023-11-14T22:13:20.000Z');
		expect(warnings).toEqual([]);
	});

	test("a date with its day and month in an order no date says is put in order by the file name's date (Supabase's '03-05-2021' in 2021-03-05-….mdx), and refused without one", async () => {
		const supabase = context({ displayPath: 'src/content/posts/2021-03-05-cron.md', entryFile: path.join(root, 'src/content/posts/2021-03-05-cron.md') });
		const monthFirst = await preparePostFile("---\ntitle: Cron\ndate: '03-05-2021'\n---\nBody.\n", supabase);
		const dayFirst = await preparePostFile("---\ntitle: Cron\ndate: 05/03/2021 10:30\n---\nBody.\n", supabase);
		expect([(monthFirst.data.date as Date).toISOString(), (dayFirst.data.date as Date).toISOString()]).toEqual(['2021-03-05T00:00:00.000Z', '2021-03-05T10:30:00.000Z']);
		await expect(preparePostFile("---\ntitle: Cron\ndate: '04-06-2021'\n---\nBody.\n", supabase)).rejects.toThrow('cannot be told');
		const undated = context({ displayPath: 'src/content/posts/cron.md', entryFile: path.join(root, 'src/content/posts/cron.md') });
		await expect(preparePostFile("---\ntitle: Cron\ndate: '03-05-2021'\n---\nBody.\n", undated)).rejects.toThrow('cannot be told');
	});

	test("a date in ISO 8601's basic format (the Next.js blog starter's date: 20210112T141701-0600, read there by date-fns' parseISO) dates the post, as does date: 20210112, which YAML reads as a number; a day no calendar has stops the build, naming its line", async () => {
		const nextjs = (date: string) => `---\ntitle: Dynamic Routing\ndate: ${date}\n---\nBody.\n`;
		expect(((await preparePostFile(nextjs('20210112T141701-0600'), context())).data.date as Date).toISOString()).toBe('2021-01-12T20:17:01.000Z');
		expect(((await preparePostFile(nextjs('20210112'), context())).data.date as Date).toISOString()).toBe('2021-01-12T00:00:00.000Z');
		await expect(preparePostFile(nextjs('20211340'), context())).rejects.toThrow('src/content/posts/trip/index.md:3: date: "20211340" is not a day and time of the calendar.');
	});

	test("a date with its day and month parted by spaces (astro-theme-frosti's pubDate: 07 18 2024) is read as one parted by slashes, refused with the same words when the order cannot be told, and a date: put in order by a file name's date", async () => {
		const frosti = (date: string) => `---\ntitle: Frosti\npubDate: ${date}\n---\nBody.\n`;
		expect(((await preparePostFile(frosti('07 18 2024'), context())).data.pubDate as Date).toISOString()).toBe('2024-07-18T00:00:00.000Z');
		const refusal = (date: string) => preparePostFile(frosti(date), context()).then(() => '', (error: Error) => error.message);
		const [spaced, slashed] = [await refusal('07 12 2024'), await refusal('07/12/2024')];
		expect(spaced).toContain('"07 12 2024" has its day and month in an order that cannot be told (day first, or month first?)');
		expect(spaced).toBe(slashed.replace('07/12/2024', '07 12 2024'));
		const dated = context({ displayPath: 'src/content/posts/2024-07-12-frosti.md', entryFile: path.join(root, 'src/content/posts/2024-07-12-frosti.md') });
		expect(((await preparePostFile("---\ntitle: Frosti\ndate: 07 12 2024\n---\nBody.\n", dated)).data.date as Date).toISOString()).toBe('2024-07-12T00:00:00.000Z');
	});

	test("Hugo's images list naming a file that is not there is warned about by its name, and the post builds without a featured image, as Hugo builds it", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('images: [falco-hobeybee-featured.png]'), context());
		expect(prepared.data).not.toHaveProperty('featured_image');
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: images: 'falco-hobeybee-featured\.png' was not found.* The post has no featured image\./)]);
		expect(await failure('featured_image: ./gone.png')).toMatch(/^src\/content\/posts\/trip\/index\.md:4: featured_image '\.\/gone\.png' was not found/);
	});

	test("Gatsby's path is the post's old address, and nanoc's author_name and scala-lang's by are its author", async () => {
		const gatsby = await preparePostFile(post('path: /blog/2021/04/06/war-games'), context());
		expect([gatsby.data.permalink, gatsby.data.path]).toEqual(['/blog/2021/04/06/war-games', undefined]);
		expect((await preparePostFile(post('author_name: Julius Volz'), context())).data.author).toBe('Julius Volz');
		expect((await preparePostFile(post('by: Martin Odersky'), context())).data.author).toBe('Martin Odersky');
		expect((await preparePostFile(post('author: Ada\nby: Grace'), context())).data).toMatchObject({ author: 'Ada', by: 'Grace' });
	});

	test("a slug written as an address, as Gatsby's starters write it, stays the slug it made, and the address as written, with its trailing slash, is derived as an old address; Medium's handle is not", async () => {
		const lumen = await preparePostFile(post('slug: /posts/the-birth-of-movable-type/'), context());
		expect([lumen.id, lumen.data.aliases, lumen.source.derivedAliases]).toEqual(['posts-the-birth-of-movable-type', undefined, [{ path: '/posts/the-birth-of-movable-type/', key: 'slug' }]]);
		const relative = await preparePostFile(post('slug: a/b'), context());
		expect([relative.id, relative.source.derivedAliases]).toEqual(['a-b', [{ path: '/a/b/', key: 'slug' }]]);
		const docusaurus = await preparePostFile(post('slug: /2021/hello'), context());
		expect([docusaurus.id, docusaurus.source.derivedAliases]).toEqual(['2021-hello', [{ path: '/2021/hello/', key: 'slug' }]]);
		expect((await preparePostFile(post('slug: /@ada/my-post-1a2b3c'), context())).source.derivedAliases).toBeUndefined();
		expect((await preparePostFile(post('slug: hello'), context())).source.derivedAliases).toBeUndefined();
	});

	test("the Go blog's by, a list, gives the post's authors", async () => {
		expect((await preparePostFile(post('by:\n- Russ Cox\n- Filippo Valsorda'), context())).data.authors).toEqual(['Russ Cox', 'Filippo Valsorda']);
		expect((await preparePostFile(post('authors: [Ada]\nby: [Grace]'), context())).data).toMatchObject({ authors: ['Ada'], by: ['Grace'] });
	});

	test("a description with code written as Markdown (svelte.dev's ``Introducing `sv` ``) is the code's text", async () => {
		expect((await preparePostFile(post('description: Introducing `sv`, the brand new Svelte CLI'), context())).data.description).toBe('Introducing sv, the brand new Svelte CLI');
	});

	test("a description written in Markdown (Docsy's **bold**, links, emphasis, images) is the text it reads as; one without marks, or read as a list, stays as written", async () => {
		const described = async (value: string) => (await preparePostFile(post(`description: ${JSON.stringify(value)}`), context())).data.description;
		expect(await described('**New**: the [CLI](/docs/cli) is *fast*, `x < y` ![logo](/l.png)')).toBe('New: the CLI is fast, x < y logo');
		expect(await described('Use `**kwargs` with <kbd>Ctrl</kbd> and __init__')).toBe('Use **kwargs with <kbd>Ctrl</kbd> and __init__');
		expect((await preparePostFile(post('summary: "A *short* one"'), context())).data.summary).toBe('A short one');
		for (const plain of ['snake_case_name and 5 * 3', '1. Intro to *this*', '# tags *here*', 'Tom \\* [not a link]', 'Two\n\nparagraphs']) expect(await described(plain)).toBe(plain);
		// Its character references are the characters, as in titles.
		expect(await described('Tom &amp; Jerry \\* [not a link]')).toBe('Tom & Jerry \\* [not a link]');
		expect(await described('One *a*\n\nTwo')).toBe('One a\n\nTwo');
	});

	test("a title written with Markdown's emphasis (So Simple's `Title *with* **Markdown**`) is its text; a name between underscores (__init__) stays as written", async () => {
		const titled = async (value: string) => (await preparePostFile(`---\ntitle: ${JSON.stringify(value)}\ndate: 2024-01-01\n---\nBody.\n`, context())).data.title;
		expect(await titled('Markup: Title *with* **Markdown**')).toBe('Markup: Title with Markdown');
		expect(await titled('Understanding __init__ and `__main__`')).toBe('Understanding __init__ and __main__');
		expect(await titled('What does if __name__ == "__main__": do?')).toBe('What does if __name__ == "__main__": do?');
		expect(await titled('Python *args and **kwargs')).toBe('Python *args and **kwargs');
		expect(await titled('Tips &amp; *Tricks*')).toBe('Tips & Tricks');
		// Stars against a slash, a dot or a digit are globs, products and patterns.
		expect(await titled('Globs: src/*.js and lib/*.ts')).toBe('Globs: src/*.js and lib/*.ts');
		expect(await titled('Why 2*3*4 = 24, and a*b*c, and .*foo.*')).toBe('Why 2*3*4 = 24, and a*b*c, and .*foo.*');
		expect(await titled('“*Quoted*” and (**bracketed**), `src/*.js`')).toBe('“Quoted” and (bracketed), src/*.js');
		expect(await titled('新しい*機能*の紹介、**New**—the *Hamlet*-like')).toBe('新しい機能の紹介、New—the Hamlet-like');
		// What is left as written has its character references read all the same.
		expect(await titled('_Tom &amp; Jerry_ in `code`')).toBe('_Tom & Jerry_ in code');
		// Hundreds of markers are read as written, in no time.
		const stars = `${'*'.repeat(4990)}a${'*'.repeat(4990)}`;
		expect(await titled(stars)).toBe(stars);
	});

	test("a title with code written as Markdown (the V8 blog's `String.prototype.matchAll`) is the code's text, without its backticks; a lone backtick stays", async () => {
		expect((await preparePostFile('---\ntitle: \'`String.prototype.matchAll`\'\ndate: 2024-01-01\n---\nBody.\n', context())).data.title).toBe('String.prototype.matchAll');
		expect((await preparePostFile('---\ntitle: "CSS `accent-color` and ``a`b``"\ndate: 2024-01-01\n---\nBody.\n', context())).data.title).toBe('CSS accent-color and a`b');
		expect((await preparePostFile('---\ntitle: "The ` key"\ndate: 2024-01-01\n---\nBody.\n', context())).data.title).toBe('The ` key');
	});

	test("Docusaurus's older author fields (authorURL, author_title, authorImageURL) are the author's page, role and photo", async () => {
		const prepared = await preparePostFile(post('author: Ada\nauthorURL: https://ada.example\nauthor_title: Maintainer\nauthorImageURL: https://ada.example/a.png'), context());
		expect(prepared.data.author).toEqual({ name: 'Ada', url: 'https://ada.example', title: 'Maintainer', image_url: 'https://ada.example/a.png' });
		expect(prepared.data).not.toHaveProperty('authorURL');
		// A page of the old site is no url: left as the field it was, and the post builds.
		const relative = await preparePostFile(post('author: Ada\nauthorURL: /team/ada\nauthorTitle: Maintainer'), context());
		expect([relative.data.author, relative.data.authorURL]).toEqual([{ name: 'Ada', title: 'Maintainer' }, '/team/ada']);
	});

	test("VitePress's head meta description (og:description) is the post's description when it has none", async () => {
		const head = 'head:\n  - - meta\n    - property: og:title\n      content: T\n  - - meta\n    - property: og:description\n      content: The team is joining.\n';
		expect((await preparePostFile(post(head), context())).data.description).toBe('The team is joining.');
		expect((await preparePostFile(post(`description: Own\n${head}`), context())).data.description).toBe('Own');
		expect((await preparePostFile(post(`summary: Mine\n${head}`), context())).data).not.toHaveProperty('description');
		// Pulumi's meta_desc.
		expect((await preparePostFile(post('meta_desc: What Pulumi says.'), context())).data.description).toBe('What Pulumi says.');
	});

	test("Hugo's params block (0.123 and later) is read as the page's own fields, as Hugo's templates read it; one written at the top too stays there", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('params:\n  author: william\n  subtitle: Sub\n  title: Below'), context());
		expect(prepared.data).toMatchObject({ author: 'william', subtitle: 'Sub', title: 'Trip', params: { title: 'Below' } });
		expect((await preparePostFile(post('params:\n  author: william'), context())).data).not.toHaveProperty('params');
		const summary = await preparePostFile(post('summary: Mine\nparams:\n  description: Theirs'), context());
		expect([summary.data.summary, summary.data.description, summary.data.params]).toEqual(['Mine', undefined, { description: 'Theirs' }]);
	});

	test("a Medium export's slug, its address on Medium, loses the author's handle", async () => {
		expect((await preparePostFile(post('slug: /@kasvith/lets-write-a-chat-app-1a2b3c4d'), context())).id).toBe('lets-write-a-chat-app-1a2b3c4d');
		expect((await preparePostFile(post('slug: "@ada/notes"'), context())).id).toBe('notes');
	});

	test("LoveIt's and FixIt's toc: { enable, auto } says whether the post has a table of contents", async () => {
		expect((await preparePostFile(post('toc:\n  enable: false\n  auto: false'), context())).data.toc).toBe(false);
		expect((await preparePostFile(post('toc:\n  enable: true'), context())).data.toc).toBe(true);
	});

	test("Chirpy's pin is pinned", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('pin: true'), context());
		expect(prepared.data.pinned).toBe(true);
		expect(prepared.data).not.toHaveProperty('pin');
		expect(warnings).toEqual([]);
		// Retypeset's rank among pinned posts.
		expect((await preparePostFile(post('pin: 99'), context())).data.pinned).toBe(true);
		expect((await preparePostFile(post('pin: 0'), context())).data.pinned).toBe(false);
	});

	test("Retypeset's abbrlink, beside its published date, is the slug, with the language after it in another language; hexo-abbrlink's, beside date, is left to be warned about", async () => {
		warnings.length = 0;
		const retypeset = (front: string) => `---\ntitle: Markdown Style Guide\npublished: 2025-03-08\npin: 98\n${front}\nabbrlink: markdown-style-guide\n---\nBody.\n`;
		const english = await preparePostFile(retypeset('lang: en'), context({ displayPath: 'src/content/posts/Markdown Style Guide-en.md' }));
		expect([english.id, english.data.slug, english.data.abbrlink]).toEqual(['markdown-style-guide', 'markdown-style-guide', undefined]);
		expect((await preparePostFile(retypeset('lang: zh'), context())).id).toBe('markdown-style-guide-zh');
		expect(warnings).toEqual([]);
		const hexo = await preparePostFile(post('abbrlink: 3f5a1b2c'), context());
		expect([hexo.id, hexo.data.abbrlink]).toEqual(['trip', '3f5a1b2c']);
	});

	test("VuePress's tag beside tags adds its names to them", async () => {
		const prepared = await preparePostFile(post('tags: [one]\ntag: [two]'), context());
		expect(prepared.data.tags).toEqual(['one', 'two']);
		expect(prepared.data).not.toHaveProperty('tag');
	});
});

describe('names Windows keeps for devices', () => {
	test('a slug, a file name or a tag that makes a folder named so is warned about, naming the line; other names are not', async () => {
		warnings.length = 0;
		await preparePostFile(post('slug: Con\ntags: [Nul, Aux armes, LPT1]'), context());
		await preparePostFile(post('tags: [console, nullable]'), context({ displayPath: 'src/content/posts/aux.md', entryFile: path.join(root, 'src/content/posts/aux.md') }));
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5: tags: the tag "Nul" makes the folder nul/ of its page, a name Windows keeps for a device: the site builds here, but not on Windows, where no folder can have that name. To build on Windows, rename the tag.',
			'src/content/posts/trip/index.md:5: tags: the tag "LPT1" makes the folder lpt1/ of its page, a name Windows keeps for a device: the site builds here, but not on Windows, where no folder can have that name. To build on Windows, rename the tag.',
			"src/content/posts/trip/index.md:4: the post's page is the folder con/ (from its slug field), a name Windows keeps for a device: the site builds here, but not on Windows, where no folder can have that name. To build on Windows, give it another slug of a few words, e.g. slug: con-notes.",
			"src/content/posts/aux.md: the post's page is the folder aux/ (from its file name), a name Windows keeps for a device: the site builds here, but not on Windows, where no folder can have that name. To build on Windows, give it a slug field of a few words, e.g. slug: aux-notes.",
		]);
	});
});

describe('remote featured images', () => {
	/** The first remote image of the post that could not be measured, as measureRemoteImages() adds it to the post's missing images. */
	const failure = async (prepared: Awaited<ReturnType<typeof preparePostFile>>, at: PostFileContext): Promise<Error> => {
		await measureRemoteImages(prepared, at, noDomains);
		return prepared.missingImages?.[0] ?? new Error('measured');
	};

	test('an address that is not a URL is refused before anything is fetched', async () => {
		const prepared = await preparePostFile(post("featured_image: 'https://'"), context());
		const error = await failure(prepared, context());
		expect((error as Error).message).toBe("src/content/posts/trip/index.md:4: featured_image 'https://' is not a valid URL.");
	});

	// A host that image.domains does not name, as DEV's, Hashnode's and Imgur's are to a migrated blog.
	async function serveImages(files: Record<string, Buffer | string>, redirects: Record<string, string> = {}): Promise<{ origin: string; close: () => void }> {
		const server = createServer((request, response) => {
			const moved = redirects[request.url ?? ''];
			if (moved !== undefined) return void response.writeHead(302, { Location: moved.replace('PORT', String((server.address() as AddressInfo).port)) }).end();
			const file = files[request.url ?? ''];
			if (file === undefined) return void response.writeHead(404).end();
			response.writeHead(200, { 'Content-Length': Buffer.byteLength(file) }).end(file);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
	}
	const noDomains = { domains: [], remotePatterns: [] } as unknown as AstroConfig['image'];

	test('an image on a host Astro may not optimise is measured and kept at its address with its format and length, even where it redirects', async () => {
		const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#08f' } }).png().toBuffer();
		// The redirect goes to another host name, which image.domains does not allow either.
		const jpeg = await makeJpeg(640, 360);
		const host = await serveImages({ '/cover.jpg': jpeg, '/moved.png': png }, { '/old.png': 'http://localhost:PORT/moved.png' });
		try {
			const direct = await preparePostFile(post(`cover_image: ${host.origin}/cover.jpg\nimage: ${host.origin}/old.png`), context());
			await measureRemoteImages(direct, context(), noDomains);
			expect(direct.data.cover_image).toEqual({ src: `${host.origin}/cover.jpg`, width: 640, height: 360, format: 'jpg', bytes: jpeg.length });
			expect(direct.data.image).toEqual({ src: `${host.origin}/old.png`, width: 30, height: 20, format: 'png', bytes: png.length });
		} finally {
			host.close();
		}
	});

	test('an image on a host Astro may not optimise that cannot be reached still stops the build, as its size cannot be measured', async () => {
		const host = await serveImages({});
		host.close();
		const prepared = await preparePostFile(post(`cover: ${host.origin}/gone.jpg`), context());
		const error = await failure(prepared, context());
		expect((error as Error).message).toMatch(new RegExp(`^src/content/posts/trip/index\\.md:4: cover '${host.origin}/gone\\.jpg' could not be downloaded: fetch failed`));
		expect((error as Error & { hint?: string }).hint).toBe('Check the URL, or use a copy of the image next to the post.');
	});

	test("an image that cannot be downloaded is named by the key the post wrote (AstroPaper's ogImage), not the featured image's it is read as", async () => {
		const host = await serveImages({});
		host.close();
		const prepared = await preparePostFile(post(`ogImage: ${host.origin}/og/argo.png`), context());
		const error = await failure(prepared, context());
		expect((error as Error).message).toMatch(new RegExp(`^src/content/posts/trip/index\\.md:4: ogImage '${host.origin}/og/argo\\.png' could not be downloaded: fetch failed`));
	});

	test("the remote images that cannot be downloaded are told in one error naming each post, line, field, URL and reason, with each reason's fix once", async () => {
		// One host answers 404 but never sends /slow.jpg; the other is gone.
		const server = createServer((request, response) => void (request.url === '/slow.jpg' || response.writeHead(404).end()));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const gone = await serveImages({});
		gone.close();
		try {
			const at = (name: string) => context({ displayPath: `src/content/posts/${name}.md`, entryFile: path.join(root, `src/content/posts/${name}.md`), config: { ...context().config, remoteImageTimeout: 0.3 } });
			const failed = async (name: string, frontMatter: string) => failure(await preparePostFile(post(frontMatter), at(name)), at(name));
			const errors = [await failed('c', `image: ${origin}/slow.jpg`), await failed('a', `cover: ${origin}/moved.jpg`), await failed('b', `ogImage: ${gone.origin}/og.png`)];
			expect(errors.map((error) => (error as Error & { missingFile?: string }).missingFile)).toEqual([`${origin}/slow.jpg`, `${origin}/moved.jpg`, `${gone.origin}/og.png`]);
			const told = missingFilesError(errors) as Error & { hint?: string };
			expect(told.message.replaceAll(origin, 'http://live').replaceAll(gone.origin, 'http://gone').replace(/fetch failed.*/, 'fetch failed')).toBe(
				[
					'3 posts name remote images that could not be downloaded or used:',
					"- src/content/posts/a.md:4: cover 'http://live/moved.jpg' could not be downloaded: the host answered 404 Not Found",
					"- src/content/posts/b.md:4: ogImage 'http://gone/og.png' could not be downloaded: fetch failed",
					"- src/content/posts/c.md:4: image 'http://live/slow.jpg' could not be downloaded: the host did not answer within 0.3 s",
				].join('\n'),
			);
			expect(told.hint).toBe(
				'Check the URL, or use a copy of the image next to the post.\nCheck that the host is up, use a copy of the image next to the post, or allow more time with the remoteImageTimeout option (in seconds).',
			);
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});

	test('a remote SVG and an address that is no URL are told in the same error as the images that cannot be downloaded, each with its fix', async () => {
		const host = await serveImages({ '/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"/>' });
		try {
			const at = (name: string) => context({ displayPath: `src/content/posts/${name}.md`, entryFile: path.join(root, `src/content/posts/${name}.md`) });
			const failed = async (name: string, frontMatter: string) => failure(await preparePostFile(post(frontMatter), at(name)), at(name));
			const errors = [await failed('c', `cover: ${host.origin}/logo.svg`), await failed('a', 'image: https://'), await failed('b', `ogImage: ${host.origin}/gone.png`)];
			expect(errors.map((error) => (error as Error & { missingFile?: string }).missingFile)).toEqual([`${host.origin}/logo.svg`, 'https://', `${host.origin}/gone.png`]);
			const told = missingFilesError(errors) as Error & { hint?: string };
			expect(told.message.replaceAll(host.origin, 'http://host')).toBe(
				[
					'3 posts name remote images that could not be downloaded or used:',
					"- src/content/posts/a.md:4: image 'https://' is not a valid URL.",
					"- src/content/posts/b.md:4: ogImage 'http://host/gone.png' could not be downloaded: the host answered 404 Not Found",
					"- src/content/posts/c.md:4: cover 'http://host/logo.svg' is an SVG; remote SVG images are not optimised or proxied.",
				].join('\n'),
			);
			expect(told.hint).toBe(
				[
					'Write the whole address, e.g. https://images.example.org/cover.jpg.',
					'Check the URL, or use a copy of the image next to the post.',
					'Save the SVG next to the post and write ./<name>.svg (it is then served as it is), or use a PNG, JPEG or WebP URL.',
				].join('\n'),
			);
		} finally {
			host.close();
		}
	});

	test("each of a post's remote images that cannot be used is added to its missing images, after its missing files, and its field left out, so that the post is still rendered and its body's missing images are told with them", async () => {
		const host = await serveImages({ '/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"/>' });
		try {
			const prepared = await preparePostFile(post(`featured_image: /images/gone.jpg\ncover: ${host.origin}/logo.svg\nimage: https://`), context({ gatherMissingImages: true }));
			await measureRemoteImages(prepared, context(), noDomains);
			expect(prepared.missingImages?.map((error) => (error as Error & { missingFile?: string }).missingFile)).toEqual([path.join(root, 'public/images/gone.jpg'), 'https://', `${host.origin}/logo.svg`]);
			expect([prepared.data.featured_image, prepared.data.cover, prepared.data.image]).toEqual([undefined, undefined, undefined]);
		} finally {
			host.close();
		}
	});

	test('an SVG on a host Astro may not optimise is still refused', async () => {
		const host = await serveImages({ '/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"/>' });
		try {
			const prepared = await preparePostFile(post(`cover: ${host.origin}/logo.svg`), context());
			const error = await failure(prepared, context());
			expect((error as Error).message).toBe(`src/content/posts/trip/index.md:4: cover '${host.origin}/logo.svg' is an SVG; remote SVG images are not optimised or proxied.`);
		} finally {
			host.close();
		}
	});

	test('images on hosts Astro may not optimise are named in one warning per host, with a count and the first posts and lines', async () => {
		unoptimisedImagesWarnings();
		for (const name of ['a', 'b', 'c', 'd', 'e']) {
			const at = context({ displayPath: `src/content/posts/${name}.md` });
			noteUnoptimisedImages(await preparePostFile(post(`cover: https://cdn.hashnode.com/res/${name}.png`), at), at, noDomains);
		}
		const imgur = context({ displayPath: 'src/content/posts/pelican.md' });
		noteUnoptimisedImages(await preparePostFile(post('image: https://i.imgur.com/x.jpg'), imgur), imgur, noDomains);
		const allowed = context({ displayPath: 'src/content/posts/allowed.md' });
		noteUnoptimisedImages(await preparePostFile(post('cover: https://images.example.org/y.jpg'), allowed), allowed, { domains: ['images.example.org'], remotePatterns: [] } as unknown as AstroConfig['image']);
		expect(unoptimisedImagesWarnings()).toMatchInlineSnapshot(`
			[
			  "5 featured images are on cdn.hashnode.com, a host Astro is not allowed to optimise images from (src/content/posts/a.md:4: cover 'https://cdn.hashnode.com/res/a.png', src/content/posts/b.md:4: cover 'https://cdn.hashnode.com/res/b.png', src/content/posts/c.md:4: cover 'https://cdn.hashnode.com/res/c.png' and 2 more): they are published as they are, at full size and without smaller variants, and social previews and feeds point at them on that host. To have them optimised, allow the host in astro.config.mjs: image: { domains: ['cdn.hashnode.com'] }.",
			  "A featured image is on i.imgur.com, a host Astro is not allowed to optimise images from (src/content/posts/pelican.md:4: image 'https://i.imgur.com/x.jpg'): it is published as it is, at full size and without smaller variants, and social previews and feeds point at it on that host. To have it optimised, allow the host in astro.config.mjs: image: { domains: ['i.imgur.com'] }.",
			]
		`);
		expect(unoptimisedImagesWarnings()).toEqual([]);
	});
});

describe('several series', () => {
	test("are one, the first, with a warning naming the others, as Hugo Coder's posts list them", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile('+++\ntitle = "Notices"\ndate = 2019-03-01\nseries = ["Getting Started", "Hugo"]\n+++\nBody.\n', context());
		expect(prepared.data.series).toBe('Getting Started');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: series lists 2 series; a post is part of one in Carnet, the first, "Getting Started", and is not listed in "Hugo". Keep one series, and make the others tags if they matter.',
		]);
	});
});

describe("Hugo's and Jekyll's conventions", () => {
	const jekyll = (name: string, overrides: Partial<PostFileContext> = {}) =>
		context({ displayPath: `src/content/posts/${name}`, entryFile: path.join(root, 'src/content/posts', name), ...overrides });

	test("Statamic's dated file name, the date parted by a dot, gives the date and the slug", async () => {
		const prepared = await preparePostFile('---\ntitle: First\n---\nBody.\n', jekyll('blog/2022-09-18.my-first-blog-post.md'));
		expect([(prepared.data.date as Date).toISOString().slice(0, 10), prepared.data.slug]).toEqual(['2022-09-18', 'my-first-blog-post']);
	});

	test('a file name dated past the end of its month is dated the day Jekyll counts it as, with a warning; a month no year has stops the build, naming the file name', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile('---\ntitle: Homebrew 2.6.0\n---\nBody.\n', jekyll('_posts/2020-11-31-homebrew-2.6.0.md'));
		expect([(prepared.data.date as Date).toISOString().slice(0, 10), prepared.data.slug]).toEqual(['2020-12-01', 'homebrew-2.6.0']);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2020-11-31-homebrew-2.6.0.md: the date in the file name, 2020-11-31, is no day of the calendar (that month has 30 days), so the post is dated 2020-12-01, the day Jekyll counts it as. Rename the file with the day you meant, or write date: 2020-12-01 in its front matter.',
		]);
		const error = await preparePostFile('---\ntitle: T\n---\nBody.\n', jekyll('_posts/2020-13-01-release.md')).catch((caught: Error & { hint: string }) => caught);
		expect([(error as Error).message, (error as Error & { hint: string }).hint]).toEqual([
			'src/content/posts/_posts/2020-13-01-release.md: the date in the file name, "2020-13-01" is not a day and time of the calendar.',
			'Rename the file with the day it was published first (YYYY-MM-DD-name.md), or write that day in its front matter (date: 2024-02-03).',
		]);
		// Written in the front matter, the date is the post's whatever its file name says.
		expect(((await preparePostFile('---\ntitle: T\ndate: 2020-11-30\n---\nBody.\n', jekyll('_posts/2020-11-31-x.md'))).data.date as Date).toISOString().slice(0, 10)).toBe('2020-11-30');
	});

	test("a _posts/ file name whose dots Carnet's slug drops keeps Jekyll's address as a redirect, as a Hugo name with dots or a plus sign does; one that differs by case alone does not, as it would be the same folder on macOS", async () => {
		const swift = await preparePostFile('---\ntitle: Swift 5.4 Released!\n---\nBody.\n', jekyll('_posts/2021-04-26-swift-5.4-released.md'));
		expect([swift.data.slug, swift.data.aliases]).toEqual(['swift-5.4-released', ['swift-5.4-released']]);
		expect(oldAddresses({ aliases: swift.data.aliases as string[] }, '/blog/swift-5-4-released/')).toEqual(['/blog/swift-5.4-released']);
		// Hugo keeps them too, lowercased: a file's name and a page bundle's folder.
		const hugo = await preparePostFile('---\ntitle: Release\ndate: 2022-05-01\n---\nBody.\n', jekyll('Release-1.0.md'));
		expect(hugo.data.aliases).toEqual(['release-1.0']);
		const bundle = await preparePostFile('---\ntitle: Airflow\ndate: 2022-05-01\n---\nBody.\n', jekyll('airflow-2.3.0/index.md'));
		expect(bundle.data.aliases).toEqual(['airflow-2.3.0']);
		expect((await preparePostFile('---\ntitle: Plain\ndate: 2022-05-01\n---\nBody.\n', jekyll('plain-name.md'))).data.aliases).toBeUndefined();
		// And its plus signs, which Carnet's slug spells out.
		const plus = await preparePostFile('---\ntitle: Harbor\ndate: 2020-12-17\n---\nBody.\n', jekyll('goharbor+terraform.md'));
		expect([plus.id, plus.data.aliases]).toEqual(['goharbor-plus-terraform', ['goharbor+terraform']]);
		expect(oldAddresses({ aliases: plus.data.aliases as string[] }, '/posts/goharbor-plus-terraform/')).toEqual(['/posts/goharbor+terraform']);
		const brew = await preparePostFile('---\ntitle: Git signing\n---\nBody.\n', jekyll('_posts/2025-02-03-Homebrew-git-signing.md'));
		expect(brew.data.aliases).toBeUndefined();
		const named = await preparePostFile('---\ntitle: T\nslug: other\n---\nBody.\n', jekyll('_posts/2021-04-26-swift-5.4-released.md'));
		expect(named.data.aliases).toBeUndefined();
	});

	test("Hugo's translation of a page that is one file (expand.fr.md beside expand.en.md) is named without its language and is in it; a dotted name with no translation beside it (socket.io.md) keeps its dotted address, but for one that ends as a file (node.js.md)", async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'carnet-translations-'));
		try {
			for (const name of ['expand.en.md', 'expand.fr.md', 'socket.io.md', 'node.js.md', 'socket.io.png', 'about.md', 'about.en.md']) writeFileSync(path.join(folder, name), '');
			const at = (name: string) => context({ displayPath: `src/content/posts/${name}`, entryFile: path.join(folder, name) });
			const body = '---\ntitle: T\ndate: 2022-05-01\n---\nBody.\n';
			const [english, french, socket, node] = await Promise.all(['expand.en.md', 'expand.fr.md', 'socket.io.md', 'node.js.md'].map((name) => preparePostFile(body, at(name))));
			expect([english?.id, english?.data.lang, english?.data.aliases]).toEqual(['expand', undefined, undefined]);
			expect([french?.id, french?.data.lang, french?.data.aliases]).toEqual(['expand-fr', 'fr', undefined]);
			expect([socket?.id, socket?.data.aliases]).toEqual(['socket-io', ['socket.io']]);
			// A name that ends as a file no redirect page can stand in for keeps no dotted address.
			expect([node?.id, node?.data.aliases]).toEqual(['node-js', undefined]);
			// The page in the site's language beside its name without one keeps its whole name: two posts, two addresses.
			const [about, aboutEnglish] = await Promise.all(['about.md', 'about.en.md'].map((name) => preparePostFile(body, at(name))));
			expect([about?.id, aboutEnglish?.id]).toEqual(['about', 'about-en']);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	test("Learn's expand and Hugo's details without a title are titled Details, in the site's language", async () => {
		const prepared = await preparePostFile('---\ntitle: T\ndate: 2022-05-01\n---\n{{< expand >}}\nHidden text.\n{{< /expand >}}\n', jekyll('expand.md'));
		expect(prepared.body).toContain('> [!NOTE]- Details\n> Hidden text.');
		const french = await preparePostFile('---\ntitle: T\ndate: 2022-05-01\n---\n{{< details >}}\nCaché.\n{{< /details >}}\n', jekyll('details.md', { config: { ...context().config, locale: 'fr' } }));
		expect(french.body).toContain('> [!NOTE]- Détails\n> Caché.');
	});

	test('a post in a folder named drafts is a draft, unless it says it is published, and the build names them once', async () => {
		draftsFolderWarning();
		expect((await preparePostFile(post(''), jekyll('drafts/draft-blog.md'))).hidden).toBe(true);
		expect((await preparePostFile(post('published: yes'), jekyll('drafts/yes.md'))).hidden).toBe(false);
		expect(draftsFolderWarning()).toBe("src/content/posts/drafts/draft-blog.md is held back as a draft, for its folder's name. Write draft: false in a post to publish it, or rename the folder if it is a section of the blog.");
		expect((await preparePostFile(post('draft: false'), jekyll('drafts/ready.md'))).hidden).toBe(false);
		expect((await preparePostFile(post('published: true'), jekyll('Drafts/out.md'))).hidden).toBe(false);
		expect((await preparePostFile(post(''), jekyll('redrafts/a.md'))).hidden).toBe(false);
	});

	test("a file of _posts/ without its date in its name, which Jekyll does not publish, is published with a warning that says so; a dated one or a draft is not warned about", async () => {
		warnings.length = 0;
		await preparePostFile(post(''), jekyll('_posts/unfinished.md'));
		await preparePostFile(post(''), jekyll('_posts/2024-01-05-done.md'));
		await preparePostFile(post('draft: true'), jekyll('_posts/later.md'));
		// Vercel's Next.js blog starter keeps its undated posts in _posts/ too.
		await preparePostFile(post("coverImage: '/images/cover.jpg'\nogImage:\n  url: '/images/cover.jpg'"), jekyll('_posts/hello-world.md'));
		expect(warnings).toEqual([
			'src/content/posts/_posts/unfinished.md: Jekyll publishes no file of _posts/ whose name does not start with its date (YYYY-MM-DD-), so this one was not on the Jekyll site; Carnet publishes it. If it is a post, rename it (e.g. 2024-01-05-unfinished.md); if it is a draft, move it to _drafts/ or add draft: true.',
		]);
		// Hexo's source/_posts/, whose posts are all named without their date, is no Jekyll folder.
		warnings.length = 0;
		mkdirSync(path.join(root, 'src/content/posts/hexo/_posts'), { recursive: true });
		writeFileSync(path.join(root, 'src/content/posts/hexo/_posts/hello-world.md'), post(''));
		await preparePostFile(post(''), jekyll('hexo/_posts/hello-world.md'));
		expect(warnings).toEqual([]);
	});

	test('keys in other letters, which Hugo reads in any case, are Carnet\'s: a Draft: true post is held back', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile('---\nTitle: Capitals\nDate: 2024-01-01\nDraft: true\nTags: [Hugo]\n---\nBody.\n', context());
		expect(prepared.data).toMatchObject({ title: 'Capitals', draft: true, tags: ['Hugo'] });
		expect(prepared.hidden).toBe(true);
		expect(warnings).toEqual([]);
		// The key as Carnet spells it wins, and the other is warned about, with the line of each.
		const both = await preparePostFile(post('Tags: [a]\ntags: [b]'), context());
		expect(both.data.tags).toEqual(['b']);
		warnUnknownKeys(postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(both.data), both.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front-matter key "Tags" is "tags" in another case, as Hugo reads keys, and the post also has "tags" (line 5), which Carnet reads; "Tags" is kept as data.extra.Tags. Remove one of the two.',
		]);
		// But of two draft flags that disagree, the one that holds the post back.
		warnings.length = 0;
		const drafts = await preparePostFile(post('Draft: true\ndraft: false'), context());
		expect([drafts.hidden, drafts.heldBack]).toEqual([true, 'draft']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5:1: repaired front matter: "draft" is written twice, as Draft on line 4 and draft on line 5, which Hugo reads as one key, with values that disagree on whether the post is published; the one that holds the post back, Draft: true (line 4), is read, so that it is not published by mistake. To fix the file, keep the line that says what you mean (4 or 5).',
		]);
	});

	test("Hugo's URL, as hugo-theme-cleanwhite's posts write it, is its url: the post's old address", async () => {
		warnings.length = 0;
		const cleanwhite = await preparePostFile(post('URL: "/2018/05/01/may-day-jiulonghu"'), context());
		expect([cleanwhite.data.permalink, cleanwhite.data.URL]).toEqual(['/2018/05/01/may-day-jiulonghu', undefined]);
		warnUnknownKeys(postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(cleanwhite.data), cleanwhite.source, context());
		expect(warnings).toEqual([]);
		// Obsidian's `Date created` is no Hugo key in another case, and stays the note's.
		expect((await preparePostFile(post('Date created: 2024-01-01'), context())).data['Date created']).toBeDefined();
	});

	test('empty optional fields are absent, as Hugo archetypes mean them', async () => {
		const prepared = await preparePostFile(post('featured_image: ""\ndescription: ""\nsubtitle: ""\nfeatured_image_alt: ""\nupdated: ""\nslug:'), context());
		expect(Object.keys(prepared.data).sort()).toEqual(['date', 'title']);
	});

	test("a featured image written as an object, as Hugo PaperMod's and starlight-blog's cover and Jekyll Chirpy's image and Minimal Mistakes' header write it, gives its path and alt text", async () => {
		const paperMod = await preparePostFile(post('cover:\n  image: images/cover.jpg\n  alt: A cover\n  caption: Seen from above\n  relative: false\n  hidden: true'), context());
		// Beside the post first, whatever relative says, as PaperMod's cover.html looks in the page bundle first.
		expect(paperMod.data).toMatchObject({ cover: './images/cover.jpg', featured_image_alt: 'A cover', featured_image_caption: 'Seen from above' });
		const bundled = await preparePostFile(post('cover:\n  image: cover.jpg\n  alt: ""\n  caption: ""\n  relative: true'), context());
		expect(bundled.data).toMatchObject({ cover: './cover.jpg' });
		expect(Object.keys(bundled.data).sort()).toEqual(['cover', 'date', 'title']);
		// starlight-blog's cover is a path from the post.
		const starlight = await preparePostFile(post('cover:\n  image: ./cover.jpg\n  alt: A cover'), context());
		expect(starlight.data).toMatchObject({ cover: './cover.jpg', featured_image_alt: 'A cover' });
		// Its light and dark images: the light one, the dark one left out.
		const schemes = await preparePostFile(post('cover:\n  light: ./cover.jpg\n  dark: ./cover-dark.jpg\n  alt: The brand'), context());
		expect(schemes.data).toMatchObject({ cover: './cover.jpg', featured_image_alt: 'The brand' });
		expect(Object.keys(schemes.data).sort()).toEqual(['cover', 'date', 'featured_image_alt', 'title']);
		const chirpy = await preparePostFile(post('image:\n  path: /images/cover.jpg\n  alt: A photo\n  lqip: data:image/webp;base64,AAAA'), context());
		expect(chirpy.data).toMatchObject({ image: '../../../../public/images/cover.jpg', featured_image_alt: 'A photo', 'image.lqip': 'data:image/webp;base64,AAAA' });
		expect(await failure('cover:\n  image: images/nope.jpg\n  relative: false')).toContain(
			"src/content/posts/trip/index.md:4: cover 'images/nope.jpg' was not found next to the post (looked for src/content/posts/trip/images/nope.jpg) nor in public/ (looked for public/images/nope.jpg and public/images/images/nope.jpg).",
		);
		const mistakes = await preparePostFile(post('header:\n  overlay_image: /images/cover.jpg\n  overlay_filter: 0.5\n  teaser: /images/cover.jpg'), context());
		expect(mistakes.data).toMatchObject({ featured_image: '../../../../public/images/cover.jpg', 'header.overlay_filter': 0.5, 'header.teaser': '/images/cover.jpg' });
		expect(mistakes.data).not.toHaveProperty('header');
		const both = await preparePostFile(post('image: ./cover.jpg\nheader:\n  teaser: /images/cover.jpg'), context());
		expect(both.data).toMatchObject({ image: './cover.jpg', 'header.teaser': '/images/cover.jpg' });
		expect(both.data).not.toHaveProperty('featured_image');
	});

	test("PaperMod's archetype's unfilled cover, image: \"<image path/url>\", is no cover, with a warning naming its line, and its placeholder alt text and caption go with it", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const unfilled = await preparePostFile(post('cover:\n  image: "<image path/url>"\n  alt: "<alt text>"\n  caption: "<text>"\n  relative: false\n  hidden: false'), context());
		expect(Object.keys(unfilled.data).sort()).toEqual(['date', 'title']);
		warnUnknownKeys(schema.parse(unfilled.data), unfilled.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5: cover.image is "<image path/url>", PaperMod\'s archetype\'s placeholder, so the post has no cover. Write the path of the cover (cover.jpg beside the post, or /images/cover.jpg in public/), or remove the cover.',
		]);
		// An empty one is an absent field, as Hugo's archetypes mean it.
		warnings.length = 0;
		const empty = await preparePostFile(post('cover:\n  image: ""\n  relative: false'), context());
		expect(Object.keys(empty.data).sort()).toEqual(['date', 'title']);
		expect(warnings).toEqual([]);
	});

	test("PaperMod's cover.caption and Ghost's feature_image_caption are the featured image's caption, as the text a reader saw of their Markdown and HTML", async () => {
		const paperMod = await preparePostFile(post('cover:\n  image: images/cover.jpg\n  caption: "Photo by [Ada](https://unsplash.com/@ada) on **Unsplash**"'), context());
		expect(paperMod.data).toMatchObject({ cover: './images/cover.jpg', featured_image_caption: 'Photo by Ada on Unsplash' });
		expect(paperMod.data).not.toHaveProperty('cover.caption');
		const ghost = await preparePostFile(post(`feature_image: images/cover.jpg\nfeature_image_caption: 'Photo by <a href="https://unsplash.com/@bo">Bo &amp; Co</a><br>on <a href="https://unsplash.com"><script>x</script>Unsplash</a>'`), context());
		expect(ghost.data.feature_image_caption).toBe('Photo by Bo & Co on Unsplash');
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		expect(schema.parse(paperMod.data).image).toMatchObject({ caption: 'Photo by Ada on Unsplash' });
	});

	test('a featured image caption written in HTML is the text it shows: no script, style or comment text, its references decoded, a <br> a space', async () => {
		const written = `feature_image: images/cover.jpg\nfeature_image_caption: '<p>Photo<br/>by <a href="https://unsplash.com">Ada</a><script>alert(1)</script><style>p { color: red }</style><!-- credit -->&nbsp;&amp; <em>Bo</em></p>'`;
		expect((await preparePostFile(post(written), context())).data.feature_image_caption).toBe('Photo by Ada\u00A0& Bo');
		// Code keeps what it shows, tags included, and a caption with no marks is as written.
		expect((await preparePostFile(post("cover:\n  image: images/cover.jpg\n  caption: 'Wrap it in `<figure>`'"), context())).data.featured_image_caption).toBe('Wrap it in <figure>');
		expect((await preparePostFile(post("cover:\n  image: images/cover.jpg\n  caption: 'Tom &amp; Jerry'"), context())).data.featured_image_caption).toBe('Tom & Jerry');
	});

	test("PaperMod's cover.hidden keeps the cover off the post's page, where it stays the post's image, and its caption and hiddenInList, and a Gatsby starter's templateKey, are not warned about", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const hidden = await preparePostFile(post('templateKey: blog-post\ncover:\n  image: images/cover.jpg\n  caption: Seen from above\n  hidden: true\n  hiddenInList: false'), context());
		expect([hidden.imageInBody, hidden.data.cover, hidden.data['cover.hidden'], hidden.data['cover.hiddenInList']]).toEqual([true, './images/cover.jpg', undefined, undefined]);
		warnUnknownKeys(schema.parse(hidden.data), hidden.source, context());
		expect(warnings).toEqual([]);
		const single = await preparePostFile(post('cover:\n  image: images/cover.jpg\n  hiddenInSingle: true'), context());
		expect(single.imageInBody).toBe(true);
		const shown = await preparePostFile(post('cover:\n  image: images/cover.jpg\n  hidden: false\n  hiddenInList: true'), context());
		expect([shown.imageInBody, Object.keys(shown.data).sort()]).toEqual([undefined, ['cover', 'date', 'title']]);
	});

	test("Tranquilpeak's thumbnailImage, its card's image on its CDN, is kept as data with a warning and never stops the build, and its thumbnailImagePosition and Hugo's linkTitle are kept without a word", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const prepared = await preparePostFile(post('linkTitle: Trip\nthumbnailImagePosition: left\nthumbnailImage: //d1u9biwaxjngwg.cloudfront.net/image-gallery-showcase/city-140.jpg'), context());
		const parsed = schema.parse(prepared.data);
		expect([parsed.image, parsed.extra]).toEqual([undefined, { linkTitle: 'Trip', thumbnailImagePosition: 'left', thumbnailImage: '//d1u9biwaxjngwg.cloudfront.net/image-gallery-showcase/city-140.jpg' }]);
		warnUnknownKeys(parsed, prepared.source, context());
		expect(warnings).toEqual([expect.stringContaining('front-matter key "thumbnailImage" is not a Carnet field')]);
	});

	test("CloudCannon's featured_image: { image, image_alt } gives the featured image and its alt text, with no key warned about", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post('featured_image:\n  image: /images/cover.jpg\n  image_alt: Children looking at a laptop'), context());
		expect(prepared.data).toMatchObject({ featured_image: '../../../../public/images/cover.jpg', featured_image_alt: 'Children looking at a laptop' });
		expect(Object.keys(prepared.data).sort()).toEqual(['date', 'featured_image', 'featured_image_alt', 'title']);
		warnings.length = 0;
		warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([]);
	});

	test("AstroPaper's pubDatetime and modDatetime are read as dates, and Clarity's featureImage as an image path", async () => {
		const prepared = await preparePostFile(
			'---\ntitle: Paper\npubDatetime: 2022-09-23T04:58:53Z\nmodDatetime: 2023-01-02T10:00:00Z\nfeatureImage: /images/cover.jpg\n---\nBody.\n',
			context(),
		);
		expect((prepared.data.pubDatetime as Date).toISOString()).toBe('2022-09-23T04:58:53.000Z');
		expect((prepared.data.modDatetime as Date).toISOString()).toBe('2023-01-02T10:00:00.000Z');
		expect(prepared.data.featureImage).toBe('../../../../public/images/cover.jpg');
	});

	test("AstroPaper's postSlug names the post's page, as slug does, and is no unknown key; beside a slug of another value, slug is used and the post is told", async () => {
		warnings.length = 0;
		const astropaper = (fields: string) => `---\ntitle: 手写一个jsonp\npubDatetime: 2022-05-22T16:00:00.000Z\n${fields}\n---\nBody.\n`;
		const moved = await preparePostFile(astropaper('postSlug: b42583db08a9d5942e9227e2e622d383'), context());
		expect(moved.id).toBe('b42583db08a9d5942e9227e2e622d383');
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const parsed = schema.parse(moved.data);
		expect(parsed.slug).toBe('b42583db08a9d5942e9227e2e622d383');
		warnUnknownKeys(parsed, moved.source, context());
		expect(warnings).toEqual([]);
		const both = await preparePostFile(astropaper('slug: argo-tunnel\npostSlug: argo'), context());
		expect(both.id).toBe('argo-tunnel');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5: slug and postSlug each give the post\'s slug, its page\'s address, with different values; slug ("argo-tunnel") is used, and postSlug ("argo") ignored. Keep the one you mean.',
		]);
		await expect(preparePostFile(astropaper("postSlug: '🎉'"), context())).rejects.toThrow('src/content/posts/trip/index.md:4: postSlug "🎉" has no letters or digits to make a URL from.');
	});

	test("nanoc's created_at and updated_at are the post's date and updated date; beside a date, the date is the post's", async () => {
		warnings.length = 0;
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const nanoc = await preparePostFile('---\nkind: article\ntitle: Lazy processes\ncreated_at: 2017-01-17\nupdated_at: 2017-02-01\n---\nBody.\n', context());
		const parsed = schema.parse(nanoc.data);
		expect([parsed.date.toISOString(), parsed.updated?.toISOString()]).toEqual(['2017-01-17T00:00:00.000Z', '2017-02-01T00:00:00.000Z']);
		const dated = schema.parse((await preparePostFile('---\ntitle: Lazy processes\ncreated_at: 2017-01-10\ndate: 2017-01-17\n---\nBody.\n', context())).data);
		expect(dated.date.toISOString()).toBe('2017-01-17T00:00:00.000Z');
		warnUnknownKeys(parsed, nanoc.source, context());
		expect(warnings).toEqual(['src/content/posts/trip/index.md:2: front-matter key "kind" is not a Carnet field; it is kept as data.extra.kind. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).']);
	});

	test("an unknown key that names an update (updateTime, beside AstroPaper's modDatetime) is told the updated date's names, not the publication date's nearest spelling", async () => {
		warnings.length = 0;
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile('---\ntitle: css\npubDatetime: 2022-08-25T06:35:23.000Z\nupdateTime: 2023-12-21T16:08:41.561Z\nupdatedate: 2023-12-22\n---\nBody.\n', context());
		warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front-matter key "updateTime" is not a Carnet field; it is kept as data.extra.updateTime. If it is when the post was last updated, name it updated, or another name Carnet reads for that date: updatedDate, lastmod, lastMod, modified, modDatetime, last_modified_at, dateModified, updated_at, updatedAt, updatedOn, date_updated or date_modified. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
			'src/content/posts/trip/index.md:5: front-matter key "updatedate" is not a Carnet field; it is kept as data.extra.updatedate. Did you mean "updatedDate"? To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		]);
	});

	test("an image named feature… beside a page bundle's index.md is its featured image when the front matter names none, as Blowfish and Congo show it", async () => {
		const bundle = (overrides: Partial<PostFileContext> = {}) =>
			context({ displayPath: 'src/content/posts/bundle/index.md', entryFile: path.join(root, 'src/content/posts/bundle/index.md'), ...overrides });
		const found = await preparePostFile(post(''), bundle());
		expect({ image: found.data.featured_image, bundleImage: found.bundleImage }).toEqual({ image: './featured.jpg', bundleImage: 'featured.jpg' });
		const named = await preparePostFile(post('image: /images/cover.jpg'), bundle());
		expect({ image: named.data.image, featured: named.data.featured_image, bundleImage: named.bundleImage }).toEqual({ image: '../../../../public/images/cover.jpg', featured: undefined, bundleImage: undefined });
		const notBundle = await preparePostFile(post(''), bundle({ displayPath: 'src/content/posts/bundle/other.md', entryFile: path.join(root, 'src/content/posts/bundle/other.md') }));
		expect(notBundle.data.featured_image).toBeUndefined();
		expect((await preparePostFile(post(''), context())).data.featured_image).toBeUndefined();
	});

	test("Wowchemy's image { caption, focal_point, alt_text } sets up the featured.jpg beside the post: its alt text and caption are read, the rest kept as keys to report", async () => {
		const bundle = context({ displayPath: 'src/content/posts/bundle/index.md', entryFile: path.join(root, 'src/content/posts/bundle/index.md') });
		const prepared = await preparePostFile(post("image:\n  caption: 'Photo by [Ada](https://example.com)'\n  focal_point: Smart\n  preview_only: false\n  alt_text: A harbour"), bundle);
		expect(prepared.data.featured_image).toBe('./featured.jpg');
		expect(prepared.data.featured_image_alt).toBe('A harbour');
		expect(prepared.data).not.toHaveProperty('image');
		expect(prepared.data['image.focal_point']).toBe('Smart');
		expect(prepared.data).not.toHaveProperty('image.caption');
		expect(prepared.data.featured_image_caption).toBe('Photo by Ada');
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		expect(schema.parse(prepared.data).image).toMatchObject({ caption: 'Photo by Ada', alt: 'A harbour' });
		// A caption the post writes as Carnet's field wins, and Wowchemy's is kept as a key to report.
		const both = await preparePostFile(post("featured_image_caption: Mine\nimage:\n  caption: Theirs"), bundle);
		expect([both.data.featured_image_caption, both.data['image.caption']]).toEqual(['Mine', 'Theirs']);
		// Outside a bundle, there is no image to set up, and the post builds without one.
		const alone = await preparePostFile(post('image:\n  caption: ""\n  focal_point: ""\n  preview_only: false'), context());
		expect(alone.data.featured_image).toBeUndefined();
		expect(alone.data).not.toHaveProperty('image');
	});

	test("a Hashnode export builds as it is: datePublished as JavaScript writes dates, tags as { name, slug } objects, cover", async () => {
		warnings.length = 0;
		const hashnode = '---\ntitle: Compose lifecycle\ndatePublished: Fri Dec 22 2023 07:44:23 GMT+0000 (Coordinated Universal Time)\ncuid: clqfx0000000008l5\nslug: compose-lifecycle\ncover: /images/cover.jpg\ntags:\n  - name: Android\n    slug: android\n  - name: Jetpack Compose\n    slug: jetpack-compose\n---\n- [Conclusion](#heading-conclusion)\n\n![img.png](https://cdn.hashnode.com/img.png align="left")\n';
		const prepared = await preparePostFile(hashnode, context());
		expect((prepared.data.datePublished as Date).toISOString()).toBe('2023-12-22T07:44:23.000Z');
		expect(prepared.data.tags).toEqual(['Android', 'Jetpack Compose']);
		expect(prepared.hidden).toBe(false);
		expect(prepared.body).toBe('- [Conclusion](#conclusion)\n\n![img.png](https://cdn.hashnode.com/img.png)\n');
		expect(warnings).toEqual([]);
	});

	test('empty names in a list of tags or categories are absent, as Hugo archetypes leave them', async () => {
		const prepared = await preparePostFile(post('tags: [""]\ncategories: ["", Web, "  "]\nkeywords: [~]'), context());
		expect(prepared.data.tags).toBeUndefined();
		expect(prepared.data.categories).toEqual(['Web']);
		expect(prepared.data).not.toHaveProperty('keywords');
	});

	test('a Jekyll file name gives the date and the slug when the front matter has no date', async () => {
		const prepared = await preparePostFile('---\nlayout: post\ntitle: Hello\n---\nBody.\n', jekyll('_posts/2024-01-05-hello-jekyll.md', { config: { timeZone: 'Europe/Paris', strict: false, locale: 'en', remoteImageTimeout: 15 } }));
		expect(prepared.id).toBe('hello-jekyll');
		expect((prepared.data.date as Date).toISOString()).toBe('2024-01-04T23:00:00.000Z');
	});

	test('a Jekyll file name with an unpadded month and day gives the date and the slug, as Jekyll reads it', async () => {
		const prepared = await preparePostFile('---\ntitle: Hello\n---\nBody.\n', jekyll('_posts/2021-1-5-hello-jekyll.md'));
		expect(prepared.id).toBe('hello-jekyll');
		expect((prepared.data.date as Date).toISOString()).toBe('2021-01-05T00:00:00.000Z');
	});

	test("the dated folder of an index file gives the date and the slug, as Docusaurus's 2021-08-26-welcome/index.md", async () => {
		const prepared = await preparePostFile('---\ntitle: Welcome\n---\nBody.\n', jekyll('2021-08-26-welcome/index.md'));
		expect(prepared.id).toBe('welcome');
		expect((prepared.data.date as Date).toISOString()).toBe('2021-08-26T00:00:00.000Z');
	});

	test("a year's folder and a file or folder named by the day date a post that has no date, and give its slug, as Docusaurus's blog keeps 2022/09-01-docusaurus-2.1/index.md", async () => {
		const bundle = await preparePostFile('---\ntitle: Docusaurus 2.1\n---\nBody.\n', jekyll('2022/09-01-docusaurus-2.1/index.md'));
		expect([(bundle.data.date as Date).toISOString().slice(0, 10), bundle.data.slug]).toEqual(['2022-09-01', 'docusaurus-2.1']);
		// With a date of its own, the name is a name: a numbered series keeps its addresses.
		const series = await preparePostFile('---\ntitle: Rice\ndate: 2023-03-01\n---\nBody.\n', jekyll('2023/01-10-ways-to-cook-rice.md'));
		expect([(series.data.date as Date).toISOString().slice(0, 10), series.data.slug]).toEqual(['2023-03-01', undefined]);
		// No year has a 13th month: `13-45-things` is a name, and gives no date.
		expect((await preparePostFile('---\ntitle: Things\n---\nBody.\n', jekyll('2023/13-45-things.md'))).data.date).toBeUndefined();
		// Not without the year's folder: `09-01-x` alone is a name.
		const plain = await preparePostFile('---\ntitle: Plain\ndate: 2021-01-01\n---\nBody.\n', jekyll('notes/09-01-plain.md'));
		expect(plain.data.slug).toBeUndefined();
	});

	test('a backslash in a file name is part of its slug, as other punctuation is: on Linux and macOS it is a character of the name, not a folder', async () => {
		warnings.length = 0;
		const postsDir = path.join(root, 'src/content/posts');
		const named = (name: string) => jekyll(name, { postsDir });
		const written = '---\ntitle: Slash\ndate: 2024-01-01\n---\nBody.\n';
		expect((await preparePostFile(written, named('back\\slash.md'))).id).toBe('back-slash');
		// Beside same.md, which keeps its own slug.
		expect((await preparePostFile(written, named('a\\same.md'))).id).toBe('a-same');
		expect((await preparePostFile(written, named('same.md'))).id).toBe('same');
		expect(warnings).toEqual([]);
	});

	test("Zola's [taxonomies] give the tags and categories, other taxonomies are kept under their own name, and its path is an old address", async () => {
		const zola = '+++\ntitle = "Zola"\ndate = 2020-01-01\n\n[taxonomies]\ntags = ["list", "of"]\ncategories = ["tutorial"]\nseries = ["One"]\n+++\nBody.\n';
		const prepared = await preparePostFile(zola, context());
		expect(prepared.data).toMatchObject({ tags: ['list', 'of'], categories: ['tutorial'], 'taxonomies.series': ['One'] });
		expect(prepared.data).not.toHaveProperty('taxonomies');
		expect((await preparePostFile('+++\ntitle = "Zola"\ndate = 2020-01-01\n[taxonomies]\ntags = ["", "a"]\n+++\nBody.\n', context())).data.tags).toEqual(['a']);
		const moved = await preparePostFile('+++\ntitle = "Zola"\ndate = 2020-01-01\npath = "blog/2020/01/zola/"\n+++\nBody.\n', context());
		expect(moved.data).toMatchObject({ permalink: '/blog/2020/01/zola/' });
		// Its aliases are from the site's root, the first slash or not (rust-lang's blog writes none).
		const aliased = await preparePostFile('+++\ntitle = "Zola"\ndate = 2020-01-01\naliases = ["releases/1.94.1", "/old/"]\n\n[taxonomies]\ntags = ["rust"]\n+++\nBody.\n', context());
		expect(aliased.data.aliases).toEqual(['/releases/1.94.1', '/old/']);
		expect(moved.data).not.toHaveProperty('path');
	});

	test("a Zola post's top-level tags and categories beside its taxonomies are left out, as Zola reads only the taxonomies, with a warning naming their line", async () => {
		const kanso = '---\ntitle: Kanso\ndate: 2024-02-01\ntags: [ignored, because, yaml]\ntaxonomies:\n  tags:\n    - kanso\n    - markdown\n  categories: [Writing]\n---\nBody.\n';
		warnings.length = 0;
		const prepared = await preparePostFile(kanso, context());
		expect(prepared.data).toMatchObject({ tags: ['kanso', 'markdown'], categories: ['Writing'] });
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:4: tags ["ignored","because","yaml"] are left out: the post has taxonomies.tags, and Zola reads its tags from there alone, leaving the top-level tags out. To keep "ignored", "because", "yaml", add them to taxonomies.tags; else remove the top-level tags.",
			]
		`);
		// The same tags written twice lose nothing: no word.
		warnings.length = 0;
		const twice = await preparePostFile('+++\ntitle = "Zola"\ndate = 2020-01-01\ntags = ["rust"]\n\n[taxonomies]\ntags = ["rust"]\n+++\nBody.\n', context());
		expect([twice.data.tags, warnings]).toEqual([['rust'], []]);
	});

	test("Zola's author and category taxonomies (matrix.org's) give the authors and the categories; authors at the top level stay the post's", async () => {
		const matrix = '+++\ntitle = "Matrix"\ndate = 2015-12-25\n\n[taxonomies]\nauthor = ["Matthew Hodgson"]\ncategory = ["General"]\n+++\nBody.\n';
		expect((await preparePostFile(matrix, context())).data).toMatchObject({ authors: ['Matthew Hodgson'], categories: ['General'] });
		const both = await preparePostFile(matrix.replace('date = 2015-12-25', 'date = 2015-12-25\nauthors = ["Ada"]'), context());
		expect(both.data).toMatchObject({ authors: ['Ada'], 'taxonomies.author': ['Matthew Hodgson'] });
	});

	test("a Hugo post with no date but lastmod is dated by it, as Hugo dates it, and shows no update", async () => {
		const hugo = await preparePostFile('---\ntitle: Hugo\nlastmod: 2023-05-01\n---\nBody.\n', context());
		expect((hugo.data.date as Date).toISOString()).toBe('2023-05-01T00:00:00.000Z');
		const dated = await preparePostFile('---\ntitle: Hugo\ndate: 2022-01-01\nlastmod: 2023-05-01\n---\nBody.\n', context());
		expect((dated.data.date as Date).toISOString()).toBe('2022-01-01T00:00:00.000Z');
	});

	test("a Zola post dated by its path alone, as the Rust blog's and Inside Rust's are, gets that day; a date written in it wins, and a day that is none is named at the path's line", async () => {
		const rust = await preparePostFile('+++\npath = "2025/09/12/crates-io-phishing-campaign"\ntitle = "crates.io phishing campaign"\n+++\nBody.\n', context());
		expect((rust.data.date as Date).toISOString()).toBe('2025-09-12T00:00:00.000Z');
		const inside = await preparePostFile('+++\npath = "inside-rust/2021/12/17/follow-up"\ntitle = "Follow-up"\n+++\nBody.\n', context());
		expect((inside.data.date as Date).toISOString()).toBe('2021-12-17T00:00:00.000Z');
		expect(rust.data.permalink).toBe('/2025/09/12/crates-io-phishing-campaign');
		const dated = await preparePostFile('+++\npath = "2025/09/12/x"\ntitle = "X"\ndate = 2025-09-13\n+++\nBody.\n', context());
		expect((dated.data.date as Date).toISOString()).toBe('2025-09-13T00:00:00.000Z');
		const wrong = await preparePostFile('+++\ntitle = "X"\npath = "2025/13/45/x"\n+++\nBody.\n', context()).catch((error: Error) => error);
		expect(String(wrong)).toMatch(/index\.md:3: date: /);
	});

	test("a featured image written { url, alt } as in Astro's blog tutorial, or coverImage: { src, alt } as in Astro Cactus, gives its path and alt text", async () => {
		const tutorial = await preparePostFile(post("image:\n    url: '/images/cover.jpg'\n    alt: 'The Astro logo'"), context());
		expect(tutorial.data).toMatchObject({ image: '../../../../public/images/cover.jpg', featured_image_alt: 'The Astro logo' });
		const cactus = await preparePostFile(post('coverImage:\n  src: "./cover.jpg"\n  alt: "Astro build wallpaper"\n  srcLight: "./cover.jpg"'), context());
		expect(cactus.data).toMatchObject({ coverImage: './cover.jpg', featured_image_alt: 'Astro build wallpaper', 'coverImage.srcLight': './cover.jpg' });
		// astro-theme-pure's heroImage: { src, color }.
		const pure = await preparePostFile(post("heroImage: { src: './cover.jpg', color: '#64748b' }"), context());
		expect(pure.data).toMatchObject({ heroImage: './cover.jpg', 'heroImage.color': '#64748b' });
		const measured = await preparePostFile(post('image: { src: "https://example.com/a.jpg", width: 800, height: 600 }'), context());
		expect(measured.data.image).toEqual({ src: 'https://example.com/a.jpg', width: 800, height: 600 });
	});

	test("Chirpy's media_subpath, or its older img_path, is put before the featured image's path and the body's images", async () => {
		const prepared = await preparePostFile(post('media_subpath: /images/\nimage:\n  path: cover.jpg\n  alt: A cover', '![A photo](photo.jpg)\n'), context());
		expect(prepared.data).toMatchObject({ image: '../../../../public/images/cover.jpg', featured_image_alt: 'A cover' });
		expect(prepared.data).not.toHaveProperty('media_subpath');
		expect(prepared.body).toBe('![A photo](/images/photo.jpg)\n');
		expect((await preparePostFile(post('img_path: /images\nimage: cover.jpg'), context())).data.image).toBe('../../../../public/images/cover.jpg');
		expect(await failure('media_subpath: /photos/\nimage: cover.jpg')).toContain("image 'cover.jpg' (under media_subpath '/photos/': '/photos/cover.jpg') was not found in public/");
	});

	test("wordpress-export-to-markdown's coverImage, a file name, is found in the post's images/ folder unless it is beside the post", async () => {
		const exported = await preparePostFile(post('coverImage: "cat.jpg"'), context());
		expect({ image: exported.data.coverImage, found: exported.coverInImages }).toEqual({ image: './images/cat.jpg', found: './images/cat.jpg' });
		const beside = await preparePostFile(post('coverImage: "cover.jpg"'), context());
		expect({ image: beside.data.coverImage, found: beside.coverInImages }).toEqual({ image: './cover.jpg', found: undefined });
	});

	test('admonitions become callouts, unless the callouts option is off', async () => {
		const body = ':::tip\nUse React.\n:::\n';
		expect((await preparePostFile(post('', body), context())).body).toBe('> [!TIP]\n> Use React.\n>\n');
		const off = context({ config: { timeZone: 'UTC', strict: false, locale: 'en', remoteImageTimeout: 15, callouts: false } });
		expect((await preparePostFile(post('', body), off)).body).toBe(body);
	});

	test("reads Chirpy's prompts as callouts, and names the kramdown attribute lists it leaves out", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', '> A tip.\n{: .prompt-tip }\n\nThe `a/b`{: .filepath} file.\n'), context());
		expect(prepared.body).toBe('> [!TIP]\n> A tip.\n\nThe `a/b` file.\n');
		expect(warnings).toEqual(['src/content/posts/trip/index.md:9: {: .filepath}, a kramdown attribute list, is left out: Carnet does not apply its classes and attributes.']);
		warnings.length = 0;
		await preparePostFile(post('', '# H\n{: .mt-4 }\n\n![x](/images/cover.jpg){: w="1" h="2" }\n'), context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:7: {: .mt-4 } and 1 other kramdown attribute list (lines 7, 9) are left out: Carnet does not apply their classes and attributes.',
		]);
	});

	test("reads a Nikola post's metadata comment: title, slug, date with its offset, tags, description; empty fields are absent", async () => {
		warnings.length = 0;
		const nikola = '<!--\n .. title: How to make money\n.. slug: how-to-make-money\n.. date: 2012-09-15 19:52:05 UTC-03:00\n.. tags: money, blogging\n.. link: \n.. description: A guide.\n.. type: text\n-->\n\nWrite this.\n';
		const prepared = await preparePostFile(nikola, context());
		expect(prepared.id).toBe('how-to-make-money');
		expect(prepared.data).toMatchObject({ title: 'How to make money', description: 'A guide.', tags: ['money', 'blogging'] });
		expect((prepared.data.date as Date).toISOString()).toBe('2012-09-15T22:52:05.000Z');
		expect(prepared.body.trim()).toBe('Write this.');
		expect(prepared.source.bodyLine).toBe(10);
		// A comment that is not Nikola's metadata is the body's.
		const comment = await preparePostFile('<!--\nA note.\n-->\n\nText.\n', context());
		// Untitled: its first words outside the comment title it.
		expect(comment.data.title).toBe('Text.');
		expect(comment.body).toContain('A note.');
	});

	test("reads a Pelican title, summary or description in quotes as the text inside them, as YAML metadata reads it, and keeps quotes that are part of the text", async () => {
		const quoted = await preparePostFile('title: "Improving the build"\nauthors: Be.\ntags: 2.3, builds, infrastructure\ndate: 2021-02-23 19:17:51\nsummary: \'What changed\'\n\nBody.\n', context());
		expect([quoted.data.title, quoted.data.summary, quoted.id]).toEqual(['Improving the build', 'What changed', 'improving-the-build']);
		const inner = await preparePostFile('Title: "Quoted" words\nDate: 2021-02-23\n\nBody.\n', context());
		expect(inner.data.title).toBe('"Quoted" words');
	});

	test("reads a Frog post's header: its title, its date in the site's time zone, its tags and authors, none of it shown", async () => {
		const frog = '    Title: Hello Frog\n    Date: 2012-06-03T02:10:00\n    Tags: racket, macros\n    Authors: Greg Hendershott\n\nBody text.\n';
		const prepared = await preparePostFile(frog, context({ config: { timeZone: 'Europe/Paris', strict: false, locale: 'en', remoteImageTimeout: 15 } }));
		expect(prepared.data).toMatchObject({ title: 'Hello Frog', tags: ['racket', 'macros'], authors: ['Greg Hendershott'] });
		expect((prepared.data.date as Date).toISOString()).toBe('2012-06-03T00:10:00.000Z');
		expect(prepared.body.trim()).toBe('Body text.');
	});

	test("holds back a Frog post tagged DRAFT, as Frog does, with a warning naming its Tags line, and keeps DRAFT out of its tags", async () => {
		warnings.length = 0;
		const frog = '    Title: Hello Frog\n    Date: 2013-06-19T00:00:00\n    Tags: racket, DRAFT\n\nBody of frog.\n';
		const prepared = await preparePostFile(frog, context());
		expect([prepared.heldBack, prepared.hidden, prepared.data.draft, prepared.data.tags]).toEqual(['draft', true, true, ['racket']]);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:3: Tags: racket, DRAFT tags the post DRAFT, Frog's mark of a post it does not publish: the post is held back as a draft, and DRAFT is not one of its tags. Remove DRAFT from Tags to publish it.",
		]);
		// A tag of other capitals is the post's own.
		warnings.length = 0;
		const lower = await preparePostFile(frog.replace('DRAFT', 'Draft'), context());
		expect([lower.heldBack, lower.data.tags, warnings]).toEqual([undefined, ['racket', 'Draft'], []]);
	});

	test("reads a Pandoc title block as the post's title, authors and date, and publishes the body after it whole", async () => {
		const prepared = await preparePostFile('% Everything Pandoc Markdown\n% Author One; Author Two\n% 2020-05-04\n\n# Introduction\n\nText.\n', context());
		expect(prepared.data).toMatchObject({ title: 'Everything Pandoc Markdown', authors: ['Author One', 'Author Two'] });
		expect((prepared.data.date as Date).toISOString()).toBe('2020-05-04T00:00:00.000Z');
		// Named after its file, as Pandoc's output is.
		expect(prepared.id).toBe('trip');
		expect(prepared.body.trim()).toBe('# Introduction\n\nText.');
		await expect(preparePostFile('% In MDX\n%\n% 2020-05-04\n\nText.\n', jekyll('pandoc.mdx'))).rejects.toThrow("src/content/posts/pandoc.mdx:1: Pandoc's title block (% Title …) cannot open an MDX post");
	});

	test("reads a Pelican post's metadata: lists of tags and authors, one category, drafts, summary and modified", async () => {
		const pelican = 'Title: Pelican Markdown\nDate: 2017-01-20 05:00\nModified: 2018-11-25 06:15\nTags: pelican; markdown, metadata\nStatus: draft\nCategory: How to\nAuthors: Alexis Metaireau, Conan Doyle\nSummary: Using Pelican Markdown files\n\nPelican Markdown\n';
		const prepared = await preparePostFile(pelican, context());
		expect(prepared.data).toMatchObject({ title: 'Pelican Markdown', tags: ['pelican', 'markdown, metadata'], category: ['How to'], authors: ['Alexis Metaireau', 'Conan Doyle'], draft: true, summary: 'Using Pelican Markdown files' });
		expect(prepared.data).not.toHaveProperty('status');
		// Pelican names the page after the title, not the file, unless a Slug says otherwise.
		expect(prepared.id).toBe('pelican-markdown');
		expect((await preparePostFile('Title: Named\nSlug: my-own\nDate: 2017-01-20\n\nText.\n', context())).id).toBe('my-own');
		expect((prepared.data.modified as Date).toISOString()).toBe('2018-11-25T06:15:00.000Z');
		expect(prepared.heldBack).toBe('draft');
		await expect(preparePostFile('Title: In MDX\nDate: 2017-01-20\n\nText.\n', jekyll('pelican.mdx'))).rejects.toThrow(
			"src/content/posts/pelican.mdx:1: Pelican's metadata lines (Title: …) cannot open an MDX post",
		);
		await expect(preparePostFile('title: Hello MDX\ndate: 2013-12-25\n---\nText.\n', jekyll('hexo.mdx'))).rejects.toThrow(
			'src/content/posts/hexo.mdx:1: Front matter without its opening "---" (as Hexo reads it) cannot open an MDX post',
		);
	});

	test("reads a Pelican field left empty (Slug:, Tags:, Authors:, Summary:) as absent: the address comes from the title", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile('Title: Hello Empty Slug\nDate: 2020-01-10\nSlug:\nTags:\nAuthors:\nSummary:\n\nBody text.\n', context());
		expect(prepared.id).toBe('hello-empty-slug');
		for (const key of ['tags', 'authors', 'summary']) expect(prepared.data).not.toHaveProperty(key);
		expect(warnings).toEqual([]);
		// A value on the indented line under its key is the key's.
		const continued = await preparePostFile('Title: Continued\nDate: 2020-01-10\nSummary:\n    On the next line.\n\nBody.\n', context());
		expect(continued.data.summary).toBe('On the next line.');
	});

	test("reads a Pelican summary written with HTML as the text it shows, its tags left out and a line break a space, as Pelican formats the summary", async () => {
		const prepared = await preparePostFile('Title: Summary html\nDate: 2020-01-02\nSummary: First line.<br>Second **bold** and <em>em</em> &amp; <span class="x">more</span>.\n\nBody.\n', context());
		expect(prepared.data.summary).toBe('First line. Second bold and em & more.');
		const block = await preparePostFile('Title: Summary block\nDate: 2020-01-02\nSummary: <p>A <b>whole</b> paragraph &lt;tag&gt;.</p><!-- note -->\n\nBody.\n', context());
		expect(block.data.summary).toBe('A whole paragraph <tag>.');
		// Code keeps what it shows, tags included.
		const code = await preparePostFile('Title: Summary code\nDate: 2020-01-02\nSummary: Use `<br>` for a break.\n\nBody.\n', context());
		expect(code.data.summary).toBe('Use <br> for a break.');
		// A description in YAML front matter keeps its HTML as written, as Hugo prints it.
		const yaml = await preparePostFile(post('description: "A <em>b</em>"'), context());
		expect(yaml.data.description).toBe('A <em>b</em>');
	});

	test("shows a Pelican image written with {filename} or with its braces percent-encoded from public/, as {static} is, with no warning", async () => {
		warnings.length = 0;
		const pelican = 'Title: Shots\nDate: 2020-01-01\n\n![shot]({filename}/images/cover.jpg)\n\n[![cover](%7Bstatic%7D/images/cover.jpg)](%7Bstatic%7D/images/cover.jpg)\n';
		const prepared = await preparePostFile(pelican, context());
		expect(prepared.body.trim()).toBe('![shot](/images/cover.jpg)\n\n[![cover](/images/cover.jpg)](/images/cover.jpg)');
		expect(warnings).toEqual([]);
	});

	test("Hextra's hideOnBlog holds the post back as a draft, with a warning, as Carnet has no unlisted posts", async () => {
		warnings.length = 0;
		const hidden = await preparePostFile(post('hideOnBlog: true'), context());
		expect(hidden.data.draft).toBe(true);
		expect(warnings).toEqual([expect.stringContaining('hideOnBlog: true asks for a page that no list shows')]);
	});

	test("hidden: true (Hugo Anubis's, PaperMod's, hexo-hide-posts') holds the post back as a draft, with the unlisted warning; false says nothing, and another value stays the theme's", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const anubis = await preparePostFile('+++\nauthor = "Dmitry Kolosov"\ntitle = "Hidden Post"\ndate = "2021-12-24"\nhidden = true\n+++\n\nThis is hidden post\n', context());
		expect([anubis.data.draft, anubis.heldBack, anubis.data.hidden]).toEqual([true, 'draft', undefined]);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5: hidden: true asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
		warnings.length = 0;
		const listed = await preparePostFile(post('hidden: false'), context());
		expect([listed.heldBack, listed.data.hidden, warnings]).toEqual([undefined, undefined, []]);
		const other = await preparePostFile(post('hidden: sidebar'), context());
		expect([other.heldBack, other.data.hidden]).toEqual([undefined, 'sidebar']);
		warnUnknownKeys(schema.parse(other.data), other.source, context());
		expect(warnings).toEqual([expect.stringContaining('src/content/posts/trip/index.md:4: front-matter key "hidden" is not a Carnet field')]);
	});

	test("a Jekyll post's hidden: true (jekyll-paginate-v2's and Minimal Mistakes' post left out of the paginated list only) is published, where Hugo themes' and hexo-hide-posts' is held back", async () => {
		warnings.length = 0;
		const jekyll = (displayPath: string) => context({ displayPath, entryFile: path.join(root, displayPath) });
		const matchhero = await preparePostFile('---\nlayout: post\npermalink: projects/:title\ntitle: MatchHero Cycling\nhidden: true # hide from pagination\n---\nBody.\n', jekyll('src/content/posts/2018-05-01-matchhero.md'));
		expect([matchhero.heldBack, matchhero.data.draft, matchhero.data.hidden]).toEqual([undefined, undefined, true]);
		const posts = await preparePostFile('---\ntitle: A\nhidden: true\n---\nBody.\n', jekyll('src/content/posts/_posts/2020-01-02-a.md'));
		expect([posts.heldBack, posts.data.draft]).toEqual([undefined, undefined]);
		expect(warnings.filter((warning) => warning.includes('hidden'))).toEqual([]);
		const hexo = await preparePostFile('---\ntitle: A\ndate: 2020-01-02\nhidden: true\n---\nBody.\n', jekyll('src/content/posts/source/_posts/2020-01-02-a.md'));
		expect([hexo.heldBack, hexo.data.draft]).toEqual(['draft', true]);
		expect(warnings.filter((warning) => warning.includes('hidden'))).toEqual([expect.stringContaining('src/content/posts/source/_posts/2020-01-02-a.md:4: hidden: true asks for a page that no list shows')]);
	});

	test("a Jekyll post's Hidden: true, which Jekyll does not read, is published and kept under its key as written, the warning naming it so", async () => {
		warnings.length = 0;
		const displayPath = 'src/content/posts/_posts/2024-01-01-j1.md';
		const jekyll = context({ displayPath, entryFile: path.join(root, displayPath) });
		const prepared = await preparePostFile('---\ntitle: "J1 Hidden true"\nHidden: true\n---\nJekyll body.\n', jekyll);
		expect([prepared.heldBack, prepared.data.draft, prepared.data.hidden, prepared.data.Hidden]).toEqual([undefined, undefined, undefined, true]);
		const parsed = postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(prepared.data);
		expect(parsed.extra).toEqual({ Hidden: true });
		warnUnknownKeys(parsed, prepared.source, jekyll);
		expect(warnings.filter((warning) => /hidden/i.test(warning))).toEqual([expect.stringContaining(`${displayPath}:3: front-matter key "Hidden" is not a Carnet field; it is kept as data.extra.Hidden`)]);
	});

	test('hidden written as a YAML 1.1 flag word (hidden: yes, on) holds the post back as hidden: true does, and no or off says nothing', async () => {
		warnings.length = 0;
		const yes = await preparePostFile(post('hidden: yes'), context());
		expect([yes.heldBack, yes.data.draft, yes.data.hidden]).toEqual(['draft', true, undefined]);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: hidden: true asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
		warnings.length = 0;
		const on = await preparePostFile(post('unlisted: On'), context());
		expect(on.heldBack).toBe('draft');
		const off = await preparePostFile(post('hidden: off'), context());
		expect([off.heldBack, off.data.hidden]).toEqual([undefined, undefined]);
		expect(warnings).toEqual([expect.stringContaining('unlisted: true asks for a page that no list shows')]);
	});

	test("Ghost's members-only visibility holds the post back as a draft, with a warning; public says nothing", async () => {
		warnings.length = 0;
		const paid = await preparePostFile(post('visibility: paid'), context());
		expect(paid.data.draft).toBe(true);
		expect(paid.data.visibility).toBeUndefined();
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: visibility: paid says the post is not for everyone \(Ghost's members, or a private note\), and a static site publishes to everyone/)]);
		warnings.length = 0;
		const open = await preparePostFile(post('visibility: public'), context());
		expect(open.data.draft).toBeUndefined();
		expect(warnings).toEqual([]);
	});

	test("Qiita's private and ignorePublish hold the post back as a draft, private with a warning, and Qiita CLI's other fields are not warned about", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const qiita = await preparePostFile(post("tags:\n  - '参加レポート'\nprivate: true\nupdated_at: ''\nid: null\norganization_url_name: null\nslide: false\nignorePublish: true"), context());
		expect(qiita.data.draft).toBe(true);
		expect(qiita.heldBack).toBe('draft');
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:6: private: true says the post is not for everyone (Ghost's members, or a private note), and a static site publishes to everyone, in full, feeds included. The post is held back as a draft. Remove private (or write private: false) to publish it to everyone.",
		]);
		warnings.length = 0;
		warnUnknownKeys(schema.parse(qiita.data), qiita.source, context());
		expect(warnings).toEqual([]);
		// A post Qiita CLI does not upload is a draft, as `draft: true` says it, without more.
		const kept = await preparePostFile(post('private: false\nignorePublish: true'), context());
		expect([kept.data.draft, warnings]).toEqual([true, []]);
		const published = await preparePostFile(post('private: false\nignorePublish: false\nslide: false'), context());
		expect(published.data.draft).toBeUndefined();
		expect(published.heldBack).toBeUndefined();
		warnUnknownKeys(schema.parse(published.data), published.source, context());
		expect(warnings).toEqual([]);
	});

	test("private written as 1, \"true\" or yes holds the post back as private: true does, with the same warning, and 0 publishes it", async () => {
		for (const written of ['private: 1', 'private: "true"', 'private: yes', "private: 'True'"]) {
			warnings.length = 0;
			const held = await preparePostFile(post(written), context());
			expect([written, held.heldBack, held.data.draft, held.data.private]).toEqual([written, 'draft', true, undefined]);
			expect(warnings).toEqual([
				"src/content/posts/trip/index.md:4: private: true says the post is not for everyone (Ghost's members, or a private note), and a static site publishes to everyone, in full, feeds included. The post is held back as a draft. Remove private (or write private: false) to publish it to everyone.",
			]);
		}
		warnings.length = 0;
		const open = await preparePostFile(post('private: 0'), context());
		expect([open.heldBack, open.data.draft, open.data.private, warnings]).toEqual([undefined, undefined, undefined, []]);
	});

	test('a publication flag written 1, 0, "1", "0", t or f is read as Hugo reads it (draft: 1 is a draft, published: 0 and publish: 0 hold the post back), and draft: 2 stops the build naming its line', async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		for (const written of ['draft: 1', 'draft: "1"', 'draft: t', "draft: 'T'", 'draft: yes', 'published: 0', 'published: "f"', 'publish: 0', 'dg-publish: "0"', 'dg-publish: no', 'Draft: 1', 'published: true\nPublished: 0', 'draft: false\ndraft: "t"']) {
			const held = await preparePostFile(post(written), context());
			expect([written, held.heldBack, held.data.draft, schema.safeParse(held.data).success]).toEqual([written, 'draft', true, true]);
		}
		for (const written of ['draft: 0', 'draft: "0"', 'draft: F', 'published: 1', 'publish: 1', 'dg-publish: "1"']) {
			warnings.length = 0;
			const open = await preparePostFile(post(written), context());
			const parsed = schema.parse(open.data);
			warnUnknownKeys(parsed, open.source, context());
			expect([written, open.heldBack, parsed.draft, warnings]).toEqual([written, undefined, false, []]);
		}
		const two = await preparePostFile(post('draft: 2'), context());
		expect(schema.safeParse(two.data).success).toBe(false);
		expect((explainSchemaError(new Error('schema'), two, context()) as Error).message).toBe('src/content/posts/trip/index.md:4: draft: expected true or false (or 1 or 0), received 2.');
	});

	test("a post its engine encrypts (Mizuki's encrypted, hexo-blog-encrypt's password, hexo-encrypt's encrypt) is held back as a draft, with a warning naming its line, and its password is in no data", async () => {
		warnings.length = 0;
		const mizuki = await preparePostFile(post('encrypted: true\npassword: "123456"'), context());
		expect([mizuki.data.draft, mizuki.heldBack, mizuki.data.password, mizuki.data.encrypted]).toEqual([true, 'draft', undefined, undefined]);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: encrypted: true asks for a post that only readers who know its password can read, and Carnet does not encrypt posts: a static site publishes each post to everyone, in full, feeds and search included. The post is held back as a draft. Remove encrypted and password to publish it to everyone.',
		]);
		warnings.length = 0;
		const hexo = await preparePostFile(post('tags: [a]\npassword: mikemessi'), context());
		expect([hexo.heldBack, hexo.data.password]).toEqual(['draft', undefined]);
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:5: password: … asks for a post .* Remove password to publish it to everyone\.$/)]);
		warnings.length = 0;
		const hexoEncrypt = await preparePostFile(post('encrypt: true\nenc_pwd: 123456'), context());
		expect([hexoEncrypt.heldBack, hexoEncrypt.data.enc_pwd]).toEqual(['draft', undefined]);
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: encrypt: true asks .* Remove encrypt and enc_pwd to publish it to everyone\.$/)]);
		expect(warnings.join('\n')).not.toContain('123456');
		// Mizuki's template writes `encrypted: false` and an empty password: a post like any other.
		warnings.length = 0;
		const open = await preparePostFile(post('encrypted: false\npassword: ""'), context());
		expect([open.heldBack, open.data.draft, open.data.password, open.data.encrypted, warnings]).toEqual([undefined, undefined, undefined, undefined, []]);
	});

	test("a protected-post plugin's key written in another case (Password: secret alone, PASSWORD, Encrypted, ENCRYPT: 1 with Enc_Pwd) holds the post back as its lower-case spelling does, the warning naming the key as written and its line, never the password, which is in no data", async () => {
		const cases: [string, string][] = [
			['Password: topsecret', 'Password: … asks'],
			['PASSWORD: topsecret', 'PASSWORD: … asks'],
			['pAssWord: "topsecret"', 'pAssWord: … asks'],
			['Encrypted: true\nPassword: topsecret', 'Encrypted: true asks'],
			['ENCRYPTED: true\npassword: topsecret', 'ENCRYPTED: true asks'],
			['Encrypt: true\nEnc_Pwd: topsecret', 'Encrypt: true asks'],
			['ENCRYPT: 1\nENC_PWD: topsecret', 'ENCRYPT: 1 asks'],
			// Two spellings that both hold the post back: the lower-case one is read, and the other goes too.
			['Password: topsecret\npassword: topsecret2', 'password: … asks'],
		];
		for (const [written, named] of cases) {
			warnings.length = 0;
			const held = await preparePostFile(post(written), context());
			expect([written, held.heldBack, held.data.draft]).toEqual([written, 'draft', true]);
			expect(JSON.stringify(held.data), written).not.toContain('topsecret');
			warnUnknownKeys(postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(held.data), held.source, context());
			expect(warnings, written).toEqual([expect.stringContaining(`src/content/posts/trip/index.md:${written.startsWith('Password: topsecret\n') ? 5 : 4}: ${named} for a post that only readers who know its password can read`)]);
			expect(warnings.join('\n'), written).not.toContain('topsecret');
		}
		warnings.length = 0;
		await preparePostFile(post('Encrypted: true\nPassword: topsecret'), context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: Encrypted: true asks for a post that only readers who know its password can read, and Carnet does not encrypt posts: a static site publishes each post to everyone, in full, feeds and search included. The post is held back as a draft. Remove Encrypted and Password to publish it to everyone.',
		]);
		// So are the other keys Carnet reads before the schema that hold a post back.
		for (const written of ['Private: true', 'Hidden: true', 'UNLISTED: true', 'Publish: false', 'DG-Publish: false']) {
			expect([written, (await preparePostFile(post(written), context())).heldBack]).toEqual([written, 'draft']);
		}
		// Encrypted: false says the password is not used, as encrypted: false does.
		warnings.length = 0;
		const open = await preparePostFile(post('Encrypted: false\nPassword: ""'), context());
		expect([open.heldBack, open.data, warnings]).toEqual([undefined, { title: 'Trip', date: open.data.date }, []]);
	});

	test('every other key that holds a post back is read in any case (Status, STATUS, Visibility, Headless, Build, _Build, IgnorePublish, EleventyExcludeFromCollections, HideOnBlog), the warning naming the key as written and its line', async () => {
		const cases: [string, string | undefined][] = [
			['Status: draft', undefined],
			['STATUS: private', undefined],
			['Status: Pending', undefined],
			['Status: hidden', 'src/content/posts/trip/index.md:4: Status: hidden asks for a page that no list shows'],
			['Visibility: members', "src/content/posts/trip/index.md:4: Visibility: members says the post is not for everyone (Ghost's members, or a private note), and a static site publishes to everyone, in full, feeds included. The post is held back as a draft. Remove Visibility (or write Visibility: public) to publish it to everyone."],
			['VISIBILITY: paid', 'src/content/posts/trip/index.md:4: VISIBILITY: paid says the post is not for everyone'],
			['Headless: true', undefined],
			['Build:\n  render: never', undefined],
			['_Build:\n  render: never', undefined],
			['BUILD:\n  list: never', 'src/content/posts/trip/index.md:4: BUILD: list: never asks for a page that no list shows'],
			['IgnorePublish: true', undefined],
			['EleventyExcludeFromCollections: true', 'src/content/posts/trip/index.md:4: EleventyExcludeFromCollections: true asks for a page that no list shows'],
			['HideOnBlog: true', 'src/content/posts/trip/index.md:4: HideOnBlog: true asks for a page that no list shows'],
		];
		for (const [written, warning] of cases) {
			warnings.length = 0;
			const held = await preparePostFile(post(written), context());
			expect([written, held.heldBack, held.data.draft]).toEqual([written, 'draft', true]);
			expect(warnings, written).toEqual(warning === undefined ? [] : [expect.stringContaining(warning)]);
		}
		// Said so in the other case, the post is published, and nothing of the key is left to warn about.
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		for (const written of ['Status: published', 'Visibility: public', 'Headless: false', 'IgnorePublish: false', 'EleventyExcludeFromCollections: false']) {
			warnings.length = 0;
			const open = await preparePostFile(post(written), context());
			warnUnknownKeys(schema.parse(open.data), open.source, context());
			expect([written, open.heldBack, open.data.draft, warnings]).toEqual([written, undefined, undefined, []]);
		}
	});

	test('of a hold-back key written in two cases whose values disagree, the one that holds the post back is read, whichever comes first', async () => {
		for (const written of ['status: published\nStatus: draft', 'Status: draft\nstatus: published', 'visibility: public\nVisibility: members', 'headless: false\nHeadless: true', 'build:\n  render: always\nBuild:\n  render: never', 'Status: draft\nSTATUS: published']) {
			const held = await preparePostFile(post(written), context());
			expect([written, held.heldBack, held.data.draft]).toEqual([written, 'draft', true]);
		}
		warnings.length = 0;
		await preparePostFile(post('visibility: public\nVisibility: members'), context());
		expect(warnings).toEqual([expect.stringContaining('src/content/posts/trip/index.md:5: Visibility: members says the post is not for everyone')]);
		// Two spellings that agree that the post is public publish it.
		const open = await preparePostFile(post('status: published\nStatus: publish'), context());
		expect([open.heldBack, open.data.draft]).toEqual([undefined, undefined]);
	});

	test("hexo-encrypt's encrypt: 1, which its encrypt == true holds for, holds the post back as encrypt: true does, and so does encrypt: yes, which its author meant so", async () => {
		warnings.length = 0;
		for (const frontMatter of ['encrypt: 1\nenc_pwd: 123456', 'encrypt: "1"\nenc_pwd: 123456']) {
			const prepared = await preparePostFile(post(frontMatter), context());
			expect([prepared.heldBack, prepared.data.draft, prepared.data.encrypt, prepared.data.enc_pwd]).toEqual(['draft', true, undefined, undefined]);
		}
		expect(warnings).toEqual([
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: encrypt: 1 asks for a post that only readers who know its password can read, .* Remove encrypt and enc_pwd to publish it to everyone\.$/),
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: encrypt: 1 asks /),
		]);
		expect((await preparePostFile(post('encrypt: yes'), context())).heldBack).toBe('draft');
		expect((await preparePostFile(post('encrypt: 0'), context())).heldBack).toBeUndefined();
	});

	test('a flag that holds a post back written as text or a YAML 1.1 word (encrypted: "true", encrypt: yes, private: "true", hidden: "yes", draft: "yes", unlisted: On, headless: "true") holds it back, the warning naming the value as written', async () => {
		const held: [string, string | undefined][] = [
			['encrypted: "true"', 'src/content/posts/trip/index.md:4: encrypted: true asks for a post that only readers who know its password can read'],
			['encrypted: yes', 'src/content/posts/trip/index.md:4: encrypted: yes asks for a post that only readers who know its password can read'],
			['Encrypted: On', 'src/content/posts/trip/index.md:4: Encrypted: On asks for a post'],
			['encrypt: "yes"\nenc_pwd: topsecret', 'src/content/posts/trip/index.md:4: encrypt: yes asks for a post'],
			['encrypt: t', 'src/content/posts/trip/index.md:4: encrypt: t asks for a post'],
			['private: "true"', 'src/content/posts/trip/index.md:4: private: true says the post is not for everyone'],
			['hidden: "yes"', 'src/content/posts/trip/index.md:4: hidden: true asks for a page that no list shows'],
			['unlisted: On', 'src/content/posts/trip/index.md:4: unlisted: true asks for a page that no list shows'],
			['hideOnBlog: "on"', 'src/content/posts/trip/index.md:4: hideOnBlog: true asks for a page that no list shows'],
			['eleventyExcludeFromCollections: "yes"', 'src/content/posts/trip/index.md:4: eleventyExcludeFromCollections: true asks for a page that no list shows'],
			['draft: "yes"', undefined],
			['headless: "true"', undefined],
			['ignorePublish: yes', undefined],
		];
		for (const [written, warning] of held) {
			warnings.length = 0;
			const prepared = await preparePostFile(post(written), context());
			expect([written, prepared.heldBack, prepared.data.draft]).toEqual([written, 'draft', true]);
			expect(JSON.stringify(prepared.data), written).not.toContain('topsecret');
			expect(warnings, written).toEqual(warning === undefined ? [] : [expect.stringContaining(warning)]);
		}
		// Written false, the flag publishes the post, with nothing left to warn about.
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		for (const written of ['encrypted: "false"\npassword: ""', 'encrypted: "no"\npassword: topsecret', 'encrypt: off', 'headless: "false"', 'ignorePublish: no', 'hideOnBlog: "0"', 'unlisted: Off']) {
			warnings.length = 0;
			const open = await preparePostFile(post(written), context());
			warnUnknownKeys(schema.parse(open.data), open.source, context());
			expect([written, open.heldBack, open.data.draft, warnings]).toEqual([written, undefined, undefined, []]);
			expect(JSON.stringify(open.data), written).not.toContain('topsecret');
		}
	});

	test('an empty password (Password: "", enc_pwd: "") publishes the post, with a warning naming its line and key that it protects nothing, and none beside encrypted: false', async () => {
		for (const [written, line, key] of [
			['tags: [a]\nPassword: ""', 5, 'Password'],
			['password: "  "', 4, 'password'],
			['enc_pwd: ""', 4, 'enc_pwd'],
		] as const) {
			warnings.length = 0;
			const open = await preparePostFile(post(written), context());
			expect([written, open.heldBack, open.data.draft, open.data.password, open.data.Password]).toEqual([written, undefined, undefined, undefined, undefined]);
			expect(warnings).toEqual([
				`src/content/posts/trip/index.md:${line}: ${key}: "" is an empty password, which protects nothing: the post is published to everyone, as one without a password is. Remove ${key} to say so, or remove the post if it was meant for a few readers only: Carnet does not encrypt posts.`,
			]);
		}
		// Mizuki's template: encrypted: false says the password is not used, as encrypt: 0 does.
		for (const written of ['encrypted: false\npassword: ""', 'encrypt: 0\nenc_pwd: ""']) {
			warnings.length = 0;
			await preparePostFile(post(written), context());
			expect([written, warnings]).toEqual([written, []]);
		}
	});

	test('a flag that holds a post back written with a value that is neither true nor false (private: maybe, encrypted: "sure", encrypt: 2) holds it back, with a warning naming its line, key and value, but for a value under encrypted or encrypt, which may be a password', async () => {
		warnings.length = 0;
		const maybe = await preparePostFile(post('tags: [a]\nprivate: maybe'), context());
		expect([maybe.heldBack, maybe.data.draft, maybe.data.private]).toEqual(['draft', true, undefined]);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:5: private: "maybe" is neither true nor false, so Carnet cannot tell whether it holds the post back: the post is held back as a draft, so that it is not published by mistake. Write private: false to publish it, or private: true to hold it back.',
		]);
		for (const [written, named] of [
			// What is written under a protected-post plugin's key may be the password: it is not shown.
			['encrypted: "sure"', 'encrypted: …'],
			['Unlisted: later', 'Unlisted: "later"'],
			['encrypt: 2', 'encrypt: …'],
			['headless: [a]', 'headless: ["a"]'],
		]) {
			warnings.length = 0;
			const prepared = await preparePostFile(post(written as string), context());
			expect([written, prepared.heldBack]).toEqual([written, 'draft']);
			expect(warnings).toEqual([expect.stringMatching(new RegExp(`^src/content/posts/trip/index\\.md:4: ${(named as string).replace(/[[\]]/g, '\\$&')} is neither true nor false`))]);
		}
		// An empty flag says nothing.
		warnings.length = 0;
		const empty = await preparePostFile(post('private: ""\nencrypted:'), context());
		expect([empty.heldBack, warnings]).toEqual([undefined, []]);
	});

	test('an encrypted block (:::encrypted{password="…"}) is left out of the body, with a warning naming its line, and the rest of the post is published', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', 'Public part.\n\n:::encrypted{password="koharu"}\nPrivate part.\n\n:::tip\nInside.\n:::\n:::\n\nAfter.\n'), context());
		expect(prepared.heldBack).toBeUndefined();
		expect(prepared.body).toBe('Public part.\n\n\n\n\n\n\n\n\n\nAfter.\n');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. To publish the block, remove its :::encrypted and ::: lines.',
		]);
		// With callouts off, and in MDX, whose file is compiled as it is loaded.
		const off = context({ config: { timeZone: 'UTC', strict: false, locale: 'en', remoteImageTimeout: 15, callouts: false } });
		expect((await preparePostFile(post('', 'A.\n:::encrypted{password="k"}\nB.\n:::\n'), off)).body).toBe('A.\n\n\n\n');
		expect(withMdxCallouts('---\ntitle: M\n---\nA.\n:::encrypted{password="k"}\nB.\n:::\n', { callouts: false, locale: 'en', strings: undefined } as never)).toBe('---\ntitle: M\n---\nA.\n\n\n\n');
	});

	test('an encrypted block never closed, or in a quote or a list item, is left out to the end of what holds it, with a warning naming its line, and code showing one is kept', async () => {
		warnings.length = 0;
		const unclosed = await preparePostFile(post('', 'Public intro.\n\n:::encrypted{password="s3cret"}\nSecret body.\n\nMore secret.\n'), context());
		expect(unclosed.body).toBe('Public intro.\n\n\n\n\n\n');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: the :::encrypted block, meant for readers who know its password, has no closing ::: line, so it is left out up to the end of the post. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. Close it with a ::: line where it ends, or remove its :::encrypted line to publish it.',
		]);
		warnings.length = 0;
		const held = await preparePostFile(
			post('', '> Quoted.\n> :::encrypted{password="q1"}\n> Secret in quote.\n> :::\n> After.\n\n- item\n\n  :::encrypted{password="l1"}\n  Secret in list.\n\n- next\n\n> :::encrypted{password="q2"}\n> Unclosed in quote.\n\nPublic.\n\n:::encrypted{password="c1"}\nSecret colons.\n::::\n\n```md\n:::encrypted{password="demo"}\nDemo.\n:::\n```\n\n    :::encrypted{password="demo2"}\n'),
			context(),
		);
		expect(held.body).toBe('> Quoted.\n>\n>\n>\n> After.\n\n- item\n\n\n\n\n- next\n\n>\n>\n\nPublic.\n\n\n\n\n\n```md\n:::encrypted{password="demo"}\nDemo.\n:::\n```\n\n    :::encrypted{password="demo2"}\n');
		expect(warnings.map((warning) => warning.slice(0, warning.indexOf(' Carnet')))).toEqual([
			'src/content/posts/trip/index.md:7: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::.',
			'src/content/posts/trip/index.md:14: the :::encrypted block, meant for readers who know its password, has no closing ::: line, so it is left out up to the end of its list item.',
			'src/content/posts/trip/index.md:19: the :::encrypted block, meant for readers who know its password, has no closing ::: line, so it is left out up to the end of its quote.',
			'src/content/posts/trip/index.md:24: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::.',
		]);
		expect(withMdxCallouts('---\ntitle: M\n---\nA.\n:::encrypted{password="k"}\nB.\n', { callouts: false, locale: 'en', strings: undefined } as never)).toBe('---\ntitle: M\n---\nA.\n\n\n');
	});

	test("hugo-encrypt's text ({{% hugo-encrypt \"password\" %}} up to {{% /hugo-encrypt %}}) is left out of the body, password included, with a warning naming its line, and the rest of the post is published", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(
			post('description: ""', 'This content is visible to anyone.\n\n{{% hugo-encrypt "postspecificpassword" %}}\n\nThis content will be encrypted!\n\n{{% /hugo-encrypt %}}\n\nAfter. Inline {{< hugo-encrypt pw >}}secret words{{< /hugo-encrypt >}} stays.\n\n```md\n{{% hugo-encrypt "demo" %}}Example.{{% /hugo-encrypt %}}\n```\n'),
			context(),
		);
		expect(prepared.heldBack).toBeUndefined();
		expect(prepared.body).toBe('This content is visible to anyone.\n\n\n\n\n\n\n\nAfter. Inline stays.\n\n```md\n{{% hugo-encrypt "demo" %}}Example.{{% /hugo-encrypt %}}\n```\n');
		expect(JSON.stringify(prepared.data)).not.toMatch(/encrypted!|postspecificpassword|secret words/);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: the text of the {{% hugo-encrypt %}} shortcode, meant for readers who know its password, is left out up to its {{% /hugo-encrypt %}}. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. To publish the text, remove its {{% hugo-encrypt %}} and {{% /hugo-encrypt %}}.',
			'src/content/posts/trip/index.md:14: the text of the {{< hugo-encrypt >}} shortcode, meant for readers who know its password, is left out up to its {{< /hugo-encrypt >}}. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. To publish the text, remove its {{< hugo-encrypt >}} and {{< /hugo-encrypt >}}.',
		]);
		warnings.length = 0;
		const unclosed = await preparePostFile(post('', 'Intro.\n{{% hugo-encrypt %}}\nSecret.\n'), context());
		expect(unclosed.body).toBe('Intro.\n\n\n');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:7: the text of the {{% hugo-encrypt %}} shortcode, meant for readers who know its password, has no {{% /hugo-encrypt %}}, so it is left out up to the end of the post. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. Close it with {{% /hugo-encrypt %}} where it ends, or remove its {{% hugo-encrypt %}} to publish it.',
		]);
	});

	test('hugo-encrypt tags shown in code spans are text, one span running over two lines of a paragraph too, and the rest of the post is published', async () => {
		warnings.length = 0;
		const prose = 'Hugo\'s shortcode (`{{% hugo-encrypt "password" %}}` … `{{% /hugo-encrypt %}}`) is left out in\nthe same way.\n\nOn my old blog I wrapped `notes\nin {{< hugo-encrypt "secret" >}}` tags.\n\nAnd `{{< hugo-encrypt "secret" >}}` alone.\n\nThis paragraph is published.\n';
		const prepared = await preparePostFile(post('description: ""', prose), context());
		expect(prepared.body).toBe(prose);
		expect(warnings).toEqual([]);
	});

	test('an opening hugo-encrypt tag in a code block or code span inside an encrypted block opens nothing: the first closing tag ends the block', () => {
		const body = 'Intro.\n\n{{% hugo-encrypt "pw" %}}\nSecret.\n\n```md\n{{% hugo-encrypt "demo" %}}\n```\n\nAn example: `{{< hugo-encrypt "x" >}}`.\n\n{{% /hugo-encrypt %}}\n\nPublished.\n';
		expect(withoutHugoEncrypt(body)).toEqual({
			body: `Intro.${'\n'.repeat(13)}Published.\n`,
			removed: [{ line: 3, opening: '{{% hugo-encrypt %}}', closing: '{{% /hugo-encrypt %}}', unclosed: false }],
		});
	});

	test('a hugo-encrypt opening tag over several lines is left out with its text; one that cannot be read to its end leaves out what follows it; one in code is the opening of a closing tag outside code that nothing else opens', () => {
		expect(withoutHugoEncrypt('A.\n{{<\n  hugo-encrypt\n\t"PW1"\n>}}\nSECRET1\n{{< /hugo-encrypt >}} B.\n')).toEqual({
			body: 'A.\n\n\n\n\n\nB.\n',
			removed: [{ line: 2, opening: '{{< hugo-encrypt >}}', closing: '{{< /hugo-encrypt >}}', unclosed: false }],
		});
		// A quoted password holding the closing mark is the tag's, as Hugo reads it.
		expect(withoutHugoEncrypt('A {{% hugo-encrypt "PW2%}}x" %}}SECRET2{{% /hugo-encrypt %}} B.').body).toBe('A B.');
		expect(withoutHugoEncrypt('A.\n{{% hugo-encrypt "PW3 %}}\nSECRET3\n{{% /hugo-encrypt %}}\nB.\n{{% hugo-encrypt PW4\nSECRET4\n')).toEqual({
			body: 'A.\n\n\n\nB.\n\n\n',
			removed: [
				{ line: 2, opening: '{{% hugo-encrypt %}}', closing: '{{% /hugo-encrypt %}}', unclosed: false, unread: true },
				{ line: 6, opening: '{{% hugo-encrypt %}}', closing: '{{% /hugo-encrypt %}}', unclosed: true, unread: true },
			],
		});
		expect(withoutHugoEncrypt('A.\n\n```\n{{< hugo-encrypt "PW5" >}}\n```\nSECRET5\n{{< /hugo-encrypt >}} B.\n\n```\n{{< hugo-encrypt "x" >}}Example{{< /hugo-encrypt >}}\n{{</* hugo-encrypt "y" */>}}\n```\n{{< /hugo-encrypt >}}\n')).toEqual({
			body: 'A.\n\n```\n\n```\n\nB.\n\n```\n{{< hugo-encrypt "x" >}}Example{{< /hugo-encrypt >}}\n{{</* hugo-encrypt "y" */>}}\n```\n{{< /hugo-encrypt >}}\n',
			removed: [{ line: 4, opening: '{{< hugo-encrypt >}}', closing: '{{< /hugo-encrypt >}}', unclosed: false, inCode: { closingLine: 7 } }],
		});
	});

	test('unclosed hugo-encrypt tags are read in good time', () => {
		for (const body of ['{{% hugo-encrypt '.repeat(7000), `{{<${' '.repeat(100_000)}`, `{{% hugo-encrypt %}}${'{{% hugo-encrypt %}}\n'.repeat(5000)}`, `hugo-encrypt ${'`a`` '.repeat(10_000)}`, `hugo-encrypt\n${'`a\n'.repeat(15_000)}`, '{{% hugo-encrypt " {{% /hugo-encrypt %}}'.repeat(2500), `{{% hugo-encrypt ${'\\"'.repeat(50_000)}`, `{{% hugo-encrypt "${' '.repeat(100_000)}`, '```\n{{< hugo-encrypt "x" >}}\n```\n' + 'a {{< /hugo-encrypt >}}\n'.repeat(4000)]) {
			const start = performance.now();
			withoutHugoEncrypt(body);
			expect(performance.now() - start).toBeLessThan(500);
		}
	});

	test('an encrypted block whose password holds a } or whose label holds brackets is left out, and one whose opening line cannot be read is left out all the same', async () => {
		warnings.length = 0;
		const held = await preparePostFile(
			post('', 'Intro.\n\n:::encrypted{password="a}b"}\nSECRET1\n:::\n\n:::encrypted[Hint: [the usual one]]{password="pw"}\nSECRET2\n:::\n\n::: Encrypted{password=\'x\' title="T"}\nSECRET3\n:::\n\n:::encrypted{password="unclosed\nSECRET4\n:::\n\nEnd.\n'),
			context(),
		);
		expect(held.body).toBe('Intro.\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nEnd.\n');
		expect(warnings.map((warning) => warning.slice(0, warning.indexOf(' Carnet')))).toEqual([
			'src/content/posts/trip/index.md:8: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::.',
			'src/content/posts/trip/index.md:12: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::.',
			'src/content/posts/trip/index.md:16: the :::Encrypted block, meant for readers who know its password, is left out up to its closing :::.',
			'src/content/posts/trip/index.md:20: the :::encrypted block, meant for readers who know its password, is left out up to its closing :::.',
		]);
		// A label with brackets and a quoted } are read in any admonition; a 100 KB line of them takes no time.
		warnings.length = 0;
		expect((await preparePostFile(post('', ':::tip[See [1]]\nA.\n:::\n\n:::note{title="a}b"}\nB.\n:::\n'), context())).body).toBe('> [!TIP] See [1]\n> A.\n>\n\n> [!NOTE] a}b\n> B.\n>\n');
		const started = performance.now();
		await preparePostFile(post('', `:::tip${'['.repeat(50_000)}\n:::encrypted{${'a="'.repeat(30_000)}\n`), context());
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test("Mizuki's alias is an old address under the posts' path, hexo-generator-alias' paths are from the site's root, and an empty alias is none, without a warning", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const mizuki = await preparePostFile(post('alias: "encrypted-example"'), context());
		expect(oldAddresses(schema.parse(mizuki.data), '/posts/trip/')).toEqual(['/posts/encrypted-example/']);
		const hexo = await preparePostFile(post('aliases: [/old/]\nalias:\n  - api/\n  - /p/12.html\n  - legacy.html'), context());
		expect(oldAddresses(schema.parse(hexo.data), '/posts/trip/')).toEqual(['/old/', '/api/', '/p/12.html', '/posts/legacy.html']);
		const empty = await preparePostFile(post('alias:'), context());
		expect(empty.data.alias).toBeUndefined();
		for (const prepared of [mizuki, hexo, empty]) warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([]);
	});

	test("Mizuki's bare alias is /posts/<name>/, its address on Mizuki, whatever the permalinks option makes of the post's own", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const mizuki = await preparePostFile(post('alias: encrypted-example'), context());
		expect(oldAddresses(schema.parse(mizuki.data), '/2024/06/trip/')).toEqual(['/posts/encrypted-example/']);
		const page = await preparePostFile(post('alias: [old.html, api/]'), context());
		expect(oldAddresses(schema.parse(page.data), '/2024/06/trip/')).toEqual(['/posts/old.html', '/api/']);
	});

	test("an alias that cannot be an old address on the site (a full URL, a script address, Obsidian's names of the note, a theme page) is left out with a warning naming alias, its line and the value as written", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const mixed = await preparePostFile(post('alias:\n  - old.html\n  - https://other.example.com/x/\n  - "javascript:alert(1)"\n  - JS\n  - My Note\n  - "<img src=x onerror=alert(1)>"\n  - tags/'), context());
		expect(oldAddresses(schema.parse(mixed.data), '/posts/trip/')).toEqual(['/posts/old.html']);
		const why = (value: string, reason: string) =>
			`src/content/posts/trip/index.md:4: alias: ${JSON.stringify(value)} ${reason}, so no redirect page is made from it. Remove it from alias; an old address of the post on this site is written as a path (alias: old-name, or aliases: [/2019/old-name/]).`;
		expect(warnings).toEqual([
			why('https://other.example.com/x/', 'is a full address, not a path on this site'),
			why('javascript:alert(1)', 'is a full address, not a path on this site'),
			why('JS', "is a name, as Obsidian's aliases are, not an old address of the post"),
			why('My Note', "is a name with spaces, as Obsidian's aliases are, not an old address of the post"),
			why('<img src=x onerror=alert(1)>', "is a name with spaces, as Obsidian's aliases are, not an old address of the post"),
			why('tags/', "is the address of the theme's /tags (tags) page"),
		]);
		// With none left, the post has no aliases, and nothing is refused.
		warnings.length = 0;
		const none = await preparePostFile(post('alias: [Kubernetes, \'a"b\']'), context());
		expect(none.data.aliases).toBeUndefined();
		expect(schema.safeParse(none.data).success).toBe(true);
		expect(warnings.map((warning) => warning.split(', so')[0])).toEqual([
			'src/content/posts/trip/index.md:4: alias: "Kubernetes" is a name, as Obsidian\'s aliases are, not an old address of the post',
			'src/content/posts/trip/index.md:4: alias: "a\\"b" has a character that no address holds as written',
		]);
		// A long value is read at once.
		const started = performance.now();
		await preparePostFile(post(`alias: "${'a'.repeat(100_000)} "`), context());
		expect(performance.now() - started).toBeLessThan(1000);
	});

	test("Zenn's topics are the tags, and Zenn CLI's emoji, type and publication_name are not warned about", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const zenn = await preparePostFile(`---\ntitle: "CI/CDカタログ"\nemoji: "📋"\ntype: "tech"\ntopics: [gitlab, gitlabci, IaC]\npublished: true\npublished_at: 2024-06-10 06:00\npublication_name: team\n---\nBody.\n`, context());
		const parsed = schema.parse(zenn.data);
		expect(parsed.tags).toEqual(['gitlab', 'gitlabci', 'IaC']);
		expect(parsed.extra).toEqual({ emoji: '📋', type: 'tech', publication_name: 'team' });
		warnUnknownKeys(parsed, zenn.source, context());
		expect(warnings).toEqual([]);
		// Beside tags, topics are added to them; `type` in a post that is not Zenn's is still the author's.
		const both = await preparePostFile(post('tags: [a]\ntopics: [b]\ntype: tech'), context());
		expect(schema.parse(both.data).tags).toEqual(['a', 'b']);
		warnUnknownKeys(schema.parse(both.data), both.source, context());
		expect(warnings).toEqual([expect.stringContaining('front-matter key "type" is not a Carnet field')]);
	});

	test('warns about a Docusaurus author key that no authors file lists, naming the file, line, key and the list read, and keeps a listed one quiet', async () => {
		const blog = path.join(root, 'src/content/posts');
		writeFileSync(path.join(blog, 'authors.yml'), 'ada:\n  name: Ada Lovelace\n');
		const lists = readDocusaurusLists(blog, root);
		rmSync(path.join(blog, 'authors.yml'));
		warnings.length = 0;
		const prepared = await preparePostFile(post('authors: [ada, unknown, { key: gone }]'), context({ lists, postsDir: blog }));
		expect(prepared.data.authors).toEqual([{ name: 'Ada Lovelace' }, 'unknown', { key: 'gone' }]);
		const told = (key: string, list: string) =>
			`src/content/posts/trip/index.md:4: authors names the key "${key}", which ${list}: the byline shows "${key}", where Docusaurus stops the build. Add ${key} to the authors file (authors.yml beside the posts), or write the author inline ({ name: …, url: … }).`;
		expect(warnings).toEqual([told('unknown', 'src/content/posts/authors.yml does not list'), told('gone', 'src/content/posts/authors.yml does not list')]);
		// Without an authors file, a name is the author's (Hugo's authors: [Ada Lovelace]); a { key } is still told.
		warnings.length = 0;
		await preparePostFile(post('authors: [Ada Lovelace, { key: gone }]'), context({ postsDir: blog }));
		expect(warnings).toEqual([told('gone', 'no authors file lists (none was found in src/content/posts/)')]);
	});

	test("reads a Zenn post's published_at without an offset in Japan's time, as Zenn does, whatever the site's time zone; another post's in the site's", async () => {
		const paris = context({ config: { timeZone: 'Europe/Paris', strict: false, locale: 'en', remoteImageTimeout: 15 } });
		const zenn = await preparePostFile('---\ntitle: "メモ"\nemoji: "📋"\ntype: "tech"\ntopics: [astro]\npublished: true\npublished_at: "2023-04-01 09:00"\n---\nBody.\n', paris);
		expect((zenn.data.published_at as Date).toISOString()).toBe('2023-04-01T00:00:00.000Z');
		const offset = await preparePostFile('---\ntitle: "メモ"\nemoji: "📋"\ntopics: [astro]\npublished_at: "2023-04-01 09:00+02:00"\n---\nBody.\n', paris);
		expect((offset.data.published_at as Date).toISOString()).toBe('2023-04-01T07:00:00.000Z');
		const ghost = await preparePostFile(post('published_at: "2023-04-01 09:00"'), paris);
		expect((ghost.data.published_at as Date).toISOString()).toBe('2023-04-01T07:00:00.000Z');
	});

	test("reads a Zenn post's published_at given as a day alone as that day in the site's time zone, not Japan's", async () => {
		const paris = context({ config: { timeZone: 'Europe/Paris', strict: false, locale: 'en', remoteImageTimeout: 15 } });
		const zenn = await preparePostFile('---\ntitle: "メモ"\nemoji: "🎉"\ntype: "tech"\ntopics: ["astro"]\npublished: true\npublished_at: 2023-04-01\n---\nBody.\n', paris);
		expect((zenn.data.published_at as Date).toISOString()).toBe('2023-03-31T22:00:00.000Z');
	});

	test("Zenn's embeds are links to what they show, and one that names no address is shown as written, with a warning naming its line", async () => {
		warnings.length = 0;
		const zenn = await preparePostFile(post('published: true', '動画はこちら:\n@[youtube](5kQJ_FOjf7Y)\n\n@[speakerdeck](4f926da9cb4cd0001f00a1ff)\n'), context());
		expect(zenn.body).toBe('動画はこちら:\n<a href="https://www.youtube.com/watch?v=5kQJ_FOjf7Y">Watch the video on YouTube</a>\n\n@\\[speakerdeck](4f926da9cb4cd0001f00a1ff)\n');
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:9: @[speakerdeck](4f926da9cb4cd0001f00a1ff) is shown as written: Zenn's speakerdeck embed names 4f926da9cb4cd0001f00a1ff, not an address, and Carnet shows no third-party embed. Write a link to what it shows instead.",
		]);
	});

	test("Grav's taxonomy gives the tags and categories, Jekyll's category is one name, and Gridsome's false series and canonical address are none", async () => {
		warnings.length = 0;
		const grav = await preparePostFile(post('taxonomy:\n  tag: [grav, "static site"]\n  category: [blog]\ncategory: Project Archive\nseries: false\ncanonical_url: false'), context());
		expect([grav.data.tags, grav.data.categories, grav.data.category]).toEqual([['grav', 'static site'], ['blog'], 'Project Archive']);
		expect(grav.data.series).toBeUndefined();
		expect(grav.data.canonicalURL).toBeUndefined();
		expect(warnings).toEqual([]);
	});

	test("Joplin's and Dendron's created is the date of a note without one; beside a date it is the note's own", async () => {
		const joplin = await preparePostFile('---\ntitle: Note\ncreated: 2022-09-15 16:58:54Z\n---\nBody.\n', context());
		expect((joplin.data.date as Date).toISOString()).toBe('2022-09-15T16:58:54.000Z');
		const dendron = await preparePostFile('---\ntitle: Note\ncreated: 1634426288630\nupdated: 1634426299999\n---\nBody.\n', context());
		expect((dendron.data.date as Date).toISOString()).toBe('2021-10-16T23:18:08.630Z');
		expect((dendron.data.updated as Date).toISOString()).toBe('2021-10-16T23:18:19.999Z');
		const both = await preparePostFile(post('created: 2020-01-01'), context());
		expect((both.data.date as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
		// Obsidian's link to a daily note is that day; a link to another note is no date.
		const obsidian = await preparePostFile('---\ntitle: Note\ncreated: "[[2024-03-24]]"\n---\nBody.\n', context());
		expect((obsidian.data.date as Date).toISOString()).toBe('2024-03-24T00:00:00.000Z');
		const dated = await preparePostFile('---\ntitle: Note\ncreated: "[[2020-01-01]]"\n---\nBody.\n', context({ displayPath: 'src/content/posts/2024-03-24-hello.md', entryFile: path.join(root, 'src/content/posts/2024-03-24-hello.md') }));
		expect((dated.data.date as Date).toISOString()).toBe('2024-03-24T00:00:00.000Z');
	});

	test("a Jekyll post without a title is titled after its file name, as Jekyll titles it; a draft without a date is dated by its file", async () => {
		const jekyll = await preparePostFile('---\nlayout: post\n---\nBody.\n', context({ displayPath: 'src/content/posts/_posts/2016-10-23-publish-jekyll-with-travis.md', entryFile: path.join(postDir, 'index.md') }));
		expect(jekyll.data.title).toBe('Publish Jekyll With Travis');
		// A title YAML reads as a comment is no title for Jekyll either, without a word.
		warnings.length = 0;
		const commented = await preparePostFile('---\ntitle: #If title is omitted, Jekyll generates a title\nlayout: post\n---\nBody.\n', context({ displayPath: 'src/content/posts/_posts/2016-10-23-title-comment.md', entryFile: path.join(postDir, 'index.md') }));
		expect(commented.data.title).toBe('Title Comment');
		expect(warnings.filter((warning) => warning.includes('repaired'))).toEqual([]);
		writeFileSync(path.join(postDir, 'index.md'), '');
		const draft = await preparePostFile('---\ntitle: Later\ndraft: true\n---\nBody.\n', context());
		expect(draft.data.date).toBeInstanceOf(Date);
		expect(draft.hidden).toBe(true);
	});

	test("LoveIt's featured-image resource is the featured image, and starlight-blog's lastUpdated the updated date", async () => {
		writeFileSync(path.join(postDir, 'women.png'), await sharp({ create: { width: 40, height: 30, channels: 3, background: '#369' } }).png().toBuffer());
		const loveit = await preparePostFile(post('resources:\n- name: featured-image-preview\n  src: women.png\n- name: featured-image\n  src: women.png'), context());
		expect(loveit.data.featured_image).toMatch(/women\.png$/);
		const starlight = await preparePostFile(post('lastUpdated: 2024-03-01'), context());
		expect((starlight.data.updated as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
	});

	test("a banner (Lekoarts', Obsidian Banners' embed) is the featured image of a post without one; another banner stays the post's own", async () => {
		warnings.length = 0;
		writeFileSync(path.join(postDir, 'women.png'), await sharp({ create: { width: 40, height: 30, channels: 3, background: '#369' } }).png().toBuffer());
		const embed = await preparePostFile(post('banner: "![[women.png]]"'), context());
		expect(embed.data.featured_image).toMatch(/women\.png$/);
		const both = await preparePostFile(post('banner: ./women.png\ncover_image: ./women.png'), context());
		expect(both.data.banner).toBe('./women.png');
		const flag = await preparePostFile(post('banner: true'), context());
		expect(flag.data.featured_image).toBeUndefined();
	});

	test("AstroWind's metadata.canonical is the canonical address, Type-on-Strap's feature-img and Duckquill's [extra] banner the featured image; what else their objects hold stays in them", async () => {
		writeFileSync(path.join(postDir, 'women.png'), await sharp({ create: { width: 40, height: 30, channels: 3, background: '#369' } }).png().toBuffer());
		writeFileSync(path.join(postDir, 'small.png'), await sharp({ create: { width: 4, height: 3, channels: 3, background: '#963' } }).png().toBuffer());
		warnings.length = 0;
		const astrowind = await preparePostFile(post('metadata:\n  canonical: https://original.example.org/post\n  robots:\n    index: false'), context());
		// What else the object holds stays in it, where a site's code reads it in a post without a canonical address.
		expect([astrowind.data.canonicalURL, astrowind.data.metadata]).toEqual(['https://original.example.org/post', { robots: { index: false } }]);
		const typeOnStrap = await preparePostFile(post('feature-img: ./women.png\nimage: ./small.png'), context());
		expect([typeOnStrap.data.featured_image, typeOnStrap.data.image, typeOnStrap.data['feature-img']]).toEqual([expect.stringMatching(/women\.png$/), undefined, undefined]);
		const duckquill = await preparePostFile('+++\ntitle = "Duck"\ndate = 2024-01-01\n\n[extra]\nbanner = "women.png"\ntoc = true\nstylesheets = ["a.css"]\n+++\nBody.\n', context());
		expect([duckquill.data.featured_image, duckquill.data.toc, duckquill.data.extra]).toEqual([expect.stringMatching(/women\.png$/), true, { stylesheets: ['a.css'] }]);
		// In YAML, `extra` is no Zola table: its banner is the post's own.
		expect((await preparePostFile(post('extra:\n  banner: women.png'), context())).data.featured_image).toBeUndefined();
		expect(warnings).toEqual([]);
	});

	test("Material for MkDocs' date: { created, updated } gives the date and the updated date", async () => {
		const mkdocs = '---\ntitle: Tackling Broken Links\ndate:\n  created: 2018-07-17\n  updated: 2023-04-03\n---\nBody.\n';
		const prepared = await preparePostFile(mkdocs, context());
		expect({ date: (prepared.data.date as Date).toISOString(), updated: (prepared.data.updated as Date).toISOString() }).toEqual({
			date: '2018-07-17T00:00:00.000Z',
			updated: '2023-04-03T00:00:00.000Z',
		});
	});

	test("a post without a title takes it from the heading that opens its body, as Docusaurus and Material for MkDocs do, and the heading's line is left blank", async () => {
		const mkdocs = '---\ndate: 2024-07-22\n---\n\n# The *MIME* [standard](https://example.com) `type`\n\nStrap in.\n';
		const prepared = await preparePostFile(mkdocs, context());
		expect(prepared.data.title).toBe('The MIME standard type');
		expect(prepared.body).toBe('\n\n\nStrap in.\n');
		const titled = await preparePostFile(post('', '# A heading\n\nText.\n'), context());
		expect({ title: titled.data.title, body: titled.body }).toEqual({ title: 'Trip', body: '# A heading\n\nText.\n' });
		// A heading after the text does not title the post: its first words do.
		expect((await preparePostFile('---\ndate: 2024-07-22\n---\nText first.\n\n# Later\n', context())).data.title).toBe('Text first.');
		untitledWarning();
	});

	test('a title heading is read without its closing #s, and one followed by a long run of spaces in linear time', async () => {
		const closed = await preparePostFile('---\ndate: 2024-07-22\n---\n# Hello world ##  \r\n\nText.\n', context());
		expect(closed.data.title).toBe('Hello world');
		expect((await preparePostFile('---\ndate: 2024-07-22\n---\n# C# and F#\n', context())).data.title).toBe('C# and F#');
		const started = performance.now();
		const spaced = await preparePostFile(`---\ndate: 2024-07-22\n---\n# a${' '.repeat(100_000)}x\n\n## b {#b}\n## c {}${' '.repeat(100_000)}y\n`, context());
		expect(spaced.data.title).toMatch(/^a +x$/);
		expect(performance.now() - started).toBeLessThan(3_000);
		untitledWarning();
	});

	test("an MDX file loses, as it is loaded, the heading that gives its post's title or repeats it, its line left blank; one after an import stays", () => {
		expect(withoutMdxTitleHeading('---\ndate: 2024-01-01\n---\n\n# Announcing\n\nText.\n')).toBe('---\ndate: 2024-01-01\n---\n\n\n\nText.\n');
		expect(withoutMdxTitleHeading('---\ntitle: Same\n---\n# Same\nText.\n')).toBe('---\ntitle: Same\n---\n\nText.\n');
		for (const kept of ['---\ntitle: Other\n---\n# Same\n', '---\nTitle: Capitalised\n---\n# Introduction\n', "---\ndate: 2024-01-01\n---\nimport X from './x.astro';\n\n# Title\n"]) expect(withoutMdxTitleHeading(kept)).toBe(kept);
	});

	test("an MDX file's HTML comments (Docusaurus's <!--truncate-->) are MDX's comments as it is loaded, each line in its place; not in its front matter or code", () => {
		const text = '---\ntitle: "a <!-- b -->"\n---\nIntro.\n\n<!--truncate-->\n\n```html\n<!-- kept -->\n```\n<!-- two\nlines */ -->\n<details>\n    ```md\n    <!-- in indented code -->\n    ```\n</details>\n';
		expect(mdxHtmlComments(text)).toBe('---\ntitle: "a <!-- b -->"\n---\nIntro.\n\n{/*truncate*/}\n\n```html\n<!-- kept -->\n```\n{/* two\nlines * / */}\n<details>\n    ```md\n    <!-- in indented code -->\n    ```\n</details>\n');
		// Among other text, in a code span, an attribute or a string, holding a fence, or never closed: MDX's to report.
		for (const kept of ['Text `<!--` here.\n\n```js\nx\n```\n', '<abbr title="<!-- truncate -->">x</abbr>\n', 'export const m = "<!-- t -->"\n', '<!--\n```bash\nls\n```\n-->\n', 'End <!-- open\n']) {
			expect(mdxHtmlComments(kept)).toBe(kept);
		}
		expect(mdxHtmlComments('No comment.')).toBe('No comment.');
		// Saved on Windows, with a carriage return ending each line.
		expect(mdxHtmlComments('---\r\ntitle: CRLF\r\n---\r\n\r\nIntro.\r\n\r\n<!-- truncate -->\r\n<!-- two\r\nlines -->\r\nRest.\r\n')).toBe(
			'---\r\ntitle: CRLF\r\n---\r\n\r\nIntro.\r\n\r\n{/* truncate */}\r\n{/* two\r\nlines */}\r\nRest.\r\n',
		);
	});

	test('a body that opens with its title again as a heading of level 1 loses that heading, which the page shows once, above it; another first heading stays', async () => {
		const bear = await preparePostFile(post('', '\n#  trip \n\nText.\n\n# Trip\n'), context());
		expect(bear.body).toBe('\n\n\nText.\n\n# Trip\n');
		expect(bear.data.title).toBe('Trip');
		expect((await preparePostFile(post('', '## Trip\n\nText.\n'), context())).body).toBe('## Trip\n\nText.\n');
		expect((await preparePostFile(post('', '# Trip to Kyoto\n\nText.\n'), context())).body).toBe('# Trip to Kyoto\n\nText.\n');
		// Something may link to it: its own id, or a link of the body to its generated one.
		for (const kept of ['# Trip {#top}\n\n[Back](#top)\n', '# Trip\n\n[Back to the top](#trip)\n']) expect((await preparePostFile(post('', kept), context())).body).toBe(kept);
	});

	test("gatsby-remark-embed-video's embeds alone in their paragraph are links to their video, as Hugo's youtube and vimeo are; its other kinds are code, with a warning naming the line", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'Watch the video on YouTube', vimeo: 'Watch the video on Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = [
			'### Embeded Video:',
			'',
			'`vimeo: 161539565`',
			'',
			'`youtube: https://www.youtube.com/watch?v=2Xc9gXyf2G4`',
			'',
			'`video: https://youtu.be/dQw4w9WgXcQ?t=30`',
			'',
			'`twitch: 106400740`',
			'',
			'`youtube: javascript:alert(1)`',
			'',
			'Inline, `youtube: 2Xc9gXyf2G4` is code.',
			'',
			'```',
			'',
			'`youtube: 2Xc9gXyf2G4`',
			'',
			'```',
			'',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n').filter((line) => line !== '')).toEqual([
			'### Embeded Video:',
			'<a href="https://vimeo.com/161539565">Watch the video on Vimeo</a>',
			'<a href="https://www.youtube.com/watch?v=2Xc9gXyf2G4">Watch the video on YouTube</a>',
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=30s">Watch the video on YouTube</a>',
			'`twitch: 106400740`',
			'`youtube: javascript:alert(1)`',
			'Inline, `youtube: 2Xc9gXyf2G4` is code.',
			'```',
			'`youtube: 2Xc9gXyf2G4`',
			'```',
		]);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:14: `twitch: 106400740` is shown as written: Carnet shows gatsby-remark-embed-video's YouTube and Vimeo videos, not its twitch embeds. Replace it with Markdown or HTML.",
			'src/content/posts/trip/index.md:16: `youtube: javascript:alert(1)` is shown as written: Carnet could not read the YouTube or Vimeo video it names. Replace it with Markdown or HTML.',
		]);
	});

	test("Zola's Tera components, as Linkita writes them: an admonition is a callout of its type with its title, a mermaid one fenced mermaid code, any other code with a warning naming its line; code keeps them", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = [
			'{% <admonition type="warning" title="Careful"> %}',
			'The `warning` admonition.',
			'{% </admonition> %}',
			'',
			'{% <admonition type="failure"> %}',
			'It broke.',
			'{% </admonition> %}',
			'',
			'{% <mermaid> %}',
			'graph TD;',
			'A-->B;',
			'{% </mermaid> %}',
			'',
			'{% <mermaid> -%}',
			'',
			'```mermaid',
			'sequenceDiagram',
			'```',
			'',
			'{%- </mermaid> %}',
			'',
			'{{ <gallery page config alt="Demo image for the gallery" /> }}',
			'',
			'```markdown',
			'{% <admonition type="tip" title="tip"> %}',
			'{{ <gallery /> }}',
			'{% </admonition> %}',
			'```',
			'',
			'Written `{{ <gallery /> }}` in code.',
			'',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual([
			'> [!WARNING] Careful',
			'> The `warning` admonition.',
			'>',
			'',
			'> [!CAUTION] Failure',
			'> It broke.',
			'>',
			'',
			'```mermaid',
			'graph TD;',
			'A-->B;',
			'```',
			'',
			'',
			'',
			'```mermaid',
			'sequenceDiagram',
			'```',
			'',
			'',
			'',
			`\`{{ <gallery page config alt="Demo image for the gallery" /> }}\`${AS_WRITTEN_MARK}`,
			'',
			'```markdown',
			'{% <admonition type="tip" title="tip"> %}',
			'{{ <gallery /> }}',
			'{% </admonition> %}',
			'```',
			'',
			'Written `{{ <gallery /> }}` in code.',
			'',
		]);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:14: the mermaid diagram and 1 more (line 19) are shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).",
			'src/content/posts/trip/index.md:27: {{ <gallery page config alt="Demo image for the gallery" /> }} is shown as written: Zola\'s gallery component is not one Carnet knows. Replace it with Markdown or HTML.',
		]);
	});

	test("Zola's admonition component written on one line, a paragraph of its own, is the callout its tags on lines of their own make, in a quote too; one among text is shown as written", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = [
			'{% <admonition type="warning" title="Careful"> %}The `warning` admonition.{% </admonition> %}',
			'',
			'{% <admonition type="failure"> %}It broke.{% </admonition> %}',
			'',
			'> {% <admonition type="tip" title="a > b"> %}Quoted *tip*.{% </admonition> %}',
			'',
			'Text {% <admonition type="tip"> %}inline{% </admonition> %}.',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual([
			'> [!WARNING] Careful',
			'> The `warning` admonition.',
			'',
			'> [!CAUTION] Failure',
			'> It broke.',
			'',
			'> > [!TIP] a > b',
			'> > Quoted *tip*.',
			'',
			`Text \`{% <admonition type="tip"> %}\`${AS_WRITTEN_MARK}inline\`{% </admonition> %}\`${AS_WRITTEN_MARK}.`,
		]);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:12: {% <admonition type="tip"> %} is shown as written: Carnet reads Zola\'s admonition component as a callout only when it is a paragraph of its own, its tags on lines of their own or around its text on one line, {% </admonition> %} closing it; put it there.',
			"src/content/posts/trip/index.md:12: {% </admonition> %} is shown as written: it closes Zola's admonition component, which Carnet could not read as a callout: see the component's opening tag. Replace it with Markdown or HTML.",
		]);
	});

	test("Zola's admonition shortcode with a body, as a tabi site writes it, is a callout of its type with its title, its Markdown read; an unknown type is a note with a warning naming its line and type", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		// From allergyguide's guide to its tabi shortcodes (content/, "Admonitions"), verbatim.
		const body = [
			'#### Admonitions',
			'',
			'Admonitions are boxes that are intended to **highlight an important fact for the reader**. There are a variety of styles and icons that can be used. Options for type/icon: note, tip, info, warning, danger, and pearl. These can be mixed and matched. The title of each admonition can be changed to any text.',
			'',
			'{% admonition(type="danger", icon="danger", title="DANGER") %}',
			'This is a danger admonition with a danger icon, and the title DANGER.',
			'{% end %}',
			'',
			'{% admonition(type="warning", icon="warning", title="WARNING") %}',
			'This is a warning admonition with a warning icon, and the title WARNING.',
			'{% end %}',
			'',
			'{% admonition(type="info", icon="info", title="INFO") %}',
			'And so forth.',
			'{% end %}',
			'',
			'{% admonition(type="tip", icon="tip", title="TIP") %}',
			'And so forth.',
			'',
			'{% end %}',
			'',
			'{% admonition(type="pearl", icon="pearl", title="PEARL") %}',
			'And so forth.',
			'',
			'{% end %}',
			'',
			'{% admonition(type="note", icon="question", title="MIXUP") %}',
			'This is a note admonition with a question icon and the title MIXUP.',
			'',
			'{% end %}',
			'',
			'{% admonition(type="warning") %}',
			'A **warning** with a {% mermaid() %} in its text.',
			'{% end %}',
			'',
			'```md',
			'{% admonition(type="tip") %}',
			'{% end %}',
			'```',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n').slice(4)).toEqual([
			'> [!CAUTION] DANGER',
			'> This is a danger admonition with a danger icon, and the title DANGER.',
			'>',
			'',
			'> [!WARNING] WARNING',
			'> This is a warning admonition with a warning icon, and the title WARNING.',
			'>',
			'',
			'> [!NOTE] INFO',
			'> And so forth.',
			'>',
			'',
			'> [!TIP] TIP',
			'> And so forth.',
			'>',
			'>',
			'',
			'> [!NOTE] PEARL',
			'> And so forth.',
			'>',
			'>',
			'',
			'> [!NOTE] MIXUP',
			'> This is a note admonition with a question icon and the title MIXUP.',
			'>',
			'>',
			'',
			'> [!WARNING]',
			`> A **warning** with a \`{% mermaid() %}\`${AS_WRITTEN_MARK} in its text.`,
			'>',
			'',
			'```md',
			'{% admonition(type="tip") %}',
			'{% end %}',
			'```',
		]);
		expect(warnings.filter((warning) => warning.includes('pearl'))).toEqual([
			"src/content/posts/trip/index.md:27: {% admonition(type=\"pearl\", icon=\"pearl\", title=\"PEARL\") %} is shown as a note: Carnet does not know the admonition type pearl (it reads note, tip, info, warning and danger, and Material for MkDocs' types); give it one of those.",
		]);
	});

	test("Zola's admonition shortcode called on a line of its own with its text, as tabi's own post shows it, is the callout of its type with its title, its Markdown read; an unknown type is a note with a warning; one in code is left as Zola shows it", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		// From tabi's own content/blog/shortcodes/index.md ("Admonitions"), verbatim.
		const body = [
			'### Admonitions',
			'',
			'Bring attention to information with these admonition shortcodes. They come in five `type`s: `note`, `tip`, `info`, `warning`, and `danger`.',
			'',
			'{{ admonition(type="note", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'{{ admonition(type="tip", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'{{ admonition(type="info", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'{{ admonition(type="warning", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'{{ admonition(type="danger", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'You can change the `title` and `icon` of the admonition. Both parameters take a string and default to the type of admonition. `icon` can be any of the available admonition types.',
			'',
			'{{ admonition(type="note", icon="tip", title="Custom title and icon", text="Some **content** with _Markdown_ `syntax`. Check [this `api`](#).") }}',
			'',
			'#### Usage',
			'',
			'You can use admonitions in two ways:',
			'',
			'1. Inline with parameters:',
			'',
			'```md',
			'{{/* admonition(type="danger", icon="tip", title="An important tip", text="Stay hydrated~") */}}',
			'```',
			'',
			'{{ admonition(type="pearl", title="A \\"rare\\" pearl", text="Benadryl.") }}',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		const text = '> Some **content** with _Markdown_ `syntax`. Check [this `api`](#).';
		expect(prepared.body.split('\n').slice(4)).toEqual([
			'> [!NOTE]',
			text,
			'',
			'> [!TIP]',
			text,
			'',
			'> [!NOTE] Info',
			text,
			'',
			'> [!WARNING]',
			text,
			'',
			'> [!CAUTION] Danger',
			text,
			'',
			'You can change the `title` and `icon` of the admonition. Both parameters take a string and default to the type of admonition. `icon` can be any of the available admonition types.',
			'',
			'> [!NOTE] Custom title and icon',
			text,
			'',
			'#### Usage',
			'',
			'You can use admonitions in two ways:',
			'',
			'1. Inline with parameters:',
			'',
			'```md',
			'{{ admonition(type="danger", icon="tip", title="An important tip", text="Stay hydrated~") }}',
			'```',
			'',
			'> [!NOTE] A "rare" pearl',
			'> Benadryl.',
		]);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:34: {{ admonition(type=\"pearl\", title=\"A \\\"rare\\\" pearl\", text=\"Benadryl.\") }} is shown as a note: Carnet does not know the admonition type pearl (it reads note, tip, info, warning and danger, and Material for MkDocs' types); give it one of those.",
		]);
	});

	test("a title taken from a heading with a link to a file beside the post shows the link's words, not the placeholder that publishes the file", async () => {
		writeFileSync(path.join(postDir, 'notes.pdf'), 'PDF');
		const shortcodes = { postUrl: (slug: string) => `/posts/${slug}/`, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const prepared = await preparePostFile('---\ndate: 2024-01-01\n---\n# Talk and <a href="./notes.pdf">notes</a>\n\nSee <a href="./notes.pdf">the notes</a>.\n', context({ shortcodes }));
		expect(prepared.data.title).toBe('Talk and notes');
		expect(prepared.body).toContain('<a href="/posts/trip/notes.pdf">the notes</a>');
		expect(prepared.body).not.toContain('carnet-file');
	});

	test("shows Obsidian's embeds of an image beside the post, and says where it found each file, for the loader's key", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const prepared = await preparePostFile(post('', '![[cover.jpg|A cover]]\n\n![[nope.png]]\n'), context({ shortcodes }));
		expect(prepared.body).toBe('![A cover](<./cover.jpg>)\n\n![[nope.png]]\n');
		expect(prepared.filesLookedUp).toEqual({ 'cover.jpg': './cover.jpg', 'nope.png': false });
		expect((await preparePostFile(post(''), context({ shortcodes }))).filesLookedUp).toBeUndefined();
	});

	test("shows the lines a Go blog's {{code}} names of a file beside the post, and keys the post on the file's text, so that a changed file renders it again", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		mkdirSync(path.join(postDir, 'context'), { recursive: true });
		writeFileSync(path.join(postDir, 'context/interface.go'), 'package context\n\ntype Context interface {\n\tDone()\n}\n');
		const body = 'The type:\n\n{{code "context/interface.go" `/type Context/` `/^}/`}}\n';
		const first = await preparePostFile(post('', body), context({ shortcodes }));
		expect(first.body).toBe('The type:\n\n```go\ntype Context interface {\n\tDone()\n}\n```\n');
		writeFileSync(path.join(postDir, 'context/interface.go'), 'package context\n\ntype Context interface {\n\tErr()\n}\n');
		const second = await preparePostFile(post('', body), context({ shortcodes }));
		expect(second.body).toContain('\tErr()');
		expect(Object.keys(first.filesLookedUp ?? {})).toEqual(['code context/interface.go']);
		expect(first.filesLookedUp?.['code context/interface.go']).not.toBe(second.filesLookedUp?.['code context/interface.go']);
	});

	test('warns once, at its line, about a link that runs script after display math that shortcodes put on lines of its own', async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const link = (line: number) =>
			`src/content/posts/trip/index.md:${line}: the link to "javascript:alert(1)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.`;
		// Among text, on one line; over two lines, which the shortcode gives two more.
		for (const formula of ['x{{< /katex >}}\nMore text right after.', 'a \\\\\nb{{< /katex >}}']) {
			warnings.length = 0;
			await preparePostFile(post('', `{{< katex display >}}${formula}\n\nLine nine [bad](javascript:alert(1)).\n`), context({ shortcodes }));
			expect(warnings).toEqual([link(9)]);
		}
	});

	test('names the line of an unknown shortcode after display math written over lines with text right after its opening tag', async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		warnings.length = 0;
		const prepared = await preparePostFile(post('', '{{< katex display >}}x = 1\ny{{< /katex >}}\n\n{{< nope >}}\n'), context({ shortcodes }));
		expect(prepared.body).toContain('$$\nx = 1\ny\n$$');
		expect(warnings).toEqual(["src/content/posts/trip/index.md:9: {{< nope >}} is shown as written: Hugo's nope shortcode is not one Carnet knows. Replace it with Markdown or HTML."]);
	});

	test('says that an unknown shortcode around data is shown whole in a code block, its body and closing tag with it, naming its line', async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		warnings.length = 0;
		const prepared = await preparePostFile(post('', "Intro.\n\n{{< chart >}}\ntype: 'bar',\ndata: {\n  labels: ['a', 'b'],\n}\n{{< /chart >}}\n\nAfter [bad](javascript:alert(1)).\n"), context({ shortcodes }));
		expect(prepared.body).toContain("```\n{{< chart >}}\ntype: 'bar',\ndata: {\n  labels: ['a', 'b'],\n}\n{{< /chart >}}\n```");
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:15: the link to "javascript:alert(1)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			"src/content/posts/trip/index.md:8: {{< chart >}} is shown as written in a code block, with its body and {{< /chart >}}: Hugo's chart shortcode is not one Carnet knows. Replace it with Markdown or HTML.",
		]);
	});

	test('warns once about the same shortcode left as written again and again, with its lines, and about a block shortcode that nothing closes as such', async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		warnings.length = 0;
		await preparePostFile(post('', '{{< text bash >}}\n'.repeat(3000)), context({ shortcodes }));
		expect(warnings).toEqual([
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:6: \{\{< text bash >\}\} \(and 2999 more, on lines 7, 8, 9, 10, 11, 12, 13, 14, 15, 16…\) is shown as written: Hugo's text shortcode wraps a block, and nothing closes this one; add \{\{< \/text >\}\} where the block ends\./),
		]);
	});

	test("shows a Go blog's {{code}} in a list item as a block of that item, indented as the action is", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		writeFileSync(path.join(postDir, 'item.go'), 'package main\n\nfunc main() {}\n');
		const prepared = await preparePostFile(post('', '1. First:\n\n   {{code "item.go"}}\n\n2. Second.\n'), context({ shortcodes }));
		expect(prepared.body).toBe('1. First:\n\n   ```go\n   package main\n   \n   func main() {}\n   ```\n\n2. Second.\n');
	});

	test("names the line as written of what follows a Go blog's {{code}} or a Hugo figure, which give the body more lines than they were written on", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		writeFileSync(path.join(postDir, 'lines.go'), 'package main\n\nfunc main() {\n\tprintln(1)\n}\n');
		warnings.length = 0;
		writeFileSync(path.join(postDir, '.lines.txt'), 'TXT');
		const body = 'Code:\n\n{{code "lines.go"}}\n\n{{< figure src="/images/a.png" caption="A" >}}\n\n![gone](missing.png) [hidden](./.lines.txt) {{< unknown >}}\n\n<!-- never closed\n';
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n').length).toBe(body.split('\n').length + 6);
		expect(warnings).toEqual([
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:12: \{\{< unknown >\}\} is shown as written/),
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:12: the link "\.\/\.lines\.txt" names a file that the build does not publish/),
		]);
		const missing = (() => {
			try {
				checkBodyImages(['missing.png'], prepared, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(postDir, 'index.md'), root });
			} catch (caught) {
				return (caught as Error).message;
			}
			return 'no error';
		})();
		expect(missing).toMatch(/^src\/content\/posts\/trip\/index\.md:12: the image 'missing\.png' was not found/);
		expect(fileLineOfBody(prepared, prepared.body.split('\n').indexOf('<!-- never closed') + 1)).toBe(14);
		expect(fileLineOfBody(await preparePostFile(post('', 'One.\n\nTwo.\n'), context({ shortcodes })), 3)).toBe(8);
	});

	test("shows Docsy's imgproc as a figure of the bundle's image whose name starts with its name, its inner text the caption, and names the line of an image not found", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		writeFileSync(path.join(postDir, 'contributions-2022.png'), 'PNG');
		warnings.length = 0;
		const body = 'Growth:\n\n{{< imgproc contributions Fit 700x500 >}} Contributions over\ntime, from <a href="https://example.com/">devstats</a>.\n{{< /imgproc >}}\n\n{{< imgproc gone Fit 700x500 >}}{{< /imgproc >}}\n\n{{< unknown >}}\n';
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual([
			'Growth:',
			'',
			'<figure class="carnet-figure">',
			'',
			'![Contributions over time\\, from devstats\\.](<contributions-2022.png>)',
			'',
			'<figcaption>',
			'',
			'Contributions over time, from <a href="https://example.com/">devstats</a>.',
			'',
			'</figcaption></figure>',
			'',
			'',
			'',
			'<figure class="carnet-figure">',
			'',
			'![](<gone>)',
			'',
			'</figure>',
			'',
			`\`{{< unknown >}}\`${AS_WRITTEN_MARK}`,
			'',
		]);
		expect(prepared.filesLookedUp).toMatchObject({ 'resource contributions': 'contributions-2022.png', 'resource gone': false });
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:14: \{\{< unknown >\}\} is shown as written: Hugo's unknown shortcode is not one Carnet knows/)]);
		const missing = (() => {
			try {
				checkBodyImages(['gone'], prepared, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(postDir, 'index.md'), root });
			} catch (caught) {
				return (caught as Error).message;
			}
			return 'no error';
		})();
		expect(missing).toMatch(/^src\/content\/posts\/trip\/index\.md:12: the image 'gone' was not found/);
	});

	test("warns about a Go blog's {{code}} of a file that is not there, or outside the project, with its line, and shows it as written in code", async () => {
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const outside = path.join(mkdtempSync(path.join(tmpdir(), 'carnet-go-')), 'secret.go');
		writeFileSync(outside, 'package secret\n');
		const escaping = path.relative(postDir, outside).split(path.sep).join('/');
		warnings.length = 0;
		const prepared = await preparePostFile(post('', `Text.\n\n{{code "gone.go"}}\n\n{{play "${escaping}"}}\n`), context({ shortcodes }));
		expect(prepared.body).toBe(`Text.\n\n\`{{code "gone.go"}}\`${AS_WRITTEN_MARK}\n\n\`{{play "${escaping}"}}\`${AS_WRITTEN_MARK}\n`);
		expect(prepared.filesLookedUp).toEqual({ 'code gone.go': false, [`code ${escaping}`]: false });
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: {{code "gone.go"}} is shown as written: the file it shows, src/content/posts/trip/gone.go, is not there; add the file beside the post, or write its lines as a fenced code block.',
			`src/content/posts/trip/index.md:10: {{play "${escaping}"}} is shown as written: the file it shows, ${path.relative(root, outside).split(path.sep).join('/')}, is outside the project, and Carnet reads only the project's files; add the file beside the post, or write its lines as a fenced code block.`,
		]);
		rmSync(path.dirname(outside), { recursive: true });
	});

	test("gives one instruction for a wikilink or a Hugo ref it shows as written: its own, where it has one, else to replace it with Markdown or HTML", async () => {
		const findPost = () => ({ folder: 'src/content/posts', files: [], url: undefined });
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en', findPost };
		warnings.length = 0;
		await preparePostFile(post('', 'See [[Gone note]].\n\nSee {{< ref "gone.md" >}}.\n\n{{< nope >}}\n'), context({ shortcodes }));
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:6: [[Gone note]] is shown as written: it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named "Gone note"; write a Markdown link to the post\'s address.',
			'src/content/posts/trip/index.md:8: {{< ref "gone.md" >}} is shown as written: no post in src/content/posts/ has the file name "gone.md", a link Hugo refuses to build; correct the name.',
			"src/content/posts/trip/index.md:10: {{< nope >}} is shown as written: Hugo's nope shortcode is not one Carnet knows. Replace it with Markdown or HTML.",
		]);
	});

	test("Hexo Icarus's and Gatsby starters' thumbnail, and Hexo Fluid's index_img, are the featured image", async () => {
		expect((await preparePostFile(post('thumbnail: ./cover.jpg'), context())).data.thumbnail).toBe('./cover.jpg');
		expect((await preparePostFile(post('index_img: /images/cover.jpg'), context())).data.index_img).toBe('../../../../public/images/cover.jpg');
	});

	test("Hugo Toha's and gatsby-theme-novela's hero, a file's name beside the post, is the featured image; a theme's hero banner holding no image stays the theme's", async () => {
		expect((await preparePostFile(post('hero: cover.jpg'), context())).data.hero).toBe('./cover.jpg');
		const banner = (await preparePostFile(post('hero:\n  title: Big title\n  subtitle: Small'), context())).data;
		expect([banner.hero, banner['hero.title'], banner['hero.subtitle']]).toEqual([undefined, 'Big title', 'Small']);
	});

	test('flags written yes, no, on or off are true and false, as Jekyll and Hugo read YAML 1.1', async () => {
		const prepared = await preparePostFile(post('draft: no\ncomments: Yes\ntoc: off\nShowToc: on\npinned: maybe'), context());
		expect(prepared.data).toMatchObject({ draft: false, comments: true, toc: false, pinned: 'maybe' });
		expect(prepared.hidden).toBe(false);
		const unpublished = await preparePostFile(post('published: no'), context());
		expect([unpublished.data.draft, unpublished.hidden]).toEqual([true, true]);
	});

	test("Hugo PaperMod's ShowToc (showToc) is toc, and its TocOpen, which Carnet's table of contents has no use for (it is always open), is kept without a word", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const paperMod = await preparePostFile(post('ShowToc: true\nTocOpen: false'), context());
		expect(paperMod.data).toMatchObject({ toc: true, TocOpen: false });
		warnUnknownKeys(schema.parse(paperMod.data), paperMod.source, context());
		expect(warnings).toEqual([]);
		expect((await preparePostFile(post('showToc: false'), context())).data).toMatchObject({ toc: false });
		expect((await preparePostFile(post('showToc: false'), context())).data).not.toHaveProperty('showToc');
	});

	test("VuePress's tag is the list of tags", async () => {
		const prepared = await preparePostFile(post('category:\n  - 使用指南\ntag:\n  - 插件下载\n  - 2024'), context());
		expect(prepared.data).toMatchObject({ tags: ['插件下载', '2024'], category: ['使用指南'] });
		expect(prepared.data).not.toHaveProperty('tag');
	});

	test('status: draft, as Ghost and WordPress exports write it, is a draft; published says nothing more; another status is kept', async () => {
		expect((await preparePostFile(post('status: draft'), context())).heldBack).toBe('draft');
		const published = await preparePostFile(post('status: published'), context());
		expect({ heldBack: published.heldBack, status: published.data.status }).toEqual({ heldBack: undefined, status: undefined });
		expect((await preparePostFile(post('status: in review'), context())).data.status).toBe('in review');
	});

	test('warns that a permalink with Jekyll placeholders is a pattern, of which no redirect page is made', async () => {
		warnings.length = 0;
		await preparePostFile(post('permalink: /:categories/:title/'), context());
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:4: permalink \"/:categories/:title/\" is a pattern, not an address: no redirect page is made from it. To keep such addresses, set the permalinks option (e.g. permalinks: '/:year/:month/:day/:slug/').",
		]);
	});

	test("a permalink without its first slash, as Hexo and Eleventy write it, is from the site's root", async () => {
		expect((await preparePostFile(post('permalink: hexo/front-matter/'), context())).data.permalink).toBe('/hexo/front-matter/');
		expect((await preparePostFile(post('permalink: /2024/01/05/hello.html'), context())).data.permalink).toBe('/2024/01/05/hello.html');
	});

	test('a dated file name outside _posts keeps its whole name as slug when the front matter has a date', async () => {
		const prepared = await preparePostFile(post(''), jekyll('2024-01-05-hello.md'));
		expect(prepared.id).toBe('2024-01-05-hello');
	});

	test("a Zola post's dated file or folder name leaves its date out of the address even when the front matter dates it; a Hugo post's keeps it", async () => {
		const zola = (table: string) => `+++\ntitle = "Bevy 0.2"\ndate = 2020-09-19\n${table}\n+++\nBody.\n`;
		const bevy = await preparePostFile(zola('[extra]\nauthor = "Carter Anderson"'), jekyll('2020-09-19-bevy-0.2/index.md'));
		expect(bevy.id).toBe('bevy-0-2');
		// The address earlier versions of Carnet published it at leads to it.
		expect(bevy.source.derivedAliases).toEqual([{ path: '2020-09-19-bevy-0-2' }]);
		const hello = await preparePostFile(zola('[taxonomies]\ntags = ["a"]'), jekyll('2018-10-10-hello-world.md'));
		expect([hello.id, hello.source.derivedAliases]).toEqual(['hello-world', [{ path: '2018-10-10-hello-world' }]]);
		const hugo = await preparePostFile(zola('tags = ["a"]'), jekyll('2018-10-10-hello-world.md'));
		expect([hugo.id, hugo.source.derivedAliases]).toEqual(['2018-10-10-hello-world', undefined]);
	});

	test("a Zola name whose date ends with an underscore (2022-12-01_hello.md, 2022-07-21_topic/index.md) dates the post and leaves the date out of its address, as Zola does, the address Carnet gave a dated one kept as a redirect", async () => {
		const undated = await preparePostFile('+++\ntitle = "Hello"\n+++\nBody.\n', jekyll('2022-12-01_hello.md'));
		expect([undated.id, undated.data.date, undated.source.derivedAliases]).toEqual(['hello', new Date('2022-12-01T00:00:00Z'), undefined]);
		const topic = await preparePostFile('+++\ntitle = "Topic"\ndate = 2022-07-21\n[taxonomies]\ntags = ["a"]\n+++\nBody.\n', jekyll('2022-07-21_topic/index.md'));
		expect([topic.id, topic.source.derivedAliases]).toEqual(['topic', [{ path: '2022-07-21-topic' }]]);
		// Jekyll's and Hugo's names are read as they were.
		expect((await preparePostFile('---\ntitle: J\n---\nBody.\n', jekyll('2024-01-05-hello.md'))).id).toBe('hello');
		expect((await preparePostFile(post(''), jekyll('2024-01-05_hello.md'))).id).toBe('2024-01-05-hello');
	});

	test('a post without a date whose name starts with a date in a form Carnet does not read says so in the error, with the forms it reads', async () => {
		const named = jekyll('20221201-hello.md');
		const error = explainSchemaError(new Error('schema'), await preparePostFile('+++\ntitle = "Hello"\n+++\nBody.\n', named), named) as Error;
		expect(error.message).toContain(
			'has no date field; its name, 20221201-hello.md, starts with a date in a form Carnet does not read: name it 2024-02-03-slug (or 2024-02-03_slug, as Zola does), or write the date in its front matter.',
		);
	});

	test("Zenn's topics beside a string of tags with commas are added to its names once it is split; a string of topics is warned about by its own key", async () => {
		const warnings: string[] = [];
		const both = await preparePostFile('---\ntitle: Topics\ndate: 2024-01-04\ntags: "rust, web"\ntopics: systems\n---\nBody.\n', jekyll('topics.md', { warn: (message) => warnings.push(message) }));
		expect(both.data.tags).toEqual(['rust', 'web', 'systems']);
		expect(warnings).toEqual([expect.stringContaining('topics.md:4: tags: "rust, web" is one string with commas')]);
		warnings.length = 0;
		const topics = await preparePostFile('---\ntitle: Topics\ndate: 2024-01-04\ntopics: "a, b"\n---\nBody.\n', jekyll('only.md', { warn: (message) => warnings.push(message) }));
		expect(topics.data.tags).toEqual(['a', 'b']);
		expect(warnings).toEqual([expect.stringContaining('only.md:4: topics: "a, b" is one string with commas; it is read as the tags ["a","b"]. Write topics: [a, b]')]);
	});

	test("a Zola post's [extra] author and toc are the post's, as Zola themes read them there; its other keys stay in it", async () => {
		const warnings: string[] = [];
		const prepared = await preparePostFile(
			'+++\ntitle = "Bevy 0.2"\ndate = 2020-09-19\n[extra]\nauthor = "Carter Anderson"\ntoc = true\nshow_comments = false\n+++\nBody.\n',
			jekyll('bevy.md', { warn: (message) => warnings.push(message) }),
		);
		expect(prepared.data.author).toBe('Carter Anderson');
		expect(prepared.data.toc).toBe(true);
		expect(prepared.data.extra).toEqual({ show_comments: false });
		// A theme's own table under a name Carnet reads (issue-based comments) stays the theme's.
		const comments = await preparePostFile('+++\ntitle = "Typecho"\ndate = 2016-01-06\n\n[extra.comments]\nissue_id = 3\n+++\nBody.\n', jekyll('typecho.md'));
		expect([comments.data.comments, comments.data.extra]).toEqual([undefined, { comments: { issue_id: 3 } }]);
		const giscus = await preparePostFile('+++\ntitle = "Giscus"\ndate = 2016-01-06\n[extra]\ncomments = "giscus"\ntoc = true\n+++\nBody.\n', jekyll('giscus.md'));
		expect([giscus.data.comments, giscus.data.toc, giscus.data.extra]).toEqual([undefined, true, { comments: 'giscus' }]);
		// Values as posts write them, before Carnet reads them: a date as text, a flag as a word.
		const written_ = await preparePostFile('+++\ntitle = "Factory"\ndate = 2014-04-05\n[extra]\nupdated = "2014-07-25"\ntoc = "yes"\n+++\nBody.\n', jekyll('factory.md'));
		expect([(written_.data.updated as Date).toISOString().slice(0, 10), written_.data.toc, written_.data.extra]).toEqual(['2014-07-25', 'yes', undefined]);
		const written = await preparePostFile('+++\ntitle = "Mine"\ndate = 2020-09-19\nauthor = "Ada"\n[extra]\nauthor = "Carter"\n+++\nBody.\n', jekyll('mine.md'));
		expect(written.data.author).toBe('Ada');
		expect(written.data.extra).toEqual({ author: 'Carter' });
	});

	test("a string of tags in a Jekyll post is names separated by spaces, as Jekyll reads it; elsewhere it is one tag", async () => {
		const tagged = (tags: string) => `---\ntitle: Hello\ndate: 2024-01-05\ntags: ${tags}\n---\nBody.\n`;
		expect((await preparePostFile(tagged('ruby  rails'), jekyll('_posts/2024-01-05-hello.md'))).data.tags).toEqual(['ruby', 'rails']);
		expect((await preparePostFile(tagged('jekyll'), jekyll('_drafts/idea.md'))).data.tags).toEqual(['jekyll']);
		expect((await preparePostFile(tagged('Santé au travail'), jekyll('hello.md'))).data.tags).toBe('Santé au travail');
		const warnings: string[] = [];
		expect((await preparePostFile(tagged('"ruby on rails, web"'), jekyll('_posts/2024-01-05-hello.md', { warn: (message) => warnings.push(message) }))).data.tags).toEqual(['ruby on rails', 'web']);
		expect(warnings.join('\n')).toContain('is one string with commas');
	});

	test("a Jekyll post copied out of _posts/ whose permalink has Jekyll's placeholders keeps Jekyll's tags, title and address without the date, the dated address kept as a redirect", async () => {
		const warned: string[] = [];
		const flat = (name: string) => jekyll(name, { warn: (message) => warned.push(message) });
		const example = await preparePostFile('---\nlayout: post\ntitle: Example content\npermalink: /:year/:title/\ntags: markdown HTML\n---\nBody.\n', flat('2014-01-01-example-content.md'));
		expect([example.id, example.data.tags]).toEqual(['example-content', ['markdown', 'HTML']]);
		const exhibit = await preparePostFile('---\nlayout: post\ncategories: markdown\ndate: 2021-12-01\npermalink: /:categories/:title/\n---\nBody.\n', flat('2018-12-05-an-exhibit-of-markdown.md'));
		expect([exhibit.id, exhibit.data.title, exhibit.source.derivedAliases]).toEqual(['an-exhibit-of-markdown', 'An Exhibit Of Markdown', [{ path: '2018-12-05-an-exhibit-of-markdown' }]]);
		expect((await preparePostFile('---\ntitle: P\ndate: 2020-01-01\npermalink: /projects/:title\ntags: ruby rails\n---\nBody.\n', flat('projects.md'))).data.tags).toEqual(['ruby', 'rails']);
		expect(warned.filter((warning) => !warning.includes('is a pattern, not an address'))).toEqual([]);
		// A dated name alone, as Hugo's are, keeps its date in the address.
		const hugo = await preparePostFile('---\ntitle: H\ndate: 2021-12-01\n---\nBody.\n', flat('2018-12-05-hugo.md'));
		expect([hugo.id, hugo.source.derivedAliases]).toEqual(['2018-12-05-hugo', undefined]);
	});

	test("a Hugo, Eleventy or Astro post with a dated name and a layout is read as without the layout: its tags string one tag, its date in its address, no title from its file name", async () => {
		const warned: string[] = [];
		const flat = (name: string) => jekyll(name, { warn: (message) => warned.push(message) });
		for (const layout of ['post', 'layouts/post.njk', '../../layouts/MarkdownPostLayout.astro']) {
			warned.length = 0;
			const titled = await preparePostFile(`---\ntitle: "Hugo layout post"\ndate: 2020-03-04T10:00:00+01:00\nlayout: ${layout}\ntags: "Machine Learning"\n---\nBody.\n`, flat('2020-03-04-hugo-layout.md'));
			expect([titled.id, titled.data.tags, titled.source.derivedAliases]).toEqual(['2020-03-04-hugo-layout', 'Machine Learning', undefined]);
			// Eleventy's layout (.njk) says the post is Eleventy's, which reads one tag too.
			expect(warned).toEqual(
				layout.endsWith('.njk')
					? []
					: [
							'src/content/posts/2020-03-04-hugo-layout.md:5: tags: "Machine Learning" is one string with spaces and no commas; it is read as one tag, "Machine Learning", where Jekyll reads names separated by spaces. Write tags: [Machine, Learning] for 2 tags, or tags: ["Machine Learning"] for one, to silence this warning.',
						],
			);
			const untitled = await preparePostFile(`---\ndate: 2020-03-04\nlayout: ${layout}\n---\nBody.\n`, flat('2020-03-04-untitled-layout.md'));
			// Titled by its first line, as any untitled post outside _posts/ is, not "Untitled Layout".
			expect([untitled.id, untitled.data.title]).toEqual(['2020-03-04-untitled-layout', 'Body.']);
		}
	});

	test("a string of tags with spaces and no commas outside a Jekyll post is one tag, with a warning naming the line, what was read and the list to write; one word is not warned about", async () => {
		warnings.length = 0;
		const tagged = (tags: string) => `---\ntitle: Hello\ndate: 2024-01-05\ntags: ${tags}\n---\nBody.\n`;
		expect((await preparePostFile(tagged('markdown HTML'), context())).data.tags).toBe('markdown HTML');
		expect((await preparePostFile(tagged('Santé au travail'), context())).data.tags).toBe('Santé au travail');
		expect((await preparePostFile(tagged('Voyage'), context())).data.tags).toBe('Voyage');
		expect((await preparePostFile(tagged('[markdown HTML]'), context())).data.tags).toEqual(['markdown HTML']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: tags: "markdown HTML" is one string with spaces and no commas; it is read as one tag, "markdown HTML", where Jekyll reads names separated by spaces. Write tags: [markdown, HTML] for 2 tags, or tags: ["markdown HTML"] for one, to silence this warning.',
			'src/content/posts/trip/index.md:4: tags: "Santé au travail" is one string with spaces and no commas; it is read as one tag, "Santé au travail", where Jekyll reads names separated by spaces. Write tags: [Santé, au, travail] for 3 tags, or tags: ["Santé au travail"] for one, to silence this warning.',
		]);
	});

	test("an Eleventy post's string of tags with spaces is one tag, as Eleventy reads it, without a word: its layout in one of Eleventy's template languages, a key of Eleventy's or its folder's data file tells it", async () => {
		const tagged = (more: string) => `---\ntitle: This is my second post.\ndate: 2018-07-04\ntags: second tag\n${more}\n---\nBody.\n`;
		for (const [more, dataFile] of [['layout: layouts/post.njk', undefined], ['eleventyNavigation:\n  key: Second', undefined], ['', 'trip.11tydata.js']] as const) {
			if (dataFile) writeFileSync(path.join(postDir, dataFile), 'export default { tags: ["posts"] };\n');
			warnings.length = 0;
			expect((await preparePostFile(tagged(more), context())).data.tags, more || dataFile).toBe('second tag');
			expect(warnings, more || dataFile).toEqual([]);
			if (dataFile) rmSync(path.join(postDir, dataFile));
		}
	});

	test("warns when a post's excerpt_separator is not in its body, naming the line", async () => {
		warnings.length = 0;
		await preparePostFile(post('excerpt_separator: <!-- excerpt-end -->', 'One.\n\n<!-- excerpt-end -->\n\nTwo.\n'), context());
		expect(warnings).toEqual([]);
		await preparePostFile(post('excerpt_separator: <!-- excerpt -->'), context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: excerpt_separator "<!-- excerpt -->" is not in the body; the summary is its first paragraph. Put the separator where the summary ends, or remove the field.',
		]);
	});

	test('a post in _drafts/ is a draft, and published: false is one too', async () => {
		expect((await preparePostFile(post(''), jekyll('_drafts/idea.md'))).heldBack).toBe('draft');
		expect((await preparePostFile(post('published: false'), context())).heldBack).toBe('draft');
		expect((await preparePostFile(post('published: false'), context())).data).not.toHaveProperty('published');
	});

	test('published: false beside draft: false holds the post back, with a warning naming both lines', async () => {
		warnings.length = 0;
		for (const frontMatter of ['published: false\ndraft: false', 'draft: no\npublished: false']) {
			const prepared = await preparePostFile(post(frontMatter), context());
			expect([prepared.heldBack, prepared.data.draft]).toEqual(['draft', true]);
		}
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: published: false (line 4) and draft: false (line 5) disagree on whether the post is published: it is held back as a draft, so that it is not published by mistake. Remove the one that does not say what you mean.',
			'src/content/posts/trip/index.md:5: published: false (line 5) and draft: false (line 4) disagree on whether the post is published: it is held back as a draft, so that it is not published by mistake. Remove the one that does not say what you mean.',
		]);
		warnings.length = 0;
		expect((await preparePostFile(post('published: true\ndraft: false'), context())).heldBack).toBeUndefined();
		expect(warnings).toEqual([]);
	});

	test("a featured image from the project's root (/src/…) that is nowhere is said to be looked for in src/ and public/, with a hint that says both", async () => {
		const message = await failure("coverImage: '/src/content/blog/_images/gone.webp'");
		expect(message).toContain("was not found in public/ (looked for public/src/content/blog/_images/gone.webp) nor in the project's src/ (looked for src/content/blog/_images/gone.webp).");
		expect(message).toContain('Hint: A path starting with /src/ names a file in the project\'s src/ folder, or in public/src/.');
	});

	test("Hugo's images list gives the featured image", async () => {
		const prepared = await preparePostFile(post('images: [/images/cover.jpg, /images/other.jpg]'), context());
		expect(prepared.data.featured_image).toBe('../../../../public/images/cover.jpg');
	});

	test("Jekyll's render_with_liquid: false is read without an unknown-key warning", async () => {
		warnings.length = 0;
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post('render_with_liquid: false', 'Write {{ site.url }}/a.png.\n'), context());
		const parsed = schema.parse(prepared.data);
		expect(parsed.extra).toEqual({});
		warnUnknownKeys(parsed, prepared.source, context());
		expect(warnings).toEqual([]);
	});

	test("Hugo Future Imperfect's featured file name in its featuredpath folder is the featured image, featuredalt its alt text, while featured: true is a pinned post, and Gatsby Lumen's template is read without a warning", async () => {
		warnings.length = 0;
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const toml = '+++\ntitle = "Affiliate links"\ndate = "2021-07-23"\nfeatured = "cover.jpg"\nfeaturedalt = "How to edit affiliate link"\nfeaturedpath = "/images/"\n+++\nBody.\n';
		const prepared = await preparePostFile(toml, context());
		expect(prepared.data).toMatchObject({ featured_image: '../../../../public/images/cover.jpg', featured_image_alt: 'How to edit affiliate link' });
		const parsed = schema.parse(prepared.data);
		expect(parsed.extra).toEqual({});
		warnUnknownKeys(parsed, prepared.source, context());
		const flagged = await preparePostFile(post('featured: true\ntemplate: "post"'), context());
		expect(flagged.data).not.toHaveProperty('featured_image');
		warnUnknownKeys(schema.parse(flagged.data), flagged.source, context());
		expect(schema.parse(flagged.data)).toMatchObject({ pinned: true, extra: {} });
		expect(warnings).toEqual([]);
	});

	test("AstroPaper's and starlight-blog's featured: true, and Ghost's featured: 1, pin the post, without a warning; featured: 0 and false pin none, and pinned outranks it", async () => {
		warnings.length = 0;
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const read = async (fields: string) => {
			const prepared = await preparePostFile(post(fields), context());
			const parsed = schema.parse(prepared.data);
			warnUnknownKeys(parsed, prepared.source, context());
			return parsed;
		};
		expect(await read('featured: true')).toMatchObject({ pinned: true, extra: {} });
		expect(await read('featured: 1')).toMatchObject({ pinned: true, extra: {} });
		expect(await read('featured: 0')).toMatchObject({ pinned: false, extra: {} });
		expect(await read('featured: false')).toMatchObject({ pinned: false, extra: {} });
		expect(warnings).toEqual([]);
		expect(await read('pinned: false\nfeatured: true')).toMatchObject({ pinned: false, extra: { featured: true } });
	});

	test("Hugo Future Imperfect Slim's [[images]] tables give their first src as the featured image and its alt as the alt text, stretch dropped without a warning", async () => {
		warnings.length = 0;
		const toml = '+++\ntitle = "Binance basics"\ndate = "2022-04-24"\n[[images]]\n  src = "/images/cover.jpg"\n  alt = "Bitcoin image"\n  stretch = "stretchH"\n[[images]]\n  src = "/images/other.jpg"\n+++\nBody.\n';
		const prepared = await preparePostFile(toml, context());
		expect(prepared.data).toMatchObject({ featured_image: '../../../../public/images/cover.jpg', featured_image_alt: 'Bitcoin image', images: ['/images/cover.jpg', '/images/other.jpg'] });
		expect(warnings).toEqual([]);
	});

	test("a bad image under Hugo's params block is named by the line of params", async () => {
		const error = await preparePostFile('---\ntitle: Engines\ndate: 2026-01-13\nparams:\n  images: ["javascript:alert(1)"]\n---\nBody.\n', context()).catch((caught: unknown) => caught as Error);
		expect(String((error as Error).message)).toMatch(/^src\/content\/posts\/trip\/index\.md:4: images 'javascript:alert\(1\)'/);
	});

	test("Home Assistant's og_image gives the featured image of a post that names none, and stays out of it when one is named", async () => {
		const prepared = await preparePostFile(post('og_image: /images/cover.jpg'), context());
		expect(prepared.data.featured_image).toBe('../../../../public/images/cover.jpg');
		expect(prepared.data).not.toHaveProperty('og_image');
		// An image that cannot be the preview is left out with a warning, as the engines that write it build without it.
		warnings.length = 0;
		const gone = await preparePostFile(post('og_image: /images/blog/gone.png'), context());
		expect(gone.data).not.toHaveProperty('featured_image');
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: og_image: '\/images\/blog\/gone\.png' was not found in public\/.* The post has no featured image\./)]);
		const named = await preparePostFile(post('image: /images/cover.jpg\nog_image: /images/other.jpg'), context());
		expect(named.data).toMatchObject({ image: '../../../../public/images/cover.jpg', og_image: '/images/other.jpg' });
	});

	test("the Next.js blog starter's ogImage: { url } gives the featured image of a post that names none, without an unknown-key warning", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post("ogImage:\n  url: '/images/cover.jpg'"), context());
		expect(prepared.data.featured_image).toBe('../../../../public/images/cover.jpg');
		expect(prepared.data).not.toHaveProperty('ogImage');
		expect(warnings).toEqual([]);
	});

	test('an expired post, and a future one unless the future option is on, are held back with their images unresolved', async () => {
		const now = Date.parse('2025-01-01T00:00:00Z');
		const expired = await preparePostFile(post('expiryDate: 2024-06-01\nfeatured_image: ./cover.jpg'), context({ now }));
		expect({ heldBack: expired.heldBack, hidden: expired.hidden, body: expired.body, image: expired.data.featured_image }).toEqual({ heldBack: 'expired', hidden: true, body: '', image: undefined });
		const future = '---\ntitle: Soon\npublishDate: 2025-06-01\n---\nSoon.\n';
		expect((await preparePostFile(future, context({ now }))).heldBack).toBe('future');
		expect((await preparePostFile(future, context({ now, config: { timeZone: 'UTC', strict: false, locale: 'en', remoteImageTimeout: 15, future: true } }))).heldBack).toBeUndefined();
		expect((await preparePostFile(future, context({ now, showDrafts: true }))).heldBack).toBeUndefined();
		const publishLater = '---\ntitle: Later\ndate: 2024-06-01\npublishDate: 2025-06-01\n---\nLater.\n';
		expect((await preparePostFile(publishLater, context({ now }))).heldBack).toBe('future');
	});

	test('text fields YAML would read as numbers keep the text as written; number fields stay numbers', async () => {
		const source = "---\ntitle: 1.10\ndate: 2024-01-01\nsubtitle: 0x1F\ndescription: 2.0\nslug: 007\ntags: [Python 3.10, 3.10, '3.10', 1.0, 1e3, true]\nseries: 2024\nseries_order: 2\n---\nBody.\n";
		const { data } = await preparePostFile(source, context());
		expect(data).toMatchObject({ title: '1.10', subtitle: '0x1F', description: '2.0', slug: '007', tags: ['Python 3.10', '3.10', '3.10', '1.0', '1e3', 'true'], series: '2024', series_order: 2 });
	});

	test('a series named only with emoji, which cannot make a URL, is refused with its line', async () => {
		expect(await failure('series: "🎉"')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: series: the series "🎉" has no letters or digits to make a URL from.
			Hint: Give the series a word, e.g. "🎉 Fêtes" instead of "🎉"."
		`);
	});

	test('a tag or series whose address would be longer than a folder name can be is refused with its line, not left to ENAMETOOLONG', async () => {
		expect(await failure(`tags: [ok, "${'word '.repeat(100).trim()}"]`)).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: tags: the tag "word word word word word word word word word word word word …" (499 characters) makes an address of 499 bytes (word-word-word-word-word-word-word-word-word-word-word-word-…), longer than the 255 bytes a folder name can have.
			Hint: Shorten the tag name; a sentence is better in the description or the body."
		`);
		expect(await failure(`series: "${'東'.repeat(100)}"`)).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: series: the series "東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東…" (100 characters) makes an address of 300 bytes (東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東東…), longer than the 255 bytes a folder name can have.
			Hint: Shorten the series name; a sentence is better in the description or the body."
		`);
		// 255 bytes is a folder name still.
		await expect(preparePostFile(post(`tags: ["${'y'.repeat(255)}"]\nseries: "${'東'.repeat(85)}"`), context())).resolves.toBeDefined();
	});

	test("a date at Hugo's zero time means no date, as Hugo reads it: the post is neither expired nor undated", async () => {
		const now = Date.parse('2025-01-01T00:00:00Z');
		const zero = await preparePostFile(post("expiryDate: 0001-01-01T00:00:00Z\nlastmod: '0001-01-01'"), context({ now }));
		expect(zero.heldBack).toBeUndefined();
		expect(zero.data).not.toHaveProperty('expiryDate');
		expect(zero.data).not.toHaveProperty('lastmod');
	});

	test('an MDX post with an upper-case extension is refused with the name to give it', async () => {
		const error = await preparePostFile(post(''), context({ displayPath: 'src/content/posts/Notes.MDX' })).catch((caught: Error) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toMatchInlineSnapshot(`
			"src/content/posts/Notes.MDX: an MDX post must end in .mdx in lower case: the MDX compiler reads no other spelling.
			Hint: Rename it to src/content/posts/Notes.mdx."
		`);
	});

	test("Hugo's JSON front matter is read in a Markdown post and refused in an MDX one, whose compiler cannot read it", async () => {
		const json = '{\n  "title": "Trip",\n  "date": "2024-01-01",\n  "series": ["Voyages"]\n}\nBody.\n';
		const read = await preparePostFile(json, context());
		expect([read.data.title, read.data.series, read.body]).toEqual(['Trip', ['Voyages'], 'Body.\n']);
		const error = await preparePostFile(json, context({ displayPath: 'src/content/posts/trip.mdx' })).catch((caught: Error) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toMatchInlineSnapshot(`
			"src/content/posts/trip.mdx:1: JSON front matter cannot be used in an MDX post: the MDX compiler reads the file itself, and reads only YAML (---) and TOML (+++) front matter.
			Hint: Write the fields between "---" lines as YAML (title: My post), or rename the file to .md if it has no JSX."
		`);
	});

	test('an offset no clock uses is an error naming the file, line and field', async () => {
		expect(await failure('updated: 2024-02-03T10:00:00+99:99')).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:4: updated: the offset +99:99 in "2024-02-03T10:00:00+99:99" is not a time-zone offset (from -12:00 to +14:00, minutes below 60).
			Hint: Write a date such as 2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024'; an offset goes from -12:00 to +14:00."
		`);
	});

	test('invalid TOML front matter is an error naming the file and line', async () => {
		const error = await preparePostFile('+++\ntitle = "T"\ndate = 2024-02-03T10:00:00+99:99\n+++\n', context()).catch((caught: Error) => caught);
		expect(`${(error as Error).message}\nHint: ${(error as { hint?: string }).hint}`).toMatchInlineSnapshot(`
			"src/content/posts/trip/index.md:3:8: invalid TOML front matter: invalid date

			  1 | +++
			  2 | title = "T"
			> 3 | date = 2024-02-03T10:00:00+99:99
			    |        ^
			  4 | +++
			  5 | 
			Hint: Fix the TOML on that line: text values are quoted (title = "My post"), lists are written ["a", "b"]."
		`);
	});
});

describe('an SVG that could run a script when opened on its own', () => {
	const svg = (inside: string, before = '') => `${before}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inside}</svg>`;

	test.each([
		['a script element', svg('<script>alert(1)</script>')],
		['a script in the XHTML namespace, which Chromium runs', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
		['an embedded HTML page', svg('<foreignObject><iframe src="https://evil.example/"></iframe></foreignObject>')],
		['an event attribute, prefixed or not', svg('<rect x:onclick="alert(1)"/>')],
		['a javascript: URL written with a character reference', svg('<a href="javascript&#58;alert(1)"><text>x</text></a>')],
		['a javascript: URL split by an encoded tab and a named colon', svg('<a href="jav&#x09;ascript&colon;alert(1)"><text>x</text></a>')],
		['an animation that sets a link to a javascript: URL', svg('<a><set attributeName="href" to="&#106;avascript:alert(1)"/><text>x</text></a>')],
		['entity declarations, which can expand into any of these', svg('&x;', '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>')],
		['an XSLT stylesheet', svg('', '<?xml-stylesheet type="text/xsl" href="page.xsl"?>')],
		["a script hidden by ISO-2022-JP's escapes, which the browser drops", svg('<scr\u001B(Bipt>alert(1)</scr\u001B(Bipt>', '<?xml version="1.0" encoding="ISO-2022-JP"?>')],
		['a script written in UTF-7', svg('+ADw-script+AD4-alert(1)+ADw-/script+AD4-', "<?xml version='1.0' encoding='utf-7'?>")],
		['a UTF-16 file, read as UTF-8', Buffer.from(`\uFEFF${svg('<script>alert(1)</script>')}`, 'utf16le').toString('utf8')],
	])('is refused: %s', (_, text) => {
		expect(svgCanRunScript(text)).toBe(true);
	});

	test('is not an SVG of shapes, text, links, styles and embedded raster images', () => {
		const drawing = svg('<style>.a{fill:#06c}</style><a href="https://example.com/"><text class="a">Ça marche &amp; on clique</text></a><image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>', '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">');
		expect(svgCanRunScript(drawing)).toBe(false);
		expect(svgCanRunScript(svg('<rect/>', '\uFEFF<?xml version="1.0" encoding="us-ascii"?>'))).toBe(false);
		expect(svgCanRunScript(svg('<rect/>', "<?xml version='1.0' encoding='utf8' standalone='no'?>"))).toBe(false);
	});
});

describe("an editor's draft field written as a word", () => {
	test('is a draft for words that say so, published for those that say that, and left to the schema otherwise', async () => {
		for (const word of ['draft', 'In progress', 'WIP', 'review']) expect((await preparePostFile(post(`draft: ${word}`), context())).data.draft, word).toBe(true);
		for (const word of ['published', 'Done', 'live']) expect((await preparePostFile(post(`draft: ${word}`), context())).data.draft, word).toBe(false);
		expect((await preparePostFile(post('draft: maybe'), context())).data.draft).toBe('maybe');
	});
});

describe("MultiMarkdown's reference definitions with attributes", () => {
	/** The post's page body, as Sätteri renders it, and the warnings its preparation gave. */
	async function rendered(body: string) {
		const said: string[] = [];
		const prepared = await preparePostFile(post('', body), context({ warn: (message) => said.push(message) }));
		const renderer = await satteri().createRenderer({} as never);
		return { $: cheerio.load((await renderer.render(prepared.body, { frontmatter: {} })).code, null, false), said };
	}

	test('are the definitions they mean: links use them, and the attributes no image takes are left out with a warning naming the line', async () => {
		// The sweep's MultiMarkdown post, after MultiMarkdown's user guide.
		const { $, said } = await rendered('[Some link][] and a footnote.\n\n[Some link]: http://example.com "Title" width=40px height=400px\n');
		expect($('a').map((_, link) => [[$(link).attr('href'), $(link).attr('title'), $(link).text()]]).get()).toEqual([['http://example.com', 'Title', 'Some link']]);
		expect($.root().text()).not.toContain('width=');
		expect(said).toEqual([
			'src/content/posts/trip/index.md:8: the attributes width=40px height=400px of the reference definition [Some link] are left out: MultiMarkdown gives a definition\'s width and height to the images that use it, and no image uses this one.',
		]);
	});

	test("give their width and height in pixels to the images that use them, and leave out a size the build's own image cannot carry", async () => {
		const { $, said } = await rendered('![A map][map] and ![Cover][cover]\n\n![Here][here]\n\n[map]: https://example.com/map.png "The map" width=40px height="400" class=wide\n[cover]: /images/cover.jpg width=50%\n[here]: ./cover.jpg width=120\n');
		expect($('img').slice(0, 2).map((_, image) => [[$(image).attr('src'), $(image).attr('alt'), $(image).attr('title'), $(image).attr('width'), $(image).attr('height')]]).get()).toEqual([
			['https://example.com/map.png', 'A map', 'The map', '40', '400'],
			['/images/cover.jpg', 'Cover', undefined, undefined, undefined],
		]);
		// The file beside the post is the Markdown image Astro optimises and publishes.
		expect(JSON.parse($('img').eq(2).attr('__astro_image_') ?? '{}')).toMatchObject({ src: './cover.jpg', alt: 'Here' });
		expect(said).toEqual([
			'src/content/posts/trip/index.md:10: the attribute class=wide of the reference definition [map] is left out: Carnet gives an image a width and a height in pixels, and no other attribute.',
			'src/content/posts/trip/index.md:11: the attribute width=50% of the reference definition [cover] is left out: Carnet gives an image a width and a height in pixels, and no other attribute.',
			'src/content/posts/trip/index.md:12: the attribute width=120 of the reference definition [here] is left out: the image is a file beside the post, which the build publishes as a Markdown image, and a Markdown image cannot carry a size. Resize the file itself to change its size.',
		]);
	});

	test('leave code alone', async () => {
		const { $, said } = await rendered('```\n[a]: http://example.com width=40px\n```\n');
		expect($('code').text().trim()).toBe('[a]: http://example.com width=40px');
		expect(said).toEqual([]);
	});
});

describe('schema errors', () => {
	test("words Astro's error about a field the site adds (postSchema's extend) as its own: the field at its line, the value received, without Astro's **", async () => {
		const astro = new Error('**posts → trip** data does not match collection schema.\n\n  **mood**: Invalid option: expected one of "calm"|"stormy"\n  **rating.stars**: Too big: expected number to be <=5\n');
		const prepared = await preparePostFile('---\ntitle: T\ndate: 2024-01-01\nmood: sunny\nrating:\n  stars: 9\n---\nBody.\n', context());
		const error = explainSchemaError(astro, prepared, context()) as Error & { hint?: string };
		expect(error.message.split('\n')).toEqual([
			'src/content/posts/trip/index.md:4: mood: Invalid option: expected one of "calm"|"stormy", received "sunny".',
			'src/content/posts/trip/index.md:5: rating.stars: Too big: expected number to be <=5, received 9.',
		]);
		expect(error.hint).toContain("postSchema's extend option");
	});

	const explain = async (source: string) => (explainSchemaError(new Error('schema'), await preparePostFile(source, context()), context()) as Error).message;

	test('a date that counts as none is quoted, where the file has the field, not said to be missing', async () => {
		expect(await explain('---\ntitle: Zero\ndate: 0001-01-01\n---\n')).toContain(`index.md:3: date: expected the post's publication date`);
		expect(await explain('---\ntitle: Zero\ndate: 0001-01-01\n---\n')).toMatch(/, received "0001-01-01", the zero date Hugo writes for "no date"\.$/);
		expect(await explain('---\ntitle: Empty\ndate: ""\n---\n')).toMatch(/index\.md:3: date: .*, received an empty value\.$/);
		expect(await explain('---\ntitle: None\n---\n')).toMatch(/, received nothing: the front matter \(lines 1-3\) has no date field\.$/);
		// Lines that open the file with no --- around them are counted from the first.
		expect(await explain('Title: None\nTags: a\n\nBody.\n')).toMatch(/, received nothing: the front matter \(lines 1-2\) has no date field\.$/);
		expect(await explain('% No date\n% Ada\n\nBody.\n')).toMatch(/index\.md:1: date: .*, received nothing: the front matter \(lines 1-2\) has no date field\.$/);
	});

	test('a file with no front matter is told so, with what it needs and an example, not that its front matter lacks a date', async () => {
		expect(await explain('# A heading\n\nText.\n')).toMatch(
			/index\.md:1: date: .*, received nothing: the post has no front matter; it needs a date, at the top of the file between two --- lines, such as ---, date: 2024-02-03, --- on three lines\.$/,
		);
		const untitled = await explain('Just text.\n');
		expect(untitled).toMatch(/date: .*, received nothing: the post has no front matter; it needs a date and a title \(none could be taken from a first # heading\), at the top of the file between two --- lines, such as ---, title: My post, date: 2024-02-03, --- on four lines\.$/m);
		const strict = context({ config: { ...context().config, strict: true } });
		const strictUntitled = (explainSchemaError(new Error('schema'), await preparePostFile('Just text.\n', strict), strict) as Error).message;
		expect(strictUntitled).toMatch(/title: .*, received nothing: the post has no front matter; it needs a date and a title \(none could be taken from a first # heading\), /m);
		expect(untitled).not.toContain('the front matter has no');
	});

	test("DEV's published: true on a post with no date is named as the flag it is, with the line to add", async () => {
		const devPost = "---\ntitle: 'jyt - a converter between JSON <> YAML <> TOML'\npublished: true\ndescription: 'About a converter'\ntags: rust, webassembly\ncover_image: https://example.com/cover.png\ncanonical_url: https://example.com/jyt\n---\n\nText.\n";
		expect(await explain(devPost)).toMatch(
			/, received nothing: the front matter \(lines 1-8\) has no date field; its published: true \(line 3\) is DEV's flag that the post is public, not a date: add the day the post was first published on a line of its own, such as date: 2024-02-03\.$/,
		);
		expect(await explain('---\ntitle: Later\nPublished: yes\n---\n')).toMatch(/; its Published: yes \(line 3\) is DEV's flag that the post is public, not a date: /);
	});

	test("fields exported from JavaScript (export const meta = { … }, as Tailwind's blog writes them) are named in the hint, with what to write instead", async () => {
		const mdx = context({ displayPath: 'src/content/posts/trip/index.mdx', entryFile: path.join(postDir, 'index.mdx') });
		const hint = async (source: string) => (explainSchemaError(new Error('schema'), await preparePostFile(source, mdx), mdx) as { hint?: string }).hint;
		expect(await hint("// Tailwind's\n\nexport const meta = {\n  title: 'v1.9',\n  date: '2020-10-13T18:30:00.000Z',\n};\n\nText.\n")).toBe(
			'This post gives its fields in JavaScript (export const meta = { … }, on line 3), as Next.js blogs write them; Carnet reads them from front matter. Move them to the top of the file between two --- lines, written as YAML (title: "My post"), and delete the export.',
		);
		expect(await hint('---\ntitle: T\n---\nexport const meta = {};\n')).toMatch(/^Fix the front matter of this post/);
	});

	test('a missing date names the keys that hold one under another name, with their lines', async () => {
		expect(await explain('---\ntitle: CMS\ncreatedAt: 2024-03-01T10:00:00.000Z\nseo: { x: 1 }\nrevised: "2024/3/2"\n---\n')).toMatch(
			/has no date field; it has a date under createdAt \(line 3\), revised \(line 5\): if that is when the post was published, rename the key to date\.$/,
		);
	});

	test("an item of a list at fault is named at its own line, a list on the key's line at the key's", async () => {
		const authors = '---\ntitle: T\ndate: 2024-01-01\nauthors:\n  # Ours\n  - Ada\n  - name: Grace\n    url: javascript:alert(1)\n  - [x]\ntags: [a]\n---\n';
		expect(await explain(authors)).toMatch(/^src\/content\/posts\/trip\/index\.md:7: authors\.1\.url: .*\nsrc\/content\/posts\/trip\/index\.md:9: authors\.2: expected a name/);
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nauthors: [Ada, [x]]\n---\n')).toMatch(/^src\/content\/posts\/trip\/index\.md:4: authors\.1: /);
	});

	test("a list of series, authors or aliases holding only empty items (hugo-theme-zzo's series: then -) is no value, and a series list of one still refused is shown as the list written", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post('series:\n-\ncategories:\n-\nauthors:\n- ""\naliases:\n-\nredirect_from: [null]'), context());
		const parsed = schema.parse(prepared.data);
		expect([parsed.series, parsed.authors, parsed.aliases]).toEqual([undefined, undefined, undefined]);
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nseries:\n  - { a: 1 }\n---\n')).toMatch(/^src\/content\/posts\/trip\/index\.md:4: series: expected the name of a series, .*, received \[\{"a":1\}\]\.$/);
	});

	test("a field read from inside an object (AstroWind's metadata.canonical) is named as written, at its own line", async () => {
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nmetadata:\n  robots: { index: false }\n  canonical: "javascript:alert(1)"\n---\n')).toBe(
			`src/content/posts/trip/index.md:6: metadata.canonical: expected the post's original http(s) address, such as https://example.com/posts/my-post/, received "javascript:alert(1)".`,
		);
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nmetadata: { canonical: "/posts/x/" }\n---\n')).toMatch(/^src\/content\/posts\/trip\/index\.md:4: metadata\.canonical: /);
		// Not the canonical of an object deeper in (AstroWind's metadata.openGraph), written first.
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nmetadata:\n  openGraph:\n    canonical: https://example.com/og\n  canonical: not a url\n---\n')).toMatch(/^src\/content\/posts\/trip\/index\.md:7: metadata\.canonical: .*, received "not a url"\.$/);
	});

	test("an author object whose fields are all empty (a CMS list widget's authors: [{name: ''}, Jane]) is no author, and one with a url but no name is refused naming authors.0.name, its line and the fix", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post("authors:\n  - name: ''\n  - Jane"), context());
		expect([schema.parse(prepared.data).author, schema.parse(prepared.data).authors]).toEqual(['Jane', undefined]);
		const single = await preparePostFile(post("author:\n  name: ''\n  url: null"), context());
		expect(schema.parse(single.data).author).toBeUndefined();
		expect(await explain("---\ntitle: T\ndate: 2024-01-01\nauthors:\n  - name: ''\n    url: https://jane.example\n  - Jane\n---\n")).toBe(
			'src/content/posts/trip/index.md:5: authors.0.name: expected the author\'s name beside their other fields, e.g. name: Jane Doe, received "".',
		);
	});

	test('YAML infinities are quoted as such, not as null', async () => {
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nseries: S\nseries_order: .inf\n---\n')).toContain('received Infinity.');
		expect(await explain('---\ntitle: T\ndate: 2024-01-01\nseries: S\nseries_order: .nan\n---\n')).toContain('received NaN.');
	});
});

describe('an image whose file name spells its accents otherwise', () => {
	const otherwise = 'The file there looks the same but spells its accents decomposed (NFD: é as e and a combining accent, as macOS names files), the path the other way, so they are different names.';

	test('a featured image, beside the post or in public/, is refused with why the names differ rather than a suggestion that prints the same', async () => {
		expect(await failure('featured_image: ./\u00e9t\u00e9.jpg')).toContain(`was not found next to the post (looked for src/content/posts/trip/\u00e9t\u00e9.jpg). ${otherwise}`);
		expect(await failure('featured_image: /images/\u00e9t\u00e9.jpg')).toContain(`was not found in public/ (looked for public/images/\u00e9t\u00e9.jpg). ${otherwise}`);
	});

	test('an image in a body too', () => {
		const error = (() => {
			try {
				checkBodyImages(['./\u00e9t\u00e9.jpg'], { body: '![](./\u00e9t\u00e9.jpg)', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(postDir, 'index.md'), root });
			} catch (caught) {
				return (caught as Error).message;
			}
			return 'no error';
		})();
		expect(error).toBe(`src/content/posts/trip/index.md:5: the image './\u00e9t\u00e9.jpg' was not found (looked for src/content/posts/trip/\u00e9t\u00e9.jpg). ${otherwise} Copy the file's name into the post, or rename the file by typing its name again, so that both are spelled alike.`);
	});
});

describe("Obsidian Linter's date created", () => {
	test('is not hinted as the updated date, which a created date is not', async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post('Date created: Thu., Sep. 5, 2024, 1:16:12 pm'), context());
		warnings.length = 0;
		warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front-matter key "Date created" is not a Carnet field; it is kept as data.extra.Date created. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		]);
	});

	test("the Linter's date created and date modified are the date and the updated date of a note without them, in its default format or ISO 8601, read in the site's time zone", async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		warnings.length = 0;
		const linter = await preparePostFile('---\ntitle: Note\ndate created: Tuesday, January 2nd 2024, 10:30:00 am\ndate modified: Friday, March 15th 2024, 9:05:07 pm\n---\nBody.\n', context({ config: { timeZone: 'Europe/Paris', strict: false, locale: 'en', remoteImageTimeout: 15 } }));
		expect([(linter.data.date as Date).toISOString(), (linter.data.updated as Date).toISOString()]).toEqual(['2024-01-02T09:30:00.000Z', '2024-03-15T20:05:07.000Z']);
		warnUnknownKeys(schema.parse(linter.data), linter.source, context());
		expect(warnings).toEqual([]);
		const iso = await preparePostFile('---\ntitle: Note\nDate created: 2024-01-02T10:30\ndate modified: 2024-02-03 08:00:00\n---\nBody.\n', context());
		expect([(iso.data.date as Date).toISOString(), (iso.data.updated as Date).toISOString()]).toEqual(['2024-01-02T10:30:00.000Z', '2024-02-03T08:00:00.000Z']);
		// Twelve o'clock is noon with pm and midnight with am, as moment writes them.
		const noon = await preparePostFile('---\ntitle: Note\ndate created: Sunday, June 2nd 2024, 12:00:00 pm\ndate modified: Monday, June 3rd 2024, 12:15:00 am\n---\nBody.\n', context());
		expect([(noon.data.date as Date).toISOString(), (noon.data.updated as Date).toISOString()]).toEqual(['2024-06-02T12:00:00.000Z', '2024-06-03T00:15:00.000Z']);
		// Beside a date, it is the note's own.
		const dated = await preparePostFile(post('date created: 2020-01-01T10:00'), context());
		expect([(dated.data.date as Date).toISOString(), dated.data['date created']]).toEqual(['2024-01-01T00:00:00.000Z', '2020-01-01T10:00']);
	});
});

describe('a Markdoc image whose source runs script', () => {
	test('is shown as its alt text or caption, with the warning a Markdown image of one gets, where it became an <img> with no source', async () => {
		warnings.length = 0;
		const body = 'Intro.\n\n{% image src="javascript:alert(6)" caption="A red *square*" /%}\n\n{% image src="vbscript:x" alt="Chart" %}\nThe *chart* of sales.\n{% /image %}\n\n{% image src="/ok.png" alt="OK" /%}\n';
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body).toBe('Intro.\n\nA red \\*square\\*\n\nThe *chart* of sales.\n\n\n\n![OK](</ok.png>)\n');
		expect(warnings).toEqual([
			// The tags with a caption of their own are read first.
			'src/content/posts/trip/index.md:10: the image of "vbscript:x" is shown as its alt text, without the image: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
			'src/content/posts/trip/index.md:8: the image of "javascript:alert(6)" is shown as its alt text, without the image: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
		]);
	});
});

describe("an image or link whose address a Hugo shortcode writes from the front matter, and that runs script", () => {
	test('is shown as its alt text or its text, with the warning naming the address as the page would have it', async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const prepared = await preparePostFile(post('link: "javascript:alert(1)"', '![param img]({{< param "link" >}})\n\n[plink]({{< param "link" >}})\n'), context({ shortcodes }));
		expect(prepared.body).toMatch(/^param img\n/);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:6: the image of "javascript:alert(1)" is shown as its alt text, without the image: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
			'src/content/posts/trip/index.md:8: the link to "javascript:alert(1)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
		]);
	});
});

describe('a front-matter key of control characters', () => {
	test('is named at its line with its control characters escaped, so that none reaches the terminal', async () => {
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		const prepared = await preparePostFile(post('"\\e[31mRED\\e[0m\\e]0;pwned\\a\\x9B": 1'), context());
		warnings.length = 0;
		warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front-matter key "\\u001b[31mRED\\u001b[0m\\u001b]0;pwned\\u0007\\u009B" is not a Carnet field; it is kept as data.extra["\\u001b[31mRED\\u001b[0m\\u001b]0;pwned\\u0007\\u009B"]. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		]);
		expect(warnings.join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});

describe('a front-matter key written twice', () => {
	test("reads the last value, as Hugo does, with a warning naming both lines, where PaperMod's archetype kept by Pages CMS stopped the build", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('disableHLJS: true # to disable highlightjs\ndisableShare: false\ndisableHLJS: false'), context());
		expect(prepared.data).toMatchObject({ disableHLJS: false, disableShare: false });
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:6:1: repaired front matter: "disableHLJS" is written twice, on lines 4 and 6; the last one, disableHLJS: false, is read, as Hugo and Jekyll read it. To fix the file, keep one of the two lines (4 or 6).',
		]);
	});

	test('holds back a post whose draft is written true then false around a list of tags, with a warning saying which lines disagree', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('draft: true\ntags:\n- x\ndraft: false'), context());
		expect([prepared.data.draft, prepared.heldBack]).toEqual([true, 'draft']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:7:1: repaired front matter: "draft" is written twice, on lines 4 and 7, with values that disagree on whether the post is published; the one that holds the post back, draft: true (line 4), is read, so that it is not published by mistake. To fix the file, keep the line that says what you mean (4 or 7).',
		]);
	});

	test('holds back a post whose encrypted, password or draft is written twice, or in two cases, with values that disagree, never naming its password', async () => {
		warnings.length = 0;
		for (const frontMatter of ['encrypted: true\nencrypted: false\npassword: hunter3', 'password: hunter8\npassword: ""', 'draft: false\nDraft: true']) {
			const prepared = await preparePostFile(post(frontMatter), context());
			expect([frontMatter, prepared.heldBack, prepared.data.draft, prepared.data.password]).toEqual([frontMatter, 'draft', true, undefined]);
		}
		expect(warnings.join('\n')).not.toMatch(/hunter/);
		expect(warnings).toContain(
			'src/content/posts/trip/index.md:5:1: repaired front matter: "draft" is written twice, as draft on line 4 and Draft on line 5, which Hugo reads as one key, with values that disagree on whether the post is published; the one that holds the post back, Draft: true (line 5), is read, so that it is not published by mistake. To fix the file, keep the line that says what you mean (4 or 5).',
		);
	});

	test('names the line and spelling of the password that is read when it is written in two cases (Password: "topsecret", password: ""), or twice', async () => {
		warnings.length = 0;
		await preparePostFile(post('Password: "topsecret"\npassword: ""'), context());
		expect(warnings.at(-1)).toBe(
			'src/content/posts/trip/index.md:4: password: … asks for a post that only readers who know its password can read, and Carnet does not encrypt posts: a static site publishes each post to everyone, in full, feeds and search included. The post is held back as a draft. Remove password to publish it to everyone.',
		);
		await preparePostFile(post('password: ""\npassword: hunter8'), context());
		expect(warnings.at(-1)).toMatch(/^src\/content\/posts\/trip\/index\.md:5: password: … asks for a post/);
	});

	test('stops an MDX post, whose front matter the MDX compiler reads itself, saying which lines to keep one of', async () => {
		const error = await preparePostFile(post('toc: true\ntoc: false'), context({ displayPath: 'src/content/posts/trip.mdx', entryFile: path.join(root, 'src/content/posts/trip.mdx') })).catch((caught: unknown) => caught as { message: string; hint?: string });
		expect(error).toMatchObject({
			message: 'src/content/posts/trip.mdx:5:1: invalid YAML front matter: "toc" is written twice, on lines 4 and 5 (not repaired: MDX front matter is read by the MDX compiler, which cannot be repaired).',
			hint: 'Keep one of the two lines (4 or 5).',
		});
	});
});

describe("an image of a body written without ./, as Keystatic writes it", () => {
	const missing = (entryFile: string) => {
		try {
			checkBodyImages(['image.png'], { body: '![](image.png)', source: { bodyLine: 5 } }, { displayPath: path.relative(root, entryFile), entryFile, root });
		} catch (caught) {
			return (caught as Error).message;
		}
		return 'no error';
	};

	test("that is not there is said to be looked for beside the post, then in Hexo's asset folder of the post, then where Keystatic saves a post's images", () => {
		expect(missing(path.join(root, 'src/content/posts/common-mistakes.mdoc'))).toBe(
			"src/content/posts/common-mistakes.mdoc:5: the image 'image.png' was not found (looked for src/content/posts/image.png, then src/content/posts/common-mistakes/image.png, Hexo's asset folder of the post, then src/content/posts/common-mistakes/content/image.png, where Keystatic saves a post's images).",
		);
	});

	test('that is in two of its folders (content/ and gallery/) is said to be in both, with the path to write', () => {
		for (const field of ['content', 'gallery']) {
			mkdirSync(path.join(root, 'src/content/posts/dup', field), { recursive: true });
			writeFileSync(path.join(root, 'src/content/posts/dup', field, 'image.png'), 'png');
		}
		let error: { message: string; hint?: string } | undefined;
		try {
			checkBodyImages(['image.png'], { body: '![](image.png)', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/dup.mdoc', entryFile: path.join(root, 'src/content/posts/dup.mdoc'), root });
		} catch (caught) {
			error = caught as typeof error;
		}
		expect(error?.message).toBe(
			"src/content/posts/dup.mdoc:5: the image 'image.png' is in 2 of the folders where Keystatic saves a post's images (src/content/posts/dup/content/image.png, src/content/posts/dup/gallery/image.png), so Carnet cannot tell which one the post shows.",
		);
		expect(error?.hint).toBe("Write the path of the one you mean from the post's file, e.g. ./dup/content/image.png.");
	});

	test("in a page bundle's index.md, is said to be looked for beside it only", () => {
		expect(missing(path.join(postDir, 'index.md'))).toContain("(looked for src/content/posts/trip/image.png).");
	});
});

describe('an image of a body whose path opens with a backslash', () => {
	test('is refused as a file that is not there, rather than left to Astro, which put an image without a source on the page', () => {
		expect(() =>
			checkBodyImages(['\\nothere.png'], { body: 'x\n![a](\\nothere.png)', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(postDir, 'index.md'), root }),
		).toThrow("src/content/posts/trip/index.md:6: the image '\\nothere.png' was not found");
	});
});

describe('an image beside the post that a body shows', () => {
	const check = (reference: string) =>
		checkBodyImageFiles([reference], { body: `Text.\n\n![a](${reference})`, source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(postDir, 'index.md'), root });

	test('is refused, naming the line, when it is larger than sharp decodes, which Astro would publish unoptimised under a .webp name', async () => {
		await expect(check('./huge.png')).rejects.toThrow(
			"src/content/posts/trip/index.md:7: the image './huge.png' (src/content/posts/trip/huge.png) is 60000×60000 pixels (3,600 megapixels), more than the 268 megapixels sharp decodes: it would be published unoptimised, under the names and types of the smaller images pages ask for.",
		);
	});

	test('is refused when it is not an image, or a format Astro cannot optimise', async () => {
		await expect(check('./page.jpg')).rejects.toThrow("the image './page.jpg' (src/content/posts/trip/page.jpg) is not an image");
		await expect(check('./empty.jpg')).rejects.toThrow('is an empty file (0 bytes)');
	});

	test('is accepted when it is an image, whatever format its name says, which Astro reads through', async () => {
		await expect(check('./cover.jpg')).resolves.toBeUndefined();
		await expect(check('./really-png.jpg')).resolves.toBeUndefined();
		// Not an image Astro imports: published as a file beside the post (markdown/file-links.ts).
		await expect(check('./notes.txt')).resolves.toBeUndefined();
	});
});

describe("an image of a body written with an alias of src/ (@/assets/x.png, as Astro themes' tsconfig.json defines it)", () => {
	const check = (site: string, aliases?: string[]) =>
		checkBodyImages(['@/assets/hero.jpg'], { body: 'x\n![a](@/assets/hero.jpg)', source: { bodyLine: 5 } }, { displayPath: 'src/content/posts/trip/index.md', entryFile: path.join(site, 'src/content/posts/trip/index.md'), root: site, aliases });

	test('is refused, naming the line, the path from the post and the alias to define, when the site defines no such alias', () => {
		expect(() => check(root)).toThrow(
			"src/content/posts/trip/index.md:6: the image '@/assets/hero.jpg' starts with @/, an alias of src/ that Astro themes define in their tsconfig.json, and this site defines no such alias, so the build cannot find it.",
		);
		try {
			check(root);
		} catch (error) {
			expect((error as { hint?: string }).hint).toBe('Write its path from the post\'s file (../../../assets/hero.jpg), or define the alias in tsconfig.json: "compilerOptions": { "paths": { "@/*": ["./src/*"] } }.');
		}
	});

	test("is left to Vite when the site's tsconfig.json or its Vite config defines the alias", () => {
		const site = mkdtempSync(path.join(tmpdir(), 'carnet-alias-'));
		writeFileSync(path.join(site, 'tsconfig.json'), '{\n  // Astro Cactus\n  "extends": "astro/tsconfigs/strict",\n  "compilerOptions": { "paths": { "@/*": ["src/*"] } }\n}\n');
		expect(() => check(site)).not.toThrow();
		expect(() => check(root, ['@'])).not.toThrow();
		rmSync(site, { recursive: true, force: true });
		// Paths under the alias only, or in a config that an extends list names.
		for (const config of ['{ "compilerOptions": { "paths": { "@/assets/*": ["src/assets/*"] } } }', '{ "extends": ["astro/tsconfigs/strict", "./tsconfig.paths.json"] }']) {
			const other = mkdtempSync(path.join(tmpdir(), 'carnet-alias-'));
			writeFileSync(path.join(other, 'tsconfig.json'), config);
			expect(() => check(other), config).not.toThrow();
			rmSync(other, { recursive: true, force: true });
		}
	});
});

describe("a page exported from Notion (no front matter, the page's id in its file name)", () => {
	const notion = (file: string) => context({ displayPath: `src/content/posts/${file}`, entryFile: path.join(root, 'src/content/posts', file) });

	test('takes its title from the heading, and its date, tags and description from the property lines, which leave the body', async () => {
		warnings.length = 0;
		const source = ['# Trip to Kyoto', '', 'Created: January 5, 2024 3:04 PM', 'Last edited time: @March 2, 2024 11:30 AM', 'Tags: Travel, Japan', 'Description: Two weeks by train.', 'Status: Published', 'Assignee: Ana', '', 'We took the **train**.', ''].join('\n');
		const prepared = await preparePostFile(source, notion('Trip to Kyoto 0123456789abcdef0123456789abcdef.md'));
		expect(prepared.data).toMatchObject({ title: 'Trip to Kyoto', slug: 'trip-to-kyoto', tags: ['Travel', 'Japan'], description: 'Two weeks by train.' });
		expect((prepared.data.date as Date).toISOString()).toBe('2024-01-05T15:04:00.000Z');
		expect((prepared.data.updated as Date).toISOString()).toBe('2024-03-02T11:30:00.000Z');
		expect(prepared.hidden).toBe(false);
		// Every line keeps its number: the properties are blank lines now.
		expect(prepared.body.split('\n')).toEqual(['', '', '', '', '', '', '', '', '', 'We took the **train**.', '']);
		expect(warnings).toEqual([
			'src/content/posts/Trip to Kyoto 0123456789abcdef0123456789abcdef.md:8: Notion\'s "Assignee" property is not shown: Carnet reads a date (Date, Created), Last edited time, Tags, Description, Slug and a draft status from a Notion export. Move what should show into the text, or into front matter between "---" lines.',
		]);
	});

	test("makes its callouts, exported as <aside> blocks of Markdown, notes with their icon, each line on its line; one in code stays", async () => {
		const source = ['# Kyoto', '', 'Date: 2024/01/05', '', '<aside>', '💡 Book the **ryokan** early.', '', '</aside>', '```html', '<aside>', '</aside>', '```', ''].join('\n');
		const prepared = await preparePostFile(source, notion('Kyoto 0123456789abcdef0123456789abcdef.md'));
		expect(prepared.body.split('\n').slice(4)).toEqual(['> [!NOTE]', '> 💡 Book the **ryokan** early.', '>', '>', '```html', '<aside>', '</aside>', '```', '']);
	});

	test('makes a callout inside a callout a note inside the note', async () => {
		const source = ['# Kyoto', '', 'Date: 2024/01/05', '', '<aside>', '💡 Outer.', '', '<aside>', '⚠️ Inner.', '', '</aside>', '', 'More outer.', '', '</aside>', '', 'After.'].join('\n');
		const prepared = await preparePostFile(source, notion('Kyoto 0123456789abcdef0123456789abcdef.md'));
		expect(prepared.body.split('\n').slice(4)).toEqual(['> [!NOTE]', '> 💡 Outer.', '>', '> > [!NOTE]', '> > ⚠️ Inner.', '> >', '> >', '>', '> More outer.', '>', '>', '', 'After.']);
	});

	test('prefers a Date property to Created, reads past an empty property, and is a draft when its Published box is unticked', async () => {
		const source = ['# Draft', '', 'Created: 2023/12/01', 'Tags:', 'Date: Feb 3, 2024', 'Published: No', '', 'Text.'].join('\n');
		const prepared = await preparePostFile(source, context({ ...notion('Draft 0123456789abcdef0123456789abcdef.md'), showDrafts: true }));
		expect((prepared.data.date as Date).toISOString()).toBe('2024-02-03T00:00:00.000Z');
		expect(prepared.data.draft).toBe(true);
		// An empty property is part of the block, and says nothing.
		expect(prepared.data.tags).toBeUndefined();
		expect(prepared.body).not.toContain('Published');
	});

	test("names the property's line when its date is not one Carnet can read", async () => {
		const source = ['# Day first', '', 'Date: 05/01/2024', '', 'Text.'].join('\n');
		await expect(preparePostFile(source, notion('Day first 0123456789abcdef0123456789abcdef.md'))).rejects.toThrow(
			'src/content/posts/Day first 0123456789abcdef0123456789abcdef.md:3: Notion\'s "Date" property, "05/01/2024", is not a date Carnet can read: in a form like 05/01/2024, the day and the month cannot be told apart.',
		);
	});

	test('reads a French export: its property names, its Oui/Non boxes and its dates in words', async () => {
		warnings.length = 0;
		const source = ['# Voyage à Kyoto', '', 'Créé le: 5 janvier 2024 15:04', 'Dernière modification: 2 mars 2024 11:30', 'Étiquettes: Voyage, Japon', 'Résumé: Deux semaines en train.', 'Publié: Non', '', 'Texte.'].join('\n');
		const prepared = await preparePostFile(source, context({ ...notion('Voyage à Kyoto 0123456789abcdef0123456789abcdef.md'), showDrafts: true }));
		expect(prepared.data).toMatchObject({ title: 'Voyage à Kyoto', tags: ['Voyage', 'Japon'], description: 'Deux semaines en train.', draft: true });
		expect((prepared.data.date as Date).toISOString()).toBe('2024-01-05T15:04:00.000Z');
		expect((prepared.data.updated as Date).toISOString()).toBe('2024-03-02T11:30:00.000Z');
		expect(warnings).toEqual([]);
	});

	test.each([
		['January 5, 2024 3:04 PM', '2024-01-05 15:04:00'],
		['@Jan 5, 2024 → Jan 9, 2024', '2024-01-05'],
		['September 5, 2024 12:30 AM (GMT+1)', '2024-09-05 00:30:00'],
		['2024/01/05', '2024-01-05'],
		['1er janvier 2024', '2024-01-01'],
		['5 janv. 2024 à 15:04', '2024-01-05 15:04:00'],
		['5. Januar 2024 um 15:04', '2024-01-05 15:04:00'],
		['5 de enero de 2024 a las 3:04 p. m.', '2024-01-05 15:04:00'],
		['5 de janeiro de 2024 às 15:04', '2024-01-05 15:04:00'],
		['5 gennaio 2024', '2024-01-05'],
		['5 januari 2024 om 15:04', '2024-01-05 15:04:00'],
		['5. januar 2024 kl. 15.04', '2024-01-05 15:04:00'],
		['5. tammikuuta 2024 klo 15.04', '2024-01-05 15:04:00'],
		['5 stycznia 2024', '2024-01-05'],
		['5 января 2024 г. в 15:04', '2024-01-05 15:04:00'],
		['2024年1月5日 15:04', '2024-01-05 15:04:00'],
		['2024년 1월 5일 오후 3:04', '2024-01-05 15:04:00'],
	])('reads the Notion date %j as %s', (written, read) => {
		expect(notionDate(written, 'fr')).toBe(read);
	});

	test.each(['05/01/2024', '5.1.2024', 'January 2024', '5 Foo 2024', 'last summer', 'January 5, 2024 25:00', '32 janvier 2024'])('does not guess at the Notion date %j', (written) => {
		expect(notionDate(written, 'en')).toBeUndefined();
	});

	test('names the property and the forms it reads when a date is not one Carnet can read', async () => {
		const source = ['# Someday', '', 'Date: next spring', '', 'Text.'].join('\n');
		await expect(preparePostFile(source, notion('Someday 0123456789abcdef0123456789abcdef.md'))).rejects.toThrow(
			'src/content/posts/Someday 0123456789abcdef0123456789abcdef.md:3: Notion\'s "Date" property, "next spring", is not a date Carnet can read: it reads full dates (January 5, 2024 or 5 janvier 2024, in the languages of Notion\'s interface) and Year/Month/Day ones.',
		);
	});

	test('without a date property, says that the page needs one and how to add it', async () => {
		await expect(preparePostFile('# Plain page\n\nJust text.\n', notion('Plain page 0123456789abcdef0123456789abcdef.md'))).rejects.toThrow(
			"src/content/posts/Plain page 0123456789abcdef0123456789abcdef.md:1: this page exported from Notion has no date: Carnet reads it from the page's Date, Published or Created property, which its export does not have.",
		);
	});

	test('reads nothing from property-like lines in a file not named as Notion names its pages', async () => {
		const prepared = await preparePostFile(['---', 'title: Summer', 'date: 2024-06-01', '---', '# Summer', '', 'Date: last summer', ''].join('\n'), context());
		expect(prepared.body).toContain('Date: last summer');
		expect((prepared.data.date as Date).toISOString()).toBe('2024-06-01T00:00:00.000Z');
	});
});

describe("Hugo's cascade in a section's _index.md", () => {
	test('holds back the posts under a section that cascades draft: true, unless a post says otherwise, and leaves other sections alone', async () => {
		const posts = path.join(root, 'cascade-posts');
		rmSync(posts, { recursive: true, force: true });
		mkdirSync(path.join(posts, 'drafts/deeper'), { recursive: true });
		mkdirSync(path.join(posts, 'public-notes'), { recursive: true });
		writeFileSync(path.join(posts, 'drafts/_index.md'), '---\ntitle: Drafts\ncascade:\n  draft: true\n  banner: x.jpg\n---\n');
		writeFileSync(path.join(posts, 'public-notes/_index.md'), '+++\ntitle = "Notes"\n[[cascade]]\ndraft = true\n[cascade._target]\npath = "/notes/**"\n+++\n');
		const cascades = readHugoCascades(posts, root);
		expect([...(cascades?.byFolder.keys() ?? [])]).toEqual(['cascade-posts/drafts']);
		expect(cascades?.targeted).toEqual(['cascade-posts/public-notes/_index.md']);
		const at = (file: string) => context({ displayPath: `cascade-posts/${file}`, entryFile: path.join(posts, file), cascades });
		expect((await preparePostFile(post(''), at('drafts/deeper/secret.md'))).hidden).toBe(true);
		expect((await preparePostFile(post('draft: false'), at('drafts/ready.md'))).hidden).toBe(false);
		expect((await preparePostFile(post(''), at('public-notes/note.md'))).hidden).toBe(false);
		expect((await preparePostFile(post(''), at('elsewhere.md'))).hidden).toBe(false);
		// Every post's key includes what the sections cascade: an edited _index.md renders the posts again.
		writeFileSync(path.join(posts, 'drafts/_index.md'), '---\ncascade:\n  draft: false\n---\n');
		expect(readHugoCascades(posts, root)?.digest).not.toBe(cascades?.digest);
	});

	test('reads a cascade and its keys in any case, as Hugo does: Cascade: { Draft: true }, CASCADE: { Headless: true } and Build: { render: never } hold back the posts under them', async () => {
		const posts = path.join(root, 'cascade-cases');
		rmSync(posts, { recursive: true, force: true });
		for (const folder of ['drafts', 'bundles', 'built', 'targeted']) mkdirSync(path.join(posts, folder), { recursive: true });
		writeFileSync(path.join(posts, 'drafts/_index.md'), '---\ntitle: Drafts\nCascade:\n  Draft: true\n---\n');
		writeFileSync(path.join(posts, 'bundles/_index.md'), '---\nCASCADE:\n  Headless: true\n---\n');
		writeFileSync(path.join(posts, 'built/_index.md'), '+++\n[cascade]\n[cascade.Build]\nrender = "never"\n+++\n');
		writeFileSync(path.join(posts, 'targeted/_index.md'), '---\ncascade:\n  - Draft: true\n    _target:\n      path: /x/**\n---\n');
		const cascades = readHugoCascades(posts, root);
		expect(Object.fromEntries(cascades?.byFolder ?? [])).toEqual({ 'cascade-cases/drafts': { draft: true }, 'cascade-cases/bundles': { headless: true }, 'cascade-cases/built': { build: { render: 'never' } } });
		expect(cascades?.targeted).toEqual(['cascade-cases/targeted/_index.md']);
		const at = (file: string) => context({ displayPath: `cascade-cases/${file}`, entryFile: path.join(posts, file), cascades });
		for (const file of ['drafts/a.md', 'bundles/b.md', 'built/c.md']) expect([file, (await preparePostFile(post(''), at(file))).heldBack]).toEqual([file, 'draft']);
	});

	test("gives the posts under a section the fields Carnet reads, as Hugo Apéro's series cascade them, and not the template's", async () => {
		const posts = path.join(root, 'cascade-fields');
		rmSync(posts, { recursive: true, force: true });
		mkdirSync(path.join(posts, 'sourdough'), { recursive: true });
		writeFileSync(path.join(posts, 'sourdough/_index.md'), '---\ntitle: Sourdough\ncascade:\n  series: Sourdough\n  author: Alison Hill\n  tags: [bread]\n  layout: single-series\n  type: blog\n  featured_image: images/banner.jpg\n---\n');
		const cascades = readHugoCascades(posts, root);
		const at = (file: string) => context({ displayPath: `cascade-fields/${file}`, entryFile: path.join(posts, file), cascades });
		const { data } = await preparePostFile(post('tags: [starter]'), at('sourdough/01-spoonful.md'));
		expect([data.series, data.author, data.tags, data.type, data.featured_image]).toEqual(['Sourdough', 'Alison Hill', ['starter'], undefined, undefined]);
	});
});

describe("a post whose text is in its front matter", () => {
	test("takes the text of a body field as its body, and warns about structured content it cannot render, with its line", async () => {
		warnings.length = 0;
		const decap = await preparePostFile('---\ntitle: Decap\ndate: 2025-01-01\nbody: |\n  The **text** of the post.\n\n  Second paragraph.\n---\n', context());
		expect(decap.body.trim()).toBe('The **text** of the post.\n\nSecond paragraph.');
		expect(decap.data).not.toHaveProperty('body');
		await preparePostFile('---\ntitle: Bard\ndate: 2025-01-01\npage_builder:\n  - type: paragraph\n    text: Hello\n---\n', context());
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: the post has no body: its text is in page_builder/)]);
	});
});

describe('links to files beside the post', () => {
	const shortcodes = { postUrl: (slug: string, date?: string) => `/blog/${date}/${slug}/`, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
	const lines = (body: string) => body.split('\n').filter((line) => line !== '');

	test('lead to the file published under the post\'s address, with their title, query and fragment; an image of a video becomes such a link', async () => {
		warnings.length = 0;
		mkdirSync(path.join(postDir, 'slides'), { recursive: true });
		writeFileSync(path.join(postDir, 'talk.pdf'), 'PDF');
		writeFileSync(path.join(postDir, 'clip.mp4'), 'MP4');
		writeFileSync(path.join(postDir, 'slides', 'my talk (1).pdf'), 'PDF');
		const body = 'See [the slides](./talk.pdf "Slides"), [page 2](talk.pdf?v=1#page=2).\n\n![penguins](clip.mp4)\n\n[one](slides/my%20talk%20(1).pdf) [two](<slides/my talk (1).pdf>) [ref][r]\n\n[r]: ./talk.pdf "Slides"\n';
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual([
			'See [the slides](/blog/2024-01-01/trip/talk.pdf "Slides"), [page 2](/blog/2024-01-01/trip/talk.pdf?v=1#page=2).',
			'[penguins](/blog/2024-01-01/trip/clip.mp4)',
			'[one](/blog/2024-01-01/trip/slides/my%20talk%20%281%29.pdf) [two](</blog/2024-01-01/trip/slides/my%20talk%20%281%29.pdf>) [ref][r]',
			'[r]: /blog/2024-01-01/trip/talk.pdf "Slides"',
		]);
		expect(prepared.files).toEqual([
			{ path: 'talk.pdf', source: 'src/content/posts/trip/talk.pdf' },
			{ path: 'clip.mp4', source: 'src/content/posts/trip/clip.mp4' },
			{ path: 'slides/my talk (1).pdf', source: 'src/content/posts/trip/slides/my talk (1).pdf' },
		]);
		expect(warnings).toEqual([]);
	});

	test('publish the file of an <img> that stays HTML, as the Go blog links its figures, without a warning', async () => {
		warnings.length = 0;
		mkdirSync(path.join(postDir, 'flight'), { recursive: true });
		writeFileSync(path.join(postDir, 'flight', 'f1.png'), 'PNG');
		const prepared = await preparePostFile(post('', '<a href="flight/f1.png"><img src="flight/f1.png" width=100%></a>\n'), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual(['<a href="/blog/2024-01-01/trip/flight/f1.png"><img src="/blog/2024-01-01/trip/flight/f1.png" width=100%></a>']);
		expect(prepared.files).toEqual([{ path: 'flight/f1.png', source: 'src/content/posts/trip/flight/f1.png' }]);
		expect(warnings).toEqual([]);
	});

	test("publish an image's original that a link names, and leave the image itself to Astro", async () => {
		writeFileSync(path.join(postDir, 'photo.jpg'), 'JPEG');
		const prepared = await preparePostFile(post('', '[![The photo](./photo.jpg)](./photo.jpg)\n\n![Alone](./photo.jpg)\n'), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual(['[![The photo](./photo.jpg)](/blog/2024-01-01/trip/photo.jpg)', '![Alone](./photo.jpg)']);
		expect(prepared.files).toEqual([{ path: 'photo.jpg', source: 'src/content/posts/trip/photo.jpg' }]);
	});

	test('outside the post\'s folder, hidden, or named as the post\'s page are warned about with their line and left as written', async () => {
		warnings.length = 0;
		mkdirSync(path.join(root, 'src/content/posts/shared'), { recursive: true });
		writeFileSync(path.join(root, 'src/content/posts/shared/x.pdf'), 'PDF');
		writeFileSync(path.join(postDir, '.notes.txt'), 'TXT');
		writeFileSync(path.join(postDir, 'index.html'), 'HTML');
		const body = '[out](../shared/x.pdf)\n\n[hidden](./.notes.txt)\n\n[page](index.html)\n';
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual(['[out](../shared/x.pdf)', '[hidden](./.notes.txt)', '[page](index.html)']);
		expect(prepared.files).toEqual([]);
		expect(warnings).toEqual([
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:6: the link "\.\.\/shared\/x\.pdf" names a file that the build does not publish: it is outside the post's folder.*Move x\.pdf into the post's folder/),
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:8: the link "\.\/\.notes\.txt" .*starts with a dot/),
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:10: the link "index\.html" .*the post's own page has its name.*Rename it \(e\.g\. index-file\.html\)/),
		]);
	});

	test('that are symbolic links to a file outside the project or to a hidden file are not published, with a warning', async () => {
		warnings.length = 0;
		const outside = mkdtempSync(path.join(tmpdir(), 'carnet-outside-'));
		writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
		writeFileSync(path.join(root, '.env'), 'TOKEN=1');
		writeFileSync(path.join(postDir, 'real.txt'), 'REAL');
		for (const [link, target] of [['leak.txt', path.join(outside, 'secret.txt')], ['env.txt', path.join(root, '.env')], ['alias.txt', path.join(postDir, 'real.txt')]]) {
			rmSync(path.join(postDir, link as string), { force: true });
			symlinkSync(target as string, path.join(postDir, link as string));
		}
		const prepared = await preparePostFile(post('', '[a](./leak.txt) [b](./env.txt) [c](./alias.txt)\n'), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual(['[a](./leak.txt) [b](./env.txt) [c](/blog/2024-01-01/trip/alias.txt)']);
		expect(prepared.files).toEqual([{ path: 'alias.txt', source: 'src/content/posts/trip/alias.txt' }]);
		expect(warnings).toEqual([
			expect.stringMatching(/:6: the link "\.\/leak\.txt" names a file that the build does not publish: it is a symbolic link to a file outside the project/),
			expect.stringMatching(/:6: the link "\.\/env\.txt" names a file that the build does not publish: it is a symbolic link to a hidden file/),
		]);
	});

	test('in code, to missing files, to posts and to addresses stay as written, a warning naming the line of each missing file', async () => {
		warnings.length = 0;
		const body = '`[code](./talk.pdf)`\n\n```\n[fenced](./talk.pdf)\n```\n\n[gone](./gone.pdf) [post](./other.md) [site](/files/a.pdf) [web](https://example.com/a.pdf)\n';
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(lines(prepared.body)).toEqual(['`[code](./talk.pdf)`', '```', '[fenced](./talk.pdf)', '```', '[gone](./gone.pdf) [post](./other.md) [site](/files/a.pdf) [web](https://example.com/a.pdf)']);
		expect(prepared.files).toEqual([]);
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:\d+: the link "\.\/gone\.pdf" leads nowhere: no file is beside the post at that path \(looked for .*gone\.pdf\)\./)]);
	});

	test('to a missing file are told by a reference definition, an HTML link, video or image, but not to a page, a website or a Markdown image', async () => {
		warnings.length = 0;
		const body = 'Use [the deck][deck], [about](about.html), [site](example.com/x), ![gone](./gone.png).\n\n[deck]: slides/deck.key\n\n<a href="data/sheet.csv">csv</a> <video src="lost-clip.mp4"></video> <img src="gopher.svg" alt="Gopher">\n';
		await preparePostFile(post('', body), context({ shortcodes }));
		const told = warnings.filter((warning) => / (?:leads nowhere|shows nothing): /.test(warning)).map((warning) => /: the (?:link|file) ("[^"]*") (?:leads nowhere|shows nothing)/.exec(warning)?.[1]);
		expect(told).toEqual(['"slides/deck.key"', '"data/sheet.csv"', '"lost-clip.mp4"', '"gopher.svg"']);
		expect(warnings.find((warning) => warning.includes('"gopher.svg"'))).toMatch(/the file "gopher\.svg" shows nothing: no file is beside the post at that path/);
		// Not an <img> written in a script's text or a template.
		warnings.length = 0;
		await preparePostFile(post('', '<script>\nconst html = \'<img src="in-script.png">\';\n</script>\n\n<template>\n<img src="in-template.png">\n</template>\n'), context({ shortcodes }));
		expect(warnings).toEqual([]);
	});

	test('to a file not beside the post is not told of when it leads to a version, an e-mail address, the site above the post, or a file public/ has under that path', async () => {
		warnings.length = 0;
		mkdirSync(path.join(root, 'public/posts/trip'), { recursive: true });
		writeFileSync(path.join(root, 'public/posts/trip/published.pdf'), 'pdf');
		// A file of that name elsewhere in public/ is another file.
		mkdirSync(path.join(root, 'public/downloads'), { recursive: true });
		writeFileSync(path.join(root, 'public/downloads/slides.pdf'), 'pdf');
		const body = '[Go](go1.21) [notes](v1.2) [mail](me@example.com) [site](example.fr) [feed](../../rss.xml) [pub](published.pdf) [gone](./gone-too.pdf) [slides](./slides.pdf)\n';
		await preparePostFile(post('', body), context({ shortcodes }));
		expect(warnings.filter((warning) => warning.includes('leads nowhere')).map((warning) => /the link ("[^"]*")/.exec(warning)?.[1])).toEqual(['"./gone-too.pdf"', '"./slides.pdf"']);
	});

	test('a long post of lists with a link to a missing file gets no word of links left unread', async () => {
		warnings.length = 0;
		const body = `${Array.from({ length: 600 }, (_, index) => `${'  '.repeat(index % 40)}- item ${index}`).join('\n')}\n\n[x](changes.txt)\n`;
		await preparePostFile(post('', body), context({ shortcodes }));
		expect(warnings.filter((warning) => warning.includes('left as written'))).toEqual([]);
	});
});

describe('an author written as the path of an author file', () => {
	test('that is not in the project is bylined by the file name, with a warning naming the line', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('author: content/authors/ghost.md'), context());
		expect(prepared.data.author).toBe('ghost');
		expect(warnings).toEqual([expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:4: author names the file "content\/authors\/ghost\.md", which is not in the project: the byline shows "ghost"\./)]);
	});
});

describe("Grav's notices", () => {
	test('of one kind are a callout; of several kinds with no line between, or under an HTML block, are not taken into another block', async () => {
		const grav = context({ displayPath: 'src/content/posts/01.trip/item.md', entryFile: path.join(postDir, 'item.md') });
		const body = ['Intro.', '', '! Yellow one.', '! Yellow two.', '', '! Yellow.', '!! Red.', '', '<div>HTML</div>', '', '!!!! Tip.'].join('\n');
		const prepared = await preparePostFile(post('', body), grav);
		expect(prepared.body.split('\n')).toEqual(['Intro.', '', '> [!WARNING] Yellow one.', '> Yellow two.', '', '! Yellow.', '!! Red.', '', '<div>HTML</div>', '', '> [!TIP] Tip.']);
	});
});

describe('character references to invisible characters in front matter', () => {
	test('are removed as the characters pasted raw are, with one warning per field naming its line and the references', async () => {
		warnings.length = 0;
		const written = ['title: "Tips &#1; Tricks"', 'description: "A &#8; B &#xFFFF;"', 'subtitle: "Sub &#11; title"', 'tags: ["&#1;tag", "Fish &amp; chips"]'].join('\n');
		const prepared = await preparePostFile(`---\ndate: 2024-01-01\n${written}\n---\nBody.\n`, context());
		expect(prepared.data).toMatchObject({ title: 'Tips  Tricks', description: 'A  B ', subtitle: 'Sub   title', tags: ['tag', 'Fish & chips'] });
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:3: title: removed an invisible character that feeds cannot carry (U+0001), written as &#1;. Delete that reference from the file to silence this warning.",
			  "src/content/posts/trip/index.md:4: description: removed 2 invisible characters that feeds cannot carry (U+0008 backspace, U+FFFF), written as &#8; and &#xFFFF;. Delete those references from the file to silence this warning.",
			  "src/content/posts/trip/index.md:5: subtitle: removed an invisible character that feeds cannot carry (U+000B vertical tab), written as &#11;. Delete that reference from the file to silence this warning.",
			  "src/content/posts/trip/index.md:6: tags: removed an invisible character that feeds cannot carry (U+0001), written as &#1;. Delete that reference from the file to silence this warning.",
			]
		`);
	});
});

describe('line and paragraph separators (U+2028, U+2029) in one-line fields', () => {
	test("read as a space, trimmed at the ends, in the title, subtitle, description, tags, series, alt text and authors' names, so that the page, the feeds and the JSON-LD show one text", async () => {
		warnings.length = 0;
		const written = [
			'title: "A\\u2028x\\u2029"',
			'subtitle: "\\u2029Sub\\u2028\\u2028title"',
			'description: "One\\u2029two &#x2028;three"',
			'tags: ["a\\u2028b", "c"]',
			'series: "S\\u2028one"',
			'featured_image_alt: "Alt\\u2028text"',
			'authors: ["Ada\\u2028Lovelace", { name: "Grace\\u2029Hopper", url: "https://example.com/" }]',
		].join('\n');
		const prepared = await preparePostFile(`---\ndate: 2024-01-01\n${written}\n---\nBody\u2028kept.\n`, context());
		const parsed = postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(prepared.data);
		expect([parsed.title, parsed.subtitle, parsed.description, parsed.tags, parsed.series, prepared.data.featured_image_alt]).toEqual(['A x', 'Sub title', 'One two three', ['a b', 'c'], { name: 'S one' }, 'Alt text']);
		expect(prepared.data.authors).toEqual(['Ada Lovelace', { name: 'Grace Hopper', url: 'https://example.com/' }]);
		// The body is not a one-line field: Markdown reads its separators.
		expect(prepared.body).toBe('Body\u2028kept.\n');
		expect(warnings).toEqual([]);
	});
});

describe('character references in text fields, as exitwp and jekyll-import write WordPress titles', () => {
	test('are the characters they stand for in the title, subtitle, description, tags and categories', async () => {
		const written = [
			'title: Tips &amp; Tricks for &quot;Office&quot;',
			'subtitle: It&#8217;s easy',
			'description: Fish &amp; chips',
			'tags:\n- Tips &amp; Tricks\n- AT&T',
			'categories: [R&amp;D]',
		].join('\n');
		const prepared = await preparePostFile(`---\ndate: 2024-01-01\n${written}\n---\nBody.\n`, context());
		expect(prepared.data).toMatchObject({ title: 'Tips & Tricks for "Office"', subtitle: 'It’s easy', description: 'Fish & chips', tags: ['Tips & Tricks', 'AT&T'], categories: ['R&D'] });
	});

	test('leave a & that begins no reference as written, and make a written &amp;amp; the text &amp;', async () => {
		const prepared = await preparePostFile(`---\ndate: 2024-01-01\ntitle: Why &amp;amp; and not &copy here\n---\nBody.\n`, context());
		expect(prepared.data.title).toBe('Why &amp; and not &copy here');
	});

	test('decode a long title of ampersands in linear time', async () => {
		const started = performance.now();
		await preparePostFile(`---\ndate: 2024-01-01\ntitle: "${'&#'.repeat(50_000)}&amp"\n---\nBody.\n`, context());
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe("a Ghost export's post", () => {
	// The columns Ghost's Markdown and JSON exports write, as the post's front matter.
	const ghost = [
		'id: 5e23ea133c11b2c62732f1a7',
		'uuid: 526cf4c1-f57a-41f8-a8a2-f9d0516c1cc3',
		'slug: simple-dark-mode',
		'comment_id: 5e23ea133c11b2c62732f1a7',
		'status: published',
		'visibility: public',
		'email_recipient_filter: all',
		'created_at: 2020-01-19 05:40:00',
		'published_at: 2020-01-19 05:45:49',
		'custom_excerpt: Get to know dark mode',
		'meta_description: For search engines',
		'feature_image_alt: A dark page',
		'feature_image_caption: Photo by Ada',
		'featured: true',
	].join('\n');
	const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });

	test("has its custom_excerpt as the description, else its meta_description, and Ghost's feature_image_alt and feature_image_caption as the image's alt text and caption", async () => {
		const prepared = await preparePostFile(post(ghost), context());
		expect(schema.parse(prepared.data)).toMatchObject({ description: 'Get to know dark mode', extra: { meta_description: 'For search engines' } });
		expect((await preparePostFile(post('meta_description: For search engines'), context())).data.description).toBe('For search engines');
		expect((await preparePostFile(post('description: Mine\ncustom_excerpt: Ghost'), context())).data).toMatchObject({ description: 'Mine', custom_excerpt: 'Ghost' });
		expect(schema.parse({ ...prepared.data, feature_image: './a.jpg' }).image).toEqual({ src: './a.jpg', alt: 'A dark page', caption: 'Photo by Ada' });
	});

	test("warns about none of Ghost's bookkeeping columns, nor converters' notes of a post's old home, and still about a key of the author's", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post(`${ghost}\nwordpress_id: 319\ndate_gmt: 2010-09-24 09:05:39\nauthor_login: admin\ntumblr_url: https://ada.tumblr.com/post/1\nmood: calm`), context());
		warnings.length = 0;
		warnUnknownKeys(schema.parse(prepared.data), prepared.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:22: front-matter key "mood" is not a Carnet field; it is kept as data.extra.mood. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		]);
		// Nor a custom_excerpt it had none in (null, as most of Ghost's posts have), or one the post's description outranks.
		warnings.length = 0;
		for (const fields of ['uuid: x\ncustom_excerpt: null\nmeta_description: null', 'description: Mine\ncustom_excerpt: Ghost']) {
			const excerpt = await preparePostFile(post(fields), context());
			warnUnknownKeys(schema.parse(excerpt.data), excerpt.source, context());
		}
		expect(warnings).toEqual([]);
		// `id` and `type` are Ghost's only in a Ghost export.
		const other = await preparePostFile(post('id: intro'), context());
		warnUnknownKeys(schema.parse(other.data), other.source, context());
		expect(warnings).toHaveLength(1);
	});
});

describe('a Blogger post of jekyll-import', () => {
	test('keeps an address with a stray % as written, as its old address', async () => {
		const prepared = await preparePostFile(post('blogger_id: tag:blogger.com,1999:blog-1.post-2\nblogger_orig_url: https://x.blogspot.com/2016/04/100%-done.html'), context());
		expect(prepared.data.aliases).toEqual(['/2016/04/100%-done.html']);
	});
});

describe("a Logseq page's properties", () => {
	test('give its title, date and tags (links and hashtags as names), and public:: false holds it back, with its outline as the body', async () => {
		const page = await preparePostFile('title:: Public page\ntags:: [[logseq]], #notes\ndate:: 2023-05-02\n- First block\n\t- nested\n', context());
		expect([page.data.title, page.data.tags, page.hidden]).toEqual(['Public page', ['logseq', 'notes'], false]);
		expect(page.body.trim()).toBe('- First block\n\t- nested');
		const hidden = await preparePostFile('title:: Private\ndate:: 2023-05-02\npublic:: false\n\n- Block\n', context());
		expect(hidden.hidden).toBe(true);
	});

	test("leave out its blocks' properties and its table of contents, each line on its line, and warn about macros and block references with their line", async () => {
		warnings.length = 0;
		const uuid = '62479ef9-0cff-4d23-9ef2-89a801244bce';
		const source = ['title:: Matrix', 'date:: 2022-04-02', '', '- {{renderer :tocgen}}', '- Operations', '\t- **Addition**', '\t  collapsed:: true', '\t\t- entry by entry', '\t- Product', `\t  id:: ${uuid}`, `\t\t- as ((${uuid})) and {{query (todo now)}}`, ''].join('\n');
		const page = await preparePostFile(source, context());
		expect(page.body.split('\n')).toEqual(['  <!-- -->', '- Operations', '\t- **Addition**', '\t  <!-- -->', '\t\t- entry by entry', '\t- Product', '\t  <!-- -->', `\t\t- as ((${uuid})) and {{query (todo now)}}`, '']);
		expect(warnings).toEqual([
			`src/content/posts/trip/index.md:11: ((${uuid})), and 1 more Logseq macro or block reference (on line 11), are shown as written: Logseq fills them in from the rest of the graph, which Carnet does not read. Write the text or the link each stands for instead.`,
		]);
	});

	test('keep one list around a table of contents between two blocks, and warn about no macro in code', async () => {
		warnings.length = 0;
		const page = await preparePostFile(['title:: TOC', 'date:: 2024-02-01', '', '- Alpha', '- {{renderer :tocgen}}', '- Beta with `{{ .Title }}` in code'].join('\n'), context());
		expect(page.body.split('\n')).toEqual(['- Alpha', '  <!-- -->', '- Beta with `{{ .Title }}` in code']);
		expect(warnings).toEqual([]);
	});

	test('are the only pages whose key:: value lines under a list item are left out', async () => {
		const page = await preparePostFile('---\ntitle: C++\ndate: 2024-01-01\n---\n- Moves\n  std:: move is a cast\n', context());
		expect(page.body).toBe('- Moves\n  std:: move is a cast\n');
	});
});

describe("Bridgetown's _defaults.yml", () => {
	test('holds back the posts of a folder whose defaults say published: false, and gives them its author', async () => {
		const posts = path.join(root, 'bridgetown-posts');
		rmSync(posts, { recursive: true, force: true });
		mkdirSync(path.join(posts, 'drafts'), { recursive: true });
		writeFileSync(path.join(posts, '_defaults.yml'), 'layout: post\nauthor: jared\ncategory: news\n');
		// Written as a YAML document, with its start marker.
		writeFileSync(path.join(posts, 'drafts/_defaults.yml'), '---\npublished: false\n');
		const cascades = readHugoCascades(posts, root);
		const at = (file: string) => context({ displayPath: `bridgetown-posts/${file}`, entryFile: path.join(posts, file), cascades });
		const draft = await preparePostFile(post(''), at('drafts/2026-10-05-merch.md'));
		expect([draft.hidden, draft.data.author]).toEqual([true, 'jared']);
		const published = await preparePostFile(post(''), at('2026-10-01-news.md'));
		expect([published.hidden, published.data.author, published.data.category]).toEqual([false, 'jared', 'news']);
	});
});

describe('a title taken from the heading that opens the body', () => {
	test('leaves out the attribute list that ends it, and keeps braces that are text', async () => {
		const noTitle = (heading: string) => `---\ndate: 2024-01-01\n---\n${heading}\n\nBody.\n`;
		expect((await preparePostFile(noTitle('# Introduction {#intro .lead}'), context())).data.title).toBe('Introduction');
		expect((await preparePostFile(noTitle('# Sets {a, b}'), context())).data.title).toBe('Sets {a, b}');
	});

	test('is text: its character references are read, and its highlights, subscripts, superscripts and paired HTML tags give their words', async () => {
		const noTitle = (heading: string) => `---\ndate: 2024-01-01\n---\n${heading}\n\nBody.\n`;
		const title = async (heading: string) => (await preparePostFile(noTitle(heading), context())).data.title;
		expect(await title('# Caf&eacute; &amp; ==Bar== *notes*')).toBe('Café & Bar notes');
		expect(await title('# &#30446;&#24405;')).toBe('目录');
		expect(await title('# H~2~O and E = mc^2^, ~~old~~ <mark>new</mark> <span class="x">words</span>')).toBe('H2O and E = mc2, old new words');
		// What is not markup around words is the title's own text.
		expect(await title('# Vec<T> in AT&T ~ 5^th')).toBe('Vec<T> in AT&T ~ 5^th');
	});
});

describe('Nuxt Content blocks, JSX attributes and React components in a Markdown post', () => {
	test('are callouts, HTML attributes and components, and what is not read is warned about once with its line in the file', async () => {
		warnings.length = 0;
		const body = ['', '::warning', 'Upgrade.', '::', '', '::hero{title="x"}', 'Hero.', '::', '', '<div className="a" style={{ paddingBottom: "56%" }} onClick={go}>x</div>', '', '<RSC>', '', 'Inside.', '', '</RSC>', ''].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body.split('\n').slice(1, 11)).toEqual(['> [!WARNING]', '> Upgrade.', '>', '', '`::hero{title="x"}`', 'Hero.', '::', '', '<div class="a" style="padding-bottom: 56%">x</div>', '']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:11: ::hero{title="x"} is shown as written: it is a Nuxt Content component that Carnet does not have. Replace it with Markdown or HTML.',
			'src/content/posts/trip/index.md:17: <RSC> is not rendered: it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render. What it holds is shown as the rest of the post, without the box or the look the component gives it. Replace it with Markdown or HTML (a callout, > [!NOTE], for a box).',
			'src/content/posts/trip/index.md:15: <div onClick={go}> is left out: a Markdown post is HTML, which runs no JavaScript. Remove it, or rename the post .mdx to keep it.',
		]);
	});
});

describe("a Docusaurus post's imports further on in its body", () => {
	test('are left out, each warned about with its line in the file, and prose that starts with import is kept', async () => {
		warnings.length = 0;
		const body = ['Intro paragraph.', '', "import Tabs from '@theme/Tabs';", "import TabItem from '@theme/TabItem';", '', 'More text.', '', 'import the data first.', ''].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body).not.toContain('@theme');
		expect(prepared.body).toContain('More text.');
		expect(prepared.body).toContain('import the data first.');
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:8: import Tabs from '@theme/Tabs'; is left out: it is an MDX import (Gatsby and Docusaurus read .md posts as MDX), which a Markdown post does not run, and would show as text.",
			"src/content/posts/trip/index.md:9: import TabItem from '@theme/TabItem'; is left out: it is an MDX import (Gatsby and Docusaurus read .md posts as MDX), which a Markdown post does not run, and would show as text.",
		]);
	});
});

describe('a line quoted thousands of levels deep', () => {
	test('goes through the passes that look for headings and indented code, which once backtracked without end on it', async () => {
		const deep = `${'> '.repeat(5000)}text {a} {{< unknown >}}`;
		const prepared = await preparePostFile(post('', `${deep}\n\n> ## Sets {a, b}\n`), context());
		expect(prepared.body.split('\n')[2]).toBe('> ## Sets \\{a, b\\}');
	});
});

describe('a post with hundreds of tags', () => {
	test('is warned about, as each tag page and feed lists them all, and a post with a few is not', async () => {
		warnings.length = 0;
		await preparePostFile(post(`tags: [${Array.from({ length: 101 }, (_, index) => `t${index}`).join(', ')}]`), context());
		await preparePostFile(post('tags: [a, b, c]'), context());
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/^src\/content\/posts\/trip\/index\.md:4: the post has 101 tags and categories: each gets a page and a feed/);
	});
});

describe('kramdown\'s markdown="1" elements', () => {
	test('have their content read as Markdown, each line on its line, the text right after their closing tag a paragraph of its own, and one with no blank line above is warned about', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', '\n<div class="notice" markdown="1">\n#### Heads up\n**Bold**\n</div>\nText.\n<p markdown="1">\n*kept*\n</p>\n'), context());
		expect(prepared.body.split('\n').slice(0, 9)).toEqual(['<div class="notice">', '', '#### Heads up', '**Bold**', '<!----></div>', 'Text.', '<p markdown="1">', '*kept*', '</p>']);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:12: the Markdown inside this <p markdown="1"> is shown as written: Markdown is read inside HTML only after a blank line. Leave a blank line before the tag.',
		]);
	});

	test('of a paragraph\'s text (<span markdown="1">) open its first line, so that their content is a paragraph\'s text with no <p> inside them, and their closing tag stays as written', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', '\n<span class="note" markdown="1">\nspan *text*\n</span>\nAfter span.\n'), context());
		expect(prepared.body.split('\n').slice(0, 5)).toEqual(['', '', '<span class="note">span *text*', '</span>', 'After span.']);
		expect(warnings).toEqual([]);
	});

	test("of Python-Markdown's md_in_html, whose attribute has no value (Material for MkDocs), lose it as well, and a markdown-like attribute stays", async () => {
		const prepared = await preparePostFile(post('', '\n<div class="grid cards" markdown>\n- item\n</div>\n\n<div markdownish="x">\n'), context());
		expect(prepared.body.split('\n').slice(0, 7)).toEqual(['<div class="grid cards">', '', '- item', '</div>', '', '<div markdownish="x">', '']);
	});
});

describe('diagrams', () => {
	test('fenced in a diagram language, or in Hugo\'s mermaid shortcode, are warned about once per post with their lines, and code about diagrams is not', async () => {
		warnings.length = 0;
		const body = '```mermaid\ngraph TD; A-->B\n```\n\n````md\n```plantuml\n````\n\n~~~ {.dot}\ndigraph { a -> b }\n~~~\n\n{{< mermaid >}}\ngraph LR; C-->D\n{{< /mermaid >}}\n';
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body).toContain('graph TD; A-->B');
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/^src\/content\/posts\/trip\/index\.md:6: the mermaid diagram and 2 more \(line 14, line 18\) are shown as source code: Carnet draws no diagrams/);
		warnings.length = 0;
		await preparePostFile(post('', '```js\nconst mermaid = 1;\n```\n\nA post about mermaid and dot files, and `{{< mermaid >}}`.\n'), context());
		expect(warnings).toEqual([]);
	});

	test("jekyll-spaceship's @startuml … @enduml and @startmermaid … @endmermaid blocks are fenced code of their language, their arrows and quotes as written, warned about with their lines as fenced diagrams are; one without its end stays text", async () => {
		warnings.length = 0;
		const body = ['### PlantUML', '', '@startuml', '(*) --> "Initialization"', '-right-> (_)', '-->[Ending process] (_)', '@enduml', '', '@startmermaid', 'sequenceDiagram', 'Bob-->>John: How about you John?', '@endmermaid', '', '@startuml', 'Left open.', ''].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body.split('\n')).toEqual(['### PlantUML', '', '```plantuml', '(*) --> "Initialization"', '-right-> (_)', '-->[Ending process] (_)', '```', '', '```mermaid', 'sequenceDiagram', 'Bob-->>John: How about you John?', '```', '', '@startuml', 'Left open.', '']);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:8: the plantuml diagram and 1 more (line 14) are shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).",
		]);
	});

	test("a stray {% endhighlight %} after a highlight block whose fence holds the first is the block's end, the prose after it kept prose, with a warning naming the file, the stray tag's line and how to write the inner one", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = ['{% highlight md %}', '```liquid', '{% endhighlight %}', '```', '{% endhighlight %}', '', 'Later prose.', '', '## A heading'].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual(['````md', '```liquid', '{% endhighlight %}', '```', '````', '', 'Later prose.', '', '## A heading']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:10: {% endhighlight %} is shown as the end of the block opened above: the {% endhighlight %} inside the block's fence closed the block first, as Jekyll, Hugo and Hexo read it, which stop the build at this one; Carnet reads that one as the block's code, as its fence says. Write it as {% raw %}{% endhighlight %}{% endraw %}.",
			]
		`);
	});

	test('a fence that nothing closes, with prose after it, is named with its line and how to close it, once, and a post whose fences close has no such warning', async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		await preparePostFile(post('', ['Intro.', '', '~~~~sh', 'npm install', '', 'Then read on.', '', '## Next'].join('\n')), context({ shortcodes }));
		await preparePostFile(post('', ['{% highlight md %}', '```js', '{% endhighlight %}', '```', '', 'After.'].join('\n')), context({ shortcodes }));
		await preparePostFile(post('', ['```sh', 'npm install', '```', '', 'Then read on.'].join('\n')), context({ shortcodes }));
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:8: ~~~~sh opens a code block here and nothing closes it, so everything after it, to the end of the post, is shown as code. Close it with ~~~~ on a line of its own where the code should end.",
			  "src/content/posts/trip/index.md:9: \`\`\` is shown as a fence that nothing closes, and the rest of the post as code: it was written to close the fence inside the block above, which that block's {% endhighlight %} ended first. If that {% endhighlight %} is the block's code, write it as {% raw %}{% endhighlight %}{% endraw %} and close the block after this fence; else remove this fence.",
			]
		`);
	});

	test('a fence of thousands of tildes that nothing closes is named by its length, not written out in the warning', async () => {
		warnings.length = 0;
		await preparePostFile(post('', ['Intro.', '', '~'.repeat(200_000), 'code', '', 'Prose.'].join('\n')), context());
		expect(warnings).toEqual([
			`src/content/posts/trip/index.md:8: ${'~'.repeat(40)}… (200000 characters) opens a code block here and nothing closes it, so everything after it, to the end of the post, is shown as code. Close it with 200000 ~ or more on a line of its own where the code should end.`,
		]);
	});

	test('a fence line inside $$ display math is the formula, with no warning of a fence that nothing closes; a fence after the formula that nothing closes is still named', async () => {
		warnings.length = 0;
		await preparePostFile(post('', ['$$', '```', '$$', '', 'Prose.'].join('\n')), context());
		expect(warnings).toEqual([]);
		await preparePostFile(post('', ['$$', '```', '$$', '', '```sh', 'npm install', '', 'Prose.'].join('\n')), context());
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:10: \`\`\`sh opens a code block here and nothing closes it, so everything after it, to the end of the post, is shown as code. Close it with \`\`\` on a line of its own where the code should end.",
			]
		`);
	});

	test('a $$ formula with text right after its closing $$ that cannot be closed there is named with the line of its opening $$, and how to write it; one shown displayed on a line of its own is not', async () => {
		warnings.length = 0;
		await preparePostFile(post('', ['Before.', '$$ a = b', '+ c $$', 'After.', '', 'Text.', '', '$$ a \\', 'b $$', 'more', '', '## Next'].join('\n')), context());
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/trip/index.md:13: the $$ formula opened here has text right after its closing $$, and its lines cannot be joined to close it there (a line of it ends with \\, whose line break is TeX's), so it runs to the end of the post (or of its quote), which is lost from the page and feeds. Put each $$ on a line of its own, with a blank line after the closing one.",
			]
		`);
	});

	test("@startuml … @enduml shown in a <pre>, an HTML comment and Liquid's and Hugo's highlight tags stays as written in its code, and a sentence that opens with @startuml stays, with no warning of a diagram", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = [
			'@startuml opens a diagram and @enduml closes it. For example:',
			'',
			'<pre>',
			'@startuml',
			'A -> B',
			'@enduml',
			'</pre>',
			'',
			'{% highlight text %}',
			'@startuml',
			'Bob -> Alice',
			'@enduml',
			'{% endhighlight %}',
			'',
			'{{< highlight text >}}',
			'@startuml',
			'C -> D',
			'@enduml',
			'{{< /highlight >}}',
			'',
			'<!--',
			'@startuml',
			'E -> F',
			'@enduml',
			'-->',
			'',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual([
			'@startuml opens a diagram and @enduml closes it. For example:',
			'',
			'<pre>',
			'@startuml',
			'A -> B',
			'@enduml',
			'</pre>',
			'',
			'```text',
			'@startuml',
			'Bob -> Alice',
			'@enduml',
			'```',
			'',
			'```text',
			'@startuml',
			'C -> D',
			'@enduml',
			'```',
			'',
			'<!--',
			'@startuml',
			'E -> F',
			'@enduml',
			'-->',
			'',
		]);
		expect(warnings).toEqual([]);
	});

	test("Zola themes' mermaid shortcode, bare or around a mermaid fence, is fenced mermaid code without the blank lines around it, warned about at the shortcode's line, its tags nowhere on the page", async () => {
		warnings.length = 0;
		const shortcodes = { postUrl: () => undefined, labels: { youtube: 'YouTube', vimeo: 'Vimeo', gist: 'Gist' }, locale: 'en' };
		const body = ['{% mermaid() %}', '', 'graph TD;', 'A-->B;', '', '{% end %}', '', 'Second:', '', '{% mermaid() %}', '', '```mermaid', 'sequenceDiagram', '    Bob-->>John: Jolly good!', '```', '', '{% end %}', ''].join('\n');
		const prepared = await preparePostFile(post('', body), context({ shortcodes }));
		expect(prepared.body.split('\n')).toEqual(['', '```mermaid', 'graph TD;', 'A-->B;', '```', '', '', 'Second:', '', '', '', '```mermaid', 'sequenceDiagram', '    Bob-->>John: Jolly good!', '```', '', '', '']);
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:6: the mermaid diagram and 1 more (line 15) are shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).",
		]);
	});
});

describe('raw <img> tags that show a file beside the post', () => {
	test('become Markdown images when alone on their line with only src, alt, title and a size (left out, with a warning), and otherwise show the file, published beside the page', async () => {
		warnings.length = 0;
		writeFileSync(path.join(postDir, 'possum.png'), await sharp({ create: { width: 4, height: 3, channels: 3, background: '#999' } }).png().toBuffer());
		const body = '<img src="./possum.png" alt="A [possum] &amp; kids" title="Hi">\n\n<img src="./possum.png" class="wide">\n\n<img src="/images/x.png" alt="public">\n\n`<img src="./in-code.png">`\n\n<img src="elsewhere.png">\n\n<img src="./possum.png" width="672" />\n';
		const prepared = await preparePostFile(post('', body), context());
		// With another attribute, the <img> stays, and shows the file itself, published beside the post's page (bodyFiles, below).
		expect(prepared.body.split('\n').slice(0, 5)).toEqual(['![A \\[possum\\] & kids](<./possum.png> "Hi")', '', '<img src="./possum.png" class="wide">', '', '<img src="/images/x.png" alt="public">']);
		// knitr's plots (blogdown) have a width: the image is shown, its width left out.
		expect(prepared.body.split('\n')[10]).toBe('![](<./possum.png>)');
		// A file that is not beside the post may be in public/ under the page's address: left alone, and looked up in the post's key.
		expect(prepared.body).toContain('<img src="elsewhere.png">');
		expect(prepared.filesLookedUp).toEqual({ '<img> ./possum.png': './possum.png', '<img> elsewhere.png': false, 'link ./possum.png': './possum.png', 'link elsewhere.png': false });
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:16: the <img> of "./possum.png" is shown as the Markdown image ![](./possum.png), so that the build publishes the file beside the post; its width, which a Markdown image cannot carry, is left out, and the image fits the column. Resize the file itself to change its size.',
			// Neither beside the post nor in public/ under the page's address: a broken image, told.
			expect.stringMatching(/^src\/content\/posts\/trip\/index\.md:14: the file "elsewhere\.png" shows nothing: no file is beside the post at that path/),
		]);

	});
});

describe('lazy-loaded images, whose address a script would put in place of a placeholder', () => {
	test("show their own image (data-src, data-original, data-lazy-src, data-srcset), loaded lazily by the browser, the placeholder dropped; code is left alone", async () => {
		warnings.length = 0;
		const body = [
			'<img src="/spinner.gif" data-src="/images/cover.jpg" style="width:200px;">',
			'',
			'<div class="cols">',
			"  <img class=lazy data-original='https://example.org/a.jpg' alt=\"A\" />",
			'</div>',
			'',
			'<img src="data:image/gif;base64,R0lGOD" data-lazy-src="/images/gone.png" data-lazy-srcset="/images/gone.png 1x, /images/gone@2x.png 2x" srcset="x" loading="eager">',
			'',
			'`<img src="/s.gif" data-src="/in-span.png">` and <img src="/kept.gif" data-src="">',
			'',
			'```html',
			'<img src="/s.gif" data-src="/in-fence.png">',
			'```',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body.split('\n')).toEqual([
			'<img src="/images/cover.jpg" style="width:200px;" loading="lazy">',
			'',
			'<div class="cols">',
			"  <img src='https://example.org/a.jpg' class=lazy alt=\"A\" loading=\"lazy\" />",
			'</div>',
			'',
			'<img src="/images/gone.png" srcset="/images/gone.png 1x, /images/gone@2x.png 2x" loading="eager">',
			'',
			'`<img src="/s.gif" data-src="/in-span.png">` and <img src="/kept.gif" data-src="">',
			'',
			'```html',
			'<img src="/s.gif" data-src="/in-fence.png">',
			'```',
		]);
		expect(warnings).toEqual([]);
		// The real image is the one measured, and the one told when public/ lacks it; the placeholder is neither.
		const sizes = await publicImageSizes(prepared.body, path.join(root, 'public'), '/');
		expect([...sizes]).toEqual([['/images/cover.jpg', { width: 320, height: 180 }]]);
		expect(brokenPublicImages({ ...prepared, source: { bodyLine: 5 } }, path.join(root, 'public'), '/', sizes)).toEqual([
			{ line: 11, address: '/images/gone.png', publicPath: '/images/gone.png' },
			{ line: 13, address: '/kept.gif', publicPath: '/kept.gif' },
		]);
	});

	test('keep a lazy address that runs script where it is, with a warning naming its line, as a Markdown image of one is not shown', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', 'Text.\n\n<img src="/spinner.gif" data-src="javascript:alert(1)">\n\n<img data-original="jav&#x61;script:alert(2)" alt="B">\n\n<img data-src="data:image/gif;base64,R0lGOD">\n'), context());
		expect(prepared.body).toBe('Text.\n\n<img src="/spinner.gif" data-src="javascript:alert(1)">\n\n<img data-original="jav&#x61;script:alert(2)" alt="B">\n\n<img src="data:image/gif;base64,R0lGOD" loading="lazy">\n');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: the image of "javascript:alert(1)" keeps its data-src as written, not made its source: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
			'src/content/posts/trip/index.md:10: the image of "jav&#x61;script:alert(2)" keeps its data-original as written, not made its source: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
		]);
	});

	test('are read in linear time, a line of 100 KB in good time', () => {
		for (const body of [`<img ${'a '.repeat(50_000)}> data-src=`, `<img${' '.repeat(100_000)}data-src="/a.png">`, '<img data-src=/a.png '.repeat(5_000)]) {
			const started = performance.now();
			lazyImageSources(body);
			expect(performance.now() - started, body.slice(0, 30)).toBeLessThan(1000);
		}
	});
});

describe("Hexo Shoka's and markdown-it's syntax (astro-koharu's shoka-features.md)", () => {
	test('++inserted++, !!spoiler!!, {漢字^かんじ} ruby, +++ collapses and ;;; tabs are their HTML, a callout or bold titles, each line on its line; code is left alone', async () => {
		warnings.length = 0;
		const body = [
			'++这是下划线文字++ and C++ or i++ + ++j',
			'',
			'这里有一段!!隐藏文字，鼠标点击显示!! but Wow!! Great!!',
			'',
			'+++primary 点击展开详细内容',
			'这里是折叠的内容。',
			'',
			'- 列表项 1',
			'- 列表项 2',
			'+++',
			'',
			';;;tab1 Python',
			'```python',
			"print('++Hello++')",
			'```',
			';;;',
			'',
			'{漢字^かんじ}{仮名^かな}的注音示例, `{漢字^かんじ}` and $x^{a^b}$ and {a^2}.',
		].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body.split('\n')).toEqual([
			'<ins>这是下划线文字</ins> and C++ or i++ + ++j',
			'',
			'这里有一段<span class="carnet-spoiler" tabindex="0">隐藏文字，鼠标点击显示</span> but Wow!! Great!!',
			'',
			'> [!NOTE]- 点击展开详细内容',
			'> 这里是折叠的内容。',
			'>',
			'> - 列表项 1',
			'> - 列表项 2',
			'>',
			'',
			'**Python**',
			'```python',
			"print('++Hello++')",
			'```',
			'',
			'',
			'<ruby>漢字<rt>かんじ</rt></ruby><ruby>仮名<rt>かな</rt></ruby>的注音示例, `{漢字^かんじ}` and $x^{a^b}$ and {a^2}.',
		]);
		expect(warnings).toEqual([]);
	});

	// Repro: C++ notes and Chinese and Japanese prose, which Hugo, Jekyll and Hexo's default renderer show as written.
	const prose = [
		'The only difference between ++i and i++ will be when using the value of the operation in the same time.',
		'',
		'| 前置 | ++i | 后置 | i++ |',
		'|---|---|---|---|',
		'| a | b | c | d |',
		'',
		'### 16.7 前置++和后置++怎么区分',
		'',
		'太好了!!我们终于上线了!!',
		'',
		'すごい!!本当にありがとう!!',
		'',
		'The set {x^2 : x ∈ ℕ} is infinite.',
		'',
		'**前置++**：如++a，先++，再返回',
		'**后置++**：如a++，先返回，后++',
	];

	test('are left as written in a post that holds no Shoka block, as Hugo, Jekyll and Hexo show them', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', prose.join('\n')), context());
		expect(prepared.body.split('\n')).toEqual(prose);
		expect(warnings).toEqual([]);
	});

	test("in a post with a Shoka block, are read within a table cell and an emphasis, and a ruby only over Chinese or Japanese text read in letters", async () => {
		warnings.length = 0;
		const body = [';;;id Tab', 'Text.', ';;;', '', ...prose, '', '| ++a++ | !!b!! |', '', '**++强调++** and {漢字^かんじ} and {拼音^pīn yīn}'].join('\n');
		const prepared = await preparePostFile(post('', body), context());
		expect(prepared.body.split('\n').slice(4)).toEqual([
			'The only difference between <ins>i and i</ins> will be when using the value of the operation in the same time.',
			'',
			'| 前置 | ++i | 后置 | i++ |',
			'|---|---|---|---|',
			'| a | b | c | d |',
			'',
			'### 16.7 前置<ins>和后置</ins>怎么区分',
			'',
			'太好了<span class="carnet-spoiler" tabindex="0">我们终于上线了</span>',
			'',
			'すごい<span class="carnet-spoiler" tabindex="0">本当にありがとう</span>',
			'',
			'The set {x^2 : x ∈ ℕ} is infinite.',
			'',
			'**前置++**：如<ins>a，先</ins>，再返回',
			'**后置++**：如a++，先返回，后++',
			'',
			'| <ins>a</ins> | <span class="carnet-spoiler" tabindex="0">b</span> |',
			'',
			'**<ins>强调</ins>** and <ruby>漢字<rt>かんじ</rt></ruby> and <ruby>拼音<rt>pīn yīn</rt></ruby>',
		]);
	});

	test('leave indented code as written: an Emacs Lisp file header (;;; init.el --- my config) and a diff (+++ Title here)', async () => {
		warnings.length = 0;
		const lisp = ['My init file:', '', '    ;;; init.el --- my config', '    (setq foo 1)', '    ;;;', '    (setq bar 2)', '', 'Done.'].join('\n');
		expect((await preparePostFile(post('', lisp), context())).body).toBe(lisp);
		const diff = ['A diff:', '', '    +++ Title here', '    some line', '    +++', '', 'End.'].join('\n');
		expect((await preparePostFile(post('', diff), context())).body).toBe(diff);
		// In a list item, as in a quote, four columns past the item's text is code too.
		const listed = ['- Tabs:', '', '        ;;;id Python', '        x', '        ;;;'].join('\n');
		expect((await preparePostFile(post('', listed), context())).body).toBe(listed);
		expect(warnings).toEqual([]);
	});

	test('are read in linear time, a line of 100 KB in good time', () => {
		const passes: [(body: string) => string, string][] = [
			...[`++${'a'.repeat(100_000)}`, `!!${'a '.repeat(50_000)}`, `{${'a'.repeat(100_000)}^`, '++a '.repeat(25_000), `{${'{'.repeat(100_000)}^`].map((line): [(body: string) => string, string] => [insertionsSpoilersAndRuby, line]),
			[shokaCollapsesAsCallouts, `+++ a${' '.repeat(100_000)}b\n${'+++ x\n'.repeat(10_000)}`],
			[shokaTabsAsSections, `;;;a b${' '.repeat(100_000)}c\n${';;;a x\n'.repeat(10_000)}`],
			[(body) => String(isShokaPost(body)), `+++ a${' '.repeat(100_000)}b\n${';;;a x\n'.repeat(10_000)}`],
		];
		for (const [pass, body] of passes) {
			const started = performance.now();
			pass(body);
			expect(performance.now() - started, body.slice(0, 30)).toBeLessThan(1000);
		}
	});
});

describe('a Liquid code block whose end tag has words after its name', () => {
	test('ends where its end tag is, the text after it read as the same post without the words reads it', async () => {
		warnings.length = 0;
		const body = (tag: string, name: string) =>
			[`{% ${name} shell-session %}`, '$ ls', tag, '', 'This is ==important==, x^2^ squared, and the energy is \\(E = mc^2\\).'].join('\n');
		for (const name of ['highlight', 'codeblock', 'code']) {
			const plain = await preparePostFile(post('', body(`{% end${name} %}`, name)), context());
			const words = await preparePostFile(post('', body(`{% end${name} shell-session -%}`, name)), context());
			// The end tag itself is the shortcodes pass's, later, which reads both alike.
			expect(words.body.replace(`{% end${name} shell-session -%}`, `{% end${name} %}`), name).toBe(plain.body);
			expect(words.body.split('\n').at(-1), name).toContain('<mark>important</mark>, x<sup>2</sup> squared');
		}
		expect(warnings).toEqual([]);
	});
});

describe("AstroPaper's table of contents placeholder", () => {
	test('is left out when its section is empty, with a warning naming its line, and kept when the author wrote under it', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', 'Intro.\n\n## Table of contents\n\n## What is it\n\nText.\n\n## Contents\n\nMy own list.\n\n```md\n## TOC\n```\n'), context());
		expect(prepared.body.split('\n').slice(0, 5)).toEqual(['Intro.', '', '', '', '## What is it']);
		expect(prepared.body).toContain('## Contents\n\nMy own list.');
		expect(prepared.body).toContain('```md\n## TOC\n```');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:8: the empty "Table of contents" heading is left out: remark-toc would fill it with a list, and Carnet shows a table of contents by itself from three sections on (see the post\'s toc field).',
		]);
	});
});

describe('[TOC] markers', () => {
	test("Typora's [TOC] and GitLab's [[_TOC_]] alone on their lines are left out with a warning; one that links to a definition stays", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('', '[TOC]\n\nIntro.\n\n[[_TOC_]]\n\n```\n[TOC]\n```\n'), context());
		expect(prepared.body).toBe('\n\nIntro.\n\n\n\n```\n[TOC]\n```\n');
		expect(warnings).toEqual([
			"src/content/posts/trip/index.md:6: [TOC] is left out: Carnet shows a table of contents by itself from three sections on (see the post's toc field).",
			"src/content/posts/trip/index.md:10: [[_TOC_]] is left out: Carnet shows a table of contents by itself from three sections on (see the post's toc field).",
		]);
		const linked = '[TOC]\n\n[toc]: https://example.com/toc\n';
		expect((await preparePostFile(post('', linked), context())).body).toBe(linked);
	});
});

describe("Hugo's translated page bundles", () => {
	test("give a bundle's page in another language its own slug and that language, and one in the site's the folder's slug", async () => {
		const at = (file: string) => context({ displayPath: `src/content/posts/security/${file}`, entryFile: path.join(root, 'src/content/posts/security', file) });
		const catalan = await preparePostFile(post(''), at('index.ca.md'));
		expect({ id: catalan.id, lang: catalan.data.lang }).toEqual({ id: 'security-ca', lang: 'ca' });
		const english = await preparePostFile(post(''), at('index.en.md'));
		expect({ id: english.id, lang: english.data.lang }).toEqual({ id: 'security', lang: undefined });
		expect((await preparePostFile(post('lang: es'), at('index.ca.md'))).data.lang).toBe('es');
	});

	test("give a bundle's page in the site's language beside the page without one (index.en.md beside index.md) the folder and the language, and the page without one the folder's slug", async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'carnet-bundle-'));
		mkdirSync(path.join(folder, 'trip'));
		for (const file of ['index.md', 'index.en.md', 'photo.jpg']) writeFileSync(path.join(folder, 'trip', file), '');
		const at = (file: string) => context({ displayPath: `src/content/posts/trip/${file}`, entryFile: path.join(folder, 'trip', file) });
		const english = await preparePostFile(post(''), at('index.en.md'));
		const bare = await preparePostFile(post(''), at('index.md'));
		expect([english.id, bare.id]).toEqual(['trip-en', 'trip']);
		expect([english.data.lang, bare.data.lang]).toEqual([undefined, undefined]);
	});
});

describe("Jekyll's and themes' fields", () => {
	test("read themes' math: true switches, and math and mermaid true or false, without a word, as Carnet renders math anyway and shows a diagram as its source, and keep mathjax: false to be warned about", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('math: true\nkatex: true\nmathjax: false'), context());
		expect(prepared.data).not.toHaveProperty('math');
		expect(prepared.data).not.toHaveProperty('katex');
		expect(prepared.data.mathjax).toBe(false);
		const schema = postSchema()({ image: (() => z.string()) as unknown as ImageFunction });
		for (const switches of ['math: false\nmermaid: true', 'mermaid: false']) {
			const off = await preparePostFile(post(switches), context());
			expect(Object.keys(off.data).sort(), switches).toEqual(['date', 'title']);
			warnUnknownKeys(schema.parse(off.data), off.source, context());
		}
		// Another value is no switch: kept, and warned about.
		const other = await preparePostFile(post('mermaid: "flowchart"'), context());
		warnUnknownKeys(schema.parse(other.data), other.source, context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: front-matter key "mermaid" is not a Carnet field; it is kept as data.extra.mermaid. To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		]);
	});

	test("keep exitwp's link, the post's address on the WordPress site it came from, without a word, as its wordpress_id", async () => {
		warnings.length = 0;
		const exitwp = await preparePostFile(post('author: abloz\ncomments: true\nlayout: post\nlink: http://abloz.com/index.php/2013/08/20/scala-helloworld/\nslug: scala-helloworld\nwordpress_id: 2199'), context());
		const parsed = postSchema()({ image: (() => z.string()) as unknown as ImageFunction }).parse(exitwp.data);
		expect(parsed.extra).toMatchObject({ link: 'http://abloz.com/index.php/2013/08/20/scala-helloworld/', wordpress_id: 2199 });
		warnUnknownKeys(parsed, exitwp.source, context());
		expect(warnings).toEqual([]);
	});

	test("read jekyll-seo-tag's image { path, width, height } as the featured image, and last_modified_at as the updated date, without a word", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('image:\n  path: ./cover.jpg\n  width: 1200\n  height: 630\nlast_modified_at: 2024-03-01'), context());
		expect(prepared.data.image).toBe('./cover.jpg');
		expect((prepared.data.last_modified_at as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
		expect(warnings).toEqual([]);
	});
});

describe("Hugo's build options, Eleventy's permalink: false, Obsidian's publishing flags and Docusaurus's unlisted", () => {
	test('hold back a headless bundle and a post whose page Hugo or Eleventy does not write, as drafts, without a word', async () => {
		warnings.length = 0;
		for (const options of ['headless: true', 'build:\n  render: never', '_build:\n  render: false\n  list: never', 'permalink: false', 'dg-publish: false', 'publish: false']) {
			const prepared = await preparePostFile(post(options), context());
			expect(prepared.hidden, options).toBe(true);
			expect(prepared.heldBack, options).toBe('draft');
		}
		expect(warnings).toEqual([]);
	});

	test("publish a note Obsidian's Digital Garden or Publish is told to publish, without a word about the flag", async () => {
		warnings.length = 0;
		for (const options of ['dg-publish: true', 'publish: true']) {
			const prepared = await preparePostFile(post(options), context());
			expect(prepared.hidden, options).toBe(false);
			expect(Object.keys(prepared.data), options).not.toContain(options.split(':')[0]);
		}
		expect(warnings).toEqual([]);
	});

	test("read Obsidian's aliases with spaces as names, which make no redirect page, and keep addresses beside them", async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('aliases: [常用 JS 代码, /old/address/, " JS snippets ", "/2010/01/my old post.html"]'), context());
		expect(prepared.data.aliases).toEqual(['/old/address/', '/2010/01/my old post.html']);
		expect((await preparePostFile(post('aliases: Mon voyage'), context())).data).not.toHaveProperty('aliases');
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: aliases: "常用 JS 代码", " JS snippets " are names with spaces, as Obsidian\'s aliases are, not an old address of the post: no redirect page is made from them. Remove them from aliases, or write an old address there to keep it working (aliases: [/posts/old-name/]).',
			'src/content/posts/trip/index.md:4: aliases: "Mon voyage" is a name with spaces, as Obsidian\'s aliases are, not an old address of the post: no redirect page is made from it. Remove it from aliases, or write an old address there to keep it working (aliases: [/posts/old-name/]).',
		]);
	});

	test('hold back a post Hugo or Eleventy would publish unlisted, and say why with its line', async () => {
		warnings.length = 0;
		const prepared = await preparePostFile(post('build:\n  list: never'), context());
		expect(prepared.hidden).toBe(true);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: build: list: never asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
		warnings.length = 0;
		await preparePostFile(post('eleventyExcludeFromCollections: true'), context());
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: eleventyExcludeFromCollections: true asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
		warnings.length = 0;
		// Docusaurus's unlisted post: not on the blog's lists, its feed or its sitemap.
		expect((await preparePostFile(post('unlisted: true'), context())).hidden).toBe(true);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: unlisted: true asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
		expect((await preparePostFile(post('unlisted: false'), context())).hidden).toBe(false);
		warnings.length = 0;
		// Pelican's hidden post is published unlisted, as Hugo's list: never is.
		expect((await preparePostFile(post('status: hidden'), context())).hidden).toBe(true);
		expect(warnings).toEqual([
			'src/content/posts/trip/index.md:4: status: hidden asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. Remove it to publish the post with the others.',
		]);
	});

	test("hold back WordPress's and Ghost's posts that are not public, without a word, and let a scheduled post's date decide", async () => {
		warnings.length = 0;
		for (const status of ['private', 'Pending', 'draft', 'trash']) expect((await preparePostFile(post(`status: ${status}`), context())).hidden, status).toBe(true);
		for (const status of ['publish', 'published', 'future', 'scheduled']) {
			const prepared = await preparePostFile(post(`status: ${status}`), context());
			expect(prepared.hidden, status).toBe(false);
			expect(prepared.data.status, status).toBeUndefined();
		}
		expect(warnings).toEqual([]);
	});

	test('publish a post whose build options say to render and list it', async () => {
		const prepared = await preparePostFile(post('build:\n  render: always\n  list: always'), context());
		expect(prepared.hidden).toBe(false);
	});
});

// Posts built to make a pattern try every way of reading a long run (found by recheck, a ReDoS checker):
// each is prepared in linear time, where each took from seconds to over a minute at 100 KB.
describe('a post of 100 KB built against a pattern', () => {
	const front = '---\ntitle: T\ndate: 2024-01-01\n---\n';
	const spaces = ' '.repeat(100_000);
	const cases: [string, string, string][] = [
		['an MDX import followed by spaces', `${front}import${spaces}x\n\nText.\n`, 'p.mdx'],
		['an MDX import of names parted by spaces, and its component', `${front}import {A,${spaces}} from './a.js'\n\n<A />\n`, 'p.mdx'],
		['a fence followed by spaces', `${front}\`\`\`${spaces}x\ncode\n\`\`\`\n`, 'p.md'],
		['unclosed code tags after a highlight', `${front}==a== ${'<code '.repeat(16_000)}\n`, 'p.md'],
		['unclosed images where Hashnode aligns one', `${front}align="left"\n\n${'![a '.repeat(25_000)}\n`, 'p.md'],
		["a table's delimiter row followed by spaces", `${front}a | b\n--|--${spaces}x\n`, 'p.md'],
		['a contents heading followed by spaces', `${front}## Contents${spaces}x\n\nText.\n`, 'p.md'],
		['a line of spaces, and one of spaces and a letter', `${front}Text.\n\n${spaces}\n\n${spaces}x\n`, 'p.md'],
		["an HTML block's indented closing tag after spaces", `${front}<div>\n\n    <p>x</p>\n    ${spaces}</div>x\n`, 'p.md'],
		['unclosed kramdown lists', `${front}*a*{: .x}\n\n${'f(x){:'.repeat(16_000)}\n`, 'p.md'],
		['unclosed img tags', `${front}Text ${'<img a '.repeat(14_000)}\n`, 'p.md'],
		["unclosed images where Zenn sizes one", `${front}![](a.png =250x)\n\n${'![a](b '.repeat(12_500)}\n`, 'p.md'],
		["a Zenn image's alt text of escapes", `${front}![${'\\a'.repeat(50_000)} =250x\n`, 'p.md'],
		["a Zenn embed's unclosed address", `${front}@[card](${'a('.repeat(50_000)}\n`, 'p.md'],
	];
	test.each(cases)('%s is prepared in good time', async (_, text, name) => {
		const started = performance.now();
		await preparePostFile(text, context({ displayPath: `src/content/posts/${name}`, entryFile: path.join(postDir, name) })).catch(() => undefined);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe("GitHub's emoji shortcodes in an MDX post's title", () => {
	test('stay as written, as they do in its body, which @astrojs/mdx compiles as written', async () => {
		const mdx = context({ displayPath: 'src/content/posts/trip/index.mdx', entryFile: path.join(postDir, 'index.mdx') });
		const file = '---\ntitle: "Shipped it :tada:"\ndate: 2024-01-01\n---\nShipped it :tada:.\n';
		const [asMdx, asMarkdown] = await Promise.all([preparePostFile(file, mdx), preparePostFile(file, context())]);
		expect([asMdx.data.title, asMdx.body.trim(), asMarkdown.data.title]).toEqual(['Shipped it :tada:', 'Shipped it :tada:.', 'Shipped it 🎉']);
	});
});
