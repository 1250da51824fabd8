import type { TimeEntryDto } from '../../../../shared/schemas/time-entries';

type CountedEntry = Pick<TimeEntryDto, 'user_id' | 'date' | 'clock_in' | 'worked_minutes'>;

/** What one person clocked on one shop date. */
export interface WorkedDay {
  minutes: number;
  /** Still clocked in: the minutes run up to `now`. */
  open: boolean;
}

/** The key of a person and a shop date in the maps below. */
export const dayKey = (userId: number, date: string) => `${userId}:${date}`;

/**
 * An entry's whole minutes: its own once closed; while open, floored up to `now` (never below
 * zero, should this clock be behind the server's), so a planner shows the day as it goes.
 */
export function minutesOf(entry: CountedEntry, now: number): number {
  if (entry.worked_minutes !== null) return entry.worked_minutes;
  return Math.max(0, Math.floor((now - Date.parse(entry.clock_in)) / 60_000));
}

/** Clocked minutes per person and shop date (the date of the clock-in, as the server counts them). */
export function workedByDay(entries: readonly CountedEntry[], now: number): Map<string, WorkedDay> {
  const days = new Map<string, WorkedDay>();
  for (const entry of entries) {
    const key = dayKey(entry.user_id, entry.date);
    const day = days.get(key) ?? { minutes: 0, open: false };
    days.set(key, { minutes: day.minutes + minutesOf(entry, now), open: day.open || entry.worked_minutes === null });
  }
  return days;
}

/** Clocked minutes per person over all the entries given (a week, a pay period). */
export function workedByUser(entries: readonly CountedEntry[], now: number): Map<number, number> {
  const totals = new Map<number, number>();
  for (const entry of entries) totals.set(entry.user_id, (totals.get(entry.user_id) ?? 0) + minutesOf(entry, now));
  return totals;
}

/**
 * Planned minutes per person over the entries' days: each planned shift once, however many
 * times the person clocked in on its date.
 */
export function plannedByUser(entries: readonly Pick<TimeEntryDto, 'user_id' | 'date' | 'planned'>[]): Map<number, number> {
  const seen = new Set<string>();
  const totals = new Map<number, number>();
  for (const entry of entries) {
    const key = dayKey(entry.user_id, entry.date);
    if (entry.planned === null || seen.has(key)) continue;
    seen.add(key);
    totals.set(entry.user_id, (totals.get(entry.user_id) ?? 0) + entry.planned.planned_minutes);
  }
  return totals;
}

/** Where the timesheet shows each day's worked − planned. */
export interface DayDifferences {
  /** On the last entry of a person's day: the day's closed minutes minus its plan. */
  byEntry: Map<number, number>;
  /** Entries followed by another of the same person and day. */
  notLast: Set<number>;
}

/**
 * Each person's day compared with its plan, once, on the day's last entry (a split shift's two
 * entries share one plan). No difference for a day without a plan, nor while someone is still
 * clocked in on it: it is not over.
 */
export function dayDifferences(
  entries: readonly Pick<TimeEntryDto, 'id' | 'user_id' | 'date' | 'worked_minutes' | 'planned'>[],
): DayDifferences {
  const groups = new Map<string, Pick<TimeEntryDto, 'id' | 'worked_minutes' | 'planned'>[]>();
  for (const entry of entries) {
    const key = dayKey(entry.user_id, entry.date);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const byEntry = new Map<number, number>();
  const notLast = new Set<number>();
  for (const group of groups.values()) {
    const last = group.at(-1);
    if (!last) continue;
    for (const entry of group.slice(0, -1)) notLast.add(entry.id);
    const planned = group.find((e) => e.planned !== null)?.planned;
    if (!planned || group.some((e) => e.worked_minutes === null)) continue;
    const worked = group.reduce((sum, e) => sum + (e.worked_minutes ?? 0), 0);
    byEntry.set(last.id, worked - planned.planned_minutes);
  }
  return { byEntry, notLast };
}
