import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFeed as parseLenient } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentedPolicy, sha256 } from '../helpers/csp.ts';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, astroConfig, buildSite, printedAstroError, repoRoot, runAstro, writeSite, type BuiltSite, type CliResult } from '../helpers/sites.ts';

// A corpus of hostile and broken posts, as careless authors and attackers write them. Each case pins the
// exact safe output or the exact error. Add to it whenever a new way in is found.
const SITE = 'https://hostile.example.com';
const run = promisify(execFile);
const post = (front: string, body = '') => `---\n${front}\n---\n${body}`;

/** Raw HTML in a Markdown body that must reach no feed (the list of issue 12, and classics). */
const HOSTILE_HTML = `Before the traps.

<a HREF="JavaScript:alert('upper')">upper-case href</a>
<a href="&#106;avascript:alert('entity')">entity href</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<svg width="10" height="10"><a xlink:href="javascript:alert('xlink')"><animate attributeName="href" values="javascript:alert('animate')"/><rect width="10" height="10"/></a></svg>
<math><mi xlink:href="javascript:alert('mathml')">x</mi></math>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/steal.css">
<frameset><frame src="https://evil.example/"></frameset>
<iframe src="https://evil.example/"></iframe>
<script>alert('script')</script>
<img src="/images/pixel.png" alt="pixel" onerror="alert('handler')">
<p onclick="alert('click')" style="background:url(javascript:alert('style'))">Handlers.</p>
<a href="/search?q=a&#x26;b">numeric reference</a>

After the traps.
`;

const exif = 'SECRET-DRAFT-EXIF';
let site: BuiltSite;

async function draftJpeg(seed: number): Promise<Buffer> {
	return sharp(await makeJpeg(400, 300, seed)).withExif({ IFD0: { Copyright: exif } }).jpeg().toBuffer();
}

beforeAll(async () => {
	const root = writeSite('hostile', {
		'astro.config.mjs': astroConfig({ title: 'Hostile', socialImage: '/images/social.jpg' }, { site: SITE }),
		'src/content.config.ts': CONTENT_CONFIG,
		'public/images/social.jpg': await makeJpeg(1200, 630, 1),
		'public/images/pixel.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(),
		// Pasted from a word processor (vertical tab) and a terminal (ESC), in every field feeds carry.
		'src/content/posts/pasted.md': post(
			'title: "Soft\\vreturn"\ndate: 2024-05-01\ndescription: "Colour \\e[31mred\\e[0m"\ntags: ["Paste\\u0000d"]\nauthor: { name: "Ada\\u0008" }',
			'A paragraph with a vertical\u000btab, an \u001b[1mescape and a NUL\u0000.\n',
		),
		// The same characters written as character references, which the loader decodes after the cleanup above.
		'src/content/posts/referenced.md': post('title: "Tips &#1; Tricks"\ndate: 2024-04-15\ndescription: "A &#8; B &#xFFFF;"\nsubtitle: "Sub &#11; title"\ntags: ["&#1;Referenced"]', 'Body &#1; here.\n'),
		'src/content/posts/traps.md': post('title: Traps\ndate: 2024-04-01', HOSTILE_HTML),
		// What macOS writes beside a file copied to a USB stick or a network share (binary AppleDouble
		// metadata), and the lock Emacs keeps while the post is open: each once stopped the build as a post
		// without a title.
		'src/content/posts/._traps.md': Buffer.from('0005160700020000000000000000000000000000000000000002000000090000003200000e00000002000000400000', 'hex'),
		'src/content/posts/.#traps.md': 'ada@laptop.4242:1717171717',
		// Bodies that open with a thematic break, as some Hugo and Jekyll posts do: what lies between it and
		// the next one looks like front matter, valid YAML in one and not in the other.
		'src/content/posts/opening-rule.md': post('title: Opening rule\ndate: 2023-10-02', '---\n\nIntro: it must appear.\n\nMore text that must appear.\n\n---\n\nConclusion.\n'),
		// Headings named like the ids of the page around the body.
		'src/content/posts/main-heading.md': post(
			'title: Main heading\ndate: 2023-09-01\nseries: Headings\ntags: [Headings]',
			['Main', 'Contents', 'Carnet main', 'Carnet toc title', 'Carnet series title', 'Carnet share title', 'Carnet related title'].map((heading) => `## ${heading}\n\nText.\n`).join('\n'),
		),
		// Headings whose text gives github-slugger nothing: an emoji, an image.
		// Hugo Coder's rich-content sample: a summary divider as a heading.
		'src/content/posts/empty-heading.md': post('title: Empty heading\ndate: 2023-03-01', '## <!--more-->\n\n## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n'),
		'src/content/posts/emoji-heading.md': post('title: Emoji heading\ndate: 2023-04-01', '## 🎉\n\nParty.\n\n## <img src="/images/pixel.png" alt="Pixel">\n\nA.\n\n## Three\n\nB.\n'),
		'src/content/posts/main-heading-two.md': post('title: Main heading, part two\ndate: 2023-09-02\nseries: Headings\ntags: [Headings]', 'Body.\n'),
		'src/content/posts/opening-rule-yaml.md': post('title: Opening rule, not YAML\ndate: 2023-10-01', '\n---\nNote: this is important: really.\n- item one\n---\n\nConclusion.\n'),
		// Quotes nested 1,200 deep, the innermost a callout: the callout plugin once copied every enclosing
		// quote to ask whether it was one, which took half a minute at 1,000 levels and overflowed the stack
		// further down.
		'src/content/posts/nested-quotes.md': post('title: Nested quotes\ndate: 2023-08-01', `${'> '.repeat(1200)}[!TIP]\n${'> '.repeat(1200)}Au fond : une astuce.\n`),
		// 100 KB of dashes in a paragraph and in a table cell: smart punctuation took 23 s for the one and stopped
		// the build for the other, on a string too long for JavaScript. The oldest posts, so that the feeds, which
		// hold the newest twenty, keep the posts other tests read there.
		'src/content/posts/dashes.md': post('title: Dashes\ndate: 2001-01-01', `${'a -- '.repeat(20_000)}\n`),
		'src/content/posts/dashes-cell.md': post('title: Dashes in a cell\ndate: 2001-01-02', `| x |\n|---|\n| ${'a -- '.repeat(20_000)}|\n`),
		// 100 KB of quotes and character references in a paragraph, a table cell and an MDX paragraph: Sätteri took
		// 33 s for the paragraph, stopped the build for the cell on a string too long for JavaScript, and took 31 s
		// for the MDX post.
		'src/content/posts/quotes.md': post('title: Quotes\ndate: 2001-01-03', `${'a "b" don\'t &amp; '.repeat(5_000)}\n`),
		'src/content/posts/quotes-cell.md': post('title: Quotes in a cell\ndate: 2001-01-04', `| x |\n|---|\n| ${'a "b" don\'t &amp; '.repeat(5_000)}|\n`),
		'src/content/posts/quotes-mdx.mdx': post('title: Quotes in MDX\ndate: 2001-01-05', `${'a "b" don\'t &amp; '.repeat(5_000)}\n`),
		// Links whose label holds --, in a paragraph of hundreds of them: the guard wrote their labels' dashes, and
		// each was shown as text with no warning.
		'src/content/posts/dashes-links.md': post(
			'title: Dashes and links\ndate: 2001-01-06',
			`${'w -- '.repeat(201)}\nSee [the docs -- part two] and [text][id -- y], ![pic -- alt][img -- z].\n\n[the docs -- part two]: https://example.com/docs\n[id -- y]: https://example.com/id\n[img -- z]: /images/pixel.png\n`,
		),
		'src/content/posts/dashes-many-links.md': post('title: Many links with dashes\ndate: 2001-01-07', `Intro.\n\n${'[a -- b] '.repeat(150)}\n${'[a -- b] '.repeat(100)}\n\n[a -- b]: https://example.com/ab\n`),
		// A tag whose every post has an empty body: its feed once declared no content namespace.
		'src/content/posts/empty-one.md': post('title: Empty one\ndate: 2024-03-02\ntags: [Silence]'),
		'src/content/posts/empty-two.md': post('title: Empty two\ndate: 2024-03-01\ntags: [Silence]', '\n'),
		'src/content/posts/commas.md': post('title: Commas\ndate: 2024-02-04\ntags: "Voyage, Été"', 'Body.\n'),
		'src/content/posts/ete-lower.md': post('title: Lower\ndate: 2024-02-03\ntags: [ete]', 'Body.\n'),
		'src/content/posts/ete-upper.md': post('title: Upper\ndate: 2024-02-02\ntags: [ÉTÉ]', 'Body.\n'),
		'src/content/posts/no-image.md': post('title: No image\ndate: 2024-02-01\nfeatured_image: ""', 'Body.\n'),
		// Raw HTML that leaves a div open, with a local image (whose placeholder Astro finds by its upper-case
		// name), and closes elements of the layout it never opened.
		'src/content/posts/unclosed/index.md': post('title: Unclosed\ndate: 2023-07-01', '![Dot](./dot.png)\n\n<div class="note"><span>Left open\n\nAfter it.\n\n</article></main> stray\n'),
		// Raw HTML that the HTML parser reads otherwise than its look: comments that end early, a div that ends
		// an SVG from inside its style, a <plaintext> (which nothing ends), a pasted document's own <body>.
		'src/content/posts/early-comments.md': post('title: Early comments\ndate: 2023-06-04', 'Start.\n\n<!--> <div class="a">\n\nAfter one.\n\n<!-- x -->\n\n<!-- b --!> <div class="b">\n\nAfter two. -->\n'),
		'src/content/posts/svg-style.md': post('title: SVG style\ndate: 2023-06-03', 'Start.\n\n<svg><style><div class="c"></style></svg>\n\nAfter.\n'),
		'src/content/posts/plaintext.md': post('title: Plaintext\ndate: 2023-06-02\ntags: [Plaintext]', 'Start.\n\n<plaintext>x</plaintext>\n\nAfter.\n'),
		'src/content/posts/pasted-document.md': post('title: Pasted document\ndate: 2023-06-01', '<!DOCTYPE html>\n<html lang="xx"><head><title>T</title>\n<link rel="canonical" href="https://news.example.com/story"><meta name="viewport" content="width=device-width"><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="https://news.example.com/site.css"></head><body class="pasted">\n\nText.\n\n</body></html>\n'),
		// Raw HTML in a paragraph: a block that ends it (<span>…</span><div> on a line), a link in a link.
		'src/content/posts/inline-block.md': post('title: Inline block\ndate: 2023-05-01', '<span>a</span><div>b</div>\n\nText <a href="/x">see [this](/y)</a>.\n'),
		// A comment its author forgot to close: browsers hide the rest of the post.
		'src/content/posts/endless-comment.md': post('title: Endless comment\ndate: 2023-05-03', 'Intro.\n\n```html\n<!-- in code\n```\n\n<!-- TODO: rewrite\n\nThe rest.\n'),
		'src/content/posts/endless-php.md': post('title: Endless PHP\ndate: 2023-05-05', 'Start every file with:\n\n<?php declare(strict_types=1);\n\nThen write your code.\n'),
		// An old intro commented out, and a script that writes a paragraph: neither is what readers see first.
		'src/content/posts/commented-intro.md': post('title: Commented intro\ndate: 2023-05-02\ntags: [Intro]', '<!-- <p>Old intro, withdrawn.</p> -->\n\n<script>document.write("<p>Written by a script.</p>")</script>\n\nThe intro. <!-- ask Ana before publishing -->and the rest.\n\n```html\n<!-- shown as code -->\n```\n'),
		// Headings named like the ids GFM gives footnotes, in a post with footnotes.
		'src/content/posts/footnote-headings.md': post(
			'title: Footnote headings\ndate: 2023-04-02',
			'## Footnote label\n\nA claim.[^1]\n\n## User content fn 1\n\nB.\n\n## User content fnref 1\n\nC.\n\n[^1]: The source.\n',
		),
		// Parts of another page pasted into a post: its <title>, its <main>, its <base>.
		// <link>s written in an ordinary post, not pasted with a document: one that speaks for the page, one a body may hold.
		'src/content/posts/written-links.md': post(
			'title: Written links\ndate: 2023-04-05',
			'Find me elsewhere.\n\n<link rel="me" href="https://mastodon.social/@ana">\n<link rel="alternate" type="application/rss+xml" href="/other.xml">\n<link rel="stylesheet" href="/extra.css">\n\nAfter.\n',
		),
		'src/content/posts/pasted-parts.md': post('title: Pasted parts\ndate: 2023-04-03', '<title>Old page</title>\n\n<main class="old"><p>Inside the old main.</p></main>\n\n<base href="https://evil.example/">\n\n[A link](/elsewhere/)\n'),
		// Inline elements left open across paragraphs, lists and tables.
		'src/content/posts/open-inline.md': post(
			'title: Open inline\ndate: 2023-04-04',
			'Some <em>emphasis\n\nNext paragraph</em> end.\n\nA <a href="/x">link\n\n- item one\n- item two\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x;\n```\n\n## Heading\n\n<b>bold\n\n> quoted\n',
		),
		// Links that run script when clicked, written in Markdown and in a figure shortcode, as a copied or
		// contributed post may carry them.
		'src/content/posts/script-links.md': post(
			'title: Script links\ndate: 2024-05-15',
			'[Win a prize](javascript:alert(document.cookie)) and [a reference][r].\n\n[r]: vbscript:msgbox\n\n{{< figure src="/images/pixel.png" alt="Pixel" link="javascript:alert(2)" >}}\n\n[A page](/elsewhere/)\n\n![A chart](javascript:alert(3) "T") and `![code](javascript:x)`\n\n{{< button href="javascript:alert(4)" >}}Go{{< /button >}} and {{< button href="javascript&colon;alert(5)" >}}Go too{{< /button >}}\n',
		),
		// Elements that nothing ends, after which the HTML parser takes the rest of the page as their content: a
		// tag named in prose without backticks, a script tag left open.
		'src/content/posts/prose-tags.md': post('title: Prose tags\ndate: 2024-05-14', 'A form field is a <textarea> or an <input>.\n\n## Next section\n\nThis paragraph stays.\n'),
		'src/content/posts/open-script.md': post('title: Open script\ndate: 2024-05-13', 'Before.\n\n<iframe src="/embed.html" title="An embed" />\n\nBetween.\n\n<script src="/counter.js">\n\nAfter the script.\n'),
		'src/content/posts/unclosed/dot.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer(),
		'src/content/posts/aligned.md': post('title: Aligned\ndate: 2023-11-01', '| Left | Centre | Right |\n|:--|:-:|--:|\n| a | b | c |\n'),
		'src/content/posts/vector/index.md': post('title: Vector\ndate: 2024-01-01\nfeatured_image: ./drawing.svg\nfeatured_image_alt: A square', 'Body.\n'),
		'src/content/posts/vector/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"><rect width="300" height="200" fill="#06c"/></svg>',
		'src/content/posts/mdx-paste.mdx': post('title: MDX paste\ndate: 2023-12-01', 'MDX with an escape \u001b and a vertical\u000btab.\n'),
		// Drafts, with images whose files must not be published in any form.
		'src/content/posts/draft/index.md': post('title: Draft\ndate: 2024-06-01\ndraft: true\nfeatured_image: ./secret-cover.jpg', '![Inline](./secret-inline.jpg)\n'),
		'src/content/posts/draft/secret-cover.jpg': await draftJpeg(2),
		'src/content/posts/draft/secret-inline.jpg': await draftJpeg(3),
		'src/content/posts/mdx-draft/index.mdx': post(
			'title: MDX draft\ndate: 2024-06-02\ndraft: true\nfeatured_image: ./secret-mdx-cover.jpg',
			'import photo from "./secret-mdx-import.jpg";\n\n![Markdown](./secret-mdx-markdown.jpg)\n\n<img src={photo.src} alt="" />\n',
		),
		'src/content/posts/mdx-draft/secret-mdx-import.jpg': await draftJpeg(4),
		'src/content/posts/mdx-draft/secret-mdx-markdown.jpg': await draftJpeg(5),
		'src/content/posts/mdx-draft/secret-mdx-cover.jpg': await draftJpeg(6),
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
});

const warnings = () => site.log.split('\n').filter((line) => line.includes('[WARN]')).map((line) => line.replace(/^.*?\[WARN\] \[[^\]]+\] /, ''));
const xmlFeeds = () => ['rss.xml', 'atom.xml', ...readdirSync(path.join(site.dist, 'tags'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `tags/${entry.name}/rss.xml`)];

describe('feeds stay well-formed whatever posts contain', () => {
	test('xmllint finds every XML feed well-formed, tag feeds of empty posts included', async () => {
		const feeds = xmlFeeds();
		expect(feeds).toContain('tags/silence/rss.xml');
		for (const feed of feeds) {
			const { stdout, stderr } = await run('xmllint', ['--noout', path.join(site.dist, feed)]);
			expect(stdout + stderr, feed).toBe('');
		}
	});

	test('a strict and a lenient parser read every feed, with the same items', () => {
		for (const feed of xmlFeeds()) {
			const xml = site.read(feed);
			const strict = feed === 'atom.xml' ? parseAtomFeed(xml).entries?.map((entry) => entry.title?.value) : parseRssFeed(xml).items?.map((item) => item.title);
			expect(strict, feed).toEqual(parseLenient(xml).items.map((item) => item.title));
		}
		const json = parseJsonFeed(JSON.parse(site.read('feed.json')));
		expect(json.items?.map((item) => item.title)).toEqual(parseRssFeed(site.read('rss.xml')).items?.map((item) => item.title));
	});

	test('the tag feed of empty posts declares the content namespace it uses', () => {
		const xml = site.read('tags/silence/rss.xml');
		expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
		expect(parseRssFeed(xml).items?.map((item) => item.title)).toEqual(['Empty one', 'Empty two']);
	});

	test('pasted control characters are gone from title, summary, tags, author and body, in every format', () => {
		const rss = parseRssFeed(site.read('rss.xml')).items?.find((item) => item.title?.startsWith('Soft'));
		expect(rss?.title).toBe('Soft return');
		expect(rss?.description).toBe('Colour red');
		expect(rss?.categories?.map((category) => category.name)).toEqual(['Pasted']);
		const raw = (site.xml('rss.xml').rss.channel.item as Record<string, string>[]).find((item) => item.title === 'Soft return');
		expect(raw?.['dc:creator']).toBe('Ada');
		expect(cheerio.load(rss?.content?.encoded ?? '').text().trim()).toBe('A paragraph with a vertical tab, an escape and a NUL.');
		const json = JSON.parse(site.read('feed.json')).items.find((item: { title: string }) => item.title === 'Soft return');
		expect([json.summary, json.tags, json.authors]).toEqual(['Colour red', ['Pasted'], [{ name: 'Ada' }]]);
		for (const feed of [...xmlFeeds(), 'feed.json']) expect(site.read(feed), feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\\u00(?:0[0-8bcef]|1[0-9a-f])/);
	});

	test('character references to them in the front matter leave none on the page or in the feeds; the body shows U+FFFD, as HTML does', () => {
		const html = site.read('posts/referenced/index.html');
		const $ = cheerio.load(html);
		expect([$('h1').text(), $('title').text(), $('meta[name="description"]').attr('content')]).toEqual(['Tips  Tricks', 'Tips  Tricks · Hostile', 'A  B']);
		expect(site.html('index.html')('a.carnet-card__more[href="/posts/referenced/"]').text()).toBe('Sub   title: Tips  Tricks');
		expect($('.carnet-prose').text().trim()).toBe('Body \uFFFD here.');
		expect(site.html('tags/index.html')('a[href="/tags/referenced/"]').text()).toBe('Referenced');
		for (const page of ['posts/referenced/index.html', 'index.html', 'tags/referenced/index.html', 'search/index.html', 'subscribe/index.html', ...xmlFeeds(), 'feed.json']) {
			expect(site.read(page), page).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFF]|\\u00(?:0[0-8be]|1[0-9a-f])/);
		}
	});

	test('MDX bodies, which the MDX compiler reads from the file, lose them on the page and in feeds too', () => {
		const item = parseRssFeed(site.read('rss.xml')).items?.find((entry) => entry.title === 'MDX paste');
		expect(cheerio.load(item?.content?.encoded ?? '').text().trim()).toBe('MDX with an escape  and a vertical tab.');
		expect(site.html('posts/mdx-paste/index.html')('.carnet-prose').text().trim()).toBe('MDX with an escape  and a vertical tab.');
	});

	test('the loader warns once per post and field, naming the line', () => {
		// Posts load concurrently, so their warnings come in any order.
		expect(warnings().filter((line) => line.includes('that feeds cannot carry')).sort()).toEqual([
			'src/content/posts/mdx-paste.mdx:5: body: removed 2 invisible characters that feeds cannot carry (U+001B ESC, U+000B vertical tab), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.',
			'src/content/posts/pasted.md:2: title: removed an invisible character that feeds cannot carry (U+000B vertical tab), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
			'src/content/posts/pasted.md:4: description: removed 2 invisible characters that feeds cannot carry (U+001B ESC), with the terminal codes an ESC begins ([31m, [0m), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.',
			'src/content/posts/pasted.md:5: tags: removed an invisible character that feeds cannot carry (U+0000 NUL), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
			'src/content/posts/pasted.md:6: author: removed an invisible character that feeds cannot carry (U+0008 backspace), usually pasted from a word processor or a terminal. Delete it from the file to silence this warning.',
			'src/content/posts/pasted.md:8: body: removed 3 invisible characters that feeds cannot carry (U+000B vertical tab, U+001B ESC, U+0000 NUL), with the terminal code an ESC begins ([1m), usually pasted from a word processor or a terminal. Delete them from the file to silence this warning.',
			'src/content/posts/referenced.md:2: title: removed an invisible character that feeds cannot carry (U+0001), written as &#1;. Delete that reference from the file to silence this warning.',
			'src/content/posts/referenced.md:4: description: removed 2 invisible characters that feeds cannot carry (U+0008 backspace, U+FFFF), written as &#8; and &#xFFFF;. Delete those references from the file to silence this warning.',
			'src/content/posts/referenced.md:5: subtitle: removed an invisible character that feeds cannot carry (U+000B vertical tab), written as &#11;. Delete that reference from the file to silence this warning.',
			'src/content/posts/referenced.md:6: tags: removed an invisible character that feeds cannot carry (U+0001), written as &#1;. Delete that reference from the file to silence this warning.',
		]);
	});
});

describe('files beside the posts', () => {
	test('names starting with a dot, which macOS and editors write, are not posts', () => {
		expect(site.log).not.toMatch(/\._traps|\.#traps/);
		const titles = (JSON.parse(site.read('feed.json')).items as { title: string }[]).map((item) => item.title);
		expect(titles.filter((title) => title === 'Traps')).toEqual(['Traps']);
		expect(readdirSync(path.join(site.dist, 'posts')).filter((name) => name.startsWith('traps'))).toEqual(['traps']);
	});
});

describe('hostile HTML in a post reaches no feed', () => {
	const contents = () => ({
		rss: parseRssFeed(site.read('rss.xml')).items?.find((item) => item.title === 'Traps')?.content?.encoded ?? '',
		atom: parseAtomFeed(site.read('atom.xml')).entries?.find((entry) => entry.title?.value === 'Traps')?.content?.value ?? '',
		json: (JSON.parse(site.read('feed.json')).items as { title: string; content_html: string }[]).find((item) => item.title === 'Traps')?.content_html ?? '',
	});

	test('RSS, Atom and JSON Feed carry the same sanitized HTML', () => {
		const { rss, atom, json } = contents();
		expect(atom).toBe(rss);
		expect(json).toBe(rss);
	});

	test('none of the listed constructs survives, and the text around them does; the iframe is a plain link to what it showed', () => {
		for (const [format, html] of Object.entries(contents())) {
			const $ = cheerio.load(html);
			expect($('script, style, svg, animate, meta, base, link, frame, frameset, iframe, object, embed, form').length, format).toBe(0);
			// Readers show no frame: the page it embedded is a link the reader may follow, as its text says.
			const framed = $('a[href="https://evil.example/"]');
			expect(framed.map((_, link) => `${$(link).text()} ${Object.keys((link as unknown as { attribs: object }).attribs).join(' ')}`).get(), format).toEqual(['https://evil.example/ href']);
			framed.remove();
			const attributes = $('*').toArray().flatMap((element) => Object.entries((element as unknown as { attribs: Record<string, string> }).attribs));
			expect(attributes.filter(([name]) => /^on|^style$|^xlink:|^values$/i.test(name)), format).toEqual([]);
			expect(attributes.filter(([name, value]) => /^(href|src|srcset|poster|cite)$/.test(name) && !/^https:\/\/hostile\.example\.com\//.test(value)), format).toEqual([]);
			expect($.html(), format).not.toMatch(/javascript:|data:text|evil\.example/i);
			expect($.root().text(), format).toContain('After the traps.');
		}
	});

	test('the exact output, pinned', () => {
		expect(contents().rss).toMatchInlineSnapshot(`
			"<p>Before the traps.</p>
			<p><a>upper-case href</a>
			<a>entity href</a>
			<a>data link</a>

			<math><mi>x</mi></math>
			</p>



			<a href="https://evil.example/">https://evil.example/</a>

			<img src="https://hostile.example.com/images/pixel.png" alt="pixel" width="2" height="2">
			<p>Handlers.</p>
			<a href="https://hostile.example.com/search?q=a&amp;b">numeric reference</a>
			<p>After the traps.</p>"
		`);
	});
});

describe('raw HTML that leaves an element open or closes one it did not open', () => {
	test("stays inside the post's body: the post's footer and the page's main element are where the layout puts them", () => {
		const $ = site.html('posts/unclosed/index.html');
		expect($('.carnet-prose footer, .carnet-prose nav').length).toBe(0);
		expect($('footer.carnet-post__footer').parent().is('article.carnet-post')).toBe(true);
		expect([$('.carnet-prose div.note span').text(), $('.carnet-prose div.note > p').first().text()]).toEqual(['Left open\n', 'After it.']);
		expect($('.carnet-prose').text()).toContain('stray');
		expect($('main article.carnet-post').length).toBe(1);
	});

	test('read as the HTML parser reads it: comments that end early, an SVG ended by a div in its style, a <plaintext> and a pasted document', () => {
		for (const slug of ['early-comments', 'svg-style', 'plaintext', 'pasted-document']) {
			const $ = site.html(`posts/${slug}/index.html`);
			expect($('footer.carnet-post__footer').parent().is('article.carnet-post'), slug).toBe(true);
			expect($('main article.carnet-post').length, slug).toBe(1);
			expect([$('html').attr('lang'), $('body').attr('class')], slug).toEqual(['en', undefined]);
		}
		expect(site.html('posts/early-comments/index.html')('.carnet-prose div.a div.b').text()).toContain('After two.');
		expect(site.html('posts/svg-style/index.html')('.carnet-prose div.c').text()).toContain('After.');
		expect(site.html('posts/plaintext/index.html')('.carnet-prose pre').text()).toBe('x</plaintext></p>\n<p>After.</p>\n');
		expect(site.html('posts/pasted-document/index.html')('.carnet-prose p').text()).toBe('Text.');
		const item = parseRssFeed(site.read('tags/plaintext/rss.xml')).items?.[0];
		expect(cheerio.load(item?.content?.encoded ?? '')('pre').text()).toContain('<p>After.</p>');
	});

	test("leaves out a pasted document's canonical link, icon and <meta>, saying so with their lines, its stylesheet kept: the page's one canonical link is the post's own", () => {
		const $ = site.html('posts/pasted-document/index.html');
		expect($('link[rel="canonical"]').map((_, link) => $(link).attr('href')).get()).toEqual([`${SITE}/posts/pasted-document/`]);
		expect($('body link').map((_, link) => $(link).attr('rel')).get()).toEqual(['stylesheet']);
		expect($('body meta, body title')).toHaveLength(0);
		expect(warnings().filter((line) => line.includes('pasted-document.md'))).toEqual([
			'src/content/posts/pasted-document.md:6: a <title> element, pasted from another page, is left out of the post: browsers do not show a <title> in the body of a page, and the post has its title from its front matter. Delete it from the post to silence this warning.',
			'src/content/posts/pasted-document.md:7: <link rel="canonical" href="https://news.example.com/story">, part of the HTML document pasted into the post, is left out of the post: a <link> other than a stylesheet, a preload hint or microdata\'s itemprop speaks for a whole page from its head, where the theme writes each page\'s own, and HTML allows none in a page\'s body, and this one speaks for the page it was pasted from (a second canonical link would give search engines that page\'s address for the post, whose own the theme writes from its front matter). If the post was first published at that address, write canonicalURL: "https://news.example.com/story" in its front matter. Delete it from the post to silence this warning.',
			"src/content/posts/pasted-document.md:7: a <meta> element, pasted from another page, is left out of the post: a page's <meta> belongs in its head, where the theme writes the post's own (a refresh would take readers off the page). Delete it from the post to silence this warning.",
			'src/content/posts/pasted-document.md:7: <link rel="icon" href="/favicon.ico">, part of the HTML document pasted into the post, is left out of the post: a <link> other than a stylesheet, a preload hint or microdata\'s itemprop speaks for a whole page from its head, where the theme writes each page\'s own, and HTML allows none in a page\'s body, and this one speaks for the page it was pasted from. To add a <link> to the head of every page, override the Head component (see Components in the README). Delete it from the post to silence this warning.',
		]);
	});

	test('leaves out a <link> written in an ordinary post that speaks for the page, saying so with its line and rel, and where its effect belongs, its stylesheet kept', () => {
		const $ = site.html('posts/written-links/index.html');
		expect($('body link').map((_, link) => $(link).attr('rel')).get()).toEqual(['stylesheet']);
		expect($('.carnet-prose p').map((_, p) => $(p).text()).get()).toEqual(['Find me elsewhere.', 'After.']);
		expect(warnings().filter((line) => line.includes('written-links.md'))).toEqual([
			'src/content/posts/written-links.md:7: <link rel="me" href="https://mastodon.social/@ana"> is left out of the post: a <link> other than a stylesheet, a preload hint or microdata\'s itemprop speaks for a whole page from its head, where the theme writes each page\'s own, and HTML allows none in a page\'s body. To link the blog to this profile with rel="me" (as Mastodon checks it), list it in the theme\'s social option, social: [{ platform: \'mastodon\', href: \'https://mastodon.social/@ana\' }], which links it so from the footer of every page, or link it in the post\'s text: <a rel="me" href="https://mastodon.social/@ana">…</a>. Then delete the <link> from the post to silence this warning.',
			'src/content/posts/written-links.md:8: <link rel="alternate" type="application/rss+xml" href="/other.xml"> is left out of the post: a <link> other than a stylesheet, a preload hint or microdata\'s itemprop speaks for a whole page from its head, where the theme writes each page\'s own, and HTML allows none in a page\'s body. To add a <link> to the head of every page, override the Head component (see Components in the README). Delete it from the post to silence this warning.',
		]);
	});

	test("the Nu HTML checker finds no error on any post's page", async () => {
		// Left out: quotes nested deeper than browsers build a tree, and the traps' style attribute, which the post wrote.
		const unchecked = ['nested-quotes', 'traps', 'draft', 'mdx-draft'];
		const slugs = readdirSync(path.join(site.dist, 'posts')).filter((slug) => !unchecked.includes(slug));
		expect(slugs).toEqual(expect.arrayContaining(['early-comments', 'footnote-headings', 'open-inline', 'pasted-document', 'pasted-parts', 'unclosed']));
		const pages = slugs.map((slug) => path.join(site.dist, 'posts', slug, 'index.html'));
		const vnu = path.join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
		const output = await run('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...pages]).then(
			({ stdout, stderr }) => stdout + stderr,
			(error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
		);
		expect(output.replaceAll(site.dist, '')).toBe('');
	});

	test('keeps its local image, optimised as in any other body', () => {
		const image = site.html('posts/unclosed/index.html')('.carnet-prose img');
		expect([image.attr('alt'), image.attr('src')?.startsWith('/_astro/dot.')]).toEqual(['Dot', true]);
	});
});

describe('ids', () => {
	test("headings named Main or like the theme's parts keep their ids, and the page's parts use ids of their own", () => {
		const $ = site.html('posts/main-heading/index.html');
		const ids = $('[id]').map((_, element) => $(element).attr('id')).get();
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
		expect(['main', 'carnet-main', 'carnet-toc-title', 'carnet-series-title', 'carnet-share-title', 'carnet-related-title'].filter((id) => !$(`#${id}`).is('.carnet-prose h2'))).toEqual([]);
		expect($($('a.carnet-skip-link').attr('href')).is('main')).toBe(true);
		for (const part of ['nav.carnet-toc', 'nav.carnet-series', 'section.carnet-share', 'section.carnet-related']) {
			expect($(`#${$(part).attr('aria-labelledby')}`).closest(part).length, part).toBe(1);
		}
	});
});

describe('parts of another page pasted into a post', () => {
	test('a <main> becomes a <div>, and the page keeps its own <main>, <title> and links', () => {
		const $ = site.html('posts/pasted-parts/index.html');
		expect([$('main').length, $('.carnet-prose div.old p').text(), $('title').length, $('base').length]).toEqual([1, 'Inside the old main.', 1, 0]);
		expect($('.carnet-prose').text()).not.toContain('Old page');
		expect($('.carnet-prose a').attr('href')).toBe('/elsewhere/');
		expect(site.html('posts/traps/index.html')('base, body meta[http-equiv]').length).toBe(0);
	});

	test('a <title>, <base> or <meta> left out is named in a warning with its line', () => {
		expect(warnings().filter((line) => /pasted-parts|traps/.test(line) && line.includes('pasted from another page'))).toEqual([
			'src/content/posts/pasted-parts.md:5: a <title> element, pasted from another page, is left out of the post: browsers do not show a <title> in the body of a page, and the post has its title from its front matter. Delete it from the post to silence this warning.',
			'src/content/posts/pasted-parts.md:9: a <base> element, pasted from another page, is left out of the post: it would send every link and image of the page, the theme\'s own included, to another address. Delete it from the post to silence this warning.',
			"src/content/posts/traps.md:12: a <meta> element, pasted from another page, is left out of the post: a page's <meta> belongs in its head, where the theme writes the post's own (a refresh would take readers off the page). Delete it from the post to silence this warning.",
			'src/content/posts/traps.md:13: a <base> element, pasted from another page, is left out of the post: it would send every link and image of the page, the theme\'s own included, to another address. Delete it from the post to silence this warning.',
		]);
	});
});

describe('an element that nothing ends', () => {
	test('shows its tag as text, and the rest of the post on the page and in feeds, with a warning naming its line', () => {
		const $ = site.html('posts/prose-tags/index.html');
		// <input> is an element of its own, which ends by itself: it stays one.
		expect($('.carnet-prose p').first().text()).toBe('A form field is a <textarea> or an .');
		expect($('.carnet-prose textarea').length).toBe(0);
		expect($('.carnet-prose h2').text()).toBe('Next section');
		expect($('.carnet-prose').text()).toContain('This paragraph stays.');
		const open = site.html('posts/open-script/index.html');
		expect(open('.carnet-prose').text()).toContain('After the script.');
		// Written to close itself, as JSX writes it: closed, and the text after it is the post's.
		expect(open('.carnet-prose iframe').attr('src')).toBe('/embed.html');
		expect(open('.carnet-prose p').text()).toContain('Between.');
		const items = parseRssFeed(readFileSync(path.join(site.dist, 'rss.xml'), 'utf8')).items ?? [];
		expect(items.find((item) => item.title === 'Prose tags')?.content?.encoded).toContain('This paragraph stays.');
		expect(items.find((item) => item.title === 'Open script')?.content?.encoded).toContain('After the script.');
		expect(warnings().filter((line) => /prose-tags|open-script/.test(line)).sort()).toEqual([
			'src/content/posts/open-script.md:11: <script> opens an element that nothing ends, so browsers would take the rest of the post, and the page around it, into it, hiding it or showing it as text; its "<" is shown as text. To show the tag\'s name, write it as code (`<script>`); to use the element, end it with </script>.',
			'src/content/posts/prose-tags.md:5: <textarea> opens an element that nothing ends, so browsers would take the rest of the post, and the page around it, into it, hiding it or showing it as text; its "<" is shown as text. To show the tag\'s name, write it as code (`<textarea>`); to use the element, end it with </textarea>.',
		]);
	});
});

describe('Markdown links that run script', () => {
	test('show their text without the link on the page and in feeds, while other links keep theirs', () => {
		const $ = site.html('posts/script-links/index.html');
		const prose = $('.carnet-prose');
		expect(prose.text()).toContain('Win a prize and a reference.');
		expect(prose.html()).not.toMatch(/(?:href|src)="[^"]*(?:javascript|vbscript):/i);
		expect(prose.find('a').map((_, link) => $(link).attr('href')).get()).toEqual(['/elsewhere/']);
		// Hugo Book's buttons to such an address, a character reference in it or not, are their text.
		expect(prose.find('a:not([href])').map((_, link) => $(link).text()).get()).toEqual(['Win a prize', 'a reference', 'Go', 'Go too']);
		// An image of such an address is its alt text: an <img> without a source is no valid HTML.
		expect(prose.find('img')).toHaveLength(0);
		expect(prose.text()).toContain('A chart and ![code](javascript:x)');
		const item = parseRssFeed(readFileSync(path.join(site.dist, 'rss.xml'), 'utf8')).items?.find((entry) => entry.title === 'Script links');
		expect(item?.content?.encoded).toContain('Win a prize');
		expect(item?.content?.encoded).not.toMatch(/(?:href|src)="[^"]*(?:javascript|vbscript):/i);
	});

	test('are each named in a warning with the line, the address and what to do, Hugo Book\'s buttons too; a figure linked so is shown as written', () => {
		expect(warnings().filter((line) => line.includes('script-links.md'))).toEqual([
			'src/content/posts/script-links.md:5: the link to "javascript:alert(document.cookie)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			'src/content/posts/script-links.md:7: the link to "vbscript:msgbox" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			'src/content/posts/script-links.md:13: the image of "javascript:alert(3)" is shown as its alt text, without the image: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.',
			'src/content/posts/script-links.md:9: {{< figure src="/images/pixel.png" alt="Pixel" link="javascript:alert(2)" >}} is shown as written: its link, "javascript:alert(2)", would run script on your site when clicked; link to a page instead.',
			'src/content/posts/script-links.md:15: the link to "javascript:alert(4)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			'src/content/posts/script-links.md:15: the link to "javascript&colon;alert(5)" is shown as its text, without the link: an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			// A page the site does not have, as a link to a post by its old engine's address is found.
			`src/content/posts/script-links.md:11: the link [A page](/elsewhere/) is kept as written: it leads to no page of the site: nothing is published at /elsewhere/, and no post in src/content/posts/ that this build publishes has the slug "elsewhere". Link to the post's file instead (e.g. [text](other-post.md)), set the permalinks option to the old engine's pattern, or add /elsewhere/ to the post's aliases.`,
		]);
		expect(site.html('posts/script-links/index.html')('.carnet-prose').text()).toContain('{{< figure src="/images/pixel.png"');
	});
});

describe('an inline element left open', () => {
	test('ends with its paragraph: the quote after an unclosed <b> is not bold, the list after an unclosed link no link', () => {
		const $ = site.html('posts/open-inline/index.html');
		expect($('.carnet-prose a').map((_, a) => $(a).text()).get()).toEqual(['link']);
		expect($('.carnet-prose li').first().text()).toBe('item one');
		expect($('.carnet-prose b').text()).toBe('bold');
		expect($('.carnet-prose blockquote').parents('b').length).toBe(0);
		expect($('.carnet-prose blockquote').text().trim()).toBe('quoted');
	});
});

describe('headings named like the ids of footnotes', () => {
	test('get ids of their own, so that footnote links reach the note and the table of contents the heading', () => {
		const $ = site.html('posts/footnote-headings/index.html');
		const ids = $('[id]').map((_, element) => $(element).attr('id')).get();
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
		expect($('.carnet-prose > h2').map((_, heading) => $(heading).attr('id')).get()).toEqual(['footnote-label-1', 'user-content-fn-1-1', 'user-content-fnref-1-1']);
		expect($($('a[data-footnote-ref]').attr('href')).is('section[data-footnotes] li')).toBe(true);
		expect($($('a[data-footnote-backref]').attr('href')).is('a[data-footnote-ref]')).toBe(true);
		expect($('nav.carnet-toc a').map((_, link) => `${$(link).attr('href')} ${$(link).text()}`).get()).toEqual([
			'#footnote-label-1 Footnote label',
			'#user-content-fn-1-1 User content fn 1',
			'#user-content-fnref-1-1 User content fnref 1',
		]);
	});
});

describe('a comment that nothing closes', () => {
	test('is closed where the body ends, with a warning naming its line', () => {
		const $ = site.html('posts/endless-comment/index.html');
		expect($('footer.carnet-post__footer').parent().is('article.carnet-post')).toBe(true);
		expect(warnings().filter((line) => line.includes('endless-comment'))).toEqual([
			'src/content/posts/endless-comment.md:11: an HTML comment (<!--) opens here and nothing closes it, so everything after it, to the end of the post, is hidden from readers and feeds. Close it with --> where it should end.',
		]);
	});
});

describe('a <?php that no ">" ends', () => {
	test('shows its text instead of hiding the rest of the page, with a warning naming its line', () => {
		const $ = site.html('posts/endless-php/index.html');
		expect($('.carnet-prose').text()).toContain('<?php declare(strict_types=1);');
		expect($('.carnet-prose').text()).toContain('Then write your code.');
		expect($('footer.carnet-post__footer').parent().is('article.carnet-post')).toBe(true);
		expect(warnings().filter((line) => line.includes('endless-php'))).toEqual([
			'src/content/posts/endless-php.md:7: "<?php" opens something no ">" ends, which browsers would read as a comment running into the page around the post, hiding the rest of it; its "<" is shown as text. Put code in a fenced block (``` before and after it), or end it with ">".',
		]);
	});
});

describe("an author's HTML comments", () => {
	test('are left out of the page, while code and a script that show "<!--" keep it, and the summary still skips them', () => {
		const page = site.read('posts/commented-intro/index.html');
		expect(page).not.toContain('Old intro, withdrawn.');
		expect(page).not.toContain('ask Ana');
		expect(page).toContain('Written by a script.');
		expect(site.html('posts/commented-intro/index.html')('.carnet-prose pre').text()).toBe('<!-- shown as code -->');
		expect(site.html('posts/commented-intro/index.html')('.carnet-prose p').first().text()).toBe('The intro. and the rest.');
		expect(site.read('posts/endless-comment/index.html')).not.toContain('TODO: rewrite');
	});
});

describe('summaries', () => {
	test('skip a paragraph in a comment or a script, in meta tags and in feeds', () => {
		const $ = site.html('posts/commented-intro/index.html');
		expect([$('meta[name="description"]').attr('content'), $('meta[property="og:description"]').attr('content')]).toEqual(['The intro. and the rest.', 'The intro. and the rest.']);
		expect(parseRssFeed(site.read('tags/intro/rss.xml')).items?.map((item) => item.description)).toEqual(['The intro. and the rest.']);
	});
});

describe('a heading whose text makes no id', () => {
	test('gets one of its own, which the table of contents links to', () => {
		const $ = site.html('posts/emoji-heading/index.html');
		expect($('.carnet-prose h2').map((_, heading) => $(heading).attr('id')).get()).toEqual(['Heading', '-1', 'three']);
		expect($('nav.carnet-toc a').map((_, link) => $(link).attr('href')).get()).toEqual(['#Heading', '#-1', '#three']);
		// Each link is named: the image heading by its alt text.
		expect($('nav.carnet-toc a').map((_, link) => $(link).text()).get()).toEqual(['🎉', 'Pixel', 'Three']);
	});

	test('with nothing in it is left out of the table of contents, which would show a link without a name', () => {
		const $ = site.html('posts/empty-heading/index.html');
		expect($('nav.carnet-toc a').map((_, link) => $(link).text()).get()).toEqual(['One', 'Two', 'Three']);
	});
});

describe('a body that opens with a --- rule', () => {
	test('keeps every paragraph on its page and in its feed item, the rules included', () => {
		const page = site.html('posts/opening-rule/index.html')('.carnet-prose');
		expect(page.find('hr').length).toBe(2);
		expect(page.find('p').map((_, p) => site.html('posts/opening-rule/index.html')(p).text()).get()).toEqual(['Intro: it must appear.', 'More text that must appear.', 'Conclusion.']);
		const item = (JSON.parse(site.read('feed.json')).items as { title: string; content_html: string }[]).find((entry) => entry.title === 'Opening rule');
		expect(item?.content_html).toContain('Intro: it must appear.');
		expect(item?.content_html).toContain('More text that must appear.');
	});

	test('is not read as YAML when what follows the rule is not YAML', () => {
		const page = site.html('posts/opening-rule-yaml/index.html')('.carnet-prose');
		expect(page.find('hr').length).toBeGreaterThanOrEqual(1);
		expect(page.text()).toContain('Note: this is important: really.');
		expect(page.find('li').text()).toBe('item one');
		expect(page.text()).toContain('Conclusion.');
	});
});

describe('quotes nested 1,200 deep', () => {
	test('build, with the innermost quote a callout on the page and a quote in the feed', () => {
		const page = site.html('posts/nested-quotes/index.html');
		expect(page('.carnet-prose blockquote').length).toBe(1199);
		expect(page('.carnet-prose blockquote aside.carnet-callout--tip').text()).toContain('Au fond : une astuce.');
		const feed = site.read('rss.xml');
		expect(feed).toContain('Au fond : une astuce.');
	});
});

describe('100 KB of -- in one paragraph or table cell', () => {
	test('build, each -- shown as the en dash smart punctuation makes of it', () => {
		const shown = 'a – '.repeat(20_000).trimEnd();
		expect(site.html('posts/dashes/index.html')('.carnet-prose p').text()).toBe(shown);
		expect(site.html('posts/dashes-cell/index.html')('.carnet-prose td').text().trim()).toBe(shown);
	});
});

describe('100 KB of quotes and character references in one paragraph or table cell', () => {
	test('build, each quote shown curly and each reference as its character, in Markdown and MDX', () => {
		const shown = 'a “b” don’t & '.repeat(5_000).trimEnd();
		expect(site.html('posts/quotes/index.html')('.carnet-prose p').text()).toBe(shown);
		expect(site.html('posts/quotes-cell/index.html')('.carnet-prose td').text().trim()).toBe(shown);
		expect(site.html('posts/quotes-mdx/index.html')('.carnet-prose p').text()).toBe(shown);
	});
});

describe('links whose label holds --, in a paragraph of hundreds of --', () => {
	test('keep their links, as the Markdown processor shows them with each -- as written', () => {
		const page = site.html('posts/dashes-links/index.html');
		const paragraph = page('.carnet-prose p').last();
		expect(paragraph.find('a').map((_, link) => [[page(link).attr('href'), page(link).text()]]).get()).toEqual([
			['https://example.com/docs', 'the docs – part two'],
			['https://example.com/id', 'text'],
		]);
		expect(paragraph.find('img').attr('alt')).toBe('pic – alt');
		expect(paragraph.text()).toContain('See the docs – part two and text, .');
	});

	test('keep 200 of them as links and show the others as text, with a warning naming the line of the first shown as text', () => {
		const paragraph = site.html('posts/dashes-many-links/index.html')('.carnet-prose p').last();
		expect(paragraph.find('a').length).toBe(200);
		expect(paragraph.text()).toContain('[a – b]');
		expect(warnings().filter((line) => line.includes('dashes-many-links'))).toEqual([
			'src/content/posts/dashes-many-links.md:8: the link [a -- b], and each link after it in its paragraph whose label holds -- or ..., is shown as text: the paragraph holds more than 200 runs of -- or ... in such labels, and the Markdown processor\'s time grows with the square of their number. Split the paragraph, or write these labels without -- or ... (in the links and their definitions).',
		]);
	});
});

describe('front matter that needed fixing', () => {
	test('a comma-separated tags string is split, with a warning that names the line', () => {
		const item = parseRssFeed(site.read('rss.xml')).items?.find((entry) => entry.title === 'Commas');
		expect(item?.categories?.map((category) => category.name)).toEqual(['Voyage', 'Été']);
		expect(warnings().filter((line) => line.includes('is one string with commas'))).toEqual([
			'src/content/posts/commas.md:4: tags: "Voyage, Été" is one string with commas; it is read as the tags ["Voyage","Été"]. Write tags: [Voyage, Été] to say so (or ["Voyage, Été"] for one tag with a comma).',
		]);
	});

	test('tags that differ only by case or accents are merged, with a warning listing the spellings', () => {
		const tags = site.html('tags/index.html');
		expect(tags('a[href="/tags/ete/"]').length).toBe(1);
		expect(warnings().filter((line) => line.startsWith('The tags'))).toEqual([
			'The tags "Été" (src/content/posts/commas.md), "ete" (src/content/posts/ete-lower.md), "ÉTÉ" (src/content/posts/ete-upper.md) make the same address (tags/ete/), so they are one tag, shown as "Été" (the newest post\'s spelling). Write them the same way in every post to choose how the tag is shown.',
		]);
	});

	test('an empty featured_image means no image', () => {
		const $ = site.html('posts/no-image/index.html');
		expect($('.carnet-post picture').length).toBe(0);
	});
});

describe('pages under the README\'s Content-Security-Policy', () => {
	test('aligned table columns use exactly the style attributes whose hashes it lists', () => {
		const styles = site.html('posts/aligned/index.html')('.carnet-prose [style]').map((_, element) => site.html('posts/aligned/index.html')(element).attr('style')).get();
		expect(new Set(styles)).toEqual(new Set(['text-align: left', 'text-align: center', 'text-align: right']));
		const { policy } = documentedPolicy();
		for (const style of styles) expect(policy.get('style-src'), style).toContain(sha256(style));
	});
});

describe('an SVG featured image', () => {
	test('is served as it is on cards and the post, with its size and no raster variants', () => {
		const $ = site.html('posts/vector/index.html');
		const img = $('.carnet-post__image');
		expect(img.attr('src')).toMatch(/^\/_astro\/drawing\.[\w-]+\.svg$/);
		expect([img.attr('width'), img.attr('height'), img.attr('alt')]).toEqual(['300', '200', 'A square']);
		expect(img.closest('picture').find('source').length).toBe(0);
		expect(site.exists((img.attr('src') as string).slice(1))).toBe(true);
	});

	test('leaves social previews to the socialImage option, and feeds without an enclosure', () => {
		const $ = site.html('posts/vector/index.html');
		expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/hostile\.example\.com\/_astro\/social\.[\w-]+\.jpg$/);
		const item = parseRssFeed(site.read('rss.xml')).items?.find((entry) => entry.title === 'Vector');
		expect(item?.enclosures).toBeUndefined();
	});
});

describe('drafts leak nothing', () => {
	test('no file of a draft is in dist/: no original, no variant, no EXIF', () => {
		const files = readdirSync(site.dist, { recursive: true, encoding: 'utf8' });
		expect(files.filter((file) => /secret|draft/i.test(file))).toEqual([]);
		const withExif = files.filter((file) => /\.(jpe?g|png|webp|avif)$/.test(file) && readFileSync(path.join(site.dist, file)).includes(exif));
		expect(withExif).toEqual([]);
	});
});

// Builds that must fail, each with one mistake; the printed error is pinned.
const failing = {
	outside: post("title: Outside\ndate: 2024-01-01\nfeatured_image: '/../../outside.jpg'", 'Body.\n'),
	folder: post("title: Folder\ndate: 2024-01-01\nfeatured_image: '.'", 'Body.\n'),
	percent: post("title: Percent\ndate: 2024-01-01\ncover: '/images/50%-off.jpg'", 'Body.\n'),
	authorUrl: post('title: Author\ndate: 2024-01-01\nauthor: { name: Mallory, url: "javascript:alert(1)" }', 'Body.\n'),
	aliasBomb: post(
		['title: Laughs', 'date: 2024-01-01', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`)].join('\n'),
		'Body.\n',
	),
	// Callouts inside callouts, deeper than Sätteri lets a plugin nest what it writes (128 levels).
	deepCallouts: post('title: Deep callouts\ndate: 2024-01-01', `${Array.from({ length: 150 }, (_, index) => `${'> '.repeat(index + 1)}[!NOTE] Level ${index}`).join('\n')}\n`),
	// Zero-width spaces (pasted from a web page) pass trim(): the title was an empty heading, link and card.
	invisibleTitle: post('title: "  \\u200B  "\ndate: 2024-01-01', 'Body.\n'),
	// Emphasis nested 20,000 deep in the first paragraph: the summary's HTML parser overflowed the stack, and
	// the build printed a bare RangeError.
	deepEmphasis: post('title: Deep emphasis\ndate: 2024-01-01', `${'*a '.repeat(20_000)}x${' a*'.repeat(20_000)}\n`),
	// A list nested 1,000 deep: its page renders, but no HTML parser in the feed's path follows it.
	deepList: post('title: Deep list\ndate: 2024-01-01', `${Array.from({ length: 1000 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n')}\n`),
} satisfies Record<string, string>;

type FailingName = keyof typeof failing | 'deepPre' | 'stalled' | 'authorsList' | 'inlineOutside' | 'mdxOutside' | 'windows1252' | 'utf16' | 'lookalikes' | 'mdxDeep';
const failures = {} as Record<FailingName, CliResult & { root: string; finished: number }>;
let stalledServer: Server;
let firstConnection = 0;
const sockets = new Set<Socket>();

// Accepts connections and never answers: the host that once stalled builds for five minutes.
async function startStalledServer(): Promise<number> {
	stalledServer = createServer((socket) => {
		firstConnection ||= performance.now();
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => stalledServer.listen(0, '127.0.0.1', resolve));
	return (stalledServer.address() as { port: number }).port;
}

const STALL_TIMEOUT = 6;

beforeAll(async () => {
	const port = await startStalledServer();
	const specs: Record<FailingName, { files: Record<string, string | Buffer>; options?: Record<string, unknown>; astro?: Record<string, unknown> }> = {
		...(Object.fromEntries(Object.entries(failing).map(([name, source]) => [name, { files: { [`src/content/posts/${name}.md`]: source } }])) as Record<keyof typeof failing, { files: Record<string, string> }>),
		// Images in bodies, which Astro would optimise and publish from wherever they are.
		inlineOutside: { files: { 'src/content/posts/inline.md': post('title: Inline\ndate: 2024-01-01', 'Text.\n\n![Elsewhere](../../../../outside.jpg)\n') } },
		mdxOutside: {
			files: { 'src/content/posts/imports.mdx': post('title: Imports\ndate: 2024-01-01', 'import photo from "../../../../outside.jpg";\n\n<img src={photo.src} alt="" />\n') },
		},
		// Saved by an old Windows tool, and by Windows PowerShell 5's ">": read as UTF-8, "é" became "�" silently.
		windows1252: { files: { 'src/content/posts/latin.md': Buffer.from('---\ntitle: "Caf\xe9 cr\xe8me"\ndate: 2024-01-01\n---\nBody.\n', 'latin1') } },
		utf16: { files: { 'src/content/posts/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(post('title: UTF-16\ndate: 2024-01-01', 'Body.\n'), 'utf16le')]) } },
		// The same post, named on macOS (NFD) and elsewhere (NFC): the error named two paths that print the same.
		lookalikes: { files: { 'src/content/posts/cafe\u0301.md': post('title: Café\ndate: 2024-01-01', 'Body.\n'), 'src/content/posts/caf\u00e9.md': post('title: Café\ndate: 2024-01-01', 'Body.\n') } },
		// Docusaurus's authors.yml, which posts name authors from by key: its URLs are published as links too.
		authorsList: {
			files: {
				'src/content/posts/authors.yml': 'ada:\n  name: Ada\n  url: https://ada.example.com\nmallory:\n  name: Mallory\n  url: "javascript:alert(1)"\n',
				'src/content/posts/listed.md': post('title: Listed\ndate: 2024-01-01\nauthors: [mallory]', 'Body.\n'),
			},
		},
		// 100 KB of <pre> lines in a Jekyll post, each opening a PlantUML diagram: the check that raw HTML's tags pair
		// up took seconds over them, with the square of their nesting, before the HTML parser's own error.
		deepPre: { files: { 'src/content/posts/_posts/2024-01-01-deep-pre.md': post('title: Deep pre\ndate: 2024-01-01\nlayout: post', `\n${'<pre>\n@startuml\n'.repeat(6_400)}`) } },
		// Quotes nested 500 deep in MDX: the MDX build died of a segmentation fault, printing nothing.
		mdxDeep: { files: { 'src/content/posts/deep.mdx': post('title: Deep MDX\ndate: 2024-01-01', `Intro.\n\n${'> '.repeat(500)}deep\n`) } },
		stalled: {
			files: { 'src/content/posts/stalled.md': post(`title: Stalled\ndate: 2024-01-01\nfeatured_image: http://127.0.0.1:${port}/photo.jpg`, 'Body.\n') },
			options: { title: 'Stalled', remoteImageTimeout: STALL_TIMEOUT },
			astro: { site: SITE, image: { remotePatterns: [{ protocol: 'http', hostname: '127.0.0.1' }] } },
		},
	};
	// The file the outside case points at exists, so that only the refusal keeps it out of dist/.
	writeFileSync(path.join(repoRoot, 'tests/.sites/outside.jpg'), await makeJpeg(200, 100, 9));
	await Promise.all(
		Object.entries(specs).map(async ([name, spec]) => {
			const root = writeSite(`hostile-${name}`, {
				'astro.config.mjs': astroConfig(spec.options ?? { title: 'Hostile' }, spec.astro ?? { site: SITE }),
				'src/content.config.ts': CONTENT_CONFIG,
				...spec.files,
			});
			const result = await runAstro(root, ['build']);
			failures[name as FailingName] = { ...result, root, finished: performance.now() };
		}),
	);
});

afterAll(async () => {
	for (const socket of sockets) socket.destroy();
	await new Promise<void>((resolve) => stalledServer.close(() => resolve()));
});

function printedError(name: FailingName): string {
	const { log, ok } = failures[name];
	expect(ok, log).toBe(false);
	const printed = printedAstroError(failures[name]);
	expect(printed, log).toBeDefined();
	return printed as string;
}

describe('broken posts fail the build with the file, line, field, value and fix', () => {
	test('a featured image outside public/ is refused, and nothing of it is published', () => {
		expect(printedError('outside')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/outside.md:4: featured_image '/../../outside.jpg' points outside public/ (to ../outside.jpg), so it is refused.
			  Hint:
			    Put the image in public/ (e.g. public/images/) and write /images/<name>. Paths starting with / are read from public/, paths starting with ./ from the post's folder.
			  Location:
			    <root>/src/content/posts/outside.md:4:1"
		`);
		const dist = path.join(failures.outside.root, 'dist');
		expect(() => readdirSync(dist)).toThrow();
	});

	test('an image in a Markdown body that points outside the project', () => {
		expect(printedError('inlineOutside')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/inline.md:7: the image '../../../../outside.jpg' points outside the project (to ../outside.jpg), so it is refused.
			  Hint:
			    Copy the image next to the post and write ./<name>, or put it in public/ and write /<path>.
			  Location:
			    <root>/src/content/posts/inline.md:7:1"
		`);
		expect(() => readdirSync(path.join(failures.inlineOutside.root, 'dist', '_astro'))).toThrow();
	});

	test('an image an MDX post imports from outside the project', () => {
		expect(printedError('mdxOutside')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/imports.mdx:5: the image '../../../../outside.jpg' points outside the project (to ../outside.jpg), so it is refused.
			  Hint:
			    Copy the image next to the post and write ./<name>, or put it in public/ and write /<path>.
			  Location:
			    <root>/src/content/posts/imports.mdx:5:1"
		`);
	});

	test('a featured image that is the post folder', () => {
		expect(printedError('folder')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/folder.md:4: featured_image '.' is a folder (src/content/posts), not an image file.
			  Hint:
			    Give the image's file name, e.g. ./cover.jpg.
			  Location:
			    <root>/src/content/posts/folder.md:4:1"
		`);
	});

	test('a featured image with a malformed percent-encoding', () => {
		expect(printedError('percent')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/percent.md:4: cover '/images/50%-off.jpg' has a % that does not start a percent-encoded character such as %20 or %C3%A9.
			  Hint:
			    Write %25 for a % that is part of the file name, or rename the file without it.
			  Location:
			    <root>/src/content/posts/percent.md:4:1"
		`);
	});

	// (Astro swaps the hint of any error whose text says "document" or "window" for advice about browser APIs.)
	test('an author URL that would run a script in feeds and JSON-LD', () => {
		expect(printedError('authorUrl')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/authorUrl.md:4: author.url: expected an http(s): or mailto: URL such as https://example.com, received "javascript:alert(1)".
			  Hint:
			    Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.
			  Location:
			    <root>/src/content/posts/authorUrl.md:4:1"
		`);
	});

	test("an author URL in Docusaurus's authors.yml that would run a script", () => {
		expect(printedError('authorsList')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/authors.yml:6: mallory.url: expected an http(s): or mailto: URL such as https://example.com, but it is "javascript:alert(1)".
			  Hint:
			    Feeds and JSON-LD publish it as a link: write a full URL, or remove url.
			  Location:
			    <root>/src/content/posts/authors.yml:6:1"
		`);
	});

	test('a YAML alias bomb', () => {
		expect(printedError('aliasBomb')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/aliasBomb.md:8:1: invalid YAML front matter: the value of "e" repeats YAML aliases (*name) until the front matter holds more than 10,000 values

			   6 | c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
			   7 | d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
			>  8 | e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
			     | ^
			   9 | f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
			  10 | g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
			  Hint:
			    An alias repeats the value defined with &name. Write the values out, or use fewer aliases.
			  Location:
			    <root>/src/content/posts/aliasBomb.md:8:1"
		`);
	});

	test('a body the Markdown processor cannot render stops the build with the post named, not a bare stack', () => {
		expect(printedError('deepCallouts')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/deepCallouts.md:5: the Markdown processor could not render the body that starts on this line (Error: command error: content nests deeper than 128 levels).
			  Hint:
			    Look for what is unusual in it, such as quotes or lists nested hundreds of levels deep, and simplify it. If the body looks ordinary, report it with the file.
			  Location:
			    <root>/src/content/posts/deepCallouts.md:5:1"
		`);
	});

	test('a title of invisible characters, quoted as written with each one named', () => {
		expect(printedError('invisibleTitle')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/invisibleTitle.md:2: title: expected a non-empty title, received "  \\u200B  ".
			  Hint:
			    Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.
			  Location:
			    <root>/src/content/posts/invisibleTitle.md:2:1"
		`);
	});

	test('a body whose HTML the summary cannot read back', () => {
		expect(printedError('deepEmphasis')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/deepEmphasis.md:5: the HTML rendered from the body that starts on this line could not be read back (RangeError: Maximum call stack size exceeded). Its HTML nests elements deeper than the HTML parser can follow (emphasis, quotes or lists nested thousands of levels deep; browsers stop at 512).
			  Hint:
			    Simplify the body. If it looks ordinary, report it with the file.
			  Location:
			    <root>/src/content/posts/deepEmphasis.md:5:1"
		`);
	});

	test('a Jekyll post of 100 KB of <pre> lines, each opening a diagram, stops the build with the same error', () => {
		expect(printedError('deepPre')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/_posts/2024-01-01-deep-pre.md:6: the HTML rendered from the body that starts on this line could not be read back (RangeError: Maximum call stack size exceeded). Its HTML nests elements deeper than the HTML parser can follow (emphasis, quotes or lists nested thousands of levels deep; browsers stop at 512).
			  Hint:
			    Simplify the body. If it looks ordinary, report it with the file.
			  Location:
			    <root>/src/content/posts/_posts/2024-01-01-deep-pre.md:6:1"
		`);
	});

	test('a body too deep for the feeds is carried there by a link to its page, with a warning naming the post and why; its page has it whole', () => {
		const { log, ok, root } = failures.deepList;
		expect(ok, log).toBe(true);
		expect(log).toContain(
			'src/content/posts/deepList.md: its HTML nests elements deeper than the HTML parser can follow (quotes or lists nested hundreds of levels deep; browsers stop at 512), so the feeds carry its summary and a link to its page instead. To have it in full in feeds, nest its lists or quotes less deeply.',
		);
		const item = parseRssFeed(readFileSync(path.join(root, 'dist/rss.xml'), 'utf8')).items?.[0];
		expect(item?.content?.encoded).toContain(`<a href="${SITE}/posts/deeplist/">This post is laid out too deeply for feed readers: read it on its page.</a>`);
		expect(readFileSync(path.join(root, 'dist/posts/deeplist/index.html'), 'utf8')).toContain('item 999');
	});

	test('a post file in Windows-1252, with the line as that encoding reads it', () => {
		expect(printedError('windows1252')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/latin.md:2:12: the file is not UTF-8, which Carnet reads posts in: byte 0xE9 here starts no UTF-8 character. Read as Windows-1252 (Latin-1), the encoding of most files from older Windows tools, the line is:

			  title: "Café crème"
			  Hint:
			    Save the file as UTF-8 (in VS Code: "Reopen with Encoding" with the encoding it was written in, then "Save with Encoding", then "UTF-8"), or convert it, e.g. from Windows-1252: iconv -f WINDOWS-1252 -t UTF-8 src/content/posts/latin.md > src/content/posts/latin.md.new
			  Location:
			    <root>/src/content/posts/latin.md:2:12"
		`);
	});

	test('a post file in UTF-16', () => {
		expect(printedError('utf16')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/utf16.md:1:1: the file is UTF-16LE, not UTF-8, which Carnet reads posts in: it starts with the bytes 0xFF 0xFE, the byte order mark that Windows PowerShell 5's ">" and Notepad's "Unicode" encoding write.
			  Hint:
			    Save the file as UTF-8 (in VS Code: the encoding in the status bar, then "Save with Encoding", then "UTF-8"), or convert it: iconv -f UTF-16LE -t UTF-8 src/content/posts/utf16.md > src/content/posts/utf16.md.new
			  Location:
			    <root>/src/content/posts/utf16.md:1:1"
		`);
	});

	test('an MDX body nested deep enough to crash the MDX build', () => {
		expect(printedError('mdxDeep')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/deep.mdx:7: from here the body nests quotes or lists 502 levels deep (a list level counts two: the list and its item), more than the 256 Carnet lets through to the MDX build, which crashes without a message past about 450.
			  Hint:
			    Simplify it: a post rarely needs more than a few levels.
			  Location:
			    <root>/src/content/posts/deep.mdx:7:1"
		`);
	});

	test('two files whose names differ only in how accents are written', () => {
		expect(printedError('lookalikes')).toMatchInlineSnapshot(`
			"[AstroUserError] Two posts have the slug "cafe": src/content/posts/café.md and src/content/posts/café.md. The names look the same but are not: the first writes accented letters as a letter followed by an accent (NFD, as macOS names files), the second as one character each (NFC), so both files are on the disk, often one a copy of the other.
			  Hint:
			    Compare the two files, keep one and delete the other.
			  Location:
			    <root>/src/content/posts/café.md:1:1"
		`);
	});

	test('a remote image host that accepts the connection and never answers fails the build within the timeout', () => {
		expect(printedError('stalled').replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')).toMatchInlineSnapshot(`
			"[AstroUserError] src/content/posts/stalled.md:4: featured_image 'http://127.0.0.1:PORT/photo.jpg' could not be downloaded: the host did not answer within 6 s
			  Hint:
			    Check that the host is up, use a copy of the image next to the post, or allow more time with the remoteImageTimeout option (in seconds).
			  Location:
			    <root>/src/content/posts/stalled.md:4:1"
		`);
		expect(failures.stalled.log).toMatch(/stalled\.md:4: featured_image: still downloading http:\/\/127\.0\.0\.1:\d+\/photo\.jpg after 5 s \(0 bytes so far\); giving up after 6 s without data\./);
		// From the connection to the end of the build; without the timeout it took five minutes.
		const seconds = (failures.stalled.finished - firstConnection) / 1000;
		expect(seconds).toBeGreaterThan(STALL_TIMEOUT - 1);
		expect(seconds).toBeLessThan(STALL_TIMEOUT + 10);
	});
});
