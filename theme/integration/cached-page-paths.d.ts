// The types of cached-page-paths.js, which stays JavaScript for the worker thread. A site type-checks the
// theme's TypeScript from node_modules, where TypeScript gives a .js file no types of its own.

/**
 * The file that an `outputFile` of Astro's incremental manifest names under `folder`, or undefined if it is
 * not inside it.
 */
export function outputFileIn(file: string, folder: URL | string): string | undefined;
