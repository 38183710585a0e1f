/**
 * svelte.dev's code annotations (sveltejs/svelte.dev, packages/site-kit/src/lib/markdown/renderer.ts): a
 * block names its file on a comment line (`/// file: svelte.config.js`, `<!--- file: App.svelte --->`,
 * `### file: config.yml`), and marks text added with `+++…+++`, removed with `---…---` and highlighted
 * with `:::…:::`; in JavaScript and TypeScript, what comes before `// ---cut---` and twoslash's `// @…`
 * lines are for the type checker, not the reader.
 *
 * svelte.dev reads the markers in every block of its site, where they mean nothing else. Carnet cannot know
 * a post comes from there but by its conventions: only a post that opens a block with a file line
 * (`/// file: name.ext`) is read so, and in it only the blocks whose markers pair up, as svelte.dev pairs
 * them. A marker is three signs exactly, with text on its line: a rule of dashes, a YAML document's `---` or
 * a table's `|---|` is the code's own, and so are blocks of Markdown, YAML, shell and diffs (which svelte.dev
 * refuses).
 */

// svelte.dev's METADATA_REGEX, on a line of its own.
// Its value is read from the rest of the line (metadataValue()), where a pattern for the closing `--->`
// took time with the cube of a run of spaces.
const METADATA = /^[ \t]*(?:<!---|\/\/\/|###)[ \t]*(file|link|copy):([^\n]*)$/;
// A block's first line naming a file with an extension, as svelte.dev writes it (its renderer refuses a name
// without one): `/// file: the path` in a Rust doc comment names none.
const FILE_LINE = /^[ \t]*(?:`{3,}|~{3,})[^\n]*\n[ \t]*(?:<!---|\/\/\/)[ \t]*file:[ \t]*[^\s'"`]+\.\w+[ \t]*(?:--->[ \t]*)?\r?$/m;
// Three signs exactly, with text on their line: a rule of dashes (`|------|` in a table, a YAML document's
// `---` alone on its line) is the code's own.
const MARKER = /(?<!\+)\+\+\+(?!\+)|(?<!-)---(?!-)|(?<!:):::(?!:)/g;
// Languages whose own syntax has such lines, where svelte.dev's posts write no markers.
const OWN_SYNTAX = new Set(['diff', 'md', 'markdown', 'yaml', 'yml', 'text', 'txt', 'sh', 'bash', 'shell']);
const TWOSLASH_LINE = /^[ \t]*\/\/ ?@\w+(?::.*)?\r?$/;

let lastSource: string | undefined;
let lastIsSvelte = false;

/** Whether `source`, a whole post, opens a block with svelte.dev's file line. */
function isSveltePost(source: string): boolean {
	if (source !== lastSource) {
		lastSource = source;
		lastIsSvelte = source.includes('file:') && FILE_LINE.test(source);
	}
	return lastIsSvelte;
}

/** An annotation's value: the rest of its line, without the `--->` that closes an HTML one. */
function metadataValue(rest: string): string {
	const value = rest.trim();
	return value.endsWith('--->') ? value.slice(0, -4).trim() : value;
}

/**
 * A fenced block of a post (`source`) as svelte.dev shows it: its code without the annotations, and the
 * meta string that gives Carnet its title and its added, removed and highlighted lines; undefined for a
 * block that has none, or whose post has no svelte.dev file line.
 */
export function readSvelteAnnotations(value: string, lang: string | null | undefined, meta: string | null | undefined, source: string): { value: string; meta: string | null } | undefined {
	if (OWN_SYNTAX.has((lang ?? '').toLowerCase()) || !isSveltePost(source)) return undefined;
	let file: string | undefined;
	let lines = value.split('\n').filter((line) => {
		if (!line.includes('file:') && !line.includes('link:') && !line.includes('copy:')) return true;
		const found = METADATA.exec(line);
		if (found?.[1] === 'file') file ??= metadataValue(found[2] as string);
		return !found;
	});
	if (lang === 'js' || lang === 'ts') {
		const cut = lines.findLastIndex((line) => line.trim() === '// ---cut---');
		lines = lines.slice(cut + 1).filter((line) => !TWOSLASH_LINE.test(line));
	}
	const code = lines.join('\n');
	const marked = code.includes('+++') || code.includes('---') || code.includes(':::') ? markedLines(code) : undefined;
	if (file === undefined && marked === undefined && code === value) return undefined;
	const parts = [meta ?? ''];
	if (file && !/(?:^|\s)(?:title|displayName)=/.test(meta ?? '')) parts.push(file.includes('"') ? `title='${file}'` : `title="${file}"`);
	if (marked) {
		for (const [name, numbers] of [['ins', marked.inserted], ['del', marked.deleted], ['mark', marked.highlighted]] as const) {
			if (numbers.length > 0) parts.push(`${name}={${ranges(numbers)}}`);
		}
	}
	const written = parts.join(' ').trim();
	return { value: marked ? marked.code : code, meta: written === '' ? null : written };
}

interface Part {
	text: string;
	inserted: boolean;
	deleted: boolean;
	highlighted: boolean;
}

/**
 * `code` without its markers, and its lines (1 = the first) to show as added, removed and highlighted;
 * undefined when a kind of marker does not pair up, as in code where `---` and `+++` are the code's own.
 * A line that loses text and keeps some (`foo(---a, ---b)`) is shown twice, as a diff shows it: as it
 * was, removed, and as it is, added.
 */
function markedLines(code: string): { code: string; inserted: number[]; deleted: number[]; highlighted: number[] } | undefined {
	const open = { '+++': false, '---': false, ':::': false };
	const lines: Part[][] = [[]];
	let from = 0;
	const add = (text: string) => {
		text.split('\n').forEach((piece, index) => {
			if (index > 0) lines.push([]);
			if (piece !== '') (lines.at(-1) as Part[]).push({ text: piece, inserted: open['+++'], deleted: open['---'], highlighted: open[':::'] });
		});
	};
	let count = 0;
	for (const match of code.matchAll(MARKER)) {
		const lineStart = code.lastIndexOf('\n', match.index) + 1;
		const lineEnd = code.indexOf('\n', match.index);
		if (code.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim() === match[0]) continue;
		add(code.slice(from, match.index));
		const kind = match[0] as keyof typeof open;
		open[kind] = !open[kind];
		from = match.index + 3;
		count++;
	}
	add(code.slice(from));
	// svelte.dev pairs each marker with the next of its kind.
	if (count === 0 || open['+++'] || open['---'] || open[':::']) return undefined;
	const out: string[] = [];
	const inserted: number[] = [];
	const deleted: number[] = [];
	const highlighted: number[] = [];
	const visible = (parts: Part[], test: (part: Part) => boolean) => parts.some((part) => test(part) && part.text.trim() !== '');
	const push = (parts: Part[], list?: number[]) => {
		out.push(parts.map((part) => part.text).join(''));
		list?.push(out.length);
		if (visible(parts, (part) => part.highlighted)) highlighted.push(out.length);
	};
	for (const parts of lines) {
		const added = visible(parts, (part) => part.inserted && !part.deleted);
		const removed = visible(parts, (part) => part.deleted);
		const kept = visible(parts, (part) => !part.inserted && !part.deleted);
		if (!removed) push(parts, added ? inserted : undefined);
		else if (!added && !kept) push(parts, deleted);
		else {
			push(
				parts.filter((part) => !part.inserted),
				deleted,
			);
			const now = parts.filter((part) => !part.deleted);
			if (now.some((part) => part.text.trim() !== '')) push(now, inserted);
		}
	}
	return { code: out.join('\n'), inserted, deleted, highlighted };
}

/** Ascending line numbers as ranges: `1-3,5`. */
export function ranges(numbers: readonly number[]): string {
	const written: string[] = [];
	for (let index = 0; index < numbers.length; index++) {
		const first = numbers[index] as number;
		while (numbers[index + 1] === (numbers[index] as number) + 1) index++;
		const last = numbers[index] as number;
		written.push(last === first ? `${first}` : `${first}-${last}`);
	}
	return written.join(',');
}
