/**
 * The default social card: a function from the post's facts to a tree of elements that satori lays out
 * (https://github.com/vercel/satori#documentation). Replace it with `components: { SocialCard: './src/card.ts' }`,
 * a module whose default export has this signature; import this one to wrap it.
 */

/** An element of the card, as satori reads it (the shape of a React element, without React). */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: CardChild | CardChild[]; [attribute: string]: unknown };
}
export type CardChild = CardNode | string | number | false | null | undefined;

export interface SocialCardProps {
	/** The card's size in pixels: 1200×630, what Open Graph and Twitter cards show. */
	width: number;
	height: number;
	/** The post's title, or undefined when the card's fonts cannot draw it (the build says so): show something else. */
	title: string | undefined;
	/** A font size, in pixels, at which the title fits `TITLE_BOX` in at most four lines. */
	titleSize: number;
	/** The title's direction: the post's, as its page gives it, or else its first letter's. */
	titleDir: 'ltr' | 'rtl';
	/** The blog's name, or undefined when the card's fonts cannot draw it. */
	siteTitle: string | undefined;
	/** The publication date, written in the site's language and time zone. */
	date: string;
	/** The site's language, and its direction. */
	locale: string;
	dir: 'ltr' | 'rtl';
	/** The `socialCards.colors` option. */
	colors: { background: string; text: string; accent: string; muted: string };
	/** The featured image, cropped to the card, when `socialCards.posts` is `'all'` and the post has one. */
	image: string | undefined;
	/** The CSS font family of the fonts the theme gives satori: Noto Serif and its Hebrew sibling, one name per file. */
	fontFamily: string;
}

const BORDER = 12;
const PADDING = { x: 80, y: 64 };
const ROW = 40;
const GAP = 28;

/** The box `titleSize` is fitted to: the card less its padding, the name and date rows and the gaps. */
export const TITLE_BOX = {
	width: 1200 - 2 * PADDING.x,
	height: 630 - BORDER - 2 * PADDING.y - 2 * ROW - 2 * GAP,
	lineHeight: 1.2,
	maxLines: 4,
	sizes: [72, 64, 56, 50, 44, 40],
} as const;

const div = (style: Record<string, string | number>, children?: CardChild | CardChild[], attributes: Record<string, unknown> = {}): CardNode => ({
	type: 'div',
	props: { ...attributes, style, children },
});

export default function SocialCard(props: SocialCardProps): CardNode {
	const { colors, image } = props;
	// Over a photo, white text on a dark scrim stays readable whatever the photo.
	const ink = image ? { text: '#ffffff', muted: '#f2f2f2' } : { text: colors.text, muted: colors.muted };
	const name = props.siteTitle && div({ display: 'flex', position: 'relative', flexShrink: 0, height: ROW, fontSize: 30, fontWeight: 700, color: image ? ink.text : colors.accent }, props.siteTitle);
	const title = props.title
		? div(
				// overflowWrap: a word longer than the line (a German compound) is broken, as fitTitleSize() counts it.
				{
					display: 'block',
					width: TITLE_BOX.width,
					fontSize: props.titleSize,
					fontWeight: 700,
					lineHeight: TITLE_BOX.lineHeight,
					color: ink.text,
					lineClamp: TITLE_BOX.maxLines,
					overflowWrap: 'break-word',
				},
				props.title,
				{ dir: props.titleDir },
			)
		: // Without a title, the blog's initial stands in its place, as on the theme's favicon.
			div(
				{ display: 'flex', width: 160, height: 160, borderRadius: 32, background: colors.accent, color: colors.background, fontSize: 104, fontWeight: 700, alignItems: 'center', justifyContent: 'center' },
				Array.from(props.siteTitle ?? '')[0]?.toUpperCase() ?? '',
			);
	return div(
		{
			display: 'flex',
			position: 'relative',
			boxSizing: 'border-box',
			flexDirection: 'column',
			width: props.width,
			height: props.height,
			padding: `${PADDING.y}px ${PADDING.x}px`,
			background: colors.background,
			fontFamily: props.fontFamily,
			borderTop: `${BORDER}px solid ${colors.accent}`,
		},
		[
			image && div({ display: 'flex', position: 'absolute', top: 0, left: 0, width: props.width, height: props.height }, [
				{ type: 'img', props: { src: image, width: props.width, height: props.height, style: { objectFit: 'cover' } } },
			]),
			image &&
				div({
					display: 'flex',
					position: 'absolute',
					top: 0,
					left: 0,
					width: props.width,
					height: props.height,
					backgroundImage: 'linear-gradient(to bottom, rgba(0,0,0,0.45), rgba(0,0,0,0.72))',
				}),
			name || div({ display: 'flex', flexShrink: 0, height: ROW }),
			// Positioned, like the photo and the scrim, so that they are painted above them.
			div({ display: 'flex', position: 'relative', flexGrow: 1, flexShrink: 1, minHeight: 0, alignItems: 'center', margin: `${GAP}px 0` }, title),
			div({ display: 'flex', position: 'relative', flexShrink: 0, height: ROW, fontSize: 28, color: ink.muted }, props.date),
		],
		{ dir: props.dir, lang: props.locale },
	);
}
