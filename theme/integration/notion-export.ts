import path from 'node:path';
import { fenceAfter } from '../markdown/fences.ts';
import type { ParsedSource } from '../utils/front-matter.ts';
import { slugifySegment } from '../utils/slugs.ts';

/**
 * Notion's Markdown export ("Export → Markdown & CSV"): a page is `Page title 0123…cdef.md`, its name
 * followed by the page's 32-digit id, with no front matter. It opens with the title as a `# ` heading; a
 * database page then has its properties as `Name: value` lines up to a blank line:
 *
 *     # Trip to Kyoto
 *
 *     Created: January 5, 2024 3:04 PM
 *     Tags: Travel, Japan
 *     Status: Published
 *
 * Those lines are read as front matter (the title is taken from the heading later, as for any post that
 * opens with one), and blanked in the body so that every other line keeps its number. Only a file named
 * as Notion names them is read this way: elsewhere `Date: last summer` under a heading is prose.
 */

const NOTION_FILE = /^(.+?) [0-9a-f]{32}\.md$/i;
const PROPERTY = /^([\p{L}\p{N}][\p{L}\p{N} _'’()-]{0,59}):(?:[ \t]+(.*?))?[ \t]*\r?$/u;

/**
 * Notion property names (in lower case) and the post field each gives: the first name found wins (`Date`
 * over `Created`). Names are the user's own; these are the usual ones in English and French, the
 * languages of the theme's interface.
 */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
	date: ['date', 'published', 'publish date', 'published at', 'publication date', 'date de publication', 'publié le', 'created', 'created time', 'créé le', 'date de création'],
	updated: ['last edited time', 'last edited', 'updated', 'last updated', 'dernière modification', 'modifié le', 'mis à jour'],
	tags: ['tags', 'tag', 'categories', 'category', 'keywords', 'étiquettes', 'étiquette', 'catégories', 'catégorie', 'mots-clés'],
	description: ['description', 'summary', 'excerpt', 'résumé', 'extrait'],
	slug: ['slug'],
};

/** A status that says the page is not ready: a draft. */
const DRAFT_STATUS = /^(draft|not started|in progress|idea|brouillon|pas commencé|non commencé|en cours|idée)$/iu;
/** A checkbox exports as Yes or No, in the interface's language. */
const CHECKBOX = /^(?:(yes|oui)|(no|non))$/i;

export interface NotionExport {
	source: ParsedSource;
	/** Properties Carnet has no field for, with their file line: left out of the page, and worth a warning. */
	unread: { name: string; line: number }[];
	/** A date property in a form Carnet cannot read (`05/01/2024`), with its file line. */
	unreadableDate?: { name: string; value: string; line: number } | undefined;
}

/**
 * The front matter a Notion export's properties give, with the body they are taken from; undefined for a
 * file that is not one (a name without Notion's id, front matter of its own, no heading first).
 */
export function readNotionExport(source: ParsedSource, displayPath: string, locale: string, callouts = true): NotionExport | undefined {
	const named = NOTION_FILE.exec(path.basename(displayPath));
	if (!named || source.format !== undefined || Object.keys(source.data).length > 0) return undefined;
	const lines = source.body.split('\n');
	const heading = lines.findIndex((line) => line.trim() !== '');
	if (heading === -1 || !/^# \S/.test(lines[heading] as string)) return undefined;
	let first = heading + 1;
	while (first < lines.length && (lines[first] as string).trim() === '') first++;
	const properties: { name: string; written: string; value: string; index: number }[] = [];
	for (let index = first; index < lines.length; index++) {
		const property = PROPERTY.exec(lines[index] as string);
		if (!property) break;
		properties.push({ name: (property[1] as string).toLowerCase(), written: property[1] as string, value: property[2] ?? '', index });
	}
	const data: Record<string, unknown> = {};
	const movedKeys: Record<string, string> = {};
	let unreadableDate: NotionExport['unreadableDate'];
	// An empty property (`Tags:`) is a line of the block that says nothing.
	const byName = new Map(properties.filter(({ value }) => value !== '').map((property) => [property.name, property]));
	const flag = (...names: string[]) => {
		const box = names.map((name) => byName.get(name)).find((found) => found !== undefined && CHECKBOX.test(found.value));
		return box && { name: box.name, ticked: CHECKBOX.exec(box.value)?.[1] !== undefined };
	};
	// `Published: No` is a draft, and so are `Draft: Yes` and `Status: Draft`.
	const published = flag('published', 'publié');
	const status = byName.get('status') ?? byName.get('statut');
	if (published?.ticked === false || flag('draft', 'brouillon')?.ticked || DRAFT_STATUS.test(status?.value ?? '')) data.draft = true;
	const read = new Set(['draft', 'brouillon', 'status', 'statut', ...(published ? [published.name] : [])]);
	for (const [field, names] of Object.entries(FIELDS)) {
		for (const name of names) read.add(name);
		const property = names.map((name) => byName.get(name)).find((found) => found !== undefined && found.name !== published?.name);
		if (!property) continue;
		if (property.name !== field) movedKeys[field] = property.name;
		if (field === 'date' || field === 'updated') {
			const date = notionDate(property.value, locale);
			if (date === undefined) unreadableDate ??= { name: property.written, value: property.value, line: source.bodyLine + property.index };
			data[field] = date ?? property.value;
		} else if (field === 'tags') {
			data[field] = property.value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
		} else {
			data[field] = property.value;
		}
	}
	const unread = properties.filter(({ name, value }) => !read.has(name) && value !== '').map(({ written, index }) => ({ name: written, line: source.bodyLine + index }));
	if (data.slug === undefined) data.slug = slugifySegment(named[1] as string, locale);
	for (const { index } of properties) lines[index] = '';
	asidesAsCallouts(lines, callouts);
	return {
		source: {
			data,
			body: lines.join('\n'),
			// The property names, one a line from the first, for lineOfKey().
			frontMatter: properties.map(({ name }) => `${name}:`).join('\n'),
			frontMatterLine: source.bodyLine + first,
			movedKeys,
			bodyLine: source.bodyLine,
			format: 'metadata',
			repairs: [],
		},
		unread,
		unreadableDate,
	};
}

/**
 * Month names as Notion's export writes them in its interface languages, and as Intl writes them for the
 * site's own: long and short, on their own and inside a date (`janvier`, `janv`, `Januar`, `stycznia`,
 * `января`), lower case, without accents or dots. No name stands for two months across these languages.
 */
const MONTH_LOCALES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'da', 'sv', 'nb', 'fi', 'pl', 'ru'];
const monthsByLocale = new Map<string, ReadonlyMap<string, number>>();

function monthNames(locale: string): ReadonlyMap<string, number> {
	let names = monthsByLocale.get(locale);
	if (names) return names;
	const found = new Map<string, number>();
	const clashes = new Set<string>();
	for (const language of new Set([...MONTH_LOCALES, locale])) {
		for (let month = 0; month < 12; month++) {
			const day = new Date(Date.UTC(2024, month, 15));
			for (const width of ['long', 'short'] as const) {
				const written = [new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' }).format(day)];
				for (const part of new Intl.DateTimeFormat(language, { day: 'numeric', month: width, year: 'numeric', timeZone: 'UTC' }).formatToParts(day)) {
					if (part.type === 'month') written.push(part.value);
				}
				for (const name of written.map(plainWord)) {
					if (!/^\p{L}+$/u.test(name)) continue;
					if (found.has(name) && found.get(name) !== month + 1) clashes.add(name);
					else found.set(name, month + 1);
				}
			}
		}
	}
	for (const name of clashes) found.delete(name);
	names = found;
	monthsByLocale.set(locale, names);
	return names;
}

const plainWord = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('.', '');

/** Words a full date may have besides its numbers and month, in the same languages (`5 de enero de 2024 a las 15:04`, `1er janvier`). */
const DATE_FILLERS = new Set(['de', 'del', 'a', 'as', 'las', 'alle', 'ore', 'om', 'kl', 'klo', 'um', 'at', 'le', 'er', 'the', 'of', 'г', 'в']);

// `3:04 PM`, `15:04`, `15.04` (Danish, Finnish), `오후 3:04` (Korean), `午後3:04` (Japanese).
const TIME = /(?:(오전|오후|午前|午後|上午|下午)\s*)?\b(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\.?(?!\p{L}))?/iu;
const AFTERNOON = new Set(['오후', '午後', '下午']);
// Notion's Year/Month/Day setting, and ISO dates.
const NUMBERS_DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
// Japanese, Chinese and Korean full dates: `2024年1月5日`, `2024년 1월 5일`.
const CJK_DATE = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$/;
/** Day first or month first, which cannot be told apart: `05/01/2024`, `5.1.2024`. */
export const AMBIGUOUS_DATE = /^@?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

/**
 * A Notion date as the theme reads dates (`2024-01-05 15:04:00`, in the site's time zone), or undefined
 * for one it cannot read. Notion writes a date in the form its Date format setting chooses, in its
 * interface language: `January 5, 2024 3:04 PM`, `Jan 5, 2024`, `5 janvier 2024 15:04`, `5. Januar 2024`,
 * `2024年1月5日`, `2024/01/05`; a mention starts with `@`, a range (`… → …`) starts at its first date, and a
 * time zone in brackets after it is left aside. `05/01/2024` (Day/Month/Year or Month/Day/Year) is not read:
 * it could be either.
 */
export function notionDate(value: string, locale = 'en'): string | undefined {
	let text = (value.trim().replace(/^@/, '').split('→')[0] as string).replace(/\s*\([^)]*\)\s*$/, '').trim();
	let time: { hours: number; minute: string } | undefined;
	const clock = TIME.exec(text);
	if (clock) {
		let hours = Number(clock[2]);
		const half = clock[4]?.toLowerCase() ?? (clock[1] ? (AFTERNOON.has(clock[1]) ? 'p' : 'a') : undefined);
		if (half) hours = (hours % 12) + (half === 'p' ? 12 : 0);
		if (hours > 23 || Number(clock[3]) > 59) return undefined;
		time = { hours, minute: clock[3] as string };
		text = (text.slice(0, clock.index) + ' ' + text.slice(clock.index + clock[0].length)).trim();
	}
	const date = calendarDate(text, locale);
	if (date === undefined) return undefined;
	return time ? `${date} ${String(time.hours).padStart(2, '0')}:${time.minute}:00` : date;
}

function calendarDate(text: string, locale: string): string | undefined {
	let year: string | undefined, month: number | undefined, day: string | undefined;
	const numbers = NUMBERS_DATE.exec(text) ?? CJK_DATE.exec(text);
	if (numbers) {
		[year, month, day] = [numbers[1], Number(numbers[2]), numbers[3]];
	} else {
		// In words: a year, a day and a month's name in any order, with nothing else but a few small words.
		if (/[^\p{L}\p{M}\d\s,.]/u.test(text)) return undefined;
		const months = monthNames(locale);
		for (const token of text.match(/[\p{L}\p{M}]+|\d+/gu) ?? []) {
			const word = plainWord(token);
			if (/^\d{4}$/.test(token) && year === undefined) year = token;
			else if (/^\d{1,2}$/.test(token) && day === undefined) day = token;
			else if (months.has(word) && month === undefined) month = months.get(word);
			else if (!DATE_FILLERS.has(word)) return undefined;
		}
	}
	if (year === undefined || month === undefined || day === undefined) return undefined;
	if (month < 1 || month > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
	return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Notion's callouts, which it exports as an `<aside>` line, the callout's icon and text in Markdown, and an
 * `</aside>` line: HTML that CommonMark would show with its Markdown as written (`**ryokan**`). Each
 * becomes a note (`> [!NOTE]`, its icon kept at the start of its text), or a quotation where callouts are
 * off, every line on its line; one inside another is a callout inside it. An `<aside>` never closed, or in
 * code, stays.
 */
function asidesAsCallouts(lines: string[], callouts: boolean): void {
	let fence: string | undefined;
	// A callout in a callout closes first: its lines, quoted already, are quoted again by the one around it.
	const opened: number[] = [];
	for (const [index, line] of lines.entries()) {
		const { code, open } = fenceAfter(line, fence);
		fence = open;
		if (code) continue;
		const tag = line.trimEnd();
		if (tag === '<aside>') opened.push(index);
		else if (tag === '</aside>' && opened.length > 0) {
			const start = opened.pop() as number;
			lines[start] = callouts ? '> [!NOTE]' : '>';
			for (let inside = start + 1; inside < index; inside++) lines[inside] = `> ${lines[inside]}`.trimEnd();
			lines[index] = '>';
		}
	}
}
