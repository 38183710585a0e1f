import { parseEntities } from 'parse-entities';

// The placeholder Astro's Markdown pipeline writes for each local image, its properties as JSON in an
// attribute (astro/dist/content/runtime.js, CONTENT_LAYER_IMAGE_REGEX).
const IMAGE_PLACEHOLDER = /__ASTRO_IMAGE_="([^"]*)"/g;

/**
 * `html` with the properties of each local image's placeholder written with no character reference but
 * `&amp;` and `&quot;`, the ones Astro's runtime decodes before it reads them: the HTML writer writes a
 * backtick in an alt (`![a \` b](./x.png)`) as `&#x60;`, which Astro read as text and escaped again, so the
 * page showed `a &#x60; b`.
 */
export function readableImagePlaceholders(html: string): string {
	if (!html.includes('__ASTRO_IMAGE_')) return html;
	return html.replace(IMAGE_PLACEHOLDER, (whole: string, value: string) => {
		if (!value.includes('&')) return whole;
		return `__ASTRO_IMAGE_="${parseEntities(value, { attribute: true }).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
	});
}
