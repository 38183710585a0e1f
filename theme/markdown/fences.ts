const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Fenced code, followed one line at a time: given the fence open before `line` (undefined outside code),
 * whether `line` is code (its opening and closing fences included) and the fence open after it. A fence
 * closes on a line of the same character, at least as long, and nothing else. The passes that rewrite a
 * body's text (shortcodes, admonitions, links) leave code alone through it.
 */
export function fenceAfter(line: string, open: string | undefined): { code: boolean; open: string | undefined } {
	const marker = FENCE.exec(line)?.[1];
	if (open !== undefined) {
		const closes = marker !== undefined && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker;
		return { code: true, open: closes ? undefined : open };
	}
	return { code: marker !== undefined, open: marker };
}
