import { classNames, h, isElement, text, type HastElement, type HastNode, type MdastNode } from './hast.ts';

/** The class of the element a fenced block with a meta string is wrapped in before highlighting. */
export const CODE_META_CLASS = 'carnet-code-meta';

export interface CodeMeta {
	title?: string;
	lines: Set<number>;
}

/** `title="app.js" {1,3-4}` → the title and the line numbers to highlight. */
export function parseCodeMeta(meta: string | null | undefined): CodeMeta | undefined {
	if (!meta) return undefined;
	const title = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(meta);
	const ranges = /(?:^|\s)\{([\d\s,-]+)\}/.exec(meta);
	const lines = new Set<number>();
	for (const range of ranges?.[1]?.split(',') ?? []) {
		const [from, to = from] = range.split('-').map((part) => Number.parseInt(part.trim(), 10));
		if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to)) continue;
		// A typo such as {1-100000} should not stall the build.
		for (let line = Math.max(1, from); line <= Math.min(to, from + 10_000); line++) lines.add(line);
	}
	const value = title?.[1] ?? title?.[2] ?? title?.[3];
	if (value === undefined && lines.size === 0) return undefined;
	return { ...(value !== undefined ? { title: value } : {}), lines };
}

/**
 * A fenced block whose meta string has a title or line numbers, wrapped in an element that carries
 * them past highlighting: Shiki and Prism replace the block's `<pre>` and drop its meta string.
 */
export function codeWrapperFor(code: MdastNode): MdastNode | undefined {
	if (code.lang === 'math') return undefined;
	const meta = parseCodeMeta(code.meta);
	if (!meta) return undefined;
	return {
		type: 'carnetCode',
		data: { hName: 'div', hProperties: { className: [CODE_META_CLASS], dataCarnetMeta: code.meta ?? '' } },
		children: [code],
	};
}

/**
 * The highlighted block inside a wrapper made by codeWrapperFor, with its title as a caption
 * (`<figure class="carnet-code"><figcaption>app.js</figcaption><pre>…`) and its highlighted lines
 * in `<mark>`. Without a title the block is in a `<div class="carnet-code">`.
 */
export function codeBlockFrom(wrapper: HastElement): HastElement | undefined {
	if (!classNames(wrapper).includes(CODE_META_CLASS)) return undefined;
	const meta = parseCodeMeta(String(wrapper.properties.dataCarnetMeta ?? wrapper.properties['data-carnet-meta'] ?? ''));
	const pre = wrapper.children.find((child) => isElement(child, 'pre'));
	if (!isElement(pre)) return undefined;
	const marked = meta?.lines.size ? { ...pre, children: pre.children.map((child) => (isElement(child, 'code') ? markLines(child, meta.lines) : child)) } : pre;
	if (meta?.title === undefined) return h('div', { className: ['carnet-code'] }, [marked]);
	return h('figure', { className: ['carnet-code'] }, [h('figcaption', { className: ['carnet-code__title'] }, [text(meta.title)]), marked]);
}

function markLines(code: HastElement, numbers: ReadonlySet<number>): HastElement {
	const lines = splitLines(code.children);
	const children: HastNode[] = [];
	lines.forEach((line, index) => {
		if (index > 0) children.push(text('\n'));
		if (numbers.has(index + 1) && line.length > 0) children.push(h('mark', { className: ['carnet-code__mark'] }, line));
		else children.push(...line);
	});
	return { ...code, children };
}

/** Inline nodes split at their line breaks; an element that spans lines (a multi-line comment) is cut in pieces. */
function splitLines(nodes: readonly HastNode[]): HastNode[][] {
	const lines: HastNode[][] = [[]];
	const current = () => lines[lines.length - 1] as HastNode[];
	for (const node of nodes) {
		if (node.type === 'text') {
			(node.value ?? '').split('\n').forEach((part, index) => {
				if (index > 0) lines.push([]);
				if (part !== '') current().push(text(part));
			});
		} else if (isElement(node)) {
			splitLines(node.children).forEach((segment, index) => {
				if (index > 0) lines.push([]);
				if (segment.length > 0) current().push({ ...node, children: segment });
			});
		} else current().push(node);
	}
	return lines;
}
