import { describe, expect, test } from 'vitest';
import { codeWrapperFor } from '../../theme/markdown/code.ts';
import { readHighlightComments, readShikiNotation } from '../../theme/markdown/highlight-comments.ts';

describe("Docusaurus's highlight comments in a code block", () => {
	test('are not shown, and mark the line under highlight-next-line and the lines between highlight-start and highlight-end', () => {
		const value = ['const a = 1;', '// highlight-next-line', 'const b = 2;', '  # highlight-start', 'one', 'two', '  # highlight-end', '<!-- highlight-next-line -->', '{/* highlight-next-line */}', 'last'].join('\n');
		expect(readHighlightComments(value, 'unknown', 'title="app.js"')).toEqual({ value: 'const a = 1;\nconst b = 2;\none\ntwo\nlast', meta: 'title="app.js" mark={2-5}' });
	});

	test('leave a block without them, a comment that only mentions one, and a style its language does not read, as written', () => {
		expect(readHighlightComments('const a = 1;', 'js', null)).toBeUndefined();
		expect(readHighlightComments('// use highlight-next-line to mark a line', 'js', null)).toBeUndefined();
		// Only the styles Docusaurus reads in the language, and none where the meta string names lines.
		expect(readHighlightComments('// highlight-next-line\nx', 'md', null)).toBeUndefined();
		expect(readHighlightComments('# highlight-next-line\nx', 'js', null)).toBeUndefined();
		expect(readHighlightComments('// highlight-next-line\nx', 'js', '{1}')).toBeUndefined();
		expect(readHighlightComments('# highlight-next-line\nx', 'python', null)).toEqual({ value: 'x', meta: 'mark={1}' });
	});

	test('give the block its marked lines through the wrapper that carries them past highlighting', () => {
		const wrapped = codeWrapperFor({ type: 'code', lang: 'js', meta: null, value: 'a();\n// highlight-next-line\nb();' }, { meta: true, prism: false });
		expect(wrapped?.data?.hProperties).toMatchObject({ dataCarnetMeta: 'mark={2}' });
		expect(wrapped?.children?.[0]).toMatchObject({ value: 'a();\nb();' });
	});
});

describe("Shiki's notation comments in a code block (VitePress, fumadocs, Nextra)", () => {
	test('are left out of the code, the lines they name marked, added or removed', () => {
		const value = ['{', '  "cache": false,', '  "persistent": true // [!code highlight]', '  "old": 1, // [!code --]', '  "new": 2, // [!code ++]', '  "x": 3 /* [!code focus:2] */', '  "y": 4', '}', '# [!code word:cache]'].join('\n');
		expect(readShikiNotation(value, 'title="turbo.json"')).toEqual({
			value: ['{', '  "cache": false,', '  "persistent": true', '  "old": 1,', '  "new": 2,', '  "x": 3', '  "y": 4', '}'].join('\n'),
			meta: 'title="turbo.json" {3,6-7} ins={5} del={4}',
		});
	});

	test('alone on a line are left out with it, and mark the next line, as Shiki 3 reads them', () => {
		expect(readShikiNotation('// [!code word:Hello]\nconst Hello = 1\n  // [!code highlight]\nfoo()\nbar() // [!code ++]', '')).toEqual({ value: 'const Hello = 1\nfoo()\nbar()', meta: '{2} ins={3}' });
	});

	test('are read in linear time on a line of many spaces', () => {
		const started = performance.now();
		readShikiNotation(`const a = 1;${' '.repeat(100_000)}// end\n${' '.repeat(100_000)}x // [!code ++]\nfoo() // [!code ++]`, '');
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	test('leave a block without any, and text that only mentions them mid-line, alone', () => {
		expect(readShikiNotation('const a = 1;', '')).toBeUndefined();
		expect(readShikiNotation('Write "// [!code ++]" at the end of a line.', '')).toBeUndefined();
	});
});
