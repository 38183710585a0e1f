import { indentedCodeLines } from './fences.ts';
import { HELD_BACK_WHY, splitFences, type PostReference, type ShortcodeContext, type ShortcodeResult } from './shortcodes.ts';

/**
 * Markdown links to another post's file (`[the setup](../setup/index.md)`, `[x](other.md#part)`), as GitHub,
 * Docusaurus, Obsidian and Hugo's link render hook read them, become that post's address; the file's path
 * means nothing on the built site. A path is looked for from the linking post's folder first, then from the
 * posts folder, then by name (as a Hugo `ref` is: markdown/shortcodes.ts). A link that names no post, or
 * several, is kept as written and reported. Links in code, and images, are left alone.
 */
export function resolvePostLinks(body: string, context: ShortcodeContext, file: string | undefined): ShortcodeResult {
	const { findPost } = context;
	if (!findPost || !POST_FILE_LINK_HINT.test(body)) return { body, unknown: [], references: [] };
	const unknown: ShortcodeResult['unknown'] = [];
	const references: PostReference[] = [];
	const resolve = (destination: string, line: number, written: string): string | undefined => {
		const target = postFileTarget(destination);
		if (!target) return undefined;
		const found = findPost(target.path, 'ref', file);
		const [one] = found.files;
		references.push({ target: target.path, file: found.files.length === 1 ? one : undefined, url: found.url });
		if (found.url) return `${found.url}${target.fragment}`;
		const reason =
			one === undefined
				? `no post in ${found.folder}/ has the file ${JSON.stringify(target.path)}`
				: found.files.length > 1
					? `${JSON.stringify(target.path)} names ${found.files.length} posts in ${found.folder}/ (${found.files.join(', ')}); write the path of one from the linking post's folder`
					: found.heldBack
						? `the post it names, ${found.folder}/${one}, ${HELD_BACK_WHY[found.heldBack]}, so this build publishes no page for it`
						: `the post it names, ${found.folder}/${one}, has no date, which the permalinks option needs`;
		unknown.push({ line, text: written, reason });
		return undefined;
	};
	const lines = splitFences(body, indentedCodeLines(body, POST_FILE_LINK_HINT)).flatMap(({ text, code, line }) =>
		text.split('\n').map((content, index) => (code ? content : rewriteLine(content, (destination, written) => resolve(destination, line + index, written)))),
	);
	return { body: lines.join('\n'), unknown, references };
}

// A quick test before any parsing: most bodies link to no .md file.
const POST_FILE_LINK_HINT = /\.(?:md|markdown|mdx)(?:#[^\s)>]*)?(?:>|\)|\s|$)/im;
// [text](destination "title"), the destination maybe in <…>; an image's ![alt](…) is matched to be skipped.
const INLINE_LINK = /(!?)\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*)\)/g;
// A code span: a run of backticks, then text up to the next run of as many.
export const CODE_SPAN = /(`+)(?:[\s\S]*?[^`])?\1(?!`)/g;
// [label]: destination, a link reference definition.
export const DEFINITION = /^( {0,3}\[(?:[^[\]\\]|\\.)+\]:[ \t]*)(<[^<>\n]*>|\S+)/;

/** The line with each post-file destination that `resolve` gives an address for replaced, outside code spans. */
function rewriteLine(line: string, resolve: (destination: string, written: string) => string | undefined): string {
	const definition = DEFINITION.exec(line);
	if (definition) {
		const [whole, start, destination] = definition as unknown as [string, string, string];
		const url = resolve(destination, whole.trim());
		return url === undefined ? line : `${start}${wrapLike(destination, url)}${line.slice(whole.length)}`;
	}
	// Code spans are found first: a link that starts inside one is an example, one whose text holds one is a link.
	const code = [...line.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length] as const);
	return line.replace(INLINE_LINK, (whole: string, bang: string, text: string, destination: string, title: string, offset: number) => {
		if (bang || code.some(([start, end]) => offset >= start && offset < end)) return whole;
		const url = resolve(destination, whole);
		return url === undefined ? whole : `[${text}](${wrapLike(destination, url)}${title})`;
	});
}

function wrapLike(destination: string, url: string): string {
	return destination.startsWith('<') ? `<${url}>` : url;
}

/** The post file a link destination names (a relative or root path ending in .md, .markdown or .mdx) and its fragment. */
function postFileTarget(destination: string): { path: string; fragment: string } | undefined {
	const bare = destination.startsWith('<') ? destination.slice(1, -1) : destination;
	// A scheme (https:, mailto:, obsidian:) or a protocol-relative address is not a file of this site.
	if (/^[a-z][a-z\d+.-]*:/i.test(bare) || bare.startsWith('//')) return undefined;
	const hash = bare.indexOf('#');
	const written = hash === -1 ? bare : bare.slice(0, hash);
	if (!/\.(?:md|markdown|mdx)$/i.test(written)) return undefined;
	let path = written;
	try {
		path = decodeURI(written);
	} catch {
		// A stray % is read as written.
	}
	return { path, fragment: hash === -1 ? '' : bare.slice(hash) };
}
