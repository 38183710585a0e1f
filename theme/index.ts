/// <reference path="./virtual.d.ts" />
import type { AstroIntegration } from 'astro';
import type { ThemeUserConfig } from './config.ts';
import { companionIntegrations } from './integration/companions.ts';
import { parseThemeOptions } from './integration/options.ts';
import { registerSite } from './integration/registry.ts';
import { injectThemeRoutes } from './integration/routes.ts';
import { vitePluginCarnet } from './integration/virtual-modules.ts';

export type { ThemeUserConfig, ThemeConfig } from './config.ts';
export type { Post, Tag } from './utils/posts.ts';

/** The Carnet blog theme: `integrations: [carnet({ title: 'My blog' })]` in `astro.config.mjs`. */
export default function carnet(userConfig: ThemeUserConfig): AstroIntegration {
	return {
		name: 'astro-theme-carnet',
		hooks: {
			'astro:config:setup': ({ config: astroConfig, command, updateConfig, injectRoute, logger }) => {
				const config = parseThemeOptions(userConfig);
				const site = registerSite(astroConfig.root, config);
				if (!astroConfig.site) {
					logger.warn(
						'The `site` option is not set in astro.config.mjs, so the RSS feed, the sitemap and canonical URLs are skipped. ' +
							"Set it to the blog's public address, e.g. site: 'https://example.com'.",
					);
				}
				injectThemeRoutes(injectRoute, astroConfig);
				updateConfig({
					integrations: companionIntegrations(astroConfig, config, site),
					vite: { plugins: [vitePluginCarnet({ config, astroConfig, command })] },
				});
			},
		},
	};
}
