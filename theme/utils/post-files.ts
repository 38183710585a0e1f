import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The file extensions the posts loader reads as posts (Markdown in its usual spellings, Markdoc's, as Keystatic writes them, and MDX), with their dot. */
export const POST_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn', '.mdoc', '.markdoc', '.mdx'];

/**
 * The Markdown and MDX files of a posts folder, by every extension Markdown goes by (Jekyll's and Hugo's
 * included). Names starting with `_` are left out, and so are those starting with `.`, as Hugo and Jekyll
 * leave them out: macOS writes `._post.md` (binary AppleDouble metadata) beside every file copied to a USB
 * stick or a network share, and Emacs a `.#post.md` lock while a post is being edited.
 */
export const POST_FILES = `**/[^_.]*.{${POST_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

/** Whether `file` has a post's extension, in any case (`.MD`). */
export function hasPostExtension(file: string): boolean {
	const dot = file.lastIndexOf('.');
	return dot !== -1 && POST_EXTENSIONS.includes(file.slice(dot).toLowerCase());
}

/** The names in the folder of `file` (none when it cannot be read), read when first called, once. */
export function namesBeside(file: string): () => readonly string[] {
	let names: readonly string[] | undefined;
	return () => {
		if (names === undefined) {
			try {
				names = readdirSync(path.dirname(file));
			} catch {
				names = [];
			}
		}
		return names;
	};
}
