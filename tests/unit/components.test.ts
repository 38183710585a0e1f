import { describe, expect, test } from 'vitest';
import { frameworkComponents } from '../../theme/markdown/components.ts';

describe("a Markdown post's framework code (mdsvex, Vue)", () => {
	test("leaves out a component's script, each line in its place, and reports each component once with its line", () => {
		const body = ['<script>', "  import Counter from './counter.svelte'", '</script>', '', '## Counter', '', '<Counter />', 'Again <Counter/> and `<Inline />`.', '', '```svelte', '<Shown />', '```'].join('\n');
		const { body: read, unread } = frameworkComponents(body);
		expect(read.split('\n').slice(0, 4)).toEqual(['', '', '', '']);
		expect(read.split('\n').slice(4)).toEqual(body.split('\n').slice(4));
		expect(unread.map(({ line, text, leftOut }) => [line, text, leftOut ?? false])).toEqual([
			[1, '<script>', true],
			[7, '<Counter>', false],
		]);
	});

	test("reports no component in a theme's code shortcode, which is shown as code, and still one in the prose after it", () => {
		const body = ['{{< codeblock "apache.conf" >}}', '# comment', '<VirtualHost *:80>', '</VirtualHost>', '{{< /codeblock >}}', '', 'A widget: <MyComponent />', '', '{{< code lang="vue" >}}', '<Counter></Counter>', '{{< /code >}}'].join('\n');
		expect(frameworkComponents(body).unread.map(({ line, text }) => [line, text])).toEqual([[7, '<MyComponent>']]);
	});

	test('keeps a plain script, a module script, capitalised HTML, indented code and comments as written, unreported', () => {
		const body = [
			'<script async src="https://platform.twitter.com/widgets.js"></script>',
			'',
			'<Center><Font color="red">Old</Font></Center> <BR>',
			'',
			'<script type="module">',
			"  import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs';",
			'</script>',
			'',
			'A sample:',
			'',
			'    <script>',
			"      import Counter from './Counter.svelte'",
			'    </script>',
			'    <Counter />',
			'',
			'<!-- <Counter /> -->',
			'<!--',
			'<Hidden />',
			'-->',
		].join('\n');
		expect(frameworkComponents(body)).toEqual({ body, unread: [] });
	});

	test('reports a component that wraps text as such, and one in capitals only when a closing tag ends it', () => {
		const body = [
			'<RSC>',
			'',
			'`cacheSignal` is only for use with React Server Components.',
			'',
			'</RSC>',
			'',
			'<Pitfall>Text inside is shown.</Pitfall> <Intro />',
			'',
			'Run `git checkout` with <VERSION>, an Array<T> or a <URL> in prose, or <BLINK>old</BLINK> <XMP>x</XMP>.',
		].join('\n');
		expect(frameworkComponents(body).unread).toEqual([
			{ line: 1, text: '<RSC>', reason: 'it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render', wraps: true },
			{ line: 7, text: '<Pitfall>', reason: 'it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render', wraps: true },
			{ line: 7, text: '<Intro>', reason: 'it is a component of the framework the post was written for (Svelte, Vue, React), which a Markdown post cannot render: the page shows an empty element, or the tag as text' },
		]);
	});

	test("leaves out an MDX import on a line of its own (Gatsby reads .md posts as MDX), which the page would show as text, and names a component's every line", () => {
		const body = ["import authors from 'utils/author-data';", 'import { Tabs } from "@theme/Tabs"', '', 'Intro.', '', '<BlogAuthor {...authors.lizRice} />', '', 'import this sentence from prose.', "import later from 'not/at/the/top';", '', '```js', "import x from 'y';", '```', '', '<BlogAuthor />'].join('\n');
		const result = frameworkComponents(body);
		expect(result.body.split('\n').slice(0, 2)).toEqual(['', '']);
		expect(result.body).toContain("import x from 'y';");
		expect(result.body).toContain('import this sentence from prose.');
		expect(result.body).toContain("import later from 'not/at/the/top';");
		expect(result.unread.map(({ line, text, leftOut, more }) => [line, text, leftOut, more])).toEqual([
			[1, "import authors from 'utils/author-data';", true, undefined],
			[2, 'import { Tabs } from "@theme/Tabs"', true, undefined],
			[6, '<BlogAuthor>', undefined, [15]],
		]);
	});

	test("leaves out a paragraph of MDX imports further on in the post (Docusaurus's Tabs), with the same warning, and keeps prose that starts with import", () => {
		const body = [
			'Intro paragraph.',
			'',
			"import Tabs from '@theme/Tabs';",
			"import TabItem from '@theme/TabItem';",
			'',
			'More text.',
			'',
			"import './tabs.css';",
			'',
			'import the data first.',
			'',
			"import data from './data.json';",
			'import it later.',
			'',
			'import "fmt"',
			'',
			'    import x from "y";',
		].join('\n');
		const result = frameworkComponents(body);
		expect(result.body.split('\n')).toEqual([
			'Intro paragraph.',
			'',
			'',
			'',
			'',
			'More text.',
			'',
			'',
			'',
			'import the data first.',
			'',
			"import data from './data.json';",
			'import it later.',
			'',
			'import "fmt"',
			'',
			'    import x from "y";',
		]);
		const reason = 'it is an MDX import (Gatsby and Docusaurus read .md posts as MDX), which a Markdown post does not run, and would show as text';
		expect(result.unread).toEqual([
			{ line: 3, text: "import Tabs from '@theme/Tabs';", reason, leftOut: true },
			{ line: 4, text: "import TabItem from '@theme/TabItem';", reason, leftOut: true },
			{ line: 8, text: "import './tabs.css';", reason, leftOut: true },
		]);
		const started = performance.now();
		frameworkComponents(`Text.\n\n${"import a from 'b';\n".repeat(20_000)}import ${' '.repeat(100_000)}\n`);
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test("leaves a Go import (import \"fmt\"), in code, raw HTML or prose, as written, and reads a line of spaces after import in one pass", () => {
		const body = ['import "fmt"', '', '<pre>package main', '', 'import "fmt"', '</pre>'].join('\n');
		expect(frameworkComponents(body)).toEqual({ body, unread: [] });
		const spaces = `import${' '.repeat(20_000)}x`;
		const started = performance.now();
		expect(frameworkComponents(spaces).unread).toEqual([]);
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test("reports a custom element with nothing in it (V8's <feature-support>), whose content a script of the old site drew, and leaves one with text alone", () => {
		const body = [
			'<feature-support chrome="75 https://v8.dev/blog" firefox="no"></feature-support>',
			'',
			'<x-note>Text inside.</x-note> <my-chart data="a>b" />',
			'',
			'`<code-only></code-only>`',
			'',
			'<browser-support',
			'  chrome="75"',
			'  safari="a>b"></browser-support>',
		].join('\n');
		expect(frameworkComponents(body).unread.map(({ line, text }) => [line, text])).toEqual([
			[1, '<feature-support>'],
			[3, '<my-chart>'],
			[7, '<browser-support>'],
		]);
	});

	test('leaves alone a name with an underscore, which Markdown shows as written rather than as a tag', () => {
		const body = 'Set <YOUR_TOKEN>abc</YOUR_TOKEN> in the file, and <My_Comp /> here; <Real_ish>x</Real_ish>.';
		expect(frameworkComponents(body).unread).toEqual([]);
		expect(frameworkComponents('<Note_>x</Note_> and <Note>y</Note>').unread.map((item) => item.text)).toEqual(['<Note>']);
	});

	test("leaves out a component's opening tag whose attribute is JSX in braces, keeping what it holds and each line", () => {
		const body = [
			'<Callout type="info" onClick={() => go()}>Hello one</Callout>',
			'',
			'<Tabs onChange={(v) => v > 1}>',
			'Tab text',
			'</Tabs>',
			'',
			'<Chart',
			'  data={[1, 2]}',
			'/>',
			'<Note kind="tip">Kept</Note> and `<Code onClick={() => go()}>`',
			'',
			'```jsx',
			'<Shown onClick={() => go()}>',
			'```',
		].join('\n');
		const { body: read, unread } = frameworkComponents(body);
		expect(read.split('\n')).toEqual(['Hello one</Callout>', '', '', 'Tab text', '</Tabs>', '', '', '', '', ...body.split('\n').slice(9)]);
		expect(unread.map(({ line, text, wraps }) => [line, text, wraps ?? false])).toEqual([
			[1, '<Callout>', true],
			[3, '<Tabs>', true],
			[7, '<Chart>', false],
			[10, '<Note>', true],
		]);
	});

	test("leaves a script's, a style's and a text area's text whole, a React sample's tags in braces included", () => {
		const body = ['<div id="root"></div>', '<script type="text/babel">', 'const el = <App name={"world"} />;', '</script>', '', '<Callout onClick={() => go()}>After</Callout>', '<textarea><Tab a={b}></textarea>', '<SCRIPT>', '<X y={z} />'].join('\n');
		const read = frameworkComponents(body).body.split('\n');
		expect(read[2]).toBe('const el = <App name={"world"} />;');
		expect(read[5]).toBe('After</Callout>');
		expect([read[6], read[8]]).toEqual(['<textarea><Tab a={b}></textarea>', '<X y={z} />']);
	});

	test('reads a line of a megabyte of component tags with attributes in braces in good time', () => {
		const body = `${'<Tab onChange={(v) => v > 1} '.repeat(40_000)}\n${'<Tab a={b}>x</Tab>'.repeat(40_000)}`;
		const started = performance.now();
		expect(frameworkComponents(body).body.split('\n')[1]).toBe('x</Tab>'.repeat(40_000));
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('finds the end of thousands of unclosed scripts in one pass', () => {
		const body = '<script>\n'.repeat(100_000);
		const started = performance.now();
		expect(frameworkComponents(body).body).toBe(body);
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	test('reads 100 KB of tags on lines of their own, in prose, in a fence or in an HTML block, in good time', () => {
		let spent = 0;
		// <B> is HTML's bold and <Foo.Bar/> no tag name: only <Note> and <Bb> are components.
		for (const [tag, component] of [['<B/>'], ['<B />'], ['<Foo.Bar/>'], ['<B></B>'], ['<Note></Note>', '<Note>'], ['<Bb/>', '<Bb>']]) {
			const lines = `${tag}\n`.repeat(Math.ceil(100_000 / `${tag}\n`.length));
			const count = lines.split('\n').length - 1;
			for (const [body, first] of [[`\`\`\`html\n${lines}\`\`\`\n`], [lines, 1], [`<div>\n${lines}</div>\n`, 2]] as const) {
				const started = performance.now();
				const { unread } = frameworkComponents(body);
				spent += performance.now() - started;
				const expected = first === undefined || component === undefined ? [] : [[first, component, count - 1, first + count - 1]];
				expect(unread.map(({ line, text, more = [] }) => [line, text, more.length, more.at(-1)]), tag).toEqual(expected);
			}
		}
		// Eighteen bodies: parsing each of those outside the fence for its code blocks costs one to three seconds on a busy machine.
		expect(spent).toBeLessThan(4_000);
	});

	test('reads a line of a megabyte of tags in capitals and closing tags in good time', () => {
		const body = `${'<RSC '.repeat(200_000)}\n${'</RSC>'.repeat(200_000)}`;
		const started = performance.now();
		expect(frameworkComponents(body).unread).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('components beside a code span that runs over a line break', () => {
	test("are reported after a link whose title holds a backtick, which opens no code span", () => {
		for (const body of ['See [x](https://a.example "Don`t") <Counter /> then `x`.', 'See [x](https://a.example "Don`t")\n<Counter /> then `x`.']) {
			const line = body.split('\n').findIndex((text) => text.includes('<Counter')) + 1;
			expect(frameworkComponents(body).unread.map(({ line, text }) => [line, text]), body).toEqual([[line, '<Counter>']]);
		}
	});

	test('are reported after a span closed by a run after a backslash, which is text inside a span', () => {
		for (const body of ['Open ``C:\\Users\\`` then\n<Callout type="tip">hello</Callout> and see `x`.', 'Open `C:\\Users\\` then <Callout type="tip">hello</Callout> and see `x`.']) {
			const line = body.split('\n').findIndex((text) => text.includes('<Callout')) + 1;
			expect(frameworkComponents(body).unread.map(({ line, text }) => [line, text]), body).toEqual([[line, '<Callout>']]);
		}
	});

	test('are reported after an escaped backtick, in table rows and in an HTML block, where no span runs over a line break', () => {
		for (const body of ['Write \\` for a tick. <Counter />\nthen `x`.', '| a | b |\n|---|---|\n| `x | <Counter /> |\n| y | `z` |', 'a | b\n--|--\n`x | <Counter />\ny | `z`', '<p title="a`b"><Counter /></p>\nsee `x`']) {
			const line = body.split('\n').findIndex((text) => text.includes('<Counter')) + 1;
			expect(frameworkComponents(body).unread.map(({ line, text }) => [line, text]), body).toEqual([[line, '<Counter>']]);
		}
	});


	test('are read after the span on its closing line, and a tag inside it is an example, not reported', () => {
		const after = frameworkComponents('A span `over\ntwo` lines <Foo onClick={go} /> and `x` end.');
		expect(after.body).toBe('A span `over\ntwo` lines  and `x` end.');
		expect(after.unread.map(({ line, text }) => [line, text])).toEqual([[2, '<Foo>']]);
		const inside = frameworkComponents('A span `over <Foo onClick={go} />\ntwo` lines <Bar /> and `x` end.');
		expect(inside.body).toBe('A span `over <Foo onClick={go} />\ntwo` lines <Bar /> and `x` end.');
		expect(inside.unread.map(({ line, text }) => [line, text])).toEqual([[2, '<Bar>']]);
	});
});
