// A task list's checkbox as GFM writes it, not yet labelled (the Markdown processor labels those of
// Markdown lists: markdown/reading-aids.ts), then the item's text up to what ends it: the item, its
// paragraph, or a block inside the item (a nested list).
const TASK = /(?<!<label>)(<input type="checkbox"(?: checked)? disabled>)((?:(?!<\/li>|<\/p>|<(?:ul|ol|p|pre|blockquote|div|table|figure|h[1-6]|label|input)\b)[^]){0,2000}?)(?=<\/li>|<\/p>|<(?:ul|ol|p|pre|blockquote|div|table|figure|h[1-6])\b)/g;

/**
 * A rendered body whose task list items (`- [x] Buy milk`) have their checkbox and text in a `<label>`:
 * the text names the checkbox, which GFM writes without a name (axe: "label"), so that a screen reader
 * says "Buy milk, checkbox, checked". A body without a task list is returned as it is.
 */
export function labelledTaskItems(html: string): string {
	if (!html.includes('<input type="checkbox"')) return html;
	return html.replace(TASK, (whole: string, input: string, text: string) => (text.trim() === '' ? whole : `<label>${input}${text}</label>`));
}
