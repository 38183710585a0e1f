import { existsSync } from 'node:fs';
import path from 'node:path';
import { fencedLines, parsedInTime, walk, type MarkdownNode } from '../markdown/fences.ts';
import { readAttributes } from '../markdown/html-attributes.ts';
import { fileLineOfBody } from './post-file.ts';
import { publicPathOf, type ImageSize } from '../markdown/image-sizes.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { checkedImageFile, lastImageFileCheck, type ImageFileProblem } from '../utils/image-files.ts';

// A root-relative address of an image file, wherever a body writes it: a Markdown image or reference
// definition, an <img> attribute, a shortcode's parameter; the second form is one with spaces, between
// quotes or Markdown's angle brackets; the last two, any address a Markdown image or an <img> shows,
// whatever its name ends with (`/images/photo`, `/icons/app.ico`), to be looked for too. Only these get a
// size (markdown/image-sizes.ts), so every size a body shows comes from a file this scan found and the
// body's key covers.
const IMAGE_ADDRESSES = [
	/(?<![\w/.:%@~}-])\/(?!\/)[^\s"'()<>\\]*?\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#][^\s"'()<>\\]*)?(?=[\s"'()<>\\]|$)/gi,
	/(?<=["'<])\/(?!\/)[^"'<>\n\\]*?\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#][^"'<>\n\\]*)?(?=["'>])/gi,
	/(?<=!\[[^\]\n]{0,500}\]\([ \t]*)\/(?!\/)[^\s"'()<>\\]+|(?<=!\[[^\]\n]{0,500}\]\([ \t]*<)\/(?!\/)[^<>\n\\]+(?=>)/g,
	/(?<=<img\s[^<>\n]{0,500}?\bsrc[ \t]*=[ \t]*["']?)\/(?!\/)[^\s"'<>\\]+/gi,
];
// Why a file in public/ that a body shows as an image is told of: it shows nothing, or burdens readers. One of a
// format Astro does not optimise (BMP, ICO), or named otherwise than its format, browsers show as it is.
const BROKEN: ReadonlySet<ImageFileProblem> = new Set(['unreadable', 'empty', 'not-image', 'damaged', 'too-large']);
// A file beside the post that an <img> may show and that can be measured.
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;


/**
 * The sizes of the images in `public/` that `body` names by a root-relative address, by public path
 * (`/images/a.png`). Files that are missing, outside `public/`, or not images Astro can read are left
 * out: their `<img>` stays as written. `paths` are the body's publicImagePaths(), for a caller that has them.
 */
export async function publicImageSizes(body: string, publicDir: string, base: string, paths: ReadonlySet<string> = publicImagePaths(body, base)): Promise<Map<string, ImageSize>> {
	const sizes = new Map<string, ImageSize>();
	await Promise.all(
		[...paths].map(async (publicPath) => {
			const size = await measure(path.join(publicDir, publicPath));
			if (size) sizes.set(publicPath, size);
		}),
	);
	// In the order of the paths, so that the key does not depend on which file was read first.
	return new Map([...sizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * `sizes` with the sizes of the images beside the post that its body shows at their published addresses
 * (`files`: the file each names, by address), by public path (`/posts/trip/trip/photo.png`), in order of
 * path. A raw `<img>` of such a file is given its size (markdown/image-sizes.ts), as one of a file in
 * public/ is: Astro sizes only the images a Markdown image shows.
 */
export async function withFileImageSizes(sizes: ReadonlyMap<string, ImageSize>, files: ReadonlyMap<string, string>, base: string): Promise<Map<string, ImageSize>> {
	const all = new Map(sizes);
	await Promise.all(
		[...files].map(async ([address, file]) => {
			const publicPath = publicPathOf(address, base);
			if (publicPath === undefined || !IMAGE_FILE.test(publicPath)) return;
			const size = await measure(file);
			if (size) all.set(publicPath, size);
		}),
	);
	return new Map([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
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
 * The images that the body of `post` (as prepared, MDX excepted) shows from a root-relative address and that
 * public/ does not have, or has as a file that is no image or one too large to show (its `problem`, as
 * publicImageSizes() found it), each once, at the line of the file where the body first shows it: each would
 * be a broken image on the page and in the feeds. Only images are looked for, as the Markdown parser reads them
 * (a Markdown image, a reference's definition an image uses, an `<img>` of raw HTML): not a path in code,
 * a comment, a script, a `<pre>` or a link. `measured` holds the public paths already found as images
 * (publicImageSizes()), so that a post whose images are all there costs no parse; `paths` are the body's
 * publicImagePaths(), for a caller that has them.
 */
export function brokenPublicImages(
	post: { body: string; source: { bodyLine: number }; bodyLines?: number[] | undefined },
	publicDir: string,
	base: string,
	sizes: ReadonlyMap<string, ImageSize>,
	paths: ReadonlySet<string> = publicImagePaths(post.body, base),
): BrokenImage[] {
	const { body } = post;
	const problems = new Map<string, { problem: string; fix: string } | undefined>();
	for (const publicPath of paths) {
		if (sizes.has(publicPath)) continue;
		const file = path.join(publicDir, publicPath);
		if (!existsSync(file)) problems.set(publicPath, undefined);
		else {
			const problem = problemOf(file);
			if (problem) problems.set(publicPath, problem);
		}
	}
	const wanted: ReadonlySet<string> = new Set(problems.keys());
	if (wanted.size === 0) return [];
	const withProblem = (found: BrokenImage[]) =>
		found.map((image) => {
			const problem = problems.get(image.publicPath);
			return problem ? { ...image, problem } : image;
		});
	const root = parsedInTime(body, body.split('\n'));
	if (!root) return withProblem(missingByLines(post, wanted, base));
	const shown: { line: number; address: string }[] = [];
	const definitions = new Map<string, { at: number; line: number; url: string }>();
	const references: { line: number; identifier: string }[] = [];
	walk(root, (node) => {
		const line = node.position?.start.line ?? 1;
		const at = node.position?.start.offset ?? 0;
		const { url, identifier, value } = node as MarkdownNode & { url?: string; identifier?: string; value?: string };
		if (node.type === 'image' && url !== undefined) shown.push({ line, address: url });
		else if (node.type === 'imageReference' && identifier !== undefined) references.push({ line, identifier });
		else if (node.type === 'definition' && identifier !== undefined && url !== undefined) {
			// The first of a label's definitions is the one Markdown reads: walk() visits the last first.
			const known = definitions.get(identifier);
			if (!known || at < known.at) definitions.set(identifier, { at, line, url });
		} else if (node.type === 'html' && value !== undefined && /<img\b/i.test(value)) {
			const html = value.replace(HIDDEN_HTML, (part) => part.replace(/[^\n]/g, ' '));
			for (const img of html.matchAll(IMG_TAG)) {
				const src = readAttributes(img[0].slice(4, -1)).get('src');
				if (src !== undefined) shown.push({ line: line + (html.slice(0, img.index).match(/\n/g)?.length ?? 0), address: src });
			}
		}
		return true;
	});
	for (const { line, identifier } of references) {
		const defined = definitions.get(identifier);
		if (defined) shown.push({ line, address: defined.url });
	}
	const missing = new Map<string, BrokenImage>();
	for (const { line, address } of shown.sort((a, b) => a.line - b.line)) {
		const publicPath = publicPathOf(address, base);
		if (publicPath !== undefined && wanted.has(publicPath) && !missing.has(publicPath)) missing.set(publicPath, { line: fileLineOfBody(post, line), address, publicPath });
	}
	return withProblem([...missing.values()]);
}

/** An image of a body that shows nothing: its line in the file, its address as written, and what public/ has there, if anything. */
export interface BrokenImage {
	line: number;
	address: string;
	publicPath: string;
	/** What is wrong with the file public/ has; none when it has none. */
	problem?: { problem: string; fix: string };
}

/** Why measure() found `file` to be no image a page can show, if it did and the file is the one it read. */
function problemOf(file: string): { problem: string; fix: string } | undefined {
	const check = lastImageFileCheck(file, { asIs: true });
	return check && !check.ok && BROKEN.has(check.reason) ? { problem: check.problem, fix: check.fix } : undefined;
}

/**
 * An MDX body with its comments (a JavaScript comment in braces) blanked, line ends kept, so that an image written inside one
 * (left out of the page by MDX) is not taken for an image the page shows. An unclosed comment is MDX's error.
 */
export function withoutMdxComments(body: string): string {
	let at = body.indexOf('{/*');
	if (at === -1) return body;
	let result = '';
	let from = 0;
	while (at !== -1) {
		const end = body.indexOf('*/}', at + 3);
		if (end === -1) break;
		result += body.slice(from, at) + body.slice(at, end + 3).replace(/[^\n]/g, ' ');
		from = end + 3;
		at = body.indexOf('{/*', from);
	}
	return result + body.slice(from);
}

/**
 * brokenPublicImages() for a body too large or too deeply nested for the parser to read in good time: the
 * images' addresses found line by line, outside fenced code, code spans and comments on one line.
 */
function missingByLines(post: { body: string; source: { bodyLine: number }; bodyLines?: number[] | undefined }, wanted: ReadonlySet<string>, base: string): BrokenImage[] {
	const lines = post.body.split('\n');
	const code = fencedLines(lines);
	const missing = new Map<string, BrokenImage>();
	for (const [index, line] of lines.entries()) {
		if (code[index] || !line.includes('/')) continue;
		const text = line.replace(/(`+)[^`]*?\1|<!--.*?-->/g, '');
		for (const pattern of IMAGE_ADDRESSES) {
			for (const [address] of text.matchAll(pattern)) {
				const publicPath = publicPathOf(address, base);
				if (publicPath !== undefined && wanted.has(publicPath) && !missing.has(publicPath)) missing.set(publicPath, { line: fileLineOfBody(post, index + 1), address, publicPath });
			}
		}
	}
	return [...missing.values()];
}

// What raw HTML shows no image of: comments, code, scripts and templates, blanked line by line.
const HIDDEN_HTML = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|pre|code|textarea)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
// An <img> tag, its attributes quoted or not; not across another `<`.
const IMG_TAG = /<img\b(?:[^<>"']|"[^"]*"|'[^']*')*>/gi;

/** What a body's cache key adds for the image sizes it shows: nothing for a body that shows none. */
export function imageSizesKey(sizes: ReadonlyMap<string, ImageSize>): string {
	return sizes.size === 0 ? '' : `:images-${digest(stableStringify([...sizes]))}`;
}

async function measure(file: string): Promise<ImageSize | undefined> {
	const check = await checkedImageFile(file, { asIs: true });
	return check?.ok ? { width: check.width, height: check.height } : undefined;
}
