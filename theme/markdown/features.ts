import { calloutFrom, type CalloutKind } from './callouts.ts';
import { CODE_META_CLASS, codeBlockFrom, codeWrapperFor, withoutInlineHiliteMark } from './code.ts';
import { figureFrom, imageIn, lazyImage, mayBeFigure } from './figures.ts';
import { classNames, isElement, type HastElement, type HastNode, type MdastNode } from './hast.ts';
import { displayMathAfterTable, displayMathParagraph, mathFrom, textForFalseMath } from './math.ts';
import { isTableWrapper, isUnlabelledTaskItem, labelledTaskItem, scrollableTable } from './reading-aids.ts';
import { withTableCaption } from './table-captions.ts';
import { withTableFooter } from './tables.ts';

/** What a post body may need on its page, recorded by the processor's plugins in `carnetAssets`. */
export type BodyAsset = 'code' | 'math';
/** The key of the plugin front matter (`remarkPluginFrontmatter`) that lists a body's assets. */
export const BODY_ASSETS_KEY = 'carnetAssets';

/** Which of the theme's Markdown features are on, and the words they write. */
export interface BodyFeatures {
	callouts: boolean;
	math: boolean;
	/** KaTeX's `output`: MathML only, or its HTML rendering too (which needs its stylesheet). */
	mathOutput: 'mathml' | 'htmlAndMathml';
	code: boolean;
	/** Whether the site's code is highlighted by Prism (the theme's default), whose fence languages are checked (code.ts, prismLanguage). */
	prism?: boolean;
	figures: boolean;
	labels: Readonly<Record<CalloutKind, string>>;
}

/** The element names the hast rewrite looks at. */
export const REWRITTEN_ELEMENTS = ['blockquote', 'code', 'pre', 'div', 'p', 'img', 'table', 'li'] as const;

/**
 * The hast rewrite behind callouts, math, code titles and line highlights, figures, tables that scroll and
 * labelled task list items (the last two whatever the features): the new node(s)
 * for `element`, with their own content rewritten too, or undefined when `element` stays as it is (its
 * children are then visited on their own). `note` records what the page needs (the copy script, math);
 * `linked` says that `element` stands within a link. Running it again on its own output changes nothing.
 */
export function rewriteElement(element: HastElement, features: BodyFeatures, note: (asset: BodyAsset) => void, linked = false): HastNode[] | undefined {
	switch (element.tagName) {
		case 'blockquote': {
			const callout = features.callouts ? calloutFrom(element, features.labels) : undefined;
			return callout ? [{ ...callout, children: rewriteChildren(callout.children, features, note) }] : undefined;
		}
		case 'code':
		case 'pre': {
			const math = features.math ? mathFrom(element, features.mathOutput, linked) : undefined;
			if (math) {
				note('math');
				return math;
			}
			if (element.tagName !== 'pre' || isMathBlock(element)) return undefined;
			note('code');
			// A block wider than the column scrolls: the keyboard reaches it as a stop of the tab order, as Shiki
			// writes its blocks (Sätteri's and Prism's have no tabindex).
			return element.properties?.tabIndex === undefined ? [{ ...element, properties: { ...element.properties, tabIndex: 0 } }] : undefined;
		}
		case 'div': {
			// Its table was rewritten when it was wrapped.
			if (isTableWrapper(element)) return [element];
			if (!features.code || !classNames(element).includes(CODE_META_CLASS)) return undefined;
			const block = codeBlockFrom({ ...element, children: rewriteChildren(element.children, features, note) });
			return block ? [block] : undefined;
		}
		case 'p': {
			const figure = features.figures ? figureFrom(element) : undefined;
			return figure ? [figure] : undefined;
		}
		case 'table': {
			const table = withTableFooter(withTableCaption(element));
			return [scrollableTable({ ...table, children: rewriteChildren(table.children, features, note) })];
		}
		case 'li': {
			const item = labelledTaskItem(element);
			return item ? [{ ...item, children: rewriteChildren(item.children, features, note) }] : undefined;
		}
		default:
			return undefined;
	}
}

/**
 * Whether rewriteElement may change `element` or needs to see it, judged from the element alone, so
 * that a processor handing out costly nodes (Sätteri) copies only those.
 */
export function mayRewrite(element: HastElement, features: BodyFeatures): boolean {
	switch (element.tagName) {
		case 'blockquote':
			return features.callouts;
		case 'code':
			return features.math && classNames(element).includes('math-inline');
		case 'pre':
			return true;
		case 'div':
			return features.code && classNames(element).includes(CODE_META_CLASS);
		case 'p':
			return features.figures && mayBeFigure(element) && element.children.some((child) => imageIn(child) !== undefined);
		case 'table':
			return true;
		case 'li':
			return isUnlabelledTaskItem(element);
		default:
			return false;
	}
}

function rewriteChildren(children: readonly HastNode[], features: BodyFeatures, note: (asset: BodyAsset) => void, linked = false): HastNode[] {
	return children.flatMap((child) => {
		if (!isElement(child)) return [child];
		const rewritten = rewriteElement(child, features, note, linked);
		if (rewritten) return rewritten;
		const element = child.tagName === 'img' && features.figures ? lazyImage(child) : child;
		return [{ ...element, children: rewriteChildren(element.children, features, note, linked || element.tagName === 'a') }];
	});
}

/** Whether `pre` holds display math (its code has the class `math-display`). */
export function isMathBlock(pre: HastElement): boolean {
	return pre.children.some((child) => isElement(child, 'code') && classNames(child).includes('math-display'));
}

/**
 * The mdast rewrite that runs before highlighting: code blocks with a title or line numbers are
 * wrapped (code.ts), CodeHilite's and InlineHilite's language marks read, `$` pairs that Pandoc would not read as math go back to text, and a paragraph of
 * one `$$` formula is display math, one with such a formula on a line of its own parted around it, as is a table
 * whose last rows are such a line (math.ts).
 */
export function rewriteMdast(node: MdastNode, source: string, features: BodyFeatures): MdastNode | MdastNode[] | undefined {
	if (node.type === 'code') return codeWrapperFor(node, { meta: features.code, prism: features.prism === true }, source);
	if (node.type === 'inlineCode') return withoutInlineHiliteMark(node);
	if (node.type === 'inlineMath') return features.math ? textForFalseMath(node, source) : undefined;
	if (node.type === 'paragraph') return features.math ? displayMathParagraph(node, source) : undefined;
	if (node.type === 'table') return features.math ? displayMathAfterTable(node, source) : undefined;
	return undefined;
}

/** Adds `asset` to the plugin front matter of the document being rendered. */
export function noteAsset(frontmatter: Record<string, unknown> | undefined, asset: BodyAsset): void {
	if (!frontmatter) return;
	const assets = Array.isArray(frontmatter[BODY_ASSETS_KEY]) ? (frontmatter[BODY_ASSETS_KEY] as string[]) : [];
	if (!assets.includes(asset)) frontmatter[BODY_ASSETS_KEY] = [...assets, asset].sort();
}
