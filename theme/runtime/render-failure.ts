import { readFileSync } from 'node:fs';
import path from 'node:path';
import project from 'virtual:carnet/project';
import { failedRemoteImage } from '../utils/image-failure.ts';
import type { Post } from '../utils/posts.ts';
import { BODY_CACHE_ERROR } from './rendered-body.ts';

/**
 * A body that fails as a feed or its page renders it (an MDX expression that throws, `{undefinedVar.foo}`)
 * named by its file: Astro's message would name the feed being built, which the post's author did not write.
 * A remote image that could not be downloaded is named, with its line; a damaged body in the cache keeps
 * only the cache's own advice, since nothing in the post is at fault.
 */
export function renderFailure(post: Post, error: unknown): Error {
	const file = post.entry.filePath ?? post.id;
	const image = failedRemoteImage(error);
	if (image !== undefined) {
		const line = lineOfText(post.entry.filePath, image);
		// Without Astro's message as its cause: it says no more than the address, as escaped JSON.
		return new Error(
			`${file}${line === undefined ? '' : `:${line}`}: the image ${image} could not be downloaded, so the post's body could not be rendered, for its page and the feeds alike. ` +
				'Check its address, that its host answers and that this machine can reach it, or save the image beside the post and show that file (![…](./photo.png)).',
		);
	}
	if (error instanceof Error && error.name === BODY_CACHE_ERROR) {
		const advice = (error as { advice?: unknown }).advice;
		return new Error(`${file}: its body could not be rendered, for its page and the feeds alike. ${typeof advice === 'string' ? advice : error.message}`, { cause: error });
	}
	const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return new Error(`${file}: its body failed to render (${reason}), for its page and the feeds alike. Fix the expression or component the message names.`, { cause: error });
}

/**
 * The line (1 = the file's first) of a post file that shows the image `address`, if the file can be read:
 * the first where it is an image's or an element's address (`](address`, `src="address`), else the first
 * that holds it after the front matter (a link to the picture at full size, prose, a description name it too).
 */
function lineOfText(filePath: string | undefined, address: string): number | undefined {
	if (filePath === undefined) return undefined;
	try {
		const lines = readFileSync(path.resolve(project.root ?? '.', filePath), 'utf8').split('\n');
		// The front matter's end: the second line of three dashes (or pluses), when the file opens with one.
		const fence = /^(?:---|\+\+\+)\s*$/.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && /^(?:---|\+\+\+)\s*$/.test(line)) : -1;
		const shows = (line: string) => [`](${address}`, `](<${address}`, `src="${address}`, `src='${address}`, `src=${address}`].some((written) => line.includes(written));
		const shown = lines.findIndex((line, index) => index > fence && shows(line));
		const index = shown !== -1 ? shown : lines.findIndex((line, at) => at > fence && line.includes(address));
		return index === -1 ? undefined : index + 1;
	} catch {
		return undefined;
	}
}

