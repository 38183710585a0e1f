import type { APIRoute } from 'astro';
import { t } from '../runtime/i18n.ts';
import { feedCss } from '../utils/feed-css.ts';

export const GET: APIRoute = () =>
	new Response(feedCss({ about: t('feed.about'), address: t('feed.address'), latest: t('feed.latest') }), {
		headers: { 'Content-Type': 'text/css; charset=utf-8' },
	});
