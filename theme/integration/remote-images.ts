import type { AstroConfig } from 'astro';
import { isRemoteAllowed } from 'astro/assets/utils';
import { IMAGE_KEYS } from '../schema.ts';
import { lineOfKey } from '../utils/front-matter.ts';
import { userError } from './errors.ts';
import { postLocation, type PostFile, type PostFileContext } from './post-file.ts';
import { fetchRemoteImageSize, RemoteImageError, type RemoteImageSize } from './remote-image-size.ts';

const REMOTE = /^https?:\/\//i;

/**
 * Measures the remote featured images of a post once, when the post is (re)loaded, so that pages get
 * their width and height without fetching the image on every render. The image must be allowed by
 * Astro's `image.domains` or `image.remotePatterns`, which is also what lets Astro optimise it. A host
 * that does not answer within the `remoteImageTimeout` option fails the build, naming the post.
 */
export async function measureRemoteImages(post: PostFile, context: PostFileContext, imageConfig: AstroConfig['image']): Promise<void> {
	for (const key of IMAGE_KEYS) {
		const url = post.data[key];
		if (typeof url !== 'string' || !REMOTE.test(url)) continue;
		const line = lineOfKey(post.source, key);
		const where = postLocation(context, line);
		const fail = (message: string, hint: string) => userError(`${where}: ${key} '${url}' ${message}`, hint, { file: context.entryFile, line });
		if (!URL.canParse(url)) throw fail('is not a valid URL.', 'Write the whole address, e.g. https://images.example.org/cover.jpg.');
		// Astro's config type and isRemoteAllowed()'s disagree on optional fields under exactOptionalPropertyTypes.
		const allowed = { domains: imageConfig.domains ?? [], remotePatterns: imageConfig.remotePatterns ?? [] } as Parameters<typeof isRemoteAllowed>[1];
		if (!isRemoteAllowed(url, allowed)) {
			const host = new URL(url).hostname;
			throw fail(
				'is on a host that Astro is not allowed to optimise images from.',
				`Allow it in astro.config.mjs: image: { domains: ['${host}'] } (or a matching image.remotePatterns entry).`,
			);
		}
		const seconds = context.config.remoteImageTimeout;
		let size: RemoteImageSize;
		try {
			size = await fetchRemoteImageSize(url, {
				imageConfig,
				timeout: seconds * 1000,
				onProgress: (elapsed, bytes) =>
					context.warn(`${where}: ${key}: still downloading ${url} after ${Math.round(elapsed / 1000)} s (${bytes} bytes so far); giving up after ${seconds} s without data.`),
			});
		} catch (error) {
			if (!(error instanceof RemoteImageError)) throw error;
			const hint = error.timedOut
				? 'Check that the host is up, use a copy of the image next to the post, or allow more time with the remoteImageTimeout option (in seconds).'
				: 'Check the URL, or use a copy of the image next to the post.';
			throw fail(error.message, hint);
		}
		if (size.format === 'svg') {
			throw fail(
				'is an SVG; remote SVG images are not optimised or proxied.',
				'Save the SVG next to the post and write ./<name>.svg (it is then served as it is), or use a PNG, JPEG or WebP URL.',
			);
		}
		post.data[key] = { src: url, width: size.width, height: size.height };
	}
}
