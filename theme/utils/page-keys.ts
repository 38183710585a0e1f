import type { ImageMetadata } from 'astro';
import { yearPages } from './archive.ts';
import { digest, stableStringify } from './digest.ts';
import type { Blog, Post, PostEntry, Tag } from './posts.ts';

/**
 * The `cacheKey` each of the theme's generated pages returns from getStaticPaths(), for Astro's
 * `experimental.incrementalBuild`: a page whose key, code and configuration are unchanged since the
 * last build is copied from Astro's cache instead of rendered (theme/README.md, Incremental builds).
 *
 * Astro itself checks the page's code (the hash of its module graph, which includes the theme's
 * options through `virtual:carnet/config` and replaced components), the Astro configuration that
 * shapes output, the lockfile, and the module graph of MDX bodies a page renders. It does not see the
 * content store, nor Markdown bodies kept by the posts loader: what a page shows of posts is the key's job.
 *
 * Every key is built from post views (`viewOf`): a post's stored entry digest, which the posts loader
 * changes whenever the post's file or anything that shapes its entry and body changes
 * (integration/cache-key.ts), with the parts of `Post` that other posts decide (a tag's name as written
 * in its newest post) or that are read from other files (a featured image's metadata), and its id and
 * file. A post without a digest (a collection wired to a loader that sets none) makes every page that
 * shows it unkeyed, so always rendered.
 *
 * A body with images that Astro resolves when it renders (Markdown kept in the content store with its
 * `imagePaths`) is not keyed either: its HTML names the images' build files, whose names follow their
 * bytes (and, for identical images, another post's file name), which no digest of the post covers.
 * Its page, and a tag feed that carries it, are always rendered. So are those of an MDX post: what it
 * imports (a JSON file, an image, a component) is no part of its digest, and Astro's hash of the module
 * graph a page renders did not see it change either (its page and its tag's feed kept the old text).
 *
 * With a replaced component (other than the social card, which draws files rather than pages), the
 * theme cannot know what the replacement reads, so every key also covers every post (`blog`): a
 * build with nothing changed still renders nothing, and any change renders every keyed page.
 */
export interface PageKeys {
	/** A post page: the post, the posts before and after it, its related posts and the parts of its series. */
	post(post: Post, shown: { previous?: Post | undefined; next?: Post | undefined; related: readonly Post[] }): string | undefined;
	/** Page `number` of the home listing, of `total`: the posts on it. */
	home(number: number, total: number, items: readonly Post[]): string | undefined;
	/** Page `number` of a tag's listing: the tag and the posts on the page. */
	tag(tag: Tag, number: number, total: number, items: readonly Post[]): string | undefined;
	/** Page `number` of the archive: its posts, and the year index every archive page shows. */
	archive(number: number, total: number, items: readonly Post[], timeZone: string): string | undefined;
	/** A tag's feed: the tag, all its posts (the feed's last-modified date), and the bodies of the newest `limit`. */
	tagFeed(tag: Tag, limit: number): string | undefined;
	/** A redirect page from one of a post's old addresses: the post's title and address. */
	redirect(post: Post): string | undefined;
	/** Pages that show the whole blog, or parts of it chosen across posts: the series pages. */
	blog(name: string): string | undefined;
}

export interface PageKeyOptions {
	/** Some component is replaced: every key covers the whole blog. */
	wholeBlog: boolean;
	/**
	 * Part of every key: a new generation after a build that never finished, whose cached pages Astro's
	 * manifest does not describe (integration/build-generation.ts). @default ''
	 */
	generation?: string | undefined;
}

const cache = new WeakMap<Blog<PostEntry>, Map<string, PageKeys>>();

/** The page keys of one build's blog; worked out once per blog, not once per page. */
export function pageKeys<Entry extends PostEntry>(blog: Blog<Entry>, options: PageKeyOptions): PageKeys {
	const optionsKey = JSON.stringify(options);
	let byOptions = cache.get(blog as Blog<PostEntry>);
	if (!byOptions) cache.set(blog as Blog<PostEntry>, (byOptions = new Map()));
	let keys = byOptions.get(optionsKey);
	if (!keys) byOptions.set(optionsKey, (keys = createPageKeys(blog as Blog<PostEntry>, options)));
	return keys;
}

function createPageKeys(blog: Blog<PostEntry>, options: PageKeyOptions): PageKeys {
	const views = new Map<Post, string | undefined>();
	const view = (post: Post) => {
		if (!views.has(post)) views.set(post, viewOf(post));
		return views.get(post);
	};
	let whole: string | undefined | null = null;
	const blogView = () => {
		if (whole === null) whole = combine(['blog', ...blog.posts.map(view)]);
		return whole;
	};
	/** The key of `parts`, or undefined if a post in them has no view. */
	const generation = options.generation ?? '';
	const key = (parts: readonly (string | number | undefined)[]) => combine([generation, ...parts, ...(options.wholeBlog ? [blogView()] : [])]);
	const tagView = (tag: Tag) => [tag.name, tag.slug, tag.url, tag.count].join('\n');
	return {
		post(post, { previous, next, related }) {
			const series = post.series && blog.seriesBySlug.get(post.series.slug);
			if (!bodyKeyed(post)) return undefined;
			return key([
				'post',
				view(post),
				previous ? view(previous) : '-',
				next ? view(next) : '-',
				related.length,
				...related.map(view),
				series ? series.posts.length : '-',
				...(series?.posts ?? []).map(view),
			]);
		},
		home: (number, total, items) => key(['home', number, total, ...items.map(view)]),
		tag: (tag, number, total, items) => key(['tag', tagView(tag), number, total, ...items.map(view)]),
		archive: (number, total, items, timeZone) => key(['archive', number, total, JSON.stringify(yearPages(blog.posts, timeZone)), ...items.map(view)]),
		tagFeed(tag, limit) {
			const posts = blog.postsByTag.get(tag.slug) ?? [];
			if (!posts.slice(0, limit).every(bodyKeyed)) return undefined;
			return key(['tag-feed', tagView(tag), ...posts.map(view)]);
		},
		redirect: (post) => key(['redirect', view(post)]),
		blog: (name) => combine([generation, name, blogView()]),
	};
}

/**
 * What a page can show of `post`, as a digest: everything in `Post` except the entry, which its digest
 * stands for, and except tag counts, which no part of a post page or card shows (pages that show
 * counts are keyed on them or on the whole blog).
 */
export function viewOf(post: Post): string | undefined {
	const { entry, tags, image, ...shown } = post;
	const stored = (entry as PostEntry & { digest?: unknown }).digest;
	if (typeof stored !== 'string' || stored === '') return undefined;
	return digest(
		stableStringify({
			...shown,
			image: image && { ...image, src: typeof image.src === 'string' ? image.src : untrackedImage(image.src) },
			tags: tags.map(({ name, slug, url }) => ({ name, slug, url })),
			entry: { id: entry.id, filePath: entry.filePath, digest: stored },
		}),
	);
}

// Astro 7.4's image modules record the original as used by the page being built whenever their `src` is
// read (astro/dist/assets/utils/image-asset.js), and publish every original so recorded into _astro/.
// Keys are worked out while paths are listed, where that counts for the whole build: reading `src` here
// published the original of every featured image with incremental builds on. The same value, unrecorded,
// is under this symbol; where an Astro has none, `src` is read as before.
const RAW_SRC = Symbol.for('astro:image-asset:raw-src');

/** An image's metadata as a plain object, its `src` read without marking the original as used. */
function untrackedImage(metadata: ImageMetadata): Record<string, unknown> {
	const raw = (metadata as ImageMetadata & { [RAW_SRC]?: string })[RAW_SRC];
	const plain: Record<string, unknown> = {};
	for (const key of Object.keys(metadata)) plain[key] = key === 'src' && raw !== undefined ? raw : metadata[key as keyof ImageMetadata];
	return plain;
}

/** Whether the post's body, as render(entry) gives it, depends only on the post's digest (see PageKeys). */
function bodyKeyed(post: Post): boolean {
	if (/\.mdx$/i.test(post.entry.filePath ?? '')) return false;
	const rendered = (post.entry as PostEntry & { rendered?: { metadata?: { imagePaths?: unknown[] } } }).rendered;
	return (rendered?.metadata?.imagePaths?.length ?? 0) === 0;
}

/** A getStaticPaths() entry's `cacheKey` property, or none for a page without a key (always rendered). */
export function cacheKeyOf(key: string | undefined): { cacheKey?: string } {
	return key === undefined ? {} : { cacheKey: key };
}

function combine(parts: readonly (string | number | undefined)[]): string | undefined {
	if (parts.some((part) => part === undefined)) return undefined;
	return digest(parts.join('\n'));
}
