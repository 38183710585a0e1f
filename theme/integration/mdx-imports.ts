import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { splitFences } from '../markdown/shortcodes.ts';
import { userError } from './errors.ts';

// Modules that only Docusaurus provides: its theme components (Tabs, Admonition, CodeBlock), the site
// alias and its generated data. An MDX post copied from a Docusaurus blog imports them, and the
// bundler's own message would name neither the line nor what to do.
const DOCUSAURUS_MODULE = /^(?:@theme(?:-original|-init)?\/|@site\/|@docusaurus\/|@generated\/)/;
// Starlight's components, which read what Starlight's middleware puts in Astro.locals.
const STARLIGHT_MODULE = /^@astrojs\/starlight(?:\/|$)/;
const IMPORT_LINE = /^import\s+(?:[\s\S]*?\s+from\s+)?(["'])([^"']+)\1/;

/**
 * Stops the build on an MDX post that imports a module only Docusaurus has, or a package the site has not
 * installed (`nextra/components`, copied from a Nextra blog), naming the line, the module and what to do,
 * before the bundler fails on it with a stack trace. `bodyLine` is the file's line of the body's first line.
 */
export function checkMdxImports(body: string, bodyLine: number, where: { displayPath: string; entryFile: string }): void {
	if (!body.includes('import')) return;
	for (const run of splitFences(body)) {
		if (run.code) continue;
		for (const [index, line] of run.text.split('\n').entries()) {
			const module = IMPORT_LINE.exec(line)?.[2];
			if (module === undefined) continue;
			const fileLine = bodyLine + run.line - 1 + index;
			if (STARLIGHT_MODULE.test(module)) {
				throw userError(
					`${where.displayPath}:${fileLine}: imports '${module}', components of Starlight, which work only in Starlight's own pages (they read its middleware's data), not in a Carnet blog, installed or not.`,
					'Write an <Aside> as a callout (> [!NOTE], > [!CAUTION] Its title) and <Tabs> as sections, and remove the import.',
					{ file: where.entryFile, line: fileLine },
				);
			}
			const missing = DOCUSAURUS_MODULE.test(module) ? undefined : missingPackage(module, where.entryFile);
			if (missing !== undefined) {
				throw userError(
					`${where.displayPath}:${fileLine}: imports '${module}' from the package ${missing}, which is not installed in this site.`,
					`Install it (npm install ${missing}) if it is made for Astro or plain React, Vue or Svelte with their Astro integration; a component of another framework's blog (Nextra, Next.js, VitePress) does not run in Astro: remove the import and the components it brings, or import a component of your own from src/components/ in its place.`,
					{ file: where.entryFile, line: fileLine },
				);
			}
			if (!DOCUSAURUS_MODULE.test(module)) continue;
			throw userError(
				`${where.displayPath}:${fileLine}: imports '${module}', a module of Docusaurus, which an Astro site does not have.`,
				'Remove the import and the components it brings from the post, or import a component of your own from src/components/ in its place.',
				{ file: where.entryFile, line: fileLine },
			);
		}
	}
}

/**
 * The package a bare import names (`nextra` for `nextra/components`, `@scope/name` for `@scope/name/x`) when
 * no node_modules folder from the post's up to the root has it; undefined for one that is installed, and for
 * what is no package: a path, Node's own modules, Vite's and Astro's virtual modules, aliases (`@/`, `~/`, `#`).
 */
function missingPackage(module: string, entryFile: string): string | undefined {
	if (/^(?:[./~#]|@\/|[a-z][\w+.-]*:)/i.test(module) || builtinModules.includes(module.split('/')[0] as string)) return undefined;
	const name = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : (module.split('/')[0] as string);
	if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(name)) return undefined;
	for (let dir = path.dirname(entryFile); ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return undefined;
		if (path.dirname(dir) === dir) return name;
	}
}
