// The package's entry point: the integration of index.ts, loaded by Node itself where it can be.
//
// Astro first imports astro.config.mjs with Node, and loads it through Vite only when that fails. Node strips
// TypeScript's types itself (22.18+, 23.6+), but not under node_modules, where the theme is installed, so that
// import failed and every build and dev server paid for Vite transforming the theme's two hundred modules
// (about 1.5 s). Where Node has module.registerHooks() and stripTypeScriptTypes(), a hook strips the types of
// this package's own .ts files, and nothing else's, as they load. The theme's TypeScript is erasable
// (tsconfig's erasableSyntaxOnly), so stripping replaces types with spaces and lines and columns stay true.
// On an older Node the import of index.ts fails as before and Astro loads the config through Vite.
import module from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HOOKS_KEY = Symbol.for('astro-theme-carnet.typescript-hooks');
const themeRoot = new URL('./', import.meta.url).href;

function registerTypeScriptHooks() {
	const registered = globalThis[HOOKS_KEY] ?? (globalThis[HOOKS_KEY] = new Set());
	if (registered.has(themeRoot) || typeof module.registerHooks !== 'function' || typeof module.stripTypeScriptTypes !== 'function') return;
	registered.add(themeRoot);
	module.registerHooks({
		load(url, context, nextLoad) {
			if (!url.startsWith(themeRoot) || !url.endsWith('.ts') || url.startsWith(`${themeRoot}node_modules/`)) return nextLoad(url, context);
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
}

registerTypeScriptHooks();
const { default: carnet } = await import('./index.ts');
export default carnet;
