// The benchmark's result as a person reads it in a terminal; --json prints the object itself.
import { formatSearch } from './search.mjs';

const PHASES = [
	['contentSync', 'content sync'],
	['bundle', 'bundle'],
	['pages', 'page rendering'],
	['images', 'image generation'],
	['other', 'other'],
];

/** A plain-text report of a result from bench.mjs. */
export function formatReport(result) {
	const { cold, warm, corpus } = result;
	const corpusNote = corpus.reused ? 'reused from cache' : `generated in ${corpus.seconds} s`;
	const builds = [
		['', 'cold', 'warm'],
		['wall time (s)', cold.wallSeconds, warm.wallSeconds],
		['peak RSS (MiB)', cold.peakRssMiB, warm.peakRssMiB],
		['CPU time (s)', cold.cpuSeconds, warm.cpuSeconds],
		['pages', cold.pages, warm.pages],
		['image variants encoded', cold.imagesEncoded, warm.imagesEncoded],
		['image variants reused', cold.imagesReused, warm.imagesReused],
		...(cold.imagesRevalidated || warm.imagesRevalidated ? [['image variants revalidated', cold.imagesRevalidated, warm.imagesRevalidated]] : []),
		['phases (s, peak RSS MiB)', '', ''],
		...PHASES.map(([key, label]) => [`  ${label}`, phase(cold, key), phase(warm, key)]),
	];
	const perPage = [['bytes per page', 'median', 'max'], ...['html', 'js', 'css', 'images'].map((kind) => [kind, number(result.perPage[kind].median), number(result.perPage[kind].max)])];
	const routes = [['route', 'pages', 'heaviest page (bytes)'], ...Object.entries(result.byRoute).map(([route, { pages, maxBytes }]) => [route, pages, number(maxBytes)])];
	const { dist, hugo } = result;
	const rounds = result.rounds > 1 ? ` (medians of ${result.rounds} interleaved rounds)` : '';
	const versus = hugo
		? [
				'',
				table([
					['', 'cold', 'warm'],
					['hugo-min wall time (s)', hugo.cold.wallSeconds, hugo.warm.wallSeconds],
					['hugo-min peak RSS (MiB)', hugo.cold.peakRssMiB, hugo.warm.peakRssMiB],
					['Carnet ÷ hugo-min', `${hugo.carnetOverHugo.cold}×`, `${hugo.carnetOverHugo.warm}×`],
				]),
				hugo.version,
			]
		: [];
	return [
		`Carnet benchmark: ${result.posts} posts, images ${result.images} (${corpus.distinctImages} distinct${result.imageFolder === 'posts' ? ', beside the posts' : ''}, corpus ${corpusNote}), Node ${result.node}, ${result.cpus} CPUs${rounds}${result.incremental ? ", incremental builds on" : ""}${result.parallelPrerender ? `, pages on ${result.parallelPrerender === true ? "Astro's default number of" : result.parallelPrerender} worker threads` : ''}${result.retainBody === false ? ", entry.body not kept" : ""}${result.collectionStorage === 'chunked' ? ', content store chunked' : ''}${result.heapLimitMiB ? `, old space capped at ${result.heapLimitMiB} MiB` : ''}`,
		'',
		table(builds),
		...versus,
		'',
		table(perPage),
		`largest page: ${result.largestPage.path} (${number(result.largestPage.bytes)} bytes: HTML + scripts + stylesheets + images)`,
		'',
		table(routes),
		'',
		`dist: ${dist.totalMiB} MiB in ${number(dist.files)} files (html ${dist.htmlMiB}, css ${dist.cssMiB}, js ${dist.jsMiB}, images ${dist.imagesMiB}, feeds ${dist.feedsMiB}, other ${dist.otherMiB} MiB)`,
		...(result.unresolved.length ? [`not found in dist: ${result.unresolved.slice(0, 5).join(', ')}`] : []),
		...formatSearch(result.search),
		`logs: ${result.logs.cold}, ${result.logs.warm}`,
	].join('\n');
}

function phase(build, key) {
	const seconds = build.phases[key];
	if (seconds === undefined) return '-';
	const rss = build.phasePeakRssMiB[key];
	return rss === undefined ? `${seconds} s` : `${seconds} s, ${Math.round(rss)} MiB`;
}

function table(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
	return rows.map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('   ')).join('\n');
}

const number = (value) => value.toLocaleString('en-US');
