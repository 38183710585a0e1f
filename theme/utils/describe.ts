/** Writes a received value the way an error message quotes it: strings in quotes, objects as short JSON. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString();
	if (typeof value === 'string') return quoteVisibly(value);
	if (typeof value === 'function') return 'a function';
	// JSON writes Infinity and NaN (YAML's .inf and .nan) as null.
	if (typeof value === 'number') return String(value);
	const json = JSON.stringify(value);
	if (json === undefined) return String(value);
	return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

// A value made of invisible characters (a zero-width space, a no-break space) would print as "" or " ", and the
// control characters JSON leaves as they are (DEL, C1's CSI) would reach the terminal.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\u2028\u2029]/gu;

/** `text` in double quotes, as JSON writes it, with the characters that print as nothing or a space written as \u escapes (a plain space stays). */
export function quoteVisibly(text: string): string {
	return withVisibleChars(JSON.stringify(text));
}

/**
 * `text` in double quotes with its backslashes as written, and the characters that print as nothing or a space
 * as \u escapes, as quoteVisibly() writes them: for text whose backslashes are the author's, such as TeX, whose
 * `\\` JSON would show as `\\\\`.
 */
export function quoteAsWritten(text: string): string {
	return `"${withVisibleChars(text)}"`;
}

function withVisibleChars(text: string): string {
	return text.replace(INVISIBLE, (char) => (char === ' ' ? char : `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`));
}

/**
 * The candidate closest to `word` by edit distance (a swap of two letters counts as one edit), when it is
 * close enough to be a likely typo: one edit in a word of up to eight letters, a third of its letters in a
 * longer one. A short word two edits away is another word (`math` is not `date`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = (word.length <= 8 ? 1 : Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** The optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent letters. */
function editDistance(a: string, b: string): number {
	let beforePrevious: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
			current[j] = distance;
		}
		beforePrevious = previous;
		previous = current;
	}
	return previous[b.length] ?? 0;
}

/**
 * The name in `names` that is `name` with its accents spelled otherwise (NFD, a letter and a combining
 * mark, as macOS writes file names, against NFC, one character), or undefined. Such names print the
 * same, so an error that only names both reads as nonsense.
 */
export function sameNameOtherwiseSpelled(name: string, names: Iterable<string>): string | undefined {
	const composed = name.normalize('NFC');
	for (const candidate of names) if (candidate !== name && candidate.normalize('NFC') === composed) return candidate;
	return undefined;
}

/** Why a file name and a path that print the same differ, for an error message: `fileName` is the name on disk. */
export function otherwiseSpelled(fileName: string): string {
	const form = fileName === fileName.normalize('NFC') ? 'composed (NFC: é as one character)' : 'decomposed (NFD: é as e and a combining accent, as macOS names files)';
	return `The file there looks the same but spells its accents ${form}, the path the other way, so they are different names. Copy the file's name into the post, or rename the file by typing its name again, so that both are spelled alike.`;
}

/** The first 60 characters of a long text, enough to find it, for quoting it in a message. */
export function abridge(text: string): string {
	const chars = [...text];
	return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : text;
}
