import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { routePath } from '../utils/routes.ts';
import { absoluteUrl } from '../utils/urls.ts';

export const GET: APIRoute = () => {
	const sitemap = config.sitemap ? absoluteUrl(routePath('sitemapIndex', {}, project), project) : undefined;
	const lines = ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
	return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
