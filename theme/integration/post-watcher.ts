import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import picomatch from 'picomatch';
import { describeError } from './errors.ts';
import type { PostSync } from './post-sync.ts';

interface WatchOptions {
	baseDir: string;
	pattern: string | string[];
}

/**
 * Follows the posts folder under `astro dev`. Beyond what glob()'s watcher does: a file whose slug is
 * taken is refused with the build's error and the first post is kept (and the refused file takes the
 * slug if the first goes); a post moved or renamed under the same slug keeps its page whatever order
 * the add and unlink events come in; a post refused for a missing image is read again when the image
 * appears; and a post is read again when a post its references name, or an image it shows, changes or
 * goes (PostSync.dependents()): one whose image is deleted leaves the site until it is back (PostSync.sync()).
 *
 * A file is read only once it has stopped changing, and read again if it changed while it was read: an
 * editor or a copy that writes a file in place empties it first, and when both steps fall within one
 * tick of the file system's clock they share a modification time, so the watcher reports the empty
 * file and never the full one (tests/build/dev.test.ts met it as a post read without its front matter
 * and an image with no size).
 */
export function watchPosts(context: LoaderContext, posts: PostSync, { baseDir, pattern }: WatchOptions): void {
	const { watcher, logger } = context;
	if (!watcher) return;
	const isPost = picomatch(pattern, { nocase: true });
	const relative = (file: string) => path.relative(baseDir, file).split(path.sep).join('/');
	const matches = (file: string) => !relative(file).startsWith('../') && isPost(relative(file));

	const sync = async (file: string) => {
		try {
			const before = posts.storedDigest(file);
			await posts.sync(file);
			// Told when the post changed: a post that links to others is read again when one of them is (as the
			// watcher first sees each file), and stays as it was when nothing it took changed.
			if (before === undefined || posts.storedDigest(file) !== before) logger.info(`Reloaded ${posts.displayPath(file)}`);
		} catch (error) {
			logger.error(describeError(error));
		}
	};
	// A post whose body links to `file` (ref, relref, post_url, or a file beside it, which it publishes) or
	// shows it (an image in public/, whose size is in the HTML), or which waits for it, is synced again; it is
	// rendered again only if what it took has changed.
	const syncDependents = async (file: string, event: 'add' | 'change' | 'unlink') => {
		for (const post of posts.dependents(file, event)) await sync(post);
	};
	const onChange = async (file: string, event: 'add' | 'change') => {
		if (matches(file)) {
			// A post named as another but for its date may move that one's address: read again before it when it
			// gives up the address without its date, after it when it takes that address.
			const { before, after } = posts.changed(file);
			for (const moved of before) await sync(moved);
			await sync(file);
			for (const moved of after) await sync(moved);
			return syncDependents(file, event);
		}
		await syncDependents(file, event);
	};
	const onUnlink = async (file: string) => {
		if (!matches(file)) return syncDependents(file, 'unlink');
		const others = await posts.forget(file);
		logger.info(`Removed ${posts.displayPath(file)}`);
		for (const other of others) await sync(other);
		await syncDependents(file, 'unlink');
	};
	const events = new FileEvents({ change: onChange, unlink: onUnlink });
	watcher.add(baseDir);
	watcher.add(fileURLToPath(context.config.publicDir));
	for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file) => events.push(file, event));
}

type FileEvent = 'add' | 'change' | 'unlink';

interface FileEventHandlers {
	change(file: string, event: 'add' | 'change'): Promise<void>;
	unlink(file: string): Promise<void>;
}

/** How long a file's size and modification time must hold still before it is read, and how long to wait at most. */
const SETTLE_MS = 25;
const SETTLE_LIMIT_MS = 2000;

/**
 * The watcher's events, handled one at a time per file, the latest event for a file standing for those
 * that came while it was handled; a file that changed while it was read is handled again.
 */
class FileEvents {
	readonly #handlers: FileEventHandlers;
	readonly #pending = new Map<string, FileEvent>();
	readonly #running = new Set<string>();

	constructor(handlers: FileEventHandlers) {
		this.#handlers = handlers;
	}

	push(file: string, event: FileEvent): void {
		// A file added and changed before it was read is still new to the posts.
		this.#pending.set(file, event === 'change' && this.#pending.get(file) === 'add' ? 'add' : event);
		if (!this.#running.has(file)) void this.#drain(file);
	}

	async #drain(file: string): Promise<void> {
		this.#running.add(file);
		try {
			for (let event = this.#pending.get(file); event !== undefined; event = this.#pending.get(file)) {
				this.#pending.delete(file);
				if (event === 'unlink') {
					await this.#handlers.unlink(file);
					continue;
				}
				const read = await settled(file);
				// Gone again: its unlink event follows.
				if (!read) continue;
				await this.#handlers.change(file, event);
				const now = await stamp(file);
				if (now !== undefined && now !== read && !this.#pending.has(file)) this.#pending.set(file, 'change');
			}
		} finally {
			this.#running.delete(file);
		}
	}
}

/** What says whether a file changed: its inode, length and modification time; undefined once it is gone. */
async function stamp(file: string): Promise<string | undefined> {
	try {
		const { ino, size, mtimeMs } = await stat(file);
		return `${ino}:${size}:${mtimeMs}`;
	} catch {
		return undefined;
	}
}

/** The stamp of `file` once two looks SETTLE_MS apart agree (or SETTLE_LIMIT_MS have passed). */
async function settled(file: string): Promise<string | undefined> {
	const deadline = Date.now() + SETTLE_LIMIT_MS;
	let last = await stamp(file);
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
		const now = await stamp(file);
		if (now === last || Date.now() > deadline) return now;
		last = now;
	}
}
