import * as cheerio from 'cheerio';
import { parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

const SITE = 'https://shortcodes.example.com';

// A post as Hugo and Jekyll blogs write them, shortcodes and Liquid tags included.
const POSTS = {
	'src/content/posts/hugo.md': `---
title: From Hugo
date: 2024-03-01
---
Watch {{< youtube dQw4w9WgXcQ >}} and read [the other post]({{< ref "jekyll.md" >}}).
Also [the renamed post]({{< relref "renamed.md" >}}) and [a typo]({{< ref "renamed-typo.md" >}}).

{{< figure src="/images/cat.jpg" caption="A cat" >}}

{{< highlight go >}}
x := 1
{{< /highlight >}}

{{< qr text="someone" level="high" >}}
`,
	'src/content/posts/jekyll.md': `---
title: From Jekyll
date: 2024-01-05
---
See [the Hugo post]({% post_url 2024-03-01-hugo %}).

{% highlight ruby %}
puts "hi"
{% endhighlight %}

{% include note.html %}

A tag and a shortcode shown as code, indented:

    {% include note.html %}
    {{< youtube dQw4w9WgXcQ >}}
`,
};

// A Hugo page bundle: the post's images sit beside it.
const BUNDLE = {
	'src/content/posts/bundle/index.md': `---
title: Bundle
date: 2024-02-01
---
{{< figure src="pic.jpg" title="The pier" caption="Seen from *the* beach" >}}

> {{< figure src="./pic.jpg" alt="The pier again" >}}

1. First step
2. {{< figure src="pic.jpg" alt="The pier in a list" >}}
3. Last step

Links to files: [the renamed post](../renamed.md), [*the Hugo post*](<../hugo.md#part> "Hugo"), \`[not a link](../renamed.md)\`,
[from Jekyll][jekyll] and [a missing one](missing.md).

[jekyll]: ../jekyll.md
`,
	// ox-hugo's figures: a number in a span before each caption, and the width as written in Org.
	'src/content/posts/ox-hugo.md': `+++
title = "ox-hugo figure"
date = 2024-02-02T00:00:00+09:00
+++

{{< figure src="/npo/out-dollar-yen.jpg" caption="<span class=\\"figure-number\\">&#22259;2:  </span>ドルを円に換算したregisterレポート" width="100%" >}}

{{< figure src="/npo/out-dollar-yen.jpg" caption="<span class=\\"figure-number\\" onclick=\\"alert(1)\\">Figure 3: </span>Rates<script>alert(2)</script>" >}}
`,
	// Hexo's tags inside a block of raw HTML, as a Hexo blog sizes its figures with a class.
	'src/content/posts/hexo-in-html.md': `---
title: Hexo tags in HTML
date: 2024-01-04
---
<div class='img-size-half'>
{% asset_img pic.jpg "The pier" %}
</div>

<div class='center'>
<img src="hexo-in-html/pic.jpg" alt="The pier in HTML"> <img src="hexo-in-html/pic.jpg" alt="The pier, smaller" width="300">
</div>

<div class='note'>
See {% post_link renamed %} and {% img /npo/out-dollar-yen.jpg 'Rates' %}, from {% link Hexo https://hexo.io/ %}
</div>
`,
	// Liquid in a link's address, as ruby-lang.org's release posts link a release's commits.
	'src/content/posts/liquid-link.md': `---
title: Liquid in a link
date: 2024-01-05
---
See [commit logs](https://github.com/ruby/ruby/compare/v3_3_0...{{ page.tag }}) and [the notes](<https://example.org/{{ page.tag }}/>).
`,
	// Shortcodes Carnet shows as written in the paragraph a summary is made of.
	'src/content/posts/summary.md': `---
title: Summary
date: 2024-01-02
---
Intro {{< qr text="x" >}} and {% include note.html %} then {{% wrap %}}inner words{{% /wrap %}} end.
`,
	// Template syntax the author wrote as code, which is no shortcode Carnet shows as written.
	'src/content/posts/authored-code.md': `---
title: Authored code
date: 2024-01-02
---
Use \`{{ msg }}\` to show the message, and \`{% raw %}\` in Jekyll to keep \`{{ page.title }}\` as written.
`,
	// Hexo's quote and image tags.
	'src/content/posts/hexo-tags.md': `---
title: Hexo tags
date: 2024-01-03
---
{% blockquote Seth Godin https://example.org/island.html Island Marketing %}
Every *interaction* counts.
{% endblockquote %}

{% pullquote left %}
Pulled.
{% endpullquote %}

{% img wide /npo/out-dollar-yen.jpg 600 400 '"Rates" "Dollars to yen"' %}
`,
	// Code spans that run over a line break, shortcodes in them and after them on their lines.
	'src/content/posts/spans-over-lines.md': `---
title: Spans over lines
date: 2024-01-02
---
A span over \`two
lines\` and \`{{< youtube id >}}\` shown as code, then {{< unknownthing x >}} after, and {{< youtube dQw4w9WgXcQ >}}.

A \`span {{< unknownthing y >}} over
lines\` then {{< unknownthing z >}} and \`more\`.
`,
	// jekyll-spaceship's diagram blocks, as YAT's plantuml-example and mermaid-example posts write them.
	'src/content/posts/spaceship.md': `---
title: Spaceship diagrams
date: 2024-01-06
---
### PlantUML

@startuml
(\\*) --> "Initialization"
-right-> (_)
-->[Ending process] (_)
@enduml

@startmermaid
sequenceDiagram
Bob-->>John: How about you John?
@endmermaid
`,
	// A post about PlantUML, its source shown in a <pre>.
	'src/content/posts/plantuml-source.md': `---
title: PlantUML basics
date: 2024-01-06
---
@startuml opens a diagram and @enduml closes it. For example:

<pre>
@startuml
Alice -> Bob
@enduml
</pre>
`,
	// Zola themes' mermaid shortcode, bare and around a mermaid fence, as kita documents them.
	'src/content/posts/zola-mermaid.md': `+++
title = "Zola mermaid"
date = 2024-01-07
+++

{% mermaid() %}

graph TD;
A-->B;

{% end %}

Second:

{% mermaid() %}

\`\`\`mermaid
sequenceDiagram
    Bob-->>John: Jolly good!
\`\`\`

{% end %}
`,
	// Videos written as images, as YAT's and jekyll-spaceship's posts show them as players.
	'src/content/posts/video-images.md': `---
title: Video images
date: 2024-01-06
---
![](//www.youtube.com/watch?v=Ptk_1Dc2iPY)

![](https://vimeo.com/263856289)

![][demo]

![video](//www.html5rocks.com/en/tutorials/video/basics/devstories.webm)

A talk: ![](https://media.example.org/talks/keynote.mp3?dl=1) and [![the *trailer*](https://youtu.be/dQw4w9WgXcQ)](https://example.org/trailer).

[demo]: https://dai.ly/x7tgcev
`,
	'src/content/posts/renamed.md': `---
title: Renamed
date: 2024-01-01
slug: my-custom-slug
---
Body.
`,
	// hugo-encrypt's tags as Hugo reads them: an opening written over two lines, one that cannot be read to
	// its end, and one in a fence whose closing tag is outside it.
	'src/content/posts/encrypt-lines.md': '---\ntitle: Encrypt lines\ndate: 2023-02-01\n---\nBefore.\n\n{{% hugo-encrypt\n  "PASS15" %}}\nSECRET15 text\n{{% /hugo-encrypt %}}\n\nAfter.\n',
	'src/content/posts/encrypt-unread.md': '---\ntitle: Encrypt unread\ndate: 2023-02-02\n---\nBefore.\n\n{{< hugo-encrypt "PASS16 >}}\nSECRET16 text\n{{< /hugo-encrypt >}}\n\nAfter.\n',
	'src/content/posts/encrypt-fence.md': '---\ntitle: Encrypt fence\ndate: 2023-02-03\n---\nBefore.\n\n```\n{{< hugo-encrypt "PASS17" >}}\n```\nSECRET17 text\n{{< /hugo-encrypt >}}\n\nAfter.\n\n```\n{{</* hugo-encrypt "EXAMPLE" */>}}\n```\n',
};

const config = (processor: string) => `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';
${processor === 'unified' ? "import { unified } from '@astrojs/markdown-remark';" : ''}

export default defineConfig({
	site: '${SITE}',
	base: '/blog',
	${processor === 'unified' ? 'markdown: { processor: unified() },' : ''}
	integrations: [carnet({ title: 'Shortcodes', permalinks: '/post/:slug/' })],
});
`;

const sites: Record<string, BuiltSite> = {};

/** The class and text of each code block of a built page's post. */
function diagramsOn(site: BuiltSite, page: string): [string | undefined, string][] {
	const $ = site.html(page);
	// Sätteri ends a code block without the line break unified keeps.
	return $('.carnet-prose pre code').toArray().map((code) => [$(code).attr('class'), $(code).text().replace(/\n$/, '')]);
}

/** The warnings of a build that name the post file `name`, from its path in the project. */
function warningsOf(site: BuiltSite, name: string): string[] {
	return site.log.split('\n').filter((line) => line.includes(`/${name}:`)).map((line) => line.replace(/^.*?src\//, 'src/'));
}

beforeAll(async () => {
	const pic = await makeJpeg(1200, 800, 7);
	const built = await Promise.all(
		['satteri', 'unified'].map((processor) =>
			buildSite(
				writeSite(`shortcodes-${processor}`, {
					'astro.config.mjs': config(processor),
					'src/content.config.ts': CONTENT_CONFIG,
					...POSTS,
					...BUNDLE,
					'src/content/posts/bundle/pic.jpg': pic,
					'src/content/posts/hexo-in-html/pic.jpg': pic,
					'public/npo/out-dollar-yen.jpg': pic,
				}),
			),
		),
	);
	[sites.satteri, sites.unified] = built as [BuiltSite, BuiltSite];
});

describe.each(['satteri', 'unified'])('shortcodes under the %s processor', (processor) => {
	const site = () => sites[processor] as BuiltSite;

	test('build', () => {
		expect(site().ok, site().log).toBe(true);
	});

	test('render figure, embeds as plain links, highlight as code and references as post addresses', () => {
		const $ = site().html('post/hugo/index.html');
		const prose = $('.carnet-prose');
		expect(prose.find('a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').text()).toBe('Watch the video on YouTube');
		expect(prose.find('iframe, script').length).toBe(0);
		expect(prose.find('a:contains("the other post")').attr('href')).toBe('/blog/post/jekyll/');
		expect(prose.find('a:contains("the renamed post")').attr('href')).toBe('/blog/post/my-custom-slug/');
		expect(prose.find('figure img').attr('src')).toBe('/blog/images/cat.jpg');
		expect(prose.find('figure figcaption').text()).toBe('A cat');
		expect(prose.find('pre code').text()).toContain('x := 1');
		expect(prose.find('pre').attr('class') ?? prose.find('pre code').attr('class')).toContain('go');
		const jekyll = site().html('post/jekyll/index.html')('.carnet-prose');
		expect(jekyll.find('a:contains("the Hugo post")').attr('href')).toBe('/blog/post/hugo/');
		expect(jekyll.find('pre code').text()).toContain('puts "hi"');
	});

	test('show a code span that runs over a line break as written, expand the shortcodes after it on its line, and show no as-written mark as text', () => {
		const $ = site().html('post/spans-over-lines/index.html');
		const code = $('.carnet-prose code').toArray().map((element) => $(element).text().replace(/\s+/g, ' '));
		expect(code).toEqual(['two lines', '{{< youtube id >}}', '{{< unknownthing x >}}', 'span {{< unknownthing y >}} over lines', '{{< unknownthing z >}}', 'more']);
		expect($('.carnet-prose a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').length).toBe(1);
		expect($('.carnet-prose a[href*="youtube.com/watch?v=id"]').length).toBe(0);
		expect($('body').text()).not.toContain('carnet:as-written');
	});

	test('leave a tag and a shortcode in an indented code block as written, with no warning', () => {
		const $ = site().html('post/jekyll/index.html');
		// Sätteri ends a code block without the line break unified keeps.
		const code = $('.carnet-prose pre code').toArray().map((element) => $(element).text().trimEnd());
		expect(code).toContain('{% include note.html %}\n{{< youtube dQw4w9WgXcQ >}}');
		expect($('.carnet-prose a[href*="youtube"]').length).toBe(0);
	});

	test('leave unknown shortcodes and tags visible, with one warning each naming the file and line', () => {
		expect(site().html('post/hugo/index.html')('.carnet-prose code').text()).toContain('{{< qr text="someone" level="high" >}}');
		expect(site().html('post/jekyll/index.html')('.carnet-prose code').text()).toContain('{% include note.html %}');
		const warnings = site().log.split('\n').filter((line) => line.includes('is shown as written'));
		// Sorted: posts are read concurrently, so their warnings come in no set order.
		expect(warnings.map((line) => line.replace(/^.*?src\//, 'src/')).sort()).toEqual([
			'src/content/posts/hugo.md:14: {{< qr text="someone" level="high" >}} is shown as written: Hugo\'s qr shortcode is not one Carnet knows. Replace it with Markdown or HTML.',
			'src/content/posts/hugo.md:6: {{< ref "renamed-typo.md" >}} is shown as written: no post in src/content/posts/ has the file name "renamed-typo.md", a link Hugo refuses to build; correct the name.',
			'src/content/posts/jekyll.md:11: {% include note.html %} is shown as written: Jekyll\'s include note.html is not one Carnet knows. Replace it with Markdown or HTML.',
			'src/content/posts/liquid-link.md:5: {{ page.tag }} (and 1 more, on line 5) is shown as written: Jekyll fills in page.tag from its site and page data, which Carnet does not have. Replace it with Markdown or HTML.',
			"src/content/posts/spans-over-lines.md:6: {{< unknownthing x >}} is shown as written: Hugo's unknownthing shortcode is not one Carnet knows. Replace it with Markdown or HTML.",
			"src/content/posts/spans-over-lines.md:9: {{< unknownthing z >}} is shown as written: Hugo's unknownthing shortcode is not one Carnet knows. Replace it with Markdown or HTML.",
			'src/content/posts/summary.md:5: {% include note.html %} is shown as written: Jekyll\'s include note.html is not one Carnet knows. Replace it with Markdown or HTML.',
			'src/content/posts/summary.md:5: {{% /wrap %}} is shown as written: it closes Hugo\'s wrap shortcode, which is not one Carnet knows. Replace it with Markdown or HTML.',
			'src/content/posts/summary.md:5: {{% wrap %}} is shown as written: Hugo\'s wrap shortcode is not one Carnet knows. Replace it with Markdown or HTML.',
			'src/content/posts/summary.md:5: {{< qr text="x" >}} is shown as written: Hugo\'s qr shortcode is not one Carnet knows. Replace it with Markdown or HTML.',
		]);
	});

	test("leave hugo-encrypt's text and password off every page and feed when its opening tag runs over two lines, cannot be read to its end, or is in a fence its closing tag is after", () => {
		for (const file of ['post/encrypt-lines/index.html', 'post/encrypt-unread/index.html', 'post/encrypt-fence/index.html', 'rss.xml', 'atom.xml', 'feed.json']) {
			expect(site().read(file), file).not.toMatch(/PASS1[567]|SECRET1[567]|\/hugo-encrypt/);
		}
		for (const name of ['lines', 'unread', 'fence']) {
			const $ = site().html(`post/encrypt-${name}/index.html`);
			expect($('.carnet-prose > p').map((_, element) => $(element).text()).get(), name).toEqual(['Before.', 'After.']);
		}
		// An escaped tag is Hugo's way of showing one: it stays as written.
		expect(site().html('post/encrypt-fence/index.html')('.carnet-prose pre').last().text().trimEnd()).toBe('{{< hugo-encrypt "EXAMPLE" >}}');
	});

	test('name each hugo-encrypt block left out in a warning with its line, never with its password', () => {
		const warnings = site().log.split('\n').filter((line) => line.includes('posts/encrypt-'));
		expect(warnings.map((line) => line.replace(/^.*?src\//, 'src/')).sort()).toEqual([
			'src/content/posts/encrypt-fence.md:11: {{< /hugo-encrypt >}} closes the {{< hugo-encrypt >}} shortcode in the code at line 8, as Hugo reads shortcodes in code too: the text after that code, meant for readers who know its password, is left out up to this tag. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. To show the opening tag as an example, write it as {{</* hugo-encrypt */>}}; to publish the text, remove this {{< /hugo-encrypt >}}.',
			'src/content/posts/encrypt-lines.md:7: the text of the {{% hugo-encrypt %}} shortcode, meant for readers who know its password, is left out up to its {{% /hugo-encrypt %}}. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. To publish the text, remove its {{% hugo-encrypt %}} and {{% /hugo-encrypt %}}.',
			'src/content/posts/encrypt-unread.md:7: the {{< hugo-encrypt >}} shortcode\'s opening tag could not be read up to its >}} (a quote left open, or another shortcode before it), so the text after it, meant for readers who know its password, is left out up to its {{< /hugo-encrypt >}}. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. Write the tag as {{< hugo-encrypt "password" >}}, or remove it and its {{< /hugo-encrypt >}} to publish the text.',
		]);
	});

	test("render Hexo's blockquote with its author and linked source, its pullquote as a quote and its img with its title, as the post's other images", () => {
		const $ = site().html('post/hexo-tags/index.html');
		const quotes = $('.carnet-prose blockquote');
		expect(quotes.length).toBe(2);
		expect(quotes.eq(0).find('p').html()).toBe('Every <em>interaction</em> counts.');
		expect(quotes.eq(0).find('footer strong').text()).toBe('Seth Godin');
		expect(quotes.eq(0).find('footer cite a').attr('href')).toBe('https://example.org/island.html');
		expect(quotes.eq(0).find('footer cite a').text()).toBe('Island Marketing');
		expect(quotes.eq(1).text().trim()).toBe('Pulled.');
		// Its title is the image's title, as Hexo writes it, not a caption; its size is the file's.
		const image = $('.carnet-prose img[src="/blog/npo/out-dollar-yen.jpg"]');
		expect([image.attr('alt'), image.attr('title'), image.attr('width')]).toEqual(['Dollars to yen', 'Rates', '1200']);
		expect($('.carnet-prose figcaption').length).toBe(0);
		expect($('.carnet-prose code').length).toBe(0);
	});

	test("show Hexo's asset_img, post_link and img inside a block of raw HTML as the image and link they name, the asset published", () => {
		const $ = site().html('post/hexo-in-html/index.html');
		const asset = $('.carnet-prose .img-size-half img');
		expect([asset.attr('src'), asset.attr('alt'), asset.attr('title')]).toEqual(['/blog/post/hexo-in-html/hexo-in-html/pic.jpg', 'The pier', 'The pier']);
		expect(existsSync(path.join(site().dist, 'post/hexo-in-html/hexo-in-html/pic.jpg'))).toBe(true);
		const note = $('.carnet-prose .note');
		expect(note.find('a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get()).toEqual([
			['/blog/post/my-custom-slug/', 'Renamed'],
			['https://hexo.io/', 'Hexo'],
		]);
		expect([note.find('img').attr('src'), note.find('img').attr('alt')]).toEqual(['/blog/npo/out-dollar-yen.jpg', 'Rates']);
		expect($('.carnet-prose').text()).not.toMatch(/!\[|\]\(/);
	});

	test("give a raw <img> of a file beside the post, asset_img's included, the file's width and height, and keep a size the author wrote", () => {
		const $ = site().html('post/hexo-in-html/index.html');
		const sizes = $('.carnet-prose img')
			.map((_, img) => [[$(img).attr('alt'), $(img).attr('src'), $(img).attr('width'), $(img).attr('height')]])
			.get();
		expect(sizes).toEqual([
			['The pier', '/blog/post/hexo-in-html/hexo-in-html/pic.jpg', '1200', '800'],
			['The pier in HTML', '/blog/post/hexo-in-html/hexo-in-html/pic.jpg', '1200', '800'],
			['The pier, smaller', '/blog/post/hexo-in-html/hexo-in-html/pic.jpg', '300', undefined],
			['Rates', '/blog/npo/out-dollar-yen.jpg', '1200', '800'],
		]);
	});

	test('keep a link whose address holds a Liquid tag a link to the tag as written, percent-encoded', () => {
		const $ = site().html('post/liquid-link/index.html');
		const links = $('.carnet-prose a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get();
		expect(links).toEqual([
			['commit logs', 'https://github.com/ruby/ruby/compare/v3_3_0...%7B%7B%20page.tag%20%7D%7D'],
			['the notes', 'https://example.org/%7B%7B%20page.tag%20%7D%7D/'],
		]);
		expect($('.carnet-prose code').length).toBe(0);
	});

	test("leave the shortcodes shown as written out of a post's summary, in its page's description and the feed, a paired one's inner text kept", () => {
		const summary = 'Intro and then inner words end.';
		expect(site().html('post/summary/index.html')('meta[name="description"]').attr('content')).toBe(summary);
		expect(parseRssFeed(site().read('rss.xml')).items?.find((entry) => entry.title === 'Summary')?.description).toBe(summary);
	});

	test("keep the code an author wrote holding template syntax in a post's summary, and show the shortcodes shown as written as code on the page", () => {
		expect(site().html('post/authored-code/index.html')('meta[name="description"]').attr('content')).toBe('Use {{ msg }} to show the message, and {% raw %} in Jekyll to keep {{ page.title }} as written.');
		const page = site().html('post/summary/index.html');
		expect(page('.carnet-prose code').map((_, code) => page(code).text()).get()).toEqual(['{{< qr text="x" >}}', '{% include note.html %}', '{{% wrap %}}', '{{% /wrap %}}']);
	});

	test('turn Markdown links to post files into post addresses, and report one that names no post with its file and line', () => {
		const prose = site().html('post/bundle/index.html')('.carnet-prose');
		expect(prose.find('a:contains("the renamed post")').attr('href')).toBe('/blog/post/my-custom-slug/');
		const hugo = prose.find('a:contains("the Hugo post")');
		expect([hugo.attr('href'), hugo.attr('title'), hugo.find('em').text()]).toEqual(['/blog/post/hugo/#part', 'Hugo', 'the Hugo post']);
		expect(prose.find('a:contains("from Jekyll")').attr('href')).toBe('/blog/post/jekyll/');
		expect(prose.find('code:contains("[not a link](../renamed.md)")').length).toBe(1);
		expect(prose.find('a:contains("a missing one")').attr('href')).toBe('missing.md');
		const warnings = site().log.split('\n').filter((line) => line.includes('is kept as written'));
		expect(warnings.map((line) => line.replace(/^.*?src\//, 'src/'))).toEqual([
			'src/content/posts/bundle/index.md:14: the link [a missing one](missing.md) is kept as written: no post in src/content/posts/ has the file "missing.md". Correct the path, or link to the post\'s address.',
		]);
	});

	test("show ox-hugo's figure numbers as HTML, their character references read, the alt their text, and no script", () => {
		const $ = site().html('post/ox-hugo/index.html');
		const [first, second] = $('.carnet-prose figure.carnet-figure').toArray().map((element) => $(element));
		expect(first?.find('figcaption p').html()).toBe('<span class="figure-number">図2:  </span>ドルを円に換算したregisterレポート');
		expect(first?.find('img').attr('alt')).toBe('図2: ドルを円に換算したregisterレポート');
		expect(second?.find('figcaption p').html()).toBe('<span class="figure-number">Figure 3: </span>Rates');
		expect($('.carnet-prose script, .carnet-prose [onclick]').length).toBe(0);
		const item = (parseRssFeed(site().read('rss.xml')).items ?? []).find((entry) => entry.title === 'ox-hugo figure');
		expect(item?.content?.encoded).toContain('<span class="figure-number">図2:  </span>ドルを円に換算したregisterレポート');
	});

	test('give a figure of width="100%", as ox-hugo writes it, the size of its file in pixels, which HTML allows', () => {
		const image = site().html('post/ox-hugo/index.html')('.carnet-prose figure.carnet-figure img').first();
		expect([image.attr('width'), image.attr('height')]).toEqual(['1200', '800']);
	});

	test('publish the image of a figure beside its post through Astro, inside the figure with its title and caption', () => {
		const $ = site().html('post/bundle/index.html');
		const figures = $('.carnet-prose figure.carnet-figure');
		expect(figures.length).toBe(3);
		for (const element of figures.toArray()) {
			const src = $(element).find('img').attr('src') ?? '';
			expect(src).toMatch(/^\/blog\/_astro\/pic\.[\w-]+\.webp$/);
			expect(existsSync(path.join(site().dist, src.replace(/^\/blog\//, '')))).toBe(true);
		}
		const [first, second] = figures.toArray().map((element) => $(element));
		expect(first?.find('img').attr('alt')).toBe('Seen from the beach');
		expect(first?.find('figcaption > .carnet-figure__title').text()).toBe('The pier');
		expect(first?.find('figcaption > p:not(.carnet-figure__title)').html()).toBe('Seen from <em>the</em> beach');
		expect(second?.parent().is('blockquote')).toBe(true);
		expect(second?.find('img').attr('alt')).toBe('The pier again');
		// A figure in a list item stays in it, and the list goes on after it.
		const listed = $('.carnet-prose ol > li');
		expect(listed.length).toBe(3);
		expect(listed.eq(1).find('figure.carnet-figure img').attr('alt')).toBe('The pier in a list');
		expect(listed.eq(2).text().trim()).toBe('Last step');
		// The figure's parts stay in it, in order, with no stray paragraph around its tags.
		expect(site().read('post/bundle/index.html')).toMatch(/<figure class="carnet-figure">\s*<p><img [^>]*><\/p>\s*<figcaption><p class="carnet-figure__title"><strong>The pier<\/strong><\/p>/);
	});

	test("show jekyll-spaceship's diagram blocks as code of their language, written as the author wrote it between the marker lines, warned about once at their lines", () => {
		expect(diagramsOn(site(), 'post/spaceship/index.html')).toEqual([
			['language-plantuml', '(\\*) --> "Initialization"\n-right-> (_)\n-->[Ending process] (_)'],
			['language-mermaid', 'sequenceDiagram\nBob-->>John: How about you John?'],
		]);
		expect(site().html('post/spaceship/index.html')('.carnet-prose').html()).not.toMatch(/–&gt;|@start|@end|<em>/);
		expect(warningsOf(site(), 'spaceship.md')).toEqual([
			"src/content/posts/spaceship.md:7: the plantuml diagram and 1 more (line 13) are shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).",
		]);
	});

	test('show a sentence that opens with @startuml, and a diagram\'s source in a <pre>, as written, with no warning of a diagram', () => {
		const $ = site().html('post/plantuml-source/index.html');
		expect($('.carnet-prose > p').first().text()).toBe('@startuml opens a diagram and @enduml closes it. For example:');
		expect($('.carnet-prose > pre').text()).toBe('@startuml\nAlice -> Bob\n@enduml\n');
		expect($('.carnet-prose code').length).toBe(0);
		expect(warningsOf(site(), 'plantuml-source.md')).toEqual([]);
	});

	test("show Zola themes' mermaid shortcode, bare or around a mermaid fence, as mermaid code without its tags or the blank lines around the diagram, warned about once at their lines", () => {
		expect(diagramsOn(site(), 'post/zola-mermaid/index.html')).toEqual([
			['language-mermaid', 'graph TD;\nA-->B;'],
			['language-mermaid', 'sequenceDiagram\n    Bob-->>John: Jolly good!'],
		]);
		expect(site().html('post/zola-mermaid/index.html')('.carnet-prose').html()).not.toMatch(/\{%|–&gt;/);
		expect(warningsOf(site(), 'zola-mermaid.md')).toEqual([
			"src/content/posts/zola-mermaid.md:6: the mermaid diagram and 1 more (line 15) are shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).",
		]);
	});

	test('show an image of a video page or a remote video or sound file as a link to it, on the page and in the feed', () => {
		const $ = site().html('post/video-images/index.html');
		const prose = $('.carnet-prose');
		expect(prose.find('img').length).toBe(0);
		const links = prose
			.find('a')
			.map((_, a) => [[$(a).attr('href'), $(a).html()]])
			.get();
		const expected = [
			['https://www.youtube.com/watch?v=Ptk_1Dc2iPY', 'Watch the video on YouTube'],
			['https://vimeo.com/263856289', 'Watch the video on Vimeo'],
			['https://www.dailymotion.com/video/x7tgcev', 'Watch the video on Dailymotion'],
			['https://www.html5rocks.com/en/tutorials/video/basics/devstories.webm', 'video'],
			['https://media.example.org/talks/keynote.mp3?dl=1', 'keynote.mp3'],
			['https://example.org/trailer', 'the <em>trailer</em>'],
		];
		expect(links).toEqual(expected);
		const item = parseRssFeed(site().read('rss.xml')).items?.find((entry) => entry.title === 'Video images');
		const feed = cheerio.load(item?.content?.encoded ?? '', null, false);
		expect(feed('img').length).toBe(0);
		expect(
			feed('a')
				.map((_, a) => [[feed(a).attr('href'), feed(a).html()]])
				.get(),
		).toEqual(expected);
	});

	test('carry the expanded body into the feed', () => {
		const item = parseRssFeed(site().read('rss.xml')).items?.find((entry) => entry.title === 'From Hugo');
		const html = item?.content?.encoded ?? item?.description ?? '';
		expect(html).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
		expect(html).toContain(`${SITE}/blog/post/jekyll/`);
		expect(html).toContain(`${SITE}/blog/post/my-custom-slug/`);
		const bundle = parseRssFeed(site().read('rss.xml')).items?.find((entry) => entry.title === 'Bundle');
		const images = [...(bundle?.content?.encoded ?? bundle?.description ?? '').matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1] as string);
		expect(images.length).toBe(3);
		for (const src of images) {
			expect(src.startsWith(`${SITE}/blog/_astro/`), src).toBe(true);
			expect(existsSync(path.join(site().dist, src.slice(`${SITE}/blog/`.length)))).toBe(true);
		}
	});
});
