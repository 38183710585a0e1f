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
 * the add and unlink events come in; a post refused for a missing featured image is read again
 * when the image appears; and a post is read again when a post its references name, or an image in
 * public/ it shows, changes (PostSync.dependents()).
 */
export function watchPosts(context: LoaderContext, posts: PostSync, { baseDir, pattern }: WatchOptions): void {
	const { watcher, logger } = context;
	if (!watcher) return;
	const isPost = picomatch(pattern, { nocase: true });
	const relative = (file: string) => path.relative(baseDir, file).split(path.sep).join('/');
	const matches = (file: string) => !relative(file).startsWith('../') && isPost(relative(file));
	/** A file a post needs but which is missing (its featured image) → the posts waiting for it. */
	const waiting = new Map<string, Set<string>>();

	const sync = async (file: string) => {
		for (const files of waiting.values()) files.delete(file);
		try {
			await posts.sync(file);
			logger.info(`Reloaded ${posts.displayPath(file)}`);
		} catch (error) {
			const missing = (error as { missingFile?: unknown }).missingFile;
			if (typeof missing === 'string') {
				if (!waiting.has(missing)) waiting.set(missing, new Set());
				waiting.get(missing)?.add(file);
			}
			logger.error(describeError(error));
		}
	};
	// A post whose body links to `file` (ref, relref, post_url) or shows it (an image in public/, whose
	// size is in the HTML) is synced again; it is rendered again only if what it took has changed.
	const syncDependents = async (file: string, event: 'add' | 'change' | 'unlink') => {
		for (const post of posts.dependents(file, event)) await sync(post);
	};
	const onChange = async (file: string, event: 'add' | 'change') => {
		if (matches(file)) {
			await sync(file);
			return syncDependents(file, event);
		}
		await syncDependents(file, event);
		const dependents = waiting.get(file);
		if (!dependents) return;
		waiting.delete(file);
		for (const post of dependents) await sync(post);
	};
	const onUnlink = async (file: string) => {
		if (!matches(file)) return syncDependents(file, 'unlink');
		for (const files of waiting.values()) files.delete(file);
		const refused = await posts.forget(file);
		logger.info(`Removed ${posts.displayPath(file)}`);
		for (const other of refused) await sync(other);
		await syncDependents(file, 'unlink');
	};
	watcher.add(baseDir);
	watcher.add(fileURLToPath(context.config.publicDir));
	watcher.on('add', (file) => onChange(file, 'add'));
	watcher.on('change', (file) => onChange(file, 'change'));
	watcher.on('unlink', onUnlink);
}
