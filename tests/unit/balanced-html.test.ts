import { describe, expect, test } from 'vitest';
import { endlessCommentLine } from '../../theme/integration/body-comments.ts';
import { labelledTaskItems } from '../../theme/utils/task-lists.ts';
import { balanceHtml, bogusCommentsOverTags, closeEndlessElements, closeSelfClosedElements, endlessElements, opensEndlessComment, pagePartsLeftOut, scrollableTables, withoutComments } from '../../theme/utils/balanced-html.ts';

describe('balanceHtml()', () => {
	test('returns a body whose tags pair up byte for byte, raw text, comments, void and SVG elements included', () => {
		const html = '<p>A <br> b<img src="x.png" alt=""></p>\n<script>if (a < b) document.write("<div>")</script><!-- <div> -->\n<svg><path d="M0 0"/></svg><pre><code>&lt;div&gt;</code></pre>';
		expect(balanceHtml(html)).toBe(html);
	});

	test('closes an element that raw HTML leaves open, inside the body', () => {
		expect(balanceHtml('<div class="x"><section>open\n<p>After.</p>')).toBe('<div class="x"><section>open\n<p>After.</p></section></div>');
	});

	test('drops end tags of elements the body never opened', () => {
		expect(balanceHtml('<p>Text</p></div></main><p>More</p>')).toBe('<p>Text</p><p>More</p>');
	});

	test('closes a comment or a raw-text element that never ends, and a <div /> written as if it closed itself', () => {
		expect(balanceHtml('<p>a</p><!-- never closed')).toBe('<p>a</p><!-- never closed-->');
		expect(balanceHtml('<style>p{}')).toBe('<style>p{}</style>');
		expect(balanceHtml('<div id="x" /><p>b</p>')).toBe('<div id="x"><p>b</p></div>');
	});

	test('ends a comment where HTML ends it, so that an element after it is closed', () => {
		expect(balanceHtml('<!--> <div class="a">\n<p>After.</p>\n<!-- x -->')).toBe('<!----> <div class="a">\n<p>After.</p>\n<!-- x --></div>');
		expect(balanceHtml('<!---><div>')).toBe('<!----><div></div>');
		expect(balanceHtml('<!-- a --!> <div>\n<p>b</p> -->')).toBe('<!-- a --> <div>\n<p>b</p> --></div>');
	});

	test('reads "<![CDATA[" outside SVG as a comment that ends at the first ">", and keeps it inside SVG', () => {
		expect(balanceHtml('<![CDATA[ a > <div>b ]]>')).toBe('<!--[CDATA[ a --> <div>b ]]></div>');
		const svg = '<svg><text><![CDATA[ a > <div> ]]></text></svg>';
		expect(balanceHtml(svg)).toBe(svg);
	});

	test('closes an HTML element that ends an SVG from inside its style', () => {
		expect(balanceHtml('<svg><style><div class="x"></style></svg><p>After.</p>')).toBe('<svg><style></style></svg><div class="x"><p>After.</p></div>');
	});

	test('shows the text after <plaintext>, which has no end tag, in a <pre> that ends with the body', () => {
		expect(balanceHtml('<p>a</p><plaintext>x < y</plaintext>\n<p>b</p>')).toBe('<p>a</p><pre>x &#x3C; y&#x3C;/plaintext>\n&#x3C;p>b&#x3C;/p></pre>');
	});

	test("leaves out the doctype, html, head, body and title of a pasted document, which would change the page's own", () => {
		const pasted = '<!DOCTYPE html>\n<html lang="xx"><head><title>T</title></head><body class="pasted">\n<p>Text.</p>\n</body></html>';
		expect(balanceHtml(pasted)).toBe('\n\n<p>Text.</p>\n');
		expect(pagePartsLeftOut(pasted, balanceHtml(pasted))).toEqual(['title']);
	});

	test("leaves out a pasted document's canonical link, icon and feed link, which speak for the page, and keeps its stylesheet and microdata's <link itemprop>", () => {
		const pasted = [
			'<!DOCTYPE html>',
			'<html lang="en"><head><title>Saved story</title>',
			'<link rel="canonical" href="https://news.example.com/story"><link rel="icon" href="/favicon.ico"><link rel="alternate" type="application/rss+xml" href="/feed.xml">',
			'<link rel="stylesheet" href="https://news.example.com/site.css"><link rel="preload stylesheet" href="/a.css"><link rel="canonical stylesheet" href="/b.css">',
			'</head><body><p>Text.</p><div itemscope><link itemprop="url" href="https://news.example.com/story"></div></body></html>',
		].join('\n');
		expect(balanceHtml(pasted)).toBe(
			'\n\n\n<link rel="stylesheet" href="https://news.example.com/site.css"><link rel="preload stylesheet" href="/a.css">\n<p>Text.</p><div itemscope><link itemprop="url" href="https://news.example.com/story"></div>',
		);
		expect(pagePartsLeftOut(pasted, balanceHtml(pasted))).toEqual(['title', 'link']);
	});

	test('returns a balanced body whose only <link>s may stay in a body (a stylesheet, microdata) byte for byte', () => {
		const body = `<p>A&nbsp;b <img src="/a.png" alt='x'/> <br/></p>\n<link rel="stylesheet" href="/x.css"><LINK REL='Preload' href="/y.css"><link itemprop=url href="/z"><link rel=stylesheet href=/w.css>\n<p>R&amp;D &#x27;q&#x27;</p>`;
		expect(balanceHtml(body)).toBe(body);
		expect(balanceHtml('<p>a</p><link rel="canonical stylesheet" href="/b.css">')).toBe('<p>a</p>');
	});

	test("makes a pasted <main> a <div>, and leaves out a <base> and a <meta> that would redirect the page's links or its readers", () => {
		const pasted = '<main class="old"><p>In.</p></main>\n<base href="https://evil.example/">\n<meta http-equiv="refresh" content="0;url=https://evil.example/">';
		expect(balanceHtml(pasted)).toBe('<div class="old"><p>In.</p></div>\n\n');
		expect(pagePartsLeftOut(pasted, balanceHtml(pasted))).toEqual(['base', 'meta']);
	});

	test("keeps microdata's <meta itemprop> and an SVG's <title>, its accessible name", () => {
		expect(balanceHtml('<div itemscope><meta itemprop="name" content="A"></div><svg><title>Icon</title></svg><main>')).toBe(
			'<div itemscope><meta itemprop="name" content="A"></div><svg><title>Icon</title></svg><div></div>',
		);
	});

	test('ends an inline element left open where its paragraph ends, instead of around the blocks after it', () => {
		expect(balanceHtml('<p><b>bold</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>item</li>\n</ul>')).toBe(
			'<p><b>bold</b></p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>item</li>\n</ul>',
		);
		expect(balanceHtml('<div class="note"><span>Left open\n<p>After it.</p>')).toBe('<div class="note"><span>Left open\n</span><p>After it.</p></div>');
		expect(balanceHtml('<div><strong><em>a<p>b</p>c</div>')).toBe('<div><strong><em>a</em></strong><p>b</p>c</div>');
		// An element that marks a place (an anchor) is kept even when nothing is left in it.
		expect(balanceHtml('<div><span id="here"><p>b</p></div>')).toBe('<div><span id="here"></span><p>b</p></div>');
	});

	test('ends a link left open with its paragraph, and keeps a link written around blocks whole', () => {
		expect(balanceHtml('<p>A <a href="/x">link</p>\n<ul>\n<li>item</li>\n</ul>\n<p>After</p>')).toBe('<p>A <a href="/x">link</a></p>\n<ul>\n<li>item</li>\n</ul>\n<p>After</p>');
		expect(balanceHtml('<a href="/card"><div>Card</div></a><p>x</p></div>')).toBe('<a href="/card"><div>Card</div></a><p>x</p>');
	});

	test('keeps emphasis that the HTML parser carries over to the next paragraph, as written', () => {
		expect(balanceHtml('<p>Some <em>emphasis</p>\n<p>Next</em> end.</p>')).toBe('<p>Some <em>emphasis</em></p><em>\n</em><p><em>Next</em> end.</p>');
	});

	test('ends a paragraph where a block element starts in it, and a link where another starts in it', () => {
		expect(balanceHtml('<p><span>a</span><div>b</div></p>\n<p>Text <a href="/x">see <a href="/y">this</a></a>.</p>')).toBe(
			'<p><span>a</span></p><div>b</div><p></p>\n<p>Text <a href="/x">see </a><a href="/y">this</a>.</p>',
		);
	});

	test("keeps the upper-case name of Astro's placeholder for a local image", () => {
		expect(balanceHtml('<p><img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;./a.png&quot;}"></p><div>')).toBe('<p><img __ASTRO_IMAGE_="{&#x22;src&#x22;:&#x22;./a.png&#x22;}"></p><div></div>');
	});

	// CPU time, which other processes on a busy machine do not add to: 100 KB of each took seconds of it.
	const cpuMilliseconds = (run: () => void) => {
		const before = process.cpuUsage();
		run();
		const { user, system } = process.cpuUsage(before);
		return (user + system) / 1000;
	};

	test('refuses 100 KB of <pre>, <div> or <b> lines, each nested in the one before, with the HTML parser\'s RangeError, in well under two seconds for the three', () => {
		const spent = cpuMilliseconds(() => {
			for (const opener of ['<pre>\n', '<div>\n', '<b>']) {
				expect(() => balanceHtml(opener.repeat(100_000 / opener.length)), opener).toThrow(new RangeError('Maximum call stack size exceeded'));
			}
		});
		expect(spent).toBeLessThan(2000);
	});

	test('reads 100 KB of <li>, which the HTML parser closes one by the next, as one flat list in well under a second', () => {
		const spent = cpuMilliseconds(() => expect(balanceHtml('<li>'.repeat(25_000))).toBe('<li></li>'.repeat(25_000)));
		expect(spent).toBeLessThan(1000);
	});

	test('closes a body nested 100 deep, and returns one whose tags pair up 100 deep, paragraphs and links closed before blocks, as it is', () => {
		expect(balanceHtml(`${'<div>'.repeat(100)}x`)).toBe(`${'<div>'.repeat(100)}x${'</div>'.repeat(100)}`);
		const paired = `${'<blockquote><p>a</p><div><a href="#">b</a> <a href="#">c</a>'.repeat(50)}${'</div></blockquote>'.repeat(50)}`;
		expect(balanceHtml(paired)).toBe(paired);
	});
});

describe('a comment that nothing closes', () => {
	test('is found in the HTML, not in the text of a script or a code block', () => {
		expect(opensEndlessComment('<p>a</p>\n<!-- TODO\n<p>b</p>')).toBe(true);
		expect(opensEndlessComment('<!-- a --><!--><!-- b --!><p>c</p>')).toBe(false);
		expect(opensEndlessComment('<script>if (a) document.write("<!--")</script><pre><code>&lt;!--</code></pre>')).toBe(false);
	});

	test('is found on its line of the Markdown, past code that writes <!--', () => {
		expect(endlessCommentLine('Intro.\n\n```html\n<!-- in code\n```\n\nWrite `<!--` to start one. <!-- closed -->\n\n<!-- TODO: rewrite\n\nThe rest.\n')).toBe(9);
		expect(endlessCommentLine('Intro. <!-- closed -->\n')).toBeUndefined();
	});
});

describe('endlessElements()', () => {
	test('finds a <textarea> mentioned in prose, and each element that takes the rest of the page as its content when nothing ends it', () => {
		expect(endlessElements('<p>A form field is a <textarea> or an &#x3C;input>.</p>\n<h2>Next</h2>')).toMatchObject([{ index: 21, name: 'textarea', selfClosed: false }]);
		for (const name of ['script', 'style', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'select', 'object', 'svg', 'math']) {
			expect(endlessElements(`<p>Before.</p>\n<${name} class="x">\n<p>After.</p>`).map((found) => found.name), name).toEqual([name]);
		}
	});

	test('finds every one of a name once none is ended, in one pass, and none that is ended', () => {
		expect(endlessElements('<textarea>a</textarea> <TEXTAREA> <textarea>').map((found) => found.index)).toEqual([23, 34]);
		expect(endlessElements('<script>if (a </scripts) x</script><style>p{}</style ><title>T</title>')).toEqual([]);
		expect(endlessElements('<textarea> '.repeat(50_000))).toHaveLength(50_000);
	});

	test('finds an <object>, <svg> or <math> left open, whose content feeds leave out whole, and none that is ended or closes itself', () => {
		expect(endlessElements('<p>Before.</p>\n<object data="x.swf">\n<p>After.</p>').map((found) => found.name)).toEqual(['object']);
		expect(endlessElements('<svg><foreignObject><p>After.</p>').map((found) => found.name)).toEqual(['svg']);
		expect(endlessElements('<math><semantics><annotation-xml><p>After.</p>').map((found) => found.name)).toEqual(['math']);
		expect(endlessElements('<svg viewBox="0 0 1 1"><path d="M0 0"/></svg><math><mi>x</mi></math><object data="a.pdf"><p>Fallback.</p></object><svg/>').map((found) => found.selfClosed)).toEqual([true]);
	});

	test('leaves a tag inside a comment, a script or another raw-text element alone', () => {
		expect(endlessElements('<!-- <textarea> --><script>document.write("<style>")</script><p>ok</p>')).toEqual([]);
	});
});

describe('raw HTML that no ">" or quote ends', () => {
	test('reads as one tag running to the end, as the HTML tokenizer reads it, in one pass however long', () => {
		const unended = '<textarea '.repeat(20_000);
		expect(endlessElements(unended)).toMatchObject([{ index: 0, name: 'textarea' }]);
		expect(opensEndlessComment(`<p>${'<a "'.repeat(20_000)}`)).toBe(false);
		expect(balanceHtml(`<p>x</p>${'<!x'.repeat(20_000)}`)).toContain('<p>x</p>');
	});
});

describe('bogusCommentsOverTags()', () => {
	test("finds a <? that the HTML parser would end at a tag's > further on, hiding the text and tags between, and no other", () => {
		const html = '<p>Code:\n<?php\nclass Usuario {</p>\n<p>}\n?></p><p><?xml version="1.0"?> <?php echo "<b>"; ?></p><script>if (a <? "<b>" : 1) {}</script><pre><code>&lt;?php</code></pre>';
		const found = bogusCommentsOverTags(html);
		expect(found.map((at) => html.slice(at, at + 9))).toEqual(['<?php\ncla', '<?php ech']);
		expect(bogusCommentsOverTags('<p>a <?php echo 1; ?> b</p>')).toEqual([]);
	});
});

describe('endlessElements() on what people write', () => {
	test("an element written to close itself is told apart, and a quote that opens no attribute value is text, as the tokenizer reads it", () => {
		expect(endlessElements('<iframe src="https://www.youtube.com/embed/abc" allowfullscreen />\n<p>After.</p>')).toEqual([
			{ index: 0, name: 'iframe', selfClosed: true, tagEnd: 66 },
		]);
		// `<n) { don't }` is a tag whose attributes hold a quote: the comment after it is still a comment.
		expect(withoutComments('<pre>while (i<n) { // don\'t stop }</pre>\n<!-- private note -->\n<p>x</p>')).not.toContain('private note');
	});

	test('takes one pass over thousands of elements of one name that end tags of another name follow', () => {
		expect(endlessElements('<template></templatex>'.repeat(20_000))).toHaveLength(20_000);
		expect(endlessElements(`${'<noscript>'.repeat(20_000)}</noscript>`)).toEqual([]);
	});
});

describe('closeEndlessElements()', () => {
	test('shows the tag of one that nothing ends as text and closes one written to close itself, in one pass however many', () => {
		expect(closeEndlessElements('<p>A <textarea> field.</p><iframe src="/e.html" />\n<p>After.</p>')).toEqual({
			html: '<p>A &#x3C;textarea> field.</p><iframe src="/e.html"></iframe>\n<p>After.</p>',
			unended: ['textarea'],
		});
		const many = closeEndlessElements('<p>a <textarea> b</p>'.repeat(20_000));
		expect(many.unended).toHaveLength(20_000);
		expect(many.html).not.toContain('<textarea');
	});
});

describe('closeSelfClosedElements()', () => {
	test('closes a component or an element written to close itself where its tag ends, and leaves void, SVG and MathML elements, raw text and unquoted values alone', () => {
		expect(closeSelfClosedElements("<p>Watch.</p>\n<ResponsivePlayer url='https://youtu.be/x' />\n<h2>After</h2>")).toBe(
			"<p>Watch.</p>\n<ResponsivePlayer url='https://youtu.be/x'></ResponsivePlayer>\n<h2>After</h2>",
		);
		expect(closeSelfClosedElements('<p>A <AppBlogPostHeader/> and <div class="a/>b" /> here.</p>')).toBe('<p>A <AppBlogPostHeader></AppBlogPostHeader> and <div class="a/>b"></div> here.</p>');
		const alone = '<p>a<br /><img src="/a.png" alt="" /></p><svg><path d="M0 0"/><g /></svg><math><mspace width="1em"/></math><svg/><script>"<x-y />"</script><a href=/docs/>Docs</a>';
		expect(closeSelfClosedElements(alone)).toBe(alone);
		// Past an SVG that closes itself, HTML's rules hold again.
		expect(closeSelfClosedElements('<svg/><x-chart />')).toBe('<svg/><x-chart></x-chart>');
	});

	test('leaves a tag inside a processing instruction or a declaration, which the HTML parser reads as a comment up to the first >, as it is, and closes one after a CDATA section outside SVG ends at its first >', () => {
		const box = '<div class=box><?x <div/> ?>inside</div>';
		expect(closeSelfClosedElements(box)).toBe(box);
		expect(closeSelfClosedElements('<?php echo 1 ?><x-a/><!x <y/> >after<z/>')).toBe('<?php echo 1 ?><x-a></x-a><!x <y/> >after<z></z>');
		expect(closeSelfClosedElements('<p><![CDATA[ a > <x-y/> ]]></p>')).toBe('<p><![CDATA[ a > <x-y></x-y> ]]></p>');
		const svg = '<svg><style><![CDATA[ a > b ]]></style><![CDATA[ a > <g/> ]]></svg>';
		expect(closeSelfClosedElements(svg)).toBe(svg);
		// Nor does it change a body that has none of them.
		const page = '<h2 id="a">A</h2>\n<p>Text <code>&lt;?x?&gt;</code> <Chart data="1" /></p>\n<!-- a note --><pre><code>&lt;div/&gt;</code></pre>';
		expect(closeSelfClosedElements(page)).toBe(page.replace('<Chart data="1" />', '<Chart data="1"></Chart>'));
		expect(balanceHtml(closeSelfClosedElements(box))).toBe(box);
	});

	test('reads a long body in one pass', () => {
		const started = performance.now();
		closeSelfClosedElements(`<p>${'<X a="1" /> '.repeat(20_000)}</p>`);
		closeSelfClosedElements(`<x ${'a=b '.repeat(30_000)}/>`);
		closeSelfClosedElements(`<x ${'='.repeat(100_000)}/>`);
		closeSelfClosedElements(`<x/>${'<?<![CDATA[ '.repeat(10_000)}`);
		expect(performance.now() - started).toBeLessThan(1000);
	});
});

describe('scrollableTables()', () => {
	test('puts each table, nested ones too, in a wrapper that scrolls, and leaves tables in comments, attribute values and raw text alone', () => {
		const html = '<p title="<table>">x</p><!-- <table> --><table><tr><td><table><tr><td>in</td></tr></table></td></tr></table><script>"<table>"</script><textarea><table></textarea>';
		expect(scrollableTables(html)).toBe(
			'<p title="<table>">x</p><!-- <table> --><div class="carnet-table" tabindex="0"><table><tr><td><div class="carnet-table" tabindex="0"><table><tr><td>in</td></tr></table></div></td></tr></table></div><script>"<table>"</script><textarea><table></textarea>',
		);
		expect(scrollableTables('<p>No table.</p>')).toBe('<p>No table.</p>');
	});

	test('leaves a table the Markdown processor already wrapped as it is, and wraps the raw ones around it', () => {
		const wrapped = '<div class="carnet-table" tabindex="0"><table><tr><td>gfm</td></tr></table></div>';
		const html = `${wrapped}\n<table><tr><td>raw</td></tr></table><div class="carnet-table" tabindex="0">\n<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table></div>`;
		expect(scrollableTables(html)).toBe(
			`${wrapped}\n<div class="carnet-table" tabindex="0"><table><tr><td>raw</td></tr></table></div><div class="carnet-table" tabindex="0">\n<table><tr><td><div class="carnet-table" tabindex="0"><table><tr><td>in</td></tr></table></div></td></tr></table></div>`,
		);
		expect(scrollableTables(scrollableTables(html))).toBe(scrollableTables(html));
		expect(scrollableTables('</table><p>stray</p>')).toBe('</table><p>stray</p>');
	});
});

describe('labelledTaskItems()', () => {
	test('names each task list checkbox by its item text, in a tight or a loose list, and leaves what follows in the item outside the label', () => {
		expect(labelledTaskItems('<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> Buy <em>milk</em></li>\n<li class="task-list-item"><input type="checkbox" disabled> Plan<ul><li>sub</li></ul></li>\n</ul>')).toBe(
			'<ul class="contains-task-list">\n<li class="task-list-item"><label><input type="checkbox" checked disabled> Buy <em>milk</em></label></li>\n<li class="task-list-item"><label><input type="checkbox" disabled> Plan</label><ul><li>sub</li></ul></li>\n</ul>',
		);
		expect(labelledTaskItems('<li><p><input type="checkbox" disabled> Loose</p></li>')).toBe('<li><p><label><input type="checkbox" disabled> Loose</label></p></li>');
		expect(labelledTaskItems('<p>No task.</p>')).toBe('<p>No task.</p>');
	});

	test('leaves a checkbox the Markdown processor already labelled as it is', () => {
		const html = '<li><label><input type="checkbox" checked disabled> Done</label></li>';
		expect(labelledTaskItems(html)).toBe(html);
	});
});
