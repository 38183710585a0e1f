import type { MarkdownHeading } from 'astro';
import { describe, expect, test } from 'vitest';
import { elementIds, listHtmlHeadings, readHeadingTexts, separateFootnoteIds, separateRepeatedHeadingIds } from '../../theme/utils/heading-ids.ts';

// As Sätteri writes them, KaTeX's HTML beside the MathML when math is 'htmlAndMathml'.
const MATH = '<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></span>';
const KATEX_HTML = '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord mathnormal">x</span></span></span>';
const FOOTNOTE = '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>';

const headings = (...entries: [string, string][]): MarkdownHeading[] => entries.map(([slug, text]) => ({ depth: 2, slug, text }));

describe('the text the table of contents shows for a heading', () => {
	test('is a formula written in TeX, once, and leaves footnote marks and what is hidden from readers out', () => {
		const list = headings(['energy-e--mc2', 'Energy E=mc2E = mc^2'], ['results1', 'Results1'], ['a-x', 'A xxx'], ['plain', 'Plain']);
		const html = `<h2 id="energy-e--mc2">Energy ${MATH}</h2><p>x</p><h2 id="results1">Results${FOOTNOTE}</h2><h2 id="a-x">A ${KATEX_HTML}</h2><h2 id="plain">Plain</h2>`;
		readHeadingTexts(html, list);
		expect(list.map((heading) => heading.text)).toEqual(['Energy E = mc^2', 'Results', 'A x', 'Plain']);
	});

	test('is left as the Markdown processor gives it in a body without math or footnotes', () => {
		const list = headings(['a', 'A <b>'], ['b', 'B']);
		readHeadingTexts('<h2 id="a">A &lt;b&gt;</h2><h2 id="b">B</h2>', list);
		expect(list.map((heading) => heading.text)).toEqual(['A <b>', 'B']);
	});
});

describe('headings named like the ids GFM gives footnotes', () => {
	const section = '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n<li id="user-content-fn-1"><p>Note. <a href="#user-content-fnref-1" data-footnote-backref>↩</a></p></li>\n</ol>\n</section>';

	test('take the first free number after the id, in the page and in the outline, and the footnotes keep theirs', () => {
		const list = headings(['footnote-label', 'Footnote label'], ['user-content-fn-1', 'User content fn 1'], ['footnote-label-1', 'Footnote label 1'], ['footnote-label', 'Footnotes']);
		const html = `<h2 id="footnote-label">Footnote label</h2><p>A.${FOOTNOTE}</p><h2 id="user-content-fn-1">User content fn 1</h2><h2 id="footnote-label-1">Footnote label 1</h2>${section}`;
		expect(separateFootnoteIds(html, list)).toBe(
			`<h2 id="footnote-label-2">Footnote label</h2><p>A.${FOOTNOTE}</p><h2 id="user-content-fn-1-1">User content fn 1</h2><h2 id="footnote-label-1">Footnote label 1</h2>${section}`,
		);
		expect(list.map((heading) => heading.slug)).toEqual(['footnote-label-2', 'user-content-fn-1-1', 'footnote-label-1', 'footnote-label']);
	});

	test('keep their ids in a body without footnotes, where nothing else has them', () => {
		const list = headings(['footnote-label', 'Footnote label']);
		const html = '<h2 id="footnote-label">Footnote label</h2><p>A.</p>';
		expect(separateFootnoteIds(html, list)).toBe(html);
		expect(list[0]?.slug).toBe('footnote-label');
	});
});

describe('a heading given the id of an earlier one', () => {
	test('takes the first free number after it, in the page and in the outline, and the first keeps it', () => {
		const list = headings(['setup', 'Setup'], ['setup', 'Install'], ['setup-1', 'Setup'], ['setup', 'Again']);
		const html = '<h2 id="setup">Setup</h2><p id="setup-2">x</p><h2 id="setup">Install</h2><h2 id="setup-1">Setup</h2><h3 id="setup">Again</h3>';
		expect(separateRepeatedHeadingIds(html, list)).toBe('<h2 id="setup">Setup</h2><p id="setup-2">x</p><h2 id="setup-3">Install</h2><h2 id="setup-1">Setup</h2><h3 id="setup-4">Again</h3>');
		expect(list.map((heading) => heading.slug)).toEqual(['setup', 'setup-3', 'setup-1', 'setup-4']);
	});

	test("takes the first free number after the id of another element, a Pandoc div's anchor around it, which keeps its id", () => {
		const list = headings(['intro', 'Intro'], ['intro', 'Intro']);
		const html = '<p><span id="intro"></span></p>\n<h2 id="intro">Intro</h2><h2 id="intro">Intro</h2>';
		expect(separateRepeatedHeadingIds(html, list)).toBe('<p><span id="intro"></span></p>\n<h2 id="intro-1">Intro</h2><h2 id="intro-2">Intro</h2>');
		expect(list.map((heading) => heading.slug)).toEqual(['intro-1', 'intro-2']);
	});

	test('leaves a body whose headings have ids of their own as it is', () => {
		const list = headings(['a', 'A'], ['b', 'B']);
		const html = '<h2 id="a">A</h2><h2 id="b">B</h2>';
		expect(separateRepeatedHeadingIds(html, list)).toBe(html);
	});
});

describe('the ids of elements', () => {
	test('are read from tags, not from code or text that shows an id, nor from comments', () => {
		const html = '<p>Write <code>&#x3C;div id="setup"></code> or &lt;a id="x"&gt;, or id="install" in prose.</p><!-- <b id="gone"> --><a title="a > b" id="top" class="x"></a><p id=\'one\'>x</p>';
		expect(elementIds(html)).toEqual(['top', 'one']);
	});

	test('are read from a long body in one pass', () => {
		const html = `<p>${'&lt;a id="x" '.repeat(10_000)}</p>${'<a id="y" title="<">'.repeat(5_000)}<!--${' id="z"'.repeat(10_000)}`;
		const start = performance.now();
		expect(elementIds(html)).toHaveLength(5_000);
		expect(performance.now() - start).toBeLessThan(200);
	});
});

describe('a heading whose id code shows as an attribute', () => {
	test('keeps its id, which no element of the page has', () => {
		const list = headings(['setup', 'Setup'], ['install', 'Install']);
		const html = '<p>Write <code>&#x3C;div id="setup"></code> in your HTML, or id="install" in prose.</p>\n<h2 id="setup">Setup</h2>\n<h2 id="install">Install</h2>\n<p>See <a href="#setup">setup</a>.</p>';
		expect(separateRepeatedHeadingIds(html, list)).toBe(html);
		expect(list.map((heading) => heading.slug)).toEqual(['setup', 'install']);
	});
});

describe('headings after an element with their id', () => {
	test('are numbered in the order of the page, a heading github-slugger numbered a repeat among them', () => {
		const list = headings(['setup', 'Setup'], ['setup-1', 'Setup'], ['setup-1-1', 'Setup 1 1']);
		const html = '<p><a id="setup"></a></p><h2 id="setup">Setup</h2><h2 id="setup-1">Setup</h2><h2 id="setup-1-1">Setup 1 1</h2>';
		expect(separateRepeatedHeadingIds(html, list)).toBe('<p><a id="setup"></a></p><h2 id="setup-1">Setup</h2><h2 id="setup-2">Setup</h2><h2 id="setup-1-1">Setup 1 1</h2>');
		expect(list.map((heading) => heading.slug)).toEqual(['setup-1', 'setup-2', 'setup-1-1']);
	});

	test('leave a heading whose own text gives the number as it is', () => {
		const list = headings(['setup', 'Setup'], ['setup-1', 'Setup 1']);
		const html = '<a id="setup"></a><h2 id="setup">Setup</h2><h2 id="setup-1">Setup 1</h2>';
		expect(separateRepeatedHeadingIds(html, list)).toBe('<a id="setup"></a><h2 id="setup-2">Setup</h2><h2 id="setup-1">Setup 1</h2>');
	});
});

describe('headings a body writes in HTML, as WordPress and Ghost exports do', () => {
	test('get an id from their text when they have none, and are listed among the Markdown headings in the order of the page', () => {
		const list: MarkdownHeading[] = [{ depth: 2, slug: 'from-markdown', text: 'From Markdown' }];
		const html = '<p>Intro.</p>\n<H2 class="wp-block-heading">First section</H2>\n<h2 id="from-markdown">From Markdown</h2>\n<h3 id="ghost-id">Sub <em>section</em></h3>\n<h2>Café &amp; crème</h2>';
		const result = listHtmlHeadings(html, list);
		expect(result).toBe('<p>Intro.</p>\n<H2 id="first-section" class="wp-block-heading">First section</H2>\n<h2 id="from-markdown">From Markdown</h2>\n<h3 id="ghost-id">Sub <em>section</em></h3>\n<h2 id="café--crème">Café &amp; crème</h2>');
		expect(list).toEqual([
			{ depth: 2, slug: 'first-section', text: 'First section' },
			{ depth: 2, slug: 'from-markdown', text: 'From Markdown' },
			{ depth: 3, slug: 'ghost-id', text: 'Sub section' },
			{ depth: 2, slug: 'café--crème', text: 'Café & crème' },
		]);
	});

	test('one named as a Markdown heading is told apart from it afterwards, each listed once', () => {
		const list: MarkdownHeading[] = [{ depth: 2, slug: 'setup', text: 'Setup' }];
		const html = separateRepeatedHeadingIds(listHtmlHeadings('<h2>Setup</h2><p>x</p><h2 id="setup">Setup</h2>', list), list);
		expect(html).toBe('<h2 id="setup">Setup</h2><p>x</p><h2 id="setup-1">Setup</h2>');
		expect(list.map((heading) => heading.slug)).toEqual(['setup', 'setup-1']);
	});

	test('leave a body whose headings are all listed as it is, and one in a template or an SVG, or with no text, unlisted', () => {
		const list: MarkdownHeading[] = [{ depth: 2, slug: 'a', text: 'A' }];
		const html = '<h2 id="a">A</h2>';
		expect(listHtmlHeadings(html, list)).toBe(html);
		const other = '<h2 id="a">A</h2><template><h2>Hidden</h2></template><h2><img src="x.png" alt=""></h2>';
		expect(listHtmlHeadings(other, list)).toBe(other);
		expect(list).toEqual([{ depth: 2, slug: 'a', text: 'A' }]);
	});
});
