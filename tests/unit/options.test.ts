import { describe, expect, test } from 'vitest';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import { refusal } from '../helpers/refusal.ts';

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

	test('errors on an unknown option and suggests the likely one', () => {
		// Up to 30 options are listed; past that the list gives way to the README.
		expect(optionsError({ title: 'Blog', postPerPage: 5 })).toContain('- postPerPage: unknown option. Did you mean postsPerPage? Known options: title, description, locale,');
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
			'- social.0.href: expected a path such as /about/, or an http(s): or mailto: URL, received " data:text/html,<script>alert(1)</script>".',
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
			'- social.0.href: expected a path such as /about/, or an http(s): or mailto: URL; //host/… is another site, reached with the scheme of the page: write https://evil.example/, received " \\\\\\\\evil.example".',
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
