import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import en from '../../theme/i18n/en.ts';
import { createTranslator, hasStringsFor, stringsFor } from '../../theme/i18n/index.ts';
import { textDirection } from '../../theme/utils/direction.ts';

// Every dictionary in theme/i18n/, by its locale (`zh-Hant`), read from the folder: a file the theme does not
// register fails below.
const folder = new URL('../../theme/i18n/', import.meta.url);
const dictionaries = await Promise.all(
	readdirSync(folder)
		.filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'en.ts')
		.map(async (file) => [file.slice(0, -3), ((await import(new URL(file, folder).href)) as { default: Record<string, string> }).default] as const),
);
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map(([name]) => name).sort();

describe('UI strings', () => {
	test('has French, German, Spanish, Italian, Portuguese, Dutch, Japanese, Korean and both Chinese scripts', () => {
		expect(dictionaries.map(([locale]) => locale).sort()).toEqual(['de', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pt', 'zh-Hans', 'zh-Hant']);
	});

	test('every language has every English string, in the same order, none empty, with the same placeholders', () => {
		for (const [locale, strings] of dictionaries) {
			expect(Object.keys(strings), locale).toEqual(Object.keys(en));
			for (const [key, value] of Object.entries(strings)) {
				expect(value.trim(), `${locale} ${key}`).not.toBe('');
				expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
			}
		}
	});

	test('the theme uses every dictionary for its own locale', () => {
		for (const [locale, strings] of dictionaries) {
			expect(hasStringsFor(locale), locale).toBe(true);
			expect(stringsFor(locale), locale).toBe(strings);
		}
	});

	test('picks the language of a regional locale, and falls back to English for one it has no strings for', () => {
		expect(createTranslator('fr-CA')('card.readMore')).toBe('Lire la suite');
		expect(stringsFor('de-AT')).toBe(stringsFor('de'));
		expect(stringsFor('pt-PT')).toBe(stringsFor('pt-BR'));
		expect(hasStringsFor('fr-BE')).toBe(true);
		expect(createTranslator('fi')('card.readMore')).toBe('Read more');
		expect(hasStringsFor('fi')).toBe(false);
	});

	test('picks Simplified or Traditional Chinese by the script a locale names or its region implies', () => {
		for (const locale of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK']) expect(stringsFor(locale), locale).toBe(stringsFor('zh-Hans'));
		for (const locale of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CN']) expect(stringsFor(locale), locale).toBe(stringsFor('zh-Hant'));
		expect(stringsFor('zh-Hans')).not.toBe(stringsFor('zh-Hant'));
	});

	test('uses the one plural form of languages that have one', () => {
		for (const locale of ['ja', 'ko', 'zh-Hans', 'zh-Hant']) {
			const t = createTranslator(locale);
			expect(t('tags.count', { count: 1 }), locale).toBe(stringsFor(locale)['tags.count.other'].replace('{count}', '1'));
		}
	});

	test('fills placeholders and chooses plural forms by locale', () => {
		const t = createTranslator('fr');
		expect(t('pagination.status', { page: 2, total: 3 })).toBe('Page 2 sur 3');
		expect(t('tags.count', { count: 1 })).toBe('1\u00A0article');
		expect(t('tags.count', { count: 1200 })).toBe('1\u202F200\u00A0articles');
		expect(createTranslator('en')('tags.count', { count: 1 })).toBe('1 post');
	});

	test('uses French spacing before high punctuation and inside guillemets', () => {
		expect(createTranslator('fr')('tag.title', { tag: 'PME' })).toBe('Articles classés «\u202FPME\u202F»');
	});

	test("isolates a name with bidirectional controls of its own, so that an override it never closes cannot reorder the sentence around it", () => {
		const t = createTranslator('en');
		expect(t('tag.title', { tag: '\u202ERTL' })).toBe('Posts tagged “\u2068\u202ERTL\u2069”');
		expect(t('card.readMoreContext', { title: '\u202Eevil' })).toBe(': \u2068\u202Eevil\u2069');
		expect(t('tag.title', { tag: 'עברית' })).toBe('Posts tagged “עברית”');
	});

	test('lets a site override any string', () => {
		expect(createTranslator('en', { 'card.readMore': 'Continue' })('card.readMore')).toBe('Continue');
	});
});

describe('text direction', () => {
	test('is right to left for every language or script written so, the site locale and a post language alike', () => {
		for (const lang of ['ar', 'he', 'fa', 'ur', 'ckb', 'ug', 'dv', 'syr', 'yi', 'az-Arab', 'pa-Arab', 'ar-EG']) expect(textDirection(lang), lang).toBe('rtl');
	});

	test('is left to right for languages written in Latin or another left-to-right script by default', () => {
		for (const lang of ['fr', 'en-GB', 'ha', 'ku', 'az', 'sr-Latn', 'ja']) expect(textDirection(lang), lang).toBe('ltr');
	});

	test('is left to right for a tag Intl cannot read', () => {
		expect(textDirection('not a language tag')).toBe('ltr');
	});
});
