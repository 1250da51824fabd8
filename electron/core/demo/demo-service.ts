import type { Db } from '../../../db/client';
import { users, workingTimes } from '../../../db/schema';
import { ROLE_IDS, type RoleKey } from '../../../shared/roles';
import type { PasswordHasher } from '../auth/password-hasher';

/**
 * Writes for the demo shop only: accounts that can sign in at once (no forced change) and
 * shifts, without the permission checks that a real change goes through.
 */
export function createDemoService(db: Db, hasher: PasswordHasher) {
  return {
    async createAccount(input: {
      username: string;
      password: string;
      first_name: string;
      last_name: string;
      email: string;
      phone?: string;
      role: RoleKey;
      managerId: number | null;
    }): Promise<{ id: number }> {
      const passwordHash = await hasher.hash(input.password);
      const now = Date.now();
      return db
        .insert(users)
        .values({
          username: input.username,
          firstName: input.first_name,
          lastName: input.last_name,
          email: input.email,
          phone: input.phone ?? null,
          passwordHash,
          roleId: ROLE_IDS[input.role],
          managerId: input.managerId,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id })
        .get();
    },

    setShift(input: { userId: number; date: string; start: string; end: string; createdBy: number }): void {
      const now = Date.now();
      db.insert(workingTimes)
        .values({ userId: input.userId, date: input.date, startTime: input.start, endTime: input.end, createdAt: now, createdBy: input.createdBy, updatedAt: now })
        .onConflictDoNothing()
        .run();
    },
  };
}
