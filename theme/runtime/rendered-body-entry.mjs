// The module `render(entry)` imports for one Markdown post whose body is in the loader's cache
// (integration/vite-plugin-bodies.ts): one instance per post, told its body's file by the `body` query
// parameter. It stays this small, with one relative import, because every post page imports an instance.
import { renderedBody } from './rendered-body.mjs';

const body = renderedBody(new URL(import.meta.url).searchParams.get('body') ?? '');

export const Content = body.Content;

/**
 * Front matter as Markdown plugins left it: `render(entry)` returns it as `remarkPluginFrontmatter`,
 * reading this export right after calling getHeadings(), which refreshes it (an ES module export is a
 * live binding), so that it is as current as the body.
 */
export let frontmatter = {};

export function getHeadings() {
	const stored = body.read();
	frontmatter = stored.frontmatter ?? {};
	return stored.headings ?? [];
}

export default Content;
