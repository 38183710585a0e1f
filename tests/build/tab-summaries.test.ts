import { parseFeed } from 'feedsmith';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// Posts that open with tabs, which Carnet shows one after the other, each tab's title a bold line above its text:
// a post's summary (its cards, its description, its feed items) is that text, not the first tab's title.
const POSTS: Record<string, { file: string; summary: string }> = {
	mkdocs: { file: '---\ntitle: MkDocs\ndate: 2024-01-01\n---\n\n=== "Python"\n\n    Install it with pip, then run the script.\n\n=== "Go"\n\n    Build it with go build.\n', summary: 'Install it with pip, then run the script.' },
	hugo: { file: '---\ntitle: Hugo\ndate: 2024-01-02\n---\n\n{{< tabs >}}\n{{< tab "Linux" >}}\nRun the installer from your terminal.\n{{< /tab >}}\n{{< tab "Windows" >}}\nDouble-click the installer.\n{{< /tab >}}\n{{< /tabs >}}\n', summary: 'Run the installer from your terminal.' },
	'hugo-blank': { file: '---\ntitle: Hugo, blank lines\ndate: 2024-01-03\n---\n\n{{< tabs >}}\n{{< tab "Linux" >}}\n\nRun the installer from a terminal.\n\n{{< /tab >}}\n{{< /tabs >}}\n', summary: 'Run the installer from a terminal.' },
	hexo: { file: '---\ntitle: Hexo\ndate: 2024-01-04\n---\n\n{% tabs fruits %}\n<!-- tab Apple -->\n\nApples grow on trees in the orchard.\n\n<!-- endtab -->\n{% endtabs %}\n', summary: 'Apples grow on trees in the orchard.' },
	shoka: { file: '---\ntitle: Shoka\ndate: 2024-01-05\n---\n\n;;;id1 First tab\n\nThe text of the first tab is here.\n\n;;;\n', summary: 'The text of the first tab is here.' },
	jekyll: { file: '---\ntitle: Jekyll\ndate: 2024-01-06\n---\n\n{% tabs log %}\n\n{% tab log php %}\n\nPHP prints the log like this.\n\n{% endtab %}\n\n{% endtabs %}\n', summary: 'PHP prints the log like this.' },
	// What is not a label stays: a sentence in bold, bold words that start a sentence, a post that is a bold line alone.
	sentence: { file: "---\ntitle: Sentence\ndate: 2024-01-07\n---\n\n**An author's opening sentence in bold, which is the summary.**\n\nMore text.\n", summary: 'An author’s opening sentence in bold, which is the summary.' },
	'bold-start': { file: '---\ntitle: Bold start\ndate: 2024-01-08\n---\n\n**Update:** the installer moved.\n\nMore text.\n', summary: 'Update: the installer moved.' },
	'label-only': { file: '---\ntitle: Label only\ndate: 2024-01-09\n---\n\n**Happy new year**\n', summary: 'Happy new year' },
};

let site: BuiltSite;

beforeAll(async () => {
	const files: Record<string, string> = { 'astro.config.mjs': astroConfig({ title: 'Tabs' }), 'src/content.config.ts': CONTENT_CONFIG };
	for (const [name, { file }] of Object.entries(POSTS)) files[`src/content/posts/${name}.md`] = file;
	site = await buildSite(writeSite('tab-summaries', files));
});

describe('posts that open with tabs', () => {
	test("are summarised by the first tab's text, not its title: in their description, their card and the feed", () => {
		expect(site.ok, site.log).toBe(true);
		const cards = site.html('index.html');
		const feed = parseFeed(site.read('rss.xml')).feed as { items: { link: string; description: string }[] };
		for (const [name, { summary }] of Object.entries(POSTS)) {
			expect(site.html(`posts/${name}/index.html`)('meta[name="description"]').attr('content'), name).toBe(summary);
			const card = cards('.carnet-card').filter((_, element) => cards(element).find(`a[href="/posts/${name}/"]`).length > 0);
			expect(card.find('.carnet-card__description').text().trim(), name).toBe(summary);
			expect(feed.items.find((item) => item.link === `https://example.com/posts/${name}/`)?.description, name).toBe(summary);
		}
	});

	test("still show each tab's title in bold on the post's page", () => {
		expect(site.html('posts/mkdocs/index.html')('.carnet-prose p > strong').map((_, element) => element.children.map((child) => ('data' in child ? child.data : '')).join('')).get()).toEqual(['Python', 'Go']);
	});
});
