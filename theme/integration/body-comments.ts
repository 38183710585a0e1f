import { fenceAfter } from '../markdown/fences.ts';
import { HTML_COMMENT, commentCloses } from '../utils/balanced-html.ts';

const COMMENT = new RegExp(HTML_COMMENT, 'g');
const CODE_SPAN = /(`+)[^`\n]*?\1/g;

/**
 * The line of a Markdown body (counted from 1 at its first line) where the HTML comment that nothing
 * closes opens; undefined if none is found. Code, fenced or inline, is not read: a `<!--` there is text.
 */
export function endlessCommentLine(body: string): number | undefined {
	let fence: string | undefined;
	const text = body
		.split('\n')
		.map((line) => {
			const { code, open } = fenceAfter(line, fence);
			fence = open;
			return code ? '' : line.replace(CODE_SPAN, (span) => ' '.repeat(span.length));
		})
		.join('\n');
	for (const match of text.matchAll(COMMENT)) {
		if (!commentCloses(match[0])) return text.slice(0, match.index).split('\n').length;
	}
	return undefined;
}
