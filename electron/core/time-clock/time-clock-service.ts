import { and, asc, eq, gte, inArray, isNull, lte, ne, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { timeEntries, users, workingTimes, type UserRow } from '../../../db/schema';
import { ROLE_IDS, WORKER_ROLES } from '../../../shared/roles';
import type {
  ClockStatus,
  CorrectTimeEntryInput,
  ListTimeEntriesQuery,
  TimeEntriesRange,
  TimeEntryDto,
} from '../../../shared/schemas/time-entries';
import { shopDate } from '../../../shared/shop-date';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { DomainError, invalidField, notFound } from '../errors';
import { requirePermission } from '../permissions';
import { loadReachableUser } from '../staff/user-access';
import { resolveRange, type ShopDateRange } from './time-range';
import { plannedMinutes, shiftKey, toTimeEntryDto, workedMinutes, type TimeEntryRow, type WorkingTimeRow } from './time-entry-dto';
import { timesheetCsv } from './timesheet-csv';

export interface TimeClockDeps {
  /** The shop's `time_zone`, read at each call: an entry belongs to the shop date of its clock-in. */
  timeZone(): string;
}

/** Two clock-ins racing past the check still meet the partial unique index (one open entry per user). */
function isOneOpenPerUserViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const alreadyIn = () => new DomainError('invalid_state', 'You are already clocked in; clock out first.');
const notIn = () => new DomainError('invalid_state', 'You are not clocked in.');

/**
 * Clock-in and clock-out (API-SELLING.md, Clock-in): staff clock themselves in and out; their
 * manager (or the Super Admin) reads and corrects the entries, each correction audited with its
 * reason. Times are epoch milliseconds; dates are the shop's.
 */
export function createTimeClockService(db: Db, deps: TimeClockDeps) {
  /** The planned shifts of the entries, one per person and date (the unique index of working_times). */
  function shiftsFor(tx: DbOrTx, rows: TimeEntryRow[]): Map<string, WorkingTimeRow> {
    const shifts = new Map<string, WorkingTimeRow>();
    if (rows.length === 0) return shifts;
    const userIds = [...new Set(rows.map((r) => r.userId))];
    const dates = [...new Set(rows.map((r) => r.shopDate))];
    const found = tx
      .select()
      .from(workingTimes)
      .where(and(inArray(workingTimes.userId, userIds), inArray(workingTimes.date, dates)))
      .all();
    for (const shift of found) shifts.set(shiftKey(shift.userId, shift.date), shift);
    return shifts;
  }

  function withPlanned(tx: DbOrTx, rows: TimeEntryRow[]): TimeEntryDto[] {
    const shifts = shiftsFor(tx, rows);
    return rows.map((row) => toTimeEntryDto(row, shifts.get(shiftKey(row.userId, row.shopDate))));
  }

  const one = (tx: DbOrTx, row: TimeEntryRow): TimeEntryDto => withPlanned(tx, [row])[0] ?? toTimeEntryDto(row, undefined);

  /**
   * Whose entries a list covers: `null` for everyone (the Super Admin); a manager's own workers,
   * deleted ones included (their hours still go to payroll); or the one person asked for.
   */
  function scopeOf(actor: Actor, userId: number | undefined): number[] | null {
    const reach = requirePermission(actor, 'time_entries.list');
    if (userId !== undefined)
      return [loadReachableUser(db, actor, userId, 'time_entries.list', 'Your own entries are at GET /users/{id}/time-entries.').id];
    if (reach === 'any') return null;
    return db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.managerId, actor.user.id),
          inArray(
            users.roleId,
            WORKER_ROLES.map((role) => ROLE_IDS[role]),
          ),
        ),
      )
      .all()
      .map((u) => u.id);
  }

  function entriesIn(scope: number[] | null, range: ShopDateRange): TimeEntryRow[] {
    if (scope !== null && scope.length === 0) return [];
    const conditions: SQL[] = [gte(timeEntries.shopDate, range.from), lte(timeEntries.shopDate, range.to)];
    if (scope !== null) conditions.push(inArray(timeEntries.userId, scope));
    return db
      .select()
      .from(timeEntries)
      .where(and(...conditions))
      .orderBy(asc(timeEntries.clockIn), asc(timeEntries.id))
      .all();
  }

  /** A correction may not make two of a person's entries overlap (an open one runs until now). */
  function overlaps(tx: DbOrTx, entry: TimeEntryRow, clockIn: number, clockOut: number, now: number): boolean {
    return tx
      .select()
      .from(timeEntries)
      .where(and(eq(timeEntries.userId, entry.userId), ne(timeEntries.id, entry.id)))
      .all()
      .some((other) => other.clockIn < clockOut && (other.clockOut ?? now) > clockIn);
  }

  return {
    /**
     * The signed-in person's clock, for the Clock in / out button: the open entry (clocked in
     * yesterday too) and today's planned shift, to say "Planned 09:00–17:00" before clocking in.
     */
    current(actor: Actor, now = Date.now()): ClockStatus {
      requirePermission(actor, 'time_clock.use', 'Only staff clock in.');
      const open = db
        .select()
        .from(timeEntries)
        .where(and(eq(timeEntries.userId, actor.user.id), isNull(timeEntries.clockOut)))
        .get();
      const today = db
        .select()
        .from(workingTimes)
        .where(and(eq(workingTimes.userId, actor.user.id), eq(workingTimes.date, shopDate(now, deps.timeZone()))))
        .get();
      return {
        entry: open ? one(db, open) : null,
        planned_today: today
          ? { start_time: today.startTime, end_time: today.endTime, planned_minutes: plannedMinutes(today.startTime, today.endTime) }
          : null,
      };
    },

    clockIn(actor: Actor, now = Date.now()): TimeEntryDto {
      requirePermission(actor, 'time_clock.use', 'Only staff clock in.');
      return db.transaction((tx) => {
        const open = tx
          .select()
          .from(timeEntries)
          .where(and(eq(timeEntries.userId, actor.user.id), isNull(timeEntries.clockOut)))
          .get();
        if (open) throw alreadyIn();
        try {
          const row = tx
            .insert(timeEntries)
            .values({ userId: actor.user.id, shopDate: shopDate(now, deps.timeZone()), clockIn: now, createdAt: now, updatedAt: now })
            .returning()
            .get();
          return one(tx, row);
        } catch (error) {
          if (isOneOpenPerUserViolation(error)) throw alreadyIn();
          throw error;
        }
      });
    },

    clockOut(actor: Actor, now = Date.now()): TimeEntryDto {
      requirePermission(actor, 'time_clock.use', 'Only staff clock out.');
      return db.transaction((tx) => {
        const open = tx
          .select()
          .from(timeEntries)
          .where(and(eq(timeEntries.userId, actor.user.id), isNull(timeEntries.clockOut)))
          .get();
        if (!open) throw notIn();
        // A clock that stepped back never makes a negative entry.
        const clockOut = Math.max(now, open.clockIn);
        const row = tx
          .update(timeEntries)
          .set({ clockOut, updatedAt: now })
          .where(and(eq(timeEntries.id, open.id), isNull(timeEntries.clockOut)))
          .returning()
          .get();
        if (!row) throw notIn();
        return one(tx, row);
      });
    },

    /** One person's entries: themselves, their manager, the Super Admin (the users rules). */
    listForUser(actor: Actor, userId: number, range: TimeEntriesRange, now = Date.now()): TimeEntryDto[] {
      const target = loadReachableUser(db, actor, userId, 'time_entries.read');
      return withPlanned(db, entriesIn([target.id], resolveRange(range, deps.timeZone(), now)));
    },

    /** Managers: their workers' entries; the Super Admin: everyone's. */
    list(actor: Actor, query: ListTimeEntriesQuery, now = Date.now()): TimeEntryDto[] {
      const scope = scopeOf(actor, query.user_id);
      return withPlanned(db, entriesIn(scope, resolveRange(query, deps.timeZone(), now)));
    },

    /** The payroll timesheet of the same people and range as `list`, as CSV. */
    exportCsv(actor: Actor, query: ListTimeEntriesQuery, now = Date.now()): string {
      const scope = scopeOf(actor, query.user_id);
      const range = resolveRange(query, deps.timeZone(), now);
      const entries = entriesIn(scope, range);
      const shiftConditions: SQL[] = [gte(workingTimes.date, range.from), lte(workingTimes.date, range.to)];
      if (scope !== null) shiftConditions.push(inArray(workingTimes.userId, scope.length > 0 ? scope : [-1]));
      const shifts = db
        .select()
        .from(workingTimes)
        .where(and(...shiftConditions))
        .all();
      const ids = [...new Set([...entries.map((e) => e.userId), ...shifts.map((s) => s.userId)])];
      const people = ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids)).all();
      return timesheetCsv({ entries, shifts, users: new Map(people.map((u): [number, UserRow] => [u.id, u])), timeZone: deps.timeZone() });
    },

    /** A manager's correction of a worker's entry, audited with its reason; it never reopens one. */
    correct(actor: Actor, id: number, input: CorrectTimeEntryInput, now = Date.now()): TimeEntryDto {
      return db.transaction((tx) => {
        const before = tx.select().from(timeEntries).where(eq(timeEntries.id, id)).get();
        if (!before) throw notFound('TimeEntry');
        try {
          loadReachableUser(tx, actor, before.userId, 'time_entries.correct', 'Your own entries are corrected by your manager.');
        } catch (error) {
          // Out of reach, the entry does not exist either.
          if (error instanceof DomainError && error.error === 'not_found') throw notFound('TimeEntry');
          throw error;
        }
        const clockIn = input.clock_in === undefined ? before.clockIn : Date.parse(input.clock_in);
        const clockOut = input.clock_out === undefined ? before.clockOut : Date.parse(input.clock_out);
        if (clockIn > now) throw invalidField('clock_in', 'The clock-in cannot be in the future.');
        if (clockOut !== null && clockOut > now) throw invalidField('clock_out', 'The clock-out cannot be in the future.');
        if (clockOut !== null && clockOut <= clockIn) throw invalidField('clock_out', 'The clock-out must be after the clock-in.');
        if (overlaps(tx, before, clockIn, clockOut ?? now, now)) {
          throw invalidField(
            input.clock_in === undefined ? 'clock_out' : 'clock_in',
            'These times overlap another entry of the same person.',
          );
        }
        const row = tx
          .update(timeEntries)
          .set({ clockIn, clockOut, shopDate: shopDate(clockIn, deps.timeZone()), updatedAt: now })
          .where(eq(timeEntries.id, before.id))
          .returning()
          .get();
        if (!row) throw notFound('TimeEntry');
        const snapshot = (entry: TimeEntryRow) => ({
          id: entry.id,
          date: entry.shopDate,
          clock_in: new Date(entry.clockIn).toISOString(),
          clock_out: entry.clockOut === null ? null : new Date(entry.clockOut).toISOString(),
          worked_minutes: workedMinutes(entry),
        });
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'time_entry.corrected',
          targetType: 'user',
          targetId: before.userId,
          before: snapshot(before),
          after: { ...snapshot(row), reason: input.reason },
          now,
        });
        return one(tx, row);
      });
    },
  };
}

export type TimeClockService = ReturnType<typeof createTimeClockService>;
