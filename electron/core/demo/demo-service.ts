import type { Db } from '../../../db/client';
import { workingTimes } from '../../../db/schema';
import type { RoleKey } from '../../../shared/roles';
import type { PasswordHasher } from '../auth/password-hasher';
import { insertUser } from '../staff/insert-user';

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
      return insertUser(db, { ...input, passwordHash }, Date.now());
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
