import { describe, expect, test } from 'vitest';
import { readZennEmbeds } from '../../theme/markdown/zenn.ts';

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

	test('reads a line of a hundred thousand characters in good time', () => {
		const start = performance.now();
		readZennEmbeds(`@[card](${'a('.repeat(50_000)}`, label);
		readZennEmbeds(`@[youtube](${'a'.repeat(100_000)}`, label);
		expect(performance.now() - start).toBeLessThan(500);
	});
});
