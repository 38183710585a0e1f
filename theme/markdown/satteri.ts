import { URL_ATTRIBUTES, VERBATIM_ELEMENTS, type BodyTransform } from './transforms.ts';

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
	text?: Visit;
	raw?: Visit;
	element?: { filter: string[]; visit: Visit };
	mdxJsxFlowElement?: { filter: string[]; visit: Visit };
	mdxJsxTextElement?: { filter: string[]; visit: Visit };
}

/** A Sätteri hast plugin (for `satteri({ hastPlugins })`, Astro 7's default processor) applying `transform`. */
export function satteriPlugin(transform: BodyTransform): SatteriHastPlugin {
	const plugin: SatteriHastPlugin = { name: `astro-theme-carnet:${transform.name}` };
	const { text, url, raw, image } = transform;
	if (text) {
		plugin.text = (node, context) => {
			for (let parent = context.parent(node); parent; parent = context.parent(parent)) {
				if (parent.type === 'element' && VERBATIM_ELEMENTS.has(parent.tagName ?? '')) return;
			}
			const value = text(node.value ?? '');
			return value === undefined || value === node.value ? undefined : { type: 'text', value };
		};
	}
	if (url || image) {
		plugin.element = {
			filter: url ? Object.keys(URL_ATTRIBUTES) : ['img'],
			visit: (node, context) => {
				for (const attribute of url ? (URL_ATTRIBUTES[node.tagName ?? ''] ?? []) : []) {
					const value = node.properties?.[attribute];
					const next = typeof value === 'string' ? url?.(value) : undefined;
					if (next !== undefined) context.setProperty(node, attribute, next);
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
	if (url) {
		const filter = Object.keys(URL_ATTRIBUTES);
		// `<a href="/x">` written in MDX is JSX, with attributes rather than properties.
		const visitJsx: Visit = (node) => {
			const attributes = URL_ATTRIBUTES[node.name ?? ''] ?? [];
			let changed = false;
			const next = node.attributes?.map((attribute) => {
				const value = attribute.type === 'mdxJsxAttribute' && attributes.includes(attribute.name ?? '') && typeof attribute.value === 'string' ? url(attribute.value) : undefined;
				if (value === undefined) return attribute;
				changed = true;
				return { ...attribute, value };
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
