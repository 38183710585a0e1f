/**
 * The warning about a post whose title the social card's fonts cannot draw, and the folding of many of them
 * into one: a blog written in a script the fonts lack (Japanese, Thai) would otherwise get one long warning
 * per post, every build.
 */

const SHOWS = 'so its card shows the blog’s name and the date without the title.';
const UNDRAWN = /^(.*?): the social card's fonts cannot draw (.*?) in the title "(.*)", so its card shows the blog’s name and the date without the title\. (.*)$/s;
// From this many posts on, one warning names them all.
const FOLDED_FROM = 3;
const LISTED = 10;
const SAMPLE_CHARACTERS = 12;

/** The warning for one post: its file, the characters no font has, its title, and what to do (`advice`). */
export function undrawnTitleWarning(file: string, missing: readonly string[], title: string, advice: string): string {
	return `${file}: the social card's fonts cannot draw ${missing.join(' ')} in the title "${title}", ${SHOWS} ${advice}`;
}

/**
 * `messages` with the undrawn-title warnings of three posts or more that give the same advice folded into one,
 * where the first of them was: the posts' files in order (ten named, the others counted), some of the
 * characters, and the advice once. Other messages are kept as they are, in their order.
 */
export function foldUndrawnTitleWarnings(messages: readonly string[]): string[] {
	const groups = new Map<string, { file: string; missing: string[] }[]>();
	for (const message of messages) {
		const match = UNDRAWN.exec(message);
		if (!match) continue;
		const [, file = '', missing = '', , advice = ''] = match;
		const group = groups.get(advice) ?? [];
		group.push({ file, missing: missing.split(' ') });
		groups.set(advice, group);
	}
	const folded = new Set([...groups].filter(([, posts]) => posts.length >= FOLDED_FROM).map(([advice]) => advice));
	if (folded.size === 0) return [...messages];
	const out: string[] = [];
	const told = new Set<string>();
	for (const message of messages) {
		const advice = UNDRAWN.exec(message)?.[4];
		if (advice === undefined || !folded.has(advice)) {
			out.push(message);
			continue;
		}
		if (told.has(advice)) continue;
		told.add(advice);
		const posts = [...(groups.get(advice) ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
		const files = posts.slice(0, LISTED).map(({ file }) => file);
		const more = posts.length > LISTED ? `, and ${posts.length - LISTED} more` : '';
		const sample = [...new Set(posts.flatMap(({ missing }) => missing))].slice(0, SAMPLE_CHARACTERS).join(' ');
		out.push(
			`The social card's fonts cannot draw the titles of ${posts.length} posts (characters such as ${sample}), so their cards show the blog’s name and the date without the title: ` +
				`${files.join(', ')}${more}. ${advice}`,
		);
	}
	return out;
}
