import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { formatName, sniffFileFormat } from '../utils/image-files.ts';
import { userError } from './errors.ts';

/** The file behind the `socialImage` option: `/x.jpg` is in public/, `./x.jpg` is relative to the project root. */
export function resolveSocialImage(option: string | undefined, astroConfig: AstroConfig): string | undefined {
	if (option === undefined) return undefined;
	// A URL (https://, data:), not a Windows drive letter (C:\).
	if (/^(?:[a-z][a-z\d+.-]*:\/\/|data:)/i.test(option)) {
		throw userError(
			`Invalid options passed to astro-theme-carnet:\n- socialImage: '${option}' is a URL; the image must be a file of the project, so that it is optimised and published with the site.`,
			'Save the image in public/ and write its path, e.g. socialImage: "/images/og.jpg".',
		);
	}
	const root = fileURLToPath(astroConfig.root);
	const file = option.startsWith('/') ? path.join(fileURLToPath(astroConfig.publicDir), option) : path.resolve(root, option);
	const fail = (problem: string, hint: string) =>
		userError(`Invalid options passed to astro-theme-carnet:\n- socialImage: the file '${option}' ${problem}.`, hint);
	if (!existsSync(file)) throw fail(`was not found (looked for ${path.relative(root, file)})`, 'Paths starting with / are read from public/, others from the project root.');
	if (!statSync(file).isFile()) throw fail(`is a folder (${path.relative(root, file) || '.'})`, 'Give the image file, e.g. /images/og.jpg.');
	// Social networks and feed readers show JPEG, PNG and WebP previews, not SVG.
	const format = sniffFileFormat(file);
	if (!format || !RASTER.has(format)) {
		const what = format ? `is ${formatName(format)} image` : 'is not an image';
		throw fail(`(${path.relative(root, file)}) ${what}; social previews need a JPEG, PNG, WebP or AVIF`, 'Export the image as JPEG or PNG, 1200×630 pixels or larger.');
	}
	return file;
}

const RASTER = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff']);
