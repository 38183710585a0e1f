import { readdirSync, rmSync } from 'node:fs';
import * as cheerio from 'cheerio';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeJpeg } from '../helpers/images.ts';
import { CONTENT_CONFIG, buildSite, writeSite, type BuiltSite } from '../helpers/sites.ts';

// The posts loader renders bodies on worker threads (integration/markdown-workers.ts), rebuilding there the
// processor the site configured. These builds compare every file it writes with a build whose bodies are
// all rendered on the main thread by Astro's own renderMarkdown (CARNET_MARKDOWN_WORKERS=0).

// The first eight bodies of a build are rendered on the main thread, fillers sorted first take those turns;
// the next eight wait for the starting worker, the feature posts among them; while it starts, the main thread
// renders the others (the fillers sorted last), unless the worker is already there.
const FILLERS = 8;

const FEATURES = (index: number) => `---
title: "Tout y est ${index} : « vraiment » ?"
date: 2024-03-${String(index + 1).padStart(2, '0')} 10:00:00
tags: [PME]
---
---

Une règle d’abord : le corps commence par « --- » !

## Pourquoi : le titre ${index}

> [!NOTE]
> Une note : à lire.

> [!TIP]- Replié
> Caché, avec $x^2$ dedans.

> &#91;!WARNING]
> Écrit avec une référence de caractère.

> Une simple citation ; rien de plus.

L’énergie vaut $E = mc^2$, les prix restent du texte : entre 5 $ et 10 $.

L’eau, $\\ce{H2O}$, et une enthalpie de $\\pu{123 kJ/mol}$.

$$
\\frac{a}{b}
$$

\`\`\`js title="app.js" {1}
const un = 'a : b';
\`\`\`

    indenté : code

Du \`code : inline\`, une note.[^1] Un lien [interne](/posts/filler-01/) et <a href="/tags/pme/">brut</a>.

![Une photo](./photo.jpg "La légende")

Une image publique : ![Graphique](/images/chart.png) et <img src="/images/chart.png" alt="brute">

{{< figure src="/images/chart.png" alt="Code court" >}}

[^1]: La note de bas de page.
`;

const FILLER = (index: number) => `---
title: Remplissage ${index}
date: 2023-01-${String(index + 1).padStart(2, '0')}
---
Juste des mots : rien d’autre ! Voir [l’autre](/posts/filler-0${(index + 1) % FILLERS}/).
`;

async function files(config: string): Promise<Record<string, string | Buffer>> {
	const photo = await makeJpeg(800, 500, 3);
	const result: Record<string, string | Buffer> = {
		'astro.config.mjs': config,
		'src/content.config.ts': CONTENT_CONFIG,
		'public/images/chart.png': await sharp({ create: { width: 640, height: 360, channels: 3, background: '#cc3333' } }).png().toBuffer(),
	};
	for (let index = 0; index < FILLERS; index++) {
		result[`src/content/posts/filler-${String(index).padStart(2, '0')}.md`] = FILLER(index);
		result[`src/content/posts/vrac-${String(index).padStart(2, '0')}.md`] = FILLER(FILLERS + index);
	}
	for (let index = 0; index < 6; index++) {
		result[`src/content/posts/tout-${index}/index.md`] = FEATURES(index);
		result[`src/content/posts/tout-${index}/photo.jpg`] = photo;
	}
	return result;
}

const CONFIG = `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({
	site: 'https://example.com',
	base: '/blog',
	integrations: [carnet({ title: 'Fils', locale: 'fr', timeZone: 'Europe/Paris', math: 'htmlAndMathml' })],
});
`;

// A hast plugin of the site's own: a function, which no worker can be given.
const SITE_PLUGIN_CONFIG = `import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import carnet from 'astro-theme-carnet';

const mark = { name: 'site-mark', element: { filter: ['h2'], visit: (node, context) => context.setProperty(node, 'className', ['site-mark']) } };

export default defineConfig({
	site: 'https://example.com',
	markdown: { processor: satteri({ hastPlugins: [mark] }) },
	integrations: [carnet({ title: 'Fils', locale: 'fr' })],
});
`;

/** Every page, feed and text file of a build, by path. */
function outputOf(site: BuiltSite): Map<string, string> {
	expect(site.ok, site.log).toBe(true);
	const names = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|xml|json|txt)$/.test(file));
	return new Map(names.sort().map((file) => [file, site.read(file)]));
}

describe.skipIf(availableParallelism() < 2)('Markdown bodies rendered on worker threads', () => {
	let onWorkers: BuiltSite;
	let onMain: BuiltSite;

	beforeAll(async () => {
		const root = writeSite('markdown-workers', await files(CONFIG));
		onMain = await buildSite(root, { outDir: path.join(root, 'dist-main'), env: { CARNET_MARKDOWN_WORKERS: '0' } });
		// Cold again: the second build must render the bodies, not take them from the first one's cache.
		for (const folder of ['.astro', 'node_modules/.astro']) rmSync(path.join(root, folder), { recursive: true, force: true });
		onWorkers = await buildSite(root);
	}, 300_000);

	test('a build renders at least the eight bodies that wait for the starting worker on it, and says so', () => {
		expect(onWorkers.log).toMatch(/Rendered 22 post bodies, (\d+) of them on \d+ worker threads?\./);
		const [, count] = /Rendered 22 post bodies, (\d+) of them/.exec(onWorkers.log) ?? [];
		expect(Number(count)).toBeGreaterThanOrEqual(8);
		expect(onMain.log).not.toMatch(/worker thread/);
	});

	test('pages, feeds and the sitemap are byte for byte those of bodies rendered by Astro on the main thread', () => {
		const expected = outputOf(onMain);
		const actual = outputOf(onWorkers);
		expect([...actual.keys()]).toEqual([...expected.keys()]);
		for (const [file, contents] of expected) expect(actual.get(file), file).toBe(contents);
	});

	test('worker-rendered bodies keep every feature: callouts, math, code, figures, image sizes, base and French spacing', () => {
		const page = onWorkers.html('posts/tout-5/index.html');
		const body = page('.carnet-prose');
		expect(body.find('aside.carnet-callout--note').length).toBe(1);
		expect(body.find('details.carnet-callout--tip').length).toBe(1);
		expect(body.find('.carnet-callout--warning').length).toBe(1);
		expect(body.find('math').length).toBeGreaterThanOrEqual(2);
		expect(body.find('.katex-html').length).toBeGreaterThanOrEqual(2);
		expect(body.find('figure img[src^="/blog/_astro/"]').length).toBe(1);
		expect(body.find('img[src="/blog/images/chart.png"][width="640"][height="360"]').length).toBe(3);
		expect(body.find('a[href="/blog/posts/filler-01/"]').length).toBe(1);
		expect(body.find('a[href="/blog/tags/pme/"]').length).toBe(1);
		expect(body.find('hr').length).toBeGreaterThanOrEqual(1);
		expect(body.text()).toContain('Une règle d’abord\u202F: le corps commence par «\u202F—\u202F»\u202F!');
		expect(body.find('pre code').first().text()).toContain("'a : b'");
		expect(body.find('code').filter((_, element) => page(element).text() === 'code : inline').length).toBe(1);
	});

	test("renders mhchem's \\ce and \\pu, as Hugo's KaTeX does, on the page and in the feed, with no warning", () => {
		const body = onWorkers.html('posts/tout-5/index.html')('.carnet-prose');
		const water = body.find('annotation[encoding="application/x-tex"]').filter((_, annotation) => annotation.children.some((child) => 'data' in child && child.data === '\\ce{H2O}'));
		expect(water.length).toBe(1);
		// mhchem writes H₂O as an upright H and O around a subscript 2.
		const math = water.closest('math');
		expect([math.find('mi[mathvariant="normal"]').text(), math.find('msub mn').text()]).toEqual(['HO', '2']);
		expect(body.find('.katex-error').length).toBe(0);
		const items = [onWorkers.xml('rss.xml').rss.channel.item].flat() as Record<string, string>[];
		const feed = cheerio.load(items.find((item) => item.link?.endsWith('/posts/tout-5/'))?.['content:encoded'] ?? '');
		const inFeed = feed('annotation').filter((_, annotation) => feed(annotation).text() === '\\ce{H2O}');
		expect(inFeed.closest('math').find('msub mn').text()).toBe('2');
		expect(feed('.katex-error').length).toBe(0);
		expect(onWorkers.log).not.toContain('KaTeX knows no command');
	});
});

describe('Markdown bodies with a plugin of the site’s own', () => {
	let site: BuiltSite;

	beforeAll(async () => {
		site = await buildSite(writeSite('markdown-workers-site-plugin', await files(SITE_PLUGIN_CONFIG)));
	}, 300_000);

	test('are all rendered on the main thread, by the site’s processor with its plugin', () => {
		expect(site.ok, site.log).toBe(true);
		expect(site.log).not.toMatch(/worker thread/);
		for (const name of ['vrac-07', 'tout-0', 'tout-5']) {
			const headings = site.html(`posts/${name}/index.html`)('.carnet-prose h2');
			if (name.startsWith('tout')) expect(headings.length, name).toBeGreaterThan(0);
			headings.each((_, heading) => expect(site.html(`posts/${name}/index.html`)(heading).hasClass('site-mark'), name).toBe(true));
		}
	});
});
