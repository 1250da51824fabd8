import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, workingTimes } from '../../../db/schema';
import { addDays, shopDate } from '../../../shared/shop-date';
import type { WorkingTimeDto } from '../../../shared/schemas/profile';
import { isOneOf, ROLE_IDS, STAFF_ROLES, WORKER_ROLES, type RoleKey } from '../../../shared/roles';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import { invalidField, notFound } from '../errors';
import { requirePermission } from '../permissions';
import { loadReachableUser } from '../staff/user-access';
import { roleOfUser } from '../staff/user-queries';

const MAX_RANGE_DAYS = 366;

export interface WeekPlan {
  days: string[];
  workers: {
    id: number;
    username: string;
    first_name: string;
    last_name: string;
    role: RoleKey;
    is_active: boolean;
    shifts: WorkingTimeDto[];
  }[];
}

export function toWorkingTimeDto(row: typeof workingTimes.$inferSelect): WorkingTimeDto {
  return {
    id: row.id,
    date: row.date,
    start_time: row.startTime,
    end_time: row.endTime,
    created_date: new Date(row.createdAt).toISOString(),
    created_by: row.createdBy,
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface WorkingTimesDeps {
  /** The shop's `time_zone`, read at each call: "today" is its date. */
  timeZone(): string;
}

/**
 * Seed 000's working times: a manager sets each of their workers' start and end time per day
 * (an end before the start is an overnight shift). Every change is audited.
 */
export function createWorkingTimesService(db: Db, deps: WorkingTimesDeps) {
  /** Who may set times for whom (`working_times.plan`); shifts are for staff only. */
  function loadSchedulable(actor: Actor, userId: number) {
    const target = loadReachableUser(db, actor, userId, 'working_times.plan', 'Managers plan their workers’ times, not their own.');
    if (!isOneOf(STAFF_ROLES, roleOfUser(target))) throw notFound('User');
    return target;
  }

  const service = {
    list(actor: Actor, userId: number, range: { from?: string; to?: string }, now = new Date()): WorkingTimeDto[] {
      const target = loadReachableUser(db, actor, userId, 'working_times.read');
      const today = shopDate(now, deps.timeZone());
      const from = range.from ?? addDays(today, -7);
      // By default the same window as `GET /me`: the last 7 days and the next 28.
      const to = range.to ?? addDays(from, 35);
      if (to < from) throw invalidField('to', 'The end of the range is before its start.');
      if (daysBetween(from, to) > MAX_RANGE_DAYS) throw invalidField('to', `Ask for at most ${MAX_RANGE_DAYS} days at once.`);
      return db
        .select()
        .from(workingTimes)
        .where(and(eq(workingTimes.userId, target.id), gte(workingTimes.date, from), lte(workingTimes.date, to)))
        .orderBy(asc(workingTimes.date))
        .all()
        .map(toWorkingTimeDto);
    },

    set(actor: Actor, userId: number, date: string, times: { start_time: string; end_time: string }, now = Date.now()): WorkingTimeDto {
      const target = loadSchedulable(actor, userId);
      return db.transaction((tx) => {
        const before = tx
          .select()
          .from(workingTimes)
          .where(and(eq(workingTimes.userId, target.id), eq(workingTimes.date, date)))
          .get();
        const row = tx
          .insert(workingTimes)
          .values({
            userId: target.id,
            date,
            startTime: times.start_time,
            endTime: times.end_time,
            createdAt: now,
            createdBy: actor.user.id,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [workingTimes.userId, workingTimes.date],
            set: { startTime: times.start_time, endTime: times.end_time, createdAt: now, createdBy: actor.user.id, updatedAt: now },
          })
          .returning()
          .get();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: before ? 'working_time.changed' : 'working_time.set',
          targetType: 'user',
          targetId: target.id,
          before: before ? toWorkingTimeDto(before) : undefined,
          after: toWorkingTimeDto(row),
          now,
        });
        return toWorkingTimeDto(row);
      });
    },

    /** The planner's week: every worker the actor plans for, with their shift per day. */
    week(actor: Actor, weekStart: string): WeekPlan {
      const reach = requirePermission(actor, 'working_times.plan');
      const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
      // The whole shop's plan holds every worker and the managers too; a narrower reach, the
      // actor's own workers.
      const planned =
        reach === 'any' ? [ROLE_IDS.manager, ROLE_IDS.attendant, ROLE_IDS.cashier] : WORKER_ROLES.map((role) => ROLE_IDS[role]);
      const conditions = [isNull(users.deletedAt), inArray(users.roleId, planned)];
      if (reach !== 'any') conditions.push(eq(users.managerId, actor.user.id));
      const workers = db
        .select()
        .from(users)
        .where(and(...conditions))
        .orderBy(asc(users.lastName), asc(users.firstName))
        .all();
      const ids = workers.map((w) => w.id);
      const shifts =
        ids.length === 0
          ? []
          : db
              .select()
              .from(workingTimes)
              .where(
                and(
                  inArray(workingTimes.userId, ids),
                  gte(workingTimes.date, days[0] ?? weekStart),
                  lte(workingTimes.date, days[6] ?? weekStart),
                ),
              )
              .all();
      return {
        days,
        workers: workers.map((w) => ({
          id: w.id,
          username: w.username,
          first_name: w.firstName,
          last_name: w.lastName,
          role: roleOfUser(w),
          is_active: w.isActive,
          shifts: shifts.filter((s) => s.userId === w.id).map(toWorkingTimeDto),
        })),
      };
    },

    /** Copies last week's shifts onto this week, day by day; days with no shift last week stay as they are. */
    copyPreviousWeek(actor: Actor, weekStart: string, now = Date.now()): number {
      const previous = service.week(actor, addDays(weekStart, -7));
      // One transaction: the week is copied whole or not at all.
      return db.transaction(() => {
        let copied = 0;
        for (const worker of previous.workers) {
          for (const shift of worker.shifts) {
            service.set(actor, worker.id, addDays(shift.date, 7), { start_time: shift.start_time, end_time: shift.end_time }, now);
            copied++;
          }
        }
        return copied;
      });
    },

    clear(actor: Actor, userId: number, date: string, now = Date.now()): void {
      const target = loadSchedulable(actor, userId);
      db.transaction((tx) => {
        const before = tx
          .select()
          .from(workingTimes)
          .where(and(eq(workingTimes.userId, target.id), eq(workingTimes.date, date)))
          .get();
        if (!before) return;
        tx.delete(workingTimes).where(eq(workingTimes.id, before.id)).run();
        recordAudit(tx, {
          actorId: actor.user.id,
          action: 'working_time.cleared',
          targetType: 'user',
          targetId: target.id,
          before: toWorkingTimeDto(before),
          now,
        });
      });
    },
  };
  return service;
}

export type WorkingTimesService = ReturnType<typeof createWorkingTimesService>;
