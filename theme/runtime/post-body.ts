import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MarkdownHeading } from 'astro';
import { render } from 'astro:content';
import project from 'virtual:carnet/project';
import type { Post } from '../utils/posts.ts';

type ContentComponent = Awaited<ReturnType<typeof render>>['Content'];

/** A post's body: ready HTML when the loader kept it as a file, else the component Astro renders. */
export type PostBody =
	| { html: string; Content?: undefined; headings: MarkdownHeading[] }
	| { html?: undefined; Content: ContentComponent; headings: MarkdownHeading[] };

/**
 * The body of a post. Markdown bodies without images are files written by postsLoader()
 * (integration/post-bodies.ts), read here one page at a time; MDX and bodies with images are
 * rendered by Astro from its data store.
 */
export async function getPostBody(post: Post): Promise<PostBody> {
	const stored = post.entry.data.bodyHtml;
	if (stored) {
		const html = await readFile(path.join(project.bodiesDir, stored.file), 'utf8');
		return { html, headings: stored.headings };
	}
	// post.entry is the collection entry itself, typed by what the theme reads of it (runtime/blog.ts).
	const { Content, headings } = await render(post.entry as unknown as Parameters<typeof render>[0]);
	return { Content, headings };
}
