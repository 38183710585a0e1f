import { describe, expect, test } from 'vitest';
import { putBodyImagesUnder, underMediaSubpath } from '../../theme/markdown/media-subpath.ts';

describe("Chirpy's media_subpath", () => {
	test('puts a path that is not a URL under the folder, from the root, as Chirpy does', () => {
		expect(underMediaSubpath('cover.png', '/assets/img/post/')).toBe('/assets/img/post/cover.png');
		expect(underMediaSubpath('./cover.png', 'assets/img/post')).toBe('/assets/img/post/cover.png');
		expect(underMediaSubpath('/cover.png', '/assets/img/post')).toBe('/assets/img/post/cover.png');
		expect(underMediaSubpath('https://example.com/cover.png', '/assets')).toBe('https://example.com/cover.png');
		expect(underMediaSubpath('//cdn.example.com/cover.png', '/assets')).toBe('//cdn.example.com/cover.png');
	});

	test("puts the body's Markdown and HTML images under the folder, and leaves code (inline, fenced, indented) and links alone", () => {
		const body = [
			'![A figure](figure.png)',
			'![Spaced](<my figure.png> "Title") and [a link](other.md)',
			'<img src="photo.jpg" alt="">',
			'`![In code](code.png)`',
			'```markdown',
			'![In a fence](fence.png)',
			'```',
			'![Remote](https://example.com/a.png)',
			'',
			'    ![Indented code](indented.png)',
		].join('\n');
		expect(putBodyImagesUnder(body, '/media/')).toBe(
			[
				'![A figure](/media/figure.png)',
				'![Spaced](</media/my figure.png> "Title") and [a link](other.md)',
				'<img src="/media/photo.jpg" alt="">',
				'`![In code](code.png)`',
				'```markdown',
				'![In a fence](fence.png)',
				'```',
				'![Remote](https://example.com/a.png)',
				'',
				'    ![Indented code](indented.png)',
			].join('\n'),
		);
	});
});
