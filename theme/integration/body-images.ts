import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { otherwiseSpelled, sameNameOtherwiseSpelled } from '../utils/describe.ts';
import { userError } from './errors.ts';
import { fileLineOfBody, postLocation } from './post-file.ts';

/**
 * Refuses a rendered Markdown body that shows a local image (`![](./photo.jpg)`) whose file does not
 * exist: Astro would stop the build later with only the path (ImageNotFound), naming neither the post nor
 * the line. `imagePaths` are the body's local images as the Markdown processor lists them; paths from
 * the root are in `public/`, and aliases (`@assets/x.png`, `~/x.png`) are left to Vite.
 */
export function checkBodyImages(
	imagePaths: readonly string[],
	post: { body: string; source: { bodyLine: number }; bodyLines?: number[] | undefined },
	context: { displayPath: string; entryFile: string; root: string },
): void {
	for (const reference of imagePaths) {
		// A path that opens with a backslash (`\photo.png`) is no path from the root: Astro finds no such file either.
		if (/^(?:[/@~]|[a-z][\w+.-]*:)/i.test(reference)) continue;
		// As Astro imports it: the Markdown processor has decoded what it decodes (`%20`), and the rest (`%23`)
		// is part of the name Vite looks for.
		const file = path.resolve(path.dirname(context.entryFile), reference);
		if (existsSync(file)) continue;
		// The body may write the path percent-encoded (`%C3%A9` for `é`).
		const index = post.body.split('\n').findIndex((text) => text.includes(reference) || decoded(text).includes(decoded(reference)));
		const line = index === -1 ? undefined : fileLineOfBody(post, index + 1);
		const looked = path.relative(context.root, file).split(path.sep).join('/');
		const lookalike = sameNameOtherwiseSpelled(path.basename(file), readdirSafe(path.dirname(file)));
		const error = userError(
			`${postLocation(context, line)}: the image '${reference}' was not found (looked for ${looked}).${lookalike ? ` ${otherwiseSpelled(lookalike)}` : ''}`,
			"Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.",
			{ file: context.entryFile, line },
		);
		// astro dev reads the post again when the file appears (integration/post-watcher.ts).
		throw Object.assign(error, { missingFile: file });
	}
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function readdirSafe(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}
