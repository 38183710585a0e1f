import { describe, expect, test } from 'vitest';
import { slugFromFilePath, slugifySegment } from '../../theme/utils/slugs.ts';

describe('slugs', () => {
	test.each([
		['Révolution française', 'revolution-francaise'],
		['cœur-ça', 'coeur-ca'],
		['Œuvre complète', 'oeuvre-complete'],
		['Émoji 🚀 Post', 'emoji-post'],
		['UPPER_Case Title', 'upper-case-title'],
		['with.dots.v2', 'with-dots-v2'],
		['--a--b--', 'a-b'],
		['JavaScript', 'javascript'],
		['E2E', 'e2e'],
		['Straße', 'strasse'],
		['Externalisation : Le Traitement Antistress des PME 🌐 🤓 😁', 'externalisation-le-traitement-antistress-des-pme'],
	])('turns %j into %j', (text, slug) => {
		expect(slugifySegment(text)).toBe(slug);
	});

	test('spells out symbols that carry meaning, in the site language', () => {
		expect(slugifySegment('C++')).toBe('c-plus-plus');
		expect(slugifySegment('C#')).toBe('c-sharp');
		expect(slugifySegment('R&D', 'en')).toBe('r-and-d');
		expect(slugifySegment('R&D', 'fr-FR')).toBe('r-et-d');
	});

	test('returns an empty slug when nothing but emoji and punctuation is left', () => {
		expect(slugifySegment('🎉 !!!')).toBe('');
	});

	test('takes a post slug from its file name, or from its folder for an index file', () => {
		expect(slugFromFilePath('src/content/posts/Mon Premier Article.md')).toBe('mon-premier-article');
		expect(slugFromFilePath('src/content/posts/carnet-arrive/index.md')).toBe('carnet-arrive');
		expect(slugFromFilePath('src/content/posts/2024/réduction-des-coûts.mdx')).toBe('reduction-des-couts');
	});
});
