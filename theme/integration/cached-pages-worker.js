// Copies the pages Astro's incremental cache holds into a staging folder, on its own thread, with
// synchronous file calls (faster than thousands of round trips through libuv's pool). Plain JavaScript,
// so that Node runs it without the TypeScript hooks the Markdown workers need. See cached-pages.ts.
import { constants, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ manifest: string; cached: string; publicDir: string; staging: string; notAfter: number; clockStep: number }} */
const job = workerData;

/** Every output file the manifest records, as URL paths relative to outDir. */
function outputFiles(manifest) {
	const files = new Set();
	if (manifest?.version !== 1 || typeof manifest.routes !== 'object' || manifest.routes === null) return files;
	for (const route of Object.values(manifest.routes)) {
		for (const entry of Object.values(route?.paths ?? {})) {
			if (typeof entry?.outputFile === 'string') files.add(entry.outputFile);
		}
	}
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
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(job.manifest, 'utf8'));
	} catch {
		return [];
	}
	const made = new Set();
	const copies = [];
	for (const file of outputFiles(manifest)) {
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
	parentPort.postMessage({ copies: stage() });
} catch (error) {
	parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
