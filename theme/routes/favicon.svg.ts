import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import { monogramSvg } from '../utils/monogram.ts';

/** The blog's monogram, until the site puts its own favicon.svg in public/ (which then wins). */
export const GET: APIRoute = () => new Response(monogramSvg(config.title), { headers: { 'Content-Type': 'image/svg+xml' } });
