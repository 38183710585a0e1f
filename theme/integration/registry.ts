import type { ThemeConfig } from '../config.ts';
import type { LoaderContext } from 'astro/loaders';
import type { BodyPluginRecipe } from './markdown-workers.ts';
import type { PostsCollectionOptions } from './posts-collection.ts';

// Astro gives an integration no way to hand its options to a content loader, and the two are loaded
// by different Vite module runners, so module state is not shared. A process-wide map keyed by the
// project root carries the validated options from `astro:config:setup` to `postsLoader()`, and back
// what the loader learns: each post's last-modified date for the sitemap, and where its rendered body
// is kept for integration/vite-plugin-bodies.ts. Keying by root keeps several sites built in one
// process (the test suite does that) apart.
const REGISTRY_KEY = Symbol.for('astro-theme-carnet.sites');

export interface SiteState {
	config: ThemeConfig;
	/** Post address (permalinkKey()) → the date the sitemap gives as its `lastmod` (updated, else published). */
	lastModified: Map<string, Date>;
	/** Root-relative path of a Markdown post → the file holding its rendered body (integration/body-cache.ts). */
	bodies: Map<string, string>;
	/** Post address (permalinkKey()) → its `canonicalURL`: when that is another address, the sitemap leaves the post out. */
	canonicalURLs: Map<string, string>;
	/** The folders postsLoader() reads posts from, absolute: MDX files there are posts (integration/vite-plugin-mdx-text.ts). */
	postsDirs: Set<string>;
	/** The collections postsLoader() loads. */
	postsCollections: Set<string>;
	/** The postsLoader() collections whose full sync is under way: the body cache is pruned when none is (PostSync.removeOthers()). */
	fullSyncs: number;
	/** How the integration set up the theme's Markdown plugins, for the loader's worker threads (integration/markdown-workers.ts). */
	bodyPlugins?: BodyPluginRecipe;
	/** postsLoader()'s load, as the integration's module runner loaded it: see loadPostsCollection(). */
	loadPosts?: (context: LoaderContext, options: PostsCollectionOptions) => Promise<void>;
}

function registry(): Map<string, SiteState> {
	const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Map<string, SiteState> };
	holder[REGISTRY_KEY] ??= new Map();
	return holder[REGISTRY_KEY];
}

export function registerSite(root: URL, config: ThemeConfig): SiteState {
	const state: SiteState = { config, lastModified: new Map(), bodies: new Map(), canonicalURLs: new Map(), postsDirs: new Set(), postsCollections: new Set(), fullSyncs: 0 };
	registry().set(root.href, state);
	return state;
}

export function getSite(root: URL): SiteState | undefined {
	return registry().get(root.href);
}
