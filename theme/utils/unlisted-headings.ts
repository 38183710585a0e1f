import type { MarkdownHeading } from 'astro';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/**
 * The headings of `html` with the class no_toc (kramdown's `{: .no_toc }` under a heading, as Just the Docs
 * and Minimal Mistakes write it, or `## Title {.no_toc}`, and Chirpy's `{: data-toc-skip='' }`, given that
 * class) or Chirpy's attribute data-toc-skip (`<h2 data-toc-skip>`) taken out of `headings`, in place: the
 * table of contents leaves them out, as those themes' do, and the page shows them as any other.
 */
export function withoutUnlistedHeadings(html: string, headings: MarkdownHeading[]): void {
	if (headings.length === 0 || !(html.includes('no_toc') || html.includes('data-toc-skip'))) return;
	const unlisted = new Set<string>();
	const visit = (node: Nodes) => {
		if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && (hasClass(node, 'no_toc') || node.properties.dataTocSkip !== undefined) && typeof node.properties.id === 'string') unlisted.add(node.properties.id);
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(fromHtml(html, { fragment: true }));
	if (unlisted.size === 0) return;
	const kept = headings.filter((heading) => !unlisted.has(heading.slug));
	headings.splice(0, headings.length, ...kept);
}

function hasClass(element: Element, name: string): boolean {
	const classes = element.properties.className;
	return Array.isArray(classes) && classes.includes(name);
}
