import type { LoaderContext } from 'astro/loaders';
import { checkAddresses } from './address-check.ts';
import { loadPosts, type LoadPostsOptions } from './load-posts.ts';
import { getSite, type SiteState } from './registry.ts';
import { checkBase } from './site-address.ts';
import { collectSyncGarbage } from './sync-garbage.ts';
import { reportMergedTags } from './tag-spellings.ts';

export type PostsCollectionOptions = LoadPostsOptions;

/**
 * What postsLoader() does on each sync: the posts folder into the store, then the checks that need every post
 * (tag spellings, addresses). The integration hands it to the loader through the registry (index.ts), so that
 * the content config, which Astro loads with a module runner of its own, does not transform these modules a
 * second time (about 130 of them: most of the start of every build).
 */
export async function loadPostsCollection(context: LoaderContext, options: PostsCollectionOptions): Promise<void> {
	getSite(context.config.root)?.postsCollections.add(context.collection);
	await loadPosts(context, options);
	const config = getSite(context.config.root)?.config;
	reportMergedTags(context, config?.locale ?? 'en');
	if (config) checkAddresses(context, config);
	checkBase(context.config, context.store.values());
	// Astro serializes its whole store next: with the sync's garbage gone first (integration/sync-garbage.ts).
	if (!context.watcher) {
		const collected = collectSyncGarbage();
		if (collected) context.logger.debug(`Collected ${collected.freedMiB} MiB of garbage before Astro writes its store, in ${collected.milliseconds} ms.`);
	}
}

/**
 * Warns when no postsLoader() collection is the one the theme's pages read (its `collection` option): the posts
 * get no pages, or, when no collection uses postsLoader(), are read by another loader without the theme's
 * reading. After the content sync, once every collection has loaded: another collection of the site's own
 * beside the theme's is no mistake.
 */
export function warnUnreadCollections(site: SiteState, warn: (message: string) => void): void {
	const loaded = [...site.postsCollections];
	if (loaded.length === 0) {
		warn(
			`No collection is loaded with postsLoader(), so the posts of "${site.config.collection}", which the theme shows, come from another loader (such as Astro's glob()) without Carnet's reading of them: front matter repaired, images in public/, dates in the site's time zone, Hugo's and Jekyll's fields and shortcodes. ` +
				`Load it with postsLoader() in src/content.config.ts: ${site.config.collection}: defineCollection({ loader: postsLoader(), schema: postSchema() }), with import { postsLoader } from 'astro-theme-carnet/loaders'.`,
		);
		return;
	}
	if (loaded.includes(site.config.collection)) return;
	const named = loaded.map((name) => `"${name}"`).join(', ');
	warn(
		`postsLoader() loads the collection${loaded.length > 1 ? 's' : ''} ${named}, but the theme reads "${site.config.collection}" (its collection option), so these posts get no pages, listings or feeds. ` +
			`Set collection: '${loaded[0]}' in carnet() in astro.config.mjs, or name the collection "${site.config.collection}" in src/content.config.ts.`,
	);
}
