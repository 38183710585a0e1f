// The file work of cached-pages.ts, on its own thread: copying the pages Astro's incremental cache holds
// into a staging folder, with synchronous file calls (faster than thousands of round trips through
// libuv's pool), and listing the pages a manifest records. Plain JavaScript, so that Node runs it without
// the TypeScript hooks the Markdown workers need.
import { constants, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @type {{ task: 'list'; manifest: string }
 *   | { task: 'stage'; manifest: string; cached: string; publicDir: string; staging: string; notAfter: number; clockStep: number }}
 */
const job = workerData;

/**
 * Every output file (a URL path relative to outDir) in the manifest, or undefined if there is no manifest
 * of the version Carnet knows (astro/dist/core/build/incremental.js, CACHE_VERSION).
 *
 * With featured images the manifest is large (128 MB at 10,000 posts, most of it image transforms), and
 * parsing it whole takes 0.7 s and 300 MB. The output files are found by their key instead: JSON escapes
 * every quote inside a string, so `"outputFile":` can only be a key, and its value is a JSON string.
 */
function outputFiles(file) {
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
	if (!/^\{\s*"version":\s*1\s*,/.test(text)) return undefined;
	const files = new Set();
	for (const match of text.matchAll(/"outputFile":\s*("(?:[^"\\]|\\.)*")/g)) files.add(JSON.parse(match[1]));
	return files;
}

/** The file `file` names under the folder URL `folder`, or undefined if it is not inside it. */
function inside(file, folder) {
	let resolved;
	try {
		resolved = fileURLToPath(new URL(file, folder));
	} catch {
		return undefined;
	}
	const relative = path.relative(fileURLToPath(folder), resolved);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? resolved : undefined;
}

function exists(file) {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

function stage() {
	rmSync(fileURLToPath(job.staging), { recursive: true, force: true });
	const made = new Set();
	const copies = [];
	for (const file of outputFiles(job.manifest) ?? []) {
		const source = inside(file, job.cached);
		const target = inside(file, job.staging);
		const published = inside(file, job.publicDir);
		// A file of public/ with the page's name wins over the page (Astro's checkPublicConflict).
		if (!source || !target || !published || exists(published)) continue;
		let cached;
		try {
			cached = statSync(source);
		} catch {
			continue;
		}
		const time = Math.floor(cached.mtimeMs / job.clockStep) * job.clockStep;
		if (!cached.isFile() || time > job.notAfter) continue;
		const folder = path.dirname(target);
		let copied = false;
		try {
			if (!made.has(folder)) {
				mkdirSync(folder, { recursive: true });
				made.add(folder);
			}
			copyFileSync(source, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
			copied = true;
			utimesSync(target, time / 1000, time / 1000);
			copies.push([file, time]);
		} catch {
			// Left to Astro. A copy whose time could not be set could not be told from this build's pages.
			if (copied) rmSync(target, { force: true });
		}
	}
	return copies;
}

try {
	if (job.task === 'list') {
		const files = outputFiles(job.manifest);
		parentPort.postMessage({ files: files ? [...files] : null });
	} else {
		parentPort.postMessage({ copies: stage() });
	}
} catch (error) {
	parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
