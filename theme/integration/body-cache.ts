import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';
import * as devalue from 'devalue';
import { writeFileAtomic } from '../utils/atomic-file.ts';

/** A post body as the site's Markdown processor rendered it, with what `render(entry)` returns beside it. */
export interface RenderedBody {
	html: string;
	headings: MarkdownHeading[];
	/** Front matter as remark/rehype plugins left it (`remarkPluginFrontmatter`). */
	frontmatter: Record<string, unknown>;
}

/** What a body file holds. runtime/rendered-body.ts reads the same format: change both together. */
interface BodyFile extends Omit<RenderedBody, 'frontmatter'> {
	format: typeof FORMAT;
	/**
	 * `frontmatter` written by devalue, as Astro's data store writes it, so that a plugin's Date, URL, Map or
	 * Set is one again in `remarkPluginFrontmatter` (JSON made them text).
	 */
	frontmatter: string;
	/** Everything the HTML depends on (integration/cache-key.ts), as the loader computed it. */
	key: string;
	/** SHA-256 of `html`, to tell a damaged file from a good one. */
	hash: string;
}

const FORMAT = 2;

/**
 * Rendered Markdown bodies, kept as files in Astro's cache folder rather than in its data store: Astro
 * holds the whole data store in memory and inlines it into the build as one string, which made a
 * 10,000-post build peak at 2.8 GiB and take 70% longer (README, Performance). Pages still get bodies
 * through `render(entry)`: the store entry is marked `deferredRender`, and integration/vite-plugin-bodies.ts
 * has Astro's list of content modules hand runtime/rendered-body.ts the file instead of importing the post.
 *
 * A file is only trusted when it proves current: it is named after the post's path, holds the key of
 * everything the HTML was made from and a hash of the HTML, and is written whole (temporary file, then
 * rename), so that an interrupted build, a full disk or a changed configuration leaves nothing that
 * a later build would publish.
 */
export class BodyCache {
	readonly directory: string;
	#created: Promise<unknown> | undefined;

	constructor(cacheDir: URL) {
		this.directory = fileURLToPath(new URL('carnet/bodies/', cacheDir));
	}

	/** The file of the post at `filePath` (root-relative). */
	fileFor(filePath: string): string {
		return path.join(this.directory, `${createHash('sha256').update(filePath).digest('hex').slice(0, 40)}.body`);
	}

	/** The body stored for `filePath` if it was made with `key` and is intact, else undefined. */
	async read(filePath: string, key: string): Promise<RenderedBody | undefined> {
		let stored: Partial<BodyFile>;
		try {
			// Synchronously: see PostSync.sync(), which reads each post the same way.
			stored = JSON.parse(readFileSync(this.fileFor(filePath), 'utf8')) as Partial<BodyFile>;
		} catch {
			return undefined;
		}
		if (stored.format !== FORMAT || stored.key !== key || typeof stored.html !== 'string' || stored.hash !== hashOf(stored.html)) return undefined;
		try {
			return { html: stored.html, headings: stored.headings ?? [], frontmatter: devalue.parse(stored.frontmatter ?? '[{}]') as Record<string, unknown> };
		} catch {
			return undefined;
		}
	}

	/** Stores the body of `filePath`, made with `key`, and returns its file. */
	async write(filePath: string, key: string, body: RenderedBody): Promise<string> {
		const file = this.fileFor(filePath);
		const contents: BodyFile = { format: FORMAT, key, hash: hashOf(body.html), html: body.html, headings: body.headings, frontmatter: storedFrontmatter(body.frontmatter) };
		// Once per sync, not once per body: 10,000 mkdir calls on a folder that exists.
		await (this.#created ??= mkdir(this.directory, { recursive: true }).catch((error: unknown) => {
			this.#created = undefined;
			throw error;
		}));
		await writeFileAtomic(file, JSON.stringify(contents));
		return file;
	}

	/** Forgets the body of `filePath` (a deleted or renamed post). */
	async remove(filePath: string): Promise<void> {
		await rm(this.fileFor(filePath), { force: true });
	}

	/** Removes every file but those of `filePaths`: bodies of posts that are gone, and temporary files of interrupted writes. */
	async keepOnly(filePaths: Iterable<string>): Promise<void> {
		if (!existsSync(this.directory)) return;
		const keep = new Set([...filePaths].map((filePath) => path.basename(this.fileFor(filePath))));
		const stale = (await readdir(this.directory)).filter((name) => !keep.has(name));
		await Promise.all(stale.map((name) => rm(path.join(this.directory, name), { force: true })));
	}
}

/**
 * Front matter as devalue writes it; what devalue cannot write (a function, an instance of a class of the
 * plugin's own) as JSON reads it, as before.
 */
function storedFrontmatter(frontmatter: Record<string, unknown>): string {
	try {
		return devalue.stringify(frontmatter);
	} catch {
		return devalue.stringify(JSON.parse(JSON.stringify(frontmatter)) as unknown);
	}
}

function hashOf(html: string): string {
	return createHash('sha256').update(html).digest('hex');
}
