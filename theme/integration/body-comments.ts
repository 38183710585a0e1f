import { withoutCode } from '../markdown/fences.ts';
import { HTML_COMMENT, commentCloses } from '../utils/balanced-html.ts';

const COMMENT = new RegExp(HTML_COMMENT, 'g');

/**
 * The line of a Markdown body (counted from 1 at its first line) where the HTML comment that nothing
 * closes opens; undefined if none is found. Code, fenced or inline, is not read: a `<!--` there is text.
 */
export function endlessCommentLine(body: string): number | undefined {
	const text = withoutCode(body);
	for (const match of text.matchAll(COMMENT)) {
		if (!commentCloses(match[0])) return text.slice(0, match.index).split('\n').length;
	}
	return undefined;
}
