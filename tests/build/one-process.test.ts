import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHILD_NODE_FLAGS, CONTENT_CONFIG, astroConfig, astroEnv, openSite, stripAnsi, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Node loads the theme once per process (theme/index.js), where Vite gave each build its own copy: a script
// that builds two sites one after the other shares the theme's module state between them. The first site's
// build fails after noting posts for its warnings; the second must neither repeat them nor miss its own.
const buildScript = fileURLToPath(new URL('../helpers/build-site.mjs', import.meta.url));

let logs: { first: string; second: string };
let second: BuiltSite;

beforeAll(async () => {
	const first = writeSite('one-process-first', {
		'astro.config.mjs': astroConfig({ title: 'First' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/a-note.md': '---\ndate: 2024-01-01\n---\n\nA note of the first site, without a title.\n',
		'src/content/posts/drafts/b-later.md': '---\ntitle: Later\ndate: 2024-01-02\n---\n\nA draft of the first site.\n',
		'src/content/posts/c-broken.md': '---\ntitle: Broken\ndate: 2024-01-03\n\nThe front matter is never closed.\n',
	});
	const secondRoot = writeSite('one-process-second', {
		'astro.config.mjs': astroConfig({ title: 'Second' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': '---\ntitle: Hello\ndate: 2024-02-01\n---\n\nThe second site.\n',
		'src/content/posts/untitled-second.md': '---\ndate: 2024-02-02\n---\n\nA note of the second site, without a title.\n',
	});
	const dist = path.join(secondRoot, 'dist');
	// Both streams in the order they were written, so that each build's lines stay under its own heading.
	const child = spawn(process.execPath, [...CHILD_NODE_FLAGS, buildScript, first, path.join(first, 'dist'), secondRoot, dist], { env: astroEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (chunk: Buffer) => (log += chunk));
	child.stderr.on('data', (chunk: Buffer) => (log += chunk));
	await new Promise((resolve) => child.on('close', resolve));
	log = stripAnsi(log);
	const split = log.indexOf(`BUILD ${secondRoot}`);
	logs = { first: log.slice(0, split), second: log.slice(split) };
	second = openSite(dist, !logs.second.includes('BUILD FAILED'), logs.second);
}, 240_000);

describe('two sites built one after the other in one process', () => {
	test('the first build fails on its broken post', () => {
		expect(logs.first).toContain('BUILD FAILED');
		expect(logs.first).toContain('c-broken.md');
	});

	test("the second builds, warning about its own untitled post and not about the first site's posts", () => {
		expect(second.ok, logs.second).toBe(true);
		expect(second.html('posts/hello/index.html')('h1').text()).toBe('Hello');
		const warnings = logs.second.split('\n').filter((line) => line.includes('[WARN]'));
		expect(warnings.join('\n')).toContain('untitled-second.md has no title');
		expect(logs.second).not.toContain('a-note.md');
		expect(logs.second).not.toContain('b-later.md');
	});
});
