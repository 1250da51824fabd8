import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { timeEntries, users, workingTimes, type UserRow } from '../../../db/schema';
import { ROLE_IDS, STAFF_ROLES } from '../../../shared/roles';
import type { SwitchRoster, SwitchRosterEntry } from '../../../shared/schemas/pins';
import { addDays, shopDate, wallClock } from '../../../shared/shop-date';
import { roleOfUser } from '../staff/user-queries';
import type { WorkingTimeRow } from '../time-clock/time-entry-dto';
import type { AssertTrustedDevice, DeviceOrigin } from './device-trust';

interface SwitchRosterDeps {
  db: Db;
  assertTrustedDevice: AssertTrustedDevice;
  /** The shop's `time_zone`, read at each call: "today" is its date. */
  timeZone(): string;
}

/** An end at or before the start runs past midnight (time-entry-dto.ts `plannedMinutes`). */
const isOvernight = (shift: WorkingTimeRow) => shift.endTime <= shift.startTime;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The till's quick-switch screen (docs/api.md, "Staff PINs and approvals"): the active staff
 * planned for today's shop date, or still on last night's shift, or clocked in now. Shown before
 * anyone signs in, so only on a device the shop trusts, checked exactly as the PIN sign-in is.
 */
export function createSwitchRoster({ db, assertTrustedDevice, timeZone }: SwitchRosterDeps) {
  /** Per person, the shift they are working now or today: last night's, still running, first. */
  function currentShifts(now: number): Map<number, WorkingTimeRow> {
    const zone = timeZone();
    const today = shopDate(now, zone);
    const yesterday = addDays(today, -1);
    const clock = wallClock(now, zone);
    const nowOnClock = `${pad(clock.hour)}:${pad(clock.minute)}`;
    const shifts = new Map<number, WorkingTimeRow>();
    const rows = db
      .select()
      .from(workingTimes)
      .where(inArray(workingTimes.date, [today, yesterday]))
      .all();
    for (const shift of rows) {
      if (shift.date === today && !shifts.has(shift.userId)) shifts.set(shift.userId, shift);
      if (shift.date === yesterday && isOvernight(shift) && nowOnClock < shift.endTime) shifts.set(shift.userId, shift);
    }
    return shifts;
  }

  function clockedInUsers(): Set<number> {
    const open = db.select({ userId: timeEntries.userId }).from(timeEntries).where(isNull(timeEntries.clockOut)).all();
    return new Set(open.map((row) => row.userId));
  }

  function entryOf(user: UserRow, shift: WorkingTimeRow | undefined, clockedIn: boolean): SwitchRosterEntry {
    return {
      id: user.id,
      username: user.username,
      first_name: user.firstName,
      last_name: user.lastName,
      role: roleOfUser(user),
      has_pin: user.pinHash !== null,
      planned: shift ? { start_time: shift.startTime, end_time: shift.endTime } : null,
      clocked_in: clockedIn,
    };
  }

  return function switchRoster(origin: DeviceOrigin, now = Date.now()): SwitchRoster {
    assertTrustedDevice(origin);
    const shifts = currentShifts(now);
    const clockedIn = clockedInUsers();
    const ids = [...new Set([...shifts.keys(), ...clockedIn])];
    if (ids.length === 0) return { items: [] };
    const people = db
      .select()
      .from(users)
      .where(
        and(
          inArray(users.id, ids),
          eq(users.isActive, true),
          isNull(users.deletedAt),
          inArray(
            users.roleId,
            STAFF_ROLES.map((role) => ROLE_IDS[role]),
          ),
        ),
      )
      .all();
    const items = people
      .map((user) => entryOf(user, shifts.get(user.id), clockedIn.has(user.id)))
      .sort((a, b) => a.first_name.localeCompare(b.first_name) || a.last_name.localeCompare(b.last_name) || a.id - b.id);
    return { items };
  };
}

export type SwitchRosterQuery = ReturnType<typeof createSwitchRoster>;
