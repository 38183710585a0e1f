import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { copyCachedPages, listOutputFiles } from '../../theme/integration/cached-pages.ts';

/** A manifest as Astro writes it (astro/dist/core/build/incremental.js): tab-indented JSON. */
function manifest(paths: Record<string, { outputFile: string; headers?: [string, string][] }>, version = 1): string {
	return JSON.stringify({ version, configHash: 'c', lockfileHash: 'l', keyDigest: 'k', routes: { 'src/pages/[...slug].astro': { dependencyHash: 'd', paths } } }, null, '\t');
}

const folders: string[] = [];
function folder(): string {
	const made = mkdtempSync(path.join(tmpdir(), 'carnet-cached-pages-'));
	folders.push(made);
	return made;
}
afterAll(() => {
	for (const made of folders) rmSync(made, { recursive: true, force: true });
});

function write(file: string, text: string, secondsAgo?: number): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	if (secondsAgo !== undefined) {
		const time = Date.now() / 1000 - secondsAgo;
		utimesSync(file, time, time);
	}
}

describe("the incremental build's manifest", () => {
	test('lists the output files it records, and none that a header value or a path only mentions', async () => {
		const file = path.join(folder(), 'incremental-build.json');
		write(
			file,
			manifest({
				'/a': { outputFile: 'a/index.html', headers: [['x-note', '"outputFile": "../../etc/passwd"']] },
				'/"outputFile": "b"': { outputFile: 'quote%22d/index.html' },
				'/café': { outputFile: 'caf%C3%A9/index.html' },
				'/back\\slash': { outputFile: 'back\\slash/index.html' },
			}),
		);
		expect(await listOutputFiles(file)).toEqual(new Set(['a/index.html', 'quote%22d/index.html', 'caf%C3%A9/index.html', 'back\\slash/index.html']));
	});

	test('lists every output file when read in chunks that cut keys, values and characters anywhere', async () => {
		const file = path.join(folder(), 'incremental-build.json');
		const paths: Record<string, { outputFile: string; headers: [string, string][] }> = {};
		for (let index = 0; index < 400; index++) {
			paths[`/posts/été-${index}`] = { outputFile: `posts/%C3%A9t%C3%A9-${index}/index.html`, headers: [['x-padding', `«${'é'.repeat(index % 7)}» "quoted" \\ ${index}`]] };
		}
		write(file, manifest(paths));
		const expected = new Set(Object.values(paths).map((entry) => entry.outputFile));
		// Chunks shorter than a key, as long as one, and of odd lengths, so that every kind of cut happens.
		for (const chunkBytes of [7, 12, 13, 29, 64, 1000, 4 * 1024 * 1024]) expect(await listOutputFiles(file, chunkBytes)).toEqual(expected);
	});

	test('of another version than Carnet knows, or missing, lists nothing', async () => {
		const dir = folder();
		write(path.join(dir, 'v2.json'), manifest({ '/a': { outputFile: 'a/index.html' } }, 2));
		expect(await listOutputFiles(path.join(dir, 'v2.json'))).toBeUndefined();
		expect(await listOutputFiles(path.join(dir, 'missing.json'))).toBeUndefined();
	});
});

describe('copying cached pages ahead of Astro', () => {
	test('copies the pages the last build cached into outDir, except recent ones, those public/ has, and those outside, then removes the copies this build did not produce', async () => {
		const root = folder();
		const at = (sub: string) => path.join(root, sub);
		const config = {
			experimental: { incrementalBuild: true },
			vite: {},
			outDir: pathToFileURL(at('dist/')),
			publicDir: pathToFileURL(at('public/')),
			cacheDir: pathToFileURL(at('cache/')),
		} as unknown as AstroConfig;
		const cachedFiles = ['a/index.html', 'b/index.html', 'deleted/deep/index.html', 'caf%C3%A9/index.html', 'robots.txt', 'recent/index.html', '../outside.html'];
		write(at('cache/incremental-build.json'), manifest(Object.fromEntries(cachedFiles.map((file) => [`/${file}`, { outputFile: file }]))));
		for (const file of cachedFiles) {
			const name = decodeURIComponent(file);
			write(path.join(at('cache/dist'), name), `cached ${name}`, name.startsWith('recent') ? 1 : 3600);
		}
		write(at('public/robots.txt'), 'from public/');
		const warnings: string[] = [];
		const copies = copyCachedPages(config, true, (message) => warnings.push(message));
		expect(copies).toBeDefined();
		await copies?.place();
		expect(warnings).toEqual([]);
		expect(readFileSync(at('dist/a/index.html'), 'utf8')).toBe('cached a/index.html');
		expect(readFileSync(at('dist/café/index.html'), 'utf8')).toBe('cached café/index.html');
		// public/ wins, a page cached a second ago cannot be told from this build's, and nothing leaves outDir.
		expect(existsSync(at('dist/robots.txt'))).toBe(false);
		expect(existsSync(at('dist/recent/index.html'))).toBe(false);
		expect(existsSync(at('outside.html'))).toBe(false);
		expect(existsSync(at('dist/outside.html'))).toBe(false);
		expect(existsSync(at('cache/carnet/staged-pages'))).toBe(false);
		// A copy's time is its cached file's, to two seconds: older than anything this build writes.
		const copiedAt = statSync(at('dist/a/index.html')).mtimeMs;
		expect(copiedAt % 2000).toBe(0);
		expect(Date.now() - copiedAt).toBeGreaterThan(3000 * 1000);

		// The build: a/ skipped (kept in the manifest), b/ rendered without a key (written over), the others gone.
		write(at('dist/b/index.html'), 'rendered b');
		write(at('cache/incremental-build.json'), manifest({ '/a': { outputFile: 'a/index.html' } }));
		expect(await copies?.removeUnproduced()).toBe(2);
		expect(readFileSync(at('dist/a/index.html'), 'utf8')).toBe('cached a/index.html');
		expect(readFileSync(at('dist/b/index.html'), 'utf8')).toBe('rendered b');
		expect(existsSync(at('dist/café'))).toBe(false);
		expect(existsSync(at('dist/deleted'))).toBe(false);
		expect(existsSync(at('dist'))).toBe(true);
	});

	test('copies nothing when the last build did not finish, or outDir is kept between builds', () => {
		const base = { experimental: { incrementalBuild: true }, outDir: new URL('file:///tmp/x/dist/'), publicDir: new URL('file:///tmp/x/public/'), cacheDir: new URL('file:///tmp/x/cache/') };
		expect(copyCachedPages({ ...base, vite: {} } as unknown as AstroConfig, false, () => {})).toBeUndefined();
		expect(copyCachedPages({ ...base, vite: { build: { emptyOutDir: false } } } as unknown as AstroConfig, true, () => {})).toBeUndefined();
		expect(copyCachedPages({ ...base, experimental: {}, vite: {} } as unknown as AstroConfig, true, () => {})).toBeUndefined();
	});
});
