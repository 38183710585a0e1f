import yaml from 'js-yaml';
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import type { DerivedAlias } from './derived-redirects.ts';

/** A repair made to front matter that was not valid YAML as written. Lines and columns are 1-based, in the file. */
export interface FrontMatterRepair {
	line: number;
	column: number;
	key: string;
	/** What was wrong, in a sentence. */
	problem: string;
	/** The corrected line, ready to paste over the original. */
	fix: string;
	/** What Carnet read instead, when it is not the text after a quote kept as part of the value. */
	reading?: string;
	/** How to fix the file, when it is not to write `fix` over the line. */
	advice?: string;
	/** The line whose value was read, of a key written on several lines. */
	readLine?: number;
}

export interface ParsedSource {
	data: Record<string, unknown>;
	/** The text after the front matter. */
	body: string;
	/** The front matter as it was parsed (repairs applied), to locate keys for error messages. */
	frontMatter: string;
	/** The file line on which the front matter's first line sits (2 when the file starts with `---`). */
	frontMatterLine: number;
	/**
	 * The language of the front matter: YAML between `---` lines, TOML between `+++` lines (Hugo), JSON, or
	 * `metadata`, the `Key: value` lines that open a Pelican post (Python-Markdown's and MultiMarkdown's), or
	 * `pandoc`, the `%` lines of Pandoc's title block.
	 */
	format?: 'yaml' | 'toml' | 'json' | 'metadata' | 'logseq' | 'unopened' | 'pandoc' | undefined;
	/** Fields the loader filled from another key (`featured_image` from `images`), to point errors at that key's line. */
	movedKeys?: Record<string, string> | undefined;
	/** The post's part of its address when it is not its id: a Jekyll post whose id keeps the date its address need not (integration/dated-twins.ts). */
	addressSlug?: string | undefined;
	/** Old addresses read from what the post writes rather than listed by it (utils/derived-redirects.ts). */
	derivedAliases?: DerivedAlias[] | undefined;
	/** The file line on which the body starts. */
	bodyLine: number;
	repairs: FrontMatterRepair[];
	/** A mark that makes the post a draft where no key says so (Frog's `DRAFT` tag), to warn about at its line. */
	draftMark?: { line: number; written: string } | undefined;
	/**
	 * Keys left out as the engine the post was written for leaves them out (a Zola post's top-level `tags` beside
	 * its taxonomies), each with its line and what to say after it, to warn about there.
	 */
	leftOutKeys?: { line: number | undefined; message: string }[] | undefined;
}

/** Front matter that is not valid YAML and that the repairs do not cover. */
export class FrontMatterSyntaxError extends Error {
	readonly reason: string;
	readonly line: number;
	readonly column: number;
	readonly frame: string;
	/** How to fix it, when the usual advice about quoting does not apply. */
	readonly hint: string | undefined;
	readonly language: 'YAML' | 'TOML' | 'JSON';

	constructor(reason: string, line: number, column: number, frame: string, hint?: string, language: 'YAML' | 'TOML' | 'JSON' = 'YAML') {
		super(`${reason} (line ${line}, column ${column})`);
		this.reason = reason;
		this.line = line;
		this.column = column;
		this.frame = frame;
		this.hint = hint;
		this.language = language;
	}
}

const FENCE = /^---[ \t]*\r?$/;
const TOML_FENCE = /^\+\+\+[ \t]*\r?$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;
/** Hugo's JSON front matter opens the file with `{`, alone or before its first key (not an MDX comment, `{/*`). */
const JSON_OPENING = /^\{[ \t]*(?:"|\r?$)/;

/**
 * YAML's core schema, whose dates stay strings, with merge keys (`<<: *defaults`), which the YAML readers of
 * Hugo, Jekyll and Eleventy apply: without them a `draft: true` merged in would be lost, and the draft published.
 */
const FRONT_MATTER_SCHEMA = yaml.CORE_SCHEMA.extend({
	// js-yaml's own merge type (lib/type/merge.js), which its default schema has along with dates as Date objects.
	implicit: [new yaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' || data === null })],
});

/**
 * Splits a Markdown file into YAML front matter and body and parses the YAML. Dates stay strings
 * (the YAML core schema) so that the caller reads them in the site's time zone.
 *
 * One mistake that real posts contain is repaired rather than rejected: text after the closing quote of
 * a quoted value (`title: "Externalisation : …" 🌐 🤓`), which the author meant as part of the value.
 * Every repair is returned so that the caller can warn about it, or refuse it in strict mode.
 */
export function parseFrontMatter(source: string): ParsedSource {
	// A lone CR ends a line as LF does (CommonMark; files saved by classic Mac OS editors): one line each.
	// A byte-order mark is no text; a file saved twice by a tool that adds one may have two.
	const unmarked = source.replace(/^\uFEFF+/, '');
	const text = unmarked.includes('\r') ? unmarked.replace(/\r(?!\n)/g, '\n') : unmarked;
	const lines = text.split('\n');
	if (TOML_FENCE.test(lines[0] ?? '')) return parseTomlFrontMatter(lines);
	if (JSON_OPENING.test(lines[0] ?? '')) return parseJsonFrontMatter(lines);
	if (!FENCE.test(lines[0] ?? '')) {
		return parseUnopenedYaml(lines) ?? parseLogseqProperties(lines) ?? parseFrogHeader(lines) ?? parseMetadataLines(lines) ?? parsePandocTitleBlock(lines) ?? parseNikolaComment(lines) ?? parseFranklinDefs(lines) ?? { data: {}, body: text, frontMatter: '', frontMatterLine: 1, bodyLine: 1, repairs: [] };
	}
	const end = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
	if (end === -1) {
		throw new FrontMatterSyntaxError(
			'the front matter opened by "---" on line 1 is never closed; add a line "---" after its last field',
			1,
			1,
			codeFrame(lines, 1, 1),
		);
	}
	const yamlLines = lines.slice(1, end);
	const repairs: FrontMatterRepair[] = [];
	// A key written twice: Hugo, Jekyll and most YAML readers take its last value, which js-yaml does in its
	// JSON mode (its only other effect).
	let lastValueWins = false;
	for (;;) {
		try {
			const data = yaml.load(yamlLines.join('\n'), { schema: FRONT_MATTER_SCHEMA, json: lastValueWins }) ?? {};
			if (typeof data !== 'object' || Array.isArray(data)) {
				throw new FrontMatterSyntaxError('the front matter must be a list of "key: value" lines', 2, 1, codeFrame(lines, 2, 1));
			}
			checkExpandedSize(data as Record<string, unknown>, yamlLines, lines);
			// Read once the other repairs are made, which may move a line's indent (tabs).
			// A flag in two cases (`draft: false`, `Draft: true`) is one key to Hugo, which reads keys in any case.
			if (lastValueWins || flagInTwoCases(data as Record<string, unknown>)) repairs.push(...duplicateKeyRepairs(data as Record<string, unknown>, yamlLines, lines));
			const titleRepair = repairCommentTitle(data as Record<string, unknown>, yamlLines);
			if (titleRepair) repairs.push(titleRepair);
			return {
				data: data as Record<string, unknown>,
				body: lines.slice(end + 1).join('\n'),
				frontMatter: yamlLines.join('\n'),
				frontMatterLine: 2,
				bodyLine: end + 2,
				repairs,
			};
		} catch (error) {
			if (!(error instanceof yaml.YAMLException)) throw error;
			const index = error.mark.line;
			if (!lastValueWins && /duplicated mapping key/.test(error.reason)) {
				lastValueWins = true;
				continue;
			}
			const tabs = /\btab\b/i.test(error.reason) ? repairTabIndents(yamlLines) : undefined;
			if (tabs) {
				repairs.push(tabs);
				continue;
			}
			const repair = repairTextAfterQuote(yamlLines[index] ?? '');
			const alreadyRepaired = repairs.some((done) => done.line === index + 2);
			if (!repair || alreadyRepaired) {
				const dash = listItemWithoutSpace(yamlLines, index, error.reason);
				if (dash) {
					const line = dash.index + 2;
					const column = dash.column;
					const item = (yamlLines[dash.index] as string).trim();
					throw new FrontMatterSyntaxError(error.reason, line, column, codeFrame(lines, line, column), `Put a space after the dash of a list item: write - ${item.slice(1)}, not ${item}.`);
				}
				const opened = unclosedOpening(yamlLines, index, error.reason);
				if (opened) {
					const line = opened.index + 2;
					const column = opened.column;
					throw new FrontMatterSyntaxError(`${error.reason}: the ${opened.what} opened on line ${line} is never closed`, line, column, codeFrame(lines, line, column), `Close the ${opened.what} on line ${line}: ${opened.fix}.`);
				}
				const line = index + 2;
				const column = error.mark.column + 1;
				throw new FrontMatterSyntaxError(error.reason, line, column, codeFrame(lines, line, column), yamlHint(error.reason));
			}
			yamlLines[index] = repair.fix;
			repairs.push({ ...repair, line: index + 2 });
		}
	}
}

// `key:: value`, a space after the colons: `std::move is a cast` is prose.
const LOGSEQ_PROPERTY = /^([A-Za-z0-9][\w-]*)::(?:[ \t]+(.*?))?[ \t]*\r?$/;

/**
 * A Logseq page's properties, `key:: value` lines that open the file (its first block), up to the first line
 * of another shape. Keys are read in lower case and values are text (post-engines.ts reads `tags` and
 * `public`). Undefined for a file that does not open with one.
 */
function parseLogseqProperties(lines: readonly string[]): ParsedSource | undefined {
	if (!LOGSEQ_PROPERTY.test(lines[0] ?? '')) return undefined;
	const data: Record<string, string> = {};
	const written: string[] = [];
	let end = 0;
	for (; end < lines.length; end++) {
		const property = LOGSEQ_PROPERTY.exec(lines[end] as string);
		if (!property) break;
		const key = (property[1] as string).toLowerCase();
		data[key] = property[2] ?? '';
		written.push(`${key}:`);
	}
	const blank = (lines[end] ?? '').trim() === '' ? 1 : 0;
	return { data, body: lines.slice(end + blank).join('\n'), frontMatter: written.join('\n'), frontMatterLine: 1, bodyLine: end + blank + 1, format: 'logseq', repairs: [] };
}

const METADATA_LINE = /^([A-Za-z0-9][\w-]*):[ \t]*(.*?)[ \t]*\r?$/;
const METADATA_CONTINUATION = /^(?: {4,}|\t)[ \t]*(\S.*?)[ \t]*\r?$/;

/**
 * Front matter that Hexo reads without its opening `---` (hexo-front-matter; every post of Hexo's own theme
 * unit test is written so): YAML `key: value` lines from the first, up to a `---` line, with no blank line
 * between. Undefined unless they read as YAML fields that give a title or a date, so that a post whose
 * first paragraph is followed by a rule (`Note: …` then `---`) stays a post.
 */
function parseUnopenedYaml(lines: readonly string[]): ParsedSource | undefined {
	if (!/^[a-z_][\w-]*[ \t]*:/.test(lines[0] ?? '')) return undefined;
	const end = lines.findIndex((line, index) => index > 0 && (CLOSING_FENCE.test(line) || line.trim() === ''));
	if (end === -1 || end > 100 || !CLOSING_FENCE.test(lines[end] as string)) return undefined;
	let data: unknown;
	try {
		data = yaml.load(lines.slice(0, end).join('\n'), { schema: FRONT_MATTER_SCHEMA });
	} catch {
		return undefined;
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data) || !('title' in data || 'date' in data)) return undefined;
	checkExpandedSize(data as Record<string, unknown>, lines.slice(0, end), lines);
	return { data: data as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), frontMatter: lines.slice(0, end).join('\n'), frontMatterLine: 1, bodyLine: end + 2, format: 'unopened', repairs: [] };
}

/**
 * A Pelican post's metadata, `Key: value` lines up to the first blank line (Python-Markdown's Meta-Data,
 * MultiMarkdown's), a line indented by four spaces continuing the value above it. Keys are read in lower
 * case (`Title` is `title`) and values are text; an empty one is absent. Undefined unless every line of the
 * block has that shape and one of them is a title, which Pelican requires: a post that opens with `Note: …`
 * is not metadata.
 */
function parseMetadataLines(lines: readonly string[]): ParsedSource | undefined {
	if (!METADATA_LINE.test(lines[0] ?? '')) return undefined;
	const data: Record<string, string> = {};
	const written: string[] = [];
	let key: string | undefined;
	let end = 0;
	for (; end < lines.length; end++) {
		const line = lines[end] as string;
		if (line.trim() === '' || BEAR_SEPARATOR.test(line)) break;
		const field = METADATA_LINE.exec(line);
		const continuation = field ? undefined : METADATA_CONTINUATION.exec(line);
		if (field) {
			key = (field[1] as string).toLowerCase();
			data[key] = field[2] as string;
			written.push(`${key}:`);
		} else if (continuation && key !== undefined) {
			data[key] = `${data[key]} ${continuation[1]}`.trim();
			written.push('');
		} else return undefined;
	}
	if (data.title === undefined) return undefined;
	// A key left empty (`Slug:`, `Tags:`) is absent, as Nikola's are: an empty slug would name the page after its file.
	for (const [name, value] of Object.entries(data)) if (value === '') delete data[name];
	// Bear Blog's header ends with a line of underscores, after a blank line or not. Its keys are in lower
	// case: a Pelican post (`Title:`) whose body opens with a rule keeps it.
	const next = lines.slice(end).findIndex((line) => line.trim() !== '');
	const bear = next !== -1 && BEAR_SEPARATOR.test(lines[end + next] as string) && lines.slice(0, end).every((line) => !/^[A-Z]/.test(line));
	const bodyStart = bear ? end + next + 1 : end + 1;
	return {
		data,
		body: lines.slice(bodyStart).join('\n'),
		// The keys in lower case, one a line, for lineOfKey().
		frontMatter: written.join('\n'),
		frontMatterLine: 1,
		bodyLine: bodyStart + 1,
		format: 'metadata',
		repairs: [],
		...(bear ? { movedKeys: readBearAttributes(data) } : {}),
	};
}

// A line of Pandoc's title block: `% text`, or `%` alone for a field left empty; not Obsidian's `%%` comment.
const PANDOC_TITLE_LINE = /^%(?:[ \t]+(.*?))?[ \t]*\r?$/;
const PANDOC_KEYS = ['title', 'authors', 'date'] as const;

/**
 * Pandoc's title block (its pandoc_title_block extension): up to three `%` lines opening the file, the title,
 * the authors parted by semicolons and the date, any of them left empty by a `%` alone. A line indented by a
 * space continues the title (its words joined by a space) or the authors (one more author). Undefined for a
 * file that does not open with one.
 */
function parsePandocTitleBlock(lines: readonly string[]): ParsedSource | undefined {
	if (!PANDOC_TITLE_LINE.test(lines[0] ?? '')) return undefined;
	const fields: string[][] = [];
	const written: string[] = [];
	let end = 0;
	for (; end < lines.length; end++) {
		const line = (lines[end] as string).replace(/\r$/, '');
		const field = fields.length < PANDOC_KEYS.length ? PANDOC_TITLE_LINE.exec(line) : null;
		// Pandoc's date is one line.
		const continued = !field && fields.length > 0 && fields.length < PANDOC_KEYS.length && /^[ \t]+\S/.test(line);
		if (!field && !continued) break;
		const text = field ? (field[1] ?? '') : line.trim();
		if (field) fields.push(text === '' ? [] : [text]);
		else fields.at(-1)?.push(text);
		written.push(field && text !== '' ? `${PANDOC_KEYS[fields.length - 1]}:` : '');
	}
	const [title = [], authors = [], date = []] = fields;
	const data: Record<string, unknown> = {};
	if (title.length > 0) data.title = title.join(' ');
	const names = authors.flatMap((part) => part.split(';')).map((name) => name.trim()).filter((name) => name !== '');
	if (names.length > 0) data.authors = names;
	if (date.length > 0) data.date = date[0];
	return { data, body: lines.slice(end).join('\n'), frontMatter: written.join('\n'), frontMatterLine: 1, bodyLine: end + 1, format: 'pandoc', repairs: [] };
}

// A line of Frog's post header: one of its keys, indented as a code block (`    Title: Hello Frog`, `    Title:Submodules`).
const FROG_LINE = /^(?: {4}|\t)(Title|Date|Tags|Authors):(.*)$/;

/**
 * The header of a post of Frog, Racket's blog generator: `Title:`, `Date:`, `Tags:` and `Authors:` lines indented
 * by four spaces, at the start of the file or after one blank line, up to a blank line. They are read as Pelican's
 * metadata lines are (tags and authors split on commas, the date in the site's time zone). Undefined unless
 * every line up to the blank one is such a line and one is the title: an indented code block that opens a post
 * (`    make build`, `    Note: …`) is the post's.
 */
function parseFrogHeader(lines: readonly string[]): ParsedSource | undefined {
	const start = (lines[0] ?? '').trim() === '' ? 1 : 0;
	if (!FROG_LINE.test(lines[start] ?? '')) return undefined;
	const data: Record<string, unknown> = {};
	const written: string[] = [];
	let draftMark: ParsedSource['draftMark'];
	let end = start;
	for (; end < lines.length && (lines[end] as string).trim() !== ''; end++) {
		const field = FROG_LINE.exec(lines[end] as string);
		if (!field) return undefined;
		const key = (field[1] as string).toLowerCase();
		data[key] = (field[2] as string).trim();
		written.push(`${key}:`);
		// Frog generates no page for a post tagged DRAFT, in capitals, as its manual says: the tag marks a draft
		// and is none of the post's tags.
		const tags = key === 'tags' ? (data[key] as string).split(',').map((tag) => tag.trim()) : [];
		if (tags.includes('DRAFT')) {
			data[key] = tags.filter((tag) => tag !== 'DRAFT').join(', ');
			data.draft = true;
			draftMark = { line: end + 1, written: `Tags: ${(field[2] as string).trim()}` };
		}
	}
	if (!data.title) return undefined;
	return {
		data,
		body: lines.slice(end + 1).join('\n'),
		frontMatter: written.join('\n'),
		frontMatterLine: start + 1,
		bodyLine: end + 2,
		format: 'metadata',
		repairs: [],
		...(draftMark ? { draftMark, movedKeys: { draft: 'tags' } } : {}),
	};
}

// Franklin.jl's page variables, as the Julia blog writes them: `@def title = "…"`, one a line, before the text.
// Its value is read to the end of the line and trimmed after: a lazy `.*?` before `[ \t]*$` would scan a long
// run of spaces again from each of them.
const FRANKLIN_DEF = /^@def[ \t]+([A-Za-z_]\w*)[ \t]*=(.*)$/;

/**
 * A Franklin.jl page's `@def` lines (blank lines and HTML comments among them), read as front matter: their
 * Julia values as YAML's (strings, triple-quoted ones over several lines too, numbers, booleans,
 * `Date(2024, 5, 3)`, vectors of strings), and Franklin's `rss` (or `rss_description`) as the description
 * and `rss_pubdate` as the date when the page has none. Undefined when the file does not open with one.
 */
function parseFranklinDefs(lines: readonly string[]): ParsedSource | undefined {
	if (!FRANKLIN_DEF.test(lines[0] ?? '')) return undefined;
	const data: Record<string, unknown> = {};
	const written: string[] = [];
	let index = 0;
	for (; index < lines.length; index++) {
		const line = lines[index] as string;
		const def = FRANKLIN_DEF.exec(line);
		if (def) {
			let value = withoutJuliaComment((def[2] as string).trim());
			written.push(`${def[1]}:`);
			// A triple-quoted string runs to the line that ends it.
			if (value.startsWith('"""') && (value.length < 6 || !value.endsWith('"""'))) {
				for (let next = index + 1; next < lines.length && next < index + 200; next++) {
					if (!(lines[next] as string).includes('"""')) continue;
					for (let at = index + 1; at <= next; at++) written.push('');
					value = [value, ...lines.slice(index + 1, next + 1).map((more) => more.replace(/\r$/, ''))].join('\n').trimEnd();
					index = next;
					break;
				}
			}
			data[def[1] as string] = juliaValue(value);
		} else if (line.trim() === '') written.push('');
		else if (line.trimStart().startsWith('<!--')) {
			// A comment among the definitions, as the Julia blog leaves notes between them.
			let end = index;
			while (end < lines.length - 1 && !(lines[end] as string).includes('-->')) end++;
			for (let at = index; at <= end; at++) written.push('');
			index = end;
		} else break;
	}
	for (const key of ['rss', 'rss_description']) {
		if (typeof data[key] === 'string' && data.description === undefined) data.description = data[key];
		delete data[key];
	}
	if (data.rss_pubdate !== undefined && data.date === undefined) data.date = data.rss_pubdate;
	delete data.rss_pubdate;
	return { data, body: lines.slice(index).join('\n'), frontMatter: written.join('\n'), frontMatterLine: 1, bodyLine: index + 1, format: 'metadata', repairs: [] };
}

// A Julia value TOML has no such thing as: a date (`Date(2024, 10, 4)`), or a call.
const JULIA_CALL = /^[ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*(?:Dates\.)?(?:Date|DateTime)\(/;

/**
 * The data of a Franklin.jl page's `+++` block (`lines`, without the fences) when it holds Julia that TOML
 * refuses (`rss_pubdate = Date(2024, 10, 04)`): each `key = value` line read as Franklin's `@def` line is
 * (parseFranklinDefs()); undefined for a block with no such value, whose TOML error is the one to tell.
 */
function franklinBlock(lines: readonly string[]): Pick<ParsedSource, 'data' | 'frontMatter' | 'repairs'> | undefined {
	if (!lines.some((line) => JULIA_CALL.test(line))) return undefined;
	const defs: string[] = [];
	let inText = false;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		const quotes = line.split('"""').length - 1;
		// A line inside a triple-quoted string is part of its value, whatever it looks like.
		if (inText) {
			defs.push(line);
			if (quotes % 2 === 1) inText = false;
			continue;
		}
		const def = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(.*)$/.exec(line);
		if (!def) {
			defs.push(line.trim() === '' || line.trimStart().startsWith('#') ? '' : line);
			continue;
		}
		let value = withoutJuliaComment((def[2] as string).trim());
		// A vector over several lines (`tags = ["julia",` … `"optimization"]`) is read whole, on its first line.
		let last = index;
		while (value.startsWith('[') && !value.endsWith(']') && last + 1 < lines.length && last - index < 50) value += ` ${(lines[++last] as string).trim()}`;
		if (quotes % 2 === 1) inText = true;
		// Only values Franklin's `@def` lines are read as: any other is no Julia Carnet reads, and TOML's error stands.
		else if (!JULIA_VALUE.test(value)) return undefined;
		defs.push(`@def ${def[1]} = ${value}`);
		for (; index < last; index++) defs.push('');
	}
	const parsed = parseFranklinDefs(defs);
	if (!parsed || parsed.bodyLine <= lines.length) return undefined;
	return { data: parsed.data, frontMatter: lines.join('\n'), repairs: [] };
}

// A value of Franklin's `@def` lines: text, a number, a boolean, a date, a vector (of text, whose strings may hold brackets).
const JULIA_VALUE = /^(?:"""[\s\S]*"""|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e-?\d+)?|true|false|nothing|(?:Dates\.)?(?:Date|DateTime)\([\d\s,]*\)|\[(?:[^[\]"\n]|"(?:[^"\\\n]|\\.)*")*\])$/;
const JULIA_NUMBER = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/;

/**
 * `value` without the comment that may end it (`"T" # the title`): from the first `#` after white space that
 * follows the last quote, the white space before it too. In linear time.
 */
function withoutJuliaComment(value: string): string {
	for (let at = value.indexOf('#', value.lastIndexOf('"') + 1); at !== -1; at = value.indexOf('#', at + 1)) {
		if (at > 0 && /\s/.test(value.charAt(at - 1))) return value.slice(0, at).trimEnd();
	}
	return value;
}

/** The text of a Julia string as written between its quotes: `\\n` a line break, `\\t` a tab, another escaped character itself. */
function juliaText(written: string): string {
	return written.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : char));
}

/** A Julia literal as Franklin's `@def` writes it, as the value YAML would give; anything else as written. */
function juliaValue(written: string): unknown {
	const triple = /^"""\r?\n?([\s\S]*?)"""$/.exec(written);
	if (triple) return (triple[1] as string).trim();
	const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(written);
	if (quoted) return juliaText(quoted[1] as string);
	if (/^(?:true|false)$/.test(written)) return written === 'true';
	if (written === 'nothing') return null;
	if (JULIA_NUMBER.test(written)) return Number(written);
	const date = /^(?:Dates\.)?(Date|DateTime)\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*((?:,\s*\d{1,2}\s*){0,3})\)$/.exec(written);
	if (date) {
		const day = `${date[2]}-${(date[3] as string).padStart(2, '0')}-${(date[4] as string).padStart(2, '0')}`;
		const time = [...(date[5] as string).matchAll(/\d+/g)].map(([part]) => part.padStart(2, '0'));
		// DateTime(2022, 9, 28, 10, 0, 0): its hour, minutes and seconds, in the site's time zone.
		return date[1] === 'DateTime' && time.length > 0 ? `${day} ${[...time, '00', '00'].slice(0, 3).join(':')}` : day;
	}
	const vector = /^\[(.*)\]$/.exec(written);
	if (vector) {
		// Each item a string or a number (`["julia", 2]`); a vector of anything else is kept as written.
		const items: unknown[] = [];
		for (const [, text, other] of (vector[1] as string).matchAll(/"((?:[^"\\]|\\.)*)"|([^",]+)/g)) {
			if (text !== undefined) items.push(juliaText(text));
			else if (JULIA_NUMBER.test((other as string).trim())) items.push(Number((other as string).trim()));
			else if ((other as string).trim() !== '') return written;
		}
		return items;
	}
	return written;
}

// The line of underscores that ends a Bear Blog post's attributes.
const BEAR_SEPARATOR = /^_{3,}[ \t]*\r?$/;

/**
 * Bear Blog's attributes as Carnet's fields: its `link` is the post's slug (not an address), `meta_description` its
 * description and `alias` an old address from the site's root; gives the keys moved, for lineOfKey(). A field also written under
 * Carnet's own name is left as written. `meta_image`, the picture that links to the post show elsewhere,
 * is kept as written: no part of its page shows it.
 */
function readBearAttributes(data: Record<string, string>): Record<string, string> {
	const moved: Record<string, string> = {};
	for (const [bear, carnet] of [['link', 'slug'], ['meta_description', 'description'], ['alias', 'aliases']] as const) {
		const value = data[bear];
		if (value === undefined || data[carnet] !== undefined || (bear === 'link' && /[:/]/.test(value))) continue;
		// An alias is an address from the site's root (`2012/01/02/cool-post.html`).
		data[carnet] = bear === 'alias' ? value.split(',').map((alias) => `/${alias.trim().replace(/^\/+/, '')}`).join(', ') : value;
		delete data[bear];
		moved[carnet] = bear;
	}
	return moved;
}

const NIKOLA_LINE = /^[ \t]*\.\.[ \t]+([A-Za-z][\w-]*):[ \t]*(.*?)[ \t]*\r?$/;

/**
 * Nikola's metadata in a Markdown post: a comment that opens the file, one `.. key: value` a line
 * (`.. title: Hello`, `.. date: 2012-09-15 19:52:05 UTC-03:00`, `.. tags: a, b`), read as Pelican's lines
 * are. Empty values are absent. Undefined for a file that does not open so, or whose comment has no title.
 */
function parseNikolaComment(lines: readonly string[]): ParsedSource | undefined {
	if ((lines[0] ?? '').trim() !== '<!--' || !NIKOLA_LINE.test(lines[1] ?? '')) return undefined;
	const data: Record<string, string> = {};
	const written: string[] = ['<!--'];
	for (let end = 1; end < lines.length; end++) {
		const line = lines[end] as string;
		if (line.trim() === '-->') {
			if (data.title === undefined) return undefined;
			return { data, body: lines.slice(end + 1).join('\n'), frontMatter: written.join('\n'), frontMatterLine: 1, bodyLine: end + 2, format: 'metadata', repairs: [] };
		}
		const field = NIKOLA_LINE.exec(line);
		if (!field) return undefined;
		const key = (field[1] as string).toLowerCase();
		written.push(`${key}:`);
		// Nikola's `type` (text, micro) says how Nikola's own templates show the post.
		if (field[2] !== '' && key !== 'type') data[key] = field[2] as string;
	}
	return undefined;
}

/**
 * The values of `keys` as their author wrote them, where YAML read them as numbers or booleans
 * (`title: 1.10` is the number 1.1, `slug: 007` the number 7, `tags: [3.10]` the number 3.1): their text,
 * from a second reading of the YAML in which every value is text. Other keys, and TOML, whose numbers are
 * written as numbers on purpose, are left alone.
 */
export function scalarsAsWritten(source: ParsedSource, keys: Iterable<string>): Record<string, unknown> {
	if (source.format !== undefined && source.format !== 'yaml') return {};
	const typed = (value: unknown) => typeof value === 'number' || typeof value === 'boolean';
	const wanted = [...keys].filter((key) => {
		const value = source.data[key];
		return typed(value) || (Array.isArray(value) && value.some(typed));
	});
	if (wanted.length === 0) return {};
	let plain: unknown;
	try {
		plain = yaml.load(source.frontMatter, { schema: yaml.FAILSAFE_SCHEMA });
	} catch {
		return {};
	}
	if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return {};
	const result: Record<string, unknown> = {};
	for (const key of wanted) {
		const value = source.data[key];
		const written = (plain as Record<string, unknown>)[key];
		if (typed(value) && typeof written === 'string') result[key] = written;
		else if (Array.isArray(value) && Array.isArray(written) && written.length === value.length) {
			result[key] = value.map((item: unknown, index) => (typed(item) && typeof written[index] === 'string' ? written[index] : item));
		}
	}
	return result;
}

/**
 * Hugo's TOML front matter, between `+++` lines. TOML dates become their text (`2024-02-03`,
 * `2024-02-03T10:30:00`, `2024-02-03T10:30:00+01:00`), as YAML dates stay strings, so that the loader
 * reads the ones without an offset in the site's time zone.
 */
function parseTomlFrontMatter(lines: readonly string[]): ParsedSource {
	const end = lines.findIndex((line, index) => index > 0 && TOML_FENCE.test(line));
	if (end === -1) {
		throw new FrontMatterSyntaxError(
			'the front matter opened by "+++" on line 1 is never closed; add a line "+++" after its last field',
			1,
			1,
			codeFrame(lines, 1, 1),
			undefined,
			'TOML',
		);
	}
	// Without the carriage returns of a file saved with Windows line ends: smol-toml refuses a document that ends in one.
	const tomlLines = lines.slice(1, end).map((line) => line.replace(/\r$/, ''));
	let data: Record<string, unknown>;
	try {
		data = parseToml(tomlLines.join('\n'));
	} catch (error) {
		if (!(error instanceof TomlError)) throw error;
		// Franklin.jl's `+++` block is Julia, whose `Date(2024, 10, 4)` TOML refuses: read as its `@def` lines are.
		const julia = franklinBlock(tomlLines);
		if (julia) return { ...julia, body: lines.slice(end + 1).join('\n'), frontMatterLine: 2, bodyLine: end + 2, format: 'toml' };
		const line = error.line + 1;
		const written = tomlLines[error.line - 1] ?? '';
		// smol-toml reads the line end after a quote that nothing closes as a control character in the text.
		const quote = /control characters|unfinished string/i.test(error.message) ? /=\s*(["'])(?:(?!\1).)*$/.exec(written)?.[1] : undefined;
		const reason = quote
			? `the value on this line opens with ${quote} and has no closing ${quote} before the line ends`
			: (/^Invalid TOML document: ([^\n]*)/.exec(error.message)?.[1] ?? error.message).trim();
		throw new FrontMatterSyntaxError(
			reason,
			line,
			error.column,
			codeFrame(lines, line, error.column),
			quote
				? `End the value with ${quote} on the same line (title = ${quote}My post${quote}); text over several lines goes between ${quote.repeat(3)} and ${quote.repeat(3)}.`
				: 'Fix the TOML on that line: text values are quoted (title = "My post"), lists are written ["a", "b"].',
			'TOML',
		);
	}
	return {
		data: datesAsText(data) as Record<string, unknown>,
		body: lines.slice(end + 1).join('\n'),
		frontMatter: tomlLines.join('\n'),
		frontMatterLine: 2,
		bodyLine: end + 2,
		format: 'toml',
		repairs: [],
	};
}

/**
 * The line (0-based) that closes the JSON front matter opening `lines`, if the file opens with one and it
 * closes: what integration/post-text.ts cleans before it is parsed.
 */
export function jsonFrontMatterEnd(lines: readonly string[]): number | undefined {
	return JSON_OPENING.test(lines[0] ?? '') ? closingLine(lines).line : undefined;
}

/**
 * Hugo's JSON front matter: an object that opens the file, up to the first line ending in `}` after which
 * the JSON is whole. Dates are strings in JSON already.
 */
function parseJsonFrontMatter(lines: readonly string[]): ParsedSource {
	const jsonLines = lines.map((line) => line.replace(/\r$/, ''));
	const end = closingLine(jsonLines);
	let problem = end.problem ?? { reason: 'the front matter opened by "{" on line 1 is never closed', line: 1, column: 1 };
	if (end.line !== undefined) {
		const json = jsonLines.slice(0, end.line + 1).join('\n');
		try {
			const data: unknown = JSON.parse(json);
			if (data && typeof data === 'object' && !Array.isArray(data)) {
				const twice = repeatedKey(jsonLines.slice(0, end.line + 1));
				if (twice) {
					throw new FrontMatterSyntaxError(
						`"${twice.key}" is written twice, first on line ${twice.first}; JSON keeps only the last`,
						twice.line,
						twice.column,
						codeFrame(lines, twice.line, twice.column),
						`Keep one of the two "${twice.key}" fields (merge their values if both matter), as YAML and TOML front matter must.`,
						'JSON',
					);
				}
				// Keys one per line, without their indent, for lineOfKey().
				const frontMatter = jsonLines.slice(0, end.line + 1).map((line) => line.trimStart());
				return { data: data as Record<string, unknown>, body: lines.slice(end.line + 1).join('\n'), frontMatter: frontMatter.join('\n'), frontMatterLine: 1, bodyLine: end.line + 2, format: 'json', repairs: [] };
			}
		} catch (error) {
			if (error instanceof FrontMatterSyntaxError) throw error;
			problem = jsonErrorPlace(error as Error, json);
		}
	}
	const { reason, line, column } = problem;
	throw new FrontMatterSyntaxError(
		reason,
		line,
		column,
		codeFrame(lines, line, column),
		'Fix the JSON on that line: keys and text values are in double quotes, fields are separated by commas, and a line "}" closes the front matter.',
		'JSON',
	);
}

/** What to type instead, for the YAML errors whose reason does not say. */
/**
 * A list item written without a space after its dash (`-uniapp` under `- vue`), on the line YAML stopped at
 * (its 0-based `index` among `yamlLines`, with YAML's `reason`) or the one before: YAML reads it as text going
 * on to the next line, and stops there, a line after the one to fix. Its index and the dash's 1-based column, or undefined.
 */
function listItemWithoutSpace(yamlLines: readonly string[], index: number, reason: string): { index: number; column: number } | undefined {
	// The line before only where YAML took it as the first line of a key: a value may go on with `-x` (`a\n  -b`).
	for (const at of /multiline key/.test(reason) ? [index, index - 1] : [index]) {
		const found = /^([ \t]*)-[^\s-]/.exec(yamlLines[at] ?? '');
		if (found) return { index: at, column: (found[1] as string).length + 1 };
	}
	return undefined;
}

// What js-yaml says when a quote or a bracket is still open where it gives up, at a later line.
const UNCLOSED_REASON = /within a (?:double|single) quoted scalar|within a flow collection|missed comma between flow collection entries|end of the stream within/;
// A value on a key's line, or a list item, that opens with a quote or a bracket: `title: "My post`, `- [a, b`.
const OPENED_VALUE = /^(\s*(?:-\s+)?(?:[^\s:#"'[{][^:#]*:[ \t]+|-[ \t]+))(["'[{])(.*)$/;

/**
 * The line (0-based in `lines`) and column (1-based) of the quote or bracket a value opens and never closes, at
 * or before line `index`, where js-yaml gave up (the end of the front matter, or the next key): `title: "Fresh`
 * is reported on its own line rather than at the closing ---. Undefined unless the reason is such a one.
 */
function unclosedOpening(lines: readonly string[], index: number, reason: string): { index: number; column: number; what: string; fix: string } | undefined {
	if (!UNCLOSED_REASON.test(reason)) return undefined;
	for (let at = Math.min(index, lines.length - 1); at >= 0; at--) {
		const match = OPENED_VALUE.exec(lines[at] as string);
		if (!match) continue;
		const [, before = '', opening = '', rest = ''] = match;
		if (isClosed(opening, rest)) continue;
		const closing = opening === '[' ? ']' : opening === '{' ? '}' : opening;
		const what = opening === '"' || opening === "'" ? 'quote' : 'bracket';
		return { index: at, column: before.length + 1, what, fix: `${before.trim()} ${opening}${rest.trimEnd()}${closing}` };
	}
	return undefined;
}

/** Whether the value after `opening` (a quote or a bracket) closes it on the same line. */
function isClosed(opening: string, rest: string): boolean {
	if (opening === '"') return /^(?:[^"\\]|\\.)*"/.test(rest);
	if (opening === "'") return /^(?:[^']|'')*'(?!')/.test(rest);
	let depth = 1;
	let quote: string | undefined;
	for (let position = 0; position < rest.length; position++) {
		const char = rest[position] as string;
		if (quote) {
			if (char === '\\' && quote === '"') position++;
			else if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '[' || char === '{') depth++;
		else if (char === ']' || char === '}') depth--;
		if (depth === 0) return true;
	}
	return false;
}

function yamlHint(reason: string): string | undefined {
	// Editors that indent with tabs.
	if (/\btab\b/i.test(reason)) return 'Indent that line with spaces: YAML does not allow tabs in indentation.';
	if (/duplicated mapping key/.test(reason)) return 'The key on this line is written earlier in the same mapping: keep one of the two.';
	if (/unknown tag/.test(reason)) return 'Remove the tag (the word starting with "!" before the value): front matter holds text, numbers, dates, lists and maps, and Carnet reads no other YAML type.';
	return undefined;
}

/** The first key of the top-level object written a second time, with where (1-based) it and its first are. */
function repeatedKey(lines: readonly string[]): { key: string; line: number; column: number; first: number } | undefined {
	const seen = new Map<string, number>();
	let depth = 0;
	for (const [index, text] of lines.entries()) {
		for (let position = 0; position < text.length; position++) {
			const char = text[position];
			if (char === '{' || char === '[') depth++;
			else if (char === '}' || char === ']') depth--;
			else if (char === '"') {
				let end = position + 1;
				while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
				if (depth === 1 && /^\s*:/.test(text.slice(end + 1))) {
					const key = JSON.parse(text.slice(position, end + 1)) as string;
					const first = seen.get(key);
					if (first !== undefined) return { key, line: index + 1, column: position + 1, first };
					seen.set(key, index + 1);
				}
				position = end;
			}
		}
	}
	return undefined;
}

/** How deep front matter may nest, as js-yaml's maxDepth allows YAML and smol-toml TOML. */
const MAX_JSON_DEPTH = 100;

/**
 * The line (0-based) that closes the object opening the file: the first line ending in "}" at which the
 * brackets outside strings are balanced. One pass, where trying JSON.parse at every line ending in "}"
 * took minutes on a long body of code when the front matter had a typo. Also where the JSON nests deeper
 * than MAX_JSON_DEPTH: JSON.parse reads 10,000 nested brackets, but the code that walks front matter
 * after it (removing invisible characters, the schema) recurses once per level and overflowed the stack.
 */
function closingLine(lines: readonly string[]): { line?: number; problem?: { reason: string; line: number; column: number } } {
	let depth = 0;
	for (const [index, text] of lines.entries()) {
		// A JSON string does not span lines: one left open ends with its line.
		let inString = false;
		for (let position = 0; position < text.length; position++) {
			const char = text[position];
			if (inString) {
				if (char === '\\') position++;
				else if (char === '"') inString = false;
			} else if (char === '"') inString = true;
			else if (char === '{' || char === '[') {
				if (++depth > MAX_JSON_DEPTH) return { problem: { reason: `nesting exceeds ${MAX_JSON_DEPTH} levels`, line: index + 1, column: position + 1 } };
			} else if (char === '}' || char === ']') depth--;
		}
		if (depth <= 0 && /\}\s*$/.test(text)) return { line: index };
	}
	return {};
}

/** V8 says where JSON.parse stopped as "at position N" (and, in recent versions, "(line L column C)"). */
function jsonErrorPlace(error: Error, json: string): { reason: string; line: number; column: number } {
	const reason = error.message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/^Unexpected token '(.)', .*$/s, "unexpected '$1'");
	const position = Number(/at position (\d+)/.exec(error.message)?.[1] ?? json.length);
	const before = json.slice(0, position).split('\n');
	return { reason, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function datesAsText(value: unknown): unknown {
	if (value instanceof TomlDate) return value.toISOString();
	if (Array.isArray(value)) return value.map(datesAsText);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, datesAsText(item)]));
	return value;
}

/** Values front matter may hold once YAML aliases are expanded; real posts hold a few dozen. */
export const MAX_FRONT_MATTER_VALUES = 10_000;

/**
 * Refuses front matter that holds more values than any post does, written out or repeated by aliases (`*name`,
 * repeating what `&name` defined). js-yaml shares aliased values rather than copying them, but everything
 * downstream (the schema, the data store) copies them: nine aliases of nine aliases (a "billion laughs")
 * would exhaust memory.
 */
function checkExpandedSize(data: Record<string, unknown>, yamlLines: readonly string[], lines: readonly string[]): void {
	const sizes = new Map<object, number>();
	let total = 0;
	for (const [key, value] of Object.entries(data)) {
		const counted = sizes.size;
		const size = expandedSize(value, sizes);
		total += size;
		if (total <= MAX_FRONT_MATTER_VALUES) continue;
		const index = Math.max(0, yamlLines.findIndex((line) => line.startsWith(`${key}:`)));
		const limit = MAX_FRONT_MATTER_VALUES.toLocaleString('en');
		// Fewer lists and maps than its size counts them: some are repeated, by aliases.
		const aliased = sizes.size - counted < countObjects(value);
		throw new FrontMatterSyntaxError(
			aliased
				? `the value of "${key}" repeats YAML aliases (*name) until the front matter holds more than ${limit} values`
				: `the value of "${key}" makes the front matter hold more than ${limit} values, more than Carnet reads in a post`,
			index + 2,
			1,
			codeFrame(lines, index + 2, 1),
			aliased
				? 'An alias repeats the value defined with &name. Write the values out, or use fewer aliases.'
				: `Keep the post's front matter under ${limit} values: a post's tags, authors and lists are a few dozen.`,
		);
	}
}

/** The lists and maps of `value` as a reader would count them, each alias counted again (bounded: a bomb stops early). */
function countObjects(value: unknown, budget = { left: MAX_FRONT_MATTER_VALUES * 2 }): number {
	if (!value || typeof value !== 'object' || budget.left-- <= 0) return 0;
	let count = 1;
	for (const item of Array.isArray(value) ? value : Object.values(value)) count += countObjects(item, budget);
	return count;
}

// Sizes are memoised by identity, so that counting an alias bomb takes as long as reading it.
function expandedSize(value: unknown, sizes: Map<object, number>): number {
	if (!value || typeof value !== 'object') return 1;
	const known = sizes.get(value);
	if (known !== undefined) return known;
	sizes.set(value, Number.POSITIVE_INFINITY);
	let size = 1;
	for (const item of Array.isArray(value) ? value : Object.values(value)) size += expandedSize(item, sizes);
	sizes.set(value, size);
	return size;
}

const QUOTED_WITH_TRAILING_TEXT =
	/^(?<head>\s*(?<key>[^\s#:][^:]*?):\s+)(?:"(?<double>(?:[^"\\]|\\.)*)"|'(?<single>(?:[^']|'')*)')(?<gap>[ \t]+)(?<tail>[^\s#].*?)\s*\r?$/u;

/** `key: "quoted" more text` → `key: "quoted more text"`, or undefined if the line has another shape. */
function repairTextAfterQuote(line: string): Omit<FrontMatterRepair, 'line'> | undefined {
	const match = QUOTED_WITH_TRAILING_TEXT.exec(line);
	const groups = match?.groups;
	if (!groups?.head || !groups.key || !groups.gap || !groups.tail) return undefined;
	const quoted = groups.double !== undefined ? `"${groups.double}"` : `'${groups.single}'`;
	const fix =
		groups.double !== undefined
			? `${groups.head}"${groups.double}${groups.gap}${groups.tail.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
			: `${groups.head}'${groups.single}${groups.gap}${groups.tail.replace(/'/g, "''")}'`;
	return {
		column: groups.head.length + quoted.length + groups.gap.length + 1,
		key: groups.key,
		problem: `text after the closing quote of "${groups.key}"`,
		fix: fix.trim(),
	};
}

/**
 * Lines indented with tabs, which YAML refuses and Hexo reads as two spaces each (its escapeYAML): indented
 * so, as one repair named by the first such line; undefined when no line starts with a tab.
 */
function repairTabIndents(yamlLines: string[]): FrontMatterRepair | undefined {
	let first: number | undefined;
	for (const [index, line] of yamlLines.entries()) {
		if (!line.startsWith('\t')) continue;
		yamlLines[index] = line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length));
		first ??= index;
	}
	if (first === undefined) return undefined;
	const count = yamlLines.filter((line, index) => index >= (first as number) && line.startsWith('  ')).length;
	return {
		line: first + 2,
		column: 1,
		key: /^\s*([^:#]+):/.exec(yamlLines[first] as string)?.[1]?.trim() ?? '',
		problem: `tabs indent ${count > 1 ? 'this line and others' : 'this line'}, which YAML does not allow`,
		reading: 'each tab is read as two spaces, as Hexo reads them',
		fix: (yamlLines[first] as string).trim() === '' ? '' : (yamlLines[first] as string),
	};
}

/** How a title YAML reads as a comment is read instead (repairCommentTitle()). */
export const COMMENT_TITLE_READING = 'it is read as the title, as written';

/** `title: #FridayData 2022-02-04`: YAML reads the title as a comment, so as nothing; the author meant the text. */
function repairCommentTitle(data: Record<string, unknown>, yamlLines: readonly string[]): FrontMatterRepair | undefined {
	if (data.title !== null) return undefined;
	const index = yamlLines.findIndex((line) => /^title:[ \t]+#/.test(line));
	const written = index === -1 ? undefined : (yamlLines[index] as string).replace(/^title:[ \t]+/, '').trimEnd();
	if (index === -1 || !written || written.replace(/^#+/, '').trim() === '') return undefined;
	data.title = written;
	return {
		line: index + 2,
		column: (yamlLines[index] as string).indexOf('#') + 1,
		key: 'title',
		problem: `"${written}" after "title:", which YAML reads as a comment (so as no title)`,
		reading: COMMENT_TITLE_READING,
		fix: `title: ${JSON.stringify(written)}`,
	};
}

// A key of a mapping after its indent (`disableHLJS: true`, `  caption: A cat`, `"og:image": x.png`); a CRLF
// file's lines end in a CR, which is no part of the value.
const KEY_LINE = /^( *)("([^"\n]*)"[ \t]*|'([^'\n]*)'[ \t]*|[^\s:#"'[{&*!|>%@`-][^:#]*):(?:[ \t]+([^\r]*))?\r?$/;

/**
 * The flags that decide whether a post is published, by their lower-case spelling, each with the value that
 * holds it back (for a password, any but an empty one): of two values, the one that holds it back is read.
 */
const PUBLICATION_FLAGS: Record<string, boolean | 'password'> = {
	draft: true,
	private: true,
	hidden: true,
	unlisted: true,
	published: false,
	publish: false,
	'dg-publish': false,
	encrypted: true,
	encrypt: true,
	password: 'password',
	enc_pwd: 'password',
};

/** Whether `data` has a flag of PUBLICATION_FLAGS under two spellings (`draft` and `Draft`). */
function flagInTwoCases(data: Record<string, unknown>): boolean {
	const flags = Object.keys(data).map((key) => key.toLowerCase()).filter((key) => PUBLICATION_FLAGS[key] !== undefined);
	return new Set(flags).size < flags.length;
}

/** Whether a publication flag's value as written holds the post back. */
function holdsBack(flag: boolean | 'password', written: string): boolean {
	const value = scalarText(written);
	if (flag === 'password') return value !== '';
	// hexo-encrypt tests `encrypt == true`, which 1 is too.
	return flagValue(written) === flag || (flag && Number(value) === 1 && value !== '');
}

/** A scalar as written, without its comment and quotes. */
function scalarText(written: string): string {
	return written.replace(/[ \t]+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
}

/**
 * The keys written twice, each as a repair that says where and which value is read (the last, but for a
 * flag that decides publication: the one that holds the post back), found by their lines' indents (the lines
 * of a `|` or `>` text are text). Every key js-yaml read twice must be named so: front matter whose lines do
 * not show one (a `{ }` mapping, a key this scan does not read) stops the build at it, as YAML does.
 */
function duplicateKeyRepairs(data: Record<string, unknown>, yamlLines: readonly string[], lines: readonly string[]): FrontMatterRepair[] {
	const repairs: FrontMatterRepair[] = [];
	// The lines of the keys written again later, with where their names are, so that YAML can check that no other is.
	const earlierKeys: { at: number; start: number; end: number }[] = [];
	// Each open mapping: its indent and, for each of its keys, its lines and values as written.
	const scopes: { indent: number; keys: Map<string, { at: number; start: number; end: number; key: string; value: string; text: string }[]> }[] = [];
	let textIndent: number | undefined;
	for (const [at, line] of yamlLines.entries()) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		let indent = line.length - line.trimStart().length;
		if (textIndent !== undefined && indent > textIndent) continue;
		textIndent = undefined;
		while (scopes.length > 0 && (scopes.at(-1) as { indent: number }).indent > indent) scopes.pop();
		// A list item (`- x`, `- name: A`); one at its key's indent (`tags:` then `- x`, as Jekyll's and Hexo's
		// posts write it) is that key's value, and the mapping stays open. A key after the dash opens a mapping.
		let content = line;
		while (/^-(?:[ \t]|\r?$)/.test(content.slice(indent))) {
			const after = content.slice(indent + 1);
			const rest = after.trimStart();
			indent += 1 + after.length - rest.length;
			content = ' '.repeat(indent) + rest;
		}
		const match = KEY_LINE.exec(content);
		if (!match) continue;
		const written = match[2] as string;
		const key = (match[3] ?? match[4] ?? written).trim();
		const value = (match[5] ?? '').trim();
		if (/^[|>][-+0-9]*(?:[ \t]+#.*)?$/.test(value)) textIndent = indent;
		let scope = scopes.at(-1);
		if (scope?.indent !== indent || content !== line) {
			scope = { indent, keys: new Map() };
			scopes.push(scope);
		}
		const start = line.length - content.length + indent;
		const topLevel = indent === 0 && scopes.length === 1;
		const name = topLevel && PUBLICATION_FLAGS[key.toLowerCase()] !== undefined ? key.toLowerCase() : key;
		// A password is never shown: warnings are read in build logs.
		const secret = PUBLICATION_FLAGS[name] === 'password' && holdsBack('password', value);
		const place = { at, start, end: start + written.trimEnd().length, key, value, text: secret ? `${written.trim()}: …` : line.slice(start).trim() };
		const earlier = scope.keys.get(name);
		if (earlier) {
			const same = earlier.findLast((item) => item.key === key);
			if (same) earlierKeys.push(same);
			earlier.push(place);
			if (earlier.every((item) => item.key === key)) {
				repairs.push(duplicateKeyRepair(data, key, earlier, topLevel));
			} else {
				const repair = flagInCasesRepair(data, name, earlier);
				if (repair) repairs.push(repair);
			}
		} else scope.keys.set(name, [place]);
	}
	checkDuplicatesNamed(yamlLines, earlierKeys, lines);
	return repairs;
}

/**
 * The repair of `key` written on several lines (`places`, the last one read by js-yaml): the last value, or,
 * for a top-level flag that decides publication (`topLevel`), the first that holds the post back, read into `data`.
 */
function duplicateKeyRepair(data: Record<string, unknown>, key: string, places: readonly { at: number; value: string; text: string }[], topLevel: boolean): FrontMatterRepair {
	const first = places.at(-2) as { at: number };
	const last = places.at(-1) as { at: number; value: string; text: string };
	const lineOf = (at: number) => at + 2;
	const flag = PUBLICATION_FLAGS[key];
	const heldBy = topLevel && flag !== undefined ? places.find((place) => holdsBack(flag, place.value)) : undefined;
	const repair = {
		line: lineOf(last.at),
		column: 1,
		key,
		problem: `"${key}" is written twice, on lines ${lineOf(first.at)} and ${lineOf(last.at)}`,
		reading: `the last one, ${last.text}, is read, as Hugo and Jekyll read it`,
		fix: last.text,
		advice: `keep one of the two lines (${lineOf(first.at)} or ${lineOf(last.at)}).`,
		readLine: lineOf(last.at),
	};
	if (!heldBy || flag === undefined || holdsBack(flag, last.value)) return repair;
	data[key] = flagRead(flag, heldBy.value);
	return {
		...repair,
		problem: `"${key}" is written ${places.length > 2 ? `${places.length} times` : 'twice'}, on lines ${places.map(({ at }) => lineOf(at)).join(', ').replace(/, (?=\d+$)/, ' and ')}, with values that disagree on whether the post is published`,
		reading: `the one that holds the post back, ${heldBy.text} (line ${lineOf(heldBy.at)}), is read, so that it is not published by mistake`,
		fix: heldBy.text,
		advice: `keep the line that says what you mean (${places.map(({ at }) => lineOf(at)).join(' or ')}).`,
		readLine: lineOf(heldBy.at),
	};
}

/**
 * The repair of a publication flag written in several cases (`draft: false`, then `Draft: true`), which Hugo
 * reads as one key: when their values disagree, the one that holds the post back is read into `data` under
 * `name`, its lower-case spelling, and the other spellings go. Undefined when they agree.
 */
function flagInCasesRepair(data: Record<string, unknown>, name: string, places: readonly { at: number; key: string; value: string; text: string }[]): FrontMatterRepair | undefined {
	const flag = PUBLICATION_FLAGS[name] as boolean | 'password';
	const heldBy = places.find((place) => holdsBack(flag, place.value));
	if (!heldBy || places.every((place) => holdsBack(flag, place.value))) return undefined;
	const lineOf = (at: number) => at + 2;
	for (const { key } of places) delete data[key];
	data[name] = flagRead(flag, heldBy.value);
	const last = places.at(-1) as (typeof places)[number];
	const lines = places.map(({ at }) => lineOf(at));
	return {
		line: lineOf(last.at),
		column: 1,
		key: name,
		problem: `"${name}" is written ${places.length > 2 ? `${places.length} times` : 'twice'}, as ${places.map(({ key, at }) => `${key} on line ${lineOf(at)}`).join(', ').replace(/, (?=[^,]+$)/, ' and ')}, which Hugo reads as one key, with values that disagree on whether the post is published`,
		reading: `the one that holds the post back, ${heldBy.text} (line ${lineOf(heldBy.at)}), is read, so that it is not published by mistake`,
		fix: heldBy.text,
		advice: `keep the line that says what you mean (${lines.join(' or ')}).`,
		readLine: lineOf(heldBy.at),
	};
}

/**
 * The value of a publication flag that holds the post back, as YAML reads it: the flag's (also for a `1`, which
 * holds it back as `true` does, so that the schema reads a flag and not the number), or the password.
 */
function flagRead(flag: boolean | 'password', written: string): unknown {
	if (flag !== 'password' && holdsBack(flag, written)) return flag;
	try {
		return yaml.load(written, { schema: FRONT_MATTER_SCHEMA }) ?? scalarText(written);
	} catch (error) {
		if (!(error instanceof yaml.YAMLException)) throw error;
		return scalarText(written);
	}
}

/**
 * A flag as YAML 1.1 (Hugo's and Jekyll's) reads it, with the 1, 0, t and f that Hugo's cast.ToBool reads too:
 * true, false, or undefined for another value.
 */
function flagValue(written: string): boolean | undefined {
	const word = scalarText(written).toLowerCase();
	if (['true', 'yes', 'on', '1', 't'].includes(word)) return true;
	if (['false', 'no', 'off', '0', 'f'].includes(word)) return false;
	return undefined;
}

/**
 * Stops at a key written twice that the scan did not name: with the names of those it named made unique,
 * YAML finds no other, or the build stops with its own error there.
 */
function checkDuplicatesNamed(yamlLines: readonly string[], earlierKeys: readonly { at: number; start: number; end: number }[], lines: readonly string[]): void {
	const renamed = [...yamlLines];
	for (const { at, start, end } of [...earlierKeys].sort((a, b) => b.start - a.start)) {
		const line = renamed[at] as string;
		renamed[at] = `${line.slice(0, start)}"carnet duplicate ${at}:${start}"${line.slice(end)}`;
	}
	try {
		yaml.load(renamed.join('\n'), { schema: FRONT_MATTER_SCHEMA });
	} catch (error) {
		if (!(error instanceof yaml.YAMLException)) throw error;
		const line = error.mark.line + 2;
		const column = error.mark.column + 1;
		throw new FrontMatterSyntaxError(error.reason, line, column, codeFrame(lines, line, column), yamlHint(error.reason));
	}
}

/** A few lines around `line` with line numbers and a caret under `column`, both 1-based. */
export function codeFrame(lines: readonly string[], line: number, column: number): string {
	const first = Math.max(1, line - 2);
	const last = Math.min(lines.length, line + 2);
	const width = String(last).length;
	const out: string[] = [];
	for (let number = first; number <= last; number++) {
		const marker = number === line ? '>' : ' ';
		const text = (lines[number - 1] ?? '').replace(/\r$/, '');
		// A line of 40,000 brackets is shown around the column, not whole.
		const start = number === line ? Math.max(0, Math.min(column - 1 - FRAME_WIDTH / 2, text.length - FRAME_WIDTH)) : 0;
		const shown = `${start > 0 ? '…' : ''}${text.slice(start, start + FRAME_WIDTH)}${start + FRAME_WIDTH < text.length ? '…' : ''}`;
		out.push(`${marker} ${String(number).padStart(width)} | ${shown}`);
		if (number === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1 - start + (start > 0 ? 1 : 0)))}^`);
	}
	return out.join('\n');
}

/** The characters of a line a code frame shows. */
const FRAME_WIDTH = 160;

/** The file line (1-based) of a top-level front-matter key (`key:` in YAML, `key =` in TOML), for pointing an error at it. */
export function lineOfKey(parsed: Pick<ParsedSource, 'frontMatter' | 'frontMatterLine' | 'movedKeys'>, key: string): number | undefined {
	const lines = parsed.frontMatter.split('\n');
	// A key moved twice (Hugo's `params: { images }` gives `images`, which gives `featured_image`) is found
	// where it was written, or under the key that held it.
	const seen = new Set<string>();
	for (let written = parsed.movedKeys?.[key] ?? key; !seen.has(written); written = parsed.movedKeys?.[written] ?? written) {
		seen.add(written);
		const name = `(?:${escapeRegExp(written)}|"${escapeRegExp(written)}")`;
		// `key:` in YAML, `key =` in TOML, and a TOML table or array of tables: `[params]`, `[params.x]`, `[[resources]]`.
		const pattern = new RegExp(`^(?:${name}\\s*[:=]|\\[\\[?\\s*${name}\\s*[.\\]])`);
		const index = lines.findIndex((line) => pattern.test(line));
		if (index !== -1) return parsed.frontMatterLine + index;
		// A field read from inside an object (AstroWind's `metadata: { canonical }`, moved as `metadata.canonical`)
		// is on its own line under the object's key.
		const nested = lineOfNestedKey(lines, written);
		if (nested !== undefined) return parsed.frontMatterLine + nested;
	}
	const escaped = lines.findIndex((line) => escapedKeyOf(line) === key);
	return escaped === -1 ? undefined : parsed.frontMatterLine + escaped;
}

/** The key of a YAML line that writes it in double quotes with escapes (`"\e[31mX": 1`), as YAML reads it. */
function escapedKeyOf(line: string): string | undefined {
	if (!line.startsWith('"') || !line.includes('\\')) return undefined;
	let end = 1;
	while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
	if (!/^\s*:/.test(line.slice(end + 1))) return undefined;
	try {
		const key: unknown = yaml.load(line.slice(0, end + 1), { schema: FRONT_MATTER_SCHEMA });
		return typeof key === 'string' ? key : undefined;
	} catch (error) {
		if (!(error instanceof yaml.YAMLException)) throw error;
		return undefined;
	}
}

/**
 * The index of the line of `parent.child` among front-matter `lines`: `child:` indented under `parent:` in YAML,
 * `child =` in TOML's `[parent]` table, or the parent's own line when the object is written on it (`{ child: … }`).
 */
function lineOfNestedKey(lines: readonly string[], written: string): number | undefined {
	const dot = written.indexOf('.');
	if (dot <= 0 || dot === written.length - 1) return undefined;
	const parent = written.slice(0, dot);
	const child = written.slice(dot + 1);
	const quoted = (name: string) => `(?:${escapeRegExp(name)}|"${escapeRegExp(name)}"|'${escapeRegExp(name)}')`;
	const table = new RegExp(`^\\[\\s*${quoted(parent)}\\s*\\]`);
	const open = new RegExp(`^${quoted(parent)}\\s*[:=]`);
	const childKey = new RegExp(`^\\s*${quoted(child)}\\s*[:=]`);
	const start = lines.findIndex((line) => table.test(line) || open.test(line));
	if (start === -1) return undefined;
	const isTable = table.test(lines[start] as string);
	// In YAML, the object's own keys are indented as its first is: a key indented further is a deeper object's
	// (`metadata.openGraph.canonical` is not `metadata.canonical`).
	let indent: string | undefined;
	for (let index = start + 1; index < lines.length; index++) {
		const line = lines[index] as string;
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		// The object ends at the next table in TOML, at the next line as little indented as its key in YAML.
		if (isTable ? line.startsWith('[') : !/^\s/.test(line)) break;
		const lead = line.slice(0, line.length - line.trimStart().length);
		indent ??= lead;
		if ((isTable || lead === indent) && childKey.test(line)) return index;
	}
	return start;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
