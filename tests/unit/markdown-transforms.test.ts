import { unified } from '@astrojs/markdown-remark';
import { satteri, type SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { describe, expect, test } from 'vitest';
import { rehypePlugin } from '../../theme/markdown/rehype.ts';
import { satteriTransformPlugins } from '../../theme/markdown/satteri.ts';
import { emptyImagesAsText, scriptImagesAsText, scriptLinksIn } from '../../theme/markdown/script-links.ts';
import { bodyTransforms, siteLink, withBase, withBaseInHtml } from '../../theme/markdown/transforms.ts';

const NNBSP = '\u202F';
const transforms = bodyTransforms({ french: true, base: '/blog' });

// The theme's transforms run inside the real processors, as Astro builds them (createRenderer).
const processors = {
	// The theme types its Sätteri plugins structurally (markdown/satteri.ts), more loosely than Sätteri does.
	satteri: () => satteri(satteriTransformPlugins(transforms) as unknown as Pick<SatteriProcessorOptions, 'mdastPlugins' | 'hastPlugins'>),
	unified: () => unified({ rehypePlugins: transforms.map(rehypePlugin) }),
};

async function renderWith(name: keyof typeof processors, markdown: string): Promise<{ html: string; headings: { text: string }[] }> {
	const renderer = await processors[name]().createRenderer({ syntaxHighlight: false });
	const result = await renderer.render(markdown, {});
	return { html: result.code, headings: result.metadata.headings };
}

const SOURCE = [
	'## Pourquoi : le titre',
	'',
	'Bonjour : voir [la page](/posts/x/) et [ailleurs](https://example.org/) ou [déjà](/blog/tags/) ; ![photo](/images/a.jpg)',
	'',
	'Du code `a : b` ne change pas.',
	'',
	'<a href="/posts/raw/">brut</a> <img src="/images/raw.png" alt="">',
	'',
	'<picture><source srcset="/images/a.webp 1x, /images/a@2x.webp 2x, https://cdn.example/c.webp 3x"><img alt="a > b" src="/images/a.jpg" srcset=\'/images/a.jpg 480w,/images/b.jpg 960w\'></picture>',
	'',
	'<video src="/media/v.mp4" poster="/images/poster.jpg" controls></video>',
	'',
	'```',
	'c : d',
	'```',
].join('\n');

describe.each(Object.keys(processors) as (keyof typeof processors)[])('body transforms under the %s processor', (name) => {
	test('put narrow no-break spaces in prose and headings, never in code', async () => {
		const { html, headings } = await renderWith(name, SOURCE);
		expect(html).toContain(`Bonjour${NNBSP}: voir`);
		expect(html).toContain(`Pourquoi${NNBSP}: le titre`);
		expect(headings[0]?.text).toBe(`Pourquoi${NNBSP}: le titre`);
		expect(html).toContain('<code>a : b</code>');
		expect(html).toContain('c : d');
	});

	test('add the base to root-relative links and images, in Markdown and in raw HTML', async () => {
		const { html } = await renderWith(name, SOURCE);
		expect(html).toContain('href="/blog/posts/x/"');
		expect(html).toContain('src="/blog/images/a.jpg"');
		expect(html).toContain('href="/blog/posts/raw/"');
		expect(html).toContain('src="/blog/images/raw.png"');
		expect(html).toContain('href="https://example.org/"');
		expect(html).toContain('href="/blog/tags/"');
		expect(html).not.toContain('/blog/blog/');
	});

	test('add the base to every address of a raw tag: several attributes, and each srcset candidate', async () => {
		const { html } = await renderWith(name, SOURCE);
		expect(html).toContain('srcset="/blog/images/a.webp 1x, /blog/images/a@2x.webp 2x, https://cdn.example/c.webp 3x"');
		// unified parses raw HTML and writes it back with double quotes; Sätteri keeps it as written.
		expect(html).toMatch(/<img alt="a > b" src="\/blog\/images\/a\.jpg" srcset=["']\/blog\/images\/a\.jpg 480w,\/blog\/images\/b\.jpg 960w["']>/);
		expect(html).toContain('<video src="/blog/media/v.mp4" poster="/blog/images/poster.jpg" controls>');
	});
});

describe('links written in the intro and navigation options', () => {
	test("to a theme page end as the theme's own links do, and get the base; others only the base", () => {
		const never = { base: '/blog', trailingSlash: 'never', buildFormat: 'directory' } as const;
		expect(withBaseInHtml('<a href="/archive/">the archive</a> <a href="/about/">me</a>', never)).toBe('<a href="/blog/archive">the archive</a> <a href="/blog/about/">me</a>');
		expect(['/tags', '/about', 'https://example.org/'].map((href) => siteLink(href, { base: '/', trailingSlash: 'always', buildFormat: 'directory' }))).toEqual(['/tags/', undefined, undefined]);
	});
});

describe('a base with a space or an accent', () => {
	test('goes in front of root-relative addresses percent-encoded, as the theme writes its own links', () => {
		expect(withBase('/about/', '/my blög/')).toBe('/my%20bl%C3%B6g/about/');
		expect(withBaseInHtml('<a href="/about/">a</a> <img src="/images/a.png" alt="">', { base: '/my blög/', trailingSlash: 'ignore', buildFormat: 'directory' })).toBe('<a href="/my%20bl%C3%B6g/about/">a</a> <img src="/my%20bl%C3%B6g/images/a.png" alt="">');
	});

	test('is encoded where an address starts with it as written, and left where it starts with it encoded', () => {
		expect(withBase('/my blög/about/', '/my blög/')).toBe('/my%20bl%C3%B6g/about/');
		expect(withBase('/my%20bl%C3%B6g/about/', '/my blög/')).toBeUndefined();
		expect(withBase('/my blögroll/', '/my blög/')).toBe('/my%20bl%C3%B6g/my blögroll/');
	});
});

// Links to the site's own pages, beside files, unknown paths and other sites, which keep their form.
const PAGE_LINKS = [
	'[post](/posts/post-1/) [archive](/archive/) [tags](/tags/) [tag page 2](/tags/a/page/2/#top) [home](/)',
	'',
	'[about](/about/) [file](/files/a.pdf) [feed](/rss.xml) [away](https://example.org/posts/x/)',
	'',
	'<a href="/posts/raw/?q=1">raw</a>',
].join('\n');

async function pageLinksWith(name: keyof typeof processors, options: Parameters<typeof bodyTransforms>[0]): Promise<string[]> {
	const chosen = bodyTransforms(options);
	const processor = name === 'satteri' ? satteri(satteriTransformPlugins(chosen) as unknown as Pick<SatteriProcessorOptions, 'mdastPlugins' | 'hastPlugins'>) : unified({ rehypePlugins: chosen.map(rehypePlugin) });
	const { code } = await (await processor.createRenderer({ syntaxHighlight: false })).render(PAGE_LINKS, {});
	return [...code.matchAll(/href="([^"]*)"/g)].map((match) => match[1] as string);
}

describe.each(Object.keys(processors) as (keyof typeof processors)[])("links to the site's pages under the %s processor", (name) => {
	test("are written in the site's trailingSlash form: no slash with 'never'", async () => {
		expect(await pageLinksWith(name, { french: false, base: '/', trailingSlash: 'never', buildFormat: 'directory' })).toEqual([
			'/posts/post-1', '/archive', '/tags', '/tags/a/page/2#top', '/',
			'/about/', '/files/a.pdf', '/rss.xml', 'https://example.org/posts/x/',
			'/posts/raw?q=1',
		]);
	});

	test("have no slash under build.format 'file' or 'preserve', whose pages are .html files, with trailingSlash left as it is", async () => {
		for (const buildFormat of ['file', 'preserve'] as const) {
			const links = await pageLinksWith(name, { french: false, base: '/blog/', trailingSlash: 'ignore', buildFormat });
			expect(links.slice(0, 5), buildFormat).toEqual(['/blog/posts/post-1', '/blog/archive', '/blog/tags', '/blog/tags/a/page/2#top', '/blog/']);
			expect(links.slice(5, 6), buildFormat).toEqual(['/blog/about/']);
		}
	});

	test("get a slash with 'always', and the base, the home page under a base being the base alone with 'never'", async () => {
		const always = await pageLinksWith(name, { french: false, base: '/', trailingSlash: 'always', buildFormat: 'directory' });
		expect(always.slice(0, 5)).toEqual(['/posts/post-1/', '/archive/', '/tags/', '/tags/a/page/2/#top', '/']);
		const never = await pageLinksWith(name, { french: false, base: '/blog/', trailingSlash: 'never', buildFormat: 'file', postPattern: '/posts/[slug]' });
		expect(never).toEqual([
			'/blog/posts/post-1', '/blog/archive', '/blog/tags', '/blog/tags/a/page/2#top', '/blog',
			'/blog/about/', '/blog/files/a.pdf', '/blog/rss.xml', 'https://example.org/posts/x/',
			'/blog/posts/raw?q=1',
		]);
	});

	test("are left as written with trailingSlash 'ignore'", async () => {
		expect((await pageLinksWith(name, { french: false, base: '/', trailingSlash: 'ignore', buildFormat: 'directory' })).slice(0, 2)).toEqual(['/posts/post-1/', '/archive/']);
	});
});

// Links that run script, written the ways Markdown allows, beside ones that must keep their address.
const SCRIPT_LINKS = [
	'[plain](javascript:alert(1)) [cased]( JaVaScript:alert(2)) [entity](jav&#x61;script:alert(3)) [tab](java&#9;script:alert(4))',
	'',
	'<javascript:alert(5)> [vb](vbscript:msgbox) [page](data:text/html;base64,PGI+aGk8L2I+) [ref][r] ![pic](javascript:alert(6))',
	'',
	'[r]: javascript:alert(7)',
	'',
	'[kept](/posts/x/) [mail](mailto:a@example.com) [tel](tel:+331) ![dot](data:image/png;base64,iVBORw0KGgo=) [word](javascriptnotes/)',
	'',
	'<a href="javascript:raw()">raw HTML, the author\'s own</a>',
].join('\n');

describe.each(Object.keys(processors) as (keyof typeof processors)[])('script links under the %s processor', (name) => {
	test('keep the text of a Markdown link to javascript:, vbscript: or data: and drop its address', async () => {
		const { html } = await renderWith(name, SCRIPT_LINKS);
		for (const text of ['plain', 'cased', 'entity', 'vb', 'page', 'ref']) expect(html).toMatch(new RegExp(`<a>${text}</a>`));
		expect(html).toContain('<a>javascript:alert(5)</a>');
		// Markdown percent-encodes the tab, which leaves a relative address that runs nothing.
		expect(html).toContain('href="java%09script:alert(4)"');
		const markdownMade = html.slice(0, html.indexOf('javascript:raw'));
		expect(markdownMade).not.toMatch(/(?:href|src)="\s*(?:javascript:|vbscript:|data:text)/i);
		expect(html).toMatch(/<img alt="pic"|<img[^>]*alt="pic"/);
	});

	test('leave other addresses, data: images and raw HTML as written', async () => {
		const { html } = await renderWith(name, SCRIPT_LINKS);
		expect(html).toContain('href="/blog/posts/x/"');
		expect(html).toContain('href="mailto:a@example.com"');
		expect(html).toContain('href="tel:+331"');
		expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
		expect(html).toContain('href="javascriptnotes/"');
		expect(html).toContain('href="javascript:raw()"');
	});
});

describe('scriptLinksIn()', () => {
	test('names the line and address of each Markdown link, image, autolink and definition that runs script, outside code', () => {
		const body = [...SCRIPT_LINKS.split('\n'), '', '`[code](javascript:x)`', '', '```', '[fenced](javascript:y)', '```'].join('\n');
		expect(scriptLinksIn(body)).toEqual([
			{ line: 1, address: 'javascript:alert(1)', image: false },
			{ line: 1, address: 'JaVaScript:alert(2)', image: false },
			{ line: 1, address: 'jav&#x61;script:alert(3)', image: false },
			{ line: 1, address: 'java&#9;script:alert(4)', image: false },
			{ line: 3, address: 'vbscript:msgbox', image: false },
			{ line: 3, address: 'data:text/html;base64,PGI+aGk8L2I+', image: false },
			{ line: 3, address: 'javascript:alert(6)', image: true },
			{ line: 3, address: 'javascript:alert(5)', image: false },
			{ line: 5, address: 'javascript:alert(7)', image: false },
		]);
	});

	test('names a link whose text wraps over lines by its first line, and an address written with character references', () => {
		const body = [
			'See [the wrapped link',
			'text](javascript:alert(1)) here.',
			'',
			'See [ent](jav&#x61;script:alert(2)) and ![img](&#106;avascript:alert(3)) and [r].',
			'',
			'[r]: jav&#x61;script:alert(4)',
			'',
			'[not a link',
			'',
			'across paragraphs](javascript:alert(5)) `[code',
			'span](javascript:alert(6))`',
		].join('\n');
		expect(scriptLinksIn(body)).toEqual([
			{ line: 1, address: 'javascript:alert(1)', image: false },
			{ line: 4, address: 'jav&#x61;script:alert(2)', image: false },
			{ line: 4, address: '&#106;avascript:alert(3)', image: true },
			{ line: 6, address: 'jav&#x61;script:alert(4)', image: false },
		]);
	});

	test("names a link's address in angle brackets once, not again as an autolink", () => {
		expect(scriptLinksIn('[angle](<javascript:alert(1)>) and <javascript:alert(2)>')).toEqual([
			{ line: 1, address: 'javascript:alert(1)', image: false },
			{ line: 1, address: 'javascript:alert(2)', image: false },
		]);
	});

	test('reads a paragraph of a hundred kilobytes of brackets and links in good time', () => {
		const started = performance.now();
		expect(scriptLinksIn(`${`${'[a '.repeat(33)}\n`.repeat(1_000)}](javascript:x)`)).toHaveLength(1);
		expect(scriptLinksIn('`a` [b](<javascript:c>) '.repeat(5_000))).toHaveLength(5_000);
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	test('reads a hundred kilobytes of open brackets and character references in good time, still naming a wrapped link written with them', () => {
		const started = performance.now();
		expect(scriptLinksIn(`${'[a\n'.repeat(34_000)}&#8217;`)).toEqual([]);
		expect(scriptLinksIn(`${'[a]\n'.repeat(25_000)}&#8217;`)).toEqual([]);
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(scriptLinksIn(`${'It&#8217;s [a\n'.repeat(3_000)}\n[t\next](jav&#x61;script:x) and [u](java&Tab;script:y)`)).toEqual([
			{ line: 3_002, address: 'jav&#x61;script:x', image: false },
			{ line: 3_003, address: 'java&Tab;script:y', image: false },
		]);
	});

	test('finds nothing in a body without such a link', () => {
		expect(scriptLinksIn('A [link](https://example.com/javascript:) and [notes](javascript-notes/) on data: formats.')).toEqual([]);
	});
});

describe('emptyImagesAsText()', () => {
	test('writes an image with no address as its alt text, with its line, and leaves code and images with an address alone', () => {
		const body = ['Intro.', '', '![Homer]() and ![x](<>) and ![ok](./a.png)', '', '`![code]()`', '', '```', '![fenced]()', '```'].join('\n');
		expect(emptyImagesAsText(body)).toEqual({ body: body.replace('![Homer]() and ![x](<>)', 'Homer and x'), lines: [3, 3] });
		expect(emptyImagesAsText('![a](b.png)')).toEqual({ body: '![a](b.png)', lines: [] });
		// A fragment alone names no image (Hextra's `![TODO: screenshot](#)`); a file with one does.
		expect(emptyImagesAsText('![TODO: screenshot](#) ![b](<#>) ![c](./c.png#x)')).toEqual({ body: 'TODO: screenshot b ![c](./c.png#x)', lines: [1, 1] });
	});
});

describe('scriptImagesAsText()', () => {
	test('writes an image whose source runs script as its alt text, and leaves other images and code alone', () => {
		expect(scriptImagesAsText(SCRIPT_LINKS).split('\n')[2]).toBe('<javascript:alert(5)> [vb](vbscript:msgbox) [page](data:text/html;base64,PGI+aGk8L2I+) [ref][r] pic');
		const kept = '![dot](data:image/png;base64,iVBORw0KGgo=) `![code](javascript:x)` ![page](/p.png "javascript: a title")';
		expect(scriptImagesAsText(kept)).toBe(kept);
		expect(scriptImagesAsText('![img](jav&#x61;script:alert(1)) ![ok](caf&eacute;.png)')).toBe('img ![ok](caf&eacute;.png)');
		// By reference too, in its three forms; an image of another definition stays.
		const references = '![a chart][C] ![c][] ![c] ![fine][ok] `![c]`\n\n[c]: javascript:alert(3)\n[ok]: /ok.png\n';
		expect(scriptImagesAsText(references)).toBe('a chart c c ![fine][ok] `![c]`\n\n[c]: javascript:alert(3)\n[ok]: /ok.png\n');
	});
});

describe('bodyTransforms()', () => {
	test('gives an English blog at the root of its domain only the sizes of images in public/ and links without script', () => {
		expect(bodyTransforms({ french: false, base: '/' }).map((transform) => transform.name)).toEqual(['script-links', 'image-sizes']);
	});

	test('adds French spacing for a French blog and base links for a blog under a base', () => {
		expect(bodyTransforms({ french: true, base: '/blog/' }).map((transform) => transform.name)).toEqual(['script-links', 'image-sizes', 'french-spacing', 'base-links']);
	});
});
