import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, test } from 'vitest';
import { frontMatterBlock } from '../../theme/integration/post-sync.ts';

describe('the front matter given to renderMarkdown on the main thread', () => {
	test('reads back as every field a worker thread is given, a key written +++ or --- included', () => {
		const fields = { title: 'P01', '+++': 'plus', '--- note': 'dashes', mood: 'calm', date: new Date('2024-01-01T00:00:00Z'), tags: ['a', '+++'] };
		const { frontmatter, content } = parseFrontmatter(`${frontMatterBlock(fields)}Body.\n`);
		expect(frontmatter).toEqual(fields);
		expect(content).toBe('\nBody.\n');
	});

	test('is an empty block for no fields, so that a body opening with a --- rule is not read as front matter', () => {
		expect(parseFrontmatter(`${frontMatterBlock({})}---\nA rule above.\n`)).toMatchObject({ frontmatter: {}, content: '\n---\nA rule above.\n' });
	});
});
