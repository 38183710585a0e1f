import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { describe, expect, test, vi } from 'vitest';
import { vitePluginContentStore } from '../../theme/integration/vite-plugin-content-store.ts';
import { parseJsonArray, readContentStore } from '../../theme/runtime/content-store.ts';

// A store as Astro writes it (devalue's flat form).
const STORE = JSON.stringify([['Map', 1], ['posts', 2], ['Map', 3], ['hello', 4], { id: 5, body: 6 }, 'hello', 'Bonjour « le monde » 🌍']);

function cacheDirWith(store?: string): URL {
	const dir = mkdtempSync(path.join(tmpdir(), 'carnet-store-'));
	if (store !== undefined) writeFileSync(path.join(dir, 'data-store.json'), store);
	return pathToFileURL(`${dir}/`);
}

type Loaded = { code: string; meta: Record<string, unknown> } | undefined;

function load(config: Partial<AstroConfig>): Loaded {
	const astroConfig = { output: 'static', adapter: undefined, experimental: {}, ...config } as AstroConfig;
	const plugin = vitePluginContentStore(() => astroConfig) as { enforce?: string; load: { order?: string; handler: (id: string) => Loaded } };
	expect(plugin.enforce).toBe('pre');
	expect(plugin.load.order).toBe('pre');
	return plugin.load.handler('\0astro:data-layer-content');
}

describe('the content store module of a static build', () => {
	test('reads the store file when pages render, and records the hash of the file the build saw', () => {
		const cacheDir = cacheDirWith(STORE);
		const result = load({ cacheDir });
		expect(result?.code).toContain('readContentStore(');
		expect(result?.code).toContain(JSON.stringify(path.join(cacheDir.pathname, 'data-store.json')));
		expect(result?.code).toContain(createHash('sha256').update(STORE).digest('hex'));
		expect(result?.code).not.toContain('Bonjour');
	});

	test('is marked as content data, as Astro marks its own module for incremental builds', () => {
		expect(load({ cacheDir: cacheDirWith(STORE) })?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
	});

	test('is left to Astro when no store was written', () => {
		expect(load({ cacheDir: cacheDirWith() })).toBeUndefined();
	});

	test('is left to Astro for a site with an adapter or server output, whose server needs it', () => {
		const cacheDir = cacheDirWith(STORE);
		expect(load({ cacheDir, output: 'server' })).toBeUndefined();
		expect(load({ cacheDir, adapter: { name: '@astrojs/node' } as AstroConfig['adapter'] })).toBeUndefined();
	});

	test('is left to Astro when the store is written in chunks', () => {
		const cacheDir = cacheDirWith(STORE);
		expect(load({ cacheDir, experimental: { collectionStorage: 'chunked' } as AstroConfig['experimental'] })).toBeUndefined();
		expect(load({ cacheDir, experimental: { collectionStorage: { type: 'chunked', chunkSize: 1024 } } as AstroConfig['experimental'] })).toBeUndefined();
		expect(load({ cacheDir, experimental: { collectionStorage: 'single-file' } as AstroConfig['experimental'] })?.code).toContain('readContentStore(');
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

	test('fails every page asking for a collection when the file is not JSON, rather than giving no posts', () => {
		const broken = STORE.slice(0, -3);
		const store = readContentStore(file(broken), createHash('sha256').update(broken).digest('hex')) as Map<string, unknown>;
		expect(() => store.get('posts')).toThrow(/data-store\.json cannot be used for this build's pages: it is not valid JSON \(/);
	});
});

describe('parseJsonArray()', () => {
	const parsed = (text: string) => parseJsonArray(Buffer.from(text, 'utf8'));
	const failure = (parse: () => unknown) => {
		try {
			parse();
		} catch (error) {
			return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		}
		return 'no error';
	};

	// Values longer than a batch (512 KiB), so that the array is split, with what a split must not cut:
	// commas, brackets and braces inside strings, escaped quotes, backslashes before a closing quote,
	// nested arrays and objects, characters of two, three and four bytes.
	const tricky = [
		'a, b], [c} {d',
		'quote \\" inside, ]',
		'ends with a backslash \\',
		{ nested: [1, { deeper: ['x,y', '}'] }], 'key, with ]': 'é' },
		'« Bonjour » — 漢字 🌍',
		['Map', 1, 2],
	];
	const long = (index: number) => ({ text: `${'Lorem, ipsum ] } dolor ’ 🌍 \\ " '.repeat(40_000)}${index}`, index });
	const large = [...tricky, long(1), ...tricky, long(2), 3, null, true, -1.5e-7, long(3), ...tricky];

	test('gives what JSON.parse gives for an array split into batches', () => {
		const text = JSON.stringify(large);
		expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
		expect(parsed(text)).toEqual(JSON.parse(text));
		expect(parsed(`\n ${text} \n`)).toEqual(JSON.parse(text));
	});

	test('never holds the whole text of a large array as one string', () => {
		const text = JSON.stringify(large);
		const parse = vi.spyOn(JSON, 'parse');
		try {
			parsed(text);
			const lengths = parse.mock.calls.map(([source]) => String(source).length);
			expect(lengths.length).toBeGreaterThan(2);
			expect(Math.max(...lengths)).toBeLessThan(text.length / 2);
		} finally {
			parse.mockRestore();
		}
	});

	test('gives what JSON.parse gives for small arrays and for JSON that is not an array', () => {
		for (const text of ['[]', ' [ ] ', JSON.stringify(tricky), '{"a":[1,2]}', '"text"', '12', 'null']) {
			expect(parsed(text)).toEqual(JSON.parse(text));
		}
	});

	test('fails as JSON.parse fails on text that is not JSON', () => {
		const text = JSON.stringify(large);
		for (const broken of ['[1,]', '[1', '[1] 2', '[1,2]]', '[1}', '[1,{"a":[2]}}', '["a\\\\"]x"]', text.slice(0, -2), text.replace('"index":2}', '"index":2'), `${text},`]) {
			expect(failure(() => parsed(broken))).toBe(failure(() => JSON.parse(broken)));
			expect(failure(() => parsed(broken))).toMatch(/^SyntaxError: /);
		}
	});
});

