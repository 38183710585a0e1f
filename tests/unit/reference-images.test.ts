import { describe, expect, test } from 'vitest';
import { inlineReferenceImages, readDefinitionAttributes } from '../../theme/markdown/reference-images.ts';

describe('images written as references to a file beside the post', () => {
	test('become the inline images they mean, in all three forms, alt text and title kept, on their line', () => {
		const body = 'Intro ![A *photo*][img], ![img][] and ![IMG].\n\n[img]: ./photo.png "The <title>"\n';
		expect(inlineReferenceImages(body)).toBe('Intro ![A *photo*](<./photo.png> "The <title>"), ![img](<./photo.png> "The <title>") and ![IMG](<./photo.png> "The <title>").\n\n[img]: ./photo.png "The <title>"\n');
	});

	test('leave remote, root, non-image and undefined references, code and links alone', () => {
		const body = '![a][remote] ![b][root] ![c][pdf] ![d][none] [e][img] `![f][img]`\n\n```\n![g][img]\n```\n\n[remote]: https://example.com/a.png\n[root]: /images/a.png\n[pdf]: ./talk.pdf\n[img]: photo.png\n';
		expect(inlineReferenceImages(body)).toBe(body);
		expect(inlineReferenceImages('No images, [a]: ./x.png')).toBe('No images, [a]: ./x.png');
	});

	test('use the first definition of a label, as Markdown does, and put a title written over two lines on one', () => {
		expect(inlineReferenceImages('![Shot]\n\n[Shot]: img/first.png "A\ntitle"\n[shot]: img/second.png\n')).toBe('![Shot](<img/first.png> "A title")\n\n[Shot]: img/first.png "A\ntitle"\n[shot]: img/second.png\n');
	});

	test('leave an image whose file is not beside the post as written, for public/ may have it under the page\'s address', () => {
		const body = '![Diagram][d]\n\n[d]: diagram.png\n';
		expect(inlineReferenceImages(body, () => false)).toBe(body);
	});
});

describe("MultiMarkdown's reference definitions with attributes", () => {
	test('size an image as the first of its label\'s definitions says, as Markdown reads it, and a later one is unused', () => {
		const { body, leftOut } = readDefinitionAttributes('![a][x]\n\n[x]: /a.png width=4\n[X]: /b.png width=8\n', () => false);
		expect(body).toBe('<img src="/a.png" alt="a" width="4" loading="lazy" decoding="async">&#32;\n\n[x]: /a.png\n[X]: /b.png\n');
		expect(leftOut).toEqual([{ line: 4, label: 'X', attributes: ['width=8'], reason: 'unused' }]);
	});

	test('size the thousands of images that use them in linear time', () => {
		// As many as a body the parser reads in good time holds (256 kB).
		const count = 8000;
		const images = Array.from({ length: count }, (_, index) => `![${index}][${index}]`).join('\n');
		const definitions = Array.from({ length: count }, (_, index) => `[${index}]: /${index}.png width=4`).join('\n');
		const started = performance.now();
		const { body, leftOut } = readDefinitionAttributes(`${images}\n\n${definitions}\n`, () => false);
		expect(performance.now() - started).toBeLessThan(30_000);
		const lines = body.split('\n');
		expect(leftOut).toEqual([]);
		expect(lines[0]).toBe('<img src="/0.png" alt="0" width="4" loading="lazy" decoding="async">&#32;');
		expect(lines.filter((line) => line.startsWith('<img ')).length).toBe(count);
		expect(lines[count + 1]).toBe('[0]: /0.png');
	});
});
