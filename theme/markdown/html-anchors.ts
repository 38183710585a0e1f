// An `<a>` opening tag, its attributes over lines maybe; each attempt stops at the next `<`, so that thousands
// of tags left open are read in one pass.
const OPENING = /<a(?=[\s>])(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/gi;
// What ends an anchor's content: its `</a>`, or the next `<a>`, as anchors do not nest.
const CONTENT_END = /<\/a\s*>|<a[\s>]/gi;
// What a reader never sees as a link: a comment, a script's, a style's or a template's text.
const UNSEEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

// An attribute's value, quoted or not, after its name.
const VALUE = String.raw`\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>\x60]+))`;
const ATTRIBUTES = { href: new RegExp(String.raw`\shref${VALUE}`, 'i'), title: new RegExp(String.raw`\stitle${VALUE}`, 'i') };

/** The value of the attribute `name` of an opening tag, and where it stands in the tag; undefined for none. */
function attribute(tag: string, name: keyof typeof ATTRIBUTES): { value: string; start: number; end: number } | undefined {
	const found = ATTRIBUTES[name].exec(tag);
	if (!found) return undefined;
	const value = found[1] ?? found[2] ?? found[3] ?? '';
	const end = found.index + found[0].length - (found[3] === undefined ? 1 : 0);
	return { value, start: end - value.length, end };
}

/**
 * What an `<a href>` of raw HTML becomes: its new address, null to show its content without the link (the
 * tag and its `</a>` go), or undefined to keep it. `written` is its opening tag; `line`, the tag's line
 * from the start of `text` (0 for the first).
 */
export type ResolveAnchor = (href: string, written: string, line: number, title: string | undefined) => string | null | undefined;

/**
 * `text` (a run of Markdown outside fenced code) with the `href` of each `<a>` of its raw HTML that `resolve`
 * gives an address for replaced, and each one it gives null for shown as its content: the opening tag is
 * replaced by the line breaks it held, so that every line keeps its number. Tags in `codeSpans` (where each
 * starts and ends), comments and scripts are left alone.
 */
export function rewriteAnchors(text: string, codeSpans: readonly (readonly [number, number])[], resolve: ResolveAnchor): string {
	if (!/<a[\s>]/i.test(text)) return text;
	const skipped = [...codeSpans, ...[...text.matchAll(UNSEEN)].map((match) => [match.index, match.index + match[0].length] as const)].sort((a, b) => a[0] - b[0]);
	// Read in one pass with the anchors, which come in order: the furthest end of the skipped runs begun so far, and the line reached.
	let next = 0;
	let reach = 0;
	let line = 0;
	let counted = 0;
	const parts: string[] = [];
	let from = 0;
	// Where the `</a>` of an anchor shown as its content is, which goes when it is reached.
	let closing = -1;
	const dropClosing = () => {
		parts.push(text.slice(from, closing));
		from = text.indexOf('>', closing) + 1;
		closing = -1;
	};
	for (const match of text.matchAll(OPENING)) {
		const tag = match[0];
		const start = match.index;
		for (; next < skipped.length && (skipped[next] as readonly [number, number])[0] <= start; next++) reach = Math.max(reach, (skipped[next] as readonly [number, number])[1]);
		if (start < from || reach > start) continue;
		const href = attribute(tag, 'href');
		if (!href) continue;
		for (; counted < start; counted++) if (text[counted] === '\n') line++;
		const url = resolve(href.value, tag, line, attribute(tag, 'title')?.value);
		if (url === undefined) continue;
		if (closing !== -1 && closing < start) dropClosing();
		parts.push(text.slice(from, start));
		if (url === null) {
			parts.push(tag.replace(/[^\n]+/g, ''));
			CONTENT_END.lastIndex = start + tag.length;
			const end = CONTENT_END.exec(text);
			closing = end?.[0].startsWith('</') ? end.index : -1;
		} else {
			const quote = tag[href.start - 1];
			const escaped = quote === '"' || quote === "'" ? url.replaceAll(quote, quote === '"' ? '&quot;' : '&#39;') : url;
			parts.push(`${tag.slice(0, href.start)}${escaped}${tag.slice(href.end)}`);
		}
		from = start + tag.length;
	}
	if (closing !== -1) dropClosing();
	parts.push(text.slice(from));
	return parts.join('');
}
