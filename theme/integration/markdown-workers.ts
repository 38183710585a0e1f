import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoaderContext } from 'astro/loaders';
import type { ImageSize } from '../markdown/image-sizes.ts';
import type { BodyTransformOptions } from '../markdown/transforms.ts';
import type { BodyFeatures } from '../markdown/features.ts';
import { countWords } from '../utils/reading-time.ts';
import { canStripTypeScript } from '../typescript-hooks.js';
import { onlyThemePlugins } from './markdown.ts';
import type { RenderJob, WorkerRecipe } from './markdown-worker.ts';

type RenderedMarkdown = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** What the integration set up the site's Markdown with, from which a worker rebuilds the theme's plugins. */
export interface BodyPluginRecipe {
	features: BodyFeatures;
	transforms: BodyTransformOptions;
}

/** Bodies rendered on the main thread before workers are started: a warm build renders a few, if any. */
const WORKERS_AFTER = 8;
/** Workers at most, whatever the cores: the main thread, which stores what they render, would not keep up. */
const MAX_WORKERS = 3;
/**
 * Bodies waiting, at most, on workers that are still starting (about a second: loading Sätteri and the theme's
 * plugins); the main thread renders the others meanwhile. Fewer than the posts the loader syncs at once
 * (load-posts.ts), so that the main thread is not left waiting for them: a cold sync of 2,000 posts went from
 * 8.0 s to 7.4 s, with 40 to 90 bodies rendered on the main thread.
 */
const WAITING_ON_STARTING_WORKERS = 8;
/** Set to 0 to render every body on the main thread, as Astro's renderMarkdown does. */
const WORKERS_VARIABLE = 'CARNET_MARKDOWN_WORKERS';

/**
 * Renders the Markdown bodies of a full sync, on worker threads when that gives the same HTML as the
 * site's own processor (`context.renderMarkdown`) and helps: Sätteri and the theme's plugins take about
 * half of a sync's time, which otherwise runs on one core while the others wait. Workers are used only in
 * builds (`astro dev` renders a file at a time), on machines with two cores or more, when the site's
 * processor is Sätteri with no plugins but the theme's (a site's own plugins are functions, which a
 * worker cannot be given) and its settings can be copied to a thread. Otherwise, for the first few bodies
 * of a build, and for most of those that come while the workers start, `context.renderMarkdown` renders
 * them. If a worker cannot start or stops, the bodies it had are rendered on the main thread, with a warning.
 */
export class BodyRenderer {
	readonly #context: LoaderContext;
	readonly #recipe: WorkerRecipe | undefined;
	#rendered = 0;
	#onWorkers = 0;
	#pool: WorkerPool | undefined;

	constructor(context: LoaderContext, plugins: BodyPluginRecipe | undefined) {
		this.#context = context;
		this.#recipe = plugins && workerRecipe(context, plugins);
	}

	/**
	 * The body `body` of `file` rendered with its front matter `frontmatter`, with `imageSizes` registered
	 * for it (markdown/image-sizes.ts), and its words counted (utils/reading-time.ts): both
	 * are the work of a body that does not need the content store, which stays on the main thread.
	 * `renderHere` renders it on the main thread.
	 */
	async render(
		file: string,
		frontmatter: Record<string, unknown>,
		body: string,
		imageSizes: ReadonlyMap<string, ImageSize>,
		renderHere: () => Promise<RenderedMarkdown>,
	): Promise<{ rendered: RenderedMarkdown; wordCount: number }> {
		this.#rendered += 1;
		if (this.#recipe && this.#rendered > WORKERS_AFTER) {
			this.#pool ??= new WorkerPool(this.#recipe, Math.min(availableParallelism() - 1, MAX_WORKERS), (message) => this.#context.logger.warn(message));
			const result = await this.#pool.render({ file, frontmatter, body, imageSizes: [...imageSizes] });
			if (result) {
				this.#onWorkers += 1;
				return result;
			}
		}
		return { rendered: await renderHere(), wordCount: countWords(body) };
	}

	/** Stops the workers: the sync is over. */
	async close(): Promise<void> {
		if (!this.#pool) return;
		await this.#pool.close();
		this.#context.logger.info(`Rendered ${this.#rendered} post bodies, ${this.#onWorkers} of them on ${this.#pool.size} worker thread${this.#pool.size === 1 ? '' : 's'}.`);
		this.#pool = undefined;
	}
}

/** The recipe of the site's processor, or undefined when workers would not render bodies as it does. */
function workerRecipe(context: LoaderContext, plugins: BodyPluginRecipe): WorkerRecipe | undefined {
	const { markdown, image } = context.config;
	const { processor } = markdown;
	const options = processor.options as Record<string, unknown>;
	if (context.watcher || process.env[WORKERS_VARIABLE] === '0' || availableParallelism() < 2) return undefined;
	// Worker threads load the theme's TypeScript through a module hook (typescript-hooks.js).
	if (!canStripTypeScript()) return undefined;
	if (processor.name !== 'satteri' || !onlyThemePlugins(options.mdastPlugins) || !onlyThemePlugins(options.hastPlugins)) return undefined;
	try {
		return structuredClone({
			astroPackage: createRequire(import.meta.url).resolve('astro/package.json'),
			features: plugins.features,
			transforms: plugins.transforms,
			processorFeatures: (options.features ?? {}) as Record<string, unknown>,
			// As the content layer's renderMarkdown passes them; a setting holding functions (Shiki transformers) cannot be copied.
			shared: {
				image: { domains: image.domains, remotePatterns: image.remotePatterns },
				syntaxHighlight: markdown.syntaxHighlight,
				shikiConfig: markdown.shikiConfig,
				gfm: markdown.gfm,
				smartypants: markdown.smartypants,
			},
		});
	} catch {
		return undefined;
	}
}

interface Pending {
	resolve(result: { rendered: RenderedMarkdown; wordCount: number } | undefined): void;
	reject(error: Error): void;
}

interface Slot {
	worker: Worker;
	pending: Map<number, Pending>;
	/** Whether the worker has built its processor and renders what it is sent at once. */
	ready: boolean;
}

/**
 * Worker threads that each render one body at a time; the next body goes to the least busy of those that have
 * started, or while none has, to one still starting, up to WAITING_ON_STARTING_WORKERS bodies.
 */
class WorkerPool {
	readonly #workers: Slot[] = [];
	#nextId = 0;
	#failed = false;
	#closed = false;
	readonly #warn: (message: string) => void;

	constructor(recipe: WorkerRecipe, size: number, warn: (message: string) => void) {
		this.#warn = warn;
		for (let index = 0; index < Math.max(1, size); index++) this.#workers.push(this.#start(recipe));
	}

	get size(): number {
		return this.#workers.length;
	}

	/**
	 * The rendered body and its words, or undefined if the workers failed or are starting with enough bodies
	 * to render already (the caller renders it itself).
	 */
	render(job: Omit<RenderJob, 'id'>): Promise<{ rendered: RenderedMarkdown; wordCount: number } | undefined> {
		if (this.#failed) return Promise.resolve(undefined);
		const slot = this.#slotFor();
		if (!slot) return Promise.resolve(undefined);
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			slot.pending.set(id, { resolve, reject });
			// Referenced while it has work, so that the process waits for it, and only then: a sync stopped
			// by a broken post must not be kept alive by an idle worker.
			slot.worker.ref();
			try {
				slot.worker.postMessage({ id, ...job });
			} catch {
				// A value the front matter holds that cannot be copied to a thread: the main thread renders it.
				slot.pending.delete(id);
				resolve(undefined);
			}
		});
	}

	/** Stops the workers; bodies still pending (a sync stopped by a broken post) are left to the main thread. */
	async close(): Promise<void> {
		this.#closed = true;
		await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
	}

	#slotFor(): Slot | undefined {
		const leastBusy = (slots: Slot[]) => slots.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
		const ready = this.#workers.filter((slot) => slot.ready);
		if (ready.length > 0) return leastBusy(ready);
		const waiting = this.#workers.reduce((sum, slot) => sum + slot.pending.size, 0);
		return waiting < WAITING_ON_STARTING_WORKERS ? leastBusy(this.#workers) : undefined;
	}

	#start(recipe: WorkerRecipe): Slot {
		const pending = new Map<number, Pending>();
		const worker = new Worker(BOOTSTRAP, {
			eval: true,
			workerData: { hooks: new URL('../typescript-hooks.js', import.meta.url).href, entry: new URL('./markdown-worker.ts', import.meta.url).href, recipe },
		});
		worker.unref();
		const slot: Slot = { worker, pending, ready: false };
		worker.on('message', (message: { ready?: true; id?: number; html?: string; metadata?: Record<string, unknown>; wordCount?: number; error?: { name: string; message: string; stack?: string } }) => {
			if (message.ready) slot.ready = true;
			if (message.id === undefined) return;
			const entry = pending.get(message.id);
			if (!entry) return;
			pending.delete(message.id);
			if (pending.size === 0) worker.unref();
			if (message.error) {
				// What renderMarkdown would have thrown on the main thread.
				const error = new Error(message.error.message);
				error.name = message.error.name;
				if (message.error.stack) error.stack = message.error.stack;
				entry.reject(error);
				return;
			}
			const metadata = message.metadata ?? {};
			const imagePaths = [...((metadata.localImagePaths as string[] | undefined) ?? []), ...((metadata.remoteImagePaths as string[] | undefined) ?? [])];
			entry.resolve({ rendered: { html: message.html ?? '', metadata: { ...metadata, imagePaths } } as RenderedMarkdown, wordCount: message.wordCount ?? 0 });
		});
		const fail = (reason: string) => {
			if (!this.#failed && !this.#closed) this.#warn(`Rendering Markdown on worker threads stopped (${reason}); the remaining posts are rendered on the main thread, which gives the same pages, more slowly.`);
			this.#failed = true;
			for (const entry of pending.values()) entry.resolve(undefined);
			pending.clear();
		};
		worker.on('error', (error) => fail(error.message));
		worker.on('exit', (code) => {
			if (pending.size > 0) fail(`a worker exited with code ${code}`);
		});
		return slot;
	}
}

// The worker's first lines (CommonJS, as Node runs evaluated code): the TypeScript hook, then the worker.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.hooks).then(({ registerTypeScriptHooks }) => {
	registerTypeScriptHooks();
	return import(workerData.entry);
});
`;
