// The body of a Markdown post that the loader keeps in its cache (integration/body-cache.ts), as
// `render(entry)` receives it: integration/vite-plugin-bodies.ts makes Astro's list of content modules
// call renderedBody() for such a post instead of importing a module of its own. The body is read when the
// page renders, once per render(entry), and checked whole: a damaged file fails the page rather than
// publishing a cut body.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MarkdownHeading } from 'astro';
import * as devalue from 'devalue';
import { createComponent, render, unescapeHTML } from 'astro/runtime/server/index.js';

/** The format integration/body-cache.ts writes: change both together. */
const FORMAT = 2;

interface StoredBody {
	html: string;
	headings: MarkdownHeading[];
	frontmatter: Record<string, unknown>;
}

/**
 * What Astro's render() reads of a content module (`Content`, `getHeadings()`, `frontmatter`), for the
 * body stored in `file`, of the post file `post` (root-relative, as errors name it). One object per
 * render(entry) call, so that a body is read once for its HTML and headings and is not kept once the page
 * is done with it.
 */
export function renderedBody(
	file: string,
	post: string,
): { Content: ReturnType<typeof createComponent>; getHeadings(): MarkdownHeading[]; readonly frontmatter: Record<string, unknown> } {
	let stored: StoredBody | undefined;
	const read = (): StoredBody => (stored ??= readBody(file, post));
	return {
		Content: createComponent(() => render`${unescapeHTML(read().html)}`),
		getHeadings: () => read().headings,
		get frontmatter() {
			return read().frontmatter;
		},
	};
}

function readBody(file: string, post: string): StoredBody {
	let stored: Partial<Omit<StoredBody, 'frontmatter'>> & { format?: unknown; hash?: unknown; frontmatter?: string };
	try {
		stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
	} catch (error) {
		throw bodyError(file, post, `it could not be read (${error instanceof Error ? error.message : String(error)})`);
	}
	const intact = stored.format === FORMAT && typeof stored.html === 'string' && stored.hash === createHash('sha256').update(stored.html).digest('hex');
	if (!intact) throw bodyError(file, post, 'it is damaged');
	let frontmatter: Record<string, unknown>;
	try {
		// Written by devalue (integration/body-cache.ts), so that a plugin's Date or URL is one again.
		frontmatter = devalue.parse(stored.frontmatter ?? '[{}]') as Record<string, unknown>;
	} catch {
		throw bodyError(file, post, 'its front matter is damaged');
	}
	return { html: stored.html as string, headings: stored.headings ?? [], frontmatter };
}

/** The name of the errors below, by which runtime/render-failure.ts tells a damaged cache from a failing post. */
export const BODY_CACHE_ERROR = 'CarnetBodyCacheError';

/**
 * The error of a body file that cannot be used. Its message names the post, for a page of the site's own that
 * calls render(entry); `advice` says the same without it, for runtime/render-failure.ts, which names the post itself.
 */
function bodyError(file: string, post: string, problem: string): Error & { advice: string } {
	const advice = `The rendered body in ${file} cannot be used: ${problem}. It was changed after the content sync that wrote it; build again, and the post is rendered anew.`;
	const error = Object.assign(new Error(`${post}: its body could not be rendered. ${advice}`), { advice });
	error.name = BODY_CACHE_ERROR;
	return error;
}
