// Shared by cached-pages.ts and cached-pages-worker.js. Plain JavaScript, so that the worker thread, which
// Node runs without the theme's TypeScript hooks, can import it too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file that an `outputFile` of Astro's incremental manifest names under `folder`, or undefined if it is
 * not inside it. Output files are URL paths relative to `outDir`, which Astro resolves as URLs
 * (`caf%C3%A9/index.html` is `café/index.html`).
 * @param {string} file
 * @param {URL | string} folder a folder's file URL, ending in `/`
 * @returns {string | undefined}
 */
export function outputFileIn(file, folder) {
	let resolved;
	try {
		resolved = fileURLToPath(new URL(file, folder));
	} catch {
		return undefined;
	}
	const relative = path.relative(fileURLToPath(folder), resolved);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? resolved : undefined;
}
