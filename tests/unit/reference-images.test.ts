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
});
