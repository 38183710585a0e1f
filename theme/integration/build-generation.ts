import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { writeFileAtomic } from '../utils/atomic-file.ts';

/** A build with `experimental.incrementalBuild` in progress; `finish()` once it has written everything. */
export interface BuildGeneration {
	/** Part of every page key (utils/page-keys.ts). */
	id: string;
	/** The last build finished and this one goes on with its generation: unchanged pages keep their keys. */
	continued: boolean;
	finish(): Promise<void>;
}

interface State {
	generation: string;
	/** True from the start of a build to its end: still true at the next start, the build never finished. */
	running: boolean;
}

/**
 * Astro's incremental build writes the cached copy of each page as it renders it, but the manifest of
 * keys that says which copy is current only once every page is done (astro/dist/core/build/generate.js).
 * A build stopped in between (killed, out of memory, a failing page) leaves copies that no manifest
 * describes: revert the post it had just re-rendered, and the next build would find the old key in the
 * old manifest and copy the stopped build's page. So builds have a generation, part of every page key,
 * and a build that starts after one that never finished begins a new generation: it renders every page
 * and caches it anew, and keys match again from the build after it.
 */
export async function startBuildGeneration(astroConfig: AstroConfig, command: string, log: (message: string) => void): Promise<BuildGeneration | undefined> {
	if (command !== 'build' || astroConfig.experimental?.incrementalBuild !== true) return undefined;
	const file = fileURLToPath(new URL('carnet/build-generation.json', astroConfig.cacheDir));
	const previous = await readState(file);
	// Only a state that says the last build finished keeps its generation; a damaged one proves nothing.
	const finished = typeof previous === 'object' && !previous.running ? previous : undefined;
	if (previous !== undefined && !finished) log('The last build did not finish, so every page is rendered again rather than copied from the incremental cache.');
	const generation = finished?.generation ?? randomBytes(8).toString('hex');
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, JSON.stringify({ generation, running: true } satisfies State));
	return { id: generation, continued: finished !== undefined, finish: () => writeFileAtomic(file, JSON.stringify({ generation, running: false } satisfies State)) };
}

/** The state the last build left, undefined before the first build. */
async function readState(file: string): Promise<State | 'damaged' | undefined> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch {
		return undefined;
	}
	try {
		const state = JSON.parse(text) as Partial<State>;
		return typeof state.generation === 'string' && typeof state.running === 'boolean' ? (state as State) : 'damaged';
	} catch {
		return 'damaged';
	}
}
