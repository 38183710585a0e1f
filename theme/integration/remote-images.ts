import type { AstroConfig } from 'astro';
import { IMAGE_KEYS } from '../schema.ts';
import { lineOfKey } from '../utils/front-matter.ts';
import { isOptimisable } from '../utils/images.ts';
import { userError } from './errors.ts';
import { postLocation, type PostFile, type PostFileContext } from './post-file.ts';
import { fetchRemoteImageSize, RemoteImageError, type RemoteImageSize } from './remote-image-size.ts';

const REMOTE = /^https?:\/\//i;

// A browser follows an image's redirects wherever they go: one that is published as it is may be measured there too.
const ANY_HOST = { domains: [], remotePatterns: [{ protocol: 'https' }, { protocol: 'http' }] } satisfies Pick<AstroConfig['image'], 'domains' | 'remotePatterns'>;

/**
 * Measures the remote featured images of a post once, when the post is (re)loaded, so that pages get
 * their width and height without fetching the image on every render. An image on a host that Astro's
 * `image.domains` or `image.remotePatterns` allow is optimised by Astro; one on another host is published
 * as it is (noteUnoptimisedImages() names it). An image that cannot be downloaded (a host that does not
 * answer within the `remoteImageTimeout` option, a 404, something other than an image), an SVG, and an address
 * that is no URL are added to the post's `missingImages`, with the address as `missingFile`, and its field left
 * out, as preparePostFile() does with a missing file: the body's missing images, which only its rendering lists,
 * are told with them (checkBodyImages()), and a build lists every post's (load-posts.ts).
 */
export async function measureRemoteImages(post: PostFile, context: PostFileContext, imageConfig: AstroConfig['image']): Promise<void> {
	for (const key of IMAGE_KEYS) {
		const url = post.data[key];
		if (typeof url !== 'string' || !REMOTE.test(url)) continue;
		const problem = await measureRemoteImage(post, key, url, context, imageConfig);
		if (problem === undefined) continue;
		post.missingImages = [...(post.missingImages ?? []), problem];
		delete post.data[key];
	}
}

/** Gives the post's field `key` the size of the image at `url`; or the error that says why it cannot. */
async function measureRemoteImage(post: PostFile, key: string, url: string, context: PostFileContext, imageConfig: AstroConfig['image']): Promise<Error | undefined> {
	const line = lineOfKey(post.source, key);
	const where = postLocation(context, line);
	// The field as the post names it: AstroPaper's `ogImage` gives `featured_image`.
	const field = post.source.movedKeys?.[key] ?? key;
	const fail = (message: string, hint: string) => Object.assign(userError(`${where}: ${field} '${url}' ${message}`, hint, { file: context.entryFile, line }), { missingFile: url });
	if (!URL.canParse(url)) return fail('is not a valid URL.', 'Write the whole address, e.g. https://images.example.org/cover.jpg.');
	const seconds = context.config.remoteImageTimeout;
	let size: RemoteImageSize;
	try {
		size = await fetchRemoteImageSize(url, {
			imageConfig: isOptimisable(url, imageConfig) ? imageConfig : { ...imageConfig, ...ANY_HOST },
			timeout: seconds * 1000,
			onProgress: (elapsed, bytes) =>
				context.warn(`${where}: ${field}: still downloading ${url} after ${Math.round(elapsed / 1000)} s (${bytes} bytes so far); giving up after ${seconds} s without data.`),
		});
	} catch (error) {
		if (!(error instanceof RemoteImageError)) throw error;
		const hint = error.timedOut
			? 'Check that the host is up, use a copy of the image next to the post, or allow more time with the remoteImageTimeout option (in seconds).'
			: 'Check the URL, or use a copy of the image next to the post.';
		return fail(error.message, hint);
	}
	if (size.format === 'svg') {
		return fail(
			'is an SVG; remote SVG images are not optimised or proxied.',
			'Save the SVG next to the post and write ./<name>.svg (it is then served as it is), or use a PNG, JPEG or WebP URL.',
		);
	}
	post.data[key] = { src: url, width: size.width, height: size.height, format: size.format, ...(size.bytes ? { bytes: size.bytes } : {}) };
	return undefined;
}

// The remote featured images on hosts Astro may not optimise, by host, since the last unoptimisedImagesWarnings().
const unoptimised = new Map<string, string[]>();

/** Forgets the images an earlier build in this process noted (forgetEarlierSyncs()). */
export function forgetUnoptimisedImages(): void {
	unoptimised.clear();
}

// The posts a host's warning names: a Hashnode blog has hundreds, all on one host.
const LISTED_POSTS = 3;

/**
 * Notes the post's remote featured images on hosts that `imageConfig` does not allow, for the build's
 * warnings. It reads the front matter as written, so that a build whose posts come from the store notes
 * the same images as one that loads them.
 */
export function noteUnoptimisedImages(post: PostFile, context: PostFileContext, imageConfig: AstroConfig['image']): void {
	for (const key of IMAGE_KEYS) {
		const url = post.data[key];
		if (typeof url !== 'string' || !REMOTE.test(url) || !URL.canParse(url) || isOptimisable(url, imageConfig)) continue;
		const host = new URL(url).hostname;
		const posts = unoptimised.get(host) ?? [];
		posts.push(`${postLocation(context, lineOfKey(post.source, key))}: ${post.source.movedKeys?.[key] ?? key} '${url}'`);
		unoptimised.set(host, posts);
	}
}

/** One warning per host whose images were noted since the last call, naming its first posts; then forgets them. */
export function unoptimisedImagesWarnings(): string[] {
	const warnings = [...unoptimised].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([host, found]) => {
		const posts = [...found].sort();
		const listed = posts.slice(0, LISTED_POSTS).join(', ') + (posts.length > LISTED_POSTS ? ` and ${posts.length - LISTED_POSTS} more` : '');
		const count = posts.length === 1 ? 'A featured image is' : `${posts.length} featured images are`;
		return (
			`${count} on ${host}, a host Astro is not allowed to optimise images from (${listed}): ${posts.length === 1 ? 'it is' : 'they are'} published as ${posts.length === 1 ? 'it is' : 'they are'}, ` +
			`at full size and without smaller variants, and social previews and feeds point at ${posts.length === 1 ? 'it' : 'them'} on that host. ` +
			`To have ${posts.length === 1 ? 'it' : 'them'} optimised, allow the host in astro.config.mjs: image: { domains: ['${host}'] }.`
		);
	});
	unoptimised.clear();
	return warnings;
}
