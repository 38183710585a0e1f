// Intl.Locale#getTextInfo is not in every engine yet; these are the languages written right to left.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ps', 'sd', 'ur', 'yi']);

/** `rtl` for right-to-left languages, else `ltr`, for `<html dir>`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
	return RTL_LANGUAGES.has(new Intl.Locale(locale).language) ? 'rtl' : 'ltr';
}
