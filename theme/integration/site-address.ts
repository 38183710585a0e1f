import type { AstroConfig } from 'astro';
import { basePrefix } from '../utils/urls.ts';
import { userError } from './errors.ts';

/**
 * Warns about a `site` that Astro uses only in part: without it, the feeds, the sitemap and canonical
 * URLs are skipped; with a path (`https://example.org/blog/`), Astro and @astrojs/sitemap keep only its
 * origin and put every page under `base`, so a path that `base` does not repeat is dropped from every
 * absolute URL.
 */
export function checkSiteAddress(astroConfig: Pick<AstroConfig, 'site' | 'base'>, warn: (message: string) => void): void {
	if (!astroConfig.site) {
		warn(
			'The `site` option is not set in astro.config.mjs, so the RSS feed, the sitemap and canonical URLs are skipped. ' +
				"Set it to the blog's public address, e.g. site: 'https://example.com'.",
		);
		return;
	}
	const { origin, pathname } = new URL(astroConfig.site);
	// A page's file (`/index.html`, `/blog/index.html`) names the folder it is in: that folder is the path.
	const path = pathname.replace(/\/[^/]*\.html?$/i, '').replace(/\/+$/, '');
	if (path === '' && pathname !== '/' && !pathname.endsWith('/')) {
		warn(`site is '${astroConfig.site}', which names a page (${pathname}); Astro writes every address from the site's origin. Write the address alone: site: '${origin}'.`);
		return;
	}
	if (path === '' || path === astroConfig.base.replace(/\/+$/, '')) return;
	warn(
		`site is '${astroConfig.site}', whose path ${pathname} is not used for pages: Astro writes every address from the site's origin (${origin}/) and \`base\`` +
			`${astroConfig.base === '/' ? '' : ` ('${astroConfig.base}')`}, so feeds, the sitemap and canonical URLs would leave ${pathname} out. ` +
			`Put the path in \`base\`: site: '${origin}', base: '${path}'.`,
	);
}

/** What checkBase() reads of a stored post. */
interface ImagedEntry {
	filePath?: string | undefined;
	data: Record<string, unknown>;
	rendered?: { metadata?: { imagePaths?: unknown[] } } | undefined;
}

/**
 * Stops a site whose `base` addresses must percent-encode (`/my blog/` is `/my%20blog/`) once a post has an image
 * Astro optimises: Vite writes an imported image's address with the base encoded, which Astro's image pipeline
 * compares with the base as written (removeBase() in vite-plugin-assets.js), so it reads the original from
 * `dist/my blog/_astro/`, a folder that does not exist, and stops the build with its stack trace at the first
 * one, the address it gave the page holding the base twice (`/my%20blog/my%2520blog/_astro/…`). Featured
 * images and images beside posts are; a site without them builds under such a base, its images in public/ too.
 */
export function checkBase(astroConfig: Pick<AstroConfig, 'base'>, entries: Iterable<ImagedEntry>): void {
	const encoded = basePrefix(astroConfig.base);
	if (encoded === astroConfig.base.replace(/\/+$/, '')) return;
	const imaged = [...entries].filter(showsOptimisedImage).map((entry) => entry.filePath ?? '').sort();
	const [first] = imaged;
	if (first === undefined) return;
	const plain = astroConfig.base
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\w/.~-]+/g, '-');
	const others = imaged.length > 1 ? ` (and ${imaged.length - 1} more ${imaged.length === 2 ? 'post' : 'posts'})` : '';
	throw userError(
		`base is '${astroConfig.base}', which addresses carry percent-encoded (${encoded}/), and ${first}${others} has an image Astro optimises (a featured image, an image beside the post): Astro's image pipeline looks for each one under dist${astroConfig.base.replace(/\/+$/, '')}/_astro/, which does not exist, and stops the build at the first one.`,
		`Write base with letters, digits, dashes, dots and underscores only, e.g. base: '${plain}', or put the images in public/ and name them by their path there (/images/cover.jpg).`,
	);
}

/** Whether a stored post has a featured image from image() (Astro's placeholder for an import) or images beside it in its body. */
function showsOptimisedImage(entry: ImagedEntry): boolean {
	return (entry.rendered?.metadata?.imagePaths?.length ?? 0) > 0 || JSON.stringify(entry.data).includes('"__ASTRO_IMAGE_');
}
