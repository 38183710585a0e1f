import { describe, expect, test } from 'vitest';
import { linksToFiles, publishedFileLinks } from '../../theme/markdown/file-links.ts';

// The pass that finds links to files beside a post (theme/markdown/file-links.ts) runs on every body; the
// behaviour on real posts is tested through preparePostFile() (post-file.test.ts) and a build (output.test.ts).
describe('links to files beside a post', () => {
	test('a link whose text holds an image, a destination with parentheses and a title are read as one link', () => {
		const read = linksToFiles('[![A](./a.jpg "t")](./a.jpg) [b](b%20(1).pdf \'T\') ![c](./c.mp4)', () => true);
		expect(read.files.map(({ target, image }) => [target, image])).toEqual([
			['./a.jpg', false],
			['b%20(1).pdf', false],
			['./c.mp4', true],
		]);
		expect(read.body).toBe('[![A](./a.jpg "t")](./a.jpg) [b](b%20(1).pdf \'T\') [c](./c.mp4)');
		const addresses = new Map([['./a.jpg', '/p/a.jpg'], ['b%20(1).pdf', '/p/b%20%281%29.pdf'], ['./c.mp4', '/p/c.mp4']]);
		expect(publishedFileLinks(read.body, addresses)).toBe('[![A](./a.jpg "t")](/p/a.jpg) [b](/p/b%20%281%29.pdf \'T\') [c](/p/c.mp4)');
	});

	test('thousands of unclosed links, images and definitions on one line are read within the test timeout', () => {
		for (const unit of ['[a](b', '[a](b.pdf) ', '[![a](b.jpg)](b.jpg)', '![a](', '[![a](b)', '[a](b(', '[![', '](a.pdf', '[x]: a.pdf [', '[a](<b']) {
			const body = unit.repeat(50_000);
			const started = performance.now();
			const read = linksToFiles(body, () => true);
			publishedFileLinks(read.body, new Map(read.files.map(({ target }) => [target, '/p/x'])));
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});
});
