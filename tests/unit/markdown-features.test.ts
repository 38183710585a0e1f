import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../theme/i18n/index.ts';
import { bodyFeatures } from '../../theme/integration/body-features.ts';
import { installBodyPlugins } from '../../theme/integration/markdown.ts';
import { parseCodeMeta } from '../../theme/markdown/code.ts';
import { readSvelteAnnotations } from '../../theme/markdown/svelte-code.ts';
import { bodyTransforms } from '../../theme/markdown/transforms.ts';
import { summaryOf } from '../../theme/utils/summary.ts';
import { inlineFootnotes } from '../../theme/markdown/inline-footnotes.ts';
import { readLatexDelimiters } from '../../theme/markdown/math-delimiters.ts';
import type { HastElement } from '../../theme/markdown/hast.ts';
import { renderMath } from '../../theme/markdown/math.ts';

const ON = { callouts: true, math: true, code: true, figures: true };
const logger = { warn: () => {} } as never;

/** `markdown` rendered by a real processor with the theme's plugins installed as the integration does. */
async function render(
	name: 'satteri' | 'unified',
	markdown: string,
	locale = 'en',
	syntaxHighlight: 'prism' | 'shiki' = 'prism',
): Promise<{ $: cheerio.CheerioAPI; frontmatter: Record<string, unknown> }> {
	const processor = name === 'satteri' ? satteri() : unified();
	const { features, strings } = bodyFeatures(ON, createTranslator(locale), syntaxHighlight);
	installBodyPlugins({ processor, gfm: true } as never, bodyTransforms({ french: locale === 'fr', base: '/' }), features, strings, logger);
	const renderer = await processor.createRenderer({ syntaxHighlight } as never);
	const result = await renderer.render(markdown, { frontmatter: {} });
	return { $: cheerio.load(result.code, null, false), frontmatter: result.metadata.frontmatter as Record<string, unknown> };
}

/** The text `element` shows: its formulas' without their TeX source (`<annotation>`). */
function shownText($: cheerio.CheerioAPI, element: Parameters<cheerio.CheerioAPI>[0]): string {
	const copy = $(element).clone();
	copy.find('annotation').remove();
	return copy.text();
}

/** Whether an image is lazy and async: as attributes, or in the options Sätteri hands Astro's image pipeline. */
function loadsLazily(image: ReturnType<cheerio.CheerioAPI>): boolean {
	const options = JSON.parse(image.attr('__astro_image_') ?? '{}') as Record<string, unknown>;
	const attribute = (name: string) => image.attr(name) ?? options[name];
	return attribute('loading') === 'lazy' && attribute('decoding') === 'async';
}

describe.each(['satteri', 'unified'] as const)('Markdown features under the %s processor', (name) => {
	test.each([
		['entre 5 $ et 10 $ par mois', 0],
		['from $5 to $10 a month', 0],
		['$5 and $6', 0],
		['a $x$ and $y_1$ here', 2],
		['price $x$5 stays text', 0],
		['$$a+b$$ inline', 1],
		['the roots $ x = \\frac{-b}{2a} $ here', 1],
		['from $ 5 to 10 $ a month', 0],
		['$ \\alpha $5 stays text', 0],
		['For example, $ 2 ^ {53} - 1 $ is a safe integer', 1],
		['the sides $ x^{2} + y^{2} = z^{2} $ here', 1],
		['the range $ x_{min} + y_{max} = 3 $ here', 1],
		['The basic plan is $ 10 per month; set max_users = 5 and it costs $ 50.', 0],
		['The plan costs $ 10 + tax_1 = $ 12 in total.', 0],
		['Set the variable: $ HOME_DIR=x $ then run.', 0],
		['$ 1,000 + shipping_fee $ and $ my_var = 3 $', 0],
		['costs $ 10 a month, as in x_{1} and more, for $ 20', 0],
		['$ 5 and $ 10', 0],
		['pay $ 5 for my_file and $ 10 for the rest', 0],
		['In PHP, $str = "Line1\\nLine2"; and then $count = 0; to reset.', 0],
		['In Perl, $path = "C:\\Users\\me"; and $count = 0; are plain assignments.', 0],
	])('reads "%s" with %i formulas', async (source, formulas) => {
		const { $ } = await render(name, source);
		expect($('math').length).toBe(formulas);
		if (formulas === 0) expect($.root().text().trim()).toBe(source);
	});

	test('reads the callout kind in any case, and a marker on its own line only', async () => {
		const { $ } = await render(name, '> [!tip]\n> Lower case.\n\n> Not [!NOTE] at the start.');
		expect($('aside.carnet-callout--tip strong').text()).toBe('Tip');
		expect($('blockquote').text()).toContain('Not [!NOTE] at the start.');
	});

	test("shows Obsidian's other kinds as the nearest callout, titled by their name, an unknown kind as a note titled by its name, and FixIt's ~ as no title of its own", async () => {
		const { $ } = await render(name, '> [!INFO]+\n> Info.\n\n> [!danger]\n> Hot.\n\n> [!SUCCESS] Done it\n> Yes.\n\n> [!warn]\n> Quartz.\n\n> [!TIP]~\n> Content only.\n\n> [!my-callout]\n> Mine.');
		expect($('.carnet-callout').map((_, callout) => `${$(callout).attr('class')} ${$(callout).find('.carnet-callout__title').text()}`).get()).toEqual([
			'carnet-callout carnet-callout--note Info',
			'carnet-callout carnet-callout--caution Danger',
			'carnet-callout carnet-callout--tip Done it',
			'carnet-callout carnet-callout--note Warn',
			'carnet-callout carnet-callout--tip Tip',
			'carnet-callout carnet-callout--note My-callout',
		]);
		expect($('details.carnet-callout').attr('open')).toBeDefined();
		expect($('blockquote')).toHaveLength(0);
	});

	test("gives a post that opens with a callout the callout's text for summary, not its title", async () => {
		const { $ } = await render(name, '> [!NOTE]\n> This guide was updated for 2024.\n\nThe intro.');
		expect(summaryOf($.html())).toBe('This guide was updated for 2024.');
		const folded = await render(name, '> [!WARNING]- Careful here\n> Back up first.\n\nThe intro.');
		expect(summaryOf(folded.$.html())).toBe('Back up first.');
	});

	test('keeps inline formatting in a callout title and puts French spacing in its body', async () => {
		const { $ } = await render(name, '> [!WARNING] Read *this* first\n> Pourquoi ?', 'fr');
		expect($('.carnet-callout__title strong').html()).toBe('Read <em>this</em> first');
		expect($('aside.carnet-callout--warning > p').last().text()).toBe('Pourquoi\u202F?');
	});

	test('notes code and math in the plugin front matter, and nothing for plain prose', async () => {
		expect((await render(name, '```\nx\n```\n\n$a$')).frontmatter.carnetAssets).toEqual(['code', 'math']);
		expect((await render(name, 'Just prose.')).frontmatter.carnetAssets).toBeUndefined();
	});

	test.each(['prism', 'shiki'] as const)('gives a code block highlighted by %s its title and marked lines', async (highlighter) => {
		const { $ } = await render(name, '```js title="app.js" {2}\nconst a = 1; /* one\ntwo */ const b = 2;\nconst c = 3;\n```', 'en', highlighter);
		expect($('figure.carnet-code > figcaption').text()).toBe('app.js');
		expect($('figure.carnet-code mark').length).toBe(1);
		expect($('figure.carnet-code mark').text()).toBe('two */ const b = 2;');
		// Prism under unified keeps the block's final line break.
		expect($('figure.carnet-code code').text().trimEnd()).toBe('const a = 1; /* one\ntwo */ const b = 2;\nconst c = 3;');
	});

	test("reads VitePress's file name in brackets and lines after the language, keeping the language", async () => {
		const { $ } = await render(name, '```js{2} [main.js]\nconst a = 1;\nconst b = 2;\n```');
		expect($('figure.carnet-code > figcaption').text()).toBe('main.js');
		expect($('figure.carnet-code mark').text()).toBe('const b = 2;');
		expect($('figure.carnet-code code').attr('class')).toContain('language-js');
	});

	test("reads rehype-pretty-code's file name against the language, and VitePress's line numbers there as no title", async () => {
		const { $ } = await render(name, '```js:tailwind.config.js\nmodule.exports = {};\n```\n\n```ts:line-numbers\nconst a = 1;\n```');
		expect($('figure.carnet-code > figcaption').map((_, caption) => $(caption).text()).get()).toEqual(['tailwind.config.js']);
		expect($('code').last().attr('class')).toContain('language-ts');
	});

	test("reads gatsby-remark-code-titles' js:title=file, and GitHub's spellings of languages (c++, c#)", async () => {
		const { $ } = await render(name, '```js:title=src/example.js\nlet a;\n```\n\n```c++\nint a;\n```\n\n```c#\nint b;\n```');
		expect($('figure.carnet-code > figcaption').text()).toBe('src/example.js');
		expect($('code').map((_, code) => $(code).attr('class')).get().slice(1)).toEqual(['language-cpp', 'language-csharp']);
	});

	test("reads gatsby-remark-prismjs' options in braces after the language ({numberLines: 5}, {1,3}{numberLines: true}), keeping the language and the marked lines", async () => {
		const { $ } = await render(name, '```javascript{numberLines: true}\nlet a;\n```\n\n```js{numberLines: 5}\nlet b;\n```\n\n```jsx{1,3}{numberLines: true}\nlet c;\nlet d;\nlet e;\n```\n\n```bash{promptUser: alice}{outputLines: 2}\nls\na.txt\n```');
		expect($('code').map((_, code) => $(code).attr('class')).get()).toEqual(['language-javascript', 'language-js', 'language-jsx', 'language-bash']);
		expect($('.carnet-code mark').map((_, line) => $(line).text()).get()).toEqual(['let c;', 'let e;']);
		expect($.root().text()).not.toContain('numberLines');
	});

	test("captions a block with Hextra's {filename=…} in Hugo's braces, alone or beside hl_lines", async () => {
		const { $ } = await render(name, '```python {filename="main.py"}\nprint(1)\n```\n\n```go {linenos=table, filename="main.go", hl_lines=[2]}\na := 1\nb := 2\n```');
		expect($('figure.carnet-code > figcaption').map((_, caption) => $(caption).text()).get()).toEqual(['main.py', 'main.go']);
		expect($('figure.carnet-code mark').text()).toBe('b := 2');
	});

	test("reads Remix's filename= and lines=[…] fence options", async () => {
		const { $ } = await render(name, '```ts filename=vite.config.ts lines=[2]\nconst a = 1;\nconst b = 2;\n```');
		expect([$('figure.carnet-code > figcaption').text(), $('figure.carnet-code mark').text()]).toEqual(['vite.config.ts', 'const b = 2;']);
	});

	test("shows Expressive Code's added and removed lines as <ins> and <del>, and its mark={…} as highlighted lines", async () => {
		const { $ } = await render(name, '```js title="a.js" ins={2} del={3} mark={1}\nconst a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\n```');
		expect([$('figure.carnet-code mark').text(), $('figure.carnet-code ins').text(), $('figure.carnet-code del').text()]).toEqual(['const a = 1;', 'const b = 2;', 'const c = 3;']);
		expect($('figure.carnet-code code').text().trim()).toBe('const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;');
	});

	test.each(['prism', 'shiki'] as const)("reads eleventy-plugin-syntaxhighlight's js/2-3 as the language and highlighted lines, counted from 0 as Eleventy counts them, under %s", async (highlighter) => {
		const { $ } = await render(name, '```js/2-3\n// this is a command\nfunction myCommand() {\n\tlet counter = 0;\n\tcounter++;\n}\n```\n\n```text/0,2\na\nb\nc\n```', 'en', highlighter);
		expect($('div.carnet-code').length).toBe(2);
		expect($('div.carnet-code').first().find('mark.carnet-code__mark').map((_, mark) => $(mark).text()).get()).toEqual(['\tlet counter = 0;', '\tcounter++;']);
		// Shiki names the language on the <pre>, Prism in the code's class.
		const first = $('div.carnet-code').first();
		expect(highlighter === 'shiki' ? first.find('pre').attr('data-language') : first.find('code').attr('class')).toBe(highlighter === 'shiki' ? 'js' : 'language-js');
		expect($('div.carnet-code').last().find('mark').map((_, mark) => $(mark).text()).get()).toEqual(['a', 'c']);
		expect($('div.carnet-code').last().find('code').text().trim()).toBe('a\nb\nc');
	});

	test("shows eleventy-plugin-syntaxhighlight's js/1/2 and js/-/2 as added and removed lines", async () => {
		const { $ } = await render(name, '```js/0/1\nconst a = 1;\nconst b = 2;\n```\n\n```js/-/1\nconst c = 3;\nconst d = 4;\n```');
		const [added, removed] = $('div.carnet-code').toArray().map((block) => $(block));
		expect([added?.find('ins').text(), added?.find('del').text(), added?.find('mark').length]).toEqual(['const a = 1;', 'const b = 2;', 0]);
		expect([removed?.find('ins').length, removed?.find('del').text()]).toEqual([0, 'const d = 4;']);
		expect(removed?.find('code').attr('class')).toContain('language-js');
	});

	test("shows nodejs.org's displayName, the label of a tab of code there, as the block's title", async () => {
		const { $ } = await render(name, '```js displayName="Before"\nimport chalk from "chalk";\n```\n\n```js displayName="After"\nimport { styleText } from "node:util";\n```');
		expect($('figure.carnet-code > figcaption').map((_, caption) => $(caption).text()).get()).toEqual(['Before', 'After']);
		expect($('figure.carnet-code code').first().text().trim()).toBe('import chalk from "chalk";');
	});

	test("highlights code in the languages Shiki names that Prism knows by another name (vue-html as HTML, mjs, shellscript, terraform)", async () => {
		const { $ } = await render(name, ['```vue-html', '<div v-if="ok">Hi</div>', '```', '```mjs', 'export const a = 1;', '```', '```shellscript', 'echo hi', '```', '```terraform', 'variable "a" {}', '```'].join('\n'));
		expect($('pre').map((_, pre) => $(pre).attr('data-language')).get()).toEqual(['markup', 'javascript', 'bash', 'hcl']);
		expect($('pre').first().find('.token.tag').length).toBeGreaterThan(0);
	});

	test("shows svelte.dev's file line as the block's title and its +++ and --- text as added and removed lines, without the markers", async () => {
		const post = '```js\n/// file: svelte.config.js\nexport default {\n\tkit: {\n\t\t+++experimental: {\n\t\t\ttracing: true\n\t\t}+++\n\t\t---old: true---\n\t}\n};\n```';
		const { $ } = await render(name, post);
		expect($('figure.carnet-code > figcaption').text()).toBe('svelte.config.js');
		expect($('figure.carnet-code ins').map((_, line) => $(line).text()).get()).toEqual(['\t\texperimental: {', '\t\t\ttracing: true', '\t\t}']);
		expect($('figure.carnet-code del').map((_, line) => $(line).text()).get()).toEqual(['\t\told: true']);
		expect($('figure.carnet-code code').text().trim()).toBe('export default {\n\tkit: {\n\t\texperimental: {\n\t\t\ttracing: true\n\t\t}\n\t\told: true\n\t}\n};');
	});

	test("shows a line svelte.dev changes within as it was, removed, and as it is, added, and reads <!--- file: ---> and :::", async () => {
		const post = '```svelte\n<!--- file: App.svelte --->\n<script>\n\tlet count = ---0---+++$state(0)+++;\n\t:::console.log(count);:::\n</script>\n```';
		const { $ } = await render(name, post);
		expect($('figure.carnet-code > figcaption').text()).toBe('App.svelte');
		expect([$('figure.carnet-code del').text(), $('figure.carnet-code ins').text(), $('figure.carnet-code mark').text()]).toEqual([
			'\tlet count = 0;',
			'\tlet count = $state(0);',
			'\tconsole.log(count);',
		]);
	});

	test("leaves ---, +++ and ::: in the code of a post without svelte.dev's file lines, and markers that do not pair up", async () => {
		const yaml = '```yaml\n---\ntitle: x\n---\n```\n\n```diff\n--- a/x\n+++ b/x\n```';
		const plain = (await render(name, yaml)).$;
		expect(plain('code').map((_, code) => plain(code).text().trim()).get()).toEqual(['---\ntitle: x\n---', '--- a/x\n+++ b/x']);
		expect(plain('ins, del').length).toBe(0);
		const rust = (await render(name, '```rust\n/// Opens it.\n/// file: the path\nfn open() {}\n```\n\n```yaml\n---\na: 1\n---\n```')).$;
		expect(rust('code').map((_, code) => rust(code).text().trim()).get()).toEqual(['/// Opens it.\n/// file: the path\nfn open() {}', '---\na: 1\n---']);
		const svelte = (await render(name, '```js\n/// file: a.js\nlet a = 1;\n```\n\n```md\n---\ntitle: x\n---\n\n| a | b |\n|---|---|\n```\n\n```diff\n--- a/x\n+++ b/x\n```\n\n```js\nconst rule = `\n---\n`; // ------ a rule\n```')).$;
		expect(svelte('code').map((_, code) => svelte(code).text().trim()).get()).toEqual(['let a = 1;', '---\ntitle: x\n---\n\n| a | b |\n|---|---|', '--- a/x\n+++ b/x', 'const rule = `\n---\n`; // ------ a rule']);
	});

	test("hides what comes before twoslash's // ---cut--- and its // @ lines in a svelte.dev post's JavaScript", async () => {
		const { $ } = await render(name, '```js\n/// file: src/hooks.server.js\n// @errors: 2304\nimport { x } from "y";\n// ---cut---\nexport const a = x;\n```');
		expect($('figure.carnet-code > figcaption').text()).toBe('src/hooks.server.js');
		expect($('figure.carnet-code code').text().trim()).toBe('export const a = x;');
	});

	test('shows a sample in a language Prism has no grammar for as code, in the nearest language it has', async () => {
		const { $ } = await render(name, '```svelte\n<script>alert(1)</script>\n```\n\n```Python\nprint(1)\n```');
		expect($('script').length).toBe(0);
		expect($('code').first().text().trim()).toBe('<script>alert(1)</script>');
		expect($('code').first().attr('class')).toContain('language-markup');
		expect($('code').last().attr('class')).toContain('language-python');
	});

	test.each(['prism', 'shiki'] as const)("reads CodeHilite's :::lang and #!lang first line of an indented block as its language, without the line, under %s", async (highlighter) => {
		const markdown = [
			'Text.',
			'',
			'    :::bash',
			'    echo hi',
			'',
			'Then.',
			'',
			'    #!Python',
			'    print(1)',
			'',
			'Marked.',
			'',
			'    :::python hl_lines="2"',
			'    a = 1',
			'    b = 2',
			'',
			'A script.',
			'',
			'    #!/usr/bin/env python',
			'    print(2)',
			'',
			'A fence is read as written.',
			'',
			'```',
			':::python',
			'```',
			'',
			'- In a list:',
			'',
			'        :::js',
			'        let a;',
		].join('\n');
		const { $ } = await render(name, markdown, 'en', highlighter);
		const blocks = $('pre').map((_, pre) => ({ language: $(pre).attr('data-language') ?? $(pre).find('code').attr('class'), code: $(pre).find('code').text().trimEnd() })).get();
		expect(blocks).toEqual([
			{ language: highlighter === 'prism' ? expect.stringContaining('bash') : 'bash', code: 'echo hi' },
			{ language: highlighter === 'prism' ? expect.stringContaining('python') : 'python', code: 'print(1)' },
			{ language: highlighter === 'prism' ? expect.stringContaining('python') : 'python', code: 'a = 1\nb = 2' },
			{ language: expect.stringContaining('plaintext'), code: '#!/usr/bin/env python\nprint(2)' },
			{ language: expect.stringContaining('plaintext'), code: ':::python' },
			{ language: highlighter === 'prism' ? expect.stringContaining('js') : 'js', code: 'let a;' },
		]);
		expect($('.carnet-code mark').text()).toBe('b = 2');
	});

	test("shows pymdownx InlineHilite's #!lang and :::lang inline code without the mark", async () => {
		const { $ } = await render(name, 'Run `#!python print(1)`, `:::js let a;` and `#!/bin/sh` or ` #!js kept`.');
		expect($('code').map((_, code) => $(code).text()).get()).toEqual(['print(1)', 'let a;', '#!/bin/sh', ' #!js kept']);
	});

	test("reads Nuxt Content's file name against the language, and Gatsby's highlight= and none", async () => {
		const nuxt = (await render(name, '```js{2}[server.js]\nconst a = 1;\nconst b = 2;\n```')).$;
		expect([nuxt('figure.carnet-code > figcaption').text(), nuxt('figure.carnet-code mark').text()]).toEqual(['server.js', 'const b = 2;']);
		expect(nuxt('figure.carnet-code code').attr('class')).toContain('language-js');
		const gatsby = (await render(name, '```jsx title=src/x.jsx highlight=2-3\nconst a = 1;\nconst b = 2;\nconst c = 3;\n```\n\n```none\nplain\n```')).$;
		expect(gatsby('figure.carnet-code > figcaption').text()).toBe('src/x.jsx');
		expect(gatsby('figure.carnet-code mark').map((_, mark) => gatsby(mark).text()).get()).toEqual(['const b = 2;', 'const c = 3;']);
		expect(gatsby('code').last().attr('class') ?? '').not.toContain('none');
		expect(gatsby('code').last().text().trim()).toBe('plain');
	});

	test.each([
		['a Markdown image', '![A cat](cat.jpg "The cat")'],
		['a reference-style image', '![A cat][cat]\n\n[cat]: cat.jpg "The cat"'],
		['an image in a callout', '> [!NOTE]\n> ![A cat](cat.jpg "The cat")'],
	])('makes %s with a title a lazy figure with its caption', async (_kind, source) => {
		const { $ } = await render(name, `Some prose first.\n\n${source}\n\nAnd after.`);
		expect($('figure.carnet-figure figcaption').text()).toBe('The cat');
		expect(loadsLazily($('figure.carnet-figure img'))).toBe(true);
		expect($('p').length).toBeGreaterThanOrEqual(2);
	});

	test('makes an image with a line in italics under it, as Chirpy writes a caption, a figure whose caption keeps its link', async () => {
		const { $ } = await render(name, 'Prose.\n\n![A cat](cat.jpg "Tooltip")\n_The cat, by [Ada](https://ada.example.com)_\n\n![A dog](dog.jpg) *on the same line*');
		const caption = $('figure.carnet-figure figcaption');
		expect([caption.length, caption.text(), caption.find('a').attr('href'), caption.find('em').length]).toEqual([1, 'The cat, by Ada', 'https://ada.example.com', 0]);
		const image = $('figure.carnet-figure img');
		const title = image.attr('title') ?? (JSON.parse(image.attr('__astro_image_') ?? '{}') as { title?: string }).title;
		expect([title, loadsLazily(image)]).toEqual(['Tooltip', true]);
		// Italics on the image's own line are prose.
		expect($('p em').text()).toBe('on the same line');
	});

	test('makes an image linked to its file, alone in its paragraph, with a title or a line in italics under it, a lazy figure that keeps its link; a badge linked to a page stays a link', async () => {
		const { $ } = await render(name, 'Prose.\n\n[![A cat](cat.jpg "The cat")](https://example.com/big.jpg)\n\n[![A dog](dog.jpg)](https://example.com/dog.jpg)\n_The dog_\n\nA [![badge](b.svg "Build")](https://ci.example.com) in prose.\n\n[![npm](https://img.shields.io/npm/v/x.svg "npm version")](https://npmjs.com/x)\n\n[![A bird](bird.jpg "The bird")](https://example.com/?attachment_id=5)');
		const figures = $('figure.carnet-figure');
		expect(figures.map((_, figure) => [[$(figure).children('a').attr('href'), $(figure).find('figcaption').text()]]).get()).toEqual([
			['https://example.com/big.jpg', 'The cat'],
			['https://example.com/dog.jpg', 'The dog'],
			['https://example.com/?attachment_id=5', 'The bird'],
		]);
		expect(figures.find('a > img').map((_, image) => loadsLazily($(image))).get()).toEqual([true, true, true]);
		expect($('p a img').length).toBe(2);
	});

	test('loads an untitled image lazily, and leaves a code block whole while noting it', async () => {
		const { $, frontmatter } = await render(name, 'Text ![A dog](dog.jpg) here.\n\n```js\nconst a = 1;\n```');
		expect(loadsLazily($('p img'))).toBe(true);
		expect($('figure').length).toBe(0);
		expect($('pre code').text().trim()).toBe('const a = 1;');
		expect(frontmatter.carnetAssets).toEqual(['code']);
	});

	// Sätteri hands the theme's plugins each image of a paragraph on its own, with the paragraph around it.
	test.runIf(name === 'satteri')('renders a paragraph of 100 KB of images, plain, linked or by reference, each lazy and none a figure, in seconds where it took minutes', async () => {
		// The processor's first documents load its grammars and plugins and warm its code up.
		await render(name, '![a](/x.png) '.repeat(1_000));
		for (const image of ['![a](/x.png) ', '[![a](/x.png)](/y) ', '![a][x] ']) {
			const count = Math.floor(100_000 / image.length);
			const started = performance.now();
			const { $ } = await render(name, `Prose ${image.repeat(count)}\n\n[x]: /x.png\n`);
			expect(performance.now() - started).toBeLessThan(5_000);
			expect([$('p img').length, $('figure').length, loadsLazily($('p img').last())]).toEqual([count, 0, true]);
		}
	});

	test('renders paragraphs holding a few images, figures among them, as it always has', async () => {
		const source = [
			'![A cat](/cat.jpg "The cat")',
			'![A dog](/dog.jpg)\n_The dog_',
			'[![A bird](/bird.jpg "The bird")](/bird.jpg)',
			'Two ![one](/1.png) and ![two](/2.png "Two") in prose, [![linked](/3.png)](/3.png) too.',
			'![alone](/4.png)',
			'![first](/5.png) ![second](/6.png)',
		].join('\n\n');
		const { $ } = await render(name, source);
		expect($.html().trimEnd()).toBe(
			[
				'<figure class="carnet-figure"><img src="/cat.jpg" alt="A cat" loading="lazy" decoding="async"><figcaption>The cat</figcaption></figure>',
				'<figure class="carnet-figure"><img src="/dog.jpg" alt="A dog" loading="lazy" decoding="async"><figcaption>The dog</figcaption></figure>',
				'<figure class="carnet-figure"><a href="/bird.jpg"><img src="/bird.jpg" alt="A bird" loading="lazy" decoding="async"></a><figcaption>The bird</figcaption></figure>',
				'<p>Two <img src="/1.png" alt="one" loading="lazy" decoding="async"> and <img src="/2.png" alt="two" title="Two" loading="lazy" decoding="async"> in prose, <a href="/3.png"><img src="/3.png" alt="linked" loading="lazy" decoding="async"></a> too.</p>',
				'<p><img src="/4.png" alt="alone" loading="lazy" decoding="async"></p>',
				'<p><img src="/5.png" alt="first" loading="lazy" decoding="async"> <img src="/6.png" alt="second" loading="lazy" decoding="async"></p>',
			].join('\n'),
		);
	});

	test('never turns TeX into links to a script or data, images, classes or markup', async () => {
		const { $ } = await render(
			name,
			'$\\href{javascript:alert(1)}{x}$ $\\href{JavaScript:alert(1)}{x}$ $\\url{data:text/html,<b>x</b>}$ $\\href{vbscript:x}{x}$ $\\includegraphics{https://example.com/x.png}$ $\\htmlClass{x}{y}$ $\\htmlId{x}{y}$ $\\htmlStyle{color:red}{y}$ $\\htmlData{x=y}{y}$ $\\text{<img src=x onerror=alert(1)>}$',
		);
		expect($('math').length).toBe(10);
		expect($('a, img, [href], [onerror], [style], [data-x], #x, .x').length).toBe(0);
		expect($('mstyle[mathcolor] > mtext').map((_, node) => $(node).text()).get()).toEqual(['\\href', '\\href', '\\url', '\\href', '\\includegraphics', '\\htmlClass', '\\htmlId', '\\htmlStyle', '\\htmlData']);
	});

	test('links \\url{…} and \\href{…}{…} in a formula to a web, mail or relative address, in HTML links every browser follows', async () => {
		const { $ } = await render(name, 'See $\\url{https://example.com/a?b=1&c=2}$, $\\href{mailto:ada@example.com}{\\text{mail}}$ and $\\href{/posts/x/}{x^2}$.');
		expect($('.katex-error, [mathcolor], math :not(a)[href]').length).toBe(0);
		expect($('math a').map((_, link) => [[$(link).attr('href'), $(link).text(), $(link).parent().prop('tagName')?.toLowerCase()]]).get()).toEqual([
			['https://example.com/a?b=1&c=2', 'https://example.com/a?b=1&c=2', 'mtext'],
			['mailto:ada@example.com', 'mail', 'mtext'],
			['/posts/x/', 'x2', 'mtext'],
		]);
	});

	test('shows a $$ formula on a line of its own within a paragraph displayed, between the paragraphs of the text before and after it', async () => {
		const { $ } = await render(name, 'Therefore *so*\n$$x = 1$$\nwhich is true, and a $$y$$ b.\n');
		expect($('math').map((_, math) => $(math).attr('display') ?? 'inline').get()).toEqual(['block', 'inline']);
		$('annotation').remove();
		expect($('p').map((_, paragraph) => $(paragraph).text()).get()).toEqual(['Therefore so', 'which is true, and a y b.']);
	});

	test('shows a $$ formula on a line of its own right after a table row displayed after the table, not as a cell', async () => {
		const { $ } = await render(name, '| a | b |\n|---|---|\n| 1 | 2 |\n$$x = 1$$\nwhich $5 and $6 cost.\n');
		expect([$('tbody tr').length, $('td math').length, $('math').attr('display')]).toEqual([1, 0, 'block']);
		expect($('p').text()).toBe('which $5 and $6 cost.');
	});

	test("links the whole of \\href{…}{x^2 + y}'s rendered text once, not once per symbol", async () => {
		const { $ } = await render(name, 'See $\\href{https://a.org}{x^2 + y}$ and:\n\n$$\\href{https://b.org}{\\frac{1}{2}}$$\n');
		expect($('math a').map((_, link) => [[$(link).attr('href'), $(link).text(), $(link).parent().prop('tagName')?.toLowerCase()]]).get()).toEqual([
			['https://a.org', 'x2+y', 'mtext'],
			['https://b.org', '12', 'mtext'],
		]);
		expect($('math a > math msup, math a > math[displaystyle="true"] mfrac').length).toBe(2);
	});

	test("shows a formula's \\href and \\url within a Markdown link as their text, so that the post's link stays one, whole", async () => {
		const { $ } = await render(name, '[see $\\href{https://a.org}{x}$ and $\\url{https://c.org}$](https://b.org), then $\\href{https://a.org}{y}$.');
		const links = $('a').map((_, link) => [[$(link).attr('href'), shownText($, link)]]).get();
		expect(links).toEqual([
			['https://b.org', 'see x and https://c.org'],
			['https://a.org', 'y'],
		]);
		expect($('[href]').length).toBe(2);
	});

	test('shows a formula KaTeX cannot read as its source instead of failing', async () => {
		const { $ } = await render(name, 'Broken $\\frac{a$ here.');
		expect($.root().text()).toContain('\\frac{a');
	});

	test('renders a task list nested seventy deep, past the depth Sätteri lets a plugin rewrite whole', async () => {
		const { $ } = await render(name, Array.from({ length: 70 }, (_, index) => `${'  '.repeat(index)}- [ ] task ${index}`).join('\n'));
		expect($('input[type="checkbox"]').length).toBe(70);
	});

	test('wraps a table in a scrolling wrapper once, keeping what its cells were given, and labels task items around a code block', async () => {
		const { $ } = await render(name, '| a | b |\n| --- | --- |\n| $x$ | ![Dog](dog.jpg) |\n\n- [ ]\n- [x] Step\n\n  ```js\n  run();\n  ```\n\n  - [ ] Sub-step\n');
		expect($('div.carnet-table[tabindex="0"] > table').length).toBe(1);
		expect($('div.carnet-table').parent().is('div.carnet-table')).toBe(false);
		expect($('td math').length).toBe(1);
		expect(loadsLazily($('td img'))).toBe(true);
		expect($('label').map((_, label) => $(label).text().trim()).get()).toEqual(['Step', 'Sub-step']);
		expect($('li').first().find('label').length).toBe(0);
		expect($('li pre').attr('tabindex')).toBe('0');
		expect($('li pre').text().trim()).toBe('run();');
	});
});

describe('parseCodeMeta()', () => {
	test('reads a quoted or bare title and line ranges', () => {
		expect(parseCodeMeta('title="my app.js" {1,3-4}')).toEqual({ title: 'my app.js', lines: new Set([1, 3, 4]) });
		expect(parseCodeMeta("{2} title='x.css'")).toEqual({ title: 'x.css', lines: new Set([2]) });
		expect(parseCodeMeta('title=x.ts')).toEqual({ title: 'x.ts', lines: new Set() });
	});

	test("reads Expressive Code's mark, ins and del line ranges", () => {
		expect(parseCodeMeta('mark={1} ins={2-3} del={5,7}')).toEqual({ lines: new Set([1]), inserted: new Set([2, 3]), deleted: new Set([5, 7]) });
		expect(parseCodeMeta('{1} mark={4}')).toEqual({ lines: new Set([1, 4]) });
		// Labelled ranges, as Expressive Code writes them: the label is not shown.
		expect(parseCodeMeta('ins={"A":2} del={"B":3-4, 6}')).toEqual({ lines: new Set(), inserted: new Set([2]), deleted: new Set([3, 4, 6]) });
	});

	test('ignores a meta string with neither', () => {
		expect(parseCodeMeta('showLineNumbers')).toBeUndefined();
		expect(parseCodeMeta(undefined)).toBeUndefined();
	});
});

describe("svelte.dev's code annotations", () => {
	test('are read in a block of 10,000 markers and a line of 1 MB in well under a second', () => {
		const source = '```js\n/// file: a.js\n```';
		const started = performance.now();
		const many = readSvelteAnnotations(`/// file: a.js\n${'+++a+++\n'.repeat(5_000)}${'---b---'.repeat(5_000)}`, 'js', null, source);
		const long = readSvelteAnnotations(`/// file: a.js\n+++${'x'.repeat(1_000_000)}`, 'js', null, source);
		expect(performance.now() - started).toBeLessThan(1_000);
		expect(many?.meta).toBe('title="a.js" ins={1-5000} del={5001}');
		expect(long).toEqual({ value: `+++${'x'.repeat(1_000_000)}`, meta: 'title="a.js"' });
	});
});

describe('inline footnotes', () => {
	test.each(['satteri', 'unified'] as const)("Pandoc's and Obsidian's ^[note] become footnotes under %s; a pattern after a space and code stay as written", async (name) => {
		const source = inlineFootnotes('A claim^[The [source](https://example.com).] and another.^[Second.]\n\nMatch ^[a-z]+ here, and `x^[code]`.\n');
		const { $ } = await render(name, source);
		expect($('sup a[data-footnote-ref]').length).toBe(2);
		expect($('section[data-footnotes] li').first().text()).toContain('The source.');
		expect($('section[data-footnotes] li a[href="https://example.com"]').length).toBe(1);
		expect($('p').eq(1).text()).toBe('Match ^[a-z]+ here, and x^[code].');
	});
});

describe('numbered equations', () => {
	test.each(['satteri', 'unified'] as const)("show a row's own tag under %s, and leave the other rows to the stylesheet's count", async (name) => {
		const tex = '$$\n\\begin{align}\na &= b \\tag{B} \\\\\nc &= \\begin{cases} 1 \\\\ 2 \\end{cases} \\\\\ne &= f \\tag*{$\\dagger$}\n\\end{align}\n$$\n';
		const { $ } = await render(name, tex);
		const cells = $('mtd.mml-eqn-num')
			.map((_, cell) => [[$(cell).hasClass('carnet-eqn-tag'), $(cell).text()]])
			.get();
		expect(cells).toEqual([
			[true, '(B)'],
			[false, ''],
			[true, '†'],
		]);
	});

	test.each(['satteri', 'unified'] as const)('keep a tag outside an environment beside its formula with no width attribute, which MathML has not, under %s', async (name) => {
		const { $ } = await render(name, '$$\nN_{k} \\geq F_{k+2} - 1 \\tag{I.H.}\n$$\n');
		expect($('math [width]').length).toBe(0);
		const cells = $('math mtr > mtd')
			.map((_, cell) => [[$(cell).attr('class') ?? '', $(cell).text()]])
			.get();
		expect(cells).toEqual([
			['mtr-glue', ''],
			['', 'Nk≥Fk+2−1'],
			['mtr-glue', ''],
			['', '(I.H.)'],
		]);
	});
});

describe('an environment KaTeX allows only displayed, written in an inline formula', () => {
	test.each(['satteri', 'unified'] as const)('is displayed within its paragraph, as MathJax shows it, not refused in red, between $ and spaces too, under %s', async (name) => {
		const { $ } = await render(name, 'Lorem $$ \\begin{gather*} a \\\\ b \\end{gather*} $$ ipsum, $\\begin{align} x &= 1 \\end{align}$, $ \\begin{gather*} c \\end{gather*} $ and $y + \\begin{equation*} z \\end{equation*}$.\n');
		expect($('.katex-error, [mathcolor]').length).toBe(0);
		expect($('p math').map((_, math) => $(math).attr('display')).get()).toEqual(['block', 'block', 'block', 'block']);
		expect(shownText($, 'p').replace(/\s+/g, '')).toBe('Loremabipsum,x=1,candy+z.');
	});

	test('that KaTeX cannot read for another reason is shown in red with that reason', () => {
		const [span] = renderMath('\\begin{align} \\frac{1 \\end{align}', false) as [HastElement];
		expect(span.properties.className).toEqual(['katex-error']);
		expect(String(span.properties.title)).not.toContain('display mode');
	});
});

describe('a formula nested too deeply for KaTeX', () => {
	test('is shown in red as its source, as a formula KaTeX cannot read is, rather than failing the post', () => {
		const tex = `${'{'.repeat(5_000)}x${'}'.repeat(5_000)}`;
		const [span] = renderMath(tex, true) as [HastElement];
		expect(span.properties.className).toEqual(['katex-error']);
		expect(span.children).toEqual([{ type: 'text', value: tex }]);
	});

	test('and one KaTeX cannot read are red by their class, with no inline style for a Content-Security-Policy to block', () => {
		for (const tex of [`${'{'.repeat(5_000)}x${'}'.repeat(5_000)}`, '\\frac{1']) {
			const [span] = renderMath(tex, false) as [HastElement];
			expect(span.properties.className).toEqual(['katex-error']);
			expect(span.properties.style).toBeUndefined();
		}
	});
});

describe("links in formulas, in KaTeX's HTML rendering and its MathML", () => {
	const rendered = (tex: string, linked = false) => cheerio.load(toHtml(renderMath(tex, false, 'htmlAndMathml', linked) as never), null, false);

	test("are one link around the whole of \\href{…}{x^2 + y} in each, the MathML's out of the tab order", () => {
		const $ = rendered('\\href{https://a.org}{x^2 + y} + z');
		expect($('.katex-html a').map((_, link) => [[$(link).attr('href'), $(link).text()]]).get()).toEqual([['https://a.org', 'x2+y']]);
		expect($('.katex-mathml a').map((_, link) => [[$(link).attr('href'), $(link).attr('tabindex'), $(link).text()]]).get()).toEqual([['https://a.org', '-1', 'x2+y']]);
	});

	test('are their text alone in a formula within a link', () => {
		const $ = rendered('\\href{https://a.org}{x^2} + \\url{https://c.org}', true);
		expect([$('a, [href]').length, $('.katex-html').text()]).toEqual([0, 'x2+https://c.org']);
	});

	test('keep only the outer one of a link within a link of the formula, in the MathML', () => {
		const $ = rendered('\\href{https://a.org}{x + \\href{https://c.org}{y}}');
		expect($('.katex-mathml a').map((_, link) => [[$(link).attr('href'), $(link).text()]]).get()).toEqual([['https://a.org', 'x+y']]);
		expect($('[href]:not(a)').length).toBe(0);
	});
});

describe("MathJax's \\mbox, which KaTeX has not", () => {
	test('is read as \\text, a formula between dollar signs inside it too, and a macro one formula defines stays its own', async () => {
		const { $ } = await render('satteri', '$$\nx_{\\mbox{max}} = 1\n$$\n\n$$\nD \\equiv \\left\\{\\underbrace{H_1,H_2,H_3,\\cdots,H_m}_{\\mbox{$m$ flips}}\\right\\}\n$$\n\nInline $\\gdef\\mbox#1{no} \\mbox{if } x$ and $\\mbox{yes}$.\n');
		expect($('.katex-error, [mathcolor]').length).toBe(0);
		expect($('mtext').map((_, node) => $(node).text().trim() || []).get()).toEqual(['max', 'flips', 'yes']);
	});
});

describe('math written with LaTeX delimiters', () => {
	test.each(['satteri', 'unified'] as const)('renders as math under %s, inline and displayed', async (name) => {
		const { $ } = await render(name, readLatexDelimiters('The ratio \\(\\varphi = \\frac{1+\\sqrt5}{2}\\).\n\n\\[\n\\sum_{n=1}^\\infty \\frac{1}{n^2} \\label{eq:s}\n\\]\n'));
		expect($('math').length).toBe(2);
		expect($.html()).not.toContain('\\(');
		expect($.html()).not.toContain('label');
	});
});
