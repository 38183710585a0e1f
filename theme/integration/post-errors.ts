import { z } from 'astro/zod';
import { postSchema, type ImageFunction } from '../schema.ts';
import { closest, describeValue, quoteVisibly } from '../utils/describe.ts';
import { lineOfKey } from '../utils/front-matter.ts';
import { FIELD_ALIASES, KNOWN_KEYS } from '../schema.ts';
import { keyInOtherCase, publicationFlag } from './post-dialects.ts';
import { userError } from './errors.ts';
import { postLocation, type PostFile, type PostFileContext } from './post-file.ts';

// The loader has already checked that image files exist, so a string check stands in for Astro's image().
const stringImage = (() => z.string()) as unknown as ImageFunction;
const checkSchema = postSchema()({ image: stringImage });

/**
 * Astro's own schema error gives no line and wraps names in `**` (getEntryData in withastro/astro), so the
 * front matter is checked again with the theme's schema to name the line, the field, the value received
 * and the form expected. Errors from a user's `extend` fields pass through, prefixed with the file.
 */
export function explainSchemaError(error: unknown, post: PostFile, context: PostFileContext): unknown {
	const result = checkSchema.safeParse(post.data, { reportInput: true });
	if (result.success) {
		if (!(error instanceof Error)) return error;
		const extended = extendedFieldsError(error, post, context);
		if (extended) return extended;
		const hint = 'hint' in error && typeof error.hint === 'string' ? error.hint : undefined;
		return userError(`${context.displayPath}: ${error.message}`, hint, { file: context.entryFile });
	}
	const problems = result.error.issues
		.map((issue) => {
			const key = String(issue.path[0] ?? '');
			// A field read from inside an object is named as written there (`metadata.canonical`).
			const moved = post.source.movedKeys?.[key];
			const field = [moved?.includes('.') ? moved : key, ...issue.path.slice(1).map(String)].join('.');
			const written = post.data[key];
			// The schema trims text: "   " reached it as "", which is not what the file says.
			const trimmed = issue.path.length === 1 && typeof written === 'string' && 'input' in issue && issue.input === written.trim();
			// The schema reads a list of one as its item (`series: [x]`): the list is what the file says.
			const unwrapped = issue.path.length === 1 && Array.isArray(written) && 'input' in issue && !Array.isArray(issue.input);
			const received = trimmed || unwrapped ? written : 'input' in issue ? issue.input : written;
			// A missing field has no line of its own: the message points at the front matter's first line.
			const keyLine = lineOfKey(post.source, key);
			const line = (typeof issue.path[1] === 'number' && keyLine !== undefined ? lineOfItem(post.source, key, keyLine, issue.path[1]) : keyLine) ?? (received === undefined ? 1 : undefined);
			const where = received === undefined ? nothingReceived(post, key, field, line, context.displayPath) : `, received ${describeValue(received)}`;
			const text = `${postLocation(context, line)}: ${field}: ${issue.message}${where}.`;
			return { line: line ?? 0, text };
		})
		.sort((a, b) => a.line - b.line);
	// A post of a Next.js blog (Tailwind's) whose fields are a JavaScript object: `export const meta = { … }`.
	const exported = post.source.frontMatter === '' ? EXPORTED_FIELDS.exec(post.source.body) : null;
	return userError(
		problems.map((problem) => problem.text).join('\n'),
		exported
			? `This post gives its fields in JavaScript (export const ${exported[1]} = { … }, on line ${post.source.bodyLine + (post.source.body.slice(0, exported.index).match(/\n/g)?.length ?? 0)}), as Next.js blogs write them; Carnet reads them from front matter. ` +
					'Move them to the top of the file between two --- lines, written as YAML (title: "My post"), and delete the export.'
			: 'Fix the front matter of this post. The fields Carnet reads, and the names it accepts for each, are listed in the README.',
		{ file: context.entryFile, line: problems[0]?.line || undefined },
	);
}

// Astro's InvalidContentEntryDataError, one line per issue: `  **mood**: Invalid option: expected one of "calm"|"stormy"`.
const ASTRO_SCHEMA_ERROR = /data does not match collection schema/;
const ASTRO_ISSUE = /^\s*\*\*(.+?)\*\*: (.+)$/gm;

/**
 * Astro's error for the fields a site adds with postSchema({ extend }), which the theme's schema does not
 * check, worded as the theme words its own: each field at its line, with the value received, without the
 * `**` Astro wraps names in; undefined for another error.
 */
function extendedFieldsError(error: Error, post: PostFile, context: PostFileContext): Error | undefined {
	if (!ASTRO_SCHEMA_ERROR.test(error.message)) return undefined;
	const problems = [...error.message.matchAll(ASTRO_ISSUE)].map(([, field = '', message = '']) => {
		const [key = '', ...rest] = field.split('.');
		const line = lineOfKey(post.source, key);
		let received: unknown = post.data[key];
		for (const part of rest) received = received !== null && typeof received === 'object' ? (received as Record<string, unknown>)[part] : undefined;
		const value = received === undefined ? ', received nothing' : `, received ${describeValue(received instanceof Date ? received.toISOString() : received)}`;
		return { line: line ?? 0, text: `${postLocation(context, line)}: ${field}: ${message.replace(/\.$/, '')}${value}.` };
	});
	if (problems.length === 0) return undefined;
	problems.sort((a, b) => a.line - b.line);
	return userError(
		problems.map((problem) => problem.text).join('\n'),
		"Fix the front matter of this post. The field is one the site adds in src/content.config.ts (postSchema's extend option), which says what it accepts.",
		{ file: context.entryFile, line: problems[0]?.line || undefined },
	);
}

/**
 * The line of item `index` (0 = the first) of the YAML block list under `key`, which is on `keyLine`
 * (`authors:` then `- user: ada` lines), so that an error names the item at fault; `keyLine` for a list
 * written on the key's line (`[a, b]`), one moved from another key, or one Carnet cannot count.
 */
function lineOfItem(source: PostFile['source'], key: string, keyLine: number, index: number): number {
	if ((source.format !== undefined && source.format !== 'yaml') || source.movedKeys?.[key] !== undefined) return keyLine;
	const lines = source.frontMatter.split('\n');
	let itemIndent: number | undefined;
	let count = -1;
	for (let at = keyLine - source.frontMatterLine + 1; at < lines.length; at++) {
		const line = lines[at] as string;
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		const indent = line.length - line.trimStart().length;
		const item = /^-(?:\s|$)/.test(line.trimStart());
		itemIndent ??= item ? indent : undefined;
		// The first line is no item (`authors: [a, b]` went on), or a line less indented, or another key, ends the list.
		if (itemIndent === undefined || indent < itemIndent || (indent === itemIndent && !item)) return keyLine;
		if (indent === itemIndent && item && ++count === index) return source.frontMatterLine + at;
	}
	return keyLine;
}

// An MDX module's fields as an exported object: `export const meta = {`, `export const metadata = {`.
const EXPORTED_FIELDS = /^export\s+const\s+(meta|metadata|frontmatter|frontMatter|post)\s*=\s*\{/m;

/**
 * Why a field the schema needs is missing: the front matter has no such key, or its value counts as none
 * (`date: ""`, or Hugo's zero date `0001-01-01`), which applyDialects() removed.
 */
function nothingReceived(post: PostFile, key: string, field: string, line: number | undefined, displayPath: string): string {
	const written = post.source.data[key];
	if ((line === undefined || written === undefined) && hasNoFrontMatter(post)) return `, received nothing: ${neededFrontMatter(post)}${field === 'date' ? fileNameDate(displayPath) : ''}`;
	if (line === undefined || written === undefined) return `, received nothing: the front matter${frontMatterLines(post)} has no ${field} field${field === 'date' ? `${otherDates(post)}${publishedFlag(post)}${fileNameDate(displayPath)}` : ''}`;
	if (written === null || (typeof written === 'string' && written.trim() === '')) return ', received an empty value';
	return `, received ${describeValue(written instanceof Date ? written.toISOString() : written)}, the zero date Hugo writes for "no date"`;
}

function hasNoFrontMatter(post: PostFile): boolean {
	return post.source.frontMatterLine === 1 && post.source.frontMatter === '';
}

/**
 * What a file without front matter needs in one: a date, and a title unless its first `# heading` gave one
 * (its first words, which stand in for a title outside strict mode, are no title of its own).
 */
function neededFrontMatter(post: PostFile): string {
	const titled = post.untitled !== true && typeof post.data.title === 'string' && post.data.title.trim() !== '';
	const needs = titled ? 'a date' : 'a date and a title (none could be taken from a first # heading)';
	const example = titled ? '---, date: 2024-02-03, --- on three lines' : '---, title: My post, date: 2024-02-03, --- on four lines';
	return `the post has no front matter; it needs ${needs}, at the top of the file between two --- lines, such as ${example}`;
}

// A value that reads as a date, as YAML gives it or as text: `2024-02-03…`, `2024/2/3`.
const DATE_LIKE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?!\d)/;

/** The keys of a post without a publication date that hold one under another name (`createdAt`), to rename. */
function otherDates(post: PostFile): string {
	const keys = Object.entries(post.source.data)
		.filter(([, value]) => value instanceof Date || (typeof value === 'string' && DATE_LIKE.test(value.trim())))
		.map(([key]) => `${key}${lineOfKey(post.source, key) === undefined ? '' : ` (line ${lineOfKey(post.source, key)})`}`);
	if (keys.length === 0) return '';
	return `; it has a date under ${keys.join(', ')}: if that is when the post was published, rename the key to date`;
}

/**
 * DEV's `published: true`, the flag its git-based posts write where a date would be (`published` is a date
 * to AstroPaper and astro-theme-retypeset): DEV dates a post when it first publishes it, which the file does
 * not record, so the author is told to write that day.
 */
function publishedFlag(post: PostFile): string {
	const key = Object.keys(post.source.data).find((name) => name.toLowerCase() === 'published');
	if (key === undefined || publicationFlag(post.source.data[key]) !== true) return '';
	const line = lineOfKey(post.source, key);
	return `; its ${key}: ${String(post.source.data[key]).trim()}${line === undefined ? '' : ` (line ${line})`} is DEV's flag that the post is public, not a date: add the day the post was first published on a line of its own, such as date: 2024-02-03`;
}

// A name that starts with a date Carnet does not read from it: `20221201-hello`, `2022_12_01-hello`, `01-12-2022-hello`.
const NAME_DATE = /^(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{1,2}[-_.]\d{1,2}[-_.]\d{4})(?!\d)/;

/**
 * A post's name (its file's, or its folder's for an index file) that starts with a date in a form no engine
 * Carnet follows reads a date from: what to rename it to, or the date to write.
 */
function fileNameDate(displayPath: string): string {
	const segments = displayPath.split('/');
	const file = segments.at(-1) ?? '';
	const name = /^(?:index|_index)(?:\.[\w-]+)?\.\w+$/.test(file) && segments.length > 1 ? (segments.at(-2) as string) : file;
	if (!NAME_DATE.test(name)) return '';
	return `; its name, ${name}, starts with a date in a form Carnet does not read: name it 2024-02-03-slug (or 2024-02-03_slug, as Zola does), or write the date in its front matter`;
}

function frontMatterLines(post: PostFile): string {
	const { frontMatter, frontMatterLine, format } = post.source;
	if (frontMatterLine === 1 && frontMatter === '') return '';
	const count = frontMatter === '' ? 0 : frontMatter.split('\n').length;
	// Pelican's, Logseq's and Pandoc's lines open the file, with no --- around them.
	if (format === 'metadata' || format === 'logseq' || format === 'pandoc') return ` (lines ${frontMatterLine}-${frontMatterLine + count - 1})`;
	return ` (lines ${frontMatterLine - 1}-${frontMatterLine + count})`;
}

/**
 * The columns of a post that Ghost's exports write and no page shows (its posts and posts_meta tables), and
 * what converters note of the post's old home (jekyll-import's WordPress and Tumblr importers, exitwp): kept
 * in `extra` as other keys are, but not written by the post's author, so not reported post after post.
 * (Ghost's `meta_description` is the description of a post without `custom_excerpt`: post-engines.ts.)
 */
const EXPORT_BOOKKEEPING_KEYS = new Set([
	...['uuid', 'comment_id', 'mobiledoc', 'lexical', 'plaintext', 'visibility', 'email_recipient_filter', 'created_by', 'updated_by', 'published_by'],
	...['codeinjection_head', 'codeinjection_foot', 'custom_template', 'newsletter_id', 'show_title_and_feature_image', 'email_subject', 'email_only', 'email_segment'],
	...['og_image', 'og_title', 'og_description', 'twitter_image', 'twitter_title', 'twitter_description', 'meta_title', 'meta_description', 'custom_excerpt', 'frontmatter'],
	// exitwp's `link` is the post's address on the WordPress site it was exported from.
	...['wordpress_id', 'wordpress_url', 'link', 'date_gmt', 'author_login', 'author_email', 'author_url', 'tumblr_url'],
	// Qiita CLI's: the organization a post is published under, and whether Qiita shows it as slides; Zenn's publication.
	...['organization_url_name', 'slide', 'publication_name'],
]);
/**
 * Keys that say how another theme shows a post, where Carnet has nothing to show: the template a Netlify CMS
 * or Decap CMS Gatsby starter renders the post with (`templateKey: blog-post`), Tranquilpeak's side for its card's
 * image (`thumbnailImagePosition`), PaperMod's `TocOpen` (its table of contents unfolded; Carnet's is always
 * open), and Hugo's `linkTitle`, the shorter title of the site's menus, which Carnet's have no post in. Kept in
 * `extra` without a word.
 */
const OTHER_THEME_KEYS = new Set(['templateKey', 'thumbnailImagePosition', 'TocOpen', 'tocOpen', 'linkTitle']);
// Names too common to pass over in any post: in a Ghost export (one with Ghost's uuid or comment_id), Ghost's own.
const GHOST_GENERIC_KEYS = new Set(['id', 'type', 'locale', 'html']);
// Qiita's id of a post, in one Qiita CLI wrote (with its organization_url_name or slide).
const QIITA_GENERIC_KEYS = new Set(['id']);
// Zenn's icon of a post and its kind (`type: tech` or `idea`), in one Zenn CLI wrote (with its topics or publication_name).
const ZENN_GENERIC_KEYS = new Set(['emoji', 'type']);

const UPDATE_KEY = /updat|modif|lastmod|edited/i;
const [firstUpdatedName, ...otherUpdatedNames] = FIELD_ALIASES.updated;
const UPDATED_NAMES = `If it is when the post was last updated, name it ${firstUpdatedName}, or another name Carnet reads for that date: ${otherUpdatedNames.slice(0, -1).join(', ')} or ${otherUpdatedNames.at(-1)}.`;

/** Warns about each front-matter key that no schema field reads, with the line it is on and a likely intended name. */
export function warnUnknownKeys(data: Record<string, unknown>, source: PostFile['source'], context: PostFileContext): void {
	const extra = data.extra;
	if (!extra || typeof extra !== 'object') return;
	const ghost = 'uuid' in extra || 'comment_id' in extra;
	const qiita = 'organization_url_name' in extra || 'slide' in extra;
	const zenn = source.movedKeys?.tags === 'topics' || 'publication_name' in extra;
	for (const key of Object.keys(extra)) {
		// An editor's own keys (CloudCannon's `_inputs`, `_schema`): not the author's, and not typos.
		if (key.startsWith('_')) continue;
		if (EXPORT_BOOKKEEPING_KEYS.has(key) || OTHER_THEME_KEYS.has(key) || (ghost && GHOST_GENERIC_KEYS.has(key)) || (qiita && QIITA_GENERIC_KEYS.has(key)) || (zenn && ZENN_GENERIC_KEYS.has(key))) continue;
		const line = lineOfKey(source, key);
		// Hugo reads keys in any case, so a post may hold one field twice (`Title` and `title`); Carnet reads the one it spells.
		const known = keyInOtherCase(key);
		// A key alone in its spelling (a Jekyll post's `Hidden`, which nothing read) is no second spelling of a field.
		if (known !== undefined && Object.hasOwn(source.data, known)) {
			const knownLine = lineOfKey(source, known);
			context.warn(
				`${postLocation(context, line)}: front-matter key "${key}" is "${known}" in another case, as Hugo reads keys, and the post also has "${known}"${knownLine ? ` (line ${knownLine})` : ''}, which Carnet reads; "${key}" is kept as data.extra.${key}. Remove one of the two.`,
			);
			continue;
		}
		// A part of an object Carnet read (`heroImage.color`) is no typo.
		const near = key.includes('.') ? undefined : closest(key, KNOWN_KEYS);
		const updatedName = near !== undefined && (FIELD_ALIASES.updated as readonly string[]).includes(near);
		// Obsidian Linter's `date created` is no misspelt date_updated: a created date is no update.
		const suggestion = updatedName && /creat/i.test(key) ? undefined : near;
		// A key that names an update (`updateTime`, as AstroPaper blogs write beside `modDatetime`) is nearer in
		// spelling to a publication date's name (`pubDatetime`): the names of the updated date are what it may mean.
		const update = !updatedName && UPDATE_KEY.test(key) && !/creat|publish/i.test(key);
		// A key of control characters (`"\e[31mX": 1`) would drive the terminal that shows the build's log: it is quoted as values are.
		const quoted = quoteVisibly(key);
		const kept = quoted === `"${key}"` ? `data.extra.${key}` : `data.extra[${quoted}]`;
		context.warn(
			`${postLocation(context, line)}: front-matter key ${quoted} is not a Carnet field; it is kept as ${kept}.` +
				(update ? ` ${UPDATED_NAMES}` : suggestion ? ` Did you mean "${suggestion}"?` : '') +
				' To use it as a field of your own, declare it with postSchema({ extend: { ... } }).',
		);
	}
}
