import type { ThemeConfig } from '../config.ts';
import type { PostData } from '../schema.ts';
import { withBase } from '../markdown/transforms.ts';
import { profileUrls } from './authors.ts';
import { imageSize, type FeaturedImageSource } from './images.ts';
import { countWords } from './reading-time.ts';
import { slugifySegment } from './slugs.ts';
import { frenchSpacing, isFrench } from './typography.ts';
import type { ProjectContext } from './project.ts';
import { textDirection, writtenDirection } from './direction.ts';
import { derivedRedirects, unwritableAddress } from './derived-redirects.ts';
import { oldAddresses } from './redirects.ts';
import { postRouteParams, routePath } from './routes.ts';
import { groupSeries, pinnedFirst, type Series } from './series.ts';

/** The part of a content-collection entry the theme reads; `CollectionEntry<'posts'>` has this shape. */
export interface PostEntry {
	id: string;
	data: PostData;
	filePath?: string | undefined;
	/** The Markdown source, which postsLoader() leaves out (it stores `data.wordCount` instead). */
	body?: string | undefined;
}

export interface Author {
	name: string;
	email?: string | undefined;
	url?: string | undefined;
	/** Their role, as Docusaurus's `title` says it. */
	title?: string | undefined;
	/** Their photo: an http(s) URL, or a path in `public/` with `base`. */
	image?: string | undefined;
	/** Their profiles elsewhere (Docusaurus's `socials`), as URLs. */
	sameAs?: string[] | undefined;
}

export interface Tag {
	/** The tag as written in the newest post that has it. */
	name: string;
	slug: string;
	/** Path of the tag's first page, with `base`. */
	url: string;
	count: number;
}

/** One post as routes and components use it: front-matter names normalised, dates resolved, URLs built. */
export interface Post<Entry extends PostEntry = PostEntry> {
	id: string;
	/** The post's own part of its address: its id, but for a Jekyll post whose id keeps a date its address need not. */
	slug: string;
	/** Path of the post page, with `base`. */
	url: string;
	entry: Entry;
	title: string;
	/** A subtitle of a few words or more, shown under the title (Beautiful Hugo's and Beautiful Jekyll's). */
	subtitle?: string | undefined;
	/** A subtitle of three words at most ("Lire la suite"): the label of its card's link. */
	readMore?: string | undefined;
	description?: string | undefined;
	date: Date;
	updated?: Date | undefined;
	image?: FeaturedImageSource | undefined;
	tags: Tag[];
	/** The byline: the author, or several joined in the site's language ("Ada Lovelace and Grace Hopper"). */
	author?: Author | undefined;
	/** Each author on their own, with their links, for feeds and structured data. */
	authors: Author[];
	draft: boolean;
	/** Words of prose in the body, for the reading time. */
	wordCount: number;
	/** Old addresses (`aliases`, Jekyll's `permalink`) without `base`, decoded; each gets a redirect page. */
	redirects: string[];
	/** The post's own language, when its front matter sets `lang`, and the direction it is written in: its language's, or `rtl` for a post without one whose letters are mostly of right-to-left scripts. */
	lang?: string | undefined;
	dir?: 'ltr' | 'rtl' | undefined;
	/** Shown first on the home page (`pinned: true`). */
	pinned: boolean;
	/** The post has no title of its own: `title` is its first words, which its page and card do not show twice. */
	untitled: boolean;
	/** The body shows the featured image, which the page shows there alone. */
	imageInBody: boolean;
	/** The series the post belongs to; its parts are `blog.seriesBySlug.get(slug)`. */
	series?: { name: string; slug: string; url: string; order?: number | undefined } | undefined;
	/** False when the post turns comments off (`comments: false`). */
	comments: boolean;
	/** Whether the post shows a table of contents whatever its sections (true), never (false), or from three sections on. */
	toc?: boolean | undefined;
	/** The post's original address when it was first published elsewhere (`canonicalURL`). */
	canonicalURL?: string | undefined;
}

/** Everything listing pages need, computed once per build. */
export interface Blog<Entry extends PostEntry = PostEntry> {
	/** Published posts (and drafts in dev), newest first. */
	posts: Post<Entry>[];
	/** Tags by number of posts, then name. */
	tags: Tag[];
	/** Tag slug → its posts, newest first. */
	postsByTag: Map<string, Post<Entry>[]>;
	/** The home page's order: pinned posts first (newest first), then the others, newest first. */
	home: Post<Entry>[];
	/** Series by name; each lists its parts in reading order. */
	series: Series<Post<Entry>>[];
	/** Series slug → the series. */
	seriesBySlug: Map<string, Series<Post<Entry>>>;
}

type BlogConfig = Pick<ThemeConfig, 'locale' | 'author'> & Partial<Pick<ThemeConfig, 'timeZone'>>;
type BlogProject = Pick<ProjectContext, 'base' | 'trailingSlash' | 'buildFormat' | 'showDrafts' | 'postPattern' | 'sitePages' | 'publicDir' | 'root'>;

export function buildBlog<Entry extends PostEntry>(entries: readonly Entry[], config: BlogConfig, project: BlogProject): Blog<Entry> {
	const visible = entries.filter((entry) => project.showDrafts || !entry.data.draft);
	visible.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	const tagsBySlug = new Map<string, Tag>();
	const postsByTag = new Map<string, Post<Entry>[]>();
	const posts = visible.map((entry) => {
		const tags = uniqueTags(entry.data.tags, config.locale).map(({ name, slug }) => {
			let tag = tagsBySlug.get(slug);
			if (!tag) {
				tag = { name, slug, url: routePath('tag', { tag: slug }, project), count: 0 };
				tagsBySlug.set(slug, tag);
			}
			tag.count++;
			return tag;
		});
		const post = toPost(entry, tags, config, project);
		for (const tag of tags) {
			const tagged = postsByTag.get(tag.slug);
			if (tagged) tagged.push(post);
			else postsByTag.set(tag.slug, [post]);
		}
		return post;
	});
	// The old addresses Carnet derived (a Gatsby slug's path, a Zola post's dated address) that nothing else holds;
	// most blogs have none, and then no post's address is worked out again.
	if (posts.some((post) => post.entry.data.derivedAliases?.length)) {
		const { kept } = derivedRedirects(
			posts.map((post) => ({ ...post.entry.data, file: post.entry.filePath ?? post.id, postPath: routePath('post', postRouteParams(post, config.timeZone ?? 'UTC'), { ...project, base: '/' }) })),
			project,
			project.buildFormat,
		);
		for (const post of posts) post.redirects.push(...(kept.get(post.entry.filePath ?? post.id) ?? []));
	}
	const tags = [...tagsBySlug.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, config.locale));
	const series = groupSeries(posts, config.locale);
	return { posts, tags, postsByTag, home: pinnedFirst(posts), series, seriesBySlug: new Map(series.map((item) => [item.slug, item])) };
}

function uniqueTags(names: readonly string[], locale: string) {
	const seen = new Map<string, string>();
	for (const name of names) {
		const slug = slugifySegment(name, locale);
		if (slug && !seen.has(slug)) seen.set(slug, name);
	}
	return [...seen].map(([slug, name]) => ({ slug, name }));
}

function toPost<Entry extends PostEntry>(entry: Entry, tags: Tag[], config: BlogConfig, project: BlogProject): Post<Entry> {
	const { data } = entry;
	const text = isFrench(config.locale) && (!data.lang || isFrench(data.lang)) ? frenchSpacing : (value: string) => value;
	const slug = data.addressSlug ?? entry.id;
	const params = postRouteParams({ id: entry.id, date: data.date, slug }, config.timeZone ?? 'UTC');
	// A post without a description has the summary of its body, as in Hugo and Jekyll.
	const description = data.description ?? data.bodySummary;
	return {
		id: entry.id,
		slug,
		url: routePath('post', params, project),
		entry,
		title: text(data.title),
		...subtitleOf(data.subtitle && text(data.subtitle)),
		description: description && text(description),
		date: data.date,
		updated: data.updated,
		image: toFeaturedImage(entry),
		tags,
		author: data.authors ? joinAuthors(data.authors, config.locale) : toAuthor(data.author ?? config.author, project),
		authors: (data.authors ?? [data.author ?? config.author]).flatMap((author) => toAuthor(author, project) ?? []),
		draft: data.draft,
		wordCount: data.wordCount ?? countWords(entry.body ?? ''),
		// One Astro cannot write a page at (a % in it) is left out, with a warning from the loader.
		redirects: oldAddresses(data, routePath('post', params, { ...project, base: '/' }), project.buildFormat).filter((address) => unwritableAddress(address) === undefined),
		lang: data.lang,
		// A post written left to right without `lang` has none: its page is as any other's, its title dir="auto".
		dir: data.lang ? textDirection(data.lang) : (data.direction ?? writtenDirection(data.title, entry.body ?? '')) === 'rtl' ? 'rtl' : undefined,
		pinned: data.pinned ?? false,
		untitled: data.untitled ?? false,
		imageInBody: data.imageInBody ?? false,
		// A site may have declared its own `series` field with postSchema({ extend }), in its own shape.
		series: typeof data.series?.name === 'string' ? toSeriesLink(data.series, config.locale, project) : undefined,
		comments: data.comments ?? true,
		toc: data.toc,
		canonicalURL: data.canonicalURL,
	};
}

// A subtitle this short is a card link's label ("Lire la suite", "Le point en dix minutes", "Read the full
// story"): one longer, a line under the title.
const LABEL_WORDS = 5;
const LABEL_LENGTH = 32;

/**
 * A post's subtitle as its pages use it: five words at most are the label of its card's link, as the reference
 * post's "Lire la suite" is, and a sentence ("Each post also has a subtitle", as Beautiful Hugo's and
 * Beautiful Jekyll's posts write one) a line under its title.
 */
function subtitleOf(subtitle: string | undefined): Pick<Post, 'subtitle' | 'readMore'> {
	if (subtitle === undefined || subtitle.trim() === '') return {};
	// Words with letters or digits: an arrow or a guillemet (`Lire la suite »`) is none. Chinese and Japanese,
	// written without spaces, count a word every two characters.
	const words = subtitle
		.trim()
		.split(/\s+/)
		.filter((word) => /[\p{L}\p{N}]/u.test(word))
		.reduce((count, word) => count + (/\p{scx=Han}|\p{scx=Hiragana}|\p{scx=Katakana}/u.test(word) ? Math.ceil([...word].length / 2) : 1), 0);
	const label = words <= LABEL_WORDS && subtitle.length <= LABEL_LENGTH;
	return label ? { readMore: subtitle } : { subtitle };
}

function toSeriesLink(series: NonNullable<PostData['series']>, locale: string, project: BlogProject): NonNullable<Post['series']> {
	// postsLoader() refuses a name without letters or digits; a collection wired to another loader may not.
	const slug = slugifySegment(series.name, locale) || 'series';
	return { name: series.name, slug, url: routePath('series', { series: slug }, project), order: series.order };
}

function toFeaturedImage(entry: PostEntry): FeaturedImageSource | undefined {
	const image = entry.data.image;
	if (!image) return undefined;
	const { src, alt, caption } = image;
	if (typeof src !== 'string') return { src, ...imageSize(src), alt, caption };
	if (image.width && image.height) return { src, width: image.width, height: image.height, format: image.format, bytes: image.bytes, alt, caption };
	// postsLoader() measures remote images; a collection wired to another loader may not have.
	throw new Error(
		`${entry.filePath ?? entry.id}: the remote featured image ${src} has no width and height. ` +
			'Load posts with postsLoader() from astro-theme-carnet/loaders, which measures it.',
	);
}

/** Several authors, as one byline in the site's language: "Ada Lovelace and Grace Hopper". */
function joinAuthors(authors: NonNullable<PostData['authors']>, locale: string): Author {
	const names = authors.map((author) => (typeof author === 'string' ? author : author.name));
	return { name: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) };
}

function toAuthor(author: PostData['author'] | BlogConfig['author'], project: BlogProject): Author | undefined {
	if (author === undefined) return undefined;
	if (typeof author === 'string') return { name: author };
	if (!('socials' in author || 'image' in author)) return author;
	const { socials, image, ...rest } = author as Exclude<PostData['author'], string | undefined>;
	const sameAs = profileUrls(socials);
	// A photo in public/ is served under `base`, which the path may already have.
	const served = image && (withBase(image, project.base) ?? image);
	return { ...rest, ...(served ? { image: served } : {}), ...(sameAs.length > 0 ? { sameAs } : {}) };
}

/** One page of a listing, with the paths of its neighbours. Page numbers start at 1. */
export interface Page<T> {
	items: T[];
	number: number;
	total: number;
	previousUrl?: string | undefined;
	nextUrl?: string | undefined;
}

/** How many pages `count` items fill; an empty listing still has one (empty) page. */
export function pageCount(count: number, perPage: number): number {
	return Math.max(1, Math.ceil(count / perPage));
}

/** The items on page `number` (from 1) of `items`, `perPage` a page. */
export function pageItems<T>(items: readonly T[], perPage: number, number: number): T[] {
	return items.slice((number - 1) * perPage, number * perPage);
}

/** Page `number` of `items`, or undefined past the last page. `urlOf(n)` gives the path of page n. */
export function paginate<T>(items: readonly T[], perPage: number, number: number, urlOf: (page: number) => string): Page<T> | undefined {
	const total = pageCount(items.length, perPage);
	if (!Number.isInteger(number) || number < 1 || number > total) return undefined;
	return {
		items: pageItems(items, perPage, number),
		number,
		total,
		previousUrl: number > 1 ? urlOf(number - 1) : undefined,
		nextUrl: number < total ? urlOf(number + 1) : undefined,
	};
}
