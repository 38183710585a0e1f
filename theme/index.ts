/// <reference path="./virtual.d.ts" />
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { ThemeUserConfig } from './config.ts';
import { startBuildGeneration, type BuildGeneration } from './integration/build-generation.ts';
import { companionIntegrations } from './integration/companions.ts';
import { fillEnclosureLengths } from './integration/enclosures.ts';
import { checkContentConfig, checkOneCarnet, withSiteLocale, withTitle } from './integration/first-run.ts';
import { vitePluginImageGuard } from './integration/image-guard.ts';
import { imageServiceDefaults } from './integration/image-service.ts';
import { bodyTransformOptions, installBodyPlugins, markdownDefaults } from './integration/markdown.ts';
import { bodyFeatures } from './integration/body-features.ts';
import { parseThemeOptions } from './integration/options.ts';
import { clearOutDirInBackground, type OutDirCleanup } from './integration/out-dir.ts';
import { copyCachedPages, vitePluginCachedPages, type CachedPageCopies } from './integration/cached-pages.ts';
import { loadPostsCollection, warnUnreadCollections } from './integration/posts-collection.ts';
import { registerSite, type SiteState } from './integration/registry.ts';
import { checkSiteAddress } from './integration/site-address.ts';
import { collectSyncGarbage } from './integration/sync-garbage.ts';
import { addDevFileAddresses, injectThemeRoutes } from './integration/routes.ts';
import { resolveCardFonts } from './integration/card-fonts.ts';
import { emitExpectedCards, pruneCardCache, socialCardSetup, vitePluginSocialCards, writeCards, type SocialCardSetup } from './integration/social-cards.ts';
import { writeSearchIndex } from './integration/search-index.ts';
import { resolveSocialImage } from './integration/social-image.ts';
import { stylesheetDefaults } from './integration/stylesheets.ts';
import { vitePluginBodies } from './integration/vite-plugin-bodies.ts';
import { vitePluginContentStore } from './integration/vite-plugin-content-store.ts';
import { vitePluginMdxText } from './integration/vite-plugin-mdx-text.ts';
import { vitePluginCarnet } from './integration/virtual-modules.ts';
import { bodyTransforms } from './markdown/transforms.ts';
import { createTranslator, hasStringsFor, type UIStrings } from './i18n/index.ts';
import { cardReport, clearCardJournal, readCardJournal, startCardReport } from './utils/card-report.ts';
import { foldUndrawnTitleWarnings } from './utils/card-warnings.ts';

/** The theme's dependencies that its pages bundle rather than import from the site's node_modules (see `ssr` below). */
const BUNDLED_DEPENDENCIES = ['ansi-regex'];

export type { ThemeUserConfig, ThemeConfig } from './config.ts';
export type { Post, Tag } from './utils/posts.ts';

/** The Carnet blog theme: `integrations: [carnet({ title: 'My blog' })]` in `astro.config.mjs`. */
export default function carnet(userConfig?: ThemeUserConfig): AstroIntegration {
	let siteBase: string | undefined;
	let cards: SocialCardSetup | undefined;
	let cardsOn = false;
	let heldCardWarnings: string[] = [];
	let searchEnabled = false;
	let search: { cacheDir: URL; base: string } | undefined;
	let finalConfig: AstroConfig | undefined;
	let oldOutput: OutDirCleanup | undefined;
	let generation: BuildGeneration | undefined;
	let cachedPages: CachedPageCopies | undefined;
	let siteState: SiteState | undefined;
	return {
		name: 'astro-theme-carnet',
		hooks: {
			'astro:config:setup': async ({ config: astroConfig, command, updateConfig, injectRoute, addMiddleware, logger }) => {
				checkOneCarnet(astroConfig);
				const warn = (message: string) => logger.warn(message);
				const config = parseThemeOptions(withSiteLocale(withTitle(userConfig, astroConfig, warn), astroConfig, warn));
				checkContentConfig(astroConfig, config.collection);
				searchEnabled = config.search;
				const socialImageFile = resolveSocialImage(config.socialImage, astroConfig);
				const site = registerSite(astroConfig.root, config);
				siteState = site;
				site.loadPosts = loadPostsCollection;
				checkSiteAddress(astroConfig, warn);
				if (!hasStringsFor(config.locale)) {
					logger.warn(
						`The theme has no UI strings for the locale '${config.locale}' yet, so they are in English. ` +
							'Translate them with the `strings` option; the keys are listed in astro-theme-carnet/i18n/en.ts.',
					);
				}
				injectThemeRoutes(injectRoute, astroConfig, config, (message) => logger.info(message));
				addDevFileAddresses(addMiddleware, astroConfig, command);
				const transformOptions = bodyTransformOptions(astroConfig, config);
				// The highlighter posts get: Prism when the theme sets it (markdownDefaults, below) or the site chose it.
				const { syntaxHighlight } = astroConfig.markdown;
				const highlighter = markdownDefaults(astroConfig.markdown) ? 'prism' : typeof syntaxHighlight === 'object' ? syntaxHighlight.type : syntaxHighlight || undefined;
				const { features, strings } = bodyFeatures(config, createTranslator(config.locale, config.strings as Partial<UIStrings>), highlighter);
				installBodyPlugins(astroConfig.markdown, bodyTransforms(transformOptions), features, strings, logger);
				site.bodyPlugins = { features, transforms: transformOptions };
				generation = await startBuildGeneration(astroConfig, command, (message) => logger.info(message));
				cachedPages = undefined;
				cards = socialCardSetup(astroConfig, resolveCardFonts(config.socialCards.fonts, astroConfig));
				cardsOn = config.socialCards.posts !== 'none';
				// A build's warnings about cards wait for the end of the build: given while pages render, Astro's
				// list of routes would print them in the middle of its lines.
				heldCardWarnings = [];
				startCardReport(command === 'build' ? (message) => heldCardWarnings.push(message) : (message) => logger.warn(message));
				clearCardJournal(cards.journalDir);
				const image = imageServiceDefaults(astroConfig.image);
				const markdown = markdownDefaults(astroConfig.markdown);
				const build = stylesheetDefaults(astroConfig.build);
				updateConfig({
					integrations: companionIntegrations(astroConfig, config, site),
					...(image ? { image } : {}),
					...(markdown ? { markdown } : {}),
					...(build ? { build } : {}),
					vite: {
						// Bundled into the pages, not loaded from the site's node_modules when they render: Vite resolves a
						// dependency it leaves external from the project's root, where another package's older copy may be
						// (ansi-regex 5, which strip-ansi 6 brings, reads terminal codes otherwise than the theme's 6).
						ssr: { noExternal: BUNDLED_DEPENDENCIES },
						environments: { prerender: { resolve: { noExternal: BUNDLED_DEPENDENCIES } } },
						plugins: [
							vitePluginCarnet({ config, socialImageFile, astroConfig, command, buildGeneration: generation?.id }),
							vitePluginBodies(astroConfig.root),
							vitePluginContentStore(() => finalConfig ?? astroConfig),
							vitePluginMdxText(astroConfig.root, { publicDir: fileURLToPath(astroConfig.publicDir), base: astroConfig.base }, { satteri: astroConfig.markdown.processor.name === 'satteri' }),
							vitePluginImageGuard(fileURLToPath(astroConfig.root)),
							vitePluginSocialCards(cards),
							vitePluginCachedPages(() => cachedPages),
						],
					},
				});
			},
			'astro:config:done': ({ config: astroConfig, logger }) => {
				finalConfig = astroConfig;
				// From here to the pages, beside the content sync and the bundle (integration/cached-pages.ts).
				if (generation) cachedPages ??= copyCachedPages(astroConfig, generation.continued, (message) => logger.warn(message));
				search = searchEnabled ? { cacheDir: astroConfig.cacheDir, base: astroConfig.base } : undefined;
				siteBase = astroConfig.site ? new URL(astroConfig.base, astroConfig.site).href.replace(/\/?$/, '/') : undefined;
			},
			'astro:build:start': ({ logger }) => {
				const collected = collectSyncGarbage();
				if (collected) logger.debug(`Collected ${collected.freedMiB} MiB the content sync left in the heap, in ${collected.milliseconds} ms.`);
				if (finalConfig) oldOutput = clearOutDirInBackground(finalConfig);
				// After the content sync: every collection has loaded.
				if (siteState) warnUnreadCollections(siteState, (message) => logger.warn(message));
			},
			'astro:server:start': ({ logger }) => {
				if (siteState) warnUnreadCollections(siteState, (message) => logger.warn(message));
			},
			'astro:build:generated': async ({ logger }) => {
				const removed = await cachedPages?.removeUnproduced();
				if (removed) logger.debug(`Removed ${removed} copied pages this build no longer has.`);
			},
			'astro:build:done': async ({ dir, logger }) => {
				// What pages rendered on Astro's worker threads (experimental.parallelPrerender) drew and warned.
				if (cards) readCardJournal(cardReport(), cards.journalDir);
				if (cards && cardsOn) {
					const report = cardReport();
					emitExpectedCards(report.expected, report.pending);
					await writeCards(fileURLToPath(dir), report.pending);
					const pruned = await pruneCardCache(cards.cacheDir, report.used);
					logger.info(`Social cards: ${report.rendered} rendered, ${report.reused} reused from the cache, ${pruned} stale removed.`);
				}
				// Once every card is drawn: those no page asked for are drawn above, while the build ends.
				// A blog in a script the fonts lack gets one warning for its posts' titles, not one a post.
				for (const message of foldUndrawnTitleWarnings(heldCardWarnings.splice(0))) logger.warn(message);
				if (search) await writeSearchIndex({ outDir: dir, ...search, logger });
				if (siteBase) {
					const filled = await fillEnclosureLengths(dir, siteBase);
					logger.debug(`Filled in the byte length of ${filled} feed enclosures.`);
				}
				const problem = await oldOutput?.finished;
				if (problem) logger.warn(problem);
				await generation?.finish();
			},
		},
	};
}
