// Astro's content store as a static build's pages read it: integration/vite-plugin-content-store.ts makes
// the `astro:data-layer-content` module call readContentStore() instead of holding the store as a string.
// Astro imports that module once, when the first page asks for a collection.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The store in `file` as Astro's module gives it, once its bytes are checked against those the build
 * bundled. A store that cannot be used is not thrown: Astro reads a module that fails as an empty store,
 * which would publish the site without its posts. It is given as a store whose every read fails instead.
 */
export function readContentStore(file: string, hash: string): unknown {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		return new UnusableStore(storeError(file, `it could not be read (${messageOf(error)})`));
	}
	if (createHash('sha256').update(bytes).digest('hex') !== hash) {
		return new UnusableStore(storeError(file, 'it changed after this build read it, so another build or `astro sync` of the same site ran meanwhile'));
	}
	try {
		return parseJsonArray(bytes);
	} catch (error) {
		return new UnusableStore(storeError(file, `it is not valid JSON (${messageOf(error)})`));
	}
}

// The store is a JSON array of about ten values per post (devalue's flat form: every string its own value).
// Parsed whole, its text is one string of the whole file, two bytes a character as soon as one character
// is not Latin-1: 140 MiB for 10,000 posts, which outlives the parse until V8's next full collection, seconds
// into page rendering, when the build's memory peaks. Parsed a batch of values at a time, each text is
// garbage almost at once.
const BATCH_BYTES = 512 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const WHITE_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The JSON in `bytes` (UTF-8), as JSON.parse gives it. An array is parsed in batches of its values, split at
 * the commas between them: JSON.parse still reads every value, and a split in a wrong place would leave a
 * batch that is not JSON (a string or an object cut open), so anything but a well-formed array is parsed
 * whole, and JSON.parse reports what is wrong with it.
 */
export function parseJsonArray(bytes: Buffer): unknown {
	try {
		return parseInBatches(bytes);
	} catch {
		return JSON.parse(bytes.toString('utf8'));
	}
}

function parseInBatches(bytes: Buffer): unknown[] {
	const values: unknown[] = [];
	const parseBatch = (start: number, end: number) => {
		for (const value of JSON.parse(`[${bytes.toString('utf8', start, end)}]`) as unknown[]) values.push(value);
	};
	let index = 0;
	while (WHITE_SPACE.has(bytes[index]!)) index++;
	if (bytes[index] !== OPEN_ARRAY) throw new SyntaxError('not an array');
	let batchStart = index + 1;
	let depth = 0;
	for (; index < bytes.length; index++) {
		const byte = bytes[index];
		if (byte === QUOTE) index = closingQuote(bytes, index + 1);
		else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++;
		else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
			depth--;
			if (depth === 0) {
				// The array's own end, which the batches' brackets stand in for: a `}` there is no JSON.
				if (byte !== CLOSE_ARRAY) throw new SyntaxError('the array is closed by a brace');
				break;
			}
		} else if (byte === COMMA && depth === 1 && index - batchStart >= BATCH_BYTES) {
			parseBatch(batchStart, index);
			batchStart = index + 1;
		}
	}
	if (depth !== 0) throw new SyntaxError('the array is not closed');
	parseBatch(batchStart, index);
	for (index++; index < bytes.length; index++) if (!WHITE_SPACE.has(bytes[index]!)) throw new SyntaxError('text after the array');
	return values;
}

/** The index of the quote that ends the string whose text starts at `from`. UTF-8 puts no byte below 0x80 inside a character. */
function closingQuote(bytes: Buffer, from: number): number {
	for (let quote = bytes.indexOf(QUOTE, from); quote !== -1; quote = bytes.indexOf(QUOTE, quote + 1)) {
		let backslashes = 0;
		while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
		if (backslashes % 2 === 0) return quote;
	}
	throw new SyntaxError('a string is not closed');
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A map of collections (the shape Astro's ImmutableDataStore keeps) that fails each page asking for one. */
class UnusableStore extends Map<string, never> {
	readonly #error: Error;
	constructor(error: Error) {
		super();
		this.#error = error;
	}
	override has(): boolean {
		throw this.#error;
	}
	override get(): never {
		throw this.#error;
	}
}

function storeError(file: string, problem: string): Error {
	return new Error(
		`Astro's content store in ${file} cannot be used for this build's pages: ${problem}. Build the site again, one build at a time.`,
	);
}
