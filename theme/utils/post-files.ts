import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The file extensions the posts loader reads as posts (Markdown in its usual spellings, Markdoc's, as Keystatic writes them, and MDX), with their dot. */
export const POST_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn', '.mdoc', '.markdoc', '.mdx'];

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
