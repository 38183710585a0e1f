import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ThemeConfig } from '../config.ts';
import { DATE_KEYS, FIELD_ALIASES, IMAGE_KEYS, isBlankField, TEXT_KEYS } from '../schema.ts';
import { DATE_FORMS, dateTimeZone, dayIn, readFrontMatterDate } from '../utils/dates.ts';
import { COMMENT_TITLE_READING, FrontMatterSyntaxError, lineOfKey, parseFrontMatter, scalarsAsWritten, type ParsedSource } from '../utils/front-matter.ts';
import { resolveImagePath, type ImagePathContext } from '../utils/image-paths.ts';
import { PERMALINK_PATTERN } from '../utils/redirects.ts';
import { deepestNesting, MAX_MDX_DEPTH } from '../utils/markdown-depth.ts';
import { bundleIndex, fileTranslation, MAX_NAME_BYTES, sameLanguage, slugFromFilePath, slugifySegment, tooLongSegment, windowsDeviceSegment } from '../utils/slugs.ts';
import { namesBeside } from '../utils/post-files.ts';
import type { PostReference, ShortcodeContext } from '../markdown/shortcodes.ts';
import { MEDIA_SUBPATH_KEYS, mediaSubpathOf, putBodyImagesUnder, underMediaSubpath } from '../markdown/media-subpath.ts';
import { linksToFiles, publishedFileAddress, publishedFileLinks } from '../markdown/file-links.ts';
import { withoutHeadBlocks } from '../markdown/head-blocks.ts';
import { verbatimLines } from '../markdown/fences.ts';
import { abridge } from '../utils/describe.ts';
import { isFile } from '../utils/file-paths.ts';
import { applyDocusaurusLists, isAuthorFilePath, unlistedAuthorKeys, type DocusaurusLists } from './docusaurus-lists.ts';
import type { HugoCascades } from './hugo-cascade.ts';
import { userError } from './errors.ts';
import { checkMdxComponents, checkMdxImports } from './mdx-imports.ts';
import { checkMdxRequires } from './mdx-requires.ts';
import { AMBIGUOUS_DATE, readNotionExport } from './notion-export.ts';
import { bundleFeatureImage, COVER_HIDDEN, heldBackReason, isDatedJekyllPost, isUndatedJekyllPost, keepUnreadKeysAsWritten, type HeldBack } from './post-dialects.ts';
import { exportedCoverImage, takeTitleHeading, titleFromWords } from './post-engines.ts';
import { fileBesidePost, readBodyDialects, type PublishedFile } from './post-body.ts';
import { eleventyDate } from './eleventy-dates.ts';
import { withoutImageQueries } from './image-queries.ts';
import { withKeystaticBodyImages } from './keystatic-images.ts';
import { applyHeadBlock, applyHeadTitle } from './post-head.ts';
import { readPublishing } from './post-publishing.ts';
import { spaceOneLineFields, splitTagString, stripFrontMatterChars, stripPastedChars, stripReferencedChars } from './post-text.ts';
import type { DatedTwin } from './dated-twins.ts';

// Fields that only give the page's preview on social sites, which other engines build without (post-dialects.ts).
const SOCIAL_ONLY_IMAGES: ReadonlySet<string> = new Set(['og_image', 'ogImage', 'social_image']);

export interface PostFile {
	id: string;
	/** Front matter with dates read in the site's zone and image paths made importable, ready for the schema. */
	data: Record<string, unknown>;
	body: string;
	/**
	 * The body as the file writes it, after its front matter, for `entry.body`: what Astro's glob() loader
	 * gives, before the shortcodes, dialects and file links the loader rewrites for `body`.
	 */
	writtenBody: string;
	source: ParsedSource;
	/**
	 * A draft in a production build: its images are left unresolved and its body empty, and the loader
	 * stores it without a body to render (no MDX module either), so that none of its files is imported.
	 * So is an expired post, and one dated in the future unless the `future` option is on.
	 */
	hidden: boolean;
	/** Why the post is hidden. */
	heldBack?: HeldBack | undefined;
	/** The posts its `ref`, `relref`, `post_url` and `link` shortcodes name, whose addresses the body shows. */
	references: PostReference[];
	/** The featured image found beside a page bundle's index file (`featured.jpg`), not named in the front matter. */
	bundleImage?: string | undefined;
	/** wordpress-export-to-markdown's `coverImage`, found in the post's `images/` folder (`./images/cat.jpg`). */
	coverInImages?: string | undefined;
	/** The images its Obsidian embeds (`![[diagram.png]]`) named, and where each was found (a path from the post's folder), or false. */
	filesLookedUp?: Record<string, string | false> | undefined;
	/** The files beside the post that its body links to, which the build publishes under its address. */
	files: PostFileAttachment[];
	/** The addresses its body shows those files at (`/posts/trip/talk.pdf`), which public/ does not need to have. */
	fileAddresses: string[];
	/**
	 * The file (an absolute path) that each of those addresses names, by address without its query or fragment:
	 * an image among them that an `<img>` shows gets its size as an image in public/ does (public-images.ts).
	 */
	fileSources: Map<string, string>;
	/** The post has no title of its own: its title is its first words (titleFromWords()), which its page does not show twice. */
	untitled?: true | undefined;
	/** The body shows the featured image alone on its line (showsImage()), which its page then shows once, in the body. */
	imageInBody?: true | undefined;
	/** Where each line of `body` was written (1 = the source body's first), when shortcodes gave it more lines. */
	bodyLines?: number[] | undefined;
	/**
	 * The errors of its featured image fields whose files are missing, when the context gathers them
	 * (`gatherMissingImages`): the post is prepared without those fields, and its body's missing images are
	 * told with them (checkBodyImages()).
	 */
	missingImages?: Error[] | undefined;
}

/** The file's line that line `line` of a post's body (1 = its first) was written on. */
export function fileLineOfBody(post: { source: { bodyLine: number }; bodyLines?: number[] | undefined }, line: number): number {
	return post.source.bodyLine + (post.bodyLines?.[line - 1] ?? line) - 1;
}

/**
 * The text of `contents` from line `bodyLine` on, trimmed as Astro's glob() loader trims a body
 * (`String.prototype.trim()`, which takes a byte-order mark with the white space), its line endings as written.
 * Lines are counted as parseFrontMatter() counts them: after the byte-order marks it drops, a lone CR ending
 * a line as LF does.
 */
export function bodyAsWritten(contents: string, bodyLine: number): string {
	let at = 0;
	while (contents.charCodeAt(at) === 0xfeff) at++;
	for (let line = 1; line < bodyLine && at < contents.length; ) {
		const char = contents.charCodeAt(at++);
		if (char === 0x0a || (char === 0x0d && contents.charCodeAt(at) !== 0x0a)) line++;
	}
	return contents.slice(at).trim();
}

/** A file a post's body links to, published at `path` under the post's address; `source` is its path from the project's root. */
export interface PostFileAttachment {
	path: string;
	source: string;
}

export interface PostFileContext extends ImagePathContext {
	/** Root-relative path, as messages show it. */
	displayPath: string;
	config: Pick<ThemeConfig, 'timeZone' | 'strict' | 'locale' | 'remoteImageTimeout'> & Partial<Pick<ThemeConfig, 'future' | 'callouts' | 'math' | 'strings'>>;
	/** The time against which future and expired posts are judged. @default Date.now() */
	now?: number | undefined;
	/**
	 * Whether drafts are shown (`astro dev`). When they are not, a draft's images are left unresolved and
	 * its body is not rendered, so that none of its files is imported, optimised or copied to dist/.
	 */
	showDrafts: boolean;
	warn: (message: string) => void;
	/** How Hugo shortcodes and Jekyll tags in a Markdown body are expanded; none leaves them alone. */
	shortcodes?: ShortcodeContext | undefined;
	/** Docusaurus's authors.yml and tags.yml, when the posts folder has them. */
	lists?: DocusaurusLists | undefined;
	/** What Hugo's section files (`_index.md`) cascade to the posts under them. */
	cascades?: HugoCascades | undefined;
	/** The folder posts are read from, where Obsidian's embeds find their images. @default the post's folder */
	postsDir?: string | undefined;
	/** The images in `postsDir` (integration/attachments.ts), listed once for all posts. */
	attachments?: (() => readonly string[]) | undefined;
	/**
	 * For a file of `_posts/` named as another but for its date, which keeps its date in its address, the one
	 * that has the address without it (integration/dated-twins.ts).
	 */
	datedTwin?: DatedTwin | undefined;
	/**
	 * Whether a featured image whose file is missing is returned in the post's `missingImages` rather than
	 * thrown, so that one build names it with the missing images of the body, which only its rendering
	 * lists. @default false
	 */
	gatherMissingImages?: boolean | undefined;
}

/** Reads one post's front matter and prepares it for the schema, or throws an error that names the file and line. */
export async function preparePostFile(contents: string, context: PostFileContext): Promise<PostFile> {
	// Posts are found whatever the case of their extension (.MD), but @astrojs/mdx compiles `.mdx` only.
	if (/\.mdx$/i.test(context.displayPath) && !context.displayPath.endsWith('.mdx')) {
		throw postError(
			context,
			undefined,
			'an MDX post must end in .mdx in lower case: the MDX compiler reads no other spelling.',
			`Rename it to ${context.displayPath.replace(/\.mdx$/i, '.mdx')}.`,
		);
	}
	// A file saved before anything was written in it, or emptied by an interrupted copy.
	if (contents.replace(/^\uFEFF/, '').trim() === '') {
		throw postError(
			context,
			undefined,
			`the file is empty${contents === '' ? ' (0 bytes)' : ' (white space only)'}, so it has no title, date or body to publish.`,
			'Write the post in it (front matter between two --- lines, then the body), or delete the file.',
		);
	}
	const read = readNotionProperties(parseSource(stripFrontMatterChars(contents, context), context), context);
	const parsed = bodyFromFrontMatter(read, context);
	// Docusaurus's <head> block is the page's head, never the body's: its lines are left blank.
	const { body: headless, head } = withoutHeadBlocks(parsed.body, { mdx: isMdx(context.displayPath) });
	const source = head ? { ...parsed, body: headless } : parsed;
	if (context.displayPath.endsWith('.mdx')) {
		checkMdxImports(source.body, source.bodyLine, context);
		checkMdxComponents(source.body, source.bodyLine, context);
		checkMdxRequires(source.body, source.bodyLine, context);
		warnMdxFileLinks(source.body, source.bodyLine, context);
	}
	const data = { ...source.data, ...scalarsAsWritten(source, TEXT_KEYS) };
	const expanded = readBodyDialects(stripPastedChars(data, source, context), source, context);
	const { references } = expanded;
	let { filesLookedUp } = expanded;
	const mediaSubpath = mediaSubpathOf(data);
	for (const key of MEDIA_SUBPATH_KEYS) delete data[key];
	// The post's folder, read once, if at all: only a name with a language's dotted part asks (fileTranslation()).
	const siblings = namesBeside(context.entryFile);
	const { unpublished, emptyPassword } = readPublishing(data, source, { ...context, locale: context.config.locale, siblings });
	applyHeadBlock(head, data, source, context);
	stripReferencedChars(data, source, context);
	// Hugo's translation of a page bundle's page in another language (`index.ca.md`), or of a page that is one
	// file (`expand.ca.md`), is in that language.
	const fileName = path.basename(context.displayPath);
	const translated = bundleIndex(fileName.replace(/\.[^.]+$/, ''))?.language ?? fileTranslation(fileName, context.config.locale, siblings)?.language;
	if (translated !== undefined && data.lang === undefined && !sameLanguage(translated, context.config.locale)) data.lang = translated;
	if (emptyPassword !== undefined && unpublished === undefined) {
		const key = source.movedKeys?.[emptyPassword] ?? emptyPassword;
		context.warn(
			`${postLocation(context, lineOfReadKey(source, emptyPassword))}: ${key}: "" is an empty password, which protects nothing: the post is published to everyone, as one without a password is. ` +
				`Remove ${key} to say so, or remove the post if it was meant for a few readers only: Carnet does not encrypt posts.`,
		);
	}
	keepUnreadKeysAsWritten(data, source);
	if (unpublished?.membersOnly) {
		context.warn(
			`${postLocation(context, lineOfReadKey(source, unpublished.key))}: ${unpublished.written} says the post is not for everyone (Ghost's members, or a private note), and a static site publishes to everyone, in full, feeds included. The post is held back as a draft. ` +
				(unpublished.fix ?? ''),
		);
	}
	if (unpublished?.encrypted) {
		context.warn(
			`${postLocation(context, lineOfReadKey(source, unpublished.key))}: ${unpublished.written} asks for a post that only readers who know its password can read, and Carnet does not encrypt posts: a static site publishes each post to everyone, in full, feeds and search included. The post is held back as a draft. ` +
				(unpublished.fix ?? ''),
		);
	}
	if (unpublished?.doubtful) {
		context.warn(
			`${postLocation(context, lineOfReadKey(source, unpublished.key))}: ${unpublished.written} is neither true nor false, so Carnet cannot tell whether it holds the post back: the post is held back as a draft, so that it is not published by mistake. ` +
				(unpublished.fix ?? ''),
		);
	}
	if (unpublished?.unlisted) {
		context.warn(
			`${postLocation(context, lineOfReadKey(source, unpublished.key))}: ${unpublished.written} asks for a page that no list shows, which Carnet does not make; the post is held back as a draft, so that it is not listed either. ` +
				'Remove it to publish the post with the others.',
		);
	}
	if (source.draftMark) {
		context.warn(
			`${postLocation(context, source.draftMark.line)}: ${source.draftMark.written} tags the post DRAFT, Frog's mark of a post it does not publish: the post is held back as a draft, and DRAFT is not one of its tags. ` +
				'Remove DRAFT from Tags to publish it.',
		);
	}
	for (const { line, message } of source.leftOutKeys ?? []) context.warn(`${postLocation(context, line)}: ${message}`);
	// A draft without a date, which Hugo and Jekyll build and leave out: dated by its file, as Jekyll dates
	// its _drafts/, so that a production build leaves it out rather than stopping on it, and astro dev shows it.
	if (data.draft === true && !FIELD_ALIASES.date.some((key) => data[key] !== undefined)) data.date = statSync(context.entryFile).mtime;
	warnUnlistedAuthors(data, source, context);
	applyDocusaurusLists(data, context.lists);
	readUnfoundAuthorFiles(data, source, context);
	// The MDX compiler reads the body from the file, which loses its title heading as it is loaded
	// (integration/vite-plugin-mdx-text.ts): the post still takes its title from it.
	const titled = takeTitleHeading(data, expanded.body);
	applyHeadTitle(head, data, source, context);
	// A post without a title (a micro.blog note, an untitled Hugo page) is titled by its first words.
	const untitled = !isMdx(context.displayPath) && !context.config.strict && (data.title === undefined || isBlankField(data.title)) ? titleFromWords(titled) : undefined;
	if (untitled !== undefined) {
		data.title = untitled;
		untitledPosts.add(context.displayPath);
	}
	// Once every title is read: from the front matter, a heading, the <head> block or the first words.
	spaceOneLineFields(data);
	const body = isMdx(context.displayPath) ? titled : withKeystaticBodyImages(withoutImageQueries(mediaSubpath === undefined ? titled : putBodyImagesUnder(titled, mediaSubpath), context.entryFile), context.entryFile);
	for (const key of DATE_KEYS) {
		const keyword = eleventyDate(data[key], context.entryFile);
		if (keyword) {
			context.warn(
				`${postLocation(context, lineOfKey(source, key))}: ${key}: ${JSON.stringify(String(data[key]).trim())} is Eleventy's keyword for a date the file does not write: the post is dated ${keyword.date.toISOString()}, from ${keyword.from}. ` +
					`${keyword.fileTime ? 'A copy of the file (a clone, a CI checkout) has other file times, so the date can change from one build to the next: write it' : 'To keep it as it is, write it'} (${key}: ${keyword.date.toISOString().slice(0, 10)}).`,
			);
			data[key] = keyword.date;
			continue;
		}
		const reading = readFrontMatterDate(data[key], dateTimeZone(key, source.data, context.config.timeZone));
		if (reading?.ok) data[key] = reading.date;
		else if (reading) {
			// A date no front-matter key gives comes from the file's name (`2020-13-01-release.md`).
			if (key === 'date' && !FIELD_ALIASES.date.some((alias) => source.data[alias] !== undefined) && path.basename(context.displayPath).startsWith(String(data[key]))) {
				throw postError(context, undefined, `the date in the file name, ${reading.problem}.`, 'Rename the file with the day it was published first (YYYY-MM-DD-name.md), or write that day in its front matter (date: 2024-02-03).');
			}
			throw postError(context, lineOfKey(source, key), `${key}: ${reading.problem}.`, `Write ${DATE_FORMS_HINT}.`);
		}
	}
	// Vercel's Next.js blog starter keeps its posts in _posts/ too, undated: its `coverImage` and `ogImage` tell them apart.
	const nextStarter = ['coverImage', 'ogImage'].some((key) => source.data[key] !== undefined);
	// Hexo's source/_posts/ holds posts named without their date, all of them: there, Jekyll's rule is none.
	if (isUndatedJekyllPost(context.displayPath) && data.draft !== true && !nextStarter && datedPostBeside(context.entryFile)) {
		context.warn(
			`${context.displayPath}: Jekyll publishes no file of _posts/ whose name does not start with its date (YYYY-MM-DD-), so this one was not on the Jekyll site; Carnet publishes it. ` +
				'If it is a post, rename it (e.g. 2024-01-05-' + path.basename(context.displayPath) + '); if it is a draft, move it to _drafts/ or add draft: true.',
		);
	}
	warnFieldConflicts(data, source, context);
	warnUpdatedBeforeDate(data, source, context);
	firstSeries(data, source, context);
	splitTagString(data, source, context, siblings);
	warnManyTags(data, source, context);
	dropQueryAddresses(data, source, context);
	dropNoteNames(data, source, context);
	checkExcerptSeparator(data, body, source, context);
	if (typeof data.permalink === 'string' && PERMALINK_PATTERN.test(data.permalink)) {
		context.warn(
			`${postLocation(context, lineOfKey(source, 'permalink'))}: permalink ${JSON.stringify(data.permalink)} is a pattern, not an address: no redirect page is made from it. ` +
				"To keep such addresses, set the permalinks option (e.g. permalinks: '/:year/:month/:day/:slug/').",
		);
	}
	const reason = context.showDrafts ? undefined : heldBackReason(data, { now: context.now ?? Date.now(), future: context.config.future ?? false });
	const hidden = reason !== undefined;
	const bundleImage = hidden ? undefined : bundleFeatureImage(data, context.entryFile);
	if (bundleImage !== undefined) data.featured_image = `./${bundleImage}`;
	const coverInImages = hidden ? undefined : exportedCoverImage(data, context.entryFile);
	if (coverInImages !== undefined) data.coverImage = coverInImages;
	// Each image field's path as written, for the featured image's.
	const writtenImages: Record<string, string> = {};
	const missingImages: Error[] = [];
	for (const key of IMAGE_KEYS) {
		const value = data[key];
		// An empty field is how Hugo's archetypes say "no image". A hidden post's images are never resolved.
		if (hidden || value === null || (typeof value === 'string' && value.trim() === '')) {
			delete data[key];
			continue;
		}
		if (typeof value !== 'string') continue;
		const media = mediaSubpath === undefined ? value : underMediaSubpath(value, mediaSubpath);
		// Hugo Academic's `[header] image`, which its templates read from static/img/.
		const resolved = await resolveImagePath(media, context, { academicHeader: source.movedKeys?.[key] === 'header' });
		if (!resolved.ok) {
			const written = media === value ? `'${value}'` : `'${value}' (under media_subpath '${mediaSubpath}': '${media}')`;
			// The field as the post names it: Hugo's `images` list gives `featured_image`.
			const field = source.movedKeys?.[key] ?? key;
			// Hugo uses `images` for the page's preview on social sites only, and builds without the file; so do
			// the engines whose `og_image` (and its other names) is that preview alone, whatever is wrong with it.
			if ((field === 'images' && resolved.missing !== undefined) || SOCIAL_ONLY_IMAGES.has(field)) {
				context.warn(`${postLocation(context, lineOfKey(source, key))}: ${field}: ${written} ${resolved.message} The post has no featured image. ${resolved.fix}`);
				delete data[key];
				continue;
			}
			const error = postError(context, lineOfKey(source, key), `${field} ${written} ${resolved.message}`, resolved.fix);
			// astro dev reads the post again when a missing file appears (integration/post-watcher.ts).
			if (resolved.missing === undefined || context.gatherMissingImages !== true) throw Object.assign(error, { missingFile: resolved.missing });
			missingImages.push(Object.assign(error, { missingFile: resolved.missing }));
			delete data[key];
			continue;
		}
		if (resolved.inThemeFolder !== undefined) {
			const field = source.movedKeys?.[key] ?? key;
			const { path: publicPath, theme } = resolved.inThemeFolder;
			context.warn(
				`${postLocation(context, lineOfKey(source, key))}: ${field}: '${value}' is neither beside the post nor in public/: it is read as '${publicPath}' (public${publicPath}), where ${theme}. ` +
					`Write the path '${publicPath}' to name the file itself.`,
			);
		}
		data[key] = resolved.value;
		writtenImages[key] = media;
		// A file put beside the post later is the one its path names: the post's key says where it was found.
		if (resolved.fromRoot) filesLookedUp = { ...filesLookedUp, [`image ${media}`]: false };
	}
	if (!hidden) checkMdxDepth(body, source, context);
	checkNameSlugs('tags', data.tags, source, context);
	checkNameSlugs('series', data.series, source, context);
	const id = postId(data, source, context, siblings);
	const published = hidden ? { body: '', files: [], addresses: [], sources: new Map<string, string>() } : publishFiles(body, expanded.files, source.addressSlug ?? id, data, context);
	const featured = IMAGE_KEYS.find((key) => data[key] !== undefined);
	// PaperMod's `cover.hidden`: the page leaves the image out, as it does one the body shows.
	const coverHidden = data[COVER_HIDDEN] === true;
	delete data[COVER_HIDDEN];
	const imageInBody = featured !== undefined && (coverHidden || (writtenImages[featured] !== undefined && showsImage(body, writtenImages[featured] as string)));
	return {
		id,
		data,
		body: published.body,
		writtenBody: bodyAsWritten(contents, read.bodyLine),
		source,
		hidden,
		heldBack: reason,
		references: hidden ? [] : references,
		bundleImage,
		coverInImages,
		filesLookedUp,
		files: published.files,
		fileAddresses: published.addresses,
		fileSources: published.sources,
		...(untitled !== undefined ? { untitled: true as const } : {}),
		...(imageInBody ? { imageInBody: true as const } : {}),
		...(expanded.lines && !hidden ? { bodyLines: expanded.lines } : {}),
		...(missingImages.length > 0 ? { missingImages } : {}),
	};
}

// An image alone on its line, in Markdown (`![Hero](./img/hero.png "T")`) or HTML (`<img src="…">`).
const MARKDOWN_IMAGE_LINE = /^!\[[^\]\n]{0,1000}\]\(\s*<?([^\s()<>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)$/;
const HTML_IMAGE_LINE = /^<img\s(?:[^>\n]*\s)?src=["']?([^"'\s>]+)[^>\n]*>$/i;

/**
 * Whether `body` shows the image `image` names (its path as the front matter writes it), alone on its line:
 * the picture Docusaurus's `image` gives social cards only, which its posts show again, at their top or after
 * their first paragraphs. The page then shows it once, where the body has it. Code shows the image's
 * Markdown, not the image, and so does an HTML block (`<div>` then the image on the next line).
 */
function showsImage(body: string, image: string): boolean {
	const lines = body.split('\n');
	const shown = [...lines.keys()].filter((index) => {
		const text = (lines[index] as string).trim();
		if (!(text.startsWith('![') || text.startsWith('<')) || text.length > 2_000) return false;
		const src = (MARKDOWN_IMAGE_LINE.exec(text) ?? HTML_IMAGE_LINE.exec(text))?.[1];
		return src !== undefined && samePath(src, image);
	});
	if (shown.length === 0) return false;
	const htmlLines = new Set<number>();
	const code = verbatimLines(lines, /!\[|<img/i, { html: false, htmlLines });
	return shown.some((index) => !code.has(index) && (!htmlLines.has(index) || HTML_IMAGE_LINE.test((lines[index] as string).trim())));
}

/** Whether two paths written in a post name one file: `./img/a.png` and `img/a.png`, `/images/a.png` and itself. */
function samePath(a: string, b: string): boolean {
	const normal = (written: string) => {
		let decoded = written;
		try {
			decoded = decodeURI(written);
		} catch {
			// Written with a lone %: as it is.
		}
		return decoded.startsWith('/') ? path.posix.normalize(decoded) : path.posix.normalize(decoded.replace(/^\.\//, ''));
	};
	return normal(a) === normal(b);
}

// The posts titled by their first words since the last untitledWarning(), named once per build.
const untitledPosts = new Set<string>();

/** The warning for the posts titled by their first words, once per build, or undefined. */
export function untitledWarning(): string | undefined {
	if (untitledPosts.size === 0) return undefined;
	const files = [...untitledPosts].sort();
	untitledPosts.clear();
	const which = files.length === 1 ? `${files[0]} has no title, and is` : `${files.length} posts have no title (${files.slice(0, 3).join(', ')}${files.length > 3 ? '…' : ''}), and are`;
	return `${which} titled by ${files.length === 1 ? 'its' : 'their'} first words, as notes of micro.blog and untitled Hugo pages are: the title names the post in lists, feeds and the browser's tab, and its page shows no title above the text. Write a title field to give a post one.`;
}

/**
 * Old addresses with a query string (`/?p=12`, `/index.php?p=12`, WordPress's), which a static site cannot
 * redirect: a server looks a request up by its path alone, and `/` is the blog's home page. They are left
 * out, with a warning naming the line and the way to keep them (a rule of the host's), rather than
 * failing the build as an address the home page holds, or writing one page for every `?p=` at once.
 */
function dropQueryAddresses(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	for (const key of ['aliases', 'permalink'] as const) {
		const value = data[key];
		const written = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
		const queried = written.filter((address): address is string => typeof address === 'string' && address.includes('?'));
		if (queried.length === 0) continue;
		const kept = written.filter((address) => !queried.includes(address as string));
		if (key === 'permalink' || kept.length === 0) delete data[key];
		else data[key] = kept;
		const list = queried.map((address) => JSON.stringify(address)).join(', ');
		context.warn(
			`${postLocation(context, lineOfKey(source, key))}: ${key}: ${list} ${queried.length === 1 ? 'has a query string, which a static site cannot redirect' : 'have query strings, which a static site cannot redirect'}: ` +
				`a server looks a request up by its path alone (${JSON.stringify(new URL(queried[0] as string, 'http://site/').pathname)}), so no redirect page is made from ${queried.length === 1 ? 'it' : 'them'}. ` +
				"To keep such links working, add a redirect rule on your host that matches the query (Netlify's _redirects and Vercel's redirects can), or remove it.",
		);
	}
}

/**
 * Obsidian's `aliases` are other names of a note, for wikilinks (`aliases: [Mon voyage]`), where Hugo's are
 * old addresses. An alias with a space in it that does not start with `/` is a name: no redirect page is
 * made from it (one at `/Mon voyage/` would be a page nobody asks for), and the author is told.
 */
function dropNoteNames(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	const written = typeof data.aliases === 'string' ? [data.aliases] : Array.isArray(data.aliases) ? data.aliases : [];
	// `/2010/01/my old post.html` is an address written with its spaces: only what starts otherwise is a name.
	const names = written.filter((alias): alias is string => typeof alias === 'string' && /\s/.test(alias.trim()) && !/^\s*(?:\/|[a-z][\w+.-]*:\/\/)/i.test(alias));
	if (names.length === 0) return;
	const kept = written.filter((alias) => !names.includes(alias as string));
	if (kept.length === 0) delete data.aliases;
	else data.aliases = kept;
	const list = names.map((name) => JSON.stringify(name)).join(', ');
	context.warn(
		`${postLocation(context, lineOfKey(source, 'aliases'))}: aliases: ${list} ${names.length === 1 ? 'is a name' : 'are names'} with spaces, as Obsidian's aliases are, not an old address of the post: no redirect page is made from ${names.length === 1 ? 'it' : 'them'}. ` +
			`Remove ${names.length === 1 ? 'it' : 'them'} from aliases, or write an old address there to keep it working (aliases: [/posts/old-name/]).`,
	);
}

// Fields whose names from other engines may be written side by side, each what one value of the post
// says. (`date` and `publishDate` are Hugo's two dates, read as Hugo reads them; `description` and
// `summary` side by side are common, and the first describes the post.)
const ONE_VALUE_FIELDS: readonly { field: keyof typeof FIELD_ALIASES; what: string }[] = [
	{ field: 'updated', what: "the post's update date" },
	{ field: 'image', what: 'the featured image' },
	{ field: 'imageAlt', what: "the featured image's alt text" },
	{ field: 'seriesOrder', what: "the post's place in its series" },
	{ field: 'canonicalURL', what: "the post's original address" },
	{ field: 'slug', what: "the post's slug, its page's address" },
];

/** Two names of one field with different values (`lastmod` and `updated`): the first is used, and the author is told which. */
function warnFieldConflicts(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	// Two dates of one day are one value: `lastmod: 2024-02-01` beside `updated: 2024-02-01T10:00`.
	const { timeZone } = context.config;
	const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? dayIn(a, timeZone) === dayIn(b, timeZone) : JSON.stringify(a) === JSON.stringify(b));
	for (const { field, what } of ONE_VALUE_FIELDS) {
		const [used, ...others] = FIELD_ALIASES[field].filter((key) => data[key] !== undefined);
		if (used === undefined) continue;
		const ignored = others.filter((key) => !same(data[key], data[used]));
		if (ignored.length === 0) continue;
		const shown = (value: unknown) => JSON.stringify(abridge(value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value)));
		context.warn(
			`${postLocation(context, lineOfKey(source, ignored[0] as string))}: ${[used, ...ignored].join(' and ')} each give ${what}, with different values; ` +
				`${used} (${shown(data[used])}) is used, and ${ignored.map((key) => `${key} (${shown(data[key])})`).join(', ')} ignored. Keep the one you mean.`,
		);
	}
}

// The fields a CMS writes on every save, rather than an author when the post changes.
const SAVE_STAMP_KEYS = ['updated_at', 'updatedAt'];

/**
 * Several series (`series = ["Getting Started", "Hugo"]`, as Hugo, whose series is a taxonomy, allows): a post
 * of Carnet's is part of one, the first, and the others are named in a warning.
 */
function firstSeries(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	const { series } = data;
	if (!Array.isArray(series) || series.length < 2 || !series.every((name) => typeof name === 'string' && name.trim() !== '')) return;
	data.series = series[0];
	context.warn(
		`${postLocation(context, lineOfKey(source, 'series'))}: series lists ${series.length} series; a post is part of one in Carnet, the first, ${JSON.stringify(series[0])}, and is not listed in ${series
			.slice(1)
			.map((name) => JSON.stringify(name))
			.join(', ')}. Keep one series, and make the others tags if they matter.`,
	);
}

/** Whether the folder of `file` has a post named with its date (`2024-01-05-hello.md`), as a Jekyll `_posts/` has; remembered per folder. */
function datedPostBeside(file: string): boolean {
	const folder = path.dirname(file);
	let dated = datedFolders.get(folder);
	if (dated === undefined) {
		try {
			dated = readdirSync(folder).some((name) => /^\d{4}-\d{1,2}-\d{1,2}-/.test(name));
		} catch {
			dated = true;
		}
		datedFolders.set(folder, dated);
	}
	return dated;
}

const datedFolders = new Map<string, boolean>();

/** Forgets the untitled posts noted and the folders read by an earlier build in this process (forgetEarlierSyncs()). */
export function forgetPostFiles(): void {
	untitledPosts.clear();
	datedFolders.clear();
}

/** An update dated before the post (`updated: 1999-01-01` for `2024-05-01`), almost always a slip of the keyboard. */
function warnUpdatedBeforeDate(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	const first = (keys: readonly string[]) => keys.find((key) => data[key] instanceof Date);
	const [dateKey, updatedKey] = [first(FIELD_ALIASES.date), first(FIELD_ALIASES.updated)];
	if (dateKey === undefined || updatedKey === undefined) return;
	const [date, updated] = [data[dateKey] as Date, data[updatedKey] as Date];
	// By the day, in the site's time zone: Hugo's `lastmod` is often the day alone, and the post's date its hour.
	if (dayIn(updated, context.config.timeZone) >= dayIn(date, context.config.timeZone)) return;
	// A CMS's time of the last save (Statamic's and Ghost's updated_at), before a post scheduled for later, is
	// no update since publication: the post shows none.
	if (SAVE_STAMP_KEYS.includes(updatedKey)) {
		delete data[updatedKey];
		return;
	}
	context.warn(
		`${postLocation(context, lineOfKey(source, updatedKey))}: ${updatedKey} (${updated.toISOString()}) is before the post's ${dateKey} (${date.toISOString()}), so the post says it was updated before it was written, and so do its JSON-LD and sitemap entry. ` +
			'Correct the date, or remove the field if the post was not updated.',
	);
}

/** Jekyll's `excerpt_separator` of a post, when it names one. */
export function excerptSeparator(data: Record<string, unknown>): string | undefined {
	return typeof data.excerpt_separator === 'string' && data.excerpt_separator !== '' ? data.excerpt_separator : undefined;
}

// Jekyll takes the whole post for the excerpt when its separator is missing; Carnet takes the first paragraph.
function checkExcerptSeparator(data: Record<string, unknown>, body: string, source: ParsedSource, context: PostFileContext): void {
	const separator = excerptSeparator(data);
	if (separator === undefined || separator.trim() === '' || body.includes(separator)) return;
	context.warn(
		`${postLocation(context, lineOfKey(source, 'excerpt_separator'))}: excerpt_separator ${JSON.stringify(separator)} is not in the body; the summary is its first paragraph. ` +
			'Put the separator where the summary ends, or remove the field.',
	);
}

const DATE_FORMS_HINT = `a date such as ${DATE_FORMS}; an offset goes from -12:00 to +14:00`;

function isMdx(displayPath: string): boolean {
	return displayPath.toLowerCase().endsWith('.mdx');
}

// A tag or a series has a page whose address is made from its name: one made only of emoji would give
// /tags// (astrowind#20). Blank fields are gone already (applyDialects).
const PAGE_NAMES = { tags: { what: 'tag', example: 'Fête' }, series: { what: 'series', example: 'Fêtes' } } as const;

function checkNameSlugs(key: keyof typeof PAGE_NAMES, value: unknown, source: ParsedSource, context: PostFileContext) {
	const { what, example } = PAGE_NAMES[key];
	const names = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
	for (const name of names) {
		if (typeof name !== 'string') continue;
		const slug = slugifySegment(name, context.config.locale);
		if (slug === '') {
			throw postError(
				context,
				lineOfKey(source, key),
				`${key}: the ${what} ${JSON.stringify(name)} has no letters or digits to make a URL from.`,
				`Give the ${what} a word, e.g. "🎉 ${example}" instead of "🎉".`,
			);
		}
		// Its page is the folder /tags/<slug>/, which no file system would create.
		const long = tooLongSegment(slug);
		if (long) {
			throw postError(
				context,
				lineOfKey(source, key),
				`${key}: the ${what} ${JSON.stringify(abridge(name))} (${[...name].length} characters) makes an address of ${long.bytes} bytes (${abridge(slug)}), longer than the ${MAX_NAME_BYTES} bytes a folder name can have.`,
				`Shorten the ${what} name; a sentence is better in the description or the body.`,
			);
		}
		if (windowsDeviceSegment(slug) !== undefined) {
			context.warn(`${postLocation(context, lineOfKey(source, key))}: ${key}: the ${what} ${JSON.stringify(name)} makes the folder ${slug}/ of its page, ${WINDOWS_DEVICE_HARM} To build on Windows, rename the ${what}.`);
		}
	}
}

const WINDOWS_DEVICE_HARM = 'a name Windows keeps for a device: the site builds here, but not on Windows, where no folder can have that name.';

/**
 * Warns about each file beside an MDX post that its body links to (`[the slides](./talk.pdf)`) or shows in an
 * HTML `<img>` (`<img src="./images/x.jpg">`), telling an image from a link: the build
 * publishes such files for Markdown posts only (markdown/file-links.ts), as @astrojs/mdx compiles an MDX
 * body itself, so the link would lead nowhere. A file that an `<img>`, `<video>` or `<source>` shows and that
 * is not there is warned about as a Markdown post's is.
 */
function warnMdxFileLinks(body: string, bodyLine: number, context: PostFileContext): void {
	const links = linksToFiles(body, (target) => {
		const file = fileBesidePost(context.entryFile, target);
		return file !== undefined && isFile(file);
	});
	for (const { line, target, img } of links.files) {
		const file = target.split(/[?#]/)[0] as string;
		const quoted = file.replace(/'/g, "\\'");
		if (img) {
			// Astro optimises an MDX post's Markdown images and its imported ones; an <img> of a path it leaves alone.
			context.warn(
				`${postLocation(context, bodyLine + line - 1)}: the image ${JSON.stringify(target)} of an <img> names a file beside the post, which the build publishes from Markdown posts only, not from MDX: the image would show nothing. ` +
					`Write it as a Markdown image (![its description](${file})), which Astro optimises in MDX too, or import it (import picture from '${quoted}', then <img src={picture.src} />).`,
			);
			continue;
		}
		context.warn(
			`${postLocation(context, bodyLine + line - 1)}: the link ${JSON.stringify(target)} names a file beside the post, which the build publishes from Markdown posts only, not from MDX: the link would lead nowhere. ` +
				`Import the file's address and link to it (import slides from '${quoted}?url&no-inline', then <a href={slides}>), or move the file to public/ and link to it from the site's root (/files/…).`,
		);
	}
	for (const { line, target } of links.missing.filter(({ media }) => media)) {
		const file = fileBesidePost(context.entryFile, target);
		context.warn(
			`${postLocation(context, bodyLine + line - 1)}: the file ${JSON.stringify(target)} shows nothing: no file is beside the post at that path${file ? ` (looked for ${path.relative(context.root, file).split(path.sep).join('/')})` : ''}. ` +
				`Put the file there and import it (import picture from '${target.split(/[?#]/)[0]?.replace(/'/g, "\\'")}', then <img src={picture.src} />), fix its path, or move the file to public/ and show it from the site's root (/images/…).`,
		);
	}
}

// Markdown bodies go through the loader's renderer, whose errors name the post; MDX bodies go to the MDX
// build, which a deep enough body crashes with a segmentation fault and not a word.
function checkMdxDepth(body: string, source: ParsedSource, context: PostFileContext) {
	if (!context.displayPath.toLowerCase().endsWith('.mdx')) return;
	const deep = deepestNesting(body);
	if (!deep) return;
	throw postError(
		context,
		source.bodyLine + deep.line - 1,
		`from here the body nests quotes or lists ${deep.depth} levels deep (a list level counts two: the list and its item), more than the ${MAX_MDX_DEPTH} Carnet lets through to the MDX build, which crashes without a message past about 450.`,
		'Simplify it: a post rarely needs more than a few levels.',
	);
}

/** A Notion export's properties as its front matter (integration/notion-export.ts); any other file as parsed. */
function readNotionProperties(parsed: ParsedSource, context: PostFileContext): ParsedSource {
	const notion = readNotionExport(parsed, context.displayPath, context.config.locale, context.config.callouts !== false);
	if (!notion) return parsed;
	if (notion.source.data.date === undefined) {
		throw postError(
			context,
			1,
			"this page exported from Notion has no date: Carnet reads it from the page's Date, Published or Created property, which its export does not have.",
			'Add a Date (or Created time) property to the Notion database and export again, or write front matter between "---" lines at the top of the file (date: 2024-01-05).',
		);
	}
	const date = notion.unreadableDate;
	if (date) {
		throw postError(
			context,
			date.line,
			`Notion's ${JSON.stringify(date.name)} property, ${JSON.stringify(date.value)}, is not a date Carnet can read: ` +
				(AMBIGUOUS_DATE.test(date.value)
					? 'in a form like 05/01/2024, the day and the month cannot be told apart.'
					: 'it reads full dates (January 5, 2024 or 5 janvier 2024, in the languages of Notion\'s interface) and Year/Month/Day ones.'),
			"Choose Notion's Full date or Year/Month/Day date format before exporting, or write the date in front matter between \"---\" lines (date: 2024-01-05).",
		);
	}
	const [first] = notion.unread;
	if (first) {
		context.warn(
			`${context.displayPath}:${first.line}: Notion's ${notion.unread.map(({ name }) => JSON.stringify(name)).join(', ')} ${notion.unread.length === 1 ? 'property is' : 'properties are'} not shown: Carnet reads a date (Date, Created), Last edited time, Tags, Description, Slug and a draft status from a Notion export. ` +
				'Move what should show into the text, or into front matter between "---" lines.',
		);
	}
	return notion.source;
}

function parseSource(contents: string, context: PostFileContext): ParsedSource {
	let source: ParsedSource;
	try {
		source = parseFrontMatter(contents);
	} catch (error) {
		if (!(error instanceof FrontMatterSyntaxError)) throw error;
		throw userError(
			`${context.displayPath}:${error.line}:${error.column}: invalid ${error.language} front matter: ${error.reason}\n\n${error.frame}`,
			error.hint ?? 'Fix the YAML on that line. Values that contain ": " or start with a quote, [ or { must be quoted.',
			{ file: context.entryFile, line: error.line, column: error.column },
		);
	}
	if ((source.format === 'metadata' || source.format === 'logseq' || source.format === 'unopened' || source.format === 'pandoc') && isMdx(context.displayPath)) {
		const lines = {
			logseq: "Logseq's property lines (title:: …)",
			metadata: "Pelican's metadata lines (Title: …)",
			unopened: 'Front matter without its opening "---" (as Hexo reads it)',
			pandoc: "Pandoc's title block (% Title …)",
		}[source.format];
		throw userError(
			`${context.displayPath}:1: ${lines} cannot open an MDX post: the MDX compiler reads the file itself, and would show them as text.`,
			'Write the fields between "---" lines as YAML (title: My post), or rename the file to .md if it has no JSX.',
			{ file: context.entryFile, line: 1 },
		);
	}
	if (source.format === 'json' && context.displayPath.toLowerCase().endsWith('.mdx')) {
		throw userError(
			`${context.displayPath}:1: JSON front matter cannot be used in an MDX post: the MDX compiler reads the file itself, and reads only YAML (---) and TOML (+++) front matter.`,
			'Write the fields between "---" lines as YAML (title: My post), or rename the file to .md if it has no JSX.',
			{ file: context.entryFile, line: 1 },
		);
	}
	const proto = protoKeyPath(source.data);
	if (proto !== undefined) {
		const index = contents.split('\n').findIndex((text) => text.includes('__proto__'));
		const line = index === -1 ? 1 : index + 1;
		throw userError(
			`${context.displayPath}:${line}: the front matter has a key named __proto__ (${proto}), which JavaScript reads as the prototype of an object, not as one of its fields: the post cannot be stored with it.`,
			'Rename the key, or remove it.',
			{ file: context.entryFile, line },
		);
	}
	// `title: #…` in a Jekyll post: YAML reads a comment, and Jekyll titles the post after its file name.
	if (isDatedJekyllPost(context.displayPath)) {
		const comment = source.repairs.findIndex((repair) => repair.key === 'title' && repair.reading === COMMENT_TITLE_READING);
		if (comment !== -1) {
			source.repairs.splice(comment, 1);
			source.data.title = null;
		}
	}
	for (const repair of source.repairs) {
		const where = `${context.displayPath}:${repair.line}:${repair.column}`;
		if (context.config.strict || context.displayPath.toLowerCase().endsWith('.mdx')) {
			const why = context.config.strict ? 'strict mode is on' : 'MDX front matter is read by the MDX compiler, which cannot be repaired';
			throw userError(`${where}: invalid YAML front matter: ${repair.problem} (not repaired: ${why}).`, repair.advice ? `${repair.advice[0]?.toUpperCase()}${repair.advice.slice(1)}` : `Replace the line with:\n  ${repair.fix}`, {
				file: context.entryFile,
				line: repair.line,
				column: repair.column,
			});
		}
		context.warn(`${where}: repaired front matter: ${repair.reading ? `${repair.problem}; ${repair.reading}` : `${repair.problem} is kept as part of the value`}. To fix the file, ${repair.advice ?? `write:  ${repair.fix}`}`);
	}
	return source;
}

/** Where `value` has a key named `__proto__` (`author.__proto__`), or undefined. */
function protoKeyPath(value: unknown, at = ''): string | undefined {
	if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) {
			const found = protoKeyPath(item, `${at}[${index}]`);
			if (found !== undefined) return found;
		}
	} else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
		if (Object.hasOwn(value, '__proto__')) return at === '' ? '__proto__' : `${at}.__proto__`;
		for (const [key, item] of Object.entries(value)) {
			const found = protoKeyPath(item, at === '' ? key : `${at}.${key}`);
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

// Where editors keep a post's text in its front matter: Decap's and Sveltia's `body` field when the collection
// is saved as YAML-fronted Markdown with the body as a field, other editors' `content` and `markdown`.
const BODY_KEYS = ['body', 'content', 'markdown'];
// Structured content that only its editor renders: Statamic's Bard and page builders, block editors' JSON.
const BLOCK_KEYS = ['page_builder', 'bard', 'blocks', 'sections', 'article', 'components'];

/**
 * A post whose body is empty but whose front matter holds its text (`body: …`): that text is the body, read
 * from the line after its key. One whose front matter holds structured content Carnet cannot render
 * (Statamic's `page_builder`) is reported, since its page would be empty. MDX bodies are the file's own.
 */
function bodyFromFrontMatter(source: ParsedSource, context: PostFileContext): ParsedSource {
	if (source.body.trim() !== '' || isMdx(context.displayPath)) return source;
	const key = BODY_KEYS.find((name) => typeof source.data[name] === 'string' && (source.data[name] as string).trim() !== '');
	if (key !== undefined) {
		const { [key]: body, ...data } = source.data;
		const line = lineOfKey(source, key) ?? source.bodyLine - 1;
		// A block (`body: |`, TOML's """) starts on the line after its key; a value on the key's line, there.
		const written = source.frontMatter.split('\n')[line - source.frontMatterLine] ?? '';
		const block = /[:=][ \t]*(?:[|>][+-]?\d*|"""|''')[ \t]*\r?$/.test(written);
		return { ...source, data, body: body as string, bodyLine: block ? line + 1 : line };
	}
	const blocks = BLOCK_KEYS.find((name) => source.data[name] !== undefined && typeof source.data[name] === 'object');
	if (blocks !== undefined) {
		context.warn(
			`${postLocation(context, lineOfKey(source, blocks))}: the post has no body: its text is in ${blocks}, structured content of the editor it comes from, which Carnet does not render, so its page would be empty. ` +
				'Export the post as Markdown (or copy its text below the front matter).',
		);
	}
	return source;
}

/** Warns about each key of a Docusaurus post's `authors` that no authors file lists: its byline shows the key. */
function warnUnlistedAuthors(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	for (const key of unlistedAuthorKeys(data.authors, context.lists)) {
		const folder = context.postsDir === undefined ? 'the posts folder' : `${path.relative(context.root, context.postsDir).split(path.sep).join('/') || '.'}/`;
		const list = context.lists?.authorsFile === undefined ? `no authors file lists (none was found in ${folder})` : `${context.lists.authorsFile} does not list`;
		context.warn(
			`${postLocation(context, lineOfKey(source, 'authors'))}: authors names the key ${JSON.stringify(key)}, which ${list}: the byline shows "${key}", where Docusaurus stops the build. ` +
				`Add ${key} to the authors file (authors.yml beside the posts), or write the author inline ({ name: …, url: … }).`,
		);
	}
}

/**
 * An author written as the path of an author file that is not in the project (Tina's `content/authors/ada.md`,
 * whose folder stayed behind): the file's name is the byline, rather than its path, with a warning.
 */
function readUnfoundAuthorFiles(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	for (const key of ['author', 'authors']) {
		const named = (value: unknown) => {
			if (typeof value !== 'string' || !isAuthorFilePath(value)) return value;
			const name = path.basename(value).replace(/\.[^.]+$/, '');
			context.warn(
				`${postLocation(context, lineOfKey(source, key))}: ${key} names the file ${JSON.stringify(value)}, which is not in the project: the byline shows "${name}". ` +
					"Copy the authors' folder beside src/ (content/authors/), where Carnet reads each author's name and photo, or write the author's name.",
			);
			return name;
		};
		const value = data[key];
		data[key] = Array.isArray(value) ? value.map(named) : named(value);
		if (value === undefined) delete data[key];
	}
}

/** More tags than a reader can use: every tag page and tag feed lists the post with all of them. */
const MANY_TAGS = 100;

function warnManyTags(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	const count = ['tags', 'categories', 'category'].reduce((sum, key) => sum + (Array.isArray(data[key]) ? (data[key] as unknown[]).length : 0), 0);
	if (count <= MANY_TAGS) return;
	context.warn(
		`${postLocation(context, lineOfKey(source, 'tags') ?? lineOfKey(source, 'categories'))}: the post has ${count} tags and categories: each gets a page and a feed, and each of them shows the post with all ${count}, so the build grows with their square (5,000 tags make 1.8 GB). ` +
			'Keep the few a reader would follow.',
	);
}

/**
 * The slug a post's page is named by: its `slug` field, else its file name (`filePath`, from the posts folder). `data` is front matter as
 * preparePostFile() reads it, text as written (scalarsAsWritten) and dialects applied. Empty when neither
 * has letters or digits.
 */
export function postSlug(data: Record<string, unknown>, filePath: string, locale: string, siblings?: () => readonly string[]): string {
	const fromSlug = typeof data.slug === 'string' && data.slug.trim() !== '';
	if (!fromSlug) return slugFromFilePath(filePath, locale, siblings);
	// Medium's exports write the post's address on Medium, its author's handle first (`/@ada/my-post-1a2b3c`):
	// the slug is what follows the handle.
	const medium = /^\/?@[^/\s]+\/([^/\s]+)\/?$/.exec((data.slug as string).trim());
	return slugifySegment(medium ? (medium[1] as string) : String(data.slug), locale);
}

/**
 * The body with its links to files beside the post (markdown/file-links.ts) pointing where the build
 * publishes those files, under the post's address (`/posts/trip/talk.pdf`), and the files. An address from
 * the site's root rather than the link as written: `./talk.pdf` leads there from `/posts/trip/` only, not
 * from `/posts/trip` (trailingSlash: 'never') or from a post file that is not its folder's index.
 */
function publishFiles(
	body: string,
	files: readonly PublishedFile[],
	slug: string,
	data: Record<string, unknown>,
	context: PostFileContext,
): { body: string; files: PostFileAttachment[]; addresses: string[]; sources: Map<string, string> } {
	if (files.length === 0) return { body, files: [], addresses: [], sources: new Map() };
	const dateKey = FIELD_ALIASES.date.find((key) => data[key] instanceof Date);
	const postUrl = context.shortcodes?.postUrl(slug, dateKey === undefined ? undefined : dayIn(data[dateKey] as Date, context.config.timeZone));
	const targets = new Map(files.map(({ placeholder, target }) => [placeholder, target]));
	// A title taken from the body's heading is text, where a link's address is as written.
	if (typeof data.title === 'string') data.title = publishedFileLinks(data.title, targets, new Map());
	// No address: a dated permalink for a post without a date, which the schema refuses with its own error.
	if (postUrl === undefined) return { body: publishedFileLinks(body, targets, new Map()), files: [], addresses: [], sources: new Map() };
	const addresses = new Map(files.map(({ placeholder, target, path: file }) => [placeholder, publishedFileAddress(postUrl, file, target)]));
	const folder = path.dirname(context.entryFile);
	const attachments = new Map(files.map(({ path: file }) => [file, { path: file, source: path.relative(context.root, path.resolve(folder, file)).split(path.sep).join('/') }]));
	const sources = new Map(files.map(({ path: file }) => [publishedFileAddress(postUrl, file, ''), path.resolve(folder, file)]));
	return { body: publishedFileLinks(body, targets, addresses), files: [...attachments.values()], addresses: [...addresses.values()], sources };
}

function postId(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext, siblings: () => readonly string[]): string {
	const fromSlug = typeof data.slug === 'string' && data.slug.trim() !== '';
	// From the posts folder: a page bundle's `index.md` right in it is named `index`, not after the folder.
	const within = context.postsDir ? path.relative(context.postsDir, context.entryFile).split(path.sep).join('/') : context.displayPath;
	const id = postSlug(data, within, context.config.locale, siblings);
	if (id && windowsDeviceSegment(id) !== undefined) {
		context.warn(
			`${postLocation(context, fromSlug ? lineOfKey(source, 'slug') : undefined)}: the post's page is the folder ${id}/ (from ${fromSlug ? 'its slug field' : 'its file name'}), ${WINDOWS_DEVICE_HARM} To build on Windows, give it ${fromSlug ? 'another slug' : 'a slug field'} of a few words, e.g. slug: ${id}-notes.`,
		);
	}
	if (id) return id;
	const what = fromSlug ? `${source.movedKeys?.slug ?? 'slug'} ${JSON.stringify(data.slug)}` : 'the file name';
	throw postError(
		context,
		fromSlug ? lineOfKey(source, 'slug') : undefined,
		`${what} has no letters or digits to make a URL from.`,
		'Add a slug field with a few words, e.g. slug: my-first-post',
	);
}

/** An error about one post, located at `file:line` when the line is known. */
function postError(context: Pick<PostFileContext, 'displayPath' | 'entryFile'>, line: number | undefined, message: string, hint?: string) {
	return userError(`${postLocation(context, line)}: ${message}`, hint, { file: context.entryFile, line });
}

/**
 * The line of `key` whose value the post's data holds: of a key written on several lines, or in several cases
 * (`Password:` then `password:`), the one the repair read, and not the first line that spells it so.
 */
function lineOfReadKey(source: ParsedSource, key: string): number | undefined {
	return source.repairs.findLast((repair) => repair.key === key && repair.readLine !== undefined)?.readLine ?? lineOfKey(source, key);
}

/** `src/content/posts/x.md:4`, or the path alone when the line is not known, as messages begin. */
export function postLocation(context: Pick<PostFileContext, 'displayPath'>, line: number | undefined): string {
	return line ? `${context.displayPath}:${line}` : context.displayPath;
}
