import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** What one build did with social cards, told by the card route to the integration, which logs it. */
export interface CardReport {
	rendered: number;
	reused: number;
	/** Cache keys of the cards this build used; the others are removed from the cache when it ends. */
	used: Set<string>;
	/** Cards to write into the output once the build is done: their file there → their file in the cache. */
	pending: Map<string, Promise<string>>;
	/**
	 * Cards of the build's posts that no page may ask for: their file in the output → what asks for the
	 * card. A page copied from Astro's incremental cache is not rendered, so the integration asks for
	 * these, if no page did, when the build is done.
	 */
	expected: Map<string, () => void>;
	/** Warnings already given, so that each is given once per build. */
	warned: Set<string>;
	warn: (message: string) => void;
	/**
	 * Set on a thread that renders pages without the integration (the workers of Astro's
	 * `experimental.parallelPrerender`): the file this thread writes what the integration must learn to,
	 * since the thread's memory ends with it. Such a thread draws each card before the page that asks
	 * for it is done (runtime/social-cards.ts), and writes a line once it is in the cache.
	 */
	journal?: string;
}

/** One line of a page-rendering thread's journal: a card in the cache for a file of the output, or a warning. */
export type JournalRecord = { card: string; cache: string; reused: boolean } | { warning: string };

// Astro renders prerendered routes in the process that runs the integration, but from a separately bundled
// copy of the theme's modules, so a module-level variable would not be shared: a global symbol is.
const KEY = Symbol.for('astro-theme-carnet.social-cards');
const registry = globalThis as { [KEY]?: CardReport };

function emptyReport(warn: (message: string) => void): CardReport {
	return { rendered: 0, reused: 0, used: new Set(), pending: new Map(), expected: new Map(), warned: new Set(), warn };
}

/** Starts a new report; the integration calls it when a build or the dev server starts. */
export function startCardReport(warn: (message: string) => void): CardReport {
	registry[KEY] = emptyReport(warn);
	return registry[KEY];
}

/** The current report; one that warns on the console if the integration did not start one. */
export function cardReport(): CardReport {
	registry[KEY] ??= emptyReport((message) => console.warn(`[astro-theme-carnet] ${message}`));
	return registry[KEY];
}

/**
 * The report of the thread rendering a page: the integration's when it runs on this thread (Astro's
 * default), else, on a worker thread of Astro's, one that writes to a journal in `journalDir`, which the
 * integration reads when the build is done (readCardJournal()). Worker threads share the process's id,
 * which names the journal.
 */
export function renderCardReport(journalDir: string): CardReport {
	if (!registry[KEY] && !isMainThread) {
		const journal = journalFile(journalDir);
		mkdirSync(journalDir, { recursive: true });
		registry[KEY] = { ...emptyReport((message) => writeJournal(journal, { warning: message })), journal };
	}
	return cardReport();
}

/** Gives a warning once per build, however many pages or cards run into it. */
export function warnOnce(report: CardReport, id: string, message: string): void {
	if (report.warned.has(id)) return;
	report.warned.add(id);
	report.warn(message);
}

/** Adds a line to a journal; written at once, so that it is there before the page that wrote it is done. */
export function writeJournal(journal: string, record: JournalRecord): void {
	appendFileSync(journal, `${JSON.stringify(record)}\n`);
}

function journalFile(journalDir: string): string {
	return path.join(journalDir, `${process.pid}.jsonl`);
}

/**
 * Removes the journals that no running build will read before pages render: this process's, left by an
 * earlier build of it, and those of processes that have ended (a build that was killed). Those of other
 * running processes are theirs.
 */
export function clearCardJournal(journalDir: string): void {
	let files: string[];
	try {
		files = readdirSync(journalDir);
	} catch {
		return;
	}
	for (const file of files) {
		const pid = Number(/^(\d+)\.jsonl$/.exec(file)?.[1]);
		if (pid === process.pid || !isRunning(pid)) rmSync(path.join(journalDir, file), { force: true });
	}
}

function isRunning(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists, and belongs to another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Adds what the page-rendering threads wrote to their journal to the integration's report, and removes
 * the journal: each card once, counted as drawn if any thread drew it, and each warning once. Warnings
 * are told in a fixed order, since threads finish pages in no fixed one.
 */
export function readCardJournal(report: CardReport, journalDir: string): void {
	const file = journalFile(journalDir);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return;
	}
	rmSync(file, { force: true });
	const drawn = new Map<string, boolean>();
	const warnings = new Set<string>();
	for (const line of text.split('\n')) {
		if (!line) continue;
		const record = JSON.parse(line) as JournalRecord;
		if ('warning' in record) {
			warnings.add(record.warning);
			continue;
		}
		report.used.add(path.basename(record.cache));
		if (!report.pending.has(record.card)) report.pending.set(record.card, Promise.resolve(record.cache));
		drawn.set(record.card, (drawn.get(record.card) ?? false) || !record.reused);
	}
	for (const fresh of drawn.values()) {
		if (fresh) report.rendered++;
		else report.reused++;
	}
	for (const message of [...warnings].sort()) warnOnce(report, message, message);
}
