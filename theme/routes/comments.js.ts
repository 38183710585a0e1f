import type { APIRoute } from 'astro';
import script from '../client/comments.js?raw';

// A file of its own rather than a bundled <script>: Vite would inline a script this small into the page,
// where a Content-Security-Policy without 'unsafe-inline' would block it.
export const GET: APIRoute = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
