import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, workingTimes } from '../../../db/schema';
import { addDays, shopDate } from '../../../shared/shop-date';
import type { ProfileDto } from '../../../shared/schemas/profile';
import { toWorkingTimeDto } from '../shifts/working-times-service';
import type { Actor } from '../actor';
import { findUserById, toUserDto } from './user-queries';

/** `GET /me` shows the last 7 days and the next 28. */
const PAST_DAYS = 7;
const FUTURE_DAYS = 28;

export interface ProfileDeps {
  /** The shop's `time_zone`, read at each call: the shifts shown are around its today. */
  timeZone(): string;
}

/** Seed 000's profile: a worker sees their manager and shifts; a manager sees their workers. */
export function createProfileService(db: Db, deps: ProfileDeps) {
  function shiftsOf(userIds: number[], now: Date) {
    if (userIds.length === 0) return [];
    const today = shopDate(now, deps.timeZone());
    return db
      .select()
      .from(workingTimes)
      .where(
        and(
          inArray(workingTimes.userId, userIds),
          gte(workingTimes.date, addDays(today, -PAST_DAYS)),
          lte(workingTimes.date, addDays(today, FUTURE_DAYS)),
        ),
      )
      .orderBy(asc(workingTimes.date))
      .all();
  }

  return {
    me(actor: Actor, now = new Date()): ProfileDto {
      const user = actor.user;
      const workers = db
        .select()
        .from(users)
        .where(and(eq(users.managerId, user.id), isNull(users.deletedAt)))
        .orderBy(asc(users.lastName), asc(users.firstName))
        .all();
      if (actor.role === 'manager' || workers.length > 0) {
        const shifts = shiftsOf(
          workers.map((w) => w.id),
          now,
        );
        return {
          ...toUserDto(user),
          workers: workers.map((w) => ({
            id: w.id,
            username: w.username,
            first_name: w.firstName,
            last_name: w.lastName,
            working_times: shifts.filter((s) => s.userId === w.id).map(toWorkingTimeDto),
          })),
        };
      }
      const found = user.managerId === null ? undefined : findUserById(db, user.managerId);
      const manager = found && found.deletedAt === null ? found : undefined;
      return {
        ...toUserDto(user),
        manager: manager ? { id: manager.id, first_name: manager.firstName, last_name: manager.lastName } : null,
        working_times: shiftsOf([user.id], now).map(toWorkingTimeDto),
      };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
