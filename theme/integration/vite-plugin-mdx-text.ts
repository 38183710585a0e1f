import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { parseFrontMatter } from '../utils/front-matter.ts';
import { stripForbiddenChars } from '../utils/text-chars.ts';
import { mdxAdmonitionsAsCallouts, withoutEncryptedBlocks } from '../markdown/admonitions.ts';
import { fenceAfter } from '../markdown/fences.ts';
import { withoutHeadBlocks } from '../markdown/head-blocks.ts';
import { lazyImageSources } from '../markdown/lazy-images.ts';
import { holdsManyMarks, textRunsBroken } from '../markdown/text-runs.ts';
import type { ThemeConfig } from '../config.ts';
import type { UIStrings } from '../i18n/index.ts';
import { detailsLabel } from './post-body.ts';
import { missingMdxImageFiles } from './mdx-images.ts';
import { mdxRequiresAsImports } from './mdx-requires.ts';
import { titleHeading } from './post-engines.ts';
import { getSite } from './registry.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/**
 * MDX files as the MDX compiler should read them: without the invisible characters that no feed can carry
 * (utils/text-chars.ts: an ESC pasted from a terminal, a vertical tab from a word processor), which the
 * loader removes from Markdown bodies before rendering them and warns about (integration/post-text.ts).
 * @astrojs/mdx compiles a post from its file, so they are removed as the file is loaded: the page then
 * shows what the feeds show, and stays valid HTML. A post's `layout` is renamed (withoutMdxLayout), its
 * title heading left out (withoutMdxTitleHeading), its HTML comments made MDX's (mdxHtmlComments), and the
 * files it requires as Docusaurus posts do imported (mdxRequiresAsImports), its admonitions made callouts
 * (withMdxCallouts), its lazy images shown (withMdxLazyImages), its `<head>` blocks left out
 * (withoutMdxHeadBlocks) and, under Sätteri, its paragraphs of hundreds of quotes broken (withMdxTextRunsBroken).
 * No line changes, so errors keep their lines.
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

// A line that opens or closes a fenced block, at any indent (MDX has no indented code: a fence in a JSX
// element is indented with it).
const FENCE_LINE = /^[ \t]*(`{3,}|~{3,})/;
// An HTML comment and nothing else, over one line or more.
// A file saved with Windows line ends keeps a carriage return at the end of each line.
const WHOLE_COMMENT = /^([ \t]*)<!--([\s\S]*?)-->[ \t]*\r?$/;
// The lines a comment may span.
const MAX_COMMENT_LINES = 200;

/**
 * `text` with its HTML comments that stand on lines of their own (`<!--truncate-->`, Docusaurus's summary
 * divider, and any other) written as MDX comments (a JavaScript comment in braces), each line in its place:
 * MDX stops at `<!--` with a syntax error, where Docusaurus, whose posts carry them, reads them as comments.
 * Not in the front matter or fenced code; a comment among other text (in a code span, an attribute, a
 * string), one that holds a fence, and one that nothing closes are left to MDX, which says where they are.
 */
export function mdxHtmlComments(text: string): string {
	if (!text.includes('<!--')) return text;
	const lines = text.split('\n');
	// The front matter is YAML, read from the file.
	let index = /^---\s*$/.test(lines[0] ?? '') ? lines.findIndex((line, at) => at > 0 && /^---\s*$/.test(line)) + 1 : 0;
	let fence: string | undefined;
	for (; index < lines.length; index++) {
		const line = lines[index] as string;
		const fenced = fenceAfter(line, fence, { anyIndent: true });
		fence = fenced.open;
		if (fenced.code) continue;
		if (!/^[ \t]*<!--/.test(line)) continue;
		let last = index;
		while (last < lines.length - 1 && last - index < MAX_COMMENT_LINES && !(lines[last] as string).includes('-->')) last += 1;
		const span = lines.slice(index, last + 1);
		if (!WHOLE_COMMENT.test(span.join('\n')) || span.some((spanned) => FENCE_LINE.test(spanned))) continue;
		for (let at = index; at <= last; at++) {
			let rewritten = (lines[at] as string).replaceAll('*/', '* /');
			if (at === index) rewritten = rewritten.replace('<!--', '{/*');
			if (at === last) rewritten = rewritten.replace(/-->([ \t]*\r?)$/, '*/}$1');
			lines[at] = rewritten;
		}
		index = last;
	}
	return lines.join('\n');
}

/**
 * `text` with the admonitions of its body (`:::note`, `:::tip[Title]`) made callouts, as a Markdown post's are
 * (integration/post-body.ts), unless the site turned callouts off, and its encrypted blocks left out; the
 * front matter is left as it is. The loader warns about those of a kind Carnet does not read.
 */
export function withMdxCallouts(text: string, config: Pick<ThemeConfig, 'callouts' | 'locale' | 'strings'> | undefined): string {
	if (!text.includes(':::')) return text;
	return withMdxBody(text, (written) => {
		// An encrypted block is left out whether or not callouts are made (the loader warns about it).
		const body = withoutEncryptedBlocks(written).body;
		if (config?.callouts === false) return body;
		// Only a body with a block of details needs its title in the site's language.
		const detailsTitle = config && /details/i.test(body) ? detailsLabel(config.locale, config.strings as Partial<UIStrings> | undefined) : '';
		return mdxAdmonitionsAsCallouts(body, detailsTitle).body;
	});
}

/**
 * `text` with the lazy images of its body (`<img src="/spinner.gif" data-src="/photo.jpg" />`) showing their
 * image, as a Markdown post's do (markdown/lazy-images.ts); the front matter is left as it is.
 */
export function withMdxLazyImages(text: string): string {
	if (!/<img\b/i.test(text)) return text;
	return withMdxBody(text, (body) => lazyImageSources(body, { mdx: true }));
}

/**
 * `text` without the `<head>` blocks of its body, their lines left blank (markdown/head-blocks.ts): MDX would
 * render the block in the body, and the loader has read what it says into the post's fields.
 */
export function withoutMdxHeadBlocks(text: string): string {
	if (!/<head\b/i.test(text)) return text;
	return withMdxBody(text, (body) => withoutHeadBlocks(body, { mdx: true }).body);
}

/**
 * `text` with a paragraph of its body that holds hundreds of quotes, character references or dashes broken
 * into pieces by empty MDX comments (markdown/text-runs.ts), which render nothing: Sätteri took their number
 * times the paragraph's length to read it.
 */
export function withMdxTextRunsBroken(text: string): string {
	if (!holdsManyMarks(text)) return text;
	return withMdxBody(text, (body) => textRunsBroken(body, { mdx: true }));
}

/** The body of `text`, the lines after its front matter; all of `text` when its front matter cannot be read. */
function mdxBody(text: string): string {
	try {
		return parseFrontMatter(text).body;
	} catch {
		return text;
	}
}

/** `text` with its body, the lines after its front matter, rewritten; as it is when its front matter cannot be read (the loader reports it). */
function withMdxBody(text: string, rewrite: (body: string) => string): string {
	let bodyLine: number;
	try {
		bodyLine = parseFrontMatter(text).bodyLine;
	} catch {
		return text;
	}
	const lines = text.split('\n');
	const body = lines.slice(bodyLine - 1).join('\n');
	const rewritten = rewrite(body);
	return rewritten === body ? text : [...lines.slice(0, bodyLine - 1), rewritten].join('\n');
}

/** Whether `log` is the bundler's warning that Astro's `"use astro:head-inject"` directive in a content module may not be preserved. */
export function isHeadInjectWarning(log: { code?: string | undefined; message: string; id?: string | undefined }): boolean {
	return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"') && (log.id ?? log.message).includes('?astroPropagatedAssets');
}

export function vitePluginMdxText(root?: URL, folders?: { publicDir: string; base: string }, options?: { satteri: boolean }): VitePlugin {
	let serving = false;
	// Under `astro dev`, each post's last text whose images were all there (see load()).
	const lastGood = new Map<string, string>();
	return {
		name: 'astro-theme-carnet:mdx-text',
		enforce: 'pre',
		configResolved(config) {
			serving = config.command === 'serve';
		},
		// Filtered here, before the site's own build.rolldownOptions.onLog sees it: the bundler warns about the
		// directive that Astro writes in every MDX entry's module, a false alarm on each MDX post
		// (https://github.com/withastro/astro/issues/18087).
		onLog(_level, log) {
			return !isHeadInjectWarning(log);
		},
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
				if (!isPost) return { code: stripForbiddenChars(text), map: null };
				const shown = withMdxLazyImages(withMdxCallouts(mdxHtmlComments(withoutMdxHeadBlocks(withoutMdxTitleHeading(withoutMdxLayout(text)))), getSite(root)?.config));
				const read = options?.satteri ? withMdxTextRunsBroken(shown) : shown;
				const required = folders && root ? mdxRequiresAsImports(read, id, { root: fileURLToPath(root), ...folders }) : read;
				const code = stripForbiddenChars(required);
				if (!serving) return { code, map: null };
				// An edit that shows an image that is not there yet would make the page fail: the post keeps its last
				// good version, as a Markdown post does, while the loader logs the error with its line. The module is
				// loaded again once the image is added.
				const missing = missingMdxImageFiles(mdxBody(text), id);
				const kept = lastGood.get(id);
				if (missing.length > 0 && kept !== undefined) {
					for (const image of missing) this.addWatchFile(image);
					return { code: kept, map: null };
				}
				lastGood.set(id, code);
				return { code, map: null };
			},
		},
	};
}
