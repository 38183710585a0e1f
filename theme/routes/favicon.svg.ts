import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import { escapeXml } from '../utils/xml.ts';

/** A monogram of the blog's name, until the site puts its own favicon.svg in public/ (which then wins). */
export const GET: APIRoute = () => {
	const letter = Array.from(config.title.trim())[0]?.toUpperCase() ?? 'C';
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#9a3412"/><text x="32" y="44" font-family="Georgia, serif" font-size="38" font-weight="700" text-anchor="middle" fill="#fff">${escapeXml(letter)}</text></svg>`;
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
