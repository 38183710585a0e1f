import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

/** A build with `experimental.incrementalBuild` in progress; `finish()` once it has written everything. */
export interface BuildGeneration {
	/** Part of every page key (utils/page-keys.ts). */
	id: string;
	finish(): void;
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
export function startBuildGeneration(astroConfig: AstroConfig, command: string, log: (message: string) => void): BuildGeneration | undefined {
	if (command !== 'build' || astroConfig.experimental?.incrementalBuild !== true) return undefined;
	const file = fileURLToPath(new URL('carnet/build-generation.json', astroConfig.cacheDir));
	const previous = readState(file);
	// A damaged state proves nothing about the last build: it counts as interrupted.
	const afterInterruptedBuild = previous === 'damaged' || previous?.running === true;
	const kept = previous !== undefined && previous !== 'damaged' && !previous.running;
	const generation = kept ? previous.generation : randomBytes(8).toString('hex');
	if (afterInterruptedBuild) log('The last build did not finish, so every page is rendered again rather than copied from the incremental cache.');
	writeState(file, { generation, running: true });
	return { id: generation, finish: () => writeState(file, { generation, running: false }) };
}

/** The state the last build left, undefined before the first build. */
function readState(file: string): State | 'damaged' | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
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

function writeState(file: string, state: State): void {
	mkdirSync(path.dirname(file), { recursive: true });
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(state));
	renameSync(temporary, file);
}
