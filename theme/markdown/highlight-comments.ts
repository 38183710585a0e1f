import { ranges } from './svelte-code.ts';

// Docusaurus's magic comments (@docusaurus/theme-common, codeBlockUtils.ts), alone on their line, by comment style.
const STYLES = {
	js: String.raw`\/\/[ \t]*highlight-(next-line|start|end)`,
	jsBlock: String.raw`\/\*[ \t]*highlight-(next-line|start|end)[ \t]*\*\/`,
	jsx: String.raw`\{[ \t]*\/\*[ \t]*highlight-(next-line|start|end)[ \t]*\*\/[ \t]*\}`,
	bash: String.raw`#[ \t]*highlight-(next-line|start|end)`,
	html: String.raw`<!--[ \t]*highlight-(next-line|start|end)[ \t]*-->`,
	lua: String.raw`--[ \t]*highlight-(next-line|start|end)`,
	wasm: String.raw`;;[ \t]*highlight-(next-line|start|end)`,
	tex: String.raw`%[ \t]*highlight-(next-line|start|end)`,
} as const;
type Style = keyof typeof STYLES;

// The styles Docusaurus reads in each language; all of them in another.
const LANGUAGE_STYLES: Record<string, readonly Style[]> = {
	js: ['js', 'jsBlock'],
	javascript: ['js', 'jsBlock'],
	ts: ['js', 'jsBlock'],
	typescript: ['js', 'jsBlock'],
	jsx: ['js', 'jsBlock', 'jsx'],
	tsx: ['js', 'jsBlock', 'jsx'],
	html: ['js', 'jsBlock', 'html'],
	python: ['bash'],
	py: ['bash'],
	bash: ['bash'],
	markdown: ['html', 'jsx', 'bash'],
	md: ['html', 'jsx', 'bash'],
	tex: ['tex'],
	latex: ['tex'],
	matlab: ['tex'],
	lua: ['lua'],
	haskell: ['lua'],
	sql: ['lua'],
	wasm: ['wasm'],
};
const patterns = new Map<string, RegExp>();
function magicComment(lang: string | null | undefined): RegExp {
	const styles = LANGUAGE_STYLES[(lang ?? '').toLowerCase()] ?? (Object.keys(STYLES) as Style[]);
	const key = styles.join(',');
	let pattern = patterns.get(key);
	if (!pattern) patterns.set(key, (pattern = new RegExp(String.raw`^[ \t]*(?:${styles.map((style) => STYLES[style]).join('|')})[ \t]*\r?$`)));
	return pattern;
}

/**
 * A code block's lines without Docusaurus's magic comments, and the lines they highlight added to its meta
 * string as `mark={…}`, as Docusaurus shows them: the comments are not shown, `highlight-next-line` marks the
 * line under it, and `highlight-start` … `highlight-end` the lines between. Only the comment styles
 * Docusaurus reads in the block's language, and none in a block whose meta string names lines (`{1,3}`),
 * as there. Undefined for a block without any.
 */
export function readHighlightComments(value: string, lang: string | null | undefined, meta: string | null | undefined): { value: string; meta: string } | undefined {
	if (!value.includes('highlight-') || /(?:^|\s)\{[\d,\s-]+\}/.test(meta ?? '')) return undefined;
	const pattern = magicComment(lang);
	const kept: string[] = [];
	const marked: number[] = [];
	let next = false;
	let open = 0;
	let found = false;
	for (const line of value.split('\n')) {
		const match = pattern.exec(line);
		const comment = match?.slice(1).find((group) => group !== undefined);
		if (comment === 'next-line') next = true;
		else if (comment === 'start') open += 1;
		else if (comment === 'end') open = Math.max(0, open - 1);
		else {
			kept.push(line);
			if (next || open > 0) marked.push(kept.length);
			next = false;
			continue;
		}
		found = true;
	}
	if (!found) return undefined;
	const parts = [meta ?? '', ...(marked.length > 0 ? [`mark={${ranges(marked)}}`] : [])];
	return { value: kept.join('\n'), meta: parts.join(' ').trim() };
}

// Shiki's notation (@shikijs/transformers, as VitePress, fumadocs and Nextra write it): a comment that ends a
// line, `// [!code highlight]`, `# [!code ++]`, `<!-- [!code --] -->`, in any of the languages' comment styles.
// Read from the notation itself, then back to its comment's opening, so that each line is read once.
const NOTATION = /^\[!code[ \t]+(highlight|hl|focus|error|warning|\+\+|--|word:[^\]\n]*)(?::(\d{1,3}))?\][ \t]*(?:\*\/\}?|-->)?[ \t]*\r?$/;
const COMMENT_OPENING = /(?:\/\/|#|--|%|;;|\/\*|<!--|\{\/\*)$/;

/**
 * A code block's lines without Shiki's notation comments, and the lines they mark added to its meta string:
 * `highlight` (`hl`), `focus`, `error` and `warning` as highlighted lines (`{…}`), `++` as added (`ins={…}`),
 * `--` as removed (`del={…}`), `:3` marking that many lines from its own; `word:…`, which marks a word, is left
 * out. A comment alone on its line is left out with the line, and marks the next one, as Shiki 3 reads it.
 * Undefined for a block without any.
 */
export function readShikiNotation(value: string, meta: string | null | undefined): { value: string; meta: string } | undefined {
	if (!value.includes('[!code')) return undefined;
	const marks: Record<'mark' | 'ins' | 'del', number[]> = { mark: [], ins: [], del: [] };
	const kept: string[] = [];
	// Marks of comments alone on their lines, for the next line kept.
	let pending: { list: number[]; count: number }[] = [];
	let found = false;
	for (const line of value.split('\n')) {
		const notation = shikiNotation(line);
		const mark = notation && (notation.kind === '++' ? marks.ins : notation.kind === '--' ? marks.del : notation.kind.startsWith('word:') ? undefined : marks.mark);
		if (notation) found = true;
		if (notation && notation.code.trim() === '') {
			if (mark) pending.push({ list: mark, count: notation.count });
			continue;
		}
		kept.push(notation ? notation.code : line);
		if (mark && notation) pending.push({ list: mark, count: notation.count });
		for (const { list, count } of pending) for (let at = 0; at < count; at++) list.push(kept.length + at);
		pending = [];
	}
	if (!found) return undefined;
	const parts = [meta ?? ''];
	if (marks.mark.length > 0) parts.push(`{${ranges(marks.mark)}}`);
	if (marks.ins.length > 0) parts.push(`ins={${ranges(marks.ins)}}`);
	if (marks.del.length > 0) parts.push(`del={${ranges(marks.del)}}`);
	return { value: kept.join('\n'), meta: parts.join(' ').trim() };
}

/** The notation that ends `line`, what it marks and how many lines, and the code before its comment; or undefined. */
function shikiNotation(line: string): { kind: string; count: number; code: string } | undefined {
	const at = line.lastIndexOf('[!code');
	const notation = at === -1 ? null : NOTATION.exec(line.slice(at));
	if (!notation) return undefined;
	const before = line.slice(0, at).trimEnd();
	const opening = COMMENT_OPENING.exec(before.slice(-4));
	if (!opening) return undefined;
	return { kind: notation[1] as string, count: Math.max(1, Number(notation[2] ?? 1)), code: before.slice(0, before.length - opening[0].length).trimEnd() };
}
