import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { emojiShortcodes, iconsLeftOut, withoutIconShortcodes } from '../markdown/emoji-shortcodes.ts';
import { fenceAfter, readBracedFenceInfo } from '../markdown/fences.ts';
import { DATE_KEYS, FIELD_ALIASES, isBlankField, KNOWN_KEYS } from '../schema.ts';
import { toZonedISOString } from '../utils/dates.ts';
import { describeValue } from '../utils/describe.ts';
import { lineOfKey, type ParsedSource } from '../utils/front-matter.ts';
import { namesBeside } from '../utils/post-files.ts';
import { bundleIndex, fileStem, fileTranslation, sameLanguage, slugifySegment } from '../utils/slugs.ts';
import { fileExtension, themePageOfPath } from './address-check.ts';
import { IMAGE_OBJECTS, keepAsKeys, readCreatedDate, readImageCaptions, readOtherEngines, UNPUBLISHED_STATUSES } from './post-engines.ts';
import type { DatedTwin } from './dated-twins.ts';

/**
 * Front matter that says a post is not to be published as a listed page: Hugo's `headless: true` (a
 * bundle of resources) and `build` options (`_build` before Hugo 0.123) with `render: never` (no page) or
 * `list: never` (a page no list shows), and Eleventy's `permalink: false` (no page) and
 * `eleventyExcludeFromCollections: true` (a page no list shows), as Docusaurus's `unlisted: true`, Pelican's `status: hidden` and Hugo themes' `hidden: true` are,
 * Obsidian's `dg-publish: false` (Digital Garden) and `publish: false` (Obsidian Publish), Qiita CLI's
 * `ignorePublish: true` (a post it does not upload), and Ghost's `visibility` other than `public` and Qiita's
 * `private: true` (members only or shared by link, `membersOnly`, with `fix` the way to publish it), and a
 * password its engine encrypts the post with (`encrypted`, with `fix`). A post with none of them is left as it
 * is, and undefined is returned. A post with any of them is a draft: held back by a production build and
 * shown by `astro dev`. The options are removed from the front matter, and the key that said so is
 * returned, with `unlisted` for a page its engine would publish unlisted, which Carnet cannot do: the
 * author is told why it is not published.
 */
export function readUnpublishedOptions(data: Record<string, unknown>, post: { jekyll?: boolean; movedKeys?: Record<string, string> | undefined } = {}): { key: string; written: string; unlisted: boolean; membersOnly?: true; encrypted?: true; doubtful?: true; fix?: string } | undefined {
	const buildKey = ['build', '_build'].find((name) => typeof data[name] === 'object' && data[name] !== null && !Array.isArray(data[name]));
	const build = buildKey ? (data[buildKey] as Record<string, unknown>) : {};
	const never = (value: unknown) => value === 'never' || value === false;
	const hidden = typeof data.status === 'string' && data.status.trim().toLowerCase() === 'hidden';
	// Ghost's `visibility`: `members`, `paid` or `tiers` is for signed-in members only, which a static site has not.
	const visibility = typeof data.visibility === 'string' ? data.visibility.trim().toLowerCase() : undefined;
	if (visibility === 'public') delete data.visibility;
	const membersOnly = visibility !== undefined && visibility !== 'public';
	// A post its engine shows only to readers who give its password: Mizuki's `encrypted: true` beside its
	// `password`, hexo-blog-encrypt's `password` alone, hexo-encrypt's `encrypt: true` beside its `enc_pwd`.
	// `encrypted: false` says the password is not used, as Mizuki's template writes it.
	// Their flags are read as the other flags that hold a post back are (`encrypted: yes`, `encrypt: "1"`): hexo-encrypt
	// tests `encrypt == true`, which holds for 1 only, but a post its author said to encrypt is not published.
	const encryptKey = publicationFlag(data.encrypted) === true ? 'encrypted' : publicationFlag(data.encrypt) === true ? 'encrypt' : undefined;
	const declined = publicationFlag(data.encrypted) === false || publicationFlag(data.encrypt) === false;
	const password = !declined && (typeof data.password === 'number' || (typeof data.password === 'string' && data.password.trim() !== ''));
	// A key as the post writes it (`Password`, read as `password`), for the warning to name.
	const spelled = (name: string) => post.movedKeys?.[name] ?? name;
	const passwordFields = ['encrypted', 'encrypt', 'password', 'enc_pwd'].filter((name) => data[name] !== undefined).map(spelled);
	// A flag that holds a post back whose value is neither true nor false (`private: maybe`, `encrypted: sure`): its
	// engine may read it as true, and a post published by mistake cannot be taken back.
	const doubtful = DOUBTFUL_FLAGS.find((name) => data[name] !== undefined && !isBlankField(data[name]) && publicationFlag(data[name]) === undefined);
	// What each option says, under which key and as written; one that writes no page wins over one that lists none.
	const options = [
		{
			says: encryptKey !== undefined || password,
			key: encryptKey ?? 'password',
			// The password itself is never shown: warnings are read in build logs.
			written: encryptKey ? `${spelled(encryptKey)}: ${String(data[encryptKey])}` : `${spelled('password')}: …`,
			unlisted: false,
			encrypted: true as const,
			fix: `Remove ${passwordFields.length > 1 ? `${passwordFields.slice(0, -1).join(', ')} and ${passwordFields.at(-1)}` : passwordFields[0]} to publish it to everyone.`,
		},
		{ says: data.headless === true, key: 'headless', written: `${spelled('headless')}: true`, unlisted: false },
		{ says: data.permalink === false, key: 'permalink', written: 'permalink: false', unlisted: false },
		// Obsidian's publishing flags: Digital Garden's and Obsidian Publish's.
		{ says: data['dg-publish'] === false, key: 'dg-publish', written: 'dg-publish: false', unlisted: false },
		{ says: data.publish === false, key: 'publish', written: 'publish: false', unlisted: false },
		{ says: membersOnly, key: 'visibility', written: `${spelled('visibility')}: ${visibility}`, unlisted: false, membersOnly: true as const, fix: `Remove ${spelled('visibility')} (or write ${spelled('visibility')}: public) to publish it to everyone.` },
		// Qiita's limited sharing (限定共有): a post for those given its address. Read in any post, as a post
		// said to be private is better held back by mistake, with this warning, than published.
		{ says: data.private === true, key: 'private', written: `${spelled('private')}: true`, unlisted: false, membersOnly: true as const, fix: `Remove ${spelled('private')} (or write ${spelled('private')}: false) to publish it to everyone.` },
		// Qiita CLI's: a post it keeps on the author's disk.
		{ says: data.ignorePublish === true, key: 'ignorePublish', written: `${spelled('ignorePublish')}: true`, unlisted: false },
		{ says: buildKey !== undefined && never(build.render), key: buildKey ?? '', written: `${spelled(buildKey ?? '')}: render: never`, unlisted: false },
		{ says: data.eleventyExcludeFromCollections === true, key: 'eleventyExcludeFromCollections', written: `${spelled('eleventyExcludeFromCollections')}: true`, unlisted: true },
		{ says: data.unlisted === true, key: 'unlisted', written: `${spelled('unlisted')}: true`, unlisted: true },
		// Hextra's post kept off the blog's list.
		{ says: data.hideOnBlog === true, key: 'hideOnBlog', written: `${spelled('hideOnBlog')}: true`, unlisted: true },
		// Hugo Anubis's and PaperMod's, and hexo-hide-posts': a page reached by its link only. Another value is a
		// theme's own, and so is a Jekyll post's, which jekyll-paginate-v2 and Minimal Mistakes leave out of the
		// paginated list only: the post keeps its page, archives and feeds, as it does in Carnet, which has no such list.
		{ says: data.hidden === true && !post.jekyll, key: 'hidden', written: `${spelled('hidden')}: true`, unlisted: true },
		{ says: hidden, key: 'status', written: `${spelled('status')}: hidden`, unlisted: true },
		{ says: buildKey !== undefined && never(build.list), key: buildKey ?? '', written: `${spelled(buildKey ?? '')}: list: never`, unlisted: true },
		{
			says: doubtful !== undefined,
			key: doubtful ?? '',
			// What is written under a protected-post plugin's key may be the password, which is never shown.
			written: `${spelled(doubtful ?? '')}: ${doubtful === 'encrypted' || doubtful === 'encrypt' ? '…' : describeValue(data[doubtful ?? ''])}`,
			unlisted: false,
			doubtful: true as const,
			fix: `Write ${spelled(doubtful ?? '')}: false to publish it, or ${spelled(doubtful ?? '')}: true to hold it back.`,
		},
	];
	// `true` says what every post of a Carnet blog is.
	for (const name of ['dg-publish', 'publish']) if (data[name] === true) delete data[name];
	// Saying a post is listed, or has a page, says what every post of a Carnet blog is.
	for (const name of ['hideOnBlog', 'hidden', 'unlisted', 'headless', 'eleventyExcludeFromCollections', 'ignorePublish', 'private']) if (data[name] === false) delete data[name];
	// A password is kept out of the post's data, whatever it protects: the data is the site's, in pages and feeds.
	for (const name of ['password', 'enc_pwd']) delete data[name];
	for (const name of ['encrypted', 'encrypt']) if (publicationFlag(data[name]) !== undefined) delete data[name];
	const option = options.find(({ says }) => says);
	if (!option) return undefined;
	for (const name of [buildKey, doubtful, 'headless', 'eleventyExcludeFromCollections', 'unlisted', 'hideOnBlog', ...(data.hidden === true && !post.jekyll ? ['hidden'] : []), 'dg-publish', 'publish', 'ignorePublish', ...(data.private === true ? ['private'] : []), ...(hidden ? ['status'] : []), ...(membersOnly ? ['visibility'] : [])]) if (name) delete data[name];
	if (data.permalink === false) delete data.permalink;
	data.draft = true;
	if ('doubtful' in option) return { key: option.key, written: option.written, unlisted: false, doubtful: true, ...(option.fix === undefined ? {} : { fix: option.fix }) };
	if ('encrypted' in option) return { key: option.key, written: option.written, unlisted: false, encrypted: true, ...(option.fix === undefined ? {} : { fix: option.fix }) };
	return { key: option.key, written: option.written, unlisted: option.unlisted, ...(option.membersOnly ? { membersOnly: true as const, fix: option.fix } : {}) };
}

/**
 * The key of an empty password (`password: ""`, hexo-encrypt's `enc_pwd: ""`) given without saying that the post
 * is not encrypted (Mizuki's template writes `encrypted: false` beside it): a post its author may think protected,
 * which is published to everyone. Read before readUnpublishedOptions(), which removes passwords.
 */
export function emptyPasswordKey(data: Record<string, unknown>): string | undefined {
	if (publicationFlag(data.encrypted) === false || publicationFlag(data.encrypt) === false) return undefined;
	return ['password', 'enc_pwd'].find((name) => typeof data[name] === 'string' && data[name].trim() === '');
}

/** Warns that `published: false` and `draft: false` disagree, naming the line of each. */
function warnFlagsDisagree(source: ParsedSource, file: { displayPath: string; warn?: (message: string) => void }): void {
	const published = lineOfKey(source, 'published');
	const draft = lineOfKey(source, 'draft');
	file.warn?.(
		`${published ? `${file.displayPath}:${published}` : file.displayPath}: published: false${published ? ` (line ${published})` : ''} and draft: false${draft ? ` (line ${draft})` : ''} disagree on whether the post is published: ` +
			'it is held back as a draft, so that it is not published by mistake. Remove the one that does not say what you mean.',
	);
}

/** Why a post is left out of a production build. */
export type HeldBack = 'draft' | 'expired' | 'future';

/**
 * A file of Jekyll's `_posts/` whose name does not start with its date (`hello.md`, `2024-01-05.md`), which
 * Jekyll does not publish: an unfinished post, or one saved under the wrong name.
 */
export function isUndatedJekyllPost(displayPath: string): boolean {
	return JEKYLL_POSTS.test(displayPath) && !JEKYLL_DATED_NAME.test(postName(displayPath));
}

/**
 * A post written for Jekyll: a file of Jekyll's `_posts/` named with its date (not Hexo's `source/_posts/`),
 * or one named with its date that names Jekyll's `layout`, or whose `permalink` has Jekyll's placeholders
 * (`/projects/:title`).
 */
export function isJekyllPost(displayPath: string, data: Record<string, unknown>): boolean {
	if (isDatedJekyllPost(displayPath) && !HEXO_POSTS.test(displayPath)) return true;
	if (hasJekyllPermalink(data)) return true;
	return typeof data.layout === 'string' && DATED_FILE_NAME.test(postName(displayPath));
}

// A page that Middleman's template chain renders from Markdown into HTML (`hello.html.md`, `hello.html.markdown`).
const MIDDLEMAN_MARKDOWN = /\.html\.(?:md|markdown|mkd|mkdn)$/i;

/**
 * A post written for kramdown, the Markdown of Jekyll, of nanoc's blogging helper and of Middleman: a Jekyll
 * post, a nanoc article (`kind: article`, dated by `created_at`), or a page Middleman renders (`hello.html.md`).
 */
export function isKramdownPost(displayPath: string, data: Record<string, unknown>): boolean {
	if (isJekyllPost(displayPath, data)) return true;
	return (data.kind === 'article' && data.created_at !== undefined) || MIDDLEMAN_MARKDOWN.test(displayPath);
}

// Front matter keys that only Pandoc, Quarto and R Markdown read: citeproc's, and Jupyter's and knitr's for running code.
const PANDOC_KEYS = ['bibliography', 'csl', 'link-citations', 'nocite', 'jupyter', 'knitr'];
// Quarto's `execute:` options, which tell it a mapping of its own from another engine's `execute:` (a script to run).
const QUARTO_EXECUTE_OPTIONS = new Set(['echo', 'eval', 'output', 'warning', 'error', 'include', 'cache', 'freeze', 'enabled', 'daemon', 'keep-md', 'keep-ipynb', 'ipynb-filters', 'debug']);
// R Markdown's output formats: `output: html_document`, `output: blogdown::html_page`.
const RMARKDOWN_OUTPUT = /_document\b|^\w+::\w+/;
// The engines a knitr or Quarto chunk runs (names(knitr::knit_engines$get()), and Quarto's ojs and julia), read
// in lower case: a MyST directive in the same braces (```{note}, ```{code-cell}) names none of them. knitr's
// bookdown environments (theorem, proof…) are left out, as MyST writes the same names.
const CHUNK_ENGINES = new Set(
	'awk bash coffee gawk groovy haskell lein mysql node octave perl php psql rscript ruby sas scala sed sh stata zsh asis asy block block2 bslib c cat cc comment css ditaa dot embed eviews exec fortran fortran95 go highlight js julia ojs python r rcpp sass scss sql stan targets tikz verbatim'.split(' '),
);

/**
 * Whether a post is written for Pandoc, Quarto or R Markdown, whose Markdown reads some lines otherwise than
 * GFM does (a lone `| line`, `~sub~`): it opens with Pandoc's title block, its front matter has a key only they
 * read (`bibliography`, `jupyter`, R Markdown's `output: html_document`, Quarto's `execute: { echo: false }`), or
 * its body runs chunks (```{r}, outside code). Its citations are read after (citationsIn()), as they count in
 * more forms in a post known to be Pandoc's.
 */
export function isPandocPost(source: Pick<ParsedSource, 'format' | 'data'>, body: string): boolean {
	if (source.format === 'pandoc' || PANDOC_KEYS.some((key) => source.data[key] !== undefined) || isQuartoExecute(source.data.execute)) return true;
	const output = source.data.output;
	const formats = typeof output === 'string' ? [output] : typeof output === 'object' && output !== null ? Object.keys(output) : [];
	return formats.some((format) => RMARKDOWN_OUTPUT.test(format)) || runsChunks(body);
}

/** Quarto's `execute:`, a mapping of its options (`echo: false`), not another engine's field of the same name. */
function isQuartoExecute(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((key) => QUARTO_EXECUTE_OPTIONS.has(key));
}

/** Whether `body` opens a knitr or Quarto chunk (```{r}, ```{python echo=FALSE}) outside code: a post about Quarto shows them in a code block. */
function runsChunks(body: string): boolean {
	if (!body.includes('{')) return false;
	let fence: string | undefined;
	for (const line of body.split('\n')) {
		const outside = fence === undefined;
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (!outside || !code || open === undefined) continue;
		const info = readBracedFenceInfo(line.trimStart().slice(open.length));
		if (info?.chunk && CHUNK_ENGINES.has((info.language as string).toLowerCase())) return true;
	}
	return false;
}

/** A `permalink` with Jekyll's placeholders (`/projects/:title`), which only a post written for Jekyll has. */
function hasJekyllPermalink(data: Record<string, unknown>): boolean {
	return typeof data.permalink === 'string' && /(?:^|\/):(?:title|slug|year|month|day|categories|name)\b/.test(data.permalink);
}

const HEXO_POSTS = /(?:^|\/)source\/_posts\//;

/** A file of Jekyll's `_posts/` named with its date, which Jekyll publishes. */
export function isDatedJekyllPost(displayPath: string): boolean {
	return JEKYLL_POSTS.test(displayPath) && JEKYLL_DATED_NAME.test(postName(displayPath));
}

/**
 * The date and the rest of the name of a file of a `_posts/` folder named with its date (`2024-01-05-hello`
 * → ['2024-01-05', 'hello']), whose address applyDialects() takes from the rest alone when it has no slug.
 */
export function jekyllDatedName(displayPath: string): [date: string, rest: string] | undefined {
	if (!JEKYLL_POSTS.test(displayPath)) return undefined;
	const dated = DATED_FILE_NAME.exec(postName(displayPath));
	return dated ? [dated[1] as string, dated[2] as string] : undefined;
}

/**
 * The day a file name gives (`2024-01-05`), as Jekyll reads it: a day past the end of its month is a day of
 * the next, as Ruby counts it (`2020-11-31` is 2020-12-01, which brew.sh published), and is warned about.
 * A month or day that no month has is left for the date check to report.
 */
function fileNameDate(written: string, file: { displayPath: string; warn?: (message: string) => void }): string {
	const [year, month, day] = written.split('-').map(Number) as [number, number, number];
	if (month < 1 || month > 12 || day < 1 || day > 31) return written;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCDate() === day) return written;
	const read = date.toISOString().slice(0, 10);
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	file.warn?.(
		`${file.displayPath}: the date in the file name, ${written}, is no day of the calendar (that month has ${days} days), so the post is dated ${read}${JEKYLL_POSTS.test(file.displayPath) ? ', the day Jekyll counts it as' : ', as Jekyll would count it'}. ` +
			`Rename the file with the day you meant, or write date: ${read} in its front matter.`,
	);
	return read;
}

/** `2024-01-05-hello-jekyll.md`: Jekyll's `_posts/` names carry the date (`2021-1-5` too) and the slug. */
// Statamic's dated entries part the date with a dot: `2022-09-18.my-first-post.md`; Zola's with a dash or an
// underscore (`2022-12-01_hello.md`, `2022-07-21_topic/index.md`), its slug what follows.
const DATED_FILE_NAME = /^(\d{4}-\d{1,2}-\d{1,2})[-._](.+)$/;
// Jekyll publishes from `_posts/` only the names it reads a date from, parted with a dash (and Statamic's dot).
const JEKYLL_DATED_NAME = /^(\d{4}-\d{1,2}-\d{1,2})[-.](.+)$/;

/**
 * A date written with its day and month in an order no date says (`03-05-2021`, as Supabase's posts write
 * it), put in order by the file name's date of the same day (`2021-03-05-…`): `2021-03-05`, its time kept.
 * Any other date as it is, to be read (or refused as ambiguous) as usual.
 */
function dayMonthSettled(written: string, fileDate: string): string {
	const parts = /^\s*(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})((?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$/.exec(written);
	if (!parts) return written;
	const [, first, , second, year, time] = parts as unknown as [string, string, string, string, string, string];
	const [fileYear, fileMonth, fileDay] = fileDate.split('-').map(Number);
	if (Number(year) !== fileYear || first === second) return written;
	const iso = (month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}${time.replace(/^T/, ' ')}`;
	if (Number(first) === fileMonth && Number(second) === fileDay) return iso(first, second);
	if (Number(first) === fileDay && Number(second) === fileMonth) return iso(second, first);
	return written;
}
const JEKYLL_DRAFTS = /(?:^|\/)_drafts\//;
const DRAFTS_FOLDER = /(?:^|\/)drafts\//i;
// The posts a drafts/ folder holds back, which a production build names once (draftsFolderWarning()).
const drafted = new Set<string>();

/** Forgets the drafts an earlier build in this process noted (forgetEarlierSyncs()). */
export function forgetDrafted(): void {
	drafted.clear();
}

/** The warning for the posts held back as drafts for their drafts/ folder alone, once per build, or undefined. */
export function draftsFolderWarning(): string | undefined {
	if (drafted.size === 0) return undefined;
	const files = [...drafted].sort();
	drafted.clear();
	const which = files.length === 1 ? `${files[0]} is held back as a draft, for its folder's name` : `${files.length} posts in a folder named drafts (${files.slice(0, 3).join(', ')}${files.length > 3 ? '…' : ''}) are held back as drafts, for their folder's name`;
	return `${which}. Write draft: false in a post to publish it, or rename the folder if it is a section of the blog.`;
}
const JEKYLL_POSTS = /(?:^|\/)_posts\//;
/** Lists of names, where an empty item is a placeholder left unfilled. */
const NAME_LISTS = ['tags', 'categories', 'category', 'keywords'];
/**
 * `alias` as old addresses, added to `aliases`: Mizuki's is the post's own address under that name
 * (`alias: encrypted-example` was /posts/encrypted-example/), whatever the `permalinks` option; hexo-generator-alias' paths
 * (`alias: [api/, api/index.html]`) are from the site's root. An empty one, as Mizuki's template leaves it, is none.
 * Carnet reads `alias` only lately, and Obsidian's names a note (`alias: [JS, My Note]`): a value that cannot
 * be an old address on the site is left out with a warning, where it would have stopped builds that passed.
 */
function readAliasField(data: Record<string, unknown>, source: ParsedSource, file: { displayPath: string; warn?: (message: string) => void }): void {
	const written = data.alias;
	if (written === null || (typeof written === 'string' && written.trim() === '')) {
		delete data.alias;
		return;
	}
	const names = typeof written === 'string' ? [written] : Array.isArray(written) && written.every((item) => typeof item === 'string') ? (written as string[]) : undefined;
	if (names === undefined) return;
	const line = lineOfKey(source, 'alias');
	const addresses: string[] = [];
	for (const name of names.map((item) => item.trim()).filter((item) => item !== '')) {
		// Mizuki's posts were at /posts/<alias>/ whatever Carnet's permalinks are, so a bare name is not relative to the post.
		const address = name.includes('/') ? (name.startsWith('/') ? name : `/${name}`) : /\.html?$/i.test(name) ? `/posts/${name}` : `/posts/${name}/`;
		const unusable = unusableAlias(name) ?? themePageIn(address);
		if (unusable === undefined) {
			addresses.push(address);
			continue;
		}
		file.warn?.(
			`${line ? `${file.displayPath}:${line}` : file.displayPath}: alias: ${JSON.stringify(name)} ${unusable}, so no redirect page is made from it. ` +
				'Remove it from alias; an old address of the post on this site is written as a path (alias: old-name, or aliases: [/2019/old-name/]).',
		);
	}
	const aliases = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
	if (data.aliases === undefined && addresses.length > 0) source.movedKeys = { ...source.movedKeys, aliases: 'alias' };
	if (aliases.length > 0 || addresses.length > 0) data.aliases = [...aliases, ...addresses];
	delete data.alias;
}

/** Why `name`, as an `alias` holds it, is no old address on the site, or undefined when it may be one. */
function unusableAlias(name: string): string | undefined {
	if (/^[a-z][\w+.-]*:|^\/\//i.test(name)) return 'is a full address, not a path on this site';
	if (/\s/.test(name)) return "is a name with spaces, as Obsidian's aliases are, not an old address of the post";
	if (/[<>"`\\\u0000-\u001F\u007F]/.test(name)) return 'has a character that no address holds as written';
	// Mizuki's alias is the post's slug, in lower case: a bare name in capitals (`JS`, `Kubernetes`) is Obsidian's name of the note.
	if (!name.includes('/') && !name.includes('.') && /\p{Lu}/u.test(name)) return "is a name, as Obsidian's aliases are, not an old address of the post";
	return undefined;
}

function themePageIn(address: string): string | undefined {
	const page = themePageOfPath(address);
	return page === undefined ? undefined : `is the address of the theme's ${page} page`;
}

/** Other lists where an empty item is a placeholder left unfilled, whose items are not named objects. */
const PLACEHOLDER_LISTS = ['series', 'author', 'authors', 'aliases', 'redirect_from'];
function namedObjectName(item: unknown): string | undefined {
	if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof Date) return undefined;
	const { name } = item as Record<string, unknown>;
	return typeof name === 'string' ? name : undefined;
}
/** An object (an author's, a CMS's empty item) whose every field is empty: `{ name: '' }`, `{ name: '', url: null }`. */
function isEmptyObject(item: unknown): boolean {
	if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof Date) return false;
	return Object.values(item).every((value) => isBlankField(value) || isEmptyObject(value));
}
/** Go's zero time, which Hugo writes and reads as "no date" (`expiryDate: 0001-01-01T00:00:00Z`). */
const HUGO_ZERO_DATE = /^0001-01-01(?:[T ]00:00:00(?:\.0+)?(?:Z|[+-]00:?00)?(?: \+0000 UTC)?)?$/;

// Carnet's keys by their lower-case spelling (the first of several, `publishDate` and `publishdate`, which are one field).
let knownByLowerCase: Map<string, string> | undefined;
// Hugo's keys that Carnet reads before the schema, so not among its fields: hugo-theme-cleanwhite's posts write `URL`.
const HUGO_KEYS_READ_FIRST = ['url', 'params', 'resources'];
// The keys that hold a post back that Carnet reads before the schema (readStatus() and readUnpublishedOptions()),
// protected-post plugins' among them. One kept as data in another case (`Password: secret`, `Status: draft`) would
// publish the post, and its password with it: better to hold back a public post, with a warning, than to publish a private one.
const HOLD_BACK_KEYS = [
	'private',
	'hidden',
	'unlisted',
	'publish',
	'dg-publish',
	'encrypted',
	'encrypt',
	'password',
	'enc_pwd',
	'status',
	'visibility',
	'headless',
	'build',
	'_build',
	'ignorePublish',
	'eleventyExcludeFromCollections',
	'hideOnBlog',
];

/**
 * Whether `value` under `key`, one of HOLD_BACK_KEYS, holds the post back, for a key written in two cases whose
 * values disagree: the flags of the front matter's reader (`Draft`, `Private`, `Password`…) are settled by it.
 */
function holdsPostBack(key: string, value: unknown): boolean {
	if (key === 'status') return typeof value === 'string' && (UNPUBLISHED_STATUSES.has(value.trim().toLowerCase()) || value.trim().toLowerCase() === 'hidden');
	if (key === 'visibility') return typeof value === 'string' && value.trim().toLowerCase() !== 'public';
	if (key === 'build' || key === '_build') {
		if (value === null || typeof value !== 'object') return false;
		const { render, list } = value as Record<string, unknown>;
		return [render, list].some((option) => option === 'never' || option === false);
	}
	if (key === 'publish' || key === 'dg-publish') return publicationFlag(value) === false;
	if (key === 'hidden') return publicationFlag(value) === true;
	if (key === 'password' || key === 'enc_pwd') return !isBlankField(value);
	// A flag neither true nor false holds the post back as readUnpublishedOptions() reads it.
	return !isBlankField(value) && publicationFlag(value) !== false;
}

/**
 * Hugo reads front-matter keys in any case: `Title`, `Draft: true`, `Tags` and `URL`, as some posts write them, are
 * `title`, `draft`, `tags` and `url`, unless the post also has the key as Carnet spells it (warnUnknownKeys() then
 * names the other). A key that holds a post back, written in two cases, is read in the one Carnet spells, and the
 * other goes, so that no password is left in the post's data: where their values disagree, the one that holds the
 * post back is read (the front matter's reader settled the flags' already, holdsPostBack() the others).
 */
function readKeysInAnyCase(data: Record<string, unknown>, source: ParsedSource): void {
	for (const key of Object.keys(data)) {
		const known = keyInOtherCase(key);
		if (known !== undefined && data[known] !== undefined && HOLD_BACK_KEYS.includes(known)) {
			// Of two spellings that disagree (`status: published`, `Status: draft`), the one that holds the post back is read.
			if (holdsPostBack(known, data[key]) && !holdsPostBack(known, data[known])) {
				data[known] = data[key];
				source.movedKeys = { ...source.movedKeys, [known]: key };
			}
			delete data[key];
		}
		if (known === undefined || data[known] !== undefined) continue;
		data[known] = data[key];
		delete data[key];
		source.movedKeys = { ...source.movedKeys, [known]: key };
	}
}

/**
 * A key that holds a post back, read from another case (`Hidden: true`), that readUnpublishedOptions() left in
 * the post's data (a Jekyll post's `hidden`, which Jekyll does not read) goes back under its key as written:
 * it is the author's own, kept as `data.extra.Hidden` and named so in the warning about it.
 */
export function keepUnreadKeysAsWritten(data: Record<string, unknown>, source: ParsedSource): void {
	for (const known of HOLD_BACK_KEYS) {
		const written = source.movedKeys?.[known];
		if (written === undefined || written.toLowerCase() !== known.toLowerCase() || data[known] === undefined) continue;
		data[written] = data[known];
		delete data[known];
		const { [known]: _, ...moved } = source.movedKeys ?? {};
		source.movedKeys = moved;
	}
}

/**
 * astro-theme-retypeset's `abbrlink` (with its `published` date) names the post's page, `/posts/<abbrlink>/`, before
 * its file name does: it is the slug, and a post in another language than the site's gets the language after it
 * (`markdown-style-guide-zh`), as a Hugo translation does, since Retypeset gives each translation the same one.
 * hexo-abbrlink's (beside Hexo's `date`) is left to be warned about: where it goes depends on the permalink in
 * Hexo's `_config.yml`, which Carnet does not see.
 */
function readRetypesetAbbrlink(data: Record<string, unknown>, source: ParsedSource, locale: string | undefined): void {
	const abbrlink = typeof data.abbrlink === 'string' ? data.abbrlink.trim() : '';
	if (abbrlink === '' || data.slug !== undefined || data.date !== undefined || data.published === undefined || typeof data.published === 'boolean') return;
	const lang = typeof data.lang === 'string' ? data.lang.trim() : '';
	data.slug = lang !== '' && locale !== undefined && !sameLanguage(lang, locale) ? `${abbrlink}-${lang}` : abbrlink;
	delete data.abbrlink;
	source.movedKeys = { ...source.movedKeys, slug: 'abbrlink' };
}

/** The key Carnet reads that `key` spells in another case (`title` for `Title`), if any. */
export function keyInOtherCase(key: string): string | undefined {
	if (KNOWN_KEYS.has(key) || HUGO_KEYS_READ_FIRST.includes(key) || HOLD_BACK_KEYS.includes(key)) return undefined;
	knownByLowerCase ??= [...KNOWN_KEYS, ...HUGO_KEYS_READ_FIRST, ...HOLD_BACK_KEYS].reduce((keys, name) => (keys.has(name.toLowerCase()) ? keys : keys.set(name.toLowerCase(), name)), new Map<string, string>());
	return knownByLowerCase.get(key.toLowerCase());
}

/**
 * Reads Hugo's and Jekyll's conventions into the fields the schema knows, before dates are read:
 * - front-matter keys in any case (`Title`, `Draft`), as Hugo reads them;
 * - a flag written `yes`, `no`, `on` or `off` is true or false, as their YAML 1.1 readers take it;
 * - an empty value (`featured_image: ""`, `description:`) is an absent field, as Hugo's archetypes mean it,
 *   an empty name in a list of tags or categories (`tags: [""]`) is no name, one written as an object is
 *   its `name` (`{ name, slug }`, as Hashnode and Ghost export tags), and a date at Hugo's zero time
 *   (`expiryDate: 0001-01-01T00:00:00Z`) is no date;
 * - the conventions of other engines are read first (post-engines.ts);
 * - Jekyll's `published: false` is a draft (Carnet's `published` is otherwise a date);
 * - a file named `YYYY-MM-DD-slug.md` gives the date, when the front matter has none, and then the slug;
 *   so does any file in a `_posts/` folder for its slug;
 * - a file in a `_drafts/` folder is a draft, dated by its last change when it has no date, as Jekyll does;
 * - Hugo's `images` list gives the featured image when no image field is set;
 * - Hugo's `url` is an old address, as Jekyll's `permalink` is, and a `permalink` without a first slash
 *   (Hexo's, Eleventy's) is from the site's root; jekyll-redirect-from's `redirect_from` adds to `aliases`;
 * - an index file's folder name gives the date and slug as a file name does (Docusaurus's `2021-08-26-welcome/index.md`);
 * - in a `_posts/` or `_drafts/` folder, a string of tags is names separated by spaces (`tags: ruby rails`),
 *   as Jekyll reads it (and Carnet reads `categories` everywhere); with commas, see splitTagString();
 * - a post outside `_posts/` whose permalink has Jekyll's placeholders is read as one of `_posts/` is: its tags,
 *   the title and slug of its file name, the date dropped from its address as Jekyll drops it.
 */
export function applyDialects(
	data: Record<string, unknown>,
	source: ParsedSource,
	file: { displayPath: string; entryFile: string; locale?: string; siblings?: () => readonly string[]; datedTwin?: DatedTwin | undefined; warn?: (message: string) => void },
): void {
	readKeysInAnyCase(data, source);
	readYamlOneOneFlags(data);
	// Themes' switches that turn math on (PaperMod, Chirpy, NexT): Carnet renders math wherever a body has
	// it. `math` and `mermaid`, true or false, are what many archetypes write on every post, and a Mermaid
	// diagram is shown as its source with a warning of its own; another switch that turns math off is left to
	// be warned about, as Carnet cannot.
	for (const key of ['math', 'katex', 'mathjax']) if (data[key] === true) delete data[key];
	for (const key of ['math', 'mermaid']) if (typeof data[key] === 'boolean') delete data[key];
	leaveOutIcons(data, source, file);
	writeFieldEmoji(data, file);
	readOtherEngines(data, source);
	readRetypesetAbbrlink(data, source, file.locale);
	// Some Hugo archetypes leave `tags: [""]` and `categories: [""]`: an empty name in a list of names is no name.
	for (const key of NAME_LISTS) {
		const value = data[key];
		// A tag written as an object with its name (`{ name: Data, slug: data }`, as Hashnode exports and
		// Ghost's API write tags) is that name; its slug is the theme's to make.
		if (Array.isArray(value)) data[key] = value.map((item) => namedObjectName(item) ?? item).filter((item) => !isBlankField(item));
	}
	// So do lists of other names and addresses: hugo-theme-zzo's archetype leaves `series:` with one empty item (`-`).
	// A CMS's list widget leaves an author object with every field empty (`authors: [{ name: '' }, Jane]`): no author either.
	for (const key of PLACEHOLDER_LISTS) if (Array.isArray(data[key])) data[key] = (data[key] as unknown[]).filter((item) => !isBlankField(item) && !(key.startsWith('author') && isEmptyObject(item)));
	if (isEmptyObject(data.author)) delete data.author;
	for (const [key, value] of Object.entries(data)) {
		if (key !== 'title' && KNOWN_KEYS.has(key) && isBlankField(value)) delete data[key];
		else if (DATE_KEYS.includes(key) && typeof value === 'string' && HUGO_ZERO_DATE.test(value.trim())) delete data[key];
	}
	if (typeof data.published === 'boolean') {
		// Of two flags that disagree, the one that holds the post back: one published by mistake cannot be taken back.
		if (!data.published && data.draft === false) warnFlagsDisagree(source, file);
		if (!data.published) data.draft = true;
		delete data.published;
	}
	const hasDate = FIELD_ALIASES.date.some((key) => data[key] !== undefined);
	// A day under a year's folder dates only a post that has no date: with one, its name is a name
	// (`2023/01-10-ways-to-cook-rice.md`, the first of a series).
	const named = datedName(file.displayPath);
	const dated = named && (!hasDate || DATED_FILE_NAME.test(named[0])) ? named : undefined;
	const isJekyllDraft = JEKYLL_DRAFTS.test(file.displayPath);
	// A Jekyll post copied out of `_posts/` whose permalink has Jekyll's placeholders keeps Jekyll's rules: its
	// tags, its title and its address. A dated name with `layout: post` is no such sign: Hugo's, Eleventy's
	// and Astro's posts are named and laid out so too, and read as they always were.
	const jekyll = JEKYLL_POSTS.test(file.displayPath) || hasJekyllPermalink(source.data);
	const undated = dated !== undefined && data.slug === undefined && (!hasDate || jekyll || isJekyllDraft || isZolaPost(source));
	// Earlier versions of Carnet kept the date in such a post's address when it had a date: a redirect keeps it.
	const jekyllDropsDate = undated && hasDate && jekyll && !JEKYLL_POSTS.test(file.displayPath);
	if ((jekyll || isJekyllDraft) && typeof data.tags === 'string' && !data.tags.includes(',')) {
		data.tags = data.tags.trim().split(/\s+/);
	}
	if (dated && !hasDate) data.date = fileNameDate(dated[1] as string, file);
	else if (dated && typeof data.date === 'string') data.date = dayMonthSettled(data.date, dated[1] as string);
	// Jekyll titles a post without one after its file name's slug, each word capitalised.
	if (dated && jekyll && (data.title === undefined || data.title === null)) {
		data.title = (dated[2] as string)
			.split('-')
			.filter((word) => word !== '')
			.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
			.join(' ');
	}
	readCreatedDate(data, source);
	// Zola drops a file name's date from the address whether or not the front matter dates the post; Hugo keeps it.
	const zolaDropsDate = undated && hasDate && !jekyll && !isJekyllDraft && isZolaPost(source);
	// Of two files of _posts/ named alike but for their date, which Jekyll publishes at two dated addresses, the
	// later keeps its date in its address, so that both are published (integration/dated-twins.ts).
	// Under permalinks whose date tells the two apart, only its id keeps the date.
	if (dated && undated && file.datedTwin?.apart && JEKYLL_POSTS.test(file.displayPath)) source.addressSlug = slugifySegment(dated[2], file.locale);
	else if (dated && undated && file.datedTwin !== undefined && JEKYLL_POSTS.test(file.displayPath)) warnDatedTwin(file.displayPath, file.datedTwin, dated, file);
	else if (dated && undated) data.slug = dated[2];
	// Earlier versions of Carnet kept the date in such a post's address: a redirect keeps that address working.
	// It is derived, not written: another post that holds that address keeps it, with a warning (address-check.ts).
	if (dated && (zolaDropsDate || jekyllDropsDate)) source.derivedAliases = [...(source.derivedAliases ?? []), { path: slugifySegment(dated[0]) }];
	if (isJekyllDraft) {
		if (data.draft === undefined) data.draft = true;
		if (data.date === undefined && !hasDate) data.date = statSync(file.entryFile).mtime;
	}
	// A folder named drafts (`content/drafts/`, as Next.js blogs keep posts their site does not read) holds
	// drafts too, unless a post says otherwise.
	if (DRAFTS_FOLDER.test(file.displayPath) && data.draft === undefined && !(source.data.published === true || YAML_1_1_TRUE.test(String(source.data.published ?? '').trim()))) {
		data.draft = true;
		drafted.add(file.displayPath);
	}
	// Hugo's `url` is the address the post had, from the site's root (`url: about-me` is /about-me): an old
	// address, as Jekyll's `permalink` is.
	if (typeof data.url === 'string' && data.url.trim() !== '' && data.permalink === undefined) {
		const url = data.url.trim();
		data.permalink = /^[/\\]|^[a-z][\w+.-]*:/i.test(url) ? url : `/${url}`;
		delete data.url;
		source.movedKeys = { ...source.movedKeys, permalink: 'url' };
	}
	// jekyll-redirect-from's `redirect_from` (a plugin GitHub Pages runs) lists old addresses, as Hugo's `aliases` does.
	const redirectFrom = data.redirect_from;
	if (typeof redirectFrom === 'string' || Array.isArray(redirectFrom)) {
		const aliases = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
		if (data.aliases === undefined) source.movedKeys = { ...source.movedKeys, aliases: 'redirect_from' };
		data.aliases = [...aliases, ...(Array.isArray(redirectFrom) ? redirectFrom : [redirectFrom])];
		delete data.redirect_from;
	}
	// Bear's `alias` is read with its attributes, and Logseq's names the page in the graph: no address.
	if (source.format !== 'metadata' && source.format !== 'logseq') readAliasField(data, source, file);
	if (dated && jekyll && data.slug === dated[2] && data.permalink === undefined) keepJekyllAddress(data, dated[2] as string);
	// Hugo keeps the dots of a file's (or a page bundle's folder's) name in its address, lowercased:
	// `release-1.0.md` was at `…/release-1.0/`, where Carnet's slug is `release-1-0`.
	else if (!dated && !jekyll && !isJekyllDraft && data.slug === undefined && data.permalink === undefined) {
		// Not a translation's language (`post.fr.md`), which Hugo writes elsewhere.
		const translation = fileTranslation(path.basename(file.entryFile), file.locale ?? 'en', file.siblings ?? namesBeside(file.entryFile));
		const name = translation?.name ?? postName(file.displayPath);
		// And its plus signs (`goharbor+terraform.md`), which Carnet's slug spells `plus`.
		if (name.includes('.') || name.includes('+')) keepJekyllAddress(data, name.toLowerCase());
		// And its underscores and accents, as Astro's glob() does too (`my_first_post.md` at `…/my_first_post/`,
		// `café-crème.md` at `…/café-crème/`), where Carnet's slug is `my-first-post`, `cafe-creme`: an address
		// Carnet derives, which redirects unless something else holds it (utils/derived-redirects.ts). A translation
		// (`my_post.fr.md`, a bundle's `index.fr.md`) was under its language's folder, which Carnet's addresses do not have: it gets none.
		else if (translation === undefined && !/^index\.[^.]+\.[^.]+$/i.test(path.basename(file.entryFile)) && /^[\p{L}\p{M}\p{N}_-]+$/u.test(name) && /[^\x00-\x7F]|_/.test(name)) {
			const written = name.normalize('NFC').toLowerCase();
			if (written !== slugifySegment(name, file.locale)) source.derivedAliases = [...(source.derivedAliases ?? []), { path: written, fileName: 'written' }];
		}
	}
	// Hexo's and Eleventy's `permalink` is from the site's root without its first slash (`hexo/hello/`).
	if (typeof data.permalink === 'string' && !/^[/\\]|^[a-z][\w+.-]*:/i.test(data.permalink.trim())) data.permalink = `/${data.permalink.trim()}`;
	unwrapImageObject(data, source, file);
	readImageCaptions(data);
	readFutureImperfectImage(data, source);
	// Hugo's `images` (the first), or the image a post gives social networks (Home Assistant's and Jekyll SEO's
	// `og_image`, `ogImage`, `social_image`): the featured image of a post that names none.
	// Each may be an object that names its image, as Hugo Future Imperfect Slim's `[[images]]` tables
	// (`src`, `alt`, `stretch`) and the Next.js blog starter's `ogImage: { url }` write it: its path is the
	// image, its `alt` the featured image's alt text, and the rest (`stretch`, a layout hint) goes.
	for (const key of ['images', 'og_image', 'ogImage', 'social_image']) {
		const named = FIELD_ALIASES.image.some((name) => data[name] !== undefined);
		// Beside a featured image, the social image is kept as written, reported as other unknown keys are.
		if (named && key !== 'images') continue;
		let alt: unknown;
		if (plainImageObject(data[key]) !== undefined) data[key] = [data[key]];
		const images = typeof data[key] === 'string' ? [data[key]] : data[key];
		if (Array.isArray(images)) {
			for (const [index, image] of images.entries()) {
				const object = plainImageObject(image);
				if (object === undefined) continue;
				images[index] = object.path;
				if (index === 0) alt = object.alt;
			}
		}
		const first = Array.isArray(images) ? images[0] : undefined;
		if (typeof first !== 'string' || first.trim() === '' || named) continue;
		data.featured_image = first;
		if (typeof alt === 'string' && alt.trim() !== '' && !FIELD_ALIASES.imageAlt.some((name) => data[name] !== undefined)) {
			data.featured_image_alt = alt;
			source.movedKeys = { ...source.movedKeys, featured_image_alt: key };
		}
		if (key !== 'images') delete data[key];
		source.movedKeys = { ...source.movedKeys, featured_image: key };
	}
}

/**
 * Hugo Future Imperfect's `featured` (an image's file name), in the folder `featuredpath` names, with
 * `featuredalt` its alt text: the featured image of a post that names none. Only a file name: `featured: true`
 * is other themes' flag for a post to put forward, left as it is. Its `featuredpath: date` (the date's
 * `/img/YYYY/MM/` folder) is left to be reported too.
 */
function readFutureImperfectImage(data: Record<string, unknown>, source: ParsedSource): void {
	const { featured, featuredpath: folder, featuredalt: alt } = data;
	if (typeof featured !== 'string' || !/\.(?:jpe?g|png|webp|avif|gif|svg)$/i.test(featured.trim()) || FIELD_ALIASES.image.some((name) => data[name] !== undefined)) return;
	if (folder !== undefined && (typeof folder !== 'string' || folder.trim() === 'date')) return;
	const name = featured.trim();
	const base = folder?.trim() ?? '';
	// A full address or a path from the root is the image itself, as the theme's template joins only a name.
	const joined = base === '' || /^(?:[/\\]|[a-z][\w+.-]*:)/i.test(name) ? name : `${base.endsWith('/') ? base : `${base}/`}${name.startsWith('/') ? name.slice(1) : name}`;
	data.featured_image = joined;
	delete data.featured;
	delete data.featuredpath;
	source.movedKeys = { ...source.movedKeys, featured_image: 'featured' };
	if (typeof alt === 'string' && alt.trim() !== '' && !FIELD_ALIASES.imageAlt.some((key) => data[key] !== undefined)) {
		data.featured_image_alt = alt;
		delete data.featuredalt;
		source.movedKeys = { ...source.movedKeys, featured_image_alt: 'featuredalt' };
	}
}

/** The path (`src`, `url` or `path`) and alt text of an image written as an object, or undefined for anything else. */
function plainImageObject(value: unknown): { path: string; alt: unknown } | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return undefined;
	const object = value as Record<string, unknown>;
	const path = [object.src, object.url, object.path].find((name) => typeof name === 'string' && name.trim() !== '');
	return typeof path === 'string' ? { path, alt: object.alt } : undefined;
}

/** A post in Zola's TOML front matter, told from Hugo's by the tables and keys only Zola has (as post-engines.ts tells it). */
function isZolaPost(source: ParsedSource): boolean {
	return source.format === 'toml' && ['taxonomies', 'extra', 'path', 'template', 'in_search_index'].some((key) => source.data[key] !== undefined);
}

/**
 * Jekyll makes a post's address from its file name as written, its dots and case kept
 * (`2021-04-26-swift-5.4-released.md` is at `…/swift-5.4-released/`), as Hugo does, lowercased, where Carnet's slug is
 * `swift-5-4-released`: that old address, relative to the post's section as Hugo reads an alias, gets a
 * redirect page. Not when the two differ by case alone: on a disk that ignores case, as macOS's does, the
 * redirect page would be written over the post's own page.
 */
function keepJekyllAddress(data: Record<string, unknown>, name: string): void {
	// Jekyll's `:title`, which slugifies in its "pretty" mode, case kept.
	const title = name.replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
	// Nor for a name that ends as a file that is no page (`node.js`, `chart.js`): a redirect page cannot stand in for one.
	if (title === '' || slugifySegment(title) === title.toLowerCase() || /^\.+$/.test(title) || fileExtension(title) !== undefined) return;
	const aliases = data.aliases === undefined ? [] : Array.isArray(data.aliases) ? data.aliases : [data.aliases];
	data.aliases = [...aliases, title];
}

/**
 * Warns that the post at `displayPath` keeps its date in its address, the address without it being `twin.holder`'s.
 * Which of the two had that address in earlier builds is not in the files (a build's output depends on its sources
 * alone): when the earlier was held back until now, publishing it moved the later, whose old address now shows the
 * other post. No redirect page can keep it, that address being a page: the warning gives the slug that does.
 */
function warnDatedTwin(displayPath: string, twin: DatedTwin, [whole, , rest]: [string, string, string], file: { locale?: string; warn?: (message: string) => void }): void {
	const undated = slugifySegment(rest, file.locale);
	const kept = slugifySegment(whole, file.locale);
	if (twin.heldBack) {
		file.warn?.(
			`${displayPath}: held back from production builds, it leaves its address without the date, ${undated}, to ${twin.holder}, the later post of the same name, which they publish, so it keeps its date in its address: ${kept}, where astro dev shows it. ` +
				`Once it is published, it takes the address without the date and ${twin.holder} moves to its dated one, where links to it would not follow: to keep that post where it is, give this one a slug field (slug: ${kept}) or rename the file.`,
		);
		return;
	}
	const holderKept = slugifySegment(datedName(twin.holder)?.[0] ?? '', file.locale);
	file.warn?.(
		`${displayPath}: its address without the date, ${undated}, is that of ${twin.holder}, the earlier post of the same name, so it keeps its date in its address: ${kept}, as Jekyll dates both. ` +
			`If this post had the address ${undated} until ${twin.holder} was published (a draft, published: false or not yet due until now), that address now shows the earlier post: to keep this one there, write slug: ${holderKept} in the front matter of ${twin.holder}. ` +
			'To choose its address, give it a slug field (slug: a-new-address) or rename the file; if it is a copy of the earlier post, delete it.',
	);
}

/**
 * The name that may carry a post's date: its file's, or its folder's for an index file, as Docusaurus dates
 * `2021-08-26-welcome/index.md` (and Jekyll and Hugo date a page bundle's folder name when told to).
 */
/**
 * The date and the rest of a post's name (postName()): `2024-01-05-hello` → ['2024-01-05', 'hello'], or
 * under a year's folder, as Docusaurus's own blog keeps its posts from 2022 on, `2022/09-01-docusaurus-2.1`
 * (a file, or the folder of an index file) → ['2022-09-01', 'docusaurus-2.1']; undefined for a name with no date.
 */
function datedName(displayPath: string): [whole: string, date: string, rest: string] | undefined {
	const name = postName(displayPath);
	const dated = DATED_FILE_NAME.exec(name);
	if (dated) return [dated[0], dated[1] as string, dated[2] as string];
	const day = /^(\d{1,2})-(\d{1,2})[-.](.+)$/.exec(name);
	const segments = displayPath.split('/');
	// The folder above the name: above the file, or above an index file's folder.
	const year = segments.at(bundleIndex(fileStem(segments.at(-1) ?? '')) ? -3 : -2);
	// A month and a day of one (`13-45-things` is a name).
	if (!day || year === undefined || !/^\d{4}$/.test(year) || Number(day[1]) < 1 || Number(day[1]) > 12 || Number(day[2]) < 1 || Number(day[2]) > 31) return undefined;
	return [name, `${year}-${day[1]}-${day[2]}`, day[3] as string];
}

function postName(displayPath: string): string {
	const segments = displayPath.split('/');
	const name = fileStem(segments.pop() ?? '');
	return bundleIndex(name) && segments.length > 0 ? (segments.pop() as string) : name;
}

/**
 * Hugo themes such as Blowfish, Congo and Wowchemy show an image named feature… (featured.jpg) beside a page
 * bundle's index.md as its featured image, with nothing in the front matter: the first such file, in name
 * order, of a post whose front matter names no image. It comes from the folder, not the file, so the
 * loader's key names it.
 */
export function bundleFeatureImage(data: Record<string, unknown>, entryFile: string): string | undefined {
	if (!bundleIndex(path.basename(entryFile).replace(/\.[^.]+$/, '')) || FIELD_ALIASES.image.some((key) => data[key] !== undefined)) return undefined;
	try {
		return readdirSync(path.dirname(entryFile))
			.filter((entry) => /^feature[^/]*\.(?:jpe?g|png|webp|avif)$/i.test(entry))
			.sort()[0];
	} catch {
		return undefined;
	}
}

/** What PaperMod's archetype writes as `cover.image` for the author to replace. */
const PAPERMOD_COVER_PLACEHOLDER = '<image path/url>';

/** The key under which a PaperMod cover hidden on the post's page is marked, read by preparePostFile(). */
export const COVER_HIDDEN = 'cover.hidden';

/**
 * A featured image written as an object, as some of the most used themes write it: Hugo PaperMod's
 * `cover: { image, alt, caption, relative }`, starlight-blog's `cover: { light, dark, alt }` (its light image; the
 * dark one is left out), Jekyll Chirpy's (and jekyll-seo-tag's) `image: { path, alt }`,
 * Jekyll Minimal Mistakes' `header: { overlay_image, image, teaser }`, Astro's blog tutorial's
 * `image: { url, alt }`, Astro Cactus's `coverImage: { src, alt }` and CloudCannon's
 * `featured_image: { image, image_alt }`. The path becomes the featured
 * image and `alt` its alt text, PaperMod's `caption` its caption; what else the object holds (`lqip`,
 * `overlay_filter`) is kept as `image.lqip`…, and reported as other unknown keys are.
 * PaperMod's cover.html looks for a cover beside the post (a page bundle) first, then in the site's `assets/`
 * and `static/`, whatever `relative` says (only its og:image reads `relative`), as Carnet reads a bare
 * `featured_image`; it shows none on the post's page with `hidden: true`, and none for its archetype's
 * unfilled `image: "<image path/url>"`. An object with `src` is Carnet's own remote image with
 * its size, left as is.
 */
function unwrapImageObject(data: Record<string, unknown>, source: ParsedSource, file: { displayPath: string; warn?: (message: string) => void }): void {
	const imageKeys: readonly string[] = FIELD_ALIASES.image;
	for (const { key, paths } of IMAGE_OBJECTS) {
		const value = data[key];
		if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) continue;
		const object = value as Record<string, unknown>;
		// Carnet's own remote image, `{ src, width, height }`, is the schema's to read.
		if (typeof object.src === 'string' && typeof object.width === 'number' && typeof object.height === 'number') continue;
		const pathKey = paths.find((name) => typeof object[name] === 'string' && object[name].trim() !== '') ?? paths.find((name) => typeof object[name] === 'string');
		if (pathKey === undefined) {
			// The settings of an image the object does not name: Wowchemy's `image: { caption, focal_point,
			// alt_text }` for the `featured.jpg` beside the post (bundleFeatureImage()). Its alt text and its
			// caption, shown under the image, are read; the rest is reported as other unknown keys are.
			if (!imageKeys.includes(key)) continue;
			delete data[key];
			const { alt_text: altText, caption, ...rest } = object;
			if (typeof altText === 'string' && altText.trim() !== '' && !FIELD_ALIASES.imageAlt.some((altKey) => data[altKey] !== undefined)) {
				data.featured_image_alt = altText;
				source.movedKeys = { ...source.movedKeys, featured_image_alt: key };
			} else if (altText !== undefined) rest.alt_text = altText;
			if (!readImageCaption(data, source, key, caption) && caption !== undefined) rest.caption = caption;
			keepAsKeys(data, source, key, rest);
			continue;
		}
		// `header` is no image field of Carnet's: its image is the featured image, unless the post names one.
		const target = imageKeys.includes(key) ? key : imageKeys.some((name) => data[name] !== undefined) ? undefined : 'featured_image';
		delete data[key];
		let kept = object;
		if (target !== undefined) {
			// CloudCannon's templates write `featured_image: { image, image_alt }`.
			const altKey = typeof object.alt !== 'string' && typeof object.image_alt === 'string' ? 'image_alt' : 'alt';
			const { [pathKey]: written, [altKey]: writtenAlt, ...rest } = object;
			let src = (written as string).trim();
			let alt = writtenAlt;
			if (key === 'cover') {
				// A bare path (`cover.jpg`, `images/cover.jpg`) is left bare: it is looked for beside the post, then in
				// public/ (resolveImagePath()), as PaperMod looks in the page bundle, then in the site's root.
				delete rest.relative;
				// PaperMod's archetype, not filled in: no cover, and its alt text and caption are its placeholders too.
				if (src === PAPERMOD_COVER_PLACEHOLDER) {
					const line = lineOfKey(source, 'cover.image');
					file.warn?.(
						`${line ? `${file.displayPath}:${line}` : file.displayPath}: cover.image is "${PAPERMOD_COVER_PLACEHOLDER}", PaperMod's archetype's placeholder, so the post has no cover. ` +
							'Write the path of the cover (cover.jpg beside the post, or /images/cover.jpg in public/), or remove the cover.',
					);
					src = '';
					if (alt === '<alt text>') alt = undefined;
					if (rest.caption === '<text>') delete rest.caption;
				}
				// PaperMod's caption under the cover, most often the photo's credit: the featured image's caption.
				if (readImageCaption(data, source, key, rest.caption)) delete rest.caption;
				// PaperMod's `hidden` and `hiddenInSingle` keep the cover off the post's page, where it stays the
				// post's image for cards and social previews: Carnet's post page leaves it out as it does an image
				// the body shows (post-file.ts). `hiddenInList` has no counterpart, as a card shows its image.
				if (rest.hidden === true || rest.hiddenInSingle === true) data[COVER_HIDDEN] = true;
				for (const flag of ['hidden', 'hiddenInSingle', 'hiddenInList']) if (typeof rest[flag] === 'boolean') delete rest[flag];
				// Its dark variant: a page shows one featured image, in either scheme.
				if (pathKey === 'light') delete rest.dark;
			}
			data[target] = src;
			if (target !== key) source.movedKeys = { ...source.movedKeys, [target]: key };
			if (typeof alt === 'string' && alt.trim() !== '' && !FIELD_ALIASES.imageAlt.some((altKey) => data[altKey] !== undefined)) {
				data.featured_image_alt = alt;
				source.movedKeys = { ...source.movedKeys, featured_image_alt: key };
			} else if (alt !== undefined) rest[altKey] = alt;
			// jekyll-seo-tag's `{ path, width, height }`: Carnet measures the image itself.
			for (const size of ['width', 'height']) if (typeof rest[size] === 'number') delete rest[size];
			kept = rest;
		}
		keepAsKeys(data, source, key, kept);
	}
}

/**
 * A title and a description without Material for MkDocs' icon shortcodes (`Adding a :simple-x: badge`), as a
 * body is left without them, with the same warning naming the field's line: shown as written, they would be
 * read as `:simple-x:` on every card and feed. Read before their Markdown, whose code keeps its shortcodes.
 */
function leaveOutIcons(data: Record<string, unknown>, source: ParsedSource, file: { displayPath: string; warn?: (message: string) => void }): void {
	for (const key of ['title', ...FIELD_ALIASES.description]) {
		const written = data[key];
		if (typeof written !== 'string') continue;
		const { body: text, lines } = withoutIconShortcodes(written);
		// A title of icons alone is kept as written: a post has a title.
		if (lines.length === 0 || text.trim() === '') continue;
		data[key] = text.trim();
		// A value over lines is named by its key's line.
		const line = lineOfKey(source, key);
		const icons = [{ line: 1, icons: lines.flatMap((found) => found.icons) }];
		file.warn?.(`${line ? `${file.displayPath}:${line}` : file.displayPath}: ${iconsLeftOut(icons, line ?? 1, key === 'title' ? 'title' : 'description')}`);
	}
}

/**
 * A title and a description with GitHub's emoji shortcodes (`Shipped it :tada:`) as the emoji, as the post's body
 * shows them (post-body.ts), so that its page, cards, feeds and `<title>` agree with it. Unknown names, times,
 * addresses and code stay as written, as they do in the body; so do the fields of an MDX post, whose body
 * @astrojs/mdx compiles as written.
 */
function writeFieldEmoji(data: Record<string, unknown>, file: { displayPath: string }): void {
	if (file.displayPath.toLowerCase().endsWith('.mdx')) return;
	for (const key of ['title', ...FIELD_ALIASES.description]) {
		const written = data[key];
		if (typeof written === 'string') data[key] = emojiShortcodes(written);
	}
}

/** Whether `caption`, written in the image object `key`, is read as the featured image's caption: one the post does not write as its own. */
function readImageCaption(data: Record<string, unknown>, source: ParsedSource, key: string, caption: unknown): boolean {
	if (typeof caption !== 'string' || caption.trim() === '' || FIELD_ALIASES.imageCaption.some((name) => data[name] !== undefined)) return false;
	data.featured_image_caption = caption;
	source.movedKeys = { ...source.movedKeys, featured_image_caption: key };
	return true;
}

/**
 * Whether a post is left out of a production build, as Hugo does: a draft; a post whose `expiryDate` has
 * passed; a post dated in the future, unless the `future` option publishes it. Dates are already read.
 */
export function heldBackReason(data: Record<string, unknown>, options: { now: number; future: boolean }): HeldBack | undefined {
	if (data.draft === true) return 'draft';
	const expires = firstDate(data, FIELD_ALIASES.expires);
	if (expires && expires.getTime() <= options.now) return 'expired';
	const due = publicationDate(data);
	if (!options.future && due && due.getTime() > options.now) return 'future';
	return undefined;
}

/**
 * When the post is published, once dates are read: the latest of its date fields, since Hugo shows `date`
 * but publishes at `publishDate` when both are set.
 */
export function publicationDate(data: Record<string, unknown>): Date | undefined {
	const dates = FIELD_ALIASES.date.map((key) => data[key]).filter((value): value is Date => value instanceof Date);
	return dates.length === 0 ? undefined : new Date(Math.max(...dates.map((date) => date.getTime())));
}

/**
 * One line about the posts a production build leaves out for their dates (drafts go unsaid): how many,
 * and when the next future one is due, so that nobody wonders where a post went.
 */
export function describeHeldBack(heldBack: ReadonlyMap<string, { reason: HeldBack; date: Date | undefined }>, timeZone: string): string[] {
	const future = [...heldBack].filter(([, post]) => post.reason === 'future').sort(([, a], [, b]) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
	const expired = [...heldBack].filter(([, post]) => post.reason === 'expired').map(([file]) => file).sort();
	const lines: string[] = [];
	const [next] = future;
	if (next) {
		const [file, { date }] = next;
		lines.push(
			`${plural(future.length, 'post is', 'posts are')} dated in the future and left out of this build; the next, ${file}, is due ${date ? toZonedISOString(date, timeZone) : 'later'}. ` +
				'Each appears with the first build after its date; set future: true in the carnet() options to publish them now.',
		);
	}
	if (expired.length > 0) lines.push(`${plural(expired.length, 'post has', 'posts have')} an expiryDate that has passed and ${expired.length === 1 ? 'is' : 'are'} left out of this build: ${expired.join(', ')}.`);
	return lines;
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

function firstDate(data: Record<string, unknown>, keys: readonly string[]): Date | undefined {
	for (const key of keys) if (data[key] instanceof Date) return data[key];
	return undefined;
}

// The flags that decide whether a post is published (`encrypted` and `encrypt` are read by readUnpublishedOptions(),
// which names them as written).
const PUBLICATION_FLAGS = new Set(['draft', 'published', 'publish', 'dg-publish', 'hidden', 'unlisted', 'private', 'headless', 'ignorePublish', 'eleventyExcludeFromCollections', 'hideOnBlog']);
// The flags Carnet reads, and the names other engines give them.
const FLAG_KEYS = [...PUBLICATION_FLAGS, 'pinned', 'comments', 'toc', 'hide_table_of_contents', 'ShowToc', 'showToc'];
// The flags whose `true` holds a post back, which hold it back too when their value is neither true nor false.
// `hidden` is not among them: another value is a theme's own (`hidden: sidebar`).
const DOUBTFUL_FLAGS = ['encrypted', 'encrypt', 'private', 'unlisted', 'headless', 'ignorePublish', 'eleventyExcludeFromCollections', 'hideOnBlog'];
const YAML_1_1_TRUE = /^(?:yes|on|true)$/i;
const YAML_1_1_FALSE = /^(?:no|off|false)$/i;
// What Hugo's cast.ToBool reads besides true and false (Go's strconv.ParseBool): 1 and 0, t and f.
const CAST_TRUE = /^(?:1|t)$/i;
const CAST_FALSE = /^(?:0|f)$/i;

/**
 * A flag that decides whether a post is published, as its engine reads it: true or false, YAML 1.1's words
 * (`yes`, `on`, `off`…), and Hugo's cast.ToBool's 1, 0, t and f, as numbers or text. Undefined for another value.
 */
export function publicationFlag(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value !== 'string') return undefined;
	const word = value.trim();
	if (YAML_1_1_TRUE.test(word) || CAST_TRUE.test(word)) return true;
	if (YAML_1_1_FALSE.test(word) || CAST_FALSE.test(word)) return false;
	return undefined;
}

/**
 * `draft: no`, `comments: yes`, `published: off`: Jekyll (Ruby's Psych) and Hugo (go-yaml) read YAML 1.1,
 * where these words are true and false; Carnet's YAML reader (1.2) reads them as text. A flag written so
 * means what its engine read, not a broken field. A flag that decides publication written `1`, `0`, `"1"`,
 * `"0"`, `t` or `f` is read as Hugo's cast.ToBool reads it: as a number or text, `private: 1` would publish
 * the post and `draft: 1` stop the build. Another number is left for the schema to refuse.
 */
function readYamlOneOneFlags(data: Record<string, unknown>): void {
	for (const key of FLAG_KEYS) {
		const value = data[key];
		if (PUBLICATION_FLAGS.has(key)) {
			const flag = publicationFlag(value);
			if (flag !== undefined) data[key] = flag;
			continue;
		}
		if (typeof value !== 'string') continue;
		const word = value.trim();
		if (YAML_1_1_TRUE.test(word)) data[key] = true;
		else if (YAML_1_1_FALSE.test(word)) data[key] = false;
	}
	// Front Matter CMS's draft field of the choice type, and editors' statuses written under `draft`.
	if (typeof data.draft === 'string') {
		const word = data.draft.trim().toLowerCase();
		if (DRAFT_WORDS.test(word)) data.draft = true;
		else if (PUBLISHED_WORDS.test(word)) data.draft = false;
	}
}

// What a draft field says in words: still a draft, or published.
const DRAFT_WORDS = /^(?:draft|drafts?|in[ _-]?progress|wip|work[ _-]in[ _-]progress|todo|to[ _-]?do|review|in[ _-]review|pending|unpublished|private|hidden|idea|writing)$/;
const PUBLISHED_WORDS = /^(?:published|publish|public|done|live|ready|final|complete|completed)$/;
