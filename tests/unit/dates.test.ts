import { describe, expect, test } from 'vitest';
import { formatDate, parseFrontMatterDate, readFrontMatterDate, toZonedISOString } from '../../theme/utils/dates.ts';

describe('dates other engines write', () => {
	test("reads Grav's time-first dates as PHP does: month first with slashes, day first with dashes or dots", () => {
		expect(parseFrontMatterDate('14:14 05/19/2016', 'UTC')?.toISOString()).toBe('2016-05-19T14:14:00.000Z');
		expect(parseFrontMatterDate('12:19 17-07-2018', 'UTC')?.toISOString()).toBe('2018-07-17T12:19:00.000Z');
		expect(parseFrontMatterDate('09:05 3.4.2020', 'UTC')?.toISOString()).toBe('2020-04-03T09:05:00.000Z');
		expect(readFrontMatterDate('14:14 19/05/2016', 'UTC')).toMatchObject({ ok: false });
		// Without the time first, the order is the one the date says: 19 is no month.
		expect(parseFrontMatterDate('05/19/2016', 'UTC')?.toISOString()).toBe('2016-05-19T00:00:00.000Z');
		expect(readFrontMatterDate('05/10/2016', 'UTC')).toMatchObject({ ok: false });
	});

	test('reads seconds (Jigsaw) and milliseconds (Dendron) since 1970, and not a year alone or another number', () => {
		expect(parseFrontMatterDate(1500495080, 'UTC')?.toISOString()).toBe('2017-07-19T20:11:20.000Z');
		expect(parseFrontMatterDate('1634426288630', 'UTC')?.toISOString()).toBe('2021-10-16T23:18:08.630Z');
		expect(readFrontMatterDate(2024, 'UTC')).toBeUndefined();
		expect(readFrontMatterDate(123456789, 'UTC')).toBeUndefined();
		expect(readFrontMatterDate(1.5e9 + 0.5, 'UTC')).toBeUndefined();
	});
	test("reads ISO 8601's basic format (20210112T141701-0600), which date-fns' parseISO reads for the Next.js blog starter, a YAML number of eight digits (date: 20210112) as its day, and no other run of digits", () => {
		expect(parseFrontMatterDate('20210112T141701-0600', 'UTC')?.toISOString()).toBe('2021-01-12T20:17:01.000Z');
		expect(parseFrontMatterDate('20210112T1417Z', 'Europe/Paris')?.toISOString()).toBe('2021-01-12T14:17:00.000Z');
		expect(parseFrontMatterDate('20210112T141701.25+05', 'UTC')?.toISOString()).toBe('2021-01-12T09:17:01.250Z');
		expect(parseFrontMatterDate('20210112T1417', 'Europe/Paris')?.toISOString()).toBe('2021-01-12T13:17:00.000Z');
		expect(parseFrontMatterDate('20210112', 'Europe/Paris')?.toISOString()).toBe('2021-01-11T23:00:00.000Z');
		expect(parseFrontMatterDate(20210112, 'Europe/Paris')?.toISOString()).toBe('2021-01-11T23:00:00.000Z');
		expect(readFrontMatterDate('20210230', 'UTC')).toEqual({ ok: false, problem: '"20210230" is not a day and time of the calendar' });
		expect(readFrontMatterDate(20211301, 'UTC')).toEqual({ ok: false, problem: '"20211301" is not a day and time of the calendar' });
		expect(readFrontMatterDate('20210112T141701+1500', 'UTC')).toMatchObject({ ok: false });
		// Basic and extended forms are not mixed, and a time is written with its minutes.
		for (const text of ['2021011', '202101121', '20210112T14', '20210112T14:17', '20210112 141701', '20210112Z', '2021-0112']) expect(readFrontMatterDate(text, 'UTC'), text).toBeUndefined();
	});

	test("reads a twelve-hour clock's am and pm after a date in words, as the Obsidian Linter writes it by default, and refuses an hour no such clock shows", () => {
		expect(parseFrontMatterDate('Tuesday, January 2nd 2024, 10:30:00 am', 'UTC')?.toISOString()).toBe('2024-01-02T10:30:00.000Z');
		expect(parseFrontMatterDate('Tuesday, January 2nd 2024, 1:05:09 pm', 'UTC')?.toISOString()).toBe('2024-01-02T13:05:09.000Z');
		expect(parseFrontMatterDate('2 January 2024 12:00 a.m.', 'UTC')?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
		expect(readFrontMatterDate('January 2 2024, 13:00 pm', 'UTC')).toMatchObject({ ok: false, problem: '"January 2 2024, 13:00 pm" is not a time of a twelve-hour clock (1:00 to 12:59, then am or pm)' });
		// Spaces between the time and a zone are read in good time.
		const start = performance.now();
		expect(readFrontMatterDate(`January 2 2024 10:30${' '.repeat(100_000)}x`, 'UTC')).toBeUndefined();
		expect(performance.now() - start).toBeLessThan(500);
	});
});

describe('front-matter dates', () => {
	test('reads a naive timestamp as wall-clock time in the site zone', () => {
		expect(parseFrontMatterDate('2024-02-03 00:00:00', 'Europe/Paris')?.toISOString()).toBe('2024-02-02T23:00:00.000Z');
		expect(parseFrontMatterDate('2024-02-03 00:00:00', 'UTC')?.toISOString()).toBe('2024-02-03T00:00:00.000Z');
		expect(parseFrontMatterDate('2024-07-01T12:30', 'America/Los_Angeles')?.toISOString()).toBe('2024-07-01T19:30:00.000Z');
	});

	test('reads a bare date as midnight in the site zone', () => {
		expect(parseFrontMatterDate('2024-02-03', 'Asia/Tokyo')?.toISOString()).toBe('2024-02-02T15:00:00.000Z');
	});

	test('keeps an explicit offset or Z as an exact instant, whatever the site zone', () => {
		expect(parseFrontMatterDate('2023-11-05T10:00:00+01:00', 'Asia/Tokyo')?.toISOString()).toBe('2023-11-05T09:00:00.000Z');
		expect(parseFrontMatterDate('2023-11-05T10:00:00Z', 'Europe/Paris')?.toISOString()).toBe('2023-11-05T10:00:00.000Z');
		expect(parseFrontMatterDate('2023-11-05 10:00:00 -0530', 'UTC')?.toISOString()).toBe('2023-11-05T15:30:00.000Z');
	});

	test('resolves times around daylight-saving changes like Temporal does', () => {
		// 02:30 does not exist in Paris on 2024-03-31: read with the offset from before the jump.
		expect(parseFrontMatterDate('2024-03-31 02:30:00', 'Europe/Paris')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
		// 02:30 happens twice on 2024-10-27: the earlier one.
		expect(parseFrontMatterDate('2024-10-27 02:30:00', 'Europe/Paris')?.toISOString()).toBe('2024-10-27T00:30:00.000Z');
		expect(parseFrontMatterDate('2024-03-31 03:30:00', 'Europe/Paris')?.toISOString()).toBe('2024-03-31T01:30:00.000Z');
	});

	test('writes an offset of whole minutes and a wall-clock time that name the same instant, in a zone whose offset had seconds', () => {
		const date = new Date('1901-12-13T15:24:42Z');
		const written = toZonedISOString(date, 'Asia/Kolkata');
		expect(written).toMatch(/^1901-12-13T\d\d:\d\d:\d\d\+05:2[01]$/);
		expect(Date.parse(written)).toBe(date.getTime());
	});

	test('reads years before 100 as themselves, not as 1900 to 1999', () => {
		expect(parseFrontMatterDate('0050-03-01', 'UTC')?.toISOString()).toBe('0050-03-01T00:00:00.000Z');
		expect(parseFrontMatterDate('0004-02-29 12:00:00', 'Europe/Paris')?.getUTCFullYear()).toBe(4);
		expect(parseFrontMatterDate('0001-02-29', 'UTC')).toBeUndefined();
	});

	test('rejects text that is not a real date', () => {
		expect(parseFrontMatterDate('someday', 'UTC')).toBeUndefined();
		expect(parseFrontMatterDate('2024-02-30', 'UTC')).toBeUndefined();
		expect(parseFrontMatterDate('2024-02-03 25:00:00', 'UTC')).toBeUndefined();
		expect(parseFrontMatterDate(20240230, 'UTC')).toBeUndefined();
		expect(parseFrontMatterDate(2024023, 'UTC')).toBeUndefined();
	});
});

describe('dates outside the years pages, feeds and sitemaps can write', () => {
	test.each(['0000-06-15', '9999-12-31T23:00:00-12:00'])('refuses %s, saying why', (written) => {
		expect(readFrontMatterDate(written, 'Europe/Paris')).toEqual({ ok: false, problem: `${JSON.stringify(written)} is outside the years 1 to 9999, which pages, feeds and sitemaps can write (in every time zone)` });
	});

	test('reads the first and last years a date can have', () => {
		expect(readFrontMatterDate('0002-01-01', 'UTC')).toMatchObject({ ok: true });
		expect(readFrontMatterDate('9999-06-01', 'UTC')).toMatchObject({ ok: true });
	});
});

describe("dates as Astro's blog starter, Jekyll and people write them", () => {
	test.each([
		["the starter's 'Jul 08 2022'", 'Jul 08 2022', '2022-07-07T22:00:00.000Z'],
		['a full month name with a comma', 'July 8, 2022', '2022-07-07T22:00:00.000Z'],
		['the day first', '8 July 2022', '2022-07-07T22:00:00.000Z'],
		['a month name and a time', 'Jul 08 2022 10:30', '2022-07-08T08:30:00.000Z'],
		['RFC 2822, with its offset', 'Fri, 08 Jul 2022 10:00:00 +0200', '2022-07-08T08:00:00.000Z'],
		["RFC 1123 with a North American zone name, as Go's time.RFC1123 writes it", 'Fri, 08 Jul 2022 10:00:00 PDT', '2022-07-08T17:00:00.000Z'],
		['RFC 1123 in GMT, as RSS dates are written', 'Fri, 08 Jul 2022 10:00:00 GMT', '2022-07-08T10:00:00.000Z'],
		["JavaScript's String(date), as Hashnode exports write it", 'Fri Dec 22 2023 07:44:23 GMT+0000 (Coordinated Universal Time)', '2023-12-22T07:44:23.000Z'],
		["JavaScript's String(date) east of Greenwich", 'Sat Feb 03 2024 10:30:00 GMT+0100 (heure normale d’Europe centrale)', '2024-02-03T09:30:00.000Z'],
		['an RFC 822 zone name in winter', 'Mon, 02 Jan 2006 15:04:05 MST', '2006-01-02T22:04:05.000Z'],
		["Jekyll's space before the offset", '2022-07-08 10:00:00 +0100', '2022-07-08T09:00:00.000Z'],
		['TOML local date-time text', '2022-07-08T10:00:00.000', '2022-07-08T08:00:00.000Z'],
		["Jekyll's unpadded month and day", '2022-7-8', '2022-07-07T22:00:00.000Z'],
		["Hexo's default, with slashes and a time", '2022/7/8 20:46:25', '2022-07-08T18:46:25.000Z'],
		['slashes with padded parts and an offset', '2022/07/08 10:00:00 +0100', '2022-07-08T09:00:00.000Z'],
	])('reads %s in the site zone unless it has an offset', (_, text, expected) => {
		expect(parseFrontMatterDate(text, 'Europe/Paris')?.toISOString()).toBe(expected);
	});

	test('says what is wrong with an offset no clock uses, or a day that does not exist', () => {
		expect(readFrontMatterDate('2024-02-03T10:00:00+99:99', 'UTC')).toEqual({
			ok: false,
			problem: 'the offset +99:99 in "2024-02-03T10:00:00+99:99" is not a time-zone offset (from -12:00 to +14:00, minutes below 60)',
		});
		expect(readFrontMatterDate('2024-02-03T10:00:00-13:00', 'UTC')).toMatchObject({ ok: false });
		expect(readFrontMatterDate('2024-02-03T10:00:00+14:00', 'UTC')).toMatchObject({ ok: true });
		expect(readFrontMatterDate('Feb 30 2024', 'UTC')).toEqual({ ok: false, problem: '"Feb 30 2024" is not a day and time of the calendar' });
		expect(readFrontMatterDate('Mayday 3 2022', 'UTC')).toBeUndefined();
		expect(readFrontMatterDate('2013/2/30', 'UTC')).toEqual({ ok: false, problem: '"2013/2/30" is not a day and time of the calendar' });
	});

	test('refuses dates whose order of day and month is ambiguous, and mixed separators', () => {
		for (const text of ['2024/01-02', '2024-1-2-3', '24/1/2']) expect(readFrontMatterDate(text, 'UTC'), text).toBeUndefined();
		// A day and a month in an order no date says: refused as such, with the reason.
		for (const text of ['01/02/2024', '1/2/2024', '02-04-2026', '02.04.2026 10:00', '07 12 2024', '07 12 2024 10:00']) {
			expect(readFrontMatterDate(text, 'UTC'), text).toEqual({ ok: false, problem: `${JSON.stringify(text)} has its day and month in an order that cannot be told (day first, or month first?)` });
		}
	});

	test('reads a day and a month in the order the date says, when one is above 12 or both are the same', () => {
		// astro-micro's Markdown syntax guide: month first.
		expect(readFrontMatterDate('03/17/2024', 'UTC')).toEqual({ ok: true, date: new Date('2024-03-17T00:00:00Z') });
		expect(readFrontMatterDate('17.03.2024 10:30', 'UTC')).toEqual({ ok: true, date: new Date('2024-03-17T10:30:00Z') });
		expect(readFrontMatterDate('05-05-2024', 'UTC')).toEqual({ ok: true, date: new Date('2024-05-05T00:00:00Z') });
		expect(readFrontMatterDate('31/31/2024', 'UTC')).toEqual({ ok: false, problem: '"31/31/2024" is not a day and time of the calendar' });
		expect(readFrontMatterDate('02/30/2024', 'UTC')).toEqual({ ok: false, problem: '"02/30/2024" is not a day and time of the calendar' });
	});

	test("reads a day and a month parted by spaces as it reads them parted by slashes (astro-theme-frosti's `07 18 2024`, month first)", () => {
		expect(readFrontMatterDate('07 18 2024', 'UTC')).toEqual({ ok: true, date: new Date('2024-07-18T00:00:00Z') });
		expect(readFrontMatterDate('18 07 2024 10:30', 'UTC')).toEqual({ ok: true, date: new Date('2024-07-18T10:30:00Z') });
		expect(readFrontMatterDate('07 07 2024', 'UTC')).toEqual({ ok: true, date: new Date('2024-07-07T00:00:00Z') });
		expect(readFrontMatterDate('02 30 2024', 'UTC')).toEqual({ ok: false, problem: '"02 30 2024" is not a day and time of the calendar' });
		// Parts parted by two kinds of mark, or by more than one space, are no date.
		for (const text of ['07 18/2024', '07  18  2024', '7 18 24']) expect(readFrontMatterDate(text, 'UTC'), text).toBeUndefined();
	});
});

describe('writing dates', () => {
	const instant = new Date('2024-02-02T23:00:00Z');

	test('writes dates in the site zone and locale', () => {
		expect(formatDate(instant, 'fr', 'Europe/Paris')).toBe('3 février 2024');
		expect(formatDate(instant, 'en', 'Europe/Paris')).toBe('February 3, 2024');
		expect(formatDate(instant, 'fr', 'America/Los_Angeles')).toBe('2 février 2024');
	});

	test('writes ISO 8601 with the zone offset for datetime attributes', () => {
		expect(toZonedISOString(instant, 'Europe/Paris')).toBe('2024-02-03T00:00:00+01:00');
		expect(toZonedISOString(instant, 'UTC')).toBe('2024-02-02T23:00:00+00:00');
		expect(toZonedISOString(new Date('2024-07-01T19:30:00Z'), 'America/Los_Angeles')).toBe('2024-07-01T12:30:00-07:00');
		expect(toZonedISOString(new Date('2024-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2024-07-01T05:30:00+05:30');
	});
});
