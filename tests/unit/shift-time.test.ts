// What a manager types as a shift time (renderer/src/features/shifts/time.ts) and shift lengths.
import { describe, expect, it } from 'vitest';
import { formatDuration, shiftMinutes } from '../../renderer/src/lib/dates';
import { formatHours, isClockTime, isOvernight, isShopDate, normalizeClock, weekDays } from '../../renderer/src/features/shifts/time';

describe('shift times', () => {
  it('accepts only 24-hour HH:MM', () => {
    for (const ok of ['00:00', '08:30', '23:59']) expect(isClockTime(ok)).toBe(true);
    for (const bad of ['24:00', '8:30', '08:60', '0830', '', '08:30 ']) expect(isClockTime(bad)).toBe(false);
  });

  it('turns what people type into HH:MM when it can only mean one time', () => {
    const cases: [string, string][] = [
      ['8', '08:00'],
      ['17', '17:00'],
      ['830', '08:30'],
      ['0830', '08:30'],
      ['8:30', '08:30'],
      ['8.30', '08:30'],
      ['8h30', '08:30'],
      [' 22:15 ', '22:15'],
      ['', ''],
    ];
    for (const [typed, clock] of cases) expect(normalizeClock(typed)).toBe(clock);
  });

  it('leaves what is ambiguous or impossible as typed, for the form to refuse', () => {
    for (const typed of ['8:5', '25', '2460', '12:75', 'noon', '12345']) expect(normalizeClock(typed)).toBe(typed);
  });

  it('knows a shift that runs past midnight (an end at 00:00 is midnight, not the next day)', () => {
    expect(isOvernight('22:00', '06:00')).toBe(true);
    expect(isOvernight('18:00', '00:00')).toBe(false);
    expect(isOvernight('08:00', '16:00')).toBe(false);
  });

  it('measures shifts, overnight ones included', () => {
    expect(shiftMinutes('08:00', '16:30')).toBe(510);
    expect(shiftMinutes('22:00', '06:00')).toBe(480);
    expect(shiftMinutes('18:00', '00:00')).toBe(360);
    expect(formatDuration(510)).toBe('8 h 30 min');
    expect(formatHours(0)).toBe('–');
    expect(formatHours(38 * 60)).toBe('38 h');
  });

  it('lists the seven days of a week from its Monday, across a month end', () => {
    expect(weekDays('2026-11-30')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });

  it('accepts only real calendar dates', () => {
    expect(isShopDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', 'today']) expect(isShopDate(bad)).toBe(false);
  });
});
