import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import { absoluteUrl, filePath } from '../utils/urls.ts';

export const GET: APIRoute = () => {
	const sitemap = config.sitemap ? absoluteUrl(filePath('sitemap-index.xml', project), project) : undefined;
	const lines = ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
	return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
