import type { ThemeConfig } from '../config.ts';
import type { Translate } from '../i18n/index.ts';
import type { BodyFeatures } from '../markdown/features.ts';
import type { BodyFeatureStrings } from './markdown.ts';

/** The Markdown features a site's options turn on, with their words in the site's language. */
export function bodyFeatures(config: Pick<ThemeConfig, 'callouts' | 'math' | 'code' | 'figures'>, t: Translate, highlighter?: string): { features: BodyFeatures; strings: BodyFeatureStrings } {
	return {
		features: {
			callouts: config.callouts,
			math: config.math !== false,
			mathOutput: config.math === 'htmlAndMathml' ? 'htmlAndMathml' : 'mathml',
			code: config.code,
			prism: highlighter === 'prism',
			figures: config.figures,
			labels: {
				note: t('callout.note'),
				tip: t('callout.tip'),
				important: t('callout.important'),
				warning: t('callout.warning'),
				caution: t('callout.caution'),
			},
		},
		strings: { footnotesLabel: t('footnotes.label'), footnoteBackLabel: t('footnotes.backLabel') },
	};
}
