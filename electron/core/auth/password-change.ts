import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { findUserById } from '../staff/user-queries';
import type { PasswordChanger } from './authenticate';
import type { PasswordHasher } from './password-hasher';
import type { PasswordGuessGuard } from './password-guesses';
import { revokeAccessToken, revokeUserSessions } from './sessions';

interface PasswordChangeDeps {
  db: Db;
  hasher: PasswordHasher;
  policyOf(roleId: number): PasswordPolicy;
  guesses: PasswordGuessGuard;
}

export const passwordReused = (field = 'new_password') =>
  new DomainError('password_reused', 'The new password must be different from the current one.', {
    fields: { [field]: ['The new password must be different from the current one.'] },
  });

/**
 * A user changes their own password. Every other sign-in of theirs ends; a change token is
 * single-use. Wrong old passwords spend the account's guess budget (429 past it).
 */
export function createPasswordChangeService({ db, hasher, policyOf, guesses }: PasswordChangeDeps) {
  return {
    async changePassword(who: PasswordChanger, oldPassword: string, newPassword: string, now = Date.now()): Promise<void> {
      const user = findUserById(db, who.userId);
      if (!user) throw new DomainError('token_revoked', 'This session has been ended.');
      await guesses.assertCurrentPassword(user, oldPassword, 'old_password');
      if (newPassword === oldPassword) throw passwordReused();
      assertPasswordMeetsPolicy(policyOf(user.roleId), newPassword, 'new_password');
      const newHash = await hasher.hash(newPassword);
      db.transaction((tx) => {
        // Re-read after the hashing: an account removed meanwhile gets no new password.
        const current = findUserById(tx, user.id);
        if (!current || current.deletedAt !== null) throw new DomainError('token_revoked', 'This session has been ended.');
        tx.update(users)
          .set({ passwordHash: newHash, passwordChangedAt: now, mustChangePassword: false, failedAttempts: 0, updatedAt: now })
          .where(eq(users.id, user.id))
          .run();
        revokeUserSessions(tx, user.id, 'password_changed', now, who.sessionId ?? undefined);
        if (who.sessionId === null) revokeAccessToken(tx, who.tokenId, who.tokenExpiresAt);
        recordAudit(tx, { actorId: user.id, action: 'user.password_changed', targetType: 'user', targetId: user.id, now });
      });
    },
  };
}
