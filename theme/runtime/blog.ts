import { getCollection } from 'astro:content';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { buildBlog, type Blog, type PostEntry } from '../utils/posts.ts';

type PostsCollection = Parameters<typeof getCollection>[0];

/**
 * A post entry as the theme reads it. The theme cannot know the site's collection types, so this is the
 * part of `CollectionEntry` it relies on; postsLoader() and postSchema() guarantee it.
 */
export type BlogEntry = PostEntry;

let built: Promise<Blog<BlogEntry>> | undefined;

/**
 * The blog's posts and tags. A build reads the collection and sorts it once for all pages
 * (withastro/astro#16297 is what walking it per page costs); `astro dev` reads it on every request
 * so that edits show up.
 */
export function getBlog(): Promise<Blog<BlogEntry>> {
	if (project.showDrafts) return loadBlog();
	built ??= loadBlog();
	return built;
}

async function loadBlog(): Promise<Blog<BlogEntry>> {
	const entries = (await getCollection(config.collection as PostsCollection)) as unknown as BlogEntry[];
	return buildBlog(entries, config, project);
}
