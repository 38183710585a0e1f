import { fencedLines, maskCodeSpans, outsideCarriedCodeSpans, outsideCodeSpans, paragraphCodeSpans, verbatimLines } from './fences.ts';
import { readAttributes } from './html-attributes.ts';
import { escapeMarkdown } from './shortcodes.ts';
import { scriptingScheme } from '../utils/links.ts';

// Markdoc's tags, as Keystatic and Markdoc sites write them: `{% callout type="note" %}`, `{% /callout %}`,
// and self-closing `{% image src="…" /%}`. Bounded, so that a line of thousands of `{%` is read in one pass.
// The arguments hold no `{%`, so that each attempt ends at the next tag: a line of thousands of `{% /a` is read in one pass.
const TAG = /(?<!\{)\{%[ \t]*(\/?)([A-Za-z][\w-]{0,60})((?:[^%{\n]|%(?!\})|\{(?!%))*?)(\/?)[ \t]*%\}/g;
const CALLOUT_LINE = /^ {0,3}\{%[ \t]*callout\b((?:[^%\n]|%(?!\}))*)%\}[ \t]*\r?$/;
const CALLOUT_END = /^ {0,3}\{%[ \t]*\/callout[ \t]*%\}[ \t]*\r?$/;
// An image tag whose content is its caption, `{% image src="…" %}` … `{% /image %}`, each on lines of its own.
const IMAGE_LINE = /^ {0,3}\{%[ \t]*image\b((?:[^%\n]|%(?!\}))*)%\}[ \t]*\r?$/;
const IMAGE_END = /^ {0,3}\{%[ \t]*\/image[ \t]*%\}[ \t]*\r?$/;
// A callout's type, as the admonition Carnet reads (markdown/admonitions.ts).
const CALLOUT_KINDS: Readonly<Record<string, string>> = { note: 'note', info: 'note', check: 'tip', success: 'tip', tip: 'tip', important: 'important', warning: 'warning', caution: 'caution', error: 'danger', danger: 'danger' };

/** Whether a Markdown body has Markdoc's own tag forms: a closing `{% /name %}` or a self-closing `/%}`. */
export function hasMarkdocTags(body: string): boolean {
	// Not Hugo's `{{% /notice %}}` nor `{{% x /%}}`.
	// A self-closing tag ends `/%}`, the slash against the percent sign: `{% link https://hexo.io/ %}` is Liquid's.
	// Nor Zola's escaped shortcode, `{%/* mermaid() */%}`, whose `*/%}` ends its escape.
	return (body.includes('{%') || body.includes('/%}')) && /(?<!\{)\{%[ \t]*\/[A-Za-z]|(?<!\*)\/%\}(?!\})/.test(body);
}

/**
 * Markdoc's tags that say what they show, each line on its line: a callout on lines of its own
 * (`{% callout type="warning" title="…" %}` … `{% /callout %}`) becomes the admonition Carnet reads as a
 * callout, `{% image src alt /%}` a Markdown image, and Keystatic's `{% embed embedCode="<iframe src=…>" /%}`
 * a link to what it shows. Other tags are left to the Liquid pass, which shows them as code and reports them.
 * An image whose source runs script (`src="javascript:…"`) is its text instead, its alt text or else its
 * caption, as a Markdown image of one is (markdown/script-links.ts): `onScriptImage` is told its line (1 = the
 * body's first) and source. Code is left alone.
 */
export function readMarkdocTags(body: string, onScriptImage: (line: number, address: string) => void = () => {}): string {
	if (!hasMarkdocTags(body)) return body;
	const lines = joinTagLines(body.split('\n'));
	// Code at any indentation (indented, or fenced in a list item) is left alone, as the parser finds it.
	const code = verbatimLines(lines, /\{%/, { html: false });
	readCaptionedImages(lines, code, onScriptImage);
	// A code span may run over the lines of its paragraph: a tag in it is an example.
	const carried = paragraphCodeSpans(lines, (index) => code.has(index));
	let callouts = 0;
	const read = lines.map((line, index) => {
		if (code.has(index)) return line;
		const callout = CALLOUT_LINE.exec(line);
		if (callout) {
			const attributes = readAttributes((callout[1] as string).replace(/\/\s*$/, ''));
			const kind = CALLOUT_KINDS[(attributes.get('type') ?? 'note').toLowerCase()] ?? 'note';
			const title = attributes.get('title')?.replace(/[[\]]/g, '');
			callouts++;
			return `:::${kind}${title ? `[${title}]` : ''}`;
		}
		if (callouts > 0 && CALLOUT_END.test(line)) {
			callouts--;
			return ':::';
		}
		if (!line.includes('/')) return line;
		return outsideCarriedCodeSpans(line, carried[index], (part) => part.replace(TAG, (whole: string, closing: string, name: string, args: string, selfClosing: string) => {
			if (closing || !selfClosing) return whole;
			const attributes = readAttributes(args);
			const source = name === 'image' ? imageSource(attributes) : undefined;
			if (source !== undefined && runsScript(source)) {
				onScriptImage(index + 1, source);
				return escapeMarkdown(attributes.get('alt') || attributes.get('caption') || attributes.get('title') || '');
			}
			if (source !== undefined) return markdownImage(attributes, undefined);
			if (name === 'embed') {
				// embedCode holds the player's HTML, its quotes escaped (`src=\"…\"`).
				const url = attributes.get('url') ?? /\bsrc=["']?(https?:[^"'\s>\\]+)/.exec(args.replace(/\\"/g, '"'))?.[1];
				if (url && /^https?:\/\//.test(url)) {
					const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/.exec(url);
					return `<${youtube ? `https://www.youtube.com/watch?v=${youtube[1]}` : url}>`;
				}
			}
			return whole;
		}));
	});
	return read.join('\n');
}

/**
 * Each image tag on lines of its own whose content is its caption (`{% image src="…" alt="…" %}`, the
 * caption, `{% /image %}`, as Markdoc sites write a figure) made a Markdown image on the tag's first line and
 * its caption on the next, in italics, which makes a figure whose caption keeps its links, emphasis and code:
 * Markdoc reads a tag's content as Markdown. The other lines are left empty. DeveloperHub's exports name the
 * image `url` (`{% image url="…" caption="…" %}{% /image %}`), and write a tag with no image around a Markdown one.
 */
function readCaptionedImages(lines: string[], code: ReadonlySet<number>, onScriptImage: (line: number, address: string) => void): void {
	for (let first = 0; first < lines.length; first++) {
		const open = code.has(first) ? null : IMAGE_LINE.exec(lines[first] as string);
		const args = open?.[1];
		// A self-closing tag (`/%}`) has no content; the line pass reads it.
		if (args === undefined || /\/\s*$/.test(args)) continue;
		let last = first + 1;
		while (last < Math.min(lines.length, first + 12) && !code.has(last) && !(lines[last] as string).includes('{%')) last++;
		if (last >= lines.length || code.has(last) || !IMAGE_END.test(lines[last] as string)) continue;
		const caption = lines
			.slice(first + 1, last)
			.map((line) => line.trim())
			.filter((line) => line !== '')
			.join(' ');
		const attributes = readAttributes(args);
		const source = imageSource(attributes);
		// `{% image %}` around a Markdown image is that image.
		if (source === undefined && !/^!\[[^\]\n]*\]\([^()\n]*\)$/.test(caption)) continue;
		const scripted = source !== undefined && runsScript(source);
		if (scripted) onScriptImage(first + 1, source);
		const read = scripted
			? [caption || escapeMarkdown(attributes.get('alt') || attributes.get('title') || '')]
			: source === undefined
				? [caption]
				: caption === ''
					? [markdownImage(attributes, undefined)]
					: [markdownImage(attributes, attributes.get('title') ?? ''), italicCaption(caption)];
		lines.fill('', first, last + 1);
		lines.splice(first, read.length, ...read);
		first = last;
	}
}

/**
 * A caption written in Markdown as one line in italics, which under its image makes the figure's caption
 * (markdown/figures.ts). Markdoc shows HTML as text: a tag's `<` is written as a reference, so that it is too.
 */
function italicCaption(caption: string): string {
	const text = outsideCodeSpans(caption, (part) => part.replace(/<(?=[A-Za-z/!?])/g, '&lt;'));
	// A backslash at its end would escape the closing underscore.
	return `_${text.replace(/\\$/, '\\\\')}_`;
}

/** Whether an image's source runs script (javascript:, vbscript:); a data: image is an image. */
function runsScript(source: string): boolean {
	const scheme = scriptingScheme(source);
	return scheme !== undefined && scheme !== 'data:';
}

/** The image a Markdoc image tag shows: its `src`, or `url` as DeveloperHub writes it. */
function imageSource(attributes: ReadonlyMap<string, string>): string | undefined {
	return attributes.get('src') || attributes.get('url') || undefined;
}

/** Markdoc's image as a Markdown image: its caption, or else its title, is the image's title, which makes a figure's caption. */
function markdownImage(attributes: ReadonlyMap<string, string>, caption: string | undefined): string {
	const alt = (attributes.get('alt') ?? '').replace(/[[\]\\]/g, '\\$&');
	const title = caption ?? (attributes.get('caption') || attributes.get('title'));
	return `![${alt}](<${imageSource(attributes)}>${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
}

/**
 * A self-closing tag written over several lines (its attributes one per line, as Keystatic writes an
 * embed) joined onto its first line, the lines it took left empty: tags are read one line at a time.
 */
function joinTagLines(lines: string[]): string[] {
	const fenced = fencedLines(lines);
	for (let first = 0; first < lines.length; first++) {
		// Code spans are blanked out: a `` `{%` `` shown in text opens no tag.
		const opening = maskCodeSpans(lines[first] as string);
		const open = opening.lastIndexOf('{%');
		if (fenced[first] || open === -1 || opening.includes('%}', open)) continue;
		// Within the tag's paragraph: a blank line ends it, as it ends Markdoc's tag.
		for (let last = first + 1; last < Math.min(lines.length, first + 12) && !fenced[last]; last++) {
			const line = maskCodeSpans(lines[last] as string);
			if (line.includes('{%') || line.trim() === '') break;
			if (!line.includes('%}')) continue;
			lines[first] = lines.slice(first, last + 1).map((part) => part.trim()).join(' ');
			lines.fill('', first + 1, last + 1);
			first = last;
			break;
		}
	}
	return lines;
}
