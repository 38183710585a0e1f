import { defineCollection } from 'astro:content';
import { postsLoader } from 'astro-theme-carnet/loaders';
import { postSchema } from 'astro-theme-carnet/schema';

export const collections = {
	posts: defineCollection({ loader: postsLoader(), schema: postSchema() }),
};
