import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import { droppedAliasWarnings, findAddressClash } from '../../theme/integration/address-check.ts';
import { publicShadows } from '../../theme/integration/public-shadows.ts';
import { addressKey, oldAddresses, redirectFile, redirectPage } from '../../theme/utils/redirects.ts';
import { matchRoute, permalinkPattern, postRouteParams, routeParams, routePath, routePattern } from '../../theme/utils/routes.ts';

const root = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory' } as const;
const dated = { ...root, base: '/blog', postPattern: permalinkPattern('/:year/:month/:day/:slug/') };

function optionsError(permalinks: string): string {
	try {
		parseThemeOptions({ title: 'Blog', permalinks });
	} catch (error) {
		return (error as Error).message;
	}
	return 'no error';
}

describe('the permalinks option', () => {
	test('keeps /posts/:slug/ by default', () => {
		expect(parseThemeOptions({ title: 'Blog' }).permalinks).toBe('/posts/:slug/');
		expect(routePath('post', { slug: 'hello' }, root)).toBe('/posts/hello/');
	});

	test('turns a permalink into the post route pattern, :title being the slug', () => {
		expect(permalinkPattern('/post/:slug/')).toBe('/post/[slug]');
		expect(permalinkPattern('/:year/:month/:title/')).toBe('/[year]/[month]/[slug]');
		expect(permalinkPattern('/:slug/')).toBe('/[slug]');
		expect(routePattern('socialCard', dated)).toBe('/[year]/[month]/[day]/[slug]/social.[format]');
	});

	test('builds and matches dated post paths, the date read in the site time zone', () => {
		const params = postRouteParams({ id: 'late', date: new Date('2024-01-04T20:00:00Z') }, 'Pacific/Auckland');
		expect(params).toEqual({ slug: 'late', year: '2024', month: '01', day: '05' });
		expect(routePath('post', params, dated)).toBe('/blog/2024/01/05/late/');
		expect(routeParams('post', params, { postPattern: permalinkPattern('/:year/:slug/') })).toEqual({ year: '2024', slug: 'late' });
		expect(matchRoute('post', '/blog/2024/01/05/late/', dated)).toEqual({ year: '2024', month: '01', day: '05', slug: 'late' });
		expect(matchRoute('post', '/blog/posts/late/', dated)).toBeUndefined();
	});

	test('errors on an unknown token, naming it and the known ones', () => {
		expect(optionsError('/:year/:category/:slug/')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- permalinks: unknown token :category (the tokens are :year, :month, :day, :slug, :title), received "/:year/:category/:slug/"."
		`);
	});

	test('errors on two tokens side by side, which Astro cannot tell apart, naming the value and the form to write', () => {
		expect(optionsError('/posts/:year:month/:slug/')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- permalinks: expected tokens separated by "/" or another character such as "-" (:year:month runs them together), e.g. '/:year/:month/:slug/', received "/posts/:year:month/:slug/"."
		`);
		expect(optionsError('/:year:slug/')).toContain('- permalinks: expected tokens separated by "/" or another character such as "-" (:year:slug runs them together)');
		expect(parseThemeOptions({ title: 'Blog', permalinks: '/:year-:month/:slug/' }).permalinks).toBe('/:year-:month/:slug/');
	});

	test('errors on a permalink without :slug, without a leading slash, with an extension or shaped like a theme page', () => {
		expect(optionsError('/:year/:month/')).toContain('permalinks: expected :slug exactly once');
		expect(optionsError('post/:slug/')).toContain('permalinks: expected a path starting with "/"');
		expect(optionsError('/:year/:slug.html')).toContain('without a file extension');
		expect(optionsError('/tags/:slug/')).toContain('has the shape of /tags/[tag]');
	});
});

describe('old addresses', () => {
	test('resolves relative aliases against the post section, decodes them and skips the post itself', () => {
		expect(oldAddresses({ aliases: ['/2019/old/', 'renamed', '/p/%E6%9D%B1.html', '/post/new/'], permalink: '/2018/01/05/x.html' }, '/post/new/')).toEqual([
			'/2019/old/',
			'/post/renamed',
			'/p/東.html',
			'/2018/01/05/x.html',
		]);
	});

	test("makes no old address of a permalink that is a pattern, Jekyll's placeholders or a template", () => {
		for (const permalink of ['/:categories/:title/', '/:categories/:title.html', '/blog/{{ title | slugify }}/']) {
			expect(oldAddresses({ permalink }, '/posts/x/'), permalink).toEqual([]);
		}
		expect(oldAddresses({ permalink: '/2024/01/05/hello:world.html' }, '/posts/x/')).toEqual(['/2024/01/05/hello:world.html']);
	});

	test('writes folder addresses as index.html and keeps file addresses as files', () => {
		expect(redirectFile('/2019/old/')).toBe('2019/old/index.html');
		expect(redirectFile('/2019/old')).toBe('2019/old/index.html');
		expect(redirectFile('/p/12.html')).toBe('p/12.html');
		// A version, or another engine's script, is no page's file: a folder, as Hugo writes it.
		expect(redirectFile('/releases/1.94.1')).toBe('releases/1.94.1/index.html');
		expect(redirectFile('/about.php')).toBe('about.php/index.html');
		expect(addressKey('/a/index.html')).toBe(addressKey('/a'));
	});

	test('escapes the title and the address in the redirect page', () => {
		const html = redirectPage({ lang: 'en', title: 'A <b> & "c"', target: 'https://x.example/a?b="c"', canonical: 'https://x.example/a', moved: 'Moved:' });
		expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
		expect(html).toContain('<meta http-equiv="refresh" content="0; url=https://x.example/a?b=&quot;c&quot;">');
	});
});

describe('address clashes', () => {
	const site = mkdtempSync(path.join(tmpdir(), 'carnet-addresses-'));
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
		writeFileSync(path.join(site, file), text);
	};
	write('src/content/posts/a.md', '---\ntitle: A\ndate: 2024-01-01\naliases: [/old/]\n---\n');
	write('src/content/posts/b.md', '---\ntitle: B\ndate: 2024-01-02\ntags: [x]\naliases:\n  - /old\n---\n');
	const entry = (id: string, data: Record<string, unknown>) => ({ id, filePath: `src/content/posts/${id}.md`, data: { date: new Date('2024-01-01'), ...data } });
	const config = { permalinks: '/posts/:slug/', timeZone: 'UTC' };

	test("names an old address read from alias (Mizuki's, Hexo's) as alias, at its line", () => {
		write('src/content/posts/c.md', '---\ntitle: C\ndate: 2024-01-03\nalias:\n  - old.html\n---\n');
		write('src/content/posts/d.md', '---\ntitle: D\ndate: 2024-01-04\nalias: old.html\n---\n');
		const error = findAddressClash([entry('c', { aliases: ['old.html'] }), entry('d', { aliases: ['old.html'] })], config, site, false);
		expect(error?.message).toBe('src/content/posts/d.md:4: alias: "old.html" (/posts/old.html) is also an alias of src/content/posts/c.md:4 ("old.html"); one address can only lead to one page.');
	});

	test("warns about an old address holding a % read from Blogger's blogger_orig_url or from redirect_from under that key, at its line, with the value as written, where it named aliases without a line", () => {
		write('src/content/posts/blogger.md', '---\ntitle: Blogger\ndate: 2016-04-01\nblogger_id: tag:blogger.com,1999:blog-1.post-2\nblogger_orig_url: https://x.blogspot.com/2016/04/100%-done.html\n---\n');
		write('src/content/posts/both.md', '---\ntitle: Both\ndate: 2016-04-02\naliases: [/kept/]\nblogger_orig_url: "https://x.blogspot.com/2016/04/50%25-done.html"\n---\n');
		write('src/content/posts/moved.md', '---\ntitle: Moved\ndate: 2016-04-03\nredirect_from:\n  - /old/\n  - /posts/1%-done/\n---\n');
		const entries = [
			entry('blogger', { aliases: ['/2016/04/100%-done.html'] }),
			entry('both', { aliases: ['/kept/', '/2016/04/50%-done.html'] }),
			entry('moved', { aliases: ['/old/', '/posts/1%-done/'] }),
		];
		const host = "so no redirect page is made there. Redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite).";
		expect(droppedAliasWarnings(entries, config, site, false, 'directory')).toEqual([
			`src/content/posts/blogger.md:5: blogger_orig_url: "https://x.blogspot.com/2016/04/100%-done.html" holds a % (/2016/04/100%-done.html), and Astro cannot write a page at an address with one, ${host}`,
			`src/content/posts/both.md:5: blogger_orig_url: "https://x.blogspot.com/2016/04/50%25-done.html" holds a % (/2016/04/50%-done.html), and Astro cannot write a page at an address with one, ${host}`,
			`src/content/posts/moved.md:4: redirect_from: "/posts/1%-done/" holds a % (/posts/1%-done/), and Astro cannot write a page at an address with one, ${host}`,
		]);
	});

	test("names an old address read from Hugo's url or URL by the key the post writes, at its line", () => {
		write('src/content/posts/u.md', '---\ntitle: U\ndate: 2024-01-03\nurl: "/posts/a1/"\n---\n');
		write('src/content/posts/v.md', '---\ntitle: V\ndate: 2024-01-04\nURL: "/posts/a1/"\n---\n');
		expect(findAddressClash([entry('a1', {}), entry('u', { permalink: '/posts/a1/' })], config, site, false)?.message).toBe(
			'src/content/posts/u.md:4: url: "/posts/a1/" (/posts/a1/) is the address of the post src/content/posts/a1.md; one address can only lead to one page.',
		);
		expect(findAddressClash([entry('u', { permalink: '/posts/old/' }), entry('v', { permalink: '/posts/old/' })], config, site, false)?.message).toBe(
			'src/content/posts/v.md:4: URL: "/posts/old/" (/posts/old/) is also the url of src/content/posts/u.md:4 ("/posts/old/"); one address can only lead to one page.',
		);
	});

	test("errors when a post's address is a page of the site's own, which Astro would build in its place, naming the post's slug line and the page", () => {
		write('src/content/posts/second.md', '---\ntitle: Second\ndate: 2024-01-05\n---\n');
		write('src/content/posts/moved-here.md', '---\ntitle: Moved\ndate: 2024-01-06\nslug: about\n---\n');
		const pages = { '/posts/second': 'src/pages/posts/second.astro', '/posts/about': 'src/pages/posts/about.md' };
		const clash = (id: string, data: Record<string, unknown>, format: 'directory' | 'file') => findAddressClash([entry(id, data)], config, site, false, undefined, { format, caseInsensitive: false }, pages)?.message;
		expect(clash('second', {}, 'directory')).toBe(
			"src/content/posts/second.md: the post's address /posts/second/ is the site's page src/pages/posts/second.astro, which Astro would build in the post's place, so the post would not be published.",
		);
		expect(clash('moved-here', { addressSlug: 'about' }, 'file')).toBe(
			"src/content/posts/moved-here.md:4: the post's address /posts/about is the site's page src/pages/posts/about.md, which Astro would build in the post's place, so the post would not be published.",
		);
		expect(clash('a', {}, 'directory')).toBeUndefined();
	});

	test('errors when two posts of different ids have one address, naming both files and the address', () => {
		const dated = { permalinks: '/:year/:month/:slug/', timeZone: 'UTC' };
		const holder = entry('hello', { date: new Date('2024-03-01') });
		const twin = entry('2024-03-20-hello', { date: new Date('2024-03-20'), addressSlug: 'hello' });
		const error = findAddressClash([holder, twin], dated, site, false);
		expect([error?.message, (error as { hint?: string } | undefined)?.hint]).toEqual([
			'src/content/posts/2024-03-20-hello.md and src/content/posts/hello.md: the two posts have one address, /2024/03/hello/, so one of them would not be published.',
			'Give one of them a slug field (slug: a-new-address).',
		]);
		expect(findAddressClash([holder, { ...twin, data: { ...twin.data, date: new Date('2024-04-01') } }], dated, site, false)).toBeUndefined();
	});

	test('names every old address that is a theme page in one error', () => {
		expect(findAddressClash([entry('a', { aliases: ['/tags/'] }), entry('b', { aliases: ['/archive/', '/search/'] })], config, site, false)?.message).toBe(
			"3 old addresses are the addresses of the theme's pages, so they cannot redirect to their posts: src/content/posts/a.md:4: aliases: \"/tags/\" (the /tags (tags) page); src/content/posts/b.md:5: aliases: \"/archive/\" (the /archive (archive) page); src/content/posts/b.md:5: aliases: \"/search/\" (the /search (search) page).",
		);
	});

	test('errors on an alias held by two posts, naming both files and lines', () => {
		const error = findAddressClash([entry('a', { aliases: ['/old/'] }), entry('b', { aliases: ['/old'] })], config, site, false);
		expect(error?.message).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/old" (/old) is also an alias of src/content/posts/a.md:4 ("/old/"); one address can only lead to one page."`,
		);
	});

	test('errors on an alias that is another post, or a theme page', () => {
		expect(findAddressClash([entry('a', {}), entry('b', { aliases: ['/posts/a/'] })], config, site, false)?.message).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/posts/a/" (/posts/a/) is the address of the post src/content/posts/a.md; one address can only lead to one page."`,
		);
		expect(findAddressClash([entry('b', { aliases: ['/tags/'] })], config, site, false)?.message).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/tags/" is the address of the theme's /tags (tags) page, so it cannot redirect to this post."`,
		);
	});

	test("errors on an alias that is a file the post's body links to, and keeps one under another post's address", () => {
		const withFile = entry('a', { bodyFiles: [{ path: 'demo/page.html', source: 'src/content/posts/demo/page.html' }] });
		expect(findAddressClash([withFile, entry('b', { aliases: ['/posts/a/demo/page.html'] })], config, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/b.md:5: aliases: "/posts/a/demo/page.html" (/posts/a/demo/page.html) is the address of a file that src/content/posts/a.md links to, which the build publishes there; one address can only lead to one page."`);
		expect(findAddressClash([withFile, entry('b', { aliases: ['/posts/a/old-b/'] })], config, site, false)).toBeUndefined();
		// With permalinks at the root, a post named "page" whose folder holds 2/index.html would replace the home page's page 2.
		const page = entry('page', { bodyFiles: [{ path: '2/index.html', source: 'src/content/posts/page/2/index.html' }] });
		expect(findAddressClash([page], { permalinks: '/:slug/', timeZone: 'UTC' }, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/page.md: the file 2/index.html that the post links to would be published at /page/2/index.html, which is the theme's /page/[page] (homePage) page, so one of them would not be published."`);
	});

	test("compares addresses as build.format 'file' writes them: an old .html address that is the post's own file is no redirect, and one that is a theme page's file or a slug that is the home page's is refused", () => {
		const file = { format: 'file', caseInsensitive: false } as const;
		const jekyll = { permalinks: '/:year/:month/:day/:slug/', timeZone: 'UTC' };
		const own = entry('b', { date: new Date('2019-01-05'), permalink: '/2019/01/05/b.html' });
		expect(findAddressClash([own], jekyll, site, false, undefined, file)).toBeUndefined();
		// In folders, /2019/01/05/b.html is another file than the post's page: a redirect.
		expect(findAddressClash([own], jekyll, site, false)).toBeUndefined();
		expect(findAddressClash([entry('b', { aliases: ['/archive.html'] })], config, site, false, undefined, file)?.message).toContain("is the address of the theme's /archive (archive) page");
		expect(findAddressClash([entry('b', { aliases: ['/archive.html'] })], config, site, false)).toBeUndefined();
		expect(findAddressClash([entry('index', {})], { ...config, permalinks: '/:slug/' }, site, false, undefined, file)?.message).toBe(
			"src/content/posts/index.md: the post's address /index is the theme's / (home) page, so the post would not be published.",
		);
	});

	test('on a file system that ignores case, refuses an old address that differs from a page only by case', () => {
		const insensitive = { format: 'directory', caseInsensitive: true } as const;
		expect(findAddressClash([entry('a', {}), entry('b', { aliases: ['/Posts/A/'] })], config, site, false, undefined, insensitive)?.message).toContain('is the address of the post src/content/posts/a.md');
		expect(findAddressClash([entry('a', {}), entry('b', { aliases: ['/Posts/A/'] })], config, site, false)).toBeUndefined();
		// A post's own address in other letters is its own file there: the redirect would replace it.
		expect(findAddressClash([entry('a', { aliases: ['/Posts/A/'] })], config, site, false, undefined, insensitive)?.message).toContain('is the address of the post src/content/posts/a.md');
	});

	test("refuses an old address whose redirect would need a folder where a file is written, such as a post's social card", () => {
		expect(findAddressClash([entry('a', {}), entry('b', { aliases: ['/posts/a/social.png/'] })], config, site, false)?.message).toBe(
			"src/content/posts/b.md:5: aliases: \"/posts/a/social.png/\" would be written as posts/a/social.png/index.html, inside a folder named posts/a/social.png, which is a file the build writes there (one of the theme's files), so neither could be written.",
		);
	});

	test('errors on a post whose permalink is a theme page', () => {
		const error = findAddressClash([entry('archive', {})], { ...config, permalinks: '/:slug/' }, site, false);
		expect(error?.message).toMatchInlineSnapshot(`"src/content/posts/archive.md: the post's address /archive/ is the theme's /archive (archive) page, so the post would not be published."`);
	});

	test.each([
		['/index.html', '/ (home)'],
		['/archive/index.html', '/archive (archive)'],
		['/search/index.html', '/search (search)'],
		['/404.html', '/404 (notFound)'],
		['/tags/index.html', '/tags (tags)'],
	])('errors on an alias that names the file of a theme page: %s', (alias, page) => {
		expect(findAddressClash([entry('b', { aliases: [alias] })], config, site, false)?.message).toContain(`is the address of the theme's ${page} page`);
	});

	test('errors on an alias that names a hidden file, a file that is not a page, or a file of public/, and keeps one that names a page file', () => {
		write('public/old/logo.html', '<p>Logo</p>');
		const message = (alias: string) => findAddressClash([entry('b', { aliases: [alias] })], config, site, false)?.message;
		expect(message('/.htaccess')).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/.htaccess" names a hidden file or folder (/.htaccess), which hosts read as their own settings, so no redirect page is written there."`,
		);
		expect(message('/.well-known/old/')).toContain('names a hidden file or folder (/.well-known/old/)');
		expect(message('/feed.xml')).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/feed.xml" names a .xml file (/feed.xml), but a redirect page is HTML: a feed reader, a browser or a program asking for it would get a web page instead of the file."`,
		);
		expect(message('/images/OLD.JPG')).toContain('names a .jpg file');
		expect(message('/old/logo.html')).toMatchInlineSnapshot(
			`"src/content/posts/b.md:5: aliases: "/old/logo.html" is the address of public/old/logo.html, which the build publishes there, so the redirect page would replace it."`,
		);
		for (const alias of ['/p/12.html', '/index.php?p=12', '/2019/01/a.b.c', '/old/']) expect(message(alias), alias).toBeUndefined();
	});

	test('errors on an alias, or a post address, whose folder would be a file of public/, naming the file, where Astro stopped with ENOTDIR', () => {
		write('public/og.txt', 'hi');
		const message = (alias: string) => findAddressClash([entry('b', { aliases: [alias] })], config, site, false)?.message;
		expect(message('/og.txt/')).toMatchInlineSnapshot(`"src/content/posts/b.md:5: aliases: "/og.txt/" (/og.txt/) would be written as og.txt/index.html, inside a folder where public/og.txt is, a file the build publishes there, so the redirect page cannot be written."`);
		expect(message('/og.txt/x/')).toContain('would be written as og.txt/x/index.html, inside a folder where public/og.txt is');
		write('src/content/posts/og.md', '---\ntitle: Og\ndate: 2024-01-03\nslug: og.txt\n---\n');
		expect(findAddressClash([{ ...entry('og.txt', {}), filePath: 'src/content/posts/og.md' }], { ...config, permalinks: '/:slug/' }, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/og.md:4: the post's address /og.txt/ is under public/og.txt, a file the build publishes there, so the post's page, in a folder where that file is, cannot be written."`);
	});

	test('drops a derived old address (a Gatsby slug) whose folder would be a file of public/, with a warning naming the line and the file', () => {
		write('public/og.txt', 'hi');
		write('src/content/posts/g8.md', "---\ntitle: G8\ndate: 2024-01-03\nslug: '/og.txt'\n---\n");
		const g8 = { ...entry('og-txt', { derivedAliases: [{ path: '/og.txt/', key: 'slug' }] }), filePath: 'src/content/posts/g8.md' };
		expect(findAddressClash([g8], config, site, false)).toBeUndefined();
		expect(droppedAliasWarnings([g8], config, site, false, 'directory')).toMatchInlineSnapshot(`
			[
			  "src/content/posts/g8.md:4: slug: "/og.txt/" is an address the post had (/og.txt/), but it is under public/og.txt, a file the build publishes there, so no redirect page to this post is made there. Links to it reach that page instead; remove the path from slug if it was not this post's address.",
			]
		`);
	});

	test("errors on a post whose slug field makes a theme page's address, naming the slug's line", () => {
		write('src/content/posts/not-found.md', '---\ntitle: Not found\ndate: 2024-01-03\nslug: "404"\n---\n');
		const error = findAddressClash([{ ...entry('404', {}), filePath: 'src/content/posts/not-found.md' }], { ...config, permalinks: '/:slug/' }, site, false);
		expect(error?.message).toMatch(/^src\/content\/posts\/not-found\.md:4: the post's address \/404\/ is the theme's /);
		expect((error as { loc?: { line?: number } } | undefined)?.loc?.line).toBe(4);
	});

	test('errors on a post address or an old address with a part longer than a folder name can be, naming the line', () => {
		write('src/content/posts/long.md', `---\ntitle: Long\ndate: 2024-01-03\nslug: ${'x'.repeat(300)}\naliases: [/ok/, /2019/${'é'.repeat(130)}/]\n---\n`);
		const long = { ...entry('x'.repeat(300), {}), filePath: 'src/content/posts/long.md' };
		expect(findAddressClash([long], config, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/long.md:4: the post's address has a part of 300 bytes (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…), longer than the 255 bytes a folder name can have, so its page cannot be written."`);
		const alias = { ...entry('long', { aliases: ['/ok/', `/2019/${'é'.repeat(130)}/`] }), filePath: 'src/content/posts/long.md' };
		expect(findAddressClash([alias], config, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/long.md:5: aliases: "/2019/éééééééééééééééééééééééééééééééééééééééééééééééééééééé…" has a part of 260 bytes, longer than the 255 bytes a folder or file name can have, so its redirect page cannot be written."`);
		const fits = { ...entry('y'.repeat(255), { aliases: [`/${'z'.repeat(255)}/`] }), filePath: 'src/content/posts/long.md' };
		expect(findAddressClash([fits], config, site, false)).toBeUndefined();
	});

	test('errors on an old address that decodes to a control character, which Node refused as a path naming no post', () => {
		write('src/content/posts/nul.md', '---\ntitle: Nul\ndate: 2024-01-03\naliases: ["/%00nul/"]\n---\n');
		const nul = { ...entry('nul', { aliases: ['/%00nul/'] }), filePath: 'src/content/posts/nul.md' };
		expect(findAddressClash([nul], config, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/nul.md:4: aliases: "/%00nul/" decodes to a control character (U+0000), which cannot be part of a file name on every system, so its redirect page cannot be written."`);
	});

	test('ignores drafts in a build, and accepts distinct addresses', () => {
		expect(findAddressClash([entry('a', { aliases: ['/old/'] }), entry('b', { aliases: ['/old/'], draft: true })], config, site, false)).toBeUndefined();
		expect(findAddressClash([entry('a', { aliases: ['/old/'] }), entry('b', { aliases: ['/older/'] })], config, site, false)).toBeUndefined();
	});
});

describe('files of public/ where the theme writes a page', () => {
	const site = mkdtempSync(path.join(tmpdir(), 'carnet-public-pages-'));
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
		writeFileSync(path.join(site, file), text);
	};
	const entry = (id: string, data: Record<string, unknown>) => ({ id, filePath: `src/content/posts/${id}.md`, data: { date: new Date('2024-01-01'), ...data } });
	const flat = { permalinks: '/:slug/', timeZone: 'UTC' };
	const options = { locale: 'en', postsPerPage: 1 };
	const routes = ['home', 'homePage', 'notFound', 'archive', 'tags', 'tag', 'tagPage', 'tagRss', 'rss', 'atom'] as const;
	write('src/content/posts/docs.md', '---\ntitle: Docs\ndate: 2024-01-01\nslug: docs\ntags: [Astro]\n---\n');
	write('src/content/posts/manual.md', '---\ntitle: Manual\ndate: 2024-01-02\ntags: [Astro, Notes]\n---\n');

	test("errors on a post whose page is a file of public/, naming the slug's line, the address and the file", () => {
		write('public/docs/index.html', '<p>docs</p>');
		expect(findAddressClash([entry('docs', {})], flat, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/docs.md:4: the post's address /docs/, from its slug field, is where the build publishes public/docs/index.html, which Astro keeps in place of the post's page, so the post would not be published."`);
		expect(findAddressClash([entry('docs', {})], { ...flat, permalinks: '/posts/:slug/' }, site, false)).toBeUndefined();
		write('public/posts/manual/index.html', '<p>manual</p>');
		expect(findAddressClash([entry('manual', {})], { ...flat, permalinks: '/posts/:slug/' }, site, false)?.message).toMatchInlineSnapshot(`"src/content/posts/manual.md: the post's address /posts/manual/, from its file name, is where the build publishes public/posts/manual/index.html, which Astro keeps in place of the post's page, so the post would not be published."`);
	});

	test("errors on a post's page file under build.format 'file', and not on the folder that build.format 'directory' would write", () => {
		write('public/notes.html', '<p>notes</p>');
		const file = { format: 'file', caseInsensitive: false } as const;
		expect(findAddressClash([entry('notes', {})], flat, site, false, undefined, file)?.message).toContain("the post's address /notes, from its file name, is where the build publishes public/notes.html");
		expect(findAddressClash([entry('notes', {})], flat, site, false)).toBeUndefined();
	});

	test("errors on a tag's page, a tag's later page or a listing's later page of public/, naming a post with the tag", () => {
		const posts = [entry('docs', { tags: ['Astro'] }), entry('manual', { tags: ['Astro', 'Notes'] })];
		const shadows = () => publicShadows(posts, options, routes, site, path.join(site, 'public'), false, 'directory');
		expect(shadows().error).toBeUndefined();
		write('public/page/2/index.html', '<p>2</p>');
		expect(shadows().error?.message).toMatchInlineSnapshot(`"public/page/2/index.html is published at /page/2/, where Carnet writes its /page/[page] (homePage) page listing posts; Astro would keep public/page/2/index.html and skip that page, so its posts would not be listed there."`);
		rmSync(path.join(site, 'public/page'), { recursive: true });
		write('public/tags/astro/page/2/index.html', '<p>2</p>');
		expect(shadows().error?.message).toMatchInlineSnapshot(`"public/tags/astro/page/2/index.html is published at /tags/astro/page/2/, where Carnet writes its /tags/[tag]/page/[page] (tagPage) page listing the posts tagged "Astro", as src/content/posts/docs.md:5 is; Astro would keep public/tags/astro/page/2/index.html and skip that page, so its posts would not be listed there."`);
		rmSync(path.join(site, 'public/tags'), { recursive: true });
		write('public/tags/notes/index.html', '<p>notes</p>');
		expect(shadows().error?.message).toMatchInlineSnapshot(`"public/tags/notes/index.html is published at /tags/notes/, where Carnet writes its /tags/[tag] (tag) page listing the posts tagged "Notes", as src/content/posts/manual.md:4 is; Astro would keep public/tags/notes/index.html and skip that page, so its posts would not be listed there."`);
		// A page the theme does not write (a third page of two posts, the second page of a tag one post has, a tag no post has) is the file's own.
		rmSync(path.join(site, 'public/tags'), { recursive: true });
		write('public/tags/notes/page/2/index.html', '<p>2</p>');
		write('public/page/3/index.html', '<p>3</p>');
		write('public/tags/rust/index.html', '<p>rust</p>');
		expect(shadows()).toEqual({ warnings: [] });
	});

	test("warns about the theme's fixed pages and feeds in public/, and not about those a route left out or a page of the site's own replaces", () => {
		const posts = [entry('docs', {})];
		write('public/index.html', '<p>home</p>');
		write('public/rss.xml', '<rss/>');
		write('public/atom.xml', '<feed/>');
		write('public/404.html', '<p>gone</p>');
		write('public/feed.json', '{}');
		expect(publicShadows(posts, options, routes, site, path.join(site, 'public'), false, 'directory', { '/': 'src/pages/index.astro' }).warnings).toMatchInlineSnapshot(`
			[
			  "public/404.html is published at /404.html, where Carnet writes its /404 (notFound) page, so Astro keeps public/404.html and skips Carnet's. Remove public/404.html if Carnet's should be published.",
			  "public/rss.xml is published at /rss.xml, where Carnet writes its /rss.xml (rss) file, so Astro keeps public/rss.xml and skips Carnet's. Remove public/rss.xml if Carnet's should be published.",
			  "public/atom.xml is published at /atom.xml, where Carnet writes its /atom.xml (atom) file, so Astro keeps public/atom.xml and skips Carnet's. Remove public/atom.xml if Carnet's should be published.",
			]
		`);
	});

	test('reads an empty or missing public/ without asking the disk about any page', () => {
		expect(publicShadows([entry('docs', { tags: ['Astro'] })], options, routes, site, path.join(site, 'nowhere'), false, 'directory')).toEqual({ warnings: [] });
	});
});
