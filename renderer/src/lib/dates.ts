import { addDays, machineTimeZone, shopDate, weekdayOf } from '../../../shared/shop-date';

/**
 * The shop's time zone (its settings' `time_zone`; configureShopFormats in shop-config.ts sets
 * it after sign-in): "today" is its date and instants are shown on its clock, wherever the
 * screen is. Shop dates themselves are calendar days, the same in every zone.
 */
let timeZone = machineTimeZone();

export function configureDates(zone: string): void {
  timeZone = zone;
}

export function shopTimeZone(): string {
  return timeZone;
}

/** A shop date (`YYYY-MM-DD`) as a local calendar day, for formatters in the computer's zone. */
export function parseShopDate(date: string): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const day = new Date(1970, 0, 1);
  day.setFullYear(y, m - 1, d);
  return day;
}

export function todayShopDate(): string {
  return shopDate(new Date(), timeZone);
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter of instants on the shop's clock, made once per zone and options. */
export function shopClockFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    instantFormats.set(key, format);
  }
  return format;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

export const formatDay = (date: string) => dayFormat.format(parseShopDate(date));
export const formatLongDay = (date: string) => longDayFormat.format(parseShopDate(date));
/** The shop date of an instant, written out ("29 March 2026"). */
export const formatTimestamp = (iso: string) => shopClockFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** Monday of the week `date` falls in, as a shop date. */
export function weekStart(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Length of a shift in minutes; an end at or before the start runs past midnight. */
export function shiftMinutes(start: string, end: string): number {
  const length = minutesOf(end) - minutesOf(start);
  return length > 0 ? length : length + 24 * 60;
}

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
