import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { changeBodyImagePaths } from '../markdown/media-subpath.ts';

/**
 * Keystatic saves the images of a post's content field in a folder named after the post, then the field
 * (`common-mistakes/content/image.png` beside `common-mistakes.mdoc`), and writes `![](image.png)` in the
 * body. An image written so, not beside the post, is read from there: from the folder of the post's name,
 * in its one subfolder holding a file of that name (the content field is `content` in Keystatic's
 * templates, and any name the site's keystatic.config.ts gives it). Hexo's asset folder
 * (`post_asset_folder: true`) is the folder of the post's name itself: `hello/photo.png` beside `hello.md`,
 * written `![](photo.png)` or `<img src="photo.png">`, as Hexo resolves a bare name, is read from there first.
 */
export function withKeystaticBodyImages(body: string, entryFile: string): string {
	if (!body.includes('![') && (!body.includes('<') || !/<img\b/i.test(body))) return body;
	const folder = keystaticImageFolder(entryFile);
	if (folder === undefined) return body;
	return changeBodyImagePaths(body, (source) => {
		if (!isBareImagePath(source) || existsSync(path.resolve(path.dirname(entryFile), decoded(source)))) return source;
		const asset = `./${folder.name}/${source}`;
		// changeBodyImagePaths() writes a path with a space (`./my trip/photo.png`) in `<…>`, or in the quotes of its attribute.
		if (existsSync(path.join(folder.path, decoded(source)))) return asset;
		const found = folder.fields.filter((field) => existsSync(path.join(folder.path, field, decoded(source))));
		return found.length === 1 ? `./${folder.name}/${found[0]}/${source}` : source;
	});
}

/**
 * The places `image` (a bare path in the body of `entryFile`) is looked for in, as withKeystaticBodyImages()
 * looks, from the post's folder: Hexo's asset folder, `<post name>/image.png`, then Keystatic's,
 * `<post name>/content/image.png` when there is no folder of the post's name.
 */
export function assetFolderImagePaths(image: string, entryFile: string): { hexo: string[]; keystatic: string[] } {
	const name = path.basename(entryFile).replace(/\.[^.]+$/, '');
	// A page bundle's index.md is no Hexo post or Keystatic entry of one file.
	if (!isBareImagePath(image) || name.toLowerCase() === 'index') return { hexo: [], keystatic: [] };
	return { hexo: [`${name}/${image}`], keystatic: keystaticImagePaths(image, entryFile) };
}

/**
 * The folders `image` (a bare path in the body of `entryFile`) is looked for in Keystatic's way, from the
 * post's folder: `<post name>/content/image.png` when there is no folder of the post's name.
 */
export function keystaticImagePaths(image: string, entryFile: string): string[] {
	const name = path.basename(entryFile).replace(/\.[^.]+$/, '');
	// A page bundle's index.md is no Keystatic entry of one file.
	if (!isBareImagePath(image) || name.toLowerCase() === 'index') return [];
	const folder = keystaticImageFolder(entryFile);
	const fields = folder?.fields.length ? folder.fields : ['content'];
	return fields.map((field) => `${name}/${field}/${image}`);
}

/** A path with no `./`, no `/` and no scheme or alias before it: what Keystatic writes. */
function isBareImagePath(source: string): boolean {
	return source !== '' && !/^[./#@~\\]|^[a-z][\w+.-]*:/i.test(source);
}

function keystaticImageFolder(entryFile: string): { name: string; path: string; fields: string[] } | undefined {
	const name = path.basename(entryFile).replace(/\.[^.]+$/, '');
	const folder = path.join(path.dirname(entryFile), name);
	try {
		const fields = readdirSync(folder, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name)
			.sort();
		return { name, path: folder, fields };
	} catch {
		return undefined;
	}
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
