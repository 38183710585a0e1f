import { maskCodeSpans, outsideCodeSpans, verbatimLines } from './fences.ts';

// A link's, an image's or an HTML attribute's destination that opens with one of Pelican's placeholders:
// `{filename}` (a post or page, from the post's folder or, after a slash, from the content's root),
// `{static}` and `{attach}` (a file), or their older spelling, `|filename|`.
const PLACEHOLDER = /(\]\([ \t]*<?|^[ \t>]{0,40}\[[^\]\n]{1,500}\]:[ \t]*<?|\b(?:href|src)[ \t]*=[ \t]*["']?)(?:\{(filename|static|attach)\}|\|(filename|static|attach)\|)(\/?)/gim;
const CODE_SPAN = /(`+)[^`\n]*?\1/g;

/**
 * Pelican's link placeholders as the paths they stand for, outside code, each line on its line:
 * `{static}/images/han.jpg` is `/images/han.jpg` (Pelican's static files, in public/), `{static}han.jpg`
 * and `{attach}han.jpg` a file beside the post, `{filename}first.md` a post beside it, whose link Carnet
 * resolves; `{filename}/cat1/first.md`, a post from the content's root, is kept as written, as Carnet finds
 * that post by its path.
 */
export function pelicanLinks(body: string): string {
	if (!/\{(?:filename|static|attach)\}|\|(?:filename|static|attach)\|/.test(body)) return body;
	const lines = body.split('\n');
	// Code at any indent, in lists and quotes too, as the parser finds it; raw HTML is read (`<img src="{static}/a.png">`).
	const code = verbatimLines(lines, /\{(?:filename|static|attach)\}|\|(?:filename|static|attach)\|/, { html: false });
	return lines
		.map((line, index) => {
			if (code.has(index)) return line;
			const spans = [...line.matchAll(CODE_SPAN)].map((span) => [span.index, span.index + span[0].length] as const);
			return line.replace(PLACEHOLDER, (whole: string, before: string, braced: string | undefined, barred: string | undefined, slash: string, offset: number) => {
				if (spans.some(([from, to]) => offset >= from && offset < to)) return whole;
				const kind = braced ?? barred;
				if (kind === 'filename' && slash) return whole;
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
