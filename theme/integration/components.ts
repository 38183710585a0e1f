import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { COMPONENT_NAMES, type ComponentName, type ThemeConfig } from '../config.ts';
import { userError } from './errors.ts';

/**
 * One virtual module per overridable component, `virtual:carnet/components/<Name>`, exporting the site's
 * replacement or the theme's default. The theme imports its parts only through these modules, so a
 * replacement shows up everywhere the part is used, and a wrapper can still import the default from
 * `astro-theme-carnet/components/<Name>.astro`. Every override is checked here, as the options are read,
 * so that a wrong path is named with the one to write rather than failing in Vite with a stack trace.
 */
export function componentModules(components: ThemeConfig['components'], root: string): Record<string, string> {
	const modules: Record<string, string> = {};
	const problems: string[] = [];
	for (const name of COMPONENT_NAMES) {
		const target = resolveComponent(name, components[name], root);
		if ('problem' in target) problems.push(`- components.${name}: ${target.problem}.`);
		else modules[`virtual:carnet/components/${name}`] = `export { default } from ${JSON.stringify(target.file)};`;
	}
	if (problems.length > 0) {
		throw userError(
			`Invalid options passed to astro-theme-carnet:\n${problems.join('\n')}`,
			'Component paths are read from the project root, e.g. ./src/components/MyCard.astro.',
		);
	}
	return modules;
}

// The social card is drawn by satori from a tree of elements, so its template is a function, not a page part.
const DEFAULT_FILES: Partial<Record<ComponentName, string>> = { SocialCard: 'SocialCard.ts' };
const SCRIPT = /\.[cm]?[jt]sx?$/;

/** The file or package specifier a component's module exports, or what is wrong with the option. */
function resolveComponent(name: ComponentName, option: string | undefined, root: string): { file: string } | { problem: string } {
	if (option === undefined) return { file: `astro-theme-carnet/components/${DEFAULT_FILES[name] ?? `${name}.astro`}` };
	const kind = name === 'SocialCard' ? '.ts or .js' : '.astro';
	const example = name === 'SocialCard' ? './src/social-card.ts' : `./src/components/My${name}.astro`;
	if (name === 'SocialCard' && path.extname(option) !== '' && !SCRIPT.test(option)) {
		return { problem: `'${option}' is not a .ts or .js module: the social card is drawn from a function that returns its elements, e.g. '${example}' (see "Your own card" in the README)` };
	}
	// `~/` and `@/` are aliases of a tsconfig's paths, which Vite does not read for a module the theme writes.
	const alias = /^[~@][/\\]/.exec(option)?.[0];
	if (alias) return { problem: `'${option}' starts with the alias ${alias}, which the theme does not read: write the path from the project root, e.g. './src/${option.slice(2)}'` };
	if (path.isAbsolute(option) && !existsSync(option)) {
		return { problem: `'${option}' starts with "/", the root of the disk, where there is no such file: write the path from the project root, './${option.replace(/^[/\\]+/, '')}'` };
	}
	const file = path.resolve(root, option);
	// A path without ./ (`src/components/MyCard.astro`) is the project's file when there is one; else a package's (`my-cards/Card.astro`), left to Vite.
	if (!option.startsWith('.') && !path.isAbsolute(option) && !existsSync(file)) {
		const packageName = option.split(/[/\\]/).slice(0, option.startsWith('@') ? 2 : 1).join('/');
		if (installed(packageName, root)) return { file: option };
		return { problem: `'${option}' is neither a file of the project (looked for ${relative(root, file)}) nor an installed package: write a file's path from the project root, e.g. '${example}'` };
	}
	if (!existsSync(file)) return { problem: `the file '${option}' was not found (looked for ${relative(root, file)})` };
	if (statSync(file).isDirectory()) return { problem: `'${option}' names a folder; name the ${kind} file, e.g. '${example}'` };
	return { file };
}

/** Whether `name` is installed where Node and Vite look for it: a node_modules folder of the project or above. */
function installed(name: string, root: string): boolean {
	for (let folder = root; ; folder = path.dirname(folder)) {
		if (existsSync(path.join(folder, 'node_modules', name))) return true;
		if (path.dirname(folder) === folder) return false;
	}
}

function relative(root: string, file: string): string {
	return path.relative(root, file).split(path.sep).join('/');
}
