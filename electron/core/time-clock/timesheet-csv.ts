import { wallClock } from '../../../shared/shop-date';
import type { UserRow } from '../../../db/schema';
import { plannedMinutes, shiftKey, workedMinutes, type TimeEntryRow, type WorkingTimeRow } from './time-entry-dto';

export const TIMESHEET_COLUMNS = [
  'date',
  'user_id',
  'username',
  'name',
  'planned_start',
  'planned_end',
  'planned_minutes',
  'worked_minutes',
  'entries',
  'times',
] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula: such a cell gets a
 * leading `'`, as the products export does (Papa's `escapeFormulae`).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const pad = (value: number) => String(value).padStart(2, '0');

function clockOf(at: number, timeZone: string): string {
  const clock = wallClock(at, timeZone);
  return `${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** "08:02-16:05", or "08:02-" while still clocked in. */
function spanOf(entry: TimeEntryRow, timeZone: string): string {
  return `${clockOf(entry.clockIn, timeZone)}-${entry.clockOut === null ? '' : clockOf(entry.clockOut, timeZone)}`;
}

export interface TimesheetInput {
  entries: TimeEntryRow[];
  shifts: WorkingTimeRow[];
  users: ReadonlyMap<number, UserRow>;
  timeZone: string;
}

/**
 * One row per person and shop date that has a planned shift or an entry (a planned day with no
 * entry is an absence payroll wants to see). Worked minutes add up each entry's floored minutes;
 * an open entry counts nothing yet.
 */
export function timesheetCsv({ entries, shifts, users, timeZone }: TimesheetInput): string {
  const days = new Map<string, { userId: number; date: string; shift?: WorkingTimeRow; entries: TimeEntryRow[] }>();
  const dayOf = (userId: number, date: string) => {
    const key = shiftKey(userId, date);
    let day = days.get(key);
    if (!day) {
      day = { userId, date, entries: [] };
      days.set(key, day);
    }
    return day;
  };
  for (const shift of shifts) dayOf(shift.userId, shift.date).shift = shift;
  for (const entry of entries) dayOf(entry.userId, entry.shopDate).entries.push(entry);

  const nameOf = (user: UserRow | undefined) => (user ? `${user.firstName} ${user.lastName}`.trim() : '');
  const rows = [...days.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || nameOf(users.get(a.userId)).localeCompare(nameOf(users.get(b.userId))) || a.userId - b.userId,
  );
  const lines = [TIMESHEET_COLUMNS.join(',')];
  for (const day of rows) {
    const user = users.get(day.userId);
    const worked = day.entries.reduce((sum, entry) => sum + (workedMinutes(entry) ?? 0), 0);
    const cells: (string | number)[] = [
      day.date,
      day.userId,
      user?.username ?? '',
      nameOf(user),
      day.shift?.startTime ?? '',
      day.shift?.endTime ?? '',
      day.shift ? plannedMinutes(day.shift.startTime, day.shift.endTime) : 0,
      worked,
      day.entries.length,
      day.entries
        .sort((a, b) => a.clockIn - b.clockIn)
        .map((entry) => spanOf(entry, timeZone))
        .join(' '),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
