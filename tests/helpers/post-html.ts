import path from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import * as cheerio from 'cheerio';
import { createTranslator } from '../../theme/i18n/index.ts';
import { bodyFeatures } from '../../theme/integration/body-features.ts';
import { installBodyPlugins } from '../../theme/integration/markdown.ts';
import { preparePostFile, type PostFileContext } from '../../theme/integration/post-file.ts';
import { bodyTransforms } from '../../theme/markdown/transforms.ts';
import { repoRoot } from './sites.ts';

const root = path.join(repoRoot, 'tests/.sites/unit-post-html');

/**
 * What preparePostFile() is given for the post at `file` (root-relative) of the site at `root`, as a build gives
 * it, with its warnings pushed to `warnings`; `overrides` add or replace fields (its shortcode context).
 */
export function postFileContext(root: string, file: string, warnings: string[], overrides: Partial<PostFileContext> = {}): PostFileContext {
	return {
		displayPath: file,
		entryFile: path.join(root, file),
		publicDir: path.join(root, 'public'),
		root,
		base: '/',
		config: { timeZone: 'UTC', strict: false, locale: 'en', remoteImageTimeout: 15 },
		showDrafts: false,
		warn: (message) => warnings.push(message),
		...overrides,
	};
}

/**
 * A Jekyll post's body (`_posts/`) as its page shows it: made Carnet's by the loader's passes, then rendered by
 * Sätteri, Astro's default processor, with the theme's plugins and features, as a build renders it, and its front matter as the loader reads it.
 * `frontMatter` is more of its front matter's lines, after its title and date, and `header` all that the file
 * opens with before the body instead (a Pandoc title block); with `shortcodes`, its Hugo shortcodes, Liquid tags
 * and Obsidian syntax are read, as a build reads them; `file` is where the post is (Jekyll's `_posts/` by default).
 */
export async function renderedPost(
	body: string,
	{
		frontMatter = '',
		header = `---\ntitle: Post\ndate: 2024-01-01\n${frontMatter}---\n`,
		shortcodes = false,
		file = 'src/content/posts/_posts/2024-01-01-post.md',
	}: { frontMatter?: string; header?: string; shortcodes?: boolean; file?: string } = {},
): Promise<{ $: cheerio.CheerioAPI; warnings: string[]; data: Record<string, unknown> }> {
	const warnings: string[] = [];
	const prepared = await preparePostFile(
		`${header}${body}`,
		postFileContext(root, file, warnings, shortcodes ? { shortcodes: { postUrl: (slug: string) => `/posts/${slug}/`, labels: { youtube: 'Watch on YouTube', vimeo: 'Watch on Vimeo', gist: 'See the gist' }, locale: 'en' } } : {}),
	);
	return { $: await renderedMarkdown(prepared.body, { gfm: true }), warnings, data: prepared.data };
}

/**
 * `markdown` as Sätteri, Astro's default processor, renders it with the theme's plugins and features (math,
 * callouts, code, figures), as a build renders a body the loader has prepared; `options` are the renderer's.
 */
export async function renderedMarkdown(markdown: string, options: Record<string, unknown> = { syntaxHighlight: 'prism' }): Promise<cheerio.CheerioAPI> {
	const processor = satteri();
	const { features, strings } = bodyFeatures({ callouts: true, math: true, code: true, figures: true }, createTranslator('en'), 'prism');
	installBodyPlugins({ processor, gfm: true } as never, bodyTransforms({ french: false, base: '/' }), features, strings, { warn: () => {} } as never);
	const renderer = await processor.createRenderer(options as never);
	const { code } = await renderer.render(markdown, { frontmatter: {} });
	return cheerio.load(code, null, false);
}
