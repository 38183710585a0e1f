// The body of a Markdown post that the loader keeps in its cache (integration/body-cache.ts), for
// rendered-body-entry.mjs, the module `render(entry)` imports for that post. Plain JavaScript because
// the build imports it as an external file. The body is read when the page renders, not when the module
// loads, and it is checked whole: a damaged file fails the page rather than publishing a cut body.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createComponent, render, unescapeHTML } from 'astro/runtime/server/index.js';

const FORMAT = 1;

/** What `render(entry)` needs of the body in `file`: its component, headings and plugin front matter. */
export function renderedBody(file) {
	const read = () => {
		let stored;
		try {
			stored = JSON.parse(readFileSync(file, 'utf8'));
		} catch (error) {
			throw bodyError(file, `it could not be read (${error instanceof Error ? error.message : error})`);
		}
		const intact = stored?.format === FORMAT && typeof stored.html === 'string' && stored.hash === createHash('sha256').update(stored.html).digest('hex');
		if (!intact) throw bodyError(file, 'it is damaged');
		return stored;
	};
	return {
		Content: createComponent(() => render`${unescapeHTML(read().html)}`),
		read,
	};
}

function bodyError(file, problem) {
	return new Error(
		`The rendered body in ${file} cannot be used: ${problem}. It was changed after the content sync that wrote it; build again, and the post is rendered anew.`,
	);
}
