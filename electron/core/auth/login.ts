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

/** A live sign-in: the token pair and who it is for. */
export interface SignedIn extends TokenPair {
  role: string;
  user: UserDto;
}

/** Why the right password is not enough yet: a temporary one, or one past the role's expiry. */
export type PasswordChangeReason = 'temporary' | 'expired';

/**
 * The outcome of a sign-in with the right password. A forced change is an expected outcome,
 * not an exception: its change token is a credential and never rides inside an error.
 */
export type LoginResult =
  ({ kind: 'signed_in' } & SignedIn) | { kind: 'password_change_required'; changeToken: string; reason: PasswordChangeReason };

/** The 403 code 4 refusal of docs/contract/API.md, without the token (each adapter hands that out its own way). */
export const passwordChangeRequired = (reason: PasswordChangeReason) =>
  new DomainError(
    'password_expired',
    reason === 'temporary' ? 'You must set a new password before signing in.' : 'Your password has expired. Set a new one.',
  );

/** How one kind of secret is checked at sign-in (a password, a PIN). */
export interface SecretCheck {
  /** Whether the account has this secret at all; one without it is answered like an unknown user. */
  canCheck?(user: UserRow): boolean;
  check(user: UserRow): Promise<boolean>;
  checkNothing(): Promise<void>;
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
  new DomainError(
    'account_locked',
    'This account is locked after too many failed sign-ins. Ask a manager to unlock it, or reset the password by PIN.',
  );

export function isPasswordExpired(user: UserRow, policy: PasswordPolicy, now: number): boolean {
  return policy.password_expiration > 0 && now - user.passwordChangedAt > policy.password_expiration * DAY_MS;
}

/**
 * Counts a wrong secret (a password, or a PIN at sign-in or in an approval) toward the account's
 * lockout; returns whether this failure locked the account (audited as `user.locked`).
 */
export function recordFailedSignIn(db: Db, policyOf: (roleId: number) => PasswordPolicy, user: UserRow, now: number): boolean {
  return db.transaction((tx) => {
    const updated = tx
      .update(users)
      .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedAttempts: users.failedAttempts, lockedAt: users.lockedAt })
      .get();
    if (!updated || updated.lockedAt !== null) return false;
    if (updated.failedAttempts >= policyOf(user.roleId).max_failed_attempts) {
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

/**
 * Sign-in with lockout (docs/contract/API.md, Auth): the failure that reaches the role's
 * `max_failed_attempts` locks the account, and a locked account answers 423 even to the right
 * password. Unknown users cost the same bcrypt time as known ones.
 */
export function createLoginService(deps: LoginDeps) {
  const { db, hasher, signer, sessions, throttle } = deps;

  const recordFailedAttempt = (user: UserRow, now: number) => recordFailedSignIn(db, deps.policyOf, user, now);

  /** The checks after the password is known to be right (its throttle point is already back). */
  async function admit(user: UserRow, now: number): Promise<LoginResult> {
    if (!user.isActive || user.deletedAt !== null) {
      throw new DomainError('account_inactive', 'This account is inactive.');
    }
    if (user.failedAttempts > 0) db.update(users).set({ failedAttempts: 0 }).where(eq(users.id, user.id)).run();

    if (user.mustChangePassword || isPasswordExpired(user, deps.policyOf(user.roleId), now)) {
      const change = await signer.sign('change', { userId: user.id, sessionId: '' }, now);
      return { kind: 'password_change_required', changeToken: change.token, reason: user.mustChangePassword ? 'temporary' : 'expired' };
    }
    const pair = await sessions.start(user.id, roleOfUser(user), now);
    return { kind: 'signed_in', ...pair, role: roleDisplayName(user), user: toUserDto(user) };
  }

  /** bcrypt through the bounded pool; a full pool is not a failed guess, so the point goes back. */
  async function checkPassword(clientKey: string, check: () => Promise<boolean>): Promise<boolean> {
    try {
      return await check();
    } catch (error) {
      await throttle.giveBack(clientKey);
      throw error;
    }
  }

  /**
   * The sign-in of any secret: `check` proves it against the account, `checkNothing` burns the
   * same time when there is nothing to check it against (unknown user, or no such secret set).
   */
  async function signInWith(username: string, clientKey: string, secret: SecretCheck, now = Date.now()): Promise<LoginResult> {
    // The attempt is counted before bcrypt, so a concurrent burst meets the limit too.
    await throttle.take(clientKey);
    const found = findUserByUsername(db, username);
    const checkable = found && (secret.canCheck?.(found) ?? true) ? found : null;
    if (!checkable) {
      await checkPassword(clientKey, async () => {
        await secret.checkNothing();
        return false;
      });
      throw invalidCredentials();
    }
    const matches = await checkPassword(clientKey, () => secret.check(checkable));
    if (matches) await throttle.giveBack(clientKey);
    // Re-read: the account may have changed while the hash was being checked.
    const user = findUserById(db, checkable.id);
    if (!user) throw invalidCredentials();
    if (user.lockedAt !== null) throw accountLocked();
    if (!matches) throw invalidCredentials(recordFailedAttempt(user, now));
    return admit(user, now);
  }

  return {
    login(username: string, password: string, clientKey: string, now = Date.now()): Promise<LoginResult> {
      return signInWith(
        username,
        clientKey,
        { check: (user) => hasher.verify(password, user.passwordHash), checkNothing: () => hasher.verifyAgainstNothing(password) },
        now,
      );
    },

    /** The same door with another secret (a staff PIN): its own check, the same lockout and tokens. */
    signInWith,

    /**
     * Signs in the holder of a change token right after the forced change (the password was
     * just proven, so no second bcrypt): the same account checks as a sign-in.
     */
    async signInAfterChange(userId: number, now = Date.now()): Promise<LoginResult> {
      const user = findUserById(db, userId);
      if (!user || user.deletedAt !== null) throw new DomainError('token_revoked', 'This session has been ended.');
      if (user.lockedAt !== null) throw accountLocked();
      return admit(user, now);
    },
  };
}

export type LoginService = ReturnType<typeof createLoginService>;
