import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { userError } from './errors.ts';
import { getSite } from './registry.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/** The module that gives render(entry) a body from the loader's cache (runtime/rendered-body.ts). */
const RENDERED_BODY_MODULE = fileURLToPath(new URL('../runtime/rendered-body.ts', import.meta.url));

// Astro's list of content modules: `astro:content-module-imports`, which resolves to
// .astro/content-modules.mjs once a sync has written it (vite-plugin-content-virtual-mod.js). For each
// entry marked `deferredRender` it holds `["<root-relative path>", () => import("astro:content-layer-deferred-module?…&fileName=…")]`
// (MutableDataStore#writeModuleImports, contentModuleToId() in astro/dist/content/utils.js).
const MODULE_LIST = /(?:^|[/\\])content-modules\.mjs$|^\0astro:content-module-imports$/;
const DEFERRED_IMPORT = /import\((["'])(astro:content-layer-deferred-module\?[^"']*)\1\)/g;

/**
 * Lets `render(entry)` render Markdown posts whose bodies postsLoader() keeps as files
 * (integration/body-cache.ts): their entries are marked `deferredRender`, and Astro's list of content
 * modules would import each post file, which Astro's Markdown plugin would parse and render again.
 * This rewrites the list so that such a post's loader calls runtime/rendered-body.ts with its body's
 * file instead: one module shared by every post, which reads a body when a page renders it. (A module
 * of its own per post, imported from outside the bundle, cost a 10,000-post build 30 s of warm page
 * rendering and 0.3 GiB; bundling the bodies as modules cost 22 s and 0.4 GiB more.) MDX posts, posts
 * whose bodies are in the store, and every other collection keep Astro's own handling.
 */
export function vitePluginBodies(root: URL): VitePlugin {
	return {
		name: 'astro-theme-carnet:bodies',
		transform: {
			filter: { id: MODULE_LIST },
			handler(code) {
				const bodies = getSite(root)?.bodies;
				if (bodies === undefined || bodies.size === 0) return undefined;
				let replaced = 0;
				const rewritten = code.replace(DEFERRED_IMPORT, (call: string, _quote: string, id: string) => {
					const fileName = new URLSearchParams(id.slice(id.indexOf('?') + 1)).get('fileName');
					const bodyFile = fileName === null ? undefined : bodies.get(fileName);
					if (bodyFile === undefined) return call;
					replaced++;
					return `Promise.resolve(__carnetRenderedBody(${JSON.stringify(bodyFile)}, ${JSON.stringify(fileName)}))`;
				});
				if (replaced === 0) {
					// Astro changed how it lists content modules: every post would render empty or twice.
					throw userError(
						`Carnet found none of its ${bodies.size} post bodies in Astro's list of content modules, whose format this version of Carnet does not know.`,
						'Update astro-theme-carnet, or install the version of Astro its package.json names.',
					);
				}
				return { code: `import { renderedBody as __carnetRenderedBody } from ${JSON.stringify(RENDERED_BODY_MODULE)};\n${rewritten}`, map: null };
			},
		},
	};
}
