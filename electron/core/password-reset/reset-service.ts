import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client';
import { resetPins, users, type UserRow } from '../../../db/schema';
import { normalizeContact } from '../../../shared/contact';
import type { PasswordPolicy } from '../../../shared/password-policy';
import type { ResetChannel } from '../../../shared/schemas/password-reset';
import { recordAudit } from '../audit/audit-log';
import type { FailureThrottle } from '../auth/login-throttle';
import { passwordReused } from '../auth/password-change';
import type { PasswordGuessGuard } from '../auth/password-guesses';
import type { PasswordHasher } from '../auth/password-hasher';
import { revokeUserSessions } from '../auth/sessions';
import { DomainError } from '../errors';
import type { Notifier } from '../notify/notifier';
import { assertPasswordMeetsPolicy } from '../roles/policy';
import { findUserById } from '../staff/user-queries';
import { recordWrongPin, resetBlockedUntil, type ResetGuardOptions } from './reset-guard';

export const PIN_TTL_MS = 10 * 60 * 1000;
export const PIN_TRIES = 5;
export const RESET_TOKEN_TTL_MS = 10 * 60 * 1000;

interface ResetDeps {
  db: Db;
  hasher: PasswordHasher;
  notifier: Notifier;
  policyOf(roleId: number): PasswordPolicy;
  /** Key for the PIN and reset-token digests; a leaked table alone cannot be brute-forced. */
  digestKey: Uint8Array;
  /** Requests per client address; answered 429 past the limit (it says nothing about accounts). */
  requestThrottle: FailureThrottle;
  /**
   * Requests per account AND client address; past the limit no PIN is sent, and the answer
   * stays the same. Keyed by both so a stranger's requests spend their own budget, not the
   * owner's at the shop computer.
   */
  accountThrottle: FailureThrottle;
  /** A looser cap per account over all addresses: bounds how many PINs a mailbox can be sent. */
  accountTotalThrottle: FailureThrottle;
  /** Wrong PINs and unknown accounts per client address. */
  verifyThrottle: FailureThrottle;
  /** Wrong PINs per account across re-issued PINs, persisted (`reset_guards`). */
  guard: ResetGuardOptions;
  /** "Same as the current password" answers of confirm spend the account's guess budget. */
  guesses: PasswordGuessGuard;
}

const pinInvalid = () => new DomainError('pin_invalid', 'The PIN is not correct.');
const pinExpired = () => new DomainError('pin_expired', 'The PIN has expired or has been used up. Ask for a new one.');
const resetTokenInvalid = () => new DomainError('reset_token_invalid', 'This reset link has expired or was already used. Start again.');

/**
 * Password reset by a PIN sent by email or SMS (docs/contract/API.md, Auth). The PIN is six digits from a
 * cryptographic RNG, stored as a keyed digest, lives 10 minutes and allows 5 tries; `verify`
 * trades it for a single-use reset token; `confirm` sets the password, unlocks the account and
 * ends its sessions. `request` looks the same whether or not the account exists, and whether
 * or not a PIN was sent (throttled, or the account's reset is blocked after too many wrong PINs).
 */
export function createPasswordResetService(deps: ResetDeps) {
  const { db } = deps;
  const digest = (text: string) => createHmac('sha256', deps.digestKey).update(text).digest('base64url');

  function findAccount(type: ResetChannel, value: string): UserRow | undefined {
    const contact = normalizeContact(type, value);
    const column = type === 'email' ? users.email : users.phone;
    const user = db
      .select()
      .from(users)
      .where(and(eq(column, contact), isNull(users.deletedAt)))
      .get();
    return user?.isActive ? user : undefined;
  }

  /** Whether a PIN goes out: the account is not blocked and both request budgets have room. */
  async function maySend(user: UserRow, clientKey: string, now: number): Promise<boolean> {
    if (resetBlockedUntil(db, user.id, now) !== null) return false;
    const perClient = `user:${user.id}@${clientKey}`;
    if (!(await deps.accountThrottle.tryTake(perClient))) return false;
    if (await deps.accountTotalThrottle.tryTake(`user:${user.id}`)) return true;
    await deps.accountThrottle.giveBack(perClient);
    return false;
  }

  /** One wrong PIN: one try of this PIN, one of the account's budget; the last blocks resets. */
  function countWrongPin(tx: DbOrTx, userId: number, recipient: string, now: number): void {
    tx.update(resetPins)
      .set({ attemptsLeft: sql`max(${resetPins.attemptsLeft} - 1, 0)` })
      .where(eq(resetPins.userId, userId))
      .run();
    const counted = recordWrongPin(tx, userId, deps.guard, now);
    if (counted.blockedUntil === null) return;
    // The live PIN (and any reset token) dies with the block, and its message with it.
    tx.delete(resetPins).where(eq(resetPins.userId, userId)).run();
    deps.notifier.retire(tx, recipient);
    recordAudit(tx, {
      actorId: null,
      action: 'password_reset.blocked',
      targetType: 'user',
      targetId: userId,
      after: { wrong_pins: counted.wrongPins, blocked_until: new Date(counted.blockedUntil).toISOString() },
      now,
    });
  }

  return {
    async request(type: ResetChannel, value: string, clientKey: string, now = Date.now()): Promise<void> {
      await deps.requestThrottle.take(clientKey);
      const user = findAccount(type, value);
      const send = user !== undefined && (await maySend(user, clientKey, now));
      const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Known or not, one transaction with one audit row: the same work, the same time.
      db.transaction((tx) => {
        if (user && send) {
          const row = {
            channel: type,
            pinHash: digest(`${user.id}:${pin}`),
            expiresAt: now + PIN_TTL_MS,
            attemptsLeft: PIN_TRIES,
            resetTokenHash: null,
            resetTokenExpiresAt: null,
            createdAt: now,
          };
          tx.insert(resetPins)
            .values({ userId: user.id, ...row })
            .onConflictDoUpdate({ target: resetPins.userId, set: row })
            .run();
          // The new PIN replaces the old one: an older message must not show a dead PIN as live.
          deps.notifier.retire(tx, normalizeContact(type, value));
          deps.notifier.enqueue(
            tx,
            type,
            {
              to: normalizeContact(type, value),
              subject: 'Your ShopDesk password reset PIN',
              text: `Your ShopDesk password reset PIN is ${pin}. It expires in ten minutes. If you did not ask for it, ignore this message.`,
            },
            now,
          );
        }
        recordAudit(tx, {
          actorId: null,
          action: 'password_reset.requested',
          targetType: 'user',
          targetId: user?.id ?? null,
          after: { type, sent: send },
          now,
        });
      });
      // After the answer is on its way: delivery work must not make a known account slower.
      if (user && send) setImmediate(() => void deps.notifier.kick());
    },

    async verify(type: ResetChannel, value: string, pin: string, clientKey: string, now = Date.now()): Promise<string> {
      // Taken before the check, so a concurrent burst meets the limit; a right PIN gives it back.
      await deps.verifyThrottle.take(clientKey);
      const user = findAccount(type, value);
      // A blocked account answers as a used-up PIN, and its guesses are not looked at.
      if (user && resetBlockedUntil(db, user.id, now) !== null) throw pinExpired();
      const stored = user ? db.select().from(resetPins).where(eq(resetPins.userId, user.id)).get() : undefined;
      if (!user || !stored || stored.channel !== type) throw pinInvalid();
      if (stored.expiresAt <= now || stored.attemptsLeft <= 0) {
        await deps.verifyThrottle.giveBack(clientKey);
        throw pinExpired();
      }
      const given = Buffer.from(digest(`${user.id}:${pin}`));
      const expected = Buffer.from(stored.pinHash);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        db.transaction((tx) => countWrongPin(tx, user.id, normalizeContact(type, value), now));
        throw pinInvalid();
      }
      await deps.verifyThrottle.giveBack(clientKey);
      const resetToken = randomBytes(32).toString('base64url');
      // The PIN is spent: it cannot be verified a second time.
      db.transaction((tx) => {
        tx.update(resetPins)
          .set({ attemptsLeft: 0, resetTokenHash: digest(`token:${resetToken}`), resetTokenExpiresAt: now + RESET_TOKEN_TTL_MS })
          .where(eq(resetPins.userId, user.id))
          .run();
        deps.notifier.retire(tx, normalizeContact(type, value));
      });
      return resetToken;
    },

    async confirm(resetToken: string, password: string, now = Date.now()): Promise<void> {
      const stored = db
        .select()
        .from(resetPins)
        .where(eq(resetPins.resetTokenHash, digest(`token:${resetToken}`)))
        .get();
      if (!stored || stored.resetTokenExpiresAt === null || stored.resetTokenExpiresAt <= now) throw resetTokenInvalid();
      const user = findUserById(db, stored.userId);
      if (!user || user.deletedAt !== null || !user.isActive) throw resetTokenInvalid();
      // The policy first: it costs no bcrypt and tells nothing about the current password.
      assertPasswordMeetsPolicy(deps.policyOf(user.roleId), password, 'password');
      // "Same as the current one" reveals the current password: those answers are budgeted.
      if (await deps.guesses.isCurrentPassword(user, password)) throw passwordReused('password');
      const passwordHash = await deps.hasher.hash(password);
      db.transaction((tx) => {
        // Single use: the token row goes with the change, or neither happens.
        const consumed = tx
          .delete(resetPins)
          .where(and(eq(resetPins.userId, user.id), eq(resetPins.resetTokenHash, stored.resetTokenHash ?? '')))
          .run();
        if (consumed.changes !== 1) throw resetTokenInvalid();
        tx.update(users)
          .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, failedAttempts: 0, lockedAt: null, updatedAt: now })
          .where(eq(users.id, user.id))
          .run();
        revokeUserSessions(tx, user.id, 'reset', now);
        recordAudit(tx, {
          actorId: user.id,
          action: 'user.password_reset',
          targetType: 'user',
          targetId: user.id,
          before: { is_locked: user.lockedAt !== null },
          after: { is_locked: false },
          now,
        });
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
