import { oncePerKey } from './once-per-key.ts';

// Languages written right to left, for engines whose Intl.Locale has no text direction (Node has had it
// since 22): each in the script CLDR gives it by default.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'khw', 'ks', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

type LocaleWithTextInfo = Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };

/**
 * `rtl` for a language written right to left (ar, he, fa, ckb, `az-Arab`…), else `ltr`: the site's
 * `<html dir>`, a post's own `lang`, a feed's stylesheet. Remembered per language: every page and post asks,
 * and Intl.Locale takes about 20 µs.
 */
export const textDirection: (lang: string) => 'ltr' | 'rtl' = oncePerKey(directionOf);

function directionOf(lang: string): 'ltr' | 'rtl' {
	try {
		const locale = new Intl.Locale(lang) as LocaleWithTextInfo;
		const info = locale.getTextInfo?.() ?? locale.textInfo;
		if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
		if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
		return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
	} catch {
		return 'ltr';
	}
}

/**
 * The `lang` and `dir` of a post's title or text where it stands alone (a link in a list): the post's
 * own, else `dir="auto"`, so that a Hebrew or Arabic title reads right to left on any page.
 */
export function textAttributes(post: { lang?: string | undefined; dir?: 'ltr' | 'rtl' | undefined }): { lang?: string; dir: 'ltr' | 'rtl' | 'auto' } {
	return post.lang ? { lang: post.lang, dir: post.dir ?? 'auto' } : { dir: 'auto' };
}
