import { isSafeLink } from './links.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);

// Code first, so that nothing inside backticks is read as a link or emphasis. A link's address may hold
// balanced parentheses, as Markdown reads it (`https://en.wikipedia.org/wiki/Carnet_(book)`).
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*|(?<!\w)_([^_]+)_(?!\w)/g;

/**
 * The `intro` option as HTML: paragraphs separated by blank lines, with links, `**strong**`, `*emphasis*`
 * and `` `code` ``. It is a small subset on purpose: the text comes from the site's own config, and
 * anything else (HTML included) is escaped and shown as written. Links must be paths or http(s):/mailto: URLs.
 */
export function renderIntro(markdown: string): string {
	return markdown
		.trim()
		.split(/\n\s*\n/)
		.map((paragraph) => `<p>${renderInline(paragraph.trim().replace(/\s*\n\s*/g, ' '))}</p>`)
		.join('');
}

function renderInline(text: string): string {
	let html = '';
	let last = 0;
	for (const match of text.matchAll(INLINE)) {
		html += escapeHtml(text.slice(last, match.index));
		const [whole, code, label, href, strong, em, underscored] = match;
		if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
		else if (label !== undefined && href !== undefined) {
			// Not written as Markdown: Astro's error printer would show `[label](href)` as a link of its own.
			if (!isSafeLink(href, { relative: true })) throw new Error(`the link ${JSON.stringify(label)} to ${href} is not a path or an http(s): or mailto: URL`);
			html += `<a href="${escapeHtml(href)}">${renderInline(label)}</a>`;
		} else if (strong !== undefined) html += `<strong>${renderInline(strong)}</strong>`;
		else html += `<em>${renderInline(em ?? underscored ?? whole)}</em>`;
		last = (match.index ?? 0) + whole.length;
	}
	return html + escapeHtml(text.slice(last));
}
