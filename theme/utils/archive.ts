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

/** For each year, the archive page on which its first post appears. */
export function yearPages<T extends { date: Date }>(items: readonly T[], timeZone: string, perPage = ARCHIVE_PER_PAGE): { year: number; page: number; count: number }[] {
	const years = new Map<number, { year: number; page: number; count: number }>();
	items.forEach((item, index) => {
		const year = yearIn(item.date, timeZone);
		const found = years.get(year);
		if (found) found.count++;
		else years.set(year, { year, page: Math.floor(index / perPage) + 1, count: 1 });
	});
	return [...years.values()];
}
