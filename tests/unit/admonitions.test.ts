import { describe, expect, test } from 'vitest';
import { admonitionsAsCallouts } from '../../theme/markdown/admonitions.ts';
import { findWikilinks } from '../../theme/markdown/wikilinks.ts';

describe('admonitions as Docusaurus and Fuwari write them', () => {
	test('become callouts, with their title, each line on its line', () => {
		const body = ['Intro.', '', ':::tip', '', 'Use React.', '', ':::', '', ':::note[MY CUSTOM TITLE]', 'A note.', ':::', ':::danger Take care', 'Hot.', ':::', 'After.'].join('\n');
		expect(admonitionsAsCallouts(body)).toEqual({
			body: ['Intro.', '', '> [!TIP]', '>', '> Use React.', '>', '>', '', '> [!NOTE] MY CUSTOM TITLE', '> A note.', '>', '> [!CAUTION] Take care', '> Hot.', '>', 'After.'].join('\n'),
			unknown: [],
		});
	});

	test('nest by their number of colons, and leave fenced examples and unclosed openings alone', () => {
		const body = ['::::info Outer', ':::tip', 'Inner.', ':::', '::::', '```markdown', ':::note', 'Example.', ':::', '```', ':::warning', 'Never closed.'].join('\n');
		expect(admonitionsAsCallouts(body).body).toBe(
			['> [!NOTE] Outer', '> > [!TIP]', '> > Inner.', '> >', '>', '```markdown', ':::note', 'Example.', ':::', '```', ':::warning', 'Never closed.'].join('\n'),
		);
	});

	test('of a kind Carnet does not read stay as written, with their line', () => {
		expect(admonitionsAsCallouts('Text.\n:::details Summary\nHidden.\n:::\n')).toEqual({
			body: 'Text.\n:::details Summary\nHidden.\n:::\n',
			unknown: [{ line: 2, text: ':::details Summary', reason: 'Carnet reads the admonitions note, info, tip, important, warning, caution, danger, not details' }],
		});
	});
});

describe('Obsidian wikilinks', () => {
	test('are found outside code, with their line', () => {
		expect(findWikilinks('See [[Note]] and [[Note|alias]].\n\n`[[code]]`\n```\n[[fenced]]\n```\n![[image.png]]')).toEqual([
			{ line: 1, text: '[[Note]]' },
			{ line: 1, text: '[[Note|alias]]' },
			{ line: 7, text: '![[image.png]]' },
		]);
	});
});
