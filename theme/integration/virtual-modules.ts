import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { ThemeConfig } from '../config.ts';
import type { ProjectContext } from '../utils/project.ts';
import { permalinkPattern } from '../utils/routes.ts';
import { componentModules } from './components.ts';
import { sitePages } from './routes.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

interface PluginOptions {
	config: ThemeConfig;
	/** Absolute path of the default social image, if any. */
	socialImageFile: string | undefined;
	astroConfig: AstroConfig;
	command: 'dev' | 'build' | 'preview' | 'sync';
	/** In a build with `experimental.incrementalBuild`: its generation (integration/build-generation.ts). */
	buildGeneration?: string | undefined;
}

/** Serves the validated options and project facts to routes and components as virtual modules. */
export function vitePluginCarnet({ config, socialImageFile, astroConfig, command, buildGeneration }: PluginOptions): VitePlugin {
	const project: ProjectContext = {
		site: astroConfig.site,
		base: astroConfig.base,
		trailingSlash: astroConfig.trailingSlash,
		buildFormat: astroConfig.build.format,
		root: fileURLToPath(astroConfig.root),
		// Optional: tests build this module from a partial configuration without publicDir.
		publicDir: astroConfig.publicDir ? fileURLToPath(astroConfig.publicDir) : undefined,
		showDrafts: command === 'dev',
		// Optional: tests build this module from a partial configuration.
		incrementalBuild: command === 'build' && astroConfig.experimental?.incrementalBuild === true,
		buildGeneration,
		postPattern: permalinkPattern(config.permalinks),
		// Optional too: tests build this module from a partial configuration without srcDir.
		sitePages: astroConfig.srcDir ? Object.fromEntries(sitePages(astroConfig)) : undefined,
	};
	const modules: Record<string, string> = {
		'virtual:carnet/config': `export default ${JSON.stringify(config)};`,
		'virtual:carnet/project': `export default ${JSON.stringify(project)};`,
		// An import, so that Astro's image pipeline gets the image's metadata and can optimise it.
		'virtual:carnet/images': socialImageFile
			? `export { default as socialImage } from ${JSON.stringify(socialImageFile)};`
			: 'export const socialImage = undefined;',
		...componentModules(config.components, fileURLToPath(astroConfig.root)),
		// KaTeX's stylesheet, and through it its fonts, become files of the build only when the site uses them.
		'virtual:carnet/math-stylesheet':
			config.math === 'htmlAndMathml'
				? `export { default } from ${JSON.stringify(`${createRequire(import.meta.url).resolve('katex/dist/katex.min.css')}?url&no-inline`)};`
				: 'export default undefined;',
	};
	const resolved = new Map(Object.entries(modules).map(([id, code]) => [`\0${id}`, code]));
	return {
		name: 'vite-plugin-carnet',
		resolveId: {
			filter: { id: /^virtual:carnet\// },
			handler: (id) => (id in modules ? `\0${id}` : undefined),
		},
		load: {
			filter: { id: /^\0virtual:carnet\// },
			handler: (id) => resolved.get(id),
		},
	};
}
