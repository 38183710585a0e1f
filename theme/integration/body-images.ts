import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { otherwiseSpelled, sameNameOtherwiseSpelled } from '../utils/describe.ts';
import { checkedImageFile, hasAstroImageName } from '../utils/image-files.ts';
import { userError } from './errors.ts';
import { assetFolderImagePaths } from './keystatic-images.ts';
import { fileLineOfBody, postLocation } from './post-file.ts';

/**
 * Refuses a rendered Markdown body that shows a local image (`![](./photo.jpg)`) whose file does not
 * exist: Astro would stop the build later with only the path (ImageNotFound), naming neither the post nor
 * the line. `imagePaths` are the body's local images as the Markdown processor lists them; paths from
 * the root are in `public/`, and aliases (`@assets/x.png`, `~/x.png`) are left to Vite. Of several missing
 * files, the post's featured images (`missingImages`) first, the first's error is thrown, the others' in
 * its `alsoMissing`.
 */
export function checkBodyImages(
	imagePaths: readonly string[],
	post: { body: string; source: { bodyLine: number }; bodyLines?: number[] | undefined; missingImages?: readonly Error[] | undefined },
	context: { displayPath: string; entryFile: string; root: string; aliases?: readonly string[] | undefined },
): void {
	const missing: Error[] = [...(post.missingImages ?? [])];
	for (const reference of imagePaths) {
		const alias = /^[@~]\//.exec(reference)?.[0];
		if (alias !== undefined && !definesAlias(context.root, alias, context.aliases ?? [])) {
			const index = post.body.split('\n').findIndex((text) => text.includes(reference));
			const line = index === -1 ? undefined : fileLineOfBody(post, index + 1);
			const inSrc = path.join(context.root, 'src', reference.slice(2));
			const relative = path.relative(path.dirname(context.entryFile), inSrc).split(path.sep).join('/');
			throw userError(
				`${postLocation(context, line)}: the image '${reference}' starts with ${alias}, an alias of src/ that Astro themes define in their tsconfig.json, and this site defines no such alias, so the build cannot find it.`,
				`Write its path from the post's file (${relative.startsWith('.') ? relative : `./${relative}`}), or define the alias in tsconfig.json: "compilerOptions": { "paths": { "${alias}*": ["./src/*"] } }.`,
				{ file: context.entryFile, line },
			);
		}
		// A path that opens with a backslash (`\photo.png`) is no path from the root: Astro finds no such file either.
		if (/^(?:[/@~]|[a-z][\w+.-]*:)/i.test(reference)) continue;
		// As Astro imports it: the Markdown processor has decoded what it decodes (`%20`), and the rest (`%23`)
		// is part of the name Vite looks for.
		const file = path.resolve(path.dirname(context.entryFile), reference);
		if (existsSync(file)) continue;
		// The body may write the path percent-encoded (`%C3%A9` for `é`).
		const index = post.body.split('\n').findIndex((text) => text.includes(reference) || decoded(text).includes(decoded(reference)));
		const line = index === -1 ? undefined : fileLineOfBody(post, index + 1);
		const folder = path.relative(context.root, path.dirname(context.entryFile)).split(path.sep).join('/');
		const places = assetFolderImagePaths(reference, context.entryFile);
		const hexo = places.hexo.map((place) => `${folder}/${place}`);
		const keystatic = places.keystatic.map((place) => `${folder}/${place}`);
		// Found in two fields' folders, the image is there, but which one the body means is the author's to say.
		const copies = keystatic.filter((place) => existsSync(path.join(context.root, place)));
		if (copies.length > 1) {
			const [first = ''] = copies;
			throw userError(
				`${postLocation(context, line)}: the image '${reference}' is in ${copies.length} of the folders where Keystatic saves a post's images (${copies.join(', ')}), so Carnet cannot tell which one the post shows.`,
				`Write the path of the one you mean from the post's file, e.g. ./${path.posix.relative(folder, first)}.`,
				{ file: context.entryFile, line },
			);
		}
		// A file in an asset folder that the body's path was not changed to (a reference definition, [photo]: photo.png,
		// is read as written) is named where it is, not among the places where nothing was found.
		const found = [...hexo, ...copies].find((place) => existsSync(path.join(context.root, place)));
		const looked = [
			path.relative(context.root, file).split(path.sep).join('/'),
			...hexo.map((place) => `${place}, Hexo's asset folder of the post`),
			...(keystatic.length > 0 ? [`${keystatic.join(', then ')}, where Keystatic saves a post's images`] : []),
		].join(', then ');
		const lookalike = sameNameOtherwiseSpelled(path.basename(file), readdirSafe(path.dirname(file)));
		const error = found
			? userError(
					`${postLocation(context, line)}: the image '${reference}' is not beside the post (looked for ${path.relative(context.root, file).split(path.sep).join('/')}); it is in ${found}, which Carnet reads a bare path from only when it is written in place, as ![](photo.png) or <img src="photo.png">.`,
					`Write its path from the post's file: <./${path.posix.relative(folder, found)}>.`,
					{ file: context.entryFile, line },
				)
			: userError(
					`${postLocation(context, line)}: the image '${reference}' was not found (looked for ${looked}).${lookalike ? ` ${otherwiseSpelled(lookalike)}` : ''}`,
					"Put the file there, or fix the path: it is relative to the post's file (rename a file whose name has a # or a %). An image in public/ is written from the root, e.g. /images/photo.jpg.",
					{ file: context.entryFile, line },
				);
		// astro dev reads the post again when the file appears (integration/post-watcher.ts).
		missing.push(Object.assign(error, { missingFile: file }));
	}
	const error = missingImagesError(missing);
	if (error) throw error;
}

/**
 * Refuses a body that shows an image beside the post (`![](./photo.png)`, as checkBodyImages() has found
 * it) which Astro cannot optimise, as the featured image is refused (utils/image-files.ts): Astro would
 * warn with the wrong reason and publish the file as it is under the name and type of its optimised
 * variant (a PNG as `photo.…webp`). A file's contents may differ from its name's format, which Astro reads
 * through. Checked on every build, cached body or not, since the post's key does not cover the file's bytes.
 */
export async function checkBodyImageFiles(imagePaths: readonly string[], post: { body: string; source: { bodyLine: number }; bodyLines?: number[] | undefined }, context: { displayPath: string; entryFile: string; root: string }): Promise<void> {
	for (const reference of imagePaths) {
		const file = imageBesidePost(reference, context.entryFile);
		if (file === undefined || !hasAstroImageName(file)) continue;
		const check = await checkedImageFile(file);
		if (!check || check.ok || check.reason === 'misnamed') continue;
		const index = post.body.split('\n').findIndex((text) => text.includes(reference) || decoded(text).includes(decoded(reference)));
		const line = index === -1 ? undefined : fileLineOfBody(post, index + 1);
		throw userError(`${postLocation(context, line)}: the image '${reference}' (${path.relative(context.root, file).split(path.sep).join('/')}) ${check.problem}.`, check.fix, { file: context.entryFile, line });
	}
}

/** The file beside the post at `entryFile` that a body's image path names (absolute), or undefined for a path from the root, an alias or an address. */
export function imageBesidePost(reference: string, entryFile: string): string | undefined {
	return /^(?:[/@~\\]|[a-z][\w+.-]*:)/i.test(reference) ? undefined : path.resolve(path.dirname(entryFile), reference);
}

/**
 * The image files that a stored entry imports (its `assetImports`: its featured images, its body's images),
 * by absolute path: those written from the post's file at `entryFile` (`./cover.jpg`, and an image in public/,
 * which the loader imports as `../../../public/images/cover.jpg`); an alias is left to Vite.
 */
export function importedImageFiles(assetImports: readonly string[], entryFile: string): string[] {
	return assetImports.flatMap((reference) => imageBesidePost(reference, entryFile) ?? []);
}

/**
 * Each missing file of a post as one error, so that one build lists them all (load-posts.ts): the first,
 * which astro dev reports, holding the others in its `alsoMissing`.
 */
export function missingImagesError(missing: readonly Error[]): Error | undefined {
	const [first, ...others] = missing;
	return first && others.length > 0 ? Object.assign(first, { alsoMissing: others }) : first;
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

/** The import aliases that each project's tsconfig.json or jsconfig.json names in its paths, read once. */
const configuredAliases = new Map<string, string>();

/** Forgets the projects' import aliases read by an earlier build in this process (forgetEarlierSyncs()). */
export function forgetConfiguredAliases(): void {
	configuredAliases.clear();
}

/**
 * Whether the project at `root` defines `alias` (`@/`, `~/`) for imports: its tsconfig.json or
 * jsconfig.json names it in `paths` (`"@/*": ["src/*"]`, which Astro makes a Vite alias), or Vite's
 * `resolve.alias` has it (`viteAliases`, their `find` keys; a pattern is written ''). A config that
 * extends another but Astro's own is taken to define it.
 */
function definesAlias(root: string, alias: string, viteAliases: readonly string[]): boolean {
	if (viteAliases.some((find) => alias.startsWith(find))) return true;
	let text = configuredAliases.get(root);
	if (text === undefined) {
		text = ['tsconfig.json', 'jsconfig.json']
			.map((name) => {
				try {
					return readFileSync(path.join(root, name), 'utf8');
				} catch {
					return '';
				}
			})
			.join('\n');
		configuredAliases.set(root, text);
	}
	// Any path under the alias (`"@/*"`, `"@/assets/*"`), and a config that extends another than Astro's, which
	// may have its paths there, are taken to define it.
	return text.includes(`"${alias}`) || /"extends"\s*:\s*(?:\[|"(?!astro\/tsconfigs\/))/.test(text);
}
