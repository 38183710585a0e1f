import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fencedLines } from '../markdown/fences.ts';
import { publicPathOf, type ImageSize } from '../markdown/image-sizes.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { checkImageFile } from '../utils/image-files.ts';

// A root-relative address of an image file, wherever a body writes it: a Markdown image or reference
// definition, an <img> attribute, a shortcode's parameter; the second form is one with spaces, between
// quotes or Markdown's angle brackets. Only these get a size (markdown/image-sizes.ts), so every size a
// body shows comes from a file this scan found and the body's key covers.
const IMAGE_ADDRESSES = [
	/(?<![\w/.:%@~}-])\/(?!\/)[^\s"'()<>\\]*?\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#][^\s"'()<>\\]*)?(?=[\s"'()<>\\]|$)/gi,
	/(?<=["'<])\/(?!\/)[^"'<>\n\\]*?\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#][^"'<>\n\\]*)?(?=["'>])/gi,
];

/** Sizes already read, by file, with the file's modification time and length when they were read. */
const measured = new Map<string, { mtimeMs: number; size: number; result: ImageSize | undefined }>();

/**
 * The sizes of the images in `public/` that `body` names by a root-relative address, by public path
 * (`/images/a.png`). Files that are missing, outside `public/`, or not images Astro can read are left
 * out: their `<img>` stays as written.
 */
export async function publicImageSizes(body: string, publicDir: string, base: string): Promise<Map<string, ImageSize>> {
	const sizes = new Map<string, ImageSize>();
	const paths = publicImagePaths(body, base);
	await Promise.all(
		[...paths].map(async (publicPath) => {
			const size = await measure(path.join(publicDir, publicPath));
			if (size) sizes.set(publicPath, size);
		}),
	);
	// In the order of the paths, so that the key does not depend on which file was read first.
	return new Map([...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The public paths (`/images/a.png`) of the images `body` names by a root-relative address, found in public/ or not. */
export function publicImagePaths(body: string, base: string): Set<string> {
	const paths = new Set<string>();
	if (!body.includes('/')) return paths;
	for (const pattern of IMAGE_ADDRESSES) {
		for (const [address] of body.matchAll(pattern)) {
			const publicPath = publicPathOf(address, base);
			if (publicPath !== undefined) paths.add(publicPath);
		}
	}
	return paths;
}

/**
 * The images that `body` (as prepared) names by a root-relative address and that public/ does not have,
 * each at the first line of `contents` (the file, whose body starts on line `bodyLine`) that writes its
 * path outside code and HTML comments: each would show as a broken image on the page and in the feeds.
 * One written in code only is none. `measured` holds the public paths already found as images
 * (publicImageSizes()), so that a post whose images are all there costs nothing more.
 */
export function missingPublicImages(body: string, contents: string, bodyLine: number, publicDir: string, base: string, measured: ReadonlyMap<string, ImageSize>): { line: number; address: string; publicPath: string }[] {
	const wanted = new Map<string, string>();
	for (const pattern of IMAGE_ADDRESSES) {
		for (const [address] of body.includes('/') ? body.matchAll(pattern) : []) {
			const publicPath = publicPathOf(address, base);
			if (publicPath !== undefined && !wanted.has(publicPath) && !measured.has(publicPath) && !existsSync(path.join(publicDir, publicPath))) wanted.set(publicPath, address);
		}
	}
	if (wanted.size === 0) return [];
	const lines = contents.split('\n').slice(bodyLine - 1);
	const code = fencedLines(lines);
	const missing: { line: number; address: string; publicPath: string }[] = [];
	let inComment = false;
	for (const [index, line] of lines.entries()) {
		if (code[index] || wanted.size === 0) continue;
		// Code spans and comments are blanked, each line read apart: a comment goes on until its `-->`.
		let text = line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
		if (inComment) {
			const end = text.indexOf('-->');
			if (end === -1) continue;
			text = ' '.repeat(end + 3) + text.slice(end + 3);
			inComment = false;
		}
		text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => {
			if (!comment.endsWith('-->')) inComment = true;
			return ' '.repeat(comment.length);
		});
		for (const [publicPath, address] of wanted) {
			const file = publicPath.slice(1);
			if (text.includes(file) || text.includes(encodeURI(file))) {
				missing.push({ line: bodyLine + index, address, publicPath });
				wanted.delete(publicPath);
			}
		}
	}
	return missing;
}

/** What a body's cache key adds for the image sizes it shows: nothing for a body that shows none. */
export function imageSizesKey(sizes: ReadonlyMap<string, ImageSize>): string {
	return sizes.size === 0 ? '' : `:images-${digest(stableStringify([...sizes]))}`;
}

async function measure(file: string): Promise<ImageSize | undefined> {
	let stats;
	try {
		stats = await stat(file);
	} catch {
		return undefined;
	}
	if (!stats.isFile()) return undefined;
	const known = measured.get(file);
	if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.result;
	const check = await checkImageFile(file, stats.size);
	const result = check.ok ? { width: check.width, height: check.height } : undefined;
	measured.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, result });
	return result;
}
