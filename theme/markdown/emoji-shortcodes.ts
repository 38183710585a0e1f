import { nameToEmoji } from 'gemoji';
import { outsideCode, outsideCodeSpans } from './fences.ts';

// `:tada:`, as GitHub, Hugo (`enableEmoji`), Jekyll (jemoji), VitePress and Docusaurus write an emoji: a
// name between colons, not against a word or another colon (`12:30:45`, `a::b` and `std::vector` are not).
const SHORTCODE = /(?<![\p{L}\p{N}_:/]):([a-z0-9_+-]+):(?![\p{L}\p{N}_:])/gu;

/** Emoji written as GitHub's shortcodes (`:tada:`) as the emoji themselves; unknown names and code are left alone. */
export function emojiShortcodes(body: string): string {
	if (!/:[a-z0-9_+-]+:/.test(body)) return body;
	return outsideCode(body, /:[a-z0-9_+-]+:/, (line) =>
		line.includes(':') ? outsideCodeSpans(line, (part) => part.replace(SHORTCODE, (whole, name: string) => nameToEmoji[name] ?? whole)) : line,
	);
}
