import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, InjectedRoute } from 'astro';
import type { ThemeConfig } from '../config.ts';

/** The pages and endpoints Carnet adds to a site. Feeds and robots.txt need `site` for absolute URLs. */
export function injectThemeRoutes(injectRoute: (route: InjectedRoute) => void, astroConfig: AstroConfig, config: ThemeConfig): void {
	const route = (pattern: string, file: string) => injectRoute({ pattern, entrypoint: `astro-theme-carnet/routes/${file}`, prerender: true });
	route('/', 'index.astro');
	route('/page/[page]', 'page.astro');
	route('/posts/[slug]', 'post.astro');
	route('/archive', 'archive.astro');
	route('/archive/page/[page]', 'archive-page.astro');
	route('/tags', 'tags.astro');
	route('/tags/[tag]', 'tag.astro');
	route('/tags/[tag]/page/[page]', 'tag-page.astro');
	route('/404', '404.astro');
	if (config.search) route('/search', 'search.astro');
	// A site's own file in public/ wins; injecting the route anyway would only make Astro warn about it.
	const inPublic = (file: string) => existsSync(fileURLToPath(new URL(file, astroConfig.publicDir)));
	if (!inPublic('robots.txt')) route('/robots.txt', 'robots.txt.ts');
	if (!inPublic('favicon.svg')) route('/favicon.svg', 'favicon.svg.ts');
	if (!astroConfig.site) return;
	route('/rss.xml', 'rss.xml.ts');
	route('/rss.xsl', 'rss.xsl.ts');
	if (!config.socialImage) route('/feed-icon.png', 'feed-icon.png.ts');
	if (config.feed.atom) route('/atom.xml', 'atom.xml.ts');
	if (config.feed.json) route('/feed.json', 'feed.json.ts');
	if (config.feed.tags) route('/tags/[tag]/rss.xml', 'tag-rss.xml.ts');
}
