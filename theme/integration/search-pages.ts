import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { mapWithConcurrency } from '../utils/concurrency.ts';
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
// Attributes inside a tag, not the same words in a post's text (a post about Pagefind, say).
const BODY_ELEMENT = /<[a-z][^<>]*\sdata-pagefind-body[\s=>]/i;
const URL_ATTRIBUTE = /<[a-z][^<>]*\sdata-carnet-url="([^"]*)"/i;

/**
 * The pages of `dist` that have a `data-pagefind-body` element, sorted by file: post pages (see
 * utils/search.ts), and any page of the site's own that carries the attribute. Pages keep no content
 * here, so that 10,000 posts are not all held in memory; `readSearchablePage()` reads one again.
 */
export async function findSearchablePages(dist: string, base: string): Promise<SearchablePage[]> {
	const files = (await glob('**/*.html', { cwd: dist })).sort();
	const pages = await mapWithConcurrency(files, READS_IN_FLIGHT, async (file) => {
		const html = await readFile(path.join(dist, file), 'utf8');
		if (!BODY_ELEMENT.test(html)) return undefined;
		return { file, url: pageUrl(html, file, base), digest: createHash('sha256').update(html).digest('hex') };
	});
	return pages.filter((page) => page !== undefined);
}

export function readSearchablePage(dist: string, page: SearchablePage): Promise<string> {
	return readFile(path.join(dist, page.file), 'utf8');
}

/**
 * A post page names its address (`data-carnet-url`, built by the theme's routes, so it follows `base`,
 * `trailingSlash` and `build.format`). Another page gets the address a static host serves its file at.
 */
function pageUrl(html: string, file: string, base: string): string {
	const named = URL_ATTRIBUTE.exec(html)?.[1];
	if (named !== undefined) return unescapeXml(named);
	const served = file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1');
	return `${base.replace(/\/+$/, '')}/${served}`;
}
