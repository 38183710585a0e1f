import type { MarkdownHeading } from 'astro';

/** The id of a heading whose text gives github-slugger nothing: a capital letter, which no other heading's id has. */
export const UNNAMED_HEADING_ID = 'Heading';

/**
 * A heading whose text slugs to nothing (`## 🎉`, `## <img …>`) is written `id=""`, an error in HTML, and
 * the table of contents links it to `#`, the top of the page: both get UNNAMED_HEADING_ID. github-slugger
 * gives "" once in a body (the next such heading gets "-1"). `headings` is changed in place.
 */
export function nameUnnamedHeading(html: string, headings: MarkdownHeading[]): string {
	const heading = headings.find((entry) => entry.slug === '');
	if (!heading) return html;
	heading.slug = UNNAMED_HEADING_ID;
	return html.replace(/(<h[1-6]\s(?:[^>]*\s)?id=)""/, `$1"${UNNAMED_HEADING_ID}"`);
}
