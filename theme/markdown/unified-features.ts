import { noteAsset, rewriteElement, rewriteMdast, type BodyFeatures } from './features.ts';
import { withListType } from './pandoc-lists.ts';
import { lazyImage } from './figures.ts';
import { isElement, type HastNode, type MdastNode } from './hast.ts';
import { addressLinkClasses, isAddressOf } from '../utils/link-text.ts';

interface VFileLike {
	value?: unknown;
	data: { astro?: { frontmatter?: Record<string, unknown> } };
}
type Transformer<T> = (tree: T, file: VFileLike) => void;

function named<T extends object>(plugin: T, name: string): T {
	// Named, so that a plugin installed twice (astro dev reloading its config) is found and replaced.
	Object.defineProperty(plugin, 'name', { value: `astroThemeCarnet_${name}` });
	return plugin;
}

/** The remark plugin (for `unified({ remarkPlugins })`) that runs Carnet's mdast rewrite. */
export function remarkFeatures(features: BodyFeatures): () => Transformer<MdastNode> {
	const visit = (node: MdastNode, source: string): void => {
		if (!node.children) return;
		// Whether the children so far opened a link in raw HTML (`<a href="…">`) that they did not end.
		let inRawLink = false;
		node.children = node.children.flatMap((child) => {
			// A link's start tag, not ended in the same node; not an anchor closed at once (`<a name="x"/>`: its `/`
			// after a quote or a space, where `<a href=/docs/>` ends an address).
			if (child.type === 'html') {
				const value = child.value ?? '';
				inRawLink = (/^<a(?:\s[^>]*)?>$/i.test(value) && !/(?:["'\s]|^<a)\/>$/i.test(value)) || (inRawLink && !/^<\/a>/i.test(value));
			}
			// An address GFM linked in a raw link's text stays its text (utils/link-text.ts).
			const [only] = child.children ?? [];
			if (inRawLink && child.type === 'link' && child.children?.length === 1 && only?.type === 'text' && isAddressOf(child.url ?? '', only.value ?? '')) return only;
			const replacement = rewriteMdast(child, source, features);
			// A block parted in several (a paragraph around a formula) holds what is still to be read.
			if (Array.isArray(replacement)) for (const part of replacement) visit(part, source);
			if (replacement) return replacement;
			visit(child, source);
			return child;
		});
	};
	return named(() => (tree: MdastNode, file: VFileLike) => visit(tree, String(file.value ?? '')), 'features_mdast');
}

/** The rehype plugin (for `unified({ rehypePlugins })`) that runs Carnet's hast rewrite. */
export function rehypeFeatures(features: BodyFeatures): () => Transformer<HastNode> {
	const visit = (node: HastNode, note: Parameters<typeof rewriteElement>[2], linked = false): void => {
		if (!node.children) return;
		node.children = node.children.flatMap((child) => {
			// What an MDX component holds (`<Box>` around a table) is the post's too.
			if (!isElement(child)) {
				visit(child, note, linked);
				return [child];
			}
			const replacement = rewriteElement(child, features, note, linked);
			if (replacement) return replacement;
			const type = child.tagName === 'ol' ? withListType(child, (marks) => removeNodes(child, marks)) : undefined;
			if (type) child.properties = { ...child.properties, type };
			// A link whose text is its address prints once (utils/link-text.ts), in MDX posts too, whose HTML Carnet does not read.
			const classes = child.tagName === 'a' ? addressLinkClasses(child) : undefined;
			if (classes) child.properties = { ...child.properties, className: classes };
			const element = child.tagName === 'img' && features.figures ? lazyImage(child) : child;
			visit(element, note, linked || element.tagName === 'a');
			return [element];
		});
	};
	return named(() => (tree: HastNode, file: VFileLike) => visit(tree, (asset) => noteAsset(file.data.astro?.frontmatter, asset)), 'features');
}

/** `marks` taken out of the tree under `node`, wherever they are. */
function removeNodes(node: HastNode, marks: readonly HastNode[]): void {
	if (!node.children) return;
	node.children = node.children.filter((child) => !marks.includes(child));
	for (const child of node.children) removeNodes(child, marks);
}
