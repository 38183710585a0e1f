import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildInstalledSite, installSite, packTheme, pinnedAstroVersion, readmeSnippets } from '../helpers/packed-theme.ts';
import { openSiteSearch } from '../helpers/search.ts';
import { repoRoot, type BuiltSite } from '../helpers/sites.ts';

// A site owner's path, from the packed theme: a fresh Astro site outside this repository, the README's
// snippets applied as written, npm install, astro build. A wrong `exports` map, a file missing from
// `files` or a README snippet that does not work fails here, where workspace tests would not notice.
const run = promisify(execFile);
let workDir: string;
let site: BuiltSite;
let siteRoot: string;
let readmeFiles: Record<string, string>;

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'carnet-install-'));
	const tarball = await packTheme(path.join(workDir, 'pack'));
	siteRoot = path.join(workDir, 'my-site');
	readmeFiles = readmeSnippets();
	await installSite(siteRoot, { astro: pinnedAstroVersion(), 'astro-theme-carnet': `file:${tarball}` }, readmeFiles);
	// Astro 7 needs Node 22: the binary this test runs on, as npm scripts give it.
	site = await buildInstalledSite(siteRoot);
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

	// Astro imports astro.config.mjs with Node first and falls back to Vite, which transformed the theme's
	// two hundred modules on every build and dev start, when that fails (theme/index.js).
	test("Node imports the site's astro.config.mjs itself, the theme's TypeScript in node_modules included, without a warning", async () => {
		const script = "const { default: config } = await import('./astro.config.mjs'); console.log(JSON.stringify(config.integrations.map((integration) => integration.name)));";
		const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: siteRoot });
		expect(JSON.parse(stdout)).toEqual(['astro-theme-carnet']);
		expect(stderr).toBe('');
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
		const built = await buildInstalledSite(siteRoot);
		expect(built.ok, built.log).toBe(true);
		const log = built.log;
		expect(log, log).toMatch(/Rendered 20 post bodies, \d+ of them on \d+ worker threads?\./);
		expect(log).not.toMatch(/ExperimentalWarning|WARN|stopped/);
		const page = built.html('posts/post-19/index.html');
		expect(page('.carnet-callout--tip').length).toBe(1);
		expect(page('.carnet-prose math').length).toBe(1);
		expect(page('.carnet-prose pre code').text()).toContain('const n = 19;');
	}, 300_000);
});
