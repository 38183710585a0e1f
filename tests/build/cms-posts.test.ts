import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Posts as git-based editors (CMSs) write them: Keystatic, CloudCannon, Tina, Pages CMS, after real posts.
const POSTS: Record<string, string> = {
	// Keystatic writes a body image beside its .mdoc post without ./, as a .md post may write it too.
	'beside-in-markdoc.mdoc': '---\ntitle: Beside in Markdoc\ndate: 2024-01-01\n---\n![A pixel](pixel.png)\n\nText.\n',
	'beside-in-markdown.markdown': '---\ntitle: Beside in Markdown\ndate: 2024-01-02\n---\n![A pixel](pixel.png)\n\nText.\n',
	'beside-in-mdx.mdx': '---\ntitle: Beside in MDX\ndate: 2024-01-03\n---\n![A pixel](pixel.png)\n\nText.\n',
	'beside-in-md.md': '---\ntitle: Beside in md\ndate: 2024-01-04\n---\n![A pixel](pixel.png)\n\nText.\n',
	// Keystatic's fields.document named content, with images (AbuBakkarSiddiqueAnir/keystatic-blog-demo): the
	// image is saved in common-mistakes/content/, and the body names it alone.
	'common-mistakes.mdoc': "---\ntitle: Common mistakes\ndate: '2023-11-08'\n---\n![](image.png)\n\n## Introduction\n\nText.\n",
	// A Markdoc figure (Kilo Code's docs): the caption as the tag's content, or as its caption attribute.
	'api-keys.mdoc': `---
title: API keys
publishedOn: 2024-03-02
---

{% image src="/images/a.png" alt="Find the API key on your Profile page" %}
Find the API key on your Profile page.
{% /image %}

{% image src="/images/a.png" alt="Icon" width="800" caption="The Kilo Code icon opens the chat." /%}
`,
	// Markdown in a caption, which Markdoc reads in a tag's content; DeveloperHub's exports name the image url.
	'markdown-captions.mdoc': `---
title: Markdown captions
date: 2024-03-03
---

{% image src="/images/a.png" alt="Red" %}
A *red* square, photo by [Jo](https://jo.example), \`code\` <b>bold</b>
{% /image %}

{% image url="/images/a.png" caption="Document received to sign" mode="600" width="745" %}
{% /image %}

{% image url="pixel.png" %}
Attack Timeline
{% /image %}
`,
};

let site: BuiltSite;

beforeAll(async () => {
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': astroConfig({ title: 'CMS posts' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/pixel.png': await sharp(await makeJpeg(64, 48, 1)).png().toBuffer(),
		'public/images/a.png': await sharp(await makeJpeg(64, 48, 3)).png().toBuffer(),
		'src/content/posts/common-mistakes/content/image.png': await sharp(await makeJpeg(80, 40, 2)).png().toBuffer(),
	};
	for (const [name, contents] of Object.entries(POSTS)) files[`src/content/posts/${name}`] = contents;
	site = await buildSite(writeSite('cms-posts', files));
	expect(site.ok, site.log).toBe(true);
});

const bodyImages = (slug: string) => {
	const $ = site.html(`posts/${slug}/index.html`);
	return $('.carnet-prose img').map((_, img) => ({ src: img.attribs.src, alt: img.attribs.alt })).get();
};

describe('Keystatic posts', () => {
	test.each(['beside-in-markdoc', 'beside-in-markdown', 'beside-in-mdx', 'beside-in-md'])('%s shows a body image beside the post written without ./ (![](pixel.png)), optimised', (slug) => {
		expect(bodyImages(slug)).toEqual([{ src: expect.stringMatching(/^\/_astro\/pixel\.[\w-]+\.webp$/), alt: 'A pixel' }]);
	});

	test("shows a body image where Keystatic saves it, in the folder of the post's name and its content field's (common-mistakes/content/image.png)", () => {
		expect(bodyImages('common-mistakes')).toEqual([{ src: expect.stringMatching(/^\/_astro\/image\.[\w-]+\.webp$/), alt: '' }]);
		expect(site.html('posts/common-mistakes/index.html')('.carnet-prose img').attr('width')).toBe('80');
	});
});

describe('Markdoc posts', () => {
	test("show an image tag's caption, its content ({% image %}…{% /image %}) or its caption attribute, as the figure's caption, without a warning", () => {
		const $ = site.html('posts/api-keys/index.html');
		const figures = $('.carnet-prose figure.carnet-figure')
			.map((_, figure) => ({ src: $(figure).find('img').attr('src'), alt: $(figure).find('img').attr('alt'), caption: $(figure).find('figcaption').text() }))
			.get();
		expect(figures).toEqual([
			{ src: '/images/a.png', alt: 'Find the API key on your Profile page', caption: 'Find the API key on your Profile page.' },
			{ src: '/images/a.png', alt: 'Icon', caption: 'The Kilo Code icon opens the chat.' },
		]);
		expect($('.carnet-prose').text()).not.toContain('{%');
		expect(site.log).not.toContain('api-keys.mdoc');
	});

	test("render Markdown in an image tag's content as the figure's caption (emphasis, links, code), and read DeveloperHub's url as the image", () => {
		const $ = site.html('posts/markdown-captions/index.html');
		const figures = $('.carnet-prose figure.carnet-figure')
			.map((_, figure) => ({ src: $(figure).find('img').attr('src'), caption: $(figure).find('figcaption').html() }))
			.get();
		expect(figures).toEqual([
			{ src: '/images/a.png', caption: 'A <em>red</em> square, photo by <a href="https://jo.example">Jo</a>, <code>code</code> &lt;b&gt;bold&lt;/b&gt;' },
			{ src: '/images/a.png', caption: 'Document received to sign' },
			{ src: expect.stringMatching(/^\/_astro\/pixel\.[\w-]+\.webp$/), caption: 'Attack Timeline' },
		]);
		expect($('.carnet-prose').text()).not.toContain('{%');
		expect(site.log).not.toContain('markdown-captions.mdoc');
	});
});
