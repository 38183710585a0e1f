import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBase } from '../utils/urls.ts';
import type { BodyTransform } from './transforms.ts';

/** The width and height of an image, in pixels. */
export interface ImageSize {
	width: number;
	height: number;
}

/**
 * The sizes of the images in `public/` that a body being rendered names (`![](/images/a.png)`, an `<img>`
 * written in the Markdown, a figure shortcode), by the document's file, then by public path. The posts
 * loader measures them before it renders a body, puts them in the body's cache key, and registers them for
 * the time of the render (integration/public-images.ts). A body rendered any other way, such as MDX,
 * compiled when its page renders, has none registered: its images stay as written, since no key of its page
 * would cover the files their sizes were read from. Keyed by file, so that bodies rendered at the same time
 * (the loader renders several at once) see their own.
 */
const documents = sharedMap();

// The loader and the Markdown plugins (set up with the integration) are loaded by different Vite module
// runners, each with its own copy of this module: the map is the process's, as integration/registry.ts's.
function sharedMap(): Map<string, ReadonlyMap<string, ImageSize>> {
	const key = Symbol.for('astro-theme-carnet.image-sizes');
	const holder = globalThis as typeof globalThis & { [key]?: Map<string, ReadonlyMap<string, ImageSize>> };
	holder[key] ??= new Map();
	return holder[key];
}

/** Registers `sizes` for the document at `file` while `render` runs. */
export async function withImageSizes<T>(file: string, sizes: ReadonlyMap<string, ImageSize>, render: () => Promise<T>): Promise<T> {
	if (sizes.size === 0) return render();
	documents.set(file, sizes);
	try {
		return await render();
	} finally {
		documents.delete(file);
	}
}

/**
 * The file in `public/` that `src` names, as a path from `public/` (`/images/a.png`), or undefined for
 * anything else: a relative or remote address, a `data:` URL, a path with `..` in it. The site's `base`
 * may lead it, as written or percent-encoded (`/blog/images/a.png`, as the theme's base-links transform
 * writes it); query and fragment
 * are dropped, and escapes (`%20`) decoded as a server would.
 */
export function publicPathOf(src: string, base: string): string | undefined {
	if (!src.startsWith('/') || src.startsWith('//')) return undefined;
	let pathname = src.replace(/[?#][\s\S]*$/, '');
	const rest = withoutBase(pathname, base);
	if (rest) pathname = rest;
	try {
		pathname = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
	return pathname;
}

/** The size registered for `src` in the document `document` (a path or file URL), if any. */
function sizeIn(document: string | URL | undefined, src: string, base: string): ImageSize | undefined {
	if (document === undefined || documents.size === 0) return undefined;
	const sizes = documents.get(document instanceof URL || document.startsWith('file:') ? fileURLToPath(document) : path.resolve(document));
	const publicPath = sizes && publicPathOf(src, base);
	return publicPath === undefined ? undefined : sizes?.get(publicPath);
}

// An <img> tag in raw HTML, its attributes matched one by one so that a ">" inside a quoted value does not end it.
const RAW_IMG = /<img\b((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gi;
const RAW_ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Gives an image of a body that names a file in `public/` and has neither `width` nor `height` the
 * file's own, so that the browser keeps its place before it loads (the theme's CSS scales images to the
 * column with `height: auto`). So is a raw `<img>` of a file beside the post, which the build publishes
 * under the post's address (markdown/file-links.ts) and registers by that address. A Markdown image beside
 * the post is Astro's, which sizes it already; an image with either attribute keeps what the author wrote.
 */
export function imageSizeTransform(base: string): BodyTransform {
	return {
		name: 'image-sizes',
		image: (src, document) => sizeIn(document, src, base),
		raw: (html, document) => {
			if (document === undefined || documents.size === 0 || !/<img\b/i.test(html)) return undefined;
			let changed = false;
			const result = html.replace(RAW_IMG, (tag: string, attributes: string, slash: string) => {
				const names = new Map<string, string>();
				for (const [, name, double, single, bare] of attributes.matchAll(RAW_ATTRIBUTE)) names.set((name as string).toLowerCase(), double ?? single ?? bare ?? '');
				const src = names.get('src');
				if (src === undefined || src.includes('&') || names.has('width') || names.has('height')) return tag;
				const size = sizeIn(document, src, base);
				if (!size) return tag;
				changed = true;
				return `<img${attributes} width="${size.width}" height="${size.height}"${slash ? ' /' : ''}>`;
			});
			return changed ? result : undefined;
		},
	};
}
