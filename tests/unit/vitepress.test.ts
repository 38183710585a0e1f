import { describe, expect, test } from 'vitest';
import { readVitepressMarkdown } from '../../theme/markdown/vitepress.ts';
import { summaryOf } from '../../theme/utils/summary.ts';
import { renderedPost } from '../helpers/post-html.ts';

describe("VitePress's Markdown", () => {
	test('a <Badge> keeps its text, from its attribute or between its tags, with its kind; one in code stays as written', () => {
		const body = [
			'# 短代码 <Badge type="tip" text="v2.6.0" />',
			'Role: <Badge text="Bot User"/> and <Badge type="danger">removed</Badge> and <Badge type="info" text="a < b" vertical="top" />.',
			'`<Badge text="x" />`',
			'```vue',
			'<Badge text="in code" />',
			'```',
		].join('\n');
		const { body: read, unread } = readVitepressMarkdown(body);
		expect(read.split('\n')).toEqual([
			'# 短代码 <span class="carnet-badge carnet-badge--tip">v2.6.0</span>',
			'Role: <span class="carnet-badge">Bot User</span> and <span class="carnet-badge carnet-badge--danger">removed</span> and <span class="carnet-badge">a &lt; b</span>.',
			'`<Badge text="x" />`',
			'```vue',
			'<Badge text="in code" />',
			'```',
		]);
		expect(unread).toEqual([]);
	});

	test('a <Badge> in an indented code block or a fence in a list stays as written; one alone on its line is a badge', () => {
		const body = 'Show it so:\n\n    <Badge text="v2"/>\n\n- item\n\n    ```vue\n    <Badge text="v3"/>\n    ```\n\n<Badge type="tip" text="v4" />\n';
		expect(readVitepressMarkdown(body).body).toBe(body.replace('<Badge type="tip" text="v4" />', '<span class="carnet-badge carnet-badge--tip">v4</span>'));
	});

	test('an include and a code snippet from another file are reported with their line', () => {
		const { unread } = readVitepressMarkdown('Intro.\n\n<!--@include: ./parts/basics.md-->\n\n<<< @/snippets/snippet.js{2}\n');
		expect(unread).toEqual([
			{ line: 3, text: '<!--@include: ./parts/basics.md-->', reason: 'it includes the text of ./parts/basics.md, which Carnet does not read into a post; paste the text there', leftOut: true },
			{ line: 5, text: '<<< @/snippets/snippet.js{2}', reason: 'it imports code from @/snippets/snippet.js{2}, which Carnet does not read into a post; paste the code in a fenced block (```)' },
		]);
	});
});

describe("vuepress-theme-hope's tabs and code tabs", () => {
	test('show each tab\'s title in bold, then its content, one tab after the other, nothing lost and nothing to warn about', async () => {
		const body = ['::: code-tabs#shell', '', '@tab pnpm', '', '```bash', 'pnpm add -D vuepress', '```', '', '@tab:active npm', '', '```bash', 'npm i -D vuepress', '```', '', ':::', '', '::: tabs', '@tab Apple#apple', 'Crisp.', '', '@tab C\\#', 'Sharp.', ':::', '', '::: tabs#fruit', '', '@tab banana', '', 'Yellow.', '', ':::'].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('p, pre').map((_, element) => $(element).text().trim()).get()).toEqual(['pnpm', 'pnpm add -D vuepress', 'npm', 'npm i -D vuepress', 'Apple\nCrisp.', 'C#\nSharp.', 'banana', 'Yellow.']);
		expect($('p > strong').map((_, element) => $(element).text()).get()).toEqual(['pnpm', 'npm', 'Apple', 'C#', 'banana']);
		expect($.html()).not.toContain(':::');
		expect($.html()).not.toContain('@tab');
		expect(warnings).toEqual([]);
		// Opening the post, the tabs give its summary neither the container's marker nor a tab's title, but the first text
		// under a title: the code under the first ones is no summary either.
		expect(summaryOf($.html())).toBe('Crisp.');
	});

	test('a tab marker in code, or outside tabs, stays as written', async () => {
		const { $ } = await renderedPost(['::: tabs', '@tab One', '```md', '@tab Two', '```', ':::', '', '@tab Three'].join('\n'));
		expect($('pre').text()).toBe('@tab Two');
		expect($('p').last().text()).toBe('@tab Three');
	});
});

describe("VuePress's code imports", () => {
	test('@[code](path) is shown as written, not as a link, with a warning naming its line and the file', async () => {
		const body = ['Intro.', '', '@[code](../../.vuepress/client.ts)', '', '@[code{4-15} ts{3}:no-line-numbers](./demo.ts)', '', '```md', '@[code](./in-code.ts)', '```'].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('a')).toHaveLength(0);
		expect($('p').map((_, element) => $(element).text()).get()).toEqual(['Intro.', '@[code](../../.vuepress/client.ts)', '@[code{4-15} ts{3}:no-line-numbers](./demo.ts)']);
		expect(warnings).toEqual([
			'src/content/posts/_posts/2024-01-01-post.md:7: @[code](../../.vuepress/client.ts) is shown as written: it imports code from ../../.vuepress/client.ts, which Carnet does not read into a post; paste the code in a fenced block (```).',
			'src/content/posts/_posts/2024-01-01-post.md:9: @[code{4-15} ts{3}:no-line-numbers](./demo.ts) is shown as written: it imports code from ./demo.ts, which Carnet does not read into a post; paste the code in a fenced block (```).',
		]);
	});
});

describe("Vue's slot templates", () => {
	test('become divs, whose text pages show; another template, code and an unclosed one stay', () => {
		const body = ['<info-box>', '  <template #info-box>', '    Shown now', '  </template>', '</info-box>', '', '<template><p>inert</p></template>', '', '`<template #x>`', '<Alert><template v-slot:title>Title</template></Alert>'].join('\n');
		expect(readVitepressMarkdown(body).body.split('\n')).toEqual([
			'<info-box>',
			'  <div>',
			'    Shown now',
			'  </div>',
			'</info-box>',
			'',
			'<template><p>inert</p></template>',
			'',
			'`<template #x>`',
			'<Alert><div>Title</div></Alert>',
		]);
	});

	test('50,000 unclosed template tags on one line are read within the test timeout', () => {
		const body = `<template #a>${'<template '.repeat(50_000)}`;
		expect(readVitepressMarkdown(body).body.startsWith('<div>')).toBe(true);
	});
});
