import { escapeXml } from './xml.ts';

/**
 * A square SVG with the first letter of the blog's name, the theme's default icon: the favicon, and
 * the feeds' image until the site sets `socialImage`.
 */
export function monogramSvg(title: string, size = 64): string {
	const letter = Array.from(title.trim())[0]?.toUpperCase() ?? 'C';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">` +
		'<rect width="64" height="64" rx="14" fill="#9a3412"/>' +
		`<text x="32" y="44" font-family="Georgia, serif" font-size="38" font-weight="700" text-anchor="middle" fill="#fff">${escapeXml(letter)}</text>` +
		'</svg>'
	);
}
