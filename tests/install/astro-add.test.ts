import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installSite, packTheme, pinnedAstroVersion } from '../helpers/packed-theme.ts';
import { CHILD_NODE_FLAGS, astroEnv, openSite, repoRoot, stripAnsi, type BuiltSite } from '../helpers/sites.ts';

// The ecosystem's one-line install: `npx astro add astro-theme-carnet` in a new site, then `astro build`.
// astro add looks the package up on the npm registry (for its name, version and `astro-integration`
// keyword): a loopback server stands in for the registry and answers with the packed theme's package.json.
// The theme is already installed from the tarball, and the site has no lockfile, so astro add finds no
// package manager to run and only edits astro.config.mjs, as it does after installing.
const run = promisify(execFile);
let workDir: string;
let root: string;
let server: Server;
let added: { ok: boolean; log: string };
let configAfterAdd: string;
let firstBuild: BuiltSite;
let hintedConfig: string;
let secondBuild: BuiltSite;

async function astro(args: string[], env: Record<string, string> = {}): Promise<{ ok: boolean; log: string }> {
	try {
		const result = await run(process.execPath, [...CHILD_NODE_FLAGS, path.join(root, 'node_modules/astro/bin/astro.mjs'), ...args], {
			cwd: root,
			env: astroEnv(env),
			maxBuffer: 64 * 1024 * 1024,
		});
		return { ok: true, log: stripAnsi(result.stdout + result.stderr) };
	} catch (error) {
		const failed = error as { stdout?: string; stderr?: string };
		return { ok: false, log: stripAnsi(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) };
	}
}

async function build(): Promise<BuiltSite> {
	const result = await astro(['build']);
	return openSite(path.join(root, 'dist'), result.ok, result.log);
}

/** The lines of the hint that follow `Create src/content.config.ts with these lines:`, as Astro printed them. */
function fileFromHint(log: string): string {
	const start = log.indexOf('with these lines:');
	const end = log.indexOf('and write your posts', start);
	expect(start, log).toBeGreaterThan(-1);
	const lines = log.slice(log.indexOf('\n', start) + 1, end).split('\n');
	const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
	return `${lines.map((line) => line.slice(indent)).join('\n').trim()}\n`;
}

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'carnet-astro-add-'));
	const tarball = await packTheme(path.join(workDir, 'pack'));
	const manifest = readFileSync(path.join(repoRoot, 'theme/package.json'), 'utf8');
	server = createServer((request, response) => {
		if (request.url === '/astro-theme-carnet/latest') response.writeHead(200, { 'Content-Type': 'application/json' }).end(manifest);
		else response.writeHead(404).end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	root = path.join(workDir, 'my-astro-site');
	await installSite(root, { astro: pinnedAstroVersion(), 'astro-theme-carnet': `file:${tarball}` }, {
		// astro.config.mjs as `npm create astro` writes it.
		'astro.config.mjs': "// @ts-check\nimport { defineConfig } from 'astro/config';\n\n// https://astro.build/config\nexport default defineConfig({});\n",
		'src/content/posts/hello.md': '---\ntitle: Hello\npubDate: Jul 08 2022\n---\nA first post.\n',
	});
	rmSync(path.join(root, 'package-lock.json'));
	rmSync(path.join(root, 'node_modules/.package-lock.json'));

	added = await astro(['add', 'astro-theme-carnet', '--yes'], { npm_config_registry: registry });
	configAfterAdd = readFileSync(path.join(root, 'astro.config.mjs'), 'utf8');
	firstBuild = await build();
	hintedConfig = fileFromHint(firstBuild.log);
	writeFileSync(path.join(root, 'src/content.config.ts'), hintedConfig);
	secondBuild = await build();
}, 600_000);

afterAll(async () => {
	await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('npx astro add astro-theme-carnet, then astro build', () => {
	test('astro add writes the integration, with no options, into astro.config.mjs', () => {
		expect(added.ok, added.log).toBe(true);
		expect(configAfterAdd).toContain("import themeCarnet from 'astro-theme-carnet';");
		expect(configAfterAdd).toMatch(/integrations: \[themeCarnet\(\)\]/);
	});

	test('the first build stops and names the file to create, with its lines', () => {
		expect(firstBuild.ok).toBe(false);
		expect(firstBuild.log).toContain('this site has no src/content.config.ts to declare it.');
		expect(hintedConfig).toMatchInlineSnapshot(`
			"import { defineCollection } from 'astro:content';
			import { postsLoader } from 'astro-theme-carnet/loaders';
			import { postSchema } from 'astro-theme-carnet/schema';

			export const collections = {
				posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
			};
			"
		`);
	});

	test('with that file as the message gives it, the blog builds, named after the package, with one warning saying how to name it', () => {
		expect(secondBuild.ok, secondBuild.log).toBe(true);
		const warnings = secondBuild.log.split('\n').filter((line) => line.includes('has no title'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(`carnet() has no title, so the blog is called "my-astro-site". Name it in astro.config.mjs: integrations: [carnet({ title: 'My blog' })].`);
		const home = secondBuild.html('index.html');
		expect(home('.carnet-card h2').text()).toBe('Hello');
		expect(home('title').text()).toContain('my-astro-site');
		expect(secondBuild.html('posts/hello/index.html')('.carnet-post-meta time').attr('datetime')).toBe('2022-07-08T00:00:00+00:00');
	});
});
