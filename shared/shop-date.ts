/**
 * Shop dates are the calendar dates (`YYYY-MM-DD`) of the shop's time zone (its settings'
 * `time_zone`, an IANA name), whatever zone the computer that runs the code is in. Only `Intl`:
 * the platform's time zone data, no library of its own.
 */

const DAY_MS = 86_400_000;

/** The zone of the computer the code runs on; the shop's until the owner picks one. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is far slower than using it. */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which some engines answer with "24" at midnight.
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a clock on the shop's wall reads at `at`. */
export function wallClock(at: Date | number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(at)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    // "1 BC" is year 0 (ISO 8601's proleptic years).
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function formatDate(year: number, month: number, day: number): string {
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(-?\d+)-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (!match) throw new RangeError(`Not a shop date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Midnight UTC of a calendar date; `setUTCFullYear`, since `Date.UTC` reads years 0–99 as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return at.getTime();
}

/** The shop date at the instant `at`, in `timeZone`. */
export function shopDate(at: Date | number, timeZone: string): string {
  const clock = wallClock(at, timeZone);
  return formatDate(clock.year, clock.month, clock.day);
}

/** The date `days` later (earlier when negative): calendar arithmetic, the same in every zone. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const at = new Date(utcMidnight(year, month, day + days));
  return formatDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** The day of the week of a shop date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(utcMidnight(year, month, day)).getUTCDay();
}

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const clock = wallClock(at, timeZone);
  const wall = utcMidnight(clock.year, clock.month, clock.day) + ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1000;
  return wall - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The first instant of a shop date in `timeZone`, in epoch milliseconds: local midnight, right
 * across daylight-saving changes. Where the clocks jump over midnight (a few zones spring
 * forward at 00:00), the day starts at the jump, when the clock reads 01:00.
 */
export function startOfShopDate(date: string, timeZone: string): number {
  const { year, month, day } = parseDate(date);
  const midnight = utcMidnight(year, month, day);
  // A zone changes its offset at most once around one midnight: the offsets a day before and a
  // day after are the only ones midnight can have.
  const before = midnight - offsetAt(midnight - DAY_MS, timeZone);
  const after = midnight - offsetAt(midnight + DAY_MS, timeZone);
  const reads = (at: number) => at + offsetAt(at, timeZone) === midnight;
  // When the clocks go back over midnight it comes twice: the day starts at the first.
  const candidates = [before, after].filter(reads);
  // Neither reads midnight: it was skipped, and the day starts when the clocks jump, the
  // instant the old offset would have called midnight.
  return candidates.length > 0 ? Math.min(...candidates) : before;
}
