import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { CardChild, CardNode } from '../components/SocialCard.ts';
import { writeFileAtomic } from './atomic-file.ts';
import type { CardFont, CardText, TitleBox } from './card-text.ts';

// satori neither joins Arabic letters nor places their marks (the dots that tell them apart). sharp's libvips
// draws text with Pango and HarfBuzz, which do both: a title in the Arabic script (Arabic, Persian, Urdu) is
// drawn by sharp into a picture that takes the place of the title's text in the card's tree, so that satori
// lays it out where the template puts the title.

/** The distance between lines at a font size of 1: the marks above and below Arabic letters need more room than the 1.2 of the template's Latin. */
export const SHAPED_LINE_HEIGHT = 1.4;

/** The fonts Pango draws shaped titles with, installed where its fontconfig finds them. */
export interface ShapedFonts {
	/** Pango's family list, in the order the card's fonts are tried: `Noto Naskh Arabic, Noto Serif, ...`. */
	families: string;
}

/** How a shaped title is drawn: its font size and box, as the template's title element gives them. */
export interface ShapedTitleStyle {
	size: number;
	width: number;
	/** The lines the picture may hold at most: what is below is cut, as `lineClamp` cuts the text. */
	maxLines: number;
	/** The distance between lines' baselines at a font size of 1. */
	lineHeight: number;
	color: string;
	dir: 'ltr' | 'rtl';
}

/**
 * fontconfig in sharp's libvips reads TrueType, not WOFF: each font is written unpacked into `dir`, named by
 * its hash, and handed to Pango by drawing one character with it (sharp registers a text's font file once per
 * process). Only these fonts are named, and a title is drawn this way only when they have all its characters,
 * so the machine's own fonts never stand in.
 */
export async function installShapedFonts(fonts: readonly CardFont[], dir: string): Promise<ShapedFonts> {
	await mkdir(dir, { recursive: true });
	for (const font of fonts) {
		const file = path.join(dir, `${createHash('sha256').update(font.tables.sfnt).digest('hex').slice(0, 32)}.ttf`);
		const current = await readFile(file).catch(() => undefined);
		if (!current?.equals(font.tables.sfnt)) await writeFileAtomic(file, font.tables.sfnt);
		await sharp({ text: { text: '.', fontfile: file, font: font.family } }).raw().toBuffer();
	}
	return { families: [...new Set(fonts.map((font) => font.family))].join(', ') };
}

/** The largest of the box's sizes at which the title fits its lines, as fitTitleSize() does for satori's text. */
export async function fitShapedTitleSize(title: CardText, fonts: ShapedFonts, box: TitleBox, style: Pick<ShapedTitleStyle, 'lineHeight' | 'dir'>): Promise<number> {
	for (const size of box.sizes) {
		const lines = Math.min(box.maxLines, Math.floor(box.height / (size * style.lineHeight)));
		const { info } = await drawTextMask(title.text, fonts, { size, width: box.width, ...style });
		if (info.height <= lines * size * style.lineHeight) return size;
	}
	return box.sizes[box.sizes.length - 1] as number;
}

/** The title as a picture the width of its box, its text in `color` on transparency, aligned to its start. */
export async function drawShapedTitle(text: string, fonts: ShapedFonts, style: ShapedTitleStyle): Promise<CardNode> {
	const { data, info } = await drawTextMask(text, fonts, style);
	// The picture starts at the top of the first line's letters; the line after the last kept starts about a
	// line height below, whose tallest letters are cut a tenth of the size above.
	const height = Math.min(info.height, Math.floor((style.maxLines * style.lineHeight - 0.1) * style.size));
	const width = Math.max(info.width, style.width);
	const mask = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
		.extract({ left: 0, top: 0, width: info.width, height })
		.extend({ [style.dir === 'rtl' ? 'left' : 'right']: width - info.width, background: '#000000' })
		.extractChannel(0)
		.raw()
		.toBuffer();
	const picture = await sharp({ create: { width, height, channels: 3, background: style.color } })
		.joinChannel(mask, { raw: { width, height, channels: 1 } })
		.png()
		.toBuffer();
	return { type: 'img', props: { src: `data:image/png;base64,${picture.toString('base64')}`, width, height } };
}

/**
 * The card's tree with its title's text replaced by the picture `draw` gives for the style the template
 * gives the title there (font size, width and colour, its own or inherited).
 */
export async function withTitlePicture(
	node: CardChild,
	title: string,
	draw: (style: { size: number | undefined; width: number | undefined; color: string | undefined }) => Promise<CardNode>,
	inherited: { size?: number | undefined; color?: string | undefined } = {},
): Promise<CardChild> {
	if (!node || typeof node !== 'object') return node;
	const style = node.props.style ?? {};
	const own = { size: typeof style.fontSize === 'number' ? style.fontSize : inherited.size, color: typeof style.color === 'string' ? style.color : inherited.color };
	const replace = (child: CardChild) =>
		child === title ? draw({ ...own, width: typeof style.width === 'number' ? style.width : undefined }) : withTitlePicture(child, title, draw, own);
	const { children } = node.props;
	const replaced = Array.isArray(children) ? await Promise.all(children.map(replace)) : await replace(children);
	return { ...node, props: { ...node.props, children: replaced } };
}

/** The text drawn by Pango in white on black, one band, wrapped at words (or within a word longer than a line). */
function drawTextMask(text: string, fonts: ShapedFonts, style: Pick<ShapedTitleStyle, 'size' | 'width' | 'dir' | 'lineHeight'>) {
	return sharp({
		text: {
			// Pango takes a paragraph's direction from its first letter, and lines up its start: a mark sets both.
			text: `<span line_height="${Math.round(style.size * style.lineHeight * 1024)}">${style.dir === 'rtl' ? RLM : LRM}${escapeMarkup(text)}</span>`,
			font: `${fonts.families} Bold ${style.size}`,
			// At 72 dots per inch, Pango's points are the card's pixels.
			dpi: 72,
			width: style.width,
			align: 'left',
			wrap: 'word-char',
		},
	})
		.extractChannel(0)
		.raw()
		.toBuffer({ resolveWithObject: true });
}

const RLM = '\u200f';
const LRM = '\u200e';

/** sharp reads its text as Pango markup. */
function escapeMarkup(text: string): string {
	return text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char] as string);
}
