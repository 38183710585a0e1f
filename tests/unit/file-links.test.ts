import { describe, expect, test } from 'vitest';
import { linksToFiles, publishedFileLinks } from '../../theme/markdown/file-links.ts';

// The pass that finds links to files beside a post (theme/markdown/file-links.ts) runs on every body; the
// behaviour on real posts is tested through preparePostFile() (post-file.test.ts) and builds.

/** The body with every file published at `/p/<path>`, as the loader points its links once the post's address is known. */
function published(body: string, exists: (file: string) => boolean = (file) => !file.includes('missing')): { body: string; targets: string[]; problems: string[] } {
	const read = linksToFiles(body, exists);
	const targets = new Map<string, string>();
	const addresses = new Map<string, string>();
	for (const { target, published: where } of read.files) {
		if (!('placeholder' in where)) continue;
		targets.set(where.placeholder, target);
		addresses.set(where.placeholder, `/p/${where.path}`);
	}
	return {
		body: publishedFileLinks(read.body, targets, addresses),
		targets: read.files.filter(({ published: where }) => 'path' in where).map(({ target }) => target),
		problems: read.files.flatMap(({ target, published: where }) => ('problem' in where ? [target] : [])),
	};
}

describe('links to files beside a post', () => {
	test('are read as Markdown reads them: a link around an image, titles in quotes or parentheses, nested brackets, text over two lines, angle brackets', () => {
		const body = '[![A](./a.jpg "t")](./a.jpg) [b](b(1).pdf \'T\') [c](./c.pdf (title)) [a [b] c](./d.pdf) [two\nlines](./e.pdf) [f](<f f.pdf>)';
		expect(published(body).body).toBe('[![A](./a.jpg "t")](/p/a.jpg) [b](/p/b(1).pdf \'T\') [c](/p/c.pdf (title)) [a [b] c](/p/d.pdf) [two\nlines](/p/e.pdf) [f](</p/f f.pdf>)');
	});

	test('an image of a file that is no image becomes a link, inline or by reference, named by the file without alt text; an image of an image is left to Astro', () => {
		expect(published('![clip](./clip.mp4) ![photo](./photo.jpg) ![](./my_clip.mp4 "T")').body).toBe('[clip](/p/clip.mp4) ![photo](./photo.jpg) [my\\_clip.mp4](/p/my_clip.mp4 "T")');
		expect(published('![clip][v] ![][v]\n\n[v]: ./clip.mp4\n').body).toBe('[clip][v] [clip.mp4][v]\n\n[v]: /p/clip.mp4\n');
	});

	test('an image of a file that is no image inside a link becomes the link\'s text, as a link cannot hold another', () => {
		expect(published('[![A clip](./clip.mp4)](./clip.mp4) [![](./clip.mp4)](https://youtu.be/x) [![poster](./poster.jpg)](./clip.mp4)').body).toBe(
			'[A clip](/p/clip.mp4) [clip.mp4](https://youtu.be/x) [![poster](./poster.jpg)](/p/clip.mp4)',
		);
	});

	test("each candidate of an <img>'s or a <source>'s srcset is published, its descriptor kept", () => {
		const body = '<picture><source srcset="./wide.png" media="(min-width: 60em)"><img src="./pic.png" srcset="./pic.png 1x, ./only2x.png 2x" class="y" alt=""></picture>\n';
		const result = published(body);
		expect(result.targets).toEqual(['./wide.png', './pic.png', './only2x.png']);
		expect(result.body).toBe('<picture><source srcset="/p/wide.png" media="(min-width: 60em)"><img src="/p/pic.png" srcset="/p/pic.png 1x, /p/only2x.png 2x" class="y" alt=""></picture>\n');
	});

	test('a video, an audio file and a poster in HTML are published', () => {
		const body = '<video controls poster="./poster.jpg">\n<source src="./clip.webm" type="video/webm">\n</video>\n\n<audio src="./song.mp3"></audio>\n';
		const result = published(body);
		expect(result.targets).toEqual(['./poster.jpg', './clip.webm', './song.mp3']);
		expect(result.body).toBe(body.replace('./poster.jpg', '/p/poster.jpg').replace('./clip.webm', '/p/clip.webm').replace('./song.mp3', '/p/song.mp3'));
	});

	test('a name written with a character reference or an escape is the file the parser and the browser read: ./a&amp;b.pdf is a&b.pdf', () => {
		const files = new Set(['./a&b.pdf', './a_b.pdf', './x&y.pdf']);
		const read = (body: string) => {
			const result = linksToFiles(body, (file) => files.has(file));
			return result.files.map(({ target, published: where }) => [target, 'path' in where ? where.path : where.problem]);
		};
		expect(read('<a href="./a&amp;b.pdf">a</a> [b](./a\\_b.pdf) [c](./x&amp;y.pdf) [d][d]\n\n[d]: ./a&#38;b.pdf\n')).toEqual([
			['./a&amp;b.pdf', 'a&b.pdf'],
			['./a\\_b.pdf', 'a_b.pdf'],
			['./x&amp;y.pdf', 'x&y.pdf'],
			['./a&#38;b.pdf', 'a&b.pdf'],
		]);
		expect(published('<a href="./a&amp;b.pdf">a</a> [b](./a\\_b.pdf)', (file) => files.has(file)).body).toBe('<a href="/p/a&b.pdf">a</a> [b](/p/a_b.pdf)');
	});

	test('a post of a dozen files and more gets each link to its own file', () => {
		const body = Array.from({ length: 12 }, (_, index) => `[f${index}](./f${index}.pdf)`).join(' ');
		expect(published(body).body).toBe(Array.from({ length: 12 }, (_, index) => `[f${index}](/p/f${index}.pdf)`).join(' '));
	});

	test('a reference definition is published when a link uses it, in a quote or a list too, and left alone when none does or only an image of an image does', () => {
		expect(published('See [the slides][s].\n\n> [s]: ./talk.pdf "Slides"\n').body).toBe('See [the slides][s].\n\n> [s]: /p/talk.pdf "Slides"\n');
		// Used by an image of the photo too, the definition stays as written, for Astro to optimise the image: the
		// photo is published where the link, as written, leads from the post's page.
		const shared = published('[full][p] ![p][p]\n\n[p]: ./photo.jpg\n');
		expect([shared.body, shared.targets]).toEqual(['[full][p] ![p][p]\n\n[p]: ./photo.jpg\n', ['./photo.jpg']]);
		const unused = published('No link.\n\n[unused]: ./unused.xlsx\n\n![p][q]\n\n[q]: ./photo.jpg\n');
		expect(unused.targets).toEqual([]);
	});

	test('an HTML link is published, and one in a comment, an escaped bracket, code and a footnote of a path are not', () => {
		const body = '<a href="./a.pdf">a</a> and <!-- <a href="./secret.pdf">s</a> -->\n\n\\[x](./escaped.pdf) `[c](./code.pdf)`\n\n    [i](./indented.pdf)\n\nA note[^1].\n\n[^1]: ./note.pdf\n';
		const result = published(body);
		expect(result.targets).toEqual(['./a.pdf']);
		expect(result.body).toBe(body.replace('<a href="./a.pdf">', '<a href="/p/a.pdf">'));
	});

	test('files outside the folder, hidden, named as the page, or whose name has a % are reported and left as written; missing files and addresses are not read', () => {
		const body = '[a](../x.pdf) [b](./.env) [c](index.html) [d](./a%2520b.pdf) [e](./missing.pdf) [f](/files/x.pdf) [g](https://example.com/x.pdf) [h](other.md)';
		const result = published(body);
		expect(result.problems).toEqual(['../x.pdf', './.env', 'index.html', './a%2520b.pdf']);
		expect(result.body).toBe(body);
	});

	test('the same file linked twice is one file, and each link leads to it', () => {
		const result = published('[a](./t.pdf) [b](./t.pdf) [c](t.pdf#page=2)');
		expect(result.body).toBe('[a](/p/t.pdf) [b](/p/t.pdf) [c](/p/t.pdf)');
		expect(result.targets).toEqual(['./t.pdf', 't.pdf#page=2']);
	});

	test('thousands of unclosed links, images and definitions on one line are read within the test timeout', () => {
		for (const unit of ['[a](b', '[a](b.pdf) ', '![a](b.jpg)', '![a \\[b\\]](b.jpg)', '[![a](b.jpg)](b.jpg)', '![a](', '[![a](b)', '[a](b(', '[![', '](a.pdf', '[x]: a.pdf [', '[a](<b', '<a href="x.pdf">']) {
			const body = unit.repeat(50_000);
			const started = performance.now();
			published(body, () => true);
			expect(performance.now() - started, unit).toBeLessThan(5_000);
		}
	});

	test('a post of thousands of links to files is read within the test timeout', () => {
		const body = '[a](./a.pdf) and [b](./b.pdf "B") and ![c](./c.mp4)\n\n'.repeat(3_000);
		const started = performance.now();
		const result = published(body, () => true);
		expect(performance.now() - started).toBeLessThan(5_000);
		expect(result.body).toBe('[a](/p/a.pdf) and [b](/p/b.pdf "B") and [c](/p/c.mp4)\n\n'.repeat(3_000));
	});
});
