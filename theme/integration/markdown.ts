import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { rehypePlugin } from '../markdown/rehype.ts';
import { satteriPlugin } from '../markdown/satteri.ts';
import type { BodyTransform } from '../markdown/transforms.ts';

/**
 * Code highlighting for posts. Astro's default, Shiki with its dark `github-dark` theme, colours code
 * with inline styles that ignore the reader's light or dark setting. Prism marks tokens with classes
 * instead, which the theme colours for both (styles/theme.css). A site that has configured Shiki
 * (a theme, themes or languages) or chosen a highlighter keeps its choice.
 */
export function markdownDefaults(markdown: AstroConfig['markdown']): Partial<AstroConfig['markdown']> | undefined {
	const { syntaxHighlight, shikiConfig } = markdown;
	const type = typeof syntaxHighlight === 'object' ? syntaxHighlight.type : syntaxHighlight;
	const shikiUntouched = shikiConfig.theme === 'github-dark' && Object.keys(shikiConfig.themes ?? {}).length === 0 && (shikiConfig.langs ?? []).length === 0;
	if (type !== 'shiki' || !shikiUntouched) return undefined;
	const excludeLangs = typeof syntaxHighlight === 'object' ? syntaxHighlight.excludeLangs : undefined;
	return { syntaxHighlight: { type: 'prism', ...(excludeLangs ? { excludeLangs } : {}) } };
}

type PluginList = readonly unknown[];

/**
 * Adds the theme's body transforms to the site's Markdown processor, after the site's own plugins.
 * `.md` and `.mdx` posts share the processor (@astrojs/mdx extends the Markdown configuration), so
 * every body gets them however it is rendered. Processors are changed in place, as Astro's own
 * integrations do (markdown.processor keeps the identity of its `options`).
 */
export function installBodyTransforms(markdown: AstroConfig['markdown'], transforms: readonly BodyTransform[], logger: AstroIntegrationLogger): void {
	const { processor } = markdown;
	const options = processor.options as Record<string, unknown>;
	if (processor.name === 'satteri') options.hastPlugins = withPlugins(options.hastPlugins, transforms.map(satteriPlugin));
	else if (processor.name === 'unified') options.rehypePlugins = withPlugins(options.rehypePlugins, transforms.map(rehypePlugin));
	else if (transforms.length > 0) {
		logger.warn(
			`The Markdown processor "${processor.name}" is neither Sätteri nor unified, so Carnet cannot add ${transforms.map((transform) => transform.name).join(' and ')} to post bodies.`,
		);
	}
}

// The names satteri.ts and rehype.ts give the theme's plugins.
const THEME_PLUGIN = /^(?:astro-theme-carnet:|astroThemeCarnet_)/;

/** `list` with `plugins` at the end, without the theme's plugins a previous setup left (astro dev restarts). */
function withPlugins(list: unknown, plugins: PluginList): PluginList {
	const current: PluginList = Array.isArray(list) ? list : [];
	const isTheme = (plugin: unknown) => THEME_PLUGIN.test(String((plugin as { name?: unknown } | null)?.name ?? ''));
	return [...current.filter((plugin) => !isTheme(plugin)), ...plugins];
}
