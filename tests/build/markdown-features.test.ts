import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';
import { countWords } from '../../theme/utils/reading-time.ts';

// One post with every feature, written as authors write them on GitHub and in Obsidian.
const FEATURES = `---
title: Features
date: 2024-03-01 10:00:00
---
> [!NOTE]
> A note for the reader.

> [!TIP] A title of my own
> A tip.

> [!IMPORTANT]
> Important.

> [!WARNING]
> A warning.

> [!CAUTION]
> Careful.

> [!NOTE]- Folded
> Hidden until opened, with $x^2$ inside.

> [!TIP]+
> Foldable, open.

> [!UNKNOWN]
> Stays a quote.

Energy is $E = mc^2$, prices stay text: entre 5 $ et 10 $, or from $5 to $10.

$$
\\frac{a}{b}
$$

\`\`\`js title="app.js" {1,3-4}
const one = 1;
const two = 2;
const three = 3;
const four = 4;
const five = 5;
\`\`\`

\`\`\`sh
npm install
\`\`\`

Text with a note.[^1]

![A photo](./photo.jpg "The caption")

![Another photo](./photo.jpg)

[^1]: The footnote.
`;

const PLAIN = '---\ntitle: Plain\ndate: 2024-02-01\n---\nJust words, no code and no math: it costs 5 $.\n';

const MDX = `---
title: In MDX
date: 2024-01-01
---
export const Badge = (props) => <strong class="badge">{props.children}</strong>;

> [!WARNING]
> In MDX, with a <Badge>component</Badge>.

Inline $a+b$ in MDX.

:::tip[A title from Starlight]
An admonition in **MDX**.
:::

\`\`\`css title="site.css" {2}
a {
	color: red;
}
\`\`\`
`;

// A rehype plugin of the site's own, to check that the theme's features live alongside it.
const UNIFIED_CONFIG = `import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import carnet from 'astro-theme-carnet';

function rehypeSiteMark() {
	return (tree) => {
		tree.children.push({ type: 'element', tagName: 'p', properties: { className: ['site-plugin'] }, children: [{ type: 'text', value: 'site plugin' }] });
	};
}

// A remark plugin that gives the front matter values JSON cannot hold, as reading-time and git plugins do.
function remarkTypedFrontmatter() {
	return (tree, file) => {
		// It sees the post's front matter, as for a post of Astro's glob() loader.
		file.data.astro.frontmatter.sawTitle = String(file.data.astro.frontmatter.title) + (file.data.astro.frontmatter.date instanceof Date ? ' (a Date)' : ' (no Date)');
		file.data.astro.frontmatter.when = new Date('2024-05-06T07:08:09Z');
		file.data.astro.frontmatter.source = new URL('https://example.com/source');
	};
}

export default defineConfig({
	site: 'https://example.com',
	markdown: { processor: unified({ remarkPlugins: [remarkTypedFrontmatter], rehypePlugins: [rehypeSiteMark] }) },
	integrations: [carnet({ title: 'Unified', locale: 'fr' })],
});
`;

// Display math as MathJax blogs write it: TeX's ^ and ~, a matrix over a line "=", a $$ that ends the formula's
// line (a Butterfly post), and a formula KaTeX cannot read.
const DISPLAY_MATH = `---
title: Display math
date: 2024-01-20
---

$$
\\frac{a^2}{b^2} = x_1~\\text{and}~x_2
$$

$$
\\begin{pmatrix} x \\\\ y
\\end{pmatrix}
=
\\begin{pmatrix} 1 \\end{pmatrix}
$$

$$
(\\forall a)(P(a) \\Longrightarrow Q(a))$$

## Proof
Written as code, \`\\frac{1}{\` is no formula.
Broken: $\\frac{1}{$ here.

Unknown: $\\badcommand{x} + \\mathbb{R}$ and $\\foo$, shown red.

$$ a^2 + b^2 = c^2 $$

- $$\\sqrt{2}$$

Inline: $$x^2$$ in a line, and $$\\omega$$.

$$\\begin{aligned}
f(x) &= e^{x^2} \\\\
g &= x~\\text{and}~y
\\end{aligned}$$

Done, then $\\qux$, $\\href{javascript:alert(1)}{c}$ and $\\url{https://example.com/}$.
`;

// Images in public/, named by root-relative addresses as Hugo posts and pasted HTML name them.
const PUBLIC_IMAGES = `---
title: Public images
date: 2024-01-15
---

A chart: ![Chart](/images/chart.png)

With a space in its name: ![Team](</images/the team.jpg>)

<p><img src="/images/logo.webp" alt="Logo > brand"></p>

Sized by its author: <img src="/images/chart.png" alt="Small" width="100">

{{< figure src="/images/chart.png" alt="Shortcode" >}}

Not there: ![Missing](/images/missing.png), outside public/: ![Outside](/images/../../package.png)

\`\`\`md
![In code](/images/chart.png)
\`\`\`
`;
const PUBLIC_IMAGES_MDX = `---
title: Public image in MDX
date: 2024-01-16
---

![From MDX](/images/chart.png)

{/* ![Left out](/images/commented-out.png) */}

![Gone from MDX](/images/gone-from-mdx.png)

<img src="/images/gone-too.jpg" alt="Gone too" />

\`\`\`md
![Shown as code](/images/in-mdx-code.png)
\`\`\`

<img src="/images/spinner.gif" data-src="/images/chart.png" alt="Lazy in MDX" />

<div>
    <img class="lazy" data-original="/images/logo.webp" alt="Lazy in JSX" />
</div>

\`\`\`html
<img src="/images/spinner.gif" data-src="/images/chart.png" alt="Lazy as code" />
\`\`\`
`;

// A table and a task list, with math and a callout around them, written the same in a Markdown and an MDX
// post: the tables scroll on a phone and the checkboxes are named, however the body is rendered.
const READING_AIDS = `---
title: Reading aids
date: 2024-03-05
---

- [x] Ship *it* now
- [ ] Review
  - [ ] Nested step

1. [ ] Loose item

   More about it.

| Formula | Code |
| --- | --- |
| $x^2$ | \`c\` |

> [!NOTE]
> | In | Callout |
> | --- | --- |
> | 1 | 2 |
>
> - [x] Checked in a callout
`;

// The same inside an MDX component, and a task named by an image's alt text.
const READING_AIDS_JSX = `---
title: Reading aids in a component
date: 2024-03-06
---
export const Box = (props) => <div class="box">{props.children}</div>;

<Box>

| a | b |
| --- | --- |
| 1 | 2 |

- [x] ![Logo](/images/chart.png)
- [ ] Boxed task

</Box>
`;

async function posts(): Promise<Record<string, string | Buffer>> {
	return {
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/public-images.md': PUBLIC_IMAGES,
		'src/content/posts/display-math.md': DISPLAY_MATH,
		'src/content/posts/public-images-mdx.mdx': PUBLIC_IMAGES_MDX,
		'public/images/chart.png': await sharp({ create: { width: 640, height: 360, channels: 3, background: '#cc3333' } }).png().toBuffer(),
		'public/images/the team.jpg': await makeJpeg(300, 500, 5),
		'public/images/logo.webp': await sharp({ create: { width: 200, height: 100, channels: 4, background: '#3333cc' } }).webp().toBuffer(),
		'src/content/posts/features/index.md': FEATURES,
		'src/content/posts/features/photo.jpg': await makeJpeg(800, 500, 3),
		'src/content/posts/plain.md': PLAIN,
		'src/content/posts/migrated-syntax.md': MIGRATED_SYNTAX,
		'src/content/posts/code-id.md': '---\ntitle: Code id\ndate: 2024-03-01\n---\n\nWrite `<div id="setup">` in your HTML, or id="install" in prose.\n\n## Setup\n\nText.\n\n## Install\n\nSee [setup](#setup).\n',
		'src/content/posts/other-math.md': OTHER_MATH,
		'src/content/posts/in-mdx.mdx': MDX,
		'src/content/posts/reading-aids.md': READING_AIDS,
		'src/content/posts/reading-aids-mdx.mdx': READING_AIDS.replace('title: Reading aids', 'title: Reading aids in MDX'),
		'src/content/posts/reading-aids-jsx.mdx': READING_AIDS_JSX,
		'src/content/posts/numbered-math.md': '---\ntitle: Numbered math\ndate: 2024-03-04\n---\n\n$$\n\\begin{equation}\n  a = b + c\n\\end{equation}\n$$\n\n$$\nN_{k} \\geq F_{k+2} - 1 \\tag{I.H.}\n$$\n',
		'src/content/posts/code-samples.md': CODE_SAMPLES,
		'src/content/posts/zenn-titles.md': '---\ntitle: Zenn titles\nemoji: "🐱"\ntype: tech\ntopics: [typescript]\npublished: true\npublished_at: 2024-01-08 09:00\n---\n\n:::details Generic <T> と **太字**\n本文\n:::\n',
		'src/content/posts/callout-titles.md': '---\ntitle: Callout titles\ndate: 2024-03-02\n---\n\n> [!NOTE] Generic <T> and <code>x</code>\n> Text.\n\n::: details Generic <Foo> with <em>em</em> and `<Bar>`\nBody.\n:::\n',
		'src/content/posts/addresses.md': '---\ntitle: Addresses\ndate: 2024-03-02\n---\n\n<https://x.org>, [https://y.org/a](https://y.org/a), www.z.org and [a page](https://x.org/page).\n',
		'src/content/posts/addresses-mdx.mdx': '---\ntitle: Addresses in MDX\ndate: 2024-03-02\n---\n\nhttps://x.org, [https://y.org/a](https://y.org/a), www.z.org and [a page](https://x.org/page).\n',
		'src/content/posts/code-samples-mdx.mdx': CODE_SAMPLES.replace('title: Code samples', 'title: Code samples in MDX'),
		// A Hugo page bundle names its own files by its published folder, which is not its address here.
		'src/content/posts/bundle-figure/index.md': '---\ntitle: Bundle figure\ndate: 2020-01-01\n---\n\n{{< figure src="/blog/2021/bundle-figure/outline.png" >}}\n\n![Gone](/blog/2021/bundle-figure/gone.png)\n',
		'src/content/posts/bundle-figure/outline.png': await sharp({ create: { width: 40, height: 20, channels: 3, background: '#33cc33' } }).png().toBuffer(),
	};
}

// Samples in languages Prism has no grammar for, whose code Astro's Prism adapter wrote into the page as
// HTML, and a language that would break out of its attribute.
const CODE_SAMPLES = `---
title: Code samples
date: 2024-03-03
---

\`\`\`svelte
<script>
  document.title = 'pwned by a code sample';
</script>
<h1>Hello</h1>
\`\`\`

\`\`\`foo
<em>not emphasis</em>
\`\`\`

\`\`\`a"onmouseover="alert(1)
<img src=x onerror=alert(2)>
\`\`\`

\`\`\`js:tailwind.config.js
module.exports = {};
\`\`\`
`;

// Math as other engines write it: LaTeX's delimiters (Hugo's passthrough, MathJax sites) and GitHub's fence.
const OTHER_MATH = String.raw`---
title: Other math
date: 2024-03-02
---

Inline \(a^2 + b^2\) and escaped \(like this\).

\[
\frac{1}{2}
\]

` + '```math\nE = mc^2\n```\n';

// What Hugo's Goldmark and kramdown read by default: heading ids and classes, and definition lists.
const MIGRATED_SYNTAX = `---
title: Migrated syntax
date: 2024-03-01
---

## Introduction {#intro .lead}

See [the introduction](#intro).

## Sets {a, b}

## Update Instructions {/*update-instructions*/}

## Hover me {#hover onmouseover="alert(1)" style="position:fixed"}

- ## In a list {#in-list onclick="alert(2)"}

- ## Quote trick {#trick data-x=a"/onfocus=alert(3) key=v}

See [the instructions](#update-instructions), whose id react.dev writes as an MDX comment.

Sun
: the star at the centre

Moon
: a satellite
`;

const sites: Record<'satteri' | 'unified' | 'off' | 'katex', BuiltSite> = {} as never;

beforeAll(async () => {
	const files = await posts();
	const roots = {
		satteri: writeSite('markdown-satteri', { ...files, 'astro.config.mjs': astroConfig({ title: 'Sätteri', locale: 'en' }) }),
		unified: writeSite('markdown-unified', {
			...files,
			'astro.config.mjs': UNIFIED_CONFIG,
			// A page of the site's own that reads what the plugin left, as Astro's docs show.
			'src/pages/plugin-frontmatter.astro': `---
import { getEntry, render } from 'astro:content';
const entry = (await getEntry('posts', 'plain'))!;
const { remarkPluginFrontmatter } = await render(entry);
const { when, source, sawTitle, title } = remarkPluginFrontmatter;
---
<p id="title">{sawTitle} / {title}</p>
<p id="words">{entry.data.wordCount}</p>
<p id="when">{when instanceof Date ? when.toISOString() : typeof when}</p>
<p id="source">{source instanceof URL ? source.href : typeof source}</p>
`,
		}),
		off: writeSite('markdown-off', {
			...files,
			'astro.config.mjs': astroConfig({ title: 'Off', locale: 'en', callouts: false, math: false, code: false, figures: false }),
		}),
		katex: writeSite('markdown-katex', { ...files, 'astro.config.mjs': astroConfig({ title: 'KaTeX', locale: 'en', math: 'htmlAndMathml' }) }),
	};
	for (const [name, root] of Object.entries(roots)) {
		const site = await buildSite(root);
		expect(site.ok, site.log).toBe(true);
		sites[name as keyof typeof sites] = site;
	}
}, 300_000);

describe("Goldmark's and kramdown's syntax with Sätteri", () => {
	test('gives a heading the id and class its braces say (or react.dev\'s MDX comment), keeps braces that are no attributes as text, and makes definition lists', () => {
		const $ = sites.satteri.html('posts/migrated-syntax/index.html');
		expect($('.carnet-prose h2').map((_, heading) => [[$(heading).attr('id'), $(heading).attr('class'), $(heading).text()]]).get()).toEqual([
			['intro', 'lead', 'Introduction'],
			['sets-a-b', undefined, 'Sets {a, b}'],
			['update-instructions', undefined, 'Update Instructions'],
			['hover', undefined, 'Hover me'],
			['in-list', undefined, 'In a list'],
			['trick', undefined, 'Quote trick'],
		]);
		// An event handler or a style in the list would run script or restyle the page: left out, with a warning.
		expect($('.carnet-prose [onmouseover], .carnet-prose [onclick], .carnet-prose h2[style]')).toHaveLength(0);
		// In a list item too, where the source's check does not look: the page loses it all the same.
		expect($('.carnet-prose li h2').attr('id')).toBe('in-list');
		// A quote that would end a value and start an attribute of its own: no such attribute reaches the page.
		const names = $('.carnet-prose h2').map((_, heading) => Object.keys(heading.attribs)).get();
		expect(names.filter((name) => !/^[a-z][\w.-]*$/.test(name) || name.startsWith('on'))).toEqual([]);
		expect(sites.satteri.log).toContain('migrated-syntax.md:14: the heading\'s attribute onmouseover="alert(1)" is left out');
		expect($('.carnet-prose a[href="#intro"]').text()).toBe('the introduction');
		expect($('.carnet-prose dl dt').map((_, term) => $(term).text()).get()).toEqual(['Sun', 'Moon']);
		expect($('.carnet-prose dl dd').first().text()).toBe('the star at the centre');
	});

	test('keeps the id of a heading that code or text shows as an attribute, which the link to it reaches', () => {
		const $ = sites.satteri.html('posts/code-id/index.html');
		expect($('.carnet-prose h2').map((_, heading) => $(heading).attr('id')).get()).toEqual(['setup', 'install']);
		expect($('.carnet-prose code').first().text()).toBe('<div id="setup">');
		expect($('[id="setup"]').length).toBe(1);
		expect($('.carnet-prose a[href="#setup"]').text()).toBe('setup');
	});
});

const LABELS = {
	satteri: { note: 'Note', important: 'Important', warning: 'Warning', caution: 'Caution', footnotes: 'Footnotes', back: 'Back to reference 1' },
	unified: { note: 'Remarque', important: 'Important', warning: 'Attention', caution: 'Prudence', footnotes: 'Notes', back: 'Retour à l’appel de note 1' },
};

describe.each(['satteri', 'unified'] as const)('Markdown features with the %s processor', (name) => {
	const page = () => sites[name].html('posts/features/index.html');
	const body = () => page()('.carnet-prose');

	test('marks the links whose text is their own address, which print does not follow with the address again', () => {
		const $ = sites[name].html('posts/addresses/index.html');
		expect($('.carnet-prose a').map((_, link) => [[$(link).text(), $(link).attr('class') ?? '']]).get()).toEqual([
			['https://x.org', 'carnet-link--address'],
			['https://y.org/a', 'carnet-link--address'],
			['www.z.org', 'carnet-link--address'],
			['a page', ''],
		]);
	});

	test('marks the links of an MDX post whose text is their own address, autolinked or written as a link', () => {
		const $ = sites[name].html('posts/addresses-mdx/index.html');
		expect($('.carnet-prose a').map((_, link) => [[$(link).text(), $(link).attr('class') ?? '']]).get()).toEqual([
			['https://x.org', 'carnet-link--address'],
			['https://y.org/a', 'carnet-link--address'],
			['www.z.org', 'carnet-link--address'],
			['a page', ''],
		]);
	});

	test("shows a tag in a callout's title that is no HTML element (<T>) as written, HTML elements as HTML, and a Zenn summary as written, as Zenn escapes it", () => {
		const titles = (file: string) => {
			const $ = sites[name].html(`posts/${file}/index.html`);
			return $('.carnet-callout__title strong').map((_, title) => $(title).html()).get();
		};
		expect(titles('callout-titles')).toEqual(['Generic &lt;T&gt; and <code>x</code>', 'Generic &lt;Foo&gt; with <em>em</em> and <code>&lt;Bar&gt;</code>']);
		expect(titles('zenn-titles')).toEqual(['Generic &lt;T&gt; と **太字**']);
		expect(sites[name].log).not.toContain('<Foo>');
	});

	test('renders each callout kind as an aside with its translated label', () => {
		const $ = page();
		const titleOf = (kind: string) => $(`aside.carnet-callout--${kind} > .carnet-callout__title strong`).first().text();
		expect(titleOf('note')).toBe(LABELS[name].note);
		expect(titleOf('important')).toBe(LABELS[name].important);
		expect(titleOf('warning')).toBe(LABELS[name].warning);
		expect(titleOf('caution')).toBe(LABELS[name].caution);
		expect($('aside.carnet-callout--note').attr('role')).toBe('note');
		expect($('aside.carnet-callout--note').text()).toContain('A note for the reader.');
		expect($('aside.carnet-callout--note').text()).not.toContain('[!NOTE]');
	});

	test('gives a [!TIP] callout its own title, and an unknown kind a note titled by its name, as Obsidian shows it', () => {
		const $ = page();
		expect($('aside.carnet-callout--tip .carnet-callout__title').text()).toBe('A title of my own');
		expect($('aside.carnet-callout--tip > p').last().text()).toBe('A tip.');
		expect(body().find('.carnet-callout__title').map((_, title) => $(title).text()).get()).toContain('Unknown');
		expect(body().text()).not.toContain('[!UNKNOWN]');
	});

	test('folds a [!NOTE]- callout in a closed <details> and a [!TIP]+ one in an open one', () => {
		const $ = page();
		const folded = $('details.carnet-callout--note');
		expect(folded.attr('open')).toBeUndefined();
		expect(folded.children('summary').text()).toBe('Folded');
		expect(folded.find('math').length).toBe(1);
		expect($('details.carnet-callout--tip').attr('open')).toBeDefined();
	});

	test('renders inline and display math as MathML, and leaves prices as text', () => {
		const $ = page();
		const formulas = body().find('math');
		expect(formulas.length).toBe(3);
		expect(formulas.filter('[display="block"]').find('mfrac').length).toBe(1);
		expect(body().find('annotation').first().text()).toBe('x^2');
		expect(body().text()).toContain('entre 5 $ et 10 $, or from $5 to $10.');
		expect(body().find('.katex-html, [style]').length).toBe(0);
		expect($('link[href*="katex"], script[src*="katex"]').length).toBe(0);
	});

	test("renders LaTeX's delimiters and GitHub's ```math fence as MathML, and leaves words in escaped parentheses as text", () => {
		const prose = sites[name].html('posts/other-math/index.html')('.carnet-prose');
		expect(prose.find('annotation').map((_, annotation) => cheerio.load(annotation)('annotation').text().trim()).get()).toEqual(['a^2 + b^2', '\\frac{1}{2}', 'E = mc^2']);
		expect(prose.find('math[display="block"]').length).toBe(2);
		expect(prose.find('pre, code').length).toBe(0);
		expect(prose.text()).toContain('escaped (like this).');
	});

	test('gives a code block its title as a caption and marks its highlighted lines', () => {
		const figure = body().find('figure.carnet-code');
		expect(figure.children('figcaption').text()).toBe('app.js');
		const marks = figure.find('pre code mark.carnet-code__mark');
		expect(marks.map((_, mark) => page()(mark).text()).get()).toEqual(['const one = 1;', 'const three = 3;', 'const four = 4;']);
		expect(figure.find('pre code').text()).toContain('const five = 5;');
		expect(body().find('pre').length).toBe(2);
	});

	test('loads the copy script, a file from the site with translated words, on a page with code', () => {
		const script = page()('script[data-carnet-copy]');
		expect(script.attr('src')).toMatch(/^\/_astro\/code-copy\.[\w-]+\.js$/);
		expect(script.attr('type')).toBe('module');
		expect(script.attr('data-carnet-copy')).toBe(name === 'satteri' ? 'Copy code' : 'Copier le code');
		expect(sites[name].read(script.attr('src')!.slice(1))).toContain('navigator.clipboard.writeText');
	});

	test('makes a titled image alone in its paragraph a figure, and loads body images lazily with their size', () => {
		const figure = body().find('figure.carnet-figure');
		expect(figure.children('figcaption').text()).toBe('The caption');
		const image = figure.children('img');
		expect(image.attr('alt')).toBe('A photo');
		expect(image.attr('title')).toBeUndefined();
		for (const img of body().find('img').toArray()) {
			const $img = page()(img);
			expect([$img.attr('loading'), $img.attr('decoding')]).toEqual(['lazy', 'async']);
			expect(Number($img.attr('width'))).toBeGreaterThan(0);
			expect(Number($img.attr('height'))).toBeGreaterThan(0);
		}
		expect(body().find('img').length).toBe(2);
	});

	test('names the footnotes section and its back links in the site language', () => {
		const section = body().find('section.footnotes');
		expect(section.find('h2').text()).toBe(LABELS[name].footnotes);
		expect(section.find('[data-footnote-backref]').attr('aria-label')).toBe(LABELS[name].back);
		const target = body().find('[data-footnote-ref]').attr('href') ?? '';
		expect(body().find(`[id="${target.slice(1)}"]`).length).toBe(1);
	});

	test("numbers an equation, whose number KaTeX leaves to the page's stylesheet", () => {
		const $ = sites[name].html('posts/numbered-math/index.html');
		expect($('.carnet-prose math .mml-eqn-num').length).toBe(1);
		const styles = $('link[rel="stylesheet"]').map((_, link) => sites[name].read(($(link).attr('href') as string).slice(1))).get().join('\n');
		// A row its author tagged (\tag{B}) shows its tag and is not counted.
		expect(styles).toMatch(/\.mml-eqn-num:not\(\.carnet-eqn-tag\):+before\{counter-increment:carnet-equation;content:"\(" counter\(carnet-equation\) "\)"\}/);
	});

	test('shows a tag outside an environment with no width attribute, which the Nu checker rejects in MathML', () => {
		const $ = sites[name].html('posts/numbered-math/index.html');
		expect($('.carnet-prose math mtext').last().text()).toBe('(I.H.)');
		expect($('.carnet-prose math [width]').length).toBe(0);
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const page = path.join(sites[name].dist, 'posts/numbered-math/index.html');
		expect(execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', page], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
	});

	test('shows code samples in languages Prism has no grammar for as code, in Markdown and MDX, with no element or attribute of the sample on the page', () => {
		for (const slug of ['code-samples', 'code-samples-mdx']) {
			const $ = sites[name].html(`posts/${slug}/index.html`);
			const blocks = $('.carnet-prose pre code');
			expect(blocks.length, slug).toBe(4);
			expect($('.carnet-prose').find('script, h1, em, img, [onmouseover], [onerror]').length, slug).toBe(0);
			expect(blocks.eq(0).text()).toContain("document.title = 'pwned by a code sample';");
			expect(blocks.eq(1).text().trim()).toBe('<em>not emphasis</em>');
			expect(blocks.eq(2).text().trim()).toBe('<img src=x onerror=alert(2)>');
			expect($('figure.carnet-code figcaption').text()).toBe('tailwind.config.js');
		}
	});

	test('renders callouts, math and titled code in an MDX post', () => {
		const $ = sites[name].html('posts/in-mdx/index.html');
		expect($('aside.carnet-callout--warning strong').first().text()).toBe(LABELS[name].warning);
		expect($('aside.carnet-callout--warning .badge').text()).toBe('component');
		expect($('.carnet-prose math annotation').text()).toBe('a+b');
		expect($('figure.carnet-code figcaption').text()).toBe('site.css');
		expect($('figure.carnet-code mark').text().trim()).toBe('color: red;');
		expect($('script[data-carnet-copy]').length).toBe(1);
	});

	test("makes an admonition in an MDX post a callout, with its title (Starlight's :::tip[Title])", () => {
		const $ = sites[name].html('posts/in-mdx/index.html');
		const tip = $('aside.carnet-callout--tip');
		expect(tip.find('.carnet-callout__title').text()).toBe('A title from Starlight');
		expect(tip.find('p').last().html()).toBe('An admonition in <strong>MDX</strong>.');
		expect($('.carnet-prose').text()).not.toContain(':::');
	});

	test('puts each table in a scrolling wrapper and names each task checkbox by its text, in Markdown and MDX posts alike', () => {
		for (const slug of ['reading-aids', 'reading-aids-mdx']) {
			const $ = sites[name].html(`posts/${slug}/index.html`);
			const wrappers = $('.carnet-prose div.carnet-table');
			expect(wrappers.length, slug).toBe(2);
			expect(wrappers.map((_, wrapper) => $(wrapper).attr('tabindex')).get(), slug).toEqual(['0', '0']);
			expect(wrappers.children('table').length, slug).toBe(2);
			expect($('.carnet-table .carnet-table').length, slug).toBe(0);
			expect(wrappers.first().find('td annotation').text(), slug).toBe('x^2');
			expect($('aside.carnet-callout--note > div.carnet-table').length, slug).toBe(1);
			const labels = $('.carnet-prose li label').map((_, label) => $(label).text().trim()).get();
			expect(labels, slug).toEqual(['Ship it now', 'Review', 'Nested step', 'Loose item', 'Checked in a callout']);
			expect($('.carnet-prose label input[type="checkbox"]').length, slug).toBe(5);
			expect($('.carnet-prose input[type="checkbox"]').length, slug).toBe(5);
			expect($('label label').length, slug).toBe(0);
			expect($('.carnet-prose li p label').text().trim(), slug).toBe('Loose item');
		}
	});

	test("wraps the table and labels the tasks inside an MDX component too, a task named by its image's alt text", () => {
		const $ = sites[name].html('posts/reading-aids-jsx/index.html');
		expect($('.box > div.carnet-table[tabindex="0"] > table').length).toBe(1);
		expect($('.box li label').length).toBe(2);
		expect($('.box li label img').attr('alt')).toBe('Logo');
		expect($('.box li label').last().text().trim()).toBe('Boxed task');
	});

	test('loads no script and no math stylesheet on a page without code or math', () => {
		const $ = sites[name].html('posts/plain/index.html');
		expect($('script[src]').length).toBe(0);
		expect($('script:not([type="application/ld+json"])').length).toBe(0);
		expect($('.carnet-prose').text()).toContain('it costs 5 $.');
		expect($('link[rel="stylesheet"]').map((_, link) => $(link).attr('href')).get().join(' ')).not.toMatch(/katex|math/i);
	});

	test('puts callouts in the feeds as plain blockquotes with their label, math as MathML, and no script', () => {
		const items = parseRssFeed(sites[name].read('rss.xml')).items ?? [];
		const html = items.find((item) => item.title === 'Features')?.content?.encoded ?? '';
		const $ = cheerio.load(html, null, false);
		expect($('aside, details, summary, script').length).toBe(0);
		const quotes = $('blockquote.carnet-callout');
		// The five kinds, a folded one, an open one, and one of a kind Carnet does not know.
		expect(quotes.length).toBe(8);
		expect(quotes.first().children().first().is('p')).toBe(true);
		expect(quotes.first().children('p').first().html()).toBe(`<strong>${LABELS[name].note}</strong>`);
		// The folded callout's content is kept.
		expect(quotes.filter((_, quote) => $(quote).text().includes('Hidden until opened')).find('math').length).toBe(1);
		expect($('math').length).toBe(3);
		expect($('math annotation').first().attr('encoding')).toBe('application/x-tex');
		const atom = parseAtomFeed(sites[name].read('atom.xml')).entries?.find((entry) => entry.title?.value === 'Features');
		const atomHtml = cheerio.load(String(atom?.content?.value ?? ''), null, false);
		expect(atomHtml('blockquote.carnet-callout').length).toBe(8);
		expect(atomHtml('math').length).toBe(3);
		for (const feed of ['rss.xml', 'atom.xml']) {
			execFileSync('xmllint', ['--noout', path.join(sites[name].dist, feed)], { stdio: 'pipe' });
		}
	});
});

test("keeps the site's own rehype plugin running alongside the theme's features", () => {
	expect(sites.unified.html('posts/features/index.html')('.carnet-prose .site-plugin').text()).toBe('site plugin');
});

test("keeps the Date and URL a site's remark plugin puts in the front matter, as render(entry) returns it", () => {
	const $ = sites.unified.html('plugin-frontmatter/index.html');
	expect([$('#when').text(), $('#source').text()]).toEqual(['2024-05-06T07:08:09.000Z', 'https://example.com/source']);
});

test("gives a site's remark plugin the post's front matter, its date a Date, and render(entry) returns it in remarkPluginFrontmatter", () => {
	expect(sites.unified.html('plugin-frontmatter/index.html')('#title').text()).toBe('Plain (a Date) / Plain');
});

test('counts the words of the body only, not those of the front matter', () => {
	expect(sites.unified.html('plugin-frontmatter/index.html')('#words').text()).toBe(String(countWords(PLAIN.split('---\n')[2] as string)));
});

describe.each(['satteri', 'unified'] as const)('display math, with %s', (name) => {
	const page = () => sites[name].html('posts/display-math/index.html');

	test("is rendered whole: TeX's ^ and ~ and a matrix above a line = untouched, a $$ that ends the formula's line closing it", () => {
		const $ = page();
		expect($('.carnet-prose .katex-error').map((_, error) => $(error).text()).get()).toEqual(['\\frac{1}{']);
		expect($('.carnet-prose math[display=block]').length).toBe(6);
		// One opened on its formula's first line ($$\begin{aligned}), as MathJax reads it, ends where it closes.
		expect($('.carnet-prose > p').filter((_, paragraph) => $(paragraph).text().startsWith('Done, then'))).toHaveLength(1);
		expect($('.carnet-prose sup, .carnet-prose sub')).toHaveLength(0);
		expect($('.carnet-prose h2').text()).toBe('Proof');
	});

	test('names the formula that cannot be read, with its line and why, not that of the same TeX in code', () => {
		expect(sites[name].log).toContain('src/content/posts/display-math.md:22: the formula "\\frac{1}{" cannot be read, and is shown as its source, in red:');
	});

	test('shows a paragraph of one $$ formula on one line as display math, as kramdown and MathJax do; $$ inside a line stays inline', () => {
		const $ = page();
		const display = (tex: string) => $(`.carnet-prose math:has(annotation:contains("${tex}"))`).attr('display');
		expect([display('a^2 + b^2 = c^2'), display('\\sqrt{2}'), display('x^2'), display('\\omega')]).toEqual(['block', 'block', undefined, undefined]);
		expect($('.carnet-prose > p:has(math[display=block])')).toHaveLength(0);
	});

	test("names the commands KaTeX does not know, with the line of the first, where KaTeX reports nothing", () => {
		expect(page().html()).toContain('<mstyle mathcolor="#cc0000"><mtext>\\badcommand</mtext></mstyle>');
		expect(sites[name].log).toContain('src/content/posts/display-math.md:24: KaTeX knows no command \\badcommand, nor \\foo, \\qux (line 37), so the formula shows it in red');
		expect(sites[name].log).toContain('src/content/posts/display-math.md:37: a formula uses \\href, whose address is not an http:, https:, mailto: or relative one (javascript: runs script, data: holds a page), so KaTeX shows it in red');
		expect(sites[name].log).not.toContain('command \\mathbb');
	});

	test('links a formula\'s \\url to a web address, without a warning, where its \\href to a script stays red', () => {
		const $ = page();
		expect($('.carnet-prose math a').map((_, link) => [[$(link).attr('href'), $(link).text()]]).get()).toEqual([['https://example.com/', 'https://example.com/']]);
		expect($('.carnet-prose [href^="javascript"]').length).toBe(0);
		expect(sites[name].log).not.toContain('\\url');
	});
});

describe('with every Markdown feature turned off', () => {
	const page = () => sites.off.html('posts/features/index.html');

	test('leaves callouts as blockquotes, dollars as text and images without captions', () => {
		const $ = page();
		expect($('.carnet-callout').length).toBe(0);
		expect($('.carnet-prose blockquote').first().text()).toContain('[!NOTE]');
		expect($('math').length).toBe(0);
		expect($('.carnet-prose').text()).toContain('$E = mc^2$');
		expect($('figure').length).toBe(0);
		const other = sites.off.html('posts/other-math/index.html');
		expect(other('math').length).toBe(0);
		expect(other('.carnet-prose code.language-math').text()).toBe('E = mc^2\n');
	});

	test('adds no copy script and no code title', () => {
		const $ = page();
		expect($('script[src]').length).toBe(0);
		expect($('.carnet-code').length).toBe(0);
	});
});

describe("with math: 'htmlAndMathml'", () => {
	test("renders KaTeX's HTML beside the MathML, and loads its stylesheet only on pages with math", () => {
		const $ = sites.katex.html('posts/features/index.html');
		expect($('.carnet-prose .katex-html').length).toBe(3);
		expect($('.carnet-prose .katex-mathml math').length).toBe(3);
		const href = $('link[rel="stylesheet"][href*="katex"]').attr('href') ?? '';
		expect(href).toMatch(/^\/_astro\/katex\.min\.[\w-]+\.css$/);
		expect(sites.katex.html('posts/plain/index.html')('link[href*="katex"]').length).toBe(0);
		expect(sites.katex.html('index.html')('link[href*="katex"]').length).toBe(0);
	});

	test("serves KaTeX's fonts from the site, with hashed names", () => {
		const $ = sites.katex.html('posts/features/index.html');
		const css = sites.katex.read(($('link[href*="katex"]').attr('href') ?? '').slice(1));
		const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((match) => match[1] ?? '');
		expect(fonts.length).toBeGreaterThan(10);
		for (const font of fonts) {
			expect(font).toMatch(/^\/_astro\/KaTeX_[\w-]+\.[\w-]+\.woff2$/);
			expect(sites.katex.exists(font.slice(1)), font).toBe(true);
		}
	});

	test('keeps only the MathML in the feeds', () => {
		const item = (parseRssFeed(sites.katex.read('rss.xml')).items ?? []).find((entry) => entry.title === 'Features');
		const $ = cheerio.load(item?.content?.encoded ?? '', null, false);
		expect($('math').length).toBe(3);
		expect($('.katex-html').length).toBe(0);
		expect($('[style]').length).toBe(0);
	});

	test('adds no KaTeX file to a site that keeps MathML only', () => {
		const files = readdirSync(path.join(sites.satteri.dist, '_astro'));
		expect(files.filter((file) => /katex/i.test(file))).toEqual([]);
	});
});

describe.each(['satteri', 'unified'] as const)('images from public/ in a post body, with %s', (name) => {
	const page = () => sites[name].html('posts/public-images/index.html');
	const size = (alt: string) => {
		const image = page()(`.carnet-prose img[alt="${alt}"]`);
		expect(image.length, alt).toBe(1);
		return { width: image.attr('width'), height: image.attr('height') };
	};

	test("get the file's width and height, written as Markdown, as HTML, with a space in the name and from a figure shortcode", () => {
		expect(size('Chart')).toEqual({ width: '640', height: '360' });
		expect(size('Team')).toEqual({ width: '300', height: '500' });
		expect(size('Logo > brand')).toEqual({ width: '200', height: '100' });
		expect(size('Shortcode')).toEqual({ width: '640', height: '360' });
	});

	test('keep the size their author wrote, and get none when the file is missing or outside public/', () => {
		expect(size('Small')).toEqual({ width: '100', height: undefined });
		expect(size('Missing')).toEqual({ width: undefined, height: undefined });
		expect(size('Outside')).toEqual({ width: undefined, height: undefined });
		expect(page()('.carnet-prose pre').text()).toContain('![In code](/images/chart.png)');
	});

	test('missing from public/ are warned about once each, naming the line and the file looked for, but not when shown in code', () => {
		const told = sites[name].log.split('\n').filter((line) => line.includes('public-images.md:') && line.includes('public/ has no such file'));
		expect(told).toEqual([expect.stringContaining('src/content/posts/public-images.md:16: the image "/images/missing.png" shows nothing: public/ has no such file (looked for public/images/missing.png)')]);
	});

	test('missing from public/ with a file of that name beside the post, as a Hugo page bundle names its own by its published folder, are warned about with the path to write', () => {
		const told = sites[name].log.split('\n').filter((line) => line.includes('bundle-figure/index.md:'));
		expect(told).toEqual([
			expect.stringContaining(
				'src/content/posts/bundle-figure/index.md:6: the image "/blog/2021/bundle-figure/outline.png" shows nothing: public/ has no such file (looked for public/blog/2021/bundle-figure/outline.png). A file of that name is beside the post: write ./outline.png.',
			),
			expect.stringContaining('src/content/posts/bundle-figure/index.md:8: the image "/blog/2021/bundle-figure/gone.png" shows nothing: public/ has no such file (looked for public/blog/2021/bundle-figure/gone.png). Put the image there, or fix its path.'),
		]);
	});

	test('in an MDX post stay as written, since no key of its page covers the file', () => {
		const image = sites[name].html('posts/public-images-mdx/index.html')('.carnet-prose img[alt="From MDX"]');
		expect(image.attr('src')).toBe('/images/chart.png');
		expect(image.attr('width')).toBeUndefined();
	});

	test("with their address in data-src in an MDX post show that image, loaded lazily by the browser, as in a Markdown post, and stay as written in code", () => {
		const $ = sites[name].html('posts/public-images-mdx/index.html');
		const lazy = $('.carnet-prose img[alt="Lazy in MDX"]');
		expect([lazy.attr('src'), lazy.attr('data-src'), lazy.attr('loading')]).toEqual(['/images/chart.png', undefined, 'lazy']);
		const inJsx = $('.carnet-prose img[alt="Lazy in JSX"]');
		expect([inJsx.attr('src'), inJsx.attr('data-original'), inJsx.attr('class')]).toEqual(['/images/logo.webp', undefined, 'lazy']);
		expect($('.carnet-prose pre').text()).toContain('<img src="/images/spinner.gif" data-src="/images/chart.png" alt="Lazy as code" />');
	});

	test('missing from public/ in an MDX post are warned about with their lines, but not inside an MDX comment or code', () => {
		const told = sites[name].log.split('\n').filter((line) => line.includes('public-images-mdx.mdx:') && line.includes('public/ has no such file'));
		expect(told).toEqual([
			expect.stringContaining('src/content/posts/public-images-mdx.mdx:10: the image "/images/gone-from-mdx.png" shows nothing: public/ has no such file (looked for public/images/gone-from-mdx.png)'),
			expect.stringContaining('src/content/posts/public-images-mdx.mdx:12: the image "/images/gone-too.jpg" shows nothing'),
		]);
	});
});
