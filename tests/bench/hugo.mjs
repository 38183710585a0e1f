// Builds the benchmark's corpus with hugo-min (tests/bench/hugo-min), the cheapest real static blog there
// is, so that `npm run bench -- --compare hugo` can put Carnet's build times beside Hugo's on the same
// machine, in the same run. Hugo is Debian's `hugo` package.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleRss } from './build.mjs';
import { linkAll } from './site.mjs';

const HUGO_MIN = fileURLToPath(new URL('./hugo-min/', import.meta.url));

/** Hugo's version line, or undefined when `hugo` is not installed. */
export function hugoVersion() {
	const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Writes the hugo-min site for the corpus in `corpusDir` at `root`: layouts, config, posts and images. */
export function writeHugoSite(root, corpusDir, { images }) {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(root, { recursive: true });
	cpSync(path.join(HUGO_MIN, 'layouts'), path.join(root, 'layouts'), { recursive: true });
	cpSync(path.join(HUGO_MIN, 'config.toml'), path.join(root, 'config.toml'));
	if (images !== 'none') cpSync(path.join(HUGO_MIN, 'config-img.toml'), path.join(root, 'config-img.toml'));
	linkAll(path.join(corpusDir, 'posts'), path.join(root, 'content', 'post'));
	linkAll(path.join(corpusDir, 'images'), path.join(root, 'static', 'images'));
	writeFileSync(path.join(root, 'content', '_index.md'), '---\ntitle: Derniers articles\n---\n');
}

/** Removes what a warm Hugo build reuses: its output and its processed images. */
export function clearHugoState(root) {
	for (const dir of ['public', 'resources']) rmSync(path.join(root, dir), { recursive: true, force: true });
}

/** One measured `hugo` build of the site at `root`: wall time and peak resident memory. */
export async function runHugo(root, { images }) {
	const config = images === 'none' ? 'config.toml' : 'config.toml,config-img.toml';
	const started = performance.now();
	const child = spawn('hugo', ['--quiet', '--config', config], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
	let errors = '';
	child.stderr.on('data', (chunk) => (errors += chunk));
	const rss = sampleRss(child.pid, started);
	const code = await new Promise((resolve) => child.on('close', resolve));
	const wallSeconds = (performance.now() - started) / 1000;
	rss.stop();
	const peak = Math.max(0, ...rss.samples.map(({ kib }) => kib));
	return { ok: code === 0, wallSeconds: Math.round(wallSeconds * 10) / 10, peakRssMiB: Math.round(peak / 102.4) / 10, errors: errors.trim() };
}
