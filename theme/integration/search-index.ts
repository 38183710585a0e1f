import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { glob } from 'tinyglobby';
import { mapWithConcurrency } from '../utils/concurrency.ts';
import { SEARCH_BUNDLE_DIR } from '../utils/search.ts';
import { userError } from './errors.ts';
import { readSearchCache, searchIndexKey, writeSearchCache, type IndexFile } from './search-cache.ts';
import { findSearchablePages, readSearchablePage, type SearchablePage } from './search-pages.ts';

// Pagefind's service options; they are part of the cache key.
const PAGEFIND_OPTIONS: pagefind.PagefindServiceConfig = { keepIndexUrl: false, writePlayground: false };
// Pagefind's ready-made interfaces (default, modular and component UI, highlighting); the search page
// uses the search API only, so these ~400 KB are left out of the site.
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.|^playground\//;
// Pages sent to Pagefind's service at a time: it parses them in parallel while the next ones are read.
const PAGES_IN_FLIGHT = 16;

interface SearchIndexContext {
	outDir: URL;
	cacheDir: URL;
	base: string;
	logger: AstroIntegrationLogger;
}

/**
 * Writes the search index of the built site into `pagefind/` in the output folder. The index depends
 * only on the searchable pages, Pagefind's version and its options (search-cache.ts): when none of them
 * changed since the last build, the cached index is copied instead of running Pagefind again.
 */
export async function writeSearchIndex({ outDir, cacheDir, base, logger }: SearchIndexContext): Promise<void> {
	const started = performance.now();
	const dist = fileURLToPath(outDir);
	const pages = await findSearchablePages(dist, base);
	const version = pagefindVersion();
	// Without Pagefind's version, a cached index could be one an older Pagefind wrote: never reuse it then.
	const key = version && searchIndexKey(pages, version, PAGEFIND_OPTIONS);
	const cacheFile = fileURLToPath(new URL('carnet/search-index.bin', cacheDir));
	const cached = key ? await readSearchCache(cacheFile, key) : { reason: "Pagefind's version is unknown" };
	const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
	const count = `${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`;
	if ('files' in cached) {
		await writeBundle(dist, cached.files);
		logger.info(`Search index of ${count} reused from the cache in ${seconds()} s.`);
		return;
	}
	logger.debug(`Building the search index: ${cached.reason}.`);
	const files = await runPagefind(dist, pages);
	if (key) await writeSearchCache(cacheFile, key, files);
	logger.info(`Indexed ${count} for search in ${seconds()} s.`);
}

/**
 * Runs Pagefind over `pages` and writes its output into the bundle folder: written by Pagefind itself
 * rather than passed back through its service, which would hold the whole index in memory twice.
 * Returns the files kept, for the cache.
 */
async function runPagefind(dist: string, pages: readonly SearchablePage[]): Promise<IndexFile[]> {
	const bundle = path.join(dist, SEARCH_BUNDLE_DIR);
	try {
		const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
		if (!index) throw new Error(errors.join('\n'));
		// Pages are read a few at a time but added in order, one after the other: the index Pagefind writes
		// depends on the order it receives pages in, and a build must give the same bytes every time.
		for (let start = 0; start < pages.length; start += PAGES_IN_FLIGHT) {
			const batch = pages.slice(start, start + PAGES_IN_FLIGHT);
			const contents = await Promise.all(batch.map((page) => readSearchablePage(dist, page)));
			for (const [offset, page] of batch.entries()) {
				const added = await index.addHTMLFile({ url: page.url, content: contents[offset] as string });
				if (added.errors.length > 0) throw new Error(`${page.file}: ${added.errors.join('\n')}`);
			}
		}
		const written = await index.writeFiles({ outputPath: bundle });
		if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
	} catch (error) {
		const binary = `@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
		throw userError(
			`astro-theme-carnet could not build the search index: Pagefind failed with "${error instanceof Error ? error.message : String(error)}" (its own messages, if any, are printed above).`,
			`Pagefind runs a binary from the npm package ${binary}, an optional dependency of pagefind: check that it is installed (npm skips it when optional dependencies are turned off) and runs on this machine. Or build without search: carnet({ search: false }).`,
		);
	} finally {
		await pagefind.close();
	}
	const files: IndexFile[] = [];
	for (const file of (await glob('**', { cwd: bundle })).sort()) {
		if (UNUSED_FILES.test(file)) await rm(path.join(bundle, file));
		else files.push({ path: file, content: await readFile(path.join(bundle, file)) });
	}
	return files;
}

async function writeBundle(dist: string, files: readonly IndexFile[]): Promise<void> {
	const bundle = path.join(dist, SEARCH_BUNDLE_DIR);
	await mapWithConcurrency(files, PAGES_IN_FLIGHT, async (file) => {
		const target = path.join(bundle, file.path);
		await mkdir(path.dirname(target), { recursive: true });
		await writeFile(target, file.content);
	});
}

/** The installed Pagefind's version. Its package exports no `package.json`, so this finds the folder as Node would. */
function pagefindVersion(): string | undefined {
	const require = createRequire(import.meta.url);
	for (const folder of require.resolve.paths('pagefind') ?? []) {
		const manifest = path.join(folder, 'pagefind', 'package.json');
		if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
	}
	return undefined;
}
