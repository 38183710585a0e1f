import { inflateSync } from 'node:zlib';

/** What social cards need to know about one font file: which characters it draws, and how wide they are. */
export interface FontTables {
	/** The font as TrueType/OpenType bytes (WOFF files are unpacked once, rather than by satori on every card). */
	sfnt: Uint8Array;
	unitsPerEm: number;
	/** Glyph index of a code point, 0 when the font has no glyph for it. */
	glyphOf(codePoint: number): number;
	/** Advance width of a glyph, in font units. */
	advanceOf(glyph: number): number;
}

const WOFF = 0x774f4646;

/** Reads a WOFF 1.0 or TrueType/OpenType file. `name` only serves error messages. */
export function readFontTables(bytes: Uint8Array, name: string): FontTables {
	const sfnt = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) === WOFF ? unpackWoff(bytes) : bytes;
	const tables = tableDirectory(sfnt);
	const table = (tag: string) => {
		const found = tables.get(tag);
		if (!found) throw new Error(`The font ${name} has no '${tag}' table; social cards need TrueType or OpenType fonts with one.`);
		return found;
	};
	const cmap = readCmap(table('cmap'), name);
	const head = table('head');
	const hhea = table('hhea');
	const hmtx = table('hmtx');
	const metrics = hhea.getUint16(34);
	return {
		sfnt,
		unitsPerEm: head.getUint16(18),
		glyphOf: (codePoint) => cmap.get(codePoint) ?? 0,
		advanceOf: (glyph) => hmtx.getUint16(4 * Math.min(glyph, metrics - 1)),
	};
}

/** WOFF 1.0 → sfnt: the same tables, each inflated when stored compressed (W3C WOFF 1.0, section 5). */
function unpackWoff(woff: Uint8Array): Uint8Array {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	const count = view.getUint16(12);
	const entries = Array.from({ length: count }, (_, index) => {
		const at = 44 + index * 20;
		return { tag: view.getUint32(at), offset: view.getUint32(at + 4), stored: view.getUint32(at + 8), length: view.getUint32(at + 12), checksum: view.getUint32(at + 16) };
	});
	const out = new Uint8Array(12 + 16 * count + entries.reduce((sum, entry) => sum + ((entry.length + 3) & ~3), 0));
	const writer = new DataView(out.buffer);
	const selector = Math.floor(Math.log2(count));
	writer.setUint32(0, view.getUint32(4));
	writer.setUint16(4, count);
	writer.setUint16(6, 2 ** selector * 16);
	writer.setUint16(8, selector);
	writer.setUint16(10, count * 16 - 2 ** selector * 16);
	let offset = 12 + 16 * count;
	entries.forEach((entry, index) => {
		const stored = woff.subarray(entry.offset, entry.offset + entry.stored);
		out.set(entry.stored < entry.length ? inflateSync(stored) : stored, offset);
		writer.setUint32(12 + index * 16, entry.tag);
		writer.setUint32(16 + index * 16, entry.checksum);
		writer.setUint32(20 + index * 16, offset);
		writer.setUint32(24 + index * 16, entry.length);
		offset += (entry.length + 3) & ~3;
	});
	return out;
}

function tableDirectory(sfnt: Uint8Array): Map<string, DataView> {
	const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
	const tables = new Map<string, DataView>();
	for (let index = 0; index < view.getUint16(4); index++) {
		const at = 12 + index * 16;
		const tag = String.fromCharCode(...sfnt.subarray(at, at + 4));
		tables.set(tag, new DataView(sfnt.buffer, sfnt.byteOffset + view.getUint32(at + 8), view.getUint32(at + 12)));
	}
	return tables;
}

/** Code point → glyph, from the Unicode subtable of format 12 (full repertoire) or 4 (BMP). */
function readCmap(cmap: DataView, name: string): Map<number, number> {
	const subtables = Array.from({ length: cmap.getUint16(2) }, (_, index) => cmap.getUint32(8 + index * 8));
	const format12 = subtables.find((offset) => cmap.getUint16(offset) === 12);
	const format4 = subtables.find((offset) => cmap.getUint16(offset) === 4);
	const glyphs = new Map<number, number>();
	if (format12 !== undefined) {
		for (let group = 0; group < cmap.getUint32(format12 + 12); group++) {
			const at = format12 + 16 + group * 12;
			const [first, last, glyph] = [cmap.getUint32(at), cmap.getUint32(at + 4), cmap.getUint32(at + 8)];
			for (let code = first; code <= last; code++) glyphs.set(code, glyph + code - first);
		}
		return glyphs;
	}
	if (format4 === undefined) throw new Error(`The font ${name} has no Unicode character map (cmap format 4 or 12).`);
	const segments = cmap.getUint16(format4 + 6) / 2;
	const ends = format4 + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let segment = 0; segment < segments; segment++) {
		const [first, last] = [cmap.getUint16(starts + segment * 2), cmap.getUint16(ends + segment * 2)];
		const delta = cmap.getUint16(deltas + segment * 2);
		const rangeOffset = cmap.getUint16(rangeOffsets + segment * 2);
		for (let code = first; code <= last && code !== 0xffff; code++) {
			let glyph: number;
			if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
			else {
				const raw = cmap.getUint16(rangeOffsets + segment * 2 + rangeOffset + (code - first) * 2);
				glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
			}
			if (glyph !== 0) glyphs.set(code, glyph);
		}
	}
	return glyphs;
}
