// The hast and mdast nodes Carnet's body features read and build (https://github.com/syntax-tree/hast,
// https://github.com/syntax-tree/mdast). Written out here so that the theme does not depend on @types/hast;
// Sätteri hands its plugins the same shapes.

export interface HastText {
	type: 'text';
	value: string;
	children?: undefined;
}
export interface HastElement {
	type: 'element';
	tagName: string;
	properties: Record<string, unknown>;
	children: HastNode[];
}
/** Any other node (raw HTML, comments, MDX JSX), carried along untouched. */
export interface HastOther {
	type: string;
	value?: string;
	children?: HastNode[];
	[key: string]: unknown;
}
export type HastNode = HastElement | HastText | HastOther;

export interface MdastNode {
	type: string;
	value?: string;
	lang?: string | null;
	meta?: string | null;
	url?: string;
	title?: string | null;
	alt?: string | null;
	children?: MdastNode[];
	data?: Record<string, unknown>;
	position?: { start: { offset?: number }; end: { offset?: number } };
}

export function h(tagName: string, properties: Record<string, unknown>, children: HastNode[] = []): HastElement {
	return { type: 'element', tagName, properties, children };
}

export function text(value: string): HastText {
	return { type: 'text', value };
}

export function isElement(node: HastNode | undefined, tagName?: string): node is HastElement {
	return node?.type === 'element' && (tagName === undefined || (node as HastElement).tagName === tagName);
}

export function isText(node: HastNode | undefined): node is HastText {
	return node?.type === 'text';
}

/** The class names of an element, whichever form the processor gave them (array or string). */
export function classNames(node: HastElement): string[] {
	const value = node.properties?.className;
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** The text of a subtree, like the DOM's textContent. */
export function textOf(node: HastNode): string {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

/**
 * A plain copy of a subtree. Sätteri hands visitors nodes that read their children lazily from its
 * arena; new trees are built from plain objects, which it encodes like any other content.
 */
export function plain(node: HastNode): HastNode {
	if (node.type === 'text') return { type: 'text', value: node.value ?? '' };
	if (node.type === 'element') {
		const element = node as HastElement;
		return { type: 'element', tagName: element.tagName, properties: { ...(element.properties ?? {}) }, children: (element.children ?? []).map(plain) };
	}
	const copy: HastOther = { type: node.type };
	for (const [key, value] of Object.entries(node)) {
		if (key.startsWith('_') || key === 'position') continue;
		copy[key] = key === 'children' && Array.isArray(value) ? value.map(plain) : value;
	}
	if (!('children' in copy) && Array.isArray(node.children)) copy.children = node.children.map(plain);
	return copy;
}

/** Whether a text node holds only white space (the line breaks between block elements). */
export function isBlank(node: HastNode): boolean {
	return node.type === 'text' && /^\s*$/.test(node.value ?? '');
}
