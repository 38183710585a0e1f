import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveCardFonts } from '../../theme/integration/card-fonts.ts';
import { readFontTables } from '../../theme/utils/font-tables.ts';
import { makeJpeg } from '../helpers/images.ts';
import { refusal } from '../helpers/refusal.ts';
import { repoRoot } from '../helpers/sites.ts';

const root = path.join(repoRoot, 'tests/.sites/unit-card-fonts');
const astroConfig = { root: pathToFileURL(`${root}/`) };
const require = createRequire(path.join(repoRoot, 'theme/package.json'));
const woff = readFileSync(require.resolve('@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff'));

const optionError = (option: string) => refusal(() => resolveCardFonts(['./fonts/ok.ttf', option], astroConfig));

beforeAll(async () => {
	rmSync(root, { recursive: true, force: true });
	mkdirSync(path.join(root, 'fonts/folder.ttf'), { recursive: true });
	const ttf = readFontTables(woff, 'noto-serif').sfnt;
	writeFileSync(path.join(root, 'fonts/ok.ttf'), ttf);
	writeFileSync(path.join(root, 'fonts/ok.woff'), woff);
	writeFileSync(path.join(root, 'fonts/cut.ttf'), ttf.subarray(0, 120));
	writeFileSync(path.join(root, 'fonts/new.woff2'), Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]));
	writeFileSync(path.join(root, 'fonts/NotoSansCJK.ttc'), Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(60)]));
	writeFileSync(path.join(root, 'fonts/photo.ttf'), await makeJpeg(20, 20, 1));
});

describe('the socialCards.fonts option', () => {
	test('resolves TrueType and WOFF files from the project root, in the order given', () => {
		expect(resolveCardFonts(['./fonts/ok.woff', 'fonts/ok.ttf'], astroConfig)).toEqual([path.join(root, 'fonts/ok.woff'), path.join(root, 'fonts/ok.ttf')]);
	});

	test('refuses a missing file and a folder, naming the entry and where it looked', () => {
		expect(optionError('./fonts/NotoSansJP-Bold.ttf')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialCards.fonts[1]: './fonts/NotoSansJP-Bold.ttf' was not found (looked for fonts/NotoSansJP-Bold.ttf).
			Hint: Paths are read from the project root, e.g. ./src/fonts/NotoSansJP-Bold.ttf."
		`);
		expect(optionError('./fonts/folder.ttf')).toContain("- socialCards.fonts[1]: './fonts/folder.ttf' is a folder (fonts/folder.ttf).");
	});

	test('refuses WOFF2, a font collection, an image and a cut file, saying what each is and what to give instead', () => {
		expect(optionError('./fonts/new.woff2')).toMatchInlineSnapshot(`
			"Invalid options passed to astro-theme-carnet:
			- socialCards.fonts[1]: './fonts/new.woff2' (fonts/new.woff2) is a WOFF2 file, which satori (the card drawer) cannot read.
			Hint: Give the TrueType (.ttf) or OpenType (.otf) file of the font, as its makers publish it (Google Fonts, Noto), or a WOFF (not WOFF2) file."
		`);
		expect(optionError('./fonts/NotoSansCJK.ttc')).toContain('(fonts/NotoSansCJK.ttc) is a font collection (.ttc), which holds several fonts where one is needed.');
		expect(optionError('./fonts/photo.ttf')).toContain('(fonts/photo.ttf) is not a TrueType, OpenType or WOFF font.');
		expect(optionError('./fonts/cut.ttf')).toContain('(fonts/cut.ttf) cannot be read as a font: it ends before its tables do (cut short or damaged).\nHint: Give the TrueType');
	});
});
