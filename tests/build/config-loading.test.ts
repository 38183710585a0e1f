import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Astro imports astro.config.mjs with Node, which loads the theme's TypeScript through its hook (theme/index.js),
// and through Vite when Node cannot import the config: here, a JSON import without `with { type: 'json' }`.
const run = promisify(execFile);
const CONFIG = `import settings from './settings.json';
import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({ site: 'https://example.com', integrations: [carnet({ title: settings.title })] });
`;

let root: string;
let site: BuiltSite;

beforeAll(async () => {
	root = writeSite('config-through-vite', {
		'astro.config.mjs': CONFIG,
		'settings.json': '{ "title": "Settings in JSON" }',
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/hello.md': '---\ntitle: Hello\ndate: 2024-02-01\n---\n\nHello.\n',
	});
	site = await buildSite(root);
});

describe('a site whose astro.config.mjs Node cannot import itself', () => {
	test('is one that Node refuses', async () => {
		const refused = await run(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], { cwd: root }).then(
			() => '',
			(error: { stderr?: string }) => error.stderr ?? '',
		);
		expect(refused).toContain('ERR_IMPORT_ATTRIBUTE_MISSING');
	});

	test('builds through Vite, the theme and its options included', () => {
		expect(site.ok, site.log).toBe(true);
		expect(site.html('index.html')('title').text()).toBe('Settings in JSON');
		expect(site.html('posts/hello/index.html')('h1').text()).toBe('Hello');
	});
});
