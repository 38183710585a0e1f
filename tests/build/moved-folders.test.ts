import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openSite, repoRoot, runAstro, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Astro's srcDir, publicDir and outDir name the site's folders; Carnet reads and writes where they say,
// and its messages name the folders the site has.

const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));
// Another photo: Astro gives identical images one file, named after one of them.
const otherJpeg = readFileSync(path.join(repoRoot, 'public/images/hugo-migration.jpg'));

const config = `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://example.com',
	srcDir: 'app',
	publicDir: 'static',
	outDir: 'build',
	integrations: [carnet({ title: 'Dossiers' })],
});
`;

// postsLoader() with no base, as the README's content.config.ts writes it.
const contentConfig = `import { defineCollection } from 'astro:content';
import { postsLoader } from 'astro-theme-carnet/loaders';
import { postSchema } from 'astro-theme-carnet/schema';

export const collections = {
	posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
};
`;

let root: string;
let site: BuiltSite;

beforeAll(async () => {
	root = writeSite('moved-folders', {
		'astro.config.mjs': config,
		'app/content.config.ts': contentConfig,
		'app/content/posts/publique.md': '---\ntitle: Publique\ndate: 2024-01-01\nfeatured_image: /images/x.jpg\n---\n\nLe corps de Publique.\n',
		'app/content/posts/voisine/index.md': '---\ntitle: Voisine\ndate: 2024-01-02\n---\n\nUne photo : ![La photo](./photo.jpg)\n',
		'app/content/posts/voisine/photo.jpg': otherJpeg,
		'static/images/x.jpg': jpeg,
		'static/robots.txt': 'User-agent: *\nAllow: /\n',
	});
	const result = await runAstro(root, ['build']);
	site = openSite(path.join(root, 'build'), result.ok, result.log);
	expect(site.ok, site.log).toBe(true);
}, 600_000);

describe('a site whose srcDir, publicDir and outDir are moved', () => {
	test("publishes the posts of <srcDir>/content/posts/, postsLoader()'s folder when it is given none", () => {
		expect(site.log).not.toContain('does not exist');
		expect(site.html('posts/publique/index.html')('.carnet-prose').text().trim()).toBe('Le corps de Publique.');
		expect(site.html('posts/voisine/index.html')('.carnet-prose img').attr('src')).toMatch(/^\/_astro\/photo\.[\w-]+\.webp$/);
		const home = site.html('index.html');
		expect(home('main h2').map((_, heading) => home(heading).text().trim()).get()).toEqual(['Voisine', 'Publique']);
	});

	test('reads a featured image from publicDir and writes every page into outDir', () => {
		expect(site.html('posts/publique/index.html')('img.carnet-post__image').attr('src')).toMatch(/^\/_astro\/x\.[\w-]+\.jpg$/);
		expect(site.exists('rss.xml') && site.exists('sitemap-index.xml') && site.exists('pagefind/pagefind.js')).toBe(true);
		expect(existsSync(path.join(root, 'dist'))).toBe(false);
	});

	test("names the site's own public folder in the note on its robots.txt", () => {
		expect(site.log).toContain("static/robots.txt replaces Carnet's robots.txt, and names no sitemap");
	});
});
