import { describe, expect, test } from 'vitest';
import { renderedMarkdown } from '../helpers/post-html.ts';
import { admonitionsAsCallouts, mdxAdmonitionsAsCallouts, unknownTagsInCalloutTitlesAsText, hexoNotesAsCallouts, hugoBoxesAsCallouts, mdcBlocksAsCallouts, pythonAdmonitionsAsCallouts, pythonTabsAsSections, withoutEncryptedBlocks } from '../../theme/markdown/admonitions.ts';

describe('admonitions as Docusaurus and Fuwari write them', () => {
	test('become callouts, with their title, each line on its line, and two in a row stay two', () => {
		const body = ['Intro.', '', ':::tip', '', 'Use React.', '', ':::', '', ':::note[MY CUSTOM TITLE]', 'A note.', ':::', ':::danger Take care', 'Hot.', ':::', 'After.'].join('\n');
		expect(admonitionsAsCallouts(body)).toEqual({
			body: ['Intro.', '', '> [!TIP]', '>', '> Use React.', '>', '>', '', '> [!NOTE] MY CUSTOM TITLE', '> A note.', '', '> [!CAUTION] Take care', '> Hot.', '>', 'After.'].join('\n'),
			unknown: [],
		});
	});

	test("Hexo Shoka's and astro-koharu's no-icon is a flag, not a title: the callout has its kind's title, or the title after it", () => {
		expect(admonitionsAsCallouts(':::info no-icon\n这是没有图标的信息块\n:::\n\n:::warning no-icon Careful\nHot.\n:::').body).toBe('> [!NOTE]\n> 这是没有图标的信息块\n>\n\n> [!WARNING] Careful\n> Hot.\n>');
	});

	test("Quarto's and Pandoc's callout divs become callouts, with their title", () => {
		expect(admonitionsAsCallouts('::: {.callout-note title="Exercise"}\nTry it.\n:::\n\n:::{.callout-warning collapse="true"}\nCareful.\n:::').body).toBe(
			'> [!NOTE] Exercise\n> Try it.\n>\n\n> [!WARNING]\n> Careful.\n>',
		);
	});

	test("Pandoc's other divs lose their fences, as citeproc writes a bibliography, and keep their id as an anchor for the citations' links", () => {
		const body = ['(Dowle 2023)', '', '::: {#refs .references .csl-bib-body .hanging-indent}', '::: {#ref-datatable .csl-entry}', 'Dowle, Matt.', ':::', ':::', '::: {.callout-tip}', '::: {.column}', 'In.', ':::', ':::'].join('\n');
		expect(admonitionsAsCallouts(body)).toEqual({
			body: ['(Dowle 2023)', '', '<span id="refs"></span>', '<span id="ref-datatable"></span>', 'Dowle, Matt.', '', '', '> [!TIP]', '>', '> In.', '>', '>'].join('\n'),
			unknown: [],
		});
	});

	test("a Pandoc div's id with & or a quote is kept whole, escaped, as Pandoc keeps it", () => {
		expect(admonitionsAsCallouts('::: {#a&b .x}\nAmp.\n:::\n\n::: {#q"x}\nQuote.\n:::').body).toBe('<span id="a&amp;b"></span>\nAmp.\n\n\n<span id="q&quot;x"></span>\nQuote.\n');
	});

	test("MyST's admonitions (:::{note}, :::{warning} with a title, Jupyter Book's) are callouts; another MyST directive loses its fences", () => {
		expect(admonitionsAsCallouts(':::{note}\nText.\n:::\n\n:::{warning} Mind the gap\nMore.\n:::\n\n:::{hint}\nKept.\n:::').body).toBe('> [!NOTE]\n> Text.\n>\n\n> [!WARNING] Mind the gap\n> More.\n>\n\n\nKept.\n');
	});

	test("Qiita's :::note info, warn and alert are a note, a warning and a caution, without their word as a title", () => {
		expect(admonitionsAsCallouts(':::note info\nインフォメーション\n:::\n\n:::note warn\n警告\n:::\n\n:::note alert\nより強い警告\n:::')).toEqual({
			body: '> [!NOTE]\n> インフォメーション\n>\n\n> [!WARNING]\n> 警告\n>\n\n> [!CAUTION]\n> より強い警告\n>',
			unknown: [],
		});
		// Another title is the note's, as Docusaurus reads it.
		expect(admonitionsAsCallouts(':::note constructor\nText.\n:::').body).toBe('> [!NOTE] constructor\n> Text.\n>');
	});

	test("a Zenn post's :::details title is shown as written, its tags and Markdown escaped, as Zenn escapes its summary", () => {
		expect(admonitionsAsCallouts(':::details Generic <T> の **例**\n本文\n:::', '', { titlesAsText: true }).body).toBe('> [!NOTE]- Generic \\<T\\> の \\*\\*例\\*\\*\n> 本文\n>');
		expect(admonitionsAsCallouts(':::details Generic <T>\n本文\n:::').body).toBe('> [!NOTE]- Generic <T>\n> 本文\n>');
	});

	test("a tag in a callout's title whose name is no HTML element (<T>, </Foo>) is escaped; HTML elements, custom elements, code spans and escaped ones stay", () => {
		expect(unknownTagsInCalloutTitlesAsText('> [!NOTE] Generic <T> and <code>x</code>, <x-icon></x-icon>, `<Bar>`, \\<Baz> </Foo>\n> Text <T>.\n\n<T> outside')).toBe(
			'> [!NOTE] Generic \\<T> and <code>x</code>, <x-icon></x-icon>, `<Bar>`, \\<Baz> \\</Foo>\n> Text <T>.\n\n<T> outside',
		);
		expect(unknownTagsInCalloutTitlesAsText('```\n> [!NOTE] <T>\n```')).toBe('```\n> [!NOTE] <T>\n```');
		const started = performance.now();
		unknownTagsInCalloutTitlesAsText(`> [!NOTE] ${'`<T '.repeat(25_000)}`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test("Zenn's :::message is a note and :::message alert a caution, nested by their colons", () => {
		expect(admonitionsAsCallouts(':::message\n📺 この記事は動画の解説です。\n:::\n\n::::message alert\n注意してください\n:::message\n内側\n:::\n::::')).toEqual({
			body: '> [!NOTE]\n> 📺 この記事は動画の解説です。\n>\n\n> [!CAUTION]\n> 注意してください\n> > [!NOTE]\n> > 内側\n>\n>',
			unknown: [],
		});
		expect(admonitionsAsCallouts(':::message other\nText.\n:::').unknown).toHaveLength(1);
	});

	test("take their title from braces, as Dumi and Rspress write it", () => {
		expect(admonitionsAsCallouts(':::info{title=提示}\nText.\n:::\n:::tip{title="sample writing order"}\nMore.\n:::').body).toBe('> [!NOTE] 提示\n> Text.\n\n> [!TIP] sample writing order\n> More.\n>');
	});

	test('may have a space after the colons, as VitePress and VuePress write them', () => {
		expect(admonitionsAsCallouts('::: tip \nYou can get the link here\n:::\n::: danger A title\nCareful.\n:::').body).toBe('> [!TIP]\n> You can get the link here\n\n> [!CAUTION] A title\n> Careful.\n>');
	});

	test('nest by their number of colons, and leave fenced examples and unclosed openings alone', () => {
		const body = ['::::info Outer', ':::tip', 'Inner.', ':::', '::::', '```markdown', ':::note', 'Example.', ':::', '```', ':::warning', 'Never closed.'].join('\n');
		expect(admonitionsAsCallouts(body).body).toBe(
			['> [!NOTE] Outer', '> > [!TIP]', '> > Inner.', '>', '>', '```markdown', ':::note', 'Example.', ':::', '```', ':::warning', 'Never closed.'].join('\n'),
		);
	});

	test('of a kind Carnet does not read stay as written, with their line', () => {
		expect(admonitionsAsCallouts('Text.\n:::spoiler Summary\nHidden.\n:::\n')).toEqual({
			body: 'Text.\n:::spoiler Summary\nHidden.\n:::\n',
			unknown: [{ line: 2, text: ':::spoiler Summary', reason: 'Carnet reads the admonitions note, info, tip, important, warning, caution, danger, details, not spoiler' }],
		});
	});

	test("VitePress's and VuePress's code groups show their code blocks one after the other, an item's title in bold, inside a callout too", () => {
		const body = ['::: code-group', '```sh [npm]', 'npm i', '```', ':::', ':::: code-group', '::: code-group-item pnpm', '```sh', 'pnpm i', '```', ':::', '::::', ':::tip', '::: code-group', '```sh [yarn]', 'yarn', '```', ':::', ':::'].join('\n');
		expect(admonitionsAsCallouts(body)).toEqual({
			body: ['', '```sh [npm]', 'npm i', '```', '', '', '**pnpm**', '```sh', 'pnpm i', '```', '', '', '> [!TIP]', '>', '> ```sh [yarn]', '> yarn', '> ```', '>', '>'].join('\n'),
			unknown: [],
		});
	});

	test("vuepress-theme-hope's tabs, vuepress-plugin-tabs' and vitepress-plugin-tabs' show each tab's title in bold, then its content, inside a callout too", () => {
		const hope = ['::: code-tabs#shell', '@tab pnpm', '```sh', '@tab in code', '```', '@tab:active npm#npm', 'npm i', ':::'].join('\n');
		expect(admonitionsAsCallouts(hope)).toEqual({ body: ['', '**pnpm**', '```sh', '@tab in code', '```', '**npm**', 'npm i', ''].join('\n'), unknown: [] });
		const plugin = [':::: tabs type:border-card', '::: tab Windows', 'Run setup.exe.', ':::', '::: tab "macOS"', 'Open the .dmg.', ':::', '::::'].join('\n');
		expect(admonitionsAsCallouts(plugin)).toEqual({ body: ['', '**Windows**', 'Run setup.exe.', '', '**\\"macOS\\"**', 'Open the .dmg.', '', ''].join('\n'), unknown: [] });
		const vitepress = [':::tip', ':::tabs key:ab', '== tab a', 'a content', '== tab b', 'b content', ':::', ':::'].join('\n');
		expect(admonitionsAsCallouts(vitepress)).toEqual({ body: ['> [!TIP]', '>', '> **tab a**', '> a content', '> **tab b**', '> b content', '>', '>'].join('\n'), unknown: [] });
	});

	test('tabs of a kind Carnet does not read stay as written, with advice that fits tabs', () => {
		expect(admonitionsAsCallouts('::: tab-group\nOne.\n:::').unknown).toEqual([
			{
				line: 1,
				text: '::: tab-group',
				reason: 'Carnet reads the admonitions note, info, tip, important, warning, caution, danger, details, not tab-group',
				advice: "Write each tab's title in bold (**Title**), then its content, one tab after the other.",
			},
		]);
	});

	test("VuePress's ::: v-pre, ::: center and ::: right show the lines they hold, without their markers, each line on its line, inside a callout too", () => {
		const body = ['::: v-pre', '`{{ This will be displayed as-is }}`', ':::', '', '::: center', 'Centred.', ':::', '::: tip', '::: right', 'To the right.', ':::', ':::'].join('\n');
		expect(admonitionsAsCallouts(body)).toEqual({
			body: ['', '`{{ This will be displayed as-is }}`', '', '', '', 'Centred.', '', '> [!TIP]', '>', '> To the right.', '>', '>'].join('\n'),
			unknown: [],
		});
	});

	test("VitePress's details become folded notes, with their title", () => {
		expect(admonitionsAsCallouts('::: details Click me to view the code\n```js\nconsole.log(1)\n```\n:::\n::: details\nNo title.\n:::').body).toBe(
			'> [!NOTE]- Click me to view the code\n> ```js\n> console.log(1)\n> ```\n\n> [!NOTE]-\n> No title.\n>',
		);
	});
});


describe('admonitions as Python-Markdown and Material for MkDocs write them', () => {
	test('become callouts of their indented lines, folded for ???, each line on its line', () => {
		const body = ['!!! note "Fitbit requirement"', '    Participants must have the **Fitbit app**.', '', '    A second paragraph.', '', 'After.', '??? tip', '    Folded.', '???+ danger "Open"', '    Open.'].join('\n');
		expect(pythonAdmonitionsAsCallouts(body)).toEqual({
			body: ['> [!NOTE] Fitbit requirement', '> Participants must have the **Fitbit app**.', '>', '> A second paragraph.', '', 'After.', '> [!TIP]-', '> Folded.', '> [!CAUTION]+ Open', '> Open.'].join('\n'),
			unknown: [],
		});
	});

	test('nest, leave fenced examples alone, and name a kind Carnet does not read', () => {
		const body = ['!!! warning ""', '    Outer.', '    !!! info', '        Inner.', '```md', '!!! note', '    Example.', '```', '!!! custom "Mine"', '    Kept.'].join('\n');
		const result = pythonAdmonitionsAsCallouts(body);
		expect(result.body).toBe(['> [!WARNING]', '> Outer.', '> > [!NOTE]', '> > Inner.', '```md', '!!! note', '    Example.', '```', '!!! custom "Mine"', '    Kept.'].join('\n'));
		expect(result.unknown.map(({ line, text }) => ({ line, text }))).toEqual([{ line: 9, text: '!!! custom "Mine"' }]);
	});

	test.each([
		['spaces', '    '],
		['tabs', '\t'],
	])('are read inside a list item at its content indentation (%s)', async (_, indent) => {
		const body = ['1. Step one', '', `${indent}!!! warning`, `${indent}${indent}Careful inside a list.`, '', `${indent}??? tip "Folded"`, `${indent}${indent}Hidden.`, '', '1. Step two'].join('\n');
		const $ = await renderedMarkdown(pythonAdmonitionsAsCallouts(body).body);
		const items = $('ol > li');
		expect(items.length).toBe(2);
		expect(items.first().find('.carnet-callout--warning').text()).toContain('Careful inside a list.');
		expect(items.first().find('details.carnet-callout--tip summary').text()).toContain('Folded');
		expect($.text()).not.toContain('!!!');
	});

	test('indented in 100 KB of lines, in a list or not, are read in well under a second', () => {
		for (const body of ['    !!! note\n'.repeat(8_000), `- item\n${'    !!! custom\n'.repeat(8_000)}`]) {
			const started = performance.now();
			pythonAdmonitionsAsCallouts(body);
			expect(performance.now() - started).toBeLessThan(1_000);
		}
	});

	test('are read inside a blockquote, and an indented one outside a list stays code', async () => {
		const body = ['> !!! note', '>     Quoted.', '', 'Text.', '', '    !!! note', '        Code.'].join('\n');
		const $ = await renderedMarkdown(pythonAdmonitionsAsCallouts(body).body);
		expect($('blockquote .carnet-callout--note').first().text()).toContain('Quoted.');
		expect($('pre code').text()).toContain('!!! note');
	});
});

describe("Hexo NexT's note tag", () => {
	test('becomes a callout, indented as the tag, with its title, fenced code inside kept', () => {
		const body = ['{% note info %}', '本文章最后更新日期为：2021-10-12', '{% endnote %}', '', '   {% note warning no-icon Careful %}', '', '   The subnets move too.', '   ```', '   dpkg -c x.deb', '   ```', '', '   {% endnote %}'].join('\n');
		expect(hexoNotesAsCallouts(body)).toBe(
			['> [!NOTE]', '> 本文章最后更新日期为：2021-10-12', '>', '', '   > [!WARNING] Careful', '   >', '   > The subnets move too.', '   > ```', '   > dpkg -c x.deb', '   > ```', '   >', '   >'].join('\n'),
		);
	});

	test('of a class it does not know is left as written', () => {
		const body = "{% note glitter 'fas fa-bullhorn' modern %}\nText.\n{% endnote %}";
		expect(hexoNotesAsCallouts(body)).toBe(body);
	});
});

describe("Hugo themes' box shortcodes", () => {
	test("LoveIt's and DoIt's open=false and Even's details=\"true\" fold an admonition closed, named or third, and a third argument true folds it open", () => {
		const box = (opening: string) => [opening, 'Body.', '{{< /admonition >}}'].join('\n');
		const openings = [
			'{{< admonition type=tip title="T" open=false >}}',
			'{{< admonition note "Title" false >}}',
			'{{< admonition type="warning" title="Even" details="true" >}}',
			'{{< admonition info "Either" true >}}',
			'{{< admonition type=tip title="Plain" open=true >}}',
		];
		expect(openings.map((opening) => hugoBoxesAsCallouts(box(opening)).split('\n')[0])).toEqual(['> [!TIP]- T', '> [!NOTE]- Title', '> [!WARNING]- Even', '> [!NOTE]+ Either', '> [!TIP] Plain']);
	});

	test("Tranquilpeak's alert named by its kind (danger, warning, success, info) is a callout of that kind, where Blowfish's names an icon", () => {
		const openings = ['{{< alert danger >}}', '{{< alert warning >}}', '{{< alert success no-icon >}}', '{{< alert info >}}', '{{< alert "circle-info" >}}'];
		expect(openings.map((opening) => hugoBoxesAsCallouts(`${opening}\nText.\n{{< /alert >}}`).split('\n')[0])).toEqual(['> [!CAUTION]', '> [!WARNING]', '> [!TIP]', '> [!NOTE]', '> [!NOTE]']);
	});

	test("Relearn's notice, LoveIt's admonition, Docsy's and Blowfish's alert become callouts with their titles, each line on its line", () => {
		const body = [
			'{{% notice tip "Before you start" %}}',
			'Back up the **database**.',
			'{{% /notice %}}',
			'{{< admonition type=warning title="Careful" open=false >}}',
			'The subnets move too.',
			'{{< /admonition >}}',
			'{{% alert title="Deprecated" color="danger" %}}',
			'Use the new API.',
			'{{% /alert %}}',
			'- Step one:',
			'  {{< alert "circle-info" >}}',
			'  A note in a list.',
			'  {{< /alert >}}',
			'{{% notice style="info" title="Pirates" icon="skull" %}}',
			'```go',
			'{{% /notice %}}',
			'```',
			'{{% /notice %}}',
		].join('\n');
		expect(hugoBoxesAsCallouts(body).split('\n')).toEqual([
			'> [!TIP] Before you start',
			'> Back up the **database**.',
			'',
			'> [!WARNING]- Careful',
			'> The subnets move too.',
			'',
			'> [!CAUTION] Deprecated',
			'> Use the new API.',
			'>',
			'- Step one:',
			'  > [!NOTE]',
			'  > A note in a list.',
			'',
			'> [!NOTE] Pirates',
			'> ```go',
			'> {{% /notice %}}',
			'> ```',
			'>',
		]);
	});

	test("Book's hint, Hextra's callout, boxes named after their kind, and Hugo's details and Learn's expand become callouts, folded unless open", () => {
		const body = [
			'{{< hint warning >}}',
			'**Markdown** inside.',
			'{{< /hint >}}',
			'{{< callout type="error" >}}',
			'It broke.',
			'{{< /callout >}}',
			'{{< callout emoji="🌐" >}}',
			'A default callout.',
			'{{< /callout >}}',
			'{{< details summary="See the details" >}}',
			'This is a **bold** word.',
			'{{< /details >}}',
			'{{< details title="Opened" open=true >}}',
			'Shown.',
			'{{< /details >}}',
			'{{% details "Book\'s way" open %}}',
			'- a list',
			'{{% /details %}}',
			'{{% expand "Learn\'s way" %}}',
			'Hidden.',
			'{{% /expand %}}',
			'{{< warning >}}',
			'Careful.',
			'{{< /warning >}}',
			'{{< note "A title" >}}',
			'Noted.',
			'{{< /note >}}',
		].join('\n');
		expect(hugoBoxesAsCallouts(body).split('\n')).toEqual([
			'> [!WARNING]',
			'> **Markdown** inside.',
			'',
			'> [!CAUTION]',
			'> It broke.',
			'',
			'> [!NOTE]',
			'> A default callout.',
			'',
			'> [!NOTE]- See the details',
			'> This is a **bold** word.',
			'',
			'> [!NOTE]+ Opened',
			'> Shown.',
			'',
			"> [!NOTE]+ Book's way",
			'> - a list',
			'',
			"> [!NOTE]- Learn's way",
			'> Hidden.',
			'',
			'> [!WARNING]',
			'> Careful.',
			'',
			'> [!NOTE] A title',
			'> Noted.',
			'>',
		]);
	});

	test("Butterfly's notes of a colour, with an icon and a style, are callouts of that colour's kind", () => {
		expect(hexoNotesAsCallouts('{% note secondary %}\nQuiet.\n{% endnote %}\n{% note light %}\nLight.\n{% endnote %}')).toBe('> [!NOTE]\n> Quiet.\n\n> [!NOTE]\n> Light.\n>');
		expect(hexoNotesAsCallouts("{% note blue 'fas fa-ruler' flat %}\nMeasure twice.\n{% endnote %}\n{% note red simple %}\nCareful.\n{% endnote %}")).toBe(
			'> [!NOTE]\n> Measure twice.\n\n> [!CAUTION]\n> Careful.\n>',
		);
	});

	test("LoveIt's tldr, bug and other Material kinds are callouts, and open=false folds one", () => {
		const body = ['{{< admonition tldr "TL;DR" >}}', 'Short.', '{{< /admonition >}}', '{{< admonition type=bug title="Known issue" open=false >}}', 'It crashes.', '{{< /admonition >}}'].join('\n');
		expect(hugoBoxesAsCallouts(body).split('\n')).toEqual(['> [!NOTE] TL;DR', '> Short.', '', '> [!CAUTION]- Known issue', '> It crashes.', '>']);
	});

	test('titled by a quoted value show its tags as text, as their engines pass it as a string, and keep its Markdown', () => {
		const tag = '<img src=x onerror=alert(1)>';
		expect(hugoBoxesAsCallouts(`{{< admonition warning "${tag}" >}}\nx\n{{< /admonition >}}`).split('\n')[0]).toBe('> [!WARNING] \\<img src=x onerror=alert(1)>');
		expect(hugoBoxesAsCallouts(`{{< details summary="Using **<b>**" >}}\nx\n{{< /details >}}`).split('\n')[0]).toBe('> [!NOTE]- Using **\\<b>**');
		expect(admonitionsAsCallouts(`:::tip{title="${tag}"}\nx\n:::`).body.split('\n')[0]).toBe('> [!TIP] \\<img src=x onerror=alert(1)>');
		expect(admonitionsAsCallouts(`::: {.callout-note title="${tag}"}\nx\n:::`).body.split('\n')[0]).toBe('> [!NOTE] \\<img src=x onerror=alert(1)>');
		// One the author escaped stays escaped, and code shows as written.
		expect(hugoBoxesAsCallouts('{{< admonition warning "Using \\<img src=x onerror=alert(1)>" >}}\nx\n{{< /admonition >}}').split('\n')[0]).toBe('> [!WARNING] Using \\<img src=x onerror=alert(1)>');
		expect(admonitionsAsCallouts(':::tip{title="Use the `<picture>` element, C:\\<dir>"}\nx\n:::').body.split('\n')[0]).toBe('> [!TIP] Use the `<picture>` element, C:\\<dir>');
		// A title in brackets or after a space is Markdown in its engine, raw HTML included.
		expect(admonitionsAsCallouts(':::note[A <kbd>key</kbd>]\nx\n:::').body.split('\n')[0]).toBe('> [!NOTE] A <kbd>key</kbd>');
	});

	test('a details block without a title is titled "Details" in the site\'s language, as VitePress and Hugo title it', () => {
		expect(admonitionsAsCallouts('::: details\nHidden.\n:::', 'Détails').body.split('\n')[0]).toBe('> [!NOTE]- Détails');
		expect(admonitionsAsCallouts('::: details Click me\nHidden.\n:::', 'Détails').body.split('\n')[0]).toBe('> [!NOTE]- Click me');
		expect(hugoBoxesAsCallouts('{{< details open=true >}}\nShown.\n{{< /details >}}', 'Details').split('\n')[0]).toBe('> [!NOTE]+ Details');
	});

	test("Doks' callout takes its kind from context", () => {
		expect(hugoBoxesAsCallouts('{{< callout context="caution" title="Careful" icon="outline/alert-triangle" >}}\nHot.\n{{< /callout >}}').split('\n')[0]).toBe('> [!CAUTION] Careful');
	});

	test("Toha's alert takes its kind from type and Doks' from context, as those themes colour them", () => {
		const body = ['type="danger"', 'type="warning"', 'context="danger"', 'context="warning"', 'type="success"', 'context="info"', 'type="primary"']
			.map((args) => `{{< alert ${args} >}}\nText.\n{{< /alert >}}`)
			.join('\n');
		expect(
			hugoBoxesAsCallouts(body)
				.split('\n')
				.filter((line) => line.includes('[!')),
		).toEqual(['> [!CAUTION]', '> [!WARNING]', '> [!CAUTION]', '> [!WARNING]', '> [!TIP]', '> [!NOTE]', '> [!NOTE]']);
	});

	test("hugo-theme-zzo's alert takes its kind from theme: warning a warning, danger a caution, success a tip, info a note", () => {
		const body = ['theme="warning"', 'theme="danger"', 'theme="success"', 'theme="info"']
			.map((args) => `{{< alert ${args} >}}\n**this** is a text\n{{< /alert >}}`)
			.join('\n\n');
		expect(
			hugoBoxesAsCallouts(body)
				.split('\n')
				.filter((line) => line.includes('[!')),
		).toEqual(['> [!WARNING]', '> [!CAUTION]', '> [!TIP]', '> [!NOTE]']);
	});

	test('of a kind it does not know, on one line, or without its closing tag, is left as written', () => {
		const body = ['{{% notice "two words" %}}', 'Sparkles.', '{{% /notice %}}', '{{% notice tip %}}Inline.{{% /notice %}}', '{{< admonition tip >}}', 'Never closed.'].join('\n');
		expect(hugoBoxesAsCallouts(body)).toBe(body);
	});

	test('of a kind it does not list is a note titled by its kind, as a callout of that kind is', () => {
		expect(hugoBoxesAsCallouts('{{< notice update >}}\nLorem ipsum.\n{{< /notice >}}').split('\n')).toEqual(['> [!update]', '> Lorem ipsum.', '>']);
		expect(hugoBoxesAsCallouts('{{% notice glitter "Shiny" %}}\nSparkles.\n{{% /notice %}}').split('\n')[0]).toBe('> [!glitter] Shiny');
	});
});

describe("Material for MkDocs' content tabs", () => {
	test('become a bold title and their content, unindented, each line on its line, inside an admonition too; code stays', () => {
		const body = [
			'=== "Python"',
			'',
			'    ```python',
			'    print("hi")',
			'    ```',
			'',
			'===+ "Shell"',
			'    echo hi',
			'',
			'!!! note',
			'    === "Inner"',
			'        Text.',
			'',
			'```',
			'=== "In code"',
			'    x',
			'```',
			'Not a tab === "x"',
		].join('\n');
		expect(pythonTabsAsSections(body).split('\n')).toEqual([
			'**Python**',
			'',
			'```python',
			'print("hi")',
			'```',
			'',
			'**Shell**',
			'echo hi',
			'',
			'!!! note',
			'    **Inner**',
			'    Text.',
			'',
			'```',
			'=== "In code"',
			'    x',
			'```',
			'Not a tab === "x"',
		]);
	});
});

describe("Nuxt Content's block components (MDC)", () => {
	test('::warning, ::important and the other callout names become callouts of their kind, each line on its line', () => {
		const body = ["We've released **Nuxt 4.5.1**.", '', '<!-- ::note', 'Hidden.', ':: -->', '', '::warning', 'You still need this release.', '::', '', '::important', 'Purge any CDN cache.', '::'].join('\n');
		expect(mdcBlocksAsCallouts(body)).toEqual({
			body: ["We've released **Nuxt 4.5.1**.", '', '<!-- ::note', 'Hidden.', ':: -->', '', '> [!WARNING]', '> You still need this release.', '>', '', '> [!IMPORTANT]', '> Purge any CDN cache.', '>'].join('\n'),
			unread: [],
		});
	});

	test('are left as written in indented code, in a fence of a list item or a quote, and in raw <pre>', () => {
		const body = [
			'As an indented code block:',
			'',
			'    ::warning',
			'    Be careful.',
			'    ::',
			'',
			'1. In a list:',
			'',
			'    ```md',
			'    ::tip',
			'    A tip.',
			'    ::',
			'    ```',
			'',
			'> ```md',
			'> ::note',
			'> In a quote.',
			'> ::',
			'> ```',
			'',
			'<pre>',
			'::caution',
			'Raw.',
			'::',
			'</pre>',
		].join('\n');
		expect(mdcBlocksAsCallouts(body)).toEqual({ body, unread: [] });
	});

	test('::callout and ::alert take their kind from color or type, and their title from braces or the YAML block that opens them', () => {
		const body = ['::callout{icon="i-ph-info" color="primary"}', 'Info.', '::', '::alert{type="danger"}', 'Hot.', '::', '::callout', '---', 'color: warning', 'title: "Before you upgrade"', '---', 'Careful.', '::', '::tip{title="Quick"}', 'Fast.', '::'].join('\n');
		expect(mdcBlocksAsCallouts(body).body.split('\n')).toEqual(['> [!NOTE]', '> Info.', '', '> [!CAUTION]', '> Hot.', '', '> [!WARNING] Before you upgrade', '>', '>', '>', '>', '> Careful.', '', '> [!TIP] Quick', '> Fast.', '>']);
	});

	test('a title is shown as written, as Nuxt shows it: HTML and Markdown in it are text', () => {
		const body = ["::note{title='<img src=x onerror=alert(2)>'}", 'A.', '::', '::warning{title="</aside><script>alert(4)</script> *x*"}', 'B.', '::'].join('\n');
		expect(mdcBlocksAsCallouts(body).body.split('\n').filter((line) => line.includes('[!'))).toEqual([
			'> [!NOTE] \\<img src\\=x onerror\\=alert\\(2\\)\\>',
			'> [!WARNING] \\<\\/aside\\>\\<script\\>alert\\(4\\)\\<\\/script\\> \\*x\\*',
		]);
	});

	test('a callout nested in a callout, indented as MDC nests them, is a callout in the callout', () => {
		const body = ['::callout', 'Outer.', '  ::tip', '  Inner.', '  ::', '::'].join('\n');
		expect(mdcBlocksAsCallouts(body).body.split('\n')).toEqual(['> [!NOTE]', '> Outer.', '>   > [!TIP]', '>   > Inner.', '>', '>']);
	});

	test('another component, a callout with named slots and a color it does not know are shown as written and reported with their line; a link is reported as left out', () => {
		const body = ['::hero{title="x"}', 'Text.', '::', '::note', '#title', 'A title', '::', '::callout{color="rainbow"}', 'x', '::', '::note{to="/docs/getting-started"}', 'Read it.', '::'].join('\n');
		const { body: read, unread } = mdcBlocksAsCallouts(body);
		expect(read.split('\n').slice(0, 10)).toEqual(body.split('\n').slice(0, 10));
		expect(read.split('\n').slice(10)).toEqual(['> [!NOTE]', '> Read it.', '>']);
		expect(unread).toEqual([
			{ line: 1, text: '::hero{title="x"}', reason: 'it is a Nuxt Content component that Carnet does not have. Replace it with Markdown or HTML' },
			{ line: 4, text: '::note', reason: "Carnet reads a callout's text, not its named slot #title. Write the callout as > [!NOTE] Title" },
			{ line: 8, text: '::callout{color="rainbow"}', reason: 'Carnet reads the colours note, info, tip, success, important, warning, caution, danger, primary, secondary, neutral, error, not rainbow' },
			{ line: 11, text: 'the link to "/docs/getting-started" of note', reason: 'a callout leads nowhere. Write the link in its text', leftOut: true },
		]);
	});

	test("another component's YAML props are left out, where their --- lines made headings, and named in the report (Nuxt UI's cards)", () => {
		const body = ['::card-group', '  ::card', '  ---', '  icon: i-lucide-flame', '  title: Impact', '  ---', '  Arbitrary File Read.', '  ::', '::'].join('\n');
		const { body: read, unread } = mdcBlocksAsCallouts(body);
		expect(read.split('\n')).toEqual(['::card-group', '  ::card', '', '', '', '', '  Arbitrary File Read.', '  ::', '::']);
		expect(unread.map(({ line, reason }) => `${line} ${reason}`)).toEqual([
			'1 it is a Nuxt Content component that Carnet does not have. Replace it with Markdown or HTML',
			'2 it is a Nuxt Content component that Carnet does not have (its props, icon, title, are left out). Replace it with Markdown or HTML',
		]);
	});

	test('with callouts off, a callout is shown as written and reported; code, a lone ::selection and std::vector stay as written, unreported', () => {
		expect(mdcBlocksAsCallouts('::warning\nCareful.\n::', false)).toEqual({
			body: '::warning\nCareful.\n::',
			unread: [{ line: 1, text: '::warning', reason: 'it is a Nuxt Content callout, and the callouts option is false. Replace it with Markdown or HTML' }],
		});
		const body = ['```md', '::warning', 'Shown as code.', '::', '```', '', 'a::selection', '', '::selection', '', 'Use std::vector.'].join('\n');
		expect(mdcBlocksAsCallouts(body)).toEqual({ body, unread: [] });
	});

	test('reads ten thousand unclosed openings and a line of a megabyte in good time', () => {
		const body = `${'::note\n'.repeat(10_000)}::${':'.repeat(1_000_000)}x\n${'::callout{'.repeat(100_000)}`;
		const started = performance.now();
		expect(mdcBlocksAsCallouts(body).body).toBe(body);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('admonitions in an MDX body', () => {
	test("become callouts as in Markdown (Starlight's :::tip[Title], Docusaurus's nested in more colons), each line on its line", () => {
		const body = [':::tip[Starlight title]', 'A tip.', ':::', '', '::::caution Outer', 'Out.', '', ':::note', 'In.', ':::', '::::'].join('\n');
		expect(mdxAdmonitionsAsCallouts(body)).toEqual({
			body: ['> [!TIP] Starlight title', '> A tip.', '>', '', '> [!CAUTION] Outer', '> Out.', '>', '> > [!NOTE]', '> > In.', '>', '>'].join('\n'),
			unknown: [],
		});
	});

	test('leave the colons in an export, a JavaScript expression, fenced code and a code span as written, and report an unknown kind with its line', () => {
		const body = ['export const sample = `', ':::note', '', 'kept', ':::', '`;', '', '<div>', '{`', ':::note', 'in expression', ':::', '`}', '</div>', '', '`{` opens nothing', '', '```md', ':::note', '```', '', ':::foo', 'Unknown.', ':::'].join('\n');
		expect(mdxAdmonitionsAsCallouts(body)).toEqual({
			body,
			unknown: [{ line: 22, text: ':::foo', reason: 'Carnet reads the admonitions note, info, tip, important, warning, caution, danger, details, not foo' }],
		});
	});

	test('keep a NUL the body holds where they mark the lines of expressions with one: in an expression, at a line\'s start and in prose', () => {
		const body = ['<div>', '{`', '\u0000:::note', 'in \u0000expression', '\u0000:::', '`}', '</div>', '', ':::tip', 'Pl\u0000ain.', ':::'].join('\n');
		expect(mdxAdmonitionsAsCallouts(body).body).toBe(['<div>', '{`', '\u0000:::note', 'in \u0000expression', '\u0000:::', '`}', '</div>', '', '> [!TIP]', '> Pl\u0000ain.', '>'].join('\n'));
	});

	test('an admonition around a JavaScript expression over several lines stays as written, reported with its line, as MDX cannot read the expression inside a quote', () => {
		const body = ['Intro.', '', ':::note', '<div data-x={JSON.stringify({', "  color: 'red'", '})}>hi</div>', ':::', '', ':::tip', 'Plain.', ':::'].join('\n');
		expect(mdxAdmonitionsAsCallouts(body)).toEqual({
			body: ['Intro.', '', ':::note', '<div data-x={JSON.stringify({', "  color: 'red'", '})}>hi</div>', ':::', '', '> [!TIP]', '> Plain.', '>'].join('\n'),
			unknown: [
				{
					line: 3,
					text: ':::note',
					reason: 'it holds a JSX attribute whose expression runs over several lines, which MDX cannot read inside the quote a callout is made of',
					advice: 'Write the expression on one line, or leave the admonition as it is.',
				},
			],
		});
	});

	test('an MDX comment or a child expression over several lines inside an admonition keeps it a callout, the quote marks before each line', () => {
		expect(mdxAdmonitionsAsCallouts(':::tip Heads up\n{/*\n  TODO: add a screenshot\n*/}\nRun it twice.\n:::').body).toBe('> [!TIP] Heads up\n> {/*\n>   TODO: add a screenshot\n> */}\n> Run it twice.\n>');
		expect(mdxAdmonitionsAsCallouts(':::note\n{[\n  1,\n]}\n:::').body).toBe('> [!NOTE]\n> {[\n>   1,\n> ]}\n>');
	});

	test('a brace in an HTML comment, an MDX comment, a string, a JSX attribute or a code span leaves the admonitions after it callouts', () => {
		for (const before of ['<!-- a { b -->', '<!--\n  a { b\n-->', '{/* a { b */}', "Intro {'{'} here.", 'Intro {"}"} {`{`} here.', '<div title="a { b">x</div>', "{show && <p>Don't</p>}", 'export const brace = \'{\';', 'a `{` b']) {
			expect(mdxAdmonitionsAsCallouts(`${before}\n\n:::note\nHello.\n:::`), before).toEqual({ body: `${before}\n\n> [!NOTE]\n> Hello.\n>`, unknown: [] });
		}
	});

	test("a quote in the text of a JSX element inside an expression is text, not a string, and leaves the admonitions after it callouts", () => {
		for (const before of [
			"export const name = 'Ada';\n\n{true && <p>Tip: 'tis the season, {name}</p>}",
			"{items.map((item) => (\n  <li title=\"a { b\">\n    Tip: 'tis {item}, {'}'} and <b>it's</b> <br /> {`{`}\n  </li>\n))}",
			"{show ? <>Note: 'quoted</> : 'x {'}",
			"{list.map((x) => { return <em>Q: \"open</em>; })}",
			"<Card>{open && <Chart data={{ a: '}' }} label=\"it's\" />}</Card>",
		]) {
			expect(mdxAdmonitionsAsCallouts(`${before}\n\n:::note\nHello.\n:::`), before).toEqual({ body: `${before}\n\n> [!NOTE]\n> Hello.\n>`, unknown: [] });
		}
	});

	test('a JSX element inside an expression that leaves a brace open after it still leaves the admonitions after it as written, reported with its line', () => {
		expect(mdxAdmonitionsAsCallouts("{show && <p>Tip: 'tis</p> && {\n\n:::note\nHello.\n:::").unknown.map(({ line, reason }) => `${line} ${reason}`)).toEqual([
			'3 Carnet reads it as part of a JavaScript expression, comment or string that opens 2 lines above and that nothing closes',
		]);
	});

	test('reads 100 KB of JSX elements, tags and quotes inside an expression in good time', () => {
		const started = performance.now();
		mdxAdmonitionsAsCallouts(`{x && <div>\n${"<p a='1' b=\"{\">it's {'a'} <br/> ".repeat(2_000)}\n${'<'.repeat(15_000)}${"'".repeat(15_000)}\n</div>}\n\n:::note\nHi.\n:::`);
		expect(performance.now() - started).toBeLessThan(500);
	});

	test('an admonition after an expression that nothing closes is left as written and reported with its line', () => {
		expect(mdxAdmonitionsAsCallouts('Some { text.\n\n:::note\nHello.\n:::')).toEqual({
			body: 'Some { text.\n\n:::note\nHello.\n:::',
			unknown: [
				{
					line: 3,
					text: ':::note',
					reason: 'Carnet reads it as part of a JavaScript expression, comment or string that opens 2 lines above and that nothing closes',
					advice: 'Close the expression, or write a brace meant as text as \\{.',
				},
			],
		});
	});

	test('reads 100 KB of comment openings, quotes and backtick runs in good time', () => {
		const started = performance.now();
		mdxAdmonitionsAsCallouts(`:::note\n${'<!-- {'.repeat(20_000)}\n{${'\'" /* `'.repeat(15_000)}\n${Array.from({ length: 400 }, (_, index) => '`'.repeat(400 - index)).join(' ')}\n:::`);
		expect(performance.now() - started).toBeLessThan(500);
	});

	test('reads a line of 100 KB of backticks and braces in good time', () => {
		const started = performance.now();
		mdxAdmonitionsAsCallouts(`:::note\n${'`{ '.repeat(35_000)}\n${'``a`'.repeat(25_000)}\n:::`);
		expect(performance.now() - started).toBeLessThan(500);
	});
});

describe("astro-koharu's encrypted blocks", () => {
	test('shown as indented code are kept as written in a post that has a line of thousands of links', () => {
		const body = ['The syntax:', '', '    :::encrypted{password="hunter2"}', '    Secret.', '    :::', '', '[a](#b) '.repeat(2_001), ''].join('\n');
		expect(withoutEncryptedBlocks(body)).toEqual({ body, removed: [] });
	});
});
