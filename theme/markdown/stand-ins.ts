// The private-use characters the shortcode passes write as stand-ins (kept braces, marks, added breaks).
const STAND_INS = /[\uE000-\uE009]/g;
const STAND_IN_COUNT = 10;
// The Basic Multilingual Plane's Private Use Area, where each is lent another.
const PRIVATE_USE_END = 0xf8ff;
const STAND_IN_END = 0xe009;

/**
 * `text` with each of the stand-ins U+E000–U+E009 it holds of its own (a Nerd Fonts glyph pasted in prose)
 * swapped for a private-use character neither it nor `inserted` (what the passes may write into it: the front
 * matter's values) holds, so that a pass tells its stand-ins from the author's text; `lend`, which swaps them so
 * in what is inserted; and `restore`, which gives them back in what the passes made of it. Undefined where they
 * hold all the private-use characters but fewer than ten, and so leave none to lend.
 */
export function setAsideStandIns(text: string, inserted: readonly string[] = []): { text: string; lend: (value: string) => string; restore: (made: string) => string } | undefined {
	const all = [text, ...inserted];
	if (all.every((part) => part.search(STAND_INS) === -1)) return { text, lend: (value) => value, restore: (made) => made };
	const held = new Set(all.flatMap((part) => part.match(/[\uE00A-\uF8FF]/g) ?? []));
	const lent = new Map<string, string>();
	for (let code = PRIVATE_USE_END; lent.size < STAND_IN_COUNT && code > STAND_IN_END; code--) {
		const char = String.fromCharCode(code);
		if (!held.has(char)) lent.set(String.fromCharCode(0xe000 + lent.size), char);
	}
	if (lent.size < STAND_IN_COUNT) return undefined;
	const own = new Map([...lent].map(([standIn, char]) => [char, standIn]));
	const lentChars = new RegExp(`[${[...own.keys()].join('')}]`, 'g');
	const lend = (value: string) => value.replace(STAND_INS, (char) => lent.get(char) as string);
	return { text: lend(text), lend, restore: (made) => made.replace(lentChars, (char) => own.get(char) as string) };
}
