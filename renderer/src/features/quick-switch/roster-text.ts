import type { SwitchRosterEntry } from '../../../../shared/schemas/pins';

/** What the roster says of someone's day: the planned shift, clocked in, or both. */
export function shiftTextOf(entry: Pick<SwitchRosterEntry, 'planned' | 'clocked_in'>): string {
  const parts = [
    ...(entry.planned ? [`planned ${entry.planned.start_time}–${entry.planned.end_time}`] : []),
    ...(entry.clocked_in ? ['clocked in'] : []),
  ];
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
