import { stat } from 'node:fs/promises';
import path from 'node:path';
import { publicPathOf, type ImageSize } from '../markdown/image-sizes.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { checkImageFile } from '../utils/image-files.ts';

// A root-relative address of an image file, wherever a body writes it: a Markdown image or reference
// definition, an <img> attribute, a shortcode's parameter; the second form is one with spaces, between
// quotes or Markdown's angle brackets. Only these get a size (markdown/image-sizes.ts), so every size a
// body shows comes from a file this scan found and the body's key covers.
const IMAGE_ADDRESSES = [
	/(?<![\w/.:%-])\/(?!\/)[^\s"'()<>\\]*?\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#][^\s"'()<>\\]*)?(?=[\s"'()<>\\]|$)/gi,
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
