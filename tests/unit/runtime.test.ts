import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../../theme/runtime/blog.ts';
import { renderFailure } from '../../theme/runtime/render-failure.ts';
import { renderedBody } from '../../theme/runtime/rendered-body.ts';
import { t } from '../../theme/runtime/i18n.ts';
import { listingStructuredData } from '../../theme/runtime/seo.ts';
import type { Post } from '../../theme/utils/posts.ts';
import { setCollection } from '../helpers/astro-content.ts';
import { repoRoot } from '../helpers/sites.ts';

// Render-time code against the theme's real virtual modules (helpers/theme-vite.ts): a French blog at
// https://example.com/blog/, built (drafts hidden), two posts a page.
const entry = (id: string, date: string, data: Record<string, unknown> = {}) => ({
	id,
	data: { title: `Titre ${id} : ok`, date: new Date(date), tags: [], draft: false, extra: {}, ...data },
});

setCollection('posts', [
	entry('ancien', '2023-01-01', { tags: ['PME', 'Été'] }),
	entry('brouillon', '2024-06-01', { draft: true }),
	entry('recent', '2024-01-01', { tags: ['PME'] }),
]);

describe('the virtual modules', () => {
	test('serve the validated options and the project settings', () => {
		expect(config.title).toBe('Carnet de test');
		expect(config.postsPerPage).toBe(2);
		expect(project).toEqual({
			site: 'https://example.com',
			base: '/blog',
			trailingSlash: 'always',
			buildFormat: 'directory',
			root: repoRoot,
			publicDir: path.join(repoRoot, 'public/'),
			showDrafts: false,
			incrementalBuild: false,
			postPattern: '/posts/[slug]',
		});
	});
});

describe('getBlog()', () => {
	test('lists published posts newest first with their URLs under base, and French titles', async () => {
		const blog = await getBlog();
		expect(blog.posts.map((post) => [post.id, post.url, post.title])).toEqual([
			['recent', '/blog/posts/recent/', 'Titre recent\u202F: ok'],
			['ancien', '/blog/posts/ancien/', 'Titre ancien\u202F: ok'],
		]);
		expect(blog.tags.map((tag) => [tag.slug, tag.url, tag.count])).toEqual([
			['pme', '/blog/tags/pme/', 2],
			['ete', '/blog/tags/ete/', 1],
		]);
	});

	test('is worked out once per build', async () => {
		expect(await getBlog()).toBe(await getBlog());
	});
});

describe('render-time helpers', () => {
	test('translate UI strings in the site locale, with its overrides', () => {
		expect(t('site.archive')).toBe('Tout');
		expect(t('site.tags')).toBe('Étiquettes');
	});

	test('describe listings in JSON-LD with absolute URLs under base', () => {
		const [page, breadcrumbs] = listingStructuredData('Étiquettes', '/blog/tags/', undefined, [{ name: 'Étiquettes', path: '/blog/tags/' }]);
		expect(page).toMatchObject({ '@type': 'CollectionPage', url: 'https://example.com/blog/tags/', inLanguage: 'fr' });
		expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList' });
	});

	test("word a damaged body in the cache naming the post and the cache file, with the cache's own advice only, not as a fault of the post", () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'carnet-body-')), 'x.body');
		writeFileSync(file, JSON.stringify({ format: 2, html: '<p>x</p>', hash: 'not its hash', headings: [] }));
		let thrown: unknown;
		try {
			renderedBody(file, 'src/content/posts/p.md').getHeadings();
		} catch (error) {
			thrown = error;
		}
		// As a page of the site's own that calls render(entry) gets it: naming the post and the cache file.
		expect((thrown as Error).message).toBe(
			`src/content/posts/p.md: its body could not be rendered. The rendered body in ${file} cannot be used: it is damaged. It was changed after the content sync that wrote it; build again, and the post is rendered anew.`,
		);
		const post = { id: 'p', entry: { filePath: 'src/content/posts/p.md' } } as unknown as Post;
		expect(renderFailure(post, thrown).message).toBe(
			`src/content/posts/p.md: its body could not be rendered, for its page and the feeds alike. The rendered body in ${file} cannot be used: it is damaged. It was changed after the content sync that wrote it; build again, and the post is rendered anew.`,
		);
	});
});
