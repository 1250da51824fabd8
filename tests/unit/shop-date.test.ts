// Shop dates in the shop's time zone (shared/shop-date.ts): the calendar date at an instant,
// local midnight as an instant, right across daylight-saving changes and odd offsets, and
// calendar arithmetic that no zone changes.
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone } from '../../shared/schemas/shop';
import { addDays, shopDate, startOfShopDate, wallClock, weekdayOf } from '../../shared/shop-date';

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const dayLength = (date: string, zone: string) => (startOfShopDate(addDays(date, 1), zone) - startOfShopDate(date, zone)) / HOUR;

describe('startOfShopDate', () => {
  it('finds midnight in Berlin on both sides of the last Sunday of March and of October', () => {
    const zone = 'Europe/Berlin';
    expect(startOfShopDate('2026-03-28', zone)).toBe(utc('2026-03-27T23:00:00Z'));
    // Summer time begins at 02:00 that Sunday: midnight is still +01:00, the next one +02:00.
    expect(startOfShopDate('2026-03-29', zone)).toBe(utc('2026-03-28T23:00:00Z'));
    expect(startOfShopDate('2026-03-30', zone)).toBe(utc('2026-03-29T22:00:00Z'));
    expect(dayLength('2026-03-29', zone)).toBe(23);
    // It ends at 03:00 on 25 October: that day has 25 hours.
    expect(startOfShopDate('2026-10-25', zone)).toBe(utc('2026-10-24T22:00:00Z'));
    expect(startOfShopDate('2026-10-26', zone)).toBe(utc('2026-10-25T23:00:00Z'));
    expect(dayLength('2026-10-25', zone)).toBe(25);
    expect(dayLength('2026-06-15', zone)).toBe(24);
  });

  it('finds midnight in New York across its changes (second Sunday of March, first of November)', () => {
    const zone = 'America/New_York';
    expect(startOfShopDate('2026-03-08', zone)).toBe(utc('2026-03-08T05:00:00Z'));
    expect(startOfShopDate('2026-03-09', zone)).toBe(utc('2026-03-09T04:00:00Z'));
    expect(dayLength('2026-03-08', zone)).toBe(23);
    expect(startOfShopDate('2026-11-01', zone)).toBe(utc('2026-11-01T04:00:00Z'));
    expect(dayLength('2026-11-01', zone)).toBe(25);
  });

  it('handles offsets that are not whole hours: Kolkata (+05:30) and Chatham (+12:45, +13:45 in summer)', () => {
    expect(startOfShopDate('2026-01-15', 'Asia/Kolkata')).toBe(utc('2026-01-14T18:30:00Z'));
    expect(startOfShopDate('2026-07-15', 'Asia/Kolkata')).toBe(utc('2026-07-14T18:30:00Z'));
    expect(startOfShopDate('2026-07-01', 'Pacific/Chatham')).toBe(utc('2026-06-30T11:15:00Z'));
    expect(startOfShopDate('2026-01-01', 'Pacific/Chatham')).toBe(utc('2025-12-31T10:15:00Z'));
    // Chatham's summer time ends at 03:45 on the first Sunday of April, begins at 02:45 on the last of September.
    expect(startOfShopDate('2026-04-05', 'Pacific/Chatham')).toBe(utc('2026-04-04T10:15:00Z'));
    expect(startOfShopDate('2026-04-06', 'Pacific/Chatham')).toBe(utc('2026-04-05T11:15:00Z'));
    expect(dayLength('2026-04-05', 'Pacific/Chatham')).toBe(25);
    expect(dayLength('2026-09-27', 'Pacific/Chatham')).toBe(23);
  });

  it('starts a day whose midnight the clocks skip at the jump (Santiago springs forward at 00:00)', () => {
    // 6 September 2025, 24:00 -04:00 became 7 September, 01:00 -03:00.
    const start = startOfShopDate('2025-09-07', 'America/Santiago');
    expect(start).toBe(utc('2025-09-07T04:00:00Z'));
    expect(wallClock(start, 'America/Santiago')).toMatchObject({ hour: 1, minute: 0 });
    expect(shopDate(start - 1, 'America/Santiago')).toBe('2025-09-06');
  });

  it('is UTC midnight in UTC, whatever the computer’s own zone', () => {
    expect(startOfShopDate('2024-02-29', 'UTC')).toBe(utc('2024-02-29T00:00:00Z'));
    expect(startOfShopDate('1970-01-01', 'UTC')).toBe(0);
    expect(startOfShopDate('0001-01-01', 'UTC')).toBe(utc('0001-01-01T00:00:00Z'));
  });

  it('is the first instant of its date in every zone the platform knows, every day of a year', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    // Every zone on the year's turning points, a few zones on every day.
    const days = [
      '2026-01-01',
      '2026-03-08',
      '2026-03-29',
      '2026-04-05',
      '2026-06-21',
      '2026-09-27',
      '2026-10-25',
      '2026-11-01',
      '2026-12-31',
    ];
    const everyDay = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));
    const cases = [
      ...zones.flatMap((zone) => days.map((date) => [zone, date] as const)),
      ...['Europe/Berlin', 'America/New_York', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago'].flatMap((zone) =>
        everyDay.map((date) => [zone, date] as const),
      ),
    ];
    const wrong = cases.filter(([zone, date]) => {
      const start = startOfShopDate(date, zone);
      return shopDate(start, zone) !== date || shopDate(start - 1, zone) !== addDays(date, -1);
    });
    expect(wrong).toEqual([]);
  });
});

describe('shopDate', () => {
  it('is the date on the shop’s wall at that instant', () => {
    const lateSunday = utc('2026-03-29T22:30:00Z');
    expect(shopDate(lateSunday, 'UTC')).toBe('2026-03-29');
    expect(shopDate(lateSunday, 'Europe/Berlin')).toBe('2026-03-30');
    expect(shopDate(lateSunday, 'America/New_York')).toBe('2026-03-29');
    expect(shopDate(new Date(lateSunday), 'Asia/Kolkata')).toBe('2026-03-30');
    expect(shopDate(utc('2026-03-28T18:29:59.999Z'), 'Asia/Kolkata')).toBe('2026-03-28');
    expect(shopDate(utc('2026-03-28T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-29');
    expect(shopDate(utc('2026-06-30T11:14:59Z'), 'Pacific/Chatham')).toBe('2026-06-30');
    expect(shopDate(utc('2026-06-30T11:15:00Z'), 'Pacific/Chatham')).toBe('2026-07-01');
  });

  it('reads the wall clock at midnight as hour 0, never 24', () => {
    expect(wallClock(utc('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 30,
      hour: 0,
      minute: 0,
      second: 0,
    });
  });
});

describe('addDays and weekdayOf', () => {
  it('count calendar days, the same on a day of 23 or 25 hours', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-30', -29)).toBe('2026-03-01');
    expect(addDays('0050-06-01', 0)).toBe('0050-06-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  it('know the weekday of a date (0 is Sunday)', () => {
    expect(weekdayOf('2026-03-29')).toBe(0);
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(weekdayOf('2024-02-29')).toBe(4);
  });
});

describe('isKnownTimeZone', () => {
  it('takes IANA names and the links Intl resolves, not a name in the wrong case', () => {
    for (const zone of ['Europe/Berlin', 'UTC', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['europe/berlin', 'EUROPE/BERLIN', 'Mars/Olympus_Mons', '', 'Europe/Berlin '])
      expect(isKnownTimeZone(zone), zone).toBe(false);
  });
});
