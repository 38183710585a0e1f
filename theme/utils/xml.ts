/** Text made safe inside an XML or HTML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return escapeHtmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * Plain text as HTML that shows it as written, for a field a reader takes as HTML: `&`, `<` and `>` escaped,
 * quotes kept, since text outside attributes needs no more. The field's own XML escaping comes on top.
 */
export function escapeHtmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text behind the entities that escapeXml() and HTML attribute values use. */
export function unescapeXml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&(?:apos|#39);/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}
