import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { BodyFeatures } from '../../theme/markdown/features.ts';
import { rehypeFeatures } from '../../theme/markdown/unified-features.ts';
import { lineBlocks } from '../../theme/markdown/line-blocks.ts';
import { subAndSuperscripts } from '../../theme/markdown/highlight-marks.ts';
import { citationsIn } from '../../theme/markdown/pandoc-citations.ts';
import { readFancyLists } from '../../theme/markdown/pandoc-lists.ts';
import { renderedPost } from '../helpers/post-html.ts';

describe("Pandoc's line blocks", () => {
	test('are one paragraph of their lines, each ended by a line break and its leading spaces kept, a continued line joined', async () => {
		const body = [
			'| Much simpler than, say, FTP,',
			'| What made Gopher appealing to me',
			'|    (And of fabulous worth',
			'|    Ere the internet\'s birth)',
			'| - Was the hyperlinked knowledge, all free.',
			'',
			'| Line continuations *must*',
			'  start with blanks.',
			'|',
			'| 1. Just like this.',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('p').map((_, p) => $(p).html()).get()).toEqual([
			'Much simpler than, say, FTP,<br>\nWhat made Gopher appealing to me<br>\n&nbsp;&nbsp;&nbsp;(And of fabulous worth<br>\n&nbsp;&nbsp;&nbsp;Ere the internet’s birth)<br>\n- Was the hyperlinked knowledge, all free.',
			'Line continuations <em>must</em>\nstart with blanks.<br>\n&nbsp;<br>\n1. Just like this.',
		]);
		expect($('ul, ol, table').length).toBe(0);
		expect(warnings).toEqual([]);
	});

	test("leave tables alone: GFM's, kramdown's rows, with or without their closing pipes", async () => {
		const tables = ['| a | b |\n|---|---|\n| 1 | 2 |\n', '| a | b |\n| c | d |\n', '| a | b\n|---|---\n| 1 | 2\n', '| a | b\n| c | d\n', 'Text.\n| not | a block\n'];
		for (const table of tables) expect(lineBlocks(table)).toBe(table);
		const { $ } = await renderedPost(tables[2] as string);
		expect($('table td').map((_, cell) => $(cell).text()).get()).toEqual(['1', '2']);
	});

	test('of one line are read only in a post written for Pandoc: elsewhere a lone | line is shown as written', async () => {
		const body = 'Run it:\n\n| sort -u\n\nThen:\n\n| a shell pipe\n|   and its next line\n';
		const ordinary = await renderedPost(body);
		expect(ordinary.$('p').map((_, p) => ordinary.$(p).html()).get()).toEqual(['Run it:', '| sort -u', 'Then:', 'a shell pipe<br>\n&nbsp;&nbsp;and its next line']);
		for (const header of ['% A Poem\n% Jane Doe\n\n', '---\ntitle: Post\ndate: 2024-01-01\nbibliography: references.bib\n---\n']) {
			const { $, warnings } = await renderedPost(body, { header });
			expect($('p').eq(1).html()).toBe('sort -u');
			expect(warnings).toEqual([]);
		}
	});

	test('are read in well under a second in 100 KB of line blocks', () => {
		const started = performance.now();
		lineBlocks('| a\n'.repeat(30_000));
		lineBlocks('\n| a'.repeat(30_000));
		lineBlocks(`| a\n${'  b\n'.repeat(30_000)}`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe("Pandoc's inline marks", () => {
	const body = 'H~2~O, x^2^, ~i~ alone, ~~struck~~ and ~a b~; 10\\ km, not `a\\ b` nor \\\\ this.\n';

	test('in a post written for Pandoc: ~x~ is a subscript, not struck, ~~x~~ struck, and a backslash-space a no-break space', async () => {
		const { $, warnings } = await renderedPost(body, { header: '% Notes\n\n' });
		expect($('p').html()).toBe('H<sub>2</sub>O, x<sup>2</sup>, <sub>i</sub> alone, <del>struck</del> and <del>a b</del>; 10&nbsp;km, not <code>a\\ b</code> nor \\ this.');
		expect(warnings).toEqual([]);
	});

	test('elsewhere: ~x~ alone is struck through and a backslash-space shown as written, as GFM reads them', async () => {
		const { $ } = await renderedPost(body);
		expect($('p').html()).toBe('H<sub>2</sub>O, x<sup>2</sup>, <del>i</del> alone, <del>struck</del> and <del>a b</del>; 10\\ km, not <code>a\\ b</code> nor \\ this.');
	});
});

describe("Pandoc's fancy and example lists", () => {
	test('in a post written for Pandoc: #. items are a numbered list, lists by letters or Roman numerals are ordered lists of their type and start, and example lists are shown as written, with a warning naming their lines', async () => {
		const body = ['#. one', '#. two', '', 'c. third *letter*', 'd. fourth', '', '(ii) Roman', '(iii) numerals', '', '(@good) An example.', '', 'B. Russell wrote it.', '', 'A.  Item'].join('\n');
		const { $, warnings } = await renderedPost(body, { header: '% Lists\n\n' });
		const lists = $('ol').map((_, ol) => ({ type: $(ol).attr('type'), start: $(ol).attr('start'), items: $(ol).children('li').map((_, li) => $(li).text()).get() })).get();
		expect(lists).toEqual([
			{ type: undefined, start: undefined, items: ['one', 'two'] },
			{ type: 'a', start: '3', items: ['third letter', 'fourth'] },
			{ type: 'i', start: '2', items: ['Roman', 'numerals'] },
			{ type: 'A', start: undefined, items: ['Item'] },
		]);
		expect($('ol em').text()).toBe('letter');
		expect($('span').length).toBe(0);
		expect($('p').map((_, p) => $(p).text()).get()).toEqual(['(@good) An example.', 'B. Russell wrote it.']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:12: the example list whose first item is marked (@good) is shown as written, as lines of text: Pandoc numbers examples ((@)) on across the post, which Markdown does not. Mark its items 1., 2., 3., or number them by hand.",
			]
		`);
	});

	test("in a post written for Pandoc: a list nested in an item keeps its place and type, and Pandoc's next item of a list follows its continued lines", async () => {
		const body = ['I.  Part one', '    continued', '', '    a) first', '    b) second', '        i. deep', '', 'II.  Part two', '', 'i. alone', 'ii. and on', '', 'h. eighth', 'i. ninth'].join('\n');
		const { $, warnings } = await renderedPost(body, { header: '% Lists\n\n' });
		const outer = $('ol').first();
		expect(outer.attr('type')).toBe('I');
		expect(outer.children('li').length).toBe(2);
		expect(outer.find('> li:first-child > ol').attr('type')).toBe('a');
		expect(outer.find('> li:first-child > ol > li').map((_, li) => $(li).contents().first().text().trim()).get()).toEqual(['first', 'second']);
		expect(outer.find('li ol li ol').attr('type')).toBe('i');
		expect(outer.find('li ol li ol li').text()).toBe('deep');
		expect($.root().children('ol').map((_, ol) => $(ol).attr('type')).get()).toEqual(['I', 'i', 'a']);
		expect($.root().children('ol').last().attr('start')).toBe('8');
		expect(warnings).toEqual([]);
	});

	test("are ordered lists of their type under @astrojs/markdown-remark's unified processor too", async () => {
		const features = { callouts: false, math: false, mathOutput: 'mathml', code: false, figures: false, labels: {} } as unknown as BodyFeatures;
		const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeFeatures(features)] } as never);
		const { code } = await processor.render(readFancyLists('c. one\nd. *two*\n\n(iv) x\n').body);
		const $ = cheerio.load(code, null, false);
		expect($('ol').map((_, ol) => `${$(ol).attr('type')} ${$(ol).attr('start')} ${$(ol).children('li').length}`).get()).toEqual(['a 3 2', 'i 4 1']);
		expect($('span').length).toBe(0);
	});

	test('and inline marks are read in well under a second in 100 KB of markers, tildes or backslashes', () => {
		const started = performance.now();
		for (const input of [' '.repeat(100_000), `${'i'.repeat(100_000)} x`, 'a. x\n'.repeat(20_000), `(${'@'.repeat(100_000)}`]) readFancyLists(input);
		for (const input of ['\\'.repeat(100_000), '~a'.repeat(50_000), '\\ '.repeat(50_000)]) subAndSuperscripts(input, true, true);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('elsewhere are left to Markdown, which reads a. as text', async () => {
		const { $, warnings } = await renderedPost('a. first\nb. second\n\n(i) one\n');
		expect($('p').map((_, p) => $(p).text()).get()).toEqual(['a. first\nb. second', '(i) one']);
		expect($('ol').length).toBe(0);
		expect(warnings).toEqual([]);
	});
});

describe("Pandoc's citations and Quarto's cross-references", () => {
	test('are shown as written, with one warning naming their lines, and emails and handles are neither', async () => {
		const body = [
			'Life is good [@Weigert2018-ti]. Unix came later [see @Wheeler1952, pp. 235-236; also @Ritchie1974].',
			'',
			'Write to me@example.com or [me@example.com], follow @user, or see [@user](https://example.com/@fig-x).',
			'',
			'This is illustrated well by @fig-elephant, as in @tbl-letters and [-@doe99].',
			'',
			'`[@code]` and @sec-intro.',
			'',
			'```',
			'[@fenced]',
			'```',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('p').first().text()).toBe('Life is good [@Weigert2018-ti]. Unix came later [see @Wheeler1952, pp. 235-236; also @Ritchie1974].');
		expect($('p').eq(2).text()).toBe('This is illustrated well by @fig-elephant, as in @tbl-letters and [-@doe99].');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: [@Weigert2018-ti] (and 5 more, on lines 5, 9, 11) are shown as written: Pandoc and Quarto fill in citations and cross-references from a bibliography and the post's numbered figures, tables and sections, which Carnet does not read. Write each reference out (the author and year, "Table 1"), or render the post with Pandoc or Quarto first and publish the Markdown it writes.",
			]
		`);
	});

	test('are found in well under a second in 100 KB of brackets and keys', () => {
		const started = performance.now();
		for (const input of [`[${' @a'.repeat(30_000)}`, '[@a '.repeat(25_000), `${'@fig-'.repeat(20_000)}x`, '[@a]'.repeat(25_000)]) citationsIn(input);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe('A post written for Pandoc', () => {
	const body = 'H~2~O is ~i~; C:\\ Program Files.\n\n| x\n';
	const gfm = (rendered: Awaited<ReturnType<typeof renderedPost>>) => rendered.$('p').map((_, p) => rendered.$(p).html()).get();
	const ordinary = ['H<sub>2</sub>O is <del>i</del>; C:\\ Program Files.', '| x'];
	const pandoc = ['H<sub>2</sub>O is <sub>i</sub>; C:&nbsp;Program Files.', 'x'];

	test('is not one for a bracketed @handle, a chunk shown in a code block, a MyST directive or an execute: that is not a Quarto mapping', async () => {
		const posts = [
			{ body: `Thanks [cc @alice] for the review, [thanks @bob and @carol] too.\n\n${body}` },
			{ body: `In Quarto:\n\n\`\`\`\`markdown\n\`\`\`{r}\nplot(x)\n\`\`\`\n\`\`\`\`\n\n${body}` },
			{ body: `\`\`\`{note}\nA MyST directive.\n\`\`\`\n\n\`\`\`{code-cell} python\nprint(1)\n\`\`\`\n\n${body}` },
			{ body, frontMatter: 'execute: ./run.sh\n' },
			{ body, frontMatter: 'execute:\n  command: make\n' },
		];
		for (const post of posts) {
			const rendered = await renderedPost(post.body, post.frontMatter === undefined ? {} : { frontMatter: post.frontMatter });
			expect(gfm(rendered).slice(-2)).toEqual(ordinary);
			expect(rendered.warnings).toEqual([]);
		}
	});

	test('is one by its citations as Pandoc users write them, its knitr and Quarto chunks and its execute options', async () => {
		const posts = [
			{ body: `As shown [@doe99].\n\n${body}` },
			{ body: `As shown [@doe99, p. 3].\n\n${body}` },
			{ body: `As shown [see @doe99; @roe04].\n\n${body}` },
			{ body: `As shown [see @doe99, chap. 2].\n\n${body}` },
			{ body: `\`\`\`{r setup, include=FALSE}\nlibrary(x)\n\`\`\`\n\n${body}` },
			{ body: `\`\`\`{python}\nprint(1)\n\`\`\`\n\n${body}` },
			{ body: `\`\`\`{R}\nplot(x)\n\`\`\`\n\n${body}` },
			{ body, frontMatter: 'execute:\n  echo: false\n' },
			// In a post that is Pandoc's by its front matter, a citation with a prefix word is one too.
			{ body: `As shown [see @doe99].\n\n${body}`, frontMatter: 'bibliography: refs.bib\n' },
		];
		for (const post of posts) {
			const rendered = await renderedPost(post.body, post.frontMatter === undefined ? {} : { frontMatter: post.frontMatter });
			expect(gfm(rendered).slice(-2)).toEqual(pandoc);
		}
		expect(citationsIn('[see @doe99] [cc @alice]', { pandoc: true }).map(({ text }) => text)).toEqual(['[see @doe99]', '[cc @alice]']);
		expect(citationsIn('[see @doe99] [cc @alice] [@doe99] [-@doe99] [a @b, p. 3] [see @a; @b]').map(({ text }) => text)).toEqual(['[@doe99]', '[-@doe99]', '[a @b, p. 3]', '[see @a; @b]']);
	});
});
