import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRssString } from '@astrojs/rss';
import { z } from 'astro/zod';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import { postSchema, type ImageFunction } from '../../theme/schema.ts';
import { giscusSettings } from '../../theme/utils/comments.ts';
import { editLink } from '../../theme/utils/edit-link.ts';
import { feedCss } from '../../theme/utils/feed-css.ts';
import { feedStylesheet } from '../../theme/utils/feed-stylesheet.ts';
import { rssOptions } from '../../theme/utils/feeds.ts';
import { renderIntro } from '../../theme/utils/intro.ts';
import { groupSeries, pinnedFirst } from '../../theme/utils/series.ts';

const image = (() => z.string()) as unknown as ImageFunction;
const schema = postSchema()({ image });
const date = new Date('2024-02-02T23:00:00Z');

function optionsError(input: unknown): string {
	try {
		parseThemeOptions(input);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('expected the options to be refused');
}

describe('front matter of pinned posts, series, comments and canonical addresses', () => {
	test('reads pinned, series with series_order or seriesOrder, comments and canonicalURL', () => {
		expect(schema.parse({ title: 'T', date, pinned: true, series: ' Astro ', series_order: 2, comments: false, canonicalURL: 'https://dev.to/me/post' })).toMatchObject({
			pinned: true,
			series: { name: 'Astro', order: 2 },
			comments: false,
			canonicalURL: 'https://dev.to/me/post',
			extra: {},
		});
		expect(schema.parse({ title: 'T', date, series: 'Astro', seriesOrder: 3 }).series).toEqual({ name: 'Astro', order: 3 });
	});

	test('refuses a canonicalURL that is not an http(s) address, and a series_order that is not a number', () => {
		for (const url of ['javascript:alert(1)', 'mailto:me@example.com', '/posts/x/', 'java\tscript:alert(1)']) {
			const result = schema.safeParse({ title: 'T', date, canonicalURL: url });
			expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]), url).toEqual([
				['canonicalURL', "expected the post's original http(s) address, such as https://example.com/posts/my-post/"],
			]);
		}
		expect(schema.safeParse({ title: 'T', date, series: 'S', series_order: 'second' }).error?.issues[0]?.path).toEqual(['series_order']);
		expect(schema.safeParse({ title: 'T', date, pinned: 'yes' }).error?.issues[0]?.message).toBe('expected true or false');
	});
});

describe('series and pinned order', () => {
	const post = (id: string, day: number, series?: string, order?: number, pinned = false) => ({
		id,
		date: new Date(Date.UTC(2024, 0, day)),
		pinned,
		series: series ? { name: series, slug: series.toLowerCase(), url: `/series/${series.toLowerCase()}/`, order } : undefined,
	});

	test('groups a series by its parts\' order, then by date, oldest first', () => {
		const posts = [post('c', 30, 'Astro'), post('b', 20, 'Astro', 1), post('a', 10, 'Astro'), post('x', 5, 'Hugo'), post('n', 1)];
		const series = groupSeries(posts, 'en');
		expect(series.map((item) => [item.name, item.posts.map((part) => part.id)])).toEqual([
			['Astro', ['b', 'a', 'c']],
			['Hugo', ['x']],
		]);
	});

	test('puts pinned posts first, keeping the order they came in', () => {
		const posts = [post('new', 30), post('pin-new', 20, undefined, undefined, true), post('mid', 15), post('pin-old', 10, undefined, undefined, true)];
		expect(pinnedFirst(posts).map((item) => item.id)).toEqual(['pin-new', 'pin-old', 'new', 'mid']);
	});
});

describe('the home introduction', () => {
	test('renders paragraphs, links, strong, emphasis and code, and shows HTML as text', () => {
		expect(renderIntro('Hello **you** and *me*,\nsee [the <i>about</i> page](/about/).\n\n`<b>` _stays_ snake_case_name <img src=x onerror=alert(1)>')).toBe(
			'<p>Hello <strong>you</strong> and <em>me</em>, see <a href="/about/">the &lt;i&gt;about&lt;/i&gt; page</a>.</p>' +
				'<p><code>&lt;b&gt;</code> <em>stays</em> snake_case_name &lt;img src=x onerror=alert(1)&gt;</p>',
		);
	});

	test('errors on a link that is not a path or an http(s): or mailto: URL, naming the option', () => {
		expect(optionsError({ title: 'Blog', intro: 'A [trap](javascript:alert(1)).' })).toContain(
			'- intro: the link "trap" to javascript:alert(1) is not a path or an http(s): or mailto: URL',
		);
	});

	test('reads a link whose address holds parentheses, as Markdown does', () => {
		expect(renderIntro('About [the book](https://en.wikipedia.org/wiki/Carnet_(book)).')).toBe('<p>About <a href="https://en.wikipedia.org/wiki/Carnet_(book)">the book</a>.</p>');
	});
});

describe('edit links', () => {
	test('append the path inside the posts folder when editUrl names it, the whole path otherwise', () => {
		expect(editLink('https://github.com/o/r/edit/main/src/content/posts/', 'src/content/posts/2024/hello world.md')).toBe(
			'https://github.com/o/r/edit/main/src/content/posts/2024/hello%20world.md',
		);
		expect(editLink('https://github.com/o/r/edit/main/src/content/posts', 'src/content/posts/x.mdx')).toBe('https://github.com/o/r/edit/main/src/content/posts/x.mdx');
		expect(editLink('https://github.com/o/r/edit/main/', 'src/content/posts/x.md')).toBe('https://github.com/o/r/edit/main/src/content/posts/x.md');
		expect(editLink('https://github.com/o/r/edit/main/blog/', 'blog/posts/x.md')).toBe('https://github.com/o/r/edit/main/blog/posts/x.md');
	});

	test("append the path to editUrl's path, keeping its query and fragment", () => {
		expect(editLink('https://gitlab.example/me/blog/-/edit/main/src/content/posts?ref_type=heads', 'src/content/posts/post-1.md')).toBe(
			'https://gitlab.example/me/blog/-/edit/main/src/content/posts/post-1.md?ref_type=heads',
		);
		expect(editLink('https://example.org/edit/#top', 'src/content/posts/x.md')).toBe('https://example.org/edit/src/content/posts/x.md#top');
	});

	test('editUrl must be an http(s) URL', () => {
		expect(optionsError({ title: 'Blog', editUrl: 'javascript:alert(1)//' })).toContain('- editUrl: expected an http(s) URL such as https://github.com/me/blog/edit/main/src/content/posts/');
	});
});

describe('the comments option', () => {
	const giscus = { provider: 'giscus', repo: 'me/blog', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1' };

	test('gives giscus its settings, in the site\'s language when giscus has it', () => {
		const config = parseThemeOptions({ title: 'Blog', locale: 'fr-CA', comments: giscus });
		expect(giscusSettings(config.comments as NonNullable<typeof config.comments>, config.locale)).toMatchObject({
			repo: 'me/blog',
			'repo-id': 'R_1',
			'category-id': 'DIC_1',
			mapping: 'pathname',
			'reactions-enabled': '1',
			'input-position': 'bottom',
			lang: 'fr',
		});
		const chinese = parseThemeOptions({ title: 'Blog', locale: 'zh-TW', comments: { ...giscus, mapping: 'title' } });
		expect(giscusSettings(chinese.comments as NonNullable<typeof chinese.comments>, chinese.locale)).toMatchObject({ lang: 'zh-TW', mapping: 'title' });
	});

	test('errors on a provider it does not know and on a repository that is not owner/name', () => {
		const message = optionsError({ title: 'Blog', comments: { ...giscus, provider: 'disqus', repo: 'blog' } });
		expect(message).toContain("- comments.provider: expected 'giscus' (another provider is a Comments component of your own), received \"disqus\".");
		expect(message).toContain('- comments.repo: expected a GitHub repository such as "me/blog", received "blog".');
	});
});

describe('feeds in a browser', () => {
	test('the XSL page writes RFC 822 dates in the site\'s language, in UTC', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-xsl-'));
		const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>https://e.com/</link><description>D</description>
<item><title>One</title><link>https://e.com/1/</link><pubDate>Fri, 02 Feb 2024 23:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://e.com/2/</link><pubDate>Mon, 09 Dec 2024 07:05:00 GMT</pubDate></item></channel></rss>`;
		writeFileSync(path.join(dir, 'rss.xml'), rss);
		const dates = (lang: string) => {
			writeFileSync(path.join(dir, 'rss.xsl'), feedStylesheet({ lang, about: 'a', address: 'b', latest: 'c', visit: 'd' }));
			const html = execFileSync('xsltproc', [path.join(dir, 'rss.xsl'), path.join(dir, 'rss.xml')], { encoding: 'utf8' });
			return [...html.matchAll(/<p class="date">([^<]*)<\/p>/g)].map((match) => match[1]);
		};
		expect(dates('en')).toEqual(['February 2, 2024 at 23:00 UTC', 'December 9, 2024 at 07:05 UTC']);
		expect(dates('fr')).toEqual(['2 février 2024 à 23:00 UTC', '9 décembre 2024 à 07:05 UTC']);
		expect(dates('de')).toEqual(['2. Februar 2024 um 23:00 UTC', '9. Dezember 2024 um 07:05 UTC']);
	});

	test("the XSL page shows the channel's and items' descriptions as written, not the HTML escapes RSS gives them", async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-xsl-'));
		const text = 'Use <div> & "more" &amp; ]]> &';
		const meta = { title: 'T', description: text, language: 'en', timeZone: 'UTC', homeUrl: 'https://e.com/', selfUrl: 'https://e.com/rss.xml' };
		const entry = { url: 'https://e.com/1/', title: 'One', summary: text, contentHtml: '<p>x</p>', published: date, categories: [], authors: [] };
		writeFileSync(path.join(dir, 'rss.xml'), await getRssString(rssOptions(meta, [entry])));
		writeFileSync(path.join(dir, 'rss.xsl'), feedStylesheet({ lang: 'en', about: 'a', address: 'b', latest: 'c', visit: 'd' }));
		const page = cheerio.load(execFileSync('xsltproc', [path.join(dir, 'rss.xsl'), path.join(dir, 'rss.xml')], { encoding: 'utf8' }));
		expect(page('h1 + p').text()).toBe(text);
		expect(page('li p:not(.date)').text()).toBe(text);
	});

	test('the XSL page is laid out right to left for a right-to-left language', () => {
		expect(feedStylesheet({ lang: 'ar', about: 'a', address: 'b', latest: 'c', visit: 'd' })).toContain('<html lang="ar" dir="rtl">');
		expect(feedStylesheet({ lang: 'he-IL', about: 'a', address: 'b', latest: 'c', visit: 'd' })).toContain('<html lang="he-IL" dir="rtl">');
		expect(feedStylesheet({ lang: 'fr', about: 'a', address: 'b', latest: 'c', visit: 'd' })).toContain('<html lang="fr" dir="ltr">');
	});

	test('feed.css quotes its translated texts safely', () => {
		const css = feedCss({ about: 'Say "hi" \\ bye', address: 'Address', latest: 'Latest' });
		expect(css).toContain('content: "Say \\"hi\\" \\\\ bye\\A \\A Address";');
	});
});
