/** A series of posts (`series: "Name"` in front matter), its parts in reading order. */
export interface Series<P> {
	/** The name as written in the newest part. */
	name: string;
	slug: string;
	/** Path of the series page, with `base`. */
	url: string;
	posts: P[];
}

interface SeriesPost {
	date: Date;
	series?: { name: string; slug: string; url: string; order?: number | undefined } | undefined;
}

/**
 * The blog's series, by name. Parts with a `series_order` come in that order; the others follow by date,
 * oldest first, which is the order a series is usually written in.
 */
export function groupSeries<P extends SeriesPost>(posts: readonly P[], locale: string): Series<P>[] {
	const bySlug = new Map<string, Series<P>>();
	for (const post of posts) {
		if (!post.series) continue;
		const { name, slug, url } = post.series;
		const series = bySlug.get(slug);
		if (series) series.posts.push(post);
		else bySlug.set(slug, { name, slug, url, posts: [post] });
	}
	const order = (post: P) => post.series?.order ?? Number.POSITIVE_INFINITY;
	for (const series of bySlug.values()) {
		series.posts.sort((a, b) => order(a) - order(b) || a.date.getTime() - b.date.getTime());
	}
	return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The home page's order: pinned posts first, newest first among them, then the others as they come. */
export function pinnedFirst<P extends { pinned: boolean }>(posts: readonly P[]): P[] {
	return [...posts.filter((post) => post.pinned), ...posts.filter((post) => !post.pinned)];
}
