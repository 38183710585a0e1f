/** An emoji set in Iconify's JSON format, as `@iconify-json/twemoji` ships it. */
export interface IconSet {
	icons: Record<string, { body: string; width?: number; height?: number }>;
	aliases?: Record<string, { parent: string }>;
	width?: number;
	height?: number;
}

/** Iconify's index of an emoji set: code point sequence (`1f468-200d-1f4bb`) → icon name. */
export type EmojiIndex = Record<string, string>;

/** The picture of an emoji as an SVG data URL, which satori draws in place of the character. */
export function emojiDataUrl(set: IconSet, index: EmojiIndex, code: string): string | undefined {
	const name = index[code];
	const icon = name === undefined ? undefined : (set.icons[name] ?? set.icons[set.aliases?.[name]?.parent ?? '']);
	if (!icon) return undefined;
	const width = icon.width ?? set.width ?? 16;
	const height = icon.height ?? set.height ?? 16;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${icon.body}</svg>`;
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
