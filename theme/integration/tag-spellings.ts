import type { LoaderContext } from 'astro/loaders';
import { quoteVisibly } from '../utils/describe.ts';
import { slugifySegment } from '../utils/slugs.ts';

interface TaggedEntry {
	id: string;
	filePath?: string | undefined;
	data: { tags?: unknown; series?: unknown; date?: unknown; draft?: unknown };
}

/**
 * Tags written differently that make the same slug (`Été`, `ete`, `ÉTÉ`) are one tag, shown as the newest
 * post writes it (utils/posts.ts). That is what the author wants almost always, but not silently: one
 * warning per tag lists every spelling and the posts that use it.
 */
export function warnMergedTags(entries: Iterable<TaggedEntry>, locale: string, showDrafts: boolean): string[] {
	const tagsOf = (entry: TaggedEntry) => (Array.isArray(entry.data.tags) ? entry.data.tags : []);
	return mergedSpellings(entries, tagsOf, locale, showDrafts).map(
		({ slug, list, shown }) =>
			`The tags ${list} make the same address (tags/${slug}/), so they are one tag, shown as ${quoteVisibly(shown)} (the newest post's spelling). ` +
			'Write them the same way in every post to choose how the tag is shown.',
	);
}

/** The same for series (`series: Été en Provence` and `series: ete en provence`), which share one page. */
export function warnMergedSeries(entries: Iterable<TaggedEntry>, locale: string, showDrafts: boolean): string[] {
	const seriesOf = (entry: TaggedEntry) => {
		const { series } = entry.data;
		const name = typeof series === 'object' && series !== null ? (series as { name?: unknown }).name : undefined;
		return typeof name === 'string' ? [name] : [];
	};
	return mergedSpellings(entries, seriesOf, locale, showDrafts).map(
		({ slug, list }) => `The series ${list} make the same address (series/${slug}/), so they are one series. Write its name the same way in every post.`,
	);
}

/**
 * Parts of one series that give the same `series_order`: the series shows them one after the other by date,
 * numbered as it finds them, which the author did not write. One warning per number shared.
 */
export function warnSharedSeriesOrder(entries: Iterable<TaggedEntry>, locale: string, showDrafts: boolean): string[] {
	const parts = new Map<string, { name: string; byOrder: Map<number, string[]> }>();
	for (const entry of entries) {
		if (!showDrafts && entry.data.draft === true) continue;
		const { series } = entry.data;
		if (typeof series !== 'object' || series === null) continue;
		const { name, order } = series as { name?: unknown; order?: unknown };
		if (typeof name !== 'string' || typeof order !== 'number') continue;
		const slug = slugifySegment(name, locale);
		const named = parts.get(slug) ?? { name, byOrder: new Map<number, string[]>() };
		parts.set(slug, named);
		named.byOrder.set(order, [...(named.byOrder.get(order) ?? []), entry.filePath ?? entry.id]);
	}
	const warnings: string[] = [];
	for (const { name, byOrder } of parts.values()) {
		for (const [order, files] of byOrder) {
			if (files.length < 2) continue;
			warnings.push(
				`The posts ${listFiles(files.sort())} all give series_order: ${order} in the series ${quoteVisibly(name)}, so they are shown in the order of their dates and numbered as they come. Give each part its own number.`,
			);
		}
	}
	return warnings;
}

/** Names that different posts write differently and that make the same slug, with their spellings, newest post's first. */
function mergedSpellings(
	entries: Iterable<TaggedEntry>,
	namesOf: (entry: TaggedEntry) => readonly unknown[],
	locale: string,
	showDrafts: boolean,
): { slug: string; list: string; shown: string }[] {
	const visible = [...entries].filter((entry) => showDrafts || entry.data.draft !== true);
	// The order of utils/posts.ts, whose first spelling of a tag is the one pages show.
	visible.sort((a, b) => time(b.data.date) - time(a.data.date) || a.id.localeCompare(b.id));
	const spellings = new Map<string, Map<string, Set<string>>>();
	// A blog has far fewer names than posts; slugifying is the costly part.
	const slugs = new Map<string, string>();
	for (const entry of visible) {
		for (const name of namesOf(entry)) {
			if (typeof name !== 'string') continue;
			let slug = slugs.get(name);
			if (slug === undefined) slugs.set(name, (slug = slugifySegment(name, locale)));
			if (!slug) continue;
			const bySpelling = spellings.get(slug) ?? new Map<string, Set<string>>();
			spellings.set(slug, bySpelling);
			// "Été" typed on macOS (NFD, e and an accent) and elsewhere (NFC) look alike: one spelling.
			const spelling = name.normalize('NFC');
			const files = bySpelling.get(spelling) ?? new Set<string>();
			bySpelling.set(spelling, files);
			files.add(entry.filePath ?? '?');
		}
	}
	const merged: { slug: string; list: string; shown: string }[] = [];
	for (const [slug, bySpelling] of spellings) {
		if (bySpelling.size < 2) continue;
		const [shown = ''] = bySpelling.keys();
		const list = [...bySpelling].map(([name, files]) => `${quoteVisibly(name)} (${listFiles([...files])})`).join(', ');
		merged.push({ slug, list, shown });
	}
	return merged;
}

/** Logs warnMergedTags(), warnMergedSeries() and warnSharedSeriesOrder() for the posts a loader has stored. */
export function reportMergedTags(context: LoaderContext, locale: string): void {
	const entries = context.store.values() as TaggedEntry[];
	const showDrafts = context.watcher !== undefined;
	for (const warning of [...warnMergedTags(entries, locale, showDrafts), ...warnMergedSeries(entries, locale, showDrafts), ...warnSharedSeriesOrder(entries, locale, showDrafts)]) {
		context.logger.warn(warning);
	}
}

// A tag used by hundreds of posts: a few of them say where to look.
function listFiles(files: string[]): string {
	const shown = files.slice(0, 3).join(', ');
	return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}

function time(value: unknown): number {
	return value instanceof Date ? value.getTime() : 0;
}
