import { slugifySegment } from '../utils/slugs.ts';
import { jekyllDatedName } from './post-dialects.ts';

/**
 * A file of `_posts/` that keeps its date in its address: `holder` is the display path of the file that has
 * the address without the date. `heldBack` when the file comes before `holder` but production builds leave
 * it out (a draft, a post not yet due), so that the address went to `holder`, the earliest they publish.
 */
export interface DatedTwin {
	holder: string;
	heldBack: boolean;
	/**
	 * The site's `permalinks` put the post's date in its address, which tells it from `holder`'s (`/2023/01/hello/`
	 * and `/2024/03/hello/`): its address keeps the name without the date, and only its id, which must differ
	 * from `holder`'s, keeps the date.
	 */
	apart?: true;
}

/**
 * The files of `_posts/` folders named alike but for their date (`2016-03-07-welcome-to-jekyll.md` and
 * `2018-10-23-welcome-to-jekyll.md`, as two versions of Jekyll's starter write them), which Jekyll publishes
 * at two dated addresses, where Carnet's address, without the date, would be one: each file of such a name
 * that keeps its date, by its display path, with the file that has the address without it.
 *
 * Read from the names across the whole posts folder (`displayPaths`, every post file in it), and from the front
 * matter of the files a name groups, so that a post's address depends on those files alone, whatever order
 * they are read in. The
 * earliest keeps that address so that a post added later never moves one already published. Names are
 * compared as slugs, as the posts' addresses are; two of the same day are ordered by their paths. A file that
 * `ownsAddress` (its front matter names its slug) is left out of its name's group. One that is `heldBack` from
 * production builds does not take the address, which goes to the earliest they publish, in `astro dev` too, so
 * that the published post has one address in both. Each is asked only of a name that has a twin.
 *
 * Under `permalinks` that hold the date (`/:year/:month/:slug/`), `addressDate` gives that part of a file's address
 * (`2024/03`): files whose addresses differ by it each keep the name without the date in their address, and
 * those of one month, under that pattern, are told apart as above.
 */
export function findDatedTwins(
	displayPaths: Iterable<string>,
	locale: string,
	{
		ownsAddress = () => false,
		heldBack = () => false,
		addressDate = () => '',
	}: { ownsAddress?: (displayPath: string) => boolean; heldBack?: (displayPath: string) => boolean; addressDate?: (displayPath: string) => string } = {},
): Map<string, DatedTwin> {
	const groups = new Map<string, { displayPath: string; day: number[] }[]>();
	for (const displayPath of displayPaths) {
		const name = twinName(displayPath, locale);
		if (name === undefined) continue;
		const day = (jekyllDatedName(displayPath)?.[0] ?? '').split('-').map(Number);
		const group = groups.get(name);
		if (group) group.push({ displayPath, day });
		else groups.set(name, [{ displayPath, day }]);
	}
	const twins = new Map<string, DatedTwin>();
	// Each file read once, though its name's earliest and its part's earliest are both looked for.
	const answers = new Map<string, boolean>();
	const isHeldBack = (displayPath: string) => answers.get(displayPath) ?? answers.set(displayPath, heldBack(displayPath)).get(displayPath) === true;
	for (const group of groups.values()) {
		if (group.length < 2) continue;
		const named = group.filter(({ displayPath }) => !ownsAddress(displayPath));
		if (named.length < 2) continue;
		named.sort(byDayThenPath);
		// The id without the date, which one file only can have, and in each part of the address the date gives, the name without it.
		const holder = earliestPublished(named, isHeldBack);
		for (const part of groupBy(named, ({ displayPath }) => addressDate(displayPath))) {
			const head = earliestPublished(part, isHeldBack);
			for (const twin of part) {
				if (twin === head && twin !== holder) twins.set(twin.displayPath, { holder: holder.displayPath, heldBack: byDayThenPath(twin, holder) < 0, apart: true });
				else if (twin !== head) twins.set(twin.displayPath, { holder: head.displayPath, heldBack: byDayThenPath(twin, head) < 0 });
			}
		}
	}
	return twins;
}

/** The earliest of `files`, sorted, that production builds publish; when none is, none has a page whose address a build gives away: the earliest, as in astro dev. */
function earliestPublished<File extends { displayPath: string }>(files: readonly File[], heldBack: (displayPath: string) => boolean): File {
	return files.find(({ displayPath }) => !heldBack(displayPath)) ?? (files[0] as File);
}

/** `items` in groups of the same key, each in the order of `items`. */
function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Item[][] {
	const groups = new Map<string, Item[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return [...groups.values()];
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
