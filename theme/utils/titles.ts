// Search engines cut titles at about 70 characters, and html-validate's long-title rule holds pages to it.
const MAX_LENGTH = 70;

/**
 * The `<title>` of a page: "Post · Blog" when it fits in 70 characters, the page's own title alone
 * when only that fits, else that title cut at a word and ended with an ellipsis. The full title stays in
 * the page's heading and in its Open Graph tags.
 */
export function documentTitle(title: string | undefined, siteTitle: string): string {
	if (title === undefined) return shorten(siteTitle);
	const full = `${title} · ${siteTitle}`;
	return full.length <= MAX_LENGTH ? full : shorten(title);
}

function shorten(text: string): string {
	if (text.length <= MAX_LENGTH) return text;
	const cut = text.slice(0, MAX_LENGTH - 1);
	const space = cut.lastIndexOf(' ');
	// Cut at the last word boundary unless that loses too much; never in the middle of a surrogate pair.
	const end = space > MAX_LENGTH / 2 ? space : /[\uD800-\uDBFF]$/.test(cut) ? cut.length - 1 : cut.length;
	return `${cut.slice(0, end).trimEnd()}…`;
}
