// One measured build: a child process (so that each build starts cold in memory and its peak RSS is
// its own), its wall time seen from outside, and its log read for image work and phase times.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./build-runner.mjs', import.meta.url));
const PEAK_RSS_LINE = /^\{"benchPeakRssKiB":(\d+),"benchCpuMicros":(\d+)\}$/;
// Astro logs each image variant it writes: "▶ /_astro/x.webp (before: 47kB, after: 16kB)" when it encodes
// one, "(reused cache entry)" when node_modules/.astro/assets already has it.
const IMAGE_LINE = /▶ \S+ \((before: |reused cache entry|revalidated cache entry)/;
// Phases as the log brackets them: [name, first line, line that ends it].
const PHASES = [
	['contentSync', /\[content\] Syncing content/, /\[content\] Synced content/],
	['bundle', /Building static entrypoints/, / generating static routes /],
	['pages', / generating static routes /, /✓ Completed in/],
	['images', / generating optimized images /, /✓ Completed in/],
];

/**
 * Builds the site at `root` with `node` (Node 22 or later) and writes its log, each line prefixed with
 * the seconds elapsed since the build started, to `logFile`; `heapMiB` caps V8's old space.
 */
export async function runBuild(root, logFile, { heapMiB } = {}) {
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
	// npm or a test runner may set NODE_ENV, which would turn the build into a development one.
	delete env.NODE_ENV;
	const started = performance.now();
	const child = spawn(process.execPath, [...(heapMiB ? [`--max-old-space-size=${heapMiB}`] : []), RUNNER, root], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const lines = [];
	// Lines are timed as they arrive: Astro's own timestamps only have whole seconds.
	const collect = (stream) => createInterface({ input: stream }).on('line', (text) => lines.push({ at: (performance.now() - started) / 1000, text }));
	collect(child.stdout);
	collect(child.stderr);
	const rss = sampleRss(child.pid, started);
	const exitCode = await new Promise((resolve) => child.on('close', resolve));
	const wallSeconds = (performance.now() - started) / 1000;
	rss.stop();
	writeFileSync(logFile, lines.map(({ at, text }) => `${at.toFixed(3).padStart(9)}  ${text}`).join('\n') + '\n');

	const peak = lines.map(({ text }) => PEAK_RSS_LINE.exec(text)).find(Boolean);
	const images = { encoded: 0, reused: 0, revalidated: 0 };
	for (const { text } of lines) {
		const kind = IMAGE_LINE.exec(text)?.[1];
		if (kind === 'before: ') images.encoded++;
		else if (kind === 'reused cache entry') images.reused++;
		else if (kind) images.revalidated++;
	}
	return {
		ok: exitCode === 0,
		wallSeconds: round(wallSeconds),
		peakRssMiB: peak ? round(Number(peak[1]) / 1024) : undefined,
		// CPU time of the build on all its threads: steadier than wall time when other work shares the machine.
		cpuSeconds: peak ? round(Number(peak[2]) / 1e6) : undefined,
		imagesEncoded: images.encoded,
		imagesReused: images.reused,
		imagesRevalidated: images.revalidated,
		...phaseMeasures(lines, wallSeconds, rss.samples),
		// Enough of the log to see why a build failed without opening the file.
		logTail: exitCode === 0 ? [] : lines.slice(-15).map(({ text }) => text),
	};
}

/**
 * Seconds spent in each phase (`other` is the rest: start-up, type generation, hooks, exit), and the
 * highest resident memory sampled during each, to tell which phase sets the peak.
 */
function phaseMeasures(lines, wallSeconds, samples) {
	const phases = {};
	const phasePeakRssMiB = {};
	for (const [name, startPattern, endPattern] of PHASES) {
		const start = lines.findIndex(({ text }) => startPattern.test(text));
		if (start === -1) continue;
		const end = lines.findIndex(({ text }, index) => index > start && endPattern.test(text));
		const [from, to] = [lines[start].at, lines[end]?.at ?? wallSeconds];
		phases[name] = round(to - from);
		const during = samples.filter(({ at }) => at >= from && at <= to).map(({ kib }) => kib);
		if (during.length) phasePeakRssMiB[name] = round(Math.max(...during) / 1024);
	}
	phases.other = round(wallSeconds - Object.values(phases).reduce((sum, seconds) => sum + seconds, 0));
	return { phases, phasePeakRssMiB };
}

// Linux only: elsewhere there are no samples and only the overall peak is reported.
export function sampleRss(pid, started) {
	const samples = [];
	const timer = setInterval(() => {
		try {
			const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
			if (kib) samples.push({ at: (performance.now() - started) / 1000, kib });
		} catch {
			clearInterval(timer);
		}
	}, 200);
	return { samples, stop: () => clearInterval(timer) };
}

const round = (value) => Math.round(value * 10) / 10;
