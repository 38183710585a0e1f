import { describe, expect, test } from 'vitest';
import { videoImagesAsLinks } from '../../theme/markdown/video-images.ts';

const LABELS = () => ({ youtube: 'Watch the video on YouTube', vimeo: 'Watch the video on Vimeo', dailymotion: 'Watch the video on Dailymotion' });

describe('videoImagesAsLinks', () => {
	test('writes an image of a video page as a link to the page, titled as the shortcodes title it, or by its alt text', () => {
		expect(videoImagesAsLinks('![](//www.youtube.com/watch?v=Ptk_1Dc2iPY&t=90)\n\n![The *launch*](https://player.vimeo.com/video/76979871 "Launch")', LABELS)).toBe(
			'[Watch the video on YouTube](<https://www.youtube.com/watch?v=Ptk_1Dc2iPY&t=90s>)\n\n[The *launch*](<https://vimeo.com/76979871> "Launch")',
		);
		expect(videoImagesAsLinks('See ![][demo] and ![clip][].\n\n[demo]: https://www.dailymotion.com/video/x7tgcev_a-title\n[clip]: <https://cdn.example.org/my clip.webm>', LABELS)).toBe(
			'See [Watch the video on Dailymotion](<https://www.dailymotion.com/video/x7tgcev>) and [clip](<https://cdn.example.org/my%20clip.webm>).\n\n[demo]: https://www.dailymotion.com/video/x7tgcev_a-title\n[clip]: <https://cdn.example.org/my clip.webm>',
		);
	});

	test('writes an image of a remote video or sound file as a link named by its alt text, or else by the file', () => {
		expect(videoImagesAsLinks('![video](//www.html5rocks.com/en/tutorials/video/basics/devstories.webm)', LABELS)).toBe('[video](<https://www.html5rocks.com/en/tutorials/video/basics/devstories.webm>)');
		expect(videoImagesAsLinks('| a |\n| - |\n| ![](https://example.org/a%20talk.MP3?dl=1) |', LABELS)).toBe('| a |\n| - |\n| [a talk.MP3](<https://example.org/a%20talk.MP3?dl=1>) |');
	});

	test("keeps a raw HTML link around a video's image, the image's alt text or label its text, as inside a Markdown link", () => {
		expect(videoImagesAsLinks('<a href="https://example.com/my-review">![yt](https://youtu.be/abc)</a>', LABELS)).toBe('<a href="https://example.com/my-review">yt</a>');
		expect(videoImagesAsLinks('See <A HREF="/review">*![](https://youtu.be/abc)*</A> then ![x](https://youtu.be/def).', LABELS)).toBe(
			'See <A HREF="/review">*Watch the video on YouTube*</A> then [x](<https://www.youtube.com/watch?v=def>).',
		);
		expect(videoImagesAsLinks('[![yt](https://youtu.be/abc)](https://example.com/my-review)', LABELS)).toBe('[yt](https://example.com/my-review)');
	});

	test('leaves images, thumbnails of videos, local files, code and other sites as written', () => {
		const body = [
			'![A chart](https://example.org/chart.png) ![thumb](https://img.youtube.com/vi/Ptk_1Dc2iPY/0.jpg)',
			'![](./clip.mp4) ![](/media/clip.mp4) ![](https://vimeo.com/channels) ![](https://example.org/clip.mp4.html)',
			'`![](https://youtu.be/x)`',
			'',
			'```md',
			'![](https://youtu.be/x)',
			'```',
		].join('\n');
		expect(videoImagesAsLinks(body, LABELS)).toBe(body);
	});

	// The parse of a post is markdown/fences.ts's, shared with the other passes; what is this pass's own is read here.
	test('passes over 100 kB of prose that names no video, and a line of 100 kB of open brackets, in well under a second', () => {
		const prose = Array.from({ length: 3_000 }, (_, index) => `![a](./a${index}.png) costs $5 [x](https://example.org/${index}.mp4.html`).join('\n');
		const line = '![a [b](https://youtu.be/'.repeat(4_000);
		for (const body of [prose, line]) {
			expect(body.length).toBeGreaterThanOrEqual(100_000);
			const started = performance.now();
			expect(videoImagesAsLinks(body, LABELS)).toBe(body);
			expect(performance.now() - started).toBeLessThan(1_000);
		}
	});
});
