import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

// Astro's content store as its build bundles it (vite-plugin-content-virtual-mod.js in astro/dist/content):
// Astro's own load reads data-store.json from the cache folder, parses it to check it, and writes the
// whole store into the module as one string.
const STORE_MODULE = /^\0astro:data-layer-content$/;
const STORE_FILE = 'data-store.json';
/** The module that reads the store when the first page asks for a collection (runtime/content-store.ts). */
const READER_MODULE = fileURLToPath(new URL('../runtime/content-store.ts', import.meta.url));
/** What Astro's load marks the module with, which its incremental builds read (core/build/incremental-metadata.js). */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/**
 * Has a static build read Astro's content store from its file when pages render, rather than bundle it
 * as a string: with every post's `body` in the store (as Astro's glob() keeps it), Astro's load reads,
 * parses and re-escapes tens of megabytes, which the bundler then carries, and which the page-rendering
 * process holds as module source besides the store it parses from it. This plugin loads the module before
 * Astro does, from the same file: the module records the file's hash, and the page that reads the store
 * checks it, so a store that another build rewrote in between fails the build rather than rendering other
 * content. A site with an adapter or on-demand pages keeps Astro's module, which its server needs, as does a
 * store written in chunks (experimental.collectionStorage) or one not written at all.
 */
export function vitePluginContentStore(finalConfig: () => AstroConfig): VitePlugin {
	return {
		name: 'astro-theme-carnet:content-store',
		apply: 'build',
		enforce: 'pre',
		load: {
			// Astro's plugin is enforce: 'pre' too, and registered first: only the hook's own order puts this
			// load before Astro's, whose result would otherwise be the one kept.
			order: 'pre',
			filter: { id: STORE_MODULE },
			handler() {
				const astroConfig = finalConfig();
				if (astroConfig.output === 'server' || astroConfig.adapter !== undefined) return undefined;
				const storage = astroConfig.experimental.collectionStorage;
				if (storage !== undefined && storage !== 'single-file') return undefined;
				const storeFile = fileURLToPath(new URL(STORE_FILE, astroConfig.cacheDir));
				const hash = hashOfFile(storeFile);
				if (hash === undefined) return undefined;
				return {
					code: `import { readContentStore } from ${JSON.stringify(READER_MODULE)};\nexport default readContentStore(${JSON.stringify(storeFile)}, ${JSON.stringify(hash)});`,
					map: { mappings: '' },
					meta: CONTENT_DATA_META,
				};
			},
		},
	};
}

/**
 * The SHA-256 of `file`, read a mebibyte at a time, or undefined if it cannot be read. Read whole, the store
 * (77 MB at 10,000 posts) would stay in memory as garbage while Vite bundles, where a build's memory peaks.
 */
function hashOfFile(file: string): string | undefined {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(file, 'r');
		const hash = createHash('sha256');
		const chunk = Buffer.allocUnsafe(1024 * 1024);
		for (let read = readSync(descriptor, chunk); read > 0; read = readSync(descriptor, chunk)) hash.update(chunk.subarray(0, read));
		return hash.digest('hex');
	} catch {
		return undefined;
	} finally {
		if (descriptor !== undefined) closeSync(descriptor);
	}
}
