import type { AstroConfig } from 'astro';
import { getSite } from './registry.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/** The module `render(entry)` imports for a post whose body is in the loader's cache. */
const RENDERED_BODY_MODULE = new URL('../runtime/rendered-body-entry.mjs', import.meta.url).href;

// The id Astro's content layer imports an entry marked `deferredRender` by: contentModuleToId() in
// astro/dist/content/utils.js, `astro:content-layer-deferred-module?fileName=<root-relative path>&…`.
const DEFERRED_MODULE = /^astro:content-layer-deferred-module\?/;

/**
 * Lets `render(entry)` render Markdown posts whose bodies postsLoader() keeps as files
 * (integration/body-cache.ts): their entries are marked `deferredRender`, and this points the module
 * Astro imports for them at runtime/rendered-body-entry.mjs, with the body's file as a parameter, instead of
 * the post file, which Astro's Markdown plugin would parse and render again. The module stays outside
 * the bundle (10,000 bodies as modules cost 22 s and 0.4 GiB more at build time): the page reads its
 * body when it renders. MDX posts, posts whose bodies are in the store, and every other collection
 * keep Astro's own handling.
 */
export function vitePluginBodies(root: URL): VitePlugin {
	return {
		name: 'astro-theme-carnet:bodies',
		enforce: 'pre',
		resolveId: {
			// Before Astro's content plugin, which would resolve the id to the post file.
			order: 'pre',
			filter: { id: DEFERRED_MODULE },
			handler(id) {
				const fileName = new URLSearchParams(id.slice(id.indexOf('?') + 1)).get('fileName');
				const bodyFile = fileName === null ? undefined : getSite(root)?.bodies.get(fileName);
				if (bodyFile === undefined) return undefined;
				return { id: `${RENDERED_BODY_MODULE}?body=${encodeURIComponent(bodyFile)}`, external: true };
			},
		},
	};
}
