import { describe, expect, test } from 'vitest';
import { renderedPost } from '../helpers/post-html.ts';

// cwoebker's jekyll-blogging post, with the printf and batch-file forms beside it.
const PERCENT_CODE = `{% highlight ruby %}
post_text.gsub!('%%TITLE%%', title)
{% endhighlight %}

{{< highlight python >}}
print("%%s%%" % name)
{{< /highlight >}}

<pre><code>SELECT * FROM t WHERE name LIKE '%%foo%%';</code></pre>

A batch file uses %%i and %%j as loop variables: \`for %%i in (*.txt) do echo %%i\`.

In cmd, write for %%f in (*.md) do type %%f to print them all.
`;

describe("Obsidian's %% comments", () => {
	test('a post that is no Obsidian note shows its %% as written, in code and in prose, without a word', async () => {
		const { $, warnings } = await renderedPost(PERCENT_CODE, { shortcodes: true });
		const code = $('pre')
			.map((_, pre) => $(pre).text())
			.get();
		expect(code.some((text) => text.includes("post_text.gsub!('%%TITLE%%', title)"))).toBe(true);
		expect(code.some((text) => text.includes('print("%%s%%" % name)'))).toBe(true);
		expect(code.some((text) => text.includes("LIKE '%%foo%%';"))).toBe(true);
		const prose = $('p')
			.map((_, p) => $(p).text())
			.get();
		expect(prose).toContain('A batch file uses %%i and %%j as loop variables: for %%i in (*.txt) do echo %%i.');
		expect(prose).toContain('In cmd, write for %%f in (*.md) do type %%f to print them all.');
		expect(warnings.join('\n')).not.toContain('Obsidian');
	});

	test('an Obsidian note leaves out its comments, inline and in blocks, naming each line', async () => {
		const { $, warnings } = await renderedPost('See [[Another note]].\n\nPublished text. %%A note to self.%%\n\n%%\nA private block.\n%%\n\nAfter.\n', { shortcodes: true });
		expect($.text()).toContain('Published text.');
		expect($.text()).toContain('After.');
		expect($.text()).not.toMatch(/note to self|private block/);
		expect(warnings.filter((warning) => warning.includes('Obsidian comment')).map((warning) => /:(\d+): (%%.*%%) is left out/.exec(warning)?.slice(1))).toEqual([
			['7', '%%…%%'],
			['9', '%% … %%'],
		]);
	});

	test("an Obsidian note keeps the %% of its code of every kind: fences, highlight blocks, HTML code and code spans", async () => {
		const note = `Linked from [[Home]]. %%hidden%%

\`\`\`bat
for %%i in (*.txt) do echo %%i%%
\`\`\`

{% highlight ruby %}
post_text.gsub!('%%TITLE%%', title)
{% endhighlight %}

<pre><code>LIKE '%%foo%%'</code></pre>

Write \`%%s%%\` in printf.
`;
		const { $ } = await renderedPost(note, { shortcodes: true });
		expect($('p').first().text()).not.toContain('hidden');
		const code = $('pre, code')
			.map((_, element) => $(element).text())
			.get()
			.join('\n');
		for (const kept of ['for %%i in (*.txt) do echo %%i%%', "post_text.gsub!('%%TITLE%%', title)", "LIKE '%%foo%%'", '%%s%%']) expect(code).toContain(kept);
	});

	test("a note with a key of Obsidian's own (cssclasses) is an Obsidian note", async () => {
		const { $ } = await renderedPost('Shown. %%not shown%%\n', { frontMatter: 'cssclasses: [wide]\n', shortcodes: true });
		expect($.text()).toContain('Shown.');
		expect($.text()).not.toContain('not shown');
	});
});
