import path from 'node:path';
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

/** Notion property names (in lower case) and the post field each gives: the first name found wins (`Date` over `Created`). */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
	date: ['date', 'published', 'publish date', 'published at', 'publication date', 'created', 'created time'],
	updated: ['last edited time', 'last edited', 'updated', 'last updated'],
	tags: ['tags', 'tag', 'categories', 'category', 'keywords'],
	description: ['description', 'summary', 'excerpt'],
	slug: ['slug'],
};

/** A status that says the page is not ready: a draft. */
const DRAFT_STATUS = /^(draft|not started|in progress|idea)$/i;

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
export function readNotionExport(source: ParsedSource, displayPath: string, locale: string): NotionExport | undefined {
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
	const flag = (name: string) => /^(yes|no)$/i.exec(byName.get(name)?.value ?? '')?.[1]?.toLowerCase();
	// A checkbox exports as Yes or No: `Published: No` is a draft, and so is `Draft: Yes` or `Status: Draft`.
	const published = flag('published');
	if (published === 'no' || flag('draft') === 'yes' || DRAFT_STATUS.test(byName.get('status')?.value ?? '')) data.draft = true;
	const read = new Set(['draft', 'status', ...(published ? ['published'] : [])]);
	for (const [field, names] of Object.entries(FIELDS)) {
		for (const name of names) read.add(name);
		const property = names.map((name) => byName.get(name)).find((found) => found !== undefined && !(found.name === 'published' && published));
		if (!property) continue;
		if (property.name !== field) movedKeys[field] = property.name;
		if (field === 'date' || field === 'updated') {
			const date = notionDate(property.value);
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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// `January 5, 2024 3:04 PM`, `Jan 5, 2024`, `@January 5, 2024` (a mention), and Notion's other date
// settings, `2024/01/05` and `2024-01-05`; a range (`… → …`) starts at its first date.
const WORDS_DATE = /^@?([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})(?:,? (\d{1,2}):(\d{2})(?: ?([AP]M))?)?(?:\s|$)/i;
const NUMBERS_DATE = /^@?(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:,? (\d{1,2}):(\d{2})(?: ?([AP]M))?)?(?:\s|$)/i;

/**
 * A Notion date as the theme reads dates (`2024-01-05 15:04:00`, in the site's time zone), or undefined
 * for a form Notion's export does not write in English (`05/01/2024` could be either day first or month first).
 */
export function notionDate(value: string): string | undefined {
	const words = WORDS_DATE.exec(value.trim());
	const numbers = words ? undefined : NUMBERS_DATE.exec(value.trim());
	let year: string, month: number, day: string, hour: string | undefined, minute: string | undefined, half: string | undefined;
	if (words) {
		const name = (words[1] as string).toLowerCase();
		month = MONTHS.findIndex((full) => full.startsWith(name)) + 1;
		[year, day, hour, minute, half] = [words[3] as string, words[2] as string, words[4], words[5], words[6]];
	} else if (numbers) {
		month = Number(numbers[2]);
		[year, day, hour, minute, half] = [numbers[1] as string, numbers[3] as string, numbers[4], numbers[5], numbers[6]];
	} else return undefined;
	if (month < 1 || month > 12) return undefined;
	const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
	if (hour === undefined || minute === undefined) return date;
	let hours = Number(hour);
	if (half) hours = (hours % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
	return `${date} ${String(hours).padStart(2, '0')}:${minute}:00`;
}
