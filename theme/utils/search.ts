import type { Post } from './posts.ts';
import { UNSPACED } from './reading-time.ts';

/**
 * How the search page asks Pagefind to rank results: a title match counts five times a match in the
 * text (Pagefind's own default, restated because giving any weight replaces them all), a description or
 * tag match twice. The date and the thumbnail's address are kept in the index only to be shown, so a
 * word that matches them (a year, "webp") gives no score; the search page drops such results.
 */
export const SEARCH_META_WEIGHTS = { title: 5, description: 2, tags: 2, date: 0, image: 0 } as const;

/** The folder of the output that holds the search index, served under `base`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** The Pagefind filter that holds a post's tag slugs. */
export const SEARCH_TAG_FILTER = 'tag';
/** The Pagefind sort that orders posts by date, used to break ties between equally relevant results. */
export const SEARCH_DATE_SORT = 'date';

export type SearchAttributes = Record<string, string>;

/** Where a post page's search attributes go: its article, its header, and an empty element of the article. */
export interface PostSearchAttributes {
	article: SearchAttributes;
	header: SearchAttributes;
	/**
	 * For a title, description or tags written without spaces between words (Chinese, Japanese, Thai): an
	 * empty element that has Pagefind index them as text. Pagefind cuts a page's text into words in its language, but
	 * reads its metadata as words between spaces, so `你好，世界` was found by 你好 and not by 世界.
	 */
	text?: SearchAttributes | undefined;
}

/**
 * The attributes of a post page that tell Pagefind what to index (https://pagefind.app/docs/indexing/):
 * the article is the indexed text, its header is left out of the text (the title is still read from
 * its `<h1>`, and the date and reading time would only add noise), and the values shown with a result
 * come from `data-carnet-*` attributes rather than from visible text, so that a component replaced by
 * the site cannot change them. `data-carnet-url` is the address the indexer gives the result.
 */
export function searchAttributes(post: Pick<Post, 'url' | 'date' | 'title' | 'description' | 'tags'>, thumbnail: string | undefined): PostSearchAttributes {
	const values: SearchAttributes = { 'data-carnet-url': post.url, 'data-carnet-date': post.date.toISOString() };
	const meta = ['date'];
	if (post.description) {
		values['data-carnet-description'] = post.description;
		meta.push('description');
	}
	if (post.tags.length > 0) {
		values['data-carnet-tags'] = post.tags.map((tag) => tag.name).join(', ');
		meta.push('tags');
	}
	if (thumbnail) {
		values['data-carnet-image'] = thumbnail;
		meta.push('image');
	}
	const filters = post.tags.map((tag, index) => {
		values[`data-carnet-tag-${index + 1}`] = tag.slug;
		return `${SEARCH_TAG_FILTER}[data-carnet-tag-${index + 1}]`;
	});
	const article: SearchAttributes = {
		'data-pagefind-body': '',
		'data-pagefind-meta': meta.map((key) => `${key}[data-carnet-${key}]`).join(', '),
		'data-pagefind-sort': `${SEARCH_DATE_SORT}[data-carnet-date]`,
		...(filters.length > 0 ? { 'data-pagefind-filter': filters.join(', ') } : {}),
		...values,
	};
	// Attributes named by data-pagefind-index-attrs are indexed on an element inside the body, not on the body's own.
	const unspaced = (
		[
			['title', post.title],
			['description', post.description],
			['tags', values['data-carnet-tags']],
		] as [string, string | undefined][]
	).filter((entry): entry is [string, string] => entry[1] !== undefined && UNSPACED.test(entry[1]));
	const text =
		unspaced.length === 0
			? undefined
			: { 'data-pagefind-index-attrs': unspaced.map(([key]) => `data-carnet-${key}`).join(','), ...Object.fromEntries(unspaced.map(([key, value]) => [`data-carnet-${key}`, value])) };
	return { article, header: { 'data-pagefind-ignore': '' }, ...(text ? { text } : {}) };
}

/**
 * The `/` shortcut to search, for sites that already run the theme toggle's inline script (it is
 * appended there, so that it costs no request and no script on sites without one): `/` outside a
 * field opens the search page, or focuses its field there. About 250 bytes on each page.
 */
export function searchShortcutScript(searchUrl: string): string {
	return `addEventListener('keydown',e=>{if(e.key!=='/'||e.ctrlKey||e.metaKey||e.altKey||e.defaultPrevented||e.target.closest?.('input,textarea,select,[contenteditable]'))return;e.preventDefault();const f=document.getElementById('carnet-search-query');f?f.focus():location.assign(${JSON.stringify(searchUrl)})})`;
}

/** The first (narrowest) candidate of a `srcset`: "/a-480.webp 480w, /a-960.webp 960w" → "/a-480.webp". */
export function narrowestCandidate(srcset: string): string | undefined {
	return srcset.split(/,\s+/)[0]?.trim().split(/\s+/)[0] || undefined;
}

/** The UI strings the search page's script needs, written into the page in the site's language. */
export interface SearchStrings {
	/** `{count} result` */
	resultsOne: string;
	/** `{count} results` */
	resultsOther: string;
	/** `for “{query}”` */
	forQuery: string;
	/** `in “{tag}”` */
	inTag: string;
	loading: string;
	/** Label of a result's list of tags. */
	tags: string;
}

/** A search result as Pagefind ranks it. */
export interface RankedResult {
	id: string;
	score: number;
}

/**
 * Results by relevance, newest first among equally relevant ones. `byScore` is Pagefind's order for
 * the query; `byDate` the same results sorted by date, newest first. Scores are compared to four
 * significant digits, so that rounding noise does not hide a tie. Results that only matched a field
 * kept for display (score 0, see SEARCH_META_WEIGHTS) are dropped.
 */
export function rankSearchResults<T extends RankedResult>(byScore: readonly T[], byDate: readonly RankedResult[]): T[] {
	const recency = new Map(byDate.map((result, index) => [result.id, index]));
	const position = (result: RankedResult) => recency.get(result.id) ?? Number.MAX_SAFE_INTEGER;
	const relevance = (result: RankedResult) => Number(result.score.toPrecision(4));
	return byScore.filter((result) => result.score > 0).sort((a, b) => relevance(b) - relevance(a) || position(a) - position(b));
}

/** The text of a Pagefind excerpt, as runs of plain and highlighted (`<mark>`) text. */
export function excerptRuns(excerpt: string): { text: string; highlighted: boolean }[] {
	return excerpt
		.split(/(<mark>[\s\S]*?<\/mark>)/)
		.filter((part) => part !== '')
		.map((part) => {
			const highlighted = part.startsWith('<mark>');
			return { text: decodeEntities(highlighted ? part.slice(6, -7) : part), highlighted };
		});
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

// Pagefind escapes excerpts as HTML; decoding them here lets the page build them from text nodes only.
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
		const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
		return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
	});
}
