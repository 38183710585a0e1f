// Search in the benchmark: how long indexing took in each build (or that the cache was used), how big
// the index is, and what a reader downloads for a first query on /search/, measured in Chromium
// against a server that compresses text the way static hosts do.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright-core';
import { glob } from 'tinyglobby';

/** A word of the generated corpus: a subject and a tag, so it matches many posts, as a reader's first query would. */
export const SEARCH_QUERY = 'trésorerie';
const INDEX_LINE = /\[astro-theme-carnet\] (?:Indexed (\d+) pages? for search|Search index of (\d+) pages? reused from the cache) in ([\d.]+) s\./;
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png' };
// Pagefind's index files and WebAssembly are gzip files already; a host serves them as they are.
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.svg']);
const IMAGE = /\.(webp|avif|jpe?g|png|gif|svg)$/;

/** Everything the benchmark reports about search, for a site built in `dist` whose build logs are given. */
export async function measureSearch(dist, logs) {
	const files = await glob('pagefind/**', { cwd: dist });
	if (files.length === 0) return undefined;
	const bytes = (pattern) => files.filter((file) => pattern.test(file)).reduce((sum, file) => sum + statSync(path.join(dist, file)).size, 0);
	return {
		cold: readIndexLine(logs.cold),
		warm: readIndexLine(logs.warm),
		index: {
			files: files.length,
			totalBytes: bytes(/./),
			runtimeBytes: bytes(/^pagefind\/(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/),
			fragmentBytes: bytes(/^pagefind\/fragment\//),
			wordIndexBytes: bytes(/^pagefind\/index\//),
		},
		firstQuery: await measureFirstQuery(dist, SEARCH_QUERY),
	};
}

function readIndexLine(logFile) {
	const match = INDEX_LINE.exec(readFileSync(logFile, 'utf8'));
	if (!match) return undefined;
	return { indexed: match[1] !== undefined, pages: Number(match[1] ?? match[2]), seconds: Number(match[3]) };
}

/**
 * Opens /search/?q=<query> in Chromium and waits for the results: the bytes the server sent (text
 * compressed as a host would), by kind, without the thumbnails, and the time to the results. The
 * server counts the bytes, as the browser does not report the size of a worker's script.
 */
async function measureFirstQuery(dist, query) {
	const server = await serve(dist);
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
	try {
		const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		const started = Date.now();
		await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
		await page.locator('.carnet-search__result').first().waitFor({ timeout: 300_000 });
		const resultsMs = Date.now() - started;
		await page.waitForLoadState('networkidle');
		const status = (await page.locator('.carnet-search__status').textContent()) ?? '';
		const sent = server.sent.filter(({ pathname }) => !IMAGE.test(pathname));
		const bytesByKind = {};
		for (const { pathname, bytes } of sent) bytesByKind[kindOf(pathname)] = (bytesByKind[kindOf(pathname)] ?? 0) + bytes;
		return {
			query,
			results: Number(status.replace(/[\s\u00A0\u202F]/g, '').match(/^\d+/)?.[0]),
			resultsMs,
			requests: sent.length,
			transferredBytes: sent.reduce((sum, { bytes }) => sum + bytes, 0),
			bytesByKind,
			largest: [...sent].sort((a, b) => b.bytes - a.bytes).slice(0, 4),
		};
	} finally {
		await browser.close();
		await server.close();
	}
}

function kindOf(pathname) {
	if (pathname.startsWith('/pagefind/fragment/')) return 'fragments';
	if (pathname.startsWith('/pagefind/index/') || pathname.startsWith('/pagefind/filter/')) return 'word index';
	if (/\.pf_meta$|pagefind-entry\.json$/.test(pathname)) return 'page list';
	if (pathname.startsWith('/pagefind/')) return 'pagefind runtime';
	return 'page';
}

/** A static server that gzips text as hosts do, and records the body bytes it sends for each request. */
function serve(dist) {
	const sent = [];
	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
		let file = path.join(dist, pathname);
		try {
			if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
			statSync(file);
		} catch {
			return void response.writeHead(404).end();
		}
		const extension = path.extname(file);
		const gzip = COMPRESSED.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
		response.writeHead(200, { 'Content-Type': TYPES[extension] ?? 'application/octet-stream', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
		const record = { pathname, bytes: 0 };
		sent.push(record);
		const body = gzip ? createReadStream(file).pipe(createGzip({ level: 6 })) : createReadStream(file);
		body.on('data', (chunk) => (record.bytes += chunk.length));
		body.pipe(response);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, sent, close: () => new Promise((done) => server.close(done)) })),
	);
}

/** The report's lines about search. */
export function formatSearch(search) {
	if (!search) return [];
	const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
	const build = (label, line) => (line ? `${label}: ${line.indexed ? `indexed ${line.pages} pages in ${line.seconds} s` : `index of ${line.pages} pages reused from the cache in ${line.seconds} s`}` : `${label}: no index line in the log`);
	const { index, firstQuery } = search;
	return [
		`search: ${build('cold', search.cold)}; ${build('warm', search.warm)}`,
		`search index: ${kib(index.totalBytes)} in ${index.files} files (runtime ${kib(index.runtimeBytes)}, word index ${kib(index.wordIndexBytes)}, fragments ${kib(index.fragmentBytes)})`,
		`first query "${firstQuery.query}": ${firstQuery.results} results in ${firstQuery.resultsMs} ms; ${kib(firstQuery.transferredBytes)} transferred without thumbnails in ${firstQuery.requests} requests: ${Object.entries(firstQuery.bytesByKind).map(([kind, bytes]) => `${kind} ${kib(bytes)}`).join(', ')}`,
		`  largest: ${firstQuery.largest.map(({ pathname, bytes }) => `${pathname} ${kib(bytes)}`).join(', ')}`,
	];
}
