import { codeSpanRanges, fenceAfter, readBracedFenceInfo, readCellOptions, verbatimLines } from './fences.ts';
import { rawHtmlLines, rawHtmlSpan } from './kramdown-extensions.ts';

/** A fence or code span written for Pandoc, knitr or Quarto that a page shows other than they would, and why. */
export interface PandocNote {
	/** Its line in the body, 1 = the first. */
	line: number;
	text: string;
	reason: string;
	fix: string;
}

// The formats whose raw blocks Pandoc writes into an HTML page.
const HTML_FORMATS = new Set(['html', 'html4', 'html5']);
const FENCE_INFO = /^ {0,3}(?:`{3,}|~{3,})([^\n]*)/;
const RAW_ATTRIBUTE = /^\{=([\w-]+)\}/;
const FALSE = /^(?:FALSE|F|false)$/;
// YAML's false, as a Quarto cell option (`#| echo: false`) writes it.
const YAML_FALSE = /^(?:false|False|FALSE)$/;
const RUNS_NO_CODE = 'Carnet runs no code';

/**
 * `body` with Pandoc's raw HTML as HTML, each line on its line, none of it read as Markdown, as Pandoc passes it
 * on: a ```` ```{=html} ```` block's fences are left blank and what it holds is raw HTML blocks, and
 * `` `<b>x</b>`{=html} `` is the span's content as raw HTML. Pandoc leaves raw blocks and spans of other
 * formats (`{=latex}`) out of HTML: they stay code, noted, as do knitr's chunks that R Markdown would hide (`{r, include=FALSE}`, `echo=FALSE`) and Quarto's
 * cells that it would (`#| include: false`, `#| echo: false`), whose code is the author's and whose output a
 * copied post does not have.
 */
export function readPandocFences(body: string): { body: string; notes: PandocNote[] } {
	if (!body.includes('{')) return { body, notes: [] };
	const lines = body.split('\n');
	const notes: PandocNote[] = [];
	let open: string | undefined;
	// The line after a ```{=html} fence, while its block is open, and the fence's indent.
	let rawHtml: { from: number; lead: string } | undefined;
	const hasInline = body.includes('`{=');
	const verbatim = hasInline ? verbatimLines(lines, /`\{=/) : new Set<number>();
	for (const [index, line] of lines.entries()) {
		const opens = open === undefined;
		open = fenceAfter(line, open).open;
		if (!opens) {
			if (rawHtml && open === undefined) {
				rawHtmlLines(lines, rawHtml.from, index, rawHtml.lead);
				lines[index] = '';
				rawHtml = undefined;
			}
			continue;
		}
		if (open === undefined) {
			if (hasInline && !verbatim.has(index)) lines[index] = rawSpans(line, index + 1, notes);
			continue;
		}
		const info = readBracedFenceInfo(FENCE_INFO.exec(line)?.[1] ?? '');
		if (!info) continue;
		const text = line.trim();
		if (info.format !== undefined && HTML_FORMATS.has(info.format)) {
			rawHtml = { from: index + 1, lead: /^ */.exec(line)?.[0] ?? '' };
			lines[index] = '';
		} else if (info.format !== undefined) {
			notes.push({
				line: index + 1,
				text,
				reason: `Pandoc writes a raw ${info.format} block only into ${info.format} output and leaves it out of HTML pages`,
				fix: 'Delete the block if the page should not show it, or write what it says in Markdown or in a ```{=html} block.',
			});
		} else if (info.chunk) {
			const note = hiddenChunkNote(info.options, readCellOptions(lines, index + 1).options);
			if (note) notes.push({ line: index + 1, text, ...note });
		}
	}
	// A block nothing closes runs to the end of the post, as a fence does.
	if (rawHtml) rawHtmlLines(lines, rawHtml.from, lines.length, rawHtml.lead);
	return { body: lines.join('\n'), notes };
}

/**
 * Why a chunk whose header (`{r, echo=FALSE}`) or cell options (`#| echo: false`) hide it is shown as code,
 * and how to fix it; undefined for a chunk shown as its engine shows it: its code, and output Carnet lacks
 * but that `eval: false` or `output: false` leaves out too.
 */
function hiddenChunkNote(header: Record<string, string>, cell: Record<string, string>): Omit<PandocNote, 'line' | 'text'> | undefined {
	const option = (name: string) =>
		FALSE.test(header[name] ?? '') ? { written: `${name}=${header[name]}`, by: 'R Markdown', render: 'knitting the post writes (rmarkdown::render())' }
		: YAML_FALSE.test(cell[name] ?? '') ? { written: `#| ${name}: ${cell[name]}`, by: 'Quarto', render: 'rendering the post writes (quarto render post.qmd --to gfm)' }
		: undefined;
	const include = option('include');
	if (include) {
		return {
			reason: `with ${include.written}, ${include.by} runs the chunk and shows neither its code nor its output; ${RUNS_NO_CODE} and leaves none of a post's text out`,
			fix: `Delete the chunk if the page should not show it, or publish the Markdown that ${include.render}.`,
		};
	}
	const echo = option('echo');
	if (!echo) return undefined;
	return {
		reason: `with ${echo.written}, ${echo.by} shows the chunk's output in place of its code, and this post has no output: ${RUNS_NO_CODE}`,
		fix: `Publish the Markdown that ${echo.render}, which holds the output, or delete the chunk.`,
	};
}

/** `line` with each code span followed by `{=html}` as its content, raw HTML; one of another format keeps its code, noted. */
function rawSpans(line: string, lineNumber: number, notes: PandocNote[]): string {
	let result = '';
	let from = 0;
	for (const [start, end] of codeSpanRanges(line)) {
		const format = RAW_ATTRIBUTE.exec(line.slice(end, end + 100))?.[1];
		if (format === undefined) continue;
		const attribute = `{=${format}}`;
		if (!HTML_FORMATS.has(format.toLowerCase())) {
			notes.push({
				line: lineNumber,
				text: line.slice(start, end) + attribute,
				reason: `Pandoc writes raw ${format.toLowerCase()} only into ${format.toLowerCase()} output and leaves it out of HTML pages`,
				fix: 'Delete it if the page should not show it.',
			});
			result += line.slice(from, end);
		} else {
			const ticks = /^`+/.exec(line.slice(start, end))?.[0].length ?? 1;
			let html = line.slice(start + ticks, end - ticks);
			// CommonMark strips one space from each side of a span that has both and is not all spaces.
			if (html.length > 1 && html.startsWith(' ') && html.endsWith(' ') && /[^ ]/.test(html)) html = html.slice(1, -1);
			result += line.slice(from, start) + rawHtmlSpan(html);
		}
		from = end + attribute.length;
	}
	return from === 0 ? line : result + line.slice(from);
}
