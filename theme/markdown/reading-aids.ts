import { classNames, h, isElement, isText, textOf, type HastElement, type HastNode } from './hast.ts';

/** The class of the wrapper that lets a table wider than the column scroll (styles/theme.css). */
export const TABLE_CLASS = 'carnet-table';

// What ends the text that names a task item's checkbox: a block inside the item (a nested list, code).
const BLOCKS = new Set(['ul', 'ol', 'p', 'pre', 'blockquote', 'div', 'table', 'figure', 'aside', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/**
 * `table` inside `<div class="carnet-table" tabindex="0">`, which scrolls when the table is wider than the
 * column (a phone's) rather than the table squeezing its words letter by letter or widening the page; the
 * keyboard reaches it as it reaches a code block. The hast form of utils/balanced-html.ts's
 * scrollableTables(), which wraps the tables written as raw HTML in Markdown posts.
 */
export function scrollableTable(table: HastElement): HastElement {
	return h('div', { className: [TABLE_CLASS], tabIndex: 0 }, [table]);
}

/** Whether `element` is the wrapper scrollableTable() writes. */
export function isTableWrapper(element: HastElement): boolean {
	return element.tagName === 'div' && classNames(element).includes(TABLE_CLASS);
}

/**
 * A task list item (`- [x] Buy milk`) with its checkbox and the text after it in a `<label>`, so that the
 * text names the checkbox, which GFM writes without a name (axe: "label") and a screen reader says "Buy
 * milk, checkbox, checked"; undefined for any other item, or one already labelled. The checkbox opens the
 * item, or its first paragraph when the list is loose. The hast form of utils/task-lists.ts's
 * labelledTaskItems().
 */
export function labelledTaskItem(item: HastElement): HastElement | undefined {
	const first = item.children.find((child) => !isBlank(child));
	const holder = isElement(first, 'p') ? first : item;
	const labelled = labelledCheckbox(holder.children);
	if (!labelled) return undefined;
	if (holder === item) return { ...item, children: labelled };
	return { ...item, children: item.children.map((child) => (child === holder ? { ...holder, children: labelled } : child)) };
}

/** Whether `item` is a task list item labelledTaskItem() changes, judged without copying it. */
export function isUnlabelledTaskItem(item: HastElement): boolean {
	const first = item.children.find((child) => !isBlank(child));
	return labelledCheckbox((isElement(first, 'p') ? first : item).children, false) !== undefined;
}

function labelledCheckbox(children: readonly HastNode[], build = true): HastNode[] | undefined {
	const at = children.findIndex((child) => !isBlank(child));
	const checkbox = children[at];
	if (!isElement(checkbox, 'input') || String(checkbox.properties?.type).toLowerCase() !== 'checkbox') return undefined;
	let end = at + 1;
	while (end < children.length && !isBlock(children[end])) end += 1;
	const text = children.slice(at + 1, end);
	// Text names it, or an image's alt text (`- [x] ![Logo](logo.png)`).
	if (text.every((child) => textOf(child).trim() === '' && !hasNamedImage(child))) return undefined;
	return build ? [...children.slice(0, at), h('label', {}, [checkbox, ...text]), ...children.slice(end)] : [];
}

function hasNamedImage(node: HastNode): boolean {
	if (isElement(node, 'img')) return typeof node.properties?.alt === 'string' && node.properties.alt.trim() !== '';
	return (node.children ?? []).some(hasNamedImage);
}

function isBlock(node: HastNode | undefined): boolean {
	return isElement(node) && BLOCKS.has(node.tagName);
}

function isBlank(node: HastNode | undefined): boolean {
	return isText(node) && node.value.trim() === '';
}
