import type { BodyFeatures } from './features.ts';
import { satteriFeaturePlugins } from './satteri-features.ts';
import { satteriTransformPlugins } from './satteri.ts';
import type { BodyTransform } from './transforms.ts';

/**
 * The plugin lists of a Sätteri processor with the theme's plugins around the site's own: the Markdown
 * features first (callouts, math, code, figures), the body transforms last in each tree, so that they see
 * the site's output too. One order for the site's processor (integration/markdown.ts) and for the copies that render
 * bodies on worker threads (integration/markdown-worker.ts).
 */
export function withThemePlugins(
	features: BodyFeatures,
	transforms: readonly BodyTransform[],
	site: { mdastPlugins: readonly unknown[]; hastPlugins: readonly unknown[] },
): { mdastPlugins: unknown[]; hastPlugins: unknown[] } {
	const { mdast, hast } = satteriFeaturePlugins(features);
	const last = satteriTransformPlugins(transforms);
	return { mdastPlugins: [mdast, ...site.mdastPlugins, ...last.mdastPlugins], hastPlugins: [...hast, ...site.hastPlugins, ...last.hastPlugins] };
}
