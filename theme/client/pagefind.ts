import { SEARCH_DATE_SORT, SEARCH_META_WEIGHTS, SEARCH_TAG_FILTER, rankSearchResults } from '../utils/search.ts';

/** What Pagefind gives for a result once its fragment is loaded (https://pagefind.app/docs/api/). */
export interface HitData {
	url: string;
	/** Escaped HTML, with the matched words in `<mark>`. */
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
}

export interface SearchHit {
	id: string;
	score: number;
	data(): Promise<HitData>;
}

interface SearchOptions {
	filters?: Record<string, string>;
	sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's search API the page uses. */
export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	preload(term: string, options?: SearchOptions): Promise<void>;
	search(term: string | null, options?: SearchOptions): Promise<{ results: SearchHit[] } | null>;
}

/**
 * Pagefind's options on the search page (https://pagefind.app/docs/search-config/). Result addresses
 * are written into the index with `base` already in them, so Pagefind must not add it again, as its
 * default `baseUrl` (the folder above the bundle) would.
 */
export const PAGEFIND_SEARCH_OPTIONS = { baseUrl: '/', excerptLength: 28, excerptEllipsis: '…', ranking: { metaWeights: SEARCH_META_WEIGHTS } };

/** Loads the site's Pagefind from `bundle` (`/base/pagefind/`). */
export async function loadPagefind(bundle: string): Promise<Pagefind> {
	const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
	await pagefind.options(PAGEFIND_SEARCH_OPTIONS);
	return pagefind;
}

/**
 * The posts matching `query` (most relevant first, newest first among equals), within the posts
 * tagged `tag` if one is given; with a tag and no query, every post of the tag, newest first.
 */
export async function findPosts(pagefind: Pagefind, query: string, tag: string): Promise<SearchHit[]> {
	const filters = tag ? { [SEARCH_TAG_FILTER]: tag } : {};
	const newestFirst = { [SEARCH_DATE_SORT]: 'desc' } as const;
	if (!query) return tag ? ((await pagefind.search(null, { filters, sort: newestFirst }))?.results ?? []) : [];
	const [byScore, byDate] = await Promise.all([pagefind.search(query, { filters }), pagefind.search(query, { filters, sort: newestFirst })]);
	return rankSearchResults(byScore?.results ?? [], byDate?.results ?? []);
}
