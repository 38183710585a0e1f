import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { unspacedDefinitions } from '../../theme/markdown/definition-lists.ts';
import { renderedPost } from '../helpers/post-html.ts';

/** Each definition list of a page as its terms and definitions, a definition as the HTML it holds. */
function listsOf($: CheerioAPI): string[][] {
	return $('dl')
		.map((_, list) => [$(list).children().map((_, item) => `${item.tagName}: ${($(item).html() ?? '').trim()}`).get()])
		.get() as string[][];
}

describe("kramdown's definitions with spaces after the colon", () => {
	test("jekyll-TeXt-theme's definition post: a definition written `:     text` is its text, as kramdown reads it, not code", async () => {
		// kitian616/jekyll-TeXt-theme, test/_posts/2016-05-05-definition.md.
		const post = ['kramdown', ': A Markdown-superset converter', '', 'Maruku', ':     Another Markdown-superset converter', '', '<!--more-->', '', '**markdown:**', '', '    kramdown', '    : A Markdown-superset converter', '', '    Maruku', '    :     Another Markdown-superset converter'].join('\n');
		const { $ } = await renderedPost(post);
		expect(listsOf($)).toEqual([['dt: kramdown', 'dd: A Markdown-superset converter', 'dt: Maruku', 'dd: Another Markdown-superset converter']]);
		expect($('pre').text()).toBe('kramdown\n: A Markdown-superset converter\n\nMaruku\n:     Another Markdown-superset converter');
	});

	test("keep the lines written at the definition's column in it, after a blank line too, and code indented four more is code", async () => {
		const post = ['Term', ':      First line', '       lazy at the column', 'lazy at the margin', '', '       Second paragraph', '', '           code()', '', 'After.'].join('\n');
		const { $ } = await renderedPost(post);
		expect($('dt').text()).toBe('Term');
		expect($('dd > p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['First line\nlazy at the column\nlazy at the margin', 'Second paragraph']);
		expect($('dd > pre').text()).toBe('code()');
		expect($('dl + p').text()).toBe('After.');
	});

	test('leave each line on its line, and a colon in code, in an HTML block or with up to four spaces as written', () => {
		const body = ['Term', ':     Text', '      more', '', '```', 'Term', ':     in a fence', '```', '', '<div>', ':     in HTML', '</div>', '', 'Term', ':    four spaces', '        code'].join('\n');
		expect(unspacedDefinitions(body).split('\n')).toEqual(['Term', ': Text', '  more', '', '```', 'Term', ':     in a fence', '```', '', '<div>', ':     in HTML', '</div>', '', 'Term', ':    four spaces', '        code']);
	});
});

describe("kramdown's definitions, hostile", () => {
	test('thousands of spaced definitions, and one followed by thousands of lines, are read within the test timeout', () => {
		for (const body of ['Term\n:     text\n      more\n\n'.repeat(20_000), `Term\n:     text\n${'lazy line\n\n      more\n'.repeat(20_000)}`]) {
			const started = performance.now();
			unspacedDefinitions(body);
			expect(performance.now() - started).toBeLessThan(5_000);
		}
	});
});
