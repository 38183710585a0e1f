import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { userError } from './integration/errors.ts';
import { getSite } from './integration/registry.ts';
import { closest, describeValue } from './utils/describe.ts';
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
 * resolves featured images in public/, and gives each post an ASCII slug. A string is the folder:
 * `postsLoader('src/content/blog')` is `postsLoader({ base: 'src/content/blog' })`.
 */
export function postsLoader(input: PostsLoaderOptions | string = {}): Loader {
	return {
		name: 'astro-theme-carnet/posts',
		load: async (context) => {
			// Checked as the posts load, not as content.config.ts calls postsLoader(): Astro prints an error of the
			// loading as it is, and wraps one of the content config in its own, with a stack trace.
			const options = checkedOptions(input);
			const pattern = options.pattern ?? POST_FILES;
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

// Each option's check, worded as what it expects; an option left undefined is one not given.
const CHECKS: Record<keyof PostsLoaderOptions, { valid: (value: unknown) => boolean; expected: string }> = {
	base: { valid: (value) => typeof value === 'string' && value.trim() !== '', expected: "expected the posts' folder from the project root, e.g. 'src/content/posts'" },
	pattern: {
		valid: (value) => [value].flat().every((glob) => typeof glob === 'string' && glob !== '') && (!Array.isArray(value) || value.length > 0),
		expected: "expected a glob inside base, e.g. '**/*.md', or a list of them",
	},
	retainBody: { valid: (value) => typeof value === 'boolean', expected: 'expected true or false' },
};

/**
 * The options of postsLoader(), checked as carnet()'s are: a mistyped name or a value of the wrong type stops
 * the build with every problem, rather than being ignored or failing deep in the glob matcher.
 */
function checkedOptions(input: unknown): PostsLoaderOptions {
	if (typeof input === 'string') input = { base: input };
	const known = Object.keys(CHECKS);
	const problems: string[] = [];
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		problems.push(`(options): expected an object such as { base: 'src/content/posts' }, or the folder alone, received ${describeValue(input)}.`);
	} else {
		for (const [key, value] of Object.entries(input)) {
			const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof PostsLoaderOptions] : undefined;
			if (!check) {
				const suggestion = closest(key, known);
				problems.push(`${key}: unknown option.${suggestion ? ` Did you mean ${suggestion}?` : ''} Known options: ${known.join(', ')}.`);
			} else if (value !== undefined && !check.valid(value)) problems.push(`${key}: ${check.expected}, received ${describeValue(value)}.`);
		}
	}
	if (problems.length === 0) return input as PostsLoaderOptions;
	throw userError(
		`Invalid options passed to postsLoader():\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
		"Fix the postsLoader({ ... }) call in src/content.config.ts; its options (base, pattern, retainBody) are described under Content in the theme's README.",
	);
}
