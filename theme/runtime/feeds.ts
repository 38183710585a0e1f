import { getContainerRenderer as mdxContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { loadRenderers } from 'astro:container';
import { socialImage } from 'virtual:carnet/images';
import config from 'virtual:carnet/config';
import project from 'virtual:carnet/project';
import setup from 'virtual:carnet/social-cards';
import { renderCardReport, warnOnce } from '../utils/card-report.ts';
import { pageLinkHtml, prepareFeedHtml } from '../utils/feed-html.ts';
import { textDirection } from '../utils/direction.ts';
import { FEED_CONTENT_LIMIT, FEED_ICON_SIZE, lastModified, type FeedEntry, type FeedMeta } from '../utils/feeds.ts';
import type { Post } from '../utils/posts.ts';
import { routePath } from '../utils/routes.ts';
import { absoluteUrl } from '../utils/urls.ts';
import { t } from './i18n.ts';
import { renderFailure } from './render-failure.ts';
import { getPostSocialImage } from './social-cards.ts';

let container: Promise<AstroContainer> | undefined;
const entries = new Map<string, Promise<FeedEntry>>();

/**
 * Feed entries for the newest `feed.limit` posts. Each post's body is rendered once per build, by the
 * same components as its page, and shared by every feed that carries it (RSS, Atom, JSON, tag feeds).
 */
export function getFeedEntries(posts: readonly Post[]): Promise<FeedEntry[]> {
	return Promise.all(posts.slice(0, config.feed.limit).map(getFeedEntry));
}

function getFeedEntry(post: Post): Promise<FeedEntry> {
	// In dev a post can change between requests; a build renders it once.
	if (project.showDrafts) return buildFeedEntry(post);
	let entry = entries.get(post.id);
	if (!entry) {
		entry = buildFeedEntry(post);
		entries.set(post.id, entry);
	}
	return entry;
}

async function buildFeedEntry(post: Post): Promise<FeedEntry> {
	// Feeds are only built when `site` is set.
	const url = absoluteUrl(post.url, project) as string;
	const [html, image] = await Promise.all([renderPostHtml(post).catch((error: unknown) => Promise.reject(renderFailure(post, error))), getPostSocialImage(post)]);
	return {
		url,
		title: post.title,
		summary: post.description,
		// Measured as the feeds carry it, in the element that gives its direction.
		contentHtml: withinFeedLimit(post, inDirection(post, feedHtmlOf(post, html, url)), url),
		published: post.date,
		updated: post.updated,
		categories: post.tags.map((tag) => tag.name),
		language: post.lang && post.lang.toLowerCase() !== config.locale.toLowerCase() ? post.lang : undefined,
		authors: post.authors.map((author) => (author.image ? { ...author, image: absoluteUrl(author.image, project) } : author)),
		// 0 until the build has written the file (integration/enclosures.ts), or for a remote image of unknown length.
		enclosure: image && { url: image.url, type: image.type, length: image.length ?? 0 },
	};
}

/**
 * A post's HTML for feeds in an element that says its direction when it or the blog is written right to
 * left (its `dir`, its language's, or the site's): a feed reader shows the HTML as given, and most do not turn a
 * feed's or an item's language into a direction, so Arabic or Hebrew would read left-aligned, its
 * punctuation at the wrong end.
 */
function inDirection(post: Post, html: string): string {
	const dir = post.dir ?? textDirection(post.lang ?? config.locale);
	// A post written left to right on a blog written right to left says so too, for a reader that took the feed's direction.
	if (dir === 'ltr' && textDirection(config.locale) === 'ltr') return html;
	return `<div dir="${dir}"${post.lang ? ` lang="${post.lang.replace(/[&"<>]/g, '')}"` : ''}>${html}</div>`;
}

/**
 * The body's HTML for feeds, or an error that names the post (a parser's own error names no file). A body
 * nested deeper than the HTML parser follows (lists or quotes a thousand deep) is carried by its summary and
 * a link to its page, with a warning, as a body too large is: its page has it whole.
 */
function feedHtmlOf(post: Post, html: string, url: string): string {
	try {
		return prepareFeedHtml(html, url);
	} catch (error) {
		const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		if (error instanceof RangeError) {
			warnOnce(
				renderCardReport(setup.journalDir),
				`feed-depth:${post.id}`,
				`${post.entry.filePath ?? post.id}: its HTML nests elements deeper than the HTML parser can follow (quotes or lists nested hundreds of levels deep; browsers stop at 512), so the feeds carry its summary and a link to its page instead. To have it in full in feeds, nest its lists or quotes less deeply.`,
			);
			return pageLinkHtml(post.description, url, t('feed.tooDeep'));
		}
		throw new Error(`${post.entry.filePath ?? post.id}: its body could not be prepared for the feeds (${reason}). Simplify the body, or report it with the file if it looks ordinary.`);
	}
}

/**
 * The body for feeds, unless it is over the size libxml2-based readers accept in one item, which would
 * make them refuse the whole feed: such a post is carried by its summary and a link to its page, in every
 * feed alike, with a warning that names it.
 */
function withinFeedLimit(post: Post, html: string, url: string): string {
	const size = Buffer.byteLength(html, 'utf8');
	if (size <= FEED_CONTENT_LIMIT) return html;
	// In bytes where megabytes would read as the limit itself ("10.0 MB, over the 10.0 MB").
	const close = (size / 1_000_000).toFixed(1) === (FEED_CONTENT_LIMIT / 1_000_000).toFixed(1);
	const megabytes = (bytes: number) => (close ? `${bytes.toLocaleString('en')} bytes` : `${(bytes / 1_000_000).toFixed(1)} MB`);
	warnOnce(
		renderCardReport(setup.journalDir),
		`feed-size:${post.id}`,
		`${post.entry.filePath ?? post.id}: its body is ${megabytes(size)} of HTML, over the ${megabytes(FEED_CONTENT_LIMIT)} that feed readers built on libxml2 accept in one item, so the feeds carry its summary and a link to its page instead. To have it in full in feeds, shorten it: split it into several posts, or put a long code block or listing in a file the post links to.`,
	);
	return inDirection(post, pageLinkHtml(post.description, url, t('feed.tooLong')));
}

/** A post's body as its page shows it, by the same `render(entry)`; MDX needs its renderer in the container. */
async function renderPostHtml(post: Post): Promise<string> {
	// post.entry is the collection entry itself, typed by what the theme reads of it (runtime/blog.ts).
	const { Content } = await render(post.entry as unknown as Parameters<typeof render>[0]);
	container ??= loadRenderers([mdxContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
	return (await container).renderToString(Content);
}

/** What every feed of the blog says about itself; `path` is the feed's own path (utils/routes.ts), `homePath` the page it follows. */
export async function getFeedMeta(options: { path: string; homePath: string; title?: string; posts: readonly Post[] }): Promise<FeedMeta> {
	// The socialImage option, cropped to a square; else the blog's monogram (routes/feed-icon.png.ts).
	const size = FEED_ICON_SIZE;
	const icon = socialImage ? (await getImage({ src: socialImage, width: size, height: size, fit: 'cover', format: 'png' })).src : routePath('feedIcon', {}, project);
	return {
		title: options.title ?? config.title,
		description: config.description,
		language: config.locale,
		timeZone: config.timeZone,
		homeUrl: absoluteUrl(options.homePath, project) as string,
		selfUrl: absoluteUrl(options.path, project) as string,
		updated: lastModified(options.posts),
		author: typeof config.author === 'string' ? { name: config.author } : config.author,
		image: { url: absoluteUrl(icon, project) as string, width: size, height: size },
		stylesheet: config.feed.xslt ? routePath('rssStylesheet', {}, project) : undefined,
		cssStylesheet: routePath('feedCss', {}, project),
	};
}
