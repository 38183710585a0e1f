import { statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../utils/file-paths.ts';
import { POST_EXTENSIONS } from '../utils/post-files.ts';
import { bundleIndex, fileStem } from '../utils/slugs.ts';
import { indentedCodeLines } from './fences.ts';
import { rewriteAnchors } from './html-anchors.ts';
import { heldBackWhy, referenceLabel, splitFences, type FoundPosts, type HeldBackLink, type PostReference, type ShortcodeContext, type ShortcodeResult } from './shortcodes.ts';

/**
 * Markdown links to another post's file (`[the setup](../setup/index.md)`, `[x](other.md#part)`), as GitHub,
 * Docusaurus, Obsidian and Hugo's link render hook read them, become that post's address; the file's path
 * means nothing on the built site. A path is looked for from the linking post's folder first, then from the
 * posts folder, then by name (as a Hugo `ref` is: markdown/shortcodes.ts). A link that names no post, or
 * several, is kept as written and reported. A link to a post this build holds back (a draft, `private: true`)
 * would be a 404 on the published site: it is shown as its text, without a link, and reported; a reference
 * definition to one is kept, unused, and the links that use it are shown as their text; the link's title goes
 * with it, named in the report. So is a link whose address is a `ref` or `post_url` to such a post
 * (`heldBackLinks`, from expandShortcodes()). An `<a href>` of raw HTML to a post file is read as a Markdown
 * link is (`<a href="other.md">`), its `<a>` left out where the post is held back. Links in code, and images,
 * are left alone.
 *
 * So do links to another post by its path without extension (`[the post](remix-vite-stable)`, as Remix's
 * blog writes them): on a site whose pages have no trailing slash the browser finds the other post there,
 * on this one it would find a 404 under the linking post's address. Most such links name a page of the
 * site, not a post: only a path to exactly one post file from the linking post's folder counts
 * (postFileBeside()), and any other is kept as written, unreported.
 */
export function resolvePostLinks(body: string, context: ShortcodeContext, file: string | undefined, heldBackLinks: readonly HeldBackLink[] = []): PostLinksResult {
	const { findPost, findPostAt } = context;
	const fileLinks = POST_FILE_LINK_HINT.test(body);
	const pathLinks = file !== undefined && EXTENSIONLESS_LINK_HINT.test(body);
	// Most bodies link to other sites: only a root path, or an address on the site's own host, is looked up.
	const addressLinks = findPostAt !== undefined && (ROOT_LINK_HINT.test(body) || (context.siteHost !== undefined && body.includes(`//${context.siteHost}/`)));
	if (!findPost || (!fileLinks && !pathLinks && !addressLinks && heldBackLinks.length === 0)) return { body, unknown: [], references: [] };
	const heldBack = new Map(heldBackLinks.map((link) => [link.placeholder, link]));
	const unknown: ShortcodeResult['unknown'] = [];
	const references: PostReference[] = [];
	const moved: MovedLink[] = [];
	// A body that links to the same post many times looks it up once.
	const found = new Map<string, FoundPosts | undefined>();
	const foundAt = new Map<string, ReturnType<NonNullable<typeof findPostAt>>>();
	const find = (target: LinkTarget): FoundPosts | undefined => {
		if (!target.exact) return findPost(target.path, 'ref', file);
		return file === undefined ? undefined : findPostBeside(target.path, findPost, file);
	};
	const lookUp = (target: LinkTarget): FoundPosts | undefined => {
		const key = `${target.exact ? 'path' : 'file'}:${target.path}`;
		if (!found.has(key)) found.set(key, find(target));
		return found.get(key);
	};
	// The labels of reference definitions to a post held back, as CommonMark matches them (referenceLabel()).
	const heldBackLabels = new Set<string>();
	/** Reports a link to be shown as its text, and gives null; a definition's `label` is kept for its links to be shown so too. */
	const unlink = (line: number, text: string, reason: string, { label, title }: LinkParts): null => {
		const shown = label === undefined ? 'its text, without a link' : 'the text of each link that uses it, without a link';
		unknown.push({ line, text, reason, shownAs: title ? `${shown} or its title, ${JSON.stringify(title)}` : shown });
		if (label !== undefined) heldBackLabels.add(referenceLabel(label));
		return null;
	};
	/**
	 * The address a link destination names, null for a post held back (the link is shown as its text), or
	 * undefined to keep it. `html` for an `<a href>`, which names a post only by its file.
	 */
	const resolve = (destination: string, line: number, written: string, parts: LinkParts, html = false): string | null | undefined => {
		const held = heldBack.get(unwrapped(destination));
		if (held) return unlink(line, written.replace(held.placeholder, held.text), held.reason, parts);
		const section = html ? undefined : sectionTarget(destination);
		if (section) {
			const result = context.findSection?.(section.path);
			if (result?.url) return `${result.url}${section.fragment}`;
			const name = section.path.replace(/\/+$/, '');
			if (result) unknown.push({ line, text: written, reason: `it names Zola's section ${JSON.stringify(name)}, and ${result.folder}/ has no folder of that name; Carnet lists every post on its home page` });
			return undefined;
		}
		const target = postFileTarget(destination) ?? (pathLinks && !html ? extensionlessTarget(destination) : undefined);
		if (!target) return addressLinks ? resolveAddress(destination, line, written) : undefined;
		const result = lookUp(target);
		const files = result?.files ?? [];
		references.push({ target: target.path, file: files.length === 1 ? files[0] : undefined, url: result?.url });
		if (result?.url) return `${result.url}${target.fragment}`;
		if (result?.heldBack && files.length === 1) return unlink(line, written, unresolvedReason(result, target.path), parts);
		// A path without extension that names no post is most likely a page of the site.
		if (result) unknown.push({ line, text: written, reason: unresolvedReason(result, target.path) });
		return undefined;
	};
	/** The address of the post that an address another engine gave it names, or undefined to keep it (reported when it leads nowhere). */
	const resolveAddress = (destination: string, line: number, written: string): string | undefined => {
		const bare = unwrapped(destination);
		const end = bare.search(/[?#]/);
		const address = end === -1 ? bare : bare.slice(0, end);
		if (!foundAt.has(address)) foundAt.set(address, findPostAt?.(address));
		const result = foundAt.get(address);
		if (!result) return undefined;
		const [one] = result.files;
		// The post's address is part of the body, and so of its key: a warm build links where a cold one does.
		references.push({ target: address, file: result.files.length === 1 ? one : undefined, url: result.url });
		if (result.url !== undefined && one !== undefined) {
			moved.push({ line, address, url: result.url, file: one });
			return `${result.url}${end === -1 ? '' : bare.slice(end)}`;
		}
		const several = result.files.length > 1 ? `${result.files.length} posts in ${result.folder}/ have ${result.named} (${result.files.join(', ')})` : `no post in ${result.folder}/ that this build publishes has ${result.named}`;
		const example = one === undefined ? 'other-post.md' : path.posix.basename(one);
		unknown.push({
			line,
			text: written,
			reason: `it leads to no page of the site: nothing is published at ${address}, and ${several}`,
			fix: `Link to the post's file instead (e.g. [text](${example})), set the permalinks option to the old engine's pattern, or add ${address} to the post's aliases.`,
		});
		return undefined;
	};
	const segments = splitFences(body, indentedCodeLines(body, addressLinks ? POST_OR_ADDRESS_LINK_HINT : POST_LINK_HINT));
	const lines = segments.flatMap(({ text: markdown, code, line }) => {
		if (code) return [markdown];
		const text = rewriteAnchors(markdown, codeSpans(markdown), (href, written, at, title) => resolve(href, line + at, written, { title }, true));
		// A link whose text wraps (`[PyPI's December 2024 blog\npost](./x.md)`) is closed on a later line, the
		// lines between holding no bracket; a blank line ends a paragraph, and any link in it.
		const written = text.split('\n');
		const rewritten: string[] = [];
		// The line whose link is still open.
		let opener: number | undefined;
		for (const [index, content] of written.entries()) {
			const openedOn = opener;
			// An image's alt text that wraps is left alone, as an image is.
			const continued = openedOn !== undefined && !isImageOpening(written[openedOn] as string);
			const unlinkOpening = () => {
				if (openedOn !== undefined) rewritten[openedOn] = withoutOpeningBracket(rewritten[openedOn] as string);
			};
			rewritten.push(rewriteLine(content, (destination, written, parts) => resolve(destination, line + index, written, parts), continued ? unlinkOpening : undefined));
			if (content.trim() === '') opener = undefined;
			else if (openingBracket(content) !== -1) opener = index;
			else if (content.includes(']')) opener = undefined;
		}
		return rewritten;
	});
	const rewritten = restoreHeldBackLinks(lines.join('\n'), heldBack, unknown);
	// The HTML links of a run of lines are read before its Markdown links.
	unknown.sort((a, b) => a.line - b.line);
	const result = { body: heldBackLabels.size === 0 ? rewritten : unlinkReferences(rewritten, segments, heldBackLabels), unknown, references };
	return moved.length === 0 ? result : { ...result, moved };
}

/** What resolvePostLinks() gives: the body, and the links to another engine's addresses of posts that it turned into theirs. */
export interface PostLinksResult extends ShortcodeResult {
	moved?: MovedLink[] | undefined;
}

/** A link to a post by the address another engine gave it (`/blog/2022/05/13/slug/`), given the post's address. */
export interface MovedLink {
	line: number;
	address: string;
	url: string;
	/** The post's file, relative to the posts folder. */
	file: string;
}

/**
 * `body` with each placeholder of `heldBack` that no link held (an image's address) shown as its reference as
 * written, as code, reported in `unknown`; and one that a definition kept, unused, made an address that
 * names nothing.
 */
function restoreHeldBackLinks(body: string, heldBack: ReadonlyMap<string, HeldBackLink>, unknown: ShortcodeResult['unknown']): string {
	if (heldBack.size === 0) return body;
	const lines = body.split('\n');
	for (const [index, line] of lines.entries()) {
		if (!line.includes('carnet-held-back:')) continue;
		const definition = DEFINITION.exec(line);
		lines[index] = line.replace(/carnet-held-back:\d+:/g, (placeholder: string, offset: number) => {
			const held = heldBack.get(placeholder);
			if (!held) return placeholder;
			if (definition && offset < definition[0].length) return '#';
			unknown.push({ line: index + 1, text: held.text, reason: held.reason, shownAs: 'written, as code' });
			return held.asWritten;
		});
	}
	return lines.join('\n');
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
const POST_FILE_LINK_HINT = /\.(?:md|markdown|mdx)(?:[?#][^\s)>"']*)?(?:>|\)|\s|$|["'])/im;
// A relative path without extension (`other`, `./other`, `../blog/other`, `react-router-v6.4`): no scheme,
// no leading slash, no dot but in leading `./` and `../` and in a version number at its end.
const EXTENSIONLESS_PATH = String.raw`(?:\.{1,2}\/)*[^\s()<>#?:./\\][^\s()<>#?:.\\]*(?:\.\d+)*`;
// The same quick test for a link or a definition to such a path (`](other)`, `]: ./other#part`). One run
// of spaces before it, not two in a row: those could share a long run in as many ways as it has spaces.
const EXTENSIONLESS_LINK_HINT = new RegExp(String.raw`\](?:\(|:)[ \t]*<?${EXTENSIONLESS_PATH}(?:[#?)>\s]|$)`, 'm');
// Either, for the indented lines that may be code.
const POST_LINK_HINT = new RegExp(`${POST_FILE_LINK_HINT.source}|${EXTENSIONLESS_LINK_HINT.source}`, 'im');
// A link, definition or `<a href>` to a root path, which may be another engine's address of a post.
const ROOT_LINK_HINT = /(?:\]\(\s*<?|\]:[ \t]*<?|href\s*=\s*["']?)\/(?!\/)/i;
// For the indented lines that may be code: those links, or to a web address, which may be on the site's host.
const POST_OR_ADDRESS_LINK_HINT = new RegExp(`${POST_LINK_HINT.source}|${ROOT_LINK_HINT.source}|https?:\\/\\/`, 'im');
// [text](destination "title"), the destination maybe in <…>; an image's ![alt](…) is matched to be skipped.
// A bracket after a backslash is text, and one bracket pair may nest in the text without another: no start
// is read on past the next, so a line of thousands of unclosed brackets is read in one pass.
const INLINE_LINK = /(!?)(?<!\\)\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/g;
// A code span: a run of backticks, then text up to the next run of as many.
export const CODE_SPAN = /(`+)(?:[\s\S]*?[^`])?\1(?!`)/g;
// [label]: destination, a link reference definition; `[^1]: …` is a footnote's.
export const DEFINITION = /^( {0,3}\[(?!\^)(?:[^[\]\\]|\\.)+\]:[ \t]*)(<[^<>\n]*>|\S+)/;

/** What a link has besides its text and destination: a definition's label, and the title, as written between its quotes. */
interface LinkParts {
	label?: string | undefined;
	title?: string | undefined;
}

type Resolve = (destination: string, written: string, parts: LinkParts) => string | null | undefined;

/** The text of a link's title as written after its destination (` "Soon"`, ` 'Soon'`, ` (Soon)`), or undefined for none. */
function titleText(written: string): string | undefined {
	const title = written.trim();
	return title === '' ? undefined : title.slice(1, -1);
}

/**
 * The line with each post-file destination that `resolve` gives an address for replaced, and each link it
 * gives null for replaced by its text, outside code spans. `unlinkOpening`, for a line that closes a link
 * opened on an earlier line, takes that link's opening bracket away.
 */
function rewriteLine(line: string, resolve: Resolve, unlinkOpening?: () => void): string {
	const definition = DEFINITION.exec(line);
	if (definition) {
		const [whole, start, destination] = definition as unknown as [string, string, string];
		const url = resolve(destination, whole.trim(), { label: start.trim().slice(1, -2), title: titleText(line.slice(whole.length)) });
		// A definition to a post held back is kept, unused: unlinkReferences() shows its links as text.
		return url == null ? line : `${start}${wrapLike(destination, url)}${line.slice(whole.length)}`;
	}
	const closing = unlinkOpening ? CONTINUED_LINK.exec(line) : null;
	if (closing) {
		const [whole, text, destination, title] = closing as unknown as [string, string, string, string];
		const url = resolve(destination, whole, { title: titleText(title) });
		if (url === null) {
			unlinkOpening?.();
			return `${text}${rewriteLine(line.slice(whole.length), resolve)}`;
		}
		if (url !== undefined) return `${text}](${wrapLike(destination, url)}${title})${rewriteLine(line.slice(whole.length), resolve)}`;
	}
	// Code spans are found first: a link that starts inside one is an example, one whose text holds one is a link.
	const code = codeSpans(line);
	return line.replace(INLINE_LINK, (whole: string, bang: string, text: string, destination: string, title: string, offset: number) => {
		if (bang || code.some(([start, end]) => offset >= start && offset < end)) return whole;
		const url = resolve(destination, whole, { title: titleText(title) });
		if (url === null) return text;
		return url === undefined ? whole : `[${text}](${wrapLike(destination, url)}${title})`;
	});
}

function codeSpans(text: string): (readonly [number, number])[] {
	return [...text.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
}

// A full (`[text][label]`), collapsed (`[label][]`) or shortcut (`[label]`) reference link, or image; a
// shortcut followed by `(` is an inline link's text, and one followed by `:` is taken for a definition's.
const REFERENCE_LINK = /(!?)(?<!\\)\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\](?:\[((?:[^[\]\\]|\\.)*)\]|(?![(:]))/g;

/**
 * `body` with each reference link whose label is one of `labels` (definitions to posts held back) shown
 * as its text, outside code. Its text may wrap onto the next lines of its paragraph, as an inline link's may.
 */
function unlinkReferences(body: string, segments: { text: string; code: boolean }[], labels: ReadonlySet<string>): string {
	const lines = body.split('\n');
	let start = 0;
	const parts = segments.map(({ text, code }) => {
		const count = text.split('\n').length;
		const part = lines.slice(start, start + count).join('\n');
		start += count;
		if (code) return part;
		const spans = codeSpans(part);
		return part.replace(REFERENCE_LINK, (whole: string, bang: string, text: string, label: string | undefined, offset: number) => {
			if (bang || spans.some(([from, to]) => offset >= from && offset < to)) return whole;
			return labels.has(referenceLabel(label || text)) ? text : whole;
		});
	});
	return parts.join('\n');
}

// The end of a link whose text opened on the line before: `post](./x.md "title")`, no bracket before it.
const CONTINUED_LINK = /^((?:[^[\]\\`\n]|\\.){0,500})\]\(\s*(<[^<>\n]*>|[^\s()<>]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/;

/** Where `line` opens a link's text that it does not close, a `[` after its last `]` outside code spans and escapes; -1 for none. */
function openingBracket(line: string): number {
	// In the order they start, so that a line of thousands of code spans is read in one pass.
	const spans = codeSpans(line);
	let next = 0;
	let opening = -1;
	for (let index = 0; index < line.length; index += 1) {
		while ((spans[next]?.[0] ?? Infinity) < index) next += 1;
		const span = spans[next];
		if (span?.[0] === index) index = span[1] - 1;
		else if (line[index] === '\\') index += 1;
		else if (line[index] === '[') opening = index;
		else if (line[index] === ']') opening = -1;
	}
	return opening;
}

/** Whether the link `line` leaves open is an image's alt text: `![` opens it. */
function isImageOpening(line: string): boolean {
	return line[openingBracket(line) - 1] === '!';
}

function withoutOpeningBracket(line: string): string {
	const at = openingBracket(line);
	return at === -1 ? line : `${line.slice(0, at)}${line.slice(at + 1)}`;
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

/**
 * The post file a link destination names (a relative or root path ending in .md, .markdown or .mdx) and its
 * query and fragment, which a browser would send to the file's address and are kept for the post's.
 */
function postFileTarget(destination: string): LinkTarget | undefined {
	const bare = unwrapped(destination);
	if (isAddress(bare)) return undefined;
	const end = bare.search(/[?#]/);
	const written = end === -1 ? bare : bare.slice(0, end);
	if (!/\.(?:md|markdown|mdx)$/i.test(written)) return undefined;
	return { path: decoded(written), fragment: end === -1 ? '' : bare.slice(end) };
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
