import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import it from './it.ts';
import ja from './ja.ts';
import ko from './ko.ts';
import nl from './nl.ts';
import pt from './pt.ts';
import zhHans from './zh-Hans.ts';
import zhHant from './zh-Hant.ts';
import { isolateBidi } from '../utils/titles.ts';

export type UIStrings = Record<keyof typeof en, string>;
export type UIStringKey = keyof typeof en;
/** Keys that have `.one`/`.other` plural forms, called without the suffix: `t('tags.count', { count })`. */
type PluralKey = UIStringKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

// By language, or by language and script where one language is written in two (Chinese).
const dictionaries: Record<string, UIStrings> = { de, en, es, fr, it, ja, ko, nl, pt, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/**
 * The dictionary's key for a BCP 47 locale: its language and script, with the script a region implies
 * (`zh-TW` is written in Traditional characters, `zh` and `zh-SG` in Simplified), else its language.
 */
function dictionaryKey(locale: string): string | undefined {
	const { language, script } = new Intl.Locale(locale).maximize();
	return [`${language}-${script}`, language].find((key) => Object.hasOwn(dictionaries, key));
}

/** The UI strings for a BCP 47 locale: its language's (in its script), else English. */
export function stringsFor(locale: string): UIStrings {
	const key = dictionaryKey(locale);
	return key === undefined ? en : (dictionaries[key] as UIStrings);
}

/** Whether the theme has its own UI strings for `locale` (else they are English). */
export function hasStringsFor(locale: string): boolean {
	return dictionaryKey(locale) !== undefined;
}

export type Translate = (key: UIStringKey | PluralKey, values?: Record<string, string | number>) => string;

/**
 * `t('tag.title', { tag })` in `locale`; numbers in `values` are written the locale's way, and a text with
 * bidirectional controls of its own is isolated (as a page's <title> is), so that they reorder only itself,
 * in HTML and plain text alike.
 */
export function createTranslator(locale: string, overrides: Partial<UIStrings> = {}): Translate {
	const strings: UIStrings = { ...stringsFor(locale), ...overrides };
	const plurals = new Intl.PluralRules(locale);
	const numbers = new Intl.NumberFormat(locale);
	return (key, values = {}) => {
		let template = strings[key as UIStringKey];
		if (template === undefined && typeof values.count === 'number') {
			const form = `${key}.${plurals.select(values.count)}` as UIStringKey;
			template = strings[form] ?? strings[`${key}.other` as UIStringKey];
		}
		if (template === undefined) throw new Error(`astro-theme-carnet has no UI string "${key}".`);
		return template.replace(/\{(\w+)\}/g, (match, name: string) => {
			const value = values[name];
			if (value === undefined) return match;
			return typeof value === 'number' ? numbers.format(value) : isolateBidi(value);
		});
	};
}
