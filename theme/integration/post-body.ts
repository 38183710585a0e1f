import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { readLogseqBody } from '../markdown/logseq.ts';
import { admonitionsAsCallouts, mdxAdmonitionsAsCallouts, hexoNotesAsCallouts, hugoBoxesAsCallouts, mdcBlocksAsCallouts, pythonAdmonitionsAsCallouts, pythonTabsAsSections, isShokaPost, shokaCollapsesAsCallouts, shokaTabsAsSections, teraAdmonitionsAsCallouts, unknownTagsInCalloutTitlesAsText, withoutEncryptedBlocks, zolaAdmonitionsAsCallouts } from '../markdown/admonitions.ts';
import { withoutHugoEncrypt } from '../markdown/hugo-encrypt.ts';
import { keepBracesInHeadings } from '../markdown/heading-attributes.ts';
import { readKramdownAttributes, withoutKramdownMarkers } from '../markdown/kramdown-attributes.ts';
import { kramdownDefinitionTitles } from '../markdown/kramdown-definitions.ts';
import { readKramdownExtensions, type KramdownExtensions } from '../markdown/kramdown-extensions.ts';
import { inlineReferenceImages, readDefinitionAttributes } from '../markdown/reference-images.ts';
import { ghostLinks, pelicanLinks } from '../markdown/pelican-links.ts';
import { createTranslator, type UIStrings } from '../i18n/index.ts';
import { resolvePostLinks, type MovedLink } from '../markdown/post-links.ts';
import { EMBEDDED_IMAGE, expandShortcodes, withoutBlogdownPostref, zolaAdmonitionTypeReason, type PostReference } from '../markdown/shortcodes.ts';
import { withoutTocPlaceholders } from '../markdown/toc-placeholder.ts';
import { rawImagesBesidePost } from '../markdown/raw-images.ts';
import { lazyImageSources } from '../markdown/lazy-images.ts';
import { emptyImagesAsText, scriptImagesAsText, scriptLinksIn } from '../markdown/script-links.ts';
import { markdownInHtml } from '../markdown/markdown-in-html.ts';
import { isFromHashnode, readHashnodeMarkdown } from '../markdown/hashnode.ts';
import { readZennEmbeds, readZennImageSizes } from '../markdown/zenn.ts';
import { inlineFootnotes } from '../markdown/inline-footnotes.ts';
import { highlightMarks, insertionsSpoilersAndRuby, subAndSuperscripts } from '../markdown/highlight-marks.ts';
import { readLatexDelimiters, type MisreadBlock } from '../markdown/math-delimiters.ts';
import { quoteAsWritten } from '../utils/describe.ts';
import { withoutImageAttributes } from '../markdown/image-attributes.ts';
import { readVitepressMarkdown } from '../markdown/vitepress.ts';
import { readDirectives } from '../markdown/directives.ts';
import { fencedLines, unclosedFence } from '../markdown/fences.ts';
import { escapedUnclosedHtmlOpeners } from '../markdown/html-openers.ts';
import { emojiShortcodes, iconsLeftOut, withoutIconShortcodes } from '../markdown/emoji-shortcodes.ts';
import { readWordpressShortcodes } from '../markdown/wordpress.ts';
import { readSubstackComponents } from '../markdown/substack.ts';
import { wordpressCodeBlocks } from '../markdown/wordpress-code.ts';
import { kramdownTables, pandocTables, unindentedTableRows } from '../markdown/tables.ts';
import { tableCaptions } from '../markdown/table-captions.ts';
import { lineBlocks } from '../markdown/line-blocks.ts';
import { unspacedDefinitions } from '../markdown/definition-lists.ts';
import { unspacedHeadings } from '../markdown/atx-headings.ts';
import { indentedHtmlInBlocks, preInHtmlBlocks, spacedRawEndTags, withoutScopedStyles } from '../markdown/html-blocks.ts';
import { diagramBlocksAsFences, diagramsIn } from '../markdown/diagrams.ts';
import { readPandocFences, type PandocNote } from '../markdown/pandoc-fences.ts';
import { citationsIn } from '../markdown/pandoc-citations.ts';
import { readFancyLists } from '../markdown/pandoc-lists.ts';
import { readMarkdocTags } from '../markdown/markdoc.ts';
import { linksToFiles, type Refusal } from '../markdown/file-links.ts';
import { videoImagesAsLinks } from '../markdown/video-images.ts';
import { frameworkComponents } from '../markdown/components.ts';
import { readJsxAttributes } from '../markdown/jsx-attributes.ts';
import { digest } from '../utils/digest.ts';
import type { ParsedSource } from '../utils/front-matter.ts';
import { isKramdownPost, isPandocPost } from './post-dialects.ts';
import { isFile } from '../utils/file-paths.ts';
import { hasPostExtension } from '../utils/post-files.ts';
import { bundleIndex, fileStem } from '../utils/slugs.ts';
import { findAttachment, listAttachments } from './attachments.ts';
import { withoutImageQueries } from './image-queries.ts';
import { withKeystaticBodyImages } from './keystatic-images.ts';
import type { PostFileContext } from './post-file.ts';

/** A body made Carnet's, and what it takes from other files. */
export interface BodyDialects {
	body: string;
	references: PostReference[];
	filesLookedUp?: Record<string, string | false> | undefined;
	/** The files beside the post that its links name, to publish under its address (markdown/file-links.ts). */
	files: PublishedFile[];
	/** Where each line of `body` was written (1 = the body's first), when shortcodes gave it more lines. */
	lines?: number[] | undefined;
}

/**
 * A file beside a post that the build publishes: `target` is the links' destination as written, `path`
 * where it goes under the post's address, and `placeholder` what the links hold until that address is known.
 */
export interface PublishedFile {
	target: string;
	path: string;
	placeholder: string;
}

/**
 * A Markdown body as other engines write it, made Carnet's, each line on its line: admonitions (Docusaurus's
 * `:::tip`, Python-Markdown's `!!! note`, Hexo NexT's `{% note %}`, Hugo's `details` and its themes' `notice`,
 * `admonition`, `alert`, `hint` and `callout` shortcodes) become callouts, kramdown's attribute
 * lists are read or left out, Hugo shortcodes, Liquid tags and Obsidian wikilinks are expanded, and Markdown
 * links to other post files become those posts' addresses. What is
 * left out or shown as written is reported with its line. MDX bodies are compiled by @astrojs/mdx from the
 * file itself, which reads `{{<` and `{%` as its own syntax: they are left alone.
 */
export function readBodyDialects(
	original: string,
	source: ParsedSource,
	context: PostFileContext,
): BodyDialects {
	// Where a line of the body (1 = its first) is in the file, as warnings name it.
	const at = (line: number) => `${context.displayPath}:${source.bodyLine + line - 1}`;
	// First, so that no pass reads what a password was to keep, nor warns about it.
	const encrypted = withoutEncryptedBlocks(original);
	for (const { line, text, unclosed } of encrypted.removed) {
		// An unclosed block runs to the end of what holds it, as remark-directive (astro-koharu's reader) reads it.
		const extent = unclosed === undefined ? 'is left out up to its closing :::' : `has no closing ::: line, so it is left out up to the end of ${unclosed === 'post' ? 'the post' : `its ${unclosed}`}`;
		context.warn(
			`${at(line)}: the ${text} block, meant for readers who know its password, ${extent}. Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included. ` +
				(unclosed === undefined ? `To publish the block, remove its ${text} and ::: lines.` : `Close it with a ::: line where it ends, or remove its ${text} line to publish it.`),
		);
	}
	const hugoEncrypted = withoutHugoEncrypt(encrypted.body);
	for (const { line, opening, closing, unclosed, unread, inCode } of hugoEncrypted.removed) {
		const why = 'Carnet does not encrypt posts, and a static site publishes each post to everyone, feeds and search included.';
		if (inCode) {
			context.warn(
				`${at(inCode.closingLine)}: ${closing} closes the ${opening} shortcode in the code at line ${source.bodyLine + line - 1}, as Hugo reads shortcodes in code too: the text after that code, meant for readers who know its password, is left out up to this tag. ${why} ` +
					`To show the opening tag as an example, write it as {{</* hugo-encrypt */>}}; to publish the text, remove this ${closing}.`,
			);
			continue;
		}
		// The tag is named without its arguments, which hold the password.
		const extent = unclosed ? `has no ${closing}, so it is left out up to the end of the post` : `is left out up to its ${closing}`;
		context.warn(
			unread
				? `${at(line)}: the ${opening} shortcode's opening tag could not be read up to its ${opening.slice(-3)} (a quote left open, or another shortcode before it), so the text after it, meant for readers who know its password, ${extent}. ${why} ` +
						`Write the tag as ${opening.slice(0, -3)}"password" ${opening.slice(-3)}, or remove it${unclosed ? '' : ` and its ${closing}`} to publish the text.`
				: `${at(line)}: the text of the ${opening} shortcode, meant for readers who know its password, ${extent}. ${why} ` +
						(unclosed ? `Close it with ${closing} where it ends, or remove its ${opening} to publish it.` : `To publish the text, remove its ${opening} and ${closing}.`),
		);
	}
	const mdx = context.displayPath.toLowerCase().endsWith('.mdx');
	// Before any pass parses the body: a paragraph of unclosed `<!--` made each parse quadratic. A diagram
	// block of jekyll-spaceship's (`@startuml` … `@enduml`) is code first, so that no pass reads its arrows as prose.
	// Pandoc's raw HTML is HTML from the start, so that every pass reads it as the author's HTML.
	// Before the other passes, so that none reads a comment kramdown leaves out, nor warns about it.
	const kramdown = mdx ? { body: hugoEncrypted.body, options: [], unclosed: [] } : readKramdownExtensions(hugoEncrypted.body);
	warnKramdownExtensions(kramdown, context, at, source.bodyLine);
	const pandoc = mdx ? { body: kramdown.body, notes: [] } : readPandocFences(diagramBlocksAsFences(kramdown.body));
	const written = mdx ? kramdown.body : escapedUnclosedHtmlOpeners(pandoc.body);
	// The same reason again and again (a notebook of echo=FALSE chunks) is one warning, with its other lines.
	const pandocNotes = new Map<string, PandocNote & { more: number[] }>();
	for (const note of pandoc.notes) {
		const told = pandocNotes.get(note.reason);
		if (told) told.more.push(note.line);
		else pandocNotes.set(note.reason, { ...note, more: [] });
	}
	for (const { line, text, reason, fix, more } of pandocNotes.values()) {
		const also = more.length === 0 ? '' : ` (and ${more.length} more, ${onLines(more, source.bodyLine)})`;
		context.warn(`${at(line)}: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}${also} is shown as code: ${reason}. ${fix}`);
	}
	// Read before the passes: a lone `| line` is Pandoc's line block, and `~x~` a subscript, only in a post written for Pandoc.
	const pandocWritten = isPandocPost(source, written);
	const [citation, ...moreCitations] = citationsIn(written, { pandoc: pandocWritten });
	if (citation) {
		const also = moreCitations.length === 0 ? '' : ` (and ${moreCitations.length} more, ${onLines([...new Set(moreCitations.map(({ line }) => line))], source.bodyLine)})`;
		context.warn(
			`${at(citation.line)}: ${citation.text.length > 80 ? `${citation.text.slice(0, 80)}…` : citation.text}${also} ${moreCitations.length === 0 ? 'is' : 'are'} shown as written: Pandoc and Quarto fill in citations and cross-references from a bibliography and the post's numbered figures, tables and sections, which Carnet does not read. ` +
				'Write each reference out (the author and year, "Table 1"), or render the post with Pandoc or Quarto first and publish the Markdown it writes.',
		);
	}
	// Each link that runs script is told once, by its line as written: those the shortcodes make are read after
	// them. A link told before is found again by its line, or else by its address: a shortcode that gives its
	// line more lines than it was written on must not make it a second warning.
	const scriptLinksTold = new Set<string>();
	// How many warnings were told for each image or link and its address.
	const toldPerAddress = new Map<string, number>();
	const warnScriptLinks = (found: ReturnType<typeof scriptLinksIn>, lineAsWritten: (line: number) => number) => {
		const links = found.map((link) => ({ ...link, line: lineAsWritten(link.line), kind: `${link.image}\n${link.address}` }));
		// The warnings told before whose links are not found again on their lines.
		const elsewhere = new Map(toldPerAddress);
		for (const { line, kind } of new Map(links.map((link) => [`${link.line}\n${link.kind}`, link])).values()) {
			if (scriptLinksTold.has(`${line}\n${kind}`)) elsewhere.set(kind, (elsewhere.get(kind) ?? 0) - 1);
		}
		for (const { line, kind, image, address } of links) {
			if (scriptLinksTold.has(`${line}\n${kind}`)) continue;
			const unmatched = elsewhere.get(kind) ?? 0;
			if (unmatched > 0) {
				elsewhere.set(kind, unmatched - 1);
				continue;
			}
			scriptLinksTold.add(`${line}\n${kind}`);
			toldPerAddress.set(kind, (toldPerAddress.get(kind) ?? 0) + 1);
			const shown = JSON.stringify(address.length > 60 ? `${address.slice(0, 60)}…` : address);
			context.warn(
				image
					? `${at(line)}: the image of ${shown} is shown ${mdx ? 'without its source, an empty image' : 'as its alt text, without the image'}: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.`
					: `${at(line)}: the link to ${shown} is shown as its text, without the link: ` +
							'an address that runs script when clicked (javascript:, vbscript:, data:) would run it on your site. Link to a page instead.',
			);
		}
	};
	warnScriptLinks(scriptLinksIn(written), (line) => line);
	const [diagram, ...moreDiagrams] = diagramsIn(written);
	if (diagram) {
		const what = moreDiagrams.length === 0 ? `the ${diagram.language} diagram is` : `the ${diagram.language} diagram and ${moreDiagrams.length} more (${moreDiagrams.map(({ line }) => `line ${source.bodyLine + line - 1}`).join(', ')}) are`;
		context.warn(
			`${at(diagram.line)}: ${what} shown as source code: Carnet draws no diagrams, as that takes a script in the reader's browser. ` +
				'To show the drawing, export it as an SVG (for Mermaid: mmdc from @mermaid-js/mermaid-cli) and add it beside the post as ![what it shows](./diagram.svg).',
		);
	}
	if (mdx) {
		// @astrojs/mdx compiles the file, its admonitions made callouts as it is loaded (integration/vite-plugin-mdx-text.ts).
		const unknown = context.config.callouts === false ? [] : mdxAdmonitionsAsCallouts(written).unknown;
		for (const { line, text, reason, advice } of unknown) context.warn(`${at(line)}: ${text} is shown as written: ${reason}. ${advice ?? 'Write a callout (> [!NOTE]) instead.'}`);
		// Its lazy images with their own addresses, as the page shows them: what is checked against public/.
		return { body: lazyImageSources(written, { mdx: true }), references: [], files: [] };
	}
	const logseq = source.format === 'logseq' ? readLogseqBody(written) : { body: written, unread: [] };
	const [macro, ...moreMacros] = logseq.unread;
	if (macro) {
		const more = moreMacros.length > 0 ? `, and ${moreMacros.length} more Logseq ${moreMacros.length === 1 ? 'macro or block reference' : 'macros and block references'} (${onLines(moreMacros.map(({ line }) => line), source.bodyLine)}), are` : ' is';
		context.warn(
			`${at(macro.line)}: ${macro.text}${more} shown as written: Logseq fills ${moreMacros.length > 0 ? 'them' : 'it'} in from the rest of the graph, which Carnet does not read. Write the text or the link ${moreMacros.length > 0 ? 'each stands' : 'it stands'} for instead.`,
		);
	}
	// First, so that no other pass reads its code as prose (`==` as a highlight, `:x:` as an emoji).
	const wordpressCode = wordpressCodeBlocks(logseq.body);
	for (const { line, text, reason } of wordpressCode.unread) context.warn(`${at(line)}: ${text} is shown as written: ${reason}.`);
	// Without callouts, `> [!TIP]` would show its marker: the admonition is better left as written. A
	// `<pre>` in an HTML block is kept whole before any pass reads its code after a blank line as prose.
	const spaced = spacedRawEndTags(wordpressCode.body);
	const [firstSpaced, ...moreSpaced] = spaced.lines;
	if (firstSpaced !== undefined) {
		const more = moreSpaced.length > 0 ? `, and ${moreSpaced.length} more (${onLines(moreSpaced.map(({ line }) => line), source.bodyLine)}), are` : ' is';
		context.warn(
			`${at(firstSpaced.line)}: ${firstSpaced.tag}${more} read without the white space before the >: browsers read the two alike, but Markdown ends a <pre>, <script>, <style> or <textarea> block only at its end tag written without it, and would show the rest of the post as written. Remove the space.`,
		);
	}
	const empty = emptyImagesAsText(scriptImagesAsText(preInHtmlBlocks(spaced.body)));
	if (empty.lines.length > 0) {
		const [first, ...more] = empty.lines;
		context.warn(
			`${at(first as number)}: an image with no address (![…]() or ![…](#))${more.length > 0 ? `, and ${more.length} more (${onLines(more, source.bodyLine)}),` : ''} is shown as its alt text: a page would show a broken image. Give the image's file, or remove it.`,
		);
	}
	// Read before its blocks are rewritten: only a post written for Shoka has its inline marks read.
	const shoka = isShokaPost(empty.body);
	const tabbed = shokaTabsAsSections(pythonTabsAsSections(readMarkdocTags(gravNotices(gravSummaryDivider(empty.body, context.displayPath), context.displayPath, context.config.callouts !== false), (line, address) => warnScriptLinks([{ line, address, image: true }], (at) => at))));
	// What a block of details with no title of its own (VitePress's `::: details`, Hugo's `details`, Learn's `expand`) is titled.
	const detailsTitle = context.config.callouts === false ? '' : detailsLabel(context.config.locale, context.config.strings as Partial<UIStrings> | undefined);
	// Zenn's CLI writes topics and an emoji (or a publication's name) in each post.
	const zennPost = 'topics' in source.data && ('emoji' in source.data || 'publication_name' in source.data);
	const directives = context.config.callouts === false ? { body: tabbed, unknown: [] } : admonitionsAsCallouts(tabbed, detailsTitle, { titlesAsText: zennPost });
	const zola = context.config.callouts === false ? { body: directives.body, unknownTypes: [] } : zolaAdmonitionsAsCallouts(directives.body);
	for (const { line, text, type } of zola.unknownTypes) context.warn(`${at(line)}: ${text} is shown as a note: ${zolaAdmonitionTypeReason(type)}.`);
	const python = context.config.callouts === false ? { body: directives.body, unknown: [] } : pythonAdmonitionsAsCallouts(shokaCollapsesAsCallouts(hexoNotesAsCallouts(hugoBoxesAsCallouts(teraAdmonitionsAsCallouts(zola.body), detailsTitle))));
	// After the admonitions: a `:::note` nested in a Nuxt Content `::callout` is a callout in the callout.
	const mdc = mdcBlocksAsCallouts(python.body, context.config.callouts !== false);
	const admonitions = { body: context.config.callouts === false ? mdc.body : unknownTagsInCalloutTitlesAsText(mdc.body), unknown: [...directives.unknown, ...python.unknown].sort((a, b) => a.line - b.line) };
	for (const { line, text, reason, advice } of admonitions.unknown) {
		context.warn(`${at(line)}: ${text} is shown as written: ${reason}. ${advice ?? 'Write a callout (> [!NOTE]) instead.'}`);
	}
	const markers = withoutKramdownMarkers(admonitions.body);
	const [abbreviation, ...moreAbbreviations] = markers.abbreviations;
	if (abbreviation) {
		context.warn(
			`${at(abbreviation.line)}: ${abbreviation.text}${moreAbbreviations.length > 0 ? ` and ${moreAbbreviations.length} other abbreviation ${moreAbbreviations.length === 1 ? 'definition' : 'definitions'}` : ', a kramdown abbreviation definition,'} ${moreAbbreviations.length > 0 ? 'are' : 'is'} left out: kramdown shows none, and Carnet does not mark the abbreviations in the text. Write <abbr title="…">…</abbr> where it matters.`,
		);
	}
	// Only kramdown reads a title to the last quote on its line: in another engine's post, Markdown's reading is the author's.
	const titles = isKramdownPost(context.displayPath, source.data) ? kramdownDefinitionTitles(markers.body) : { body: markers.body, rewritten: [] };
	const [titled, ...moreTitled] = titles.rewritten;
	if (titled) {
		const what =
			moreTitled.length === 0
				? `the reference definition [${titled.label}] has a title that holds the quote marking its ends`
				: `the reference definition [${titled.label}] and ${moreTitled.length} more (${onLines(moreTitled.map(({ line }) => line), source.bodyLine)}) have titles that hold the quote marking their ends`;
		context.warn(
			`${at(titled.line)}: ${what}, where Markdown would end the title and read no definition, showing the line and the definitions under it as text: ${moreTitled.length === 0 ? 'the title is' : 'each title is'} read as kramdown reads it, to the last quote on its line. ` +
				'Write \\" for each quote inside a title to keep this warning away.',
		);
	}
	const attributes = readKramdownAttributes(titles.body, context.config.callouts !== false);
	const [first, ...others] = attributes.removed.map(({ line, text }) => ({ line: source.bodyLine + line - 1, text }));
	if (first) {
		const what =
			others.length === 0
				? `${first.text}, a kramdown attribute list, is left out: Carnet does not apply its classes and attributes.`
				: `${first.text} and ${others.length} other kramdown attribute ${others.length === 1 ? 'list' : 'lists'} (lines ${[first, ...others].map(({ line }) => line).join(', ')}) are left out: Carnet does not apply their classes and attributes.`;
		context.warn(`${context.displayPath}:${first.line}: ${what}`);
	}
	for (const { line, title } of attributes.contents) {
		const what =
			title === undefined
				? "kramdown's table of contents (a list line above {:toc}) is"
				: `kramdown's table of contents (a list line above {:toc}) and its ${JSON.stringify(title.text)} ${title.box ? '<details> box' : 'heading'} (line ${source.bodyLine + title.line - 1}) are`;
		context.warn(`${at(line)}: ${what} left out: Carnet shows a table of contents by itself from three sections on (see the post's toc field).`);
	}
	const youtubeLabel = () => context.shortcodes?.labels.youtube ?? createTranslator(context.config.locale, context.config.strings as Partial<UIStrings> | undefined)('embed.youtube');
	const zenn = readZennEmbeds(attributes.body, youtubeLabel);
	for (const { line, text, reason } of zenn.unread) context.warn(`${at(line)}: ${text} is shown as written: ${reason}.`);
	const styles = withoutScopedStyles(zenn.body);
	for (const line of styles.lines) {
		context.warn(
			`${at(line)}: the <style scoped> up to its </style> (the rules nbconvert writes for a notebook's DataFrame tables) is left out: a blank line inside it ended the HTML, and its rules would have been shown as text. Remove the blank lines to keep the style, or remove the style.`,
		);
	}
	const pandocPost = pandocWritten || citation !== undefined;
	const lists = pandocPost ? readFancyLists(styles.body) : { body: styles.body, unread: [] };
	const [fancyList, ...moreFancyLists] = lists.unread;
	if (fancyList) {
		const also = moreFancyLists.length === 0 ? '' : ` (and ${moreFancyLists.length} more, ${onLines(moreFancyLists.map(({ line }) => line), source.bodyLine)})`;
		context.warn(
			`${at(fancyList.line)}: the example list whose first item is marked ${fancyList.marker}${also} is shown as written, as lines of text: Pandoc numbers examples ((@)) on across the post, which Markdown does not. ` +
				'Mark its items 1., 2., 3., or number them by hand.',
		);
	}
	// Other engines' inline syntax, as Markdown every processor reads; each pass keeps every line on its line.
	const inline: ((body: string) => string)[] = [
		...(context.config.math === false
			? []
			: [
					(body: string) =>
						readLatexDelimiters(body, (block) => context.warn(`${at(block.line)}: ${misreadBlockWarning(block)}`)),
				]),
		inlineFootnotes,
		(body) => highlightMarks(body, context.config.math !== false),
		// Before the superscripts, which would read `{漢字^かんじ}{仮名^かな}` as one.
		...(shoka ? [(body: string) => insertionsSpoilersAndRuby(body, context.config.math !== false)] : []),
		(body) => subAndSuperscripts(body, context.config.math !== false, pandocPost),
		(body) => {
			const icons = withoutIconShortcodes(body);
			if (icons.lines.length > 0) context.warn(`${at(icons.lines[0]?.line as number)}: ${iconsLeftOut(icons.lines, source.bodyLine, 'text')}`);
			return icons.body;
		},
		emojiShortcodes,
		(body) => withoutImageAttributes(body, context.config.math !== false),
		readZennImageSizes,
		(body) => readHashnodeMarkdown(body, isFromHashnode(source.data, written)),
		withoutBlogdownPostref,
		unindentedTableRows,
		(body) => kramdownTables(body, ({ line, row }) => context.warn(`${at(line)}: the table row ${row} between two separator lines, with no rows under them, is shown as a paragraph of its lines, as kramdown shows a table with a header and no body. To show a table, add its rows under the second separator line, or remove the first one to make the row a header.`), { math: context.config.math !== false }),
		unspacedDefinitions,
		pandocTables,
		tableCaptions,
		// After the tables, whose rows it leaves alone.
		(body) => lineBlocks(body, pandocPost),
		indentedHtmlInBlocks,
	];
	// After the inline passes, so that none reads the text of a post on X it writes as Markdown.
	const substack = readSubstackComponents(inline.reduce((body, pass) => pass(body), lists.body), youtubeLabel);
	for (const { line, message } of substack.notes) context.warn(`${at(line)}: ${message}.`);
	const wordpress = readWordpressShortcodes(substack.body);
	const components = readDirectives(wordpress.body);
	const vitepress = readVitepressMarkdown(components.body);
	// A Nuxt Content block shown as written opens as a leaf directive does: it is reported once.
	const mdcLines = new Set(mdc.unread.map(({ line }) => line));
	const leaves = components.unread.filter(({ line }) => !mdcLines.has(line));
	for (const { line, text, reason, leftOut } of [...mdc.unread, ...wordpress.unread, ...leaves, ...vitepress.unread].sort((a, b) => a.line - b.line)) {
		context.warn(`${at(line)}: ${text} is ${leftOut ? 'left out' : 'shown as written'}: ${reason}.`);
	}
	const framework = frameworkComponents(vitepress.body);
	for (const { line, text, reason, leftOut, wraps, more = [] } of framework.unread) {
		// A component used again: one warning, with the other lines.
		const also = more.length > 0 ? ` (and ${onLines(more, source.bodyLine)})` : '';
		if (leftOut) context.warn(`${at(line)}: ${text} is left out: ${reason}.`);
		else if (wraps) context.warn(`${at(line)}: ${text}${also} is not rendered: ${reason}. What it holds is shown as the rest of the post, without the box or the look the component gives it. Replace it with Markdown or HTML (a callout, > [!NOTE], for a box).`);
		else context.warn(`${at(line)}: ${text}${also} is not rendered: ${reason}. Replace it with Markdown or HTML.`);
	}
	const jsx = readJsxAttributes(framework.body);
	for (const { line, text, reason } of jsx.unread) context.warn(`${at(line)}: ${text} is left out: ${reason}.`);
	const toc = withoutTocPlaceholders(jsx.body);
	for (const { line, text } of toc.markers) {
		context.warn(`${at(line)}: ${text} is left out: Carnet shows a table of contents by itself from three sections on (see the post's toc field).`);
	}
	for (const line of toc.removed) {
		context.warn(
			`${at(line)}: the empty "Table of contents" heading is left out: remark-toc would fill it with a list, and Carnet shows a table of contents by itself from three sections on (see the post's toc field).`,
		);
	}
	const inHtml = markdownInHtml(toc.body);
	for (const { line, tag } of inHtml.unread) {
		context.warn(
			`${at(line)}: the Markdown inside this <${tag} markdown="1"> is shown as written: Markdown is read inside HTML only after a blank line. Leave a blank line before the tag.`,
		);
	}
	// Whether a raw <img>'s file is beside the post decides what its body becomes: the post's key says (filesLookedUp).
	const imagesLookedUp: Record<string, string | false> = {};
	// Whether `target` (as written in the body) names a file beside the post, recorded under `kind`.
	const besidePost = (kind: string, target: string) => {
		const file = fileBesidePost(context.entryFile, target);
		const found = file !== undefined && isFile(file);
		imagesLookedUp[`${kind} ${target}`] = found ? target : false;
		return found;
	};
	// Hexo's and Keystatic's bare image names (`photo.png`, in `hello/` beside `hello.md`) as paths from the
	// post, so that a raw <img> of one is published as any file beside the post; WordPress's `photo.jpg?w=600` as photo.jpg.
	const assets = mdx ? inHtml.body : withKeystaticBodyImages(withoutImageQueries(inHtml.body, context.entryFile), context.entryFile);
	const headings = keepBracesInHeadings(
		ghostLinks(pelicanLinks(assets)),
		({ line, attribute, reason }) => context.warn(`${at(line)}: the heading's attribute ${attribute} is left out: ${reason}. Remove it from the braces.`),
		context.config.math !== false,
	);
	const definitions = readDefinitionAttributes(headings, (url) => besidePost('image', url));
	for (const { line, label, attributes, reason } of definitions.leftOut) {
		const which = `the ${attributes.length === 1 ? 'attribute' : 'attributes'} ${attributes.join(' ')} of the reference definition [${label}] ${attributes.length === 1 ? 'is' : 'are'} left out`;
		const why = {
			unused: "MultiMarkdown gives a definition's width and height to the images that use it, and no image uses this one.",
			other: 'Carnet gives an image a width and a height in pixels, and no other attribute.',
			beside: 'the image is a file beside the post, which the build publishes as a Markdown image, and a Markdown image cannot carry a size. Resize the file itself to change its size.',
		}[reason];
		context.warn(`${at(line)}: ${which}: ${why}`);
	}
	const raw = rawImagesBesidePost(
		// A lazy image's own address first, so that one beside the post is published as any other.
		inlineReferenceImages(
			lazyImageSources(definitions.body, {
				onScript: (line, address, attribute) =>
					context.warn(
						`${at(line)}: the image of ${JSON.stringify(address.length > 60 ? `${address.slice(0, 60)}…` : address)} keeps its ${attribute} as written, not made its source: an address that runs script (javascript:, vbscript:) would run it on your site. Show an image file instead.`,
					),
			}),
			(url) => besidePost('image', url),
		),
		(src) => besidePost('<img>', src),
	);
	for (const { line, src, dropped } of raw.images) {
		if (!dropped) continue;
		context.warn(
			`${at(line)}: the <img> of ${JSON.stringify(src)} is shown as the Markdown image ![](${src}), so that the build publishes the file beside the post; its ${dropped.join(' and ')}, which a Markdown image cannot carry, ${dropped.length === 1 ? 'is' : 'are'} left out, and the image fits the column. ` +
				'Resize the file itself to change its size.',
		);
	}
	// An <img> that stays HTML shows the file itself, which publishedFiles() publishes beside the post's page.
	let body = raw.body;
	const references: PostReference[] = [];
	// Where each line of the body now was written, once shortcodes have given it more lines.
	let lines: number[] | undefined;
	const asWritten = (line: number) => lines?.[line - 1] ?? line;
	const embedsLookedUp: Record<string, string | false> = {};
	// The lines the shortcodes' warnings name, which a later warning need not name again.
	const toldLines = new Set<number>();
	if (context.shortcodes) {
		// Hexo's asset folder has the post's file name, without its extension.
		const assetFolder = `./${(context.displayPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '')}`;
		const postsDir = context.postsDir ?? path.dirname(context.entryFile);
		const findEmbed = (name: string) => {
			const found = findAttachment(name, context.entryFile, postsDir, context.attachments ?? (() => listAttachments(postsDir)));
			embedsLookedUp[name] = typeof found === 'string' ? found : false;
			return found;
		};
		const readCode = (name: string) => {
			const read = codeBesidePost(name, context);
			// The post's key holds what it took from the file, so that a changed file renders the post again.
			embedsLookedUp[`code ${name}`] = typeof read === 'string' ? digest(read) : false;
			return read;
		};
		const findResource = (name: string) => {
			const found = bundleResource(name, context.entryFile);
			embedsLookedUp[`resource ${name}`] = found ?? false;
			return found;
		};
		// A details box written on one line is titled as one on lines of its own.
		const detailsTitle = context.config.callouts === false ? '' : detailsLabel(context.config.locale, context.config.strings as Partial<UIStrings> | undefined);
		const result = expandShortcodes(body, context.shortcodes, { callouts: context.config.callouts !== false, math: context.config.math !== false, detailsTitle, markAsWritten: !mdx, file: context.entryFile, assetFolder, findEmbed, findResource, params: source.data, readCode, liquid: source.data.render_with_liquid !== false });
		lines = result.lines;
		for (const { line } of result.unknown) toldLines.add(line);
		// The same thing written again and again (thousands of one tag left open) is one warning, with its lines.
		const grouped = new Map<string, { line: number; text: string; reason: string; leftOut?: true | undefined; shownAs?: string | undefined; more: number[] }>();
		for (const item of result.unknown) {
			const key = `${item.leftOut ? 1 : 0}\n${item.text}\n${item.reason}`;
			const group = grouped.get(key);
			if (group) group.more.push(item.line);
			else grouped.set(key, { ...item, more: [] });
		}
		for (const { line, text, reason, leftOut, shownAs, more } of grouped.values()) {
			const also = more.length === 0 ? '' : ` (and ${more.length} more, ${onLines(more, source.bodyLine)})`;
			const where = at(line);
			if (shownAs !== undefined) {
				context.warn(`${where}: ${text}${also} is shown as ${shownAs}: ${reason}.`);
				continue;
			}
			// A reason that says what to write instead (ShortcodeResult's unknown) gives the one instruction.
			const fix = reason.includes('; ') ? '' : ' Replace it with Markdown or HTML.';
			context.warn(leftOut ? `${where}: ${text}${also} is left out: ${reason}.` : `${where}: ${text}${also} is shown as written: ${reason}.${fix}`);
		}
		// After the shortcodes, whose figures take more lines than they were written on: a link is named by
		// its line as written.
		warnScriptLinks(scriptLinksIn(result.body), asWritten);
		// An image whose address a shortcode wrote (`![x]({{< param "link" >}})`) is shown as its alt text too.
		const links = resolvePostLinks(scriptImagesAsText(result.body), context.shortcodes, context.entryFile, result.heldBackLinks);
		for (const { line, text, reason, shownAs, fix } of links.unknown) {
			const where = at(asWritten(line));
			if (shownAs !== undefined) context.warn(`${where}: the link ${text} is shown as ${shownAs}: ${reason}. Publish that post, or remove the link.`);
			else context.warn(`${where}: the link ${text} is kept as written: ${reason}. ${fix ?? "Correct the path, or link to the post's address."}`);
		}
		if (links.moved) context.warn(movedLinksWarning(links.moved, context.displayPath, asWritten, source.bodyLine));
		body = links.body;
		references.push(...result.references, ...links.references);
	}
	// After the shortcodes, whose figures and includes may show a video as an image too.
	body = videoImagesAsLinks(body, () => {
		const t = createTranslator(context.config.locale, context.config.strings as Partial<UIStrings> | undefined);
		return { youtube: t('embed.youtube'), vimeo: t('embed.vimeo'), dailymotion: t('embed.dailymotion') };
	});
	// After the shortcodes, whose code blocks are fences by then. Pelican's Python-Markdown and kramdown (Jekyll,
	// nanoc, Middleman) read `##Configuración` as a heading; a post of another engine (`##` is no hashtag) is told how to write one.
	if (!mdx) {
		const headingWithoutSpace = source.format === 'metadata' || isKramdownPost(context.displayPath, source.data);
		const unspaced = unspacedHeadings(body, headingWithoutSpace);
		body = unspaced.body;
		for (const { line, text, heading } of headingWithoutSpace ? [] : unspaced.found.filter(({ text }) => text.startsWith('##'))) {
			const hashes = /^#+/.exec(text)?.[0] ?? '';
			const quoted = (written: string) => JSON.stringify(written.length > 60 ? `${written.slice(0, 60)}…` : written);
			context.warn(`${at(asWritten(line))}: ${quoted(text)} is shown as text, not as a heading: Markdown reads a heading only with a space after its ${hashes}. Write ${quoted(heading)} to make it a heading.`);
		}
		// Nearly always a closing line forgotten, whose prose after it would be published as code without a word.
		const fence = unclosedFence(body, { math: context.config.math !== false });
		if (fence && !toldLines.has(asWritten(fence.line))) {
			const marker = /^[`~]+/.exec(fence.text)?.[0] ?? '```';
			// A run of thousands of backticks is named by its length, not written out in the log.
			const shown = fence.text.length > 80 ? `${fence.text.slice(0, 40)}… (${fence.text.length} characters)` : fence.text;
			const closing = marker.length > 10 ? `${marker.length} ${marker[0]} or more` : marker;
			context.warn(`${at(asWritten(fence.line))}: ${shown} opens a code block here and nothing closes it, so everything after it, to the end of the post, is shown as code. Close it with ${closing} on a line of its own where the code should end.`);
		}
	}
	// Last, so that a file linked only in a comment, which the shortcodes leave out, is not published.
	const files = publishedFiles(body, context, (line) => at(asWritten(line)), besidePost);
	const filesLookedUp = { ...imagesLookedUp, ...embedsLookedUp };
	return { body: files.body, references, filesLookedUp: Object.keys(filesLookedUp).length > 0 ? filesLookedUp : undefined, files: files.files, ...(lines ? { lines } : {}) };
}

/** Tells of kramdown's options left out, and of its extensions shown as written as nothing closes them. */
function warnKramdownExtensions({ options, unclosed }: KramdownExtensions, context: PostFileContext, at: (line: number) => string, bodyLine: number): void {
	const [first, ...more] = options;
	if (first) {
		const also = more.length === 0 ? ", kramdown's options for its parser, is" : ` and ${more.length} more of kramdown's options for its parser (${onLines(more.map(({ line }) => line), bodyLine)}) are`;
		context.warn(`${at(first.line)}: ${first.text}${also} left out: Carnet reads the post as CommonMark, which kramdown's options do not change. Remove ${more.length === 0 ? 'it' : 'them'} to keep this warning away.`);
	}
	// The same opening left open again and again is one warning, with its other lines.
	const told = new Map<string, { line: number; text: string; span: boolean; more: number[] }>();
	for (const extension of unclosed) {
		const key = `${extension.span}\n${extension.text}`;
		const group = told.get(key);
		if (group) group.more.push(extension.line);
		else told.set(key, { ...extension, more: [] });
	}
	for (const { line, text, span, more } of told.values()) {
		const name = /^\{::(\w+)/.exec(text)?.[1] ?? 'comment';
		const also = more.length === 0 ? '' : ` (and ${more.length} more, ${onLines(more, bodyLine)})`;
		const fix = span
			? `Close it on its line with {:/${name}}, or write it on lines of its own: ${text} alone on its line, then {:/${name}} alone on another`
			: `Close it with {:/${name}} alone on a line where it ends`;
		context.warn(`${at(line)}: ${text}${also} is shown as written, with what follows it: nothing closes this kramdown extension${span ? ' on its line' : ''}, and kramdown shows it so too. ${fix}.`);
	}
}

/** What a post is told of a `$$` block with text after its closing `$$` that is not shown as written (readLatexDelimiters()). */
function misreadBlockWarning({ shown, comments, opening }: MisreadBlock): string {
	if (opening) {
		const left = comments === undefined ? '' : `, without its TeX ${comments.length === 1 ? 'comment' : 'comments'} ${comments.map(quoteAsWritten).join(', ')}, which would hide the closing $$`;
		return `the $$ formula opened here has its TeX on its opening line, $$ alone on the next and text right after, too few lines to keep its own, so it is written on one line${left}. Put the TeX on a line of its own between the $$ lines, with a blank line before the opening $$ or after the closing one.`;
	}
	const opened = 'the $$ formula opened here has text right after its closing $$';
	if (shown === 'unclosed') {
		return `${opened}, and its lines cannot be joined to close it there (a line of it ends with \\, whose line break is TeX's), so it runs to the end of the post (or of its quote), which is lost from the page and feeds. Put each $$ on a line of its own, with a blank line after the closing one.`;
	}
	const how = 'too few lines to keep its own, so it is written on one line';
	const left = comments === undefined ? '' : `, without its TeX ${comments.length === 1 ? 'comment' : 'comments'} ${comments.map(quoteAsWritten).join(', ')}, which would hide the rest of the line`;
	return `${opened} and ${how}${left}. Put each $$ on a line of its own, with a blank line before the opening one and after the closing one.`;
}

/** "Details" in the site's language, for a details block without a title; one translator per language and strings. */
export function detailsLabel(locale: string, strings: Partial<UIStrings> | undefined): string {
	const key = `${locale}\n${JSON.stringify(strings ?? {})}`;
	let label = detailsLabels.get(key);
	if (label === undefined) {
		label = createTranslator(locale, strings)('callout.details');
		detailsLabels.set(key, label);
	}
	return label;
}

const detailsLabels = new Map<string, string>();

/**
 * The absolute path of the file that `target`, a destination as written in a body (percent-encoded, maybe
 * with a query or fragment), names from the post file `entryFile`'s folder; undefined for a malformed escape
 * (`%E9` alone), which names no file.
 */
export function fileBesidePost(entryFile: string, target: string): string | undefined {
	try {
		return path.resolve(path.dirname(entryFile), decodeURI(target.split(/[?#]/)[0] as string));
	} catch {
		return undefined;
	}
}

/** The largest file a Go blog's `{{code}}` shows. */
const CODE_FILE_BYTES = 1_000_000;

/**
 * The text of `name`, a file a Go blog's `{{code "name"}}` shows, from the post's folder, or why it is not
 * read: it is not there, too large, or outside the project or hidden once its symbolic links are followed,
 * as a linked file is refused (followedOutside).
 */
function codeBesidePost(name: string, context: PostFileContext): string | { reason: string } {
	const file = path.resolve(path.dirname(context.entryFile), name);
	const shown = path.relative(context.root, file).split(path.sep).join('/');
	if (shown.startsWith('../') || path.isAbsolute(shown)) return { reason: `the file it shows, ${shown}, is outside the project, and Carnet reads only the project's files` };
	if (!isFile(file)) return { reason: `the file it shows, ${shown}, is not there` };
	const refused = followedOutside(file, context.entryFile, context.root);
	if (refused) return { reason: `the file it shows, ${shown}, is not read: ${refused.problem}` };
	if (statSync(file).size > CODE_FILE_BYTES) return { reason: `the file it shows, ${shown}, is larger than 1 MB` };
	return readFileSync(file, 'utf8');
}

/**
 * The file of a page bundle (the folder of an `index.md` or `_index.md`) whose name starts with `name`, as
 * Hugo's `Resources.GetMatch "name*"` finds it for Docsy's imgproc shortcode: an image first, then by
 * name. Undefined for a post that is no bundle, which has no resources in Hugo.
 */
function bundleResource(name: string, entryFile: string): string | undefined {
	const stem = fileStem(path.basename(entryFile));
	if ((stem !== '_index' && bundleIndex(stem) === undefined) || name === '' || /[\\/]/.test(name)) return undefined;
	let names: string[];
	try {
		names = readdirSync(path.dirname(entryFile), { withFileTypes: true })
			.filter((entry) => entry.isFile() && entry.name.startsWith(name) && !hasPostExtension(entry.name))
			.map((entry) => entry.name);
	} catch {
		return undefined;
	}
	const image = (file: string) => (EMBEDDED_IMAGE.test(file) ? 0 : 1);
	return names.sort((a, b) => image(a) - image(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

/**
 * The one line that tells a post of its links to other posts by the addresses another engine gave them,
 * each with its lines and the address it now leads to: a migrated blog has hundreds, and each post gets one
 * line rather than one per link.
 */
function movedLinksWarning(moved: readonly MovedLink[], displayPath: string, asWritten: (line: number) => number, bodyLine: number): string {
	const byAddress = new Map<string, { url: string; lines: number[] }>();
	// The HTML links of a run of lines are read before its Markdown links.
	const sorted = [...moved].sort((a, b) => a.line - b.line);
	for (const { address, url, line } of sorted) {
		const entry = byAddress.get(address) ?? { url, lines: [] };
		if (!entry.lines.includes(asWritten(line))) entry.lines.push(asWritten(line));
		byAddress.set(address, entry);
	}
	const listed = [...byAddress].slice(0, 10).map(([address, { url, lines }]) => `${address} (${onLines(lines, bodyLine)}) → ${url}`);
	const more = byAddress.size > 10 ? `; and ${byAddress.size - 10} more` : '';
	const [first] = sorted;
	const example = first === undefined ? 'other-post.md' : path.posix.basename(first.file);
	const count = moved.length === 1 ? 'a link names a post' : `${moved.length} links name posts`;
	return (
		`${displayPath}: ${count} by the address another engine gave ${moved.length === 1 ? 'it' : 'them'}, which this site does not have, so ${moved.length === 1 ? "it leads to the post's address" : "they lead to the posts' addresses"} here: ${listed.join('; ')}${more}. ` +
		`Link to the post's file instead (e.g. [text](${example})), or set the permalinks option to the old engine's pattern.`
	);
}

/** `on lines 23, 39` of the file, for lines of a body (1 = its first) that opens on `bodyLine`; ten at most. */
function onLines(lines: readonly number[], bodyLine: number): string {
	const shown = lines.slice(0, 10).map((line) => bodyLine + line - 1);
	return `on ${lines.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}${lines.length > 10 ? '…' : ''}`;
}

/** Every file under `publicDir`, as `/`-led paths from it. */
function publicFiles(publicDir: string): string[] {
	try {
		return readdirSync(publicDir, { recursive: true, encoding: 'utf8' }).map((file) => `/${file.split(path.sep).join('/')}`);
	} catch {
		return [];
	}
}

function safeDecode(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}

/**
 * `body` with its links to files beside the post holding placeholders for their published addresses
 * (markdown/file-links.ts), and those files; each link to a file that is not published is warned about,
 * where `at` says a line of `body` was written (shortcodes may have moved it).
 */
function publishedFiles(
	body: string,
	context: PostFileContext,
	at: (line: number) => string,
	besidePost: (kind: string, target: string) => boolean,
): { body: string; files: PublishedFile[] } {
	const links = linksToFiles(
		body,
		(file) => besidePost('link', file),
		(file) => followedOutside(path.resolve(path.dirname(context.entryFile), file), context.entryFile, context.root),
	);
	if (links.unread) {
		context.warn(
			`${at(1)}: the links of this post to files beside it are left as written, and the files are not published: the body is too large or too deeply nested for its links to be read. ` +
				"Split the post, or move the files to public/ and link to them from the site's root (/files/…).",
		);
	}
	const files: PublishedFile[] = [];
	for (const { line, target, image, published } of links.files) {
		if ('path' in published) {
			files.push({ target, path: published.path, placeholder: published.placeholder });
			continue;
		}
		context.warn(
			`${at(line)}: the ${image ? 'image' : 'link'} ${JSON.stringify(target)} names a file that the build does not publish: ${published.problem}${image ? '. It is shown as a link to the file' : ''}; the link would lead nowhere. ` +
				`${published.fix}, or move it to public/ and link to it from the site's root (/files/…).`,
		);
	}
	// A file public/ has under the post's name may be where the link leads once published (public/posts/x/a.pdf
	// for posts/x.md or posts/x/index.md, at /posts/x/).
	const published = links.missing.length > 0 ? publicFiles(context.publicDir) : [];
	const stem = path.basename(context.entryFile).replace(/\.[^.]+$/, '');
	const postName = /^(?:index|_index)$/i.test(stem) ? path.basename(path.dirname(context.entryFile)) : stem;
	for (const { line, target, media } of links.missing) {
		const written = `/${postName}/${target.split(/[?#]/)[0]?.replace(/^(?:\.\/)+/, '') ?? ''}`;
		if (published.some((file) => file.endsWith(written) || file.endsWith(safeDecode(written)))) continue;
		const file = fileBesidePost(context.entryFile, target);
		context.warn(
			`${at(line)}: ${media ? `the file ${JSON.stringify(target)} shows nothing` : `the link ${JSON.stringify(target)} leads nowhere`}: no file is beside the post at that path${file ? ` (looked for ${path.relative(context.root, file).split(path.sep).join('/')})` : ''}. ` +
				"Put the file there, fix the link's path, or move the file to public/ and link to it from the site's root (/files/…).",
		);
	}
	return { body: links.body, files };
}

/**
 * Why a file beside a post, which a link publishes, must not be once its symbolic links are followed: it is
 * outside the project and the post's folder (`notes.txt` → `/etc/passwd`, `~/.ssh/id_rsa`), or hidden
 * (`.git/config`, `.env`). A link publishes the file it reads, and the build machine's other files are not
 * the blog's. A posts folder that is itself a link (to content kept elsewhere) publishes its own files.
 */
function followedOutside(file: string, postFile: string, root: string): Refusal | undefined {
	let real: string;
	let homes: string[];
	try {
		real = realpathSync(file);
		homes = [realpathSync(root), realpathSync(path.dirname(postFile))];
	} catch {
		return { problem: 'the file cannot be read', fix: 'Check that the file exists and can be read' };
	}
	const within = homes.map((home) => path.relative(home, real)).find((relative) => !relative.startsWith('..') && !path.isAbsolute(relative));
	if (within === undefined) {
		return { problem: 'it is a symbolic link to a file outside the project, which the build does not publish', fix: "Copy the file itself into the post's folder" };
	}
	if (within.split(path.sep).some((segment) => segment.startsWith('.'))) {
		return { problem: 'it is a symbolic link to a hidden file, which the build does not publish', fix: "Copy the file itself into the post's folder" };
	}
	return undefined;
}

// Grav's markdown-notices plugin: `!` a yellow notice, `!!` red, `!!!` blue, `!!!!` green.
const GRAV_NOTICE = /^(!{1,4})[ \t]+(\S.*)$/;
const GRAV_NOTICE_KINDS = ['WARNING', 'CAUTION', 'NOTE', 'TIP'] as const;

/**
 * Grav's notices, lines starting with one to four `!` (its markdown-notices plugin, on by default), as
 * callouts in a blog item (`item.md`): consecutive lines of the same kind are one notice, titled by its first
 * line, each line in its place; notices of several kinds with no line between are left as written. Code is
 * left alone, and nothing changes without callouts.
 */
function gravNotices(body: string, displayPath: string, callouts: boolean): string {
	if (!callouts || !bundleIndex(fileStem(path.basename(displayPath)))?.grav || !/^!{1,4}[ \t]+\S/m.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const notices = lines.map((line, index) => (fenced[index] ? undefined : GRAV_NOTICE.exec(line.replace(/\r$/, ''))));
	for (let first = 0; first < lines.length; first++) {
		if (!notices[first]) continue;
		let last = first;
		while (notices[last + 1]) last++;
		const kinds = new Set(notices.slice(first, last + 1).map((notice) => (notice?.[1] as string).length));
		// Notices of several kinds with no line between would make one quote: they are left as written.
		if (kinds.size === 1) {
			const kind = GRAV_NOTICE_KINDS[[...kinds][0] as number - 1] as string;
			// The first line is the callout's title: a blank line above could belong to the block before it (an
			// HTML block over several lines would take a marker put there in).
			for (let index = first; index <= last; index++) lines[index] = `> ${index === first ? `[!${kind}] ` : ''}${notices[index]?.[2] as string}`;
		}
		first = last;
	}
	return lines.join('\n');
}

/**
 * Grav's summary divider, a line `===` after a blank line in a blog item (`item.md`), as the `<!-- more -->`
 * Carnet reads: Markdown would show it as a paragraph of three signs. Code is left alone.
 */
function gravSummaryDivider(body: string, displayPath: string): string {
	if (!bundleIndex(fileStem(path.basename(displayPath)))?.grav || !/^===[ \t]*\r?$/m.test(body)) return body;
	const lines = body.split('\n');
	const fenced = fencedLines(lines);
	const divider = lines.findIndex((line, index) => !fenced[index] && /^===[ \t]*\r?$/.test(line) && (index === 0 || (lines[index - 1] as string).trim() === ''));
	if (divider !== -1) lines[divider] = '<!-- more -->';
	return lines.join('\n');
}
