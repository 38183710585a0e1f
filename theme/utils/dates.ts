// Front-matter dates are read and written in the site's time zone, never the build machine's:
// formatting without an explicit zone is how other blogs show posts one day early
// (withastro/starlight#1166, HiDeoo/starlight-blog#143).

const DATE_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a front-matter date. `2024-02-03` and `2024-02-03 10:30:00` are wall-clock times in `timeZone`;
 * a value with `Z` or an offset is an exact instant. Returns undefined when the text is not a date.
 */
export function parseFrontMatterDate(value: unknown, timeZone: string): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (typeof value !== 'string') return undefined;
	const match = DATE_PATTERN.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
	const fields = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		millisecond: Math.round(Number(`0${fraction || '.0'}`) * 1000),
	};
	if (!isRealDate(fields)) return undefined;
	const wallClock = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
	if (offset) return new Date(wallClock - offsetMinutes(offset) * 60_000);
	return new Date(wallClockToInstant(wallClock, timeZone));
}

type DateFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function isRealDate({ year, month, day, hour, minute, second }: DateFields): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 60
	);
}

function offsetMinutes(offset: string): number {
	if (offset.toUpperCase() === 'Z') return 0;
	const sign = offset.startsWith('-') ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
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
	const shown = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
	return shown - (instant - (instant % 1000 + 1000) % 1000);
}

/** ISO 8601 with the zone's offset, e.g. `2024-02-03T00:00:00+01:00`, for `<time datetime>` and sitemaps. */
export function toZonedISOString(date: Date, timeZone: string): string {
	const instant = date.getTime();
	const offset = zoneOffset(instant, timeZone);
	const local = new Date(instant + offset).toISOString().slice(0, 19);
	const minutes = Math.round(offset / 60_000);
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

/** The calendar year of `date` in the site's zone. */
export function yearIn(date: Date, timeZone: string): number {
	return Number(toZonedISOString(date, timeZone).slice(0, 4));
}
