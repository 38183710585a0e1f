/**
 * What pages of a site's own can read of the blog: `import { getBlog, getPostBody } from 'astro-theme-carnet/blog'`.
 * Render-time only (Astro pages and components).
 */
export { getBlog } from './runtime/blog.ts';
export { getPostBody, type PostBody } from './runtime/post-body.ts';
export type { Blog, Post, Tag } from './utils/posts.ts';
