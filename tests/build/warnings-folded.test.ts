import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// A blog migrated from another engine: one post repeating two constructs Carnet warns about, thousands of times,
// and hundreds of posts holding the same one. The posts are written here, being too many to keep as files.
const REPEATS = 3000;
const POSTS = 300;

function siteFiles(): Record<string, string> {
	const files: Record<string, string> = {
		'astro.config.mjs': astroConfig({ title: 'Migrated' }),
		'src/content.config.ts': CONTENT_CONFIG,
		// Lines 6, 8, 10… hold the tags, then lines 6006, 6010… the admonitions.
		'src/content/posts/many.md':
			'---\ntitle: Many\ndate: 2024-01-01\n---\n\n' +
			Array.from({ length: REPEATS }, (_, index) => `Text {% unknown_tag ${index} %} here.`).join('\n\n') +
			'\n\n' +
			Array.from({ length: REPEATS }, (_, index) => `::: weirdtype\nBody ${index}\n:::`).join('\n\n') +
			'\n',
		'src/content/posts/two.md': '---\ntitle: Two\ndate: 2024-01-02\n---\n\nText {% unknown_tag %} here.\n\n![alt]()\n',
	};
	for (let index = 0; index < POSTS; index++) {
		files[`src/content/posts/same/post-${String(index).padStart(3, '0')}.md`] = `---\ntitle: Post ${index}\ndate: 2024-01-03\n---\n\nText {{< unknownshortcode >}} here.\n`;
	}
	return files;
}

describe('a build whose posts repeat one warning thousands of times', () => {
	let site: BuiltSite;
	let warnings: string[];
	beforeAll(async () => {
		site = await buildSite(writeSite('warnings-folded', siteFiles()));
		warnings = site.log.split('\n').filter((line) => line.includes('[WARN]'));
	});

	test('tells a post repeating one construct 3,000 times in a few lines, naming its first lines and the count', () => {
		expect(site.ok, site.log).toBe(true);
		const tags = warnings.filter((line) => line.includes('src/content/posts/many.md') && line.includes('unknown_tag'));
		expect(tags.map((line) => /many\.md:(\d+):/.exec(line)?.[1])).toEqual(['6', '8', '10', '12', '14', '16', '18', '20', '22', '24']);
		expect(warnings).toContainEqual(expect.stringContaining('src/content/posts/many.md: 2990 more warnings like the one above (on lines 26, 28, 30, 32, 34…).'));
	});

	test('tells each different warning of a post', () => {
		expect(warnings.filter((line) => line.includes('src/content/posts/many.md:') && line.includes('::: weirdtype is shown as written'))).toHaveLength(10);
		expect(warnings.filter((line) => line.includes('src/content/posts/many.md: 2990 more warnings'))).toHaveLength(2);
		expect(warnings).toContainEqual(expect.stringContaining('src/content/posts/two.md:6: {% unknown_tag %} is shown as written'));
		expect(warnings).toContainEqual(expect.stringContaining('src/content/posts/two.md:8: an image with no address'));
	});

	test('sums up the posts beyond the first twenty that share a warning in one line with their count', () => {
		const summary = warnings.filter((line) => line.includes('The warning told above for 20 posts'));
		const told = warnings.filter((line) => !summary.includes(line) && /same\/post-\d+\.md:6: \{\{< unknownshortcode >\}\} is shown as written/.test(line));
		expect(told).toHaveLength(20);
		expect(summary).toHaveLength(1);
		expect(summary[0]).toContain('unknownshortcode');
		expect(summary[0]).toContain(`is also given in ${POSTS - 20} more posts, ${POSTS - 20} times in all, not told one by one: src/content/posts/same/`);
		expect(summary[0]).toContain(`and ${POSTS - 25} more.`);
	});

	test('keeps the log to a few dozen warnings', () => {
		expect(warnings.length).toBeLessThan(70);
	});
});
