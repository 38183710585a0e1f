import { yearIn } from './dates.ts';

/** Entries on one archive page. Archive rows are one line each, so a page holds many more than a listing. */
export const ARCHIVE_PER_PAGE = 100;

export interface YearGroup<T> {
	year: number;
	items: T[];
}

/** Consecutive items grouped by their year in the site's zone, in the order given (newest first). */
export function groupByYear<T extends { date: Date }>(items: readonly T[], timeZone: string): YearGroup<T>[] {
	const groups: YearGroup<T>[] = [];
	for (const item of items) {
		const year = yearIn(item.date, timeZone);
		const last = groups[groups.length - 1];
		if (last?.year === year) last.items.push(item);
		else groups.push({ year, items: [item] });
	}
	return groups;
}

export interface YearPage {
	year: number;
	/** The archive page on which the year's first post appears. */
	page: number;
	count: number;
}

const yearPagesCache = new WeakMap<readonly unknown[], Map<string, YearPage[]>>();

/**
 * For each year, the archive page on which its first post appears. Every archive page shows this list,
 * so it is worked out once per list of posts (a build's) rather than once per page.
 */
export function yearPages<T extends { date: Date }>(items: readonly T[], timeZone: string, perPage = ARCHIVE_PER_PAGE): YearPage[] {
	const key = `${timeZone}|${perPage}`;
	let cached = yearPagesCache.get(items);
	if (!cached) {
		cached = new Map();
		yearPagesCache.set(items, cached);
	}
	const found = cached.get(key);
	if (found) return found;
	const result = computeYearPages(items, timeZone, perPage);
	cached.set(key, result);
	return result;
}

function computeYearPages<T extends { date: Date }>(items: readonly T[], timeZone: string, perPage: number): YearPage[] {
	const years = new Map<number, YearPage>();
	items.forEach((item, index) => {
		const year = yearIn(item.date, timeZone);
		const found = years.get(year);
		if (found) found.count++;
		else years.set(year, { year, page: Math.floor(index / perPage) + 1, count: 1 });
	});
	return [...years.values()];
}
