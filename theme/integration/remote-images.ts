import type { AstroConfig } from 'astro';
import { inferRemoteSize } from 'astro/assets/utils/inferRemoteSize.js';
import { IMAGE_KEYS } from '../schema.ts';
import { lineOfKey } from '../utils/front-matter.ts';
import { userError } from './errors.ts';
import { postLocation, type PostFile, type PostFileContext } from './post-file.ts';

const REMOTE = /^https?:\/\//i;

/**
 * Measures the remote featured images of a post once, when the post is (re)loaded, so that pages get
 * their width and height without fetching the image on every render. The image must be allowed by
 * Astro's `image.domains` or `image.remotePatterns`, which is also what lets Astro optimise it.
 */
export async function measureRemoteImages(post: PostFile, context: PostFileContext, imageConfig: AstroConfig['image']): Promise<void> {
	for (const key of IMAGE_KEYS) {
		const url = post.data[key];
		if (typeof url !== 'string' || !REMOTE.test(url)) continue;
		const line = lineOfKey(post.source, key);
		const where = postLocation(context, line);
		let size: { width: number; height: number };
		try {
			size = await inferRemoteSize(url, imageConfig);
		} catch (error) {
			const name = error instanceof Error ? error.name : '';
			if (name === 'RemoteImageNotAllowed') {
				const host = new URL(url).hostname;
				throw userError(
					`${where}: ${key} '${url}' is on a host that Astro is not allowed to optimise images from.`,
					`Allow it in astro.config.mjs: image: { domains: ['${host}'] } (or a matching image.remotePatterns entry).`,
					{ file: context.entryFile, line },
				);
			}
			const reason = error instanceof Error ? error.message : String(error);
			throw userError(`${where}: ${key} '${url}' could not be fetched to read its size: ${reason}`, 'Check the URL, or use a local image.', {
				file: context.entryFile,
				line,
			});
		}
		post.data[key] = { src: url, width: size.width, height: size.height };
	}
}
