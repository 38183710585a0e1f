import { REWRITTEN_ELEMENTS, isMathBlock, mayRewrite, noteAsset, rewriteElement, rewriteMdast, type BodyAsset, type BodyFeatures } from './features.ts';
import { calloutFrom } from './callouts.ts';
import { figureFrom } from './figures.ts';
import { isElement, plain, type HastElement, type HastNode, type MdastNode } from './hast.ts';

// The parts of Sätteri's plugin API (satteri/dist/hast/hast-visitor.d.ts, mdast/mdast-visitor.d.ts)
// these plugins use, written out because `satteri` is a dependency of Astro's, not of the theme's.
interface Context<N> {
	readonly source: string;
	parent(node: N): N | undefined;
	readonly data: { astro?: { frontmatter?: Record<string, unknown> } };
	replaceNode(node: N, replacement: N | N[]): void;
	setProperty(node: N, key: string, value: unknown): void;
}
export interface SatteriMdastPlugin {
	name: string;
	options?: { position?: boolean };
	code?: (node: MdastNode, context: Context<MdastNode>) => void;
	inlineMath?: (node: MdastNode, context: Context<MdastNode>) => void;
}
/** A plugin, or a factory that Sätteri calls with the document and that may leave the plugin out. */
export type SatteriMdastPluginEntry = SatteriMdastPlugin | ((context: { source: string }) => SatteriMdastPlugin | null);
export interface SatteriFeaturesHastPlugin {
	name: string;
	element: { filter: string[]; visit: (node: HastElement, context: Context<HastNode>) => void };
}
/** A hast plugin, or a factory that Sätteri calls with the document (see SatteriMdastPluginEntry). */
export type SatteriHastPluginEntry = SatteriFeaturesHastPlugin | ((context: { source: string }) => SatteriFeaturesHastPlugin);

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
	// Only documents with a fence or a dollar sign need it: the others are parsed without positions, faster.
	const mdast = (context: { source: string }) => (/```|~~~|\$/.test(context.source) ? plugin : null);
	Object.defineProperty(mdast, 'name', { value: plugin.name });
	const rewrite = (node: HastElement, context: Context<HastNode>) => {
		if (!mayRewrite(node, features)) return;
		// A code block that is not math only asks for the copy script: no copy of its highlighted tree.
		if (node.tagName === 'pre' && !isMathBlock(node)) return noteAsset(context.data.astro?.frontmatter, 'code');
		const note = (asset: BodyAsset) => noteAsset(context.data.astro?.frontmatter, asset);
		const replacement = rewriteElement(plain(node) as HastElement, features, note);
		if (replacement) context.replaceNode(node, replacement);
	};
	// Sätteri still visits the old descendants of a node a plugin replaced, and drops (with a warning) a
	// change queued on one. So blocks are rewritten in one pass, callouts (which hold blocks) in a second,
	// and a node whose ancestor is replaced in the same pass is left to that ancestor's rewrite.
	const visitBlock = (node: HastElement, context: Context<HastNode>) => {
		if (node.tagName !== 'img') return rewrite(node, context);
		const parent = context.parent(node);
		if (!features.figures || (isElement(parent, 'p') && figureFrom(plain(parent) as HastElement))) return;
		if (node.properties?.loading === undefined) context.setProperty(node, 'loading', 'lazy');
		if (node.properties?.decoding === undefined) context.setProperty(node, 'decoding', 'async');
	};
	// Paragraphs matter only around images (figures): a document without one (no Markdown image, no <img>,
	// which is also what shortcodes expand to) is not asked for them, since Sätteri builds the children of
	// every node it hands out. The factory keeps the plugin's name, by which a restart replaces it.
	const blockElements = REWRITTEN_ELEMENTS.filter((name) => name !== 'blockquote');
	const withoutImages = blockElements.filter((name) => name !== 'p' && name !== 'img');
	const blocks = (context: { source: string }): SatteriFeaturesHastPlugin => ({
		name: 'astro-theme-carnet:features',
		element: { filter: /!\[|<img\b/i.test(context.source) ? blockElements : withoutImages, visit: visitBlock },
	});
	Object.defineProperty(blocks, 'name', { value: 'astro-theme-carnet:features' });
	const callouts: SatteriFeaturesHastPlugin = {
		name: 'astro-theme-carnet:callouts',
		element: {
			filter: ['blockquote'],
			visit: (node, context) => {
				for (let parent = context.parent(node); parent; parent = context.parent(parent)) {
					if (isElement(parent, 'blockquote') && calloutFrom(plain(parent) as HastElement, features.labels)) return;
				}
				rewrite(node, context);
			},
		},
	};
	const hast: SatteriHastPluginEntry[] = features.callouts ? [blocks, callouts] : [blocks];
	return { mdast, hast };
}
