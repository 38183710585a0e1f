import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A blog written right to left, in Hebrew.
const post = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\nטקסט.\n`;
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('rtl', {
		'astro.config.mjs': astroConfig({ title: 'בלוג', locale: 'he', timeZone: 'Asia/Jerusalem', postsPerPage: 1 }, { site: 'https://rtl.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/first.md': post('ראשון', '2024-01-01'),
		'src/content/posts/second.md': post('שני', '2024-02-01'),
		'src/content/posts/third.md': post('שלישי', '2024-03-01'),
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

describe('a right-to-left blog', () => {
	test('has pagination arrows that point outwards: newer posts to the right, older to the left', () => {
		const $ = site.html('page/2/index.html');
		expect($('html').attr('dir')).toBe('rtl');
		expect($('.carnet-pagination a[rel="prev"] [aria-hidden]').text().trim()).toBe('→');
		expect($('.carnet-pagination a[rel="next"] [aria-hidden]').text().trim()).toBe('←');
	});

	test('shows its RSS feed in a browser right to left', () => {
		expect(site.read('rss.xsl')).toContain('<html lang="he" dir="rtl">');
	});
});
