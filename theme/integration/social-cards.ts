import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import sharp from 'sharp';
import { sourceFingerprint } from './code-fingerprint.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

/** One font file that social cards draw with. */
export interface CardFontFile {
	/** A name of its own for satori, which keeps one font per name: `Noto Serif greek`. */
	name: string;
	family: string;
	weight: 400 | 700;
	/** Absolute path of a WOFF, TrueType or OpenType file. */
	file: string;
	/** The code points taken from it, when not all it has (CardFont.only). */
	only?: readonly [number, number] | undefined;
	/** A font of the site's own (`socialCards.fonts`), which sharp does not draw Arabic-script titles with. */
	site?: true | undefined;
}

/** What render-time code needs to draw social cards, as `virtual:carnet/social-cards` exports it. */
export interface SocialCardSetup {
	/** In the order in which they are tried for each character. */
	fonts: CardFontFile[];
	/** The fonts sharp draws titles in the Arabic script with, tried before `fonts` (utils/shaped-title.ts). */
	shapedFonts: CardFontFile[];
	/** Where those fonts are written as TrueType, which is what sharp's fontconfig reads. */
	fontsDir: string;
	/** Twemoji as Iconify JSON: the SVG bodies, and the code point sequence → icon name index. */
	emoji: { icons: string; chars: string };
	/** Where rendered cards are kept between builds. */
	cacheDir: string;
	/** Where threads that render pages without the integration write what it must learn (utils/card-report.ts). */
	journalDir: string;
	/** Versions of everything that draws a card, the theme's own code by its files, for the cache key; the fonts' bytes are hashed where they are read. */
	versions: Record<string, string>;
}

// Noto covers Latin (with Vietnamese), Greek and Cyrillic in one design; Hebrew comes from its sister
// family, which also lets a right-to-left title be drawn, and signs from Noto Sans Math. Arabic is not given
// to satori, which does not join its letters nor place its marks (the dots that tell letters apart): a title
// in the Arabic script is drawn by sharp, with Noto's Naskh (SHAPED_FAMILY). A CJK font would weigh 5 to 20 MB
// per weight: titles in CJK get the card without a title (see runtime/card-drawing.ts), unless the site gives
// a font that has them (`socialCards.fonts`, tried after the theme's, at both weights: a file has one).
const FAMILIES = [
	{ family: 'Noto Serif', id: 'noto-serif', subsets: ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'] },
	{ family: 'Noto Serif Hebrew', id: 'noto-serif-hebrew', subsets: ['hebrew'] },
	// Arrows, check marks and mathematical signs (→, ✓, ≤, ∞: U+2000 to U+2BFF), which Noto Serif lacks and
	// titles use; only those, since it also has isolated Arabic letters. It has one weight: bold titles draw
	// these signs at its regular weight.
	{ family: 'Noto Sans Math', id: 'noto-sans-math', subsets: ['latin'], fileWeight: 400, only: [0x2000, 0x2bff] },
] as const satisfies readonly { family: string; id: string; subsets: readonly string[]; fileWeight?: number; only?: readonly [number, number] }[];
const WEIGHTS = [700, 400] as const;
// Arabic, Persian and Urdu letters, in bold only, as titles are drawn.
const SHAPED_FAMILY = { family: 'Noto Naskh Arabic', id: 'noto-naskh-arabic', subset: 'arabic', weight: 700 } as const;
const CARD_DRAWING_SOURCES = [
	'runtime/card-drawing.ts',
	'utils/card-render.ts',
	'utils/card-text.ts',
	'utils/card-cache.ts',
	'utils/emoji-images.ts',
	'utils/font-tables.ts',
	'utils/shaped-title.ts',
];

/** Where the theme's card fonts and emoji are installed, and the cache folder, worked out once at startup. */
export function socialCardSetup(astroConfig: AstroConfig, siteFonts: readonly string[] = []): SocialCardSetup {
	const require = createRequire(import.meta.url);
	const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
	const fonts: CardFontFile[] = FAMILIES.flatMap((font) =>
		WEIGHTS.flatMap((weight) =>
			font.subsets.map((subset) => {
				const fileWeight = 'fileWeight' in font ? font.fileWeight : weight;
				const file = require.resolve(`@fontsource/${font.id}/files/${font.id}-${subset}-${fileWeight}-normal.woff`);
				return { name: `${font.family} ${subset}`, family: font.family, weight, file, ...('only' in font ? { only: font.only } : {}) };
			}),
		),
	);
	// Named by their place in the option: a file's own name may hold what a CSS font family cannot.
	fonts.push(...siteFonts.flatMap((file, index) => WEIGHTS.map((weight) => ({ name: `Carnet site font ${index + 1}`, family: `Carnet site font ${index + 1}`, weight, file, site: true as const }))));
	const shaped = SHAPED_FAMILY;
	const shapedFile = require.resolve(`@fontsource/${shaped.id}/files/${shaped.id}-${shaped.subset}-${shaped.weight}-normal.woff`);
	const carnetCache = path.join(fileURLToPath(astroConfig.cacheDir), 'carnet');
	return {
		fonts,
		shapedFonts: [{ name: `${shaped.family} ${shaped.subset}`, family: shaped.family, weight: shaped.weight, file: shapedFile }],
		fontsDir: path.join(carnetCache, 'card-fonts'),
		emoji: { icons: require.resolve('@iconify-json/twemoji/icons.json'), chars: require.resolve('@iconify-json/twemoji/chars.json') },
		cacheDir: path.join(carnetCache, 'social-cards'),
		journalDir: path.join(carnetCache, 'render-journal'),
		versions: {
			satori: version('satori'),
			twemoji: version('@iconify-json/twemoji'),
			sharp: sharp.versions.sharp ?? '',
			vips: sharp.versions.vips,
			// What draws titles in the Arabic script.
			pango: sharp.versions.pango ?? '',
			harfbuzz: sharp.versions.harfbuzz ?? '',
			fontconfig: sharp.versions.fontconfig ?? '',
			freetype: sharp.versions.freetype ?? '',
			// The theme's code that turns a card's tree into bytes, which the tree in the key does not show.
			drawing: sourceFingerprint(fileURLToPath(new URL('..', import.meta.url)), CARD_DRAWING_SOURCES),
		},
	};
}

/** Serves the setup to the card route as `virtual:carnet/social-cards`. */
export function vitePluginSocialCards(setup: SocialCardSetup): VitePlugin {
	const id = 'virtual:carnet/social-cards';
	const code = `export default ${JSON.stringify(setup)};`;
	return {
		name: 'vite-plugin-carnet-social-cards',
		resolveId: {
			filter: { id: /^virtual:carnet\/social-cards$/ },
			handler: () => `\0${id}`,
		},
		load: {
			filter: { id: /^\0virtual:carnet\/social-cards$/ },
			handler: () => code,
		},
	};
}

/** Removes the cached cards that this build did not use (older titles, deleted posts), and returns how many. */
export async function pruneCardCache(dir: string, used: ReadonlySet<string>): Promise<number> {
	const files = await readdir(dir).catch(() => [] as string[]);
	const stale = files.filter((file) => !used.has(file));
	await Promise.all(stale.map((file) => rm(path.join(dir, file), { force: true })));
	return stale.length;
}

/** Asks for the expected cards that no page asked for: those of pages copied from Astro's incremental cache. */
export function emitExpectedCards(expected: ReadonlyMap<string, () => void>, pending: ReadonlyMap<string, Promise<string>>): void {
	for (const [file, emit] of expected) if (!pending.has(file)) emit();
}

/** Copies the cards that pages and feeds link to from the cache into the output, once they are drawn. */
export async function writeCards(outDir: string, pending: ReadonlyMap<string, Promise<string>>): Promise<number> {
	await Promise.all(
		[...pending].map(async ([file, drawn]) => {
			const target = path.join(outDir, file);
			await mkdir(path.dirname(target), { recursive: true });
			await copyFile(await drawn, target);
		}),
	);
	return pending.size;
}
