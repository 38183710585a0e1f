import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { NOTE_CLASSES, ZOLA_ADMONITION_TYPES, bootstrapAlertAsCallout, oneLineBoxAsCallout, unknownNoteClass, zolaAdmonitionCallAsCallout } from './admonitions.ts';
import { BLOCK_TAG } from './html-openers.ts';
import { hasMarkdocTags } from './markdoc.ts';
import { isEleventyTemplate } from './eleventy.ts';
import { leaveOutObsidianComments } from './obsidian-comments.ts';
import { digest, stableStringify } from '../utils/digest.ts';
import { CAPTION_HTML_SCHEMA } from '../utils/feed-html-schema.ts';
import { generatedHeadingId } from '../utils/heading-ids.ts';
import { lineAt, lineStarts } from '../utils/line-offsets.ts';
import { renderIntro } from '../utils/intro.ts';
import { scriptingScheme } from '../utils/links.ts';
import { hasPostExtension } from '../utils/post-files.ts';
import { slugifySegment } from '../utils/slugs.ts';
import { AS_WRITTEN_MARK } from '../utils/summary.ts';
import { escapeHtmlText, escapeXml, unescapeXml } from '../utils/xml.ts';
import { GO_ACTION, goCodeBlock, goRawBlocks } from './go-actions.ts';
import { TAG_READ_LIMIT, openTagLines, readTag, readTags, withoutQuoteMarkers, type Tag } from './html-tags.ts';
import { readRawText, rawTextLines, type RawTextLine } from './raw-text-reader.ts';
import { scriptInTag, type ScriptRisk } from './script-attributes.ts';
import { setAsideStandIns, STAND_IN } from './stand-ins.ts';
import { asRawTextWrites } from './raw-text-values.ts';
import { displayMathLines as mathBlockLines } from './math-delimiters.ts';
import { codeSpanMasks, fenceAfter, fencedLines, indentedCodeLines, markLinkBackticks, maskCodeSpans, paragraphCodeSpans, verbatimLines } from './fences.ts';

/**
 * Hugo shortcodes and Jekyll Liquid tags in a Markdown body, turned into the Markdown or HTML they stand
 * for before the site's Markdown processor sees the body (a source transform: a shortcode spans
 * paragraphs and code fences, which no tree transform could put back together). Embeds become plain
 * links: no third-party script, frame or image loads with the page, and nothing for a CSP to block.
 */

export interface ShortcodeContext {
	/** The post address of slug `slug` dated `date` (`YYYY-MM-DD`), with `base`; undefined if it needs a date it lacks. */
	postUrl: (slug: string, date?: string) => string | undefined;
	/**
	 * Finds the post that a `ref`, `relref`, `post_url` or `link` names in the posts folder, and its address
	 * (from its front matter: slug, date); `from` is the file of the post that links, which Hugo resolves
	 * relative paths against. Without it, the address is made from the name alone.
	 */
	findPost?: ((name: string, kind: ReferenceKind, from?: string) => FoundPosts) | undefined;
	/**
	 * Finds the post that an address another engine gave it names (`/blog/2022/05/13/slug/`, a root path or
	 * one on the site's host) by its slug and date; undefined when the site has that address, or it is a file.
	 */
	findPostAt?: ((address: string) => (FoundPosts & { named: string }) | undefined) | undefined;
	/** The host of the site's `site` (`example.com`), on which an absolute link may be an address of the site. */
	siteHost?: string | undefined;
	/**
	 * The page that lists a Zola section's posts, which a link to its `_index.md` names (`@/blog/_index.md`,
	 * `section`: `blog`): the home page when the section is the posts folder or a folder in it, else no `url`.
	 */
	findSection?: ((section: string) => { folder: string; url: string | undefined }) | undefined;
	/** Link texts in the site's language. */
	labels: { youtube: string; vimeo: string; gist: string };
	locale: string;
}

/** How a reference names a post: Hugo's `ref` and `relref` by path, Jekyll's `post_url` by file name, `link` by path. */
export type ReferenceKind = 'ref' | 'post_url' | 'link';

/** The posts a reference may name: one is found; none or several are an error. */
export interface FoundPosts {
	/** The posts folder, root-relative, as messages name it. */
	folder: string;
	/** The matching files, relative to the posts folder. */
	files: string[];
	/** The address of the one file found, with `base`; undefined for none, several, a post this build leaves out, or a post without the date its address needs. */
	url: string | undefined;
	/** Why the one file found has no page in this build (a draft, a post dated in the future, or expired). */
	heldBack?: 'draft' | 'expired' | 'future' | undefined;
	/** The front matter, as written, that makes the one file found a draft when it is not `draft: true` (`private: true`, `password: …`). */
	heldBackBy?: string | undefined;
	/** The title of the one file found, for links whose text it is (Hexo's post_link). */
	title?: string | undefined;
}

/** A reference to another post, and what the body took from that post: a post's body depends on it. */
export interface PostReference {
	/** As written: `other.md`, `2024-01-05-slug`. */
	target: string;
	/** The file it named, relative to the posts folder; undefined when none (or several) matched. */
	file: string | undefined;
	/** The address put in the body. */
	url: string | undefined;
	/** The title put in the body, when the link's text is the post's title (Hexo's post_link). */
	title?: string | undefined;
}

/** A shortcode or tag left as written (or left out, or shown as `shownAs` says), with its line and why. */
export interface Unknown {
	line: number;
	text: string;
	reason: string;
	leftOut?: true | undefined;
	shownAs?: string | undefined;
	/** What to write instead, for a link kept as written, when it is not to correct the path. */
	fix?: string | undefined;
}

export interface ShortcodeResult {
	body: string;
	/**
	 * Where each line of `body` was written (1 = the body's first), when shortcodes took more lines than
	 * they were written on (a Hugo figure, a Go `{{code}}` action): what a later warning names.
	 */
	lines?: number[] | undefined;
	/**
	 * What was left as written, with its line in the body (1 = the body's first line). A `reason` that knows
	 * what to write instead says it last, after a `; ` (`…; correct the name`): the warning gives no other.
	 */
	unknown: Unknown[];
	/** The posts that references named, in the order they are written. */
	references: PostReference[];
	/** The references to posts this build holds back written as a link's address, for resolvePostLinks() to show the link as its text. */
	heldBackLinks?: HeldBackLink[] | undefined;
}

/**
 * A `ref`, `relref`, `post_url` or `link` to a post this build holds back, written as the whole address of a
 * Markdown link or definition (`[a]({{< ref "draft.md" >}})`). It stands in the body as `placeholder`, an
 * address that markdown/post-links.ts reads as such a link, as it reads a link to the post's file.
 */
export interface HeldBackLink {
	placeholder: string;
	/** The reference as written. */
	text: string;
	/** Why the post has no page, as a link to its file is told. */
	reason: string;
	/** What the reference is shown as where no link holds it after all (an image's address): as written, as code. */
	asWritten: string;
}

// {{< name args >}}, {{% name args %}}, their closing forms, and Hugo's escaped {{</* … */>}} (whose `*/` ends
// the arguments: HUGO_ESCAPE_END).
// The arguments hold no `{{`, so that each attempt ends at the next shortcode: thousands of unclosed `{{< a` are read in one pass.
// Each part is read one way only (the name whole, the arguments up to the first `>}}` or `%}}`, no two runs
// of spaces side by side), so that an unclosed one followed by a long run of spaces or letters is given up in
// linear time.
const HUGO = /\{\{([<%])\s*(?:(\/\*)\s*)?(?:(\/)\s*)?([\w.-]+)(?![\w.-])((?:[^{\n>%]|[>%](?!\}\})|\{(?!\{))*)[>%]\}\}/g;
const HUGO_ESCAPE_END = /\*\/\s*$/;
// {% name args %}, with Liquid's whitespace-trimming dashes.
// A `%` in the arguments is theirs (`{% jsfiddle id result 100% 550px %}`) unless it ends the tag.
// Markdoc's closing tags too: `{% /callout %}`.
// The arguments hold no `{%`, so that each attempt ends at the next tag: thousands of unclosed `{% a` are read in one pass.
const LIQUID = /\{%-?\s*(\/?\w+)((?:[^%{]|%(?!\})|\{(?!%))*?)-?%\}/g;
// ERB's `<%= figure "a" %>`, `<% if x %>`, `<%# note %>`, as nanoc's and Middleman's posts write Ruby among their text,
// with white space after the opening (`<%%` is ERB's own `<%`). Its code holds no `<%`: each attempt ends at the next.
const ERB = /<%(?:==?|-|#)?(?=\s)(?:[^%<\n]|%(?!>)|<(?!%))*%>/g;
const ERB_REASON = 'it is ERB, Ruby that nanoc and Middleman run as they build a page, which Carnet does not run';

/** What a post's own tags read, beyond the site's. */
export interface PostShortcodeContext {
	/** Whether Hugo's boxes and Hexo's notes are read as callouts (the theme's `callouts` option); true unless false. */
	callouts?: boolean | undefined;
	/**
	 * Whether `$$` blocks are display math (the theme's `math` option), whose lines are the formula's and left as
	 * written, a fence line among them opening no code; true unless false.
	 */
	math?: boolean | undefined;
	/** Whether each code element showing a shortcode as written is followed by AS_WRITTEN_MARK (a Markdown post's body, whose summary leaves it out). */
	markAsWritten?: boolean | undefined;
	/** The post's own file, against which a `ref` to a relative path (`../other/index.md`) is resolved. */
	file?: string | undefined;
	/** Hexo's asset folder, relative to the post: `./hello` for `hello.md`. */
	assetFolder?: string | undefined;
	/**
	 * Where the image an Obsidian embed names is (`![[diagram.png]]`), as a path from the post's folder, or
	 * why it is not shown (integration/attachments.ts).
	 */
	findEmbed?: ((name: string) => string | { reason: string }) | undefined;
	/**
	 * The file of the post's page bundle whose name starts with `name`, as a path from the post's folder, which
	 * Docsy's `{{< imgproc name Fit 700x500 >}}` shows (integration/post-body.ts); undefined for none.
	 */
	findResource?: ((name: string) => string | undefined) | undefined;
	/** The title of a details or expand box that has none ("Details", in the site's language): empty for its kind's. */
	detailsTitle?: string | undefined;
	/**
	 * Whether the post's Liquid (`{{ site.url }}`, `{% include x.html %}`) is read; false for Jekyll's
	 * `render_with_liquid: false`, which shows it as written. Hugo's shortcodes are read either way.
	 */
	liquid?: boolean | undefined;
	/** The post's front matter, which Hugo's `{{< param "key" >}}` shows a value of. */
	params?: Readonly<Record<string, unknown>> | undefined;
	/**
	 * The text of the file a Go blog's `{{code "x.go"}}` names, a path from the post's folder, or why it is
	 * not read (integration/post-body.ts).
	 */
	readCode?: ((name: string) => string | { reason: string }) | undefined;
}

/** Expands the shortcodes and Liquid tags of `body`, outside code; lists those it leaves as written. */
const POSTREF = /\{\{[<%]\s*blogdown\/postref\s*[>%]\}\}/g;

/**
 * blogdown's `{{< blogdown/postref >}}`, which R Markdown posts write before the files knitr makes beside
 * them (`<img src="{{< blogdown/postref >}}index_files/figure-html/plot-1.png">`): Hugo makes it the post's
 * address, so the path is the file's beside the post, as Carnet reads it without. Run before the raw images
 * beside posts are found, HTML included; code is left alone.
 */
export function withoutBlogdownPostref(body: string): string {
	if (!body.includes('blogdown/postref')) return body;
	const lines = body.split('\n');
	const code = verbatimLines(lines, /blogdown\/postref/, { html: false });
	return lines.map((line, index) => (code.has(index) ? line : line.replace(POSTREF, ''))).join('\n');
}

// A tag opened and not closed on its line: `{{< figure` (its arguments on the lines below), `{% include image.html`.
// The last opener is after the last closer: found with indexOf, in one pass, where a pattern would look for a
// closer after each of thousands of openers.
const OPEN_HUGO = { test: (line: string) => Math.max(line.lastIndexOf('{{<'), line.lastIndexOf('{{%')) > Math.max(line.lastIndexOf('>}}'), line.lastIndexOf('%}}')) };
const OPEN_LIQUID = { test: (line: string) => line.lastIndexOf('{%') > line.lastIndexOf('%}') };
const QUOTE_MARKERS = /^(?:[ \t]*>)+/;
/** How many lines a tag's arguments may take. */
const TAG_LINES = 12;
// Liquid's output opened and not closed on its line, `![a]({{` then `site.baseurl }}/a.png)`: the last `{{` is no
// shortcode's or tag's, and after the last `}}`.
const OPEN_OUTPUT = {
	test: (line: string) => {
		const open = line.lastIndexOf('{{');
		return open > line.lastIndexOf('}}') && line[open + 2] !== '<' && line[open + 2] !== '%';
	},
};

/**
 * A Hugo shortcode or Liquid tag written over several lines, as one line (the first), the lines it took
 * left blank, so that it is read like any other and each line after it keeps its number. A tag with no
 * end within a few lines, and code, are left alone, but for a named Liquid tag, which Jekyll reads over any
 * number of lines (longLiquidTagEnd()).
 */
function joinTagLines(body: string, indented: ReadonlySet<number>): string {
	if (!/\{\{|\{%/.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (fenced[index] || indented.has(index + 1)) continue;
		const hugo = OPEN_HUGO.test(line);
		if (!hugo && !OPEN_LIQUID.test(line)) {
			if (OPEN_OUTPUT.test(line)) index = joinZolaCall(lines, index, fenced) ?? joinOutputLines(lines, index, fenced);
			continue;
		}
		const closing = hugo ? /[>%]\}\}/ : /%\}/;
		// A line that opens another tag before this one ends: what was open was no tag.
		const opening = hugo ? /\{\{[<%]/ : /\{%/;
		const continues = (row: string) => row.trim() !== '' && !opening.test(row.split(closing)[0] as string);
		// The first line after it that is not a line of its arguments: where it ends, if that line closes it.
		let end = index + 1;
		while (end < Math.min(lines.length, index + TAG_LINES + 1) && !fenced[end] && continues(lines[end] as string) && !closing.test(lines[end] as string)) end++;
		const last = lines[end];
		if (last === undefined || end > index + TAG_LINES || fenced[end] || !continues(last) || !closing.test(last)) {
			if (hugo) continue;
			const liquidEnd = longLiquidTagEnd(lines, index, fenced);
			if (liquidEnd === undefined) continue;
			end = liquidEnd;
		}
		// In a quote, the lines it took keep their markers, and its arguments are read without them.
		const quoted = (QUOTE_MARKERS.exec(line)?.[0] ?? '').trimEnd();
		const depth = quoted.split('>').length - 1;
		const unquoted = (part: string) => {
			let rest = part;
			// A Hugo shortcode's `>}}` at a line's start is its end, no quote marker.
			for (let marker = 0; marker < depth && /^[ \t]*>(?!\}\})/.test(rest); marker++) rest = rest.replace(/^[ \t]*>/, '');
			return rest;
		};
		const joined = [line.trimEnd(), ...lines.slice(index + 1, end + 1).map((part) => unquoted(part).trim()).filter((part) => part !== '')].join(' ');
		const blanks = lines.slice(index + 1, end + 1).map(() => quoted);
		// A code block's opening tag goes on its last line, the blank lines before it, so that its code opens
		// on the line after the tag as it does after the tag written on one line (not with a blank line).
		const opener = line.slice(hugo ? Math.max(line.lastIndexOf('{{<'), line.lastIndexOf('{{%')) : line.lastIndexOf('{%'));
		const rows = CODE_TAG.test(opener) ? [...blanks, joined] : [joined, ...blanks];
		lines.splice(index, rows.length, ...rows);
		index = end;
	}
	return lines.join('\n');
}

// A Liquid tag's opening and its name (`{% include`, `{%- include`), with nothing else on its line.
const NAMED_LIQUID_OPEN = /^\{%-?[ \t]*[A-Za-z_][\w-]*(?:[ \t]|$)/;

/**
 * The line that closes the Liquid tag opened on `lines[index]` and left open there, when that tag is named
 * (`{% include figure.html`) outside a code span, and its arguments run over more lines than TAG_LINES or
 * over a blank line, as Jekyll's Liquid reads them: the first line after it that holds `%}` outside a code
 * span. None when a line opens another tag first, or code comes first. Each search ends at the next line
 * that holds `{%` or `%}`, where the next opening's starts, so a body of many is read in linear time.
 */
function longLiquidTagEnd(lines: readonly string[], index: number, fenced: readonly boolean[]): number | undefined {
	const line = lines[index] as string;
	const start = line.lastIndexOf('{%');
	// The tag opens its line, its arguments fill the lines after it and `%}` ends the last: prose that talks
	// about `{% include` and, paragraphs later, about `%}` is no tag, which Jekyll would refuse to build.
	if (!LINE_LEAD.test(line.slice(0, start)) || !NAMED_LIQUID_OPEN.test(maskCodeSpans(line).slice(start))) return undefined;
	for (let end = index + 1; end < lines.length && !fenced[end]; end++) {
		const row = lines[end] as string;
		const close = row.indexOf('%}');
		const open = row.indexOf('{%');
		if (open !== -1 && (close === -1 || open < close)) return undefined;
		if (close === -1) {
			if (row.trim() !== '' && !LIQUID_ARGUMENT.test(row)) return undefined;
			continue;
		}
		const before = row.slice(0, close);
		const argumentsEnd = LINE_LEAD.test(before.replace(/-$/, '')) || LIQUID_ARGUMENT.test(before);
		return argumentsEnd && row.slice(close + 2).trim() === '' && maskCodeSpans(row).indexOf('%}') === close ? end : undefined;
	}
	return undefined;
}

// What may come before a Liquid tag opening its line, or before the `%}` closing it: indentation and quote markers.
const LINE_LEAD = /^[ \t>]*$/;
// A line of a Liquid tag's arguments: `name="value"` (or `name=value`, `name: value`), a quoted string, or a
// few bare words (`linenos`, `ruby linenos`).
const LIQUID_ARGUMENT = /^[ \t>]*(?:[\w.-]+[ \t]*[=:]|["']|[\w.-]+(?:[ \t]+[\w.-]+){0,3}[ \t]*$)/;

// The start of a Zola shortcode's call, `{{ note(`, and the whole call from its start, which may span lines.
const ZOLA_CALL_START = /^\{\{\s*[a-z_]\w*\(/i;

/**
 * A fence's language with Hugo's highlight options after it, as a fence writes them in braces
 * (`{{< highlight go "linenos=table,hl_lines=2 4-5" >}}` is ` ```go {linenos=table,hl_lines=2 4-5} `), so that
 * its highlighted lines are marked as a fence's are (markdown/code.ts). Without highlighted lines, the language alone.
 */
function withHugoOptions(language: string, written: string): string {
	const options = written.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
	return /\bhl_lines\s*=/.test(options) && !/[{}\n`]/.test(options) ? `${language} {${options}}` : language;
}

/**
 * A fence's language with the lines Jekyll's `{% highlight ruby mark_lines="2 4" %}` marks, as Hugo's option
 * writes them (markdown/code.ts reads it); `linenos` and other options are left out, as for any fence.
 */
function withJekyllMarks(language: string, written: string): string {
	const marked = /\bmark_lines\s*=\s*(["'])([\d\s-]+)\1/.exec(written)?.[2]?.trim();
	return marked ? `${language} {hl_lines="${marked}"}` : language;
}

/**
 * A Zola shortcode whose call spans lines (`{{ note(body="` … `")}}`, a string argument of several lines, as
 * Zola reads them), as one line (the first), the lines it took left blank, as joinTagLines() does a Hugo
 * shortcode's. Returns the index of the last line it read, or undefined when the line opens no such call: one
 * with no end within a few lines, across a blank line or another `{{`, is left alone.
 */
function joinZolaCall(lines: string[], index: number, fenced: readonly boolean[]): number | undefined {
	const line = lines[index] as string;
	const open = line.lastIndexOf('{{');
	if (!ZOLA_CALL_START.test(line.slice(open, open + 100))) return undefined;
	for (let end = index + 1; end <= Math.min(lines.length - 1, index + TAG_LINES); end++) {
		const row = lines[end] as string;
		if (fenced[end] || row.trim() === '' || row.includes('{{')) return undefined;
		if (!row.includes('}}')) continue;
		const call = [line.slice(open), ...lines.slice(index + 1, end + 1)].join('\n');
		if (!ZOLA_CALL.test(call)) return undefined;
		lines[index] = [line.trimEnd(), ...lines.slice(index + 1, end + 1).map((part) => part.trim())].join(' ');
		for (let blank = index + 1; blank <= end; blank++) lines[blank] = '';
		return end;
	}
	return undefined;
}

/**
 * Liquid's output written over two lines (Jekyll reads Liquid before Markdown, so the break is the tag's
 * own white space): the tag, and the rest of its word after it (`/assets/a.png)` of an image's address),
 * on the first line, what follows on the second, so that a paragraph goes on as it was. Returns the
 * index of the last line it read.
 */
function joinOutputLines(lines: string[], index: number, fenced: readonly boolean[]): number {
	const next = lines[index + 1];
	if (next === undefined || fenced[index + 1] || next.trim() === '') return index;
	const close = next.indexOf('}}');
	// Another output opened before this one closes: what was open was no output.
	if (close === -1 || next.slice(0, close).includes('{{')) return index;
	const word = /^\S*/.exec(next.slice(close + 2))?.[0] ?? '';
	const end = close + 2 + word.length;
	const indent = /^[ \t]*/.exec(next)?.[0] ?? '';
	const rest = next.slice(end).trim();
	const joined = `${(lines[index] as string).trimEnd()} ${next.slice(0, end).trim()}`;
	// With nothing after it, one of the two lines is left blank: the one that parts no paragraph, where one does not.
	if (rest === '' && (lines[index - 1] ?? '').trim() === '' && (lines[index + 2] ?? '').trim() !== '') {
		lines[index] = '';
		lines[index + 1] = joined;
	} else {
		lines[index] = joined;
		lines[index + 1] = rest === '' ? '' : `${indent}${rest}`;
	}
	return index + 1;
}

export function expandShortcodes(asWritten: string, context: ShortcodeContext, post: PostShortcodeContext = {}): ShortcodeResult {
	// The passes write private-use characters as stand-ins: the body's own are set aside while they run.
	const setAside = setAsideStandIns(asWritten, stringsIn(post.params));
	if (!setAside) return { body: asWritten, unknown: [{ line: 1, text: 'The post', reason: 'it holds more than 6,000 different private-use characters, and reading shortcodes needs ten it does not hold; remove some of them' }], references: [] };
	const result = expandBody(setAside.text, context, post, setAside.lend);
	return restoredResult(result, setAside.restore);
}

/** Each string in a front matter's values, nested ones included. */
function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	return typeof value === 'object' && value !== null ? Object.values(value).flatMap(stringsIn) : [];
}

/** `result` with each string the body gave it passed through `restore`. */
function restoredResult(result: ShortcodeResult, restore: (made: string) => string): ShortcodeResult {
	const { body, unknown, references, heldBackLinks } = result;
	return {
		...result,
		body: restore(body),
		unknown: unknown.map((item) => ({ ...item, text: restore(item.text), reason: restore(item.reason), ...(item.shownAs === undefined ? {} : { shownAs: restore(item.shownAs) }) })),
		references: references.map((reference) => ({ ...reference, target: restore(reference.target), ...(reference.title === undefined ? {} : { title: restore(reference.title) }) })),
		...(heldBackLinks ? { heldBackLinks: heldBackLinks.map((link) => ({ ...link, text: restore(link.text), asWritten: restore(link.asWritten) })) } : {}),
	};
}

/** expandShortcodes()'s passes, over a body that holds none of their stand-ins of its own. */
function expandBody(asWritten: string, context: ShortcodeContext, post: PostShortcodeContext, lend: (value: string) => string): ShortcodeResult {
	const unknown: ShortcodeResult['unknown'] = [];
	const embedded = videoEmbedsAsShortcodes(post.liquid === false ? hideLiquid(asWritten) : asWritten, unknown);
	if (!embedded.includes('{{') && !embedded.includes('{%') && !embedded.includes('[[') && !embedded.includes('%%') && !embedded.includes('{/*') && !embedded.includes('<%') && !(embedded.includes('^') && BLOCK_ID_LINE.test(embedded))) return { body: embedded.replace(HIDDEN_BRACES, (char) => SHOW[char] as string), unknown, references: [] };
	// Display math is the formula's (0 = the first line), which every step below keeps on its line.
	const formulas = post.math === false ? new Set<number>() : mathBlockLines(embedded.split('\n'));
	const body = hideFormulaFences(embedded, formulas);
	const references: PostReference[] = [];
	// Liquid's assignments, and Nunjucks' (Eleventy's): `{% set x = … %}`, `{% macro x() %}`.
	const assigned = new Set([...body.matchAll(/\{%-?\s*(?:assign|capture|for|increment|decrement|set|macro)\s+([A-Za-z_][\w-]*)/g)].map((match) => match[1] as string));
	const jekyll = post.file !== undefined && /[\\/]_(?:posts|drafts)[\\/]/.test(post.file);
	// A post that assigns Liquid variables is a Liquid template, as a Jekyll post is: its `{{ name }}` are Liquid's.
	const markdoc = (post.file !== undefined && /\.(?:mdoc|markdoc)$/i.test(post.file)) || hasMarkdocTags(body);
	const eleventy = !jekyll && isEleventyTemplate(body, post.params ?? {});
	const state: Expansion = { context, unknown, references, post, jekyll, markdoc, eleventy, liquidNames: jekyll || assigned.size > 0 ? 'any' : assigned, definitions: referenceDefinitions(body), heldBackLinks: [], lend };
	// Code in the post shows shortcodes as examples: only the text outside it is expanded, blocks first
	// (they become fenced code themselves), then each line outside fenced and indented code. A block is
	// one as long as its opening tag is outside code: a blank line in its own code can start indented code.
	// Every step but the last keeps the line count, so a line here is the line in the body; the last may
	// give a line more (a figure, a Go `{{code}}`), and `lines` then says where each was written.
	const indented = indentedCodeLines(body, /\{\{|\{%|\[\[|%%|<%|[ \t]\^[A-Za-z\d-]+[ \t]*\r?$/);
	const uncommented = leaveOutInlineShortcodes(leaveOutBlockIds(leaveOutObsidianComments(teraMermaidFences(joinTagLines(body, indented), indented), indented, post.params ?? {}, (item) => unknown.push(item)), indented, unknown), indented, unknown);
	const tagBlocks = codeTagBlocks(uncommented, indented);
	unknown.push(...tagBlocks.unknown);
	const blocks = splitFences(tagBlocks.body, undefined, tagBlocks.held)
		.map(({ text, code, line }) =>
			code ? text : expandBlocks(text, (at) => indented.has(line + at - 1), (item) => unknown.push({ ...item, line: line + item.line - 1 })),
		)
		.join('\n');
	// Each line of the result, with the line it was written on.
	const written: number[] = [];
	// A formula's lines are left as written, as code's are: its braces are TeX's (`\frac{{a}}{b}`), no Liquid.
	const expanded = splitFences(blocks, formulas.size === 0 ? indented : new Set([...indented, ...[...formulas].map((index) => index + 1)]))
		.map(({ text, code, line }) => {
			if (code) {
				// Jekyll renders Liquid before Markdown: a `{% raw %}` in code keeps the text it wraps, and goes.
				const shown = (jekyll ? withoutRawTags(unescapeHugo(text)) : unescapeHugo(text)).replaceAll(ADDED_BREAK, '\n');
				// Code keeps its lines; a raw tag's line breaks that go count as its last line.
				const last = line + lineBreaks(text);
				for (let index = 0, count = lineBreaks(shown); index <= count; index++) written.push(Math.min(line + index, last));
				return shown;
			}
			// A line break displayMath() added is made here, the lines it splits counted as the one written.
			const parts = expandLines(text, line, state).map((part) => displayMathLines(part).replaceAll(ADDED_BREAK, '\n'));
			for (const [index, part] of parts.entries()) for (let count = lineBreaks(part); count >= 0; count--) written.push(line + index);
			return parts.join('\n');
		})
		.join('\n')
		.replace(HIDDEN, (char) => SHOW[char] as string);
	unknown.sort((a, b) => a.line - b.line);
	const moved = written.some((line, index) => line !== index + 1);
	// Outside the body, a held-back link's code keeps no mark for a summary: it is what few bodies show.
	const heldBackLinks = state.heldBackLinks.map((link) => ({ ...link, asWritten: link.asWritten.replace(HIDDEN_BRACES, (char) => SHOW[char] as string).replaceAll(AS_WRITTEN, '') }));
	return { body: placeAsWrittenMarks(expanded, post.markAsWritten === true), unknown, references, ...(moved ? { lines: written } : {}), ...(heldBackLinks.length > 0 ? { heldBackLinks } : {}) };
}

/**
 * `body` with the marks of each fence line among `formulas` (its lines of display math) hidden behind HIDE's
 * stand-ins: the formula's, as the site's math reads it, where each pass that reads fences would open code
 * there, taking the rest of the post.
 */
function hideFormulaFences(body: string, formulas: ReadonlySet<number>): string {
	if (formulas.size === 0 || !/^[ \t>]*(?:`{3,}|~{3,})/m.test(body)) return body;
	const lines = body.split('\n');
	for (const index of formulas) {
		lines[index] = (lines[index] as string).replace(/^([ \t>]*)(`{3,}|~{3,})/, (_line, lead: string, marks: string) => lead + marks.replace(/[`~]/g, (char) => HIDE[char] as string));
	}
	return lines.join('\n');
}

const TERA_MERMAID_OPENING = /^[ \t]*\{%-?[ \t]*<mermaid[ \t]*>[ \t]*-?%\}[ \t]*\r?$/;
const TERA_MERMAID_CLOSING = /^[ \t]*\{%-?[ \t]*<\/mermaid[ \t]*>[ \t]*-?%\}[ \t]*\r?$/;
const ZOLA_MERMAID_OPENING = /^[ \t]*\{%-?[ \t]*mermaid[ \t]*\([^)\n]*\)[ \t]*-?%\}[ \t]*\r?$/;
const ZOLA_END = /^[ \t]*\{%-?[ \t]*end[ \t]*-?%\}[ \t]*\r?$/;

/**
 * Zola's mermaid component (Tera 2, Linkita) around a fence of its own, `{% <mermaid> -%}`, a ```mermaid fence,
 * then `{%- </mermaid> %}`, and Zola themes' mermaid shortcode around one, `{% mermaid() %}` … `{% end %}`
 * (as kita documents it), each on lines of their own with only blank lines between: the fence, which the
 * component shows without its fence marks, its tags' lines left blank. Code is left alone.
 */
function teraMermaidFences(body: string, indented: ReadonlySet<number>): string {
	if (!body.includes('mermaid')) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const blank = (at: number) => at < lines.length && !fenced[at] && (lines[at] as string).trim() === '';
	for (let index = 0; index < lines.length; index++) {
		if (fenced[index] || indented.has(index + 1)) continue;
		const closing = TERA_MERMAID_OPENING.test(lines[index] as string) ? TERA_MERMAID_CLOSING : ZOLA_MERMAID_OPENING.test(lines[index] as string) ? ZOLA_END : undefined;
		if (closing === undefined) continue;
		let start = index + 1;
		while (blank(start)) start++;
		if (!fenced[start]) continue;
		// The fence's closing line: the first after it that leaves no fence open.
		let fence = fenceAfter(lines[start] as string, undefined).open;
		let end = start;
		while (fence !== undefined && ++end < lines.length) fence = fenceAfter(lines[end] as string, fence).open;
		let close = end + 1;
		while (blank(close)) close++;
		if (fence !== undefined || !closing.test(lines[close] ?? '')) continue;
		lines[index] = '';
		lines[close] = '';
		index = close;
	}
	return lines.join('\n');
}

// gatsby-remark-embed-video's embed, a code span alone on its line: `youtube: ID`, `vimeo: https://vimeo.com/…`.
const VIDEO_EMBED = /^`(youtube|vimeo|video|videoPress|twitch|twitchLive):[ \t]*([^`\s]+)[ \t]*`[ \t]*$/;

/**
 * The body with gatsby-remark-embed-video's embeds, each a code span alone in its paragraph, as the Hugo shortcode
 * of their video: `` `youtube: https://www.youtube.com/watch?v=2Xc9gXyf2G4` `` is `{{< youtube 2Xc9gXyf2G4 >}}`, and
 * `` `video: URL` `` a YouTube or Vimeo address's. Its other kinds (`videoPress`, `twitch`), and a video it cannot
 * read, stay code, reported in `unknown`. A code span among text, or in code, is the author's code.
 */
function videoEmbedsAsShortcodes(body: string, unknown: ShortcodeResult['unknown']): string {
	if (!body.startsWith('`') && !body.includes('\n`')) return body;
	const lines = body.split('\n');
	const candidates = [...lines.keys()].filter((index) => (lines[index] as string).startsWith('`') && VIDEO_EMBED.test(lines[index] as string));
	if (candidates.length === 0) return body;
	const fenced = new Set(splitFences(body).flatMap(({ text, code, line }) => (code ? Array.from({ length: lineBreaks(text) + 1 }, (_, index) => line + index) : [])));
	for (const index of candidates) {
		const line = lines[index] as string;
		const match = VIDEO_EMBED.exec(line);
		if (!match || fenced.has(index + 1) || (lines[index - 1] ?? '').trim() !== '' || (lines[index + 1] ?? '').trim() !== '') continue;
		const [, kind, value] = match as unknown as [string, string, string];
		const provider = kind === 'video' ? (['youtube', 'vimeo'] as const).find((name) => /^https?:/i.test(value) && videoOf(name, value) !== undefined) : kind === 'youtube' || kind === 'vimeo' ? kind : undefined;
		const video = provider && videoOf(provider, value);
		if (provider && video) lines[index] = `{{< ${provider} ${video} >}}`;
		else {
			const reason = provider || kind === 'video' ? `Carnet could not read the YouTube or Vimeo video it names` : `Carnet shows gatsby-remark-embed-video's YouTube and Vimeo videos, not its ${kind} embeds`;
			unknown.push({ line: index + 1, text: line.trim(), reason });
		}
	}
	return lines.join('\n');
}

/**
 * Code of a Jekyll post without its `{% raw %}` and `{% endraw %}` tags, as Jekyll renders Liquid before
 * Markdown: what a raw tag holds is kept as written, another raw tag inside it included (`{% raw %}{% raw %}{% endraw %}`
 * shows `{% raw %}`, as a post about Liquid writes it).
 */
function withoutRawTags(code: string): string {
	if (!code.includes('raw')) return code;
	return code.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\b[^%\n]*?-?%\}|\{%-?\s*(?:raw\s*|endraw\b[^%\n]*?)-?%\}/g, (_whole: string, inner: string | undefined) => inner ?? '');
}

/**
 * The part of a post's cache key that covers what its body takes from other files: the posts its
 * references name and the address each gave, so that a body is rendered again when a post it links to
 * gets another address (a `slug` changed, a missing file added). Empty for a body that names none.
 */
export function referencesKey(references: readonly PostReference[]): string {
	return references.length === 0 ? '' : `:refs-${digest(stableStringify(references))}`;
}

interface Expansion {
	context: ShortcodeContext;
	unknown: ShortcodeResult['unknown'];
	references: PostReference[];
	post: PostShortcodeContext;
	/** Whether the line being expanded continues a block of raw HTML, where Markdown's backticks are text. */
	inHtml?: boolean;
	/** The HTML lists and items open where the line being expanded starts, in its HTML block (htmlListsOpen()). */
	htmlLists?: readonly string[] | undefined;
	/** Where the line being expanded stands in an HTML block that keeps a `<script>`'s or `<style>`'s text as written (rawTextLines()). */
	rawText?: RawTextLine | undefined;
	/** The start tag left open on the lines above the line being expanded (openTagLines()), and the lines after it, which may end it. */
	openTag?: { text: string | undefined; after: () => string } | undefined;
	/** Whether the post is Jekyll's (a file in `_posts/` or `_drafts/`), whose `{{ … }}` Liquid renders. */
	jekyll?: boolean;
	/** Whether the post is Markdoc (a `.mdoc` file, or one with Markdoc's closing tags), whose `{% tags %}` are Markdoc's. */
	markdoc?: boolean;
	/** Whether the post is an Eleventy template (isEleventyTemplate()), not a Jekyll post: its Liquid and Nunjucks are Eleventy's. */
	eleventy?: boolean;
	/** The Liquid variables a `{{ name }}` may show: any in a Jekyll post or one that assigns some, else none. */
	liquidNames?: ReadonlySet<string> | 'any';
	/** The labels of the post's link reference definitions (`[Feature #18980]: https://…`), as referenceLabel() gives them. */
	definitions?: ReadonlySet<string>;
	heldBackLinks: HeldBackLink[];
	/** A front matter's value written into the body, its stand-ins swapped as the body's are (setAsideStandIns()). */
	lend: (value: string) => string;
}

/**
 * The body cut into runs of lines inside and outside fenced code, each with its first line's number.
 * The lines of `indented` (indentedCodeLines(), not for MDX, where indenting makes no code) count as code too.
 */
export function splitFences(body: string, indented?: ReadonlySet<number>, held?: ReadonlySet<number>): { text: string; code: boolean; line: number }[] {
	const runs: { lines: string[]; code: boolean; line: number }[] = [];
	let fence: string | undefined;
	for (const [index, line] of body.split('\n').entries()) {
		// A line of a code tag's block (codeTagBlockLines()) is text: its fences are the block's code.
		const fenced = held?.has(index) === true ? { code: false, open: undefined } : fenceAfter(line, fence);
		fence = fenced.open;
		const code = fenced.code || indented?.has(index + 1) === true;
		const last = runs.at(-1);
		if (last && last.code === code) last.lines.push(line);
		else runs.push({ lines: [line], code, line: index + 1 });
	}
	return runs.map(({ lines, code, line }) => ({ text: lines.join('\n'), code, line }));
}

// Liquid's paired code tags as expandBlocks() reads them (Jekyll's highlight with a language, Octopress's and
// Hexo's codeblock and code), the tag's name in the second group, and their closing tags.
// The language ends where its characters do, so that a long line with no `%}` is read in linear time.
const LIQUID_CODE_OPENING = /\{%-?\s*(?:highlight\s+(["']?)[\w+#.-]+\1(?![\w+#.-])[^%]*|(codeblock|code)\b[^%]*?-?)%\}/;
const LIQUID_CODE_CLOSINGS = new Map([
	['highlight', /\{%-?\s*endhighlight\b[^%\n]*?-?%\}/],
	['codeblock', /\{%-?\s*endcodeblock\b[^%\n]*?-?%\}/],
	['code', /\{%-?\s*endcode\b[^%\n]*?-?%\}/],
]);
const HUGO_CLOSING = /^\{\{[<%]\s*\/\s*([A-Za-z][\w-]*)\s*[>%]\}\}/;
// A shortcode's opening that Hugo reads: not one escaped to be shown as written (`{{</* /highlight */>}}`).
const HUGO_TAG = /\{\{[<%](?!\s*\/\*)/;
// A code tag's closing tag, Liquid's or Hugo's, as a warning names it.
const CODE_CLOSING = /\{%-?\s*end\w+[^%\n]*?-?%\}|\{\{[<%]\s*\/\s*[A-Za-z][\w-]*\s*[>%]\}\}/;
const HAS_FENCE = /^ {0,3}(?:`{3,}|~{3,})/m;

/** Where a code tag's block ends: the line of its closing tag, and of one before it that is its code (closingAsCode()). */
interface BlockEnd {
	end: number;
	inner?: number | undefined;
}

/**
 * The lines (0 = the first) of the code tags' blocks in `body` that hold fenced code: a paired code shortcode
 * (codeShortcodes(), Hugo's highlight) or Liquid's highlight, codeblock or code tag, its opening tag on a
 * line outside code and its closing on a later one, whether or not the fences between them close before it.
 * Hugo, Jekyll and Hexo read the tags before Markdown, so their body, fences included, is one block of code in
 * the tag's language; a fence holding such tags is code as written. A Hugo block's closing tag must be the next
 * shortcode after its opening, as codeShortcodes() reads it. Each closing tag is found among the lines that
 * may hold one, by halves, so that many tags left open are read in linear time.
 * `body` comes back with a closing tag that is a block's code hidden from expandBlocks(), and `unknown` tells
 * of it and of a fence that a block's closing tag leaves to open after it.
 */
function codeTagBlocks(body: string, indented: ReadonlySet<number>): { body: string; held: Set<number>; unknown: ShortcodeResult['unknown'] } {
	const held = new Set<number>();
	const unknown: ShortcodeResult['unknown'] = [];
	if (!HAS_FENCE.test(body) || !(body.includes('{%') || body.includes('{{'))) return { body, held, unknown };
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	// How many fenced lines come before each line, and the lines that may close a block, in order.
	const fencedBefore = [0];
	const hugoLines: number[] = [];
	const liquidLines = new Map<string, number[]>([...LIQUID_CODE_CLOSINGS.keys()].map((name) => [name, []]));
	// The lines outside code that open a Liquid code tag, by its name.
	const liquidOpenings = new Map<string, number[]>([...LIQUID_CODE_CLOSINGS.keys()].map((name) => [name, []]));
	for (const [index, line] of lines.entries()) {
		fencedBefore.push((fencedBefore[index] as number) + (fenced[index] ? 1 : 0));
		if (HUGO_TAG.test(line)) hugoLines.push(index);
		if (!line.includes('{%')) continue;
		const closings = withoutRawSpans(line);
		for (const [name, closing] of LIQUID_CODE_CLOSINGS) if (closing.test(closings)) liquidLines.get(name)?.push(index);
		const opening = fenced[index] || indented.has(index + 1) ? null : LIQUID_CODE_OPENING.exec(line);
		if (opening) liquidOpenings.get(opening[2] ?? 'highlight')?.push(index);
	}
	// The closing tags that cut a fence short, and whose lines of code after them may open a fence.
	const cut: { start: number; end: number }[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (fenced[index] || indented.has(index + 1)) continue;
		const block = liquidBlockEnd(line, index, liquidLines, liquidOpenings, fenced, lines) ?? hugoBlockEnd(line, index, lines, hugoLines, fenced);
		// Only a block holding fenced code is read apart from its fences. Its closing tag ends it even where a
		// fence it holds has no closing line (or a shorter one), which would make the tag's line code to
		// Markdown: Hugo and Jekyll read the tags first, and a fence's lines are the block's code.
		if (block === undefined || (fencedBefore[block.end + 1] as number) === (fencedBefore[index + 1] as number)) continue;
		for (let at = index; at <= block.end; at++) held.add(at);
		if (block.inner !== undefined) {
			const inner = closingTag(lines[block.inner] as string);
			const stray = closingTag(lines[block.end] as string);
			// Hidden, so that expandBlocks() reads the block to its last closing tag.
			lines[block.inner] = protect(lines[block.inner] as string);
			unknown.push({
				line: block.end + 1,
				text: stray,
				shownAs: 'the end of the block opened above',
				reason: `the ${inner} inside the block's fence closed the block first, as Jekyll, Hugo and Hexo read it, which stop the build at this one; Carnet reads that one as the block's code, as its fence says. Write it as ${escapedTag(inner)}`,
			});
		} else if (fenced[block.end]) cut.push({ start: index, end: block.end });
		index = block.end;
	}
	for (const block of cut) {
		const opened = fenceOpenedAfter(lines, block, held);
		if (opened === undefined) continue;
		const closing = closingTag(lines[block.end] as string);
		unknown.push({
			line: opened.line + 1,
			text: (lines[opened.line] as string).trim(),
			shownAs: opened.closed ? 'a fence, and the lines after it as code up to the fence that closes it' : 'a fence that nothing closes, and the rest of the post as code',
			reason: `it was written to close the fence inside the block above, which that block's ${closing} ended first. If that ${closing} is the block's code, write it as ${escapedTag(closing)} and close the block after this fence; else remove this fence`,
		});
	}
	return { body: lines.join('\n'), held, unknown };
}

/**
 * The line after the block from `start` to `end` whose closing tag cut a fence short that was written to close
 * that fence and opens one instead, since the tag ended the fence first; and whether a later line closes it,
 * before the end of `lines` or a code tag's block (`held`), which ends any fence. Undefined when the lines
 * after the tag close no fence or open none.
 */
function fenceOpenedAfter(lines: readonly string[], { start, end }: { start: number; end: number }, held: ReadonlySet<number>): { line: number; closed: boolean } | undefined {
	// The fence as it was written, from its opening line in the block, and as it is read after the block.
	let written: string | undefined;
	for (let at = start; at <= end; at++) written = fenceAfter(lines[at] as string, written).open;
	let read: string | undefined;
	let at = end + 1;
	for (; at < lines.length && written !== undefined; at++) {
		if (held.has(at)) return undefined;
		const before = read;
		read = fenceAfter(lines[at] as string, read).open;
		written = fenceAfter(lines[at] as string, written).open;
		if (written === undefined && (before !== undefined || read === undefined)) return undefined;
	}
	if (written !== undefined) return undefined;
	const line = at - 1;
	for (; at < lines.length && !held.has(at); at++) {
		read = fenceAfter(lines[at] as string, read).open;
		if (read === undefined) return { line, closed: true };
	}
	return { line, closed: false };
}

/** The closing tag on `line`, as written. */
function closingTag(line: string): string {
	return CODE_CLOSING.exec(line)?.[0] ?? line.trim();
}

// A closing tag as Liquid or Hugo shows it as written: in a raw block, or escaped (`{{</* /highlight */>}}`).
function escapedTag(tag: string): string {
	return tag.startsWith('{%') ? `{% raw %}${tag}{% endraw %}` : tag.replace(/^\{\{([<%])\s*/, '{{$1/* ').replace(/\s*([>%])\}\}$/, ' */$1}}');
}

/** `line` without its raw blocks (`{% raw %}{% endhighlight %}{% endraw %}`), whose tags Liquid shows as written. */
function withoutRawSpans(line: string): string {
	return line.includes('raw') ? line.replace(RAW_BLOCK, '') : line;
}

const RAW_OPENING = /\{%-?\s*raw\s*-?%\}/;

/**
 * The lines (0 = the first) of `lines` in a block that Hugo, Jekyll and Hexo show as written, whatever it
 * holds: a paired code shortcode or Liquid code tag, as codeTagBlockLines() reads them, or Jekyll's raw
 * block, from its opening tag's line outside fenced code to the line that closes it. A pass that rewrites
 * the body before the shortcodes are read leaves them alone. Each closing tag is found by halves among the
 * lines that may hold one, so that many tags left open are read in linear time.
 */
export function codeTagLines(lines: readonly string[]): Set<number> {
	const held = new Set<number>();
	if (!lines.some((line) => line.includes('{%') || line.includes('{{'))) return held;
	const fenced = fencedLines(lines);
	const hugoLines: number[] = [];
	const rawEnds: number[] = [];
	const liquidLines = new Map<string, number[]>([...LIQUID_CODE_CLOSINGS.keys()].map((name) => [name, []]));
	const liquidOpenings = new Map<string, number[]>([...LIQUID_CODE_CLOSINGS.keys()].map((name) => [name, []]));
	for (const [index, line] of lines.entries()) {
		if (HUGO_TAG.test(line)) hugoLines.push(index);
		if (!line.includes('{%')) continue;
		const closings = withoutRawSpans(line);
		for (const [name, closing] of LIQUID_CODE_CLOSINGS) if (closing.test(closings)) liquidLines.get(name)?.push(index);
		const opening = fenced[index] ? null : LIQUID_CODE_OPENING.exec(line);
		if (opening) liquidOpenings.get(opening[2] ?? 'highlight')?.push(index);
		if (RAW_END.test(line)) rawEnds.push(index);
	}
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		if (fenced[index]) continue;
		const end = (liquidBlockEnd(line, index, liquidLines, liquidOpenings, fenced, lines) ?? hugoBlockEnd(line, index, lines, hugoLines, fenced))?.end ?? rawBlockEnd(line, index, rawEnds);
		if (end === undefined) continue;
		for (let at = index; at <= end; at++) held.add(at);
		index = end;
	}
	return held;
}

/** The line that closes the raw block opened on `line` (at `index`), if it opens one that a later line closes. */
function rawBlockEnd(line: string, index: number, rawEnds: readonly number[]): number | undefined {
	if (!line.includes('{%')) return undefined;
	const opening = RAW_OPENING.exec(line);
	if (!opening || RAW_END.test(line.slice(opening.index + opening[0].length))) return undefined;
	return nextAfter(rawEnds, index);
}


/**
 * The line that closes the Liquid code tag opened on `line` (at `index`), if it opens one that a later line
 * closes before another tag of its kind opens: that closing tag is the later one's, and this one is unclosed,
 * as Liquid reads it (shown as written, with a warning, by expandBlocks()).
 */
function liquidBlockEnd(line: string, index: number, closingLines: ReadonlyMap<string, readonly number[]>, openingLines: ReadonlyMap<string, readonly number[]>, fenced: readonly boolean[], lines: readonly string[]): BlockEnd | undefined {
	if (!line.includes('{%')) return undefined;
	const opening = LIQUID_CODE_OPENING.exec(line);
	if (!opening) return undefined;
	const name = opening[2] ?? 'highlight';
	if (LIQUID_CODE_CLOSINGS.get(name)?.test(line.slice(opening.index + opening[0].length))) return undefined;
	const closings = closingLines.get(name) ?? [];
	const end = nextAfter(closings, index);
	const reopened = nextAfter(openingLines.get(name) ?? [], index);
	if (end === undefined || (reopened !== undefined && reopened <= end)) return undefined;
	const stray = nextAfter(closings, end);
	return stray !== undefined && (reopened === undefined || reopened > stray) && closingAsCode(end, stray, fenced, lines) ? { end: stray, inner: end } : { end };
}

/** The line that closes the code shortcode opened on `line` (at `index`), if the next shortcode after it, on a later line, closes it. */
function hugoBlockEnd(line: string, index: number, lines: readonly string[], hugoLines: readonly number[], fenced: readonly boolean[]): BlockEnd | undefined {
	if (!line.includes('{{<') && !line.includes('{{%')) return undefined;
	const closes = (at: number | undefined, name: string) => at !== undefined && HUGO_CLOSING.exec((lines[at] as string).slice(HUGO_TAG.exec(lines[at] as string)?.index))?.[1] === name;
	for (const opening of line.matchAll(CODE_SHORTCODE)) {
		const [tag, name, args] = opening as unknown as [string, string, string];
		if (!readAsCode(name, parseArguments(args).named)) continue;
		const rest = line.slice(opening.index + tag.length);
		if (rest.includes('{{<') || rest.includes('{{%')) return undefined;
		const end = nextAfter(hugoLines, index);
		if (end === undefined || !closes(end, name)) return undefined;
		const stray = nextAfter(hugoLines, end);
		return stray !== undefined && closes(stray, name) && closingAsCode(end, stray, fenced, lines) ? { end: stray, inner: end } : { end };
	}
	return undefined;
}

/**
 * Whether the closing tag on line `end` is the block's code and the one on line `stray` its end: the first sits
 * in a fence the block opened, which closes on the lines before the second, blank lines aside, and the second
 * would close no block. Jekyll, Hugo and Hexo stop the build at such a stray closing tag; the author's fence
 * says which of the two is code (a post showing how to write the tag), so that no valid post is read otherwise.
 */
function closingAsCode(end: number, stray: number, fenced: readonly boolean[], lines: readonly string[]): boolean {
	if (!fenced[end] || fenced[stray]) return false;
	for (let at = end + 1; at < stray; at++) if (!fenced[at] && (lines[at] as string).trim() !== '') return false;
	return true;
}

/** The first of the ascending `values` greater than `after`, found by halves. */
function nextAfter(values: readonly number[], after: number): number | undefined {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((values[middle] as number) > after) high = middle;
		else low = middle + 1;
	}
	return values[low];
}

const BLANK_IN_QUOTE = /^(?:[ \t]*>)*[ \t]*\r?$/;
/** How many quote markers open `line` (`> > text`: 2). */
function quoteDepth(line: string): number {
	return (/^(?:[ \t]*>)*/.exec(line)?.[0] ?? '').split('>').length - 1;
}
const HTML_LINE_START = /^<\/?[A-Za-z][A-Za-z\d-]*(?:\s[^>]*)?\/?>/;
// Two tags shown as code side by side (`{% a %}{% b %}`): their backticks would join into one span.
const TOUCHING_CODE = new RegExp(`(${STAND_IN.closeBrace}\`${STAND_IN.asWritten})(\`${STAND_IN.openBrace})`, 'g');

/** `text`'s lines (the first is the body's `firstLine`) with their shortcodes expanded, each into one or more lines. */
function expandLines(text: string, firstLine: number, state: Expansion): string[] {
	const written = text.split('\n');
	const lines = [...written];
	const fenced = fencedLines(written);
	// A code span may run over a line break (`` `two `` then `` lines` ``): its parts on each line are code,
	// found a paragraph at a time, and only the text between them is read on that line.
	const carried = paragraphCodeSpans(written.map(withoutTags), (index) => fenced[index] === true);
	// Whether an HTML comment is open: what it holds is shown to no one, and is left as written, unreported.
	let inComment = false;
	const rawText = rawTextLines(written, fenced);
	const openTags = openTagLines(written, fenced);
	// A fence's lines are no HTML block's, nor a line after its closing fence, which starts a block of its own.
	const outsideFences = written.map((line, index) => (fenced[index] ? '' : line));
	const htmlBlock = htmlBlockLines(outsideFences.join('\n'));
	const htmlLists = htmlListsOpen(outsideFences);
	for (const [index, whole] of written.entries()) {
		if (fenced[index]) continue;
		state.rawText = rawText[index];
		state.openTag = { text: openTags[index], after: () => written.slice(index + 1, index + 1 + TAG_READ_LIMIT.lines).map(withoutQuoteMarkers).join('\n').slice(0, TAG_READ_LIMIT.chars) };
		const { head, tail } = inComment ? { head: 0, tail: whole.length } : (carried[index] as { head: number; tail: number });
		const end = Math.max(head, tail);
		const asWritten = whole.slice(head, end);
		// Code, which shows Hugo's escaped shortcodes unescaped, as outsideInlineCode() shows a span's.
		const codeBefore = unescapeHugo(whole.slice(0, head));
		const codeAfter = unescapeHugo(whole.slice(end));
		const atStart = head === 0;
		const write = (expanded: string) => {
			lines[index] = `${codeBefore}${expanded}${codeAfter}`;
		};
		let line = asWritten;
		// A line right under one that opens with an HTML tag as written (`<p>`, `</div>`; not an autolink) may be in
		// that HTML block: a code element shows there, and in a paragraph too.
		// So may a line that opens with one itself (`<p>Posted on {{ page.date }}</p>`).
		const above = index > 0 ? (written[index - 1] as string).trim() : '';
		// So may any line of an HTML block, which runs to a blank line whatever the lines above it hold.
		state.inHtml = HTML_LINE_START.test(above) || (atStart && HTML_LINE_START.test(line.trim())) || htmlBlock[index] === true;
		state.htmlLists = htmlLists[index];
		const expandOutsideComment = (part: string, lineStart: boolean) =>
			part === '' ? part : outsideInlineCode(part, (text, start) => expandInline(text, state, firstLine + index, start && lineStart && atStart));
		// A box written on one line, a paragraph of its own, is the callout its form on lines of their own is
		// (admonitions.ts), a line longer; among other lines, its quote would take the next one in. In a quote,
		// a line of its markers alone is blank; out of that quote it is not, since the callout's own markers
		// would join it to the quote it ends or opens.
		const depth = quoteDepth(line);
		const blankBeside = (beside: string | undefined) => beside === undefined || beside.trim() === '' || (depth > 0 && BLANK_IN_QUOTE.test(beside) && quoteDepth(beside) === depth);
		const alone = blankBeside(written[index - 1]) && blankBeside(written[index + 1]);
		if (!inComment && alone && state.post.callouts !== false && (line.includes('{{') || line.includes('{%'))) {
			const zola = zolaAdmonitionCallAsCallout(line);
			if (zola?.unknownType !== undefined) state.unknown.push({ line: firstLine + index, text: line.trim(), reason: zolaAdmonitionTypeReason(zola.unknownType), shownAs: 'a note' });
			const box = zola?.callout ?? oneLineBoxAsCallout(line, state.post.detailsTitle) ?? bootstrapAlertAsCallout(line);
			if (box !== undefined) write((line = box));
		}
		if (!inComment && line.includes('raw') && GO_RAW_START.test(line)) write((line = goInlineRaw(line, state, firstLine + index)));
		if (!inComment && line.includes('{{') && GO_ACTION_LINE.test(line)) {
			const actions = goActions(line, state, firstLine + index);
			write((line = actions.line));
			if (actions.block) continue;
		}
		if (!inComment && !line.includes('<!--')) {
			write(outsideInlineCode(line, (part, start) => expandInline(part, state, firstLine + index, start && atStart)));
			continue;
		}
		// Markers in code spans (`` `<!--` ``) and in a shortcode's quoted arguments (`caption="1 <!-- note -->"`,
		// which Hugo passes on whole) are text: they are found with those blanked out.
		const masked = maskShortcodeArguments(maskCodeSpans(line));
		let result = '';
		let from = 0;
		for (const marker of masked.matchAll(/<!--|-->/g)) {
			const at = marker.index;
			if (marker[0] === '<!--' && !inComment) {
				const before = line.slice(from, at);
				// A comment that opens inside a shortcode's tag, outside its quotes, cuts it: it is left as written.
				const cut = openShortcode(maskShortcodeArguments(masked.slice(from, at)));
				if (cut !== undefined) {
					state.unknown.push({
						line: firstLine + index,
						text: before.slice(cut, cut + 60).trimEnd(),
						reason: 'an HTML comment (<!--) opens inside its tag, outside a quoted argument, and hides the rest of it (move the comment after the tag)',
					});
				}
				result += expandOutsideComment(before, from === 0);
				inComment = true;
				from = at;
			} else if (marker[0] === '-->' && inComment) {
				inComment = false;
				result += line.slice(from, at + 3);
				from = at + 3;
			}
		}
		result += inComment ? line.slice(from) : expandOutsideComment(line.slice(from), from === 0);
		write(result);
	}
	state.inHtml = false;
	state.htmlLists = undefined;
	state.rawText = undefined;
	state.openTag = undefined;
	return lines.map((line) => line.replace(TOUCHING_CODE, '$1 $2'));
}

/**
 * `line` with the quoted arguments (`"…"`, `` `…` ``) of each shortcode written whole on it (`{{< … >}}`,
 * `{{% … %}}`, `{% … %}`) blanked out, each character a space. Found with indexOf, one shortcode after another,
 * so that a line of unclosed openers is read once.
 */
function maskShortcodeArguments(line: string): string {
	let masked = '';
	let from = 0;
	for (let start = line.indexOf('{', from); start !== -1; start = line.indexOf('{', from)) {
		const open = line.startsWith('{{<', start) ? '{{<' : line.startsWith('{{%', start) ? '{{%' : line.startsWith('{%', start) ? '{%' : undefined;
		if (open === undefined) {
			masked += line.slice(from, start + 1);
			from = start + 1;
			continue;
		}
		const close = line.indexOf(open === '{{<' ? '>}}' : open === '{{%' ? '%}}' : '%}', start + open.length);
		if (close === -1) break;
		masked += line.slice(from, start) + line.slice(start, close).replace(/"[^"]*"|`[^`]*`/g, (quoted) => ' '.repeat(quoted.length));
		from = close;
	}
	return masked + line.slice(from);
}

/** Where in `text` a shortcode's tag opens that it does not close (`{{< figure src="x.png"`), if one does. */
function openShortcode(text: string): number | undefined {
	const open = Math.max(text.lastIndexOf('{{<'), text.lastIndexOf('{{%'), text.lastIndexOf('{%'));
	if (open === -1) return undefined;
	const closer = text.startsWith('{{<', open) ? '>}}' : '%}';
	return text.includes(closer, open) ? undefined : open;
}

const GO_ACTION_LINE = new RegExp(GO_ACTION.source);
const GO_RAW_START = /\{\{-?[ \t]*raw[ \t]+`/;
const GO_RAW_INLINE = /\{\{-?[ \t]*raw[ \t]+`([^`\n]*)`[ \t]*-?\}\}/g;

/**
 * `line` with what `pattern` (global) finds replaced, but in a code span, where it is an example as written: the
 * backticks before it, outside what the pattern finds (whose arguments Go quotes with backticks), are counted.
 */
function replaceOutsideCodeSpans(line: string, pattern: RegExp, replace: (whole: string, ...groups: (string | undefined)[]) => string): string {
	const masked = line.replace(pattern, (whole: string) => ' '.repeat(whole.length));
	let counted = 0;
	let ticks = 0;
	return line.replace(pattern, (whole: string, ...rest: unknown[]) => {
		const offset = rest.find((value) => typeof value === 'number') as number;
		for (; counted < offset; counted++) if (masked[counted] === '`') ticks++;
		return ticks % 2 === 1 ? whole : replace(whole, ...(rest.slice(0, rest.indexOf(offset)) as (string | undefined)[]));
	});
}

/**
 * `line` with the Go blog's `{{raw `…`}}` within it as its text, as Go puts it in; one whose text goes on
 * past the line, which goRawBlocks() did not read, is reported (not in a code span).
 */
function goInlineRaw(line: string, state: Expansion, number: number): string {
	const kept = replaceOutsideCodeSpans(line, GO_RAW_INLINE, (_whole, text) => protect(text as string));
	const open = GO_RAW_START.exec(kept);
	if (open && ((kept.slice(0, open.index).match(/`/g)?.length ?? 0) % 2 === 0)) {
		state.unknown.push({
			line: number,
			text: kept.slice(open.index, open.index + 60).trimEnd(),
			reason: "Go's raw puts in the text between its backticks as written, which Carnet reads over several lines only when they hold the action alone and its text is indented code; write the text as Markdown, code as a fenced block",
		});
	}
	return kept;
}

/**
 * `line` with the Go blog's `{{code}}` and `{{play}}` actions (go-actions.ts): one alone on its line is the
 * code block it shows (`block`); one Carnet cannot show, or among other text, is shown as written in code.
 */
function goActions(line: string, state: Expansion, number: number): { line: string; block: boolean } {
	const standing = /^([ \t]*)(\{\{[^\n]*\}\})[ \t]*\r?$/.exec(line);
	const alone = standing?.[2];
	let block = false;
	const expanded = replaceOutsideCodeSpans(line, GO_ACTION, (whole, verb, args) => {
		const shown = whole === alone ? goCodeBlock(verb as string, args as string, (name) => state.post.readCode?.(name) ?? { reason: 'Carnet cannot read files for this post' }) : { reason: `Go's ${verb} shows a block of code, which Carnet shows only for an action on a line of its own; put it on its own line` };
		if (typeof shown === 'string') {
			block = true;
			// In a list item, each line of the block is as indented as the action.
			return protect(shown.split('\n').join(`\n${standing?.[1] ?? ''}`));
		}
		state.unknown.push({ line: number, text: whole, reason: shown.reason });
		return asCode(whole, state.inHtml);
	});
	return { line: expanded, block };
}

// Obsidian's block ID, ` ^quote-of-the-day` at the end of a block, which a link names (`[[Note#^quote-of-the-day]]`).
const BLOCK_ID = /[ \t]\^([A-Za-z\d-]+)[ \t]*(\r?)$/;
const BLOCK_ID_LINE = /(?:^|[ \t])\^[A-Za-z\d-]+[ \t]*\r?$/m;
// The block ID of a table, list or quote, which Obsidian writes on a line of its own after a blank line.
const BLOCK_ID_ALONE = /^[ \t]{0,3}\^([A-Za-z\d-]+)[ \t]*(\r?)$/;
// A table's row, a list item's line or a quote's, which an ID on a line of its own names.
const ENDS_STRUCTURE = /^[ \t]*(?:\||>|[-*+][ \t]|\d{1,9}[.)][ \t])/;
// A line that starts a block of its own (a list item, a heading, a fence), ending the paragraph or item before it.
const OPENS_BLOCK = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:[ \t]|$)|`{3}|~{3})/;
const BLOCK_ID_REASON = "it is an Obsidian block ID, which Obsidian's reading view hides (a link to it, [[Note#^id]], leads to its post)";

/**
 * `body` without Obsidian's block IDs, each line on its line: ` ^id` at the end of a paragraph's or a list
 * item's last line goes, reported with its line. An ID followed by more of its paragraph, in code, in a code
 * span or in display math is text, as Obsidian reads it; a footnote's `[^1]` and `x^2` are no IDs.
 */
function leaveOutBlockIds(body: string, indented: ReadonlySet<number>, unknown: ShortcodeResult['unknown']): string {
	if (!body.includes('^') || !BLOCK_ID_LINE.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const math = mathBlockLines(lines);
	for (const [index, line] of lines.entries()) {
		if (fenced[index] || math.has(index) || indented.has(index + 1)) continue;
		const alone = BLOCK_ID_ALONE.exec(line);
		if (alone) {
			if (!namesStructure(lines, index)) continue;
			unknown.push({ line: index + 1, text: `^${alone[1]}`, reason: BLOCK_ID_REASON, leftOut: true });
			lines[index] = alone[2] ?? '';
			continue;
		}
		const id = BLOCK_ID.exec(line);
		if (!id) continue;
		const next = lines[index + 1] ?? '';
		if ((next.trim() !== '' && !OPENS_BLOCK.test(next)) || maskCodeSpans(line).slice(id.index) !== line.slice(id.index)) continue;
		unknown.push({ line: index + 1, text: `^${id[1]}`, reason: BLOCK_ID_REASON, leftOut: true });
		lines[index] = line.slice(0, id.index) + id[2];
	}
	return lines.join('\n');
}

/**
 * Whether the `^id` line at `index` names the table, list or quote before it, as Obsidian writes such an ID: a
 * blank line before it (else it would be the structure's own text), one after it or the end of the note.
 */
function namesStructure(lines: readonly string[], index: number): boolean {
	const after = lines[index + 1];
	if (index < 2 || lines[index - 1]?.trim() !== '' || (after !== undefined && after.trim() !== '')) return false;
	return ENDS_STRUCTURE.test(lines[index - 2] ?? '');
}

// Hugo's inline shortcodes: {{< name.inline >}}…{{< /name.inline >}} defines one (its body a Go template) and
// runs it, {{< name.inline />}} runs it again.
const INLINE_SHORTCODE = /\{\{[<%]\s*(\/\s*)?([\w-]+)\.inline\s*(?:(\/)\s*)?[>%]\}\}/g;

/**
 * `body` without Hugo's inline shortcodes, each line on its line: a Go template, often loading scripts from
 * another site, which Hugo runs only with `enableInlineShortcodes` and otherwise leaves out, and which
 * Carnet cannot run. Each is reported by its line; code keeps them as written.
 */
function leaveOutInlineShortcodes(body: string, indented: ReadonlySet<number>, unknown: ShortcodeResult['unknown']): string {
	if (!body.includes('.inline')) return body;
	return splitFences(body, indented)
		.map(({ text, code, line }) => {
			if (code) return text;
			// Not in a code span: a post about Hugo shows one there. A span may run over the lines of its paragraph.
			const masked = codeSpanMasks(text.split('\n'), () => false).join('\n');
			const inSpan = (at: number) => masked.charAt(at) !== text.charAt(at);
			const tags = [...text.matchAll(INLINE_SHORTCODE)].filter((tag) => !inSpan(tag.index));
			if (tags.length === 0) return text;
			// Each opening tag goes with the next closing tag of its name, found through a list per name read
			// in order, so that thousands of tags cost one pass.
			const closings = new Map<string, { tags: RegExpExecArray[]; next: number }>();
			for (const tag of tags) {
				if (!tag[1]) continue;
				const list = closings.get(tag[2] ?? '') ?? { tags: [], next: 0 };
				list.tags.push(tag);
				closings.set(tag[2] ?? '', list);
			}
			const spans: [number, number, string][] = [];
			let end = 0;
			for (const tag of tags) {
				const [whole, closing, name = '', selfClosing] = tag;
				if (closing || tag.index < end) continue;
				const list = closings.get(name) ?? { tags: [], next: 0 };
				while (list.next < list.tags.length && (list.tags[list.next] as RegExpExecArray).index < tag.index) list.next += 1;
				const close = selfClosing ? undefined : list.tags[list.next++];
				end = close ? close.index + close[0].length : tag.index + whole.length;
				spans.push([tag.index, end, name]);
			}
			let result = '';
			let from = 0;
			for (const [start, stop, name] of spans) {
				unknown.push({
					line: line + lineBreaks(text.slice(0, start)),
					text: `{{< ${name}.inline >}}`,
					reason: "it is a Hugo inline shortcode, a Go template that Hugo runs only when the site's enableInlineShortcodes is on and Carnet cannot run; write what it shows as Markdown or HTML",
					leftOut: true,
				});
				result += text.slice(from, start) + '\n'.repeat(lineBreaks(text.slice(start, stop)));
				from = stop;
			}
			return result + text.slice(from);
		})
		.join('\n');
}

// {{< highlight go >}}…{{< /highlight >}}, {% highlight go %}…{% endhighlight %} and {{< mermaid >}}…{{< /mermaid >}} become fenced code;
// {% raw %}…{% endraw %} keeps its text as written, and so does {{< rawhtml >}}…{{< /rawhtml >}}, for the
// Markdown processor to read as HTML; {% comment %}…{% endcomment %}, {{< comment >}}…{{< /comment >}} and MDX's
// {/* … */} go. A block whose opening tag is on a line of `codeLines`
// (1 = the first of `body`) is left alone; what goes unread, or is shown otherwise than it reads, is told to
// `report` with its line in `body`.
function expandBlocks(body: string, codeLines: (line: number) => boolean, report: (item: Unknown) => void): string {
	// Each replacement keeps the line count, so a line of the text a pass reads is the line in `body`. Its
	// lines' starts are listed once for each text a pass reads, and an offset's line found among them by
	// halves: counting the line breaks before each match made thousands of blocks take seconds.
	let read: string | undefined;
	let starts: number[] = [];
	const inCode = (text: string, offset: number) => {
		if (text !== read) starts = lineStarts(text);
		// The same text again: compared by reference from now on, not character by character.
		read = text;
		return codeLines(lineAt(starts, offset));
	};
	const inCodeSpan = codeSpanTest();
	// Which lines of a text continue an HTML block, listed once for each text a pass reads, as its lines' starts.
	let readForHtml: string | undefined;
	let htmlLines: boolean[] = [];
	const inHtmlBlock = (text: string, lineStart: number) => {
		if (text !== readForHtml) htmlLines = htmlBlockLines(text);
		readForHtml = text;
		if (text !== read) starts = lineStarts(text);
		read = text;
		return htmlLines[lineAt(starts, lineStart) - 1] === true;
	};
	// The tags' own lines become the fences, so that every line keeps its number. Code written within one
	// line stays on it: a block of its own on a line of its own (as raw HTML, which Markdown does not
	// highlight), code within the line among other text. `whole` is the block as written, at `offset` in `all`.
	const fenced = (language: string, code: string, all: string, offset: number, whole: string, diagram = false) => {
		const lineStart = all.lastIndexOf('\n', offset - 1) + 1;
		const prefix = all.slice(lineStart, offset);
		// What opens the line before the tag, which the closing fence repeats or lines up with: an indent, a
		// list item's marker (as spaces), quote markers.
		const indent = /^[ \t]*$/.test(prefix)
			? prefix
			: /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(prefix)
				? ' '.repeat(prefix.length)
				: /^(?:[ \t]*>[ \t]?)+$/.test(prefix)
					? prefix
					: undefined;
		if (!code.includes('\n')) {
			if (code.trim() === '') return '';
			const lineEnd = all.indexOf('\n', offset + whole.length);
			const rest = all.slice(offset + whole.length, lineEnd === -1 ? all.length : lineEnd);
			if (indent === undefined || rest.trim() !== '') return asCode(code);
			const escaped = escapeHtmlText(code);
			return protect(`<pre><code${/^[\w+#.-]{1,30}$/.test(language) ? ` class="language-${language}"` : ''}>${escaped}</code></pre>`);
		}
		const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`{3,}/g)].map((match) => match[0].length + 1)));
		// A fence opens and closes only on lines of its own: among other text (`<div class="code_section">{% highlight sh %}`,
		// `{% endhighlight %}</div>`, as crystal-lang.org writes them), the block is still fenced code, highlighted as
		// any other, its fences on lines added to the tags' lines.
		const closeEnd = all.indexOf('\n', offset + whole.length);
		if (indent === undefined || all.slice(offset + whole.length, closeEnd === -1 ? all.length : closeEnd).trim() !== '') return fencedAmongText(language, code, prefix, fence);
		// Right under a line of an HTML block (`<div class="lang">` then the tag, no blank line between), the
		// fence would be read as that block's HTML, shown as written: a blank line is added before it, as
		// after an HTML tag on the tag's own line.
		if (/^[ \t]*$/.test(prefix) && inHtmlBlock(all, lineStart)) return fencedAmongText(language, code, prefix, fence, true);
		// A diagram's blank lines around its text (`{% mermaid() %}`, a blank line, the diagram) are no part of it:
		// the fences move onto them, each line kept on its line, so that the code neither opens nor ends blank.
		const around = diagram && /^[ \t]*$/.test(prefix) ? blankLinesAround(code) : { before: 0, after: 0 };
		const trimmed = around.before + around.after === 0 ? code : trimmedLines(code, around);
		// The closing fence lines up with the opening tag, whatever the indent of the closing tag: a fence
		// indented further would close nothing, and the rest of the post be code.
		const lines = trimmed.replace(/\n(?:[ \t]*>)*[ \t]*$/, '\n');
		// A file saved with Windows line ends has its code open with "\r\n": a line end already, not a first line.
		const content = linesUnder(`${/^\r?\n/.test(trimmed) ? '' : '\n'}${lines}`, indent);
		const block = `${fence}${language}${content}${content.endsWith('\n') ? '' : '\n'}${indent}${fence}`;
		return `${'\n'.repeat(around.before)}${around.before > 0 ? prefix : ''}${block}${'\n'.repeat(around.after)}`;
	};
	// A block read to its closing tag only where one is: thousands of tags that nothing closes would each be
	// read to the end of the body.
	const closed = (pattern: RegExp, closing: RegExp) => (closing.test(body) ? pattern : NO_MATCH);
	return goRawBlocks(withoutHeadingMarks(body, codeLines, report), inCode, protect)
		// A raw block that shows code tags as written (al-folio's `{% raw %}{% highlight c++ %}…{% endhighlight %}{% endraw %}`)
		// is read before them; one inside a code tag is read after it (below), as its code.
		.replace(closed(RAW_BLOCK, RAW_END), (whole: string, text: string, offset: number, all: string) => (inCode(all, offset) || !CODE_TAG.test(text) ? whole : protect(text)))
		.replace(closed(/\{\{<\s*highlight\s+([\w+#.-]+)([^>]*)>\}\}([\s\S]*?)\{\{<\s*\/\s*highlight\s*>\}\}/g, /\{\{<\s*\/\s*highlight\s*>\}\}/), (whole: string, language: string, options: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced(withHugoOptions(language, options), code, all, offset, whole),
		)
		// Istio's {{< text bash >}}…{{< /text >}}, its language first or named `syntax`: fenced code too.
		.replace(closed(/\{\{<\s*text\b((?:[^>{\n]|>(?!\}\}))*)>\}\}([\s\S]*?)\{\{<\s*\/\s*text\s*>\}\}/g, /\{\{<\s*\/\s*text\s*>\}\}/), (whole: string, args: string, code: string, offset: number, all: string) => {
			if (inCode(all, offset)) return whole;
			const { named, positional } = parseArguments(args);
			const language = named.syntax ?? positional[0] ?? '';
			return fenced(/^[\w+#.-]{1,30}$/.test(language) ? language : '', code, all, offset, whole);
		})
		// Themes' own code shortcodes (Tranquilpeak's codeblock and tabbed-codeblock, hello-friend-ng's code and
		// collapsible-code), and any other paired shortcode that names a language: fenced code.
		.replace(/[\s\S]+/, (text: string) => codeShortcodes(text, inCode, fenced))
		// Eleventy quotes the language: {% highlight "js" %}. The language ends where its characters do, so that
		// a long line with no `%}` is read in linear time (100,000 characters took 40 s).
		.replace(/\{%-?\s*highlight\s+(["']?)([\w+#.-]+)\1(?![\w+#.-])([^%]*)%\}([\s\S]*?)\{%-?\s*endhighlight\b[^%\n]*?-?%\}/g, (whole: string, _quote: string, language: string, options: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced(withJekyllMarks(language, options), code, all, offset, whole),
		)
		// Octopress's and Hexo's {% codeblock [title] [lang:js] [url [link text]] [mark:1,3-4] %}…{% endcodeblock %} (Hexo's {% code %} too).
		.replace(/\{%-?\s*(codeblock|code)\b([^%]*?)-?%\}([\s\S]*?)\{%-?\s*end\1\b[^%\n]*?-?%\}/g, (whole: string, _name: string, args: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced(codeblockInfo(args), code, all, offset, whole),
		)
		// Hexo's {% blockquote [author[, source]] [link] [title] %}…{% endblockquote %} and {% pullquote [class] %}…{% endpullquote %},
		// each tag on a line of its own: a Markdown quote; Octopress's pullquote, which marks the words it pulls out, its text.
		// Not across another opening: many left open are read in linear time.
		.replace(closed(HEXO_QUOTE, /\{%-?\s*end(?:blockquote|pullquote)\s*-?%\}/), (whole: string, indent: string, name: string, args: string, text: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : name === 'pullquote' && marksPull(text) ? octopressPullquote(text) : hexoQuote(indent, name === 'blockquote' ? quoteFooter(args) : '', text),
		)
		// Mermaid diagrams as Hugo themes write them (Book, Docsy, Hextra): code, as Carnet runs no diagram script.
		// Its arguments end at another tag's `{{`, and its code at another opening: many left open are read in linear time.
		.replace(closed(/\{\{[<%]\s*mermaid\b(?:[^>%{]|\{(?!\{)|[>%](?!\}\}))*[>%]\}\}((?:(?!\{\{[<%]\s*mermaid\b)[\s\S])*?)\{\{[<%]\s*\/\s*mermaid\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*mermaid\s*[>%]\}\}/), (whole: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced('mermaid', code, all, offset, whole, true),
		)
		// And as Zola themes write them: {% mermaid() %}…{% end %}. Not across another opening: a body of many
		// left open is read in linear time.
		.replace(/\{%-?\s*mermaid\s*\([^)\n]*\)\s*-?%\}((?:(?!\{%-?\s*mermaid\b)[\s\S])*?)\{%-?\s*end\s*-?%\}/g, (whole: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced('mermaid', code, all, offset, whole, true),
		)
		// And as Tera 2's components, which Zola themes write (Linkita): {% <mermaid> %}…{% </mermaid> %} (one around
		// a fence of its own is read before: teraMermaidFences()). Not across another opening.
		.replace(closed(/\{%-?[ \t]*<mermaid[ \t]*>[ \t]*-?%\}((?:(?!\{%-?[ \t]*<mermaid\b)[\s\S])*?)\{%-?[ \t]*<\/mermaid[ \t]*>[ \t]*-?%\}/g, /<\/mermaid[ \t]*>/), (whole: string, code: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : fenced('mermaid', code, all, offset, whole, true),
		)
		// Zola's katex shortcode, as its themes define it: {% katex(block=true) %}…{% end %} is display math (on
		// one line, `$$ … $$`, which stays on it), without block=true inline math. Not across another opening.
		.replace(/\{%-?\s*katex\s*\(([^)\n]*)\)\s*-?%\}((?:(?!\{%-?\s*katex\b)[\s\S])*?)\{%-?\s*end\s*-?%\}/g, (whole: string, args: string, formula: string, offset: number, all: string) => {
			if (inCode(all, offset)) return whole;
			if (formula.includes('\n')) return displayMath(formula);
			return /\bblock\s*=\s*true\b/.test(args) ? displayMathInLine(formula, aloneInParagraph(all, offset, offset + whole.length)) : `$${formula.trim()}$`;
		})
		// The Liquid katex tag of DEV, jekyll-katex and hexo-katex, {% katex %}…{% endkatex %}: display math over lines of
		// its own, alone in its paragraph or with `display`, and inline math among text or with `inline`, as Zola's.
		// Not in a code span, which shows it as written, nor across another opening.
		.replace(closed(/\{%-?\s*katex\b(?!\s*\()([^%\n]*?)-?%\}((?:(?!\{%-?\s*katex\b)[\s\S])*?)\{%-?\s*endkatex\s*-?%\}/g, /\{%-?\s*endkatex\s*-?%\}/), (whole: string, args: string, formula: string, offset: number, all: string) => {
			if (inCode(all, offset) || inCodeSpan(all, offset)) return whole;
			const mode = args.trim();
			if (formula.trim() === '') return '\n'.repeat(lineBreaks(whole));
			if (mode === 'inline') return `$${formula.trim()}$`;
			if (formula.includes('\n')) return displayMath(formula);
			const alone = aloneInParagraph(all, offset, offset + whole.length);
			return alone || mode === 'display' ? displayMathInLine(formula, alone) : `$${formula.trim()}$`;
		})
		.replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\b[^%\n]*?-?%\}/g, (whole: string, text: string, offset: number, all: string) => (inCode(all, offset) ? whole : protect(text)))
		// MDX's comments, which Docusaurus 3 reads in .md posts too: `{/* truncate */}` is its summary divider,
		// the others are for the author. Not in a code span (an odd number of backticks before it on its line).
		.replace(/\{\/\*([\s\S]*?)\*\/\}/g, (whole: string, text: string, offset: number, all: string) => {
			if (inCode(all, offset) || inCodeSpan(all, offset)) return whole;
			return text.trim() === 'truncate' ? '<!-- truncate -->' : '\n'.repeat(lineBreaks(whole));
		})
		// Comments, Liquid's and Hugo's (0.137 and later), are for the author: only their line breaks stay.
		.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\b[^%\n]*?-?%\}|\{\{[<%]\s*comment\s*[>%]\}\}[\s\S]*?\{\{[<%]\s*\/\s*comment\s*[>%]\}\}/g, (whole: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : '\n'.repeat(lineBreaks(whole)),
		)
		// Docsy's imgproc, its caption between its tags over any number of lines: one tag on the opening line,
		// the caption its argument, read as a figure (hugoShortcode()), each line keeping its number. Not across
		// another opening, so that many left open are read in linear time.
		.replace(
			closed(/\{\{[<%]\s*imgproc\b((?:[^>%{\n]|[>%](?!\}\}))*)[>%]\}\}((?:(?!\{\{[<%]\s*imgproc\b)[\s\S])*?)\{\{[<%]\s*\/\s*imgproc\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*imgproc\s*[>%]\}\}/),
			(whole: string, args: string, inner: string, offset: number, all: string) => {
				// A caption with a shortcode of its own is left to be read where it is.
				if (inCode(all, offset) || inner.includes('{{')) return whole;
				// In a blockquote, the quote's markers that open the caption's lines are not its text.
				const quoted = all.slice(all.lastIndexOf('\n', offset - 1) + 1, offset).includes('>');
				const caption = (quoted ? inner.replace(/\n[ \t]*(?:>[ \t]?)*/g, '\n') : inner).replace(/\s+/g, ' ').trim();
				return `{{< imgproc ${args.trim()}${caption ? ` caption="${caption.replace(/[\\"]/g, '\\$&')}"` : ''} >}}${'\n'.repeat(lineBreaks(whole))}`;
			},
		)
		// The rawhtml shortcode sites define to put HTML in a post (PaperMod's documentation shows it): the HTML, as written.
		.replace(/\{\{<\s*(rawhtml|raw-html|html)\s*>\}\}([\s\S]*?)\{\{<\s*\/\s*\1\s*>\}\}/gi, (whole: string, _name: string, html: string, offset: number, all: string) =>
			inCode(all, offset) ? whole : protect(html),
		)
		// Hugo Book's math: {{< katex >}}x{{< /katex >}} within a line, {{< katex display >}} (its older form) or
		// {{< katex display=true >}} around a formula. Not the self-closing {{< katex />}}, which loads KaTeX.
		// Display math written on one line stays on it: `$$ … $$`, which Carnet shows as display math, when it is a
		// paragraph (or a list item) of its own; among text, marked for expandLines() to put on lines of its own,
		// which says where each line was written. Not across another opening, its arguments not across another
		// tag's `{{`: many left open are read in linear time.
		.replace(closed(/\{\{[<%]\s*katex\b((?:[^>%{}\n/]|\{(?!\{))*)[>%]\}\}((?:(?!\{\{[<%]\s*katex\b)[\s\S])*?)\{\{[<%]\s*\/\s*katex\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*katex\s*[>%]\}\}/), (whole: string, args: string, formula: string, offset: number, all: string) => {
			if (inCode(all, offset)) return whole;
			const display = /^\s*display(?:\s*=\s*["']?true["']?)?\s*$/.test(args);
			if (display && !formula.includes('\n')) return displayMathInLine(formula, aloneInParagraph(all, offset, offset + whole.length));
			return display || formula.includes('\n') ? displayMath(formula) : `$${formula.trim()}$`;
		})
		// Relearn's math shortcode around a formula in dollars ({{< math >}}$$…$${{< /math >}}): the formula, its
		// tags left out; one without dollars is display math. Not across another opening.
		.replace(closed(/\{\{[<%]\s*math\b(?:[^>%}\n/]|[>%](?!\}\}))*[>%]\}\}((?:(?!\{\{[<%]\s*math\b)[\s\S])*?)\{\{[<%]\s*\/\s*math\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*math\s*[>%]\}\}/), (whole: string, formula: string, offset: number, all: string) => {
			if (inCode(all, offset)) return whole;
			return formula.includes('$') ? formula : formula.includes('\n') ? displayMath(formula) : displayMathInLine(formula, aloneInParagraph(all, offset, offset + whole.length));
		})
		// Hugo Book's steps (an ordered list inside) and columns (sections split by `<--->` lines): what they
		// hold, one section after another, as Carnet lays no columns out; an empty comment in place of `<--->`
		// ends a section's list, as a blank line would not. Not across another opening.
		.replace(
			closed(/\{\{[<%]\s*(steps|columns)\b(?:[^>%}\n]|[>%](?!\}\}))*[>%]\}\}((?:(?!\{\{[<%]\s*(?:steps|columns)\b)[\s\S])*?)\{\{[<%]\s*\/\s*\1\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*(?:steps|columns)\s*[>%]\}\}/),
			(whole: string, name: string, inner: string, offset: number, all: string) => (inCode(all, offset) ? whole : name === 'columns' ? inner.replace(/^[ \t]*<--->[ \t]*$/gm, '<!-- -->') : inner),
		)
		// Hugo Book's button to an address ({{< button href="https://…" >}}Text{{< /button >}}): a link. One that
		// runs script (javascript:) is a link too, which loses its address and is told as a Markdown one is. Its
		// arguments end at another tag's `{{`, so that a line of openings is read in linear time.
		.replace(/\{\{[<%]\s*button\b((?:[^>%{}\n]|\{(?!\{)|[>%](?!\}\}))*)[>%]\}\}([^{}\n]*)\{\{[<%]\s*\/\s*button\s*[>%]\}\}/g, (whole: string, args: string, text: string, offset: number, all: string) => {
			const href = parseArguments(args).named.href;
			if (inCode(all, offset) || !href || /[\s<>]/.test(href)) return whole;
			return `[${(text.trim() || href).replace(/[[\]\\]/g, '\\$&')}](<${href}>)`;
		})
		// A Docsy tab of code ({{< tab header="XML" lang="xml" >}} … {{< /tab >}}): fenced code, its header the title.
		// The tag is read to its end and its lang found after, its arguments not across another tag's `{{` and its
		// code not across another opening: many left open, or lang written many times, are read in linear time.
		.replace(closed(/\{\{[<%]\s*tab\b((?:[^>%{]|\{(?!\{)|[>%](?!\}\}))*)[>%]\}\}((?:(?!\{\{[<%]\s*tab\b)[\s\S])*?)\{\{[<%]\s*\/\s*tab\s*[>%]\}\}/g, /\{\{[<%]\s*\/\s*tab\s*[>%]\}\}/), (whole: string, args: string, code: string, offset: number, all: string) => {
			// A lang with no `>` or `%` after it in the tag.
			if (!/\blang=/.test(args.slice(Math.max(args.lastIndexOf('>'), args.lastIndexOf('%')) + 1)) || inCode(all, offset)) return whole;
			const { named, positional } = parseArguments(args);
			const title = tabTitle(named, positional);
			return fenced(`${named.lang ?? ''}${title ? (title.includes('"') ? ` title='${title}'` : ` title="${title}"`) : ''}`, code, all, offset, whole);
		})
		// Hextra's tabs name their tabs in order on the tabs' tag (`{{< tabs items="mariadb,mysql" >}}`), and each tab bare.
		// The tag is read to its end and its items found after, its arguments not across another tag's `{{` and
		// its tabs not across another opening: many left open, or items written many times, are read in linear time.
		.replace(closed(/(\{\{[<%]\s*tabs\b((?:[^>%"{]|\{(?!\{)|"[^"]*")*)[>%]\}\})((?:(?!\{\{[<%]\s*tabs\b)[\s\S])*?)(\{\{[<%]\s*\/\s*tabs\s*[>%]\}\})/g, /\{\{[<%]\s*\/\s*tabs\s*[>%]\}\}/), (whole: string, open: string, args: string, inner: string, close: string, offset: number, all: string) => {
			// The first items outside the tag's quoted arguments.
			const items = [...args.matchAll(/\bitems="([^"]*)"|"[^"]*"/g)].find((match) => match[1] !== undefined)?.[1];
			// Or as the tag's arguments, in order (`{{< tabs Windows MacOS Ubuntu >}}`), as some themes' tabs read them.
			// Only as many as its bare tabs at least: Hugo Book's `{{< tabs "id" >}}` names the group, not a tab.
			const positional = items === undefined ? parseArguments(args).positional : [];
			const bare = items === undefined ? (inner.match(/\{\{[<%]\s*tab\s*[>%]\}\}/g)?.length ?? 0) : 0;
			if ((items === undefined && (bare === 0 || positional.length < bare)) || inCode(all, offset)) return whole;
			const names = items === undefined ? positional : items.split(',').map((item) => item.trim());
			let next = 0;
			return `${open}${inner.replace(/\{\{([<%])\s*tab\s*([>%])\}\}/g, (_tab: string, left: string, right: string) => `{{${left} tab title="${(names[next++] ?? '').replace(/"/g, '')}" ${right}}}`)}${close}`;
		})
		// A Hexo tab's opening without its `-->` (`<!-- tab A` on its line) is left out: its tab's `<!-- endtab -->`,
		// which ended it as a comment, goes below, and it would hide the rest of the post. Not across another opening.
		.replace(/\{%-?\s*tabs\b[^%]*-?%\}(?:(?!\{%-?\s*tabs\b)[\s\S])*?\{%-?\s*endtabs\s*-?%\}/g, (whole: string, offset: number, all: string) => {
			if (inCode(all, offset) || !whole.includes('<!--')) return whole;
			// Lines are counted on from the last opening, so that many are read in one pass.
			let line = 1 + lineBreaks(all.slice(0, offset));
			let counted = 0;
			return whole.replace(/<!--[ \t]*tab[ \t][^\n]*/g, (opening: string, at: number) => {
				if (opening.includes('-->')) return opening;
				line += lineBreaks(whole.slice(counted, at));
				counted = at;
				const written = opening.trim();
				report({ line, text: written, reason: `a Hexo tab's opening needs --> at the end of its line, or it opens an HTML comment that hides the rest of the post. End it with --> (${written} -->)`, leftOut: true });
				return '';
			});
		})
		// Tabs (Hugo Book's and Docsy's tabs, tabpane and tab, Hugo Coder's tabgroup, Hexo's tabs with `<!-- tab Title -->`, jekyll-tabs'
		// `{% tab group Title %}` … `{% endtab %}`, al-folio's): Carnet runs no script to switch between them, so
		// each tab's title is a bold line above its content.
		.replace(/\{\{[<%]\s*(?:\/\s*)?(?:tabs|tabpane|tabgroup)\b(?:[^>%{]|\{(?!\{)|[>%](?!\}\}))*[>%]\}\}|\{%-?\s*(?:end)?tabs\b[^%]*-?%\}|\{\{[<%]\s*\/\s*tab\s*[>%]\}\}|\{%-?\s*endtab\s*-?%\}|<!--\s*endtab\s*-->/g, (whole: string, offset: number, all: string) =>
			// A tab that ends within a line, another after it, ends its line there.
			inCode(all, offset) ? whole : /^(?:\{\{[<%]\s*\/\s*tab\b|\{%-?\s*endtab\b)/.test(whole) && textFollows(all, offset + whole.length) ? '<br>' : '',
		)
		// Hexo's and jekyll-tabs' titles are read to the tag's end, and trimmed after: each in linear time.
		.replace(/\{\{[<%]\s*tab\b((?:[^>%{]|\{(?!\{)|[>%](?!\}\}))*)[>%]\}\}|<!--\s*tab\s([^>\n]*)-->|\{%-?\s*tab[ \t]+[^\s%]+[ \t]([^%\n]*)%\}/g, (whole: string, args: string | undefined, hexoCaption: string | undefined, jekyllTitle: string | undefined, offset: number, all: string) => {
			if (inCode(all, offset)) return whole;
			// Hexo's caption is the title, then its icon after an @ (`Pear@fas fa-lemon`); jekyll-tabs' may end
			// with Liquid's `-` that trims the white space around the tag.
			const jekyll = jekyllTitle?.trim();
			const written = hexoCaption === undefined ? (jekyll?.endsWith('-') ? jekyll.slice(0, -1) : jekyll) : hexoCaption.split('@')[0];
			const title = written?.trim() ?? (args === undefined ? '' : tabTitle(parseArguments(args).named, parseArguments(args).positional));
			if (!title) return '';
			// Its content on the same line goes on the next (`{{< tab "C++" >}}code{{< /tab >}}`): a title in
			// `**` that ends in punctuation would not be bold before a letter.
			return textFollows(all, offset + whole.length) ? `<strong>${escapeXml(title)}</strong><br>` : `**${escapeMarkdown(title)}**`;
		})
		// Last, once every block Carnet reads is read: what is left is a shortcode it does not know.
		.replace(/[\s\S]+/, (text: string) => unknownDataBlocks(text, codeLines, report));
}

// A code block's tag alone on a heading's line (`## {% highlight ruby %}`, `## {% endhighlight %}`), which would
// make an empty heading, or a last line of code of the heading's marks.
const CODE_TAG_HEADING = /^( {0,3}#{1,6}[ \t]+)(\{%-?\s*(?:end)?(?:highlight|codeblock|code)\b[^%{}\n]*%\}|\{\{[<%]\s*\/?\s*(?:highlight|text|mermaid)\b[^{}\n]*[>%]\}\})([ \t]*\r?)$/;

/**
 * `body` with the heading marks left out before each code block's tag on a line of its own (CODE_TAG_HEADING):
 * a heading cannot hold the block. Each is told to `report` with its line; lines of `codeLines` are left alone.
 */
function withoutHeadingMarks(body: string, codeLines: (line: number) => boolean, report: (item: Unknown) => void): string {
	if (!/^ {0,3}#/m.test(body)) return body;
	return body
		.split('\n')
		.map((line, index) => {
			const found = line.includes('#') ? CODE_TAG_HEADING.exec(line) : null;
			if (found === null || codeLines(index + 1)) return line;
			const [, marks = '', tag = ''] = found;
			report({
				line: index + 1,
				text: marks.trim(),
				reason: `it marks a heading on the line of ${tag}, a code block's tag, and a heading cannot hold the block (it would be empty, or its marks a line of the code); write the tag on a line of its own`,
				leftOut: true,
			});
			return line.slice(marks.length);
		})
		.join('\n');
}

// The opening tag, alone on its line, of a paired shortcode: Hugo's (`{{< chart >}}`, `{{% chart %}}`) and Zola's
// (`{% chart() %}`). Not one escaped to be shown as written (`{{</* chart */>}}`), nor a closing one. Indented as
// far as a fence may be, which the block's fences repeat.
const HUGO_OPENING_LINE = /^( {0,3})\{\{[<%]\s*([A-Za-z][\w-]*)((?:[^>%{\n]|\{(?!\{)|[>%](?!\}\}))*)[>%]\}\}[ \t]*\r?$/;
const ZOLA_OPENING_LINE = /^( {0,3})\{%-?[ \t]*([A-Za-z_]\w*)[ \t]*\([^)\n]*\)[ \t]*-?%\}[ \t]*\r?$/;
const TAG_MARK = /\{\{[<%]|\{%/;

/**
 * A paired shortcode Carnet does not know, around data or code (Congo's and Blowfish's `{{< chart >}}` around a
 * Chart.js config, DeepThought's `{% chart() %}` … `{% end %}` around JSON), each tag alone on its line: the whole
 * of it, tags and body as written, in a code block, where Markdown would join the body's lines into one paragraph
 * and curl its quotes. The fences go on the tags' lines and the tags on lines added to them (ADDED_BREAK), so
 * that every line keeps its number. A body of prose is left to be read as Markdown, its tags shown as code
 * (expandInline()), as is a body holding a tag of its own. Each body is read up to the next line holding a tag,
 * so that many left open are read in linear time.
 */
function unknownDataBlocks(text: string, codeLines: (line: number) => boolean, report: (item: Unknown) => void): string {
	if (!text.includes('{{') && !text.includes('{%')) return text;
	const lines = text.split('\n');
	let htmlLines: boolean[] | undefined;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] as string;
		const hugo = HUGO_OPENING_LINE.exec(line);
		const zola = hugo ? null : ZOLA_OPENING_LINE.exec(line);
		const opening = hugo ?? zola;
		if (!opening || codeLines(index + 1)) continue;
		let end = index + 1;
		while (end < lines.length && !TAG_MARK.test(lines[end] as string)) end++;
		if (end === lines.length) break;
		const [, indent = '', name = '', args = ''] = opening;
		const closingTag = hugo ? new RegExp(String.raw`^[ \t]*\{\{[<%]\s*\/\s*${name}\s*[>%]\}\}[ \t]*\r?$`) : ZOLA_END;
		// hugo-encrypt's opening holds a password, never shown (expandInline()).
		const known = hugo && (KNOWN_SHORTCODES.has(name) || BLOCK_SHORTCODES.has(name) || name === 'hugo-encrypt' || args.trim().endsWith('/'));
		if (known || !closingTag.test(lines[end] as string) || codeLines(end + 1) || !readsAsData(lines.slice(index + 1, end))) {
			index = end - 1;
			continue;
		}
		// A backtick in the opening tag (a raw-string argument) would end a backtick fence's info string, which the
		// tag's added line is until the breaks are made: tildes then. No line of the body opens a fence, which
		// would have ended this text (splitFences()).
		const fence = line.includes('`') ? '~~~' : '```';
		// Right under a line of an HTML block (`<!-- prettier-ignore-start -->`, as Congo writes it), the fence would
		// be that block's HTML: a blank line goes before it.
		htmlLines ??= htmlBlockLines(text);
		if (htmlLines[index]) lines[index - 1] += ADDED_BREAK;
		const closing = (lines[end] as string).trim();
		lines[index] = `${indent}${fence}${ADDED_BREAK}${line}`;
		lines[end - 1] += `${ADDED_BREAK}${lines[end]}`;
		lines[end] = `${indent}${fence}`;
		const reason = hugo ? `Hugo's ${name} shortcode is not one Carnet knows` : `Zola's ${name} shortcode is not one Carnet knows`;
		report({ line: index + 1, text: line.trim(), reason: `${reason}. Replace it with Markdown or HTML`, shownAs: `written in a code block, with its body and ${closing}` });
		index = end;
	}
	return lines.join('\n');
}

// A line of data or code: one that ends an item (`,`, `;`) or opens a bracket (`{`, `[`), or opens with one that closes.
const DATA_LINE = /[,;{[][ \t]*\r?$|^[ \t]*[}\]]/;
const BRACKET_LINE = /[{[][ \t]*\r?$|^[ \t]*[}\]]/;

/**
 * Whether the lines of a shortcode's body are data or code rather than prose: more than half of those not blank
 * are lines of data (DATA_LINE), and one at least opens or closes a bracket, which a poem's commas do not.
 */
function readsAsData(lines: readonly string[]): boolean {
	const written = lines.filter((line) => line.trim() !== '');
	return written.length >= 2 && written.some((line) => BRACKET_LINE.test(line)) && written.filter((line) => DATA_LINE.test(line)).length * 2 > written.length;
}

/**
 * Whether `all` from `start` to `end` is a paragraph of its own: the whole of its line but white space and the
 * markers of the quotes and the list item it is in, with a blank line or none before and after (in a list item,
 * any line before, and after it a blank line or the next item). The line is read only back to the last text
 * before `start`, so that many shortcodes on one line are each read in the time of their own part of it.
 */
function aloneInParagraph(all: string, start: number, end: number): boolean {
	let lineStart = start;
	while (lineStart > 0 && CONTAINER_CHARACTER.test(all[lineStart - 1] as string)) lineStart--;
	if (lineStart > 0 && all[lineStart - 1] !== '\n') return false;
	const prefix = CONTAINER_PREFIX.exec(all.slice(lineStart, start));
	if (!prefix) return false;
	const lineEnd = all.indexOf('\n', end);
	if (all.slice(end, lineEnd === -1 ? undefined : lineEnd).trim() !== '') return false;
	const nextEnd = lineEnd === -1 ? -1 : all.indexOf('\n', lineEnd + 1);
	const after = lineEnd === -1 ? '' : all.slice(lineEnd + 1, nextEnd === -1 ? undefined : nextEnd);
	if (prefix[1] !== undefined) return after.trim() === '' || LIST_ITEM.test(after.replace(/^[ \t]*(?:>[ \t]?)*/, ''));
	const before = lineStart === 0 ? '' : all.slice(all.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
	return [before, after].every((line) => line.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim() === '');
}

// What may open a line before a paragraph's text: white space, a quote's `>`, a list item's marker.
const CONTAINER_CHARACTER = /[ \t>*+\-.)\d]/;
// Quote markers, then at most one list item's marker (the first group), then white space.
const CONTAINER_PREFIX = /^[ \t]*(?:>[ \t]?)*(?:([-*+]|\d{1,9}[.)])[ \t]+)?$/;
// A list item's marker opening a line.
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Display math written on one line: `$$ … $$` when it is a paragraph of its own, or else between marks that
 * expandLines() reads as lines of its own (displayMathLines()).
 */
function displayMathInLine(formula: string, alone: boolean): string {
	return alone ? `$$ ${formula.trim()} $$` : `${DISPLAY_OPEN}${protect(formula.trim())}${DISPLAY_CLOSE}`;
}

// The marks of displayMathInLine() around a formula, private-use characters as HIDE's.
const DISPLAY_OPEN = STAND_IN.displayOpen;
const DISPLAY_CLOSE = STAND_IN.displayClose;
const MARKED_DISPLAY = new RegExp(`${DISPLAY_OPEN}([^${DISPLAY_OPEN}${DISPLAY_CLOSE}]*)${DISPLAY_CLOSE}`, 'g');

/**
 * A line with formulas marked by displayMathInLine(), each on lines of its own between `$$` lines: the text
 * before it ends its paragraph and the text after starts one. The lines after the first carry its quote's
 * markers, and a list item's indent, so that the formula stays in the item.
 */
function displayMathLines(line: string): string {
	if (!line.includes(DISPLAY_OPEN)) return line;
	const opening = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(line)?.[0] ?? '';
	// A list item's marker is spaces as wide on the lines that continue it.
	const continuation = opening.replace(/(?:[-*+]|\d{1,9}[.)])([ \t]+)$/, (marker: string) => ' '.repeat(marker.length));
	let first = true;
	const parts: string[] = [];
	let from = 0;
	for (const match of line.matchAll(MARKED_DISPLAY)) {
		const before = line.slice(from, match.index);
		if (before.trim() !== '' && !(first && before === opening)) parts.push(first ? before.trimEnd() : continuation + before.trim());
		parts.push(`${first && parts.length === 0 ? opening : continuation}$$`, `${continuation}${match[1] as string}`, `${continuation}$$`);
		first = false;
		from = match.index + match[0].length;
	}
	const after = line.slice(from).trim();
	if (after !== '') parts.push(continuation + after);
	return parts.join('\n');
}

/**
 * `formula` as display math, its `$$` on lines of their own, the formula's lines kept. A line break it adds
 * (after `{{< katex display >}}x = 1`, before `y{{< /katex >}}`) is marked, and made by expandShortcodes() once
 * the body's lines are counted: the lines after the formula keep the numbers they were written on.
 */
function displayMath(formula: string): string {
	return `$$${/^\r?\n/.test(formula) ? '' : ADDED_BREAK}${formula}${formula.endsWith('\n') ? '' : ADDED_BREAK}$$`;
}

// The mark of a line break displayMath() adds, a private-use character as HIDE's.
const ADDED_BREAK = STAND_IN.addedBreak;

/**
 * A test of whether an offset of a text is in a code span, an odd number of backticks before it on its line,
 * for the offsets of one pass, read in order: each counts from the one before, so that a line of thousands of
 * tags is read in linear time.
 */
function codeSpanTest(): (all: string, offset: number) => boolean {
	let read: string | undefined;
	let from = 0;
	let ticks = 0;
	return (all, offset) => {
		if (all !== read || offset < from) {
			read = all;
			from = all.lastIndexOf('\n', offset - 1) + 1;
			ticks = 0;
		}
		for (; from < offset; from++) {
			const code = all.charCodeAt(from);
			if (code === 0x0a) ticks = 0;
			else if (code === 0x60) ticks++;
		}
		return ticks % 2 === 1;
	};
}

/** Whether text other than white space, and than the tags that close tabs, follows `offset` on its line of `all`. */
function textFollows(all: string, offset: number): boolean {
	const end = all.indexOf('\n', offset);
	return all.slice(offset, end === -1 ? undefined : end).replace(/\{\{[<%]\s*\/\s*(?:tabs|tabpane|tabgroup)\s*[>%]\}\}/g, '').trim() !== '';
}

// A pattern that matches nowhere.
const NO_MATCH = /(?!)/g;

/** A tab's title: Docsy's `header`, or `name`, `title`, or Hugo Book's first argument. */
function tabTitle(named: Record<string, string>, positional: readonly string[]): string {
	// Relearn's titles may be emphasised themselves (`_**MacOS**_`): the title is bold already.
	return (named.header ?? named.name ?? named.title ?? positional[0] ?? '').trim().replace(/^[*_]+(?=\S)|(?<=\S)[*_]+$/g, '');
}

// The openings of paired shortcodes a theme defines around code, their arguments not across another tag's `{{`.
const CODE_SHORTCODE = /\{\{[<%]\s*([A-Za-z][\w-]*)((?:[^>%{\n]|\{(?!\{)|[>%](?!\}\}))*)[>%]\}\}/g;
// Themes' names for them; another shortcode is read as code when it says so (Docsy's `code=true`) or names a
// language (`language="c"`, `lang=js`, Lotus Docs' `{{< prism lang="rust" >}}`) that is not a reader's: a
// `lang` is as often the language of the prose it holds (`{{< fig-quote lang="en" >}}`, `{{< langblock
// lang="pt-br" >}}`), which must stay Markdown, unless the shortcode is named for code.
export const CODE_SHORTCODE_NAMES = new Set(['code', 'codeblock', 'code-block', 'collapsible-code', 'highlight', 'tabbed-codeblock']);
const CODE_LIKE_NAME = /code|snippet|highlight|syntax|listing/i;
// Readers' languages, by their ISO 639-1 codes, but for those that are also names of programming languages
// (`cs` C#, `el` Elisp, `ml` OCaml, `ts`, `sh`, `hy`): a code with a region or script (`pt-br`, `zh-Hant`) is
// a reader's too.
const READER_LANGUAGES = new Set('af am ar az be bg bn bs ca cy da de en eo es et eu fa fi fr ga gl gu he hi hr hu id is it ja ka kk km kn ko ku ky la lo lt lv mk mn mr ms mt my nb ne nl nn no pa pl ps pt ro ru si sk sl sq sr sv sw ta te tg th tk tl tr tt ug uk ur uz vi yi zh zu'.split(' '));
const READER_LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_](?:[a-z]{4}|[a-z]{2}|\d{3}))+$/i;

/** Whether a shortcode's `lang` is the language of the prose it holds (`en`, `pt-BR`) rather than of code. */
function readerLanguage(lang: string): boolean {
	return READER_LANGUAGES.has(lang.toLowerCase()) || READER_LANGUAGE_TAG.test(lang);
}
// Shortcodes Carnet reads otherwise (a Docsy tab's lang, a tab pane's), whatever they name.
const NOT_CODE_SHORTCODES = new Set(['tab', 'tabs', 'tabpane', 'tabgroup', 'text', 'mermaid', 'katex', 'math']);

/** Whether a paired shortcode named `name`, with the `named` arguments, is code (codeShortcodes()). */
function readAsCode(name: string, named: Readonly<Record<string, string>>): boolean {
	if (NOT_CODE_SHORTCODES.has(name)) return false;
	const lang = named.language ?? named.lang;
	return CODE_SHORTCODE_NAMES.has(name) || named.code === 'true' || (lang !== undefined && (!readerLanguage(lang) || CODE_LIKE_NAME.test(name)));
}
// A Hexo-style tab of Tranquilpeak's tabbed-codeblock: `<!-- tab html -->` … `<!-- endtab -->`, each on its line.
// Not across another tab's opening, so that many left open are read in linear time.
const CODE_TAB = /^([ \t]*)<!--[ \t]*tab[ \t]+([^\s>]*)[ \t]*-->[ \t]*\r?\n((?:(?!^[ \t]*<!--[ \t]*tab[ \t])[\s\S])*?)^[ \t]*<!--[ \t]*endtab[ \t]*-->[ \t]*$/gm;

/**
 * Paired shortcodes that themes define around code (Tranquilpeak's `{{< codeblock "apache.conf" >}}`,
 * hello-friend-ng's `{{< code language="c" title="…" >}}`), and any other that names a language of code, as fenced
 * code: Hugo renders their body as code, so its `<style>`, `#` and `$` are never the page's. Its language is
 * `language=` or `lang=`, Tranquilpeak's `lang:js`, or the file name's extension; its title `title=`, or a
 * first argument that is a file name. Tranquilpeak's tabbed-codeblock is a block of code for each of its
 * `<!-- tab lang -->` … `<!-- endtab -->`, each titled by its language, as Carnet shows tabs one after the
 * other. One holding another shortcode (a tab pane's tabs) is left to be read where it is: each is read only
 * up to the next shortcode, so that many left open, or nested, are read in linear time.
 */
function codeShortcodes(text: string, inCode: (all: string, offset: number) => boolean, fenced: (info: string, code: string, all: string, offset: number, whole: string) => string): string {
	const closings = new Set([...text.matchAll(/\{\{[<%]\s*\/\s*([A-Za-z][\w-]*)\s*[>%]\}\}/g)].map((match) => match[1] as string));
	if (closings.size === 0) return text;
	let result = '';
	let from = 0;
	for (const opening of text.matchAll(CODE_SHORTCODE)) {
		const [tag, name, args] = opening as unknown as [string, string, string];
		const start = opening.index;
		if (start < from || !closings.has(name) || NOT_CODE_SHORTCODES.has(name)) continue;
		const { named, positional } = parseArguments(args);
		const lang = named.language ?? named.lang;
		if (!readAsCode(name, named)) continue;
		// Its closing tag, which must be the next shortcode: one holding another is left to be read where it is.
		// One escaped to be shown as written is its code.
		const next = /\{\{[<%](?!\s*\/\*)\s*(?:(\/)\s*([A-Za-z][\w-]*)\s*[>%]\}\})?/g;
		next.lastIndex = start + tag.length;
		const close = next.exec(text);
		if (!close || close[1] === undefined || close[2] !== name || inCode(text, start)) continue;
		const code = text.slice(start + tag.length, close.index);
		const whole = text.slice(start, close.index + close[0].length);
		const file = positional[0] !== undefined && /^[\w.\/-]*\.[A-Za-z\d+#-]{1,10}$/.test(positional[0]) ? positional[0] : undefined;
		const title = (named.title ?? file ?? '').replace(/[`\r\n]/g, '');
		const language = (lang ?? positional.find((word) => word.startsWith('lang:'))?.slice(5) ?? /\.([A-Za-z\d+#-]{1,10})$/.exec(file ?? '')?.[1] ?? '').toLowerCase();
		const info = (shown: string, caption: string) => [/^[\w+#.-]{1,30}$/.test(shown) ? shown : caption ? 'text' : '', ...(caption ? [caption.includes('"') ? `title='${caption}'` : `title="${caption}"`] : [])].filter(Boolean).join(' ');
		result += text.slice(from, start);
		if (name === 'tabbed-codeblock' && /^[ \t]*<!--[ \t]*tab[ \t]/m.test(code)) {
			// The tag's lines go, and each tab's comments become its fences: every line keeps its number.
			result += (positional[0] ? `**${escapeMarkdown(positional[0])}**` : '') + code.replace(CODE_TAB, (_section: string, indent: string, tabLanguage: string, inner: string) => {
				const fence = '`'.repeat(Math.max(3, ...[...inner.matchAll(/`{3,}/g)].map((match) => match[0].length + 1)));
				return `${indent}${fence}${info(tabLanguage.toLowerCase(), tabLanguage)}\n${inner}${indent}${fence}`;
			});
		} else {
			result += fenced(info(language, title), code, text, start, whole);
		}
		from = close.index + close[0].length;
	}
	return result + text.slice(from);
}

/**
 * The fence info of an Octopress or Hexo codeblock's arguments: its language (`lang:js`, else the title's
 * file extension, as Octopress guesses it), its highlighted lines (Hexo's `mark:1,3-4`) and its title (the
 * words before a URL, a quoted one without its quotes; the URL and its link text, which Octopress links the
 * title to, are left out).
 */
function codeblockInfo(args: string): string {
	const words: string[] = [];
	let language = '';
	let marked = '';
	for (const token of tagArguments(args)) {
		if (/^https?:\/\//i.test(token)) break;
		const option = /^(\w+):(\S*)$/.exec(token);
		// Languages are named in lower case (`lang:JavaScript` is javascript, which highlighters know).
		if (option?.[1] === 'lang') language = (option[2] as string).toLowerCase();
		else if (option?.[1] === 'mark') marked = (option[2] as string).replace(/[^\d,-]/g, '');
		else if (!option && token) words.push(token);
	}
	const title = words.join(' ').replace(/[`\r\n]/g, '');
	if (!language) language = /\.([a-z\d+#-]{1,10})$/i.exec(title)?.[1]?.toLowerCase() ?? '';
	// A fence's info string opens with its language: a title alone would be taken for one, and not shown.
	if (!language && title) language = 'text';
	const meta = [...(marked ? [`{${marked}}`] : []), ...(title ? [title.includes('"') ? `title='${title}'` : `title="${title}"`] : [])];
	return [language, ...meta].filter(Boolean).join(' ');
}

/**
 * A Hexo tag's arguments, split at whitespace as Hexo splits them, a quoted one (`"My title"`, `'a b'`) one
 * argument without its quotes, its spaces and escaped quotes (`\"`) kept: Hexo reads the tag with Nunjucks,
 * whose strings lose their quotes. A quote counts only around a whole argument, so that an apostrophe
 * (`Don't panic`) and a quote that nothing closes stay as written, as Octopress shows them.
 */
function tagArguments(args: string): string[] {
	const found: string[] = [];
	// Quotes that close nowhere after some opening: none after a later one does either.
	const unclosed = new Set<string>();
	for (let at = 0; at < args.length; ) {
		const char = args[at] as string;
		if (/\s/.test(char)) {
			at++;
			continue;
		}
		const close = (char === '"' || char === "'") && !unclosed.has(char) ? closingQuote(args, at) : -1;
		if (close !== -1) {
			found.push(args.slice(at + 1, close).replaceAll(`\\${char}`, char));
			at = close + 1;
			continue;
		}
		if (char === '"' || char === "'") unclosed.add(char);
		let end = at;
		while (end < args.length && !/\s/.test(args[end] as string)) end++;
		found.push(args.slice(at, end));
		at = end;
	}
	return found;
}

/** Where the quote that opens at `open` in `args` closes, at the end of an argument; -1 if nowhere. */
function closingQuote(args: string, open: number): number {
	const quote = args[open];
	for (let at = open + 1; at < args.length; at++) {
		if (args[at] === '\\') at++;
		else if (args[at] === quote && (at + 1 === args.length || /\s/.test(args[at + 1] as string))) return at;
	}
	return -1;
}

// Text kept as written ({% raw %}, {{</* */>}}, a formula's fence line) is hidden from the later passes behind private-use characters.
const HIDE: Record<string, string> = { '{': STAND_IN.openBrace, '}': STAND_IN.closeBrace, '%': STAND_IN.percent, '`': STAND_IN.backtick, '~': STAND_IN.tilde };
const SHOW: Record<string, string> = Object.fromEntries(Object.entries(HIDE).map(([char, standIn]) => [standIn, char]));
// The kept braces and percent signs, and those with a formula's fence marks.
const HIDDEN_BRACES = new RegExp(`[${STAND_IN.openBrace}${STAND_IN.closeBrace}${STAND_IN.percent}]`, 'g');
const HIDDEN = new RegExp(`[${Object.values(HIDE).join('')}]`, 'g');

function lineBreaks(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
	return count;
}

function protect(text: string): string {
	return text.replace(/[{}%]/g, (char) => HIDE[char] as string);
}

/**
 * `body` with its Liquid output (`{{ site.url }}`) and tags (`{% include x.html %}`) hidden from every pass,
 * as Jekyll leaves them in a post with `render_with_liquid: false`; Hugo's `{{< x >}}` and `{{% x %}}` are no
 * Liquid. Each opening and closing mark is hidden on its own, wherever it is: a tag written over several lines
 * (`{% include x.html` then `a=1 %}`), or whose quoted string holds a mark (`{{ "}}" | append: x }}`), is no
 * tag to any pass, and shows as written.
 */
function hideLiquid(body: string): string {
	return body.replace(/\{\{(?![<%])|(?<!\{)\{%|(?<![>%])\}\}|%\}(?!\})/g, protect);
}

// A Hugo shortcode, a Liquid tag or a Zola shortcode's call, or else a code span, whichever starts first. None of
// a tag's parts takes in the start of another (`{{`, `{%`, a parenthesis), so that one that no end closes is
// given up at the next one, and a long line is read in one pass.
const TAGS_OR_CODE = new RegExp(
	[
		String.raw`(\{\{[<%](?:[^{\n]|\{(?!\{))*?[>%]\}\}`,
		String.raw`\{%-?[ \t]*\/?\w+(?:[^{%\n]|%(?!\})|\{(?!%))*?%\}`,
		String.raw`\{\{[ \t]*[A-Za-z_]\w*\((?:[^()"'\x60{\n]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|\x60[^\x60\n]*\x60)*\)[ \t]*\}\}`,
		'`+[^`]*`+)',
	].join('|'),
);

// A Go raw string's action, on its line (`{{raw \`<b>x</b>\`}}`) or opening one that runs over lines.
const GO_RAW = /\{\{-?[ \t]*raw[ \t]+`[^`\n]*(?:`[ \t]*-?\}\})?/g;

/**
 * `line` with its tags blanked out, as outsideInlineCode() reads them before code spans, and its Go actions,
 * whose strings may be raw (`` `…` ``): the backticks left are those that may open or close a code span.
 */
function withoutTags(line: string): string {
	if (!line.includes('`') || !line.includes('{')) return line;
	const blanked = line
		.split(TAGS_OR_CODE)
		.map((part, index) => (index % 2 === 1 && !part.startsWith('`') ? ' '.repeat(part.length) : part))
		.join('');
	const blank = (action: string) => ' '.repeat(action.length);
	return line.includes('{{') ? blanked.replace(GO_ACTION, blank).replace(GO_RAW, blank) : blanked;
}

// A backtick in a link's destination or title, an autolink or a raw HTML tag while a line is split into tags and code spans.
const LINK_BACKTICK = STAND_IN.linkBacktick;

/** Applies `change` to the parts of a line outside inline code spans; `start` tells the part that begins the line. */
function outsideInlineCode(line: string, change: (text: string, start: boolean) => string): string {
	if (!line.includes('{') && !line.includes('[[') && !line.includes('<%')) return line;
	// A shortcode is read before the code spans: backticks inside it quote a raw-string argument
	// (caption=`A "quoted" word`), as Hugo reads them, or are a code span in its text (Zola's
	// {{ note(text="`fn cmp()`") }}, Hexo's {% asset_img a.png Add `api.example.com` %}).
	// A backtick in a link's title (`[a](b "Don`t")`) or an HTML tag (`<abbr title="`">`) opens no code span there, as codeSpanRanges() reads it.
	const marked = markLinkBackticks(line, LINK_BACKTICK);
	const parts: { text: string; code: boolean }[] = [];
	for (const [index, written] of marked.split(TAGS_OR_CODE).entries()) {
		const part = marked === line ? written : written.replaceAll(LINK_BACKTICK, '`');
		const code = index % 2 === 1 && part.startsWith('`');
		const last = parts.at(-1);
		if (last && !last.code && !code) last.text += part;
		else parts.push({ text: part, code });
	}
	return parts.map((part, index) => (part.code ? unescapeHugo(part.text) : change(part.text, index === 0))).join('');
}

// Hugo's escaped shortcodes in code, as Hugo shows them there too: {{</* youtube x */>}} is
// {{< youtube x >}}. Code keeps every other shortcode as written.
function unescapeHugo(code: string): string {
	if (!code.includes('/*')) return code;
	// Zola's too: {%/* mermaid() */%} and {{/* youtube(id="x") */}} are {% mermaid() %} and {{ youtube(id="x") }}.
	// Only a shortcode's call (`name(…)`, or `end`): `{{/* a note */}}` is a Go template's comment.
	return code.replace(/\{\{([<%])(\s*)\/\*([\s\S]*?)\*\/(\s*)([>%])\}\}/g, '{{$1$2$3$4$5}}').replace(/\{([%{])(\s*)\/\*([^\n]*?)\*\/(\s*)([%}])\}/g, (whole, open: string, before: string, inner: string, after: string, close: string) =>
		(open === '%') === (close === '%') && (/^\s*[a-z_]\w*\([^\n]*\)\s*$/i.test(inner) || (open === '%' && /^\s*end\s*$/.test(inner))) ? `{${open}${before}${inner}${after}${close}}` : whole,
	);
}

/**
 * A code block whose tags have other text on their lines (`<div class="code_section">{% highlight sh %}` …
 * `{% endhighlight %}</div>`), `prefix` before its opening tag: fenced code on lines of its own, added with
 * ADDED_BREAK to the tags' lines so that every line keeps its number, and a blank line after an HTML tag
 * before it, which would otherwise hold the fence in its HTML block. Its code is protected: the lines
 * around fences added this way are not known as code to the passes that follow.
 */
function fencedAmongText(language: string, code: string, prefix: string, fence: string, underHtml = false): string {
	// Quote markers, and a list item's marker as spaces, open the fence's lines as they open the tag's.
	const quotes = /^(?:[ \t]*>[ \t]?)*/.exec(prefix)?.[0] ?? '';
	const lead = quotes + (/^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(prefix.slice(quotes.length))?.[0] ?? '').replace(/\S/g, ' ');
	const text = prefix.slice(lead.length).trim();
	const before = text === '' ? (underHtml ? `${ADDED_BREAK}${lead}` : '') : `${ADDED_BREAK}${text.startsWith('<') ? `${lead.trimEnd()}${ADDED_BREAK}` : ''}${lead}`;
	// The line break before the closing tag (and the quote markers that open its line) stays: the closing
	// fence is added to the last line of code, and what follows the closing tag keeps its line.
	// Found with lastIndexOf and one character class: a pattern of quote markers and spaces repeated took
	// seconds on a line of a few dozen `> `.
	const lastBreak = code.lastIndexOf('\n');
	const closingLine = lastBreak !== -1 && /^[ \t>]*$/.test(code.slice(lastBreak + 1));
	const lines = closingLine ? code.slice(0, lastBreak).replace(/\r$/, '') : code;
	const after = closingLine ? `\n${lead}` : `${ADDED_BREAK}${lead}`;
	return `${before}${fence}${language}${/^\r?\n/.test(code) ? '' : `${ADDED_BREAK}${lead}`}${protect(lines)}${ADDED_BREAK}${lead}${fence}${after}`;
}

/**
 * For each line of `text` (index 0 for line 1), whether it continues an HTML block: a block that opens with an
 * HTML tag runs to the next blank line, and one that opens with a comment to the line of its `-->`, as
 * CommonMark's HTML blocks do; a block-level tag (`<ul>`, `<div>`) opens one right under a paragraph's line too.
 */
function htmlBlockLines(text: string): boolean[] {
	const result: boolean[] = [];
	let html = false;
	let comment = false;
	// Whether the line starts a block: after a blank line, or after a comment's block.
	let opens = true;
	for (const line of text.split('\n')) {
		result.push(!opens && html);
		const blank = line.trim() === '';
		if (opens && !blank) {
			html = /^ {0,3}<(?:[a-zA-Z][\w-]*|\/[a-zA-Z][\w-]*|!--)(?:[\s/>]|$)/.test(line);
			comment = html && /^ {0,3}<!--/.test(line);
		} else if (!html && !blank && line.includes('<')) html = BLOCK_TAG.test(line.replace(/^ {1,3}/, ''));
		const ended: boolean = comment ? line.indexOf('-->', opens ? line.indexOf('<!--') + 4 : 0) !== -1 : blank;
		if (ended) html = comment = false;
		opens = ended;
	}
	return result;
}

/**
 * `code`, the lines after a fence's opening line (each after a line break), opened with `indent`, the list item's
 * indent or the quote markers the fence's opening line has, so that they stay in the item or the quote the tag
 * is in: a shortcode's content runs to its closing tag, whatever the indent of its lines. Code written at the
 * item's indent already keeps it; code written from the line's start is indented as a whole, so that its own
 * indents stay as written. In a quote, a line with no quote markers gets the opening line's.
 */
function linesUnder(code: string, indent: string): string {
	if (indent === '') return code;
	const [first = '', ...rest] = code.split('\n');
	const quoted = indent.includes('>');
	const filled = (line: string) => line.trim() !== '';
	if (!quoted && rest.filter(filled).every((line) => line.startsWith(indent))) return code;
	const indented = (line: string) => {
		if (quoted) return QUOTE_MARKERS.test(line) ? line : filled(line) ? `${indent}${line}` : `${indent.trimEnd()}${line}`;
		return filled(line) ? `${indent}${line}` : line;
	};
	// The closing fence's line, after the last line break, is the fence's own.
	return [first, ...rest.map((line, index) => (index === rest.length - 1 && line === '' ? line : indented(line)))].join('\n');
}

const LIST_TAG = /<(\/?)(ul|ol|li)(?=[\s>/])[^<>]*>/gi;

/**
 * For each line of `lines` (index 0 for line 1), the HTML lists (`ul`, `ol`) and items (`li`) open where it
 * starts, innermost last, in the run of lines with no blank line between that it is in, as an HTML block runs.
 */
function htmlListsOpen(lines: readonly string[]): (readonly string[] | undefined)[] {
	if (!lines.some((line) => /<[uo]l[\s>]/i.test(line))) return [];
	let open: readonly string[] = [];
	return lines.map((line) => {
		const before = open;
		open = line.trim() === '' ? [] : listsOpenAfter(open, line);
		return before.length === 0 ? undefined : before;
	});
}

/** The lists and items open after `text`, where `open` were open before it. */
function listsOpenAfter(open: readonly string[], text: string): readonly string[] {
	if (!text.includes('<')) return open;
	const after = [...open];
	for (const [, closing, name = ''] of text.matchAll(LIST_TAG)) {
		const element = name.toLowerCase();
		if (closing === '') after.push(element);
		else if (after.includes(element)) after.length = after.lastIndexOf(element);
	}
	return after;
}

/** Whether a list, not an item, is the innermost of the lists and items open after `text`, where `open` were open before it. */
function listOpenAfter(open: readonly string[], text: string): boolean {
	const innermost = listsOpenAfter(open, text).at(-1);
	return innermost === 'ul' || innermost === 'ol';
}

/**
 * How many blank lines open and end the code of a block whose tags are on lines of their own (`code` runs from
 * the end of its opening tag's line to the start of its closing tag's line); none for code with text on either
 * tag's line, or with no text at all.
 */
function blankLinesAround(code: string): { before: number; after: number } {
	const rows = code.split('\n');
	const last = rows.length - 1;
	if (last < 2 || (rows[0] as string).trim() !== '' || (rows[last] as string).trim() !== '') return { before: 0, after: 0 };
	let first = 1;
	while (first < last && (rows[first] as string).trim() === '') first++;
	if (first === last) return { before: 0, after: 0 };
	let end = last - 1;
	while ((rows[end] as string).trim() === '') end--;
	return { before: first - 1, after: last - 1 - end };
}

/** `code` (as blankLinesAround() reads it) without the blank lines that open and end it. */
function trimmedLines(code: string, around: { before: number; after: number }): string {
	const rows = code.split('\n');
	return [rows[0], ...rows.slice(1 + around.before, rows.length - 1 - around.after), ''].join('\n');
}

// Jekyll's `{% raw %}…{% endraw %}`, and the tags of code blocks a raw block may show as written.
const HEXO_QUOTE = /^([ \t]*)\{%-?\s*(blockquote|pullquote)\b([^%\n]*?)-?%\}[ \t]*\r?\n((?:(?!\{%-?\s*(?:blockquote|pullquote)\b)[\s\S])*?)\r?\n[ \t]*\{%-?\s*end\2\s*-?%\}[ \t]*\r?$/gm;

/**
 * A Hexo quote's lines as a Markdown quote, line for line: its opening tag's line left blank, its closing tag's
 * the footer (an HTML block, which may follow the quote's last paragraph), or blank without one.
 */
function hexoQuote(indent: string, footer: string, text: string): string {
	const lines = text.split('\n').map((line) => `${indent}> ${line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()}`.trimEnd());
	return ['', ...lines, footer ? `${indent}> ${protect(footer)}` : ''].join('\n');
}

/** Whether a pullquote marks the words it pulls out, as Octopress's does: `{" surround it like this "}`. */
function marksPull(text: string): boolean {
	const start = text.indexOf('{"');
	return start !== -1 && text.includes('"}', start + 2);
}

/**
 * An Octopress pullquote's text, line for line, its tags' lines left blank: Octopress shows the paragraph whole,
 * without the marks of the words it pulls out beside it (plugins/pullquote.rb), which repeat them.
 */
function octopressPullquote(text: string): string {
	return ['', text.replace(/\{"[ \t]*|[ \t]*"\}/g, ''), ''].join('\n');
}

/**
 * The footer Hexo gives a blockquote from its arguments: the author in bold, then the source, a link to the
 * http(s) address among the words with the words after it as its text (or the address without its scheme),
 * else the words after the author's comma (`David Levithan, Wide Awake`). Empty for none.
 */
function quoteFooter(args: string): string {
	const words = args.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '';
	const link = words.findIndex((word) => /^https?:\/\/\S/i.test(word));
	let author = words.join(' ');
	let source = '';
	if (link !== -1) {
		author = words.slice(0, link).join(' ');
		const href = words[link] as string;
		const title = words.slice(link + 1).join(' ') || href.replace(/^https?:\/\//i, '').replace(/\/(?:index\.html?)?$/i, '');
		source = `<a href="${escapeXml(href)}">${escapeXml(title)}</a>`;
	} else if (author.includes(',')) {
		const [name, title] = author.split(',');
		author = (name as string).trim();
		source = escapeXml((title as string).trim());
	}
	return `<footer>${author ? `<strong>${escapeXml(author)}</strong>` : ''}${source ? `<cite>${source}</cite>` : ''}</footer>`;
}

const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\b[^%\n]*?-?%\}/g;
const RAW_END = /\{%-?\s*endraw\b[^%\n]*?-?%\}/;
const CODE_TAG = /\{%-?\s*(?:end)?(?:highlight|codeblock|code)\b|\{\{[<%]\s*\/?\s*(?:highlight|text|mermaid)\b/;

// The shortcodes Carnet reads as blocks with their closing tag (expandBlocks()): one left open is reported as such.
const BLOCK_SHORTCODES = new Set(['highlight', 'text', 'mermaid', 'katex', 'rawhtml', 'raw-html', 'comment']);

function expandInline(text: string, state: Expansion, line: number, lineStart: boolean): string {
	const { unknown } = state;
	// In a script's or a style's text, a code element would be part of the code: what is not expanded stays as written.
	// Each replacement pass reads the line from its start, once.
	const reader = () => readRawText(state.rawText, lineStart);
	const inList = (all: string, offset: number) => lineStart && state.htmlLists !== undefined && listOpenAfter(state.htmlLists, all.slice(0, offset));
	const shown = (whole: string, all: string, offset: number, raw: ReturnType<typeof reader>) => (raw.at(all, offset) ? protect(whole) : asCode(whole, state.inHtml && inList(all, offset) ? 'list' : state.inHtml, all, offset));
	const inHugo = reader();
	const hugo = text.replace(HUGO, (whole: string, _open: string, escaped: string | undefined, closing: string | undefined, name: string, written: string, offset: number) => {
		const unescaped = HUGO_ESCAPE_END.test(written);
		const args = unescaped ? written.replace(HUGO_ESCAPE_END, '') : written;
		// {{</* figure */>}} is how Hugo's own docs show a shortcode without running it.
		if (escaped && unescaped) return protect(whole.replace('/*', '').replace(/\s*\*\//, ' '));
		if (name === 'hugo-encrypt' && !closing) {
			// markdown/hugo-encrypt.ts leaves out each one it reads with its text: one it did not is left out too,
			// and named without its arguments, which hold the password.
			unknown.push({ line, text: _open === '<' ? '{{< hugo-encrypt >}}' : '{{% hugo-encrypt %}}', reason: "Hugo's hugo-encrypt shortcode holds a password, and Carnet does not encrypt posts", leftOut: true });
			return '';
		}
		let expanded: Expanded = closing ? undefined : hugoShortcode(name, parseArguments(args), state, lineStart ? blockPrefix(text.slice(0, offset)) : undefined);
		if (typeof expanded === 'string') return expanded;
		expanded ??= {
			reason: closing
				? KNOWN_SHORTCODES.has(name) || BLOCK_SHORTCODES.has(name)
					? 'a closing shortcode without its opening one'
					: `it closes Hugo's ${name} shortcode, which is not one Carnet knows`
				: BLOCK_SHORTCODES.has(name)
					? `Hugo's ${name} shortcode wraps a block, and nothing closes this one; add {{< /${name} >}} where the block ends`
					: name === 'ref' || name === 'relref'
						? 'Carnet could not read its arguments or find the post it names'
						: KNOWN_SHORTCODES.has(name)
							? 'Carnet could not read its arguments'
							: `Hugo's ${name} shortcode is not one Carnet knows`,
		};
		if (expanded.heldBack !== undefined && isWholeLinkAddress(text, offset, offset + whole.length)) return heldBackLink(whole, expanded.heldBack, shown(whole, text, offset, inHugo), state);
		unknown.push({ line, text: whole, reason: expanded.reason, ...(expanded.leftOut ? { leftOut: true } : {}) });
		return expanded.leftOut ? '' : shown(whole, text, offset, inHugo);
	});
	const inZola = reader();
	const zola = hugo.replace(TERA, (whole: string, name: string, args: string, offset: number, all: string) => {
		const expanded = zolaShortcode(name, args, state);
		if (typeof expanded === 'string') return expanded;
		unknown.push({ line, text: whole, reason: expanded.reason });
		return shown(whole, all, offset, inZola);
	});
	const inComponents = reader();
	const components = zola.replace(TERA_COMPONENT, (whole: string, open: string, closing: string, name: string, offset: number, all: string) => {
		// `{{ <x> %}` is no tag: each opening has its own end.
		if ((open === '{') !== whole.endsWith('}}')) return whole;
		unknown.push({ line, text: whole, reason: teraComponentReason(name, closing === '/', open === '{') });
		return shown(whole, all, offset, inComponents);
	});
	const inErb = reader();
	const erb = components.includes('<%')
		? components.replace(ERB, (whole: string, offset: number, all: string) => {
				unknown.push({ line, text: whole, reason: ERB_REASON });
				return shown(whole, all, offset, inErb);
			})
		: components;
	const [inLiquid, inTriple, inOutput, inVariable, inTemplate] = [reader(), reader(), reader(), reader(), reader()];
	// A `$` right before code shown as written (`${{{ page.x }} and $HOME`) would open math with the line's next `$`,
	// which would take the code in: written as a character reference, it is text.
	const shownAfter = (dollar: string, output: string, all: string, offset: number, raw: ReturnType<typeof reader>) => {
		const code = shown(output, all, offset, raw);
		return dollar === '' || code === protect(output) ? `${dollar}${code}` : `&#36;${code}`;
	};
	let inTags: ReturnType<typeof liquidTags> | undefined;
	return erb
		.replace(LIQUID, (whole: string, name: string, args: string, offset: number, all: string) => {
			let expanded = liquidTag(name, args.trim(), state, lineStart ? blockPrefix(all.slice(0, offset)) : undefined);
			if (typeof expanded === 'string') return expanded;
			expanded ??= { reason: unknownTagReason(name, args.trim(), state) };
			if (expanded.heldBack !== undefined && isWholeLinkAddress(all, offset, offset + whole.length)) return heldBackLink(whole, expanded.heldBack, shown(whole, all, offset, inLiquid), state);
			if (expanded.unlinked) return showUnlinked(whole, expanded.reason, expanded.unlinked, line, state);
			unknown.push({ line, text: whole, reason: expanded.reason });
			return shown(whole, all, offset, inLiquid);
		})
		.replace(SITE_URL, '')
		.replace(SITE_BASEURL, '')
		.replace(SITE_PATH, (_whole: string, _quote: string, sitePath: string) => sitePath)
		.replace(TEMPLATE_LITERAL, (_whole: string, double: string | undefined, single: string | undefined) => double ?? single ?? '')
		.replace(TRIPLE_OUTPUT, (whole: string, dollar: string, variable: string, offset: number, all: string) => {
			const output = whole.slice(dollar.length);
			unknown.push({ line, text: output, reason: tripleBraceReason(variable, state.jekyll === true) });
			return shownAfter(dollar, output, all, offset + dollar.length, inTriple);
		})
		.replace(LIQUID_OUTPUT, (whole: string, dollar: string | undefined, braces: string, variable: string, closing: string | undefined, offset: number, all: string) => {
			if (braces !== '') {
				const { output, after } = withExtraBraces(whole.slice(dollar?.length ?? 0), braces, closing);
				unknown.push({ line, text: output, reason: extraBraceReason(output) });
				return `${shownAfter(dollar ?? '', output, all, offset + (dollar?.length ?? 0), inOutput)}${after}`;
			}
			const filled = pageValue(whole, variable, state);
			const before = all.slice(Math.max(0, offset - 2000), offset);
			const raw = inOutput.at(all, offset);
			if (filled !== undefined && raw) {
				const value = asRawTextWrites(filled, raw, all.slice(offset + whole.length, offset + whole.length + 16));
				if ('refused' in value) {
					unknown.push({ line, text: whole, reason: value.refused });
					return protect(whole);
				}
				inOutput.wrote(value.written, offset + whole.length);
				return protect(value.written);
			}
			const place = filled === undefined ? undefined : (inTags ??= liquidTags(all, state, lineStart)).around(offset);
			if (place?.risk !== undefined) {
				unknown.push({ line, text: whole, reason: `its value in the front matter, ${JSON.stringify(filled)}, would run script on your site ${place.risk.when}; ${place.risk.instead}` });
				return protect(whole);
			}
			if (filled !== undefined) return protect(asLiquidWrites(filled, before, state.inHtml === true || place?.ends === true));
			unknown.push({ line, text: whole, reason: outputReason(variable, state) });
			return shown(whole, all, offset, inOutput);
		})
		.replace(LIQUID_VARIABLE, (whole: string, braces: string, variable: string, closing: string | undefined, offset: number, all: string) => {
			const names = state.liquidNames;
			if (names === undefined || (names !== 'any' && !names.has(variable))) return whole;
			const unfilled = `${state.eleventy ? 'Eleventy' : 'Liquid'} fills in the variable ${variable}, which Carnet does not run`;
			const { output, after } = withExtraBraces(whole, braces, closing);
			unknown.push({ line, text: output, reason: braces === '' ? unfilled : extraBraceReason(output, `${unfilled}: write the text it stands for in its place`) });
			return `${shown(output, all, offset, inVariable)}${after}`;
		})
		.replace(TEMPLATE_STRING, (whole: string, _quote: string, _callQuote: string, offset: number, all: string) => {
			unknown.push({ line, text: whole, reason: 'it is template code of the engine the post comes from, which Carnet does not run' });
			return shown(whole, all, offset, inTemplate);
		})
		.replace(WIKILINK, (whole: string, embed: string, target: string, heading: string | undefined, label: string | undefined) => {
			// `[[Feature #18980]]` with `[Feature #18980]: https://…` in the post is a reference link in brackets,
			// as ruby-lang.org writes its release notes: Markdown links it.
			if (embed === '' && state.definitions?.has(referenceLabel(whole.slice(2, -2)))) return whole;
			// VuePress's and markdown-it's table of contents, which Carnet makes itself.
			if (embed === '' && /^toc$/i.test(target.trim()) && heading === undefined && label === undefined) {
				unknown.push({ line, text: whole, reason: TOC_REASON, leftOut: true });
				return '';
			}
			// `[[#Heading]]` links to a heading of the post itself; `[[]]`, `[[#^block]]` and an embed of a section are left as written.
			if (target.trim() === '') return embed === '' && heading !== undefined ? headingLink(heading, label) ?? whole : whole;
			const expanded = wikilink(embed === '!', target.trim(), heading?.trim(), label?.trim(), state);
			if (typeof expanded === 'string') return expanded;
			if (expanded.unlinked) return showUnlinked(whole, expanded.reason, expanded.unlinked, line, state);
			unknown.push({ line, text: whole, reason: expanded.reason });
			// As written, as text: a `<` in it (`[[a<b>.pdf]]`) would open an element.
			return whole.includes('<') ? protect(whole.replace(/&/g, '&amp;').replace(/</g, '&lt;')) : whole;
		});
}

// A link reference definition's label, at the start of a line or of a quote's (`[label]: https://…`).
const DEFINITION = /^ {0,3}(?:>[ \t]?)*\[((?:[^[\]\\\n]|\\.){1,999})\]:/gm;

/** The labels of the link reference definitions a body may hold, as referenceLabel() gives them. */
function referenceDefinitions(body: string): Set<string> {
	if (!body.includes(']:')) return new Set();
	return new Set([...body.matchAll(DEFINITION)].map((match) => referenceLabel(match[1] as string)));
}

/** A link label as CommonMark matches one: its runs of white space one space, trimmed, case-folded. */
export function referenceLabel(label: string): string {
	return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

// Obsidian's `[[Note]]`, `[[Note|text]]`, `[[Note#Heading]]`, and its embeds, `![[diagram.png]]`.
// Not a link whose text is in brackets, `[[@kelvin]](https://…)`.
const WIKILINK = /(!?)\[\[([^[\]\n|#]*)(?:#([^[\]\n|]*))?(?:\|([^[\]\n]*))?\]\](?!\()/g;
/** The images an Obsidian embed may name (`![[diagram.png]]`). */
export const EMBEDDED_IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;
// A wikilink's name that may be a file's (`talk.pdf`, `clip.mp4`) rather than a note's: a note's name has no
// extension, or a post's. A note may still be named so (`Version 1.2`): notes are looked for first.
const FILE_NAME = /\.[a-z\d]{1,8}$/i;

/**
 * An Obsidian wikilink, which Obsidian resolves against the whole vault: a link to the post whose file has
 * the note's name (anywhere in the posts folder), to the heading it names; an embedded image, beside the
 * post or in a folder of attachments, with its text (not a size, `|300`) as alt text; a link to another
 * file there, or an embed of one that is not an image (`[[talk.pdf]]`, `![[clip.mp4]]`), a Markdown link to
 * it, which publishes it (markdown/file-links.ts). Anything else (a note's text embedded, a file found
 * nowhere or in several places) stays as written, with the reason.
 */
function wikilink(embed: boolean, target: string, heading: string | undefined, label: string | undefined, state: Expansion): { reason: string; unlinked?: Unlinked } | string {
	const why = 'it is an Obsidian wikilink, which Markdown does not read, and';
	if (embed) {
		if (!EMBEDDED_IMAGE.test(target) && isFileName(target)) {
			const linked = linkToFile(target, heading, label, state, true);
			if (typeof linked === 'string') return linked;
			return { reason: linked.problem === UNLINKABLE_REASON ? `${why} ${linked.problem}` : `${why} ${linked.problem}; put the file beside the post and link to it, ${fileLinkFor(target)}` };
		}
		if (!EMBEDDED_IMAGE.test(target)) return { reason: `${why} it embeds a note's text, which Carnet does not show in another post; link to it with [[${target}]]` };
		const found = state.post.findEmbed?.(target) ?? { reason: 'Carnet cannot look for the image it names' };
		if (typeof found !== 'string') return { reason: `${why} ${found.reason}; write a Markdown image, ![](./${target}), with the file beside the post` };
		if (UNLINKABLE_NAME.test(found)) return { reason: `${why} ${UNLINKABLE_REASON}` };
		const alt = label && !/^\d+(?:x\d+)?$/.test(label) ? label : '';
		return protect(`![${escapeMarkdown(alt)}](<${escapeDestination(found)}>)`);
	}
	const found = state.context.findPost?.(target, 'ref', state.post.file);
	if (!found) return { reason: `${why} Carnet cannot look for the post it names; write a Markdown link to the post's address` };
	const [file] = found.files;
	// A path in the vault (`[[plugins/Latex]]`) names the note in that folder, not another of that name.
	const folder = target.includes('/') ? target.slice(0, target.lastIndexOf('/')).replace(/^\/+/, '') : '';
	if (folder !== '' && file !== undefined && found.files.length === 1 && !`/${found.folder}/${file}`.includes(`/${folder}/`)) {
		return { reason: `${why} no post in ${found.folder}/ is at ${JSON.stringify(target)} (the post of that name is ${found.folder}/${file}); correct the path, or write a Markdown link to the post's address` };
	}
	state.references.push({ target, file: found.files.length === 1 ? file : undefined, url: found.url });
	if (found.url) {
		// A block of the post (`#^block-id`) has no anchor: its ID is left out of the page (leaveOutBlockIds()).
		const headings = heading && !heading.startsWith('^') ? headingPath(heading) : [];
		const anchor = headings.length > 0 ? `#${generatedHeadingId(headings.at(-1) as string)}` : '';
		// Obsidian shows a link to a heading with no text of its own as the note's name and the heading's: "Note > Heading".
		return protect(`[${escapeMarkdown(label || [target, ...headings].join(' > '))}](<${escapeDestination(`${found.url}${anchor}`)}>)`);
	}
	if (file === undefined && isFileName(target)) {
		const linked = linkToFile(target, heading, label, state, false);
		if (typeof linked === 'string') return linked;
		if (linked.problem === UNLINKABLE_REASON) return { reason: `${why} no post in ${found.folder}/ is named ${JSON.stringify(target)}, and ${linked.problem}` };
		return { reason: `${why} no post in ${found.folder}/ is named ${JSON.stringify(target)}, and ${linked.problem}; write a Markdown link to the post's address, or put the file beside the post and link to it, ${fileLinkFor(target)}` };
	}
	if (file === undefined) return { reason: `${why} no post in ${found.folder}/ is named ${JSON.stringify(target)}; write a Markdown link to the post's address` };
	if (found.files.length > 1) return { reason: `${why} ${JSON.stringify(target)} names ${found.files.length} posts in ${found.folder}/ (${found.files.join(', ')}); write a Markdown link to one` };
	if (found.heldBack) return { reason: unlinkedReason(found, file), unlinked: label ? { text: label, shownAs: SHOWN_AS_TEXT } : { text: target, shownAs: `the name of the note, ${JSON.stringify(target)}, without a link` } };
	return { reason: `${why} the post it names, ${found.folder}/${file}, has no page in this build` };
}

/**
 * The headings a wikilink names after its `#`, outermost first: Obsidian writes a heading under another as
 * `[[Note#Chapter#Section]]`, which links to the last.
 */
function headingPath(heading: string): string[] {
	return heading.split('#').map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * A wikilink to a heading of the post itself (`[[#Heading]]`, `[[#Chapter#Section|text]]`): a link to its id,
 * shown as its text or the heading's, as Obsidian shows it; undefined for a block (`#^id`, left out of the page) or no heading.
 */
function headingLink(heading: string, label: string | undefined): string | undefined {
	const headings = headingPath(heading);
	if (headings.length === 0 || heading.trim().startsWith('^')) return undefined;
	const last = headings.at(-1) as string;
	return protect(`[${escapeMarkdown(label?.trim() || last)}](<#${escapeDestination(generatedHeadingId(last))}>)`);
}

/** Whether a wikilink's name may be a file's: it has an extension, and not a post's. */
function isFileName(target: string): boolean {
	return FILE_NAME.test(target) && !hasPostExtension(target);
}

/**
 * A Markdown link to the file a wikilink names (`[[talk.pdf]]`, `[[talk.pdf#page=3|the slides]]`), found as
 * an embedded image is; its text is the wikilink's, or the file's name. Obsidian shows an embedded PDF or video
 * in the note: a page links to it.
 */
function linkToFile(target: string, fragment: string | undefined, label: string | undefined, state: Expansion, embed: boolean): { problem: string } | string {
	const found = state.post.findEmbed?.(target) ?? { reason: 'Carnet cannot look for the file it names' };
	if (typeof found !== 'string') return { problem: found.reason };
	// The build publishes the files of the post's own folder only (markdown/file-links.ts).
	if (found.startsWith('../')) return { problem: `the file it names, ${found.slice(3)}, is outside the note's folder, and the build publishes the files of a post's own folder only` };
	if (UNLINKABLE_NAME.test(found)) return { problem: UNLINKABLE_REASON };
	// A size (`|300`) is an embed's; a link's text is its text, a number included.
	const text = label && !(embed && /^\d+(?:x\d+)?$/.test(label)) ? label : (target.split('/').pop() as string);
	return protect(`[${escapeMarkdown(text)}](<${fileDestination(found)}${fragment ? escapeDestination(`#${fragment}`) : ''}>)`);
}

// A file name that a link's address cannot name as written: `?` starts a query, `#` an anchor, `%` an escape.
const UNLINKABLE_NAME = /[?#%]/;
const UNLINKABLE_REASON = 'the name of the file it names has a ?, # or %, which an address reads as a query, an anchor or an escape, so the build would not find the file; rename the file';

/** The path of a file beside the post as a link's address: the characters an address cannot hold as written percent-encoded. */
function fileDestination(file: string): string {
	return escapeDestination(file.replace(/[<>"\\]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** The Markdown link to a file beside the post that a wikilink's name would be: `[talk.pdf](./talk.pdf)`. */
function fileLinkFor(target: string): string {
	// A name an address cannot hold as written: the build would not find the file it names.
	if (UNLINKABLE_NAME.test(target)) return 'under a name without ?, # or %, which an address reads as a query, an anchor or an escape';
	return `[${target}](./${encodeURI(target)})`;
}

// Jekyll's `![]({{ site.baseurl }}/assets/a.png)` and `{{ "/assets/a.png" | relative_url }}`: a path from the
// site's root, as Carnet writes one (it adds `base` to such links and images itself).
const SITE_BASEURL = /\{\{-?\s*site\.baseurl\s*-?\}\}/g;
// `{{ site.url }}{{ site.baseurl }}/assets/a.png` and `{{ site.url }}/about/`: the same path, written as a full
// address. Left as written elsewhere ("Visit {{ site.url }}"), where taking it out would lose words.
// What is left of Jekyll's {{ site.title }}, {{ page.date | date: "%Y" }} once the paths above are taken out.
// Braces before it (`${{{ page.x }}`, a `$` as in a shell's or a template literal's `${…}`) are part of it to Liquid.
// It starts at the first brace of a run only, so that a long run is read once, not again from each of its braces;
// a `$` before a run of three is taken with it, to be kept from opening math. The braces after output that has
// some before it are taken too (EXTRA_CLOSING), so that none is left outside its code.
const EXTRA_CLOSING = String.raw`((?<=\{{3}[^{}]*\}\})\}+)?`;
const LIQUID_OUTPUT = new RegExp(String.raw`(?<!\{)(\$(?=\{{3}))?(\{*)\{\{-?\s*((?:site|page|post|include|layout|paginator)\.[\w.-]+)[^{}]*?-?\}\}${EXTRA_CLOSING}`, 'g');
// Handlebars' and Mustache's triple-brace output, `{{{ page.body }}}`, which writes a value's HTML as it is: one
// unit, three braces and three, with a `$` before it, where Liquid output would take `{{{ page.body }}` and leave a brace.
const TRIPLE_OUTPUT = /(?<!\{)(\$?)\{\{\{\s*((?:site|page|post|include|layout|paginator)\.[\w.-]+)[^{}]*?\}\}\}(?!\})/g;
// Another variable's output, `{{ repo }}` or `{{ item.title | upcase }}`: Liquid's, in a Jekyll post or one that assigns it;
// with the braces written around it (`{{{ content }}}`), as LIQUID_OUTPUT takes them.
const LIQUID_VARIABLE = new RegExp(String.raw`(?<!\{)(\{*)\{\{-?\s*([A-Za-z_][\w-]*)(?:\.[\w.-]+)?(?:\s*\|[^{}]{0,200}?)?\s*-?\}\}${EXTRA_CLOSING}`, 'g');
const SITE_URL = /\{\{-?\s*site\.url\s*-?\}\}(?=\{\{-?\s*site\.baseurl\s*-?\}\}|\/)/g;
// A path through the filters that make it the site's: Jekyll's `relative_url` and `absolute_url`, `prepend: site.baseurl`
// (Hux's and older themes'), Eleventy's `url`.
const SITE_PATH = /\{\{-?\s*(["'])([^"'{}]*)\1(?:\s*\|\s*(?:relative_url|absolute_url|url|prepend:\s*site\.(?:baseurl|url)))+\s*-?\}\}/g;
// A path's output with no filter, `{{ "/assets/a.png" }}` (Strimzi's posts): Liquid writes the string. Other
// text between `{{ "…" }}` is as likely Angular's or Vue's in prose, shown as written (TEMPLATE_STRING).
const LITERAL_PATH = String.raw`(?:\/|\.{1,2}\/|https?:\/\/)`;
const TEMPLATE_LITERAL = new RegExp(String.raw`\{\{-?\s*(?:"(${LITERAL_PATH}[^"{}\n]*)"|'(${LITERAL_PATH}[^'{}\n]*)')\s*-?\}\}`, 'g');
// Any other template output that starts from a string, or calls a function with one: `{{ 'x' | upcase }}`, Go's `{{image "a.png" 519}}`.
const TEMPLATE_STRING = /\{\{-?\s*(?:(["'])[^"'{}\n]{0,300}\1|[A-Za-z_]\w*\s+(["'])[^"'{}\n]{0,300}\2)[^{}\n]{0,300}?-?\}\}/g;

/** What a shortcode becomes, or why it is left as written (undefined: for the usual reason). */
const TOC_REASON = "it asks for a table of contents, which Carnet shows by itself from three sections on (see the post's toc field)";

/**
 * `heldBack`: the post a reference names has no page in this build, said as a link to its file is told.
 * `unlinked`: a tag that writes a whole link (post_link, a wikilink) to such a post, shown as its text (Unlinked).
 */
type Expanded = string | { reason: string; leftOut?: true; heldBack?: string; unlinked?: Unlinked } | undefined;

/** The text a link to a post held back is shown as, and how its warning names it (`its text, without a link`). */
interface Unlinked {
	text: string;
	shownAs: string;
}

// AS_WRITTEN_MARK, which a Markdown post's summary reads, stands in the body as a private-use character until
// the shortcodes are expanded, as the kept braces do.
const AS_WRITTEN = STAND_IN.asWritten;
const AS_WRITTEN_MARKS = new RegExp(AS_WRITTEN, 'g');

/**
 * `body` with each AS_WRITTEN made AS_WRITTEN_MARK when `marked`, and left out where it would be text a reader
 * sees: in code, as when a tag's code span and a backtick of the author's pair up into one span holding it.
 */
function placeAsWrittenMarks(body: string, marked: boolean): string {
	if (!body.includes(AS_WRITTEN)) return body;
	if (!marked) return body.replaceAll(AS_WRITTEN, '');
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const masks = codeSpanMasks(lines, (index) => fenced[index] === true);
	return lines
		.map((line, index) =>
			line.includes(AS_WRITTEN) ? line.replace(AS_WRITTEN_MARKS, (_mark: string, offset: number) => (fenced[index] !== true && masks[index]?.charAt(offset) === AS_WRITTEN ? AS_WRITTEN_MARK : '')) : line,
		)
		.join('\n');
}

// Jekyll's page variables that it works out itself, whatever the front matter says, or formats its own way.
const JEKYLL_PAGE_OWN = new Set(['url', 'date', 'id', 'path', 'relative_path', 'content', 'excerpt', 'next', 'previous', 'collection', 'dir', 'name', 'output']);

/**
 * The front-matter string `{{ page.title }}` (or `{{ page.image.path }}`) shows, as the post's own file
 * writes it, as Jekyll fills it in; undefined for output with filters, for a variable Jekyll works out
 * itself (`page.url`, `page.date`), and for one that is no single line of text.
 */
function pageValue(whole: string, variable: string, state: Expansion): string | undefined {
	// Filters, and the marks that trim the white space around the output (`{{-`), are left to today's warning.
	if (!variable.startsWith('page.') || !/^\{\{\s*page\.[\w.-]+\s*\}\}$/.test(whole)) return undefined;
	const [first = '', ...rest] = variable.slice('page.'.length).split('.');
	if (JEKYLL_PAGE_OWN.has(first)) return undefined;
	let value: unknown = state.post.params;
	// Liquid's keys are as written, case and all.
	for (const key of [first, ...rest]) {
		if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	if (typeof value !== 'string') return undefined;
	// A folded value (`description: >`) ends with a line break, which Markdown reads as none; one of several lines is left as written.
	const text = value.replace(/\n$/, '');
	return /[\r\n]/.test(text) ? undefined : state.lend(text);
}

/**
 * `value` as Jekyll's output writes it into the Markdown it reads next, escaped for where it stands (`before`
 * is what precedes it on its line): an HTML tag's attribute or raw HTML, a link's address, or text (an alt
 * text, a link's title, prose), where it must read as written and not as Markdown.
 */
function asLiquidWrites(value: string, before: string, inHtml: boolean): string {
	if (inHtml || /<[A-Za-z][^<>]*$/.test(before)) return escapeXml(value);
	const at = before.lastIndexOf('](');
	const address = at === -1 ? undefined : before.slice(at + 2);
	if (address !== undefined && address.startsWith('<') && !/[<>\n]/.test(address.slice(1))) return escapeDestination(value);
	if (address !== undefined && !/[\s()<>]/.test(address)) return value.replace(/[()<>\\]/g, '\\$&').replace(/\s/g, (space) => encodeURIComponent(space));
	return escapeMarkdown(value);
}

/**
 * Why `whole`, Liquid output with more than two braces (`{{{ page.x }}`), is left as written: Liquid reads its
 * variable from the third brace on (`{ page.x`), a syntax error Jekyll warns of ("Unexpected character {",
 * Liquid's lexer) before it writes nothing there.
 */
function extraBraceReason(whole: string, instead?: string): string {
	const output = whole.replace(/^\{+(?=\{\{)/, '').replace(/(?<=\}\})\}+$/, '');
	return `Liquid reads the braces before ${output} as part of it, a syntax error (Unexpected character {) for which Jekyll writes nothing; ${instead ?? `write ${output} alone to show its value`}, or put {% raw %} and {% endraw %} around it to show it as written`;
}

/**
 * Liquid output written with `braces` before it and `closing` after (`{{{{ page.x }}}}`), as one unit: the closing
 * braces up to as many as the braces before, and `after`, those past them, which are text.
 */
function withExtraBraces(whole: string, braces: string, closing = ''): { output: string; after: string } {
	const after = closing.slice(braces.length);
	return { output: whole.slice(0, whole.length - after.length), after };
}

/**
 * Why `{{{ variable }}}`, triple-brace output, is left as written: Handlebars and Mustache write such a value
 * unescaped; in a Jekyll post, Liquid reads its third brace as extraBraceReason() says.
 */
function tripleBraceReason(variable: string, jekyll: boolean): string {
	const reason = "it is triple-brace output, with which Handlebars and Mustache write a value's HTML as it is, and Carnet fills in no such output";
	if (!jekyll) return `${reason}; write the text it stands for in its place`;
	return `${reason}; Liquid reads its third brace as part of the output, a syntax error (Unexpected character {) for which Jekyll writes nothing; write {{ ${variable} }} to show its value, or put {% raw %} and {% endraw %} around it to show it as written`;
}

/**
 * A reader of the start tags of `all`, a part of a line (at its start, after the tag that the lines above left
 * open, and before the lines that may end it, each without its quote markers): around() tells whether the Liquid output at `offset` of `all`
 * stands in one, whether that tag ends, and how its value would run script there (script-attributes.ts), with
 * each output of the tag written as it will be.
 */
function liquidTags(all: string, state: Expansion, lineStart: boolean) {
	const open = lineStart ? (state.openTag?.text ?? '') : '';
	// Where `all` goes on writing a tag, its quote markers are not the tag's: `at` is where `all` starts in `text`.
	const line = open === '' ? all : withoutQuoteMarkers(all);
	const at = open.length - (all.length - line.length);
	const text = lineStart && state.openTag !== undefined ? `${open}${line}\n${state.openTag.after()}` : all;
	const tags = readTags(text);
	let read: { start: number; tag: Tag; spans: Map<number, readonly [number, number]> } | undefined;
	return {
		around(offset: number): { ends: boolean; risk: ScriptRisk | undefined } | undefined {
			const found = tags.at(at + offset);
			if (found === undefined) return undefined;
			if (read?.start !== found.start) read = { start: found.start, ...filledTag(text.slice(found.start, found.end === -1 ? undefined : found.end), state) };
			const span = read.spans.get(at + offset - found.start);
			return { ends: found.end !== -1, risk: span === undefined ? undefined : scriptInTag(read.tag, span[0], span[1]) };
		},
	};
}

/** `text`, a start tag, read with each `{{ page.x }}` in it written as its value will be; where each value is written, by its output's offset in `text`. */
function filledTag(text: string, state: Expansion): { tag: Tag; spans: Map<number, readonly [number, number]> } {
	const spans = new Map<number, readonly [number, number]>();
	let filled = '';
	let last = 0;
	for (const match of text.matchAll(LIQUID_OUTPUT)) {
		const value = match[2] === '' ? pageValue(match[0], match[3] as string, state) : undefined;
		const written = value === undefined ? match[0] : escapeXml(value);
		filled += text.slice(last, match.index);
		spans.set(match.index, [filled.length, filled.length + written.length]);
		filled += written;
		last = match.index + match[0].length;
	}
	return { tag: readTag(`${filled}${text.slice(last)}`, 0), spans };
}

/**
 * What Carnet cannot expand, shown as code: exactly as written, with no smart quotes or HTML read into it. `inHtml`
 * says it stands in raw HTML, `'list'` right inside an HTML list, where only items may.
 */
function asCode(text: string, inHtml: boolean | 'list' = false, line?: string, offset?: number): string {
	// In an HTML tag (`<img src="{{< siteurl >}}/a.png">`), a code element would become part of its
	// attribute's value: the text stays as written.
	if (line !== undefined && offset !== undefined && /<[A-Za-z][^<>]*$/.test(line.slice(Math.max(0, offset - 2000), offset))) return protect(text);
	// In a link's address (`[logs](https://…/compare/v3_3_0...{{ release.tag }})`), backticks would end the link:
	// the address holds the tag as written, its spaces encoded so that it stays one address.
	if (line !== undefined && offset !== undefined && inLinkDestination(line.slice(Math.max(0, offset - 2000), offset))) return protect(text.replace(/\s/g, (space) => encodeURIComponent(space)));
	// Inside raw HTML, Markdown's backticks would show as written: the HTML element instead, an item of its own
	// in a list, which holds items only (a `{% for %}` around a list's items).
	if (inHtml) {
		const code = `${protect(`<code>${escapeHtmlText(text)}</code>`)}${AS_WRITTEN}`;
		return inHtml === 'list' ? `<li>${code}</li>` : code;
	}
	const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
	const span = `${ticks}${ticks.length > 1 ? ' ' : ''}${text}${ticks.length > 1 ? ' ' : ''}${ticks}`;
	// Right after a bare address (`https://example.org/a{{< x >}}`), GFM would carry the link on through the
	// backticks: a <wbr> (a line-break opportunity, nothing to see) ends it, as GFM ends an address at `<`, and
	// the code span stays one, its text not read as Markdown.
	if (line !== undefined && offset !== undefined && endsWithBareAddress(line.slice(Math.max(0, offset - 2000), offset))) return `${protect(`<wbr>${span}`)}${AS_WRITTEN}`;
	return `${protect(span)}${AS_WRITTEN}`;
}

/**
 * Whether `before` ends inside a Markdown link's address, written bare (`](https://…`) or in brackets (`](<…`),
 * after some of it: a tag that is the whole address (`[a]({{< ref "gone.md" >}})`) leaves nothing to link to,
 * and is shown as code.
 */
function inLinkDestination(before: string): boolean {
	const at = before.lastIndexOf('](');
	if (at === -1) return false;
	const address = before.slice(at + 2);
	if (address.startsWith('<')) return address.length > 1 && !/[<>\n]/.test(address.slice(1));
	return address !== '' && !/[\s()<>]/.test(address);
}

// A link's title after its address, as CommonMark reads one: `"…"`, `'…'` or `(…)` after white space.
const LINK_TITLE = String.raw`(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*`;
const LINK_ADDRESS_BEFORE = /(?:\]\(|^ {0,3}(?:>[ \t]?)*\[(?:[^[\]\\\n]|\\.)+\]:)[ \t]*(<?)$/;
const INLINE_ADDRESS_AFTER = { '': new RegExp(`^${LINK_TITLE}\\)`), '<': new RegExp(`^>${LINK_TITLE}\\)`) };
const DEFINED_ADDRESS_AFTER = { '': new RegExp(`^${LINK_TITLE}\\r?$`), '<': new RegExp(`^>${LINK_TITLE}\\r?$`) };
// The quoted `href` of an HTML `<a>`, up to its value.
const HREF_BEFORE = /<a\s(?:[^<>"']|"[^"<]*"|'[^'<]*')*?\bhref\s*=\s*(["'])$/i;

/**
 * Whether the tag from `start` to `end` of `line` is the whole address of a Markdown link (`[a]({{< ref "x" >}})`,
 * `[a](<{{< ref "x" >}}> "Title")`), of a reference definition (`[a]: {{< ref "x" >}}`) or of an HTML link
 * (`<a href="{{< ref "x" >}}">`).
 */
function isWholeLinkAddress(line: string, start: number, end: number): boolean {
	const written = line.slice(Math.max(0, start - 2000), start);
	const href = HREF_BEFORE.exec(written);
	if (href) return line.startsWith(href[1] as string, end);
	const before = LINK_ADDRESS_BEFORE.exec(written);
	if (!before) return false;
	const bracket = before[1] as '' | '<';
	const after = (before[0].includes('](') ? INLINE_ADDRESS_AFTER : DEFINED_ADDRESS_AFTER)[bracket];
	return after.test(line.slice(end, end + 2000));
}

/** The placeholder that stands for a reference to a post held back, `whole`, written as a link's address (HeldBackLink). */
function heldBackLink(whole: string, reason: string, asWritten: string, state: Expansion): string {
	// Numbered in the body's order, so that the same body always reads the same.
	const placeholder = `carnet-held-back:${state.heldBackLinks.length}:`;
	state.heldBackLinks.push({ placeholder, text: whole, reason, asWritten });
	return placeholder;
}

/**
 * Whether `before` ends in an address GFM links as it stands (`https://…`, `www.…`, an email address): its
 * last word, which a link's destination (`](`) is not.
 */
function endsWithBareAddress(before: string): boolean {
	const word = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'), before.lastIndexOf('\n'), before.lastIndexOf('<')) + 1);
	return word !== '' && !word.includes('](') && (word.includes('://') || /^[(*_~]*www\./i.test(word) || word.includes('@'));
}

const VIDEO_REASON = "Carnet shows the video shortcode of Quarto and Hugo's themes as a link to the video an http(s) address names, and this one names none; link to the video in Markdown, [Title](https://…)";

const KNOWN_SHORTCODES = new Set(['figure', 'imgproc', 'youtube', 'vimeo', 'vimeo_simple', 'x_simple', 'twitter_simple', 'gist', 'ref', 'relref', 'highlight', 'mermaid', 'x', 'tweet', 'twitter', 'instagram', 'param', 'toc', 'jsfiddle', 'codepen', 'bilibili', 'youku']);

/** Why a Zola admonition of the type `type` is shown as a note, with what to write instead. */
export function zolaAdmonitionTypeReason(type: string): string {
	return `Carnet does not know the admonition type ${type} (it reads ${ZOLA_ADMONITION_TYPES}, and Material for MkDocs' types); give it one of those`;
}

/** Why a `{% … %}` tag is shown as written: a Liquid tag Carnet does not know, or a Zola shortcode with a body. */
function unknownTagReason(name: string, args: string, state: Expansion): string {
	if (state.markdoc === true) return name.startsWith('/') ? `it closes the Markdoc tag ${name.slice(1)}, which is not one Carnet knows` : `the Markdoc tag ${name} is not one Carnet knows`;
	if (args.startsWith('(')) return `it is Zola's ${name} shortcode, with a body up to {% end %}, which is not one Carnet knows`;
	if (name === 'end') return "it ends a Zola shortcode's body";
	if (name === 'post_url' || name === 'link') return 'Carnet could not find the post it names';
	if (name === 'include') return `Jekyll's include ${args.split(/\s/)[0]} is not one Carnet knows`;
	// Hexo's note, which Carnet reads as a callout when its tags stand alone (markdown/admonitions.ts).
	const noteClass = name === 'note' ? unknownNoteClass(args) : undefined;
	if (noteClass !== undefined) return `Hexo's note of the class ${noteClass} is not one Carnet knows (it reads ${NOTE_CLASSES}); give it one of those`;
	if (name === 'note') return "Carnet reads Hexo's note as a callout only when it is a paragraph of its own, {% note %} and {% endnote %} on lines of their own or around its text on one line; put it there";
	if (name === 'endnote') return "it ends a Hexo note Carnet could not read as a callout: see the note's opening tag";
	if (DEV_TAGS.has(name)) return `Carnet could not read what DEV's ${name} tag shows`;
	return state.eleventy === true ? `the tag ${name}, which Eleventy runs, is not one Carnet knows` : `the Liquid tag ${name} is not one Carnet knows`;
}

/**
 * Why `{{ variable }}` is shown as written, naming the engine that fills it in: Eleventy for its templates,
 * Jekyll for a Jekyll post or its own names (`site.`, `page.`, `paginator.`); `post.` elsewhere is any engine's.
 */
function outputReason(variable: string, state: Expansion): string {
	if (state.eleventy === true) return `Eleventy fills in ${variable} from its data and collections, which Carnet does not have`;
	if (state.jekyll === true || !variable.startsWith('post.')) return `Jekyll fills in ${variable} from its site and page data, which Carnet does not have`;
	return `a template engine fills in ${variable} from its site's data, which Carnet does not have`;
}

// Zola's shortcodes, Tera function calls: {{ youtube(id="dQw4w9WgXcQ") }}, {{ gist(url="…") }}.
const TERA = /\{\{\s*([a-z_]\w*)\(((?:[^()"'`]|"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`)*)\)\s*\}\}/gi;
// One such call that opens a text: `.test()` finds it without the global flag's state.
const ZOLA_CALL = new RegExp(`^${TERA.source}`, 'i');

/**
 * A Zola shortcode as the themes that define them write it (Zola ships none): `youtube(id)`, `vimeo(id)`
 * and `gist(url)` become the links Hugo's shortcodes of those names become; any other is shown as written.
 */
function zolaShortcode(name: string, args: string, state: Expansion): string | { reason: string } {
	const named: Record<string, string> = {};
	for (const match of args.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^,\s]+))/g)) {
		named[match[1] as string] = match[2]?.replace(/\\(["\\])/g, '$1') ?? match[3] ?? match[4] ?? match[5] ?? '';
	}
	const gist = name === 'gist' ? /^https:\/\/gist\.github\.com\/([^/\s]+)\/([0-9a-f]+)/i.exec(named.url ?? '') : undefined;
	const expanded =
		name === 'youtube' || name === 'vimeo'
			? hugoShortcode(name, { positional: [], named: { ...(named.id ? { id: named.id } : {}) } }, state, undefined)
			: gist
				? hugoShortcode('gist', { positional: [gist[1] as string, gist[2] as string], named: {} }, state, undefined)
				: undefined;
	if (typeof expanded === 'string') return expanded;
	return { reason: ['youtube', 'vimeo', 'gist'].includes(name) ? `Carnet could not read the arguments of Zola's ${name} shortcode` : `Zola's ${name} shortcode is not one Carnet knows` };
}

// Tera 2's components, which Zola themes define (Linkita): `{{ <gallery page alt="…" /> }}`, and the tags of one
// with a body, `{% <admonition type="tip"> %}` and `{% </admonition> %}`. Its attributes are read whole, quoted
// ones included, up to the tag's `>`.
const TERA_COMPONENT = /\{([{%])-?[ \t]*<(\/?)([A-Za-z][\w-]*)(?:[^<>"'{}\n]|"[^"\n]*"|'[^'\n]*')*>[ \t]*-?[}%]\}/g;

/** Why a Tera component's tag is shown as written: a component Carnet does not know, or one of those it reads (admonitions.ts, expandBlocks()) that it could not. */
function teraComponentReason(name: string, closing: boolean, inline: boolean): string {
	if (name === 'admonition' && !inline) {
		return closing
			? "it closes Zola's admonition component, which Carnet could not read as a callout: see the component's opening tag"
			: "Carnet reads Zola's admonition component as a callout only when it is a paragraph of its own, its tags on lines of their own or around its text on one line, {% </admonition> %} closing it; put it there";
	}
	if (name === 'mermaid' && !inline) return closing ? "it closes Zola's mermaid component, and nothing opens it" : "Zola's mermaid component wraps a diagram, and nothing closes this one; add {% </mermaid> %} where it ends";
	return closing ? `it closes Zola's ${name} component, which is not one Carnet knows` : `Zola's ${name} component is not one Carnet knows`;
}

interface Arguments {
	positional: string[];
	named: Record<string, string>;
}

function parseArguments(text: string): Arguments {
	const positional: string[] = [];
	const named: Record<string, string> = {};
	// A double-quoted argument may hold its quote escaped (alt="A \"quoted\" word"), as Hugo reads it.
	for (const match of text.matchAll(/(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`]+))/g)) {
		const value = match[2]?.replace(/\\(["\\])/g, '$1') ?? match[3] ?? match[4] ?? '';
		if (match[1]) named[match[1]] = value;
		else positional.push(value);
	}
	// Hugo's self-closing mark, `{{< gist user id />}}`, which Hugo allows of any shortcode without inner text, is no argument.
	if (positional.at(-1) === '/' && /(?:^|\s|["`])\/\s*$/.test(text)) positional.pop();
	return { positional, named };
}

function hugoShortcode(name: string, args: Arguments, state: Expansion, prefix: string | undefined): Expanded {
	const { positional, named } = args;
	const { context } = state;
	const link = (href: string, text: string) => `<a href="${escapeXml(href)}">${escapeXml(text)}</a>`;
	switch (name) {
		// Wowchemy's, Docsy's and other themes' table of contents: Carnet shows one by itself.
		case 'toc':
			return { reason: TOC_REASON, leftOut: true };
		// Blowfish's and Congo's `{{< katex >}}` alone (nothing closes it), and Hugo Book's `{{< katex />}}`, load
		// KaTeX on the page, which Carnet renders math without: nothing to show. One with arguments is Hugo Book's, left open.
		case 'katex':
			return positional.filter((argument) => argument !== '/').length === 0 && Object.keys(named).length === 0 ? '' : undefined;
		case 'figure': {
			// hugo-easy-gallery's figure, which overrides Hugo's, shows the image its `link` names when it has no `src`
			// (`{{< figure link="/img/a.jpg" caption="Sydney" >}}`); its own thumbnail (`thumb`) Carnet makes itself.
			const { link, thumb: _thumb, ...rest } = named;
			const shown = named.src === undefined && link && IMAGE_FILE.test(link) ? { ...rest, src: link } : named;
			const problem = figureProblem(shown);
			if (problem) return problem;
			return shown.src ? figure(shown, prefix) : { reason: 'it names no image; give it src="…", the image to show' };
		}
		// Themes' and sites' image shortcodes: `{{< image src="…" alt="…" >}}`, `{{< img src="…" alt="…" >}}` (Eureka's,
		// and many a site's own), and Istio's, whose `link` is the image (`{{< image width="80%" link="./policy.png"
		// caption="…" >}}`): a figure, sized by the column. One without `src` (a site's own, read another way) is
		// shown as written.
		case 'img':
		case 'image': {
			const src = named.src ?? (named.link && IMAGE_FILE.test(named.link) ? named.link : undefined);
			if (!src) return undefined;
			const { width: _width, height: _height, link, ...rest } = named;
			const shown = { ...rest, src, ...(named.src && link ? { link } : {}) };
			return figureProblem(shown) ?? figure(shown, prefix);
		}
		// Docsy's `{{< imgproc name Fit 700x500 >}}Caption{{< /imgproc >}}`: the image of the post's bundle whose
		// name starts with `name`, in a figure as wide as the column, its caption Markdown (HTML too) as Hugo
		// passes it. One not found is named as written, which the missing-image warning reports.
		case 'imgproc': {
			const name = positional[0];
			if (!name) return undefined;
			const src = state.post.findResource?.(name) ?? name;
			const caption = named.caption;
			if (!caption) return figure({ src }, prefix);
			return figure({ src, caption, alt: plainText(inlineMarkdown(caption.replace(/<[^<>]*>/g, ''))) }, prefix, true);
		}
		case 'youtube': {
			const address = youtubeAddress(named.id ?? positional[0] ?? '', named.start);
			return address ? link(address, named.title ?? context.labels.youtube) : undefined;
		}
		// Quarto's `{{< video https://www.youtube.com/embed/ID >}}`, and Hugo themes' `{{< video src="…" >}}`: a
		// YouTube or Vimeo address is what its own shortcode makes of the video, any other http(s) address a link.
		case 'video': {
			const src = named.src ?? positional[0] ?? '';
			if (!/^https?:\/\/[^\s<>"]+$/i.test(src)) return { reason: VIDEO_REASON };
			const provider = (['youtube', 'vimeo'] as const).find((candidate) => videoOf(candidate, src) !== undefined);
			const shown = { ...(named.title ? { title: named.title } : {}), ...(named.start ? { start: named.start } : {}) };
			if (provider) return hugoShortcode(provider, { positional: [videoOf(provider, src) as string], named: shown }, state, prefix);
			return named.title ? link(src, named.title) : autolink(src);
		}
		// Hugo's `vimeo_simple` (a thumbnail that links to the video): a link too.
		case 'vimeo':
		case 'vimeo_simple': {
			const id = named.id ?? positional[0];
			return id ? link(vimeoAddress(id), named.title ?? context.labels.vimeo) : undefined;
		}
		case 'gist': {
			const [user, id, file] = positional;
			return user && id ? link(`https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}${gistFileAnchor(file)}`, context.labels.gist) : undefined;
		}
		case 'ref':
		case 'relref': {
			const target = named.path ?? positional[0];
			return target ? postRef(target, 'ref', state) : undefined;
		}
		// Hugo's embeds of other sites' posts, `{{< x user="…" id="…" >}}` (tweet, twitter before 0.141) and
		// `{{< instagram ID >}}`: an autolink to the post, as Carnet shows no third-party embed.
		case 'x':
		case 'x_simple':
		case 'tweet':
		case 'twitter':
		case 'twitter_simple': {
			const user = named.user ?? (positional.length > 1 ? positional[0] : undefined);
			const id = named.id ?? positional.at(-1);
			return id && /^\d+$/.test(id) && (user === undefined || /^\w+$/.test(user)) ? autolink(postOnX(id, user)) : undefined;
		}
		case 'instagram': {
			const id = named.id ?? positional[0];
			return id && /^[\w-]+$/.test(id) ? autolink(`https://www.instagram.com/p/${id}/`) : undefined;
		}
		// hugo-theme-bootstrap's embeds of code editors and video sites, each by its id: an autolink to the page
		// the embed shows. Its codepen embeds razonyang's pens, whose address any pen's id opens.
		case 'jsfiddle': {
			const id = positional[0];
			return id && /^[\w-]+(?:\/[\w-]+){0,2}$/.test(id) ? autolink(`https://jsfiddle.net/${id}/`) : undefined;
		}
		case 'codepen': {
			const id = positional[0];
			return id && /^[\w-]+$/.test(id) ? autolink(`https://codepen.io/razonyang/pen/${id}`) : undefined;
		}
		case 'bilibili': {
			const id = positional[0];
			return id && /^[\w-]+$/.test(id) ? autolink(`https://www.bilibili.com/video/${id}/`) : undefined;
		}
		case 'youku': {
			const id = positional[0];
			return id && /^[\w=-]+$/.test(id) ? autolink(`https://v.youku.com/v_show/id_${id}.html`) : undefined;
		}
		case 'param': {
			const key = positional[0] ?? named.name;
			const shown = key ? pageParam(key, state.post.params ?? {}) : undefined;
			return typeof shown === 'string' ? state.lend(shown) : shown;
		}
		default:
			return undefined;
	}
}

function liquidTag(name: string, args: string, state: Expansion, prefix: string | undefined): Expanded {
	// A `{% raw %}` whose `{% endraw %}` a fence keeps apart (the block pass reads them as a pair within one
	// run of text): what they hold is code, which no tag is expanded in, so the tags go.
	if (name === 'endraw' || (name === 'raw' && args.trim() === '')) return '';
	if (name === 'post_url') return postRef(args, 'post_url', state);
	if (name === 'link' && /(?:^|\/)_posts\//.test(args)) return postRef(args, 'link', state);
	// Hexo's `{% link Its text https://hexo.io/ [external] [title] %}`: a link with its text.
	const hexoLink = name === 'link' ? /^\s*(\S.*?)\s+(https?:\/\/[^\s<>"]+)(?:\s+(?:true|false))?(?:\s+(.*?))?\s*$/.exec(args) : null;
	if (hexoLink && !scriptingScheme(hexoLink[2] as string)) {
		const title = hexoLink[3]?.replace(/^(["'])(.*)\1$/, '$2');
		if (state.inHtml) return protect(htmlLink(hexoLink[2] as string, hexoLink[1] as string, title));
		return `[${(hexoLink[1] as string).replace(/[[\]\\]/g, '\\$&')}](<${hexoLink[2]}>${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
	}
	// Hexo Fluid's coloured label, `{% label primary @text %}`: its text, marked.
	const label = name === 'label' ? /^\s*[\w-]+\s+@(\S.*?)\s*$/.exec(args) : null;
	if (label) return `<mark>${escapeXml(label[1] as string)}</mark>`;
	// Hexo's and jekyll-gist's `{% gist defunkt/2059 [file] %}` (or the id alone, which gist.github.com leads on from;
	// DEV's whole address): a link to the gist, as Hugo's gist shortcode becomes.
	const gist = name === 'gist' ? /^\s*(?:https:\/\/gist\.github\.com\/)?(?:([\w-]{1,39})\/)?([0-9a-f]{1,40})(?:\s|$)/i.exec(args) : null;
	if (gist) {
		// The file named after the id (`{% gist defunkt/2059 hello.rb %}`) is the one the link leads to.
		const file = args.slice(gist[0].length).trim().split(/\s/)[0] || undefined;
		if (gist[1]) return hugoShortcode('gist', { positional: [gist[1], gist[2] as string, ...(file ? [file] : [])], named: {} }, state, undefined);
		return `<a href="https://gist.github.com/${gist[2]}${escapeXml(gistFileAnchor(file))}">${escapeXml(state.context.labels.gist)}</a>`;
	}
	if (name === 'asset_img') return assetImage(args, state.post.assetFolder, state.inHtml === true);
	if (name === 'img') return hexoImage(args, state.inHtml === true);
	if (name === 'post_link') return postLink(args, state);
	if (name === 'include') return liquidInclude(args, state, prefix);
	if (name === 'image') return eleventyImage(args);
	return devToTag(name, args, state);
}

// Eleventy's image shortcode, as its base blog defines it: `{% image "./possum.png", "A possum" %}`, then widths or sizes.
const ELEVENTY_IMAGE = /^\s*(["'])([^"'\s]+)\1\s*,\s*(["'])(.*?)\3\s*(?:,.*)?$/s;

/** Eleventy's `{% image src, alt %}` as the Markdown image, which Carnet optimises; another form is shown as written. */
function eleventyImage(args: string): Expanded {
	const image = ELEVENTY_IMAGE.exec(args);
	if (!image || scriptingScheme(image[2] as string)) return undefined;
	return `![${(image[4] as string).replace(/[[\]\\]/g, '\\$&')}](<${image[2]}>)`;
}

/** A link to an address, written as a Markdown autolink: as raw HTML, GFM would also link the address in its text. */
function autolink(href: string): string {
	return protect(`<${href}>`);
}

/** The address of a post on X (Twitter); one without its author's name redirects to it. */
function postOnX(id: string, user?: string): string {
	return `https://x.com/${user ?? 'i'}/status/${id}`;
}

const DEV_TAGS = new Set(['youtube', 'vimeo', 'embed', 'codepen', 'github', 'twitter', 'tweet']);

/**
 * The embeds of DEV (dev.to), whose exported posts write them as Liquid tags: `{% youtube ID %}` and
 * `{% vimeo ID %}` become what Hugo's shortcodes of those names become, and `{% embed URL %}`,
 * `{% link URL %}`, `{% github owner/repo %}`, `{% twitter ID %}` (or `tweet`) and `{% codepen URL %}`
 * a link to what they show, as Carnet shows no third-party embed.
 */
function devToTag(name: string, args: string, state: Expansion): Expanded {
	const [first = ''] = args.split(/\s+/);
	// DEV's editor escapes Markdown's marks in what it writes (`watch?v=5JSD\_b2slJs`): a backslash before ASCII
	// punctuation goes, as CommonMark drops it from a link's address.
	const unquoted = first.replace(/^(["'])(.*)\1$/, '$2').replace(/\\([!-/:-@[-`{-~])/g, '$1');
	const url = /^https?:\/\/[^\s<>"]+$/.test(unquoted) ? unquoted : undefined;
	switch (name) {
		case 'youtube':
		case 'vimeo': {
			const video = videoOf(name, unquoted);
			return video ? hugoShortcode(name, { positional: [video], named: {} }, state, undefined) : undefined;
		}
		case 'embed':
		case 'link':
		case 'codepen':
			return url ? autolink(url) : undefined;
		case 'github':
			return /^[\w.-]+\/[\w.-]+$/.test(unquoted) ? autolink(`https://github.com/${unquoted}`) : url ? autolink(url) : undefined;
		case 'twitter':
		case 'tweet':
			// jekyll-twitter-plugin's `{% twitter https://twitter.com/jekyllrb/status/… %}` names the post by its address.
			return /^\d+$/.test(unquoted) ? autolink(postOnX(unquoted)) : url && /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\//i.test(url) ? autolink(url) : undefined;
		default:
			return undefined;
	}
}

/**
 * The page of a YouTube video that Hugo's youtube shortcode names, `kX_3Wdft0Ms` (Hugo appends what follows
 * the id to the player's address: `kX_3Wdft0Ms?rel=0` is the video kX_3Wdft0Ms), with its start time, given
 * apart or in that query (`t=90`, `start=90`, `t=1m30s`); undefined without an id.
 */
export function youtubeAddress(written: string, start?: string): string | undefined {
	const [id, query = ''] = written.split(/[?&](.*)/s);
	const from = start ?? /(?:^|&)(?:start|t)=([^&#]*)/.exec(query)?.[1];
	const at = from && /^\d+$/.test(from) ? `&t=${from}s` : from && /^(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+s)?$/.test(from) ? `&t=${from}` : '';
	return id ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}${at}` : undefined;
}

/** The page of the Vimeo video `id`, as Hugo's vimeo shortcode names it. */
export function vimeoAddress(id: string): string {
	return `https://vimeo.com/${encodeURIComponent(id)}`;
}

/**
 * The video a DEV (or Jekyll plugin) `youtube` or `vimeo` tag names, as Hugo's shortcode of that name takes it:
 * an id (`dQw4w9WgXcQ`, with DEV's start time `dQw4w9WgXcQ?t=30`), or the video's address on YouTube
 * (`watch?v=`, `youtu.be/`, `embed/`, `shorts/`, its `t` or `start` kept) or Vimeo (`vimeo.com/76979871`).
 */
export function videoOf(name: 'youtube' | 'vimeo', value: string): string | undefined {
	if (name === 'youtube' ? /^[\w-]+(?:\?(?:t|start)=\w+)?$/.test(value) : /^[\w-]+$/.test(value)) return value;
	if (!/^https?:\/\/[^\s<>"]+$/.test(value)) return undefined;
	const address = URL.parse(value);
	const host = address?.hostname.replace(/^(?:www|m)\./, '');
	if (!address || !host) return undefined;
	const segments = address.pathname.split('/').filter(Boolean);
	if (name === 'vimeo') {
		return host === 'vimeo.com' || host === 'player.vimeo.com' ? segments.findLast((segment) => /^\d+$/.test(segment)) : undefined;
	}
	const id =
		host === 'youtu.be' ? segments[0] : host === 'youtube.com' || host === 'youtube-nocookie.com' ? (segments[0] === 'watch' ? address.searchParams.get('v') : ['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '') ? segments[1] : undefined) : undefined;
	if (!id || !/^[\w-]+$/.test(id)) return undefined;
	const start = address.searchParams.get('t') ?? address.searchParams.get('start');
	return start && /^\w+$/.test(start) ? `${id}?t=${start}` : id;
}

/**
 * The includes of the most used Jekyll themes that say what to show rather than how: Minimal Mistakes'
 * `figure` (image_path, alt, caption) and `video` (id, provider), al-folio's `figure.liquid` (path, alt,
 * caption, title), and Chirpy's `embed/youtube.html` and
 * `embed/vimeo.html` (id). They become what Hugo's figure and video shortcodes become here.
 */
function liquidInclude(args: string, state: Expansion, prefix: string | undefined): Expanded {
	const [, file = '', rest = ''] = /^(\S+)\s*([\s\S]*)$/.exec(args) ?? [];
	const named: Record<string, string> = {};
	// Liquid quotes values either way: id='x' (Chirpy's docs) and id="x".
	for (const match of rest.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) named[match[1] as string] = match[2] ?? match[3] ?? match[4] ?? '';
	const include = file.replace(/\.(?:html|liquid)$/, '');
	// Jekyll-Bootstrap's posts open with it: it sets the site's variables (its asset paths) and shows nothing.
	if (include === 'JB/setup') return '';
	// Minimal Mistakes' figure (image_path), al-folio's (`figure.liquid`, its path from the site's root,
	// `assets/img/9.jpg`), and the image include many Jekyll blogs copy (url or img, with a description,
	// caption or text).
	const fromRoot = named.path === undefined || /^(?:[a-z][\w+.-]*:|\/)/i.test(named.path) ? named.path : `/${named.path}`;
	const src = include === 'figure' ? (named.image_path ?? fromRoot) : include === 'image' ? (named.url ?? named.img ?? named.src ?? named.image_path) : undefined;
	if (src) {
		const problem = figureProblem({ src });
		if (problem) return problem;
		const caption = named.caption ?? named.description ?? named.text ?? named.title;
		return figure({ src, ...(named.alt === undefined ? {} : { alt: named.alt }), ...(caption ? { caption } : {}), ...(named.class ? { class: named.class } : {}) }, prefix);
	}
	const provider = include === 'video' ? named.provider : /^embed\/(youtube|vimeo)$/.exec(include)?.[1];
	if ((provider === 'youtube' || provider === 'vimeo') && named.id) return hugoShortcode(provider, { positional: [named.id], named: {} }, state, prefix);
	return undefined;
}

/**
 * Hexo's `{% asset_img diagram.jpg "Title" "Alt text" %}` (or `{% asset_img diagram.jpg Title text %}`): the
 * image in the post's asset folder (`hello/` beside `hello.md`), as a Markdown image, so that Astro finds,
 * optimises and publishes it. Its alt text is the title when it has none, so that the image is described.
 * Class names and sizes, which a Markdown image cannot carry, leave the tag as written.
 */
function assetImage(args: string, assetFolder: string | undefined, inHtml: boolean): Expanded {
	const parsed = /^(?:"([^"]+)"|'([^']+)'|(\S+))\s*(.*)$/s.exec(args);
	const file = parsed?.[1] ?? parsed?.[2] ?? parsed?.[3];
	if (!assetFolder || !parsed || !file) return undefined;
	if (!/\.[a-z\d]+$/i.test(file) || /^\d+(?:\s|$)/.test(parsed[4] ?? '')) {
		return { reason: 'Carnet reads asset_img with a file name and a title only, not with class names or a size' };
	}
	const [title, alt] = titleAndAlt((parsed[4] ?? '').trim());
	const text = alt ?? title ?? '';
	if (inHtml) return protect(htmlImage(`${assetFolder}/${file}`, text, title));
	const quotedTitle = title ? ` "${title.replace(/[\\"]/g, '\\$&')}"` : '';
	return protect(`![${altMarkdown(text)}](<${escapeDestination(`${assetFolder}/${file}`)}>${quotedTitle})`);
}

/**
 * Hexo's `{% post_link hello-world %}` and `{% post_link hello-world "Its text" %}`: a link to the post whose
 * file is named so, its title the text unless the tag gives one.
 */
function postLink(args: string, state: Expansion): Expanded {
	const [target, text] = [...args.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
	if (!target || !state.context.findPost) return undefined;
	const found = state.context.findPost(target, 'ref', state.post.file);
	const [file] = found.files;
	state.references.push({ target, file: found.files.length === 1 ? file : undefined, url: found.url, ...(text ? {} : { title: found.title }) });
	if (found.url && state.inHtml) return protect(htmlLink(found.url, text || found.title || target));
	if (found.url) return protect(`[${escapeMarkdown(text || found.title || target)}](<${escapeDestination(found.url)}>)`);
	if (file === undefined) return { reason: `no post in ${found.folder}/ has the file name ${JSON.stringify(target)}, a link Hexo refuses to build; correct the name` };
	if (found.files.length > 1) return { reason: `${JSON.stringify(target)} names ${found.files.length} posts in ${found.folder}/ (${found.files.join(', ')}); write the path of one from that folder` };
	if (found.heldBack) {
		const unlinked = text ? { text, shownAs: SHOWN_AS_TEXT } : found.title ? { text: found.title, shownAs: `the title of the post, ${JSON.stringify(found.title)}, without a link` } : { text: target, shownAs: `its name, ${JSON.stringify(target)}, without a link` };
		return { reason: unlinkedReason(found, file), unlinked };
	}
	return { reason: `the post it names, ${found.folder}/${file}, has no page in this build` };
}

const SHOWN_AS_TEXT = 'its text, without a link';

/** Why a tag that writes a whole link to the post `found` holds back, `file`, is shown as its text. */
function unlinkedReason(found: FoundPosts, file: string): string {
	return `the post it names, ${found.folder}/${file}, ${heldBackWhy(found)}, so this build publishes no page for it; publish that post, or remove the link`;
}

/** A tag that writes a whole link to a post held back, `whole`, as its text, reported; in raw HTML, as HTML's text. */
function showUnlinked(whole: string, reason: string, { text, shownAs }: Unlinked, line: number, state: Expansion): string {
	state.unknown.push({ line, text: whole, reason, shownAs });
	return protect(state.inHtml ? escapeXml(text) : escapeMarkdown(text));
}

/**
 * Hexo's and Octopress's `{% img [class names] /path/to/image [width] [height] '"title text" "alt text"' %}`: a
 * Markdown image, so that Carnet checks and optimises it as it does `![](…)` (a path into public/, a file beside
 * the post), its title a title and not a caption, as they write it. Its class names and size are left out, as
 * Carnet sizes a post's images itself. Undefined for a tag that names no image: the path is the first word that
 * starts with `/`, is a web address or names an image file.
 */
function hexoImage(args: string, inHtml: boolean): Expanded {
	const words = [...args.matchAll(/\S+/g)];
	const at = words.findIndex(([word]) => word.startsWith('/') || /^https?:\/\//i.test(word) || IMAGE_FILE.test(word));
	const src = words[at]?.[0];
	if (src === undefined || src.startsWith('//')) return { reason: "Carnet reads img's image as its first word that starts with /, is an http(s) address or names an image file, and finds none" };
	let next = at + 1;
	for (let sizes = 0; sizes < 2 && /^\d+(?:px|%)?$/.test(words[next]?.[0] ?? ''); sizes++) next++;
	const following = words[next];
	let meta = following === undefined ? '' : args.slice(following.index).trim();
	// Hexo reads `'"title text" "alt text"'` as one argument: the quotes around it are the argument's.
	const wrapped = /^'("[\s\S]*")'$/.exec(meta);
	if (wrapped) meta = wrapped[1] as string;
	const [title, alt] = titleAndAlt(meta);
	if (inHtml) return protect(htmlImage(src, alt ?? title ?? '', title));
	const quotedTitle = title ? ` "${title.replace(/[\\"]/g, '\\$&')}"` : '';
	// Octopress and Hexo write the title as the image's title attribute, no caption: the comment after the
	// image keeps it from being a figure captioned by its title (figures.ts), and leaves the page with it.
	return protect(`![${altMarkdown(alt ?? title ?? '')}](<${escapeDestination(src)}>${quotedTitle})${title ? NO_CAPTION_MARK : ''}`);
}

// What follows an image that keeps its title as a title: a paragraph of an image alone is a figure.
const NO_CAPTION_MARK = '<!--carnet:no-caption-->';

/**
 * An image tag's image inside a block of raw HTML (`<div>` then `{% asset_img a.png %}`), where Markdown is not
 * read: the `<img>` element, whose file beside the post the build publishes as it does any raw `<img>`'s
 * (markdown/file-links.ts). A Markdown image there would show as written, its file not published.
 */
function htmlImage(src: string, alt: string, title: string | undefined): string {
	return `<img src="${escapeXml(src)}" alt="${escapeXml(alt)}"${title ? ` title="${escapeXml(title)}"` : ''}>`;
}

/** A link tag's link inside a block of raw HTML, where a Markdown link would show as written: the `<a>` element. */
function htmlLink(href: string, text: string, title?: string): string {
	return `<a href="${escapeXml(href)}"${title ? ` title="${escapeXml(title)}"` : ''}>${escapeXml(text)}</a>`;
}

/**
 * An image tag's text as a Markdown image's alt text: its code spans (`` Add `api.example.com` ``) read, so that
 * the alt is their text, as Markdown reads an alt; with an odd number of backticks, each is a character.
 */
function altMarkdown(text: string): string {
	if ((text.match(/`/g)?.length ?? 0) % 2 === 1) return escapeMarkdown(text);
	return text
		.split('`')
		.map((part, index) => (index % 2 === 0 ? escapeMarkdown(part) : part))
		.join('`');
}

/** Hexo's img and asset_img meta: `"title" "alt"`, `'title' 'alt'`, or a title in words. */
function titleAndAlt(meta: string): [string | undefined, string | undefined] {
	if (meta === '') return [undefined, undefined];
	const quoted = /^(["'])(.*?)\1(?:\s+(["'])(.*?)\3)?\s*$/s.exec(meta);
	if (quoted) return [quoted[2] || undefined, quoted[4] || undefined];
	return [meta, undefined];
}

/**
 * The anchor of a gist's file on gist.github.com, as GitHub writes it: `#file-` and the name in lower case, each
 * character but a letter or a digit a `-` (`hello_world.rb` is `#file-hello-world-rb`). Empty for no file.
 */
function gistFileAnchor(file: string | undefined): string {
	return file ? `#file-${file.toLowerCase().replace(/[^a-z\d]/g, '-')}` : '';
}

/** Why a figure is shown as written: a link that runs script when clicked, or a script for an image. */
function figureProblem(named: Record<string, string>): { reason: string } | undefined {
	const scripted = [named.link, named.attrlink].find((link) => link !== undefined && scriptingScheme(link) !== undefined);
	if (scripted !== undefined) return { reason: `its link, ${JSON.stringify(scripted)}, would run script on your site when clicked; link to a page instead` };
	const scheme = named.src === undefined ? undefined : scriptingScheme(named.src);
	if (scheme === 'javascript:' || scheme === 'vbscript:') return { reason: `its image, ${JSON.stringify(named.src)}, is a script, not an image` };
	return undefined;
}

/**
 * Hugo's figure (its markup, the title in bold rather than Hugo's `<h4>`, which would break the page's
 * outline under any heading but an `<h3>`: the title, then the caption and `attr` in a paragraph, Markdown
 * read in both). An image beside the post (`pic.jpg`, `./pic.jpg`) is written as a
 * Markdown image between the figure's tags, each on its own block, so that Astro finds, optimises and
 * publishes it as it does `![](pic.jpg)`: an `<img src="pic.jpg">` would name a file that is never copied.
 * With `captionAsMarkdown`, such an image's caption is a block of its own too, for the site's processor.
 */
function figure(named: Record<string, string>, prefix: string | undefined, captionAsMarkdown = false): string {
	const src = named.src as string;
	const captionHtml = named.caption ? figureCaption(named.caption) : undefined;
	const caption = [captionHtml?.html ?? '', named.attr ? attribution(named.attr, named.attrlink) : ''].join(' ').trim();
	const figcaption =
		named.title || caption ? `<figcaption>${named.title ? `<p class="carnet-figure__title"><strong>${escapeXml(named.title)}</strong></p>` : ''}${caption ? `<p>${caption}</p>` : ''}</figcaption>` : '';
	const alt = named.alt ?? captionHtml?.text ?? named.title ?? '';
	const open = `<figure class="${escapeXml(['carnet-figure', named.class].filter(Boolean).join(' '))}">`;
	const linkAttributes = `${named.target ? ` target="${escapeXml(named.target)}"` : ''}${named.rel ? ` rel="${escapeXml(named.rel)}"` : ''}`;
	if (!isBesidePost(src)) {
		const size = `${pixels('width', named.width)}${pixels('height', named.height)}`;
		const image = `<img src="${escapeXml(src)}" alt="${escapeXml(alt)}"${size}>`;
		const linked = named.link ? `<a href="${escapeXml(named.link)}"${linkAttributes}>${image}</a>` : image;
		return protect(`${open}${linked}${figcaption}</figure>`);
	}
	// An HTML block ends at a blank line, and Markdown inside it is not read: the image gets a block of its own.
	const image = `![${escapeMarkdown(alt)}](<${escapeDestination(src)}>)`;
	const linked = named.link
		? linkAttributes
			? `<a href="${escapeXml(named.link)}"${linkAttributes}>${image}</a>`
			: `[${image}](<${escapeDestination(named.link)}>)`
		: image;
	// A caption the site's Markdown processor reads, raw HTML included, as Hugo passes a shortcode's inner text.
	const closing = captionAsMarkdown && named.caption && !named.title && !named.attr ? ['<figcaption>', '', named.caption, '', '</figcaption></figure>'] : [`${figcaption}</figure>`];
	// A figure in a blockquote keeps the quote's ">" on each of its lines.
	const lines = [open, '', linked, '', ...closing];
	if (prefix === undefined) return protect(`\n\n${lines.join('\n')}\n\n`);
	return protect(lines.map((text, index) => (index === 0 ? text : `${prefix}${text}`.trimEnd())).join('\n'));
}

// A path or address that names an image file by its extension.
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#].*)?$/i;

/** Whether `src` names a file beside the post: not root-relative (`/images/x.jpg`), not a URL. */
function isBesidePost(src: string): boolean {
	return !src.startsWith('/') && !src.startsWith('\\') && !/^[a-z][a-z\d+.-]*:/i.test(src);
}

/**
 * The indentation and blockquote markers before a shortcode that begins its line, which the lines it
 * becomes repeat, so that they stay in the quote or list item; after a list item's marker (`- `, `1. `),
 * the item's content column in spaces. Undefined when text comes before it.
 */
function blockPrefix(before: string): string | undefined {
	if (/^[ \t]*(?:>[ \t]?)*$/.test(before)) return before;
	const item = /^([ \t]*(?:>[ \t]?)*)((?:[-*+]|\d{1,9}[.)])[ \t]+)$/.exec(before);
	return item ? `${item[1]}${' '.repeat((item[2] as string).length)}` : undefined;
}

/** Hugo's `attr`, linked to `attrlink` when given. */
function attribution(attr: string, link: string | undefined): string {
	const html = inlineMarkdown(attr);
	return link ? `<a href="${escapeXml(link)}">${html}</a>` : html;
}

/**
 * A caption's Markdown as HTML, as Hugo's `markdownify` gives it: links, `**strong**`, `*emphasis*` and
 * `` `code` `` (utils/intro.ts); anything else, HTML included, is escaped. A caption whose link is not a
 * path or an http(s): or mailto: URL is shown as written.
 */
function inlineMarkdown(markdown: string): string {
	try {
		// One line makes one paragraph: its content is the inline HTML.
		return renderIntro(markdown).replace(/^<p>|<\/p>$/g, '');
	} catch {
		return escapeXml(markdown);
	}
}

// A character reference that inlineMarkdown() escaped, which a caption's Markdown reads as the character.
const ESCAPED_REFERENCE = /&amp;(#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{0,31};)/gi;
const REFERENCE = /&(?:#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{0,31};)/i;
// A tag in a caption, and its element's name. No angle bracket inside: each is read once.
const CAPTION_TAG = /<\/?([a-z][a-z\d-]*)(?:[\s/][^<>]*)?>/gi;
// A caption with more tags than this is shown as written (figureCaption()).
const MAX_CAPTION_TAGS = 200;
// The elements whose tags a caption keeps as HTML: the sanitiser keeps some, and takes the others out whole.
const CAPTION_ELEMENTS = new Set([...(CAPTION_HTML_SCHEMA.tagNames ?? []), ...(CAPTION_HTML_SCHEMA.strip ?? [])]);

/**
 * A figure's caption as HTML and as text (its `alt`), as Hugo's `markdownify` and `plainify` give them: the
 * Markdown of inlineMarkdown(), character references read (`&#22259;` is 図), and the tags of text-level
 * elements kept, as ox-hugo writes a figure's number (`<span class="figure-number">Figure 2: </span>`). That
 * HTML keeps what CAPTION_HTML_SCHEMA allows, so that it stays in its paragraph and runs no script (a
 * `<script>` goes with its content, an `onerror` is left out); the tag of another element (`<dog>`) is shown.
 */
/** The text of `caption` between its tags. */
function captionPieces(caption: string, tags: readonly RegExpMatchArray[]): string[] {
	const pieces: string[] = [];
	let last = 0;
	for (const tag of tags) {
		pieces.push(caption.slice(last, tag.index));
		last = (tag.index as number) + tag[0].length;
	}
	pieces.push(caption.slice(last));
	return pieces;
}

/**
 * Whether `text`, a caption's text between tags, opens or closes Markdown across a tag: a code span left open
 * (an odd number of backtick runs), a link's text closed after a tag (`](` at its start), emphasis opened at its
 * start or closed at its end and not in it (`**Bold ` … ` more**`). A lone `_` or `*` within words
 * (`response_time`, `2*n`) and a stray `[` are text, as Markdown reads them.
 */
function opensMarkdown(text: string): boolean {
	if ((text.match(/`+/g)?.length ?? 0) % 2 === 1 || text.trimStart().startsWith('](')) return true;
	return EMPHASIS_RUNS.some(([mark, runs]) => (text.trimStart().startsWith(mark) || text.trimEnd().endsWith(mark)) && (text.match(runs)?.length ?? 0) % 2 === 1);
}

const EMPHASIS_RUNS: [string, RegExp][] = [
	['*', /\*+/g],
	['_', /_+/g],
];

function figureCaption(asWritten: string): { html: string; text: string } {
	// An HTML comment in a caption (`caption="Figure 1 <!-- draft note -->"`) is shown to no one, as in Hugo's HTML.
	const caption = withoutHtmlComments(asWritten);
	const tags = Array.from(caption.matchAll(CAPTION_TAG)).filter((tag) => CAPTION_ELEMENTS.has((tag[1] as string).toLowerCase()));
	// Thousands of elements one inside another would take the tree's walkers past the stack: that is no caption.
	// Nor are tags read inside or across Markdown's marks (``The `<span>` element``, `[<em>A</em>](…)`,
	// `**a <em>b</em> c**`), which the text between tags, read piece by piece, would cut: such a caption is
	// Markdown, its tags shown as written.
	const across = tags.length > 0 && tags.length <= MAX_CAPTION_TAGS && captionPieces(caption, tags).some(opensMarkdown);
	if ((tags.length === 0 || tags.length > MAX_CAPTION_TAGS || across) && !(tags.length === 0 && REFERENCE.test(caption))) {
		const html = inlineMarkdown(caption);
		return { html, text: plainText(html) };
	}
	let written = '';
	let last = 0;
	for (const tag of tags.length > MAX_CAPTION_TAGS ? [] : tags) {
		written += inlineMarkdownKeepingSpaces(caption.slice(last, tag.index)) + tag[0];
		last = tag.index + tag[0].length;
	}
	written += inlineMarkdownKeepingSpaces(caption.slice(last));
	const tree = sanitize(fromHtml(written.replace(ESCAPED_REFERENCE, '&$1'), { fragment: true }), CAPTION_HTML_SCHEMA);
	return { html: toHtml(tree), text: textOf(tree).replace(/\s+/g, ' ').trim() };
}

/** `text` without its HTML comments (`<!-- … -->`); one that does not close is text. Found with indexOf: linear. */
function withoutHtmlComments(text: string): string {
	let kept = '';
	let from = 0;
	for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
		const close = text.indexOf('-->', open + 2);
		if (close === -1) break;
		kept += text.slice(from, open);
		from = close + 3;
	}
	return kept + text.slice(from);
}

/** inlineMarkdown() of text between a caption's tags, with the spaces around it, which separate it from them. */
function inlineMarkdownKeepingSpaces(text: string): string {
	const trimmed = text.trim();
	if (trimmed === '') return text;
	const start = text.indexOf(trimmed);
	return `${text.slice(0, start)}${inlineMarkdown(trimmed)}${text.slice(start + trimmed.length)}`;
}

function textOf(node: Nodes): string {
	if (node.type === 'text') return node.value;
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

/**
 * A figure's `width` or `height` as an attribute, in pixels, which is all HTML's allow: Hugo copies
 * `width="100%"` (as ox-hugo writes it) into the page as written, which is invalid HTML; without it, an image
 * from public/ gets its file's size, and fits the column as Carnet's images do (and as the `image` shortcode
 * reads a percentage).
 */
function pixels(name: 'width' | 'height', value: string | undefined): string {
	const number = value === undefined ? undefined : /^\s*(\d{1,5})(?:px)?\s*$/i.exec(value)?.[1];
	return number === undefined ? '' : ` ${name}="${number}"`;
}

/** The text of an HTML fragment, for an `alt`: Hugo's `plainify`. */
function plainText(html: string): string {
	return unescapeXml(html.replace(/<[^>]*>/g, ''));
}

/**
 * Hugo's `{{< param "key" >}}`: the post's front-matter value of `key` (in any case; `a.b` for a nested one;
 * Hugo 0.123's `params:` map too), shown as written text. Hugo falls back on the site's params, which
 * Carnet does not have.
 */
function pageParam(key: string, params: Readonly<Record<string, unknown>>): Expanded {
	const lookUp = (from: unknown): unknown => {
		let value = from;
		for (const part of key.split('.')) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
			const name = Object.keys(value).find((candidate) => candidate.toLowerCase() === part.toLowerCase());
			value = name === undefined ? undefined : (value as Record<string, unknown>)[name];
		}
		return value;
	};
	const value = lookUp(params) ?? lookUp(params.params);
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return escapeMarkdown(String(value));
	return {
		reason:
			value === undefined
				? `the post's front matter has no ${key}, and Carnet does not have the site's params Hugo would look in next`
				: `the post's ${key} is not a single value Carnet can show as text`,
	};
}

/** Text read by Markdown as written, in an image's alt text: every ASCII punctuation mark escaped. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A link destination inside `<…>`, where only "<", ">", "\\" and line breaks need care. */
function escapeDestination(url: string): string {
	return url.replace(/[<>\\]/g, '\\$&').replace(/[\r\n]/g, '');
}

/**
 * The address of the post a `ref`, `relref`, `post_url` or `link` names by its file. With `findPost`, it is
 * the post's real address (its slug and date read from its front matter), and a name that matches no
 * post, or several, is reported; without it, the slug is the file name's (without Jekyll's date prefix)
 * and a dated permalink takes the date from that prefix.
 */
function postRef(target: string, kind: ReferenceKind, state: Expansion): Expanded {
	const [name = '', fragment] = target.replace(/^["']|["']$/g, '').split('#');
	const withFragment = (url: string) => (fragment ? `${url}#${fragment}` : url);
	const { findPost } = state.context;
	if (!findPost) {
		const url = addressFromName(name, state.context);
		return url && withFragment(url);
	}
	const found = findPost(name, kind, state.post.file);
	const [file] = found.files;
	state.references.push({ target: name, file: found.files.length === 1 ? file : undefined, url: found.url });
	if (found.url) return withFragment(found.url);
	const generator = kind === 'ref' ? 'Hugo' : 'Jekyll';
	if (file === undefined) {
		return { reason: `no post in ${found.folder}/ has the file name ${JSON.stringify(name)}, a link ${generator} refuses to build; correct the name` };
	}
	if (found.files.length > 1) {
		return { reason: `${JSON.stringify(name)} names ${found.files.length} posts in ${found.folder}/ (${found.files.join(', ')}); write the path of one from that folder, e.g. ${file}` };
	}
	if (found.heldBack) {
		const heldBack = `the post it names, ${found.folder}/${file}, ${heldBackWhy(found)}, so this build publishes no page for it`;
		return { reason: `${heldBack} to link to; publish that post, or link to it once it is`, heldBack };
	}
	return { reason: `the post it names, ${found.folder}/${file}, has no date, which the permalinks option needs; give that post a date` };
}

/** Why a post a link names has no page in this build, as messages word it. */
const HELD_BACK_WHY = { draft: 'is a draft', future: 'is dated in the future', expired: 'has passed its expiryDate' } as const;

/** Why the post `found` names, which this build holds back, has no page, as messages word it: `is a draft`, `is held back as a draft by its private: true`. */
export function heldBackWhy(found: FoundPosts): string {
	if (found.heldBackBy !== undefined) return `is held back as a draft by its ${found.heldBackBy}`;
	return found.heldBack ? HELD_BACK_WHY[found.heldBack] : 'has no page in this build';
}

function addressFromName(file: string, context: ShortcodeContext): string | undefined {
	const segments = file.replace(/\\/g, '/').split('/').filter(Boolean);
	let name = (segments.pop() ?? '').replace(/\.(?:md|markdown|mdx)$/i, '');
	if (name === 'index' || name === '_index') name = segments.pop() ?? '';
	const dated = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
	const slug = slugifySegment(dated ? (dated[2] as string) : name, context.locale);
	return slug ? context.postUrl(slug, dated?.[1]) : undefined;
}
