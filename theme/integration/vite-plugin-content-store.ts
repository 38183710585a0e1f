import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

// Astro's content store as its build bundles it (vite-plugin-content-virtual-mod.js in astro/dist/content):
// the whole store, read from data-store.json in the cache folder, written into the module as one string.
const STORE_MODULE = /^\0astro:data-layer-content$/;
const INLINED_PREFIX = 'export default JSON.parse(';
const STORE_FILE = 'data-store.json';
/** The module that reads the store when the first page asks for a collection (runtime/content-store.ts). */
const READER_MODULE = fileURLToPath(new URL('../runtime/content-store.ts', import.meta.url));

/**
 * Has a static build read Astro's content store from its file when pages render, rather than bundle it
 * as a string: with every post's `body` in the store (as Astro's glob() keeps it), the string is tens of
 * megabytes, which the bundler parses, transforms and writes, and which the page-rendering process then
 * holds as module source besides the store it parses from it. The store read is the same bytes: the
 * module is rewritten only when the bundled string equals the file, and the page that reads it checks
 * the file's hash, so a store that another build rewrote in between fails the build rather than
 * rendering other content. A site with an adapter or on-demand pages keeps Astro's module, which its
 * server needs, as does a store written in chunks (experimental.collectionStorage).
 */
export function vitePluginContentStore(finalConfig: () => AstroConfig): VitePlugin {
	return {
		name: 'astro-theme-carnet:content-store',
		apply: 'build',
		transform: {
			filter: { id: STORE_MODULE },
			handler(code) {
				const astroConfig = finalConfig();
				if (astroConfig.output === 'server' || astroConfig.adapter !== undefined) return undefined;
				const storeFile = fileURLToPath(new URL(STORE_FILE, astroConfig.cacheDir));
				const stored = readStoreFile(storeFile);
				if (stored === undefined || !code.startsWith(INLINED_PREFIX) || !code.endsWith(')')) return undefined;
				if (JSON.parse(code.slice(INLINED_PREFIX.length, -1)) !== stored) return undefined;
				const hash = createHash('sha256').update(stored).digest('hex');
				return {
					code: `import { readContentStore } from ${JSON.stringify(READER_MODULE)};\nexport default readContentStore(${JSON.stringify(storeFile)}, ${JSON.stringify(hash)});`,
					map: { mappings: '' },
				};
			},
		},
	};
}

function readStoreFile(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}
