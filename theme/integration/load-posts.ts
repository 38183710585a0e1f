import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { mapWithConcurrency } from '../utils/concurrency.ts';
import { countWords } from '../utils/reading-time.ts';
import { frenchSpacingInHtml, isFrench } from '../utils/typography.ts';
import { addBaseToLinks } from '../utils/urls.ts';
import { bodiesDirectory, bodyExists, removeStaleBodies, writeBody } from './post-bodies.ts';
import { userError } from './errors.ts';
import { explainSchemaError, warnUnknownKeys } from './post-errors.ts';
import { preparePostFile, type PostFile, type PostFileContext } from './post-file.ts';
import type { ThemeConfig } from '../config.ts';
import { getSite, type SiteState } from './registry.ts';
import { measureRemoteImages } from './remote-images.ts';

/** Raise when the shape of stored entries changes. */
const STORED_ENTRY_VERSION = 3;

export interface LoadPostsOptions {
	/** Folder of the posts, relative to the project root. */
	base: string;
	/** Glob of post files inside `base`. */
	pattern: string | string[];
}

/** Syncs the posts folder into the content store: every file on start, then one file per change in dev. */
export async function loadPosts(context: LoaderContext, options: LoadPostsOptions): Promise<void> {
	const site = getSite(context.config.root);
	if (!site) {
		throw userError(
			'postsLoader() from astro-theme-carnet needs the carnet() integration.',
			"Add it to astro.config.mjs: integrations: [carnet({ title: 'My blog' })], with import carnet from 'astro-theme-carnet'.",
		);
	}
	const root = fileURLToPath(context.config.root);
	const baseDir = path.resolve(root, options.base);
	if (!existsSync(baseDir)) {
		context.logger.warn(`The posts folder ${options.base} does not exist; the blog has no posts.`);
		return;
	}
	const syncFile = createFileSync(context, site, root);
	const files = await glob(options.pattern, { cwd: baseDir, absolute: true, expandDirectories: false });
	const idsByFile = new Map<string, string>();
	const filesById = new Map<string, string>();
	await mapWithConcurrency(files.sort(), 10, async (file) => {
		const id = await syncFile(file);
		const other = filesById.get(id);
		if (other !== undefined) {
			throw userError(
				`Two posts have the slug "${id}": ${toDisplayPath(root, other)} and ${toDisplayPath(root, file)}.`,
				'Rename one of the files, or give one of them a different slug field.',
			);
		}
		filesById.set(id, file);
		idsByFile.set(file, id);
	});
	for (const id of context.store.keys()) if (!filesById.has(id)) context.store.delete(id);
	const bodies = new Set(context.store.values().map((entry) => (entry.data as StoredData).bodyHtml?.file).filter((file) => file !== undefined));
	await removeStaleBodies(bodiesDirectory(context.config.cacheDir), bodies);
	if (context.watcher) watchPosts(context, { baseDir, pattern: options.pattern, root, syncFile, idsByFile });
}

type FileSync = (file: string) => Promise<string>;

function createFileSync(context: LoaderContext, site: SiteState, root: string): FileSync {
	const { store, logger } = context;
	const { config } = site;
	const warn = (message: string) => logger.warn(message);
	// Dates and slugs depend on these options as much as on the file, so they are part of its digest, with
	// the version of what the loader stores, so that a theme update does not read entries stored by another.
	const showDrafts = context.watcher !== undefined;
	const digestSalt = `${STORED_ENTRY_VERSION}|${config.timeZone}|${config.strict}|${config.locale}|${context.config.base}|${showDrafts}`;
	return async (file) => {
		const displayPath = toDisplayPath(root, file);
		const contents = await readFile(file, 'utf8');
		const fileContext: PostFileContext = {
			displayPath,
			entryFile: file,
			publicDir: fileURLToPath(context.config.publicDir),
			root,
			base: context.config.base,
			config,
			showDrafts,
			warn,
		};
		const post = await preparePostFile(contents, fileContext);
		const digest = context.generateDigest(`${digestSalt}\n${contents}`);
		const existing = store.get(post.id);
		let data: Record<string, unknown>;
		const bodyFile = (existing?.data as StoredData | undefined)?.bodyHtml?.file;
		const bodyKept = bodyFile === undefined || bodyExists(bodiesDirectory(context.config.cacheDir), bodyFile);
		if (existing?.digest === digest && existing.filePath === displayPath && bodyKept) {
			// An unchanged entry keeps its data, but Astro rebuilds its import lists on every sync. glob() calls
			// addAssetImports() as well; the store has it, but its public type does not list it.
			const assets = store as typeof store & { addAssetImports(assets: string[], filePath: string): void };
			if (existing.assetImports?.length) assets.addAssetImports(existing.assetImports, displayPath);
			if (existing.deferredRender) store.addModuleImport(displayPath);
			data = existing.data;
		} else {
			await measureRemoteImages(post, fileContext, context.config.image);
			// The word count is all pages need of the Markdown source, which is therefore not stored: with
			// the rendered HTML beside it, it would double the data store Astro holds and bundles.
			data = { ...(await parsePostData(context, post, fileContext)), wordCount: countWords(post.body) };
			data = await storePost(context, config, { id: post.id, data, body: post.body, file, displayPath, digest, hidden: post.hidden });
		}
		warnUnknownKeys(data, post.source, fileContext);
		const lastModified = data.updated ?? data.date;
		if (lastModified instanceof Date) site.lastModified.set(post.id, lastModified);
		return post.id;
	};
}

async function parsePostData(context: LoaderContext, post: PostFile, fileContext: PostFileContext): Promise<Record<string, unknown>> {
	try {
		return await context.parseData({ id: post.id, data: post.data, filePath: fileContext.entryFile });
	} catch (error) {
		throw explainSchemaError(error, post, fileContext);
	}
}

interface StoredPost {
	id: string;
	data: Record<string, unknown>;
	body: string;
	file: string;
	displayPath: string;
	digest: string;
	hidden: boolean;
}

/** What the loader adds to a post's data besides the schema's fields. */
interface StoredData {
	bodyHtml?: { file: string; headings: unknown[] };
}

/** Stores a post and returns the data stored with it. */
async function storePost(context: LoaderContext, config: ThemeConfig, { id, data, body, file, displayPath, digest, hidden }: StoredPost): Promise<Record<string, unknown>> {
	if (file.endsWith('.mdx') && !hidden) {
		// MDX is compiled by @astrojs/mdx when a page renders it.
		context.store.set({ id, data, filePath: displayPath, digest, deferredRender: true });
		return data;
	}
	// The body alone: renderMarkdown would read a leading "---" (a thematic break) as front matter again.
	const rendered = await context.renderMarkdown(`\n${body}`, { fileURL: pathToFileURL(file) });
	const html = addBaseToLinks(rendered.html, context.config.base);
	const assetImports = rendered.metadata?.imagePaths ?? [];
	if (assetImports.length > 0) {
		// Astro resolves body images when it renders an entry from its store.
		context.store.set({ id, data, filePath: displayPath, digest, rendered: { ...rendered, html }, assetImports });
		return data;
	}
	// Kept as a file (integration/post-bodies.ts), ready to show: French spacing is applied here once.
	const final = isFrench(config.locale) ? frenchSpacingInHtml(html) : html;
	const bodyFile = await writeBody(bodiesDirectory(context.config.cacheDir), id, digest, final);
	const stored = { ...data, bodyHtml: { file: bodyFile, headings: rendered.metadata?.headings ?? [] } };
	context.store.set({ id, data: stored, filePath: displayPath, digest });
	return stored;
}

interface WatchState {
	baseDir: string;
	pattern: string | string[];
	root: string;
	syncFile: FileSync;
	idsByFile: Map<string, string>;
}

function watchPosts(context: LoaderContext, state: WatchState) {
	const { watcher, logger, store } = context;
	if (!watcher) return;
	const isPost = picomatch(state.pattern);
	const matches = (file: string) => {
		const relativePath = path.relative(state.baseDir, file).split(path.sep).join('/');
		return !relativePath.startsWith('../') && isPost(relativePath);
	};
	const onChange = async (file: string) => {
		if (!matches(file)) return;
		try {
			const id = await state.syncFile(file);
			const previous = state.idsByFile.get(file);
			if (previous !== undefined && previous !== id) store.delete(previous);
			state.idsByFile.set(file, id);
			logger.info(`Reloaded ${toDisplayPath(state.root, file)}`);
		} catch (error) {
			// In dev a broken post is reported and the server keeps running on the last good version.
			logger.error(error instanceof Error ? `${error.message}${'hint' in error && error.hint ? `\n${error.hint}` : ''}` : String(error));
		}
	};
	watcher.add(state.baseDir);
	watcher.on('change', onChange);
	watcher.on('add', onChange);
	watcher.on('unlink', (file) => {
		const id = state.idsByFile.get(file);
		if (id === undefined) return;
		store.delete(id);
		state.idsByFile.delete(file);
	});
}

function toDisplayPath(root: string, file: string): string {
	return path.relative(root, file).split(path.sep).join('/');
}
