import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AstroConfig } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { digest, stableStringify } from '../utils/digest.ts';

/** Raise when what the loader stores changes shape. */
const STORED_FORMAT = 11;

const themeVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function astroVersion(): string {
	const require = createRequire(import.meta.url);
	return (require('astro/package.json') as { version: string }).version;
}

/**
 * Everything besides a post's own file that its stored entry and rendered body depend on: the versions
 * of the theme and of Astro, the site's Markdown and image configuration (plugins by their source code,
 * see utils/digest.ts), the theme options that change dates, slugs or bodies, and whether drafts are shown. A post's key is this
 * salt with its file's contents (postKey); an entry or body made with another key is never reused.
 */
export function renderSalt(astroConfig: AstroConfig, config: ThemeConfig, showDrafts: boolean): string {
	return digest(
		stableStringify({
			format: STORED_FORMAT,
			theme: themeVersion,
			astro: astroVersion(),
			markdown: astroConfig.markdown,
			image: { domains: astroConfig.image.domains, remotePatterns: astroConfig.image.remotePatterns },
			base: astroConfig.base,
			// permalinks and strings: shortcodes turn into post addresses and link texts (markdown/shortcodes.ts).
			options: { timeZone: config.timeZone, strict: config.strict, locale: config.locale, future: config.future, permalinks: config.permalinks, strings: config.strings },
			// The Markdown features and their words (integration/body-features.ts) change bodies too.
			features: { callouts: config.callouts, math: config.math, code: config.code, figures: config.figures },
			// A draft is stored without its images and body when drafts are not shown (integration/post-file.ts).
			showDrafts,
		}),
	);
}

/** The key of one post: what its stored entry and rendered body were made from. */
export function postKey(salt: string, contents: string): string {
	return digest(`${salt}\n${contents}`);
}
