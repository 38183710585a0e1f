import { escapeXml } from '../utils/xml.ts';
import { verbatimLines } from './fences.ts';
import { readTag, type Tag } from './html-tags.ts';
import { youtubeAddress } from './shortcodes.ts';

// Substack's components, each a `<div data-component-name="…">` in the HTML its export and its feed carry.
const HINT = /data-component-name/i;
// A comment, or a start tag, read in turn so that a `<div` inside another tag's value or a comment opens nothing.
const COMMENT_OR_TAG = /<!--|<[A-Za-z]/g;
const DIV_TAG = /<(\/?)div(?=[\s/>])[^>]*>/gi;
const EMPTY_END = /^[ \t]*<\/div[ \t]*>/i;
// How many lines a subscribe widget written over several lines is looked for its end in.
const WIDGET_LINES = 50;

/** A note on a component, with its line (1 = the body's first): what it received and what became of it. */
export interface SubstackNote {
	line: number;
	message: string;
}

/**
 * Substack's components, which its script fills in on Substack and which an export carries empty, made what
 * they show, each line on its line: a post on X (`Twitter2ToDOM`) becomes its text as a quote with a link
 * to it, as X's embed shows without its script, or the link alone, as Hugo's tweet shortcode becomes; a
 * YouTube video (`Youtube2ToDOM`) the link Hugo's youtube shortcode becomes, titled `youtubeLabel()`; an
 * embedded Substack post (`EmbeddedPostToDOM`, `DigestPostEmbed`) a link titled with its title. Another empty
 * one is a link to the address it names, if any, and noted. The subscribe widget (`SubscribeWidgetToDOM`)
 * is left out and noted: its `<form>` has no action, so that submitting it on the blog would put the reader's
 * email in the page's address. Code is left alone.
 */
export function readSubstackComponents(body: string, youtubeLabel: () => string): { body: string; notes: SubstackNote[] } {
	const notes: SubstackNote[] = [];
	if (!HINT.test(body)) return { body, notes };
	const lines = body.split('\n');
	const code = verbatimLines(lines, HINT, { html: false });
	for (let index = 0; index < lines.length; index++) {
		if (code.has(index) || !HINT.test(lines[index] as string)) continue;
		index = readLine(lines, index, code, youtubeLabel, notes);
	}
	return { body: lines.join('\n'), notes };
}

/** The components of line `index` made what they show; the index of the last line read (a widget may take several). */
function readLine(lines: string[], index: number, code: ReadonlySet<number>, youtubeLabel: () => string, notes: SubstackNote[]): number {
	const line = lines[index] as string;
	let read = '';
	let from = 0;
	let next = 0;
	let formulas = 0;
	for (const match of line.matchAll(COMMENT_OR_TAG)) {
		if (match.index < Math.max(from, next)) continue;
		if (match[0] === '<!--') {
			const end = line.indexOf('-->', match.index + 4);
			if (end === -1) break;
			next = end + 3;
			continue;
		}
		const tag = readTag(line, match.index);
		// A tag the line does not end holds the rest of it.
		if (tag.end === -1) break;
		next = tag.end;
		const name = attribute(tag, 'data-component-name');
		if (tag.element !== 'div' || name === undefined) continue;
		const data = readData(attribute(tag, 'data-attrs'));
		const written = `<div data-component-name="${name}">`;
		if (name === 'SubscribeWidgetToDOM') {
			const end = elementEnd(lines, index, tag.end, code);
			const subscribe = typeof data.url === 'string' && isWebAddress(data.url) ? ` ([Subscribe](${data.url}))` : '';
			const why = "its form sends to no address, so that on your blog it would put a reader's email in the address of the page";
			if (end === undefined) {
				notes.push({ line: index + 1, message: `Substack's subscribe widget, ${written}, is shown as written, as Carnet found no </div> ending it before a blank line: ${why}. Remove it, and link to where readers subscribe instead${subscribe}` });
				return index;
			}
			notes.push({ line: index + 1, message: `Substack's subscribe widget, ${written}, is left out: ${why}. Link to where readers subscribe instead${subscribe}` });
			if (end.line === index) {
				read += line.slice(from, match.index);
				from = end.offset;
				continue;
			}
			lines[index] = read + line.slice(from, match.index);
			for (let between = index + 1; between < end.line; between++) lines[between] = '';
			lines[end.line] = (lines[end.line] as string).slice(end.offset);
			// The rest of the last line may hold components too.
			return HINT.test(lines[end.line] as string) ? readLine(lines, end.line, code, youtubeLabel, notes) : end.line;
		}
		const empty = EMPTY_END.exec(line.slice(tag.end));
		if (!empty) continue;
		const shown = componentHtml(name, data, youtubeLabel);
		if (name === 'LatexBlockToDOM' && shown !== undefined) formulas += 1;
		if (name === 'PollToDOM') notes.push({ line: index + 1, message: pollNote(written, shown !== undefined) });
		const address = [data.url, data.canonical_url].find((url): url is string => typeof url === 'string' && isWebAddress(url));
		if (shown === undefined) {
			if (name !== 'PollToDOM') notes.push({
				line: index + 1,
				message: address
					? `Substack's ${written} is empty, so it is shown as a link to ${address}: Substack's script fills it in on Substack only. Write what it shows instead`
					: `Substack's ${written} is empty, so it shows nothing: Substack's script fills it in on Substack only, and it names no address to link to. Write what it showed instead, or remove it`,
			});
			if (!address) continue;
		}
		read += line.slice(from, match.index) + (shown ?? link(address as string, address as string));
		from = tag.end + empty[0].length;
	}
	lines[index] = read + line.slice(from);
	if (formulas > 0 && !isParagraph(lines, index)) {
		notes.push({
			line: index + 1,
			message: `Substack's LaTeX ${formulas === 1 ? 'block' : 'blocks'}, <div data-component-name="LatexBlockToDOM">, ${formulas === 1 ? 'is' : 'are'} shown as ${formulas === 1 ? 'its' : 'their'} TeX source between $$, as ${formulas === 1 ? 'it shares its line' : 'they share their line'} with other HTML, in which Markdown reads no math. Put each $$ formula on a line of its own, between blank lines, to show it as math`,
		});
	}
	return index;
}

/** Whether `lines[index]`, a formula, is a paragraph of its own: Markdown reads no math in an HTML block, nor in another paragraph. */
function isParagraph(lines: readonly string[], index: number): boolean {
	const after = lines[index + 1];
	return /^\$\$[^\n]*\$\$$/.test((lines[index] as string).trim()) && (lines[index - 1] ?? '').trim() === '' && (after === undefined || after.trim() === '' || after.trimStart().startsWith('<'));
}

function pollNote(written: string, shown: boolean): string {
	return shown
		? `Substack's poll, ${written}, is shown as its question and options, which take no votes: Substack counts them on Substack only. Link to a poll elsewhere, or leave it as a list`
		: `Substack's poll, ${written}, is empty, so it shows nothing: Substack's export keeps only its id, and its question and votes are on Substack only. Write its question and options instead, or remove it`;
}

/** What a component Carnet knows shows, as HTML on one line; undefined for one it does not know, or whose data names nothing. */
function componentHtml(name: string, data: Readonly<Record<string, unknown>>, youtubeLabel: () => string): string | undefined {
	const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
	switch (name) {
		case 'Twitter2ToDOM': {
			const url = text('url');
			if (!isWebAddress(url)) return undefined;
			const quoted = text('full_text').trim();
			if (quoted === '') return `<p>${link(url, url)}</p>`;
			const author = text('name') && text('username') ? `${escapeXml(text('name'))} (@${escapeXml(text('username'))}) ` : '';
			return `<blockquote>${paragraphs(quoted)}<p>— ${author}${link(url, url)}</p></blockquote>`;
		}
		case 'Youtube2ToDOM': {
			const address = /^[\w-]{1,64}$/.test(text('videoId')) ? youtubeAddress(text('videoId')) : undefined;
			return address ? `<p>${link(address, youtubeLabel())}</p>` : undefined;
		}
		// Display math, as the theme's math reads a paragraph of one `$$` formula; its lines are one, as a line holds it.
		case 'LatexBlockToDOM': {
			const tex = text('persistentExpression').replace(/\s*\r?\n\s*/g, ' ').trim();
			return tex === '' ? undefined : `$$${tex}$$`;
		}
		case 'PollToDOM': {
			const options = Array.isArray(data.options) ? data.options.map(optionText).filter((option) => option !== '') : [];
			if (text('question').trim() === '' && options.length === 0) return undefined;
			return `<p>${escapeXml(text('question').trim())}</p><ul>${options.map((option) => `<li>${escapeXml(option)}</li>`).join('')}</ul>`;
		}
		case 'EmbeddedPostToDOM':
		case 'DigestPostEmbed': {
			const url = isWebAddress(text('url')) ? text('url') : text('canonical_url');
			return isWebAddress(url) ? `<p>${link(url, text('title').trim() || url)}</p>` : undefined;
		}
		default:
			return undefined;
	}
}

/** A poll's option as its export may write it: its text, or an object with its text or label. */
function optionText(option: unknown): string {
	if (typeof option === 'string') return option.trim();
	if (typeof option !== 'object' || option === null) return '';
	const { text, label } = option as Record<string, unknown>;
	return typeof text === 'string' ? text.trim() : typeof label === 'string' ? label.trim() : '';
}

/** Text as HTML paragraphs, one for each run of lines, its lines apart by line breaks, all on one line. */
function paragraphs(text: string): string {
	return text
		.split(/\n[ \t]*\n\s*/)
		.map((paragraph) => `<p>${escapeXml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
		.join('');
}

function link(href: string, text: string): string {
	return `<a href="${escapeXml(href)}">${escapeXml(text)}</a>`;
}

function isWebAddress(text: string): boolean {
	return /^https?:\/\/[^\s<>"]+$/i.test(text);
}

function attribute(tag: Tag, name: string): string | undefined {
	return tag.attributes.find((each) => each.name === name)?.value;
}

/** A component's `data-attrs`, the JSON its attribute holds (its entities read by readTag()), or an empty object. */
function readData(json: string | undefined): Record<string, unknown> {
	try {
		const data: unknown = JSON.parse(json ?? '{}');
		return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

/**
 * Where the `<div>` whose start tag ends at `offset` of line `index` ends: the line and the index after its
 * `</div>`, nested ones counted, up to a blank line or code; undefined if it does not end there.
 */
function elementEnd(lines: readonly string[], index: number, offset: number, code: ReadonlySet<number>): { line: number; offset: number } | undefined {
	let depth = 1;
	for (let at = index; at < Math.min(lines.length, index + WIDGET_LINES); at++) {
		const line = lines[at] as string;
		if (at > index && (code.has(at) || line.trim() === '')) return undefined;
		DIV_TAG.lastIndex = at === index ? offset : 0;
		for (let match = DIV_TAG.exec(line); match; match = DIV_TAG.exec(line)) {
			// A `<div/>` opens a div, as HTML reads it.
			depth += match[1] ? -1 : 1;
			if (depth === 0) return { line: at, offset: match.index + match[0].length };
		}
	}
	return undefined;
}
