import type { ThemeConfig } from '../config.ts';

/** Languages giscus has an interface for (giscus.app); others fall back to English. */
const GISCUS_LANGUAGES = new Set(['ar', 'be', 'bg', 'ca', 'cs', 'da', 'de', 'en', 'eo', 'es', 'fa', 'fr', 'gr', 'he', 'hu', 'id', 'it', 'ja', 'kh', 'ko', 'nl', 'pl', 'pt', 'ro', 'ru', 'th', 'tr', 'uk', 'uz', 'vi', 'zh-CN', 'zh-TW']);

/**
 * The `data-*` attributes of giscus's script (see giscus.app), from the `comments` option. The theme
 * (light or dark) is left out: client/comments.js reads it from the page when it loads giscus.
 */
export function giscusSettings(comments: NonNullable<ThemeConfig['comments']>, locale: string): Record<string, string> {
	const { language, region } = new Intl.Locale(locale);
	const regional = region ? `${language}-${region}` : language;
	const lang = comments.lang ?? (GISCUS_LANGUAGES.has(regional) ? regional : GISCUS_LANGUAGES.has(language) ? language : 'en');
	return {
		repo: comments.repo,
		'repo-id': comments.repoId,
		category: comments.category,
		'category-id': comments.categoryId,
		mapping: comments.mapping,
		strict: '1',
		'reactions-enabled': comments.reactions ? '1' : '0',
		'emit-metadata': '0',
		'input-position': comments.inputPosition,
		lang,
		loading: 'lazy',
	};
}
