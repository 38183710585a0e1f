import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { componentModules } from '../../theme/integration/components.ts';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import { refusal } from '../helpers/refusal.ts';
import { repoRoot } from '../helpers/sites.ts';

const optionsError = (input: unknown) => refusal(() => parseThemeOptions(input));

describe('carnet() options', () => {
	test('fills in every default from a title alone', () => {
		expect(parseThemeOptions({ title: 'Mon carnet' })).toEqual({
			title: 'Mon carnet',
			description: '',
			locale: 'en',
			timeZone: 'UTC',
			postsPerPage: 10,
			collection: 'posts',
			strict: false,
			future: false,
			socialCards: { posts: 'without-image', colors: { background: '#fbfaf7', text: '#1c1b19', accent: '#9a3412', muted: '#5a5650' }, fonts: [] },
			feed: { limit: 20, atom: true, json: true, tags: true, xslt: true },
			navigation: [],
			social: [],
			share: ['bluesky', 'linkedin', 'email'],
			themeToggle: false,
			strings: {},
			components: {},
			remoteImageTimeout: 15,
			search: true,
			callouts: true,
			math: true,
			code: true,
			figures: true,
			sitemap: true,
			permalinks: '/posts/:slug/',
		});
	});

	test('errors if search is not true or false', () => {
		expect(optionsError({ title: 'Blog', search: 'pagefind' })).toContain('- search: expected true or false, received "pagefind".');
	});

	test('errors on a feed option of the wrong type, naming its path', () => {
		expect(optionsError({ title: 'Blog', feed: { limit: 'all', rss: false } })).toContain('- feed.limit: expected a whole number >= 1, received "all".');
		expect(optionsError({ title: 'Blog', feed: { rss: false } })).toContain('- feed.rss: unknown option. Known options: limit, atom, json, tags, xslt.');
	});

	test('says what a missing giscus id or a share list of the wrong type should be, naming what was received once', () => {
		const missing = optionsError({ title: 'Blog', comments: { provider: 'giscus', repo: 'me/blog', repoId: 'R_x', category: 'Comments' }, share: 'email' });
		expect(missing).toContain('- comments.categoryId: expected the category id that giscus.app shows, e.g. "DIC_kwDOxxxx", received nothing.');
		expect(missing).toContain("- share: expected a list of bluesky, linkedin, x, facebook, email, e.g. ['bluesky', 'email'], or [] for none, received \"email\".");
		expect(optionsError({ title: 'Blog', postsPerPage: [] })).not.toMatch(/received \w+, received/);
		const empty = optionsError({ title: 'Blog', comments: { provider: 'giscus', repo: '', repoId: 'R', category: 'C', categoryId: 'D' } });
		expect(empty.split('\n').filter((line) => line.startsWith('- comments.repo'))).toEqual(['- comments.repo: expected a GitHub repository such as "me/blog", received "".']);
	});

	test('keeps valid values and canonicalises the locale', () => {
		const config = parseThemeOptions({ title: 'Blog', locale: 'fr-ca', timeZone: 'Europe/Paris', postsPerPage: 6, author: 'Ada' });
		expect(config).toMatchObject({ locale: 'fr-CA', timeZone: 'Europe/Paris', postsPerPage: 6, author: 'Ada' });
	});

	test('errors if postsPerPage is less than 1', () => {
		expect(optionsError({ title: 'Blog', postsPerPage: 0 })).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- postsPerPage: expected a whole number >= 1, received 0.
			Hint: Fix the carnet({ ... }) options in astro.config.mjs; each option and its default are listed in the README."
		`);
	});

	test('errors on a socialCards option that is not one of its values, naming its path', () => {
		expect(optionsError({ title: 'Blog', socialCards: { posts: 'some' } })).toContain('- socialCards.posts: expected one of without-image, all, none, received "some".');
		expect(optionsError({ title: 'Blog', socialCards: { colors: { accent: 'green' } } })).toContain('- socialCards.colors.accent: expected a colour such as "#9a3412", received "green".');
		expect(parseThemeOptions({ title: 'Blog', socialCards: { colors: { accent: '#0b5e3c' } } }).socialCards.colors).toMatchObject({ accent: '#0b5e3c', text: '#1c1b19' });
		expect(optionsError({ title: 'Blog', socialCards: { fonts: './src/fonts/NotoSansJP-Bold.ttf' } })).toContain(
			"- socialCards.fonts: expected a list of font files' paths such as ['./src/fonts/NotoSansJP-Bold.ttf'], received \"./src/fonts/NotoSansJP-Bold.ttf\".",
		);
		expect(optionsError({ title: 'Blog', socialCards: { fonts: [''] } })).toContain("- socialCards.fonts.0: expected a font file's path such as './src/fonts/NotoSansJP-Bold.ttf', received \"\".");
	});

	test('errors if postsPerPage is not a whole number', () => {
		expect(optionsError({ title: 'Blog', postsPerPage: 2.5 })).toContain('- postsPerPage: expected a whole number >= 1, received 2.5.');
	});

	test('errors if the title is missing or empty', () => {
		expect(optionsError({})).toContain('- title: expected the blog\'s name as a non-empty string, e.g. title: "My blog", received nothing.');
		expect(optionsError({ title: '  ' })).toContain('- title: expected the blog\'s name as a non-empty string, e.g. title: "My blog", received "  ".');
	});

	test('errors on a time zone that is not an IANA name', () => {
		expect(optionsError({ title: 'Blog', timeZone: 'Paris' })).toContain(
			'- timeZone: expected an IANA time zone such as "UTC" or "Europe/Paris", received "Paris".',
		);
	});

	test('errors on a locale that is not a BCP 47 tag', () => {
		expect(optionsError({ title: 'Blog', locale: 'french!' })).toContain(
			'- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA", received "french!".',
		);
	});

	test('errors on a language named rather than tagged, or with "_" for "-", giving the tag to write', () => {
		const message = (locale: string) => optionsError({ title: 'Blog', locale }).split('\n')[1];
		expect(message('french')).toBe('- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA": write "fr", received "french".');
		expect(message('Deutsch')).toBe('- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA": write "de", received "Deutsch".');
		expect(message('español')).toBe('- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA": write "es", received "español".');
		expect(message('es_ES')).toBe('- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA": write "es-ES", received "es_ES".');
		expect(message('klingonese')).toBe('- locale: expected a BCP 47 language tag such as "en", "fr" or "fr-CA", received "klingonese".');
		// A language Intl has no name for (Pitjantjatjara) is a tag all the same.
		expect(parseThemeOptions({ title: 'Blog', locale: 'pjt' }).locale).toBe('pjt');
	});

	test('errors on an unknown option and suggests the likely one', () => {
		// Up to 30 options are listed; past that the list gives way to the README.
		expect(optionsError({ title: 'Blog', postPerPage: 5 })).toContain('- postPerPage: unknown option. Did you mean postsPerPage? Known options: title, description, locale,');
	});

	test("errors on a UI string that is empty or names a placeholder the theme's has not, and accepts one that leaves a placeholder out", () => {
		const lines = optionsError({ title: 'Blog', strings: { 'site.home': '', 'site.skipLink': '   ', 'post.readingTime': '{minute} min' } })
			.split('\n')
			.filter((line) => line.startsWith('- '));
		expect(lines).toEqual([
			'- strings.site.skipLink: expected some text (an empty one leaves a link or a label with no name; to hide a part, override its component), received "   ".',
			'- strings.site.home: expected some text (an empty one leaves a link or a label with no name; to hide a part, override its component), received "".',
			"- strings.post.readingTime: expected text whose placeholders are the theme's ({minute} would show as written: its placeholders are {minutes}), received \"{minute} min\".",
		]);
		expect(parseThemeOptions({ title: 'Blog', strings: { 'post.readingTime': 'Short read' } }).strings).toEqual({ 'post.readingTime': 'Short read' });
	});

	test('errors on an empty label or author name with what it expects, not the schema library\'s words', () => {
		const lines = optionsError({ title: 'Blog', navigation: [{ label: ' ', href: '/about/' }], author: { name: '' } })
			.split('\n')
			.filter((line) => line.startsWith('- '));
		expect(lines).toEqual(['- author.name: expected some text, received "".', '- navigation.0.label: expected some text, received " ".']);
	});

	test("suggests a UI string's key by its last part, and lists the fields of a list's item", () => {
		expect(optionsError({ title: 'Blog', strings: { 'nav.home': 'Start' } })).toContain("- strings.nav.home: unknown option. Did you mean site.home? The README lists them (the keys of astro-theme-carnet's i18n/en.ts).");
		expect(optionsError({ title: 'Blog', navigation: [{ name: 'About', href: '/about/' }] })).toContain('- navigation.0.name: unknown option. Known options: label, href.');
	});

	test('lists every problem at once', () => {
		const message = optionsError({ title: 'Blog', postsPerPage: -1, timeZone: 'Mars/Olympus', strict: 'yes' });
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			'- timeZone: expected an IANA time zone such as "UTC" or "Europe/Paris", received "Mars/Olympus".',
			'- postsPerPage: expected a whole number >= 1, received -1.',
			'- strict: expected true or false, received "yes".',
		]);
	});

	test('errors on an author that is neither a name nor a { name } object', () => {
		expect(optionsError({ title: 'Blog', author: { email: 'a@example.com' } })).toContain(
			'- author: expected a name, or an object such as { name: "Ada", email: "ada@example.com", url: "https://example.com" }, received {"email":"a@example.com"}.',
		);
	});

	test('refuses links that are not http(s): or mailto: URLs, however they are spelled', () => {
		const message = optionsError({
			title: 'Blog',
			author: { name: 'Ada', url: 'javascript:alert(1)' },
			navigation: [{ label: 'Trap', href: 'java\tscript:alert(1)' }],
			social: [{ platform: 'website', href: ' data:text/html,<script>alert(1)</script>' }],
		});
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			'- author.url: expected an http(s): or mailto: URL such as https://example.com, received "javascript:alert(1)".',
			'- navigation.0.href: expected a path such as /about/, or an http(s): or mailto: URL, received "java\\tscript:alert(1)".',
			'- social.0.href: expected an http(s): or mailto: URL such as https://github.com/me, received " data:text/html,<script>alert(1)</script>".',
		]);
	});

	test('accepts paths, web and e-mail links, and a bare address for the email platform', () => {
		const config = parseThemeOptions({
			title: 'Blog',
			author: { name: 'Ada', url: 'https://ada.example/' },
			navigation: [{ label: 'About', href: '/about/' }, { label: 'Mail', href: 'mailto:ada@example.com' }],
			social: [{ platform: 'email', href: 'ada@example.com' }],
		});
		expect(config.navigation.map((link) => link.href)).toEqual(['/about/', 'mailto:ada@example.com']);
	});

	test('writes the spaces and quotes of a link as a URL holds them, percent-encoded', () => {
		const config = parseThemeOptions({
			title: 'Blog',
			navigation: [{ label: 'Notes', href: '/my notes/"best"/' }],
			social: [{ platform: 'website', href: 'https://example.org/a b?x="y"' }],
		});
		expect(config.navigation.map((link) => link.href)).toEqual(['/my%20notes/%22best%22/']);
		expect(config.social.map((link) => link.href)).toEqual(['https://example.org/a%20b?x=%22y%22']);
	});

	test('refuses a protocol-relative link, naming the option, the value and the URL to write', () => {
		const message = optionsError({ title: 'Blog', navigation: [{ label: 'X', href: '//evil.example/x' }], social: [{ platform: 'website', href: ' \\\\evil.example' }] });
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			'- navigation.0.href: expected a path such as /about/, or an http(s): or mailto: URL; //host/… is another site, reached with the scheme of the page: write https://evil.example/x, received "//evil.example/x".',
			'- social.0.href: expected an http(s): or mailto: URL such as https://github.com/me; //host/… is another site, reached with the scheme of the page: write https://evil.example/, received " \\\\\\\\evil.example".',
		]);
	});

	test('refuses a relative header link, which would lead elsewhere from each page, naming the path to write', () => {
		const message = optionsError({ title: 'Blog', navigation: [{ label: 'About', href: 'about/' }, { label: 'Up', href: '../notes/' }, { label: 'Code', href: 'github.com/me' }] });
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			'- navigation.0.href: expected a path such as /about/, or an http(s): or mailto: URL; without "/" or "https://" in front it leads elsewhere from each page (from /posts/hello/ to /posts/hello/about/): write /about/, received "about/".',
			'- navigation.1.href: expected a path such as /about/, or an http(s): or mailto: URL; without "/" or "https://" in front it leads elsewhere from each page (from /posts/hello/ to /posts/hello/../notes/): write /notes/, received "../notes/".',
			'- navigation.2.href: expected a path such as /about/, or an http(s): or mailto: URL; without "/" or "https://" in front it leads elsewhere from each page (from /posts/hello/ to /posts/hello/github.com/me): write https://github.com/me, received "github.com/me".',
		]);
		const config = parseThemeOptions({ title: 'Blog', navigation: [{ label: 'Top', href: '#top' }, { label: 'Home', href: '/' }, { label: 'Elsewhere', href: 'https://elsewhere.example/' }] });
		expect(config.navigation.map((link) => link.href)).toEqual(['#top', '/', 'https://elsewhere.example/']);
	});

	test('refuses a profile link that is not an http(s): or mailto: URL, naming the URL to write', () => {
		const message = optionsError({
			title: 'Blog',
			social: [
				{ platform: 'github', href: 'github.com/me' },
				{ platform: 'website', href: '/about/' },
				{ platform: 'mastodon', href: 'me@mastodon.social' },
			],
		});
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			'- social.0.href: expected an http(s): or mailto: URL such as https://github.com/me; without "https://" in front it leads elsewhere from each page (from /posts/hello/ to /posts/hello/github.com/me): write https://github.com/me, received "github.com/me".',
			'- social.1.href: expected an http(s): or mailto: URL such as https://github.com/me, not a path of this site, received "/about/".',
			"- social.2.href: expected an http(s): or mailto: URL such as https://github.com/me (an address alone is the email platform's): write https://mastodon.social/@me, received \"me@mastodon.social\".",
		]);
	});

	test('errors on a remote image timeout that is not a positive number of seconds', () => {
		expect(optionsError({ title: 'Blog', remoteImageTimeout: 0 })).toContain('- remoteImageTimeout: expected a number of seconds > 0, received 0.');
	});
});

describe('Markdown feature options', () => {
	test('errors on a math value that is not true, false or "htmlAndMathml"', () => {
		expect(optionsError({ title: 'Blog', math: 'katex' })).toContain('- math: expected true, false or "htmlAndMathml", received "katex".');
	});

	test('accepts each feature turned off, and KaTeX HTML for math', () => {
		expect(parseThemeOptions({ title: 'Blog', callouts: false, code: false, figures: false, math: 'htmlAndMathml' })).toMatchObject({
			callouts: false,
			code: false,
			figures: false,
			math: 'htmlAndMathml',
		});
	});
});

describe('the components option', () => {
	// Under the repository, whose node_modules holds astro-theme-carnet, as a site's does.
	const root = path.join(repoRoot, 'tests/.sites/unit-component-paths');
	const modules = (components: Record<string, string>) => componentModules(parseThemeOptions({ title: 'Blog', components }).components, root);

	beforeAll(() => {
		rmSync(root, { recursive: true, force: true });
		mkdirSync(path.join(root, 'src/components'), { recursive: true });
		writeFileSync(path.join(root, 'src/components/MyCard.astro'), '<article />\n');
		writeFileSync(path.join(root, 'src/social-card.ts'), 'export default () => ({});\n');
	});

	test('reads a path without ./ from the project root, as one with it, and leaves an installed package to Vite', () => {
		const file = JSON.stringify(path.join(root, 'src/components/MyCard.astro'));
		expect(modules({ PostCard: 'src/components/MyCard.astro' })['virtual:carnet/components/PostCard']).toBe(`export { default } from ${file};`);
		expect(modules({ PostCard: './src/components/MyCard.astro' })['virtual:carnet/components/PostCard']).toBe(`export { default } from ${file};`);
		expect(modules({ Footer: 'astro-theme-carnet/components/Footer.astro' })['virtual:carnet/components/Footer']).toBe('export { default } from "astro-theme-carnet/components/Footer.astro";');
		expect(modules({ SocialCard: './src/social-card.ts' })['virtual:carnet/components/SocialCard']).toBe(`export { default } from ${JSON.stringify(path.join(root, 'src/social-card.ts'))};`);
	});

	test('refuses an alias, a path from the disk\'s root, a folder, a missing file and an astro social card, each with the path to write', () => {
		expect(
			refusal(() =>
				modules({
					Header: '~/components/MyCard.astro',
					Footer: '/src/components/MyCard.astro',
					PostCard: './src/components',
					PostMeta: 'src/components/Nope.astro',
					SocialCard: './src/components/MyCard.astro',
				}),
			),
		).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- components.Header: '~/components/MyCard.astro' starts with the alias ~/, which the theme does not read: write the path from the project root, e.g. './src/components/MyCard.astro'.
			- components.Footer: '/src/components/MyCard.astro' starts with "/", the root of the disk, where there is no such file: write the path from the project root, './src/components/MyCard.astro'.
			- components.PostCard: './src/components' names a folder; name the .astro file, e.g. './src/components/MyPostCard.astro'.
			- components.PostMeta: 'src/components/Nope.astro' is neither a file of the project (looked for src/components/Nope.astro) nor an installed package: write a file's path from the project root, e.g. './src/components/MyPostMeta.astro'.
			- components.SocialCard: './src/components/MyCard.astro' is not a .ts or .js module: the social card is drawn from a function that returns its elements, e.g. './src/social-card.ts' (see "Your own card" in the README).
			Hint: Component paths are read from the project root, e.g. ./src/components/MyCard.astro."
		`);
	});
});
