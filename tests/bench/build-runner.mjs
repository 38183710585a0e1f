// Runs in a child process of bench.mjs: one Astro build, as `astro build` would run it, then the
// process's peak resident memory and CPU time as the last line, which the parent reads.
// Usage: node build-runner.mjs <root>
import { build } from 'astro';

const [root] = process.argv.slice(2);
try {
	await build({ root, logLevel: 'info' });
} catch (error) {
	console.error(`BUILD FAILED: ${error?.name ?? 'Error'}: ${error?.message ?? error}`);
	if (error?.hint) console.error(`Hint: ${error.hint}`);
	process.exitCode = 1;
}
// maxRSS is in kibibytes on Linux and macOS; CPU times in microseconds, on every thread of the process.
const usage = process.resourceUsage();
console.log(JSON.stringify({ benchPeakRssKiB: usage.maxRSS, benchCpuMicros: usage.userCPUTime + usage.systemCPUTime }));
