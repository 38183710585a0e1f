import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveSocialImage } from '../../theme/integration/social-image.ts';
import { makeJpeg } from '../helpers/images.ts';
import { refusal } from '../helpers/refusal.ts';
import { repoRoot } from '../helpers/sites.ts';

const root = path.join(repoRoot, 'tests/.sites/unit-social-image');
const astroConfig = { root: pathToFileURL(`${root}/`), publicDir: pathToFileURL(`${root}/public/`) } as AstroConfig;

const optionError = (option: string) => refusal(() => resolveSocialImage(option, astroConfig));

beforeAll(async () => {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(path.join(root, 'public/images'), { recursive: true });
	writeFileSync(path.join(root, 'public/images/og.jpg'), await makeJpeg(120, 63, 1));
	writeFileSync(path.join(root, 'public/images/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
	writeFileSync(path.join(root, 'public/images/notes.txt'), 'text');
});

describe('the socialImage option', () => {
	test('resolves a path in public/ to its file', () => {
		expect(resolveSocialImage('/images/og.jpg', astroConfig)).toBe(path.join(root, 'public/images/og.jpg'));
	});

	test('refuses an SVG, a file that is not an image and a folder, saying why', () => {
		expect(optionError('/images/logo.svg')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialImage: the file '/images/logo.svg' (public/images/logo.svg) is an SVG image; social previews need a JPEG, PNG, WebP or AVIF.
			Hint: Export the image as JPEG or PNG, 1200×630 pixels or larger."
		`);
		expect(optionError('/images/notes.txt')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialImage: the file '/images/notes.txt' (public/images/notes.txt) is not an image; social previews need a JPEG, PNG, WebP or AVIF.
			Hint: Export the image as JPEG or PNG, 1200×630 pixels or larger."
		`);
		expect(optionError('/images')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialImage: the file '/images' is a folder (public/images).
			Hint: Give the image file, e.g. /images/og.jpg."
		`);
	});

	test('refuses a remote URL, saying the image must be a file of the project', () => {
		expect(optionError('https://example.com/og.jpg')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialImage: 'https://example.com/og.jpg' is a URL; the image must be a file of the project, so that it is optimised and published with the site.
			Hint: Save the image in public/ and write its path, e.g. socialImage: "/images/og.jpg"."
		`);
	});
});
