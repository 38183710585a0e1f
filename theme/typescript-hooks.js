// Has Node load this package's own .ts files, their types stripped: Node strips TypeScript's types itself
// (22.18+, 23.6+), but not under node_modules, where the theme is installed. Used by the entry point
// (index.js) on the main thread and by the Markdown workers (integration/markdown-workers.ts) on theirs:
// module.registerHooks() hooks run in the thread that registers them, each thread needs its own.
import module from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const THEME_ROOT = new URL('./', import.meta.url).href;
const NODE_MODULES = `${THEME_ROOT}node_modules/`;
const REGISTERED = Symbol.for('astro-theme-carnet.typescript-hooks');

/** Whether this Node can load the theme's TypeScript through registerTypeScriptHooks(). */
export function canStripTypeScript() {
	return typeof module.registerHooks === 'function' && typeof module.stripTypeScriptTypes === 'function';
}

/**
 * Registers, once per thread, a hook that gives Node the theme's .ts files with their types stripped (replaced
 * by spaces, so lines and columns stay true: the theme's TypeScript is erasable, see tsconfig's
 * erasableSyntaxOnly). Other files go to Node's own loading. Returns whether the hook is in place.
 */
export function registerTypeScriptHooks() {
	if (!canStripTypeScript()) return false;
	// Per copy of the theme: a process may load two (two sites of a monorepo on different versions).
	const registered = (globalThis[REGISTERED] ??= new Set());
	if (registered.has(THEME_ROOT)) return true;
	registered.add(THEME_ROOT);
	module.registerHooks({
		load(url, context, nextLoad) {
			if (!url.startsWith(THEME_ROOT) || !url.endsWith('.ts') || url.startsWith(NODE_MODULES)) return nextLoad(url, context);
			const code = readFileSync(fileURLToPath(url), 'utf8');
			// Node warns once that stripTypeScriptTypes() is experimental: a warning for the theme, not for the site's author.
			const emitWarning = process.emitWarning;
			process.emitWarning = () => {};
			try {
				return { format: 'module', source: module.stripTypeScriptTypes(code, { mode: 'strip', sourceUrl: url }), shortCircuit: true };
			} finally {
				process.emitWarning = emitWarning;
			}
		},
	});
	return true;
}
