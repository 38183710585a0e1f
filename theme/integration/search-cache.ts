import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../utils/atomic-file.ts';
import type { SearchablePage } from './search-pages.ts';

/** A file of Pagefind's output, by its path inside the `pagefind/` folder. */
export interface IndexFile {
	path: string;
	content: Uint8Array;
}

// Bump when what is cached or how it is laid out changes, so that older caches are never read.
const FORMAT = 'carnet-search-index 1';

interface Manifest {
	format: string;
	key: string;
	files: { path: string; size: number; sha256: string }[];
}

/**
 * What the index depends on: every indexed page (its address and the SHA-256 of its HTML), the
 * Pagefind version and the options it runs with. Any change gives another key, and the index is built again.
 */
export function searchIndexKey(pages: readonly SearchablePage[], pagefindVersion: string, options: unknown): string {
	const hash = createHash('sha256').update(`${FORMAT}\n${pagefindVersion}\n${JSON.stringify(options)}\n`);
	for (const page of pages) hash.update(`${page.url}\t${page.digest}\n`);
	return hash.digest('hex');
}

/**
 * The cached index if it was built for `key` and every file in it is whole (size and SHA-256 as
 * written); otherwise `undefined` and the reason, so that the build can say why it indexes again.
 * The cache is one file: a line of JSON naming the files, then their bytes one after the other.
 */
export async function readSearchCache(file: string, key: string): Promise<{ files: IndexFile[] } | { reason: string }> {
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch {
		return { reason: 'no cached index' };
	}
	const newline = bytes.indexOf(10);
	if (newline < 0) return { reason: 'the cached index is unreadable' };
	let manifest: Manifest;
	try {
		manifest = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Manifest;
	} catch {
		return { reason: 'the cached index is unreadable' };
	}
	if (manifest.format !== FORMAT || !Array.isArray(manifest.files)) return { reason: 'the cached index has another format' };
	if (manifest.key !== key) return { reason: 'pages, Pagefind or its options changed' };
	const files: IndexFile[] = [];
	let offset = newline + 1;
	for (const entry of manifest.files) {
		const content = bytes.subarray(offset, offset + entry.size);
		offset += entry.size;
		if (content.length !== entry.size || sha256(content) !== entry.sha256) return { reason: `the cached index is damaged (${entry.path})` };
		files.push({ path: entry.path, content });
	}
	if (offset !== bytes.length) return { reason: 'the cached index is damaged (trailing bytes)' };
	return { files };
}

/** Writes the cache for `key` atomically: a temporary file, then a rename over the previous cache. */
export async function writeSearchCache(file: string, key: string, files: readonly IndexFile[]): Promise<void> {
	const manifest: Manifest = { format: FORMAT, key, files: files.map((entry) => ({ path: entry.path, size: entry.content.length, sha256: sha256(entry.content) })) };
	await mkdir(path.dirname(file), { recursive: true });
	await writeFileAtomic(file, [Buffer.from(`${JSON.stringify(manifest)}\n`), ...files.map((entry) => entry.content)]);
}

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
