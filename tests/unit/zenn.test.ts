import { describe, expect, test } from 'vitest';
import { readZennEmbeds, readZennImageSizes } from '../../theme/markdown/zenn.ts';

const label = () => 'Watch the video on YouTube';

describe("Zenn's embeds", () => {
	test('a YouTube video by its id is a link to it, and an embed of an address a link to that address, each on its line', () => {
		const body = ['動画はこちら:', '@[youtube](5kQJ_FOjf7Y)', '', '@[tweet](https://twitter.com/jack/status/20)', '@[card](https://zenn.dev/) と説明', '@[codepen](https://codepen.io/ada/pen/abc)'].join('\n');
		expect(readZennEmbeds(body, label)).toEqual({
			body: ['動画はこちら:', '<a href="https://www.youtube.com/watch?v=5kQJ_FOjf7Y">Watch the video on YouTube</a>', '', '<https://twitter.com/jack/status/20>', '<https://zenn.dev/> と説明', '<https://codepen.io/ada/pen/abc>'].join('\n'),
			unread: [],
		});
	});

	test("an embed that names no address (Speaker Deck's id) is shown as written and reported with its line", () => {
		expect(readZennEmbeds('Slides:\n\n@[speakerdeck](4f926da9cb4cd0001f00a1ff)', label)).toEqual({
			body: 'Slides:\n\n@\\[speakerdeck](4f926da9cb4cd0001f00a1ff)',
			unread: [
				{
					line: 3,
					text: '@[speakerdeck](4f926da9cb4cd0001f00a1ff)',
					reason: "Zenn's speakerdeck embed names 4f926da9cb4cd0001f00a1ff, not an address, and Carnet shows no third-party embed. Write a link to what it shows instead",
				},
			],
		});
	});

	test('only at the start of a line and outside code; a mention written as a link stays one', () => {
		const body = ['See @[youtube](abc) here.', '`@[youtube](abc)`', '```', '@[youtube](abc)', '```', '    @[card](https://a.example/)', '@[Ada](https://ada.example/)'].join('\n');
		expect(readZennEmbeds(body, label)).toEqual({ body, unread: [] });
	});
});

describe("Zenn's image sizes", () => {
	test('an image at an address or in public/ with =250x (or =250x100) is an <img> that wide, kept in its paragraph', () => {
		const body = ['![](https://storage.googleapis.com/zenn-user-upload/abc.png =250x)', 'Not a caption.', '', 'Text ![A \\[b\\] "c"](/images/d.png =250x100) more.'].join('\n');
		expect(readZennImageSizes(body)).toBe(
			[
				'<img src="https://storage.googleapis.com/zenn-user-upload/abc.png" alt="" width="250" loading="lazy" decoding="async">&#32;',
				'Not a caption.',
				'',
				'Text <img src="/images/d.png" alt="A [b] &quot;c&quot;" width="250" height="100" loading="lazy" decoding="async"> more.',
			].join('\n'),
		);
	});

	test('a sized image alone in its paragraph over a line in italics is a figure with that caption, its links and code read, each on its line', () => {
		const body = ['Intro.', '', '![](https://x.org/a.png =250x)', '*キャプション with [a link](https://x.org) and `code`*', '', '![](/b.png =250x)', '_Second_', 'and more text.'].join('\n');
		expect(readZennImageSizes(body).split('\n')).toEqual([
			'Intro.',
			'',
			'<figure class="carnet-figure"><img src="https://x.org/a.png" alt="" width="250" loading="lazy" decoding="async">',
			'<figcaption>キャプション with <a href="https://x.org">a link</a> and <code>code</code></figcaption></figure>',
			'',
			'<img src="/b.png" alt="" width="250" loading="lazy" decoding="async">&#32;',
			'_Second_',
			'and more text.',
		]);
	});

	test('an image beside the post loses its size and stays a Markdown image, so that Astro publishes its file', () => {
		expect(readZennImageSizes('![cat](./cat.png =250x)')).toBe('![cat](./cat.png)');
	});

	test('leaves an image escaped with a backslash as written, the text its author meant, and reads one after an escaped backslash', () => {
		const body = ['Zenn sizes an image like this: \\![x](https://x.org/a.png =250x)', 'Three: \\\\\\![y](/y.png =250x)', 'A path C:\\\\![z](/z.png =250x)'].join('\n');
		expect(readZennImageSizes(body)).toBe(
			[
				'Zenn sizes an image like this: \\![x](https://x.org/a.png =250x)',
				'Three: \\\\\\![y](/y.png =250x)',
				'A path C:\\\\<img src="/z.png" alt="z" width="250" loading="lazy" decoding="async">&#32;',
			].join('\n'),
		);
	});

	test('leaves a title, text with =250x, code and scripts as written', () => {
		const body = ['![a](b.png "title")', 'x =250x and ![a](b.png) =250x', '`![](a.png =250x)`', '```', '![](a.png =250x)', '```', '![](javascript:alert(1) =250x)'].join('\n');
		expect(readZennImageSizes(body)).toBe(body);
	});
});
