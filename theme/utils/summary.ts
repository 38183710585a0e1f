import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { HTML_COMMENT } from './balanced-html.ts';
import { escapeHtmlText, escapeXml } from './xml.ts';

/**
 * Hugo's summary divider, `<!--more-->`, which Jekyll sites set as `excerpt_separator` too, Docusaurus's
 * `<!-- truncate -->`, starlight-blog's `<!-- excerpt -->`, Nikola's `<!-- TEASER_END -->` (`END_TEASER`, and
 * `<!-- TEASER_END: Read on -->` with its link's text), Pelican's summary plugin's `<!-- PELICAN_END_SUMMARY -->`
 * and Drupal's and Blogger's `<!--break-->`, which their exports keep.
 */
const DIVIDER = /<!--\s*(?:more|truncate|excerpt|break|pelican_end_summary|(?:teaser_end|end_teaser)(?::.*?)?)\s*-->/i;
const PARAGRAPH = /<p(?:\s[^>]*)?>[\s\S]*?<\/p>/g;
/**
 * What a reader does not see, though a paragraph may be written in it: comments (an old intro commented
 * out), scripts' and templates' source, and what is shown only without JavaScript.
 */
const UNSEEN = new RegExp(String.raw`${HTML_COMMENT}|<(script|style|template|noscript|textarea|title|xmp)(?=[\s/>])[\s\S]*?(?:<\/\1\s*>|$)`, 'gi');
const CALLOUT_TITLE = /^<p\s[^>]*\bclass="carnet-callout__title"/;
/**
 * The HTML comment after each code element that shows a shortcode Carnet cannot expand (markdown/shortcodes.ts), so
 * that a summary leaves that code out and keeps the code an author wrote (`{{ msg }}`). A comment, where a class
 * would need the code written as HTML, whose text Markdown reads, and not with backticks, which keep it as written.
 */
export const AS_WRITTEN_MARK = '<!--carnet:as-written-->';
/**
 * The code of a shortcode Carnet shows as written (`{{< foo >}}`, `{% foo %}`), marked by markdown/shortcodes.ts:
 * a description would show it as template syntax. Code the author wrote (`{{ msg }}`) has no mark, and stays.
 */
const SHOWN_AS_WRITTEN = new RegExp(String.raw`<code(?:\s[^>]*)?>[^<]*<\/code>${AS_WRITTEN_MARK}`, 'g');
/** Longer summaries are cut at a word, with an ellipsis: about what search engines show of a description. */
export const SUMMARY_LENGTH = 240;

/**
 * The summary of a post that has no description, from its rendered body, as Hugo and Jekyll make one: the
 * text before a `<!--more-->` divider (its code blocks and tables left out) when it has any, else the text of
 * the first paragraph that has any (a paragraph of images alone has none) and that readers see (not one in a
 * comment or a script), cut at a word past SUMMARY_LENGTH characters. Footnote marks and math are left out. A body of HTML without paragraphs
 * (`<div>`s) is summarised by its text, headings, code and tables left out. Undefined for a body with no
 * such text.
 *
 * `separator` is a post's own divider, Jekyll's `excerpt_separator` (`<!-- excerpt-end -->`): it replaces
 * `<!--more-->`. One of white space alone (Jekyll's default, `"\n\n"`) ends the first paragraph, as none does.
 */
export function summaryOf(written: string, separator?: string): string | undefined {
	const html = written.includes(AS_WRITTEN_MARK) ? written.replace(SHOWN_AS_WRITTEN, '') : written;
	const divider = separator === undefined ? DIVIDER.exec(html)?.index : dividerIndex(html, separator);
	// A divider before any text (Temporal's posts open with it), or after code or a table alone, cuts nothing:
	// the first paragraph is the summary, as Docusaurus's description is then.
	const before = divider === undefined ? undefined : shortened(textOf(html.slice(0, divider), CODE_AND_TABLES));
	if (before !== undefined) return before;
	const seen = html.replace(UNSEEN, '');
	// A post whose only text is a bold label (`**Happy new year**`) is summarised by it.
	let labelOnly: string | undefined;
	for (const [paragraph] of seen.matchAll(PARAGRAPH)) {
		// A callout's title ("Note", or the author's) labels the text under it, which is what it says.
		if (CALLOUT_TITLE.test(paragraph)) continue;
		const unlabelled = withoutLeadingLabel(paragraph);
		const text = textOf(unlabelled);
		if (text !== '') return shortened(text);
		if (unlabelled !== paragraph) labelOnly ??= textOf(paragraph);
	}
	if (labelOnly !== undefined) return shortened(labelOnly);
	// A body written in HTML without paragraphs (`<div>`s, as rich-text editors and Blogger write them):
	// its text as Hugo summarises it, headings, code and tables left out.
	if (!/<(?:div|section|article|blockquote|li|td|dd|span|font|br)\b/i.test(seen)) return undefined;
	try {
		return shortened(textOf(seen, PROSE_ONLY));
	} catch (error) {
		// Lists nested thousands deep, which no summary needs: the page and the feeds report them.
		if (error instanceof RangeError) return undefined;
		throw error;
	}
}

/**
 * A bold label on a line of its own at a paragraph's start: a tab's title, which Carnet writes in bold above the
 * tab's text (Material for MkDocs' `=== "Python"`, Hugo's and Hexo's tabs, Shoka's `;;;`), or an author's
 * `**Update:**` or `**Step 1**` standing for a heading. Short, and no sentence: an opening sentence in bold ends
 * with its full stop, and is kept.
 */
const LEADING_LABEL = /^(<p(?:\s[^>]*)?>)\s*<(strong|b)>((?:(?!<\/?(?:strong|b)>)[^\n]){1,80}?)<\/\2>[ \t]*(?:<br\s*\/?>\s*|\n|(?=<\/p>))/i;
const SENTENCE_END = /[.!?…。！？][\s"'”’»)\]]*$/u;

/** `paragraph` without a bold label that opens it on a line of its own (LEADING_LABEL): what the label names is the summary. */
function withoutLeadingLabel(paragraph: string): string {
	const label = LEADING_LABEL.exec(paragraph);
	if (!label || SENTENCE_END.test((label[3] as string).replace(/<[^>]*>/g, '').trim())) return paragraph;
	return (label[1] as string) + paragraph.slice(label[0].length);
}

// What a summary of the text before a divider leaves out: code and tables, whose lines and cells run
// together as one line of prose (a script's `#!/usr/bin/python3 class HelloPrinter…` on a card).
const CODE_AND_TABLES = new Set(['pre', 'table']);
// What a summary of a body without paragraphs leaves out, besides what every summary does.
const PROSE_ONLY = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'nav', 'aside', 'details']);

// A separator in visible text is in the HTML with its `&` and `<` escaped; a comment, as written.
function dividerIndex(html: string, separator: string): number | undefined {
	if (separator.trim() === '') return undefined;
	// A rule (`---`, `***`), which Markdown makes an <hr>: the first one.
	if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(separator)) {
		const rule = /<hr\b/i.exec(html)?.index;
		if (rule !== undefined) return rule;
	}
	const escapedText = escapeHtmlText(separator);
	for (const written of [separator, escapedText, escapeXml(separator)]) {
		const index = html.indexOf(written);
		if (index !== -1) return index;
	}
	return undefined;
}

// Where a formula was left out, and where a block (a paragraph, a list item) opens or closes, while the text is gathered.
const LEFT_OUT = '\uFDD0';
const BLOCK = '\uFDD1';

function textOf(html: string, alsoSkipped?: ReadonlySet<string>): string {
	const parts: string[] = [];
	collect(fromHtml(html, { fragment: true }), parts, alsoSkipped);
	const gathered = parts.join('');
	// Each block's runs of text are mended where a formula was, as a sentence ends at the block's end.
	const text = gathered.includes(LEFT_OUT) ? gathered.split(BLOCK).map((block) => block.trim().split(LEFT_OUT).reduce(joinAroundLeftOut)).join(' ') : gathered.replaceAll(BLOCK, ' ');
	return text.replace(/\s+/g, ' ').trim();
}

function collect(node: Nodes, parts: string[], alsoSkipped: ReadonlySet<string> | undefined): void {
	if (node.type === 'text') {
		parts.push(node.value);
		return;
	}
	if (node.type === 'element' && node.tagName === 'math') {
		parts.push(plainFormula(node) ?? LEFT_OUT);
		return;
	}
	if (node.type === 'element' && (skipped(node) || alsoSkipped?.has(node.tagName))) return;
	// Blocks (paragraphs, list items, headings) are kept apart by a space.
	const gap = node.type === 'element' && !INLINE.has(node.tagName) ? BLOCK : '';
	parts.push(gap);
	if ('children' in node) for (const child of node.children) collect(child, parts, alsoSkipped);
	parts.push(gap);
}

// A formula that reads as text (`n`, `x = 1`, `x^2`): letters, digits, operators, a script of one character; no
// command, group or alignment, which a description, plain text to search engines and feed readers, would show as TeX.
const PLAIN_TEX = /^(?:[\p{L}\p{N}\s+\-*/=<>().,'|!]|[\^_][\p{L}\p{N}])+$/u;
const PLAIN_TEX_LENGTH = 40;

/** The TeX of an inline formula (KaTeX keeps it in the MathML's annotation) when it reads as plain text (PLAIN_TEX). */
function plainFormula(math: Element): string | undefined {
	if (math.properties.display === 'block') return undefined;
	const tex = annotationOf(math)?.trim();
	return tex !== undefined && tex.length <= PLAIN_TEX_LENGTH && PLAIN_TEX.test(tex) ? tex : undefined;
}

function annotationOf(node: Element): string | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'annotation' && child.properties.encoding === 'application/x-tex') return child.children.map((text) => (text.type === 'text' ? text.value : '')).join('');
		const found = annotationOf(child);
		if (found !== undefined) return found;
	}
	return undefined;
}

// The space before a mark that follows a word with none between: a part left out before it takes it away.
export const BEFORE_CLOSING_MARK = /^\s*(?=[.,;:!?…)\]])/;

/**
 * The text `left` and `right` of a part of a sentence a summary leaves out (a formula, an MDX expression): its
 * space goes with it, and a clause mark before one after it ("so does {x}." reads "so does.", "copies, {x}, in"
 * reads "copies, in"); one in brackets takes them with it ("the value ({x}) is"). Opening its paragraph
 * (`left` empty: "{x}, said") or ending it (`right` empty: "copies, {x}"), it leaves no mark without a clause.
 */
export function joinAroundLeftOut(left: string, right: string): string {
	if (left === '') return right.replace(/^\s*[.,;:]?\s*/, '');
	if (right === '') return left.trimEnd().replace(/[,;:]$/, '');
	if (/[([]\s*$/.test(left) && /^\s*[)\]]/.test(right)) return joinAroundLeftOut(left.replace(/\s*[([]\s*$/, ''), right.replace(/^\s*[)\]]/, ''));
	if (!BEFORE_CLOSING_MARK.test(right)) return `${left}${right}`;
	return `${left.trimEnd().replace(/[,;:]$/, '')}${right.trimStart()}`;
}

function skipped(node: Element): boolean {
	const { properties } = node;
	return (
		SKIPPED.has(node.tagName) ||
		properties.dataFootnoteRef !== undefined ||
		properties.ariaHidden === 'true' ||
		(node.tagName === 'sup' && node.children.some((child) => child.type === 'element' && child.properties.dataFootnoteRef !== undefined))
	);
}

const SKIPPED = new Set(['script', 'style', 'template', 'svg', 'button', 'figcaption']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function shortened(text: string): string | undefined {
	if (text === '') return undefined;
	if (text.length <= SUMMARY_LENGTH) return text;
	let cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
	// A text without spaces (Chinese, Japanese) is cut at the length, between two characters.
	if (cut <= SUMMARY_LENGTH / 2) cut = /[\uD800-\uDBFF]/.test(text[SUMMARY_LENGTH - 1] ?? '') ? SUMMARY_LENGTH - 1 : SUMMARY_LENGTH;
	return `${text.slice(0, cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
