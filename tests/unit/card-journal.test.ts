import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { clearCardJournal, readCardJournal, renderCardReport, startCardReport, writeJournal, type CardReport } from '../../theme/utils/card-report.ts';

// Pages that Astro renders on worker threads (experimental.parallelPrerender) tell the integration what
// they drew and warned through a journal file (theme/utils/card-report.ts).

function journalIn(dir: string): string {
	mkdirSync(dir, { recursive: true });
	return path.join(dir, `${process.pid}.jsonl`);
}

function freshReport(): { report: CardReport; warnings: string[] } {
	const warnings: string[] = [];
	return { report: startCardReport((message) => warnings.push(message)), warnings };
}

describe('the journal of page-rendering threads', () => {
	test('gives the integration each card once, counted as drawn when any thread drew it, and removes the journal', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-journal-'));
		const journal = journalIn(dir);
		writeJournal(journal, { card: 'posts/a/social.png', cache: '/cache/aaa.png', reused: true });
		writeJournal(journal, { card: 'posts/a/social.png', cache: '/cache/aaa.png', reused: false });
		writeJournal(journal, { card: 'posts/b/social.png', cache: '/cache/bbb.png', reused: true });
		writeJournal(journal, { card: 'posts/c/social.jpg', cache: '/cache/ccc.jpg', reused: false });
		const { report } = freshReport();
		readCardJournal(report, dir);
		expect(report.rendered).toBe(2);
		expect(report.reused).toBe(1);
		expect([...report.used].sort()).toEqual(['aaa.png', 'bbb.png', 'ccc.jpg']);
		expect([...report.pending.keys()].sort()).toEqual(['posts/a/social.png', 'posts/b/social.png', 'posts/c/social.jpg']);
		expect(await report.pending.get('posts/c/social.jpg')).toBe('/cache/ccc.jpg');
		expect(existsSync(journal)).toBe(false);
	});

	test('tells each warning once, in the same order whichever thread wrote first', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-journal-'));
		const journal = journalIn(dir);
		for (const warning of ['b.md: too deep for the feeds', 'a.md: no font for 東京', 'b.md: too deep for the feeds']) writeJournal(journal, { warning });
		const { report, warnings } = freshReport();
		readCardJournal(report, dir);
		expect(warnings).toEqual(['a.md: no font for 東京', 'b.md: too deep for the feeds']);
	});

	test('reads nothing when no thread wrote one', () => {
		const { report, warnings } = freshReport();
		readCardJournal(report, mkdtempSync(path.join(tmpdir(), 'carnet-journal-')));
		expect([report.rendered, report.reused, report.pending.size, warnings.length]).toEqual([0, 0, 0, 0]);
	});

	test('on the thread that started the report, rendering uses the report itself rather than a journal', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-journal-'));
		const { report } = freshReport();
		expect(renderCardReport(dir)).toBe(report);
		expect(report.journal).toBeUndefined();
		expect(readdirSync(dir)).toEqual([]);
	});

	test('on a worker thread without the integration, warnings go to the journal that the integration reads', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-journal-'));
		const module = new URL('../../theme/utils/card-report.ts', import.meta.url).href;
		const code = `import { renderCardReport, warnOnce } from ${JSON.stringify(module)};
const report = renderCardReport(${JSON.stringify(dir)});
warnOnce(report, 'x', 'from the worker');
warnOnce(report, 'x', 'from the worker');`;
		const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
		await new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject));
		const { report, warnings } = freshReport();
		readCardJournal(report, dir);
		expect(warnings).toEqual(['from the worker']);
	});

	test('before a build, journals of ended processes and this one are removed, and those of running processes kept', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'carnet-journal-'));
		const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
		const running = String(process.ppid);
		for (const pid of [String(process.pid), ended, running]) writeFileSync(path.join(dir, `${pid}.jsonl`), '{"warning":"x"}\n');
		clearCardJournal(dir);
		expect(readdirSync(dir)).toEqual([`${running}.jsonl`]);
	});
});
