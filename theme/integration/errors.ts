import { AstroError } from 'astro/errors';

export interface ErrorLocation {
	/** Absolute path of the file at fault. */
	file: string;
	line?: number | undefined;
	column?: number | undefined;
}

/**
 * An error about the site owner's input (options, front matter, files). Its message already says where
 * the problem is and how to fix it, so it carries no stack trace into the theme's code: Astro prints
 * the message, the hint and the location only.
 */
/** An error as the log shows it: its message, then its hint. */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const hint = 'hint' in error && typeof error.hint === 'string' ? `\n${error.hint}` : '';
	return `${error.message}${hint}`;
}

export function userError(message: string, hint?: string, location?: ErrorLocation): AstroError {
	const error = new AstroError(message, hint);
	error.stack = '';
	if (location) Object.assign(error, { loc: { column: location.line ? 1 : undefined, ...location } });
	// Astro replaces the hint of an error whose text holds "document" or "window" with one about browser
	// APIs (errors/dev/utils.js, generateHint()): YAML's "document separator", or a title quoted in the
	// message, would lose the fix this hint gives. The hint stays this one.
	Object.defineProperty(error, 'hint', { get: () => hint, set: () => {}, enumerable: true, configurable: true });
	return error;
}
