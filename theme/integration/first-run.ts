import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { localeProblem, type ThemeUserConfig } from '../config.ts';
import { describeValue } from '../utils/describe.ts';
import { userError } from './errors.ts';

// `npx astro add astro-theme-carnet` writes `carnet()` with no options and no content collection, and a
// second `carnet()` on a site that has one: the checks below turn that into a working build, or into an
// error that says what to write.

/**
 * Stops the build of a site that adds carnet() more than once: one blog has one theme, and a second would
 * inject every page again and sync the same posts into one cache.
 */
export function checkOneCarnet(astroConfig: Pick<AstroConfig, 'integrations'>): void {
	const count = astroConfig.integrations.filter((integration) => integration.name === 'astro-theme-carnet').length;
	if (count < 2) return;
	throw userError(
		`carnet() is in the integrations of astro.config.mjs ${count} times; Carnet makes one blog, with one carnet().`,
		"Keep one carnet() and give it every option, e.g. integrations: [carnet({ title: 'My blog', locale: 'fr' })].",
	);
}

/** The options with a title: the user's, or a default with a warning (see defaultTitle). */
export function withTitle(userConfig: ThemeUserConfig | undefined, astroConfig: Pick<AstroConfig, 'site' | 'root'>, warn: (message: string) => void): unknown {
	// `carnet('My blog')` spread as options would be one unknown option per letter.
	const given: unknown = userConfig;
	if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) {
		const title = typeof given === 'string' ? given : 'My blog';
		throw userError(`carnet() takes its options as an object, received ${describeValue(given)}.`, `Write carnet({ title: ${JSON.stringify(title)} }) in astro.config.mjs.`);
	}
	if (userConfig?.title !== undefined) return userConfig;
	const fallback = defaultTitle(astroConfig);
	warn(fallback.warning);
	return { ...userConfig, title: fallback.title };
}

/**
 * The options with the site's language: `locale` when given, else the default locale of Astro's `i18n`
 * configuration (`i18n: { defaultLocale: 'fr' }`), which a site sets for the same purpose. A default locale
 * written as a path (`{ path: 'french', codes: ['fr', 'fr-CA'] }`) is its first code. Also warns when
 * Astro's i18n routing expects addresses that Carnet's pages do not have.
 */
export function withSiteLocale(userConfig: unknown, astroConfig: Pick<AstroConfig, 'i18n'>, warn: (message: string) => void): unknown {
	const i18n = astroConfig.i18n;
	if (!i18n) return userConfig;
	const routing = typeof i18n.routing === 'object' ? i18n.routing : undefined;
	if (routing?.prefixDefaultLocale) {
		warn(
			"Astro's i18n routing has prefixDefaultLocale: true, but Carnet's pages (posts, tags, feeds) are at addresses without a locale: astro dev answers them with a 404, and a build publishes them at addresses the routing does not expect. " +
				'Set i18n.routing.prefixDefaultLocale to false in astro.config.mjs.',
		);
	}
	const options = (userConfig ?? {}) as Record<string, unknown>;
	if (options.locale !== undefined) return userConfig;
	const index = i18n.locales.findIndex((locale) => (typeof locale === 'string' ? locale : locale.path) === i18n.defaultLocale);
	const written = i18n.locales[index];
	const locale = typeof written === 'object' ? written.codes[0] : i18n.defaultLocale;
	// Named where it was written, which the theme's options error would not say: carnet() has no locale option.
	const problem = locale ? localeProblem(locale) : undefined;
	if (problem) {
		const where = typeof written === 'object' ? `i18n.locales[${index}].codes[0]` : 'i18n.defaultLocale';
		throw userError(
			`Invalid ${where} in astro.config.mjs, which gives the blog its language (carnet() has no locale option): ${problem}, received ${describeValue(locale)}.`,
			`Fix ${where} in astro.config.mjs, e.g. 'es-ES', or give carnet() a locale option of its own.`,
		);
	}
	return locale ? { ...options, locale } : userConfig;
}

/**
 * The blog's name when `carnet()` has none: the host of `site` (`example.com`), else the `name` of the
 * site's package.json, else "Blog". Returns the name and the warning to print.
 */
export function defaultTitle(astroConfig: Pick<AstroConfig, 'site' | 'root'>): { title: string; warning: string } {
	const title = (astroConfig.site && URL.canParse(astroConfig.site) ? new URL(astroConfig.site).hostname : undefined) || packageName(astroConfig.root) || 'Blog';
	return {
		title,
		warning: `carnet() has no title, so the blog is called "${title}". Name it in astro.config.mjs: integrations: [carnet({ title: 'My blog' })].`,
	};
}

function packageName(root: URL): string | undefined {
	try {
		const name = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name?: unknown }).name;
		return typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
	} catch {
		return undefined;
	}
}

const CONTENT_CONFIG_FILES = ['content.config.ts', 'content.config.mts', 'content.config.js', 'content.config.mjs'];

/**
 * Stops the build of a site that declares no content collections: the blog would have no posts, and
 * Astro would only say so once per page. The error gives the file to create, whole.
 */
export function checkContentConfig(astroConfig: Pick<AstroConfig, 'srcDir' | 'root'>, collection: string): void {
	if (CONTENT_CONFIG_FILES.some((file) => existsSync(new URL(file, astroConfig.srcDir)))) return;
	const srcDir = fileURLToPath(astroConfig.srcDir).slice(fileURLToPath(astroConfig.root).length).replace(/\\/g, '/') || 'src/';
	throw userError(
		`astro-theme-carnet reads the blog's posts from a content collection named "${collection}", and this site has no ${srcDir}content.config.ts to declare it.`,
		`Create ${srcDir}content.config.ts with these lines:\n\n` +
			"import { defineCollection } from 'astro:content';\n" +
			"import { postsLoader } from 'astro-theme-carnet/loaders';\n" +
			"import { postSchema } from 'astro-theme-carnet/schema';\n\n" +
			'export const collections = {\n' +
			`\t${/^[A-Za-z_$][\w$]*$/.test(collection) ? collection : JSON.stringify(collection)}: defineCollection({ loader: postsLoader(), schema: postSchema() }),\n` +
			'};\n\n' +
			`and write your posts in ${srcDir}content/posts/ (Markdown files with a title and a date).`,
	);
}
