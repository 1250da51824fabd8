import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users, type UserRow } from '../../../db/schema';
import type { PasswordPolicy } from '../../../shared/password-policy';
import type { UserDto } from '../../../shared/schemas/users';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { findUserById, findUserByUsername, roleDisplayName, roleOfUser, toUserDto } from '../staff/user-queries';
import type { FailureThrottle } from './login-throttle';
import type { PasswordHasher } from './password-hasher';
import type { SessionStore, TokenPair } from './sessions';
import type { TokenSigner } from './tokens';

const DAY_MS = 24 * 3600 * 1000;

export interface LoginResult extends TokenPair {
  role: string;
  user: UserDto;
}

interface LoginDeps {
  db: Db;
  hasher: PasswordHasher;
  signer: TokenSigner;
  sessions: SessionStore;
  throttle: FailureThrottle;
  policyOf(roleId: number): PasswordPolicy;
}

const invalidCredentials = (lockedNow = false) =>
  new DomainError('invalid_credentials', 'Unable to log in with the provided credentials.', { lockedNow });

export const accountLocked = () =>
  new DomainError('account_locked', 'This account is locked after too many failed sign-ins. Ask a manager to unlock it, or reset the password by PIN.');

export function isPasswordExpired(user: UserRow, policy: PasswordPolicy, now: number): boolean {
  return policy.password_expiration > 0 && now - user.passwordChangedAt > policy.password_expiration * DAY_MS;
}

/**
 * Sign-in with lockout (API.md, Auth): the failure that reaches the role's
 * `max_failed_attempts` locks the account, and a locked account answers 423 even to the right
 * password. Unknown users cost the same bcrypt time as known ones.
 */
export function createLoginService(deps: LoginDeps) {
  const { db, hasher, signer, sessions, throttle } = deps;

  /** Counts a wrong password; returns whether this failure locked the account. */
  function recordFailedAttempt(user: UserRow, now: number): boolean {
    return db.transaction((tx) => {
      const updated = tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts, lockedAt: users.lockedAt })
        .get();
      if (!updated || updated.lockedAt !== null) return false;
      if (updated.failedAttempts >= deps.policyOf(user.roleId).max_failed_attempts) {
        tx.update(users).set({ lockedAt: now }).where(eq(users.id, user.id)).run();
        recordAudit(tx, {
          actorId: null,
          action: 'user.locked',
          targetType: 'user',
          targetId: user.id,
          after: { failed_attempts: updated.failedAttempts },
          now,
        });
        return true;
      }
      return false;
    });
  }

  return {
    async login(username: string, password: string, clientKey: string, now = Date.now()): Promise<LoginResult> {
      await throttle.assertAllowed(clientKey);
      const found = findUserByUsername(db, username);
      if (!found) {
        await hasher.verifyAgainstNothing(password);
        await throttle.recordFailure(clientKey);
        throw invalidCredentials();
      }
      const matches = await hasher.verify(password, found.passwordHash);
      // Re-read: the account may have changed while the hash was being checked.
      const user = findUserById(db, found.id);
      if (!user) throw invalidCredentials();
      if (user.lockedAt !== null) {
        if (!matches) await throttle.recordFailure(clientKey);
        throw accountLocked();
      }
      if (!matches) {
        const lockedNow = recordFailedAttempt(user, now);
        await throttle.recordFailure(clientKey);
        throw invalidCredentials(lockedNow);
      }
      if (!user.isActive || user.deletedAt !== null) {
        throw new DomainError('account_inactive', 'This account is inactive.');
      }
      if (user.failedAttempts > 0) db.update(users).set({ failedAttempts: 0 }).where(eq(users.id, user.id)).run();

      if (user.mustChangePassword || isPasswordExpired(user, deps.policyOf(user.roleId), now)) {
        const change = await signer.sign('change', { userId: user.id, sessionId: '' }, now);
        throw new DomainError(
          'password_expired',
          user.mustChangePassword ? 'You must set a new password before signing in.' : 'Your password has expired. Set a new one.',
          { changeToken: change.token },
        );
      }
      const pair = await sessions.start(user.id, roleOfUser(user), now);
      return { ...pair, role: roleDisplayName(user), user: toUserDto(user) };
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
