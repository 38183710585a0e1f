import type { LoaderContext } from 'astro/loaders';
import { checkAddresses } from './address-check.ts';
import { loadPosts, type LoadPostsOptions } from './load-posts.ts';
import { getSite } from './registry.ts';
import { checkBase } from './site-address.ts';
import { reportMergedTags } from './tag-spellings.ts';

export type PostsCollectionOptions = LoadPostsOptions;

/**
 * What postsLoader() does on each sync: the posts folder into the store, then the checks that need every post
 * (tag spellings, addresses). The integration hands it to the loader through the registry (index.ts), so that
 * the content config, which Astro loads with a module runner of its own, does not transform these modules a
 * second time (about 130 of them: most of the start of every build).
 */
export async function loadPostsCollection(context: LoaderContext, options: PostsCollectionOptions): Promise<void> {
	await loadPosts(context, options);
	const config = getSite(context.config.root)?.config;
	reportMergedTags(context, config?.locale ?? 'en');
	if (config) checkAddresses(context, config);
	checkBase(context.config, context.store.values());
	// The theme's pages read one collection (its `collection` option): posts loaded into another have none.
	if (config && context.collection !== config.collection) {
		context.logger.warn(
			`postsLoader() loads the collection "${context.collection}", but the theme reads "${config.collection}" (its collection option), so these posts get no pages, listings or feeds. ` +
				`Set collection: '${context.collection}' in carnet() in astro.config.mjs, or name the collection "${config.collection}" in src/content.config.ts.`,
		);
	}
}
