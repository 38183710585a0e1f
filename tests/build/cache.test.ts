import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { startDevServer } from '../helpers/dev-server.ts';
import { CHILD_NODE_FLAGS, CONTENT_CONFIG, astroEnv, buildSite, killedBuild, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// What a build leaves for the next one (the content store, rendered bodies, images) must never make the
// next build differ from a clean one: after damaged cache files, a killed build, a full disk, a failed
// build, or a changed Markdown configuration, pages and feeds are byte for byte those of a clean build.

const POSTS = 40;
const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));
// Another photo: Astro gives identical images one file, named after one of them.
const otherJpeg = readFileSync(path.join(repoRoot, 'public/images/hugo-migration.jpg'));
const buildScript = fileURLToPath(new URL('../helpers/build-site.mjs', import.meta.url));
const run = promisify(execFile);

const config = (markdown = '') => `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';
${markdown ? "import { satteri } from '@astrojs/markdown-satteri';\n" : ''}
export default defineConfig({
	site: 'https://example.com',
	base: '/blog',
	${markdown}
	integrations: [carnet({ title: 'Cache', locale: 'fr', timeZone: 'Europe/Paris' })],
});
`;

const WORDS = 'externalisation coûts équipe stratégie croissance client service qualité marché budget projet temps'.split(' ');
function post(index: number): string {
	const words = Array.from({ length: 400 }, (_, n) => WORDS[(index * 7 + n * 3) % WORDS.length]).join(' ');
	return `---\ntitle: "Article ${index} : essai"\ndate: 2024-01-${String((index % 28) + 1).padStart(2, '0')} 10:00:00\ntags: [PME, "Tag ${index % 5}"]\n---\n\n## Partie ${index} : début\n\n${words} ! Voir [l'accueil](/posts/article-${(index + 1) % POSTS}/).\n\n## Fin\n\n${words.slice(0, 300)}\n`;
}

function siteFiles(): Record<string, string | Buffer> {
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': config(),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/with-image/index.md': '---\ntitle: Avec image\ndate: 2023-05-01\nfeatured_image: ./photo.jpg\n---\n\nUne photo : ![La photo](./photo.jpg)\n',
		'src/content/posts/with-image/photo.jpg': jpeg,
		'src/content/posts/gallery/index.md': '---\ntitle: Galerie\ndate: 2023-05-03\n---\n\nLa vue :\n\n![La vue](./view.jpg)\n',
		'src/content/posts/gallery/view.jpg': otherJpeg,
		'src/content/posts/composant.mdx': '---\ntitle: MDX\ndate: 2023-05-02\n---\n\nexport const Note = (props) => <aside>{props.children}</aside>;\n\nUn lien : [ici](/posts/article-1/).\n\n<Note>Rendu par MDX !</Note>\n',
	};
	for (let index = 0; index < POSTS; index++) files[`src/content/posts/article-${index}.md`] = post(index);
	return files;
}

let root: string;
let clean: Map<string, string>;

/** Every page, feed and text file of a build, by path. */
function outputOf(site: BuiltSite): Map<string, string> {
	expect(site.ok, site.log).toBe(true);
	const files = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|xml|json|txt)$/.test(file));
	return new Map(files.sort().map((file) => [file, site.read(file)]));
}

function expectSameOutput(actual: Map<string, string>, expected: Map<string, string>) {
	expect([...actual.keys()]).toEqual([...expected.keys()]);
	for (const [file, contents] of expected) expect(actual.get(file), file).toBe(contents);
}

const bodiesDir = () => path.join(root, 'node_modules/.astro/carnet/bodies');
const clearCaches = () => {
	for (const dir of ['dist', '.astro', 'node_modules/.astro']) rmSync(path.join(root, dir), { recursive: true, force: true });
};
const build = () => buildSite(root);

beforeAll(async () => {
	root = writeSite('cache', siteFiles());
	clean = outputOf(await build());
}, 600_000);

describe('a build after a damaged or interrupted one equals a clean build', () => {
	test('the clean build renders every post, its body in the cache and MDX and image posts included', () => {
		expect(clean.get(`posts/article-7/index.html`)).toContain('Partie 7\u202F: début');
		expect(clean.get(`posts/composant/index.html`)).toContain('<aside>Rendu par MDX\u202F!</aside>');
		expect(clean.get(`posts/composant/index.html`)).toContain('href="/blog/posts/article-1/"');
		expect(clean.get(`posts/with-image/index.html`)).toMatch(/<img[^>]+src="\/blog\/_astro\/photo\.[\w-]+\.webp"/);
		expect(readdirSync(bodiesDir())).toHaveLength(POSTS);
	});

	test('after body files were emptied, truncated or corrupted', async () => {
		const files = readdirSync(bodiesDir()).map((file) => path.join(bodiesDir(), file));
		writeFileSync(files[0] as string, '');
		truncateSync(files[1] as string, 200);
		const third = readFileSync(files[2] as string, 'utf8');
		writeFileSync(files[2] as string, third.replace('essai', 'ESSAI'));
		expectSameOutput(outputOf(await build()), clean);
	});

	test.each([
		['while it syncs content', /Syncing content/, 150],
		['just after it synced content', /Synced content/, 0],
		['while it renders pages', /generating static routes/, 300],
	])('after a build killed with SIGKILL %s', async (_, pattern, delay) => {
		clearCaches();
		const killed = await killedBuild(root, pattern, delay);
		expect(killed.split('\n')[0], killed).toBe('SIGKILL');
		expectSameOutput(outputOf(await build()), clean);
	});

	test('after a build that failed on a full disk', async () => {
		clearCaches();
		// Carnet's cache folder on a 96 KiB file system of its own, in a mount namespace: rendered bodies fill
		// it during the content sync. What was written before the disk filled up is kept for the next build.
		// Only Carnet's folder: Astro 7.4 writes Vite's optimised dependencies to node_modules/.astro first.
		const cache = path.join(root, 'node_modules/.astro/carnet');
		const kept = path.join(root, 'full-disk-leftovers');
		rmSync(kept, { recursive: true, force: true });
		const script = [
			`mkdir -p '${cache}' '${kept}'`,
			`mount -t tmpfs -o size=96k tmpfs '${cache}'`,
			`'${process.execPath}' ${CHILD_NODE_FLAGS.join(' ')} '${buildScript}' '${root}' '${path.join(root, 'dist')}'; status=$?`,
			`cp -a '${cache}/.' '${kept}/'`,
			'exit $status',
		].join('\n');
		const failed = await run('unshare', ['--mount', 'sh', '-c', script], { env: astroEnv(), maxBuffer: 64 * 1024 * 1024 }).then(
			() => ({ ok: true, log: '' }),
			(error: { stdout?: string; stderr?: string }) => ({ ok: false, log: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
		);
		expect(failed.ok).toBe(false);
		expect(failed.log).toContain('ENOSPC');
		expect(existsSync(path.join(kept, 'bodies'))).toBe(true);
		cpSync(kept, cache, { recursive: true });
		rmSync(kept, { recursive: true });
		expectSameOutput(outputOf(await build()), clean);
	});

	test('after astro dev ran on the site, which keeps bodies its own way', async () => {
		await build();
		const server = await startDevServer(root);
		expect((await fetch(`${server.origin}/blog/posts/article-2/`)).status).toBe(200);
		await server.stop();
		expectSameOutput(outputOf(await build()), clean);
	});

	test('after a build that failed on a bad post, once the post is fixed', async () => {
		clearCaches();
		const file = path.join(root, 'src/content/posts/article-3.md');
		writeFileSync(file, post(3).replace('date: 2024-01-04 10:00:00', 'date: someday'));
		const failed = await build();
		expect(failed.ok).toBe(false);
		expect(failed.log).toContain('src/content/posts/article-3.md:3: date:');
		writeFileSync(file, post(3));
		expectSameOutput(outputOf(await build()), clean);
	});
});

describe('a warm build after a change outside the post files', () => {
	test('stops on an image a body shows that was deleted, naming the post, the line and the path, as a cold build does', async () => {
		const image = path.join(root, 'src/content/posts/gallery/view.jpg');
		rmSync(image);
		try {
			const failed = await build();
			expect(failed.ok).toBe(false);
			expect(failed.log).toContain("src/content/posts/gallery/index.md:8: the image './view.jpg' was not found (looked for src/content/posts/gallery/view.jpg).");
		} finally {
			writeFileSync(image, otherJpeg);
		}
		expectSameOutput(outputOf(await build()), clean);
	});
});

describe('a warm build after an image appears beside a page bundle', () => {
	test("shows an image named featured.jpg put beside a bundle's index.md as its featured image, as a cold build does", async () => {
		const image = path.join(root, 'src/content/posts/gallery/featured.jpg');
		writeFileSync(image, readFileSync(path.join(repoRoot, 'public/images/carnet-social.jpg')));
		try {
			const warm = outputOf(await build());
			expect(cheerio.load(warm.get('posts/gallery/index.html') ?? '')('.carnet-post__image').attr('src')).toMatch(/^\/blog\/_astro\/featured\./);
			clearCaches();
			expectSameOutput(outputOf(await build()), warm);
		} finally {
			rmSync(image);
		}
		expectSameOutput(outputOf(await build()), clean);
	});
});

describe('a warm build after a post file moved, its slug unchanged', () => {
	const posts = () => path.join(root, 'src/content/posts');
	const move = (from: string, to: string) => {
		cpSync(path.join(posts(), from), path.join(posts(), to), { recursive: true });
		rmSync(path.join(posts(), from), { recursive: true });
	};
	/** The output of a clean build of the site as it is now, caches restored after: what a warm build must equal. */
	const cleanNow = async () => {
		const saved = path.join(root, '../cache-saved-astro');
		rmSync(saved, { recursive: true, force: true });
		cpSync(path.join(root, 'node_modules/.astro'), saved, { recursive: true });
		clearCaches();
		const output = outputOf(await build());
		rmSync(path.join(root, 'node_modules/.astro'), { recursive: true, force: true });
		cpSync(saved, path.join(root, 'node_modules/.astro'), { recursive: true });
		rmSync(saved, { recursive: true, force: true });
		return output;
	};

	test('builds each moved post from its new file: into a bundle, a folder, with its image, and MDX', async () => {
		await build();
		move('article-7.md', 'article-7/index.md');
		move('with-image', '2023/with-image');
		move('composant.mdx', 'composant/index.mdx');
		try {
			const warm = outputOf(await build());
			expectSameOutput(warm, clean);
			// And the next one too, from what this one stored.
			expectSameOutput(outputOf(await build()), clean);
		} finally {
			move('article-7/index.md', 'article-7.md');
			move('2023/with-image', 'with-image');
			move('composant/index.mdx', 'composant.mdx');
		}
		expectSameOutput(outputOf(await build()), clean);
	});

	test("shows a moved post's own body when another post takes its old file", async () => {
		await build();
		move('article-9.md', 'ailleurs/article-9.md');
		writeFileSync(path.join(posts(), 'article-9.md'), '---\ntitle: Nouveau\nslug: nouveau\ndate: 2024-02-01\n---\n\nLe corps du nouveau.\n');
		try {
			const warm = outputOf(await build());
			expect(warm.get('posts/article-9/index.html')).not.toContain('Le corps du nouveau');
			expectSameOutput(warm, await cleanNow());
		} finally {
			rmSync(path.join(posts(), 'article-9.md'));
			move('ailleurs/article-9.md', 'article-9.md');
		}
		expectSameOutput(outputOf(await build()), clean);
	});
});

describe('a change to the Markdown configuration', () => {
	// Adds title="…" to every paragraph of every body: an attribute that feeds keep (utils/feed-html-schema.ts).
	const marker = (name: string) => `({ name: '${name}', element: { filter: ['p'], visit(node, context) { context.setProperty(node, 'title', '${name}'); } } })`;

	test('shows on the next warm build in every post: a Sätteri hast plugin', async () => {
		await build();
		writeFileSync(path.join(root, 'astro.config.mjs'), config(`markdown: { processor: satteri({ hastPlugins: [${marker('satteri-marker')}] }) },`));
		const output = outputOf(await build());
		expectEveryBodyMarked(output, 'satteri-marker');
	});

	test("shows on the next warm build in every post: a plugin factory's options, written in the config file", async () => {
		const factory = (name: string) =>
			`markdown: { rehypePlugins: [((marker) => () => (tree) => { const visit = (node) => { if (node.tagName === 'p') node.properties.title = marker; node.children?.forEach(visit); }; visit(tree); })('${name}')] },`;
		writeFileSync(path.join(root, 'astro.config.mjs'), config(factory('factory-first')));
		expectEveryBodyMarked(outputOf(await build()), 'factory-first');
		writeFileSync(path.join(root, 'astro.config.mjs'), config(factory('factory-second')));
		expectEveryBodyMarked(outputOf(await build()), 'factory-second');
	});

	test('shows on the next warm build in every post: a rehype plugin', async () => {
		const rehype = `() => (tree) => { const visit = (node) => { if (node.tagName === 'p') node.properties.title = 'rehype-marker'; node.children?.forEach(visit); }; visit(tree); }`;
		writeFileSync(path.join(root, 'astro.config.mjs'), config(`markdown: { rehypePlugins: [${rehype}] },`));
		const output = outputOf(await build());
		expectEveryBodyMarked(output, 'rehype-marker');
		writeFileSync(path.join(root, 'astro.config.mjs'), config());
	});
});

function expectEveryBodyMarked(output: Map<string, string>, name: string) {
	const pages = [...output.keys()].filter((file) => /^posts\/[^/]+\/index\.html$/.test(file));
	expect(pages).toHaveLength(POSTS + 3);
	for (const page of pages) {
		const prose = /<div class="carnet-prose"[^>]*>([\s\S]*?)<\/div>\s*<footer/.exec(output.get(page) ?? '')?.[1] ?? '';
		const paragraphs = prose.match(/<p[\s>]/g) ?? [];
		expect(paragraphs.length, page).toBeGreaterThan(0);
		expect(prose.match(new RegExp(`<p title="${name}"`, 'g'))?.length, page).toBe(paragraphs.length);
	}
	// The feeds carry the same bodies.
	expect(output.get('rss.xml')).toContain(`&lt;p title=&quot;${name}&quot;`);
}
