import type { Loader } from 'astro/loaders';
import { checkAddresses } from './integration/address-check.ts';
import { loadPosts, POST_FILES } from './integration/load-posts.ts';
import { getSite } from './integration/registry.ts';
import { reportMergedTags } from './integration/tag-spellings.ts';

export interface PostsLoaderOptions {
	/** Folder of the posts, relative to the project root. @default 'src/content/posts' */
	base?: string;
	/**
	 * Files to read inside `base`, matched in any case (`.MD` too); names starting with `_` or `.` are left out.
	 * @default '**\/[^_.]*.{md,markdown,mdown,mkd,mkdn,mdwn,mdx}'
	 */
	pattern?: string | string[];
	/**
	 * Keeps each post's Markdown or MDX, as its file writes it after the front matter, in `entry.body`, as
	 * Astro's `glob()` loader does (with the same option). `false` leaves `entry.body` undefined, which makes
	 * the content store and the build's memory smaller on a large blog. @default true
	 */
	retainBody?: boolean;
}

/**
 * The content loader for Carnet posts, for `src/content.config.ts`. It reads Markdown and MDX files,
 * repairs the front-matter mistakes real posts contain (and says so), reads dates in the site's time zone,
 * resolves featured images in public/, and gives each post an ASCII slug.
 */
export function postsLoader(options: PostsLoaderOptions = {}): Loader {
	const base = options.base ?? 'src/content/posts';
	const pattern = options.pattern ?? POST_FILES;
	return {
		name: 'astro-theme-carnet/posts',
		load: async (context) => {
			await loadPosts(context, { base, pattern, retainBody: options.retainBody !== false });
			const config = getSite(context.config.root)?.config;
			reportMergedTags(context, config?.locale ?? 'en');
			if (config) checkAddresses(context, config);
			// The theme's pages read one collection (its `collection` option): posts loaded into another have none.
			if (config && context.collection !== config.collection) {
				context.logger.warn(
					`postsLoader() loads the collection "${context.collection}", but the theme reads "${config.collection}" (its collection option), so these posts get no pages, listings or feeds. ` +
						`Set collection: '${context.collection}' in carnet() in astro.config.mjs, or name the collection "${config.collection}" in src/content.config.ts.`,
				);
			}
		},
	};
}
