import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';

/** The previous build's output, moved aside and being deleted on another thread. */
export interface OutDirCleanup {
	/** Resolves when the old output is gone: to nothing, or to a warning naming the folder left behind. */
	finished: Promise<string | undefined>;
}

/**
 * Moves the previous build's output out of `outDir` so that Astro finds it empty, and deletes it on a
 * worker thread while the build goes on.
 *
 * Astro empties `outDir` itself before bundling (every entry but `.git`, unless `vite.build.emptyOutDir`
 * is false), with synchronous deletes on the main thread: 2 s of a 1,000-post warm build, more at
 * 10,000 posts. A rename per top-level entry costs microseconds and leaves the same empty folder, so
 * the output is what Astro's own emptying would give. Nothing is moved when the rename cannot work
 * (the cache on another file system, or inside `outDir`): Astro then empties the folder as usual.
 */
export function clearOutDirInBackground(astroConfig: AstroConfig): OutDirCleanup | undefined {
	if (astroConfig.vite?.build?.emptyOutDir === false) return undefined;
	const outDir = fileURLToPath(astroConfig.outDir);
	// One folder for every build's leftovers: a build that was killed mid-delete is finished by the next.
	const trashRoot = fileURLToPath(new URL('carnet/old-output/', astroConfig.cacheDir));
	if (!path.relative(outDir, trashRoot).startsWith('..')) return undefined;
	// Astro means to keep `.git` (its skip list is `new Set(".git")`, a set of characters, so it does not).
	const entries = existsSync(outDir) ? readdirSync(outDir).filter((name) => name !== '.git') : [];
	if (entries.length === 0 && !existsSync(trashRoot)) return undefined;
	const trash = path.join(trashRoot, `${process.pid}-${Date.now()}`);
	try {
		mkdirSync(trash, { recursive: true });
		// What a failed rename leaves in place, Astro deletes as it always does.
		for (const name of entries) renameSync(path.join(outDir, name), path.join(trash, name));
	} catch {
		// A cache on another file system (EXDEV) or a locked file: Astro's own emptying takes over.
	}
	return { finished: deleteOnWorker(trashRoot) };
}

function deleteOnWorker(folder: string): Promise<string | undefined> {
	const worker = new Worker("require('node:fs').rmSync(require('node:worker_threads').workerData, { recursive: true, force: true, maxRetries: 3 });", {
		eval: true,
		workerData: folder,
	});
	return new Promise((resolve) => {
		worker.once('error', (error) => resolve(`Could not delete the previous build's output in ${folder} (${error.message}). It is safe to delete by hand.`));
		worker.once('exit', () => resolve(undefined));
	});
}
