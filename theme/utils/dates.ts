// Front-matter dates are read and written in the site's time zone, never the build machine's:
// formatting without an explicit zone is how other blogs show posts one day early
// (withastro/starlight#1166, HiDeoo/starlight-blog#143).

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?`;
// `GMT+0100 (Central European Standard Time)` too: how JavaScript's Date writes itself (String(date)), which
// Hashnode's exports and scripts that print a date keep.
const OFFSET = String.raw`\s*(Z|UTC|GMT|UT|[ECMP][SD]T|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?)?(?:\s+\([^()]{1,64}\))?`;
/** The North American zone names RFC 2822 keeps from RFC 822 (section 4.3), as RSS dates and Go's RFC 1123 write them. */
const NAMED_OFFSETS: Record<string, number> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };
// Year first, so never ambiguous: ISO 8601, and the unpadded months and days that Jekyll reads (`2021-1-5`)
// and Hexo writes by default, with slashes (`2013/7/13 20:46:25`). `01/02/2024` is refused: a day or a month first.
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}${OFFSET}$`, 'i');
// ISO 8601's basic format, as date-fns' parseISO reads it for the Next.js blog starter: `20210112`,
// `20210112T1417`, `20210112T141701-0600`; an offset (`Z`, `+05`, `-0600`) only after a time.
const ISO_BASIC_DATE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?:\d{2})?)?)?$/i;
// How Astro's blog starter writes dates ('Jul 08 2022', read there by new Date()), and how people and
// RFC 2822 do: 'July 8, 2022', '8 July 2022', 'Fri, 08 Jul 2022 10:00:00 +0200'.
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?`;
// A day and a month in either order, then the year: `17/03/2024`, `03-17-2024 10:30`, and with spaces as
// astro-theme-frosti writes them (`07 12 2024`, read there by new Date(), month first).
const NUMERIC_DATE = /^(\d{1,2})([-/. ])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// A twelve-hour clock's `am` or `pm` after a time written in words (`Tuesday, January 2nd 2024, 10:30:00 am`,
// the Obsidian Linter's default); one space at most before it, so that it never competes with OFFSET's spaces.
const MERIDIEM = String.raw`(?:[ \t]?([ap])\.?m\.?)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME.replace('[T ]', String.raw`,?\s+`)}${MERIDIEM}${OFFSET}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})${TIME.replace('[T ]', String.raw`,?\s+`)}${MERIDIEM}${OFFSET}$`, 'i');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Grav's admin writes the time first (`14:14 05/19/2016`, `12:19 17-07-2018`), read as PHP reads it, as
// Grav does: with slashes the month comes first, with dashes or dots the day.
const GRAV_DATE = /^(\d{1,2}):(\d{2}) (\d{1,2})([/.-])(\d{1,2})\4(\d{4})$/;
// Seconds (Jigsaw's `date: 1500495080`) or milliseconds (Dendron's `created: 1634426288630`) since 1970,
// from 2001 to 2286: a year alone (`2024`) or another count is not taken for one.
const EPOCH_SECONDS = /^\d{10}$/;
const EPOCH_MILLISECONDS = /^\d{13}$/;
const MAX_DATE_LENGTH = 256;

/**
 * The time zone a post's date field `key` is read in when it gives no offset: Japan's for the `published_at` of a
 * post Zenn CLI wrote (its `emoji`, with `topics` or `published`) that gives a time, as Zenn reads
 * `published_at: "2023-04-01 09:00"` in Asia/Tokyo whatever the site; the site's `timeZone` otherwise, a day alone
 * (`published_at: 2023-04-01`) included, which is that day wherever the site is. `written` is the front matter as written.
 */
export function dateTimeZone(key: string, written: Record<string, unknown>, timeZone: string): string {
	if (key !== 'published_at' || !('emoji' in written) || !('topics' in written || 'published' in written)) return timeZone;
	const value = written[key];
	return typeof value === 'string' && /\d:\d/.test(value) ? 'Asia/Tokyo' : timeZone;
}

/** The forms of date front matter may use, for messages. */
export const DATE_FORMS = "2024-02-03, 2024-02-03 10:30:00, 2024-02-03T10:30:00+01:00 or 'Feb 03 2024'";

/** A front-matter date as read: the instant, or why the text cannot be one. */
export type DateReading = { ok: true; date: Date } | { ok: false; problem: string };

/**
 * Reads a front-matter date. `2024-02-03`, `2024-02-03 10:30:00`, `2013/7/13 20:46:25` and `Feb 03 2024` are wall-clock times
 * in `timeZone`; a value with `Z` or an offset is an exact instant. Returns undefined when the text is not
 * a date at all, and a problem when it is one with an impossible part (`2024-02-30`, an offset `+99:99`).
 */
export function readFrontMatterDate(value: unknown, timeZone: string): DateReading | undefined {
	const reading = readDate(value, timeZone);
	if (!reading?.ok || writable(reading.date)) return reading;
	const text = value instanceof Date ? value.toISOString() : String(value).trim();
	return { ok: false, problem: `${JSON.stringify(text)} is outside the years 1 to 9999, which pages, feeds and sitemaps can write (in every time zone)` };
}

// A day's margin at both ends, so that the date is within the range in any time zone too.
const FIRST_WRITABLE = new Date(0).setUTCFullYear(1, 0, 2);
const LAST_WRITABLE = new Date(0).setUTCFullYear(9999, 11, 30);

function writable(date: Date): boolean {
	return date.getTime() >= FIRST_WRITABLE && date.getTime() < LAST_WRITABLE;
}

function readDate(value: unknown, timeZone: string): DateReading | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : { ok: true, date: value };
	if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) return undefined;
	const text = String(value).trim();
	// No date is written longer (JavaScript's String(date), the longest, is under 100 characters); the
	// patterns below are slow over long runs of spaces.
	if (text.length > MAX_DATE_LENGTH) return undefined;
	if (EPOCH_SECONDS.test(text)) return { ok: true, date: new Date(Number(text) * 1000) };
	if (EPOCH_MILLISECONDS.test(text)) return { ok: true, date: new Date(Number(text)) };
	// YAML reads `date: 20210112` as a number: the day it is written as quoted, as the author meant it.
	const basic = ISO_BASIC_DATE.exec(text);
	if (typeof value === 'number' && !basic) return undefined;
	let parts: (string | undefined)[];
	const iso = basic ? undefined : ISO_DATE.exec(text);
	const grav = basic || iso ? undefined : GRAV_DATE.exec(text);
	if (basic) parts = basic.slice(1);
	else if (iso) parts = [iso[1], ...iso.slice(3)];
	else if (grav) parts = grav[4] === '/' ? [grav[6], grav[3], grav[5], grav[1], grav[2]] : [grav[6], grav[5], grav[3], grav[1], grav[2]];
	else {
		const monthFirst = MONTH_FIRST.exec(text);
		const dayFirst = monthFirst ? undefined : DAY_FIRST.exec(text);
		const named = monthFirst ? [monthFirst[3], monthFirst[1], monthFirst[2]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : undefined;
		const rest = (monthFirst ?? dayFirst)?.slice(4);
		const numeric = named && rest ? undefined : NUMERIC_DATE.exec(text);
		if (numeric) {
			// `02-04-2026`, `04/02/2026`: a day and a month, in an order the date says only when one is above 12
			// (`03/17/2024`, month first) or both are the same.
			const [, first = '', , second = '', year, ...time] = numeric;
			const [a, b] = [Number(first), Number(second)];
			if (a <= 12 && b <= 12 && a !== b) {
				return { ok: false, problem: `${JSON.stringify(text)} has its day and month in an order that cannot be told (day first, or month first?)` };
			}
			parts = a > 12 ? [year, second, first, ...time] : [year, first, second, ...time];
		} else if (!named || !rest) return undefined;
		else {
			const month = MONTHS.indexOf((named[1] ?? '').slice(0, 3).toLowerCase()) + 1;
			const [hour, minute, second, fraction, meridiem, offset] = rest;
			const twelveHour = meridiem === undefined ? hour : twelveHourClock(hour, meridiem);
			if (meridiem !== undefined && twelveHour === undefined) return { ok: false, problem: `${JSON.stringify(text)} is not a time of a twelve-hour clock (1:00 to 12:59, then am or pm)` };
			parts = [named[0], String(month).padStart(2, '0'), named[2], twelveHour, minute, second, fraction, offset];
		}
	}
	const [year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = parts;
	const fields = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		millisecond: Math.round(Number(`0${fraction || '.0'}`) * 1000),
	};
	if (!isRealDate(fields)) return { ok: false, problem: `${JSON.stringify(text)} is not a day and time of the calendar` };
	const wallClock = utc(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
	if (!offset) return { ok: true, date: new Date(wallClockToInstant(wallClock, timeZone)) };
	const minutes = offsetMinutes(offset);
	if (minutes === undefined) {
		return { ok: false, problem: `the offset ${offset} in ${JSON.stringify(text)} is not a time-zone offset (from -12:00 to +14:00, minutes below 60)` };
	}
	return { ok: true, date: new Date(wallClock - minutes * 60_000) };
}

/** The hour of the day of `hour` on a twelve-hour clock, `meridiem` `a` or `p`; undefined when there is no such hour. */
function twelveHourClock(hour: string | undefined, meridiem: string): string | undefined {
	const value = Number(hour);
	if (hour === undefined || value < 1 || value > 12) return undefined;
	return String((value % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0));
}

/** Like readFrontMatterDate(), but undefined for anything that is not a valid date. */
export function parseFrontMatterDate(value: unknown, timeZone: string): Date | undefined {
	const reading = readFrontMatterDate(value, timeZone);
	return reading?.ok ? reading.date : undefined;
}

/** Date.UTC(), without its reading of years 0 to 99 as 1900 to 1999. */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
	// Every date a page writes goes through here (zoneOffset): the usual years take the direct way.
	if (year >= 100) return Date.UTC(year, monthIndex, day, hour, minute, second, millisecond);
	const date = new Date(0);
	date.setUTCFullYear(year, monthIndex, day);
	date.setUTCHours(hour, minute, second, millisecond);
	return date.getTime();
}

type DateFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function isRealDate({ year, month, day, hour, minute, second }: DateFields): boolean {
	const date = new Date(utc(year, month - 1, day));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60
	);
}

/** Minutes east of UTC, or undefined for an offset no clock uses. */
function offsetMinutes(offset: string): number | undefined {
	if (/^(?:z|utc|gmt|ut)$/i.test(offset)) return 0;
	const named = NAMED_OFFSETS[offset.toUpperCase()];
	if (named !== undefined) return named * 60;
	const signed = offset.replace(/^(?:GMT|UTC)/i, '');
	const sign = signed.startsWith('-') ? -1 : 1;
	const digits = signed.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2) || 0);
	if (minutes >= 60 || hours * 60 + minutes > (sign > 0 ? 14 * 60 : 12 * 60)) return undefined;
	return sign * (hours * 60 + minutes);
}

/**
 * The instant at which clocks in `timeZone` show `wallClock` (given as if it were UTC). Around a transition
 * this follows Temporal's "compatible" disambiguation: a repeated time is the earlier instant, and a time
 * skipped by a spring-forward gap is read with the offset from before the gap.
 */
function wallClockToInstant(wallClock: number, timeZone: string): number {
	const DAY = 86_400_000;
	const offsetBefore = zoneOffset(wallClock - DAY, timeZone);
	const offsetAfter = zoneOffset(wallClock + DAY, timeZone);
	const candidates = [wallClock - offsetBefore, wallClock - offsetAfter].filter(
		(instant) => instant + zoneOffset(instant, timeZone) === wallClock,
	);
	return candidates.length > 0 ? Math.min(...candidates) : wallClock - offsetBefore;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
// formatToParts is slow, and each post's dates are written on its page, its cards, its feeds and its
// sitemap entry: offsets are worked out once per zone and instant.
const offsets = new Map<string, Map<number, number>>();

/** Milliseconds that `timeZone` is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
	let known = offsets.get(timeZone);
	if (!known) offsets.set(timeZone, (known = new Map()));
	let offset = known.get(instant);
	if (offset === undefined) {
		offset = computeZoneOffset(instant, timeZone);
		known.set(instant, offset);
	}
	return offset;
}

function computeZoneOffset(instant: number, timeZone: string): number {
	let formatter = partsFormatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		partsFormatters.set(timeZone, formatter);
	}
	const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
	const shown = utc(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
	return shown - (instant - (instant % 1000 + 1000) % 1000);
}

/** ISO 8601 with the zone's offset, e.g. `2024-02-03T00:00:00+01:00`, for `<time datetime>` and sitemaps. */
export function toZonedISOString(date: Date, timeZone: string): string {
	const instant = date.getTime();
	// ISO 8601 offsets have no seconds, which old local mean times had (Kolkata, +05:21:10 until 1942): the
	// wall-clock time is written for the offset as rounded, so that the two still name the same instant.
	const minutes = Math.round(zoneOffset(instant, timeZone) / 60_000);
	const local = new Date(instant + minutes * 60_000).toISOString().slice(0, 19);
	const sign = minutes < 0 ? '-' : '+';
	const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
	const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
	return `${local}${sign}${hh}:${mm}`;
}

const displayFormats = new Map<string, { formatter: Intl.DateTimeFormat; written: Map<number, string> }>();

/** A date as readers of `locale` write it, in the site's zone: "3 février 2024", "February 3, 2024". */
export function formatDate(date: Date, locale: string, timeZone: string): string {
	const key = `${locale}|${timeZone}`;
	let format = displayFormats.get(key);
	if (!format) displayFormats.set(key, (format = { formatter: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }), written: new Map() }));
	let text = format.written.get(date.getTime());
	if (text === undefined) {
		text = format.formatter.format(date);
		format.written.set(date.getTime(), text);
	}
	return text;
}

/** The calendar day of `date` in the site's zone, `2024-02-03`. */
export function dayIn(date: Date, timeZone: string): string {
	return toZonedISOString(date, timeZone).slice(0, 10);
}

/** The calendar year of `date` in the site's zone. */
export function yearIn(date: Date, timeZone: string): number {
	return Number(toZonedISOString(date, timeZone).slice(0, 4));
}
