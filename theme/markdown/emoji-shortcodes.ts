import { nameToEmoji } from 'gemoji';
import { outsideCode, outsideCodeSpans } from './fences.ts';

// `:tada:`, as GitHub, Hugo (`enableEmoji`), Jekyll (jemoji), VitePress and Docusaurus write an emoji: a
// name between colons, not against a word or another colon (`12:30:45`, `a::b` and `std::vector` are not).
const SHORTCODE = /(?<![\p{L}\p{N}_:/=]):([a-z0-9_+-]+):(?![\p{L}\p{N}_:])/gu;
// Addresses, where a `:name:` is part of the address: a link's destination, an autolink, a bare URL.
const ADDRESSES = /(\]\([^)\s]*|<[a-z][\w+.-]*:[^>\s]*>|\bhttps?:\/\/[^\s<>()]*)/i;

/** Emoji written as GitHub's shortcodes (`:tada:`) as the emoji themselves; unknown names, addresses and code are left alone. */
export function emojiShortcodes(body: string): string {
	// Most bodies have no known name: they are not parsed for their code.
	if (![...body.matchAll(SHORTCODE)].some((match) => nameToEmoji[match[1] as string] !== undefined)) return body;
	const replace = (text: string) => text.replace(SHORTCODE, (whole, name: string) => nameToEmoji[name] ?? whole);
	return outsideCode(body, /:[a-z0-9_+-]+:/, (line) =>
		line.includes(':') ? outsideCodeSpans(line, (part) => part.split(ADDRESSES).map((piece, index) => (index % 2 === 1 ? piece : replace(piece))).join('')) : line,
	);
}
