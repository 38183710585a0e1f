import { hasPostExtension } from '../utils/post-files.ts';
import { maskCodeSpans, outsideCodeSpans, verbatimLines } from './fences.ts';

// One of Pelican's placeholders: `{filename}` (a post or page, from the post's folder or, after a slash, from
// the content's root), `{static}` and `{attach}` (a file), their older spelling, `|filename|`, and the braces
// percent-encoded (`%7Bstatic%7D`), as an editor that escapes addresses writes them and Pelican reads them.
const NAME = String.raw`(?:\{|%7B)(filename|static|attach)(?:\}|%7D)|\|(filename|static|attach)\|`;
// A link's, an image's or an HTML attribute's destination that opens with a placeholder, and the path after it.
const PLACEHOLDER = new RegExp(String.raw`(\]\([ \t]*<?|^[ \t>]{0,40}\[[^\]\n]{1,500}\]:[ \t]*<?|\b(?:href|src)[ \t]*=[ \t]*["']?)(?:${NAME})(\/?)(?=([^\s)<>"'?#]*))`, 'gim');
const HINT = new RegExp(NAME, 'i');
const CODE_SPAN = /(`+)[^`\n]*?\1/g;
// The other files Pelican reads as posts and pages (reStructuredText, HTML): a link to one names a post, not a static file.
const PELICAN_CONTENT = /\.(?:rst|html?)$/i;

/**
 * Pelican's link placeholders as the paths they stand for, outside code, each line on its line:
 * `{static}/images/han.jpg` is `/images/han.jpg` (Pelican's static files, in public/), `{static}han.jpg`
 * and `{attach}han.jpg` a file beside the post, `{filename}first.md` a post beside it, whose link Carnet
 * resolves; `{filename}/cat1/first.md`, a post from the content's root, is kept as written, as Carnet finds
 * that post by its path. Pelican takes `{filename}` for any file of its content folder: one that is not a
 * post (`{filename}/images/shot.png`) is a static file, read as `{static}` is.
 */
export function pelicanLinks(body: string): string {
	if ((!body.includes('{') && !body.includes('|') && !body.includes('%7')) || !HINT.test(body)) return body;
	const lines = body.split('\n');
	// Code at any indent, in lists and quotes too, as the parser finds it; raw HTML is read (`<img src="{static}/a.png">`).
	const code = verbatimLines(lines, HINT, { html: false });
	return lines
		.map((line, index) => {
			if (code.has(index)) return line;
			const spans = [...line.matchAll(CODE_SPAN)].map((span) => [span.index, span.index + span[0].length] as const);
			return line.replace(PLACEHOLDER, (whole: string, before: string, braced: string | undefined, barred: string | undefined, slash: string, rest: string, offset: number) => {
				if (spans.some(([from, to]) => offset >= from && offset < to)) return whole;
				const kind = (braced ?? barred)?.toLowerCase();
				if (kind === 'filename' && slash && (hasPostExtension(rest) || PELICAN_CONTENT.test(rest))) return whole;
				return `${before}${slash}`;
			});
		})
		.join('\n');
}

// Ghost's placeholder for its site's root, which its Markdown and JSON exports write in every address of the
// site's own (`__GHOST_URL__/content/images/a.jpg`, `href="__GHOST_URL__/2018/03/18/post/"`, and in srcset):
// one that opens a path, or stands where an address does (after `(`, `<`, a quote, `=`), not a mention in prose.
const GHOST_URL = /__GHOST_URL__(?=\/)|(?<=[(<"'=]|\]:[ \t]{0,20})__GHOST_URL__/g;
// Lines of an HTML `<pre>` block, which shows code as written: from its start tag to its end tag.
const PRE_START = /<pre[\s>]/i;
const PRE_END = /<\/pre\s*>/i;

/**
 * Ghost's `__GHOST_URL__` as the site's root, outside code, each line on its line: `__GHOST_URL__/2018/post/`
 * is `/2018/post/` and `__GHOST_URL__` alone `/`, paths from the root as Carnet writes them (it adds `base`
 * to such links and images itself), in links, images and raw HTML alike. Code is Markdown's (fenced,
 * indented, spans) and HTML's (`<pre>`, `<code>`).
 */
export function ghostLinks(body: string): string {
	if (!body.includes('__GHOST_URL__')) return body;
	const lines = body.split('\n');
	const code = verbatimLines(lines, /__GHOST_URL__/, { html: false });
	let pre = false;
	return lines
		.map((line, index) => {
			if (code.has(index)) return line;
			// A `<pre>` named in a code span opens nothing.
			const html = maskCodeSpans(line);
			const inPre = pre || PRE_START.test(html);
			pre = inPre && !PRE_END.test(html.slice(html.search(PRE_START) + 1));
			if (inPre || !line.includes('__GHOST_URL__')) return line;
			return outsideCodeSpans(line, (text) => text.replace(GHOST_URL, (_whole: string, offset: number, all: string) => (all.charAt(offset + '__GHOST_URL__'.length) === '/' ? '' : '/')));
		})
		.join('\n');
}
