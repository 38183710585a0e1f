import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Posts a production build holds back, each in another way than `draft: true`, as the loader reads them.
const HELD_BACK: Record<string, { file: string; front: string; why: RegExp }> = {
	private: { file: 'private.md', front: 'private: true', why: /private: true/ },
	encrypted: { file: 'encrypted.md', front: 'encrypted: true\npassword: hunter2', why: /encrypted: true/ },
	password: { file: 'password.md', front: 'password: hunter2', why: /password/ },
	status: { file: 'status.md', front: 'Status: draft', why: /Status: draft|is a draft/ },
	visibility: { file: 'visibility.md', front: 'Visibility: members', why: /Visibility: members/ },
	headless: { file: 'headless.md', front: 'Headless: true', why: /Headless: true/ },
	build: { file: 'build.md', front: 'Build:\n  render: never', why: /Build: render: never/ },
	eleventy: { file: 'eleventy.md', front: 'EleventyExcludeFromCollections: true', why: /EleventyExcludeFromCollections: true/ },
	qiita: { file: 'qiita.md', front: 'IgnorePublish: true', why: /IgnorePublish: true/ },
	published: { file: 'published.md', front: 'Published: false', why: /Published: false|is a draft/ },
	cascade: { file: 'section/cascaded.md', front: '', why: /cascade|is a draft/ },
	jekyll: { file: '_drafts/jekyll-draft.md', front: '', why: /_drafts|is a draft/ },
};

const target = (name: string, front: string) => `---\ntitle: Held back ${name}\ndate: 2024-01-01\n${front}${front ? '\n' : ''}---\nNot for this build.\n`;

// One line per reference, so that each warning names its own line (the body starts on line 5).
const KINDS: Record<string, (file: string) => string> = {
	ref: (file) => `[ref]({{< ref "${file}" >}})`,
	relref: (file) => `[relref]({{< relref "${file}" >}})`,
	wikilink: (file) => `[[${path.posix.basename(file, '.md')}]]`,
	'post link': (file) => `{% post_link ${path.posix.basename(file, '.md')} %}`,
	'file link': (file) => `[file link](${file})`,
};
const LINKER_BODY = Object.values(HELD_BACK).flatMap(({ file }) => Object.values(KINDS).map((kind) => `${kind(file)}\n`));
// Markdown links of other forms, three lines a post: one whose text wraps, closed on the second line, and a
// reference link whose definition is on the body's last lines.
const MARKDOWN_LINKER_BODY = [
	...Object.entries(HELD_BACK).map(([name, { file }]) => `A [wrapped link\nto ${name}](${file}) and [a reference to ${name}][${name}].\n`),
	...Object.entries(HELD_BACK).map(([name, { file }]) => `[${name}]: ${file}`),
].join('\n');

let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('held-back-links', {
		'astro.config.mjs': astroConfig({ title: 'Held back links' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/linker.md': `---\ntitle: Linker\ndate: 2024-02-01\n---\n${LINKER_BODY.join('\n')}`,
		'src/content/posts/markdown-linker.md': `---\ntitle: Markdown linker\ndate: 2024-02-03\n---\n${MARKDOWN_LINKER_BODY}\n`,
		// Raw HTML links to a post file, held back (line 5) or published (line 7).
		'src/content/posts/html-linker.md': `---\ntitle: HTML linker\ndate: 2024-02-04\n---\nAn <a href="./private.md" title="Not yet">HTML link</a> to the private post.\n\n<p>And <a href="linker.md">one to the linker</a>.</p>\n`,
		// Jekyll's post_url and link, from a post of _posts/, to a post of _posts/ held back.
		'src/content/posts/_posts/2024-02-02-jekyll-linker.md': `---\ntitle: Jekyll linker\n---\n[post_url]({% post_url 2024-01-03-members-only %})\n\n[link]({% link _posts/2024-01-03-members-only.md %})\n`,
		'src/content/posts/_posts/2024-01-03-members-only.md': `---\ntitle: Private Jekyll post\nprivate: true\n---\nNot for this build.\n`,
		'src/content/posts/section/_index.md': `---\ntitle: Section\ncascade:\n  draft: true\n---\n`,
		...Object.fromEntries(Object.entries(HELD_BACK).map(([name, { file, front }]) => [`src/content/posts/${file}`, target(name, front)])),
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 240_000);

/** Every page of dist/ and the internal addresses its links point to. */
function internalLinks(): { page: string; href: string }[] {
	const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
	return pages.flatMap((page) => {
		const $ = site.html(page);
		return $('a[href]')
			.map((_, element) => $(element).attr('href') as string)
			.get()
			.filter((href) => !/^[a-z]+:|^#/i.test(href))
			.map((href) => ({ page, href: new URL(href, `https://example.com/${page}`).pathname }));
	});
}

/** Whether dist/ has a page at `address`. */
function hasPage(address: string): boolean {
	const file = decodeURIComponent(address).replace(/^\//, '');
	return site.exists(file) && !file.endsWith('/') ? true : site.exists(path.posix.join(file, 'index.html'));
}

describe('links to a post this build does not publish', () => {
	test("show an HTML link to a post file held back as its text, without the <a>, and link one to a published post at the post's address, with a warning naming the line, the link, why and its title", () => {
		const page = site.html('posts/html-linker/index.html');
		const links = page('article a, main a').filter((_, link) => ['HTML link', 'one to the linker'].includes(page(link).text()));
		expect(links.map((_, link) => `${page(link).attr('href')} ${page(link).text()}`).get()).toEqual(['/posts/linker/ one to the linker']);
		expect(page('main p').filter((_, paragraph) => page(paragraph).text().includes('HTML link')).map((_, paragraph) => page(paragraph).html()).get()).toEqual(['An HTML link to the private post.']);
		const warning = site.log.split('\n').find((text) => text.includes('src/content/posts/html-linker.md:5:'));
		expect(warning).toContain('the link <a href="./private.md" title="Not yet"> is shown as its text, without a link or its title, "Not yet": the post it names, src/content/posts/private.md, is held back as a draft by its private: true');
	});

	test('writes no page for a post held back', () => {
		const slugs = [...Object.values(HELD_BACK).map(({ file }) => path.posix.basename(file, '.md')), 'members-only'];
		expect(slugs.filter((slug) => site.exists(`posts/${slug}/index.html`))).toEqual([]);
		expect(site.exists('posts/linker/index.html')).toBe(true);
	});

	test('leave no link on any page to a post address the build did not write', () => {
		const broken = internalLinks().filter(({ href }) => !hasPage(href));
		expect(broken).toEqual([]);
	});

	test("show a Markdown link's text, wrapped or reference-style, where the post it names has no page", () => {
		const linker = site.html('posts/linker/index.html');
		// The paragraphs that hold no link, as text.
		const paragraphs = (page: typeof linker) =>
			page('article p, main p')
				.filter((_, paragraph) => page(paragraph).find('a').length === 0)
				.map((_, paragraph) => page(paragraph).text().replace(/\s+/g, ' '))
				.get();
		for (const kind of ['file link', 'ref', 'relref']) expect(paragraphs(linker).filter((text) => text === kind), kind).toHaveLength(Object.keys(HELD_BACK).length);
		// A post_link shows the post's title, a wikilink the note's name.
		for (const [name, { file }] of Object.entries(HELD_BACK)) expect(paragraphs(linker), name).toEqual(expect.arrayContaining([`Held back ${name}`, path.posix.basename(file, '.md')]));
		expect(linker('code').filter((_, code) => /\bref\b/.test(linker(code).text())).length).toBe(0);
		expect(paragraphs(site.html('posts/jekyll-linker/index.html'))).toEqual(expect.arrayContaining(['post_url', 'link']));
		const texts = paragraphs(site.html('posts/markdown-linker/index.html'));
		for (const name of Object.keys(HELD_BACK)) expect(texts).toContain(`A wrapped link to ${name} and a reference to ${name}.`);
	});

	test('warn with the linking file, its line and why the post is not published', () => {
		const lines = site.log.split('\n');
		const kinds = Object.keys(KINDS).length;
		Object.values(HELD_BACK).forEach(({ file, why }, index) => {
			for (let kind = 0; kind < kinds; kind += 1) {
				const line = 5 + 2 * (index * kinds + kind);
				const warning = lines.find((text) => text.includes(`src/content/posts/linker.md:${line}:`));
				expect(warning, `line ${line} (${file})`).toBeDefined();
				expect(warning).toContain(`src/content/posts/${file}`);
				expect(warning).toMatch(why);
			}
		});
		const count = Object.keys(HELD_BACK).length;
		Object.values(HELD_BACK).forEach(({ file, why }, index) => {
			for (const line of [6 + 3 * index, 5 + 3 * count + index]) {
				const warning = lines.find((text) => text.includes(`src/content/posts/markdown-linker.md:${line}:`));
				expect(warning, `markdown-linker line ${line} (${file})`).toMatch(/is shown as (its text|the text of each link that uses it), without a link/);
				expect(warning).toContain(`src/content/posts/${file}`);
				expect(warning).toMatch(why);
			}
		});
		for (const line of [4, 6]) {
			const warning = lines.find((text) => text.includes(`src/content/posts/_posts/2024-02-02-jekyll-linker.md:${line}:`));
			expect(warning, `jekyll-linker line ${line}`).toMatch(/2024-01-03-members-only\.md.*private: true/);
		}
	});
});
