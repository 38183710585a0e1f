import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Posts as Hugo, Jekyll and Astro's blog starter write them, copied in unchanged. Each post that must
// not be published has an image of its own beside it, whose name would show up in dist/ if it leaked.
const POSTS: Record<string, string> = {
	'hugo-yaml.md': `---
title: "Hugo in YAML"
date: 2023-05-01T10:00:00+02:00
lastmod: ""
draft: false
featured_image: ""
description: ""
subtitle: ""
images: ["/images/hugo-og.jpg"]
tags: [Astro, web]
categories: [Web, Migration]
keywords: [static, blog]
aliases: [/post/old-hugo-yaml/]
author: Ada Lovelace
slug: hugo-in-yaml
---
Written for Hugo.
`,
	'hugo-toml.md': `+++
title = "Hugo in TOML"
date = 2023-04-01T09:30:00
publishDate = 2023-04-01T09:30:00
expiryDate = 2099-01-01
categories = ["Migration", "Hugo"]
authors = ["Ada Lovelace", { name = "Grace Hopper", email = "grace@example.com", url = "https://grace.example.com/" }]
featured_image = ""
+++
Written for Hugo, in TOML[^1].

<!--more-->

The rest of the post.

[^1]: Tom's Obvious Minimal Language.
`,
	'expired.md': `+++
title = "Expired offer"
date = 2019-06-01
expiryDate = 2020-01-01
featured_image = "./expired-cover.jpg"
tags = ["Offers"]
+++
This offer ended. ![inline](./expired-inline.jpg)
`,
	'future.md': `---
title: Coming soon
publishDate: 2099-01-01
heroImage: ./future-cover.jpg
tags: [Soon]
---
Not yet.
`,
	'_posts/2024-01-05-hello-jekyll.md': `---
layout: post
title: "Hello Jekyll"
subtitle: Each post also has a subtitle
categories: jekyll update
excerpt: "A post from Jekyll's _posts folder."
permalink: /2024/01/05/hello.html
---
Written for Jekyll.
`,
	'_posts/2023-02-01-unpublished.md': `---
layout: post
title: "Unpublished in Jekyll"
published: false
image: ./unpublished-cover.jpg
---
Kept back.
`,
	// hexo-blog-encrypt's password, its key in capitals: held back, as password: is.
	'locked.md': '---\ntitle: Behind a password\ndate: 2024-02-02\nPassword: topsecret\ntags: [Locked]\n---\nThe locked text.\n',
	// Keys that hold a post back written in another case, as Hugo reads keys: held back, as their lower-case spellings are.
	'status-draft.md': '---\ntitle: Status in capitals\ndate: 2024-02-03\nStatus: draft\ntags: [Cased]\n---\nThe cased status text.\n',
	'members-only.md': '---\ntitle: Visibility in capitals\ndate: 2024-02-04\nVisibility: members\ntags: [Cased]\n---\nThe members text.\n',
	'headless-bundle.md': '---\ntitle: Headless in capitals\ndate: 2024-02-05\nHeadless: true\ntags: [Cased]\n---\nThe headless text.\n',
	'never-rendered.md': '---\ntitle: Build in capitals\ndate: 2024-02-06\nBuild:\n  render: never\ntags: [Cased]\n---\nThe unrendered text.\n',
	// Mizuki's encrypted written as a YAML 1.1 word, which Carnet's YAML reads as text.
	'encrypted-yes.md': '---\ntitle: Encrypted in words\ndate: 2024-02-07\nencrypted: yes\npassword: wordsecret\ntags: [Worded]\n---\nThe worded text.\n',
	'_drafts/a-jekyll-draft.md': `---
layout: post
title: "A Jekyll draft"
image: ./draft-cover.jpg
---
Not finished.
`,
	'first-post.md': `---
title: 'First post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 08 2022'
heroImage: '../../assets/blog-placeholder-3.jpg'
---
The starter's first post.
`,
	'second-post.md': `---
title: 'Second post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 15 2022'
updatedDate: 'Jul 22 2022'
heroImage: '../../assets/blog-placeholder-4.jpg'
---
The starter's second post.
`,
	'old-extension.markdown': `---
title: An old extension
date: 2021-03-04 10:00:00 +0100
---
Jekyll's default extension.
`,
	'another-extension.mdown': `---
title: Another extension
date: 2019-05-06
---
Also Markdown.
`,
	'UPPER.MD': `---
title: Shouting extension
date: 2020-02-02
---
An upper-case extension.
`,
	// Hugo PaperMod's archetype, filled in, and Jekyll Chirpy's image object.
	'papermod.md': `---
title: "PaperMod cover"
date: 2023-06-01
cover:
    image: "images/papermod-cover.jpg"
    alt: "A PaperMod cover"
    caption: "Seen from above"
    relative: false
    hidden: false
---
Written for PaperMod.
`,
	// PaperMod's archetype in a page bundle: relative: false, as it writes it, and the cover beside the post.
	'papermod-bundle/index.md': `---
title: "PaperMod bundle"
date: 2023-06-03
cover:
    image: "bundle-cover.jpg" # image path/url
    alt: "A bundled cover"
    relative: false # when using page bundles set this to true
    hidden: false
---
Written for PaperMod, in a page bundle.
`,
	// PaperMod's archetype, not filled in.
	'papermod-unfilled/index.md': `---
title: "PaperMod unfilled"
date: 2023-06-04
cover:
    image: "<image path/url>" # image path/url
    alt: "<alt text>" # alt text
    caption: "<text>" # display caption under cover
    relative: false # when using page bundles set this to true
    hidden: false # only hide on current single page
---
Written for PaperMod, its cover not filled in.
`,
	'_posts/2023-06-02-chirpy.md': `---
title: Chirpy post
date: 2023-06-02 10:00:00 +0200
categories: [Blogging, Tutorial]
tags: [jekyll]
image:
  path: /images/chirpy.jpg
  alt: A Chirpy image
---
Written for Chirpy.
`,
	'notes.txt': 'Some notes that are not a post.\n',
	// A notebook a post links to is published beside it: no post, and no warning either.
	'analysis/index.md': '---\ntitle: Analysis\ndate: 2024-01-02\n---\n\nDownload [the notebook](./analysis.ipynb).\n',
	'analysis/analysis.ipynb': '{"cells": []}\n',
	'quarto/index.qmd': '---\ntitle: Quarto\ndate: 2024-01-01\n---\n\n```{r}\nsummary(cars)\n```\n',
	// Zine's SuperMD, as the Zig site's news is written.
	'outage.smd': '---\n.title = "The first outage",\n.date = "2025-09-08T00:00:00.000Z",\n.author = "Loris Cro",\n---\n\nText.\n',
};

/** Published posts: slug → what their page, card and feed entry must show. */
const PUBLISHED = {
	'hugo-in-yaml': { title: 'Hugo in YAML', datetime: '2023-05-01T10:00:00+02:00', image: 'hugo-og' },
	'hugo-toml': { title: 'Hugo in TOML', datetime: '2023-04-01T09:30:00+02:00', image: undefined },
	'hello-jekyll': { title: 'Hello Jekyll', datetime: '2024-01-05T00:00:00+01:00', image: undefined },
	'first-post': { title: 'First post', datetime: '2022-07-08T00:00:00+02:00', image: 'blog-placeholder-3' },
	'second-post': { title: 'Second post', datetime: '2022-07-15T00:00:00+02:00', image: 'blog-placeholder-4' },
	'old-extension': { title: 'An old extension', datetime: '2021-03-04T10:00:00+01:00', image: undefined },
	upper: { title: 'Shouting extension', datetime: '2020-02-02T00:00:00+01:00', image: undefined },
	'another-extension': { title: 'Another extension', datetime: '2019-05-06T00:00:00+02:00', image: undefined },
	papermod: { title: 'PaperMod cover', datetime: '2023-06-01T00:00:00+02:00', image: 'papermod-cover' },
	chirpy: { title: 'Chirpy post', datetime: '2023-06-02T10:00:00+02:00', image: 'chirpy' },
	'papermod-bundle': { title: 'PaperMod bundle', datetime: '2023-06-03T00:00:00+02:00', image: 'bundle-cover' },
	'papermod-unfilled': { title: 'PaperMod unfilled', datetime: '2023-06-04T00:00:00+02:00', image: undefined },
	analysis: { title: 'Analysis', datetime: '2024-01-02T00:00:00+01:00', image: undefined },
} as const;

const UNPUBLISHED = {
	expired: { title: 'Expired offer', files: ['expired-cover', 'expired-inline'] },
	'coming-soon': { title: 'Coming soon', files: ['future-cover'] },
	unpublished: { title: 'Unpublished in Jekyll', files: ['unpublished-cover'] },
	'a-jekyll-draft': { title: 'A Jekyll draft', files: ['draft-cover'] },
	locked: { title: 'Behind a password', files: [] },
	'status-draft': { title: 'Status in capitals', files: [] },
	'members-only': { title: 'Visibility in capitals', files: [] },
	'headless-bundle': { title: 'Headless in capitals', files: [] },
	'never-rendered': { title: 'Build in capitals', files: [] },
	'encrypted-yes': { title: 'Encrypted in words', files: [] },
} as const;

let site: BuiltSite;

beforeAll(async () => {
	const files: Record<string, string | Buffer> = {
		'astro.config.mjs': astroConfig({ title: 'Migrated', timeZone: 'Europe/Paris' }, { site: 'https://migrated.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'public/images/hugo-og.jpg': await makeJpeg(1200, 630, 1),
		'public/images/papermod-cover.jpg': await makeJpeg(1200, 630, 9),
		'public/images/chirpy.jpg': await makeJpeg(1200, 630, 10),
		'src/assets/blog-placeholder-3.jpg': await makeJpeg(960, 480, 2),
		'src/assets/blog-placeholder-4.jpg': await makeJpeg(960, 480, 3),
		'src/content/posts/papermod-bundle/bundle-cover.jpg': await makeJpeg(1200, 630, 11),
		'src/content/posts/expired-cover.jpg': await makeJpeg(800, 400, 4),
		'src/content/posts/expired-inline.jpg': await makeJpeg(400, 200, 5),
		'src/content/posts/future-cover.jpg': await makeJpeg(800, 400, 6),
		'src/content/posts/_posts/unpublished-cover.jpg': await makeJpeg(800, 400, 7),
		'src/content/posts/_drafts/draft-cover.jpg': await makeJpeg(800, 400, 8),
		// A page of the site's own that reads the collection as Astro's docs show, without filtering it.
		'src/pages/every-entry.astro': `---
import { getCollection, render } from 'astro:content';
const entries = await Promise.all((await getCollection('posts')).map(async (entry) => ({ entry, ...(await render(entry)) })));
---
<html lang="en"><head><title>Every entry</title></head><body>
{entries.map(({ entry, Content }) => <article data-post={entry.id} data-slug={entry.data.slug}><Content /></article>)}
</body></html>
`,
	};
	for (const [name, contents] of Object.entries(POSTS)) files[`src/content/posts/${name}`] = contents;
	site = await buildSite(writeSite('migration-front', files));
	expect(site.ok, site.log).toBe(true);
});

function allFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => file.split(path.sep).join('/'));
}

describe('posts written for Hugo, Jekyll and the Astro blog starter build unchanged', () => {
	test.each(Object.entries(PUBLISHED))('publishes %s with its title and its date in the site zone', (slug, expected) => {
		const $ = site.html(`posts/${slug}/index.html`);
		expect($('h1').first().text().trim()).toBe(expected.title);
		expect($('.carnet-post-meta time').first().attr('datetime')).toBe(expected.datetime);
	});

	test.each(Object.entries(PUBLISHED))('gives %s the featured image its front matter names, or none', (slug, expected) => {
		const $ = site.html(`posts/${slug}/index.html`);
		const hero = $('.carnet-post__image');
		if (expected.image) expect(hero.attr('src')).toContain(expected.image);
		else expect(hero.length).toBe(0);
	});

	test("shows a subtitle of a sentence (Beautiful Jekyll's) under the title, on the page and the card, the card's link saying Read more", () => {
		expect(site.html('posts/hello-jekyll/index.html')('.carnet-post__subtitle').text()).toBe('Each post also has a subtitle');
		const $ = site.html('index.html');
		const card = $('.carnet-card').filter((_, element) => $(element).find('h2').text() === 'Hello Jekyll');
		expect(card.find('.carnet-card__subtitle').text()).toBe('Each post also has a subtitle');
		expect(card.find('.carnet-card__more').contents().first().text()).toBe('Read more');
	});

	test('lists every published post in the RSS, Atom and JSON feeds, and nothing else', () => {
		const titles = Object.values(PUBLISHED).map((post) => post.title).sort();
		expect((parseRssFeed(site.read('rss.xml')).items ?? []).map((item) => item.title).sort()).toEqual(titles);
		expect((parseAtomFeed(site.read('atom.xml')).entries ?? []).map((entry) => (entry.title as { value?: string } | undefined)?.value ?? entry.title).sort()).toEqual(titles);
		expect((parseJsonFeed(JSON.parse(site.read('feed.json'))).items ?? []).map((item) => item.title).sort()).toEqual(titles);
	});

	test('reads the updated date of the starter and leaves an empty lastmod out', () => {
		expect(site.html('posts/second-post/index.html')('.carnet-post-meta time').map((_, time) => time.attribs.datetime).get()).toEqual([
			'2022-07-15T00:00:00+02:00',
			'2022-07-22T00:00:00+02:00',
		]);
		expect(site.html('posts/hugo-in-yaml/index.html')('.carnet-post-meta time')).toHaveLength(1);
	});

	test('merges categories into tags, each once, Jekyll space-separated ones included', () => {
		const tags = (slug: string) => site.html(`posts/${slug}/index.html`)('.carnet-post a[rel="tag"], .carnet-post .carnet-tags a').map((_, a) => site.html(`posts/${slug}/index.html`)(a).text().trim()).get();
		expect(tags('hugo-in-yaml')).toEqual(['Astro', 'web', 'Migration']);
		expect(tags('hugo-toml')).toEqual(['Migration', 'Hugo']);
		expect(tags('hello-jekyll')).toEqual(['jekyll', 'update']);
	});

	test("reads a featured image written as an object, PaperMod's cover and Chirpy's image, with its alt text", () => {
		expect(site.html('posts/papermod/index.html')('.carnet-post__image').attr('alt')).toBe('A PaperMod cover');
		expect(site.html('posts/chirpy/index.html')('.carnet-post__image').attr('alt')).toBe('A Chirpy image');
		// PaperMod's caption is shown under the cover, without a warning.
		expect(site.html('posts/papermod/index.html')('.carnet-post__figure figcaption').text()).toBe('Seen from above');
		expect(site.log).not.toContain('cover.caption');
	});

	test("shows a PaperMod cover beside the post in its page bundle, relative: false as PaperMod's archetype writes it, on the page and as its og:image", () => {
		const $ = site.html('posts/papermod-bundle/index.html');
		const hero = $('.carnet-post__image');
		expect(hero.attr('src')).toMatch(/^\/_astro\/bundle-cover\.[\w-]+\.jpg$/);
		expect(hero.attr('alt')).toBe('A bundled cover');
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/migrated\.example\.com\/_astro\/bundle-cover\.[\w-]+\.jpg$/);
	});

	test("gives a post whose PaperMod cover is the archetype's unfilled placeholder no cover, with a warning naming its line", () => {
		const $ = site.html('posts/papermod-unfilled/index.html');
		expect($('.carnet-post__image')).toHaveLength(0);
		expect($('meta[property="og:image"]').attr('content') ?? '').not.toContain('image path');
		expect(site.log).toContain(
			'src/content/posts/papermod-unfilled/index.md:5: cover.image is "<image path/url>", PaperMod\'s archetype\'s placeholder, so the post has no cover. Write the path of the cover (cover.jpg beside the post, or /images/cover.jpg in public/), or remove the cover.',
		);
		expect(site.log).not.toContain('<alt text>');
	});

	test('uses the excerpt as the description and names every author', () => {
		expect(site.html('posts/hello-jekyll/index.html')('meta[name="description"]').attr('content')).toBe("A post from Jekyll's _posts folder.");
		expect(site.html('posts/hugo-toml/index.html')('.carnet-post-meta').text()).toContain('Ada Lovelace and Grace Hopper');
	});

	test("gives a post without a description the summary of its body, as Hugo and Jekyll do: up to <!--more-->, else the first paragraph", () => {
		const toml = site.html('posts/hugo-toml/index.html');
		expect(toml('meta[name="description"]').attr('content')).toBe('Written for Hugo, in TOML.');
		expect(toml('meta[property="og:description"]').attr('content')).toBe('Written for Hugo, in TOML.');
		expect(toml('.carnet-prose').text()).toContain('The rest of the post.');
		expect(site.html('posts/old-extension/index.html')('meta[name="description"]').attr('content')).toBe('Jekyll’s default extension.');
		const card = site.html('index.html')('.carnet-card').filter((_, element) => site.html('index.html')(element).text().includes('Hugo in TOML'));
		expect(card.find('.carnet-card__description').text()).toBe('Written for Hugo, in TOML.');
		const json = JSON.parse(site.read('feed.json')).items.find((item: { title: string }) => item.title === 'Hugo in TOML');
		expect(json.summary).toBe('Written for Hugo, in TOML.');
		expect(json.content_html).toContain('The rest of the post.');
	});

	test('lists each author on their own, with their links, in JSON-LD and every feed', () => {
		const ld = site
			.html('posts/hugo-toml/index.html')('script[type="application/ld+json"]')
			.map((_, script) => JSON.parse(site.html('posts/hugo-toml/index.html')(script).text()))
			.get()
			.find((data: { '@type'?: string }) => data['@type'] === 'BlogPosting');
		const people = [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper', url: 'https://grace.example.com/' }];
		expect(ld.author).toEqual(people.map((person) => ({ '@type': 'Person', ...person })));
		const json = JSON.parse(site.read('feed.json')).items.find((item: { title: string }) => item.title === 'Hugo in TOML');
		expect(json.authors).toEqual(people);
		const atom = site.read('atom.xml');
		const entry = atom.slice(atom.indexOf('<title>Hugo in TOML</title>'), atom.indexOf('</entry>', atom.indexOf('<title>Hugo in TOML</title>')));
		expect([...entry.matchAll(/<author>(.*?)<\/author>/gs)].map((match) => match[1])).toEqual([
			'<name>Ada Lovelace</name>',
			'<name>Grace Hopper</name><email>grace@example.com</email><uri>https://grace.example.com/</uri>',
		]);
		const rss = site.read('rss.xml');
		const item = rss.slice(rss.indexOf('<title>Hugo in TOML</title>'), rss.indexOf('</item>', rss.indexOf('<title>Hugo in TOML</title>')));
		expect([...item.matchAll(/<dc:creator>(.*?)<\/dc:creator>/g)].map((match) => match[1])).toEqual(['Ada Lovelace', 'Grace Hopper']);
	});

	test('warns about no Hugo or Jekyll field it reads or knowingly ignores', () => {
		for (const key of ['layout', 'permalink', 'aliases', 'categories', 'keywords', 'images', 'authors', 'expiryDate', 'excerpt', 'published']) {
			expect(site.log).not.toContain(`front-matter key "${key}"`);
		}
	});

	test('names the files in the posts folder that are not posts, but not one a post links to, and how to make Markdown of a Quarto post', () => {
		expect(site.read('posts/analysis/analysis.ipynb')).toBe('{"cells": []}\n');
		expect(site.log).toContain(
			'Not read as posts, being neither Markdown nor MDX: src/content/posts/notes.txt, src/content/posts/outage.smd, src/content/posts/quarto/index.qmd. Convert a post to Markdown (.md), or move a file to public/ to publish it as it is. A Quarto or R Markdown post (.qmd, .Rmd) is Markdown whose code runs when it is rendered: render it to Markdown (quarto render --to gfm, or rmarkdown::render with md_document) and add that file. A Zine post (.smd, SuperMD) is Markdown with Ziggy front matter and Zine\'s $ directives: rename it to .md, write its front matter as YAML (.title = "A" becomes title: "A"), and its links to $ directives as Markdown links and images.',
		);
	});

	test('says how many future posts it held back and when the next is due', () => {
		expect(site.log).toContain('1 post is dated in the future and left out of this build; the next, src/content/posts/future.md, is due 2099-01-01T00:00:00+01:00.');
		expect(site.log).toContain('1 post has an expiryDate that has passed and is left out of this build: src/content/posts/expired.md.');
	});
});

describe('drafts, expired and future posts are left out of a production build', () => {

	test('a post behind a Password: in capitals leaves neither its text nor its password in dist/, with a warning naming the key and its line', () => {
		for (const file of allFiles(site.dist).filter((name) => /\.(?:html|xml|json|txt)$/.test(name))) {
			expect(site.read(file), file).not.toContain('The locked text');
			expect(site.read(file), file).not.toContain('topsecret');
		}
		expect(site.log).toContain('src/content/posts/locked.md:4: Password: … asks for a post that only readers who know its password can read');
		expect(site.log).not.toContain('topsecret');
	});
	test.each(Object.entries(UNPUBLISHED))('%s has no page and no entry in any feed, the sitemap or the home page', (slug, post) => {
		expect(site.exists(`posts/${slug}/index.html`)).toBe(false);
		for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'sitemap-0.xml', 'index.html', 'archive/index.html']) {
			expect(site.read(file), file).not.toContain(post.title);
			expect(site.read(file), file).not.toContain(`/posts/${slug}/`);
		}
	});

	test.each(Object.entries(UNPUBLISHED))('%s leaves none of its images in dist/', (_, post) => {
		const files = allFiles(site.dist);
		for (const name of post.files) expect(files.filter((file) => file.includes(name))).toEqual([]);
	});

	test("are not in the posts collection, so that every entry getCollection('posts') returns renders its body with render(entry)", () => {
		const $ = site.html('every-entry/index.html');
		const ids = $('article').map((_, article) => $(article).attr('data-post')).get();
		expect(ids.sort()).toEqual(Object.keys(PUBLISHED).sort());
		for (const id of ids) expect($(`article[data-post="${id}"]`).text().trim().length, id).toBeGreaterThan(0);
	});

	test('each have a data.slug, the written one or their own, so that reading it logs no error of Astro', () => {
		const $ = site.html('every-entry/index.html');
		for (const article of $('article').get()) expect($(article).attr('data-slug'), $(article).attr('data-post')).toMatch(/\S/);
		expect(site.log).not.toContain('deprecated property');
	});

	test('leaves their tags out too', () => {
		expect(site.exists('tags/offers/index.html')).toBe(false);
		expect(site.exists('tags/locked/index.html')).toBe(false);
		expect(site.exists('tags/cased/index.html')).toBe(false);
		expect(site.exists('tags/worded/index.html')).toBe(false);
		expect(site.exists('tags/soon/index.html')).toBe(false);
	});
});
