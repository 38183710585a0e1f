import { describe, expect, test } from 'vitest';
import { hasMarkdocTags, readMarkdocTags } from '../../theme/markdown/markdoc.ts';

describe("Markdoc's tags", () => {
	test('make a callout on lines of its own an admonition of its kind and title, an image tag an image, and an embed a link, each line in its place', () => {
		const body = [
			'{% callout type="warning" title="What is [npx]?" %}',
			'`npx` runs packages.',
			'{% /callout %}',
			'{% callout %}',
			'Plain.',
			'{% /callout %}',
			'{% image src="/images/photo.jpg" alt="A [photo]" title="Dune" /%}',
			'{% embed',
			'  mediaType="video"',
			'  embedCode="<iframe width=\\"560\\" src=\\"https://www.youtube.com/embed/dQw4w9WgXcQ\\"></iframe>" /%}',
			'After.',
		].join('\n');
		expect(readMarkdocTags(body).split('\n')).toEqual([
			':::warning[What is npx?]',
			'`npx` runs packages.',
			':::',
			':::note',
			'Plain.',
			':::',
			'![A \\[photo\\]](</images/photo.jpg> "Dune")',
			'<https://www.youtube.com/watch?v=dQw4w9WgXcQ>',
			'',
			'',
			'After.',
		]);
	});

	test("make an image tag's content a caption in italics under the image, read as Markdown, its caption attribute the image's title, each line in its place", () => {
		const body = [
			'{% image src="/images/a.png" alt="The key" %}',
			'Find the API key on your "Profile" page.',
			'{% /image %}',
			'',
			'{% image src="/images/a.png" alt="Icon" caption="The icon opens the chat." title="Icon" /%}',
			'```',
			'{% image src="/b.png" %}',
			'Shown as code.',
			'{% /image %}',
			'```',
		].join('\n');
		expect(readMarkdocTags(body).split('\n')).toEqual([
			'![The key](</images/a.png>)',
			'_Find the API key on your "Profile" page._',
			'',
			'',
			'![Icon](</images/a.png> "The icon opens the chat.")',
			'```',
			'{% image src="/b.png" %}',
			'Shown as code.',
			'{% /image %}',
			'```',
		]);
	});

	test("read DeveloperHub's image tags: url as the image, and a tag around a Markdown image as that image; HTML in a caption as text, as Markdoc shows it", () => {
		const body = [
			'{% image url="https://res.example.com/a.jpg" caption="Document received to sign" mode="600" %}',
			'{% /image %}',
			'{% image url="b.png" /%}',
			'',
			'{% image %}',
			'![Enable Sources Addon](c.png)',
			'{% /image %}',
			'',
			'{% image src="d.png" %}',
			'A <script>x</script> and `<b>` \\',
			'{% /image %}',
		].join('\n');
		expect(readMarkdocTags(body).split('\n')).toEqual([
			'![](<https://res.example.com/a.jpg> "Document received to sign")',
			'',
			'![](<b.png>)',
			'',
			'![Enable Sources Addon](c.png)',
			'',
			'',
			'',
			'![](<d.png>)',
			'_A &lt;script>x&lt;/script> and `<b>` \\\\_',
			'',
		]);
	});

	test('leave other tags, tags in code and bodies without Markdoc forms as written', () => {
		const body = '{% aside %}\nText.\n{% /aside %}\n```\n{% image src="a.png" /%}\n```\nInline {% icon name="x" /%}.';
		expect(readMarkdocTags(body)).toBe(body);
		expect(hasMarkdocTags('{% include a.html %} and {% endif %}')).toBe(false);
		expect(hasMarkdocTags('{{% notice info %}}Careful{{% /notice %}} {{% figure src="a.png" /%}}')).toBe(false);
		// Zola's escaped shortcode ends `*/%}`.
		expect(hasMarkdocTags('```\n{%/* mermaid() */%}\n{%/* end */%}\n```')).toBe(false);
		expect(hasMarkdocTags('{% /aside %}')).toBe(true);
		expect(hasMarkdocTags('Inline {% icon name="x" /%}.')).toBe(true);
	});

	test('leave tags in code spans alone, join a tag only within its paragraph, and tell Liquid from Markdoc by the slash against %}', () => {
		expect(readMarkdocTags('Show `{% image src="/cat.png" alt="Cat" /%}` in code.')).toBe('Show `{% image src="/cat.png" alt="Cat" /%}` in code.');
		const apart = 'Text `{%` here\n\n## Closing\n\nPara %} two. {% image src="/a.png" /%}';
		expect(readMarkdocTags(apart).split('\n')).toEqual(['Text `{%` here', '', '## Closing', '', 'Para %} two. ![](</a.png>)']);
		expect(hasMarkdocTags('{% link Hexo https://hexo.io/ %} and {% jsfiddle abc %}')).toBe(false);
	});

	test('read a line of thousands of unclosed tags in one pass', () => {
		const started = performance.now();
		readMarkdocTags(`{% note /%}\n${'{% /a'.repeat(100_000)}`);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});


describe('Markdoc tags beside a code span that runs over a line break', () => {
	test('are read after the span on its closing line, and left as written inside it', () => {
		expect(readMarkdocTags('A span `over\ntwo` {% image src="/a.png" alt="A" /%} and `x` end.')).toBe('A span `over\ntwo` ![A](</a.png>) and `x` end.');
		expect(readMarkdocTags('A span `over {% image src="/a.png" alt="A" /%}\ntwo` and `x` end.')).toBe('A span `over {% image src="/a.png" alt="A" /%}\ntwo` and `x` end.');
	});
});
