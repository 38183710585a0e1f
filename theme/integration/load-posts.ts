import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { LoaderContext } from 'astro/loaders';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import type { PostData } from '../schema.ts';
import { mapWithConcurrency } from '../utils/concurrency.ts';
import { POST_FILES } from '../utils/post-files.ts';
import { describeError, userError, type ErrorLocation } from './errors.ts';
import { forgetConfiguredAliases } from './body-images.ts';
import { describeHeldBack, draftsFolderWarning, forgetDrafted } from './post-dialects.ts';
import { forgetPostFiles, untitledWarning } from './post-file.ts';
import { forgetUnoptimisedImages, unoptimisedImagesWarnings } from './remote-images.ts';
import { PostSync } from './post-sync.ts';
import { watchPosts } from './post-watcher.ts';
import { getSite } from './registry.ts';

/** Files that look like posts in a format Carnet does not read, named in a warning rather than skipped silently. */
const OTHER_POST_FILES = '**/[^_.]*.{html,htm,txt,text,org,adoc,asciidoc,rst,textile,pandoc,ipynb,qmd,rmd,rmarkdown,svx,smd}';

export interface LoadPostsOptions {
	/** Folder of the posts, relative to the project root. */
	base: string;
	/** Glob of post files inside `base`. */
	pattern: string | string[];
	/** Whether each entry keeps its body as written (`entry.body`), as Astro's glob() does unless told not to. */
	retainBody: boolean;
}

// Why not a wrapper around Astro's glob() loader, as Starlight's docsLoader() is: glob() parses front
// matter with Astro's strict YAML reader before a wrapper sees it (the reference post's title line is not
// valid YAML; repairing it needs the raw text, which only the undocumented `entryTypes` context field
// would let a wrapper reach), it stores rendered bodies in the data store (2.8 GiB at 10,000 posts,
// see integration/body-cache.ts), and under `astro dev` a second file with a taken slug replaces the first.
// What glob() does is kept: digests skip unchanged files, the store is rebuilt from the folder on every
// sync, and post-watcher.ts follows its watcher (add, change, unlink, slug changes), plus the cases it misses.

/** Syncs the posts folder into the content store: every file on start, then one file per change in dev. */
export async function loadPosts(context: LoaderContext, options: LoadPostsOptions): Promise<void> {
	const site = getSite(context.config.root);
	if (!site) {
		throw userError(
			'postsLoader() from astro-theme-carnet needs the carnet() integration.',
			"Add it to astro.config.mjs: integrations: [carnet({ title: 'My blog' })], with import carnet from 'astro-theme-carnet'.",
		);
	}
	if (site.fullSyncs === 0) forgetEarlierSyncs();
	const baseDir = path.resolve(fileURLToPath(context.config.root), options.base);
	site.postsDirs.add(baseDir);
	const posts = new PostSync(context, site, baseDir, { retainBody: options.retainBody });
	if (existsSync(baseDir)) {
		const files = await glob(options.pattern, { cwd: baseDir, absolute: true, expandDirectories: false, caseSensitiveMatch: false });
		posts.setPostFiles(files);
		const postErrors: Error[] = brokenLinks(baseDir, options);
		// In dev they are logged; a build lists them with the posts' errors.
		if (context.watcher) for (const error of postErrors.splice(0)) context.logger.error(describeError(error));
		try {
			await mapWithConcurrency(files.sort(), 10, async (file) => {
				try {
					await posts.sync(file);
				} catch (error) {
					// In dev a broken post is reported and the server starts without it.
					if (context.watcher) return void context.logger.error(describeError(error));
					// A build stops after the last post, not the first, when the error is the post's (its front matter, an
					// image file that is missing, a remote image that cannot be downloaded): a blog migrated with a hundred
					// wrong paths or dates is fixed from one build's list, not a hundred builds. An error of the theme's own stops it at once.
					if (!(error instanceof AstroError)) throw error;
					postErrors.push(error, ...((error as { alsoMissing?: Error[] }).alsoMissing ?? []));
				}
			});
			if (postErrors.length > 0) throw postsError(postErrors);
		} finally {
			await posts.finishRendering();
		}
	} else {
		context.logger.warn(`The posts folder ${options.base} does not exist; the blog has no posts.`);
	}
	await posts.removeOthers();
	// After the posts: a file a post links to is published beside it (routes/post-file.ts), not left out.
	if (options.pattern === POST_FILES && existsSync(baseDir)) await warnOtherFiles(context, baseDir, options.base, publishedSources(context));
	for (const line of describeHeldBack(posts.heldBack, site.config.timeZone)) context.logger.info(line);
	const drafts = draftsFolderWarning();
	if (drafts) context.logger.warn(drafts);
	const untitled = untitledWarning();
	if (untitled) context.logger.warn(untitled);
	for (const warning of unoptimisedImagesWarnings()) context.logger.warn(warning);
	if (context.watcher) watchPosts(context, posts, { baseDir, pattern: options.pattern });
}

/**
 * Forgets what an earlier sync in this process noted for its warnings (untitled posts, drafts, images Astro may
 * not optimise) and the folders and configs it read: Node loads the theme once per process (index.js), so a
 * second build there (a script's, a test's) would otherwise warn about the first one's posts, or trust a folder
 * read before it changed. Called when the first of a site's collections starts a full sync, so that a second
 * collection syncing beside it does not make the first one's warnings disappear.
 */
function forgetEarlierSyncs(): void {
	forgetPostFiles();
	forgetDrafted();
	forgetUnoptimisedImages();
	forgetConfiguredAliases();
}

// The posts an error of several posts lists one by one; more are counted, so that the log stays readable.
const LISTED_ERRORS = 50;
const REMOTE = /^https?:\/\//i;

/**
 * The errors of a build's posts as one: the error itself when there is one, the missing-files error when all
 * name missing or unreachable images, else each error's message on its line (a message of several lines
 * indented under its first), in the order of the files, with their fixes once each, at the first one's location.
 */
export function postsError(errors: readonly Error[]): Error {
	const [first] = errors;
	if (errors.length === 1 && first) return first;
	if (errors.every((error) => (error as { missingFile?: unknown }).missingFile !== undefined)) return missingFilesError(errors);
	const { sorted, lines, posts } = listed(errors);
	return userError(`${posts === 1 ? 'A post has' : `${posts} posts have`} errors to fix before the site builds:\n${lines}`, hintsOf(sorted), (sorted[0] as Error & { loc?: ErrorLocation }).loc);
}

/**
 * `errors` in the order of their files and lines, each message on its line (a message of several lines indented
 * under its first), fifty of them then a count, and how many posts they are about (a post may name several).
 */
function listed(errors: readonly Error[]): { sorted: Error[]; lines: string; posts: number } {
	const sorted = [...errors].sort(byFileAndLine);
	const lines = sorted.slice(0, LISTED_ERRORS).map((error) => `- ${error.message.replace(/\n(?!\n|$)/g, '\n  ')}`);
	if (sorted.length > LISTED_ERRORS) lines.push(`- and ${sorted.length - LISTED_ERRORS} more.`);
	const posts = new Set(sorted.map((error) => (error as Error & { loc?: ErrorLocation }).loc?.file ?? error.message)).size;
	return { sorted, lines: lines.join('\n'), posts };
}

/** The fixes of `errors`, each once, in their order; undefined when none has one. */
function hintsOf(errors: readonly Error[]): string | undefined {
	const hints = [...new Set(errors.map((error) => ('hint' in error && typeof error.hint === 'string' ? error.hint : '')).filter((hint) => hint !== ''))];
	return hints.length > 0 ? hints.join('\n') : undefined;
}

/**
 * The errors of the posts whose image files are missing or whose remote images cannot be downloaded or used
 * (an SVG, an address that is no URL; their `missingFile` is the address), as one: the error itself when there
 * is one, else each error's message on its line, in the order of the files, with their fixes once each, at the
 * first one's location.
 */
export function missingFilesError(errors: readonly Error[]): Error {
	const [first] = errors;
	if (errors.length === 1 && first) return first;
	// A post may name several (checkBodyImages()): the posts are counted by their files.
	const { sorted, lines, posts } = listed(errors);
	const location = (sorted[0] as Error & { loc?: ErrorLocation }).loc;
	const remote = sorted.filter((error) => REMOTE.test(String((error as Error & { missingFile?: unknown }).missingFile))).length;
	const what = [remote < sorted.length ? 'image files that do not exist' : '', remote > 0 ? 'remote images that could not be downloaded or used' : ''].filter(Boolean).join(' or ');
	const named = posts === errors.length ? `${posts} posts name ${what}` : `${posts} ${posts === 1 ? 'post names' : 'posts name'} ${errors.length} ${what}`;
	const error = userError(`${named}:\n${lines}`, hintsOf(sorted), location);
	// astro dev would read a post again when its file appears (post-watcher.ts); a build lists them all.
	return Object.assign(error, { missingFile: (sorted[0] as Error & { missingFile?: unknown }).missingFile });
}

/** Errors in the order of their files, then of their lines as numbers (line 15 after line 4), then of their messages. */
function byFileAndLine(a: Error & { loc?: ErrorLocation }, b: Error & { loc?: ErrorLocation }): number {
	const [fileA, fileB] = [a.loc?.file ?? a.message, b.loc?.file ?? b.message];
	if (fileA !== fileB) return fileA < fileB ? -1 : 1;
	const lines = (a.loc?.line ?? 0) - (b.loc?.line ?? 0);
	return lines !== 0 ? lines : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * The post files that are symbolic links to nothing (a target moved or deleted, a link made on another machine,
 * links in a loop), which the glob leaves out without a word: an error for each, naming the link and where it points.
 */
function brokenLinks(baseDir: string, options: LoadPostsOptions): Error[] {
	const isPost = picomatch(options.pattern, { nocase: true });
	const entries = readdirSync(baseDir, { recursive: true, withFileTypes: true });
	const errors: Error[] = [];
	for (const entry of entries) {
		if (!entry.isSymbolicLink()) continue;
		const file = path.join(entry.parentPath, entry.name);
		const relative = path.relative(baseDir, file).split(path.sep).join('/');
		if (!isPost(relative) || existsSync(file)) continue;
		const leads = linksInLoop(file) ? 'which leads back to this link through other links (a loop)' : 'which does not exist';
		errors.push(
			userError(`${options.base}/${relative} is a symbolic link to ${readlinkSync(file)}, ${leads}, so the post cannot be read.`, "Point the link at the post's file (ln -sf TARGET LINK), or delete the link.", {
				file,
			}),
		);
	}
	return errors;
}

/** Whether following the symbolic link `file` never ends (`a.md` → `b.md` → `a.md`): the system gives up with ELOOP. */
function linksInLoop(file: string): boolean {
	try {
		statSync(file);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ELOOP';
	}
}

/** The files beside posts that the stored posts link to, and the build publishes, by their path from the project's root. */
function publishedSources(context: LoaderContext): Set<string> {
	const sources = new Set<string>();
	for (const entry of context.store.values()) for (const file of (entry.data as Pick<PostData, 'bodyFiles'>).bodyFiles ?? []) sources.add(file.source);
	return sources;
}

async function warnOtherFiles(context: LoaderContext, baseDir: string, base: string, published: ReadonlySet<string>): Promise<void> {
	const others = (await glob(OTHER_POST_FILES, { cwd: baseDir, expandDirectories: false, caseSensitiveMatch: false })).filter((file) => !published.has(path.posix.join(base, file)));
	if (others.length === 0) return;
	// Quarto's and R Markdown's posts are Markdown whose code chunks run when the document is rendered.
	const computed =
		(others.some((file) => /\.(?:qmd|rmd|rmarkdown)$/i.test(file))
			? ' A Quarto or R Markdown post (.qmd, .Rmd) is Markdown whose code runs when it is rendered: render it to Markdown (quarto render --to gfm, or rmarkdown::render with md_document) and add that file.'
			: '') +
		(others.some((file) => /\.svx$/i.test(file)) ? ' An mdsvex post (.svx) is Markdown with Svelte components: rename it to .md, and replace its components with Markdown or HTML.' : '') +
		// Zine's SuperMD (the Zig site's news): Ziggy front matter (`.title = "…",`) and `$` directives in links.
		(others.some((file) => /\.smd$/i.test(file))
			? ' A Zine post (.smd, SuperMD) is Markdown with Ziggy front matter and Zine\'s $ directives: rename it to .md, write its front matter as YAML (.title = "A" becomes title: "A"), and its links to $ directives as Markdown links and images.'
			: '');
	context.logger.warn(
		`Not read as posts, being neither Markdown nor MDX: ${others.sort().map((file) => `${base}/${file}`).join(', ')}. ` +
			`Convert a post to Markdown (.md), or move a file to public/ to publish it as it is.${computed}`,
	);
}
