import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { describe, expect, test } from 'vitest';
import { vitePluginContentStore } from '../../theme/integration/vite-plugin-content-store.ts';
import { readContentStore } from '../../theme/runtime/content-store.ts';

// A store as Astro writes it (devalue's flat form) and the module its build makes of it.
const STORE = JSON.stringify([['Map', 1], ['posts', 2], ['Map', 3], ['hello', 4], { id: 5, body: 6 }, 'hello', 'Bonjour « le monde » 🌍']);
const inlined = (store: string) => `export default JSON.parse(${JSON.stringify(store)})`;

function cacheDirWith(store: string): URL {
	const dir = mkdtempSync(path.join(tmpdir(), 'carnet-store-'));
	writeFileSync(path.join(dir, 'data-store.json'), store);
	return pathToFileURL(`${dir}/`);
}

function transform(code: string, config: Partial<AstroConfig>): { code: string } | undefined {
	const plugin = vitePluginContentStore(() => ({ output: 'static', adapter: undefined, ...config }) as AstroConfig);
	const { handler } = (plugin as { transform: unknown }).transform as { handler: (code: string, id: string) => { code: string } | undefined };
	return handler(code, '\0astro:data-layer-content');
}

describe('the content store module of a static build', () => {
	test('reads the store file when pages render, when the bundled store is that file', () => {
		const cacheDir = cacheDirWith(STORE);
		const result = transform(inlined(STORE), { cacheDir });
		expect(result?.code).toContain('readContentStore(');
		expect(result?.code).toContain(JSON.stringify(path.join(cacheDir.pathname, 'data-store.json')));
		expect(result?.code).toContain(createHash('sha256').update(STORE).digest('hex'));
		expect(result?.code).not.toContain('Bonjour');
	});

	test('stays as Astro bundled it when the file holds another store', () => {
		expect(transform(inlined(STORE), { cacheDir: cacheDirWith(STORE.replace('Bonjour', 'Salut')) })).toBeUndefined();
	});

	test('stays as Astro bundled it for a site with an adapter or server output, whose server needs it', () => {
		const cacheDir = cacheDirWith(STORE);
		expect(transform(inlined(STORE), { cacheDir, output: 'server' })).toBeUndefined();
		expect(transform(inlined(STORE), { cacheDir, adapter: { name: '@astrojs/node' } as AstroConfig['adapter'] })).toBeUndefined();
	});

	test('stays as Astro bundled it when the store is written in chunks', () => {
		const cacheDir = cacheDirWith(STORE);
		expect(transform('export default{"posts":[(await import("astro:data-layer-content-chunk:a.json"))]}', { cacheDir })).toBeUndefined();
	});
});

describe('readContentStore()', () => {
	const file = (store: string) => path.join(cacheDirWith(store).pathname, 'data-store.json');
	const hash = createHash('sha256').update(STORE).digest('hex');

	test('gives the store as Astro bundled it, when the file is the one the build read', () => {
		expect(readContentStore(file(STORE), hash)).toEqual(JSON.parse(STORE));
	});

	test('fails every page asking for a collection when the file changed since, rather than giving no posts', () => {
		const store = readContentStore(file(STORE.replace('Bonjour', 'Salut')), hash) as Map<string, unknown>;
		expect(store).toBeInstanceOf(Map);
		expect(() => store.has('posts')).toThrow(/data-store\.json cannot be used for this build's pages: it changed after this build read it/);
		expect(() => store.get('posts')).toThrow(/Build the site again, one build at a time\./);
	});

	test('fails every page asking for a collection when the file is gone', () => {
		const store = readContentStore('/nonexistent/data-store.json', hash) as Map<string, unknown>;
		expect(() => store.has('posts')).toThrow(/\/nonexistent\/data-store\.json cannot be used for this build's pages: it could not be read \(ENOENT/);
	});
});
