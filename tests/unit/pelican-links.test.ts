import { describe, expect, test } from 'vitest';
import { pelicanLinks } from '../../theme/markdown/pelican-links.ts';

describe("Pelican's link placeholders", () => {
	test('are the paths they stand for: static files from the root or beside the post, posts beside it', () => {
		const body = '[rel]({filename}first.md), [img]({static}/images/han.jpg), ![inline]({static}/images/han.jpg)\n![att]({attach}photo.png) <img src="{static}/images/a.png"> [old](|filename|first.md)\n\n[def]: {static}/files/a.pdf\n';
		expect(pelicanLinks(body)).toBe('[rel](first.md), [img](/images/han.jpg), ![inline](/images/han.jpg)\n![att](photo.png) <img src="/images/a.png"> [old](first.md)\n\n[def]: /files/a.pdf\n');
	});

	test('keep a post named from the content root, which Carnet finds by its path, and leave code and prose alone', () => {
		const body = '[abs]({filename}/cat1/first.md) `[c]({static}/x.png)` and {static} in text\n\n```\n[c]({static}/x.png)\n```\n\n    ![Han]({static}/images/han.jpg)\n\n> ```\n> [d]({filename}other.md)\n> ```\n';
		expect(pelicanLinks(body)).toBe(body);
	});
});
