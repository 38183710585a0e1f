// Mounts the theme's Vite plugin in Vitest, as Starlight's __tests__/test-config.ts does, so that
// render-time code that reads `virtual:carnet/*` runs in milliseconds without an Astro build.
// `astro:content` is replaced by helpers/astro-content.ts, whose entries a test sets.
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import type { ThemeUserConfig } from '../../theme/config.ts';
import { parseThemeOptions } from '../../theme/integration/options.ts';
import { vitePluginCarnet } from '../../theme/integration/virtual-modules.ts';

/** The site the runtime tests see: options as a site owner writes them, and the Astro settings the theme reads. */
export const RUNTIME_SITE = {
	options: { title: 'Carnet de test', locale: 'fr', timeZone: 'Europe/Paris', postsPerPage: 2, strings: { 'site.archive': 'Tout' } } satisfies ThemeUserConfig,
	astro: { site: 'https://example.com', base: '/blog', trailingSlash: 'always', build: { format: 'directory' } },
} as const;

export function themeTestPlugins(): Plugin[] {
	const root = new URL('../../', import.meta.url);
	const astroConfig = { ...RUNTIME_SITE.astro, root, publicDir: new URL('public/', root) } as unknown as AstroConfig;
	const carnet = vitePluginCarnet({ config: parseThemeOptions(RUNTIME_SITE.options), socialImageFile: undefined, astroConfig, command: 'build' }) as Plugin;
	const astroContent: Plugin = {
		name: 'test:astro-content',
		enforce: 'pre',
		resolveId: (id) => (id === 'astro:content' ? fileURLToPath(new URL('./astro-content.ts', import.meta.url)) : undefined),
	};
	return [carnet, astroContent];
}
