import type { MarkdownHeading } from 'astro';
import { balanceHtml } from '../utils/balanced-html.ts';
import { summaryOf } from '../utils/summary.ts';
import { writeBodyFile } from './body-cache.ts';

/**
 * What becomes of a rendered body before the loader stores it, done on the thread that rendered it
 * (integration/markdown-workers.ts), so that a worker's body does not come back to the main thread to be
 * parsed, summarised and written: at 5,000 posts that was the largest part of the main thread's work
 * left in a cold sync while the workers waited for it.
 */
export interface BodyFinish {
	/** Summarise the body (the post has no description), ending at the post's excerpt separator if it has one. */
	summary?: { separator: string | undefined } | undefined;
	/**
	 * Write the body to this file of the body cache (integration/body-cache.ts), made with this key, unless
	 * it shows images of its own: Astro resolves those when it renders an entry from its store, which then
	 * keeps the body.
	 */
	cache?: { file: string; key: string } | undefined;
}

/** A rendered body as Sätteri's renderer and the content layer's renderMarkdown give it. */
export interface RenderedHtml {
	html: string;
	metadata?: { headings?: MarkdownHeading[]; frontmatter?: Record<string, unknown>; imagePaths?: string[] };
}

export interface FinishedBody {
	/** The HTML with every element closed; empty when it was written to the cache, which now holds it. */
	html: string;
	summary: string | undefined;
	/** The body's file in the cache, if it was written there. */
	cachedIn: string | undefined;
}

/** What a failure to finish a body carries across threads, so that the loader words it as such (post-sync.ts). */
export const FINISH_PHASE = 'finish';

/**
 * Closes the elements the body's raw HTML leaves open (utils/balanced-html.ts), summarises it, and writes
 * it to the body cache, as `finish` asks. An error while reading the HTML back is marked with FINISH_PHASE.
 */
export async function finishBody(rendered: RenderedHtml, finish: BodyFinish): Promise<FinishedBody> {
	let html: string;
	let summary: string | undefined;
	try {
		html = balanceHtml(rendered.html);
		if (finish.summary) summary = summaryOf(html, finish.summary.separator);
	} catch (error) {
		throw Object.assign(error instanceof Error ? error : new Error(String(error)), { phase: FINISH_PHASE });
	}
	const { cache } = finish;
	if (!cache || (rendered.metadata?.imagePaths ?? []).length > 0) return { html, summary, cachedIn: undefined };
	await writeBodyFile(cache.file, cache.key, { html, headings: rendered.metadata?.headings ?? [], frontmatter: rendered.metadata?.frontmatter ?? {} });
	return { html: '', summary, cachedIn: cache.file };
}
