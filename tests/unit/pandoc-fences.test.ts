import { describe, expect, test } from 'vitest';
import { diagramsIn } from '../../theme/markdown/diagrams.ts';
import { readPandocFences } from '../../theme/markdown/pandoc-fences.ts';
import { renderedPost } from '../helpers/post-html.ts';


describe('fences whose info string is in braces (Pandoc, Quarto, knitr, nbconvert)', () => {
	test('are highlighted as the first word inside the braces, or the first class, their other attributes left out', async () => {
		const fences = ['```{r, echo=TRUE, fig.cap="A plot"}', '```{python}', '~~~ {.python}', '```{.python .cell-code}', '~~~~ {#mycode .go .numberLines startFrom="99"}'];
		const closing = (fence: string) => (fence.startsWith('~~~~') ? '~~~~~~~~~~' : fence.startsWith('~') ? '~~~' : '```');
		const body = fences.map((fence) => `${fence}\n${fence.includes('go') ? 'func (s Organs) Len() int { return len(s) }' : fence.includes('{r') ? 'plot(cars)' : 'x = [1, "a"]'}\n${closing(fence)}\n`).join('\n');
		const { $, warnings } = await renderedPost(body);
		const pres = $('pre').toArray();
		expect(pres.map((pre) => $(pre).attr('data-language'))).toEqual(['r', 'python', 'python', 'python', 'go']);
		// Highlighted: the code is in tokens of several colours, not one plain span.
		for (const pre of pres) expect(new Set($(pre).find('span[style]').toArray().map((span) => $(span).attr('style'))).size).toBeGreaterThan(1);
		expect($('pre').attr('id')).toBeUndefined();
		expect($.html()).not.toMatch(/numberLines|startFrom|fig\.cap|\{r/);
		expect(warnings).toEqual([]);
	});

	test("of knitr's chunks that R Markdown hides (include=FALSE, echo=FALSE) show their code, with a warning naming the line and the option", async () => {
		const { $, warnings } = await renderedPost('```{r setup, include=FALSE}\nknitr::opts_chunk$set(collapse = FALSE)\n```\n\nText.\n\n```{r, echo=FALSE}\nplot(cars)\n```\n\n```{r, echo=F}\nplot(iris)\n```\n\n```{r, echo=FALSE}\nsummary(cars)\n```\n');
		expect($('pre').toArray().map((pre) => [$(pre).attr('data-language'), $(pre).text()])).toEqual([
			['r', 'knitr::opts_chunk$set(collapse = FALSE)'],
			['r', 'plot(cars)'],
			['r', 'plot(iris)'],
			['r', 'summary(cars)'],
		]);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: \`\`\`{r setup, include=FALSE} is shown as code: with include=FALSE, R Markdown runs the chunk and shows neither its code nor its output; Carnet runs no code and leaves none of a post's text out. Delete the chunk if the page should not show it, or publish the Markdown that knitting the post writes (rmarkdown::render()).",
			  "src/content/posts/_posts/2024-01-01-post.md:11: \`\`\`{r, echo=FALSE} (and 1 more, on line 19) is shown as code: with echo=FALSE, R Markdown shows the chunk's output in place of its code, and this post has no output: Carnet runs no code. Publish the Markdown that knitting the post writes (rmarkdown::render()), which holds the output, or delete the chunk.",
			  "src/content/posts/_posts/2024-01-01-post.md:15: \`\`\`{r, echo=F} is shown as code: with echo=F, R Markdown shows the chunk's output in place of its code, and this post has no output: Carnet runs no code. Publish the Markdown that knitting the post writes (rmarkdown::render()), which holds the output, or delete the chunk.",
			]
		`);
	});

	test("of Quarto's cells hide their #| option lines, as Quarto does, and warn, naming the line and the option, of those it hides", async () => {
		const body = [
			'```{python}',
			'#| label: fig-polar',
			'#| fig-cap: "A line plot on a polar axis"',
			'import numpy as np',
			'```',
			'',
			'```{python}',
			'#| include: false',
			'import pandas as pd',
			'```',
			'',
			'```{r}',
			'#| echo: false',
			'plot(cars)',
			'```',
			'',
			'```{python}',
			'#| eval: false',
			'#| output: false',
			'print(1)',
			'#| not an option',
			'```',
			'',
			'```{.python}',
			'#| shown: as written',
			'```',
		].join('\n');
		const { $, warnings } = await renderedPost(body);
		expect($('pre').toArray().map((pre) => $(pre).text())).toEqual(['import numpy as np', 'import pandas as pd', 'plot(cars)', 'print(1)\n#| not an option', '#| shown: as written']);
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:11: \`\`\`{python} is shown as code: with #| include: false, Quarto runs the chunk and shows neither its code nor its output; Carnet runs no code and leaves none of a post's text out. Delete the chunk if the page should not show it, or publish the Markdown that rendering the post writes (quarto render post.qmd --to gfm).",
			  "src/content/posts/_posts/2024-01-01-post.md:16: \`\`\`{r} is shown as code: with #| echo: false, Quarto shows the chunk's output in place of its code, and this post has no output: Carnet runs no code. Publish the Markdown that rendering the post writes (quarto render post.qmd --to gfm), which holds the output, or delete the chunk.",
			]
		`);
	});

	test('name a diagram by their first word or class, an id before it', () => {
		expect(diagramsIn('```{mermaid}\ngraph TD;\n```\n\n~~~ {#flow .mermaid}\ngraph TD;\n~~~\n\n```{.python}\nx\n```\n')).toEqual([
			{ line: 1, language: 'mermaid' },
			{ line: 5, language: 'mermaid' },
		]);
	});
});

describe("Pandoc's raw blocks and spans", () => {
	test('of HTML are HTML in the page, as Pandoc writes them, read as raw HTML written in the post is', async () => {
		const html = '<p class="raw">This is HTML in a <i>raw</i> block.</p>\n<a href="javascript:alert(1)">x</a>';
		const { $, warnings } = await renderedPost(`Intro.\n\n\`\`\`{=html}\n${html}\n\`\`\`\n\nThis is \`<b>HTML</b>\`{=html} in an inline raw block, and \`\` <kbd>\`</kbd> \`\`{=html}.\n`);
		const written = await renderedPost(`Intro.\n\n${html}\n\nThis is <b>HTML</b> in an inline raw block, and <kbd>\`</kbd>.\n`);
		expect($('p.raw').html()).toBe('This is HTML in a <i>raw</i> block.');
		expect($('pre, code').length).toBe(0);
		expect($('p').last().html()).toBe('This is <b>HTML</b> in an inline raw block, and <kbd>`</kbd>.');
		expect($.html()).toBe(written.$.html());
		expect(warnings).toEqual(written.warnings);
	});

	test("of HTML show their text as written, as Pandoc passes them on: no emphasis, code, list, heading or link is read in them", async () => {
		const block = '```{=html}\n*a* and _b_\n    four spaces\n1. x\n# h\n\n<span>*c*</span>\n```';
		const { $, warnings } = await renderedPost(`Text above.\n\n${block}\n\nA \`*d* <b title="x_y">[e](f)</b> &amp;\`{=html} word.\n`);
		expect($('em, code, pre, ol, h1, a')).toHaveLength(0);
		expect($('span').text()).toBe('*c*');
		for (const written of ['*a* and _b_', 'four spaces', '1. x', '# h']) expect($.text()).toContain(written);
		expect($('p').first().text()).toBe('Text above.');
		expect($('p').last().text()).toBe('A *d* [e](f) & word.');
		expect($('p b').attr('title')).toBe('x_y');
		expect(warnings).toEqual([]);
		// One that nothing closes runs to the end of the post, as a fence does.
		expect((await renderedPost('```{=html}\n*a*\n')).$('em')).toHaveLength(0);
	});

	test('of another format (LaTeX) are shown as code, with a warning naming the line and the format', async () => {
		const { $, warnings } = await renderedPost('```{=latex}\n\\newcommand{\\tuple}[1]{\\langle #1 \\rangle}\n```\n\nThis is `\\LaTeX`{=latex} inline.\n');
		expect($('pre').attr('data-language')).toBe('latex');
		expect($('pre').text()).toBe('\\newcommand{\\tuple}[1]{\\langle #1 \\rangle}');
		expect($('p').html()).toBe('This is <code>\\LaTeX</code> inline.');
		expect(warnings).toMatchInlineSnapshot(`
			[
			  "src/content/posts/_posts/2024-01-01-post.md:5: \`\`\`{=latex} is shown as code: Pandoc writes a raw latex block only into latex output and leaves it out of HTML pages. Delete the block if the page should not show it, or write what it says in Markdown or in a \`\`\`{=html} block.",
			  "src/content/posts/_posts/2024-01-01-post.md:9: \`\\LaTeX\`{=latex} is shown as code: Pandoc writes raw latex only into latex output and leaves it out of HTML pages. Delete it if the page should not show it.",
			]
		`);
	});
});

describe('fences in braces and raw spans', () => {
	test('are read in well under a second in 100 KB of one info string, option or span', () => {
		const inputs = [
			`\`\`\`{r ${'a'.repeat(100_000)}}\nx\n\`\`\`\n`,
			`\`\`\`{r ${'a.'.repeat(50_000)}=}\nx\n\`\`\`\n`,
			`\`\`\`{${'{'.repeat(100_000)}\nx\n\`\`\`\n`,
			`A \`${' '.repeat(100_000)}a\`{=html} and \`{=html}${'`{=html}'.repeat(10_000)}\n`,
			`~~~ {${'.mermaid '.repeat(10_000)}\n${'``` {'.repeat(20_000)}\n`,
		];
		const started = performance.now();
		for (const input of inputs) {
			readPandocFences(input);
			diagramsIn(input);
		}
		expect(performance.now() - started).toBeLessThan(500);
	});
});
