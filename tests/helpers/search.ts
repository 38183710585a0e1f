import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPosts, PAGEFIND_SEARCH_OPTIONS, type HitData, type Pagefind } from '../../theme/client/pagefind.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface SiteSearch {
	/** Results as the search page ranks them, for `query` within the posts tagged `tag` (a slug). */
	find(query: string, tag?: string): Promise<HitData[]>;
	/** Every page in the index. */
	all(): Promise<HitData[]>;
	close(): Promise<void>;
}

/**
 * Searches a built site's index with the site's own Pagefind, in Node, as its search page does in a
 * browser (same options, same ranking): the bundle is served over HTTP because Pagefind fetches it.
 * `served` is the folder the server's root maps to, when the site is built below it for a `base`.
 */
export async function openSiteSearch(dist: string, served = dist): Promise<SiteSearch> {
	const server: StaticServer = await serveStatic(served);
	const bundle = path.join(dist, 'pagefind/pagefind.js');
	const pagefind = (await import(/* @vite-ignore */ `${pathToFileURL(bundle).href}?site=${encodeURIComponent(dist)}`)) as Pagefind & {
		destroy(): Promise<void>;
	};
	const basePath = `${server.origin}/${path.relative(served, path.dirname(bundle)).split(path.sep).join('/')}/`;
	await pagefind.options({ ...PAGEFIND_SEARCH_OPTIONS, basePath, noWorker: true });
	const load = (hits: { data(): Promise<HitData> }[]) => Promise.all(hits.map((hit) => hit.data()));
	return {
		find: async (query, tag = '') => load(await findPosts(pagefind, query, tag)),
		all: async () => load((await pagefind.search(null, {}))?.results ?? []),
		close: async () => {
			await pagefind.destroy();
			await server.close();
		},
	};
}
