import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eleventyDate } from '../../theme/integration/eleventy-dates.ts';

describe("Eleventy's date keywords", () => {
	let folder: string;
	let committed: string;
	let uncommitted: string;
	const modified = new Date('2021-06-15T08:30:00Z');

	beforeAll(() => {
		folder = mkdtempSync(path.join(tmpdir(), 'carnet-eleventy-'));
		committed = path.join(folder, 'committed.md');
		uncommitted = path.join(folder, 'uncommitted.md');
		const git = (args: string[], date: string) =>
			execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', '-c', 'commit.gpgsign=false', ...args], {
				cwd: folder,
				stdio: 'ignore',
				env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
			});
		git(['init', '-q'], '2020-01-01T00:00:00Z');
		writeFileSync(committed, 'first\n');
		git(['add', 'committed.md'], '2020-01-01T00:00:00Z');
		git(['commit', '-q', '-m', 'first'], '2020-03-04T10:00:00Z');
		writeFileSync(committed, 'second\n');
		git(['commit', '-q', '-am', 'second'], '2022-11-12T18:00:00Z');
		writeFileSync(uncommitted, 'draft\n');
		utimesSync(uncommitted, modified, modified);
	});

	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	test('git Created and git Last Modified are the dates of the first and last commits of the file', () => {
		expect(eleventyDate('git Created', committed)).toEqual({ date: new Date('2020-03-04T10:00:00Z'), from: 'its first commit in git', fileTime: false });
		expect(eleventyDate('git Last Modified', committed)?.date).toEqual(new Date('2022-11-12T18:00:00Z'));
	});

	test("Last Modified is the file's modification time, and git's keywords fall back to it for a file git has no commit of", () => {
		expect(eleventyDate('Last Modified', uncommitted)).toEqual({ date: modified, from: "the file's last modification time", fileTime: true });
		expect(eleventyDate('git Last Modified', uncommitted)).toEqual({ date: modified, from: "the file's last modification time, as git has no commit of it", fileTime: true });
		expect(eleventyDate('Created', uncommitted)?.fileTime).toBe(true);
	});

	test('other values are no keyword', () => {
		for (const value of ['2024-02-03', 'Modified', 'last modified yesterday', 3, undefined]) expect(eleventyDate(value, committed)).toBeUndefined();
	});
});
