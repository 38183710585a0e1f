import { describe, expect, test } from 'vitest';
import en from '../../theme/i18n/en.ts';
import fr from '../../theme/i18n/fr.ts';
import { createTranslator, hasStringsFor } from '../../theme/i18n/index.ts';
import { textDirection } from '../../theme/utils/direction.ts';

describe('UI strings', () => {
	test('French has a translation for every English string', () => {
		expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
		for (const [key, value] of Object.entries(fr)) expect(value, key).not.toBe('');
	});

	test('picks the language of a regional locale and falls back to English', () => {
		expect(createTranslator('fr-CA')('card.readMore')).toBe('Lire la suite');
		expect(createTranslator('de')('card.readMore')).toBe('Read more');
		expect(hasStringsFor('fr-BE')).toBe(true);
		expect(hasStringsFor('de')).toBe(false);
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
