import { describe, expect, test } from 'vitest';
import { diagramsIn } from '../../theme/markdown/diagrams.ts';
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

	test('name a diagram by their first word or class, an id before it', () => {
		expect(diagramsIn('```{mermaid}\ngraph TD;\n```\n\n~~~ {#flow .mermaid}\ngraph TD;\n~~~\n\n```{.python}\nx\n```\n')).toEqual([
			{ line: 1, language: 'mermaid' },
			{ line: 5, language: 'mermaid' },
		]);
	});
});
