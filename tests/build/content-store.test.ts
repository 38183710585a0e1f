import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A static build reads Astro's content store from its file when pages render, instead of bundling it as a
// string (theme/integration/vite-plugin-content-store.ts). These builds look at what the bundler wrote and
// at what happens when the file changes between the bundle and the pages.

const MARKER = 'Phrase témoin du corps, unique dans ce site';
const POST = `---\ntitle: Témoin\ndate: 2024-02-03\n---\n\n${MARKER}.\n`;

/** An astro.config.mjs with the theme and a Vite plugin of the test's own, run while the bundle is written. */
const configWith = (generateBundle: string) => `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://example.com',
	integrations: [carnet({ title: 'Store' })],
	vite: { plugins: [{ name: 'store-probe', generateBundle(_options, bundle) { ${generateBundle} } }] },
});
`;

// Pages of the site's own reading the collection as Astro's docs show it.
const BODIES_PAGE = `import { getCollection } from 'astro:content';
export async function GET() {
	const entries = await getCollection('posts');
	return new Response(JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.id, entry.body ?? null]))));
}
`;

describe('a static build', () => {
	let root: string;
	let site: BuiltSite;
	beforeAll(async () => {
		root = writeSite('content-store', {
			// Records the names of the chunks that hold the post's text.
			'astro.config.mjs': configWith(
				`const holding = Object.values(bundle).filter((file) => file.type === 'chunk' && file.code.includes(${JSON.stringify(MARKER)})).map((file) => file.fileName); appendFileSync(new URL('bundle-probe.txt', import.meta.url), JSON.stringify(holding) + '\\n');`,
			),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/temoin.md': POST,
			'src/pages/bodies.json.ts': BODIES_PAGE,
		});
		site = await buildSite(root);
		expect(site.ok, site.log).toBe(true);
	}, 300_000);

	test('bundles no chunk holding a post body, as the content store is read from its file', () => {
		const probes = readFileSync(path.join(root, 'bundle-probe.txt'), 'utf8').trim().split('\n');
		expect(probes.length).toBeGreaterThan(0);
		expect(probes.map((line) => JSON.parse(line) as string[]).flat()).toEqual([]);
	});

	test('still gives pages every entry with its body and rendered post', () => {
		expect(JSON.parse(site.read('bodies.json'))).toEqual({ temoin: `${MARKER}.` });
		expect(site.html('posts/temoin/index.html')('article').text()).toContain(MARKER);
	});
});

describe('a static build whose content store changes after the bundle', () => {
	let site: BuiltSite;
	beforeAll(async () => {
		const root = writeSite('content-store-changed', {
			// Another build of the same site, as it would, rewrites the store once this one has bundled its reader.
			'astro.config.mjs': configWith(
				`if (!Object.values(bundle).some((file) => file.type === 'chunk' && file.code.includes('readContentStore'))) return; const file = new URL('node_modules/.astro/data-store.json', import.meta.url); writeFileSync(file, readFileSync(file, 'utf8').replace(${JSON.stringify(MARKER)}, 'Autre texte'));`,
			),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/temoin.md': POST,
			'src/pages/bodies.json.ts': BODIES_PAGE,
		});
		site = await buildSite(root);
	}, 300_000);

	test('fails, naming the store file and what to do, instead of rendering other content or no posts', () => {
		expect(site.ok).toBe(false);
		expect(site.log).toMatch(/content store in \S*node_modules\/\.astro\/data-store\.json cannot be used for this build's pages: it changed after this build read it/);
		expect(site.log).toContain('Build the site again, one build at a time.');
		expect(site.log).not.toContain('Autre texte');
	});
});
