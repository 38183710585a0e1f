import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { getBlog } from '../runtime/blog.ts';
import { getPageKeys } from '../runtime/page-keys.ts';
import { cacheKeyOf } from '../utils/page-keys.ts';
import { t } from '../runtime/i18n.ts';
import type { Post } from '../utils/posts.ts';
import { redirectFile, redirectPage } from '../utils/redirects.ts';
import { absoluteUrl } from '../utils/urls.ts';

// An endpoint rather than a page: it writes the very file an old address names (`p/12.html` stays a
// file), and endpoints stay out of the sitemap, as redirects must.
export const getStaticPaths = (async () => {
	const { posts } = await getBlog();
	const keys = await getPageKeys();
	return posts.flatMap((post) =>
		post.redirects.flatMap((path) => aliasParams(path).map((alias) => ({ params: { alias }, props: { title: post.title, url: post.url }, ...cacheKeyOf(keys.redirect(post)) }))),
	);
}) satisfies GetStaticPaths;

/**
 * The route parameters of an old address: the file a build writes (`old/index.html`), and, under
 * `astro dev`, which matches addresses rather than files, the folder too (`old`), so that `/old/` answers.
 */
function aliasParams(path: string): string[] {
	const file = redirectFile(path);
	const folder = file.endsWith('/index.html') ? file.slice(0, -'/index.html'.length) : undefined;
	return import.meta.env.DEV && folder ? [file, folder] : [file];
}

export const GET: APIRoute = ({ props }) => {
	// What the page shows of the post, rather than the post: see routes/post.astro.
	const { title, url } = props as Pick<Post, 'title' | 'url'>;
	const canonical = absoluteUrl(url, project);
	const html = redirectPage({
		lang: config.locale,
		title,
		target: canonical ?? url,
		canonical,
		moved: t('redirect.moved'),
	});
	return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
