// Astro's content store as a static build's pages read it: integration/vite-plugin-content-store.ts makes
// the `astro:data-layer-content` module call readContentStore() instead of holding the store as a string.
// Astro imports that module once, when the first page asks for a collection.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The store in `file` as Astro's module gives it, once its bytes are checked against those the build
 * bundled. A store that cannot be used is not thrown: Astro reads a module that fails as an empty store,
 * which would publish the site without its posts. It is given as a store whose every read fails instead.
 */
export function readContentStore(file: string, hash: string): unknown {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		return new UnusableStore(storeError(file, `it could not be read (${messageOf(error)})`));
	}
	if (createHash('sha256').update(bytes).digest('hex') !== hash) {
		return new UnusableStore(storeError(file, 'it changed after this build read it, so another build or `astro sync` of the same site ran meanwhile'));
	}
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch (error) {
		return new UnusableStore(storeError(file, `it is not valid JSON (${messageOf(error)})`));
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A map of collections (the shape Astro's ImmutableDataStore keeps) that fails each page asking for one. */
class UnusableStore extends Map<string, never> {
	readonly #error: Error;
	constructor(error: Error) {
		super();
		this.#error = error;
	}
	override has(): boolean {
		throw this.#error;
	}
	override get(): never {
		throw this.#error;
	}
}

function storeError(file: string, problem: string): Error {
	return new Error(
		`Astro's content store in ${file} cannot be used for this build's pages: ${problem}. Build the site again, one build at a time.`,
	);
}
