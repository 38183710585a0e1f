/** Where each line of `text` starts: 0, then the offset after each line break. */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
	return starts;
}

/**
 * The line (1 = the first) that `offset` is on, given its text's line starts (lineStarts()), found by halves:
 * asked for each of thousands of matches, counting the line breaks before each would take seconds.
 */
export function lineAt(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] as number) <= offset) low = middle;
		else high = middle - 1;
	}
	return low + 1;
}
