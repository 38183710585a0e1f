// Which file of a responsive image a browser downloads, following the HTML rules for `srcset`,
// `sizes` and `<source>`, for one viewport. Only what Astro and the theme emit is supported:
// width or density descriptors, min-/max-width media conditions joined by "and", and calc() lengths.

/** A desktop browser: 1280 CSS pixels wide, 1 device pixel per CSS pixel, 16px root font size. */
export const DESKTOP = { width: 1280, pixelRatio: 1, rootFontSize: 16 };

const SUPPORTED_TYPES = new Set(['image/avif', 'image/webp', 'image/jpeg', 'image/png', 'image/gif', 'image/svg+xml']);

/**
 * The URL the browser fetches for a `<picture>` (its sources in order, then its `<img>`) or a lone
 * `<img>`. Each source is `{ srcset, sizes, type, media }`; the img is `{ src, srcset, sizes, width }`.
 */
export function chosenImageUrl(sources, img, viewport = DESKTOP) {
	for (const source of sources) {
		if (source.type && !SUPPORTED_TYPES.has(source.type)) continue;
		if (source.media && !matchesMedia(source.media, viewport)) continue;
		if (source.srcset) return pickCandidate(source.srcset, source.sizes, img.width, viewport);
	}
	if (img.srcset) return pickCandidate(img.srcset, img.sizes, img.width, viewport);
	return img.src;
}

function pickCandidate(srcset, sizes, intrinsicWidth, viewport) {
	const candidates = srcset
		.split(/,\s+/)
		.map((candidate) => candidate.trim().split(/\s+/))
		.map(([url, descriptor = '1x']) => ({ url, value: Number.parseFloat(descriptor), unit: descriptor.slice(-1) }));
	// With width descriptors the needed width is the slot's; with density descriptors it is the pixel ratio.
	const needed = candidates[0]?.unit === 'w' ? slotWidth(sizes, intrinsicWidth, viewport) * viewport.pixelRatio : viewport.pixelRatio;
	const ascending = [...candidates].sort((a, b) => a.value - b.value);
	return (ascending.find((candidate) => candidate.value >= needed) ?? ascending[ascending.length - 1])?.url;
}

/** The width in CSS pixels of the first `sizes` entry whose media condition matches. */
export function slotWidth(sizes, intrinsicWidth, viewport = DESKTOP) {
	if (!sizes) return viewport.width;
	for (const entry of splitTopLevel(sizes)) {
		// An entry is an optional media condition, then a length: "(min-width: 65rem) calc((100vw - 5rem) / 3)".
		const [, media, length] = /^(.*?)\s*(calc\(.*\)|-?[\d.]+[a-z]*|auto)$/.exec(entry.trim()) ?? [];
		if (length === undefined) throw new Error(`Unsupported sizes entry in the page: ${entry}`);
		if (media && !matchesMedia(media, viewport)) continue;
		return length === 'auto' && intrinsicWidth ? Number(intrinsicWidth) : cssLength(length, viewport);
	}
	return viewport.width;
}

function matchesMedia(condition, viewport) {
	return condition.split(/\s+and\s+/).every((feature) => {
		const match = /^\(\s*(min|max)-width\s*:\s*(.+?)\s*\)$/.exec(feature.trim());
		if (!match) throw new Error(`Unsupported media condition in the page: ${condition}`);
		const limit = cssLength(match[2], viewport);
		return match[1] === 'min' ? viewport.width >= limit : viewport.width <= limit;
	});
}

/** A length such as `23rem`, `100vw` or `calc((100vw - 5rem) / 3)`, in CSS pixels. */
export function cssLength(text, viewport = DESKTOP) {
	const unitless = text
		.trim()
		.replace(/^calc/, '')
		.replace(/calc\(/g, '(')
		.replace(/(-?[\d.]+)(rem|em|vw|px)\b/g, (_, number, unit) => {
			const scale = { rem: viewport.rootFontSize, em: viewport.rootFontSize, vw: viewport.width / 100, px: 1 }[unit];
			return `(${Number(number) * scale})`;
		});
	// Only digits, operators and parentheses are left at this point, so evaluating cannot run anything else.
	if (!/^[\d\s.+\-*/()]+$/.test(unitless)) throw new Error(`Unsupported CSS length in the page: ${text}`);
	return Number(new Function(`return ${unitless};`)());
}

/** `sizes` entries, split on commas outside parentheses. */
function splitTopLevel(list) {
	const entries = [''];
	let depth = 0;
	for (const character of list) {
		if (character === '(') depth++;
		if (character === ')') depth--;
		if (character === ',' && depth === 0) entries.push('');
		else entries[entries.length - 1] += character;
	}
	return entries;
}
