import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// An English blog with posts in Persian and Hebrew that say no `lang`, and open with a Latin name, as tech posts do.
let site: BuiltSite;

beforeAll(async () => {
	const root = writeSite('rtl-text', {
		'astro.config.mjs': astroConfig({ title: 'Blog', locale: 'en' }, { site: 'https://rtl-text.example.com' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'src/content/posts/react.md': '---\ntitle: "React در عمل"\ndate: 2024-03-01\ntags: [web]\n---\nReact یک کتابخانه برای ساختن رابط کاربری است.\n\n```js\nimport { createRoot } from "react-dom/client";\n```\n',
		'src/content/posts/hooks.md': '---\ntitle: "React Hooks!"\ndate: 2024-02-01\ntags: [web]\n---\nHooks בריאקט הם פונקציות שמאפשרות להשתמש במצב.\n',
		'src/content/posts/intro.md': '---\ntitle: "Intro to العربية"\ndate: 2024-01-01\ntags: [web]\n---\nThe word العربية means Arabic; this post is about the language.\n',
	});
	site = await buildSite(root);
	expect(site.ok, site.log).toBe(true);
}, 300_000);

describe('a post in a right-to-left script without a lang, on a left-to-right blog', () => {
	test('has its body and title laid out right to left on its page, though they open with a Latin word', () => {
		const $ = site.html('posts/react/index.html');
		expect($('html').attr('dir')).toBe('ltr');
		expect($('.carnet-prose').attr('dir')).toBe('rtl');
		expect($('h1.carnet-post__title').attr('dir')).toBe('rtl');
	});

	test('keeps a title in Latin letters alone reading left to right above its right-to-left body', () => {
		const $ = site.html('posts/hooks/index.html');
		expect($('.carnet-prose').attr('dir')).toBe('rtl');
		expect($('h1.carnet-post__title').attr('dir')).toBe('auto');
	});

	test('has its title right to left in lists of posts: cards, the archive, a tag page and related posts', () => {
		const card = (file: string) => {
			const $ = site.html(file);
			return $('.carnet-card__title').filter((_, title) => $(title).text().includes('React در عمل')).attr('dir');
		};
		expect(card('index.html')).toBe('rtl');
		expect(card('tags/web/index.html')).toBe('rtl');
		const archive = site.html('archive/index.html');
		expect(archive('a').filter((_, link) => archive(link).text() === 'React در عمل').attr('dir')).toBe('rtl');
		const intro = site.html('posts/intro/index.html');
		expect(intro('.carnet-related a').filter((_, link) => intro(link).text() === 'React در عمل').attr('dir')).toBe('rtl');
	});

	test('gives its feed item a right-to-left body in every feed', () => {
		const react = '<div dir="rtl"><p>React یک کتابخانه برای ساختن رابط کاربری است.</p>';
		expect(parseRssFeed(site.read('rss.xml')).items?.[0]?.content?.encoded).toMatch(new RegExp(`^${react}`));
		expect(parseAtomFeed(site.read('atom.xml')).entries?.[0]?.content?.value).toMatch(new RegExp(`^${react}`));
		expect((JSON.parse(site.read('feed.json')) as { items: { content_html: string }[] }).items[0]?.content_html).toMatch(new RegExp(`^${react}`));
	});
});

describe('an English post with a word of Arabic', () => {
	test('is laid out as any English post: its body and title take their direction from their first letters', () => {
		const $ = site.html('posts/intro/index.html');
		expect($('.carnet-prose').attr('dir')).toBe('auto');
		expect($('h1.carnet-post__title').attr('dir')).toBe('auto');
		const home = site.html('index.html');
		expect(home('.carnet-card__title').filter((_, title) => home(title).text().includes('Intro')).attr('dir')).toBe('auto');
		expect(parseRssFeed(site.read('rss.xml')).items?.[2]?.content?.encoded).toBe('<p>The word العربية means Arabic; this post is about the language.</p>');
	});
});
