import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { rehypePlugin } from '../markdown/rehype.ts';
import remarkMath from 'remark-math';
import type { BodyTransform, BodyTransformOptions } from '../markdown/transforms.ts';
import type { ThemeConfig } from '../config.ts';
import { permalinkPattern } from '../utils/routes.ts';
import { isFrench } from '../utils/typography.ts';
import type { BodyFeatures } from '../markdown/features.ts';
import { withThemePlugins } from '../markdown/satteri-theme.ts';
import { rehypeFeatures, remarkFeatures } from '../markdown/unified-features.ts';
import type { SmartPunctuation } from '../markdown/smart-dashes.ts';

/** What the body transforms of a site depend on (markdown/transforms.ts): its language and its addresses. */
export function bodyTransformOptions(astroConfig: AstroConfig, config: ThemeConfig): BodyTransformOptions {
	return {
		french: isFrench(config.locale),
		base: astroConfig.base,
		trailingSlash: astroConfig.trailingSlash,
		buildFormat: astroConfig.build.format,
		postPattern: permalinkPattern(config.permalinks),
	};
}

/**
 * Code highlighting for posts. Astro's default, Shiki with its dark `github-dark` theme, colours code
 * with inline styles that ignore the reader's light or dark setting. Prism marks tokens with classes
 * instead, which the theme colours for both (styles/theme.css). A site that has configured Shiki
 * (a theme, themes, languages, aliases, transformers, wrapping or a default colour) or chosen a
 * highlighter (`syntaxHighlight: 'shiki'`, or an object of its own) keeps its choice.
 */
export function markdownDefaults(markdown: AstroConfig['markdown']): Partial<AstroConfig['markdown']> | undefined {
	const { syntaxHighlight, shikiConfig } = markdown;
	// Astro's default is the object { type: 'shiki', excludeLangs: ['math'] }: a site that writes
	// `syntaxHighlight: 'shiki'` (a string) or its own object chose Shiki, and keeps it.
	const defaultHighlighter =
		typeof syntaxHighlight === 'object' &&
		syntaxHighlight.type === 'shiki' &&
		Object.keys(syntaxHighlight).every((key) => key === 'type' || key === 'excludeLangs') &&
		JSON.stringify(syntaxHighlight.excludeLangs) === JSON.stringify(['math']);
	// Any Shiki setting of the site's own (a theme, languages, transformers, wrapping, colours) chooses Shiki too.
	const shikiUntouched =
		shikiConfig.theme === 'github-dark' &&
		Object.keys(shikiConfig.themes ?? {}).length === 0 &&
		(shikiConfig.langs ?? []).length === 0 &&
		(shikiConfig.transformers ?? []).length === 0 &&
		Object.keys(shikiConfig.langAlias ?? {}).length === 0 &&
		!shikiConfig.wrap &&
		shikiConfig.defaultColor === undefined;
	if (!defaultHighlighter || !shikiUntouched) return undefined;
	return { syntaxHighlight: { type: 'prism', excludeLangs: syntaxHighlight.excludeLangs } };
}

/**
 * Which dashes and ellipses the site's processor makes of `--`, `---` and `...`: Sätteri's `smartPunctuation`
 * feature as @astrojs/markdown-satteri sets it (on unless `smartypants: false`, the feature's own setting
 * first). Under another processor, none: its smart punctuation may split runs of hyphens otherwise.
 */
export function smartPunctuationOf(markdown: AstroConfig['markdown']): SmartPunctuation {
	const { processor } = markdown;
	if (processor.name !== 'satteri') return { dashes: false, ellipses: false };
	const setting = ((processor.options as Record<string, unknown>).features as Record<string, unknown> | undefined)?.smartPunctuation ?? markdown.smartypants !== false;
	if (typeof setting === 'object' && setting !== null) {
		const { dashes, ellipses } = setting as { dashes?: unknown; ellipses?: unknown };
		return { dashes: dashes !== false, ellipses: ellipses !== false };
	}
	return { dashes: setting === true, ellipses: setting === true };
}

type PluginList = readonly unknown[];

/** What a post's processor reads besides CommonMark, in `.md` and `.mdx` posts alike. */
export interface MarkdownSyntax {
	/** Footnotes, strikethrough, tables, task items and addresses as links. */
	gfm: boolean;
	/** `$` and `$$` math. */
	math: boolean;
}

/**
 * The syntax the site's processor reads, as @astrojs/mdx gives it to MDX posts: GFM as the processor's own
 * setting says, else as `markdown.gfm` does; math as the processor's `math` feature (Sätteri) or remark-math
 * among its plugins (unified) says, which installBodyPlugins() sets when the theme's `math` option is on.
 */
export function markdownSyntaxOf(markdown: AstroConfig['markdown']): MarkdownSyntax {
	const { processor } = markdown;
	const options = processor.options as Record<string, unknown>;
	const gfmOf = (setting: unknown) => (setting === undefined ? markdown.gfm !== false : setting !== false);
	if (processor.name === 'satteri') {
		const features = (options.features ?? {}) as Record<string, unknown>;
		return { gfm: gfmOf(features.gfm), math: Boolean(features.math) };
	}
	if (processor.name === 'unified') {
		const plugins = Array.isArray(options.remarkPlugins) ? (options.remarkPlugins as PluginList) : [];
		const parsesMath = plugins.some((plugin) => [remarkMath, remarkMathPlugin].includes((Array.isArray(plugin) ? plugin[0] : plugin) as never));
		return { gfm: gfmOf(options.gfm), math: parsesMath };
	}
	return { gfm: markdown.gfm !== false, math: false };
}

/** The words Carnet's Markdown features write into bodies, in the site's language. */
export interface BodyFeatureStrings {
	footnotesLabel: string;
	/** With `{reference}` for the footnote's number, as Sätteri takes it. */
	footnoteBackLabel: string;
}

/**
 * Adds the theme's plugins to the site's Markdown processor: its Markdown features (markdown/features.ts:
 * callouts, math, code titles and line highlights, figures) before the site's own plugins, and its body
 * transforms after them. `.md` and `.mdx` posts share the processor (@astrojs/mdx extends the Markdown
 * configuration), so every body gets them however it is rendered. Processors are changed in place, as
 * Astro's own integrations do (markdown.processor keeps the identity of its `options`). Math is parsed by
 * Sätteri's own `math` feature, or by remark-math under unified; the footnotes section is named in the
 * site's language. What the site set itself (math off, its own footnote labels) is kept.
 */
export function installBodyPlugins(
	markdown: AstroConfig['markdown'],
	transforms: readonly BodyTransform[],
	features: BodyFeatures,
	strings: BodyFeatureStrings,
	logger: AstroIntegrationLogger,
): void {
	const { processor } = markdown;
	const options = processor.options as Record<string, unknown>;
	if (processor.name === 'satteri') {
		Object.assign(options, withThemePlugins(features, transforms, { mdastPlugins: withoutTheme(options.mdastPlugins), hastPlugins: withoutTheme(options.hastPlugins) }));
		const settings = (options.features ??= {}) as Record<string, unknown>;
		if (features.math) settings.math ??= true;
		// What Hugo's Goldmark, kramdown, Pandoc and PHP Markdown Extra read by default, and migrated posts
		// use: `## Heading {#custom-id}` (ox-hugo writes one on every heading) and definition lists.
		settings.headingAttributes ??= true;
		settings.definitionList ??= true;
		if (markdown.gfm !== false && settings.gfm !== false) {
			const gfm = typeof settings.gfm === 'object' && settings.gfm !== null ? (settings.gfm as Record<string, unknown>) : {};
			if (gfm.footnotes !== false) {
				const footnotes = typeof gfm.footnotes === 'object' && gfm.footnotes !== null ? gfm.footnotes : {};
				settings.gfm = { ...gfm, footnotes: { label: strings.footnotesLabel, backLabel: strings.footnoteBackLabel, ...footnotes } };
			}
		}
	} else if (processor.name === 'unified') {
		const siteRemark = withoutTheme(options.remarkPlugins);
		// A site that parses math itself (remark-math in its own plugins) keeps its own.
		const siteMath = siteRemark.some((plugin) => (Array.isArray(plugin) ? plugin[0] : plugin) === remarkMath);
		options.remarkPlugins = [...(features.math && !siteMath ? [remarkMathPlugin] : []), remarkFeatures(features), ...siteRemark];
		options.rehypePlugins = [rehypeFeatures(features), ...withoutTheme(options.rehypePlugins), ...transforms.map(rehypePlugin)];
		const remarkRehype = (options.remarkRehype ??= {}) as Record<string, unknown>;
		remarkRehype.footnoteLabel ??= strings.footnotesLabel;
		remarkRehype.footnoteBackLabel ??= (index: number, rereference: number) =>
			strings.footnoteBackLabel.replace('{reference}', `${index + 1}${rereference > 1 ? `-${rereference}` : ''}`);
	} else {
		logger.warn(
			`The Markdown processor "${processor.name}" is neither Sätteri nor unified, so Carnet cannot add ${[...transforms.map((transform) => transform.name), 'callouts, math, code titles and figures'].join(' and ')} to post bodies.`,
		);
	}
}

/** remark-math under a theme plugin name, so that a restart replaces it rather than adding it twice. */
function remarkMathPlugin(this: unknown): unknown {
	return (remarkMath as (this: unknown) => unknown).call(this);
}
Object.defineProperty(remarkMathPlugin, 'name', { value: 'astroThemeCarnet_math' });

// The names satteri.ts, rehype.ts and the feature adapters give the theme's plugins.
const THEME_PLUGIN = /^(?:astro-theme-carnet:|astroThemeCarnet_)/;

/** Whether every plugin of `list` (a processor's plugin list) is one of the theme's. */
export function onlyThemePlugins(list: unknown): boolean {
	return withoutTheme(list).length === 0;
}

/** `list` without the theme's plugins a previous setup left (astro dev restarts). */
function withoutTheme(list: unknown): PluginList {
	const current: PluginList = Array.isArray(list) ? list : [];
	const isTheme = (plugin: unknown) => THEME_PLUGIN.test(String((plugin as { name?: unknown } | null)?.name ?? ''));
	return current.filter((plugin) => !isTheme(plugin));
}
