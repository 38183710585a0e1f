import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { hasSocialCard, renderPostCard, socialCardFormat } from '../runtime/social-cards.ts';
import type { Post } from '../utils/posts.ts';
import { postRouteParams, routeParams } from '../utils/routes.ts';

// Serves a post's social card in `astro dev`. A build lists no page here: it writes each card that a
// page links to once the build is done (runtime/social-cards.ts), without a route per card.
export const getStaticPaths = (async () => {
	if (!project.showDrafts) return [];
	const posts = (await getBlog()).posts.filter(hasSocialCard);
	return posts.map((post) => ({
		params: routeParams('socialCard', { ...postRouteParams(post, config.timeZone), format: socialCardFormat(post) }, project),
		props: { post },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { bytes, type } = await renderPostCard((props as { post: Post }).post);
	return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type } });
};
