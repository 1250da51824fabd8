import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { pinPolicyProblem } from '../../../shared/pin-policy';
import type { SetPinInput } from '../../../shared/schemas/pins';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit-log';
import type { PasswordGuessGuard } from '../auth/password-guesses';
import type { PasswordHasher } from '../auth/password-hasher';
import { DomainError } from '../errors';
import { requirePermission } from '../permissions';
import { loadReachableUser, refreshActor } from '../staff/user-access';

interface PinServiceDeps {
  db: Db;
  hasher: PasswordHasher;
  guesses: PasswordGuessGuard;
}

/** 400 `pin_policy` for a PIN the shop would not want (shared/pin-policy.ts). */
export function assertPinPolicy(pin: string): void {
  const problem = pinPolicyProblem(pin);
  if (problem !== null) throw new DomainError('pin_policy', problem, { fields: { pin: [problem] } });
}

/**
 * Staff PINs: set by their owner (who proves it with the password), cleared by the owner or by
 * whoever manages the account. Hashed like passwords; the hash never leaves the core, and the
 * audit rows say that a PIN changed, never what it is.
 */
export function createPinService({ db, hasher, guesses }: PinServiceDeps) {
  return {
    async setOwnPin(actor: Actor, input: SetPinInput, now = Date.now()): Promise<void> {
      requirePermission(actor, 'pins.set_own', 'Only staff have a PIN.');
      // The rule first: it costs no bcrypt and spends no password guess.
      assertPinPolicy(input.pin);
      await guesses.assertCurrentPassword(actor.user, input.password, 'password');
      const pinHash = await hasher.hash(input.pin);
      db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        tx.update(users).set({ pinHash, pinSetAt: now, updatedAt: now }).where(eq(users.id, current.user.id)).run();
        recordAudit(tx, {
          actorId: current.user.id,
          action: 'user.pin_set',
          targetType: 'user',
          targetId: current.user.id,
          after: { replaced: current.user.pinHash !== null },
          now,
        });
      });
    },

    /** Clearing an absent PIN changes nothing and writes no audit row. */
    clearPin(actor: Actor, userId: number, now = Date.now()): void {
      db.transaction((tx) => {
        const current = refreshActor(tx, actor);
        const target = loadReachableUser(tx, current, userId, 'users.clear_pin');
        if (target.pinHash === null) return;
        tx.update(users).set({ pinHash: null, pinSetAt: null, updatedAt: now }).where(eq(users.id, target.id)).run();
        recordAudit(tx, { actorId: current.user.id, action: 'user.pin_cleared', targetType: 'user', targetId: target.id, now });
      });
    },
  };
}

export type PinService = ReturnType<typeof createPinService>;
