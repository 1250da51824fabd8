// Clocked minutes per worker and day, as the shift planner and the timesheet add them up
// (renderer/src/features/time-clock/worked-by-day.ts).
import { describe, expect, it } from 'vitest';
import {
  dayDifferences,
  dayKey,
  minutesOf,
  plannedByUser,
  workedByDay,
  workedByUser,
} from '../../renderer/src/features/time-clock/worked-by-day';

const NOW = Date.parse('2026-12-01T15:00:00Z');
const planned = (date: string, minutes: number) => ({ date, start_time: '09:00', end_time: '17:00', planned_minutes: minutes });

const entries = [
  { user_id: 1, date: '2026-11-30', clock_in: '2026-11-30T08:00:00Z', worked_minutes: 240, planned: planned('2026-11-30', 480) },
  { user_id: 1, date: '2026-11-30', clock_in: '2026-11-30T13:00:00Z', worked_minutes: 225, planned: planned('2026-11-30', 480) },
  { user_id: 2, date: '2026-11-30', clock_in: '2026-11-30T09:00:00Z', worked_minutes: 480, planned: null },
  // Still clocked in since 12:30:30: two and a half hours, floored.
  { user_id: 1, date: '2026-12-01', clock_in: '2026-12-01T12:30:30Z', worked_minutes: null, planned: planned('2026-12-01', 300) },
];

describe('worked by day', () => {
  it('adds up the entries of one person and date, apart from the others', () => {
    const days = workedByDay(entries, NOW);
    expect(days.get(dayKey(1, '2026-11-30'))).toEqual({ minutes: 465, open: false });
    expect(days.get(dayKey(2, '2026-11-30'))).toEqual({ minutes: 480, open: false });
    expect(days.get(dayKey(1, '2026-12-01'))).toEqual({ minutes: 149, open: true });
    expect(days.get(dayKey(2, '2026-12-01'))).toBeUndefined();
    expect(days.size).toBe(3);
  });

  it('counts an open entry up to now, never below zero', () => {
    const open = { user_id: 1, date: '2026-12-01', clock_in: '2026-12-01T15:00:59Z', worked_minutes: null };
    expect(minutesOf(open, NOW)).toBe(0);
    expect(minutesOf(open, NOW + 120_000)).toBe(1);
    expect(minutesOf({ ...open, worked_minutes: 0 }, NOW + 3_600_000)).toBe(0);
  });

  it('totals a person over the range', () => {
    expect(workedByUser(entries, NOW)).toEqual(
      new Map([
        [1, 614],
        [2, 480],
      ]),
    );
    expect(workedByUser([], NOW).size).toBe(0);
  });

  it('counts each planned shift once, however many entries share its date', () => {
    expect(plannedByUser(entries)).toEqual(new Map([[1, 780]]));
  });

  it('compares each day with its plan once, on its last entry, and not while it runs', () => {
    const withIds = entries.map((e, i) => ({ ...e, id: i + 1 }));
    const { byEntry, notLast } = dayDifferences(withIds);
    // Person 1 on 30 Nov: 240 + 225 against 480 planned, on the second entry.
    expect(byEntry).toEqual(new Map([[2, -15]]));
    expect([...notLast]).toEqual([1]);
    const over = dayDifferences([{ id: 9, user_id: 3, date: '2026-11-30', worked_minutes: 500, planned: planned('2026-11-30', 480) }]);
    expect(over.byEntry.get(9)).toBe(20);
  });
});
