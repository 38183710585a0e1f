import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';
import { mapWithConcurrency } from '../utils/concurrency.ts';
import { isInside } from '../utils/file-paths.ts';
import { outputFileIn } from './cached-page-paths.js';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/**
 * Astro's incremental build (`experimental.incrementalBuild`) copies each page it can skip from its cache
 * into `outDir`, one page after the other, awaiting a `mkdir` and a copy per page
 * (astro/dist/core/build/generate.js): at 10,000 posts the main thread waits on those copies for about a
 * third of a warm build. It does not copy a page that is already in `outDir`. So from the start of the
 * build, while the content syncs and Vite bundles, a worker thread copies every page the last build's
 * manifest recorded into a staging folder; once Astro has emptied `outDir` and bundled, they are moved in
 * (a rename per folder), and after the pages are generated the copies this build did not produce go.
 *
 * The output is what Astro's own copying gives, byte for byte:
 * - a page Astro skips is the file its cache holds, which is what Astro would have copied;
 * - a page Astro renders is written over the copy;
 * - a copy of a page this build no longer has (a deleted post, a page now generated without a key) is
 *   removed: it is neither in this build's manifest nor written by this build.
 *
 * "Written by this build" is told by the modification time: each copy takes its cached file's time,
 * rounded down to two seconds (the coarsest file system clock), and a page rendered this build is written
 * after the build started, so later than any copy's time. Cached files written less than four seconds
 * before the build are left to Astro.
 */
export interface CachedPageCopies {
	/** Moves the copies into `outDir` once they are made. Awaited before Astro generates pages. */
	place(): Promise<void>;
	/** After pages are generated: removes the copies this build did not produce, and says how many. */
	removeUnproduced(): Promise<number>;
}

const MANIFEST_FILE = 'incremental-build.json';
const CACHED_OUTPUT = 'dist/';
const CLOCK_STEP_MS = 2000;

/**
 * Starts copying the last build's cached pages; undefined when Astro will not look for them in `outDir`:
 * not an incremental build, `outDir` kept between builds (`vite.build.emptyOutDir: false`, where Astro's
 * own check finds the old pages), or a build whose page keys all changed (`continued` false: a new
 * generation, integration/build-generation.ts).
 */
export function copyCachedPages(astroConfig: AstroConfig, continued: boolean, warn: (message: string) => void): CachedPageCopies | undefined {
	if (astroConfig.experimental?.incrementalBuild !== true || !continued) return undefined;
	if (astroConfig.vite?.build?.emptyOutDir === false) return undefined;
	const manifestFile = fileURLToPath(new URL(MANIFEST_FILE, astroConfig.cacheDir));
	const staging = new URL('carnet/staged-pages/', astroConfig.cacheDir);
	const outDir = astroConfig.outDir;
	// Only if staging and outDir can exchange files by renaming: apart, and on one file system.
	if (isInside(fileURLToPath(staging), fileURLToPath(outDir)) || deviceOf(staging) !== deviceOf(outDir)) return undefined;
	const staged = onWorker<{ copies: [string, number][] }>({
		task: 'stage',
		manifest: manifestFile,
		cached: new URL(CACHED_OUTPUT, astroConfig.cacheDir).href,
		publicDir: astroConfig.publicDir.href,
		staging: staging.href,
		notAfter: Date.now() - 2 * CLOCK_STEP_MS,
		clockStep: CLOCK_STEP_MS,
	}).then(
		(answer) => answer.copies,
		(error: Error) => {
			warn(`Could not copy pages from the incremental build's cache ahead of time (${error.message}); Astro copies them itself.`);
			return [] as [string, number][];
		},
	);
	let placed: Promise<Map<string, number>> | undefined;
	return {
		place() {
			placed ??= staged.then((copies) => moveIntoOutDir(copies, staging, outDir, warn));
			return placed.then(() => undefined);
		},
		async removeUnproduced() {
			const copies = await (placed ?? Promise.resolve(new Map<string, number>()));
			if (copies.size === 0) return 0;
			const kept = await listOutputFiles(manifestFile);
			if (!kept) {
				throw new Error(
					`Carnet copied ${copies.size} pages from Astro's incremental cache, but cannot read the manifest this build wrote (${manifestFile}), ` +
						`so it cannot tell which of them this build kept. Delete ${fileURLToPath(outDir)} and build again; if this happens again, report it.`,
				);
			}
			let removed = 0;
			await mapWithConcurrency([...copies], 16, async ([file, time]) => {
				const target = outputFileIn(file, outDir);
				if (kept.has(file) || !target) return;
				const now = await stat(target).catch(() => undefined);
				// Gone, or written over by this build: not a copy any more.
				if (!now || now.mtimeMs !== time) return;
				await unlink(target);
				removed += 1;
				await removeEmptyFolders(path.dirname(target), fileURLToPath(outDir));
			});
			return removed;
		},
	};
}

/**
 * Holds page generation until the copies are in `outDir`. The client bundle is the last one Astro builds
 * before it generates pages, and Astro empties `outDir` before the first (astro/dist/core/build/static-build.js).
 */
export function vitePluginCachedPages(copies: () => CachedPageCopies | undefined): VitePlugin {
	return {
		name: 'astro-theme-carnet:cached-pages',
		apply: 'build',
		async closeBundle() {
			if (this.environment?.name === 'client') await copies()?.place();
		},
	};
}

/**
 * The output files an incremental-build manifest records, undefined when it has none Carnet can read.
 * The manifest is read `chunkBytes` at a time (4 MiB unless said).
 */
export async function listOutputFiles(manifestFile: string, chunkBytes?: number): Promise<Set<string> | undefined> {
	const { files } = await onWorker<{ files: string[] | null }>({ task: 'list', manifest: manifestFile, ...(chunkBytes ? { chunkBytes } : {}) });
	return files ? new Set(files) : undefined;
}

/** Runs one task of cached-pages-worker.js and resolves to its answer. */
function onWorker<Answer>(job: Record<string, string | number>): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./cached-pages-worker.js', import.meta.url), { workerData: job });
		worker.unref();
		worker.once('message', (message: Answer | { error: string }) => {
			if (message && typeof message === 'object' && 'error' in message) reject(new Error(message.error));
			else resolve(message as Answer);
		});
		worker.once('error', reject);
		worker.once('exit', () => reject(new Error('the copying thread stopped')));
	});
}

/**
 * Moves the staged copies into `outDir`, a folder at a time where `outDir` has no folder of that name yet,
 * and returns those now in `outDir`. A name `outDir` already has (a file of public/) keeps what is there.
 */
function moveIntoOutDir(copies: [string, number][], staging: URL, outDir: URL, warn: (message: string) => void): Map<string, number> {
	const stagingDir = fileURLToPath(staging);
	if (copies.length === 0 || !existsSync(stagingDir)) return new Map();
	try {
		mkdirSync(outDir, { recursive: true });
		moveTree(stagingDir, fileURLToPath(outDir));
	} catch (error) {
		// What stayed behind is left to Astro.
		if ((error as NodeJS.ErrnoException).code === 'EXDEV') {
			warn(`${fileURLToPath(outDir)} and ${stagingDir} are on different file systems, so Carnet cannot move in the pages it copied ahead of Astro; Astro copies them itself, one at a time.`);
		}
	}
	const placed = new Map<string, number>();
	for (const [file, time] of copies) {
		const left = outputFileIn(file, staging);
		if (left && !existsSync(left)) placed.set(file, time);
	}
	rmSync(stagingDir, { recursive: true, force: true });
	return placed;
}

function moveTree(from: string, to: string): void {
	for (const entry of readdirSync(from, { withFileTypes: true })) {
		const source = path.join(from, entry.name);
		const target = path.join(to, entry.name);
		const there = statSync(target, { throwIfNoEntry: false });
		if (!there) renameSync(source, target);
		else if (entry.isDirectory() && there.isDirectory()) moveTree(source, target);
	}
}

/** The file system holding `folder`, or the nearest of its parents that exists. */
function deviceOf(folder: URL): number {
	let dir = fileURLToPath(folder);
	while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
	return statSync(dir).dev;
}

/** Removes `folder` and its parents while they are empty, up to (not including) `root`. */
async function removeEmptyFolders(folder: string, root: string): Promise<void> {
	const top = path.resolve(root);
	let current = path.resolve(folder);
	while (current !== top && isInside(current, top)) {
		try {
			await rmdir(current);
		} catch {
			return;
		}
		current = path.dirname(current);
	}
}
