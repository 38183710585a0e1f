import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest, otherwiseSpelled, sameNameOtherwiseSpelled } from './describe.ts';
import { checkImageFile } from './image-files.ts';
import { isInside } from './file-paths.ts';

export interface ImagePathContext {
	/** Absolute path of the post file. */
	entryFile: string;
	/** Absolute path of the site's public/ folder. */
	publicDir: string;
	/** Absolute path of the project root, for messages. */
	root: string;
	/** Astro's `base`, e.g. `/blog`, which a `public/` path may start with. */
	base: string;
}

export type ResolvedImagePath =
	| {
			ok: true;
			value: string;
			/** Read from public/, as the site's root: a path written without ./ that is not beside the post. */
			fromRoot?: true;
			/** Found only in a folder of public/ a theme reads such paths from: the path to write instead, and the theme. */
			inThemeFolder?: { path: string; theme: string };
	  }
	| { ok: false; message: string; fix: string; /** The file looked for, when it was not found. */ missing?: string };

const WHERE = "Paths starting with / are read from public/, paths starting with ./ from the post's folder.";

export interface ImagePathOptions {
	/** The path is Hugo Academic's (Wowchemy's) header image, `[header] image`, which its templates read from static/img/. */
	academicHeader?: boolean;
}

/**
 * The folders of public/ a path without ./ is looked for in when it is not beside the post, in order: public/
 * itself, where a migrated site keeps files named from its root, then the folders themes read such paths from.
 */
function publicFolders(options: ImagePathOptions): { folder: string; theme?: string }[] {
	// hugo-theme-zzo's `featured_image = "feature2/content.png"` is read from static/images/.
	const folders = [{ folder: '' }, { folder: 'images/', theme: "hugo-theme-zzo's templates look for it" }];
	return options.academicHeader ? [...folders, { folder: 'img/', theme: "Hugo Academic's (Wowchemy's) templates look for a header image" }] : folders;
}

/**
 * Turns a featured-image path from front matter into one Astro's `image()` can optimise, or says exactly
 * what is wrong with it. `./cover.jpg` stays relative to the post; `/images/x.jpg` is looked up in public/
 * (Hugo's static folder) and rewritten relative to the post, because `image()` reads a leading `/` as the
 * project root (withastro/astro#12673); one under `/src/` that public/ does not have is read as `image()`
 * reads it. http(s) URLs are left to `integration/remote-images.ts`.
 * A path may not leave public/ (for `/…`) or the project (for `./…`), so that no file outside them is
 * ever optimised and published.
 */
export async function resolveImagePath(value: string, context: ImagePathContext, options: ImagePathOptions = {}): Promise<ResolvedImagePath> {
	const resolved = await resolveWrittenPath(value, context, options);
	// WordPress's resized copy (`./cover.jpg?w=600`): the file the path names, as Carnet makes its own sizes,
	// unless a file is really named with the query.
	const query = value.indexOf('?');
	if (resolved.ok || query <= 0 || /^[a-z][a-z\d+.-]*:|^\/\//i.test(value)) return resolved;
	const file = await resolveWrittenPath(value.slice(0, query), context, options);
	return file.ok ? file : resolved;
}

async function resolveWrittenPath(value: string, context: ImagePathContext, options: ImagePathOptions): Promise<ResolvedImagePath> {
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value)?.[1]?.toLowerCase();
	if (scheme === 'http' || scheme === 'https') return { ok: true, value };
	// `//cdn.example.com/cover.jpg`, a URL without its scheme, as old themes wrote them: browsers fetch it over
	// https from an https page. (`//images/cover.jpg`, with no host, is a path written with one slash too many.)
	if (/^\/\/[^/\s]+\.[^/\s]+\//.test(value)) return { ok: true, value: `https:${value}` };
	if (scheme === 'data') {
		return { ok: false, message: 'is a data: URI, which pages cannot optimise or share.', fix: 'Save the image as a file next to the post (./cover.jpg) or in public/ (/images/cover.jpg), and give its path.' };
	}
	// A single letter is a Windows drive (C:\…), which is not a path on the site either.
	if (scheme) {
		return { ok: false, message: `is a ${scheme}: URL; a featured image is a path or an http(s) URL.`, fix: `Give a path such as ./cover.jpg or /images/cover.jpg, or an https:// URL. ${WHERE}` };
	}
	const located = value.startsWith('/') ? locateInPublic(value, context) : /^[~@]\//.test(value) ? locateInSrc(value, context) : locateBesidePost(value, context);
	if (!located.ok) return located;
	let { file, importPath } = located;
	let stats = statOrUndefined(file);
	// `/src/content/blog/_images/cover.webp`, as astro.build's posts write it: Astro's own `image()` reads a
	// leading `/` from the project's root, so a path into src/ that public/ does not have is that file.
	const inSrc = !stats && value.startsWith('/src/') ? locateInSrc(`~/${value.slice('/src/'.length)}`, context) : undefined;
	if (inSrc?.ok && statOrUndefined(inSrc.file)?.isFile()) {
		({ file, importPath } = inSrc);
		stats = statOrUndefined(file);
	}
	// `assets/img/9.jpg`, as Jekyll and Hugo themes write a path from the site's root (al-folio's thumbnail):
	// one that is not beside the post is looked for in public/, where a migrated site keeps those files, then
	// in the folders themes read such paths from.
	if (!stats && !value.startsWith('/') && !/^(?:\.{1,2}|[~@])[\\/]/.test(value)) {
		for (const { folder, theme } of publicFolders(options)) {
			const publicPath = `/${folder}${value}`;
			const inPublic = locateInPublic(publicPath, context);
			const found = inPublic.ok ? statOrUndefined(inPublic.file) : undefined;
			if (!inPublic.ok || !found?.isFile()) continue;
			const check = await checkImageFile(inPublic.file, found.size);
			if (!check.ok) return { ok: false, message: `(${display(inPublic.file, context.root)}) ${check.problem}.`, fix: check.fix };
			return { ok: true, value: inPublic.importPath, fromRoot: true, ...(theme === undefined ? {} : { inThemeFolder: { path: publicPath, theme } }) };
		}
	}
	if (!stats) {
		if (inSrc?.ok) {
			// Looked for in both places a `/src/` path may name.
			return {
				ok: false,
				message: `was not found in public/ (looked for ${display(file, context.root)}) nor in the project's src/ (looked for ${display(inSrc.file, context.root)}).`,
				fix: `A path starting with /src/ names a file in the project's src/ folder, or in public/src/. Fix the path or add the file.`,
				missing: inSrc.file,
			};
		}
		return notFound(value, file, context, options);
	}
	if (stats.isDirectory()) {
		return { ok: false, message: `is a folder (${display(file, context.root)}), not an image file.`, fix: "Give the image's file name, e.g. ./cover.jpg." };
	}
	const check = await checkImageFile(file, stats.size);
	if (!check.ok) return { ok: false, message: `(${display(file, context.root)}) ${check.problem}.`, fix: check.fix };
	return { ok: true, value: importPath };
}

type Located = { ok: true; file: string; importPath: string } | { ok: false; message: string; fix: string };

function locateInPublic(value: string, context: ImagePathContext): Located {
	let decoded: string;
	try {
		decoded = decodeURI(value);
	} catch {
		// A file may really have a % in its name; only an address that is neither a file nor valid is an error.
		if (!statOrUndefined(path.join(context.publicDir, value))) {
			return {
				ok: false,
				message: 'has a % that does not start a percent-encoded character such as %20 or %C3%A9.',
				fix: 'Write %25 for a % that is part of the file name, or rename the file without it.',
			};
		}
		decoded = value;
	}
	const publicPath = stripBase(decoded, context.base);
	const file = path.join(context.publicDir, publicPath);
	if (!isInside(file, context.publicDir)) {
		return {
			ok: false,
			message: `points outside public/ (to ${display(file, context.root)}), so it is refused.`,
			fix: `Put the image in public/ (e.g. public/images/) and write /images/<name>. ${WHERE}`,
		};
	}
	return { ok: true, file, importPath: toImportPath(path.relative(path.dirname(context.entryFile), file)) };
}

/** `~/assets/cover.webp` and `@/assets/cover.webp`: AstroWind's and other Astro themes' alias of `src/`. */
function locateInSrc(value: string, context: ImagePathContext): Located {
	const src = path.join(context.root, 'src');
	const file = path.join(src, value.slice(2));
	if (!isInside(file, src)) {
		return { ok: false, message: `points outside src/ (to ${display(file, context.root)}), so it is refused.`, fix: 'Write the path of a file in src/, e.g. ~/assets/cover.jpg (~/ and @/ are src/).' };
	}
	return { ok: true, file, importPath: toImportPath(path.relative(path.dirname(context.entryFile), file)) };
}

function locateBesidePost(value: string, context: ImagePathContext): Located {
	const entryDir = path.dirname(context.entryFile);
	const file = path.resolve(entryDir, value);
	if (!isInside(file, context.root) && !isInside(file, entryDir)) {
		return {
			ok: false,
			message: `points outside the project (to ${display(file, context.root)}), so it is refused.`,
			fix: `Copy the image next to the post and write ./<name>. ${WHERE}`,
		};
	}
	return { ok: true, file, importPath: value.startsWith('.') ? value : `./${value}` };
}

function notFound(value: string, file: string, context: ImagePathContext, options: ImagePathOptions): ResolvedImagePath {
	const fix = `${WHERE} Fix the path or add the file.`;
	if (value.startsWith('/')) {
		const wanted = path.relative(context.publicDir, file).split(path.sep).join('/');
		const images = listImages(context.publicDir);
		const lookalike = sameNameOtherwiseSpelled(wanted, images);
		if (lookalike) return { ok: false, message: `was not found in public/ (looked for ${display(file, context.root)}). ${otherwiseSpelled(lookalike)}`, fix, missing: file };
		const suggestion = closest(wanted, images);
		const hint = suggestion ? ` Did you mean '/${suggestion}'?` : '';
		return { ok: false, message: `was not found in public/ (looked for ${display(file, context.root)}).${hint}`, fix, missing: file };
	}
	// A path without ./ was looked for in public/ and the folders themes read from too (resolveImagePath()).
	const inPublic = publicFolders(options).map(({ folder }) => display(path.join(context.publicDir, `${folder}${value}`), context.root));
	const alsoPublic = /^(?:\.{1,2}|[~@])[\\/]/.test(value) ? '' : ` nor in public/ (looked for ${listed(inPublic)})`;
	const siblings = readdirSafe(path.dirname(file));
	const lookalike = sameNameOtherwiseSpelled(path.basename(file), siblings);
	if (lookalike) return { ok: false, message: `was not found next to the post (looked for ${display(file, context.root)})${alsoPublic}. ${otherwiseSpelled(lookalike)}`, fix, missing: file };
	// The file of that name in a folder beside it (Hexo's and Hugo's `hello/` beside `hello.md`), else the image
	// of the closest name: the post's own Markdown file, or its notes, are no cover.
	const inFolder = siblings.find((name) => IMAGE_FILE.test(path.basename(file)) && statOrUndefined(path.join(path.dirname(file), name, path.basename(file)))?.isFile());
	const suggestion = inFolder === undefined ? closest(path.basename(value), siblings.filter((name) => IMAGE_FILE.test(name))) : `${inFolder}/${path.basename(file)}`;
	const hint = suggestion ? ` Did you mean '${toImportPath(path.posix.join(path.posix.dirname(value), suggestion))}'?` : '';
	return { ok: false, message: `was not found next to the post (looked for ${display(file, context.root)})${alsoPublic}.${hint}`, fix, missing: file };
}

/** `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function stripBase(value: string, base: string): string {
	const prefix = base.replace(/\/$/, '');
	return prefix && value.startsWith(`${prefix}/`) ? value.slice(prefix.length) : value;
}

function toImportPath(relative: string): string {
	const posix = relative.split(path.sep).join('/');
	return posix.startsWith('.') ? posix : `./${posix}`;
}

function display(file: string, root: string): string {
	return path.relative(root, file).split(path.sep).join('/') || '.';
}

function statOrUndefined(file: string) {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}

function readdirSafe(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}

const IMAGE_FILE = /\.(?:jpe?g|png|webp|avif|gif|tiff?|svg)$/i;

// Only read when a path is wrong, to suggest the likely file.
function listImages(dir: string): string[] {
	try {
		return readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((file) => IMAGE_FILE.test(file))
			.map((file) => file.split(path.sep).join('/'));
	} catch {
		return [];
	}
}
