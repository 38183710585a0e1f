import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSiteSearch } from '../helpers/search.ts';
import { astroEnv, openSite, repoRoot, stripAnsi, type BuiltSite } from '../helpers/sites.ts';

// A site owner's path, from the packed theme: a fresh Astro site outside this repository, the README's
// snippets applied as written, npm install, astro build. A wrong `exports` map, a file missing from
// `files` or a README snippet that does not work fails here, where workspace tests would not notice.
const run = promisify(execFile);
let workDir: string;
let site: BuiltSite;
let siteRoot: string;
let readmeFiles: Record<string, string>;

/** The code blocks of the README's "Use it in your Astro site" section, by the file each one is for. */
function readmeSnippets(): Record<string, string> {
	const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
	const section = readme.split(/^## /m).find((part) => part.startsWith('Use it in your Astro site'));
	if (!section) throw new Error('README.md has no "Use it in your Astro site" section');
	const files: Record<string, string> = {};
	const block = /((?:[^\n]*\n){0,3}?)```(\w+)\n([\s\S]*?)```/g;
	for (const [, before = '', language, code = ''] of section.matchAll(block)) {
		if (language === 'sh') continue;
		// A block names its file in a first-line comment, or the sentence before it does (a post).
		const named = /^\/\/ (\S+)\n/.exec(code)?.[1] ?? [...before.matchAll(/`([\w./-]+\.\w+)`/g)].at(-1)?.[1];
		if (!named) throw new Error(`README block without a file name:\n${code}`);
		files[named] = code;
	}
	return files;
}

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'carnet-install-'));
	const packDir = path.join(workDir, 'pack');
	mkdirSync(packDir);
	await run('npm', ['pack', '--workspace', 'astro-theme-carnet', '--pack-destination', packDir], { cwd: repoRoot });
	const tarball = path.join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz')) as string);

	const root = path.join(workDir, 'my-site');
	siteRoot = root;
	readmeFiles = readmeSnippets();
	const astroVersion = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/astro/package.json'), 'utf8')).version as string;
	mkdirSync(root);
	writeFileSync(
		path.join(root, 'package.json'),
		JSON.stringify({ name: 'my-site', private: true, type: 'module', dependencies: { astro: astroVersion, 'astro-theme-carnet': `file:${tarball}` } }, null, 2),
	);
	for (const [file, code] of Object.entries(readmeFiles)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), code);
	}
	await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });

	// Astro 7 needs Node 22: the binary this test runs on, as npm scripts give it.
	const env = astroEnv();
	let log: string;
	let ok = true;
	try {
		const result = await run(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
		log = result.stdout + result.stderr;
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		ok = false;
		log = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
	}
	site = openSite(path.join(root, 'dist'), ok, stripAnsi(log));
}, 600_000);

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('installing the packed theme into a new site with the README', () => {
	test('the README gives the three files a site needs', () => {
		expect(Object.keys(readmeFiles).sort()).toEqual(['astro.config.mjs', 'src/content.config.ts', 'src/content/posts/hello-world.md']);
	});

	test('builds the blog: home page, post page, feed and sitemap', () => {
		expect(site.ok, site.log).toBe(true);
		const home = site.html('index.html');
		expect(home('.carnet-card h2').text()).toBe('Hello, world');
		expect(site.html('posts/hello-world/index.html')('h1').text()).toBe('Hello, world');
		const feed = parseFeed(site.read('rss.xml')).feed as { items: { title: string }[] };
		expect(feed.items.map((item) => item.title)).toEqual(['Hello, world']);
		expect(site.xml('sitemap-index.xml').sitemapindex.sitemap.loc).toBe('https://example.com/sitemap-0.xml');
		expect(site.exists('tags/news/index.html')).toBe(true);
	});

	test("type-checks with Astro's strict tsconfig, the theme's own TypeScript in node_modules included", async () => {
		writeFileSync(path.join(siteRoot, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }));
		const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
		const result = await run(process.execPath, [tsc, '--noEmit', '-p', siteRoot], { cwd: siteRoot, maxBuffer: 64 * 1024 * 1024 }).then(
			({ stdout }) => stdout,
			(error: { stdout?: string }) => error.stdout ?? String(error),
		);
		expect(result.trim()).toBe('');
	}, 120_000);

	test('indexes the post for search: the search page finds it by a word of its text', async () => {
		expect(site.html('search/index.html')('form[role="search"]').attr('action')).toBe('/search/');
		const search = await openSiteSearch(site.dist);
		try {
			expect((await search.find('welcome')).map((result) => result.url)).toEqual(['/posts/hello-world/']);
		} finally {
			await search.close();
		}
	});
});

// Workers need a second core (integration/markdown-workers.ts).
describe.skipIf(availableParallelism() < 2)('the installed theme with a larger blog', () => {
	// Node strips TypeScript types itself, but not in node_modules: the workers load the theme through a hook.
	test('renders the bodies on worker threads from node_modules, with every feature and no warning', async () => {
		// Twenty new posts; the README's post is taken from the first build's cache.
		for (let index = 0; index < 20; index++) {
			const post = `---\ntitle: Post ${index}\ndate: 2024-02-${String(index + 1).padStart(2, '0')}\n---\n\n> [!TIP]\n> A tip.\n\nEnergy is $E = mc^2$.\n\n\`\`\`js title="app.js"\nconst n = ${index};\n\`\`\`\n`;
			writeFileSync(path.join(siteRoot, `src/content/posts/post-${String(index).padStart(2, '0')}.md`), post);
		}
		const result = await run(process.execPath, [path.join(siteRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: siteRoot, env: astroEnv(), maxBuffer: 64 * 1024 * 1024 });
		const log = stripAnsi(result.stdout + result.stderr);
		expect(log, log).toMatch(/Rendered 20 post bodies, \d+ of them on \d+ worker threads?\./);
		expect(log).not.toMatch(/ExperimentalWarning|WARN|stopped/);
		const page = openSite(path.join(siteRoot, 'dist'), true, log).html('posts/post-19/index.html');
		expect(page('.carnet-callout--tip').length).toBe(1);
		expect(page('.carnet-prose math').length).toBe(1);
		expect(page('.carnet-prose pre code').text()).toContain('const n = 19;');
	}, 300_000);
});
