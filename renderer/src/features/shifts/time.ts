import { isClockTime } from '../../../../shared/formats';
import { addDays } from '../../../../shared/shop-date';
import { formatDuration, parseShopDate, shiftMinutes } from '../../lib/dates';

// The server's own rules, for the planner to check what is typed and what is in the address.
export { isClockTime, isShopDate } from '../../../../shared/formats';

/**
 * What a person typed as a time, as `HH:MM` when it can only mean one: "8" → 08:00,
 * "830" → 08:30, "8:5" stays as typed (ambiguous), "0830", "8.30", "8h30" → 08:30.
 */
export function normalizeClock(input: string): string {
  const text = input.trim();
  if (text === '') return '';
  let hours: string | undefined;
  let minutes: string | undefined;
  const parts = /^(\d{1,2})\s*[:.hH]\s*(\d{2})$/.exec(text);
  if (parts) [, hours, minutes] = parts;
  else if (/^\d{1,2}$/.test(text)) [hours, minutes] = [text, '00'];
  else if (/^\d{3,4}$/.test(text)) [hours, minutes] = [text.slice(0, -2), text.slice(-2)];
  if (hours === undefined || minutes === undefined) return text;
  const candidate = `${hours.padStart(2, '0')}:${minutes}`;
  return isClockTime(candidate) ? candidate : text;
}

/** An end before the start runs into the next day (an end at 00:00 is midnight, not overnight). */
export function isOvernight(start: string, end: string): boolean {
  return end < start && end !== '00:00';
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const dayMonthFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "23 – 29 Nov 2026" in the person's own locale. */
export function formatWeekRange(monday: string): string {
  return rangeFormat.formatRange(parseShopDate(monday), parseShopDate(addDays(monday, 6)));
}

export const formatWeekday = (date: string) => weekdayFormat.format(parseShopDate(date));
export const formatDayMonth = (date: string) => dayMonthFormat.format(parseShopDate(date));

/** How long the shifts last together (an overnight one counts whole on the day it starts). */
export function totalMinutes(shifts: readonly { start_time: string; end_time: string }[]): number {
  return shifts.reduce((sum, s) => sum + shiftMinutes(s.start_time, s.end_time), 0);
}

/** A total: "38 h", "7 h 30 min", "–" for none. */
export function formatHours(minutes: number): string {
  return minutes === 0 ? '–' : formatDuration(minutes);
}
