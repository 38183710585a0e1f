import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, buildSite, killedBuild, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// With Astro's experimental.incrementalBuild, a warm build copies the pages whose cacheKey is unchanged
// from Astro's cache (theme/utils/page-keys.ts). The contract: whatever changed, the output of a warm
// build is byte for byte that of a cold build of the same sources, every file of dist/ included (pages,
// feeds, redirects, sitemap, social cards, search index, images).
//
// The theme copies the cached pages into dist/ itself, many at a time, before Astro generates pages
// (theme/integration/cached-pages.ts), but only pages cached more than a few seconds before the build:
// warmBuild() ages the cache as the time between two real builds would, so that every test goes through
// those copies.

const POSTS = 24;
const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));

const config = (options: Record<string, unknown> = {}) => `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://example.com',
	experimental: { incrementalBuild: true },
	integrations: [carnet(${JSON.stringify({ title: 'Incrémental', locale: 'fr', timeZone: 'Europe/Paris', postsPerPage: 3, ...options })})],
});
`;

const TAGS = ['Rouge', 'Vert', 'Bleu', 'Jaune'];
/** Posts 0–19 share tags, and 0–5 form a series; 20–23 have no tag, so nothing but their neighbours shows them. */
function post(index: number, changes: { title?: string; tags?: string[]; body?: string; date?: string } = {}): string {
	const tags = changes.tags ?? (index < 20 ? [TAGS[index % 4] as string, TAGS[(index + 1) % 4] as string] : []);
	const date = changes.date ?? `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 27) + 1).padStart(2, '0')} 10:00:00`;
	const extra = [index < 6 ? `series: Le feuilleton\nseries_order: ${index + 1}` : '', index === 7 ? 'pinned: true' : '', index === 9 ? 'aliases: [/ancien/article-9/]' : '']
		.filter(Boolean)
		.join('\n');
	const body = changes.body ?? `Le corps de l'article ${index}, qui parle de ${tags.join(' et ') || 'tout'}.\n\n## Une partie\n\nEt une suite.`;
	return `---\ntitle: "${changes.title ?? `Article ${index}`}"\ndescription: Résumé ${index}\ndate: ${date}\ntags: [${tags.map((tag) => JSON.stringify(tag)).join(', ')}]\n${extra}\n---\n\n${body}\n`;
}

function siteFiles(): Record<string, string | Buffer> {
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': config(),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/components/Latest.astro': "---\nimport { getBlog } from 'astro-theme-carnet/blog';\nconst [newest] = (await getBlog()).posts;\n---\n\n<footer><p class=\"latest\">{newest?.title}</p></footer>\n",
		'src/content/posts/avec-image/index.md': '---\ntitle: Avec image\ndate: 2023-05-01\ntags: [Rouge]\nfeatured_image: ./photo.jpg\n---\n\nUne photo : ![La photo](./photo.jpg)\n',
		'src/content/posts/avec-image/photo.jpg': jpeg,
		'src/content/posts/image-dans-le-texte/index.md': '---\ntitle: Image dans le texte\ndate: 2023-04-01\ntags: [Jaune]\n---\n\nUne figure : ![Le schéma](./schema.jpg)\n',
		'src/content/posts/image-dans-le-texte/schema.jpg': jpeg,
		'src/content/posts/avec-fichier/index.md': '---\ntitle: Avec fichier\ndate: 2023-01-15\n---\n\nLes [diapositives](./diapos.pdf).\n',
		'src/content/posts/avec-fichier/diapos.pdf': '%PDF-1.4 première version\n',
		'src/content/posts/image-publique.md': '---\ntitle: Image publique\ndate: 2023-03-01\ntags: [Bleu]\n---\n\nLe logo : ![Le logo](/images/logo.jpg)\n',
		'public/images/logo.jpg': jpeg,
		'src/content/posts/renvoi.md': '---\ntitle: Renvoi\ndate: 2023-02-01\n---\n\nVoir [l\'article 22]({{< ref "article-22.md" >}}).\n',
		'src/content/posts/composant.mdx':
			"---\ntitle: MDX\ndate: 2023-05-02\ntags: [Vert]\n---\n\nimport donnees from './mot.json';\n\nexport const Note = (props) => <aside>{props.children}</aside>;\n\n<Note>Rendu par MDX !</Note> Le mot : {donnees.mot}.\n",
		'src/content/posts/mot.json': '{ "mot": "premier" }\n',
	};
	for (let index = 0; index < POSTS; index++) files[`src/content/posts/article-${index}.md`] = post(index);
	return files;
}

let root: string;
let site: BuiltSite;

const postFile = (name: string) => path.join(root, 'src/content/posts', name);
const clearCaches = () => {
	for (const dir of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(root, dir), { recursive: true, force: true });
};

/** Every file of a build's output, by path, as bytes. */
function outputOf(built: BuiltSite): Map<string, Buffer> {
	expect(built.ok, built.log).toBe(true);
	const files = readdirSync(built.dist, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(built.dist, file)).isFile());
	return new Map(files.sort().map((file) => [file, readFileSync(path.join(built.dist, file))]));
}

/** The output of a cold build of the site as it is now: no dist/, no content store, no cache of any kind. */
async function coldOutput(): Promise<Map<string, Buffer>> {
	clearCaches();
	return outputOf(await buildSite(root));
}

function expectSameOutput(warm: Map<string, Buffer>, cold: Map<string, Buffer>) {
	expect([...warm.keys()]).toEqual([...cold.keys()]);
	const differing = [...cold].filter(([file, bytes]) => !bytes.equals(warm.get(file) as Buffer)).map(([file]) => file);
	expect(differing).toEqual([]);
}

/**
 * The pages of a build that came from Astro's cache and those it rendered, from a build's log. Of those
 * from the cache, Astro logs "(cached)" when it found the page in dist/ already (copied by the theme) and
 * "(restored)" when it copied it itself.
 */
function generated(built: BuiltSite): { restored: string[]; rendered: string[]; copiedByAstro: string[] } {
	const lines = [...built.log.matchAll(/[├└]─ (\S+) (\(restored\)|\(cached\)|\(\+)/g)];
	return {
		restored: lines.filter((line) => line[2] !== '(+').map((line) => line[1] as string),
		rendered: lines.filter((line) => line[2] === '(+').map((line) => line[1] as string),
		copiedByAstro: lines.filter((line) => line[2] === '(restored)').map((line) => line[1] as string),
	};
}

/** Sets the time of every file of Astro's page cache `seconds` from now (an hour back: as if the last build had been an hour ago). */
function setCacheTime(seconds: number) {
	const cached = path.join(root, 'node_modules/.astro/dist');
	const time = Date.now() / 1000 + seconds;
	for (const file of readdirSync(cached, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(cached, file), time, time);
}

/** A build of the site as it is now, an hour after the last one. */
function warmBuild(): Promise<BuiltSite> {
	setCacheTime(-3600);
	return buildSite(root);
}

beforeAll(async () => {
	root = writeSite('incremental', siteFiles());
	clearCaches();
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 600_000);

describe('a warm build with experimental.incrementalBuild', () => {
	test('with nothing changed, copies every generated page from the cache and writes the same bytes as the cold build', async () => {
		const cold = outputOf(site);
		// Pages cached as the build starts (here: dated a minute ahead, whatever the machine's speed) are
		// left to Astro, which copies them itself.
		setCacheTime(60);
		const soon = await buildSite(root);
		expect(generated(soon).copiedByAstro).toContain('/posts/article-3/index.html');
		expectSameOutput(outputOf(soon), cold);
		const warm = await warmBuild();
		const { restored, rendered, copiedByAstro } = generated(warm);
		// Post pages, listing pages past the first, tag pages, tag feeds, series pages and redirects.
		expect(restored).toEqual(expect.arrayContaining(['/posts/article-3/index.html', '/page/2/index.html', '/tags/rouge/index.html', '/tags/rouge/page/2/index.html', '/tags/bleu/rss.xml', '/series/le-feuilleton/index.html', '/ancien/article-9/index.html']));
		// The theme had copied them all into dist/ before Astro looked.
		expect(copiedByAstro).toEqual([]);
		// Only pages without a key are rendered again: those getStaticPaths() does not list, and those that
		// show a body with images Astro resolves as it renders (two posts' pages, and their tags' feeds) or an
		// MDX body (whose imports no key covers), and the files beside posts, which are read again.
		expect(rendered.filter((file) => /^\/(posts|page|tags\/[^/]+|series|ancien)\//.test(file)).sort()).toEqual([
			'/posts/avec-fichier/diapos.pdf',
			'/posts/avec-image/index.html',
			'/posts/composant/index.html',
			'/posts/image-dans-le-texte/index.html',
			'/tags/jaune/rss.xml',
			'/tags/rouge/rss.xml',
			'/tags/vert/rss.xml',
		]);
		expectSameOutput(outputOf(warm), cold);
		// The social cards of restored post pages are written too.
		expect(cold.has('posts/article-3/social.png')).toBe(true);
		// Nothing is left of the theme's copying.
		expect(existsSync(path.join(root, 'node_modules/.astro/carnet/staged-pages'))).toBe(false);
	}, 600_000);

	test("after a post's title, tags and body change, renders what shows it and writes what a cold build writes", async () => {
		writeFileSync(postFile('article-12.md'), post(12, { title: 'Un titre tout neuf', tags: ['Bleu', 'Nouveau'], body: 'Un corps réécrit.' }));
		const built = await warmBuild();
		const warm = outputOf(built);
		const { restored, rendered } = generated(built);
		expect(rendered).toEqual(expect.arrayContaining(['/posts/article-12/index.html', '/tags/nouveau/index.html', '/tags/bleu/rss.xml']));
		// A post without tags, far from the edited one in date, shows nothing of it.
		expect(restored).toContain('/posts/article-21/index.html');
		expect(built.html('posts/article-12/index.html')('h1').text()).toBe('Un titre tout neuf');
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after posts are added, removed and moved in time, writes what a cold build writes', async () => {
		writeFileSync(postFile('article-30.md'), post(30, { tags: ['Vert'], date: '2024-06-15 09:00:00' }));
		rmSync(postFile('article-4.md'));
		writeFileSync(postFile('article-17.md'), post(17, { date: '2022-01-01 08:00:00' }));
		const built = await warmBuild();
		const warm = outputOf(built);
		expect(warm.has('posts/article-30/index.html')).toBe(true);
		expect(warm.has('posts/article-4/index.html')).toBe(false);
		// Its page had been copied from the cache with the others; the copy and its folder are gone.
		expect(existsSync(path.join(root, 'dist/posts/article-4'))).toBe(false);
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after a post gains an image in its body, so that its page has no key any more, writes what a cold build writes', async () => {
		writeFileSync(postFile('article-20.md'), post(20, { body: 'Une photo : ![La photo](./avec-image/photo.jpg)' }));
		const built = await warmBuild();
		// Rendered over the copy the theme made of its last version, which stays.
		expect(generated(built).rendered).toContain('/posts/article-20/index.html');
		expect(built.html('posts/article-20/index.html')('.carnet-prose img[alt="La photo"]').length).toBe(1);
		expectSameOutput(outputOf(built), await coldOutput());
	}, 600_000);

	test('after a file that a post links to changes, the post unchanged, publishes the new file; once the link is gone, the file is gone', async () => {
		writeFileSync(postFile('avec-fichier/diapos.pdf'), '%PDF-1.4 seconde version\n');
		const changed = await warmBuild();
		expect(changed.read('posts/avec-fichier/diapos.pdf')).toBe('%PDF-1.4 seconde version\n');
		expectSameOutput(outputOf(changed), await coldOutput());
		writeFileSync(postFile('avec-fichier/index.md'), '---\ntitle: Avec fichier\ndate: 2023-01-15\n---\n\nPlus de diapositives.\n');
		const unlinked = outputOf(await warmBuild());
		expect(unlinked.has('posts/avec-fichier/diapos.pdf')).toBe(false);
		expectSameOutput(unlinked, await coldOutput());
	}, 600_000);

	test('after a featured image is replaced by another under the same name, writes what a cold build writes', async () => {
		const other = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
		writeFileSync(postFile('avec-image/photo.jpg'), other);
		const warm = outputOf(await warmBuild());
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after a file that an MDX post imports changes, shows the new text in its page and in its tag\'s feed, and writes what a cold build writes', async () => {
		writeFileSync(postFile('mot.json'), '{ "mot": "second" }\n');
		// Right after the last build: the pages Astro copies itself.
		setCacheTime(60);
		const built = await buildSite(root);
		expect(built.ok, built.log).toBe(true);
		// French typography puts a no-break space before the colon.
		expect(built.read('posts/composant/index.html')).toMatch(/Le mot\s:\ssecond\./);
		expect(built.read('tags/vert/rss.xml')).toMatch(/Le mot\s:\ssecond\./);
		expectSameOutput(outputOf(built), await coldOutput());
	}, 600_000);

	test("after an image in a post's body is replaced by another under the same name, writes what a cold build writes", async () => {
		const other = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#aa6633' } }).jpeg().toBuffer();
		writeFileSync(postFile('image-dans-le-texte/schema.jpg'), other);
		const warm = outputOf(await warmBuild());
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('after an image in public/ that a body shows is replaced by one of another size, writes what a cold build writes', async () => {
		const other = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#33aa66' } }).jpeg().toBuffer();
		writeFileSync(path.join(root, 'public/images/logo.jpg'), other);
		const built = await warmBuild();
		const image = built.html('posts/image-publique/index.html')('.carnet-prose img[alt="Le logo"]');
		expect([image.attr('width'), image.attr('height')]).toEqual(['320', '200']);
		expectSameOutput(outputOf(built), await coldOutput());
	}, 600_000);

	test('after a post that another links to with a ref shortcode gets a slug, writes what a cold build writes', async () => {
		writeFileSync(postFile('article-22.md'), post(22).replace('title: "Article 22"', 'title: "Article 22"\nslug: vingt-deux'));
		const built = await warmBuild();
		expect(built.html('posts/renvoi/index.html')('.carnet-prose a').attr('href')).toBe('/posts/vingt-deux/');
		expectSameOutput(outputOf(built), await coldOutput());
	}, 600_000);

	test("after a post that another links to by its old engine's address gets a slug, links to its new address and writes what a cold build writes", async () => {
		// article-2 is dated 2024-03-03: a Jekyll address of it.
		writeFileSync(postFile('ancien-lien.md'), '---\ntitle: Ancien lien\ndate: 2024-01-02\n---\n\nVoir [l\'article](/2024/03/03/article-2/).\n');
		const first = await warmBuild();
		expect(first.html('posts/ancien-lien/index.html')('.carnet-prose a').attr('href')).toBe('/posts/article-2/');
		writeFileSync(postFile('article-2.md'), post(2).replace('title: "Article 2"', 'title: "Article 2"\nslug: deux'));
		const built = await warmBuild();
		const href = built.html('posts/ancien-lien/index.html')('.carnet-prose a').attr('href');
		expectSameOutput(outputOf(built), await coldOutput());
		expect(href).not.toBe('/posts/article-2/');
	}, 600_000);

	test("after a build stopped between re-rendering a page and writing Astro's manifest, and the change undone, writes what a cold build writes", async () => {
		const manifest = path.join(root, 'node_modules/.astro/incremental-build.json');
		const before = readFileSync(manifest, 'utf8');
		const original = readFileSync(postFile('article-15.md'), 'utf8');
		writeFileSync(postFile('article-15.md'), post(15, { title: 'Titre jamais publié' }));
		const killed = await killedBuild(root, /article-15\/index\.html \(\+/, 0);
		// What the stop leaves: the stopped build's page in Astro's cache, the manifest of the build before.
		expect(killed).toMatch(/^SIGKILL/);
		expect(readFileSync(manifest, 'utf8')).toBe(before);
		expect(readFileSync(path.join(root, 'node_modules/.astro/dist/posts/article-15/index.html'), 'utf8')).toContain('Titre jamais publié');
		writeFileSync(postFile('article-15.md'), original);
		const built = await warmBuild();
		expect(built.log).toContain('The last build did not finish');
		expect(built.html('posts/article-15/index.html')('h1').text()).toBe('Article 15');
		expect(generated(built).restored).toEqual([]);
		// The build after it copies pages from the cache again.
		const next = await warmBuild();
		expect(generated(next).restored).toContain('/posts/article-15/index.html');
		expectSameOutput(outputOf(next), await coldOutput());
	}, 600_000);

	test("after the theme's options change (postsPerPage, title), writes what a cold build writes", async () => {
		writeFileSync(path.join(root, 'astro.config.mjs'), config({ title: 'Nouveau nom', postsPerPage: 4 }));
		const built = await warmBuild();
		const warm = outputOf(built);
		expect(built.html('posts/article-3/index.html')('.carnet-header__title').text()).toBe('Nouveau nom');
		// 29 posts, 4 to a page.
		expect(warm.has('page/8/index.html')).toBe(true);
		expect(warm.has('page/9/index.html')).toBe(false);
		expectSameOutput(warm, await coldOutput());
	}, 600_000);

	test('with a replaced component that shows another post, writes what a cold build writes after that post changes', async () => {
		// src/components/Latest.astro, a footer naming the newest post on every page: no key of the theme's
		// can know what it reads.
		writeFileSync(path.join(root, 'astro.config.mjs'), config({ title: 'Nouveau nom', postsPerPage: 4, components: { Footer: './src/components/Latest.astro' } }));
		await warmBuild();
		// The newest post; article-21's page shows nothing else of it.
		writeFileSync(postFile('article-23.md'), post(23, { title: 'Le plus récent, renommé' }));
		const built = await warmBuild();
		expect(built.html('posts/article-21/index.html')('.latest').text()).toBe('Le plus récent, renommé');
		expectSameOutput(outputOf(built), await coldOutput());
	}, 600_000);
});
