/**
 * The warnings of one kind a post tells in full; the others of that kind are summed up in one line after them.
 * A post with a handful of one problem (four script links) has each told, with its value.
 */
const TOLD_PER_POST = 10;
/**
 * The posts whose warnings of one kind a full sync tells in full, as they come; the others' are summed up at its
 * end. Told as they come, a post's warnings keep their order with its other warnings.
 */
const TOLD_POSTS = 20;
/** The files a summed-up kind of warning names, and the lines a post's summed-up warnings name. */
const LISTED = 5;

/** A post's warnings of one kind, as they are told: up to TOLD_PER_POST in full, then one line summing up the rest. */
interface TellingOfPost {
	displayPath: string;
	/** Each line told, with its place among the post's warnings: a summing-up line comes right after the last one it sums up. */
	lines: { at: number; line: string }[];
	warnings: number;
}

/** The posts' warnings of one kind in a full sync: the first posts' told, the others' counted for one line at its end. */
interface Tally {
	first: string;
	told: number;
	held: TellingOfPost[];
}

/**
 * The warnings about posts, folded so that a build's log stays readable when one construct repeats, as in a
 * blog migrated from another engine: the same shortcode thousands of times in a post, or once in each of
 * thousands of posts. A kind of warning is its message without the post's location, quoted text and numbers
 * (kindOf()): the same problem with another value. Within a post, the first few warnings of a kind are told,
 * then one line gives the count and lines of the rest. Across the posts of a full sync, the first TOLD_POSTS
 * posts' warnings of a kind are told and one line at its end sums up the rest, naming how many and a few of
 * their files. Every warning folded is counted in a line told. After the full sync
 * (`astro dev` reading a post saved again), each post's warnings are told, folded within the post only.
 *
 * Posts are read ten at a time and finish in any order (a long body renders on a worker for longer); their
 * warnings are told in the order the posts were begun (the files' order), so the same posts give the same log,
 * and the same posts are told in full.
 */
export class PostWarnings {
	readonly #tell: (message: string) => void;
	/** Display path → the warnings of a post begun and not yet told, in the order the posts were begun. */
	readonly #pending = new Map<string, { messages: string[]; ended: boolean }>();
	/** Kind → its posts in the full sync; undefined once it is over. */
	#tallies: Map<string, Tally> | undefined = new Map();

	constructor(tell: (message: string) => void) {
		this.#tell = tell;
	}

	/** Holds the warnings about `displayPath` until end() is called for it. */
	begin(displayPath: string): void {
		const pending = this.#pending.get(displayPath);
		if (pending) pending.ended = false;
		else this.#pending.set(displayPath, { messages: [], ended: false });
	}

	/** Notes a warning about the post of `displayPath`, whose message starts with its location (post-file.ts, postLocation()). */
	warn(displayPath: string, message: string): void {
		const pending = this.#pending.get(displayPath);
		if (pending) pending.messages.push(message);
		else this.#tellPost(displayPath, [message]);
	}

	/** Tells the warnings held about `displayPath`, folded, once those of every post begun before it are told. */
	end(displayPath: string): void {
		const pending = this.#pending.get(displayPath);
		if (pending) pending.ended = true;
		for (const [first, { messages, ended }] of this.#pending) {
			if (!ended) break;
			this.#pending.delete(first);
			if (messages.length > 0) this.#tellPost(first, messages);
		}
	}

	/** Ends the full sync: one line for each kind of warning some posts were not told, summing them up; later ones are told as they come. */
	endFullSync(): void {
		const tallies = this.#tallies;
		this.#tallies = undefined;
		for (const tally of tallies?.values() ?? []) if (tally.held.length > 0) this.#tell(summedUpPosts(tally));
	}

	#tellPost(displayPath: string, messages: readonly string[]): void {
		// In the order the post gave them, but for the kinds summed up at the end of the full sync.
		const told: { at: number; line: string }[] = [];
		for (const [kind, telling] of foldPost(displayPath, messages)) {
			const tally = this.#tallies?.get(kind) ?? { first: telling.lines[0]?.line ?? '', told: 0, held: [] };
			this.#tallies?.set(kind, tally);
			if (!this.#tallies || tally.told < TOLD_POSTS) {
				tally.told += 1;
				told.push(...telling.lines);
			} else {
				tally.held.push(telling);
			}
		}
		for (const { line } of told.sort((a, b) => a.at - b.at)) this.#tell(line);
	}
}

/** A post's warnings by kind: up to TOLD_PER_POST told in full, then the count and lines of the others, each with its place among the post's warnings. */
function foldPost(displayPath: string, messages: readonly string[]): Map<string, TellingOfPost> {
	const kinds = new Map<string, { told: { at: number; line: string }[]; lines: number[]; others: number }>();
	for (const [at, message] of messages.entries()) {
		const { line, rest } = readLocation(displayPath, message);
		const kind = kindOf(rest);
		const found = kinds.get(kind) ?? { told: [], lines: [], others: 0 };
		kinds.set(kind, found);
		if (found.told.length < TOLD_PER_POST) {
			found.told.push({ at, line: message });
			continue;
		}
		found.others += 1;
		if (line !== undefined) found.lines.push(line);
	}
	const folded = new Map<string, TellingOfPost>();
	for (const [kind, { told, lines, others }] of kinds) {
		const last = told.at(-1)?.at ?? 0;
		const summary = others === 0 ? [] : [{ at: last + 0.5, line: `${displayPath}: ${others} more ${others === 1 ? 'warning' : 'warnings'} like the one above${onLines(lines)}.` }];
		folded.set(kind, { displayPath, lines: [...told, ...summary], warnings: told.length + others });
	}
	return folded;
}

/** The line in `message`'s location (`src/posts/a.md:12: …`) and what follows it. */
function readLocation(displayPath: string, message: string): { line: number | undefined; rest: string } {
	if (!message.startsWith(`${displayPath}:`)) return { line: undefined, rest: message };
	const after = message.slice(displayPath.length + 1);
	const numbered = /^(\d+): /.exec(after);
	if (numbered) return { line: Number(numbered[1]), rest: after.slice(numbered[0].length) };
	return { line: undefined, rest: after.replace(/^ /, '') };
}

/**
 * The kind of a warning: its message without quoted text ("…", '…', “…”, `…`) and numbers, which name the
 * value or the place. What names the problem and its fix, and an unquoted construct's name (a shortcode's, a
 * TeX command's), is kept: two warnings of one kind are the same problem.
 */
export function kindOf(message: string): string {
	return message
		.replace(/"(?:[^"\\\n]|\\.)*"|“[^”\n]*”|`[^`\n]*`|(?<![\p{L}\p{N}])'[^'\n]*'(?![\p{L}\p{N}])/gu, '""')
		.replace(/\d+/g, '0');
}

function onLines(lines: readonly number[]): string {
	if (lines.length === 0) return '';
	return ` (on ${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, LISTED).join(', ')}${lines.length > LISTED ? '…' : ''})`;
}

/** One line for the posts of a kind of warning beyond the first told: how many, a few of their files, how many warnings. */
function summedUpPosts(tally: Tally): string {
	const files = tally.held.map(({ displayPath }) => displayPath).sort();
	const warnings = tally.held.reduce((sum, { warnings }) => sum + warnings, 0);
	const listed = files.slice(0, LISTED).join(', ') + (files.length > LISTED ? ` and ${files.length - LISTED} more` : '');
	const excerpt = tally.first.length > 160 ? `${tally.first.slice(0, 160)}…` : tally.first;
	return `The warning told above for ${tally.told} posts (${excerpt}) is also given in ${files.length} more posts, ${warnings} times in all, not told one by one: ${listed}. Search the posts for what it names to find them all.`;
}
