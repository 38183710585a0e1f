import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
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

// Streamed, as a post's video may be hundreds of megabytes: read whole, then copied, it took four times its size in memory.
export const GET: APIRoute = async ({ props }) => {
	const { source } = props as { source: string };
	const file = path.resolve(project.root ?? process.cwd(), source);
	// A file gone since the post was read fails the page with its own path, before any byte is sent.
	await access(file);
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers: { 'Content-Type': lookup(source) ?? 'application/octet-stream' } });
};
