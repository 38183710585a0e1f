import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// With Astro's experimental.parallelPrerender, pages render on worker threads, where the integration does
// not run: each path's props are copied to the thread that renders it, and what a page leaves for the
// integration (the social cards it asks for, the warnings it gives) must reach the integration's thread.
// The contract: the output is byte for byte that of a build on one thread, cards and feeds included, and
// each warning is told once.

const OPTIONS = { title: 'Parallèle', locale: 'fr', timeZone: 'Europe/Paris', postsPerPage: 3 };
const ASTRO = { site: 'https://parallel.example.com' };
const TAGS = ['Rouge', 'Vert', 'Bleu'];
const POSTS = 12;
const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));

function post(index: number): string {
	const tags = [TAGS[index % 3] as string, TAGS[(index + 1) % 3] as string];
	const extra = [index < 3 ? `series: Le feuilleton\nseries_order: ${index + 1}` : '', index === 4 ? 'aliases: [/ancien/article-4/]' : ''].filter(Boolean).join('\n');
	return `---\ntitle: "Article ${index} 🌿"\ndate: 2024-03-${String(index + 1).padStart(2, '0')} 10:00:00\ntags: [${tags.join(', ')}]\n${extra}\n---\n\nLe corps de l'article ${index}.\n\n## Une partie\n\nEt une suite.\n`;
}

function siteFiles(): Record<string, string | Buffer> {
	const files: Record<string, string | Buffer> = {
		'src/content.config.ts': CONTENT_CONFIG,
		// No font of the cards draws Japanese: its card has no title, and the build warns once.
		'src/content/posts/tokyo.md': '---\ntitle: 東京の春を歩く\ndate: 2024-02-01\ntags: [Rouge]\n---\n\n桜の季節です。\n',
		'src/content/posts/photo.md': "---\ntitle: Avec une photo\ndate: 2024-01-15\ntags: [Vert]\nfeatured_image: '/images/photo.jpg'\n---\n\nUne photo en tête.\n",
		'src/content/posts/composant.mdx': '---\ntitle: En MDX\ndate: 2024-01-10\ntags: [Bleu]\n---\n\nexport const Note = (props) => <aside>{props.children}</aside>;\n\n<Note>Rendu par MDX</Note>\n',
		'public/images/photo.jpg': jpeg,
	};
	for (let index = 0; index < POSTS; index++) files[`src/content/posts/article-${index}.md`] = post(index);
	return files;
}

type Build = 'single' | 'parallel' | 'parallelWarm' | 'incrementalCold' | 'incrementalWarm';

let root: string;
const builds = {} as Record<Build, BuiltSite>;
/** Each build's output, read as it ended: every build writes to the same dist/. */
const outputs = {} as Record<Build, Map<string, Buffer>>;
/** The card cache's files as each build left them. */
const cached = {} as Record<Build, string[]>;
const cardCache = () => path.join(root, 'node_modules/.astro/carnet/social-cards');
const journal = () => path.join(root, 'node_modules/.astro/carnet/render-journal');

function configure(experimental: Record<string, unknown> | undefined) {
	writeFileSync(path.join(root, 'astro.config.mjs'), astroConfig(OPTIONS, experimental ? { ...ASTRO, experimental } : ASTRO));
}

function clearCaches() {
	for (const dir of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(root, dir), { recursive: true, force: true });
}

/** Every file of a build's output, by path, as bytes. */
function outputOf(built: BuiltSite): Map<string, Buffer> {
	expect(built.ok, built.log).toBe(true);
	const files = readdirSync(built.dist, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(built.dist, file)).isFile());
	return new Map(files.sort().map((file) => [file, readFileSync(path.join(built.dist, file))]));
}

async function build(name: Build) {
	builds[name] = await buildSite(root);
	outputs[name] = outputOf(builds[name]);
	cached[name] = readdirSync(cardCache()).sort();
}

function expectSameOutput(output: Map<string, Buffer>, expected: Map<string, Buffer>) {
	expect([...output.keys()]).toEqual([...expected.keys()]);
	expect([...expected].filter(([file, bytes]) => !bytes.equals(output.get(file) as Buffer)).map(([file]) => file)).toEqual([]);
}

const cardLine = (built: BuiltSite) => built.log.match(/Social cards: .*/)?.[0];
const cardsOf = (output: Map<string, Buffer>) => [...output.keys()].filter((file) => file.endsWith('/social.png'));

beforeAll(async () => {
	root = writeSite('parallel-prerender', siteFiles());
	configure(undefined);
	await build('single');
	configure({ parallelPrerender: { workers: 2 } });
	clearCaches();
	await build('parallel');
	await build('parallelWarm');
	configure({ parallelPrerender: { workers: 2 }, incrementalBuild: true });
	clearCaches();
	await build('incrementalCold');
	// As if the last build had been an hour ago: the theme copies the cached pages (incremental.test.ts).
	const pages = path.join(root, 'node_modules/.astro/dist');
	const hourAgo = Date.now() / 1000 - 3600;
	for (const file of readdirSync(pages, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(pages, file), hourAgo, hourAgo);
	await build('incrementalWarm');
}, 600_000);

describe('a build with experimental.parallelPrerender', () => {
	test('writes the same files, byte for byte, as a build that renders every page on one thread', () => {
		// 14 posts without an image: a card each, in the reference build too.
		expect(cardsOf(outputs.single)).toHaveLength(POSTS + 2);
		expectSameOutput(outputs.parallel, outputs.single);
	});

	test('draws every social card on the page-rendering threads and counts them once', () => {
		expect(cardLine(builds.single)).toBe(`Social cards: ${POSTS + 2} rendered, 0 reused from the cache, 0 stale removed.`);
		expect(cardLine(builds.parallel)).toBe(`Social cards: ${POSTS + 2} rendered, 0 reused from the cache, 0 stale removed.`);
		// Each item's enclosure (its card, or the photo) has the byte length of a file the build wrote.
		const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(outputs.parallel.get('rss.xml') as Buffer);
		const enclosures = (feed.rss.channel.item as { enclosure: { '@url': string; '@length': string } }[]).map(({ enclosure }) => [new URL(enclosure['@url']).pathname.slice(1), Number(enclosure['@length'])]);
		expect(enclosures).toHaveLength(POSTS + 3);
		expect(enclosures.filter(([file, length]) => outputs.parallel.get(file as string)?.length !== length)).toEqual([]);
	});

	test('keeps the cards in the cache for the next build, which reuses them all and writes the same files', () => {
		expect(cardLine(builds.parallelWarm)).toBe(`Social cards: 0 rendered, ${POSTS + 2} reused from the cache, 0 stale removed.`);
		expectSameOutput(outputs.parallelWarm, outputs.single);
	});

	test('tells a warning from a page-rendering thread once, however many threads ran into it', () => {
		for (const built of [builds.single, builds.parallel, builds.parallelWarm]) {
			expect(built.log.match(/the social card's fonts cannot draw .* in the title "東京の春を歩く"/g), built.log).toHaveLength(1);
		}
	});

	test('keeps every card in the card cache and leaves no journal of the threads behind', () => {
		expect(cached.parallel).toEqual(cached.single);
		expect(cached.parallelWarm).toEqual(cached.single);
		expect(cached.single).toHaveLength(POSTS + 2);
		expect(existsSync(journal()) ? readdirSync(journal()) : []).toEqual([]);
	});
});

describe('a build with experimental.parallelPrerender and experimental.incrementalBuild', () => {
	test('writes the same files as a build on one thread without incremental builds, cold and warm', () => {
		// The featured image's variants, and not its original, which no page links to.
		expect([...outputs.incrementalCold.keys()].filter((file) => file.startsWith('_astro/photo.'))).toHaveLength(4);
		expectSameOutput(outputs.incrementalCold, outputs.single);
		expectSameOutput(outputs.incrementalWarm, outputs.single);
	});

	test('writes the cards of the pages it copies from the cache, and keeps them in the card cache', () => {
		expect(builds.incrementalWarm.log).toMatch(/posts\/article-3\/index\.html \(cached\)/);
		expect(cardsOf(outputs.incrementalWarm)).toEqual(cardsOf(outputs.single));
		expect(cardLine(builds.incrementalWarm)).toBe(`Social cards: 0 rendered, ${POSTS + 2} reused from the cache, 0 stale removed.`);
		expect(cached.incrementalWarm).toEqual(cached.single);
	});
});
