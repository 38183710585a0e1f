import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { escapedUnclosedHtmlOpeners } from '../../theme/markdown/html-openers.ts';
import { textRunsBroken, withoutTextBreaks } from '../../theme/markdown/text-runs.ts';

/** `markdown` rendered by Sätteri, Astro's default processor, as HTML. */
async function render(markdown: string): Promise<string> {
	const renderer = await satteri().createRenderer({} as never);
	return (await renderer.render(markdown)).code;
}

describe('a paragraph of unclosed inline HTML openers', () => {
	test.each(['a <!-- ', 'a <? ', 'a <!DOCTYPE ', 'a <![CDATA[ '])('of 100 KB of %j is read as the text it shows, each < escaped', async (unit) => {
		const paragraph = unit.repeat(Math.ceil(100_000 / unit.length));
		const escaped = escapedUnclosedHtmlOpeners(`Intro.\n\n${paragraph}\n`);
		expect(escaped).toBe(`Intro.\n\n${paragraph.replaceAll('<', '\\<')}\n`);
		// Smartypants makes the comment's -- an en dash, as it does for a single unclosed <!--. Its text is broken
		// into pieces, as the loader breaks it (markdown/text-runs.ts): Sätteri alone takes quadratic time over
		// 14,000 of them.
		const shown = paragraph.trimEnd().replaceAll('<', '&lt;').replaceAll('--', '–');
		const html = withoutTextBreaks(await render(textRunsBroken(escaped, { mdx: false })));
		expect(html.trim().split('\n')).toEqual(['<p>Intro.</p>', `<p>${shown}</p>`]);
	});

	test('renders what CommonMark shows for the openers as written, over several lines of one paragraph', async () => {
		const source = `First <!-- a <? b <!D c <![CDATA[ d\n${'e <!-- '.repeat(25)}\nlast line <? f\n`;
		const escaped = escapedUnclosedHtmlOpeners(source);
		expect(escaped).not.toBe(source);
		expect(await render(escaped)).toBe(await render(source));
	});

	test('leaves code spans, formulas, shortcodes, link destinations, tags and escaped openers in it as written', () => {
		const kept = ['`<!-- code`', '$x <!-- y$', '{{< note "<!--" >}}', '[a](<!--x)', '<span title="<!--">', '\\<!--'];
		const source = `${'a <!-- '.repeat(25)}${kept.join(' ')}\n`;
		expect(escapedUnclosedHtmlOpeners(source)).toBe(`${'a \\<!-- '.repeat(25)}${kept.join(' ')}\n`);
	});

	test('leaves an ordinary post as written, byte for byte', () => {
		const post = [
			'An unclosed <!-- here, a <!-- real comment --> and a <?php echo 1; ?> tag.',
			'',
			'<!-- more -->',
			'',
			'A code span `<!-- not a comment` and <!DOCTYPE html>.',
			'',
			'```html',
			'<!-- in a fence',
			'```',
			'',
			'    <!-- indented code',
			'',
		].join('\n');
		expect(escapedUnclosedHtmlOpeners(post)).toBe(post);
		// Many openers across the post, but no paragraph holding more than a few, leave it as written too.
		const many = `${post}\n${'Paragraph <!-- a <? b.\n\n'.repeat(50)}`;
		expect(escapedUnclosedHtmlOpeners(many)).toBe(many);
	});

	test('leaves openers in a quoted value of a tag longer than 512 characters, in a closed comment and in a closed processing instruction as written, where each got a backslash', () => {
		const tags = Array.from({ length: 22 }, (_, index) => `<abbr title="${'x'.repeat(600)} <!-- ${index}">A</abbr>`).join(' ');
		const longTags = `Text ${tags} end.\n`;
		expect(escapedUnclosedHtmlOpeners(longTags)).toBe(longTags);
		const comment = `Text <!-- ${'x <!-- '.repeat(25)}--> and <? ${'y <!-- '.repeat(25)}?> end.\n`;
		expect(escapedUnclosedHtmlOpeners(comment)).toBe(comment);
		// Openers after the last closer are still escaped.
		expect(escapedUnclosedHtmlOpeners(`Text <!-- a --> ${'b <!-- '.repeat(25)}\n`)).toBe(`Text <!-- a --> ${'b \\<!-- '.repeat(25)}\n`);
	});

	test('reads long tags that never end in linear time', () => {
		for (const text of [`${`<a title="${'x'.repeat(600)} <!-- `.repeat(150)}\n`, `${'<a title="<!-- '.repeat(7000)}\n`, `${"<a '\" <!-- ".repeat(8000)}\n`]) {
			const start = performance.now();
			escapedUnclosedHtmlOpeners(text);
			expect(performance.now() - start).toBeLessThan(500);
		}
	});

	test('leaves openers in code blocks and HTML blocks of a hostile post as written', () => {
		const code = `\`\`\`\n${'a <!-- '.repeat(30)}\n\`\`\`\n\n    ${'b <!-- '.repeat(30)}\n\n<div>\n${'c <? '.repeat(30)}\n</div>\n\n<pre>\n\n${'d <!-- '.repeat(30)}\n</pre>\n`;
		expect(escapedUnclosedHtmlOpeners(code)).toBe(code);
	});
});
