import { defineMiddleware } from 'astro:middleware';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { hasSocialCard, socialCardFile } from '../runtime/social-cards.ts';
import type { Post } from '../utils/posts.ts';
import { redirectFile } from '../utils/redirects.ts';
import { postRouteParams, routePath } from '../utils/routes.ts';
import { withoutBase } from '../utils/urls.ts';

// Added under `astro dev` when trailingSlash is 'always' (integration/routes.ts). Astro lets a route answer
// without the slash only when its pattern ends in a written extension (`/rss.xml`). A post's social card
// (`social.[format]`), its old addresses (`[...alias]`, such as `/p/12.html`) and the files its body links
// to (`[...file]`) are files whose extension is a parameter, so the dev server expected
// `/posts/x/social.png/` and answered 404 at the address a build writes, and its pages link to. Such an
// address, when it is one of the files a build writes, is handed to its route with the slash Astro expects.
export const onRequest = defineMiddleware(async (context, next) => {
	const { pathname } = context.url;
	// Any address without its slash: a file beside a post may have no extension (LICENSE) or another (main.c++).
	if (context.routePattern !== '/404' || pathname.endsWith('/')) return next();
	const file = siteFile(pathname);
	if (file === undefined || !(await writtenFiles()).has(file)) return next();
	// context.rewrite() rather than next(path): it computes the props of the new route from its getStaticPaths().
	return context.rewrite(`${pathname}/`);
});

/** The files the theme's file routes write for the current posts, relative to the site's root. */
async function writtenFiles(): Promise<Set<string>> {
	const { posts } = await getBlog();
	const files = new Set<string>();
	for (const post of posts) {
		if (hasSocialCard(post)) files.add(socialCardFile(post));
		for (const path of post.redirects) files.add(redirectFile(path));
		for (const file of post.entry.data.bodyFiles ?? []) files.add(postFileAt(post, file.path));
	}
	return files;
}

/** `pathname` without `base`, decoded and relative, as socialCardFile() and redirectFile() give files; undefined outside `base`. */
function siteFile(pathname: string): string | undefined {
	const rest = withoutBase(pathname, project.base);
	if (!rest?.startsWith('/')) return undefined;
	try {
		return decodeURI(rest).replace(/^\/+/, '');
	} catch {
		return undefined;
	}
}

/** Where a file beside `post` is written (routes/post-file.ts), relative to the site's root. */
function postFileAt(post: Post, file: string): string {
	return decodeURI(routePath('postFile', { ...postRouteParams(post, config.timeZone), file }, { ...project, base: '/' })).replace(/^\//, '');
}
