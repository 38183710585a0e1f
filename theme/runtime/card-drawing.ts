import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import SocialCard from 'virtual:carnet/components/SocialCard';
import config from 'virtual:carnet/config';
import setup from 'virtual:carnet/social-cards';
import { TITLE_BOX, type SocialCardProps } from '../components/SocialCard.ts';
import { cardKey, readCachedCard, writeCachedCard, type CardFormat } from '../utils/card-cache.ts';
import { CARD_SIZE, CARD_TYPES, ENCODINGS, renderCard, type SatoriFont } from '../utils/card-render.ts';
import { renderCardReport, warnOnce } from '../utils/card-report.ts';
import { undrawnTitleWarning } from '../utils/card-warnings.ts';
import { analyseText, EMOJI, emojiCode, fitTitleSize, textDirectionOf, type CardFont } from '../utils/card-text.ts';
import { dayIn, formatDate } from '../utils/dates.ts';
import { emojiDataUrl, type EmojiIndex, type IconSet } from '../utils/emoji-images.ts';
import { readFontTables } from '../utils/font-tables.ts';
import { drawShapedTitle, fitShapedTitleSize, installShapedFonts, SHAPED_LINE_HEIGHT, withTitlePicture, type ShapedFonts } from '../utils/shaped-title.ts';
import type { FeaturedImageSource } from '../utils/images.ts';
import { textDirection } from '../utils/direction.ts';
import type { Post } from '../utils/posts.ts';

/** A drawn card: the cache file that holds it, and its bytes when they were just read or drawn. */
export interface DrawnCard {
	file: string;
	bytes: Buffer;
	type: string;
	/** Found in the cache rather than drawn. */
	reused: boolean;
}

interface CardAssets {
	fonts: CardFont[];
	/** Those that sharp draws titles in the Arabic script with, then the bold ones of `fonts`, in the order tried. */
	shapedFonts: CardFont[];
	/** SHA-256 of every font file, for the cache key. */
	fontsHash: string;
	emojiIndex: EmojiIndex;
}

let assets: Promise<CardAssets> | undefined;
let emojiSet: Promise<IconSet> | undefined;
let shapedInstalled: Promise<ShapedFonts> | undefined;
const satoriFonts = new Map<string, SatoriFont[]>();

function loadAssets(): Promise<CardAssets> {
	assets ??= (async () => {
		const hash = createHash('sha256');
		const read = (files: typeof setup.fonts) =>
			Promise.all(files.map(async ({ name, family, weight, file, only, site }) => ({ name, family, weight, only, site, tables: readFontTables(await readFile(file), file) })));
		const [fonts, shaped] = await Promise.all([read(setup.fonts), read(setup.shapedFonts)]);
		for (const font of [...fonts, ...shaped]) hash.update(font.tables.sfnt);
		const emojiIndex = JSON.parse(await readFile(setup.emoji.chars, 'utf8')) as EmojiIndex;
		// Pango finds a font by the family its file names, which the site's fonts are not given under.
		return { fonts, shapedFonts: [...shaped, ...fonts.filter((font) => font.weight === 700 && !font.site)], fontsHash: hash.digest('hex'), emojiIndex };
	})();
	return assets;
}

// The letters sharp draws with Noto Naskh Arabic (Arabic, Persian, Urdu), which need shaping.
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/** A post's card: from the cache when every input is unchanged, else drawn and cached. */
export async function drawPostCard(post: Post, format: CardFormat): Promise<DrawnCard> {
	const { fonts, shapedFonts, fontsHash, emojiIndex } = await loadAssets();
	const report = renderCardReport(setup.journalDir);
	const hasEmoji = (code: string) => Object.hasOwn(emojiIndex, code);
	let title = analyseText(post.title, 700, fonts, hasEmoji);
	const titleDir = textDirectionOf(title.text, post);
	// A title satori cannot draw goes to sharp when its fonts have every character. Emoji are not among them:
	// Pango would draw them with the machine's fonts, if any. So does a title in the Arabic script whatever the
	// site's fonts have: satori does not shape it (its vowel marks land on the wrong letters), and with none of
	// sharp's fonts missing a character it has no title, as without the site's fonts.
	const arabic = ARABIC_SCRIPT.test(post.title);
	const shaped = title.missing.length > 0 || arabic ? analyseText(post.title, 700, shapedFonts, () => false) : undefined;
	const shapedText = shaped?.missing.length === 0 ? shaped : undefined;
	if (shapedText) title = { ...shapedText, fonts: new Set() };
	else if (arabic && shaped) title = shaped;
	const shapedStyle = shapedText && { lineHeight: SHAPED_LINE_HEIGHT, dir: titleDir };
	const siteTitle = analyseText(config.title, 700, fonts, hasEmoji);
	let date = analyseText(formatDate(post.date, config.locale, config.timeZone), 400, fonts, hasEmoji);
	if (title.missing.length > 0) {
		warnOnce(
			report,
			`title:${post.id}`,
			undrawnTitleWarning(
				post.entry.filePath ?? post.id,
				(shaped ?? title).missing,
				post.title,
				'The theme’s fonts cover Latin, Greek, Cyrillic, Hebrew and the Arabic script (a title in it is drawn without emoji); ' +
					// An Arabic-script title that only its emoji keep from sharp, which no font of the site's would draw.
					(shaped?.missing.every((grapheme) => EMOJI.test(grapheme))
						? 'remove the emoji from such a title, or give each such post a featured image (README, Social cards).'
						: setup.fonts.some((font) => font.site)
							? 'none of the fonts of socialCards.fonts has these characters either: add one that does, or give each such post a featured image (README, Social cards).'
							: "for other scripts (Chinese, Japanese, Korean, Thai…), add a font that has them to the socialCards.fonts option (e.g. fonts: ['./src/fonts/NotoSansJP-Bold.ttf']), or give each such post a featured image (README, Social cards)."),
			),
		);
	}
	if (siteTitle.missing.length > 0) {
		warnOnce(
			report,
			'site-title',
			`The social card's fonts cannot draw ${siteTitle.missing.join(' ')} in the blog's title "${config.title}", so cards leave it out. Add a font that has them to the socialCards.fonts option (README, Social cards).`,
		);
	}
	if (date.missing.length > 0) {
		warnOnce(
			report,
			'date',
			`The social card's fonts cannot draw dates in the locale '${config.locale}', so cards write them as YYYY-MM-DD. Add a font that has their characters to the socialCards.fonts option to write them as the locale does (README, Social cards).`,
		);
		date = analyseText(dayIn(post.date, config.timeZone), 400, fonts, hasEmoji);
	}
	let titleSize = title.missing.length ? TITLE_BOX.sizes[0] : fitTitleSize(title, TITLE_BOX);
	if (shapedText && shapedStyle) titleSize = await fitShapedTitleSize(shapedText, await installShaped(shapedFonts), TITLE_BOX, shapedStyle);
	const drawn = [date, ...(title.missing.length ? [] : [title]), ...(siteTitle.missing.length ? [] : [siteTitle])];
	const props = (image: string | undefined): SocialCardProps => ({
		...CARD_SIZE,
		title: title.missing.length ? undefined : title.text,
		titleSize,
		titleDir,
		siteTitle: siteTitle.missing.length ? undefined : siteTitle.text,
		date: date.text,
		locale: config.locale,
		dir: textDirection(config.locale),
		colors: config.socialCards.colors,
		image,
		fontFamily: [...new Set(fonts.map((font) => `'${font.name}'`))].join(', '),
	});
	const photo = format === 'jpg' && post.image ? await readPhoto(post.image, post) : undefined;
	// The template's output is keyed rather than its source, so a change to a site's own template, to a
	// title, a date, a colour or the photo (by its hash) gives a new key, and nothing else does.
	const key = cardKey({
		versions: setup.versions,
		fonts: fontsHash,
		format,
		encoding: ENCODINGS[format],
		tree: SocialCard(props(photo && `photo:${createHash('sha256').update(photo).digest('hex')}`)),
	});
	report.used.add(`${key}.${format}`);
	const cached = await readCachedCard(setup.cacheDir, key, format, CARD_SIZE);
	if (cached) {
		report.reused++;
		return { file: path.join(setup.cacheDir, `${key}.${format}`), bytes: cached, type: CARD_TYPES[format], reused: true };
	}
	let tree = SocialCard(props(photo && (await photoDataUrl(photo))));
	if (shapedText && shapedStyle) {
		const installed = await installShaped(shapedFonts);
		const draw = ({ size = titleSize, width = TITLE_BOX.width, color = config.socialCards.colors.text }) =>
			drawShapedTitle(shapedText.text, installed, {
				...shapedStyle,
				size,
				width,
				color,
				maxLines: Math.min(TITLE_BOX.maxLines, Math.floor(TITLE_BOX.height / (size * shapedStyle.lineHeight))),
			});
		tree = (await withTitlePicture(tree, shapedText.text, draw)) as typeof tree;
	}
	const { bytes, undrawn } = await renderCard(tree, fontsFor(new Set(drawn.flatMap((text) => [...text.fonts])), fonts), emojiPicture, format);
	if (undrawn.length > 0) {
		warnOnce(report, `undrawn:${post.id}`, `${post.entry.filePath ?? post.id}: satori found no font for ${undrawn.join(' ')} on the social card; please report this to astro-theme-carnet.`);
	}
	await writeCachedCard(setup.cacheDir, key, format, bytes);
	report.rendered++;
	return { file: path.join(setup.cacheDir, `${key}.${format}`), bytes, type: CARD_TYPES[format], reused: false };
}

function installShaped(fonts: readonly CardFont[]): Promise<ShapedFonts> {
	shapedInstalled ??= installShapedFonts(fonts, setup.fontsDir);
	return shapedInstalled;
}

/**
 * satori is given only the fonts the card's text needs (most cards need one or two of the 18), which
 * halves its time; each set is kept, since satori prepares a font set once per array it is given.
 */
function fontsFor(used: ReadonlySet<CardFont>, all: readonly CardFont[]): SatoriFont[] {
	const ordered = all.filter((font) => used.has(font));
	const id = ordered.map((font) => all.indexOf(font)).join(',');
	let fonts = satoriFonts.get(id);
	if (!fonts) {
		fonts = ordered.map((font) => ({ name: font.name, data: Buffer.from(font.tables.sfnt), weight: font.weight as 400 | 700, style: 'normal' as const }));
		satoriFonts.set(id, fonts);
	}
	return fonts;
}

async function emojiPicture(segment: string): Promise<string | undefined> {
	emojiSet ??= readFile(setup.emoji.icons, 'utf8').then((json) => JSON.parse(json) as IconSet);
	const { emojiIndex } = await loadAssets();
	return emojiDataUrl(await emojiSet, emojiIndex, emojiCode(segment));
}

/** The featured image's bytes, hashed for the cache key and drawn under the scrim. */
async function readPhoto(image: FeaturedImageSource, post: Post): Promise<Buffer> {
	const where = post.entry.filePath ?? post.id;
	if (typeof image.src === 'string') {
		const response = await fetch(image.src);
		if (!response.ok) throw new Error(`${where}: the featured image ${image.src} answered ${response.status}, so its social card cannot be drawn.`);
		return Buffer.from(await response.arrayBuffer());
	}
	// Astro's image metadata knows its file; reading this property does not mark the original as used.
	const file = (image.src as { fsPath?: string }).fsPath;
	if (!file) throw new Error(`${where}: Astro did not say where the featured image's file is, so its social card cannot be drawn.`);
	return readFile(file);
}

async function photoDataUrl(photo: Buffer): Promise<string> {
	const jpeg = await sharp(photo).resize(CARD_SIZE.width, CARD_SIZE.height, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();
	return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
