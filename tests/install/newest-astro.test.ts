import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildInstalledSite, installSite, packTheme, readmeSnippets } from '../helpers/packed-theme.ts';
import { repoRoot, type BuiltSite } from '../helpers/sites.ts';

// The Astro a new site gets today: `npm create astro` and `npm update` install the newest Astro the
// theme's peer range allows, where the other install tests use the one this repository pins. Its
// `engines` may ask for a newer Node than the repository's: the site installs the newest `node` package
// they allow and builds with its binary, as a site owner on that Node would.
const run = promisify(execFile);
const peerRange = JSON.parse(readFileSync(path.join(repoRoot, 'theme/package.json'), 'utf8')).peerDependencies.astro as string;
// What npm prints when it cannot reach the registry (DNS, refused or dropped connections, no route).
const OFFLINE = /\bE(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)\b|npm error network/;

/** The highest version of `name` on the npm registry within `range`. */
async function findNewestVersion(name: string, range: string): Promise<string> {
	const { stdout } = await run('npm', ['view', `${name}@${range}`, 'version', '--json']);
	// npm prints one version as a string, several as an array, in no particular order.
	const versions = stdout.trim() === '' ? [] : ([JSON.parse(stdout)].flat() as string[]);
	// A range leaves prereleases out, so versions are x.y.z: numeric collation orders 7.10.0 after 7.9.0.
	const newest = versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
	if (!newest) throw new Error(`The npm registry has no ${name} version in ${range}.`);
	return newest;
}

/** The newest Astro in the peer range and the newest Node its `engines` allow, or why the registry did not answer. */
async function findNewestAstro(): Promise<{ astro: string; node: string } | { offline: string }> {
	try {
		const astro = await findNewestVersion('astro', peerRange);
		const { stdout } = await run('npm', ['view', `astro@${astro}`, 'engines.node']);
		return { astro, node: await findNewestVersion('node', stdout.trim()) };
	} catch (error) {
		const message = `${(error as { stderr?: string }).stderr ?? ''}${String(error)}`;
		const offline = OFFLINE.exec(message);
		if (!offline) throw error;
		return { offline: offline[0] };
	}
}

const newest = await findNewestAstro();

if ('offline' in newest) {
	test.skip(`needs the npm registry to find the newest Astro in ${peerRange}, and npm could not reach it (${newest.offline})`);
} else {
	const { astro, node } = newest;
	let workDir: string;
	let site: BuiltSite;
	let nodeVersion: string;

	beforeAll(async () => {
		workDir = mkdtempSync(path.join(tmpdir(), 'carnet-newest-astro-'));
		const tarball = await packTheme(path.join(workDir, 'pack'));
		const root = path.join(workDir, 'my-site');
		await installSite(root, { astro, node, 'astro-theme-carnet': `file:${tarball}` }, readmeSnippets());
		const binary = path.join(root, 'node_modules/.bin/node');
		nodeVersion = (await run(binary, ['--version'])).stdout.trim();
		site = await buildInstalledSite(root, binary);
	}, 600_000);

	afterAll(() => {
		if (workDir) rmSync(workDir, { recursive: true, force: true });
	});

	describe(`a new site with the README on the newest Astro in ${peerRange} (${astro}) and Node ${node}`, () => {
		test('builds without a warning on the Node binary of the newest node package that Astro allows', () => {
			expect(nodeVersion).toBe(`v${node}`);
			expect(site.ok, site.log).toBe(true);
			expect(site.log).not.toMatch(/\[WARN\]|ExperimentalWarning|DeprecationWarning/);
		});

		test('names the installed Astro version in the generator tag', () => {
			expect(site.html('posts/hello-world/index.html')('meta[name="generator"]').attr('content')).toBe(`Astro v${astro}`);
		});

		test("the post page shows the post's title and body", () => {
			const page = site.html('posts/hello-world/index.html');
			expect(page('h1').text()).toBe('Hello, world');
			expect(page('.carnet-prose').text().trim()).toBe('Welcome to my blog.');
		});

		test('the RSS, Atom and JSON feeds parse and hold the post', () => {
			const rss = parseRssFeed(site.read('rss.xml')).items ?? [];
			const atom = parseAtomFeed(site.read('atom.xml')).entries ?? [];
			const json = parseJsonFeed(JSON.parse(site.read('feed.json'))).items ?? [];
			expect(rss.map((item) => [item.title, item.link])).toEqual([['Hello, world', 'https://example.com/posts/hello-world/']]);
			expect(atom.map((entry) => entry.title?.value)).toEqual(['Hello, world']);
			expect(json.map((item) => [item.title, item.url])).toEqual([['Hello, world', 'https://example.com/posts/hello-world/']]);
			expect(json[0]?.content_html).toContain('Welcome to my blog.');
		});
	});
}
