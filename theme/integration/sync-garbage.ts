import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Below this much heap in use, a collection frees too little to matter (a 1,000-post sync ends near 300 MiB).
const HEAP_WORTH_COLLECTING = 384 * 1024 * 1024;
const MiB = 1024 * 1024;

/**
 * One full garbage collection between the content sync and the bundle, when the sync left a large heap.
 *
 * At the end of every sync Astro serializes its whole content store and reads the store file back to compare
 * (mutable-data-store.js, data-store-writer.js): at 10,000 posts, three or four strings of 140 MiB and their
 * parts. A machine with gigabytes free lets V8 keep that garbage (a warm 10,000-post build leaves the sync
 * with 1.1 GiB of heap in use, of which about 0.9 GiB is garbage), and Vite's bundler then allocates its own
 * memory outside the heap, on top of it: that was the build's peak. Collecting once here costs a fraction of
 * a second at that size and nothing below it.
 *
 * V8 offers no call to collect without the `--expose-gc` flag; this sets it for the moment of one call, as
 * Jest's leak detector does, and leaves the flag as it was. If that fails, nothing is collected: the build
 * is the same, with more memory.
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
