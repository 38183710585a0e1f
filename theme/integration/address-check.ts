import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import type { ThemeConfig } from '../config.ts';
import { lineOfKey, parseFrontMatter } from '../utils/front-matter.ts';
import { oldAddresses, pageFile, redirectFile, type BuildFormat } from '../utils/redirects.ts';
import { MAX_NAME_BYTES, tooLongSegment } from '../utils/slugs.ts';
import { derivedRedirects, publicFileAt, sitePageAt, themePageAt, unwritableAddress, type DerivedAlias } from '../utils/derived-redirects.ts';
import { ROUTES, matchRoute, permalinkPattern, postRouteParams, routePath, type RouteName } from '../utils/routes.ts';
import { abridge } from '../utils/describe.ts';
import { userError } from './errors.ts';
import { namesIn, publicShadows } from './public-shadows.ts';
import { enabledRoutes, sitePages } from './routes.ts';

interface AddressedEntry {
	id: string;
	filePath?: string | undefined;
	data: { date?: unknown; draft?: unknown; aliases?: string[]; permalink?: string; bodyFiles?: { path: string }[] | undefined; derivedAliases?: DerivedAlias[] | undefined; addressSlug?: string | undefined };
}

/** Who holds an address: a post's page, or one of its old addresses. */
interface Holder {
	file: string;
	/** The front-matter key that gave the address, for an old one. */
	key?: 'aliases' | 'permalink';
	written?: string;
	/** A file beside the post that its body links to, published there. */
	attached?: true;
}

/**
 * Checks that every address a build writes belongs to one page: no post at the address of a theme page
 * (`permalinks: '/:slug/'` and a post called "tags"), and no old address (`aliases`, `permalink`) that is
 * a post's page, a theme page or another post's old address. Returns one error naming both files.
 */
export function findAddressClash(
	entries: Iterable<AddressedEntry>,
	config: Pick<ThemeConfig, 'permalinks' | 'timeZone'>,
	root: string,
	showDrafts: boolean,
	publicDir = path.join(root, 'public'),
	output: OutputFiles = { format: 'directory', caseInsensitive: false },
	sitePages: Readonly<Record<string, string>> = {},
): Error | undefined {
	const project = { base: '/', trailingSlash: 'ignore', buildFormat: output.format, postPattern: permalinkPattern(config.permalinks) } as const;
	// Addresses are compared as the files a build writes for them: under build.format 'file', /old.html and
	// the post at /old/ are one file, and on a file system that ignores case so are /Old/ and /old/.
	const fileKey = (file: string) => (output.caseInsensitive ? file.toLowerCase() : file);
	/** Output file (as fileKey() gives it) → who writes it. */
	const holders = new Map<string, Holder>();
	const visible = [...entries].filter((entry) => (showDrafts || entry.data.draft !== true) && entry.data.date instanceof Date);
	visible.sort((a, b) => (a.filePath ?? a.id).localeCompare(b.filePath ?? b.id));
	const olds: { entry: AddressedEntry; postPath: string }[] = [];
	// public/'s own names, read once: a post's page can only be under a file of public/ whose path starts with
	// one of them, so most posts are checked without asking the disk about their addresses.
	const publicNames = namesIn(publicDir);
	for (const entry of visible) {
		const file = entry.filePath ?? entry.id;
		const postPath = decodeURI(routePath('post', postRouteParams({ id: entry.id, date: entry.data.date as Date, slug: entry.data.addressSlug }, config.timeZone), project));
		const postFile = pageFile(postPath, output.format);
		const page = themePageAt(postPath, project) ?? themePageOfFile(postFile, project);
		if (page) {
			// The slug field made the address, when there is one; else the file name did.
			const line = lineIn(root, file, 'slug');
			return userError(
				`${line ? `${file}:${line}` : file}: the post's address ${postPath} is the theme's ${page} page, so the post would not be published.`,
				'Give the post another slug field, or choose a permalinks option with a fixed part, such as /posts/:slug/.',
				{ file: path.join(root, file), line },
			);
		}
		// Astro builds the site's own page there in the post's place, while cards, feeds and the sitemap still name the post.
		const sitePage = sitePageAt(postPath, sitePages, output.format);
		if (sitePage) {
			const line = lineIn(root, file, 'slug');
			return userError(
				`${line ? `${file}:${line}` : file}: the post's address ${postPath} is the site's page ${sitePage}, which Astro would build in the post's place, so the post would not be published.`,
				'Give the post another slug field, or move the page to another address.',
				{ file: path.join(root, file), line },
			);
		}
		const long = tooLongSegment(postPath);
		if (long) {
			const line = lineIn(root, file, 'slug');
			return userError(
				`${line ? `${file}:${line}` : file}: the post's address has a part of ${long.bytes} bytes (${abridge(long.segment)}), longer than the ${MAX_NAME_BYTES} bytes a folder name can have, so its page cannot be written.`,
				line ? 'Shorten the slug field.' : 'Give the post a shorter slug field, e.g. slug: a-few-words.',
				{ file: path.join(root, file), line },
			);
		}
		const published = publicNames.has(postFile.split('/').find(Boolean) ?? '') ? publicFileAt(postFile, publicDir, root) : undefined;
		if (published?.under) {
			const line = lineIn(root, file, 'slug');
			return userError(
				`${line ? `${file}:${line}` : file}: the post's address ${postPath} is under ${published.shown}, a file the build publishes there, so the post's page, in a folder where that file is, cannot be written.`,
				'Give the post another slug field, or rename the file in public/.',
				{ file: path.join(root, file), line },
			);
		}
		if (published) {
			// Astro publishes the file of public/ and skips the post's page with a warning only, so the feed's link would open that file.
			const { key, line } = addressSource(root, file);
			return userError(
				`${line ? `${file}:${line}` : file}: the post's address ${postPath}, from its ${key ? `${key} field` : 'file name'}, is where the build publishes ${published.shown}, which Astro keeps in place of the post's page, so the post would not be published.`,
				`Rename or remove ${published.shown}, or ${key ? 'give the post another slug field' : "rename the post's file or give it a slug field"}.`,
				{ file: path.join(root, file), line },
			);
		}
		// Slugs are unique, ids being so, but a post's own part of its address need not be its id (dated-twins.ts): the whole address is compared.
		const other = holders.get(fileKey(postFile));
		if (other) {
			return userError(
				`${other.file} and ${file}: the two posts have one address, ${postPath}, so one of them would not be published.`,
				'Give one of them a slug field (slug: a-new-address).',
				{ file: path.join(root, file) },
			);
		}
		holders.set(fileKey(postFile), { file });
		// The files its body links to, published under its address (routes/post-file.ts).
		for (const attached of entry.data.bodyFiles ?? []) {
			const output = `${postPath.replace(/^\/+|\/+$/g, '')}/${attached.path}`;
			const folder = output.endsWith('/index.html') ? `/${output.slice(0, -'index.html'.length)}` : undefined;
			const page = themePageOfFile(output, project) ?? (folder === undefined ? undefined : themePageAt(folder, project));
			const holder = holders.get(fileKey(output));
			if (page || holder) {
				return userError(
					`${file}: the file ${attached.path} that the post links to would be published at /${output}, which is ${page ? `the theme's ${page} page` : `the page of ${holder?.file}`}, so one of them would not be published.`,
					'Rename the file, or the folder it is in.',
					{ file: path.join(root, file) },
				);
			}
			holders.set(fileKey(output), { file, attached: true });
		}
		olds.push({ entry, postPath });
	}
	// The old addresses that are theme pages or the site's own, told in one error: each is found without a build.
	// `page` names it alone, `among` in a list of the theme's pages.
	const onPages: { where: string; page: string; among: string; file: string; line: number | undefined }[] = [];
	for (const { entry, postPath } of olds) {
		const file = entry.filePath ?? entry.id;
		const sources: { key: 'aliases' | 'permalink'; written: string }[] = [
			...(entry.data.aliases ?? []).map((written) => ({ key: 'aliases' as const, written })),
			...(entry.data.permalink ? [{ key: 'permalink' as const, written: entry.data.permalink }] : []),
		];
		// The post's own file is a holder like any other: an alias that writes it (on a file system that ignores
		// case, /Posts/A/ for /posts/a/) would replace the post with a redirect to itself.
		const own = new Set<string>();
		for (const source of sources) {
			const [address] = oldAddresses(source.key === 'aliases' ? { aliases: [source.written] } : { permalink: source.written }, postPath, output.format);
			// The post's own address (its very file: /old.html is the post's page under build.format 'file',
			// which oldAddresses() leaves out), or one it already lists: nothing to redirect.
			if (address === undefined) continue;
			const redirect = redirectFile(address);
			const key = fileKey(redirect);
			if (own.has(key)) continue;
			own.add(key);
			const { key: field, line, value } = writtenAt(root, file, source.key, source.written);
			const where = `${line ? `${file}:${line}` : file}: ${field}: ${JSON.stringify(value ?? source.written)}`;
			const themePage = themePageAt(address, project) ?? themePageOfFile(redirect, project);
			const sitePage = sitePageAt(address, sitePages, output.format);
			if (themePage || sitePage) {
				const [page, among] = themePage ? [`the theme's ${themePage} page`, `the ${themePage} page`] : [`the site's page ${sitePage}`, `the site's page ${sitePage}`];
				onPages.push({ where, page, among, file, line });
				continue;
			}
			const control = /[\u0000-\u001F\u007F]/.exec(address)?.[0];
			if (control !== undefined) {
				return userError(
					`${line ? `${file}:${line}` : file}: ${field}: ${JSON.stringify(abridge(value ?? source.written))} decodes to a control character (U+${(control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}), which cannot be part of a file name on every system, so its redirect page cannot be written.`,
					'Remove it; if the old site served it, redirect it with your host\'s rules instead (Netlify\'s _redirects, an nginx rewrite).',
					{ file: path.join(root, file), line },
				);
			}
			// One Astro cannot write a page at is left without a redirect page, with a warning (droppedAliasWarnings).
			if (unwritableAddress(address) !== undefined) continue;
			const long = tooLongSegment(address);
			if (long) {
				return userError(
					`${line ? `${file}:${line}` : file}: ${field}: ${JSON.stringify(abridge(value ?? source.written))} has a part of ${long.bytes} bytes, longer than the ${MAX_NAME_BYTES} bytes a folder or file name can have, so its redirect page cannot be written.`,
					"Remove it, and redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite), which need no file.",
					{ file: path.join(root, file), line },
				);
			}
			const misfit = notARedirectPage(address, publicDir, root);
			if (misfit) {
				return userError(
					`${where} ${misfit}`,
					"Remove it; if the old site served it, redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite), which answer with a real redirect.",
					{ file: path.join(root, file), line },
				);
			}
			const folder = fileInTheWay(redirect, (ancestor) => holders.has(fileKey(ancestor)) || FILE_ROUTES.some((name) => matchRoute(name, encodeURI(`/${ancestor}`), project) !== undefined));
			if (folder) {
				return userError(
					`${where} would be written as ${redirect}, inside a folder named ${folder}, which is a file the build writes there (${holders.get(fileKey(folder))?.file ?? 'one of the theme\'s files'}), so neither could be written.`,
					'Remove it from the front matter, or end it without a slash if the old address was that file.',
					{ file: path.join(root, file), line },
				);
			}
			const holder = holders.get(key);
			if (holder) {
				const other = holder.key
					? `also ${oldAddressName(root, holder.file, holder.key)} of ${locate(root, holder.file, holder.key)} (${JSON.stringify(holder.written)})`
					: holder.attached
						? `the address of a file that ${holder.file} links to, which the build publishes there`
						: `the address of the post ${holder.file}`;
				return userError(
					`${where} (${address}) is ${other}; one address can only lead to one page.`,
					holder.key ? 'Remove the old address from one of the two posts.' : `Remove the old address: that ${holder.attached ? 'file is' : 'post lives'} there now.`,
					{ file: path.join(root, file), line },
				);
			}
			holders.set(key, { file, ...source });
		}
	}
	const [first, ...more] = onPages;
	if (!first) return undefined;
	if (more.length === 0) return userError(`${first.where} is the address of ${first.page}, so it cannot redirect to this post.`, 'Remove it from the front matter.', { file: path.join(root, first.file), line: first.line });
	const whose = onPages.every(({ page, among }) => page !== among) ? "the theme's pages" : 'pages of the site or the theme';
	return userError(
		`${onPages.length} old addresses are the addresses of ${whose}, so they cannot redirect to their posts: ${onPages.map(({ where, among }) => `${where} (${among})`).join('; ')}.`,
		'Remove them from the front matter.',
		{ file: path.join(root, first.file), line: first.line },
	);
}

/** How a build names its output files: Astro's `build.format`, and whether the output's file system tells `A` from `a`. */
export interface OutputFiles {
	format: BuildFormat;
	caseInsensitive: boolean;
}

// The theme's routes that write a file of their own (a social card, a feed), which an old address's folder
// must not be; the files beside a post are each known (findAddressClash()).
const FILE_ROUTES: RouteName[] = (Object.keys(ROUTES) as RouteName[]).filter((name) => name !== 'redirect' && name !== 'postFile' && (ROUTES[name] as { file?: boolean }).file === true);

/** The theme page written at `file` under the build's format (`archive.html` is /archive under 'file'), if any. */
function themePageOfFile(file: string, project: Parameters<typeof matchRoute>[2] & { buildFormat: OutputFiles['format'] }): string | undefined {
	if (file === 'index.html') return themePageAt('/', project);
	if (file.endsWith('.html') && !file.endsWith('/index.html') && project.buildFormat !== 'directory') return themePageAt(`/${file.slice(0, -'.html'.length)}`, project);
	return undefined;
}

/** The first folder on the way to `file` that is a file the build writes (`isFile`), if any. */
function fileInTheWay(file: string, isFile: (path: string) => boolean): string | undefined {
	const segments = file.split('/');
	for (let count = 1; count < segments.length; count++) {
		const folder = segments.slice(0, count).join('/');
		if (isFile(folder)) return folder;
	}
	return undefined;
}

/** Whether the folder `dir` is on a file system that ignores case (macOS's and Windows' by default): its own name, upper-cased, is found. */
export function ignoresCase(dir: string): boolean {
	const name = path.basename(dir);
	if (name.toUpperCase() === name.toLowerCase()) return false;
	const other = name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase();
	return existsSync(path.join(path.dirname(dir), other)) && existsSync(dir);
}

// Files a site serves that are not pages: a redirect page, which is HTML, cannot stand in for one. Other
// endings (`/p/12.html`, `/index.php`, `/2019/a.b.c`) are written as given, as Hugo writes its aliases.
const FILE_EXTENSIONS = new Set(
	['xml', 'rss', 'atom', 'json', 'txt', 'xsl', 'css', 'js', 'mjs', 'map', 'wasm', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff']
		.concat(['pdf', 'zip', 'gz', 'tgz', 'epub', 'mp3', 'ogg', 'm4a', 'wav', 'mp4', 'webm', 'mov', 'woff', 'woff2', 'ttf', 'otf', 'csv', 'yaml', 'yml', 'toml', 'md', 'webmanifest']),
);

/** The extension of a file that is no page (`xml`, `js`, `png`…) that `address` ends with, or undefined. */
export function fileExtension(address: string): string | undefined {
	const extension = /\.([A-Za-z0-9]+)$/.exec(address)?.[1]?.toLowerCase();
	return extension !== undefined && FILE_EXTENSIONS.has(extension) ? extension : undefined;
}

/**
 * Why the redirect page of `address` cannot be written: it names a hidden file or folder (`/.htaccess`,
 * `/.well-known/…`), which hosts read as their own configuration; a file that is not a page (`/feed.xml`,
 * `/photo.jpg`), which readers and programs would get as an HTML page; or a file in public/, which the
 * build publishes at the same address.
 */
function notARedirectPage(address: string, publicDir: string, root: string): string | undefined {
	const file = redirectFile(address);
	if (file.split('/').some((segment) => segment.startsWith('.'))) {
		return `names a hidden file or folder (${address}), which hosts read as their own settings, so no redirect page is written there.`;
	}
	const extension = fileExtension(address);
	if (extension !== undefined) {
		return `names a .${extension} file (${address}), but a redirect page is HTML: a feed reader, a browser or a program asking for it would get a web page instead of the file.`;
	}
	if (existsSync(path.join(publicDir, file))) {
		const shown = path.relative(root, path.join(publicDir, file)).split(path.sep).join('/');
		return `is the address of ${shown}, which the build publishes there, so the redirect page would replace it.`;
	}
	// Astro cannot make a folder where public/ has a file (public/og.txt for /og.txt/): the build would stop with ENOTDIR.
	const published = publicFileAt(file, publicDir, root);
	if (published) return `(${address}) would be written as ${file}, inside a folder where ${published.shown} is, a file the build publishes there, so the redirect page cannot be written.`;
	return undefined;
}

/** Throws (in a build) or logs (under `astro dev`) findAddressClash() for the posts a loader has stored. */
export function checkAddresses(context: LoaderContext, config: ThemeConfig): void {
	const { root, publicDir } = context.config;
	const output = { format: context.config.build.format, caseInsensitive: ignoresCase(fileURLToPath(root)) };
	const entries = context.store.values() as AddressedEntry[];
	const pages = Object.fromEntries(sitePages(context.config));
	const showDrafts = context.watcher !== undefined;
	const shadows = publicShadows(entries, config, enabledRoutes(context.config, config), fileURLToPath(root), fileURLToPath(publicDir), showDrafts, output.format, pages);
	const error = findAddressClash(entries, config, fileURLToPath(root), showDrafts, fileURLToPath(publicDir), output, pages) ?? shadows.error;
	if (!error) {
		for (const message of droppedAliasWarnings(entries, config, fileURLToPath(root), showDrafts, output.format, pages, fileURLToPath(publicDir))) context.logger.warn(message);
		for (const message of shadows.warnings) context.logger.warn(message);
		return;
	}
	if (!context.watcher) throw error;
	context.logger.error(error.message);
}

/**
 * The old addresses Carnet derived for posts (utils/derived-redirects.ts) that another page holds, each
 * named with its post's file, the key and line it was read from, and what holds it: no redirect page is
 * made from them, and the author is told which address now leads elsewhere.
 */
export function droppedAliasWarnings(
	entries: Iterable<AddressedEntry>,
	config: Pick<ThemeConfig, 'permalinks' | 'timeZone'>,
	root: string,
	showDrafts: boolean,
	format: BuildFormat,
	sitePages: Readonly<Record<string, string>> = {},
	publicDir: string = path.join(root, 'public'),
): string[] {
	const project = { base: '/', trailingSlash: 'ignore', buildFormat: format, postPattern: permalinkPattern(config.permalinks), sitePages, publicDir, root } as const;
	const visible = [...entries].filter((entry) => (showDrafts || entry.data.draft !== true) && entry.data.date instanceof Date);
	// Old addresses the post lists that no page can be written at (a % in them): the rest of its redirects are made.
	const unwritableListed: string[] = [];
	for (const entry of visible) {
		const file = entry.filePath ?? entry.id;
		const listed = [...(entry.data.aliases ?? []).map((written) => ({ key: 'aliases' as const, written })), ...(entry.data.permalink ? [{ key: 'permalink' as const, written: entry.data.permalink }] : [])];
		for (const { key, written } of listed) {
			const [address] = oldAddresses(key === 'aliases' ? { aliases: [written] } : { permalink: written }, '/', format);
			const why = address === undefined ? undefined : unwritableAddress(address);
			if (why === undefined) continue;
			const { key: field, line, value } = writtenAt(root, file, key, written);
			unwritableListed.push(`${line ? `${file}:${line}` : file}: ${field}: ${JSON.stringify(abridge(value ?? written))} ${why}, so no redirect page is made there. Redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite).`);
		}
	}
	if (!visible.some((entry) => entry.data.derivedAliases !== undefined)) return unwritableListed;
	const posts = visible.map((entry) => ({ ...entry.data, file: entry.filePath ?? entry.id, postPath: decodeURI(routePath('post', postRouteParams({ id: entry.id, date: entry.data.date as Date, slug: entry.data.addressSlug }, config.timeZone), project)) }));
	return [...unwritableListed, ...derivedRedirects(posts, project, format).dropped.map(({ file, key, fileName, path: written, address, holder }) => {
		const line = key === undefined ? undefined : lineIn(root, file, key);
		const where = line ? `${file}:${line}` : file;
		const unwritable = unwritableAddress(address);
		if (holder === undefined && unwritable !== undefined) {
			return `${where}: ${key ?? 'the file name'}: ${JSON.stringify(written)} is an address the post had, but it ${unwritable}, so no redirect page to this post is made there. Redirect it with your host's rules instead (Netlify's _redirects, an nginx rewrite).`;
		}
		const what =
			key !== undefined
				? `${key}: ${JSON.stringify(written)} is an address the post had (${address}), but it`
				: fileName === 'written'
					? `the address its file name gave the post in Hugo and Astro's glob() (${address}),`
					: `the address Carnet gave the post before, from its dated file name (${address}),`;
		const fix = key === undefined ? `Links to the ${fileName === 'written' ? 'old' : 'dated'} address reach that page instead; rename one of the two if they should not.` : `Links to it reach that page instead; remove the path from ${key} if it was not this post's address.`;
		return `${where}: ${what} is ${holder}, so no redirect page to this post is made there. ${fix}`;
	})];
}

/** The theme page at the site path `address` (`/tags/` is the tags page), as an error names it, whatever the posts' permalinks. */
export function themePageOfPath(address: string): string | undefined {
	return themePageAt(address, { base: '/', postPattern: permalinkPattern('/posts/:slug/') });
}

// The line is read again only to word an error, which a build meets once.
function lineIn(root: string, file: string, key: string): number | undefined {
	try {
		return lineOfKey(parseFrontMatter(readFileSync(path.join(root, file), 'utf8')), key);
	} catch {
		return undefined;
	}
}

/** The front-matter key that gave a post its address, and its line; none when its file name did. */
function addressSource(root: string, file: string): { key?: string; line?: number } {
	for (const key of ADDRESS_KEYS) {
		const line = lineIn(root, file, key);
		if (line !== undefined) return { key, line };
	}
	return {};
}

// The keys a post's slug is read from, the first found first: Hugo's url, Jekyll's permalink, Hexo's abbrlink.
const ADDRESS_KEYS = ['slug', 'url', 'permalink', 'abbrlink'];

function locate(root: string, file: string, key: string): string {
	const { line } = writtenAt(root, file, key);
	return line ? `${file}:${line}` : file;
}

/** How an error names an old address of another post: as an alias, or by the key that post writes it under. */
function oldAddressName(root: string, file: string, key: 'aliases' | 'permalink'): string {
	return key === 'aliases' ? 'an alias' : `the ${writtenAt(root, file, key).key}`;
}

/**
 * The key as the post writes it, and its line: aliases read from Mizuki's or Hexo's `alias`, from
 * jekyll-redirect-from's `redirect_from` or from a Blogger post's `blogger_orig_url` are named so, and a
 * permalink read from Hugo's `url` (`URL`, as Hugo reads keys in any case) so. Given the old address as the
 * post's data holds it (`address`), the key whose value holds it is named, with that value as written
 * (`https://x.blogspot.com/2016/04/100%-done.html`), where the post writes more than one of those keys.
 */
function writtenAt(root: string, file: string, key: string, address?: string): { key: string; line: number | undefined; value?: string } {
	let source: ReturnType<typeof parseFrontMatter>;
	try {
		source = parseFrontMatter(readFileSync(path.join(root, file), 'utf8'));
	} catch {
		return { key, line: undefined };
	}
	const names = [key, ...(WRITTEN_AS[key] ?? [])];
	const holder = address === undefined ? undefined : names.map((name) => ({ name, value: valueHolding(source.data[name], address) })).find(({ value }) => value !== undefined);
	for (const written of holder ? [holder.name, ...names] : names) {
		const line = lineOfKey(source, written);
		if (line !== undefined) return { key: written, line, ...(written === holder?.name && holder.value !== undefined ? { value: holder.value } : {}) };
	}
	return { key, line: undefined };
}

/** The string of a front-matter value (one, or an item of its list) that holds `address`, as written or decoded. */
function valueHolding(value: unknown, address: string): string | undefined {
	return (Array.isArray(value) ? value : [value]).find((item): item is string => typeof item === 'string' && (item.includes(address) || decodedURI(item).includes(address)));
}

function decodedURI(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}

const WRITTEN_AS: Readonly<Record<string, readonly string[]>> = { aliases: ['alias', 'redirect_from', 'blogger_orig_url'], permalink: ['url', 'URL', 'Url'] };

/** The keys a post lists its old addresses under: aliases and permalink, and the names other engines give them. */
export const OLD_ADDRESS_KEYS: readonly string[] = Object.entries(WRITTEN_AS).flatMap(([key, others]) => [key, ...others]);
