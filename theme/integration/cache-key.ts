import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { ThemeConfig } from '../config.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { installedVersions, sourceFingerprint } from './code-fingerprint.ts';

/** Raise when what the loader stores changes shape. */
const STORED_FORMAT = 12;

const themeRoot = fileURLToPath(new URL('..', import.meta.url));
const themePackage = JSON.parse(readFileSync(path.join(themeRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

/** The theme's code that makes stored entries and bodies: all but its pages, components and styles. */
const THEME_SOURCES = ['index.ts', 'config.ts', 'schema.ts', 'loaders.ts', 'integration', 'markdown', 'utils', 'i18n'];
/** Astro's own packages that parse front matter and render Markdown (Sätteri's, or unified's when a site picks it). */
const ASTRO_MARKDOWN_PACKAGES = ['@astrojs/markdown-satteri', 'satteri', '@astrojs/markdown-remark', 'shiki', 'github-slugger', 'js-yaml', 'smol-toml'];

let codeKey: string | undefined;

/** The code that made a body: the theme's version and files, Astro's version, and the versions of both's Markdown dependencies. */
function codeFingerprint(): string {
	if (codeKey !== undefined) return codeKey;
	const astroPackageFile = createRequire(import.meta.url).resolve('astro/package.json');
	const astroDir = path.dirname(astroPackageFile);
	codeKey = digest(
		stableStringify({
			theme: themePackage.version,
			themeSources: sourceFingerprint(themeRoot, THEME_SOURCES),
			themeDependencies: installedVersions(Object.keys(themePackage.dependencies), themeRoot),
			astro: (JSON.parse(readFileSync(astroPackageFile, 'utf8')) as { version: string }).version,
			astroMarkdown: installedVersions(ASTRO_MARKDOWN_PACKAGES, astroDir),
		}),
	);
	return codeKey;
}

/**
 * Everything besides a post's own file that its stored entry and rendered body depend on: the code that
 * makes them (codeFingerprint), the site's Markdown and image configuration (plugins by their source code,
 * see utils/digest.ts, and the config file's text, which holds their options), the theme options that change dates, slugs or bodies, and whether drafts are shown. A post's key is this
 * salt with its file's contents (postKey); an entry or body made with another key is never reused.
 */
export function renderSalt(astroConfig: AstroConfig, config: ThemeConfig, showDrafts: boolean): string {
	return digest(
		stableStringify({
			format: STORED_FORMAT,
			code: codeFingerprint(),
			markdown: astroConfig.markdown,
			image: { domains: astroConfig.image.domains, remotePatterns: astroConfig.image.remotePatterns },
			base: astroConfig.base,
			// Links to the theme's pages in bodies end as these say (markdown/transforms.ts).
			pageForms: { trailingSlash: astroConfig.trailingSlash, buildFormat: astroConfig.build.format },
			// permalinks and strings: shortcodes turn into post addresses and link texts (markdown/shortcodes.ts).
			options: { timeZone: config.timeZone, strict: config.strict, locale: config.locale, future: config.future, permalinks: config.permalinks, strings: config.strings },
			// The Markdown features and their words (integration/body-features.ts) change bodies too.
			features: { callouts: config.callouts, math: config.math, code: config.code, figures: config.figures },
			// A draft is stored without its images and body when drafts are not shown (integration/post-file.ts).
			showDrafts,
			// A plugin is keyed by its source, which a factory's options and the constants it reads are not:
			// `rehypeBanner('first')` and `rehypeBanner('second')` have one source. They are in the config file.
			configFile: configFileText(astroConfig.root),
		}),
	);
}

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts'];

/** The text of the site's Astro config files, as Astro looks for them in its root. */
function configFileText(root: URL): string {
	return CONFIG_FILES.map((name) => {
		try {
			return readFileSync(new URL(name, root), 'utf8');
		} catch {
			return '';
		}
	}).join('\0');
}

/** The key of one post: what its stored entry and rendered body were made from. */
export function postKey(salt: string, contents: string): string {
	return digest(`${salt}\n${contents}`);
}
