import { slugifySegment } from '../utils/slugs.ts';
import { jekyllDatedName } from './post-dialects.ts';

/**
 * The files of `_posts/` folders named alike but for their date (`2016-03-07-welcome-to-jekyll.md` and
 * `2018-10-23-welcome-to-jekyll.md`, as two versions of Jekyll's starter write them), which Jekyll publishes
 * at two dated addresses, where Carnet's address, without the date, would be one: each later file of such a
 * name, by its display path, with the display path of the earliest, which keeps the address without the date.
 *
 * Read from the names alone, across the whole posts folder (`displayPaths`, every post file in it), so that a
 * post's address depends on the list of files and on its own file, whatever order they are read in. The
 * earliest keeps that address so that a post added later never moves one already published. Names are
 * compared as slugs, as the posts' addresses are; two of the same day are ordered by their paths. A file that
 * `ownsAddress` (its front matter names its slug) is left out of its name's group.
 */
export function findDatedTwins(displayPaths: Iterable<string>, locale: string, ownsAddress: (displayPath: string) => boolean = () => false): Map<string, string> {
	const groups = new Map<string, { displayPath: string; day: number[] }[]>();
	for (const displayPath of displayPaths) {
		const name = twinName(displayPath, locale);
		if (name === undefined) continue;
		const day = (jekyllDatedName(displayPath)?.[0] ?? '').split('-').map(Number);
		const group = groups.get(name);
		if (group) group.push({ displayPath, day });
		else groups.set(name, [{ displayPath, day }]);
	}
	const later = new Map<string, string>();
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		// A file whose front matter gives its own address (`slug:`) does not take the address without the date,
		// and is asked only when its name has a twin.
		const named = group.filter(({ displayPath }) => !ownsAddress(displayPath));
		if (named.length < 2) continue;
		const [earliest, ...others] = named.sort(byDayThenPath);
		for (const { displayPath } of others) later.set(displayPath, (earliest as { displayPath: string }).displayPath);
	}
	return later;
}

/** The address a file of `_posts/` named with its date has without its date, or undefined for another file. */
function twinName(displayPath: string, locale: string): string | undefined {
	const dated = jekyllDatedName(displayPath);
	if (dated === undefined) return undefined;
	const name = slugifySegment(dated[1], locale);
	return name === '' ? undefined : name;
}

function byDayThenPath(a: { displayPath: string; day: number[] }, b: { displayPath: string; day: number[] }): number {
	for (let index = 0; index < 3; index++) {
		const difference = (a.day[index] ?? 0) - (b.day[index] ?? 0);
		if (difference !== 0) return difference;
	}
	return a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0;
}
