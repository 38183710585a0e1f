import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkPage, documentedPolicy, sha256 } from '../helpers/csp.ts';
import { demoSite } from '../helpers/demo.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// The README's policy, read from the README itself, so that what it tells site owners is what is tested.
const ORIGIN = 'https://carnet.example.com';
let site: BuiltSite;

beforeAll(() => {
	site = demoSite();
	expect(site.ok, site.log).toBe(true);
});

const pages = () => readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

describe("the demo's pages satisfy the Content-Security-Policy of the theme's README", () => {
	test('no inline script or style other than the hashed ones, and nothing from elsewhere', () => {
		const { policy } = documentedPolicy();
		expect(pages().length).toBeGreaterThan(20);
		const violations = pages().flatMap((page) => checkPage(site.read(page), policy, ORIGIN).violations.map((violation) => `${page}: ${violation}`));
		expect(violations).toEqual([]);
	});

	test('the pages do use inline scripts (the theme toggle), so the check bites', () => {
		const { policy } = documentedPolicy();
		const used = new Set(pages().flatMap((page) => checkPage(site.read(page), policy, ORIGIN).used));
		expect([...used].filter((hash) => (policy.get('script-src') ?? []).includes(hash))).toHaveLength(2);
	});

	test('the styled feed page (rss.xsl) has only its hashed style', () => {
		const { policy } = documentedPolicy();
		const style = /<style>([\s\S]*?)<\/style>/.exec(site.read('rss.xsl'))?.[1] ?? '';
		expect(policy.get('style-src')).toContain(sha256(style));
		expect(site.read('rss.xsl')).not.toMatch(/<script|\sstyle=/);
	});

	test('every hash the README lists is one the theme uses', () => {
		const { policy } = documentedPolicy();
		const used = new Set(pages().flatMap((page) => checkPage(site.read(page), policy, ORIGIN).used));
		used.add(sha256(/<style>([\s\S]*?)<\/style>/.exec(site.read('rss.xsl'))?.[1] ?? ''));
		// What Markdown writes on aligned table columns; tests/build/hostile.test.ts builds such a table.
		for (const align of ['left', 'center', 'right']) used.add(sha256(`text-align: ${align}`));
		const listed = [...policy.values()].flat().filter((source) => source.startsWith("'sha256-"));
		expect(listed.filter((hash) => !used.has(hash))).toEqual([]);
	});

	test('stylesheets are files: Astro inlines none, not even the small ones of the demo components', () => {
		for (const page of ['index.html', 'posts/composants-mdx/index.html']) {
			const $ = site.html(page);
			expect($('style').length, page).toBe(0);
			expect($('link[rel="stylesheet"]').length, page).toBe(2);
		}
	});
});

describe('without search', () => {
	test("the theme toggle's button script has the hash the README gives for search: false", async () => {
		const root = writeSite('csp-no-search', {
			'astro.config.mjs': astroConfig({ title: 'No search', themeToggle: true, search: false }),
			'src/content.config.ts': CONTENT_CONFIG,
			'src/content/posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\nBody.\n',
		});
		const built = await buildSite(root);
		expect(built.ok, built.log).toBe(true);
		const readme = readFileSync(path.join(repoRoot, 'theme/README.md'), 'utf8');
		const documented = /With `search: false`[^`]*`('sha256-[^']+')`/.exec(readme)?.[1];
		const { policy } = documentedPolicy();
		const withDocumented = new Map(policy);
		withDocumented.set('script-src', [...(policy.get('script-src') ?? []).filter((source) => !source.startsWith("'sha256-")), ...[...(policy.get('script-src') ?? [])].filter((source) => source.startsWith("'sha256-")).slice(0, 1), documented as string]);
		expect(checkPage(built.read('index.html'), withDocumented, 'https://example.com').violations).toEqual([]);
	});
});
