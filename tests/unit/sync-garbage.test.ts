import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { collectSyncGarbage } from '../../theme/integration/sync-garbage.ts';

const MiB = 1024 * 1024;

/**
 * Leaves about `mebibytes` MiB of strings in the old generation, where only a full collection frees them (as
 * the content sync leaves its store's text): held while other allocations make V8 promote them, then let go.
 */
function leaveGarbage(mebibytes: number): void {
	let held: string[] | undefined = [];
	for (let index = 0; index < mebibytes * 16; index++) held.push(`${index} ${'x'.repeat(64 * 1024 - 8)}`);
	for (let round = 0; round < 64; round++) new Array(256 * 1024).fill(round).map((value) => ({ value }));
	expect(held.length).toBe(mebibytes * 16);
	held = undefined;
}

describe('collectSyncGarbage()', () => {
	test('frees the garbage left in the heap, and leaves gc() unexposed as it found it', () => {
		const exposedBefore = runInNewContext('typeof gc');
		leaveGarbage(96);
		const collected = collectSyncGarbage(0);
		// A collection V8 began on its own while the strings were held (on a busy machine, in one CI run) ends
		// with them kept: the next one frees them.
		const again = collectSyncGarbage(0);
		expect((collected?.freedMiB ?? 0) + (again?.freedMiB ?? 0)).toBeGreaterThanOrEqual(48);
		expect(collected?.milliseconds).toBeGreaterThanOrEqual(0);
		expect(runInNewContext('typeof gc')).toBe(exposedBefore);
		expect(typeof (globalThis as { gc?: unknown }).gc).toBe(exposedBefore);
	});

	test('does nothing while the heap in use is below the size worth collecting', () => {
		leaveGarbage(16);
		const used = process.memoryUsage().heapUsed;
		expect(collectSyncGarbage(used + 512 * MiB)).toBeUndefined();
	});
});
