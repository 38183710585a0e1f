import { describe, expect, test } from 'vitest';
import { mdxSummaryOf } from '../../theme/integration/mdx-summary.ts';

describe('the summary of an MDX post without a description', () => {
	test('is the text of its first paragraph, without its imports, exports and expressions', () => {
		const body = "import Callout from '../components/Callout.astro';\nexport const year = 2024;\n\n{year > 2000 && <span>Hidden</span>}\n\nFirst <em>words</em> of {year} the **post**.<br/>Same paragraph.\n\nSecond.\n";
		expect(mdxSummaryOf(body)).toBe('First words of the post. Same paragraph.');
	});

	test('reads the text of components as prose, and leaves out code, tables and images', () => {
		const body = '![A chart](./chart.png)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\ncode()\n```\n\n<Callout>\n  Inside the callout.\n</Callout>\n';
		expect(mdxSummaryOf(body)).toBe('Inside the callout.');
	});

	test("is the text before Docusaurus's divider, written as an MDX or an HTML comment", () => {
		expect(mdxSummaryOf('One.\n\nTwo.\n\n{/* truncate */}\n\nRest.\n')).toBe('One. Two.');
		expect(mdxSummaryOf('One.\n\nTwo.\n\n<!-- truncate -->\n\nRest.\n')).toBe('One. Two.');
		expect(mdxSummaryOf('One.\n\n---\n\nRest.\n', '---')).toBe('One.');
	});

	test('is undefined for a body the MDX compiler cannot read, or without prose', () => {
		expect(mdxSummaryOf('Text {unclosed\n')).toBeUndefined();
		expect(mdxSummaryOf("import x from './x.js';\n\n<Chart data={x} />\n")).toBeUndefined();
	});
});
