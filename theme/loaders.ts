import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { userError } from './integration/errors.ts';
import { getSite } from './integration/registry.ts';
import { POST_FILES } from './utils/post-files.ts';

export interface PostsLoaderOptions {
	/** Folder of the posts, relative to the project root. @default 'src/content/posts' (`content/posts` in Astro's `srcDir`) */
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
	const pattern = options.pattern ?? POST_FILES;
	return {
		name: 'astro-theme-carnet/posts',
		load: async (context) => {
			// The integration's own copy of the loading code (integration/posts-collection.ts), which its module
			// runner has already loaded: this file stays small, as the content config's runner transforms what it imports.
			const load = getSite(context.config.root)?.loadPosts;
			if (!load) {
				throw userError(
					'postsLoader() from astro-theme-carnet needs the carnet() integration.',
					"Add it to astro.config.mjs: integrations: [carnet({ title: 'My blog' })], with import carnet from 'astro-theme-carnet'.",
				);
			}
			await load(context, { base: options.base ?? defaultPostsFolder(context.config), pattern, retainBody: options.retainBody !== false });
		},
	};
}

/** `content/posts` in the site's `srcDir` (`src/content/posts`, `app/content/posts` with `srcDir: 'app'`), from the project root. */
function defaultPostsFolder(config: { root: URL; srcDir: URL }): string {
	const srcDir = path.relative(fileURLToPath(config.root), fileURLToPath(config.srcDir)).split(path.sep).join('/');
	return srcDir === '' ? 'content/posts' : `${srcDir}/content/posts`;
}
