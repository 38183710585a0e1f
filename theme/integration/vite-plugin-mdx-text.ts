import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroConfig } from 'astro';
import { parseFrontMatter } from '../utils/front-matter.ts';
import { stripForbiddenChars } from '../utils/text-chars.ts';
import { fencedLines } from '../markdown/fences.ts';
import { titleHeading } from './post-engines.ts';
import { getSite } from './registry.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/**
 * MDX files as the MDX compiler should read them: without the invisible characters that no feed can carry
 * (utils/text-chars.ts: an ESC pasted from a terminal, a vertical tab from a word processor), which the
 * loader removes from Markdown bodies before rendering them and warns about (integration/post-text.ts).
 * @astrojs/mdx compiles a post from its file, so they are removed as the file is loaded: the page then
 * shows what the feeds show, and stays valid HTML. A post's `layout` is renamed (withoutMdxLayout), its
 * title heading left out (withoutMdxTitleHeading), and its HTML comments made MDX's (mdxHtmlComments). No
 * line changes, so errors keep their lines.
 */
// A `layout` in a post's front matter: Jekyll's and Hugo's template name, or a Next.js starter's (`PostSimple`).
const LAYOUT_KEY = /^layout([ \t]*:)/m;

/**
 * `text` with the `layout` key of its YAML front matter renamed `_layout`, each line in its place: the MDX
 * compiler imports a front matter's `layout` as a component to wrap the post in, which a post's page already
 * is (and `PostSimple` is no module). Carnet reads the post's fields from the file itself.
 */
export function withoutMdxLayout(text: string): string {
	const end = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)?.[0].length;
	if (end === undefined) return text;
	const frontMatter = text.slice(0, end);
	return LAYOUT_KEY.test(frontMatter) ? frontMatter.replace(LAYOUT_KEY, '_layout$1') + text.slice(end) : text;
}

/**
 * `text` without the heading of level 1 that opens its body when it stands for the post's title (it has
 * none, or the heading repeats it), as Markdown posts lose it (integration/post-engines.ts): the page shows
 * the title above the body. Its line is left blank.
 */
export function withoutMdxTitleHeading(text: string): string {
	let parsed: ReturnType<typeof parseFrontMatter>;
	try {
		parsed = parseFrontMatter(text);
	} catch {
		// The loader reports the front matter.
		return text;
	}
	// The loader reads a key whatever its case (`Title:`).
	const title = Object.entries(parsed.data).find(([key]) => key.toLowerCase() === 'title')?.[1];
	const heading = titleHeading(title ?? undefined, parsed.body);
	if (!heading) return text;
	const lines = text.split('\n');
	lines[parsed.bodyLine - 1 + heading.index] = '';
	return lines.join('\n');
}

// An HTML comment, which MDX does not read: the rest of the file from `<!--` when nothing ends it.
const HTML_COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;

/**
 * `text` with the HTML comments of its body (`<!-- truncate -->`, Docusaurus's summary divider, and any other)
 * written as MDX comments (a JavaScript comment in braces), outside the front matter and fenced code, each
 * line in its place: MDX stops
 * at `<!--` with a syntax error, where Docusaurus, whose posts carry them, reads them as comments.
 */
export function mdxHtmlComments(text: string): string {
	if (!text.includes('<!--')) return text;
	const lines = text.split('\n');
	const code = fencedLines(lines);
	// The front matter is YAML, read from the file: its lines are left as they are.
	const frontMatterEnd = /^---\s*$/.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line)) : -1;
	for (let index = 0; index <= frontMatterEnd; index++) code[index] = true;
	let result = '';
	let prose = '';
	const flush = () => {
		result += prose.replace(HTML_COMMENT, (_comment, inner: string) => `{/*${inner.replaceAll('*/', '* /')}*/}`);
		prose = '';
	};
	lines.forEach((line, index) => {
		const end = index < lines.length - 1 ? '\n' : '';
		if (code[index]) {
			flush();
			result += line + end;
		} else prose += line + end;
	});
	flush();
	return result;
}

export function vitePluginMdxText(root?: URL): VitePlugin {
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
				const isPost = root !== undefined && [...(getSite(root)?.postsDirs ?? [])].some((dir) => !path.relative(dir, id).startsWith('..'));
				// Returned either way, so that the file is read once.
				return { code: stripForbiddenChars(isPost ? mdxHtmlComments(withoutMdxTitleHeading(withoutMdxLayout(text))) : text), map: null };
			},
		},
	};
}
