// The rounds of a benchmark: Carnet's cold and warm builds, and with `--compare hugo` hugo-min's, one
// after the other in each round so that both see the same machine, then the median of each.
import path from 'node:path';
import { clearHugoState, hugoVersion, runHugo, writeHugoSite } from './hugo.mjs';

/**
 * Runs `options.rounds` rounds of: Carnet cold, Hugo cold, Carnet warm, Hugo warm (Hugo only with
 * `--compare hugo` and hugo installed). Returns the run of median wall time of each kind.
 */
export async function compareRounds({ root, corpusDir, options, log, carnetBuild }) {
	let hugo;
	if (options.compare === 'hugo') {
		const version = hugoVersion();
		if (version) hugo = { version, root: path.join(path.dirname(root), `hugo-${path.basename(root)}`) };
		else log('--compare hugo: `hugo` is not installed (apt-get install -y hugo), so only Carnet is measured.');
	}
	if (hugo) writeHugoSite(hugo.root, corpusDir, options);
	const runs = { carnetCold: [], carnetWarm: [], hugoCold: [], hugoWarm: [] };
	for (let round = 1; round <= options.rounds; round++) {
		if (options.rounds > 1) log(`round ${round} of ${options.rounds}`);
		runs.carnetCold.push(await carnetBuild('cold'));
		if (hugo) {
			clearHugoState(hugo.root);
			runs.hugoCold.push(await hugoBuild(hugo, options, 'cold', log));
		}
		runs.carnetWarm.push(await carnetBuild('warm'));
		if (hugo) runs.hugoWarm.push(await hugoBuild(hugo, options, 'warm', log));
	}
	return {
		count: options.rounds,
		carnet: { cold: median(runs.carnetCold), warm: median(runs.carnetWarm) },
		...(hugo ? { hugo: { version: hugo.version, cold: median(runs.hugoCold), warm: median(runs.hugoWarm) } } : {}),
	};
}

async function hugoBuild(hugo, options, kind, log) {
	log(`hugo ${kind} build`);
	const result = await runHugo(hugo.root, options);
	if (!result.ok) throw new Error(`The hugo-min ${kind} build failed:\n${result.errors}`);
	return result;
}

/** Hugo's medians and Carnet's time as a multiple of Hugo's, as the report and the JSON give them. */
export function hugoSummary({ carnet, hugo }) {
	const ratio = (a, b) => Math.round((a / b) * 100) / 100;
	return {
		version: hugo.version,
		cold: { wallSeconds: hugo.cold.wallSeconds, peakRssMiB: hugo.cold.peakRssMiB },
		warm: { wallSeconds: hugo.warm.wallSeconds, peakRssMiB: hugo.warm.peakRssMiB },
		carnetOverHugo: { cold: ratio(carnet.cold.wallSeconds, hugo.cold.wallSeconds), warm: ratio(carnet.warm.wallSeconds, hugo.warm.wallSeconds) },
	};
}

/** The run of median wall time (the lower middle one for an even count). */
function median(runs) {
	const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
	return sorted[Math.floor((sorted.length - 1) / 2)];
}
