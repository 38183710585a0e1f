import { verbatimLines } from './fences.ts';

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
// site's own (`__GHOST_URL__/content/images/a.jpg`, `href="__GHOST_URL__/2018/03/18/post/"`, and in srcset).
const GHOST_URL = /__GHOST_URL__(\/?)/g;

/**
 * Ghost's `__GHOST_URL__` as the site's root, outside code, each line on its line: `__GHOST_URL__/2018/post/`
 * is `/2018/post/` and `__GHOST_URL__` alone `/`, paths from the root as Carnet writes them (it adds `base`
 * to such links and images itself), in links, images and raw HTML alike.
 */
export function ghostLinks(body: string): string {
	if (!body.includes('__GHOST_URL__')) return body;
	const lines = body.split('\n');
	const code = verbatimLines(lines, /__GHOST_URL__/, { html: false });
	return lines
		.map((line, index) => {
			if (code.has(index) || !line.includes('__GHOST_URL__')) return line;
			const spans = [...line.matchAll(CODE_SPAN)].map((span) => [span.index, span.index + span[0].length] as const);
			// Matches and spans both come in the order of the line: one pass over each.
			let span = 0;
			return line.replace(GHOST_URL, (whole: string, _slash: string, offset: number) => {
				while (span < spans.length && (spans[span] as readonly [number, number])[1] <= offset) span += 1;
				const current = spans[span];
				return current !== undefined && offset >= current[0] ? whole : '/';
			});
		})
		.join('\n');
}
