import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import type { PostsCollectionOptions } from '../../theme/integration/posts-collection.ts';
import { registerSite } from '../../theme/integration/registry.ts';
import { postsLoader } from '../../theme/loaders.ts';
import { POST_FILES } from '../../theme/utils/post-files.ts';

// A site whose integration has registered the posts' loading, which records what it is given.
const root = new URL('file:///sites/loader-options/');
const loaded: PostsCollectionOptions[] = [];
registerSite(root, parseThemeOptions({ title: 'Blog' })).loadPosts = async (_context, options) => void loaded.push(options);
const context = { config: { root, srcDir: new URL('src/', root) } } as unknown as LoaderContext;

/** What a build prints when postsLoader(input) loads the posts: the error's message, then its hint. */
async function loaderError(input: unknown): Promise<string> {
	try {
		await postsLoader(input as string).load(context);
	} catch (error) {
		const { message, hint } = error as { message: string; hint?: string };
		return `${message}\nHint: ${hint}`;
	}
	throw new Error('expected the options to be refused');
}

describe('postsLoader() options', () => {
	test('errors on a mistyped option, suggesting the likely one', async () => {
		expect(await loaderError({ bsae: 'src/content/blog' })).toMatchInlineSnapshot(`
			"Invalid options passed to postsLoader():
			- bsae: unknown option. Did you mean base? Known options: base, pattern, retainBody.
			Hint: Fix the postsLoader({ ... }) call in src/content.config.ts; its options (base, pattern, retainBody) are described under Content in the theme's README."
		`);
	});

	test('errors on options of the wrong type, naming what was received, every one at once', async () => {
		const message = await loaderError({ pattern: 5, base: '', retainBody: 'no' });
		expect(message.split('\n').filter((line) => line.startsWith('- '))).toEqual([
			"- pattern: expected a glob inside base, e.g. '**/*.md', or a list of them, received 5.",
			`- base: expected the posts' folder from the project root, e.g. 'src/content/posts', received "".`,
			'- retainBody: expected true or false, received "no".',
		]);
		expect(await loaderError({ pattern: ['**/*.md', 3] })).toContain("- pattern: expected a glob inside base, e.g. '**/*.md', or a list of them, received [\"**/*.md\",3].");
		expect(await loaderError(['src/content/blog'])).toContain("- (options): expected an object such as { base: 'src/content/posts' }, or the folder alone, received [\"src/content/blog\"].");
	});

	test('reads a string as the posts folder, and hands valid options to the loading', async () => {
		loaded.length = 0;
		await postsLoader('src/content/blog').load(context);
		await postsLoader({ pattern: ['*.md', '*.mdx'], retainBody: false }).load(context);
		expect(loaded).toEqual([
			{ base: 'src/content/blog', pattern: POST_FILES, retainBody: true },
			{ base: 'src/content/posts', pattern: ['*.md', '*.mdx'], retainBody: false },
		]);
	});
});
