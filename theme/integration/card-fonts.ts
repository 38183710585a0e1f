import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { readFontTables } from '../utils/font-tables.ts';
import { userError } from './errors.ts';

// What a font file starts with (its sfnt version or signature): those cards read, and those they refuse, with why.
const READ = new Set([
	'00010000', // TrueType
	'74727565', // 'true': Apple's TrueType
	'4f54544f', // 'OTTO': OpenType with CFF outlines
	'774f4646', // 'wOFF'
]);
const REFUSED: Record<string, string> = {
	'774f4632': 'is a WOFF2 file, which satori (the card drawer) cannot read',
	'74746366': 'is a font collection (.ttc), which holds several fonts where one is needed',
};

/**
 * The files of the `socialCards.fonts` option, as absolute paths, each checked to be a font that social
 * cards can draw with, or an error that names the option's entry, what was found and how to fix it.
 */
export function resolveCardFonts(options: readonly string[], astroConfig: Pick<AstroConfig, 'root'>): string[] {
	const root = fileURLToPath(astroConfig.root);
	return options.map((option, index) => {
		const file = path.resolve(root, option);
		const shown = path.relative(root, file) || '.';
		const fail = (problem: string, hint: string) =>
			userError(`Invalid options passed to astro-theme-carnet:\n- socialCards.fonts[${index}]: '${option}' ${problem}.`, hint);
		if (!existsSync(file)) throw fail(`was not found (looked for ${shown})`, 'Paths are read from the project root, e.g. ./src/fonts/NotoSansJP-Bold.ttf.');
		if (!statSync(file).isFile()) throw fail(`is a folder (${shown})`, 'Give the font file itself, e.g. ./src/fonts/NotoSansJP-Bold.ttf.');
		const bytes = readFileSync(file);
		const signature = bytes.subarray(0, 4).toString('hex');
		const convert = 'Give the TrueType (.ttf) or OpenType (.otf) file of the font, as its makers publish it (Google Fonts, Noto), or a WOFF (not WOFF2) file.';
		if (!READ.has(signature)) throw fail(`(${shown}) ${REFUSED[signature] ?? 'is not a TrueType, OpenType or WOFF font'}`, convert);
		try {
			readFontTables(bytes, shown);
		} catch (error) {
			// A RangeError is a table that points past the file's end.
			const why = error instanceof RangeError ? 'it ends before its tables do (cut short or damaged)' : error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
			throw fail(`(${shown}) cannot be read as a font: ${why}`, convert);
		}
		return file;
	});
}
