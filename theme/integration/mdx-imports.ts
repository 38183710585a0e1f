import { splitFences } from '../markdown/shortcodes.ts';
import { userError } from './errors.ts';

// Modules that only Docusaurus provides: its theme components (Tabs, Admonition, CodeBlock), the site
// alias and its generated data. An MDX post copied from a Docusaurus blog imports them, and the
// bundler's own message would name neither the line nor what to do.
const DOCUSAURUS_MODULE = /^(?:@theme(?:-original|-init)?\/|@site\/|@docusaurus\/|@generated\/)/;
const IMPORT_LINE = /^import\s+(?:[\s\S]*?\s+from\s+)?(["'])([^"']+)\1/;

/**
 * Stops the build on an MDX post that imports a module only Docusaurus has, naming the line, the module
 * and what to do, before the bundler fails on it. `bodyLine` is the file's line of the body's first line.
 */
export function checkMdxImports(body: string, bodyLine: number, where: { displayPath: string; entryFile: string }): void {
	if (!body.includes('import')) return;
	for (const run of splitFences(body)) {
		if (run.code) continue;
		for (const [index, line] of run.text.split('\n').entries()) {
			const module = IMPORT_LINE.exec(line)?.[2];
			if (module === undefined || !DOCUSAURUS_MODULE.test(module)) continue;
			const fileLine = bodyLine + run.line - 1 + index;
			throw userError(
				`${where.displayPath}:${fileLine}: imports '${module}', a module of Docusaurus, which an Astro site does not have.`,
				'Remove the import and the components it brings from the post, or import a component of your own from src/components/ in its place.',
				{ file: where.entryFile, line: fileLine },
			);
		}
	}
}
