import type { AstroConfig } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { createTranslator, type UIStrings } from '../i18n/index.ts';
import type { ShortcodeContext } from '../markdown/shortcodes.ts';
import { permalinkPattern, routePath } from '../utils/routes.ts';

/** What markdown/shortcodes.ts needs of the site: post addresses as routes.ts builds them, and link texts. */
export function shortcodeContext(astroConfig: AstroConfig, config: ThemeConfig): ShortcodeContext {
	const urls = { base: astroConfig.base, trailingSlash: astroConfig.trailingSlash, buildFormat: astroConfig.build.format, postPattern: permalinkPattern(config.permalinks) };
	const t = createTranslator(config.locale, config.strings as Partial<UIStrings>);
	return {
		postUrl: (slug, date) => {
			const [year, month, day] = date?.split('-') ?? [];
			try {
				return routePath('post', { slug, year, month, day }, urls);
			} catch {
				// A dated permalink, and a reference that names no date.
				return undefined;
			}
		},
		labels: { youtube: t('embed.youtube'), vimeo: t('embed.vimeo'), gist: t('embed.gist') },
		locale: config.locale,
	};
}
