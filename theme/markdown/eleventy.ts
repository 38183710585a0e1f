// Eleventy's template languages, which its layouts are written in (`layout: layouts/post.njk`).
const ELEVENTY_LAYOUT = /\.(?:njk|liquid|11ty\.[cm]?js|webc|hbs|mustache|ejs|haml|pug)$/i;
// Eleventy writes a page to the file its permalink names (`/blog/hello/index.html`), where other engines take an address.
const ELEVENTY_PERMALINK = /\/index\.html$/;
// What only an Eleventy template writes: its collections (`collections.posts`), an item's data (`post.data.title`),
// its image shortcode (`{% image "./a.png", "Alt" %}`).
const ELEVENTY_TEMPLATE = /\{[{%][^{}\n]*?(?:\bcollections\.\w|\b\w+\.data\.\w)|\{%-?\s*image\s+["'][^"'\n]+["']\s*,/;

/**
 * Whether the front matter is Eleventy's: its layout is in one of Eleventy's template languages, or it has a
 * key of Eleventy's own (`eleventyNavigation`, `eleventyExcludeFromCollections`).
 */
export function hasEleventyFrontMatter(data: Readonly<Record<string, unknown>>): boolean {
	const { layout } = data;
	if (typeof layout === 'string' && ELEVENTY_LAYOUT.test(layout.trim())) return true;
	return Object.keys(data).some((key) => /^eleventy/i.test(key));
}

/**
 * Whether the post is an Eleventy template (Nunjucks or Liquid, as Eleventy reads Markdown): its front matter
 * is Eleventy's, its permalink names the file Eleventy writes, or its body uses Eleventy's own data or shortcodes.
 */
export function isEleventyTemplate(body: string, data: Readonly<Record<string, unknown>>): boolean {
	const { permalink } = data;
	return hasEleventyFrontMatter(data) || (typeof permalink === 'string' && ELEVENTY_PERMALINK.test(permalink.trim())) || ELEVENTY_TEMPLATE.test(body);
}
