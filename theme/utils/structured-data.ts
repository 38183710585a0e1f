import { toZonedISOString } from './dates.ts';
import { oncePerKey } from './once-per-key.ts';
import type { Author, Post } from './posts.ts';

/** Schema.org data for a page, written as JSON-LD. URLs are absolute. */
export type StructuredData = Record<string, unknown>;

interface SiteFacts {
	name: string;
	url: string;
	locale: string;
	timeZone: string;
}

const person = (author: Author, siteUrl: string) => ({
	'@type': 'Person',
	name: author.name,
	...(author.url ? { url: author.url } : {}),
	...(author.title ? { jobTitle: author.title } : {}),
	...(author.image ? { image: new URL(author.image, siteUrl).href } : {}),
	...(author.sameAs ? { sameAs: author.sameAs } : {}),
});

/** `BlogPosting` for a post page. */
export function blogPosting(post: Post, url: string, imageUrl: string | undefined, site: SiteFacts): StructuredData {
	return {
		'@context': 'https://schema.org',
		'@type': 'BlogPosting',
		headline: post.title,
		...(post.description ? { description: post.description } : {}),
		url,
		mainEntityOfPage: { '@type': 'WebPage', '@id': url },
		datePublished: toZonedISOString(post.date, site.timeZone),
		dateModified: toZonedISOString(post.updated ?? post.date, site.timeZone),
		inLanguage: post.lang ?? site.locale,
		...(post.authors.length > 0 ? { author: post.authors.length === 1 ? person(post.authors[0] as Author, site.url) : post.authors.map((author) => person(author, site.url)) } : {}),
		...(imageUrl ? { image: [imageUrl] } : {}),
		...(post.tags.length ? { keywords: post.tags.map((tag) => tag.name).join(', ') } : {}),
		isPartOf: { '@type': 'Blog', name: site.name, url: site.url },
	};
}

/** `Blog` for the home page, `CollectionPage` for other listings (tags, archive). */
export function collectionPage(type: 'Blog' | 'CollectionPage', name: string, url: string, description: string | undefined, site: SiteFacts): StructuredData {
	return {
		'@context': 'https://schema.org',
		'@type': type,
		name,
		url,
		...(description ? { description } : {}),
		inLanguage: site.locale,
		...(type === 'CollectionPage' ? { isPartOf: { '@type': 'Blog', name: site.name, url: site.url } } : {}),
	};
}

/** `BreadcrumbList` from the home page down to the current page. */
export function breadcrumbList(items: readonly { name: string; url: string }[]): StructuredData {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
	};
}

/**
 * JSON for a `<script type="application/ld+json">`. Every `<`, `>` and `&` is written as a Unicode escape,
 * so that no title or tag (`</script>`, `<!--`) can end the element early; line and paragraph separators
 * are escaped for old JSON parsers. The result parses back to the same data.
 */
export function serializeJsonLd(data: StructuredData | StructuredData[]): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * Open Graph's `og:locale`, language_TERRITORY: fr → fr_FR, en → en_US, pt-BR → pt_BR. Every page asks, with
 * the site's locale, and Intl.Locale#maximize takes about 20 µs: worked out once per locale.
 */
export const openGraphLocale: (locale: string) => string = oncePerKey((locale) => {
	const { language, region } = new Intl.Locale(locale).maximize();
	return region ? `${language}_${region}` : language;
});
