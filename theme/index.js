// The package's entry point: the integration of index.ts, loaded by Node itself where it can be.
//
// Astro first imports astro.config.mjs with Node, and loads it through Vite only when that fails. Node does
// not strip TypeScript's types under node_modules, where the theme is installed, so that import failed and
// every build and dev server paid for Vite transforming the theme's two hundred modules (about a second).
// A module hook (typescript-hooks.js) now strips the types of this package's own .ts files as they load.
// On a Node without module.registerHooks() the import of index.ts fails as before, and Astro loads the
// config through Vite, which loads this file and index.ts in its own way.
import { registerTypeScriptHooks } from './typescript-hooks.js';

registerTypeScriptHooks();
const { default: carnet } = await import('./index.ts');
export default carnet;
