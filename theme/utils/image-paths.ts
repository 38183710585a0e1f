import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { closest } from './describe.ts';

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
	| { ok: true; value: string }
	| { ok: false; message: string; /** The file that was looked for. */ missing: string };

/**
 * Turns a featured-image path from front matter into one Astro's `image()` can optimise.
 * `./cover.jpg` stays relative to the post; `/images/x.jpg` is looked up in public/ (Hugo's static folder)
 * and rewritten relative to the post, because `image()` reads a leading `/` as the project root
 * (withastro/astro#12673). URLs are left alone.
 */
export function resolveImagePath(value: string, context: ImagePathContext): ResolvedImagePath {
	if (/^[a-z][a-z\d+.-]*:/i.test(value)) return { ok: true, value };
	const entryDir = path.dirname(context.entryFile);
	if (value.startsWith('/')) {
		const publicPath = stripBase(decodeURI(value), context.base);
		const file = path.join(context.publicDir, publicPath);
		if (existsSync(file)) return { ok: true, value: toImportPath(path.relative(entryDir, file)) };
		const suggestion = closest(publicPath, listFiles(context.publicDir).map((found) => `/${found}`));
		return {
			ok: false,
			missing: file,
			message:
				`'${value}' was not found in public/ (looked for ${display(file, context.root)}).` +
				(suggestion ? ` Did you mean '${suggestion}'?` : ''),
		};
	}
	const file = path.resolve(entryDir, value);
	if (existsSync(file)) return { ok: true, value: value.startsWith('.') ? value : `./${value}` };
	const suggestion = closest(path.basename(value), readdirSafe(path.dirname(file)));
	return {
		ok: false,
		missing: file,
		message:
			`'${value}' was not found next to the post (looked for ${display(file, context.root)}).` +
			(suggestion ? ` Did you mean '${toImportPath(path.posix.join(path.posix.dirname(value), suggestion))}'?` : ''),
	};
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
	return path.relative(root, file).split(path.sep).join('/');
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
function listFiles(dir: string): string[] {
	try {
		return readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((file) => IMAGE_FILE.test(file))
			.map((file) => file.split(path.sep).join('/'));
	} catch {
		return [];
	}
}
