import { readFileSync } from 'node:fs';
import type { AstroConfig } from 'astro';
import { stripForbiddenChars } from '../utils/text-chars.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/**
 * MDX files as the MDX compiler should read them: without the invisible characters that no feed can carry
 * (utils/text-chars.ts: an ESC pasted from a terminal, a vertical tab from a word processor), which the
 * loader removes from Markdown bodies before rendering them and warns about (integration/post-text.ts).
 * @astrojs/mdx compiles a post from its file, so they are removed as the file is loaded: the page then
 * shows what the feeds show, and stays valid HTML. No line changes, so errors keep their lines.
 */
export function vitePluginMdxText(): VitePlugin {
	return {
		name: 'astro-theme-carnet:mdx-text',
		enforce: 'pre',
		load: {
			filter: { id: /\.mdx$/ },
			handler(id) {
				let text: string;
				try {
					text = readFileSync(id, 'utf8');
				} catch {
					return null;
				}
				// Returned either way, so that the file is read once.
				return { code: stripForbiddenChars(text), map: null };
			},
		},
	};
}
