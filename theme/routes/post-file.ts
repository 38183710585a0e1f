import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { lookup } from 'mrmime';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { postRouteParams, routeParams } from '../utils/routes.ts';

// The files beside a post that its body links to (`[the slides](./talk.pdf)`), each written at its path
// under the post's address (`/posts/trip/talk.pdf`), as Hugo publishes a page bundle's files; the loader
// points the links there (integration/post-file.ts). An endpoint without a cache key: each build reads the
// file again, so that a file changed beside an unchanged post is never published stale.
export const getStaticPaths = (async () => {
	const { posts } = await getBlog();
	return posts.flatMap((post) =>
		(post.entry.data.bodyFiles ?? []).map((file) => ({
			params: routeParams('postFile', { ...postRouteParams(post, config.timeZone), file: file.path }, project),
			props: { source: file.source },
		})),
	);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { source } = props as { source: string };
	const bytes = await readFile(path.resolve(project.root ?? process.cwd(), source));
	return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': lookup(source) ?? 'application/octet-stream' } });
};
