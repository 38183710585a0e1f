// The module `render(entry)` imports for a Markdown post whose body the loader keeps in its cache
// (integration/body-cache.ts, integration/vite-plugin-bodies.ts): one instance per post, told its file by
// the `body` query parameter. It is plain JavaScript because the build imports it as an external file.
// The body is read when the page renders, not when the module loads, so that `astro dev` shows each
// edit, and it is checked whole: a damaged file fails the page rather than publishing a cut body.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createComponent, render, unescapeHTML } from 'astro/runtime/server/index.js';

const FORMAT = 1;
const file = new URL(import.meta.url).searchParams.get('body') ?? '';

function readBody() {
	let stored;
	try {
		stored = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw bodyError(`it could not be read (${error instanceof Error ? error.message : error})`);
	}
	const intact = stored?.format === FORMAT && typeof stored.html === 'string' && stored.hash === createHash('sha256').update(stored.html).digest('hex');
	if (!intact) throw bodyError('it is damaged');
	return stored;
}

function bodyError(problem) {
	return new Error(
		`The rendered body in ${file} cannot be used: ${problem}. It was changed after the content sync that wrote it; build again, and the post is rendered anew.`,
	);
}

/**
 * Front matter as Markdown plugins left it: `render(entry)` returns it as `remarkPluginFrontmatter`. It
 * reads this export right after calling getHeadings(), which refreshes it (an ES module export is a live
 * binding), so that it stays as current as the body.
 */
export let frontmatter = {};

export function getHeadings() {
	const stored = readBody();
	frontmatter = stored.frontmatter ?? {};
	return stored.headings ?? [];
}

export const Content = createComponent(() => render`${unescapeHTML(readBody().html)}`);

export default Content;
