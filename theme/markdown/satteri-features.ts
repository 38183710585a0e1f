import { REWRITTEN_ELEMENTS, isMathBlock, mayRewrite, noteAsset, rewriteElement, rewriteMdast, type BodyAsset, type BodyFeatures } from './features.ts';
import { isCallout } from './callouts.ts';
import { isUnlabelledTaskItem } from './reading-aids.ts';
import { figureFrom, mayBeFigure } from './figures.ts';
import { CODE_META_CLASS, HILITE_HINT } from './code.ts';
import { classNames, isElement, plain, type HastElement, type HastNode, type MdastNode } from './hast.ts';
import { addressLinkClasses } from '../utils/link-text.ts';
import { LIST_TYPE_HINT, withListType } from './pandoc-lists.ts';

// The parts of Sätteri's plugin API (satteri/dist/hast/hast-visitor.d.ts, mdast/mdast-visitor.d.ts)
// these plugins use, written out because `satteri` is a dependency of Astro's, not of the theme's.
interface Context<N> {
	readonly source: string;
	parent(node: N): N | undefined;
	readonly data: { astro?: { frontmatter?: Record<string, unknown> } };
	replaceNode(node: N, replacement: N | N[]): void;
	removeNode(node: N): void;
	setProperty(node: N, key: string, value: unknown): void;
}
export interface SatteriMdastPlugin {
	name: string;
	options?: { position?: boolean };
	code?: (node: MdastNode, context: Context<MdastNode>) => void;
	inlineMath?: (node: MdastNode, context: Context<MdastNode>) => void;
	paragraph?: (node: MdastNode, context: Context<MdastNode>) => void;
	table?: (node: MdastNode, context: Context<MdastNode>) => void;
	inlineCode?: (node: MdastNode, context: Context<MdastNode>) => void;
}
/** A plugin, or a factory that Sätteri calls with the document and that may leave the plugin out. */
export type SatteriMdastPluginEntry = SatteriMdastPlugin | ((context: { source: string }) => SatteriMdastPlugin | null);
export interface SatteriFeaturesHastPlugin {
	name: string;
	element: { filter: string[]; visit: (node: HastElement, context: Context<HastNode>) => void };
}
/** A hast plugin, or a factory that Sätteri calls with the document (see SatteriMdastPluginEntry). */
export type SatteriHastPluginEntry = SatteriFeaturesHastPlugin | ((context: { source: string }) => SatteriFeaturesHastPlugin | null);

/** The mdast and hast plugins (for `satteri({ mdastPlugins, hastPlugins })`) behind Carnet's Markdown features. */
export function satteriFeaturePlugins(features: BodyFeatures): { mdast: SatteriMdastPluginEntry; hast: SatteriHastPluginEntry[] } {
	const mdastVisit = (node: MdastNode, context: Context<MdastNode>) => {
		const replacement = rewriteMdast(node, context.source, features);
		if (replacement) context.replaceNode(node, replacement);
	};
	const plugin: SatteriMdastPlugin = { name: 'astro-theme-carnet:features-mdast', code: mdastVisit };
	if (features.math) {
		// Inline math is checked against its source, which needs positions.
		plugin.options = { position: true };
		plugin.inlineMath = mdastVisit;
	}
	// A paragraph may be one `$$` formula, or a `$` one that opens a display environment, or hold a `$$` one on a
	// line of its own, only in a document with `$$` or `$\begin`: the others' paragraphs are not visited.
	const withParagraphs: SatteriMdastPlugin = {
		...plugin,
		paragraph: (node, context) => {
			if (node.children?.some((child) => child.type === 'inlineMath')) mdastVisit(node, context);
		},
		table: mdastVisit,
	};
	// Only documents with a fence or a dollar sign need it: the others are parsed without positions, faster.
	// One with CodeHilite's first lines needs them, to tell an indented block from a fence, and its inline code
	// visited for InlineHilite's marks.
	const mdast = (context: { source: string }) => {
		const hilite = HILITE_HINT.test(context.source);
		const displayed = features.math && (context.source.includes('$$') || context.source.includes('$\\begin'));
		const visited = displayed ? withParagraphs : hilite || /```|~~~|\$/.test(context.source) ? plugin : null;
		return visited && hilite ? { ...visited, options: { position: true }, inlineCode: mdastVisit } : visited;
	};
	Object.defineProperty(mdast, 'name', { value: plugin.name });
	const rewrite = (node: HastElement, context: Context<HastNode>) => {
		if (!mayRewrite(node, features)) return;
		// A code block that is not math only asks for the copy script: no copy of its highlighted tree.
		// A highlighted block says its language on the pre: its code is not looked at (Sätteri would build it).
		if (node.tagName === 'pre' && (typeof node.properties?.dataLanguage === 'string' || !isMathBlock(node))) {
			// The keyboard reaches a block that scrolls (features.ts): here without a copy, but for one whose
			// titled wrapper is rewritten, which gives its own.
			const parent = context.parent(node);
			if (node.properties?.tabIndex === undefined && !(isElement(parent, 'div') && classNames(parent).includes(CODE_META_CLASS))) context.setProperty(node, 'tabIndex', 0);
			return noteAsset(context.data.astro?.frontmatter, 'code');
		}
		const note = (asset: BodyAsset) => noteAsset(context.data.astro?.frontmatter, asset);
		const replacement = rewriteElement(plain(node) as HastElement, features, note, node.tagName === 'code' && withinLink(node, context));
		if (replacement) context.replaceNode(node, replacement);
	};
	// Sätteri still visits the old descendants of a node a plugin replaced, and drops (with a warning) a
	// change queued on one. So blocks are rewritten in one pass, callouts (which hold blocks) in a second,
	// and a node whose ancestor is replaced in the same pass is left to that ancestor's rewrite.
	const visitBlock = (node: HastElement, context: Context<HastNode>) => {
		if (node.tagName !== 'img') return rewrite(node, context);
		const parent = context.parent(node);
		// A linked image alone in its paragraph is a figure too: the paragraph's rewrite makes it lazy. Only a
		// paragraph short enough to be one is copied to ask: copying a paragraph of images once per image made
		// one of 100 KB take minutes.
		const paragraph = isElement(parent, 'a') ? context.parent(parent) : parent;
		if (!features.figures || (isElement(paragraph, 'p') && mayBeFigure(paragraph) && figureFrom(plain(paragraph) as HastElement))) return;
		if (node.properties?.loading === undefined) context.setProperty(node, 'loading', 'lazy');
		if (node.properties?.decoding === undefined) context.setProperty(node, 'decoding', 'async');
	};
	// Sätteri builds every node it hands a plugin (and its children when asked), which costs more than
	// rendering it, so a document is only asked for the elements its source can make: paragraphs matter only
	// around images (figures: a Markdown image or an <img>, which is also what shortcodes expand to), inline
	// code only as math (a dollar sign), divs only as titled code blocks (a fence). Factories keep the
	// plugin's name, by which a restart replaces it.
	const blocks = (context: { source: string }): SatteriFeaturesHastPlugin => {
		const { source } = context;
		const filter = REWRITTEN_ELEMENTS.filter((name) => {
			if (name === 'p' || name === 'img') return /!\[|<img\b/i.test(source);
			if (name === 'code') return features.math && source.includes('$');
			if (name === 'div') return /```|~~~/.test(source);
			return !HOLDERS.includes(name);
		});
		return { name: 'astro-theme-carnet:features', element: { filter, visit: visitBlock } };
	};
	Object.defineProperty(blocks, 'name', { value: 'astro-theme-carnet:features' });
	// The second pass: what holds blocks (callouts, task list items) or scrolls (tables), each rewritten
	// whole, so the outermost one rewrites what it holds (features.ts: rewriteChildren).
	const replacedWhole = (node: HastElement) =>
		node.tagName === 'table' || (node.tagName === 'li' ? isUnlabelledTaskItem(node) : features.callouts && isCallout(node));
	const visitHolder = (node: HastElement, context: Context<HastNode>) => {
		if (!replacedWhole(node)) return;
		// Only the start of each quote or item is looked at: copying whole quotes to ask made a post of quotes
		// nested a thousand deep take half a minute.
		for (let parent = context.parent(node); parent; parent = context.parent(parent)) {
			if (isElement(parent) && HOLDERS.includes(parent.tagName) && replacedWhole(parent)) return;
		}
		rewrite(node, context);
	};
	// A callout opens with "[!" (written as such or as a character reference); a GFM table has pipes; a task
	// item has its box.
	const holders = (context: { source: string }): SatteriFeaturesHastPlugin | null => {
		const { source } = context;
		const filter = HOLDERS.filter((name) => {
			if (name === 'blockquote') return features.callouts && /\[!|&#0*91;|&#x0*5b;|&lsqb;|&lbrack;/i.test(source);
			if (name === 'table') return source.includes('|');
			// A task item is rewritten whole, what it holds included, which Sätteri refuses past 128 levels: task
			// lists nested that deep (hostile, or a generated outline) are left to the labels of the Markdown pass
			// (utils/task-lists.ts).
			return /\[[ xX]\]/.test(source) && !DEEP_TASK_ITEM.test(source);
		});
		return filter.length === 0 ? null : { name: 'astro-theme-carnet:holders', element: { filter, visit: visitHolder } };
	};
	Object.defineProperty(holders, 'name', { value: 'astro-theme-carnet:holders' });
	const hast: SatteriHastPluginEntry[] = [blocks, holders, headingAttributes, addressLinks, listTypes];
	return { mdast, hast };
}

/** Whether `node` stands within a link (`[see $x$](…)`), where a formula's own links are left out. */
function withinLink(node: HastNode, context: Context<HastNode>): boolean {
	for (let parent = context.parent(node); parent; parent = context.parent(parent)) if (isElement(parent, 'a')) return true;
	return false;
}

// The elements the second pass rewrites (satteriFeaturePlugins).
const HOLDERS: readonly string[] = ['blockquote', 'table', 'li'];
// A task item indented a hundred columns or more: lists some thirty levels deep.
const DEEP_TASK_ITEM = /^[ \t>]{100}[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/m;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
// A heading's attribute list may run script or restyle the page: Sätteri gives a heading what its braces
// say, wherever the heading is (a list item, a quote, a footnote). heading-attributes.ts warns about the
// lists it sees in the source; this plugin takes them off every heading. Raw HTML is the author's own, and
// stays as written.
const headingAttributesPlugin: SatteriFeaturesHastPlugin = {
	name: 'astro-theme-carnet:heading-attributes',
	element: {
		filter: HEADINGS,
		visit: (node, context) => {
			// What is no attribute name (`"/onfocus`, read from `{data-x=a"/onfocus=…}`) would be written out as is.
			// Nor the theme's own hooks (`data-carnet-…`, `dataCarnet…`), which its scripts find.
			for (const key of Object.keys(node.properties ?? {})) if (/^on|^style$|^data-?carnet/i.test(key) || !/^[A-Za-z][\w.-]*$/.test(key)) context.setProperty(node, key, undefined);
		},
	},
};
// Any post with braces (a search in linear time: a line of a megabyte of `{` is read in one pass).
const headingAttributes = (context: { source: string }) => (context.source.includes('{') && context.source.includes('}') ? headingAttributesPlugin : null);
Object.defineProperty(headingAttributes, 'name', { value: headingAttributesPlugin.name });

const listTypesPlugin: SatteriFeaturesHastPlugin = {
	name: 'astro-theme-carnet:list-types',
	element: {
		filter: ['ol'],
		visit: (node, context) => {
			const type = withListType(node, (nodes) => nodes.forEach((mark) => context.removeNode(mark)));
			if (type) context.setProperty(node, 'type', type);
		},
	},
};
// Only a post written for Pandoc whose lists are numbered by letters or Roman numerals (pandoc-lists.ts).
const listTypes = (context: { source: string }) => (context.source.includes(LIST_TYPE_HINT) ? listTypesPlugin : null);
Object.defineProperty(listTypes, 'name', { value: listTypesPlugin.name });

const addressLinksPlugin: SatteriFeaturesHastPlugin = {
	name: 'astro-theme-carnet:address-links',
	element: {
		filter: ['a'],
		visit: (node, context) => {
			const classes = addressLinkClasses(plain(node) as HastElement);
			if (classes) context.setProperty(node, 'className', classes);
		},
	},
};
// MDX posts only: a Markdown post's rendered HTML has its links marked (integration/post-sync.ts), and an
// MDX post is compiled to a component whose HTML Carnet does not read. Only a document that may hold an address.
const addressLinks = (context: { source: string; sourceFormat?: string }) => (context.sourceFormat === 'mdx' && /:\/\/|@|www\./i.test(context.source) ? addressLinksPlugin : null);
Object.defineProperty(addressLinks, 'name', { value: addressLinksPlugin.name });
