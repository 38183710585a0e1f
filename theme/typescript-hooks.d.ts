/** Whether this Node can load the theme's TypeScript through registerTypeScriptHooks(). */
export function canStripTypeScript(): boolean;
/** Registers, once per thread, the hook that gives Node the theme's .ts files with their types stripped; returns whether it is in place. */
export function registerTypeScriptHooks(): boolean;
