import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** What a date keyword of Eleventy names, and the date Carnet read for it. */
export interface EleventyDate {
	date: Date;
	/** What the date was read from, as a warning says it: `the file's last modification time`, `its first commit in git`. */
	from: string;
	/** Whether it is a file's time, which a copy of the file (a clone, a CI checkout) does not keep. */
	fileTime: boolean;
}

// Eleventy's keywords for a date its front matter does not write (https://www.11ty.dev/docs/dates/).
const KEYWORD = /^\s*(git\s+)?(last\s+modified|created)\s*$/i;

/**
 * The date that Eleventy's keyword `value` names for the post file `file`: `Last Modified` and `Created` its
 * modification and creation times, `git Last Modified` and `git Created` the dates of its last and first
 * commits (the file's times when git has none of it, or is not there), as Eleventy reads them. Undefined
 * for any other value.
 */
export function eleventyDate(value: unknown, file: string): EleventyDate | undefined {
	const keyword = typeof value === 'string' ? KEYWORD.exec(value) : null;
	if (!keyword) return undefined;
	const created = (keyword[2] as string).toLowerCase() === 'created';
	if (keyword[1] !== undefined) {
		const commit = commitDate(file, created);
		if (commit) return { date: commit, from: created ? 'its first commit in git' : 'its last commit in git', fileTime: false };
	}
	const stats = statSync(file, { throwIfNoEntry: false });
	if (!stats) return undefined;
	// A file system that keeps no creation time gives 0.
	const birth = stats.birthtime.getTime() > 0 ? stats.birthtime : stats.mtime;
	const fallback = keyword[1] === undefined ? '' : ', as git has no commit of it';
	return { date: created ? birth : stats.mtime, from: `${created ? "the file's creation time" : "the file's last modification time"}${fallback}`, fileTime: true };
}

function commitDate(file: string, first: boolean): Date | undefined {
	try {
		const args = first ? ['log', '--diff-filter=A', '--follow', '--format=%aI', '--', path.basename(file)] : ['log', '-1', '--format=%aI', '--', path.basename(file)];
		const output = execFileSync('git', args, { cwd: path.dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
		const lines = output.trim().split('\n').filter((line) => line !== '');
		const written = first ? lines.at(-1) : lines[0];
		const date = written === undefined ? undefined : new Date(written);
		return date && !Number.isNaN(date.getTime()) ? date : undefined;
	} catch {
		return undefined;
	}
}
