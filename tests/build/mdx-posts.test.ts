import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, repoRoot, printedAstroError, runAstro, writeSite, type CliResult } from '../helpers/sites.ts';

// MDX posts, which @astrojs/mdx compiles from their files: what the bundler would report about them in its
// own words is told as Carnet tells it for Markdown posts.

const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));

const sites = {
	// The post of a Docusaurus blog whose image was not copied.
	missingImage: {
		'src/content/posts/mdx-missing.mdx': '---\ntitle: MDX missing image\ndate: 2024-02-01\n---\n\nText before.\n\n![a chart](./img/chart.png)\n',
	},
	// With a post whose featured image and reference image are missing, and images that are no files of the
	// post: in code, in an MDX comment, in public/.
	missingImages: {
		'src/content/posts/mdx-missing.mdx': '---\ntitle: MDX missing image\ndate: 2024-02-01\n---\n\nText before.\n\n![a chart](./img/chart.png)\n',
		'src/content/posts/both.mdx':
			'---\ntitle: Both\ndate: 2024-02-02\nfeatured_image: ./cover.jpg\n---\n\n```md\n![in code](./code.png)\n```\n\n{/* ![in a comment](./comment.png) */}\n\n![found](./found.jpg) and ![by reference][gone]\n\n[gone]: ./gone%20away.png\n',
		'src/content/posts/found.jpg': jpeg,
		'src/content/posts/fine.mdx': '---\ntitle: Fine\ndate: 2024-02-03\n---\n\n![in public](/images/nowhere.png)\n',
	},
	// An image imported by the author's own code, which is no content to leave out.
	missingImport: {
		'src/content/posts/imported.mdx': "---\ntitle: Imported\ndate: 2024-02-01\n---\n\nimport pic from './missing.png';\n\n<img src={pic.src} alt=\"A picture\" />\n",
	},
	// A one-line MDX post, an <img> of a file that is not there, and a module of the site's whose directive
	// the bundler does warn about.
	plain: {
		'src/content/posts/plain.mdx': '---\ntitle: Plain\ndate: 2024-02-01\n---\nOne line.\n',
		'src/content/posts/raw.mdx': '---\ntitle: Raw\ndate: 2024-02-02\n---\n\nText before.\n\n<img src="./missing.png" alt="Missing" />\n',
		// Without a description; its void elements written as JSX writes them, GFM and math in its summary's paragraph.
		'src/content/posts/voids.mdx':
			"---\ntitle: Voids\ndate: 2024-02-03\n---\n\nexport const year = 2024;\n\nFirst line,<br/>second ~~struck~~ line[^1] $x$ of {year}.\n\n<hr/>\n\n<img src=\"/icon.svg\" alt=\"An icon\" />\n\nMore text.\n\n[^1]: A note.\n",
		'public/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
		'src/lib/client.js': "'use client';\nexport const answer = 42;\n",
		'src/pages/extra.astro': "---\nimport { answer } from '../lib/client.js';\n---\n<p>{answer}</p>\n",
	},
} satisfies Record<string, Record<string, string | Buffer>>;

type SiteName = keyof typeof sites;
const results = {} as Record<SiteName, CliResult & { root: string }>;

beforeAll(async () => {
	await Promise.all(
		Object.entries(sites).map(async ([name, files]) => {
			const root = writeSite(`mdx-posts-${name}`, { 'astro.config.mjs': astroConfig({ title: 'Test' }), 'src/content.config.ts': CONTENT_CONFIG, ...files });
			results[name as SiteName] = { ...(await runAstro(root, ['build'])), root };
		}),
	);
});

/** The error block Astro printed (printedAstroError()), which the site must have printed. */
function printedError(name: SiteName): string {
	const printed = printedAstroError(results[name]);
	expect(printed, results[name].log).toBeDefined();
	return printed as string;
}

describe('an image an MDX post shows that is not there', () => {
	test('stops the build naming the post, the line, the path looked for and the fix, not with the bundler\'s error on the compiled module', () => {
		const { ok, log } = results.missingImage;
		expect(ok).toBe(false);
		expect(log).not.toContain('UNRESOLVED_IMPORT');
		expect(printedError('missingImage')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/mdx-missing.mdx:8: the image './img/chart.png' was not found (looked for src/content/posts/img/chart.png).
			  Hint:
			    Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.
			  Location:
			    <root>/src/content/posts/mdx-missing.mdx:8:1"
		`);
	});

	test('of several posts, and a featured image, are all named in one error, as a Markdown post\'s are', () => {
		expect(results.missingImages.ok).toBe(false);
		expect(printedError('missingImages')).toMatchInlineSnapshot(`
			"[AstroUserError] 2 posts name 3 image files that do not exist:
			- src/content/posts/both.mdx:4: featured_image './cover.jpg' was not found next to the post (looked for src/content/posts/cover.jpg).
			- src/content/posts/both.mdx:15: the image './gone away.png' was not found (looked for src/content/posts/gone away.png).
			- src/content/posts/mdx-missing.mdx:8: the image './img/chart.png' was not found (looked for src/content/posts/img/chart.png).
			  Hint:
			    Paths starting with / are read from public/, paths starting with ./ from the post's folder. Fix the path or add the file.
			    Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.
			  Location:
			    <root>/src/content/posts/both.mdx:4:1"
		`);
	});

	test('imported by the post\'s own code stops the build naming the line and the path looked for', () => {
		expect(results.missingImport.ok).toBe(false);
		expect(printedError('missingImport')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/imported.mdx:6: imports './missing.png', a file that does not exist (looked for src/content/posts/missing.png).
			  Hint:
			    Copy the file there (a component, or the data it exports), correct the path, or remove the import and what the post does with it.
			  Location:
			    <root>/src/content/posts/imported.mdx:6:1"
		`);
	});

	test('in an <img> is warned about with its line and the path looked for, and the post is published', () => {
		const { ok, log, root } = results.plain;
		expect(ok, log).toBe(true);
		expect(log).toContain(
			'src/content/posts/raw.mdx:8: the file "./missing.png" shows nothing: no file is beside the post at that path (looked for src/content/posts/missing.png).',
		);
		const page = cheerio.load(readFileSync(path.join(root, 'dist/posts/raw/index.html'), 'utf8'));
		expect(page('article img[alt="Missing"]').attr('src')).toBe('./missing.png');
	});
});

describe('an MDX post', () => {
	test('without a description is summarised by the text of its first paragraph as its page reads, on its card, in its meta description and in the feed', () => {
		const { ok, log, root } = results.plain;
		expect(ok, log).toBe(true);
		const page = cheerio.load(readFileSync(path.join(root, 'dist/posts/voids/index.html'), 'utf8'));
		expect(page('meta[name="description"]').attr('content')).toBe('First line, second struck line x of.');
		const home = cheerio.load(readFileSync(path.join(root, 'dist/index.html'), 'utf8'));
		expect(home('.carnet-card__description').map((_, element) => home(element).text()).get()).toContain('First line, second struck line x of.');
		const feed = cheerio.load(readFileSync(path.join(root, 'dist/rss.xml'), 'utf8'), { xml: true });
		const item = feed('item').filter((_, element) => feed(element).find('title').text() === 'Voids');
		expect(item.find('description').text()).toContain('First line, second struck line x of.');
	});

});

describe('the build log of MDX posts', () => {
	test('has no warning about the directive Astro writes in every MDX entry (withastro/astro#18087), while the bundler\'s other warnings still show', () => {
		const { ok, log } = results.plain;
		expect(ok, log).toBe(true);
		expect(log).not.toContain('use astro:head-inject');
		expect(log).toMatch(/MODULE_LEVEL_DIRECTIVE.*"use client" in "src\/lib\/client\.js"/);
	});
});
