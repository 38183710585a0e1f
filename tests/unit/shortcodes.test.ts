import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, test } from 'vitest';
import { ThemeConfigSchema } from '../../theme/config.ts';
import { hugoBoxesAsCallouts } from '../../theme/markdown/admonitions.ts';
import { shortcodeContext } from '../../theme/integration/shortcode-context.ts';
import { resolvePostLinks } from '../../theme/markdown/post-links.ts';
import { expandShortcodes, referencesKey, withoutBlogdownPostref, type ShortcodeContext } from '../../theme/markdown/shortcodes.ts';
import { AS_WRITTEN_MARK, summaryOf } from '../../theme/utils/summary.ts';
import { renderedMarkdown, renderedPost } from '../helpers/post-html.ts';

const context: ShortcodeContext = {
	postUrl: (slug, date) => (date ? `/blog/${date.replaceAll('-', '/')}/${slug}/` : `/blog/posts/${slug}/`),
	labels: { youtube: 'Watch on YouTube', vimeo: 'Watch on Vimeo', gist: 'See the gist' },
	locale: 'en',
};
const expand = (body: string) => expandShortcodes(body, context);

describe('Hugo shortcodes and Jekyll tags', () => {
	test('a hugo-encrypt opening tag that reaches the shortcodes is left out and named without its password', () => {
		const { body, unknown } = expand('A {{% hugo-encrypt "PW1" %}} B {{< hugo-encrypt\n"PW2" >}} C');
		expect(body).not.toMatch(/PW[12]/);
		expect(unknown.map(({ text, reason, leftOut }) => ({ text, reason, leftOut }))).toEqual([
			{ text: '{{% hugo-encrypt %}}', reason: "Hugo's hugo-encrypt shortcode holds a password, and Carnet does not encrypt posts", leftOut: true },
			{ text: '{{< hugo-encrypt >}}', reason: "Hugo's hugo-encrypt shortcode holds a password, and Carnet does not encrypt posts", leftOut: true },
		]);
	});

	test('turn figure into a figure with its caption, escaped', () => {
		expect(expand('{{< figure src="/images/cat.jpg" caption="A cat & a <dog>" link="https://example.com" >}}').body).toBe(
			'<figure class="carnet-figure"><a href="https://example.com"><img src="/images/cat.jpg" alt="A cat &amp; a &lt;dog&gt;"></a><figcaption><p>A cat &amp; a &lt;dog&gt;</p></figcaption></figure>',
		);
	});

	test("mark each code element showing a shortcode as written for a Markdown body's summary, not the code the author wrote, and not at all unless asked (an MDX body)", () => {
		const body = 'Intro {{< qr >}} and `{{ msg }}`, {% a %}{% b %}.\n\n<p>In HTML {{< qr >}}</p>';
		expect(expandShortcodes(body, context, { markAsWritten: true }).body).toBe(`Intro \`{{< qr >}}\`${AS_WRITTEN_MARK} and \`{{ msg }}\`, \`{% a %}\`${AS_WRITTEN_MARK} \`{% b %}\`${AS_WRITTEN_MARK}.\n\n<p>In HTML <code>{{&lt; qr &gt;}}</code>${AS_WRITTEN_MARK}</p>`);
		expect(expand(body).body).toBe('Intro `{{< qr >}}` and `{{ msg }}`, `{% a %}` `{% b %}`.\n\n<p>In HTML <code>{{&lt; qr &gt;}}</code></p>');
	});

	test("show a tag right after a bare address in backticks after a <wbr>, which ends the address GFM links, and one after other text in backticks alone", () => {
		const body = ['Help: https://github.com/11ty/eleventy-upgrade-help{% endcallout %}', 'Hugo: www.example.org/a{{< unknowncode >}} and mail@example.org{{ page.thing }}', 'Linked: [docs](https://example.org/b){% endcallout %}', 'Word{{< unknowncode >}}'].join('\n');
		expect(expand(body).body.split('\n')).toEqual([
			'Help: https://github.com/11ty/eleventy-upgrade-help<wbr>`{% endcallout %}`',
			'Hugo: www.example.org/a<wbr>`{{< unknowncode >}}` and mail@example.org<wbr>`{{ page.thing }}`',
			'Linked: [docs](https://example.org/b)`{% endcallout %}`',
			'Word`{{< unknowncode >}}`',
		]);
	});

	test('read a backtick-quoted raw-string argument and a quote escaped in a quoted one, and keep code spans around them code', () => {
		expect(expand('{{< figure src="/images/cat.jpg" caption=`A "raw" cat` >}} and `code`').body).toBe(
			'<figure class="carnet-figure"><img src="/images/cat.jpg" alt="A &quot;raw&quot; cat"><figcaption><p>A &quot;raw&quot; cat</p></figcaption></figure> and `code`',
		);
		expect(expand('{{< figure src="/images/cat.jpg" alt="A \\"quoted\\" cat" >}}').body).toBe('<figure class="carnet-figure"><img src="/images/cat.jpg" alt="A &quot;quoted&quot; cat"></figure>');
		expect(expand('`{{< youtube x >}}` {{< youtube id=`abc` >}}').body).toBe('`{{< youtube x >}}` <a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>');
	});

	test("turn hugo-easy-gallery's figure without src into a figure of the image its link names, and name the missing image of one with neither", () => {
		const { body, unknown } = expand('{{< figure link="/img/homepage/sydney-harbour.jpg" caption="Sydney Harbour" >}}\n\n{{< figure link="/img/b.jpg" thumb="-thumb" >}}\n\n{{< figure link="https://example.com/" caption="No image" >}}');
		expect(body.split('\n\n')).toEqual([
			'<figure class="carnet-figure"><img src="/img/homepage/sydney-harbour.jpg" alt="Sydney Harbour"><figcaption><p>Sydney Harbour</p></figcaption></figure>',
			'<figure class="carnet-figure"><img src="/img/b.jpg" alt=""></figure>',
			'`{{< figure link="https://example.com/" caption="No image" >}}`',
		]);
		expect(unknown).toEqual([{ line: 5, text: '{{< figure link="https://example.com/" caption="No image" >}}', reason: 'it names no image; give it src="…", the image to show' }]);
	});

	test('show a figure title as a heading above its caption, whose Markdown is read, as Hugo does', () => {
		expect(expand('{{< figure src="https://example.com/a.jpg" title="Sunset" caption="Seen from *the* [pier](/pier/) & <dog>" class="wide" >}}').body).toBe(
			'<figure class="carnet-figure wide"><img src="https://example.com/a.jpg" alt="Seen from the pier &amp; &lt;dog&gt;">' +
				'<figcaption><p class="carnet-figure__title"><strong>Sunset</strong></p><p>Seen from <em>the</em> <a href="/pier/">pier</a> &amp; &lt;dog&gt;</p></figcaption></figure>',
		);
	});

	test("show the inline HTML and character references of ox-hugo's numbered captions, the alt their text", () => {
		expect(expand('{{< figure src="/npo/x.png" caption="<span class=\\"figure-number\\">&#22259;2:  </span>ドルを*円*に換算" >}}').body).toBe(
			'<figure class="carnet-figure"><img src="/npo/x.png" alt="図2: ドルを円に換算"><figcaption><p><span class="figure-number">図2:  </span>ドルを<em>円</em>に換算</p></figcaption></figure>',
		);
		// Markdown's marks around or across a tag: the caption is Markdown, its tags shown as written, nothing cut.
		const markdown = (caption: string) => /<figcaption>(.*)<\/figcaption>/.exec(expand(`{{< figure src="/a.png" caption="${caption}" >}}`).body)?.[1];
		expect(markdown('The `<span>` element wraps text')).toBe('<p>The <code>&lt;span&gt;</code> element wraps text</p>');
		expect(markdown('From [<em>The Book</em>](https://example.org/book)')).toContain('<a href="https://example.org/book">');
		expect(markdown('**Bold <em>and</em> more**')).toContain('<strong>');
		// A lone mark within words, or a stray bracket, is text: ox-hugo's number stays an element.
		for (const text of ['Histogram of response_time per request', 'Growth of 2*n nodes', 'Results [preliminary']) {
			expect(markdown(`<span class=\\"figure-number\\">Figure 1: </span>${text}`)).toBe(`<p><span class="figure-number">Figure 1: </span>${text}</p>`);
		}
		expect(markdown('<span class=\\"figure-number\\">Figure 2: </span>The <code>my_var</code> value')).toBe('<p><span class="figure-number">Figure 2: </span>The <code>my_var</code> value</p>');
	});

	test('leave out the script and the event handlers of a caption\'s HTML, and show the tags of elements other than text-level ones as written', () => {
		const body = expand('{{< figure src="/a.png" caption="<b onmouseover=\\"alert(1)\\">A</b> <img src=x onerror=alert(2)><script>alert(3)</script><div>B</div> <a href=\\"javascript:alert(4)\\">C</a>" >}}').body;
		expect(body).toBe('<figure class="carnet-figure"><img src="/a.png" alt="A &lt;img src=x onerror=alert(2)&gt;&lt;div&gt;B&lt;/div&gt; C"><figcaption><p><b>A</b> &#x3C;img src=x onerror=alert(2)>&#x3C;div>B&#x3C;/div> <a>C</a></p></figcaption></figure>');
	});

	test('write a figure\'s width or height in pixels only, an image given a percentage fitting the column', () => {
		expect(expand('{{< figure src="/a.png" width="100%" height="50%" >}}').body).toBe('<figure class="carnet-figure"><img src="/a.png" alt=""></figure>');
		expect(expand('{{< figure src="/a.png" width="300" height="200px" >}}').body).toBe('<figure class="carnet-figure"><img src="/a.png" alt="" width="300" height="200"></figure>');
	});

	test('read a caption of a thousand tags or references in well under a second', () => {
		for (const caption of ['<span>'.repeat(20_000), '<'.repeat(100_000), '&#1'.repeat(30_000), '<b '.repeat(30_000)]) {
			const started = performance.now();
			expand(`{{< figure src="/a.png" caption="${caption}" >}}`);
			expect(performance.now() - started).toBeLessThan(1000);
		}
	});

	test('show a caption link that is not a path or a web address as written', () => {
		expect(expand('{{< figure src="/a.jpg" caption="[x](javascript:alert(1))" >}}').body).toContain('<figcaption><p>[x](javascript:alert(1))</p></figcaption>');
	});

	test("turn Docsy's imgproc into a figure of the image its bundle's resource finder names, its caption between the tags, every later line keeping its number", () => {
		const findResource = (name: string) => (name === 'chart' ? 'chart-2022.png' : undefined);
		const { body, unknown } = expandShortcodes('> {{< imgproc chart Fill "700x500" >}} A "quoted"\n> **caption**. {{< /imgproc >}}\n\n{{< imgproc gone >}}\n\n{{< /imgproc >}}\n\n{{< nope >}}', context, { findResource });
		expect(body.split('\n')).toEqual([
			'> <figure class="carnet-figure">',
			'>',
			'> ![A \\"quoted\\" caption\\.](<chart-2022.png>)',
			'>',
			'> <figcaption>',
			'>',
			'> A "quoted" **caption**.',
			'>',
			'> </figcaption></figure>',
			'',
			'',
			'<figure class="carnet-figure">',
			'',
			'![](<gone>)',
			'',
			'</figure>',
			'',
			'',
			'',
			'`{{< nope >}}`',
		]);
		expect(unknown).toEqual([{ line: 8, text: '{{< nope >}}', reason: "Hugo's nope shortcode is not one Carnet knows" }]);
	});

	test('write a figure of an image beside the post as a Markdown image between the figure tags, for Astro to publish it', () => {
		expect(expand('{{< figure src="pic.jpg" caption="A *pic* [x]" title="T" >}}\nnext').body).toBe(
			'<figure class="carnet-figure">\n\n![A pic \\[x\\]](<pic.jpg>)\n\n<figcaption><p class="carnet-figure__title"><strong>T</strong></p><p>A <em>pic</em> [x]</p></figcaption></figure>\nnext',
		);
		expect(expand('> {{< figure src="./pic.jpg" link="/big/" >}}').body).toBe('> <figure class="carnet-figure">\n>\n> [![](<./pic.jpg>)](</big/>)\n>\n> </figure>');
		expect(expand('See {{< figure src="pic.jpg" >}}').body).toBe('See \n\n<figure class="carnet-figure">\n\n![](<pic.jpg>)\n\n</figure>\n\n');
		// In a list item, the lines it becomes are indented to the item's content, so that they stay in it.
		expect(expand('- one\n- {{< figure src="pic.jpg" >}}\n- three').body).toBe('- one\n- <figure class="carnet-figure">\n\n  ![](<pic.jpg>)\n\n  </figure>\n- three');
		expect(expand('> 10. {{< figure src="pic.jpg" >}}').body).toBe('> 10. <figure class="carnet-figure">\n>\n>     ![](<pic.jpg>)\n>\n>     </figure>');
	});

	test('turn YouTube, Vimeo and gist embeds into plain links, with no frame or script', () => {
		const { body } = expand('{{< youtube dQw4w9WgXcQ >}} {{< youtube id="abc" title="The talk" >}} {{< vimeo 146022717 >}} {{< gist spf13 7896402 >}}');
		expect(body).toBe(
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a> <a href="https://www.youtube.com/watch?v=abc">The talk</a> ' +
				'<a href="https://vimeo.com/146022717">Watch on Vimeo</a> <a href="https://gist.github.com/spf13/7896402">See the gist</a>',
		);
	});

	test("link a YouTube video whose id carries the player's options, as Pulumi's posts write it, to that video, at its start time", () => {
		expect(expand('{{< youtube "kX_3Wdft0Ms?rel=0" >}} {{< youtube "abc?rel=0&start=90" >}} {{< youtube id="def" start="30" >}} {{< youtube "ghi?t=1m30s" >}}').body).toBe(
			'<a href="https://www.youtube.com/watch?v=kX_3Wdft0Ms">Watch on YouTube</a> <a href="https://www.youtube.com/watch?v=abc&amp;t=90s">Watch on YouTube</a> <a href="https://www.youtube.com/watch?v=def&amp;t=30s">Watch on YouTube</a> <a href="https://www.youtube.com/watch?v=ghi&amp;t=1m30s">Watch on YouTube</a>',
		);
	});

	test("mark the lines Hugo's highlight shortcode names in hl_lines and Jekyll's highlight tag in mark_lines, as a fence's", async () => {
		const body = ['{{< highlight go "linenos=table,hl_lines=2 4-5" >}}', 'a', 'b', 'c', 'd', 'e', '{{< /highlight >}}', '', '{% highlight ruby linenos mark_lines="1 3" %}', 'x', 'y', 'z', '{% endhighlight %}', ''].join('\n');
		expect(expand(body).body.split('\n').filter((line) => line.startsWith('```'))).toEqual(['```go {linenos=table,hl_lines=2 4-5}', '```', '```ruby {hl_lines="1 3"}', '```']);
		const { $, warnings } = await renderedPost(body, { shortcodes: true });
		const marked = $('div.carnet-code').map((_, block) => $(block).find('mark.carnet-code__mark').map((__, mark) => $(mark).text()).get().join(' ')).get();
		expect(marked).toEqual(['b d e', 'x z']);
		expect(warnings).toEqual([]);
	});

	test("turn Istio's text blocks into fenced code in their language, in a list item too, keeping every line number", () => {
		const body = '1. Copy:\n\n    {{< text json >}}\n    {\n        "Resource": ["*"], "Other": "*"\n    }\n    {{< /text >}}\n\n{{< text syntax=bash outputis=text >}}\n$ kubectl get pods\n{{< /text >}}';
		expect(expand(body).body).toBe('1. Copy:\n\n    ```json\n    {\n        "Resource": ["*"], "Other": "*"\n    }\n    ```\n\n```bash\n$ kubectl get pods\n```');
		expect(expand(body).unknown).toEqual([]);
	});

	test('close a block whose closing tag is indented further than its opening tag where it opened, and keep a block written within one line on its line', () => {
		expect(expand('{{< highlight go >}}\nx := 1\n    {{< /highlight >}}\n\nRest of the post.').body).toBe('```go\nx := 1\n```\n\nRest of the post.');
		expect(expand('- Item:\n\n    {{< text json >}}\n    {}\n\t{{< /text >}}\n\nAfter.').body).toBe('- Item:\n\n    ```json\n    {}\n    ```\n\nAfter.');
		expect(expand('Run {{< highlight go >}}x := `1`{{< /highlight >}} now.\n\n{{< mermaid >}}{{< /mermaid >}}').body).toBe('Run `` x := `1` `` now.\n\n');
		// Alone on its line, a block of its own, on that line.
		expect(expand('{{< highlight go >}}fmt.Println("<hi>"){{< /highlight >}}\n\nAfter.').body).toBe('<pre><code class="language-go">fmt.Println("&lt;hi&gt;")</code></pre>\n\nAfter.');
		// After a list item's marker or quote markers, the closing fence lines up with the code.
		expect(expand('- {{< highlight bash >}}\n  echo hi\n  {{< /highlight >}}\n\nAfter.').body).toBe('- ```bash\n  echo hi\n  ```\n\nAfter.');
		expect(expand('> {{< highlight go >}}\n> x := 1\n> {{< /highlight >}}\n\nAfter.').body).toBe('> ```go\n> x := 1\n> ```\n\nAfter.');
	});

	test("turn themes' image shortcodes into figures, Istio's whose link is the image among them", () => {
		expect(expand('{{< image width="80%" link="./policy.png" caption="Select json" >}}').body).toBe('<figure class="carnet-figure">\n\n![Select json](<./policy.png>)\n\n<figcaption><p>Select json</p></figcaption></figure>');
		expect(expand('{{< image src="/images/a.png" alt="A" link="https://example.com" >}}').body).toBe('<figure class="carnet-figure"><a href="https://example.com"><img src="/images/a.png" alt="A"></a></figure>');
		expect(expand('{{< image link="https://example.com/page" >}}').unknown.map((item) => item.reason)).toEqual(["Hugo's image shortcode is not one Carnet knows"]);
	});

	test("turn sites' img shortcodes that name their image with src into figures, and leave others as written", () => {
		expect(expand('{{< img src="/images/a.png" alt="A cat" >}}').body).toBe('<figure class="carnet-figure"><img src="/images/a.png" alt="A cat"></figure>');
		expect(expand('{{< img src="/images/a.png" alt="A cat" caption="On a mat" width="300" >}}').body).toBe(expand('{{< image src="/images/a.png" alt="A cat" caption="On a mat" >}}').body);
		// A site's own img read by position: its template is not known.
		const positional = expand('{{< img "/images/a.png" "A cat" >}}');
		expect(positional.body).toBe('`{{< img "/images/a.png" "A cat" >}}`');
		expect(positional.unknown.map((item) => item.reason)).toEqual(["Hugo's img shortcode is not one Carnet knows"]);
	});

	test('turn highlight blocks of both generators into fenced code, keeping every line number', () => {
		const source = 'a\n{{< highlight go "linenos=table" >}}\nx := 1\n{{< /highlight >}}\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n{{< qr 1 >}}';
		const { body, unknown } = expand(source);
		expect(body).toBe('a\n```go\nx := 1\n```\n```ruby\nputs 1\n```\n`{{< qr 1 >}}`');
		expect(unknown.map((item) => item.line)).toEqual([8]);
	});

	test('turn a highlight block whose code has a line of many quote markers into fenced code in linear time', () => {
		// Each space between two > could be read two ways by the pattern that trims a closing line of quote
		// markers, and a line of 30 of them took minutes.
		const markers = '> '.repeat(30);
		const started = performance.now();
		expect(expand(`{% highlight text %}\n${markers}x\n{% endhighlight %}`).body).toBe(`\`\`\`text\n${markers}x\n\`\`\``);
		expect(performance.now() - started).toBeLessThan(1_500);
	});

	test('read Liquid end tags with words after the name, which Liquid ignores, as the end of their block', () => {
		const source = [
			'{% highlight shell-session %}',
			'$ sudo ./install.sh',
			'',
			'# Or, to run it directly',
			'{% endhighlight shell-session %}',
			'{% codeblock lang:js %}',
			'let a;',
			'{%- endcodeblock js -%}',
			'{% comment %}A note{% endcomment note %}',
			'Shown: {% raw %}{{ page.title }}{% endraw x %}.',
			'After.',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body).toBe(['```shell-session', '$ sudo ./install.sh', '', '# Or, to run it directly', '```', '```js', 'let a;', '```', '', 'Shown: {{ page.title }}.', 'After.'].join('\n'));
		expect(unknown).toEqual([]);
	});

	test('turn a highlight block among other text on its lines into fenced code on lines added to its tags\' lines, the text around it kept', () => {
		const source = ['<div class="code_section">{% highlight shell-session %}', '$ sudo ./install.sh *now*', '', '    # Or, to run it directly', '- item {{< x >}}', '{% endhighlight %}</div>', '', 'See: {% highlight txt %}', '1. [a](b)', '{% endhighlight %}', 'After.', '', '> - Q: {% highlight js %}a()', '>   b(){% endhighlight %} then', '{{< y >}}'].join('\n');
		const { body, unknown, lines } = expand(source);
		expect(body.split('\n')).toEqual([
			'<div class="code_section">',
			'',
			'```shell-session',
			'$ sudo ./install.sh *now*',
			'',
			'    # Or, to run it directly',
			'- item {{< x >}}',
			'```',
			'</div>',
			'',
			'See: ',
			'```txt',
			'1. [a](b)',
			'```',
			'',
			'After.',
			'',
			'> - Q: ',
			'>   ```js',
			'>   a()',
			'>   b()',
			'>   ```',
			'>    then',
			'`{{< y >}}`',
		]);
		// Each line added is counted as the tag's line it was added to: what follows is named at its line.
		expect(lines).toEqual([1, 1, 1, 2, 3, 4, 5, 5, 6, 7, 8, 8, 9, 9, 10, 11, 12, 13, 13, 13, 14, 14, 14, 15]);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[15, '{{< y >}}']]);
	});

	test('turn a highlight block on lines of its own right under an HTML tag line into fenced code after a blank line added to its tag\'s line, so that the HTML block ends before it', () => {
		const source = ['<div class="tab-content">', '<div id="golang" class="lang">', '{{< highlight go "linenos=table" >}}', 'func f() bool {', '\treturn a < 2', '}', '{{< / highlight >}}', '</div>', '<div id="rb">', '{% highlight ruby %}', 'x < 1', '{% endhighlight %}', '</div>', '', 'Text', '{% highlight ruby %}', 'y', '{% endhighlight %}', '{{< z >}}'].join('\n');
		const { body, unknown, lines } = expand(source);
		expect(body.split('\n')).toEqual([
			'<div class="tab-content">',
			'<div id="golang" class="lang">',
			'',
			'```go',
			'func f() bool {',
			'\treturn a < 2',
			'}',
			'```',
			'',
			'</div>',
			'<div id="rb">',
			'',
			'```ruby',
			'x < 1',
			'```',
			'',
			'</div>',
			'',
			'Text',
			'```ruby',
			'y',
			'```',
			'`{{< z >}}`',
		]);
		// Each line added is counted as the tag's line it was added to: what follows is named at its line.
		expect(lines).toEqual([1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 10, 10, 11, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[19, '{{< z >}}']]);
	});

	test("leave a post's Liquid output and tags as written, with no warning, when the post turns Liquid off (Jekyll's render_with_liquid: false), and read its Hugo shortcodes", () => {
		const source = ['Write {{ site.url }}/assets/logo.png, {{ site.baseurl }}/a.png and {{ "/" | relative_url }}.', '', 'Include {% include footer.html %}, print {{ page.title }}.', '', '{% highlight ruby %}', 'puts 1', '{% endhighlight %}', '{% raw %}{{ x }}{% endraw %}', '', '{{< youtube abc >}}', '{{% x %}}'].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2024-03-01-tips.md', liquid: false });
		expect(body.split('\n')).toEqual([...source.split('\n').slice(0, 9), '<a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>', '`{{% x %}}`']);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[11, '{{% x %}}']]);
	});

	test("show Liquid written over several lines, or with marks in its quoted strings, as written, with no warning, when the post turns Liquid off", () => {
		const source = ['Include {% include figure.html', '  image="a.png" %} here, ![a]({{', '  site.url }}/a.png).', '', 'Quoted {{ "}}" | append: page.title }}, {% assign x = "%}" %} and {{ "{{" }}.', '', '{%', '  raw %}{{ y }}{% endraw', '%}', '', '{{< youtube abc >}}'].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2024-03-01-tips.md', liquid: false });
		expect(body.split('\n')).toEqual([...source.split('\n').slice(0, 10), '<a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>']);
		expect(unknown).toEqual([]);
	});

	test('read 100 KB of Liquid marks, open or closed, in a post that turns Liquid off in well under a second', () => {
		const started = performance.now();
		for (const body of ['{{ "}}" | a }} {% x "%}" %} '.repeat(4_000), '{{ {% '.repeat(20_000), '{% include a\n b=1 %}\n'.repeat(5_000)]) {
			expect(expandShortcodes(body, context, { liquid: false }).body).toBe(body);
		}
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test("turn a code shortcode or tag around a Markdown fence (hello-friend-ng's code, Jekyll's highlight, Hexo's codeblock) into one block of code in its language, the fence its text, as Hugo, Jekyll and Hexo read the tags before Markdown", () => {
		const source = ['{{< code language="md" title="Example" >}}', '```js', 'console.log(1)', '```', '{{< /code >}}', '', '{% highlight md %}', '~~~', 'puts 2', '~~~', '{% endhighlight %}', '', '{% codeblock lang:md %}', '````sh', 'echo 3', '````', '{% endcodeblock %}', '', '{{< youtube abc >}}'].join('\n');
		const { body, unknown, lines } = expand(source);
		expect(body.split('\n')).toEqual(['````md title="Example"', '```js', 'console.log(1)', '```', '````', '', '```md', '~~~', 'puts 2', '~~~', '```', '', '`````md', '````sh', 'echo 3', '````', '`````', '', '<a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>']);
		expect(unknown).toEqual([]);
		expect(lines).toBeUndefined();
	});

	test('leave a fence around code tags code as written, and a tag around a fence it does not close, or around another shortcode, read as before', () => {
		const asCode = ['````md', '{{< code language="md" >}}', '```js', 'x', '```', '{{< /code >}}', '````'].join('\n');
		expect(expand(asCode).body).toBe(asCode);
		// A fence left open at the closing tag ends there with the block, as Jekyll reads the tags first: a fence after it opens anew.
		const open = expand(['{% highlight md %}', '```js', '{% endhighlight %}', '```', 'After'].join('\n'));
		expect(open.body.split('\n')).toEqual(['````md', '```js', '````', '```', 'After']);
		// A shortcode that is no code (a tab) keeps its fence a fence of its own.
		const tab = expand(['{{< tab "Go" >}}', '```go', 'x := 1', '```', '{{< /tab >}}'].join('\n'));
		expect(tab.body.split('\n')).toEqual(['**Go**', '```go', 'x := 1', '```', '']);
	});

	test('end a code tag around a fence at its closing tag, where the fence has no closing line or a shorter one: the fence line is code, the prose after read as ever', () => {
		const prose = ['', 'This paragraph is prose {{< youtube x1 >}}.', '', '## A heading'];
		const shown = ['', 'This paragraph is prose <a href="https://www.youtube.com/watch?v=x1">Watch on YouTube</a>.', '', '## A heading'];
		for (const [opening, fence, closing, language] of [
			['{{< highlight md >}}', '```js', '{{< /highlight >}}', 'md'],
			['{% highlight markdown %}', '```ruby', '{% endhighlight %}', 'markdown'],
			['{% codeblock lang:js %}', '```js', '{% endcodeblock %}', 'js'],
			['{% code lang:js %}', '```js', '{% endcode %}', 'js'],
			['{{< code lang="js" >}}', '```js', '{{< /code >}}', 'js'],
			['{{< highlight md >}}', '````js', '{{< /highlight >}}', 'md'],
		] as const) {
			const { body, unknown } = expand([opening, fence, 'let a = 1;', ...(fence === '````js' ? ['```'] : []), closing, ...prose].join('\n'));
			const outer = fence === '````js' ? '`````' : '````';
			expect(body.split('\n'), opening).toEqual([`${outer}${language}`, fence, 'let a = 1;', ...(fence === '````js' ? ['```'] : []), outer, ...shown]);
			expect(unknown, opening).toEqual([]);
		}
	});

	test("leave a code tag around a fence unclosed when another of its kind opens before the next closing tag, whose block it is, the prose between read as ever", () => {
		const jekyll = expand(['{% highlight js %}', '```js', 'a', '```', '', 'text {{< youtube x1 >}} and {% unknowntag %}', '', '{% highlight py %}', 'b', '{% endhighlight %}', '', '{% another %}'].join('\n'));
		expect(jekyll.body.split('\n')).toEqual(['`{% highlight js %}`', '```js', 'a', '```', '', 'text <a href="https://www.youtube.com/watch?v=x1">Watch on YouTube</a> and `{% unknowntag %}`', '', '```py', 'b', '```', '', '`{% another %}`']);
		expect(jekyll.unknown.map(({ line, text }) => [line, text])).toEqual([
			[1, '{% highlight js %}'],
			[6, '{% unknowntag %}'],
			[12, '{% another %}'],
		]);
		const hexo = expand(['{% codeblock lang:js %}', '```js', 'a', '```', '', 'text {{< youtube x1 >}}', '', '{% codeblock lang:py %}', 'b', '{% endcodeblock %}'].join('\n'));
		expect(hexo.body.split('\n')).toEqual(['`{% codeblock lang:js %}`', '```js', 'a', '```', '', 'text <a href="https://www.youtube.com/watch?v=x1">Watch on YouTube</a>', '', '```py', 'b', '```']);
		const hugo = expand(['{{< highlight js >}}', '```js', 'a', '```', '', 'text {{< youtube x1 >}}', '', '{{< highlight py >}}', 'b', '{{< /highlight >}}'].join('\n'));
		expect(hugo.body.split('\n')).toEqual(['`{{< highlight js >}}`', '```js', 'a', '```', '', 'text <a href="https://www.youtube.com/watch?v=x1">Watch on YouTube</a>', '', '```py', 'b', '```']);
		// An opening of its kind inside the fence is code, and closes nothing.
		const inFence = expand(['{% highlight md %}', '```md', '{% highlight js %}', '```', '{% endhighlight %}'].join('\n'));
		expect(inFence.body.split('\n')).toEqual(['````md', '```md', '{% highlight js %}', '```', '````']);
	});

	test("end a code tag's block at a closing tag that would close nothing, where the fence around the block's first closing tag ends just before it: that first one is the block's code, the prose after it read as ever, with a warning naming the stray closing tag", () => {
		const prose = ['', 'Later prose {{< youtube x1 >}}.', '', '## A heading'];
		const shown = ['', 'Later prose <a href="https://www.youtube.com/watch?v=x1">Watch on YouTube</a>.', '', '## A heading'];
		for (const [opening, closing, escaped] of [
			['{% highlight md %}', '{% endhighlight %}', '{% raw %}{% endhighlight %}{% endraw %}'],
			['{% codeblock lang:md %}', '{% endcodeblock %}', '{% raw %}{% endcodeblock %}{% endraw %}'],
			['{{< highlight md >}}', '{{< /highlight >}}', '{{</* /highlight */>}}'],
			['{{< code lang="md" >}}', '{{< /code >}}', '{{</* /code */>}}'],
		] as const) {
			const { body, unknown } = expand([opening, '```liquid', closing, '```', closing, ...prose].join('\n'));
			expect(body.split('\n'), opening).toEqual(['````md', '```liquid', closing, '```', '````', ...shown]);
			expect(unknown, opening).toEqual([
				{
					line: 5,
					text: closing,
					shownAs: 'the end of the block opened above',
					reason: `the ${closing} inside the block's fence closed the block first, as Jekyll, Hugo and Hexo read it, which stop the build at this one; Carnet reads that one as the block's code, as its fence says. Write it as ${escaped}`,
				},
			]);
			// Written as the warning says, the block is read the same, with no warning.
			const fixed = expand([opening, '```liquid', escaped, '```', closing, ...prose].join('\n'));
			expect(fixed.body.split('\n'), escaped).toEqual(['````md', '```liquid', closing, '```', '````', ...shown]);
			expect(fixed.unknown, escaped).toEqual([]);
		}
	});

	test("warn when a fence's closing line after a code tag's block, whose closing tag ended the fence first, opens a fence that nothing closes, which shows the rest of the post as code", () => {
		const { body, unknown } = expand(['Intro.', '{% highlight md %}', '```js', '{% endhighlight %}', '```', '', 'After.'].join('\n'));
		expect(body.split('\n')).toEqual(['Intro.', '````md', '```js', '````', '```', '', 'After.']);
		expect(unknown).toEqual([
			{
				line: 5,
				text: '```',
				shownAs: 'a fence that nothing closes, and the rest of the post as code',
				reason: "it was written to close the fence inside the block above, which that block's {% endhighlight %} ended first. If that {% endhighlight %} is the block's code, write it as {% raw %}{% endhighlight %}{% endraw %} and close the block after this fence; else remove this fence",
			},
		]);
		// A closed fence after the block, or prose, is no mistake.
		expect(expand(['{% highlight md %}', '```js', '{% endhighlight %}', '', 'After.', '```sh', 'x', '```'].join('\n')).unknown).toEqual([]);
	});

	test('read thousands of code tags around fences, closed or left open, in linear time, and a line of 100 KB opening a highlight block in well under a second', () => {
		const started = performance.now();
		expect(expand('{{< code language="md" >}}\n```\nx\n```\n{{< /code >}}\n'.repeat(3_000)).body).toContain('````md\n```\nx\n```\n````');
		expect(expand('{% highlight md %}\n```\nx\n```\n{% endhighlight %}\n'.repeat(3_000)).body).toContain('````md\n```\nx\n```\n````');
		expand('{{< code language="md" >}}\n```\nx\n```\n'.repeat(3_000));
		expand('{% highlight md %}\n```\nx\n```\n'.repeat(3_000));
		expect(performance.now() - started).toBeLessThan(4_000);
		// A language read up to each of its characters took 40 s.
		const line = performance.now();
		expand(`{% highlight ${'a'.repeat(100_000)}\n\`\`\`\nx\n\`\`\`\n{% endhighlight %}`);
		expect(performance.now() - line).toBeLessThan(1_000);
	});

	test("turn themes' paired code shortcodes (Tranquilpeak's codeblock and tabbed-codeblock, hello-friend-ng's code and collapsible-code) into fenced code, so that their body is never the page's HTML, headings or math", () => {
		const source = [
			'{{< tabbed-codeblock tabbed_codeblock >}}',
			'<!-- tab html -->',
			'<style>body {width: 500px;}</style>',
			'<!-- endtab -->',
			'<!-- tab js -->',
			'const fence = "```";',
			'<!-- endtab -->',
			'{{< /tabbed-codeblock >}}',
			'{{< codeblock "apache.conf" >}}',
			'# rewrite`s rules',
			'RewriteRule .? /index.php?q=${map:${lower:%1}} [NC,L]',
			'{{< /codeblock >}}',
			'{{< code language="c" title="Really cool snippet" open="true" >}}',
			'#include <stdio.h>',
			'{{< /code >}}',
			'{{< collapsible-code language="CSS" title="Snippet" id="1" isCollapsed="false">}}',
			'pre { padding: 20px; }',
			'{{< /collapsible-code >}}',
			'{{< snippet lang="sh" >}}',
			'echo "$HOME"',
			'{{< /snippet >}}',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body).toBe(
			[
				'**tabbed\\_codeblock**',
				'```html title="html"',
				'<style>body {width: 500px;}</style>',
				'```',
				'````js title="js"',
				'const fence = "```";',
				'````',
				'',
				'```conf title="apache.conf"',
				'# rewrite`s rules',
				'RewriteRule .? /index.php?q=${map:${lower:%1}} [NC,L]',
				'```',
				'```c title="Really cool snippet"',
				'#include <stdio.h>',
				'```',
				'```css title="Snippet"',
				'pre { padding: 20px; }',
				'```',
				'```sh',
				'echo "$HOME"',
				'```',
			].join('\n'),
		);
		expect(unknown).toEqual([]);
	});

	test("leave a paired shortcode whose lang is a reader's language (fig-quote, langblock) as prose, its tags shown as written", () => {
		const source = '{{< fig-quote type="markdown" title="LLMs" link="https://blog.kagi.com/llms" lang="en" >}}\n- **Lying** means a choice.\n{{< /fig-quote >}}\n\n{{< langblock lang="fr" >}}\nDu *texte*.\n{{< /langblock >}}';
		const { body, unknown } = expand(source);
		expect(body).not.toContain('```');
		expect(body).toContain('- **Lying** means a choice.');
		expect(body).toContain('Du *texte*.');
		expect(unknown.map((item) => item.line)).toEqual([1, 3, 5, 7]);
		// A programming language, or Docsy's code=true, is code whatever the shortcode's name.
		const code = expand('{{< prism lang="rust" line-numbers="true" >}}\nimpl<T> Vec<T> {}\n{{< /prism >}}\n\n{{< card code=true header="**Bash**" lang="bash" >}}\n# list accounts\n{{< /card >}}\n\n{{< langblock lang="pt-br" >}}\nOlá.\n{{< /langblock >}}');
		expect(code.body.split('\n').slice(0, 7)).toEqual(['```rust', 'impl<T> Vec<T> {}', '```', '', '```bash', '# list accounts', '```']);
		expect(code.body).toContain('\nOlá.\n');
		expect(code.unknown.map((item) => item.line)).toEqual([9, 11]);
	});

	test('leave a paired shortcode that names a language but holds other shortcodes (a tab pane) to be read where it is', () => {
		const { body } = expand('{{< tabpane lang="bash" >}}\n{{< tab header="A" >}}\nls\n{{< /tab >}}\n{{< /tabpane >}}');
		expect(body).not.toContain('```bash');
	});

	test("turn Octopress's and Hexo's codeblock tags and Eleventy's quoted highlight into fenced code, so that the code is never read as HTML", () => {
		const source = [
			'{% codeblock lang:js %}',
			'// <script src="localforage.min.js"/>',
			'{% endcodeblock %}',
			'{% codeblock Time to be Awesome - awesome.rb http://example.com/awesome.rb Source %}',
			'puts "Awesome!"',
			'{% endcodeblock %}',
			'{% code lang:python mark:2 %}',
			'a = 1',
			'b = 2',
			'{% endcode %}',
			'{% highlight "js" %}',
			'let a;',
			'{% endhighlight %}',
			'After.',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body).toBe(
			[
				'```js',
				'// <script src="localforage.min.js"/>',
				'```',
				'```rb title="Time to be Awesome - awesome.rb"',
				'puts "Awesome!"',
				'```',
				'```python {2}',
				'a = 1',
				'b = 2',
				'```',
				'```js',
				'let a;',
				'```',
				'After.',
			].join('\n'),
		);
		expect(unknown).toEqual([]);
	});

	test("title a codeblock tag with its quoted title without the quotes, its spaces kept, as Hexo reads it; an apostrophe or a quote that nothing closes stays as written", () => {
		const tag = (args: string) => expand(`{% codeblock ${args} %}\nx\n{% endcodeblock %}`).body.split('\n')[0];
		expect(tag('"My title" lang:js')).toBe('```js title="My title"');
		expect(tag("'app.rb' http://example.com/app.rb Source")).toBe('```rb title="app.rb"');
		expect(tag('Title "x"')).toBe('```text title="Title x"');
		expect(tag('"Say \\"hi\\"" lang:sh')).toBe('```sh title=\'Say "hi"\'');
		expect(tag("Don't panic lang:py")).toBe('```py title="Don\'t panic"');
		expect(tag('"Half open lang:py')).toBe('```py title=\'"Half open\'');
		expect(tag('"" lang:py')).toBe('```py');
		// Quotes that close nowhere, each read once.
		const start = performance.now();
		expect(tag(`${'"a \'b '.repeat(15_000)}lang:py`)).toMatch(/^```py title=/);
		expect(performance.now() - start).toBeLessThan(1000);
	});

	test("show Hugo's escaped shortcodes unescaped in fenced, indented and inline code, as Hugo does, and run none there", () => {
		const source = '```\n{{%/* fig src="a.jpg" */%}}\n{{</* youtube w7Ft2ymGmfc */>}}\n```\n\n    {{</* gist a b */>}}\n\nWrite `{{</* x */>}}`, not `{{< x >}}`.';
		expect(expand(source).body).toBe('```\n{{% fig src="a.jpg" %}}\n{{< youtube w7Ft2ymGmfc >}}\n```\n\n    {{< gist a b >}}\n\nWrite `{{< x >}}`, not `{{< x >}}`.');
	});

	test("show Zola's escaped shortcodes unescaped in code, as Zola does, and keep a Go template's comment", () => {
		const source = '```\n{%/* mermaid() */%}\ngraph TD;\n{%/* end */%}\n{{/* youtube(id="x") */}}\n{{/* a note */}}\n```';
		expect(expand(source).body).toBe('```\n{% mermaid() %}\ngraph TD;\n{% end %}\n{{ youtube(id="x") }}\n{{/* a note */}}\n```');
	});

	test('show an unknown shortcode inside a block of raw HTML as an HTML code element, where backticks would show as written', () => {
		const { body, unknown } = expand('{{< mathjax >}}\n<p>\nInline math\n</p>\n{{</ mathjax >}}\n');
		expect(body).toBe('`{{< mathjax >}}`\n<p>\nInline math\n</p>\n<code>{{&lt;/ mathjax &gt;}}</code>\n');
		expect(unknown.map((item) => item.line)).toEqual([1, 5]);
	});

	test('say a closing shortcode of a known one has no opening, and name the unknown one that another closes', () => {
		expect(expand('a {{< /youtube >}}').unknown.map((item) => item.reason)).toEqual(['a closing shortcode without its opening one']);
		expect(expand('{{< /columns >}}').unknown.map((item) => item.reason)).toEqual(["it closes Hugo's columns shortcode, which is not one Carnet knows"]);
	});

	test("turn Hugo themes' mermaid blocks into fenced mermaid code, keeping every line number", () => {
		const source = 'Intro\n{{< mermaid class="optional" >}}\ngraph LR;\n  A-->B\n{{< /mermaid >}}\n{{% mermaid %}}\nsequenceDiagram\n{{% /mermaid %}}\n`{{< mermaid >}}` in code';
		const { body, unknown } = expand(source);
		expect(body).toBe('Intro\n```mermaid\ngraph LR;\n  A-->B\n```\n```mermaid\nsequenceDiagram\n```\n`{{< mermaid >}}` in code');
		expect(unknown).toEqual([]);
	});

	test("say that Hexo's note is read only as a paragraph of its own, where one shares a line with text", () => {
		const { unknown } = expand('Before {% note warning title %} content {% endnote %}');
		expect(unknown.map(({ text, reason }) => `${text}: ${reason}`)).toEqual([
			"{% note warning title %}: Carnet reads Hexo's note as a callout only when it is a paragraph of its own, {% note %} and {% endnote %} on lines of their own or around its text on one line; put it there",
			"{% endnote %}: it ends a Hexo note Carnet could not read as a callout: see the note's opening tag",
		]);
	});

	test("say which class of a Hexo note Carnet does not know, where the note's tags stand on lines of their own", () => {
		const { unknown } = expand('{% note glitter flat %}\nText.\n{% endnote %}');
		expect(unknown.map(({ text, reason }) => `${text}: ${reason}`)).toEqual([
			expect.stringMatching(/^\{% note glitter flat %\}: Hexo's note of the class glitter is not one Carnet knows \(it reads default, primary, secondary, light, info, .*\); give it one of those$/),
			"{% endnote %}: it ends a Hexo note Carnet could not read as a callout: see the note's opening tag",
		]);
	});

	test("turn Zola themes' mermaid shortcode into fenced mermaid code too, its arrows and quotes as written", () => {
		const { body, unknown } = expand('{% mermaid() %}\ngraph TD;\nA-->B["a \'quote\'"];\n{% end %}\n\n{% mermaid() %}\nnever closed');
		expect(body).toBe('```mermaid\ngraph TD;\nA-->B["a \'quote\'"];\n```\n\n`{% mermaid() %}`\nnever closed');
		expect(unknown.map(({ line }) => line)).toEqual([6]);
	});

	test("turn Zola themes' mermaid shortcode around a mermaid fence of its own into that fence, its tags' lines blank, and one with blank lines around its diagram into fenced code without them, each line on its line", () => {
		const wrapped = expand(['{% mermaid() %}', '', '```mermaid', 'sequenceDiagram', '    Bob-->>John: Jolly good!', '```', '', '{%- end %}', 'After.'].join('\n'));
		expect(wrapped.body.split('\n')).toEqual(['', '', '```mermaid', 'sequenceDiagram', '    Bob-->>John: Jolly good!', '```', '', '', 'After.']);
		expect(wrapped.unknown).toEqual([]);
		const bare = expand(['{% mermaid() %}', '', '', 'graph TD;', '', 'A-->B;', '', '{% end %}', '  {{< mermaid >}}', '', 'graph LR;', '  {{< /mermaid >}}', '{% <mermaid> %}', 'graph RL;', '', '{% </mermaid> %}', 'After.'].join('\n'));
		expect(bare.body.split('\n')).toEqual(['', '', '```mermaid', 'graph TD;', '', 'A-->B;', '```', '', '  ', '  ```mermaid', '  graph LR;', '  ```', '```mermaid', 'graph RL;', '```', '', 'After.']);
		expect(bare.unknown).toEqual([]);
	});

	test("show Zola's Tera component tags Carnet could not read as written, saying how to close or place them, and read many left open in linear time", () => {
		const { body, unknown } = expand(['{% <mermaid> %}', 'graph TD;', '', 'Text {% <admonition type="tip"> %} inline.', '{% </admonition> %}', '{{ <projects path="a.toml" /> }} {{ <x> %}'].join('\n'));
		expect(body.split('\n')).toEqual(['`{% <mermaid> %}`', 'graph TD;', '', 'Text `{% <admonition type="tip"> %}` inline.', '`{% </admonition> %}`', '`{{ <projects path="a.toml" /> }}` {{ <x> %}']);
		expect(unknown.map(({ line, text, reason }) => `${line} ${text}: ${reason}`)).toEqual([
			"1 {% <mermaid> %}: Zola's mermaid component wraps a diagram, and nothing closes this one; add {% </mermaid> %} where it ends",
			'4 {% <admonition type="tip"> %}: Carnet reads Zola\'s admonition component as a callout only when it is a paragraph of its own, its tags on lines of their own or around its text on one line, {% </admonition> %} closing it; put it there',
			"5 {% </admonition> %}: it closes Zola's admonition component, which Carnet could not read as a callout: see the component's opening tag",
			"6 {{ <projects path=\"a.toml\" /> }}: Zola's projects component is not one Carnet knows",
		]);
		const start = performance.now();
		expand(`${'{% <mermaid> %}\n'.repeat(3000)}${'{{ <a b="c" '.repeat(4000)}\n{% <x ${' '.repeat(100000)}`);
		expect(performance.now() - start).toBeLessThan(1000);
	});

	test("read hugo-theme-bootstrap's alert alone in its paragraph as a callout titled by its message, of its kind (info when none), and its jsfiddle, codepen, bilibili and youku as links to what they embed", () => {
		const source = [
			'{{< alert "Info" >}}',
			'',
			'{{< alert "Don\'t *do* this" danger >}}',
			'',
			'{{< alert "Saved" success >}}',
			'',
			'{{< jsfiddle "razonyang/bya1vuxn" >}}',
			'{{< codepen "YzWGJNQ" >}}',
			'{{< bilibili "BV11s411c7ZU" >}}',
			'{{< youku "XNTQwMTgxMTE2" >}}',
			'{{< youku "a b" >}}',
			'',
			'```',
			'{{< alert "Warning" warning >}}',
			'```',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body.split('\n')).toEqual([
			'> [!NOTE] Info',
			'',
			"> [!CAUTION] Don\\'t \\*do\\* this",
			'',
			'> [!TIP] Saved',
			'',
			'<https://jsfiddle.net/razonyang/bya1vuxn/>',
			'<https://codepen.io/razonyang/pen/YzWGJNQ>',
			'<https://www.bilibili.com/video/BV11s411c7ZU/>',
			'<https://v.youku.com/v_show/id_XNTQwMTgxMTE2.html>',
			'`{{< youku "a b" >}}`',
			'',
			'```',
			'{{< alert "Warning" warning >}}',
			'```',
		]);
		expect(unknown.map(({ line, reason }) => `${line}: ${reason}`)).toEqual(['11: Carnet could not read its arguments']);
	});

	test("leave out Liquid's and Hugo's comments, which are for the author, keeping every line number", () => {
		const source = 'A\n{% comment %}\nPrivate note\n{% endcomment %}\nB {{< comment >}}hidden{{< /comment >}} C\n{{% comment %}}\nTODO: ask Ana\n{{% /comment %}}\n`{% comment %}` in code';
		const { body, unknown } = expand(source);
		expect(body).toBe('A\n\n\n\nB  C\n\n\n\n`{% comment %}` in code');
		expect(unknown).toEqual([]);
	});

	test("leave out MDX comments, as Docusaurus 3 reads .md posts, its truncate one becoming the summary divider, and keep those in code", () => {
		const source = 'Intro.\n\n{/* truncate */}\n\nMore {/* a note\nto self */} text.\nWrite `{/* comment */}` in MDX.';
		const { body, unknown } = expand(source);
		expect(body).toBe('Intro.\n\n<!-- truncate -->\n\nMore \n text.\nWrite `{/* comment */}` in MDX.');
		expect(unknown).toEqual([]);
	});

	test("leave out Obsidian's comments, inline and in blocks, keeping every line number and naming each without its text", () => {
		const source = ['Shown %%hidden note%% too.', '%%', 'A private block,', '```', 'with code', '```', '%%', 'After.', '`%%in code%%` and 50 %% of it', '```', '%%', 'fenced', '%%', '```'].join('\n');
		const { body, unknown } = expand(source);
		expect(body.split('\n')).toEqual(['Shown  too.', '', '', '', '', '', '', 'After.', '`%%in code%%` and 50 %% of it', '```', '%%', 'fenced', '%%', '```']);
		expect(unknown.map(({ line, text, leftOut }) => [line, text, leftOut])).toEqual([
			[1, '%%…%%', true],
			[2, '%% … %%', true],
		]);
		expect(JSON.stringify(unknown)).not.toContain('hidden note');
	});

	test("leave out Obsidian's block IDs that end a paragraph or a list item, as its reading view hides them, naming each with its line; code, math, footnotes and an ID within a paragraph are kept", () => {
		const source = [
			'A paragraph with a block id. ^block-id-1',
			'',
			'- an item ^item-2',
			'- another item',
			'',
			'A line ^not-the-end',
			'ends its paragraph here.',
			'',
			'```',
			'code ^kept',
			'```',
			'',
			'$$',
			'x ^2',
			'$$',
			'',
			'A footnote[^1] and x^2 and `a ^b`',
			'',
			'[^1]: The note.',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body.split('\n')).toEqual(['A paragraph with a block id.', '', '- an item', '- another item', ...source.split('\n').slice(4)]);
		expect(unknown.map(({ line, text, leftOut }) => [line, text, leftOut])).toEqual([
			[1, '^block-id-1', true],
			[3, '^item-2', true],
		]);
	});

	test("leave out the block ID Obsidian writes on a line of its own after a table, a list or a quote, naming its line; one that does not follow such a block, or that its paragraph goes on after, is text", () => {
		const source = [
			'| a | b |',
			'| - | - |',
			'| 1 | 2 |',
			'',
			'^table-id',
			'',
			'- one',
			'- two',
			'',
			'^list-id',
			'',
			'> quote',
			'',
			'^quote-id',
			'',
			'A paragraph.',
			'',
			'^after-paragraph',
			'',
			'- item',
			'',
			'^goes-on',
			'with its paragraph.',
			'',
			'```',
			'| code |',
			'',
			'^in-code',
			'```',
		].join('\n');
		const { body, unknown } = expand(source);
		const lines = source.split('\n');
		expect(body.split('\n')).toEqual([...lines.slice(0, 4), '', ...lines.slice(5, 9), '', ...lines.slice(10, 13), '', ...lines.slice(14)]);
		expect(unknown.map(({ line, text, leftOut }) => [line, text, leftOut])).toEqual([
			[5, '^table-id', true],
			[10, '^list-id', true],
			[14, '^quote-id', true],
		]);
	});

	test("leave out Hugo's inline shortcodes, their Go template and scripts included, keeping every line number and naming each; code keeps them", () => {
		const source = [
			'Before {{< math.inline >}}',
			'{{ if not (.Page.Scratch.Get "katex") }}<script defer src="https://cdn.example/katex.js"></script>{{ end }}',
			'{{< /math.inline >}} after.',
			'Again: {{< math.inline />}} and {{% time.inline %}}{{ now }}{{% /time.inline %}}.',
			'```',
			'{{< code.inline >}}x{{< /code.inline >}}',
			'```',
			'An open {{< lonely.inline >}} and the rest.',
		].join('\n');
		const { body, unknown } = expand(source);
		expect(body.split('\n')).toEqual(['Before ', '', ' after.', 'Again:  and .', '```', '{{< code.inline >}}x{{< /code.inline >}}', '```', 'An open  and the rest.']);
		expect(unknown.map(({ line, text, leftOut }) => [line, text, leftOut])).toEqual([
			[1, '{{< math.inline >}}', true],
			[4, '{{< math.inline >}}', true],
			[4, '{{< time.inline >}}', true],
			[8, '{{< lonely.inline >}}', true],
		]);
	});

	test("turn Hugo Book's, Docsy's and Hexo's tabs into bold titles above their content, and a Docsy tab of code into titled fenced code, each line on its line", () => {
		const hugo = ['{{< tabs "os" >}}', '{{< tab "MacOS" >}}', 'Use brew.', '{{< /tab >}}', '{{< tab "Linux" >}}', '```sh', 'apt install x', '```', '{{< /tab >}}', '{{< /tabs >}}'].join('\n');
		expect(expand(hugo).body.split('\n')).toEqual(['', '**MacOS**', 'Use brew.', '', '**Linux**', '```sh', 'apt install x', '```', '', '']);
		const docsy = ['{{< tabpane >}}', '{{< tab header="XML" lang="xml" >}}', '<response id="7"/>', '{{< /tab >}}', '{{< /tabpane >}}'].join('\n');
		expect(expand(docsy).body.split('\n')).toEqual(['', '```xml title="XML"', '<response id="7"/>', '```', '']);
		const hexo = ['{% tabs setup %}', '<!-- tab 通过pip命令来配置 -->', 'pip config', '<!-- endtab -->', '<!-- tab Fichier@fas fa-bomb -->', 'Edit it.', '<!-- endtab -->', '<!-- tab Pear @fas  fa-lemon -->', 'Pear text', '<!-- endtab -->', '{% endtabs %}'].join('\n');
		expect(expand(hexo).body.split('\n')).toEqual(['', '**通过pip命令来配置**', 'pip config', '', '**Fichier**', 'Edit it.', '', '**Pear**', 'Pear text', '', '']);
		expect(expand('{% tabs g %}\n{%- tab g Ruby -%}\nputs 1\n{% endtab %}\n{% endtabs %}').body.split('\n')).toEqual(['', '**Ruby**', 'puts 1', '', '']);
		expect(expand(hugo).unknown).toEqual([]);
		// A tab's icon is read in linear time: 100,000 spaces after its @ take no time.
		const spaces = `{% tabs t %}\n<!-- tab a@${' '.repeat(100_000)}x\n<!-- tab ${' '.repeat(100_000)}x\n{% tab g ${' '.repeat(100_000)}x\n{% endtabs %}`;
		const start = performance.now();
		expandShortcodes(spaces, context);
		expect(performance.now() - start).toBeLessThan(2000);
		// Hugo Coder's tab group, its first tab on the group's line.
		const coder = expand('{{< tabgroup >}} {{< tab name="Hello" >}}\nHello World!\n{{< /tab >}}\n{{< /tabgroup >}}');
		expect(coder.body.split('\n')).toEqual([' **Hello**', 'Hello World!', '', '']);
		expect(coder.unknown).toEqual([]);
	});

	test("leave out a Hexo tab's opening that lacks its -->, with its line, and keep the rest of the post", () => {
		const { body, unknown } = expand('Intro.\n\n{% tabs t %}\n<!-- tab A\ntext\n<!-- endtab -->\n<!-- tab B -->\nmore\n<!-- endtab -->\n{% endtabs %}\n\nAfter.\n');
		expect(body).toBe('Intro.\n\n\n\ntext\n\n**B**\nmore\n\n\n\nAfter.\n');
		expect(unknown).toEqual([
			{ line: 4, text: '<!-- tab A', reason: "a Hexo tab's opening needs --> at the end of its line, or it opens an HTML comment that hides the rest of the post. End it with --> (<!-- tab A -->)", leftOut: true },
		]);
		// Thousands of them are read in one pass.
		const many = `{% tabs t %}\n${'<!-- tab x\n'.repeat(20_000)}{% endtabs %}`;
		const start = performance.now();
		expect(expand(many).unknown).toHaveLength(20_000);
		expect(performance.now() - start).toBeLessThan(1000);
	});

	test("turn Hugo Book's katex shortcode into math, within a line and displayed, and leave out its {{< katex />}} that loads KaTeX", () => {
		expect(expand('Inline {{< katex >}}\\pi(x){{< /katex >}} here.\n\n{{< katex display >}}\nf(x) = x^2\n{{< /katex >}}\n').body).toBe('Inline $\\pi(x)$ here.\n\n$$\nf(x) = x^2\n$$\n');
		const book = expand('{{< katex />}}\n\n{{< katex display=true >}}\nf(x) = \\hat f(\\xi)\\,d\\xi\n{{< /katex >}}\n\n{{< katex display=true >}}x{{< /katex >}}\n');
		expect(book.body).toBe('\n\n$$\nf(x) = \\hat f(\\xi)\\,d\\xi\n$$\n\n$$ x $$\n');
		expect(book.unknown).toEqual([]);
	});

	test("keep Hugo Book's display math written on one line on its line, so that a warning about a later line names it", () => {
		const { body, unknown, lines } = expand('{{< katex display >}}x^2{{< /katex >}}\n\n{{< katex display=true >}} y {{< /katex >}}\n\n{{< nope >}}\n');
		expect(body.split('\n').slice(0, 3)).toEqual(['$$ x^2 $$', '', '$$ y $$']);
		expect(lines).toBeUndefined();
		expect(unknown.map(({ line, text }) => ({ line, text }))).toEqual([{ line: 5, text: '{{< nope >}}' }]);
	});

	test('put display math written among text on lines of its own, each said to be on the line it was written on, in its list item or quote', () => {
		const among = expand('{{< katex display >}}x{{< /katex >}}\nMore text right after.\n\n{{< nope >}}\n');
		expect(among.body.split('\n').slice(0, 4)).toEqual(['$$', 'x', '$$', 'More text right after.']);
		expect(among.lines?.slice(0, 6)).toEqual([1, 1, 1, 2, 3, 4]);
		expect(among.unknown.map(({ line, text }) => ({ line, text }))).toEqual([{ line: 4, text: '{{< nope >}}' }]);
		const item = expand('- text {{< katex display >}}y{{< /katex >}} more {% katex(block=true) %}{z}{% end %}\n\nRest.');
		expect(item.body.split('\n')).toEqual(['- text', '  $$', '  y', '  $$', '  more', '  $$', '  {z}', '  $$', '', 'Rest.']);
		expect(item.lines).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
		expect(expand('> Quote {{< katex display >}}y{{< /katex >}}\n> more').body).toBe('> Quote\n> $$\n> y\n> $$\n> more');
		expect(expand('1. {{< katex display >}}y{{< /katex >}} after').body).toBe('1. $$\n   y\n   $$\n   after');
	});

	test('say that display math written over lines with text right after its tags is on the lines it was written on, so that a warning about a later line names it', () => {
		const { body, unknown, lines } = expand('{{< katex display >}}x = 1\ny{{< /katex >}}\n\n{{< nope >}}\n');
		expect(body.split('\n').slice(0, 4)).toEqual(['$$', 'x = 1', 'y', '$$']);
		expect(lines?.slice(0, 7)).toEqual([1, 1, 2, 2, 3, 4, 5]);
		expect(unknown.map(({ line, text }) => ({ line, text }))).toEqual([{ line: 4, text: '{{< nope >}}' }]);
	});

	test("keep display math that is a list item or a quote's paragraph of its own on its line, the rest of the post no formula", () => {
		const { body, lines } = expand('- {{< katex display >}}y{{< /katex >}}\n\nThe rest of the post.\n\n- a\n- {{< katex display >}}z{{< /katex >}}\n- b\n');
		expect(body).toBe('- $$ y $$\n\nThe rest of the post.\n\n- a\n- $$ z $$\n- b\n');
		expect(lines).toBeUndefined();
		expect(expand('> {{< katex display >}}y{{< /katex >}}\n>\n> Text.').body).toBe('> $$ y $$\n>\n> Text.');
	});

	test("read a line of thousands of Hugo Book's display formulas in linear time", () => {
		const line = '{{< katex display >}}x{{< /katex >}}'.repeat(22_000);
		const started = performance.now();
		expect(expand(line).body.split('\n')).toHaveLength(22_000 * 3);
		expect(performance.now() - started).toBeLessThan(1_500);
	});

	test("turn Zola's katex shortcode into display math with block=true and inline math without, and leave out Relearn's math tags around a formula, each line on its line", () => {
		const zola = expand('{% katex(block=false) %} e^{i\\pi}+1=0 {% end %}\n\n{% katex(block=true) %} \\int_0^1 x^2 dx {% end %}\n\n{% katex(block=true) %}\nx^2\n{% end %}\n');
		expect(zola.body).toBe('$e^{i\\pi}+1=0$\n\n$$ \\int_0^1 x^2 dx $$\n\n$$\nx^2\n$$\n');
		expect(zola.unknown).toEqual([]);
		const relearn = expand('{{< math >}}\n$$\\left( \\sum_{k=1}^n a_k b_k \\right)^2$$\n{{< /math >}}\n\n{{< math align="center" >}}x^2{{< /math >}}\n');
		expect(relearn.body).toBe('\n$$\\left( \\sum_{k=1}^n a_k b_k \\right)^2$$\n\n\n$$ x^2 $$\n');
		expect(relearn.unknown).toEqual([]);
	});

	test("render the Liquid katex tag of DEV, jekyll-katex and hexo-katex as math: display over lines of its own, alone in its paragraph or with display, inline among text or with inline, its ... as written", async () => {
		const written = [
			'Defined as {% katex %}P(A_1,...,A_n){% endkatex %} here, and {% katex inline %} x...y {% endkatex %}.',
			'',
			'{% katex %}',
			'L(\\theta|x_1,...,x_n)=\\prod_i^n p(x_i|\\theta)',
			'{% endkatex %}',
			'',
			'{% katex %} e^{i\\pi} {% endkatex %}',
			'',
			'Then {% katex display %}a+b{% endkatex %} after.',
			'',
			'`{% katex %}x{% endkatex %}` in code.',
		].join('\n');
		const { body, unknown } = expand(written);
		expect(unknown).toEqual([]);
		const $ = await renderedMarkdown(body);
		const tex = (selector: string) => $(selector).map((_, math) => $(math).find('annotation').text()).get();
		expect(tex('math[display="block"]')).toEqual(['L(\\theta|x_1,...,x_n)=\\prod_i^n p(x_i|\\theta)', 'e^{i\\pi}', 'a+b']);
		expect(tex('math:not([display="block"])')).toEqual(['P(A_1,...,A_n)', 'x...y']);
		expect($('p').first().text()).toMatch(/^Defined as .* here, and .*\.$/);
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['{% katex %}x{% endkatex %}']);
	});

	test("read Hugo Book's steps and columns as what they hold, without the columns' <---> lines, and its button to an address as a link", () => {
		const steps = expand('{{% steps %}}\n1. ## One\n   Text.\n{{% /steps %}}\n\n{{% columns %}}\nLeft.\n\n<--->\n\nRight.\n{{% /columns %}}\n');
		expect(steps.body).toBe('\n1. ## One\n   Text.\n\n\n\nLeft.\n\n<!-- -->\n\nRight.\n\n');
		expect(steps.unknown).toEqual([]);
		// Lists in columns written without blank lines stay two lists.
		expect(expand('{{% columns %}}\n- left a\n- left b\n<--->\n- right a\n{{% /columns %}}').body).toBe('\n- left a\n- left b\n<!-- -->\n- right a\n');
		const buttons = expand('{{< button href="https://example.com/x" >}}Get [it]{{< /button >}} {{< button href="javascript:x" >}}No{{< /button >}}');
		// One to an address that runs script is a Markdown link too, which loses its address as any does.
		expect(buttons.body).toBe('[Get \\[it\\]](<https://example.com/x>) [No](<javascript:x>)');
		expect(buttons.unknown).toEqual([]);
	});

	test("read Hexo Fluid's label as its text, marked", () => {
		const { body, unknown } = expand('A {% label primary @Important <text> %} here.');
		expect(body).toBe('A <mark>Important &lt;text&gt;</mark> here.');
		expect(unknown).toEqual([]);
	});

	test("show code tags inside {% raw %} as written, as al-folio's post teaching them writes them, and read {% raw %} inside a code tag as its code", () => {
		const { body, unknown } = expand('{% raw %}\n{% highlight c++ linenos %}code{% endhighlight %}\n{% endraw %}\n\nInline {% raw %}{% highlight js %}x{% endhighlight %}{% endraw %}.\n\n{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}\n');
		expect(body).toBe('\n{% highlight c++ linenos %}code{% endhighlight %}\n\n\nInline {% highlight js %}x{% endhighlight %}.\n\n```liquid\n{{ page.title }}\n```\n');
		expect(unknown).toEqual([]);
	});

	test("read jekyll-tabs' tabs (al-folio's) as a bold title above each tab's content", () => {
		const { body, unknown } = expand('{% tabs log %}\n\n{% tab log php %}\n\n```php\nvar_dump(1);\n```\n\n{% endtab %}\n\n{% tab log js %}\n\nText.\n\n{% endtab %}\n\n{% endtabs %}\n');
		expect(body).toBe('\n\n**php**\n\n```php\nvar_dump(1);\n```\n\n\n\n**js**\n\nText.\n\n\n\n\n');
		expect(unknown).toEqual([]);
	});

	test('put the content of a tab written on one line under its title, a title ending in punctuation bold too', () => {
		expect(expand('{{< tabs >}}{{< tab "C++" >}}content one{{< /tab >}}{{< tab "Node.js" >}}content two{{< /tab >}}{{< /tabs >}}\n').body).toBe(
			'<strong>C++</strong><br>content one<br><strong>Node.js</strong><br>content two\n',
		);
	});

	test("leave out Blowfish's and Congo's lone {{< katex >}}, and read Hugo's vimeo_simple and twitter_simple as links", () => {
		const { body, unknown } = expand('{{< katex >}}\n\nMath.\n\n{{< vimeo_simple 48912912 >}}\n\n{{< twitter_simple user="DesignReviewed" id="1085870671291310081" >}}\n');
		expect(body).toBe('\n\nMath.\n\n<a href="https://vimeo.com/48912912">Watch on Vimeo</a>\n\n<https://x.com/DesignReviewed/status/1085870671291310081>\n');
		expect(unknown).toEqual([]);
	});

	test('leave out {% raw %} and {% endraw %} around a fenced block, whose code keeps its tags as written', () => {
		const { body, unknown } = expand('{% raw %}\n```liquid\n{{ site.url }} {% if x %}\n```\n{% endraw %}\n');
		expect(body).toBe('\n```liquid\n{{ site.url }} {% if x %}\n```\n\n');
		expect(unknown).toEqual([]);
	});

	test("leave out Hugo themes' toc shortcode, as Carnet shows a table of contents by itself", () => {
		const { body, unknown } = expand('Intro.\n\n{{% toc %}}\n\n{{< toc >}}\n\nText.');
		expect(body).toBe('Intro.\n\n\n\n\n\nText.');
		expect(unknown.map(({ line, leftOut }) => [line, leftOut])).toEqual([
			[3, true],
			[5, true],
		]);
	});

	test('show as written, with the reason, a figure whose link or image is a script', () => {
		const { body, unknown } = expand('{{< figure src="javascript:alert(1)" alt="x" >}}\n\n{% include figure image_path="vbscript:x" %}\n\n{{< figure src="/a.png" attrlink="javascript:y" attr="Me" >}}');
		expect(body).not.toMatch(/<img|<a /);
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[1, 'its image, "javascript:alert(1)", is a script, not an image'],
			[3, 'its image, "vbscript:x", is a script, not an image'],
			[5, 'its link, "javascript:y", would run script on your site when clicked; link to a page instead'],
		]);
	});

	test('leave an inline shortcode in a code span as written, as a post about Hugo shows it', () => {
		const source = 'Define one with `{{< time.inline >}}{{ now }}{{< /time.inline >}}` and call it with `{{< time.inline />}}`.';
		const { body, unknown } = expand(source);
		expect(body).toBe(source);
		expect(unknown).toEqual([]);
	});

	test('leave out 20,000 inline shortcodes that nothing closes in one pass', () => {
		const { unknown } = expand('{{< a.inline >}} '.repeat(20_000));
		expect(unknown).toHaveLength(20_000);
	});

	test('keep the HTML of a rawhtml block as written, shortcode-like text inside included, each line on its line', () => {
		const source = 'Before\n{{< rawhtml >}}\n<div class="map">{{< not-a-shortcode >}}</div>\n{{< /rawhtml >}}\nAfter {{< rawhtml >}}<kbd>Ctrl</kbd>{{< /rawhtml >}}';
		const { body, unknown } = expand(source);
		expect(body).toBe('Before\n\n<div class="map">{{< not-a-shortcode >}}</div>\n\nAfter <kbd>Ctrl</kbd>');
		expect(unknown).toEqual([]);
	});

	test('turn highlight blocks of a file with Windows line ends into the same fenced code, without a blank first line', () => {
		const source = 'a\r\n{{< highlight go >}}\r\nx := 1\r\n{{< /highlight >}}\r\n{% highlight ruby %}\r\nputs 1\r\n{% endhighlight %}\r\n';
		expect(expand(source).body.replaceAll('\r', '')).toBe(expand(source.replaceAll('\r', '')).body);
	});

	test('turn ref, relref, post_url and link into post addresses', () => {
		expect(expand('[a]({{< ref "other.md#part" >}}) [b]({{< relref "/posts/nested/index.md" >}})').body).toBe('[a](/blog/posts/other/#part) [b](/blog/posts/nested/)');
		expect(expand('[c]({% post_url 2024-01-05-old-post %}) [d]({% link _posts/2023-02-01-x.md %})').body).toBe('[c](/blog/2024/01/05/old-post/) [d](/blog/2023/02/01/x/)');
	});

	test("turn Jekyll's site.url before a path into nothing, so the path is one from the root, and keep it elsewhere", () => {
		const { body } = expand('![a]({{ site.url }}{{ site.baseurl }}/assets/a.png) [b]({{site.url}}/about/) Visit {{ site.url }}.');
		expect(body).toBe('![a](/assets/a.png) [b](/about/) Visit `{{ site.url }}`.');
	});

	test("show the rest of Jekyll's Liquid output as written, as code, with a warning naming the line", () => {
		const { body, unknown } = expand('By {{ site.author }} on {{ page.date | date: "%Y" }}.\n\n`{{ page.title }}` {{ vue.binding }}');
		expect(body).toBe('By `{{ site.author }}` on `{{ page.date | date: "%Y" }}`.\n\n`{{ page.title }}` {{ vue.binding }}');
		expect(unknown).toEqual([
			{ line: 1, text: '{{ site.author }}', reason: 'Jekyll fills in site.author from its site and page data, which Carnet does not have' },
			{ line: 1, text: '{{ page.date | date: "%Y" }}', reason: 'Jekyll fills in page.date from its site and page data, which Carnet does not have' },
		]);
	});

	test("fill in {{ page.<key> }} from the post's own front matter, as written, escaped for an image's alt text, address and title, a tag's attribute and text", () => {
		const params = { layout: 'post', title: 'C++ & [Clang]', image: '/assets/img/my (1).jpg', description: "It's *new*", hero: { path: '/a.png' }, count: 3, Author: 'Ana', notes: 'One\nTwo' };
		const source = [
			"![{{ page.title }}]({{ page.image }} '{{ page.description }}')",
			'',
			'<img src="{{ page.image }}" alt="{{ page.title }}">',
			'',
			'And ![x](<{{ page.image }}>) by {{ page.Author }} in {{ page.hero.path }}.',
			'',
			'Kept: {{ page.count }}, {{ page.author }}, {{ page.title | upcase }}, {{- page.title }}, {{ page.url }}, {{ page.notes }}, {{ page.hero }}.',
			'',
			'`{{ page.title }}` {% raw %}{{ page.title }}{% endraw %}',
			'',
			'```liquid',
			'{{ page.title }}',
			'```',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-clang.md', params });
		expect(body.split('\n')).toEqual([
			"![C\\+\\+ \\& \\[Clang\\]](/assets/img/my%20\\(1\\).jpg 'It\\'s \\*new\\*')",
			'',
			'<img src="/assets/img/my (1).jpg" alt="C++ &amp; [Clang]">',
			'',
			'And ![x](</assets/img/my (1).jpg>) by Ana in \\/a\\.png.',
			'',
			'Kept: `{{ page.count }}`, `{{ page.author }}`, `{{ page.title | upcase }}`, `{{- page.title }}`, `{{ page.url }}`, `{{ page.notes }}`, `{{ page.hero }}`.',
			'',
			'`{{ page.title }}` {{ page.title }}',
			'',
			'```liquid',
			'{{ page.title }}',
			'```',
		]);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([
			[7, '{{ page.count }}'],
			[7, '{{ page.author }}'],
			[7, '{{ page.title | upcase }}'],
			[7, '{{- page.title }}'],
			[7, '{{ page.url }}'],
			[7, '{{ page.notes }}'],
			[7, '{{ page.hero }}'],
		]);
	});

	test("fill in {{ page.<key> }} inside a <script> or <style> as the value its code reads, a string's quotes escaped, with nothing that ends the element, as Sätteri renders it", async () => {
		const title = 'Tom & "Jerry" </script><!-- \\ \'it\'s\' `${x}`';
		const params = { title, hero: '/img/a.png' };
		const source = [
			'Intro.',
			'',
			'<script>',
			'var double = "{{ page.title }}"; // {{ page.title }}',
			"var single = '{{ page.title }}';",
			'var code = "{{ page.title | jsonify }}";',
			'</script>',
			'',
			'<script type="application/ld+json">',
			'{"name": "{{ page.title }}"}',
			'</script>',
			'',
			'<style>',
			'.a::after { content: "{{ page.title }}"; background: url({{ page.hero }}); }',
			'</style>',
			'',
			'After {{ page.title }}.',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
		const [script, json] = $('script').map((_, element) => $(element).text()).get();
		expect($('script')).toHaveLength(2);
		expect(new Function(`${script}; return [double, single, code];`)()).toEqual([title, title, '{{ page.title | jsonify }}']);
		expect(script).toContain(`// ${title.replaceAll('</', '<\\/').replace('<!--', '<\\!--')}`);
		expect(JSON.parse(json as string)).toEqual({ name: title });
		expect($('style').text()).toBe('\n.a::after { content: "Tom & \\22 Jerry\\22  \\3c /script>\\3c !-- \\5c  \\27 it\\27 s\\27  `${x}`"; background: url(/img/a.png); }\n');
		expect($('p').last().text()).toBe(`After ${title}.`);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[6, '{{ page.title | jsonify }}']]);
	});

	test("leave {{ page.<key> }} as written in a <script>, reported, where its value would form an end tag, <!-- or <script with the code around it, and escape a string's / too", async () => {
		const params = { x: '/script><img src=x onerror=alert(1)>', y: '-<script>' };
		const source = ['<script>', 'if (a <{{ page.x }}) b();', 'var h = "<{{ page.x }}";', '//<!-{{ page.y }}', 'var c = 1;', '</script>', '', 'After.'].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
		expect($('script')).toHaveLength(1);
		expect($('script').text()).toBe(['', 'if (a <{{ page.x }}) b();', 'var h = "<\\/script>\\u003Cimg src=x onerror=alert(1)>";', '//<!-{{ page.y }}', 'var c = 1;', ''].join('\n'));
		expect($('img')).toHaveLength(0);
		expect($('p').text()).toBe('After.');
		expect(unknown.map(({ line, text, reason }) => [line, text, reason])).toEqual([
			[
				2,
				'{{ page.x }}',
				'its value in the front matter, "/script><img src=x onerror=alert(1)>", would write "</script" in its <script> with the text around it, which ends the element or hides its end from the browser; write the value in the code itself',
			],
			[4, '{{ page.y }}', 'its value in the front matter, "-<script>", would write "<!--" in its <script> with the text around it, which ends the element or hides its end from the browser; write the value in the code itself'],
		]);
	});

	test('read the string a {{ page.<key> }} stands in past a block comment, a regular expression and a division, and leave it as written, reported, where a template literal from an earlier line holds it', async () => {
		const x = 'It\'s "q" `${1}`';
		const source = [
			'<script>',
			"/* let's */ var t = '{{ page.x }}';",
			'var r = /"/; var u = \'{{ page.x }}\';',
			'var w = (2 + 4) / 2, v = "{{ page.x }}";',
			'var m = `line',
			'{{ page.x }}`;',
			'var n = "{{ page.x }}";',
			'</script>',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params: { x } });
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
		expect(new Function(`${$('script').text()}; return [t, u, v, m, n];`)()).toEqual([x, x, x, 'line\n{{ page.x }}', '{{ page.x }}']);
		const unsure = 'Carnet cannot tell whether it stands in a string of its <script> (a string, template literal or regular expression on an earlier line is left open), so as to escape its value, "It\'s \\"q\\" `${1}`"; write the value in the code itself';
		expect(unknown.map(({ line, text, reason }) => [line, text, reason])).toEqual([
			[6, '{{ page.x }}', unsure],
			[7, '{{ page.x }}', unsure],
		]);
	});

	test('fill in 100 KB of {{ page.<key> }} on one line of a <script> in linear time', () => {
		for (const line of [`<script>${'"{{ page.t }}" '.repeat(7000)}</script>`, '<script>{{ page.t }}'.repeat(5000)]) {
			const started = performance.now();
			const { body } = expandShortcodes(line, context, { file: '/site/_posts/2023-01-06-a.md', params: { t: 'T' } });
			expect(performance.now() - started).toBeLessThan(1_000);
			expect(body).not.toContain('{{');
		}
	});

	test("leave {{ page.<key> }} as written in an address that its front-matter value would make run script, as a link's or a source's, reported", () => {
		const params = { link: 'javascript:alert(1)', data: 'data:text/html,<b>x</b>', pixel: 'data:image/png;base64,AA==', safe: 'https://example.org/' };
		const source = '<a href="{{ page.link }}">a</a> <a href={{ page.data }}>b</a> <img src="{{ page.link }}"> <img src="{{ page.pixel }}"> <a href="{{ page.safe }}" title="{{ page.link }}">c</a>';
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		expect(body).toBe('<a href="{{ page.link }}">a</a> <a href={{ page.data }}>b</a> <img src="{{ page.link }}"> <img src="data:image/png;base64,AA=="> <a href="https://example.org/" title="javascript:alert(1)">c</a>');
		expect(unknown.map(({ reason }) => reason)).toEqual([
			'its value in the front matter, "javascript:alert(1)", would run script on your site when clicked; link to a page instead',
			'its value in the front matter, "data:text/html,<b>x</b>", would run script on your site when clicked; link to a page instead',
			'its value in the front matter, "javascript:alert(1)", would run script on your site when loaded; name a file instead',
		]);
	});

	test("leave {{ page.<key> }} as written, reported, where its value would run script through any attribute of its tag: one on the tag's next line, an event handler, a meta refresh, a frame's, an object's, an embed's or a form's address, an srcdoc page, an SVG link", async () => {
		const params = { link: 'javascript:alert(1)', page: 'data:text/html,<script>alert(1)</script>', code: 'alert(1)', markup: '<script>alert(1)</script>', safe: 'https://example.org/a_b_' };
		const source = [
			'<a class="c"',
			'   href="{{ page.link }}">a</a> <a class="c"',
			'   href="{{ page.safe }}">b</a>',
			'',
			'<img src="/x.png" alt="" onerror="{{ page.code }}"> <p OnClick="{{ page.code }}">c</p>',
			'',
			'<meta content="0; URL=\'{{ page.link }}\'" http-equiv="Refresh">',
			'',
			'<iframe src="{{ page.page }}"></iframe> <iframe srcdoc="{{ page.markup }}"></iframe> <iframe srcdoc="{{ page.safe }}"></iframe>',
			'',
			'<object data="{{ page.page }}"></object> <embed src="{{ page.page }}"> <form action="{{ page.link }}"><button formaction="{{ page.page }}">d</button></form>',
			'',
			'<svg><a xlink:href="{{ page.link }}"><text>e</text></a></svg>',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
		const written = $('*')
			.toArray()
			.flatMap((element) => Object.entries($(element).attr() ?? {}).map(([name, value]) => `${$(element).prop('tagName')?.toLowerCase()} ${name}=${value}`))
			.filter((attribute) => attribute.includes('{{') || attribute.includes('example.org'));
		expect(written).toEqual([
			'a href={{ page.link }}',
			'a href=https://example.org/a_b_',
			'img onerror={{ page.code }}',
			'p onclick={{ page.code }}',
			"meta content=0; URL='{{ page.link }}'",
			'iframe src={{ page.page }}',
			'iframe srcdoc={{ page.markup }}',
			'iframe srcdoc=https://example.org/a_b_',
			'object data={{ page.page }}',
			'embed src={{ page.page }}',
			'form action={{ page.link }}',
			'button formaction={{ page.page }}',
			// parse5 names SVG's xlink:href by its local name.
			'a href={{ page.link }}',
		]);
		const run = (value: string, how: string) => `its value in the front matter, ${JSON.stringify(value)}, would run script on your site ${how}`;
		expect(unknown.map(({ line, text, reason }) => [line, text, reason])).toEqual([
			[2, '{{ page.link }}', run(params.link, 'when clicked; link to a page instead')],
			[5, '{{ page.code }}', run(params.code, 'as the code of its onerror attribute; write the code in the post itself')],
			[5, '{{ page.code }}', run(params.code, 'as the code of its onclick attribute; write the code in the post itself')],
			[7, '{{ page.link }}', run(params.link, 'when the page is opened; redirect to a page instead')],
			[9, '{{ page.page }}', run(params.page, 'when loaded; name a file instead')],
			[9, '{{ page.markup }}', run(params.markup, "in the page its srcdoc attribute embeds; write the page's HTML in the post itself")],
			[11, '{{ page.page }}', run(params.page, 'when loaded; name a file instead')],
			[11, '{{ page.page }}', run(params.page, 'when loaded; name a file instead')],
			[11, '{{ page.link }}', run(params.link, 'when the form is sent; send it to a page instead')],
			[11, '{{ page.page }}', run(params.page, 'when the form is sent; send it to a page instead')],
			[13, '{{ page.link }}', run(params.link, 'when clicked; link to a page instead')],
		]);
	});

	test("leave {{ page.<key> }} as written, reported, where it gives an SVG animation a scripting address, and in a <base>'s address whatever it is", async () => {
		const params = { link: 'javascript:alert(document.domain)', safe: 'https://example.org/', colour: 'red' };
		const source = [
			'<svg><a><animate attributeName="href" values="{{ page.link }}"/><text>a</text></a></svg>',
			'',
			'<svg><a><set attributeName="href" to="{{ page.link }}"/><animate attributeName="xlink:href" from="/" by="{{ page.link }}"/><text>b</text></a></svg>',
			'',
			'<svg><a><animate attributeName="href" values="/a;{{ page.link }}"/><animateTransform from="{{ page.link }}"/><text>c</text></a></svg>',
			'',
			'<svg><rect><animate attributeName="fill" values="{{ page.colour }}"/></rect></svg>',
			'',
			'<base href="{{ page.safe }}">',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const $ = await renderedMarkdown(body);
		const written = $('*')
			.toArray()
			.filter((element) => /^(?:animate|set|animatetransform|base)$/i.test($(element).prop('tagName') ?? ''))
			.flatMap((element) => Object.entries($(element).attr() ?? {}).filter(([name]) => name.toLowerCase() !== 'attributename').map(([name, value]) => `${name}=${value}`));
		expect(written).toEqual(['values={{ page.link }}', 'to={{ page.link }}', 'from=/', 'by={{ page.link }}', 'values=/a;{{ page.link }}', 'from={{ page.link }}', 'values=red', 'href={{ page.safe }}']);
		const animated = `its value in the front matter, ${JSON.stringify(params.link)}, would run script on your site when clicked, as the address its animation gives a link; link to a page instead`;
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[1, animated],
			[3, animated],
			[3, animated],
			[5, animated],
			[5, animated],
			[9, `its value in the front matter, ${JSON.stringify(params.safe)}, would run script on your site as the address its <base> makes every address of the page relative to, the theme's own scripts' included; leave the <base> out`],
		]);
	});

	test('let {{ page.<key> }} give an SVG animation a data: picture other than SVG, which cannot run script, and keep refusing javascript:, an HTML page and an SVG picture', async () => {
		const params = { png: 'data:image/png;base64,iVBORw0KGgo=', gif: 'data:image/GIF,GIF89a', svg: 'data:image/svg+xml;base64,PHN2Zz4=', spaced: 'data: Image/SVG+XML ,<svg onload=alert(1)>', html: 'data:text/html,<script>alert(1)</script>', link: 'javascript:alert(1)' };
		const source = [
			'<svg><image href="a.png"><animate attributeName="href" values="{{ page.png }}"/><set attributeName="href" to="{{ page.gif }}"/></image></svg>',
			'',
			'<svg><image href="a.png"><animate attributeName="href" values="{{ page.svg }}"/><set attributeName="href" to="{{ page.spaced }}"/><set attributeName="href" to="{{ page.html }}"/><animate attributeName="href" values="{{ page.png }};{{ page.link }}"/></image></svg>',
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const $ = await renderedMarkdown(body);
		const written = $('*')
			.toArray()
			.filter((element) => /^(?:animate|set)$/i.test($(element).prop('tagName') ?? ''))
			.map((element) => $(element).attr('values') ?? $(element).attr('to'));
		expect(written).toEqual([params.png, params.gif, '{{ page.svg }}', '{{ page.spaced }}', '{{ page.html }}', '{{ page.png }};{{ page.link }}']);
		// A picture in the same attribute as a scripting address is left as written with it: the attribute is checked whole.
		expect(unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['3 {{ page.svg }}', '3 {{ page.spaced }}', '3 {{ page.html }}', '3 {{ page.png }}', '3 {{ page.link }}']);
	});

	test('read a tag that goes on over the lines of a quote, and one too long to read whole, for what {{ page.<key> }} writes in it: a safe address as an attribute\'s, a scripting one left as written, reported', async () => {
		const params = { link: 'javascript:alert(1)', safe: 'https://example.org/a_b_' };
		const attributes = Array.from({ length: 9 }, (_, index) => `data-${index}="1"`).join('\n');
		const source = [
			'> <a class="c"',
			'> href="{{ page.safe }}">a</a> and <a class="d"',
			'>   href="{{ page.link }}">b</a>',
			'',
			`<a title="${'x'.repeat(2_100)}"`,
			'href="{{ page.safe }}">c</a> <a title="x"',
			`data-long="${'y'.repeat(2_100)}"`,
			'href="{{ page.link }}">d</a>',
			'',
			`<a\n${attributes}\nhref="{{ page.safe }}">e</a> <a`,
			`${attributes}\nonclick="{{ page.safe }}" href="{{ page.link }}">f</a>`,
			'',
			`<button onclick="${'x();\n'.repeat(9)}{{ page.safe }}">g</button>`,
		].join('\n');
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		const $ = await renderedMarkdown(body);
		expect($('a').map((_, link) => `${$(link).text()} ${$(link).attr('href')}${$(link).attr('onclick') === undefined ? '' : ` onclick=${$(link).attr('onclick')}`}`).get()).toEqual([
			'a https://example.org/a_b_',
			'b {{ page.link }}',
			'c https://example.org/a_b_',
			'd {{ page.link }}',
			'e https://example.org/a_b_',
			'f {{ page.link }} onclick={{ page.safe }}',
		]);
		const run = (value: string, how: string) => `its value in the front matter, ${JSON.stringify(value)}, would run script on your site ${how}`;
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[3, run(params.link, 'when clicked; link to a page instead')],
			[8, run(params.link, 'when clicked; link to a page instead')],
			[30, run(params.safe, 'as the code of its onclick attribute; write the code in the post itself')],
			[30, run(params.link, 'when clicked; link to a page instead')],
			[41, run(params.safe, 'as the code of its onclick attribute; write the code in the post itself')],
		]);
		expect($('button').attr('onclick')).toBe(`${'x();\n'.repeat(9)}{{ page.safe }}`);
	});

	test('read the scheme a {{ page.<key> }} gives an address as the URL parser reads it, with the text around the value, and an attribute its bare value would add', () => {
		const params = { tab: 'java\tscript:alert(1)', control: '\u0001 JavaScript:alert(1)', rest: 'script:alert(1)', bare: '/ok onmouseover=alert(1)', target: '/ok' };
		const source = '<a href="{{ page.tab }}">a</a> <a HREF="{{ page.control }}">b</a> <a href="java&#x09;{{ page.rest }}">c</a> <a href={{ page.bare }}>d</a> <a href={{ page.target }} title="{{ page.rest }}">e</a>';
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2023-01-06-a.md', params });
		expect(body).toBe('<a href="{{ page.tab }}">a</a> <a HREF="{{ page.control }}">b</a> <a href="java&#x09;{{ page.rest }}">c</a> <a href={{ page.bare }}>d</a> <a href=/ok title="script:alert(1)">e</a>');
		expect(unknown.map(({ reason }) => reason.replace(/^its value in the front matter, (".*"), would run script on your site (.*);.*$/, '$1 $2'))).toEqual([
			'"java\\tscript:alert(1)" when clicked',
			'"\\u0001 JavaScript:alert(1)" when clicked',
			'"script:alert(1)" when clicked',
			'"/ok onmouseover=alert(1)" as the code of its onmouseover attribute',
		]);
	});

	test("show Jekyll's ${{{ page.<key> }} as written, reported with what to write instead, as Liquid reads its third brace as a syntax error", async () => {
		const { body, unknown } = expandShortcodes('Run:\n\necho ${{{ page.x }}', context, { file: '/site/_posts/2023-01-06-a.md', params: { x: 'X' } });
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
		expect($('p').last().text()).toBe('echo ${{{ page.x }}');
		expect($('p').last().find('code').text()).toBe('{{{ page.x }}');
		expect(unknown).toEqual([
			{
				line: 3,
				text: '{{{ page.x }}',
				reason: 'Liquid reads the braces before {{ page.x }} as part of it, a syntax error (Unexpected character {) for which Jekyll writes nothing; write {{ page.x }} alone to show its value, or put {% raw %} and {% endraw %} around it to show it as written',
			},
		]);
	});

	test("keep the $ of ${{{ page.<key> }} from opening math with a later $ on its line, where the summary showed the code and its mark", async () => {
		const source = 'Run echo ${{{ page.title }} and $HOME.';
		const { body } = expandShortcodes(source, context, { file: '/site/_posts/2024-03-03-dollar3.md', params: { title: 'T' }, markAsWritten: true });
		const $ = await renderedMarkdown(body);
		expect($('p').text()).toBe(source);
		expect($('p code').text()).toBe('{{{ page.title }}');
		expect($('.katex, math, [class*="math"]').length).toBe(0);
		// A summary leaves out what is shown as written, as it leaves out any tag so shown.
		expect(summaryOf($.html())).toBe('Run echo $ and $HOME.');
	});

	test("show Handlebars' and Mustache's {{{ page.<key> }}} whole as written, reported as triple-brace output, with Liquid's reading only in a Jekyll post", async () => {
		const source = 'Handlebars: {{{ page.body }}} writes raw HTML, and so does ${{{ page.body }}}.';
		const triple = "it is triple-brace output, with which Handlebars and Mustache write a value's HTML as it is, and Carnet fills in no such output";
		for (const [file, reason] of [
			['/site/src/content/posts/a.md', `${triple}; write the text it stands for in its place`],
			['/site/_posts/2020-01-01-a.md', `${triple}; Liquid reads its third brace as part of the output, a syntax error (Unexpected character {) for which Jekyll writes nothing; write {{ page.body }} to show its value, or put {% raw %} and {% endraw %} around it to show it as written`],
		] as const) {
			const { body, unknown } = expandShortcodes(source, context, { file, params: { body: 'B' } });
			const $ = await renderedMarkdown(body);
			expect($('p').text()).toBe(source);
			expect($('p code').map((_, code) => $(code).text()).get()).toEqual(['{{{ page.body }}}', '{{{ page.body }}}']);
			expect(unknown).toEqual([
				{ line: 1, text: '{{{ page.body }}}', reason },
				{ line: 1, text: '{{{ page.body }}}', reason },
			]);
		}
	});

	test('show Liquid output written with extra braces ({{{{ page.<key> }}}}, {{{ content }}} in a Jekyll post) whole as written, as code, with its warning, never some of its braces outside the code', async () => {
		const source = 'A {{{{ page.title }}}} b {{{ content }}} c {{{{ page.title }}} d {{ page.title }}}';
		const { body, unknown } = expandShortcodes(source, context, { file: '/site/_posts/2020-01-01-a.md', params: { title: 'T' } });
		const $ = await renderedMarkdown(body);
		expect($('p').text()).toBe('A {{{{ page.title }}}} b {{{ content }}} c {{{{ page.title }}} d T}');
		expect($('p code').map((_, code) => $(code).text()).get()).toEqual(['{{{{ page.title }}}}', '{{{ content }}}', '{{{{ page.title }}}']);
		const extra = (output: string, fix: string) => `Liquid reads the braces before ${output} as part of it, a syntax error (Unexpected character {) for which Jekyll writes nothing; ${fix}, or put {% raw %} and {% endraw %} around it to show it as written`;
		expect(unknown).toEqual([
			{ line: 1, text: '{{{{ page.title }}}}', reason: extra('{{ page.title }}', 'write {{ page.title }} alone to show its value') },
			{ line: 1, text: '{{{{ page.title }}}', reason: extra('{{ page.title }}', 'write {{ page.title }} alone to show its value') },
			{ line: 1, text: '{{{ content }}}', reason: extra('{{ content }}', 'Liquid fills in the variable content, which Carnet does not run: write the text it stands for in its place') },
		]);
	});

	test('read 100 KB of { in a Markdown post, on one line or on 50, in well under a second', () => {
		for (const body of [`x ${'{'.repeat(100_000)} y`, `${'{'.repeat(2_000)}\n`.repeat(50)]) {
			const started = performance.now();
			const { body: written } = expandShortcodes(body, context, { file: '/site/src/content/posts/a.md' });
			expect(performance.now() - started).toBeLessThan(1_000);
			expect(written).toBe(body);
		}
	});

	test("read Jekyll's Liquid output written over two lines as the one-line form, a later warning on its own line", () => {
		const { body, unknown } = expand(
			['![Alt text]({{', 'site.baseurl }}/assets/a.png)', '', '![Alt two]({{ site.baseurl', '}}/assets/a.png)', '', 'Text {{', '  site.title }} here,', 'and more.', '', 'By {{ page.author }}.', '', '![a]({{', 'site.baseurl }}/b.png)', 'in a paragraph.', '', '```', '{{', '}}', '```'].join('\n'),
		);
		expect(body.split('\n')).toEqual([
			'![Alt text](/assets/a.png)',
			'',
			'',
			'![Alt two](/assets/a.png)',
			'',
			'',
			'Text `{{ site.title }}`',
			'  here,',
			'and more.',
			'',
			'By `{{ page.author }}`.',
			'',
			'',
			'![a](/b.png)',
			'in a paragraph.',
			'',
			'```',
			'{{',
			'}}',
			'```',
		]);
		expect(unknown).toEqual([
			{ line: 7, text: '{{ site.title }}', reason: 'Jekyll fills in site.title from its site and page data, which Carnet does not have' },
			{ line: 11, text: '{{ page.author }}', reason: 'Jekyll fills in page.author from its site and page data, which Carnet does not have' },
		]);
	});

	test("turn Jekyll's site.baseurl and relative_url into paths from the root, outside code and raw blocks", () => {
		const { body, unknown } = expand('![a]({{ site.baseurl }}/assets/a.png) [b]({{site.baseurl}}/about/) ![c]({{ "/assets/c.png" | relative_url }})\n\n`{{ site.baseurl }}` {% raw %}{{ site.baseurl }}{% endraw %}');
		expect(body).toBe('![a](/assets/a.png) [b](/about/) ![c](/assets/c.png)\n\n`{{ site.baseurl }}` {{ site.baseurl }}');
		expect(unknown).toEqual([]);
	});

	test("turn Minimal Mistakes' figure and video includes and Chirpy's embeds into a figure and plain video links", () => {
		const { body, unknown } = expand(
			[
				'{% include figure image_path="/assets/images/cat.jpg" alt="A cat" caption="Seen from *the* pier." %}',
				"{% include video id='XsxDH4HcOWA' provider='youtube' %} {% include embed/vimeo.html id='146022717' %}",
				'{% include toc %}',
			].join('\n'),
		);
		expect(body.split('\n')).toEqual([
			'<figure class="carnet-figure"><img src="/assets/images/cat.jpg" alt="A cat"><figcaption><p>Seen from <em>the</em> pier.</p></figcaption></figure>',
			'<a href="https://www.youtube.com/watch?v=XsxDH4HcOWA">Watch on YouTube</a> <a href="https://vimeo.com/146022717">Watch on Vimeo</a>',
			'`{% include toc %}`',
		]);
		expect(unknown).toEqual([{ line: 3, text: '{% include toc %}', reason: "Jekyll's include toc is not one Carnet knows" }]);
	});

	test("leave out Jekyll-Bootstrap's {% include JB/setup %}, which sets its site's variables and shows nothing, without a word; another include is shown as written", async () => {
		const { $, warnings } = await renderedPost('{% include JB/setup %}\n\nFirst paragraph.\n\n{% include note.html %}\n', { shortcodes: true });
		expect($('p').first().text()).toBe('First paragraph.');
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['{% include note.html %}']);
		expect(warnings).toEqual([`src/content/posts/_posts/2024-01-01-post.md:9: {% include note.html %} is shown as written: Jekyll's include note.html is not one Carnet knows. Replace it with Markdown or HTML.`]);
	});

	test("turn al-folio's figure.liquid include, its path from the site's root, into a figure", () => {
		const { body, unknown } = expand('{% include figure.liquid loading="eager" path="assets/img/9.jpg" class="img-fluid rounded z-depth-1" zoomable=true caption="A view." %}');
		expect(body).toBe('<figure class="carnet-figure img-fluid rounded z-depth-1"><img src="/assets/img/9.jpg" alt="A view."><figcaption><p>A view.</p></figcaption></figure>');
		expect(unknown).toEqual([]);
	});

	test('leave code, escaped shortcodes and raw blocks as written', () => {
		const { body, unknown } = expand('`{{< youtube x >}}`\n\n```\n{{< vimeo 1 >}}\n```\n\n{{</* figure src="x" */>}}\n\n{% raw %}{{< youtube z >}} {% if %}{% endraw %}');
		expect(body).toBe('`{{< youtube x >}}`\n\n```\n{{< vimeo 1 >}}\n```\n\n{{< figure src="x" >}}\n\n{{< youtube z >}} {% if %}');
		expect(unknown).toEqual([]);
	});

	test('list every other shortcode and Liquid tag with its line, and show it as code, as written', () => {
		const { body, unknown } = expand('Intro.\n\n{{< qr text="x" level="1" >}}\n{{% notice info %}}Careful{{% /notice %}}\n{% include note.html %} {{< ref >}}');
		expect(body).toBe('Intro.\n\n`{{< qr text="x" level="1" >}}`\n`{{% notice info %}}`Careful`{{% /notice %}}`\n`{% include note.html %}` `{{< ref >}}`');
		expect(unknown).toEqual([
			{ line: 3, text: '{{< qr text="x" level="1" >}}', reason: "Hugo's qr shortcode is not one Carnet knows" },
			{ line: 4, text: '{{% notice info %}}', reason: "Hugo's notice shortcode is not one Carnet knows" },
			{ line: 4, text: '{{% /notice %}}', reason: "it closes Hugo's notice shortcode, which is not one Carnet knows" },
			{ line: 5, text: '{{< ref >}}', reason: 'Carnet could not read its arguments or find the post it names' },
			{ line: 5, text: '{% include note.html %}', reason: "Jekyll's include note.html is not one Carnet knows" },
		]);
	});

	test("turn Hexo's asset_img into a Markdown image of the post's asset folder, its title as alt text when it has none", () => {
		const hexo = (body: string) => expandShortcodes(body, context, { assetFolder: './hello' });
		expect(hexo('{% asset_img diagram.jpg %}').body).toBe('![](<./hello/diagram.jpg>)');
		expect(hexo('{% asset_img "spaced asset.jpg" "A [title]" "The alt" %}').body).toBe('![The alt](<./hello/spaced asset.jpg> "A [title]")');
		expect(hexo('{% asset_img naotta.png 直った！ %}').body).toBe('![直った！](<./hello/naotta.png> "直った！")');
		// A code span in its title is no code span of the line: the alt is its text, as Markdown reads an alt.
		expect(hexo('{% asset_img shot.png Add `api.example.com` %}').body).toBe('![Add `api.example.com`](<./hello/shot.png> "Add `api.example.com`")');
		expect(hexo('See `{% asset_img shot.png %}` and {% asset_img a.png One ` tick %}').body).toBe('See `{% asset_img shot.png %}` and ![One \\` tick](<./hello/a.png> "One ` tick")');
		const sized = hexo('{% asset_img diagram.jpg 300 200 Title %}');
		expect(sized.body).toBe('`{% asset_img diagram.jpg 300 200 Title %}`');
		expect(sized.unknown[0]?.reason).toBe('Carnet reads asset_img with a file name and a title only, not with class names or a size');
	});

	test("turn Hugo's param into the post's own front-matter value, as text, and name a key it does not have", () => {
		const params = { Title: 'Kyoto *by train*', version: 1.2, params: { author: { name: 'Ana' } }, tags: ['a', 'b'] };
		const result = expandShortcodes('Version {{< param "version" >}} of {{% param title %}}, by {{< param "author.name" >}}.\n{{< param "tags" >}} {{< param "missing" >}}', context, { params });
		expect(result.body).toBe('Version 1\\.2 of Kyoto \\*by train\\*, by Ana.\n`{{< param "tags" >}}` `{{< param "missing" >}}`');
		expect(result.unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[2, "the post's tags is not a single value Carnet can show as text"],
			[2, "the post's front matter has no missing, and Carnet does not have the site's params Hugo would look in next"],
		]);
	});

	test("leave out VuePress's [[toc]], which Carnet makes itself, and say so", () => {
		const result = expand('Intro.\n\n[[toc]]\n\n### Download');
		expect(result.body).toBe('Intro.\n\n\n\n### Download');
		expect(result.unknown).toEqual([{ line: 3, text: '[[toc]]', reason: "it asks for a table of contents, which Carnet shows by itself from three sections on (see the post's toc field)", leftOut: true }]);
	});

	test('leave examples in fenced code alone, blocks included', () => {
		const body = '```liquid\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% raw %}x{% endraw %}\n```\n{{< qr 1 >}}';
		const result = expand(body);
		expect(result.body).toBe('```liquid\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n{% raw %}x{% endraw %}\n```\n`{{< qr 1 >}}`');
		expect(result.unknown.map((item) => item.line)).toEqual([7]);
	});

	test('leave shortcodes and Liquid tags in indented code as written, and expand those of an indented paragraph in a list item', () => {
		const body = 'Embed a video so:\n\n    {{< youtube abc >}}\n    {% include note.html %}\n\n> Or quoted:\n>\n>     {{< vimeo 1 >}}\n\n- A list item\n\n    {{< youtube def >}}\nText\n    {{< youtube ghi >}}';
		const result = expand(body);
		expect(result.body.split('\n')).toEqual([
			'Embed a video so:',
			'',
			'    {{< youtube abc >}}',
			'    {% include note.html %}',
			'',
			'> Or quoted:',
			'>',
			'>     {{< vimeo 1 >}}',
			'',
			'- A list item',
			'',
			'    <a href="https://www.youtube.com/watch?v=def">Watch on YouTube</a>',
			'Text',
			'    <a href="https://www.youtube.com/watch?v=ghi">Watch on YouTube</a>',
		]);
		expect(result.unknown).toEqual([]);
	});

	test('turn a highlight block whose code has a blank line, then an indented one, into fenced code, and leave the tags of indented code in it alone', () => {
		const body = '{% highlight python %}\ndef f():\n    x = 1\n\n    return x\n{% endhighlight %}\n\n    {% highlight ruby %}\n    puts 1\n    {% endhighlight %}';
		expect(expand(body).body).toBe('```python\ndef f():\n    x = 1\n\n    return x\n```\n\n    {% highlight ruby %}\n    puts 1\n    {% endhighlight %}');
	});

	test('leaves a body without braces untouched', () => {
		const body = 'Plain text with a } and a {.';
		expect(expand(body)).toEqual({ body, unknown: [], references: [] });
	});
});

describe("Hugo's embeds of other sites' posts", () => {
	test('x, tweet, twitter and instagram become autolinks to the post', () => {
		const { body, unknown } = expand(
			'{{< x user="SanDiegoZoo" id="1453110110599868418" >}}\n{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}\n{{< twitter 877500564405444608 >}}\n{{< instagram CxOWiQNP2MO >}}\n{{< x user="a" id="not-a-number" >}}',
		);
		expect(body.split('\n')).toEqual([
			'<https://x.com/SanDiegoZoo/status/1453110110599868418>',
			'<https://x.com/SanDiegoZoo/status/1453110110599868418>',
			'<https://x.com/i/status/877500564405444608>',
			'<https://www.instagram.com/p/CxOWiQNP2MO/>',
			'`{{< x user="a" id="not-a-number" >}}`',
		]);
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([[5, 'Carnet could not read its arguments']]);
	});
});

describe("the video shortcode of Quarto and Hugo's themes", () => {
	test('is a link to the video its address names: the YouTube or Vimeo page, or the address itself', async () => {
		const written = [
			'{{< video https://www.youtube.com/embed/wo9vZccmqwc >}}',
			'',
			'{{< video https://vimeo.com/76979871 title="A talk" >}}',
			'',
			'{{< video src="https://example.com/clip.mp4" >}}',
		].join('\n');
		const { body, unknown } = expand(written);
		expect(unknown).toEqual([]);
		const $ = await renderedMarkdown(body);
		expect($('a').map((_, link) => [[$(link).attr('href'), $(link).text()]]).get()).toEqual([
			['https://www.youtube.com/watch?v=wo9vZccmqwc', 'Watch on YouTube'],
			['https://vimeo.com/76979871', 'A talk'],
			['https://example.com/clip.mp4', 'https://example.com/clip.mp4'],
		]);
	});

	test('without an http(s) address is shown as written, with a warning that says what Carnet reads', () => {
		const { unknown } = expand('{{< video local.mp4 >}}');
		expect(unknown.map(({ text, reason }) => ({ text, reason }))).toEqual([
			{ text: '{{< video local.mp4 >}}', reason: "Carnet shows the video shortcode of Quarto and Hugo's themes as a link to the video an http(s) address names, and this one names none; link to the video in Markdown, [Title](https://…)" },
		]);
	});
});

describe("DEV's (dev.to) Liquid embeds", () => {
	test('become the links Hugo\'s video shortcodes become, or an autolink to what they show', () => {
		const { body, unknown } = expand(
			'{% youtube dQw4w9WgXcQ %}\n{% embed https://dev.to/ben/post-123 %}\n{% github withastro/astro %}\n{% twitter 1234567890 %}\n{% codepen https://codepen.io/a/pen/xyz %}\n{% link https://dev.to/x/y %}\n{% youtube "a b" %}',
		);
		expect(body.split('\n')).toEqual([
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a>',
			'<https://dev.to/ben/post-123>',
			'<https://github.com/withastro/astro>',
			'<https://x.com/i/status/1234567890>',
			'<https://codepen.io/a/pen/xyz>',
			'<https://dev.to/x/y>',
			'`{% youtube "a b" %}`',
		]);
		expect(unknown).toEqual([{ line: 7, text: '{% youtube "a b" %}', reason: "Carnet could not read what DEV's youtube tag shows" }]);
	});

	test('read a video given by its address on YouTube or Vimeo, or by an id with a start time, keeping the start time', () => {
		const { body, unknown } = expand(
			[
				'{% youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=15s %}',
				'{% youtube dQw4w9WgXcQ?t=30 %}',
				'{% youtube https://youtu.be/dQw4w9WgXcQ?t=1m5s %}',
				'{% youtube https://www.youtube.com/embed/dQw4w9WgXcQ?start=42 %}',
				'{% youtube https://www.youtube.com/shorts/abcDEF12345 %}',
				'{% vimeo https://vimeo.com/76979871 %}',
				'{% vimeo https://player.vimeo.com/video/76979871?h=abc %}',
				'{% youtube https://example.com/watch?v=dQw4w9WgXcQ %}',
				'{% vimeo https://vimeo.com/channels/staffpicks %}',
			].join('\n'),
		);
		expect(body.split('\n')).toEqual([
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=15s">Watch on YouTube</a>',
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=30s">Watch on YouTube</a>',
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=1m5s">Watch on YouTube</a>',
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s">Watch on YouTube</a>',
			'<a href="https://www.youtube.com/watch?v=abcDEF12345">Watch on YouTube</a>',
			'<a href="https://vimeo.com/76979871">Watch on Vimeo</a>',
			'<a href="https://vimeo.com/76979871">Watch on Vimeo</a>',
			'`{% youtube https://example.com/watch?v=dQw4w9WgXcQ %}`',
			'`{% vimeo https://vimeo.com/channels/staffpicks %}`',
		]);
		expect(unknown.map(({ line }) => line)).toEqual([8, 9]);
	});

	test("drop the backslash DEV's editor writes before Markdown's marks in an address or an id, as CommonMark does in a link", () => {
		const { body } = expand('{% embed https://www.youtube.com/watch?v=5JSD\\_b2slJs %}\n{% youtube 5JSD\\_b2slJs %}\n{% github a\\_b/c\\-d %}');
		expect(body.split('\n')).toEqual([
			'<https://www.youtube.com/watch?v=5JSD_b2slJs>',
			'<a href="https://www.youtube.com/watch?v=5JSD_b2slJs">Watch on YouTube</a>',
			'<https://github.com/a_b/c-d>',
		]);
	});
});

describe("Eleventy's image shortcode, jekyll-twitter-plugin and blogdown's postref", () => {
	test("make Eleventy's {% image src, alt %} the Markdown image, and leave other image tags as written", () => {
		const { body, unknown } = expand('{% image "./possum.png", "A possum [parent]" %}\n{% image "./a b.png" "spaces" %}\n{% image "javascript:x", "no" %}\n{% image \'./cat.jpg\', \'Cat\', [300, 600] %}');
		expect(body.split('\n')).toEqual(['![A possum \\[parent\\]](<./possum.png>)', '`{% image "./a b.png" "spaces" %}`', '`{% image "javascript:x", "no" %}`', '![Cat](<./cat.jpg>)']);
		expect(unknown.map(({ line }) => line)).toEqual([2, 3]);
	});

	test("name Eleventy, not Jekyll, as what fills in an Eleventy template's output and runs its tags; a post.x of no known engine's post is any template engine's", () => {
		const loop = '{% for post in collections.posts %}\n- {{ post.data.title }}\n{% endfor %}';
		const reasons = (body: string, params: Record<string, unknown> = {}) => expandShortcodes(body, context, { params }).unknown.map(({ text, reason }) => [text, reason]);
		expect(reasons(loop)).toEqual([
			['{% for post in collections.posts %}', 'the tag for, which Eleventy runs, is not one Carnet knows'],
			['{{ post.data.title }}', 'Eleventy fills in post.data.title from its data and collections, which Carnet does not have'],
			['{% endfor %}', 'the tag endfor, which Eleventy runs, is not one Carnet knows'],
		]);
		// Eleventy's permalink names the file it writes.
		expect(reasons('By {{ post.author }}.', { permalink: '/blog/highlighted/index.html' })).toEqual([['{{ post.author }}', 'Eleventy fills in post.author from its data and collections, which Carnet does not have']]);
		expect(reasons('By {{ post.author }}.')).toEqual([['{{ post.author }}', "a template engine fills in post.author from its site's data, which Carnet does not have"]]);
		const jekyll = expandShortcodes('By {{ post.author }}.', context, { file: '/site/_posts/2024-01-01-a.md' }).unknown;
		expect(jekyll.map(({ reason }) => reason)).toEqual(['Jekyll fills in post.author from its site and page data, which Carnet does not have']);
	});

	test('leave shortcodes in an HTML comment, which no reader sees, as written and unreported', () => {
		const { body, unknown } = expand('<!-- {% unknown "x" %} -->\nBefore <!-- a\n{{< nothing >}}\nb --> {% other %}');
		expect(body.split('\n')).toEqual(['<!-- {% unknown "x" %} -->', 'Before <!-- a', '{{< nothing >}}', 'b --> `{% other %}`']);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[4, '{% other %}']]);
		// A comment's opener shown in code opens none.
		const shown = expand('An HTML comment starts with `<!--`.\n\n{{< youtube dQw4w9WgXcQ >}}').body;
		expect(shown.split('\n')[2]).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
	});

	test("read a comment's markers inside a shortcode's quoted argument as its text, the comment left out of the caption as Hugo's HTML hides it; one that cuts a tag is reported with its line", () => {
		const { body, unknown } = expand('Before.\n\n{{< figure src="/x.png" caption="Figure 1 <!-- draft note -->" >}}\n\n{{< figure src="/x.png" <!-- x --> caption="Cut" >}}');
		expect(body.split('\n')[2]).toBe('<figure class="carnet-figure"><img src="/x.png" alt="Figure 1"><figcaption><p>Figure 1</p></figcaption></figure>');
		expect(body.split('\n')[4]).toBe('{{< figure src="/x.png" <!-- x --> caption="Cut" >}}');
		expect(unknown).toEqual([
			{ line: 5, text: '{{< figure src="/x.png"', reason: 'an HTML comment (<!--) opens inside its tag, outside a quoted argument, and hides the rest of it (move the comment after the tag)' },
		]);
		// A line of unclosed openers is read in linear time.
		const started = performance.now();
		expand(`a <!-- ${'{{< x "'.repeat(20_000)}`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('read a shortcode or tag written over several lines as one, the lines it took left blank, and a % in its arguments', () => {
		const { body, unknown } = expand(
			['{{< youtube', '    id="dQw4w9WgXcQ"', '    >}}', 'After.', '', 'Use {{< to open', '{{< youtube abc >}}', '', '{% jsfiddle xw8LuLvz result,js 100% 550px %}'].join('\n'),
		);
		expect(body.split('\n')).toEqual([
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a>',
			'',
			'',
			'After.',
			'',
			'Use {{< to open',
			'<a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>',
			'',
			'`{% jsfiddle xw8LuLvz result,js 100% 550px %}`',
		]);
		expect(unknown.map(({ line, text }) => [line, text])).toEqual([[9, '{% jsfiddle xw8LuLvz result,js 100% 550px %}']]);
		// The image include many Jekyll blogs copy, over three lines.
		const include = expand('{% include image.html\n  url="/assets/a.png"\n  description="Figure 1." %}').body;
		expect(include.split('\n')[0]).toContain('/assets/a.png');
		expect(include.split('\n')[0]).toContain('Figure 1.');
		expect(include.split('\n').slice(1)).toEqual(['', '']);
	});

	test('read a Liquid tag whose arguments run over more than twelve lines or over blank lines as the tag written on one line, as Jekyll does', () => {
		const jekyll = { file: '/blog/_posts/2020-01-01-a.md' };
		const arguments_ = ['image_path="/assets/images/cat.jpg"', 'alt="A cat"', 'caption="Seen from the pier."'];
		const oneLine = expandShortcodes(`Intro.\n\n{% include figure ${arguments_.join(' ')} %}\n\nAfter.`, context, jekyll);
		expect(oneLine.body).toContain('/assets/images/cat.jpg');
		for (const lines of [
			// Minimal Mistakes' figure, an argument to a line with blank lines between them, and over fourteen lines.
			['{% include figure', ...arguments_.map((argument) => `  ${argument}`).join('\n\n').split('\n'), '%}'],
			['{% include figure', ...arguments_, ...Array.from({ length: 12 }, () => '  '), '%}'],
			['{%- include figure', '', ...arguments_.map((argument) => `    ${argument}`), '', '-%}'],
		]) {
			const written = `Intro.\n\n${lines.join('\n')}\n\nAfter.`;
			const { body, unknown } = expandShortcodes(written, context, jekyll);
			// The tag's first line holds what the one-line tag gives; the lines it took are left blank.
			expect(body.split('\n'), written).toEqual([...oneLine.body.split('\n').slice(0, 3), ...Array.from({ length: lines.length - 1 }, () => ''), '', 'After.']);
			expect(unknown).toEqual(oneLine.unknown);
		}
	});

	test('open the code of a highlight tag written over several lines on the line after it, as the tag written on one line does, in a quote too', () => {
		const jekyll = { file: '/blog/_posts/2020-01-01-a.md' };
		const code = ['def greet', '  puts "hi"', 'end'];
		const fenced = ['```ruby', ...code, '```'];
		expect(expandShortcodes(['Intro:', '{% highlight ruby linenos %}', ...code, '{% endhighlight %}'].join('\n'), context, jekyll).body.split('\n')).toEqual(['Intro:', ...fenced]);
		// The lines the tag took are left blank before the fence, so that every line after it keeps its number.
		for (const opening of [['{% highlight ruby', '   linenos %}'], ['{% highlight ruby linenos', '%}'], ['{% highlight ruby', '', '  linenos', '%}']]) {
			const written = ['Intro:', ...opening, ...code, '{% endhighlight %}'].join('\n');
			expect(expandShortcodes(written, context, jekyll).body.split('\n'), written).toEqual(['Intro:', ...opening.slice(1).map(() => ''), ...fenced]);
		}
		expect(expand(['{{< highlight go', '  "linenos=table" >}}', 'func a() {}', '{{< /highlight >}}'].join('\n')).body.split('\n')).toEqual(['', '```go', 'func a() {}', '```']);
		// In a quote the blank lines keep its markers, and the markers of the tag's lines are no arguments.
		expect(expandShortcodes(['> {% highlight ruby', '>   linenos %}', ...code.map((line) => `> ${line}`), '> {% endhighlight %}'].join('\n'), context, jekyll).body.split('\n')).toEqual(['>', ...fenced.map((line) => `> ${line}`)]);
		expect(expand('> Watch {{< youtube\n> abc >}} now.').body).toBe('> Watch <a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a> now.\n>');
	});

	test('leave a Liquid opening in a code span, or one that another tag follows before it closes, as written over its lines', () => {
		const jekyll = { file: '/blog/_posts/2020-01-01-a.md' };
		const explained = 'Liquid tags open with `{% name`,\n\nthen arguments,\n\nand close with `%}` on a later line.';
		expect(expandShortcodes(explained, context, jekyll).body).toBe(explained);
		const unclosed = expandShortcodes('{% include figure\n  image_path="/a.jpg"\n\n{% include toc %}', context, jekyll);
		expect(unclosed.body.split('\n').slice(0, 3)).toEqual(['{% include figure', '  image_path="/a.jpg"', '']);
	});

	test('leave prose that writes a Liquid opening and, paragraphs later, a %} as Markdown, its headings and lists read', () => {
		const jekyll = { file: '/blog/_posts/2020-01-01-a.md' };
		const prose = 'In Jekyll you start a tag with {% include and then the file name.\n\n## Closing the tag\n\nAfter the arguments, you end it with %} as usual.';
		expect(expandShortcodes(prose, context, jekyll).body.split('\n').slice(1)).toEqual(prose.split('\n').slice(1));
		const opening = '{% include and then the file name.\n\n## Closing the tag\n\n- After the arguments\n\n%}';
		expect(expandShortcodes(opening, context, jekyll).body.split('\n').slice(1)).toEqual(opening.split('\n').slice(1));
	});

	test('read 100 KB of Liquid openings that nothing closes, over blank lines, in well under a second', () => {
		const started = performance.now();
		expandShortcodes('{% include figure\n\n  image_path="/a.jpg"\n\n'.repeat(2_500), context, { file: '/blog/_posts/2020-01-01-a.md' });
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test("show Liquid's variables as code, with a warning, in a post that assigns some or a Jekyll post; elsewhere {{ x }} is text", () => {
		const liquid = expand('{% assign repo = "carnet" %}\nClone {{ repo }} and {{ content }}.');
		expect(liquid.body.split('\n')[1]).toBe('Clone `{{ repo }}` and `{{ content }}`.');
		expect(liquid.unknown.map(({ line, text }) => [line, text])).toEqual([
			[1, '{% assign repo = "carnet" %}'],
			[2, '{{ repo }}'],
			[2, '{{ content }}'],
		]);
		// Nunjucks' set, as Eleventy posts write it.
		const nunjucks = expand('{% set repo = "carnet" %}\nClone {{ repo }}.');
		expect(nunjucks.body.split('\n')[1]).toBe('Clone `{{ repo }}`.');
		expect(nunjucks.unknown.map(({ line, text }) => [line, text])).toEqual([
			[1, '{% set repo = "carnet" %}'],
			[2, '{{ repo }}'],
		]);
		expect(expand('Vue writes {{ message }}.').body).toBe('Vue writes {{ message }}.');
		expect(expandShortcodes('Hello {{ name | upcase }}.', context, { file: '/blog/_posts/2020-01-01-a.md' }).body).toBe('Hello `{{ name | upcase }}`.');
	});

	test('read Liquid names with hyphens, show tags written side by side as two code spans, and tags in a line of HTML as <code>', () => {
		const jekyll = { file: '/blog/_posts/2020-01-01-a.md' };
		expect(expandShortcodes('<div>\n  {{ notice-2 | markdownify }}\n</div>', context, jekyll).body.split('\n')[1]).toBe('  <code>{{ notice-2 | markdownify }}</code>');
		expect(expandShortcodes("{% newthought 'Later' %}{% sidenote 'a' 'B'%}, and text.", context, jekyll).body).toBe("`{% newthought 'Later' %}` `{% sidenote 'a' 'B'%}`, and text.");
		expect(expandShortcodes('<p>Posted on {{ page.date }}</p>', context, jekyll).body).toBe('<p>Posted on <code>{{ page.date }}</code></p>');
	});

	test("make a path through Eleventy's url filter or Jekyll's prepend: site.baseurl the path, and show other template code that starts from a string as code, reported", () => {
		const paths = expand("[last month]({{ '/blog/2025-12/' | url }}) <img src=\"{{ '/img/a.png' | url }}\"> ![]({{ '/img/b.svg' | prepend: site.baseurl}})");
		expect(paths).toMatchObject({ body: '[last month](/blog/2025-12/) <img src="/img/a.png"> ![](/img/b.svg)', unknown: [] });
		const code = expand('{{image "go-fonts/code.png" 519}} and {{ \'x\' | upcase }}, not {{ message }}.');
		expect(code.body).toBe('`{{image "go-fonts/code.png" 519}}` and `{{ \'x\' | upcase }}`, not {{ message }}.');
		expect(code.unknown.map(({ text }) => text)).toEqual(['{{image "go-fonts/code.png" 519}}', "{{ 'x' | upcase }}"]);
		// In an HTML tag, a code element would break the tag: the text stays as written, reported.
		expect(expand('<a title="{{ \'hi\' | upcase }}" href="/x">x</a>').body).toBe('<a title="{{ \'hi\' | upcase }}" href="/x">x</a>');
	});

	test("make a path's output with no filter the path, in an image, a link or an attribute; other text as written, as Angular's and Vue's templates in prose are", () => {
		const { body, unknown } = expand('![Clients]({{ "/assets/a.png" }})\n\n[Link]({{ \'./b.png\' }}) <img src="{{ "/img/c.png" }}">\n\nNot `{{ "/code" }}`.');
		expect(body).toBe('![Clients](/assets/a.png)\n\n[Link](./b.png) <img src="/img/c.png">\n\nNot `{{ "/code" }}`.');
		expect(unknown).toEqual([]);
		const prose = expand('Angular prints {{ "literal" }} as is.');
		expect(prose.body).toBe('Angular prints `{{ "literal" }}` as is.');
		expect(prose.unknown.map(({ text }) => text)).toEqual(['{{ "literal" }}']);
	});

	test('unknown in an HTML tag stay as written, reported, rather than put a code element in an attribute, whichever engine wrote them', () => {
		// Flink's blog: <img src="{{< siteurl >}}/img/…">.
		const tags = expandShortcodes(
			'<img src="{{< siteurl >}}/img/fig1.png" alt="One"/>\n\n<a href="{% link about.md %}">About</a> and <img src="{% asset a.png %}">\n\n<img src="{{ page.image }}" alt="x"> {{ page.image }}\n\n<img src="{{ resize(path=\'a.png\') }}">',
			context,
			{ file: '/blog/_posts/2019-06-26-a.md' },
		);
		expect(tags.body.split('\n')).toEqual([
			'<img src="{{< siteurl >}}/img/fig1.png" alt="One"/>',
			'',
			'<a href="{% link about.md %}">About</a> and <img src="{% asset a.png %}">',
			'',
			// Outside the tag, in the HTML block: a code element.
			'<img src="{{ page.image }}" alt="x"> <code>{{ page.image }}</code>',
			'',
			'<img src="{{ resize(path=\'a.png\') }}">',
		]);
		expect(tags.unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 {{< siteurl >}}', '3 {% link about.md %}', '3 {% asset a.png %}', '5 {{ page.image }}', '5 {{ page.image }}', "7 {{ resize(path='a.png') }}"]);
		// Text with a < that opens no tag is no tag.
		expect(expand('If a < b, {{< unknown >}}').body).toBe('If a < b, `{{< unknown >}}`');
	});

	test("leave out {% raw %} in a Jekyll post's code, as Jekyll renders Liquid first, and keep it in another engine's post", () => {
		const body = '```liquid\n{% raw %}{% include gallery %}{% endraw %}\n```';
		expect(expandShortcodes(body, context, { file: '/blog/_posts/2020-01-01-a.md' }).body.split('\n')[1]).toBe('{% include gallery %}');
		expect(expand(body).body.split('\n')[1]).toBe('{% raw %}{% include gallery %}{% endraw %}');
		// A raw tag shown inside a raw tag, as a post about Liquid writes it, is kept.
		expect(expandShortcodes('```liquid\n{% raw %}{% raw %}{% endraw %}\n```', context, { file: '/blog/_posts/2020-01-01-a.md' }).body.split('\n')[1]).toBe('{% raw %}');
	});

	test('read a code block of 100,000 lines in a post with a shortcode in one pass', () => {
		const body = `{{< youtube abc >}}\n\n\`\`\`sh\n${'if [[ -f "$f" ]]; then echo; fi\n'.repeat(100_000)}\`\`\`\n`;
		const started = performance.now();
		expect(expand(body).body.length).toBeGreaterThan(body.length);
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('read 20,000 raw blocks in one pass, and keep those in indented code as written', () => {
		const blocks = Array.from({ length: 20_000 }, (_, index) => `{% raw %}{{ x${index} }}{% endraw %}`);
		const started = performance.now();
		const { body } = expand(blocks.join('\n'));
		expect(performance.now() - started).toBeLessThan(3_000);
		expect(body).toBe(blocks.map((_, index) => `{{ x${index} }}`).join('\n'));
		// Indented code is found by the Markdown parser in a body of at most 256 KB.
		const lines = blocks.slice(0, 2_000).map((line, index) => (index % 100 === 99 ? `\n    ${line}\n` : line));
		expect(expand(lines.join('\n')).body).toBe(lines.map((line, index) => (index % 100 === 99 ? line : `{{ x${index} }}`)).join('\n'));
	});

	test('read lines of thousands of unclosed shortcodes and tags in one pass', () => {
		for (const unit of ['{{< b ', '{{% b ', '{% a ', '{{< a `', '{{< text bash >}}\n', '{{< highlight go >}}\n', '{{< math >}}\n', '{{% steps %}}{{% /columns %}}\n', '{{< code lang="c" >}}\n', '{{< codeblock >}}{{< /x >}}\n', '{% katex(block=true) %}', '{% katex %}{% endkatex %}{% katex ', '{{< button href="x" >}}{{< /button ']) {
			const started = performance.now();
			expand(unit.repeat(50_000));
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});

	test("read a line of 100 KB of Hugo Book button openings that nothing closes in linear time, a button among them a link", () => {
		const hostile = '{{< button '.repeat(10_000);
		const started = performance.now();
		const { body } = expand(`{{< button href="https://example.com/" >}}Go{{< /button >}} ${hostile}`);
		expect(performance.now() - started).toBeLessThan(1_500);
		expect(body).toBe(`[Go](<https://example.com/>) ${hostile}`);
	});

	test('read 100 KB of tabs, katex and mermaid openings that nothing closes in linear time, those closed before them read as before', () => {
		const closed = [
			'{{< tabs title="items=x" items="One, Two" >}}\n{{< tab >}}\nA\n{{< /tab >}}\n{{< tab >}}\nB\n{{< /tab >}}\n{{< /tabs >}}',
			'{{< tabpane >}}\n{{< tab header="XML" lang="xml" >}}\n<a/>\n{{< /tab >}}\n{{< /tabpane >}}',
			'Inline {{< katex >}}x^2{{< /katex >}}.',
			'{{< mermaid >}}\ngraph LR;\n{{< /mermaid >}}',
		].join('\n\n');
		expect(expand(closed).body).toBe('\n**One**\nA\n\n**Two**\nB\n\n\n\n\n```xml title="XML"\n<a/>\n```\n\n\nInline $x^2$.\n\n```mermaid\ngraph LR;\n```');
		for (const unit of ['{{< tabs "', '{{< tabs items="a" ', '{{< tab ', '{{< tab lang="x" >}}', '{{< katex >}}', '{{< katex ', '{{< mermaid >}}', '{{< mermaid ']) {
			const started = performance.now();
			expect(expand(`${closed}\n\n${unit.repeat(100_000 / unit.length)}`).body.startsWith('\n**One**\nA'), unit).toBe(true);
			expect(performance.now() - started, unit).toBeLessThan(1_500);
		}
	});

	test("name a Hexo codeblock's language in lower case, as highlighters know it", () => {
		expect(expand('{% codeblock lang:JavaScript %}\nlet a;\n{% endcodeblock %}').body.split('\n')[0]).toMatch(/^`{3,}javascript$/);
	});

	test("title Hextra's bare tabs from the tabs' items (or its arguments, {{< tabs Windows MacOS >}}), and link Hexo's link tag with its text and title", () => {
		const hextra = expand('{{< tabs items="mariadb,mysql" >}}\n{{< tab >}}\nOne\n{{< /tab >}}\n{{< tab >}}\nTwo\n{{< /tab >}}\n{{< /tabs >}}').body;
		expect(hextra.split('\n').filter((line) => line.startsWith('**'))).toEqual(['**mariadb**', '**mysql**']);
		// Or from the tabs' arguments, in order; Hugo Book's group id, fewer than the tabs, names none.
		const positional = expand('{{< tabs Windows "Mac OS" Ubuntu >}}\n{{< tab >}}\nA\n{{< /tab >}}\n{{< tab >}}\nB\n{{< /tab >}}\n{{< tab >}}\nC\n{{< /tab >}}\n{{< /tabs >}}').body;
		expect(positional.split('\n').filter((line) => line.startsWith('**'))).toEqual(['**Windows**', '**Mac OS**', '**Ubuntu**']);
		expect(expand('{{< tabs "id" >}}\n{{< tab >}}\nA\n{{< /tab >}}\n{{< tab >}}\nB\n{{< /tab >}}\n{{< /tabs >}}').body).not.toContain('**');
		expect(expand('{% link Hexo 官网 https://hexo.io/zh-cn/ true Hexo %}').body).toBe('[Hexo 官网](<https://hexo.io/zh-cn/> "Hexo")');
		expect(expand('{% link Docs https://hexo.io/docs/ %}').body).toBe('[Docs](<https://hexo.io/docs/>)');
		// Relearn's emphasised title is bold, once.
		expect(expand('{{< tabs >}}\n{{% tab title="_**MacOS**_" %}}\nOne\n{{% /tab %}}\n{{< /tabs >}}').body.split('\n').filter((line) => line.startsWith('**'))).toEqual(['**MacOS**']);
	});

	test("links jekyll-twitter-plugin's tag to the post its address names", () => {
		expect(expand('{% twitter https://twitter.com/jekyllrb/status/1234 %}\n{% twitter https://example.com/x %}').body.split('\n')).toEqual([
			'<https://twitter.com/jekyllrb/status/1234>',
			'`{% twitter https://example.com/x %}`',
		]);
	});

	test("leaves blogdown's postref out of paths, raw HTML included, and not of code", () => {
		const body = '<img src="{{< blogdown/postref >}}index_files/figure-html/plot-1.png" width="672" />\n\n```\n{{< blogdown/postref >}}\n```';
		expect(withoutBlogdownPostref(body).split('\n')).toEqual(['<img src="index_files/figure-html/plot-1.png" width="672" />', '', '```', '{{< blogdown/postref >}}', '```']);
	});
});

describe("Hexo's and jekyll-gist's gist tag", () => {
	test('links to the gist, by its user and id, its id alone or its address, as Hugo\'s gist shortcode does', () => {
		const { body, unknown } = expand('{% gist defunkt/2059 %}\n{% gist 931c1c8d465a04042403 hello.rb %}\n{% gist https://gist.github.com/Keats/e5fb6aad %}\n{% gist not-a-gist! %}');
		expect(body.split('\n')).toEqual([
			'<a href="https://gist.github.com/defunkt/2059">See the gist</a>',
			'<a href="https://gist.github.com/931c1c8d465a04042403#file-hello-rb">See the gist</a>',
			'<a href="https://gist.github.com/Keats/e5fb6aad">See the gist</a>',
			'`{% gist not-a-gist! %}`',
		]);
		expect(unknown.map(({ line }) => line)).toEqual([4]);
	});

	test("links to the anchor of the file it names, as GitHub writes it: file- and the name in lower case, each other character a -", () => {
		expect(expand('{% gist user/abc123 file.rb %}\n{% gist user/abc123 My_Script.test.JS %}\n{{< gist spf13 7896402 "img.html" >}}').body.split('\n')).toEqual([
			'<a href="https://gist.github.com/user/abc123#file-file-rb">See the gist</a>',
			'<a href="https://gist.github.com/user/abc123#file-my-script-test-js">See the gist</a>',
			'<a href="https://gist.github.com/spf13/7896402#file-img-html">See the gist</a>',
		]);
	});
});

describe("Zola's shortcodes", () => {
	test('turn youtube, vimeo and gist into the links Hugo\'s become, outside code', () => {
		const { body, unknown } = expand(
			'Intro {{ youtube(id="dQw4w9WgXcQ", autoplay=true) }} {{ vimeo(id=\'124313553\') }}\n{{ gist(url="https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57", class="gist") }}\n`{{ youtube(id="x") }}`\n\n    {{ youtube(id="y") }}\n',
		);
		expect(body).toBe(
			'Intro <a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a> <a href="https://vimeo.com/124313553">Watch on Vimeo</a>\n' +
				'<a href="https://gist.github.com/Keats/e5fb6aad409f28721c0ba14161644c57">See the gist</a>\n`{{ youtube(id="x") }}`\n\n    {{ youtube(id="y") }}\n',
		);
		expect(unknown).toEqual([]);
	});

	test('show others as written, a body shortcode and its end included, each with its reason', () => {
		const { body, unknown } = expand('{{ image(src="a.png") }}\n\n{% note(kind="tip") %}\nBody\n{% end %}\n\n{{ youtube() }}');
		expect(body).toBe('`{{ image(src="a.png") }}`\n\n`{% note(kind="tip") %}`\nBody\n`{% end %}`\n\n`{{ youtube() }}`');
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[1, "Zola's image shortcode is not one Carnet knows"],
			[3, "it is Zola's note shortcode, with a body up to {% end %}, which is not one Carnet knows"],
			[5, "it ends a Zola shortcode's body"],
			[7, "Carnet could not read the arguments of Zola's youtube shortcode"],
		]);
	});

	test('read a call whose string argument holds a code span, which is no code span of the line, and leave one inside a code span as written', () => {
		const { body, unknown } = expand('A: {{ summary_tag(text="`fn cmp(&self) -> Ordering`") }}\n\n`{{ youtube(id="x") }}` and {{ youtube(id="y") }}');
		expect(body).toBe('A: `` {{ summary_tag(text="`fn cmp(&self) -> Ordering`") }} ``\n\n`{{ youtube(id="x") }}` and <a href="https://www.youtube.com/watch?v=y">Watch on YouTube</a>');
		expect(unknown).toEqual([{ line: 1, text: '{{ summary_tag(text="`fn cmp(&self) -> Ordering`") }}', reason: "Zola's summary_tag shortcode is not one Carnet knows" }]);
	});

	test('read a long line of calls and tags that nothing ends in one pass', () => {
		const started = performance.now();
		expand(`${'{{ a( '.repeat(20_000)}\n${'{% a '.repeat(20_000)}\n${'{{ a("{{ a(\'`'.repeat(10_000)}`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('read a call whose string argument spans lines as one, shown as written with its line, the lines it took left blank', () => {
		const { body, unknown } = expand('Intro.\n\n{{ note(body="\n**Note:** Some really insightful note here.\n")}}\n\n{{ youtube(\n  id="dQw4w9WgXcQ"\n) }}\nAfter.');
		expect(body.split('\n')).toEqual([
			'Intro.',
			'',
			'`{{ note(body=" **Note:** Some really insightful note here. ")}}`',
			'',
			'',
			'',
			'<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube</a>',
			'',
			'',
			'After.',
		]);
		expect(unknown.map(({ line, reason }) => [line, reason])).toEqual([[3, "Zola's note shortcode is not one Carnet knows"]]);
	});

	test('leave a call left open, or one across a blank line, as written', () => {
		const open = '{{ note(body="\nNever closed.\n\nText.';
		expect(expand(open).body).toBe(open);
		const parted = '{{ note(body="\nOne.\n\nTwo.\n")}}';
		expect(expand(parted).body.split('\n').slice(0, 3)).toEqual(['{{ note(body="', 'One.', '']);
	});

	test('read thousands of calls left open within a second', () => {
		const body = '{{ note(body="\nline\n'.repeat(5_000);
		const started = performance.now();
		expand(body);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe('references to posts found in the posts folder', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'carnet-refs-'));
	const posts = path.join(root, 'src/content/posts');
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(posts, file)), { recursive: true });
		writeFileSync(path.join(posts, file), text);
	};
	write('ref-target.md', '---\ntitle: Target\ndate: 2024-01-05 23:30:00 +0000\nslug: my-custom-slug\n---\nBody.\n');
	write('_posts/2024-01-07-jekyll-target.md', '---\ntitle: Jekyll target\nslug: renamed\n---\nBody.\n');
	write('_posts/2024-01-09-plain.md', '---\ntitle: Plain\n---\nBody.\n');
	write('nested/index.md', '---\ntitle: Nested\ndate: 2023-02-01\n---\n');
	write('2019/deep-post.md', '---\ntitle: Deep\ndate: 2019-06-01\n---\n');
	write('a/twin.md', '---\ntitle: Twin A\ndate: 2020-01-01\n---\n');
	write('b/twin.md', '---\ntitle: Twin B\ndate: 2020-01-01\n---\n');
	write('undated.md', '---\ntitle: Undated\n---\n');
	write('bundles/first/index.md', '---\ntitle: First bundle\ndate: 2021-03-01\nslug: first-bundle\n---\n');
	write('bundles/second/index.md', '---\ntitle: Second bundle\ndate: 2021-03-02\n---\n');
	// Named on macOS, which writes accents as a letter and a combining mark (NFD).
	write('cafe\u0301.md', '---\ntitle: Café\ndate: 2024-02-01\n---\n');
	write('e\u0301te\u0301/index.md', '---\ntitle: Été\ndate: 2024-02-02\n---\n');
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	const astroConfig = {
		root: pathToFileURL(`${root}/`),
		srcDir: pathToFileURL(`${root}/src/`),
		publicDir: pathToFileURL(`${root}/public/`),
		base: '/blog',
		trailingSlash: 'ignore',
		build: { format: 'directory' },
	} as unknown as AstroConfig;
	const siteContext = (permalinks: string) => shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', permalinks, timeZone: 'Europe/Paris' }), posts);
	/** The body as the posts loader gives it to Sätteri: shortcodes expanded, then links to post files resolved. */
	const linkPosts = (body: string, context: ShortcodeContext, from: string) => {
		const expanded = expandShortcodes(body, context);
		const linked = resolvePostLinks(expanded.body, context, from, expanded.heldBackLinks);
		return { body: linked.body, unknown: [...expanded.unknown, ...linked.unknown] };
	};
	const renderedHtml = async (body: string) => {
		const renderer = await satteri().createRenderer({} as never);
		return cheerio.load((await renderer.render(body, { frontmatter: {} })).code, null, false);
	};

	test('link to the address the target post has, from its slug field', () => {
		const { body, unknown } = expandShortcodes(
			'[a]({{< ref "ref-target.md" >}}) [b]({{< relref "ref-target#part" >}}) [c]({{< ref "/posts/nested/index.md" >}}) [d]({{< ref "deep-post" >}})',
			siteContext('/posts/:slug/'),
		);
		expect(body).toBe('[a](/blog/posts/my-custom-slug/) [b](/blog/posts/my-custom-slug/#part) [c](/blog/posts/nested/) [d](/blog/posts/deep-post/)');
		expect(unknown).toEqual([]);
	});

	test("link Hexo's post_link to the post named, its title the text unless the tag gives one", () => {
		const { body, unknown, references } = expandShortcodes('{% post_link ref-target %} and {% post_link deep-post "the deep one" %}\n{% post_link nothing-here %}', siteContext('/posts/:slug/'));
		// The title is part of what the body took from the other post: its key covers it (referencesKey).
		expect(references.map(({ target, title }) => ({ target, title }))).toEqual([
			{ target: 'ref-target', title: 'Target' },
			{ target: 'deep-post', title: undefined },
			{ target: 'nothing-here', title: undefined },
		]);
		expect(body).toBe('[Target](</blog/posts/my-custom-slug/>) and [the deep one](</blog/posts/deep-post/>)\n`{% post_link nothing-here %}`');
		expect(unknown).toEqual([{ line: 2, text: '{% post_link nothing-here %}', reason: 'no post in src/content/posts/ has the file name "nothing-here", a link Hexo refuses to build; correct the name' }]);
	});

	test("link Obsidian's wikilinks to the post named, to its heading, and embed an image where it is found", () => {
		const findEmbed = (name: string) => (name === 'diagram.png' ? './diagram.png' : name === 'photo.jpg' ? '../attachments/photo.jpg' : { reason: `no file ${JSON.stringify(name)} is beside the post or anywhere in posts/` });
		const { body, unknown, references } = expandShortcodes(
			'See [[ref-target]], [[deep-post#Some Heading|the part]] and `[[in code]]`.\n![[diagram.png|A diagram]] ![[diagram.png|300]] ![[photo.jpg]]\n[[Another note]] ![[missing.png]] ![[a note]]',
			siteContext('/posts/:slug/'),
			{ findEmbed },
		);
		expect(body).toBe(
			'See [ref\\-target](</blog/posts/my-custom-slug/>), [the part](</blog/posts/deep-post/#some-heading>) and `[[in code]]`.\n![A diagram](<./diagram.png>) ![](<./diagram.png>) ![](<../attachments/photo.jpg>)\n[[Another note]] ![[missing.png]] ![[a note]]',
		);
		expect(references.map(({ target, url }) => ({ target, url }))).toEqual([
			{ target: 'ref-target', url: '/blog/posts/my-custom-slug/' },
			{ target: 'deep-post', url: '/blog/posts/deep-post/' },
			{ target: 'Another note', url: undefined },
		]);
		expect(unknown).toEqual([
			{ line: 3, text: '[[Another note]]', reason: 'it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named "Another note"; write a Markdown link to the post\'s address' },
			{ line: 3, text: '![[missing.png]]', reason: 'it is an Obsidian wikilink, which Markdown does not read, and no file "missing.png" is beside the post or anywhere in posts/; write a Markdown image, ![](./missing.png), with the file beside the post' },
			{ line: 3, text: '![[a note]]', reason: "it is an Obsidian wikilink, which Markdown does not read, and it embeds a note's text, which Carnet does not show in another post; link to it with [[a note]]" },
		]);
	});

	test("show a wikilink to another post's heading as Obsidian does, note and heading, linked to the last heading a nested one names", () => {
		const { body, unknown } = expandShortcodes('See [[deep-post#Some Heading]] and [[deep-post#Part One#Step Two]].', siteContext('/posts/:slug/'));
		expect(body).toBe('See [deep\\-post \\> Some Heading](</blog/posts/deep-post/#some-heading>) and [deep\\-post \\> Part One \\> Step Two](</blog/posts/deep-post/#step-two>).');
		expect(unknown).toEqual([]);
	});

	test('link a wikilink to a heading of the post itself, [[#Heading]], to its id, shown as the heading or the text given', () => {
		const { body, unknown } = expandShortcodes('Read [[#Getting started]], [[#Setup#Linux|the Linux steps]] and [[#^block-id]]; `[[#In code]]` and [[]] stay.', siteContext('/posts/:slug/'));
		expect(body).toBe('Read [Getting started](<#getting-started>), [the Linux steps](<#linux>) and [[#^block-id]]; `[[#In code]]` and [[]] stay.');
		expect(unknown).toEqual([]);
	});

	test("link a wikilink to a block of a post, [[deep-post#^block-id]], to the post, since block IDs are left out of its page", () => {
		const { body, unknown } = expandShortcodes('See [[deep-post#^block-id]] and [[deep-post#^block-id|that line]].', siteContext('/posts/:slug/'));
		expect(body).toBe('See [deep\\-post](</blog/posts/deep-post/>) and [that line](</blog/posts/deep-post/>).');
		expect(unknown).toEqual([]);
	});

	test('leave a reference link in brackets, [[Feature #18980]] with its definition in the post, to Markdown, with no warning', () => {
		const written = 'Added. [[Feature #18980]] and [[ feature   #18980 ]], then [[Other note]].\n\n[Feature #18980]: https://bugs.ruby-lang.org/issues/18980';
		const { body, unknown } = expandShortcodes(written, siteContext('/posts/:slug/'));
		expect(body).toBe(written);
		expect(unknown).toEqual([
			{ line: 1, text: '[[Other note]]', reason: 'it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named "Other note"; write a Markdown link to the post\'s address' },
		]);
		// A long line of brackets is read in linear time.
		const started = performance.now();
		expandShortcodes(`[[a]]\n${'[\\'.repeat(50_000)}`, siteContext('/posts/:slug/'));
		expect(performance.now() - started).toBeLessThan(500);
	});

	test("link a wikilink written with its folder to the post in that folder only, and say which post has that name otherwise", () => {
		const { body, unknown } = expandShortcodes('[[2019/deep-post]] [[plugins/deep-post|Deep]]', siteContext('/posts/:slug/'));
		expect(body).toBe('[2019\\/deep\\-post](</blog/posts/deep-post/>) [[plugins/deep-post|Deep]]');
		expect(unknown).toEqual([
			{
				line: 1,
				text: '[[plugins/deep-post|Deep]]',
				reason: 'it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is at "plugins/deep-post" (the post of that name is src/content/posts/2019/deep-post.md); correct the path, or write a Markdown link to the post\'s address',
			},
		]);
	});

	test("link Obsidian's wikilinks and embeds of files that are no images to the file, where it is found, after the notes of that name", () => {
		const findEmbed = (name: string) => (name === 'talk.pdf' ? './talk.pdf' : name === 'clip.mp4' ? './media/clip.mp4' : { reason: `no file ${JSON.stringify(name)} is beside the post or anywhere in posts/` });
		const { body, unknown } = expandShortcodes('[[talk.pdf]], [[talk.pdf#page=3|the slides (p. 3)]], ![[clip.mp4]] and [[ref-target]].\n[[gone.zip]] ![[gone.mp3]] [[Version 1.2]]', siteContext('/posts/:slug/'), { findEmbed });
		expect(body).toBe(
			'[talk\\.pdf](<./talk.pdf>), [the slides \\(p\\. 3\\)](<./talk.pdf#page=3>), [clip\\.mp4](<./media/clip.mp4>) and [ref\\-target](</blog/posts/my-custom-slug/>).\n[[gone.zip]] ![[gone.mp3]] [[Version 1.2]]',
		);
		expect(unknown).toEqual([
			{ line: 2, text: '[[gone.zip]]', reason: `it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named "gone.zip", and no file "gone.zip" is beside the post or anywhere in posts/; write a Markdown link to the post's address, or put the file beside the post and link to it, [gone.zip](./gone.zip)` },
			{ line: 2, text: '![[gone.mp3]]', reason: 'it is an Obsidian wikilink, which Markdown does not read, and no file "gone.mp3" is beside the post or anywhere in posts/; put the file beside the post and link to it, [gone.mp3](./gone.mp3)' },
			{ line: 2, text: '[[Version 1.2]]', reason: `it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named "Version 1.2", and no file "Version 1.2" is beside the post or anywhere in posts/; write a Markdown link to the post's address, or put the file beside the post and link to it, [Version 1.2](./Version%201.2)` },
		]);
	});

	test("show a wikilink to a file outside the note's folder as written, which the build would not publish, and keep a link's text that is a number", () => {
		const findEmbed = (name: string) => (name === 'talk.pdf' ? './talk.pdf' : '../attachments/deck.pdf');
		const { body, unknown } = expandShortcodes('[[talk.pdf|2023]] [[deck.pdf]] ![[talk.pdf|300]]', siteContext('/posts/:slug/'), { findEmbed });
		expect(body).toBe('[2023](<./talk.pdf>) [[deck.pdf]] [talk\\.pdf](<./talk.pdf>)');
		expect(unknown.map(({ text, reason }) => [text, reason])).toEqual([
			[
				'[[deck.pdf]]',
				"it is an Obsidian wikilink, which Markdown does not read, and no post in src/content/posts/ is named \"deck.pdf\", and the file it names, attachments/deck.pdf, is outside the note's folder, and the build publishes the files of a post's own folder only; write a Markdown link to the post's address, or put the file beside the post and link to it, [deck.pdf](./deck.pdf)",
			],
		]);
	});

	test('show a wikilink to a file whose name an address cannot hold (?, # or %) as written, and percent-encode quotes and angle brackets', () => {
		const findEmbed = (name: string) => `./${name}`;
		const { body, unknown } = expandShortcodes('[[q?x.pdf]] [[pc%41.pdf]] ![[a?b.png]] [[a"b<c>.pdf]]', siteContext('/posts/:slug/'), { findEmbed });
		expect(body).toBe('[[q?x.pdf]] [[pc%41.pdf]] ![[a?b.png]] [a\\"b\\<c\\>\\.pdf](<./a%22b%3Cc%3E.pdf>)');
		expect(unknown.map(({ text }) => text)).toEqual(['[[q?x.pdf]]', '[[pc%41.pdf]]', '![[a?b.png]]']);
		expect(unknown.every(({ reason }) => reason.includes('has a ?, # or %') && reason.endsWith('rename the file'))).toBe(true);
	});

	test('show a wikilink that names no file as text, angle brackets included, and suggest no link that would break as it does', () => {
		const findEmbed = (name: string) => ({ reason: `no file ${JSON.stringify(name)} is beside the post or anywhere in posts/` });
		const { body, unknown } = expandShortcodes('[[a"b<c>.pdf]] [[q?x.pdf]]', siteContext('/posts/:slug/'), { findEmbed });
		expect(body).toBe('[[a"b&lt;c>.pdf]] [[q?x.pdf]]');
		expect(unknown[1]?.reason).toMatch(/put the file beside the post and link to it, under a name without \?, # or %, which an address reads as a query, an anchor or an escape$/);
	});

	test('leave a link whose text is in brackets alone, unreported: [[@kelvin]](https://…) is no wikilink', () => {
		const written = 'Thanks [[@kelvin]](https://github.com/kelvin).';
		expect(expandShortcodes(written, siteContext('/posts/:slug/'))).toMatchObject({ body: written, unknown: [] });
	});

	test('find a post whose file name is written in other letters, as Obsidian and Hugo do, when none matches as written', () => {
		const { body, unknown } = expandShortcodes('[[Ref-Target]] and [[TWIN]]', siteContext('/posts/:slug/'));
		expect(body.split(' and ')[0]).toBe('[Ref\\-Target](</blog/posts/my-custom-slug/>)');
		// Two posts of that name: which one is meant cannot be told.
		expect(unknown.map(({ text }) => text)).toEqual(['[[TWIN]]']);
	});

	test('find a post whose file name spells its accents otherwise (NFD on disk, NFC in the reference)', () => {
		const { body, unknown } = expandShortcodes('[a]({{< ref "caf\u00e9.md" >}}) [b]({{< relref "caf\u00e9" >}}) [c]({{< ref "\u00e9t\u00e9" >}}) [d]({{< ref "/posts/\u00e9t\u00e9/index.md" >}})', siteContext('/posts/:slug/'));
		expect(unknown).toEqual([]);
		expect(body).toBe('[a](/blog/posts/cafe/) [b](/blog/posts/cafe/) [c](/blog/posts/ete/) [d](/blog/posts/ete/)');
	});

	test('link Jekyll references to the address of the post, slug field and date included', () => {
		const { body, unknown } = expandShortcodes(
			'[a]({% post_url 2024-01-07-jekyll-target %}) [b]({% link _posts/2024-01-09-plain.md %}) [c]({{< ref "ref-target.md" >}}) [d]({% post_url 2019-06-01-deep-post %})',
			siteContext('/:year/:month/:day/:slug/'),
		);
		// The target's date is read in the site's time zone, as its own page's address is: 23:30 UTC is the next day in Paris.
		// deep-post.md is a Jekyll post renamed without its date prefix.
		expect(body).toBe('[a](/blog/2024/01/07/renamed/) [b](/blog/2024/01/09/plain/) [c](/blog/2024/01/06/my-custom-slug/) [d](/blog/2019/06/01/deep-post/)');
		expect(unknown).toEqual([]);
	});

	test('resolve a ref without a leading slash against the linking post first, as Hugo does, bundles included', () => {
		const from = (file: string) => path.join(posts, file);
		const context = siteContext('/posts/:slug/');
		// Every bundle's file is index.md: only the path from the linking post tells which one is meant.
		const fromBundle = expandShortcodes('[a]({{< ref "../first/index.md" >}}) [b]({{< relref "../first" >}}) [c]({{< ref "second" >}}) [d]({{< ref "../../ref-target.md#x" >}})', context, { file: from('bundles/second/index.md') });
		expect(fromBundle.body).toBe('[a](/blog/posts/first-bundle/) [b](/blog/posts/first-bundle/) [c](/blog/posts/second/) [d](/blog/posts/my-custom-slug/#x)');
		expect(fromBundle.unknown).toEqual([]);
		// Beside the linking post, a name that two folders hold is no longer ambiguous.
		const fromTwin = expandShortcodes('[a]({{< ref "twin.md" >}}) [b]({{< ref "../b/twin" >}})', context, { file: from('a/other.md') });
		expect(fromTwin.body).toBe('[a](/blog/posts/twin/) [b](/blog/posts/twin/)');
		expect(fromTwin.references.map((reference) => reference.file)).toEqual(['a/twin.md', 'b/twin.md']);
		// A path that leaves the posts folder names nothing there; a leading slash starts from the folder.
		const outside = expandShortcodes('{{< ref "../../../x.md" >}} {{< ref "/twin.md" >}}', context, { file: from('a/other.md') });
		expect(outside.unknown.map((entry) => entry.reason)).toEqual([
			'no post in src/content/posts/ has the file name "../../../x.md", a link Hugo refuses to build; correct the name',
			'"/twin.md" names 2 posts in src/content/posts/ (a/twin.md, b/twin.md); write the path of one from that folder, e.g. a/twin.md',
		]);
	});

	test('turn Markdown links to post files into the posts\' addresses, leaving code, images and other links alone', () => {
		const context = siteContext('/posts/:slug/');
		const body = [
			'See [the first](../first/index.md), [*second*](<../second/index.md#part> "Second"), [target](/ref-target.md) and [deep](../../2019/deep-post.md).',
			'![a picture](../first/index.md) [site](https://example.com/x.md) [mail](mailto:a@b.md) `[code](../first/index.md)` [bare](../first/)',
			'```md',
			'[fenced](../first/index.md)',
			'```',
			'[ref]: ../second/index.md "The second"',
			'[spaced](My%20Notes.md) [`code` text](../first/index.md)',
			'',
			'    [indented](../first/index.md)',
		].join('\n');
		write('bundles/My Notes.md', '---\ntitle: Notes\ndate: 2021-04-01\n---\n');
		const { body: written, unknown, references } = resolvePostLinks(body, context, path.join(posts, 'bundles/second/index.md'));
		expect(written.split('\n')).toEqual([
			'See [the first](/blog/posts/first-bundle/), [*second*](</blog/posts/second/#part> "Second"), [target](/blog/posts/my-custom-slug/) and [deep](/blog/posts/deep-post/).',
			'![a picture](../first/index.md) [site](https://example.com/x.md) [mail](mailto:a@b.md) `[code](../first/index.md)` [bare](../first/)',
			'```md',
			'[fenced](../first/index.md)',
			'```',
			'[ref]: /blog/posts/second/ "The second"',
			'[spaced](/blog/posts/my-notes/) [`code` text](/blog/posts/first-bundle/)',
			'',
			'    [indented](../first/index.md)',
		]);
		expect(unknown).toEqual([]);
		expect(references.map((reference) => reference.file)).toEqual(['bundles/first/index.md', 'bundles/second/index.md', 'ref-target.md', '2019/deep-post.md', 'bundles/second/index.md', 'bundles/My Notes.md', 'bundles/first/index.md']);
	});

	test('link a post whose link text wraps onto the next line, and report one to no post with the line of its destination', () => {
		const three = resolvePostLinks('[my long title\nof the earlier\npost](./ref-target.md)\n\n[a bracket\n\nthen](./ref-target.md)', siteContext('/posts/:slug/'), path.join(posts, 'undated.md'));
		expect(three.body).toBe('[my long title\nof the earlier\npost](/blog/posts/my-custom-slug/)\n\n[a bracket\n\nthen](./ref-target.md)');
		const { body, unknown } = resolvePostLinks("Read [PyPI's December\npost](./ref-target.md \"t\") and [more](./ref-target.md).\n\nSee [gone\nlink](./gone.md).", siteContext('/posts/:slug/'), path.join(posts, 'undated.md'));
		expect(body).toBe("Read [PyPI's December\npost](/blog/posts/my-custom-slug/ \"t\") and [more](/blog/posts/my-custom-slug/).\n\nSee [gone\nlink](./gone.md).");
		expect(unknown).toEqual([{ line: 5, text: 'link](./gone.md)', reason: 'no post in src/content/posts/ has the file "./gone.md"' }]);
	});

	test("link Zola's links to a section's _index.md to the home page, which lists the posts, and report one to a section the posts folder does not have", () => {
		const { body, unknown } = resolvePostLinks(
			'[home](@/_index.md) [posts](@/posts/_index.md#top) [bundles](<@/blog/bundles/_index.md>)\n[blog](@/blog/_index.md) [post](@/nested/index.md)\n\n[ref]: @/_index.md',
			siteContext('/posts/:slug/'),
			path.join(posts, 'undated.md'),
		);
		expect(body).toBe('[home](/blog/) [posts](/blog/#top) [bundles](</blog/>)\n[blog](@/blog/_index.md) [post](/blog/posts/nested/)\n\n[ref]: /blog/');
		expect(unknown).toEqual([
			{ line: 2, text: '[blog](@/blog/_index.md)', reason: 'it names Zola\'s section "blog", and src/content/posts/ has no folder of that name; Carnet lists every post on its home page' },
		]);
	});

	test('keep a Markdown link to no post or to several as written, and report it with its line', () => {
		const { body, unknown } = resolvePostLinks('Intro.\n\n[gone](./gone.md) and [twins](twin.md).', siteContext('/posts/:slug/'), path.join(posts, 'undated.md'));
		expect(body).toBe('Intro.\n\n[gone](./gone.md) and [twins](twin.md).');
		expect(unknown).toEqual([
			{ line: 3, text: '[gone](./gone.md)', reason: 'no post in src/content/posts/ has the file "./gone.md"' },
			{ line: 3, text: '[twins](twin.md)', reason: '"twin.md" names 2 posts in src/content/posts/ (a/twin.md, b/twin.md); write the path of one from the linking post\'s folder' },
		]);
	});

	test("turn a link to a post in a footnote's text into its address", () => {
		write('remix/remix-vite-stable.md', '---\ntitle: Vite stable\ndate: 2023-12-13\n---\n');
		const body = 'A claim.[^1]\n\n[^1]: See [the release](remix-vite-stable.md) and [again](remix-vite-stable).';
		expect(resolvePostLinks(body, siteContext('/posts/:slug/'), path.join(posts, 'remix/linking.md')).body).toBe(
			'A claim.[^1]\n\n[^1]: See [the release](/blog/posts/remix-vite-stable/) and [again](/blog/posts/remix-vite-stable/).',
		);
	});

	test('turn links to a post by its path without extension, as Remix writes them, into its address, fragment and query kept', () => {
		write('remix/remix-vite-stable.md', '---\ntitle: Vite stable\ndate: 2023-12-13\n---\n');
		write('remix/react-router-v6.4.md', '---\ntitle: v6.4\ndate: 2022-09-13\n---\n');
		write('remix/bundled/index.md', '---\ntitle: Bundled\ndate: 2022-01-01\n---\n');
		write('remix/draft-post.md', '---\ntitle: Draft\ndate: 2022-01-01\ndraft: true\n---\n');
		const body = [
			'Read [the post](remix-vite-stable), [its part](./remix-vite-stable#why-now "Why") and [again](<../remix/remix-vite-stable?ref=blog#top>).',
			'[v6.4](react-router-v6.4) [bundle](bundled#top) [encoded](remix%2Dvite%2Dstable)',
			'[remix-vite-stable]: remix-vite-stable',
			'[draft](draft-post)',
		].join('\n');
		const { body: written, unknown, references } = resolvePostLinks(body, siteContext('/posts/:slug/'), path.join(posts, 'remix/linking.md'));
		expect(written.split('\n')).toEqual([
			'Read [the post](/blog/posts/remix-vite-stable/), [its part](/blog/posts/remix-vite-stable/#why-now "Why") and [again](</blog/posts/remix-vite-stable/?ref=blog#top>).',
			'[v6.4](/blog/posts/react-router-v6-4/) [bundle](/blog/posts/bundled/#top) [encoded](/blog/posts/remix-vite-stable/)',
			'[remix-vite-stable]: /blog/posts/remix-vite-stable/',
			'draft',
		]);
		// A post named exactly, which this build does not publish, would be a broken link: its text is shown, and it is reported.
		expect(unknown).toEqual([{ line: 4, text: '[draft](draft-post)', reason: 'the post it names, src/content/posts/remix/draft-post.md, is a draft, so this build publishes no page for it', shownAs: 'its text, without a link' }]);
		expect(references.map((reference) => reference.file)).toEqual([
			'remix/remix-vite-stable.md',
			'remix/remix-vite-stable.md',
			'remix/remix-vite-stable.md',
			'remix/react-router-v6.4.md',
			'remix/bundled/index.md',
			'remix/remix-vite-stable.md',
			'remix/remix-vite-stable.md',
			'remix/draft-post.md',
		]);
		// From a bundle's index file, the other posts are in the folder above.
		expect(resolvePostLinks('[back](../remix-vite-stable)', siteContext('/posts/:slug/'), path.join(posts, 'remix/bundled/index.md')).body).toBe('[back](/blog/posts/remix-vite-stable/)');
	});

	test("turn a link without extension to a post whose folder of files is beside it (Hexo's asset folder) into its address", () => {
		write('remix/attachments.md', '---\ntitle: Attachments\ndate: 2022-01-01\n---\n');
		write('remix/attachments/photo.png', 'png');
		expect(resolvePostLinks('[b](attachments)', siteContext('/posts/:slug/'), path.join(posts, 'remix/linking.md')).body).toBe('[b](/blog/posts/attachments/)');
	});

	test('keep a link without extension that names no post, or a file that is no post, as written and unreported', () => {
		write('remix/remix-vite-stable.md', '---\ntitle: Vite stable\ndate: 2023-12-13\n---\n');
		write('remix/changelog', 'Not a post.');
		write('remix/changelog.md', '---\ntitle: Changelog\ndate: 2022-01-01\n---\n');
		write('remix/pair.md', '---\ntitle: Pair\ndate: 2022-01-01\n---\n');
		write('remix/pair.mdx', '---\ntitle: Pair\ndate: 2022-01-01\n---\n');
		write('remix/_hidden.md', '---\ntitle: Hidden\ndate: 2022-01-01\n---\n');
		// ref-target.md is in the posts folder, not beside the linking post: a Hugo ref would find it by name, a link does not.
		const body = '[a](about) [c](changelog) [d](pair) [e](_hidden) [f](ref-target) [g](../ref-target) [h](remix-vite-stable/) [i](nowhere/deeper) [j](..)';
		const { body: written, unknown, references } = resolvePostLinks(body, siteContext('/posts/:slug/'), path.join(posts, 'remix/linking.md'));
		expect(written).toBe(body);
		expect(unknown).toEqual([]);
		expect(references.map((reference) => [reference.target, reference.file])).toEqual(
			['about', 'changelog', 'pair', '_hidden', 'ref-target', '../ref-target', 'nowhere/deeper'].map((target) => [target, undefined]),
		);
	});

	// A root link (`/remix-vite-stable`) may be another engine's address of the post: post-links-old-addresses.test.ts.
	test('leave a post named without extension alone in code, in an image, and in absolute, scheme and fragment links', () => {
		write('remix/remix-vite-stable.md', '---\ntitle: Vite stable\ndate: 2023-12-13\n---\n');
		const body = [
			'`[c](remix-vite-stable)` ![i](remix-vite-stable) [a](https://remix.run/blog/remix-vite-stable) [m](mailto:remix-vite-stable) [h](#remix-vite-stable) [q](?p=remix-vite-stable)',
			'```md',
			'[fenced](remix-vite-stable)',
			'```',
			'',
			'    [indented](remix-vite-stable)',
		].join('\n');
		expect(resolvePostLinks(body, siteContext('/posts/:slug/'), path.join(posts, 'remix/linking.md'))).toEqual({ body, unknown: [], references: [] });
		// Without the linking post's file, there is no folder to look in.
		expect(resolvePostLinks('[p](remix-vite-stable)', siteContext('/posts/:slug/'), undefined).body).toBe('[p](remix-vite-stable)');
	});

	test('read lines of thousands of unclosed links, definitions and brackets in one pass', () => {
		const from = path.join(posts, 'remix/linking.md');
		// Each line ends with a link, so that it is read.
		for (const unit of ['[a](b', '[a]: b', '[a](b)', '[a](b.md', '[', '[\\', '[a\\]']) {
			const started = performance.now();
			resolvePostLinks(`${unit.repeat(50_000)} [a](b)`, siteContext('/posts/:slug/'), from);
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
		const started = performance.now();
		resolvePostLinks(`[a]:${' '.repeat(50_000)}. [a](b)`, siteContext('/posts/:slug/'), from);
		expect(performance.now() - started, 'spaces after a label').toBeLessThan(5_000);
	});

	test('report a reference to no post, to several or to a post without the date its address needs, and show it as written', () => {
		const { body, unknown } = expandShortcodes(
			'[a]({{< ref "ref-targte.md" >}})\n{% post_url 2024-01-01-does-not-exist %}\n{{< ref "twin.md" >}}\n{{< ref "undated.md" >}}',
			siteContext('/:year/:slug/'),
		);
		expect(body).toBe('[a](`{{< ref "ref-targte.md" >}}`)\n`{% post_url 2024-01-01-does-not-exist %}`\n`{{< ref "twin.md" >}}`\n`{{< ref "undated.md" >}}`');
		expect(unknown).toEqual([
			{ line: 1, text: '{{< ref "ref-targte.md" >}}', reason: 'no post in src/content/posts/ has the file name "ref-targte.md", a link Hugo refuses to build; correct the name' },
			{ line: 2, text: '{% post_url 2024-01-01-does-not-exist %}', reason: 'no post in src/content/posts/ has the file name "2024-01-01-does-not-exist", a link Jekyll refuses to build; correct the name' },
			{ line: 3, text: '{{< ref "twin.md" >}}', reason: '"twin.md" names 2 posts in src/content/posts/ (a/twin.md, b/twin.md); write the path of one from that folder, e.g. a/twin.md' },
			{ line: 4, text: '{{< ref "undated.md" >}}', reason: 'the post it names, src/content/posts/undated.md, has no date, which the permalinks option needs; give that post a date' },
		]);
	});

	test('report a reference to a post the build leaves out (a draft, a future or an expired post) and show a link to it as its text; under astro dev, link it', () => {
		write('a-draft.md', '---\ntitle: Draft\ndate: 2024-01-05\ndraft: true\n---\n');
		write('to-come.md', '---\ntitle: To come\ndate: 2999-01-01\n---\n');
		write('expired.md', '---\ntitle: Expired\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n');
		const body = '[a]({{< ref "a-draft.md" >}}) [b]({{< ref "to-come.md" >}}) [c]({{< ref "expired.md" >}})';
		const { references } = expandShortcodes(body, siteContext('/posts/:slug/'));
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'ref-target.md'));
		expect(written).toBe('a b c');
		expect(unknown.map((item) => item.reason)).toEqual([
			'the post it names, src/content/posts/a-draft.md, is a draft, so this build publishes no page for it',
			'the post it names, src/content/posts/to-come.md, is dated in the future, so this build publishes no page for it',
			'the post it names, src/content/posts/expired.md, has passed its expiryDate, so this build publishes no page for it',
		]);
		expect(references.map((reference) => reference.url)).toEqual([undefined, undefined, undefined]);
		const future = shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', timeZone: 'Europe/Paris', future: true }), posts);
		expect(expandShortcodes('[b]({{< ref "to-come.md" >}})', future).body).toBe('[b](/blog/posts/to-come/)');
		const dev = shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', timeZone: 'Europe/Paris' }), posts, { showDrafts: true });
		expect(expandShortcodes(body, dev).body).toBe('[a](/blog/posts/a-draft/) [b](/blog/posts/to-come/) [c](/blog/posts/expired/)');
		// A Markdown link to the draft's file is shown as its text, which a page can show where a link would be broken, and reported the same way.
		const linked = resolvePostLinks('[a](a-draft.md)', siteContext('/posts/:slug/'), path.join(posts, 'ref-target.md'));
		expect([linked.body, linked.unknown.map((item) => item.reason)]).toEqual(['a', ['the post it names, src/content/posts/a-draft.md, is a draft, so this build publishes no page for it']]);
		expect(resolvePostLinks('[a](a-draft.md)', dev, path.join(posts, 'ref-target.md')).body).toBe('[a](/blog/posts/a-draft/)');
	});

	test('report a reference to a post the loader holds back as a draft by other front matter (Private, a password, build options), naming it as written; under astro dev, link it', () => {
		write('members.md', '---\ntitle: Members\ndate: 2024-01-05\nPrivate: true\n---\n');
		write('locked.md', '---\ntitle: Locked\ndate: 2024-01-05\npassword: hunter2\n---\n');
		write('no-render.md', '---\ntitle: No render\ndate: 2024-01-05\nBuild:\n  render: never\n---\n');
		const body = '{{< ref "members.md" >}}\n[[locked]]\n{% post_link no-render %}';
		const { body: written, unknown, references } = expandShortcodes(body, siteContext('/posts/:slug/'));
		expect(written).toBe('`{{< ref "members.md" >}}`\nlocked\nNo render');
		expect(unknown.map((item) => item.reason)).toEqual([
			'the post it names, src/content/posts/members.md, is held back as a draft by its Private: true, so this build publishes no page for it to link to; publish that post, or link to it once it is',
			'the post it names, src/content/posts/locked.md, is held back as a draft by its password: …, so this build publishes no page for it; publish that post, or remove the link',
			'the post it names, src/content/posts/no-render.md, is held back as a draft by its Build: render: never, so this build publishes no page for it; publish that post, or remove the link',
		]);
		expect(references.map((reference) => reference.url)).toEqual([undefined, undefined, undefined]);
		const dev = shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', timeZone: 'Europe/Paris' }), posts, { showDrafts: true });
		expect(expandShortcodes('{{< ref "members.md" >}}', dev).body).toBe('/blog/posts/members/');
	});

	test("show a Markdown link to a post the build holds back as its text, without a link, reporting its line, its target and why; leave images and code alone; under astro dev, link it", async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		write('held-back/locked.md', '---\ntitle: Locked\ndate: 2024-01-05\npassword: hunter2\n---\n');
		write('held-back/draft.md', '---\ntitle: Draft\ndate: 2024-01-05\ndraft: true\n---\n');
		const body = [
			'Read [the private one](private.md "Soon"), [*the draft*](./draft.md#part), [no extension](private) and [the public one](../ref-target.md).',
			'A [title that',
			'wraps](locked.md) here, and ![a picture](private.md) and `[in code](private.md)`.',
			'Also [by reference][locked], [Locked][] and [LOCKED], but not ![an image][locked].',
			'',
			'```md',
			'[fenced](private.md)',
			'```',
			'',
			'[locked]: <locked.md> "Locked"',
		].join('\n');
		const from = path.join(posts, 'held-back/linker.md');
		const { body: written, unknown } = resolvePostLinks(body, siteContext('/posts/:slug/'), from);
		const renderer = await satteri().createRenderer({} as never);
		const $ = cheerio.load((await renderer.render(written, { frontmatter: {} })).code, null, false);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/ the public one']);
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual([
			'Read the private one, the draft, no extension and the public one.\nA title that\nwraps here, and  and [in code](private.md).\nAlso by reference, Locked and LOCKED, but not .',
		]);
		expect($('p em').text()).toBe('the draft');
		// A relative image's source is Astro's to resolve: Sätteri writes it in a placeholder attribute.
		const sources = $('img')
			.map((_, image) => $(image).attr('src') ?? (JSON.parse($(image).attr('__astro_image_') ?? '{}') as { src?: string }).src)
			.get();
		expect(sources).toEqual(['private.md', 'locked.md']);
		expect($('pre code').text().trim()).toBe('[fenced](private.md)');
		const why = (file: string, front: string) => `the post it names, src/content/posts/held-back/${file}, is held back as a draft by its ${front}, so this build publishes no page for it`;
		const shownAs = 'its text, without a link';
		expect(unknown).toEqual([
			{ line: 1, text: '[the private one](private.md "Soon")', reason: why('private.md', 'private: true'), shownAs: 'its text, without a link or its title, "Soon"' },
			{ line: 1, text: '[*the draft*](./draft.md#part)', reason: 'the post it names, src/content/posts/held-back/draft.md, is a draft, so this build publishes no page for it', shownAs },
			{ line: 1, text: '[no extension](private)', reason: why('private.md', 'private: true'), shownAs },
			{ line: 3, text: 'wraps](locked.md)', reason: why('locked.md', 'password: …'), shownAs },
			{ line: 10, text: '[locked]: <locked.md>', reason: why('locked.md', 'password: …'), shownAs: 'the text of each link that uses it, without a link or its title, "Locked"' },
		]);
		const dev = shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', timeZone: 'Europe/Paris' }), posts, { showDrafts: true });
		const linked = resolvePostLinks(body, dev, from);
		expect(linked.unknown).toEqual([]);
		expect(linked.body.split('\n').slice(0, 4)).toEqual([
			'Read [the private one](/blog/posts/private/ "Soon"), [*the draft*](/blog/posts/draft/#part), [no extension](/blog/posts/private/) and [the public one](/blog/posts/my-custom-slug/).',
			'A [title that',
			'wraps](/blog/posts/locked/) here, and ![a picture](private.md) and `[in code](private.md)`.',
			'Also [by reference][locked], [Locked][] and [LOCKED], but not ![an image][locked].',
		]);
	});

	test("show a Markdown link whose address is a ref, relref, post_url or link to a post the build holds back as its text, without a link, as a link to its file is; link a published one", async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		write('held-back/locked.md', '---\ntitle: Locked\ndate: 2024-01-05\npassword: hunter2\n---\n');
		write('held-back/draft.md', '---\ntitle: Draft\ndate: 2024-01-05\ndraft: true\n---\n');
		write('_posts/2024-01-08-members.md', '---\ntitle: Members\nprivate: true\n---\n');
		const body = [
			'Read [the private one]({{< ref "held-back/private.md" >}}), [*the draft*](<{{< relref "held-back/draft" >}}>) and [the public one]({{< ref "ref-target.md" >}}).',
			'A [link that',
			'wraps]({{< ref "held-back/locked.md#part" >}}) here, [by reference][later], and [Jekyll]({% post_url 2024-01-08-members %}).',
			'',
			'[later]: {{< ref "held-back/locked.md" >}}',
		].join('\n');
		const from = path.join(posts, 'held-back/linker.md');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), from);
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/ the public one']);
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Read the private one, the draft and the public one.\nA link that\nwraps here, by reference, and Jekyll.']);
		expect($('p em').text()).toBe('the draft');
		expect($('code')).toHaveLength(0);
		const why = (file: string, front: string) => `the post it names, src/content/posts/${file}, is held back as a draft by its ${front}, so this build publishes no page for it`;
		const shownAs = 'its text, without a link';
		expect(unknown).toEqual([
			{ line: 1, text: '[the private one]({{< ref "held-back/private.md" >}})', reason: why('held-back/private.md', 'private: true'), shownAs },
			{ line: 1, text: '[*the draft*](<{{< relref "held-back/draft" >}}>)', reason: 'the post it names, src/content/posts/held-back/draft.md, is a draft, so this build publishes no page for it', shownAs },
			{ line: 3, text: 'wraps]({{< ref "held-back/locked.md#part" >}})', reason: why('held-back/locked.md', 'password: …'), shownAs },
			{ line: 3, text: '[Jekyll]({% post_url 2024-01-08-members %})', reason: why('_posts/2024-01-08-members.md', 'private: true'), shownAs },
			{ line: 5, text: '[later]: {{< ref "held-back/locked.md" >}}', reason: why('held-back/locked.md', 'password: …'), shownAs: 'the text of each link that uses it, without a link' },
		]);
		const dev = shortcodeContext(astroConfig, ThemeConfigSchema.parse({ title: 'Refs', timeZone: 'Europe/Paris' }), posts, { showDrafts: true });
		const linked = linkPosts(body, dev, from);
		expect(linked.unknown).toEqual([]);
		expect(linked.body.split('\n')[0]).toBe('Read [the private one](/blog/posts/private/), [*the draft*](</blog/posts/draft/>) and [the public one](/blog/posts/my-custom-slug/).');
	});

	test("show Hexo's post_link and an Obsidian wikilink to a post the build holds back as their text (the text given, the post's title or the note's name), without a link, with the warning; link a published one", async () => {
		write('held-back/secret.md', '---\ntitle: The secret one\ndate: 2024-01-05\nprivate: true\n---\n');
		write('held-back/unfinished.md', '---\ntitle: Unfinished\ndate: 2024-01-05\ndraft: true\n---\n');
		const body = [
			'Read {% post_link secret %}, {% post_link unfinished "the draft" %} and {% post_link ref-target %}.',
			'See [[secret]], [[unfinished|the *draft*]], [[unfinished#Part]] and [[ref-target]].',
			'',
			'<p>In HTML: {% post_link secret %} and [[unfinished|a <draft>]].</p>',
		].join('\n');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/ Target', '/blog/posts/my-custom-slug/ ref-target']);
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual([
			'Read The secret one, the draft and Target.\nSee secret, the *draft*, unfinished and ref-target.',
			'In HTML: The secret one and a <draft>.',
		]);
		expect($('code, em')).toHaveLength(0);
		const why = (file: string, held: string) => `the post it names, src/content/posts/held-back/${file}, ${held}, so this build publishes no page for it; publish that post, or remove the link`;
		const [secret, unfinished] = [why('secret.md', 'is held back as a draft by its private: true'), why('unfinished.md', 'is a draft')];
		expect(unknown).toEqual([
			{ line: 1, text: '{% post_link secret %}', reason: secret, shownAs: 'the title of the post, "The secret one", without a link' },
			{ line: 1, text: '{% post_link unfinished "the draft" %}', reason: unfinished, shownAs: 'its text, without a link' },
			{ line: 2, text: '[[secret]]', reason: secret, shownAs: 'the name of the note, "secret", without a link' },
			{ line: 2, text: '[[unfinished|the *draft*]]', reason: unfinished, shownAs: 'its text, without a link' },
			{ line: 2, text: '[[unfinished#Part]]', reason: unfinished, shownAs: 'the name of the note, "unfinished", without a link' },
			{ line: 4, text: '{% post_link secret %}', reason: secret, shownAs: 'the title of the post, "The secret one", without a link' },
			{ line: 4, text: '[[unfinished|a <draft>]]', reason: unfinished, shownAs: 'its text, without a link' },
		]);
	});

	test('show a ref to a post the build holds back that is no Markdown link (alone, an image) as written, as code, reporting it', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = 'Alone {{< ref "held-back/private.md" >}} and ![an image]({{< ref "held-back/private.md" >}}).';
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['{{< ref "held-back/private.md" >}}', '{{< ref "held-back/private.md" >}}']);
		expect(written).not.toMatch(/carnet-held-back/);
		expect(unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 {{< ref "held-back/private.md" >}}', '1 {{< ref "held-back/private.md" >}}']);
	});

	test('link an HTML <a href> to a post file at its address, and show one to a post the build holds back as its text, without the <a>, reporting its line, its target and why', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		write('held-back/draft.md', '---\ntitle: Draft\ndate: 2024-01-05\ndraft: true\n---\n');
		const body = [
			'Read <a href="private.md">the <em>private</em> one</a>, <a class="x" href=\'./draft.md#part\'>the draft</a> and <a href="../ref-target.md#top" title="Target">the public one</a>, not `<a href="private.md">x</a>`.',
			'',
			'<p>In HTML: <a href="../held-back/private.md"',
			'   >a wrapped tag</a>, <a href="{{< ref "held-back/private.md" >}}">a ref</a>.</p>',
			'',
			'<!-- <a href="private.md">commented out</a> -->',
		].join('\n');
		const from = path.join(posts, 'held-back/linker.md');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), from);
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).attr('title') ?? ''} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/#top Target the public one']);
		expect($('p').map((_, paragraph) => $(paragraph).text().replace(/\s+/g, ' ')).get()).toEqual(['Read the private one, the draft and the public one, not <a href="private.md">x</a>.', 'In HTML: a wrapped tag, a ref.']);
		expect($('p em').text()).toBe('private');
		expect(written).toContain('<!-- <a href="private.md">commented out</a> -->');
		const why = 'the post it names, src/content/posts/held-back/private.md, is held back as a draft by its private: true, so this build publishes no page for it';
		const shownAs = 'its text, without a link';
		expect(unknown).toEqual([
			{ line: 1, text: '<a href="private.md">', reason: why, shownAs },
			{ line: 1, text: '<a class="x" href=\'./draft.md#part\'>', reason: 'the post it names, src/content/posts/held-back/draft.md, is a draft, so this build publishes no page for it', shownAs },
			{ line: 3, text: '<a href="../held-back/private.md"\n   >', reason: why, shownAs },
			{ line: 4, text: '<a href="{{< ref "held-back/private.md" >}}">', reason: why, shownAs },
		]);
	});

	test('write the address of an HTML link to a post file in double quotes, however its href was written, as HTML reads it', async () => {
		const body = 'See <a href=ref-target.md>bare</a>, <a href=\'ref-target.md#a&amp;"b"\'>single quoted</a> and <a href="/ref-target.md">from the root</a>, as [in Markdown](/ref-target.md).';
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual([
			'/blog/posts/my-custom-slug/ bare',
			'/blog/posts/my-custom-slug/#a&"b" single quoted',
			'/blog/posts/my-custom-slug/ from the root',
			'/blog/posts/my-custom-slug/ in Markdown',
		]);
		expect($('p').text()).toBe('See bare, single quoted and from the root, as in Markdown.');
		expect(unknown).toEqual([]);
	});

	test('keep the query of a link to a post file after the post\'s address, in Markdown and in HTML, and show one to a post held back as its text', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = 'See <a href="ref-target.md?x=1&amp;y=2#top">in HTML</a> and [in Markdown](ref-target.md?x=1#top), not <a href="private.md?x=1">held back</a> nor [this](<private.md?x=1>).';
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/?x=1&y=2#top in HTML', '/blog/posts/my-custom-slug/?x=1#top in Markdown']);
		expect($('p').text()).toBe('See in HTML and in Markdown, not held back nor this.');
		expect(unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 <a href="private.md?x=1">', '1 [this](<private.md?x=1>)']);
	});

	test('read an HTML link\'s href as HTML reads its attributes, not inside another attribute\'s value, and its first href where it has two', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = [
			'<a title="x href=\'private.md\'" href="https://ok.example/">held back in the title</a>',
			'<a title="x href=\'ref-target.md\'" href="https://ok.example/two">published in the title</a>',
			'<a data-x=\'href="private.md"\' href="https://ok.example/three" href="private.md">twice</a>',
		].join('\n');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).attr('title') ?? $(link).attr('data-x')} ${$(link).text()}`).get()).toEqual([
			"https://ok.example/ x href='private.md' held back in the title",
			"https://ok.example/two x href='ref-target.md' published in the title",
			'https://ok.example/three href="private.md" twice',
		]);
		expect(unknown).toEqual([]);
	});

	test('read a quote inside an unquoted attribute value as part of the value, as HTML\'s tokenizer does, not as the start of a quoted one', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = [
			'<p><a href=private.md title=it"s>one</a>, <a title=x"y href="private.md">two</a>,',
			'<a href=ref-target.md"y>three</a>, <a data-x=\'a\' title=b\'c href=ref-target.md>four</a>.</p>',
		].join('\n');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('p').text()).toBe('one, two,\nthree, four.');
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).attr('title')} ${$(link).text()}`).get()).toEqual(['ref-target.md"y undefined three', "/blog/posts/my-custom-slug/ b'c four"]);
		expect(unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 <a href=private.md title=it"s>', '1 <a title=x"y href="private.md">']);
	});

	test('show an HTML link to a post held back as its content up to the </a> that ends it, one in a code span or a comment being text', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = 'A <a href="private.md">see `</a>` here <!-- </a> --></a> tail, <a href="ref-target.md">linked</a>.';
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('p').text()).toBe('A see </a> here  tail, linked.');
		expect($('p code').text()).toBe('</a>');
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/ linked']);
		expect(written).toContain('<!-- </a> -->');
		expect(unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 <a href="private.md">']);
	});

	test('leave the text of a textarea, a title and an xmp alone, which holds no link', async () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = [
			'<textarea><a href="ref-target.md">one</a> <a href="private.md">two</a></textarea>',
			'',
			'<p><title><a href="private.md">three</a></title> <xmp><a href="ref-target.md">four</a></xmp> <a href="ref-target.md">five</a></p>',
		].join('\n');
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		const $ = await renderedHtml(written);
		expect($('textarea').text()).toBe('<a href="ref-target.md">one</a> <a href="private.md">two</a>');
		expect($('title').text()).toBe('<a href="private.md">three</a>');
		expect($('xmp').text()).toBe('<a href="ref-target.md">four</a>');
		expect($('a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual(['/blog/posts/my-custom-slug/ five']);
		expect(unknown).toEqual([]);
	});

	test('read 20,000 HTML links to a post held back, closed or left open, in linear time', () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const from = path.join(posts, 'held-back/linker.md');
		for (const unit of ['<a href="private.md">x</a> ', '<a href="private.md" ', '<a title="']) {
			const started = performance.now();
			linkPosts(unit.repeat(20_000), siteContext('/posts/:slug/'), from);
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});

	test('name the title of a link shown as its text in its warning, which goes with the link', () => {
		write('held-back/private.md', '---\ntitle: Private\ndate: 2024-01-05\nprivate: true\n---\n');
		const body = '[one](private.md "Coming soon") and [two]({{< ref "held-back/private.md" >}} \'Later\')\nand <a href="private.md" title="Not yet">three</a>.\n\n[four][def]\n\n[def]: private.md (Someday)';
		const { body: written, unknown } = linkPosts(body, siteContext('/posts/:slug/'), path.join(posts, 'held-back/linker.md'));
		expect(written.split('\n').slice(0, 4)).toEqual(['one and two', 'and three.', '', 'four']);
		expect(unknown.map(({ shownAs }) => shownAs)).toEqual([
			'its text, without a link or its title, "Coming soon"',
			'its text, without a link or its title, "Later"',
			'its text, without a link or its title, "Not yet"',
			'the text of each link that uses it, without a link or its title, "Someday"',
		]);
	});

	test("report a reference to a page exported from Notion whose Status property says Draft, and link a published one at the slug and date its properties give", () => {
		const id = '0123456789abcdef0123456789abcdef';
		write(`Notion draft ${id}.md`, '# Notion draft\n\nCreated: January 5, 2024 3:04 PM\nStatus: Draft\n\nText.\n');
		write(`Notion page ${id}.md`, '# Notion page\n\nCreated: January 5, 2024 3:04 PM\nSlug: from-notion\nStatus: Published\n\nText.\n');
		const { body, unknown } = expandShortcodes(`{{< ref "Notion draft ${id}.md" >}}\n{{< ref "Notion page ${id}.md" >}}`, siteContext('/:year/:slug/'));
		expect(body).toBe(`\`{{< ref "Notion draft ${id}.md" >}}\`\n/blog/2024/from-notion/`);
		expect(unknown.map((item) => item.reason)).toEqual([
			`the post it names, src/content/posts/Notion draft ${id}.md, is a draft, so this build publishes no page for it to link to; publish that post, or link to it once it is`,
		]);
	});

	test('list the posts a body links to with the address each gave, for a cache key that changes with the target slug', () => {
		write('moving.md', '---\ntitle: Moving\ndate: 2024-01-05\nslug: first-slug\n---\n');
		const body = 'See [it]({{< ref "moving.md" >}}) and [gone]({{< ref "gone.md" >}}).';
		expect(referencesKey(expandShortcodes('No reference.', siteContext('/posts/:slug/')).references)).toBe('');
		const before = expandShortcodes(body, siteContext('/posts/:slug/')).references;
		expect(before).toEqual([
			{ target: 'moving.md', file: 'moving.md', url: '/blog/posts/first-slug/' },
			{ target: 'gone.md', file: undefined, url: undefined },
		]);
		write('moving.md', '---\ntitle: Moving\ndate: 2024-01-05\nslug: another-slug\n---\n');
		write('gone.md', '---\ntitle: Back\ndate: 2024-01-05\n---\n');
		expect(expandShortcodes(body, siteContext('/posts/:slug/')).references).toEqual([
			{ target: 'moving.md', file: 'moving.md', url: '/blog/posts/another-slug/' },
			{ target: 'gone.md', file: 'gone.md', url: '/blog/posts/gone/' },
		]);
		expect(referencesKey(expandShortcodes(body, siteContext('/posts/:slug/')).references)).not.toBe(referencesKey(before));
	});
});

describe("the Go blog's template actions", () => {
	const interfaceGo = '//go:build OMIT\n\npackage context\n\n// A Context carries a deadline.\ntype Context interface {\n\tDone() <-chan struct{}\n\tErr() error // HL\n}\n\nfunc main() { // OMIT\n\tx := 1\n}\n';
	const files: Record<string, string> = { 'context/interface.go': interfaceGo };
	const read = (name: string) => files[name] ?? { reason: `the file it shows, ${name}, is not there` };
	const go = (body: string) => expandShortcodes(body, context, { readCode: read });

	test('show the lines of a file from the line a /regexp/ matches to the line the second matches after it, inclusive, its // HL lines highlighted', () => {
		expect(go('The type:\n\n{{code "context/interface.go" `/A Context/` `/^}/`}}\n\nAfter.').body).toBe(
			'The type:\n\n```go {3}\n// A Context carries a deadline.\ntype Context interface {\n\tErr() error\n}\n```\n\nAfter.'.replace('type Context interface {\n', 'type Context interface {\n\tDone() <-chan struct{}\n').replace('{3}', '{4}'),
		);
	});

	test("show a whole file without its OMIT lines, and read play as code, $ as the last line and Go's (?m) flag", () => {
		expect(go('{{play "context/interface.go"}}').body).toBe('```go\npackage context\n\n// A Context carries a deadline.\ntype Context interface {\n\tDone() <-chan struct{}\n\tErr() error\n}\n\n\tx := 1\n}\n```');
		expect(go('{{code "context/interface.go" `/(?m)^\\tx/` `$`}}').body).toBe('```go\n\tx := 1\n}\n```');
	});

	test('show an action whose file is not there, whose address matches no line, or that is not alone on its line, as written in code, and report it with its line', () => {
		const result = go('Text\n{{code "missing.go"}}\n{{code "context/interface.go" `/nowhere/` `$`}}\nSee {{code "context/interface.go"}} here.');
		expect(result.body).toBe('Text\n`{{code "missing.go"}}`\n`` {{code "context/interface.go" `/nowhere/` `$`}} ``\nSee `{{code "context/interface.go"}}` here.');
		expect(result.unknown.map(({ line, reason }) => [line, reason])).toEqual([
			[2, 'the file it shows, missing.go, is not there; add the file beside the post, or write its lines as a fenced code block'],
			[3, 'no line of context/interface.go matches /nowhere/; correct the address'],
			[4, "Go's code shows a block of code, which Carnet shows only for an action on a line of its own; put it on its own line"],
		]);
	});

	test('leave an action in code as written', () => {
		const body = '```\n{{code "context/interface.go"}}\n```\n\n`{{play "x.go"}}` and `{{code "x.go" `/a/`}}`';
		expect(go(body)).toEqual({ body, unknown: [], references: [] });
	});

	test('make {{raw `…`}} over lines of indented text the code block Markdown reads it as, each line on its line', () => {
		const body = 'First:\n\n{{raw `\n\tfr := trace.NewFlightRecorder(cfg{\n\t\tMinAge: 1,\n\t})\n`}}\n\nAfter.';
		const result = go(body);
		expect(result.body).toBe('First:\n\n```\nfr := trace.NewFlightRecorder(cfg{\n\tMinAge: 1,\n})\n```\n\nAfter.');
		expect(result.body.split('\n').length).toBe(body.split('\n').length);
		expect(result.unknown).toEqual([]);
		expect(go('A {{raw `<b>bold</b>`}} word, `{{raw `x`}}`.').body).toBe('A <b>bold</b> word, `{{raw `x`}}`.');
		const open = go('Text {{raw `\n\tx := 1\n`}}');
		expect(open.unknown.map(({ line, text }) => [line, text])).toEqual([[1, '{{raw `']]);
		expect(go('{{raw `<b>{x}</b>`}}').body).toBe('<b>{x}</b>');
	});

	test('refuse an address that could backtrack for hours, with the reason, and match none against a line of 1 MB', () => {
		files['hostile.go'] = `// ${'a'.repeat(50_000)}!\nfunc main() {}\n${'b'.repeat(1_000_000)}\n`;
		const started = performance.now();
		const result = go('{{code "hostile.go" `/^// (a+)+$/`}}\n{{code "hostile.go" `/a*a*b/`}}\n{{code "hostile.go" `/(a)\\1/`}}\n{{code "hostile.go" `/^b+c/` `$`}}');
		expect(performance.now() - started).toBeLessThan(1_000);
		expect(result.unknown.map(({ line, reason }) => [line, reason.split(' does (')[0] + (reason.includes(' does (') ? ' does' : '')])).toEqual([
			[1, 'Carnet runs no regular expression that repeats a group, refers back to one or repeats more than once, as /^// (a+)+$/ does'],
			[2, 'Carnet runs no regular expression that repeats a group, refers back to one or repeats more than once, as /a*a*b/ does'],
			[3, 'Carnet runs no regular expression that repeats a group, refers back to one or repeats more than once, as /(a)\\1/ does'],
			[4, 'no line of hostile.go matches /^b+c/; correct the address'],
		]);
		// One repetition, escapes and classes are run: the Go blog's addresses are of that kind.
		expect(go('{{code "context/interface.go" `/^type [A-Z]\\w* interface/` `/^}/`}}').unknown).toEqual([]);
	});

	test('leave an action in a fenced block of a list item as written, and the post after it as it was', () => {
		const body = '1. Run it:\n\n    ```go\n    {{code "context/interface.go"}}\n    ```\n\nAfter the list.\n';
		expect(go(body)).toEqual({ body, unknown: [], references: [] });
	});

	test('read a line of 1 MB and 10,000 actions in well under a second', () => {
		const started = performance.now();
		go(`{{code "${'a'.repeat(1_000_000)}`);
		go('{{code "context/interface.go" `/x/`'.repeat(10_000));
		go(`{{raw \`${'{{raw `'.repeat(10_000)}`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe("Hexo's blockquote, pullquote and img tags", () => {
	test('make a blockquote a Markdown quote line for line, its author and source a footer, the source a link only to an http(s) address', () => {
		const body = [
			'{% blockquote David Levithan, Wide Awake %}',
			'Do not just seek *happiness*.',
			'',
			'Second <paragraph>.',
			'{% endblockquote %}',
			'{% blockquote Seth Godin http://sethgodin.typepad.com/a.html Welcome to Island Marketing %}',
			'Every interaction.',
			'{% endblockquote %}',
			'{% blockquote @DevDocs https://twitter.com/devdocs/status/1 %}',
			'New.',
			'{% endblockquote %}',
			'{% pullquote mypull %}',
			'Pulled.',
			'{% endpullquote %}',
		].join('\n');
		const { body: expanded, unknown } = expand(body);
		expect(expanded.split('\n')).toEqual([
			'',
			'> Do not just seek *happiness*.',
			'>',
			'> Second <paragraph>.',
			'> <footer><strong>David Levithan</strong><cite>Wide Awake</cite></footer>',
			'',
			'> Every interaction.',
			'> <footer><strong>Seth Godin</strong><cite><a href="http://sethgodin.typepad.com/a.html">Welcome to Island Marketing</a></cite></footer>',
			'',
			'> New.',
			'> <footer><strong>@DevDocs</strong><cite><a href="https://twitter.com/devdocs/status/1">twitter.com/devdocs/status/1</a></cite></footer>',
			'',
			'> Pulled.',
			'',
		]);
		expect(unknown).toEqual([]);
	});

	test("show an Octopress pullquote's paragraph whole, as Octopress does, without the {\" and \"} that mark the part it pulls out", async () => {
		const written = ['{% pullquote %}', 'When you come to the text you want to pull, {" surround it like this "} and that is all.', '{% endpullquote %}', '', 'After.'].join('\n');
		const { body, unknown } = expand(written);
		expect(body.split('\n')).toHaveLength(5);
		const $ = await renderedMarkdown(body);
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['When you come to the text you want to pull, surround it like this and that is all.', 'After.']);
		expect($('blockquote').length).toBe(0);
		expect(unknown).toEqual([]);
	});

	test('make an img a Markdown image, its title and alt from its quoted meta, its class names and size left out', () => {
		const body = [`{% img /images/x.png 100 200 '"title text" "alt text"' %}`, '{% img full-image https://example.com/a.jpg 50% %}', '{% img cat.jpg "A cat" %}', '{% img javascript:alert(1) %}'].join('\n');
		const { body: expanded, unknown } = expand(body);
		expect(expanded.split('\n')).toEqual(['![alt text](</images/x.png> "title text")<!--carnet:no-caption-->', '![](<https://example.com/a.jpg>)', '![A cat](<cat.jpg> "A cat")<!--carnet:no-caption-->', '`{% img javascript:alert(1) %}`']);
		expect(unknown.map(({ line, reason }) => `${line}: ${reason}`)).toEqual(["4: Carnet reads img's image as its first word that starts with /, is an http(s) address or names an image file, and finds none"]);
	});

	test("show an img's title as its title and alt, as Octopress and Hexo write it, not as a figure's caption", async () => {
		const { body } = expand("{% img right /images/a.png 300 200 'Place Kitten #4' 'An image of a very cute kitten' %}\n\n{% img left /images/b.png Place Kitten #2 %}");
		const $ = await renderedMarkdown(body);
		expect($('img').map((_, image) => `${$(image).attr('alt')} / ${$(image).attr('title')}`).get()).toEqual(['An image of a very cute kitten / Place Kitten #4', 'Place Kitten #2 / Place Kitten #2']);
		expect($('figure, figcaption').length).toBe(0);
	});

	test('read thousands of quotes, all but the last left open, in well under a second', () => {
		const started = performance.now();
		expect(expand(`${'{% blockquote a %}\nx\n'.repeat(5_000)}{% endblockquote %}`).body).toContain('> x');
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('boxes written on one line, and self-closing ones whose text is an argument', () => {
	test("make Relearn's expand and notice and Hexo's note on one line the callouts their forms on lines of their own make, each line kept where it was written", () => {
		const result = expand(['{{% expand "Title" %}}Hidden *text*{{% /expand %}}', '', '{{% notice warning %}}Careful.{{% /notice %}}', '', '{% note info %}Hexo text{% endnote %}', '', 'After {{< qr >}}'].join('\n'));
		expect(result.body.split('\n')).toEqual(['> [!NOTE]- Title', '> Hidden *text*', '', '> [!WARNING]', '> Careful.', '', '> [!NOTE]', '> Hexo text', '', 'After `{{< qr >}}`']);
		expect(result.lines).toEqual([1, 1, 2, 3, 3, 4, 5, 5, 6, 7]);
		expect(result.unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['7 {{< qr >}}']);
	});

	test("read Hugo's self-closing form of any shortcode Carnet knows as its form without the slash, the slash no argument", () => {
		const body = ['{{< gist user 1a2b />}}', '{{< figure src="/a.png" alt="A"/>}}', '{{< youtube abc />}}', '{{< param title />}}'].join('\n');
		expect(expandShortcodes(body, context, { params: { title: 'T' } }).body.split('\n')).toEqual([
			'<a href="https://gist.github.com/user/1a2b">See the gist</a>',
			'<figure class="carnet-figure"><img src="/a.png" alt="A"></figure>',
			'<a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>',
			'T',
		]);
	});

	test("make Doks' self-closing alert a callout of its context, its text= argument the callout's Markdown", () => {
		const result = expand('{{< alert context="danger" text="Some **text** with \\"quotes\\"" />}}\n\n{{< alert icon="👉" text="Read *this*" />}}');
		expect(result.body.split('\n')).toEqual(['> [!CAUTION]', '> Some **text** with "quotes"', '', '> [!NOTE]', '> Read *this*']);
		expect(result.unknown).toEqual([]);
	});

	test('title a details or expand box with no title as the same box on lines of its own is', () => {
		const oneLine = expandShortcodes('{{< expand >}}Hidden text{{< /expand >}}\n\n{{< details >}}More{{< /details >}}', context, { detailsTitle: 'Details' });
		expect(oneLine.body.split('\n')).toEqual(['> [!NOTE]- Details', '> Hidden text', '', '> [!NOTE]- Details', '> More']);
		expect(hugoBoxesAsCallouts('{{< expand >}}\nHidden text\n{{< /expand >}}', 'Details').split('\n').slice(0, 2)).toEqual(oneLine.body.split('\n').slice(0, 2));
	});

	test('make a box on one line in a quote a callout in that quote, and boxes one after the other on one line a callout each', () => {
		const result = expand(['> Before.', '>', '> {{< notice tip >}}Quoted *text*{{< /notice >}}', '', '{{% notice note %}}Opens{{% /notice %}} {{% notice tip %}}and another{{% /notice %}}', '', '> > {{< note >}}A{{< /note >}}{{< warning >}}B{{< /warning >}}'].join('\n'));
		expect(result.body.split('\n')).toEqual([
			'> Before.',
			'>',
			'> > [!TIP]',
			'> > Quoted *text*',
			'',
			'> [!NOTE]',
			'> Opens',
			'',
			'> [!TIP]',
			'> and another',
			'',
			'> > > [!NOTE]',
			'> > > A',
			'> >',
			'> > > [!WARNING]',
			'> > > B',
		]);
		expect(result.lines).toEqual([1, 2, 3, 3, 4, 5, 5, 5, 5, 5, 6, 7, 7, 7, 7, 7]);
		expect(result.unknown).toEqual([]);
	});

	test('leave a box on one line out of a quote, right under or above a line of quote markers alone, as written: its callout would join that quote', () => {
		const under = expand(['> A quoted line.', '>', '{{< notice tip >}}Tip text{{< /notice >}}'].join('\n'));
		expect(under.body.split('\n')).toEqual(['> A quoted line.', '>', '`{{< notice tip >}}`Tip text`{{< /notice >}}`']);
		const above = expand(['{{< notice warning >}}Careful{{< /notice >}}', '>', '> Quote after.'].join('\n'));
		expect(above.body.split('\n')).toEqual(['`{{< notice warning >}}`Careful`{{< /notice >}}`', '>', '> Quote after.']);
	});

	test('stay as written, with a warning for each tag, when text follows the closing tag', () => {
		const result = expand('{{% notice note %}}Opens {{% /notice %}} and more\n\n{% note info %}Text{% endnote %} and more');
		expect(result.body.split('\n')).toEqual(['`{{% notice note %}}`Opens `{{% /notice %}}` and more', '', '`{% note info %}`Text`{% endnote %}` and more']);
		expect(result.unknown.map(({ line, text }) => `${line} ${text}`)).toEqual(['1 {{% notice note %}}', '1 {{% /notice %}}', '3 {% note info %}', '3 {% endnote %}']);
	});

	test('stay as written, with a warning, when the callouts option is false', () => {
		const result = expandShortcodes('{{% notice note %}}Text{{% /notice %}}', context, { callouts: false });
		expect(result.body).toBe('`{{% notice note %}}`Text`{{% /notice %}}`');
		expect(result.unknown.length).toBe(2);
	});
});

describe('shortcodes that nothing closes, followed by long runs of spaces or letters', () => {
	test('are shown as written, each read in linear time', () => {
		const spaces = ' '.repeat(100_000);
		const started = performance.now();
		for (const body of [`Text.\n\n{{< a${spaces}\n\nEnd.`, `{{<${spaces}\n`, `{{< a.inline${spaces}x`, `{{</* a${spaces}*/ x`, `{{< tabs${spaces}x`, `Text {{< ${'a'.repeat(100_000)}${spaces}`]) {
			expect(expand(body).body).toContain(spaces);
		}
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('code spans that run over a line break', () => {
	const marked = (body: string) => expandShortcodes(body, context, { markAsWritten: true });

	test('show the shortcodes in them as written, expanding those after them on their lines', () => {
		const result = marked('A span over `two\nlines` and `{{< youtube id >}}` shown as code, then {{< unknownthing x >}} after, {{< youtube abc >}}.');
		expect(result.body.split('\n')).toEqual([
			'A span over `two',
			`lines\` and \`{{< youtube id >}}\` shown as code, then \`{{< unknownthing x >}}\`${AS_WRITTEN_MARK} after, <a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>.`,
		]);
		expect(result.unknown.map(({ line, text }) => [line, text])).toEqual([[2, '{{< unknownthing x >}}']]);
	});

	test('are not opened by an escaped backtick, across the rows of a table, or in an HTML block, which has no code spans: the shortcodes there are expanded', () => {
		const link = '<a href="https://www.youtube.com/watch?v=abc123">Watch on YouTube</a>';
		expect(expand('Write \\` to show a backtick. {{< youtube abc123 >}}\nThen run `make`.').body).toBe(`Write \\\` to show a backtick. ${link}\nThen run \`make\`.`);
		// GFM reads each row of a table on its own, with a leading pipe or without.
		expect(expand('Key | Video\n--- | ---\n`a | {{< youtube abc123 >}}\nb | `c`').body).toBe(`Key | Video\n--- | ---\n\`a | ${link}\nb | \`c\``);
		expect(expand('| Key | Video |\n|:---|---:|\n| `a | {{< youtube abc123 >}} |\n| b | `c` |').body).toBe(`| Key | Video |\n|:---|---:|\n| \`a | ${link} |\n| b | \`c\` |`);
		expect(expand('<p title="a`b">{{< youtube abc123 >}}</p>\nsee `x`').body).toBe(`<p title="a\`b">${link}</p>\nsee \`x\``);
		// An escaped backtick inside a span is text there: the span still runs over the line break.
		expect(expand('A span `over \\\nlines {{< youtube abc123 >}}` then').body).toBe('A span `over \\\nlines {{< youtube abc123 >}}` then');
	});

	test("are not opened by a backtick in a link's title or destination, an autolink or a reference definition's title, as Sätteri reads them: the shortcodes after them are expanded", () => {
		const link = '<a href="https://www.youtube.com/watch?v=abc123">Watch on YouTube</a>';
		for (const before of ['[x](https://a.example "Don`t")', "[x](https://a.example 'Don`t')", '[x](https://a.example (Don`t))', '![x](a.png "Don`t")', '[x](<a`b.png>)', '[x](a`b)', '<https://a.example/a`b>', '[r]: https://a.example "Don`t"\n', '[r]: https://a.example\n  "Don`t"\n', '[a [b](https://a.example "Don`t") c](d)']) {
			// On the shortcode's line, and with the shortcode on the next line of the paragraph.
			for (const body of [`${before} and {{< youtube abc123 >}} then \`code\``, `${before} and\n{{< youtube abc123 >}} then \`code\``]) {
				expect(expand(body).body, body).toBe(body.replace('{{< youtube abc123 >}}', link));
			}
		}
	});

	test('are not opened by a backtick in a raw HTML tag, comment or processing instruction, as Sätteri reads them: the shortcodes after them are expanded', () => {
		const link = '<a href="https://www.youtube.com/watch?v=abc123">Watch on YouTube</a>';
		for (const before of ['Press <abbr title="`">tick</abbr>', "<span data-tick='`'>", '<kbd title="`"\nlang="en">k</kbd>', '<!-- ` -->', '<? ` ?>']) {
			for (const body of [`${before} and {{< youtube abc123 >}} then \`code\``, `${before} and\n{{< youtube abc123 >}} then \`code\``]) {
				expect(expand(body).body, body).toBe(body.replace('{{< youtube abc123 >}}', link));
			}
		}
		expect(expand('Press <abbr title="`">tick</abbr> and {% youtube abc123 %} then `code`').body).toBe(`Press <abbr title="\`">tick</abbr> and ${link} then \`code\``);
	});

	test('still pair a backtick after a `<` that opens no tag with the next one, as Sätteri does', () => {
		for (const body of ['a < b ` {{< youtube abc123 >}} `', '<a b=` {{< youtube abc123 >}} `>', '<!-- ` {{< youtube abc123 >}} `']) {
			expect(expand(body).body, body).toBe(body);
		}
	});

	test("still pair a backtick before a link's closing bracket, or in a title the link does not close, with the next one, as Sätteri does", () => {
		// Sätteri: [foo<code>](/uri) {{&lt; youtube abc123 &gt;}} </code>…, and no link where the title is not followed by `)`.
		for (const body of ['[foo`](/uri) {{< youtube abc123 >}} `', '[x](u "a`b" and {{< youtube abc123 >}} then `code`', '[x]: u\n"a`b" {{< youtube abc123 >}} `c`', '[a]\n(u "t`") {{< youtube abc123 >}} `c`']) {
			expect(expand(body).body, body).toBe(body);
		}
	});

	test('read a paragraph of 100 KB of links with backticks in their titles, of link openings that fail, or of HTML openers that nothing closes, in well under a second', () => {
		for (const body of ['[x](u "a`b") {{< youtube abc123 >}} '.repeat(3_000), `${'<? <![CDATA[ <a b="'.repeat(5_000)}\` {{< youtube abc123 >}}`, '<abbr title="`">a</abbr> {{< youtube abc123 >}} '.repeat(2_000), `${'[a](x()'.repeat(15_000)} {{< youtube abc123 >}} \``, `${'[a](<'.repeat(20_000)}\` {{< youtube abc123 >}}`, `${'[a]( u'.repeat(15_000)}\` {{< youtube abc123 >}}`, `${'[x]: u "a`b"\n'.repeat(8_000)}{{< youtube abc123 >}} \`c\``]) {
			const started = performance.now();
			const result = expandShortcodes(body, context);
			expect(performance.now() - started, body.slice(0, 20)).toBeLessThan(1_000);
			expect(result.body).toContain('watch?v=abc123');
		}
	});

	test('are closed by a run after a backslash, which is text inside a span: the shortcodes after the span are expanded', () => {
		for (const shortcode of ['{{< youtube dQw4w9WgXcQ >}}', '{% youtube dQw4w9WgXcQ %}']) {
			const shown = expand(shortcode).body;
			expect(shown).toContain('watch?v=dQw4w9WgXcQ');
			for (const body of [`Open \`\`C:\\Users\\\`\` then\n${shortcode} and see \`x\`.`, `Open \`C:\\Users\\\` then ${shortcode} and see \`x\`.`]) {
				const { body: expanded, unknown } = expand(body);
				expect(expanded, body).toBe(body.replace(shortcode, shown));
				expect(unknown).toEqual([]);
			}
		}
		// A backslash before an opening run makes only its first backtick text: the rest of the run opens a span.
		expect(expand('A \\``{{< youtube abc123 >}}` then `x`').body).toBe('A \\``{{< youtube abc123 >}}` then `x`');
	});

	test('read a paragraph of 100 KB of escaped backticks, table rows or HTML lines in well under a second', () => {
		for (const body of ['\\` a `'.repeat(15_000), `a | b\n--|--\n${'`x | y\n'.repeat(15_000)}`, '<div title="`">\n`a\n'.repeat(8_000)]) {
			const started = performance.now();
			expandShortcodes(body, context);
			expect(performance.now() - started, body.slice(0, 20)).toBeLessThan(1_000);
		}
	});

	test('keep a shortcode in a span opened on the line above as written, with no mark inside that span', () => {
		const result = marked('A `span {{< unknownthing y >}} over\nthree\nlines` then {{< unknownthing z >}} and `more`.');
		expect(result.body.split('\n')).toEqual(['A `span {{< unknownthing y >}} over', 'three', `lines\` then \`{{< unknownthing z >}}\`${AS_WRITTEN_MARK} and \`more\`.`]);
		expect(result.unknown.map(({ line, text }) => [line, text])).toEqual([[3, '{{< unknownthing z >}}']]);
	});

	test('read a span of two backticks holding one backtick over two lines as one span', () => {
		expect(expand('Over `` a ` b {{< youtube id >}}\nc `` and {{< youtube abc >}}.').body.split('\n')).toEqual([
			'Over `` a ` b {{< youtube id >}}',
			'c `` and <a href="https://www.youtube.com/watch?v=abc">Watch on YouTube</a>.',
		]);
	});

	test('read an unclosed backtick as text, expanding the shortcodes after it in its paragraph', () => {
		expect(expand('An unclosed ` here {{< youtube a >}}\nand {{< youtube b >}} there `` too.').body.split('\n')).toEqual([
			'An unclosed ` here <a href="https://www.youtube.com/watch?v=a">Watch on YouTube</a>',
			'and <a href="https://www.youtube.com/watch?v=b">Watch on YouTube</a> there `` too.',
		]);
	});

	test('end at a blank line or a new list item, where no span goes on', () => {
		expect(expand('One `a\n\n{{< youtube b >}} c`').body).toBe('One `a\n\n<a href="https://www.youtube.com/watch?v=b">Watch on YouTube</a> c`');
		expect(expand('- item `a\n- {{< youtube b >}} c`').body).toBe('- item `a\n- <a href="https://www.youtube.com/watch?v=b">Watch on YouTube</a> c`');
		expect(expand('> quoted `a\n> {{< youtube b >}} c`').body).toBe('> quoted `a\n> {{< youtube b >}} c`');
	});

	test('leave an inline shortcode in a span over two lines as written, and one after it out', () => {
		const result = expand('Define `{{< a.inline >}}{{ now }}\n{{< /a.inline >}}` then {{< b.inline />}} end.');
		expect(result.body).toBe('Define `{{< a.inline >}}{{ now }}\n{{< /a.inline >}}` then  end.');
		expect(result.unknown.map(({ line, text }) => [line, text])).toEqual([[2, '{{< b.inline >}}']]);
	});

	test('never leave the as-written mark inside a code span, where it would show as text', () => {
		// The line that ends a comment is its HTML block's, which has no code spans: the tag there is a code element,
		// the mark after it, and the backtick on the next line is text.
		const result = marked('<!-- note\n--> `a {{< unknownthing >}}\nb` end');
		expect(result.body).toBe(`<!-- note\n--> \`a <code>{{&lt; unknownthing &gt;}}</code>${AS_WRITTEN_MARK}\nb\` end`);
	});

	test('read a paragraph of 100 KB of backticks and shortcodes in well under a second', () => {
		const paragraph = Array.from({ length: 6_000 }, (_, index) => `${'`'.repeat((index % 3) + 1)} {{< youtube x${index} >}}${index % 50 === 49 ? '\n' : ' '}`).join('');
		expect(paragraph.length).toBeGreaterThan(100_000);
		const started = performance.now();
		marked(paragraph);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});

describe("unknown paired shortcodes around data, in Sätteri's HTML after Carnet's passes", () => {
	const codeBlocks = ($: cheerio.CheerioAPI) => $('pre code').map((_, code) => $(code).text()).get();

	// jpanther/congo's exampleSite/content/samples/charts/index.md (Blowfish's is the same).
	const congo = [
		'## Bar chart',
		'',
		'<!-- prettier-ignore-start -->',
		'{{< chart >}}',
		"type: 'bar',",
		'data: {',
		"  labels: ['January', 'February', 'March', 'April', 'May', 'June', 'July'],",
		'  datasets: [{',
		"    label: 'My First Dataset',",
		'    data: [65, 59, 80, 81, 56, 55, 40],',
		'    backgroundColor: [',
		"      'rgba(255, 99, 132, 0.2)',",
		"      'rgba(201, 203, 207, 0.2)'",
		'    ],',
		'    borderWidth: 1',
		'  }]',
		'}',
		'{{< /chart >}}',
		'<!-- prettier-ignore-end -->',
		'',
		'## Line chart',
	].join('\n');

	test("show Congo's chart shortcode whole, its tags and its Chart.js config as written, in one code block, where the config was one paragraph of curled quotes", async () => {
		const { body, unknown, lines } = expand(congo);
		const $ = await renderedMarkdown(body);
		// The fences take lines of their own: a later line is named by the line it was written on.
		expect(lines?.[body.split('\n').indexOf('## Line chart')]).toBe(21);
		expect(codeBlocks($)).toEqual([congo.split('\n').slice(3, 18).join('\n')]);
		expect($.html()).not.toMatch(/[‘’“”]/);
		expect($('h2').map((_, heading) => $(heading).text()).get()).toEqual(['Bar chart', 'Line chart']);
		expect(unknown).toEqual([{ line: 4, text: '{{< chart >}}', reason: "Hugo's chart shortcode is not one Carnet knows. Replace it with Markdown or HTML", shownAs: 'written in a code block, with its body and {{< /chart >}}' }]);
	});

	// RatanShreshtha/DeepThought's content/posts/extended-shortcodes/index.md: its example in code, then its output.
	const deepThought = [
		'**Code**',
		'',
		'```',
		'{%/* mapbox(zoom=6) */%}',
		'{',
		'  "type": "FeatureCollection"',
		'}',
		'{%/* end */%}',
		'```',
		'',
		'**Output**',
		'{% mapbox(zoom=6) %}',
		'{',
		'  "type": "FeatureCollection",',
		'  "features": [',
		'    {',
		'      "properties": {',
		'        "title": "Agra",',
		'        "description": "Agra is a major tourist destination because of its many Mughal-era buildings, most notably the Taj Mahal, Agra Fort and Fatehpur Sikri, all of which are UNESCO World Heritage Sites."',
		'      }',
		'    }',
		'  ]',
		'}',
		'{% end %}',
		'',
		'## Pie/Doughnut chart',
		'',
		'{% chart() %}',
		'{',
		'  "type": "Pie",',
		'  "title": "What Tim is made of",',
		'  "data": {',
		'    "labels": ["a", "b", "e", "f", "g"],',
		'    "datasets": [',
		'      {',
		'        "data": [500, 200, 80, 90, 100]',
		'      }',
		'    ]',
		'  }',
		'}',
		'{% end %}',
	].join('\n');

	test("show DeepThought's Zola shortcodes around JSON whole, up to {% end %}, in code blocks, its example in code as before", async () => {
		const { body, unknown } = expand(deepThought);
		const $ = await renderedMarkdown(body);
		const lines = deepThought.split('\n');
		expect(codeBlocks($)).toEqual([
			'{% mapbox(zoom=6) %}\n{\n  "type": "FeatureCollection"\n}\n{% end %}',
			lines.slice(11, 24).join('\n'),
			lines.slice(27).join('\n'),
		]);
		expect($.html()).not.toMatch(/[‘’“”]/);
		expect($('p strong').map((_, strong) => $(strong).text()).get()).toEqual(['Code', 'Output']);
		expect(unknown.map(({ line, text, shownAs }) => [line, text, shownAs])).toEqual([
			[12, '{% mapbox(zoom=6) %}', 'written in a code block, with its body and {% end %}'],
			[28, '{% chart() %}', 'written in a code block, with its body and {% end %}'],
		]);
	});

	test('keep reading the prose of an unknown paired shortcode as Markdown, its tags shown as code, and a body in a quote, or one with a tag of its own, as before', async () => {
		const prose = '{{% notice info %}}\nFirst, do this;\nthen *that*, with "care".\n{{% /notice %}}';
		expect(expand(prose).body).toBe('`{{% notice info %}}`\nFirst, do this;\nthen *that*, with "care".\n`{{% /notice %}}`');
		const quoted = '> {{< chart >}}\n> data: {\n>   a: [1, 2],\n> }\n> {{< /chart >}}';
		expect(expand(quoted).body).toBe('> `{{< chart >}}`\n> data: {\n>   a: [1, 2],\n> }\n> `{{< /chart >}}`');
		const nested = '{{< chart >}}\ndata: {\n  a: {{< param x >}},\n}\n{{< /chart >}}';
		expect((await renderedMarkdown(expand(nested).body))('pre').length).toBe(0);
	});

	test("never show hugo-encrypt's password in a code block, whatever its text", () => {
		const { body } = expand('{{< hugo-encrypt "PW1" >}}\ndata: {\n  a: [1, 2],\n}\n{{< /hugo-encrypt >}}');
		expect(body).not.toContain('PW1');
		expect(body).not.toContain('```');
	});

	test('fence with tildes a shortcode around data whose tag holds a backtick', async () => {
		const written = '{{< plot title=`Sales` >}}\ndata: [\n  "```",\n  1,\n]\n{{< /plot >}}';
		const $ = await renderedMarkdown(expand(written).body);
		expect(codeBlocks($)).toEqual([written]);
	});

	test('read 5,000 unknown openings that nothing closes, and as many blocks, in linear time', () => {
		const started = performance.now();
		expand('{{< chart >}}\ndata: {\n'.repeat(5_000));
		const { unknown } = expand('{{< chart >}}\ndata: {\n}\n{{< /chart >}}\n'.repeat(5_000));
		expect(unknown).toHaveLength(5_000);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('shortcodes and display math', () => {
	test("leave a $$ block as written, a fence line in it the formula's as Sätteri's math reads it, and expand the shortcodes and tags after it", async () => {
		const hugo = ['$$', 'x', '```', '{{< x >}} \\frac{{a}}{{b}}', '$$', '', 'After {{< katex >}}z{{< /katex >}}.', '', '{{< highlight js >}}', 'a', '{{< /highlight >}}', ''];
		const expanded = expand(hugo.join('\n'));
		expect(expanded.body.split('\n')).toEqual([...hugo.slice(0, 6), 'After $z$.', '', '```js', 'a', '```', '']);
		expect(expanded.unknown).toEqual([]);
		const $ = await renderedMarkdown(expanded.body);
		expect($('annotation').first().text()).toBe('x\n```\n{{< x >}} \\frac{{a}}{{b}}');
		expect($('p annotation').text()).toBe('z');
		expect($('pre code').text()).toBe('a');
		// A Jekyll post's Liquid after the formula is filled in; a raw tag in it goes, as in code.
		const jekyll = ['$$', '{% raw %}', '\\frac{{a}}{b}', '~~~', '{% endraw %}', '$$', '', 'Title: {{ page.title }}.', ''];
		const liquid = expandShortcodes(jekyll.join('\n'), context, { file: '/site/_posts/2024-01-01-a.md', params: { title: 'Sums' } });
		expect(liquid.body.split('\n')).toEqual(['$$', '', '\\frac{{a}}{b}', '~~~', '', '$$', '', 'Title: Sums.', '']);
		expect(liquid.unknown).toEqual([]);
	});
});

describe("private-use characters in a post (a Nerd Fonts glyph), which the passes' stand-ins are too", () => {
	test('are kept as written, in text, code, a formula, a warning and the front matter values written into the text, and the shortcodes and Liquid around them are expanded', async () => {
		const glyphs = Array.from({ length: 10 }, (_, index) => String.fromCharCode(0xe000 + index)).join('');
		const source = [`My prompt glyphs are ${glyphs} in Nerd Fonts.`, '', '{{< youtube dQw4w9WgXcQ >}}', '', 'Title: {{ page.title }}, {{< param title >}}.', '', `Code \`{{< x >}} ${glyphs}\` and ~~gone~~.`, '', '$$', `x ${glyphs}`, '$$', '', `{{< glyph "${glyphs}" >}}`, ''];
		const { body, unknown } = expandShortcodes(source.join('\n'), context, { file: '/site/_posts/2024-01-01-a.md', params: { title: `Glyphs ${glyphs}` } });
		const lines = body.split('\n');
		expect(lines.slice(8, 11)).toEqual(source.slice(8, 11));
		expect(unknown.map(({ line, text }) => ({ line, text }))).toEqual([{ line: 13, text: `{{< glyph "${glyphs}" >}}` }]);
		const $ = await renderedMarkdown(body);
		expect($('p').first().text()).toBe(`My prompt glyphs are ${glyphs} in Nerd Fonts.`);
		expect($('iframe[src*="dQw4w9WgXcQ"], a[href*="dQw4w9WgXcQ"]').length).toBeGreaterThan(0);
		expect($('p:contains("Title:")').text()).toBe(`Title: Glyphs ${glyphs}, Glyphs ${glyphs}.`);
		expect($('p code').first().text()).toBe(`{{< x >}} ${glyphs}`);
		expect($('del').text()).toBe('gone');
		expect($('p').last().text()).toContain(`{{< glyph "${glyphs}" >}}`);
		// A post as a build reads it, a glyph in its prose.
		const post = await renderedPost(['My prompt glyph is \uE008 in Nerd Fonts.', '', '{{< youtube dQw4w9WgXcQ >}}', '', 'Title: {{ page.title }}', ''].join('\n'), { shortcodes: true });
		expect(post.$('p').first().text()).toBe('My prompt glyph is \uE008 in Nerd Fonts.');
		expect(post.$('iframe[src*="dQw4w9WgXcQ"], a[href*="dQw4w9WgXcQ"]').length).toBeGreaterThan(0);
		expect(post.$('p').last().text()).toBe('Title: Post');
		expect(post.warnings).toEqual([]);
	});

	test('are shown as written in prose, code and a link on a line whose link holds a backtick, with and without shortcodes', async () => {
		const glyphs = Array.from({ length: 10 }, (_, index) => String.fromCharCode(0xe000 + index)).join('');
		// A backtick in a link's address is what makes the code-span reading mark it with a stand-in.
		const line = `Glyphs ${glyphs}, H~2~O, ==lit==, \`${glyphs}\` and [${glyphs}](/a\`b "${glyphs}") [x](/${glyphs}).`;
		for (const shortcodes of [false, true]) {
			const post = await renderedPost(`${line}\n`, { shortcodes });
			const paragraph = post.$('p').first();
			expect(paragraph.text()).toBe(`Glyphs ${glyphs}, H2O, lit, ${glyphs} and ${glyphs} x.`);
			expect(paragraph.find('code').text()).toBe(glyphs);
			expect(paragraph.find('a').first().attr('title')).toBe(glyphs);
			expect(paragraph.find('a').last().attr('href')).toBe(`/${encodeURIComponent(glyphs)}`);
			expect(post.warnings).toEqual([]);
		}
	});
});

describe('block shortcodes in list items, quotes and headings, and Liquid tags in raw HTML', () => {
	test("show a highlight block in a list item whose code is written from the line's start inside that item, the list going on after it", async () => {
		const code = ["client = boto3.client('batch')", '    command = "render"'];
		const blocks = [
			['{{< highlight go "linenos=table, hl_lines=3" >}}', '{{< / highlight >}}'],
			['{% highlight go linenos %}', '{% endhighlight %}'],
			['{% codeblock lang:go %}', '{% endcodeblock %}'],
		];
		for (const [opening, closing] of blocks) {
			const { $, warnings } = await renderedPost(['1. The command is defined in the line 200.', '', `    ${opening}`, ...code, closing, '', '2. The array job is created.', ''].join('\n'), { shortcodes: true });
			expect($.root().children('ol').length).toBe(1);
			expect($.root().children('p').length).toBe(0);
			const items = $('ol > li');
			expect(items.length).toBe(2);
			expect(items.first().find('pre code').text().replace(/\n$/, '')).toBe(code.join('\n'));
			expect(items.last().text().trim()).toBe('The array job is created.');
			expect(warnings).toEqual([]);
		}
	});

	test('show a highlight block in a quote whose code lines have no quote markers inside that quote', async () => {
		for (const [opening, closing] of [['{{< highlight go >}}', '{{< /highlight >}}'], ['{% highlight go %}', '{% endhighlight %}'], ['{% codeblock lang:go %}', '{% endcodeblock %}']]) {
			const { $ } = await renderedPost(['> Quoted:', '>', `> ${opening}`, 'x := 1', '', '  y := 2', closing, '', 'After.', ''].join('\n'), { shortcodes: true });
			expect($('blockquote pre code').text().replace(/\n$/, '')).toBe('x := 1\n\n  y := 2');
			expect($.root().children('p').text()).toBe('After.');
		}
	});

	test('show a highlight block whose tags open heading lines as code, with no empty heading, naming the line whose heading marks are left out', async () => {
		const { $, warnings } = await renderedPost(['Intro.', '', '## {% highlight ruby linenos %}', '    collections:', '## {% endhighlight %}', '', 'After.', ''].join('\n'), { shortcodes: true });
		expect($('h2').length).toBe(0);
		expect($('pre code').text().replace(/\n$/, '')).toBe('    collections:');
		expect($.root().children('p').last().text()).toBe('After.');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:7: ## is left out: it marks a heading on the line of {% highlight ruby linenos %}, a code block's tag, and a heading cannot hold the block (it would be empty, or its marks a line of the code); write the tag on a line of its own.",
			  "src/content/posts/_posts/2024-01-01-post.md:9: ## is left out: it marks a heading on the line of {% endhighlight %}, a code block's tag, and a heading cannot hold the block (it would be empty, or its marks a line of the code); write the tag on a line of its own.",
			]
		`);
	});

	test('show every Liquid tag inside a raw HTML block as written in the same way, as valid HTML, one whose list ends a paragraph too', async () => {
		for (const before of [[], ['Read the albums so:']]) {
			const { $, warnings } = await renderedPost(
				[...before, '<ul class="list">', '{% for album in site.albums limit:2%}', '  {% if album.title %}', '    <li>{{ album.title }}</li>', '  {% endif %}', '{% endfor %}', '</ul>', ''].join('\n'),
				{ shortcodes: true },
			);
			const list = $('ul.list');
			expect(list.text()).not.toContain('`');
			expect(list.children().toArray().map((child) => child.tagName)).toEqual(['li', 'li', 'li', 'li', 'li']);
			expect(list.find('li code').toArray().map((code) => $(code).text())).toEqual(['{% for album in site.albums limit:2%}', '{% if album.title %}', '{{ album.title }}', '{% endif %}', '{% endfor %}']);
			expect(warnings.length).toBe(5);
		}
	});
});

describe("ERB tags (nanoc's and Middleman's)", () => {
	test('are shown as written, as code without curly quotes, with a warning naming the line, as unknown Liquid tags are; in code they are code', async () => {
		const body = ['Text.', '', '<%= figure "csp/a2-interleave-b2" %>', '', 'Inline <%= link_to "Home", "/" %> and 5 <% 6 too.', '', '```erb', '<%= render "x" %>', '```', '', 'And `<%= y %>` in a span.', ''].join('\n');
		const { $, warnings } = await renderedPost(body, { shortcodes: true });
		expect($('p').eq(1).find('code').text()).toBe('<%= figure "csp/a2-interleave-b2" %>');
		expect($('p').eq(2).find('code').first().text()).toBe('<%= link_to "Home", "/" %>');
		expect($('p').eq(2).text()).toContain('and 5 <% 6 too.');
		expect($('pre code').text()).toBe('<%= render "x" %>');
		expect($('p').eq(3).find('code').text()).toBe('<%= y %>');
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:7: <%= figure "csp/a2-interleave-b2" %> is shown as written: it is ERB, Ruby that nanoc and Middleman run as they build a page, which Carnet does not run. Replace it with Markdown or HTML.',
			'src/content/posts/_posts/2024-01-01-post.md:9: <%= link_to "Home", "/" %> is shown as written: it is ERB, Ruby that nanoc and Middleman run as they build a page, which Carnet does not run. Replace it with Markdown or HTML.',
		]);
	});
});
