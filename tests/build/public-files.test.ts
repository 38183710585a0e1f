import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, runAstro, writeSite, type CliResult } from '../helpers/sites.ts';

// A file of public/ where a redirect page's folder would go (public/og.txt and the old address /og.txt/):
// Astro stopped the build with a bare ENOTDIR and a stack trace.
const sites = {
	alias: { 'public/og.txt': 'hi\n', 'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\naliases: [/og.txt/]\n---\nok\n' },
	slug: { 'public/og.txt': 'hi\n', 'src/content/posts/g8.md': "---\ntitle: G8\ndate: 2024-01-01\nslug: '/og.txt'\n---\nbody 8\n" },
};

const results = {} as Record<keyof typeof sites, CliResult & { root: string }>;

beforeAll(async () => {
	await Promise.all(
		Object.entries(sites).map(async ([name, files]) => {
			const root = writeSite(`public-files-${name}`, { 'astro.config.mjs': astroConfig({ title: 'Test' }), 'src/content.config.ts': CONTENT_CONFIG, ...files });
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
