import { jsonFrontMatterEnd, lineOfKey, type ParsedSource } from '../utils/front-matter.ts';
import { characterReferences } from './post-engines.ts';
import { hasEleventyFrontMatter } from '../markdown/eleventy.ts';
import { TEXT_KEYS } from '../schema.ts';
import { findForbiddenChars, spaceLineSeparators, stripForbiddenChars, stripForbiddenCharsDeep, type ForbiddenChars } from '../utils/text-chars.ts';
import type { PostFileContext } from './post-file.ts';
import { isDatedJekyllPost, publicationFlag } from './post-dialects.ts';

/**
 * Removes the invisible characters that no feed can carry (utils/text-chars.ts) from a post's front-matter
 * values and body, with one warning per field naming the line of the first one. Pages and feeds then show
 * the same text, and the feeds stay well-formed.
 */
export function stripPastedChars(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): string {
	for (const [key, value] of Object.entries(data)) {
		const found = findForbiddenChars(stringsIn(value).join('\n'));
		if (!found) continue;
		data[key] = stripForbiddenCharsDeep(value);
		warnRemoved(context, lineOfKey(source, key), key, found);
	}
	const found = findForbiddenChars(source.body);
	if (!found) return source.body;
	const line = source.bodyLine + (source.body.slice(0, found.first).match(/\n/g)?.length ?? 0);
	// An MDX page is compiled from the file itself, which integration/vite-plugin-mdx-text.ts cleans as it loads.
	warnRemoved(context, line, 'body', found);
	return stripForbiddenChars(source.body);
}

// A numeric character reference as written (`&#1;`, `&#xFFFF;`): the only kind that can stand for a control character.
const NUMERIC_REFERENCE = /&#(?:[xX][\da-fA-F]+|\d+);/g;

/**
 * Removes the invisible characters that no feed can carry from front-matter values whose character
 * references stand for them (`Tips &#1; Tricks`), once applyDialects() has decoded those references (after
 * stripPastedChars() cleaned the values as written), with one warning per field naming its line and the
 * references. Pages and feeds then show the same text as for the character pasted raw.
 */
export function stripReferencedChars(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext): void {
	for (const [key, value] of Object.entries(data)) {
		const found = findForbiddenChars(stringsIn(value).join('\n'));
		if (!found) continue;
		data[key] = stripForbiddenCharsDeep(value);
		// A field moved from inside an object (`metadata.canonical`) is found in the object that held it.
		const writtenKey = source.movedKeys?.[key] ?? key;
		const written = stringsIn(source.data[writtenKey] ?? source.data[writtenKey.split('.')[0] as string]).join('\n');
		const references = [...new Set(written.match(NUMERIC_REFERENCE) ?? [])].filter((reference) => findForbiddenChars(characterReferences(reference)));
		const line = lineOfKey(source, key);
		const where = line ? `${context.displayPath}:${line}` : context.displayPath;
		const what = found.count === 1 ? 'an invisible character' : `${found.count} invisible characters`;
		const named = references.length === 0 ? 'character references' : references.length === 1 ? references[0] : `${references.slice(0, -1).join(', ')} and ${references.at(-1)}`;
		context.warn(
			`${where}: ${key}: removed ${what} that feeds cannot carry (${found.names.join(', ')}), written as ${named}. ` +
				`Delete ${references.length === 1 ? 'that reference' : 'those references'} from the file to silence this warning.`,
		);
	}
}

/**
 * Makes the line and paragraph separators (U+2028, U+2029) of the one-line text fields (TEXT_KEYS, and the
 * authors' names) spaces, as the page shows them: each output escapes them its own way (JSON-LD as \u2028, a
 * share link as %E2%80%A8, a feed reader as a line break), where all show the one text read here.
 */
export function spaceOneLineFields(data: Record<string, unknown>): void {
	for (const key of TEXT_KEYS) if (data[key] !== undefined) data[key] = spacedStrings(data[key]);
	// A title written as a YAML block (`title: |`), or with a tab, is one line too: the browser's tab and the
	// page show it so, where a feed reader or a JSON-LD consumer would keep its line breaks.
	for (const key of NAME_KEYS) if (data[key] !== undefined) data[key] = oneLine(data[key]);
	for (const key of ['author', 'authors']) if (data[key] !== undefined) data[key] = spacedAuthors(data[key]);
}

// The fields that name something in one line, unlike a description or a caption, whose lines are kept.
const NAME_KEYS = ['title', 'subtitle', 'series', 'tags', 'tag', 'categories', 'category'];

function oneLine(value: unknown): unknown {
	if (typeof value === 'string') return /[\t\n\r]/.test(value) ? value.replace(/[ \t]*[\t\n\r][\s]*/g, ' ').trim() : value;
	return Array.isArray(value) ? value.map(oneLine) : value;
}

function spacedStrings(value: unknown): unknown {
	if (typeof value === 'string') return spaceLineSeparators(value);
	return Array.isArray(value) ? value.map(spacedStrings) : value;
}

// An author's name only, on one line as a title is (a feed's `ada@x (Ada\nLovelace)` broke the line): the other fields of an author are addresses.
function spacedAuthors(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(spacedAuthors);
	if (typeof value === 'string') return oneLine(spaceLineSeparators(value));
	if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return { ...value, name: oneLine(spaceLineSeparators((value as { name: string }).name)) };
	return value;
}

// The line that closes YAML or TOML front matter, found in the text after the opening one (or tested on a line alone).
const YAML_CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;
const TOML_CLOSING = /^\+\+\+[ \t]*\r?$/m;

/**
 * `contents` with the invisible characters no feed can carry removed from its YAML, TOML or JSON front
 * matter before it is parsed, with one warning per line: pasted raw (an ESC from a terminal, a NUL from a
 * broken export), they stop the parsers, which name neither the character nor its place. Lines keep their
 * numbers; the body is left to stripPastedChars().
 */
export function stripFrontMatterChars(contents: string, context: PostFileContext): string {
	if (/^\uFEFF*\{/.test(contents)) return stripJsonFrontMatterChars(contents, context);
	const fence = /^\uFEFF*(---|\+\+\+)[ \t]*\r?\n/.exec(contents)?.[1];
	if (!fence) return contents;
	const closing = fence === '---' ? YAML_CLOSING : TOML_CLOSING;
	// Only the front matter is looked at: the body is stripPastedChars()'s.
	const end = closing.exec(contents.slice(fence.length + 1));
	if (!findForbiddenChars(end ? contents.slice(0, fence.length + 1 + end.index) : contents)) return contents;
	const lines = contents.split('\n');
	let index = 1;
	for (; index < lines.length && !closing.test(lines[index] as string); index++) stripLine(lines, index, context);
	return lines.join('\n');
}

/** The same for Hugo's JSON front matter, whose strings JSON.parse refuses with a raw control character in them. */
function stripJsonFrontMatterChars(contents: string, context: PostFileContext): string {
	const lines = contents.split('\n');
	const end = jsonFrontMatterEnd([(lines[0] as string).replace(/^\uFEFF+/, ''), ...lines.slice(1)]);
	if (end === undefined || !findForbiddenChars(lines.slice(0, end + 1).join('\n'))) return contents;
	for (let index = 0; index <= end; index++) stripLine(lines, index, context);
	return lines.join('\n');
}

function stripLine(lines: string[], index: number, context: PostFileContext) {
	const found = findForbiddenChars(lines[index] as string);
	if (!found) return;
	lines[index] = stripForbiddenChars(lines[index] as string);
	warnRemoved(context, index + 1, 'front matter', found);
}

function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
	return [];
}

function warnRemoved(context: PostFileContext, line: number | undefined, field: string, { count, names, codes }: ForbiddenChars) {
	const where = line ? `${context.displayPath}:${line}` : context.displayPath;
	const what = count === 1 ? 'an invisible character' : `${count} invisible characters`;
	const started = codes ? `, with the terminal ${codes.length === 1 ? 'code' : 'codes'} an ESC begins (${codes.slice(0, 3).join(', ')}${codes.length > 3 ? ', …' : ''})` : '';
	context.warn(
		`${where}: ${field}: removed ${what} that feeds cannot carry (${names.join(', ')})${started}, usually pasted from a word processor or a terminal. ` +
			`Delete ${count === 1 ? 'it' : 'them'} from the file to silence this warning.`,
	);
}

/** Front-matter fields only DEV's editor and exports write. */
const DEV_FIELDS = ['cover_image', 'canonical_url', 'published_at', 'main_image'];
/** Front-matter fields of Hashnode's GitHub backups, as markdown/hashnode.ts tells its posts. */
const HASHNODE_FIELDS = ['cuid', 'datePublished'];

/**
 * `tags: "one, two"` is a list written as one string: it becomes `[one, two]`, with a warning, since a tag
 * named "one, two" is never what was meant. A tag that really holds a comma is written in a list. DEV
 * (dev.to) writes its tags so (`tags: javascript, webdev`), and so do Hashnode's backups (`tags: linux,
 * devops`), whose tags hold no commas: a post of DEV's (isDevPost()) or with Hashnode's own fields is split without a warning.
 */
export function splitTagString(data: Record<string, unknown>, source: ParsedSource, context: PostFileContext, siblings: () => readonly string[]): void {
	const tags = data.tags;
	if (typeof tags !== 'string') return;
	if (!tags.includes(',')) return isEleventyPost(source, siblings) ? undefined : warnSpacedTagString(tags, source, context);
	const names = tags.split(',').map((name) => name.trim()).filter((name) => name !== '');
	data.tags = names;
	// Zenn's topics written beside such a string (readOtherEngines()) are added once it is split.
	if (Array.isArray(data.topics) || typeof data.topics === 'string') {
		data.tags = [...names, ...[data.topics].flat()];
		delete data.topics;
	}
	if (isDevPost(source, context.displayPath) || HASHNODE_FIELDS.some((key) => source.data[key] !== undefined)) return;
	const line = lineOfKey(source, 'tags');
	// The key as written: Zenn's `topics` or VuePress's `tag`, read as the tags.
	const written = source.movedKeys?.tags === 'topics' || source.movedKeys?.tags === 'tag' ? source.movedKeys.tags : 'tags';
	context.warn(
		`${line ? `${context.displayPath}:${line}` : context.displayPath}: ${written}: ${JSON.stringify(tags)} is one string with commas; it is read as the tags ${JSON.stringify(names)}. ` +
			`Write ${written}: [${names.map((name) => (/^[\p{L}\p{N} _-]+$/u.test(name) ? name : JSON.stringify(name))).join(', ')}] to say so (or [${JSON.stringify(tags)}] for one tag with a comma).`,
	);
}

/**
 * Whether the post is written for DEV: it has one of DEV's own fields, or its `published: true` or `false`,
 * the flag DEV's front matter opens with (post-errors.ts names it so), without Jekyll's `layout` or a dated
 * name in `_posts/`: Jekyll reads the same flag, and `tags: a, b` as the tags `a,` and `b`.
 */
function isDevPost(source: ParsedSource, displayPath: string): boolean {
	if (DEV_FIELDS.some((key) => source.data[key] !== undefined)) return true;
	const flag = Object.keys(source.data).find((name) => name.toLowerCase() === 'published');
	return flag !== undefined && publicationFlag(source.data[flag]) !== undefined && source.data.layout === undefined && !isDatedJekyllPost(displayPath);
}

// A folder's data file (`blog.11tydata.js`), which gives the posts beside it their layout and tags.
const ELEVENTY_DATA_FILE = /\.11tydata\.(?:[cm]?js|json)$/;

/**
 * Whether the post is Eleventy's, which reads `tags: second tag` as one tag, as Carnet does: its layout is
 * in one of Eleventy's template languages, it has a key of Eleventy's own (`eleventyNavigation`), or its
 * folder has Eleventy's data file.
 */
function isEleventyPost(source: ParsedSource, siblings: () => readonly string[]): boolean {
	return hasEleventyFrontMatter(source.data) || siblings().some((name) => ELEVENTY_DATA_FILE.test(name));
}

/**
 * `tags: markdown HTML` outside a Jekyll post (which reads it as two tags, applyDialects()) is one tag, as Hugo
 * and Astro's schemas read it, with a warning: it is as often a Jekyll post's list copied out of `_posts/`. An
 * Eleventy post reads it so too (isEleventyPost()), without a word.
 */
function warnSpacedTagString(tags: string, source: ParsedSource, context: PostFileContext): void {
	const names = tags.trim().split(/\s+/);
	if (names.length < 2) return;
	const line = lineOfKey(source, 'tags');
	const written = source.movedKeys?.tags === 'topics' || source.movedKeys?.tags === 'tag' ? source.movedKeys.tags : 'tags';
	context.warn(
		`${line ? `${context.displayPath}:${line}` : context.displayPath}: ${written}: ${JSON.stringify(tags)} is one string with spaces and no commas; it is read as one tag, ${JSON.stringify(tags.trim())}, where Jekyll reads names separated by spaces. ` +
			`Write ${written}: [${names.map((name) => (/^[\p{L}\p{N}_-]+$/u.test(name) ? name : JSON.stringify(name))).join(', ')}] for ${names.length} tags, or ${written}: [${JSON.stringify(tags.trim())}] for one, to silence this warning.`,
	);
}
