import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import SocialCard, { TITLE_BOX } from '../../theme/components/SocialCard.ts';
import { cardKey, isWholeImage, readCachedCard, writeCachedCard } from '../../theme/utils/card-cache.ts';
import { renderCard } from '../../theme/utils/card-render.ts';
import { analyseText, emojiCode, fitTitleSize, textDirectionOf, type CardFont } from '../../theme/utils/card-text.ts';
import { readFontTables } from '../../theme/utils/font-tables.ts';
import { drawShapedTitle, fitShapedTitleSize, installShapedFonts, SHAPED_LINE_HEIGHT, withTitlePicture } from '../../theme/utils/shaped-title.ts';

const require = createRequire(import.meta.url);
const font = (name: string, file: string, weight: number): CardFont => {
	const location = require.resolve(file);
	return { name, family: name, weight, tables: readFontTables(readFileSync(location), location) };
};
const latin = font('latin', '@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff', 700);
const greek = font('greek', '@fontsource/noto-serif/files/noto-serif-greek-700-normal.woff', 700);
const fonts = [latin, greek];
const everyEmoji = () => true;
const SIZE = { width: 1200, height: 630 };

describe('font tables', () => {
	test('reads which characters a WOFF file draws, and how wide they are', () => {
		expect(latin.tables.glyphOf('A'.codePointAt(0) as number)).toBeGreaterThan(0);
		expect(latin.tables.glyphOf('é'.codePointAt(0) as number)).toBeGreaterThan(0);
		expect(latin.tables.glyphOf('λ'.codePointAt(0) as number)).toBe(0);
		expect(greek.tables.glyphOf('λ'.codePointAt(0) as number)).toBeGreaterThan(0);
		const width = (char: string) => latin.tables.advanceOf(latin.tables.glyphOf(char.codePointAt(0) as number));
		expect(width('W')).toBeGreaterThan(width('i'));
		expect(latin.tables.unitsPerEm).toBe(1000);
	});
});

describe('card text', () => {
	test('finds the font of each character, and what no font draws', () => {
		const text = analyseText('Καλή μέρα, Carnet 🚀', 700, fonts, everyEmoji);
		expect(text.missing).toEqual([]);
		expect([...text.fonts].map((found) => found.name)).toEqual(['latin', 'greek']);
		expect(analyseText('東京の春', 700, fonts, everyEmoji).missing).toEqual(['東', '京', 'の', '春']);
		expect(analyseText('Nouveau 🫨', 700, fonts, (code) => code !== '1fae8').missing).toEqual(['🫨']);
	});

	test('leaves out the invisible characters the fonts lack (bidi controls) instead of dropping the title, and keeps those they draw', () => {
		const text = analyseText('Ex\u00adter\u200bna\u202elisation\u202c \u2066oui\u2069', 700, fonts, everyEmoji);
		expect([text.text, text.missing]).toEqual(['Ex\u00adter\u200bnalisation oui', []]);
	});

	test('turns spaces the fonts lack into no-break spaces, so French typography keeps its meaning', () => {
		expect(analyseText('Externalisation\u202f: oui', 700, fonts, everyEmoji).text).toBe('Externalisation\u00a0: oui');
	});

	test('names emoji as Twemoji does, without variation selector 16', () => {
		expect(emojiCode('❤️')).toBe('2764');
		expect(emojiCode('👩‍💻')).toBe('1f469-200d-1f4bb');
		// Code points below 1000 (hex) with four digits: a keycap, ©.
		expect(emojiCode('1️⃣')).toBe('0031-20e3');
		expect(emojiCode('©️')).toBe('00a9');
	});

	test('reads the direction of a title from its first letter', () => {
		expect(textDirectionOf('שלום עולם')).toBe('rtl');
		expect(textDirectionOf('« مرحبا »')).toBe('rtl');
		expect(textDirectionOf('2024 : Hello')).toBe('ltr');
	});

	test("reads it as the post's page does where the post has a direction, and from its first letter where it has none", () => {
		// A post without lang written in Hebrew, whose title opens with a product's name.
		expect(textDirectionOf('React בפועל', { dir: 'rtl' })).toBe('rtl');
		expect(textDirectionOf('React Hooks!', { dir: 'rtl' })).toBe('ltr');
		expect(textDirectionOf('React בפועל', {})).toBe('ltr');
		expect(textDirectionOf('React in practice', { lang: 'he', dir: 'rtl' })).toBe('rtl');
		expect(textDirectionOf('שלום עולם', { lang: 'en', dir: 'ltr' })).toBe('ltr');
	});

	test('keeps short titles at the largest size and shrinks long ones to fit in four lines', () => {
		const size = (title: string) => fitTitleSize(analyseText(title, 700, fonts, everyEmoji), TITLE_BOX);
		expect(size('Pourquoi un blog ?')).toBe(72);
		const long = 'Comment une petite entreprise peut tenir un blog régulier et mesurer ce qu’il rapporte '.repeat(3);
		expect(size(long)).toBeLessThan(72);
		expect(size(long.repeat(4))).toBe(TITLE_BOX.sizes[TITLE_BOX.sizes.length - 1]);
	});
});

describe('the default card', () => {
	test('breaks a word longer than the line instead of drawing it past the edge', async () => {
		const title = 'Die Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
		const colors = { background: '#ffffff', text: '#000000', accent: '#ffffff', muted: '#ffffff' };
		const titleSize = fitTitleSize(analyseText(title, 700, fonts, everyEmoji), TITLE_BOX);
		const tree = SocialCard({ ...SIZE, title, titleSize, titleDir: 'ltr', siteTitle: undefined, date: '', locale: 'en', dir: 'ltr', colors, image: undefined, fontFamily: 'latin' });
		const data = readFileSync(require.resolve('@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff'));
		const { bytes } = await renderCard(tree, [{ name: 'latin', data, weight: 700, style: 'normal' }], async () => undefined, 'png');
		// Black text on white: the right padding (80 px) stays white, and the title takes several lines.
		const { data: pixels, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
		const dark = (x: number, y: number) => (pixels[y * info.width + x] ?? 255) < 128;
		const rows = Array.from({ length: info.height }, (_, y) => y);
		expect(rows.filter((y) => Array.from({ length: 60 }, (_, i) => 1140 + i).some((x) => dark(x, y)))).toEqual([]);
		const inked = rows.filter((y) => Array.from({ length: 1040 }, (_, i) => 80 + i).some((x) => dark(x, y)));
		expect((inked.at(-1) ?? 0) - (inked[0] ?? 0)).toBeGreaterThan(2 * titleSize);
	});
});

describe('titles in the Arabic script', () => {
	const naskh = font('Noto Naskh Arabic', '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff', 700);
	const shapedFonts = [naskh, { ...latin, family: 'Noto Serif' }];
	const installed = installShapedFonts(shapedFonts, mkdtempSync(path.join(tmpdir(), 'carnet-card-fonts-')));
	const style = { lineHeight: SHAPED_LINE_HEIGHT, dir: 'rtl' as const };
	const LONG = Array.from({ length: 40 }, (_, index) => ['مدونة', 'سريعة', 'گزارش', 'پژوهش'][index % 4]).join(' ');
	const inkRows = async (node: { props: Record<string, unknown> }) => {
		const png = Buffer.from(String(node.props.src).split(',')[1] as string, 'base64');
		const { data, info } = await sharp(png).extractChannel(3).raw().toBuffer({ resolveWithObject: true });
		return { info, rows: Array.from({ length: info.height }, (_, y) => data.subarray(y * info.width, (y + 1) * info.width).some((alpha) => alpha > 128)) };
	};

	test('keeps a short title at the largest size and shrinks a long one', async () => {
		expect(await fitShapedTitleSize(analyseText('بيت ثلج تفاح', 700, shapedFonts, () => false), await installed, TITLE_BOX, style)).toBe(72);
		expect(await fitShapedTitleSize(analyseText(LONG.split(' ').slice(0, 18).join(' '), 700, shapedFonts, () => false), await installed, TITLE_BOX, style)).toBeLessThan(72);
	});

	test('draws the title the width of its box, its letters from the right, and cuts a title too long for its lines after the last', async () => {
		const drawn = await drawShapedTitle(LONG, await installed, { ...style, size: 40, width: 1040, maxLines: 4, color: '#1c1b19' });
		const { info, rows } = await inkRows(drawn);
		expect(info.width).toBe(1040);
		expect(rows.filter((row, y) => row && !rows[y - 1]).length).toBe(4);
		const short = await inkRows(await drawShapedTitle('بيت ثلج تفاح', await installed, { ...style, size: 72, width: 1040, maxLines: 3, color: '#1c1b19' }));
		expect(short.rows.filter((row, y) => row && !short.rows[y - 1]).length).toBe(1);
	});

	test("puts the picture in the place of the title's text, at the size, width and colour the template gives it there", async () => {
		const props = { width: 1200, height: 630, title: 'بيت', titleSize: 64, titleDir: 'rtl' as const, siteTitle: 'Carnet', date: '4 janvier 2024', locale: 'fr', dir: 'ltr' as const, image: undefined, fontFamily: 'latin' };
		const colors = { background: '#fbfaf7', text: '#1c1b19', accent: '#9a3412', muted: '#5a5650' };
		const styles: unknown[] = [];
		const tree = await withTitlePicture(SocialCard({ ...props, colors }), 'بيت', async (given) => {
			styles.push(given);
			return { type: 'img', props: { src: 'title' } };
		});
		expect(styles).toEqual([{ size: 64, width: TITLE_BOX.width, color: '#1c1b19' }]);
		expect(JSON.stringify(tree)).not.toContain('بيت');
		expect(JSON.stringify(tree)).toContain('"src":"title"');
		expect(JSON.stringify(tree)).toContain('Carnet');
	});
});

describe('card cache', () => {
	test('gives the same key for the same inputs and another when any input changes', () => {
		expect(cardKey({ title: 'A', fonts: 'x' })).toBe(cardKey({ title: 'A', fonts: 'x' }));
		expect(cardKey({ title: 'A', fonts: 'x' })).not.toBe(cardKey({ title: 'B', fonts: 'x' }));
	});

	test('writes atomically and reads back only whole images of the right size', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-cards-'));
		const png = await sharp({ create: { ...SIZE, channels: 3, background: '#fff' } }).png().toBuffer();
		const jpg = await sharp({ create: { ...SIZE, channels: 3, background: '#fff' } }).jpeg().toBuffer();
		expect(isWholeImage(png, 'png', SIZE) && isWholeImage(jpg, 'jpg', SIZE)).toBe(true);
		expect(isWholeImage(png.subarray(0, png.length - 20), 'png', SIZE)).toBe(false);
		expect(isWholeImage(jpg, 'jpg', { width: 600, height: 315 })).toBe(false);
		await writeCachedCard(dir, 'k1', 'png', png);
		expect(readdirSync(dir)).toEqual(['k1.png']);
		expect((await readCachedCard(dir, 'k1', 'png', SIZE))?.equals(png)).toBe(true);
		// A truncated file is not trusted, and is removed.
		writeFileSync(path.join(dir, 'k2.png'), png.subarray(0, 100));
		expect(await readCachedCard(dir, 'k2', 'png', SIZE)).toBeUndefined();
		expect(readdirSync(dir)).toEqual(['k1.png']);
	});
});
