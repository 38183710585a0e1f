// `npm run bench`: builds a generated blog of N posts with the theme, cold then warm, and reports
// build time, peak memory, image work and what each page weighs. A script to compare runs, not a test.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBuild } from './build.mjs';
import { IMAGE_MODES, POOL_SIZE, ensureCorpus } from './corpus.mjs';
import { measureDist } from './dist-size.mjs';
import { countPages, measurePages } from './page-weight.mjs';
import { formatReport } from './report.mjs';
import { compareRounds, hugoSummary } from './compare.mjs';
import { measureSearch } from './search.mjs';
import { clearBuildState, trimSite, writeSite } from './site.mjs';

const USAGE = `Usage: npm run bench -- [--posts N] [--images unique|pool|none] [--image-folder public|posts] [--cards on|off] [--search on|off] [--incremental on|off] [--parallel off|on|N] [--body on|off] [--storage single|chunked] [--heap MiB] [--compare hugo] [--rounds N] [--json] [--keep]

  --posts N      posts to generate (default 100)
  --images MODE  unique: one distinct 1600×900 photo per post (default)
                 pool:   ${POOL_SIZE} distinct photos, cycled over the posts
                 none:   no featured images
  --image-folder public|posts
                 where the featured images are: public/images/ (featured_image: /images/…, Hugo's layout,
                 the default), or beside the posts in src/content/posts/images/ (./images/…), imported by
                 Astro as the images of Astro's blog starter are (README, Where featured images should live)
  --cards on|off social cards for posts without a featured image (the theme's default, on) or none
  --search on|off the search page and its Pagefind index (the theme's default, on) or none
  --incremental on|off
                 Astro's experimental.incrementalBuild in the site's config (README, Performance): a warm
                 build copies unchanged pages from Astro's cache (default off)
  --parallel off|on|N
                 Astro's experimental.parallelPrerender in the site's config: pages render on worker
                 threads, as many as Astro picks (on: the cores but one) or N (default off)
  --body on|off  entry.body kept in the content store, as Astro's glob() keeps it (the theme's default, on),
                 or left out with postsLoader({ retainBody: false })
  --storage single|chunked
                 Astro's content store in one file (the default) or in chunks, with
                 experimental.collectionStorage: 'chunked' in the site's config
  --heap MiB     caps the builds' V8 old space (node --max-old-space-size), to tell the memory a build
                 needs from what V8 lets it grow to; a build that needs more fails
  --compare hugo also build the corpus with hugo-min (tests/bench/hugo-min, Debian's hugo package),
                 interleaved with Carnet's builds, and print the ratios; skipped with a message when
                 hugo is not installed
  --rounds N     cold and warm builds of each tool, interleaved; medians are reported (default 1, or
                 3 with --compare)
  --json         print one JSON object with every number, for comparing runs
  --keep         keep the site's sources and dist/ in tests/.bench/ (logs and result.json are always kept)

Generated corpora are cached in tests/.bench/corpus-<posts>-<images>/ and reused while the generator is unchanged.`;

const SITE_URL = 'https://bench.example.com';
const MIN_NODE_MAJOR = 22;
const benchDir = fileURLToPath(new URL('../.bench/', import.meta.url));
const log = (message) => process.stderr.write(`${message}\n`);

const options = readOptions();
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < MIN_NODE_MAJOR) fail(`Astro 7 needs Node ${MIN_NODE_MAJOR} or later; this is Node ${process.version}. Run it with npm run bench, which uses the Node installed in node_modules.`);

// Read before building: the checkout may change while a long benchmark runs.
const theme = themeRevision();
const name = `${options.posts}-${options.images}${options.cards ? '' : '-nocards'}${options.search ? '' : '-nosearch'}${options.imagesBesidePosts ? '-beside' : ''}${options.incremental ? '-incremental' : ''}${options.parallel === false ? '' : `-parallel${options.parallel === true ? '' : options.parallel}`}${options.body ? '' : '-nobody'}${options.chunked ? '-chunked' : ''}${options.heap ? `-heap${options.heap}` : ''}`;
log(`corpus: ${options.posts} posts, images ${options.images}`);
const corpusDir = path.join(benchDir, `corpus-${options.posts}-${options.images}`);
const corpus = await ensureCorpus(corpusDir, options, log);
const root = path.join(benchDir, `site-${name}`);
writeSite(root, corpusDir, { cards: options.cards, search: options.search, imagesBesidePosts: options.imagesBesidePosts, incremental: options.incremental, parallel: options.parallel, body: options.body, chunked: options.chunked });

const rounds = await compareRounds({ root, corpusDir, options, log, carnetBuild: measuredBuild });
const { cold, warm } = rounds.carnet;
log('measuring pages');
const dist = path.join(root, 'dist');
const weights = await measurePages(dist, SITE_URL);
const result = {
	posts: options.posts,
	images: options.images,
	imageFolder: options.imagesBesidePosts ? 'posts' : 'public',
	cards: options.cards,
	searchPage: options.search,
	incremental: options.incremental,
	parallelPrerender: options.parallel,
	retainBody: options.body,
	collectionStorage: options.chunked ? 'chunked' : 'single-file',
	heapLimitMiB: options.heap,
	node: process.version,
	theme,
	cpus: availableParallelism(),
	corpus: { distinctImages: corpus.distinctImages, imageMiB: corpus.imageMiB, words: corpus.words, reused: corpus.reused, seconds: corpus.seconds },
	cold,
	warm,
	rounds: rounds.count,
	...(rounds.hugo ? { hugo: hugoSummary(rounds) } : {}),
	...weights,
	dist: await measureDist(dist),
	search: await measureSearch(dist, { cold: logFile('cold'), warm: logFile('warm') }),
	logs: { cold: path.relative(process.cwd(), logFile('cold')), warm: path.relative(process.cwd(), logFile('warm')) },
};
writeFileSync(path.join(root, 'result.json'), `${JSON.stringify(result, null, '\t')}\n`);
if (!options.keep) trimSite(root);
console.log(options.json ? JSON.stringify(result) : formatReport(result));

async function measuredBuild(kind) {
	log(`${kind} build`);
	if (kind === 'cold') clearBuildState(root);
	const { ok, logTail, ...measures } = await runBuild(root, logFile(kind), { heapMiB: options.heap });
	if (!ok) fail(`The ${kind} build failed; its log is ${logFile(kind)}. Last lines:\n${logTail.join('\n')}`);
	return { ...measures, pages: await countPages(path.join(root, 'dist')) };
}

function logFile(kind) {
	return path.join(root, `build-${kind}.log`);
}

/** The commit measured, and whether theme/ had uncommitted changes: numbers are only comparable between equal revisions. */
function themeRevision() {
	try {
		const git = (...args) => execFileSync('git', args, { cwd: fileURLToPath(new URL('../../', import.meta.url)), encoding: 'utf8' }).trim();
		return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--', 'theme').length > 0 };
	} catch {
		return undefined;
	}
}

function readOptions() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				posts: { type: 'string', default: '100' },
				images: { type: 'string', default: 'unique' },
				'image-folder': { type: 'string', default: 'public' },
				cards: { type: 'string', default: 'on' },
				search: { type: 'string', default: 'on' },
				incremental: { type: 'string', default: 'off' },
				parallel: { type: 'string', default: 'off' },
				body: { type: 'string', default: 'on' },
				storage: { type: 'string', default: 'single' },
				heap: { type: 'string' },
				json: { type: 'boolean', default: false },
				compare: { type: 'string' },
				rounds: { type: 'string' },
				keep: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}));
	} catch (error) {
		fail(`${error.message}\n\n${USAGE}`);
	}
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const posts = Number(values.posts);
	if (!Number.isInteger(posts) || posts < 1) fail(`--posts must be a whole number of at least 1, received ${values.posts}.\n\n${USAGE}`);
	if (!IMAGE_MODES.includes(values.images)) fail(`--images must be one of ${IMAGE_MODES.join(', ')}, received ${values.images}.\n\n${USAGE}`);
	if (!['public', 'posts'].includes(values['image-folder'])) fail(`--image-folder must be public or posts, received ${values['image-folder']}.\n\n${USAGE}`);
	if (values.compare !== undefined && values.compare !== 'hugo') fail(`--compare takes hugo, received ${values.compare}.\n\n${USAGE}`);
	const rounds = Number(values.rounds ?? (values.compare ? 3 : 1));
	if (!Number.isInteger(rounds) || rounds < 1) fail(`--rounds must be a whole number of at least 1, received ${values.rounds}.\n\n${USAGE}`);
	for (const flag of ['cards', 'search', 'incremental', 'body']) if (!['on', 'off'].includes(values[flag])) fail(`--${flag} must be on or off, received ${values[flag]}.\n\n${USAGE}`);
	const parallel = values.parallel === 'off' ? false : values.parallel === 'on' ? true : Number(values.parallel);
	if (parallel !== true && parallel !== false && !(Number.isInteger(parallel) && parallel >= 1)) fail(`--parallel must be off, on or a whole number of workers, received ${values.parallel}.\n\n${USAGE}`);
	if (!['single', 'chunked'].includes(values.storage)) fail(`--storage must be single or chunked, received ${values.storage}.\n\n${USAGE}`);
	const heap = values.heap === undefined ? undefined : Number(values.heap);
	if (heap !== undefined && (!Number.isInteger(heap) || heap < 64)) fail(`--heap must be a whole number of MiB, at least 64, received ${values.heap}.\n\n${USAGE}`);
	return { posts, images: values.images, imagesBesidePosts: values['image-folder'] === 'posts', cards: values.cards === 'on', search: values.search === 'on', incremental: values.incremental === 'on', parallel, body: values.body === 'on', chunked: values.storage === 'chunked', heap, json: values.json, keep: values.keep, compare: values.compare, rounds };
}

function fail(message) {
	log(`bench: ${message}`);
	process.exit(1);
}
