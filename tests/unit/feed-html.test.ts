import * as cheerio from 'cheerio';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { renderMath } from '../../theme/markdown/math.ts';
import { prepareFeedHtml } from '../../theme/utils/feed-html.ts';

const page = 'https://example.com/blog/posts/hello/';

describe('prepareFeedHtml()', () => {
	test('makes links, images and srcset candidates absolute against the post URL', () => {
		const html = prepareFeedHtml(
			'<p><a href="../other/">a</a> <a href="/blog/tags/x/">b</a> <a href="#top">c</a> <a href="https://elsewhere.org/">d</a></p>' +
				'<img src="/blog/_astro/x.webp" srcset="/blog/_astro/x.webp 480w, ./y.webp 960w" alt="">',
			page,
		);
		expect(html).toBe(
			'<p><a href="https://example.com/blog/posts/other/">a</a> <a href="https://example.com/blog/tags/x/">b</a> ' +
				'<a href="https://example.com/blog/posts/hello/#top">c</a> <a href="https://elsewhere.org/">d</a></p>' +
				'<img src="https://example.com/blog/_astro/x.webp" srcset="https://example.com/blog/_astro/x.webp 480w, https://example.com/blog/posts/hello/y.webp 960w" alt="">',
		);
	});

	test('reads srcset candidates as HTML reads them: a comma inside an address is part of it, and a data: address is left out', () => {
		expect(prepareFeedHtml('<img src="/a.png" srcset="https://cdn.example/a,b.png 1x, data:image/png;base64,iVBORw0KGgo= 2x, ./c.png 3x" alt="">', page)).toBe(
			'<img src="https://example.com/a.png" srcset="https://cdn.example/a,b.png 1x, https://example.com/blog/posts/hello/c.png 3x" alt="">',
		);
	});

	test('decodes character references in URLs and escapes them once', () => {
		expect(prepareFeedHtml('<a href="/s?a=1&amp;b=2">q</a>', page)).toBe('<a href="https://example.com/s?a=1&amp;b=2">q</a>');
		expect(prepareFeedHtml('<a href="/s?a=1&#x26;b=2&#38;c=%22">n</a>', page)).toBe('<a href="https://example.com/s?a=1&amp;b=2&amp;c=%22">n</a>');
	});

	test('removes scripts, styles, frames, forms, event handlers and javascript: URLs, keeping the text around them', () => {
		const html = prepareFeedHtml(
			'<p onclick="steal()">Hi <a href=" JavaScript:alert(1)">trap</a></p><script>alert(1)</script><style>p{}</style>' +
				'<iframe src="javascript:alert(1)"></iframe><form><input><button>Go</button></form><pre><code>&lt;script&gt;</code></pre>',
			page,
		);
		expect(html).toBe('<p>Hi <a>trap</a></p>Go<pre><code>&lt;script></code></pre>');
	});

	test("makes an embedded video or page a link to it, named by the frame's title, a YouTube or Vimeo player the video's page", () => {
		const html = prepareFeedHtml(
			'<figure><iframe src="https://www.youtube-nocookie.com/embed/fAPFsRP-mbc?start=3" title="Introducing sv"></iframe><figcaption>Caption</figcaption></figure>' +
				'<p><iframe src="//player.vimeo.com/video/123456"></iframe> <iframe src="/demos/chart.html"></iframe></p>',
			page,
		);
		expect(html).toBe(
			'<figure><a href="https://www.youtube.com/watch?v=fAPFsRP-mbc&amp;t=3">Introducing sv</a><figcaption>Caption</figcaption></figure>' +
				'<p><a href="https://vimeo.com/123456">https://vimeo.com/123456</a> <a href="https://example.com/demos/chart.html">/demos/chart.html</a></p>',
		);
	});

	test('links a YouTube video embedded from a time at that time, and drops a start that is no number', () => {
		const html = prepareFeedHtml('<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk?start=90&amp;rel=0"></iframe> <iframe src="https://www.youtube.com/embed/abcdefghijk?start=x"></iframe>', page);
		expect(html).toBe(
			'<a href="https://www.youtube.com/watch?v=abcdefghijk&amp;t=90">https://www.youtube.com/watch?v=abcdefghijk&amp;t=90</a> <a href="https://www.youtube.com/watch?v=abcdefghijk">https://www.youtube.com/watch?v=abcdefghijk</a>',
		);
	});

	test("links a YouTube playlist's page and an unlisted Vimeo video with its key, and names a frame inside a link without a second link", () => {
		const html = prepareFeedHtml(
			'<iframe src="https://player.vimeo.com/video/42/"></iframe> <iframe src="https://www.YouTube.com/Embed/abcdefghijk"></iframe> <iframe src="https://www.youtube.com/embed/videoseries?list=PL590L5WQmH8f"></iframe> <iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0"></iframe> <iframe src="https://www.youtube.com/embed/live_stream?channel=UC1"></iframe> <a href="/x"><iframe src="https://www.youtube.com/embed/abcdefghijk" title="Talk"></iframe></a>',
			page,
		);
		expect(html).toBe(
			'<a href="https://vimeo.com/42">https://vimeo.com/42</a> <a href="https://www.youtube.com/watch?v=abcdefghijk">https://www.youtube.com/watch?v=abcdefghijk</a> <a href="https://www.youtube.com/playlist?list=PL590L5WQmH8f">https://www.youtube.com/playlist?list=PL590L5WQmH8f</a> <a href="https://vimeo.com/76979871/8272103f6e">https://vimeo.com/76979871/8272103f6e</a> <a href="https://www.youtube.com/embed/live_stream?channel=UC1">https://www.youtube.com/embed/live_stream?channel=UC1</a> <a href="https://example.com/x"><span>Talk</span></a>',
		);
	});

	test('gives a video its controls, which a reader cannot start without, and leaves out what the page hides', () => {
		const html = prepareFeedHtml('<video src="clip.mp4" autoplay loop muted playsinline></video><button hidden>← Prev</button><div hidden="">Template</div><p>Kept</p>', page);
		expect(html).toBe(`<video src="${page}clip.mp4" loop muted playsinline controls></video><p>Kept</p>`);
	});

	test("drops Astro's data attributes", () => {
		expect(prepareFeedHtml('<aside class="note" data-astro-cid-abc>Note</aside>', page)).toBe('<aside class="note">Note</aside>');
	});

	test('removes the characters XML forbids, in text and entities alike', () => {
		expect(prepareFeedHtml('<p>esc\u001bape &#x1B;ref\u000bvertical\u0000nul</p>', page)).toBe('<p>escape ref verticalnul</p>');
	});

	test('removes an ESC or C1 control written as a reference alone, never the quotes and tags after it, so that no text becomes an attribute', () => {
		const cases = [
			'<p><abbr title="Escape key &#x1B;">Esc</abbr>" onmouseover="alert(document.domain)" style="position:fixed" <b>pressed</b></p>',
			'<p><a title="X&#x1B;P">a</a>Y&#x1B;\\" onmouseover="alert(1)" x="</p>',
			'<p><abbr title="C1 &#x9D;">osc</abbr> lost text &#7; <i>kept</i></p>',
			'<p>Third &#x1B;<strong>strong</strong> and &#x1B;</p>',
		];
		const outputs = cases.map((html) => prepareFeedHtml(html, page));
		expect(outputs).toEqual([
			'<p><abbr title="Escape key ">Esc</abbr>" onmouseover="alert(document.domain)" style="position:fixed" <b>pressed</b></p>',
			'<p><a title="XP">a</a>Y\\" onmouseover="alert(1)" x="</p>',
			'<p><abbr title="C1 ">osc</abbr> lost text  <i>kept</i></p>',
			'<p>Third <strong>strong</strong> and </p>',
		]);
		for (const html of outputs) expect(cheerio.load(html)('[onmouseover], [style]').length).toBe(0);
	});
});

// Each case is something an author (or a pasted snippet) can put in a post's raw HTML; none of it may reach a
// feed reader. The output is pinned exactly, so that a change of sanitizer or schema shows here.
describe('hostile HTML never reaches a feed', () => {
	test.each([
		['an upper-case HREF with javascript:', '<a HREF="JavaScript:alert(1)">x</a>', '<a>x</a>'],
		['javascript: spelled with a character reference', '<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
		['javascript: split by a tab', '<a href="java&#9;script:alert(1)">x</a>', '<a>x</a>'],
		['vbscript:', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
		['a data:text/html link', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', '<a>x</a>'],
		['xlink:href in SVG', '<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg><p>after</p>', '<p>after</p>'],
		['xlink:href and href in MathML', '<math><mi xlink:href="javascript:alert(1)" href="javascript:alert(2)">x</mi></math>', '<math><mi>x</mi></math>'],
		['an SVG animation that sets href', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>t</text></a></svg>', ''],
		['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>p</p>', '<p>p</p>'],
		['a base element', '<base href="https://evil.example/"><a href="x">x</a>', `<a href="${page}x">x</a>`],
		['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css"><p>p</p>', '<p>p</p>'],
		['frames', '<frameset><frame src="https://evil.example/"></frameset><p>p</p>', '<p>p</p>'],
		['an iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
		['object and embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">', ''],
		['an event handler and a javascript: srcset candidate', '<img src="x.jpg" onerror="alert(1)" srcset="a.jpg 1x, javascript:alert(1) 2x" alt="">', `<img src="${page}x.jpg" srcset="${page}a.jpg 1x" alt="">`],
		['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">', ''],
		['a data: image with alt text, which stands for it', '<p><img src="data:image/png;base64,AAAA" alt="The chart"> below</p>', '<p>The chart below</p>'],
		['a picture and a video of data: sources only', '<picture><source srcset="data:image/png;base64,AAAA" type="image/png"><img src="data:image/png;base64,AAAA" alt=""></picture><video poster="javascript:alert(1)"><source src="data:video/mp4;base64,AAAA"></video><p>p</p>', '<p>p</p>'],
		['a form action and a formaction', '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">Go</button></form>', 'Go'],
		['a style attribute', '<p style="background:url(javascript:alert(1))">styled</p>', '<p>styled</p>'],
		['a style element hidden in MathML (mXSS)', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<math><mtext><table></table></mtext></math>'],
		['markup hidden in noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
		['a comment', '<!-- <script>alert(1)</script> -->kept', 'kept'],
		['a javascript: poster', '<video poster="javascript:alert(1)" src="clip.mp4" controls></video>', `<video src="${page}clip.mp4" controls></video>`],
	])('%s', (_, input, expected) => {
		expect(prepareFeedHtml(input, page)).toBe(expected);
	});
});

describe('useful HTML survives', () => {
	test('pictures, figures, tables (with their alignment), code, task lists, details, footnotes and MathML', () => {
		const input =
			'<figure><picture><source type="image/webp" srcset="/_astro/a.webp 480w" sizes="100vw"><img src="/_astro/a.jpg" alt="A" width="960" height="540" loading="lazy" decoding="async"></picture><figcaption>Cap</figcaption></figure>' +
			'<table><thead><tr><th style="text-align: right">n</th></tr></thead><tbody><tr><td style="text-align: right">1</td></tr></tbody></table>' +
			'<pre class="language-js" data-language="js"><code class="language-js"><span class="token keyword">const</span> x</code></pre>' +
			'<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>' +
			'<details><summary>More</summary><p>Hidden</p></details>' +
			'<p>Note<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>' +
			'<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>The note. <a href="#user-content-fnref-1" data-footnote-backref aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>' +
			'<math display="block"><mrow><msup><mi>x</mi><mn>2</mn></msup><mo stretchy="false">+</mo></mrow></math>';
		expect(prepareFeedHtml(input, 'https://example.com/posts/a/')).toBe(
			'<figure><picture><source type="image/webp" srcset="https://example.com/_astro/a.webp 480w" sizes="100vw"><img src="https://example.com/_astro/a.jpg" alt="A" width="960" height="540" loading="lazy" decoding="async"></picture><figcaption>Cap</figcaption></figure>' +
				'<table><thead><tr><th align="right">n</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>' +
				'<pre class="language-js" data-language="js"><code class="language-js"><span class="token keyword">const</span> x</code></pre>' +
				'<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>' +
				'<details><summary>More</summary><p>Hidden</p></details>' +
				'<p>Note<sup><a href="https://example.com/posts/a/#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup></p>' +
				'<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>The note. <a href="https://example.com/posts/a/#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>' +
				'<math display="block"><mrow><msup><mi>x</mi><mn>2</mn></msup><mo stretchy="false">+</mo></mrow></math>',
		);
	});
});

describe('links in formulas', () => {
	test.each(['mathml', 'htmlAndMathml'] as const)("keep the address of a formula's \\url and \\href, made absolute, in the feed's MathML (%s)", (output) => {
		const formula = toHtml(renderMath('\\url{https://example.com/a?b=1&c=2} + \\href{../other/}{x^2} + \\href{mailto:ada@example.com}{m}', false, output) as never);
		const $ = cheerio.load(prepareFeedHtml(`<p>${formula}</p>`, page), null, false);
		expect($('.katex-html, [tabindex]').length).toBe(0);
		expect($('math a').map((_, link) => [[$(link).attr('href'), $(link).text(), $(link).parent().prop('tagName')?.toLowerCase()]]).get()).toEqual([
			['https://example.com/a?b=1&c=2', 'https://example.com/a?b=1&c=2', 'mtext'],
			['https://example.com/blog/posts/other/', 'x2', 'mtext'],
			['mailto:ada@example.com', 'm', 'mi'],
		]);
	});

	test("leave a \\href to a script as KaTeX's red name, with no link", () => {
		const formula = toHtml(renderMath('\\href{javascript:alert(1)}{x}', false) as never);
		const $ = cheerio.load(prepareFeedHtml(`<p>${formula}</p>`, page), null, false);
		expect([$('a, [href]').length, $('math mtext').text()]).toEqual([0, '\\href']);
	});
});

describe('callouts in feeds', () => {
	test('become plain blockquotes whose first paragraph is the title in bold, folded content kept', () => {
		const html = prepareFeedHtml(
			'<aside class="carnet-callout carnet-callout--note" role="note"><p class="carnet-callout__title"><strong>Note</strong></p><p>Body.</p></aside>' +
				'<details class="carnet-callout carnet-callout--tip"><summary class="carnet-callout__title"><strong>Folded</strong></summary><p>Hidden.</p></details>',
			page,
		);
		expect(html).toBe(
			'<blockquote class="carnet-callout carnet-callout--note"><p class="carnet-callout__title"><strong>Note</strong></p><p>Body.</p></blockquote>' +
				'<blockquote class="carnet-callout carnet-callout--tip"><p class="carnet-callout__title"><strong>Folded</strong></p><p>Hidden.</p></blockquote>',
		);
	});
});
