import { frenchSpacing, VERBATIM_ELEMENTS } from '../utils/typography.ts';
import type { UrlContext } from '../utils/project.ts';
import { pageLinkForm } from '../utils/routes.ts';
import { basePrefix, withoutBase } from '../utils/urls.ts';
import { imageSizeTransform, type ImageSize } from './image-sizes.ts';
import { scriptLinksTransform } from './script-links.ts';

export { VERBATIM_ELEMENTS };

/**
 * One change Carnet makes to every post body, described once and applied by the adapter of the site's
 * Markdown processor (satteri.ts, rehype.ts), so that pages, feeds and `render(entry)` all show it, MDX
 * included. Each function returns the new value, or undefined to keep the old one.
 */
export interface BodyTransform {
	name: string;
	/** Text outside code and other verbatim elements. */
	text?: (value: string) => string | undefined;
	/** A URL attribute of a link or media element (see URL_ATTRIBUTES), by the element's name; null removes the attribute. */
	url?: (value: string, element: string) => string | null | undefined;
	/** Whether `url` leaves the JSX elements of MDX alone, as the author's code (it sees them otherwise). */
	markdownOnly?: boolean;
	/** HTML written as is in the Markdown, which processors keep as unparsed `raw` nodes. */
	raw?: (html: string, document: string | URL | undefined) => string | undefined;
	/** The size to give an `<img>` of the document (its file, as the processor names it) that has neither `width` nor `height`. */
	image?: (src: string, document: string | URL | undefined) => ImageSize | undefined;
}

/** The URL attributes that `url` transforms see, by element. */
export const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
	a: ['href'],
	area: ['href'],
	img: ['src'],
	source: ['src'],
	video: ['src', 'poster'],
	audio: ['src'],
};

/**
 * The transforms a site gets: French spacing for French blogs, `base` on root-relative links when the site
 * has one and the site's trailing slash on those to the theme's pages (utils/routes.ts, pageLinkForm()), the
 * size of images in `public/` (markdown/image-sizes.ts), and no Markdown link that runs script
 * (markdown/script-links.ts).
 */
export function bodyTransforms(options: BodyTransformOptions): BodyTransform[] {
	const transforms: BodyTransform[] = [scriptLinksTransform, imageSizeTransform(options.base)];
	if (options.french) transforms.push({ name: 'french-spacing', text: frenchSpacing });
	if (basePrefix(options.base) !== '' || hasPageForms(options)) {
		const url = (value: string) => siteLink(value, urlContext(options));
		transforms.push({ name: 'base-links', url, raw: (html) => rewriteRawUrls(html, url) });
	}
	return transforms;
}

/**
 * Whether links to the theme's pages have one form only: a trailing slash or none as `trailingSlash` says, or
 * none under `build.format` 'file' or 'preserve', whose pages are `x.html` files that a static host serves at
 * `/x` (GitHub Pages answers `/x/` with a 404).
 */
function hasPageForms(project: Partial<Pick<UrlContext, 'trailingSlash' | 'buildFormat'>>): boolean {
	return (project.trailingSlash !== undefined && project.trailingSlash !== 'ignore') || project.buildFormat === 'file' || project.buildFormat === 'preserve';
}

/**
 * A link an author wrote (in a post, the intro, the navigation option) as the site publishes it: `base` in
 * front of a root-relative one (withBase()), and one to a theme page ending as the theme's own links do
 * (pageLinkForm()); undefined when it stays as written.
 */
export function siteLink(value: string, project: UrlContext): string | undefined {
	const based = withBase(value, project.base);
	return (hasPageForms(project) && isRootRelative(value) && pageLinkForm(based ?? value, project)) || based;
}

/**
 * What the body transforms depend on. `trailingSlash`, `buildFormat` and `postPattern` are the site's: a
 * root-relative link to one of the theme's pages ends as the theme's own links do (utils/routes.ts), so that
 * `[archive](/archive/)` is not a 404 under trailingSlash 'never' on a static host or in `astro dev`.
 */
export interface BodyTransformOptions extends Partial<Omit<UrlContext, 'base'>> {
	french: boolean;
	base: string;
}

function urlContext(options: BodyTransformOptions): UrlContext {
	return { base: options.base, trailingSlash: options.trailingSlash ?? 'ignore', buildFormat: options.buildFormat ?? 'directory', postPattern: options.postPattern };
}

function isRootRelative(value: string): boolean {
	return value.startsWith('/') && !value.startsWith('//');
}

/**
 * `/posts/x/` → `/blog/posts/x/`: authors write root-relative links as if the blog were at the root of
 * its domain (withastro/action#87). `base` goes in percent-encoded, as in the theme's own links
 * (`/my blög/` as `/my%20bl%C3%B6g`), also in front of a path that starts with it as written; a path that
 * starts with it encoded, and a protocol-relative URL, are left alone.
 */
export function withBase(value: string, base: string): string | undefined {
	if (!isRootRelative(value)) return undefined;
	const prefix = basePrefix(base);
	const rest = withoutBase(value, base);
	if (rest === undefined) return `${prefix}${value}`;
	return value.startsWith(prefix) ? undefined : `${prefix}${rest}`;
}

/** `html` with its root-relative link and media addresses as bodies get them (the intro option): siteLink(). */
export function withBaseInHtml(html: string, project: UrlContext): string {
	return basePrefix(project.base) === '' && !hasPageForms(project) ? html : (rewriteRawUrls(html, (value) => siteLink(value, project)) ?? html);
}

// A tag of raw HTML whose addresses transforms see, its attributes matched one by one (a ">" inside a
// quoted value does not end it), then each attribute with its value as written.
const RAW_TAG = /<(a|area|img|source|video|audio)\b((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/gi;
const RAW_ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Applies `url` to every URL attribute of the elements in a piece of raw HTML, `srcset` candidates included. */
function rewriteRawUrls(html: string, url: (value: string) => string | undefined): string | undefined {
	let changed = false;
	const result = html.replace(RAW_TAG, (tag: string, name: string, attributes: string, end: string) => {
		const element = name.toLowerCase();
		const rewritten = attributes.replace(RAW_ATTRIBUTE, (whole: string, space: string, attribute: string, equals?: string, double?: string, single?: string, bare?: string) => {
			const value = double ?? single ?? bare;
			if (value === undefined) return whole;
			const key = attribute.toLowerCase();
			const next = URL_ATTRIBUTES[element]?.includes(key) ? url(value) : key === 'srcset' ? rewriteSrcset(value, url) : undefined;
			if (next === undefined) return whole;
			changed = true;
			const quote = single !== undefined ? "'" : '"';
			return `${space}${attribute}${equals}${quote}${next}${quote}`;
		});
		return rewritten === attributes ? tag : `<${name}${rewritten}${end}>`;
	});
	return changed ? result : undefined;
}

/** `srcset="/a.jpg 1x, /b.jpg 2x"`: `url` applied to each candidate's address, descriptors kept. */
function rewriteSrcset(srcset: string, url: (value: string) => string | undefined): string | undefined {
	let changed = false;
	const candidates = srcset.split(',').map((candidate) => {
		const [, before = '', address = '', after = ''] = /^(\s*)(\S*)([\s\S]*)$/.exec(candidate) ?? [];
		const next = address === '' ? undefined : url(address);
		if (next === undefined) return candidate;
		changed = true;
		return `${before}${next}${after}`;
	});
	return changed ? candidates.join(',') : undefined;
}
