// Intl.Locale#getTextInfo is not in every engine yet; these are the languages written right to left.
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ps', 'sd', 'ur', 'yi']);

/** `rtl` for right-to-left languages, else `ltr`, for `<html dir>`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
	let direction = directions.get(locale);
	if (!direction) directions.set(locale, (direction = RTL_LANGUAGES.has(new Intl.Locale(locale).language) ? 'rtl' : 'ltr'));
	return direction;
}

// Every page asks; Intl.Locale is not free.
const directions = new Map<string, 'ltr' | 'rtl'>();
