import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, runAstro, writeSite, type CliResult } from '../helpers/sites.ts';

// A file of public/ where a redirect page's folder would go (public/og.txt and the old address /og.txt/):
// Astro stopped the build with a bare ENOTDIR and a stack trace.
const sites = {
	alias: { 'public/og.txt': 'hi\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\naliases: [/og.txt/]\n---\nok\n' },
	slug: { 'public/og.txt': 'hi\n', 'src/content/posts/g8.md': "---\ntitle: G8\ndate: 2024-01-01\nslug: '/og.txt'\n---\nbody 8\n" },
	// A file of public/ at the very file of a page the theme writes: Astro published it and skipped the page with a warning.
	post: { 'public/docs/index.html': '<p>docs</p>\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\nslug: docs\n---\nhello\n' },
	symlink: { 'public/docs/index.html': '<p>docs</p>\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\nslug: linkdir\n---\nhello\n' },
	tag: { 'public/tags/astro/index.html': '<p>astro</p>\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\ntags: [Astro]\n---\nhello\n' },
	fileFormat: { 'public/posts/docs.html': '<p>docs</p>\n', 'src/content/posts/docs.md': '---\ntitle: Docs\ndate: 2024-01-01\n---\nhello\n' },
	feed: { 'public/rss.xml': '<rss/>\n', 'public/404.html': '<p>gone</p>\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nhello\n' },
};

const options: Partial<Record<keyof typeof sites, { carnet: Record<string, unknown>; astro?: Record<string, unknown> }>> = {
	post: { carnet: { title: 'Test', permalinks: '/:slug/' } },
	symlink: { carnet: { title: 'Test', permalinks: '/:slug/' } },
	fileFormat: { carnet: { title: 'Test' }, astro: { site: 'https://example.com', build: { format: 'file' }, trailingSlash: 'never' } },
};

const results = {} as Record<keyof typeof sites, CliResult & { root: string }>;

beforeAll(async () => {
	await Promise.all(
		Object.entries(sites).map(async ([name, files]) => {
			const own = options[name as keyof typeof sites];
			const root = writeSite(`public-files-${name}`, { 'astro.config.mjs': astroConfig(own?.carnet ?? { title: 'Test' }, own?.astro), 'src/content.config.ts': CONTENT_CONFIG, ...files });
			if (name === 'symlink') symlinkSync('docs', path.join(root, 'public/linkdir'));
			results[name as keyof typeof sites] = { ...(await runAstro(root, ['build'])), root };
		}),
	);
});

describe('a file of public/ where an old address would be a folder', () => {
	test('stops the build for an alias, naming the line, the address and the file', () => {
		const { ok, log, root } = results.alias;
		expect(ok).toBe(false);
		expect(log).not.toContain('ENOTDIR');
		expect(log.slice(log.indexOf('[AstroUserError]')).replaceAll(root, '<root>').trimEnd()).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/a.md:4: aliases: "/og.txt/" (/og.txt/) would be written as og.txt/index.html, inside a folder where public/og.txt is, a file the build publishes there, so the redirect page cannot be written.
			  Hint:
			    Remove it; if the old site served it, redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite), which answer with a real redirect.
			  Location:
			    <root>/src/content/posts/a.md:4:1"
		`);
	});

	test("keeps a Gatsby slug's old address from a redirect page, with a warning naming the line and the file, and publishes the post and the file", () => {
		const { ok, log, root } = results.slug;
		expect(ok, log).toBe(true);
		expect(log).toContain(
			'src/content/posts/g8.md:4: slug: "/og.txt/" is an address the post had (/og.txt/), but it is under public/og.txt, a file the build publishes there, so no redirect page to this post is made there. Links to it reach that page instead; remove the path from slug if it was not this post\'s address.',
		);
		expect(readFileSync(path.join(root, 'dist/og.txt'), 'utf8')).toBe('hi\n');
		expect(existsSync(path.join(root, 'dist/posts/og-txt/index.html'))).toBe(true);
	});
});

/** The error a build stopped with, from its first line to its location, the site's folder written <root>. */
function errorOf({ log, root }: CliResult & { root: string }): string {
	return log.slice(log.indexOf('[AstroUserError]')).replaceAll(root, '<root>').trimEnd();
}

describe('a file of public/ where the theme writes a page', () => {
	test("stops the build for a post's page, naming the slug's line, the address and the file, where Astro published the file in the post's place", () => {
		expect(results.post.ok).toBe(false);
		expect(errorOf(results.post)).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/a.md:4: the post's address /docs/, from its slug field, is where the build publishes public/docs/index.html, which Astro keeps in place of the post's page, so the post would not be published.
			  Hint:
			    Rename or remove public/docs/index.html, or give the post another slug field.
			  Location:
			    <root>/src/content/posts/a.md:4:1"
		`);
	});

	test('stops the build for a post whose page is in a folder that public/ links to', () => {
		expect(results.symlink.ok).toBe(false);
		expect(errorOf(results.symlink)).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/a.md:4: the post's address /linkdir/, from its slug field, is where the build publishes public/linkdir/index.html, which Astro keeps in place of the post's page, so the post would not be published.
			  Hint:
			    Rename or remove public/linkdir/index.html, or give the post another slug field.
			  Location:
			    <root>/src/content/posts/a.md:4:1"
		`);
	});

	test("stops the build for a tag's page, naming a post with the tag and its tags line", () => {
		expect(results.tag.ok).toBe(false);
		expect(errorOf(results.tag)).toMatchInlineSnapshot(`
			"[AstroUserError] public/tags/astro/index.html is published at /tags/astro/, where Carnet writes its /tags/[tag] (tag) page listing the posts tagged "Astro", as src/content/posts/a.md:4 is; Astro would keep public/tags/astro/index.html and skip that page, so its posts would not be listed there.
			  Hint:
			    Rename or remove public/tags/astro/index.html, or rename the tag.
			  Location:
			    <root>/src/content/posts/a.md:4:1"
		`);
	});

	test("stops the build for a post's page file under build.format 'file', naming the file name as the address's source", () => {
		expect(results.fileFormat.ok).toBe(false);
		expect(errorOf(results.fileFormat)).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/docs.md: the post's address /posts/docs, from its file name, is where the build publishes public/posts/docs.html, which Astro keeps in place of the post's page, so the post would not be published.
			  Hint:
			    Rename or remove public/posts/docs.html, or rename the post's file or give it a slug field.
			  Location:
			    <root>/src/content/posts/docs.md:0:0"
		`);
	});

	test("keeps a feed and a 404 page of public/ in place of the theme's, with a warning naming both", () => {
		const { ok, log, root } = results.feed;
		expect(ok, log).toBe(true);
		expect(log).toContain("public/rss.xml is published at /rss.xml, where Carnet writes its /rss.xml (rss) file, so Astro keeps public/rss.xml and skips Carnet's. Remove public/rss.xml if Carnet's should be published.");
		expect(log).toContain("public/404.html is published at /404.html, where Carnet writes its /404 (notFound) page, so Astro keeps public/404.html and skips Carnet's. Remove public/404.html if Carnet's should be published.");
		expect(readFileSync(path.join(root, 'dist/rss.xml'), 'utf8')).toBe('<rss/>\n');
		expect(existsSync(path.join(root, 'dist/posts/a/index.html'))).toBe(true);
	});
});
