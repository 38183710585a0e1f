import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { ThemeConfigSchema } from '../../theme/config.ts';
import { preparePostFile } from '../../theme/integration/post-file.ts';
import { shortcodeContext } from '../../theme/integration/shortcode-context.ts';
import { referencesKey } from '../../theme/markdown/shortcodes.ts';
import { postFileContext, renderedMarkdown } from '../helpers/post-html.ts';

/** A new site folder, with a function that writes a file into it, removed after the tests. */
function newSite(prefix: string): { root: string; write: (file: string, text: string) => void } {
	const root = mkdtempSync(path.join(tmpdir(), prefix));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), text);
	};
	return { root, write };
}

/** The settings of a site at `root` that these tests read, with Astro's defaults but for `build.format`. */
function siteConfig(root: string, format: 'directory' | 'file'): AstroConfig {
	return {
		root: pathToFileURL(`${root}/`),
		srcDir: pathToFileURL(`${root}/src/`),
		publicDir: pathToFileURL(`${root}/public/`),
		site: 'https://example.com',
		base: '/',
		trailingSlash: 'ignore',
		build: { format },
		redirects: {},
	} as unknown as AstroConfig;
}

describe('links to another post by the address another engine gave it', () => {
	const { root, write } = newSite('carnet-old-addresses-');
	const posts = path.join(root, 'src/content/posts');
	write('src/content/posts/grpc.md', '---\ntitle: gRPC probes\ndate: 2022-05-13\nslug: grpc-probes-now-in-beta\n---\nBody.\n');
	write('src/content/posts/my-post.md', '---\ntitle: Mine\ndate: 2019-03-05\n---\nBody.\n');
	write('src/content/posts/a/twin.md', '---\ntitle: Twin A\ndate: 2020-01-01\n---\n');
	write('src/content/posts/b/twin.md', '---\ntitle: Twin B\ndate: 2020-01-01\n---\n');
	write('src/content/posts/aliased.md', '---\ntitle: Aliased\ndate: 2021-01-01\naliases: [/old/aliased/]\n---\n');
	write('src/content/posts/draft.md', '---\ntitle: Draft\ndate: 2021-01-01\ndraft: true\n---\n');
	write('src/content/posts/bundle/index.md', '---\ntitle: Bundle\ndate: 2021-02-01\n---\n');
	write('src/content/posts/bundle/LICENSE', 'MIT\n');
	write('src/pages/about.astro', '<p>About</p>\n');
	write('public/press/index.html', '<p>Press</p>\n');
	write('public/keybase', 'proof\n');

	const astroConfig = siteConfig(root, 'directory');
	/** The linking post's body as its page shows it, the warnings its build logs, and what its key takes from other posts. */
	const linked = async (body: string, permalinks = '/posts/:slug/') => {
		const warnings: string[] = [];
		const prepared = await preparePostFile(
			`---\ntitle: Linking\ndate: 2024-01-01\n---\n${body}`,
			postFileContext(root, 'src/content/posts/linking.md', warnings, {
				shortcodes: shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Old addresses', permalinks, timeZone: 'UTC' }), posts),
			}),
		);
		const $ = await renderedMarkdown(prepared.body, { gfm: true });
		const links = $('a')
			.toArray()
			.map((anchor) => [$(anchor).text(), $(anchor).attr('href')]);
		return { links, warnings, key: referencesKey(prepared.references) };
	};

	test("rewrites a root link by a post's slug and date to the post's address, and tells it in one line for the post", async () => {
		const { links, warnings } = await linked(
			[
				'See [probes](/blog/2022/05/13/grpc-probes-now-in-beta/) and [why](</blog/2022/05/13/grpc-probes-now-in-beta/#why>).',
				'',
				'[jekyll](/2019/03/05/my-post/) [ghost](/p/my-post/) [html](/posts/my-post.html) [site](https://example.com/blog/my-post/index.html) [month][def]',
				'',
				'<a href="/2019/03/05/my-post/">raw</a>',
				'',
				'[def]: /2019/03/my-post/',
			].join('\n'),
		);
		expect(links).toEqual([
			['probes', '/posts/grpc-probes-now-in-beta/'],
			['why', '/posts/grpc-probes-now-in-beta/#why'],
			['jekyll', '/posts/my-post/'],
			['ghost', '/posts/my-post/'],
			['html', '/posts/my-post/'],
			['site', '/posts/my-post/'],
			['month', '/posts/my-post/'],
			['raw', '/posts/my-post/'],
		]);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/linking.md: 8 links name posts by the address another engine gave them, which this site does not have, so they lead to the posts' addresses here: /blog/2022/05/13/grpc-probes-now-in-beta/ (on line 5) → /posts/grpc-probes-now-in-beta/; /2019/03/05/my-post/ (on lines 7, 9) → /posts/my-post/; /p/my-post/ (on line 7) → /posts/my-post/; /posts/my-post.html (on line 7) → /posts/my-post/; https://example.com/blog/my-post/index.html (on line 7) → /posts/my-post/; /2019/03/my-post/ (on line 11) → /posts/my-post/. Link to the post's file instead (e.g. [text](grpc.md)), or set the permalinks option to the old engine's pattern.",
			]
		`);
	});

	test('keeps a link whose slug names several posts, none with its date, or none, as written, and warns that it leads to no page', async () => {
		const { links, warnings } = await linked('[twins](/2020/01/01/twin/) [wrong date](/2019/04/05/my-post/)\n\n[gone](/blog/nothing-here/) [draft](/2021/01/01/draft/)');
		expect(links).toEqual([
			['twins', '/2020/01/01/twin/'],
			['wrong date', '/2019/04/05/my-post/'],
			['gone', '/blog/nothing-here/'],
			['draft', '/2021/01/01/draft/'],
		]);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/linking.md:5: the link [twins](/2020/01/01/twin/) is kept as written: it leads to no page of the site: nothing is published at /2020/01/01/twin/, and 2 posts in src/content/posts/ have the slug "twin" and the date 2020-01-01 (a/twin.md, b/twin.md). Link to the post's file instead (e.g. [text](twin.md)), set the permalinks option to the old engine's pattern, or add /2020/01/01/twin/ to the post's aliases.",
			  "src/content/posts/linking.md:5: the link [wrong date](/2019/04/05/my-post/) is kept as written: it leads to no page of the site: nothing is published at /2019/04/05/my-post/, and no post in src/content/posts/ that this build publishes has the slug "my-post" and the date 2019-04-05. Link to the post's file instead (e.g. [text](other-post.md)), set the permalinks option to the old engine's pattern, or add /2019/04/05/my-post/ to the post's aliases.",
			  "src/content/posts/linking.md:7: the link [gone](/blog/nothing-here/) is kept as written: it leads to no page of the site: nothing is published at /blog/nothing-here/, and no post in src/content/posts/ that this build publishes has the slug "nothing-here". Link to the post's file instead (e.g. [text](other-post.md)), set the permalinks option to the old engine's pattern, or add /blog/nothing-here/ to the post's aliases.",
			  "src/content/posts/linking.md:7: the link [draft](/2021/01/01/draft/) is kept as written: it leads to no page of the site: nothing is published at /2021/01/01/draft/, and no post in src/content/posts/ that this build publishes has the slug "draft" and the date 2021-01-01. Link to the post's file instead (e.g. [text](other-post.md)), set the permalinks option to the old engine's pattern, or add /2021/01/01/draft/ to the post's aliases.",
			]
		`);
	});

	test('leaves links to addresses the site has, in code, and to other hosts as written, without a warning', async () => {
		const body = [
			'[tag](/tags/x/) [archive](/archive/) [press](/press/) [alias](/old/aliased/) [own](/posts/my-post/) [about](/about/) [home](/) [file](/cv.pdf)',
			'[other host](https://other.example/2019/03/05/my-post/) `[code](/2019/03/05/my-post/)`',
			'',
			'```md',
			'[fenced](/2019/03/05/my-post/)',
			'```',
			'',
			'    [indented](/2019/03/05/my-post/)',
		].join('\n');
		const { links, warnings, key } = await linked(body);
		expect(links).toEqual([
			['tag', '/tags/x/'],
			['archive', '/archive/'],
			['press', '/press/'],
			['alias', '/old/aliased/'],
			['own', '/posts/my-post/'],
			['about', '/about/'],
			['home', '/'],
			['file', '/cv.pdf'],
			['other host', 'https://other.example/2019/03/05/my-post/'],
		]);
		expect(warnings).toEqual([]);
		expect(key).toBe('');
	});

	test("leaves links to the files a build publishes beside the pages without a warning: a file beside a post without extension, listings' further pages, Astro's and Pagefind's files, the feeds, the sitemap, robots.txt and public/'s files", async () => {
		const addresses = [
			'/posts/bundle/LICENSE',
			'/page/2/',
			'/archive/page/3/',
			'/tags/x/page/2/',
			'/pagefind/pagefind.js',
			'/pagefind/',
			'/_astro/app.css',
			'/rss.xml',
			'/atom.xml',
			'/feed.json',
			'/tags/x/rss.xml',
			'/sitemap-index.xml',
			'/sitemap-0.xml',
			'/robots.txt',
			'/posts/my-post/social.png',
			'/keybase',
		];
		const { links, warnings } = await linked(addresses.map((address, index) => `[${index}](${address})`).join(' '));
		expect(links.map(([, href]) => href)).toEqual(addresses);
		expect(warnings).toEqual([]);
	});

	test('warns about a link to a file that is not beside the post whose address it starts with, and to a page no route has', async () => {
		const { warnings } = await linked('[notice](/posts/bundle/NOTICE) [page](/no-such-page/) [feed](/feed/)');
		expect(warnings.map((warning) => /nothing is published at (\S+),/.exec(warning)?.[1])).toEqual(['/posts/bundle/NOTICE', '/no-such-page/', '/feed/']);
	});

	test("leaves a link to the old engine's address alone when permalinks gives the post that address", async () => {
		const { links, warnings } = await linked('[jekyll](/2019/03/05/my-post/)', '/:year/:month/:day/:slug/');
		expect(links).toEqual([['jekyll', '/2019/03/05/my-post/']]);
		expect(warnings).toEqual([]);
	});

	test("puts the post's address in the linking post's key, as a link to its file does", async () => {
		const { key } = await linked('[jekyll](/2019/03/05/my-post/)');
		expect(key).not.toBe('');
		expect((await linked('[jekyll](/2019/03/05/my-post/)', '/:year/:slug/')).key).not.toBe(key);
	});
});

describe("root links on a site with pages of its own at addresses with parameters, and pages written as files", () => {
	const { root, write } = newSite('carnet-own-pages-');
	write('src/content/posts/my-post.md', '---\ntitle: Mine\ndate: 2019-03-05\n---\nBody.\n');
	write('src/pages/about.astro', '<p>About</p>\n');
	write('src/pages/projects/[id].astro', '<p>A project</p>\n');
	write('src/pages/docs/[...path].astro', '<p>A page of the docs</p>\n');
	// Astro builds no page from a file whose name or folder starts with an underscore.
	write('src/pages/_drafts/[slug].astro', '<p>A draft</p>\n');
	const astroConfig = siteConfig(root, 'file');
	/** The addresses of the links the body's build warns lead to no page. */
	const warnedAbout = async (body: string) => {
		const warnings: string[] = [];
		await preparePostFile(
			`---\ntitle: Linking\ndate: 2024-01-01\n---\n${body}`,
			postFileContext(root, 'src/content/posts/linking.md', warnings, {
				shortcodes: shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Own pages', timeZone: 'UTC' }), path.join(root, 'src/content/posts')),
			}),
		);
		return warnings.map((warning) => /nothing is published at (\S+),/.exec(warning)?.[1] ?? warning);
	};

	test("does not warn about an address one of the site's pages with parameters may publish, nor about a page's .html file under build.format 'file'", async () => {
		expect(await warnedAbout('[a](/projects/carnet/) [b](/docs/guide/install/) [c](/docs/) [d](/about.html) [e](/archive.html) [f](/page/2.html) [g](/posts/my-post.html)')).toEqual([]);
	});

	test('still warns about an address that none of them publishes', async () => {
		expect(await warnedAbout('[a](/no-such-page/) [b](/projects/carnet/extra/) [c](/drafts/x/)')).toEqual(['/no-such-page/', '/projects/carnet/extra/', '/drafts/x/']);
	});
});
