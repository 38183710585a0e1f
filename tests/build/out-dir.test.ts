import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, openSite, runAstro, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Carnet moves the previous build's output aside and deletes it on another thread, instead of letting
// Astro delete it file by file before bundling (theme/integration/out-dir.ts). The contract is Astro's:
// a build's dist/ holds what this build wrote and nothing else, and `vite.build.emptyOutDir: false` keeps
// everything.

const config = (vite = '') => `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({ site: 'https://example.com', ${vite} integrations: [carnet({ title: 'Sortie' })] });
`;

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-01\ntags: [Essai]\n---\n\nLe corps de ${title}.\n`;

/** Builds the site at `root` with the `astro` command, which leaves dist/ as the previous build left it. */
async function build(root: string): Promise<BuiltSite> {
	const result = await runAstro(root, ['build']);
	return openSite(path.join(root, 'dist'), result.ok, result.log);
}

function plant(root: string, files: string[]) {
	for (const file of files) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), 'left over');
	}
}

const leftovers = (root: string) => path.join(root, 'node_modules/.astro/carnet/old-output');

describe("a build's output folder", () => {
	let root: string;
	let second: BuiltSite;

	beforeAll(async () => {
		root = writeSite('out-dir', {
			'astro.config.mjs': config(),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/gardee.md': post('Gardée'),
			'src/content/posts/supprimee.md': post('Supprimée'),
		});
		const first = await build(root);
		expect(first.ok, first.log).toBe(true);
		expect(first.exists('posts/supprimee/index.html')).toBe(true);
		rmSync(path.join(root, 'src/content/posts/supprimee.md'));
		plant(root, ['dist/ancienne-page.html', 'dist/_astro/ancien.css', 'node_modules/.astro/carnet/old-output/1234-5678/posts/index.html']);
		second = await build(root);
		expect(second.ok, second.log).toBe(true);
	});

	test("holds nothing of the previous build that this build did not write", () => {
		expect(second.exists('posts/gardee/index.html')).toBe(true);
		expect(second.exists('posts/supprimee/index.html')).toBe(false);
		expect(second.exists('ancienne-page.html')).toBe(false);
		expect(second.exists('_astro/ancien.css')).toBe(false);
		expect(second.html('tags/essai/index.html')('main').text()).not.toContain('Supprimée');
	});

	test("leaves no copy of the previous output behind, a killed build's included", () => {
		expect(existsSync(leftovers(root)), readdirSync(path.dirname(leftovers(root))).join(', ')).toBe(false);
	});

	test('finishes deleting what a killed build left, when there is no dist/ to clear', async () => {
		rmSync(path.join(root, 'dist'), { recursive: true, force: true });
		plant(root, ['node_modules/.astro/carnet/old-output/1234-5678/index.html']);
		const fresh = await build(root);
		expect(fresh.ok, fresh.log).toBe(true);
		expect(existsSync(leftovers(root))).toBe(false);
	});

	test('keeps every file when the site sets vite.build.emptyOutDir to false', async () => {
		writeFileSync(path.join(root, 'astro.config.mjs'), config('vite: { build: { emptyOutDir: false } },'));
		plant(root, ['dist/gardee-par-le-site.html']);
		const kept = await build(root);
		expect(kept.ok, kept.log).toBe(true);
		expect(kept.read('gardee-par-le-site.html')).toBe('left over');
		expect(kept.exists('posts/gardee/index.html')).toBe(true);
	});
});
