import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseMdx } from './mdx-imports.ts';

type MdxNode = { type: string; url?: string; identifier?: string; children?: MdxNode[] };

/**
 * The local images of an MDX body (`![a chart](./img/chart.png)`, or a reference image whose definition names
 * one), decoded, as @astrojs/mdx lists them (Astro's remarkCollectImages) to import each as a module: a missing
 * file would stop the build with the bundler's error on the compiled module, naming neither the post's line
 * nor what to do. Paths from the root and addresses are not listed; images in code and in MDX comments are
 * no images. A body the MDX compiler cannot read lists none: its own error says where.
 */
export function mdxImagePaths(body: string): string[] {
	if (!body.includes('![')) return [];
	const tree = parseMdx<MdxNode>(body);
	if (!tree) return [];
	const definitions = new Map<string, string>();
	const images: { url?: string; identifier?: string }[] = [];
	const stack = [tree];
	while (stack.length > 0) {
		const node = stack.pop() as MdxNode;
		// The first definition of an identifier is the one Markdown uses.
		if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url ?? '');
		if (node.type === 'image' || node.type === 'imageReference') images.push(node);
		for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
	}
	const paths = new Set<string>();
	for (const image of images) {
		const url = image.url ?? (image.identifier === undefined ? undefined : definitions.get(image.identifier.toLowerCase()));
		const decoded = url ? safeDecodeURI(url) : undefined;
		if (decoded && !URL.canParse(decoded) && !decoded.startsWith('/')) paths.add(decoded);
	}
	return [...paths];
}

/**
 * The files of the images an MDX body shows beside its post (`file`) that are not there: the compiled module
 * would import them and fail (integration/body-images.ts names them with their lines).
 */
export function missingMdxImageFiles(body: string, file: string): string[] {
	return mdxImagePaths(body)
		.filter((reference) => !/^(?:[@~]|[a-z][\w+.-]*:)/i.test(reference))
		.map((reference) => path.resolve(path.dirname(file), reference))
		.filter((image) => !existsSync(image));
}

function safeDecodeURI(url: string): string | undefined {
	try {
		return decodeURI(url);
	} catch {
		// Astro's own decodeURI throws too, with its own error.
		return undefined;
	}
}
