import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../utils/file-paths.ts';
import { POST_EXTENSIONS } from '../utils/post-files.ts';
import { bundleIndex, fileStem } from '../utils/slugs.ts';
import { indentedCodeLines } from './fences.ts';
import { heldBackWhy, splitFences, type FoundPosts, type PostReference, type ShortcodeContext, type ShortcodeResult } from './shortcodes.ts';

/**
 * Markdown links to another post's file (`[the setup](../setup/index.md)`, `[x](other.md#part)`), as GitHub,
 * Docusaurus, Obsidian and Hugo's link render hook read them, become that post's address; the file's path
 * means nothing on the built site. A path is looked for from the linking post's folder first, then from the
 * posts folder, then by name (as a Hugo `ref` is: markdown/shortcodes.ts). A link that names no post, or
 * several, is kept as written and reported. Links in code, and images, are left alone.
 *
 * So do links to another post by its path without extension (`[the post](remix-vite-stable)`, as Remix's
 * blog writes them): on a site whose pages have no trailing slash the browser finds the other post there,
 * on this one it would find a 404 under the linking post's address. Most such links name a page of the
 * site, not a post: only a path to exactly one post file from the linking post's folder counts
 * (postFileBeside()), and any other is kept as written, unreported.
 */
export function resolvePostLinks(body: string, context: ShortcodeContext, file: string | undefined): ShortcodeResult {
	const { findPost } = context;
	const fileLinks = POST_FILE_LINK_HINT.test(body);
	const pathLinks = file !== undefined && EXTENSIONLESS_LINK_HINT.test(body);
	if (!findPost || (!fileLinks && !pathLinks)) return { body, unknown: [], references: [] };
	const unknown: ShortcodeResult['unknown'] = [];
	const references: PostReference[] = [];
	// A body that links to the same post many times looks it up once.
	const found = new Map<string, FoundPosts | undefined>();
	const find = (target: LinkTarget): FoundPosts | undefined => {
		if (!target.exact) return findPost(target.path, 'ref', file);
		return file === undefined ? undefined : findPostBeside(target.path, findPost, file);
	};
	const lookUp = (target: LinkTarget): FoundPosts | undefined => {
		const key = `${target.exact ? 'path' : 'file'}:${target.path}`;
		if (!found.has(key)) found.set(key, find(target));
		return found.get(key);
	};
	const resolve = (destination: string, line: number, written: string): string | undefined => {
		const section = sectionTarget(destination);
		if (section) {
			const result = context.findSection?.(section.path);
			if (result?.url) return `${result.url}${section.fragment}`;
			const name = section.path.replace(/\/+$/, '');
			if (result) unknown.push({ line, text: written, reason: `it names Zola's section ${JSON.stringify(name)}, and ${result.folder}/ has no folder of that name; Carnet lists every post on its home page` });
			return undefined;
		}
		const target = postFileTarget(destination) ?? (pathLinks ? extensionlessTarget(destination) : undefined);
		if (!target) return undefined;
		const result = lookUp(target);
		const files = result?.files ?? [];
		references.push({ target: target.path, file: files.length === 1 ? files[0] : undefined, url: result?.url });
		if (result?.url) return `${result.url}${target.fragment}`;
		// A path without extension that names no post is most likely a page of the site.
		if (result) unknown.push({ line, text: written, reason: unresolvedReason(result, target.path) });
		return undefined;
	};
	const lines = splitFences(body, indentedCodeLines(body, POST_LINK_HINT)).flatMap(({ text, code, line }) => {
		if (code) return [text];
		// A link whose text wraps (`[PyPI's December 2024 blog\npost](./x.md)`) is closed on a later line, the
		// lines between holding no bracket; a blank line ends a paragraph, and any link in it.
		let open = false;
		return text.split('\n').map((content, index) => {
			const continued = open;
			open = content.trim() !== '' && (leavesLinkOpen(content) || (open && !content.includes(']')));
			return rewriteLine(content, (destination, written) => resolve(destination, line + index, written), continued);
		});
	});
	return { body: lines.join('\n'), unknown, references };
}

/** Why a link to a post file gives no address: the file names no post, several, or one this build publishes no page for. */
function unresolvedReason(found: FoundPosts, target: string): string {
	const [one] = found.files;
	if (one === undefined) return `no post in ${found.folder}/ has the file ${JSON.stringify(target)}`;
	if (found.files.length > 1) {
		return `${JSON.stringify(target)} names ${found.files.length} posts in ${found.folder}/ (${found.files.join(', ')}); write the path of one from the linking post's folder`;
	}
	if (found.heldBack) return `the post it names, ${found.folder}/${one}, ${heldBackWhy(found)}, so this build publishes no page for it`;
	return `the post it names, ${found.folder}/${one}, has no date, which the permalinks option needs`;
}

// A quick test before any parsing: most bodies link to no .md file.
const POST_FILE_LINK_HINT = /\.(?:md|markdown|mdx)(?:#[^\s)>]*)?(?:>|\)|\s|$)/im;
// A relative path without extension (`other`, `./other`, `../blog/other`, `react-router-v6.4`): no scheme,
// no leading slash, no dot but in leading `./` and `../` and in a version number at its end.
const EXTENSIONLESS_PATH = String.raw`(?:\.{1,2}\/)*[^\s()<>#?:./\\][^\s()<>#?:.\\]*(?:\.\d+)*`;
// The same quick test for a link or a definition to such a path (`](other)`, `]: ./other#part`). One run
// of spaces before it, not two in a row: those could share a long run in as many ways as it has spaces.
const EXTENSIONLESS_LINK_HINT = new RegExp(String.raw`\](?:\(|:)[ \t]*<?${EXTENSIONLESS_PATH}(?:[#?)>\s]|$)`, 'm');
// Either, for the indented lines that may be code.
const POST_LINK_HINT = new RegExp(`${POST_FILE_LINK_HINT.source}|${EXTENSIONLESS_LINK_HINT.source}`, 'im');
// [text](destination "title"), the destination maybe in <…>; an image's ![alt](…) is matched to be skipped.
// A bracket after a backslash is text, and one bracket pair may nest in the text without another: no start
// is read on past the next, so a line of thousands of unclosed brackets is read in one pass.
const INLINE_LINK = /(!?)(?<!\\)\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/g;
// A code span: a run of backticks, then text up to the next run of as many.
export const CODE_SPAN = /(`+)(?:[\s\S]*?[^`])?\1(?!`)/g;
// [label]: destination, a link reference definition; `[^1]: …` is a footnote's.
export const DEFINITION = /^( {0,3}\[(?!\^)(?:[^[\]\\]|\\.)+\]:[ \t]*)(<[^<>\n]*>|\S+)/;

/** The line with each post-file destination that `resolve` gives an address for replaced, outside code spans. */
function rewriteLine(line: string, resolve: (destination: string, written: string) => string | undefined, continued = false): string {
	const definition = DEFINITION.exec(line);
	if (definition) {
		const [whole, start, destination] = definition as unknown as [string, string, string];
		const url = resolve(destination, whole.trim());
		return url === undefined ? line : `${start}${wrapLike(destination, url)}${line.slice(whole.length)}`;
	}
	const closing = continued ? CONTINUED_LINK.exec(line) : null;
	if (closing) {
		const [whole, text, destination, title] = closing as unknown as [string, string, string, string];
		const url = resolve(destination, whole);
		if (url !== undefined) return `${text}](${wrapLike(destination, url)}${title})${rewriteLine(line.slice(whole.length), resolve)}`;
	}
	// Code spans are found first: a link that starts inside one is an example, one whose text holds one is a link.
	const code = [...line.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
	return line.replace(INLINE_LINK, (whole: string, bang: string, text: string, destination: string, title: string, offset: number) => {
		if (bang || code.some(([start, end]) => offset >= start && offset < end)) return whole;
		const url = resolve(destination, whole);
		return url === undefined ? whole : `[${text}](${wrapLike(destination, url)}${title})`;
	});
}

// The end of a link whose text opened on the line before: `post](./x.md "title")`, no bracket before it.
const CONTINUED_LINK = /^((?:[^[\]\\`\n]|\\.){0,500})\]\(\s*(<[^<>\n]*>|[^\s()<>]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/;

/** Whether `line` opens a link's text that it does not close: a `[` after its last `]`, outside code spans. */
function leavesLinkOpen(line: string): boolean {
	const text = line.replace(CODE_SPAN, '').replace(/\\./g, '');
	return text.lastIndexOf('[') > text.lastIndexOf(']');
}

function wrapLike(destination: string, url: string): string {
	return destination.startsWith('<') ? `<${url}>` : url;
}

/** A link destination read as a path: `exact` for one that names a post only by its path from the linking post's folder. */
interface LinkTarget {
	path: string;
	/** The `#fragment`, or `?query` and fragment, kept after the post's address. */
	fragment: string;
	exact?: true;
}

/**
 * The section a Zola internal link to a section's `_index.md` names (`@/_index.md`, the content folder's own;
 * `@/blog/_index.md#part`, `blog/`), with its fragment. The posts loader reads no `_index.md` as a post.
 */
function sectionTarget(destination: string): LinkTarget | undefined {
	const bare = unwrapped(destination);
	if (!bare.startsWith('@/')) return undefined;
	const hash = bare.indexOf('#');
	const written = decoded(hash === -1 ? bare : bare.slice(0, hash)).slice(1);
	if (!written.endsWith('/_index.md')) return undefined;
	return { path: written.slice(1, -'_index.md'.length), fragment: hash === -1 ? '' : bare.slice(hash) };
}

/** The post file a link destination names (a relative or root path ending in .md, .markdown or .mdx) and its fragment. */
function postFileTarget(destination: string): LinkTarget | undefined {
	const bare = unwrapped(destination);
	if (isAddress(bare)) return undefined;
	const hash = bare.indexOf('#');
	const written = hash === -1 ? bare : bare.slice(0, hash);
	if (!/\.(?:md|markdown|mdx)$/i.test(written)) return undefined;
	return { path: decoded(written), fragment: hash === -1 ? '' : bare.slice(hash) };
}

/**
 * The path a link destination names when it is relative and has no extension (`other`, `./other#part`,
 * `../blog/other?x=1`, `react-router-v6.4`: a version number is no extension), with its query and
 * fragment. A web address, a root path (`/about`), a fragment alone, a folder (`other/`) and `..` are not.
 * What it accepts is what EXTENSIONLESS_LINK_HINT looks for: whether a link is read does not depend on
 * the others in the body.
 */
function extensionlessTarget(destination: string): LinkTarget | undefined {
	const bare = unwrapped(destination);
	const end = bare.search(/[?#]/);
	const written = end === -1 ? bare : bare.slice(0, end);
	if (!WHOLE_EXTENSIONLESS_PATH.test(written) || written.endsWith('/')) return undefined;
	return { path: decoded(written), fragment: end === -1 ? '' : bare.slice(end), exact: true };
}

const WHOLE_EXTENSIONLESS_PATH = new RegExp(`^${EXTENSIONLESS_PATH}$`);

function unwrapped(destination: string): string {
	return destination.startsWith('<') ? destination.slice(1, -1) : destination;
}

/** Whether a destination is a web address: a scheme (https:, mailto:, obsidian:) or protocol-relative, no file of this site. */
function isAddress(destination: string): boolean {
	return /^[a-z][a-z\d+.-]*:/i.test(destination) || destination.startsWith('//');
}

function decoded(written: string): string {
	try {
		return decodeURI(written);
	} catch {
		// A stray % is read as written.
		return written;
	}
}

/**
 * The post `target` (a path without extension) names from the linking post `file`, with its address, or
 * undefined when it names none. Only the post file at that path counts, not one found by name elsewhere as
 * a Hugo `ref` may be: findPost() is given the file's own path, from the linking post's folder, which it
 * finds there first without listing the posts folder.
 */
function findPostBeside(target: string, findPost: NonNullable<ShortcodeContext['findPost']>, file: string): FoundPosts | undefined {
	const post = postFileBeside(file, target);
	if (post === undefined) return undefined;
	const found = findPost(path.relative(path.dirname(file), post).split(path.sep).join('/'), 'ref', file);
	return found.files.length === 1 ? found : undefined;
}

/**
 * The one post file that `target` names from the folder of the post file `file` (`other` for other.md,
 * other.mdx or other/index.md), or undefined for none, several, or a path that names a file that is not
 * a post (an image). It must be in the linking post's folder or below, or for a bundle's index file
 * (`second/index.md`), in the folder that holds the bundle, where the other posts are. A few stat calls;
 * no folder is listed.
 */
function postFileBeside(file: string, target: string): string | undefined {
	const named = path.resolve(path.dirname(file), target);
	if (!postFolders(file).some((folder) => isInside(named, folder) && named !== folder)) return undefined;
	const kind = entryKind(named);
	if (kind === 'file') return undefined;
	// A folder with no post in it beside a post of its name is that post's folder of files (Hexo's asset folder).
	const bundle = kind === 'folder' ? existingPostFiles(path.join(named, 'index')) : [];
	const posts = [...bundle, ...existingPostFiles(named)];
	return posts.length === 1 ? posts[0] : undefined;
}

/** The folders where a post file's links without extension may name other posts: its own, and a bundle's parent. */
function postFolders(file: string): string[] {
	const folder = path.dirname(file);
	return bundleIndex(fileStem(path.basename(file))) ? [folder, path.dirname(folder)] : [folder];
}

/** The post files that are `file` with a post extension added, as the posts loader reads them: no `_index.md`, no hidden file. */
function existingPostFiles(file: string): string[] {
	const name = path.basename(file);
	if (name.startsWith('_') || name.startsWith('.')) return [];
	return POST_EXTENSIONS.map((extension) => `${file}${extension}`).filter((candidate) => entryKind(candidate) === 'file');
}

function entryKind(file: string): 'file' | 'folder' | undefined {
	const stats = statSync(file, { throwIfNoEntry: false });
	if (!stats) return undefined;
	return stats.isDirectory() ? 'folder' : 'file';
}
