import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { statusText, type ViewContext } from '../../theme/client/search-view.ts';
import en from '../../theme/i18n/en.ts';
import fr from '../../theme/i18n/fr.ts';
import { readSearchCache, searchIndexKey, writeSearchCache } from '../../theme/integration/search-cache.ts';
import { findSearchablePages, type SearchablePage } from '../../theme/integration/search-pages.ts';
import { excerptRuns, narrowestCandidate, rankSearchResults, searchAttributes } from '../../theme/utils/search.ts';

const tag = (name: string, slug: string) => ({ name, slug, url: `/tags/${slug}/`, count: 1 });

describe('the search attributes of a post page', () => {
	const post = {
		url: '/blog/posts/hello',
		title: 'Hello, world',
		date: new Date('2024-02-03T08:00:00Z'),
		description: 'A first post, with commas, and "quotes".',
		tags: [tag('PME, TPE', 'pme-tpe'), tag('Télétravail', 'teletravail')],
	};

	test('mark the article as the indexed text and name its address, date, description, tags and thumbnail', () => {
		const { article, header } = searchAttributes(post, '/_astro/hello.480.webp');
		expect(article).toEqual({
			'data-pagefind-body': '',
			'data-pagefind-meta': 'date[data-carnet-date], description[data-carnet-description], tags[data-carnet-tags], image[data-carnet-image]',
			'data-pagefind-sort': 'date[data-carnet-date]',
			'data-pagefind-filter': 'tag[data-carnet-tag-1], tag[data-carnet-tag-2]',
			'data-carnet-url': '/blog/posts/hello',
			'data-carnet-date': '2024-02-03T08:00:00.000Z',
			'data-carnet-description': 'A first post, with commas, and "quotes".',
			'data-carnet-tags': 'PME, TPE, Télétravail',
			'data-carnet-tag-1': 'pme-tpe',
			'data-carnet-tag-2': 'teletravail',
			'data-carnet-image': '/_astro/hello.480.webp',
		});
		expect(header).toEqual({ 'data-pagefind-ignore': '' });
	});

	test('have Pagefind index a title, a description and tags written without spaces between words as text, and nothing more for others', () => {
		expect(searchAttributes(post, undefined).text).toBeUndefined();
		expect(searchAttributes({ ...post, title: '你好，世界' }, undefined).text).toEqual({ 'data-pagefind-index-attrs': 'data-carnet-title', 'data-carnet-title': '你好，世界' });
		expect(searchAttributes({ ...post, title: 'Astro 入門', description: 'สวัสดีชาวโลก', tags: [tag('静态网站', '静态网站'), tag('Astro', 'astro')] }, undefined).text).toEqual({
			'data-pagefind-index-attrs': 'data-carnet-title,data-carnet-description,data-carnet-tags',
			'data-carnet-title': 'Astro 入門',
			'data-carnet-description': 'สวัสดีชาวโลก',
			'data-carnet-tags': '静态网站, Astro',
		});
	});

	test('leave out what a post does not have', () => {
		const { article } = searchAttributes({ ...post, description: undefined, tags: [] }, undefined);
		expect(article['data-pagefind-meta']).toBe('date[data-carnet-date]');
		expect(article).not.toHaveProperty('data-pagefind-filter');
		expect(Object.keys(article).filter((name) => name.startsWith('data-carnet-'))).toEqual(['data-carnet-url', 'data-carnet-date']);
	});

	test('take the narrowest candidate of a srcset as the thumbnail', () => {
		expect(narrowestCandidate('/_astro/a.x1.webp 480w, /_astro/a.x2.webp 960w')).toBe('/_astro/a.x1.webp');
		expect(narrowestCandidate('')).toBeUndefined();
	});
});

describe('ranking search results', () => {
	const hit = (id: string, score: number) => ({ id, score });

	test('puts the most relevant first, and the newest first among equally relevant ones', () => {
		const byScore = [hit('old', 2), hit('new', 2), hit('best', 5), hit('weak', 1)];
		const byDate = [hit('weak', 1), hit('new', 2), hit('best', 5), hit('old', 2)];
		expect(rankSearchResults(byScore, byDate).map((result) => result.id)).toEqual(['best', 'new', 'old', 'weak']);
	});

	test('treats scores equal to four significant digits as a tie', () => {
		expect(rankSearchResults([hit('old', 1.88901), hit('new', 1.88899)], [hit('new', 0), hit('old', 0)]).map((result) => result.id)).toEqual(['new', 'old']);
	});

	test('drops results that only matched a field kept for display', () => {
		expect(rankSearchResults([hit('text', 0.5), hit('image-name-only', 0)], []).map((result) => result.id)).toEqual(['text']);
	});
});

describe('search excerpts', () => {
	test('split into plain and highlighted runs, with entities decoded and no markup kept', () => {
		expect(excerptRuns('Les &lt;b&gt; &amp; <mark>PME</mark> l&#x27;ont &#8220;vu&#8221; <mark>d&#39;abord</mark>')).toEqual([
			{ text: 'Les <b> & ', highlighted: false },
			{ text: 'PME', highlighted: true },
			{ text: ' l\'ont \u201Cvu\u201D ', highlighted: false },
			{ text: "d'abord", highlighted: true },
		]);
	});
});

describe('the search status line', () => {
	const context = (strings: typeof en | typeof fr, lang: string): ViewContext => ({
		lang,
		timeZone: 'UTC',
		tags: new Map(),
		strings: {
			resultsOne: strings['search.results.one'],
			resultsOther: strings['search.results.other'],
			forQuery: strings['search.forQuery'],
			inTag: strings['search.inTag'],
			loading: strings['search.loading'],
			tags: strings['post.tags'],
		},
	});

	test('says how many results, for which words, in which tag, in English and French', () => {
		expect(statusText(1, 'remote', undefined, context(en, 'en'))).toBe('1 result for “remote”');
		expect(statusText(1200, 'remote', 'Guides', context(en, 'en'))).toBe('1,200 results for “remote” in “Guides”');
		expect(statusText(0, 'vélo', undefined, context(fr, 'fr'))).toBe('0\u00A0résultat pour «\u202Fvélo\u202F»');
		expect(statusText(3, '', 'PME', context(fr, 'fr'))).toBe('3\u00A0résultats dans «\u202FPME\u202F»');
	});
});

describe('the search index cache', () => {
	let dir: string;
	let file: string;
	const pages: SearchablePage[] = [
		{ file: 'posts/a/index.html', url: '/posts/a/', digest: 'aaa' },
		{ file: 'posts/b/index.html', url: '/posts/b/', digest: 'bbb' },
	];
	const files = [
		{ path: 'pagefind.js', content: new TextEncoder().encode('export {}') },
		{ path: 'fragment/fr_1.pf_fragment', content: new Uint8Array([0, 1, 2, 10, 255]) },
	];

	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'carnet-search-cache-'));
		file = path.join(dir, 'carnet', 'search-index.bin');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	test('changes its key with any page, its address, the Pagefind version or the options', () => {
		const key = searchIndexKey(pages, '1.6.0', {});
		expect(searchIndexKey(pages, '1.6.0', {})).toBe(key);
		expect(searchIndexKey([pages[0]!, { ...pages[1]!, digest: 'ccc' }], '1.6.0', {})).not.toBe(key);
		expect(searchIndexKey([pages[0]!, { ...pages[1]!, url: '/posts/b' }], '1.6.0', {})).not.toBe(key);
		expect(searchIndexKey(pages.slice(1), '1.6.0', {})).not.toBe(key);
		expect(searchIndexKey(pages, '1.6.1', {})).not.toBe(key);
		expect(searchIndexKey(pages, '1.6.0', { keepIndexUrl: true })).not.toBe(key);
	});

	test('gives back the files written for the same key, and leaves no temporary file', async () => {
		await writeSearchCache(file, 'key-1', files);
		const read = await readSearchCache(file, 'key-1');
		expect('files' in read && read.files.map((entry) => [entry.path, [...entry.content]])).toEqual(files.map((entry) => [entry.path, [...entry.content]]));
		expect(readdirSync(path.dirname(file))).toEqual(['search-index.bin']);
	});

	test('is not used for another key, when missing, damaged or cut short', async () => {
		expect(await readSearchCache(file, 'key-1')).toEqual({ reason: 'no cached index' });
		await writeSearchCache(file, 'key-1', files);
		expect(await readSearchCache(file, 'key-2')).toEqual({ reason: 'pages, Pagefind or its options changed' });
		const bytes = readFileSync(file);
		bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2);
		writeFileSync(file, bytes);
		expect(await readSearchCache(file, 'key-1')).toEqual({ reason: 'the cached index is damaged (fragment/fr_1.pf_fragment)' });
		writeFileSync(file, bytes.subarray(0, bytes.length - 3));
		expect(await readSearchCache(file, 'key-1')).toEqual({ reason: 'the cached index is damaged (fragment/fr_1.pf_fragment)' });
		await writeSearchCache(file, 'key-1', files);
		writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('extra')]));
		expect(await readSearchCache(file, 'key-1')).toEqual({ reason: 'the cached index is damaged (trailing bytes)' });
		writeFileSync(file, 'not a cache');
		expect(await readSearchCache(file, 'key-1')).toEqual({ reason: 'the cached index is unreadable' });
	});
});

describe('the pages the search index reads', () => {
	test('are those with a data-pagefind-body element, at the address a post names or its file is served at', async () => {
		const dist = mkdtempSync(path.join(tmpdir(), 'carnet-search-pages-'));
		const write = (file: string, html: string) => {
			mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
			writeFileSync(path.join(dist, file), html);
		};
		write('posts/a/index.html', '<p>data-pagefind-body</p><article class="carnet-post" data-pagefind-body="" data-carnet-url="/blog/posts/a?x=1&amp;y=2" data-carnet-description="a > b">A</article>');
		write('guide/index.html', '<main data-pagefind-body>Guide</main>');
		write('notes.html', '<div data-pagefind-body>Notes</div>');
		write('index.html', '<p>How to use data-pagefind-body and data-carnet-url="/x" in a post</p>');
		write('tags/a/index.html', '<article class="carnet-card" data-text="data-pagefind-body">A</article>');
		try {
			const pages = await findSearchablePages(dist, '/blog/');
			expect(pages.map(({ file, url }) => [file, url])).toEqual([
				['guide/index.html', '/blog/guide/'],
				['notes.html', '/blog/notes.html'],
				['posts/a/index.html', '/blog/posts/a?x=1&y=2'],
			]);
			expect(pages[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});
