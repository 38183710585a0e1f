// Search engines cut titles at about 70 characters, and html-validate's long-title rule holds pages to it.
const MAX_LENGTH = 70;

/**
 * The `<title>` of a page: "Post · Blog" when it fits in 70 characters, the page's own title alone
 * when only that fits, else that title cut at a word and ended with an ellipsis. The full title stays in
 * the page's heading and in its Open Graph tags.
 */
export function documentTitle(title: string | undefined, siteTitle: string): string {
	if (title === undefined) return shorten(siteTitle);
	const full = `${isolateBidi(title)} · ${siteTitle}`;
	if (full.length <= MAX_LENGTH) return full;
	if (!BIDI_CONTROL.test(title)) return shorten(title);
	// The isolating marks count too, with those that close isolates the title left open.
	let shortened = isolateBidi(shorten(title, MAX_LENGTH - 2));
	for (let max = MAX_LENGTH - 2; shortened.length > MAX_LENGTH && max > 1; ) {
		max -= shortened.length - MAX_LENGTH;
		shortened = isolateBidi(shorten(title, max));
	}
	return shortened;
}

// Bidirectional embeddings, overrides and isolates. A title with its own (an override never closed, as in
// "\u202Eevil") would reorder what follows it in the browser's tab: the site's name. Isolated between
// U+2068 and U+2069, which ends whatever it opened, it reorders only itself, as it does in the page's
// heading (dir="auto"). A feed reader lists titles one after another: a feed's titles are isolated alike.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * `text` between U+2068 and U+2069 when it has bidirectional controls of its own, so that they reorder only
 * itself; else as it is. A U+2069 of its own that closes no isolate of its own would close the one around it
 * (and an override after it would reorder what follows again): it is left out; one it opens and never closes
 * is closed.
 */
export function isolateBidi(text: string): string {
	if (!BIDI_CONTROL.test(text)) return text;
	let open = 0;
	const own = text.replace(/[\u2066-\u2069]/g, (mark) => {
		if (mark !== '\u2069') open++;
		else if (open > 0) open--;
		else return '';
		return mark;
	});
	// An isolate it opens and never closes is closed before its own ends: else its U+2069 would close that one.
	return `\u2068${own}${'\u2069'.repeat(open)}\u2069`;
}

function shorten(text: string, max = MAX_LENGTH): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	// Cut at the last word boundary unless that loses too much; never in the middle of a surrogate pair.
	const end = space > max / 2 ? space : /[\uD800-\uDBFF]$/.test(cut) ? cut.length - 1 : cut.length;
	return `${cut.slice(0, end).trimEnd()}…`;
}
