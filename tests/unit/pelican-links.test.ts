import { describe, expect, test } from 'vitest';
import { ghostLinks, pelicanLinks } from '../../theme/markdown/pelican-links.ts';

describe("Pelican's link placeholders", () => {
	test('are the paths they stand for: static files from the root or beside the post, posts beside it', () => {
		const body = '[rel]({filename}first.md), [img]({static}/images/han.jpg), ![inline]({static}/images/han.jpg)\n![att]({attach}photo.png) <img src="{static}/images/a.png"> [old](|filename|first.md)\n\n[def]: {static}/files/a.pdf\n';
		expect(pelicanLinks(body)).toBe('[rel](first.md), [img](/images/han.jpg), ![inline](/images/han.jpg)\n![att](photo.png) <img src="/images/a.png"> [old](first.md)\n\n[def]: /files/a.pdf\n');
	});

	test('keep a post named from the content root, which Carnet finds by its path, and leave code and prose alone', () => {
		const body = '[abs]({filename}/cat1/first.md) `[c]({static}/x.png)` and {static} in text\n\n```\n[c]({static}/x.png)\n```\n\n    ![Han]({static}/images/han.jpg)\n\n> ```\n> [d]({filename}other.md)\n> ```\n';
		expect(pelicanLinks(body)).toBe(body);
	});

	test("read a {filename} path that names no post as a static file from the root, as Pelican takes any file of its content folder", () => {
		const body = '![shot]({filename}/images/shot.png) [slides]({filename}/files/talk.pdf "Slides") <img src="{filename}/images/a.png">\n[post]({filename}/pages/index.md) [old](|filename|/cat/first.markdown#part) [rst]({filename}/pages/about.rst)\n';
		expect(pelicanLinks(body)).toBe('![shot](/images/shot.png) [slides](/files/talk.pdf "Slides") <img src="/images/a.png">\n[post]({filename}/pages/index.md) [old](|filename|/cat/first.markdown#part) [rst]({filename}/pages/about.rst)\n');
	});

	test('read their braces percent-encoded, in either case, as mixxx.org writes them', () => {
		const body = '[![Shot](%7Bstatic%7D/images/1.8/a.png)](%7bstatic%7d/images/1.8/a.png) ![beside](%7Battach%7Dphoto.png)\n[release](%7Bfilename%7D/news/release.md) ![x](%7Bfilename%7D/images/x.png)\n\n[def]: %7Bstatic%7D/files/a.pdf\n';
		expect(pelicanLinks(body)).toBe('[![Shot](/images/1.8/a.png)](/images/1.8/a.png) ![beside](photo.png)\n[release](%7Bfilename%7D/news/release.md) ![x](/images/x.png)\n\n[def]: /files/a.pdf\n');
		const code = '`![x](%7Bstatic%7D/a.png)`\n\n    ![y](%7Bstatic%7D/b.png)\n';
		expect(pelicanLinks(code)).toBe(code);
	});
});

describe("Ghost's __GHOST_URL__, its exports' placeholder for the site's root", () => {
	test("is the site's root in links, images, reference definitions and raw HTML (srcset too)", () => {
		const body = [
			'![](__GHOST_URL__/content/images/2020/01/dark-mode.jpg) See [the older post](__GHOST_URL__/2018/03/18/run-stuff/) or [home](__GHOST_URL__).',
			'<img src="__GHOST_URL__/content/images/a.jpg" srcset="__GHOST_URL__/content/images/size/w600/a.jpg 600w, __GHOST_URL__/content/images/a.jpg 1000w">',
			'',
			'[def]: __GHOST_URL__/about/',
		].join('\n');
		expect(ghostLinks(body)).toBe(
			[
				'![](/content/images/2020/01/dark-mode.jpg) See [the older post](/2018/03/18/run-stuff/) or [home](/).',
				'<img src="/content/images/a.jpg" srcset="/content/images/size/w600/a.jpg 600w, /content/images/a.jpg 1000w">',
				'',
				'[def]: /about/',
			].join('\n'),
		);
	});

	test('is left as written in code', () => {
		const body = '`__GHOST_URL__/x` in text\n\n```\n[c](__GHOST_URL__/x)\n```\n\n    ![a](__GHOST_URL__/a.png)\n';
		expect(ghostLinks(body)).toBe(body);
		expect(ghostLinks('`__GHOST_URL__` then [x](__GHOST_URL__/x) `__GHOST_URL__`')).toBe('`__GHOST_URL__` then [x](/x) `__GHOST_URL__`');
		// HTML's code, and a mention in prose, which is no address.
		const html = '<pre><code>{"feature_image": "__GHOST_URL__/a.jpg"}</code></pre>\n\n<pre>\n__GHOST_URL__/b.jpg\n</pre>\n\nGhost writes __GHOST_URL__ for its root, <code>__GHOST_URL__/c</code>.';
		expect(ghostLinks(html)).toBe(html);
		// A <pre> named in a code span opens no block.
		expect(ghostLinks('Wrap it in a `<pre>` element.\n\n![img](__GHOST_URL__/a.jpg)')).toBe('Wrap it in a `<pre>` element.\n\n![img](/a.jpg)');
	});

	// Most of the time is the Markdown parser's, which finds the code (as for Pelican's placeholders).
	test.each([
		['links', '[a](__GHOST_URL__/x) '.repeat(5_000)],
		['code spans between placeholders', '`a` __GHOST_URL__/x '.repeat(5_000)],
		['placeholders before an unclosed code span', `${'__GHOST_URL__'.repeat(8_000)} \`${'_'.repeat(100_000)}`],
	])('is read in good time on a line of 100 KB of %s', (_, line) => {
		const started = performance.now();
		ghostLinks(line);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});
