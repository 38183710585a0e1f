import type { APIRoute } from 'astro';
import config from 'virtual:carnet/config';
import { t } from '../runtime/i18n.ts';
import { feedStylesheet } from '../utils/feed-stylesheet.ts';

export const GET: APIRoute = () => {
	const xsl = feedStylesheet({
		lang: config.locale,
		about: t('feed.about'),
		address: t('feed.address'),
		latest: t('feed.latest'),
		visit: t('feed.visit'),
	});
	return new Response(xsl, { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
};
