import { shopDate } from '../../../shared/shop-date';

/** A shop date (`YYYY-MM-DD`) as a local calendar day. */
export function parseShopDate(date: string): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function todayShopDate(): string {
  return shopDate(new Date());
}

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const monthYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

export const formatDay = (date: string) => dayFormat.format(parseShopDate(date));
export const formatLongDay = (date: string) => longDayFormat.format(parseShopDate(date));
export const formatTimestamp = (iso: string) => monthYearFormat.format(new Date(iso));

/** Monday of the week `date` falls in, as a shop date. */
export function weekStart(date: string): string {
  const day = parseShopDate(date);
  const offset = (day.getDay() + 6) % 7;
  return shopDate(new Date(day.getFullYear(), day.getMonth(), day.getDate() - offset));
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
