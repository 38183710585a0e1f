import type { AstroConfig, InjectedRoute } from 'astro';

/** The pages and endpoints Carnet adds to a site. Feeds and robots.txt need `site` for absolute URLs. */
export function injectThemeRoutes(injectRoute: (route: InjectedRoute) => void, astroConfig: AstroConfig): void {
	const route = (pattern: string, file: string) => injectRoute({ pattern, entrypoint: `astro-theme-carnet/routes/${file}`, prerender: true });
	route('/', 'index.astro');
	route('/page/[page]', 'page.astro');
	route('/posts/[slug]', 'post.astro');
	route('/tags', 'tags.astro');
	route('/tags/[tag]', 'tag.astro');
	route('/tags/[tag]/page/[page]', 'tag-page.astro');
	route('/404', '404.astro');
	route('/robots.txt', 'robots.txt.ts');
	if (astroConfig.site) route('/rss.xml', 'rss.xml.ts');
}
