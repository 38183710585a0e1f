import en from './en.ts';
import fr from './fr.ts';
import { isolateBidi } from '../utils/titles.ts';

export type UIStrings = Record<keyof typeof en, string>;
export type UIStringKey = keyof typeof en;
/** Keys that have `.one`/`.other` plural forms, called without the suffix: `t('tags.count', { count })`. */
type PluralKey = UIStringKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const dictionaries: Record<string, UIStrings> = { en, fr };

/** The UI strings for a BCP 47 locale: its language's, else English. */
export function stringsFor(locale: string): UIStrings {
	const language = new Intl.Locale(locale).language;
	return dictionaries[language] ?? en;
}

/** Whether the theme has its own UI strings for `locale` (else they are English). */
export function hasStringsFor(locale: string): boolean {
	return new Intl.Locale(locale).language in dictionaries;
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
