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
}

// Astro renders prerendered routes in the process that runs the integration, but from a separately bundled
// copy of the theme's modules, so a module-level variable would not be shared: a global symbol is.
const KEY = Symbol.for('astro-theme-carnet.social-cards');
const registry = globalThis as { [KEY]?: CardReport };

/** Starts a new report; the integration calls it when a build or the dev server starts. */
export function startCardReport(warn: (message: string) => void): CardReport {
	registry[KEY] = { rendered: 0, reused: 0, used: new Set(), pending: new Map(), expected: new Map(), warned: new Set(), warn };
	return registry[KEY];
}

/** The current report; one that warns on the console if the integration did not start one. */
export function cardReport(): CardReport {
	registry[KEY] ??= { rendered: 0, reused: 0, used: new Set(), pending: new Map(), expected: new Map(), warned: new Set(), warn: (message) => console.warn(`[astro-theme-carnet] ${message}`) };
	return registry[KEY];
}

/** Gives a warning once per build, however many pages or cards run into it. */
export function warnOnce(id: string, message: string): void {
	const report = cardReport();
	if (report.warned.has(id)) return;
	report.warned.add(id);
	report.warn(message);
}
