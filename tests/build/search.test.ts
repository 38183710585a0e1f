import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoSite } from '../helpers/demo.ts';
import { openSiteSearch, type SiteSearch } from '../helpers/search.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

const post = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;
const REFERENCE = '/posts/externalisation-le-traitement-antistress-des-pme/';
const INDEX_LINE = /\[astro-theme-carnet\] (Indexed \d+ pages? for search|Search index of \d+ pages? reused from the cache)/;

let demo: BuiltSite;
let demoSearch: SiteSearch;
let root: string;
// The English fixture is served from a folder above its output, as a host serves a site with `base`.
let served: string;
let cold: BuiltSite;
let warm: BuiltSite;
let changed: BuiltSite;
let englishSearch: SiteSearch;
let coldIndex: Record<string, string>;
let warmIndex: Record<string, string>;
let off: BuiltSite;
let noBinary: BuiltSite;
let chinese: BuiltSite;
let chineseSearch: SiteSearch;

beforeAll(async () => {
	demo = demoSite();
	expect(demo.ok, demo.log).toBe(true);
	demoSearch = await openSiteSearch(demo.dist);

	root = writeSite('search-en', {
		'astro.config.mjs': astroConfig(
			{ title: 'Field notes', locale: 'en-GB', components: { Search: './src/components/MySearch.astro' }, navigation: [{ href: '/', label: 'Start' }] },
			{ site: 'https://notes.example.com', base: '/blog', trailingSlash: 'never' },
		),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/components/MySearch.astro': '---\nimport Search from "astro-theme-carnet/components/Search.astro";\n---\n<p class="my-search-intro">Search the notes.</p>\n<Search />\n',
		'src/pages/about.astro': '---\nimport Page from "astro-theme-carnet/layouts/Page.astro";\n---\n<Page title="About">Zephyr, lighthouse and running, on a page that is not a post.</Page>\n',
		'src/content/posts/zephyr-title.md': post('title: Zephyr over the bay\ndate: 2024-03-01\ntags: [Weather]', 'A calm afternoon by the sea.'),
		'src/content/posts/zephyr-body.md': post('title: Notes from the coast\ndate: 2024-04-01\ntags: [Weather, Coast]', 'A zephyr at dawn. Another zephyr at noon. The zephyr again at dusk.'),
		'src/content/posts/running.md': post('title: A morning routine\ndate: 2024-02-01', 'She runs along the harbour every morning.'),
		'src/content/posts/described.md': post('title: Night watch\ndate: 2024-01-01\ndescription: A story about lighthouses.', 'The keeper climbs the stairs.'),
		'src/content/posts/draft.md': post('title: Secret plans\ndate: 2024-05-01\ndraft: true', 'Quixotic schemes, zephyr included.'),
	});
	served = path.join(root, 'served');
	const outDir = path.join(served, 'blog');
	cold = await buildSite(root, { outDir });
	coldIndex = snapshotIndex(cold.dist);
	warm = await buildSite(root, { outDir });
	warmIndex = snapshotIndex(warm.dist);
	writeFileSync(path.join(root, 'src/content/posts/running.md'), post('title: A morning routine\ndate: 2024-02-01', 'She runs along the harbour every morning, then swims.'));
	changed = await buildSite(root, { outDir });
	englishSearch = await openSiteSearch(changed.dist, served);

	const offRoot = writeSite('search-off', {
		'astro.config.mjs': astroConfig({ title: 'No search', search: false }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': post('title: Hello\ndate: 2024-01-01\ntags: [News]', 'Hello there.'),
	});
	off = await buildSite(offRoot);
	// Pagefind's wrapper runs the binary named by this variable instead of the one npm installed.
	const noBinaryRoot = writeSite('search-no-binary', {
		'astro.config.mjs': astroConfig({ title: 'No Pagefind' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': post('title: Hello\ndate: 2024-01-01', 'Hello there.'),
	});
	noBinary = await buildSite(noBinaryRoot, { env: { PAGEFIND_BINARY_PATH: '/nonexistent/pagefind_extended' } });
	// Titles and a description in Chinese and Japanese, whose words no body repeats.
	const chineseRoot = writeSite('search-zh', {
		'astro.config.mjs': astroConfig({ title: '笔记', locale: 'zh-CN' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': post('title: 你好，世界\ndate: 2024-01-01', '内容。'),
		'src/content/posts/generators.md': post('title: 静态网站生成器的选择\ndate: 2024-01-02\ndescription: 我们比较三种构建工具', '内容。'),
		'src/content/posts/tokyo.md': post('title: 東京の春を歩く\ndate: 2024-01-03\ntags: [桜の名所]', '内容。'),
		'src/content/posts/english.md': post('title: Hello, world\ndate: 2024-01-04', 'Some text.'),
	});
	chinese = await buildSite(chineseRoot);
	chineseSearch = await openSiteSearch(chinese.dist);
});

afterAll(async () => {
	await demoSearch?.close();
	await englishSearch?.close();
	await chineseSearch?.close();
});

/** Every file of a build's search index: its path and its bytes, in base64. */
function snapshotIndex(dist: string): Record<string, string> {
	const bundle = path.join(dist, 'pagefind');
	const files = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
	return Object.fromEntries(files.map((entry) => path.join(entry.parentPath, entry.name)).sort().map((file) => [path.relative(bundle, file), readFileSync(file).toString('base64')]));
}

describe('search on the demo', () => {
	test('finds the reference post for a French word it only has in other forms', async () => {
		expect(readFileSync(path.join(demo.dist, REFERENCE.slice(1), 'index.html'), 'utf8')).not.toMatch(/externaliser/i);
		const results = await demoSearch.find('externaliser');
		expect(results.map((result) => result.url)).toEqual([REFERENCE]);
		expect(results[0]?.meta.title).toBe('Externalisation\u202F: Le Traitement Antistress des PME 🌐 🤓 😁');
		expect(results[0]?.excerpt).toMatch(/<mark>externalis\w*<\/mark>/i);
	});

	test('indexes the published posts, and no listing, tag page, archive, 404, draft or page of the site', async () => {
		const indexed = (await demoSearch.all()).map((result) => result.url).sort();
		const posts = (await glob('posts/*/index.html', { cwd: demo.dist })).map((file) => `/${path.dirname(file)}/`).sort();
		expect(indexed).toEqual(posts);
		expect(indexed).toHaveLength(12);
		expect(indexed).not.toContain('/posts/idees-pour-la-rentree/');
		// Indexed, or reused from an earlier run's cache: the demo's cache folder is the repository's.
		expect(demo.log).toMatch(/\[astro-theme-carnet\] (Indexed 12 pages for search|Search index of 12 pages reused from the cache) in [\d.]+ s\./);
	});

	test('keeps with each result its date, thumbnail and tags, and filters by tag', async () => {
		const [reference] = await demoSearch.find('externalisation');
		expect(reference?.meta.date).toBe('2024-02-02T23:00:00.000Z');
		expect(reference?.meta.image).toMatch(/^\/_astro\/blog-01-atypique\.[\w-]+\.webp$/);
		const thumbnail = demo.html(`${REFERENCE.slice(1)}index.html`)('.carnet-post__image').parent().find('source').attr('srcset');
		expect(thumbnail?.startsWith(`${reference?.meta.image} 480w`)).toBe(true);
		const guides = await demoSearch.find('', 'guides');
		expect(guides.map((result) => result.url)).toEqual(['/posts/encadres-formules-et-code/', '/posts/writing-your-first-post/', '/posts/composants-mdx/', '/posts/hugo-carnet-migration/']);
		expect(guides.every((result) => result.filters.tag?.includes('guides'))).toBe(true);
		expect((await demoSearch.find('markdown', 'mdx')).map((result) => result.url)).toEqual(['/posts/composants-mdx/']);
	});

	test('finds nothing for words that only appear in image names, dates, reading times and share links', async () => {
		for (const word of ['webp', 'atypique', 'février', 'bluesky']) expect(await demoSearch.find(word), word).toEqual([]);
		// Every post shows a reading time in minutes; only the post whose own text says "minutes" is found.
		expect((await demoSearch.find('minutes')).map((result) => result.url)).toEqual(['/posts/blog-entreprise-ecrire-en-une-heure/']);
	});

	test('serves a search page with a labelled field, a tag filter and a way to browse without JavaScript', () => {
		const $ = demo.html('search/index.html');
		expect($('h1').text()).toBe('Recherche');
		const form = $('form[role="search"]');
		expect([form.attr('action'), form.attr('method')]).toEqual(['/search/', 'get']);
		expect($(`label[for="${$('input[name="q"]').attr('id')}"]`).text()).toBe('Mots à chercher');
		expect($('input[name="q"]').attr('autofocus')).toBeDefined();
		expect($('select[name="tag"] option').first().text()).toBe('Toutes les étiquettes');
		expect($('select[name="tag"] option[value="revolution-francaise"]').attr('data-url')).toBe('/tags/revolution-francaise/');
		expect($('noscript').text()).toContain('La recherche a besoin de JavaScript');
		expect($('.carnet-search__browse a').map((_, link) => $(link).attr('href')).get()).toEqual(['/archive/', '/tags/']);
		expect($('[role="status"]').length).toBe(1);
		expect($('.carnet-search').attr('data-bundle')).toBe('/pagefind/');
	});

	test('links the search page from the header of every page', async () => {
		for (const file of await glob('**/*.html', { cwd: demo.dist })) {
			expect(demo.html(file)('.carnet-header__links a[href="/search/"]').text(), file).toBe('Rechercher');
		}
	});

	test('loads JavaScript on the search page only, as one external script and no inline one of its own', async () => {
		// Other scripts a page may load, each tested where it is built: comments, and the copy button of code blocks.
		const other = /^\/(carnet-comments\.js|_astro\/code-copy\.[\w-]+\.js)$/;
		const scripts = (file: string) => {
			const $ = demo.html(file);
			return $('script:not([type="application/ld+json"])')
				.map((_, script) => $(script).attr('src') ?? `inline:${$(script).html()}`)
				.get();
		};
		const everyPage = scripts('index.html');
		expect(everyPage.every((script) => script.startsWith('inline:'))).toBe(true);
		for (const file of await glob('**/*.html', { cwd: demo.dist, ignore: ['search/index.html'] })) {
			expect(scripts(file).filter((script) => !script.startsWith('inline:') && !other.test(script)), file).toEqual([]);
		}
		const searchScripts = scripts('search/index.html').filter((script) => !everyPage.includes(script));
		expect(searchScripts).toEqual([expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/)]);
		expect(demo.html('search/index.html')(`script[src="${searchScripts[0]}"]`).attr('type')).toBe('module');
	});

	test("ships Pagefind's search API and index, not its ready-made interfaces", () => {
		const bundle = readdirSync(path.join(demo.dist, 'pagefind'));
		expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.fr.pagefind', 'index', 'fragment', 'filter']));
		expect(bundle.filter((file) => /ui|highlight|playground/.test(file))).toEqual([]);
		expect(JSON.parse(demo.read('pagefind/pagefind-entry.json')).languages).toHaveProperty('fr');
	});
});

describe('search on an English site under a base path without trailing slashes', () => {
	test('gives results the addresses the site links to, with the base and without a trailing slash', async () => {
		expect(changed.ok, changed.log).toBe(true);
		const indexed = (await englishSearch.all()).map((result) => result.url).sort();
		expect(indexed).toEqual(['/blog/posts/described', '/blog/posts/running', '/blog/posts/zephyr-body', '/blog/posts/zephyr-title']);
		const $ = changed.html('index.html');
		expect($('.carnet-card h2 a').map((_, link) => $(link).attr('href')).get().sort()).toEqual(indexed);
		expect($('.carnet-header__nav a').last().attr('href')).toBe('/blog/search');
		expect(changed.html('search/index.html')('.carnet-search').attr('data-bundle')).toBe('/blog/pagefind/');
	});

	test('shows a replacement Search component, here one that wraps the default', () => {
		const $ = changed.html('search/index.html');
		expect($('.my-search-intro').text()).toBe('Search the notes.');
		expect($('.my-search-intro + link + .carnet-search form[role="search"]').attr('action')).toBe('/blog/search');
	});

	test('weights a title above the body, and finds words of descriptions and tags', async () => {
		expect((await englishSearch.find('zephyr')).map((result) => result.url)).toEqual(['/blog/posts/zephyr-title', '/blog/posts/zephyr-body']);
		expect((await englishSearch.find('lighthouse')).map((result) => result.url)).toEqual(['/blog/posts/described']);
		expect((await englishSearch.find('coast')).map((result) => result.url)).toEqual(['/blog/posts/zephyr-body']);
	});

	test('stems words in the language of the site', async () => {
		expect(JSON.parse(changed.read('pagefind/pagefind-entry.json')).languages).toHaveProperty('en-gb');
		expect((await englishSearch.find('running')).map((result) => result.url)).toEqual(['/blog/posts/running']);
	});

	test('lists every page in the sitemap at its canonical address, the home page included without its slash', async () => {
		const locs = ([changed.xml('sitemap-0.xml').urlset.url].flat() as { loc: string }[]).map((url) => url.loc);
		expect(locs).toContain('https://notes.example.com/blog');
		expect(locs).not.toContain('https://notes.example.com/blog/');
		const pages = await glob('**/*.html', { cwd: changed.dist });
		const canonicals = pages.map((file) => changed.html(file)('link[rel="canonical"]').attr('href')).filter((href) => href !== undefined);
		expect(canonicals.length).toBeGreaterThan(5);
		for (const loc of locs) expect(canonicals).toContain(loc);
	});

	test('never indexes drafts or pages of the site', async () => {
		expect(await englishSearch.find('quixotic')).toEqual([]);
		expect(changed.exists('about/index.html')).toBe(true);
		expect((await englishSearch.all()).some((result) => result.url.includes('about'))).toBe(false);
	});
});

describe('search on a Chinese site', () => {
	test('finds a post by any word of its title, description or tags, where Pagefind read them as one word each', async () => {
		expect(chinese.ok, chinese.log).toBe(true);
		const urls = async (query: string) => (await chineseSearch.find(query)).map((hit) => hit.url);
		for (const word of ['世界', '网站', '选择', '工具']) expect(await urls(word), word).toEqual(['/posts/' + (word === '世界' ? 'hello' : 'generators') + '/']);
		expect(await urls('春')).toEqual(['/posts/tokyo/']);
		expect(await urls('名所')).toEqual(['/posts/tokyo/']);
		expect(await urls('world')).toEqual(['/posts/english/']);
		// Every body that has it, once each.
		expect((await urls('内容')).sort()).toEqual(['/posts/generators/', '/posts/hello/', '/posts/tokyo/']);
	});

	test('shows no text of its own for the words it indexes', () => {
		const $ = chinese.html('posts/hello/index.html');
		const indexed = $('[data-pagefind-index-attrs]');
		expect(indexed.length).toBe(1);
		expect(indexed.text()).toBe('');
		expect(indexed.attr('data-carnet-title')).toBe('你好，世界');
		expect(chinese.html('posts/english/index.html')('[data-pagefind-index-attrs]').length).toBe(0);
	});
});

describe('the search index cache', () => {
	test('reuses the index on a warm build where nothing changed, byte for byte', () => {
		expect(cold.log).toMatch(INDEX_LINE);
		expect(INDEX_LINE.exec(cold.log)?.[1]).toMatch(/^Indexed 4 pages for search/);
		expect(INDEX_LINE.exec(warm.log)?.[1]).toBe('Search index of 4 pages reused from the cache');
		expect(Object.keys(warmIndex).length).toBeGreaterThan(5);
		expect(warmIndex).toEqual(coldIndex);
	});

	test('indexes again when a post changed, and finds its new words', async () => {
		expect(INDEX_LINE.exec(changed.log)?.[1]).toMatch(/^Indexed 4 pages for search/);
		expect(snapshotIndex(changed.dist)).not.toEqual(warmIndex);
		expect((await englishSearch.find('swims')).map((result) => result.url)).toEqual(['/blog/posts/running']);
	});
});

describe('search: false', () => {
	test('builds no search page, index or header link, and leaves post pages without search attributes', () => {
		expect(off.ok, off.log).toBe(true);
		expect(off.exists('search/index.html')).toBe(false);
		expect(off.exists('pagefind')).toBe(false);
		expect(off.html('index.html')('.carnet-header__links a').map((_, link) => off.html('index.html')(link).text()).get()).toEqual(['Home', 'Archive', 'Tags']);
		expect(off.read('posts/hello/index.html')).not.toMatch(/data-pagefind|data-carnet-/);
		expect(off.log).not.toMatch(INDEX_LINE);
	});
});

describe('a machine where Pagefind cannot run', () => {
	test('fails the build, naming the package that brings its binary and how to build without search', () => {
		expect(noBinary.ok).toBe(false);
		// The package is the machine's own (@pagefind/linux-x64 here).
		const error = noBinary.log.slice(noBinary.log.indexOf('BUILD FAILED')).replace(`@pagefind/${process.platform}-${process.arch}`, '@pagefind/<platform>');
		expect(error).toMatchInlineSnapshot(`
			"BUILD FAILED: AstroUserError: astro-theme-carnet could not build the search index: Pagefind failed with "Pagefind backend closed" (its own messages, if any, are printed above).
			Hint: Pagefind runs a binary from the npm package @pagefind/<platform>, an optional dependency of pagefind: check that it is installed (npm skips it when optional dependencies are turned off) and runs on this machine. Or build without search: carnet({ search: false }).
			"
		`);
	});
});

describe('a site with a base and trailingSlash never', () => {
	test('links its home page as the base alone, where Astro serves it, and marks a navigation link to / current there only', () => {
		const $ = cold.html('posts/zephyr-title/index.html');
		expect($('a.carnet-header__title').attr('href')).toBe('/blog');
		const start = (page: ReturnType<typeof cold.html>) => page('.carnet-header__nav a').filter((_, link) => page(link).text() === 'Start');
		expect([start($).attr('href'), start($).attr('aria-current')]).toEqual(['/blog', undefined]);
		expect(start(cold.html('index.html')).attr('aria-current')).toBe('page');
		const home = cold.html('index.html');
		expect(home('a.carnet-header__title').attr('href')).toBe('/blog');
		expect(home('link[rel="canonical"]').attr('href')).toBe('https://notes.example.com/blog');
	});
});
