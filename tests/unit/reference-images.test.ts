import { describe, expect, test } from 'vitest';
import { inlineReferenceImages } from '../../theme/markdown/reference-images.ts';

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
