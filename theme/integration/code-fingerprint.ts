import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { digest } from '../utils/digest.ts';

/**
 * A digest of the source files under `dirs` (relative to `root`, searched recursively; `.ts`, `.mjs` and
 * `.js` files, by path and contents). A published version's files only change when someone patches them
 * (patch-package, `pnpm patch`, a linked or git checkout of the theme), which leaves its version number as it
 * was: keying the stored bodies on the files themselves keeps such a build from reusing what the old code made.
 */
export function sourceFingerprint(root: string, dirs: readonly string[]): string {
	const parts: string[] = [];
	for (const file of dirs.flatMap((dir) => sourceFiles(path.join(root, dir))).sort()) {
		parts.push(`${path.relative(root, file).split(path.sep).join('/')}\n${digest(readFileSync(file, 'utf8'))}`);
	}
	return digest(parts.join('\n'));
}

function sourceFiles(target: string): string[] {
	let entries;
	try {
		entries = readdirSync(target, { withFileTypes: true });
	} catch {
		// A single file (loaders.ts) rather than a folder.
		return /\.(?:ts|mjs|js)$/.test(target) ? [target] : [];
	}
	return entries.flatMap((entry) => {
		if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
		const file = path.join(target, entry.name);
		if (entry.isDirectory()) return sourceFiles(file);
		return /\.(?:ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
	});
}

/**
 * The installed version of each package in `names`, as Node would find it from `fromDir` (the nearest
 * `node_modules/<name>` up the folders), or `missing`. Read from the files rather than resolved through the
 * package's `exports`, which need not list its package.json. An `npm update` can move a dependency within its
 * range while the theme's and Astro's versions stay the same.
 */
export function installedVersions(names: readonly string[], fromDir: string): Record<string, string> {
	const versions: Record<string, string> = {};
	for (const name of names) versions[name] = installedVersion(name, fromDir);
	return versions;
}

function installedVersion(name: string, fromDir: string): string {
	for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
		try {
			return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
		} catch {
			if (path.dirname(dir) === dir) return 'missing';
		}
	}
}
