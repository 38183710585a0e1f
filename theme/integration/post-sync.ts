import { existsSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { fromHtml } from 'hast-util-from-html';
import { textOf, type HastNode } from '../markdown/hast.ts';
import { DATE_KEYS } from '../schema.ts';
import { dateTimeZone, parseFrontMatterDate } from '../utils/dates.ts';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { countWords } from '../utils/reading-time.ts';
import { writtenDirection } from '../utils/direction.ts';
import { balanceHtml, bogusCommentsOverTags, closeEndlessElements, closeSelfClosedElements, endlessBogusComment, opensEndlessComment, pagePartsLeftOut, scrollableTables, withoutComments } from '../utils/balanced-html.ts';
import { readableImagePlaceholders } from '../utils/image-placeholders.ts';
import { summaryOf } from '../utils/summary.ts';
import { listHtmlHeadings, nameUnnamedHeading, readHeadingTexts, separateFootnoteIds, separateRepeatedHeadingIds } from '../utils/heading-ids.ts';
import { withoutUnlistedHeadings } from '../utils/unlisted-headings.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { decodePostFile } from '../utils/text-encoding.ts';
import { isInside } from '../utils/file-paths.ts';
import { BodyCache, type RenderedBody } from './body-cache.ts';
import { postKey, renderSalt } from './cache-key.ts';
import { userError, type ErrorLocation } from './errors.ts';
import { quoteAsWritten } from '../utils/describe.ts';
import { explainSchemaError, warnUnknownKeys } from './post-errors.ts';
import { fileBesidePost } from './post-body.ts';
import { heldBackReason, publicationDate, type HeldBack } from './post-dialects.ts';
import { labelledTaskItems } from '../utils/task-lists.ts';
import { markAddressLinks, urlsInLinksAsText } from '../utils/link-text.ts';
import { excerptSeparator, fileLineOfBody, postLocation, preparePostFile, type PostFile, type PostFileContext } from './post-file.ts';
import type { SiteState } from './registry.ts';
import { readPostAddress, shortcodeContext } from './shortcode-context.ts';
import { permalinkDate, permalinkKey, postRouteParams } from '../utils/routes.ts';
import { referencesKey, type PostReference, type ShortcodeContext } from '../markdown/shortcodes.ts';
import { measureRemoteImages, noteUnoptimisedImages } from './remote-images.ts';
import { readDocusaurusLists, type DocusaurusLists } from './docusaurus-lists.ts';
import { readHugoCascades, type HugoCascades } from './hugo-cascade.ts';
import { listAttachments } from './attachments.ts';
import { findDatedTwins, type DatedTwin } from './dated-twins.ts';
import { brokenPublicImages, imageSizesKey, publicImagePaths, publicImageSizes, withFileImageSizes, withoutMdxComments } from './public-images.ts';
import { checkBodySvgs } from './body-svgs.ts';
import { checkBodyImageFiles, checkBodyImages, imageBesidePost, importedImageFiles, missingImagesError } from './body-images.ts';
import { mdxImagePaths } from './mdx-images.ts';
import { fileUrlsOf } from '../markdown/file-urls.ts';
import { mdxSummaryOf } from './mdx-summary.ts';
import { withoutCode } from '../markdown/fences.ts';
import { formulaLinesWhere } from '../markdown/math-delimiters.ts';
import { parseFrontMatter } from '../utils/front-matter.ts';
import { endlessCommentLine } from './body-comments.ts';
import { describePageParts } from './page-parts.ts';
import { publicPathOf, withImageSizes, type ImageSize } from '../markdown/image-sizes.ts';
import { BodyRenderer } from './markdown-workers.ts';
import { PostWarnings } from './post-warnings.ts';
import { markdownSyntaxOf, smartPunctuationOf, type MarkdownSyntax } from './markdown.ts';
import { MAX_RUNS, smartPunctuationWritten, type SmartPunctuation } from '../markdown/smart-dashes.ts';
import { textRunsBroken, withoutTextBreaks } from '../markdown/text-runs.ts';

type Store = LoaderContext['store'];
type StoredEntry = NonNullable<ReturnType<Store['get']>>;

// KaTeX's MathML for a command it does not know: the command's name, in its error colour (markdown/math.ts).
const UNKNOWN_TEX_HINT = '<mstyle mathcolor="#cc0000"><mtext>\\';
const UNKNOWN_TEX_COMMAND = /<mstyle mathcolor="#cc0000"><mtext>(\\[^<\s]{1,60})<\/mtext><\/mstyle>/g;
// The commands KaTeX knows but runs only when trusted: links, which markdown/math.ts trusts to a web, mail or
// relative address only, and images and HTML attributes, which it never trusts.
const UNTRUSTED_TEX = new Set(['\\href', '\\url', '\\includegraphics', '\\htmlClass', '\\htmlId', '\\htmlStyle', '\\htmlData']);
const LINK_TEX = new Set(['\\href', '\\url']);

/**
 * Keeps the content store in step with the posts folder, one file at a time: the full sync of a build
 * calls `sync` for every file, `astro dev` calls `sync` and `forget` as files change. It also knows
 * which file owns which slug, so that two files never share one: the second is refused with the same
 * error in a build and in dev, where the first is kept.
 */
export class PostSync {
	readonly #context: LoaderContext;
	readonly #site: SiteState;
	readonly #root: string;
	readonly #salt: string;
	readonly #lists: DocusaurusLists | undefined;
	readonly #cascades: HugoCascades | undefined;
	/** The images of the posts folder, for Obsidian's embeds: listed once per full sync, again for each change in dev. */
	#attachments: string[] | undefined;
	#fullSyncDone = false;
	readonly #cache: BodyCache;
	readonly #shortcodes: ShortcodeContext;
	readonly #renderer: BodyRenderer;
	readonly #warnings: PostWarnings;
	readonly #punctuation: SmartPunctuation;
	/** Whether entries keep their body as written (`entry.body`): postsLoader()'s retainBody option. */
	readonly #retainBody: boolean;
	readonly #satteri: boolean;
	// What an MDX post's summary is read with: the syntax @astrojs/mdx compiles it with.
	readonly #syntax: MarkdownSyntax;
	/**
	 * Bodies go in the data store, as glob() keeps them, rather than in the cache: under `astro dev`, whose
	 * store is small and whose module runner cannot import the cache's body modules, and when pages may
	 * render on demand on a server, away from the build's cache.
	 */
	readonly #bodiesInStore: boolean;
	/** Slug → the file that has it, and back. */
	readonly #owners = new Map<string, string>();
	readonly #ids = new Map<string, string>();
	/** File → its post's address, as permalinkKey() writes it. */
	readonly #addresses = new Map<string, string>();
	/** File → why it is left out of this production build and its date, for the build's summary. */
	readonly heldBack = new Map<string, { reason: HeldBack; date: Date | undefined }>();
	/** Slug → files refused because another file has it: one of them takes the slug when its owner goes. */
	readonly #refused = new Map<string, Set<string>>();
	/** The post files of the folder, by display path, and those of `_posts/` that keep their date in their address (dated-twins.ts). */
	readonly #postFiles = new Map<string, string>();
	#twins = new Map<string, DatedTwin>();
	/** Counts the changes to the post files under `astro dev`: what links read of every post is read again after one. */
	#postFilesVersion = 0;
	readonly #postsDir: string;
	/**
	 * Under `astro dev`, post file → what its body takes from other files: the posts its references name, and
	 * the images in public/ it names and the files beside it that it links to or shows (absolute). See dependents().
	 */
	readonly #dependencies = new Map<string, { references: readonly PostReference[]; files: ReadonlySet<string> }>();
	/**
	 * Under `astro dev`, post file → the images beside it that its body shows (absolute), as its last sync checked
	 * them, whether the check passed or not: one replaced or deleted is checked again (dependents()).
	 */
	readonly #bodyImages = new Map<string, Set<string>>();
	/**
	 * Under `astro dev`, post file → the image files its stored entry shows (absolute): those Astro imports with the
	 * entry (its featured images, a Markdown body's images) and those an MDX body's module imports. One that is
	 * deleted takes the entry out of the store (#withdrawIfImageGone()).
	 */
	readonly #storedImages = new Map<string, readonly string[]>();
	/**
	 * Under `astro dev`, a file that a post needs and which is missing (an image) → the posts refused for it, read
	 * again when it appears (dependents()), whether they were refused by the sync that starts the server or later.
	 */
	readonly #waiting = new Map<string, Set<string>>();

	/** `postsDir`: the folder posts are read from, where references look for the posts they name. */
	constructor(context: LoaderContext, site: SiteState, postsDir: string, options: { retainBody: boolean } = { retainBody: true }) {
		this.#retainBody = options.retainBody;
		site.fullSyncs += 1;
		this.#context = context;
		this.#site = site;
		this.#root = fileURLToPath(context.config.root);
		// Docusaurus's authors.yml and tags.yml name what posts name by key: every post's entry depends on them.
		this.#lists = readDocusaurusLists(postsDir, this.#root);
		// So do the draft and build options that Hugo's section files (_index.md) cascade to the posts under them.
		this.#cascades = readHugoCascades(postsDir, this.#root);
		for (const file of this.#cascades?.targeted ?? []) {
			context.logger.warn(
				`${file}: its cascade names the pages it applies to (_target), which Carnet cannot tell apart, so its draft and build options are not given to any post. ` +
					'Write draft: true (or the build options) in the front matter of each post it should hold back.',
			);
		}
		this.#salt =
			renderSalt(context.config, site.config, context.watcher !== undefined) + (this.#lists ? `:lists-${this.#lists.digest}` : '') + (this.#cascades ? `:cascade-${this.#cascades.digest}` : '');
		this.#cache = new BodyCache(context.config.cacheDir);
		this.#shortcodes = shortcodeContext(context.config, site.config, postsDir, {
			showDrafts: context.watcher !== undefined,
			datedTwin: (displayPath) => this.#twins.get(displayPath),
			cascades: this.#cascades,
			version: () => this.#postFilesVersion,
		});
		this.#bodiesInStore = context.watcher !== undefined || context.config.output === 'server' || context.config.adapter !== undefined;
		this.#renderer = new BodyRenderer(context, site.bodyPlugins);
		this.#warnings = new PostWarnings((message) => context.logger.warn(message));
		this.#punctuation = smartPunctuationOf(context.config.markdown);
		this.#satteri = context.config.markdown.processor.name === 'satteri';
		this.#syntax = markdownSyntaxOf(context.config.markdown);
		this.#postsDir = postsDir;
	}

	/** The root-relative path of `file`, as messages and store entries show it. */
	displayPath(file: string): string {
		return path.relative(this.#root, file).split(path.sep).join('/');
	}

	/** The post files of the folder, before a full sync reads any: which of them keep their date in their address depends on the others. */
	setPostFiles(files: readonly string[]): void {
		this.#postFiles.clear();
		for (const file of files) this.#postFiles.set(this.displayPath(file), file);
		this.#twins = this.#findTwins();
	}

	/**
	 * Under `astro dev`, before `file`, added or changed, is read: counts it among the post files, and returns
	 * the others whose address moves with it (its name, or its front matter naming its slug or holding it back):
	 * those giving up the address without their date, to be read again `before` it, and those taking that
	 * address, `after` it, so that an address is given up before it is taken.
	 */
	changed(file: string): { before: string[]; after: string[] } {
		this.#postFiles.set(this.displayPath(file), file);
		this.#postFilesVersion += 1;
		const { before, after } = this.#retwin();
		return { before: before.filter((moved) => moved !== file), after: after.filter((moved) => moved !== file) };
	}

	#findTwins(): Map<string, DatedTwin> {
		return findDatedTwins(this.#postFiles.keys(), this.#site.config.locale, {
			ownsAddress: (displayPath) => namesOwnSlug(this.#postFiles.get(displayPath)),
			heldBack: (displayPath) => this.#heldBackFromBuilds(displayPath),
			addressDate: (displayPath) => this.#addressDate(displayPath),
		});
	}

	/** The part of the address of the post of `displayPath` that its date makes under `permalinks` (`2024/03`), empty without one: asked of a name that has a twin only. */
	#addressDate(displayPath: string): string {
		const file = this.#postFiles.get(displayPath);
		if (file === undefined) return '';
		const { date } = readPostAddress(file, this.#root, this.#site.config, this.#postsDir, { cascades: this.#cascades });
		return date === undefined ? '' : permalinkDate(this.#site.config.permalinks, date, this.#site.config.timeZone);
	}

	/**
	 * Whether production builds leave out the post of `displayPath` (a draft, a post not yet due or expired), as
	 * preparePostFile() reads it, judged in `astro dev` too: asked of a name that has a twin only.
	 */
	#heldBackFromBuilds(displayPath: string): boolean {
		const file = this.#postFiles.get(displayPath);
		if (file === undefined) return false;
		const { data } = readPostAddress(file, this.#root, this.#site.config, this.#postsDir, { cascades: this.#cascades });
		return heldBackReason(data, { now: Date.now(), future: this.#site.config.future ?? false }) !== undefined;
	}

	/** The post files whose address moved with the list of files or a file's front matter, after either changed: see changed(). */
	#retwin(): { before: string[]; after: string[] } {
		const previous = this.#twins;
		this.#twins = this.#findTwins();
		const same = (a: DatedTwin | undefined, b: DatedTwin | undefined) => a?.holder === b?.holder && a?.heldBack === b?.heldBack && a?.apart === b?.apart;
		const moved = [...new Set([...previous.keys(), ...this.#twins.keys()])].filter((displayPath) => !same(previous.get(displayPath), this.#twins.get(displayPath)));
		// A file renamed is added before the old name is removed: the old name is not read again.
		const files = (displayPaths: string[]) =>
			displayPaths.flatMap((displayPath) => {
				const file = this.#postFiles.get(displayPath);
				return file === undefined || !existsSync(file) ? [] : [file];
			});
		return { before: files(moved.filter((displayPath) => this.#twins.has(displayPath))), after: files(moved.filter((displayPath) => !this.#twins.has(displayPath))) };
	}

	/** The digest of the stored entry of `file` (everything its entry depends on), or undefined if it has none. */
	storedDigest(file: string): string | number | undefined {
		const id = this.#ids.get(file);
		return id === undefined ? undefined : this.#context.store.get(id)?.digest;
	}

	/**
	 * Reads `file` into the store, re-rendering it only if it changed; returns its slug. Under `astro dev`, a post
	 * that cannot be read keeps its last good version, unless that one shows an image that is gone (see #withdrawIfImageGone()).
	 */
	async sync(file: string): Promise<string | undefined> {
		this.#stopWaiting(file);
		try {
			return await this.#read(file);
		} catch (error) {
			if (this.#context.watcher) {
				this.#waitFor(file, error);
				this.#withdrawIfImageGone(file);
			}
			throw error;
		}
	}

	#stopWaiting(file: string): void {
		for (const [missing, posts] of this.#waiting) if (posts.delete(file) && posts.size === 0) this.#waiting.delete(missing);
	}

	/** Notes that the post of `file` waits for the file whose absence refused it, if `error` names one. */
	#waitFor(file: string, error: unknown): void {
		const missing = (error as { missingFile?: unknown }).missingFile;
		// A remote image that could not be downloaded (its URL) is no file to wait for: the post is read again when edited.
		if (typeof missing !== 'string' || !path.isAbsolute(missing)) return;
		let posts = this.#waiting.get(missing);
		if (!posts) this.#waiting.set(missing, (posts = new Set()));
		posts.add(file);
	}

	/**
	 * Takes the stored entry of `file` out of the store if an image it shows is gone, until the post is read again
	 * without error: Astro imports the images of every entry through one module (.astro/content-assets.mjs), which
	 * every page that reads the collection imports, so a single file missing would answer every page of `astro dev`
	 * with Astro's ImageNotFound, which names neither the post nor the field (and an MDX body's image, which its own
	 * module imports, its page and the feeds). The post's page, its place in the lists and its feed items go with
	 * it; the watcher reads it again when the image is back or the post is edited.
	 */
	#withdrawIfImageGone(file: string): void {
		const id = this.#ids.get(file);
		const displayPath = this.displayPath(file);
		const gone = (this.#storedImages.get(file) ?? []).filter((image) => !existsSync(image));
		if (id === undefined || gone.length === 0) return;
		this.#storedImages.delete(file);
		if (this.#context.store.get(id)?.filePath === displayPath) this.#context.store.delete(id);
		this.#site.bodies.delete(displayPath);
		this.#dropSitemapFacts(file);
		const named = gone.map((image) => this.displayPath(image)).join(', ');
		this.#context.logger.warn(
			`${displayPath}: ${named}, which its last good version shows, ${gone.length > 1 ? 'are' : 'is'} gone: the post is left out of the site (its page, the lists and the feeds), ` +
				'which would otherwise fail to render, until the image is back or the post names another.',
		);
	}

	/** sync(), but for what a failure leaves in the store. */
	async #read(file: string): Promise<string | undefined> {
		if (this.#fullSyncDone) this.#attachments = undefined;
		this.#bodyImages.delete(file);
		const displayPath = this.displayPath(file);
		// Read synchronously, as the body cache reads its files: a small file already in the page cache reads
		// in a third of the CPU time without a trip through libuv's thread pool (10,000 files: 0.3 s against 1.0 s).
		const contents = readPostText(readFileSync(file), file, displayPath);
		if (isFolderNotes(file, contents)) {
			this.#context.logger.info(`${displayPath} has no front matter: it is read as the folder's notes (a README, as Jekyll's _posts/ folders often have), not as a post.`);
			return undefined;
		}
		const fileContext = this.#fileContext(file, displayPath);
		// Told once the post is read, folded: a post may repeat one construct thousands of times (post-warnings.ts).
		this.#warnings.begin(displayPath);
		try {
			// A post's missing featured image is told with its body's missing images (checkBodyImages()): one build names them all.
			const post = await preparePostFile(contents, { ...fileContext, gatherMissingImages: true });
			try {
				return await this.#syncPrepared(post, { file, displayPath, contents }, fileContext);
			} catch (error) {
				// Another error of the post (its schema, an SVG its body shows) is told once its missing featured image, found first, is there.
				const missingFirst = (error as { missingFile?: unknown }).missingFile === undefined ? missingImagesError(post.missingImages ?? []) : undefined;
				throw missingFirst ?? error;
			}
		} finally {
			this.#warnings.end(displayPath);
		}
	}

	/** Stores the prepared `post` of `file`, re-rendering it only if it changed; returns its slug. */
	async #syncPrepared(post: PostFile, { file, displayPath, contents }: { file: string; displayPath: string; contents: string }, fileContext: PostFileContext): Promise<string> {
		if (!post.hidden) await checkBodySvgs(post.body, contents, fileContext);
		if (post.heldBack) this.heldBack.set(displayPath, { reason: post.heldBack, date: publicationDate(post.data) });
		else this.heldBack.delete(displayPath);
		const owned = this.#owners.get(post.id) === file;
		this.#claim(post.id, file);
		let data: Record<string, unknown>;
		// The images a Markdown body names in public/, found once: their sizes are part of its HTML
		// (markdown/image-sizes.ts), and those that are missing are told.
		const imagePaths = isMdx(file) || post.hidden ? undefined : publicImagePaths(post.body, fileContext.base);
		const publicSizes = imagePaths ? await publicImageSizes(post.body, fileContext.publicDir, fileContext.base, imagePaths) : new Map<string, ImageSize>();
		const imageSizes = imagePaths ? await withFileImageSizes(publicSizes, post.fileSources, fileContext.base) : publicSizes;
		if (!post.hidden) {
			// An MDX post's images in public/ are not measured (MDX renders them as written), but one that is missing is as broken.
			const checked = isMdx(file) ? { ...post, body: withoutMdxComments(post.body) } : post;
			for (const { line, image, address } of fileUrlsOf(checked.body)) {
				fileContext.warn(
					`${postLocation(fileContext, fileLineOfBody(post, line))}: the ${image ? 'image' : 'link'} ${JSON.stringify(address)} is a file: address, which names a file on the computer the post was written on: no reader's browser opens it from a web page. ` +
						'Put the file in public/ and write its path from the root (e.g. /files/notes.pdf), or beside the post and write its path from the post (./notes.pdf).',
				);
			}
			// A file beside the post that its body shows is published at its address, which public/ does not have.
			const besidePost = new Set(post.fileAddresses.map((address) => publicPathOf(address, fileContext.base)));
			for (const { line, address, publicPath, problem } of brokenPublicImages(checked, fileContext.publicDir, fileContext.base, imageSizes, imagePaths)) {
				if (besidePost.has(publicPath)) continue;
				const shown = path.relative(this.#root, path.join(fileContext.publicDir, publicPath)).split(path.sep).join('/');
				if (problem) {
					fileContext.warn(`${postLocation(fileContext, line)}: the image ${JSON.stringify(address)} (${shown}) ${problem.problem}. ${problem.fix}`);
					continue;
				}
				// A Hugo page bundle names its own files by its published folder (`/blog/2021/x/chart.svg`), which
				// is not the post's address here: the file beside the post is the one meant, but the path does
				// not say so, and the build cannot tell whether another post's folder was meant.
				const name = path.posix.basename(publicPath);
				const beside = name !== '' && existsSync(path.join(path.dirname(file), name));
				fileContext.warn(
					`${postLocation(fileContext, line)}: the image ${JSON.stringify(address)} shows nothing: public/ has no such file (looked for ${shown}).` +
						(beside ? ` A file of that name is beside the post: write ./${name}.` : ' Put the image there, or fix its path.'),
				);
			}
		}
		// Whether a post is held back changes with the clock, not with its file: the key says which it was.
		// So are the addresses of the posts its ref, relref and post_url shortcodes name (markdown/shortcodes.ts).
		// So is a featured image found beside a page bundle's index file rather than named in it, and a
		// coverImage found in the post's images/ folder rather than beside it, and whether the images its
		// Obsidian embeds name are beside it.
		// The file's path too: a post moved to another file, unchanged, imports its images and its body from there.
		const key =
			postKey(this.#salt, `${displayPath}\n${contents}`) +
			(post.heldBack ? `:${post.heldBack}` : '') +
			imageSizesKey(imageSizes) +
			referencesKey(post.references) +
			(post.bundleImage ? `:feature-${post.bundleImage}` : '') +
			(post.coverInImages ? `:cover-${post.coverInImages}` : '') +
			(post.filesLookedUp ? `:embeds-${digest(stableStringify(post.filesLookedUp))}` : '') +
			// Its address, which the links to files beside it start with, depends on the names of other files.
			(fileContext.datedTwin === undefined ? '' : fileContext.datedTwin.apart ? ':dated-twin-apart' : ':dated-twin');
		noteUnoptimisedImages(post, fileContext, this.#context.config.image);
		try {
			data = await this.#load(post, { file, displayPath, key, imageSizes }, fileContext);
		} catch (error) {
			// A post that never made it into the store must not keep its slug from another file.
			if (!owned) this.#owners.delete(post.id);
			throw error;
		}
		if (this.#context.watcher) {
			const stored = this.#context.store.get(post.id)?.assetImports ?? [];
			const mdxImages = isMdx(file) ? mdxImagePaths(post.body).flatMap((reference) => imageBesidePost(reference, file) ?? []) : [];
			this.#storedImages.set(file, [...importedImageFiles(stored, file), ...mdxImages]);
			// The files beside the post whose sizes its raw <img> elements show too.
			const images = [...(imagePaths ?? [])].map((publicPath) => path.join(fileContext.publicDir, publicPath)).concat(imagePaths ? [...post.fileSources.values()] : []);
			this.#dependencies.set(file, { references: post.references, files: new Set([...images, ...filesBeside(file, post.filesLookedUp)]) });
		}
		const previousId = this.#ids.get(file);
		this.#ids.set(file, post.id);
		if (previousId !== undefined && previousId !== post.id) await this.#release(previousId, file);
		warnUnknownKeys(data, post.source, fileContext);
		this.#setSitemapFacts(file, data, post);
		return post.id;
	}

	/** Refuses a body whose images beside the post are missing (each named) or not images Astro can optimise. */
	async #checkBodyImages(imagePaths: readonly string[], post: PostFile, { displayPath, file }: { displayPath: string; file: string }): Promise<void> {
		const context = { displayPath, entryFile: file, root: this.#root };
		if (this.#context.watcher) {
			const shown = this.#bodyImages.get(file) ?? new Set<string>();
			for (const image of imagePaths.map((reference) => imageBesidePost(reference, file))) if (image !== undefined) shown.add(image);
			this.#bodyImages.set(file, shown);
		}
		checkBodyImages(imagePaths, post, { ...context, aliases: viteAliases(this.#context.config) });
		await checkBodyImageFiles(imagePaths, post, context);
	}

	/**
	 * Registers a stored entry's module and image imports in the lists Astro writes after the sync, as setting
	 * it again would; false if this Astro's store cannot, and the entry must be set again.
	 */
	#registerImports(entry: StoredEntry): boolean {
		// The store Astro gives loaders has addAssetImports() too, which its glob() calls, but its type does not say so.
		const store = this.#context.store as Store & { addAssetImports?: (assets: string[], filePath?: string) => void };
		if (entry.filePath === undefined) return false;
		if (entry.assetImports?.length) {
			if (typeof store.addAssetImports !== 'function') return false;
			store.addAssetImports(entry.assetImports, entry.filePath);
		}
		if (entry.deferredRender) store.addModuleImport(entry.filePath);
		return true;
	}

	/** The entry's data: the stored one if the file and everything else are unchanged, else parsed and stored anew. */
	async #load(
		post: PostFile,
		entry: { file: string; displayPath: string; key: string; imageSizes: ReadonlyMap<string, ImageSize> },
		fileContext: PostFileContext,
	): Promise<Record<string, unknown>> {
		const { store } = this.#context;
		const existing = store.get(post.id);
		if (!post.hidden && existing?.digest === entry.key && existing.filePath === entry.displayPath && (await this.#bodyKept(existing, entry.key))) {
			// An image beside the post that the body shows may have gone since the body was rendered: the error
			// of a fresh render, rather than Astro's ImageNotFound, which names neither the post nor the line.
			await this.#checkBodyImages(isMdx(entry.file) ? mdxImagePaths(post.body) : (existing.rendered?.metadata?.imagePaths ?? []), post, entry);
			// Astro rewrites its lists of module and image imports (in .astro/, which astro dev shares with
			// builds and fills differently) only when an entry adds to them: the entry's imports are registered
			// again, as Astro's glob() does for a file it has not seen change. The entry itself stays as it was
			// stored, so that a sync that changes nothing does not write the whole store again.
			if (existing.body === (this.#retainBody ? post.writtenBody : undefined) && this.#registerImports(existing)) return existing.data;
			store.delete(post.id);
			const { body: _body, ...kept } = existing;
			store.set(this.#retainBody ? { ...kept, body: post.writtenBody } : kept);
			return existing.data;
		}
		await measureRemoteImages(post, fileContext, this.#context.config.image);
		// A Markdown body's images are checked as it renders; an MDX body's, which its compiled module imports,
		// before it is stored. Either way with the featured images that are missing or cannot be downloaded.
		if (!post.hidden && isMdx(entry.file)) await this.#checkBodyImages(mdxImagePaths(post.body), post, entry);
		// The words are counted by #store, with the body's rendering, which may happen on a worker thread.
		const parsed = await this.#parseData(post, fileContext);
		// `slug` is always there, the post's own when it has none (the one in its address): Astro logs an error when a page reads an
		// entry's data.slug that is absent (the deprecated entry.slug of its legacy collections).
		// A post without `lang` is read in the direction of most of its letters (utils/direction.ts).
		const direction = parsed.lang ? undefined : writtenDirection(typeof parsed.title === 'string' ? parsed.title : '', post.body);
		const data: Record<string, unknown> = { ...parsed, slug: parsed.slug ?? post.source.addressSlug ?? post.id, wordCount: undefined, direction, bodyFiles: post.files.length > 0 ? post.files : undefined, untitled: post.untitled, imageInBody: post.imageInBody, derivedAliases: post.source.derivedAliases, addressSlug: post.source.addressSlug };
		await this.#store(post, { ...entry, data });
		return data;
	}

	/**
	 * Removes the post of `file`, which was deleted; returns the files to read again: one refused for its slug
	 * may take it, and one named as it but for its date may take the address without the date.
	 */
	async forget(file: string): Promise<string[]> {
		for (const files of this.#refused.values()) files.delete(file);
		this.#dependencies.delete(file);
		this.#bodyImages.delete(file);
		this.#storedImages.delete(file);
		this.#stopWaiting(file);
		const id = this.#ids.get(file);
		this.#ids.delete(file);
		const waiting = id === undefined ? [] : await this.#release(id, file);
		this.#postFiles.delete(this.displayPath(file));
		this.#postFilesVersion += 1;
		const { before, after } = this.#retwin();
		return [...new Set([...waiting, ...before, ...after])];
	}

	/**
	 * Under `astro dev`: the posts whose bodies took something from `file`, which was added, changed or
	 * removed, to be synced again. Their key covers the addresses their references gave, the sizes of their
	 * images and which files beside them exist, as in a build, so a post is rendered again only if what it took has changed. So
	 * are the posts whose stored version shows `file`, an image, and those refused because it was missing. A post
	 * file added or removed may change which file any reference names; a post file changed, the address
	 * of the references that name it.
	 */
	dependents(file: string, event: 'add' | 'change' | 'unlink'): string[] {
		const named = path.relative(this.#postsDir, file).split(path.sep).join('/');
		// What a reference names is a file of the posts folder: one added or removed elsewhere (Astro's .astro/ files,
		// written as the server starts) changes none.
		const inPosts = !named.startsWith('../') && !path.isAbsolute(named);
		const found = new Set<string>();
		for (const [post, { references, files }] of this.#dependencies) {
			if (post === file) continue;
			const linked = event === 'change' ? references.some((reference) => reference.file === named) : inPosts && references.length > 0;
			if (linked || files.has(file)) found.add(post);
		}
		// A body's image beside the post may be replaced by a file Astro cannot optimise, which the post's key does not cover.
		for (const [post, images] of this.#bodyImages) if (images.has(file)) found.add(post);
		// An image that a stored entry shows (its featured image too) may be deleted, which would stop every page (#withdrawIfImageGone()).
		for (const [post, images] of this.#storedImages) if (images.includes(file)) found.add(post);
		if (event !== 'unlink') for (const post of this.#waiting.get(file) ?? []) found.add(post);
		return [...found];
	}

	/**
	 * Stops the threads that rendered the bodies of a full sync (integration/markdown-workers.ts), and tells the
	 * warnings it held back or sums them up (post-warnings.ts): those about posts read later are told as they come.
	 */
	async finishRendering(): Promise<void> {
		this.#warnings.endFullSync();
		await this.#renderer.close();
	}

	/**
	 * After a full sync: drops the entries and bodies of posts whose file is gone. Every postsLoader() collection
	 * of the site syncs at once into one body cache: a collection drops only the bodies of its own folder, and
	 * the last to finish deletes the files none of them kept.
	 */
	async removeOthers(): Promise<void> {
		this.#fullSyncDone = true;
		this.#warnings.endFullSync();
		this.#site.fullSyncs -= 1;
		const { store } = this.#context;
		for (const id of store.keys()) if (!this.#owners.has(id)) store.delete(id);
		for (const filePath of this.#site.bodies.keys()) {
			const file = path.join(this.#root, filePath);
			if (isInside(file, this.#postsDir) && !this.#ids.has(file)) this.#site.bodies.delete(filePath);
		}
		// The cache is a build's: astro dev, which keeps bodies in its own store, leaves it for the next build.
		if (!this.#bodiesInStore && this.#site.fullSyncs === 0) await this.#cache.keepOnly(this.#site.bodies.keys());
	}

	/** Makes `file` the owner of slug `id`, unless another file that still exists has it. */
	#claim(id: string, file: string): void {
		const owner = this.#owners.get(id);
		if (owner !== undefined && owner !== file && existsSync(owner)) {
			let refused = this.#refused.get(id);
			if (!refused) this.#refused.set(id, (refused = new Set()));
			refused.add(file);
			// Sorted: which file the loader met first depends on the file system.
			const [first = '', second = ''] = [this.displayPath(owner), this.displayPath(file)].sort();
			const lookalike = first.normalize('NFC') === second.normalize('NFC');
			throw userError(
				`Two posts have the slug "${id}": ${first} and ${second}.${lookalike ? ` ${samePathsInTwoForms(first)}` : ''}`,
				lookalike ? 'Compare the two files, keep one and delete the other.' : 'Rename one of the files, or give one of them a different slug field.',
				{ file, line: slugLine(file) },
			);
		}
		this.#owners.set(id, file);
		this.#refused.get(id)?.delete(file);
	}

	/** What the sitemap tells of the post of `file` (companions.ts), by its address: two posts may share a slug under dated permalinks (dated-twins.ts). */
	#setSitemapFacts(file: string, data: Record<string, unknown>, post: PostFile): void {
		this.#dropSitemapFacts(file);
		if (!(data.date instanceof Date)) return;
		const { permalinks, timeZone } = this.#site.config;
		const address = permalinkKey(permalinks, postRouteParams({ id: post.id, date: data.date, slug: post.source.addressSlug }, timeZone));
		this.#addresses.set(file, address);
		const lastModified = data.updated ?? data.date;
		if (lastModified instanceof Date) this.#site.lastModified.set(address, lastModified);
		if (typeof data.canonicalURL === 'string') this.#site.canonicalURLs.set(address, data.canonicalURL);
	}

	#dropSitemapFacts(file: string): void {
		const address = this.#addresses.get(file);
		if (address === undefined) return;
		this.#addresses.delete(file);
		this.#site.lastModified.delete(address);
		this.#site.canonicalURLs.delete(address);
	}

	/** Gives up slug `id`, held by `file`; returns the refused files that may now take it. */
	async #release(id: string, file: string): Promise<string[]> {
		if (this.#owners.get(id) !== file) return [];
		this.#owners.delete(id);
		const displayPath = this.displayPath(file);
		// A file moved elsewhere under the same slug may already have replaced the entry.
		if (this.#context.store.get(id)?.filePath === displayPath) this.#context.store.delete(id);
		this.#dropSitemapFacts(file);
		this.#site.bodies.delete(displayPath);
		if (!this.#bodiesInStore) await this.#cache.remove(displayPath);
		const waiting = [...(this.#refused.get(id) ?? [])];
		this.#refused.delete(id);
		return waiting;
	}

	#fileContext(file: string, displayPath: string): PostFileContext {
		const { config } = this.#context;
		return {
			displayPath,
			entryFile: file,
			publicDir: fileURLToPath(config.publicDir),
			root: this.#root,
			base: config.base,
			config: this.#site.config,
			showDrafts: this.#context.watcher !== undefined,
			warn: (message) => this.#warnings.warn(displayPath, message),
			shortcodes: this.#shortcodes,
			lists: this.#lists,
			cascades: this.#cascades,
			postsDir: this.#postsDir,
			attachments: () => (this.#attachments ??= listAttachments(this.#postsDir)),
			datedTwin: this.#twins.get(displayPath),
		};
	}

	async #parseData(post: PostFile, fileContext: PostFileContext): Promise<Record<string, unknown>> {
		try {
			return await this.#context.parseData({ id: post.id, data: post.data, filePath: fileContext.entryFile });
		} catch (error) {
			throw explainSchemaError(error, post, fileContext);
		}
	}

	// The page shows nothing of the post after a comment that never ends, as browsers do: the author is told.
	#warnEndlessComment(post: PostFile, displayPath: string): void {
		const line = endlessCommentLine(post.body);
		this.#warnings.warn(
			displayPath,
			`${postLocation({ displayPath }, line === undefined ? undefined : fileLineOfBody(post, line))}: an HTML comment (<!--) opens here and nothing closes it, so everything after it, to the end of the post, is hidden from readers and feeds. Close it with --> where it should end.`,
		);
	}

	// A `<?php` or `<!DOCTYPE` with no `>` after it: the author is told, with the line it is on.
	#warnBogusComment(post: PostFile, displayPath: string, opening: string): void {
		const start = /^<[?!/]?[^\s<>]*/.exec(opening)?.[0] ?? '<';
		const [line] = bodyLinesWhere(post, (text) => text.includes(start));
		this.#warnings.warn(
			displayPath,
			`${postLocation({ displayPath }, line)}: ${JSON.stringify(start)} opens something no ">" ends, which browsers would read as a comment running into the page around the post, hiding the rest of it; its "<" is shown as text. ` +
				'Put code in a fenced block (``` before and after it), or end it with ">".',
		);
	}

	// A `<?php` that a tag further on ends, one warning for each different opening, at its first line.
	#warnCommentOverTags(post: PostFile, displayPath: string, openings: string[]): void {
		const starts = new Set(openings.map((opening) => /^<\?[^\s<>]*/.exec(opening)?.[0] ?? '<?'));
		for (const start of starts) {
			const [line] = bodyLinesWhere(post, (text) => text.includes(start));
			this.#warnings.warn(
				displayPath,
				`${postLocation({ displayPath }, line)}: ${JSON.stringify(start)} opens something only the ">" of a tag after it ends, which browsers would read as a comment hiding the text and tags up to that ">"; its "<" is shown as text. ` +
					'Put code in a fenced block (``` before and after it), or between backticks.',
			);
		}
	}

	// Formulas KaTeX could not read, shown in red as their source: one warning, with the first one's reason and line.
	#warnMathErrors(post: PostFile, displayPath: string, html: string): void {
		const errors = [...html.matchAll(/<span class="katex-error"[^>]*>[^<]*<\/span>/g)];
		const [first] = errors;
		if (!first) return;
		// Its reason and TeX as the HTML parser reads them, character references decoded.
		const span = fromHtml(first[0], { fragment: true }).children[0];
		if (span?.type !== 'element') return;
		const reason = String(span.properties.title ?? '');
		// The formula found whole in the body (two may open alike, `\begin{aligned}`), else by its first line.
		const formula = textOf(span as HastNode).trim();
		const source = formula.split('\n')[0]?.slice(0, 40) ?? '';
		// Looked for outside code, where the same TeX may be shown (`\frac{1}{` in a code span).
		const prose = withoutCode(post.body);
		const at = formula === '' ? -1 : prose.indexOf(formula);
		const [line] = at !== -1 ? [fileLineOfBody(post, prose.slice(0, at).split('\n').length)] : source === '' ? [] : bodyLinesWhere(post, (text) => text.includes(source));
		const others = errors.length > 1 ? ` (and ${errors.length - 1} more formula${errors.length > 2 ? 's' : ''})` : '';
		this.#warnings.warn(
			displayPath,
			`${postLocation({ displayPath }, line)}: the formula ${quoteAsWritten(source)}${others} cannot be read, and is shown as its source, in red: ${reason.replace(/^ParseError: /, '')}. Correct its TeX.`,
		);
	}

	// Commands KaTeX does not know (`\badcommand`) leave the rest of the formula readable: KaTeX shows their
	// name in red in its place, and reports nothing.
	#warnUnknownTexCommands(post: PostFile, displayPath: string, html: string): void {
		const found = [...new Set(Array.from(html.matchAll(UNKNOWN_TEX_COMMAND), (match) => match[1] as string))];
		const [untrusted, unknown] = [found.filter((command) => UNTRUSTED_TEX.has(command)), found.filter((command) => !UNTRUSTED_TEX.has(command))];
		// The line of each command's first use in a formula (a MathJax configuration's script may name it first),
		// else in the prose: the first named at its own, the others with theirs.
		const lineOf = (command: string) => {
			const [formula] = formulaLinesWhere(post.body, (tex) => usesCommand(tex, command));
			return formula === undefined ? bodyLinesWhere(post, (text) => usesCommand(text, command))[0] : fileLineOfBody(post, formula + 1);
		};
		// The others after the first, each with its line when it is not the first's: `\b (line 11)`.
		const others = (commands: string[]) => {
			const first = lineOf(commands[0] as string);
			const named = commands.slice(1, 6).map((command) => {
				const line = lineOf(command);
				return line === undefined || line === first ? command : `${command} (line ${line})`;
			});
			return commands.length > 6 ? [...named, '…'] : named;
		};
		const at = (command: string) => postLocation({ displayPath }, lineOf(command));
		if (unknown[0] !== undefined) {
			const nor = others(unknown);
			this.#warnings.warn(
				displayPath,
				`${at(unknown[0])}: KaTeX knows no command ${unknown[0]}${nor.length > 0 ? `, nor ${nor.join(', ')}` : ''}, so the formula shows it in red, as written. Correct its TeX (the commands KaTeX knows: https://katex.org/docs/supported.html), or write it as code if it is meant as text.`,
			);
		}
		if (untrusted[0] !== undefined) {
			const also = others(untrusted);
			const named = also.length === 0 ? untrusted[0] : `${[untrusted[0], ...also.slice(0, -1)].join(', ')} and ${also.at(-1)}`;
			const links = untrusted.every((command) => LINK_TEX.has(command));
			const would = links
				? `whose address is not an http:, https:, mailto: or relative one (javascript: runs script, data: holds a page)`
				: 'which would put an image, HTML attributes or a link to an address that is not http:, https:, mailto: or relative in the page';
			this.#warnings.warn(
				displayPath,
				`${at(untrusted[0])}: a formula uses ${named}, ${would}, so KaTeX shows ${untrusted.length > 1 ? 'them' : 'it'} in red, as written, ${untrusted.length > 1 ? 'their arguments' : 'its argument'} left out. ${links ? 'Link to an http:, https: or mailto: address' : 'Write the image or the link in Markdown, outside the formula'}.`,
			);
		}
	}

	// Elements that nothing ends (utils/balanced-html.ts, endlessElements()): one warning per element name,
	// with the lines where the source has it outside code.
	#warnEndlessElements(post: PostFile, displayPath: string, names: string[]): void {
		for (const name of new Set(names)) {
			const tag = new RegExp(`<${name}(?:[\\s/>]|$)`, 'i');
			const found = bodyLinesWhere(post, (text) => tag.test(text));
			const others = found.slice(1, 6);
			this.#warnings.warn(
				displayPath,
				`${postLocation({ displayPath }, found[0])}: <${name}> opens an element that nothing ends${others.length > 0 ? ` (so do lines ${others.join(', ')}${found.length > 6 ? '…' : ''})` : ''}, so browsers would take the rest of the post, and the page around it, into it, hiding it or showing it as text; its "<" is shown as text. ` +
					`To show the tag's name, write it as code (\`<${name}>\`); to use the element, end it with </${name}>.`,
			);
		}
	}

	// Links whose labels the smart-dash guard wrote, past the runs it leaves to Sätteri (markdown/smart-dashes.ts).
	#warnUnlinkedLabels(post: PostFile, displayPath: string, line: number, label: string): void {
		this.#warnings.warn(
			displayPath,
			`${postLocation({ displayPath }, fileLineOfBody(post, line))}: the link [${label}], and each link after it in its paragraph whose label holds -- or ..., is shown as text: ` +
				`the paragraph holds more than ${MAX_RUNS} runs of -- or ... in such labels, and the Markdown processor's time grows with the square of their number. Split the paragraph, or write these labels without -- or ... (in the links and their definitions).`,
		);
	}

	// Parts of a page that a body cannot hold, which the page leaves out (utils/balanced-html.ts), in the order of
	// the post.
	#warnPageParts(post: PostFile, displayPath: string, parts: string[]): void {
		for (const { line, text } of describePageParts(post.body, parts, (line) => fileLineOfBody(post, line))) {
			this.#warnings.warn(displayPath, `${postLocation({ displayPath }, line)}: ${text}`);
		}
	}

	/** Whether the body of an unchanged entry is still where its entry says, intact; registers it if so. */
	async #bodyKept(entry: StoredEntry, key: string): Promise<boolean> {
		if (!entry.deferredRender || isMdx(entry.filePath ?? '')) return true;
		if (this.#bodiesInStore) return false;
		const filePath = entry.filePath as string;
		if (!(await this.#cache.read(filePath, key))) return false;
		this.#site.bodies.set(filePath, this.#cache.fileFor(filePath));
		return true;
	}

	async #store(
		post: PostFile,
		entry: { file: string; displayPath: string; key: string; imageSizes: ReadonlyMap<string, ImageSize>; data: Record<string, unknown> },
	): Promise<void> {
		const { store } = this.#context;
		const { file, displayPath, key, imageSizes, data } = entry;
		// `body` is the file's text, as glob() keeps it (Astro's contract for users' pages: reading times, feeds,
		// excerpts); the HTML comes from `rendered` or the body cache, never from it.
		const base = { id: post.id, data, filePath: displayPath, digest: key, ...(this.#retainBody ? { body: post.writtenBody } : {}) };
		// The old entry goes only once the new one is made: under `astro dev`, a body that cannot be rendered (an
		// image it shows is missing) leaves the post's last good version on its page, as front matter that
		// cannot be read does, while its error is logged.
		const replace = (made: Parameters<Store['set']>[0]) => {
			this.#site.bodies.delete(displayPath);
			// Astro's store.set() keeps an entry whose digest it already has as it is: an entry made anew replaces
			// the old one whole, its file and imports included.
			store.delete(post.id);
			store.set(made);
		};
		if (post.hidden) {
			// A draft, future or expired post in a production build, whose front matter was still checked: left
			// out of the store, as of the site, so that getCollection() returns only posts that have a body and a
			// page (render(entry) works for each), and no body is rendered, so that none of its files is imported.
			this.#site.bodies.delete(displayPath);
			store.delete(post.id);
			return;
		}
		if (isMdx(file)) {
			// MDX is compiled by @astrojs/mdx when a page renders it; its summary is read from its text.
			data.wordCount = countWords(post.body);
			if (data.description === undefined) data.bodySummary = mdxSummaryOf(post.body, excerptSeparator(post.data), this.#syntax);
			replace({ ...base, deferredRender: true });
			return;
		}
		// The post's front matter goes to the site's remark and rehype plugins (file.data.astro.frontmatter) and to
		// render()'s remarkPluginFrontmatter, as for a post of Astro's glob() loader: as data to a worker thread,
		// and to renderMarkdown, which reads it from the start of what it is given, as a YAML block before the
		// body, always there, so that a body that opens with a "---" rule is not read as front matter.
		const frontmatter = frontMatterFields(post.source.data, this.#site.config.timeZone);
		// A paragraph of hundreds of `--` took Sätteri quadratic time: they are written as the dashes it would make.
		const dashed = smartPunctuationWritten(post.body, this.#punctuation, (line, label) => this.#warnUnlinkedLabels(post, displayPath, line, label));
		// So did one of hundreds of quotes or character references: its text is broken into pieces, the breaks
		// taken out of the page below.
		const written = this.#satteri ? textRunsBroken(dashed, { mdx: false }) : dashed;
		const { rendered, wordCount } = await this.#renderer
			.render(file, frontmatter, written, imageSizes, () =>
				withImageSizes(file, imageSizes, () => this.#context.renderMarkdown(`${frontMatterBlock(frontmatter)}${written}`, { fileURL: pathToFileURL(file) })),
			)
			.catch((error: unknown) => {
				throw renderError(error, displayPath, { file, line: post.source.bodyLine });
			});
		if (written !== dashed) rendered.html = withoutTextBreaks(rendered.html);
		try {
			// A `<?php` that nothing ends would hide the rest of the page: its `<` is shown as text instead.
			const bogus = endlessBogusComment(rendered.html);
			if (bogus !== undefined) {
				this.#warnBogusComment(post, displayPath, rendered.html.slice(bogus, bogus + 12));
				rendered.html = `${rendered.html.slice(0, bogus)}&#x3C;${rendered.html.slice(bogus + 1)}`;
			}
			// So would a `<?php` that a tag's `>` further on ends: what it takes in is shown as text too.
			const overTags = bogusCommentsOverTags(rendered.html);
			if (overTags.length > 0) {
				this.#warnCommentOverTags(post, displayPath, overTags.map((at) => rendered.html.slice(at, at + 12)));
				const html = rendered.html;
				rendered.html = overTags.map((at, index) => `${html.slice((overTags[index - 1] ?? -1) + 1, at)}&#x3C;`).join('') + html.slice((overTags.at(-1) as number) + 1);
			}
			// A component written to close itself (`<ResponsivePlayer … />`) would take the rest of the post into it.
			// A <textarea> or <script> that nothing ends would take the rest of the post, and the page, as its text.
			const closed = closeEndlessElements(closeSelfClosedElements(rendered.html));
			if (closed.unended.length > 0) this.#warnEndlessElements(post, displayPath, closed.unended);
			rendered.html = closed.html;
			rendered.html = markAddressLinks(urlsInLinksAsText(rendered.html));
			if (rendered.html.includes('katex-error')) this.#warnMathErrors(post, displayPath, rendered.html);
			if (rendered.html.includes(UNKNOWN_TEX_HINT)) this.#warnUnknownTexCommands(post, displayPath, rendered.html);
			// Raw HTML that leaves an element open would take the page's layout into the post (utils/balanced-html.ts).
			const balanced = balanceHtml(rendered.html);
			if (balanced !== rendered.html && opensEndlessComment(rendered.html)) this.#warnEndlessComment(post, displayPath);
			this.#warnPageParts(post, displayPath, pagePartsLeftOut(rendered.html, balanced));
			const headings = rendered.metadata?.headings ?? [];
			// Headings' ids made unique (the table of contents follows), then what readers reach with the keyboard.
			const named = separateRepeatedHeadingIds(separateFootnoteIds(nameUnnamedHeading(listHtmlHeadings(balanced, headings), headings), headings), headings);
			rendered.html = labelledTaskItems(scrollableTables(named));
			readHeadingTexts(rendered.html, headings);
			withoutUnlistedHeadings(rendered.html, headings);
			if (data.description === undefined) data.bodySummary = summaryOf(rendered.html, excerptSeparator(post.data));
			// The author's comments, the summary's divider among them, are not published (utils/balanced-html.ts).
			rendered.html = readableImagePlaceholders(withoutComments(rendered.html));
		} catch (error) {
			// The HTML parser's own error (a stack overflow) names no post.
			throw parseBackError(error, displayPath, { file, line: post.source.bodyLine });
		}
		data.wordCount = wordCount;
		const imagePaths = rendered.metadata?.imagePaths ?? [];
		await this.#checkBodyImages(imagePaths, post, { displayPath, file });
		if (imagePaths.length > 0 || this.#bodiesInStore) {
			// Astro resolves a body's images when it renders an entry from its store.
			if (!this.#bodiesInStore) await this.#cache.remove(displayPath);
			replace({ ...base, rendered, assetImports: imagePaths });
			return;
		}
		const body: RenderedBody = { html: rendered.html, headings: rendered.metadata?.headings ?? [], frontmatter: rendered.metadata?.frontmatter ?? {} };
		const bodyFile = await this.#cache.write(displayPath, key, body);
		replace({ ...base, deferredRender: true });
		this.#site.bodies.set(displayPath, bodyFile);
	}
}

/**
 * An error of the Markdown processor (Sätteri, the theme's plugins or the site's) as the build reports it:
 * with the post it stopped on, which its own message never names.
 */
function renderError(error: unknown, displayPath: string, location: ErrorLocation): Error {
	const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return userError(
		`${displayPath}:${location.line}: the Markdown processor could not render the body that starts on this line (${reason}).`,
		'Look for what is unusual in it, such as quotes or lists nested hundreds of levels deep, and simplify it. If the body looks ordinary, report it with the file.',
		location,
	);
}

function parseBackError(error: unknown, displayPath: string, location: ErrorLocation): Error {
	const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	const deep = error instanceof RangeError ? ' Its HTML nests elements deeper than the HTML parser can follow (emphasis, quotes or lists nested thousands of levels deep; browsers stop at 512).' : '';
	return userError(
		`${displayPath}:${location.line}: the HTML rendered from the body that starts on this line could not be read back (${reason}).${deep}`,
		'Simplify the body. If it looks ordinary, report it with the file.',
		location,
	);
}

/** Whether `text` names `command`, not as the start of a longer name (`\\interleave` in `\\interleavesym`). */
function usesCommand(text: string, command: string): boolean {
	const word = /[a-zA-Z]$/.test(command);
	for (let at = text.indexOf(command); at !== -1; at = text.indexOf(command, at + 1)) {
		if (!word || !/[a-zA-Z]/.test(text.charAt(at + command.length))) return true;
	}
	return false;
}

/** The file's lines (their numbers) in the post's body, outside fenced code, whose text `test` accepts: where a warning points. */
function bodyLinesWhere(post: PostFile, test: (text: string) => boolean): number[] {
	return withoutCode(post.body)
		.split('\n')
		.flatMap((text, at) => (test(text) ? [fileLineOfBody(post, at + 1)] : []));
}

/** What Astro's front matter parser (@astrojs/internal-helpers/frontmatter) takes as an empty YAML block, and removes. */
const EMPTY_FRONT_MATTER = '---\n\n---\n';

/**
 * The post's front matter as Markdown plugins see it: its fields as the file gave them, its dates as dates
 * (read in the site's `timeZone`), as YAML gives a glob() loader's post its dates.
 */
function frontMatterFields(data: Record<string, unknown>, timeZone: string): Record<string, unknown> {
	const fields = { ...data };
	for (const key of DATE_KEYS) {
		const date = key in fields ? parseFrontMatterDate(fields[key], dateTimeZone(key, data, timeZone)) : undefined;
		if (date) fields[key] = date;
	}
	return fields;
}

/**
 * `fields` as the YAML block Astro's front matter parser reads, for renderMarkdown (the main thread's): the
 * same fields a worker thread is given as data.
 */
export function frontMatterBlock(fields: Record<string, unknown>): string {
	if (Object.keys(fields).length === 0) return EMPTY_FRONT_MATTER;
	const dump = (value: Record<string, unknown>) => yaml.dump(value, { skipInvalid: true, lineWidth: -1, noRefs: true });
	const dumped = dump(fields);
	if (!FENCE_LINE.test(dumped)) return `---\n${dumped}---\n`;
	// Astro's parser ends the block at the first line that starts `---` or `+++`, which a key so written
	// (`"+++": plus`) is, as js-yaml writes it without quotes: such a key is written in quotes.
	const quoted = Object.entries(fields)
		.map(([key, value]) => {
			const entry = dump({ [key]: value });
			return FENCE_LINE.test(key) && entry.startsWith(key) ? `${JSON.stringify(key)}${entry.slice(key.length)}` : entry;
		})
		.join('');
	return FENCE_LINE.test(quoted) ? EMPTY_FRONT_MATTER : `---\n${quoted}---\n`;
}

// A line that would end a front matter block for Astro's parser.
const FENCE_LINE = /^(?:---|\+\+\+)/m;

function isMdx(file: string): boolean {
	return file.toLowerCase().endsWith('.mdx');
}

/** The text of a post file, or an error naming the line and byte that are not UTF-8 and how to convert the file. */
function readPostText(bytes: Uint8Array, file: string, displayPath: string): string {
	const decoded = decodePostFile(bytes);
	if ('text' in decoded) return decoded.text;
	const { line, column, problem, fix } = decoded;
	throw userError(`${displayPath}:${line}:${column}: ${problem}`, fix.replaceAll('FILE', displayPath), { file, line, column });
}

/**
 * Why two paths print the same: they spell accented letters differently. macOS writes file names
 * decomposed (NFD: "e" then U+0301), other systems composed (NFC: "é"), and a folder copied between them,
 * or a Git checkout of both, can hold the same post twice.
 */
function samePathsInTwoForms(first: string): string {
	const [decomposed, composed] = first === first.normalize('NFD') ? ['first', 'second'] : ['second', 'first'];
	return (
		`The names look the same but are not: the ${decomposed} writes accented letters as a letter followed by an accent ` +
		`(NFD, as macOS names files), the ${composed} as one character each (NFC), so both files are on the disk, often one a copy of the other.`
	);
}

/** The line of the post's `slug:` field, or 1 when the slug comes from the file name. */
function slugLine(file: string): number {
	try {
		const lines = readFileSync(file, 'utf8').split('\n', 200);
		const index = lines.findIndex((line) => /^slug\s*[:=]/.test(line));
		return index + 1 || 1;
	} catch {
		return 1;
	}
}

/** A README without front matter in the posts folder (813 Jekyll blogs keep one in `_posts/`): notes about the folder, which no engine publishes as a post. */
function isFolderNotes(file: string, contents: string): boolean {
	if (!/^readme\.(?:md|markdown)$/i.test(path.basename(file))) return false;
	try {
		const source = parseFrontMatter(contents);
		return source.format === undefined && Object.keys(source.data).length === 0;
	} catch {
		return false;
	}
}

/**
 * The files beside the post at `file` whose presence its body depends on (markdown/file-links.ts,
 * markdown/raw-images.ts), found or not, by their absolute path: the links and raw images that name them,
 * recorded as `link ./talk.pdf` or `<img> ./photo.png`.
 */
function filesBeside(file: string, lookedUp: Record<string, string | false> | undefined): string[] {
	return Object.keys(lookedUp ?? {}).flatMap((key) => {
		const written = /^(?:link|<img>|code|image) (.+)$/s.exec(key)?.[1];
		const beside = written === undefined ? undefined : fileBesidePost(file, written);
		return beside === undefined ? [] : [beside];
	});
}

/** The `find` keys of Vite's `resolve.alias` in the site's config; '' for a pattern, which may match any. */
function viteAliases(config: { vite?: { resolve?: { alias?: unknown } } }): string[] {
	const alias = config.vite?.resolve?.alias;
	if (!alias || typeof alias !== 'object') return [];
	if (Array.isArray(alias)) return alias.map((entry: { find?: unknown }) => (typeof entry?.find === 'string' ? entry.find : ''));
	return Object.keys(alias);
}

// A front matter's slug field, which gives a post its address whatever its file's name (abbrlink is Hexo's).
const SLUG_KEY = /^(?:slug|abbrlink)[ \t]*:[ \t]*\S/im;

/** Whether the front matter of the post `file` names its slug: read from its first 4 KB, for a name that has a twin. */
function namesOwnSlug(file: string | undefined): boolean {
	if (file === undefined) return false;
	try {
		const head = readFileSync(file).subarray(0, 4096).toString('utf8');
		const end = head.search(/\n(?:---|\+\+\+)[ \t]*\r?\n/);
		return SLUG_KEY.test(end === -1 ? head : head.slice(0, end));
	} catch {
		return false;
	}
}
