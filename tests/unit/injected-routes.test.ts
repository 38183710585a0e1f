import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { AstroConfig, InjectedRoute } from 'astro';
import { ThemeConfigSchema } from '../../theme/config.ts';
import { companionIntegrations } from '../../theme/integration/companions.ts';
import type { SiteState } from '../../theme/integration/registry.ts';
import { injectThemeRoutes } from '../../theme/integration/routes.ts';
import { repoRoot } from '../helpers/sites.ts';

const root = path.join(repoRoot, 'tests/.sites/unit-injected-routes');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The config of the site in `root`, as far as the theme's routes read it. */
function astroConfigOf(): AstroConfig {
	const url = pathToFileURL(`${root}/`);
	return { root: url, srcDir: new URL('src/', url), publicDir: new URL('public/', url), site: 'https://example.com', base: '/', integrations: [] } as unknown as AstroConfig;
}

/** The patterns Carnet injects for a site with these files in src/pages/, and what it says. */
function injected(pages: string[], publicFiles: Record<string, string> = {}): { patterns: string[]; messages: string[] } {
	rmSync(root, { recursive: true, force: true });
	for (const page of pages) {
		mkdirSync(path.dirname(path.join(root, 'src/pages', page)), { recursive: true });
		writeFileSync(path.join(root, 'src/pages', page), '');
	}
	for (const [file, text] of Object.entries(publicFiles)) {
		mkdirSync(path.join(root, 'public'), { recursive: true });
		writeFileSync(path.join(root, 'public', file), text);
	}
	const astroConfig = astroConfigOf();
	const routes: InjectedRoute[] = [];
	const messages: string[] = [];
	injectThemeRoutes((route) => routes.push(route), astroConfig, ThemeConfigSchema.parse({ title: 'T' }), (message) => messages.push(message));
	return { patterns: routes.map((route) => route.pattern), messages };
}

describe("the theme's pages", () => {
	test("leave robots.txt to one in public/, and say what line it lacks to name the sitemap", () => {
		const without = injected([], { 'robots.txt': 'User-agent: *\nDisallow:\n' });
		expect(without.patterns).not.toContain('/robots.txt');
		expect(without.messages).toEqual([
			'public/robots.txt replaces Carnet\'s robots.txt, and names no sitemap: search engines find it through a line "Sitemap: https://example.com/sitemap-index.xml", which the theme\'s has. Add that line to it, or delete it to have the theme\'s.',
		]);
		expect(injected([], { 'robots.txt': 'User-agent: *\nSitemap: https://example.com/sitemap-index.xml\n' }).messages).toEqual([]);
	});

	test("leave the sitemap to one of the site's own in public/ or src/pages/, which @astrojs/sitemap would write over, and say so", () => {
		const said = "replaces Carnet's sitemap, which is not added: @astrojs/sitemap would write over it. Set sitemap: false in carnet() to say so, or delete it to have the theme's.";
		const inPublic = injected([], { 'sitemap-index.xml': '<sitemapindex/>' });
		expect(inPublic.messages).toEqual([`public/sitemap-index.xml ${said}`]);
		expect(companionIntegrations(astroConfigOf(), ThemeConfigSchema.parse({ title: 'T' }), {} as SiteState).map((integration) => integration.name)).toEqual(['@astrojs/mdx']);
		expect(injected(['sitemap-index.xml.ts']).messages).toEqual([`src/pages/sitemap-index.xml.ts ${said}`]);
		expect(companionIntegrations(astroConfigOf(), ThemeConfigSchema.parse({ title: 'T' }), {} as SiteState).map((integration) => integration.name)).toEqual(['@astrojs/mdx']);
		expect(injected([]).messages).toEqual([]);
		expect(companionIntegrations(astroConfigOf(), ThemeConfigSchema.parse({ title: 'T' }), {} as SiteState).map((integration) => integration.name)).toEqual(['@astrojs/mdx', '@astrojs/sitemap']);
	});

	test("leave out those at a fixed address that a page of the site's own answers, and say so", () => {
		const { patterns, messages } = injected(['index.astro', 'rss.xml.js', 'archive/index.md', 'about.astro', '_draft/tags.astro', 'tags/_partial.astro']);
		expect(patterns).not.toContain('/');
		expect(patterns).not.toContain('/rss.xml');
		expect(patterns).not.toContain('/archive');
		expect(patterns).toEqual(expect.arrayContaining(['/tags', '/tags/[tag]', '/atom.xml', '/posts/[slug]/social.[format]']));
		expect(messages.sort()).toEqual([
			"src/pages/archive/index.md replaces Carnet's page /archive, which is not added.",
			"src/pages/index.astro replaces Carnet's page /, which is not added.",
			"src/pages/rss.xml.js replaces Carnet's page /rss.xml, which is not added.",
		]);
	});

	test("keep those with parameters beside the site's own, which build other addresses", () => {
		const { patterns, messages } = injected(['[slug].astro', '[...path].astro', 'posts/[id].astro']);
		expect(patterns).toEqual(expect.arrayContaining(['/posts/[slug]', '/[...alias]', '/tags/[tag]']));
		expect(messages).toEqual([]);
	});

	test('are all added to a site without pages of its own', () => {
		const { patterns, messages } = injected([]);
		expect(patterns).toEqual(expect.arrayContaining(['/', '/posts/[slug]', '/rss.xml', '/[...alias]']));
		expect(messages).toEqual([]);
	});
});
