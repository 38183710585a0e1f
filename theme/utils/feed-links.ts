import type { ThemeConfig } from '../config.ts';
import type { Translate } from '../i18n/index.ts';
import type { ProjectContext } from './project.ts';
import { routePath } from './routes.ts';

/** A `<link rel="alternate">` that lets browsers and readers discover a feed. */
export interface FeedLink {
	type: string;
	title: string;
	href: string;
}

/** The blog's feeds that every page advertises; none without `site`, since feeds are then not built. */
export function siteFeedLinks(config: Pick<ThemeConfig, 'title' | 'feed'>, project: ProjectContext, t: Translate): FeedLink[] {
	if (!project.site) return [];
	const links: FeedLink[] = [{ type: 'application/rss+xml', title: t('site.feedTitle', { title: config.title }), href: routePath('rss', {}, project) }];
	if (config.feed.atom) links.push({ type: 'application/atom+xml', title: `${config.title} (Atom)`, href: routePath('atom', {}, project) });
	if (config.feed.json) links.push({ type: 'application/feed+json', title: `${config.title} (JSON Feed)`, href: routePath('jsonFeed', {}, project) });
	return links;
}

/** The RSS feed of one tag, which its pages advertise next to the blog's feeds. */
export function tagFeedLink(
	tag: { slug: string; name: string },
	config: Pick<ThemeConfig, 'title' | 'feed'>,
	project: ProjectContext,
	t: Translate,
): FeedLink | undefined {
	if (!project.site || !config.feed.tags) return undefined;
	const title = `${config.title} · ${t('tag.title', { tag: tag.name })}`;
	return { type: 'application/rss+xml', title, href: routePath('tagRss', { tag: tag.slug }, project) };
}
