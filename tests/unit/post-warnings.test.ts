import { describe, expect, test } from 'vitest';
import { PostWarnings, kindOf } from '../../theme/integration/post-warnings.ts';

function told(): { log: string[]; warnings: PostWarnings } {
	const log: string[] = [];
	return { log, warnings: new PostWarnings((message) => log.push(message)) };
}

describe('kindOf', () => {
	test('reads two warnings that differ in their quoted text and numbers as one kind', () => {
		expect(kindOf('the link to "javascript:a()" is shown as its text')).toBe(kindOf('the link to "javascript:b(2)" is shown as its text'));
		expect(kindOf("featured_image '/a.jpg' was not found")).toBe(kindOf("featured_image '/b.jpg' was not found"));
	});

	test('reads warnings that name different constructs or problems as different kinds', () => {
		expect(kindOf('KaTeX knows no command \\foo, so …')).not.toBe(kindOf('KaTeX knows no command \\bar, so …'));
		expect(kindOf("the post's tag is empty")).not.toBe(kindOf("the post's date is empty"));
	});
});

describe('PostWarnings', () => {
	test('tells the first ten warnings of a kind in a post, then the count and lines of the others, in the order the post gave them', () => {
		const { log, warnings } = told();
		warnings.begin('a.md');
		warnings.warn('a.md', 'a.md:2: a first problem.');
		const lines = [4, 9, 12, 20, 31, 33, 35, 37, 39, 41, 43, 45];
		for (const line of lines) warnings.warn('a.md', `a.md:${line}: "x${line}" is shown as written.`);
		warnings.warn('a.md', 'a.md:50: another problem.');
		warnings.end('a.md');
		expect(log).toEqual([
			'a.md:2: a first problem.',
			...lines.slice(0, 10).map((line) => `a.md:${line}: "x${line}" is shown as written.`),
			'a.md: 2 more warnings like the one above (on lines 43, 45).',
			'a.md:50: another problem.',
		]);
	});

	test('tells a handful of one kind of warning in a post each with its value, as a post with four script links has them', () => {
		const { log, warnings } = told();
		warnings.begin('a.md');
		for (const line of [5, 7, 13, 15]) warnings.warn('a.md', `a.md:${line}: the link to "javascript:${line}" is shown as its text.`);
		warnings.end('a.md');
		expect(log).toEqual([5, 7, 13, 15].map((line) => `a.md:${line}: the link to "javascript:${line}" is shown as its text.`));
	});

	test('tells the posts in the order they were begun, whichever finishes first, so that the same posts give the same log', () => {
		const { log, warnings } = told();
		for (const name of ['a.md', 'b.md', 'c.md']) warnings.begin(name);
		warnings.warn('c.md', 'c.md:3: a problem.');
		warnings.end('c.md');
		warnings.warn('b.md', 'b.md:4: a problem.');
		warnings.end('b.md');
		expect(log).toEqual([]);
		warnings.warn('a.md', 'a.md:5: another problem.');
		warnings.end('a.md');
		expect(log).toEqual(['a.md:5: another problem.', 'b.md:4: a problem.', 'c.md:3: a problem.']);
	});

	test('tells the same twenty posts in full whichever posts finish first', () => {
		const { log, warnings } = told();
		const names = Array.from({ length: 30 }, (_, index) => `p${String(index).padStart(2, '0')}.md`);
		for (const name of names) warnings.begin(name);
		for (const name of names.toReversed()) {
			warnings.warn(name, `${name}:3: a problem.`);
			warnings.end(name);
		}
		warnings.endFullSync();
		expect(log.slice(0, 20)).toEqual(names.slice(0, 20).map((name) => `${name}:3: a problem.`));
		expect(log.at(-1)).toContain('is also given in 10 more posts');
		expect(log.at(-1)).toContain('p20.md, p21.md');
	});

	test('tells every post of a kind when twenty posts or fewer have it', () => {
		const { log, warnings } = told();
		for (let index = 0; index < 20; index++) warnings.warn(`p${index}.md`, `p${index}.md:3: a problem.`);
		warnings.endFullSync();
		expect(log).toHaveLength(20);
	});

	test('tells each warning as it comes once the full sync is over, as astro dev reads a post saved again', () => {
		const { log, warnings } = told();
		for (let index = 0; index < 30; index++) warnings.warn(`p${index}.md`, `p${index}.md:3: a problem.`);
		warnings.endFullSync();
		expect(log).toHaveLength(21);
		expect(log.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, index) => `p${index}.md:3: a problem.`));
		expect(log.at(-1)).toContain('is also given in 10 more posts, 10 times in all');
		warnings.warn('p29.md', 'p29.md:3: a problem.');
		expect(log.at(-1)).toBe('p29.md:3: a problem.');
	});
});
