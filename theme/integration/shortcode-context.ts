import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { createTranslator, type UIStrings } from '../i18n/index.ts';
import type { FoundPosts, ReferenceKind, ShortcodeContext } from '../markdown/shortcodes.ts';
import { DATE_KEYS, FIELD_ALIASES, TEXT_KEYS } from '../schema.ts';
import { dateTimeZone, readFrontMatterDate } from '../utils/dates.ts';
import { parseFrontMatter, scalarsAsWritten } from '../utils/front-matter.ts';
import { isFile, isFolder } from '../utils/file-paths.ts';
import { hasPostExtension, namesBeside, POST_EXTENSIONS } from '../utils/post-files.ts';
import { permalinkPattern, postRouteParams, routePath, type PostRouteParams } from '../utils/routes.ts';
import { bundleIndex, fileStem } from '../utils/slugs.ts';
import type { DatedTwin } from './dated-twins.ts';
import type { HugoCascades } from './hugo-cascade.ts';
import { readNotionExport } from './notion-export.ts';
import { heldBackReason } from './post-dialects.ts';
import { postSlug } from './post-file.ts';
import { readPublishing, type UnpublishedOption } from './post-publishing.ts';
import { normalised, oldAddressFinder, type AddressedPost } from './old-post-addresses.ts';
import { oldAddresses } from '../utils/redirects.ts';
import { OLD_ADDRESS_KEYS } from './address-check.ts';


/**
 * What markdown/shortcodes.ts needs of the site: post addresses as routes.ts builds them, the posts that
 * references name, found in `postsDir` (absolute), and link texts.
 */
export function shortcodeContext(
	astroConfig: AstroConfig,
	config: ThemeConfig,
	postsDir?: string,
	options: {
		showDrafts?: boolean;
		datedTwin?: (displayPath: string) => DatedTwin | undefined;
		cascades?: HugoCascades | undefined;
		/** Changes when a post file is added, changed or removed: what is read of every post is read again. */
		version?: () => number;
	} = {},
): ShortcodeContext {
	const root = fileURLToPath(astroConfig.root);
	const urls = { base: astroConfig.base, trailingSlash: astroConfig.trailingSlash, buildFormat: astroConfig.build.format, postPattern: permalinkPattern(config.permalinks) };
	const address = (params: PostRouteParams) => {
		try {
			return routePath('post', params, urls);
		} catch {
			// A dated permalink, and a post that has no date.
			return undefined;
		}
	};
	const t = createTranslator(config.locale, config.strings as Partial<UIStrings>);
	// postsLoader()'s default folder, for a caller that does not say which folder it reads.
	const folder = postsDir ?? path.join(root, 'src/content/posts');
	/** The post in `file`, its address, and why this build publishes no page for it. */
	const readPost = (file: string) => {
		const post = readPostAddress(file, root, config, folder, options);
		// A post this build leaves out has no page to link to (astro dev shows every post the loader holds back).
		const heldBack = options.showDrafts ? undefined : heldBackReason(post.data, { now: Date.now(), future: config.future ?? false });
		const url = heldBack ? undefined : post.date ? address(postRouteParams({ id: post.id, date: post.date, slug: post.slug }, config.timeZone)) : address({ slug: post.slug ?? post.id });
		return { ...post, heldBack, url };
	};
	// Every post, read at the first link to an address of another engine, and again once a post file changed (`astro dev`).
	let posts: { version: number | undefined; list: AddressedPost[] } | undefined;
	const allPosts = () => {
		const version = options.version?.();
		if (!posts || posts.version !== version) posts = { version, list: addressedPosts(folder, readPost, config.timeZone) };
		return posts.list;
	};
	return {
		postUrl: (slug, date) => {
			const [year, month, day] = date?.split('-') ?? [];
			return address({ slug, year, month, day });
		},
		findPost: existsSync(folder)
			? (name, kind, from) => {
					const files = findPostFiles(folder, name, kind, from === undefined ? undefined : toPosix(path.relative(folder, from)));
					const [file] = files;
					const post = files.length === 1 && file !== undefined ? readPost(path.join(folder, file)) : undefined;
					const title = typeof post?.data.title === 'string' ? post.data.title : undefined;
					const heldBackBy = post?.heldBack === 'draft' ? post.unpublished?.written : undefined;
					return { folder: toPosix(path.relative(root, folder)), files, url: post?.url, heldBack: post?.heldBack, ...(heldBackBy ? { heldBackBy } : {}), title } satisfies FoundPosts;
				}
			: undefined,
		findPostAt: existsSync(folder) ? oldAddressFinder(astroConfig, urls.postPattern, folder, allPosts) : undefined,
		siteHost: astroConfig.site === undefined ? undefined : new URL(astroConfig.site).host,
		findSection: existsSync(folder) ? (section) => ({ folder: toPosix(path.relative(root, folder)), url: isSection(folder, section) ? routePath('home', {}, urls) : undefined }) : undefined,
		labels: { youtube: t('embed.youtube'), vimeo: t('embed.vimeo'), gist: t('embed.gist') },
		locale: config.locale,
	};
}

/**
 * The post files, relative to `postsDir`, that a reference names, as Hugo and Jekyll look them up: a path
 * from the posts folder, with or without its extension, or a bundle's folder (`nested` for
 * `nested/index.md`); a leading section that the posts folder stands for (`/posts/x.md`, `_posts/x.md`) may
 * be left out; and failing those, any post whose file name (or bundle folder) is the reference's last part,
 * for Jekyll's tags without its date prefix. Several files are all returned: the reference is ambiguous.
 * A Hugo `ref` without a leading slash is first looked for relative to `from`, the linking post's file
 * (relative to `postsDir`): beside it, and for a bundle's index file also beside its folder.
 */
export function findPostFiles(postsDir: string, name: string, kind: ReferenceKind, from?: string): string[] {
	const written = name.trim().replace(/\\/g, '/');
	const segments = written.split('/').filter((segment) => segment !== '' && segment !== '.');
	if (segments.length === 0) return [];
	const relative = kind === 'ref' && from !== undefined && !written.startsWith('/') ? pathsFrom(from, written) : [];
	// "../x.md" names no file from the posts folder's root: without a linking post that has it, x.md is looked for by name.
	const paths = [...relative, ...(segments.includes('..') ? [] : segments.map((_, index) => segments.slice(index).join('/')))];
	// post_url names a file in _posts/, which a posts folder copied from Jekyll may keep.
	if (kind === 'post_url' && paths[0] !== undefined) paths.splice(1, 0, `_posts/${paths[0]}`);
	for (const candidate of paths) {
		const file = postFileAt(postsDir, candidate);
		if (file) return [file];
	}
	const files = listPostFiles(postsDir);
	// The name on disk may spell an accent as a letter and a combining mark (NFD, as macOS writes names) and
	// the reference as one character (NFC), or the reverse: both are compared composed.
	for (const candidate of paths) {
		const file = files.find((listed) => isFileAt(nfc(listed), nfc(candidate)));
		if (file) return [file];
	}
	const last = nfc(stem(segments.at(-1) as string));
	const named = files.filter((file) => nfc(postName(file)) === last);
	if (named.length > 0) return named;
	// Obsidian's wikilinks and Hugo's ref ignore case (`[[Fuwari]]` is fuwari.md): only when no name matches as written.
	if (kind === 'ref') return files.filter((file) => nfc(postName(file)).toLowerCase() === last.toLowerCase());
	// A Jekyll post moved without its date prefix (2024-01-05-slug.md → slug.md, the date in its front matter).
	const undated = /^\d{4}-\d{2}-\d{2}-(.+)$/.exec(last)?.[1];
	return undated === undefined ? [] : files.filter((file) => nfc(postName(file)) === undated);
}

/** Every post of `postsDir` that this build publishes, as an old address may name it (integration/old-post-addresses.ts). */
function addressedPosts(postsDir: string, readPost: (file: string) => ReturnType<typeof readPostAddress> & { url: string | undefined }, timeZone: string): AddressedPost[] {
	return listPostFiles(postsDir).flatMap((file) => {
		const post = readPost(path.join(postsDir, file));
		if (post.url === undefined) return [];
		const date = post.date ? postRouteParams({ id: post.id, date: post.date }, timeZone) : undefined;
		const listed = OLD_ADDRESS_KEYS.flatMap((key) => [post.data[key]].flat()).filter((value): value is string => typeof value === 'string');
		const oldPaths = listed.flatMap((written) => {
			try {
				return oldAddresses({ aliases: [written] }, post.url ?? '/');
			} catch {
				return [];
			}
		});
		return [{ file, slugs: [...new Set([post.id, post.slug ?? post.id].map(normalised))], date, url: post.url, oldAddresses: oldPaths }];
	});
}

/**
 * Whether a Zola section's path (`blog`, `` for the content folder's own `_index.md`) names the posts folder
 * or a section in it: a folder in it at that path or at the path without its leading sections (`content/`'s
 * `blog/` copied whole), a posts folder of the section's name, or, for a section one level down, a posts
 * folder that holds a section's `_index.md` (`content/blog/` copied into it).
 */
function isSection(postsDir: string, section: string): boolean {
	const segments = section.split('/').filter((segment) => segment !== '' && segment !== '.');
	if (segments.length === 0) return true;
	if (segments.includes('..')) return false;
	if (segments.at(-1) === path.basename(postsDir)) return true;
	if (segments.some((_, index) => isFolder(path.join(postsDir, ...segments.slice(index))))) return true;
	return segments.length === 1 && isFile(path.join(postsDir, '_index.md'));
}

/** Whether the post file `file` is the one `candidate` names, as postFileAt() looks for it. */
function isFileAt(file: string, candidate: string): boolean {
	if (hasPostExtension(candidate)) return file === candidate;
	return POST_EXTENSIONS.some((extension) => file === `${candidate}${extension}` || file === `${candidate}/index${extension}`);
}

function nfc(text: string): string {
	return text.normalize('NFC');
}

/** Where `written` points from the folder of the post file `from`, and from its bundle's parent folder, inside the posts folder. */
function pathsFrom(from: string, written: string): string[] {
	const folder = path.posix.dirname(from);
	const folders = bundleIndex(stem(path.posix.basename(from))) ? [folder, path.posix.dirname(folder)] : [folder];
	return folders
		.map((start) => path.posix.normalize(path.posix.join(start, written)).replace(/\/+$/, ''))
		.filter((candidate) => candidate !== '.' && candidate !== '..' && !candidate.startsWith('../'));
}

/** The post file at `candidate` (relative to `postsDir`): the file itself, with an extension added, or a bundle's index. */
function postFileAt(postsDir: string, candidate: string): string | undefined {
	const tries = hasPostExtension(candidate)
		? [candidate]
		: [...POST_EXTENSIONS.map((extension) => `${candidate}${extension}`), ...POST_EXTENSIONS.map((extension) => `${candidate}/index${extension}`)];
	return tries.find((file) => isPostFile(file) && isFile(path.join(postsDir, file)));
}

/** Every post file under `postsDir`, relative to it. */
function listPostFiles(postsDir: string): string[] {
	const entries = readdirSync(postsDir, { recursive: true, encoding: 'utf8' });
	return entries.map(toPosix).filter((file) => isPostFile(file) && isFile(path.join(postsDir, file)));
}

/** A file the posts loader reads: a post extension, and a name that does not start with "_" (Hugo's `_index.md` is a list page). */
function isPostFile(file: string): boolean {
	const base = file.split('/').pop() ?? '';
	return !base.startsWith('_') && !base.startsWith('.') && hasPostExtension(base);
}

/** The name a post is known by: its file name without extension, or its folder's for an index file. */
function postName(file: string): string {
	const segments = file.split('/');
	const name = stem(segments.pop() ?? '');
	return bundleIndex(name) ? (segments.pop() ?? name) : name;
}

function stem(file: string): string {
	return hasPostExtension(file) ? fileStem(file) : file;
}

/**
 * The slug and date of the post in `file`, as the posts loader reads them (integration/post-file.ts): the
 * `slug` field or the file name, Jekyll's dated file names, a Notion export's properties, dates in the site's time zone, and the front matter
 * that decides whether builds publish it (readPublishing(), with the `cascades` of Hugo's section files), with
 * the option that holds it back as written. Front matter that cannot be read gives the file name's slug; the
 * loader reports that file itself. `datedTwin` tells, by display path, which files of `_posts/` named alike
 * but for their date keep it in their address (integration/dated-twins.ts).
 */
export function readPostAddress(
	file: string,
	root: string,
	config: Pick<ThemeConfig, 'locale' | 'timeZone'>,
	postsDir: string,
	post: { datedTwin?: ((displayPath: string) => DatedTwin | undefined) | undefined; cascades?: HugoCascades | undefined } = {},
): { id: string; slug?: string | undefined; date: Date | undefined; data: Record<string, unknown>; unpublished?: UnpublishedOption | undefined } {
	const displayPath = toPosix(path.relative(root, file));
	const siblings = namesBeside(file);
	let data: Record<string, unknown> = {};
	let written: Record<string, unknown> = {};
	let unpublished: UnpublishedOption | undefined;
	let slug: string | undefined;
	try {
		const parsed = parseFrontMatter(readFileSync(file, 'utf8'));
		// A page exported from Notion has its date, slug and draft status in property lines, as the loader reads them.
		const source = readNotionExport(parsed, displayPath, config.locale)?.source ?? parsed;
		written = source.data;
		data = { ...source.data, ...scalarsAsWritten(source, TEXT_KEYS) };
		({ unpublished } = readPublishing(data, source, { displayPath, entryFile: file, locale: config.locale, siblings, datedTwin: post.datedTwin?.(displayPath), cascades: post.cascades }));
		slug = source.addressSlug;
	} catch {
		data = {};
		unpublished = undefined;
		slug = undefined;
	}
	const id = postSlug(data, toPosix(path.relative(postsDir, file)), config.locale, siblings);
	// Dates read as the loader reads them; one it cannot read counts as absent (the loader reports it).
	for (const key of DATE_KEYS) {
		const reading = readFrontMatterDate(data[key], dateTimeZone(key, written, config.timeZone));
		if (reading) data[key] = reading.ok ? reading.date : undefined;
	}
	// The schema's date is the first of its names that is set (schema.ts).
	const key = FIELD_ALIASES.date.find((name) => data[name] !== undefined);
	const date = key === undefined ? undefined : data[key];
	return { id, slug, date: date instanceof Date ? date : undefined, data, unpublished };
}

function toPosix(file: string): string {
	return file.split(path.sep).join('/');
}
