import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { readKramdownAttributes, withoutKramdownMarkers } from '../../theme/markdown/kramdown-attributes.ts';
import { readKramdownExtensions } from '../../theme/markdown/kramdown-extensions.ts';
import { balanceHtml } from '../../theme/utils/balanced-html.ts';
import { summaryOf } from '../../theme/utils/summary.ts';
import { renderedPost } from '../helpers/post-html.ts';

// Lines from Chirpy's "Text and Typography" post.
describe("kramdown's attribute lists, as Chirpy's posts write them", () => {
	test("make a blockquote with Chirpy's prompt a callout, the quote one line down", () => {
		const body = '> An example showing the `tip` type prompt.\n{: .prompt-tip }\n\n> Two lines\n> of danger.\n{: .prompt-danger }\n';
		expect(readKramdownAttributes(body, true)).toEqual({
			body: '> [!TIP]\n> An example showing the `tip` type prompt.\n\n> [!CAUTION]\n> Two lines\n> of danger.\n',
			removed: [],
			contents: [],
		});
		expect(readKramdownAttributes(body, false).body).toBe('> An example showing the `tip` type prompt.\n<!-- -->\n\n> Two lines\n> of danger.\n<!-- -->\n');
	});

	test('leave out the lists of headings, code blocks, code spans and images, each line in its place, and say which', () => {
		const body = [
			'# H1 — heading',
			"{: data-toc-skip='' .mt-4 .mb-0 }",
			'Here is the `/path/to/the/file.extend`{: .filepath}.',
			'```sass',
			'@import "colors";',
			'```',
			"{: file='_sass/jekyll-theme-chirpy.scss'}",
			'![Desktop View](/posts/20190808/mockup.png){: width="972" height="589" .w-50 .left}',
			'Write `{: .prompt-tip }` under a quote.',
		].join('\n');
		const result = readKramdownAttributes(body, true);
		expect(result.body).toBe(
			['# H1 — heading {.no_toc}', '<!-- -->', 'Here is the `/path/to/the/file.extend`.', '```sass', '@import "colors";', '```', '<!-- -->', '![Desktop View](/posts/20190808/mockup.png)', 'Write `{: .prompt-tip }` under a quote.'].join('\n'),
		);
		expect(result.removed).toEqual([
			{ line: 2, text: "{: data-toc-skip='' .mt-4 .mb-0 }" },
			{ line: 3, text: '{: .filepath}' },
			{ line: 7, text: "{: file='_sass/jekyll-theme-chirpy.scss'}" },
			{ line: 8, text: '{: width="972" height="589" .w-50 .left}' },
		]);
	});

	test('leave lists in indented code alone, and leave out those of an indented paragraph in a list item', () => {
		expect(readKramdownAttributes('Kramdown writes:\n\n    ![b](b.png){: .w-50}\n    {: .prompt-tip }\n\n- Item\n\n    ![a](a.png){: .left}\n', true)).toEqual({
			body: 'Kramdown writes:\n\n    ![b](b.png){: .w-50}\n    {: .prompt-tip }\n\n- Item\n\n    ![a](a.png)\n',
			removed: [{ line: 8, text: '{: .left}' }],
			contents: [],
		});
	});

	test("leave out kramdown's table of contents, which Carnet makes itself, and lists in fenced code alone", () => {
		expect(readKramdownAttributes('* TOC\n{:toc}\n\n```md\n> x\n{: .prompt-tip }\n```\n', true)).toEqual({
			body: '\n<!-- -->\n\n```md\n> x\n{: .prompt-tip }\n```\n',
			removed: [],
			contents: [{ line: 2 }],
		});
	});
});

// Lines from Just the Docs' "Navigation Structure" page, as its sites wrote it before Prettier parted each list from its heading.
describe("kramdown's no_toc class and table of contents, as Just the Docs' pages write them", () => {
	test('give a heading right above {: .no_toc } the class as its attribute list, reporting the list only when it holds more', () => {
		const body = [
			'# Navigation Structure',
			'{: .no_toc }',
			'',
			'## Main navigation {#main}',
			'{: .no_toc .text-delta }',
			'',
			'Ordering pages',
			'--------------',
			'{:.no_toc}',
			'',
			'#### Example ####',
			'{: .no_toc }',
			'',
			'A paragraph.',
			'{: .no_toc }',
			'',
			'> ## Quoted heading',
			'> {: .no_toc }',
		].join('\n');
		const result = readKramdownAttributes(body, true);
		expect(result.body.split('\n')).toEqual([
			'# Navigation Structure {.no_toc}',
			'<!-- -->',
			'',
			'## Main navigation {#main .no_toc}',
			'<!-- -->',
			'',
			'Ordering pages {.no_toc}',
			'--------------',
			'<!-- -->',
			'',
			'#### Example {.no_toc} ####',
			'<!-- -->',
			'',
			'A paragraph.',
			'<!-- -->',
			'',
			'> ## Quoted heading {.no_toc}',
			'> <!-- -->',
		]);
		expect(result.removed).toEqual([
			{ line: 5, text: '{: .no_toc .text-delta }' },
			{ line: 15, text: '{: .no_toc }' },
		]);
	});

	// Lines of a Chirpy post's "Headings" (its H2 to H6, each under its list), and Chirpy's demo post's form with classes.
	test("give a heading right above Chirpy's {: data-toc-skip='' } the class no_toc, reporting the list only when it holds more", () => {
		const body = [
			'## H2 - heading',
			"{: data-toc-skip='' }",
			'',
			'### H3 - heading',
			'{: data-toc-skip="" }',
			'',
			'#### H4 - heading',
			"{: .no_toc data-toc-skip='' }",
			'',
			'##### H5 - heading',
			"{: data-toc-skip='' .mt-4 }",
			'',
			'A paragraph.',
			"{: data-toc-skip='' }",
		].join('\n');
		const result = readKramdownAttributes(body, true);
		expect(result.body.split('\n')).toEqual([
			'## H2 - heading {.no_toc}',
			'<!-- -->',
			'',
			'### H3 - heading {.no_toc}',
			'<!-- -->',
			'',
			'#### H4 - heading {.no_toc}',
			'<!-- -->',
			'',
			'##### H5 - heading {.no_toc}',
			'<!-- -->',
			'',
			'A paragraph.',
			'<!-- -->',
		]);
		expect(result.removed).toEqual([
			{ line: 11, text: "{: data-toc-skip='' .mt-4 }" },
			{ line: 14, text: "{: data-toc-skip='' }" },
		]);
	});

	test('leave out the "Table of contents" heading or collapsible box that only held the table of contents, and its lists, and say so', () => {
		const heading = ['## Table of contents', '{: .no_toc .text-delta }', '', '1. TOC', '{:toc}', '', '---'].join('\n');
		expect(readKramdownAttributes(heading, true)).toEqual({ body: ['', '<!-- -->', '', '', '<!-- -->', '', '---'].join('\n'), removed: [], contents: [{ line: 5, title: { line: 1, box: false, text: 'Table of contents' } }] });
		const box = ['<details open markdown="block">', '  <summary>', '    Table of contents', '  </summary>', '  {: .text-delta }', '1. TOC', '{:toc}', '</details>', '', '## One'].join('\n');
		expect(readKramdownAttributes(box, true)).toEqual({ body: ['', '', '', '', '', '', '<!-- -->', '', '', '## One'].join('\n'), removed: [], contents: [{ line: 7, title: { line: 1, box: true, text: 'Table of contents' } }] });
		// A box or heading of anything else stays, and so does a section with more in it.
		const other = ['<details markdown="block">', '<summary>Options</summary>', '- TOC', '{:toc}', '</details>', '', '## Contents', '', 'Some text.', '', '- TOC', '{: toc }'].join('\n');
		expect(readKramdownAttributes(other, true)).toEqual({
			body: ['<details markdown="block">', '<summary>Options</summary>', '', '<!-- -->', '</details>', '', '## Contents', '', 'Some text.', '', '', '<!-- -->'].join('\n'),
			removed: [],
			contents: [{ line: 4 }, { line: 12 }],
		});
	});

	test('the warning quotes the heading or box summary left out with the table of contents as the post writes it', async () => {
		const heading = await renderedPost('Intro.\n\n## Contents\n{: .no_toc}\n\n* TOC\n{:toc}\n\n## One\n');
		expect(heading.warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:11: kramdown\'s table of contents (a list line above {:toc}) and its "Contents" heading (line 7) are left out: Carnet shows a table of contents by itself from three sections on (see the post\'s toc field).',
		]);
		const box = await renderedPost('<details open markdown="block">\n<summary>Table of Contents</summary>\n1. TOC\n{:toc}\n</details>\n');
		expect(box.warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:8: kramdown\'s table of contents (a list line above {:toc}) and its "Table of Contents" <details> box (line 5) are left out: Carnet shows a table of contents by itself from three sections on (see the post\'s toc field).',
		]);
	});

	test('leave out a table of contents indented in its list item, as Prettier writes it, where its {:toc} was shown', () => {
		expect(readKramdownAttributes('1. TOC\n   {:toc}\n\n- TOC\n    {:toc}\n', true)).toEqual({ body: '\n   <!-- -->\n\n\n\n', removed: [], contents: [{ line: 2 }, { line: 5 }] });
	});
});

describe("kramdown's attribute lists in blockquotes", () => {
	test('are read as outside quotes, in a quote in a quote too, each line kept in its quote; fenced code in a quote keeps them', () => {
		const body = [
			'> A note here.',
			'> {: .note}',
			'',
			'> Outer',
			'> > Inner',
			'> > {: .warning }',
			'> {: .class}',
			'',
			'> > Tip text',
			'> {: .prompt-tip }',
			'',
			'> * TOC',
			'> {:toc}',
			'',
			'> ```md',
			'> {: .kept }',
			'> ```',
		].join('\n');
		const result = readKramdownAttributes(body, true);
		expect(result.body.split('\n')).toEqual([
			'> A note here.',
			'> <!-- -->',
			'',
			'> Outer',
			'> > Inner',
			'> > <!-- -->',
			'> <!-- -->',
			'',
			'> > [!TIP]',
			'> > Tip text',
			'',
			'>',
			'> <!-- -->',
			'',
			'> ```md',
			'> {: .kept }',
			'> ```',
		]);
		expect(result.removed).toEqual([
			{ line: 2, text: '{: .note}' },
			{ line: 6, text: '{: .warning }' },
			{ line: 7, text: '{: .class}' },
		]);
		expect(result.contents).toEqual([{ line: 13 }]);
		expect(readKramdownAttributes('> > Tip text\n> {: .prompt-tip }\n', false).body).toBe('> > Tip text\n> <!-- -->\n');
	});

	test('are read in linear time in long and deeply nested quotes, and many tables of contents', () => {
		for (const body of [`${'> '.repeat(50_000)}{: .x}\n`, `>${' '.repeat(100_000)}{: .x}\n`, '> > a\n> {: .b}\n'.repeat(6_000), `<summary>${' '.repeat(100_000)}\n- TOC\n{:toc}\n`, '- TOC\n{:toc}\n'.repeat(8_000)]) {
			const start = performance.now();
			readKramdownAttributes(body, true);
			expect(performance.now() - start).toBeLessThan(1000);
		}
	});
});

describe("kramdown's end-of-block marker and abbreviations", () => {
	test('a ^ line parts two blocks with an empty comment, and definitions are left out and returned; code stays', () => {
		const body = ['A paragraph.', '^', '    code', '', '*[HTML]: HyperText Markup Language', 'HTML is nice. 2^10 stays.', '```', '^', '*[X]: y', '```'].join('\n');
		expect(withoutKramdownMarkers(body)).toEqual({
			body: ['A paragraph.', '<!-- -->', '    code', '', '', 'HTML is nice. 2^10 stays.', '```', '^', '*[X]: y', '```'].join('\n'),
			abbreviations: [{ line: 5, text: '*[HTML]: HyperText Markup Language' }],
		});
	});

	test('a ^ or an attribute list between two lists keeps them two lists, each tight, as kramdown writes them (F-Droid\'s blog)', () => {
		for (const [between, read] of [['^', withoutKramdownMarkers], ['{: .gallery}', (body: string) => readKramdownAttributes(body, true)]] as const) {
			const { body } = read(`* first\n* second\n\n${between}\n * [one](https://example.org/1.png)\n * [two](https://example.org/2.png)\n`);
			expect(body.split('\n')[3]).toBe('<!-- -->');
			// An indented one parts two paragraphs of its list item, as a blank line does, and keeps a list tight before another item.
			expect(read(`- item\n  ${between}\n  more text\n`).body).toBe('- item\n\n  more text\n');
			expect(read(`- item one\n  ${between}\n- item two\n`).body).toBe('- item one\n  <!-- -->\n- item two\n');
		}
	});
});

// A nanoc post's and a Jekyll post's comments (the s32a sweep), and kramdown's documentation's other extensions.
describe("kramdown's extensions", () => {
	test('a {::comment} block is left out of the page, its summary included, without a word, as kramdown leaves it out', async () => {
		const { $, warnings } = await renderedPost('{::comment}\nPrivate note: do not publish this.\n[Judy]: http://judy.sourceforge.net/\n{:/comment}\n\nVisible paragraph.\n\n> {::comment}\n> quoted note\n> {:/}\n\nAnother visible paragraph.\n');
		expect($('p').map((_, p) => $(p).text()).get()).toEqual(['Visible paragraph.', 'Another visible paragraph.']);
		expect($.html()).not.toContain('note');
		expect(summaryOf($.html())).toBe('Visible paragraph.');
		expect(warnings).toEqual([]);
	});

	test('a comment within a paragraph, closed on its line or closing itself, is left out of it; code keeps it', async () => {
		const { $, warnings } = await renderedPost('A {::comment}hidden{:/} b {::comment /}c{::comment}also hidden{:/comment}.\n\n`{::comment}x{:/}`\n\n```\n{::comment}\nkept\n{:/comment}\n```\n');
		expect($('p').first().text().replace(/\s+/g, ' ')).toBe('A b c.');
		expect($('p code').text()).toBe('{::comment}x{:/}');
		expect($('pre').text().trim()).toBe('{::comment}\nkept\n{:/comment}');
		expect(warnings).toEqual([]);
	});

	test('a comment in a list item keeps the list tight', async () => {
		const { $ } = await renderedPost('- one\n  {::comment}\n  note\n  {:/comment}\n- two\n');
		expect($('li').map((_, li) => $(li).text().trim()).get()).toEqual(['one', 'two']);
		expect($('li p')).toHaveLength(0);
	});

	test('a comment that nothing closes is shown as written, with a warning naming its line', async () => {
		const { $, warnings } = await renderedPost('Text.\n\n{::comment}\nNote.\n\nA {::comment}b\n\nc{:/comment}\n');
		expect($.text()).toContain('Note.');
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:7: {::comment} is shown as written, with what follows it: nothing closes this kramdown extension, and kramdown shows it so too. Close it with {:/comment} alone on a line where it ends.',
			'src/content/posts/_posts/2024-01-01-post.md:10: {::comment} is shown as written, with what follows it: nothing closes this kramdown extension on its line, and kramdown shows it so too. Close it on its line with {:/comment}, or write it on lines of its own: {::comment} alone on its line, then {:/comment} alone on another.',
		]);
	});

	test('a comment opened within a paragraph and closed on a later line of it is left out, the text around it kept in one paragraph, as kramdown reads it', async () => {
		const { $, warnings } = await renderedPost('Before {::comment}a private\nnote, still private{:/comment} after, *kept*.\nNext line.\n\n{::comment}Opening note\n{:/} Second paragraph.\n\n> Quoted {::comment}x\n> y{:/comment} end.\n');
		expect($('p').map((_, p) => $(p).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['Before after, kept. Next line.', 'Second paragraph.', 'Quoted end.']);
		expect($('p em').text()).toBe('kept');
		expect($.html()).not.toMatch(/private|Opening|x\b|y\{/);
		expect(warnings).toEqual([]);
	});

	test('are read in linear time when none is closed, on lines of their own, within one line or over the lines of a paragraph', () => {
		for (const body of ['{::comment}\n'.repeat(20_000), `${'{::comment {::nomarkdown '.repeat(20_000)}\n`, `${'{::comment}a{:/nomarkdown}'.repeat(10_000)}\n`, 'A {::comment}b\n'.repeat(10_000)]) {
			const start = performance.now();
			const { unclosed } = readKramdownExtensions(body);
			expect(performance.now() - start).toBeLessThan(1000);
			expect(new Set(unclosed.map(({ text }) => text)).size).toBeLessThanOrEqual(2);
		}
	});

	test("{::nomarkdown} keeps its raw HTML without its markers, and {::options /} is left out, told as kramdown's options, not an attribute list", async () => {
		const { $, warnings } = await renderedPost('{::options parse_block_html="true" /}\n\n{::nomarkdown}\n<div class="raw">*as written*</div>\n{:/nomarkdown}\n\nA {::nomarkdown}<b>bold</b>{:/} word.\n');
		expect($('div.raw').text()).toBe('*as written*');
		expect($('p').text()).toBe('A bold word.');
		expect($.text()).not.toContain('{:');
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:5: {::options parse_block_html="true" /}, kramdown\'s options for its parser, is left out: Carnet reads the post as CommonMark, which kramdown\'s options do not change. Remove it to keep this warning away.',
		]);
	});
});

// kramdown's syntax page: the content of {::nomarkdown} is output as raw HTML, with no Markdown read in it.
describe("kramdown's {::nomarkdown}", () => {
	test('shows a block\'s lines as written in HTML: no emphasis, code, list or heading is read in them', async () => {
		const { $, warnings } = await renderedPost('Text above.\n{::nomarkdown}\n*a* and _b_\n    four spaces\n1. x\n# h\n\n<span>*c*</span>\n{:/nomarkdown}\nText below.\n');
		expect($('em, code, pre, ol, h1')).toHaveLength(0);
		expect($('span').text()).toBe('*c*');
		const text = $.text();
		for (const written of ['*a* and _b_', 'four spaces', '1. x', '# h']) expect(text).toContain(written);
		expect($('p').map((_, p) => $(p).text()).get()).toEqual(['Text above.', 'Text below.']);
		expect(warnings).toEqual([]);
	});

	test('shows a span\'s text as written in HTML within its paragraph, its tags as HTML', async () => {
		const { $, warnings } = await renderedPost('A {::nomarkdown}*a* _b_ <b title="x_y">[c](d)</b> `e` &amp; \\f{:/} word.\n');
		expect($('p')).toHaveLength(1);
		expect($('p em, p a, p code')).toHaveLength(0);
		expect($('p b').attr('title')).toBe('x_y');
		expect($('p').text()).toBe('A *a* _b_ [c](d) `e` & \\f word.');
		expect(warnings).toEqual([]);
	});

	test('keeps a block in a blockquote or a list item in it', async () => {
		const { $ } = await renderedPost('> {::nomarkdown}\n> *quoted*\n> {:/nomarkdown}\n\n- item\n  {::nomarkdown}\n  *listed*\n  {:/nomarkdown}\n- two\n');
		expect($('blockquote').text()).toContain('*quoted*');
		expect($('li').first().text()).toContain('*listed*');
		expect($('li')).toHaveLength(2);
		expect($('em')).toHaveLength(0);
	});

	test("passes its HTML on as raw HTML, which the page balances as any of a post's: an unclosed <div> does not take the page after the post", async () => {
		const { $ } = await renderedPost('{::nomarkdown}\n<div class="open">*a*\n{:/nomarkdown}\n\nAfter.\n');
		const page = cheerio.load(`<main>${balanceHtml($.html())}</main><footer>Page</footer>`);
		expect(page('div.open').text()).toContain('*a*');
		expect(page('main footer')).toHaveLength(0);
	});
});

// benbalter.github.com's 2011 post on a WordPress plugin (the s32a sweep).
describe("kramdown's reference definitions", () => {
	test('a title holding its own quotes is read to the last quote on its line, as kramdown reads it, and the definitions under it still link', async () => {
		const body = 'To use, you can [download the plugin file][5] and [read the note][4].\n\n[4]: #note-2020-1 "\' . str_replace( array("\\r\\n"), "", $x) . \'"\n[5]: https://github.com/benbalter/example\n';
		const { $, warnings } = await renderedPost(body);
		expect($('a').map((_, a) => [[$(a).attr('href'), $(a).attr('title')]]).get()).toEqual([
			['https://github.com/benbalter/example', undefined],
			['#note-2020-1', '\' . str_replace( array("\\r\\n"), "", $x) . \''],
		]);
		expect($('p')).toHaveLength(1);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:7: the reference definition [4] has a title that holds the quote marking its ends, where Markdown would end the title and read no definition, showing the line and the definitions under it as text: the title is read as kramdown reads it, to the last quote on its line. Write \\" for each quote inside a title to keep this warning away.',
		]);
	});

	test("is read so in a nanoc article and a Middleman post, which kramdown renders too", async () => {
		const body = '[read the note][4].\n\n[4]: #note "a "quoted" word"\n';
		const nanoc = await renderedPost(body, { file: 'content/posts/post.md', header: '---\ntitle: Post\ncreated_at: 2024-01-01\nkind: article\n---\n' });
		expect(nanoc.$('a').attr('title')).toBe('a "quoted" word');
		const middleman = await renderedPost(body, { file: 'source/posts/2024-01-01-post.html.markdown' });
		expect(middleman.$('a').attr('title')).toBe('a "quoted" word');
	});

	test("is left to Markdown's reading in a Hugo post, which kramdown does not render", async () => {
		const body = '[read the note][4].\n\n[4]: #note "a "quoted" word"\n';
		const { $, warnings } = await renderedPost(body, { file: 'content/posts/post.md', header: '---\ntitle: Post\ndate: 2024-01-01\ndraft: false\n---\n' });
		expect($('a')).toHaveLength(0);
		expect($('p').eq(1).text()).toMatch(/^\[4\]: #note .a .quoted. word.$/);
		expect(warnings).toEqual([]);
	});

	test('is left as written in code, and with its quotes escaped', async () => {
		const code = '```\n[4]: #a "b "c" d"\n```\n\n[5]: /x "a \\"quoted\\" word"\n\n[link][5]\n';
		const jekyll = await renderedPost(code);
		expect(jekyll.$('pre').text().trim()).toBe('[4]: #a "b "c" d"');
		expect(jekyll.$('a').attr('title')).toBe('a "quoted" word');
		expect(jekyll.warnings).toEqual([]);
	});
});
