/**
 * What pages of a site's own can read of the blog: `import { getBlog } from 'astro-theme-carnet/blog'`.
 * Render-time only (Astro pages and components). A post's body renders as any collection entry's does:
 * `const { Content, headings } = await render(post.entry)`, with `render` from `astro:content`.
 */
export { getBlog } from './runtime/blog.ts';
export type { Blog, Post, Tag } from './utils/posts.ts';
export type { Series } from './utils/series.ts';
