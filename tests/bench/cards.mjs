// `npm run bench:cards`: what social cards cost. Runs the benchmark with cards off and on, interleaved,
// `--rounds` times (the machine may be shared: interleaving spreads other load over both), and prints
// each run with the load average before it, then the medians and the difference.
// Usage: npm run bench:cards -- [--posts 1000] [--images none] [--rounds 2]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' }, images: { type: 'string', default: 'none' }, rounds: { type: 'string', default: '2' } } });
const bench = fileURLToPath(new URL('./bench.mjs', import.meta.url));
const runs = { off: [], on: [] };

for (let round = 1; round <= Number(values.rounds); round++) {
	for (const cards of ['off', 'on']) {
		const load = loadavg().map((value) => value.toFixed(1)).join(' ');
		const output = execFileSync(process.execPath, [bench, '--posts', values.posts, '--images', values.images, '--cards', cards, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
		const result = JSON.parse(output.trim().split('\n').at(-1));
		runs[cards].push(result);
		console.log(`round ${round}, cards ${cards}: cold ${result.cold.wallSeconds} s, warm ${result.warm.wallSeconds} s (load before: ${load})`);
	}
}

const median = (numbers) => {
	const sorted = numbers.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
for (const kind of ['cold', 'warm']) {
	const [off, on] = ['off', 'on'].map((cards) => median(runs[cards].map((result) => result[kind].wallSeconds)));
	console.log(`${kind}: ${off.toFixed(1)} s without cards, ${on.toFixed(1)} s with, ${(on - off).toFixed(1)} s (${(((on - off) / off) * 100).toFixed(0)}%) more`);
}
