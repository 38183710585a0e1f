import { createHash } from 'node:crypto';

/**
 * A text that changes whenever `value` does, for keying caches on configuration: object keys are
 * sorted, and functions (Markdown plugins, say) count by their source, so that editing a plugin's code
 * changes the text where JSON.stringify would only see `null`. Values a function closes over are not
 * visible; callers add those that matter (the theme's options) themselves.
 */
export function stableStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	const write = (current: unknown): string => {
		if (typeof current === 'function') return `fn:${current.toString()}`;
		if (typeof current === 'bigint' || typeof current === 'symbol') return `${typeof current}:${current.toString()}`;
		if (current === undefined) return 'undefined';
		if (current === null || typeof current !== 'object') return JSON.stringify(current);
		if (current instanceof Date || current instanceof RegExp || current instanceof URL) return `${current.constructor.name}:${String(current)}`;
		if (seen.has(current)) return '[circular]';
		seen.add(current);
		let text: string;
		if (Array.isArray(current)) text = `[${current.map(write).join(',')}]`;
		else if (current instanceof Map) text = `Map{${[...current].map(([key, item]) => `${write(key)}:${write(item)}`).join(',')}}`;
		else if (current instanceof Set) text = `Set{${[...current].map(write).join(',')}}`;
		else {
			const record = current as Record<string, unknown>;
			const keys = Object.keys(record).sort();
			text = `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key])}`).join(',')}}`;
		}
		seen.delete(current);
		return text;
	};
	return write(value);
}

/** A short hex digest of a text. */
export function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
