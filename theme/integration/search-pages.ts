import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { mapWithConcurrency } from '../utils/concurrency.ts';
import { basePrefix } from '../utils/urls.ts';
import { unescapeXml } from '../utils/xml.ts';

/** A built page that asks to be searchable, as the search index sees it. */
export interface SearchablePage {
	/** Path of the HTML file, relative to the output folder. */
	file: string;
	/** The address a search result links to. */
	url: string;
	/** SHA-256 of the file, which the index cache is keyed on. */
	digest: string;
}

// Reading is I/O-bound; a few dozen files at a time keeps the disk busy without holding many pages in memory.
const READS_IN_FLIGHT = 32;
const BODY_ATTRIBUTE = 'data-pagefind-body';
const BODY_IN_TAG = /\sdata-pagefind-body(?:[\s=/>]|$)/;
const URL_IN_TAG = /\sdata-carnet-url="([^"]*)"/;

/**
 * The pages of `dist` that have a `data-pagefind-body` element, sorted by file: post pages (see
 * utils/search.ts), and any page of the site's own that carries the attribute. Pages are read as bytes
 * and only the element's opening tag is decoded: at 10,000 posts that is 260 MB of HTML on every
 * build. No content is kept, so that the pages are not all held in memory; `readSearchablePage()`
 * reads one again.
 */
export async function findSearchablePages(dist: string, base: string): Promise<SearchablePage[]> {
	const files = (await glob('**/*.html', { cwd: dist })).sort();
	const pages = await mapWithConcurrency(files, READS_IN_FLIGHT, async (file) => {
		const html = await readFile(path.join(dist, file));
		const tag = bodyElementTag(html);
		if (tag === undefined) return undefined;
		return { file, url: pageUrl(tag, file, base), digest: createHash('sha256').update(html).digest('hex') };
	});
	return pages.filter((page) => page !== undefined);
}

export function readSearchablePage(dist: string, page: SearchablePage): Promise<string> {
	return readFile(path.join(dist, page.file), 'utf8');
}

/** The opening tag that carries `data-pagefind-body`, skipping the same words in a post's text. */
function bodyElementTag(html: Buffer): string | undefined {
	for (let at = html.indexOf(BODY_ATTRIBUTE); at >= 0; at = html.indexOf(BODY_ATTRIBUTE, at + 1)) {
		const start = html.lastIndexOf('<', at);
		const end = start < 0 ? -1 : tagEnd(html, start);
		if (end < at) continue;
		const tag = html.toString('utf8', start, end + 1);
		if (/^<[a-z]/i.test(tag) && BODY_IN_TAG.test(tag)) return tag;
	}
	return undefined;
}

// Where the tag opened at `start` closes: the first ">" outside a quoted attribute value (Astro leaves
// "<" and ">" unescaped in attribute values, such as a description).
function tagEnd(html: Buffer, start: number): number {
	let quote = 0;
	for (let index = start + 1; index < html.length; index++) {
		const byte = html[index];
		if (quote !== 0) {
			if (byte === quote) quote = 0;
		} else if (byte === 0x22 || byte === 0x27) quote = byte;
		else if (byte === 0x3e) return index;
	}
	return -1;
}

/**
 * A post page names its address (`data-carnet-url`, built by the theme's routes, so it follows `base`,
 * `trailingSlash` and `build.format`). Another page gets the address a static host serves its file at.
 */
function pageUrl(tag: string, file: string, base: string): string {
	const named = URL_IN_TAG.exec(tag)?.[1];
	if (named !== undefined) return unescapeXml(named);
	const served = file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1');
	return `${basePrefix(base)}/${served}`;
}
