import { existsSync } from 'node:fs';
import path from 'node:path';
import { changeBodyImagePaths } from '../markdown/media-subpath.ts';

// An image's address with a `?` in it, as Markdown (`![a](cat.jpg?w=600)`) or HTML (`<img src="cat.jpg?…">`)
// writes it: most bodies have a question mark in their prose, and only these are read line by line.
const IMAGE_WITH_QUERY = /(?:!\[[^\]\n]{0,1000}\]\(\s*<?|<img\b[^>]{0,1000}?\bsrc\s*=\s*["']?)[^\s)"'<>?]*\?/i;

/**
 * The body with its images beside the post written with a query (`![](photo-1024x768.jpg?w=600)`, as
 * WordPress exports a resized image) shown from the file the path names: the query asked the old host for a
 * size, and Carnet makes its own sizes. A path whose whole text names a file is left as it is, and so are
 * paths from the root (public/ ignores queries already), URLs and aliases.
 */
export function withoutImageQueries(body: string, entryFile: string): string {
	if (!body.includes('?') || !IMAGE_WITH_QUERY.test(body)) return body;
	return changeBodyImagePaths(body, (source) => {
		const query = source.indexOf('?');
		if (query <= 0 || /^(?:[/#@~\\]|[a-z][\w+.-]*:)/i.test(source)) return source;
		return existsSync(path.resolve(path.dirname(entryFile), decoded(source))) ? source : source.slice(0, query);
	});
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
