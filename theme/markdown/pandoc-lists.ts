import { outsideCode } from './fences.ts';

// An item of Pandoc's fancy and example lists: `#.`, `a.`, `A)`, `iv.`, `(ii)`, `(@)`, `(@good)`, then a space;
// two after a capital letter and a period, as Pandoc reads `B. Russell` as text.
const FANCY_ITEM = /^[ \t]*(?:\((?:[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|@[\w-]*)\)|(?:[a-z]|[ivxlcdm]+|[IVXLCDM]+|#)[.)]|[A-Z]\)|[A-Z]\.(?=[ \t]{2}))(?=[ \t])/;
// `#.`, Pandoc's next number, as Markdown's `1.`, which numbers on from the item before.
const NUMBER_SIGN = /^([ \t]*)#(?=[.)][ \t])/;

/** A list of Pandoc's that Markdown does not read: the line of its first item (1 = the first) and its marker. */
export interface FancyList {
	line: number;
	marker: string;
}

/**
 * `body`, a post written for Pandoc, with the items of its lists marked `#.` written `1.`, as Markdown numbers
 * them on, each line on its line; and its lists numbered by letters, Roman numerals or examples (`a.`, `(ii)`,
 * `(@)`), outside code, which Markdown shows as text: Carnet shows them as written. An item opens a list after a
 * blank line, and goes on one after another item.
 */
export function readFancyLists(body: string): { body: string; unread: FancyList[] } {
	const unread: FancyList[] = [];
	if (!/^[ \t]*\(?(?:[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|#|@[\w-]*)[.)]/m.test(body)) return { body, unread };
	const written = body.split('\n');
	const items = new Set<number>();
	const read = outsideCode(body, FANCY_ITEM, (line, index) => {
		const before = index === 0 ? '' : (written[index - 1] as string);
		const opens = before.trim() === '';
		if (!FANCY_ITEM.test(line) || (!opens && !items.has(index - 1))) return line;
		items.add(index);
		if (NUMBER_SIGN.test(line)) return line.replace(NUMBER_SIGN, '$11');
		if (opens) unread.push({ line: index + 1, marker: (/\S+/.exec(line) as RegExpExecArray)[0] });
		return line;
	});
	return { body: read, unread };
}
