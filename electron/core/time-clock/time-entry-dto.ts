import type { timeEntries, workingTimes } from '../../../db/schema';
import type { PlannedShiftDto, TimeEntryDto } from '../../../shared/schemas/time-entries';

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export type WorkingTimeRow = typeof workingTimes.$inferSelect;

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

function minutesOfDay(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** A shift's length on the wall clock; an end before the start runs past midnight. */
export function plannedMinutes(startTime: string, endTime: string): number {
  const length = minutesOfDay(endTime) - minutesOfDay(startTime);
  return length > 0 ? length : length + DAY_MINUTES;
}

/** Whole minutes, floored (API-SELLING.md, Small decisions); null while clocked in. */
export function workedMinutes(row: Pick<TimeEntryRow, 'clockIn' | 'clockOut'>): number | null {
  return row.clockOut === null ? null : Math.floor((row.clockOut - row.clockIn) / MINUTE_MS);
}

export function toPlannedDto(shift: WorkingTimeRow | undefined): PlannedShiftDto | null {
  if (!shift) return null;
  return {
    date: shift.date,
    start_time: shift.startTime,
    end_time: shift.endTime,
    planned_minutes: plannedMinutes(shift.startTime, shift.endTime),
  };
}

export function toTimeEntryDto(row: TimeEntryRow, shift: WorkingTimeRow | undefined): TimeEntryDto {
  return {
    id: row.id,
    user_id: row.userId,
    date: row.shopDate,
    clock_in: new Date(row.clockIn).toISOString(),
    clock_out: row.clockOut === null ? null : new Date(row.clockOut).toISOString(),
    worked_minutes: workedMinutes(row),
    planned: toPlannedDto(shift),
  };
}

/** The key the planned shifts of a list are looked up by: one shift per person and date. */
export const shiftKey = (userId: number, date: string) => `${userId}|${date}`;
