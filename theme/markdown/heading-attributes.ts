import { fencedLines } from './fences.ts';

// Quote markers before a heading, read at once: `(?=(…))\1` lets the pattern take back none of them, as
// an atomic group would, so that a line quoted 500 deep fails at once instead of in exponential time.
const QUOTES = String.raw`(?=((?: {0,3}>[ \t]?)*))\1`;
// An ATX heading (maybe in quotes) that ends with braces: `## Introduction {#introduction}`.
const HEADING_WITH_BRACES = new RegExp(String.raw`^${QUOTES}( {0,3}#{1,6}[ \t].*?)\{([^{}\n]*)\}([ \t]*#*[ \t]*)$`);
const ANY_HEADING_WITH_BRACES = new RegExp(String.raw`^${QUOTES} {0,3}#{1,6}[ \t].*\}[ \t#]*\r?$`, 'm');
// What Goldmark, kramdown and Pandoc read there as attributes: `#id`, `.class` and `key=value`, apart by spaces.
const ATTRIBUTE = /^(?:#[^\s#.]+|\.[^\s#.]+|[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*'|\S+))$/;

/**
 * Braces that end a heading without being an attribute list (`## Sets {a, b}`) escaped, so that they stay
 * text: Carnet's Markdown reads `## Introduction {#introduction}` as the heading's id and classes, as Hugo's
 * Goldmark does, and would otherwise drop any braces there. The braces may hold an MDX comment instead,
 * which is how react.dev writes a heading's id: it is read as the id. Code is left alone; every line keeps
 * its number.
 */
export function keepBracesInHeadings(body: string): string {
	if (!ANY_HEADING_WITH_BRACES.test(body)) return body;
	const lines = body.split('\n');
	const code = fencedLines(lines);
	return lines
		.map((line, index) => {
			if (code[index]) return line;
			const heading = HEADING_WITH_BRACES.exec(line.replace(/\r$/, ''));
			if (!heading) return line;
			const [, quotes, head, braces, tail] = heading as unknown as [string, string, string, string, string];
			if (isAttributeList(braces)) return line;
			// react.dev's heading ids, written as MDX comments so that MDX reads them: `## Update {/*update*/}`.
			const commented = /^\/\*\s*([^\s*]*)\s*\*\/$/.exec(braces);
			if (commented) return `${quotes}${head}${/^[\w-]+$/.test(commented[1] as string) ? `{#${commented[1]}}` : ''}${tail}${line.endsWith('\r') ? '\r' : ''}`;
			return `${quotes}${head}\\{${braces}\\}${tail}${line.endsWith('\r') ? '\r' : ''}`;
		})
		.join('\n');
}

/** A heading's text without the attribute list that ends it (`Introduction {#intro}` → `Introduction`), as Markdown reads it. */
export function withoutAttributeList(text: string): string {
	const list = /\s*\{([^{}\n]*)\}\s*$/.exec(text);
	return list && isAttributeList(list[1] as string) ? text.slice(0, list.index) : text;
}

function isAttributeList(braces: string): boolean {
	const tokens = braces.trim().split(/\s+/).filter(Boolean);
	return tokens.length > 0 && tokens.every((token) => ATTRIBUTE.test(token));
}

