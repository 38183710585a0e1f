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

	test('a NUL in the text, which the slugs keep apart from the locale with one, reads the locale as given', () => {
		expect(slugifySegment('R&D\u0000\u0000Labs', 'fr')).toBe(slugifySegment('R&D Labs', 'fr'));
		expect(slugifySegment('\u0000R&D', 'fr')).toBe('r-et-d');
		expect(slugifySegment('\u0000R&D')).toBe('r-and-d');
	});

	test('spells out symbols that carry meaning, in the site language', () => {
		expect(slugifySegment('C++')).toBe('c-plus-plus');
		expect(slugifySegment('C#')).toBe('c-sharp');
		expect(slugifySegment('R&D', 'en')).toBe('r-and-d');
		expect(slugifySegment('R&D', 'fr-FR')).toBe('r-et-d');
	});

	test.each([
		['東京 タワー', '東京-タワー'],
		['日本語のタグ', '日本語のタグ'],
		['한국어 태그', '한국어-태그'],
		['עברית', 'עברית'],
		['مرحبا بالعالم', 'مرحبا-بالعالم'],
		['ภาษาไทย', 'ภาษาไทย'],
		['कहानी', 'कहानी'],
		['Rust 入門 (第2版)', 'rust-入門-第2版'],
		['C++ 入门', 'c-plus-plus-入门'],
		['Привет, мир', 'privet-mir'],
		['Ελληνικά', 'ellinika'],
	])('keeps words of scripts without a good romanisation and transliterates the others: %j → %j', (text, slug) => {
		expect(slugifySegment(text)).toBe(slug);
	});

	test.each([
		['eﬃcacité', 'efficacite'],
		['Conﬁance', 'confiance'],
		['ﬂux', 'flux'],
		['Ｆｕｌｌ ｗｉｄｔｈ', 'full-width'],
		['ﾊﾝｶｸ', 'ハンカク'],
	])('reads compatibility characters (ligatures pasted from a PDF, full-width letters) as the letters they stand for: %j → %j', (text, slug) => {
		expect(slugifySegment(text)).toBe(slug);
	});

	test.each([
		['ta\u200Bg', 'tag'],
		['ta\u00ADg', 'tag'],
		['\uFEFFtag\u2060', 'tag'],
		['R\u200Eésumé', 'resume'],
		['می\u200Cخواهم', 'میخواهم'],
		['क्\u200Dष', 'क्ष'],
	])('drops invisible format characters, which split no word, as Hugo does: %j → %j', (text, slug) => {
		expect(slugifySegment(text)).toBe(slug);
	});

	test('drops a hashtag sign and spells # as "sharp" only after a letter', () => {
		expect(slugifySegment('#astro')).toBe('astro');
		expect(slugifySegment('#1 hit')).toBe('1-hit');
		expect(slugifySegment('issue #42')).toBe('issue-42');
		expect(slugifySegment('F# et C#', 'fr')).toBe('f-sharp-et-c-sharp');
		expect(slugifySegment('C#/.NET')).toBe('c-sharp-net');
	});

	test('returns an empty slug when nothing but emoji and punctuation is left', () => {
		expect(slugifySegment('🎉 !!!')).toBe('');
		expect(slugifySegment('#')).toBe('');
	});

	test('takes a post slug from its file name, or from its folder for an index file', () => {
		expect(slugFromFilePath('src/content/posts/Mon Premier Article.md')).toBe('mon-premier-article');
		expect(slugFromFilePath('src/content/posts/carnet-arrive/index.md')).toBe('carnet-arrive');
		expect(slugFromFilePath('src/content/posts/2024/réduction-des-coûts.mdx')).toBe('reduction-des-couts');
		expect(slugFromFilePath('src/content/posts/東京の春.md')).toBe('東京の春');
		expect(slugFromFilePath('src/content/posts/eﬃcacité.md')).toBe('efficacite');
	});

	test("takes the folder's name for Nextra's and Next.js's page.mdx, and keeps a Markdown post named page", () => {
		expect(slugFromFilePath('src/content/posts/hello-nextra/page.mdx')).toBe('hello-nextra');
		expect(slugFromFilePath('src/content/posts/notes/page.md')).toBe('page');
	});

	test("takes the folder's name, without Grav's ordering number, for Grav's item.md, and leaves out Middleman's .html", () => {
		expect(slugFromFilePath('01.blog/01.january-2021/item.md')).toBe('january-2021');
		expect(slugFromFilePath('emojis/item.es.md', 'en')).toBe('emojis-es');
		expect(slugFromFilePath('middleman/hello_blog.html.md')).toBe('hello-blog');
		expect(slugFromFilePath('2017-12-08-middleman.html.markdown')).toBe('2017-12-08-middleman');
		expect(slugFromFilePath('html-tips.md')).toBe('html-tips');
	});

	test('names a page bundle right in the posts folder after its file, when given the path from the posts folder', () => {
		expect(slugFromFilePath('index.md')).toBe('index');
		expect(slugFromFilePath('page.mdx')).toBe('page');
	});
});

describe("Hugo's translations of a page bundle's page", () => {
	test('take the folder name in the site\'s language, and the folder and the language in another; index.js is no translation', () => {
		expect(slugFromFilePath('src/content/posts/security/index.en.md', 'en')).toBe('security');
		expect(slugFromFilePath('src/content/posts/security/index.ca.md', 'en')).toBe('security-ca');
		expect(slugFromFilePath('src/content/posts/security/index.fr-CA.md', 'fr')).toBe('security');
		expect(slugFromFilePath('src/content/posts/security/index.md', 'fr')).toBe('security');
		expect(slugFromFilePath('src/content/posts/code/index.js.md', 'en')).toBe('index-js');
		expect(slugFromFilePath('src/content/posts/trip/index.en.md', 'en', () => ['index.en.md', 'index.md'])).toBe('trip-en');
		expect(slugFromFilePath('src/content/posts/trip/index.en.md', 'en', () => ['index.en.md', 'index.fr.md', 'index.json'])).toBe('trip');
	});
});

