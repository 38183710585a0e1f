/**
 * The private-use characters the passes write as stand-ins, each for one thing: every pass takes its own from
 * here, so that setAsideStandIns() swaps every one a post holds of its own.
 */
export const STAND_IN = {
	/** A brace or percent sign kept as written (a raw tag, an escaped Hugo shortcode), hidden from the later passes. */
	openBrace: '\uE000',
	closeBrace: '\uE001',
	percent: '\uE002',
	/** The marks around display math written within a line, until it is given lines of its own. */
	displayOpen: '\uE003',
	displayClose: '\uE004',
	/** A line break a pass adds, made once the body's lines are counted. */
	addedBreak: '\uE005',
	/** Where AS_WRITTEN_MARK goes once the shortcodes are expanded. */
	asWritten: '\uE006',
	/** A backtick in a link's destination or title, an autolink or a raw HTML tag while a line is split at its code spans. */
	linkBacktick: '\uE007',
	/** A formula's fence marks, hidden from the passes that read fences. */
	backtick: '\uE008',
	tilde: '\uE009',
} as const;

const STAND_IN_CHARS: readonly string[] = Object.values(STAND_IN);
const STAND_INS = new RegExp(`[${STAND_IN_CHARS.join('')}]`, 'g');
// The Basic Multilingual Plane's Private Use Area after the stand-ins, where each is lent another.
const PRIVATE_USE_END = 0xf8ff;
const STAND_IN_END = Math.max(...STAND_IN_CHARS.map((char) => char.charCodeAt(0)));
const LENDABLE = new RegExp(`[${String.fromCharCode(STAND_IN_END + 1)}-${String.fromCharCode(PRIVATE_USE_END)}]`, 'g');

/**
 * `text` with each of the stand-ins (STAND_IN) it holds of its own (a Nerd Fonts glyph pasted in prose)
 * swapped for a private-use character neither it nor `inserted` (what the passes may write into it: the front
 * matter's values) holds, so that a pass tells its stand-ins from the author's text; `lend`, which swaps them so
 * in what is inserted; and `restore`, which gives them back in what the passes made of it. Undefined where they
 * hold all the private-use characters but fewer than ten, and so leave none to lend.
 */
export function setAsideStandIns(text: string, inserted: readonly string[] = []): { text: string; lend: (value: string) => string; restore: (made: string) => string } | undefined {
	const all = [text, ...inserted];
	if (all.every((part) => part.search(STAND_INS) === -1)) return { text, lend: (value) => value, restore: (made) => made };
	const held = new Set(all.flatMap((part) => part.match(LENDABLE) ?? []));
	const lent = new Map<string, string>();
	for (let code = PRIVATE_USE_END; lent.size < STAND_IN_CHARS.length && code > STAND_IN_END; code--) {
		const char = String.fromCharCode(code);
		if (!held.has(char)) lent.set(STAND_IN_CHARS[lent.size] as string, char);
	}
	if (lent.size < STAND_IN_CHARS.length) return undefined;
	const own = new Map([...lent].map(([standIn, char]) => [char, standIn]));
	const lentChars = new RegExp(`[${[...own.keys()].join('')}]`, 'g');
	const lend = (value: string) => value.replace(STAND_INS, (char) => lent.get(char) as string);
	return { text: lend(text), lend, restore: (made) => made.replace(lentChars, (char) => own.get(char) as string) };
}
