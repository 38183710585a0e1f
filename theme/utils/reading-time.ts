// Adult silent reading runs at about 230 words a minute in English and French (Brysbaert, 2019).
const WORDS_PER_MINUTE = 230;

const CODE_BLOCK = /^(```|~~~)[^\n]*\n[\s\S]*?^\1/gm;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words in a Markdown body, fenced code left out (readers skim it). */
export function countWords(markdown: string): number {
	return markdown.replace(CODE_BLOCK, '').match(WORD)?.length ?? 0;
}

/** Whole minutes to read `words` words, at least one. */
export function readingMinutes(words: number): number {
	return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
