import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroConfig } from 'astro';
import { isInside } from '../utils/file-paths.ts';
import { hasPostExtension } from '../utils/post-files.ts';
import { userError } from './errors.ts';

type VitePlugin = NonNullable<NonNullable<AstroConfig['vite']['plugins']>[number]>;

const IMAGE = /\.(?:jpe?g|png|webp|avif|gif|tiff?|svg)(?:\?|$)/i;

/**
 * Refuses any image a post imports from outside the project: `![](../../../../elsewhere.jpg)` in a body,
 * or an `import` in MDX, would otherwise be optimised and published like any other image. Featured images
 * are checked earlier, with their line (utils/image-paths.ts). Astro imports a post's images with the
 * post's path in an `importer` parameter (imageSrcToImportId() in withastro/astro); MDX imports them
 * from the file itself. An image written without `./` (`photo.png`) is looked for beside the post of
 * any extension, as Astro looks for it beside a .md post only.
 */
export function vitePluginImageGuard(root: string): VitePlugin {
	return {
		name: 'vite-plugin-carnet-image-guard',
		enforce: 'pre',
		resolveId: {
			// Before Astro's own resolution of content images, which would wrap an error thrown inside it.
			order: 'pre',
			filter: { id: IMAGE },
			async handler(source, importer, options) {
				const [base = '', query = ''] = source.split('?');
				const fromPost = new URLSearchParams(query).get('importer');
				const post = fromPost ? path.resolve(root, fromPost) : importer?.split('?')[0];
				if (!post || !hasPostExtension(post)) return null;
				if (/^[a-z][\w+.-]*:/i.test(base)) return null;
				// A path such as `photo.png` is read from the post's folder, as Astro reads it in a .md file.
				const bare = !base.startsWith('.') && !base.startsWith('/');
				const file = base.startsWith('/') ? path.join(root, base) : path.resolve(path.dirname(post), base);
				if (isInside(file, root) || isInside(file, path.dirname(post))) {
					// Astro reads `![](photo.png)` as beside the post only in a .md file (vite-plugin-markdown in
					// withastro/astro), and looks for a package named photo.png from any other post: Keystatic
					// writes its .mdoc posts' images so. They are found beside the post in every file Carnet reads.
					if (!bare || fromPost || !importer || post.endsWith('.md')) return null;
					const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
					return resolved ?? this.resolve(`./${source}`, importer, { ...options, skipSelf: true });
				}
				const line = lineOf(post, base);
				const where = `${path.relative(root, post).split(path.sep).join('/')}${line ? `:${line}` : ''}`;
				throw userError(
					`${where}: the image '${base}' points outside the project (to ${path.relative(root, file).split(path.sep).join('/')}), so it is refused.`,
					'Copy the image next to the post and write ./<name>, or put it in public/ and write /<path>.',
					{ file: post, line },
				);
			},
		},
	};
}

/** The line of the post on which `text` first appears, to point the error at it. */
function lineOf(file: string, text: string): number | undefined {
	try {
		const contents = readFileSync(file, 'utf8');
		const index = contents.indexOf(text);
		return index === -1 ? undefined : contents.slice(0, index).split('\n').length;
	} catch {
		return undefined;
	}
}
