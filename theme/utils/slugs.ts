import slugify from '@sindresorhus/slugify';
import { oncePerKey } from './once-per-key.ts';
import { hasPostExtension } from './post-files.ts';

/** Words for the symbols that carry meaning in tag names ("C++", "R&D"), per language. */
const SYMBOL_WORDS = {
	en: [['&', ' and '], ['+', ' plus ']],
	fr: [['&', ' et '], ['+', ' plus ']],
} satisfies Record<string, [string, string][]>;
const FORMAT_CHARS = /\p{Cf}/gu;
// "#" names a language after a letter ("C#", "F#"); elsewhere ("#astro", "#1") it is a hashtag or number sign.
const SHARP = /(?<=\p{L})#/gu;

/**
 * Letters and digits of the scripts that have no romanisation good enough for an address (Chinese,
 * Japanese, Korean, Arabic, Hebrew, Thai, Devanagari…): they are kept as written, as Hugo does. Latin,
 * Greek and Cyrillic (and the characters every script shares) are transliterated.
 */
const KEPT_SCRIPTS = /[[\p{L}\p{M}\p{N}]--[\p{scx=Latn}\p{scx=Grek}\p{scx=Cyrl}\p{scx=Zyyy}\p{scx=Zinh}]]+/v;
// Digits written against such a word belong to it: "第2版", "2024年".
const KEPT_RUNS = new RegExp(`(\\p{Nd}*(?:${KEPT_SCRIPTS.source}\\p{Nd}*)+)`, 'v');

/**
 * Turns a title, file name or tag into a URL segment, single hyphens between words. Latin, Greek and
 * Cyrillic become lowercase ASCII ("é" → "e", "œ" → "oe", "Привет" → "privet"); words in other scripts
 * stay Unicode, lower-cased ("東京", "עברית"), and links percent-encode them. Emoji and punctuation
 * are dropped; "#" is "sharp" after a letter only ("C#", not "#astro"). Compatibility characters count
 * as the letters they stand for (the "ﬁ" ligature of text pasted from a PDF is "fi", full-width "Ａ" is
 * "A"), and invisible format characters (zero-width space, soft hyphen, joiners) are dropped. Returns an
 * empty string when nothing is left (a tag made only of emoji, say): callers report that.
 */
export function slugifySegment(text: string, locale = 'en'): string {
	return slugOf(`${locale}\u0000${text}`);
}

// Each post's tags are checked for a slug when it is read, and linked on many pages: a blog has far fewer
// distinct names than it asks for (5,000 posts: 15,000 tag names, 1,800 distinct).
const slugOf = oncePerKey((key) => {
	const split = key.indexOf('\u0000');
	return computeSlug(key.slice(split + 1), key.slice(0, split));
});

// What slugify() returns as it is: most posts' file names (`2024-02-03-my-post`), each slugified once.
const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function computeSlug(text: string, locale: string): string {
	if (ALREADY_SLUG.test(text)) return text;
	const language = locale.split('-')[0];
	const customReplacements = language === 'fr' ? SYMBOL_WORDS.fr : SYMBOL_WORDS.en;
	// decamelize would turn "JavaScript" into "java-script".
	const transliterate = (part: string) => slugify(part, { decamelize: false, customReplacements });
	// NFKC: slugify would drop a ligature whole ("eﬃcacité" → "e-cacite"). Format characters are invisible
	// and split no word: a zero-width space or soft hyphen pasted from the web, Persian's zero-width non-joiner
	// ("می‌خواهم"), a direction mark. Hugo's urlize drops them too; slugify made each a hyphen.
	const normalized = text.normalize('NFKC').replace(FORMAT_CHARS, '').replace(SHARP, ' sharp ');
	if (!KEPT_SCRIPTS.test(normalized)) return transliterate(normalized);
	// split() with a capturing group alternates: transliterated text at even indexes, kept words at odd ones.
	const parts = normalized.split(KEPT_RUNS).map((part, index) => (index % 2 === 1 ? part.toLocaleLowerCase(locale) : transliterate(part)));
	return parts.filter((part) => part !== '').join('-');
}

/**
 * The slug a post gets from its file path when it has no `slug` field: the file name, or the folder of a
 * page bundle's page (`index.md`). Hugo's translation of a bundle's page in another language than the
 * site's (`security/index.ca.md` in an English blog) is the folder and the language (`security-ca`), so
 * that each translation has its own address; so is one in the site's language beside the bundle's page
 * without one (`index.en.md` beside `index.md`), which Hugo reads as the default language's and keeps the folder's.
 * `filePath` is separated by `/`, whatever the system.
 */
export function slugFromFilePath(filePath: string, locale = 'en', siblings?: () => readonly string[]): string {
	// Its callers turn path.sep into `/`: a backslash left is a character of the name on Linux and macOS
	// (`back\slash.md`), slugified as other punctuation is.
	const segments = filePath.split('/');
	const file = segments.pop() ?? '';
	let name = fileStem(file);
	// Next.js's and Nextra's App Router name every page `page.mdx`, in a folder named for it.
	const index = /^page\.mdx$/i.test(file) ? {} : bundleIndex(name);
	if (index && segments.length > 0) {
		// Grav orders a folder by a number before its name (`01.hello`), which its address leaves out.
		const folder = index.grav ? (segments.pop() as string).replace(/^\d+\./, '') : (segments.pop() as string);
		name = index.language && !(sameLanguage(index.language, locale) && !besideDefault(file, siblings)) ? `${folder}-${index.language}` : folder;
	} else if (!index && siblings) {
		const translation = fileTranslation(file, locale, siblings);
		if (translation) name = sameLanguage(translation.language, locale) ? translation.name : `${translation.name}-${translation.language}`;
	}
	return slugifySegment(name, locale);
}

/** Whether a bundle's page with a language (`index.en.md`) has the page without one beside it (`index.md`). */
function besideDefault(file: string, siblings: (() => readonly string[]) | undefined): boolean {
	const page = fileStem(fileStem(file)).toLowerCase();
	return siblings !== undefined && siblings().some((sibling) => sibling !== file && hasPostExtension(sibling) && fileStem(sibling).toLowerCase() === page);
}

// A file name's last dotted part, which may be a language (`expand.fr`).
const LANGUAGE_SUFFIX = /^(.+)\.([a-z]{2,3}(?:-[a-z\d]{2,8})*)$/i;

/**
 * Hugo's translation of a page that is one file (`expand.fr.md`), read as Hugo reads it on a site with
 * that language: its name (`expand`) and its language (`fr`). A dotted part is a language only when Intl
 * knows it and it is the site's own language (and the page is not there without it too), or the folder holds the page in another language too
 * (`expand.md`, `expand.en.md`), as a multilingual Hugo site does: `socket.io.md` alone is named with its
 * dot (Io is a language too). `siblings` lists the names in the file's folder; it is only called for a
 * name with a language's dotted part.
 */
export function fileTranslation(file: string, locale: string, siblings: () => readonly string[]): { name: string; language: string } | undefined {
	const stem = fileStem(file);
	const match = LANGUAGE_SUFFIX.exec(stem);
	if (!match || bundleIndex(stem)) return undefined;
	const [, name, language] = match as unknown as [string, string, string];
	if (!knownLanguage(language)) return undefined;
	const others = siblings().filter((sibling) => sibling !== file && hasPostExtension(sibling));
	// The site's language: the page's own name, unless the page is there without it too (`about.md`
	// beside `about.en.md`), which keeps that name.
	if (sameLanguage(language, locale)) return others.some((sibling) => fileStem(sibling) === name) ? undefined : { name, language };
	const translated = others.some((sibling) => {
		const other = fileStem(sibling);
		if (other === name) return true;
		const suffix = LANGUAGE_SUFFIX.exec(other);
		return suffix?.[1] === name && knownLanguage(suffix[2] as string);
	});
	return translated ? { name, language } : undefined;
}

function knownLanguage(tag: string): boolean {
	languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
	try {
		return languageNames.of(tag) !== undefined;
	} catch {
		return false;
	}
}

// `item`: Grav names a blog post's page after its template, in a folder named for the post.
const INDEX_STEM = /^(index|item)(?:\.([a-z]{2,3}(?:-[a-z\d]{2,8})*))?$/i;

/**
 * A post file's name without its extension, nor the `.html` before it that Middleman's template chain
 * adds (`hello.html.md` is the page `hello`).
 */
export function fileStem(file: string): string {
	return file.replace(/\.[^.]+$/, '').replace(/\.html?$/i, '');
}
let languageNames: Intl.DisplayNames | undefined;

/**
 * Whether a file name without its extension names a page bundle's page: `index` (or Grav's `item`, `grav`), or
 * Hugo's translation of it, `index.ca` (a language Intl knows: `index.js` is no translation), with that language.
 */
export function bundleIndex(stem: string): { language?: string; grav?: true } | undefined {
	const match = INDEX_STEM.exec(stem);
	if (!match) return undefined;
	const grav = match[1]?.toLowerCase() === 'item' ? { grav: true as const } : {};
	const language = match[2];
	if (language === undefined) return grav;
	return knownLanguage(language) ? { language, ...grav } : undefined;
}

/** Whether two language tags name the same language (`fr` and `fr-CA`). */
export function sameLanguage(a: string, b: string): boolean {
	return a.split('-')[0]?.toLowerCase() === b.split('-')[0]?.toLowerCase();
}

/** The longest file or folder name, in bytes of UTF-8, that ext4, APFS, NTFS and most other file systems take. */
export const MAX_NAME_BYTES = 255;

// Names Windows keeps for devices, with or without an extension (`con`, `nul.html`, `COM1`): no folder or file
// can have one there.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(?:\.[^/]*)?$/i;

/** The first segment of a site path (`/tags/<slug>/`) that Windows cannot name a folder or file, or undefined. */
export function windowsDeviceSegment(sitePath: string): string | undefined {
	return sitePath.split('/').find((segment) => WINDOWS_DEVICE.test(segment));
}

/** The first segment of a site path (`/tags/<slug>/`) too long to be a folder or file name, or undefined. */
export function tooLongSegment(sitePath: string): { segment: string; bytes: number } | undefined {
	for (const segment of sitePath.split('/')) {
		const bytes = Buffer.byteLength(segment);
		if (bytes > MAX_NAME_BYTES) return { segment, bytes };
	}
	return undefined;
}
