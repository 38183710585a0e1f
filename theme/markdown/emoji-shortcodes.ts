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

// Material for MkDocs' icons (`:material-account-circle:`, `:octicons-file-code-16:`, `:fontawesome-brands-github:`,
// `:simple-materialformkdocs:`), with the attribute list it may give one (`{ .heart }`), and a space on one side.
const ICON_SETS = ['material', 'octicons', 'fontawesome', 'simple'];
const ICON_OPENING = new RegExp(`:(?:${ICON_SETS.join('|')})-`);
const ICON = new RegExp(String.raw`( ?)(?<![\p{L}\p{N}_:/=]):((?:${ICON_SETS.join('|')})-[a-z0-9-]+):(?:\{[^}\n]*\})?(?![\p{L}\p{N}_:])( ?)`, 'gu');

/** A line of a body (1 = the first) and the icon shortcodes on it, as written. */
export interface IconLine {
	line: number;
	icons: string[];
}

/**
 * The body without Material for MkDocs' icon shortcodes, whose SVG sets Carnet does not ship, and the lines they
 * were on: shown as written, they would read as `:material-github:` in the text. Code and addresses are left alone.
 */
export function withoutIconShortcodes(body: string): { body: string; lines: IconLine[] } {
	if (!ICON_SETS.some((set) => body.includes(`:${set}-`))) return { body, lines: [] };
	const lines: IconLine[] = [];
	const changed = outsideCode(body, ICON_OPENING, (line, index) => {
		if (!line.includes(':')) return line;
		const icons: string[] = [];
		// One space is kept where the icon stood between two words: `with :material-x: and` reads `with and`.
		const remove = (text: string) =>
			text.replace(ICON, (_whole, before: string, name: string, after: string) => {
				icons.push(`:${name}:`);
				return before && after ? ' ' : '';
			});
		const out = outsideCodeSpans(line, (part) => part.split(ADDRESSES).map((piece, at) => (at % 2 === 1 ? piece : remove(piece))).join(''));
		if (icons.length > 0) lines.push({ line: index + 1, icons });
		return out;
	});
	return { body: changed, lines };
}

/**
 * The warning on Material for MkDocs' icons left out of `place` (the text, the title), each line's icons named,
 * for lines of a text (1 = its first) that opens on line `firstLine` of the file.
 */
export function iconsLeftOut(lines: readonly IconLine[], firstLine: number, place: string): string {
	const named = lines.map(({ line, icons }) => `${icons.join(', ')} (line ${firstLine + line - 1})`).join(', ');
	const one = lines.length === 1 && lines[0]?.icons.length === 1;
	return (
		`the Material for MkDocs ${one ? 'icon' : 'icons'} ${named} ${one ? 'is' : 'are'} left out of the ${place}: Carnet does not ship its icon sets, and the shortcode would be shown as written. ` +
		`To show ${one ? 'it' : 'them'}, replace ${one ? 'it' : 'each'} with an emoji (:rocket:) or an inline <svg> of the icon.`
	);
}
