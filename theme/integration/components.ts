import { existsSync } from 'node:fs';
import path from 'node:path';
import { COMPONENT_NAMES, type ComponentName, type ThemeConfig } from '../config.ts';
import { userError } from './errors.ts';

/**
 * One virtual module per overridable component, `virtual:carnet/components/<Name>`, exporting the site's
 * replacement or the theme's default. The theme imports its parts only through these modules, so a
 * replacement shows up everywhere the part is used, and a wrapper can still import the default from
 * `astro-theme-carnet/components/<Name>.astro`.
 */
export function componentModules(components: ThemeConfig['components'], root: string): Record<string, string> {
	const modules: Record<string, string> = {};
	for (const name of COMPONENT_NAMES) {
		const target = resolveComponent(name, components[name], root);
		modules[`virtual:carnet/components/${name}`] = `export { default } from ${JSON.stringify(target)};`;
	}
	return modules;
}

// The social card is drawn by satori from a tree of elements, so its template is a function, not a page part.
const DEFAULT_FILES: Partial<Record<ComponentName, string>> = { SocialCard: 'SocialCard.ts' };

function resolveComponent(name: ComponentName, option: string | undefined, root: string): string {
	if (option === undefined) return `astro-theme-carnet/components/${DEFAULT_FILES[name] ?? `${name}.astro`}`;
	// A package specifier is left to Vite; a path is read from the project root.
	if (!option.startsWith('.') && !path.isAbsolute(option)) return option;
	const file = path.resolve(root, option);
	if (existsSync(file)) return file;
	throw userError(
		`Invalid options passed to astro-theme-carnet:\n- components.${name}: the file '${option}' was not found (looked for ${path.relative(root, file)}).`,
		'Component paths are read from the project root, e.g. ./src/components/MyCard.astro.',
	);
}
