/** Text made safe inside an XML or HTML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
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
