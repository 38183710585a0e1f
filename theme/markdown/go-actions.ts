/**
 * The Go blog's template actions (golang/website, _content/blog/*.md, run by golang.org/x/website's
 * internal/web before the Markdown is read): `{{code "file.go" `/start/` `/end/`}}` and `{{play …}}` show
 * lines of a file beside the post, `{{raw `…`}}` puts its text into the page as written.
 */

/** A `{{code …}}` or `{{play …}}` action: its file and addresses, each a Go string (`"…"` or a raw `` `…` ``) or a number. */
export const GO_ACTION = /\{\{-?[ \t]*(code|play)[ \t]+((?:"(?:[^"\\\n]|\\.){0,1000}"|`[^`\n]{0,1000}`)(?:[ \t]+(?:"(?:[^"\\\n]|\\.){0,1000}"|`[^`\n]{0,1000}`|-?\d{1,9})){0,8})[ \t]*-?\}\}/g;

type Argument = string | number;

/** The arguments of an action, as Go's template reads them: strings (unquoted) and numbers. */
function goArguments(written: string): Argument[] | undefined {
	const values: Argument[] = [];
	for (const [, quoted, raw, number] of written.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(-?\d+)/g)) {
		if (number !== undefined) values.push(Number(number));
		else if (raw !== undefined) values.push(raw);
		else {
			try {
				values.push(JSON.parse(`"${quoted}"`) as string);
			} catch {
				return undefined;
			}
		}
	}
	return values;
}

/**
 * The fenced code block a `{{code}}` or `{{play}}` action shows, as golang.org/x/website makes it
 * (internal/web/code.go): the whole file, one line or the lines from the first address to the second,
 * inclusive, each a line number, `$` (the last line) or a `/regexp/` (the first line it matches, the second
 * searched from the line after the first); lines ending in OMIT left out, and blank lines around trimmed.
 * `// HL` comments are left out, and the lines whose comment names the action's HL argument (`HL` for
 * code) highlighted. Or why the action is not shown: `read` gives the file's text or why it cannot.
 */
export function goCodeBlock(verb: string, args: string, read: (name: string) => string | { reason: string }): string | { reason: string } {
	const values = goArguments(args);
	const [file, ...addresses] = values ?? [];
	if (typeof file !== 'string') return { reason: `Carnet could not read its arguments; write the file's lines as a fenced code block` };
	let highlight = verb === 'code' ? 'HL' : '';
	const last = addresses.at(-1);
	if (typeof last === 'string' && last.startsWith('HL')) highlight = addresses.pop() as string;
	// A number last is the first line's number to show, which Carnet's blocks do not show.
	if (typeof addresses.at(-1) === 'number') addresses.pop();
	if (addresses.length > 2) return { reason: `Go's ${verb} takes at most two addresses; write the file's lines as a fenced code block` };
	const text = read(file);
	if (typeof text !== 'string') return { reason: `${text.reason}; add the file beside the post, or write its lines as a fenced code block` };
	// Go's strings.SplitAfter: each line with its line break, and an empty last one after a final break.
	const lines = text.split('\n').map((line, index, all) => (index < all.length - 1 ? `${line}\n` : line));
	const found = (address: Argument, from: number): number | { reason: string } => {
		if (typeof address === 'number') return address >= 1 && address <= lines.length ? address : { reason: `${file} has no line ${address}` };
		if (address === '$') return lines.length;
		if (address.length > 2 && address.startsWith('/') && address.endsWith('/')) {
			let pattern: RegExp;
			// Go's flags before the expression (`(?m)}$`), which JavaScript takes apart from it.
			const flags = /^\(\?([ims]+)\)/.exec(address.slice(1, -1));
			const source = address.slice(1 + (flags?.[0].length ?? 0), -1);
			if (!isSafePattern(source)) {
				return { reason: `Carnet runs no regular expression that repeats a group, refers back to one or repeats more than once, as ${address} does (it could take hours on a long line, where Go's takes linear time); give line numbers, or write the lines as a fenced code block` };
			}
			try {
				pattern = new RegExp(source, `m${(flags?.[1] ?? '').replace(/m/g, '')}`);
			} catch {
				return { reason: `Carnet cannot read the regular expression ${address} (Go's syntax differs from JavaScript's in places); give line numbers, or write the lines as a fenced code block` };
			}
			// A line longer than MAX_MATCHED_LINE is not matched: even one repetition backtracks over it in quadratic time.
			for (let index = from; index < lines.length; index++) if ((lines[index] as string).length <= MAX_MATCHED_LINE && pattern.test(lines[index] as string)) return index + 1;
			return { reason: `no line of ${file}${from > 0 ? ` after line ${from}` : ''} matches ${address}; correct the address` };
		}
		return { reason: `Carnet reads line numbers, $ and /regexp/ as addresses, not ${JSON.stringify(address)}; write the lines as a fenced code block` };
	};
	let first = 1;
	let end = lines.length;
	if (addresses.length > 0) {
		const start = found(addresses[0] as Argument, 0);
		if (typeof start !== 'number') return start;
		first = start;
		end = start;
		if (addresses.length === 2) {
			const stop = found(addresses[1] as Argument, start);
			if (typeof stop !== 'number') return stop;
			if (stop < start) return { reason: `its lines are out of order (${start} after ${stop})` };
			end = stop;
		}
	}
	const shown = lines.slice(first - 1, end).map((line) => (line.endsWith('OMIT\n') ? '' : line));
	const code = shown.join('').replace(/^\n+|\n+$/g, '').split('\n');
	const marked: number[] = [];
	const body = code.map((line, index) => {
		const comment = /[ \t]*\/\/ ?(HL\w*)[ \t]*\r?$/.exec(line);
		if (!comment) return line;
		if (highlight !== '' && comment[1] === highlight) marked.push(index + 1);
		return line.slice(0, comment.index);
	});
	const language = /\.([a-z\d]{1,10})$/i.exec(file)?.[1]?.toLowerCase() ?? '';
	return fencedBlock(`${language}${marked.length > 0 ? ` {${marked.join(',')}}` : ''}`, body.join('\n'));
}

// The longest line an address's regular expression is tried on.
const MAX_MATCHED_LINE = 2_000;

/**
 * Whether JavaScript's backtracking engine runs `source` in about linear time, as Go's engine runs any
 * expression: no repeated group (`(a+)+`), no back-reference, and at most one repetition (`*`, `+`, `?`,
 * `{n,m}`) outside escapes and character classes. The Go blog's addresses are words and anchors (`/^func main/`).
 */
function isSafePattern(source: string): boolean {
	const bare = source.replace(/\\./g, 'x').replace(/\[(?:\\.|[^\]])*\]/g, 'x');
	if (/\)[*+?{]/.test(bare) || /\\[1-9]/.test(source)) return false;
	return (bare.match(/[*+?]|\{\d/g)?.length ?? 0) <= 1;
}

/** `code` as a fenced block, its fence longer than any run of backticks in it. */
function fencedBlock(info: string, code: string): string {
	let longest = 0;
	for (const run of code.matchAll(/`{3,}/g)) longest = Math.max(longest, run[0].length);
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return `${fence}${info}\n${code}\n${fence}`;
}

/**
 * `body` with each `{{raw `…`}}` written over lines of their own whose text is indented (a tab, or four
 * spaces) as the fenced code block Markdown reads that text as once Go has put it in, one indent less; each
 * line keeps its number. Go puts any other raw text in as written: so does Carnet, its braces kept from
 * the later passes by `keep`. `inCode` says whether an offset of `body` is in code.
 */
export function goRawBlocks(body: string, inCode: (text: string, offset: number) => boolean, keep: (text: string) => string): string {
	if (!body.includes('raw')) return body;
	return body.replace(/(^|\n)([ \t]*)\{\{-?[ \t]*raw[ \t]+`([^`]*)`[ \t]*-?\}\}(?=[ \t]*(?:\n|$))/g, (whole: string, start: string, indent: string, text: string, offset: number, all: string) => {
		if (inCode(all, offset + start.length)) return whole;
		const lines = text.split('\n');
		const code = lines.length > 2 && lines[0]?.trim() === '' && lines.at(-1)?.trim() === '' ? lines.slice(1, -1) : undefined;
		if (!code || !code.every((line) => line.trim() === '' || /^(?:\t| {4})/.test(line))) return `${start}${indent}${keep(text)}`;
		return `${start}${indent}${fencedBlock('', code.map((line) => line.replace(/^(?:\t| {1,4})/, '')).join('\n'))}`;
	});
}
