import { describe, expect, test } from 'vitest';
import { foldUndrawnTitleWarnings, undrawnTitleWarning } from '../../theme/utils/card-warnings.ts';

const ADVICE = 'Add a font that has them to the socialCards.fonts option.';
const warning = (file: string, title: string) => undrawnTitleWarning(file, Array.from(title), title, ADVICE);

describe('warnings about titles the social card cannot draw', () => {
	test('name the post, the characters and the title, then the advice', () => {
		expect(warning('src/content/posts/a.md', '東京')).toBe(
			'src/content/posts/a.md: the social card\'s fonts cannot draw 東 京 in the title "東京", so its card shows the blog’s name and the date without the title. Add a font that has them to the socialCards.fonts option.',
		);
	});

	test('are kept one a post for two posts, with the other warnings in their order', () => {
		const messages = ['first', warning('b.md', '東'), 'between', warning('a.md', '京')];
		expect(foldUndrawnTitleWarnings(messages)).toEqual(messages);
	});

	test('are folded into one from three posts on, where the first was: ten files named in order, the others counted, some characters, the advice once', () => {
		const posts = Array.from({ length: 13 }, (_, index) => warning(`posts/p${String(index).padStart(2, '0')}.md`, index % 2 ? '東京' : 'สวัสดี'));
		const folded = foldUndrawnTitleWarnings(['before', ...posts.reverse(), 'after']);
		expect(folded).toHaveLength(3);
		expect(folded[0]).toBe('before');
		expect(folded[2]).toBe('after');
		expect(folded[1]).toBe(
			"The social card's fonts cannot draw the titles of 13 posts (characters such as ส ว ั ด ี 東 京), so their cards show the blog’s name and the date without the title: " +
				'posts/p00.md, posts/p01.md, posts/p02.md, posts/p03.md, posts/p04.md, posts/p05.md, posts/p06.md, posts/p07.md, posts/p08.md, posts/p09.md, and 3 more. ' +
				ADVICE,
		);
	});

	test('fold each advice on its own: posts told to add a font apart from posts whose fonts lack the characters too', () => {
		const other = (file: string) => undrawnTitleWarning(file, ['ก'], 'ก', 'None of the fonts of socialCards.fonts has these characters either.');
		const folded = foldUndrawnTitleWarnings([warning('a.md', '東'), warning('b.md', '東'), warning('c.md', '東'), other('d.md'), other('e.md')]);
		expect(folded).toHaveLength(3);
		expect(folded[0]).toContain('cannot draw the titles of 3 posts');
		expect(folded.slice(1)).toEqual([other('d.md'), other('e.md')]);
	});
});
