import slugify from '@sindresorhus/slugify';

/** Words for the symbols that carry meaning in tag names ("C++", "C#", "R&D"), per language. */
const SYMBOL_WORDS = {
	en: [['&', ' and '], ['+', ' plus '], ['#', ' sharp ']],
	fr: [['&', ' et '], ['+', ' plus '], ['#', ' sharp ']],
} satisfies Record<string, [string, string][]>;

/**
 * Turns a title, file name or tag into a URL segment: lowercase ASCII, accents transliterated
 * ("é" → "e", "œ" → "oe"), emoji and punctuation dropped, single hyphens between words.
 * Returns an empty string when nothing is left (a tag made only of emoji, say): callers report that.
 */
export function slugifySegment(text: string, locale = 'en'): string {
	const language = locale.split('-')[0];
	const customReplacements = language === 'fr' ? SYMBOL_WORDS.fr : SYMBOL_WORDS.en;
	// decamelize would turn "JavaScript" into "java-script".
	return slugify(text, { decamelize: false, customReplacements });
}

/** The slug a post gets from its file path when it has no `slug` field: the file name, or the folder of an index file. */
export function slugFromFilePath(filePath: string, locale = 'en'): string {
	const segments = filePath.replace(/\\/g, '/').split('/');
	let name = (segments.pop() ?? '').replace(/\.[^.]+$/, '');
	if (name === 'index' && segments.length > 0) name = segments.pop() ?? name;
	return slugifySegment(name, locale);
}
