import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Below this much heap in use, a collection frees too little to matter to the build's peak.
const HEAP_WORTH_COLLECTING = 384 * 1024 * 1024;
const MiB = 1024 * 1024;

/**
 * One full garbage collection, when the content sync left a large heap: called when the posts have loaded,
 * before Astro writes its store (integration/posts-collection.ts), and once the sync is over, before Vite
 * bundles (index.ts).
 *
 * At the end of every sync Astro serializes its whole content store and reads the store file back to compare
 * (mutable-data-store.js, data-store-writer.js): at 10,000 posts, strings of 140 MiB and their parts, on top
 * of the old store Astro read when the sync began and what rendering the posts left. A machine with gigabytes
 * free lets V8 keep that garbage (a warm 10,000-post build ended its sync with 1.1 GiB of heap in use, about
 * 0.9 GiB of it garbage), and Vite's bundler then allocates its own memory outside the heap, on top of it:
 * that was the build's peak. Each collection takes a fraction of a second at that size; a smaller heap is
 * left alone.
 *
 * V8 offers no call to collect without the `--expose-gc` flag; this sets it for the moment of one call, as
 * Jest's leak detector does, and puts it back. If that fails, nothing is collected: the build is the same,
 * with more memory.
 */
export function collectSyncGarbage(worthCollecting = HEAP_WORTH_COLLECTING): { freedMiB: number; milliseconds: number } | undefined {
	const before = process.memoryUsage().heapUsed;
	if (before < worthCollecting) return undefined;
	const started = performance.now();
	try {
		fullCollection();
	} catch {
		return undefined;
	}
	return { freedMiB: Math.round((before - process.memoryUsage().heapUsed) / MiB), milliseconds: Math.round(performance.now() - started) };
}

function fullCollection(): void {
	const exposed = (globalThis as { gc?: () => void }).gc;
	if (typeof exposed === 'function') {
		exposed();
		return;
	}
	setFlagsFromString('--expose-gc');
	try {
		(runInNewContext('gc') as () => void)();
	} finally {
		setFlagsFromString('--no-expose-gc');
	}
}
