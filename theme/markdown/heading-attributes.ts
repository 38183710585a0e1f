import { fencedLines } from './fences.ts';

// An ATX heading (maybe in quotes) that ends with braces: `## Introduction {#introduction}`.
const HEADING_WITH_BRACES = /^((?: {0,3}>[ \t]?)* {0,3}#{1,6}[ \t].*?)\{([^{}\n]*)\}([ \t]*#*[ \t]*)$/;
// What Goldmark, kramdown and Pandoc read there as attributes: `#id`, `.class` and `key=value`, apart by spaces.
const ATTRIBUTE = /^(?:#[^\s#.]+|\.[^\s#.]+|[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|\S+))$/;

/**
 * Braces that end a heading without being an attribute list (`## Sets {a, b}`) escaped, so that they stay
 * text: Carnet's Markdown reads `## Introduction {#introduction}` as the heading's id and classes, as Hugo's
 * Goldmark does, and would otherwise drop any braces there. Code is left alone; every line keeps its number.
 */
export function keepBracesInHeadings(body: string): string {
	if (!/^(?: {0,3}>[ \t]?)* {0,3}#{1,6}[ \t].*\}[ \t#]*\r?$/m.test(body)) return body;
	const lines = body.split('\n');
	const code = fencedLines(lines);
	return lines
		.map((line, index) => {
			if (code[index]) return line;
			const heading = HEADING_WITH_BRACES.exec(line.replace(/\r$/, ''));
			if (!heading) return line;
			const tokens = (heading[2] as string).trim().split(/\s+/).filter(Boolean);
			if (tokens.length > 0 && tokens.every((token) => ATTRIBUTE.test(token))) return line;
			return `${heading[1]}\\{${heading[2]}\\}${heading[3]}${line.endsWith('\r') ? '\r' : ''}`;
		})
		.join('\n');
}
