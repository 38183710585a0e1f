import { describe, expect, test } from 'vitest';
import { AS_WRITTEN_MARK, SUMMARY_LENGTH, summaryOf } from '../../theme/utils/summary.ts';
import { renderedMarkdown } from '../helpers/post-html.ts';

describe('the summary of a post without a description', () => {
	test('is the text of the first paragraph, entities decoded and markup gone', () => {
		expect(summaryOf('<h2 id="a">Intro</h2>\n<p>First <em>para</em> &amp; R&amp;D “q”.</p>\n<p>Second.</p>')).toBe('First para & R&D “q”.');
	});

	test("is the text before a <!--more--> divider (Docusaurus's <!-- truncate --> too), blocks kept apart", () => {
		expect(summaryOf('<p>One.</p>\n<ul>\n<li>two</li>\n<li>three</li>\n</ul>\n<!-- more -->\n<p>Rest.</p>')).toBe('One. two three');
		expect(summaryOf('<p>One.</p>\n<p>Two.</p>\n<!-- truncate -->\n<p>Rest.</p>')).toBe('One. Two.');
	});

	test("is the text before Nikola's <!-- TEASER_END -->, Pelican's <!-- PELICAN_END_SUMMARY --> and Drupal's and Blogger's <!--break-->, in any case", () => {
		for (const divider of ['<!-- TEASER_END -->', '<!--teaser_end: Read on-->', '<!-- END_TEASER -->', '<!-- PELICAN_END_SUMMARY -->', '<!--break-->', '<!-- Break -->']) {
			expect(summaryOf(`<p>One.</p>\n<p>Two.</p>\n${divider}\n<p>Rest.</p>`), divider).toBe('One. Two.');
		}
		expect(summaryOf('<p>One.</p>\n<p>Two.<!--break--></p>\n<p>Rest.</p>')).toBe('One. Two.');
	});

	test('is the text before a <!--more--> divider without its code blocks and tables, whose lines would run together as prose', () => {
		const html =
			'<p>A class in Python:</p>\n<pre class="astro-code" tabindex="0"><code><span class="line">#!/usr/bin/python3</span>\n<span class="line">class HelloPrinter:</span></code></pre>\n<table><tr><th>Name</th></tr><tr><td>x</td></tr></table>\n<p>And <code>inline()</code> code stays.</p>\n<!-- more -->\n<p>Rest.</p>';
		expect(summaryOf(html)).toBe('A class in Python: And inline() code stays.');
		expect(summaryOf('<pre><code>code only</code></pre>\n<!--more-->\n<p>Rest.</p>')).toBe('Rest.');
	});

	test('is the first paragraph when the divider comes before any text, as Docusaurus describes such a post', () => {
		expect(summaryOf('\n<!--truncate-->\n<p>Part of the benefit of moving business logic to Temporal is how it implements retries.</p>\n<p>More text.</p>')).toBe(
			'Part of the benefit of moving business logic to Temporal is how it implements retries.',
		);
		expect(summaryOf('<p><img src="a.jpg" alt="A photo"></p>\n<!--more-->\n<p>Rest.</p>')).toBe('Rest.');
		expect(summaryOf('<!-- excerpt-end -->\n<p>Rest.</p>', '<!-- excerpt-end -->')).toBe('Rest.');
	});

	test('is the first paragraph when the text before a <!--more--> divider is only code or a table', () => {
		expect(summaryOf('<pre><code>code only</code></pre>\n<!--more-->\n<p>Rest.</p>')).toBe('Rest.');
		const table = '<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Value</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<!-- more -->\n<p>Rest of the post.</p>';
		expect(summaryOf(table)).toBe('Rest of the post.');
		expect(summaryOf('<pre><code>code only</code></pre>\n<!--more-->\n<pre><code>more code</code></pre>')).toBeUndefined();
	});

	test("is the text before a post's own excerpt_separator, as Jekyll reads it, which replaces <!--more-->", () => {
		const html = '<p>One.</p>\n<!--more-->\n<p>Two.</p>\n<!-- excerpt-end -->\n<p>Rest.</p>';
		expect(summaryOf(html, '<!-- excerpt-end -->')).toBe('One. Two.');
		expect(summaryOf('<p>One &amp; two.</p>\n<p>[&amp;more&amp;]</p>\n<p>Rest.</p>', '[&more&]')).toBe('One & two.');
		expect(summaryOf(html, '\n\n')).toBe('One.');
		expect(summaryOf(html, '<!-- not in the body -->')).toBe('One.');
	});

	test('skips a paragraph of images alone, footnote marks and math', () => {
		const html =
			'<p><img src="a.jpg" alt="A photo"></p>\n<p>Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup> with <span class="katex"><math><mi>x</mi></math><span class="katex-html" aria-hidden="true">x</span></span> math.</p>';
		expect(summaryOf(html)).toBe('Text with math.');
	});

	test('is cut at a word, with an ellipsis, past its length', () => {
		const words = Array.from({ length: 80 }, (_, index) => `mot${index}`).join(' ');
		const summary = summaryOf(`<p>${words}</p>`) as string;
		expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
		expect(summary.endsWith('…')).toBe(true);
		expect(words.startsWith(summary.slice(0, -1))).toBe(true);
		expect(words.charAt(summary.length - 1)).toBe(' ');
	});

	test('cuts text without spaces between two characters, never inside one', () => {
		const summary = summaryOf(`<p>${'漢'.repeat(SUMMARY_LENGTH - 1)}😀${'字'.repeat(50)}</p>`) as string;
		expect(summary).toBe(`${'漢'.repeat(SUMMARY_LENGTH - 1)}…`);
		expect(summaryOf(`<p>${'字'.repeat(300)}</p>`)).toBe(`${'字'.repeat(SUMMARY_LENGTH)}…`);
	});

	test('skips paragraphs that readers do not see: in a comment, a script, a template or a noscript', () => {
		const unseen = '<!-- <p>Old intro.</p> --><script>document.write("<p>Written.</p>")</script><template><p>Cloned.</p></template><noscript><p>Turn on JavaScript.</p></noscript>';
		expect(summaryOf(`${unseen}\n<p>Real intro.</p>`)).toBe('Real intro.');
		expect(summaryOf(unseen)).toBeUndefined();
		expect(summaryOf('<script-box><p>A custom element.</p></script-box>')).toBe('A custom element.');
	});

	test('is undefined for a body without text in a paragraph, or in HTML written without paragraphs', () => {
		expect(summaryOf('<pre><code>code only</code></pre>')).toBeUndefined();
		expect(summaryOf('<h2>A heading</h2><div><pre>code</pre><table><tr><td>cell</td></tr></table></div>')).toBeUndefined();
		expect(summaryOf('')).toBeUndefined();
	});

	test("is the text of a body written in HTML without paragraphs (rich-text editors' and Blogger's <div>s), headings, code and tables left out", () => {
		const body = '<h2>Plotting</h2>\n<div><div>If you have an object, use <code>obj.plot(x=0)</code>.</div><br><div>Then&nbsp;save it.</div><table><tr><td>x</td></tr></table></div>';
		expect(summaryOf(body)).toBe('If you have an object, use obj.plot(x=0). Then save it.');
	});
});

describe('template syntax in a summary', () => {
	test('keeps code the author wrote holding template tags, and leaves out the code marked as a shortcode shown as written, before a divider too', () => {
		expect(summaryOf('<p>Use <code>{{ msg }}</code> to show the message, and <code>{% raw %}</code> in Jekyll.</p>')).toBe('Use {{ msg }} to show the message, and {% raw %} in Jekyll.');
		expect(summaryOf(`<p>Intro <code>{{&lt; qr &gt;}}</code>${AS_WRITTEN_MARK} and <code>{{ msg }}</code> end.</p>`)).toBe('Intro and {{ msg }} end.');
		expect(summaryOf(`<p>Intro <code>{% foo %}</code>${AS_WRITTEN_MARK} end.</p><!--more--><p>Rest.</p>`)).toBe('Intro end.');
	});
});

describe('summary dividers of other engines', () => {
	test("end at starlight-blog's <!-- excerpt --> and at a rule set as Jekyll's excerpt_separator", () => {
		expect(summaryOf('<p>One.</p>\n<!-- excerpt -->\n<p>Two.</p>')).toBe('One.');
		expect(summaryOf('<p>One.</p>\n<p>Two.</p>\n<hr>\n<p>Three.</p>', '---')).toBe('One. Two.');
	});
});

describe('the summary of a paragraph with math', () => {
	test('keeps a formula written as plain text and leaves out one in TeX, its space and a clause mark before the next going with it', async () => {
		const summary = async (text: string) => summaryOf((await renderedMarkdown(text)).html());
		expect(await summary('Let $n$ be the count and $x^2$ its square, so does $\\frac{1}{2}$.\n')).toBe('Let n be the count and x^2 its square, so does.');
		expect(await summary('Its weight, $\\alpha_{i}$, is known ($\\sqrt{2}$) here.\n')).toBe('Its weight, is known here.');
		expect(await summary('$\\frac{1}{2}$, said the paper, is half of $\\mathbb{R}$\n')).toBe('said the paper, is half of');
	});
});
