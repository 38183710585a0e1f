import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, openSite, printedAstroError, runAstro, writeSite, type CliResult } from '../helpers/sites.ts';

// carnet() is one blog: a config that adds it twice (`npx astro add` run on a site that has it) stops
// with what to change, and postsLoader() may load a second collection of the site's own beside the theme's.

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-01\n---\n\nLe corps de ${title}.\n`;

const twice = `import { defineConfig } from 'astro/config';
import carnet from 'astro-theme-carnet';

export default defineConfig({ site: 'https://example.com', integrations: [carnet({ title: 'Un' }), carnet({ title: 'Deux' })] });
`;

const twoCollections = `import { defineCollection } from 'astro:content';
import { postsLoader } from 'astro-theme-carnet/loaders';
import { postSchema } from 'astro-theme-carnet/schema';

export const collections = {
	notes: defineCollection({ loader: postsLoader({ base: 'src/content/notes' }), schema: postSchema() }),
	posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
};
`;

const notePage = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
	return (await getCollection('notes')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---

<h1>{entry.data.title}</h1>
<div class="body"><Content /></div>
`;

let twiceRoot: string;
let twiceResult: CliResult;
let collectionsRoot: string;
let collectionsResult: CliResult;

beforeAll(async () => {
	twiceRoot = writeSite('integrations-twice', { 'astro.config.mjs': twice, 'src/content.config.ts': CONTENT_CONFIG, 'src/content/posts/a.md': post('A') });
	collectionsRoot = writeSite('integrations-collections', {
		'astro.config.mjs': twice.replace("carnet({ title: 'Un' }), carnet({ title: 'Deux' })", "carnet({ title: 'Carnet' })"),
		'src/content.config.ts': twoCollections,
		'src/content/posts/article.md': post('Article'),
		'src/content/notes/note.md': post('Note'),
		'src/pages/notes/[id].astro': notePage,
	});
	[twiceResult, collectionsResult] = await Promise.all([runAstro(twiceRoot, ['build']), runAstro(collectionsRoot, ['build'])]);
}, 600_000);

describe('carnet() twice in the integrations', () => {
	test('stops the build, saying to keep one', () => {
		expect(twiceResult.ok).toBe(false);
		expect(printedAstroError({ ...twiceResult, root: twiceRoot })).toMatchInlineSnapshot(`
			"[AstroUserError] carnet() is in the integrations of astro.config.mjs 2 times; Carnet makes one blog, with one carnet().
			  Hint:
			    Keep one carnet() and give it every option, e.g. integrations: [carnet({ title: 'My blog', locale: 'fr' })]."
		`);
	});
});

describe("postsLoader() for a collection of the site's own beside the theme's", () => {
	test("publishes the theme's collection, and the other through the site's pages with render(entry)", () => {
		expect(collectionsResult.ok, collectionsResult.log).toBe(true);
		const site = openSite(`${collectionsRoot}/dist`, true, collectionsResult.log);
		expect(site.html('posts/article/index.html')('.carnet-prose').text().trim()).toBe('Le corps de Article.');
		expect(site.html('notes/note/index.html')('.body').text().trim()).toBe('Le corps de Note.');
		expect(site.exists('posts/note/index.html')).toBe(false);
	});

	test("gives no warning that the theme reads another collection, as it reads one postsLoader() loads", () => {
		expect(collectionsResult.log).not.toContain('but the theme reads');
	});
});
