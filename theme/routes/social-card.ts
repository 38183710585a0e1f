import type { APIRoute, GetStaticPaths } from 'astro';
import { getBlog } from '../runtime/blog.ts';
import { hasSocialCard, renderPostCard, socialCardFormat } from '../runtime/social-cards.ts';
import type { Post } from '../utils/posts.ts';

export const getStaticPaths = (async () => {
	const { posts } = await getBlog();
	return posts.filter(hasSocialCard).map((post) => ({ params: { slug: post.id, format: socialCardFormat(post) }, props: { post } }));
}) satisfies GetStaticPaths;

// A post's generated social card (runtime/social-cards.ts), next to its page.
export const GET: APIRoute = async ({ props }) => {
	const { bytes, type } = await renderPostCard((props as { post: Post }).post);
	return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': type } });
};
