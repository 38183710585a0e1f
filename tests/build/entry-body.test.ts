import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_CONFIG, astroConfig, buildSite, repoRoot, writeSite, type BuiltSite } from '../helpers/sites.ts';

// `entry.body` as Astro documents it and its glob() loader gives it: the file's text after its front matter,
// as written (its line endings kept, white space trimmed at both ends), whatever the theme renders from it.

const REFERENCE = 'externalisation-le-traitement-antistress-des-pme.md';
const reference = readFileSync(path.join(repoRoot, 'src/content/posts', REFERENCE), 'utf8');
const jpeg = readFileSync(path.join(repoRoot, 'public/images/blog-01-atypique.jpg'));

// A byte-order mark, Windows line endings, blank lines around the body, and what the theme rewrites
// before rendering: a callout, the summary's divider, a file link.
const PLAIN = '\uFEFF---\r\ntitle: Plain\r\ndate: 2024-01-02\r\n---\r\n\r\n\r\n  Intro with [the notes](./notes.txt).\r\n\r\n<!--more-->\r\n\r\n:::note\r\nA note.\r\n:::\r\n\r\n## Part\r\n\r\nThe end.  \r\n\r\n';
const PLAIN_BODY = 'Intro with [the notes](./notes.txt).\r\n\r\n<!--more-->\r\n\r\n:::note\r\nA note.\r\n:::\r\n\r\n## Part\r\n\r\nThe end.';
const MDX = "---\ntitle: Composant\ndate: 2024-01-03\n---\n\nexport const Note = (props) => <aside>{props.children}</aside>;\n\n## Rendu\n\n<Note>Rendu par MDX !</Note>\n";
const MDX_BODY = 'export const Note = (props) => <aside>{props.children}</aside>;\n\n## Rendu\n\n<Note>Rendu par MDX !</Note>';
// Its body is kept in the data store with its image, where other bodies are in the body cache.
const IMAGE = '---\ntitle: Photo\ndate: 2024-01-04\n---\n\nLa vue :\n\n![La vue](./view.jpg)\n';

/** The reference post's body as glob() gives it: what follows the line that closes its front matter, trimmed. */
function referenceBody(): string {
	const close = reference.indexOf('\n---\n');
	return reference.slice(close + '\n---\n'.length).trim();
}

let root: string;
let cold: BuiltSite;
let warm: BuiltSite;
let coldBodyFiles: Map<string, number>;

const bodiesDir = () => path.join(root, 'node_modules/.astro/carnet/bodies');
const bodyFiles = () => new Map(readdirSync(bodiesDir()).map((file) => [file, statSync(path.join(bodiesDir(), file)).mtimeMs]));

beforeAll(async () => {
	root = writeSite('entry-body', {
		'astro.config.mjs': astroConfig({ title: 'Bodies' }),
		'src/content.config.ts': CONTENT_CONFIG,
		'public/images/blog-01-atypique.jpg': jpeg,
		[`src/content/posts/${REFERENCE}`]: reference,
		'src/content/posts/plain/index.md': PLAIN,
		'src/content/posts/plain/notes.txt': 'Notes.\n',
		'src/content/posts/composant.mdx': MDX,
		'src/content/posts/photo/index.md': IMAGE,
		'src/content/posts/photo/view.jpg': jpeg,
		// Pages of the site's own reading the collection as Astro's docs show: the raw bodies as JSON, which
		// keeps their carriage returns, and each body through render(entry).
		'src/pages/bodies.json.ts': `import { getCollection } from 'astro:content';
export async function GET() {
	const entries = await getCollection('posts');
	return new Response(JSON.stringify(Object.fromEntries(entries.map((entry) => [entry.id, entry.body ?? null]))));
}
`,
		'src/pages/every-entry.astro': `---
import { getCollection, render } from 'astro:content';
const entries = await Promise.all((await getCollection('posts')).map(async (entry) => ({ entry, ...(await render(entry)) })));
---
<html lang="en"><head><title>Every entry</title></head><body>
{entries.map(({ entry, Content, headings }) => <article data-post={entry.id} data-headings={headings.map((heading) => heading.text).join(' | ')}><Content /></article>)}
</body></html>
`,
	});
	cold = await buildSite(root);
	expect(cold.ok, cold.log).toBe(true);
	coldBodyFiles = bodyFiles();
	warm = await buildSite(root);
	expect(warm.ok, warm.log).toBe(true);
}, 600_000);

const EXPECTED = () => ({
	'externalisation-le-traitement-antistress-des-pme': referenceBody(),
	plain: PLAIN_BODY,
	composant: MDX_BODY,
	photo: 'La vue :\n\n![La vue](./view.jpg)',
});

const normalise = (html: string | null) => cheerio.load(html ?? '', null, false).html().trim();

describe.each([
	['a cold build', () => cold],
	['a warm build, which takes the entries from the store and the bodies from the cache', () => warm],
])('in %s', (_, site) => {
	test("gives each entry the body its file writes after its front matter, as Astro's glob() loader does", () => {
		expect(JSON.parse(site().read('bodies.json'))).toEqual(EXPECTED());
	});

	test('renders each body through render(entry) as its post page shows it, headings included', () => {
		const all = site().html('every-entry/index.html');
		for (const slug of Object.keys(EXPECTED())) {
			const page = site().html(`posts/${slug}/index.html`);
			const article = all(`article[data-post="${slug}"]`);
			expect(normalise(article.html()), slug).toBe(normalise(page('.carnet-prose').html()));
			const headings = page('.carnet-prose :is(h2, h3, h4, h5, h6)').map((_, heading) => page(heading).text()).get();
			expect(article.attr('data-headings'), slug).toBe(headings.join(' | '));
		}
		// Rendered from the HTML the theme made, not from the raw body: the callout is one, the divider is gone.
		const plain = all('article[data-post="plain"]');
		expect(plain.find('h2').text()).toBe('Part');
		expect(plain.text()).not.toContain(':::note');
		expect(plain.html()).not.toContain('<!--more-->');
		expect(all('article[data-post="composant"] aside').text()).toContain('Rendu par MDX');
	});
});

test('the warm build renders no body again: it writes the same pages from the bodies the cold build cached', () => {
	expect(coldBodyFiles.size).toBe(2);
	expect(bodyFiles()).toEqual(coldBodyFiles);
	for (const file of ['every-entry/index.html', 'bodies.json', 'posts/plain/index.html']) expect(warm.read(file), file).toBe(cold.read(file));
});

test("with postsLoader({ retainBody: false }), as with glob()'s option, leaves every entry's body undefined on the next build and renders the same pages", async () => {
	writeFileSync(path.join(root, 'src/content.config.ts'), CONTENT_CONFIG.replace('postsLoader()', 'postsLoader({ retainBody: false })'));
	const unkept = await buildSite(root);
	expect(unkept.ok, unkept.log).toBe(true);
	expect(JSON.parse(unkept.read('bodies.json'))).toEqual(Object.fromEntries(Object.keys(EXPECTED()).map((slug) => [slug, null])));
	for (const file of ['every-entry/index.html', 'posts/plain/index.html', 'posts/composant/index.html']) expect(unkept.read(file), file).toBe(cold.read(file));
}, 600_000);
