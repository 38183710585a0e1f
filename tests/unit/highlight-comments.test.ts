import { describe, expect, test } from 'vitest';
import { codeWrapperFor } from '../../theme/markdown/code.ts';
import { readHighlightComments } from '../../theme/markdown/highlight-comments.ts';

describe("Docusaurus's highlight comments in a code block", () => {
	test('are not shown, and mark the line under highlight-next-line and the lines between highlight-start and highlight-end', () => {
		const value = ['const a = 1;', '// highlight-next-line', 'const b = 2;', '  # highlight-start', 'one', 'two', '  # highlight-end', '<!-- highlight-next-line -->', '{/* highlight-next-line */}', 'last'].join('\n');
		expect(readHighlightComments(value, 'title="app.js"')).toEqual({ value: 'const a = 1;\nconst b = 2;\none\ntwo\nlast', meta: 'title="app.js" mark={2-5}' });
	});

	test('leave a block without them, and a comment that only mentions one, as written', () => {
		expect(readHighlightComments('const a = 1;', null)).toBeUndefined();
		expect(readHighlightComments('// use highlight-next-line to mark a line', null)).toBeUndefined();
	});

	test('give the block its marked lines through the wrapper that carries them past highlighting', () => {
		const wrapped = codeWrapperFor({ type: 'code', lang: 'js', meta: null, value: 'a();\n// highlight-next-line\nb();' }, { meta: true, prism: false });
		expect(wrapped?.data?.hProperties).toMatchObject({ dataCarnetMeta: 'mark={2}' });
		expect(wrapped?.children?.[0]).toMatchObject({ value: 'a();\nb();' });
	});
});
