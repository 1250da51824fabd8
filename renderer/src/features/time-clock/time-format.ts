import { shopClockFormat } from '../../lib/dates';

/** "09:02": an instant on the shop's 24-hour clock, as shifts are planned. */
export const formatClock = (iso: string) => shopClockFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** "2 h 14 min", "45 min", "0 min": a worked time. */
export function formatWorked(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "7 h 45", "8 h", "30 min": a clocked time where room is short (the planner's cells). */
export function formatCompact(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** A total of the timesheet: "8 h", "30 min", "–" for none. */
export const formatTotal = (minutes: number) => (minutes === 0 ? '–' : formatWorked(minutes));

/** "+15 min", "−1 h 30 min", "±0": worked minus planned. */
export function formatDifference(minutes: number): string {
  if (minutes === 0) return '±0';
  return `${minutes > 0 ? '+' : '−'}${formatWorked(Math.abs(minutes))}`;
}
