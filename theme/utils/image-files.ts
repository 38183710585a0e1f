import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { imageMetadata } from 'astro/assets/utils';

/** Formats Astro optimises, by the name a file of that format is sniffed as. */
const SUPPORTED = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'svg']);
/** File name extensions Astro imports as images, for each supported format. */
const EXTENSIONS: Record<string, readonly string[]> = {
	jpeg: ['.jpg', '.jpeg'],
	png: ['.png'],
	webp: ['.webp'],
	gif: ['.gif'],
	tiff: ['.tif', '.tiff'],
	avif: ['.avif'],
	svg: ['.svg'],
};
export const FORMAT_LABELS: Record<string, string> = {
	jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', tiff: 'TIFF', avif: 'AVIF', svg: 'SVG',
	heic: 'HEIC', bmp: 'BMP', ico: 'ICO', psd: 'Photoshop (PSD)', jxl: 'JPEG XL',
};

/** "a JPEG", "an SVG": the label of a format with its article. */
export function formatName(format: string): string {
	const label = FORMAT_LABELS[format] ?? format;
	return `${/^(?:SVG|AVIF|ICO)\b/.test(label) ? 'an' : 'a'} ${label}`;
}

/** Where the width and height of most images are found; a file whose header is longer is read whole. */
const HEADER_BYTES = 16 * 1024;

export type ImageFileCheck =
	| { ok: true; format: string; width: number; height: number }
	| { ok: false; reason: ImageFileProblem; problem: string; fix: string };

/** Why a file is refused, for callers that refuse only some: a file published as it is may be named as it likes. */
export type ImageFileProblem = 'unreadable' | 'empty' | 'not-image' | 'unsupported' | 'misnamed' | 'script' | 'unsized' | 'damaged' | 'too-large';

/** Whether a file's name is one Astro imports as an image, which it then optimises. */
export function hasAstroImageName(file: string): boolean {
	const extension = path.extname(file).toLowerCase();
	return Object.values(EXTENSIONS).some((extensions) => extensions.includes(extension));
}

/**
 * Checks that a file is an image Astro can optimise, from its contents rather than its name: what a
 * reader of an error needs to know is that a `.jpg` holds HTML, or that a photo is HEIC. `asIs` is for a
 * file published as it is (in public/), which an image too large for sharp burdens readers rather than Astro.
 */
export async function checkImageFile(file: string, knownSize?: number, { asIs = false }: { asIs?: boolean } = {}): Promise<ImageFileCheck> {
	let size: number;
	let header: Buffer;
	try {
		size = knownSize ?? statSync(file).size;
		header = readStart(file, Math.min(size, HEADER_BYTES));
	} catch (error) {
		const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		return { ok: false, reason: 'unreadable', problem: `could not be read (${reason})`, fix: 'Check that the file exists and that you may read it.' };
	}
	if (size === 0) {
		return { ok: false, reason: 'empty', problem: 'is an empty file (0 bytes)', fix: 'Copy or export the image again: an interrupted download or copy leaves an empty file.' };
	}
	const format = sniffFormat(header);
	if (!format) {
		return {
			ok: false,
			reason: 'not-image',
			problem: 'is not an image: its contents are not JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG',
			fix: 'Point the path at an image file.',
		};
	}
	const name = formatName(format);
	if (!SUPPORTED.has(format)) {
		return { ok: false, reason: 'unsupported', problem: `is ${name} image, which Astro cannot optimise`, fix: 'Convert it to JPEG, PNG, WebP or AVIF (export it as JPEG from your photo app, for instance).' };
	}
	const extension = path.extname(file).toLowerCase();
	const extensions = EXTENSIONS[format] ?? [];
	if (!extensions.includes(extension)) {
		return { ok: false, reason: 'misnamed', problem: `is ${name} image with a name ending in '${extension}'`, fix: `Rename the file to end in ${extensions[0]}, and the path with it.` };
	}
	// The whole file only when the header is not all of it: an SVG is checked whole for scripts, and any
	// image is read whole when its first bytes do not give the size (a JPEG with large metadata first).
	let whole: Buffer | undefined;
	const readWhole = size > header.length ? () => (whole ??= readFileSync(file)) : () => header;
	if (format === 'svg' && svgCanRunScript(readWhole().toString('utf8'))) {
		return {
			ok: false,
			reason: 'script',
			problem: `is ${SVG_SCRIPT_PROBLEM}`,
			fix: 'Remove the script from the SVG, or export the image as PNG.',
		};
	}
	const measured = await measure(header, size > header.length ? readWhole : undefined);
	if (!measured) {
		return format === 'svg'
			? { ok: false, reason: 'unsized', problem: 'is an SVG without a width and height or a viewBox, so its size is unknown', fix: 'Add a viewBox to its <svg> element, e.g. viewBox="0 0 1200 630".' }
			: { ok: false, reason: 'damaged', problem: `is ${name} file that cannot be read: it is truncated or damaged`, fix: 'Copy or export the image again.' };
	}
	if (format !== 'svg' && measured.width * measured.height > MAX_PIXELS) {
		return {
			ok: false,
			reason: 'too-large',
			problem:
				`is ${measured.width}×${measured.height} pixels (${megapixels(measured.width * measured.height)} megapixels), more than the ${megapixels(MAX_PIXELS)} megapixels sharp decodes: ` +
				(asIs ? `a reader's browser would download it whole and hold about ${gigabytes(measured.width * measured.height * 4)} GB to show it` : 'it would be published unoptimised, under the names and types of the smaller images pages ask for'),
			fix: 'Export it at the size pages show (2,400 pixels wide is plenty); if its header is wrong, export it again.',
		};
	}
	return { ok: true, format, ...measured };
}

/** sharp's `limitInputPixels` default (0x3FFF × 0x3FFF): an image larger than that is refused by Astro's image service, which then copies it as it is. */
const MAX_PIXELS = 0x3fff * 0x3fff;

/** The checks already made, by file and kind, with the file's modification time and length when it was read. */
const checks = new Map<string, { mtimeMs: number; size: number; check: ImageFileCheck }>();

const checkKey = (file: string, { asIs = false }: { asIs?: boolean }) => `${asIs ? 'as-is' : 'optimised'}:${file}`;

/** checkImageFile() of `file`, read again only when the file changed since; undefined if it is no file. */
export async function checkedImageFile(file: string, options: { asIs?: boolean } = {}): Promise<ImageFileCheck | undefined> {
	const stats = await stat(file).catch(() => undefined);
	if (!stats?.isFile()) return undefined;
	const key = checkKey(file, options);
	const known = checks.get(key);
	if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.check;
	const check = await checkImageFile(file, stats.size, options);
	checks.set(key, { mtimeMs: stats.mtimeMs, size: stats.size, check });
	return check;
}

/** The check checkedImageFile() last made of `file`, if the file has not changed since. */
export function lastImageFileCheck(file: string, options: { asIs?: boolean } = {}): ImageFileCheck | undefined {
	const known = checks.get(checkKey(file, options));
	const stats = known && statSync(file, { throwIfNoEntry: false });
	return stats && stats.mtimeMs === known.mtimeMs && stats.size === known.size ? known.check : undefined;
}

function megapixels(pixels: number): string {
	return Math.round(pixels / 1e6).toLocaleString('en');
}

function gigabytes(bytes: number): string {
	return (bytes / 1e9).toLocaleString('en', { maximumFractionDigits: 1 });
}

/** The format a file's first bytes announce (see sniffFormat()), read synchronously. */
export function sniffFileFormat(file: string): string | undefined {
	return sniffFormat(readStart(file, 4096));
}

function readStart(file: string, length: number): Buffer {
	const buffer = Buffer.allocUnsafe(length);
	const descriptor = openSync(file, 'r');
	try {
		const read = readSync(descriptor, buffer, 0, length, 0);
		return buffer.subarray(0, read);
	} finally {
		closeSync(descriptor);
	}
}

async function measure(header: Buffer, readWhole: (() => Buffer) | undefined): Promise<{ width: number; height: number } | undefined> {
	for (const read of readWhole ? [() => header, readWhole] : [() => header]) {
		try {
			const { width, height } = await imageMetadata(read());
			if (width > 0 && height > 0) return { width, height };
		} catch {
			// Not enough of the file, or not readable at all: the caller words it.
		}
	}
	return undefined;
}

/** The image format a file's first bytes announce, or undefined if they announce none. */
export function sniffFormat(bytes: Buffer): string | undefined {
	const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
	if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
	if (ascii(4, 8) === 'ftyp') return isoBrand(bytes);
	if (ascii(0, 2) === 'BM') return 'bmp';
	if (ascii(0, 4) === '\0\0\x01\0') return 'ico';
	if (ascii(0, 4) === '8BPS') return 'psd';
	if ((bytes[0] === 0xff && bytes[1] === 0x0a) || ascii(4, 8) === 'JXL ') return 'jxl';
	// SVG is text: an <svg> element, possibly after an XML declaration, a doctype and comments.
	if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(bytes.toString('utf8'))) return 'svg';
	return undefined;
}

// AVIF and HEIC share the ISO container; its ftyp box lists the brands a file conforms to.
function isoBrand(bytes: Buffer): string | undefined {
	const end = Math.min(bytes.readUInt32BE(0), bytes.length);
	const brands: string[] = [];
	for (let offset = 8; offset + 4 <= end; offset += 4) brands.push(bytes.toString('latin1', offset, offset + 4));
	if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
	if (brands.some((brand) => /^(?:heic|heix|hevc|hevx|mif1|msf1)$/.test(brand))) return 'heic';
	return undefined;
}

/** What an SVG refused by svgCanRunScript() holds, for messages. */
export const SVG_SCRIPT_PROBLEM =
	'an SVG that contains a script or what could hide one (a <script> element or an embedded page, an on… attribute, a javascript: URL, entity declarations, a stylesheet processing instruction, or an encoding other than UTF-8), which would run on your site if opened on its own';

// An SVG opened on its own is a document of the site, where its scripts run. The check refuses rather
// than cleans, so it errs on the side of refusing: any prefix on an element or attribute name (`<h:script>`
// in the XHTML namespace runs as a script), character references in URLs (`javascript&#58;`), and what it
// cannot see through: entity declarations, which can expand into any of these, and XSLT stylesheets.
const SCRIPT_ELEMENT = /<(?:[\w.-]+:)?(?:script|foreignObject|iframe|embed|object|handler|listener)[\s>/]/i;
const EVENT_ATTRIBUTE = /\s(?:[\w.-]+:)?on[a-z]+\s*=/i;
const OPAQUE = /<!ENTITY|<!DOCTYPE[^>[]*\[|<\?xml-stylesheet/i;
const SCRIPT_URL = /(?:javascript|vbscript):|data:(?:text\/html|application\/(?:xhtml\+)?xml)/i;
const NAMED_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', plus: '+', lpar: '(', rpar: ')' };
// The check reads the file as UTF-8. One that a browser reads in another encoding is other text to it: the
// escapes of ISO-2022-JP (`<scr\u001B(Bipt>`) and UTF-7's runs (`+ADw-script+AD4-`) hide a <script> from the
// check, and a UTF-16 file's letters stand between NULs. An encoding declared other than UTF-8 or ASCII, and
// bytes that are no UTF-8 (a UTF-16 or UTF-32 byte-order mark among them, read as U+FFFD), are refused.
const OTHER_ENCODING = /^\uFEFF?\s*<\?xml\b[^>]*?\bencoding\s*=\s*(["'])(?!\s*(?:utf-?8|us-ascii|ascii)\s*\1)/i;

/** Whether an SVG holds anything that could run a script when the file is opened on its own. */
export function svgCanRunScript(svg: string): boolean {
	if (SCRIPT_ELEMENT.test(svg) || EVENT_ATTRIBUTE.test(svg) || OPAQUE.test(svg)) return true;
	if (OTHER_ENCODING.test(svg) || svg.includes('\uFFFD') || svg.includes('\u0000')) return true;
	// Character references decoded, and the whitespace and controls browsers skip inside a URL's scheme removed.
	const decoded = svg
		.replace(/&#(?:x([\da-f]+)|(\d+));?/gi, (_, hex: string | undefined, decimal: string | undefined) => {
			const code = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		})
		.replace(/&([a-z]+);?/gi, (reference: string, name: string) => NAMED_REFERENCES[name.toLowerCase()] ?? reference)
		.replace(/[\u0000-\u0020]+/g, '');
	return SCRIPT_URL.test(decoded);
}
