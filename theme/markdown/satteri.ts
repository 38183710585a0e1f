import { URL_ATTRIBUTES, type BodyTransform } from './transforms.ts';

// The parts of Sätteri's hast visitor API (satteri/dist/hast/hast-visitor.d.ts) these plugins use. They
// are written out here because `satteri` is a dependency of Astro's, not of the theme's.
interface Node {
	type: string;
	value?: string;
	tagName?: string;
	name?: string | null;
	properties?: Record<string, unknown>;
	attributes?: { type: string; name?: string; value?: unknown }[];
}
interface VisitorContext {
	/** The document being rendered, as the caller named it (Astro passes the post's file). */
	readonly fileURL: URL | undefined;
	parent(node: Node): Node | undefined;
	setProperty(node: Node, key: string, value: unknown): void;
}
type Visit = (node: Node, context: VisitorContext) => Node | void;
/** A Sätteri hast plugin: a name and a visitor per node type. */
export interface SatteriHastPlugin {
	name: string;
	raw?: Visit;
	element?: { filter: string[]; visit: Visit };
	mdxJsxFlowElement?: { filter: string[]; visit: Visit };
	mdxJsxTextElement?: { filter: string[]; visit: Visit };
}

/**
 * The Sätteri plugins (Astro 7's default processor) applying `transforms`, for `satteri({ mdastPlugins,
 * hastPlugins })`: text transforms on the Markdown tree, the others on the HTML tree. Text is changed in
 * the Markdown tree because there it is only prose (code, math and raw HTML are nodes of their own, never
 * text), so no text node needs its ancestors looked up; and because visiting every text node of the HTML
 * tree, which Sätteri builds in JavaScript node by node for a plugin, cost a third of a body's rendering.
 */
export function satteriTransformPlugins(transforms: readonly BodyTransform[]): { mdastPlugins: SatteriMdastTextPlugin[]; hastPlugins: SatteriHastPlugin[] } {
	return {
		mdastPlugins: transforms.flatMap((transform) => {
			const { text } = transform;
			if (!text) return [];
			const visit: SatteriMdastTextPlugin['text'] = (node, context) => {
				const value = text(node.value ?? '');
				if (value !== undefined && value !== node.value) context.setProperty(node, 'value', value);
			};
			return [{ name: `astro-theme-carnet:${transform.name}`, text: visit }];
		}),
		hastPlugins: transforms.filter((transform) => transform.url || transform.raw || transform.image).map(satteriPlugin),
	};
}

/** A Sätteri mdast plugin that changes text nodes. */
export interface SatteriMdastTextPlugin {
	name: string;
	text: (node: { type: string; value?: string }, context: { setProperty(node: unknown, key: 'value', value: string): void }) => void;
}

/** A Sätteri hast plugin applying the URL, raw HTML and image parts of `transform`. */
function satteriPlugin(transform: BodyTransform): SatteriHastPlugin {
	const plugin: SatteriHastPlugin = { name: `astro-theme-carnet:${transform.name}` };
	const { url, raw, image } = transform;
	if (url || image) {
		plugin.element = {
			filter: url ? Object.keys(URL_ATTRIBUTES) : ['img'],
			visit: (node, context) => {
				for (const attribute of url ? (URL_ATTRIBUTES[node.tagName ?? ''] ?? []) : []) {
					const value = node.properties?.[attribute];
					const next = typeof value === 'string' ? url?.(value, node.tagName ?? '') : undefined;
					// Sätteri removes a property set to undefined.
					if (next !== undefined) context.setProperty(node, attribute, next ?? undefined);
				}
				const { properties } = node;
				if (!image || node.tagName !== 'img' || typeof properties?.src !== 'string' || properties.width !== undefined || properties.height !== undefined) return;
				const size = image(properties.src, context.fileURL);
				if (!size) return;
				context.setProperty(node, 'width', size.width);
				context.setProperty(node, 'height', size.height);
			},
		};
	}
	if (url && !transform.markdownOnly) {
		const filter = Object.keys(URL_ATTRIBUTES);
		// `<a href="/x">` written in MDX is JSX, with attributes rather than properties.
		const visitJsx: Visit = (node) => {
			const attributes = URL_ATTRIBUTES[node.name ?? ''] ?? [];
			let changed = false;
			const next = node.attributes?.flatMap((attribute) => {
				const value = attribute.type === 'mdxJsxAttribute' && attributes.includes(attribute.name ?? '') && typeof attribute.value === 'string' ? url(attribute.value, node.name ?? '') : undefined;
				if (value === undefined) return [attribute];
				changed = true;
				return value === null ? [] : [{ ...attribute, value }];
			});
			return changed && next ? { ...node, attributes: next } : undefined;
		};
		plugin.mdxJsxFlowElement = { filter, visit: visitJsx };
		plugin.mdxJsxTextElement = { filter, visit: visitJsx };
	}
	if (raw) {
		plugin.raw = (node, context) => {
			const value = raw(node.value ?? '', context.fileURL);
			return value === undefined ? undefined : { type: 'raw', value };
		};
	}
	return plugin;
}
