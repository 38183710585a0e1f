import * as cheerio from 'cheerio';
import { HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

const SPECIAL_CELLS = [['!', '&#8220;', '#', '*'], ['>', '&amp;', '`', '|', '']];
const SPECIAL_TABLE = ['<table>', ...SPECIAL_CELLS.flatMap((row, index) => [...(index > 0 ? ['  ', '  <tr>'] : ['  <tr>']), ...row.flatMap((cell, column) => [...(column > 0 ? ['    '] : []), '    <td>', ...(cell ? [`      ${cell}`] : []), '    </td>']), '  </tr>']), '</table>'].join('\n');

// Raw HTML as Jekyll blogs write it into their posts, read as kramdown and browsers read it.
const POSTS: Record<string, string> = {
	'ive/index.md': '---\ntitle: Two images\ndate: 2019-10-23\n---\n\n<img src="cfg.png" style="width:50%" alt="CFG"/><img src="gone.png" style="width:50%" alt="Gone"/>\nText under them.\n',
	'orc.md': '---\ntitle: ORC\ndate: 2020-12-08\n---\n\n<div class="language-nim highlighter-rouge"><pre class="highlight"><code>import json\n\nvar served = 0\n  inc served\n\n| a | b |\n| - | - |\n</code></pre>\n</div>\n\nAfter.\n',
	'install.md': '---\ntitle: Install\ndate: 2020-08-24\n---\n\n<div class="code_section">{% highlight shell-session %}\n$ sudo ./install.sh\n\n# Or, to run it directly\n  ./install.sh --here\n{% endhighlight %}</div>\n\nAfter E.\n',
	// Just the Docs' UI pages: each example's markdown="1" div, its source in a fence right below it.
	'labels.md': '---\ntitle: Labels\ndate: 2023-01-01\n---\n\n<div class="code-example" markdown="1">\nStable\n</div>\n```markdown\nStable\n{: .label .label-green}\n```\n\nAfter.\n',
	'install-alone.md': '---\ntitle: Install alone\ndate: 2020-08-25\n---\n\n{% highlight shell-session %}\n$ sudo ./install.sh\n\n# Or, to run it directly\n  ./install.sh --here\n{% endhighlight %}\n',
	'tabs.md': '---\ntitle: Tabs\ndate: 2021-03-18\n---\n\n<div class="tab-content">\n<div id="golang" class="lang">\n{{< highlight go "linenos=table" >}}\nfunc canJump(nums []int) bool {\n\treturn len(nums) < 2\n}\n{{< / highlight >}}\n</div>\n<div id="ruby" class="lang">\n{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}\n</div>\n</div>\n\nAfter T.\n',
	'tabs-alone.md': '---\ntitle: Tabs alone\ndate: 2021-03-19\n---\n\n{{< highlight go "linenos=table" >}}\nfunc canJump(nums []int) bool {\n\treturn len(nums) < 2\n}\n{{< / highlight >}}\n\n{% highlight ruby %}\nputs 1 < 2\n{% endhighlight %}\n',
	'_posts/2024-03-01-jekyll-tips.md': '---\ntitle: Jekyll tips\ndate: 2024-03-01 10:00:00 +0100\nrender_with_liquid: false\n---\n\nTo link an asset, write {{ site.url }}/assets/logo.png in your layout.\n\nInclude a partial with {% include footer.html %} and print the title with {{ page.title }}.\n',
	// hello-friend-ng's code shortcode, Jekyll's highlight and Hexo's codeblock, each around a Markdown fence, as a post about Markdown shows one.
	'code-tags.md': '---\ntitle: Code tags\ndate: 2021-04-01\n---\n\n{{< code language="md" title="Example" >}}\n```js\nconsole.log(1)\n```\n{{< /code >}}\n\n{% highlight md %}\n~~~ruby\nputs 2\n~~~\n{% endhighlight %}\n\n{% codeblock lang:md %}\n````sh\necho 3\n````\n{% endcodeblock %}\n\n````md\n{{< code language="md" >}}\n```js\nx\n```\n{{< /code >}}\n````\n\n```js\nconsole.log(5)\n```\n\n{{< highlight go >}}\nfunc six() {}\n{{< /highlight >}}\n\n{{< youtube abc >}}\n',
	'_posts/2024-03-02-liquid-lines.md': '---\ntitle: Liquid lines\ndate: 2024-03-02 10:00:00 +0100\nrender_with_liquid: false\n---\n\nInclude {% include figure.html\n  image="a.png" %} here.\n\nQuoted {{ "}}" | append: page.title }} and {% assign x = "%}" %} and {{ "{{" }}.\n\n{% raw\n%}{{ y }}{% endraw %}\n',
	// A highlight tag left open around a fence, another highlight block further down: the first is unclosed.
	'unclosed-highlight.md': '---\ntitle: Unclosed highlight\ndate: 2021-04-02\n---\n\n{% highlight js %}\n```js\na\n```\n\ntext {{< youtube x1 >}} and more.\n\n{% highlight py %}\nb\n{% endhighlight %}\n',
	'alt.md': '---\ntitle: Alt\ndate: 2019-10-26\n---\n\n![a \\` b & <d>](./flatcfg.png)\n',
	'flat.md': '---\ntitle: Flat\ndate: 2019-10-25\n---\n\n<img src="flatcfg.png" class="wide" alt="Flat CFG">\n',
	// A Jekyll theme's sample posts, copied out of _posts/ into the flat posts folder: one with a permalink of
	// Jekyll's placeholders, one with a layout alone, as Hugo's and Eleventy's posts have one too.
	'2014-01-01-example-content.md': '---\nlayout: post\ntitle: Example content\ndate: 2014-01-01\ntags: markdown HTML\n---\n\nBody.\n',
	'2018-12-05-an-exhibit-of-markdown.md': '---\nlayout: post\ntitle: An exhibit of Markdown\ncategories: markdown\ndate: 2021-12-01\npermalink: /:categories/:title/\ntags: ruby rails\n---\n\nBody.\n',
	'learning.md': '---\ntitle: Learning\ndate: 2021-12-02\ntags: machine learning\n---\n\nBody.\n',
	// minimal-mistakes' special-characters post: each cell's tags and text on lines of their own, a line of
	// spaces between two cells, as WordPress exports write tables; and the same copied out of _posts/ with CRLF.
	'_posts/2013-01-05-markup-title-with-special-characters.md': `---\ntitle: Special characters\ndate: 2013-01-05\ntags: [special]\n---\n\nLatin characters.\n\n${SPECIAL_TABLE}\n`,
	'special-crlf.md': `---\ntitle: Special CRLF\ndate: 2013-01-06\n---\n\nLatin characters.\n\n${SPECIAL_TABLE}\n`.replaceAll('\n', '\r\n'),
};

let site: BuiltSite;

beforeAll(async () => {
	const png = await sharp(await makeJpeg(40, 30, 1)).png().toBuffer();
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': astroConfig({ title: 'Jekyll HTML' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/ive/cfg.png': png,
		'src/content/posts/flatcfg.png': png,
	};
	for (const [name, contents] of Object.entries(POSTS)) files[`src/content/posts/${name}`] = contents;
	site = await buildSite(writeSite('jekyll-html', files));
	expect(site.ok, site.log).toBe(true);
});

describe('raw <img> tags of files beside the post', () => {
	test('show the file published beside the post, without a warning that public/ lacks it', () => {
		expect(site.html('posts/ive/index.html')('.carnet-prose img[alt="CFG"]').attr('src')).toBe('/posts/ive/cfg.png');
		expect(site.html('posts/flat/index.html')('.carnet-prose img[alt="Flat CFG"]').attr('src')).toBe('/posts/flat/flatcfg.png');
		expect(site.exists('posts/ive/cfg.png')).toBe(true);
		expect(site.exists('posts/flat/flatcfg.png')).toBe(true);
		expect(site.log).not.toContain('public/ has no such file');
	});

	test('warn about a file that is not beside the post, naming its line', () => {
		const told = site.log.split('\n').filter((line) => line.includes('gone.png'));
		expect(told).toEqual([expect.stringContaining('src/content/posts/ive/index.md:6: the file "gone.png" shows nothing: no file is beside the post at that path (looked for src/content/posts/ive/gone.png).')]);
	});
});

describe("kramdown's raw HTML code blocks", () => {
	test('keep their blank lines, indentation and every line inside their <pre>, as kramdown does', () => {
		const $ = site.html('posts/orc/index.html');
		const pre = $('.carnet-prose .highlighter-rouge > pre.highlight');
		expect(pre.length).toBe(1);
		expect(pre.children().map((_, child) => $(child).prop('tagName')).get()).toEqual(['CODE']);
		expect(pre.find('code').text()).toBe('import json\n\nvar served = 0\n  inc served\n\n| a | b |\n| - | - |\n');
		expect($('.carnet-prose > p').last().text()).toBe('After.');
	});
});

describe('a Liquid highlight block inside a <div>', () => {
	test('is the code block the same block on lines of its own is, highlighted, inside the div, and the post goes on after it', () => {
		const $ = site.html('posts/install/index.html');
		const pre = $('.carnet-prose > .code_section > pre');
		expect(pre.length).toBe(1);
		expect(pre.text()).toBe('$ sudo ./install.sh\n\n# Or, to run it directly\n  ./install.sh --here');
		expect($.html(pre)).toBe(site.html('posts/install-alone/index.html')('.carnet-prose > pre').toArray().map((element) => $.html(element)).join(''));
		expect(pre.find('span.token').length).toBeGreaterThan(0);
		expect($('.carnet-prose h1').length).toBe(0);
		expect($('.carnet-prose > p').last().text()).toBe('After E.');
	});
});

describe('a highlight block on lines of its own right under a <div> line', () => {
	test('is the code block the same block on lines of its own is, highlighted, inside its div, and the divs close where they are written', () => {
		const $ = site.html('posts/tabs/index.html');
		const alone = site.html('posts/tabs-alone/index.html')('.carnet-prose > pre').toArray();
		expect(alone.length).toBe(2);
		const go = $('.carnet-prose > .tab-content > #golang > pre');
		const ruby = $('.carnet-prose > .tab-content > #ruby > pre');
		expect(go.text()).toBe('func canJump(nums []int) bool {\n\treturn len(nums) < 2\n}');
		expect($.html(go)).toBe($.html(alone[0]));
		expect($.html(ruby)).toBe($.html(alone[1]));
		expect(go.find('span.token').length).toBeGreaterThan(0);
		expect($('.carnet-prose').text()).not.toContain('```');
		expect($('.carnet-prose > p').last().text()).toBe('After T.');
	});
});

describe("a post with Jekyll's render_with_liquid: false", () => {
	test('shows its Liquid as written, with no warning for it or for the key', () => {
		const $ = site.html('posts/jekyll-tips/index.html');
		expect($('.carnet-prose > p').toArray().map((element) => $(element).text())).toEqual([
			'To link an asset, write {{ site.url }}/assets/logo.png in your layout.',
			'Include a partial with {% include footer.html %} and print the title with {{ page.title }}.',
		]);
		expect(site.log.split('\n').filter((line) => line.includes('2024-03-01-jekyll-tips.md'))).toEqual([]);
	});
});

describe('a code shortcode or tag around a Markdown fence', () => {
	test("is one block of code in the tag's language, the fence its text, as Hugo, Jekyll and Hexo show it; a fence around the tags is code as written, and other fences and shortcodes are read as ever", () => {
		const $ = site.html('posts/code-tags/index.html');
		expect($('.carnet-prose pre').map((_, pre) => [[$(pre).attr('data-language'), $(pre).text()]]).get()).toEqual([
			['md', '```js\nconsole.log(1)\n```'],
			['md', '~~~ruby\nputs 2\n~~~'],
			['md', '````sh\necho 3\n````'],
			['md', '{{< code language="md" >}}\n```js\nx\n```\n{{< /code >}}'],
			['js', 'console.log(5)'],
			['go', 'func six() {}'],
		]);
		expect($('figure.carnet-code figcaption').text()).toBe('Example');
		expect($('.carnet-prose a[href="https://www.youtube.com/watch?v=abc"]').length).toBe(1);
		expect(site.log.split('\n').filter((line) => line.includes('code-tags.md'))).toEqual([]);
	});

	test('left open, with another of its kind further down, is shown as written with a warning, the prose after it a paragraph with its video link, the other its own block', () => {
		const $ = site.html('posts/unclosed-highlight/index.html');
		expect($('.carnet-prose pre').map((_, pre) => [[$(pre).attr('data-language'), $(pre).text()]]).get()).toEqual([
			['js', 'a'],
			['py', 'b'],
		]);
		expect($('.carnet-prose p a[href="https://www.youtube.com/watch?v=x1"]').parent().text()).toMatch(/^text .+ and more\.$/);
		expect($('.carnet-prose code').first().text()).toBe('{% highlight js %}');
		expect(site.log).toMatch(/unclosed-highlight\.md:6: .*\{% highlight js %\}/);
	});
});

describe("a post with Jekyll's render_with_liquid: false, its Liquid over several lines or with marks in quotes", () => {
	test('shows all of it as written, its quotes typographic as in any paragraph (as kramdown makes them), with no warning', () => {
		const $ = site.html('posts/liquid-lines/index.html');
		expect($('.carnet-prose > p').toArray().map((element) => $(element).text())).toEqual([
			'Include {% include figure.html\nimage=“a.png” %} here.',
			'Quoted {{ “}}” | append: page.title }} and {% assign x = “%}” %} and {{ “{{” }}.',
			'{% raw\n%}{{ y }}{% endraw %}',
		]);
		expect(site.log.split('\n').filter((line) => line.includes('liquid-lines.md'))).toEqual([]);
	});
});

describe('a markdown="1" div with a code fence right below its closing tag', () => {
	test('ends at its closing tag, as kramdown reads it, and the fence is a code block after it', () => {
		const $ = site.html('posts/labels/index.html');
		expect($('.carnet-prose > .code-example').html()?.trim()).toBe('<p>Stable</p>');
		const code = $('.carnet-prose > pre > code.language-markdown');
		expect(code.length).toBe(1);
		expect(code.text()).toBe('Stable\n{: .label .label-green}');
		expect($('.carnet-prose > p').last().text()).toBe('After.');
	});
});

describe("a local image's alt text", () => {
	test('is the alt as written, a backslash-escaped backtick one backtick, each character escaped once', () => {
		const $ = site.html('posts/alt/index.html');
		expect($('.carnet-prose img').attr('alt')).toBe('a ` b & <d>');
		expect($('.carnet-prose img').attr('src')).toMatch(/^\/_astro\/flatcfg\./);
	});
});

describe("a Jekyll post copied out of _posts/", () => {
	const tagged = (tag: string) => {
		const $ = site.html(`tags/${tag}/index.html`);
		return $('main a').map((_, link) => $(link).attr('href')).get();
	};

	test("with a permalink of Jekyll's placeholders, has a tag page for each name of its tags string, and its address without the date, the dated one redirecting to it", () => {
		expect(tagged('ruby')).toContain('/posts/an-exhibit-of-markdown/');
		expect(tagged('rails')).toContain('/posts/an-exhibit-of-markdown/');
		expect(site.html('posts/an-exhibit-of-markdown/index.html')('h1').first().text()).toBe('An exhibit of Markdown');
		expect(site.html('posts/2018-12-05-an-exhibit-of-markdown/index.html')('meta[http-equiv="refresh"]').attr('content')).toContain('/posts/an-exhibit-of-markdown/');
	});

	test('with a dated name and a layout alone, keeps its date in its address and its tags string as one tag, with a warning', () => {
		expect(site.html('posts/2014-01-01-example-content/index.html')('h1').first().text()).toBe('Example content');
		expect(site.exists('posts/example-content/index.html')).toBe(false);
		expect(tagged('markdown-html')).toContain('/posts/2014-01-01-example-content/');
		expect(tagged('markdown')).not.toContain('/posts/2014-01-01-example-content/');
		expect(site.log).toContain('src/content/posts/2014-01-01-example-content.md:5: tags: "markdown HTML" is one string with spaces and no commas; it is read as one tag, "markdown HTML", where Jekyll reads names separated by spaces.');
	});

	test("a tags string with spaces in another post is one tag, with a warning naming the line and the list to write", () => {
		expect(site.exists('tags/machine-learning/index.html')).toBe(true);
		expect(site.log).toContain('src/content/posts/learning.md:4: tags: "machine learning" is one string with spaces and no commas; it is read as one tag, "machine learning", where Jekyll reads names separated by spaces. Write tags: [machine, learning] for 2 tags, or tags: ["machine learning"] for one, to silence this warning.');
	});
});


describe('a raw HTML table with blank lines between its cells, each on lines of its own', () => {
	const cells = ($: cheerio.CheerioAPI) => $('table tr').toArray().map((row) => $(row).children().toArray().map((cell) => `${cell.tagName} ${$(cell).text().trim()}`));
	const expected = [['td !', 'td \u201C', 'td #', 'td *'], ['td >', 'td &', 'td `', 'td |', 'td ']];

	test('is the table it is written as in its page and its feed, in _posts/ or copied out with CRLF, its page valid', async () => {
		const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'prefer-tbody': 'off' } });
		for (const page of ['posts/markup-title-with-special-characters/index.html', 'posts/special-crlf/index.html']) {
			const $ = site.html(page);
			expect(cells(cheerio.load($('.carnet-prose').html() ?? ''))).toEqual(expected);
			expect($('.carnet-prose pre').length).toBe(0);
			const report = await validator.validateString(site.read(page));
			expect(report.results.flatMap(({ messages }) => messages.map(({ ruleId, message }) => `${ruleId}: ${message}`))).toEqual([]);
		}
		const [item] = [site.xml('tags/special/rss.xml').rss.channel.item].flat() as Record<string, string>[];
		expect(cells(cheerio.load(item?.['content:encoded'] ?? ''))).toEqual(expected);
		expect(site.log).not.toMatch(/special-crlf\.md|special-characters\.md/);
	});
});
