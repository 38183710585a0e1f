import { URL_ATTRIBUTES, VERBATIM_ELEMENTS, type BodyTransform } from './transforms.ts';

// The hast nodes these plugins read and change (https://github.com/syntax-tree/hast, and mdast-util-mdx-jsx
// for the JSX elements of MDX). Written out here so that the theme does not depend on @types/hast.
interface Node {
	type: string;
	value?: string;
	tagName?: string;
	name?: string | null;
	properties?: Record<string, unknown>;
	attributes?: { type: string; name?: string; value?: unknown }[];
	children?: Node[];
}

/** A rehype plugin: called once by unified, it returns the transformer run on each document (a vfile, whose `path` is the document's file). */
export type RehypePlugin = () => (tree: Node, file?: { path?: string }) => void;

/** A rehype plugin (for `unified({ rehypePlugins })` from @astrojs/markdown-remark) applying `transform`. */
export function rehypePlugin(transform: BodyTransform): RehypePlugin {
	const plugin: RehypePlugin = () => (tree, file) => visit(tree, transform, false, file?.path);
	// Named, so that a plugin installed twice (astro dev reloading its config) is found and replaced.
	Object.defineProperty(plugin, 'name', { value: `astroThemeCarnet_${transform.name.replace(/-/g, '_')}` });
	return plugin;
}

function visit(node: Node, transform: BodyTransform, verbatim: boolean, document: string | undefined): void {
	if (node.type === 'text' && !verbatim && transform.text) {
		node.value = transform.text(node.value ?? '') ?? node.value ?? '';
	} else if (node.type === 'raw' && transform.raw) {
		node.value = transform.raw(node.value ?? '', document) ?? node.value ?? '';
	} else if (node.type === 'element' && (transform.url || transform.image)) {
		for (const attribute of transform.url ? (URL_ATTRIBUTES[node.tagName ?? ''] ?? []) : []) {
			const value = node.properties?.[attribute];
			const next = typeof value === 'string' ? transform.url?.(value, node.tagName ?? '') : undefined;
			if (next === null && node.properties) delete node.properties[attribute];
			else if (next !== undefined && node.properties) node.properties[attribute] = next;
		}
		const { properties } = node;
		if (transform.image && node.tagName === 'img' && properties && typeof properties.src === 'string' && properties.width === undefined && properties.height === undefined) {
			const size = transform.image(properties.src, document);
			if (size) Object.assign(properties, size);
		}
	} else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && transform.url && !transform.markdownOnly) {
		const attributes = URL_ATTRIBUTES[node.name ?? ''] ?? [];
		if (node.attributes) node.attributes = node.attributes.filter((attribute) => {
			if (attribute.type !== 'mdxJsxAttribute' || !attributes.includes(attribute.name ?? '') || typeof attribute.value !== 'string') return true;
			const next = transform.url?.(attribute.value, node.name ?? '');
			if (next === null) return false;
			attribute.value = next ?? attribute.value;
			return true;
		});
	}
	const inside = verbatim || (node.type === 'element' && VERBATIM_ELEMENTS.has(node.tagName ?? ''));
	for (const child of node.children ?? []) visit(child, transform, inside, document);
}
