import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { recordAudit } from '../audit/audit-log';
import type { PasswordHasher } from '../auth/password-hasher';
import { revokeUserSessions } from '../auth/sessions';
import { DomainError } from '../errors';
import { findUserByUsername } from '../staff/user-queries';
import { generateOneTimePassword } from './one-time-password';

/** What the audit log says about where a recovery came from. */
const VIA = 'recover command on the shop computer';

export interface RecoveryOutcome {
  user: UserRow;
  /** Deactivated accounts can be recovered, but their sign-in still answers 403. */
  inactive: boolean;
}

interface RecoveryDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
}

/**
 * The way back in for whoever can run a command on the machine that holds the data folder
 * (physical access is the proof): unlock an account, or give it a one-time password that must
 * be changed at the next sign-in. Safe beside a running server: SQLite in WAL with a busy
 * timeout, and each change is one IMMEDIATE transaction that takes the write lock up front.
 */
export function createRecoveryService({ db, hasher, policyOf }: RecoveryDeps) {
  const noSuchAccount = (username: string) => new DomainError('not_found', `There is no account named "${username}".`);

  function findAccount(username: string): UserRow {
    const user = findUserByUsername(db, username);
    if (!user || user.deletedAt !== null) throw noSuchAccount(username);
    return user;
  }

  return {
    unlock(username: string, now = Date.now()): RecoveryOutcome {
      const found = findAccount(username);
      const user = db.transaction(
        (tx) => {
          const after = tx
            .update(users)
            .set({ lockedAt: null, failedAttempts: 0, updatedAt: now })
            .where(eq(users.id, found.id))
            .returning()
            .get();
          if (!after || after.deletedAt !== null) throw noSuchAccount(username);
          recordAudit(tx, {
            actorId: null,
            action: 'user.recovered_unlock',
            targetType: 'user',
            targetId: found.id,
            before: { is_locked: found.lockedAt !== null, failed_attempts: found.failedAttempts },
            after: { is_locked: false, failed_attempts: 0, via: VIA },
            now,
          });
          return after;
        },
        { behavior: 'immediate' },
      );
      return { user, inactive: !user.isActive };
    },

    /** Sets a fresh one-time password, unlocks, ends every sign-in; returns the password once. */
    async resetPassword(username: string, now = Date.now()): Promise<RecoveryOutcome & { password: string }> {
      const found = findAccount(username);
      const password = generateOneTimePassword(policyOf(found.roleId));
      const passwordHash = await hasher.hash(password);
      const user = db.transaction(
        (tx) => {
          const after = tx
            .update(users)
            .set({ passwordHash, passwordChangedAt: now, mustChangePassword: true, lockedAt: null, failedAttempts: 0, updatedAt: now })
            .where(eq(users.id, found.id))
            .returning()
            .get();
          if (!after || after.deletedAt !== null) throw noSuchAccount(username);
          revokeUserSessions(tx, found.id, 'password_set', now);
          recordAudit(tx, {
            actorId: null,
            action: 'user.recovered_password',
            targetType: 'user',
            targetId: found.id,
            before: { is_locked: found.lockedAt !== null },
            after: { is_locked: false, must_change_password: true, via: VIA },
            now,
          });
          return after;
        },
        { behavior: 'immediate' },
      );
      return { user, inactive: !user.isActive, password };
    },
  };
}

export type RecoveryService = ReturnType<typeof createRecoveryService>;
