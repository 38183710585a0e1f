import { describe, expect, test } from 'vitest';
import { readDirectives } from '../../theme/markdown/directives.ts';
import { emojiShortcodes } from '../../theme/markdown/emoji-shortcodes.ts';
import { renderedMarkdown } from '../helpers/post-html.ts';

describe("remark-directive's leaf and text directives (Fuwari)", () => {
	test('a repository card becomes a link to the repository, a link card a link, each on its line', () => {
		const body = ['Intro', '', '::github{repo="saicaca/fuwari"}', '', "  ::link{url='https://picoctf.org/' text=\"picoCTF [site]\"}", '', '::github[Fuwari]{repo=saicaca/fuwari}'].join('\n');
		const { body: read, unread } = readDirectives(body);
		expect(read.split('\n')).toEqual(['Intro', '', '[saicaca/fuwari](https://github.com/saicaca/fuwari)', '', '  [picoCTF \\[site\\]](https://picoctf.org/)', '', '[Fuwari](https://github.com/saicaca/fuwari)']);
		expect(unread).toEqual([]);
	});

	test('a card whose address is not a web address, or an unknown component, is shown as written in code and reported with its line', () => {
		const body = ['::link{url="javascript:alert(1)" text="x"}', '::github{repo="not a repo"}', '::youtube{id=abc}', '::selection', '::before {content: ""}'].join('\n');
		const { body: read, unread } = readDirectives(body);
		expect(read.split('\n')).toEqual(['`::link{url="javascript:alert(1)" text="x"}`', '`::github{repo="not a repo"}`', '`::youtube{id=abc}`', '::selection', '::before {content: ""}']);
		expect(unread.map(({ line, text }) => [line, text])).toEqual([
			[1, '::link{url="javascript:alert(1)" text="x"}'],
			[2, '::github{repo="not a repo"}'],
			[3, '::youtube{id=abc}'],
		]);
		expect(unread[0]?.reason).toContain('not a web address');
	});

	test('a spoiler hides its Markdown in a focusable span; code, and a colon against a word, stay', () => {
		const body = ['The content :spoiler[is hidden **ayyy**]!', 'x:spoiler[no] `:spoiler[code]`', '```', ':spoiler[fenced]', '::github{repo="a/b"}', '```'].join('\n');
		expect(readDirectives(body).body.split('\n')).toEqual([
			'The content <span class="carnet-spoiler" tabindex="0">is hidden **ayyy**</span>!',
			'x:spoiler[no] `:spoiler[code]`',
			'```',
			':spoiler[fenced]',
			'::github{repo="a/b"}',
			'```',
		]);
	});

	test("astro-theme-cactus's user card becomes a link to the user on GitHub, and an unknown directive keeps its quotes straight in Sätteri's HTML", async () => {
		// chrismwilliams/astro-theme-cactus's src/content/post/markdown-elements/admonitions.md.
		const body = ['::github{repo="chrismwilliams/astro-theme-cactus"}', '', 'You can also link a Github user:', '', '::github{user="withastro"}', '', '  ::youtube{id="a`b"}', '', '::github{user="not a user"}'].join('\n');
		const { body: read, unread } = readDirectives(body);
		const $ = await renderedMarkdown(read);
		expect($('a').map((_, link) => [[$(link).text(), $(link).attr('href')]]).get()).toEqual([
			['chrismwilliams/astro-theme-cactus', 'https://github.com/chrismwilliams/astro-theme-cactus'],
			['withastro', 'https://github.com/withastro'],
		]);
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['::youtube{id="a`b"}', '::github{user="not a user"}']);
		expect($.html()).not.toMatch(/[‘’“”]/);
		expect(unread.map(({ line, reason }) => [line, reason])).toEqual([
			[7, '::youtube is a remark-directive component that Carnet does not have. Replace it with Markdown or HTML'],
			[9, 'its user is "not a user", not a GitHub user name. Write it as user="name"'],
		]);
		expect(readDirectives('::github{title="x"}').unread[0]?.reason).toBe('it names no repository or user. Write it as repo="owner/name" or user="name"');
	});

	test('a card without an address is reported as a component Carnet does not have; 50,000 unclosed spoilers are read in one pass', () => {
		expect(readDirectives('::card{title="Hello"}').unread[0]?.reason).toBe('::card is a remark-directive component that Carnet does not have. Replace it with Markdown or HTML');
		expect(readDirectives(':spoiler['.repeat(50_000)).body).toBe(':spoiler['.repeat(50_000));
	});

	test("an inline component with text or props (Nuxt Content's :badge[New]{color}) is shown as written and reported with its line; a name alone, a colon against a word and code are not", () => {
		const body = ['Click :badge[New]{color="blue"} or :read-more{to="/docs/x"}.', '', 'a:hover{color:red} at 12:30[1], :root and `:icon{name="x"}`', '```', ':card{x}', '```'].join('\n');
		expect(readDirectives(body)).toEqual({
			body,
			unread: [
				{ line: 1, text: ':badge[New]{color="blue"}', reason: ":badge is an inline component (Nuxt Content's, remark-directive's) that Carnet does not have. Replace it with Markdown or HTML" },
				{ line: 1, text: ':read-more{to="/docs/x"}', reason: ":read-more is an inline component (Nuxt Content's, remark-directive's) that Carnet does not have. Replace it with Markdown or HTML" },
			],
		});
	});

	test('CSS in prose or in a <style>, and code in a <script>, hold no inline component', () => {
		const body = ['A rule such as a :hover{color:red} one, and {\'k\':v[0]} in prose.', '', '<style>', ':root{--accent:#c00}', '</style>', '', '<script>', 'const a = x ? y :fallback[0];', '</script>'].join('\n');
		expect(readDirectives(body)).toEqual({ body, unread: [] });
	});

	test('a line of a megabyte of inline openings is read in good time, and a component written many times is reported once', () => {
		const started = performance.now();
		expect(readDirectives(':a['.repeat(350_000)).unread).toEqual([]);
		expect(readDirectives(':a{'.repeat(350_000)).unread).toEqual([]);
		expect(readDirectives(' :b[x]'.repeat(170_000)).unread).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('20,000 directives are each read, within the test timeout', () => {
		const body = Array.from({ length: 20_000 }, (_, index) => (index % 2 ? '::github{repo="a/b"}' : 'a :spoiler[b] c')).join('\n');
		const read = readDirectives(body).body.split('\n');
		expect(read.filter((line) => line === '[a/b](https://github.com/a/b)')).toHaveLength(10_000);
		expect(read.filter((line) => line.includes('carnet-spoiler'))).toHaveLength(10_000);
	});
});

describe('emoji shortcodes', () => {
	test("become GitHub's emoji; unknown names, times, C++ scopes, addresses and code stay as written", () => {
		const body = [
			'Done :tada: :+1: :thumbsup:',
			':not_an_emoji: 12:30:45 std::vector a:smile:b',
			'https://example.com/:tada: `:tada:`',
			'```',
			':tada:',
			'```',
		].join('\n');
		expect(emojiShortcodes(body).split('\n')).toEqual(['Done 🎉 👍 👍', ':not_an_emoji: 12:30:45 std::vector a:smile:b', 'https://example.com/:tada: `:tada:`', '```', ':tada:', '```']);
	});

	test('leave the addresses of links alone, and what follows them', () => {
		expect(emojiShortcodes('[Query :fire:](https://example.com/find?tag=:fire:) :fire: <https://x.com/:fire:> https://x.com/a?b=:fire:')).toBe(
			'[Query 🔥](https://example.com/find?tag=:fire:) 🔥 <https://x.com/:fire:> https://x.com/a?b=:fire:',
		);
	});
});
