// The file work of cached-pages.ts, on its own thread: copying the pages Astro's incremental cache holds
// into a staging folder, with synchronous file calls (faster than thousands of round trips through
// libuv's pool), and listing the pages a manifest records. Plain JavaScript, so that Node runs it without
// the TypeScript hooks the Markdown workers need.
import { closeSync, constants, copyFileSync, mkdirSync, openSync, readSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { outputFileIn } from './cached-page-paths.js';

/**
 * @type {{ task: 'list'; manifest: string; chunkBytes?: number }
 *   | { task: 'stage'; manifest: string; cached: string; publicDir: string; staging: string; notAfter: number; clockStep: number }}
 */
const job = workerData;

/**
 * Every output file (a URL path relative to outDir) in the manifest, or undefined if there is no manifest
 * of the version Carnet knows (astro/dist/core/build/incremental.js, CACHE_VERSION).
 *
 * With featured images the manifest is large (128 MB at 10,000 posts, most of it image transforms): parsed
 * whole, it takes 0.7 s and 300 MB at the build's peak. So it is read a few megabytes at a time and the
 * output files are found by their key: JSON escapes every quote inside a string, so `"outputFile":` can
 * only be a key, and its value is a JSON string. Bytes are read as Latin-1, in which no byte of a UTF-8
 * character past ASCII is a quote or a backslash; a value is decoded as UTF-8 once found.
 */
function outputFiles(file) {
	let fd;
	try {
		fd = openSync(file, 'r');
	} catch {
		return undefined;
	}
	try {
		const head = Buffer.alloc(64);
		if (!/^\{\s*"version":\s*1\s*,/.test(head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0)))) return undefined;
		const chunk = Buffer.alloc(job.chunkBytes ?? CHUNK_BYTES);
		const files = new Set();
		let carry = '';
		let position = 0;
		for (;;) {
			const read = readSync(fd, chunk, 0, chunk.length, position);
			if (read === 0) return files;
			position += read;
			const text = carry + chunk.toString('latin1', 0, read);
			let scanned = 0;
			for (const match of text.matchAll(OUTPUT_FILE)) {
				files.add(JSON.parse(Buffer.from(match[1], 'latin1').toString('utf8')));
				scanned = match.index + match[0].length;
			}
			// A key or value cut by the chunk's end is read again with the next chunk.
			const cut = text.lastIndexOf('"outputFile"');
			carry = cut >= scanned ? text.slice(cut) : text.slice(Math.max(scanned, text.length - OUTPUT_FILE_KEY_LENGTH));
		}
	} finally {
		closeSync(fd);
	}
}

const CHUNK_BYTES = 4 * 1024 * 1024;
const OUTPUT_FILE = /"outputFile":\s*("(?:[^"\\]|\\.)*")/g;
const OUTPUT_FILE_KEY_LENGTH = '"outputFile"'.length;

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
		const source = outputFileIn(file, job.cached);
		const target = outputFileIn(file, job.staging);
		const published = outputFileIn(file, job.publicDir);
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
