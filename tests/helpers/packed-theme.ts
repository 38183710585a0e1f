import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHILD_NODE_FLAGS, astroEnv, openSite, repoRoot, stripAnsi, type BuiltSite } from './sites.ts';

// A site owner's path, from the packed theme: a new site outside this repository's workspace, installed
// and built as a site owner does, where workspace tests would not notice a wrong `exports` map or a file
// missing from the package.
const run = promisify(execFile);
const maxBuffer = 64 * 1024 * 1024;

/** Packs the theme into `dir` with `npm pack`, as npm would publish it; resolves to the tarball's path. */
export async function packTheme(dir: string): Promise<string> {
	mkdirSync(dir, { recursive: true });
	await run('npm', ['pack', '--workspace', 'astro-theme-carnet', '--pack-destination', dir], { cwd: repoRoot });
	return path.join(dir, readdirSync(dir).find((file) => file.endsWith('.tgz')) as string);
}

/** The code blocks of the README's "Use it in your Astro site" section, by the file each one is for. */
export function readmeSnippets(): Record<string, string> {
	const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
	const section = readme.split(/^## /m).find((part) => part.startsWith('Use it in your Astro site'));
	if (!section) throw new Error('README.md has no "Use it in your Astro site" section');
	const files: Record<string, string> = {};
	const block = /((?:[^\n]*\n){0,3}?)```(\w+)\n([\s\S]*?)```/g;
	for (const [, before = '', language, code = ''] of section.matchAll(block)) {
		if (language === 'sh') continue;
		// A block names its file in a first-line comment, or the sentence before it does (a post).
		const named = /^\/\/ (\S+)\n/.exec(code)?.[1] ?? [...before.matchAll(/`([\w./-]+\.\w+)`/g)].at(-1)?.[1];
		if (!named) throw new Error(`README block without a file name:\n${code}`);
		files[named] = code;
	}
	return files;
}

/** The Astro version this repository installs, which the theme is developed against. */
export function pinnedAstroVersion(): string {
	return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/astro/package.json'), 'utf8')).version as string;
}

/**
 * Writes a new site at `root`, named after its folder, with `dependencies` in its package.json and
 * `files` (paths relative to `root`), then runs `npm install` in it.
 */
export async function installSite(root: string, dependencies: Record<string, string>, files: Record<string, string>): Promise<void> {
	const manifest = { name: path.basename(root), private: true, type: 'module', dependencies };
	const all = { 'package.json': JSON.stringify(manifest, null, 2), ...files };
	for (const [file, contents] of Object.entries(all)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), contents);
	}
	try {
		await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: root, maxBuffer });
	} catch (error) {
		// The cache's list of a package's versions may predate one a new release needs (Astro 7.4.13 and
		// neotraverse 1.0.2, published the same day): asked again of the registry.
		if (!/ETARGET/.test(String((error as { stderr?: unknown }).stderr ?? error))) throw error;
		await run('npm', ['install', '--prefer-online', '--no-audit', '--no-fund'], { cwd: root, maxBuffer });
	}
}

/**
 * Runs `astro build` on the installed site at `root` with the Node binary `node` (this process's by
 * default), with the site's node_modules/.bin first on the PATH, as `npm run build` has it.
 */
export async function buildInstalledSite(root: string, node = process.execPath): Promise<BuiltSite> {
	const env = astroEnv({ PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}` });
	const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
	let ok = true;
	let log: string;
	try {
		const result = await run(node, [...CHILD_NODE_FLAGS, astro, 'build'], { cwd: root, env, maxBuffer });
		log = result.stdout + result.stderr;
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		ok = false;
		log = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
	}
	return openSite(path.join(root, 'dist'), ok, stripAnsi(log));
}
